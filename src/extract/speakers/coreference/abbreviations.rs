//! "The DNC said": an abbreviation the article spells out, in brackets after
//! the name ("the Democratic National Committee (DNC)") or by the full name
//! anywhere in it, is the body of that full name, so that the body is one
//! record however the article writes it. An abbreviation the article never
//! spells out stays as written.

use super::super::names::canonical_phrase;
use super::super::words::*;
use super::super::Speaker;
use super::bodies::ends_a_body_name;
use super::SpeakerResolver;
use crate::model::SpeakerKind;
use std::ops::Range;
use std::sync::LazyLock;

/// The small words a name written in capitals leaves in small letters
/// ("Federal Bureau of Investigation"), `data/title_small_words.txt`
/// without its marks.
static SMALL_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(crate::model::data_lines(include_str!("../../../../data/title_small_words.txt")).map(|w| w.trim_start_matches('+').to_lowercase().into_bytes().into())));

/// How many letters an abbreviation of a body's name may have.
const LETTERS: Range<usize> = 2..7;

impl SpeakerResolver<'_> {
    /// `speaker` renamed for the body its abbreviation stands for, where the
    /// article spells it out: the last spelling before the mention at
    /// `span`, or failing that the first after it. A document or group
    /// named after the body ("the AAN ad", "RNC officials") keeps its own
    /// words after the body's full name.
    pub(super) fn spelled_out_body(&self, text: &str, span: &Range<usize>, speaker: &Speaker) -> Option<Speaker> {
        let name = speaker.name.strip_prefix("the ").or_else(|| speaker.name.strip_prefix("The ")).unwrap_or(&speaker.name);
        let (abbreviation, rest) = name.split_once(' ').unwrap_or((name, ""));
        if !LETTERS.contains(&abbreviation.len()) || !abbreviation.bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        let of_the_body = matches!(speaker.kind, SpeakerKind::Document | SpeakerKind::Organization | SpeakerKind::Group);
        // Words after the letters are allowed only as the lower-case name
        // of a thing the body puts out ("ad", "officials").
        let names_a_thing_of_the_body = of_the_body && rest.split(' ').all(|w| w.bytes().all(|b| b.is_ascii_lowercase()));
        if !(rest.is_empty() || names_a_thing_of_the_body) {
            return None;
        }
        let spellings = spellings_of(text, abbreviation.as_bytes());
        let before = spellings.iter().rfind(|r| r.end <= span.start);
        let full = before.or_else(|| spellings.iter().find(|r| r.start >= span.end))?;
        if rest.is_empty() {
            return Some(Speaker { name: canonical_phrase(&text[full.clone()], SpeakerKind::Organization), mention: speaker.mention.clone(), role: None, kind: SpeakerKind::Organization });
        }
        let body = text[full.clone()].strip_prefix("the ").or_else(|| text[full.clone()].strip_prefix("The ")).unwrap_or(&text[full.clone()]);
        let article = if speaker.name.len() > name.len() { "the " } else { "" };
        Some(Speaker { name: format!("{article}{body} {rest}"), ..speaker.clone() })
    }
}

/// Byte ranges (with a "the" before them) of the names of bodies in `text`
/// whose capitalised words begin with the letters of `abbreviation` in
/// order, small words between them ("Citizens for Responsibility and
/// Ethics in Washington"). Two words at least, one of them a body's
/// ("Committee", "Bureau"): "Democratic National Convention" is no DNC
/// that speaks.
fn spellings_of(text: &str, abbreviation: &[u8]) -> Vec<Range<usize>> {
    let words = words_of(text);
    let mut out = Vec::new();
    for i in 0..words.len() {
        // A spelling opens on a word with the first letter, which most
        // words turn away before a look at the words after them.
        if text.as_bytes()[words[i].start] != abbreviation[0] {
            continue;
        }
        let Some(end) = spelled_from(text, &words, i, abbreviation) else { continue };
        let a_body_word = || words[i..=end].iter().any(|w| ends_a_body_name(&text[w.clone()]) || in_list(&WORDS.organisation_words, &text[w.clone()]));
        if end > i && a_body_word() {
            let start = words[i].start;
            let start = if text[..start].ends_with("the ") || text[..start].ends_with("The ") { start - 4 } else { start };
            out.push(start..words[end].end);
        }
    }
    out
}

