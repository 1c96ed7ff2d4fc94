//! What a statement is evidence of: whether it takes its side on its topic
//! itself (`aim_of`), recounts an earlier time, repeats an earlier
//! statement word for word, or names one of two people a surname topic
//! stands for. Shifts and disagreements count only such evidence.

use super::conditions::is_conditional;
use super::{list, phrase_at, phrases, same_word, words_of, Phrases};
use crate::model::{is_first_name, Position};
use chrono::{Datelike, NaiveDate};
use std::cmp::Reverse;
use std::collections::HashMap;

fn shift_openers() -> &'static [String] {
    static OPENERS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    OPENERS.get_or_init(|| list(include_str!("../../data/shift_openers.txt")).iter().map(|w| w.to_lowercase()).collect())
}

/// Verbs whose object a statement takes its side on, each as its words.
fn position_verbs() -> &'static Phrases {
    static VERBS: std::sync::OnceLock<Phrases> = std::sync::OnceLock::new();
    VERBS.get_or_init(|| phrases(include_str!("../../data/position_verbs.txt")))
}

/// Nouns that make a topic written before them a modifier of someone else.
fn aim_modifiers() -> &'static [String] {
    static MODIFIERS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    MODIFIERS.get_or_init(|| list(include_str!("../../data/aim_modifiers.txt")).iter().map(|w| w.to_lowercase()).collect())
}

/// Whether `word` is a bid for office that stands for the person named
/// after its "of" ("the *re-election* of Lane").
fn is_bid(word: &str) -> bool {
    static BIDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    in_list(BIDS.get_or_init(|| list(include_str!("../../data/aim_bids.txt"))), word)
}

/// Whether `word` makes the topic before it a modifier ("Trump *rival*").
fn modifies_topic(word: Option<&&str>) -> bool {
    word.is_some_and(|w| aim_modifiers().iter().any(|m| m.eq_ignore_ascii_case(w)))
}

/// How a statement names the topic it takes its side on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aim {
    /// The first name written before the topic ("Bill" in "Bill Clinton").
    pub first_name: Option<String>,
    /// The statement's words, hashed without case or punctuation: the same
    /// statement reported again by a later article hashes the same.
    pub wording: u64,
    /// The day of the position it shows (days as `Position::day`): its own
    /// day, or the earlier day of the act it reports ("endorsed Lane in
    /// early June"), set by `shift_aim`.
    pub held_on: Option<i64>,
}

/// A hash of `content`'s words without (ASCII) case or punctuation: its
/// letters and digits, one space between runs of them, hashed at once.
pub fn wording(content: &str) -> u64 {
    use std::hash::Hasher;
    let mut text = String::with_capacity(content.len());
    for c in content.chars() {
        if c.is_alphanumeric() {
            text.push(c.to_ascii_lowercase());
        } else if !text.is_empty() && !text.ends_with(' ') {
            text.push(' ');
        }
    }
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(text.trim_end().as_bytes());
    hasher.finish()
}

/// `fit` without statements that repeat, word for word, an earlier one of
/// the same speaker on the same topic: a later article quoting it again is
/// no new evidence, and dated on its own day it would look like one.
pub fn without_repeats(mut fit: Vec<(Position, Aim)>) -> Vec<(Position, Aim)> {
    fit.sort_unstable_by_key(|(p, aim)| (p.speaker_id, p.topic_id, aim.wording, p.day, p.id));
    fit.dedup_by(|later, earlier| {
        (later.0.speaker_id, later.0.topic_id, later.1.wording) == (earlier.0.speaker_id, earlier.0.topic_id, earlier.1.wording)
    });
    fit
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// `word` without a possessive ending, and whether it had one.
fn owner(word: &str) -> (&str, bool) {
    match word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) {
        Some(bare) => (bare, true),
        None => (word, false),
    }
}

