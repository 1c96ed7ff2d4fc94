//! Attribution: for each cue, its source (who) and its content (what), as byte
//! ranges into the document text. Rules over the tokens of one sentence plus
//! the document's quotations, following PolNeAR's conventions: the source is
//! the mention as written ("he", "who", "Mike Lee, a Utah senator,"), the
//! content the whole clause or quotation, with quotations that continue the
//! same speaker's words in the following sentences of the paragraph.

// Content is a list of pieces even when there is one.
#![allow(clippy::single_range_in_vec_init)]

use super::cues::{Cue, CueForm};
use super::quotes::Quote;
use super::tokens::{tokenize, Tok, TokKind};
use rustc_hash::FxHashSet;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

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

/// Words skipped between a source and its verb ("he has also said").
static AUXILIARIES: HashedWords = HashedWords::new(&[
    "has", "have", "had", "also", "later", "previously", "once", "repeatedly", "then", "recently", "publicly", "privately",
    "simply", "would", "will", "did", "does", "do", "could", "might", "may", "should", "must", "not", "never", "already",
    "still", "often", "even", "again", "always", "frequently", "flatly", "quickly", "long", "reportedly", "just", "further",
    "openly", "clearly", "explicitly", "specifically", "first", "initially", "originally", "ultimately", "finally",
    "immediately", "separately", "similarly", "likewise", "now", "can", "don’t", "doesn’t", "didn’t", "don't",
    "doesn't", "didn't", "has’t", "is", "was", "are", "were", "been", "be", "being", "widely", "told",
]);

/// Time words that may stand between a subject and its verb.
static TIME_WORDS: HashedWords = HashedWords::new(&[
    "last", "this", "next", "week", "month", "year", "weekend", "night", "morning", "yesterday", "today", "earlier",
    "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
]);

/// Words that end a noun phrase when walking left from a verb.
static LEFT_STOPS: HashedWords = HashedWords::new(&[
    "that", "which", "and", "but", "or", "because", "when", "while", "if", "as", "after", "before", "so", "than", "then",
    "where", "how", "what", "why", "said", "says", "is", "was", "are", "were", "be", "been", "has", "have", "had", "to",
    "in", "on", "by", "with", "from", "about", "into", "over", "since", "until", "though", "although", "whether", "yet",
    "nor", "also", "not", "it’s", "it's", "there", "here", "today", "yesterday", "week", "month", "year", "day",
    "night", "morning", "afternoon", "evening", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "earlier", "later", "now", "just", "even", "would", "will", "can", "could", "may", "might", "should",
    "must", "do", "does", "did", "who", "whom", "whose", "during", "through", "against", "among", "under", "out",
    "up", "down", "off", "like", "unlike", "per", "via", "ago", "last", "recently", "wrote", "told", "asked",
]);

/// Verbs of impression, handled by `impression`.
const IMPRESSIONS: &[&str] = &["seem", "seems", "seemed", "appear", "appears", "appeared"];

const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "it", "you"];
const RELATIVES: &[&str] = &["who", "which", "that"];

/// Words opening an introductory clause that is not the subject.
static SUBORDINATORS: HashedWords = HashedWords::new(&[
    "while", "despite", "as", "after", "when", "if", "although", "though", "since", "before", "because", "with",
    "following", "in", "on", "at", "during", "for", "amid", "unlike", "like", "under", "once", "until", "by", "but",
    "and", "yet", "so", "however", "meanwhile", "still", "instead", "nevertheless", "now", "also", "then", "earlier",
    "later", "last", "this", "today", "yesterday", "asked", "speaking", "from", "to", "of", "over", "without",
]);

/// Verbs that take a listener before their content ("told reporters that").
const TELLING: &[&str] = &[
    "told", "tell", "tells", "telling", "asked", "ask", "asks", "asking", "assured", "warned", "informed", "urged",
    "reminded", "advised",
];

/// Words right after a cue that show nothing reported follows it.
const CLAUSE_LINKS: &[&str] = &[
    "and", "but", "after", "before", "as", "when", "while", "because", "then", "with", "afterward", "afterwards",
    "later", "since", "though", "although", "if", "or", "so", "until", "amid", "despite", "without",
];

/// Words after "…, he said," that start an aside rather than the rest of
/// what was said.
const RESUME_STOPS: &[&str] = &[
    "who", "which", "whose", "according", "as", "in", "on", "at", "after", "before", "when", "while", "during",
    "and", "but", "or", "because", "though", "although", "since", "referring", "without", "with", "by", "for",
    "to", "from", "speaking", "one", "also", "then",
];

/// Words that start an adverbial between a verb and its content ("said on
/// Monday that", "said in an interview that").
static ADVERBIAL_STARTS: HashedWords = HashedWords::new(&[
    "of", "on", "in", "at", "during", "to", "last", "earlier", "this", "late", "after", "before", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "recently", "repeatedly", "again",
    "later", "publicly", "privately", "flatly", "also", "via", "through", "over", "while", "when", "afterward",
    "separately", "previously", "once", "already", "then", "too",
]);

/// Present forms that invert after a quotation or a clause ("…,” says Kim").
const INVERTIBLE_PRESENT: &[&str] = &["says", "writes", "adds", "notes", "explains", "argues", "asks", "recalls", "insists", "warns"];

/// Cues whose content may be an infinitive ("refused to sign"), where "to"
/// is not the start of an adverbial ("said to reporters").
static TAKES_TO_INFINITIVE: HashedWords = HashedWords::new(&[
    "declined", "declines", "decline", "refused", "refuses", "refuse", "sought", "seeks", "offered", "offers", "vowed",
    "vows", "pledged", "pledges", "promised", "promises", "threatened", "threatens", "wants", "wanted", "hopes", "hoped",
    "agreed", "agrees", "expects", "expected", "plans", "planned", "urged", "urges", "ordered", "asked", "vow", "pledge",
    "promise", "threaten", "want", "hope", "agree", "expect", "refuse", "decline", "seek", "offer",
]);

/// Whether the token is one of `words`, ASCII case ignored.
fn lower_eq<L: WordList + ?Sized>(text: &str, tok: &Tok, words: &L) -> bool {
    let w = &text[tok.range()];
    w.len() <= 16 && words.holds(w)
}

/// A word list `lower_eq` consults: a short one is scanned, a long one
/// (`HashedWords`) looked up by hash.
trait WordList {
    /// Whether `word` (at most 16 bytes) is in the list, ASCII case ignored.
    fn holds(&self, word: &str) -> bool;
}

impl WordList for [&str] {
    fn holds(&self, word: &str) -> bool {
        self.iter().any(|x| word.eq_ignore_ascii_case(x))
    }
}

impl<const N: usize> WordList for [&str; N] {
    fn holds(&self, word: &str) -> bool {
        self[..].holds(word)
    }
}

/// A long word list, hashed on first use: scanning a hundred words at every
/// token before a cue was a twentieth of extraction.
struct HashedWords {
    words: &'static [&'static str],
    lowered: OnceLock<FxHashSet<Box<[u8]>>>,
}

impl HashedWords {
    const fn new(words: &'static [&'static str]) -> Self {
        HashedWords { words, lowered: OnceLock::new() }
    }
}

