//! Who stands where on what, over time: the stance matrix, shifts and
//! disagreements. Plain data in, plain data out: nothing here reads the
//! database or prints.
//! The matrix and the counts behind it are here; `aims` says what a
//! statement is evidence of, `shifts` and `disagreements` build on it.
//!
//! Decisions a reader of a report should know:
//! - Speakers named like a pronoun ("they", "it": data/unresolved_speakers.txt)
//!   or of the kind 'unresolved' were never resolved to anyone, and topics
//!   named by a general word ("percent", "question": data/generic_topics.txt)
//!   are no subject: both stay out of the matrix, the shifts and the
//!   disagreements. So does a speaker's stance on a topic that is their own
//!   name (Donald Trump on "Trump"): a misread sentence, almost always.
//! - A cell's stance is the side (support or oppose) most of the speaker's
//!   statements on the topic take; tied is "mixed"; neutral only when none
//!   takes a side. A neutral statement takes no position, so it outvotes
//!   none: a speaker who attacked a rival once and mentioned them ten times
//!   stands against them. The counts of each stance are shown beside it.
//!   Support and oppose count as such only when their stance confidence
//!   reaches the report's threshold; below it they are uncertain, counted
//!   apart, and decide a cell only when it has no confident side: it then
//!   "leans" that way.
//! - Shifts and disagreements count only statements that support or
//!   oppose, and only those a journalist could quote as evidence: with a
//!   source, and, on a topic extraction proposed, opening on the topic
//!   itself or on a clause whose verb takes a side on it (`aim_of`: "the
//!   media for letting Clinton off" is about the media, "Obama's trade
//!   pact" about the pact, "endorsed him" about no one named, "he is not
//!   ready to support Trump" about Trump, but "the council that backs
//!   Trump" and "those voting for Trump" about others' positions:
//!   data/aim_relative_words.txt, data/aim_other_subjects.txt). A topic
//!   followed by an infinitive ("called for Trump to drop out") is asked
//!   to act: the stance is on the act, no evidence. A cue after "not", "had" or
//!   "once" (data/cue_qualifiers.txt) denies the act or recounts it as
//!   over: no evidence. A statement repeated word for word by a later
//!   article counts once, on its first day. An ambiguous speaker (a
//!   surname several people bear) and one named by a description in lower
//!   case ("republicans") take no part in any report.
//! - A disagreement counts statements at or above a stance confidence
//!   threshold. A side of a shift stands on one such statement, or on two
//!   agreeing ones of moderate confidence when it is the side most of the
//!   speaker's statements on the topic take (`SideConfidence`).
//! - A shift's statements must also speak of their own time (no earlier
//!   year, no "ago", "used to", "during the primaries":
//!   data/past_markers.txt); one that reports an act at an earlier month
//!   of its year ("endorsed Trump in early June") shows the position of
//!   that day. A statement that takes its side on a condition or for a
//!   case to come ("pledged to support Clinton as the nominee", "would back
//!   him if he wins": data/conditional_markers.txt) is no settled side
//!   either. Where one speaker's statements give a surname topic two
//!   first names (Bill and Hillary Clinton) only the bearer named most is
//!   kept.
//! - A shift is a change of one speaker's position on one topic from one
//!   day to a later one. A day's position is what most of that day's
//!   statements take (a tied day has none), so a contrast within one article
//!   is no shift. Undated statements have no place in time and take no part.
//!   A shift is listed only when one of its sides stands on several
//!   statements (two unless told): one statement each way is as often a
//!   misread stance as a change of mind, and per-statement stances are
//!   right only about nine times in ten even when confident. Shifts are
//!   ranked by evidence: the smaller side's statement count first (one
//!   statement against many is weak), then both sides'.
//! - A disagreement is one row per topic, supporter and opponent: each
//!   speaker's side on the topic is what most of their confident statements
//!   take (a tie goes to the latest), shown by its strongest statement (the
//!   most confident, then the latest). Topics come most contested first
//!   (the smaller camp's statements), then within a topic pairs by both
//!   sides' statement counts; pairs are produced one at a time, so that
//!   listing all of them holds no more than the sides.

use crate::model::Stance;
use crate::model::{Position, StanceRecord};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use std::cmp::{Ordering, Reverse};

mod aims;
mod conditions;
mod disagreements;
mod shifts;

pub use aims::{act_day, aim_of, aims_at, date_of, disagreement_aim, one_bearer, recounts_the_past, shift_aim, without_repeats, wording, Aim, Said};
pub use disagreements::{disagreements, on_contested_topics, sides, Camps, Disagreement, Disagreements, Side};
pub use shifts::{could_shift, shifts, Shift, SideConfidence};

