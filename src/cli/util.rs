//! Small helpers the commands share: parsing values the way every command
//! does, and turning statements into rows for `output`.

use crate::error::{Error, Result};
use crate::extract::stance::StanceLexicon;
use crate::model::{Kind, Spans, Stance};
use crate::output::{Cell, Format, Rows};
use crate::store::{StatementRow, StatementView};
use chrono::NaiveDate;
use serde_json::json;
use std::path::Path;

/// A `YYYY-MM-DD` date, checked to be a real day.
/// The most threads `--jobs` may ask for: far more than any machine's cores,
/// far fewer than would exhaust memory with a thread stack each.
pub const MAX_JOBS: u32 = 256;

/// `--jobs N` (a usage error, exit 2, outside 1..=[`MAX_JOBS`]).
pub fn parse_jobs(value: &str) -> std::result::Result<u32, String> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let digits = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
    match value.parse::<u64>() {
        Ok(n) if (1..=u64::from(MAX_JOBS)).contains(&n) => Ok(n as u32),
        Ok(0) => Err("at least 1 thread is needed".to_string()),
        _ if digits => Err(format!("at most {MAX_JOBS} threads (this machine has {cores} cores; more than that gains nothing)")),
        _ => Err(format!("'{value}' is not a number of threads (1 to {MAX_JOBS})")),
    }
}

pub fn parse_date(flag: &str, value: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .ok()
        .filter(|date| crate::extract::read::has_four_digit_year(*date))
        .ok_or_else(|| Error::invalid(format!("{flag} '{value}' is not a date (expected YYYY-MM-DD, e.g. 2025-03-14)")))
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

/// The columns Markdown shows: the ones a reader needs. Machine formats get
/// every column; the table folds these into fewer, narrower columns.
const READABLE_COLUMNS: &[&str] =
    &["id", "date", "speaker", "role", "cue", "content", "kind", "stance", "hedged", "topic", "title", "doc"];

/// Statements as rows in the columns `format` prints.
pub fn statement_rows(statements: &[StatementRow], format: Format) -> Rows {
    match format {
        Format::Table => statement_table(statements),
        Format::Markdown => pick_columns(statements, READABLE_COLUMNS),
        _ => pick_columns(statements, StatementRow::HEADERS),
    }
}

/// The columns a streamed listing of statements prints in `format` (every
/// format but `table`, whose layout needs all rows at once).
pub fn statement_columns(format: Format) -> &'static [&'static str] {
    match format {
        Format::Markdown => READABLE_COLUMNS,
        _ => StatementRow::HEADERS,
    }
}

/// Where each of `columns` (from `statement_columns`) is among every
/// statement column; `None` when they are every column, in order.
pub fn statement_column_indexes(columns: &[&str]) -> Option<Vec<usize>> {
    if columns == StatementRow::HEADERS {
        return None;
    }
    let index = |c: &&str| StatementRow::HEADERS.iter().position(|all| all == c).expect("a statement column");
    Some(columns.iter().map(index).collect())
}

/// Every column of a statement as borrowed cells, in `StatementRow::HEADERS`
/// order: the same values `StatementRow::cells` gives, without copies.
pub fn statement_view_cells<'a>(s: &'a StatementView<'_>) -> [Cell<'a>; 19] {
    let text = |t: Option<&'a str>| t.map_or(Cell::Null, Cell::Text);
    let spans = |s: &'a Option<Spans>| s.as_ref().map_or(Cell::Null, Cell::Spans);
    [
        Cell::Int(s.id),
        text(s.doc),
        text(s.title),
        text(s.date.as_deref()),
        Cell::Text(s.speaker),
        Cell::Text(s.speaker_mention),
        text(s.role),
        Cell::Text(s.cue),
        Cell::Text(s.content),
        Cell::Text(s.kind.as_str()),
        Cell::Text(s.stance.as_str()),
        Cell::Bool(s.hedged),
        text(s.topic),
        spans(&s.content_span),
        spans(&s.source_span),
        spans(&s.cue_span),
        Cell::Text(s.speaker_kind.as_str()),
        Cell::Text(s.origin.as_str()),
        Cell::Float(s.confidence),
    ]
}

fn pick_columns(statements: &[StatementRow], headers: &[&str]) -> Rows {
    let picks: Vec<usize> = headers
        .iter()
        .map(|h| StatementRow::HEADERS.iter().position(|all| all == h).expect("a statement column"))
        .collect();
    let mut rows = Rows::new(headers);
    for statement in statements {
        let cells = statement.cells();
        rows.push(picks.iter().map(|&i| cells[i].clone()).collect());
    }
    rows
}

/// Eight columns that fit a terminal: the role goes under the speaker, kind
/// and hedging beside the stance, the document's path under its title.
fn statement_table(statements: &[StatementRow]) -> Rows {
    let mut rows = Rows::new(&["id", "date", "speaker", "cue", "content", "stance", "topic", "source"]);
    rows.wide = Some(4);
    for s in statements {
        let speaker = lines(&[Some(s.speaker.as_str()), s.role.as_deref()]);
        let stance = format!("{}{}\n{}", s.stance, if s.hedged { ", hedged" } else { "" }, s.kind);
        let source = lines(&[s.title.as_deref(), s.doc.as_deref()]);
        rows.push(vec![
            json!(s.id),
            json!(s.date),
            json!(speaker),
            json!(s.cue),
            json!(s.content),
            json!(stance),
            json!(s.topic),
            json!(source),
        ]);
    }
    rows
}

fn lines(parts: &[Option<&str>]) -> String {
    parts.iter().flatten().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join("\n")
}
