//! Relatives: whether a "who" stands for the person named just before it.
//! "Ada Voss, who said" and "Ada Voss, a nurse who said" are Ada Voss;
//! "voters who say", "those who say", "a Voss supporter who said" and
//! "Voss and Quill, who said" are not one person the text names.

use super::super::names::kind_of_phrase;
use super::super::words::*;
use crate::model::SpeakerKind;
use crate::extract::tokens::words_with_offsets;
use std::ops::Range;
use std::sync::LazyLock;

static PLURAL_WORDS: LazyLock<WordSet> = LazyLock::new(|| list(include_str!("../../../../data/plural_words.txt")));

/// Whether the word just before a "who" is a group: a pronoun for no one
/// in particular ("those", "many", "anyone"), a word of data/groups.txt or
/// data/plural_words.txt, or a plural in -s written in lower case
/// ("listeners"; a capitalised word in -s is as often a surname).
fn names_a_group(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    if pronoun_kind(word) == Some("unresolved") || in_list(&WORDS.groups, word) || in_list(&PLURAL_WORDS, word) {
        return true;
    }
    let lower_case = !is_cap_word(word);
    lower_case && word.ends_with('s') && !["ss", "us", "is", "'s", "’s"].iter().any(|end| word.ends_with(end))
}

/// Punctuation that opens an appositive after a name: "Voss, a nurse who",
/// "Voss (a nurse) who", "Voss — a nurse — who".
fn opens_appositive(token: &str) -> bool {
    token.starts_with(['(', '—', '–']) || token == "-"
}

/// Whether a relative "who" at byte `who_at` of `text` stands for the
/// person whose name starts at byte `name_at`: the name comes right
/// before it, or after it an appositive or a noun after "is" does
/// ("Voss, the head of the union, who"; "Voss is a nurse who"), and the word before "who" names no group. A name followed
/// by other words ("a Voss supporter who", "Voss's aides, who") or joined
/// to another name ("Quill and Voss, who") is not what "who" stands for.
pub(super) fn who_stands_for_name(text: &str, name_at: usize, who_at: usize) -> bool {
    let Some(gap) = text.get(name_at..who_at) else { return false };
    if gap.contains('\n') {
        return false;
    }
    let word_before_who = gap.split_whitespace().next_back().unwrap_or("").trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    if names_a_group(word_before_who) {
        return false;
    }
    if joined_to_another_name(&text[..name_at]) {
        return false;
    }
    let mut tokens = gap.split_whitespace().peekable();
    let mut in_name = true;
    while let Some(token) = tokens.next() {
        // "Voss is a nurse who", "Voss won and is a nurse who": the noun
        // after the copula is the person.
        if ["is", "was"].contains(&token) && tokens.peek().is_some_and(|t| ["a", "an", "the"].contains(t)) {
            return true;
        }
        if !in_name {
            continue;
        }
        if opens_appositive(token) {
            return true;
        }
        let bare = token.trim_end_matches([',', ')', '—', '–', ';', ':']);
        if bare.ends_with("'s") || bare.ends_with("’s") {
            // "Voss's aides who": the name owns what "who" stands for.
            return false;
        }
        let name_word = is_cap_word(bare) || (["of", "de", "van", "von", "del", "da"].contains(&bare) && tokens.peek().is_some_and(|t| is_cap_word(t)));
        if !name_word {
            in_name = false;
        } else if bare.len() < token.len() {
            // The name ends on a comma or a dash: an appositive follows, or
            // "who" itself.
            return true;
        }
    }
    in_name
}

/// Whether the name that `before` ends just before is joined by "and" to
/// another: "Quill and Voss", "Bush, Quill and Voss".
fn joined_to_another_name(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    words.next().is_some_and(|w| w == "and") && words.next().is_some_and(|w| is_cap_word(w.trim_end_matches(',')))
}