/// The lines of a data list, comments and blanks left out.
fn list(text: &'static str) -> Vec<String> {
    crate::model::data_lines(text).map(String::from).collect()
}

/// The phrases of a data list, each as its words in lower case, with the
/// first bytes they can open on (either case), so that the words no phrase
/// opens on are passed over at one lookup.
struct Phrases {
    list: Vec<Vec<String>>,
    starts: [bool; 256],
}

fn phrases(text: &'static str) -> Phrases {
    let list: Vec<Vec<String>> = list(text).iter().map(|p| p.split_whitespace().map(str::to_lowercase).collect()).collect();
    let mut starts = [false; 256];
    for first in list.iter().filter_map(|p| p.first()?.bytes().next()) {
        starts[usize::from(first.to_ascii_lowercase())] = true;
        starts[usize::from(first.to_ascii_uppercase())] = true;
    }
    Phrases { list, starts }
}

/// How many words the first of `phrases` that starts at `words[i]` spans
/// (compared in any case).
fn phrase_at(phrases: &Phrases, words: &[&str], i: usize) -> Option<usize> {
    let first = *words.get(i)?.as_bytes().first()?;
    if !phrases.starts[usize::from(first)] {
        return None;
    }
    phrases
        .list
        .iter()
        .find(|p| words.len() >= i + p.len() && words[i..i + p.len()].iter().zip(p.iter()).all(|(w, p)| w.eq_ignore_ascii_case(p)))
        .map(Vec::len)
}

/// The words of `text` in order, as written, without the punctuation
/// around them; apostrophes inside a word ("Obama's") are kept.
fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '/'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

/// Names of speaker records that stand for no one in particular.
pub fn unresolved_speaker_names() -> Vec<String> {
    list(include_str!("../data/unresolved_speakers.txt"))
}

/// Topic names too general to be a subject.
pub fn generic_topic_names() -> Vec<String> {
    list(include_str!("../data/generic_topics.txt"))
}

/// How many statements each speaker, topic, and speaker on topic has,
/// counted in one pass over positions. A statement counts once for its
/// speaker when its topics come one after the other (the store's table
/// order), once for each of its topics.
///
/// The maps hash with rustc-hash's Fx: SipHash made counting a fifth of a
/// million-statement `report stance`.
#[derive(Debug, Default)]
pub struct Tally {
    speakers: FxHashMap<i64, u64>,
    topics: FxHashMap<i64, u64>,
    pairs: FxHashMap<(i64, i64), u64>,
    last_statement: Option<i64>,
    /// Statements counted.
    pub statements: u64,
}

impl Tally {
    /// Count statement `id` of `speaker` on `topic`.
    pub fn count(&mut self, id: i64, speaker: i64, topic: i64) {
        if self.last_statement != Some(id) {
            self.last_statement = Some(id);
            self.statements += 1;
            *self.speakers.entry(speaker).or_default() += 1;
        }
        *self.topics.entry(topic).or_default() += 1;
        *self.pairs.entry((speaker, topic)).or_default() += 1;
    }

    pub fn speaker_count(&self) -> usize {
        self.speakers.len()
    }

    pub fn topic_count(&self) -> usize {
        self.topics.len()
    }

    /// Every speaker with their statement count, most first.
    pub fn speakers(&self) -> Vec<(i64, u64)> {
        most_first(self.speakers.iter().map(|(&id, &n)| (id, n)))
    }

    /// The topics `speakers` discuss, with how many statements they made on
    /// each, most first; a (speaker, topic) pair counts only where `counts_pair`
    /// says so.
    pub fn topics_of(&self, speakers: &[i64], counts_pair: impl Fn(i64, i64) -> bool) -> Vec<(i64, u64)> {
        let chosen: std::collections::HashSet<i64> = speakers.iter().copied().collect();
        let mut counts: FxHashMap<i64, u64> = FxHashMap::default();
        for (&(speaker, topic), &n) in &self.pairs {
            if chosen.contains(&speaker) && counts_pair(speaker, topic) {
                *counts.entry(topic).or_default() += n;
            }
        }
        most_first(counts.into_iter())
    }

    /// The speakers with a statement on one of `topics`.
    pub fn speakers_on(&self, topics: &[i64]) -> std::collections::HashSet<i64> {
        let chosen: std::collections::HashSet<i64> = topics.iter().copied().collect();
        self.pairs.keys().filter(|(_, topic)| chosen.contains(topic)).map(|&(speaker, _)| speaker).collect()
    }
}

