//! White space collapsed the way a browser shows it: each run of white space (Unicode's, as
//! `char::is_whitespace`) becomes one space, none at the ends. Most blocks need no work, and
//! are found so with SIMD searches instead of a read character by character.

use memchr::memmem;
use std::sync::LazyLock;

static DOUBLE_SPACE: LazyLock<memmem::Finder<'static>> =
    LazyLock::new(|| memmem::Finder::new(b"  "));

/// Appends `text` to `buf` with its white space collapsed; a space goes before its first word
/// when `buf` is longer than `start` (words already there from the same block).
pub fn push_collapsed(text: &str, start: usize, buf: &mut String) {
    let b = text.as_bytes();
    if has_unicode_space(b) {
        collapse_slowly(text, start, buf);
    } else if is_collapsed(b) {
        buf.push_str(text);
    } else {
        for word in text.split(|c: char| c.is_ascii_whitespace() || c == '\u{b}') {
            if word.is_empty() {
                continue;
            }
            if buf.len() > start {
                buf.push(' ');
            }
            buf.push_str(word);
        }
    }
}

/// Whether `b` holds white space other than ASCII: searched with SIMD for its lead bytes, so
/// that text without any is not read byte by byte.
fn has_unicode_space(b: &[u8]) -> bool {
    memchr::memchr3_iter(0xc2, 0xe2, 0xe3, b).any(|k| white_at(b, k).0)
        || memchr::memchr_iter(0xe1, b)
            .any(|k| matches!(b.get(k + 1), Some(0x9a | 0xa0)) && white_at(b, k).0)
}

/// Whether `b`, without white space other than ASCII, is already collapsed: no white space
/// but single spaces inside.
fn is_collapsed(b: &[u8]) -> bool {
    let edge = |c: Option<&u8>| c.is_some_and(|c| c.is_ascii_whitespace() || *c == 0x0b);
    !edge(b.first())
        && !edge(b.last())
        && memchr::memchr3(b'\n', b'\t', b'\r', b).is_none()
        && memchr::memchr2(0x0b, 0x0c, b).is_none()
        && DOUBLE_SPACE.find(b).is_none()
}

/// Appends `text` to `buf` with its white space collapsed, reading it character by character;
/// a space goes before its first word when `buf` is longer than `start`.
fn collapse_slowly(text: &str, start: usize, buf: &mut String) {
    let b = text.as_bytes();
    let mut run: Option<usize> = None;
    let mut i = 0;
    while i < b.len() {
        let (white, len) = white_at(b, i);
        if white {
            if let Some(r) = run.take() {
                if buf.len() > start {
                    buf.push(' ');
                }
                buf.push_str(text.get(r..i).unwrap_or_default());
            }
        } else if run.is_none() {
            run = Some(i);
        }
        i += len;
    }
    if let Some(r) = run {
        if buf.len() > start {
            buf.push(' ');
        }
        buf.push_str(text.get(r..).unwrap_or_default());
    }
}

/// Whether the character starting at byte `i` of `b` (valid UTF-8) is white space, and its
/// length. Only U+0085 and U+00A0 (`C2`), U+1680 and U+180E (`E1 9A`, `E1 A0`) and
/// U+2000–U+3000 (`E2 80`, `E2 81`, `E3 80`) can be, so most letters are judged by two bytes.
#[inline]
fn white_at(b: &[u8], i: usize) -> (bool, usize) {
    let c = b[i];
    if c < 0x80 {
        return (c.is_ascii_whitespace() || c == 0x0b, 1);
    }
    let len = match c {
        0..0xe0 => 2,
        0xe0..0xf0 => 3,
        _ => 4,
    };
    let second = b.get(i + 1).copied().unwrap_or(0);
    let maybe = matches!(
        (c, second),
        (0xc2, 0x85 | 0xa0) | (0xe1, 0x9a | 0xa0) | (0xe2, 0x80 | 0x81) | (0xe3, 0x80)
    );
    let white = maybe
        && std::str::from_utf8(&b[i..(i + len).min(b.len())])
            .ok()
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_whitespace);
    (white, len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_unicode_space_is_white_and_letters_are_not() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf);
            let expected = c.is_whitespace() || c == '\u{b}';
            assert_eq!(white_at(s.as_bytes(), 0), (expected, s.len()), "{c:?}");
        }
    }

    #[test]
    fn every_unicode_space_is_found_in_a_text() {
        for c in ('\u{80}'..=char::MAX).filter(|c| !c.is_ascii()) {
            let mut buf = [0u8; 4];
            let text = format!("ệ{}ế", c.encode_utf8(&mut buf));
            assert_eq!(
                has_unicode_space(text.as_bytes()),
                c.is_whitespace(),
                "{c:?}"
            );
        }
    }

    #[test]
    fn collapsing_agrees_with_the_slow_way() {
        let cases = [
            "một hai",
            " một  hai ",
            "a\tb\nc\r\nd",
            "x\u{b}y\u{c}z",
            "lẻ\u{a0}\u{a0}chẵn",
            "\u{2003}em\u{3000}space\u{1680}",
            "“trích” – dẫn…",
            "",
            "   ",
            "«a» © °",
        ];
        for case in cases {
            let mut fast = String::from("x");
            push_collapsed(case, 1, &mut fast);
            let mut slow = String::from("x");
            collapse_slowly(case, 1, &mut slow);
            assert_eq!(fast, slow, "{case:?}");
        }
    }
}
