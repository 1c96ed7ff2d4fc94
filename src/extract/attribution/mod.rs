//! Attribution: for each cue, its source (who) and its content (what), as byte
//! ranges into the document text. Rules over the tokens of one sentence plus
//! the document's quotations, following PolNeAR's conventions: the source is
//! the mention as written ("he", "who", "Mike Lee, a Utah senator,"), the
//! content the whole clause or quotation, with quotations that continue the
//! same speaker's words in the following sentences of the paragraph.

// Content is a list of pieces even when there is one.
#![allow(clippy::single_range_in_vec_init)]

mod content;
mod content_edges;
mod cue_rules;
mod framed_cues;
mod source;
#[cfg(test)]
mod tests;
mod transcript_turns;
mod uncued_quotes;
mod voiced_quotes;
mod word_lists;

use super::cues::{Cue, CueForm};
use super::quotes::Quote;
use super::tokens::{tokenize, Tok};
use super::word_set::WordSet;
use content::{drop_quoted_titles, end_at_quoted_phrase, end_before_colon_quote, end_before_medium, end_before_time_phrase, start_at_quotation};
use content_edges::{end_before_bracketed_tag, give_follow_on_quotes_to_first_report, start_content_at_cue_complementizer, subject_before_inserted_cue};
use source::is_non_agent;
use std::ops::Range;
use std::sync::LazyLock;
use transcript_turns::transcript_turns;
use uncued_quotes::quotes_without_cue_word;
use voiced_quotes::end_at_voiced_quotation;
use word_lists::WORDS;

/// One attribution found in the text, in byte ranges.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Attribution {
    pub source: Option<Range<usize>>,
    pub cue: Range<usize>,
    /// Pieces in text order (several for an interrupted quotation).
    pub content: Vec<Range<usize>>,
    /// A position the source held before the one reported ("shifted from
    /// backing A to …"): said at some earlier, unknown time.
    pub earlier_position: bool,
    /// Hedged by a word outside the cue and the content ("seemingly shifted
    /// … to opposing B").
    pub hedged: bool,
}

/// Everything the rules need about the document.
pub struct Layout<'a> {
    pub text: &'a str,
    pub sentences: &'a [Range<usize>],
    pub quotes: &'a [Quote],
    pub cues: &'a [Cue],
}

/// Whether the token is one of `words`, ASCII case ignored.
#[inline]
fn lower_eq<L: WordList + ?Sized>(text: &str, tok: &Tok, words: &L) -> bool {
    words.holds(&text[tok.range()])
}

/// What `lower_eq` consults: a list from `data/` or a few words written
/// where a rule needs them.
trait WordList {
    /// Whether `word` is in the list, ASCII case ignored.
    fn holds(&self, word: &str) -> bool;
}

impl WordList for WordSet {
    fn holds(&self, word: &str) -> bool {
        WordSet::holds(self, word)
    }
}

impl<const N: usize> WordList for [&str; N] {
    #[inline]
    fn holds(&self, word: &str) -> bool {
        self.iter().any(|x| word.eq_ignore_ascii_case(x))
    }
}

fn is_capitalised(text: &str, tok: &Tok) -> bool {
    tok.is_word() && text[tok.start..].chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// " from ", the word after every verb `position_shift` looks for; the
/// searcher built once, not for every sentence.
static SPACED_FROM: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new(" from "));

