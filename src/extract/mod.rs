//! The extraction pipeline, one stage a file, each plain data in, plain data
//! out: read (txt / html / jsonl, front matter) -> sentences -> quotes ->
//! cues -> attribution (source, cue, content) -> speakers (mentions,
//! coreference, canonical names) -> dates -> stance -> topics.
//!
//! Stages work in byte offsets into `doc.text`; `to_statement` turns them into
//! code point offsets, the only place where that conversion happens.
//!
//! Nothing here knows about SQLite or printing.

pub mod attribution;
mod cue_table;
pub mod cues;
pub mod dates;
pub mod lexicon;
pub mod pipeline;
pub mod quotes;
pub mod read;
pub mod sentences;
pub mod speakers;
pub mod stance;
pub mod tokens;
pub mod topic_suggest;
pub mod word_set;
pub mod topics;

use crate::model::{CharIndex, Document, Kind, Spans, Statement};
use attribution::{Attribution, Layout};
use speakers::SpeakerResolver;
use stance::StanceLexicon;
use std::ops::Range;
use topics::TopicMatcher;

/// The whole pipeline with its lexicons loaded once; cheap to share across
/// threads (`&Extractor` is all `extract` needs).
#[derive(Debug, Default)]
pub struct Extractor {
    pub stance: StanceLexicon,
    pub topics: TopicMatcher,
}

impl Extractor {
    pub fn new(stance: StanceLexicon, topics: TopicMatcher) -> Self {
        Extractor { stance, topics }
    }

    /// Every attributed statement in one document, in text order, with spans
    /// into `doc.text`.
    pub fn extract(&self, doc: &Document) -> Vec<Statement> {
        let text = doc.text.as_str();
        let sentences = sentences::split_sentences(text);
        let quotes = quotes::find_quotes(text);
        let cues = cues::CueLexicon::builtin().find(text);
        let layout = Layout { text, sentences: &sentences, quotes: &quotes, cues: &cues };
        let mut found = attribution::attribute(&layout);
        // A "content" of punctuation only ("“…”") says nothing; a headline
        // ("Stealth Over Health", "Kim: Taxes Must Rise") is the paper's
        // summary, not anyone's statement.
        let headline_end = read::headline(text).map_or(0, |line| line.end);
        found.retain(|a| {
            a.content.iter().any(|r| text[r.clone()].chars().any(tokens::is_alnum))
                && a.cue.start >= headline_end
                && a.content.iter().all(|r| r.start >= headline_end)
                && a.source.as_ref().is_none_or(|s| s.start >= headline_end)
        });
        if found.is_empty() {
            return Vec::new();
        }
        let sources: Vec<Range<usize>> = found.iter().filter_map(|a| a.source.clone()).collect();
        let quoted: Vec<Range<usize>> = quotes.iter().map(|q| q.span.clone()).collect();
        let resolver = SpeakerResolver::new(text, &sentences, &sources, &quoted);
        let index = CharIndex::new(text);
        let mut topics = topics::DocumentTopics::new(&self.topics, text);
        let mut statements: Vec<Statement> =
            found.iter().map(|a| self.to_statement(doc, a, &resolver, &sentences, &index, &mut topics)).collect();
        let settled = topics.settled();
        for statement in &mut statements {
            statement.topic = settled.topic_of_said_by(statement.topic.take(), &statement.content, &statement.speaker);
        }
        statements
    }