impl WordList for HashedWords {
    fn holds(&self, word: &str) -> bool {
        let set = self.lowered.get_or_init(|| self.words.iter().map(|w| w.to_ascii_lowercase().into_bytes().into_boxed_slice()).collect());
        let mut buf = [0u8; 16];
        let Some(lower) = buf.get_mut(..word.len()) else { return self.words.holds(word) };
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        set.contains(&*lower)
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
    let mut out = Vec::new();
    let mut toks = Vec::new();
    let mut cue_at = 0;
    for (si, sentence) in layout.sentences.iter().enumerate() {
        while cue_at < layout.cues.len() && layout.cues[cue_at].span.start < sentence.start {
            cue_at += 1;
        }
        let first = cue_at;
        while cue_at < layout.cues.len() && layout.cues[cue_at].span.end <= sentence.end {
            cue_at += 1;
        }
        let cues: Vec<&Cue> = layout.cues[first..cue_at].iter().filter(|c| !inside_quote(layout.quotes, c.span.start)).collect();
        let head = &layout.text.as_bytes()[sentence.start..sentence.end.min(sentence.start + 48)];
        let maybe_headline = head.contains(&b':');
        // Cheap test before tokenizing: every verb of `position_shift` ends
        // in "ed" but "went" and "swung".
        let plain = &layout.text[sentence.clone()];
        let maybe_shift = SPACED_FROM.find_iter(plain.as_bytes()).any(|at| {
            let before = &plain.as_bytes()[..at];
            before.ends_with(b"ed") || before.ends_with(b"went") || before.ends_with(b"swung")
        });
        if cues.is_empty() && !maybe_headline && !maybe_shift {
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
        for (n, cue) in cues.iter().enumerate() {
            let next_cue = cues.get(n + 1).map(|c| c.span.start);
            sent.attribute_cue(cue, next_cue);
        }
        out.extend(sent.found);
    }
    let extra = quotes_without_cue_word(layout, &out);
    out.extend(extra);
    out.retain(|a| !a.source.as_ref().is_some_and(|src| is_non_agent(&layout.text[src.clone()])));
    for a in &mut out {
        end_at_quoted_phrase(layout, a);
    }
    out.sort_by_key(|a| (a.content.first().map(|r| r.start), a.cue.start));
    out
}

/// Quotations no lexicon cue accounted for, with a speaker and a verb next
/// to them all the same ("“You lie!” he yelled.", "Hartley beamed: “…”"):
/// the word beside the source is taken as the cue.
fn quotes_without_cue_word(layout: &Layout, found: &[Attribution]) -> Vec<Attribution> {
    let mut covered: Vec<Range<usize>> = found.iter().flat_map(|a| a.content.iter().cloned()).collect();
    covered.sort_by_key(|r| r.start);
    let mut out = Vec::new();
    let mut toks = Vec::new();
    // The sentence `toks` holds the tokens of: one quotation's sentence is
    // read by up to three rules in turn, and was tokenized for each.
    let mut held = None;
    'quotes: for q in layout.quotes {
        let overlaps = |r: &Range<usize>| r.start < q.span.end && q.span.start < r.end;
        let i = covered.partition_point(|r| r.end <= q.span.start);
        if covered.get(i).is_some_and(overlaps) || out.iter().any(|a: &Attribution| a.content.iter().any(overlaps)) {
            continue;
        }
        if let Some(a) = dash_signature(layout.text, q).or_else(|| signature_paragraph(layout.text, q)).or_else(|| name_colon_quote(layout, q)) {
            out.push(a);
            continue;
        }
        let si = layout.sentences.partition_point(|s| s.end <= q.span.start);
        if si < layout.sentences.len() {
            tokenize_sentence(layout, si, &mut toks, &mut held);
            let rules = SentenceRules { layout, toks: &toks, index: si, found: Vec::new() };
            if let Some(a) = rules.verb_before_quote(q) {
                out.push(a);
                continue;
            }
        }
        if layout.text[q.span.clone()].split_whitespace().count() < 3 {
            continue;
        }
        // The sentence where the quotation ends holds a trailing cue; the one
        // where it starts a leading one.
        let se = layout.sentences.partition_point(|s| s.end < q.span.end);
        for (index, trailing) in [(se, true), (si, false)] {
            if index >= layout.sentences.len() {
                continue;
            }
            tokenize_sentence(layout, index, &mut toks, &mut held);
            let rules = SentenceRules { layout, toks: &toks, index, found: Vec::new() };
            let got = if trailing { rules.cue_after_quote(q) } else { rules.cue_before_quote(q) };
            if let Some(a) = got {
                out.push(a);
                continue 'quotes;
            }
        }
        // It tokenizes other ranges into `toks`.
        held = None;
        if let Some(a) = clause_before_colon(layout, q, &mut toks) {
            out.push(a);
            continue;
        }
        if let Some(a) = orphan_quote(layout, found, &out, q) {
            out.push(a);
        }
    }
    out
}

/// The tokens of sentence `index` into `toks`, unless `held` says they are
/// there already.
fn tokenize_sentence(layout: &Layout, index: usize, toks: &mut Vec<Tok>, held: &mut Option<usize>) {
    if *held != Some(index) {
        tokenize(layout.text, layout.sentences[index].clone(), toks);
        *held = Some(index);
    }
}

/// "Kim went on: “…”", "The mayor issued the following statement:\n\n“…”":
/// a clause ending in a colon right before the quotation, whatever its verb.
/// The subject of the clause is the source; the words from its verb to the
/// colon are the cue.
fn clause_before_colon(layout: &Layout, q: &Quote, toks: &mut Vec<Tok>) -> Option<Attribution> {
    let text = layout.text;
    let before = text[..q.span.start].trim_end();
    let colon = before.len().checked_sub(1).filter(|_| before.ends_with(':'))?;
    let si = layout.sentences.partition_point(|s| s.end <= colon);
    let sentence = layout.sentences.get(si)?;
    tokenize(text, sentence.start..colon + 1, toks);
    let (source, cue_start) = {
        let toks: &[Tok] = toks;
        let rules = SentenceRules { layout, toks, index: si, found: Vec::new() };
        let ct = rules.tok_index(colon);
        if ct >= toks.len() || toks[ct].kind != TokKind::Colon || ct > 30 {
            return None;
        }
        let mut source = rules.subject(ct)?;
        let first = rules.tok_index(source.start);
        if lower_eq(text, &toks[first], &["it", "this", "that", "there", "here", "what", "which", "who"]) {
            return None;
        }
        // "The harbour master went on": the subject ends before a past verb.
        let mut v = rules.tok_index(source.end);
        if let Some(past) = (first + 1..v).find(|&t| {
            let w = &text[toks[t].range()];
            finite_verb_like(w) && !w.ends_with('s')
        }) {
            source = toks[first].start..toks[past - 1].end;
            v = past;
        }
        if v < ct && toks[v].kind == TokKind::Comma {
            // "Kim, a senator from Ohio, said:": past the appositive.
            v = (v + 1..ct).find(|&t| toks[t].kind == TokKind::Comma)? + 1;
        }
        while v < ct && (lower_eq(text, &toks[v], &AUXILIARIES) || lower_eq(text, &toks[v], &TIME_WORDS) || text[toks[v].range()].ends_with("ly")) {
            v += 1;
        }
        if v >= ct || !toks[v].is_word() || !finite_verb_like(&text[toks[v].range()]) {
            return None;
        }
        (source, toks[v].start)
    };
    let mut content = vec![q.span.clone()];
    let qi = layout.sentences.partition_point(|s| s.end <= q.span.start);
    if qi < layout.sentences.len() {
        tokenize(text, layout.sentences[qi].clone(), toks);
        SentenceRules { layout, toks, index: qi, found: Vec::new() }.follow_on_quotes(&mut content);
    }
    Some(Attribution { source: Some(source), cue: cue_start..colon + 1, content, ..Default::default() })
}

/// "… called the plan “a disgrace,” while aides left the room": a clause
/// whose quoted phrase closes with a comma inside the marks and goes on for
/// a while after it ends there; what follows is the writer's.
fn end_at_quoted_phrase(layout: &Layout, a: &mut Attribution) {
    let text = layout.text;
    let [piece] = a.content.as_mut_slice() else { return };
    if text[piece.clone()].starts_with(['“', '"', '\'']) {
        return;
    }
    let from = layout.quotes.partition_point(|q| q.span.start < piece.start);
    let inside = layout.quotes[from..].iter().take_while(|q| q.span.end <= piece.end).find(|q| {
        let quoted = text[q.span.clone()].trim_end_matches(['”', '"', '\'']);
        q.span.start > piece.start && quoted.ends_with(',') && text[q.span.end..piece.end].split_whitespace().count() >= 6
    });
    if let Some(q) = inside {
        piece.end = q.span.end;
    }
}

/// Whether the quotation's words end with punctuation inside the marks
/// ("…,”", "…!”"): then it is a whole utterance, not a phrase in a clause.
fn q_closes_with_punctuation(text: &str, q: &Quote) -> bool {
    let inner = text[q.span.clone()].trim_end_matches(['”', '"', '\'', ' ']);
    inner.ends_with([',', '.', '!', '?', ';', '…'])
}

const NON_AGENTS: &str = include_str!("../../data/non_agents.txt");

/// The entries of `NON_AGENTS`, read once rather than for every source.
static NON_AGENT_LIST: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| NON_AGENTS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect());

/// Whether a source names no one ("Recent developments", "the world").
fn is_non_agent(source: &str) -> bool {
    let source = source.trim_end_matches([',', '.']).trim();
    NON_AGENT_LIST.iter().any(|w| w.eq_ignore_ascii_case(source))
}

/// "“…” ― Jane Doe": a quotation signed with a dash and a name that ends
/// its line (readers' comments, epigraphs). The dash is the cue.
fn dash_signature(text: &str, q: &Quote) -> Option<Attribution> {
    let rest = &text[q.span.end..];
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let after_space = line.trim_start_matches(|c: char| c.is_whitespace());
    let dash = after_space.chars().next().filter(|c| matches!(c, '―' | '—' | '–'))?;
    let dash_start = q.span.end + (line.len() - after_space.len());
    let name = after_space[dash.len_utf8()..].trim_start_matches(|c: char| c.is_whitespace());
    let name_start = dash_start + dash.len_utf8() + (after_space.len() - dash.len_utf8() - name.len());
    let name = name.trim_end_matches(|c: char| c.is_whitespace() || c == '.');
    let words = name.split_whitespace().count();
    if !(1..=6).contains(&words) || !name.chars().next()?.is_uppercase() {
        return None;
    }
    Some(Attribution {
        source: Some(name_start..name_start + name.len()),
        cue: dash_start..dash_start + dash.len_utf8(),
        content: vec![q.span.clone()],
        ..Default::default()
    })
}

/// "“…”\n\n- Jane Doe, Ohio.": a quotation standing as its own paragraph,
/// signed in the next one by a dash and a name (the fact-checkers' layout).
/// The name runs to the first comma; the dash is the cue.
fn signature_paragraph(text: &str, q: &Quote) -> Option<Attribution> {
    let rest = &text[q.span.end..];
    let gap = rest.len() - rest.trim_start().len();
    if !rest[..gap].contains('\n') {
        return None;
    }
    let line_start = q.span.end + gap;
    let line = &text[line_start..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let dash = line.chars().next().filter(|c| matches!(c, '-' | '―' | '—' | '–'))?;
    let after = &line[dash.len_utf8()..];
    let name = after.trim_start();
    let name_start = line_start + dash.len_utf8() + (after.len() - name.len());
    let name = &name[..name.find(',').unwrap_or(name.len())];
    let name = name.trim_end_matches(|c: char| c.is_whitespace() || c == '.');
    let words = name.split_whitespace().count();
    if !(1..=5).contains(&words) || !name.chars().next()?.is_uppercase() || line.split_whitespace().count() > 14 {
        return None;
    }
    Some(Attribution {
        source: Some(name_start..name_start + name.len()),
        cue: line_start..line_start + dash.len_utf8(),
        content: vec![q.span.clone()],
        ..Default::default()
    })
}

/// "Philip Bump: “…”", "- HuffPollster: “…”": a short capitalised name and
/// a colon right before the quotation; the colon is the cue.
fn name_colon_quote(layout: &Layout, q: &Quote) -> Option<Attribution> {
    let text = layout.text;
    let before = text[..q.span.start].trim_end_matches(|c: char| c.is_whitespace());
    let colon = before.strip_suffix(':')?;
    let line_start = colon.rfind(['\n', '-', '—', '.', '(']).map_or(0, |i| i + colon[i..].chars().next().map_or(1, char::len_utf8));
    let name = colon[line_start..].trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase) || matches!(*w, "and" | "of" | "the");
    if !(1..=4).contains(&words.len()) || !words.iter().all(capitalised) || !words[0].chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    if matches!(words[0], "From" | "Here" | "More" | "Update" | "Note" | "Editor" | "Watch" | "Read" | "The" | "This" | "It") && words.len() == 1 {
        return None;
    }
    let start = colon.len() - colon[line_start..].trim_start().len();
    let end = start + name.len();
    Some(Attribution { source: Some(start..end), cue: colon.len()..colon.len() + 1, content: vec![q.span.clone()], ..Default::default() })
}

