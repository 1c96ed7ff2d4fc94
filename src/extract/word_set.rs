//! `WordSet`: the one word-list type of the extraction stages, for lists
//! read from `data/` and looked up at every token.

use rustc_hash::FxHashSet;

/// A word list keyed in lower case, so lookups are one hash probe (a fast
/// hash: the keys are our own words, not an attacker's). Keyed by bytes so a
/// word lowered on the stack needs no UTF-8 check. Most words looked up are
/// in no list (every word of every capitalised run is looked up), so a
/// bitmap of the (first letter, length) pairs of the list turns most of them
/// away before any hashing.
#[derive(Default)]
pub struct WordSet {
    words: FxHashSet<Box<[u8]>>,
    shapes: Shapes,
}

impl std::fmt::Debug for WordSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordSet").field("words", &self.words.len()).finish()
    }
}

/// The (first byte, length) and (last byte, length) pairs of a set of
/// lower-case words: a word whose pairs are not both among them is not in
/// the set, known without hashing.
pub struct Shapes {
    /// Bit `min(len, 63)` of entry `first byte` is set when a word of the
    /// set starts with that byte and has that length.
    firsts: Box<[u64; 256]>,
    /// The same for the last byte.
    lasts: Box<[u64; 256]>,
}

impl Default for Shapes {
    fn default() -> Self {
        Shapes { firsts: Box::new([0; 256]), lasts: Box::new([0; 256]) }
    }
}

impl Shapes {
    pub fn add(&mut self, word: &[u8]) {
        if let (Some(&first), Some(&last)) = (word.first(), word.last()) {
            self.firsts[usize::from(first)] |= shape_bit(word.len());
            self.lasts[usize::from(last)] |= shape_bit(word.len());
        }
    }

    /// Whether `word`, its ASCII letters lowered, may be in the set.
    #[inline]
    pub fn may_hold(&self, word: &[u8]) -> bool {
        let (Some(&first), Some(&last)) = (word.first(), word.last()) else { return false };
        let bit = shape_bit(word.len());
        self.firsts[usize::from(first.to_ascii_lowercase())] & bit != 0 && self.lasts[usize::from(last.to_ascii_lowercase())] & bit != 0
    }
}

fn shape_bit(len: usize) -> u64 {
    1 << len.min(63)
}

impl WordSet {
    /// A set of words given in lower case.
    pub fn new(words: impl IntoIterator<Item = Box<[u8]>>) -> Self {
        let mut set = WordSet::default();
        for word in words {
            set.shapes.add(&word);
            set.words.insert(word);
        }
        set
    }

    /// The words of a list file: one a line, `#` starting a comment line.
    pub fn from_lines(data: &str) -> Self {
        WordSet::new(data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(|l| l.to_lowercase().into_bytes().into()))
    }

    /// Whether `word` is in the set, ASCII case ignored.
    #[inline]
    pub fn holds(&self, word: &str) -> bool {
        self.holds_bytes(word.as_bytes())
    }

    /// `holds` for a word as bytes. Most words are turned away by their
    /// shape: that test is inlined into the callers, the lookup is not (its
    /// 64-byte buffer made every call, turned away or not, set up a large
    /// stack frame).
    #[inline]
    pub fn holds_bytes(&self, word: &[u8]) -> bool {
        self.shapes.may_hold(word) && self.lookup(word)
    }

    #[inline(never)]
    fn lookup(&self, word: &[u8]) -> bool {
        if !word.iter().any(u8::is_ascii_uppercase) {
            return self.words.contains(word);
        }
        let mut buf = [0u8; 64];
        match buf.get_mut(..word.len()) {
            Some(lower) => {
                lower.copy_from_slice(word);
                lower.make_ascii_lowercase();
                self.words.contains(&*lower)
            }
            None => self.words.contains(&word.to_ascii_lowercase()[..]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_answers_as_a_lookup_of_the_word_in_ascii_lower_case() {
        let list = ["minister", "sen.", "chief", "état", "x", "secretary-general", "it’s"];
        let set = WordSet::new(list.iter().map(|w| w.as_bytes().into()));
        let words = [
            "Minister", "MINISTER", "ministers", "minster", "Sen.", "Sen", "Chief", "Chef", "chiefs", "État", "état", "ÉTAT", "X",
            "Y", "", "Secretary-General", "Secretary-Generals", "ministeR", "Ministry", "it’s", "IT’S", "it's",
        ];
        for word in words {
            let expected = list.contains(&word.to_ascii_lowercase().as_str());
            assert_eq!(set.holds(word), expected, "{word:?}");
        }
    }

    #[test]
    fn a_word_longer_than_the_stack_buffer_is_still_looked_up() {
        let long = "a".repeat(70);
        let set = WordSet::from_lines(&format!("# comment\n{long}\n\n"));
        assert!(set.holds(&long.to_ascii_uppercase()));
        assert!(!set.holds(&"a".repeat(71)));
    }
}
