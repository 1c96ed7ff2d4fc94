//! Changes of one speaker's position on one topic from one day to a later
//! one (the rules are in the `tracking` module's opening comment).

use super::{majority_side, Position};
use crate::model::Stance;
use rustc_hash::FxHashMap;

/// A speaker's change of position on a topic: the strongest statement of
/// the last day before and of the first day after, and how many confident
/// statements stand on each side (the days in a row that took each).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shift {
    pub from: Position,
    pub to: Position,
    pub before: usize,
    pub after: usize,
    /// How many times the speaker changed sides on the topic: more than
    /// one is a back-and-forth.
    pub changes: usize,
}

impl Shift {
    /// Larger is stronger: the smaller side, then both sides.
    fn evidence(&self) -> (usize, usize) {
        (self.before.min(self.after), self.before + self.after)
    }

    /// Whether one of its sides stands on at least `least` statements:
    /// one statement each way is as often a misread stance as a change.
    pub fn stands_on(&self, least: usize) -> bool {
        self.before.max(self.after) >= least
    }
}

/// How confident the statements a side of a shift stands on must be: one
/// statement at `alone` or above, or at least `together` agreeing ones at
/// `each` or above, when they are the speaker's usual side on the topic
/// (more of their statements take it than the other). On the stance labels
/// of the tuning corpus a side resting on two or more statements of
/// moderate confidence is right about as often as one resting on a single
/// confident statement, unless the speaker's other statements on the topic
/// mostly take the other side: then it is wrong one time in three.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SideConfidence {
    pub alone: f64,
    pub together: usize,
    pub each: f64,
}

impl SideConfidence {
    /// Agreeing statements that add up: two, each at this confidence, which
    /// the stance confidence table gives plain criticism (right about three
    /// times in five on the train labels).
    pub const TOGETHER: usize = 2;
    pub const EACH: f64 = 0.55;

    /// One statement at `alone`, or two agreeing at 0.55 (or at `alone`
    /// when that is lower).
    pub fn with_alone(alone: f64) -> Self {
        SideConfidence { alone, together: Self::TOGETHER, each: alone.min(Self::EACH) }
    }

    /// The least confidence a statement needs to count at all.
    pub fn floor(&self) -> f64 {
        self.alone.min(self.each)
    }

    /// Whether a run of `days` on one side is confident enough; `usual`:
    /// whether it is the side most of the speaker's statements take.
    fn holds(&self, days: &[Day], usual: bool) -> bool {
        days.iter().any(|d| d.strongest.confidence >= self.alone)
            || (usual && days.iter().map(|d| d.statements).sum::<usize>() >= self.together)
    }
}

/// One day's position of a speaker on a topic.
struct Day {
    stance: Stance,
    statements: usize,
    strongest: Position,
}

/// Every shift in `positions` (support and oppose statements): single
/// changes before those of a back-and-forth (a speaker who changed sides
/// on the topic more than once: as often misread stances as changes of
/// mind), then strongest evidence first, then the latest. A run of days on one side that is not
/// confident enough (`confidence`) is left out, and the runs around it
/// join: one doubtful statement between two confident ones against is no
/// change of mind.
pub fn shifts(mut positions: Vec<Position>, confidence: SideConfidence) -> Vec<Shift> {
    positions.retain(|p| p.day.is_some() && p.confidence >= confidence.floor());
    positions.sort_unstable_by_key(|p| (p.speaker_id, p.topic_id, p.day, p.id));
    let mut found = Vec::new();
    for group in positions.chunk_by(|a, b| a.speaker_id == b.speaker_id && a.topic_id == b.topic_id) {
        let days: Vec<Day> = group
            .chunk_by(|a, b| a.day == b.day)
            .filter_map(majority_side)
            .map(|(stance, statements, strongest)| Day { stance, statements, strongest })
            .collect();
        let support = group.iter().filter(|p| p.stance == Stance::Support).count();
        let usual = match (support * 2).cmp(&group.len()) {
            std::cmp::Ordering::Greater => Some(Stance::Support),
            std::cmp::Ordering::Less => Some(Stance::Oppose),
            std::cmp::Ordering::Equal => None,
        };
        let confident: Vec<&Day> = days
            .chunk_by(|a, b| a.stance == b.stance)
            .filter(|run| confidence.holds(run, usual == Some(run[0].stance)))
            .flatten()
            .collect();
        let runs: Vec<&[&Day]> = confident.chunk_by(|a, b| a.stance == b.stance).collect();
        let changes = runs.len().saturating_sub(1);
        for pair in runs.windows(2) {
            let (earlier, later) = (pair[0], pair[1]);
            found.push(Shift {
                from: earlier.last().expect("a run is never empty").strongest,
                to: later[0].strongest,
                before: earlier.iter().map(|d| d.statements).sum(),
                after: later.iter().map(|d| d.statements).sum(),
                changes,
            });
        }
    }
    found.sort_by(|a, b| {
        (a.changes > 1)
            .cmp(&(b.changes > 1))
            .then(b.evidence().cmp(&a.evidence()))
            .then(b.to.day.cmp(&a.to.day))
            .then(a.to.id.cmp(&b.to.id))
    });
    found
}

