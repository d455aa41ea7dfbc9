//! The `loa` binary: exit codes (0 built, 1 site errors, 2 bad command line), located
//! messages on stderr in Vietnamese or, with `--lang en`, English, and the `new`, `init` and
//! `check` commands.

mod common;

use common::*;
use std::path::Path;
use std::process::{Command, Output};

/// 2021-06-01T00:00:00+07:00.
const EPOCH: &str = "1622480400";

fn loa(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_loa"));
    c.args(args).env_remove("SOURCE_DATE_EPOCH");
    c
}

fn run(c: &mut Command) -> (i32, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = c.output().expect("run loa");
    (
        status.code().expect("loa was killed by a signal"),
        String::from_utf8(stdout).expect("stdout is UTF-8"),
        String::from_utf8(stderr).expect("stderr is UTF-8"),
    )
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn build_succeeds_with_a_summary_in_either_language() {
    let s = fixture("basic");
    let args = [
        "build",
        "--root",
        p(&s.root),
        "--output",
        p(&s.out),
        "--now",
        NOW,
    ];
    let (code, out, err) = run(&mut loa(&args));
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Đã xây dựng 11 trang ("), "{out}");
    assert!(err.is_empty(), "{err}");
    assert!(s.has("huong-dan/cu-tri/danh-sach/index.html"));

    let mut en = vec!["--lang", "en"];
    en.extend(args);
    let (code, out, _) = run(&mut loa(&en));
    assert_eq!(code, 0);
    assert!(out.starts_with("Built 11 pages ("), "{out}");

    let mut quiet = args.to_vec();
    quiet.push("--quiet");
    let (code, out, err) = run(&mut loa(&quiet));
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
}

#[test]
fn site_errors_exit_1_with_file_line_and_column() {
    let s = fixture("basic");
    s.write(
        "content/tin-tuc/moi.md",
        "---\ntitle: Mới\n---\n\nĐoạn đầu.\n\nXem điều [này](khong-co.md) nhé.\n",
    );
    s.write("content/huong-dan/sai.md", "---\ntitel: Sai\n---\n");
    let args = [
        "build",
        "--root",
        p(&s.root),
        "--output",
        p(&s.out),
        "--now",
        NOW,
    ];
    let (code, out, err) = run(&mut loa(&args));
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty(), "{out}");
    // Reading errors stop the build before links are checked.
    assert!(
        err.contains("lỗi[unknown-key]: khóa `titel` không được hỗ trợ"),
        "{err}"
    );
    assert!(err.contains("--> content/huong-dan/sai.md:2:1"), "{err}");
    assert!(
        err.contains("cách sửa: có phải bạn định viết `title`?"),
        "{err}"
    );
    assert!(err.contains("Không ghi gì"), "{err}");
    assert!(!s.out.exists());

    s.remove("content/huong-dan/sai.md");
    let (code, _, err) = run(&mut loa(&args));
    assert_eq!(code, 1);
    assert!(err.contains("lỗi[broken-link]"), "{err}");
    assert!(err.contains("content/tin-tuc/moi.md:7:10"), "{err}");
    assert!(
        err.contains("7 | Xem điều [này](khong-co.md) nhé."),
        "{err}"
    );

    let mut en = vec!["--lang", "en"];
    en.extend(args);
    let (code, _, err) = run(&mut loa(&en));
    assert_eq!(code, 1);
    assert!(
        err.contains("error[broken-link]: the link to `khong-co.md` points to no page"),
        "{err}"
    );
    assert!(err.contains("--> content/tin-tuc/moi.md:7:10"), "{err}");
    assert!(err.contains("Nothing was written"), "{err}");
    assert!(
        !err.contains("lỗi"),
        "Vietnamese left in English output: {err}"
    );
    // `--lang` also works after the subcommand.
    let mut after = args.to_vec();
    after.extend(["--lang", "en"]);
    let (_, _, err) = run(&mut loa(&after));
    assert!(err.contains("error[broken-link]"), "{err}");
}

#[test]
fn bad_command_lines_exit_2() {
    let s = fixture("basic");
    for args in [
        vec!["build", "--root", p(&s.root), "--no-such-flag"],
        vec!["--lang", "fr", "build", "--root", p(&s.root)],
        vec!["no-such-command"],
        vec![],
    ] {
        let (code, _, err) = run(&mut loa(&args));
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(!err.is_empty());
    }
    assert!(!s.root.join("public").exists());
}

#[test]
fn build_time_comes_from_source_date_epoch() {
    let s = fixture("basic");
    let args = [
        "build",
        "--root",
        p(&s.root),
        "--output",
        p(&s.out),
        "--quiet",
    ];
    let (code, _, err) = run(loa(&args).env("SOURCE_DATE_EPOCH", EPOCH));
    assert_eq!(code, 0, "{err}");
    let by_epoch = tree(&s.out);
    let mut lib = s.opts();
    lib.output = Some(s.tmp.path().join("lib"));
    loa::build(&lib).unwrap();
    assert_eq!(by_epoch, tree(&s.tmp.path().join("lib")));

    let (code, _, err) = run(loa(&args).env("SOURCE_DATE_EPOCH", "hôm nay"));
    assert_eq!(code, 1);
    assert!(err.contains("[bad-now]"), "{err}");
}

#[test]
fn warnings_print_but_fail_only_with_strict() {
    let s = site_from(&[
        ("site.yaml", "title: \"Thử\"\n"),
        ("content/_index.md", "---\ntitle: Trang chủ\n---\n"),
    ]);
    let args = [
        "build",
        "--root",
        p(&s.root),
        "--output",
        p(&s.out),
        "--now",
        NOW,
    ];
    let (code, _, err) = run(&mut loa(&args));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("cảnh báo[no-base-url]"), "{err}");
    assert!(s.has("index.html") && !s.has("sitemap.xml"));
    let mut strict = args.to_vec();
    strict.push("--strict");
    std::fs::remove_dir_all(&s.out).unwrap();
    let (code, _, err) = run(&mut loa(&strict));
    assert_eq!(code, 1, "{err}");
    assert!(!s.out.exists());
}

