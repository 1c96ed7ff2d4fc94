//! A set of statement ids as one bit per id up to the largest: what the
//! term lists decode a search's matches into (`term_lists.rs`) and what a
//! walk tests its entries against (`walk.rs`).
//!
//! Why bits: a common word holds a quarter of a million statements of a
//! million. Decoded into a vector of ids (2 MB), sorted, then turned into
//! a set for the walk's test, it cost about as much as the walk itself;
//! its bits are 125 KB, set as the list is decoded, and a test is one read.

/// Statement ids, a bit each.
#[derive(Debug, Default, Clone)]
pub(super) struct IdBits {
    words: Vec<u64>,
}

impl IdBits {
    /// An empty set with room for ids up to `largest` (it grows past it).
    pub(super) fn with_largest(largest: i64) -> Self {
        let words = usize::try_from(largest).map_or(0, |largest| largest / 64 + 1);
        IdBits { words: vec![0; words] }
    }

    #[cfg(test)]
    pub(super) fn new(ids: &[i64]) -> Self {
        let mut bits = IdBits::default();
        for &id in ids {
            bits.insert(id);
        }
        bits
    }

    /// Add `id`; a negative id is never a statement's and is left out.
    #[inline]
    pub(super) fn insert(&mut self, id: i64) {
        let Ok(id) = usize::try_from(id) else { return };
        match self.words.get_mut(id / 64) {
            Some(word) => *word |= 1 << (id % 64),
            None => self.grow_to(id),
        }
    }

    /// Add `id`, past the ids there is room for.
    #[cold]
    fn grow_to(&mut self, id: usize) {
        self.words.resize(id / 64 + 1, 0);
        self.words[id / 64] |= 1 << (id % 64);
    }

    pub(super) fn remove(&mut self, id: i64) {
        if let Some(word) = usize::try_from(id).ok().and_then(|id| self.words.get_mut(id / 64)) {
            *word &= !(1 << (id % 64));
        }
    }

    #[inline]
    pub(super) fn contains(&self, id: i64) -> bool {
        usize::try_from(id).ok().and_then(|id| self.words.get(id / 64).map(|word| word & (1 << (id % 64)) != 0)).unwrap_or(false)
    }

    /// Keep only the ids `other` holds too.
    pub(super) fn intersect(&mut self, other: &IdBits) {
        self.words.truncate(other.words.len());
        for (word, other) in self.words.iter_mut().zip(&other.words) {
            *word &= other;
        }
    }

    /// How many ids the set holds.
    pub(super) fn len(&self) -> usize {
        self.words.iter().map(|word| word.count_ones() as usize).sum()
    }

    /// The ids, in order.
    pub(super) fn ids(&self) -> Vec<i64> {
        let mut ids = Vec::with_capacity(self.len());
        for (at, &word) in self.words.iter().enumerate() {
            let mut rest = word;
            while rest != 0 {
                ids.push((at * 64) as i64 + i64::from(rest.trailing_zeros()));
                rest &= rest - 1;
            }
        }
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::IdBits;

    #[test]
    fn holds_exactly_the_ids_it_was_given() {
        let bits = IdBits::new(&[0, 63, 64, 1000, -5]);
        for id in [0, 63, 64, 1000] {
            assert!(bits.contains(id), "{id}");
        }
        for id in [-5, -1, 1, 62, 65, 999, 1001, 1 << 40] {
            assert!(!bits.contains(id), "{id}");
        }
        assert_eq!(bits.ids(), [0, 63, 64, 1000]);
        assert_eq!(bits.len(), 4);
        assert!(!IdBits::new(&[]).contains(0));
        assert_eq!(IdBits::with_largest(500).len(), 0);
    }

    #[test]
    fn an_intersection_keeps_the_ids_in_both_and_a_removed_id_goes() {
        let mut bits = IdBits::new(&[1, 3, 5, 9, 700]);
        bits.intersect(&IdBits::new(&[2, 3, 9, 10]));
        assert_eq!(bits.ids(), [3, 9]);
        bits.remove(3);
        bits.remove(5000);
        assert_eq!(bits.ids(), [9]);
        let mut none = IdBits::new(&[4]);
        none.intersect(&IdBits::default());
        assert_eq!(none.len(), 0);
    }
}
