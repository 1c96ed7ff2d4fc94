//! Organisations by their kind: "the company said", "the agency said" is
//! the organisation the article names last before it whose kind fits (see
//! `data/organisation_kinds.tsv`): a name that ends in a fitting word
//! ("the Heritage Foundation" for "the group"), or one the text describes
//! so ("Exxon Mobil, the oil giant", "the website Harlowbuy.com" for "the
//! company"). Left unresolved where the article names none.

use super::super::mention_words::{fits_modifiers, generic_head, named_instance_before};
use super::super::names::is_place;
use super::super::words::*;
use super::super::Speaker;
use super::SpeakerResolver;
use crate::model::SpeakerKind;
use std::ops::Range;
use std::sync::LazyLock;

/// One row of `data/organisation_kinds.tsv`.
struct BodyKind {
    head: &'static str,
    /// Words that end a fitting name, or are one (in capitals: "FBI").
    name_heads: Vec<&'static str>,
    /// Heads of a description beside a fitting name ("giant").
    described_by: Vec<&'static str>,
}

static BODY_KINDS: LazyLock<Vec<BodyKind>> = LazyLock::new(|| {
    let words = |col: Option<&'static str>| col.map(|c| c.split(' ').filter(|w| !w.is_empty()).collect()).unwrap_or_default();
    include_str!("../../../../data/organisation_kinds.tsv")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let head = cols.next()?;
            Some(BodyKind { head, name_heads: words(cols.next()), described_by: words(cols.next()) })
        })
        .collect()
});

/// Whether `word` ends the names of organisations of some kind ("Bureau",
/// "Foundation"), as `data/organisation_kinds.tsv` lists them.
pub(super) fn ends_a_body_name(word: &str) -> bool {
    BODY_KINDS.iter().any(|k| k.name_heads.contains(&word))
}

/// How many capitalised words a name beside a description may have.
const NAME_WORDS: usize = 4;

/// How far before the description (in bytes, a few paragraphs) its name
/// may stand: further back, the article has most often moved on to a body
/// it names in no way these rules know.
const REACH: usize = 3000;

impl SpeakerResolver<'_> {
    /// "the company", "the oil company": the organisation of a fitting kind
    /// named last before `span`, when the phrase's other words are in its
    /// name or narrow nothing.
    pub(super) fn body_by_kind(&self, text: &str, span: &Range<usize>, phrase: &str) -> Option<Speaker> {
        let head = generic_head(phrase)?;
        if !phrase.contains(' ') {
            return None;
        }
        let kind = BODY_KINDS.iter().find(|k| k.head.eq_ignore_ascii_case(head))?;
        let at = span.start;
        let floor = at.saturating_sub(REACH);
        let named = kind.name_heads.iter().filter_map(|w| self.fitting(text, phrase, at, true, |before| name_ending_in(text, before, w).map(|r| (r.start, r))));
        let described = kind.described_by.iter().filter_map(|w| self.fitting(text, phrase, at, false, |before| described_name(text, before, w)));
        let (_, speaker) = named.chain(described).filter(|(range, _)| range.start >= floor).max_by_key(|(range, _)| range.start)?;
        Some(Speaker { mention: text[span.clone()].trim().to_string(), ..speaker })
    }

    /// "the Post", "the Daily News": an organisation called by the last
    /// words of a name the article gave in full before it ("The Washington
    /// Post", "the New York Daily News"), ending in a word that ends names
    /// of organisations (`data/organisation_kinds.tsv`). That full name, so
    /// that the paper is one record however the article shortens it.
    pub(super) fn body_by_short_name(&self, text: &str, span: &Range<usize>, phrase: &str) -> Option<Speaker> {
        let short = phrase.strip_prefix("the ").or_else(|| phrase.strip_prefix("The "))?;
        let words = short.split(' ').count();
        let last = short.rsplit(' ').next()?;
        if words > 2 || !short.split(' ').all(is_cap_word) || !BODY_KINDS.iter().any(|k| k.name_heads.contains(&last)) {
            return None;
        }
        let floor = span.start.saturating_sub(REACH);
        let named = named_instance_before(text, span.start, short).filter(|r| r.start >= floor)?;
        let full = text[named.clone()].trim();
        // "the State Department" for "the U.S. State Department" is the
        // name the corpus knows it by: a place or initials before it add
        // nothing.
        let extra = full[..full.len() - short.len()].trim();
        if full.split(' ').count() <= words || is_place(extra) || extra.ends_with('.') {
            return None;
        }
        // With its article, as the full name is resolved where it stands.
        let article = ["The ", "the "].iter().any(|a| text[..named.start].ends_with(a));
        let named = if article { named.start - 4..named.end } else { named };
        let speaker = self.body_named(text, phrase, &named, true)?;
        Some(Speaker { mention: text[span.clone()].trim().to_string(), ..speaker })
    }

    /// The nearest name before `at` that `find` gives (searching before the
    /// byte it is handed) and that is an organisation's: never a person the
    /// document knows or a place; with a first name ("Orlando Sentinel")
    /// only when `by_head`, the name ending in a word of an organisation.
    fn fitting(&self, text: &str, phrase: &str, at: usize, by_head: bool, find: impl Fn(usize) -> Option<(usize, Range<usize>)>) -> Option<(Range<usize>, Speaker)> {
        let mut before = at;
        // A few tries: the nearest fitting word may name a person's office.
        for _ in 0..4 {
            let (next, range) = find(before)?;
            before = next;
            let range = with_of_phrase(text, range);
            if let Some(speaker) = self.body_named(text, phrase, &range, by_head) {
                return Some((range, speaker));
            }
        }
        None
    }

    fn body_named(&self, text: &str, phrase: &str, range: &Range<usize>, by_head: bool) -> Option<Speaker> {
        let name = text[range.clone()].trim();
        let name = name.strip_prefix("The ").unwrap_or(name);
        // A name ending in a word of organisations ("Dora Sentinel") is none
        // of the people the resolver learnt from names with first names, and
        // one without a first name ("Harlowbuy.com said") none of any.
        if !fits_modifiers(phrase, name) || is_place(name) || !by_head && self.person_named(name, range.start, Gender::Unknown).is_some_and(|id| self.has_first_name(id)) {
            return None;
        }
        // "Federation of Harbor and Dock Pilots" is one body, not a pair.
        if name.contains(" and ") {
            return Some(Speaker { name: name.to_string(), mention: String::new(), role: None, kind: SpeakerKind::Organization });
        }
        let speaker = self.resolve_mention(text, range);
        if speaker.kind == SpeakerKind::Organization && !speaker.name.is_empty() {
            return Some(speaker);
        }
        let first_named = name.contains(' ') && name.split(' ').next().and_then(first_name_gender).is_some();
        if speaker.kind == SpeakerKind::Group || first_named && !by_head {
            return None;
        }
        // A name the rules for people make nothing of ("Harlowbuy.com") is
        // the body's as written, where the text shows it is one.
        Some(Speaker { name: name.to_string(), mention: String::new(), role: None, kind: SpeakerKind::Organization })
    }
}

