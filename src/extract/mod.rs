//! The extraction pipeline, one stage a file, each plain data in, plain data
//! out: read (txt / html / jsonl, front matter) -> sentences -> quotes ->
//! cues -> attribution (source, cue, content) -> speakers (mentions,
//! coreference, canonical names) -> dates -> stance -> topics.
//!
//! Nothing here knows about SQLite or printing.

pub mod lexicon;
pub mod read;
pub mod stance;
pub mod topics;

use crate::model::{Document, Statement};
use stance::StanceLexicon;
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
        let _ = doc;
        Vec::new()
    }
}
