//! Abbreviations (VIETNAMESE.md §8): finding glossary abbreviations in running text, case-
//! sensitive, whole tokens only, longest first, outside given spans (document identifiers).

use aho_corasick::{AhoCorasick, MatchKind};
use std::ops::Range;

/// One abbreviation to look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// As written (`HĐND`).
    pub abbr: String,
    /// What it stands for; `None` for an ambiguous abbreviation that is never expanded but
    /// still claims its text, so a shorter abbreviation inside it is not expanded either.
    pub expansion: Option<String>,
}

/// A set of abbreviations and the automaton that finds them all in one pass.
#[derive(Debug, Clone, Default)]
pub struct Abbreviations {
    entries: Vec<Entry>,
    /// Finds every occurrence of every abbreviation (overlapping), `None` when there are none.
    automaton: Option<AhoCorasick>,
}

/// One abbreviation found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// Index of the entry (see `Abbreviations::entry`).
    pub entry: usize,
}

impl Abbreviations {
    /// Builds the matcher. Entries keep their order for `entry(i)`.
    pub fn new(entries: Vec<Entry>) -> Self {
        let automaton = if entries.is_empty() {
            None
        } else {
            // Abbreviations are short literal strings; building cannot fail for them, and if it
            // ever did, no abbreviation is expanded rather than the build failing.
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(entries.iter().map(|e| e.abbr.as_str()))
                .ok()
        };
        Self { entries, automaton }
    }

    /// No abbreviations at all.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry at `i`.
    pub fn entry(&self, i: usize) -> &Entry {
        &self.entries[i]
    }

    /// Every abbreviation in `text` as a whole token (no letter or digit on either side),
    /// left to right, the longest at each position, not overlapping any range in `skip`
    /// (sorted by start). Ambiguous entries are returned too; callers leave them alone. (The
    /// longest match at a position wins even when it is not a whole token: in `CT-XHa` neither
    /// `CT-XH` nor `CT` is found.)
    pub fn find(&self, text: &str, skip: &[Range<usize>]) -> Vec<Found> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let whole = |s: usize, e: usize| {
            !text[..s]
                .chars()
                .next_back()
                .is_some_and(super::is_letter_or_digit)
                && !text[e..]
                    .chars()
                    .next()
                    .is_some_and(super::is_letter_or_digit)
        };
        let mut skip_ix = 0;
        let mut out = Vec::new();
        for m in ac.find_iter(text) {
            let (start, end) = (m.start(), m.end());
            if !whole(start, end) {
                continue;
            }
            while skip_ix < skip.len() && skip[skip_ix].end <= start {
                skip_ix += 1;
            }
            if skip
                .get(skip_ix)
                .is_some_and(|s| s.start < end && start < s.end)
            {
                continue;
            }
            out.push(Found {
                range: start..end,
                entry: m.pattern().as_usize(),
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set() -> Abbreviations {
        let e = |a: &str, x: Option<&str>| Entry {
            abbr: a.into(),
            expansion: x.map(Into::into),
        };
        Abbreviations::new(vec![
            e("HĐND", Some("Hội đồng nhân dân")),
            e("ĐBHĐND", Some("đại biểu Hội đồng nhân dân")),
            e("UBND", Some("Ủy ban nhân dân")),
            e("MTTQ", Some("Mặt trận Tổ quốc")),
            e("UBMTTQVN", Some("Ủy ban Mặt trận Tổ quốc Việt Nam")),
            e("TTg", Some("Thủ tướng Chính phủ")),
            e("CT", None),
        ])
    }

    fn words<'a>(text: &'a str, skip: &[Range<usize>]) -> Vec<&'a str> {
        set()
            .find(text, skip)
            .into_iter()
            .map(|f| &text[f.range])
            .collect()
    }

    #[test]
    fn longest_whole_tokens_case_sensitive() {
        assert_eq!(
            words("ĐBHĐND và HĐND, UBMTTQVN cùng MTTQ", &[]),
            ["ĐBHĐND", "HĐND", "UBMTTQVN", "MTTQ"]
        );
        assert_eq!(words("HĐND-UBND tỉnh", &[]), ["HĐND", "UBND"]);
        assert!(words("HĐNDx xHĐND hđnd UBND2", &[]).is_empty());
    }

    #[test]
    fn skips_given_spans_and_reports_ambiguous() {
        let text = "Chỉ thị 02/CT-TTg của TTg; CT tỉnh";
        let id = text.find("02/").unwrap();
        let skip: Vec<Range<usize>> = std::iter::once(id..id + "02/CT-TTg".len()).collect();
        let found = set().find(text, &skip);
        let got: Vec<_> = found.iter().map(|f| &text[f.range.clone()]).collect();
        assert_eq!(got, ["TTg", "CT"]);
        assert_eq!(set().entry(found[1].entry).expansion, None);
    }
}