/// The nearest name before `at` that ends in `word` ("Heritage Foundation")
/// or, for a word in capitals, is it ("the FBI").
fn name_ending_in(text: &str, at: usize, word: &str) -> Option<Range<usize>> {
    if word.len() > 1 && word.bytes().all(|b| b.is_ascii_uppercase()) {
        return memchr::memmem::rfind_iter(&text.as_bytes()[..at], word.as_bytes())
            .find(|&pos| !text[..pos].ends_with(char::is_alphanumeric) && !text[pos + word.len()..].starts_with(char::is_alphanumeric))
            .map(|pos| pos..pos + word.len());
    }
    named_instance_before(text, at, word)
}

/// The nearest name before `at` beside a description of head `word`: "the
/// oil giant Exxon Mobil", "Alphabet, the parent company of Google".
fn described_name(text: &str, at: usize, word: &str) -> Option<(usize, Range<usize>)> {
    memchr::memmem::rfind_iter(&text.as_bytes()[..at], word.as_bytes()).find_map(|pos| {
        let end = pos + word.len();
        let whole = !text[..pos].ends_with(char::is_alphanumeric) && !text[end..].starts_with(char::is_alphanumeric);
        if !whole {
            return None;
        }
        let after = text[end..].strip_prefix(' ').and_then(|rest| cap_run_after(text, text.len() - rest.len()));
        // A name after the description must end before `at`: "the company
        // Twitter", not a name the mention itself follows.
        after.filter(|r| r.end <= at).or_else(|| name_before_description(text, pos)).map(|r| (pos, r))
    })
}

/// "Alphabet, the parent company": the capitalised words before ", the"
/// and up to three lower-case words before the head at `pos`.
fn name_before_description(text: &str, pos: usize) -> Option<Range<usize>> {
    let mut before = &text[..pos];
    for _ in 0..4 {
        let trimmed = before.trim_end_matches(' ');
        let from = trimmed.rfind(' ').map_or(0, |k| k + 1);
        let word = &trimmed[from..];
        if ["the", "a", "an"].contains(&word) {
            let name_end = trimmed[..from].trim_end_matches(' ').strip_suffix(',')?.len();
            return cap_run_before(text, name_end).filter(|name| !a_place_after(text, name.start));
        }
        if !word.chars().all(|c| c.is_lowercase() || c == '-') || word.is_empty() {
            return None;
        }
        before = &trimmed[..from];
    }
    None
}