/// Whether `content` takes its side on `topic` itself: the content opens
/// on the topic (after an article, capitalised titles or first names, an
/// infinitive: "to back Clinton", or a bid for office: "the re-election
/// of Clinton", data/aim_bids.txt) and the topic is not the owner of
/// something else ("Obama's trade pact" is about the pact). A statement
/// that mentions its topic further in ("the media for letting Clinton
/// ...") is about something else, and one that names no topic at all
/// ("endorsed him") leaves the reader to guess: neither is evidence of a
/// change of position. None when it does not. Reads only the words up to
/// the topic, so a long statement costs no more than a short one.
pub fn aim_of(content: &str, topic: &str) -> Option<Aim> {
    aim_at_opening(content, topic).or_else(|| aim_after_position_verb(content, topic))
}

/// Pronouns that may be the subject of a clause a content opens on ("I
/// will not support ..."); any other capitalised word before the verb names
/// someone else, whose position the clause may be. So does "they": a
/// speaker tells of others' backing with it ("they support Lane") far more
/// often than of their own.
const CLAUSE_SUBJECTS: [&str; 4] = ["I", "He", "She", "We"];

/// Whether a topic's words are a person's name: capitalised, two or more,
/// opening on a first name ("Hillary Clinton").
fn names_a_person(words: &[&str]) -> bool {
    words.len() > 1 && words.iter().all(|w| capitalised(w)) && words.first().is_some_and(|w| is_first_name(w))
}

/// How `content` names `topic` when it opens on a clause whose verb states
/// a position on it ("he's not ready to support Trump": data/position_verbs.txt),
/// with no name before the verb: the verb's object must name the topic as
/// `aim_at_opening` asks, at its start or after words that keep it one
/// noun phrase ("our speaker of the House, Tom Lane"). A first-person "I"
/// opens the speaker's own clause, whatever was named before it ("In our
/// shared mission, I support ...").
fn aim_after_position_verb(content: &str, topic: &str) -> Option<Aim> {
    // The verb's object is read as far as a clause opening late may need:
    // its "I", the verb within `LEAD_WORDS` of it, a few words of "and
    // endorse", and the object's own `LEAD_WORDS`.
    let words: Vec<&str> = words_of(content).take(CLAUSE_WORDS + 2 * LEAD_WORDS + 4).collect();
    let (mut clause_start, mut named_someone, mut relative) = (0, false, false);
    for (i, &word) in words.iter().enumerate() {
        if word == "I" && i < CLAUSE_WORDS {
            (clause_start, named_someone, relative) = (i, false, false);
        } else if CLAUSE_SUBJECTS.iter().any(|s| s.eq_ignore_ascii_case(word)) {
            relative = false;
        } else if capitalised(word) || word.eq_ignore_ascii_case("they") || in_list(other_subjects(), word) {
            named_someone = true;
        } else if in_list(relative_words(), word) {
            relative = true;
        }
        if named_someone || relative || i - clause_start >= LEAD_WORDS {
            continue;
        }
        if let Some(len) = position_verb_at(&words, i) {
            let mut object = &words[i + len..];
            // "support and endorse Lane": the object of both verbs.
            while let Some(more) = object.first().filter(|w| w.eq_ignore_ascii_case("and")).and(position_verb_at(object, 1)) {
                object = &object[1 + more..];
            }
            for (k, &start) in object.iter().enumerate().take(LEAD_WORDS) {
                if k > 0 && ends_object(start) {
                    return None;
                }
                let at = start.as_ptr() as usize - content.as_ptr() as usize;
                if let Some(aim) = aim_at_opening(&content[at..], topic) {
                    return Some(Aim { wording: wording(content), ..aim });
                }
            }
            return None;
        }
    }
    None
}

/// Words that make a group other than the speaker the subject of the
/// position verb after them (data/aim_other_subjects.txt).
fn other_subjects() -> &'static [String] {
    static WORDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| list(include_str!("../../data/aim_other_subjects.txt")))
}

/// Words that open a relative clause (data/aim_relative_words.txt).
fn relative_words() -> &'static [String] {
    static WORDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| list(include_str!("../../data/aim_relative_words.txt")))
}

