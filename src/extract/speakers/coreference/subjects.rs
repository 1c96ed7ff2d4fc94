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
use super::super::mention_words::is_possessive;
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
        if group {
            let in_sentence = |from: usize, upto: usize| {
                let subject = subject_at(text, from, upto, fits, true).map(|subject| self.group_subject_name(text, subject));
                subject.or_else(|| self.pair_subject_at(text, from, upto, at))
            };
            let own_subject = (own < at).then(|| in_sentence(own, at)).flatten();
            let name = own_subject.or_else(|| (before < own).then(|| in_sentence(before, own)).flatten())?;
            return Some(Speaker { name, mention: mention.to_string(), role: None, kind: SpeakerKind::Group });
        }
        let own_subject = (own < at).then(|| subject_at(text, own, at, fits, false)).flatten();
        let subject = own_subject.or_else(|| (before < own).then(|| subject_at(text, before, own, fits, false)).flatten())?;
        let mut speaker = self.resolve_mention(text, &subject);
        speaker.mention = mention.to_string();
        fits(speaker.kind).then_some(speaker)
    }
}

impl SpeakerResolver<'_> {
    /// The name of a group subject: "Voss's allies" as the group of the
    /// person the text names ("Ada Voss allies", as a source so worded is
    /// named), any other as written (`group_name`).
    fn group_subject_name(&self, text: &str, subject: Range<usize>) -> String {
        let phrase = &text[subject.clone()];
        if phrase.split_whitespace().any(is_possessive) {
            let speaker = self.resolve_mention(text, &subject);
            if speaker.kind == SpeakerKind::Group && !speaker.name.is_empty() {
                return speaker.name;
            }
        }
        group_name(text, phrase)
    }

    /// "Ada Voss and Tom Quill toured the plant. They said": two people
    /// opening the clause at `start` (before `end`) as its subject, named
    /// as a source pair is ("Ada Voss and Tom Quill"), for a "they" at `at`.
    fn pair_subject_at(&self, text: &str, start: usize, end: usize, at: usize) -> Option<String> {
        let mut words = words_between(text, start, end);
        let (_, first) = *words.peek()?;
        if in_list(&FUNCTION_WORDS.subordinators, first) || in_list(&FUNCTION_WORDS.clause_openers, first) {
            words.next();
        }
        let (phrase_start, _) = *words.peek()?;
        let (mut sides, mut side_words, mut phrase_end) = (1, 0, phrase_start);
        for (pos, word) in words {
            if word == "and" && side_words > 0 && sides == 1 {
                (sides, side_words) = (2, 0);
                continue;
            }
            if is_cap_word(word) && side_words < NAME_WORDS {
                side_words += 1;
                phrase_end = pos + word.len();
                // "Ada Voss, the mayor, and": a name ends at its punctuation.
                if word.ends_with(|c: char| !c.is_alphanumeric() && c != '.') {
                    return None;
                }
                continue;
            }
            if sides < 2 || side_words == 0 {
                return None;
            }
            // "Ada Voss and Tom Quill of Harlow toured": the verb after the
            // place of the second name.
            let verb_at = place_after_head(text, phrase_end, end).unwrap_or(phrase_end);
            let verb = if verb_at == phrase_end { word } else { text[verb_at..end].split_whitespace().next()? };
            let verb_follows = verb.starts_with(|c: char| c.is_lowercase()) && !is_function_word(verb);
            return verb_follows.then(|| self.pair(text, &text[phrase_start..phrase_end], at)).flatten();
        }
        None
    }
}

/// How many capitalised words each name of a pair subject may have
/// ("Sen. Mary Ann Voss").
const NAME_WORDS: usize = 4;

/// Words that follow a subject without being its verb: prepositions,
/// subordinators, pronouns.
fn is_function_word(word: &str) -> bool {
    in_list(&FUNCTION_WORDS.after_head, word) || in_list(&FUNCTION_WORDS.subordinators, word) || in_list(&FUNCTION_WORDS.object_prepositions, word) || is_pronoun(word)
}

