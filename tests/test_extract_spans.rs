//! Whatever the extractor finds in news-like text, every statement points at
//! the document's own words: each span piece lies in 0 <= start <= end <=
//! length (code points), and the content is the text at its pieces, joined by
//! " ... ". Generated articles mix quotes (straight and curly, interrupted
//! by "she said"), reported speech, names, titles and non-ASCII letters.
//! `PROPTEST_CASES=5000 cargo test --release --test test_extract_spans` for a longer run.

use claimdb::extract::Extractor;
use claimdb::{Document, Spans, Statement};
use proptest::prelude::*;
use std::sync::OnceLock;

/// Built once: loading the lexicons costs more than extracting an article.
fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::default)
}

fn name() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Ada Park", "Ben Ortiz", "Mayor Chloé Dubois", "Senator Ødegaard", "the minister", "Dr. Li Wei", "she", "he",
        "officials", "a spokeswoman for the council", "Zoë O'Brien-Smith",
    ])
    .prop_map(str::to_string)
}

fn cue() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["said", "told reporters", "argued", "warned", "insisted", "claimed", "denied", "added"])
        .prop_map(str::to_string)
}

fn clause() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "the bridge will open in May",
        "the budget is far too high",
        "nobody expected the vote to pass",
        "talks would resume next week — if at all",
        "the plan costs €2 billion",
        "we are not going anywhere",
        "fares might rise by 5%",
        "this is 🚧 not finished",
    ])
    .prop_map(str::to_string)
}

/// One sentence in one of the shapes news uses for who said what.
fn sentence() -> impl Strategy<Value = String> {
    (name(), cue(), clause(), clause(), 0..8u8).prop_map(|(who, cue, a, b, shape)| match shape {
        0 => format!("{who} {cue} that {a}."),
        1 => format!("\"{a},\" {who} {cue}."),
        2 => format!("“{a},” {who} {cue}, “and {b}.”"),
        3 => format!("According to {who}, {a}."),
        4 => format!("{who} {cue}: \"{a}. And {b}.\""),
        5 => format!("\"{a}\", {cue} {who}, adding that {b}."),
        6 => format!("{a}, {who} {cue}."),
        _ => format!("The {a} story had no quote at all, and {b}."),
    })
}

fn article() -> impl Strategy<Value = String> {
    (prop::collection::vec(sentence(), 1..12), prop::sample::select(vec![" ", "\n", "\n\n", "  "]))
        .prop_map(|(sentences, gap)| sentences.join(gap))
}

fn check_spans(chars: &[char], spans: &Spans, what: &str) -> Result<(), TestCaseError> {
    for span in &spans.0 {
        prop_assert!(span.start <= span.end && span.end <= chars.len(), "{} span {:?} outside 0..{}", what, span, chars.len());
    }
    Ok(())
}

fn check_statement(chars: &[char], statement: &Statement) -> Result<(), TestCaseError> {
    check_spans(chars, &statement.content_span, "content")?;
    if let Some(source) = &statement.source_span {
        check_spans(chars, source, "source")?;
    }
    if let Some(cue) = &statement.cue_span {
        check_spans(chars, cue, "cue")?;
    }
    let pieces: Vec<String> = statement.content_span.0.iter().map(|s| chars[s.start..s.end].iter().collect()).collect();
    prop_assert_eq!(&statement.content, &pieces.join(" ... "), "content is the text at its span");
    Ok(())
}

proptest! {
    #[test]
    fn every_statement_points_at_the_documents_own_words(text in article()) {
        let doc = Document { path: "generated.txt".into(), text: text.clone(), ..Document::default() };
        let chars: Vec<char> = text.chars().collect();
        for statement in extractor().extract(&doc) {
            check_statement(&chars, &statement)?;
        }
    }
}

#[test]
fn the_check_refuses_a_span_past_the_end_and_content_not_at_its_span() {
    let chars: Vec<char> = "Ada said hi.".chars().collect();
    let mut statement: Statement = serde_json::from_str(
        r#"{"speaker":"Ada","content":"hi","kind":"indirect","content_span":[9,11]}"#,
    )
    .unwrap();
    assert!(check_statement(&chars, &statement).is_ok());
    statement.content = "ho".into();
    assert!(check_statement(&chars, &statement).is_err());
    statement.content_span = Spans(vec![claimdb::Span::new(9, 40)]);
    assert!(check_statement(&chars, &statement).is_err());
}
