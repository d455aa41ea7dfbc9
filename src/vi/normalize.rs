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
}
