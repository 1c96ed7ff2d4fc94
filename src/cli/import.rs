//! `claimdb import FILE`: read statements from a `.jsonl` or `.csv` file in
//! export's own format. All rows go in, or none do.

use super::{Context, Outcome};
use crate::error::Error;
use crate::store::{StatementRow, Store};
use serde_json::{Map, Value};
use std::io::BufRead;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A file written by `claimdb export` (`.jsonl` or `.csv`).
    pub file: PathBuf,
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let rows = read_rows(&args.file)?;
    let mut store = Store::open_or_create(&ctx.db)?;
    let (statements, new_speakers) = store.import_rows(&rows)?;
    println!("imported {statements} statements ({new_speakers} new speakers) from {}", args.file.display());
    Ok(Outcome::Done)
}

fn read_rows(path: &Path) -> Result<Vec<StatementRow>, Error> {
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("jsonl") => read_jsonl(path),
        Some("csv") => read_csv(path),
        _ => Err(Error::Input {
            path: path.display().to_string(),
            message: "cannot tell the format: import reads .jsonl or .csv files as export writes them".into(),
        }),
    }
}

fn read_jsonl(path: &Path) -> Result<Vec<StatementRow>, Error> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut rows = Vec::new();
    for (index, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| Error::io(path, e))?;
        if line.trim().is_empty() {
            continue;
        }
        let row = serde_json::from_str(&line).map_err(|e| bad_row(path, index + 1, e))?;
        rows.push(row);
    }
    Ok(rows)
}

/// Columns that are `null` when their CSV cell is empty.
const NULLABLE: &[&str] = &["doc", "title", "date", "role", "topic", "content_span", "source_span", "cue_span"];
/// Columns whose CSV cell holds JSON (numbers, booleans, spans).
const JSON_CELLS: &[&str] = &["id", "hedged", "confidence", "content_span", "source_span", "cue_span"];

fn read_csv(path: &Path) -> Result<Vec<StatementRow>, Error> {
    let mut reader = csv::Reader::from_path(path).map_err(|e| csv_error(path, e))?;
    let headers = reader.headers().map_err(|e| csv_error(path, e))?.clone();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(path, e))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let mut object = Map::new();
        for (header, cell) in headers.iter().zip(record.iter()) {
            let value = if cell.is_empty() && NULLABLE.contains(&header) {
                Value::Null
            } else if JSON_CELLS.contains(&header) {
                serde_json::from_str(cell).map_err(|e| bad_row(path, line, format!("column {header}: {e}")))?
            } else {
                Value::String(cell.to_string())
            };
            object.insert(header.to_string(), value);
        }
        rows.push(serde_json::from_value(Value::Object(object)).map_err(|e| bad_row(path, line, e))?);
    }
    Ok(rows)
}

fn bad_row(path: &Path, line: usize, err: impl std::fmt::Display) -> Error {
    Error::InputLine { path: path.display().to_string(), line, message: format!("not a statement row: {err}") }
}

fn csv_error(path: &Path, err: csv::Error) -> Error {
    match err.position() {
        Some(p) => Error::InputLine { path: path.display().to_string(), line: p.line() as usize, message: err.to_string() },
        None => Error::Input { path: path.display().to_string(), message: err.to_string() },
    }
}