/// The noun phrase opening the clause at `start` (a subordinator or "But"
/// before it skipped), ending before `end`, if its head is a word of a
/// kind that `fits` and a lower-case word (its verb) follows it. For a
/// group (`group`), also after a fronted phrase ("Throughout the summer,
/// members") and with an owner ("Voss's allies"); a body's or document's
/// phrase so placed is most often not what a later "it" stands for ("For
/// instance, the report notes", "Although Voss's agency declined, it").
fn subject_at(text: &str, start: usize, end: usize, fits: impl Fn(SpeakerKind) -> bool, group: bool) -> Option<Range<usize>> {
    let mut words = words_between(text, start, end);
    let (first_at, first) = *words.peek()?;
    let opener = in_list(&FUNCTION_WORDS.clause_openers, first);
    let mut subordinate = in_list(&FUNCTION_WORDS.subordinators, first);
    if subordinate || opener {
        words.next();
    }
    // "But throughout the summer, members ...": the phrase may follow the opener.
    let fronted_at = if opener { words.peek().map(|&(at, _)| at) } else { Some(first_at) };
    if let Some(after) = fronted_at.filter(|_| group).and_then(|at| fronted_phrase_end(text, at, end)) {
        words = words_between(text, after, end);
        subordinate = false;
    }
    let (phrase_start, _) = *words.peek()?;
    for (taken, (at, word)) in words.by_ref().enumerate() {
        // "Voss's allies": an owner before the head.
        let bare = if group { word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")).unwrap_or(word) } else { word };
        if taken > WORDS_BEFORE_HEAD || !bare.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.') {
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
            // "Many voters" opens with a share, no pronoun standing alone;
            // not after "Although" ("Although some voters ..., others"),
            // where the main clause is of another share.
            let share = taken == 0 && !subordinate && in_list(&FUNCTION_WORDS.shares, word);
            if (is_pronoun(word) && !article && !share) || function_word || (taken > 0 && word.ends_with("ed") && !is_cap_word(word)) {
                return None;
            }
            continue;
        }
        let head_end = at + word.len();
        // "Documents from the committee": a document's "from" or "by"
        // names its maker, whom an "it" after it more likely stands for.
        let document = kind_of_phrase(word) == Some(SpeakerKind::Document);
        let phrase_end = (!document).then(|| place_after_head(text, head_end, end)).flatten().unwrap_or(head_end);
        let next = text[phrase_end..end].split_whitespace().next()?;
        let verb_follows = next.starts_with(|c: char| c.is_lowercase()) && !in_list(&FUNCTION_WORDS.after_head, next);
        return verb_follows.then_some(phrase_start..phrase_end);
    }
    None
}

/// The words of `text` from byte `start` to `end`, with their offsets.
fn words_between(text: &str, start: usize, end: usize) -> std::iter::Peekable<impl Iterator<Item = (usize, &str)>> {
    words_with_offsets(&text[start..end]).map(move |(pos, word)| (start + pos, word)).peekable()
}

/// "For a city of its size, the council ...", "Throughout the summer,
/// members ...": where the clause's subject starts after a phrase of a
/// preposition fronted before it (at byte `at`), past its comma; `None`
/// when no such phrase opens there or no comma ends it soon enough.
fn fronted_phrase_end(text: &str, at: usize, end: usize) -> Option<usize> {
    /// How many words a fronted phrase runs to before its comma.
    const MOST_WORDS: usize = 10;
    let mut words = words_between(text, at, end);
    let (_, preposition) = words.next()?;
    if !in_list(&FUNCTION_WORDS.fronted_prepositions, preposition) {
        return None;
    }
    for (pos, word) in words.take(MOST_WORDS) {
        if word.ends_with(',') {
            return Some(pos + word.len());
        }
        if word.ends_with(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’') || word.starts_with(|c: char| !c.is_alphanumeric()) {
            return None;
        }
    }
    None
}

