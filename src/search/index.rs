//! What one page gives the search index: its distinct tokens with their counts per field
//! (title, headings, body), the bigrams of adjacent tokens, and the text for snippets
//! (ARCHITECTURE.md §11). `builder.rs` merges pages into the index.

use super::collapse::push_collapsed;
use super::extract::{Field, Text};
use super::token::{Class, class_at, token_end, tokens};
use super::vocab::Vocab;

/// The longest fragment text, in characters; longer text is cut at a token boundary. Ten
/// results load ten fragment files of [`GROUP`](super::encode::GROUP) fragments each, which
/// this keeps within a query's budget of 150 KB (ARCHITECTURE.md §11).
pub const FRAGMENT_CHARS: usize = 600;

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
    #[inline(always)]
    fn add_headings(&mut self, n: u16) {
        let h = (self.headings() + n).min(3);
        self.0 = (self.0 & !(3 << 13)) | (h << 13);
    }
    #[inline(always)]
    fn add_body(&mut self, n: u16) {
        let b = (self.body().saturating_add(n)).min(Self::BODY_MAX);
        self.0 = (self.0 & !Self::BODY_MAX) | b;
    }
    #[inline(always)]
    fn add(&mut self, field: Field) {
        match field {
            Field::Title => self.0 |= Self::TITLE,
            Field::Heading => self.add_headings(1),
            Field::Body => self.add_body(1),
        }
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
        let body = match BODY_WEIGHT.get(usize::from(self.body())) {
            Some(&w) => u32::from(w),
            None => (4.0 * f64::from(self.body()).ln_1p()).ceil() as u32,
        };
        let w = 24 * u32::from(self.title()) + 6 * u32::from(self.headings().min(2)) + body;
        w.clamp(1, 63) as u8
    }
}

/// `⌈4·ln(1 + body)⌉` for the usual counts, worked out once.
static BODY_WEIGHT: std::sync::LazyLock<[u8; 256]> =
    std::sync::LazyLock::new(|| std::array::from_fn(|n| (4.0 * (n as f64).ln_1p()).ceil() as u8));

/// What one page gives the index.
#[derive(Debug, Clone, Default)]
pub struct PageIndex {
    /// The page's variants (ids of the build's [`Vocab`]) and their counts, in text order.
    pub terms: Vec<(u32, Counts)>,
    /// Bigrams: pairs of keys met side by side, as `first << 32 | second`, each once, in the
    /// order first met.
    pub pairs: Vec<u64>,
    /// The body text for snippets: blocks joined by `\n`, at most [`FRAGMENT_CHARS`].
    pub text: String,
    /// A hash of everything the page gives the index (its text and blocks here; the renderer
    /// mixes each fragment file into the hash of the file's first page).
    pub hash: u64,
}

/// Per rendering thread: each variant's counts on the page being read, indexed by variant id,
/// and the variants met; cleared after each page, so no page allocates an array the size of
/// the vocabulary.
#[derive(Default)]
struct Scratch {
    counts: Vec<Counts>,
    /// The variants met, in order; room for one per token, so appending needs no branch.
    seen: Vec<u32>,
    pairs: PairSet,
}

/// The bigrams met on the page being read, so each is sent to the index once per page: an
/// open-addressing table of pairs, of which a page uses the first slots, at least four times
/// as many as it has bigrams; the slots it filled are emptied when the next page starts.
#[derive(Default)]
struct PairSet {
    slots: Vec<u64>,
    mask: usize,
    /// The pairs met, in order, and their slots: `len` of them, with room for one per token.
    met: Vec<u64>,
    at: Vec<u32>,
    len: usize,
}

impl PairSet {
    /// No pair is `first << 32 | second` with both ids `u32::MAX`.
    const EMPTY: u64 = u64::MAX;

    /// Empties the set for a page with about `n` bigrams (it grows when there are more) and
    /// at most `room` tokens.
    fn start(&mut self, n: usize, room: usize) {
        for &i in &self.at[..self.len] {
            self.slots[i as usize] = Self::EMPTY;
        }
        self.len = 0;
        let want = (4 * n).next_power_of_two().max(64);
        if self.slots.len() < want {
            self.slots = vec![Self::EMPTY; want];
        }
        self.mask = want - 1;
        // One more than can be met: a pair met again is written past the last and dropped.
        if self.met.len() <= room {
            self.met.resize(room + 1, 0);
            self.at.resize(room + 1, 0);
        }
    }

