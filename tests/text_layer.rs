//! The Vietnamese text layer as the build uses it, on the `tieng-viet` fixture: the same site
//! typed precomposed, decomposed and as UniKey composite gives the same bytes; listings follow
//! Vietnamese collation; abbreviations, tone styles, day-first dates, eth letters and the text
//! lints show up in the output and the warnings.

mod common;

use common::*;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// Tone marks: a composite ("Unicode tổ hợp") letter is its NFC base plus one of these.
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

fn to_nfd(s: &str) -> String {
    s.nfd().collect()
}

/// UniKey's composite form: shaped base letter precomposed, tone mark combining.
fn to_composite(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let d: Vec<char> = std::iter::once(c).nfd().collect();
        match d.iter().position(|m| TONES.contains(m)) {
            Some(i) => {
                let base: String = d
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .map(|(_, c)| *c)
                    .collect();
                out.extend(base.nfc());
                out.push(d[i]);
            }
            None => out.push(c),
        }
    }
    out
}

/// Rewrites every text file and every file or folder name under `dir` with `f`.
fn rewrite_tree(dir: &Path, f: fn(&str) -> String) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rewrite_tree(&path, f);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("md" | "yaml")
        ) {
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&path, f(&text)).unwrap();
        }
        let name = path.file_name().unwrap().to_str().unwrap();
        let new = f(name);
        if new != name {
            std::fs::rename(&path, path.with_file_name(new)).unwrap();
        }
    }
}

/// The texts of a listing's links to its own children (`href=bac-kan/`), in order.
fn listed_titles(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in html.split("<a href=").skip(1) {
        let Some((href, rest)) = part.split_once('>') else {
            continue;
        };
        let href = href.trim_matches('"');
        if href.starts_with("..") || href.starts_with('#') || !href.ends_with('/') {
            continue;
        }
        out.push(rest.split('<').next().unwrap_or_default().to_string());
    }
    out
}

#[test]
fn composite_and_decomposed_sites_give_the_same_bytes() {
    let nfc = fixture("tieng-viet");
    let nfd = fixture("tieng-viet");
    let composite = fixture("tieng-viet");
    rewrite_tree(&nfd.root.join("content"), to_nfd);
    std::fs::write(
        nfd.root.join("site.yaml"),
        to_nfd(&nfc.read_source("site.yaml")),
    )
    .unwrap();
    rewrite_tree(&composite.root.join("content"), to_composite);
    // The inputs really differ: names and text.
    assert!(
        nfd.root
            .join("content/tinh-thanh")
            .join(to_nfd("Bắc Kạn.md"))
            .is_file()
    );
    assert!(!nfd.root.join("content/tinh-thanh/Bắc Kạn.md").is_file());
    let src = composite.read_source("content/tin/hoi-nghi.md");
    assert!(
        src.contains("\u{1b0}\u{300}") || src.contains("\u{ea}\u{309}"),
        "not composite"
    );
    assert_ne!(src, nfc.read_source("content/tin/hoi-nghi.md"));

    let r_nfc = nfc.build_ok();
    let r_nfd = nfd.build_ok();
    let r_comp = composite.build_ok();
    let want = tree(&nfc.out);
    assert!(want.contains_key("tinh-thanh/bac-kan/index.html"));
    assert_eq!(tree(&nfd.out), want, "decomposed input changed the output");
    assert_eq!(
        tree(&composite.out),
        want,
        "composite input changed the output"
    );

    // Decomposed files are noted (never a warning); precomposed ones are not.
    let notes = |r: &loa::Report| {
        r.warnings
            .0
            .iter()
            .filter(|d| d.problem.code() == "not-nfc")
            .count()
    };
    assert_eq!(notes(&r_nfc), 0);
    assert!(notes(&r_nfd) >= 10, "{}", r_nfd.warnings);
    assert!(notes(&r_comp) >= 10);
    assert_eq!(r_nfd.warnings.warnings(), r_nfc.warnings.warnings());
}

