//! Single evaluative words and their valence (`data/stance_evaluative.tsv`,
//! from the VADER lexicon), minus the words that in news report an event
//! rather than judge it (`data/stance_evaluative_skip.txt`): "killed" or
//! "war" in a report is what happened, not the speaker's position.
//!
//! The curated phrases of `stance_content.tsv` come first; this list only
//! speaks for words no phrase covers, so that a linguist's entry always
//! wins over the general lexicon.

use rustc_hash::{FxHashMap, FxHashSet};

const BUILTIN_VALENCES: &str = include_str!("../../../data/stance_evaluative.tsv");
const BUILTIN_SKIP: &str = include_str!("../../../data/stance_evaluative_skip.txt");

/// Words rated weaker than this either way are left out: mild words
/// ("fine", "okay", "problem") are as common in plain reports as in
/// judgements.
const MIN_STRENGTH: f32 = 1.5;

#[derive(Debug, Clone, Default)]
pub(super) struct EvaluativeWords {
    /// Keyed by the word's bytes: the words looked up are slices of an
    /// ASCII-lowered text, which need no UTF-8 check this way.
    valence: FxHashMap<Box<[u8]>, f32>,
}

impl EvaluativeWords {
    pub(super) fn builtin() -> Self {
        let skip: FxHashSet<&str> = data_lines(BUILTIN_SKIP).collect();
        let valence = data_lines(BUILTIN_VALENCES)
            .filter_map(|line| {
                let (word, value) = line.split_once('\t')?;
                let value: f32 = value.trim().parse().ok()?;
                (value.abs() >= MIN_STRENGTH && !skip.contains(word)).then(|| (word.as_bytes().into(), value))
            })
            .collect();
        EvaluativeWords { valence }
    }

    /// The valence of a lower-case word, if it is strong enough to count.
    // Inlined into the scan of every statement's words whatever else
    // changes in the crate: left to itself, the compiler stopped inlining
    // it after an unrelated change elsewhere.
    #[inline]
    pub(super) fn valence(&self, lower_word: &[u8]) -> Option<f32> {
        if lower_word.len() < 3 {
            return None;
        }
        self.valence.get(lower_word).copied()
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
}