    /// Doubles the slots a page uses, placing its pairs again.
    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        let met = self.met[..self.len].to_vec();
        let room = self.met.len().saturating_sub(1);
        self.start(self.mask + 1, room);
        for pair in met {
            self.insert(pair);
        }
    }

    /// Adds `pair` unless it is there. Whether it was is not a branch: most pairs sit in the
    /// first slot they hash to, and a page meets new and old pairs in no order a predictor
    /// could learn.
    #[inline(always)]
    fn insert(&mut self, pair: u64) -> bool {
        if 4 * self.len > self.mask {
            self.grow();
        }
        let mut i = (pair.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 40) as usize & self.mask;
        let mut slot = self.slots[i];
        while slot != pair && slot != Self::EMPTY {
            i = (i + 1) & self.mask;
            slot = self.slots[i];
        }
        self.slots[i] = pair;
        self.met[self.len] = pair;
        self.at[self.len] = i as u32;
        let new = slot == Self::EMPTY;
        self.len += usize::from(new);
        new
    }
}

/// No key: the last token is not adjacent to the next (no key id reaches it).
const NO_KEY: u32 = u32::MAX;

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// The variants, bigrams and snippet text of a page's text, in one pass over its tokens.
/// Spellings are looked up in the build's vocabulary, so each distinct spelling is
/// lowercased and keyed once per build, and counting is indexing an array.
pub fn page_index(text: &Text, vocab: &Vocab) -> PageIndex {
    let buf = text.buf.as_bytes();
    // Tokens are parted by at least one byte, so `n` bytes hold at most `n / 2 + 1` of them.
    let room = buf.len() / 2 + 1;
    let (terms, pairs) = SCRATCH.with_borrow_mut(|s| {
        let mut words = vocab.reader();
        if s.counts.len() < words.variants() {
            s.counts.resize(words.variants(), Counts::default());
        }
        // One more than can be met, as for the pairs.
        if s.seen.len() <= room {
            s.seen.resize(room + 1, 0);
        }
        s.pairs.start(buf.len() / 8, room);
        let mut seen = 0;
        for b in &text.blocks {
            let end = b.end.min(buf.len());
            // The key of the last token, while only white space has followed it.
            let mut prev = NO_KEY;
            let mut i = b.start;
            'block: loop {
                // The gap before the next token.
                let len = loop {
                    let Some(&c) = buf.get(i).filter(|_| i < end) else {
                        break 'block;
                    };
                    if c == b' ' {
                        i += 1;
                        continue;
                    }
                    match class_at(buf, i) {
                        (Class::Token, len) => break len,
                        (Class::Space, len) => i += len,
                        (Class::Other, len) => {
                            prev = NO_KEY;
                            i += len;
                        }
                    }
                };
                let start = i;
                i = token_end(buf, i + len, end);
                let ids = words.ids(&text.buf, start, i);
                let v = ids.variant as usize;
                if v >= s.counts.len() {
                    s.counts.resize(words.variants(), Counts::default());
                }
                let c = &mut s.counts[v];
                s.seen[seen] = ids.variant;
                seen += usize::from(*c == Counts::default());
                c.add(b.field);
                if prev != NO_KEY {
                    s.pairs.insert(u64::from(prev) << 32 | u64::from(ids.key));
                }
                prev = ids.key;
            }
        }
        let counts = &mut s.counts;
        let terms = s.seen[..seen]
            .iter()
            .map(|&v| (v, std::mem::take(&mut counts[v as usize])))
            .collect();
        (terms, s.pairs.met[..s.pairs.len].to_vec())
    });
    let mut hash = super::encode::FNV_START;
    super::encode::hash_bytes(&mut hash, buf);
    for b in &text.blocks {
        super::encode::mix(&mut hash, b.start as u64);
        super::encode::mix(&mut hash, (b.end as u64) << 2 | b.field as u64);
    }
    PageIndex {
        terms,
        pairs,
        text: fragment_text(text),
        hash,
    }
}

