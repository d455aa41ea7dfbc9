//! The index on disk: postings as compact strings, keys in UTF-16 order packed into term
//! chunks, one fragment per page, and the manifest, each a `.js` file that assigns to the
//! global `loaSearch` so a `<script>` tag can load it from `file://` (ARCHITECTURE.md §11).

use super::Sink;
use crate::diagnostics::Diagnostic;
use std::cmp::Ordering;

/// The digits of a posting string; a digit's value is its index.
pub const DIGITS: &[u8; 64] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
/// A term chunk is closed once it holds this many bytes (one large entry may exceed it).
pub const CHUNK_BYTES: usize = 12 * 1024;
/// Where the index files go, under the search page.
pub const DIR: &str = "tim-kiem/chi-muc";
/// Version of the format, in the manifest.
pub const VERSION: u32 = 3;
/// Fragments per fragment file: pages `GROUP·n` to `GROUP·n + GROUP − 1` share file `n`, so
/// a build writes a quarter as many files while a page of ten results loads at most ten.
pub const GROUP: usize = 4;

/// Appends `n` as a varint of 5-bit groups, low group first; digits 32–63 mean "more".
fn push_varint(out: &mut Vec<u8>, n: u32) {
    varint(n, |d| out.push(d));
}

/// The digits of `n` as a varint (see [`push_varint`]), given to `push` one by one.
#[inline(always)]
fn varint(mut n: u32, mut push: impl FnMut(u8)) {
    loop {
        let low = (n & 31) as usize;
        n >>= 5;
        if n == 0 {
            push(DIGITS[low]);
            return;
        }
        push(DIGITS[32 + low]);
    }
}

/// Marks a list written as a bitmap of pages.
const DENSE: u8 = b'~';

/// Digits kept in a posting list itself before they move to the heap.
const INLINE: usize = 22;

/// The digits of a posting list: inline while few (most bigrams and many words are on a page
/// or two, and a build has hundreds of thousands of lists), on the heap after.
#[derive(Debug, Clone)]
enum Digits {
    Inline(u8, [u8; INLINE]),
    Heap(Vec<u8>),
}

impl Default for Digits {
    fn default() -> Self {
        Digits::Inline(0, [0; INLINE])
    }
}

impl Digits {
    #[inline(always)]
    fn push(&mut self, d: u8) {
        match self {
            Digits::Inline(len, buf) => match buf.get_mut(usize::from(*len)) {
                Some(slot) => {
                    *slot = d;
                    *len += 1;
                }
                None => {
                    let mut v = Vec::with_capacity(4 * INLINE);
                    v.extend_from_slice(buf);
                    v.push(d);
                    *self = Digits::Heap(v);
                }
            },
            Digits::Heap(v) => v.push(d),
        }
    }

    fn as_slice(&self) -> &[u8] {
        match self {
            Digits::Inline(len, buf) => &buf[..usize::from(*len)],
            Digits::Heap(v) => v,
        }
    }
}

/// A posting list being built: pages in increasing order, each with a weight (1–63) for
/// terms or none for bigrams, kept as the digits of the sparse form.
#[derive(Debug, Default, Clone)]
pub struct Postings {
    enc: Digits,
    /// The page after the last one added.
    next: u32,
    pages: u32,
}

impl Postings {
    /// Adds `page` (after every page added so far).
    #[inline]
    pub fn push(&mut self, page: u32, weight: Option<u8>) {
        varint(page - self.next, |d| self.enc.push(d));
        if let Some(w) = weight {
            self.enc.push(DIGITS[usize::from(w.min(63))]);
        }
        self.next = page + 1;
        self.pages += 1;
    }

    /// Pages in the list.
    pub fn pages(&self) -> u32 {
        self.pages
    }

