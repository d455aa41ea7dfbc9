//! Merging pages into the index as they are rendered, in page order: postings are encoded as
//! they grow, in arrays indexed by the vocabulary's ids, and bigrams through lists by first key
//! (`bigrams.rs`), so adding a page looks nothing up in a map; `finish` writes the term chunks
//! and the manifest (ARCHITECTURE.md §11).

use super::Sink;
use super::bigrams::{Followers, Regroup};
use super::encode::{self, FnvMap, Postings};
use super::index::PageIndex;
use super::vocab::Words;
use crate::diagnostics::Diagnostic;

/// The index being built.
#[derive(Debug)]
pub struct Builder {
    /// Postings of each variant, by variant id.
    variants: Vec<Postings>,
    /// Postings of each bigram up to the last flush, by first key id, then second key id: a
    /// flush then finds a list's bigrams in one small map rather than across a map of all the
    /// site's bigrams, most of them a cache miss.
    bigrams: Vec<FnvMap<u32, Postings>>,
    /// The bigrams of the pages added since, by first key id.
    recent: Vec<Followers>,
    /// How many pairs `recent` holds, and how many it may before a flush.
    pending: usize,
    flush_at: usize,
    regroup: Regroup,
    pages: u32,
    hash: u64,
}

/// Recent bigrams held before they go to their postings (under 1 MB; about 600 pages). A
/// page's bigrams then cost an append each to the list of its first key, whose end stays in
/// cache, and a flush costs one lookup per distinct bigram, instead of a lookup per page and
/// bigram in a map of all the site's bigrams, mostly a cache miss on the thread that shares
/// its cores with the renderers.
const FLUSH_PAIRS: usize = 1 << 18;

impl Default for Builder {
    fn default() -> Self {
        Self {
            variants: Vec::new(),
            bigrams: Vec::new(),
            recent: Vec::new(),
            pending: 0,
            flush_at: FLUSH_PAIRS,
            regroup: Regroup::default(),
            pages: 0,
            hash: start_hash(),
        }
    }
}

/// Where the index's hash starts: the format and Loa's version, which with the pages' text
/// decide every file of the index.
fn start_hash() -> u64 {
    let mut h = encode::FNV_START;
    encode::mix(&mut h, u64::from(encode::VERSION));
    encode::hash_bytes(&mut h, env!("CARGO_PKG_VERSION").as_bytes());
    h
}

impl Builder {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the next page (page numbers count from 0 in the order pages are added).
    pub fn add(&mut self, page: &PageIndex) {
        let n = self.pages;
        self.pages += 1;
        encode::mix(&mut self.hash, page.hash);
        for &(v, counts) in &page.terms {
            let v = v as usize;
            if v >= self.variants.len() {
                self.variants.resize_with(v + 1, Postings::default);
            }
            self.variants[v].push(n, Some(counts.weight()));
        }
        for &pair in &page.pairs {
            let first = (pair >> 32) as usize;
            if first >= self.recent.len() {
                self.recent.resize_with(first + 1, Followers::default);
            }
            self.recent[first].push(n, pair as u32);
        }
        self.pending += page.pairs.len();
        if self.pending >= self.flush_at {
            self.flush();
        }
    }

    /// Moves the recent bigrams to their postings.
    fn flush(&mut self) {
        if self.bigrams.len() < self.recent.len() {
            self.bigrams.resize_with(self.recent.len(), FnvMap::default);
        }
        for (list, bigrams) in self.recent.iter_mut().zip(&mut self.bigrams) {
            if list.is_empty() {
                continue;
            }
            self.regroup.run(list, |second, pages| {
                let postings = bigrams.entry(second).or_default();
                for &p in pages {
                    postings.push(p, None);
                }
            });
            list.clear();
        }
        self.pending = 0;
    }

    /// The index's hash, the cache key of its URLs: known once every page is added, before
    /// [`Builder::finish`], since the pages' text decides the index.
    pub fn hash(&self) -> String {
        format!("{:08x}", self.hash >> 32)
    }

