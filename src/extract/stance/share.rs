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

#[cfg(test)]
mod tests {
    use super::names_a_share;

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
