//! Word and punctuation tokens of one sentence, as byte ranges into the
//! document text; what the attribution rules walk over.

use super::quotes::typed_as_closer;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Comma,
    /// `.`, `!`, `?`
    End,
    Colon,
    Semicolon,
    OpenQuote,
    CloseQuote,
    /// `"` or `''`: opens or closes depending on where it stands.
    StraightQuote,
    Dash,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

impl Tok {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }

    pub fn is_quote(&self) -> bool {
        matches!(self.kind, TokKind::OpenQuote | TokKind::CloseQuote | TokKind::StraightQuote)
    }
}

/// Tokens of `text[range]`, appended to `out` (cleared first) so a caller can
/// reuse one buffer for every sentence.
pub fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Tok>) {
    out.clear();
    let s = &text[range.clone()];
    let bytes = s.as_bytes();
    let base = range.start;
    let mut i = 0;
    // Walks bytes, decoding a char only where one is not ASCII: news text is
    // mostly ASCII, and this runs over every sentence with a cue.
    while i < bytes.len() {
        // Spaces and ASCII words first, the most of any sentence.
        let b = bytes[i];
        if b == b' ' {
            i += 1;
            continue;
        }
        if ASCII_ALNUM[usize::from(b)] {
            let end = word_end(s, i, i + 1);
            out.push(Tok { start: base + i, end: base + end, kind: TokKind::Word });
            i = end;
            continue;
        }
        let c = char_at(s, i);
        // A soft hyphen or joiner before a word ("Doug \u{ad}Andres") shows
        // nothing: skipped like a space, it leaves the name whole.
        if c.is_whitespace() || is_invisible(c) {
            i += c.len_utf8();
            continue;
        }
        if is_alnum(c) {
            let end = word_end(s, i, i + c.len_utf8());
            out.push(Tok { start: base + i, end: base + end, kind: TokKind::Word });
            i = end;
            continue;
        }
        let (kind, len) = match c {
            ',' => (TokKind::Comma, 1),
            '.' | '!' | '?' => (TokKind::End, 1),
            ':' => (TokKind::Colon, 1),
            ';' => (TokKind::Semicolon, 1),
            // "…,“ she said": an opening mark typed to close, as
            // `quotes::find_quotes` reads it.
            '“' if typed_as_closer(s, i, c.len_utf8()) => (TokKind::CloseQuote, c.len_utf8()),
            '“' => (TokKind::OpenQuote, c.len_utf8()),
            '”' => (TokKind::CloseQuote, c.len_utf8()),
            '"' => (TokKind::StraightQuote, 1),
            '\'' if s[i + 1..].starts_with('\'') => (TokKind::StraightQuote, 2),
            '—' | '–' | '-' | '―' => (TokKind::Dash, c.len_utf8()),
            _ => (TokKind::Other, c.len_utf8()),
        };
        out.push(Tok { start: base + i, end: base + i + len, kind });
        i += len;
    }
}

/// The char starting at byte `i` of `s` (a char boundary, not the end).
fn char_at(s: &str, i: usize) -> char {
    match s.as_bytes()[i] {
        b if b < 0x80 => char::from(b),
        _ => s[i..].chars().next().expect("a char at a char boundary"),
    }
}

/// Where the word that starts at `start` and runs at least to `end` ends:
/// letters and digits, with `.`, `'`, `’`, `-` and `&` inside it, and the
/// period of an abbreviation or initial ("Mr.", "U.S.", "W.").
#[inline]
pub(crate) fn word_end(s: &str, start: usize, mut end: usize) -> usize {
    let bytes = s.as_bytes();
    // A table lookup a byte: every word of every tokenized sentence and
    // every capitalised run goes through here. Most words are ASCII and end
    // at a space or a comma, which can be no abbreviation's period: those
    // are answered here, inlined into the callers' loops.
    while end < bytes.len() && ASCII_ALNUM[usize::from(bytes[end])] {
        end += 1;
    }
    if end == bytes.len() || matches!(bytes[end], b' ' | b',') {
        return end;
    }
    word_end_past_ascii(s, start, end)
}

