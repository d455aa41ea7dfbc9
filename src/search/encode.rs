//! The index on disk: postings as compact strings, keys in UTF-16 order packed into term
//! chunks, one fragment per page, and the manifest, each a `.js` file that assigns to the
//! global `loaSearch` so a `<script>` tag can load it from `file://` (ARCHITECTURE.md §11).

use crate::output::{Body, Output};
use std::cmp::Ordering;

/// The digits of a posting string; a digit's value is its index.
pub const DIGITS: &[u8; 64] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
/// A term chunk is closed once it holds this many bytes (one large entry may exceed it).
pub const CHUNK_BYTES: usize = 12 * 1024;
/// Where the index files go, under the search page.
pub const DIR: &str = "tim-kiem/chi-muc";
/// Version of the format, in the manifest.
pub const VERSION: u32 = 1;

/// Appends `n` as a varint of 5-bit groups, low group first; digits 32–63 mean "more".
fn push_varint(out: &mut String, mut n: u32) {
    loop {
        let low = (n & 31) as usize;
        n >>= 5;
        if n == 0 {
            out.push(DIGITS[low] as char);
            return;
        }
        out.push(DIGITS[32 + low] as char);
    }
}

/// Appends one posting: the gap from the previous page less one, then the weight (1–63).
pub fn push_posting(out: &mut String, gap: u32, weight: u8) {
    push_varint(out, gap);
    out.push(DIGITS[usize::from(weight.min(63))] as char);
}

/// Reads a posting string back into `(page, weight)` pairs; `None` when it is malformed.
pub fn decode(s: &str) -> Option<Vec<(u32, u8)>> {
    let mut out = Vec::new();
    let mut digits = s.bytes().map(|b| DIGITS.iter().position(|&d| d == b));
    let mut prev: i64 = -1;
    loop {
        let mut gap: u64 = 0;
        let mut shift = 0;
        let first = digits.next();
        let Some(mut d) = first else {
            return Some(out);
        };
        loop {
            let v = d? as u64;
            if shift > 30 {
                return None;
            }
            gap |= (v & 31) << shift;
            shift += 5;
            if v < 32 {
                break;
            }
            d = digits.next()?;
        }
        let w = digits.next()?? as u8;
        let page = prev + 1 + gap as i64;
        out.push((u32::try_from(page).ok()?, w));
        prev = page;
    }
}

/// Orders keys as JavaScript's `<` does: by UTF-16 code units.
pub fn utf16_cmp(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// A JSON string literal.
pub fn json(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// The JS file that stores `value` (JSON text) under `name`.
fn script(name: &str, value: &str) -> Vec<u8> {
    format!("(self.loaSearch=self.loaSearch||{{}})[\"{name}\"]={value};\n").into_bytes()
}

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

/// The fragment file of page `n`.
pub fn fragment_file(n: usize, f: &Fragment) -> Output {
    let value = serde_json::to_string(f).unwrap_or_else(|_| "{}".into());
    Output {
        path: format!("{DIR}/p/{n}.js"),
        body: Body::Bytes(script(&format!("p{n}"), &value)),
    }
}

/// Where FNV-1a starts.
pub const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a, 64 bits: a stable hash of the index for the cache key.
pub fn fnv(h: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *h ^= u64::from(b);
        *h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
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
    /// Ids (bigram keys are pairs of them) mix in one step instead of four.
    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(n)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with the FNV hasher.
pub type FnvMap<K, V> = std::collections::HashMap<K, V, FnvBuild>;

/// Term chunks being filled with entries in key order.
pub struct Chunks {
    out: Vec<Output>,
    firsts: Vec<String>,
    chunk: String,
    hash: u64,
}

impl Chunks {
    /// No chunk yet; `hash` is the hash of everything before (the fragments).
    pub fn new(hash: u64) -> Self {
        Self {
            out: Vec::new(),
            firsts: Vec::new(),
            chunk: String::new(),
            hash,
        }
    }

    /// Adds the entry of `key` (JSON text), closing the chunk first when it is full.
    pub fn push(&mut self, key: &str, entry: &str) {
        if !self.chunk.is_empty() && self.chunk.len() + entry.len() > CHUNK_BYTES {
            self.close();
        }
        if self.chunk.is_empty() {
            // The first chunk covers everything from "".
            self.firsts.push(if self.firsts.is_empty() {
                String::new()
            } else {
                key.to_string()
            });
        } else {
            self.chunk.push(',');
        }
        self.chunk.push_str(entry);
    }

    fn close(&mut self) {
        if self.chunk.is_empty() {
            return;
        }
        let n = self.firsts.len() - 1;
        let body = script(&format!("t{n}"), &format!("[{}]", self.chunk));
        fnv(&mut self.hash, &body);
        self.out.push(Output {
            path: format!("{DIR}/t/{n}.js"),
            body: Body::Bytes(body),
        });
        self.chunk.clear();
    }

    /// The chunk files and the manifest (last), and the index's hash.
    pub fn finish(mut self, pages: u32) -> (Vec<Output>, String) {
        self.close();
        let h = format!("{:08x}", self.hash >> 32);
        let manifest = serde_json::json!({
            "v": VERSION,
            "h": h,
            "pages": pages,
            "chunks": self.firsts,
        });
        self.out.push(Output {
            path: format!("{DIR}/m.js"),
            body: Body::Bytes(script("m", &manifest.to_string())),
        });
        (self.out, h)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_round_trip_with_large_gaps() {
        let mut s = String::new();
        let mut prev: Option<u32> = None;
        for p in [0u32, 1, 2, 40, 41, 1_000_000, 1_000_001] {
            push_posting(&mut s, p - prev.map_or(0, |x| x + 1), 3);
            prev = Some(p);
        }
        assert!(s.bytes().all(|b| DIGITS.contains(&b)));
        let back = decode(&s).unwrap();
        assert_eq!(
            back.iter().map(|p| p.0).collect::<Vec<_>>(),
            [0, 1, 2, 40, 41, 1_000_000, 1_000_001]
        );
        assert!(back.iter().all(|p| p.1 == 3));
        // A dense list costs two digits a page.
        assert_eq!(&s[..6], "030303");
    }

    #[test]
    fn malformed_postings_are_refused() {
        assert_eq!(decode(""), Some(vec![]));
        assert_eq!(decode("0"), None, "gap without weight");
        assert_eq!(decode("W"), None, "continuation without end");
        assert_eq!(decode("0!"), None, "not a digit");
        assert_eq!(decode("______0"), None, "overflow");
    }

    #[test]
    fn keys_sort_like_javascript() {
        let mut k = vec!["dang", "dang ki", "danga", "\u{ff21}", "\u{1f600}"];
        k.sort_by(|a, b| utf16_cmp(a, b));
        // A space sorts before letters; a surrogate pair before U+FF21 in UTF-16.
        assert_eq!(k, ["dang", "dang ki", "danga", "\u{1f600}", "\u{ff21}"]);
    }
}