    /// Writes the term chunks and the manifest to `sink`, with the vocabulary `words` the
    /// pages' ids refer to; returns the number of files written.
    pub fn finish(mut self, words: &Words, sink: &dyn Sink) -> Result<usize, Diagnostic> {
        self.flush();
        let hash = self.hash();
        // Each key's variants, most pages first.
        let mut by_key: Vec<Vec<u32>> = vec![Vec::new(); words.keys.len()];
        for (vid, p) in self.variants.iter().enumerate() {
            if p.pages() > 0 {
                by_key[words.variants[vid].0 as usize].push(vid as u32);
            }
        }
        for list in &mut by_key {
            list.sort_by(|a, b| {
                let (pa, pb) = (&self.variants[*a as usize], &self.variants[*b as usize]);
                let (va, vb) = (
                    &words.variants[*a as usize].1,
                    &words.variants[*b as usize].1,
                );
                pb.pages().cmp(&pa.pages()).then_with(|| va.cmp(vb))
            });
        }
        // The client's key order (UTF-16). A bigram `a b` comes after the key `a` and before any
        // longer key starting with `a`, as a space sorts before every key character: so the
        // entries are each key in order, followed by its bigrams in the order of their second
        // key.
        let order = encode::key_order(&words.keys);
        let mut rank = vec![0u32; words.keys.len()];
        for (r, &kid) in order.iter().enumerate() {
            rank[kid as usize] = r as u32;
        }
        let mut chunks = encode::Chunks::new(sink);
        let mut json = Vec::new();
        // A key's bigrams, by the rank of their second key.
        let mut group: Vec<(u32, &Postings)> = Vec::new();
        for &kid in &order {
            let kid = kid as usize;
            let key = &*words.keys[kid];
            if !by_key[kid].is_empty() {
                json.clear();
                json.push(b'[');
                encode::push_json_str(&mut json, key);
                for vid in &by_key[kid] {
                    json.push(b',');
                    encode::push_json_str(&mut json, &words.variants[*vid as usize].1);
                    json.extend_from_slice(b",\"");
                    self.variants[*vid as usize].write(true, &mut json);
                    json.push(b'"');
                }
                json.push(b']');
                chunks.push(&json, || key.to_string())?;
            }
            group.clear();
            if let Some(bigrams) = self.bigrams.get(kid) {
                group.extend(bigrams.iter().map(|(&s, list)| (rank[s as usize], list)));
            }
            group.sort_unstable_by_key(|&(r, _)| r);
            for &(r, list) in &group {
                let second = &*words.keys[order[r as usize] as usize];
                json.clear();
                json.push(b'[');
                encode::push_json_pair(&mut json, key, second);
                json.extend_from_slice(b",\"");
                list.write(false, &mut json);
                json.extend_from_slice(b"\"]");
                chunks.push(&json, || format!("{key} {second}"))?;
            }
        }
        chunks.finish(self.pages, &hash)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::extract::extract;
    use crate::search::index::page_index;
    use crate::search::vocab::Vocab;
    use std::collections::HashMap;
    use std::sync::Mutex;

    /// A sink that keeps what it is given.
    #[derive(Default)]
    struct Keep(Mutex<Vec<(String, Vec<u8>)>>);

    impl Sink for Keep {
        fn put(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
            self.0.lock().unwrap().push((path.into(), bytes.to_vec()));
            Ok(())
        }
    }

    /// The index of pages given as HTML inside `<main>`, as (key → entry) read back from its
    /// chunks.
    fn built(pages: &[&str]) -> HashMap<String, Vec<String>> {
        entries(pages)
            .into_iter()
            .map(|e| (e[0].clone(), e[1..].to_vec()))
            .collect()
    }

    /// The entries of the index of `pages` (as in [`built`]), in the order of its chunks.
    fn entries(pages: &[&str]) -> Vec<Vec<String>> {
        let vocab = Vocab::new();
        let mut b = Builder::new();
        for p in pages {
            b.add(&page_index(&extract(&format!("<main>{p}</main>")), &vocab));
        }
        let sink = Keep::default();
        let n = b.finish(&vocab.into_words(), &sink).unwrap();
        let files = sink.0.into_inner().unwrap();
        assert_eq!(n, files.len());
        let mut out = Vec::new();
        for (_, bytes) in files.iter().filter(|f| f.0.contains("/t/")) {
            let text = std::str::from_utf8(bytes).unwrap();
            let json = &text[text.find("]=").unwrap() + 2..text.len() - 2];
            let v: Vec<Vec<String>> = serde_json::from_str(json).unwrap();
            out.extend(v);
        }
        out
    }

    fn pages_of(enc: &str, weights: bool) -> Vec<u32> {
        encode::decode(enc, weights)
            .unwrap()
            .into_iter()
            .map(|p| p.0)
            .collect()
    }

    #[test]
    fn spellings_of_one_key_are_grouped_and_marks_kept_apart() {
        let idx = built(&[
            "<p>Ủy ban bầu cử</p>",
            "<p>Uỷ ban và ủy ban</p>",
            "<h1>Kí tên, ký tên</h1>",
            "<p>bình đẳng nhiệm kỳ</p>",
        ]);
        // "ủy" and "uỷ" are one variant; pages 0 and 1.
        let uy = &idx["uy"];
        assert_eq!(uy.len(), 2, "{uy:?}");
        assert_eq!(pages_of(&uy[1], true), [0, 1]);
        // "kí", "ký", "kỳ" share the key "ki" but keep their marks apart.
        let ki = &idx["ki"];
        let mut vars: Vec<&str> = ki.iter().step_by(2).map(String::as_str).collect();
        vars.sort();
        assert_eq!(vars, ["kí", "ký", "kỳ"]);
        assert_eq!(pages_of(&idx["uy ban"][0], false), [0, 1]);
        assert!(idx.contains_key("ki ten"));
        assert!(!idx.contains_key("ten ki"), "a comma breaks adjacency");
        assert!(
            !idx.contains_key("dang ki"),
            "\"đẳng nhiệm kỳ\" is not adjacent"
        );
        assert!(idx.contains_key("nhiem ki"));
    }

    #[test]
    fn terms_and_bigrams_are_written_in_the_clients_order() {
        let keys: Vec<String> = entries(&[
            "<p>dang ki danga dang</p>",
            "<p>đăng ký \u{20000} a</p>",
            "<p>\u{ff41} b \u{20000}x \u{ff41}</p>",
        ])
        .into_iter()
        .map(|e| e[0].clone())
        .collect();
        let mut sorted = keys.clone();
        sorted.sort_by(|a, b| encode::utf16_cmp(a, b));
        assert_eq!(keys, sorted);
        // Bigrams sit between their first key and longer keys that start with it.
        let at = |k: &str| {
            keys.iter()
                .position(|x| x == k)
                .unwrap_or_else(|| panic!("{k} not in {keys:?}"))
        };
        assert!(at("dang") < at("dang ki") && at("dang ki") < at("danga"));
        // A Nôm character beyond U+FFFF sorts before U+FF41 in UTF-16, not in UTF-8.
        assert!(at("\u{20000}") < at("\u{20000} a") && at("\u{20000}x") < at("\u{ff41}"));
        assert!(at("\u{ff41}") < at("\u{ff41} b"));
    }

    #[test]
    fn variants_with_more_pages_come_first() {
        let idx = built(&["<p>hòa</p>", "<p>hóa</p>", "<p>hoà</p>"]);
        let hoa = &idx["hoa"];
        assert_eq!(hoa[0], "hoà");
        assert_eq!(pages_of(&hoa[1], true), [0, 2]);
        assert_eq!(hoa[2], "hoá");
    }

    #[test]
    fn a_term_on_most_pages_is_written_as_a_bitmap() {
        let pages: Vec<String> = (0..60)
            .map(|i| {
                if i % 7 == 3 {
                    "<p>khác</p>".into()
                } else {
                    format!("<p>bầu cử {i}</p>")
                }
            })
            .collect();
        let refs: Vec<&str> = pages.iter().map(String::as_str).collect();
        let idx = built(&refs);
        let bau = &idx["bau"][1];
        assert!(bau.starts_with('~'), "{bau}");
        let expected: Vec<u32> = (0..60).filter(|i| i % 7 != 3).collect();
        assert_eq!(pages_of(bau, true), expected);
        assert_eq!(pages_of(&idx["bau cu"][0], false), expected);
    }

    #[test]
    fn flushing_the_recent_bigrams_often_changes_nothing() {
        let pages: Vec<String> = (0..40)
            .map(|i| format!("<p>bầu cử {} đăng ký {} bầu cử tri</p>", i % 7, i % 3))
            .collect();
        let write = |flush_at: usize| {
            let vocab = Vocab::new();
            let mut b = Builder::new();
            b.flush_at = flush_at;
            for p in &pages {
                b.add(&page_index(&extract(&format!("<main>{p}</main>")), &vocab));
            }
            let sink = Keep::default();
            b.finish(&vocab.into_words(), &sink).unwrap();
            sink.0.into_inner().unwrap()
        };
        let once = write(usize::MAX);
        let has = |s: &str| {
            once.iter()
                .any(|(_, f)| String::from_utf8_lossy(f).contains(s))
        };
        assert!(has("\"bau cu\"") && has("\"dang ki\"") && has("\"cu tri\""));
        assert_eq!(write(1), once);
        assert_eq!(write(13), once);
    }

    #[test]
    fn an_empty_site_has_a_manifest_and_no_chunk() {
        let sink = Keep::default();
        let b = Builder::new();
        let h = b.hash();
        let n = b.finish(&Vocab::new().into_words(), &sink).unwrap();
        let files = sink.0.into_inner().unwrap();
        assert_eq!((n, files.len()), (1, 1));
        assert!(files[0].0.ends_with("/m.js"));
        assert_eq!(h.len(), 8);
    }
}
