//! claimdb: who said what, when, and for or against what.
//!
//! The library behind the `claimdb` binary. Data flows one way:
//! `cli` reads arguments and calls `extract` (text in, statements out: knows
//! nothing of SQLite or printing) and `store` (all SQL); `output` formats rows
//! it is handed. `model` holds the plain data every stage shares.

pub mod cli;
pub mod error;
pub mod extract;
pub mod model;
pub mod output;
pub mod store;
pub mod tracking;

pub use error::{Error, Result};
pub use model::{Document, Kind, Span, Spans, SpeakerKind, Stance, Statement};