#[test]
fn listings_follow_vietnamese_collation_and_numbers() {
    let s = fixture("tieng-viet");
    s.build_ok();
    let got = listed_titles(&s.read("tinh-thanh/index.html"));
    assert_eq!(
        got,
        [
            "An Giang",
            "Bạc Liêu",
            "Bắc Giang",
            "Bắc Kạn",
            "Bắc Ninh",
            "Bình Dương",
            "Bình Định",
            "Lạng Sơn",
            "Lào Cai",
            "Lâm Đồng"
        ]
    );
    let units: Vec<String> = listed_titles(&s.read("don-vi/index.html"))
        .into_iter()
        .map(|t| t.rsplit(' ').next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(units, ["1", "2", "10", "11"]);
}

#[test]
fn abbreviations_expand_once_outside_ids_links_alt_and_code() {
    let s = fixture("tieng-viet");
    s.build_ok();
    let html = s.read("tin/hoi-nghi/index.html");
    let body = html.split("<div class=content>").nth(1).unwrap();
    assert_eq!(
        body.matches("<abbr title=\"Hội đồng nhân dân\">HĐND</abbr>")
            .count(),
        1
    );
    assert!(body.contains("<abbr title=\"Ủy ban nhân dân\">UBND</abbr>"));
    // Longest match: ĐBHĐND is one abbreviation, not Đ + BHĐND or HĐND inside it.
    assert!(body.contains("<abbr title=\"đại biểu Hội đồng nhân dân\">ĐBHĐND</abbr>"));
    // Inside a document identifier nothing is expanded; the later TTg is.
    assert!(body.contains("Chỉ thị 02/CT-TTg, HĐND tỉnh"), "{body}");
    assert!(body.contains("của <abbr title=\"Thủ tướng Chính phủ\">TTg</abbr>"));
    // Ambiguous CT is never expanded.
    assert!(!body.contains("title=\"Chỉ thị"));
    // Link text, alt text and code keep the plain abbreviation.
    assert!(body.contains(">Trang HĐND</a>"));
    assert!(body.contains("alt=\"HĐND tỉnh\""));
    assert!(body.contains("hòa thuỷ HĐND"));
    // A page of its own gets its own first use.
    assert!(s.read("tin/kieu-moi/index.html").matches("<abbr").count() == 0);
}

#[test]
fn day_first_and_long_form_dates_are_read() {
    let s = fixture("tieng-viet");
    s.build_ok();
    let html = s.read("tin/hoi-nghi/index.html");
    assert!(html.contains("datetime=2021-03-05"), "{html}");
    assert!(html.contains("ngày 05 tháng 3 năm 2021"));
    assert!(html.contains("datetime=2022-01-21"));
    // Updates are listed newest first.
    let list = s.read("tin/index.html");
    assert!(list.find("kieu-moi/").unwrap() < list.find("hoi-nghi/").unwrap());
}

#[test]
fn eth_letters_become_d_with_stroke_and_are_reported() {
    let s = fixture("tieng-viet");
    let r = s.build_ok();
    let html = s.read("tin/hoi-nghi/index.html");
    assert!(html.contains("Ông Đinh Văn Đồng"));
    assert!(!html.contains('Ð'));
    let eth: Vec<_> = r
        .warnings
        .0
        .iter()
        .filter(|d| d.problem.code() == "eth-letter")
        .collect();
    assert_eq!(eth.len(), 1);
    assert_eq!(at(eth[0]), loc("content/tin/hoi-nghi.md", 10, 5));
}

#[test]
fn mixed_tone_style_and_suspicious_syllables_are_located_warnings() {
    let s = fixture("tieng-viet");
    let r = s.build_ok();
    let mixed: Vec<_> = r
        .warnings
        .0
        .iter()
        .filter(|d| d.problem.code() == "mixed-tone-style")
        .collect();
    assert_eq!(mixed.len(), 1, "{}", r.warnings);
    // Title "Ủy", body "Ủy", "khóa" against one "hoà": reported at the rarer style's word.
    assert_eq!(at(mixed[0]), loc("content/tin/hoi-nghi.md", 10, 61));
    let msg = mixed[0].message(loa::Lang::En);
    assert!(
        msg.contains("3 traditional (e.g. “Ủy”) and 1 modern (e.g. “hoà”)"),
        "{msg}"
    );
    // The all-modern page and the code block's "hòa thuỷ" do not count.
    let syl: Vec<_> = r
        .warnings
        .0
        .iter()
        .filter(|d| d.problem.code() == "suspicious-syllable")
        .collect();
    assert_eq!(syl.len(), 1, "{}", r.warnings);
    assert_eq!(at(syl[0]), loc("content/tin/hoi-nghi.md", 18, 20));
    assert!(syl[0].message(loa::Lang::Vi).contains("ngừơi"));
    // `Kạn` is allowed by site.yaml; `--strict` turns the warnings into a failed build.
    let mut o = s.opts();
    o.strict = true;
    assert!(loa::build(&o).is_err());
}

#[test]
fn tone_style_converts_the_output_text() {
    let s = fixture("tieng-viet");
    s.write(
        "site.yaml",
        "title: \"Bầu cử\"\nbase_url: \"https://example.org/\"\ntone_style: traditional\n",
    );
    let r = s.build_ok();
    assert!(
        !r.warnings
            .0
            .iter()
            .any(|d| d.problem.code() == "mixed-tone-style")
    );
    let html = s.read("tin/kieu-moi/index.html");
    assert!(
        html.contains("<h1>Thủy lợi và hòa giải</h1>")
            || html.contains(">Thủy lợi và hòa giải</h1>"),
        "{html}"
    );
    assert!(html.contains("<title>Thủy lợi và hòa giải"));
    assert!(html.contains("Ủy ban xã khỏe mạnh"));
    assert!(
        html.contains("id=hoa-giai-o-co-so>Hòa giải ở cơ sở</h2>"),
        "{html}"
    );
    assert!(html.contains("Tổ hòa giải của Ủy ban xã làm việc về thủy lợi"));
    // qu- syllables and closed syllables never change; code stays as written.
    assert!(html.contains("Quý vị và quà tặng không đổi; hoàng hôn, khuya"));
    assert!(html.contains("<code>hoà trong mã</code>"));
    assert!(s.read("tin/index.html").contains("Thủy lợi và hòa giải"));

    s.write(
        "site.yaml",
        "title: \"Bầu cử\"\nbase_url: \"https://example.org/\"\ntone_style: modern\n",
    );
    s.build_ok();
    let html = s.read("tin/hoi-nghi/index.html");
    assert!(html.contains("Hội nghị của Uỷ ban bầu cử"));
    assert!(html.contains("Uỷ ban bầu cử tỉnh họp"));
    assert!(html.contains("khoá mới"));
    assert!(html.contains("hòa thuỷ HĐND"), "code block changed");
}

#[test]
fn two_spellings_of_one_title_are_a_url_collision_naming_both() {
    let s = site_from(&[
        ("content/_index.md", "---\ntitle: Trang chủ\n---\n"),
        ("content/Hòa Bình.md", "---\ntitle: Hòa Bình\n---\n"),
        ("content/Hoà Bình.md", "---\ntitle: Hoà Bình\n---\n"),
    ]);
    let d = s.build_err();
    assert_eq!(codes(&d), ["url-collision"]);
    let text = d.0[0].message(loa::Lang::Vi) + &d.0[0].location();
    assert!(
        text.contains("Hòa Bình.md") && text.contains("Hoà Bình.md"),
        "{text}"
    );
    assert!(
        d.0[0]
            .problem
            .help(loa::Lang::Vi)
            .unwrap()
            .contains("slug:")
    );
}

#[test]
fn month_first_and_ambiguous_dates_are_located_errors() {
    let d = one_error(&[("content/a.md", "---\ntitle: A\ndate: 03/25/2021\n---\n")]);
    assert_eq!(at(&d), loc("content/a.md", 3, 1));
    assert!(
        d.problem
            .help(loa::Lang::Vi)
            .unwrap()
            .contains("`25/03/2021`")
    );
    let d = one_error(&[("content/a.md", "---\ntitle: A\nupdated: 05/03/21\n---\n")]);
    assert_eq!(at(&d), loc("content/a.md", 3, 1));
    assert!(d.message(loa::Lang::En).contains("more than one way"));
    let d = one_error(&[(
        "content/a.md",
        "---\ntitle: A\n\ndate: ngày 30 tháng 02 năm 2021\n---\n",
    )]);
    assert_eq!(at(&d), loc("content/a.md", 4, 1));
    assert!(d.message(loa::Lang::En).contains("no such day"));
}

#[test]
fn glossary_problems_point_into_the_data_file() {
    let d = errors(&[
        ("content/_index.md", "---\ntitle: T\n---\n"),
        (
            "content/_data/glossary.yaml",
            "- abbr: HĐND\n  expansion: Hội đồng nhân dân\n- abbr: HĐND\n  expansion: khác\n- abbr: TP\n",
        ),
    ]);
    let got: Vec<_> = d.0.iter().map(|x| (x.problem.code(), at(x))).collect();
    assert_eq!(
        got,
        [
            (
                "duplicate-abbreviation",
                loc("content/_data/glossary.yaml", 3, 1)
            ),
            (
                "abbreviation-meaning",
                loc("content/_data/glossary.yaml", 5, 1)
            ),
        ]
    );
}
