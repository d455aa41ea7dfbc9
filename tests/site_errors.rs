//! Errors found once the whole site is read — links, URL collisions, the section tree —
//! located like the others, all reported together, and the old output kept.

mod common;

use common::*;
use loa::diagnostics::Problem;
use std::path::PathBuf;

#[test]
fn broken_link_is_located_in_characters() {
    let d = one_error(&[(
        "content/a.md",
        "---\ntitle: A\n---\n\nĐoạn đầu.\n\nXem điều [này](khong-co.md) nhé.\n",
    )]);
    assert_eq!(
        d.problem,
        Problem::BrokenLink {
            target: "khong-co.md".into()
        }
    );
    assert_eq!(at(&d), loc("content/a.md", 7, 10));
    assert_eq!(
        d.source_line.as_deref(),
        Some("Xem điều [này](khong-co.md) nhé.")
    );
}

#[test]
fn broken_anchor_lists_the_headings_there() {
    let d = one_error(&[
        ("content/a.md", "---\ntitle: A\n---\n\n[b](b.md#khong-co)\n"),
        (
            "content/b.md",
            "---\ntitle: B\n---\n\n## Cử tri\n\n## Phiếu bầu\n",
        ),
    ]);
    assert_eq!(
        d.problem,
        Problem::BrokenAnchor {
            target: "b.md".into(),
            anchor: "khong-co".into(),
            available: vec!["cu-tri".into(), "phieu-bau".into()],
        }
    );
    assert_eq!(at(&d), loc("content/a.md", 5, 1));
}

#[test]
fn links_to_hidden_pages_are_errors() {
    let d = one_error(&[
        ("content/a.md", "---\ntitle: A\n---\n\nXem [nháp](b.md).\n"),
        ("content/b.md", "---\ntitle: B\ndraft: true\n---\n"),
    ]);
    assert_eq!(
        d.problem,
        Problem::LinkToHidden {
            target: "b.md".into(),
            draft: true
        }
    );
    assert_eq!(at(&d), loc("content/a.md", 5, 5));
    let d = one_error(&[
        ("content/a.md", "---\ntitle: A\n---\n\n[sau](b.md)\n"),
        ("content/b.md", "---\ntitle: B\npublish: 2099-01-01\n---\n"),
    ]);
    assert!(matches!(
        d.problem,
        Problem::LinkToHidden { draft: false, .. }
    ));
}

#[test]
fn root_relative_link_is_an_error() {
    let d = one_error(&[(
        "content/a.md",
        "---\ntitle: A\n---\n\n[lịch](/lich-bau-cu/)\n",
    )]);
    assert_eq!(
        d.problem,
        Problem::RootRelativeLink {
            target: "/lich-bau-cu/".into()
        }
    );
    assert_eq!(at(&d), loc("content/a.md", 5, 1));
    let d = one_error(&[("content/a.md", "---\ntitle: A\n---\n\n![ảnh](/anh.png)\n")]);
    assert!(matches!(d.problem, Problem::RootRelativeLink { .. }));
}

#[test]
fn two_files_with_one_url_collide() {
    let d = one_error(&[
        ("content/hoi-dap.md", "---\ntitle: Hỏi đáp\n---\n"),
        ("content/Hỏi đáp.md", "---\ntitle: Hỏi – đáp\n---\n"),
    ]);
    let Problem::UrlCollision { url, other } = &d.problem else {
        panic!("{:?}", d.problem)
    };
    assert_eq!(url, "/hoi-dap/");
    let (file, line, col) = at(&d);
    let pair = ["content/hoi-dap.md", "content/Hỏi đáp.md"];
    assert!(pair.contains(&file.as_str()) && pair.contains(&other.as_str()));
    assert_ne!(&file, other);
    assert_eq!(
        (line, col),
        (1, 1),
        "a collision is located at the file's start"
    );
}

#[test]
fn a_slug_collision_points_at_the_slug_line() {
    let d = one_error(&[
        ("content/hoi-dap.md", "---\ntitle: Hỏi đáp\n---\n"),
        (
            "content/tro-giup.md",
            "---\ntitle: Trợ giúp\nslug: \"Hỏi đáp\"\n---\n",
        ),
    ]);
    assert!(matches!(&d.problem, Problem::UrlCollision { url, other }
        if url == "/hoi-dap/" && other == "content/hoi-dap.md"));
    assert_eq!(at(&d), loc("content/tro-giup.md", 3, 1));
}

