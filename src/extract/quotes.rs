//! Quotations: byte ranges of the quoted passages of a text, quote marks
//! included. Curly quotes pair by shape; straight quotes (`"` and the `''` some
//! papers use) pair in turn within a paragraph. A quote left open at the end of
//! a paragraph continues when the next paragraph opens with a quote mark (the
//! convention for a quotation over several paragraphs), unless that paragraph's
//! quotation carries its own attribution after it. Otherwise a quote left open
//! is taken to end with its paragraph when it reads as speech (a closing mark
//! forgotten), and dropped as unbalanced when it does not.

use super::sentences::ByteStops;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to just after the closing mark.
    pub span: Range<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Straight,
}

/// The quote mark starting at byte `i`, with its length in bytes.
fn mark_at(text: &str, i: usize) -> Option<(Mark, usize)> {
    let rest = &text[i..];
    if rest.starts_with('“') {
        Some((Mark::Open, '“'.len_utf8()))
    } else if rest.starts_with('”') {
        Some((Mark::Close, '”'.len_utf8()))
    } else if rest.starts_with('"') {
        Some((Mark::Straight, 1))
    } else if rest.starts_with("''") {
        Some((Mark::Straight, 2))
    } else {
        None
    }
}

/// Every balanced quotation in `text`, in order, not nested.
pub fn find_quotes(text: &str) -> Vec<Quote> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut i = 0;
    // Only line breaks and the bytes a quote mark starts with matter.
    let mut stops = ByteStops::new(bytes, [b'"', b'\'', 0xE2]);
    while let Some(at) = stops.next_from(i) {
        i = at;
        let b = bytes[i];
        if b == b'\n' {
            if let Some(start) = open {
                // "He said: “A.\n\n“B,” she added.": the new paragraph's
                // quotation has a cue of its own, so the open one ends here.
                let continues = next_paragraph_opens_quote(text, i) && (at_paragraph_start(text, start) || !next_quote_has_trailing_words(text, i));
                if !continues {
                    out.extend(unclosed_at_paragraph_end(text, start, i));
                    open = None;
                }
            }
            i += 1;
            continue;
        }
        if !(b == b'"' || b == b'\'' || b == 0xE2) {
            i += 1;
            continue;
        }
        let Some((mark, len)) = mark_at(text, i) else {
            i += 1;
            continue;
        };
        match (mark, open) {
            (Mark::Open, None) => open = Some(i),
            (Mark::Open, Some(start)) if typed_as_closer(text, i, len) => {
                // “It is late,“ she said: an opening mark typed to close.
                out.push(Quote { span: start..i + len });
                open = None;
            }
            (Mark::Open, Some(_)) => {
                // A fresh paragraph of a continued quote, or a stray opener.
                if !at_paragraph_start(text, i) {
                    open = Some(i);
                }
            }
            (Mark::Close, Some(start)) => {
                out.push(Quote { span: start..i + len });
                open = None;
            }
            // ”Like this…” — a closing mark typed at the start of a
            // paragraph, before a word, opens the quotation.
            (Mark::Close, None) if at_paragraph_start(text, i) && text[i + len..].starts_with(char::is_alphanumeric) => open = Some(i),
            (Mark::Close, None) => {}
            (Mark::Straight, None) => open = Some(i),
            (Mark::Straight, Some(start)) => {
                if at_paragraph_start(text, i) {
                    // continuation paragraph of an open quote
                } else {
                    // "''… 'plain,'''": a single quote closing inside the
                    // doubled one; the three marks end the quotation.
                    let len = if len == 2 && text[i + 2..].starts_with('\'') { 3 } else { len };
                    out.push(Quote { span: start..i + len });
                    open = None;
                    i += len;
                    continue;
                }
            }
        }
        i += len;
    }
    if let Some(start) = open {
        out.extend(unclosed_at_paragraph_end(text, start, text.len()));
    }
    out
}

/// A quotation opened at `start` and not closed by the line break at `end`:
/// it runs to the end of its paragraph when it reads as speech there (a mark
/// before a word, four words or more, a sentence's final punctuation).
/// Inch marks, stray marks and cut-off snippets stay unbalanced.
fn unclosed_at_paragraph_end(text: &str, start: usize, end: usize) -> Option<Quote> {
    let (_, len) = mark_at(text, start)?;
    let mut quoted = text[start..end].trim_end();
    // "“We won, said Ode.": the mark forgotten before the cue; the
    // quotation ends at its comma.
    let cut = [", said ", ", says "].iter().filter_map(|cue| quoted.find(cue)).min();
    if let Some(at) = cut {
        quoted = &quoted[..at + 1];
    }
    // "“… of Columbia. [Gallup.]": a digest names the quotation's source in
    // brackets after it, the closing mark left out; the words end before.
    if let Some(head) = quoted.strip_suffix(']').and_then(|q| q.rfind(" [").map(|at| &q[..at])).filter(|head| quoted.len() - head.len() <= 40) {
        quoted = head.trim_end();
    }
    let words = &quoted[len..];
    if !words.starts_with(|c: char| c.is_alphanumeric() || c == '[') || !(cut.is_some() || quoted.ends_with(['.', '!', '?', '…'])) || words.split_whitespace().nth(3).is_none() {
        return None;
    }
    Some(Quote { span: start..start + quoted.len() })
}

