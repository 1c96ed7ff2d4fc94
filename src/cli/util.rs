//! Small helpers the commands share: parsing values the way every command
//! does.

use crate::error::{Error, Result};
use crate::extract::stance::StanceLexicon;
use crate::model::{Kind, Stance};
use chrono::NaiveDate;
use std::path::Path;

/// A `YYYY-MM-DD` date, checked to be a real day.
pub fn parse_date(flag: &str, value: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map_err(|_| Error::invalid(format!("{flag} '{value}' is not a date (expected YYYY-MM-DD, e.g. 2025-03-14)")))
}

pub fn parse_optional_date(flag: &str, value: Option<&str>) -> Result<Option<NaiveDate>> {
    value.map(|v| parse_date(flag, v)).transpose()
}

pub fn parse_stance(value: Option<&str>) -> Result<Option<Stance>> {
    value.map(|v| v.parse().map_err(|e: String| Error::invalid(format!("--stance: {e}")))).transpose()
}

pub fn parse_kind(value: Option<&str>) -> Result<Option<Kind>> {
    value.map(|v| v.parse().map_err(|e: String| Error::invalid(format!("--kind: {e}")))).transpose()
}

/// The built-in stance lexicon, extended by the user's `--lexicon FILE`
/// when one is given (its errors name the file and line).
pub fn stance_lexicon(user_file: Option<&Path>) -> Result<StanceLexicon> {
    match user_file {
        Some(path) => StanceLexicon::with_user_file(path),
        None => Ok(StanceLexicon::builtin()),
    }
}
