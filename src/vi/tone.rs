//! Tone-mark placement (VIETNAMESE.md §2): traditional `hòa`/`ủy` versus modern `hoà`/`uỷ`,
//! detecting which a word uses and converting text to one style.
//!
//! Input is NFC (the build normalizes on ingest, VIETNAMESE.md N1), so a toned vowel is one code
//! point; output is NFC too. A word is a maximal run of alphabetic chars (`Hoà-Bình` is two).
//! The two styles differ only on open syllables whose vowels are exactly `oa`, `oe` or `uy` and
//! whose onset is not `qu`; nothing else is ever touched.

use std::borrow::Cow;
use std::ops::Range;

use super::syllable::{Shape, Tone, base, vowel, vowel_char};

/// The site option `tone_style` (T2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ToneStyle {
    /// Keep the text as written (`"keep"`; the spec's `"preserve"` is accepted too).
    #[default]
    #[serde(alias = "preserve")]
    Keep,
    /// Convert to `hòa`, `khỏe`, `thủy`, `ủy`.
    Traditional,
    /// Convert to `hoà`, `khoẻ`, `thuỷ`, `uỷ`.
    Modern,
}

/// Which style a word shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Placement {
    /// Mark on the first vowel: `hòa`.
    Traditional,
    /// Mark on the second vowel: `hoà`.
    Modern,
}

/// The longest word that can show a placement: a three-letter onset plus `oa`/`oe`/`uy`.
const MAX_CHARS: usize = 5;

/// A word that shows a placement: which one, the tone, and the char index of its first vowel.
struct Pair {
    placement: Placement,
    tone: Tone,
    first: usize,
}

fn pair(word: &str) -> Option<Pair> {
    // Cheap first filter: the word must end in `oa`, `oe` or `uy` (any tones).
    let mut last = word.chars().rev().map(vowel);
    let (Some(Some(b)), Some(Some(a))) = (last.next(), last.next()) else {
        return None;
    };
    if !matches!((base(a.row), base(b.row)), ('o', 'a' | 'e') | ('u', 'y')) {
        return None;
    }
    let s = Shape::of(word)?;
    if s.l.marks != 1 || !s.coda().is_empty() || s.onset() == ['q', 'u'] {
        return None;
    }
    if !matches!(s.written(), ['o', 'a' | 'e'] | ['u', 'y']) {
        return None;
    }
    let first = s.vowel_start();
    let placement = match s.l.tone_at? {
        at if at == first => Placement::Traditional,
        at if at == first + 1 => Placement::Modern,
        _ => return None,
    };
    Some(Pair {
        placement,
        tone: s.l.tone,
        first,
    })
}

/// The placement a word shows: `Some` only for syllables whose vowel cluster is exactly
/// `oa`/`oe`/`uy`, open (no coda), onset not `qu`, with the tone mark on one of those two
/// vowels. `hòa` → Traditional, `hoà` → Modern; `hoa`, `quý`, `hoàng`, `thuyền` → `None`.
pub fn placement(word: &str) -> Option<Placement> {
    // A char is at most 4 bytes, so a longer word cannot be short enough (checked first: it
    // costs nothing, and most words of running text are long or ASCII).
    if word.len() > 4 * MAX_CHARS || word.is_ascii() || word.chars().count() > MAX_CHARS {
        return None;
    }
    pair(word).map(|p| p.placement)
}

/// Byte ranges of the words of `text` that could show a placement: alphabetic runs that are
/// not ASCII-only and at most `MAX_CHARS` long.
fn candidates(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            let (start, c) = chars.find(|&(_, c)| super::is_letter(c))?;
            let (mut end, mut ascii, mut count) = (start + c.len_utf8(), c.is_ascii(), 1);
            while let Some((i, c)) = chars.next_if(|&(_, c)| super::is_letter(c)) {
                (end, ascii, count) = (i + c.len_utf8(), ascii && c.is_ascii(), count + 1);
            }
            if !ascii && count <= MAX_CHARS {
                return Some(start..end);
            }
        }
    })
}

/// The words of `text` that show a placement, with their byte ranges, in order.
pub fn placements(text: &str) -> Vec<(Range<usize>, Placement)> {
    if text.is_ascii() {
        return Vec::new();
    }
    candidates(text)
        .filter_map(|r| {
            let p = pair(text.get(r.clone())?)?;
            Some((r, p.placement))
        })
        .collect()
}