/// `word_end` from the first byte that is no ASCII letter or digit.
#[inline(never)]
fn word_end_past_ascii(s: &str, start: usize, mut end: usize) -> usize {
    let bytes = s.as_bytes();
    while end < bytes.len() {
        if ASCII_ALNUM[usize::from(bytes[end])] {
            end += 1;
            continue;
        }
        if matches!(bytes[end], b' ' | b',') {
            break; // the commonest ends of a word, neither inner nor a letter
        }
        let d = char_at(s, end);
        let inner = (matches!(d, '.' | '\'' | '’' | '-' | '&') || is_invisible(d)) && next_is_alnum(s, end + d.len_utf8());
        if is_alnum(d) || inner {
            end += d.len_utf8();
        } else {
            break;
        }
    }
    if bytes.get(end) == Some(&b'.') && is_abbreviation(&s[start..end]) {
        end += 1;
    }
    end
}

/// ASCII letters and digits, by byte: a table lookup is cheaper than the
/// range tests in the loops that walk every byte of a text.
pub(crate) static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The whitespace-separated words of `text`, each with its byte offset;
/// `.rev()` reads them from the last.
pub(crate) fn words_with_offsets(text: &str) -> impl DoubleEndedIterator<Item = (usize, &str)> {
    text.split_whitespace().map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// `char::is_alphanumeric`, answering at once for ASCII and for the
/// General Punctuation block (curly quotes, dashes: U+2000 to U+206F, which
/// holds no letter or digit), the non-ASCII chars news text has most; the
/// Unicode tables are searched only for the rest.
/// Characters that show nothing and may sit inside a word ("Al\u{200d}ice",
/// a byte-order mark pasted mid-name): the word goes on across them.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
}

