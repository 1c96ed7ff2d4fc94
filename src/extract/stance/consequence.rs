//! A harm predicted as the consequence of something: "the plan would
//! trigger a crash", "she will bring war to the world". Words for events
//! such as "war" or "crash" take no side when a report names what happened
//! (`data/stance_evaluative_skip.txt`), but a speaker who says that
//! something will bring one about attacks it. The harms are the skipped
//! words the general lexicon rates strongly unfavourable (`evaluative.rs`).

use super::evaluative::EvaluativeWords;
use super::words;
use crate::extract::word_set::WordSet;
use std::sync::LazyLock;

const BUILTIN_VERBS: &str = include_str!("../../../data/stance_consequence_verbs.txt");

/// How many words may stand between the modal and the verb ("would soon
/// bring"), and between the verb and the harm ("trigger a deep and lasting
/// recession").
const MODAL_REACH: usize = 2;
const HARM_REACH: usize = 5;

const MODALS: [&[u8]; 4] = [b"would", b"will", b"could", b"might"];
const NEGATIONS: [&[u8]; 3] = [b"not", b"never", b"no"];

static VERBS: LazyLock<WordSet> = LazyLock::new(|| WordSet::from_lines(BUILTIN_VERBS));

/// Where a harm predicted as a consequence ends in `lower` (a content in
/// ASCII lower case), if one is: a modal, a consequence verb within a couple
/// of words of it with no negation between ("would not bring war" predicts
/// none), and a harm word within a few words after the verb ("lead to" and
/// "result in" with their particle).
pub(super) fn predicted_harm(lower: &[u8], evaluative: &EvaluativeWords) -> Option<usize> {
    // Most contents hold no modal: they are read word by word once, with
    // nothing kept.
    let first_modal = words(lower).position(|(s, e)| is_modal(&lower[s..e]))?;
    let words: Vec<&[u8]> = words(lower).skip(first_modal).map(|(s, e)| &lower[s..e]).collect();
    let end_of = |w: &[u8]| w.as_ptr() as usize - lower.as_ptr() as usize + w.len();
    for (m, &modal) in words.iter().enumerate() {
        if !is_modal(modal) {
            continue;
        }
        let reach = (m + 1..words.len()).take(MODAL_REACH + 1).take_while(|&i| !is_negation(words[i]));
        let Some(v) = reach.into_iter().find(|&i| VERBS.holds_bytes(words[i])) else { continue };
        let mut after = v + 1;
        if words[v].starts_with(b"lead") || words[v].starts_with(b"result") {
            if !words.get(after).is_some_and(|&w| w == b"to" || w == b"in") {
                continue;
            }
            after += 1;
        }
        if let Some(&harm) = words.iter().skip(after).take(HARM_REACH).find(|&&w| evaluative.is_harm(w)) {
            return Some(end_of(harm));
        }
    }
    None
}

/// "would", "will" … and the "’ll" of "we’ll".
fn is_modal(word: &[u8]) -> bool {
    MODALS.contains(&word) || word.ends_with(b"'ll") || word.ends_with("\u{2019}ll".as_bytes())
}

/// "not", "never", "no" and the "n’t" of "won’t".
fn is_negation(word: &[u8]) -> bool {
    NEGATIONS.contains(&word) || word.ends_with(b"n't") || word.ends_with("n\u{2019}t".as_bytes())
}

#[cfg(test)]
mod tests {
    use super::predicted_harm;
    use crate::extract::stance::evaluative::EvaluativeWords;

    fn harm_in(text: &str) -> Option<usize> {
        predicted_harm(text.to_ascii_lowercase().as_bytes(), &EvaluativeWords::builtin())
    }

    #[test]
    fn a_harm_a_modal_verb_brings_about_is_predicted() {
        assert!(harm_in("the toll plan would trigger a deep recession in the harbour towns").is_some());
        assert!(harm_in("she will bring war and hardship to the islands").is_some());
        assert!(harm_in("the ferry cuts could lead to more crime on the coast").is_some());
        assert_eq!(harm_in("it would bring war"), Some(18), "ends after the harm");
        assert!(harm_in("We’ll bring war to them, the envoy warned").is_some(), "a clipped modal");
    }

    #[test]
    fn a_reported_harm_a_negated_one_or_a_distant_one_is_not_predicted() {
        assert!(harm_in("the war in the north caused a recession last year").is_none(), "no modal");
        assert!(harm_in("the treaty would not bring war to the islands").is_none(), "negated");
        assert!(harm_in("the treaty won't bring war to the islands").is_none(), "negated modal");
        assert!(harm_in("the treaty will never bring war").is_none(), "negated after the modal");
        assert!(harm_in("it would lead the council to talk about the old war again").is_none(), "lead without to");
        assert!(harm_in("the vote will bring the mayor and the harbour board together after the crash").is_none(), "too far");
    }
}
