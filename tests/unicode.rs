//! Vietnamese typed three ways — precomposed (NFC), decomposed (NFD, macOS) and "composite"
//! (precomposed base letter + combining tone mark, UniKey's "Unicode tổ hợp") — comes out
//! as the same NFC text, ids and URLs.

mod common;

use common::*;

const NFC: &str = "Bầu cử đại biểu Quốc hội";
/// Fully decomposed: base letters, then the shape mark, then the tone mark.
const NFD: &str = "Ba\u{302}\u{300}u cu\u{31b}\u{309} \u{111}a\u{323}i bie\u{302}\u{309}u Quo\u{302}\u{301}c ho\u{323}\u{302}i";
/// Precomposed base letter (â, ư, ê, ô) + combining tone mark.
const COMPOSITE: &str = "B\u{e2}\u{300}u c\u{1b0}\u{309} \u{111}a\u{323}i bi\u{ea}\u{309}u Qu\u{f4}\u{301}c h\u{f4}\u{323}i";

fn has_combining_marks(s: &str) -> bool {
    s.chars().any(|c| ('\u{300}'..='\u{323}').contains(&c))
}

fn page(title: &str, body_word: &str) -> String {
    format!(
        "---\ntitle: \"{title}\"\ndescription: \"{title}\"\nlocality: \"{title}\"\ndate: 2021-05-01\n---\n\n## {title}\n\n{body_word} {title}.\n"
    )
}

#[test]
fn the_three_forms_are_really_different_inputs() {
    assert_ne!(NFD, NFC);
    assert_ne!(COMPOSITE, NFC);
    assert_ne!(COMPOSITE, NFD);
    assert!(has_combining_marks(NFD) && has_combining_marks(COMPOSITE));
    assert_eq!(loa::vi::nfc(NFD), NFC);
    assert_eq!(loa::vi::nfc(COMPOSITE), NFC);
}

#[test]
fn decomposed_and_composite_text_is_written_as_nfc() {
    let s = site_from(&[
        (
            "site.yaml",
            &format!("title: \"{COMPOSITE}\"\nbase_url: \"https://example.org/\"\n"),
        ),
        (
            "content/_index.md",
            &format!(
                "---\ntitle: \"{NFD}\"\n---\n\n[a](tin/nfd.md#bau-cu-dai-bieu-quoc-hoi) [b](tin/composite.md) [c](<tin/{NFD} nfd.md>)\n"
            ),
        ),
        (
            "content/tin/_index.md",
            &format!("---\ntitle: \"{COMPOSITE}\"\nfeed: true\nsort_by: date\n---\n"),
        ),
        ("content/tin/nfd.md", &page(NFD, "Lời")),
        ("content/tin/composite.md", &page(COMPOSITE, "Lời")),
        // A decomposed file name, linked from the home page by its NFC form… and by its NFD form.
        (&format!("content/tin/{NFD} nfd.md"), &page(NFD, "Tên tệp")),
    ]);
    s.build_ok();
    let all = tree(&s.out);
    for (path, bytes) in all.iter().filter(|(p, _)| !p.ends_with(".png")) {
        let text = String::from_utf8_lossy(bytes);
        if path.ends_with(".js") {
            // The search client names the mark range in a regular expression; the minifier
            // writes those marks as characters, alone after `[` and `-`, which is still NFC.
            assert!(unicode_normalization::is_nfc(&text), "{path} is not NFC");
            continue;
        }
        assert!(!has_combining_marks(&text), "{path} has combining marks");
    }
    for p in [
        "tin/nfd/index.html",
        "tin/composite/index.html",
        "tin/bau-cu-dai-bieu-quoc-hoi-nfd/index.html",
    ] {
        let html = s.read(p);
        assert!(html.contains(&format!("<h1>{NFC}</h1>")), "{p}");
        assert!(
            html.contains(&format!("id=bau-cu-dai-bieu-quoc-hoi>{NFC}</h2>")),
            "{p}"
        );
        assert!(html.contains(&format!(" {NFC}.")), "{p}: body text");
        assert!(
            html.contains(&format!("{NFC} – {NFC}</title>")),
            "{p}: page and site title"
        );
    }
    let home = s.read("index.html");
    assert!(
        home.contains("href=tin/nfd/#bau-cu-dai-bieu-quoc-hoi"),
        "{home}"
    );
    assert!(home.contains("href=tin/bau-cu-dai-bieu-quoc-hoi-nfd/"));
    let feed = s.read("tin/atom.xml");
    assert_eq!(feed.matches(&format!("<title>{NFC}</title>")).count(), 3);
    assert!(feed.contains(&format!("<category term=\"{NFC}\"/>")));
}

#[test]
fn a_link_written_decomposed_finds_the_page() {
    let s = site_from(&[
        (
            "content/_index.md",
            &format!(
                "---\ntitle: Trang chủ\n---\n\n[x](<{NFD}.md#{}>)\n",
                "bau-cu-dai-bieu-quoc-hoi"
            ),
        ),
        (&format!("content/{NFC}.md"), &page(NFC, "Lời")),
    ]);
    s.build_ok();
    assert!(
        s.read("index.html")
            .contains("href=bau-cu-dai-bieu-quoc-hoi/#bau-cu-dai-bieu-quoc-hoi")
    );
}
