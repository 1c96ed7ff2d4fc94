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
    let mut out = Vec::new();
    // A spelling opens on a word with the first letter: those words are
    // found by a byte search, and only the words after each are read (the
    // whole article was split into words for each abbreviation resolved).
    for at in memchr::memchr_iter(abbreviation[0], text.as_bytes()) {
        if text[..at].chars().next_back().is_some_and(is_word_char) {
            continue;
        }
        let Some(spelled) = spelled_from(text, words_from(text, at), abbreviation) else { continue };
        let a_body_word = || spelled.iter().any(|w| ends_a_body_name(&text[w.clone()]) || in_list(&WORDS.organisation_words, &text[w.clone()]));
        if let [first, .., last] = &spelled[..] {
            if a_body_word() {
                let start = if text[..first.start].ends_with("the ") || text[..first.start].ends_with("The ") { first.start - 4 } else { first.start };
                out.push(start..last.end);
            }
        }
    }
    out
}

/// The words of a spelling of `abbreviation` that opens with the first of
/// `words`: each capitalised word gives the next letter, a small word
/// between two of them gives none, and only spaces part the words.
fn spelled_from(text: &str, mut words: impl Iterator<Item = Range<usize>>, abbreviation: &[u8]) -> Option<Vec<Range<usize>>> {
    let mut spelled: Vec<Range<usize>> = Vec::new();
    let mut letter = 0;
    let mut current = words.next()?;
    loop {
        let word = &text[current.clone()];
        if is_cap_word(word) {
            // A word in capitals ("DNC" itself) spells no letter.
            if word.as_bytes()[0] != abbreviation[letter] || word.len() > 1 && word.as_bytes()[1].is_ascii_uppercase() {
                return None;
            }
            letter += 1;
            spelled.push(current.clone());
            if letter == abbreviation.len() {
                return Some(spelled);
            }
        } else if letter == 0 || !in_list_as_written(&SMALL_WORDS, word) {
            return None;
        } else {
            spelled.push(current.clone());
        }
        let next = words.next()?;
        if !text[current.end..next.start].bytes().all(|b| b == b' ') {
            return None;
        }
        current = next;
    }
}

/// Letters, digits, hyphens, apostrophes and the ampersand ("AT&T"): what
/// the words of a body's name are made of.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '&')
}

/// Byte ranges of the words of `text` from byte `from` on (a word start or
/// a gap between words): runs of `is_word_char`, ASCII told a byte at a
/// time without decoding chars.
fn words_from(text: &str, from: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut at = from;
    // The length of the char at `i` and whether it is a word char.
    let char_at = move |i: usize| match bytes[i] {
        b if b.is_ascii() => (1, b.is_ascii_alphanumeric() || matches!(b, b'-' | b'\'' | b'&')),
        _ => {
            let c = text[i..].chars().next().expect("a char starts here");
            (c.len_utf8(), is_word_char(c))
        }
    };
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let (len, in_word) = char_at(at);
            if in_word {
                break;
            }
            at += len;
        }
        if at == bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() {
            let (len, in_word) = char_at(at);
            if !in_word {
                break;
            }
            at += len;
        }
        Some(start..at)
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::resolve_all;
    use super::*;

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

    /// The plain way: the whole text split into words, a spelling tried
    /// from each of them.
    fn plain_spellings(text: &str, abbreviation: &[u8]) -> Vec<Range<usize>> {
        let mut words = Vec::new();
        let mut start = None;
        for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
            match (super::is_word_char(c), start) {
                (true, None) => start = Some(at),
                (false, Some(s)) => {
                    words.push(s..at);
                    start = None;
                }
                _ => {}
            }
        }
        let mut out = Vec::new();
        for i in 0..words.len() {
            let Some(spelled) = super::spelled_from(text, words[i..].iter().cloned(), abbreviation) else { continue };
            let body = spelled.iter().any(|w| super::ends_a_body_name(&text[w.clone()]) || in_list(&WORDS.organisation_words, &text[w.clone()]));
            if spelled.len() > 1 && body {
                let first = spelled[0].start;
                let first = if text[..first].ends_with("the ") || text[..first].ends_with("The ") { first - 4 } else { first };
                out.push(first..spelled[spelled.len() - 1].end);
            }
        }
        out
    }

    #[test]
    fn spellings_are_those_read_from_every_word_of_the_text() {
        let texts = [
            "The Harlow Valley Water Commission (HVWC) met. The HVWC said so.",
            "Critics blamed the Democratic National Committee; later the DNC and the Democratic  National Committee, the DemocraticNational Committee.",
            "Zoë’s Federal Bureau of Investigation, the-Federal Bureau of Investigation, AT&T Federal Bureau of Investigation FBI",
            "Citizens for Rivers and Estuaries in Wexford (CREW) — Café Citizens for Rivers and Estuaries in Wexford",
            "HVWC", "",
        ];
        for text in texts {
            for abbreviation in ["HVWC", "DNC", "FBI", "CREW", "CFR"] {
                assert_eq!(super::spellings_of(text, abbreviation.as_bytes()), plain_spellings(text, abbreviation.as_bytes()), "{abbreviation} in {text:?}");
            }
        }
        assert_eq!(super::spellings_of(texts[0], b"HVWC"), vec![0..34]);
    }
}