fn in_list(list: &[String], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether `words[at]` opens an infinitive ("Lane *to drop out*"): a topic
/// followed by one is the subject of an act asked for or expected, and a
/// statement's stance is on that act, not on the topic.
fn infinitive_at(words: &[&str], at: usize) -> bool {
    static DETERMINERS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let determiners = DETERMINERS.get_or_init(|| list(include_str!("../../data/aim_determiners.txt")));
    words.get(at).is_some_and(|w| w.eq_ignore_ascii_case("to"))
        && words.get(at + 1).is_some_and(|w| !capitalised(w) && !in_list(determiners, w) && !w.starts_with(|c: char| c.is_ascii_digit()))
}

/// How far into a content the clause that states a position may open.
const CLAUSE_WORDS: usize = 2 * LEAD_WORDS;

/// How many words a position verb starting at `words[i]` spans.
fn position_verb_at(words: &[&str], i: usize) -> Option<usize> {
    phrase_at(position_verbs(), words, i)
}

/// Words that end a verb's object noun phrase: a clause, a comparison or a
/// second object follows them ("support the party *after* Lane wins").
fn ends_object(word: &str) -> bool {
    static WORDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| list(include_str!("../../data/aim_object_ends.txt")).iter().map(|w| w.to_lowercase()).collect());
    words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// How `content` names `topic` when it opens on it (see `aim_of`).
fn aim_at_opening(content: &str, topic: &str) -> Option<Aim> {
    let wanted: Vec<&str> = words_of(topic).collect();
    let first = *wanted.first()?;
    // A person topic ("Hillary Clinton") is named by its surname alone as
    // often as in full, but not when another first name comes before it.
    let person = names_a_person(&wanted);
    let surname = wanted.last().filter(|_| person);
    // Two words more than the topic may end on: an infinitive after it.
    let words: Vec<&str> = words_of(content).take(LEAD_WORDS + wanted.len() + 2).collect();
    let mut lead_start = 0;
    let mut bid_at = None;
    for (i, &word) in words.iter().enumerate() {
        let (bare, owned) = owner(word);
        if same_word(bare, first) {
            let rest = &words[i..];
            let matches = rest.len() >= wanted.len()
                && rest.iter().zip(&wanted).enumerate().all(|(k, (w, t))| {
                    let (bare, owned) = owner(w);
                    same_word(bare, t) && !(owned && k + 1 == wanted.len())
                });
            if matches && (modifies_topic(words.get(i + wanted.len())) || infinitive_at(&words, i + wanted.len())) {
                return None;
            }
            if matches {
                let lead = &words[lead_start..i];
                let first_name = lead.last().filter(|w| capitalised(w) && is_first_name(w));
                return Some(Aim { first_name: first_name.map(|w| w.to_string()), wording: wording(content), held_on: None });
            }
            if wanted.len() == 1 && owned {
                return None;
            }
        }
        if surname.is_some_and(|surname| same_word(bare, surname)) {
            let other_bearer = words[lead_start..i].last().is_some_and(|w| capitalised(w) && is_first_name(w));
            let modifier = modifies_topic(words.get(i + 1)) || infinitive_at(&words, i + 1);
            return (!owned && !other_bearer && !modifier).then(|| Aim { first_name: None, wording: wording(content), held_on: None });
        }
        let infinitive = i == 0 && word.eq_ignore_ascii_case("to") && words.get(1).is_some_and(|w| !capitalised(w));
        if infinitive {
            lead_start = 2;
            continue;
        }
        if i == 1 && lead_start == 2 {
            continue;
        }
        // "the re-election of Lane": the bid stands for the person after it.
        if bid_at.is_none() && is_bid(word) && words.get(i + 1).is_some_and(|w| w.eq_ignore_ascii_case("of")) {
            bid_at = Some(i);
            continue;
        }
        if bid_at.is_some_and(|at| at + 1 == i) {
            continue;
        }
        if !(capitalised(word) || shift_openers().iter().any(|o| o.eq_ignore_ascii_case(word))) {
            return None;
        }
    }
    None
}

/// The most words a statement may open on before its topic (titles, first
/// names, an article, an infinitive).
const LEAD_WORDS: usize = 8;

/// Whether `content` takes its side on `topic` itself (see `aim_of`).
pub fn aims_at(content: &str, topic: &str) -> bool {
    aim_of(content, topic).is_some()
}

fn past_markers() -> &'static Phrases {
    static MARKERS: std::sync::OnceLock<Phrases> = std::sync::OnceLock::new();
    MARKERS.get_or_init(|| phrases(include_str!("../../data/past_markers.txt")))
}

