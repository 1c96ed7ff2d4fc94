//! A call for someone to leave: "called for the senator to resign",
//! "urged him to drop out of the race". The calling verb may be one of
//! support ("called for", "urged") or no polarity ("called on"); either
//! way the speaker is against the person called on to go, which is what
//! such statements are about.

use crate::extract::word_set::WordSet;
use crate::model::data_lines;
use std::sync::LazyLock;

const BUILTIN_DEPARTURES: &str = include_str!("../../../data/stance_departures.txt");
const BUILTIN_CALLING_VERBS: &str = include_str!("../../../data/stance_calling_verbs.txt");

/// How many words may name the person before "to": "Harbour Master Ann
/// Price of Eastport to resign" is seven.
const MAX_PERSON_WORDS: usize = 8;

/// Words that make the content a clause of its own, whose "to" is no call
/// on the person ("asked whether she planned to resign", "said he had to
/// quit").
const CLAUSE_WORDS: [&str; 12] =
    ["whether", "if", "why", "how", "when", "what", "that", "plans", "planned", "had", "has", "was"];

static CALLING_VERBS: LazyLock<WordSet> = LazyLock::new(|| WordSet::from_lines(BUILTIN_CALLING_VERBS));
/// The departure phrases, each as its lower-case words.
static DEPARTURES: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    data_lines(BUILTIN_DEPARTURES).map(|line| line.split_whitespace().map(str::to_ascii_lowercase).collect()).collect()
});

/// Whether `cue` (opening on a calling verb, or `support_cue`: one of
/// support such as "called for") and `content` call on someone to leave:
/// the content opens on a few words naming them, then "to" and a
/// departure, with no clause break between.
pub(super) fn calls_to_leave(support_cue: bool, cue: &str, content: &str) -> bool {
    let calling = support_cue || cue.split_whitespace().next().is_some_and(|w| CALLING_VERBS.holds(w));
    if !calling {
        return false;
    }
    let words: Vec<&str> = content.split_whitespace().take(MAX_PERSON_WORDS + 4).collect();
    let Some(to) = person_then_to(&words) else {
        return false;
    };
    let after = &words[to + 1..];
    DEPARTURES.iter().any(|phrase| {
        let n = phrase.len();
        after.len() >= n
            && phrase.iter().zip(after).all(|(p, w)| plain(w).eq_ignore_ascii_case(p))
            && !after.get(n).is_some_and(|next| plain(next).ends_with("ing"))
    })
}

/// Whether a cue of no polarity opening on a calling verb other than
/// "ask" ("called", "pressed", "pushing") calls on someone to act:
/// "calling the state to widen the road" says as much as "called for the
/// state to widen it". Asking keeps its own reading (a request may be
/// for or against what it names), and so does naming someone something
/// ("called him a liar to his face": "a" or "an" among the person's
/// words). Gives where the person's words end, at "to", for the caller to
/// check that they judge nothing ("called the toll unfair to drivers").
pub(super) fn calls_on_someone_to_act(cue: &str, content: &str) -> Option<usize> {
    let verb = cue.split_whitespace().next()?;
    if !CALLING_VERBS.holds(verb) || verb.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("ask")) {
        return None;
    }
    let words: Vec<&str> = content.split_whitespace().take(MAX_PERSON_WORDS + 2).collect();
    let to = person_then_to(&words)?;
    let names_something = words[..to].iter().any(|w| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"));
    let acts = words.get(to + 1).is_some_and(|w| w.starts_with(char::is_alphabetic));
    // A word of `content` lies inside it: its offset is the distance between the two.
    (!names_something && acts).then(|| words[to].as_ptr() as usize - content.as_ptr() as usize)
}

/// Where "to" stands after a few words naming someone, with no clause
/// break and no clause of its own before it ("the harbour master to").
fn person_then_to(words: &[&str]) -> Option<usize> {
    let to = words.iter().take(MAX_PERSON_WORDS + 1).position(|w| w.eq_ignore_ascii_case("to"))?;
    let person = &words[..to];
    let clause = person.iter().any(|w| w.ends_with([',', ';', ':', '.']) || CLAUSE_WORDS.iter().any(|c| c.eq_ignore_ascii_case(w)));
    (to > 0 && !clause && !takes_the_to(person[to - 1])).then_some(to)
}

/// Whether a word just before "to" takes it itself, as a participle does
/// ("the cloning intended to treat disease", "a fund designed to help"):
/// the "to" is then no call on the words before. A name ("Ted") is no
/// participle.
fn takes_the_to(word: &str) -> bool {
    word.len() > 4 && word.starts_with(|c: char| c.is_ascii_lowercase()) && word.ends_with("ed")
}

/// A word without the punctuation that may close it ("resign," "out.").
fn plain(word: &str) -> &str {
    word.trim_end_matches(|c: char| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_for_someone_to_go_is_found_after_any_calling_verb() {
        assert!(calls_to_leave(true, "called for", "the harbour master to resign"));
        assert!(calls_to_leave(false, "called on", "Mayor Ann Price of Eastport to step down"));
        assert!(calls_to_leave(false, "urged", "him to drop out of the race."));
    }

    #[test]
    fn no_departure_a_plain_cue_or_a_stop_to_doing_is_no_call_to_go() {
        assert!(!calls_to_leave(false, "said", "the harbour master had to resign"), "no calling verb");
        assert!(!calls_to_leave(true, "called for", "a new vote on the harbour"), "no departure");
        assert!(!calls_to_leave(false, "urged", "them to quit blaming the council"), "stop doing");
        assert!(!calls_to_leave(false, "asked", "about the vote, and then to resign"), "a clause break between");
        assert!(!calls_to_leave(false, "asked", "whether she planned to resign"), "a clause of its own");
    }

    #[test]
    fn a_calling_verb_with_someone_to_act_is_a_call_on_them() {
        assert_eq!(calls_on_someone_to_act("calling", "the state to widen the coast road"), Some(10));
        assert!(calls_on_someone_to_act("pressed", "the harbour board to publish its accounts").is_some());
    }

    #[test]
    fn asking_naming_or_no_one_named_is_no_call_on_someone() {
        assert_eq!(calls_on_someone_to_act("asked", "the board to publish its accounts"), None, "asking");
        assert_eq!(calls_on_someone_to_act("called", "him a liar to his face"), None, "naming");
        assert_eq!(calls_on_someone_to_act("called", "to say the pier was closed"), None, "no one named");
        assert_eq!(calls_on_someone_to_act("said", "the board to publish its accounts"), None, "no calling verb");
        assert_eq!(calls_on_someone_to_act("called", "the new ferry designed to carry more cars"), None, "a participle's to");
        assert!(calls_on_someone_to_act("pressed", "Ted to publish the accounts").is_some(), "a name");
    }
}
