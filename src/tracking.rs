//! Who stands where on what, over time: the stance matrix, shifts and
//! disagreements, computed from `StanceRecord`s in the order the store gives
//! them (by speaker, topic, then date and place in the text). Plain data in,
//! plain data out: nothing here reads the database or prints.
//!
//! Decisions a reader of a report should know:
//! - A cell's stance is the stance of the speaker's latest statement on the
//!   topic (neutral included): what they said last.
//! - A shift is a change between support and oppose. Neutral statements in
//!   between do not break the chain: support, neutral, oppose is one shift
//!   (from the support to the oppose statement); support, neutral, support is
//!   none. A hedged stance counts as that stance.
//! - A disagreement is two speakers whose current positions on one topic
//!   (each one's latest support or oppose statement; neutral ones are
//!   passed over) are opposite. Pairs are listed supporter first.
//! - Undated statements come after dated ones (the store's order), so an
//!   undated statement counts as the latest.

use crate::model::Stance;
use crate::model::StanceRecord;
use chrono::NaiveDate;
use std::collections::HashMap;

/// One speaker on one topic: the latest stance and what is behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixCell<'a> {
    pub speaker: &'a str,
    pub topic: &'a str,
    /// The latest statement.
    pub latest: &'a StanceRecord,
    pub support: usize,
    pub oppose: usize,
    pub neutral: usize,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
}

impl MatrixCell<'_> {
    pub fn statements(&self) -> usize {
        self.support + self.oppose + self.neutral
    }
}

/// A speaker's change of position on a topic between two statements.
#[derive(Debug, Clone, PartialEq)]
pub struct Shift<'a> {
    pub from: &'a StanceRecord,
    pub to: &'a StanceRecord,
}

/// Two speakers whose current positions on one topic are opposite.
#[derive(Debug, Clone, PartialEq)]
pub struct Disagreement<'a> {
    pub supporter: &'a StanceRecord,
    pub opponent: &'a StanceRecord,
}

/// The records of one speaker on one topic: consecutive runs in the store's order.
pub fn by_speaker_and_topic(records: &[StanceRecord]) -> impl Iterator<Item = &[StanceRecord]> {
    records.chunk_by(|a, b| a.speaker == b.speaker && a.topic == b.topic)
}

/// One cell per speaker and topic with statements, in the records' order.
pub fn stance_matrix(records: &[StanceRecord]) -> Vec<MatrixCell<'_>> {
    by_speaker_and_topic(records)
        .map(|group| {
            let latest = group.last().expect("a group is never empty");
            let count = |stance| group.iter().filter(|r| r.stance == stance).count();
            let dates = group.iter().filter_map(|r| r.date);
            MatrixCell {
                speaker: &latest.speaker,
                topic: &latest.topic,
                latest,
                support: count(Stance::Support),
                oppose: count(Stance::Oppose),
                neutral: count(Stance::Neutral),
                first_date: dates.clone().min(),
                last_date: dates.max(),
            }
        })
        .collect()
}

/// The cells by speaker and topic, for building a matrix.
pub fn cell_index<'c, 'a>(cells: &'c [MatrixCell<'a>]) -> HashMap<(&'a str, &'a str), &'c MatrixCell<'a>> {
    cells.iter().map(|c| ((c.speaker, c.topic), c)).collect()
}

/// Every support <-> oppose change, by speaker, topic and date.
pub fn shifts(records: &[StanceRecord]) -> Vec<Shift<'_>> {
    let mut found = Vec::new();
    for group in by_speaker_and_topic(records) {
        let mut position: Option<&StanceRecord> = None;
        for record in group.iter().filter(|r| r.stance != Stance::Neutral) {
            if let Some(before) = position.filter(|p| p.stance != record.stance) {
                found.push(Shift { from: before, to: record });
            }
            position = Some(record);
        }
    }
    found
}

/// Every pair of speakers with opposite current positions on a topic, by
/// topic, then supporter, then opponent; at most `limit` pairs (a topic
/// many speakers argue over has very many pairs).
pub fn disagreements(records: &[StanceRecord], limit: Option<usize>) -> Vec<Disagreement<'_>> {
    let limit = limit.unwrap_or(usize::MAX);
    let mut positions: Vec<&StanceRecord> = by_speaker_and_topic(records)
        .filter_map(|group| group.iter().rev().find(|r| r.stance != Stance::Neutral))
        .collect();
    positions.sort_by(|a, b| {
        a.topic.to_lowercase().cmp(&b.topic.to_lowercase()).then_with(|| a.speaker.to_lowercase().cmp(&b.speaker.to_lowercase()))
    });
    let mut found = Vec::new();
    for topic in positions.chunk_by(|a, b| a.topic == b.topic) {
        for supporter in topic.iter().filter(|r| r.stance == Stance::Support) {
            for opponent in topic.iter().filter(|r| r.stance == Stance::Oppose) {
                if found.len() == limit {
                    return found;
                }
                found.push(Disagreement { supporter, opponent });
            }
        }
    }
    found
}