/// "International Federation of Professional and Technical Engineers":
/// the name `range` holds, with the "of" phrase after its head.
fn with_of_phrase(text: &str, range: Range<usize>) -> Range<usize> {
    let Some(rest) = text[range.end..].strip_prefix(" of ") else { return range };
    let mut end = None;
    let mut pos = range.end + 4;
    for word in rest.split(' ').take(6) {
        if is_cap_word(word) {
            let bare = word.trim_end_matches([',', '.', ';', ':', ')', '”', '"']);
            end = Some(pos + bare.len());
            if bare.len() < word.len() {
                break;
            }
        } else if !["and", "of", "for", "the"].contains(&word) {
            break;
        }
        pos += word.len() + 1;
    }
    range.start..end.unwrap_or(range.end)
}

/// Whether a preposition of place ("in", "in downtown") stands right
/// before byte `at`: "In downtown Harlow, a group marched" describes no
/// body by its name.
fn a_place_after(text: &str, at: usize) -> bool {
    let place_word = |w: &&str| !w.eq_ignore_ascii_case("of") && in_list(&FUNCTION_WORDS.place_prepositions, w);
    text[..at].split_whitespace().rev().take(2).any(|w| place_word(&w))
}

/// The capitalised words (a few at most) starting at `start`, without the
/// punctuation after the last.
fn cap_run_after(text: &str, start: usize) -> Option<Range<usize>> {
    let (mut end, mut pos) = (start, start);
    for word in text[start..].split([' ', '\n']).take(NAME_WORDS) {
        if !is_cap_word(word) {
            break;
        }
        let bare = word.trim_end_matches([',', '.', ';', ':', '’', '\'', '”', '"', ')']);
        let bare = bare.strip_suffix("’s").or_else(|| bare.strip_suffix("'s")).unwrap_or(bare);
        end = pos + bare.len();
        pos += word.len() + 1;
        if bare.len() < word.len() {
            break;
        }
    }
    (end > start).then_some(start..end)
}

/// The capitalised words (a few at most) ending at `end`, within their
/// sentence.
fn cap_run_before(text: &str, end: usize) -> Option<Range<usize>> {
    let mut start = end;
    for _ in 0..NAME_WORDS {
        let upto = text[..start].trim_end_matches(' ').len();
        let from = text[..upto].rfind([' ', '\n']).map_or(0, |k| k + 1);
        let word = &text[from..upto];
        if !is_cap_word(word) || (start != end && word.ends_with(['.', ',', ';', ':'])) {
            break;
        }
        start = from;
        if from == 0 || text[..from].ends_with('\n') {
            break;
        }
    }
    (start < end).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::super::tests::resolve_all;
    use crate::model::SpeakerKind;

    #[test]
    fn the_company_is_the_company_named_beside_a_description_of_its_kind() {
        let text = "Shares of Orvane Dynamics, the drone maker, fell on Monday. The company said sales were slow. \
                    Trading was calm at the steel giant Kestrel Works. The company said it would hire.";
        let s = resolve_all(text, &["The company", "The company"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("Orvane Dynamics", SpeakerKind::Organization));
        assert_eq!(s[1].name, "Kestrel Works");
        let text = "A notice on the website Harlowbuy.com said bids were closed, and that the company kept the right to refuse any. \
                    \"No one at (the website) has met him,\" the company wrote in its notice.";
        assert_eq!(resolve_all(text, &["the website Harlowbuy.com", "the company"])[1].name, "Harlowbuy.com");
        assert_eq!(s[0].mention, "The company");
    }

    #[test]
    fn the_group_or_agency_is_the_last_name_of_its_kind() {
        let text = "The Harlow Reading Foundation counted the books. The group said most were new. \
                    The FBI opened a file. Later the Harlow Gazette wrote about it. The agency said little. \
                    The Harlow Gazette printed it. Later the Dora Sentinel covered the fire. The newspaper said it spread fast.";
        let s = resolve_all(text, &["The group", "The agency", "The newspaper"]);
        assert_eq!(s[2].name, "Dora Sentinel");
        assert_eq!((s[0].name.as_str(), s[0].kind), ("Harlow Reading Foundation", SpeakerKind::Organization));
        assert_eq!(s[1].name, "FBI");
    }

    #[test]
    fn a_name_with_an_of_phrase_is_named_whole_and_one_far_back_is_not_taken() {
        let text = "The Northern Federation of Harbor and Dock Pilots wrote to the mayor. The group said the port was unsafe.";
        let s = resolve_all(text, &["The group"]);
        assert_eq!(s[0].name, "Northern Federation of Harbor and Dock Pilots");
        let far = format!("The Harlow Reading Foundation opened. {} The group said the rain was heavy.", "It rained all day in the town. ".repeat(120));
        let s = resolve_all(&far, &["The group"]);
        assert_eq!(s[0].name, "the group");
    }

    #[test]
    fn a_kind_the_article_names_no_body_of_stays_as_it_is() {
        let text = "In downtown Harlow, a company of dancers marched. Tom Quill, a retired welder, met the mayor. The company said the plant would stay.";
        let s = resolve_all(text, &["The company"]);
        assert_eq!(s[0].name, "the company");
    }
}