fn most_first(counts: impl Iterator<Item = (i64, u64)>) -> Vec<(i64, u64)> {
    let mut counts: Vec<(i64, u64)> = counts.collect();
    counts.sort_unstable_by_key(|&(id, n)| (Reverse(n), id));
    counts
}

/// Whether `topic` names the speaker themselves ("Trump" for Donald Trump):
/// every word of the topic is a word of the name. A stance toward oneself
/// is almost always a misread sentence, so reports leave such pairs out.
pub fn about_oneself(speaker: &str, topic: &str) -> bool {
    // Compared without allocating: reports ask this of every speaker and
    // topic pair with a position.
    fn words(text: &str) -> impl Iterator<Item = &str> {
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
    }
    let mut topic = words(topic).peekable();
    topic.peek().is_some() && topic.all(|t| words(speaker).any(|n| same_word(n, t)))
}

/// Whether two words are the same in any case, compared without
/// allocating: reports ask this of every opening word of every statement
/// they check, and of every speaker and topic pair.
fn same_word(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b) || a.chars().flat_map(char::to_lowercase).eq(b.chars().flat_map(char::to_lowercase))
}

/// What most statements in a cell take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Majority {
    Support,
    Oppose,
    Neutral,
    /// As many support as oppose statements.
    Mixed,
    /// No confident side; most uncertain statements support.
    LeansSupport,
    /// No confident side; most uncertain statements oppose.
    LeansOppose,
    /// No confident side; as many uncertain statements each way.
    LeansMixed,
}

impl Majority {
    pub fn as_str(self) -> &'static str {
        match self {
            Majority::Support => "support",
            Majority::Oppose => "oppose",
            Majority::Neutral => "neutral",
            Majority::Mixed => "mixed",
            Majority::LeansSupport => "leans support",
            Majority::LeansOppose => "leans oppose",
            Majority::LeansMixed => "leans mixed",
        }
    }

    /// The stance of a cell whose confident statements count `support`,
    /// `oppose` and `neutral`, and its uncertain ones `uncertain_support`
    /// and `uncertain_oppose`.
    fn of_cell(support: usize, oppose: usize, uncertain_support: usize, uncertain_oppose: usize) -> Majority {
        if support + oppose > 0 || uncertain_support + uncertain_oppose == 0 {
            return Majority::of(support, oppose);
        }
        match Majority::of(uncertain_support, uncertain_oppose) {
            Majority::Support => Majority::LeansSupport,
            Majority::Oppose => Majority::LeansOppose,
            Majority::Mixed => Majority::LeansMixed,
            other => other,
        }
    }

    fn of(support: usize, oppose: usize) -> Majority {
        match support.cmp(&oppose) {
            Ordering::Equal if support == 0 => Majority::Neutral,
            Ordering::Equal => Majority::Mixed,
            Ordering::Greater => Majority::Support,
            Ordering::Less => Majority::Oppose,
        }
    }
}

impl std::fmt::Display for Majority {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One speaker on one topic: the stance most statements take, the counts
/// behind it, and the statements themselves.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixCell<'a> {
    pub speaker: &'a str,
    pub topic: &'a str,
    pub majority: Majority,
    /// The speaker's statements on the topic, in the store's order (date).
    pub records: &'a [StanceRecord],
    /// Confident support and oppose statements (at or above the threshold).
    pub support: usize,
    pub oppose: usize,
    pub neutral: usize,
    /// Support and oppose statements below the confidence threshold.
    pub uncertain_support: usize,
    pub uncertain_oppose: usize,
    /// The threshold a support or oppose statement's confidence must reach.
    pub min_confidence: f64,
    /// How many statements are hedged.
    pub hedged: usize,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
}

impl MatrixCell<'_> {
    pub fn statements(&self) -> usize {
        self.support + self.oppose + self.neutral + self.uncertain_support + self.uncertain_oppose
    }

    /// "1 support", "2 oppose", ...: the counts behind the cell, zeros left out.
    pub fn count_phrases(&self) -> impl Iterator<Item = String> {
        [
            (self.support, "support"),
            (self.oppose, "oppose"),
            (self.neutral, "neutral"),
            (self.uncertain_support, "uncertain support"),
            (self.uncertain_oppose, "uncertain oppose"),
        ]
        .into_iter()
        .filter(|(count, _)| *count > 0)
        .map(|(count, stance)| format!("{count} {stance}"))
    }

    /// Whether `record` takes a side with less confidence than the cell asks.
    pub fn is_uncertain(&self, record: &StanceRecord) -> bool {
        record.stance != Stance::Neutral && record.confidence < self.min_confidence
    }

    /// The latest statement (undated ones count as the latest: the store
    /// puts them last).
    pub fn latest(&self) -> &StanceRecord {
        self.records.last().expect("a cell has statements")
    }
}

