//! Who stands where on what, over time: the stance matrix, shifts and
//! disagreements. Plain data in, plain data out: nothing here reads the
//! database or prints.
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
//! - Shifts and disagreements count only confident statements (a stance
//!   confidence at or above a threshold) that support or oppose, and only
//!   those a journalist could quote as evidence: with a source, and, on a
//!   topic extraction proposed, opening on the topic itself (`aim_of`:
//!   "the media for letting Clinton off" is about the media, "Obama's
//!   trade pact" about the pact, "endorsed him" about no one named). A
//!   statement repeated word for word by a later article counts once, on
//!   its first day. An ambiguous speaker (a surname several people bear)
//!   takes no part in any report.
//! - A shift's statements must also speak of their own time (no earlier
//!   year, no "ago", "used to", "during the primaries":
//!   data/past_markers.txt), and where one speaker's statements give a
//!   surname topic two first names (Bill and Hillary Clinton) only the
//!   bearer named most is kept.
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
use std::cmp::{Ordering, Reverse};
use rustc_hash::FxHashMap;
use std::collections::{BinaryHeap, HashMap};

/// The lines of a data list, comments and blanks left out.
fn list(text: &'static str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(String::from).collect()
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
    pub fn add(&mut self, position: &Position) {
        if self.last_statement != Some(position.id) {
            self.last_statement = Some(position.id);
            self.statements += 1;
            *self.speakers.entry(position.speaker_id).or_default() += 1;
        }
        *self.topics.entry(position.topic_id).or_default() += 1;
        *self.pairs.entry((position.speaker_id, position.topic_id)).or_default() += 1;
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
    /// each, most first.
    pub fn topics_of(&self, speakers: &[i64]) -> Vec<(i64, u64)> {
        let chosen: std::collections::HashSet<i64> = speakers.iter().copied().collect();
        let mut counts: FxHashMap<i64, u64> = FxHashMap::default();
        for (&(speaker, topic), &n) in &self.pairs {
            if chosen.contains(&speaker) {
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
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    let name = words(speaker);
    let topic = words(topic);
    !topic.is_empty() && topic.iter().all(|w| name.contains(w))
}

/// The words of `text` in order, as written, without the punctuation
/// around them; apostrophes inside a word ("Obama's") are kept.
fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '/'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

fn shift_openers() -> &'static [String] {
    static OPENERS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    OPENERS.get_or_init(|| list(include_str!("../data/shift_openers.txt")).iter().map(|w| w.to_lowercase()).collect())
}

/// How a statement names the topic it takes its side on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aim {
    /// The first name written before the topic ("Bill" in "Bill Clinton").
    pub first_name: Option<String>,
    /// The statement's words, hashed without case or punctuation: the same
    /// statement reported again by a later article hashes the same.
    pub wording: u64,
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

fn first_names() -> &'static std::collections::HashSet<String> {
    static NAMES: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        list(include_str!("../data/first_names.tsv")).iter().filter_map(|l| l.split('\t').next()).map(str::to_lowercase).collect()
    })
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
/// on the topic (after an article, capitalised titles or first names, or
/// an infinitive: "to back Clinton") and the topic is not the owner of
/// something else ("Obama's trade pact" is about the pact). A statement
/// that mentions its topic further in ("the media for letting Clinton
/// ...") is about something else, and one that names no topic at all
/// ("endorsed him") leaves the reader to guess: neither is evidence of a
/// change of position. None when it does not. Reads only the words up to
/// the topic, so a long statement costs no more than a short one.
pub fn aim_of(content: &str, topic: &str) -> Option<Aim> {
    let wanted: Vec<&str> = words_of(topic).collect();
    let first = *wanted.first()?;
    // A person topic ("Hillary Clinton") is named by its surname alone as
    // often as in full, but not when another first name comes before it.
    let person = wanted.len() > 1 && wanted.iter().all(|w| capitalised(w)) && first_names().contains(&first.to_lowercase());
    let surname = wanted.last().filter(|_| person);
    let words: Vec<&str> = words_of(content).take(LEAD_WORDS + wanted.len()).collect();
    let mut lead_start = 0;
    for (i, &word) in words.iter().enumerate() {
        let (bare, owned) = owner(word);
        if bare.eq_ignore_ascii_case(first) || bare.to_lowercase() == first.to_lowercase() {
            let rest = &words[i..];
            let matches = rest.len() >= wanted.len()
                && rest.iter().zip(&wanted).enumerate().all(|(k, (w, t))| {
                    let (bare, owned) = owner(w);
                    bare.to_lowercase() == t.to_lowercase() && !(owned && k + 1 == wanted.len())
                });
            if matches {
                let lead = &words[lead_start..i];
                let first_name = lead.last().filter(|w| capitalised(w) && first_names().contains(&w.to_lowercase()));
                return Some(Aim { first_name: first_name.map(|w| w.to_string()), wording: wording(content) });
            }
            if wanted.len() == 1 && owned {
                return None;
            }
        }
        if surname.is_some_and(|surname| bare.to_lowercase() == surname.to_lowercase()) {
            let other_bearer = words[lead_start..i].last().is_some_and(|w| capitalised(w) && first_names().contains(&w.to_lowercase()));
            return (!owned && !other_bearer).then(|| Aim { first_name: None, wording: wording(content) });
        }
        let infinitive = i == 0 && word.eq_ignore_ascii_case("to") && words.get(1).is_some_and(|w| !capitalised(w));
        if infinitive {
            lead_start = 2;
            continue;
        }
        if i == 1 && lead_start == 2 {
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

fn past_markers() -> &'static [Vec<String>] {
    static MARKERS: std::sync::OnceLock<Vec<Vec<String>>> = std::sync::OnceLock::new();
    MARKERS.get_or_init(|| {
        list(include_str!("../data/past_markers.txt"))
            .iter()
            .map(|m| m.split_whitespace().map(str::to_lowercase).collect())
            .collect()
    })
}

/// Whether `content` recounts an earlier time than the year it was stated
/// in: it names a year before it ("supported Obama in 2008") or says so
/// ("two years ago", "during the primaries": data/past_markers.txt). Such
/// a statement dated on the article's day would make an old position look
/// new.
pub fn recounts_the_past(content: &str, stated_in: Option<i32>) -> bool {
    let words: Vec<&str> = words_of(content).collect();
    let marked = |i: usize| {
        past_markers().iter().any(|m| {
            words.len() >= i + m.len() && words[i..i + m.len()].iter().zip(m).all(|(w, p)| w.eq_ignore_ascii_case(p))
        })
    };
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
    /// Whether it has a source (a document, or a title or path given by hand).
    pub sourced: bool,
    /// Whether extraction proposed the topic (a noun phrase of some
    /// statement), rather than a person defining it with keywords.
    pub proposed_topic: bool,
}

/// How a statement names its topic when it can stand on one side of a
/// shift: it has a source, speaks of its own time, and, on a topic
/// extraction proposed, takes its side on that topic itself (`aim_of`). A
/// topic a person defined with keywords says itself what is about it.
/// None when it cannot.
pub fn shift_aim(said: &Said) -> Option<Aim> {
    let aim = disagreement_aim(said)?;
    (!recounts_the_past(said.content, said.year)).then_some(aim)
}

/// How a statement names its topic when it can stand for its speaker's
/// side in a disagreement: as for a shift (`shift_aim`), but a statement
/// about an earlier time still shows where its speaker stood.
pub fn disagreement_aim(said: &Said) -> Option<Aim> {
    if !said.sourced {
        None
    } else if said.proposed_topic {
        aim_of(said.content, said.topic)
    } else {
        Some(Aim { first_name: None, wording: wording(said.content) })
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

/// A speaker's change of position on a topic: the strongest statement of
/// the last day before and of the first day after, and how many confident
/// statements stand on each side (the days in a row that took each).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shift {
    pub from: Position,
    pub to: Position,
    pub before: usize,
    pub after: usize,
}

impl Shift {
    /// Larger is stronger: the smaller side, then both sides.
    fn evidence(&self) -> (usize, usize) {
        (self.before.min(self.after), self.before + self.after)
    }
}

/// One day's position of a speaker on a topic.
struct Day {
    stance: Stance,
    statements: usize,
    strongest: Position,
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

/// Every shift in `positions` (confident support and oppose statements)
/// with at least `min_statements` statements on one of its sides,
/// strongest evidence first, then the latest.
pub fn shifts(mut positions: Vec<Position>, min_statements: usize) -> Vec<Shift> {
    positions.retain(|p| p.day.is_some());
    positions.sort_unstable_by_key(|p| (p.speaker_id, p.topic_id, p.day, p.id));
    let mut found = Vec::new();
    for group in positions.chunk_by(|a, b| a.speaker_id == b.speaker_id && a.topic_id == b.topic_id) {
        let days: Vec<Day> = group
            .chunk_by(|a, b| a.day == b.day)
            .filter_map(majority_side)
            .map(|(stance, statements, strongest)| Day { stance, statements, strongest })
            .collect();
        let runs: Vec<&[Day]> = days.chunk_by(|a, b| a.stance == b.stance).collect();
        for pair in runs.windows(2) {
            let (earlier, later) = (pair[0], pair[1]);
            let shift = Shift {
                from: earlier.last().expect("a run is never empty").strongest,
                to: later[0].strongest,
                before: earlier.iter().map(|d| d.statements).sum(),
                after: later.iter().map(|d| d.statements).sum(),
            };
            if shift.before.max(shift.after) >= min_statements {
                found.push(shift);
            }
        }
    }
    found.sort_by(|a, b| {
        b.evidence().cmp(&a.evidence()).then(b.to.day.cmp(&a.to.day)).then(a.to.id.cmp(&b.to.id))
    });
    found
}

/// The dated `positions` that could make a shift: of a speaker who took
/// both sides of a topic, not all on one and the same day.
pub fn could_shift(mut positions: Vec<Position>) -> Vec<Position> {
    positions.retain(|p| p.day.is_some());
    let mut days: FxHashMap<(i64, i64), [Option<(i64, i64)>; 2]> = FxHashMap::default();
    for p in &positions {
        let side = &mut days.entry((p.speaker_id, p.topic_id)).or_default()[usize::from(p.stance == Stance::Support)];
        let day = p.day.expect("dated");
        *side = Some(side.map_or((day, day), |(first, last)| (first.min(day), last.max(day))));
    }
    positions.retain(|p| match days[&(p.speaker_id, p.topic_id)] {
        [Some(a), Some(b)] => a.0 < b.1 || b.0 < a.1,
        _ => false,
    });
    positions
}

/// The `positions` on topics that someone supports and someone opposes.
pub fn on_contested_topics(mut positions: Vec<Position>) -> Vec<Position> {
    let mut taken: FxHashMap<i64, [bool; 2]> = FxHashMap::default();
    for p in &positions {
        taken.entry(p.topic_id).or_default()[usize::from(p.stance == Stance::Support)] = true;
    }
    positions.retain(|p| taken[&p.topic_id] == [true, true]);
    positions
}

/// One speaker's side on one topic.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Side {
    pub stance: Stance,
    /// Confident statements that take this side.
    pub statements: usize,
    pub strongest: Position,
}

/// Each speaker's side on each topic they took one on (confident support
/// and oppose statements), by topic.
pub fn sides(mut positions: Vec<Position>) -> Vec<Side> {
    positions.sort_unstable_by_key(|p| (p.topic_id, p.speaker_id, p.day.is_none(), p.day, p.id));
    positions
        .chunk_by(|a, b| a.topic_id == b.topic_id && a.speaker_id == b.speaker_id)
        .map(|group| {
            majority_side(group).map(|(stance, statements, strongest)| Side { stance, statements, strongest }).unwrap_or_else(
                || {
                    // A tie: the side of the latest statement (undated last).
                    let stance = group.last().expect("a group is never empty").stance;
                    let taken = group.iter().copied().filter(|p| p.stance == stance);
                    Side { stance, statements: taken.clone().count(), strongest: taken.reduce(stronger).expect("taken") }
                },
            )
        })
        .collect()
}

/// A supporter and an opponent of one topic.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Disagreement {
    pub supporter: Side,
    pub opponent: Side,
}

/// The disagreements among `sides`, produced in rank order one at a time.
pub fn disagreements(sides: Vec<Side>) -> Disagreements {
    let mut topics: Vec<Camps> =
        group_camps(sides).into_values().filter(|c| !c.supporters.is_empty() && !c.opponents.is_empty()).collect();
    // Popped from the end: the most contested last.
    topics.sort_by_key(|c| (c.weight(), Reverse(c.topic_id)));
    Disagreements { topics, current: None }
}

fn group_camps(sides: Vec<Side>) -> HashMap<i64, Camps> {
    let mut camps: HashMap<i64, Camps> = HashMap::new();
    for side in sides {
        let topic_id = side.strongest.topic_id;
        let camp = camps.entry(topic_id).or_insert_with(|| Camps { topic_id, supporters: Vec::new(), opponents: Vec::new() });
        match side.stance {
            Stance::Support => camp.supporters.push(side),
            _ => camp.opponents.push(side),
        }
    }
    camps
}

/// The supporters and opponents of one topic.
pub struct Camps {
    topic_id: i64,
    supporters: Vec<Side>,
    opponents: Vec<Side>,
}

impl Camps {
    /// How contested the topic is: the smaller camp's statements.
    fn weight(&self) -> usize {
        let total = |camp: &[Side]| camp.iter().map(|s| s.statements).sum::<usize>();
        total(&self.supporters).min(total(&self.opponents))
    }
}

/// Pairs of one topic in descending order of both sides' statements: each
/// supporter (most statements first) walks down the opponents, and a heap
/// holding one next pair per supporter picks the largest sum.
struct TopicPairs {
    camps: Camps,
    heap: BinaryHeap<(usize, Reverse<usize>, Reverse<usize>)>,
}

impl TopicPairs {
    fn new(mut camps: Camps) -> TopicPairs {
        let order = |a: &Side, b: &Side| {
            b.statements
                .cmp(&a.statements)
                .then(b.strongest.confidence.total_cmp(&a.strongest.confidence))
                .then(a.strongest.speaker_id.cmp(&b.strongest.speaker_id))
        };
        camps.supporters.sort_by(order);
        camps.opponents.sort_by(order);
        let first = camps.opponents[0].statements;
        let heap = camps.supporters.iter().enumerate().map(|(i, s)| (s.statements + first, Reverse(i), Reverse(0))).collect();
        TopicPairs { camps, heap }
    }

    fn next(&mut self) -> Option<Disagreement> {
        let (_, Reverse(i), Reverse(j)) = self.heap.pop()?;
        let supporter = self.camps.supporters[i];
        if let Some(next) = self.camps.opponents.get(j + 1) {
            self.heap.push((supporter.statements + next.statements, Reverse(i), Reverse(j + 1)));
        }
        Some(Disagreement { supporter, opponent: self.camps.opponents[j] })
    }
}

/// The disagreements of every topic, most contested topic first.
pub struct Disagreements {
    /// Topics still to walk, the next one last.
    topics: Vec<Camps>,
    current: Option<TopicPairs>,
}

impl Iterator for Disagreements {
    type Item = Disagreement;

    fn next(&mut self) -> Option<Disagreement> {
        loop {
            if let Some(found) = self.current.as_mut().and_then(TopicPairs::next) {
                return Some(found);
            }
            self.current = Some(TopicPairs::new(self.topics.pop()?));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    use Stance::{Neutral, Oppose, Support};

    fn record(id: i64, speaker_id: i64, topic_id: i64, stance: Stance, day: u32) -> StanceRecord {
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
    fn said(id: i64, speaker: i64, stance: Stance, day: i64) -> Position {
        Position { id, speaker_id: speaker, topic_id: 1, stance, confidence: 0.9, day: Some(day), document_id: Some(day) }
    }

    fn on_topic(topic: i64, position: Position) -> Position {
        Position { topic_id: topic, ..position }
    }

    fn shift_ids(found: &[Shift]) -> Vec<(i64, i64, usize, usize)> {
        found.iter().map(|s| (s.from.id, s.to.id, s.before, s.after)).collect()
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
    fn a_change_from_one_day_to_a_later_one_is_a_shift_with_its_evidence() {
        let found = shifts(vec![said(1, 7, Support, 1), said(2, 7, Support, 2), said(3, 7, Oppose, 5)], 1);
        assert_eq!(shift_ids(&found), vec![(2, 3, 2, 1)]);
    }

    #[test]
    fn opposite_statements_on_one_day_are_no_shift() {
        assert!(shifts(vec![said(1, 7, Support, 1), said(2, 7, Oppose, 1)], 1).is_empty());
        // A tied day takes no side; the days around it still count.
        let found = shifts(vec![said(1, 7, Support, 1), said(2, 7, Support, 2), said(3, 7, Oppose, 2), said(4, 7, Oppose, 3)], 1);
        assert_eq!(shift_ids(&found), vec![(1, 4, 1, 1)]);
    }

    #[test]
    fn the_majority_of_a_day_decides_its_side() {
        let found = shifts(vec![said(1, 7, Oppose, 1), said(2, 7, Support, 4), said(3, 7, Support, 4), said(4, 7, Oppose, 4)], 1);
        assert_eq!(shift_ids(&found), vec![(1, 3, 1, 2)]);
    }

    #[test]
    fn undated_statements_take_no_part_in_shifts() {
        let undated = Position { day: None, ..said(2, 7, Oppose, 0) };
        assert!(shifts(vec![said(1, 7, Support, 1), undated], 1).is_empty());
    }

    #[test]
    fn each_change_back_and_forth_is_a_shift() {
        let found = shifts(vec![said(1, 7, Oppose, 1), said(2, 7, Support, 2), said(3, 7, Support, 3), said(4, 7, Oppose, 4)], 1);
        let mut pairs: Vec<(i64, i64)> = found.iter().map(|s| (s.from.id, s.to.id)).collect();
        pairs.sort();
        assert_eq!(pairs, vec![(1, 2), (3, 4)]);
    }

    #[test]
    fn different_speakers_or_topics_never_make_a_shift() {
        let found = shifts(vec![said(1, 7, Support, 1), on_topic(2, said(2, 7, Oppose, 2)), said(3, 8, Oppose, 3)], 1);
        assert!(found.is_empty());
    }

    #[test]
    fn shifts_with_more_evidence_on_both_sides_come_first() {
        let found = shifts(vec![
            // Speaker 7: one statement, then one against.
            said(1, 7, Support, 1),
            said(2, 7, Oppose, 9),
            // Speaker 8: three, then two against.
            said(3, 8, Support, 1),
            said(4, 8, Support, 2),
            said(5, 8, Support, 3),
            said(6, 8, Oppose, 4),
            said(7, 8, Oppose, 5),
        ], 1);
        assert_eq!(shift_ids(&found), vec![(5, 6, 3, 2), (1, 2, 1, 1)]);
    }

    #[test]
    fn a_shift_needs_the_least_statements_on_one_of_its_sides() {
        // Two against, then one for, then one against again.
        let positions = vec![said(1, 7, Oppose, 1), said(2, 7, Oppose, 2), said(3, 7, Support, 3), said(4, 7, Oppose, 4)];
        assert_eq!(shift_ids(&shifts(positions.clone(), 2)), vec![(2, 3, 2, 1)]);
        assert_eq!(shift_ids(&shifts(positions.clone(), 1)).len(), 2);
        assert!(shifts(positions, 3).is_empty());
    }

    #[test]
    fn a_side_is_what_most_statements_take_shown_by_the_most_confident() {
        let doubtful = Position { confidence: 0.85, ..said(2, 7, Support, 2) };
        let found = sides(vec![said(1, 7, Support, 1), doubtful, said(3, 7, Oppose, 3)]);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].stance, found[0].statements, found[0].strongest.id), (Support, 2, 1));
        let tied = sides(vec![said(1, 7, Support, 1), said(2, 7, Oppose, 2)]);
        assert_eq!((tied[0].stance, tied[0].strongest.id), (Oppose, 2), "a tie goes to the latest");
    }

    #[test]
    fn disagreements_are_one_row_per_supporter_and_opponent_most_evidence_first() {
        let found: Vec<(i64, i64)> = disagreements(sides(vec![
            said(1, 1, Support, 1),
            said(2, 2, Support, 1),
            said(3, 2, Support, 2),
            said(4, 3, Oppose, 1),
            said(5, 3, Oppose, 2),
            said(6, 3, Oppose, 3),
            said(7, 4, Oppose, 1),
            // A topic with supporters only is no disagreement.
            on_topic(2, said(8, 5, Support, 1)),
        ]))
        .map(|d| (d.supporter.strongest.speaker_id, d.opponent.strongest.speaker_id))
        .collect();
        assert_eq!(found, vec![(2, 3), (1, 3), (2, 4), (1, 4)]);
    }

    #[test]
    fn the_most_contested_topic_comes_first() {
        let found: Vec<i64> = disagreements(sides(vec![
            said(1, 1, Support, 1),
            said(2, 2, Oppose, 1),
            on_topic(2, said(3, 1, Support, 1)),
            on_topic(2, said(4, 1, Support, 2)),
            on_topic(2, said(5, 2, Oppose, 1)),
            on_topic(2, said(6, 2, Oppose, 2)),
        ]))
        .map(|d| d.supporter.strongest.topic_id)
        .collect();
        assert_eq!(found, vec![2, 1]);
    }

    #[test]
    fn a_tally_counts_a_statement_once_per_speaker_and_once_per_topic() {
        let mut tally = Tally::default();
        for p in [said(1, 7, Support, 1), on_topic(2, said(1, 7, Support, 1)), said(2, 8, Oppose, 2), said(3, 8, Neutral, 3)] {
            tally.add(&p);
        }
        assert_eq!((tally.statements, tally.speaker_count(), tally.topic_count()), (3, 2, 2));
        assert_eq!(tally.speakers(), vec![(7, 1), (8, 2)].into_iter().rev().collect::<Vec<_>>());
        assert_eq!(tally.topics_of(&[7]), vec![(1, 1), (2, 1)]);
        assert_eq!(tally.topics_of(&[8]), vec![(1, 2)]);
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
        let named = |id, name: Option<&str>| (said(id, 7, Support, id), Aim { first_name: name.map(String::from), wording: id as u64 });
        let ids = |kept: Vec<Position>| kept.iter().map(|p| p.id).collect::<Vec<_>>();
        assert_eq!(ids(one_bearer(vec![named(1, Some("Bill")), named(2, None), named(3, Some("Hillary")), named(4, Some("Hillary"))])), vec![3, 4]);
        assert_eq!(ids(one_bearer(vec![named(1, Some("Bill")), named(2, Some("Hillary"))])), Vec::<i64>::new());
        assert_eq!(ids(one_bearer(vec![named(1, Some("Hillary")), named(2, None)])), vec![1, 2]);
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

    #[test]
    fn a_statement_repeated_word_for_word_later_counts_once_on_its_first_day() {
        let aim = |content: &str| Aim { first_name: None, wording: wording(content) };
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

    #[test]
    fn only_both_sides_on_different_days_could_make_a_shift() {
        let ids = |kept: Vec<Position>| kept.iter().map(|p| p.id).collect::<Vec<_>>();
        assert_eq!(ids(could_shift(vec![said(1, 7, Support, 1), said(2, 7, Oppose, 2), said(3, 8, Support, 1)])), vec![1, 2]);
        assert!(could_shift(vec![said(1, 7, Support, 1), said(2, 7, Oppose, 1)]).is_empty());
        let undated = Position { day: None, ..said(2, 7, Oppose, 0) };
        assert!(could_shift(vec![said(1, 7, Support, 1), undated]).is_empty());
    }

    #[test]
    fn a_contested_topic_has_a_supporter_and_an_opponent() {
        let ids = |kept: Vec<Position>| kept.iter().map(|p| p.id).collect::<Vec<_>>();
        let found = on_contested_topics(vec![said(1, 7, Support, 1), said(2, 8, Oppose, 1), on_topic(2, said(3, 7, Support, 1))]);
        assert_eq!(ids(found), vec![1, 2]);
    }
}
