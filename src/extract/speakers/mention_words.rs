//! What the words of a source mention are: descriptions, roles, ages,
//! possessives, days and plausible names, read by coreference when it
//! decides whom a mention stands for.

use super::words::*;
use super::names::kind_of_phrase;
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// How many mentions back a description with no matching role may reach
/// for the person it describes.
pub(super) const DESCRIPTION_REACH: usize = 3;

/// "Democratic", "GOP", "Republican": a party, which describes too many
/// people of a political story to pick one by.
pub(super) fn is_party_word(word: &str) -> bool {
    in_list(&WORDS.descriptors, word) || in_list(&WORDS.party_words, word)
}

/// Whether a lower-cased role holds `word`, spelled out or abbreviated:
/// "vermont sen." holds "senator", "former gov." holds "governor".
pub(super) fn role_has(role: &str, word: &str) -> bool {
    role.contains(word) || role.split_whitespace().any(|w| SPELLED_OUT.get(w).is_some_and(|fulls| fulls.contains(&word)))
}

/// The words each abbreviation of `TITLE_ABBREVIATIONS` may be spelled out
/// as: a role's words are each looked up once rather than compared with
/// every abbreviation (roles are matched after every mention).
static SPELLED_OUT: LazyLock<FxHashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    let mut spelled: FxHashMap<&'static str, Vec<&'static str>> = FxHashMap::default();
    for (abbr, full) in TITLE_ABBREVIATIONS.iter() {
        spelled.entry(abbr.as_str()).or_default().extend(full.split(' '));
    }
    spelled
});

/// `data/title_abbreviations.tsv`: ("sen.", "senator"), ...
pub(super) static TITLE_ABBREVIATIONS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    include_str!("../../../data/title_abbreviations.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(abbr, full)| (abbr.trim().to_string(), full.trim().to_string()))
        .collect()
});

/// "Then she shattered party norms", "And he said": a source that is only
/// the sentence's opening word, with the pronoun that is the subject right
/// after it. The byte range of that pronoun.
pub(super) fn pronoun_after_function_word(text: &str, span: &Range<usize>, mention: &str) -> Option<Range<usize>> {
    // The openers are short words; most mentions are longer.
    if mention.len() > 5 || !in_list(&FUNCTION_WORDS.clause_openers, mention) {
        return None;
    }
    let after = &text[span.end..];
    let word = after.trim_start();
    let start = span.end + (after.len() - word.len());
    let word = &word[..word.find(|c: char| !c.is_alphabetic()).unwrap_or(word.len())];
    pronoun_gender(word).is_some().then(|| start..start + word.len())
}

/// "“…,” Ada Voss, a former aide, told AFP": a source mention right after
/// "told" is whom the speaker told, not the speaker. The byte range of the
/// teller standing between the closing quotation mark and "told", if the
/// text has one there; `Some(None)` for a listener with no teller found.
pub(super) fn teller_before_listener(text: &str, span: &Range<usize>) -> Option<Option<Range<usize>>> {
    /// How far before "told" the teller's phrase may start.
    const REACH: usize = 160;
    let before = text[..span.start].strip_suffix(' ')?.strip_suffix("told")?;
    let from = text.floor_char_boundary(before.len().saturating_sub(REACH));
    let window = &before[from..];
    let Some(quote) = window.rfind(['”', '"', '\'']) else { return Some(None) };
    let quote_len = window[quote..].chars().next().map_or(1, char::len_utf8);
    let phrase = &window[quote + quote_len..];
    let start = from + quote + quote_len + (phrase.len() - phrase.trim_start().len());
    let end = before.trim_end().trim_end_matches(',').len();
    let teller = &text[start.min(end)..end];
    let names_someone = teller.starts_with(|c: char| c.is_uppercase()) && !teller.contains(['.', '?', '!', '“', '"']) || teller.split_whitespace().next().is_some_and(|w| w.ends_with('.') && in_list(&WORDS.titles, w));
    Some((names_someone && !teller.is_empty()).then_some(start..end))
}

