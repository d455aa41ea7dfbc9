//! `loa serve`: builds into a private folder, serves it on the loopback address, rebuilds
//! when sources change, and tells open pages to reload.

use super::{EXIT_SITE_ERRORS, eprint_diags, say};
use crate::diagnostics::Lang;
use crate::options::Options;
use crate::serve::{self, RELOAD_SCRIPT_PATH, ServeConfig};
use std::net::IpAddr;
use std::time::Instant;

/// `loa serve`.
pub fn serve(mut opts: Options, bind: IpAddr, port: u16) -> u8 {
    let lang = opts.lang;
    let site_dir = std::env::temp_dir().join(format!("loa-serve-{}", std::process::id()));
    opts.output = Some(site_dir.clone());
    opts.live_reload = Some(RELOAD_SCRIPT_PATH.into());
    if opts.base_url.is_none() {
        opts.base_url = Some(format!("http://{bind}:{port}/"));
    }
    let root = opts.root.clone();
    let first = rebuild(&opts);
    if !first && !site_dir.exists() {
        let _ = std::fs::create_dir_all(&site_dir);
    }
    let cfg = ServeConfig {
        bind,
        port,
        site_dir: site_dir.clone(),
        watch: ["content", "templates", "static", "themes", "site.yaml"]
            .iter()
            .map(|p| root.join(p))
            .collect(),
        ignore: vec![root.join("public"), root.join("target"), root.join(".git")],
    };
    let result = serve::run(
        cfg,
        move || rebuild(&opts),
        |addr| {
            println!(
                "{} http://{addr}/",
                say(lang, "Đang phục vụ tại", "Serving at")
            );
            println!(
                "{}",
                say(lang, "Nhấn Ctrl+C để dừng.", "Press Ctrl+C to stop.")
            );
        },
    );
    let _ = std::fs::remove_dir_all(&site_dir);
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("{}: {e}", say(lang, "lỗi", "error"));
            EXIT_SITE_ERRORS
        }
    }
}

fn rebuild(opts: &Options) -> bool {
    let start = Instant::now();
    match crate::build(opts) {
        Ok(r) => {
            eprint_diags(&r.warnings, opts.lang);
            let ms = start.elapsed().as_millis();
            println!(
                "{}",
                match opts.lang {
                    Lang::Vi => format!("Đã xây dựng {} trang trong {ms} ms.", r.pages),
                    Lang::En => format!("Built {} pages in {ms} ms.", r.pages),
                }
            );
            true
        }
        Err(d) => {
            eprint_diags(&d, opts.lang);
            false
        }
    }
}
