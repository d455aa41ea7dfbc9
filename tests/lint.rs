//! The accessibility lint as the build runs it, on the `lint` fixture: every rule reported
//! once against the Markdown source file, line and column, in Vietnamese and English; errors
//! fail the build, warnings only with `--strict`; a page in a feed is not reported twice.

mod common;

use common::*;
use loa::Lang;
use loa::diagnostics::Severity;

/// `(code, file, line, col, severity)` of every diagnostic from the lint's rules.
fn lint_findings(d: &loa::Diagnostics) -> Vec<(&'static str, String, usize, usize, Severity)> {
    const CODES: [&str; 6] = [
        "image-no-alt",
        "heading-skip",
        "empty-link-text",
        "duplicate-html-id",
        "ambiguous-link-text",
        "table-no-header",
    ];
    let mut v: Vec<_> =
        d.0.iter()
            .filter(|x| CODES.contains(&x.problem.code()))
            .map(|x| {
                let (f, l, c) = at(x);
                (x.problem.code(), f, l, c, x.severity)
            })
            .collect();
    v.sort_by(|a, b| (&a.1, a.2, a.3).cmp(&(&b.1, b.2, b.3)));
    v
}

/// The one diagnostic with `code` at `file:line`.
fn find<'d>(d: &'d loa::Diagnostics, code: &str, file: &str, line: usize) -> &'d loa::Diagnostic {
    d.0.iter()
        .find(|x| x.problem.code() == code && at(x).0 == file && x.line == line)
        .unwrap_or_else(|| panic!("no {code} at {file}:{line} in\n{d}"))
}

/// Replaces the pages with errors by clean ones, leaving only the warnings.
fn without_errors(s: &TestSite) {
    for (page, title) in [
        ("content/hinh-anh.md", "Hình ảnh"),
        ("content/de-muc.md", "Đề mục"),
        ("content/ma-html.md", "Mã HTML"),
    ] {
        s.write(
            page,
            format!("---\ntitle: \"{title}\"\n---\n\n## Mở đầu\n\nNội dung.\n"),
        );
    }
}

#[test]
fn every_rule_is_reported_at_its_source_position() {
    let s = fixture("lint");
    let d = s.build_err();
    assert!(!s.out.exists(), "a failed build wrote its output");
    use Severity::{Error as E, Warning as W};
    let expected = [
        ("heading-skip", "content/de-muc.md", 11, 1, E),
        ("image-no-alt", "content/hinh-anh.md", 11, 14, E),
        ("image-no-alt", "content/hinh-anh.md", 13, 1, E),
        ("empty-link-text", "content/hinh-anh.md", 15, 48, E),
        ("duplicate-html-id", "content/ma-html.md", 7, 6, E),
        ("duplicate-html-id", "content/ma-html.md", 9, 31, E),
        ("duplicate-html-id", "content/ma-html.md", 11, 4, E),
    ];
    let expected: Vec<_> = expected
        .into_iter()
        .map(|(c, f, l, col, sev)| (c, f.to_string(), l, col, sev))
        .collect();
    assert_eq!(lint_findings(&d), expected, "{d}");
    // Nothing else: decorative images, an image link with alt text, `##`→`###`→`##` and
    // distinct ids are fine. (The warnings of a failed render are not collected: see below.)
    assert_eq!(d.0.len(), expected.len(), "{d}");

    without_errors(&s);
    let r = s.build_ok();
    let expected: Vec<_> = [
        ("ambiguous-link-text", "content/tin/lien-ket.md", 6, 73, W),
        ("ambiguous-link-text", "content/tin/lien-ket.md", 7, 10, W),
        ("table-no-header", "content/tin/lien-ket.md", 9, 1, W),
    ]
    .into_iter()
    .map(|(c, f, l, col, sev)| (c, f.to_string(), l, col, sev))
    .collect();
    // A document number as link text and the home page's table are fine; the page in the
    // feed is reported once (its second render, for the feed, does not lint).
    assert_eq!(lint_findings(&r.warnings), expected, "{}", r.warnings);
    assert_eq!(r.warnings.0.len(), expected.len(), "{}", r.warnings);
}

