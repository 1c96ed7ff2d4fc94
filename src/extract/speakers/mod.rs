//! Speakers: from a source mention as written ("U.S. Secretary of State Marco
//! Rubio", "Rubio", "he", "the Ukrainian president", "diplomatic sources") to
//! one canonical speaker within the document, with role and kind.
//!
//! Three stages, one a file: `mentions` finds the capitalised runs of a text
//! that may name someone; `names` turns a mention into a canonical name and
//! role; `coreference` ties pronouns, surnames and descriptions to the people
//! of the document. `words` holds the word lists they share.

mod coreference;
mod mention_words;
mod mentions;
mod names;
mod words;

pub use coreference::SpeakerResolver;
pub use names::{parse_name, ParsedName};
use crate::model::SpeakerKind;

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub name: String,
    pub mention: String,
    pub role: Option<String>,
    pub kind: SpeakerKind,
}
