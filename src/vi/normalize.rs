//! Unicode normalization on ingest: every text that enters the build becomes NFC, so text
//! typed as composed ("Unicode tổ hợp") or decomposed (macOS) equals precomposed text.

use std::borrow::Cow;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// NFC form of `s`, borrowing when `s` is already NFC (the common case).
pub fn nfc(s: &str) -> Cow<'_, str> {
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => Cow::Borrowed(s),
        _ => {
            let n: String = s.nfc().collect();
            if n == s {
                Cow::Borrowed(s)
            } else {
                Cow::Owned(n)
            }
        }
    }
}

/// What `ingest` changed in a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ingested {
    /// The text: NFC, with eth look-alikes inside Vietnamese words made `Đ`/`đ`.
    pub text: String,
    /// How many characters fewer NFC made (combining marks joined to their letters).
    pub recomposed: usize,
    /// Byte offset in `text` of the first place NFC changed, if any.
    pub first_recomposed: Option<usize>,
    /// Each word whose `Ð`/`ð` became `Đ`/`đ`: its byte range in `text` and the fixed word.
    pub eth: Vec<(std::ops::Range<usize>, String)>,
}

/// Brings a text into the form the build works on (VIETNAMESE.md N1, N5): NFC, then `Ð`/`ð`
/// (U+00D0/U+00F0, left by old font converters) become `Đ`/`đ` inside words that are
/// otherwise Vietnamese. Both changes keep byte offsets of lines, so locations stay true.
pub fn ingest(s: &str) -> Ingested {
    let n = nfc(s);
    let mut out = Ingested::default();
    if let Cow::Owned(t) = &n {
        out.recomposed = s.chars().count().saturating_sub(t.chars().count());
        out.first_recomposed = s.bytes().zip(t.bytes()).position(|(a, b)| a != b);
    }
    let mut text = n.into_owned();
    if text.contains('Ð') || text.contains('ð') {
        out.eth = eth_words(&text);
        for (range, fixed) in &out.eth {
            // Same length: Ð/ð and Đ/đ are both two bytes in UTF-8.
            text.replace_range(range.clone(), fixed);
        }
    }
    out.text = text;
    out
}

/// Words holding `Ð`/`ð` that read as Vietnamese once it is `Đ`/`đ`: a syllable (`Ðinh`,
/// `ðồng`), or an all-capital abbreviation of Vietnamese letters (`HÐND`, `NÐ` in `NÐ-CP`).
fn eth_words(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (super::is_letter(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let word = &text[s..i];
                if word.contains(['Ð', 'ð']) {
                    let fixed: String = word
                        .chars()
                        .map(|c| match c {
                            'Ð' => 'Đ',
                            'ð' => 'đ',
                            c => c,
                        })
                        .collect();
                    if reads_vietnamese(&fixed) {
                        out.push((s..i, fixed));
                    }
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn reads_vietnamese(word: &str) -> bool {
    let all_caps = word.chars().count() >= 2
        && word.chars().all(|c| {
            c.is_uppercase() && (c.is_ascii_uppercase() || super::fold(&c.to_string()).is_ascii())
        });
    all_caps || super::syllable::parse(word).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_and_composite_become_precomposed() {
        let precomposed = "Bầu cử đại biểu";
        let nfd: String = precomposed.nfd().collect();
        // UniKey "Unicode tổ hợp": shaped base letter + combining tone mark.
        let composite = "B\u{e2}\u{300}u c\u{1b0}\u{309} \u{111}a\u{323}i bi\u{ea}\u{309}u";
        assert_ne!(nfd, precomposed);
        assert_eq!(nfc(&nfd), precomposed);
        assert_eq!(nfc(composite), precomposed);
        assert!(matches!(nfc(precomposed), Cow::Borrowed(_)));
    }

    #[test]
    fn ingest_counts_recomposed_characters() {
        let nfd: String = "Hòa Bình\nđã".nfd().collect();
        let i = ingest(&nfd);
        assert_eq!(i.text, "Hòa Bình\nđã");
        assert_eq!(i.recomposed, 3);
        assert_eq!(i.first_recomposed, Some(1));
        assert_eq!(ingest("Hòa").recomposed, 0);
        assert_eq!(ingest("Hòa").first_recomposed, None);
    }

    #[test]
    fn eth_becomes_d_with_stroke_in_vietnamese_words_only() {
        let i =
            ingest("Ông Ðinh Văn Ðồng, HÐND tỉnh; Nghị định 30/2020/NÐ-CP; Guðrún Þórðardóttir");
        assert_eq!(
            i.text,
            "Ông Đinh Văn Đồng, HĐND tỉnh; Nghị định 30/2020/NĐ-CP; Guðrún Þórðardóttir"
        );
        let words: Vec<_> = i.eth.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(words, ["Đinh", "Đồng", "HĐND", "NĐ"]);
        assert_eq!(&i.text[i.eth[0].0.clone()], "Đinh");
    }

    proptest::proptest! {
        #[test]
        fn nfc_of_nfd_is_nfc(s in "\\PC{0,40}") {
            let nfd: String = s.nfd().collect();
            proptest::prop_assert_eq!(nfc(&nfd), nfc(&s));
            let once = ingest(&s).text;
            proptest::prop_assert_eq!(ingest(&once).text, once.clone());
            proptest::prop_assert_eq!(ingest(&nfd).text, once);
        }
    }
}