/// All attributions of the document, in text order.
pub fn attribute(layout: &Layout) -> Vec<Attribution> {
    // An adjective of attitude ("worried") is a cue for its own rule only:
    // no other rule ends a content or looks for a speaker at it.
    let (attitudes, reporting): (Vec<Cue>, Vec<Cue>) = layout.cues.iter().cloned().partition(|c| c.form == CueForm::Attitude);
    let layout = &Layout { cues: &reporting, ..*layout };
    let mut out = Vec::new();
    let mut toks = Vec::new();
    let mut cue_at = 0;
    let mut attitude_at = 0;
    for (si, sentence) in layout.sentences.iter().enumerate() {
        while cue_at < layout.cues.len() && layout.cues[cue_at].span.start < sentence.start {
            cue_at += 1;
        }
        let first = cue_at;
        while cue_at < layout.cues.len() && layout.cues[cue_at].span.end <= sentence.end {
            cue_at += 1;
        }
        let cues: Vec<&Cue> = layout.cues[first..cue_at].iter().filter(|c| !inside_quote(layout.quotes, c.span.start)).collect();
        while attitude_at < attitudes.len() && attitudes[attitude_at].span.start < sentence.start {
            attitude_at += 1;
        }
        let first_attitude = attitude_at;
        while attitude_at < attitudes.len() && attitudes[attitude_at].span.end <= sentence.end {
            attitude_at += 1;
        }
        let sentence_attitudes = &attitudes[first_attitude..attitude_at];
        let head = &layout.text.as_bytes()[sentence.start..sentence.end.min(sentence.start + 48)];
        let maybe_headline = head.contains(&b':');
        // Cheap test before tokenizing: every verb of `position_shift` ends
        // in "ed" but "went" and "swung".
        let plain = &layout.text[sentence.clone()];
        let maybe_shift = SPACED_FROM.find_iter(plain.as_bytes()).any(|at| {
            let before = &plain.as_bytes()[..at];
            before.ends_with(b"ed") || before.ends_with(b"went") || before.ends_with(b"swung")
        });
        let maybe_poll = opens_with_poll(plain);
        let maybe_frame = framed_cues::may_hold_frame(plain);
        if cues.is_empty() && sentence_attitudes.is_empty() && !maybe_headline && !maybe_shift && !maybe_poll && !maybe_frame {
            continue;
        }
        tokenize(layout.text, sentence.clone(), &mut toks);
        let mut sent = SentenceRules { layout, toks: &toks, index: si, found: Vec::new() };
        if maybe_headline {
            if let Some(a) = sent.colon_headline() {
                sent.found.push(a);
            }
        }
        if maybe_shift {
            let shift = sent.position_shift();
            sent.found.extend(shift);
        }
        if maybe_poll {
            let poll = sent.poll_opening();
            sent.found.extend(poll);
        }
        for (n, cue) in cues.iter().enumerate() {
            let next_cue = cues.get(n + 1).map(|c| c.span.start);
            sent.attribute_cue(cue, next_cue);
        }
        for cue in sentence_attitudes.iter().filter(|c| !inside_quote(layout.quotes, c.span.start)) {
            sent.attribute_cue(cue, None);
        }
        if maybe_frame {
            let framed = sent.framed_cues();
            sent.found.extend(framed);
        }
        out.extend(sent.found);
    }
    for a in &mut out {
        end_before_colon_quote(layout, a);
    }
    let extra = quotes_without_cue_word(layout, &out);
    out.extend(extra);
    out.retain(|a| !a.source.as_ref().is_some_and(|src| is_non_agent(&layout.text[src.clone()])));
    for a in &mut out {
        start_at_quotation(layout, a);
        end_at_quoted_phrase(layout, a);
        end_at_voiced_quotation(layout, a);
        end_before_medium(layout, a);
        end_before_time_phrase(layout, a);
        end_before_bracketed_tag(layout.text, a);
        start_content_at_cue_complementizer(layout.text, a);
        subject_before_inserted_cue(layout, a);
    }
    drop_quoted_titles(layout.text, &mut out);
    join_split_quotations(layout.text, &mut out);
    fold_reports_into_according_to(layout.text, &mut out);
    give_follow_on_quotes_to_first_report(layout, &mut out);
    // Last: a turn is the whole rest of its line, which no edge rule trims.
    transcript_turns(layout, &mut out);
    out.sort_by_key(|a| (a.content.first().map(|r| r.start), a.cue.start));
    out
}

/// "“The pier is safe,” Holm said on Tuesday, “but the ramp is not.”": where
/// the rules found the words before the cue and those after it as two
/// reports of one cue and one source, they are one interrupted content
/// (PolNeAR marks it so), joined in text order.
fn join_split_quotations(text: &str, out: &mut Vec<Attribution>) {
    if out.len() < 2 {
        return;
    }
    out.sort_by_key(|a| (a.cue.start, a.content.first().map(|r| r.start)));
    let mut kept: Vec<Attribution> = Vec::with_capacity(out.len());
    for a in out.drain(..) {
        if let Some(last) = kept.last_mut() {
            let before = last.content.last().map(|r| r.end);
            let after = a.content.first().map(|r| r.start);
            let split = last.cue == a.cue
                && last.source == a.source
                && before.is_some_and(|e| e <= a.cue.start)
                && after.is_some_and(|s| s >= a.cue.end && text[s..].starts_with(['“', '"', '\'']))
                && !text[before.unwrap_or(0)..after.unwrap_or(0)].contains('\n');
            if split {
                last.content.extend(a.content);
                last.hedged |= a.hedged;
                continue;
            }
        }
        kept.push(a);
    }
    *out = kept;
}