/// The blocks other than the title, joined by `\n`, cut to [`FRAGMENT_CHARS`] at a token end.
fn fragment_text(text: &Text) -> String {
    let mut out = String::new();
    let mut chars = 0;
    let mut block = String::new();
    for b in text.blocks.iter().filter(|b| b.field != Field::Title) {
        block.clear();
        push_collapsed(text.of(b), 0, &mut block);
        if block.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            chars += 1;
        }
        let n = block.chars().count();
        if chars + n <= FRAGMENT_CHARS {
            out.push_str(&block);
            chars += n;
            continue;
        }
        let room = FRAGMENT_CHARS.saturating_sub(chars);
        let cut = block
            .char_indices()
            .nth(room)
            .map_or(block.len(), |(i, _)| i);
        // The end of the last token that the cut leaves whole.
        let cut_inside = block[cut..]
            .chars()
            .next()
            .is_some_and(super::token::is_token_char);
        let ends: Vec<usize> = tokens(&block[..cut]).map(|(at, t)| at + t.len()).collect();
        let end = match (ends.last(), cut_inside) {
            (Some(&e), true) if e == cut => ends.len().checked_sub(2).map_or(0, |i| ends[i]),
            (Some(&e), _) => e,
            (None, _) => 0,
        };
        out.push_str(&block[..end]);
        break;
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::extract::Block;

    /// A page of `blocks`, and its index.
    fn index(blocks: &[(Field, &str)]) -> (PageIndex, Vocab) {
        let mut t = Text::default();
        for (field, s) in blocks {
            if !t.buf.is_empty() {
                t.buf.push('\n');
            }
            let start = t.buf.len();
            t.buf.push_str(s);
            t.blocks.push(Block {
                field: *field,
                start,
                end: t.buf.len(),
            });
        }
        let v = Vocab::new();
        (page_index(&t, &v), v)
    }

    #[test]
    fn counts_pack_and_cap() {
        let mut c = Counts::new(true, 5, 9000);
        assert!(c.title());
        assert_eq!(c.headings(), 3);
        assert_eq!(c.body(), 8191);
        c.add(Field::Heading);
        c.add(Field::Body);
        assert_eq!((c.headings(), c.body()), (3, 8191));
        assert_eq!(Counts::new(false, 0, 1).weight(), 3);
        assert_eq!(Counts::new(true, 0, 0).weight(), 24);
        assert_eq!(Counts::new(true, 2, 8191).weight(), 63);
        assert_eq!(Counts::default().weight(), 1);
    }

    #[test]
    fn page_index_counts_fields_and_adjacent_pairs() {
        let (t, v) = index(&[
            (Field::Title, "Đăng ký"),
            (Field::Body, "Cử tri đăng ký. Ký tên, Kí"),
        ]);
        let w = v.into_words();
        let var = |s: &str| w.variants.iter().position(|(_, x)| &**x == s).unwrap() as u32;
        let key = |s: &str| w.keys.iter().position(|x| &**x == s).unwrap() as u64;
        let counts = |s: &str| t.terms.iter().find(|(v, _)| *v == var(s)).unwrap().1;
        assert_eq!(counts("đăng"), Counts::new(true, 0, 1));
        // "Đăng ký", "ký.", "Ký": one variant; "Kí" another of the same key.
        assert_eq!(counts("ký"), Counts::new(true, 0, 2));
        assert_eq!(counts("kí"), Counts::new(false, 0, 1));
        let pair = |a: &str, b: &str| key(a) << 32 | key(b);
        // "đăng ký" in the title and the body, once; "ký. Ký" and "tên, Kí" are not adjacent.
        assert_eq!(
            t.pairs,
            [
                pair("dang", "ki"),
                pair("cu", "tri"),
                pair("tri", "dang"),
                pair("ki", "ten")
            ]
        );
        assert_eq!(t.text, "Cử tri đăng ký. Ký tên, Kí");
    }

    #[test]
    fn the_pair_set_forgets_each_page() {
        let mut set = PairSet::default();
        for n in [1000u64, 10, 1000, 3] {
            set.start(n as usize, n as usize);
            for p in 0..n {
                assert!(set.insert(p << 32 | (p % 7)), "page of {n}: {p} is new");
            }
            for p in 0..n {
                assert!(!set.insert(p << 32 | (p % 7)), "page of {n}: {p} was met");
            }
            // A small page uses the first slots only; a large one the whole table.
            assert_eq!(set.mask + 1, (4 * n as usize).next_power_of_two().max(64));
        }
        assert_eq!(
            set.slots.iter().filter(|s| **s != PairSet::EMPTY).count(),
            3
        );
    }

    #[test]
    fn the_pair_set_grows_past_its_estimate() {
        let mut set = PairSet::default();
        set.start(1, 1000);
        for p in 0..1000u64 {
            assert!(set.insert(p << 32 | 7), "{p} is new");
        }
        for p in 0..1000u64 {
            assert!(!set.insert(p << 32 | 7), "{p} was met");
        }
        assert!(set.mask + 1 >= 4000);
    }

    #[test]
    fn any_white_space_keeps_tokens_adjacent_and_punctuation_does_not() {
        let (t, v) = index(&[(
            Field::Body,
            "bầu\u{a0}cử \n\t tri\u{2003}\u{3000}viên – đăng “ký”",
        )]);
        let w = v.into_words();
        let key = |s: &str| w.keys.iter().position(|x| &**x == s).unwrap() as u64;
        let pair = |a: &str, b: &str| key(a) << 32 | key(b);
        assert_eq!(
            t.pairs,
            [pair("bau", "cu"), pair("cu", "tri"), pair("tri", "vien")]
        );
        assert_eq!(t.text, "bầu cử tri viên – đăng “ký”");
    }

    #[test]
    fn fragment_text_is_cut_at_a_token_end() {
        let long = "bầu cử ".repeat(FRAGMENT_CHARS);
        let (t, _) = index(&[(Field::Body, "mở đầu"), (Field::Body, &long)]);
        assert!(t.text.chars().count() <= FRAGMENT_CHARS);
        assert!(t.text.starts_with("mở đầu\nbầu cử"));
        assert!(t.text.ends_with(" bầu") || t.text.ends_with(" cử"));
    }
}