pub(crate) fn is_alnum(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' => c.is_ascii_alphanumeric(),
        '\u{2000}'..='\u{206f}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// Call `f` with the bytes of `word` in lower case (`str::to_lowercase`),
/// without allocating for the short ASCII words lexicon lookups are mostly
/// about. Bytes, not a `str`: making a `str` of the lowered buffer checked
/// it for UTF-8 again (5.8 M instructions of an extract of PolNeAR train).
pub(crate) fn with_lowercase<R>(word: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    let mut buf = [0u8; 64];
    let bytes = word.as_bytes();
    if bytes.len() <= buf.len() && lower_ascii_into(bytes, &mut buf) {
        f(&buf[..bytes.len()])
    } else {
        f(word.to_lowercase().as_bytes())
    }
}

/// `bytes` lowered into the front of `buf`, eight at a time (a byte-wise
/// copy and a byte-wise lowering cost several times more, and the copy
/// called `memcpy`); false, leaving `buf` half written, at a byte that is
/// not ASCII.
fn lower_ascii_into(bytes: &[u8], buf: &mut [u8; 64]) -> bool {
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in chunks.by_ref() {
        let eight = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if eight & 0x8080_8080_8080_8080 != 0 {
            return false;
        }
        buf[at..at + 8].copy_from_slice(&ascii_lowered(eight).to_le_bytes());
        at += 8;
    }
    for &b in chunks.remainder() {
        if !b.is_ascii() {
            return false;
        }
        buf[at] = b.to_ascii_lowercase();
        at += 1;
    }
    true
}

/// Eight bytes with their ASCII capitals lowered, all at once: on the low
/// seven bits of each byte, adding 0x80 - b'A' sets the high bit of bytes
/// from 'A' up and adding 0x80 - b'Z' - 1 that of bytes above 'Z' (no sum
/// carries into the next byte); bytes with the high bit set are no ASCII.
#[inline]
pub(crate) fn ascii_lowered(eight: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let low = eight & !HIGHS;
    let capital = low.wrapping_add(ONES * u64::from(0x80 - b'A')) & !low.wrapping_add(ONES * u64::from(0x80 - b'Z' - 1)) & !eight & HIGHS;
    eight | (capital >> 2)
}


/// `text` with its ASCII letters lowered (`str::to_ascii_lowercase`, same
/// length and offsets), in one pass the compiler vectorises, where
/// `to_ascii_lowercase` copies first and lowers byte by byte after; the
/// cue and stance automata run over whole texts lowered.
pub(crate) fn ascii_lowercase(text: &str) -> Vec<u8> {
    text.bytes().map(|b| b | (u8::from(b.wrapping_sub(b'A') < 26) << 5)).collect()
}

pub(crate) fn next_is_alnum(s: &str, at: usize) -> bool {
    s[at..].chars().next().is_some_and(is_alnum)
}

pub(crate) fn is_abbreviation(word: &str) -> bool {
    const ABBR: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Adm", "Capt", "St", "Jr", "Sr", "Rev",
        "Prof", "Inc", "Corp", "Co", "Ltd", "Ft", "Mt",
    ];
    word.contains('.') || ABBR.contains(&word) || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_apostrophes_and_abbreviation_periods() {
        let text = "Mr. O’Brien’s U.S. plan, “bold.”";
        let mut toks = Vec::new();
        tokenize(text, 0..text.len(), &mut toks);
        let shown: Vec<&str> = toks.iter().map(|t| &text[t.range()]).collect();
        assert_eq!(shown, ["Mr.", "O’Brien’s", "U.S.", "plan", ",", "“", "bold", ".", "”"]);
        assert_eq!(toks[5].kind, TokKind::OpenQuote);
    }

    #[test]
    fn an_invisible_char_before_a_word_is_skipped_like_a_space() {
        let text = "Ana \u{ad}Reyes met \u{200b}Tom.";
        let mut toks = Vec::new();
        tokenize(text, 0..text.len(), &mut toks);
        let shown: Vec<&str> = toks.iter().map(|t| &text[t.range()]).collect();
        assert_eq!(shown, ["Ana", "Reyes", "met", "Tom", "."]);
    }

    #[test]
    fn an_opening_mark_typed_to_close_is_a_closing_quote() {
        let text = "“Not now,“ she said.";
        let mut toks = Vec::new();
        tokenize(text, 0..text.len(), &mut toks);
        assert_eq!(toks[0].kind, TokKind::OpenQuote);
        assert_eq!(toks[4].kind, TokKind::CloseQuote);
    }

    #[test]
    fn ascii_lowercase_lowers_ascii_letters_only() {
        let text = "AZaz@[`{ Ünïcode ÀÉ 09 Said-MR.";
        assert_eq!(ascii_lowercase(text), text.to_ascii_lowercase().into_bytes());
        let every_byte: Vec<u8> = (0..=255).collect();
        let lowered: Vec<u8> = every_byte.iter().map(|&b| b | (u8::from(b.wrapping_sub(b'A') < 26) << 5)).collect();
        assert_eq!(lowered, every_byte.to_ascii_lowercase());
    }

    #[test]
    fn with_lowercase_gives_the_words_lower_case() {
        let long = "Ab".repeat(40);
        let words = ["", "A", "Hillary", "McCAIN-Feingold", "O'Rourke", "ABCDEFGH", "AbCdEfGhI", "Zoë", "ÉTAT", "@[`{Z", &long, &long[..64], &long[..63]];
        for word in words {
            assert_eq!(with_lowercase(word, <[u8]>::to_vec), word.to_lowercase().into_bytes(), "{word:?}");
        }
        let every_byte: Vec<u8> = (0..=255).collect();
        for chunk in every_byte.chunks(8) {
            let eight = u64::from_le_bytes(chunk.try_into().unwrap());
            assert_eq!(ascii_lowered(eight).to_le_bytes().to_vec(), chunk.to_ascii_lowercase());
        }
    }

    #[test]
    fn is_alnum_is_char_is_alphanumeric() {
        let samples = ('\0'..='\u{3000}').chain(['\u{1d11e}', '\u{10ffff}', 'Ω', 'ß', '٣', '中']);
        for c in samples {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?} U+{:04X}", c as u32);
        }
    }
}
