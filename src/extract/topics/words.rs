//! The words of a content as the candidate finder reads them.

use crate::extract::tokens::{is_alnum, ASCII_ALNUM};
use std::borrow::Cow;

/// One word of the content as the candidate finder sees it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Token<'a> {
    /// The word without a possessive 's.
    pub(super) word: &'a str,
    /// Punctuation or a line break separates it from the previous word.
    pub(super) after_break: bool,
    pub(super) capitalized: bool,
    /// `NATO's`, `the company's`: a possessor, not the head of the phrase.
    pub(super) possessive: bool,
    /// The first word of the content or of a sentence or quotation in it.
    pub(super) opens_sentence: bool,
    /// A quotation mark stands right before it (`"`, `“`, `‘`, `''`).
    pub(super) after_quote: bool,
    /// A quotation mark closes right after it, after a full stop or comma
    /// if any (`Hour.''`, `Peaks”`).
    pub(super) before_quote: bool,
    /// A colon follows it right away (`TAPPER:`).
    pub(super) before_colon: bool,
}

/// The content's words (letters, digits, inner hyphens and apostrophes).
pub(super) struct Tokens<'a> {
    content: &'a str,
    position: usize,
}

impl<'a> Tokens<'a> {
    pub(super) fn new(content: &'a str) -> Self {
        Tokens {
            content,
            position: 0,
        }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let bytes = self.content.as_bytes();
        // The gap before the word, read once: whether it breaks the phrase
        // (anything but spaces and tabs) and whether it ends a sentence or
        // opens a quotation (`.`, `!`, `?`, `:`, `"`, an opening curly quote).
        let mut start = self.position;
        let (mut breaks, mut opens) = (false, false);
        loop {
            let &b = bytes.get(start)?;
            if b < 0x80 {
                if ASCII_ALNUM[usize::from(b)] {
                    break;
                }
                breaks |= b != b' ' && b != b'\t';
                opens |= matches!(b, b'.' | b'!' | b'?' | b':' | b'"');
                start += 1;
            } else {
                let c = self.content[start..].chars().next().expect("a char at a char boundary");
                if is_alnum(c) {
                    break;
                }
                breaks = true;
                opens |= c == '\u{201C}' || c == '\u{2018}';
                start += c.len_utf8();
            }
        }
        let first_word = self.position == 0;
        let gap_len = start - self.position;
        let after_quote = is_opening_quote(&self.content[self.position..start]);
        // ASCII letters and digits by table first: a word of nothing else
        // (most words) has no end to trim and no possessive to strip.
        let mut end = start;
        while end < bytes.len() && ASCII_ALNUM[usize::from(bytes[end])] {
            end += 1;
        }
        if end == bytes.len() || (bytes[end] < 0x80 && !is_ascii_word_byte(bytes[end])) {
            let word = &self.content[start..end];
            self.position = end;
            return Some(Token {
                word,
                after_break: !first_word && breaks,
                capitalized: bytes[start].is_ascii_uppercase(),
                possessive: false,
                opens_sentence: first_word || (gap_len > 1 && opens),
                after_quote,
                before_quote: is_closing_quote(&self.content[end..]),
                before_colon: bytes.get(end) == Some(&b':'),
            });
        }
        let end = word_end(self.content, end);
        let untrimmed = &self.content[start..end];
        let raw = trim_word_end(untrimmed);
        // "Sanders' supporters": a plural's or name's possessive apostrophe;
        // two apostrophes close a quotation ("''Twin Peaks''").
        let trimmed = &untrimmed[raw.len()..];
        let bare_apostrophe = !trimmed.is_empty()
            && raw.ends_with('s')
            && matches!(trimmed.as_bytes()[0], b'\'' | 0xE2)
            && !trimmed.starts_with("''");
        let stripped = raw
            .strip_suffix("'s")
            .or_else(|| raw.strip_suffix("\u{2019}s"))
            .or(bare_apostrophe.then_some(raw));
        let token = Token {
            word: stripped.unwrap_or(raw),
            after_break: !first_word && breaks,
            capitalized: match raw.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => raw.chars().next().is_some_and(char::is_uppercase),
            },
            possessive: stripped.is_some(),
            opens_sentence: first_word || (gap_len > 1 && opens),
            after_quote,
            before_quote: stripped.is_none() && is_closing_quote(&self.content[start + raw.len()..]),
            before_colon: bytes.get(start + raw.len()) == Some(&b':'),
        };
        self.position = end;
        Some(token)
    }
}