    /// Appends the list as written to the index: the sparse form (per page the gap from the
    /// previous page less one, then the weight), or when shorter the dense one: `~`, the
    /// bitmap's length in digits, the bitmap (six pages a digit, lowest bit first), then the
    /// weights in page order.
    pub fn write(&self, weights: bool, out: &mut Vec<u8>) {
        let bitmap = self.next.div_ceil(6);
        let len_digits = varint_len(bitmap);
        let dense =
            1 + len_digits + bitmap as usize + if weights { self.pages as usize } else { 0 };
        let enc = self.enc.as_slice();
        if dense >= enc.len() {
            out.extend_from_slice(enc);
            return;
        }
        out.push(DENSE);
        push_varint(out, bitmap);
        let bits_at = out.len();
        out.resize(bits_at + bitmap as usize, 0);
        for (p, w) in self.entries(weights) {
            out[bits_at + p as usize / 6] |= 1 << (p % 6);
            if weights {
                out.push(DIGITS[usize::from(w)]);
            }
        }
        for b in &mut out[bits_at..bits_at + bitmap as usize] {
            *b = DIGITS[usize::from(*b)];
        }
    }
}

/// How many digits [`push_varint`] writes for `n`.
fn varint_len(mut n: u32) -> usize {
    let mut len = 1;
    while n >= 32 {
        n >>= 5;
        len += 1;
    }
    len
}

impl Postings {
    /// The pages and weights (0 without `weights`) read back from the sparse digits, which
    /// [`Postings::push`] wrote, so they are well formed.
    fn entries(&self, weights: bool) -> impl Iterator<Item = (u32, u8)> + '_ {
        let mut digits = self.enc.as_slice().iter().map(|&b| VALUE[usize::from(b)]);
        let mut next = 0u32;
        std::iter::from_fn(move || {
            let mut gap = 0u32;
            let mut shift = 0;
            loop {
                let d = digits.next()?;
                gap |= u32::from(d & 31) << shift;
                shift += 5;
                if d < 32 {
                    break;
                }
            }
            let w = if weights { digits.next()? } else { 0 };
            let page = next + gap;
            next = page + 1;
            Some((page, w))
        })
    }
}

/// The value of each digit of [`DIGITS`], by byte (0 for bytes that are not digits).
const VALUE: [u8; 256] = {
    let mut v = [0u8; 256];
    let mut i = 0;
    while i < DIGITS.len() {
        v[DIGITS[i] as usize] = i as u8;
        i += 1;
    }
    v
};

/// Reads a posting list back into `(page, weight)` pairs (weight 0 without `weights`);
/// `None` when it is malformed.
pub fn decode(s: &str, weights: bool) -> Option<Vec<(u32, u8)>> {
    let mut out = Vec::new();
    let mut digits = s
        .bytes()
        .skip(usize::from(s.starts_with(DENSE as char)))
        .map(|b| DIGITS.iter().position(|&d| d == b).map(|v| v as u64));
    let varint = |digits: &mut dyn Iterator<Item = Option<u64>>| -> Option<Option<u64>> {
        let mut n: u64 = 0;
        let mut shift = 0;
        let Some(mut d) = digits.next() else {
            return Some(None);
        };
        loop {
            let v = d?;
            if shift > 30 {
                return None;
            }
            n |= (v & 31) << shift;
            shift += 5;
            if v < 32 {
                return Some(Some(n));
            }
            d = digits.next()?;
        }
    };
    if s.starts_with(DENSE as char) {
        let len = varint(&mut digits)??;
        let mut pages = Vec::new();
        for c in 0..len {
            let bits = digits.next()??;
            pages.extend((0..6).filter(|i| bits & (1 << i) != 0).map(|i| c * 6 + i));
        }
        for p in pages {
            let w = if weights { digits.next()?? as u8 } else { 0 };
            out.push((u32::try_from(p).ok()?, w));
        }
        return digits.next().is_none().then_some(out);
    }
    let mut prev: i64 = -1;
    while let Some(gap) = varint(&mut digits)? {
        let w = if weights { digits.next()?? as u8 } else { 0 };
        let page = prev + 1 + gap as i64;
        out.push((u32::try_from(page).ok()?, w));
        prev = page;
    }
    Some(out)
}