/// The records of one speaker on one topic: consecutive runs in the store's
/// order (speaker, topic, date).
pub fn by_speaker_and_topic(records: &[StanceRecord]) -> impl Iterator<Item = &[StanceRecord]> {
    records.chunk_by(|a, b| a.speaker_id == b.speaker_id && a.topic_id == b.topic_id)
}

/// One cell per speaker and topic with statements, in the records' order;
/// support and oppose below `min_confidence` count as uncertain.
pub fn stance_matrix(records: &[StanceRecord], min_confidence: f64) -> Vec<MatrixCell<'_>> {
    by_speaker_and_topic(records)
        .map(|group| {
            let count = |stance, confident: bool| {
                group.iter().filter(|r| r.stance == stance && (r.confidence >= min_confidence) == confident).count()
            };
            let (support, oppose) = (count(Stance::Support, true), count(Stance::Oppose, true));
            let (uncertain_support, uncertain_oppose) = (count(Stance::Support, false), count(Stance::Oppose, false));
            let neutral = group.iter().filter(|r| r.stance == Stance::Neutral).count();
            let dates = group.iter().filter_map(|r| r.date);
            MatrixCell {
                speaker: &group[0].speaker,
                topic: &group[0].topic,
                majority: Majority::of_cell(support, oppose, uncertain_support, uncertain_oppose),
                records: group,
                support,
                oppose,
                neutral,
                uncertain_support,
                uncertain_oppose,
                min_confidence,
                hedged: group.iter().filter(|r| r.hedged).count(),
                first_date: dates.clone().min(),
                last_date: dates.max(),
            }
        })
        .collect()
}

/// The more confident statement, the later one when equally confident.
fn stronger(a: Position, b: Position) -> Position {
    let key = |p: &Position| (p.confidence, p.day, p.id);
    if key(&b).partial_cmp(&key(&a)) == Some(Ordering::Greater) {
        b
    } else {
        a
    }
}

