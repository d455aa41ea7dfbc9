//! Legal and administrative document identifiers (VIETNAMESE.md §7): finding them in running
//! text and normalizing their spelling (`36 -HD/BTCTW` → `36-HD/BTCTW`).

use super::nfc;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The §7 regex as the spec writes it (one line, as in its JSON copy `doc_id_regex`), with `CODE`
/// standing for [`CODE`]. Reading it left to right:
/// - `(?:^|[^…])` consumes the one character before the identifier (no lookbehind in `regex`):
///   start of text or anything but an ASCII letter or digit, a slash, a dash, `.` or `_`. So
///   `20/5/2021` cannot match at `5/2021`, and `số82/…` still matches after `ố`.
/// - `id` = `num` (1–6 digits) followed by either
///   - `party`: `{n}-{TYPE}/{ISSUER}(-CODE)*`, spaces allowed around the dash and slashes, the
///     slash possibly doubled; or
///   - `state`: `{n}/[{yyyy}/ or {yyyy}-]{CODE}[-{CODE}](-CODE)*`, spaces allowed around the
///     slashes, the year separator and the first join only.
/// - `\b` (Unicode-aware in `regex`, so `Đ`, `đ` and other Vietnamese letters are word characters)
///   makes the last code end at a word boundary.
const SPEC_PATTERN: &str = r"(?:^|[^0-9A-Za-z/⁄∕／\-‐‑‒–—−﹣－._])(?P<id>(?P<num>[0-9]{1,6})(?:(?P<party>[ \t\u00A0]*[\-‐‑‒–—−﹣－]+[ \t\u00A0]*CODE[ \t\u00A0]*(?:[/⁄∕／][ \t\u00A0]*)+CODE(?:[\-‐‑‒–—−﹣－]CODE)*)|(?P<state>[ \t\u00A0]*(?:[/⁄∕／][ \t\u00A0]*)+(?:(?:19|20)[0-9]{2}[ \t\u00A0]*(?:(?:[/⁄∕／][ \t\u00A0]*)+|[\-‐‑‒–—−﹣－][ \t\u00A0]*))?CODE(?:[ \t\u00A0]*[\-‐‑‒–—−﹣－][ \t\u00A0]*CODE)?(?:[\-‐‑‒–—−﹣－]CODE)*)))\b";

/// One abbreviation group of a symbol (`CT`, `TTg`, `BGDĐT`, `UBTVQH14`): a capital (including
/// the eth `Ð` that legacy font conversions put for `Đ`), letters, then optional digits.
const CODE: &str = "[A-ZĐÐ][A-Za-zĐÐđ]*[0-9]*";

/// The dash variants of the pattern's classes (ASCII first); normalization maps them to `-`.
const DASHES: &str = "-‐‑‒–—−﹣－";
/// The slash variants of the pattern's classes (ASCII first); normalization maps them to `/`.
const SLASHES: &str = "/⁄∕／";

/// Groups whose canonical spelling is mixed case, keyed by their all-capitals spelling. Fixed
/// wherever they stand, as `TTg` is also an issuer (`1234/TTg-KGVX`, a Prime Minister's letter).
const MIXED_CASE: [(&str, &str); 6] = [
    ("TTG", "TTg"),
    ("QYĐ", "QyĐ"),
    ("CTR", "CTr"),
    ("TTR", "TTr"),
    ("TTH", "TTh"),
    ("TRS", "TrS"),
];

static DOC_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&SPEC_PATTERN.replace("CODE", CODE))
        .expect("the constant §7 document-identifier pattern is a valid regex")
});

/// One identifier found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocId {
    /// The normalized identifier (`36-HD/BTCTW`, `02/CT-TTg`, `85/2015/QH13`).
    pub id: String,
    /// Byte range of the identifier as written in the searched text (number through last code;
    /// not the leading "số").
    pub range: Range<usize>,
}

/// Every identifier in `text` (in order, non-overlapping).
///
/// `text` should be NFC, as everything is after ingest; ranges refer to `text` as given.
/// Decomposed text gives the same identifiers anyway: identifiers consist of ASCII, `Đ` and `Ð`,
/// which NFC leaves alone, and a combining mark is, like the letter it follows, allowed before
/// the number and a word character for `\b`.
///
/// Beyond the spec's regex and post-filter, a match that stops right before a dash and a
/// capital (`02/CT-TTgđã` would give `02/CT`) is dropped: the regex gave up the rest of the
/// symbol only because it runs into a word, so the shorter identifier would be garbage.
/// An identifier glued to a word without a dash (`45-CT/TWđã`) does not match at all.
pub fn find(text: &str) -> Vec<DocId> {
    let mut found = Vec::new();
    let mut at = 0;
    // The regex consumes one character before the identifier, so each search restarts by hand
    // right after the previous identifier (`captures_at` keeps `^` anchored to the real start).
    while at < text.len() {
        let Some(m) = DOC_ID.captures_at(text, at).and_then(|c| c.name("id")) else {
            break;
        };
        let truncated = starts_with_join_to_code(&text[m.end()..]);
        match canonical(m.as_str()).filter(|_| !truncated) {
            Some(id) => {
                found.push(DocId {
                    id,
                    range: m.range(),
                });
                at = m.end();
            }
            // Rejected: look again from just after the first digit (one byte), so an identifier
            // starting inside the rejected text is still found.
            None => at = m.start() + 1,
        }
    }
    found
}

