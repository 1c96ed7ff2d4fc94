//! Whether the speaker declares an act of backing in their own words: "I
//! support and endorse her", "we will not vote for it", "I'm proud to
//! endorse him". Such a declaration is the act itself, not a report of it
//! or an opinion about it, so the confidence counts it
//! (`confidence::Evidence::declared`).

use crate::extract::word_set::WordSet;
use std::sync::LazyLock;

const BUILTIN_WORDS: &str = include_str!("../../../data/stance_declaring.txt");

/// How many words may stand between the subject and the act ("I am going
/// to", "we will not").
const DECLARING_WORDS: usize = 3;

/// Words a clause may open on before its subject ("and I fully support").
const OPENING_CONJUNCTIONS: [&str; 4] = ["and", "but", "so", "now"];

static DECLARING: LazyLock<WordSet> = LazyLock::new(|| WordSet::from_lines(BUILTIN_WORDS));

/// Whether `before` (a content up to an act of backing) ends on a clause
/// whose subject is the speaker ("I", "we"), with only auxiliaries,
/// negations and adverbs (data/stance_declaring.txt) between it and the act.
pub(super) fn declares_own_act(before: &str) -> bool {
    let clause = before
        .rsplit([',', ';', ':', '.', '!', '?', '"', '\u{201C}', '\u{201D}', '(', '\u{2014}'])
        .next()
        .unwrap_or("");
    let mut words = clause.split_whitespace().peekable();
    words.next_if(|w| OPENING_CONJUNCTIONS.iter().any(|c| c.eq_ignore_ascii_case(w)));
    let Some(subject) = words.next() else { return false };
    let subject = subject.replace('\u{2019}', "'");
    // "I'm proud to" is "I" and the words "'m", "proud", "to".
    let (pronoun, contracted) = match subject.split_once('\'') {
        Some((pronoun, rest)) => (pronoun, Some(format!("'{rest}"))),
        None => (subject.as_str(), None),
    };
    if !matches!(pronoun, "I" | "We" | "we") {
        return false;
    }
    let between: Vec<String> = contracted
        .into_iter()
        .chain(words.map(|w| w.replace('\u{2019}', "'")))
        .collect();
    between.len() <= DECLARING_WORDS && between.iter().all(|w| DECLARING.holds(w))
}

#[cfg(test)]
mod tests {
    use super::declares_own_act;

    #[test]
    fn the_speakers_own_subject_with_auxiliaries_declares_the_act() {
        assert!(declares_own_act("I "));
        assert!(declares_own_act("As mayor of this town, I fully "));
        assert!(declares_own_act("“We will not "));
        assert!(declares_own_act("I’m proud to "));
        assert!(declares_own_act("I am going to "));
        assert!(declares_own_act("and I strongly "));
    }

    #[test]
    fn an_opinion_a_noun_or_someone_else_declares_nothing() {
        assert!(!declares_own_act("I think we should "), "an opinion");
        assert!(!declares_own_act("We have strong "), "a noun follows");
        assert!(!declares_own_act("she will "), "someone else");
        assert!(!declares_own_act("I said that they would "), "a report");
        assert!(!declares_own_act(""));
        assert!(!declares_own_act("the city "));
    }
}
