//! What one page gives the search index: its distinct tokens with their counts per field
//! (title, headings, body), the bigrams of adjacent tokens, and the text for snippets
//! (ARCHITECTURE.md §11). `builder.rs` merges pages into the index.

use super::encode::FnvMap;
use super::extract::{Block, Field};
use super::token::{adjacent, tokens};

/// The longest fragment text, in characters; longer text is cut at a token boundary.
pub const FRAGMENT_CHARS: usize = 1500;

/// Occurrences of a token on one page, packed in 16 bits: bit 15 in the title, bits 13–14
/// headings (at most 3), bits 0–12 body (at most 8,191).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts(u16);

impl Counts {
    const TITLE: u16 = 1 << 15;
    const BODY_MAX: u16 = (1 << 13) - 1;

    /// Counts with `title` (0 or 1), `headings` and `body` occurrences, capped.
    pub fn new(title: bool, headings: u16, body: u16) -> Self {
        let mut c = Counts(if title { Self::TITLE } else { 0 });
        c.add_headings(headings);
        c.add_body(body);
        c
    }
    fn add_headings(&mut self, n: u16) {
        let h = (self.headings() + n).min(3);
        self.0 = (self.0 & !(3 << 13)) | (h << 13);
    }
    pub(super) fn add_body(&mut self, n: u16) {
        let b = (self.body().saturating_add(n)).min(Self::BODY_MAX);
        self.0 = (self.0 & !Self::BODY_MAX) | b;
    }
    fn add(&mut self, field: Field) {
        match field {
            Field::Title => self.0 |= Self::TITLE,
            Field::Heading => self.add_headings(1),
            Field::Body => self.add_body(1),
        }
    }
    /// Both counts together (a page with two spellings of one variant).
    pub fn merge(&mut self, other: Counts) {
        self.0 |= other.0 & Self::TITLE;
        self.add_headings(other.headings());
        self.add_body(other.body());
    }
    /// In the title.
    pub fn title(self) -> bool {
        self.0 & Self::TITLE != 0
    }
    /// Occurrences in headings (at most 3).
    pub fn headings(self) -> u16 {
        (self.0 >> 13) & 3
    }
    /// Occurrences in the body (at most 8,191).
    pub fn body(self) -> u16 {
        self.0 & Self::BODY_MAX
    }
    /// The posting weight, 1–63: `min(63, 24·title + 6·min(headings, 2) + ⌈4·ln(1 + body)⌉)`.
    pub fn weight(self) -> u8 {
        let body = (4.0 * f64::from(self.body()).ln_1p()).ceil() as u32;
        let w = 24 * u32::from(self.title()) + 6 * u32::from(self.headings().min(2)) + body;
        w.clamp(1, 63) as u8
    }
}

/// What one page gives the index.
#[derive(Debug, Clone, Default)]
pub struct PageTerms {
    /// The page's text, lowercase: the distinct tokens are ranges of it.
    lower: String,
    /// Distinct tokens (byte ranges of `lower`) and their counts.
    spans: Vec<(u32, u32, Counts)>,
    /// Bigrams: indices into the tokens of two adjacent tokens, and how often they meet.
    pub pairs: Vec<(u32, u32, u16)>,
    /// The body text for snippets: blocks joined by `\n`, at most [`FRAGMENT_CHARS`].
    pub text: String,
}

impl PageTerms {
    /// The distinct lowercase tokens and their counts, in order of first use.
    pub fn words(&self) -> impl Iterator<Item = (&str, Counts)> {
        self.spans
            .iter()
            .map(|&(a, b, c)| (&self.lower[a as usize..b as usize], c))
    }
}

