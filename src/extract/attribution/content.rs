//! Where a content starts and ends: the clause or quotation after or
//! before a cue, quotations that carry it on, and where it stops.

use super::super::cues::{Cue, CueForm};
use super::super::quotes::Quote;
use super::super::tokens::{Tok, TokKind};
use super::word_lists::WORDS;
use super::{finite_verb_like, inside_quote, is_capitalised, lower_eq, quote_ending_at, quote_starting_at, Attribution, Layout, SentenceRules};
use std::ops::Range;
use std::sync::LazyLock;

/// What `adverbial_end` finds after a cue.
pub(super) enum Adverbial {
    /// No adverbial opens there.
    None,
    /// It runs to the end of the sentence: nothing reported follows.
    ToSentenceEnd,
    /// It ends before this token: a complementizer or a break.
    Until(usize),
}

/// The searchers `second_predicate` runs over every content after a verb,
/// built once: `memmem::find` builds one for each call, which cost more
/// than the search itself.
static SPACED_AND: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new(" and "));
static SPACED_BUT: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new(" but "));

impl SentenceRules<'_> {
    pub(super) fn content_for_verb(&self, k: usize, j: usize, after: usize, cue: &Cue, next_cue: Option<usize>) -> Option<Vec<Range<usize>>> {
        let text = self.text();
        let n = self.toks.len();
        let mut i = self.skip_cue_particle(cue, after);
        let cue_word = &text[cue.span.clone()];
        if cue_word.ends_with("statement") && i + 1 < n && lower_eq(text, &self.toks[i], &WORDS.speech_participles) {
            i += 1; // "issued a statement saying …": what the statement says
        }
        // "“…,” Trump said 30 minutes into the debate.": a quotation right
        // before the source is the content unless the verb opens another one.
        if j > 0 && (self.toks[j - 1].is_quote() || j > 1 && self.toks[j - 1].kind == TokKind::Comma && self.toks[j - 2].is_quote()) || j == 0 && self.quote_ends_sentence_before() {
            let opens_more = i < n && (matches!(self.toks[i].kind, TokKind::Colon) || lower_eq(text, &self.toks[i], &["that"]));
            let comma_quote = i + 1 < n && self.toks[i].kind == TokKind::Comma && self.toks[i + 1].is_quote();
            if !(opens_more || comma_quote || (j > 0 && self.title_quote_before(j))) {
                // "“…,” Ruiz said of the plan.": PolNeAR leaves what it was
                // said of out of the content two times in three.
                if let Some(before) = self.content_before_not_intro(j) {
                    return Some(before);
                }
            }
        }
        if WORDS.telling.holds(cue_word) {
            // Skip the listener: up to "that", a colon or a quote nearby.
            let m = self.listener_stop(i);
            if let Some(subject) = self.subject_after_listener(i, m).or_else(|| self.determined_subject_after_listener(i, m)) {
                i = subject;
            } else if self.opens_after_listener(i, m) && !self.object_before_comma(m) {
                i = m;
            } else if m >= n || self.toks[m].kind == TokKind::End {
                // "…,” she told reporters." / "she told CNN." : nothing follows the listener.
                if let Some(before) = self.content_before_not_intro(j) {
                    return Some(before);
                }
                let listener_end = self.np_right(i);
                if listener_end == i || listener_end >= m {
                    return None;
                }
                i = listener_end;
            }
        }
        i = self.after_date(i);
        while i < n && self.toks[i].is_word() && text[self.toks[i].range()].ends_with("ly") && !lower_eq(text, &self.toks[i], &["only", "early"]) {
            i += 1; // "said sarcastically"
        }
        if i < n && self.toks[i].is_word() && text[self.toks[i].range()].ends_with("ing") {
            // "“…,” he said introducing Clinton as …": the quotation before.
            // A clause before is not what was said when a gerund opens the
            // content ("…, and he says going abroad has helped him").
            let quoted = |p: &Vec<Range<usize>>| text[p[0].clone()].starts_with(['“', '"', '\'']);
            if let Some(before) = self.content_before_not_intro(j).filter(quoted) {
                return Some(before);
            }
        }
        if i < n && lower_eq(text, &self.toks[i], &["so", "yes", "no"]) && (i + 1 >= n || matches!(self.toks[i + 1].kind, TokKind::End | TokKind::Comma)) {
            // "half said so", "75 percent said yes": the word stands for what
            // was said and is the content, as PolNeAR marks it.
            return Some(vec![self.toks[i].range()]);
        }
        if i < n && lower_eq(text, &self.toks[i], &["after", "before"]) {
            // "said after a dinner on Monday that …": a time phrase, then
            // what was said; not "said after the vote that was held …",
            // where "that" opens a relative clause.
            let that = (i + 2..n.min(i + 12)).take_while(|&t| self.toks[t].is_word()).find(|&t| lower_eq(text, &self.toks[t], &["that"]));
            if let Some(t) = that.filter(|&t| t + 1 < n && self.toks[t + 1].is_word() && !lower_eq(text, &self.toks[t + 1], &WORDS.auxiliaries) && !finite_verb_like(&text[self.toks[t + 1].range()])) {
                i = t;
            }
        }
        if i < n && self.toks[i].is_word() && lower_eq(text, &self.toks[i], &WORDS.clause_links) {
            // "she said and hung up", "he said after the vote": nothing reported
            // follows, unless it is a conditional clause ("said if he wins, …").
            let before = self.content_before_not_intro(j);
            if before.is_some() || !lower_eq(text, &self.toks[i], &["if", "when", "while", "because", "though", "although", "since", "as", "unless", "despite"]) {
                return before;
            }
        }
        if self.cue_preposition_at(i) {
            return self.content_after(i + 1, next_cue);
        }
        if i + 1 < n && lower_eq(text, &self.toks[i], &["to"]) && lower_eq(text, &self.toks[k], &WORDS.takes_to_infinitive) {
            // "declined to name the new chief": the infinitive is the content.
            return self.content_after(i, next_cue);
        }
        match self.adverbial_end(i) {
            Adverbial::None => {}
            Adverbial::ToSentenceEnd => return self.content_before_not_intro(j),
            Adverbial::Until(m) => i = m,
        }
        if i >= n || self.toks[i].kind == TokKind::End {
            return self.content_before_not_intro(j);
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
                            && !lower_eq(text, &self.toks[next], &WORDS.resume_stops)
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
                if WORDS.expression_verbs.holds(cue_word) {
                    i = self.after_expressed_state(i);
                }
                let mut pieces = self.content_after(i, next_cue)?;
                if WORDS.referent_cues.holds(cue_word) {
                    // "referring to the mayor": the mayor only; the
                    // quotations that follow carry on the one before.
                    pieces.truncate(1);
                }
                if !WORDS.inverts_after_clause.holds(cue_word) && !WORDS.telling.holds(cue_word) {
                    self.end_object_at_comma(i, &mut pieces);
                }
                Some(pieces)
            }
            _ => self.content_before_not_intro(j),
        }
    }

    /// "expressed doubt that …", "voiced concern about the levy": a short
    /// noun phrase after a verb of expression names the state expressed and
    /// belongs to the cue (PolNeAR's guideline: the cue holds the act of
    /// expression); the content starts at "that" or after the preposition.
    /// `i` itself where no such phrase stands there.
    fn after_expressed_state(&self, i: usize) -> usize {
        const OBJECT_PREPOSITIONS: [&str; 10] = ["about", "of", "over", "with", "at", "for", "in", "on", "toward", "towards"];
        // "over the weekend that …", "in an interview that …": a setting,
        // and the clause after it is what was expressed.
        const SETTING_PREPOSITIONS: [&str; 4] = ["over", "in", "at", "on"];
        let text = self.text();
        let n = self.toks.len();
        if !self.toks[i].is_word() || lower_eq(text, &self.toks[i], &WORDS.complementizers) || lower_eq(text, &self.toks[i], &WORDS.pronouns) {
            return i;
        }
        // A noun phrase of one or two words ("doubt", "deep concern").
        for k in i + 1..n.min(i + 3) {
            let tok = &self.toks[k];
            if !tok.is_word() {
                return i;
            }
            if lower_eq(text, tok, &["that"]) {
                return k;
            }
            if lower_eq(text, tok, &OBJECT_PREPOSITIONS) {
                if lower_eq(text, tok, &SETTING_PREPOSITIONS) {
                    let that = (k + 1..n.min(k + 6)).take_while(|&t| self.toks[t].is_word()).find(|&t| lower_eq(text, &self.toks[t], &["that"]));
                    if let Some(that) = that {
                        return that;
                    }
                }
                return if k + 1 < n && (self.toks[k + 1].is_word() || self.toks[k + 1].is_quote()) { k + 1 } else { i };
            }
        }
        i
    }

    /// "talked about the levy", "called for tariffs": whether token `i`,
    /// right after the cue, is a preposition that belongs to the cue
    /// (PolNeAR's guideline), not followed by a clause ("said about a week
    /// ago that …").
    pub(super) fn cue_preposition_at(&self, i: usize) -> bool {
        let text = self.text();
        let n = self.toks.len();
        i + 1 < n
            && lower_eq(text, &self.toks[i], &WORDS.cue_prepositions)
            && self.toks[i + 1].is_word()
            && !(i + 1..n.min(i + 8)).any(|t| lower_eq(text, &self.toks[t], &WORDS.complementizers))
    }

    /// "said Tuesday the fares would rise", "announced on Friday he would
    /// run": a date right after the cue and before a clause says when, and
    /// is not what was said. The token after the date, or `i` if none.
    pub(super) fn after_date(&self, i: usize) -> usize {
        let text = self.text();
        let n = self.toks.len();
        let mut m = i;
        let mut head = false;
        while m < n && m < i + 4 && lower_eq(text, &self.toks[m], &WORDS.time_words) {
            head |= !lower_eq(text, &self.toks[m], &["on", "this", "last", "next", "past", "earlier"]);
            m += 1;
        }
        // A clause follows: a word, not a comma nor a possessive ("Tuesday’s vote").
        let clause_follows = m < n && self.toks[m].is_word() && !text[self.toks[m].range()].starts_with(['’', '\'']);
        if head && clause_follows {
            m
        } else {
            i
        }
    }

    /// "said on Monday that", "saying in a tweet that": an adverbial that
    /// opens at token `i`, right after the cue, and where it stops.
    pub(super) fn adverbial_end(&self, i: usize) -> Adverbial {
        let text = self.text();
        let n = self.toks.len();
        if i >= n || !self.toks[i].is_word() || !lower_eq(text, &self.toks[i], &WORDS.adverbial_starts) {
            return Adverbial::None;
        }
        let mut m = i;
        while m < n && m < i + 10 && (self.toks[m].is_word() || self.possessive_mark(m)) && !lower_eq(text, &self.toks[m], &WORDS.complementizers) {
            m += 1;
        }
        // "say this is a rough patch", "said today was a win": a verb right
        // after the first word makes it the subject of what was said.
        if i + 1 < m && !lower_eq(text, &self.toks[i], &["to"]) && lower_eq(text, &self.toks[i + 1], &WORDS.clause_verbs) {
            return Adverbial::None;
        }
        if m >= n || self.toks[m].kind == TokKind::End {
            return Adverbial::ToSentenceEnd;
        }
        // Ten words on and no "that" nor a break: no adverbial after all
        // ("argued again over health care and …"); keep the whole clause.
        let ran_out = m == i + 10 && self.toks[m].is_word() && !lower_eq(text, &self.toks[m], &WORDS.complementizers);
        // Stopped by a sign inside the words ("calls for $1 trillion"), not
        // by a break: no adverbial either.
        let inside = self.toks[m].kind == TokKind::Other;
        if ran_out || inside {
            Adverbial::None
        } else {
            Adverbial::Until(m)
        }
    }

    /// "wrote to the Owens’ office that …": the apostrophe after a plural
    /// possessive stands between two words of one noun phrase.
    fn possessive_mark(&self, m: usize) -> bool {
        let text = self.text();
        let tok = &self.toks[m];
        let attached = m > 0 && self.toks[m - 1].is_word() && self.toks[m - 1].end == tok.start && text[self.toks[m - 1].range()].ends_with(['s', 'S']);
        attached && matches!(&text[tok.range()], "’" | "'") && self.toks.get(m + 1).is_some_and(|next| next.is_word() && next.start > tok.end)
    }

    /// "praised Ortiz, with whom she had clashed", "backed the levy,
    /// giving the mayor a win": after a verb that is not one of saying, a
    /// content that is a noun phrase with no verb of its own ends at its
    /// first comma; what follows is the writer's.
    pub(super) fn end_object_at_comma(&self, i: usize, pieces: &mut [Range<usize>]) {
        let text = self.text();
        let [piece] = pieces else { return };
        if self.toks[i].start != piece.start || !self.toks[i].is_word() || lower_eq(text, &self.toks[i], &WORDS.complementizers) {
            return;
        }
        let end = self.tok_index(piece.end);
        // ("preferred Clinton while most men backed Sanders", "Trump — whom
        // she had met": a dash or a clause of its own ends it too.)
        // ("praised him Wednesday during a panel": when and where it was
        // said are the writer's.)
        let when = |t: usize| {
            lower_eq(text, &self.toks[t], &["during", "yesterday"])
                || lower_eq(text, &self.toks[t], &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]) && !lower_eq(text, &self.toks[t - 1], &WORDS.noun_determiners)
        };
        let stops = |t: usize| matches!(self.toks[t].kind, TokKind::Comma | TokKind::Dash) || lower_eq(text, &self.toks[t], &["while", "when", "whereas", "because", "although", "though"]) || when(t);
        let Some(mut comma) = (i + 1..end).find(|&t| stops(t)) else { return };
        if when(comma) && comma > i + 1 && lower_eq(text, &self.toks[comma - 1], &["on"]) {
            comma -= 1; // "went after Lee on Monday"
        }
        let verbless = self.toks[i..comma].iter().all(|t| t.is_word() && !WORDS.clause_verbs.holds(&text[t.range()]) && !finite_verb_like(&text[t.range()]));
        if verbless {
            piece.end = self.toks[comma - 1].end;
        }
    }

    /// After a verb of telling, the first token past the listener's words:
    /// "that", a colon, a comma or a quote ("told reporters that …").
    pub(super) fn listener_stop(&self, i: usize) -> usize {
        let text = self.text();
        let n = self.toks.len();
        let mut m = i;
        while m < n && m < i + 8 && self.toks[m].is_word() && !lower_eq(text, &self.toks[m], &WORDS.openers) {
            m += 1;
        }
        // "told a room of dock workers at the old ferry terminal downtown
        // that …": a long listener still ends at "that".
        if m == i + 8 {
            let mut far = m;
            while far < n && far < i + 16 && self.toks[far].is_word() && !lower_eq(text, &self.toks[far], &WORDS.openers) {
                far += 1;
            }
            if far < n && lower_eq(text, &self.toks[far], &["that"]) {
                return far;
            }
        }
        // "told a town hall in Salem, Ore., on Monday that …": a listener
        // with a place or a time set off by commas still ends at "that".
        if m < n && self.toks[m].kind == TokKind::Comma {
            let cues = self.layout.cues;
            let is_cue = |t: &Tok| cues.get(cues.partition_point(|c| c.span.start < t.start)).is_some_and(|c| c.span.start == t.start);
            let mut far = m;
            while far < n
                && far < i + 20
                && (self.toks[far].is_word() || self.toks[far].kind == TokKind::Comma)
                && !lower_eq(text, &self.toks[far], &WORDS.openers)
                && !lower_eq(text, &self.toks[far], &["who", "which", "whom", "whose", "and", "but", "he", "she", "they", "we", "i"])
                && !is_cue(&self.toks[far])
            {
                far += 1;
            }
            // ("told the Gazette, however, that …", "told Ana Ruiz of the
            // Gazette, that …": a comma may close the listener too.)
            if far < n && lower_eq(text, &self.toks[far], &["that"]) {
                return far;
            }
        }
        m
    }

    /// Whether the listener's words from `i` stop at what opens a content:
    /// "that", a colon, a comma or a quote. Not at "to": in "urged the
    /// council to act" who is urged is part of what was urged, as PolNeAR
    /// marks it.
    pub(super) fn opens_after_listener(&self, i: usize, stop: usize) -> bool {
        let text = self.text();
        stop > i
            && stop < self.toks.len()
            && !lower_eq(text, &self.toks[stop], &["to"])
            && (lower_eq(text, &self.toks[stop], &WORDS.openers) || matches!(self.toks[stop].kind, TokKind::Colon | TokKind::Comma | TokKind::OpenQuote | TokKind::StraightQuote))
    }

    /// "urged a strong stand, saying …": a comma after the words that
    /// follow a verb of telling, with no quotation after it, ends its
    /// object, which is what was urged, not a listener.
    fn object_before_comma(&self, stop: usize) -> bool {
        let n = self.toks.len();
        stop < n && self.toks[stop].kind == TokKind::Comma && !(stop + 1 < n && self.toks[stop + 1].is_quote())
    }

    /// "told the Gazette he would run", "told the harbour paper last week
    /// she’d vote": a subject pronoun after the listener opens the content,
    /// with no "that" before it.
    pub(super) fn subject_after_listener(&self, i: usize, stop: usize) -> Option<usize> {
        let text = self.text();
        (i + 1..stop).find(|&t| {
            let word = &text[self.toks[t].range()];
            let head = word.split(['’', '\'']).next().unwrap_or(word);
            ["he", "she", "they", "we", "i"].iter().any(|p| head.eq_ignore_ascii_case(p))
        })
    }

    /// "referring to the ruling": where a particle after the cue belongs to
    /// it, the content starts after the particle.
    pub(super) fn skip_cue_particle(&self, cue: &Cue, i: usize) -> usize {
        let text = self.text();
        let n = self.toks.len();
        if i + 1 >= n || !self.toks[i].is_word() || !self.toks[i + 1].is_word() {
            return i;
        }
        // The key "verb:particle" built on the stack: this runs for every cue.
        let (verb, particle) = (text[cue.span.clone()].as_bytes(), text[self.toks[i].range()].as_bytes());
        let mut key = [0u8; 32];
        let len = verb.len() + 1 + particle.len();
        if len > key.len() {
            return i;
        }
        key[..verb.len()].copy_from_slice(verb);
        key[verb.len()] = b':';
        key[verb.len() + 1..len].copy_from_slice(particle);
        if WORDS.cue_particles.holds_bytes(&key[..len]) {
            return i + 1;
        }
        i
    }

    /// "He said:" closing its paragraph: the quotation opening the next one
    /// (and the quotations that carry it on) is what was said.
    pub(super) fn quote_after_colon(&self) -> Option<Vec<Range<usize>>> {
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

    /// "On “Face the Nation,” Ryan said …": the quotation before the source
    /// is a title, introduced by a preposition or a possessive.
    pub(super) fn title_quote_before(&self, j: usize) -> bool {
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

    /// "“Is it safe?” Holm asked reporters at the pier.": the quotation
    /// before this sentence closed with a question or exclamation the
    /// splitter ended a sentence at (`sentence_after_closing_question`).
    fn quote_ends_sentence_before(&self) -> bool {
        let start = self.layout.sentences[self.index].start;
        let i = self.layout.quotes.partition_point(|q| q.span.end <= start);
        i.checked_sub(1).is_some_and(|i| sentence_after_closing_question(self.layout, &self.layout.quotes[i]) == Some(self.index))
    }

    /// Content ahead of the source: the clause or quotation before it.
    pub(super) fn content_before(&self, j: usize) -> Option<Vec<Range<usize>>> {
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
                let lead_in = self.lead_in_of(q);
                pieces.push(lead_in.unwrap_or(q.span.start)..q.span.end);
                self.follow_on_quotes(&mut pieces);
                return Some(pieces);
            }
        }
        // "The ferry closed, and Lopez said …": a clause joined before the
        // source is the writer's, not what was said.
        if b < j && lower_eq(self.text(), &self.toks[b], &["and", "but", "so", "yet", "while", "because", "although", "though"]) {
            return None;
        }
        let start = self.clause_start(end_tok);
        if start >= end_tok {
            return None;
        }
        pieces.push(self.toks[start].start..last.end);
        self.follow_on_quotes(&mut pieces);
        Some(pieces)
    }

    /// "Despite the rain, Lee said the pier stays open": the words from
    /// `start` to `end` are one introductory phrase (no comma inside), which
    /// sets the scene for the subject after it and is not what was said.
    /// Content before the source, unless it is only such a phrase. (After
    /// "In any case, Ortiz said, …" the sentence resumes: that phrase is
    /// the first piece, and `content_for_verb` keeps it.)
    fn content_before_not_intro(&self, j: usize) -> Option<Vec<Range<usize>>> {
        self.content_before(j).filter(|pieces| !(pieces.len() == 1 && self.only_intro_phrase(&pieces[0])))
    }

    fn only_intro_phrase(&self, piece: &Range<usize>) -> bool {
        let start = self.tok_index(piece.start);
        let end = self.tok_index(piece.end);
        start < end && lower_eq(self.text(), &self.toks[start], &WORDS.intro_phrase_starts) && !self.toks[start..end].iter().any(|t| matches!(t.kind, TokKind::Comma | TokKind::Colon) || t.is_quote())
    }

    /// "A maximum sentence “would deter others,” she wrote.": the words of
    /// the sentence that run straight into a quotation are part of what was
    /// said, as PolNeAR marks it. Their start, when the quotation opens in
    /// this sentence right after a word and no cue stands before it.
    fn lead_in_of(&self, q: &Quote) -> Option<usize> {
        let open = self.tok_index(q.span.start);
        if open == 0 || open >= self.toks.len() || self.toks[open].start != q.span.start || !self.toks[open - 1].is_word() {
            return None;
        }
        let first = self.toks.iter().position(Tok::is_word)?;
        let from = self.toks[first].start;
        let cue_before = self.layout.cues.iter().any(|c| c.span.start >= from && c.span.start < q.span.start);
        let breaks = self.toks[first..open].iter().any(|t| matches!(t.kind, TokKind::Colon | TokKind::End) || t.is_quote());
        (!cue_before && !breaks).then_some(from)
    }

    /// Start of the content that ends before token `end`: the sentence
    /// start, after a conjunction that links the sentence to the one before
    /// ("And even when …, according to aides": the writer's link, not the
    /// source's words).
    pub(super) fn clause_start(&self, end: usize) -> usize {
        let opens_with_link = end > 1 && self.toks[0].is_word() && lower_eq(self.text(), &self.toks[0], &WORDS.sentence_links);
        let start = usize::from(opens_with_link).max(self.after_dateline(end));
        self.after_discourse_opener(start, end).unwrap_or(start)
    }

    /// "HALIFAX (Wire) - …", "ST. JOHN'S, May 4 (Wire) — …": the dateline
    /// opening an article is the paper's, not the source's. The token after
    /// its dash, or 0.
    pub(super) fn after_dateline(&self, end: usize) -> usize {
        // Most sentences open with a word not in capitals: no dateline.
        let opening = &self.toks[0];
        if opening.is_word() && self.text()[opening.range()].bytes().any(|b| b.is_ascii_lowercase()) {
            return 0;
        }
        let Some(dash) = self.toks[..end.min(12)].iter().position(|t| t.kind == TokKind::Dash) else { return 0 };
        if dash == 0 || dash + 1 >= end {
            return 0;
        }
        let text = self.text();
        let head = &text[self.toks[0].start..self.toks[dash].start];
        let head = match head.find('(') {
            Some(open) if head.trim_end().ends_with(')') => &head[..open],
            _ => head,
        };
        let (place, date) = head.split_once(',').unwrap_or((head, ""));
        let place_in_capitals = place.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !place.chars().any(|c| c.is_lowercase());
        // "RALEIGH, N.C. —": a state in capitals stands where a date may.
        let date_or_nothing = date.trim().is_empty() || date.chars().any(|c| c.is_ascii_digit()) || !date.chars().any(char::is_lowercase);
        if place_in_capitals && date_or_nothing {
            // "HALIFAX --": a dash may be written as two.
            (dash + 1..end).find(|&t| self.toks[t].kind != TokKind::Dash).unwrap_or(0)
        } else {
            0
        }
    }

    /// "Still, …", "In fact, …", "At the same time, …": a connective and
    /// its comma opening the clause tie it to the writer's argument; the
    /// token after the comma, where it is followed by more of the clause.
    fn after_discourse_opener(&self, from: usize, end: usize) -> Option<usize> {
        let comma = (from..end.min(from + 5)).find(|&t| !self.toks[t].is_word())?;
        if comma == from || comma + 1 >= end || self.toks[comma].kind != TokKind::Comma {
            return None;
        }
        // The phrase as the list spells it: words joined by "_".
        let mut key = [0u8; 32];
        let mut len = 0;
        for (n, tok) in self.toks[from..comma].iter().enumerate() {
            let word = self.text()[tok.range()].as_bytes();
            let sep = usize::from(n > 0);
            if len + sep + word.len() > key.len() {
                return None;
            }
            if sep == 1 {
                key[len] = b'_';
            }
            key[len + sep..len + sep + word.len()].copy_from_slice(word);
            len += sep + word.len();
        }
        WORDS.discourse_openers.holds_bytes(&key[..len]).then_some(comma + 1)
    }

    /// Quotations that carry on the same speaker's words: following sentences
    /// of the paragraph that are a quotation and hold no cue of their own.
    pub(super) fn follow_on_quotes(&self, pieces: &mut Vec<Range<usize>>) {
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
            if s.start < pos || text[pos..s.start].contains('\n') && !self.quote_paragraph_follows(pieces, pos, s.start) {
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

    /// "“…,” Ruiz told the council.¶“We will look again …”": a paragraph that
    /// opens with a quotation carries on a quotation that closed the
    /// paragraph before (PolNeAR joins them), when nothing but the paragraph
    /// break stands between them.
    fn quote_paragraph_follows(&self, pieces: &[Range<usize>], pos: usize, next: usize) -> bool {
        let text = self.text();
        let gap = &text[pos..next];
        let quoted = pieces.last().is_some_and(|r| {
            let piece = &text[r.clone()];
            piece.starts_with(['“', '"', '\'']) && piece.trim_end_matches(['”', '"', '\'']).ends_with(',')
        });
        quoted && gap.trim().is_empty() && gap.matches('\n').count() <= 2
    }

    /// Content from token `i` on: a quotation opening there (which may run
    /// past this sentence), or the clause to the end of the sentence or to
    /// the comma before the next cue.
    pub(super) fn content_after(&self, i: usize, next_cue: Option<usize>) -> Option<Vec<Range<usize>>> {
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
                if closes && q.span.end < sentence_end && self.speaker_follows(q.span.end) {
                    return None;
                }
                let mut pieces = if q.span.end >= sentence_end || self.rest_is_trivial(q.span.end) || closes && self.new_clause_at(q.span.end) {
                    vec![q.span.clone()]
                } else {
                    vec![q.span.start..self.trimmed_end(sentence_end)]
                };
                self.follow_on_quotes(&mut pieces);
                return Some(pieces);
            }
        }
        let mut clause = self.clause_from(i, next_cue)?;
        let sentence_end = self.trimmed_end(self.layout.sentences[self.index].end);
        if clause.end >= sentence_end {
            // "… that “not everyone can afford a car. That is why …”": a
            // quotation opened in the clause runs on past the sentence.
            let from = self.layout.quotes.partition_point(|q| q.span.start < clause.start);
            if let Some(q) = self.layout.quotes[from..].iter().take_while(|q| q.span.start < clause.end).find(|q| q.span.end > clause.end) {
                clause.end = q.span.end;
            }
        }
        let mut pieces = vec![clause];
        if pieces[0].end >= sentence_end {
            // "She says the rules should change. “It is their life.”"
            self.follow_on_quotes(&mut pieces);
        }
        Some(pieces)
    }

    /// "shouted, “Cruz,” Beck joked, …": a name or pronoun and a cue right
    /// after byte `at` start another speaker's report.
    fn speaker_follows(&self, at: usize) -> bool {
        let text = self.text();
        let t = self.tok_index(at);
        let n = self.toks.len();
        if t >= n || !(is_capitalised(text, &self.toks[t]) || lower_eq(text, &self.toks[t], &WORDS.pronouns)) {
            return false;
        }
        (t + 1..n.min(t + 5)).take_while(|&c| self.toks[c].is_word()).any(|c| self.layout.cues.iter().any(|cue| cue.span.start == self.toks[c].start))
    }

    /// Whether a new clause starts right after byte `at` ("… and said", ", adding").
    pub(super) fn new_clause_at(&self, at: usize) -> bool {
        let t = self.tok_index(at);
        let text = self.text();
        let mut t2 = t;
        while t2 < self.toks.len() && self.toks[t2].kind == TokKind::Comma {
            t2 += 1;
        }
        t2 < self.toks.len()
            && (lower_eq(text, &self.toks[t2], &WORDS.clause_links)
                || self.layout.cues.iter().any(|c| c.span.start == self.toks[t2].start))
    }

    pub(super) fn rest_is_trivial(&self, from: usize) -> bool {
        let sentence_end = self.layout.sentences[self.index].end;
        from >= sentence_end || self.text()[from..sentence_end].chars().all(|c| !c.is_alphanumeric())
    }

    pub(super) fn trimmed_end(&self, end: usize) -> usize {
        let head = &self.text()[..end];
        let trimmed = head.trim_end_matches(|c: char| c == '.' || c.is_whitespace());
        trimmed.len()
    }

    /// The clause from token `i` to the sentence end, or to the comma before
    /// a following participial cue.
    pub(super) fn clause_from(&self, i: usize, next_cue: Option<usize>) -> Option<Range<usize>> {
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
            while cj > i + 1 && lower_eq(self.text(), &self.toks[cj - 1], &WORDS.auxiliaries) {
                cj -= 1;
            }
            // "is acting unlawfully and showing disregard": an "-ing" cue
            // right after a bare "and" that follows the content's own
            // progressive verb goes on with that verb.
            let progressive = (i + 1..cj.saturating_sub(1)).any(|t| {
                self.text()[self.toks[t].range()].ends_with("ing") && lower_eq(self.text(), &self.toks[t - 1], &["is", "are", "was", "were", "be", "been"])
            });
            let continues = progressive
                && self.text()[self.toks[cj].range()].ends_with("ing")
                && lower_eq(self.text(), &self.toks[cj - 1], &["and"])
                && self.toks[cj - 2].kind != TokKind::Comma;
            if cj > i + 1 && !continues && lower_eq(self.text(), &self.toks[cj - 1], &["and", "but", "before", "after", "then", "while"]) {
                return Some(cj - 1);
            }
            // "… and others have said", "… but aides say", "… and one in
            // four said", "… while Lee suggests": another speaker's
            // statement, joined to this one.
            let subject = (cj.saturating_sub(5).max(i + 2)..cj).find(|&a| {
                lower_eq(self.text(), &self.toks[a - 1], &["and", "but", "while", "whereas"])
                    && (lower_eq(self.text(), &self.toks[a], &["he", "she", "they", "we", "i"]) || is_capitalised(self.text(), &self.toks[a]) || self.opens_share(a))
                    && (a..cj).all(|t| self.in_joined_subject(t))
            });
            subject.map(|a| a - 1)
        });
        if let Some(stop) = coordinated {
            end = end.min(stop);
        }
        // Stop before ", and other leaders said …", "; 29 percent (and most
        // owners) said …", ", riders who saw the vote said …": another
        // speaker's clause. PolNeAR marks no report inside another, so a
        // later cue with a subject of its own after a comma starts a report
        // of its own; ", which critics said …" or ", a claim that aides
        // said …" is one inside the content.
        let finite = self.layout.cues[from..].iter().take_while(|c| c.span.start < sentence_end).filter(|c| {
            c.form != CueForm::Participle && !inside_quote(self.layout.quotes, c.span.start)
        });
        for c in finite {
            let ci = self.tok_index(c.span.start);
            if ci >= end {
                break;
            }
            if let Some(comma) = (i + 1..ci).rev().find(|&t| matches!(self.toks[t].kind, TokKind::Comma | TokKind::Semicolon)) {
                let between = &self.toks[comma + 1..ci];
                let relative_first = between.first().is_some_and(|t| lower_eq(self.text(), t, &WORDS.relatives));
                let has_that = between.iter().any(|t| lower_eq(self.text(), t, &["that", "which", "whom", "whose"]));
                let subject_like = between.iter().all(|t| t.is_word() || t.is_quote() || t.kind == TokKind::Other && matches!(&self.text()[t.range()], "(" | ")"));
                if !relative_first && !has_that && between.len() <= 10 && subject_like {
                    end = comma;
                    break;
                }
            }
        }
        if let Some(stop) = self.second_predicate(i, end) {
            end = end.min(stop);
        }
        // ", which would …" comments on the content rather than continuing
        // it, unless the clause sits inside it ("the ruling, which …,
        // shows …": a verb follows its closing comma).
        let text = self.text();
        // ("the flag, which bears the old seal, is to come down": an
        // auxiliary is that verb as well.)
        let embedded = |t: usize| {
            (t + 1..end).find(|&c| self.toks[c].kind == TokKind::Comma).is_some_and(|c| {
                c + 1 < end && self.toks[c + 1].is_word() && (finite_verb_like(&text[self.toks[c + 1].range()]) || lower_eq(text, &self.toks[c + 1], &["is", "are", "was", "were", "will", "would", "has", "have", "had", "can", "could", "should", "may", "might", "must", "be"]))
            })
        };
        if let Some(c) = (i + 2..end).find(|&t| self.toks[t - 1].kind == TokKind::Comma && lower_eq(text, &self.toks[t], &["which"]) && !embedded(t)) {
            end = c - 1;
        }
        // "…, but she has bristled at …": a clause of its own after "but"
        // is the writer's account, not more of what was said.
        if let Some(c) = (i + 2..end.saturating_sub(2)).find(|&t| {
            self.toks[t].kind == TokKind::Comma && lower_eq(text, &self.toks[t + 1], &["but"]) && lower_eq(text, &self.toks[t + 2], &["he", "she", "they", "we", "i", "it"]) && !inside_quote(self.layout.quotes, self.toks[t].start)
        }) {
            end = c;
        }
        // "calling him a “nice guy” and he did not …": after a quoted
        // phrase, "and" with a subject pronoun starts the writer's next
        // clause.
        if let Some(c) = (i + 2..end.saturating_sub(2)).find(|&t| {
            self.toks[t - 1].kind == TokKind::CloseQuote && lower_eq(text, &self.toks[t], &["and"]) && lower_eq(text, &self.toks[t + 1], &["he", "she", "they", "we", "i", "it"])
        }) {
            end = c;
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

    /// "one in four", "nearly six in 10", "most": a word that opens a share
    /// of a group standing as a subject of its own.
    fn opens_share(&self, a: usize) -> bool {
        let (text, t) = (self.text(), &self.toks[a]);
        lower_eq(text, t, &WORDS.counts) || lower_eq(text, t, &WORDS.approximators) || lower_eq(text, t, &WORDS.quantifier_subjects)
    }

    /// Whether token `t` may stand in a short subject after "and" or "but":
    /// a word that does not end a noun phrase, "in" or "of" after a count
    /// ("one in four", "26 of them"), or "%".
    fn in_joined_subject(&self, t: usize) -> bool {
        let (text, tok) = (self.text(), &self.toks[t]);
        if tok.kind == TokKind::Other {
            return &text[tok.range()] == "%";
        }
        if !tok.is_word() {
            return false;
        }
        if !lower_eq(text, tok, &WORDS.left_stops) {
            return true;
        }
        t > 0 && lower_eq(text, tok, &["in", "of"]) && (lower_eq(text, &self.toks[t - 1], &WORDS.counts) || text[self.toks[t - 1].range()].starts_with(|c: char| c.is_ascii_digit()))
    }

    /// "praised the budget and voted against it", "thanked the crew but
    /// later left": where the content is an object with no verb of its own,
    /// "and" or "but" before a past verb starts the source's next act, not
    /// more of what was reported. The token where the content stops.
    fn second_predicate(&self, i: usize, end: usize) -> Option<usize> {
        let text = self.text();
        // Most contents hold no " and " nor " but ": one scan of the bytes
        // turns them away before any word is looked at.
        if end <= i + 2 {
            return None;
        }
        let span = &text.as_bytes()[self.toks[i].start..self.toks[end - 1].end];
        if SPACED_AND.find(span).is_none() && SPACED_BUT.find(span).is_none() {
            return None;
        }
        let past_verb = |t: usize| {
            let word = &text[self.toks[t].range()];
            word.starts_with(|c: char| c.is_ascii_lowercase()) && (word.ends_with("ed") && word.len() > 4 || WORDS.irregular.holds(word))
        };
        // The link first (rare), then the words before it (this runs for
        // every content after a verb).
        let link = (i + 1..end.saturating_sub(1)).find(|&t| {
            self.toks[t].end - self.toks[t].start == 3 && lower_eq(text, &self.toks[t], &["and", "but"]) && {
                let mut v = t + 1;
                if v + 1 < end && lower_eq(text, &self.toks[v], &WORDS.auxiliaries) {
                    v += 1; // "but later", "and then", "and has"
                }
                past_verb(v)
            }
        })?;
        // A clause of its own ("the pumps were tested and approved"), or a
        // break before the link: no object content. A quoted phrase closed
        // before the link is part of the object ("called the plan “a
        // disgrace” and left"): its words are not the source's verbs. (In a
        // clause opened by "that" the quotation holds the clause's verb.)
        if lower_eq(text, &self.toks[i], &["that"]) {
            return None;
        }
        let mut quoted = false;
        let own_clause = (i + 1..link).any(|t| {
            let tok = &self.toks[t];
            if tok.is_quote() {
                quoted = !quoted;
                return false;
            }
            !quoted && (!tok.is_word() && tok.kind != TokKind::Comma || tok.is_word() && (WORDS.clause_verbs.holds(&text[tok.range()]) || past_verb(t)))
        }) || quoted;
        if own_clause {
            return None;
        }
        Some(if self.toks[link - 1].kind == TokKind::Comma { link - 1 } else { link })
    }

    /// The clause before token `k` ("CONTENT, according to …").
    pub(super) fn clause_before(&self, k: usize) -> Option<Range<usize>> {
        let mut end = k;
        while end > 0 && matches!(self.toks[end - 1].kind, TokKind::Comma | TokKind::Dash) {
            end -= 1;
        }
        if end == 0 || !self.toks[..end].iter().any(Tok::is_word) {
            return None;
        }
        let start = self.clause_start(end);
        Some(self.toks[start].start..self.toks[end - 1].end)
    }

    /// Index after the last token before the next comma / end punctuation.
    pub(super) fn until_punct(&self, i: usize) -> usize {
        let mut m = i;
        while m < self.toks.len() && m < i + 20 && matches!(self.toks[m].kind, TokKind::Word | TokKind::Other | TokKind::Dash) {
            m += 1;
        }
        m
    }
}