/// Whether `content` recounts an earlier time than the year it was stated
/// in: it names a year before it ("supported Obama in 2008") or says so
/// ("two years ago", "during the primaries": data/past_markers.txt). Such
/// a statement dated on the article's day would make an old position look
/// new.
pub fn recounts_the_past(content: &str, stated_in: Option<i32>) -> bool {
    let words: Vec<&str> = words_of(content).collect();
    let marked = |i: usize| phrase_at(past_markers(), &words, i).is_some();
    (0..words.len()).any(|i| {
        let digits = words[i].strip_suffix('s').unwrap_or(words[i]);
        let earlier_year = digits.len() == 4
            && digits.bytes().all(|b| b.is_ascii_digit())
            && stated_in.is_some_and(|year| digits.parse::<i32>().is_ok_and(|y| (1900..year).contains(&y)));
        earlier_year || marked(i)
    })
}

/// What a shift needs to know of a statement on a topic beyond its position.
#[derive(Debug, Clone, Copy)]
pub struct Said<'a> {
    pub content: &'a str,
    pub topic: &'a str,
    /// The year it was stated in.
    pub year: Option<i32>,
    /// The day it was stated on (days as `Position::day`).
    pub day: Option<i64>,
    /// Its cue ("said", "endorsed").
    pub cue: &'a str,
    /// The document's text just before its content, which holds its cue
    /// when the content follows it (empty when unknown).
    pub lead_in: &'a str,
    /// Whether it has a source (a document, or a title or path given by hand).
    pub sourced: bool,
    /// Whether extraction proposed the topic (a noun phrase of some
    /// statement), rather than a person defining it with keywords.
    pub proposed_topic: bool,
}

/// How a statement names its topic when it can stand on one side of a
/// shift: it has a source, speaks of its own time, takes its side on no
/// condition (`is_conditional`: "as the nominee"), and, on a topic
/// extraction proposed, takes its side on that topic itself (`aim_of`). A
/// topic a person defined with keywords says itself what is about it.
/// None when it cannot.
pub fn shift_aim(said: &Said) -> Option<Aim> {
    let aim = disagreement_aim(said)?;
    let held_on = said.day.map(|day| act_day(said.content, day).unwrap_or(day));
    (!recounts_the_past(said.content, said.year) && !is_conditional(said.content)).then_some(Aim { held_on, ..aim })
}

/// Words that, before a statement's cue, make it no evidence of where its
/// speaker stands (data/cue_qualifiers.txt).
fn cue_qualifiers() -> &'static [String] {
    static QUALIFIERS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    QUALIFIERS.get_or_init(|| list(include_str!("../../data/cue_qualifiers.txt")).iter().map(|w| w.to_lowercase()).collect())
}

/// How many words before the cue may qualify it ("had effusively praised").
const QUALIFYING_WORDS: usize = 3;

/// Whether a word just before the cue of `said` (in its lead-in, within
/// its sentence) denies it or recounts it from before: "has not endorsed",
/// "had praised". False when the lead-in does not end on the cue (a quote
/// before its "he said").
fn cue_is_qualified(said: &Said) -> bool {
    let Some(cue_last) = words_of(said.cue).last() else { return false };
    let clause = said.lead_in.rsplit(['.', '!', '?', ';', '\n']).next().unwrap_or_default();
    let lead: Vec<&str> = words_of(clause).collect();
    let Some(from_end) = lead.iter().rev().take(3).position(|w| w.eq_ignore_ascii_case(cue_last)) else { return false };
    let at = lead.len() - 1 - from_end;
    lead[at.saturating_sub(QUALIFYING_WORDS)..at].iter().any(|word| {
        let word = word.to_lowercase();
        word.ends_with("n't") || word.ends_with("n’t") || cue_qualifiers().contains(&word)
    })
}

