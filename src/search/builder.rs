//! Merging pages into the index as they are rendered, in page order: each distinct token's key
//! and variant are computed once, and postings are encoded as they grow, so the index costs
//! little more memory than its own bytes (ARCHITECTURE.md §11).

use super::encode::{self, FnvMap, push_posting};
use super::index::{Counts, PageTerms};
use super::token::{key, variant};
use crate::output::Output;

/// The postings of one variant or bigram, encoded while pages arrive; the current page's
/// counts stay open until a later page comes, so two spellings on one page add up.
#[derive(Debug, Default)]
struct Postings {
    enc: String,
    /// The last page written to `enc`.
    written: Option<u32>,
    /// The open page and its counts.
    open: Option<(u32, Counts)>,
    /// Pages in all.
    pages: u32,
}

impl Postings {
    fn add(&mut self, page: u32, counts: Counts, weight: fn(Counts) -> u8) {
        match &mut self.open {
            Some((p, c)) if *p == page => c.merge(counts),
            _ => {
                self.close(weight);
                self.open = Some((page, counts));
            }
        }
    }

    fn close(&mut self, weight: fn(Counts) -> u8) {
        if let Some((page, counts)) = self.open.take() {
            let gap = page - self.written.map_or(0, |w| w + 1);
            push_posting(&mut self.enc, gap, weight(counts));
            self.written = Some(page);
            self.pages += 1;
        }
    }
}

/// A bigram's weight: how often the two words meet on the page, 1–63.
fn bigram_weight(c: Counts) -> u8 {
    c.body().clamp(1, 63) as u8
}

/// The index being built.
#[derive(Debug)]
pub struct Builder {
    /// Lowercase token → its variant.
    vocab: FnvMap<Box<str>, u32>,
    /// Variants: key id, the variant's spelling, postings.
    variants: Vec<(u32, Box<str>, Postings)>,
    variant_ids: FnvMap<(u32, Box<str>), u32>,
    keys: FnvMap<Box<str>, u32>,
    key_names: Vec<Box<str>>,
    bigrams: FnvMap<(u32, u32), Postings>,
    pages: u32,
    hash: u64,
    local: Vec<u32>,
}

impl Default for Builder {
    fn default() -> Self {
        Self {
            vocab: FnvMap::default(),
            variants: Vec::new(),
            variant_ids: FnvMap::default(),
            keys: FnvMap::default(),
            key_names: Vec::new(),
            bigrams: FnvMap::default(),
            pages: 0,
            hash: encode::FNV_START,
            local: Vec::new(),
        }
    }
}

impl Builder {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// The variant id of lowercase token `word`, adding it (and its key) when new.
    fn variant_of(&mut self, word: &str) -> u32 {
        if let Some(v) = self.vocab.get(word) {
            return *v;
        }
        let k = key(word);
        let kid = match self.keys.get(k.as_str()) {
            Some(id) => *id,
            None => {
                let id = self.key_names.len() as u32;
                self.keys.insert(k.clone().into(), id);
                self.key_names.push(k.into());
                id
            }
        };
        let var: Box<str> = variant(word).into();
        let vid = match self.variant_ids.get(&(kid, var.clone())) {
            Some(v) => *v,
            None => {
                let v = self.variants.len() as u32;
                self.variant_ids.insert((kid, var.clone()), v);
                self.variants.push((kid, var, Postings::default()));
                v
            }
        };
        self.vocab.insert(word.into(), vid);
        vid
    }

    /// Adds the next page (page numbers count from 0 in the order pages are added), with the
    /// bytes of its fragment file for the index's hash.
    pub fn add(&mut self, terms: &PageTerms, fragment: &[u8]) {
        let page = self.pages;
        self.pages += 1;
        encode::fnv(&mut self.hash, fragment);
        let mut local = std::mem::take(&mut self.local);
        local.clear();
        for (word, counts) in terms.words() {
            let vid = self.variant_of(word);
            self.variants[vid as usize]
                .2
                .add(page, counts, Counts::weight);
            local.push(vid);
        }
        for &(a, b, n) in &terms.pairs {
            let ka = self.variants[local[a as usize] as usize].0;
            let kb = self.variants[local[b as usize] as usize].0;
            self.bigrams.entry((ka, kb)).or_default().add(
                page,
                Counts::new(false, 0, n),
                bigram_weight,
            );
        }
        self.local = local;
    }