/// A quotation standing alone right after a paragraph that reports someone
/// is, in news style, more of that person's words: PolNeAR annotates such
/// quotes with the same source. The cue is left empty (none is written).
fn orphan_quote(layout: &Layout, found: &[Attribution], extra: &[Attribution], q: &Quote) -> Option<Attribution> {
    let text = layout.text;
    if text[q.span.clone()].split_whitespace().count() < 4 {
        return None;
    }
    // Only a quote that opens its paragraph.
    let line_start = text[..q.span.start].rfind('\n').map_or(0, |i| i + 1);
    if !text[line_start..q.span.start].trim().is_empty() {
        return None;
    }
    // A relative pronoun ("…,” said Kim, who runs the port") names nobody
    // on its own: the report before it is the speaker's.
    let names_someone = |a: &&Attribution| a.source.as_ref().is_some_and(|src| !RELATIVES.iter().any(|w| text[src.clone()].eq_ignore_ascii_case(w)));
    let last = found.iter().chain(extra).filter(names_someone).filter(|a| a.content.last().is_some_and(|r| r.end <= q.span.start)).max_by_key(|a| a.content.last().map(|r| r.end))?;
    let gap = &text[last.content.last()?.end..q.span.start];
    if gap.matches('\n').count() > 2 || gap.split_whitespace().count() > 12 {
        return None;
    }
    Some(Attribution { source: last.source.clone(), cue: q.span.start..q.span.start, content: vec![q.span.clone()], ..Default::default() })
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

    fn attribute_cue(&mut self, cue: &Cue, next_cue: Option<usize>) {
        // A cue inside content already found is a nested report: leave it.
        if self.found.iter().any(|a| a.content.iter().any(|r| r.start <= cue.span.start && cue.span.end <= r.end)) {
            return;
        }
        let k = self.tok_index(cue.span.start);
        let after = self.tok_index(cue.span.end);
        if k >= self.toks.len() {
            return;
        }
        let found = match cue.form {
            _ if lower_eq(self.text(), &self.toks[k], IMPRESSIONS) => self.impression(k, after),
            CueForm::According => self.according_to(cue, k, after),
            CueForm::Participle => {
                const CONTRACTED: &[&str] = &["he’s", "she’s", "they’re", "we’re", "i’m", "who’s", "he's", "she's", "they're", "we're", "i'm", "who's"];
                if k > 0 && lower_eq(self.text(), &self.toks[k - 1], &["is", "was", "are", "were", "been", "be", "’s", "am"]) {
                    self.finite(cue, k, after, next_cue)
                } else if k > 0 && lower_eq(self.text(), &self.toks[k - 1], CONTRACTED) {
                    // "He’s claiming that …": the contraction holds the subject.
                    self.finite(cue, k, after, next_cue)
                } else if k > 0 && (self.toks[k - 1].kind == TokKind::Comma || k > 1 && self.toks[k - 1].is_quote() && self.toks[k - 2].kind == TokKind::Comma) {
                    self.participle(cue, k, after, next_cue)
                } else {
                    None
                }
            }
            _ => self.finite(cue, k, after, next_cue),
        };
        if let Some(a) = found {
            self.found.push(a);
        }
    }

    /// "Lee shifted from backing the levy to opposing it": two positions of
    /// one source, the first held earlier (`earlier_position`). A hedge
    /// before the verb ("seemingly shifted") hedges the new position.
    fn position_shift(&self) -> Vec<Attribution> {
        const SHIFTS: &[&str] = &["shifted", "moved", "switched", "pivoted", "went", "turned", "swung", "flipped", "changed", "evolved"];
        const PARTICLES: &[&str] = &["for", "against", "on", "about", "with"];
        const HEDGES: &[&str] = &["seemingly", "apparently", "reportedly", "allegedly", "supposedly"];
        let text = self.text();
        let n = self.toks.len();
        let gerund = |t: usize| t < n && self.toks[t].is_word() && text[self.toks[t].range()].ends_with("ing");
        let Some(v) = (0..n.saturating_sub(2)).find(|&v| lower_eq(text, &self.toks[v], SHIFTS) && lower_eq(text, &self.toks[v + 1], &["from"]) && gerund(v + 2)) else {
            return Vec::new();
        };
        let g1 = v + 2;
        let mut c1 = g1 + 1;
        if c1 < n && lower_eq(text, &self.toks[c1], PARTICLES) {
            c1 += 1;
        }
        let Some(to) = (c1 + 1..n.saturating_sub(1)).find(|&t| lower_eq(text, &self.toks[t], &["to"]) && gerund(t + 1)) else {
            return Vec::new();
        };
        let g2 = to + 1;
        let mut c2 = g2 + 1;
        if c2 < n && lower_eq(text, &self.toks[c2], PARTICLES) {
            c2 += 1;
        }
        let mut j = v;
        let mut hedged = false;
        while j > 0 && (lower_eq(text, &self.toks[j - 1], &AUXILIARIES) || lower_eq(text, &self.toks[j - 1], HEDGES)) {
            hedged |= lower_eq(text, &self.toks[j - 1], HEDGES);
            j -= 1;
        }
        let Some(source) = self.source_left(j).or_else(|| self.subject(j)) else { return Vec::new() };
        let Some(later) = (c2 < n).then(|| self.clause_from(c2, None)).flatten() else { return Vec::new() };
        let mut out = Vec::new();
        if c1 < to {
            out.push(Attribution {
                source: Some(source.clone()),
                cue: self.toks[v].start..self.toks[c1 - 1].end,
                content: vec![self.toks[c1].start..self.toks[to - 1].end],
                earlier_position: true,
                hedged: false,
            });
        }
        out.push(Attribution {
            source: Some(source),
            cue: self.toks[g2].start..self.toks[c2 - 1].end,
            content: vec![later],
            earlier_position: false,
            hedged,
        });
        out
    }

    /// "Lee seemed to waver", "the team appeared paralyzed": an impression
    /// nobody is said to hold. PolNeAR gives it no source; the content is the
    /// subject and what it seemed.
    fn impression(&self, k: usize, after: usize) -> Option<Attribution> {
        let text = self.text();
        let n = self.toks.len();
        if after >= n || !self.toks[after].is_word() {
            return None;
        }
        let appear = text[self.toks[k].range()].to_ascii_lowercase().starts_with("appear");
        if appear && !lower_eq(text, &self.toks[after], &["to", "that"]) || lower_eq(text, &self.toks[after], &ADVERBIAL_STARTS) && !lower_eq(text, &self.toks[after], &["to"]) {
            return None; // "appeared on television", "seemed at ease"
        }
        let mut j = k;
        while j > 0 && lower_eq(text, &self.toks[j - 1], &AUXILIARIES) {
            j -= 1;
        }
        // "Cruz seemed to blame the network": an impression of a report is
        // the subject's report (PolNeAR gives it the subject as source).
        let reporting = after + 2 < n && lower_eq(text, &self.toks[after], &["to"]) && self.layout.cues.iter().any(|c| c.span.start == self.toks[after + 1].start);
        if reporting {
            let source = self.source_left(j).filter(|_| !lower_eq(text, &self.toks[j - 1], &["it", "there"]))?;
            let content = self.content_after(after + 2, None)?;
            return Some(Attribution { source: Some(source), cue: self.toks[k].start..self.toks[after + 1].end, content, ..Default::default() });
        }
        let rest = self.clause_from(after, None)?;
        let mut content = Vec::new();
        if let Some(subject) = self.source_left(j).filter(|_| !lower_eq(text, &self.toks[j - 1], &["it", "there"])) {
            content.push(subject);
        }
        content.push(rest);
        let cue = self.toks[k].range();
        Some(Attribution { source: None, cue, content, ..Default::default() })
    }

    /// "CONTENT, according to SOURCE." / "According to SOURCE, CONTENT."
    fn according_to(&self, cue: &Cue, k: usize, after: usize) -> Option<Attribution> {
        let src_end = self.until_punct(after);
        if src_end == after {
            return None;
        }
        let source = self.toks[after].start..self.toks[src_end - 1].end;
        let mut content = Vec::new();
        if let Some(before) = self.clause_before(k) {
            content.push(before);
        }
        if src_end < self.toks.len() && self.toks[src_end].kind == TokKind::Comma {
            if let Some(rest) = self.clause_from(src_end + 1, None) {
                content.push(rest);
            }
        }
        if content.is_empty() {
            return None;
        }
        Some(Attribution { source: Some(source), cue: cue.span.clone(), content, ..Default::default() })
    }

    /// "…, emphasizing that CONTENT": the source is the subject of the clause.
    fn participle(&self, cue: &Cue, k: usize, after: usize, next_cue: Option<usize>) -> Option<Attribution> {
        let source = self.found.last().and_then(|a| a.source.clone()).or_else(|| self.subject(k))?;
        let mut after = after;
        while after < self.toks.len() && matches!(self.toks[after].kind, TokKind::Comma | TokKind::Colon) {
            after += 1; // ", adding, “…”"
        }
        let content = self.content_after(after, next_cue)?;
        Some(Attribution { source: Some(source), cue: cue.span.clone(), content, ..Default::default() })
    }

    /// A reporting verb: source before it (or after it, inverted), content
    /// after it or before it.
    fn finite(&self, cue: &Cue, k: usize, after: usize, next_cue: Option<usize>) -> Option<Attribution> {
        let text = self.text();
        let mut j = k;
        while j > 0 && (lower_eq(text, &self.toks[j - 1], &AUXILIARIES) || is_manner_adverb(text, &self.toks[j - 1])) && !lower_eq(text, &self.toks[j - 1], &["told"]) {
            j -= 1;
        }
        // "Feinstein last week said", "Ortiz on Tuesday said"
        let mut t = j;
        while t > 0 && j - t < 4 && (lower_eq(text, &self.toks[t - 1], &TIME_WORDS) || t < j && lower_eq(text, &self.toks[t - 1], &AUXILIARIES)) {
            t -= 1;
        }
        if t < j && t > 0 && self.toks[t - 1].is_word() && !lower_eq(text, &self.toks[t - 1], &LEFT_STOPS) {
            j = t;
        }
        let cue_word = &text[cue.span.clone()];
        if k < self.toks.len() && after < self.toks.len() && lower_eq(text, &self.toks[k], &["pledged", "expected"]) && !lower_eq(text, &self.toks[after], &["to", "that"]) {
            return None; // "pledged delegates", "the expected result"
        }
        let passive = cue.form == CueForm::Past
            && k > 0
            && cue_word.ends_with("ed")
            && lower_eq(text, &self.toks[k - 1], &["was", "were", "is", "are", "been", "being", "be"]);
        if cue.form == CueForm::Past && after + 1 < self.toks.len() && lower_eq(text, &self.toks[after], &["by"]) && k > 0 {
            // "The move was first reported by MSNBC", "guarantees suggested by
            // envoy Steve Witkoff": the agent is the source, the subject the content.
            let end = self.np_right(after + 1);
            let mut c = j;
            while c > 0 && lower_eq(text, &self.toks[c - 1], &["was", "were", "is", "are", "been", "being", "be", "has", "have", "had"]) {
                c -= 1;
            }
            let start = self.np_left(c);
            if end == after + 1 || start == c {
                return None;
            }
            return Some(Attribution {
                source: Some(self.toks[after + 1].start..self.toks[end - 1].end),
                cue: cue.span.clone(),
                content: vec![self.toks[start].start..self.toks[c - 1].end],
                ..Default::default()
            });
        }
        let asked_clause = lower_eq(text, &self.toks[k], &["asked"]) && (k == 0 || lower_eq(text, &self.toks[k - 1], &["when", "after", "if", "once", "before", "while"]));
        if asked_clause {
            // "When asked whether he would run, he laughed.": the question has
            // no source written; it runs to the comma.
            let n = self.toks.len();
            let mut start = after;
            if start < n && lower_eq(text, &self.toks[start], &["by"]) {
                return None;
            }
            if start < n && lower_eq(text, &self.toks[start], &["about"]) {
                start += 1;
            }
            let end = (start..n).find(|&t| matches!(self.toks[t].kind, TokKind::Comma | TokKind::End)).unwrap_or(n);
            if end <= start + 1 {
                return None;
            }
            return Some(Attribution { source: None, cue: cue.span.clone(), content: vec![self.toks[start].start..self.toks[end - 1].end], ..Default::default() });
        }
        if passive {
            // "She was asked whether …": PolNeAR gives such a report no source.
            let content = self.content_after(after, next_cue)?;
            return Some(Attribution { source: None, cue: cue.span.clone(), content, ..Default::default() });
        }
        // "…, said Hemsley, the co-author of …": after a comma, a name right
        // after the verb is the source even if a comma pair stands before.
        let n = self.toks.len();
        // "…,” says Ana Holm." inverts as "said" does; other bare or -s
        // forms after a comma rarely start an inversion.
        let invertible = cue.form == CueForm::Present && lower_eq(text, &self.toks[k], INVERTIBLE_PRESENT) || !matches!(cue.form, CueForm::Base | CueForm::Present);
        if j > 0 && self.toks[j - 1].kind == TokKind::Comma && after < n && is_capitalised(text, &self.toks[after]) && invertible {
            let end = self.np_right(after);
            if end > after && (end >= n || matches!(self.toks[end].kind, TokKind::Comma | TokKind::End)) {
                if let Some(content) = self.content_before(j) {
                    return Some(Attribution { source: Some(self.toks[after].start..self.toks[end - 1].end), cue: cue.span.clone(), content, ..Default::default() });
                }
            }
        }
        let mut source = self.source_left(j);
        if source.is_none() && j > 0 && lower_eq(text, &self.toks[j - 1], &["and", "but"]) {
            // "he voted no and said …": the subject of the first verb.
            source = self.found.last().and_then(|a| a.source.clone()).or_else(|| self.subject(j - 1));
        }
        let mut after_source = after;
        if source.is_none() {
            if !invertible {
                return None;
            }
            // Inverted: "…,” said the senator."
            let left_is_break = j == 0 || matches!(self.toks[j - 1].kind, TokKind::Comma | TokKind::CloseQuote | TokKind::StraightQuote | TokKind::Colon);
            if !left_is_break {
                return None;
            }
            let end = self.np_right(after);
            // "…, declined to comment": what follows is no speaker.
            if end == after || lower_eq(text, &self.toks[after], &LEFT_STOPS) && !is_capitalised(text, &self.toks[after]) {
                return None;
            }
            source = Some(self.toks[after].start..self.toks[end - 1].end);
            after_source = end;
        }
        if matches!(cue.form, CueForm::Base | CueForm::Present) && !self.plausible_subject(source.as_ref()?) {
            return None;
        }
        // Content before the verb ends before the source when the source is
        // on the left ("…,” Kagan, an analyst, said").
        let edge = match &source {
            Some(src) if src.end <= cue.span.start => self.tok_index(src.start),
            _ => j,
        };
        let content = self.content_for_verb(k, edge, after_source, cue, next_cue)?;
        Some(Attribution { source, cue: cue.span.clone(), content, ..Default::default() })
    }

    /// Whether a source before a bare verb ("experts say") looks like a
    /// subject, not a noun phrase with a noun ("the report", "the state").
    fn plausible_subject(&self, source: &Range<usize>) -> bool {
        const NOT_SUBJECT_END: &[&str] = &[
            "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those", "no", "any",
            "some", "such", "new", "recent", "many", "several", "other", "own", "whose", "public", "private", "his",
            "united", "both", "all", "more", "most", "poll", "news", "media",
        ];
        let last = self.text()[source.clone()].rsplit(' ').next().unwrap_or_default().to_lowercase();
        !NOT_SUBJECT_END.contains(&last.as_str())
    }

    fn content_for_verb(&self, k: usize, j: usize, after: usize, cue: &Cue, next_cue: Option<usize>) -> Option<Vec<Range<usize>>> {
        let text = self.text();
        let n = self.toks.len();
        let mut i = after;
        let cue_word = &text[cue.span.clone()];
        // "“…,” Trump said 30 minutes into the debate.": a quotation right
        // before the source is the content unless the verb opens another one.
        if j > 0 && (self.toks[j - 1].is_quote() || j > 1 && self.toks[j - 1].kind == TokKind::Comma && self.toks[j - 2].is_quote()) {
            let opens_more = i < n && (matches!(self.toks[i].kind, TokKind::Colon) || lower_eq(text, &self.toks[i], &["that"]));
            let comma_quote = i + 1 < n && self.toks[i].kind == TokKind::Comma && self.toks[i + 1].is_quote();
            if !opens_more && !comma_quote && !self.title_quote_before(j) {
                if let Some(mut before) = self.content_before(j) {
                    // "“…,” Ruiz said of the plan.": what it was said of is
                    // part of the content, as PolNeAR marks it.
                    if i + 1 < n && lower_eq(text, &self.toks[i], &["of"]) && self.toks[i + 1].is_word() {
                        let end = (i + 1..n).find(|&t| matches!(self.toks[t].kind, TokKind::Comma | TokKind::End | TokKind::Semicolon)).unwrap_or(n);
                        let piece = self.toks[i + 1].start..self.toks[end - 1].end;
                        let at = before.partition_point(|r| r.start < piece.start);
                        before.insert(at, piece);
                    }
                    return Some(before);
                }
            }
        }
        if TELLING.iter().any(|w| cue_word.eq_ignore_ascii_case(w)) {
            // Skip the listener: up to "that", a colon or a quote nearby.
            let mut m = i;
            const OPENERS: &[&str] = &["that", "whether", "if", "how", "why", "what", "to"];
            while m < n && m < i + 8 && self.toks[m].is_word() && !lower_eq(text, &self.toks[m], OPENERS) {
                m += 1;
            }
            if m > i && m < n && (lower_eq(text, &self.toks[m], OPENERS) || matches!(self.toks[m].kind, TokKind::Colon | TokKind::Comma | TokKind::OpenQuote | TokKind::StraightQuote)) {
                i = m;
            } else if m >= n || self.toks[m].kind == TokKind::End {
                // "…,” she told reporters." / "she told CNN." : nothing follows the listener.
                if let Some(before) = self.content_before(j) {
                    return Some(before);
                }
                let listener_end = self.np_right(i);
                if listener_end == i || listener_end >= m {
                    return None;
                }
                i = listener_end;
            }
        }
        while i < n && self.toks[i].is_word() && text[self.toks[i].range()].ends_with("ly") && !lower_eq(text, &self.toks[i], &["only", "early"]) {
            i += 1; // "said sarcastically"
        }
        if i < n && self.toks[i].is_word() && text[self.toks[i].range()].ends_with("ing") {
            // "he said, introducing Clinton as …"
            if let Some(before) = self.content_before(j) {
                return Some(before);
            }
        }
        if i < n && self.toks[i].is_word() && lower_eq(text, &self.toks[i], CLAUSE_LINKS) {
            // "she said and hung up", "he said after the vote": nothing reported
            // follows, unless it is a conditional clause ("said if he wins, …").
            let before = self.content_before(j);
            if before.is_some() || !lower_eq(text, &self.toks[i], &["if", "when", "while", "because", "though", "although", "since", "as", "unless"]) {
                return before;
            }
        }
        if i + 1 < n && lower_eq(text, &self.toks[i], &["to"]) && lower_eq(text, &self.toks[k], &TAKES_TO_INFINITIVE) {
            // "declined to name the new chief": the infinitive is the content.
            return self.content_after(i, next_cue);
        }
        if i < n && self.toks[i].is_word() && lower_eq(text, &self.toks[i], &ADVERBIAL_STARTS) {
            const COMPLEMENTIZERS: &[&str] = &["that", "whether", "if", "how", "why", "what"];
            let mut m = i;
            while m < n && m < i + 10 && self.toks[m].is_word() && !lower_eq(text, &self.toks[m], COMPLEMENTIZERS) {
                m += 1;
            }
            if m >= n || self.toks[m].kind == TokKind::End {
                return self.content_before(j);
            }
            // Ten words on and no "that" nor a break: no adverbial after all
            // ("argued again over health care and …"); keep the whole clause.
            let ran_out = m == i + 10 && self.toks[m].is_word() && !lower_eq(text, &self.toks[m], COMPLEMENTIZERS);
            if !ran_out {
                i = m;
            }
        }
        if i >= n || self.toks[i].kind == TokKind::End {
            return self.content_before(j);
        }
        match self.toks[i].kind {
            TokKind::Colon if i + 1 >= n => self.quote_after_colon(),
            TokKind::Colon => self.content_after(i + 1, next_cue),
            TokKind::Comma => {
                let before = self.content_before(j);
                let follows_quote = i + 1 < n && self.toks[i + 1].is_quote();
                // "Asked about it, Lee said, “…”": an introductory clause
                // before the source is not what was said.
                let before = before.filter(|p| !follows_quote || self.text()[..p[0].end].ends_with(['”', '"', '\'']));
                match (before, follows_quote) {
                    (Some(mut pieces), true) => {
                        if let Some(more) = self.content_after(i + 1, next_cue) {
                            pieces.extend(more);
                        }
                        Some(pieces)
                    }
                    (Some(mut pieces), false) => {
                        // "In any case, Ortiz said, the plan stands.": the
                        // sentence goes on after the interruption.
                        let next = i + 1;
                        let resumes = next < n
                            && self.toks[next].is_word()
                            && !self.layout.cues.iter().any(|c| c.span.start == self.toks[next].start)
                            && !lower_eq(text, &self.toks[next], RESUME_STOPS)
                            && !text[self.toks[next].range()].ends_with("ing");
                        let single_sentence_piece = pieces.len() == 1 && pieces[0].start >= self.layout.sentences[self.index].start;
                        if resumes && single_sentence_piece {
                            if let Some(rest) = self.clause_from(next, next_cue) {
                                pieces.push(rest);
                            }
                        }
                        Some(pieces)
                    }
                    (None, true) => self.content_after(i + 1, next_cue),
                    (None, false) => {
                        // "Trump said, among other things, that …"
                        let close = (i + 1..n.min(i + 10)).find(|&t| self.toks[t].kind == TokKind::Comma)?;
                        self.content_after(close + 1, next_cue)
                    }
                }
            }
            TokKind::Word | TokKind::OpenQuote | TokKind::StraightQuote => {
                let _ = k;
                self.content_after(i, next_cue)
            }
            _ => self.content_before(j),
        }
    }

    /// "He said:" closing its paragraph: the quotation opening the next one
    /// (and the quotations that carry it on) is what was said.
    fn quote_after_colon(&self) -> Option<Vec<Range<usize>>> {
        let here = &self.layout.sentences[self.index];
        let next = self.layout.sentences.get(self.index + 1)?;
        if !self.text()[here.end..next.start].trim().is_empty() {
            return None;
        }
        let q = quote_starting_at(self.layout.quotes, next.start)?;
        let mut pieces = vec![q.span.clone()];
        let rules = SentenceRules { layout: self.layout, toks: self.toks, index: self.index + 1, found: Vec::new() };
        rules.follow_on_quotes(&mut pieces);
        Some(pieces)
    }

    /// A quotation inside a clause whose verb is not in the lexicon ("Bush
    /// hailed the plan as “a bright idea”", "He commanded the party to “act”"):
    /// the subject is the source, the verb the cue, the rest of the clause the
    /// content.
    fn verb_before_quote(&self, q: &Quote) -> Option<Attribution> {
        let text = self.text();
        let qt = self.tok_index(q.span.start);
        if qt >= self.toks.len() || self.toks[qt].start != q.span.start {
            return None;
        }
        let mut v = qt;
        while v > 0 && qt - v < 12 {
            v -= 1;
            let tok = &self.toks[v];
            if !tok.is_word() {
                if matches!(tok.kind, TokKind::End | TokKind::Semicolon | TokKind::Colon) || tok.is_quote() {
                    return None;
                }
                continue;
            }
            if !finite_verb_like(&text[tok.range()]) || v == 0 || lower_eq(text, &self.toks[v - 1], &["to", "the", "a", "an", "of"]) {
                continue;
            }
            let mut j = v;
            while j > 0 && lower_eq(text, &self.toks[j - 1], &AUXILIARIES) {
                j -= 1;
            }
            let Some(source) = self.source_left(j) else { continue };
            if !self.agent_like(&source) {
                return None;
            }
            let clause = self.clause_from(v + 1, None)?;
            let end = clause.end.max(q.span.end);
            return Some(Attribution { source: Some(source), cue: tok.range(), content: vec![clause.start..end], ..Default::default() });
        }
        None
    }

    /// A pronoun for a person or a capitalised name: who can say something.
    fn agent_like(&self, source: &Range<usize>) -> bool {
        let words = &self.text()[source.clone()];
        let first = words.split_whitespace().next().unwrap_or_default();
        if matches!(first.to_lowercase().as_str(), "he" | "she" | "they" | "i" | "we" | "who") {
            return true;
        }
        words.split_whitespace().any(|w| w.chars().next().is_some_and(char::is_uppercase))
            && !matches!(first, "It" | "This" | "That" | "There" | "These" | "Those")
    }

    /// "On “Face the Nation,” Ryan said …": the quotation before the source
    /// is a title, introduced by a preposition or a possessive.
    fn title_quote_before(&self, j: usize) -> bool {
        let text = self.text();
        let c = if self.toks[j - 1].is_quote() { j - 1 } else { j - 2 };
        let Some(q) = quote_ending_at(self.layout.quotes, self.toks[c].end) else { return false };
        let t = self.tok_index(q.span.start);
        if t == 0 || self.toks[t].start != q.span.start || text[q.span.clone()].split_whitespace().count() > 5 {
            return false;
        }
        let before = &self.toks[t - 1];
        let word = &text[before.range()];
        before.is_word() && (lower_eq(text, before, &["on", "of", "in", "at", "to", "with", "from", "by", "for", "during"]) || word.ends_with("’s") || word.ends_with("'s"))
    }

    /// Content ahead of the source: the clause or quotation before it.
    fn content_before(&self, j: usize) -> Option<Vec<Range<usize>>> {
        // j is the first token of the verb group; walk back over the source.
        let mut b = j;
        while b > 0 && !matches!(self.toks[b - 1].kind, TokKind::Comma | TokKind::CloseQuote | TokKind::StraightQuote | TokKind::Dash | TokKind::End) {
            b -= 1;
        }
        if b == 0 {
            // "…child?” Rubio said.": the splitter ended the sentence inside
            // the quotation's last words; the quote just before is the content.
            let start = self.layout.sentences[self.index].start;
            let i = self.layout.quotes.partition_point(|q| q.span.end <= start);
            let q = i.checked_sub(1).map(|i| &self.layout.quotes[i])?;
            let gap = &self.text()[q.span.end..start];
            if !gap.chars().all(|c| c == ' ' || c == '\t') {
                return None;
            }
            let mut pieces = vec![q.span.clone()];
            self.follow_on_quotes(&mut pieces);
            return Some(pieces);
        }
        // "…,” he said": the quotation (possibly from an earlier sentence).
        let mut end_tok = b; // exclusive
        while end_tok > 0 && matches!(self.toks[end_tok - 1].kind, TokKind::Comma | TokKind::Dash) {
            end_tok -= 1;
        }
        if end_tok == 0 {
            return None;
        }
        let last = &self.toks[end_tok - 1];
        let mut pieces = Vec::new();
        if last.is_quote() {
            if let Some(q) = quote_ending_at(self.layout.quotes, last.end) {
                pieces.push(q.span.clone());
                self.follow_on_quotes(&mut pieces);
                return Some(pieces);
            }
        }
        let start = self.clause_start(end_tok);
        if start >= end_tok {
            return None;
        }
        pieces.push(self.toks[start].start..last.end);
        self.follow_on_quotes(&mut pieces);
        Some(pieces)
    }

    /// Start of the content that ends before token `end`: the sentence start,
    /// or just after a quotation mark if a quote closes in between.
    fn clause_start(&self, _end: usize) -> usize {
        0
    }

    /// Quotations that carry on the same speaker's words: following sentences
    /// of the paragraph that are a quotation and hold no cue of their own.
    fn follow_on_quotes(&self, pieces: &mut Vec<Range<usize>>) {
        let text = self.text();
        let mut pos = pieces.last().map(|r| r.end).unwrap_or(0);
        let sentences = self.layout.sentences;
        let mut si = self.index + 1;
        // Skip the rest of the current sentence ("…,” he said.).
        let here_end = sentences[self.index].end;
        if pos < here_end {
            pos = here_end;
        }
        while si < sentences.len() && sentences[si].end <= pos {
            si += 1;
        }
        while si < sentences.len() {
            let s = &sentences[si];
            if s.start < pos || text[pos..s.start].contains('\n') {
                break;
            }
            let Some(q) = quote_starting_at(self.layout.quotes, s.start) else { break };
            // A cue after the quotation, in the sentence where it ends, makes
            // it a report of its own (a quote running over several sentences
            // or paragraphs ends where its "she said" stands).
            let ends_in = sentences.partition_point(|x| x.end < q.span.end);
            let tail_end = sentences.get(ends_in).map_or(q.span.end, |x| x.end).max(s.end);
            let cue_inside = self.layout.cues.iter().any(|c| c.span.start >= q.span.end && c.span.start < tail_end);
            if cue_inside {
                break;
            }
            pieces.push(q.span.clone());
            pos = q.span.end.max(s.end);
            si += 1;
            while si < sentences.len() && sentences[si].end <= q.span.end {
                si += 1;
            }
        }
    }

    /// Content from token `i` on: a quotation opening there (which may run
    /// past this sentence), or the clause to the end of the sentence or to
    /// the comma before the next cue.
    fn content_after(&self, i: usize, next_cue: Option<usize>) -> Option<Vec<Range<usize>>> {
        let n = self.toks.len();
        if i >= n {
            return None;
        }
        if self.toks[i].is_quote() {
            if let Some(q) = quote_starting_at(self.layout.quotes, self.toks[i].start) {
                let sentence_end = self.layout.sentences[self.index].end;
                // A quotation closed without punctuation is part of a longer
                // clause ("“budget reforms” and taxes would pay for it").
                let closes = q_closes_with_punctuation(self.text(), q);
                let mut pieces = if q.span.end >= sentence_end || self.rest_is_trivial(q.span.end) || closes && self.new_clause_at(q.span.end) {
                    vec![q.span.clone()]
                } else {
                    vec![q.span.start..self.trimmed_end(sentence_end)]
                };
                self.follow_on_quotes(&mut pieces);
                return Some(pieces);
            }
        }
        let clause = self.clause_from(i, next_cue)?;
        let mut pieces = vec![clause];
        if pieces[0].end >= self.trimmed_end(self.layout.sentences[self.index].end) {
            // "She says the rules should change. “It is their life.”"
            self.follow_on_quotes(&mut pieces);
        }
        Some(pieces)
    }

    /// "“…,” he yelled." / "“…,” yelled Hartley." / "“…,” Hartley beamed."
    fn cue_after_quote(&self, q: &Quote) -> Option<Attribution> {
        let text = self.text();
        let n = self.toks.len();
        let mut t = self.tok_index(q.span.end);
        while t < n && self.toks[t].kind == TokKind::Comma {
            t += 1;
        }
        let start = t;
        while t < n && t < start + 7 && self.toks[t].is_word() {
            t += 1;
        }
        let words = t - start;
        if words < 2 {
            return None;
        }
        let first = &self.toks[start];
        let verbish = |tok: &Tok| {
            let w = &text[tok.range()];
            w.chars().all(|c| c.is_lowercase()) && (w.ends_with("ed") || w.ends_with('s') || w.ends_with("ing") || matches!(w, "wrote" | "told" | "went" | "said"))
        };
        let pieces = {
            let mut p = vec![q.span.clone()];
            self.follow_on_quotes(&mut p);
            p
        };
        // "“…,” she yells while running": a pronoun and a verb right after
        // the quotation, whatever follows them.
        let quote_closed_with_comma = q_closes_with_punctuation(text, q);
        if quote_closed_with_comma && lower_eq(text, first, &["he", "she", "they"]) && verbish(&self.toks[start + 1]) {
            return Some(Attribution { source: Some(first.range()), cue: self.toks[start + 1].range(), content: pieces, ..Default::default() });
        }
        // "“Power to the people!” the crowd shouted from the street",
        // "“Go home,” Trump barked and …": a short subject and a verb right
        // after a quotation that closes with its own punctuation.
        let qt = self.tok_index(q.span.start);
        let quote_opens_clause = qt == 0 || qt >= n || !self.toks[qt - 1].is_word();
        if quote_closed_with_comma && quote_opens_clause {
            let determiner = lower_eq(text, first, &["the", "a", "an", "his", "her", "their", "its", "one"]);
            let noun_end = (start + usize::from(determiner)..t.min(start + 4)).find(|&m| !(self.toks[m].is_word() && (determiner && !verbish(&self.toks[m]) || is_capitalised(text, &self.toks[m]))));
            if let Some(v) = noun_end.filter(|&v| v > start + usize::from(determiner) && v < t && verbish(&self.toks[v])) {
                return Some(Attribution { source: Some(first.start..self.toks[v - 1].end), cue: self.toks[v].range(), content: pieces, ..Default::default() });
            }
        }
        if !(t >= n || matches!(self.toks[t].kind, TokKind::End | TokKind::Comma)) {
            return None;
        }
        if lower_eq(text, first, PRONOUNS) && verbish(&self.toks[start + 1]) {
            return Some(Attribution { source: Some(first.range()), cue: self.toks[start + 1].range(), content: pieces, ..Default::default() });
        }
        if verbish(first) && is_capitalised(text, &self.toks[start + 1]) || lower_eq(text, &self.toks[start + 1], &["the", "a", "an"]) && verbish(first) {
            return Some(Attribution { source: Some(self.toks[start + 1].start..self.toks[t - 1].end), cue: first.range(), content: pieces, ..Default::default() });
        }
        // "the suit reads", "the letter continues"
        if words == 3 && lower_eq(text, first, &["the", "a", "an", "his", "her", "their", "its"]) && verbish(&self.toks[start + 2]) && !verbish(&self.toks[start + 1]) {
            return Some(Attribution { source: Some(first.start..self.toks[start + 1].end), cue: self.toks[start + 2].range(), content: pieces, ..Default::default() });
        }
        // "Hartley beamed", "Donald Hartley beamed"
        let mut m = start;
        while m < t && is_capitalised(text, &self.toks[m]) {
            m += 1;
        }
        if m > start && m < t && verbish(&self.toks[m]) {
            return Some(Attribution { source: Some(first.start..self.toks[m - 1].end), cue: self.toks[m].range(), content: pieces, ..Default::default() });
        }
        None
    }

    /// "Hannity interjected: “…”" / "he yelled, “…”"
    fn cue_before_quote(&self, q: &Quote) -> Option<Attribution> {
        let text = self.text();
        let mut t = self.tok_index(q.span.start);
        if t == 0 || !matches!(self.toks[t - 1].kind, TokKind::Colon | TokKind::Comma) {
            return None;
        }
        t -= 1;
        if t == 0 {
            return None;
        }
        let verb = &self.toks[t - 1];
        let w = &text[verb.range()];
        if !(w.chars().all(|c| c.is_lowercase()) && (w.ends_with("ed") || w.ends_with('s'))) {
            return None;
        }
        let source = self.source_left(t - 1)?;
        let mut content = vec![q.span.clone()];
        self.follow_on_quotes(&mut content);
        Some(Attribution { source: Some(source), cue: verb.range(), content, ..Default::default() })
    }

    /// Whether a new clause starts right after byte `at` ("… and said", ", adding").
    fn new_clause_at(&self, at: usize) -> bool {
        let t = self.tok_index(at);
        let text = self.text();
        let mut t2 = t;
        while t2 < self.toks.len() && self.toks[t2].kind == TokKind::Comma {
            t2 += 1;
        }
        t2 < self.toks.len()
            && (lower_eq(text, &self.toks[t2], CLAUSE_LINKS)
                || self.layout.cues.iter().any(|c| c.span.start == self.toks[t2].start))
    }

    /// A headline or Q&A line "Trump: Walls Work" — a short name, a colon,
    /// then what was said.
    fn colon_headline(&self) -> Option<Attribution> {
        const NOT_SPEAKERS: &[&str] = &[
            "update", "updated", "note", "editor", "photo", "photos", "related", "read", "watch", "video", "correction",
            "source", "sources", "q", "a", "why", "what", "how", "who", "when", "where", "breaking", "exclusive",
            "analysis", "opinion", "live", "the", "abstract", "full", "text", "by", "image", "credit", "subscribe",
            "and", "but", "in", "on", "at", "for", "with", "contributing", "reporting", "contact", "via", "tags", "topics",
        ];
        let text = self.text();
        let colon = self.toks.iter().take(5).position(|t| t.kind == TokKind::Colon)?;
        if colon == 0 || colon + 1 >= self.toks.len() {
            return None;
        }
        let name = &self.toks[..colon];
        if !name.iter().all(|t| is_capitalised(text, t) && !lower_eq(text, t, NOT_SPEAKERS)) {
            return None;
        }
        if !text[name[0].start..self.toks[colon].start].contains(|c: char| c.is_alphabetic()) {
            return None;
        }
        if text[name[0].range()].chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) && name[0].len() > 3 {
            return None; // "HUFFPOLLSTER: …" is a section label
        }
        let content = self.clause_from(colon + 1, None)?;
        let words = self.toks[colon + 1..].iter().filter(|t| t.is_word()).count();
        if words < 3 || self.toks[colon + 1].is_word() && text[self.toks[colon + 1].range()].starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let first_paragraph_line = self.index == 0 || text[..self.layout.sentences[self.index].start].ends_with('\n');
        if !first_paragraph_line {
            return None;
        }
        Some(Attribution {
            source: Some(name[0].start..name[name.len() - 1].end),
            cue: self.toks[colon].range(),
            content: vec![content],
            ..Default::default()
        })
    }

    fn rest_is_trivial(&self, from: usize) -> bool {
        let sentence_end = self.layout.sentences[self.index].end;
        from >= sentence_end || self.text()[from..sentence_end].chars().all(|c| !c.is_alphanumeric())
    }

    fn trimmed_end(&self, end: usize) -> usize {
        let head = &self.text()[..end];
        let trimmed = head.trim_end_matches(|c: char| c == '.' || c.is_whitespace());
        trimmed.len()
    }

    /// The clause from token `i` to the sentence end, or to the comma before
    /// a following participial cue.
    fn clause_from(&self, i: usize, next_cue: Option<usize>) -> Option<Range<usize>> {
        let n = self.toks.len();
        if i >= n {
            return None; // nothing follows (", according to X," at the very end)
        }
        let mut end = n;
        let _ = next_cue;
        // Stop before ", adding that …": the next participial cue starts its own statement.
        let first = self.toks[i].start;
        let sentence_end = self.layout.sentences[self.index].end;
        let from = self.layout.cues.partition_point(|c| c.span.start <= first);
        let participle = self.layout.cues[from..].iter().take_while(|c| c.span.start < sentence_end).find(|c| {
            c.form == CueForm::Participle && {
                let ci = self.tok_index(c.span.start);
                ci > i + 1
                    && ci < n
                    && (self.toks[ci - 1].kind == TokKind::Comma
                        || self.toks[ci - 1].is_quote() && self.toks[ci - 2].kind == TokKind::Comma)
            }
        });
        if let Some(c) = participle {
            end = self.tok_index(c.span.start) - 1;
            if self.toks[end].is_quote() {
                end += 1; // keep the closing quote mark of "…,” adding"
            }
        }
        // Stop before "… and argued that", "… before claiming": the same
        // speaker's next statement.
        let coordinated = self.layout.cues[from..].iter().take_while(|c| c.span.start < sentence_end).find_map(|c| {
            if inside_quote(self.layout.quotes, c.span.start) {
                return None;
            }
            let mut cj = self.tok_index(c.span.start);
            while cj > i + 1 && lower_eq(self.text(), &self.toks[cj - 1], &AUXILIARIES) {
                cj -= 1;
            }
            (cj > i + 1 && lower_eq(self.text(), &self.toks[cj - 1], &["and", "but", "before", "after", "then", "while"])).then_some(cj - 1)
        });
        if let Some(stop) = coordinated {
            end = end.min(stop);
        }
        // Stop before ", and other leaders said …": another speaker's clause.
        let finite = self.layout.cues[from..].iter().take_while(|c| c.span.start < sentence_end).find(|c| {
            c.form != CueForm::Participle && !inside_quote(self.layout.quotes, c.span.start)
        });
        if let Some(c) = finite {
            let ci = self.tok_index(c.span.start).min(end);
            if let Some(comma) = (i + 1..ci).rev().find(|&t| matches!(self.toks[t].kind, TokKind::Comma | TokKind::Semicolon)) {
                let between = &self.toks[comma + 1..ci];
                let has_that = between.iter().any(|t| lower_eq(self.text(), t, &["that", "who", "which"]));
                if !has_that && between.len() <= 10 && between.iter().all(|t| t.is_word() || t.is_quote()) {
                    end = comma;
                }
            }
        }
        // ", which would …" comments on the content rather than continuing it.
        if let Some(c) = (i + 2..end).find(|&t| self.toks[t - 1].kind == TokKind::Comma && lower_eq(self.text(), &self.toks[t], &["which"])) {
            end = c - 1;
        }
        if lower_eq(self.text(), &self.toks[i], &["as"]) {
            // "characterized as extremely positive, …": the description only.
            if let Some(c) = (i + 1..end).find(|&t| self.toks[t].kind == TokKind::Comma) {
                end = c;
            }
        }
        while end > i && matches!(self.toks[end - 1].kind, TokKind::End | TokKind::Comma | TokKind::Semicolon | TokKind::Dash) {
            end -= 1;
        }
        if end <= i || !self.toks[i..end].iter().any(Tok::is_word) {
            return None;
        }
        Some(self.toks[i].start..self.toks[end - 1].end)
    }

    /// The clause before token `k` ("CONTENT, according to …").
    fn clause_before(&self, k: usize) -> Option<Range<usize>> {
        let mut end = k;
        while end > 0 && matches!(self.toks[end - 1].kind, TokKind::Comma | TokKind::Dash) {
            end -= 1;
        }
        if end == 0 || !self.toks[..end].iter().any(Tok::is_word) {
            return None;
        }
        Some(self.toks[0].start..self.toks[end - 1].end)
    }

    /// Index after the last token before the next comma / end punctuation.
    fn until_punct(&self, i: usize) -> usize {
        let mut m = i;
        while m < self.toks.len() && m < i + 20 && matches!(self.toks[m].kind, TokKind::Word | TokKind::Other | TokKind::Dash) {
            m += 1;
        }
        m
    }

    /// The source as written just before token `j` (exclusive).
    fn source_left(&self, j: usize) -> Option<Range<usize>> {
        let text = self.text();
        if j == 0 {
            return None;
        }
        let prev = &self.toks[j - 1];
        if text[prev.range()] == *")" {
            // "Rep. Earl Blumenauer (D-Ore.) said": the name before the brackets.
            let open = (0..j - 1).rev().take(8).find(|&t| &text[self.toks[t].range()] == "(")?;
            let start = self.np_left(open);
            return (start < open).then(|| self.toks[start].start..prev.end);
        }
        if !prev.is_word() {
            if prev.kind == TokKind::Comma || prev.kind == TokKind::Dash {
                return self.appositive_source(j - 1);
            }
            return None;
        }
        if lower_eq(text, prev, &["that"]) && j >= 2 {
            // "a poll that showed …": PolNeAR marks the noun, not "that".
            let start = self.np_left(j - 1);
            if start < j - 1 {
                return Some(self.toks[start].start..self.toks[j - 2].end);
            }
        }
        if lower_eq(text, prev, PRONOUNS) || lower_eq(text, prev, RELATIVES) {
            return Some(prev.range());
        }
        let start = self.np_left(j);
        if start == j {
            return None;
        }
        Some(self.toks[start].start..prev.end)
    }

    /// "NAME, a Utah senator, said" / "NAME, who …, said": the name (with an
    /// appositive, as PolNeAR marks it; without a relative clause).
    fn appositive_source(&self, close: usize) -> Option<Range<usize>> {
        let text = self.text();
        let mark = self.toks[close].kind;
        // "--" is two tokens: work with the first mark of each group.
        let mut close_first = close;
        while close_first > 0 && self.toks[close_first - 1].kind == mark {
            close_first -= 1;
        }
        let mut inner_start = close_first;
        while inner_start > 0 && self.toks[inner_start - 1].kind != mark {
            let tok = &self.toks[inner_start - 1];
            // "McConnell, R-Ky., said": an abbreviation's period is no end.
            let abbreviation = tok.kind == TokKind::End && text[tok.end..].starts_with(',');
            if tok.is_quote() || tok.kind == TokKind::End && !abbreviation {
                return None;
            }
            inner_start -= 1;
        }
        if inner_start == 0 || close_first <= inner_start || close_first - inner_start > 30 {
            return None;
        }
        let mut open_first = inner_start - 1;
        while open_first > 0 && self.toks[open_first - 1].kind == mark {
            open_first -= 1;
        }
        if open_first == 0 {
            return None;
        }
        let first = &self.toks[inner_start];
        let first_word = &text[first.range()];
        let adverb_aside = close_first == inner_start + 1
            && lower_eq(text, first, &["however", "though", "too", "meanwhile", "instead", "also", "nevertheless", "moreover", "meantime", "then", "now", "later", "earlier"]);
        let verbal_aside = adverb_aside || first_word.ends_with("ing") || first_word.ends_with("ed");
        if verbal_aside && !adverb_aside {
            // "…, forcing her to fight on, said Bo Lind": the source follows.
            let after_cue = self.toks.get(close + 2);
            if after_cue.is_some_and(|t| is_capitalised(text, t) || lower_eq(text, t, &["the", "a", "an"])) {
                return None;
            }
        }
        let start = if text[self.toks[open_first - 1].range()] == *")" {
            // "Sen. Ann Roe (D-Ill.), noting …, said": the name before the brackets.
            self.tok_index(self.source_left(open_first)?.start)
        } else {
            self.np_left(open_first)
        };
        if start == open_first {
            return None;
        }
        if verbal_aside || lower_eq(text, first, &["who", "which", "whose"]) || mark == TokKind::Dash {
            Some(self.toks[start].start..self.toks[open_first - 1].end)
        } else if first.is_word() && !lower_eq(text, first, CLAUSE_LINKS) && !lower_eq(text, first, &["that", "according"]) {
            Some(self.toks[start].start..self.toks[close].end)
        } else {
            None
        }
    }

    /// First token of the noun phrase that ends just before `j`.
    fn np_left(&self, j: usize) -> usize {
        let text = self.text();
        let mut i = j;
        while i > 0 && j - i < 8 {
            let t = &self.toks[i - 1];
            if !t.is_word() && !(t.kind == TokKind::Dash && i >= 2 && self.toks[i - 2].is_word() && i < j) {
                break;
            }
            if t.is_word() && lower_eq(text, t, &LEFT_STOPS) {
                if lower_eq(text, t, &["of", "for", "at", "and", "from"]) && i < j {
                    i -= 1;
                    continue;
                }
                break;
            }
            i -= 1;
        }
        // Trim connectors at the front ("of the campaign" is no source).
        while i < j && lower_eq(text, &self.toks[i], &["of", "for", "at", "and", "from", "-"]) {
            i += 1;
        }
        if i < j && !self.toks[i].is_word() {
            i += 1;
        }
        i
    }

    /// End (exclusive) of the noun phrase starting at `i`: "the senator",
    /// "Donald Trump", up to a comma, a verb-like word or the sentence end.
    fn np_right(&self, i: usize) -> usize {
        let text = self.text();
        let n = self.toks.len();
        let mut m = i;
        while m < n && m < i + 8 && self.toks[m].is_word() {
            let t = &self.toks[m];
            if m > i && !is_capitalised(text, t) && lower_eq(text, t, &LEFT_STOPS) && !lower_eq(text, t, &["of", "for", "at"]) {
                break;
            }
            m += 1;
        }
        while m > i && lower_eq(text, &self.toks[m - 1], &["of", "for", "at", "and"]) {
            m -= 1;
        }
        m
    }

    /// The subject of the clause ending before token `k`: after an
    /// introductory phrase, the first pronoun or noun phrase.
    fn subject(&self, k: usize) -> Option<Range<usize>> {
        let text = self.text();
        let mut i = 0;
        // Skip an introductory clause ("While talks continue, …").
        if i < k && lower_eq(text, &self.toks[i], &SUBORDINATORS) {
            if let Some(c) = self.toks[..k.saturating_sub(1)].iter().position(|t| t.kind == TokKind::Comma) {
                i = c + 1;
            }
        }
        while i < k && !self.toks[i].is_word() {
            i += 1;
        }
        if i >= k {
            return None;
        }
        if lower_eq(text, &self.toks[i], PRONOUNS) {
            return Some(self.toks[i].range());
        }
        let mut m = i;
        let determiner = lower_eq(text, &self.toks[i], &["the", "a", "an", "his", "her", "their", "its", "our", "this", "these", "those", "some", "many", "several"]);
        if determiner {
            m += 1;
        }
        while m < k && m < i + 8 && self.toks[m].is_word() {
            let t = &self.toks[m];
            let cap = is_capitalised(text, t);
            let verb_s = !cap && m > i + 1 && text[t.range()].ends_with('s') && !text[self.toks[m - 1].range()].ends_with('s');
            if verb_s || !cap && !(determiner && !lower_eq(text, t, &LEFT_STOPS) && !looks_verbal(&text[t.range()])) && !lower_eq(text, t, &["of"]) {
                break;
            }
            m += 1;
        }
        if m == i || (determiner && m == i + 1) {
            return None;
        }
        Some(self.toks[i].start..self.toks[m - 1].end)
    }
}

