//! Whole-word phrase matching for the stance lexicon: the phrases are
//! hashed by their first word, and a text is read word by word, each word
//! looked up once and the phrases it opens compared byte for byte, the
//! longest first.
//!
//! It replaces Aho-Corasick automata whose build, at every start, cost more
//! than all the searches of a corpus of several hundred articles: a hash
//! table of a few thousand phrases is built in a fraction of that, and a
//! statement's words are few.

use crate::extract::tokens::{is_alnum, ASCII_ALNUM};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// ASCII-lowered phrases with their values, keyed by their first word.
type PhrasesByFirstWord<T> = FxHashMap<Box<[u8]>, Vec<(Box<[u8]>, T)>>;

/// Whole-word phrase matching over a set of lower-case phrases, ignoring
/// ASCII case; at each word the longest phrase that matches wins, and the
/// search goes on after it.
#[derive(Debug, Clone)]
pub(super) struct PhraseMatcher<T> {
    /// The phrases (ASCII-lowered) by their first word, longest first.
    by_first_word: PhrasesByFirstWord<T>,
}

impl<T: Copy> PhraseMatcher<T> {
    pub(super) fn new(phrases: &BTreeMap<String, T>) -> Self {
        let mut by_first_word: PhrasesByFirstWord<T> = FxHashMap::default();
        for (phrase, value) in phrases {
            let lower = phrase.to_ascii_lowercase();
            let key_len = alnum_run(&lower, lower.as_bytes(), 0);
            if key_len == 0 {
                // A phrase must open with a letter or digit to be found.
                continue;
            }
            let key: Box<[u8]> = lower.as_bytes()[..key_len].into();
            by_first_word.entry(key).or_default().push((lower.into_bytes().into(), *value));
        }
        for candidates in by_first_word.values_mut() {
            candidates.sort_by_key(|(phrase, _)| std::cmp::Reverse(phrase.len()));
        }
        PhraseMatcher { by_first_word }
    }

    /// `(start, end, value)` of each whole-word match in `text` (`lower`:
    /// the same text with ASCII letters lowered), in text order.
    pub(super) fn find(&self, text: &str, lower: &[u8]) -> Vec<(usize, usize, T)> {
        let mut found = Vec::new();
        let mut at = 0;
        while at < lower.len() {
            if lower[at] < 0x80 && !lower[at].is_ascii_alphanumeric() {
                at += 1;
                continue;
            }
            let word_len = alnum_run(text, lower, at);
            if word_len == 0 {
                at += text[at..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            let word_end = at + word_len;
            let word = &lower[at..word_end];
            let matched = self.by_first_word.get(word).and_then(|candidates| {
                candidates.iter().find(|(phrase, _)| {
                    let end = at + phrase.len();
                    lower.get(at..end) == Some(&phrase[..]) && text.is_char_boundary(end) && !starts_alnum(text, end)
                })
            });
            match matched {
                Some((phrase, value)) => {
                    found.push((at, at + phrase.len(), *value));
                    at += phrase.len();
                }
                None => at = word_end,
            }
        }
        found
    }
}

/// The length in bytes of the run of alphanumeric characters at `at`.
fn alnum_run(text: &str, lower: &[u8], at: usize) -> usize {
    let mut end = at;
    loop {
        // Every word of every statement passes here: ASCII letters and
        // digits are read off a table, a byte a step.
        end += lower[end..].iter().take_while(|b| ASCII_ALNUM[usize::from(**b)]).count();
        match lower.get(end) {
            Some(b) if *b >= 0x80 => match text[end..].chars().next() {
                // `is_alnum`: a curly quote or a dash is answered without
                // a search of the Unicode tables.
                Some(c) if is_alnum(c) => end += c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    end - at
}

fn starts_alnum(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(is_alnum)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(phrases: &[&str]) -> PhraseMatcher<usize> {
        let map: BTreeMap<String, usize> = phrases.iter().enumerate().map(|(i, p)| (p.to_string(), i)).collect();
        PhraseMatcher::new(&map)
    }

    fn found(m: &PhraseMatcher<usize>, text: &str) -> Vec<String> {
        let lower = crate::extract::tokens::ascii_lowercase(text);
        m.find(text, &lower).into_iter().map(|(s, e, _)| text[s..e].to_string()).collect()
    }

    /// The plain way: every phrase at every word start, the longest first.
    fn plain(phrases: &[&str], text: &str) -> Vec<String> {
        let lower = text.to_ascii_lowercase();
        let mut sorted: Vec<&str> = phrases.to_vec();
        sorted.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let mut out = Vec::new();
        let mut at = 0;
        while at < text.len() {
            let word_start = !text[..at].chars().next_back().is_some_and(char::is_alphanumeric);
            let hit = word_start
                .then(|| sorted.iter().find(|p| lower[at..].starts_with(*p) && !starts_alnum(text, at + p.len())))
                .flatten();
            match hit {
                Some(p) => {
                    out.push(text[at..at + p.len()].to_string());
                    at += p.len();
                }
                None => at += text[at..].chars().next().map_or(1, char::len_utf8),
            }
        }
        out
    }

    #[test]
    fn finds_the_same_phrases_as_trying_every_phrase_at_every_word() {
        let phrases = ["not", "could not", "could", "no-one", "can't", "good deal", "good", "off the table", "é"];
        let m = matcher(&phrases);
        for text in [
            "They could not agree; it is NOT a Good Deal, no-one can't say.",
            "Knot nothing: goodness, the deal is off the table, cannot.",
            "Could, good-ish; café é naïve not…good",
        ] {
            assert_eq!(found(&m, text), plain(&phrases, text), "{text}");
        }
    }

    #[test]
    fn the_longest_phrase_at_a_word_wins() {
        let m = matcher(&["could", "could not"]);
        assert_eq!(found(&m, "they could not"), ["could not"]);
        assert_eq!(found(&m, "they could nothing"), ["could"]);
    }

    #[test]
    fn a_phrase_inside_a_longer_word_is_not_found() {
        let m = matcher(&["not", "good"]);
        assert!(found(&m, "knots goodness nothing").is_empty());
    }
}
