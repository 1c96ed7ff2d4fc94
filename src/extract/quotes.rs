//! Quotations: byte ranges of the quoted passages of a text, quote marks
//! included. Curly quotes pair by shape; straight quotes (`"` and the `''` some
//! papers use) pair in turn within a paragraph. A quote left open at the end of
//! a paragraph continues when the next paragraph opens with a quote mark (the
//! convention for a quotation over several paragraphs); otherwise it is dropped
//! as unbalanced.

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
                if !next_paragraph_opens_quote(text, i) {
                    // Unbalanced: give up on it, keep looking from the next line.
                    let _ = start;
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
    out
}

/// An opening mark right after the punctuation that ends a quotation and
/// before a space or the line end ("…,“ said"): a closing mark mistyped.
fn typed_as_closer(text: &str, i: usize, len: usize) -> bool {
    text[..i].ends_with([',', '.', '!', '?']) && text[i + len..].chars().next().is_none_or(char::is_whitespace)
}

fn at_paragraph_start(text: &str, i: usize) -> bool {
    let head = text[..i].trim_end_matches([' ', '\t']);
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
    fn unbalanced_quote_is_dropped_at_paragraph_end() {
        assert_eq!(quoted("He said “never again.\n\nLater, “yes,” she said."), ["“yes,”"]);
    }
}
