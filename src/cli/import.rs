//! `claimdb import FILE`: read statements from a `.jsonl` or `.csv` file in
//! export's own format. All rows go in, or none do.

use super::{Context, Outcome};
use crate::error::Error;
use crate::extract::read::has_four_digit_year;
use crate::store::{StatementRow, Store};
use serde_json::{Map, Value};
use std::io::BufRead;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A file written by `claimdb export` (`.jsonl` or `.csv`). A row's
    /// `speaker_wikidata` is given to its speaker record when the record
    /// has no Wikidata id yet.
    pub file: PathBuf,
    /// Leave out rows already in the database: the same content, speaker,
    /// date and document (or source) as a stored statement, or as a row
    /// imported before it. Importing the same export twice then adds nothing.
    #[arg(long)]
    pub skip_existing: bool,
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let reader = RowReader::open(&args.file)?;
    let mut store = Store::open_or_create(&ctx.db)?;
    // Rows are read and written a chunk at a time (memory stays flat however
    // big the file); the batch is one transaction, so a bad row stores nothing.
    let mut batch = if args.skip_existing { store.import_batch_skipping_existing()? } else { store.import_batch()? };
    let (mut statements, mut new_speakers, mut skipped) = (0usize, 0usize, 0usize);
    read_ahead(reader, |row| {
        if args.skip_existing && batch.holds(&row)? {
            skipped += 1;
            return Ok(());
        }
        new_speakers += usize::from(batch.import_row(row)?);
        statements += 1;
        Ok(())
    })?;
    batch.commit()?;
    let skipped = if args.skip_existing { format!(", {skipped} already stored skipped") } else { String::new() };
    println!("imported {statements} statements ({new_speakers} new speakers{skipped}) from {}", args.file.display());
    Ok(Outcome::Done)
}

/// Rows handed from the reading thread to the writer at a time.
const CHUNK_ROWS: usize = 1024;
/// Chunks read ahead of the writer at most.
const CHUNKS_AHEAD: usize = 4;

/// Hand every row to `each`, in file order, stopping at the first error,
/// while another thread reads and parses the rows ahead: parsing JSON took
/// as long as a quarter of the writing, and the writer (SQLite) can only use
/// one core.
fn read_ahead(reader: RowReader<'_>, mut each: impl FnMut(StatementRow) -> Result<(), Error>) -> Result<(), Error> {
    let (sender, receiver) = std::sync::mpsc::sync_channel::<Result<Vec<StatementRow>, Error>>(CHUNKS_AHEAD);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut chunk = Vec::with_capacity(CHUNK_ROWS);
            let read = reader.for_each(|row| {
                chunk.push(row);
                if chunk.len() == CHUNK_ROWS {
                    let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK_ROWS));
                    // The writer hung up after an error of its own: stop.
                    sender.send(Ok(full)).map_err(|_| Error::invalid("the writer stopped"))?;
                }
                Ok(())
            });
            // The rows before a bad one go first: the writer reports the
            // first error in file order, its own or the reader's.
            let _ = sender.send(Ok(chunk));
            if let Err(e) = read {
                let _ = sender.send(Err(e));
            }
        });
        // Owned here, so that an error below drops it before the scope
        // waits for the reader, which then stops at its next send.
        let receiver = receiver;
        for chunk in receiver.iter() {
            chunk?.into_iter().try_for_each(&mut each)?;
        }
        Ok(())
    })
}

/// A file of rows in one of the formats `export` writes, opened.
enum RowReader<'a> {
    Jsonl(&'a Path, std::io::BufReader<std::fs::File>),
    Csv(&'a Path, csv::Reader<std::fs::File>),
}

impl<'a> RowReader<'a> {
    fn open(path: &'a Path) -> Result<Self, Error> {
        let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("jsonl") => {
                let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
                Ok(RowReader::Jsonl(path, std::io::BufReader::with_capacity(256 * 1024, file)))
            }
            Some("csv") => Ok(RowReader::Csv(path, csv::Reader::from_path(path).map_err(|e| csv_error(path, e))?)),
            _ => Err(Error::Input {
                path: path.display().to_string(),
                message: "cannot tell the format: import reads .jsonl or .csv files as export writes them".into(),
            }),
        }
    }

    /// Hand every row to `each`, in file order; stops at the first error.
    fn for_each(self, each: impl FnMut(StatementRow) -> Result<(), Error>) -> Result<(), Error> {
        match self {
            RowReader::Jsonl(path, reader) => read_jsonl(path, reader, each),
            RowReader::Csv(path, reader) => read_csv(path, reader, each),
        }
    }
}

fn read_jsonl(
    path: &Path,
    mut reader: std::io::BufReader<std::fs::File>,
    mut each: impl FnMut(StatementRow) -> Result<(), Error>,
) -> Result<(), Error> {
    let mut line = String::new();
    let mut number = 0;
    loop {
        line.clear();
        if reader.read_line(&mut line).map_err(|e| Error::io(path, e))? == 0 {
            return Ok(());
        }
        number += 1;
        if line.trim().is_empty() {
            continue;
        }
        each(checked(serde_json::from_str(&line).map_err(|e| bad_row(path, number, e))?, path, number)?)?;
    }
}

/// Columns that are `null` when their CSV cell is empty.
const NULLABLE: &[&str] =
    &["doc", "title", "date", "role", "topic", "content_span", "source_span", "cue_span", "speaker_wikidata"];
/// Columns whose CSV cell holds JSON (numbers, booleans, spans).
const JSON_CELLS: &[&str] = &["id", "hedged", "confidence", "content_span", "source_span", "cue_span"];

fn read_csv(
    path: &Path,
    mut reader: csv::Reader<std::fs::File>,
    mut each: impl FnMut(StatementRow) -> Result<(), Error>,
) -> Result<(), Error> {
    let headers = reader.headers().map_err(|e| csv_error(path, e))?.clone();
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
        each(checked(serde_json::from_value(Value::Object(object)).map_err(|e| bad_row(path, line, e))?, path, line)?)?;
    }
    Ok(())
}

/// A row as read, refused if it holds what the database cannot keep right:
/// a date outside the years 0000-9999 (stored as text, it would sort and
/// search wrong), or a Wikidata id that is none.
fn checked(row: StatementRow, path: &Path, line: usize) -> Result<StatementRow, Error> {
    if let Some(id) = row.speaker_wikidata.as_deref().filter(|id| !crate::model::is_wikidata_id(id)) {
        return Err(bad_row(path, line, format!("speaker_wikidata '{id}' is not a Wikidata id of the form Q123")));
    }
    match row.date {
        Some(date) if !has_four_digit_year(date) => {
            Err(bad_row(path, line, format!("date {date} is outside the years 0000-9999 (expected YYYY-MM-DD)")))
        }
        _ => Ok(row),
    }
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
