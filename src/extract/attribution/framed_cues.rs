//! Words that report only in one frame, and so are no cues of the lexicon:
//! a verb of intention with a speaker right before it and "to" after it
//! ("Holm plans to close the pier"), a noun of judgement after a speaker's
//! possessive ("Holm's criticism of the board"). Elsewhere the same words are
//! nouns ("the plans", "the attacks on the town") or report nothing PolNeAR
//! marks. The words are in `data/framed_cues.txt`.

use super::super::tokens::TokKind;
use super::super::word_set::WordSet;
use super::word_lists::WORDS;
use super::{finite_verb_like, inside_quote, is_capitalised, is_manner_adverb, lower_eq, Attribution, SentenceRules};
use aho_corasick::AhoCorasick;
use std::ops::Range;
use std::sync::LazyLock;

/// How many tokens the thing judged may run ("his criticism of …") before
/// the rule stops it: a long tail is more often the writer's own clause.
const MAX_JUDGED_TOKENS: usize = 20;

/// How many capitalised words a possessive name may hold ("Sen. Ann Roe's").
const MAX_NAME_WORDS: usize = 4;

struct FramedWords {
    intention_verbs: WordSet,
    report_nouns: WordSet,
    report_prepositions: WordSet,
    speaker_possessives: WordSet,
    judged_thing_stops: WordSet,
    intention_content_stops: WordSet,
    view_nouns: WordSet,
    possessive_verb_particles: WordSet,
    /// The verbs and nouns above as substrings: whether a sentence may hold
    /// a frame, told before it is tokenized.
    finder: AhoCorasick,
}

static FRAMED: LazyLock<FramedWords> = LazyLock::new(|| FramedWords::parse(include_str!("../../../data/framed_cues.txt")));

impl FramedWords {
    fn parse(data: &str) -> FramedWords {
        let mut sections = crate::model::data_sections(data);
        let mut take = |name: &str| sections.remove(name).unwrap_or_else(|| panic!("data/framed_cues.txt has no [{name}]"));
        let set = |words: &[&str]| WordSet::new(words.iter().map(|w| w.to_lowercase().into_bytes().into_boxed_slice()));
        let verbs = take("intention_verbs");
        let nouns = take("possessed_report_nouns");
        let views = take("view_nouns");
        let finder = AhoCorasick::builder().ascii_case_insensitive(true).build(verbs.iter().chain(&nouns).chain(&views)).expect("the framed words compile");
        FramedWords {
            intention_verbs: set(&verbs),
            report_nouns: set(&nouns),
            report_prepositions: set(&take("possessed_report_prepositions")),
            speaker_possessives: set(&take("speaker_possessives")),
            judged_thing_stops: set(&take("judged_thing_stops")),
            intention_content_stops: set(&take("intention_content_stops")),
            view_nouns: set(&views),
            possessive_verb_particles: set(&take("possessive_verb_particles")),
            finder,
        }
    }
}

/// Whether the sentence may hold a frame: one of the framed words, perhaps
/// inside a longer word. The cheap test before tokenizing.
pub(super) fn may_hold_frame(sentence: &str) -> bool {
    FRAMED.finder.is_match(sentence)
}

