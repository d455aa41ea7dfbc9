//! The bundled voter-information site at the repository root builds with `--strict` and has
//! what the content brief asks for: the sections, enough pages, dated updates with a locality,
//! enough questions, and sources on every page.

use loa::{BuildTime, Options};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn bundled_site_builds_strictly() {
    let out = tempfile::tempdir().unwrap();
    let mut opts = Options::new(root());
    opts.output = Some(out.path().join("public"));
    opts.now = BuildTime::Civil("2021-06-01".into());
    opts.strict = true;
    let report = loa::build(&opts).unwrap_or_else(|d| panic!("{d}"));
    assert!(report.pages >= 20, "only {} pages", report.pages);
    for section in [
        "quyen-va-nghia-vu-cua-cu-tri",
        "tieu-chuan-ung-cu",
        "lich-bau-cu",
        "tin-tuc",
        "van-ban",
        "hoi-dap",
        "gioi-thieu",
    ] {
        let f = out.path().join("public").join(section).join("index.html");
        assert!(f.is_file(), "{section} missing");
    }
    assert!(out.path().join("public/tin-tuc/atom.xml").is_file());
}

#[test]
fn bundled_content_meets_the_brief() {
    let (loaded, problems) =
        loa::content::load(root(), Default::default()).unwrap_or_else(|d| panic!("{d}"));
    assert!(problems.is_empty(), "{problems}");
    let in_dir = |d: &str| {
        loaded
            .sources
            .iter()
            .filter(|s| !s.is_section && s.dir() == d)
            .collect::<Vec<_>>()
    };
    assert!(in_dir("quyen-va-nghia-vu-cua-cu-tri").len() >= 4);
    assert!(in_dir("tieu-chuan-ung-cu").len() >= 2);
    let updates = in_dir("tin-tuc");
    assert!(updates.len() >= 4);
    for u in &updates {
        let d = u.front.date.expect("every update is dated").date();
        assert_eq!(d.year(), 2021, "{}", u.rel);
        assert!(d.month() <= 2, "{}: January–February 2021 events", u.rel);
        assert!(u.front.locality.is_some(), "{} has no locality", u.rel);
    }
    let questions: usize = loaded
        .sources
        .iter()
        .filter(|s| s.dir() == "hoi-dap")
        .flat_map(|s| &s.headings)
        .filter(|h| h.level == 2 && h.title.ends_with('?'))
        .count();
    assert!(questions >= 8, "{questions} questions");
    for s in &loaded.sources {
        if !s.is_section || s.rel == "_index.md" {
            assert!(!s.front.sources.is_empty(), "{} lists no sources", s.rel);
        }
        assert!(!s.text.contains('\u{a0}'), "{} has a no-break space", s.rel);
    }
}