/// Whether `cue` reports a concession (data/concession_cues.txt): a fact
/// granted, which a polar word in it ("success", "mistake") would
/// otherwise make a side taken on the person it is about. Conceding a
/// claim ("acknowledged that there was pressure") is a side on the claim.
fn is_concession(cue: &str) -> bool {
    static CUES: std::sync::OnceLock<Phrases> = std::sync::OnceLock::new();
    let cues = CUES.get_or_init(|| phrases(include_str!("../../data/concession_cues.txt")));
    let words: Vec<&str> = words_of(cue).collect();
    phrase_at(cues, &words, 0).is_some()
}

const MONTHS: [&str; 12] =
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/// `day` (as `Position::day`: the proleptic Gregorian day count from
/// 0000-01-01) as a date, and back.
pub fn date_of(day: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(day - 365).ok()?)
}

fn day_of(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) + 365
}

/// The day of an act `content` reports at an earlier time of the year it
/// was stated on `day` ("endorsed Lane in early June", "on June 2"): a
/// statement made in August about an endorsement in June shows the
/// position of June. A month alone stands for its 5th, 15th or 25th
/// (early, mid, late; plain is mid). None when the content names no such
/// time, or a time not before `day` (a plan, not a past act).
pub fn act_day(content: &str, day: i64) -> Option<i64> {
    let stated = date_of(day)?;
    let words: Vec<&str> = words_of(content).collect();
    // A month is written with a capital; "may" in lower case is the verb.
    let month_at = |i: usize| {
        words
            .get(i)
            .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
            .and_then(|w| MONTHS.iter().position(|m| m.eq_ignore_ascii_case(w)))
    };
    for i in 0..words.len() {
        let Some(month) = month_at(i) else { continue };
        let before = |k: usize| i.checked_sub(k).and_then(|at| words.get(at)).map(|w| w.to_lowercase());
        let day_of_month = words.get(i + 1).and_then(|w| w.parse::<u32>().ok()).filter(|d| (1..=31).contains(d));
        let part = match before(1).as_deref() {
            Some("early") => Some(5),
            Some("mid") => Some(15),
            Some("late") => Some(25),
            Some("in") => Some(15),
            _ => None,
        };
        let in_month = part.is_some() && (before(1).as_deref() == Some("in") || before(2).as_deref() == Some("in"));
        let Some(of_month) = day_of_month.or(part.filter(|_| in_month)) else { continue };
        let month = u32::try_from(month + 1).ok()?;
        let Some(date) = NaiveDate::from_ymd_opt(stated.year(), month, of_month) else { continue };
        return (date < stated).then(|| day_of(date));
    }
    None
}

/// How a statement names its topic when it can stand for its speaker's
/// side in a disagreement: as for a shift (`shift_aim`), but a statement
/// about an earlier time still shows where its speaker stood, unless its
/// cue says the act is over ("had praised") or denies it ("has not
/// endorsed", which the stance may have read as support).
pub fn disagreement_aim(said: &Said) -> Option<Aim> {
    let conceded_of_a_person = || is_concession(said.cue) && names_a_person(&words_of(said.topic).collect::<Vec<_>>());
    if !said.sourced || cue_is_qualified(said) || conceded_of_a_person() {
        None
    } else if said.proposed_topic {
        aim_of(said.content, said.topic)
    } else {
        Some(Aim { first_name: None, wording: wording(said.content), held_on: None })
    }
}

