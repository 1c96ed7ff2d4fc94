//! "Striking workers walked out on Monday. They said the company ...": a
//! "they" that speaks where no group spoke before it stands for the group
//! the sentence (or the one before) opens with as its subject; an "it", so,
//! for the document or body ("The lawsuit names the county. It also
//! says"). Only a short noun phrase whose head is a word for several people
//! ("workers", "Senate Democrats", "many voters"), or for a body or a
//! document, counts: a pronoun after anything else is left unresolved
//! rather than guessed.

use super::super::super::tokens::words_with_offsets;
use super::super::names::kind_of_phrase;
use super::super::words::*;
use super::super::Speaker;
use super::SpeakerResolver;
use crate::model::SpeakerKind;
use std::ops::Range;

/// Words a subject's noun phrase may hold before its head: "many
/// frustrated Senate Democrats" has three.
const WORDS_BEFORE_HEAD: usize = 4;

impl SpeakerResolver<'_> {
    /// The group a speaking "they" at byte `at` stands for, or the body
    /// or document of an "it": the subject of its own sentence, if the
    /// pronoun is not that subject ("Democrats blocked the bill because
    /// they said"), else of the sentence before.
    pub(super) fn group_subject_before(&self, text: &str, at: usize, mention: &str) -> Option<Speaker> {
        let group = mention.eq_ignore_ascii_case("they");
        if !(group || mention.eq_ignore_ascii_case("it")) {
            return None;
        }
        let fits = |kind| {
            if group {
                kind == SpeakerKind::Group
            } else {
                matches!(kind, SpeakerKind::Organization | SpeakerKind::Document)
            }
        };
        let own = self.sentence_start(at);
        let before = self.sentence_before(at);
        let own_subject = (own < at).then(|| subject_at(text, own, at, fits)).flatten();
        let subject = own_subject.or_else(|| (before < own).then(|| subject_at(text, before, own, fits)).flatten())?;
        if group {
            return Some(Speaker { name: group_name(text, &text[subject]), mention: mention.to_string(), role: None, kind: SpeakerKind::Group });
        }
        let mut speaker = self.resolve_mention(text, &subject);
        speaker.mention = mention.to_string();
        fits(speaker.kind).then_some(speaker)
    }
}

/// The noun phrase opening the clause at `start` (a subordinator or "But"
/// before it skipped), ending before `end`, if its head is a word of a
/// kind that `fits` and a lower-case word (its verb) follows it.
fn subject_at(text: &str, start: usize, end: usize, fits: impl Fn(SpeakerKind) -> bool) -> Option<Range<usize>> {
    let mut words = words_with_offsets(&text[start..end]).map(|(at, word)| (start + at, word)).peekable();
    let (_, first) = *words.peek()?;
    if in_list(&FUNCTION_WORDS.subordinators, first) || in_list(&FUNCTION_WORDS.clause_openers, first) {
        words.next();
    }
    let (phrase_start, _) = *words.peek()?;
    for (taken, (at, word)) in words.by_ref().enumerate() {
        if taken > WORDS_BEFORE_HEAD || !word.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.') {
            return None;
        }
        let is_head = kind_of_phrase(word).is_some_and(&fits);
        if !is_head {
            // Before the head: determiners, numbers, modifiers; never a
            // verb in -ed, a pronoun or a function word ("They said", "As
            // soon as Twitter").
            let function_word =
                in_list(&FUNCTION_WORDS.subordinators, word) || in_list(&FUNCTION_WORDS.object_prepositions, word) || in_list(&FUNCTION_WORDS.place_prepositions, word);
            let article = ["the", "a", "an"].iter().any(|a| word.eq_ignore_ascii_case(a));
            if (is_pronoun(word) && !article) || function_word || (taken > 0 && word.ends_with("ed") && !is_cap_word(word)) {
                return None;
            }
            continue;
        }
        let head_end = at + word.len();
        let next = text[head_end..end].split_whitespace().next()?;
        let verb_follows = next.starts_with(|c: char| c.is_lowercase()) && !in_list(&FUNCTION_WORDS.after_head, next);
        return verb_follows.then_some(phrase_start..head_end);
    }
    None
}

/// A subject phrase as a group's name: "the" for its article, and its
/// first word in lower case where only standing first gave it a capital
/// ("Workers"), not where a capitalised word follows ("Senate Democrats")
/// or the text writes it so inside sentences too ("Sanders supporters").
fn group_name(text: &str, phrase: &str) -> String {
    let phrase = match phrase.split_once(' ') {
        Some(("The" | "A" | "An", rest)) => return format!("the {rest}"),
        _ => phrase,
    };
    let mut words = phrase.split(' ');
    let first = words.next().unwrap_or(phrase);
    // "Harlow Democrats": a run of capitalised words is a name's.
    let name_run = words.next().is_some_and(is_cap_word);
    if !is_cap_word(first) || name_run || in_list(&WORDS.party_names, first) || capitalised_inside_sentences(text, first) {
        return phrase.to_string();
    }
    let mut chars = phrase.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

/// Whether `word` stands in `text` with its capital after another word of
/// the sentence, not only at a sentence's start.
fn capitalised_inside_sentences(text: &str, word: &str) -> bool {
    memchr::memmem::find_iter(text.as_bytes(), word.as_bytes()).any(|pos| {
        let before = text[..pos].trim_end_matches([' ', '(']);
        let after = &text[pos + word.len()..];
        pos > 0 && text[..pos].ends_with(' ') && before.ends_with(|c: char| c.is_alphanumeric() || c == ',') && !after.starts_with(char::is_alphanumeric)
    })
}
