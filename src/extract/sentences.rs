//! Sentence splitting: byte ranges of the sentences of a text.
//!
//! Our own splitter rather than the sentencex crate. Measured on
//! polnear-train (scripts/sentence_speed.rs): this splitter runs at about
//! 300 MB/s, sentencex at about 100 MB/s, and swapping them changes the dev
//! scores by 0.001. The whole pipeline runs near 21 MB/s, so sentencex's
//! extra ~6 ms per MB would take it under the 20 MB/s target for no gain.
//! News text needs only a few rules: paragraph breaks, `.!?` before a
//! capital or a quote, no break after "Mr." or "U.S."

use rustc_hash::FxHashSet;
use std::ops::Range;
use std::sync::LazyLock;

/// Words after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "adm", "capt", "st", "jr", "sr", "inc",
    "corp", "co", "ltd", "vs", "no", "rev", "prof", "sept", "oct", "nov", "dec", "jan", "feb", "aug", "u.s", "u.k",
    "u.n", "e.g", "i.e", "d.c", "a.m", "p.m", "ft", "mt", "gop", "messrs", "pres", "atty", "supt", "dept", "univ",
    "govs", "sens", "reps", "v",
];

/// Byte ranges of the sentences of `text`, trimmed of surrounding whitespace,
/// in order. A line break always ends a sentence (paragraphs never run on).
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Only line breaks and `.!?` matter: skip everything else in one go.
    let mut stops = ByteStops::new(bytes, [b'.', b'!', b'?']);
    while let Some(at) = stops.next_from(i) {
        i = at;
        let b = bytes[i];
        if b == b'\n' {
            push_trimmed(text, start..i, &mut out);
            start = i + 1;
        } else if (b == b'.' || b == b'!' || b == b'?') && ends_sentence(text, i) {
            let end = after_closers(text, i + 1);
            push_trimmed(text, start..end, &mut out);
            start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start..bytes.len(), &mut out);
    out
}

/// Where the next line break or one of three other bytes is, found with
/// `memchr` (SIMD) rather than byte by byte: the scans of the whole text
/// (sentences, quotes) stop only there.
pub(crate) struct ByteStops<'a> {
    bytes: &'a [u8],
    needles: [u8; 3],
    /// The first line break at or after some earlier position (the end of
    /// the text when there is none): still right while it is not behind us.
    newline: Option<usize>,
}

impl<'a> ByteStops<'a> {
    pub(crate) fn new(bytes: &'a [u8], needles: [u8; 3]) -> Self {
        ByteStops { bytes, needles, newline: None }
    }

    /// The first position at or after `from` holding a line break or a needle.
    pub(crate) fn next_from(&mut self, from: usize) -> Option<usize> {
        let bytes = self.bytes;
        if from >= bytes.len() {
            return None;
        }
        let newline = match self.newline {
            Some(at) if at >= from => at,
            _ => memchr::memchr(b'\n', &bytes[from..]).map_or(bytes.len(), |k| from + k),
        };
        self.newline = Some(newline);
        let [a, b, c] = self.needles;
        match memchr::memchr3(a, b, c, &bytes[from..newline]) {
            Some(k) => Some(from + k),
            None => (newline < bytes.len()).then_some(newline),
        }
    }
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &text[range.clone()];
    // Nearly every piece has only ASCII spaces to trim, if any (the space
    // after the period before it): trimmed by bytes, without the
    // Unicode-aware trims, when ASCII non-spaces are left at both ends.
    let bytes = piece.as_bytes();
    let lead = bytes.iter().position(|&b| !is_ascii_space(b)).unwrap_or(bytes.len());
    if lead == bytes.len() {
        return;
    }
    let trail = bytes.iter().rev().position(|&b| !is_ascii_space(b)).unwrap_or(0);
    if bytes[lead].is_ascii() && bytes[bytes.len() - 1 - trail].is_ascii() {
        out.push(range.start + lead..range.end - trail);
        return;
    }
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// The ASCII chars `char::is_whitespace` holds.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// Closing quotes and brackets that belong to the sentence a period ends.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']')
}