/// "… called the plan “a disgrace,” while aides left the room": a clause
/// whose quoted phrase closes with a comma inside the marks and goes on for
/// a while after it ends there; what follows is the writer's.
pub(super) fn end_at_quoted_phrase(layout: &Layout, a: &mut Attribution) {
    let text = layout.text;
    let [piece] = a.content.as_mut_slice() else { return };
    if text[piece.clone()].starts_with(['“', '"', '\'']) {
        return;
    }
    let from = layout.quotes.partition_point(|q| q.span.start < piece.start);
    let inside = layout.quotes[from..].iter().take_while(|q| q.span.end <= piece.end).find(|q| {
        let quoted = text[q.span.clone()].trim_end_matches(['”', '"', '\'']);
        q.span.start > piece.start && quoted.ends_with(',') && text[q.span.end..piece.end].split_whitespace().count() >= 6 && !clause_goes_on_after_quote(text, piece, q)
    });
    if let Some(q) = inside {
        piece.end = q.span.end;
    }
}

/// "that while crews were “tired,” the pier stays open", "called it “a
/// mistake,” because the rules changed", "was “late,” “costly” and unsafe":
/// the clause around the quoted phrase goes on after its comma when the
/// content opened a fronted clause ("that while"), when another quotation
/// follows at once (a list), or when a word of `quote_continuations` does.
fn clause_goes_on_after_quote(text: &str, piece: &Range<usize>, q: &Quote) -> bool {
    let after = text[q.span.end..piece.end].trim_start();
    if after.starts_with(['“', '"', '\'']) {
        return true;
    }
    let first_word = |s: &str| s.split(|c: char| !(c.is_alphanumeric() || c == '’' || c == '\'')).next().unwrap_or("").to_string();
    if WORDS.quote_continuations.holds(&first_word(after)) {
        return true;
    }
    let mut words = text[piece.start..q.span.start].split_whitespace();
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("that")) && words.next().is_some_and(|w| WORDS.fronted_clause_openers.holds(w))
}