/// Whether the paragraph after the line break at `newline` opens with a
/// quotation that closes on its line and is followed there by a word ("“…,”
/// she added"): an attribution of its own, not a continuation.
fn next_quote_has_trailing_words(text: &str, newline: usize) -> bool {
    let rest = text[newline..].trim_start();
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let Some((mark, len)) = mark_at(line, 0) else { return false };
    let closer: &[char] = match (mark, len) {
        (Mark::Open | Mark::Close, _) => &['”', '“'],
        (Mark::Straight, 1) => &['"'],
        // '' … '': an apostrophe alone closes nothing.
        (Mark::Straight, _) => return line[len..].find("''").is_some_and(|at| line[len + at..].trim_start_matches(['\'', ',', ' ']).starts_with(char::is_alphabetic)),
    };
    let Some(at) = line[len..].find(closer) else { return false };
    let after = line[len + at..].trim_start_matches(closer).trim_start_matches([',', ' ']);
    after.starts_with(char::is_alphabetic)
}

/// An opening mark right after the punctuation that ends a quotation and
/// before a space or the line end ("…,“ said"): a closing mark mistyped.
pub(super) fn typed_as_closer(text: &str, i: usize, len: usize) -> bool {
    text[..i].ends_with([',', '.', '!', '?']) && text[i + len..].chars().next().is_none_or(char::is_whitespace)
}

fn at_paragraph_start(text: &str, i: usize) -> bool {
    // Invisible direction and width marks pasted before a quotation count
    // as space.
    let head = text[..i].trim_end_matches([' ', '\t', '\u{200b}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{feff}']);
    head.is_empty() || head.ends_with('\n')
}

fn next_paragraph_opens_quote(text: &str, newline: usize) -> bool {
    let rest = text[newline..].trim_start();
    rest.starts_with('“') || rest.starts_with('"') || rest.starts_with("''")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        find_quotes(text).into_iter().map(|q| &text[q.span]).collect()
    }

    #[test]
    fn closing_mark_at_a_paragraph_start_opens_a_quote() {
        assert_eq!(quoted("Comments:\n”Too slow. Fix it.” ― Bo Ek"), vec!["”Too slow. Fix it.”"]);
    }

    #[test]
    fn closing_mark_after_an_invisible_direction_mark_opens_a_quote() {
        assert_eq!(quoted("\u{202a}”Too slow. Fix it.” wrote Bo Ek."), vec!["”Too slow. Fix it.”"]);
    }

    #[test]
    fn a_single_quote_closing_inside_a_doubled_one_ends_with_it() {
        assert_eq!(quoted("''Call it 'plain,''' said Ode. ''Fine.''"), ["''Call it 'plain,'''", "''Fine.''"]);
    }

    #[test]
    fn pairs_curly_quotes() {
        assert_eq!(quoted("“We are ready,” she said. “Are you?”"), ["“We are ready,”", "“Are you?”"]);
    }

    #[test]
    fn opening_mark_typed_to_close_a_quote() {
        assert_eq!(quoted("“It is late,“ she said. “Go home.”"), ["“It is late,“", "“Go home.”"]);
    }

    #[test]
    fn pairs_straight_quotes_in_turn() {
        assert_eq!(quoted("\"Not now,\" he said, \"maybe later.\""), ["\"Not now,\"", "\"maybe later.\""]);
    }

    #[test]
    fn double_apostrophes_are_quote_marks() {
        assert_eq!(quoted("''It is over,'' the judge said."), ["''It is over,''"]);
    }

    #[test]
    fn quote_runs_over_paragraphs_when_the_next_one_opens_with_a_mark() {
        let text = "“First part of the speech.\n\n“Second part.” Then silence.";
        assert_eq!(quoted(text), ["“First part of the speech.\n\n“Second part.”"]);
    }

    #[test]
    fn unbalanced_fragment_is_dropped_at_paragraph_end() {
        assert_eq!(quoted("He said “never again\n\nLater, “yes,” she said."), ["“yes,”"]);
        assert_eq!(quoted("The board stood 6'2\" tall.\n\nIt was “fine,” she said."), ["“fine,”"]);
    }

    #[test]
    fn unclosed_speech_ends_with_its_paragraph() {
        assert_eq!(quoted("He said “we will not vote for it.\n\nThe vote is Monday."), ["“we will not vote for it."]);
        assert_eq!(quoted("Ode added, \"The budget is late again."), ["\"The budget is late again."]);
        assert_eq!(quoted("“The budget is late again, said Ode, who chairs it.\n\nNo."), ["“The budget is late again,"]);
    }

    #[test]
    fn unclosed_speech_ends_before_a_bracketed_credit() {
        assert_eq!(quoted("More from Ode: “The vote is late again. [Gazette.]\n\nNext."), ["“The vote is late again."]);
    }

    #[test]
    fn a_quote_with_its_own_cue_does_not_continue_an_open_one() {
        let text = "“We tried,” Ode said. “The road is closed for good.\n\n“We will build another,” she added.";
        assert_eq!(quoted(text), ["“We tried,”", "“The road is closed for good.", "“We will build another,”"]);
    }

    #[test]
    fn a_quote_paragraph_with_its_own_cue_still_continues_a_quote_paragraph() {
        let text = "“The road is closed for good.\n\n“We will build another,” she added.";
        assert_eq!(quoted(text), ["“The road is closed for good.\n\n“We will build another,”"]);
    }
}