/// The noun phrase a relative "who" or "which" at byte `at` stands for
/// when it names no one: "one former aide who", "younger voters who",
/// "the Mexican president, who", "a new poll, which". Read back from the
/// relative over at most a few words, up to and with the word that opens
/// it ("the", "one", "those"; `phrase_openers`), or to the word before
/// it that no noun phrase holds ("said", "of"; `phrase_breaks`) or that
/// ends a clause. `None` when no phrase stands there, or its head is
/// capitalised: a name is `who_stands_for_name`'s, and "Voss and Quill,
/// who" names two people, not a phrase.
pub(super) fn phrase_before_relative(text: &str, at: usize) -> Option<Range<usize>> {
    /// How many words such a phrase runs to ("the two-time Tony-winning
    /// actor-singer"); further back, the words are of another phrase.
    const MOST_WORDS: usize = 6;
    let before = text.get(..at)?.trim_end();
    let before = before.strip_suffix(',').unwrap_or(before).trim_end();
    let end = before.len();
    let mut start = end;
    let mut words = 0;
    let mut opened = false;
    for (word_at, word) in words_with_offsets(before).rev() {
        if word.ends_with(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’') || word.starts_with(|c: char| !c.is_alphanumeric()) {
            break;
        }
        // "the chief of staff, who": "of" inside the head's own phrase.
        let of_in_head = word == "of" && !phrase_has_opener(&text[start..end]);
        let clause_word = in_list(&FUNCTION_WORDS.subordinators, word) || in_list(&FUNCTION_WORDS.clause_openers, word);
        if (in_list(&FUNCTION_WORDS.phrase_breaks, word) && !of_in_head) || clause_word || words == MOST_WORDS {
            break;
        }
        start = word_at;
        words += 1;
        if in_list(&FUNCTION_WORDS.phrase_openers, word) {
            opened = true;
            break;
        }
    }
    let phrase = &text[start..end];
    let head = phrase.split_whitespace().next_back()?;
    if is_cap_word(head) && !names_a_speaking_group(head) || (!opened && words > 4) {
        return None;
    }
    // "people who Republicans who voted for": a group right after another
    // relative is that clause's subject, and the garbled second "who" no
    // one's.
    if is_cap_word(head) && text[..start].trim_end().rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case("who")) {
        return None;
    }
    Some(start..end)
}

/// "Republicans who", "Voters who" opening a sentence: a capitalised head
/// that is no one's name but a group's, which speaks. A people ("Syrians,
/// who") is most often what a sentence is about, not who speaks in it.
fn names_a_speaking_group(head: &str) -> bool {
    let people = head.len() > 3 && head.ends_with('s') && in_list(&WORDS.peoples, &head[..head.len() - 1]);
    kind_of_phrase(head) == Some(SpeakerKind::Group) && !people
}

/// The capitalised name a "which" at byte `at` stands for: "the Boston
/// Globe, which", "the Communications Workers of America, which", "The
/// Post - which". Read back over capitalised words, an "of" or "for"
/// between two of them, and a leading "the". `None` when a lower-case word
/// ends the phrase ("a new poll, which": `phrase_before_relative`'s) or
/// the words run on past a name's length.
pub(super) fn name_before_which(text: &str, at: usize) -> Option<Range<usize>> {
    const MOST_WORDS: usize = 7;
    let before = text.get(..at)?.trim_end();
    let before = before.strip_suffix([',', '-', '—', '–']).unwrap_or(before).trim_end();
    let end = before.len();
    let mut start = end;
    for (words, (word_at, word)) in words_with_offsets(before).rev().enumerate() {
        let bare = word.trim_end_matches([',', ';', ':', '.']);
        let joins = ["of", "for"].contains(&word) && words > 0;
        let article = word.eq_ignore_ascii_case("the") && words > 0;
        let bracketed = word.contains(['(', ')']);
        if bare.len() < word.len() && words > 0 {
            // "Orlando, Florida, which": a place in apposition to another;
            // "Stores v. Dukes, which": a case at law, neither of them a body.
            if is_cap_word(word) || ["v.", "vs."].contains(&word) {
                return None;
            }
            break;
        }
        if bracketed || !(is_cap_word(word) || joins || article) || words == MOST_WORDS {
            break;
        }
        start = word_at;
        if article {
            break;
        }
    }
    let phrase = &text[start..end];
    // Not a name that starts on a joining word ("of Oregon", read back
    // from "east of Oregon"), nor a word alone that any sentence may open
    // with.
    let first = phrase.split_whitespace().next()?;
    ((is_cap_word(first) || first == "the") && !in_list(&FUNCTION_WORDS.clause_openers, phrase)).then_some(start..end)
}

