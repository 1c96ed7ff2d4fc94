//! Whether a statement takes its side only on a condition: "to support
//! Lane as the nominee", "would back Lane if he wins". Such a pledge says
//! where its speaker will stand, not where they stand, so a shift counts
//! no such statement on either side.

use super::{phrase_at, phrases, words_of, Phrases};

/// How many words of a statement may hold its condition: the clause that
/// takes the side, not a long quotation's later sentences.
const CONDITION_WORDS: usize = 16;

fn conditional_markers() -> &'static Phrases {
    static MARKERS: std::sync::OnceLock<Phrases> = std::sync::OnceLock::new();
    MARKERS.get_or_init(|| phrases(include_str!("../../data/conditional_markers.txt")))
}

/// Whether `content` holds its position only on a condition or for a case
/// to come (data/conditional_markers.txt, among its first words).
pub fn is_conditional(content: &str) -> bool {
    let words: Vec<&str> = words_of(content).take(CONDITION_WORDS).collect();
    (0..words.len()).any(|i| phrase_at(conditional_markers(), &words, i).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pledge_on_a_condition_or_for_later_is_conditional() {
        assert!(is_conditional("to back Lane as the nominee"));
        assert!(is_conditional("he would vote for Lane in the fall"));
        assert!(is_conditional("Lane, if he wins the state in June"));
        assert!(is_conditional("that she will support whoever the party picks"));
        assert!(is_conditional("to support Lane as the party’s nominee"));
        assert!(is_conditional("Should she win the primary, he will back Fox"));
    }

    #[test]
    fn a_settled_position_is_not_conditional() {
        assert!(!is_conditional("he will vote for Lane"));
        assert!(!is_conditional("Lane as a weak candidate"));
        assert!(!is_conditional("Lane for his record on trade in the north, the south and the west of the state, and whoever runs"), "the condition comes too late");
        assert!(!is_conditional("he endorsed Lane on Monday"));
        assert!(!is_conditional("the plan, which would hurt the town"));
        assert!(!is_conditional("that the city would accept talks if the union agreed"), "a condition set in a negotiation");
    }
}
