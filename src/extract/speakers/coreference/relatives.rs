//! Relatives: whether a "who" stands for the person named just before it.
//! "Ada Voss, who said" and "Ada Voss, a nurse who said" are Ada Voss;
//! "voters who say", "those who say", "a Voss supporter who said" and
//! "Voss and Quill, who said" are not one person the text names.

use super::super::words::*;
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
}