/// Whether a phrase read back so far starts with an opener ("the women").
fn phrase_has_opener(phrase: &str) -> bool {
    phrase.split_whitespace().next().is_some_and(|w| in_list(&FUNCTION_WORDS.phrase_openers, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the "who" of `text` stands for the name starting at `name`.
    fn stands_for(text: &str, name: &str) -> bool {
        let name_at = text.find(name).unwrap();
        let who_at = text.rfind("who").unwrap();
        who_stands_for_name(text, name_at, who_at)
    }

    #[test]
    fn who_right_after_a_name_or_its_appositive_is_that_person() {
        assert!(stands_for("The mayor met Ada Voss, who said the plan was sound.", "Ada Voss"));
        assert!(stands_for("Ada Voss, a nurse from the coast who said it would pass.", "Ada Voss"));
        assert!(stands_for("Gov. Ada M. Voss of Oregon, the head of the union, who said no.", "Gov. Ada"));
        assert!(stands_for("Ada Voss (a nurse) who said no.", "Ada Voss"));
        assert!(stands_for("Ada Voss who said no.", "Ada Voss"));
        assert!(stands_for("Ada Voss is a nurse who said no.", "Ada Voss"));
        assert!(stands_for("Ada Voss often wins and is a nurse who said no.", "Ada Voss"));
    }

    #[test]
    fn who_after_a_group_is_no_one_person() {
        assert!(!stands_for("Ada Voss lost among voters who said prices rose.", "Ada Voss"));
        assert!(!stands_for("Ada Voss spoke. Among those who said they would stay, few agreed.", "Ada Voss"));
        assert!(!stands_for("Ada Voss drew the ire of nurses, who said she had lied.", "Ada Voss"));
        assert!(!stands_for("Ada Voss did well with Republicans, who said she was honest.", "Ada Voss"));
        assert!(!stands_for("Ada Voss won 40 percent, and the women who said they backed her.", "Ada Voss"));
        assert!(!stands_for("Ada Voss, with her aides who said no.", "Ada Voss"));
    }

    #[test]
    fn who_after_a_name_that_modifies_or_joins_another_is_no_one_named() {
        assert!(!stands_for("Lena Marsh, a Voss supporter who said she would stay home.", "Voss"));
        assert!(!stands_for("Ada Voss’s spokesman who said no.", "Ada Voss"));
        assert!(!stands_for("Tomas Quill and Ada Voss, who said no.", "Ada Voss"));
        assert!(!stands_for("Ada Voss spoke first, then the crowd, who said no.", "Ada Voss"));
    }

    /// The phrase `phrase_before_relative` reads before the last "who" or
    /// "which" of `text`.
    fn phrase_before(text: &str) -> Option<&str> {
        let at = text.rfind(" who").or_else(|| text.rfind(" which"))? + 1;
        phrase_before_relative(text, at).map(|r| &text[r])
    }

    #[test]
    fn a_relative_after_no_name_stands_for_the_noun_phrase_before_it() {
        assert_eq!(phrase_before("The plan failed, said one former aide who asked not to be named."), Some("one former aide"));
        assert_eq!(phrase_before("Quill leads among younger voters who feel left out."), Some("younger voters"));
        assert_eq!(phrase_before("Voss heard a lecture from the Chilean president, who said trade helped both."), Some("the Chilean president"));
        assert_eq!(phrase_before("Voss cited a new poll, which found her ahead."), Some("a new poll"));
        assert_eq!(phrase_before("Voss met two of the nurses who walked out."), Some("the nurses"));
        assert_eq!(phrase_before("Voss named her chief of staff, who said yes."), Some("her chief of staff"));
        assert_eq!(phrase_before("It went on though Quill's chief of staff, who knew, said no."), Some("Quill's chief of staff"));
        assert_eq!(phrase_before("For someone who lost twice, Voss was calm."), Some("someone"));
    }

    #[test]
    fn a_relative_after_a_capitalised_group_stands_for_its_members() {
        assert_eq!(phrase_before("The bill stalled, and Democrats, who want a vote, walked out."), Some("Democrats"));
        assert_eq!(phrase_before("Voters who want a vote walked out."), Some("Voters"));
        // A people is what the sentence is about.
        assert_eq!(phrase_before("The rule is stricter for Norwegians, who are checked twice."), None);
        // A capitalised name is no group.
        assert_eq!(phrase_before("The bill stalled, said Tom Quill, who wants a vote."), None);
    }

    fn name_before(text: &str) -> Option<&str> {
        let at = text.rfind(" which")? + 1;
        name_before_which(text, at).map(|r| &text[r])
    }

    #[test]
    fn which_after_a_capitalised_name_stands_for_that_name() {
        assert_eq!(name_before("The deal drew fire from the Harlow Dockworkers of America, which said no."), Some("the Harlow Dockworkers of America"));
        assert_eq!(name_before("A request by The Harlow Gazette - which argued the rule was wrong."), Some("The Harlow Gazette"));
        assert_eq!(name_before("Quillfeed, which keeps its revenue secret, grew."), Some("Quillfeed"));
        assert_eq!(name_before("Voss cited a new poll, which found her ahead."), None);
        assert_eq!(name_before("An exit in Corona (east of L.A.), which read “Hi.”"), None);
        assert_eq!(name_before("A speech in Harlow, Essex, which she praised."), None);
        assert_eq!(name_before("The ruling in Quill v. Voss, which set the rule."), None);
        assert_eq!(name_before("Voss spoke of Quill. Which one?"), None);
    }

    #[test]
    fn a_relative_after_a_name_a_clause_or_nothing_has_no_phrase() {
        assert_eq!(phrase_before("Quill met Tomas Voss and Ada Marsh, who said no."), None);
        assert_eq!(phrase_before("It rained. Who said so?"), None);
        assert_eq!(phrase_before("Quill said costly badly planned late bridge works which ran late."), None);
    }
}