/// The ids of `keys` in the order of JavaScript's `<`: by UTF-16 code units, which is the
/// order of the bytes unless a key has a character beyond U+FFFF.
pub fn key_order(keys: &[Box<str>]) -> Vec<u32> {
    let mut ids: Vec<u32> = (0..keys.len() as u32).collect();
    let key = |id: &u32| &*keys[*id as usize];
    if keys.iter().any(|k| k.bytes().any(|b| b >= 0xf0)) {
        ids.sort_by(|a, b| utf16_cmp(key(a), key(b)));
    } else {
        ids.sort_unstable_by(|a, b| key(a).cmp(key(b)));
    }
    ids
}

/// Orders keys as JavaScript's `<` does: by UTF-16 code units.
pub fn utf16_cmp(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// Whether JSON takes `s` inside quotes as it is.
fn json_plain(s: &str) -> bool {
    !s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\')
}

/// Appends `s` as a JSON string literal. Keys and variants are letters, digits and marks,
/// which JSON takes as they are; anything else goes through serde_json.
pub fn push_json_str(out: &mut Vec<u8>, s: &str) {
    if json_plain(s) {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    } else {
        let lit = serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
        out.extend_from_slice(lit.as_bytes());
    }
}

/// Appends the bigram key `a b` as a JSON string literal.
pub fn push_json_pair(out: &mut Vec<u8>, a: &str, b: &str) {
    if json_plain(a) && json_plain(b) {
        out.push(b'"');
        out.extend_from_slice(a.as_bytes());
        out.push(b' ');
        out.extend_from_slice(b.as_bytes());
        out.push(b'"');
    } else {
        push_json_str(out, &format!("{a} {b}"));
    }
}

/// The JS file that stores `value` (JSON text) under `name`.
fn script(name: &str, value: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len() + 48);
    push_script(&mut out, name, value.as_bytes());
    out
}

/// Appends the JS that stores `value` (JSON text) under `name`.
fn push_script(out: &mut Vec<u8>, name: &str, value: &[u8]) {
    push_script_start(out, name);
    out.extend_from_slice(value);
    out.extend_from_slice(SCRIPT_END);
}

/// Appends the JS that stores under `name` the JSON value that follows, up to [`SCRIPT_END`].
fn push_script_start(out: &mut Vec<u8>, name: &str) {
    out.extend_from_slice(b"(self.loaSearch=self.loaSearch||{})[\"");
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\"]=");
}

/// What ends a file that [`push_script_start`] began.
const SCRIPT_END: &[u8] = b";\n";

/// A page's fragment: where it is, its title, its section, its text.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Fragment {
    /// URL from the site root.
    pub u: String,
    /// Title.
    pub t: String,
    /// Section title, absent at the top level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s: Option<String>,
    /// Body text.
    pub x: String,
}

/// Fragment file `n`, of pages `GROUP·n` on (`fragments` in page order): its path and its
/// bytes.
pub fn fragment_file(n: usize, fragments: &[Fragment]) -> (String, Vec<u8>) {
    // Sized for the whole file at once: grown from empty, the buffer was copied again and
    // again.
    let size: usize = fragments
        .iter()
        .map(|f| f.u.len() + f.t.len() + f.s.as_ref().map_or(0, String::len) + f.x.len() + 64)
        .sum();
    let mut out = Vec::with_capacity(size + size / 8 + 64);
    let name = format!("p{n}");
    push_script_start(&mut out, &name);
    if serde_json::to_writer(&mut out, fragments).is_err() {
        out.truncate(0);
        push_script_start(&mut out, &name);
        out.extend_from_slice(b"[]");
    }
    out.extend_from_slice(SCRIPT_END);
    (format!("{DIR}/p/{n}.js"), out)
}

/// Where FNV-1a starts.
pub const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a, 64 bits, a byte at a time (for short keys).
pub fn fnv(h: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *h ^= u64::from(b);
        *h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
}

