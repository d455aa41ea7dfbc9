//! The words the index knows, shared by the threads that render pages: each spelling met, as
//! written, maps to its variant and its key, which are computed once per build. Ids are
//! internal; nothing written depends on the order in which threads meet words.

use super::encode::FnvMap;
use super::token::{key, variant};
use std::sync::{PoisonError, RwLock, RwLockReadGuard};

/// A token's variant and key.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ids {
    /// Index into [`Words::variants`].
    pub variant: u32,
    /// Index into [`Words::keys`].
    pub key: u32,
}

/// A spelling of at most 16 bytes packed in two integers, low bytes first (tokens hold no
/// NUL, so the padding is unambiguous and the first integer is never 0): most words are, and
/// comparing integers is cheaper than comparing strings.
type Packed = (u64, u64);

/// The low `n` bytes of `w` (`n` from 1 to 8).
#[inline(always)]
fn low_bytes(w: u64, n: usize) -> u64 {
    w & (u64::MAX >> (64 - 8 * n))
}

fn packed(form: &str) -> Option<Packed> {
    let b = form.as_bytes();
    if b.is_empty() {
        return None;
    }
    let mut buf = [0u8; 16];
    buf.get_mut(..b.len())?.copy_from_slice(b);
    let (lo, hi) = buf.split_at(8);
    Some((word(lo), word(hi)))
}

/// The 8 bytes of `b` (exactly 8) as an integer, low byte first.
#[inline(always)]
fn word(b: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(b);
    u64::from_le_bytes(w)
}

/// [`packed`] of `b[start..end]` (a token, so not empty), read as two 8-byte loads and masked
/// when the text goes on for 16 bytes from `start`.
#[inline(always)]
fn packed_at(b: &[u8], start: usize, end: usize) -> Option<Packed> {
    let len = end - start;
    if len > 16 {
        return None;
    }
    match b.get(start..start + 16) {
        Some(w) if len > 0 => Some(if len <= 8 {
            (low_bytes(word(&w[..8]), len), 0)
        } else {
            (word(&w[..8]), low_bytes(word(&w[8..]), len - 8))
        }),
        _ => packed(
            b.get(start..end)
                .and_then(|w| std::str::from_utf8(w).ok())?,
        ),
    }
}

/// Packed spellings → ids: an open-addressing table, at most half full, probed linearly. It
/// is the map read once per token of the site, which a general map makes several times
/// costlier.
#[derive(Debug, Default)]
struct ShortTable {
    /// Spelling (lo, hi) and ids; lo 0 marks an empty slot.
    slots: Vec<(Packed, Ids)>,
    len: usize,
    /// 64 less log2 of the number of slots: the hash's top bits pick a slot.
    shift: u32,
}