/// "praised the crews in an interview with the Gazette", "…, on Twitter":
/// a phrase closing a content that says where or how it was said (a
/// preposition, at most three words, a noun of `medium_nouns`, and at most
/// seven words in all) is the writer's account of the occasion; the
/// content ends before it. Not inside or after a quotation.
pub(super) fn end_before_medium(layout: &Layout, a: &mut Attribution) {
    const MAX_WORDS: usize = 7;
    let text = layout.text;
    let Some(piece) = a.content.last_mut() else { return };
    let span = &text[piece.clone()];
    if span.starts_with(['“', '"', '\'']) {
        return;
    }
    // The last words of the piece, last first, as byte ranges, back to a
    // quotation mark at most: the words of a quotation are the source's.
    // (A fixed array: this runs for every statement.)
    let mut words = [(0usize, 0usize); MAX_WORDS + 1];
    let mut count = 0;
    let mut end = span.len();
    let mut whole = true;
    for (at, c) in span.char_indices().rev() {
        if matches!(c, '”' | '“' | '"') {
            whole = false;
            break;
        }
        if !(c.is_alphanumeric() || matches!(c, '’' | '\'' | '-' | '.')) {
            if end > at + c.len_utf8() {
                words[count] = (at + c.len_utf8(), end);
                count += 1;
                if count > MAX_WORDS {
                    whole = false;
                    break;
                }
            }
            end = at;
        }
    }
    if whole && end > 0 {
        words[count] = (0, end);
        count += 1;
    }
    let word = |r: &(usize, usize)| &span[r.0..r.1];
    // From the phrase furthest from the end (the longest tail) inward.
    for p in (1..count.min(MAX_WORDS)).rev() {
        if !WORDS.medium_prepositions.holds(word(&words[p])) {
            continue;
        }
        // The noun heads the phrase: nothing follows it but when, or who
        // it was with or to ("in a tweet Sunday", "in an interview with the
        // Gazette"), not more of a noun phrase ("on an email server") nor a
        // verb ("in the tweet are wrong").
        // (The first noun after the preposition, before any other link:
        // "on the ramp before the rally" is no occasion.)
        let head = (p.saturating_sub(5)..p)
            .rev()
            .take_while(|&w| !WORDS.medium_links.holds(word(&words[w])) && !WORDS.medium_prepositions.holds(word(&words[w])))
            .find(|&w| WORDS.medium_nouns.holds(word(&words[w]).trim_end_matches('.')));
        let heads = head.is_some_and(|w| w == 0 || WORDS.time_words.holds(word(&words[w - 1])) || WORDS.medium_links.holds(word(&words[w - 1])));
        // "in a tweet", "on Twitter"; not "in political speech".
        let determined = head.is_some_and(|w| WORDS.medium_names.holds(word(&words[w]).trim_end_matches('.')) || WORDS.noun_determiners.holds(word(&words[p - 1])));
        let heads = heads && determined;
        if heads {
            let cut = span[..words[p].0].trim_end_matches([' ', ',', '\n']).len();
            if span[..cut].chars().any(char::is_alphanumeric) {
                piece.end = piece.start + cut;
            }
            return;
        }
    }
}

