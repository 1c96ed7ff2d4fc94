//! Single evaluative words and their valence (`data/stance_evaluative.tsv`,
//! from the VADER lexicon), minus the words that in news report an event
//! rather than judge it (`data/stance_evaluative_skip.txt`): "killed" or
//! "war" in a report is what happened, not the speaker's position.
//!
//! A word that names a feeling (`data/stance_feeling_words.txt`: "angry",
//! "proud") is marked as one: it says how someone feels, which is the
//! speaker's evaluation only when the speaker is the one who feels it.
//!
//! The curated phrases of `stance_content.tsv` come first; this list only
//! speaks for words no phrase covers, so that a linguist's entry always
//! wins over the general lexicon.

use rustc_hash::{FxHashMap, FxHashSet};

const BUILTIN_VALENCES: &str = include_str!("../../../data/stance_evaluative.tsv");
const BUILTIN_SKIP: &str = include_str!("../../../data/stance_evaluative_skip.txt");
const BUILTIN_FEELINGS: &str = include_str!("../../../data/stance_feeling_words.txt");

/// Words rated weaker than this either way are left out: mild words
/// ("fine", "okay", "problem") are as common in plain reports as in
/// judgements.
const MIN_STRENGTH: f32 = 1.5;

#[derive(Debug, Clone, Default)]
pub(super) struct EvaluativeWords {
    /// Keyed by the word's bytes: the words looked up are slices of an
    /// ASCII-lowered text, which need no UTF-8 check this way.
    valence: FxHashMap<Box<[u8]>, Word>,
    /// The skipped event words the lexicon rates as strongly unfavourable
    /// ("war", "crash"): harms, when a speaker predicts them
    /// (`consequence.rs`).
    harms: FxHashSet<Box<[u8]>>,
}

/// An evaluative word's valence, and whether it names a feeling.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Word {
    pub valence: f32,
    pub feeling: bool,
}

impl EvaluativeWords {
    pub(super) fn builtin() -> Self {
        let skip: FxHashSet<&str> = data_lines(BUILTIN_SKIP).collect();
        let feelings: FxHashSet<&str> = data_lines(BUILTIN_FEELINGS).collect();
        let mut valence = FxHashMap::default();
        let mut harms = FxHashSet::default();
        for line in data_lines(BUILTIN_VALENCES) {
            let Some((word, value)) = line.split_once('\t') else { continue };
            let Ok(value) = value.trim().parse::<f32>() else { continue };
            if value.abs() < MIN_STRENGTH {
                continue;
            }
            if !skip.contains(word) {
                valence.insert(word.as_bytes().into(), Word { valence: value, feeling: feelings.contains(word) });
            } else if value < 0.0 {
                harms.insert(word.as_bytes().into());
            }
        }
        EvaluativeWords { valence, harms }
    }

    /// Whether a lower-case word is an event word rated as a harm.
    pub(super) fn is_harm(&self, lower_word: &[u8]) -> bool {
        self.harms.contains(lower_word)
    }

    /// The valence of a lower-case word, if it is strong enough to count.
    // Inlined into the scan of every statement's words whatever else
    // changes in the crate: left to itself, the compiler stopped inlining
    // it after an unrelated change elsewhere.
    #[inline]
    pub(super) fn word(&self, lower_word: &[u8]) -> Option<Word> {
        if lower_word.len() < 3 {
            return None;
        }
        self.valence.get(lower_word).copied()
    }

    /// The valence of a lower-case word, if it is strong enough to count.
    #[cfg(test)]
    fn valence(&self, lower_word: &[u8]) -> Option<f32> {
        self.word(lower_word).map(|w| w.valence)
    }
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim_end).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strong_words_have_their_sign_and_mild_or_skipped_words_none() {
        let words = EvaluativeWords::builtin();
        assert!(words.valence(b"racist").is_some_and(|v| v < 0.0));
        assert!(words.valence(b"terrific").is_some_and(|v| v > 0.0));
        assert_eq!(words.valence(b"okay"), None, "too mild");
        assert_eq!(words.valence(b"killed"), None, "an event, not a judgement");
        assert_eq!(words.valence(b"parliament"), None, "not evaluative");
    }

    #[test]
    fn a_feeling_is_marked_and_a_judgement_of_its_cause_is_not() {
        let words = EvaluativeWords::builtin();
        assert!(words.word(b"frustrated").is_some_and(|w| w.feeling && w.valence < 0.0));
        assert!(words.word(b"proud").is_some_and(|w| w.feeling && w.valence > 0.0));
        assert!(words.word(b"frustrating").is_some_and(|w| !w.feeling));
        assert!(words.word(b"racist").is_some_and(|w| !w.feeling));
    }
}