/// What most of `positions` take and their strongest statement; None on a tie.
fn majority_side(positions: &[Position]) -> Option<(Stance, usize, Position)> {
    let support = positions.iter().filter(|p| p.stance == Stance::Support).count();
    let oppose = positions.len() - support;
    let (stance, statements) = match support.cmp(&oppose) {
        Ordering::Greater => (Stance::Support, support),
        Ordering::Less => (Stance::Oppose, oppose),
        Ordering::Equal => return None,
    };
    let strongest = positions.iter().copied().filter(|p| p.stance == stance).reduce(stronger)?;
    Some((stance, statements, strongest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    use Stance::{Neutral, Oppose, Support};

    pub(super) fn record(id: i64, speaker_id: i64, topic_id: i64, stance: Stance, day: u32) -> StanceRecord {
        StanceRecord {
            id,
            speaker_id,
            speaker: format!("speaker {speaker_id}"),
            topic_id,
            topic: format!("topic {topic_id}"),
            stance,
            hedged: false,
            confidence: 0.9,
            date: NaiveDate::from_ymd_opt(2025, 8, day),
            cue: "said".into(),
            content: format!("statement {id}"),
            kind: Kind::Indirect,
            title: None,
            doc: None,
        }
    }

    /// A confident statement of speaker `speaker` on topic 1 on day `day`.
    pub(super) fn said(id: i64, speaker: i64, stance: Stance, day: i64) -> Position {
        Position { id, speaker_id: speaker, topic_id: 1, stance, confidence: 0.9, day: Some(day), document_id: Some(day) }
    }

    pub(super) fn on_topic(topic: i64, position: Position) -> Position {
        Position { topic_id: topic, ..position }
    }


    #[test]
    fn a_cell_takes_the_stance_most_statements_take_with_counts_and_dates() {
        let records = vec![
            record(1, 1, 1, Support, 1),
            record(2, 1, 1, Support, 3),
            record(3, 1, 1, Oppose, 9),
            record(4, 1, 1, Neutral, 9),
        ];
        let cells = stance_matrix(&records, 0.8);
        assert_eq!(cells.len(), 1);
        let cell = &cells[0];
        assert_eq!((cell.majority, cell.support, cell.oppose, cell.neutral, cell.latest().id), (Majority::Support, 2, 1, 1, 4));
        assert_eq!((cell.first_date, cell.last_date), (NaiveDate::from_ymd_opt(2025, 8, 1), NaiveDate::from_ymd_opt(2025, 8, 9)));
    }

    #[test]
    fn majority_ties_are_mixed_and_neutral_statements_outvote_no_side() {
        let majority = |support, oppose, neutral| {
            let records: Vec<StanceRecord> = [(Support, support), (Oppose, oppose), (Neutral, neutral)]
                .into_iter()
                .flat_map(|(stance, n)| std::iter::repeat_n(stance, n))
                .enumerate()
                .map(|(i, stance)| record(i as i64, 1, 1, stance, 1))
                .collect();
            stance_matrix(&records, 0.8)[0].majority
        };
        assert_eq!(majority(2, 2, 0), Majority::Mixed);
        assert_eq!(majority(2, 2, 3), Majority::Mixed);
        assert_eq!(majority(1, 0, 1), Majority::Support);
        assert_eq!(majority(0, 1, 5), Majority::Oppose, "one attack outweighs any number of mentions");
        assert_eq!(majority(0, 0, 2), Majority::Neutral);
    }

    #[test]
    fn a_tally_counts_a_statement_once_per_speaker_and_once_per_topic() {
        let mut tally = Tally::default();
        for p in [said(1, 7, Support, 1), on_topic(2, said(1, 7, Support, 1)), said(2, 8, Oppose, 2), said(3, 8, Neutral, 3)] {
            tally.count(p.id, p.speaker_id, p.topic_id);
        }
        assert_eq!((tally.statements, tally.speaker_count(), tally.topic_count()), (3, 2, 2));
        assert_eq!(tally.speakers(), vec![(7, 1), (8, 2)].into_iter().rev().collect::<Vec<_>>());
        assert_eq!(tally.topics_of(&[7], |_, _| true), vec![(1, 1), (2, 1)]);
        assert_eq!(tally.topics_of(&[8], |_, _| true), vec![(1, 2)]);
        assert_eq!(tally.speakers_on(&[2]), [7].into_iter().collect());
        assert_eq!(tally.speakers_on(&[1]), [7, 8].into_iter().collect());
        assert!(tally.speakers_on(&[3]).is_empty());
    }

    #[test]
    fn a_topic_that_names_the_speaker_is_about_oneself() {
        assert!(about_oneself("Donald Trump", "Trump"));
        assert!(about_oneself("Donald J. Trump", "donald trump"));
        assert!(!about_oneself("Donald Trump", "Trump University"));
        assert!(!about_oneself("Ted Cruz", "Trump"));
        assert!(!about_oneself("Ted Cruz", ""));
    }

    #[test]
    fn the_data_lists_hold_lowercase_names_without_comments() {
        let speakers = unresolved_speaker_names();
        assert!(speakers.contains(&"they".to_string()) && !speakers.iter().any(|n| n.starts_with('#')));
        assert!(generic_topic_names().contains(&"percent".to_string()));
    }

    #[test]
    fn uncertain_stances_count_apart_and_only_lean_a_cell_without_a_confident_side() {
        let doubtful = |id, stance| StanceRecord { confidence: 0.6, ..record(id, 1, 1, stance, id as u32) };
        let records = vec![doubtful(1, Support), doubtful(2, Support), record(3, 1, 1, Oppose, 3)];
        let cell = &stance_matrix(&records, 0.8)[0];
        assert_eq!((cell.majority, cell.support, cell.oppose, cell.uncertain_support), (Majority::Oppose, 0, 1, 2));
        assert!(cell.is_uncertain(&records[0]) && !cell.is_uncertain(&records[2]));
        let leaning = vec![doubtful(1, Support), doubtful(2, Support), doubtful(3, Oppose)];
        assert_eq!(stance_matrix(&leaning, 0.8)[0].majority, Majority::LeansSupport);
        assert_eq!(stance_matrix(&leaning, 0.5)[0].majority, Majority::Support);
        let with_neutral = vec![doubtful(1, Oppose), record(2, 1, 1, Neutral, 2), record(3, 1, 1, Neutral, 3)];
        assert_eq!(stance_matrix(&with_neutral, 0.8)[0].majority, Majority::LeansOppose);
        let torn = vec![doubtful(1, Oppose), doubtful(2, Support)];
        assert_eq!(stance_matrix(&torn, 0.8)[0].majority, Majority::LeansMixed);
    }

}
