//! Vietnamese collation (VIETNAMESE.md §5) with ICU's `vi` rules and numeric ordering, and the
//! ballot order of people's names: given name, then family name, then middle names, then birth.

use icu_collator::options::{CollatorOptions, Strength};
use icu_collator::preferences::CollationNumericOrdering;
use icu_collator::{Collator, CollatorBorrowed, CollatorPreferences};
use jiff::civil::Date;
use std::cmp::Ordering;
use std::sync::LazyLock;

/// The `vi` collator: letters `a < ă < â`, `d < đ`…, tones ngang < huyền < hỏi < ngã < sắc <
/// nặng at the secondary level, lowercase first, runs of digits compared by value.
static VI: LazyLock<Option<CollatorBorrowed<'static>>> = LazyLock::new(|| {
    let mut prefs = CollatorPreferences::from(icu_locale_core::locale!("vi"));
    prefs.numeric_ordering = Some(CollationNumericOrdering::True);
    let mut options = CollatorOptions::default();
    options.strength = Some(Strength::Tertiary);
    Collator::try_new(prefs, options).ok()
});

/// Compares two texts in Vietnamese order (`Bạc Liêu < Bắc Giang < Bắc Kạn`, `số 2 < số 10`).
/// Texts that collate equal (e.g. different normalization forms) are ordered by their bytes,
/// so the order is total and consistent with `==`.
pub fn compare(a: &str, b: &str) -> Ordering {
    let by_rules = match VI.as_ref() {
        Some(c) => c.compare(a, b),
        // The data is compiled into the binary; this branch exists only so a data error could
        // never panic. Folded byte order is the closest fallback.
        None => super::fold(a).cmp(&super::fold(b)),
    };
    by_rules.then_with(|| a.cmp(b))
}

/// Sorts `items` in Vietnamese order of the text `key` gives (stable).
pub fn sort_by_key<T>(items: &mut [T], key: impl Fn(&T) -> &str) {
    items.sort_by(|a, b| compare(key(a), key(b)));
}

/// A person's name split the way ballots order it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameParts<'a> {
    /// The first word (`Nguyễn`).
    pub family: &'a str,
    /// The words between (`Thị Minh`), possibly empty.
    pub middle: &'a str,
    /// The last word (`Khai`).
    pub given: &'a str,
}

/// Splits `Nguyễn Thị Minh Khai` into family `Nguyễn`, middle `Thị Minh`, given `Khai`.
/// A one-word name is all given name.
pub fn name_parts(name: &str) -> NameParts<'_> {
    let name = name.trim();
    let (rest, given) = match name.rsplit_once(char::is_whitespace) {
        Some((r, g)) => (r.trim_end(), g),
        None => ("", name),
    };
    let (family, middle) = match rest.split_once(char::is_whitespace) {
        Some((f, m)) => (f, m.trim_start()),
        None => (rest, ""),
    };
    NameParts {
        family,
        middle,
        given,
    }
}

