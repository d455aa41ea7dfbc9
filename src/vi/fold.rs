//! Folding for search and matching: decompose, drop marks, lowercase, map `đ` to `d`.
//! "Bầu cử", "bau cu" and "BẦU CỬ" all fold to "bau cu". `matches_word` is the stricter
//! partial-diacritic match: marks the query has must be there, marks it lacks are free.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `fold(s) = NFC(map_đ(lowercase(drop_marks(NFD(s)))))`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out.nfc().collect()
}

/// Marks that change a letter's shape (breve, circumflex, horn); `đ` counts as a shaped `d`.
const SHAPE_MARKS: [char; 3] = ['\u{306}', '\u{302}', '\u{31b}'];
/// Tone marks: huyền, sắc, ngã, hỏi, nặng.
const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// Per letter: the shape mark (`'đ'` for the stroke), and the word's tone mark if any.
fn marks(word: &str) -> (Vec<Option<char>>, Option<char>) {
    let mut shapes = Vec::with_capacity(word.len());
    let mut tone = None;
    for c in word.chars() {
        let mut shape = None;
        for m in std::iter::once(c).nfd() {
            if SHAPE_MARKS.contains(&m) {
                shape = Some(m);
            } else if TONE_MARKS.contains(&m) {
                tone = tone.or(Some(m));
            } else if matches!(m, 'đ' | 'Đ') {
                shape = Some('đ');
            }
        }
        shapes.push(shape);
    }
    (shapes, tone)
}

/// Whether the query word `query` matches the word `word` (VIETNAMESE.md F2): equal folds,
/// every shape mark of the query present on the same letter of the word, and the query's
/// tone, if it has one, equal to the word's wherever it is placed. So `bau` matches `bầu` and
/// `bâu`, `bầu` matches `bầu` only, `dai` matches `đại`, `đai` does not match `dài`, and
/// `hòa` matches `hoà`.
pub fn matches_word(query: &str, word: &str) -> bool {
    if fold(query) != fold(word) {
        return false;
    }
    let (qs, qt) = marks(query);
    let (ws, wt) = marks(word);
    if qs.len() != ws.len() {
        // Folds agree but letters do not line up (not Vietnamese letters): folds decide.
        return true;
    }
    let shapes_ok = qs.iter().zip(&ws).all(|(q, w)| q.is_none() || q == w);
    shapes_ok && (qt.is_none() || qt == wt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_marks_case_and_d() {
        assert_eq!(fold("Bầu cử Đại biểu"), "bau cu dai bieu");
        assert_eq!(fold("ĐẮK LẮK"), "dak lak");
        assert_eq!(fold("tôi được đi học"), "toi duoc di hoc");
        assert_eq!(fold("hòa"), fold("hoà"));
    }

    #[test]
    fn partial_diacritic_matching() {
        assert!(matches_word("bau", "bầu"));
        assert!(matches_word("bau", "bâu"));
        assert!(matches_word("bầu", "bầu"));
        assert!(matches_word("Bầu", "BẦU"));
        assert!(!matches_word("bầu", "bâu"));
        assert!(!matches_word("bâu", "bau"));
        assert!(matches_word("bâu", "bầu"));
        assert!(matches_word("dai", "đại"));
        assert!(matches_word("đai", "đại"));
        assert!(!matches_word("đai", "dài"));
        assert!(!matches_word("đường", "Dương"));
        assert!(matches_word("duong", "Dương"));
        assert!(matches_word("hòa", "hoà"));
        assert!(matches_word("uỷ", "ủy"));
        assert!(!matches_word("hòa", "hóa"));
        assert!(!matches_word("bau", "bao"));
    }

    #[test]
    fn fold_is_idempotent() {
        for s in ["Quyền và nghĩa vụ", "ỦY BAN", "abc-123"] {
            assert_eq!(fold(&fold(s)), fold(s));
        }
    }

    proptest::proptest! {
        #[test]
        fn fold_is_idempotent_on_any_text(s in "\\PC{0,40}") {
            let once = fold(&s);
            proptest::prop_assert_eq!(fold(&once), once.clone());
            // Folded text has no combining marks and no đ left.
            proptest::prop_assert!(!once.chars().any(|c| is_combining_mark(c) || c == 'đ'));
        }

        #[test]
        fn a_query_without_marks_matches_every_marked_spelling(
            w in "[aăâeêioôơuưyđdbchklmnpqrstvxgàáạảãầấậẩẫằắặẳẵèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]{1,7}"
        ) {
            proptest::prop_assert!(matches_word(&fold(&w), &w));
            proptest::prop_assert!(matches_word(&w, &w));
        }
    }
}
