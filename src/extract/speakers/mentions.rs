//! Mentions: the runs of capitalised words of a text that may name someone,
//! found without a token list.

use super::words::*;
use super::super::tokens::{is_alnum, is_invisible, word_end, ASCII_ALNUM};
use std::ops::Range;

/// Byte ranges of runs of capitalised words (with "of" between them and
/// title words before them), function words at the front dropped. A scan of
/// its own rather than the tokenizer: it runs over every sentence, so it
/// keeps no token list.
pub(super) fn capitalised_runs(text: &str, sentences: &[Range<usize>]) -> Vec<CapitalisedRun> {
    let mut out = Vec::new();
    let mut run: Vec<Range<usize>> = Vec::new();
    for s in sentences {
        let seg = &text[s.clone()];
        let bytes = seg.as_bytes();
        let mut broken = true;
        let mut pending_of: Option<Range<usize>> = None;
        let mut i = 0;
        while i < bytes.len() {
            if run.is_empty() && pending_of.is_none() {
                // Nothing gathered, so only a capitalised word changes
                // anything (`broken` matters only once a run has begun).
                match next_possible_capital(bytes, i) {
                    Some(at) => i = at,
                    None => break,
                }
            }
            let b = bytes[i];
            if b.is_ascii_lowercase() {
                // Fast path for the common case: a lower-case word ends a run
                // (unless it is the "of" of "Secretary of State").
                let mut end = i + 1;
                while end < bytes.len() && (ASCII_ALNUM[usize::from(bytes[end])] || matches!(bytes[end], b'\'' | b'-') && end + 1 < bytes.len() && ASCII_ALNUM[usize::from(bytes[end + 1])]) {
                    end += 1;
                }
                if &bytes[i..end] == b"of" && !broken && pending_of.is_none() && !run.is_empty() {
                    pending_of = Some(s.start + i..s.start + end);
                } else {
                    flush_run(text, &mut run, &mut out);
                    broken = true;
                    pending_of = None;
                }
                i = end;
                continue;
            }
            if b < 0x80 && !ASCII_ALNUM[usize::from(b)] {
                if !b.is_ascii_whitespace() {
                    broken = true;
                    pending_of = None;
                }
                i += 1;
                continue;
            }
            let c = seg[i..].chars().next().unwrap_or(' ');
            if !is_alnum(c) {
                // An invisible char at a word's start breaks no name.
                if !c.is_whitespace() && !is_invisible(c) {
                    broken = true;
                    pending_of = None;
                }
                i += c.len_utf8();
                continue;
            }
            let end = word_end(seg, i, i + c.len_utf8());
            let word = s.start + i..s.start + end;
            if c.is_uppercase() {
                if broken {
                    flush_run(text, &mut run, &mut out);
                } else if let Some(of) = pending_of.take() {
                    run.push(of);
                }
                run.push(word);
                broken = false;
            } else {
                flush_run(text, &mut run, &mut out);
                broken = true;
                pending_of = None;
            }
            i = end;
        }
        flush_run(text, &mut run, &mut out);
    }
    out
}

/// Where the scan of `bytes` from `from` (where a word may start) should
/// go on to find the next capitalised word: the start of the word holding
/// the next capital letter or non-ASCII byte (`None` when there is none).
/// Everything before it is lower-case words, digits and punctuation. That
/// word starts after the last whitespace before that byte, since no word
/// holds whitespace (and it may still be a lower-case word, as "iPhone" is).
pub(super) fn next_possible_capital(bytes: &[u8], from: usize) -> Option<usize> {
    let at = from + position_of_capital_or_non_ascii(&bytes[from..])?;
    Some(bytes[from..at].iter().rposition(u8::is_ascii_whitespace).map_or(from, |k| from + k + 1))
}