/// Ballot order of two people: given name, then family name, then middle names, then date of
/// birth (earlier first; an unknown date after known ones), then the whole name.
pub fn compare_people(a: (&str, Option<Date>), b: (&str, Option<Date>)) -> Ordering {
    let (pa, pb) = (name_parts(a.0), name_parts(b.0));
    compare(pa.given, pb.given)
        .then_with(|| compare(pa.family, pb.family))
        .then_with(|| compare(pa.middle, pb.middle))
        .then_with(|| match (a.1, b.1) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        })
        .then_with(|| compare(a.0, b.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    fn sorted(mut v: Vec<&str>) -> Vec<&str> {
        v.sort_by(|a, b| compare(a, b));
        v
    }

    #[test]
    fn vietnamese_letter_order() {
        assert_eq!(
            sorted(vec!["Bắc Ninh", "Bắc Kạn", "Bạc Liêu", "Bắc Giang"]),
            ["Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh"]
        );
        assert_eq!(compare("Bình Dương", "Bình Định"), Ordering::Less);
        assert_eq!(
            sorted(vec!["Lâm Đồng", "Lào Cai", "Lạng Sơn"]),
            ["Lạng Sơn", "Lào Cai", "Lâm Đồng"]
        );
        // đ is a letter after d, not a d with a mark.
        assert_eq!(compare("Đà Nẵng", "Dương"), Ordering::Greater);
        // Tone order: ngang < huyền < hỏi < ngã < sắc < nặng.
        assert_eq!(
            sorted(vec!["ạ", "á", "ã", "ả", "à", "a"]),
            ["a", "à", "ả", "ã", "á", "ạ"]
        );
    }

    #[test]
    fn numbers_compare_by_value() {
        assert_eq!(
            sorted(vec![
                "Đơn vị bầu cử số 10",
                "Đơn vị bầu cử số 2",
                "Đơn vị bầu cử số 1"
            ]),
            [
                "Đơn vị bầu cử số 1",
                "Đơn vị bầu cử số 2",
                "Đơn vị bầu cử số 10"
            ]
        );
    }

    #[test]
    fn icu_compares_all_letters_before_tones() {
        // VIETNAMESE.md §5 C5: ICU order, not syllable by syllable.
        assert_eq!(compare("Hạ Long", "Hà Nam"), Ordering::Less);
        assert_eq!(compare("Bà Rịa", "Ba Tơ"), Ordering::Less);
    }

    #[test]
    fn normalization_forms_are_adjacent_but_distinct() {
        let nfc = "Hòa Bình";
        let nfd: String = nfc.nfd().collect();
        assert_ne!(compare(nfc, &nfd), Ordering::Equal);
        // Nothing sorts between the two spellings of one name.
        for other in ["Hòa An", "Hòa Bình A", "Hoa Bình", "Hóa Bình"] {
            assert_eq!(compare(nfc, other), compare(&nfd, other), "{other}");
        }
    }

    #[test]
    fn names_split_into_parts() {
        let p = name_parts("Nguyễn Thị Minh Khai");
        assert_eq!(
            (p.family, p.middle, p.given),
            ("Nguyễn", "Thị Minh", "Khai")
        );
        let p = name_parts("Lê Lợi");
        assert_eq!((p.family, p.middle, p.given), ("Lê", "", "Lợi"));
        let p = name_parts(" Hùng ");
        assert_eq!((p.family, p.middle, p.given), ("", "", "Hùng"));
    }

    #[test]
    fn ballot_order() {
        let mut people = [
            ("Trần Văn Bình", Some(date(1970, 1, 1))),
            ("Lê Thị An", None),
            ("Nguyễn Văn Bình", Some(date(1980, 5, 2))),
            ("Nguyễn Thị Bình", Some(date(1990, 1, 1))),
            ("Nguyễn Văn Bình", Some(date(1975, 3, 9))),
            ("Phạm Ánh", None),
        ];
        people.sort_by(|a, b| compare_people(*a, *b));
        let got: Vec<_> = people
            .iter()
            .map(|(n, d)| (*n, d.map(|d| d.year())))
            .collect();
        assert_eq!(
            got,
            [
                ("Lê Thị An", None),
                ("Phạm Ánh", None),
                // Same given name: family name decides, then middle name, then birth.
                ("Nguyễn Thị Bình", Some(1990)),
                ("Nguyễn Văn Bình", Some(1975)),
                ("Nguyễn Văn Bình", Some(1980)),
                ("Trần Văn Bình", Some(1970)),
            ]
        );
    }

    proptest! {
        #[test]
        fn total_order_consistent_with_eq(
            a in "[aăâbdđeêoôơuưy ̣̀́̃̉0-9ÀÁẠĐ]{0,8}",
            b in "[aăâbdđeêoôơuưy ̣̀́̃̉0-9ÀÁẠĐ]{0,8}",
            c in "[aăâbdđeêoôơuưy ̣̀́̃̉0-9ÀÁẠĐ]{0,8}",
        ) {
            prop_assert_eq!(compare(&a, &b) == Ordering::Equal, a == b);
            prop_assert_eq!(compare(&a, &b), compare(&b, &a).reverse());
            if compare(&a, &b) != Ordering::Greater && compare(&b, &c) != Ordering::Greater {
                prop_assert_ne!(compare(&a, &c), Ordering::Greater);
            }
        }
    }
}