/// Letters, digits, inner hyphens and apostrophes, and the combining
/// accents of a letter written in two chars ("n" and U+0303 of "Peña").
fn is_word_char(c: char) -> bool {
    is_alnum(c) || c == '-' || c == '\'' || c == '\u{2019}' || is_combining_mark(c)
}

fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Where the word running on from `from` ends. A Latin-1 sign between two
/// letters ("PeÃ±a", "BasÃ©"), the second half of a letter whose UTF-8
/// bytes were read as Latin-1, stays inside the word, where the name it
/// would cut becomes a topic of its own ("PeÃ").
fn word_end(text: &str, from: usize) -> usize {
    let mut end = from;
    loop {
        end = find_char(text, end, |b| !is_ascii_word_byte(b), |c| !is_word_char(c)).unwrap_or(text.len());
        let Some(sign) = text[end..].chars().next().filter(|c| ('\u{a1}'..='\u{bf}').contains(c)) else { return end };
        let letter_before = text[..end].chars().next_back().is_some_and(|c| c.is_alphabetic() || is_combining_mark(c));
        let letter_after = text[end + sign.len_utf8()..].chars().next().is_some_and(char::is_alphabetic);
        if !letter_before || !letter_after {
            return end;
        }
        end += sign.len_utf8();
    }
}

/// Whether the gap before a word ends in an opening quotation mark.
fn is_opening_quote(gap: &str) -> bool {
    gap.ends_with(['"', '\'', '\u{201C}', '\u{2018}'])
}

/// Whether the text after a word opens with a closing quotation mark, after
/// a full stop, comma, question or exclamation mark if any.
fn is_closing_quote(after: &str) -> bool {
    let after = after.trim_start_matches(['.', ',', '?', '!']);
    after.starts_with(['"', '\u{201D}']) || after.starts_with("''") || after.starts_with("\u{2019}\u{2019}")
}

/// `is_word_char` for an ASCII byte.
fn is_ascii_word_byte(b: u8) -> bool {
    ASCII_ALNUM[usize::from(b)] || b == b'-' || b == b'\''
}

/// `word.trim_end_matches(['-', '\'', '’'])`, by bytes.
fn trim_word_end(word: &str) -> &str {
    const CLOSING_QUOTE: &[u8] = "\u{2019}".as_bytes();
    let mut bytes = word.as_bytes();
    loop {
        if let [rest @ .., b'-' | b'\''] = bytes {
            bytes = rest;
        } else if let Some(rest) = bytes.strip_suffix(CLOSING_QUOTE) {
            bytes = rest;
        } else {
            // What is left ends before a whole char: a char boundary.
            return &word[..bytes.len()];
        }
    }
}

/// `text[from..].find(wanted)` as an offset into `text`: `wanted_ascii`
/// answers for ASCII bytes (by table, without decoding them: every byte of
/// a content goes through here), `wanted` for the other chars.
fn find_char(text: &str, from: usize, wanted_ascii: impl Fn(u8) -> bool, wanted: impl Fn(char) -> bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if wanted_ascii(b) {
                return Some(i);
            }
            i += 1;
        } else {
            let c = text[i..].chars().next().expect("a char at a char boundary");
            if wanted(c) {
                return Some(i);
            }
            i += c.len_utf8();
        }
    }
    None
}

