//! Supporting an end to something is opposing it: "called for the repeal
//! of the ferry tax" takes the side of the repeal, and so is against the
//! tax, which is the statement's topic. Stance is judged from cue and
//! content alone; this turns it round once the topic is known.

use crate::model::Stance;
use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

const BUILTIN_REMOVALS: &str = include_str!("../../../data/stance_removal.txt");

/// How far after a removal word the topic may stand: "the complete and
/// immediate repeal of the ferry tax" is five words.
const MAX_WORDS_BETWEEN: usize = 6;

/// The removal words as one automaton: every supported statement with a
/// topic is searched for all of them, and one pass over it costs less than
/// a search (let alone a searcher made) for each word.
static REMOVALS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let words = crate::model::data_lines(BUILTIN_REMOVALS);
    AhoCorasick::new(words).expect("the removal words make an automaton")
});

/// The stance toward `topic` of a statement judged `stance` saying
/// `content`: support becomes oppose when the topic follows a removal word
/// in the same clause, unless the topic itself names the removal ("tax
/// repeal") or a negation comes just before it ("would not repeal").
pub fn toward_topic(stance: Stance, content: &str, topic: Option<&str>) -> Stance {
    let Some(topic) = topic else { return stance };
    if stance != Stance::Support {
        return stance;
    }
    let content = content.to_ascii_lowercase();
    // Most contents hold no removal word: nothing to look for then.
    if removal_words(&content).next().is_none() {
        return stance;
    }
    let topic = topic.to_ascii_lowercase();
    if removal_words(&topic).next().is_some() {
        return stance;
    }
    // The topic as written, or its head: "tax" for "ferry tax" written as
    // "the tax on ferries".
    let head = topic.rsplit(' ').next().unwrap_or(&topic);
    let topic_at = find_word(&content, &topic).or_else(|| find_word(&content, head));
    let Some(topic_at) = topic_at else { return stance };
    let removed =
        removal_words(&content).any(|(at, end)| end <= topic_at && takes_away(&content[..at], &content[end..topic_at]));
    if removed {
        Stance::Oppose
    } else {
        stance
    }
}

/// Whether a removal word with `before` in front of it and `between` up to
/// the topic takes the topic away: no negation just before it, and the
/// topic near, in the same clause.
fn takes_away(before: &str, between: &str) -> bool {
    let negated = before
        .split_whitespace()
        .rev()
        .take(3)
        .any(|w| matches!(w, "not" | "never" | "no") || w.ends_with("n't") || w.ends_with("n’t"));
    let same_clause = !between.contains([',', ';', ':', '.', '?', '!']) && !contains_word(between, "but");
    !negated && same_clause && between.split_whitespace().count() <= MAX_WORDS_BETWEEN
}

/// Where `word` starts in `text` as a whole word (or phrase).
fn word_starts<'a>(text: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    let starts = memchr::memmem::find_iter(text.as_bytes(), word.as_bytes());
    starts.filter(move |&at| is_whole_word(text, at, word.len()))
}

/// Where the removal words stand in `text` as whole words (start, end),
/// every occurrence of each.
fn removal_words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let found = REMOVALS.find_overlapping_iter(text).map(|m| (m.start(), m.end()));
    found.filter(|&(at, end)| is_whole_word(text, at, end - at))
}

fn is_whole_word(text: &str, at: usize, len: usize) -> bool {
    let before_ok = !text[..at].chars().next_back().is_some_and(char::is_alphanumeric);
    let after_ok = !text[at + len..].chars().next().is_some_and(char::is_alphanumeric);
    before_ok && after_ok
}

fn find_word(text: &str, word: &str) -> Option<usize> {
    word_starts(text, word).next()
}

fn contains_word(text: &str, word: &str) -> bool {
    find_word(text, word).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oppose(content: &str, topic: &str) -> bool {
        toward_topic(Stance::Support, content, Some(topic)) == Stance::Oppose
    }

    #[test]
    fn supporting_the_removal_of_the_topic_opposes_it() {
        assert!(oppose("the complete repeal of the ferry tax", "ferry tax"));
        assert!(oppose("an end to the night curfew", "night curfew"));
        assert!(oppose("the council must scrap the tax on ferries", "ferry tax"));
        assert!(oppose("we will withdraw from the harbour treaty", "harbour treaty"));
    }

    #[test]
    fn the_removal_must_take_the_topic_itself() {
        // The topic names the removal, stands before it, in another clause,
        // or the removal is negated.
        assert!(!oppose("the ferry tax repeal is overdue", "ferry tax repeal"));
        assert!(!oppose("the ferry tax works, so we should end the debate", "ferry tax"));
        assert!(!oppose("the ferry tax would stay, and we will repeal the toll", "ferry tax"));
        assert!(!oppose("we will repeal the toll, but the ferry tax stays", "ferry tax"));
        assert!(!oppose("the council would not repeal the ferry tax", "ferry tax"));
        assert!(!oppose("ending the long and bitter and needless and costly public fight over the ferry tax", "ferry tax"));
    }

    #[test]
    fn the_removal_automaton_finds_what_a_search_for_each_word_finds() {
        let words: Vec<&str> =
            crate::model::data_lines(BUILTIN_REMOVALS).collect();
        let fillers = ["", " ", "x", "the ", ", ", "un", "s", " of ", "-"];
        for (i, word) in words.iter().enumerate() {
            for (j, filler) in fillers.iter().enumerate() {
                let other = words[(i * 7 + j) % words.len()];
                let text = format!("{filler}{word}{filler}{other} {word}{filler}{word}{}", fillers[(i + j) % fillers.len()]);
                let mut plain: Vec<(usize, usize)> = words
                    .iter()
                    .flat_map(|w| word_starts(&text, w).map(move |at| (at, at + w.len())))
                    .collect();
                let mut found: Vec<(usize, usize)> = removal_words(&text).collect();
                plain.sort_unstable();
                found.sort_unstable();
                assert_eq!(found, plain, "{text:?}");
            }
        }
    }

    #[test]
    fn only_support_turns_round() {
        let content = "the complete repeal of the ferry tax";
        assert_eq!(toward_topic(Stance::Neutral, content, Some("ferry tax")), Stance::Neutral);
        assert_eq!(toward_topic(Stance::Oppose, content, Some("ferry tax")), Stance::Oppose);
        assert_eq!(toward_topic(Stance::Support, content, None), Stance::Support);
    }
}
