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
    let Some(to) = words.iter().take(MAX_PERSON_WORDS + 1).position(|w| w.eq_ignore_ascii_case("to")) else {
        return false;
    };
    let person = &words[..to];
    if to == 0
        || person.iter().any(|w| w.ends_with([',', ';', ':', '.']) || CLAUSE_WORDS.iter().any(|c| c.eq_ignore_ascii_case(w)))
    {
        return false;
    }
    let after = &words[to + 1..];
    DEPARTURES.iter().any(|phrase| {
        let n = phrase.len();
        after.len() >= n
            && phrase.iter().zip(after).all(|(p, w)| plain(w).eq_ignore_ascii_case(p))
            && !after.get(n).is_some_and(|next| plain(next).ends_with("ing"))
    })
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
}