/// `text` with every word that shows a placement converted to `style`. `Keep` returns `text`
/// unchanged. Letter case is preserved (`UỶ` → `ỦY` traditional) and everything else is left
/// byte-identical; borrows when nothing changes.
pub fn convert(text: &str, style: ToneStyle) -> Cow<'_, str> {
    let target = match style {
        ToneStyle::Keep => return Cow::Borrowed(text),
        ToneStyle::Traditional => Placement::Traditional,
        ToneStyle::Modern => Placement::Modern,
    };
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut out: Option<String> = None;
    let mut copied = 0;
    for range in candidates(text) {
        let Some(word) = text.get(range.clone()) else {
            continue;
        };
        let Some(p) = pair(word) else { continue };
        if p.placement == target {
            continue;
        }
        let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
        out.push_str(text.get(copied..range.start).unwrap_or_default());
        // The mark goes to the first vowel (traditional) or the second (modern); case is kept.
        let marked = p.first + usize::from(target == Placement::Modern);
        for (i, c) in word.chars().enumerate() {
            let moved = match vowel(c) {
                Some(v) if i == p.first || i == p.first + 1 => {
                    let tone = if i == marked { p.tone } else { Tone::Ngang };
                    vowel_char(v.row, tone, v.upper)
                }
                _ => None,
            };
            out.push(moved.unwrap_or(c));
        }
        copied = range.end;
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut out) => {
            out.push_str(text.get(copied..).unwrap_or_default());
            Cow::Owned(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vi::{fold, syllable::key};
    use proptest::prelude::*;
    use unicode_normalization::{UnicodeNormalization, is_nfc};

    const TRADITIONAL: ToneStyle = ToneStyle::Traditional;
    const MODERN: ToneStyle = ToneStyle::Modern;

    /// (traditional, modern) pairs from §2.
    const PAIRS: [(&str, &str); 10] = [
        ("hòa", "hoà"),
        ("khỏe", "khoẻ"),
        ("thủy", "thuỷ"),
        ("ủy", "uỷ"),
        ("Ủy ban", "Uỷ ban"),
        ("HÒA", "HOÀ"),
        ("ỦY", "UỶ"),
        ("Thanh Hóa", "Thanh Hoá"),
        ("Khánh Hòa, Hòa Bình.", "Khánh Hoà, Hoà Bình."),
        ("CỘNG HÒA XÃ HỘI", "CỘNG HOÀ XÃ HỘI"),
    ];

    /// Words that never change: `qu` onsets, codas, other clusters, ASCII.
    const FIXED: &str = "quý quà quỳnh hoàng toán thuyền khuya hoa Hoa quỷ quẻ khoẻo ngoáy \
        hoạch huỳnh của mùa người thuở ĐBQH UBND hóà qúy";

    #[test]
    fn detects_placement() {
        assert_eq!(placement("hòa"), Some(Placement::Traditional));
        assert_eq!(placement("hoà"), Some(Placement::Modern));
        assert_eq!(placement("Uỷ"), Some(Placement::Modern));
        assert_eq!(placement("KHỎE"), Some(Placement::Traditional));
        for w in [
            "hoa",
            "quý",
            "hoàng",
            "thuyền",
            "khuya",
            "hòaa",
            "Hoà-Bình",
            "",
        ] {
            assert_eq!(placement(w), None, "{w}");
        }
        let text = "Hoà-Bình, hòa; quý 2021 thủy";
        let found: Vec<_> = placements(text)
            .into_iter()
            .map(|(r, p)| (&text[r], p))
            .collect();
        use Placement::*;
        assert_eq!(
            found,
            [("Hoà", Modern), ("hòa", Traditional), ("thủy", Traditional)]
        );
    }

    #[test]
    fn converts_both_ways() {
        for (old, new) in PAIRS {
            assert_eq!(convert(old, MODERN), new);
            assert_eq!(convert(new, TRADITIONAL), old);
            assert!(
                matches!(convert(old, TRADITIONAL), Cow::Borrowed(_)),
                "{old}"
            );
            assert!(matches!(convert(new, MODERN), Cow::Borrowed(_)), "{new}");
            for style in [ToneStyle::Keep, TRADITIONAL, MODERN] {
                assert_eq!(key(&convert(old, style)).0, key(old).0);
            }
        }
        for w in FIXED.split_whitespace() {
            for style in [TRADITIONAL, MODERN] {
                assert!(matches!(convert(w, style), Cow::Borrowed(_)), "{w}");
            }
        }
        let mixed = "Ủy ban nhân dân tỉnh Khánh Hoà — \"uỷ\" (thủy/thuỷ)";
        assert_eq!(
            convert(mixed, TRADITIONAL),
            "Ủy ban nhân dân tỉnh Khánh Hòa — \"ủy\" (thủy/thủy)"
        );
        assert_eq!(
            convert(mixed, MODERN),
            "Uỷ ban nhân dân tỉnh Khánh Hoà — \"uỷ\" (thuỷ/thuỷ)"
        );
        assert!(matches!(convert(mixed, ToneStyle::Keep), Cow::Borrowed(_)));
    }

    #[test]
    fn keys_match_across_placements() {
        assert_eq!(key("hòa"), ("hoa".to_string(), Tone::Huyen));
        assert_eq!(key("HÒA"), key("hoà"));
        assert_eq!(key("Đường"), ("đương".to_string(), Tone::Huyen));
        assert_ne!(key("hoa"), key("hóa"));
        assert_ne!(key("hòa"), key("hóa"));
        for (old, new) in PAIRS {
            assert_eq!(key(old).1, key(new).1);
            for (a, b) in old.split(' ').zip(new.split(' ')) {
                assert_eq!(key(a), key(b));
            }
        }
    }

    #[test]
    fn style_option_deserializes() {
        let parse = |s: &str| serde_json::from_str::<ToneStyle>(s).ok();
        assert_eq!(parse("\"traditional\""), Some(TRADITIONAL));
        assert_eq!(parse("\"modern\""), Some(MODERN));
        assert_eq!(parse("\"keep\""), Some(ToneStyle::Keep));
        assert_eq!(parse("\"preserve\""), Some(ToneStyle::Keep));
        assert_eq!(parse("\"new\""), None);
        assert_eq!(ToneStyle::default(), ToneStyle::Keep);
    }

    const POOL: &[&str] = &[
        "hòa", "hoà", "Hòa", "HOÀ", "khỏe", "khoẻ", "thủy", "THUỶ", "ủy", "Uỷ", "xòe", "xoè",
        "tụy", "tuỵ", "ngõa", "ngoã", "Thùy", "thuỳ", "ũy", "uỹ", "quý", "quà", "quỳnh", "hoàng",
        "toán", "thuyền", "khuya", "hoa", "bầu", "cử", "Đà", "Nẵng", "ban", "2021", "hóà", "qúy",
        "ĐBQH", "ǹ", "a\u{300}",
    ];
    const SEPARATORS: &[&str] = &[" ", ", ", "-", ".\n", " — ", "(", ")", "/", "'", "", "1"];

    fn text() -> impl Strategy<Value = String> {
        let piece = (prop::sample::select(POOL), prop::sample::select(SEPARATORS));
        prop::collection::vec(piece, 0..24)
            .prop_map(|v| v.into_iter().flat_map(|(w, s)| [w, s]).collect())
    }

    fn any_text() -> impl Strategy<Value = String> {
        prop_oneof![text(), any::<String>().prop_map(|s| s.nfc().collect())]
    }

    proptest! {
        #[test]
        fn round_trips(t in any_text()) {
            let (trad, modern) = (convert(&t, TRADITIONAL), convert(&t, MODERN));
            prop_assert_eq!(&convert(&modern, TRADITIONAL), &trad);
            prop_assert_eq!(&convert(&trad, MODERN), &modern);
            prop_assert_eq!(&convert(&trad, TRADITIONAL), &trad);
            prop_assert_eq!(placements(&modern).len(), placements(&t).len());
        }

        #[test]
        fn keeps_fold_nfc_and_bytes_outside_words(t in any_text()) {
            for style in [ToneStyle::Keep, TRADITIONAL, MODERN] {
                let out = convert(&t, style);
                prop_assert_eq!(fold(&out), fold(&t));
                let gaps = |s: &str| s.split(char::is_alphabetic).collect::<Vec<_>>().join("|");
                prop_assert_eq!(gaps(&out), gaps(&t));
                if is_nfc(&t) {
                    prop_assert!(is_nfc(&out));
                }
                let target = match style {
                    ToneStyle::Keep => None,
                    ToneStyle::Traditional => Some(Placement::Traditional),
                    ToneStyle::Modern => Some(Placement::Modern),
                };
                let (after, before) = (placements(&out), placements(&t));
                prop_assert_eq!(after.len(), before.len());
                for ((r, p), (r0, _)) in after.into_iter().zip(before) {
                    prop_assert!(target.is_none_or(|want| want == p));
                    prop_assert_eq!(key(&out[r]), key(&t[r0]));
                }
            }
        }
    }
}