#[test]
fn messages_and_help_in_both_languages() {
    let s = fixture("lint");
    let mut d = s.build_err();
    without_errors(&s);
    d.extend(s.build_ok().warnings);
    let cases: [(&str, &str, usize, &str, &str); 7] = [
        (
            "image-no-alt",
            "content/hinh-anh.md",
            11,
            "hình `mau-phieu.svg` không có lời mô tả (alt)",
            "the image `mau-phieu.svg` has no alt text",
        ),
        (
            "heading-skip",
            "content/de-muc.md",
            11,
            "đề mục cấp 4 (`####`) ngay sau đề mục cấp 2: bỏ qua cấp 3",
            "a level-4 heading (`####`) right after a level-2 one skips level 3",
        ),
        (
            "empty-link-text",
            "content/hinh-anh.md",
            15,
            "liên kết tới `_index.md` không có chữ nào để đọc",
            "the link to `_index.md` has no text to read",
        ),
        (
            "duplicate-html-id",
            "content/ma-html.md",
            7,
            "mã `id=\"danh-sach-cu-tri\"` trong HTML trùng với mã của một đề mục",
            "the HTML `id=\"danh-sach-cu-tri\"` is also the id of a heading",
        ),
        (
            "duplicate-html-id",
            "content/ma-html.md",
            11,
            "mã `id=\"noi-dung\"` dành riêng cho giao diện",
            "the HTML `id=\"noi-dung\"` is reserved for the theme",
        ),
        (
            "ambiguous-link-text",
            "content/tin/lien-ket.md",
            6,
            "chữ của liên kết “tại đây” không cho biết liên kết dẫn tới đâu",
            "the link text “tại đây” does not say where the link goes",
        ),
        (
            "table-no-header",
            "content/tin/lien-ket.md",
            9,
            "bảng không có hàng tiêu đề",
            "the table has no header row",
        ),
    ];
    for (code, file, line, vi, en) in cases {
        let x = find(&d, code, file, line);
        let (mv, me) = (x.message(Lang::Vi), x.message(Lang::En));
        assert!(mv.contains(vi), "{mv}");
        assert!(me.contains(en), "{me}");
        let (hv, he) = (
            x.problem.help(Lang::Vi).unwrap_or_default(),
            x.problem.help(Lang::En).unwrap_or_default(),
        );
        assert!(!hv.is_empty() && !he.is_empty() && hv != he, "{code}");
    }
    // The decorative mark is documented in the fix of a missing alt text.
    let help = find(&d, "image-no-alt", "content/hinh-anh.md", 11)
        .problem
        .help(Lang::Vi)
        .unwrap_or_default();
    assert!(help.contains("\"trang trí\""), "{help}");
    // Printed rustc-style, with the code, the location and the source line.
    let printed = loa::diagnostics::render(&d, Lang::En);
    assert!(
        printed.contains("error[heading-skip]: a level-4 heading"),
        "{printed}"
    );
    assert!(printed.contains("--> content/de-muc.md:11:1"), "{printed}");
    assert!(printed.contains("11 | #### Tiêu chuẩn"), "{printed}");
    assert!(
        loa::diagnostics::render(&d, Lang::Vi)
            .contains("cảnh báo[ambiguous-link-text]: chữ của liên kết “xem thêm”")
    );
}

#[test]
fn warnings_fail_the_build_only_with_strict() {
    let s = fixture("lint");
    without_errors(&s);
    let r = s.build_ok();
    assert_eq!(lint_findings(&r.warnings).len(), 3, "{}", r.warnings);
    assert!(s.read("tin/atom.xml").contains("tại đây"));
    let html = s.read("tin/lien-ket/index.html");
    assert!(html.contains("Thông tư số 01/2021/TT-BNV"), "{html}");

    let mut strict = s.opts();
    strict.strict = true;
    std::fs::remove_dir_all(&s.out).unwrap();
    let d = loa::build(&strict).expect_err("--strict fails on the warnings");
    assert_eq!(lint_findings(&d).len(), 3, "{d}");
    assert_eq!(d.errors(), 0, "{d}");
    assert!(!s.out.exists());
}

#[test]
fn decorative_images_are_written_with_empty_alt_and_no_title() {
    let s = fixture("lint");
    without_errors(&s);
    s.write(
        "content/hinh-anh.md",
        "---\ntitle: \"Hình ảnh\"\n---\n\n![](hoa-van.svg \"trang trí\")\n\n![Mẫu phiếu](mau-phieu.svg \"Mẫu\")\n",
    );
    s.build_ok();
    let html = s.read("hinh-anh/index.html");
    let imgs: Vec<&str> = html
        .split("<img")
        .skip(1)
        .map(|t| t.split('>').next().unwrap_or_default())
        .collect();
    assert_eq!(imgs.len(), 2, "{html}");
    let attr = |img: &str, name: &str| attr_values(&format!("<img{img}>"), name).pop();
    assert!(imgs[0].contains("hoa-van.svg"), "{html}");
    assert_eq!(attr(imgs[0], "alt").as_deref(), Some(""), "{}", imgs[0]);
    assert_eq!(attr(imgs[0], "title"), None, "{}", imgs[0]);
    assert_eq!(
        attr(imgs[1], "title").as_deref(),
        Some("Mẫu"),
        "{}",
        imgs[1]
    );
}
