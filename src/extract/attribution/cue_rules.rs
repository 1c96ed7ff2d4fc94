//! The rules that start from a cue of the lexicon: a reporting verb with
//! its source and content, "according to", participles, impressions,
//! changes of position, and "Name: …" headlines.

use super::super::cues::{Cue, CueForm};
use super::super::tokens::{Tok, TokKind};
use super::content::Adverbial;
use super::word_lists::WORDS;
use super::{finite_verb_like, is_capitalised, is_manner_adverb, lower_eq, Attribution, SentenceRules};
use std::ops::Range;

impl SentenceRules<'_> {
    pub(super) fn attribute_cue(&mut self, cue: &Cue, next_cue: Option<usize>) {
        // A cue inside content already found is a nested report: leave it.
        if self.found.iter().any(|a| a.content.iter().any(|r| r.start <= cue.span.start && cue.span.end <= r.end)) {
            return;
        }
        // "expressed doubt that …": the noun names the state a verb of
        // expression reports, and is that report's cue, not one of its own.
        let text = self.text();
        if self.found.iter().any(|a| {
            a.cue.end <= cue.span.start && a.content.first().is_some_and(|r| cue.span.end <= r.start && text[a.cue.end..cue.span.start].len() < 40) && WORDS.expression_verbs.holds(&text[a.cue.clone()])
        }) {
            return;
        }
        let k = self.tok_index(cue.span.start);
        let after = self.tok_index(cue.span.end);
        if k >= self.toks.len() {
            return;
        }
        if cue.form != CueForm::According && k > 0 && lower_eq(self.text(), &self.toks[k - 1], &WORDS.noun_determiners) {
            return; // "the show", "a call": a noun, not the verb
        }
        // "talking about", "raising concerns": a phrase that opens with a
        // participle hangs off its clause as a one-word participle does.
        let form = if cue.form == CueForm::Past && self.text()[self.toks[k].range()].ends_with("ing") { CueForm::Participle } else { cue.form };
        if lower_eq(self.text(), &self.toks[k], &WORDS.regard_verbs) && !self.regard_follows(after) {
            return; // "we saw a crowd", not "voters see him as a healer"
        }
        let found = match form {
            _ if lower_eq(self.text(), &self.toks[k], &WORDS.impressions) => self.impression(k, after),
            CueForm::According => self.according_to(cue, k, after),
            CueForm::Attitude => self.attitude(cue, k, after, next_cue),
            CueForm::Participle => {
                if k == 0 {
                    self.opening_participle(cue, after)
                } else if k > 0 && lower_eq(self.text(), &self.toks[k - 1], &["is", "was", "are", "were", "been", "be", "’s", "am"]) {
                    self.finite(cue, k, after, next_cue)
                } else if k > 0 && lower_eq(self.text(), &self.toks[k - 1], &WORDS.contracted) {
                    // "He’s claiming that …": the contraction holds the subject.
                    self.finite(cue, k, after, next_cue)
                } else if k > 0 && (self.toks[k - 1].kind == TokKind::Comma || k > 1 && self.toks[k - 1].is_quote() && self.toks[k - 2].kind == TokKind::Comma) {
                    self.participle(cue, k, after, next_cue)
                } else if k > 1 && lower_eq(self.text(), &self.toks[k - 1], &WORDS.participle_links) && lower_eq(self.text(), &self.toks[k], &WORDS.speech_participles) {
                    // "and saying that …", "by suggesting …": a participle of
                    // speech hangs off the clause as after a comma.
                    self.participle(cue, k, after, next_cue)
                } else {
                    self.noun_participle(cue, k, after, next_cue)
                }
            }
            _ => self.finite(cue, k, after, next_cue),
        };
        if let Some(a) = found {
            self.found.push(a);
        }
    }

    /// "see the levy as a tax", "saw that the vote was lost": after a verb
    /// of regard, "that" right after it or "as" before the clause breaks
    /// makes it a view held, not a sight.
    fn regard_follows(&self, after: usize) -> bool {
        let text = self.text();
        if after < self.toks.len() && lower_eq(text, &self.toks[after], &["that"]) {
            return true;
        }
        self.toks[after.min(self.toks.len())..].iter().take(15).take_while(|t| t.is_word() || t.kind == TokKind::Other).any(|t| lower_eq(text, t, &["as"]))
    }

    /// "Lee shifted from backing the levy to opposing it": two positions of
    /// one source, the first held earlier (`earlier_position`). A hedge
    /// before the verb ("seemingly shifted") hedges the new position.
    pub(super) fn position_shift(&self) -> Vec<Attribution> {
        let text = self.text();
        let n = self.toks.len();
        let gerund = |t: usize| t < n && self.toks[t].is_word() && text[self.toks[t].range()].ends_with("ing");
        let Some(v) = (0..n.saturating_sub(2)).find(|&v| lower_eq(text, &self.toks[v], &WORDS.shifts) && lower_eq(text, &self.toks[v + 1], &["from"]) && gerund(v + 2)) else {
            return Vec::new();
        };
        let g1 = v + 2;
        let mut c1 = g1 + 1;
        if c1 < n && lower_eq(text, &self.toks[c1], &WORDS.particles) {
            c1 += 1;
        }
        let Some(to) = (c1 + 1..n.saturating_sub(1)).find(|&t| lower_eq(text, &self.toks[t], &["to"]) && gerund(t + 1)) else {
            return Vec::new();
        };
        let g2 = to + 1;
        let mut c2 = g2 + 1;
        if c2 < n && lower_eq(text, &self.toks[c2], &WORDS.particles) {
            c2 += 1;
        }
        let mut j = v;
        let mut hedged = false;
        while j > 0 && (lower_eq(text, &self.toks[j - 1], &WORDS.auxiliaries) || lower_eq(text, &self.toks[j - 1], &WORDS.hedges)) {
            hedged |= lower_eq(text, &self.toks[j - 1], &WORDS.hedges);
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
    pub(super) fn impression(&self, k: usize, after: usize) -> Option<Attribution> {
        let text = self.text();
        let n = self.toks.len();
        if after >= n || !self.toks[after].is_word() {
            return None;
        }
        let appear = text[self.toks[k].range()].to_ascii_lowercase().starts_with("appear");
        // "appeared poised to win", "appears significant" give an
        // impression; "appeared on television", "appeared as a guest", "seemed
        // at ease" do not.
        let next = &self.toks[after];
        let as_if = lower_eq(text, next, &["as"]) && after + 1 < n && lower_eq(text, &self.toks[after + 1], &["if", "though"]);
        let appearance = appear && !lower_eq(text, next, &["to", "that"]) && !as_if
            && (is_capitalised(text, next) || lower_eq(text, next, &WORDS.noun_determiners) || lower_eq(text, next, &WORDS.not_impressions) || lower_eq(text, next, &WORDS.adverbial_starts));
        if appearance || lower_eq(text, next, &WORDS.adverbial_starts) && !lower_eq(text, next, &["to"]) && !as_if {
            return None;
        }
        let mut j = k;
        while j > 0 && lower_eq(text, &self.toks[j - 1], &WORDS.auxiliaries) {
            j -= 1;
        }
        // "Cruz seemed to blame the network": an impression of a report is
        // the subject's report (PolNeAR gives it the subject as source).
        // "Lee reportedly told aides …" likewise, the adverb right before the verb.
        let adverb = lower_eq(text, &self.toks[k], &["reportedly"]);
        let verb_at = if adverb { after } else { after + 1 };
        let is_cue = |t: usize| self.layout.cues.iter().any(|c| c.span.start == self.toks[t].start);
        let reporting = verb_at + 1 < n && (adverb || lower_eq(text, &self.toks[after], &["to"])) && is_cue(verb_at);
        if reporting {
            let source = self.source_left(j).filter(|_| !lower_eq(text, &self.toks[j - 1], &["it", "there"]))?;
            let content = self.content_after(verb_at + 1, None)?;
            return Some(Attribution { source: Some(source), cue: self.toks[k].start..self.toks[verb_at].end, content, ..Default::default() });
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
    pub(super) fn according_to(&self, cue: &Cue, k: usize, after: usize) -> Option<Attribution> {
        let src_end = self.until_punct(after);
        if src_end == after {
            return None;
        }
        let source = self.toks[after].start..self.toks[src_end - 1].end;
        let mut content = Vec::new();
        if let Some(before) = self.clause_before(k) {
            content.push(before);
        }
        // "…, according to Ann Roe, a law professor.": after content before
        // the cue, words after the source's comma that open an appositive
        // (or the writer's "but …") describe the source, not more content.
        let appositive = !content.is_empty() && src_end + 1 < self.toks.len() && lower_eq(self.text(), &self.toks[src_end + 1], &WORDS.appositive_starts);
        if src_end < self.toks.len() && self.toks[src_end].kind == TokKind::Comma && !appositive {
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
    pub(super) fn participle(&self, cue: &Cue, k: usize, after: usize, next_cue: Option<usize>) -> Option<Attribution> {
        let text = self.text();
        // "When he returned he began by saying …", "an official responded
        // by asking …": the subject of the verb before "by".
        let by_verb = k > 1 && lower_eq(text, &self.toks[k - 1], &["by"]) && {
            let verb = &text[self.toks[k - 2].range()];
            self.toks[k - 2].is_word() && finite_verb_like(verb) && (verb.ends_with("ed") || WORDS.irregular.holds(verb))
        };
        let by_subject = if by_verb { self.source_left(k - 2) } else { None };
        let source = by_subject.or_else(|| self.found.last().and_then(|a| a.source.clone())).or_else(|| self.subject(k))?;
        let content = self.participle_content(cue, after, next_cue)?;
        Some(Attribution { source: Some(source), cue: cue.span.clone(), content, ..Default::default() })
    }

    /// "Noting that the fares rose, Holm voted no": a participle opening
    /// the sentence reports, up to its comma, for the subject of the clause
    /// after the comma, a noun phrase before that clause's verb. Not where
    /// a preposition follows the participle ("Speaking at the pier, …"
    /// says where, not what).
    fn opening_participle(&self, cue: &Cue, after: usize) -> Option<Attribution> {
        let text = self.text();
        let n = self.toks.len();
        let mut from = self.skip_cue_particle(cue, after);
        if self.cue_preposition_at(from) {
            from += 1; // "Calling for a vote, …"
        } else if from < n && (lower_eq(text, &self.toks[from], &WORDS.adverbial_starts) || lower_eq(text, &self.toks[from], &["by", "from", "with", "for"])) {
            return None;
        }
        let comma = (from + 1..n.min(from + 40)).find(|&t| self.toks[t].kind == TokKind::Comma)?;
        if self.toks[from..comma].iter().any(|t| t.is_quote()) {
            return None;
        }
        let start = comma + 1;
        let verb_at = |t: usize| {
            let word = &text[self.toks[t].range()];
            self.in_cue(&self.toks[t])
                || lower_eq(text, &self.toks[t], &["is", "are", "was", "were", "has", "have", "had", "will", "would", "may", "might", "can", "could", "should", "must", "did", "does"])
                || word.starts_with(|c: char| c.is_ascii_lowercase()) && (word.ends_with("ed") && word.len() > 4 || WORDS.irregular.holds(word))
        };
        let verb = (start..n.min(start + 7)).take_while(|&t| self.toks[t].is_word()).find(|&t| verb_at(t))?;
        if verb == start {
            return None;
        }
        Some(Attribution {
            source: Some(self.toks[start].start..self.toks[verb - 1].end),
            cue: cue.span.clone(),
            content: vec![self.toks[from].start..self.toks[comma - 1].end],
            ..Default::default()
        })
    }

    /// "Voters were worried that …", "aides are deeply skeptical of the
    /// plan", "she was eager to run": the subject's attitude toward what
    /// follows, which PolNeAR marks as the subject's ("Lowell was shocked
    /// that …"). The cue runs from the form of "be" to a preposition.
    fn attitude(&self, cue: &Cue, k: usize, after: usize, next_cue: Option<usize>) -> Option<Attribution> {
        let text = self.text();
        let n = self.toks.len();
        let mut b = k;
        while b > 0 && (is_manner_adverb(text, &self.toks[b - 1]) || lower_eq(text, &self.toks[b - 1], &WORDS.degree_words)) {
            b -= 1;
        }
        if after >= n {
            return None;
        }
        if b == 0 || !lower_eq(text, &self.toks[b - 1], &WORDS.linking_verbs) {
            // "Aides worried that …" is the verb; "a worried aide",
            // "worried voters" report nothing.
            let verb = b == k && b > 0 && (self.toks[b - 1].is_word() || self.toks[b - 1].kind == TokKind::Comma) && lower_eq(text, &self.toks[after], &["that", "about"]);
            return if verb { self.finite(cue, k, after, next_cue) } else { None };
        }
        let mut j = b - 1;
        while j > 0 && (lower_eq(text, &self.toks[j - 1], &WORDS.auxiliaries) || is_manner_adverb(text, &self.toks[j - 1])) {
            j -= 1;
        }
        let source = self.source_left(j)?;
        if lower_eq(text, &self.toks[self.tok_index(source.start)], &["it", "there", "this", "that", "what"]) {
            return None; // "it is unclear whether …": nobody's attitude
        }
        let next = &self.toks[after];
        let (cue_end, from) = if lower_eq(text, next, &WORDS.attitude_prepositions) {
            (next.end, after + 1)
        } else if lower_eq(text, next, &["that", "to"]) {
            (cue.span.end, after)
        } else {
            return None; // "Lee was angry." describes, reports nothing
        };
        if from >= n {
            return None;
        }
        let mut content = self.content_after(from, next_cue)?;
        if from > after {
            self.end_object_at_comma(from, &mut content);
        }
        self.end_at_main_clause(&source, &mut content);
        Some(Attribution { source: Some(source), cue: self.toks[b - 1].start..cue_end, content, ..Default::default() })
    }

    /// "with 30 percent of riders saying the fare is fair": a participle
    /// right after a noun phrase, with no comma, tells what that phrase
    /// says; the phrase is the source. Only where the phrase stands free
    /// (after "with") or names a text or group that speaks ("an ad
    /// attacking Lee"), not as the object of a verb ("emailed an article
    /// saying …") nor after any noun ("a pier reopening soon").
    fn noun_participle(&self, cue: &Cue, k: usize, after: usize, next_cue: Option<usize>) -> Option<Attribution> {
        let text = self.text();
        let n = self.toks.len();
        if after >= n || !self.toks[after].is_word() && !self.toks[after].is_quote() || lower_eq(text, &self.toks[after], &WORDS.participle_content_stops) && !self.cue_preposition_at(after) {
            return None; // "additional reporting by …", "a strong showing in Iowa"
        }
        let start = self.free_noun_phrase(k)?;
        let mut content = self.participle_content(cue, after, next_cue)?;
        // "Pilots backing the levy have said …": a phrase that opens the
        // sentence is its subject, and what the participle reports ends
        // before the sentence's own verb (in lower case: "in May").
        if let ([piece], 0) = (content.as_mut_slice(), start) {
            let (first, end) = (self.tok_index(piece.start), self.tok_index(piece.end));
            if let Some(verb) = (first + 1..end).find(|&t| text[self.toks[t].range()].starts_with(|c: char| c.is_ascii_lowercase()) && lower_eq(text, &self.toks[t], &["is", "are", "was", "were", "has", "have", "had", "will", "would", "may", "might", "can", "could", "should", "must"])) {
                piece.end = self.toks[verb - 1].end;
            }
        }
        // "with most saying they will vote, and 10 percent undecided": the
        // phrase is an aside, its report ends at the first break.
        if let [piece] = content.as_mut_slice() {
            let (first, end) = (self.tok_index(piece.start), self.tok_index(piece.end));
            if !self.toks[first].is_quote() {
                if let Some(stop) = (first + 1..end).find(|&t| matches!(self.toks[t].kind, TokKind::Comma | TokKind::Dash | TokKind::Semicolon)) {
                    piece.end = self.toks[stop - 1].end;
                }
            }
        }
        Some(Attribution { source: Some(self.toks[start].start..self.toks[k - 1].end), cue: cue.span.clone(), content, ..Default::default() })
    }

    /// First token of a plain noun phrase ending before `k` ("the super
    /// PAC", "30 percent of voters", "pastors") that stands free, after a
    /// word that opens such a phrase ("with"), or whose head names a text
    /// or group that speaks; none where a verb or a modifier ending in
    /// "-ed" or "-ing" comes first.
    fn free_noun_phrase(&self, k: usize) -> Option<usize> {
        let text = self.text();
        let nounish = |t: &Tok| {
            let w = &text[t.range()];
            t.is_word() && !lower_eq(text, t, &WORDS.left_stops) && !lower_eq(text, t, &WORDS.auxiliaries) && !lower_eq(text, t, &WORDS.time_words)
                && !w.ends_with("ed") && !w.ends_with("ing") && !w.ends_with("ly") && !WORDS.irregular.holds(w) && !self.in_cue(t)
        };
        let mut i = k;
        while i > 0 && k - i < 7 {
            let t = &self.toks[i - 1];
            if lower_eq(text, t, &WORDS.subject_determiners) {
                i -= 1;
                break;
            }
            // "30 percent of voters", "most of them", "three in 10"
            let joined = i >= 2 && i < k && lower_eq(text, t, &["of", "in"]) && nounish(&self.toks[i - 2]);
            if !(nounish(t) || joined || lower_eq(text, t, &["them"]) && i < k) {
                break;
            }
            i -= 1;
        }
        // "familiar with her thinking", "with Lee’s polling": a possessive
        // before the "-ing" word makes it a noun.
        let last = &text[self.toks[k - 1].range()];
        let possessive = last.ends_with("’s") || last.ends_with("'s") || lower_eq(text, &self.toks[k - 1], &WORDS.subject_determiners);
        if i == k || possessive || lower_eq(text, &self.toks[i], &["of", "in"]) {
            return None;
        }
        // "an ad attacking Lee", "pilots backing the levy": a text or a
        // group speaks wherever its phrase stands.
        // Not as the object of a verb ("issued a statement condemning …",
        // "ran ads attacking …"): the verb's subject is then the source.
        let object = i > 0 && {
            let before = &text[self.toks[i - 1].range()];
            self.toks[i - 1].is_word() && (finite_verb_like(before) || before.ends_with("ing"))
        };
        let speaking_head = !object && lower_eq(text, &self.toks[k - 1], &WORDS.participle_source_heads);
        (i > 0 && lower_eq(text, &self.toks[i - 1], &WORDS.participle_source_openers) || speaking_head).then_some(i)
    }

    /// Whether the token is part of a cue (cues are in text order).
    fn in_cue(&self, t: &Tok) -> bool {
        let cues = self.layout.cues;
        let i = cues.partition_point(|c| c.span.end <= t.start);
        cues.get(i).is_some_and(|c| c.span.start <= t.start)
    }

    /// What a participle hanging off a clause reports: the words after it.
    fn participle_content(&self, cue: &Cue, after: usize, next_cue: Option<usize>) -> Option<Vec<Range<usize>>> {
        let mut after = after;
        while after < self.toks.len() && matches!(self.toks[after].kind, TokKind::Comma | TokKind::Colon) {
            after += 1; // ", adding, “…”"
        }
        let mut after = self.skip_cue_particle(cue, after);
        if WORDS.telling.holds(&self.text()[cue.span.clone()]) {
            // "…, telling reporters, “…”": the listener is not content.
            let stop = self.listener_stop(after);
            if let Some(subject) = self.subject_after_listener(after, stop) {
                after = subject;
            } else if self.opens_after_listener(after, stop) {
                after = stop;
                while after < self.toks.len() && matches!(self.toks[after].kind, TokKind::Comma | TokKind::Colon) {
                    after += 1;
                }
            }
        }
        if self.cue_preposition_at(after) {
            after += 1; // "…, calling for new tariffs"
        }
        after = self.after_date(after);
        // "…, saying in a statement that …": the adverbial is not content.
        if let Adverbial::Until(m) = self.adverbial_end(after) {
            if lower_eq(self.text(), &self.toks[m], &WORDS.complementizers) {
                after = m;
            }
        }
        let mut content = self.content_after(after, next_cue)?;
        let cue_word = &self.text()[cue.span.clone()];
        if after < self.toks.len() && !WORDS.inverts_after_clause.holds(cue_word) && !WORDS.telling.holds(cue_word) && !WORDS.speech_participles.holds(cue_word) {
            self.end_object_at_comma(after, &mut content);
        }
        // "…,” he said, referring to the two resorts. “I expect …”": what a
        // participle that is no verb of speech names ends with its
        // sentence; a quotation after it goes on with the other report.
        let speech = WORDS.speech_participles.holds(cue_word.split(' ').next().unwrap_or_default());
        if !speech && content.len() > 1 && !self.text()[content[0].clone()].starts_with(['“', '"', '\'']) {
            let sentence_end = self.layout.sentences[self.index].end;
            content.retain(|r| r.start < sentence_end);
        }
        Some(content)
    }

    /// A reporting verb: source before it (or after it, inverted), content
    /// after it or before it.
    pub(super) fn finite(&self, cue: &Cue, k: usize, after: usize, next_cue: Option<usize>) -> Option<Attribution> {
        let text = self.text();
        let mut j = k;
        // "continued to warn that …", "tried to defend the plan": the
        // subject of the verb before "to" is the source.
        if cue.form == CueForm::Base && k >= 2 && lower_eq(text, &self.toks[k - 1], &["to"]) && lower_eq(text, &self.toks[k - 2], &WORDS.control_verbs) {
            j = k - 2;
        }
        while j > 0 && (lower_eq(text, &self.toks[j - 1], &WORDS.auxiliaries) || is_manner_adverb(text, &self.toks[j - 1])) && !lower_eq(text, &self.toks[j - 1], &["told"]) {
            j -= 1;
        }
        // "Feinstein last week said", "Ortiz on Tuesday said"
        let mut t = j;
        while t > 0 && j - t < 4 && (lower_eq(text, &self.toks[t - 1], &WORDS.time_words) || t < j && lower_eq(text, &self.toks[t - 1], &WORDS.auxiliaries)) {
            t -= 1;
        }
        // ("Ann Roe (D-Ohio) last week said": the name's brackets close before the time.)
        let before_time = |b: &Tok| b.is_word() && !lower_eq(text, b, &WORDS.left_stops) || text[b.range()] == *")";
        if t < j && t > 0 && before_time(&self.toks[t - 1]) {
            j = t;
        }
        let cue_word = &text[cue.span.clone()];
        if k < self.toks.len() && after < self.toks.len() && lower_eq(text, &self.toks[k], &["pledged", "expected"]) && !lower_eq(text, &self.toks[after], &["to", "that"]) {
            return None; // "pledged delegates", "the expected result"
        }
        // ("he was said to have", "I was told that": irregular too.)
        let participle = cue_word.ends_with("ed") || lower_eq(text, &self.toks[k], &["said", "told", "thought", "known"]);
        let passive = cue.form == CueForm::Past && participle && {
            // "is widely expected", "was not asked": adverbs may stand between.
            let mut b = k;
            while b > 1 && (is_manner_adverb(text, &self.toks[b - 1]) || lower_eq(text, &self.toks[b - 1], &["not", "also", "never", "still", "already", "often"])) {
                b -= 1;
            }
            b > 0 && lower_eq(text, &self.toks[b - 1], &["was", "were", "is", "are", "been", "being", "be"])
        };
        if cue.form == CueForm::Past && after + 1 < self.toks.len() && lower_eq(text, &self.toks[after], &["by"]) && next_cue == Some(self.toks[after + 1].start) && text[self.toks[after + 1].range()].ends_with("ing") {
            // "Holm continued by saying …": the report is the participle's,
            // whose source is this verb's subject; "by" brings no agent.
            return None;
        }
        // (A phrase names an act of its own: "distanced himself from the
        // group by saying …" reports the distancing.)
        if cue.form == CueForm::Past && !self.text()[cue.span.clone()].contains(' ') && self.object_then_by_participle(after, next_cue) {
            return None;
        }
        // "Holm concluded by making it clear that …": "by" before a
        // participle after an active verb says how, and brings no agent
        // ("was backed by overwhelming majorities", "by left-leaning
        // economists": an adjective before the agent).
        let by_how = !passive && after + 1 < self.toks.len() && {
            let word = &text[self.toks[after + 1].range()];
            word.ends_with("ing") && word.starts_with(|c: char| c.is_ascii_lowercase()) && !word.contains('-')
        };
        if cue.form == CueForm::Past && after + 1 < self.toks.len() && lower_eq(text, &self.toks[after], &["by"]) && k > 0 && !by_how {
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
            let start = self.after_asked_setting(start, end);
            return Some(Attribution { source: None, cue: cue.span.clone(), content: vec![self.toks[start].start..self.toks[end - 1].end], ..Default::default() });
        }
        if passive {
            // "She was asked whether …": PolNeAR gives such a report no source.
            let from = self.skip_cue_particle(cue, after);
            let mut content = self.content_after(from, next_cue)?;
            // "The talks are expected to fail": what is expected is the
            // subject doing the infinitive, so the subject is content too.
            // "The mill was called an eyesore", "the mayor is accused of
            // fraud": likewise the subject is who or what is so described
            // (a listener is not: "she was told that …").
            let described = from < self.toks.len()
                && !WORDS.telling.holds(cue_word)
                && content[0].start == self.toks[from].start
                && !self.toks[from].is_quote()
                && !lower_eq(text, &self.toks[from], &WORDS.openers);
            if after < self.toks.len() && (described || lower_eq(text, &self.toks[after], &["to"])) {
                if let Some(subject) = self.source_left(j).filter(|s| !lower_eq(text, &self.toks[self.tok_index(s.start)], &["it", "there"])) {
                    content.insert(0, subject);
                }
            }
            return Some(Attribution { source: None, cue: cue.span.clone(), content, ..Default::default() });
        }
        // "…, said Hemsley, the co-author of …": after a comma, a name right
        // after the verb is the source even if a comma pair stands before.
        let n = self.toks.len();
        // "…,” says Ana Holm." inverts as "said" does; other bare or -s
        // forms after a comma rarely start an inversion.
        // ("…, talking about the pier": a participle phrase never inverts.)
        let participle_phrase = text[self.toks[k].range()].ends_with("ing");
        let invertible = cue.form == CueForm::Present && lower_eq(text, &self.toks[k], &WORDS.invertible_present) || !matches!(cue.form, CueForm::Base | CueForm::Present) && !participle_phrase;
        // ("…, said Sunday, “…”": a day is no speaker.)
        let day_after = after < n && lower_eq(text, &self.toks[after], &WORDS.time_words);
        if j > 0 && self.toks[j - 1].kind == TokKind::Comma && after < n && is_capitalised(text, &self.toks[after]) && !day_after && invertible {
            let end = self.np_right(after);
            if end > after && (end >= n || matches!(self.toks[end].kind, TokKind::Comma | TokKind::End)) {
                // "Ruiz, a lawyer, endorsed Ana Holm.": before a verb that is
                // not one of saying, a clause with no quotation is its
                // subject, not what was said.
                let said_after_clause = WORDS.inverts_after_clause.holds(cue_word);
                // "“…,” Ann Roe, a nurse, told CNN.": a quotation that closes
                // before the words next to the verb is their speaker's; the
                // name after the verb is the listener.
                // The first piece is the one that ends at the verb (a
                // quotation the paragraph goes on with comes after it).
                let speaker_between = |c: &Vec<Range<usize>>| {
                    let piece = &text[c[0].clone()];
                    let (opener, closers): (&str, &[&str]) = if piece.starts_with("''") { ("''", &["''"]) } else { (&piece[..piece.chars().next().map_or(0, char::len_utf8)], &["”", "\""]) };
                    let rest = &piece[opener.len()..];
                    let opens = matches!(opener, "“" | "\"" | "''");
                    let close = closers.iter().filter_map(|c| rest.find(c).map(|at| at + c.len())).min();
                    let after_close = close.map(|at| rest[at..].trim_start_matches(['”', '"', '\'', ',', ' ']));
                    opens && after_close.is_some_and(|after| after.starts_with(char::is_uppercase) || ["a ", "an ", "the "].iter().any(|d| after.starts_with(d)))
                };
                let content = self.content_before(j).filter(|c| (said_after_clause || text[c[0].clone()].starts_with(['“', '"', '\''])) && !speaker_between(c));
                if let Some(mut content) = content {
                    let mut end = self.with_closing_appositive(end);
                    if let Some((source_end, open)) = self.quotation_resumes_after(end, &content) {
                        // "“…,” said Ana Holm, head of the union, “but …”"
                        end = source_end;
                        if let Some(more) = self.content_after(open, next_cue) {
                            content.extend(more);
                        }
                    }
                    return Some(Attribution { source: Some(self.toks[after].start..self.toks[end - 1].end), cue: cue.span.clone(), content, ..Default::default() });
                }
            }
        }
        let mut source = self.source_left(j);
        if source.is_none() && j >= 2 && text[self.toks[j - 1].range()] == *"%" && text[self.toks[j - 2].range()].starts_with(|c: char| c.is_ascii_digit()) {
            // "47% say …": a share of those polled, the sign ending it.
            source = Some(self.toks[j - 2].start..self.toks[j - 1].end);
        }
        if j == k && source.is_some() && self.names_a_thing(k, after) {
            return None;
        }
        if let Some(a) = source.as_ref().and_then(|src| self.as_noted(src, cue, after, next_cue)) {
            return Some(a);
        }
        // ("… but in a later interview said …": the link stands before the
        // phrase that says where.)
        let link = self.setting_before(j).unwrap_or(j);
        if source.is_none() && link > 0 && lower_eq(text, &self.toks[link - 1], &["and", "but"]) {
            // "he voted no and said …": the subject of the first verb.
            source = self.found.last().and_then(|a| a.source.clone()).or_else(|| self.subject(link - 1));
        }
        let after_clause = j > 1 && self.toks[j - 1].kind == TokKind::Comma && !self.toks[j - 2].is_quote();
        if source.is_none() && after_clause && !WORDS.inverts_after_clause.holds(cue_word) {
            // "Ruiz complained …, mocked the party": a verb that does not
            // invert after a clause continues its subject's series; what
            // follows is its object, not its source.
            source = self.found.last().and_then(|a| a.source.clone()).or_else(|| self.subject(j - 1));
        }
        let mut after_source = after;
        let mut inverted_end = None;
        if source.is_none() {
            // "Ruiz, after the vote in May, said …": the sentence's subject
            // before a phrase set off by commas, where no one follows the verb.
            let interrupted = self.interrupted_subject(j);
            let end = self.np_right(after);
            // "…, declined to comment": what follows is no speaker; nor is
            // the subject of a clause ("…, said the chamber will vote").
            let clause_follows = end < n && self.toks[end].is_word() && (!lower_eq(text, &self.toks[end], &WORDS.left_stops) || lower_eq(text, &self.toks[end], &["will", "would", "can", "could", "may", "might", "should", "must", "is", "was", "are", "were", "has", "have", "had"]));
            // Inverted: "…,” said the senator."
            let left_is_break = j == 0 || matches!(self.toks[j - 1].kind, TokKind::Comma | TokKind::CloseQuote | TokKind::StraightQuote | TokKind::Colon);
            let no_speaker_after = end == after || clause_follows || lower_eq(text, &self.toks[after], &WORDS.left_stops) && !is_capitalised(text, &self.toks[after]);
            if !invertible || !left_is_break || no_speaker_after {
                source = Some(interrupted?);
            } else if interrupted.is_some() && !is_capitalised(text, &self.toks[after]) {
                // "Ruiz, after a long pause, said of the mayor", "…, said
                // quietly": a word in lower case after the verb is no
                // speaker; the subject before the aside is.
                source = interrupted;
            } else {
                let source_end = self.with_closing_appositive(end);
                source = Some(self.toks[after].start..self.toks[source_end - 1].end);
                after_source = end;
                inverted_end = Some(source_end);
            }
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
        let mut content = self.content_for_verb(k, edge, after_source, cue, next_cue)?;
        let before_cue = content.iter().all(|r| r.end <= cue.span.start);
        if let Some((source_end, open)) = inverted_end.filter(|_| before_cue).and_then(|end| self.quotation_resumes_after(end, &content)) {
            // "“…,” said Ana Holm, head of the union, “but …”"
            if let Some(more) = self.content_after(open, next_cue) {
                content.extend(more);
                source = source.map(|src| src.start..self.toks[source_end - 1].end);
            }
        }
        // "the pier, which she said would cost too much": the relative word
        // stands for what was said and is part of it, as PolNeAR marks it.
        if let Some(src) = source.as_ref().filter(|src| src.end <= cue.span.start && content[0].start >= cue.span.end) {
            let s = self.tok_index(src.start);
            // Not after a preposition ("the interview, during which he
            // touched on …"): the word then says where, not what.
            // ("…, to which Oster replied: “…”": "which" is what was
            // replied to; "to what she said is …" keeps "what".)
            let governed = s > 1
                && (lower_eq(text, &self.toks[s - 2], &["in", "during", "on", "at", "for", "from", "by", "with", "of", "through", "after", "before", "under"])
                    || lower_eq(text, &self.toks[s - 2], &["to"]) && lower_eq(text, &self.toks[s - 1], &["which"]));
            // "a finish that he said defied the odds": "that" after a noun,
            // where what was said lacks its subject, is the relative word
            // too (not "argued that he said the odds were long").
            let relative_that = s > 1 && lower_eq(text, &self.toks[s - 1], &["that"]) && {
                let noun = &self.toks[s - 2];
                let word = &text[noun.range()];
                let first = self.tok_index(content[0].start);
                let gap = first < self.toks.len() && {
                    let verb = &text[self.toks[first].range()];
                    finite_verb_like(verb) || WORDS.clause_verbs.holds(verb) || lower_eq(text, &self.toks[first], &WORDS.auxiliaries)
                };
                gap && noun.is_word() && !lower_eq(text, noun, &WORDS.left_stops) && !word.ends_with("ed") && !word.ends_with("ing") && !self.in_cue(noun)
            };
            if s > 0 && !governed && (relative_that || lower_eq(text, &self.toks[s - 1], &["which", "what", "whom", "who"])) {
                content.insert(0, self.toks[s - 1].range());
            }
        }
        if let Some(src) = source.as_ref().filter(|src| src.end <= cue.span.start) {
            self.end_at_main_clause(src, &mut content);
        }
        if source.as_ref().is_some_and(|src| self.modifies_noun_cue(src, cue)) {
            source = None;
        }
        Some(Attribution { source, cue: cue.span.clone(), content, ..Default::default() })
    }

    /// "numerous complaints that …", "she faces renewed doubts about …",
    /// "drawing calls for …": a plural noun of the cues after a modifier or
    /// a verb is no verb, and the words right before it do not say whose
    /// complaints or doubts they are (a possessive does: "Roe’s calls").
    fn modifies_noun_cue(&self, source: &Range<usize>, cue: &Cue) -> bool {
        let text = self.text();
        let noun = text[cue.span.clone()].split(' ').any(|w| WORDS.noun_cues.holds(w));
        if !noun || source.end > cue.span.start || !text[source.end..cue.span.start].trim().is_empty() {
            return false;
        }
        let words = &text[source.clone()];
        let possessive = words.contains("’s") || words.contains("'s") || words.ends_with(['’', '\'']);
        let last = &self.toks[self.tok_index(source.end).saturating_sub(1)];
        let word = &text[last.range()];
        let verbal = word.starts_with(|c: char| c.is_ascii_lowercase()) && (word.ends_with("ed") || word.ends_with("ing"));
        !possessive && (lower_eq(text, last, &WORDS.noun_cue_modifiers) || verbal)
    }

    /// "As the Gazette noted, the pier was sold", "But as Holm said, …":
    /// "as" before the source opens the sentence's clause of report, and
    /// what was noted is the clause after the comma that closes it.
    fn as_noted(&self, source: &Range<usize>, cue: &Cue, after: usize, next_cue: Option<usize>) -> Option<Attribution> {
        let text = self.text();
        let s = self.tok_index(source.start);
        let n = self.toks.len();
        if s == 0 || !lower_eq(text, &self.toks[s - 1], &["as"]) || after + 1 >= n || self.toks[after].kind != TokKind::Comma {
            return None;
        }
        let opens = s == 1 || s == 2 && lower_eq(text, &self.toks[0], &["but", "and", "yet", "so"]) || s > 1 && matches!(self.toks[s - 2].kind, TokKind::Comma | TokKind::Dash);
        if !opens || !matches!(cue.form, CueForm::Past | CueForm::Present) {
            return None;
        }
        let content = self.clause_from(after + 1, next_cue)?;
        Some(Attribution { source: Some(source.clone()), cue: cue.span.clone(), content: vec![content], ..Default::default() })
    }

    /// "Ruiz, after the vote in May, initially said …", "Mr. Holm, now 81
    /// and retired in Dayton, said …": the verb's subject stands at the
    /// start of the sentence, before a phrase between commas (the first
    /// comma opens it, the one before the verb `j` closes it). A name or a
    /// pronoun only, and no quotation nor clause break inside. After a
    /// quotation that opens the sentence the subject stands right after it
    /// ("“…,” Holm, after a long pause, said").
    fn interrupted_subject(&self, j: usize) -> Option<Range<usize>> {
        let text = self.text();
        let base = self.after_opening_quotation(j).unwrap_or(0);
        if j < base + 4 || self.toks[j - 1].kind != TokKind::Comma {
            return None;
        }
        let open = base + self.toks[base..j - 1].iter().position(|t| t.kind == TokKind::Comma)?;
        let inside = &self.toks[open + 1..j - 1];
        if open == base || inside.len() < 2 || inside.len() > 30 || !inside.iter().all(|t| t.is_word() || matches!(t.kind, TokKind::Comma | TokKind::Other)) {
            return None;
        }
        let source = self.source_left(open)?;
        let s = self.tok_index(source.start);
        let first = &self.toks[s];
        let person = lower_eq(text, first, &WORDS.pronouns) || is_capitalised(text, first) && !lower_eq(text, first, &WORDS.left_stops);
        (s == base && person && source.end == self.toks[open - 1].end).then_some(source)
    }

    /// The token after a quotation that the sentence opens inside and that
    /// closes with a comma, "?" or "!" before the verb `j` ("“…,” Holm …").
    fn after_opening_quotation(&self, j: usize) -> Option<usize> {
        let first = self.toks.first()?;
        let quotes = self.layout.quotes;
        let q = quotes.get(quotes.partition_point(|q| q.span.end <= first.start)).filter(|q| q.span.start <= first.start)?;
        let quoted = self.text()[q.span.clone()].trim_end_matches(['”', '"', '\'']);
        let after = self.tok_index(q.span.end);
        (after < j && quoted.ends_with([',', '?', '!'])).then_some(after)
    }

    /// "and Donald Trump", "and he": after a comma, "and" with a name or a
    /// pronoun joins another subject to the main clause.
    fn joins_another_subject(&self, t: usize) -> bool {
        let text = self.text();
        t + 1 < self.toks.len() && lower_eq(text, &self.toks[t], &["and", "but"]) && (is_capitalised(text, &self.toks[t + 1]) || lower_eq(text, &self.toks[t + 1], &WORDS.pronouns))
    }

    /// "Ruiz, who backed the levy in May, now opposes it", "though she
    /// praised the plan, Lee voted no": a report inside a relative or
    /// subordinate clause ends where the main clause goes on, at a comma
    /// followed by its verb.
    fn end_at_main_clause(&self, source: &Range<usize>, content: &mut [Range<usize>]) {
        let text = self.text();
        let [piece] = content else { return };
        let s = self.tok_index(source.start);
        let relative = s > 0 && self.toks[s - 1].kind == TokKind::Comma && lower_eq(text, &self.toks[s], &["who", "which"]);
        let subordinate = s > 0 && lower_eq(text, &self.toks[s - 1], &["though", "although", "while", "because", "when", "after", "before", "since", "if", "once", "whereas"]);
        if !(relative || subordinate) || text[piece.clone()].starts_with(['“', '"', '\'']) {
            return;
        }
        let (first, end) = (self.tok_index(piece.start), self.tok_index(piece.end));
        let verb_at = |t: usize| {
            t < self.toks.len() && self.toks[t].is_word() && {
                let word = &text[self.toks[t].range()];
                finite_verb_like(word) || WORDS.clause_verbs.holds(word)
            }
        };
        let main = (first + 1..end).find(|&t| {
            self.toks[t].kind == TokKind::Comma && !super::inside_quote(self.layout.quotes, self.toks[t].start) && (verb_at(t + 1) || is_manner_adverb(text, &self.toks[(t + 1).min(self.toks.len() - 1)]) && verb_at(t + 2) || self.joins_another_subject(t + 1))
        });
        if let Some(c) = main {
            piece.end = self.toks[c - 1].end;
        }
    }

    /// "“The pier is safe,” said Ana Holm, head of the union, “but …”": a
    /// quotation that closed with a comma before an inverted cue goes on
    /// after the source and its appositive. The end of the source (past the
    /// appositive) and the token opening the rest of the quotation.
    fn quotation_resumes_after(&self, end: usize, content: &[Range<usize>]) -> Option<(usize, usize)> {
        let text = self.text();
        let n = self.toks.len();
        let last = &text[content.last()?.clone()];
        if !last.trim_end_matches(['”', '"', '\'']).ends_with(',') || end >= n || self.toks[end].kind != TokKind::Comma {
            return None;
        }
        let opens = |t: usize| t < n && self.toks[t].is_quote() && super::quote_starting_at(self.layout.quotes, self.toks[t].start).is_some();
        if opens(end + 1) {
            return Some((end, end + 1));
        }
        let mut t = end + 1;
        while t < n && t < end + 20 && (self.toks[t].is_word() || self.toks[t].kind == TokKind::Other) {
            t += 1;
        }
        (t > end + 1 && t < n && self.toks[t].kind == TokKind::Comma && opens(t + 1)).then_some((t, t + 1))
    }

    /// "a cafe called Blue Lantern", "a club named Orbit": a participle that
    /// names the indefinite noun before it, not a report of its words.
    fn names_a_thing(&self, k: usize, after: usize) -> bool {
        let text = self.text();
        let naming = after < self.toks.len()
            && lower_eq(text, &self.toks[k], &["called", "named", "dubbed", "titled", "entitled"])
            && (is_capitalised(text, &self.toks[after]) || self.toks[after].is_quote());
        // The noun's article, at most four words back ("a newly opened harbor
        // cafe"), with no name between ("in a speech Lee called Ann …").
        let common = |t: usize| self.toks[t].is_word() && !(is_capitalised(text, &self.toks[t]) && text[self.toks[t].range()].contains(|c: char| c.is_lowercase()));
        naming && (k.saturating_sub(5)..k).rev().take_while(|&t| common(t)).any(|t| lower_eq(text, &self.toks[t], &["a", "an", "another"]))
    }

    /// Whether a source before a bare verb ("experts say") looks like a
    /// subject, not a noun phrase with a noun ("the report", "the state").
    pub(super) fn plausible_subject(&self, source: &Range<usize>) -> bool {
        let words = &self.text()[source.clone()];
        let last = words.rsplit(' ').next().unwrap_or_default();
        // "Most believe …": the quantifier is the whole subject.
        !WORDS.not_subject_end.holds(last) || last.len() == words.len() && WORDS.quantifier_subjects.holds(last)
    }

    /// "Vance answered the questions by saying that …": a short object
    /// between the verb and "by" and the next cue, a participle; as with
    /// "continued by saying", the report is the participle's. Not after a
    /// clause ("contended that it hid nothing by refusing …").
    fn object_then_by_participle(&self, after: usize, next_cue: Option<usize>) -> bool {
        const MAX_OBJECT_WORDS: usize = 5;
        let Some(next) = next_cue else { return false };
        let at = self.tok_index(next);
        let text = self.text();
        at > after + 1
            && at - after <= MAX_OBJECT_WORDS + 1
            && lower_eq(text, &self.toks[at - 1], &["by"])
            && text[self.toks[at].range()].ends_with("ing")
            && self.toks[after..at - 1].iter().all(|t| t.is_word() && !lower_eq(text, t, &WORDS.clause_verbs) && !lower_eq(text, t, &WORDS.clause_openers))
    }

    /// "In a harbour board survey taken in May, most workers …": the poll is the
    /// source, "In" the cue (as PolNeAR marks it) and the clause after the
    /// comma the content.
    pub(super) fn poll_opening(&self) -> Option<Attribution> {
        let text = self.text();
        let comma = self.toks.iter().take(16).position(|t| t.kind == TokKind::Comma)?;
        let names_poll = self.toks[1..comma].iter().any(|t| lower_eq(text, t, &["poll", "polls", "survey", "surveys"]));
        // ("In a Post/ABC News poll, …": a slash or hyphen joins the pollsters' names.)
        let in_name = |t: &Tok| t.is_word() || t.kind == TokKind::Other && matches!(&text[t.range()], "/" | "-" | "–" | "&");
        if comma < 3 || !names_poll || !self.toks[1..comma].iter().all(in_name) {
            return None;
        }
        let content = self.clause_from(comma + 1, None)?;
        Some(Attribution {
            source: Some(self.toks[1].start..self.toks[comma - 1].end),
            cue: self.toks[0].range(),
            content: vec![content],
            ..Default::default()
        })
    }

    /// A headline or Q&A line "Trump: Walls Work" — a short name, a colon,
    /// then what was said.
    pub(super) fn colon_headline(&self) -> Option<Attribution> {
        let text = self.text();
        let colon = self.toks.iter().take(5).position(|t| t.kind == TokKind::Colon)?;
        if colon == 0 || colon + 1 >= self.toks.len() {
            return None;
        }
        let name = &self.toks[..colon];
        if !name.iter().all(|t| is_capitalised(text, t) && !lower_eq(text, t, &WORDS.not_speakers)) {
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
}