/// "voters in Harlow County are", "leaders in the House and Senate
/// have": the end of a phrase of a preposition and a name after a group's
/// head at `head_end`, before its verb. Only names: "voters in the room"
/// leaves a lower-case noun no verb can be told from.
fn place_after_head(text: &str, head_end: usize, end: usize) -> Option<usize> {
    let mut words = words_between(text, head_end, end);
    let (_, preposition) = words.next()?;
    if !in_list_as_written(&FUNCTION_WORDS.after_head, preposition) {
        return None;
    }
    let mut name_end = None;
    for (pos, word) in words.take(NAME_WORDS + 2) {
        if is_cap_word(word) {
            let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
            if bare.len() < word.len() {
                // "voters in Harlow, however,": no verb follows the name.
                return None;
            }
            name_end = Some(pos + word.len());
        } else if !(["the", "and", "of"].contains(&word) && (name_end.is_some() || word == "the")) {
            break;
        }
    }
    name_end
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

#[cfg(test)]
mod tests {
    use super::super::tests::resolve_all;
    use crate::model::SpeakerKind;

    #[test]
    fn a_they_after_two_people_opening_a_sentence_is_the_pair() {
        let text = "Ada Voss and Tom Quill toured the harbour on Monday. They said the channel was too shallow.";
        let s = resolve_all(text, &["They"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("Ada Voss and Tom Quill", SpeakerKind::Group));
        // After "As", and with the place of the second name before the verb.
        let text = "As Ada Voss and Mayor Tom Quill of Harlow toured the harbour, they said the channel was too shallow.";
        assert_eq!(resolve_all(text, &["they"])[0].name, "Ada Voss and Tom Quill");
        // A pair that is the object, not the subject, is no antecedent.
        let text = "The storm kept Ada Voss and Tom Quill at home. They said the channel was too shallow.";
        assert_eq!(resolve_all(text, &["They"])[0].kind, SpeakerKind::Unresolved);
    }

    #[test]
    fn a_group_subject_may_carry_a_place_and_open_with_a_share() {
        let text = "Dock workers in Harlow County have asked for a new channel. But they said the work could wait.";
        assert_eq!(resolve_all(text, &["they"])[0].name, "dock workers in Harlow County");
        let text = "Many voters in the House and Senate are angry. They said the roads were bad.";
        assert_eq!(resolve_all(text, &["They"])[0].name, "many voters in the House and Senate");
        // A lower-case noun after the preposition hides where the verb is.
        let text = "Workers in the harbour office met at noon. They said the tide was late.";
        assert_eq!(resolve_all(text, &["They"])[0].kind, SpeakerKind::Unresolved);
        // "Although some ..., others ...": the share of the subordinate
        // clause is not the group the main clause speaks of.
        let text = "Although some workers like the plan, others are angry. That, they say, will not change.";
        assert_eq!(resolve_all(text, &["they"])[0].kind, SpeakerKind::Unresolved);
    }

    #[test]
    fn a_they_finds_its_group_after_a_fronted_phrase_or_an_owner() {
        let text = "The pilots met on Monday. But throughout the long winter, dock workers complained of the cold. They said the heaters failed.";
        assert_eq!(resolve_all(text, &["They"])[0].name, "dock workers");
        let text = "Ada Voss lost the vote. Voss's allies blamed the weather for the turnout, and they said the count was fair.";
        let s = resolve_all(text, &["they"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("Ada Voss allies", SpeakerKind::Group));
        // A fronted phrase with no comma soon after it opens no subject.
        let text = "In the harbour office where the pilots wait for the tide every night workers met. They said the tide was late.";
        assert_eq!(resolve_all(text, &["They"])[0].kind, SpeakerKind::Unresolved);
        // An "it" looks for no body past a fronted phrase or behind an owner.
        let text = "The pilots met on Monday. For its part, the Harlow harbour council closed the channel. It said the dredging would wait.";
        assert_eq!(resolve_all(text, &["It"])[0].kind, SpeakerKind::Unresolved);
    }

    #[test]
    fn an_it_after_a_document_from_a_body_is_not_the_document() {
        let text = "The Harlow Department of Roads closed the bridge. It said the repairs would take a month.";
        assert_eq!(resolve_all(text, &["It"])[0].name, "the Harlow Department of Roads");
        let text = "Letters from the Harlow Dock Council began circulating after it announced the closure.";
        assert_eq!(resolve_all(text, &["it"])[0].kind, SpeakerKind::Unresolved);
    }
}
