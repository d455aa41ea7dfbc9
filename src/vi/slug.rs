//! URL slugs from Vietnamese text: fold, then runs of anything but `[a-z0-9]` become `-`.
//! `Quyền và nghĩa vụ của cử tri` → `quyen-va-nghia-vu-cua-cu-tri`.

use super::fold;

/// The ASCII slug of `s`; empty when `s` has no letter or digit.
pub fn slugify(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len());
    let mut dash = false;
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_vietnamese_titles() {
        assert_eq!(
            slugify("Quyền và nghĩa vụ của cử tri"),
            "quyen-va-nghia-vu-cua-cu-tri"
        );
        assert_eq!(slugify("Đắk Lắk"), "dak-lak");
        assert_eq!(slugify("  Hỏi – đáp!! "), "hoi-dap");
        assert_eq!(slugify("Chỉ thị số 45-CT/TW"), "chi-thi-so-45-ct-tw");
        assert_eq!(slugify("—"), "");
    }

    proptest::proptest! {
        #[test]
        fn slugs_are_lowercase_ascii_words_joined_by_dashes(s in "\\PC{0,60}") {
            let slug = slugify(&s);
            let ok = slug.is_empty()
                || slug.split('-').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
            proptest::prop_assert!(ok, "{:?} -> {:?}", s, slug);
            proptest::prop_assert_eq!(slugify(&slug), slug.clone());
        }
    }
}