fn after_closers(text: &str, mut i: usize) -> usize {
    while let Some(c) = text[i..].chars().next() {
        if is_closer(c) || c == '.' {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// Whether the `.`, `!` or `?` at byte `i` ends a sentence: it is followed by
/// closers, whitespace and a capital, digit or opening quote, and (for a
/// period) does not end an abbreviation or an initial.
fn ends_sentence(text: &str, i: usize) -> bool {
    let after = after_closers(text, i + 1);
    let rest = &text[after..];
    let Some(first) = rest.chars().next() else { return true };
    if !first.is_whitespace() {
        return false;
    }
    let next = rest.trim_start_matches([' ', '\t', '\u{a0}']);
    let Some(n) = next.chars().next() else { return true };
    if !(n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '‘' | '\'' | '(' | '\n' | '\r')) {
        return false;
    }
    if text.as_bytes()[i] != b'.' {
        return true;
    }
    let word = word_before(text, i);
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return false; // an initial: "George W. Bush"
    }
    // "… in the U.S. He says": after "U.S." or "D.C." a subject pronoun
    // opens the next sentence (a name such as "U.S. Capitol" goes on).
    // Dotted initials before a capitalised word ("J.M. Berger") go on the
    // same way, unless a comma puts them after a town ("Ely, N.J. Then …").
    let initials = n.is_uppercase() && are_initials(word) && !text[..i - word.len()].trim_end().ends_with(',');
    !(is_abbreviation(word) || initials) || word.contains('.') && opens_sentence(next)
}

/// Whether `word` (its last period cut off) is initials, capitals each
/// followed by a period: "J.M", "J.R.R".
fn are_initials(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() >= 3 && bytes.len() % 2 == 1 && bytes.iter().enumerate().all(|(k, &b)| if k % 2 == 0 { b.is_ascii_uppercase() } else { b == b'.' })
}

/// Words of data/sentence_openers.txt, lowered.
static SENTENCE_OPENERS: LazyLock<Vec<String>> = LazyLock::new(|| {
    include_str!("../../data/sentence_openers.txt")
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
        .map(str::to_lowercase)
        .collect()
});

/// Whether `rest` starts with a word of `SENTENCE_OPENERS` (a whole word).
fn opens_sentence(rest: &str) -> bool {
    let end = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
    let word = &rest[..end];
    SENTENCE_OPENERS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// `ABBREVIATIONS` by hash, keyed in lower case.
static ABBREVIATION_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| ABBREVIATIONS.iter().map(|a| a.as_bytes()).collect());

/// Whether `word` is in `ABBREVIATIONS`, ignoring ASCII case: lowered on the
/// stack and looked up once, rather than compared with each of the fifty at
/// every period followed by a capital (~10M instructions on PolNeAR train).
fn is_abbreviation(word: &str) -> bool {
    let mut buf = [0u8; 8]; // longer than any abbreviation (tested)
    let Some(lower) = buf.get_mut(..word.len()) else { return false };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    ABBREVIATION_SET.contains(&*lower)
}

/// The word (letters and inner periods) that ends just before byte `i`.
fn word_before(text: &str, i: usize) -> &str {
    let head = &text[..i];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map(|(b, c)| b + c.len_utf8())
        .unwrap_or(0);
    &head[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_ascii_space_is_an_ascii_char_that_is_whitespace() {
        for b in 0..=255u8 {
            assert_eq!(is_ascii_space(b), b.is_ascii() && char::from(b).is_whitespace(), "{b}");
        }
    }

    #[test]
    fn pieces_are_trimmed_of_any_whitespace_at_either_end() {
        let mut out = Vec::new();
        for piece in ["Done.", " Done.", "Done.\u{a0}", "\u{2003}Done", "\tDone\r", "x", " ", "\u{a0}", " \u{a0} ", "“Done”", "  “Done” \n", "", "\n\n"] {
            out.clear();
            push_trimmed(piece, 0..piece.len(), &mut out);
            let expected: Vec<&str> = Some(piece.trim()).filter(|t| !t.is_empty()).into_iter().collect();
            let got: Vec<&str> = out.iter().map(|r| &piece[r.clone()]).collect();
            assert_eq!(got, expected, "{piece:?}");
        }
    }

    fn texts(text: &str) -> Vec<&str> {
        split_sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_are_known_in_any_case_and_nothing_else_is() {
        assert!(ABBREVIATIONS.iter().all(|a| a.len() <= 8 && a.bytes().all(|b| !b.is_ascii_uppercase())));
        for a in ABBREVIATIONS {
            assert!(is_abbreviation(a) && is_abbreviation(&a.to_ascii_uppercase()), "{a}");
        }
        assert!(is_abbreviation("Mr") && is_abbreviation("U.S") && is_abbreviation("Messrs"));
        for word in ["", "Harbour", "Mister", "messrsx", "u.s.", "Mr\u{e9}", "\u{c9}tat", "tuesday"] {
            assert!(!is_abbreviation(word), "{word}");
        }
    }

    #[test]
    fn a_plural_title_does_not_end_a_sentence() {
        assert_eq!(texts("Govs. Ann Lee and Tom Ray said it. Both agreed."), ["Govs. Ann Lee and Tom Ray said it.", "Both agreed."]);
        assert_eq!(texts("Sens. Vale and Oakes voted no."), ["Sens. Vale and Oakes voted no."]);
    }

    #[test]
    fn a_case_name_does_not_end_a_sentence_at_v() {
        assert_eq!(texts("In Lane v. Ortiz the court ruled for the port. Ode said so."), ["In Lane v. Ortiz the court ruled for the port.", "Ode said so."]);
    }

    #[test]
    fn splits_at_periods_before_capitals() {
        assert_eq!(texts("The vote is Tuesday. Nobody expects a surprise."), ["The vote is Tuesday.", "Nobody expects a surprise."]);
    }

    #[test]
    fn a_pronoun_after_a_dotted_abbreviation_opens_a_sentence() {
        assert_eq!(texts("Jobs left the U.S. He says they will return."), ["Jobs left the U.S.", "He says they will return."]);
        assert_eq!(texts("They met in the U.S. Senate on Monday."), ["They met in the U.S. Senate on Monday."]);
    }

    #[test]
    fn keeps_titles_and_initials_inside_the_sentence() {
        assert_eq!(texts("Mr. Lopez met Sen. Hart and George W. Bush in the U.S. Capitol."), ["Mr. Lopez met Sen. Hart and George W. Bush in the U.S. Capitol."]);
    }

    #[test]
    fn dotted_initials_stay_with_the_name_after_them() {
        assert_eq!(texts("The report was read by A.J. Moss on Friday."), ["The report was read by A.J. Moss on Friday."]);
        assert_eq!(texts("He met T.R.B. Lane. She left."), ["He met T.R.B. Lane.", "She left."]);
        assert_eq!(texts("It went to A.J. He laughed."), ["It went to A.J.", "He laughed."]);
        assert_eq!(texts("She spoke in Ely, N.Y. “We won.”"), ["She spoke in Ely, N.Y.", "“We won.”"]);
        assert_eq!(texts("They met in Ely, N.J. Ana Lee came too."), ["They met in Ely, N.J.", "Ana Lee came too."]);
        assert!(are_initials("J.M") && are_initials("J.R.R") && !are_initials("JM") && !are_initials("J") && !are_initials("Jo.M") && !are_initials("j.m"));
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        assert_eq!(texts("“We will win.” The crowd cheered."), ["“We will win.”", "The crowd cheered."]);
    }

    #[test]
    fn line_breaks_end_sentences() {
        assert_eq!(texts("A headline\n\nThe body starts here"), ["A headline", "The body starts here"]);
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        assert_eq!(texts("It costs 3.5 percent. more or less"), ["It costs 3.5 percent. more or less"]);
    }
}
