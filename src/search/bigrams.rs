//! The bigrams of the last pages added to the index: one list per first key, of (page,
//! second key) pairs in page order, so adding a page appends to a few short lists and looks
//! nothing up in a map; now and then each list is grouped by second key into the postings.

/// The bigrams that start with one key: for each, the gap from the page of the one before
/// and the second key's id, both as LEB128.
#[derive(Debug, Default)]
pub struct Followers {
    enc: Vec<u8>,
    /// The page of the last pair added.
    page: u32,
    /// The page the first gap counts from.
    base: u32,
}

impl Followers {
    /// Adds the bigram of this list's key and `second` on `page` (no page before the last).
    #[inline(always)]
    pub fn push(&mut self, page: u32, second: u32) {
        leb128(&mut self.enc, page.saturating_sub(self.page));
        leb128(&mut self.enc, second);
        self.page = page;
    }

    /// Whether no pair has been added since the list was last emptied.
    pub fn is_empty(&self) -> bool {
        self.enc.is_empty()
    }

    /// Forgets the pairs, keeping the room they took for the next ones.
    pub fn clear(&mut self) {
        self.enc.clear();
        self.base = self.page;
    }

    /// The (page, second key) pairs, in the order added.
    fn pairs(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        let mut at = 0;
        let mut page = self.base;
        std::iter::from_fn(move || {
            if at >= self.enc.len() {
                return None;
            }
            page = page.wrapping_add(read_leb128(&self.enc, &mut at));
            Some((page, read_leb128(&self.enc, &mut at)))
        })
    }
}

#[inline(always)]
fn leb128(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn read_leb128(b: &[u8], at: &mut usize) -> u32 {
    let mut n = 0u32;
    let mut shift = 0;
    while let Some(&x) = b.get(*at) {
        *at += 1;
        n |= u32::from(x & 0x7f).checked_shl(shift).unwrap_or(0);
        if x < 0x80 {
            break;
        }
        shift += 7;
    }
    n
}

/// Regroups [`Followers`] by second key, reusing its buffers from one list to the next.
#[derive(Debug, Default)]
pub struct Regroup {
    /// Per key id: its slot among the current list's second keys, or `u32::MAX`.
    slot_of: Vec<u32>,
    /// Per slot: the second key's id and how many pages it has.
    seconds: Vec<(u32, u32)>,
    /// The pairs as (slot, page), in the order added.
    pairs: Vec<(u32, u32)>,
    /// The pages, grouped by slot.
    pages: Vec<u32>,
    /// Where each slot's pages start.
    starts: Vec<u32>,
}

impl Regroup {
    /// Calls `each(second, pages)` for every second key of `list`, in the order first met,
    /// with its pages in increasing order: a counting sort, stable, so pages need no sorting.
    pub fn run(&mut self, list: &Followers, mut each: impl FnMut(u32, &[u32])) {
        self.seconds.clear();
        self.pairs.clear();
        for (page, second) in list.pairs() {
            let s = second as usize;
            if s >= self.slot_of.len() {
                self.slot_of.resize(s + 1, u32::MAX);
            }
            let slot = &mut self.slot_of[s];
            if *slot == u32::MAX {
                *slot = self.seconds.len() as u32;
                self.seconds.push((second, 0));
            }
            self.seconds[*slot as usize].1 += 1;
            self.pairs.push((*slot, page));
        }
        self.starts.clear();
        let mut at = 0;
        for &(_, count) in &self.seconds {
            self.starts.push(at);
            at += count;
        }
        self.pages.clear();
        self.pages.resize(self.pairs.len(), 0);
        for &(slot, page) in &self.pairs {
            let start = &mut self.starts[slot as usize];
            self.pages[*start as usize] = page;
            *start += 1;
        }
        let mut from = 0;
        for &(second, count) in &self.seconds {
            self.slot_of[second as usize] = u32::MAX;
            let to = from + count as usize;
            each(second, &self.pages[from..to]);
            from = to;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`Regroup::run`] gives for `list`.
    fn regrouped(r: &mut Regroup, list: &Followers) -> Vec<(u32, Vec<u32>)> {
        let mut out = Vec::new();
        r.run(list, |s, p| out.push((s, p.to_vec())));
        // The buffers are left ready for the next list.
        assert!(r.slot_of.iter().all(|s| *s == u32::MAX));
        out
    }

    fn list(pairs: &[(u32, u32)]) -> Followers {
        let mut list = Followers::default();
        for &(page, second) in pairs {
            list.push(page, second);
        }
        list
    }

    #[test]
    fn pairs_are_grouped_by_second_key_with_pages_in_order() {
        let got = regrouped(
            &mut Regroup::default(),
            &list(&[(0, 2), (0, 0), (1, 2), (3, 1), (3, 2), (7, 0)]),
        );
        assert_eq!(got, [(2, vec![0, 1, 3]), (0, vec![0, 7]), (1, vec![3])]);
    }

    #[test]
    fn large_ids_and_gaps_survive_the_encoding() {
        let pairs = [
            (5, 69_999),
            (200_000, 128),
            (200_000, 69_999),
            (3_000_000, 127),
        ];
        let got = regrouped(&mut Regroup::default(), &list(&pairs));
        assert_eq!(
            got,
            [
                (69_999, vec![5, 200_000]),
                (128, vec![200_000]),
                (127, vec![3_000_000])
            ]
        );
    }

    #[test]
    fn a_cleared_list_goes_on_from_its_last_page() {
        let mut r = Regroup::default();
        let mut l = list(&[(4, 1), (9, 1)]);
        assert_eq!(regrouped(&mut r, &l), [(1, vec![4, 9])]);
        l.clear();
        assert!(l.is_empty());
        assert!(regrouped(&mut r, &l).is_empty());
        l.push(9, 3);
        l.push(12, 1);
        assert_eq!(regrouped(&mut r, &l), [(3, vec![9]), (1, vec![12])]);
    }
}