#[test]
fn a_folder_of_pages_needs_an_index() {
    let d = one_error(&[
        ("content/tin/a.md", "---\ntitle: A\n---\n"),
        ("content/tin/b.md", "---\ntitle: B\n---\n"),
    ]);
    assert_eq!(
        d.problem,
        Problem::NoSectionIndex {
            folder: "content/tin".into()
        }
    );
    let (file, line, _) = at(&d);
    assert!(file.starts_with("content/tin/"), "{file}");
    assert_eq!(line, 1, "located at the first page's start");
}

#[test]
fn all_errors_of_a_build_are_reported_together() {
    // Three broken files while reading…
    let d = errors(&[
        ("content/a.md", "---\ntitel: A\n---\n"),
        ("content/b.md", "---\ndescription: x\n---\n"),
        ("content/c.md", "---\ntitle: C\ndate: 2021-13-01\n---\n"),
    ]);
    assert_eq!(
        codes(&d),
        ["unknown-key", "missing-title", "bad-date"],
        "{d}"
    );
    let files: Vec<PathBuf> = d.0.iter().filter_map(|x| x.file.clone()).collect();
    assert_eq!(
        files,
        ["content/a.md", "content/b.md", "content/c.md"].map(PathBuf::from)
    );
    // …and three while rendering, one of them with two broken links.
    let d = errors(&[
        (
            "content/a.md",
            "---\ntitle: A\n---\n\n[x](x.md) [y](y.md)\n",
        ),
        ("content/b.md", "---\ntitle: B\n---\n\n[a](a.md#khong)\n"),
        ("content/c.md", "---\ntitle: C\n---\n\n[n](n.md)\n"),
        ("content/n.md", "---\ntitle: N\ndraft: true\n---\n"),
    ]);
    assert_eq!(
        codes(&d),
        [
            "broken-link",
            "broken-link",
            "broken-anchor",
            "link-to-hidden"
        ],
        "{d}"
    );
    assert_eq!(d.0[1].col, 11);
}

#[test]
fn a_failed_rebuild_reports_everything_and_keeps_the_old_site() {
    let s = fixture("basic");
    s.build_ok();
    let before = tree(&s.out);
    s.write(
        "content/tin-tuc/x.md",
        "---\ntitle: X\nngay: 2021-01-01\n---\n",
    );
    s.write(
        "content/huong-dan/y.md",
        "---\ntitle: Y\n---\n\n[z](z.md)\n",
    );
    s.write("content/huong-dan/cu-tri/z.md", "không có front matter\n");
    let d = s.build_err();
    // The reading errors come first; the link is only checked once every file reads.
    assert!(d.0.len() >= 2, "{d}");
    assert!(codes(&d).contains(&"unknown-key") && codes(&d).contains(&"no-front-matter"));
    assert_eq!(tree(&s.out), before);
}

#[test]
fn a_file_in_content_cannot_replace_a_page() {
    // `content/tin/index.html` would be copied to `tin/index.html`, the section's own page.
    let mut all: Vec<(&str, &str)> = vec![("content/_index.md", HOME)];
    all.push((
        "content/tin/_index.md",
        "---\ntitle: Tin\n---\n\nMục tin.\n",
    ));
    all.push(("content/tin/index.html", "<p>tệp cũ</p>\n"));
    let s = site_from(&all);
    match s.build() {
        Ok(_) => panic!(
            "built, and tin/index.html is now: {}",
            s.read("tin/index.html")
        ),
        Err(d) => {
            let files: Vec<String> = d.0.iter().map(|x| at(x).0).collect();
            assert!(files.iter().any(|f| f == "content/tin/index.html"), "{d}");
            assert!(!s.out.exists());
        }
    }
}

#[test]
fn a_bad_file_does_not_hide_the_problems_of_the_others() {
    // One page with a front-matter error, another with a broken link, a third linking to the
    // bad page (not a broken link: its target exists and reports its own problem).
    let s = site_from(&[
        ("content/_index.md", HOME),
        ("content/a.md", "---\ntitel: A\n---\n"),
        ("content/b.md", "---\ntitle: B\n---\n\n[x](khong-co.md)\n"),
        ("content/c.md", "---\ntitle: C\n---\n\n[a](a.md)\n"),
    ]);
    let d = s.build().unwrap_err();
    let got: Vec<(String, &str)> = d.0.iter().map(|x| (at(x).0, x.problem.code())).collect();
    assert_eq!(
        got,
        vec![
            ("content/a.md".to_string(), "unknown-key"),
            ("content/b.md".to_string(), "broken-link"),
        ],
        "{d}"
    );
}