#[test]
fn new_makes_a_page_named_after_the_title_that_builds() {
    let s = fixture("basic");
    let (code, out, err) = run(loa(&[
        "new",
        "tin-tuc",
        "--title",
        "Hội nghị “trực tuyến” lần 2",
        "--root",
        p(&s.root),
    ])
    .env("SOURCE_DATE_EPOCH", EPOCH));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("hoi-nghi-truc-tuyen-lan-2.md"), "{out}");
    let file = s.root.join("content/tin-tuc/hoi-nghi-truc-tuyen-lan-2.md");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.starts_with("---\ntitle: \"Hội nghị “trực tuyến” lần 2\"\n"),
        "{text}"
    );
    assert!(text.contains("\ndate: 2021-06-01\n"), "{text}");
    assert!(text.contains("\ndraft: true\n"), "{text}");

    // A draft: left out of a normal build, written with --drafts.
    s.build_ok();
    assert!(!s.out.join("tin-tuc/hoi-nghi-truc-tuyen-lan-2").exists());
    let mut o = s.opts();
    o.drafts = true;
    loa::build(&o).unwrap_or_else(|d| panic!("{d}"));
    let html = s.read("tin-tuc/hoi-nghi-truc-tuyen-lan-2/index.html");
    assert!(
        html.contains("<h1>Hội nghị “trực tuyến” lần 2</h1>"),
        "{html}"
    );

    // Never overwrites; needs an existing section.
    let again = [
        "new",
        "tin-tuc",
        "--title",
        "Hội nghị trực tuyến lần 2",
        "--root",
        p(&s.root),
    ];
    let (code, _, err) = run(&mut loa(&again));
    assert_eq!(code, 1, "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    let (code, _, _) = run(&mut loa(&[
        "new",
        "khong-co",
        "--title",
        "A",
        "--root",
        p(&s.root),
    ]));
    assert_eq!(code, 1);
    assert!(!s.root.join("content/khong-co").exists());
}

#[test]
fn init_makes_a_site_that_builds() {
    let t = tempfile::tempdir().unwrap();
    let site = t.path().join("site");
    let (code, out, err) = run(&mut loa(&["init", p(&site)]));
    assert_eq!(code, 0, "{err}");
    assert!(!out.is_empty());
    assert!(site.join("site.yaml").is_file());
    assert!(site.join("themes/default/templates/base.html").is_file());
    let (code, _, err) = run(&mut loa(&["build", "--root", p(&site)]));
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "warnings from a fresh site: {err}");
    let public = site.join("public");
    for f in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "tin-tuc/atom.xml",
        "tin-tuc/bat-dau/index.html",
    ] {
        assert!(public.join(f).is_file(), "{f}");
    }
    assert!(check_links(&public, "/", false).problems.is_empty());
    // Refuses a folder that is not empty.
    let (code, _, err) = run(&mut loa(&["init", p(&site)]));
    assert_eq!(code, 1, "{err}");
}

#[test]
fn check_writes_nothing() {
    let s = fixture("basic");
    let before = tree(&s.root);
    let (code, out, err) =
        run(loa(&["check", "--root", p(&s.root)]).env("SOURCE_DATE_EPOCH", EPOCH));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("11"), "{out}");
    assert_eq!(tree(&s.root), before, "check changed the site folder");
    assert!(!s.out.exists());
    let names: Vec<_> = std::fs::read_dir(s.tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["site"]);

    s.write(
        "content/huong-dan/sai.md",
        "---\ntitle: Sai\n---\n\n[x](/x/)\n",
    );
    let (code, _, err) =
        run(loa(&["--lang", "en", "check", "--root", p(&s.root)]).env("SOURCE_DATE_EPOCH", EPOCH));
    assert_eq!(code, 1);
    assert!(err.contains("error[root-relative-link]"), "{err}");
    assert!(err.contains("content/huong-dan/sai.md:5:1"), "{err}");
    assert!(!s.root.join("public").exists());
}

#[test]
fn the_error_report_reads_like_rustc_in_both_languages() {
    let s = site_from(&[
        ("content/_index.md", "---\ntitle: Trang chủ\n---\n"),
        (
            "content/tin/_index.md",
            "---\ntitle: Tin\ndescripton: \"Tin mới\"\n---\n",
        ),
        ("content/tin/a.md", "---\ntitle: A\ndate: 2021-02-30\n---\n"),
    ]);
    let mut report = String::new();
    for lang in ["vi", "en"] {
        let (code, out, err) = run(&mut loa(&[
            "--lang",
            lang,
            "build",
            "--root",
            p(&s.root),
            "--now",
            NOW,
        ]));
        assert_eq!((code, out.as_str()), (1, ""));
        report.push_str(&format!("--- {lang}\n{err}"));
    }
    insta::assert_snapshot!("error_report", report);
}