/// `fit` (positions with the aim of their statement) kept to one bearer
/// of each name: where a speaker's statements on a topic give it more
/// than one first name ("Bill Clinton", "Hillary Clinton"), the topic is
/// two people, and only the statements naming the one named most are kept
/// (none on a tie, nor those that give no first name).
pub fn one_bearer(mut fit: Vec<(Position, Aim)>) -> Vec<Position> {
    fit.sort_unstable_by_key(|(p, _)| (p.speaker_id, p.topic_id));
    let mut kept = Vec::with_capacity(fit.len());
    for group in fit.chunk_by(|a, b| a.0.speaker_id == b.0.speaker_id && a.0.topic_id == b.0.topic_id) {
        let mut names: HashMap<String, usize> = HashMap::new();
        for name in group.iter().filter_map(|(_, aim)| aim.first_name.as_ref()) {
            *names.entry(name.to_lowercase()).or_default() += 1;
        }
        let mut counts: Vec<(&String, &usize)> = names.iter().collect();
        counts.sort_by_key(|&(_, n)| Reverse(*n));
        match counts.as_slice() {
            [] | [_] => kept.extend(group.iter().map(|(p, _)| *p)),
            [(name, n), (_, m), ..] if n > m => kept.extend(
                group.iter().filter(|(_, aim)| aim.first_name.as_ref().is_some_and(|f| f.to_lowercase() == **name)).map(|(p, _)| *p),
            ),
            _ => {}
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Stance::Support;
    use crate::tracking::tests::said;


    #[test]
    fn an_act_reported_at_an_earlier_time_of_the_year_is_dated_then() {
        let day = |y, m, d| day_of(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        let august = day(2016, 8, 5);
        assert_eq!(act_day("Lane in early June, after some thought", august), Some(day(2016, 6, 5)));
        assert_eq!(act_day("the bill in June", august), Some(day(2016, 6, 15)));
        assert_eq!(act_day("what the voters in may decide", august), None);
        assert_eq!(act_day("the bill in late July", august), Some(day(2016, 7, 25)));
        assert_eq!(act_day("the bill on June 2", august), Some(day(2016, 6, 2)));
        assert_eq!(act_day("the bill in September", august), None, "a plan, not a past act");
        assert_eq!(act_day("the bill in August", august), None, "mid-August is not yet");
        assert_eq!(act_day("June Fox for her work", august), None, "a first name");
        assert_eq!(act_day("the bill", august), None);
        assert_eq!(date_of(august).map(day_of), Some(august));
    }

    #[test]
    fn a_shift_dates_a_statement_by_the_act_it_reports() {
        let august = day_of(NaiveDate::from_ymd_opt(2016, 8, 5).unwrap());
        let said = |content| Said {
            content,
            topic: "Lane",
            year: Some(2016),
            day: Some(august),
            cue: "endorsed",
            lead_in: "",
            sourced: true,
            proposed_topic: true,
        };
        let june = day_of(NaiveDate::from_ymd_opt(2016, 6, 5).unwrap());
        assert_eq!(shift_aim(&said("Lane in early June")).and_then(|aim| aim.held_on), Some(june));
        assert_eq!(shift_aim(&said("Lane for his plan")).and_then(|aim| aim.held_on), Some(august));
        assert_eq!(shift_aim(&said("Lane in 2012")), None);
        assert_eq!(shift_aim(&said("Lane as the nominee")), None, "a pledge for later");
    }

    #[test]
    fn a_negated_or_recounted_cue_is_no_evidence() {
        let said = |lead_in, cue| Said {
            content: "Lane for mayor",
            topic: "Lane",
            year: Some(2016),
            day: Some(736_000),
            cue,
            lead_in,
            sourced: true,
            proposed_topic: true,
        };
        let both = |lead_in, cue| (shift_aim(&said(lead_in, cue)).is_some(), disagreement_aim(&said(lead_in, cue)).is_some());
        assert_eq!(both("The senator has endorsed ", "endorsed"), (true, true));
        assert_eq!(both("The senator has not endorsed ", "endorsed"), (false, false));
        assert_eq!(both("The senator hasn't yet endorsed ", "endorsed"), (false, false));
        assert_eq!(both("For months, Fox had effusively praised ", "praised"), (false, false));
        assert_eq!(both("Fox, who once called for ", "called for"), (false, false));
        assert_eq!(both("Fox did not run. She endorsed ", "endorsed"), (true, true), "a word before the sentence's subject");
        assert_eq!(both("“I will not stop,” ", "said"), (true, true), "no cue before the content");
    }

    #[test]
    fn a_concession_is_no_side_on_a_person_but_is_one_on_a_claim() {
        let said = |content, topic, cue| Said {
            content,
            topic,
            year: Some(2016),
            day: Some(736_000),
            cue,
            lead_in: "",
            sourced: true,
            proposed_topic: true,
        };
        let aims = |content, topic, cue| disagreement_aim(&said(content, topic, cue)).is_some();
        assert!(aims("Tom Lane for his success", "Tom Lane", "praised"));
        assert!(!aims("Tom Lane for his success", "Tom Lane", "acknowledged"));
        assert!(!aims("Tom Lane for his success", "Tom Lane", "conceded"));
        assert!(aims("pressure on the council", "pressure", "acknowledged"));
    }

    #[test]
    fn a_clause_whose_verb_states_a_position_aims_at_its_object() {
        assert!(aims_at("he is not ready to support Tom Lane at this point", "Tom Lane"));
        assert!(aims_at("that she cannot currently endorse Lane", "Tom Lane"));
        assert!(aims_at("I will vote against the farm bill", "farm bill"));
        assert!(!aims_at("that Mary Fox would support Lane", "Tom Lane"), "the position of someone else");
        assert!(!aims_at("he will support the party after Lane wins", "Tom Lane"), "the topic is not the verb's object");
        assert!(!aims_at("he met with voters in the north who back Lane", "Tom Lane"), "the verb comes too late");
        assert!(aims_at("I support and endorse our mayor of the city, Tom Lane,", "Tom Lane"), "the object's noun phrase names him");
        assert!(aims_at("In our work to make Ashford safe, I back Lane", "Tom Lane"), "the speaker's own clause");
        assert!(
            aims_at("As we work together to keep Ashford safe and strong, I fully support and endorse our mayor of the city, Tom Lane", "Tom Lane"),
            "an object that ends beyond the sixteenth word"
        );
        assert!(!aims_at("I support the rival who beat Lane", "Tom Lane"), "a clause inside the object");
        assert!(!aims_at("I back Mary Fox rather than Lane", "Tom Lane"), "a second object");
        assert!(!aims_at("In Ashford, Mary Fox will back Lane", "Tom Lane"), "the position of someone else");
        assert!(!aims_at("they support Lane", "Tom Lane"), "the position of others");
        assert!(!aims_at("most of them say they back Lane", "Tom Lane"), "the position of others");
        assert!(!aims_at("the council that backs Lane", "Tom Lane"), "a relative clause");
        assert!(!aims_at("the ones who quietly support Lane", "Tom Lane"), "a relative clause");
        assert!(aims_at("that he backs Lane", "Tom Lane"), "a clause of his own");
        assert!(!aims_at("a share of those now voting for Lane", "Tom Lane"), "the position of a group");
        assert!(!aims_at("many of the delegates back Lane", "Tom Lane"), "the position of a group");
    }

    #[test]
    fn a_topic_asked_to_act_is_not_the_aim() {
        assert!(!aims_at("Lane to step aside before the vote", "Tom Lane"));
        assert!(!aims_at("Tom Lane to step aside", "Tom Lane"));
        assert!(!aims_at("he would back Lane to take the seat", "Tom Lane"));
        assert!(aims_at("Lane to his face", "Tom Lane"), "a noun phrase after to");
        assert!(aims_at("Lane, to the surprise of many", "Tom Lane"), "a noun phrase after to");
        assert!(aims_at("Lane for his record", "Tom Lane"));
    }

    #[test]
    fn a_topic_that_modifies_someone_else_is_not_the_aim() {
        assert!(!aims_at("Lane rival Senator Mary Fox at a rally", "Tom Lane"));
        assert!(!aims_at("Tom Lane supporters in the hall", "Tom Lane"));
        assert!(aims_at("Lane at a rally in the hall", "Tom Lane"));
    }

    #[test]
    fn a_statement_aims_at_the_topic_it_opens_on() {
        assert!(aims_at("Clinton as being too close to the banks", "Clinton"));
        assert!(aims_at("the trade deal", "trade deal"));
        assert!(aims_at("President Obama in his last year", "Obama"));
        assert!(aims_at("Senator Jane Doe’s plan", "plan"));
        assert!(aims_at("to back Clinton as the nominee", "Clinton"));
        assert!(aims_at("“Clinton,” calling her unfit", "Clinton"));
    }

    #[test]
    fn a_topic_mentioned_further_in_or_as_an_owner_is_not_the_aim() {
        assert!(!aims_at("the reporters for letting Clinton off lightly", "Clinton"));
        assert!(!aims_at("Obama’s trade pact", "Obama"));
        assert!(!aims_at("Obama's trade pact", "Obama"));
        assert!(!aims_at("him in a letter", "Clinton"));
        assert!(!aims_at("rumours that Obama would sign", "Obama"));
        assert!(!aims_at("", "Obama"));
        assert!(aims_at("Doe of dodging the vote", "Jane Doe"));
        assert!(aims_at("Ms. Doe on two counts", "Jane Doe"));
        assert!(aims_at("Jane Doe on two counts", "Jane Doe"));
        assert!(!aims_at("John Doe for his record", "Jane Doe"));
        assert!(!aims_at("Doe’s budget", "Jane Doe"));
        assert!(!aims_at("Partnership rules", "Pacific Trade Partnership"));
    }

    #[test]
    fn a_bid_for_office_stands_for_the_person_after_its_of() {
        assert!(aims_at("the re-election of Mayor Tom Lane, and of two aldermen", "Tom Lane"));
        assert!(aims_at("the candidacy of Lane", "Tom Lane"));
        assert!(!aims_at("the re-election campaign of Lane", "Tom Lane"), "another noun between");
        assert!(!aims_at("the record of Lane", "Tom Lane"), "no bid");
        assert!(!aims_at("the re-election of the council and of Lane", "Tom Lane"), "someone else first");
    }

    #[test]
    fn a_year_before_the_statement_or_ago_recounts_the_past() {
        let day = Some(2016);
        assert!(recounts_the_past("the senator in 2008 and 2012", day));
        assert!(recounts_the_past("the plan in the 1990s", day));
        assert!(recounts_the_past("the plan two years ago", day));
        assert!(recounts_the_past("the plan, which she used to back", day));
        assert!(recounts_the_past("the senator During the Primaries", day));
        assert!(!recounts_the_past("the plan she used", day));
        assert!(!recounts_the_past("the plan for 2016", day));
        assert!(!recounts_the_past("the plan for 2017", day));
        assert!(!recounts_the_past("2,008 new jobs", day));
        assert!(!recounts_the_past("the senator in 2008", None));
    }

    #[test]
    fn an_aim_keeps_the_first_name_given_to_the_topic() {
        let first_name = |content: &str| aim_of(content, "Clinton").map(|aim| aim.first_name);
        assert_eq!(first_name("Bill Clinton for his record"), Some(Some("Bill".into())));
        assert_eq!(first_name("Mrs. Clinton"), Some(None));
    }

    #[test]
    fn a_topic_two_people_bear_keeps_the_one_named_most() {
        let named = |id, name: Option<&str>| (said(id, 7, Support, id), Aim { first_name: name.map(String::from), wording: id as u64, held_on: None });
        let ids = |kept: Vec<Position>| kept.iter().map(|p| p.id).collect::<Vec<_>>();
        assert_eq!(ids(one_bearer(vec![named(1, Some("Bill")), named(2, None), named(3, Some("Hillary")), named(4, Some("Hillary"))])), vec![3, 4]);
        assert_eq!(ids(one_bearer(vec![named(1, Some("Bill")), named(2, Some("Hillary"))])), Vec::<i64>::new());
        assert_eq!(ids(one_bearer(vec![named(1, Some("Hillary")), named(2, None)])), vec![1, 2]);
    }

    #[test]
    fn a_statement_repeated_word_for_word_later_counts_once_on_its_first_day() {
        let aim = |content: &str| Aim { first_name: None, wording: wording(content), held_on: None };
        let kept = without_repeats(vec![
            (said(1, 7, Support, 5), aim("the plan, “for now”")),
            (said(2, 7, Support, 1), aim("The plan for now")),
            (said(3, 7, Support, 6), aim("the plan for later")),
            (said(4, 8, Support, 7), aim("the plan for now")),
        ]);
        let mut ids: Vec<i64> = kept.iter().map(|(p, _)| p.id).collect();
        ids.sort();
        assert_eq!(ids, vec![2, 3, 4]);
    }

}