/// The tokens, bigrams and snippet text of a page's blocks. The blocks are lowercased into
/// one string, so counting tokens allocates nothing per token.
pub fn page_terms(blocks: &[Block]) -> PageTerms {
    let mut lower = String::with_capacity(blocks.iter().map(|b| b.text.len() + 1).sum());
    let mut ranges = Vec::with_capacity(blocks.len());
    for b in blocks {
        let start = lower.len();
        if b.text.is_ascii() {
            lower.extend(b.text.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            lower.extend(b.text.chars().flat_map(char::to_lowercase));
        }
        ranges.push((start, lower.len(), b.field));
        lower.push('\n');
    }
    let mut ids: FnvMap<&str, u32> = FnvMap::default();
    let mut spans: Vec<(u32, u32, Counts)> = Vec::new();
    let mut pairs: FnvMap<(u32, u32), u16> = FnvMap::default();
    for &(start, end, field) in &ranges {
        let text = &lower[start..end];
        let mut prev: Option<(u32, usize)> = None;
        for (at, tok) in tokens(text) {
            let id = *ids.entry(tok).or_insert_with(|| {
                let a = (start + at) as u32;
                spans.push((a, a + tok.len() as u32, Counts::default()));
                spans.len() as u32 - 1
            });
            spans[id as usize].2.add(field);
            if let Some((p, e)) = prev
                && adjacent(&text[e..at])
            {
                let n = pairs.entry((p, id)).or_default();
                *n = n.saturating_add(1);
            }
            prev = Some((id, at + tok.len()));
        }
    }
    drop(ids);
    let mut pairs: Vec<(u32, u32, u16)> = pairs.into_iter().map(|((a, b), n)| (a, b, n)).collect();
    pairs.sort_unstable();
    PageTerms {
        lower,
        spans,
        pairs,
        text: fragment_text(blocks),
    }
}

/// The blocks other than the title, joined by `\n`, cut to [`FRAGMENT_CHARS`] at a token end.
fn fragment_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for b in blocks.iter().filter(|b| b.field != Field::Title) {
        if !out.is_empty() {
            out.push('\n');
            chars += 1;
        }
        let n = b.text.chars().count();
        if chars + n <= FRAGMENT_CHARS {
            out.push_str(&b.text);
            chars += n;
            continue;
        }
        let room = FRAGMENT_CHARS.saturating_sub(chars);
        let cut = b
            .text
            .char_indices()
            .nth(room)
            .map_or(b.text.len(), |(i, _)| i);
        // The end of the last token that the cut leaves whole.
        let cut_inside = b.text[cut..]
            .chars()
            .next()
            .is_some_and(super::token::is_token_char);
        let ends: Vec<usize> = tokens(&b.text[..cut]).map(|(at, t)| at + t.len()).collect();
        let end = match (ends.last(), cut_inside) {
            (Some(&e), true) if e == cut => ends.len().checked_sub(2).map_or(0, |i| ends[i]),
            (Some(&e), _) => e,
            (None, _) => 0,
        };
        out.push_str(&b.text[..end]);
        break;
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(field: Field, text: &str) -> Block {
        Block {
            field,
            text: text.into(),
        }
    }

    #[test]
    fn counts_pack_and_cap() {
        let mut c = Counts::new(true, 5, 9000);
        assert!(c.title());
        assert_eq!(c.headings(), 3);
        assert_eq!(c.body(), 8191);
        c.merge(Counts::new(false, 1, 5));
        assert_eq!((c.headings(), c.body()), (3, 8191));
        assert_eq!(Counts::new(false, 0, 1).weight(), 3);
        assert_eq!(Counts::new(true, 0, 0).weight(), 24);
        assert_eq!(Counts::new(true, 2, 8191).weight(), 63);
        assert_eq!(Counts::default().weight(), 1);
    }

    #[test]
    fn page_terms_count_fields_and_adjacent_pairs() {
        let t = page_terms(&[
            block(Field::Title, "Đăng ký"),
            block(Field::Body, "Cử tri đăng ký. Ký tên"),
        ]);
        let words: Vec<(&str, Counts)> = t.words().collect();
        let get = |w: &str| words.iter().position(|(x, _)| *x == w).unwrap() as u32;
        let dang = get("đăng");
        let ky = get("ký");
        assert_eq!(words[dang as usize].1, Counts::new(true, 0, 1));
        assert_eq!(words[ky as usize].1, Counts::new(true, 0, 2));
        // "đăng ký" twice (title, body); "ký. Ký" is not adjacent; "ký tên" is.
        assert!(t.pairs.contains(&(dang, ky, 2)));
        assert!(!t.pairs.iter().any(|&(a, b, _)| a == ky && b == ky));
        assert!(t.pairs.contains(&(ky, get("tên"), 1)));
        assert_eq!(t.text, "Cử tri đăng ký. Ký tên");
    }

    #[test]
    fn fragment_text_is_cut_at_a_token_end() {
        let long = "bầu cử ".repeat(FRAGMENT_CHARS);
        let t = page_terms(&[block(Field::Body, "mở đầu"), block(Field::Body, &long)]);
        assert!(t.text.chars().count() <= FRAGMENT_CHARS);
        assert!(t.text.starts_with("mở đầu\nbầu cử"));
        assert!(t.text.ends_with(" bầu") || t.text.ends_with(" cử"));
    }
}