/// A lower-case word that may be a finite verb: "-ed", "-s" (not "-ss",
/// "-us", "-is") or a common irregular past.
fn finite_verb_like(word: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "said", "told", "wrote", "spoke", "put", "made", "gave", "took", "called", "thought", "felt", "saw", "knew",
        "sang", "swore", "threw", "shot", "drew", "got", "went", "came", "held", "brought", "sent", "kept", "left",
    ];
    if !word.chars().next().is_some_and(|c| c.is_ascii_lowercase()) || word.len() < 3 {
        return false;
    }
    IRREGULAR.contains(&word)
        || word.ends_with("ed") && word.len() > 4
        || word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") && !word.ends_with("is") && !word.ends_with("’s") && word.len() > 3
}

/// "vigorously denied", "both endorsed": a word between a subject and its
/// verb that is neither ("fiercely", "more accurately" end in -ly; "both").
fn is_manner_adverb(text: &str, tok: &Tok) -> bool {
    let w = &text[tok.range()];
    tok.is_word() && (w.len() > 4 && w.ends_with("ly") && w.starts_with(|c: char| c.is_ascii_lowercase()) && !matches!(w, "early" | "only" | "family" | "likely" | "ally" | "rally" | "daily" | "weekly" | "monthly") || w == "both" || w == "more")
}

