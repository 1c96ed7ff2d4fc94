//! The extractor on any text: no panic, and every statement points at the
//! document's own words: each span piece is 0 <= start <= end <= length (in
//! code points) and the content is the text at its pieces, joined by " ... ".
#![no_main]

use claimdb::extract::Extractor;
use claimdb::{Document, Spans};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::default)
}

fn check_spans(chars: &[char], spans: &Spans, what: &str) {
    for span in &spans.0 {
        assert!(span.start <= span.end && span.end <= chars.len(), "{what} span {span:?} outside 0..{}", chars.len());
    }
}

fuzz_target!(|text: &str| {
    let doc = Document { path: "fuzz.txt".into(), text: text.to_string(), ..Document::default() };
    let chars: Vec<char> = text.chars().collect();
    for statement in extractor().extract(&doc) {
        check_spans(&chars, &statement.content_span, "content");
        statement.source_span.iter().for_each(|s| check_spans(&chars, s, "source"));
        statement.cue_span.iter().for_each(|s| check_spans(&chars, s, "cue"));
        let pieces: Vec<String> =
            statement.content_span.0.iter().map(|s| chars[s.start..s.end].iter().collect()).collect();
        assert_eq!(statement.content, pieces.join(" ... "), "content is the text at its span");
    }
});