impl SentenceRules<'_> {
    /// The frames of the sentence, after the rules of the lexicon's cues: a
    /// framed word inside a content they found is part of that report.
    pub(super) fn framed_cues(&self) -> Vec<Attribution> {
        let text = self.text();
        let mut out = Vec::new();
        for t in 0..self.toks.len() {
            let tok = &self.toks[t];
            // ("Trump Plans Ad Buy": a headline's capital tells no verb from a noun.)
            let lower = text[tok.range()].starts_with(|c: char| c.is_ascii_lowercase());
            if !tok.is_word() || !lower || self.reported_already(t) {
                continue;
            }
            let found = if lower_eq(text, tok, &FRAMED.intention_verbs) {
                self.intention(t)
            } else if lower_eq(text, tok, &FRAMED.report_nouns) {
                self.possessed_report(t)
            } else if lower_eq(text, tok, &FRAMED.view_nouns) {
                self.held_view(t)
            } else {
                None
            };
            out.extend(found);
        }
        out
    }

    /// Whether token `t` stands in a quotation, or in a cue or a content the
    /// sentence's other rules found ("Lee said he plans to …": the plan is
    /// what Lee said, which PolNeAR does not mark again).
    fn reported_already(&self, t: usize) -> bool {
        let tok = &self.toks[t];
        inside_quote(self.layout.quotes, tok.start) || self.found.iter().any(|a| a.cue.start < tok.end && tok.start < a.cue.end || a.content.iter().any(|r| r.start <= tok.start && tok.end <= r.end))
    }

    /// "Holm plans to close the pier", "the board also intends to appeal",
    /// "voters who plan to attend": the verb `v` with "to" and a verb after
    /// it, and a speaker before it (auxiliaries between). The content opens
    /// with "to", as PolNeAR marks it. Not a noun: "his plans to", "a plan
    /// to", "health plans to …" (no speaker before).
    fn intention(&self, v: usize) -> Option<Attribution> {
        let text = self.text();
        let n = self.toks.len();
        let infinitive = v + 2 < n && lower_eq(text, &self.toks[v + 1], &["to"]) && self.toks[v + 2].is_word() && !is_capitalised(text, &self.toks[v + 2]);
        if !infinitive {
            return None;
        }
        let mut j = v;
        while j > 0 && (lower_eq(text, &self.toks[j - 1], &WORDS.auxiliaries) || is_manner_adverb(text, &self.toks[j - 1])) {
            j -= 1;
        }
        if j == 0 || lower_eq(text, &self.toks[j - 1], &WORDS.noun_determiners) || self.possessive_at(j - 1).is_some() {
            return None;
        }
        let source = self.source_left(j)?;
        if !self.speaker_subject(&source, j) {
            return None;
        }
        let mut content = self.content_after(v + 1, None)?;
        self.end_intention(v + 1, &mut content);
        Some(Attribution { source: Some(source), cue: self.toks[v].range(), content, ..Default::default() })
    }

    /// "Her plan to build a pier is sound", "Republicans plan to wait — and
    /// …": what is intended ends at a break or at the verb of a sentence
    /// the phrase is the subject of.
    fn end_intention(&self, to: usize, content: &mut [Range<usize>]) {
        let text = self.text();
        let [piece] = content else { return };
        let end = self.tok_index(piece.end);
        let stop = (to + 1..end).find(|&t| {
            let tok = &self.toks[t];
            matches!(tok.kind, TokKind::Dash | TokKind::Semicolon | TokKind::Colon) || lower_eq(text, tok, &FRAMED.intention_content_stops)
        });
        if let Some(stop) = stop {
            piece.end = self.toks[stop - 1].end;
        }
    }

    /// Whether the source before the verb group at `j` is a speaker: a
    /// pronoun, "who", a phrase ending in a name ("the Super PAC",
    /// "Democrats"), or one opened by a determiner ("the group"). Not a
    /// bare common noun ("co-op health plans to …").
    fn speaker_subject(&self, source: &Range<usize>, j: usize) -> bool {
        let text = self.text();
        let first = &self.toks[self.tok_index(source.start)];
        // (A pronoun is the whole subject: "she issued a detailed plan to"
        // is no speaker's plan as a verb.)
        let alone = self.tok_index(source.start) + 1 == j;
        let person = (lower_eq(text, first, &WORDS.pronouns) || lower_eq(text, first, &["who"])) && alone;
        let named = is_capitalised(text, &self.toks[j - 1]);
        let determined = lower_eq(text, first, &WORDS.subject_determiners) && self.plausible_subject(source);
        person || named || determined
    }

    /// "Holm's criticism of the board", "their attacks on Lee": the noun
    /// `k` after a speaker's possessive and a preposition; the source is
    /// the possessor, the content the thing judged.
    fn possessed_report(&self, k: usize) -> Option<Attribution> {
        let text = self.text();
        if k == 0 || k + 2 >= self.toks.len() || !lower_eq(text, &self.toks[k + 1], &FRAMED.report_prepositions) {
            return None;
        }
        let source = self.speaker_possessor(k - 1)?;
        let end = self.judged_thing_end(k + 2);
        // ("her criticism on Tuesday": a day is when, not what.)
        if end == k + 2 || lower_eq(text, &self.toks[k + 2], &WORDS.time_words) {
            return None;
        }
        Some(Attribution { source: Some(source), cue: self.toks[k].start..self.toks[k + 1].end, content: vec![self.toks[k + 2].start..self.toks[end - 1].end], ..Default::default() })
    }

    /// "In Holm's view, the pier is safe", "the pier, in her opinion, is
    /// safe", "the pier is safe, in my view": the possessor before the noun
    /// `k` holds the view, and the clause around the phrase is what is held
    /// (two pieces where the phrase stands inside it). Not "in his view of
    /// the market", which names a view without saying it.
    fn held_view(&self, k: usize) -> Option<Attribution> {
        let text = self.text();
        let n = self.toks.len();
        if k < 2 || !lower_eq(text, &self.toks[k - 2], &["in"]) || k + 1 < n && lower_eq(text, &self.toks[k + 1], &["of"]) {
            return None;
        }
        let source = self.speaker_possessor(k - 1)?;
        let mut content = Vec::new();
        if let Some(before) = self.clause_before(k - 2) {
            content.push(before);
        }
        let mut after = k + 1;
        while after < n && self.toks[after].kind == TokKind::Comma {
            after += 1;
        }
        if after < n && self.toks[after].kind != TokKind::End {
            content.extend(self.clause_from(after, None));
        }
        if content.is_empty() {
            return None;
        }
        Some(Attribution { source: Some(source), cue: self.toks[k].range(), content, ..Default::default() })
    }

    /// The speaker a possessive at token `p` names: "his", "Ann Roe's"
    /// (the name without its "'s"). None for "its", a common noun's ("the
    /// town's") or a contraction ("He's", "That's").
    fn speaker_possessor(&self, p: usize) -> Option<Range<usize>> {
        let text = self.text();
        let tok = &self.toks[p];
        if lower_eq(text, tok, &FRAMED.speaker_possessives) {
            if self.object_of_verb(p) {
                return self.subject(p - 1);
            }
            return Some(tok.range());
        }
        let stem_end = self.possessive_at(p)?;
        let stem = &text[tok.start..stem_end];
        if !is_capitalised(text, tok) || WORDS.pronouns.holds(stem) || WORDS.left_stops.holds(stem) || WORDS.relatives.holds(stem) {
            return None;
        }
        let mut start = p;
        while start > 0 && p - start < MAX_NAME_WORDS - 1 && self.toks[start - 1].is_word() && is_capitalised(text, &self.toks[start - 1]) && !lower_eq(text, &self.toks[start - 1], &WORDS.left_stops) {
            start -= 1;
        }
        Some(self.toks[start].start..stem_end)
    }

    /// "Lee stepped up his attacks on …", "she escalated her criticism":
    /// the possessive at `p` opens the object of a verb (a particle may
    /// stand between), whose subject is the source; not after a
    /// preposition ("vocal in their criticism").
    fn object_of_verb(&self, p: usize) -> bool {
        let text = self.text();
        let Some(before) = p.checked_sub(1).map(|b| &self.toks[b]).filter(|t| t.is_word()) else { return false };
        let word = &text[before.range()];
        let verb = |w: &str| finite_verb_like(w) || w.ends_with("ing") && w.starts_with(|c: char| c.is_ascii_lowercase());
        let particle = lower_eq(text, before, &FRAMED.possessive_verb_particles) && p >= 2 && verb(&text[self.toks[p - 2].range()]);
        particle || verb(word) && !lower_eq(text, before, &WORDS.left_stops)
    }

    /// Where the word before the "'s" of token `p` ends, if it has one.
    fn possessive_at(&self, p: usize) -> Option<usize> {
        let tok = &self.toks[p];
        let word = &self.text()[tok.range()];
        let suffix = ["’s", "'s"].iter().find(|s| word.len() > s.len() && word.ends_with(*s))?;
        tok.is_word().then(|| tok.end - suffix.len())
    }

    /// End (exclusive) of the thing judged, from token `i` to a break
    /// (comma, dash, colon, the sentence end) or a word that goes on with
    /// the sentence ("Lee's attacks on him are …", "… that …").
    fn judged_thing_end(&self, i: usize) -> usize {
        let text = self.text();
        let mut m = i;
        while m < self.toks.len() && m < i + MAX_JUDGED_TOKENS {
            let t = &self.toks[m];
            let part = t.is_word() || t.is_quote() || t.kind == TokKind::Other;
            if !part || lower_eq(text, t, &FRAMED.judged_thing_stops) {
                break;
            }
            m += 1;
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    fn triple(s: &str, c: &str, x: &str) -> (String, String, String) {
        (s.to_string(), c.to_string(), x.to_string())
    }

    #[test]
    fn a_verb_of_intention_after_a_name_reports_its_infinitive() {
        assert_eq!(run("Ana Holm plans to close the pier to ferries."), [triple("Ana Holm", "plans", "to close the pier to ferries")]);
    }

    #[test]
    fn a_verb_of_intention_takes_its_subject_over_auxiliaries() {
        assert_eq!(run("The ferry union also intends to appeal the ruling."), [triple("The ferry union", "intends", "to appeal the ruling")]);
        assert_eq!(run("Pilots who plan to strike met on Monday.")[0].0, "who");
    }

    #[test]
    fn a_noun_of_intention_reports_nothing() {
        assert!(run("His plans to close the pier fell through.").is_empty());
        assert!(run("The board drew up a plan to close the pier.").is_empty());
        assert!(run("Rising costs of dental plans to date hit retirees hardest.").is_empty());
    }

    #[test]
    fn a_verb_of_intention_needs_to_and_a_verb_after_it() {
        assert!(run("Holm plans for a long winter.").is_empty());
    }

    #[test]
    fn an_intention_inside_a_report_is_part_of_that_report() {
        assert_eq!(run("Holm said she plans to close the pier."), [triple("Holm", "said", "she plans to close the pier")]);
    }

    #[test]
    fn a_speakers_possessive_before_a_noun_of_judgement_is_the_source() {
        assert_eq!(run("Ana Holm’s critique of the harbour board was sharp."), [triple("Ana Holm", "critique of", "the harbour board")]);
        assert_eq!(run("The mayor was blunt in his attacks on the ferry union."), [triple("his", "attacks on", "the ferry union")]);
    }

    #[test]
    fn a_possessive_after_a_verb_gives_the_verbs_subject() {
        assert_eq!(run("Ana Holm stepped up her attacks on the ferry union."), [triple("Ana Holm", "attacks on", "the ferry union")]);
        assert_eq!(run("The pilots escalated their criticism of the board."), [triple("The pilots", "criticism of", "the board")]);
    }

    #[test]
    fn an_intention_ends_before_the_verb_its_phrase_is_subject_of() {
        assert_eq!(run("Holm planned to close the pier — and then the storm came."), [triple("Holm", "planned", "to close the pier")]);
    }

    #[test]
    fn a_capitalised_framed_word_is_no_cue() {
        assert!(run("Harbour Board Plans To Close Pier").is_empty());
    }

    #[test]
    fn the_clause_around_in_a_speakers_view_is_the_view() {
        assert_eq!(run("In Holm’s view, the pier is safe."), [triple("Holm", "view", "the pier is safe")]);
        assert_eq!(run("The pier, in her opinion, is safe."), [triple("her", "opinion", "The pier | is safe")]);
        assert_eq!(run("The pier is safe, in my view."), [triple("my", "view", "The pier is safe")]);
    }

    #[test]
    fn a_view_of_something_says_no_view() {
        assert!(run("The pier was safe in his view of the harbour.").is_empty());
    }

    #[test]
    fn the_thing_judged_ends_before_the_sentence_goes_on() {
        assert_eq!(run("Holm's attacks on the pilots are rippling through the port."), [triple("Holm", "attacks on", "the pilots")]);
    }

    #[test]
    fn a_thing_or_body_that_owns_a_noun_of_judgement_is_no_speaker() {
        assert!(run("The storm kept up its attacks on the coast.").is_empty());
        assert!(run("The town's critique of the plan was muted.").is_empty());
    }

    #[test]
    fn a_day_after_a_noun_of_judgement_is_no_thing_judged() {
        assert!(run("She kept up her critique on Tuesday.").is_empty());
    }
}