/// The first byte of `bytes` that is an ASCII capital or not ASCII, eight
/// bytes at a time: the scan for names passes over the lower-case words
/// between them, most of a text.
pub(super) fn position_of_capital_or_non_ascii(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in chunks.by_ref() {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // On the low seven bits of each byte, adding 0x80 - b'A' sets the
        // high bit of bytes from 'A' up and adding 0x80 - b'Z' - 1 that of
        // bytes above 'Z'; no sum carries into the next byte.
        let low = word & !HIGHS;
        let capital = low.wrapping_add(ONES * u64::from(0x80 - b'A')) & !low.wrapping_add(ONES * u64::from(0x80 - b'Z' - 1));
        let found = (capital | word) & HIGHS;
        if found != 0 {
            return Some(offset + found.trailing_zeros() as usize / 8);
        }
        offset += 8;
    }
    chunks.remainder().iter().position(|&b| b.is_ascii_uppercase() || !b.is_ascii()).map(|k| offset + k)
}

/// A run of capitalised words, with what decides whether it is worth
/// parsing as a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct CapitalisedRun {
    /// Byte range of the run, from its first word to its last.
    pub(super) span: Range<usize>,
    pub(super) last_word: Range<usize>,
    /// Whether one of its words is a title ("Minister"), so that the run
    /// may give a role. (A word of a run has no comma or space in it, so it
    /// is one of the words `parse_name_into` splits the run into.)
    pub(super) titled: bool,
    /// Whether its first word is a first name and more follow ("Hillary
    /// Clinton"), or a party word and then a first name ("Democrat Hillary
    /// Clinton"), so that the run may be a person's full name.
    pub(super) named: bool,
    /// Whether "of" stands in it after two words or more ("Tomas Quill of
    /// Oregon"): the word before it may be the surname of a name with its
    /// home state (see `surname_before_of`).
    pub(super) of_after_a_name: bool,
}

/// End the run of words being gathered, keeping it if it names anything.
/// Called at every lower-case word, nearly always with no run gathered.
#[inline]
pub(super) fn flush_run(text: &str, run: &mut Vec<Range<usize>>, out: &mut Vec<CapitalisedRun>) {
    if !run.is_empty() {
        keep_run(text, run, out);
    }
}

#[inline(never)]
pub(super) fn keep_run(text: &str, run: &mut Vec<Range<usize>>, out: &mut Vec<CapitalisedRun>) {
    // By bytes: a word's trailing periods are ASCII, and the lists are
    // looked up by bytes anyway (no char boundary checks, no char searcher).
    let bytes = text.as_bytes();
    let without_periods = |w: &Range<usize>| {
        let word = &bytes[w.clone()];
        &word[..word.iter().rposition(|&b| b != b'.').map_or(0, |k| k + 1)]
    };
    let mut first = run.iter().position(|w| !in_list_bytes(&NOT_NAME_SET, without_periods(w)));
    // "Said Voss": an opener of a name only where it is followed by more.
    if let Some(k) = first.filter(|&k| k + 1 < run.len() && in_list_bytes(&NAME_OPENERS, &bytes[run[k].clone()])) {
        first = Some(k + 1);
    }
    if let (Some(first), Some(last)) = (first, run.last()) {
        let titles = &WORDS.titles;
        let titled = run[first..].iter().any(|w| in_list_bytes(titles, &bytes[w.clone()]));
        let first_names = &WORDS.first_names;
        // A first name stands first in a full name ("Hillary Clinton"), or
        // after a party word ("Democrat Hillary Clinton").
        let first_name_at = |k: usize| run.len() > k + 1 && in_list_bytes(first_names, &bytes[run[k].clone()]);
        let party_word = |k: usize| in_list_bytes(&WORDS.party_names, &bytes[run[k].clone()]);
        let named = first_name_at(first) || run.len() > first + 2 && party_word(first) && in_list_bytes(first_names, &bytes[run[first + 1].clone()]);
        // Two words, "of" and one more at least: most runs are shorter.
        let of_after_a_name = run.len() >= first + 4 && run[first + 2..].iter().any(|w| &bytes[w.clone()] == b"of");
        out.push(CapitalisedRun { span: run[first].start..last.end, last_word: last.clone(), titled, named, of_after_a_name });
    }
    run.clear();
}