/// Mixes `n` into `h`: one step of the map hasher below.
#[inline]
pub fn mix(h: &mut u64, n: u64) {
    *h = (h.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
}

/// Mixes `bytes` into `h` eight at a time, then their length: a stable hash of the index's
/// inputs for its cache key, cheap enough to run over every page's text.
pub fn hash_bytes(h: &mut u64, bytes: &[u8]) {
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let mut buf = [0u8; 8];
        buf.copy_from_slice(w);
        mix(h, u64::from_le_bytes(buf));
    }
    let mut buf = [0u8; 8];
    buf[..words.remainder().len()].copy_from_slice(words.remainder());
    mix(h, u64::from_le_bytes(buf));
    mix(h, bytes.len() as u64);
}

/// FNV-1a as a `HashMap` hasher: the index's maps are keyed by short words and id pairs, for
/// which it is several times faster than the default SipHash.
#[derive(Debug, Clone, Copy, Default)]
pub struct FnvBuild;

/// The hasher [`FnvBuild`] makes.
#[derive(Debug)]
pub struct FnvHasher(u64);

impl std::hash::BuildHasher for FnvBuild {
    type Hasher = FnvHasher;
    fn build_hasher(&self) -> FnvHasher {
        FnvHasher(FNV_START)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn write(&mut self, bytes: &[u8]) {
        fnv(&mut self.0, bytes);
    }
    /// Ids mix in one step a word instead of one a byte.
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        mix(&mut self.0, n);
    }
    /// The high half folded into the low: multiplying mixes bits upward only, and the map
    /// picks a slot by the low bits.
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }
}

/// A `HashMap` with the FNV hasher.
pub type FnvMap<K, V> = std::collections::HashMap<K, V, FnvBuild>;

/// Term chunks being filled with entries in key order, each written to the sink when full.
pub struct Chunks<'a> {
    sink: &'a dyn Sink,
    firsts: Vec<String>,
    chunk: Vec<u8>,
}

impl<'a> Chunks<'a> {
    /// No chunk yet.
    pub fn new(sink: &'a dyn Sink) -> Self {
        Self {
            sink,
            firsts: Vec::new(),
            chunk: Vec::new(),
        }
    }

    /// Adds an entry (JSON text), closing the chunk first when it is full; `key` gives the
    /// entry's key, asked for only when the entry starts a chunk.
    pub fn push(&mut self, entry: &[u8], key: impl FnOnce() -> String) -> Result<(), Diagnostic> {
        if !self.chunk.is_empty() && self.chunk.len() + entry.len() > CHUNK_BYTES {
            self.close()?;
        }
        if self.chunk.is_empty() {
            // The first chunk covers everything from "".
            self.firsts.push(if self.firsts.is_empty() {
                String::new()
            } else {
                key()
            });
        } else {
            self.chunk.push(b',');
        }
        self.chunk.extend_from_slice(entry);
        Ok(())
    }

    fn close(&mut self) -> Result<(), Diagnostic> {
        if self.chunk.is_empty() {
            return Ok(());
        }
        let n = self.firsts.len() - 1;
        let mut body = Vec::with_capacity(self.chunk.len() + 64);
        push_script_start(&mut body, &format!("t{n}"));
        body.push(b'[');
        body.extend_from_slice(&self.chunk);
        body.push(b']');
        body.extend_from_slice(SCRIPT_END);
        self.sink.put(&format!("{DIR}/t/{n}.js"), &body)?;
        self.chunk.clear();
        Ok(())
    }

