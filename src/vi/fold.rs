//! Folding for search and matching: decompose, drop marks, lowercase, map `đ` to `d`.
//! "Bầu cử", "bau cu" and "BẦU CỬ" all fold to "bau cu".

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
    fn fold_is_idempotent() {
        for s in ["Quyền và nghĩa vụ", "ỦY BAN", "abc-123"] {
            assert_eq!(fold(&fold(s)), fold(s));
        }
    }
}