/// "endorsed Ortiz in November", "announced his support on Thursday
/// night", "rejected the offer Tuesday": after an object with no verb of
/// its own, a phrase of time closing the content says when the source
/// spoke, not what was said; the content ends before it. Not after a
/// clause ("said the pier opens in May"), nor in a content holding a
/// quotation.
pub(super) fn end_before_time_phrase(layout: &Layout, a: &mut Attribution) {
    const MAX_OBJECT_WORDS: usize = 10;
    let text = layout.text;
    let [piece] = a.content.as_mut_slice() else { return };
    // ("a memo urging a strike in May": a participle's object names the
    // act urged, and its time with it.)
    if piece.start < a.cue.end || text[a.cue.clone()].ends_with("ing") {
        return;
    }
    let span = &text[piece.clone()];
    // The first words of the piece as byte ranges, punctuation trimmed.
    // (A fixed array: this runs for every statement.)
    let mut words = [(0usize, 0usize); MAX_OBJECT_WORDS + 2];
    let mut count = 0;
    let mut truncated = false;
    for (at, word) in span.split(' ').scan(0, |pos, w| {
        let at = *pos;
        *pos += w.len() + 1;
        Some((at, w))
    }) {
        let trimmed = word.trim_end_matches([',', '.', ';', ':']);
        if trimmed.is_empty() {
            continue;
        }
        words[count] = (at, at + trimmed.len());
        count += 1;
        if count == words.len() {
            truncated = true; // more words may follow: no phrase closes it
            break;
        }
    }
    let word = |w: usize| &span[words[w].0..words[w].1];
    if count < 2 || WORDS.clause_openers.holds(word(0)) {
        return;
    }
    let capitalised = |w: usize| word(w).starts_with(|c: char| c.is_ascii_uppercase());
    let day = |w: usize| w < count && capitalised(w) && WORDS.spoken_days.holds(word(w));
    let when = |w: usize| {
        let next = w + 1;
        // (Compared ignoring case, with no lowered copy of each word.)
        if word(w).eq_ignore_ascii_case("on") {
            day(next)
        } else if word(w).eq_ignore_ascii_case("in") {
            next < count && (capitalised(next) && WORDS.spoken_months.holds(word(next)) || is_year(word(next)))
        } else {
            day(w) || WORDS.spoken_span_openers.holds(word(w)) && next < count && (WORDS.spoken_spans.holds(word(next)) || day(next))
        }
    };
    // A verb of its own ("raised $2 million in May", "is due in May", "the
    // board to vote in May", "a plan that ends in May"): the time is part
    // of what was said.
    let verbal = |w: usize| {
        let word = word(w);
        WORDS.clause_verbs.holds(word) || WORDS.clause_openers.holds(word) || word.ends_with("n’t") || word.ends_with("n't") || word.starts_with(|c: char| c.is_ascii_lowercase()) && (word.ends_with("ed") || word.ends_with("ing"))
    };
    // Only a phrase closing the content: words after it ("in June and
    // ending in May") make it part of a longer description.
    // ("in 2008 and 2012": a second year closes it too.)
    let closes = |p: usize| {
        p + 2 == count || p + 1 == count || p + 3 == count && WORDS.time_words.holds(word(p + 2)) || p + 4 == count && word(p + 2) == "and" && is_year(word(p + 3))
    };
    for p in 1..count.min(MAX_OBJECT_WORDS + 1) {
        if verbal(p - 1) {
            return;
        }
        if when(p) && !truncated && closes(p) && !span.contains(['“', '”', '"']) {
            let cut = span[..words[p].0].trim_end_matches([' ', ',', '\n']).len();
            piece.end = piece.start + cut;
            return;
        }
    }
}