/// "“The pier is safe,” Holm said, according to the port log.": PolNeAR
/// marks only the outermost attribution, so a report that ends just before a
/// trailing "according to" and shares its content is part of that content,
/// not a statement of its own. Its source and cue join the outer content.
/// (Where words stand between the two, "… said Holm on Tuesday in a radio
/// interview, according to …", PolNeAR marks the report more often than
/// not.)
fn fold_reports_into_according_to(text: &str, out: &mut Vec<Attribution>) {
    let outer: Vec<usize> = (0..out.len()).filter(|&i| text[out[i].cue.clone()].eq_ignore_ascii_case("according to")).collect();
    if outer.is_empty() {
        return;
    }
    let mut folded = vec![false; out.len()];
    for &a in &outer {
        for b in 0..out.len() {
            if b == a || folded[b] || folded[a] || !reported_inside(text, &out[b], &out[a]) {
                continue;
            }
            folded[b] = true;
            let start = out[b].source.iter().map(|r| r.start).chain([out[b].cue.start]).chain(out[b].content.iter().map(|r| r.start)).min();
            let end = out[b].content.iter().map(|r| r.end).chain([out[b].cue.end]).max();
            if let ([piece], Some(start), Some(end)) = (out[a].content.as_mut_slice(), start, end) {
                *piece = piece.start.min(start)..piece.end.max(end);
            }
        }
    }
    let mut i = 0;
    out.retain(|_| {
        i += 1;
        !folded[i - 1]
    });
}

/// Whether `inner` shares content with `outer` and its cue and content end
/// right before the cue of `outer`, with nothing but punctuation between.
fn reported_inside(text: &str, inner: &Attribution, outer: &Attribution) -> bool {
    let (Some(inner_start), Some(inner_end)) = (inner.content.first().map(|r| r.start), inner.content.last().map(|r| r.end)) else {
        return false;
    };
    let (Some(outer_start), Some(outer_end)) = (outer.content.first().map(|r| r.start), outer.content.last().map(|r| r.end)) else {
        return false;
    };
    let inner_last = inner_end.max(inner.cue.end).min(outer.cue.start);
    let adjoins = !text[inner_last..outer.cue.start].chars().any(char::is_alphanumeric);
    inner_start < outer_end && outer_start < inner_end && inner.cue.end <= outer.cue.start && adjoins
}

/// "In the ferry board's latest poll, …": a sentence that opens with "In" and names
/// a poll or survey before its first comma. The cheap test before
/// tokenizing; `poll_opening` decides.
fn opens_with_poll(sentence: &str) -> bool {
    if !sentence.starts_with("In ") {
        return false;
    }
    let head = &sentence.as_bytes()[..sentence.len().min(120)];
    let head = head.split(|&b| b == b',').next().unwrap_or(head);
    head.windows(5).any(|w| w == b" poll") || head.windows(7).any(|w| w == b" survey")
}

fn inside_quote(quotes: &[Quote], at: usize) -> bool {
    let i = quotes.partition_point(|q| q.span.end <= at);
    quotes.get(i).is_some_and(|q| q.span.start < at)
}

fn quote_ending_at(quotes: &[Quote], end: usize) -> Option<&Quote> {
    let i = quotes.partition_point(|q| q.span.end < end);
    quotes.get(i).filter(|q| q.span.end == end)
}

fn quote_starting_at(quotes: &[Quote], start: usize) -> Option<&Quote> {
    let i = quotes.partition_point(|q| q.span.start < start);
    quotes.get(i).filter(|q| q.span.start == start)
}

struct SentenceRules<'a> {
    layout: &'a Layout<'a>,
    toks: &'a [Tok],
    index: usize,
    found: Vec<Attribution>,
}

impl SentenceRules<'_> {
    fn text(&self) -> &str {
        self.layout.text
    }

    fn tok_index(&self, byte: usize) -> usize {
        self.toks.partition_point(|t| t.start < byte)
    }
}

/// A lower-case word that may be a finite verb: "-ed", "-s" (not "-ss",
/// "-us", "-is") or a common irregular past.
fn finite_verb_like(word: &str) -> bool {
    if !word.chars().next().is_some_and(|c| c.is_ascii_lowercase()) || word.len() < 3 {
        return false;
    }
    WORDS.irregular.holds(word)
        || word.ends_with("ed") && word.len() > 4
        || word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") && !word.ends_with("is") && !word.ends_with("’s") && word.len() > 3
}

/// "vigorously denied", "both endorsed": a word between a subject and its
/// verb that is neither ("fiercely", "more accurately" end in -ly; "both").
fn is_manner_adverb(text: &str, tok: &Tok) -> bool {
    let w = &text[tok.range()];
    tok.is_word() && (w.len() > 4 && w.ends_with("ly") && w.starts_with(|c: char| c.is_ascii_lowercase()) && !WORDS.not_manner_adverbs.holds(w) || w == "both" || w == "more")
}

fn looks_verbal(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    w.ends_with("ed") || w.ends_with("ing") || matches!(w.as_str(), "remains" | "remained" | "has" | "is" | "was" | "will" | "would")
}