/// The index of the last word of a spelling of `abbreviation` starting at
/// word `i`: each capitalised word gives the next letter, a small word
/// between two of them gives none, and only spaces part the words.
fn spelled_from(text: &str, words: &[Range<usize>], i: usize, abbreviation: &[u8]) -> Option<usize> {
    let mut letter = 0;
    let mut j = i;
    loop {
        let word = &text[words[j].clone()];
        if is_cap_word(word) {
            // A word in capitals ("DNC" itself) spells no letter.
            if word.as_bytes()[0] != abbreviation[letter] || word.len() > 1 && word.as_bytes()[1].is_ascii_uppercase() {
                return None;
            }
            letter += 1;
            if letter == abbreviation.len() {
                return Some(j);
            }
        } else if letter == 0 || !in_list_as_written(&SMALL_WORDS, word) {
            return None;
        }
        let next = words.get(j + 1)?;
        if !text[words[j].end..next.start].bytes().all(|b| b == b' ') {
            return None;
        }
        j += 1;
    }
}

/// Byte ranges of the words of `text`: runs of letters, digits, hyphens
/// and apostrophes.
fn words_of(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    let bytes = text.as_bytes();
    let mut at = 0;
    // Each abbreviation read reads the whole article: ASCII, most of it,
    // is told a byte at a time, without decoding characters.
    while at < bytes.len() {
        let (in_word, len) = match bytes[at] {
            b if b.is_ascii() => (b.is_ascii_alphanumeric() || matches!(b, b'-' | b'\'' | b'&'), 1),
            _ => {
                let c = text[at..].chars().next().expect("a character starts here");
                (c.is_alphanumeric() || c == '’', c.len_utf8())
            }
        };
        match (in_word, start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                out.push(s..at);
                start = None;
            }
            _ => {}
        }
        at += len;
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::resolve_all;

    #[test]
    fn an_abbreviation_spelled_out_in_brackets_is_the_full_name() {
        let text = "The Harlow Valley Water Commission (HVWC) met on Monday. The HVWC said the reservoir was low.";
        let s = resolve_all(text, &["The HVWC"]);
        assert_eq!(s[0].name, "the Harlow Valley Water Commission");
    }

    #[test]
    fn a_document_named_after_an_abbreviated_body_takes_its_full_name() {
        let text = "The Coastal Action Network is buying airtime. Voters will see the CAN ad twice a day, the ad claims.";
        let s = resolve_all(text, &["the CAN ad"]);
        assert_eq!(s[0].name, "Coastal Action Network ad");
    }

    #[test]
    fn an_abbreviation_of_a_name_given_earlier_is_that_name() {
        let text = "Critics blamed the Democratic National Committee for the delay. \
            Later the DNC said the vote would go ahead.";
        let s = resolve_all(text, &["the DNC"]);
        assert_eq!(s[0].name, "the Democratic National Committee");
        // Small words inside the name give no letter.
        let text = "The Federal Bureau of Investigation opened a file. The FBI said it had closed it.";
        assert_eq!(resolve_all(text, &["The FBI"])[0].name, "the Federal Bureau of Investigation");
    }

    #[test]
    fn an_abbreviation_the_article_never_spells_out_stays_as_written() {
        let text = "Delegates gathered for the Democratic National Convention. The DNC said the hall was full.";
        let s = resolve_all(text, &["The DNC"]);
        assert_eq!(s[0].name, "DNC");
    }

    #[test]
    fn words_are_the_runs_a_character_by_character_reading_finds() {
        let plain = |text: &str| {
            let mut out = Vec::new();
            let mut start = None;
            for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
                match (c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '&'), start) {
                    (true, None) => start = Some(at),
                    (false, Some(s)) => {
                        out.push(s..at);
                        start = None;
                    }
                    _ => {}
                }
            }
            out
        };
        for text in ["", "AT&T’s well-known O'Neil — Zoë, café (NAACP)", "naïve…end", "“Über” 42nd\u{a0}St", "ends inside a wörd"] {
            assert_eq!(super::words_of(text), plain(text), "{text:?}");
        }
    }
}