fn looks_verbal(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    w.ends_with("ed") || w.ends_with("ing") || matches!(w.as_str(), "remains" | "remained" | "has" | "is" | "was" | "will" | "would")
}

#[cfg(test)]
mod word_list_tests {
    use super::*;

    #[test]
    fn hashed_words_hold_what_a_scan_holds() {
        static LIST: HashedWords = HashedWords::new(&["was", "it’s", "Monday", "afterwards"]);
        let plain: &[&str] = &["was", "it’s", "Monday", "afterwards"];
        for word in ["was", "WAS", "Was", "it’s", "IT’S", "monday", "MONDAY", "afterwards", "wa", "wass", "", "it's", "afterwardsx", "seventeen letters"] {
            assert_eq!(LIST.holds(word), plain.holds(word), "{word:?}");
        }
        assert!(LIST.holds("mOnDaY") && !LIST.holds("tuesday"));
    }
}

#[cfg(test)]
mod tests {
    use super::super::{cues::CueLexicon, quotes::find_quotes, sentences::split_sentences};
    use super::*;

    /// (source, cue, content pieces joined by " | ") for each attribution.
    fn run(text: &str) -> Vec<(String, String, String)> {
        let sentences = split_sentences(text);
        let quotes = find_quotes(text);
        let cues = CueLexicon::builtin().find(text);
        let layout = Layout { text, sentences: &sentences, quotes: &quotes, cues: &cues };
        attribute(&layout)
            .into_iter()
            .map(|a| {
                let source = a.source.map(|r| text[r].to_string()).unwrap_or_default();
                let content: Vec<&str> = a.content.iter().map(|r| &text[r.clone()]).collect();
                (source, text[a.cue].to_string(), content.join(" | "))
            })
            .collect()
    }