    /// Writes the last chunk and the manifest, whose cache key is `h`; returns the number of
    /// files written.
    pub fn finish(mut self, pages: u32, h: &str) -> Result<usize, Diagnostic> {
        self.close()?;
        let manifest = serde_json::json!({
            "v": VERSION,
            "h": h,
            "pages": pages,
            "g": GROUP,
            "chunks": self.firsts,
        });
        let body = script("m", &manifest.to_string());
        self.sink.put(&format!("{DIR}/m.js"), &body)?;
        Ok(self.firsts.len() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(pages: &[u32], weight: Option<u8>) -> Postings {
        let mut p = Postings::default();
        for &n in pages {
            p.push(n, weight);
        }
        p
    }

    fn written(p: &Postings, weights: bool) -> String {
        let mut s = Vec::new();
        p.write(weights, &mut s);
        String::from_utf8(s).unwrap()
    }

    #[test]
    fn sparse_postings_round_trip_with_large_gaps() {
        let pages = [0u32, 1, 2, 40, 41, 1_000_000, 1_000_001];
        let s = written(&list(&pages, Some(3)), true);
        assert!(s.bytes().all(|b| DIGITS.contains(&b)), "sparse: {s}");
        let back = decode(&s, true).unwrap();
        assert_eq!(back.iter().map(|p| p.0).collect::<Vec<_>>(), pages);
        assert!(back.iter().all(|p| p.1 == 3));
        // Consecutive pages cost two digits each: the gap, the weight.
        assert_eq!(&s[..6], "030303");
        // Without weights, one digit.
        assert_eq!(&written(&list(&pages, None), false)[..3], "000");
    }

    #[test]
    fn dense_postings_are_a_bitmap_and_round_trip() {
        // Every page but 3 and 10 of 0..20, as a bigram list and as a term list.
        let pages: Vec<u32> = (0..20).filter(|p| *p != 3 && *p != 10).collect();
        let bigram = written(&list(&pages, None), false);
        // Length 4, then pages 0–5 (3 missing: 55), 6–11 (10 missing: 47), 12–17 (63), 18–19 (3).
        assert_eq!(bigram, "~4TL_3");
        assert_eq!(decode(&bigram, false).unwrap().len(), 18);
        let weighted: Vec<(u32, u8)> = pages.iter().map(|&p| (p, (p % 63 + 1) as u8)).collect();
        let mut p = Postings::default();
        for &(n, w) in &weighted {
            p.push(n, Some(w));
        }
        let term = written(&p, true);
        assert!(term.starts_with('~'), "{term}");
        assert_eq!(term.len(), 1 + 1 + 4 + 18);
        assert_eq!(decode(&term, true).unwrap(), weighted);
    }

    #[test]
    fn malformed_postings_are_refused() {
        assert_eq!(decode("", true), Some(vec![]));
        assert_eq!(decode("0", true), None, "gap without weight");
        assert_eq!(decode("W", false), None, "continuation without end");
        assert_eq!(decode("0!", true), None, "not a digit");
        assert_eq!(decode("________0", false), None, "overflow");
        assert_eq!(decode("~2_", false), None, "bitmap shorter than its length");
        assert_eq!(decode("~1_", true), None, "weights missing");
        assert_eq!(decode("~1100", true), None, "digits left over");
    }

    #[test]
    fn the_map_hasher_spreads_pairs_that_share_a_second_word() {
        use std::hash::{BuildHasher, Hasher};
        // Bigrams `a << 32 | b` with one `b`: a map picks their slots by the low bits.
        let slots: std::collections::HashSet<u64> = (0..1000u64)
            .map(|a| {
                let mut h = FnvBuild.build_hasher();
                h.write_u64(a << 32 | 7);
                h.finish() & 1023
            })
            .collect();
        assert!(slots.len() > 500, "{} slots of 1024", slots.len());
    }

    #[test]
    fn keys_sort_like_javascript() {
        fn sorted(keys: &[&'static str]) -> Vec<&'static str> {
            let boxed: Vec<Box<str>> = keys.iter().map(|k| (*k).into()).collect();
            key_order(&boxed)
                .into_iter()
                .map(|id| keys[id as usize])
                .collect()
        }
        // A space sorts before letters; a surrogate pair before U+FF21 in UTF-16.
        assert_eq!(
            sorted(&["\u{ff21}", "danga", "\u{1f600}", "dang ki", "dang"]),
            ["dang", "dang ki", "danga", "\u{1f600}", "\u{ff21}"]
        );
        // Without one, the order of the bytes, which is the same.
        let bmp = ["\u{ff21}", "danga", "\u{e000}", "dang ki", "đ", "dang"];
        let mut by_utf16 = bmp.to_vec();
        by_utf16.sort_by(|a, b| utf16_cmp(a, b));
        assert_eq!(sorted(&bmp), by_utf16);
    }
}
