//! Abbreviations (VIETNAMESE.md §8): finding glossary abbreviations in running text, case-
//! sensitive, whole tokens only, longest first, outside given spans (document identifiers).

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

/// A set of abbreviations, indexed by first character, longest first.
#[derive(Debug, Clone, Default)]
pub struct Abbreviations {
    entries: Vec<Entry>,
    /// Entry indexes by first character (sorted by character), longest abbreviation first.
    by_first: Vec<(char, Vec<usize>)>,
    /// How many entries have an expansion.
    expandable: usize,
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
        let mut by_first: Vec<(char, Vec<usize>)> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            if let Some(c) = e.abbr.chars().next() {
                match by_first.binary_search_by_key(&c, |(f, _)| *f) {
                    Ok(at) => by_first[at].1.push(i),
                    Err(at) => by_first.insert(at, (c, vec![i])),
                }
            }
        }
        for (_, list) in by_first.iter_mut() {
            list.sort_by(|a, b| {
                entries[*b]
                    .abbr
                    .len()
                    .cmp(&entries[*a].abbr.len())
                    .then(a.cmp(b))
            });
        }
        let expandable = entries.iter().filter(|e| e.expansion.is_some()).count();
        Self {
            entries,
            by_first,
            expandable,
        }
    }

    /// No abbreviations at all.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many entries have an expansion (are not ambiguous).
    pub fn expandable(&self) -> usize {
        self.expandable
    }

    /// The entry at `i`.
    pub fn entry(&self, i: usize) -> &Entry {
        &self.entries[i]
    }

    /// Every abbreviation in `text`, left to right, not overlapping any range in `skip`
    /// (sorted by start). Ambiguous entries are returned too; callers leave them alone.
    pub fn find(&self, text: &str, skip: &[Range<usize>]) -> Vec<Found> {
        let mut out = Vec::new();
        if self.entries.is_empty() {
            return out;
        }
        let mut prev: Option<char> = None;
        let mut skip_ix = 0;
        let mut resume = 0;
        for (i, c) in text.char_indices() {
            let at_token_start = prev.is_none_or(|p| !super::is_letter_or_digit(p));
            prev = Some(c);
            if i < resume || !at_token_start {
                continue;
            }
            let Ok(at) = self.by_first.binary_search_by_key(&c, |(f, _)| *f) else {
                continue;
            };
            let candidates = &self.by_first[at].1;
            while skip_ix < skip.len() && skip[skip_ix].end <= i {
                skip_ix += 1;
            }
            let rest = &text[i..];
            let hit = candidates.iter().find(|&&e| {
                let a = &self.entries[e].abbr;
                rest.starts_with(a.as_str())
                    && !rest[a.len()..]
                        .chars()
                        .next()
                        .is_some_and(super::is_letter_or_digit)
            });
            if let Some(&e) = hit {
                let range = i..i + self.entries[e].abbr.len();
                let overlaps = skip
                    .get(skip_ix)
                    .is_some_and(|s| s.start < range.end && range.start < s.end);
                if !overlaps {
                    resume = range.end;
                    out.push(Found { range, entry: e });
                }
            }
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