    fn one(text: &str) -> (String, String, String) {
        let all = run(text);
        assert_eq!(all.len(), 1, "{all:?}");
        all.into_iter().next().unwrap()
    }

    fn triple(s: &str, c: &str, x: &str) -> (String, String, String) {
        (s.to_string(), c.to_string(), x.to_string())
    }

    #[test]
    fn according_to_with_nothing_after_its_comma_does_not_panic() {
        // Found by the `extract` fuzz target: the comma was the last token.
        assert!(run("Talks resume. According to harbor officials,").len() <= 1);
        assert!(run("According to officials, ").len() <= 1);
    }

    #[test]
    fn direct_quote_with_cue_after() {
        assert_eq!(one("“The bridge will open in May,” the mayor said."), triple("the mayor", "said", "“The bridge will open in May,”"));
    }

    #[test]
    fn direct_quote_with_inverted_cue() {
        assert_eq!(one("“We are not done,” said Alma Reyes, the union leader."), triple("Alma Reyes", "said", "“We are not done,”"));
    }

    #[test]
    fn direct_quote_with_cue_before() {
        assert_eq!(one("The governor said: “Taxes will not rise.”"), triple("The governor", "said", "“Taxes will not rise.”"));
    }

    #[test]
    fn interrupted_quote_has_two_pieces() {
        assert_eq!(
            one("“The plan is sound,” she said, “and it will pass.”"),
            triple("she", "said", "“The plan is sound,” | “and it will pass.”")
        );
    }