pub(super) fn mention_of(text: &str, span: &Range<usize>) -> String {
    text[span.clone()].trim().to_string()
}

/// Whether the name starting at byte `at`, after "the", modifies a noun of
/// `[modified_heads]` ("the Obama administration", "the Voss campaign"):
/// it names an office or an organisation there, and a following "she"
/// seldom means the person.
fn names_an_office(text: &str, at: usize) -> bool {
    let mut words = text[at..].split_whitespace().peekable();
    let mut name_words = 0;
    while words.next_if(|w| is_cap_word(w) && !in_list(&FUNCTION_WORDS.modified_heads, w)).is_some() {
        name_words += 1;
    }
    name_words > 0 && words.next().is_some_and(|head| in_list(&FUNCTION_WORDS.modified_heads, head.trim_end_matches([',', '.', ';', ':'])))
}

/// Whether the name starting at byte `at` is the object of a preposition
/// ("descriptions for John Kasich") or a possessive ("on Canova's behalf"):
/// a name there is seldom the one a following "he said" means.
pub(super) fn is_object_or_possessive(text: &str, at: usize) -> bool {
    // "to Mr. Quill", "with Sen. Voss": the word before the honorifics
    // and titles.
    let mut before = text[..at].split_whitespace().rev().skip_while(|w| in_list(&WORDS.honorifics, w) || in_list(&WORDS.titles, w));
    let word_before = before.next().unwrap_or("");
    if in_list_as_written(&FUNCTION_WORDS.object_prepositions, word_before) {
        return true;
    }
    if word_before.eq_ignore_ascii_case("the") && names_an_office(text, at) {
        return true;
    }
    let name_words = text[at..].split_whitespace().take(5).take_while(|w| is_cap_word(w));
    let possessive = name_words.last().is_some_and(|w| {
        let w = w.trim_end_matches([',', '.', ';', ':']);
        w.ends_with("’s") || w.ends_with("'s") || w.ends_with('’')
    });
    // "Quill's been saying": "has", not a possessive.
    let contracted = || text[at..].split_whitespace().take(6).find(|w| !is_cap_word(w)).is_some_and(|next| in_list_as_written(&FUNCTION_WORDS.contracted_verbs, next));
    possessive && !contracted()
}

/// Whether the name at byte `at` (a surname, maybe after titles, first
/// names and initials: "Sen. Ada M. Voss") opens its sentence: the
/// sentence's subject, as a rule.
pub(super) fn opens_sentence(text: &str, at: usize) -> bool {
    let quote_or_space = |c: char| c.is_whitespace() || matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'');
    let mut before = text[..at].trim_end_matches(quote_or_space);
    // A name is a few words long: no need to look further back.
    for _ in 0..5 {
        let start = before.char_indices().rfind(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
        let word = &before[start..];
        let of_the_name = is_cap_word(word) && (!word.ends_with('.') || is_initial_word(word) || in_list(&WORDS.honorifics, word) || in_list(&WORDS.titles, word));
        if !of_the_name {
            break;
        }
        before = before[..start].trim_end_matches(quote_or_space);
    }
    before.is_empty() || before.ends_with(['.', '?', '!', ':'])
}

/// "the poll", "the new survey", "the department": an organisation or a
/// document named by its kind alone (or a headline's "Poll"). Its head
/// word, when every word between the article and the head is lower case.
pub(super) fn generic_head(phrase: &str) -> Option<&str> {
    let mut words = phrase.split_whitespace();
    let article = words.next()?;
    if !phrase.contains(' ') {
        let listed = in_list(&WORDS.organisations, article) || in_list(&WORDS.documents, article);
        return (is_cap_word(article) && listed).then_some(article);
    }
    if !["the", "this", "that"].iter().any(|a| article.eq_ignore_ascii_case(a)) {
        return None;
    }
    let head = words.next_back()?;
    let lower = |w: &str| w.chars().all(|c| c.is_lowercase() || c == '-');
    (words.count() <= 2 && lower(head) && phrase.split_whitespace().skip(1).all(lower)).then_some(head)
}

