//! Disagreements: one row per topic, supporter and opponent, each side
//! shown by its strongest statement (the rules are in the `tracking`
//! module's opening comment).

use super::{majority_side, stronger, Position};
use crate::model::Stance;
use rustc_hash::FxHashMap;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

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
    use crate::model::Stance::{Oppose, Support};
    use crate::tracking::tests::{on_topic, said};


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
    fn a_contested_topic_has_a_supporter_and_an_opponent() {
        let ids = |kept: Vec<Position>| kept.iter().map(|p| p.id).collect::<Vec<_>>();
        let found = on_contested_topics(vec![said(1, 7, Support, 1), said(2, 8, Oppose, 1), on_topic(2, said(3, 7, Support, 1))]);
        assert_eq!(ids(found), vec![1, 2]);
    }
}
