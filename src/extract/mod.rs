//! The extraction pipeline, one stage a file, each plain data in, plain data
//! out: read (txt / html / jsonl, front matter) -> sentences -> quotes ->
//! cues -> attribution (source, cue, content) -> speakers (mentions,
//! coreference, canonical names) -> dates -> stance -> topics.
//!
//! Nothing here knows about SQLite or printing.

pub mod read;

use crate::model::{Document, Statement};

/// Every attributed statement in one document, in text order, with spans
/// into `doc.text`.
pub fn extract_statements(doc: &Document) -> Vec<Statement> {
    let _ = doc;
    Vec::new()
}