/// "2015", "1998": a year a phrase of time names.
fn is_year(word: &str) -> bool {
    word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) && (word.starts_with("19") || word.starts_with("20"))
}

/// "said of the plan, “…”", "shot back at the mayor, “…”", "said last
/// week on the radio, “…”": a few words between the cue and a quotation,
/// closed by a comma, say to whom or when; the quotation is what was said.
/// Not where the words open a clause ("that, “…”", "she was thinking,
/// “…”").
pub(super) fn start_at_quotation(layout: &Layout, a: &mut Attribution) {
    let text = layout.text;
    let Some(piece) = a.content.first_mut() else { return };
    if piece.start < a.cue.end || text[piece.clone()].starts_with(['“', '"', '\'']) {
        return;
    }
    let from = layout.quotes.partition_point(|q| q.span.start < piece.start);
    let Some(q) = layout.quotes.get(from).filter(|q| q.span.start < piece.end && q.span.start - piece.start < 80) else { return };
    let head = &text[piece.start..q.span.start];
    let Some(words) = head.trim_end().strip_suffix(',') else { return };
    let mut count = 0;
    for (n, word) in words.split_whitespace().enumerate() {
        let opens_clause = n == 0 && ["that", "he", "she", "they", "i", "we", "it"].iter().any(|w| word.eq_ignore_ascii_case(w));
        if opens_clause || !word.chars().all(|c| c.is_alphanumeric() || matches!(c, '’' | '\'' | '.' | '-')) {
            return;
        }
        count += 1;
    }
    if (1..=6).contains(&count) {
        piece.start = q.span.start;
    }
}

