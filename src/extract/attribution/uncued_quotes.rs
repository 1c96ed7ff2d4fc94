//! Quotations that no cue of the lexicon accounts for, attributed by
//! their layout: a verb next to them, a signature, a name and a colon, or
//! the report of the paragraph before.

use super::super::quotes::Quote;
use super::super::tokens::{tokenize, Tok, TokKind};
use super::content::{q_closes_with_punctuation, sentence_after_closing_question};
use super::word_lists::WORDS;
use super::{finite_verb_like, is_capitalised, lower_eq, Attribution, Layout, SentenceRules};
use std::ops::Range;

/// Quotations no lexicon cue accounted for, with a speaker and a verb next
/// to them all the same ("“You lie!” he yelled.", "Hartley beamed: “…”"):
/// the word beside the source is taken as the cue.
pub(super) fn quotes_without_cue_word(layout: &Layout, found: &[Attribution]) -> Vec<Attribution> {
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
        if let Some(a) = dash_signature(layout.text, q).or_else(|| signature_paragraph(layout.text, q)).or_else(|| signature_line(layout.text, q)).or_else(|| as_someone_put_it(layout.text, q)).or_else(|| name_colon_quote(layout, q)) {
            out.push(a);
            continue;
        }
        // "Holm fired back: “…,” citing the vote": a clause ending in a colon
        // right before the quotation brings it in, before any verb the
        // sentence has after the quotation.
        if layout.text[..q.span.start].trim_end().ends_with(':') {
            held = None;
            if let Some(a) = clause_before_colon(layout, q, &mut toks) {
                out.push(a);
                continue;
            }
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
        // A quotation of a word or two is mostly a name or a label; one
        // that opens its paragraph or sentence and ends with its own
        // punctuation is an utterance ("“Denver,” he answered.").
        let short = layout.text[q.span.clone()].split_whitespace().count() < 3;
        let opens = paragraph_opener(layout.text, q) || layout.sentences.get(si).is_some_and(|s| s.start <= q.span.start && layout.text[s.start..q.span.start].trim().is_empty());
        if short && !(opens && q_closes_with_punctuation(layout.text, q)) {
            continue;
        }
        // The sentence where the quotation ends holds a trailing cue; the one
        // where it starts a leading one.
        let se = sentence_after_closing_question(layout, q).unwrap_or_else(|| layout.sentences.partition_point(|s| s.end < q.span.end));
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

/// Whether the quotation opens its paragraph.
fn paragraph_opener(text: &str, q: &Quote) -> bool {
    let head = text[..q.span.start].trim_end_matches([' ', '\t']);
    head.is_empty() || head.ends_with('\n')
}

/// The tokens of sentence `index` into `toks`, unless `held` says they are
/// there already.
pub(super) fn tokenize_sentence(layout: &Layout, index: usize, toks: &mut Vec<Tok>, held: &mut Option<usize>) {
    if *held != Some(index) {
        tokenize(layout.text, layout.sentences[index].clone(), toks);
        *held = Some(index);
    }
}

/// "Kim went on: “…”", "The mayor issued the following statement:\n\n“…”":
/// a clause ending in a colon right before the quotation, whatever its verb.
/// The subject of the clause is the source; the words from its verb to the
/// colon are the cue.
pub(super) fn clause_before_colon(layout: &Layout, q: &Quote, toks: &mut Vec<Tok>) -> Option<Attribution> {
    let text = layout.text;
    let before = text[..q.span.start].trim_end();
    let colon = before.len().checked_sub(1).filter(|_| before.ends_with(':'))?;
    let si = layout.sentences.partition_point(|s| s.end <= colon);
    let sentence = layout.sentences.get(si)?;
    tokenize(text, sentence.start..colon + 1, toks);
    if let Some(start) = last_clause_start(text, toks) {
        tokenize(text, start..colon + 1, toks);
    }
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
        while v < ct && (lower_eq(text, &toks[v], &WORDS.auxiliaries) || lower_eq(text, &toks[v], &WORDS.time_words) || text[toks[v].range()].ends_with("ly")) {
            v += 1;
        }
        // "Lee’s letter makes a case:", "A note in the report makes it
        // clear:": a possessor or a phrase the subject rule stopped short
        // of; the subject runs on to a present verb a few plain words on.
        if v < ct && v == rules.tok_index(source.end) && !finite_verb_like(&text[toks[v].range()]) {
            let possessor = text[source.clone()].ends_with("’s") || text[source.clone()].ends_with("'s");
            let phrase = lower_eq(text, &toks[v], &["in", "of", "from", "at"]);
            if possessor || phrase {
                let limit = (v + 5).min(ct);
                if let Some(verb) = (v + 1..limit).take_while(|&t| toks[t].is_word()).find(|&t| {
                    let w = &text[toks[t].range()];
                    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && w.starts_with(|c: char| c.is_ascii_lowercase())
                }) {
                    source = source.start..toks[verb - 1].end;
                    v = verb;
                }
            }
        }
        // "Harbour board chair Ann Holm issued a statement:": the subject
        // rule stops at the first title word in lower case; the subject runs
        // on over title words and a name to the verb right after the name.
        if v < ct && v == rules.tok_index(source.end) && toks[v].is_word() && !finite_verb_like(&text[toks[v].range()]) {
            let limit = (v + 8).min(ct);
            let plain = |t: usize| toks[t].is_word() && !lower_eq(text, &toks[t], &WORDS.left_stops);
            if let Some(verb) = (v..limit).take_while(|&t| plain(t)).find(|&t| t > v && is_capitalised(text, &toks[t - 1]) && !is_capitalised(text, &toks[t]) && finite_verb_like(&text[toks[t].range()])) {
                source = toks[first].start..toks[verb - 1].end;
                v = verb;
            }
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

/// "When Lee asked about the fee, Holm fired back:", "…, to which Oster
/// replied:", "The crowd cheered and then Kim went on:": where the words
/// before the colon join clauses, the last clause brings in the quotation;
/// the byte its subject (a name or a pronoun with a verb a few words on)
/// starts at.
fn last_clause_start(text: &str, toks: &[Tok]) -> Option<usize> {
    let colon = toks.len().checked_sub(1)?;
    let joint = |t: &Tok| t.kind == TokKind::Comma || lower_eq(text, t, &["and", "then", "but", "which", "whom"]);
    let p = (1..colon).rev().find(|&p| joint(&toks[p]))?;
    // ("Holm and Vance said:" is one subject of two names.)
    if lower_eq(text, &toks[p], &["and"]) && is_capitalised(text, &toks[p - 1]) {
        return None;
    }
    let subject = &toks[p + 1];
    let names = subject.is_word() && (lower_eq(text, subject, &WORDS.pronouns) || is_capitalised(text, subject) && !lower_eq(text, subject, &WORDS.left_stops));
    let verb = (p + 2..colon.min(p + 7)).any(|t| toks[t].is_word() && finite_verb_like(&text[toks[t].range()]));
    (names && verb).then_some(subject.start)
}

/// "“…” ― Jane Doe": a quotation signed with a dash and a name that ends
/// its line (readers' comments, epigraphs). The dash is the cue.
pub(super) fn dash_signature(text: &str, q: &Quote) -> Option<Attribution> {
    let rest = &text[q.span.end..];
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let after_space = line.trim_start_matches(|c: char| c.is_whitespace());
    let dash = after_space.chars().next().filter(|c| matches!(c, '―' | '—' | '–'))?;
    let dash_start = q.span.end + (line.len() - after_space.len());
    let name = after_space[dash.len_utf8()..].trim_start_matches(|c: char| c.is_whitespace());
    let name_start = dash_start + dash.len_utf8() + (after_space.len() - dash.len_utf8() - name.len());
    let name = name.trim_end_matches(|c: char| c.is_whitespace() || c == '.');
    if !signs_as_a_name(name, 6) {
        return None;
    }
    Some(signed(q, name_start..name_start + name.len(), dash_start..dash_start + dash.len_utf8()))
}

/// The quotation `q` credited to the words at `source`, with `cue` its cue.
fn signed(q: &Quote, source: Range<usize>, cue: Range<usize>) -> Attribution {
    Attribution { source: Some(source), cue, content: vec![q.span.clone()], ..Default::default() }
}

/// Whether a signature's `name` may be one: one to `most_words` words, the
/// first capitalised.
fn signs_as_a_name(name: &str, most_words: usize) -> bool {
    (1..=most_words).contains(&name.split_whitespace().count()) && name.starts_with(char::is_uppercase)
}

/// "“…”\n\n- Jane Doe, Ohio.": a quotation standing as its own paragraph,
/// signed in the next one by a dash and a name (the fact-checkers' layout).
/// The name runs to the first comma; the dash is the cue.
pub(super) fn signature_paragraph(text: &str, q: &Quote) -> Option<Attribution> {
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
    if !signs_as_a_name(name, 5) || line.split_whitespace().count() > 14 {
        return None;
    }
    Some(signed(q, name_start..name_start + name.len(), line_start..line_start + dash.len_utf8()))
}

/// "“…\nJane Doe, Ohio Farm Bureau.”": a quotation left open at the end of
/// its line, signed on the next line by a short name that ends with the
/// closing mark the quotation lacks. The mark is the cue.
pub(super) fn signature_line(text: &str, q: &Quote) -> Option<Attribution> {
    if text[q.span.clone()].ends_with(['”', '"']) {
        return None;
    }
    let line_start = q.span.end + 1;
    if text.as_bytes().get(q.span.end) != Some(&b'\n') || text.as_bytes().get(line_start) == Some(&b'\n') {
        return None;
    }
    let rest = &text[line_start..];
    let line = rest[..rest.find('\n').unwrap_or(rest.len())].trim_end();
    let name = line.strip_suffix(['”', '"'])?;
    let mark = line_start + name.len();
    let name = name.trim_end_matches(['.', ' ']);
    if !signs_as_a_name(name, 12) || name.contains(['“', '”', '"']) {
        return None;
    }
    Some(signed(q, line_start..line_start + name.len(), mark..line_start + line.len()))
}

/// "As Ann Lee, the port's director, put it: “…”": the words between "As"
/// and "put it" are the source, "put it" the cue.
pub(super) fn as_someone_put_it(text: &str, q: &Quote) -> Option<Attribution> {
    let before = text[..q.span.start].trim_end().strip_suffix([',', ':'])?;
    let head = before.strip_suffix("put it")?;
    let window = &head[head.len().saturating_sub(120)..];
    let as_at = window.rfind("As ").or_else(|| window.rfind(" as ").map(|i| i + 1))?;
    let from = head.len() - window.len() + as_at + 3;
    let source = head[from..].trim_end().trim_end_matches(',');
    if source.is_empty() || source.contains(['\n', '“', '"']) || source.split_whitespace().count() > 14 {
        return None;
    }
    Some(signed(q, from..from + source.len(), head.len()..head.len() + "put it".len()))
}

/// "Philip Bump: “…”", "- HuffPollster: “…”": a short capitalised name and
/// a colon right before the quotation; the colon is the cue.
pub(super) fn name_colon_quote(layout: &Layout, q: &Quote) -> Option<Attribution> {
    let text = layout.text;
    let before = text[..q.span.start].trim_end_matches(|c: char| c.is_whitespace());
    let colon = before.strip_suffix(':')?;
    // "Rep. Ann Lee (R-Ohio):": the name is looked for before the brackets,
    // whose dots and dash end nothing.
    let bare = match colon.strip_suffix(')') {
        Some(head) => &head[..head.rfind('(').filter(|&i| head.len() - i < 24)?],
        None => colon,
    };
    let line_start = bare.rfind(['\n', '-', '—', '.', '(']).map_or(0, |i| i + bare[i..].chars().next().map_or(1, char::len_utf8));
    // "… ISIS.\" Bush: “…”": the mark closing the quotation before is no
    // part of the name.
    let head = colon[line_start..].trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '”' | '“'));
    let start = colon.len() - head.len();
    let name = head.trim_end();
    let words: Vec<&str> = name.split_whitespace().collect();
    // "- More from the report: “…”", "From Blumenthal and Cohen: “…”":
    // the source follows "from".
    let lead = ["More from ", "From "].iter().find(|l| name.starts_with(**l)).map_or(0, |l| l.len());
    if lead > 0 {
        let source = &name[lead..];
        if !(1..=5).contains(&source.split_whitespace().count()) {
            return None;
        }
        return Some(signed(q, start + lead..start + name.len(), colon.len()..colon.len() + 1));
    }
    let capitalised = |w: &&str| w.trim_start_matches('(').starts_with(char::is_uppercase) || matches!(*w, "and" | "of" | "the");
    // "Former secretary of state Ann Lee:" opening its paragraph: a title in
    // lower case before a name.
    let paragraph_opener = colon[..start].trim_end_matches([' ', '\t']).is_empty() || colon[..start].trim_end_matches([' ', '\t']).ends_with('\n');
    let titled_name = paragraph_opener
        && (2..=8).contains(&words.len())
        && words.iter().rev().take(2).all(capitalised)
        && !words.iter().any(|w| finite_verb_like(w) || w.ends_with("ing") || WORDS.pronouns.holds(w));
    if !(titled_name || (1..=4).contains(&words.len()) && words.iter().all(capitalised)) || !words[0].chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    if matches!(words[0], "From" | "Here" | "More" | "Update" | "Note" | "Editor" | "Watch" | "Read" | "The" | "This" | "It") && words.len() == 1 {
        return None;
    }
    let end = start + name.len();
    Some(signed(q, start..end, colon.len()..colon.len() + 1))
}

/// A quotation standing alone right after a paragraph that reports someone
/// is, in news style, more of that person's words: PolNeAR annotates such
/// quotes with the same source. The cue is left empty (none is written).
pub(super) fn orphan_quote(layout: &Layout, found: &[Attribution], extra: &[Attribution], q: &Quote) -> Option<Attribution> {
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
    let names_someone = |a: &&Attribution| a.source.as_ref().is_some_and(|src| !WORDS.relatives.holds(&text[src.clone()]));
    let last = found.iter().chain(extra).filter(names_someone).filter(|a| a.content.last().is_some_and(|r| r.end <= q.span.start)).max_by_key(|a| a.content.last().map(|r| r.end))?;
    let gap = &text[last.content.last()?.end..q.span.start];
    if gap.matches('\n').count() > 2 || gap.split_whitespace().count() > 12 {
        return None;
    }
    Some(Attribution { source: last.source.clone(), cue: q.span.start..q.span.start, content: vec![q.span.clone()], ..Default::default() })
}

impl SentenceRules<'_> {
    /// A quotation inside a clause whose verb is not in the lexicon ("Bush
    /// hailed the plan as “a bright idea”", "He commanded the party to “act”"):
    /// the subject is the source, the verb the cue, the rest of the clause the
    /// content.
    pub(super) fn verb_before_quote(&self, q: &Quote) -> Option<Attribution> {
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
            // "… with the union calling her “a champion”": a participle of
            // speech after its subject reports as a finite verb does.
            let w = &text[tok.range()];
            let participle = WORDS.speech_participles.holds(w);
            if !(finite_verb_like(w) || participle) || v == 0 || lower_eq(text, &self.toks[v - 1], &["to", "the", "a", "an", "of"]) {
                continue;
            }
            let mut j = v;
            while j > 0 && lower_eq(text, &self.toks[j - 1], &WORDS.auxiliaries) {
                j -= 1;
            }
            let Some(source) = self.source_left(j) else { continue };
            if !self.agent_like(&source) {
                // "started the debate saying “…”": a participle hangs off the
                // verb before it, which may still have a speaker.
                if participle {
                    continue;
                }
                return None;
            }
            let clause = self.clause_from(v + 1, None)?;
            let end = clause.end.max(q.span.end);
            return Some(Attribution { source: Some(source), cue: tok.range(), content: vec![clause.start..end], ..Default::default() });
        }
        None
    }

    /// "“…,” he yelled." / "“…,” yelled Hartley." / "“…,” Hartley beamed."
    pub(super) fn cue_after_quote(&self, q: &Quote) -> Option<Attribution> {
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
        // "“…,” reads a Monday editorial in The Port Gazette.": after an
        // inverted verb the source may run longer than a subject before one.
        if t < n && self.toks[t].is_word() && verbish(first) && (is_capitalised(text, &self.toks[start + 1]) || lower_eq(text, &self.toks[start + 1], &["the", "a", "an"])) {
            let mut end = t;
            while end < n && end < start + 10 && self.toks[end].is_word() {
                end += 1;
            }
            if end >= n || matches!(self.toks[end].kind, TokKind::End | TokKind::Comma) {
                return Some(Attribution { source: Some(self.toks[start + 1].start..self.toks[end - 1].end), cue: first.range(), content: pieces, ..Default::default() });
            }
        }
        if !(t >= n || matches!(self.toks[t].kind, TokKind::End | TokKind::Comma)) {
            return None;
        }
        if lower_eq(text, first, &WORDS.pronouns) && verbish(&self.toks[start + 1]) {
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
    pub(super) fn cue_before_quote(&self, q: &Quote) -> Option<Attribution> {
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
        let source = self.source_left(t - 1).filter(|s| !self.opens_clause(s))?;
        let mut content = vec![q.span.clone()];
        self.follow_on_quotes(&mut content);
        Some(Attribution { source: Some(source), cue: verb.range(), content, ..Default::default() })
    }
}
