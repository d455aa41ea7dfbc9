//! Vietnamese text rules: normalization, tone placement, folding, slugs, collation, dates,
//! document identifiers and syllables. Knows nothing of sites; every other module calls these
//! instead of handling Vietnamese text itself.

pub mod abbr;
pub mod collate;
pub mod date;
pub mod docid;
pub mod fold;
pub mod normalize;
pub mod slug;
pub mod syllable;
pub mod tone;

pub use fold::fold;

/// `char::is_alphabetic`, answered without Unicode tables for ASCII and the Latin blocks that
/// hold every Vietnamese letter (the build asks this of every character of the content).
#[inline]
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7f}' => false,
        '\u{c0}'..='\u{24f}' => c != '×' && c != '÷',
        '\u{1e00}'..='\u{1eff}' => true,
        c => c.is_alphabetic(),
    }
}

/// `char::is_alphanumeric` with the same fast paths as `is_letter`.
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    c.is_ascii_digit() || is_letter(c) || (!c.is_ascii() && c.is_numeric())
}
pub use normalize::nfc;
pub use slug::slugify;

#[cfg(test)]
mod tests {
    #[test]
    fn letter_fast_paths_agree_with_unicode() {
        for c in (0u32..0x2000)
            .chain(0x1e00..0x1f00)
            .filter_map(char::from_u32)
        {
            assert_eq!(super::is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(super::is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
