//! Tests of the accessibility lint: each rule, its negatives, and the tag scanner.

use super::*;
use crate::markdown::collect_headings;

/// Offsets and codes of findings.
type Found = Vec<(usize, &'static str)>;

/// The lint's findings on `md`: errors, then warnings.
fn lint(md: &str) -> (Found, Found) {
    let (h, _) = collect_headings(md);
    let mut l = PageLint::new(md, &h);
    for (ev, range) in
        pulldown_cmark::TextMergeWithOffset::new(crate::markdown::new_parser(md).into_offset_iter())
    {
        l.event(&ev, &range);
    }
    let codes = |v: &[(usize, Problem)]| v.iter().map(|(o, p)| (*o, p.code())).collect();
    (codes(&l.errors), codes(&l.warnings))
}

/// Byte offset of the first `what` in `md`.
fn at(md: &str, what: &str) -> usize {
    md.find(what).unwrap_or(usize::MAX)
}

fn errors(md: &str) -> Found {
    lint(md).0
}

fn warnings(md: &str) -> Found {
    lint(md).1
}

#[test]
fn images_need_alt_text_unless_decorative() {
    assert_eq!(errors("Xem\n![](a.png)\n"), [(4, "image-no-alt")]);
    assert_eq!(errors("![  ](a.png)"), [(0, "image-no-alt")]);
    assert_eq!(errors("![](a.png \"Bản đồ\")"), [(0, "image-no-alt")]);
    assert!(errors("![Mẫu phiếu bầu](a.png)").is_empty());
    assert!(errors("![`mã`](a.png)").is_empty());
    assert!(errors("![](a.png \"trang trí\")").is_empty());
    assert!(errors("![](a.png \"Trang trí\")").is_empty());
    assert!(errors("![](a.png \"decorative\")").is_empty());
    assert!(is_decorative(" DECORATIVE "));
    assert!(!is_decorative("trang tri"));
}

#[test]
fn raw_img_tags_need_an_alt_attribute() {
    let md = "Hình <img src=\"a.png\"> đây.\n";
    assert_eq!(errors(md), [(at(md, "<img"), "image-no-alt")]);
    assert_eq!(
        errors("<div>\n<img\n  src=a.png>\n</div>\n"),
        [(6, "image-no-alt")]
    );
    assert!(errors("<img src=\"a.png\" alt=\"\">\n").is_empty());
    assert!(errors("<img src=a.png alt=\"Bản đồ\">\n").is_empty());
    assert!(errors("<!-- <img src=a.png> -->\n").is_empty());
    assert!(errors("`<img src=a.png>`").is_empty());
    assert!(errors("```\n<img src=a.png>\n```\n").is_empty());
}

#[test]
fn heading_levels_may_not_be_skipped() {
    assert!(errors("## A\n\n### B\n\n## C\n\n### D\n\n#### E\n").is_empty());
    assert!(errors("## A\n\n### B\n\n#### C\n\n## D\n").is_empty());
    assert_eq!(errors("## A\n\n#### B\n"), [(6, "heading-skip")]);
    let md = "Mở đầu.\n\n### A\n";
    assert_eq!(errors(md), [(at(md, "###"), "heading-skip")]);
    // One report per skip, not one per heading below it.
    assert_eq!(
        errors("## A\n\n#### B\n\n#### C\n\n##### D\n"),
        [(6, "heading-skip")]
    );
    // A level-1 heading is `body-h1`, reported by the render pass, not here.
    assert!(errors("# A\n\n## B\n").is_empty());
    assert!(errors("A\n---\n\nB\n").is_empty());
}

#[test]
fn heading_skip_names_the_levels() {
    let md = "## A\n\n#### B\n";
    let (h, _) = collect_headings(md);
    let mut l = PageLint::new(md, &h);
    for (ev, r) in crate::markdown::new_parser(md).into_offset_iter() {
        l.event(&ev, &r);
    }
    assert_eq!(
        l.errors[0].1,
        Problem::Lint(LintProblem::HeadingSkip {
            level: 4,
            previous: 2
        })
    );
    let m = l.errors[0].1.message(crate::diagnostics::Lang::Vi);
    assert!(m.contains("bỏ qua cấp 3"), "{m}");
}

#[test]
fn links_need_text() {
    assert_eq!(errors("Xem [](a.md)."), [(4, "empty-link-text")]);
    assert_eq!(errors("[ ](a.md)"), [(0, "empty-link-text")]);
    assert_eq!(
        errors("[![](a.png \"trang trí\")](a.md)"),
        [(0, "empty-link-text")]
    );
    assert!(errors("[![Trang chủ](logo.png)](a.md)").is_empty());
    assert!(errors("[<img src=logo.png alt=\"Trang chủ\">](a.md)").is_empty());
    assert!(errors("[`loa build`](a.md)").is_empty());
    assert!(errors("<https://example.org>").is_empty());
}

#[test]
fn vague_link_text_is_a_warning() {
    let md = "Bấm [tại đây](a.md).";
    assert_eq!(warnings(md), [(at(md, "["), "ambiguous-link-text")]);
    for t in [
        "Xem thêm",
        "xem thêm…",
        "(chi tiết)",
        "TẠI ĐÂY",
        "tại\nđây",
        "**Bấm** vào đây",
        "Click here!",
        "Hére",
        "línk",
        "đây",
    ] {
        assert_eq!(warnings(&format!("[{t}](a.md)")).len(), 1, "{t}");
    }
    for t in [
        "Thông tư số 01/2021/TT-BNV",
        "day",
        "Lịch bầu cử",
        "xem lịch bầu cử",
        "đây là danh sách cử tri",
        "heres",
    ] {
        assert!(warnings(&format!("[{t}](a.md)")).is_empty(), "{t}");
    }
    // Long text is not kept past the cap, and is never ambiguous.
    let long = "tại đây ".repeat(20);
    assert!(warnings(&format!("[{long}](a.md)")).is_empty());
}

#[test]
fn ambiguous_text_is_reported_as_read() {
    let md = "[Tại  đây](a.md)";
    let (h, _) = collect_headings(md);
    let mut l = PageLint::new(md, &h);
    for (ev, r) in crate::markdown::new_parser(md).into_offset_iter() {
        l.event(&ev, &r);
    }
    assert_eq!(
        l.warnings[0].1,
        Problem::Lint(LintProblem::AmbiguousLinkText {
            text: "Tại đây".into()
        })
    );
}

#[test]
fn tables_need_a_header_row() {
    let md = "Bảng:\n\n| | |\n|---|---|\n| a | b |\n";
    assert_eq!(warnings(md), [(at(md, "| |"), "table-no-header")]);
    assert!(warnings("| Tỉnh | |\n|---|---|\n| a | b |\n").is_empty());
    assert!(warnings("| ![Cờ](co.png) | |\n|---|---|\n| a | b |\n").is_empty());
}

#[test]
fn html_ids_are_unique_and_not_reserved() {
    let md = "## Lịch\n\n<div id=\"lich\">x</div>\n\nA <a id=\"x\"></a> và <span id='x'>b</span>.\n\n<p id=noi-dung>c</p>\n\n<b ID=\"fn-1\">d</b>\n";
    let (h, _) = collect_headings(md);
    let mut l = PageLint::new(md, &h);
    for (ev, r) in crate::markdown::new_parser(md).into_offset_iter() {
        l.event(&ev, &r);
    }
    let found: Vec<(usize, String, IdClash)> = l
        .errors
        .iter()
        .map(|(o, p)| match p {
            Problem::Lint(LintProblem::DuplicateHtmlId { id, clash }) => (*o, id.clone(), *clash),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        found,
        [
            (at(md, "id=\"lich"), "lich".into(), IdClash::Heading),
            (at(md, "id='x"), "x".into(), IdClash::Html),
            (at(md, "id=noi"), "noi-dung".into(), IdClash::Reserved),
            (at(md, "ID="), "fn-1".into(), IdClash::Reserved),
        ]
    );
}

#[test]
fn distinct_html_ids_are_fine() {
    assert!(errors("## A\n\n<a id=\"b\"></a><a id=\"c\" data-id=\"b\"></a>\n").is_empty());
    assert!(errors("<div id=\"\">x</div>\n").is_empty());
}

#[test]
fn tag_scanner_reads_attributes() {
    let t: Vec<_> =
        tags("<a href = 'x>y' id=z>t</a><!-- <b id=q> --><br/><img src=a.png alt>").collect();
    assert_eq!(t.len(), 3);
    assert_eq!(t[0].name, "a");
    let attrs: Vec<_> = t[0].attrs().map(|(_, n, v)| (n, v)).collect();
    assert_eq!(attrs, [("href", Some("x>y")), ("id", Some("z"))]);
    assert_eq!(t[1].name, "br");
    assert_eq!(t[1].attrs().count(), 0);
    let attrs: Vec<_> = t[2].attrs().map(|(_, n, v)| (n, v)).collect();
    assert_eq!(attrs, [("src", Some("a.png")), ("alt", None)]);
    // Unterminated input ends cleanly.
    assert_eq!(tags("<a id=\"x").count(), 1);
    assert_eq!(tags("<").count(), 0);
    assert_eq!(tags("<!--").count(), 0);
    // A quote not after `=` opens nothing.
    let t: Vec<_> = tags("<p x\"y>z\" id=a>").collect();
    assert_eq!(t[0].attrs, " x\"y");
}
