//! The listed words of the candidate finder, looked up by a 64-bit key of
//! the lower-case word computed while the word is lowered: one pass over
//! a word's bytes and one probe, with no string hashed or compared again.
//! Topic tagging reads the first thirty words of every statement, and
//! looking them up by string was most of its cost.
//!
//! Two different words sharing a key would share their flags; the lists'
//! own words are checked for that when the table is built, and any other
//! word has one chance in 2^64 per listed word of meeting one.

use rustc_hash::FxHashMap;

/// The key of a lower-case word: FNV-1a over its bytes, fed one byte at a
/// time by `KeyBuilder` as the word is lowered.
#[derive(Debug, Clone, Copy)]
pub(super) struct KeyBuilder(u64);

impl KeyBuilder {
    pub(super) fn new() -> Self {
        KeyBuilder(0xcbf2_9ce4_8422_2325)
    }

    pub(super) fn push(&mut self, byte: u8) {
        self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }

    pub(super) fn key(self) -> u64 {
        self.0
    }
}

/// The key of a word already lowered.
pub(super) fn key_of(lower: &str) -> u64 {
    let mut key = KeyBuilder::new();
    lower.bytes().for_each(|b| key.push(b));
    key.key()
}

/// Words and what the lists say of them, by key.
#[derive(Debug, Clone, Default)]
pub(super) struct WordTable<T> {
    by_key: FxHashMap<u64, T>,
    /// Each key's word, to refuse a list whose words collide.
    words: FxHashMap<u64, String>,
}

impl<T: Default + Copy> WordTable<T> {
    /// The entry of a lower-case word, made empty at first.
    pub(super) fn entry(&mut self, lower: &str) -> &mut T {
        let key = key_of(lower);
        let known = self.words.entry(key).or_insert_with(|| lower.to_string());
        assert_eq!(known, lower, "two listed words share a lookup key");
        self.by_key.entry(key).or_default()
    }

    /// What the lists say of the word with this key (nothing: the default).
    pub(super) fn get_key(&self, key: u64) -> T {
        self.by_key.get(&key).copied().unwrap_or_default()
    }

    /// What the lists say of a lower-case word.
    pub(super) fn get(&self, lower: &str) -> T {
        self.get_key(key_of(lower))
    }

    /// Whether a lower-case word is listed at all.
    #[cfg(test)]
    pub(super) fn contains(&self, lower: &str) -> bool {
        self.by_key.contains_key(&key_of(lower))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_found_by_its_key_as_by_its_string() {
        let mut table: WordTable<u8> = WordTable::default();
        let mut plain: FxHashMap<String, u8> = FxHashMap::default();
        for (i, word) in ["the", "tax", "plan", "naïve", "talks", "i’m", "x"].iter().enumerate() {
            *table.entry(word) = i as u8 + 1;
            plain.insert(word.to_string(), i as u8 + 1);
        }
        for word in ["the", "tax", "plan", "naïve", "talks", "i’m", "x", "taxes", "th", "", "planned", "naive"] {
            assert_eq!(table.get(word), plain.get(word).copied().unwrap_or_default(), "{word:?}");
            assert_eq!(table.contains(word), plain.contains_key(word), "{word:?}");
        }
    }

    #[test]
    fn a_key_built_byte_by_byte_is_the_words_key() {
        let mut key = KeyBuilder::new();
        b"border".iter().for_each(|&b| key.push(b));
        assert_eq!(key.key(), key_of("border"));
        assert_ne!(key_of("border"), key_of("borders"));
    }
}