/// "“Is it safe?” Holm asked reporters at the pier.": the splitter ends a
/// sentence at a question or exclamation closing a quotation, so the words
/// after it (the source and its cue) are the next sentence; that
/// sentence's index, when it follows with only a space between. Only for
/// a quotation that opens its own sentence: one after "she replied, …" or
/// "Her reply was:" has its speaker before it. (After a full stop the
/// quotation is a sentence of its own.)
pub(super) fn sentence_after_closing_question(layout: &Layout, q: &Quote) -> Option<usize> {
    let text = layout.text;
    if !text[q.span.clone()].trim_end_matches(['”', '"', '\'']).ends_with(['?', '!']) {
        return None;
    }
    let own = layout.sentences.partition_point(|s| s.end <= q.span.start);
    if !text.get(layout.sentences.get(own)?.start..q.span.start)?.trim().is_empty() {
        return None;
    }
    let next = layout.sentences.partition_point(|s| s.start < q.span.end);
    let gap = &text[q.span.end..layout.sentences.get(next)?.start];
    (!gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\t')).then_some(next)
}

/// Whether the quotation's words end with punctuation inside the marks
/// ("…,”", "…!”"): then it is a whole utterance, not a phrase in a clause.
pub(super) fn q_closes_with_punctuation(text: &str, q: &Quote) -> bool {
    // ("…,“": an opening mark typed to close.)
    let inner = text[q.span.clone()].trim_end_matches(['”', '“', '"', '\'', ' ']);
    inner.ends_with([',', '.', '!', '?', ';', '…'])
}

/// "When Vance said the port would sue, Holm fired back: “…”", "She called
/// the plan strong, to which Oster replied: “…”": a report does not run on
/// into the next clause when that clause brings in a quotation with a
/// colon; the quotation is that clause's, and the report ends at the comma
/// before it.
pub(super) fn end_before_colon_quote(layout: &Layout, a: &mut Attribution) {
    const MAX_WORDS: usize = 12;
    let text = layout.text;
    let [piece] = a.content.as_mut_slice() else { return };
    if text[piece.clone()].starts_with(['“', '"', '\'']) {
        return;
    }
    let from = layout.quotes.partition_point(|q| q.span.start <= piece.start);
    for q in layout.quotes[from..].iter().take_while(|q| q.span.start < piece.end) {
        let Some(clause) = text[piece.start..q.span.start].trim_end().strip_suffix(':') else { continue };
        let Some(comma) = clause.rfind(", ") else { return };
        let mut words = clause[comma + 2..].split_whitespace().peekable();
        // "…, followed swiftly by: “…”": a participle goes on with the
        // report's own clause; only a clause with a subject of its own
        // ends it.
        let participle = words.peek().is_some_and(|w| finite_verb_like(w) || w.ends_with("ing"));
        let (count, verb) = words.fold((0, false), |(n, v), w| (n + 1, v || finite_verb_like(w)));
        if comma > 0 && (2..=MAX_WORDS).contains(&count) && verb && !participle {
            piece.end = piece.start + comma;
        }
        return;
    }
}

/// "“…,” Vance said on “Meet the Crews.”", "“…,” Holm told “Harbor Today,”
/// reminding …": a programme's title after the cue says where the words
/// were said, not what: as a piece of a content that holds more, or as the
/// content of a second statement on the same cue, it goes.
pub(super) fn drop_quoted_titles(text: &str, out: &mut Vec<Attribution>) {
    // Right after the cue (and a listener or a preposition): a short
    // quotation before the cue or in another sentence is speech ("“Okay,”
    // I said. “…”").
    let title_after_cue = |cue: &Range<usize>, r: &Range<usize>| {
        r.start >= cue.end && r.start - cue.end <= 40 && !text[cue.end..r.start].contains(['.', '!', '?', '“', '”', '"', '\n']) && quoted_title(text, r)
    };
    if !out.iter().any(|a| a.content.iter().any(|r| title_after_cue(&a.cue, r))) {
        return;
    }
    for a in out.iter_mut() {
        let cue = a.cue.clone();
        if a.content.len() > 1 && a.content.iter().any(|r| !title_after_cue(&cue, r)) {
            a.content.retain(|r| !title_after_cue(&cue, r));
        }
    }
    let twins: Vec<bool> = out
        .iter()
        .map(|a| a.content.len() == 1 && title_after_cue(&a.cue, &a.content[0]) && out.iter().any(|b| b.cue == a.cue && b.content != a.content))
        .collect();
    let mut i = 0;
    out.retain(|_| {
        i += 1;
        !twins[i - 1]
    });
}

/// `on ABC’s “This Week.”`, `“Fox and Friends,”`: at most a preposition and
/// a name in the possessive, then a quotation of one to five words in title case.
fn quoted_title(text: &str, piece: &Range<usize>) -> bool {
    // Four words of lead and five of title fit in far fewer bytes: a
    // longer piece is speech, and is not scanned for its quotation marks.
    if piece.len() > 200 {
        return false;
    }
    let span = text[piece.clone()].trim_end_matches([',', '.', ' ']);
    let Some(open) = span.find(['“', '"']) else { return false };
    let lead = &span[..open];
    let mark = if span[open..].starts_with('“') { '“'.len_utf8() } else { 1 };
    let Some(inner) = span[open + mark..].strip_suffix(['”', '"']) else { return false };
    // ("on Dock Radio’s": a name ends with its possessive.)
    let named = lead.split_whitespace().rfind(|w| !matches!(*w, "on" | "to" | "with")).is_none_or(|w| w.ends_with("’s") || w.ends_with("'s"));
    let lead_ok = named && lead.split_whitespace().count() <= 4 && lead.split_whitespace().all(|w| matches!(w, "on" | "to" | "with") || w.starts_with(char::is_uppercase));
    let inner = inner.trim_end_matches([',', '.']);
    let words: Vec<&str> = inner.split_whitespace().collect();
    lead_ok
        && (1..=5).contains(&words.len())
        && !inner.contains(['“', '”', '"', '!', '?'])
        && words[0].starts_with(char::is_uppercase)
        && words.iter().all(|w| w.starts_with(char::is_uppercase) || matches!(*w, "the" | "of" | "and" | "a" | "on" | "in" | "for"))
}
