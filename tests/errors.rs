//! Errors found while reading a site — front matter, YAML, dates, encodings, headings,
//! templates and site.yaml — each reported with its file, line and column and a typed problem.
//! A failed build writes nothing.

mod common;

use common::*;
use loa::diagnostics::{Problem, TextProblem};
use loa::vi::date::DateError;

#[test]
fn unknown_front_matter_key_suggests_the_right_one() {
    let d = one_error(&[(
        "content/a.md",
        "---\ndescription: \"Mô tả\"\ntitel: \"Bầu cử\"\n---\n\nNội dung.\n",
    )]);
    assert_eq!(at(&d), loc("content/a.md", 3, 1));
    match &d.problem {
        Problem::UnknownKey {
            key,
            suggestion,
            allowed,
        } => {
            assert_eq!(key, "titel");
            assert_eq!(suggestion.as_deref(), Some("title"));
            assert!(allowed.iter().any(|k| k == "locality"), "{allowed:?}");
        }
        p => panic!("{p:?}"),
    }
    assert_eq!(d.source_line.as_deref(), Some("titel: \"Bầu cử\""));
}

#[test]
fn yaml_syntax_error_points_into_the_front_matter() {
    // The second `:` on line 3; columns count characters, not bytes.
    let d = one_error(&[(
        "content/a.md",
        "---\ndate: 2021-05-23\ntitle: Bầu cử: ngày hội\n---\n",
    )]);
    assert!(matches!(d.problem, Problem::Yaml { .. }), "{:?}", d.problem);
    assert_eq!(at(&d), loc("content/a.md", 3, 14));
}

#[test]
fn missing_title_is_reported() {
    let d = one_error(&[("content/a.md", "---\ndescription: x\n---\n\nNội dung.\n")]);
    assert_eq!(d.problem, Problem::MissingTitle);
    assert_eq!(at(&d), loc("content/a.md", 1, 1));
    let d = one_error(&[(
        "content/a.md",
        "---\ndate: 2021-01-01\ntitle: \"  \"\n---\n",
    )]);
    assert_eq!(d.problem, Problem::MissingTitle);
    assert_eq!(at(&d), loc("content/a.md", 3, 1));
}

#[test]
fn impossible_date_is_reported_at_its_key() {
    let d = one_error(&[(
        "content/a.md",
        "---\ntitle: A\ndescription: x\ndate: 2021-02-30\n---\n",
    )]);
    assert_eq!(
        d.problem,
        Problem::Text(TextProblem::BadDate {
            key: "date".into(),
            value: "2021-02-30".into(),
            reason: DateError::Impossible,
        })
    );
    assert_eq!(at(&d), loc("content/a.md", 4, 1));
    let d = one_error(&[("content/a.md", "---\ntitle: A\npublish: ngày mai\n---\n")]);
    assert!(matches!(
        &d.problem,
        Problem::Text(TextProblem::BadDate { key, reason: DateError::Unrecognized, .. }) if key == "publish"
    ));
    assert_eq!(d.line, 3);
}

#[test]
fn missing_and_unclosed_front_matter() {
    let d = one_error(&[("content/a.md", "Bầu cử\n\nNội dung.\n")]);
    assert_eq!(d.problem, Problem::NoFrontMatter);
    assert_eq!(at(&d), loc("content/a.md", 1, 1));
    let d = one_error(&[("content/a.md", "---\ntitle: A\n\nNội dung.\n")]);
    assert_eq!(d.problem, Problem::UnclosedFrontMatter);
    assert_eq!(at(&d), loc("content/a.md", 1, 1));
}

#[test]
fn file_not_utf8_points_at_the_bad_byte() {
    let mut all: Vec<(&str, &str)> = vec![("content/_index.md", HOME)];
    all.push(("content/b.md", "---\ntitle: B\n---\n"));
    let s = site_from(&all);
    // Windows-1258 bytes after valid text: "ở" would be 0xF5 there.
    s.write(
        "content/a.md",
        b"---\ntitle: A\n---\n\nxin ch\xe0o\n".as_slice(),
    );
    let d = s.build_err();
    assert_eq!(d.0.len(), 1, "{d}");
    let d = &d.0[0];
    assert_eq!(d.problem, Problem::NotUtf8 { byte_offset: 24 });
    assert_eq!(at(d), loc("content/a.md", 5, 7));
}

#[test]
fn duplicate_explicit_heading_ids() {
    let d = one_error(&[(
        "content/a.md",
        "---\ntitle: A\n---\n\n## Đi bầu {#di-bau}\n\nVăn bản.\n\n## Bỏ phiếu {#di-bau}\n",
    )]);
    assert_eq!(
        d.problem,
        Problem::DuplicateHeadingId {
            id: "di-bau".into()
        }
    );
    assert_eq!(at(&d), loc("content/a.md", 9, 1));
    // Theme ids are taken too.
    let d = one_error(&[(
        "content/a.md",
        "---\ntitle: A\n---\n\n## Nội dung {#noi-dung}\n",
    )]);
    assert_eq!(
        d.problem,
        Problem::DuplicateHeadingId {
            id: "noi-dung".into()
        }
    );
}

#[test]
fn template_syntax_error_in_a_site_override() {
    let d = one_error(&[
        ("content/a.md", "---\ntitle: A\n---\n"),
        (
            "templates/page.html",
            "{% extends \"base.html\" %}\n{% block main %}\n<h1>{{ page.title </h1>\n{% endblock main %}\n",
        ),
    ]);
    assert!(
        matches!(&d.problem, Problem::Template { name, .. } if name == "page.html"),
        "{:?}",
        d.problem
    );
    // At the `</` that should have been `}}`.
    assert_eq!(at(&d), loc("templates/page.html", 3, 19));
    assert_eq!(d.source_line.as_deref(), Some("<h1>{{ page.title </h1>"));
}

#[test]
fn site_yaml_errors() {
    let d = one_error(&[("site.yaml", "title: \"Thử\"\nthem: default\n")]);
    assert_eq!(at(&d), loc("site.yaml", 2, 1));
    assert!(
        matches!(&d.problem, Problem::UnknownKey { key, suggestion, .. }
            if key == "them" && suggestion.as_deref() == Some("theme")),
        "{:?}",
        d.problem
    );
    let d = one_error(&[("site.yaml", "title: \"Thử\"\nbase_url: example.org\n")]);
    assert_eq!(
        d.problem,
        Problem::BadBaseUrl {
            value: "example.org".into()
        }
    );
    assert_eq!(at(&d), loc("site.yaml", 2, 1));
    let d = one_error(&[("site.yaml", "title: \"Thử\"\ntheme: khong-co\n")]);
    assert_eq!(
        d.problem,
        Problem::ThemeNotFound {
            name: "khong-co".into()
        }
    );
}

#[test]
fn section_only_keys_on_a_page() {
    let d = one_error(&[("content/a.md", "---\ntitle: A\nfeed: true\n---\n")]);
    assert_eq!(d.problem, Problem::SectionOnlyKey { key: "feed".into() });
    assert_eq!(at(&d), loc("content/a.md", 3, 1));
}

#[test]
fn a_bad_build_time_is_reported() {
    let s = site_from(&[("content/_index.md", HOME)]);
    let mut o = s.opts();
    o.now = loa::BuildTime::Civil("hôm qua".into());
    let d = loa::build(&o).unwrap_err();
    assert_eq!(
        d.0[0].problem,
        Problem::BadNow {
            value: "hôm qua".into()
        }
    );
}