/// The word before the first "of" that follows two words or more of
/// `run` ("Quill" in "Tomas Quill of Oregon").
pub(super) fn surname_before_of(run: &str) -> Option<&str> {
    let bytes = run.as_bytes();
    let of = (0..bytes.len().saturating_sub(3)).find(|&i| &bytes[i..i + 4] == b" of " && run[..i].contains(' '))?;
    let before = &run[..of];
    Some(before.rsplit(char::is_whitespace).next().unwrap_or(before))
}

#[cfg(test)]
mod tests {
    use super::super::super::sentences::split_sentences;
    use super::*;
    fn runs_of(text: &str) -> Vec<(&str, bool)> {
        capitalised_runs(text, &split_sentences(text)).into_iter().map(|r| (&text[r.span], r.titled)).collect()
    }

    #[test]
    fn a_sentence_opening_conjunction_is_no_part_of_the_name_after_it() {
        assert_eq!(runs_of("Although Ada Voss left early, she spoke."), [("Ada Voss", false)]);
        assert_eq!(runs_of("Because Voss said so, it stands."), [("Voss", false)]);
    }

    #[test]
    fn capitalised_runs_start_at_word_starts_only() {
        assert_eq!(
            runs_of("the iPhone maker's eBay-listed X-ray of Apple Inc. sold 1990s Boeing jets to ex-Minister Ana Soto."),
            [("X-ray of Apple Inc.", false), ("Boeing", false), ("Ana Soto", false)]
        );
        assert_eq!(
            runs_of("un café à Paris, où l’Élysée et Émile Zola, c’était é-Élan; naïve Ørsted\u{a0}Wind said."),
            [("Paris", false), ("Élysée", false), ("Émile Zola", false), ("Ørsted\u{a0}Wind", false)]
        );
    }

    #[test]
    fn a_soft_hyphen_before_a_word_leaves_the_name_whole() {
        assert_eq!(runs_of("Then Ana \u{ad}Reyes of the party spoke."), [("Ana \u{ad}Reyes", false)]);
    }

    #[test]
    fn the_surname_before_a_home_state_is_the_word_before_of_after_a_name() {
        assert_eq!(surname_before_of("Tomas Quill of Oregon"), Some("Quill"));
        assert_eq!(surname_before_of("Sen. Ada M. Voss of New York"), Some("Voss"));
        assert_eq!(surname_before_of("Bank of England"), None);
        let text = "Sen. Tomas Quill of Oregon spoke, and so did the Bank of England.";
        let runs = capitalised_runs(text, &split_sentences(text));
        assert_eq!(runs.iter().map(|r| r.of_after_a_name).collect::<Vec<_>>(), [true, false]);
    }

    #[test]
    fn finds_the_first_capital_or_non_ascii_byte_at_any_position() {
        let naive = |bytes: &[u8]| bytes.iter().position(|&b| b.is_ascii_uppercase() || !b.is_ascii());
        for len in 0..20 {
            for at in 0..len {
                for special in [b'A', b'Z', 0x80, 0xC3, 0xFF] {
                    let mut bytes: Vec<u8> = (0..len).map(|k| b"az@[`{09 .,-'\x7f\t"[k % 15]).collect();
                    assert_eq!(naive(&bytes), None);
                    bytes[at] = special;
                    if at + 1 < len {
                        bytes[at + 1] = b'B';
                    }
                    assert_eq!(position_of_capital_or_non_ascii(&bytes), naive(&bytes), "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn capitalised_runs_take_of_between_words_and_drop_function_words_in_front() {
        assert_eq!(
            runs_of("But The Secretary of State of Ohio met the Bank of England, of all places, and Of Mice."),
            [("Secretary of State of Ohio", true), ("Bank of England", false), ("Mice", false)]
        );
        assert_eq!(runs_of("He said U.S. Sen. Mike Lee, R-Utah, spoke.\nThen\tGov. Lee\u{b}Voss spoke"), [
            ("U.S. Sen. Mike Lee", true),
            ("R-Utah", false),
            ("Gov. Lee", true),
            ("Voss", false)
        ]);
    }
}
