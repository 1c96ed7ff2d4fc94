//! Speakers that are a share of the people a poll asked ("36 percent of
//! Democrats", "two-thirds", "about one in five", "a majority of voters"):
//! what they "say" is a count reported, which the guideline reads as
//! neutral however the respondents lean (`data/stance_share_words.txt`).

use crate::extract::word_set::WordSet;
use std::sync::LazyLock;

const BUILTIN_SHARE_WORDS: &str = include_str!("../../../data/stance_share_words.txt");

struct ShareWords {
    qualifiers: WordSet,
    numbers: WordSet,
    fractions: WordSet,
    units: WordSet,
    margins: WordSet,
}

static WORDS: LazyLock<ShareWords> = LazyLock::new(|| {
    let mut sections = crate::model::data_sections(BUILTIN_SHARE_WORDS);
    let mut section = |name: &str| {
        let words = sections.remove(name).unwrap_or_default();
        assert!(!words.is_empty(), "data/stance_share_words.txt has no [{name}]");
        WordSet::new(words.into_iter().map(|w| w.to_lowercase().into_bytes().into_boxed_slice()))
    };
    ShareWords {
        qualifiers: section("qualifier"),
        numbers: section("number"),
        fractions: section("fraction"),
        units: section("unit"),
        margins: section("margin"),
    }
});

/// Whether a speaker as written names a share of those asked: after
/// qualifiers ("about", "nearly", "a"), a figure with a unit ("36
/// percent", "9%"), a ratio ("one in five", "4 in 10"), a fraction of a
/// number ("two-thirds") or a fraction alone or of a group ("half", "a
/// majority of voters"; not "a third source").
pub fn names_a_share(mention: &str) -> bool {
    let words = &*WORDS;
    let mut tokens = mention.split(|c: char| c.is_whitespace() || c == '-').filter(|t| !t.is_empty());
    let first = loop {
        match tokens.next() {
            Some(t) if words.qualifiers.holds(t) => continue,
            Some(t) => break t,
            None => return false,
        }
    };
    let (second, third) = (tokens.next().unwrap_or(""), tokens.next().unwrap_or(""));
    let is_number = |t: &str| words.numbers.holds(t) || (!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit() || b == b'.'));
    if let Some(figure) = first.strip_suffix('%') {
        return is_number(figure);
    }
    if is_number(first) {
        return words.units.holds(second)
            || words.fractions.holds(second)
            || (second.eq_ignore_ascii_case("in") && is_number(third));
    }
    words.fractions.holds(first) && (second.is_empty() || second.eq_ignore_ascii_case("of") || first.ends_with('s'))
}

/// How far into what a backer is said to back its "by" may stand: right
/// after whom they back ("favor the mayor by a 6-point margin"), not after
/// a plan with an amount of its own ("a cut in fares by 5 percent").
const MARGIN_REACH: usize = 4;

/// Whether backing as written (`content` after a cue such as "favor" or
/// "supporting") is counted by a margin within its first words ("the
/// mayor by a 6-point margin", "Lee by five points"): a vote or a poll
/// result, which the guideline reads as neutral however lopsided.
pub fn counts_a_margin(content: &str) -> bool {
    let words = &*WORDS;
    let tokens: Vec<&str> = content.split(|c: char| c.is_whitespace() || c == '-').filter(|t| !t.is_empty()).take(MARGIN_REACH + 4).collect();
    let is_number = |t: &str| {
        let t = t.strip_suffix('%').unwrap_or(t);
        words.numbers.holds(t) || (!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
    };
    tokens.iter().take(MARGIN_REACH).enumerate().filter(|(_, t)| t.eq_ignore_ascii_case("by")).any(|(at, _)| {
        let mut rest = tokens[at + 1..].iter().skip_while(|t| words.qualifiers.holds(t));
        match (rest.next(), rest.next()) {
            (Some(figure), _) if figure.ends_with('%') => is_number(figure),
            (Some(figure), Some(unit)) => is_number(figure) && words.margins.holds(unit.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '%')),
            _ => false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::{counts_a_margin, names_a_share};

    #[test]
    fn backing_counted_by_a_margin_is_a_vote_and_other_backing_is_not() {
        for counted in ["the mayor by a 6-point margin", "Lee by five points over Park", "the levy by 12%", "the incumbent by double digits", "her by about 3 percent"] {
            assert!(counts_a_margin(counted), "{counted}");
        }
        for backing in ["the mayor because she fixed the harbour", "a cut in fares by 5 percent next year", "the plan by the ferry board", "Lee, by all accounts", ""] {
            assert!(!counts_a_margin(backing), "{backing}");
        }
    }

    #[test]
    fn shares_of_those_asked_are_named_and_other_speakers_are_not() {
        for share in ["36 percent of the members", "9%", "about one in five", "Nearly 4 in 10 residents", "two-thirds", "Two-thirds of the parents", "half", "nearly half of the tenants", "a majority of anglers", "majorities in both towns", "the majority of the board"] {
            assert!(names_a_share(share), "{share}");
        }
        for speaker in ["a third source", "the mayor", "three officials", "One resident", "many farmers", "most tenants", "10 Downing Street", ""] {
            assert!(!names_a_share(speaker), "{speaker}");
        }
    }
}