/// What `could_shift` keeps of one side of a speaker on a topic.
#[derive(Clone, Copy)]
struct SideSpan {
    first: i64,
    last: i64,
    statements: usize,
    most_confident: f64,
}

/// The dated `positions` that could make a shift: of a speaker who took
/// both sides of a topic, not all on one and the same day, each side on
/// enough statements to be confident (`confidence`) before any is read.
pub fn could_shift(mut positions: Vec<Position>, confidence: SideConfidence) -> Vec<Position> {
    positions.retain(|p| p.day.is_some() && p.confidence >= confidence.floor());
    let mut sides: FxHashMap<(i64, i64), [Option<SideSpan>; 2]> = FxHashMap::default();
    for p in &positions {
        let side = &mut sides.entry((p.speaker_id, p.topic_id)).or_default()[usize::from(p.stance == Stance::Support)];
        let day = p.day.expect("dated");
        *side = Some(match *side {
            None => SideSpan { first: day, last: day, statements: 1, most_confident: p.confidence },
            Some(s) => SideSpan {
                first: s.first.min(day),
                last: s.last.max(day),
                statements: s.statements + 1,
                most_confident: s.most_confident.max(p.confidence),
            },
        });
    }
    let may_hold = |s: &SideSpan| s.most_confident >= confidence.alone || s.statements >= confidence.together;
    positions.retain(|p| match sides[&(p.speaker_id, p.topic_id)] {
        [Some(a), Some(b)] => (a.first < b.last || b.first < a.last) && may_hold(&a) && may_hold(&b),
        _ => false,
    });
    positions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Stance::{Oppose, Support};
    use crate::tracking::tests::{on_topic, said};

    fn shifts(positions: Vec<Position>) -> Vec<Shift> {
        super::shifts(positions, SideConfidence::with_alone(0.8))
    }

    fn doubtful(position: Position, confidence: f64) -> Position {
        Position { confidence, ..position }
    }

    fn shift_ids(found: &[Shift]) -> Vec<(i64, i64, usize, usize)> {
        found.iter().map(|s| (s.from.id, s.to.id, s.before, s.after)).collect()
    }


    #[test]
    fn a_change_from_one_day_to_a_later_one_is_a_shift_with_its_evidence() {
        let found = shifts(vec![said(1, 7, Support, 1), said(2, 7, Support, 2), said(3, 7, Oppose, 5)]);
        assert_eq!(shift_ids(&found), vec![(2, 3, 2, 1)]);
    }

    #[test]
    fn opposite_statements_on_one_day_are_no_shift() {
        assert!(shifts(vec![said(1, 7, Support, 1), said(2, 7, Oppose, 1)]).is_empty());
        // A tied day takes no side; the days around it still count.
        let found = shifts(vec![said(1, 7, Support, 1), said(2, 7, Support, 2), said(3, 7, Oppose, 2), said(4, 7, Oppose, 3)]);
        assert_eq!(shift_ids(&found), vec![(1, 4, 1, 1)]);
    }

    #[test]
    fn the_majority_of_a_day_decides_its_side() {
        let found = shifts(vec![said(1, 7, Oppose, 1), said(2, 7, Support, 4), said(3, 7, Support, 4), said(4, 7, Oppose, 4)]);
        assert_eq!(shift_ids(&found), vec![(1, 3, 1, 2)]);
    }

    #[test]
    fn undated_statements_take_no_part_in_shifts() {
        let undated = Position { day: None, ..said(2, 7, Oppose, 0) };
        assert!(shifts(vec![said(1, 7, Support, 1), undated]).is_empty());
    }

    #[test]
    fn each_change_back_and_forth_is_a_shift() {
        let found = shifts(vec![said(1, 7, Oppose, 1), said(2, 7, Support, 2), said(3, 7, Support, 3), said(4, 7, Oppose, 4)]);
        let mut pairs: Vec<(i64, i64)> = found.iter().map(|s| (s.from.id, s.to.id)).collect();
        pairs.sort();
        assert_eq!(pairs, vec![(1, 2), (3, 4)]);
    }

    #[test]
    fn different_speakers_or_topics_never_make_a_shift() {
        let found = shifts(vec![said(1, 7, Support, 1), on_topic(2, said(2, 7, Oppose, 2)), said(3, 8, Oppose, 3)]);
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
        ]);
        assert_eq!(shift_ids(&found), vec![(5, 6, 3, 2), (1, 2, 1, 1)]);
    }

    #[test]
    fn a_shift_stands_on_the_statements_of_its_larger_side() {
        // Two against, then one for, then one against again.
        let positions = vec![said(1, 7, Oppose, 1), said(2, 7, Oppose, 2), said(3, 7, Support, 3), said(4, 7, Oppose, 4)];
        let found = shifts(positions);
        assert_eq!(found.len(), 2);
        let standing = |least| found.iter().filter(|s| s.stands_on(least)).map(|s| (s.from.id, s.to.id)).collect::<Vec<_>>();
        assert_eq!(standing(2), vec![(2, 3)]);
        assert!(standing(3).is_empty());
    }

    #[test]
    fn only_both_sides_on_different_days_could_make_a_shift() {
        let ids = |kept: Vec<Position>| kept.iter().map(|p| p.id).collect::<Vec<_>>();
        let could_shift = |positions| could_shift(positions, SideConfidence::with_alone(0.8));
        assert_eq!(ids(could_shift(vec![said(1, 7, Support, 1), said(2, 7, Oppose, 2), said(3, 8, Support, 1)])), vec![1, 2]);
        assert!(could_shift(vec![said(1, 7, Support, 1), said(2, 7, Oppose, 1)]).is_empty());
        let undated = Position { day: None, ..said(2, 7, Oppose, 0) };
        assert!(could_shift(vec![said(1, 7, Support, 1), undated]).is_empty());
        assert!(could_shift(vec![said(1, 7, Support, 1), doubtful(said(2, 7, Oppose, 2), 0.7)]).is_empty());
        let two_doubtful = vec![said(1, 7, Support, 1), doubtful(said(2, 7, Oppose, 2), 0.7), doubtful(said(3, 7, Oppose, 3), 0.7)];
        assert_eq!(ids(could_shift(two_doubtful)), vec![1, 2, 3]);
    }

    #[test]
    fn a_side_on_one_doubtful_statement_is_left_out_and_its_neighbours_join() {
        let found = shifts(vec![said(1, 7, Oppose, 1), doubtful(said(2, 7, Support, 2), 0.7), said(3, 7, Oppose, 3)]);
        assert!(found.is_empty());
        let found = shifts(vec![said(1, 7, Oppose, 1), doubtful(said(2, 7, Support, 2), 0.7)]);
        assert!(found.is_empty());
    }

    #[test]
    fn two_agreeing_doubtful_statements_make_the_usual_side() {
        let found = shifts(vec![said(1, 7, Oppose, 1), doubtful(said(2, 7, Support, 2), 0.7), doubtful(said(3, 7, Support, 4), 0.65)]);
        assert_eq!(shift_ids(&found), vec![(1, 2, 1, 2)]);
    }

    #[test]
    fn doubtful_statements_against_the_usual_side_need_a_confident_one() {
        let against_three = vec![
            said(1, 7, Oppose, 1),
            said(2, 7, Oppose, 2),
            said(3, 7, Oppose, 3),
            doubtful(said(4, 7, Support, 4), 0.7),
            doubtful(said(5, 7, Support, 5), 0.7),
        ];
        assert!(shifts(against_three.clone()).is_empty());
        let mut with_a_confident_one = against_three;
        with_a_confident_one.push(said(6, 7, Support, 6));
        assert_eq!(shift_ids(&shifts(with_a_confident_one)), vec![(3, 4, 3, 3)]);
    }

    #[test]
    fn statements_below_the_floor_count_for_nothing() {
        let found = shifts(vec![said(1, 7, Oppose, 1), doubtful(said(2, 7, Support, 2), 0.5), doubtful(said(3, 7, Support, 4), 0.5)]);
        assert!(found.is_empty());
        let strict = SideConfidence::with_alone(0.5);
        assert_eq!((strict.each, strict.floor()), (0.5, 0.5));
    }

    #[test]
    fn a_back_and_forth_comes_after_a_single_change_of_less_evidence() {
        let found = shifts(vec![
            // Speaker 7: three against, one for, two against.
            said(1, 7, Oppose, 1),
            said(2, 7, Oppose, 2),
            said(3, 7, Oppose, 3),
            said(4, 7, Support, 4),
            said(5, 7, Oppose, 5),
            said(6, 7, Oppose, 6),
            // Speaker 8: one against, one for.
            said(7, 8, Oppose, 1),
            said(8, 8, Support, 2),
        ]);
        let order: Vec<(i64, i64, usize)> = found.iter().map(|s| (s.from.id, s.to.id, s.changes)).collect();
        assert_eq!(order, vec![(7, 8, 1), (3, 4, 2), (4, 5, 2)]);
    }
}