    fn to_statement(
        &self,
        doc: &Document,
        a: &Attribution,
        resolver: &SpeakerResolver<'_>,
        sentences: &[Range<usize>],
        index: &CharIndex,
        topics: &mut topics::DocumentTopics<'_>,
    ) -> Statement {
        let text = doc.text.as_str();
        let pieces: Vec<&str> = a.content.iter().map(|r| &text[r.clone()]).collect();
        let content = pieces.join(" ... ");
        let cue = &text[a.cue.clone()];
        let speaker = match &a.source {
            Some(src) => resolver.resolve(text, src),
            None => speakers::Speaker {
                name: String::new(),
                mention: String::new(),
                role: None,
                kind: crate::model::SpeakerKind::Unknown,
            },
        };
        let lead = stance::cue_lead(text, a.cue.start, a.source.as_ref().map(|s| s.end));
        let governing = stance::governing_clause(text, a.cue.start, cue);
        let mut judgement = self.stance.judge_governed(&speaker.mention, lead, governing, cue, &content);
        judgement.hedged |= a.hedged;
        let content_start = a.content.first().map_or(0, |r| r.start);
        let before = sentences.partition_point(|s| s.end <= content_start);
        let sentence_before = before.checked_sub(1).map_or("", |i| &text[sentences[i].clone()]);
        let topic = topics.tag_and_count(&content, sentence_before, &speaker.name).map(|t| t.name);
        let stance = stance::toward_topic(judgement.stance, &content, topic.as_deref());
        // An earlier position ("shifted from backing A …") was held at some
        // unknown time before the report: no date rather than a wrong one.
        let date = if a.earlier_position { None } else { dates::statement_date(&dates::cue_clause(text, a, sentences), doc.date) };
        let to_spans = |ranges: &[Range<usize>]| Spans(ranges.iter().map(|r| index.span(r.start, r.end)).collect());
        Statement {
            speaker: speaker.name,
            speaker_kind: speaker.kind,
            speaker_mention: speaker.mention,
            role: speaker.role,
            cue: cue.to_string(),
            kind: kind_of(&pieces),
            stance,
            hedged: judgement.hedged,
            topic,
            date,
            content,
            content_span: to_spans(&a.content),
            source_span: a.source.as_ref().map(|r| to_spans(std::slice::from_ref(r))),
            cue_span: (!a.cue.is_empty()).then(|| to_spans(std::slice::from_ref(&a.cue))),
            // An earlier position's stance is the speaker's then, less sure now.
            confidence: if a.earlier_position { judgement.confidence.min(0.5) } else { judgement.confidence },
        }
    }
}