    #[test]
    fn quote_over_paragraphs_is_one_content() {
        let text = "“We built the road.\n\n“Now we build the school,” the mayor said.";
        assert_eq!(one(text), triple("the mayor", "said", "“We built the road.\n\n“Now we build the school,”"));
    }

    #[test]
    fn follow_on_quote_joins_the_content() {
        assert_eq!(
            one("“The budget is late,” he said. “It was late last year too.”"),
            triple("he", "said", "“The budget is late,” | “It was late last year too.”")
        );
    }

    #[test]
    fn mixed_quote_keeps_the_clause() {
        assert_eq!(one("Ortiz said the deal was “a fair compromise” for both towns."), triple("Ortiz", "said", "the deal was “a fair compromise” for both towns"));
    }

    #[test]
    fn according_to_after_the_content() {
        assert_eq!(one("The factory will close in June, according to two managers."), triple("two managers", "according to", "The factory will close in June"));
    }

    #[test]
    fn according_to_before_the_content() {
        assert_eq!(one("According to the report, prices rose sharply."), triple("the report", "According to", "prices rose sharply"));
    }

    #[test]
    fn indirect_speech_with_that() {
        assert_eq!(one("The minister said that the border would stay open."), triple("The minister", "said", "that the border would stay open"));
    }

    #[test]
    fn indirect_speech_after_a_time_adverbial() {
        assert_eq!(one("Lopez said on Friday that talks had stalled."), triple("Lopez", "said", "that talks had stalled"));
    }

    #[test]
    fn told_skips_the_listener() {
        assert_eq!(one("Kim told reporters that the vote was fair."), triple("Kim", "told", "that the vote was fair"));
    }

    #[test]
    fn verb_with_object_clause() {
        assert_eq!(one("The senator dismissed claims that the bill was dead."), triple("The senator", "dismissed", "claims that the bill was dead"));
    }

    #[test]
    fn participle_takes_the_subject_of_the_clause() {
        assert_eq!(
            one("While talks go on, Mara Lind stays calm, stressing that the treaty is final."),
            triple("Mara Lind", "stressing", "that the treaty is final")
        );
    }

    #[test]
    fn second_participle_shares_the_source() {
        let all = run("The coach praised the team, calling the season a triumph.");
        assert!(all.contains(&triple("The coach", "praised", "the team")), "{all:?}");
        assert!(all.contains(&triple("The coach", "calling", "the season a triumph")), "{all:?}");
    }

    #[test]
    fn noun_cue_raised_concerns() {
        assert_eq!(one("Local sources have raised concerns that the dam may fail."), triple("Local sources", "raised concerns", "that the dam may fail"));
    }

    #[test]
    fn noun_cue_in_a_statement() {
        assert_eq!(one("The company said in a statement that sales fell."), triple("The company", "said in a statement", "that sales fell"));
    }

    #[test]
    fn appositive_belongs_to_the_source() {
        assert_eq!(one("Ana Ruiz, a local pastor, said the shelter was full."), triple("Ana Ruiz, a local pastor,", "said", "the shelter was full"));
    }

    #[test]
    fn relative_clause_is_not_part_of_the_source() {
        assert_eq!(one("Ruiz, who runs the shelter, said it was full."), triple("Ruiz", "said", "it was full"));
    }

    #[test]
    fn relative_pronoun_is_the_source_as_written() {
        assert_eq!(one("It was Ruiz who warned that the roof would leak."), triple("who", "warned", "that the roof would leak"));
    }

    #[test]
    fn cue_inside_a_quote_is_not_a_cue() {
        assert_eq!(one("“I said no,” Ruiz said."), triple("Ruiz", "said", "“I said no,”"));
    }

    #[test]
    fn quote_with_an_unlisted_verb_after_it() {
        assert_eq!(one("“This is a scandal!” he bellowed."), triple("he", "bellowed", "“This is a scandal!”"));
    }

    #[test]
    fn quote_with_an_unlisted_verb_before_it() {
        assert_eq!(one("The host interjected: “So there is room to move?”"), triple("The host", "interjected", "“So there is room to move?”"));
    }

    #[test]
    fn quote_signed_with_a_dash_and_a_name() {
        assert_eq!(one("“The river smells worse every summer.” ― Ida Brook\n"), triple("Ida Brook", "―", "“The river smells worse every summer.”"));
    }

    #[test]
    fn colon_closing_a_paragraph_introduces_the_next_quote() {
        assert_eq!(
            one("The council wrote:\n\n“Fares will rise in the spring. Nobody likes it.”"),
            triple("The council", "wrote", "“Fares will rise in the spring. Nobody likes it.”")
        );
    }

    #[test]
    fn mixed_quote_with_an_unlisted_verb_takes_the_clause() {
        assert_eq!(
            one("Governor Lane hailed the budget as “a turning point for the state.”"),
            triple("Governor Lane", "hailed", "the budget as “a turning point for the state.”")
        );
    }

    #[test]
    fn name_and_colon_before_a_quote() {
        assert_eq!(one("Turnout was low - Ada Pike: “Nobody came out in the rain.”"), triple("Ada Pike", ":", "“Nobody came out in the rain.”"));
    }

    #[test]
    fn cue_after_a_no_break_space() {
        assert_eq!(one("“The dam will hold,” Omar\u{a0}said."), triple("Omar", "said", "“The dam will hold,”"));
    }

    #[test]
    fn impression_has_no_source_and_keeps_the_subject() {
        assert_eq!(one("The mayor seemed to waver on the plan."), triple("", "seemed", "The mayor | to waver on the plan"));
    }

    #[test]
    fn appearing_somewhere_is_no_impression() {
        assert_eq!(run("The mayor appeared on the radio."), vec![]);
    }

    #[test]
    fn shift_from_one_position_to_another_gives_two_statements() {
        let text = "Senator Vale shifted from backing the levy to opposing any new tax.";
        assert_eq!(
            run(text),
            vec![
                triple("Senator Vale", "shifted from backing", "the levy"),
                triple("Senator Vale", "opposing", "any new tax"),
            ]
        );
    }

