//! Who speaks: the source as written before or after a cue (names,
//! pronouns, appositives, subjects of a clause).

use super::super::tokens::TokKind;
use super::word_lists::WORDS;
use super::{finite_verb_like, is_capitalised, is_manner_adverb, looks_verbal, lower_eq, SentenceRules};
use std::ops::Range;

/// How many tokens before a cue the "who" of a relative clause that ends
/// there may stand: a short verb phrase ("who have fought spam").
const RELATIVE_REACH: usize = 12;

/// How many tokens a relative clause set off by commas may run between a
/// name and the comma before its cue.
const RELATIVE_CLAUSE_REACH: usize = 30;

#[cfg(test)]
#[path = "source_tests.rs"]
mod tests;

impl SentenceRules<'_> {
    /// The source as written just before token `j` (exclusive).
    pub(super) fn source_left(&self, j: usize) -> Option<Range<usize>> {
        let text = self.text();
        if j == 0 {
            return None;
        }
        let before_fillers = self.before_verb_fillers(j);
        if before_fillers < j {
            // "Reed would only say", "critics have in fact noted": the
            // source stands before the auxiliary, not in the filler.
            return self.source_left(before_fillers);
        }
        let prev = &self.toks[j - 1];
        if j >= 3 && lower_eq(text, prev, &["far"]) && lower_eq(text, &self.toks[j - 2], &["so"]) {
            // "Trump so far has not attacked": the time stands between the
            // subject and its verb.
            return self.source_left(j - 2);
        }
        if text[prev.range()] == *")" {
            // "Rep. Earl Blumenauer (D-Ore.) said": the name before the brackets.
            let open = (0..j - 1).rev().take(8).find(|&t| &text[self.toks[t].range()] == "(")?;
            let start = self.np_left(open);
            return (start < open).then(|| self.toks[start].start..prev.end);
        }
        if prev.kind == TokKind::Comma && j >= 2 && text[self.toks[j - 2].range()] == *")" {
            // "Sen. Ann Roe (D-Ill.), said": the name before the brackets.
            if let Some(source) = self.source_left(j - 1) {
                return Some(source);
            }
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
                if let Some(maker) = self.maker_of_object(start, j - 1) {
                    return Some(maker);
                }
                return Some(self.toks[start].start..self.toks[j - 2].end);
            }
        }
        if lower_eq(text, prev, &WORDS.pronouns) || lower_eq(text, prev, &WORDS.relatives) {
            return Some(prev.range());
        }
        let start = self.np_left(j);
        if start == j {
            return None;
        }
        if let Some(p) = self.setting_before(j) {
            if let Some(name) = self.name_before_setting(p) {
                return Some(name);
            }
            if lower_eq(text, &self.toks[p - 1], &["and", "but"]) {
                // "… but in a later interview said": the first verb's
                // subject, which the rule of the verb takes.
                return None;
            }
        }
        if let Some(subject) = self.subject_before_who(start, j) {
            return Some(subject);
        }
        let start = self.head_before_place(start, j);
        Some(self.toks[start].start..prev.end)
    }

    /// "Ruiz released an ad that says …", "Roe is running a video that
    /// urges …": the words before "that" (from `start` to `that`) hold a
    /// verb and its object; the object is the verb's subject's work, and
    /// PolNeAR marks that subject as the source. None where no verb with a
    /// determiner after it stands in the words.
    fn maker_of_object(&self, start: usize, that: usize) -> Option<Range<usize>> {
        let text = self.text();
        let verb = (start..that.saturating_sub(1)).find(|&v| {
            let word = &text[self.toks[v].range()];
            let after_auxiliary = v > 0 && lower_eq(text, &self.toks[v - 1], &WORDS.auxiliaries);
            let verbal = finite_verb_like(word) || word.ends_with("ing") && after_auxiliary;
            verbal && !lower_eq(text, &self.toks[v], &WORDS.left_stops) && lower_eq(text, &self.toks[v + 1], &WORDS.noun_determiners)
        })?;
        if verb > start {
            // "Ann Roe released a video": the subject stands in the words.
            let named = self.toks[start..verb].iter().all(|t| t.is_word() && is_capitalised(text, t));
            return named.then(|| self.toks[start].start..self.toks[verb - 1].end);
        }
        // "Roe is releasing", "the Post recently ran": the subject stands
        // before the auxiliaries and adverbs.
        let mut b = verb;
        while b > 0 && (lower_eq(text, &self.toks[b - 1], &WORDS.auxiliaries) || is_manner_adverb(text, &self.toks[b - 1]) || lower_eq(text, &self.toks[b - 1], &["also", "recently", "just", "now", "then", "still", "already", "once"])) {
            b -= 1;
        }
        let source = self.source_left(b)?;
        let first = &self.toks[self.tok_index(source.start)];
        (lower_eq(text, first, &WORDS.pronouns) || is_capitalised(text, first)).then_some(source)
    }

    /// "Officials who spoke with the Post said", "people who have fought
    /// spam say": the words before the cue end a relative clause, and the
    /// noun phrase the "who" follows is the source (a name before an age or
    /// description: "Ada Voss, 22, who helped found it"). Not where a name
    /// or pronoun follows the "who" ("the man who Trump said was"): that is
    /// the source of its own clause.
    fn subject_before_who(&self, start: usize, cue: usize) -> Option<Range<usize>> {
        let text = self.text();
        let who = (start.saturating_sub(RELATIVE_REACH)..start).rev().find(|&w| lower_eq(text, &self.toks[w], &["who"]))?;
        let after = &self.toks[who + 1];
        // "who many feel need", "who the paper said was": a subject of its
        // own after the "who"; "who has less credit than aides say": a
        // clause of its own before the cue.
        let own_subject = is_capitalised(text, after)
            || lower_eq(text, after, &WORDS.pronouns)
            || lower_eq(text, after, &["the", "a", "an", "his", "her", "their", "its", "many", "some", "most", "few", "others", "all", "several"]);
        let own_clause = || self.toks[who + 1..start].iter().any(|t| !t.is_word() || lower_eq(text, t, &["than", "that", "because", "if", "when", "while", "although", "though", "since", "whether", "where"]));
        if who == 0 || own_subject || own_clause() {
            return None;
        }
        let before = &self.toks[who - 1];
        let (head, end) = if before.kind == TokKind::Comma {
            let head = self.np_left(who - 1);
            (self.name_before_description(head), who - 1)
        } else if before.is_word() {
            let head = self.np_left(who);
            // "those who back her say": a pronoun alone names no one; its
            // relative clause says who.
            let end = if head + 1 == who && lower_eq(text, before, &["those", "some", "many", "others", "few", "most", "all", "one", "anyone", "everyone"]) { cue } else { who };
            (head, end)
        } else {
            return None;
        };
        (head < end).then(|| self.toks[head].start..self.toks[end - 1].end)
    }

    /// "Ann Roe, whose boat, the Gull, sank in May, said", "Ruiz, who
    /// worked in Dayton, Ohio, for years, said": a relative clause with
    /// commas of its own stands between the name and the comma `close`
    /// before the cue; the name before ", who" is the source (the last
    /// comma pair alone would be a piece of the clause).
    fn name_before_long_relative(&self, close: usize) -> Option<Range<usize>> {
        let text = self.text();
        let from = close.saturating_sub(RELATIVE_CLAUSE_REACH);
        let who = (from..close).rev().find(|&w| lower_eq(text, &self.toks[w], &["who", "whose"]) && w >= 2 && self.toks[w - 1].kind == TokKind::Comma)?;
        let clause = &self.toks[who + 1..close];
        let commas_inside = clause.iter().any(|t| t.kind == TokKind::Comma);
        // A quotation or a sentence end inside is another clause's business.
        let breaks = clause.iter().any(|t| t.is_quote() || matches!(t.kind, TokKind::Colon | TokKind::Semicolon | TokKind::Dash));
        if !commas_inside || breaks || clause.len() < 2 {
            return None;
        }
        let end = who - 1;
        let head = self.name_before_description(self.np_left(end));
        let named = head < end && is_capitalised(text, &self.toks[head]) && !lower_eq(text, &self.toks[head], &WORDS.left_stops);
        named.then(|| self.toks[head].start..self.toks[end - 1].end)
    }

    /// "in a later interview", "on the radio", "in general": where a phrase
    /// opening in lower case ends before token `j` and follows "in" or
    /// "on", the index of that preposition. The phrase says where or how
    /// something was said, not who said it.
    pub(super) fn setting_before(&self, j: usize) -> Option<usize> {
        let text = self.text();
        let start = self.np_left(j);
        let p = start.checked_sub(1)?;
        let lower = start < j && text[self.toks[start].range()].starts_with(|c: char| c.is_ascii_lowercase());
        (p > 0 && lower && lower_eq(text, &self.toks[p], &["in", "on"]) && !is_capitalised(text, &self.toks[p])).then_some(p)
    }

    /// "Ann Roe in a blog post said", "Britain and France in particular
    /// feared": a name that opens its clause before the preposition `p` of
    /// such a phrase is the subject.
    fn name_before_setting(&self, p: usize) -> Option<Range<usize>> {
        let text = self.text();
        let head = self.np_left(p);
        if head == p || !is_capitalised(text, &self.toks[head]) || !is_capitalised(text, &self.toks[p - 1]) {
            return None;
        }
        let named = self.toks[head..p].iter().all(|t| t.is_word() && (is_capitalised(text, t) || lower_eq(text, t, &["and", "of", "for"])));
        let opens_clause = head == 0
            || !self.toks[head - 1].is_word()
            || lower_eq(text, &self.toks[head - 1], &["and", "but", "while", "when", "as", "that", "because", "after", "since", "although", "though", "then", "so"]);
        (named && opens_clause && !lower_eq(text, &self.toks[head], &WORDS.not_speakers)).then(|| self.toks[head].start..self.toks[p - 1].end)
    }

    /// "Polls in New Hampshire show", "the regime in Damascus says": a
    /// place in capitals after "in", "of" or "from" is where the source is,
    /// not the source; the noun phrase before the preposition starts it.
    /// Else `start`.
    fn head_before_place(&self, start: usize, end: usize) -> usize {
        let text = self.text();
        let place = self.toks[start..end].iter().all(|t| t.is_word() && is_capitalised(text, t)) && !text[self.toks[end - 1].range()].ends_with(['s', '\'', '’']);
        if !place {
            return start;
        }
        let s = start;
        if s < 2 || !self.is_place_preposition(s - 1) {
            return start;
        }
        let head = self.np_left(s - 1);
        let named = head < s - 1 && !self.toks[head..s - 1].iter().all(|t| lower_eq(text, t, &WORDS.time_words));
        if named {
            head
        } else {
            start
        }
    }

    fn is_place_preposition(&self, i: usize) -> bool {
        let tok = &self.toks[i];
        lower_eq(self.text(), tok, &["in", "of", "from"]) && !is_capitalised(self.text(), tok)
    }

    /// Where a run of auxiliaries and fillers (data/verb_fillers.txt) ends
    /// before token `j`, when at least one filler stands in it and an
    /// auxiliary before the fillers ("would only", "has in the past");
    /// else `j`.
    fn before_verb_fillers(&self, j: usize) -> usize {
        let text = self.text();
        let mut b = j;
        let mut filler = false;
        // "has in the past said": a caller that stepped back over the time
        // word "past" stands inside the phrase.
        if let Some(len) = self.filler_ending_at(j + 1).filter(|&len| len >= 2) {
            b = j + 1 - len;
            filler = true;
        }
        loop {
            if let Some(len) = self.filler_ending_at(b) {
                b -= len;
                filler = true;
            } else if filler && b > 0 && lower_eq(text, &self.toks[b - 1], &WORDS.auxiliaries) && !lower_eq(text, &self.toks[b - 1], &["told", "all"]) {
                b -= 1;
            } else {
                break;
            }
        }
        let after_auxiliary = b < j && lower_eq(text, &self.toks[b], &WORDS.auxiliaries);
        if filler && after_auxiliary && b > 0 {
            b
        } else {
            j
        }
    }

    /// The token count of a filler phrase ending just before token `b`.
    fn filler_ending_at(&self, b: usize) -> Option<usize> {
        let text = self.text();
        let last = self.toks.get(b.checked_sub(1)?)?;
        let last_word = &text[last.range()];
        if !last.is_word() || !last_word.starts_with(|c: char| c.is_ascii_lowercase()) {
            return None;
        }
        VERB_FILLERS.iter().find_map(|words| {
            let len = words.len();
            // The last word first: it rules out nearly every phrase.
            let fits = b >= len
                && words[len - 1].eq_ignore_ascii_case(last_word)
                && words.iter().zip(&self.toks[b - len..b]).all(|(w, tok)| tok.is_word() && text[tok.range()].eq_ignore_ascii_case(w));
            fits.then_some(len)
        })
    }

    /// "NAME, a Utah senator, said" / "NAME, who …, said": the name (with an
    /// appositive, as PolNeAR marks it; without a relative clause).
    pub(super) fn appositive_source(&self, close: usize) -> Option<Range<usize>> {
        let text = self.text();
        let mark = self.toks[close].kind;
        // "--" is two tokens: work with the first mark of each group.
        let mut close_first = close;
        while close_first > 0 && self.toks[close_first - 1].kind == mark {
            close_first -= 1;
        }
        if mark == TokKind::Comma {
            if let Some(name) = self.name_before_long_relative(close) {
                return Some(name);
            }
        }
        let mut inner_start = close_first;
        while inner_start > 0 && self.toks[inner_start - 1].kind != mark {
            let tok = &self.toks[inner_start - 1];
            // "McConnell, R-Ky., said": an abbreviation's period is no end.
            // "the No. 2 Republican", "Jr.": a sentence ends at no period
            // inside it, so one after a short capitalised word abbreviates.
            let short_word_before = inner_start >= 2 && {
                let word = &text[self.toks[inner_start - 2].range()];
                word.len() <= 4 && word.starts_with(char::is_uppercase)
            };
            let abbreviation = tok.kind == TokKind::End && (text[tok.end..].starts_with(',') || short_word_before);
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
            && lower_eq(text, first, &WORDS.adverb_asides);
        let verbal_aside = adverb_aside || first_word.ends_with("ing") || first_word.ends_with("ed");
        if verbal_aside && !adverb_aside {
            // "…, forcing her to fight on, said Bo Lind": the source follows.
            // ("…, speaking to reporters, called the plan a mistake": a verb
            // that does not invert takes an object there.)
            let inverts = self.toks.get(close + 1).is_some_and(|t| lower_eq(text, t, &WORDS.inverts_after_clause));
            let after_cue = self.toks.get(close + 2);
            // ("…, appearing on TV, said Roe failed to act": a name with a
            // verb of its own after it is what was said, not who said it.)
            let names_end = (close + 2..self.toks.len()).find(|&t| !(self.toks[t].is_word() && is_capitalised(text, &self.toks[t]))).unwrap_or(self.toks.len());
            let clause_after = names_end > close + 2
                && self.toks.get(names_end).is_some_and(|t| t.is_word() && !lower_eq(text, t, &WORDS.left_stops) && text[t.range()].ends_with("ed"));
            if inverts && !clause_after && after_cue.is_some_and(|t| is_capitalised(text, t) || lower_eq(text, t, &["the", "a", "an"])) {
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
        let start = if mark == TokKind::Comma { self.name_before_place(start).unwrap_or(start) } else { start };
        if start > 0 && lower_eq(text, &self.toks[start - 1], &["in", "at", "from", "of", "near", "outside"]) && is_capitalised(text, &self.toks[start]) {
            // "Ruiz, speaking in Tulsa, Okla., warned", "Lee Park, 40, of
            // Dayton, Ohio, said": a place, not the source; the source opens
            // the clause.
            return self.subject(close + 1);
        }
        if let Some(outer) = self.chain_opening_name(mark, start) {
            return Some(self.toks[outer].start..self.toks[close].end);
        }
        // "Ann Roe, 40, a nurse, said", "Ann Roe, a nurse from Lima, Ohio,
        // said"; not "the chief, Paul Ruiz, said", where the name follows.
        let place_goes_on = open_first >= 2 && lower_eq(text, &self.toks[open_first - 2], &["in", "from", "of", "near"]);
        let described = !is_capitalised(text, first) || first_word.bytes().all(|b| b.is_ascii_digit());
        // "Ann Roe, the editor in chief of the paper, La Voce, said": a
        // description a stop word cut short ("in") runs back to its comma.
        let cut_short = start > 0 && self.toks[start - 1].is_word() && !is_capitalised(text, &self.toks[start]) && !lower_eq(text, &self.toks[start], &["the", "a", "an"]);
        let start = if mark == TokKind::Comma && cut_short { self.description_start(start) } else { start };
        let start = if mark == TokKind::Comma && (described || place_goes_on || cut_short) { self.name_before_description(start) } else { start };
        if verbal_aside || lower_eq(text, first, &["who", "which", "whose"]) || mark == TokKind::Dash {
            Some(self.toks[start].start..self.toks[open_first - 1].end)
        } else if first.is_word() && (!lower_eq(text, first, &WORDS.clause_links) || self.age_then(inner_start)) && !lower_eq(text, first, &["that", "according"]) {
            Some(self.toks[start].start..self.toks[close].end)
        } else {
            None
        }
    }

    /// "Ann Roe, a pollster who works with Harlow First, a pro-Voss
    /// group, said": the name before this appositive (at `start`) follows a
    /// lower-case word, an object inside an earlier description; the
    /// source is the name that opens the chain, before the comma that opens
    /// that description. Its first token, if so.
    fn chain_opening_name(&self, mark: TokKind, start: usize) -> Option<usize> {
        let text = self.text();
        let before = self.toks.get(start.checked_sub(1)?)?;
        if mark != TokKind::Comma || !before.is_word() || is_capitalised(text, before) || lower_eq(text, before, &["and", "or"]) {
            return None;
        }
        let mut c = start - 1;
        while c > 0 && self.toks[c].kind != TokKind::Comma {
            if self.toks[c].kind == TokKind::End || self.toks[c].is_quote() || start - c > RELATIVE_REACH * 2 {
                return None;
            }
            c -= 1;
        }
        let opens_description = self.toks.get(c + 1).is_some_and(|t| lower_eq(text, t, &["a", "an", "the"]));
        if c == 0 || !opens_description {
            return None;
        }
        let outer = self.np_left(c);
        (outer < c && is_capitalised(text, &self.toks[outer])).then_some(outer)
    }

    /// "Sperling, then 38, said": "then" before an age describes the name;
    /// elsewhere ("…, then said") it links two clauses.
    fn age_then(&self, i: usize) -> bool {
        let text = self.text();
        lower_eq(text, &self.toks[i], &["then"]) && self.toks.get(i + 1).is_some_and(|t| t.is_word() && text[t.range()].bytes().all(|b| b.is_ascii_digit()))
    }

    /// "Tom Quill, 30, of Dayton, Ohio, who …, said": a state or country at
    /// `start` that ends a home town ("of Dayton, Ohio") describes the name
    /// before the town, with an age between or not; that name starts the
    /// source. `None` where `start` ends no such place.
    fn name_before_place(&self, start: usize) -> Option<usize> {
        let text = self.text();
        if start < 4 || self.toks[start - 1].kind != TokKind::Comma || !is_capitalised(text, &self.toks[start]) {
            return None;
        }
        // "of Dayton" alone, or "Ada Lind of Lima", which a noun phrase
        // takes in whole.
        let town = self.np_left(start - 1);
        if town == start - 1 || town == 0 {
            return None;
        }
        let preposition = (town - 1..start - 2).rev().find(|&p| self.is_place_preposition(p) && is_capitalised(text, &self.toks[p + 1]))?;
        let end = if preposition > 0 && self.toks[preposition - 1].kind == TokKind::Comma { preposition - 1 } else { preposition };
        let name = self.np_left(end);
        if name == end {
            return None;
        }
        let name = self.name_before_description(name);
        let named = text[self.toks[name].range()].starts_with(char::is_uppercase);
        named.then_some(name)
    }

    /// The first word of a description that a stop word cut short at
    /// `start` ("chief" of "the editor in chief"): the article or
    /// determiner after the comma before it, within a few lower-case words;
    /// else `start`.
    fn description_start(&self, start: usize) -> usize {
        let text = self.text();
        let mut i = start;
        // (Never back over a relative: "a country that the nominee" is two.)
        while i > 1 && start - i < 8 && self.toks[i - 1].is_word() && !is_capitalised(text, &self.toks[i - 1]) && !lower_eq(text, &self.toks[i - 1], &WORDS.relatives) {
            i -= 1;
            if self.toks[i - 1].kind == TokKind::Comma && lower_eq(text, &self.toks[i], &["the", "a", "an"]) {
                return i;
            }
        }
        start
    }

    /// "Lee Park, 40, a nurse from Dayton, said", "Ann Roe, a nurse from
    /// Lima, Ohio, said": where the phrase before an appositive is itself an
    /// age or a description, the name stands before its comma.
    fn name_before_description(&self, mut start: usize) -> usize {
        let text = self.text();
        for _ in 0..2 {
            let tok = &self.toks[start];
            let description = tok.is_word() && !text[tok.range()].starts_with(|c: char| c.is_uppercase());
            if !description || start < 2 || self.toks[start - 1].kind != TokKind::Comma {
                break;
            }
            let name = self.np_left(start - 1);
            let named = name < start - 1 && self.toks[name].is_word() && text[self.toks[name].range()].starts_with(|c: char| c.is_uppercase());
            let after_place_word = name > 0 && lower_eq(text, &self.toks[name - 1], &["in", "at", "from", "of", "near", "outside"]);
            if !named || after_place_word {
                break;
            }
            start = name;
        }
        start
    }

    /// "…,” said Ann Roe, a nurse from Lima.": PolNeAR's source after a cue
    /// takes in an appositive that runs to the end of the sentence. The end
    /// (exclusive) of the name `end` closes, with that appositive if any.
    pub(super) fn with_closing_appositive(&self, end: usize) -> usize {
        let text = self.text();
        let n = self.toks.len();
        if end + 1 >= n || self.toks[end].kind != TokKind::Comma {
            return end;
        }
        let first = &self.toks[end + 1];
        let word = &text[first.range()];
        let describes = lower_eq(text, first, &["a", "an", "the", "who", "whose"])
            || word.bytes().all(|b| b.is_ascii_digit())
            || first.is_word() && word.starts_with(|c: char| c.is_ascii_lowercase()) && !lower_eq(text, first, &WORDS.left_stops) && !word.ends_with("ing") && !word.ends_with("ed") && !lower_eq(text, first, &["according"]);
        if !describes || n - end > 40 {
            return end;
        }
        let aside = &self.toks[end + 1..];
        let stops = aside.iter().any(|t| t.is_quote() || matches!(t.kind, TokKind::Colon | TokKind::Semicolon));
        let mut last = n;
        while last > end + 1 && !self.toks[last - 1].is_word() && self.toks[last - 1].kind != TokKind::Other {
            last -= 1;
        }
        if stops || last <= end + 1 {
            return end;
        }
        last
    }

    /// First token of the noun phrase that ends just before `j`.
    pub(super) fn np_left(&self, j: usize) -> usize {
        let text = self.text();
        let mut i = j;
        while i > 0 && j - i < 8 {
            let t = &self.toks[i - 1];
            // A dash between two words of the phrase joins them.
            let joining_dash = t.kind == TokKind::Dash && i >= 2 && self.toks[i - 2].is_word() && i < j;
            if !t.is_word() && !joining_dash {
                break;
            }
            if t.is_word() && lower_eq(text, t, &WORDS.left_stops) {
                // "Kristen Day said", "Theresa May said": a capitalised stop
                // word after a capitalised word is a surname, not a stop.
                let surname = i >= 2 && is_capitalised(text, t) && is_capitalised(text, &self.toks[i - 2]) && !lower_eq(text, t, &WORDS.time_words);
                // "…, Day said", "and Day said": a capitalised stop word right
                // before the cue, inside the sentence, is a surname too; at
                // the sentence start only a known one is ("Day said", where
                // "That said" or "When asked" is no source).
                let inside = i >= 2 || lower_eq(text, t, &WORDS.surname_stops);
                let lone_surname = i == j && inside && is_capitalised(text, t) && !lower_eq(text, t, &WORDS.time_words);
                if surname || lone_surname {
                    i -= 1;
                    continue;
                }
                if lower_eq(text, t, &["of", "for", "at", "and", "from"]) && i < j {
                    i -= 1;
                    continue;
                }
                let between_names = i >= 2 && i < j && is_capitalised(text, &self.toks[i - 2]) && is_capitalised(text, &self.toks[i]);
                if between_names && lower_eq(text, t, &["on", "to"]) {
                    // "the Joint Committee on Taxation", "Ambassador to France":
                    // one name.
                    i -= 1;
                    continue;
                }
                if i >= 2 && i < j && lower_eq(text, t, &["in"]) && self.is_count(i - 2) {
                    // "Nearly eight in 10 voters": a share of a group, whole.
                    i -= 2;
                    if i > 0 && lower_eq(text, &self.toks[i - 1], &WORDS.approximators) {
                        i -= 1;
                    }
                }
                break;
            }
            if t.kind == TokKind::Dash && text[..t.start].ends_with(' ') {
                // "WASHINGTON — Police said": a spaced dash ends a dateline,
                // not a name.
                break;
            }
            i -= 1;
        }
        // Trim connectors at the front ("of the campaign" is no source).
        while i < j && lower_eq(text, &self.toks[i], &["of", "for", "at", "and", "from", "on", "to", "-"]) {
            i += 1;
        }
        // "At least a dozen members": "at" belongs to the count; "so far
        // Ruiz has": "far" is a time, not part of the name.
        if i > 0 && i + 1 < j && lower_eq(text, &self.toks[i], &["least", "most"]) && lower_eq(text, &self.toks[i - 1], &["at"]) {
            i -= 1;
        } else if i > 0 && i + 1 < j && lower_eq(text, &self.toks[i], &["far"]) && lower_eq(text, &self.toks[i - 1], &["so"]) {
            i += 1;
        }
        // "Despite Mr. Trump's claims that …", "Amid the mayor's warnings
        // …": a preposition opening the phrase with no comma after it sets
        // the scene; the name after it is the source.
        if i + 1 < j && lower_eq(text, &self.toks[i], &["despite", "amid", "amidst", "absent", "unlike", "like"]) {
            i += 1;
        }
        if i < j && !self.toks[i].is_word() {
            i += 1;
        }
        i
    }

    /// Whether token `i` is a count: "eight", "10".
    fn is_count(&self, i: usize) -> bool {
        let tok = &self.toks[i];
        let word = &self.text()[tok.range()];
        tok.is_word() && (word.bytes().all(|b| b.is_ascii_digit()) || WORDS.counts.holds(word))
    }

    /// End (exclusive) of the noun phrase starting at `i`: "the senator",
    /// "Donald Trump", up to a comma, a verb-like word or the sentence end.
    pub(super) fn np_right(&self, i: usize) -> usize {
        let text = self.text();
        let n = self.toks.len();
        let mut m = i;
        while m < n && m < i + 8 && self.toks[m].is_word() {
            let t = &self.toks[m];
            if m > i && !is_capitalised(text, t) && lower_eq(text, t, &WORDS.left_stops) && !lower_eq(text, t, &["of", "for", "at"]) {
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
    pub(super) fn subject(&self, k: usize) -> Option<Range<usize>> {
        let text = self.text();
        let mut i = 0;
        // "It was a long day, but Ruiz stayed …": the last joined clause's subject.
        if let Some(c) = (1..k.saturating_sub(2)).rev().find(|&c| self.toks[c].kind == TokKind::Comma && lower_eq(text, &self.toks[c + 1], &["but", "and", "yet"]) && (lower_eq(text, &self.toks[c + 2], &WORDS.pronouns) || is_capitalised(text, &self.toks[c + 2]))) {
            i = c + 2;
        }
        if i == 0 {
            i = self.after_dateline(k);
        }
        if i == 0 {
            i = self.after_agency_dateline(k);
        }
        // "And he …", "But the court …", "Then she …": the writer's link.
        while i + 1 < k && (lower_eq(text, &self.toks[i], &WORDS.sentence_links) || lower_eq(text, &self.toks[i], &["then", "now", "still", "also", "later"]) && self.toks[i + 1].is_word()) {
            i += 1;
        }
        let after_day = self.after_day_opening(i, k);
        if after_day > i {
            // "On Sunday morning Ruiz wrote …": a day with no comma.
            i = after_day;
        } else {
            // Skip an introductory clause or phrase ("While talks continue, …",
            // "Hours later, …", "Walking to the car, …", "Shortly after the
            // vote, …").
            let first = &self.toks[i.min(k.saturating_sub(1))];
            let adverb_then_phrase = i + 1 < k && lower_eq(text, first, &["shortly", "soon", "just", "right", "here", "there", "back", "early", "late", "long", "even"]) && lower_eq(text, &self.toks[i + 1], &WORDS.intro_starts) && !is_capitalised(text, &self.toks[i + 1]);
            let intro = lower_eq(text, first, &WORDS.subordinators)
                || lower_eq(text, first, &WORDS.intro_starts)
                || adverb_then_phrase
                || first.is_word() && text[first.range()].ends_with("ing") && is_capitalised(text, first)
                || self.opening_aside(i, k);
            if i < k && intro {
                if let Some(c) = self.toks[i..k.saturating_sub(1)].iter().position(|t| t.kind == TokKind::Comma) {
                    i += c + 1;
                    i = self.after_more_intro(i, k);
                }
            }
        }
        while i < k && !self.toks[i].is_word() {
            i += 1;
        }
        if i >= k {
            return None;
        }
        if lower_eq(text, &self.toks[i], &WORDS.pronouns) {
            return Some(self.toks[i].range());
        }
        let mut m = i;
        let determiner = lower_eq(text, &self.toks[i], &WORDS.subject_determiners);
        if determiner {
            m += 1;
        }
        let mut owned = false;
        while m < k && m < i + 8 && self.toks[m].is_word() {
            let t = &self.toks[m];
            let cap = is_capitalised(text, t);
            // "the dock workers gathered": a plural before a verb is no verb.
            let verb_follows = m + 1 < k && self.toks[m + 1].is_word() && !is_capitalised(text, &self.toks[m + 1]) && {
                let next = &text[self.toks[m + 1].range()];
                next.ends_with("ed") || WORDS.irregular.holds(next) || lower_eq(text, &self.toks[m + 1], &["have", "had", "were", "are", "will", "would", "could", "can"])
            };
            let verb_s = !cap && m > i + 1 && text[t.range()].ends_with('s') && !text[self.toks[m - 1].range()].ends_with('s') && !verb_follows;
            // "The president left no doubt": an irregular past is the verb.
            let past = !cap && m > i + 1 && WORDS.irregular.holds(&text[t.range()]);
            // The phrase goes on over a capitalised word, "of", and after a
            // determiner a lower-case word that is no stop word nor verbal.
            // So does a noun after a name's possessive ("Ann Roe's lawyers
            // read the files and found …"): the possessive names whose.
            owned = owned || m > i && self.is_name_possessive(m - 1);
            let stays = cap || lower_eq(text, t, &["of"]) || ((determiner || owned) && !lower_eq(text, t, &WORDS.left_stops) && !looks_verbal(&text[t.range()]));
            if verb_s || past || !stays {
                break;
            }
            m += 1;
        }
        if m == i || (determiner && m == i + 1) {
            return None;
        }
        Some(self.toks[i].start..self.toks[m - 1].end)
    }

    /// Whether the clause from token `i` opens with an aside before a comma
    /// that is not its subject: an adverb ("Publicly, the senator …"),
    /// "Absent a deal, …", "Unless …, …", "Perhaps most telling, …", or a
    /// time ending in "later" or "ago" ("A few days later, Roe …").
    fn opening_aside(&self, i: usize, k: usize) -> bool {
        let text = self.text();
        let Some(first) = self.toks.get(i).filter(|t| t.is_word()) else { return false };
        let word = text[first.range()].to_ascii_lowercase();
        // "A few days later, …" also after "But": a time needs no capital.
        let end = k.min(i + 7);
        if let Some(c) = (i + 1..end).find(|&t| !self.toks[t].is_word()) {
            if self.toks[c].kind == TokKind::Comma && lower_eq(text, &self.toks[c - 1], &["later", "ago", "earlier"]) {
                return true;
            }
        }
        if !is_capitalised(text, first) {
            return false;
        }
        // Suffixes of adverbs made from adjectives, not of names ("Kelly").
        let adverb = ["ally", "ately", "ously", "ively", "fully", "ently", "antly", "edly", "ingly", "icly", "essly", "arly", "ctly", "ibly", "ably"].iter().any(|s| word.ends_with(s));
        if adverb && self.toks.get(i + 1).is_some_and(|t| t.kind == TokKind::Comma) {
            return true;
        }
        matches!(word.as_str(), "absent" | "unless" | "perhaps")
    }

    /// Whether token `t` is a capitalised name's possessive ("Roe's",
    /// "Ross'"), not a contraction ("He's", "That's").
    fn is_name_possessive(&self, t: usize) -> bool {
        let text = self.text();
        let tok = &self.toks[t];
        let word = &text[tok.range()];
        let Some(stem) = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) else { return false };
        let stem = stem.to_ascii_lowercase();
        tok.is_word() && is_capitalised(text, tok) && !WORDS.pronouns.holds(&stem) && !matches!(stem.as_str(), "that" | "there" | "here" | "what" | "who" | "where" | "let" | "it")
    }

    /// "Washington (AFP) – Ann Roe …": a place and an agency in brackets
    /// before a dash open the sentence; the token after the dash, else 0.
    fn after_agency_dateline(&self, end: usize) -> usize {
        let text = self.text();
        let Some(open) = self.toks[..end.min(5)].iter().position(|t| &text[t.range()] == "(") else { return 0 };
        let place = open > 0 && self.toks[..open].iter().all(|t| t.is_word() && is_capitalised(text, t));
        let Some(close) = (open + 1..end.min(open + 5)).find(|&t| &text[self.toks[t].range()] == ")") else { return 0 };
        let agency = close > open + 1 && self.toks[open + 1..close].iter().all(|t| t.is_word() && is_capitalised(text, t));
        let dash = close + 1 < end && self.toks[close + 1].kind == TokKind::Dash;
        if !(place && agency && dash) {
            return 0;
        }
        (close + 1..end).find(|&t| self.toks[t].kind != TokKind::Dash).unwrap_or(0)
    }

    /// "On Sunday morning Ruiz …", "On Tuesday she …": after "on", a
    /// capitalised day and a part of the day, with no comma, where the
    /// subject follows; else `i`.
    fn after_day_opening(&self, i: usize, k: usize) -> usize {
        let text = self.text();
        if i + 2 >= k || !lower_eq(text, &self.toks[i], &["on"]) || !is_capitalised(text, &self.toks[i + 1]) || !lower_eq(text, &self.toks[i + 1], &WORDS.time_words) {
            return i;
        }
        let mut t = i + 2;
        if lower_eq(text, &self.toks[t], &["morning", "afternoon", "evening", "night"]) {
            t += 1;
        }
        if t < k && self.toks[t].is_word() {
            t
        } else {
            i
        }
    }

    /// "At an event in Ames, Iowa, on Sunday, Ann Roe …": after an
    /// introductory phrase's first comma, a state and further phrases
    /// before the subject; where the subject starts.
    fn after_more_intro(&self, mut i: usize, k: usize) -> usize {
        let text = self.text();
        let phrase_at = |t: usize| t < k && lower_eq(text, &self.toks[t], &WORDS.intro_starts) && !is_capitalised(text, &self.toks[t]);
        for _ in 0..3 {
            let state_then_phrase = i + 2 < k && is_capitalised(text, &self.toks[i]) && self.toks[i + 1].kind == TokKind::Comma && phrase_at(i + 2);
            let from = if state_then_phrase { i + 2 } else { i };
            if !phrase_at(from) {
                break;
            }
            let Some(c) = (from + 1..k.saturating_sub(1).min(from + 7)).find(|&t| self.toks[t].kind == TokKind::Comma) else { break };
            i = c + 1;
        }
        i
    }

    /// A pronoun for a person or a capitalised name: who can say something.
    pub(super) fn agent_like(&self, source: &Range<usize>) -> bool {
        let words = &self.text()[source.clone()];
        let first = words.split_whitespace().next().unwrap_or_default();
        if matches!(first.to_lowercase().as_str(), "he" | "she" | "they" | "i" | "we" | "who") {
            return true;
        }
        words.split_whitespace().any(|w| w.chars().next().is_some_and(char::is_uppercase))
            && !matches!(first, "It" | "This" | "That" | "There" | "These" | "Those")
            && !self.opens_clause(source)
    }

    /// Whether a source found before a quotation starts with a word that
    /// opens a subordinate clause ("Unless rivals quit, “…”", "When crews
    /// struck, “…”"): no one's name.
    pub(super) fn opens_clause(&self, source: &Range<usize>) -> bool {
        let first = self.text()[source.clone()].split_whitespace().next().unwrap_or_default();
        first.eq_ignore_ascii_case("unless") || WORDS.subordinators.holds(first)
    }
}

/// Phrases between an auxiliary and its verb, read once, each split into
/// its words.
static VERB_FILLERS: std::sync::LazyLock<Vec<Vec<&str>>> = std::sync::LazyLock::new(|| {
    crate::model::data_lines(include_str!("../../../data/verb_fillers.txt"))
        .map(|l| l.split(' ').collect())
        .collect()
});

pub(super) const NON_AGENTS: &str = include_str!("../../../data/non_agents.txt");

/// The entries of `NON_AGENTS`, read once rather than for every source.
pub(super) static NON_AGENT_LIST: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| crate::model::data_lines(NON_AGENTS).collect());

/// Whether a source names no one ("Recent developments", "the world").
pub(super) fn is_non_agent(source: &str) -> bool {
    let source = source.trim_end_matches([',', '.']).trim();
    // "the measures fell short of", "few calls for": a phrase cut off
    // before its noun is no one's name.
    let last = source.rsplit(' ').next().unwrap_or_default();
    NON_AGENT_LIST.iter().any(|w| w.eq_ignore_ascii_case(source)) || WORDS.cut_off_ends.holds(last)
}