/// A plural noun's singular by the regular spelling rules: a slice of the
/// word where dropping its ending will do.
pub(super) fn singular(word: &str) -> Cow<'_, str> {
    // Most words are ASCII: their length is their count of chars.
    let n = if word.is_ascii() { word.len() } else { word.chars().count() };
    if n <= 3 || word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") || !word.ends_with('s') {
        return Cow::Borrowed(word);
    }
    if let Some(stem) = word.strip_suffix("ies").filter(|_| n > 4) {
        return Cow::Owned(format!("{stem}y"));
    }
    // crises, analyses, theses
    if let Some(stem) = word.strip_suffix("ses").filter(|s| s.len() >= 3 && s.ends_with(['i', 'y'])) {
        return Cow::Owned(format!("{stem}sis"));
    }
    for ending in ["sses", "ches", "shes", "xes", "zes"] {
        if word.ends_with(ending) {
            return Cow::Borrowed(&word[..word.len() - 2]);
        }
    }
    Cow::Borrowed(&word[..word.len() - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_ends_are_trimmed_as_trim_end_matches_trims_them() {
        for word in ["talks", "talks-", "talks'", "talks’", "talks-'’-", "-", "’’", "", "naïve’", "a’b"] {
            assert_eq!(trim_word_end(word), word.trim_end_matches(['-', '\'', '\u{2019}']), "{word:?}");
        }
    }

    #[test]
    fn each_word_knows_what_stands_before_it() {
        let words: Vec<Token<'_>> = Tokens::new("Okafor's plan, she said. “Taxes rise” Mbekis’ deal").collect();
        let seen: Vec<(&str, bool, bool, bool)> =
            words.iter().map(|t| (t.word, t.after_break, t.possessive, t.opens_sentence)).collect();
        assert_eq!(
            seen,
            [
                ("Okafor", false, true, true),
                ("plan", false, false, false),
                ("she", true, false, false),
                ("said", false, false, false),
                ("Taxes", true, false, true),
                ("rise", false, false, false),
                ("Mbekis", true, true, false),
                ("deal", false, false, false),
            ]
        );
    }

    #[test]
    fn each_word_knows_the_quotation_marks_around_it() {
        let words: Vec<Token<'_>> = Tokens::new("a new ''Harbor Lights.'' and “Okafor’s” Peaks'' run").collect();
        let seen: Vec<(&str, bool, bool, bool)> = words.iter().map(|t| (t.word, t.after_quote, t.before_quote, t.possessive)).collect();
        assert_eq!(
            seen,
            [
                ("a", false, false, false),
                ("new", false, false, false),
                ("Harbor", true, false, false),
                ("Lights", false, true, false),
                ("and", false, false, false),
                ("Okafor", true, false, true),
                ("Peaks", false, true, false),
                ("run", false, false, false),
            ]
        );
    }

    #[test]
    fn plurals_are_made_singular_by_their_spelling() {
        for (plural, one) in [("taxes", "tax"), ("policies", "policy"), ("crises", "crisis"), ("analyses", "analysis"), ("rises", "rise"), ("talks", "talk"), ("bus", "bus"), ("class", "class")] {
            assert_eq!(singular(plural), one, "{plural}");
        }
    }

    #[test]
    fn find_char_answers_as_str_find() {
        let texts = ["", "  —“Zoë’s", "plain words, here", "٣ digits", "—–‘’“”", "x-y 'z' Ω"];
        for text in texts {
            for from in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let start = find_char(text, from, |b| ASCII_ALNUM[usize::from(b)], is_alnum);
                assert_eq!(start, text[from..].find(char::is_alphanumeric).map(|k| from + k), "{text:?} from {from}");
                let end = find_char(text, from, |b| !is_ascii_word_byte(b), |c| !is_word_char(c));
                let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}';
                assert_eq!(end, text[from..].find(|c| !is_word(c)).map(|k| from + k), "{text:?} from {from}");
            }
        }
    }
}
