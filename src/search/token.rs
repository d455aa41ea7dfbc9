//! Search tokens (ARCHITECTURE.md §11): runs of letters, digits and marks; their keys (the
//! fold, with `ký`/`kí`-style spelling variants made equal) and their variants (lowercase,
//! tone mark in the modern place), which the client compares mark by mark.

use crate::vi::fold::fold;
use crate::vi::tone::{ToneStyle, convert};
use unicode_normalization::char::is_combining_mark;

/// Whether `c` belongs inside a token: a letter, a digit or a combining mark, the same set as
/// the client's `[\p{L}\p{N}\p{M}]`.
pub fn is_token_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        // Vietnamese letters, precomposed or decomposed, without a table lookup.
        '\u{d7}' | '\u{f7}' => false,
        '\u{c0}'..='\u{24f}' | '\u{1ea0}'..='\u{1ef9}' | '\u{300}'..='\u{36f}' => true,
        _ => c.is_alphanumeric() || is_combining_mark(c),
    }
}

/// The character at byte `i` of `b`, which is valid UTF-8 starting a character there, and
/// its length in bytes.
#[inline]
fn char_at(b: &[u8], i: usize) -> (char, usize) {
    let cont = |k: usize| u32::from(b.get(i + k).copied().unwrap_or(0x80) & 0x3f);
    let c = u32::from(b[i]);
    let (cp, len) = match c {
        0..0x80 => (c, 1),
        0x80..0xe0 => (((c & 0x1f) << 6) | cont(1), 2),
        0xe0..0xf0 => (((c & 0x0f) << 12) | (cont(1) << 6) | cont(2), 3),
        _ => (
            ((c & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        ),
    };
    (char::from_u32(cp).unwrap_or('\u{fffd}'), len)
}

/// The tokens of `text`, each with the byte offset where it starts.
pub fn tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let b = text.as_bytes();
    let mut i = 0;
    // Whether the character at byte `at` is a token character, and its length.
    let class = move |at: usize| -> (bool, usize) {
        let c = b[at];
        if c.is_ascii() {
            return (c.is_ascii_alphanumeric(), 1);
        }
        let (c, len) = char_at(b, at);
        (is_token_char(c), len)
    };
    std::iter::from_fn(move || {
        loop {
            if i >= b.len() {
                return None;
            }
            let (tok, len) = class(i);
            if tok {
                break;
            }
            i += len;
        }
        let start = i;
        while i < b.len() {
            let (tok, len) = class(i);
            if !tok {
                break;
            }
            i += len;
        }
        Some((start, text.get(start..i)?))
    })
}

/// Whether the text between two tokens is white space only, so that they form a bigram.
pub fn adjacent(between: &str) -> bool {
    !between.is_empty() && between.chars().all(char::is_whitespace)
}

/// Onsets after which a lone `y` is a spelling variant of `i` (`ký`/`kí`, `quý`/`quí`).
const ONSETS: [&str; 26] = [
    "b", "c", "ch", "d", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p",
    "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
];

/// The search key of a token: its fold, with a final lone `y` after an onset written `i`.
/// `Ký`, `kí` and `KY` give `ki`; `Đại` gives `dai`; `thủy` stays `thuy`.
pub fn key(token: &str) -> String {
    let mut k = fold(token);
    if let Some(onset) = k.strip_suffix('y')
        && ONSETS.contains(&onset)
    {
        k.pop();
        k.push('i');
    }
    k
}

/// The variant of a lowercase token: the tone mark moved to the modern place, so `hòa` and
/// `hoà` are one variant.
pub fn variant(lower: &str) -> String {
    convert(lower, ToneStyle::Modern).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokens(s).map(|(_, t)| t).collect()
    }

    #[test]
    fn tokens_are_letters_digits_and_marks() {
        assert_eq!(
            toks("Bầu cử, ngày 23/5/2021 (45-CT/TW)."),
            ["Bầu", "cử", "ngày", "23", "5", "2021", "45", "CT", "TW"]
        );
        // Decomposed marks stay inside their word.
        assert_eq!(toks("Be\u{302}\u{300}u x"), ["Be\u{302}\u{300}u", "x"]);
        assert_eq!(toks("  "), Vec::<&str>::new());
        assert_eq!(toks("a"), ["a"]);
    }

    #[test]
    fn the_fast_path_agrees_with_the_unicode_tables() {
        for c in ('\u{0}'..='\u{2000}').chain('\u{1e00}'..='\u{1f00}') {
            assert_eq!(
                is_token_char(c),
                c.is_alphanumeric() || is_combining_mark(c),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn token_offsets_point_into_the_text() {
        let text = "đại biểu";
        for (at, t) in tokens(text) {
            assert_eq!(&text[at..at + t.len()], t);
        }
    }

    #[test]
    fn keys_fold_marks_d_and_i_y_variants() {
        assert_eq!(key("Đại"), "dai");
        assert_eq!(key("biểu"), "bieu");
        assert_eq!(key("ký"), "ki");
        assert_eq!(key("kí"), "ki");
        assert_eq!(key("Lý"), "li");
        assert_eq!(key("mỹ"), "mi");
        assert_eq!(key("mĩ"), "mi");
        assert_eq!(key("quý"), "qui");
        assert_eq!(key("Uỷ"), "uy");
        assert_eq!(key("ủy"), "uy");
        assert_eq!(key("thủy"), "thuy");
        assert_eq!(key("y"), "y");
        assert_eq!(key("ý"), "y");
        assert_eq!(key("quyền"), "quyen");
        assert_eq!(key("kỳ"), key("kì"));
    }

    #[test]
    fn variants_ignore_tone_placement() {
        assert_eq!(variant("hòa"), variant("hoà"));
        assert_eq!(variant("ủy"), variant("uỷ"));
        assert_ne!(variant("hòa"), variant("hóa"));
        assert_eq!(variant("bầu"), "bầu");
    }

    #[test]
    fn adjacency_is_white_space_only() {
        assert!(adjacent(" "));
        assert!(adjacent("\u{a0}"));
        assert!(!adjacent(". "));
        assert!(!adjacent(""));
        assert!(!adjacent("-"));
    }
}
