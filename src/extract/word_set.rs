//! `WordSet`: the one word-list type of the extraction stages, for lists
//! read from `data/` and looked up at every token.

use super::tokens::ascii_lowered;
use rustc_hash::FxHashSet;

/// A word list keyed in lower case, so lookups are one probe. Most words
/// looked up are in no list (every word of every capitalised run is looked
/// up), so a bitmap of the (first letter, length) pairs of the list turns
/// most of them away before any hashing.
///
/// Words of up to 16 bytes (all but a handful) sit in a table of their
/// own, each packed into two integers: a word looked up is lowered and
/// packed on the stack, hashed with one multiplication and compared in two
/// integer comparisons, where a general hash set hashed its bytes, called
/// `memcmp` and needed the lowered word copied out first.
#[derive(Default)]
pub struct WordSet {
    short: ShortWords,
    long: FxHashSet<Box<[u8]>>,
    shapes: Shapes,
}

impl std::fmt::Debug for WordSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordSet").field("words", &(self.short.len + self.long.len())).finish()
    }
}

/// The longest word kept packed.
const PACKED_LEN: usize = 16;

/// A word of up to `PACKED_LEN` bytes as two little-endian integers,
/// zero-padded, with its length.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Packed {
    low: u64,
    high: u64,
    len: u64,
}

impl Packed {
    /// `word` (at most `PACKED_LEN` bytes) as it is.
    #[inline]
    fn of(word: &[u8]) -> Packed {
        let (low, high) = word.split_at(word.len().min(8));
        Packed { low: packed_eight(low), high: packed_eight(high), len: word.len() as u64 }
    }

    /// `word` (at most `PACKED_LEN` bytes) with its ASCII letters lowered.
    #[inline]
    fn lowered(word: &[u8]) -> Packed {
        let packed = Packed::of(word);
        Packed { low: ascii_lowered(packed.low), high: ascii_lowered(packed.high), ..packed }
    }

    #[inline]
    fn hash(&self) -> u64 {
        (self.low ^ self.high.rotate_left(23) ^ self.len).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
}

/// Up to eight bytes as a little-endian integer, zero-padded: read as one,
/// two overlapping or three single loads (the overlap is the same bytes
/// twice), where copying them into a buffer called `memcpy`.
#[inline]
fn packed_eight(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    let at = |i: usize| u64::from(bytes[i]) << (8 * i);
    let four = |from: usize| u64::from(u32::from_le_bytes(bytes[from..from + 4].try_into().expect("four bytes"))) << (8 * from);
    match len {
        0 => 0,
        1..=3 => at(0) | at(len / 2) | at(len - 1),
        4..=7 => four(0) | four(len - 4),
        _ => u64::from_le_bytes(bytes[..8].try_into().expect("eight bytes")),
    }
}

/// An open-addressing table of packed words (a slot of length 0 is empty),
/// at most half full.
#[derive(Default)]
struct ShortWords {
    slots: Box<[Packed]>,
    len: usize,
}

impl ShortWords {
    fn new(words: &[Packed]) -> Self {
        let size = (words.len() * 2).next_power_of_two().max(8);
        let mut table = ShortWords { slots: vec![Packed::default(); size].into_boxed_slice(), len: 0 };
        for word in words {
            let mut at = table.first_slot(word);
            loop {
                let slot = &mut table.slots[at];
                if *slot == *word {
                    break;
                }
                if slot.len == 0 {
                    *slot = *word;
                    table.len += 1;
                    break;
                }
                at = (at + 1) & (size - 1);
            }
        }
        table
    }

    #[inline]
    fn first_slot(&self, word: &Packed) -> usize {
        (word.hash() >> (64 - self.slots.len().trailing_zeros())) as usize
    }

    #[inline]
    fn contains(&self, word: &Packed) -> bool {
        let mask = self.slots.len().wrapping_sub(1);
        if self.len == 0 {
            return false;
        }
        let mut at = self.first_slot(word);
        loop {
            let slot = &self.slots[at & mask];
            if slot.len == 0 {
                return false;
            }
            if slot == word {
                return true;
            }
            at = (at + 1) & mask;
        }
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
        let mut short = Vec::new();
        for word in words {
            set.shapes.add(&word);
            // Packed as given: the lists' words are lower case already
            // (lowered as Unicode lowers them), as the old hash set held them.
            if word.len() <= PACKED_LEN {
                short.push(Packed::of(&word));
            } else {
                set.long.insert(word);
            }
        }
        set.short = ShortWords::new(&short);
        set
    }

    /// The words of a list file: one a line, `#` starting a comment line.
    pub fn from_lines(data: &str) -> Self {
        WordSet::new(crate::model::data_lines(data).map(|l| l.to_lowercase().into_bytes().into()))
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
        if word.len() <= PACKED_LEN {
            return self.short.contains(&Packed::lowered(word));
        }
        if !word.iter().any(u8::is_ascii_uppercase) {
            return self.long.contains(word);
        }
        let mut buf = [0u8; 64];
        match buf.get_mut(..word.len()) {
            Some(lower) => {
                lower.copy_from_slice(word);
                lower.make_ascii_lowercase();
                self.long.contains(&*lower)
            }
            None => self.long.contains(&word.to_ascii_lowercase()[..]),
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
    fn packing_keeps_every_byte_in_its_place() {
        let bytes: Vec<u8> = (1..=16).collect();
        for len in 0..=16 {
            let mut padded = [0u8; 16];
            padded[..len].copy_from_slice(&bytes[..len]);
            let packed = Packed::of(&bytes[..len]);
            assert_eq!(packed.low, u64::from_le_bytes(padded[..8].try_into().unwrap()), "{len}");
            assert_eq!(packed.high, u64::from_le_bytes(padded[8..].try_into().unwrap()), "{len}");
        }
    }

    #[test]
    fn packed_and_long_words_answer_as_a_plain_set_does() {
        // Lengths around the packed limit and the eight-byte halves, capitals
        // at every position, bytes that lowering must leave alone.
        let mut list: Vec<String> = Vec::new();
        for len in 0..=20 {
            list.push("abcdefghijklmnopqrstu"[..len].to_string());
            list.push("z@[`{0-9.'é".chars().cycle().take(len).collect());
        }
        list.extend(["secretary-general", "état", "ü", "\u{0}x", "x\u{0}"].map(String::from));
        let plain: FxHashSet<Vec<u8>> = list.iter().map(|w| w.as_bytes().to_vec()).collect();
        let set = WordSet::new(list.iter().map(|w| w.as_bytes().into()));
        let mut probes: Vec<String> = list.clone();
        for word in &list {
            for at in 0..word.len() {
                if word.is_char_boundary(at) && word.is_char_boundary(at + 1) {
                    let mut upper = word.clone();
                    upper.replace_range(at..at + 1, &word[at..at + 1].to_ascii_uppercase());
                    probes.push(upper);
                }
            }
            probes.push(format!("{word}a"));
            probes.push(format!("{word}\u{0}"));
            probes.push(word.to_uppercase());
        }
        for word in probes {
            // The empty word is in no set.
            let expected = !word.is_empty() && plain.contains(word.to_ascii_lowercase().as_bytes());
            assert_eq!(set.holds(&word), expected, "{word:?}");
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
