//! Tests of `text.rs`: abbreviations, tone style, tallies and lints on single text runs.

use super::*;
use crate::markdown::text::NoDocuments;
use crate::vi::abbr::Entry;

fn abbrs() -> Abbreviations {
    Abbreviations::new(vec![
        Entry {
            abbr: "HĐND".into(),
            expansion: Some("Hội đồng nhân dân".into()),
        },
        Entry {
            abbr: "TTg".into(),
            expansion: Some("Thủ tướng Chính phủ".into()),
        },
    ])
}

fn run(rules: &TextRules<'_>, page: &mut PageText, text: &str, place: Place) -> String {
    match page.apply(rules, text.into(), text, 0..text.len(), place, &NoDocuments) {
        Event::Text(t) => format!("T:{t}"),
        Event::InlineHtml(h) => format!("H:{h}"),
        e => format!("{e:?}"),
    }
}

#[test]
fn first_use_only_and_not_inside_document_ids() {
    let a = abbrs();
    let rules = TextRules {
        abbreviations: Some(&a),
        ..Default::default()
    };
    let mut page = PageText::default();
    assert_eq!(
        run(
            &rules,
            &mut page,
            "Chỉ thị 02/CT-TTg; HĐND & TTg",
            Place::Prose
        ),
        "H:Chỉ thị 02/CT-TTg; <abbr title=\"Hội đồng nhân dân\">HĐND</abbr> &amp; <abbr title=\"Thủ tướng Chính phủ\">TTg</abbr>"
    );
    assert_eq!(run(&rules, &mut page, "HĐND", Place::Prose), "T:HĐND");
    let mut fresh = PageText::default();
    assert_eq!(run(&rules, &mut fresh, "HĐND", Place::LinkText), "T:HĐND");
    assert_eq!(run(&rules, &mut fresh, "HĐND", Place::ImageAlt), "T:HĐND");
    assert!(run(&rules, &mut fresh, "HĐND", Place::Prose).starts_with("H:<abbr"));
}

#[test]
fn identifiers_with_spaces_are_still_skipped_and_joined_abbreviations_expand() {
    let a = abbrs();
    let rules = TextRules {
        abbreviations: Some(&a),
        ..Default::default()
    };
    let mut page = PageText::default();
    let text = "Kế hoạch 42 / KH-HĐND và Chỉ thị 02/CT - TTg; HĐND-TTg";
    let out = run(&rules, &mut page, text, Place::Prose);
    assert!(
        out.starts_with("H:Kế hoạch 42 / KH-HĐND và Chỉ thị 02/CT - "),
        "{out}"
    );
    assert!(out.ends_with("<abbr title=\"Hội đồng nhân dân\">HĐND</abbr>-<abbr title=\"Thủ tướng Chính phủ\">TTg</abbr>"), "{out}");
    assert!(joined_like_id("45-CT/TW", &(3..5)));
    assert!(!joined_like_id("của HĐND tỉnh", &(6..12)));
}

#[test]
fn converts_tone_style_but_not_code() {
    let rules = TextRules {
        tone_style: ToneStyle::Modern,
        report: true,
        ..Default::default()
    };
    let mut page = PageText::default();
    assert_eq!(
        run(&rules, &mut page, "Ủy ban, hòa", Place::Prose),
        "T:Uỷ ban, hoà"
    );
    assert_eq!(run(&rules, &mut page, "hòa", Place::CodeBlock), "T:hòa");
    assert_eq!(page.tones.traditional, 2);
}

#[test]
fn tally_reports_mixed_placement_at_the_rarer_style() {
    let mut page = PageText::default();
    let body = "Ủy ban, hòa bình, thuỷ";
    let quiet = TextRules::default();
    page.apply(
        &quiet,
        body.into(),
        body,
        0..body.len(),
        Place::Prose,
        &NoDocuments,
    );
    assert_eq!(
        page.tones.mixed(),
        None,
        "a second rendering reports nothing"
    );
    let rules = TextRules {
        report: true,
        ..Default::default()
    };
    page.apply(
        &rules,
        body.into(),
        body,
        0..body.len(),
        Place::Prose,
        &NoDocuments,
    );
    let (at, p) = page.tones.mixed().unwrap();
    let At::Body(at) = at else { panic!("{at:?}") };
    assert_eq!(&body[at..at + "thuỷ".len()], "thuỷ");
    assert_eq!(p.code(), "mixed-tone-style");
    assert!(
        p.message(crate::Lang::En)
            .contains("2 traditional (e.g. “Ủy”)")
    );
}

#[test]
fn syllable_lint_locates_words_and_respects_allow() {
    let allow = vec!["Kạn".to_string()];
    let rules = TextRules {
        lint_syllables: true,
        allow: &allow,
        report: true,
        ..Default::default()
    };
    let mut page = PageText::default();
    let body = "xx ngừơi ở Bắc Kạn, qúy HĐND";
    page.apply(
        &rules,
        body[3..].into(),
        body,
        3..body.len(),
        Place::Prose,
        &NoDocuments,
    );
    let got: Vec<_> = page
        .lints
        .iter()
        .map(|(at, _)| body[*at..].split(' ').next().unwrap_or_default())
        .collect();
    assert_eq!(got, ["ngừơi", "qúy"], "{:?}", page.lints);
}

#[test]
fn words_keep_inner_apostrophes() {
    let t = "M'Drắk, 'Ea' Súp";
    let got: Vec<_> = words(t).map(|r| &t[r]).collect();
    assert_eq!(got, ["M'Drắk", "Ea", "Súp"]);
}

proptest::proptest! {
    #[test]
    fn any_text_goes_through_without_panic(
        text in "[a-zA-ZĐđÐàáạảãầấậẩẫòóọỏõơờớợởỡùúủụũưừứựửữỳýỵỷỹ0-9 /\\-–.,'’()\u{a0}HĐNDTg]{0,80}",
        style in 0u8..3,
    ) {
        let a = abbrs();
        let allow = vec!["Kạn".to_string()];
        let rules = TextRules {
            tone_style: [ToneStyle::Keep, ToneStyle::Traditional, ToneStyle::Modern][style as usize],
            abbreviations: Some(&a),
            lint_syllables: true,
            allow: &allow,
            report: true,
            questions: false,
        };
        let mut page = PageText::default();
        let converted = tone::convert(&text, rules.tone_style).into_owned();
        match page.apply(&rules, text.as_str().into(), &text, 0..text.len(), Place::Prose, &NoDocuments) {
            Event::Text(t) => proptest::prop_assert_eq!(t.as_ref(), converted.as_str()),
            Event::InlineHtml(h) => proptest::prop_assert!(h.contains("<abbr title=")),
            e => proptest::prop_assert!(false, "{:?}", e),
        }
        for (at, _) in &page.lints {
            proptest::prop_assert!(*at <= text.len() && text.is_char_boundary(*at));
        }
    }
}