    /// The term chunks and the manifest, and the index's hash (the manifest URL's cache key).
    pub fn finish(mut self) -> (Vec<Output>, String) {
        // Each key's variants, most pages first.
        let mut by_key: Vec<Vec<u32>> = vec![Vec::new(); self.key_names.len()];
        for (vid, (kid, _, p)) in self.variants.iter_mut().enumerate() {
            p.close(Counts::weight);
            by_key[*kid as usize].push(vid as u32);
        }
        let variants = &self.variants;
        for list in &mut by_key {
            list.sort_by(|a, b| {
                let (va, vb) = (&variants[*a as usize], &variants[*b as usize]);
                vb.2.pages.cmp(&va.2.pages).then_with(|| va.1.cmp(&vb.1))
            });
        }
        let mut entries: Vec<(String, Entry)> = by_key
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.is_empty())
            .map(|(kid, _)| (self.key_names[kid].to_string(), Entry::Term(kid)))
            .collect();
        let mut bigrams: Vec<((u32, u32), Postings)> = self.bigrams.drain().collect();
        for (i, ((a, b), p)) in bigrams.iter_mut().enumerate() {
            p.close(bigram_weight);
            let k = format!(
                "{} {}",
                self.key_names[*a as usize], self.key_names[*b as usize]
            );
            entries.push((k, Entry::Bigram(i)));
        }
        entries.sort_by(|a, b| encode::utf16_cmp(&a.0, &b.0));
        let mut chunks = encode::Chunks::new(self.hash);
        let mut json = String::new();
        for (k, e) in &entries {
            json.clear();
            json.push('[');
            json.push_str(&encode::json(k));
            match e {
                Entry::Term(kid) => {
                    for vid in &by_key[*kid] {
                        let (_, var, p) = &mut self.variants[*vid as usize];
                        json.push(',');
                        json.push_str(&encode::json(var));
                        json.push_str(",\"");
                        json.push_str(&std::mem::take(&mut p.enc));
                        json.push('"');
                    }
                }
                Entry::Bigram(i) => {
                    json.push_str(",\"");
                    json.push_str(&std::mem::take(&mut bigrams[*i].1.enc));
                    json.push('"');
                }
            }
            json.push(']');
            chunks.push(k, &json);
        }
        chunks.finish(self.pages)
    }
}

/// What a key names: a term (by key id) or a bigram (by position).
enum Entry {
    Term(usize),
    Bigram(usize),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::extract::{Block, Field};
    use crate::search::index::page_terms;
    use std::collections::HashMap;

    fn terms(field: Field, text: &str) -> PageTerms {
        page_terms(&[Block {
            field,
            text: text.into(),
        }])
    }

    /// The index of `pages` as (key → entry) read back from its chunks.
    fn built(pages: &[PageTerms]) -> HashMap<String, Vec<String>> {
        let mut b = Builder::new();
        for p in pages {
            b.add(p, b"");
        }
        let (files, _) = b.finish();
        let mut out = HashMap::new();
        for f in files.iter().filter(|f| f.path.contains("/t/")) {
            let crate::output::Body::Bytes(bytes) = &f.body else {
                panic!("chunk not in memory")
            };
            let text = std::str::from_utf8(bytes).unwrap();
            let json = &text[text.find("]=").unwrap() + 2..text.len() - 2];
            let v: Vec<Vec<String>> = serde_json::from_str(json).unwrap();
            for e in v {
                out.insert(e[0].clone(), e[1..].to_vec());
            }
        }
        out
    }

    fn pages_of(enc: &str) -> Vec<u32> {
        encode::decode(enc)
            .unwrap()
            .into_iter()
            .map(|p| p.0)
            .collect()
    }

    #[test]
    fn spellings_of_one_key_are_grouped_and_marks_kept_apart() {
        let idx = built(&[
            terms(Field::Body, "Ủy ban bầu cử"),
            terms(Field::Body, "Uỷ ban và ủy ban"),
            terms(Field::Title, "Kí tên, ký tên"),
            terms(Field::Body, "bình đẳng nhiệm kỳ"),
        ]);
        // "ủy" and "uỷ" are one variant; pages 0 and 1.
        let uy = &idx["uy"];
        assert_eq!(uy.len(), 2, "{uy:?}");
        assert_eq!(pages_of(&uy[1]), [0, 1]);
        // "kí", "ký", "kỳ" share the key "ki" but keep their marks apart.
        let ki = &idx["ki"];
        let mut vars: Vec<&str> = ki.iter().step_by(2).map(String::as_str).collect();
        vars.sort();
        assert_eq!(vars, ["kí", "ký", "kỳ"]);
        // Both spellings of "uy ban" on page 1 add up in the bigram's weight.
        let ub = encode::decode(&idx["uy ban"][0]).unwrap();
        assert_eq!(ub, [(0, 1), (1, 2)]);
        assert!(idx.contains_key("ki ten"));
        assert!(!idx.contains_key("ten ki"), "a comma breaks adjacency");
        assert!(
            !idx.contains_key("dang ki"),
            "\"đẳng nhiệm kỳ\" is not adjacent"
        );
        assert!(idx.contains_key("nhiem ki"));
    }

    #[test]
    fn variants_with_more_pages_come_first() {
        let idx = built(&[
            terms(Field::Body, "hòa"),
            terms(Field::Body, "hóa"),
            terms(Field::Body, "hoà"),
        ]);
        let hoa = &idx["hoa"];
        assert_eq!(hoa[0], "hoà");
        assert_eq!(pages_of(&hoa[1]), [0, 2]);
        assert_eq!(hoa[2], "hoá");
    }

    #[test]
    fn an_empty_site_has_a_manifest_and_no_chunk() {
        let (files, h) = Builder::new().finish();
        assert_eq!(files.len(), 1);
        assert!(files[0].path.ends_with("/m.js"));
        assert_eq!(h.len(), 8);
    }
}
