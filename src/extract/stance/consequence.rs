//! A harm predicted as the consequence of something: "the plan would
//! trigger a crash", "she will bring war to the world". Words for events
//! such as "war" or "crash" take no side when a report names what happened
//! (`data/stance_evaluative_skip.txt`), but a speaker who says that
//! something will bring one about attacks it.

use crate::extract::word_set::WordSet;
use crate::model::data_lines;
use std::sync::LazyLock;

const BUILTIN_VERBS: &str = include_str!("../../../data/stance_consequence_verbs.txt");
const BUILTIN_SKIP: &str = include_str!("../../../data/stance_evaluative_skip.txt");
const BUILTIN_VALENCES: &str = include_str!("../../../data/stance_evaluative.tsv");

/// How many words may stand between the modal and the verb ("would soon
/// bring"), and between the verb and the harm ("trigger a deep and lasting
/// recession").
const MODAL_REACH: usize = 2;
const HARM_REACH: usize = 5;

/// A skipped event word counts as a harm when the general lexicon rates it
/// at least this unfavourably, as it does any word it counts.
const HARM_STRENGTH: f32 = -1.5;

const MODALS: [&str; 5] = ["would", "will", "could", "might", "ll"];
const NEGATIONS: [&str; 4] = ["not", "never", "t", "no"];

static VERBS: LazyLock<WordSet> = LazyLock::new(|| WordSet::from_lines(BUILTIN_VERBS));
/// The event words of the skip list that the general lexicon rates as
/// harms ("war", "crisis", "crash").
static HARMS: LazyLock<WordSet> = LazyLock::new(|| {
    let skipped: Vec<&str> = data_lines(BUILTIN_SKIP).collect();
    let harms: Vec<&str> = data_lines(BUILTIN_VALENCES)
        .filter_map(|line| line.split_once('\t'))
        .filter(|(word, value)| value.trim().parse::<f32>().is_ok_and(|v| v <= HARM_STRENGTH) && skipped.contains(word))
        .map(|(word, _)| word)
        .collect();
    WordSet::from_lines(&harms.join("\n"))
});

/// Where a harm predicted as a consequence ends in `text` (a content), if
/// one is: a modal, a consequence verb within a couple of words of it with
/// no negation between ("would not bring war" predicts none), and a harm
/// word within a few words after the verb ("lead to" and "result in" with
/// their particle).
pub(super) fn predicted_harm(text: &str) -> Option<usize> {
    // A word of `text` lies inside it: its offset is the distance between the two.
    let words: Vec<(usize, &str)> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let is = |w: &str, list: &[&str]| list.iter().any(|l| l.eq_ignore_ascii_case(w));
    for (m, &(_, modal)) in words.iter().enumerate() {
        if !is(modal, &MODALS) {
            continue;
        }
        let reach = (m + 1..words.len()).take(MODAL_REACH + 1).take_while(|&i| !is(words[i].1, &NEGATIONS));
        let Some(v) = reach.into_iter().find(|&i| VERBS.holds(words[i].1)) else { continue };
        let verb = words[v].1.to_ascii_lowercase();
        let mut after = v + 1;
        if verb.starts_with("lead") || verb.starts_with("result") {
            if !words.get(after).is_some_and(|&(_, w)| is(w, &["to", "in"])) {
                continue;
            }
            after += 1;
        }
        let harm = words.iter().skip(after).take(HARM_REACH).find(|&&(_, w)| HARMS.holds(w));
        if let Some(&(start, word)) = harm {
            return Some(start + word.len());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::predicted_harm;

    #[test]
    fn a_harm_a_modal_verb_brings_about_is_predicted() {
        assert!(predicted_harm("the toll plan would trigger a deep recession in the harbour towns").is_some());
        assert!(predicted_harm("she will bring war and hardship to the islands").is_some());
        assert!(predicted_harm("the ferry cuts could lead to more crime on the coast").is_some());
        assert_eq!(predicted_harm("it would bring war"), Some(18), "ends after the harm");
    }

    #[test]
    fn a_reported_harm_a_negated_one_or_a_distant_one_is_not_predicted() {
        assert!(predicted_harm("the war in the north caused a recession last year").is_none(), "no modal");
        assert!(predicted_harm("the treaty would not bring war to the islands").is_none(), "negated");
        assert!(predicted_harm("it would lead the council to talk about the old war again").is_none(), "lead without to");
        assert!(predicted_harm("the vote will bring the mayor and the harbour board together after the crash").is_none(), "too far");
    }
}
