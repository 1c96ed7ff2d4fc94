//! The word lists speakers are recognised by, and lookups in them that
//! cost one hash probe or less.

pub(super) use super::super::word_set::{Shapes, WordSet};
use crate::model::is_name_suffix;
use super::super::tokens::{is_invisible, with_lowercase};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;


pub(super) struct WordLists {
    pub(super) titles: WordSet,
    pub(super) honorifics: WordSet,
    pub(super) organisations: WordSet,
    /// Bodies known by a name of their own ("DNC", "Politifact").
    pub(super) organisation_names: WordSet,
    /// `organisations` and `organisation_names` in one set: the last words
    /// of an organisation's mention, looked up once for every mention.
    pub(super) organisation_words: WordSet,
    pub(super) groups: WordSet,
    pub(super) documents: WordSet,
    /// Countries and capitals, which speak for their governments.
    pub(super) places: WordSet,
    /// Capitalised words that end descriptions, never names.
    pub(super) descriptors: WordSet,
    pub(super) descriptive_heads: WordSet,
    /// Heads of a role in a race, held beside any office (`campaign_heads.txt`).
    pub(super) campaign_heads: WordSet,
    /// Heads of a role many in one race hold at once (`shared_heads.txt`).
    pub(super) shared_heads: WordSet,
    /// Offices a description with a modifier gives someone just named (`described_offices.txt`).
    pub(super) described_offices: WordSet,
    /// Party words that are no descriptor ("Democratic", "GOP").
    pub(super) party_words: WordSet,
    /// Words naming a party's people ("Republicans"), never lowered.
    pub(super) party_names: WordSet,
    /// Adjectives of peoples and faiths ("American", "Muslim"), never lowered.
    pub(super) peoples: WordSet,
    pronouns: WordSet,
    pronoun_kinds: FxHashMap<Box<[u8]>, &'static str>,
    /// Every first name of data/first_names.tsv, and the sex of each.
    pub(super) first_names: WordSet,
    first_name_sex: FxHashMap<Box<[u8]>, Gender>,
}

/// The sex a name, honorific or pronoun tells of, where it tells one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
}