/// Direct when the content is all quotation, mixed when it holds one.
fn kind_of(pieces: &[&str]) -> Kind {
    const MARKS: &[char] = &['"', '“', '”'];
    let quoted = |p: &str| {
        let t = p.trim();
        (t.starts_with(MARKS) || t.starts_with("''")) && (t.ends_with(MARKS) || t.ends_with("''"))
    };
    // By byte searches (memchr), not char by char through the content.
    let holds_mark = |p: &str| p.as_bytes().contains(&b'"') || p.contains('“') || p.contains('”');
    let holds_two_apostrophes = |p: &str| {
        let bytes = p.as_bytes();
        memchr::memchr_iter(b'\'', bytes).any(|i| bytes.get(i + 1) == Some(&b'\''))
    };
    if pieces.iter().all(|p| quoted(p)) {
        Kind::Direct
    } else if pieces.iter().any(|p| holds_mark(p) || holds_two_apostrophes(p)) {
        Kind::Mixed
    } else {
        Kind::Indirect
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{span_text, Stance};

    fn statements(text: &str) -> Vec<Statement> {
        let doc = Document { path: "t.txt".into(), text: text.into(), date: "2025-08-18".parse().ok(), ..Document::default() };
        Extractor::default().extract(&doc)
    }

    #[test]
    fn spans_are_code_points_and_match_the_content() {
        let text = "Café owners — “très fâchés” — met. “Prices are too high,” said Zoë Brandt, the café’s owner. She said taxes “hurt”.";
        let found = statements(text);
        assert!(found.len() >= 2, "{found:?}");
        for s in &found {
            let pieces: Vec<String> = s.content_span.0.iter().map(|&sp| span_text(text, sp)).collect();
            assert_eq!(pieces.join(" ... "), s.content);
            assert_eq!(span_text(text, s.cue_span.as_ref().unwrap().0[0]), s.cue);
            if let Some(src) = &s.source_span {
                assert_eq!(span_text(text, src.0[0]), s.speaker_mention);
            }
        }
        let zoe = found.iter().find(|s| s.speaker_mention == "She").unwrap();
        assert_eq!(zoe.speaker, "Zoë Brandt");
    }

    #[test]
    fn odd_inputs_do_not_break_extraction() {
        let odd = [
            "",
            "\"",
            "“",
            "said",
            ", said .",
            "“Unclosed quote, he said.\n\n“Another”",
            "According to",
            "He said:",
            "Trump: ",
            "”reversed“ she said ” “ ” “",
            "''''",
            "A (B) said, ( said",
            "x\u{a0}said\u{a0}that\u{a0}y",
        ];
        for text in odd {
            for s in statements(text) {
                for sp in &s.content_span.0 {
                    assert!(sp.start <= sp.end && sp.end <= text.chars().count(), "{text:?}: {s:?}");
                }
            }
        }
    }

    #[test]
    fn kind_is_direct_for_quotation_only_mixed_for_a_mark_inside() {
        assert_eq!(kind_of(&["“We will win.”", "\"Always.\""]), Kind::Direct);
        assert_eq!(kind_of(&["''Never.''"]), Kind::Direct);
        assert_eq!(kind_of(&["''Never,'' she added"]), Kind::Mixed);
        for mixed in ["it was “a disgrace” to them", "a \"deal\" soon", "the ”odd” one", "called it ''absurd'' twice"] {
            assert_eq!(kind_of(&["that taxes rise", mixed]), Kind::Mixed, "{mixed:?}");
        }
        for indirect in ["that the plan's cost isn't known", "that it’s over", "a single ' apostrophe ' or two ' '"] {
            assert_eq!(kind_of(&[indirect]), Kind::Indirect, "{indirect:?}");
        }
    }

    #[test]
    fn statement_date_reads_the_clause_up_to_the_comma_after_the_cue() {
        let found = statements("The minister, speaking on Sunday, said that talks had failed.");
        assert_eq!(found[0].date, "2025-08-17".parse().ok());
        let found = statements("The minister said that talks had failed, and on Sunday aides left.");
        assert_eq!(found[0].date, "2025-08-18".parse().ok());
    }

    #[test]
    fn time_expression_of_another_clause_does_not_date_the_statement() {
        let found = statements("After a call that the minister described as cordial, talks in April went nowhere.");
        assert_eq!(found[0].date, "2025-08-18".parse().ok());
    }

    #[test]
    fn a_negation_between_source_and_cue_negates_the_cue() {
        let found = statements("The governor has not endorsed Senator Ortiz in the race.");
        assert_eq!(found[0].cue, "endorsed");
        assert_eq!(found[0].stance, Stance::Oppose);
        let found = statements("The governor, who has not met her, endorsed Senator Ortiz in the race.");
        assert_eq!(found[0].stance, Stance::Support);
    }

    #[test]
    fn opening_time_phrase_dates_the_statement() {
        let found = statements("On Sunday, the minister said that the talks had failed.");
        assert_eq!(found[0].date, "2025-08-17".parse().ok());
    }

    #[test]
    fn time_expression_in_a_relative_clause_of_the_source_does_not_date_it() {
        let found = statements("Ortiz, who won the primary in March, blasted the plan as reckless.");
        assert_eq!(found[0].cue, "blasted");
        assert_eq!(found[0].date, "2025-08-18".parse().ok());
    }

    #[test]
    fn time_expression_between_source_and_cue_dates_it() {
        let found = statements("Ortiz on Sunday blasted the plan as reckless.");
        assert_eq!(found[0].date, "2025-08-17".parse().ok());
    }

    #[test]
    fn time_expression_after_the_content_in_another_clause_does_not_date_it() {
        let found = statements("Ortiz said the plan was reckless, and the council voted in March to drop it.");
        assert_eq!(found[0].date, "2025-08-18".parse().ok());
    }

    #[test]
    fn statement_date_comes_from_the_words_around_the_cue() {
        let found = statements("The minister said on Sunday that talks in April had failed.");
        assert_eq!(found[0].date, "2025-08-17".parse().ok());
    }
}