/// The normalized form of one identifier written on its own (e.g. in front matter `sources:` or
/// data files), or None when `s` is not an identifier. Surrounding whitespace allowed; leading
/// "số"/"Số:" allowed. Any normalization form is accepted.
pub fn normalize(s: &str) -> Option<String> {
    let s = nfc(s);
    let rest = strip_so(s.trim());
    match find(rest).as_slice() {
        [one] if one.range == (0..rest.len()) => Some(one.id.clone()),
        _ => None,
    }
}

/// `s` without a leading `số`, `Số` or `SỐ` and an optional colon after it.
fn strip_so(s: &str) -> &str {
    for word in ["số", "Số", "SỐ"] {
        if let Some(rest) = s.strip_prefix(word) {
            let rest = rest.trim_start();
            return rest.strip_prefix(':').unwrap_or(rest).trim_start();
        }
    }
    s
}

/// Whether `rest` starts with a dash directly followed by a capital that could start a code.
fn starts_with_join_to_code(rest: &str) -> bool {
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (Some(dash), Some(c)) => DASHES.contains(dash) && matches!(c, 'A'..='Z' | 'Đ' | 'Ð'),
        _ => false,
    }
}

/// Steps 1–9 of §7 applied to an identifier as written (a match of the regex).
fn canonical(written: &str) -> Option<String> {
    // 1. NFC.
    let written = nfc(written);
    // 2.–5. Eth to Đ, dash and slash variants to ASCII, no spaces, no doubled separators.
    let mut s = String::with_capacity(written.len());
    for c in written.chars() {
        let c = match c {
            'Ð' => 'Đ',
            c if DASHES.contains(c) => '-',
            c if SLASHES.contains(c) => '/',
            c => c,
        };
        if c.is_whitespace() || (matches!(c, '-' | '/') && s.ends_with(c)) {
            continue;
        }
        s.push(c);
    }
    // 6. The number without leading zeros, padded to two digits.
    let digits = s.find(|c: char| !c.is_ascii_digit())?;
    let (number, rest) = s.split_at(digits);
    let mut id = format!("{:0>2}", number.trim_start_matches('0'));
    // 7. `/{yyyy}-` → `/{yyyy}/`. Codes start with a letter, so four digits right after the
    // first slash can only be the year.
    let rest = match rest.as_bytes() {
        [b'/', y0, y1, y2, y3, b'-', ..]
            if matches!([*y0, *y1], [b'1', b'9'] | [b'2', b'0'])
                && y2.is_ascii_digit()
                && y3.is_ascii_digit() =>
        {
            format!("{}/{}", &rest[..5], &rest[6..])
        }
        _ => rest.to_string(),
    };
    // 8. Canonical mixed case of whole groups written in capitals (`CT-TTG` → `CT-TTg`).
    let mut group_start = 0;
    for (i, c) in rest.char_indices().chain([(rest.len(), '/')]) {
        if c == '-' || c == '/' {
            let group = &rest[group_start..i];
            let fixed = MIXED_CASE.iter().find(|(caps, _)| *caps == group);
            id.push_str(fixed.map_or(group, |(_, canonical)| canonical));
            if i < rest.len() {
                id.push(c);
            }
            group_start = i + 1;
        }
    }
    // 9. At least two letters in total (rejects `301/B2`).
    (id.chars().filter(|c| c.is_alphabetic()).count() >= 2).then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    /// (text with the identifier as written between `⟦` and `⟧`, normalized identifier).
    const POSITIVES: &[(&str, &str)] = &[
        ("Chỉ thị số ⟦45-CT/TW⟧ của Ban Bí thư", "45-CT/TW"),
        ("Chỉ thị ⟦02/CT-TTg⟧ ngày 05/3/2021", "02/CT-TTg"),
        ("theo Hướng dẫn ⟦36 -HD/BTCTW⟧,", "36-HD/BTCTW"),
        ("Kế hoạch số ⟦42 / KH-HĐBCQG⟧.", "42/KH-HĐBCQG"),
        ("(⟦45 - CT/TW⟧)", "45-CT/TW"),
        ("⟦45-CT//TW⟧", "45-CT/TW"),
        ("⟦02//CT-TTg⟧", "02/CT-TTg"),
        ("số ⟦45–CT/TW⟧", "45-CT/TW"),
        ("số ⟦45\u{2011}CT/TW⟧", "45-CT/TW"),
        ("số ⟦02/CT−TTg⟧", "02/CT-TTg"),
        ("số ⟦02⁄CT-TTg⟧", "02/CT-TTg"),
        ("số ⟦02／CT－TTg⟧", "02/CT-TTg"),
        ("số\u{a0}⟦45\u{a0}-\u{a0}CT/TW⟧", "45-CT/TW"),
        ("Quyết định số⟦82/2005/QĐ-UBND⟧", "82/2005/QĐ-UBND"),
        ("Quyết định ⟦82/2005-QĐ-UBND⟧", "82/2005/QĐ-UBND"),
        ("Chỉ thị ⟦2/CT-TTg⟧", "02/CT-TTg"),
        ("Chỉ thị ⟦0002/CT-TTg⟧", "02/CT-TTg"),
        (
            "NQLT ⟦09/2021/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN⟧ hướng dẫn",
            "09/2021/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN",
        ),
        ("Nghị định ⟦30/2020/NĐ-CP⟧", "30/2020/NĐ-CP"),
        ("Thông tư ⟦01/2021/TT-BNV⟧", "01/2021/TT-BNV"),
        ("Luật số ⟦85/2015/QH13⟧;", "85/2015/QH13"),
        ("Luật số ⟦133/2020/QH14⟧", "133/2020/QH14"),
        ("Công văn ⟦1129/UBTVQH13-PL⟧", "1129/UBTVQH13-PL"),
        ("Công văn ⟦64/VPHĐBCQG-TT⟧", "64/VPHĐBCQG-TT"),
        ("QĐ ⟦1989/QĐ-BGDĐT⟧", "1989/QĐ-BGDĐT"),
        ("Quy định ⟦105-QĐ/TW⟧", "105-QĐ/TW"),
        ("Kết luận ⟦21-KL/TW⟧", "21-KL/TW"),
        ("CHỈ THỊ SỐ ⟦02/CT-TTG⟧", "02/CT-TTg"),
        ("Công văn ⟦1234/TTG-KGVX⟧", "1234/TTg-KGVX"),
        ("số ⟦12/QYĐ-UBND⟧", "12/QyĐ-UBND"),
        ("số ⟦5/CTR-UBND⟧", "05/CTr-UBND"),
        ("số ⟦7/TTR-UBND⟧", "07/TTr-UBND"),
        ("số ⟦12/TTGX-UB⟧", "12/TTGX-UB"),
        ("số ⟦12/QÐ-UBND⟧", "12/QĐ-UBND"),
        ("⟦45-CT/TW⟧ - HĐND tỉnh", "45-CT/TW"),
        ("Số: ⟦02/CT-TTg⟧", "02/CT-TTg"),
    ];

    /// Groups of texts, separated by ` | `, in which nothing is an identifier.
    const NEGATIVES: &[&str] = &[
        "ngày 20/5/2021 | ngày 23-5-2021 | 05/03/2021 | ngày 20-6-2020 | 26.02.2021",
        "2021-2026 | 2021–2026 | nhiệm kỳ 2021 - 2026 | TCVN 6909:2001",
        "số 12/3 đường Lê Lợi | Số 8/45 ngõ 10 | 301/B2 | phòng 301/B2 nhà C",
        "12345 | 1.234.567 cử tri | năm 2021 | 8h30 | 45 | ",
        "0912 345 678 | 0912.345.678 | (024) 3823 4567 | 024-3823-4567 | +84 912 345 678 | 1900-1234",
        "45-CT/TWđã | 02/CT-TTgđã | a45-CT/TW | x/45-CT/TW | CT-TTg",
    ];

    /// `(text, written, range)` of a `POSITIVES` entry.
    fn unmark(marked: &str) -> (String, &str, Range<usize>) {
        let (before, rest) = marked.split_once('⟦').expect("test case has ⟦");
        let (written, after) = rest.split_once('⟧').expect("test case has ⟧");
        let range = before.len()..before.len() + written.len();
        (format!("{before}{written}{after}"), written, range)
    }

    #[test]
    fn positives_are_found_with_exact_ranges() {
        for &(marked, expected) in POSITIVES {
            let (text, _, range) = unmark(marked);
            let want = vec![DocId {
                id: expected.to_string(),
                range,
            }];
            assert_eq!(find(&text), want, "{marked:?}");
        }
    }

    #[test]
    fn positives_normalize_as_written() {
        for &(marked, expected) in POSITIVES {
            let (_, written, _) = unmark(marked);
            let want = Some(expected.to_string());
            assert_eq!(normalize(written), want, "{written:?}");
            assert_eq!(normalize(&format!("  {written}\u{a0}\n")), want);
            assert_eq!(normalize(&format!("số {written}")), want);
            assert_eq!(normalize(&format!("Số: {written}")), want);
            assert_eq!(normalize(&format!("số{written}")), want);
            assert_eq!(normalize(expected), want, "{expected:?}");
        }
    }

    #[test]
    fn negatives_are_rejected() {
        for &group in NEGATIVES {
            assert_eq!(find(group), vec![], "{group:?}");
            for text in group.split(" | ") {
                assert_eq!(find(text), vec![], "{text:?}");
                assert_eq!(normalize(text), None, "{text:?}");
            }
        }
        for text in ["45-CT/TW - HĐND", "02/CT-TTg.", "số", "Số:", "Mẫu số 01/BC"] {
            assert_eq!(normalize(text), None, "{text:?}");
        }
    }

    #[test]
    fn adjacent_identifiers_are_all_found() {
        let cases: &[(&str, &[&str])] = &[
            ("02/CT-TTg,45-CT/TW", &["02/CT-TTg", "45-CT/TW"]),
            (
                "45-CT/TW;105-QĐ/TW 02/CT-TTg",
                &["45-CT/TW", "105-QĐ/TW", "02/CT-TTg"],
            ),
            ("(02/CT-TTg)(45-CT/TW)", &["02/CT-TTg", "45-CT/TW"]),
            ("301/B2,02/CT-TTg", &["02/CT-TTg"]),
            ("02/CT-TTg và 45-CT/TW", &["02/CT-TTg", "45-CT/TW"]),
        ];
        for &(text, written) in cases {
            let ids = find(text);
            let got: Vec<&str> = ids.iter().map(|d| &text[d.range.clone()]).collect();
            assert_eq!(got, written, "{text:?}");
        }
    }

    #[test]
    fn decomposed_text_gives_the_same_identifiers() {
        let text = "Chỉ thị số 45-CT/TW, Quyết định số82/2005/QĐ-UBND và Luật số 85/2015/QH13";
        let nfd: String = text.nfd().collect();
        assert_ne!(nfd, text);
        let ids = find(&nfd);
        let got: Vec<(&str, &str)> = ids
            .iter()
            .map(|d| (&nfd[d.range.clone()], d.id.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("45-CT/TW", "45-CT/TW"),
                ("82/2005/QĐ-UBND", "82/2005/QĐ-UBND"),
                ("85/2015/QH13", "85/2015/QH13")
            ]
        );
        let so: String = "Số: 12/QĐ-UBND".nfd().collect();
        assert_eq!(normalize(&so).as_deref(), Some("12/QĐ-UBND"));
    }

    #[test]
    fn form_numbers_are_a_known_false_positive() {
        // §7: `Mẫu số 01/BC` has the shape of an identifier; telling it apart needs context.
        let ids = find("Mẫu số 01/BC");
        assert_eq!(
            ids.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
            ["01/BC"]
        );
    }

    #[test]
    fn separator_constants_match_the_pattern() {
        assert!(SPEC_PATTERN.contains(&format!(r"[\{DASHES}]")));
        assert!(SPEC_PATTERN.contains(&format!("[{SLASHES}]")));
        assert!(DOC_ID.is_match("02/CT-TTg"));
    }

    /// Identifiers as written: strings matching the spec's own `id` group, with repetitions
    /// bounded and the mixed-case groups in capitals made likelier.
    fn written_id() -> impl Strategy<Value = String> {
        let id = SPEC_PATTERN
            .split_once("(?P<id>")
            .and_then(|(_, rest)| rest.strip_suffix(r")\b"))
            .expect("the pattern ends with the id group and \\b");
        let bounded = id.replace('*', "{0,2}").replace('+', "{1,2}");
        let code = "(?:[A-ZĐÐ][A-Za-zĐÐđ]{0,5}[0-9]{0,2}|TTG|QYĐ|CTR|TTR|TTH|TRS)";
        proptest::string::string_regex(&bounded.replace("CODE", code)).expect("a valid generator")
    }

    proptest! {
        #[test]
        fn normalize_is_idempotent(written in written_id()) {
            let once = normalize(&written);
            if written.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
                prop_assert!(once.is_some(), "{:?} not recognized", written);
            }
            if let Some(once) = once {
                prop_assert_eq!(normalize(&once), Some(once.clone()));
                prop_assert_eq!(find(&written).len(), 1);
            }
        }
    }
}
