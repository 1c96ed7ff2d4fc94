//! Small helpers the commands share: parsing values the way every command
//! does, and sending a listing to standard output or `--output`.

use super::Outcome;
use crate::error::Result;
use crate::extract::stance::StanceLexicon;
use crate::model::{Kind, Stance};
use crate::output::file::{database_files, write_output};
use chrono::NaiveDate;
use std::io::Write;
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

/// Run `write` on standard output or on the file, then say how many rows
/// went where (a file only: stdout is the data).
pub fn write_to(
    path: Option<&Path>,
    db: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<usize>,
) -> anyhow::Result<Outcome> {
    match path {
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::with_capacity(256 * 1024, stdout.lock());
            match write(&mut out).and_then(|n| out.flush().map(|()| n)) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                Ok(0) => eprintln!("claimdb: no statements match"),
                other => {
                    other?;
                }
            }
        }
        Some(path) => {
            let written = write_output(path, &database_files(db), write)?;
            eprintln!("claimdb: wrote {written} statements to {}", path.display());
        }
    }
    Ok(Outcome::Done)
}