/// Whether the name `named` may be what `phrase` ("the budget office")
/// stands for: each word between its article and its head is in the name
/// ("Congressional Budget Office") or narrows nothing ("the new poll").
pub(super) fn fits_modifiers(phrase: &str, named: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let modifiers = words.get(1..words.len().saturating_sub(1)).unwrap_or_default();
    modifiers.iter().all(|m| GENERIC_MODIFIERS.iter().any(|g| g == m) || named.split_whitespace().any(|w| w.eq_ignore_ascii_case(m)))
}

/// `data/documents_by_maker.txt`: "poll", "report", ...
static DOCUMENTS_BY_MAKER: LazyLock<WordSet> = LazyLock::new(|| list(include_str!("../../../data/documents_by_maker.txt")));

/// `data/document_synonyms.tsv`: ("survey", "poll"), ...
static DOCUMENT_SYNONYMS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    include_str!("../../../data/document_synonyms.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(word, other)| (word.trim(), other.trim()))
        .collect()
});

/// The other words a document of head `head` may have been named by
/// ("poll" for "the survey").
pub(super) fn document_synonyms(head: &str) -> impl Iterator<Item = &'static str> + '_ {
    DOCUMENT_SYNONYMS.iter().filter(move |(word, _)| word.eq_ignore_ascii_case(head)).map(|&(_, other)| other)
}

/// How a document that names its owner is named as a speaker: "a new
/// Harlow Research poll released" is the "Harlow Research poll", "a poll
/// from Granite State University" the "Granite State University poll", so
/// that every mention of one poll is one record, named as the labels of
/// polls name them. `None` where the phrase names no owner, where the
/// document word is part of a name ("the Harlow Political Report") or no
/// head ("a Harlow data expert"), or where the document stands in a phrase
/// about something else ("a review of council filings").
pub(super) fn document_name(phrase: &str) -> Option<String> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let h = words.iter().position(|w| in_list(&WORDS.documents, w.trim_end_matches([',', '.'])))?;
    let head = words[h].trim_end_matches([',', '.']);
    // Only what may follow a head: a preposition, a participle
    // ("released", "taken"), a dash, nothing.
    let ends_the_head = |w: &str| in_list_as_written(&FUNCTION_WORDS.after_head, w) || w.ends_with("ed") || w == "taken" || !w.starts_with(char::is_alphabetic);
    if !head.starts_with(char::is_lowercase) || words.get(h + 1).is_some_and(|w| !ends_the_head(w)) {
        return None;
    }
    let name_word = |w: &str| {
        let bare = w.trim_end_matches('.');
        is_cap_word(w)
            && (bare.len() == w.len() || is_initial_word(w))
            && !is_possessive(w)
            && !w.ends_with([',', ':', ';'])
            && !in_list(&FUNCTION_WORDS.months, w)
            && !in_list(&FUNCTION_WORDS.weekdays, w)
            && !in_list(&FUNCTION_WORDS.phrase_openers, w)
    };
    // "Some emails", "New polls": a word capitalised for opening the
    // sentence, no owner ("New" in "New York Times poll" is).
    let no_owner = |w: &str| in_list(&FUNCTION_WORDS.quantifiers, w) || GENERIC_MODIFIERS.iter().any(|g| g.eq_ignore_ascii_case(w));
    // Back from the head over the owner's words, and the lower-case words
    // inside a name ("Club for Growth", "Rock the Vote").
    let mut from = h;
    while from > 0 {
        if name_word(words[from - 1]) {
            from -= 1;
        } else if from >= 2 && from < h && ["of", "for", "the", "and"].contains(&words[from - 1]) && name_word(words[from - 2]) {
            from -= 2;
        } else {
            break;
        }
    }
    if from < h {
        let in_a_phrase = words[..from].iter().any(|w| in_list_as_written(&FUNCTION_WORDS.after_head, w) || *w == "and");
        if in_a_phrase || from + 1 == h && no_owner(words[from]) {
            return None;
        }
        return Some(format!("{} {head}", words[from..h].join(" ")));
    }
    if !words.get(h + 1).is_some_and(|w| ["from", "by"].contains(w)) || !in_list(&DOCUMENTS_BY_MAKER, head) {
        return None;
    }
    // "a poll by the Harlow Institute of Public Opinion": capitalised
    // words, with "of" and "and" inside the name.
    let rest = words[h + 2..].strip_prefix(&["the"]).unwrap_or(&words[h + 2..]);
    let mut end = 0;
    for (k, w) in rest.iter().enumerate().take(8) {
        let bare = w.trim_end_matches([',', ';', ':']);
        let bare = if is_initial_word(bare) { bare } else { bare.trim_end_matches('.') };
        // "a report from the Harbour Board's auditor" is the auditor's,
        // whom no name here gives.
        if is_possessive(bare) {
            return None;
        }
        if is_cap_word(bare) {
            end = k + 1;
            if bare.len() < w.len() {
                break;
            }
        } else if !(end > 0 && ["of", "and", "for"].contains(w)) {
            break;
        }
    }
    let bare = |w: &&str| {
        let w = w.trim_end_matches([',', ';', ':']);
        if is_initial_word(w) { w.to_string() } else { w.trim_end_matches('.').to_string() }
    };
    (end > 0).then(|| format!("{} {head}", rest[..end].iter().map(bare).collect::<Vec<_>>().join(" ")))
}