    #[test]
    fn earlier_position_is_marked_and_a_hedge_carries_to_the_new_one() {
        let text = "The union apparently moved from demanding a strike to seeking talks.";
        let sentences = split_sentences(text);
        let quotes = find_quotes(text);
        let cues = CueLexicon::builtin().find(text);
        let found = attribute(&Layout { text, sentences: &sentences, quotes: &quotes, cues: &cues });
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].earlier_position && !found[0].hedged);
        assert!(!found[1].earlier_position && found[1].hedged);
        assert_eq!(&text[found[1].content[0].clone()], "talks");
    }

    #[test]
    fn show_title_before_the_source_is_not_the_content() {
        assert_eq!(
            one("On “Meet the Press,” Senator Ada Voss said the bill would pass."),
            triple("Senator Ada Voss", "said", "the bill would pass")
        );
    }

    #[test]
    fn pronoun_and_unlisted_verb_after_a_quote_with_more_words() {
        assert_eq!(one("“Stop right there!” she yells while running."), triple("she", "yells", "“Stop right there!”"));
    }

    #[test]
    fn progressive_after_a_contracted_pronoun() {
        assert_eq!(one("She’s claiming that the vote was rigged."), triple("She’s", "claiming", "that the vote was rigged"));
    }

    #[test]
    fn events_are_no_source() {
        assert_eq!(run("Recent developments indicate that the talks will resume."), vec![]);
    }

    #[test]
    fn quote_after_a_thing_is_no_statement() {
        assert_eq!(run("It remains “the best deal in town.”"), vec![]);
    }

    #[test]
    fn quote_stays_the_content_when_words_follow_the_cue() {
        assert_eq!(one("“It went well,” Ortiz said an hour after the vote."), triple("Ortiz", "said", "“It went well,”"));
    }

    #[test]
    fn second_verb_of_a_clause_takes_its_subject() {
        let all = run("Ortiz left early and said the vote was rigged.");
        assert_eq!(all, [triple("Ortiz", "said", "the vote was rigged")]);
    }

    #[test]
    fn party_and_state_in_brackets_after_the_name() {
        assert_eq!(one("“We will see,” Sen. Ann Roe (D-Ore.) said."), triple("Sen. Ann Roe (D-Ore.)", "said", "“We will see,”"));
    }

    #[test]
    fn coordinated_cues_split_the_content() {
        let all = run("Ortiz argued that taxes were high and warned that jobs would go.");
        assert_eq!(all, [triple("Ortiz", "argued", "that taxes were high"), triple("Ortiz", "warned", "that jobs would go")]);
    }

    #[test]
    fn passive_with_by_takes_the_agent_as_source() {
        assert_eq!(one("The merger was first reported by Reuters."), triple("Reuters", "reported", "The merger"));
    }

    #[test]
    fn passive_without_agent_has_no_source() {
        assert_eq!(one("She was asked whether the plant would close."), triple("", "asked", "whether the plant would close"));
    }

    #[test]
    fn description_after_as_ends_at_the_comma() {
        let all = run("After a call that Ortiz described as productive, the talks resumed.");
        assert_eq!(all, [triple("Ortiz", "described", "as productive")]);
    }

    #[test]
    fn interrupted_indirect_speech_has_two_pieces() {
        assert_eq!(one("In any case, Ortiz said, the plan stands."), triple("Ortiz", "said", "In any case | the plan stands"));
    }

    #[test]
    fn quote_paragraph_after_a_report_keeps_its_source() {
        let all = run("Ortiz said the harbour was safe.\n\n“We checked every berth and every crane twice.”");
        assert_eq!(all[1], triple("Ortiz", "", "“We checked every berth and every crane twice.”"));
    }

    #[test]
    fn when_asked_has_no_source_and_ends_at_the_comma() {
        let all = run("When asked whether he would run, Ortiz laughed.");
        assert_eq!(all, [triple("", "asked", "whether he would run")]);
    }

    #[test]
    fn time_words_between_source_and_verb() {
        assert_eq!(one("Mayor Ruiz last week said the pier would reopen."), triple("Mayor Ruiz", "said", "the pier would reopen"));
    }

    #[test]
    fn aside_after_the_cue_is_skipped() {
        assert_eq!(one("Ruiz said, among other things, that the pier was unsafe."), triple("Ruiz", "said", "that the pier was unsafe"));
    }

    #[test]
    fn dashed_aside_is_not_part_of_the_source() {
        assert_eq!(one("The judge -- who has feuded with the mayor -- said she regretted her remarks."), triple("The judge", "said", "she regretted her remarks"));
    }

    #[test]
    fn participle_clause_is_no_appositive() {
        let all = run("That would hurt the senator, forcing her to fight on, said Bo Lind, a pollster.");
        assert_eq!(all[0].0, "Bo Lind");
    }

    #[test]
    fn inverted_source_after_a_comma_pair() {
        assert_eq!(one("Rumours spread fast in those days, said Ana Holm, the author of a book on it."), triple("Ana Holm", "said", "Rumours spread fast in those days"));
    }

    #[test]
    fn content_stops_before_a_which_clause() {
        assert_eq!(one("Ruiz said the pier would reopen in May, which surprised the fishermen."), triple("Ruiz", "said", "the pier would reopen in May"));
    }

    #[test]
    fn participle_after_a_quote_starts_its_own_statement() {
        let all = run("Lind told reporters that the plan was “a mess,” adding, “Nobody read it.”");
        assert_eq!(all, [triple("Lind", "told", "that the plan was “a mess,”"), triple("Lind", "adding", "“Nobody read it.”")]);
    }

    #[test]
    fn adverb_aside_is_not_part_of_the_source() {
        assert_eq!(one("Mr. Lind, however, said the plan was sound.").0, "Mr. Lind");
    }

    #[test]
    fn clause_ending_in_a_colon_introduces_the_quote() {
        assert_eq!(one("The harbour master went on: “Nobody sails tonight.”"), triple("The harbour master", "went on:", "“Nobody sails tonight.”"));
    }

    #[test]
    fn statement_after_a_colon_in_the_next_paragraph() {
        let all = run("The mayor issued the following statement:\n\n“We grieve with the families of the crew.”");
        assert_eq!(all, [triple("The mayor", "issued the following statement:", "“We grieve with the families of the crew.”")]);
    }

    #[test]
    fn quote_with_its_own_cue_after_a_paragraph_break_is_not_a_follow_on() {
        let all = run("“We need calm,” Ortiz said. “The port is open.\n\n“The ships will sail on time,” she added.");
        assert_eq!(all[0], triple("Ortiz", "said", "“We need calm,”"));
    }

    #[test]
    fn manner_adverb_is_not_the_source() {
        assert_eq!(one("The ministry vigorously denied that the plant leaked.").0, "The ministry");
    }

    #[test]
    fn words_after_a_comma_and_a_verb_are_not_an_inverted_source() {
        assert!(run("Ortiz praised the crew, declined to comment on the fire.").iter().all(|(s, _, _)| s != "to comment"));
    }

    #[test]
    fn long_appositive_stays_with_the_source() {
        let (source, _, _) = one("Ana Holm, a retired teacher who has lived on the same street in the harbour district for forty years, said the noise was new.");
        assert!(source.starts_with("Ana Holm"), "{source}");
    }

    #[test]
    fn declined_takes_what_was_not_done_as_content() {
        assert_eq!(one("The mayor declined to name the new harbour master."), triple("The mayor", "declined", "to name the new harbour master"));
    }

    #[test]
    fn referring_to_is_a_participle_of_the_speaker() {
        let all = run("“He has no plan,” Ortiz said, referring to the governor.");
        assert!(all.contains(&triple("Ortiz", "referring", "to the governor")), "{all:?}");
    }

    #[test]
    fn quote_signed_in_the_next_paragraph() {
        let all = run("“The river is lower every summer.”\n\n- Ida Brook, Ohio.\n");
        assert_eq!(all, [triple("Ida Brook", "-", "“The river is lower every summer.”")]);
    }

    #[test]
    fn quote_paragraph_skips_a_relative_pronoun_source() {
        let all = run("“The port is safe,” said Kim Ode, who runs it.\n\n“We checked every crane twice this week.”");
        assert_eq!(all.last().unwrap(), &triple("Kim Ode", "", "“We checked every crane twice this week.”"));
    }

    #[test]
    fn document_as_the_speaker_after_a_quote() {
        assert_eq!(one("“The board broke its own rules,” the suit reads."), triple("the suit", "reads", "“The board broke its own rules,”"));
    }

    #[test]
    fn went_on_after_a_quote() {
        assert_eq!(one("“And the ferries run late,” he went on."), triple("he", "went", "“And the ferries run late,”"));
    }

    #[test]
    fn state_abbreviation_in_an_appositive() {
        let (source, _, _) = one("“We will vote no,” Senator Ann Roe, R-Ky., said.");
        assert!(source.starts_with("Senator Ann Roe"), "{source}");
    }

    #[test]
    fn what_a_quote_was_said_of_joins_the_content() {
        assert_eq!(one("“It is a disgrace,” Ruiz said of the new toll bridge."), triple("Ruiz", "said", "“It is a disgrace,” | the new toll bridge"));
    }

    #[test]
    fn crowd_and_an_unlisted_verb_after_a_quote() {
        assert_eq!(one("“Open the gates!” the crowd shouted from the pier outside the old harbour."), triple("the crowd", "shouted", "“Open the gates!”"));
    }

    #[test]
    fn says_inverts_after_a_quote() {
        assert_eq!(one("“The tide is turning,” says Ana Holm of the harbour board."), triple("Ana Holm of the harbour board", "says", "“The tide is turning,”"));
    }

    #[test]
    fn participle_aside_after_party_brackets() {
        let all = run("Sen. Ann Roe (D-Ore.), noting the size of the crowd, said, “We will win this.”");
        assert!(all.contains(&triple("Sen. Ann Roe (D-Ore.)", "said", "“We will win this.”")), "{all:?}");
    }

    #[test]
    fn clause_ends_at_a_quoted_phrase_closed_by_a_comma() {
        assert_eq!(
            one("The mayor called the plan “a disgrace,” while her aides quietly left the crowded room."),
            triple("The mayor", "called", "the plan “a disgrace,”")
        );
    }

    #[test]
    fn impression_of_a_report_is_the_subjects_report() {
        assert_eq!(one("The mayor seemed to suggest that the storm caused the delay."), triple("The mayor", "seemed to suggest", "that the storm caused the delay"));
    }

    #[test]
    fn adverbial_then_whether_clause() {
        assert_eq!(one("Ortiz questioned in recent days whether the mayor can run the port."), triple("Ortiz", "questioned", "whether the mayor can run the port"));
    }

    #[test]
    fn long_phrase_after_the_verb_is_not_cut_in_the_middle() {
        let (_, _, content) = one("Ortiz argued again over the harbour budget and about the cost of the new cranes and the old docks.");
        assert!(content.contains("harbour budget"), "{content}");
    }

    #[test]
    fn asked_skips_the_listener_before_whether() {
        assert_eq!(one("Kim asked the harbour master whether the pier was safe."), triple("Kim", "asked", "whether the pier was safe"));
    }

    #[test]
    fn adverb_and_day_between_source_and_verb() {
        assert_eq!(one("Ruiz later Thursday told the radio: “The pier stays shut.”"), triple("Ruiz", "told", "“The pier stays shut.”"));
    }

    #[test]
    fn nouns_that_look_like_verbs_are_skipped() {
        assert!(run("The report shows a drop in the states.").iter().all(|(_, c, _)| c != "states"));
    }
}