/// The distinct topics of the records, sorted as the store sorts them.
pub fn topics(records: &[StanceRecord]) -> Vec<&str> {
    let mut names: Vec<&str> = records.iter().map(|r| r.topic.as_str()).collect();
    names.sort_by_key(|n| n.to_lowercase());
    names.dedup();
    names
}

/// The distinct speakers of the records, in the records' order.
pub fn speakers(records: &[StanceRecord]) -> Vec<&str> {
    let mut names: Vec<&str> = records.iter().map(|r| r.speaker.as_str()).collect();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    fn record(id: i64, speaker: &str, topic: &str, stance: Stance, day: u32) -> StanceRecord {
        StanceRecord {
            id,
            speaker: speaker.into(),
            topic: topic.into(),
            stance,
            hedged: false,
            date: NaiveDate::from_ymd_opt(2025, 8, day),
            cue: "said".into(),
            content: format!("statement {id}"),
            kind: Kind::Indirect,
            title: None,
            doc: None,
        }
    }

    use Stance::{Neutral, Oppose, Support};

    #[test]
    fn a_cell_shows_the_latest_stance_with_counts_and_dates() {
        let records = vec![
            record(1, "Ann", "tax", Support, 1),
            record(2, "Ann", "tax", Neutral, 3),
            record(3, "Ann", "tax", Oppose, 9),
        ];
        let cells = stance_matrix(&records);
        assert_eq!(cells.len(), 1);
        let cell = &cells[0];
        assert_eq!((cell.latest.id, cell.support, cell.oppose, cell.neutral), (3, 1, 1, 1));
        assert_eq!((cell.first_date, cell.last_date), (NaiveDate::from_ymd_opt(2025, 8, 1), NaiveDate::from_ymd_opt(2025, 8, 9)));
    }

    #[test]
    fn neutral_in_between_does_not_break_a_shift() {
        let records = vec![
            record(1, "Ann", "tax", Support, 1),
            record(2, "Ann", "tax", Neutral, 2),
            record(3, "Ann", "tax", Oppose, 3),
        ];
        let found = shifts(&records);
        assert_eq!(found.iter().map(|s| (s.from.id, s.to.id)).collect::<Vec<_>>(), vec![(1, 3)]);
    }

    #[test]
    fn returning_to_the_same_stance_is_no_shift() {
        let records = vec![
            record(1, "Ann", "tax", Support, 1),
            record(2, "Ann", "tax", Neutral, 2),
            record(3, "Ann", "tax", Support, 3),
        ];
        assert!(shifts(&records).is_empty());
    }

    #[test]
    fn each_change_back_and_forth_is_a_shift() {
        let records = vec![
            record(1, "Ann", "tax", Oppose, 1),
            record(2, "Ann", "tax", Support, 2),
            record(3, "Ann", "tax", Support, 3),
            record(4, "Ann", "tax", Oppose, 4),
        ];
        let found = shifts(&records);
        assert_eq!(found.iter().map(|s| (s.from.id, s.to.id)).collect::<Vec<_>>(), vec![(1, 2), (3, 4)]);
    }

    #[test]
    fn different_speakers_or_topics_never_make_a_shift() {
        let records = vec![
            record(1, "Ann", "roads", Support, 1),
            record(2, "Ann", "tax", Oppose, 2),
            record(3, "Bob", "tax", Support, 3),
        ];
        assert!(shifts(&records).is_empty());
    }

    #[test]
    fn disagreements_pair_current_opposite_positions() {
        let records = vec![
            record(1, "Ann", "tax", Support, 1),
            record(2, "Ann", "tax", Neutral, 5),
            record(3, "Bob", "tax", Oppose, 2),
            record(4, "Cy", "tax", Oppose, 1),
            record(5, "Cy", "tax", Support, 4),
            record(6, "Dee", "roads", Oppose, 1),
        ];
        let found = disagreements(&records, None);
        let pairs: Vec<(i64, i64)> = found.iter().map(|d| (d.supporter.id, d.opponent.id)).collect();
        assert_eq!(pairs, vec![(1, 3), (5, 3)]);
        assert_eq!(disagreements(&records, Some(1)).len(), 1);
    }
}