/// `data/generic_modifiers.txt`: "new", "latest", ...
static GENERIC_MODIFIERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::model::data_lines(include_str!("../../../data/generic_modifiers.txt")).collect());

/// Where the text names the organisation or document a generic phrase of
/// head `head` ("the poll") stands for: the nearest "<Name> poll" (or
/// "Department of <Name>") before byte `at`, else the first after it (a
/// headline's "Poll:" is named in the article below). Capitalised words
/// only: "a CNN/WMUR poll", "the State Department", "Rubio's campaign".
pub(super) fn named_instance(text: &str, at: usize, head: &str) -> Option<Range<usize>> {
    named_instance_before(text, at, head).or_else(|| {
        let tail = searched_tail(head)?;
        let from = (at + 1).min(text.len());
        memchr::memmem::find_iter(&text.as_bytes()[from..], tail).find_map(|pos| named_at(text, from + pos, head))
    })
}

/// The nearest "<Name> <head>" (or "<Head> of <Name>") before byte `at`,
/// as `named_instance` finds it.
pub(super) fn named_instance_before(text: &str, at: usize, head: &str) -> Option<Range<usize>> {
    let tail = searched_tail(head)?;
    memchr::memmem::rfind_iter(&text.as_bytes()[..at], tail).find_map(|pos| named_at(text, pos, head))
}

/// What is searched for of a head: all but its first letter, which may be
/// either case. The heads are the ASCII words of data/organisations.txt
/// and data/documents.txt; the phrase is rare and the text long.
fn searched_tail(head: &str) -> Option<&[u8]> {
    (head.is_ascii() && head.len() >= 2).then(|| &head.as_bytes()[1..])
}

/// The name headed by `head` whose tail was found at byte `pos`.
fn named_at(text: &str, pos: usize, head: &str) -> Option<Range<usize>> {
    let start = pos.checked_sub(1)?;
    text.as_bytes()[start].eq_ignore_ascii_case(&head.as_bytes()[0]).then(|| named_with_head(text, start, head.len())).flatten()
}