impl Gender {
    /// Whether a mention of this sex may refer to a person of `other`'s:
    /// only a known sex against the other known sex disagrees.
    pub(super) fn agrees(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

/// The sex of a first name ("Hillary": female), `None` for a word that is
/// no first name of the list.
pub(super) fn first_name_gender(word: &str) -> Option<Gender> {
    let words = &*WORDS;
    if !in_list(&words.first_names, word) {
        return None;
    }
    with_lowercase(word, |lower| words.first_name_sex.get(lower).copied())
}

/// The sex an honorific tells ("Mrs.": female); `Unknown` for any other word.
pub(super) fn honorific_gender(word: &str) -> Gender {
    // Every gendered honorific is short and starts with one of these
    // letters: most words are turned away without a comparison.
    if word.len() > 5 || !matches!(word.as_bytes().first(), Some(b'M' | b'm' | b'S' | b's' | b'L' | b'l' | b'D' | b'd')) {
        return Gender::Unknown;
    }
    let bare = word.trim_end_matches('.');
    if ["mr", "sir", "lord"].iter().any(|h| bare.eq_ignore_ascii_case(h)) {
        Gender::Male
    } else if ["mrs", "ms", "miss", "dame", "lady"].iter().any(|h| bare.eq_ignore_ascii_case(h)) {
        Gender::Female
    } else {
        Gender::Unknown
    }
}

fn first_names(data: &'static str) -> (WordSet, FxHashMap<Box<[u8]>, Gender>) {
    let mut sex = FxHashMap::default();
    for line in data.lines().filter(|l| !l.starts_with('#')) {
        let Some((name, mark)) = line.split_once('\t') else { continue };
        let gender = match mark.trim() {
            "m" => Gender::Male,
            "f" => Gender::Female,
            _ => Gender::Unknown,
        };
        sex.insert(name.trim().to_lowercase().into_bytes().into_boxed_slice(), gender);
    }
    (WordSet::new(sex.keys().cloned()), sex)
}

pub(super) fn list(data: &'static str) -> WordSet {
    WordSet::from_lines(data)
}

pub(super) static WORDS: LazyLock<WordLists> = LazyLock::new(|| {
    let (first_names, first_name_sex) = first_names(include_str!("../../../data/first_names.tsv"));
    let pronoun_kinds: FxHashMap<Box<[u8]>, &'static str> = include_str!("../../../data/pronouns.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(w, k)| (w.trim().to_lowercase().into_bytes().into_boxed_slice(), k.trim()))
        .collect();
    WordLists {
    titles: list(include_str!("../../../data/titles.txt")),
    honorifics: list(include_str!("../../../data/honorifics.txt")),
    organisations: list(include_str!("../../../data/organisations.txt")),
    organisation_names: list(include_str!("../../../data/organisation_names.txt")),
    organisation_words: WordSet::from_lines(&[include_str!("../../../data/organisations.txt"), include_str!("../../../data/organisation_names.txt")].join("\n")),
    groups: list(include_str!("../../../data/groups.txt")),
    documents: list(include_str!("../../../data/documents.txt")),
    places: list(include_str!("../../../data/places.txt")),
    descriptors: list(include_str!("../../../data/descriptors.txt")),
    descriptive_heads: list(include_str!("../../../data/descriptive_heads.txt")),
    campaign_heads: list(include_str!("../../../data/campaign_heads.txt")),
    shared_heads: list(include_str!("../../../data/shared_heads.txt")),
    described_offices: list(include_str!("../../../data/described_offices.txt")),
    party_words: list(include_str!("../../../data/party_words.txt")),
    party_names: list(include_str!("../../../data/party_names.txt")),
    peoples: list(include_str!("../../../data/peoples.txt")),
    first_names,
    first_name_sex,
    pronoun_kinds: pronoun_kinds.clone(),
    pronouns: WordSet::new(pronoun_kinds.into_keys()),
    }
});

/// `data/not_names.txt`: capitalised words that are never a name ("However").
pub(super) static NOT_NAME_SET: LazyLock<WordSet> = LazyLock::new(|| list(include_str!("../../../data/not_names.txt")));

/// `data/media_words.txt`: the medium of a document ("TV" of "a TV ad"),
/// never its maker's name.
pub(super) static MEDIA_WORDS: LazyLock<WordSet> = LazyLock::new(|| list(include_str!("../../../data/media_words.txt")));

/// The surname of a full name in lower case: its last word, or the word
/// before a generational suffix ("king" of "martin luther king jr.").
pub(super) fn surname_of(lower: &str) -> &str {
    // By `memrchr`: a char searcher's set-up cost more than these names.
    let Some(space) = memchr::memrchr(b' ', lower.as_bytes()) else { return lower };
    let last = &lower[space + 1..];
    if !is_name_suffix(last) {
        return last;
    }
    let head = &lower[..space];
    memchr::memrchr(b' ', head.as_bytes()).map_or(head, |k| &head[k + 1..])
}

/// `data/name_openers.txt`: words no part of a name where they open it
/// ("Said Voss"), though a name may end in them ("Edward Said").
pub(super) static NAME_OPENERS: LazyLock<WordSet> = LazyLock::new(|| list(include_str!("../../../data/name_openers.txt")));

/// The function words of `data/mention_function_words.txt`, a list a
/// section: what decides whether a capitalised run is a name, a place or a
/// phrase's head.
pub(super) struct FunctionWords {
    pub(super) clause_openers: WordSet,
    pub(super) subordinators: WordSet,
    pub(super) object_prepositions: WordSet,
    pub(super) name_prepositions: WordSet,
    pub(super) place_prepositions: WordSet,
    pub(super) before_an_object: WordSet,
    pub(super) after_head: WordSet,
    pub(super) name_particles: WordSet,
    pub(super) clause_tails: WordSet,
    pub(super) contracted_verbs: WordSet,
    pub(super) role_modifiers: WordSet,
    pub(super) shares: WordSet,
    pub(super) quantifiers: WordSet,
    pub(super) weekdays: WordSet,
    pub(super) months: WordSet,
    pub(super) phrase_openers: WordSet,
    pub(super) phrase_breaks: WordSet,
    pub(super) modified_heads: WordSet,
    pub(super) fronted_prepositions: WordSet,
    pub(super) description_tails: WordSet,
    pub(super) account_heads: WordSet,
}

pub(super) static FUNCTION_WORDS: LazyLock<FunctionWords> = LazyLock::new(|| {
    let mut sections = crate::model::data_sections(include_str!("../../../data/mention_function_words.txt"));
    let mut section = |name: &str| {
        let words = sections.remove(name).unwrap_or_else(|| panic!("data/mention_function_words.txt has no [{name}]"));
        WordSet::new(words.into_iter().map(|w| w.to_lowercase().into_bytes().into()))
    };
    FunctionWords {
        clause_openers: section("clause_openers"),
        subordinators: section("subordinators"),
        object_prepositions: section("object_prepositions"),
        name_prepositions: section("name_prepositions"),
        place_prepositions: section("place_prepositions"),
        before_an_object: section("before_an_object"),
        after_head: section("after_head"),
        name_particles: section("name_particles"),
        clause_tails: section("clause_tails"),
        contracted_verbs: section("contracted_verbs"),
        role_modifiers: section("role_modifiers"),
        shares: section("shares"),
        quantifiers: section("quantifiers"),
        weekdays: section("weekdays"),
        months: section("months"),
        phrase_openers: section("phrase_openers"),
        phrase_breaks: section("phrase_breaks"),
        modified_heads: section("modified_heads"),
        fronted_prepositions: section("fronted_prepositions"),
        description_tails: section("description_tails"),
        account_heads: section("account_heads"),
    }
});

/// Whether `word` is in `words` as written: lower case, as the lists of
/// function words are ("To" at a sentence start is no preposition there).
#[inline]
pub(super) fn in_list_as_written(words: &WordSet, word: &str) -> bool {
    words.holds(word) && !word.bytes().any(|b| b.is_ascii_uppercase())
}

/// Whether `word`, its ASCII letters lowered, is in `words`.
#[inline]
pub(super) fn in_list(words: &WordSet, word: &str) -> bool {
    words.holds(word)
}

#[inline]
pub(super) fn in_list_bytes(words: &WordSet, word: &[u8]) -> bool {
    words.holds_bytes(word)
}

pub(super) fn is_cap_word(word: &str) -> bool {
    // Past a soft hyphen or joiner opening the word ("\u{ad}Andres").
    word.chars().find(|&c| !is_invisible(c)).is_some_and(char::is_uppercase)
}

/// What a pronoun stands for ("person", "group", ...), from data/pronouns.txt.
pub(super) fn pronoun_kind(word: &str) -> Option<&'static str> {
    let words = &*WORDS;
    if !words.pronouns.holds(word) {
        return None;
    }
    with_lowercase(word, |lower| words.pronoun_kinds.get(lower).copied())
}

/// The sex a pronoun tells ("she": female), for "he" and "she" and their
/// forms only.
pub(super) fn pronoun_gender(word: &str) -> Option<Gender> {
    match pronoun_kind(word)? {
        "male" => Some(Gender::Male),
        "female" => Some(Gender::Female),
        _ => None,
    }
}

pub(super) fn is_pronoun(word: &str) -> bool {
    pronoun_kind(word).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_capitalised_word_may_open_with_a_soft_hyphen() {
        assert!(is_cap_word("Reyes") && is_cap_word("\u{ad}Reyes") && is_cap_word("\u{200b}\u{ad}Émile"));
        assert!(!is_cap_word("\u{ad}reyes") && !is_cap_word("\u{ad}") && !is_cap_word(""));
    }

    #[test]
    fn surname_of_is_the_last_word_or_the_one_before_a_suffix() {
        fn by_split(lower: &str) -> &str {
            let mut words = lower.rsplit(' ');
            let last = words.next().unwrap_or_default();
            match words.next() {
                Some(before) if is_name_suffix(last) => before,
                _ => last,
            }
        }
        for name in ["", "voss", "ada voss", "tomas quill jr.", "quill jr.", "jr.", "ada  voss", "ada voss ", "a b c iii", "zoë brandt"] {
            assert_eq!(surname_of(name), by_split(name), "{name:?}");
        }
        assert_eq!(surname_of("tomas quill jr."), "quill");
    }

    #[test]
    fn in_list_answers_as_a_lookup_of_the_word_in_ascii_lower_case() {
        let list = ["minister", "sen.", "chief", "état", "x", "secretary-general"];
        let set = WordSet::new(list.iter().map(|w| w.as_bytes().into()));
        let words = [
            "Minister", "MINISTER", "ministers", "minster", "Sen.", "Sen", "Chief", "Chef", "chiefs", "État", "état", "ÉTAT", "X",
            "Y", "", "Secretary-General", "Secretary-Generals", "ministeR", "Ministry",
        ];
        for word in words {
            let expected = list.contains(&word.to_ascii_lowercase().as_str());
            assert_eq!(in_list(&set, word), expected, "{word:?}");
        }
    }

    #[test]
    fn function_words_are_read_a_section_a_list_and_case_is_kept_where_asked() {
        let words = &*FUNCTION_WORDS;
        assert!(in_list(&words.months, "April") && in_list(&words.weekdays, "SUNDAY") && !in_list(&words.months, "Sunday"));
        assert!(in_list_as_written(&words.name_prepositions, "to") && !in_list_as_written(&words.name_prepositions, "To"));
        assert!(in_list(&words.role_modifiers, "Lt.") && in_list(&words.shares, "percent") && !in_list(&words.shares, "voters"));
    }

    #[test]
    fn not_names_hold_sentence_openers_in_any_case_and_no_surnames() {
        for (word, listed) in [("However", true), ("DESPITE", true), ("Mr", true), ("Voss", false), ("Said", false)] {
            assert_eq!(in_list(&NOT_NAME_SET, word), listed, "{word:?}");
        }
    }
}