impl ShortTable {
    #[inline(always)]
    fn slot(&self, (lo, hi): Packed) -> usize {
        ((lo ^ hi.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    #[inline(always)]
    fn get(&self, p: Packed) -> Option<Ids> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(p);
        loop {
            let (q, ids) = self.slots[i];
            if q == p {
                return Some(ids);
            }
            if q.0 == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds `p`, which is not there.
    fn insert(&mut self, p: Packed, ids: Ids) {
        if 2 * (self.len + 1) > self.slots.len() {
            let want = (2 * self.slots.len()).max(1024);
            let old = std::mem::replace(&mut self.slots, vec![((0, 0), Ids::default()); want]);
            self.shift = 64 - want.trailing_zeros();
            for (q, id) in old.into_iter().filter(|(q, _)| q.0 != 0) {
                self.place(q, id);
            }
        }
        self.place(p, ids);
        self.len += 1;
    }

    fn place(&mut self, p: Packed, ids: Ids) {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(p);
        while self.slots[i].0.0 != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = (p, ids);
    }
}

/// Everything the vocabulary holds.
#[derive(Debug, Default)]
pub struct Words {
    /// Spellings as written → ids: short ones packed, the others as strings.
    short: ShortTable,
    long: FnvMap<Box<str>, Ids>,
    /// Keys by id.
    pub keys: Vec<Box<str>>,
    key_ids: FnvMap<Box<str>, u32>,
    /// Variants by id: the key id and the spelling (lowercase, modern tone placement).
    pub variants: Vec<(u32, Box<str>)>,
    variant_ids: FnvMap<(u32, Box<str>), u32>,
}

impl Words {
    /// The ids of the spelling `text[start..end]`, when it has been met.
    #[inline(always)]
    fn get(&self, text: &str, start: usize, end: usize) -> Option<Ids> {
        match packed_at(text.as_bytes(), start, end) {
            Some(p) => self.short.get(p),
            None => self.long.get(text.get(start..end)?).copied(),
        }
    }

    fn insert(&mut self, form: &str) -> Ids {
        if let Some(ids) = self.get(form, 0, form.len()) {
            return ids;
        }
        let lower = if form.is_ascii() {
            form.to_ascii_lowercase()
        } else {
            form.chars().flat_map(char::to_lowercase).collect()
        };
        let k = key(&lower);
        let kid = match self.key_ids.get(k.as_str()) {
            Some(id) => *id,
            None => {
                let id = self.keys.len() as u32;
                self.key_ids.insert(k.clone().into(), id);
                self.keys.push(k.into());
                id
            }
        };
        let var: Box<str> = variant(&lower).into();
        let vid = match self.variant_ids.get(&(kid, var.clone())) {
            Some(v) => *v,
            None => {
                let v = self.variants.len() as u32;
                self.variant_ids.insert((kid, var.clone()), v);
                self.variants.push((kid, var));
                v
            }
        };
        let ids = Ids {
            variant: vid,
            key: kid,
        };
        match packed(form) {
            Some(p) => self.short.insert(p, ids),
            None => {
                self.long.insert(form.into(), ids);
            }
        }
        ids
    }
}

/// Looks tokens up in the vocabulary for one page, holding it for reading between the
/// spellings it has to add.
pub struct Reader<'a> {
    vocab: &'a Vocab,
    words: Option<RwLockReadGuard<'a, Words>>,
}

impl Reader<'_> {
    /// The ids of the token `text[start..end]`, added when it is new.
    #[inline(always)]
    pub fn ids(&mut self, text: &str, start: usize, end: usize) -> Ids {
        match self.words.as_ref().and_then(|w| w.get(text, start, end)) {
            Some(ids) => ids,
            None => self.add(text, start, end),
        }
    }

    /// Adds a spelling met for the first time: the lock is taken for writing, then for
    /// reading again. Kept out of line, so the loop over a page's tokens stays small.
    #[cold]
    #[inline(never)]
    fn add(&mut self, text: &str, start: usize, end: usize) -> Ids {
        self.words = None;
        let ids = {
            let mut words = self.vocab.0.write().unwrap_or_else(PoisonError::into_inner);
            words.insert(text.get(start..end).unwrap_or_default())
        };
        self.words = Some(self.vocab.read());
        ids
    }

    /// How many variants there are now: more than any id returned so far.
    pub fn variants(&self) -> usize {
        self.words
            .as_ref()
            .map_or_else(|| self.vocab.read().variants.len(), |w| w.variants.len())
    }
}

/// The vocabulary of one build.
#[derive(Debug, Default)]
pub struct Vocab(RwLock<Words>);

impl Vocab {
    /// An empty vocabulary.
    pub fn new() -> Self {
        Self::default()
    }

    /// A reader of the vocabulary, which holds it for reading until dropped or until a new
    /// spelling is added.
    pub fn reader(&self) -> Reader<'_> {
        Reader {
            vocab: self,
            words: Some(self.read()),
        }
    }

    fn read(&self) -> RwLockReadGuard<'_, Words> {
        self.0.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// What the vocabulary holds, once every page is in.
    pub fn into_words(self) -> Words {
        self.0.into_inner().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_share_variants_and_keys() {
        let v = Vocab::new();
        let text = "Ủy uỷ ỦY ký kí Kỳ nghiêngnghiêngnghiêng NGHIÊNGNGHIÊNGNGHIÊNG";
        let spans: Vec<(u32, u32)> = super::super::token::tokens(text)
            .map(|(at, t)| (at as u32, (at + t.len()) as u32))
            .collect();
        let ids: Vec<Ids> = {
            let mut r = v.reader();
            spans
                .iter()
                .map(|&(a, b)| r.ids(text, a as usize, b as usize))
                .collect()
        };
        let n = v.reader().variants();
        // ủy/uỷ/ỦY: one variant; ký/kí/kỳ: one key, three variants.
        assert_eq!(ids[0], ids[1]);
        assert_eq!(ids[0], ids[2]);
        assert_eq!(ids[3].key, ids[4].key);
        assert_eq!(ids[3].key, ids[5].key);
        assert_ne!(ids[3].variant, ids[4].variant);
        assert_ne!(ids[4].variant, ids[5].variant);
        // Packing from the text agrees with packing the word alone, near the end too.
        for &(a, b) in &spans {
            let w = &text[a as usize..b as usize];
            assert_eq!(
                packed_at(text.as_bytes(), a as usize, b as usize),
                packed(w)
            );
        }
        // Words too long to pack are found by their text.
        assert_eq!(ids[6], ids[7]);
        assert_eq!(n, 5);
        // Asking again finds the same ids without adding any.
        let mut r = v.reader();
        let again: Vec<Ids> = spans
            .iter()
            .map(|&(a, b)| r.ids(text, a as usize, b as usize))
            .collect();
        assert_eq!((again, r.variants()), (ids, 5));
        drop(r);
        let w = v.into_words();
        assert_eq!(&*w.keys[0], "uy");
        assert_eq!(&*w.variants[0].1, "uỷ");
    }
}
