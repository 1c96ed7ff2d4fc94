//! "Both men", "the two candidates", "the two": two people the text has
//! just named, when it has just named exactly two.

use super::super::words::*;
use super::super::Speaker;
use super::SpeakerResolver;
use crate::model::SpeakerKind;
use std::ops::Range;
use std::sync::LazyLock;

/// `data/pair_heads.txt`: "men", "candidates".
static PAIR_HEADS: LazyLock<WordSet> = LazyLock::new(|| list(include_str!("../../../../data/pair_heads.txt")));

/// The sex a description of two tells, or `None` when `phrase` is none:
/// "both" or "the two", alone or before a plural head of people.
fn pair_described(phrase: &str) -> Option<Gender> {
    let mut words = phrase.split_whitespace();
    let first = words.next()?;
    let opens = if first.eq_ignore_ascii_case("both") {
        true
    } else {
        first.eq_ignore_ascii_case("the") && words.next().is_some_and(|w| w.eq_ignore_ascii_case("two"))
    };
    let head = words.next();
    if !opens || words.next().is_some() || head.is_some_and(|h| !in_list(&PAIR_HEADS, h)) {
        return None;
    }
    Some(head.map_or(Gender::Unknown, sex_of_plural))
}

/// "women": female, "men": male; other heads tell no sex.
fn sex_of_plural(head: &str) -> Gender {
    if head.eq_ignore_ascii_case("women") {
        Gender::Female
    } else if head.eq_ignore_ascii_case("men") {
        Gender::Male
    } else {
        Gender::Unknown
    }
}

impl SpeakerResolver<'_> {
    /// "Voss met Quill on Monday. Both men said ...": the two people named
    /// in the sentence before the description and its own, when no third is
    /// named there, in the order the document first names them.
    pub(super) fn both_named_before(&self, phrase: &str, span: &Range<usize>, mention: &str) -> Option<Speaker> {
        let gender = pair_described(phrase)?;
        let from = self.mentions.partition_point(|&(pos, _)| pos < self.sentence_before(span.start));
        let upto = self.mentions.partition_point(|&(pos, _)| pos < span.start);
        let mut named: Vec<usize> = Vec::new();
        for &(_, id) in &self.mentions[from..upto] {
            if !named.contains(&id) {
                named.push(id);
            }
        }
        let [a, b] = named[..] else { return None };
        if !(self.people[a].gender.agrees(gender) && self.people[b].gender.agrees(gender) && self.has_first_name(a) && self.has_first_name(b)) {
            return None;
        }
        let first_named = |id: usize| self.mentions.iter().position(|&(_, who)| who == id);
        let (a, b) = if first_named(a) <= first_named(b) { (a, b) } else { (b, a) };
        let name = format!("{} and {}", self.people[a].name, self.people[b].name);
        Some(Speaker { name, mention: mention.to_string(), role: None, kind: SpeakerKind::Group })
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::resolve_all;
    use crate::model::SpeakerKind;

    #[test]
    fn both_men_are_the_two_people_just_named_in_the_order_the_text_first_named_them() {
        let text = "Tom Quill spoke in Salem. Ben Ortiz met Quill at the mill on Monday. Both men said the talks went well.";
        let s = resolve_all(text, &["Both men"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("Tom Quill and Ben Ortiz", SpeakerKind::Group));
    }

    #[test]
    fn the_two_are_no_one_where_three_people_or_a_woman_were_just_named() {
        let text = "Tom Quill, Ada Voss and Ben Ortiz met at the mill. The two said the talks went well. \
                    Ada Voss met Ben Ortiz on Tuesday. Both men said the talks went badly.";
        let s = resolve_all(text, &["The two", "Both men"]);
        assert_ne!(s[0].kind, SpeakerKind::Group);
        assert_ne!(s[1].kind, SpeakerKind::Group);
    }
}
