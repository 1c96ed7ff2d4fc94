//! "Union chief quits. Ada Voss, who led the union for a decade, said
//! ...": a headline or an article's opening sentence describes someone
//! ("union chief", "the lifelong Republican who wrote the speech") whom
//! the sentence after it names as its subject. News writing names the
//! person it opened with right after, so a description there that no
//! role of someone named finds is that person rather than a speaker of
//! its own ("union chief" would gather the statements of every article
//! opened so). Someone named before that sentence is not the one it
//! introduces.

use super::super::names::mention_gender;
use super::super::words::*;
use super::super::Speaker;
use super::{relatives, SpeakerResolver};
use crate::model::SpeakerKind;
use std::ops::Range;

/// The headline and the first sentence of the article: a description
/// after them most often stands for someone already named.
const LEDE_SENTENCES: usize = 2;

/// Capitalised words (a title: "Democratic National Committee Chair")
/// that may stand before the name opening the next sentence.
const MOST_TITLE_WORDS: usize = 6;

impl SpeakerResolver<'_> {
    /// The person the sentence after the headline or opening sentence
    /// names as its subject, for a description of a person in it (`span`)
    /// that `found` resolved to no one the document names.
    pub(super) fn named_after_lede(&self, text: &str, span: &Range<usize>, found: &Speaker) -> Option<Speaker> {
        if matches!(found.kind, SpeakerKind::Organization | SpeakerKind::Document | SpeakerKind::Group) || self.lookup(&found.name, Gender::Unknown).is_some() {
            return None;
        }
        let own = self.sentence_starts.partition_point(|&s| s <= span.start).checked_sub(1)?;
        if own >= LEDE_SENTENCES {
            return None;
        }
        let phrase = self.described_phrase(text, span)?;
        let gender = describes_a_person(phrase)?;
        let next = *self.sentence_starts.get(own + 1)?;
        let after_next = self.sentence_starts.get(own + 2).copied().unwrap_or(text.len());
        let first = self.mentions.iter().find(|&&(pos, _)| pos >= next)?;
        let (pos, id) = *first;
        let named_before = self.mentions.iter().any(|&(p, other)| other == id && p < next);
        let agrees = gender == Gender::Unknown || self.people[id].gender == Gender::Unknown || self.people[id].gender == gender;
        let opens = pos < after_next && only_title_words(&text[next..pos]);
        (opens && agrees && !named_before && self.has_first_name(id)).then(|| self.person(id, text[span.clone()].trim()))
    }

    /// The words of the description at `span`: the phrase before a "who"
    /// ("the lifelong Republican who wrote"), else the mention itself, if
    /// it is no pronoun.
    fn described_phrase<'a>(&self, text: &'a str, span: &Range<usize>) -> Option<&'a str> {
        let mention = text[span.clone()].trim();
        if mention.eq_ignore_ascii_case("who") {
            return relatives::phrase_before_relative(text, span.start).map(|phrase| text[phrase].trim()).or_else(|| article_phrase_before(text, span.start));
        }
        pronoun_kind(mention).is_none().then_some(mention)
    }
}

/// The sex a description of one person tells ("chair", "the lifelong
/// Republican", "congresswoman"), or `None` for any other phrase: its
/// head, the last word, in lower case a title or a party's member, and
/// singular; no word of it a first name, so that no name is inside it.
fn describes_a_person(phrase: &str) -> Option<Gender> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let head = words.last()?.trim_end_matches(|c: char| !c.is_alphanumeric());
    let role = in_list(&WORDS.titles, head) && head.starts_with(char::is_lowercase);
    let member = in_list(&WORDS.party_names, head);
    let names_someone = words.iter().any(|w| first_name_gender(w).is_some());
    if !(role || member) || head.ends_with('s') || names_someone {
        return None;
    }
    Some(mention_gender(phrase))
}

/// "The lifelong Republican who": the phrase from an article to the
/// relative at byte `at`, of a few words, where its capitalised head
/// kept `phrase_before_relative` from reading it.
fn article_phrase_before(text: &str, at: usize) -> Option<&str> {
    const MOST_WORDS: usize = 4;
    let before = text.get(..at)?.trim_end();
    let start = before.char_indices().rev().filter(|&(_, c)| c.is_whitespace()).map(|(k, c)| k + c.len_utf8()).chain([0]).take(MOST_WORDS + 1).find(|&k| {
        let word = before[k..].split_whitespace().next().unwrap_or("");
        ["the", "a", "an"].iter().any(|a| word.eq_ignore_ascii_case(a))
    })?;
    let phrase = &before[start..];
    phrase.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '-').then_some(phrase)
}

/// Whether `before`, what stands in a sentence before its first name, is
/// at most a few capitalised words: a title, not a clause ("After the
/// vote, Ada Voss").
fn only_title_words(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().collect();
    words.len() <= MOST_TITLE_WORDS && words.iter().all(|w| is_cap_word(w) && !w.ends_with(','))
}

#[cfg(test)]
mod tests {
    use super::super::tests::resolve_all;

    #[test]
    fn a_headline_description_is_the_person_the_next_sentence_opens_with() {
        let text = "Union chair rejects the offer from Harlow Steel. Harlow Workers Union Chair Ada Voss rejected the offer on Monday.";
        let s = resolve_all(text, &["Union chair"]);
        assert_eq!(s[0].name, "Ada Voss");
    }

    #[test]
    fn a_lede_description_before_who_is_the_person_named_next() {
        let text = "Farm news.\n\nThe veteran Democrat who ran the county for years says he will retire. Tomas Reyner, 71, told the paper he was tired.";
        let s = resolve_all(text, &["who"]);
        assert_eq!(s[0].name, "Tomas Reyner", "{s:?}");
    }

    #[test]
    fn a_description_stays_itself_when_the_next_sentence_opens_with_a_clause() {
        let text = "Union chair rejects the offer. After the vote on Monday, Ada Voss left the hall.";
        let s = resolve_all(text, &["Union chair"]);
        assert_ne!(s[0].name, "Ada Voss");
    }

    #[test]
    fn a_description_past_the_opening_sentence_is_not_resolved_forward() {
        let text = "Steel talks end. Tom Quill backs the plan. Union chair rejects it. Ada Voss rejected the offer on Monday.";
        let s = resolve_all(text, &["Union chair"]);
        assert_ne!(s[0].name, "Ada Voss");
    }

    #[test]
    fn a_person_named_in_the_headline_is_not_the_description_of_it() {
        let text = "Union chair slams Ada Voss. Ada Voss was criticised by the union on Monday.";
        let s = resolve_all(text, &["Union chair"]);
        assert_ne!(s[0].name, "Ada Voss");
    }
}