/// The name of which the word at `pos` (`len` bytes) is the head: the
/// capitalised words right before it, or "of" and capitalised words right
/// after a capitalised head ("Department of Labor").
fn named_with_head(text: &str, pos: usize, len: usize) -> Option<Range<usize>> {
    let end = pos + len;
    let whole_word = !text[..pos].ends_with(char::is_alphanumeric) && !text[end..].starts_with(char::is_alphanumeric);
    if !whole_word {
        return None;
    }
    let mut start = pos;
    for _ in 0..4 {
        let before = &text[..start];
        let Some(space) = before.strip_suffix(' ') else { break };
        let from = space.char_indices().rfind(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
        let word = &space[from..];
        let bare = word.trim_end_matches("’s").trim_end_matches("'s");
        let a_date = in_list(&FUNCTION_WORDS.weekdays, bare) || in_list(&FUNCTION_WORDS.months, bare);
        let quoted = word.contains(['"', '“', '”', '(', ')']);
        if !is_cap_word(word) || a_date || quoted || in_list(&NOT_NAME_SET, word) || in_list(&MEDIA_WORDS, word) || word.ends_with(['.', ',', ':', ';']) && !is_initial_word(word) {
            break;
        }
        start = from;
    }
    if start < pos {
        return Some(start..end);
    }
    let rest = text[end..].strip_prefix(" of ")?;
    let name_len: usize = rest.split(' ').take_while(|w| is_cap_word(w)).map(|w| w.len() + 1).sum();
    let name = rest[..name_len.saturating_sub(1)].trim_end_matches([',', '.', ';', ':']);
    (is_cap_word(&text[pos..end]) && !name.is_empty()).then(|| pos..end + 4 + name.len())
}

/// "the head of the union", "a former aide", "Carter's press secretary",
/// "the Podesta Group's CEO", "Henry Clay's biographers": a description of
/// someone, no name.
pub(super) fn is_description(phrase: &str) -> bool {
    if phrase.split_whitespace().next_back().is_some_and(|last| is_cap_word(last) && !in_list(&WORDS.titles, last)) {
        return false;
    }
    let mut words = phrase.split_whitespace();
    let Some(first) = words.next() else { return false };
    let owner_before_a_noun = || phrase.split_whitespace().zip(phrase.split_whitespace().skip(1)).any(|(w, next)| is_possessive(w) && !is_cap_word(next));
    ["the", "a", "an"].iter().any(|a| first.eq_ignore_ascii_case(a))
        || first.chars().next().is_some_and(char::is_lowercase)
        || POSSESSIVE_DETERMINERS.iter().any(|d| first.eq_ignore_ascii_case(d))
        || owner_before_a_noun()
}

/// "a spokesman for House Speaker Paul Ryan", "an aide to Sen. Ada Voss":
/// someone's role for a person or body named after it, a description of
/// someone although it ends in a name.
pub(super) fn describes_role_for_someone(phrase: &str) -> bool {
    let Some((role, _)) = [" for ", " to "].iter().filter_map(|p| phrase.split_once(p)).min_by_key(|(role, _)| role.len()) else { return false };
    role.contains(' ') && is_description(role) && names_a_role(role) && kind_of_phrase(role).is_none()
}

/// "Her campaign manager", "His team": a description opened at a sentence
/// start by whose it is.
pub(super) const POSSESSIVE_DETERMINERS: &[&str] = &["his", "her", "their", "its"];

/// Whether a description says what someone is ("the head of the union",
/// "a top aide", "27, a nurse"): an article, or a title word in it.
pub(super) fn names_a_role(phrase: &str) -> bool {
    let first = phrase.split_whitespace().next().unwrap_or("");
    ["the", "a", "an"].iter().any(|a| first.eq_ignore_ascii_case(a)) || phrase.split_whitespace().any(|w| in_list(&WORDS.titles, w.trim_end_matches(',')))
}

/// "27": the age that stands after a name ("Ada Voss, 27, a nurse").
pub(super) fn is_age(phrase: &str) -> bool {
    !phrase.is_empty() && phrase.len() <= 3 && phrase.bytes().all(|b| b.is_ascii_digit())
}

pub(super) fn is_possessive(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s") || word.ends_with('’') || word.ends_with('\'')
}

/// The name that stands just before `at` followed by a comma ("Ada Voss, "
/// before "the head of the union"): up to four capitalised words, initials
/// included, not the object of a preposition ("an interview with Ada Voss,").
pub(super) fn name_before(text: &str, at: usize) -> Option<&str> {
    let before = text[..at].trim_end().strip_suffix(',')?.trim_end();
    let mut start = before.len();
    let mut words = 0;
    while words < 5 {
        let from = before[..start].trim_end().char_indices().rfind(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
        let word = &before[from..start].trim_end();
        if word.is_empty() || !is_cap_word(word) || word.ends_with(['.', ':', ';']) && !is_initial_word(word) {
            break;
        }
        // "Like Rove, the Sanders camp": a capitalised function word
        // starts no name, and what follows it is its object.
        if in_list(&NOT_NAME_SET, word) || in_list(&FUNCTION_WORDS.name_prepositions, word) {
            return None;
        }
        start = from;
        words += 1;
        if from == 0 {
            break;
        }
    }
    if words == 0 || words > 4 {
        return None;
    }
    let word_before = before[..start].split_whitespace().next_back().unwrap_or("");
    if in_list_as_written(&FUNCTION_WORDS.before_an_object, word_before) {
        return None;
    }
    Some(&before[start..])
}

/// "Wolf Blitzer" for "Blitzer": the given names the text wrote last
/// before `at` in front of `surname` ("Recep Tayyip Erdogan"), with the
/// surname: one or two capitalised words of letters that are no title,
/// honorific, place, party or function word, within the sentence. Not
/// from a longer run of capitals ("She Sees Reagan" of a headline), and
/// at a sentence's start only a known first name: there a capital tells
/// nothing ("Interestingly Blocher").
pub(super) fn full_name_ending_in(text: &str, at: usize, surname: &str) -> Option<String> {
    let given_name = |word: &str| {
        is_cap_word(word)
            && word.chars().all(|c| c.is_alphabetic() || c == '-')
            && ![&NOT_NAME_SET, &WORDS.titles, &WORDS.honorifics, &WORDS.descriptors, &WORDS.places, &WORDS.party_words, &WORDS.peoples].iter().any(|set| in_list(set, word))
    };
    memchr::memmem::rfind_iter(&text.as_bytes()[..at], surname.as_bytes()).find_map(|pos| {
        if !text[..pos].ends_with(' ') || text[pos + surname.len()..].starts_with(char::is_alphanumeric) {
            return None;
        }
        let given: Vec<&str> = text[..pos].split(' ').rev().skip(1).take(2).take_while(|w| given_name(w)).collect();
        let first = given.last()?;
        let stop = text[..pos].split(' ').rev().nth(given.len() + 1);
        let in_capitals = stop.is_some_and(|w| is_cap_word(w) && w.ends_with(char::is_alphanumeric));
        let sentence_start = stop.is_none_or(|w| w.ends_with(['.', '!', '?', '"', '”', '\n']));
        if in_capitals || sentence_start && first_name_gender(first).is_none() {
            return None;
        }
        Some(given.iter().rev().copied().chain([surname]).collect::<Vec<_>>().join(" "))
    })
}

/// "M." or "J.J.": an initial, which may end in a period inside a name.
pub(super) fn is_initial_word(word: &str) -> bool {
    word.split_terminator('.').all(|part| part.chars().count() == 1)
}

/// Whether a parsed name may be someone's: no month ("April"), no dateline
/// in capitals ("WASHINGTON"), no description ("Orlando Democrat").
pub(super) fn plausible_name(name: &str) -> bool {
    // "Sanders Beats Clinton In Oklahoma": a headline, with its function
    // words in capitals too, and longer than names run.
    // (Called for every run that may be a name: one pass over the bytes
    // decides whether the word tests are needed at all.)
    let bytes = name.as_bytes();
    let (mut spaces, mut day) = (0, false);
    for (i, &b) in bytes.iter().enumerate() {
        if b == b' ' {
            spaces += 1;
        } else if b == b'y' && i >= 2 && bytes[i - 1] == b'a' && bytes[i - 2] | 0x20 == b'd' {
            day = true;
        }
    }
    let headline = spaces >= 4 && name.split_whitespace().all(is_cap_word) && name.split_whitespace().skip(1).any(|w| in_list(&NOT_NAME_SET, w));
    if headline || name.split(' ').any(|w| in_list(&WORDS.descriptors, w)) || day && names_a_day(name) {
        return false;
    }
    if name.contains(' ') {
        return true;
    }
    // "That's", "What's": a function word with a clitic, no name.
    if in_list(&NOT_NAME_SET, name) || is_pronoun(name) || ["what", "that", "which", "who"].iter().any(|w| name.eq_ignore_ascii_case(w)) {
        return false;
    }
    let shouting = name.chars().filter(|c| c.is_alphabetic()).count() > 5 && !name.chars().any(char::is_lowercase);
    !shouting && !in_list(&FUNCTION_WORDS.months, name)
}

/// "Monday", "Super Tuesday", "On Sunday": a day, never anyone's name
/// (and a run that starts with one, "Tuesday Oklahoma", no one's either).
pub(super) fn names_a_day(name: &str) -> bool {
    name.split_whitespace().all(is_cap_word) && name.split_whitespace().any(|w| in_list(&FUNCTION_WORDS.weekdays, w.trim_end_matches([',', '.'])))
}

/// Whether a phrase that is no name may still be a speaker: not a number,
/// a share ("63 percent") or a date.
pub(super) fn plausible_phrase(phrase: &str) -> bool {
    !phrase.bytes().any(|b| b.is_ascii_digit())
        && !phrase.split_whitespace().any(|w| w.eq_ignore_ascii_case("percent") || in_list(&FUNCTION_WORDS.months, w))
        && plausible_name(phrase.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_for_someone_named_is_a_description() {
        assert!(describes_role_for_someone("a spokeswoman for Mayor Tom Lee"));
        assert!(describes_role_for_someone("an aide to Gov. Ada Voss"));
        assert!(!describes_role_for_someone("a report for Congress"));
        assert!(!describes_role_for_someone("Tom Lee"));
        assert!(!describes_role_for_someone("Mayor Tom Lee"));
    }

    #[test]
    fn a_name_opens_its_sentence_after_its_titles_and_first_names() {
        for (text, opens) in [
            ("It rained. Sen. Ada M. Voss said so.", true),
            ("“It rained.”\n\nVoss said so.", true),
            ("It rained, said Sen. Ada Voss.", false),
            ("It rained in Leeds. Voss said so.", true),
            ("He met Ada\u{a0}Voss there.", false),
            ("It rained.\u{a0}Ada\u{a0}Voss said so.", true),
        ] {
            assert_eq!(opens_sentence(text, text.find("Voss").unwrap()), opens, "{text:?}");
        }
    }

    #[test]
    fn party_words_and_descriptors_are_parties_and_other_capitals_are_not() {
        for (word, party) in [("GOP", true), ("Democratic", true), ("democratic", true), ("Republicans", true), ("Senate", false), ("Gopher", false)] {
            assert_eq!(is_party_word(word), party, "{word:?}");
        }
    }

    #[test]
    fn a_medium_before_a_documents_head_is_no_maker() {
        let text = "The Harlow Fund bought a TV ad for the race. The ad ran twice.";
        let at = text.find("The ad").unwrap();
        assert_eq!(named_instance_before(text, at, "ad"), None);
        let text = "The Harlow Fund ad ran on TV. The ad ran twice.";
        let at = text.find("The ad").unwrap();
        assert_eq!(named_instance_before(text, at, "ad").map(|r| &text[r]), Some("Harlow Fund ad"));
    }
}
