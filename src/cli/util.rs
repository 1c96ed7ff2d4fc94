//! Small helpers the commands share: parsing values the way every command
//! does.

use crate::error::Result;
use crate::extract::stance::StanceLexicon;
use crate::model::{Kind, Stance};
use chrono::NaiveDate;
use std::path::Path;

// The value parsers of flags whose values have a form: given to clap
// (`value_parser = ...`), so that a bad value is a usage mistake, reported
// the way clap reports its own (naming the flag and the value) with exit
// code 2, before anything is opened or read.

/// A `YYYY-MM-DD` date, checked to be a real day.
pub fn date_arg(value: &str) -> std::result::Result<NaiveDate, String> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map_err(|_| "not a date (expected YYYY-MM-DD, e.g. 2025-03-14)".to_string())
}

/// support, oppose or neutral, any case.
pub fn stance_arg(value: &str) -> std::result::Result<Stance, String> {
    value.parse()
}

/// direct, indirect or mixed, any case.
pub fn kind_arg(value: &str) -> std::result::Result<Kind, String> {
    value.parse()
}

/// The built-in stance lexicon, extended by the user's `--lexicon FILE`
/// when one is given (its errors name the file and line).
pub fn stance_lexicon(user_file: Option<&Path>) -> Result<StanceLexicon> {
    match user_file {
        Some(path) => StanceLexicon::with_user_file(path),
        None => Ok(StanceLexicon::builtin()),
    }
}
