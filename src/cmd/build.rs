//! `loa build` and `loa check`: run the pipeline, print problems and a one-line summary.

use super::{EXIT_SITE_ERRORS, eprint_diags};
use crate::diagnostics::{Diagnostics, Lang, display_path};
use crate::options::{BuildTime, Options};
use std::time::Instant;

/// The build time from `--now`, else `SOURCE_DATE_EPOCH`, else the clock.
pub fn build_time(now: Option<String>) -> BuildTime {
    if let Some(n) = now {
        return BuildTime::Civil(n);
    }
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(s) => match s.trim().parse::<i64>() {
            Ok(n) => BuildTime::Epoch(n),
            // Reported as a bad build time by the library.
            Err(_) => BuildTime::Civil(s),
        },
        Err(_) => BuildTime::Clock,
    }
}

/// `loa build`.
pub fn build(opts: &Options, quiet: bool) -> u8 {
    let start = Instant::now();
    match crate::build(opts) {
        Ok(report) => {
            eprint_diags(&report.warnings, opts.lang);
            if !quiet {
                let secs = start.elapsed().as_secs_f64();
                let out = display_path(&opts.output_dir());
                println!(
                    "{}",
                    match opts.lang {
                        Lang::Vi => format!(
                            "Đã xây dựng {} trang ({} tệp) vào {out} trong {secs:.2} giây.",
                            report.pages, report.files
                        ),
                        Lang::En => format!(
                            "Built {} pages ({} files) into {out} in {secs:.2} s.",
                            report.pages, report.files
                        ),
                    }
                );
            }
            0
        }
        Err(d) => fail(&d, opts.lang),
    }
}

/// `loa check`.
pub fn check(opts: &Options) -> u8 {
    match crate::check(opts) {
        Ok(report) => {
            eprint_diags(&report.warnings, opts.lang);
            println!(
                "{}",
                match opts.lang {
                    Lang::Vi => format!("Không có lỗi: {} trang.", report.pages),
                    Lang::En => format!("No errors: {} pages.", report.pages),
                }
            );
            0
        }
        Err(d) => fail(&d, opts.lang),
    }
}

fn fail(d: &Diagnostics, lang: Lang) -> u8 {
    eprint_diags(d, lang);
    eprintln!(
        "{}",
        super::say(
            lang,
            "Không ghi gì: hãy sửa các lỗi trên rồi chạy lại.",
            "Nothing was written: fix the errors above and run again."
        )
    );
    EXIT_SITE_ERRORS
}
