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

/// What a character is to the tokenizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A letter, a digit or a mark: part of a token.
    Token,
    /// White space (`char::is_whitespace`): tokens parted only by it are adjacent.
    Space,
    /// Anything else: it parts tokens and breaks adjacency.
    Other,
}

/// The classes of the ASCII characters.
const ASCII: [Class; 128] = {
    let mut t = [Class::Other; 128];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        if b.is_ascii_alphanumeric() {
            t[c] = Class::Token;
        } else if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            t[c] = Class::Space;
        }
        c += 1;
    }
    t
};

/// The class of the character at byte `i` of `b` (valid UTF-8, a character starting there)
/// and its length. Vietnamese letters are judged by their first two bytes.
#[inline(always)]
pub fn class_at(b: &[u8], i: usize) -> (Class, usize) {
    let c = b[i];
    match c {
        0..0x80 => (ASCII[usize::from(c)], 1),
        // U+00C0–U+00FF but × and ÷; U+0100–U+023F.
        0xc3 if !matches!(b.get(i + 1), Some(0x97 | 0xb7)) => (Class::Token, 2),
        0xc4..=0xc8 => (Class::Token, 2),
        // U+1E00–U+1EFF, Latin Extended Additional: all letters.
        0xe1 if matches!(b.get(i + 1), Some(0xb8..=0xbb)) => (Class::Token, 3),
        _ => class_decoded(b, i),
    }
}

/// [`class_at`] for the characters it does not judge by their first bytes: decoded, kept out
/// of line (few Vietnamese characters need it).
#[inline(never)]
fn class_decoded(b: &[u8], i: usize) -> (Class, usize) {
    let (ch, len) = char_at(b, i);
    (class_of(ch), len)
}

/// The class of `c`.
pub fn class_of(c: char) -> Class {
    if is_token_char(c) {
        Class::Token
    } else if c.is_whitespace() {
        Class::Space
    } else {
        Class::Other
    }
}

/// What a byte is to the loop of [`token_end`]: part of a token for sure ([`IN`]: an ASCII
/// letter or digit, a continuation byte, the lead of U+0100–U+023F), the lead `C3` or `E1`
/// of a letter if the next byte says so, or anything else, which [`class_at`] judges.
const IN: u8 = 1;
const LEAD_C3: u8 = 2;
const LEAD_E1: u8 = 3;
const JUDGE: u8 = 0;

const BYTES: [u8; 256] = {
    let mut t = [JUDGE; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = match b {
            b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | 0x80..=0xbf | 0xc4..=0xc8 => IN,
            0xc3 => LEAD_C3,
            0xe1 => LEAD_E1,
            _ => JUDGE,
        };
        c += 1;
    }
    t
};

/// The end of the token that goes on at byte `i` of `b` (a character boundary), read up to
/// `to` (a character boundary). It steps a byte at a time, whatever the byte, through ASCII
/// letters and the common Vietnamese letters: where the next byte is read does not wait on
/// the last, so the reads overlap. A lead byte is judged with the byte after it; a step
/// never passes the lead of a character that is not in a token.
#[inline(always)]
pub fn token_end(b: &[u8], mut i: usize, to: usize) -> usize {
    let b = &b[..to.min(b.len())];
    while let Some(&c) = b.get(i) {
        match BYTES[usize::from(c)] {
            IN => i += 1,
            LEAD_C3 if !matches!(b.get(i + 1), Some(0x97 | 0xb7)) => i += 1,
            LEAD_E1 if matches!(b.get(i + 1), Some(0xb8..=0xbb)) => i += 1,
            _ => {
                let (class, len) = class_at(b, i);
                if class != Class::Token {
                    break;
                }
                i += len;
            }
        }
    }
    i.min(b.len())
}

/// The byte ranges of the tokens of `b[from..to]` (valid UTF-8 at both ends).
pub fn spans(b: &[u8], from: usize, to: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = from;
    std::iter::from_fn(move || {
        while i < to {
            let (class, len) = class_at(b, i);
            if class == Class::Token {
                let start = i;
                i = token_end(b, i, to);
                return Some((start, i));
            }
            i += len;
        }
        None
    })
}

/// The tokens of `text`, each with the byte offset where it starts.
pub fn tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    spans(text.as_bytes(), 0, text.len()).filter_map(|(a, b)| Some((a, text.get(a..b)?)))
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
    fn judging_by_the_first_bytes_agrees_with_decoding() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf);
            assert_eq!(class_at(s.as_bytes(), 0), (class_of(c), s.len()), "{c:?}");
        }
    }

    #[test]
    fn a_token_goes_on_through_every_token_character_and_no_other() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            let inside = class_of(c) == Class::Token;
            let end = if inside { text.len() } else { 1 };
            assert_eq!(token_end(text.as_bytes(), 1, text.len()), end, "{c:?}");
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
}
