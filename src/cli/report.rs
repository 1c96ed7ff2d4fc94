//! `claimdb report`: who stands where on what, and who changed position.
//!
//! - `stance`: each speaker's latest stance on each topic, with the
//!   statement counts and date range behind it: a speaker × topic matrix in
//!   `markdown` (and in `html`), one row per speaker and topic in the other
//!   formats (a terminal is too narrow for a matrix of many topics);
//! - `timeline`: one speaker's dated stances with cue and source;
//! - `shifts`: every support <-> oppose change (neutral statements in
//!   between do not break the chain);
//! - `disagreements`: speakers whose current positions on a topic are opposite;
//! - `html`: one self-contained page with the matrix and a timeline per speaker.
//!
//! Only statements with a topic take part. The rules are in `tracking`.

use super::{Context, Outcome};
use crate::error::Error;
use crate::output::html::{self, span_text};
use crate::output::{self, Format, Rows};
use crate::model::StanceRecord;
use crate::store::{ReportFilter, Store};
use crate::tracking::{self, Disagreement, MatrixCell, Shift};
use serde_json::{json, Value};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub report: Report,
}

/// Which statements a report covers.
#[derive(Debug, clap::Args)]
pub struct Filter {
    /// Part of a speaker's name or alias, any case ("rubio").
    #[arg(long)]
    pub speaker: Option<String>,
    /// Part of a topic name, any case.
    #[arg(long)]
    pub topic: Option<String>,
}

#[derive(Debug, clap::Subcommand)]
pub enum Report {
    /// Each speaker's latest stance on each topic, with counts and dates.
    Stance {
        #[command(flatten)]
        filter: Filter,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// One speaker's stances in date order, with cue and source.
    Timeline {
        /// Part of a speaker's name or alias, any case ("rubio").
        #[arg(long, required = true)]
        speaker: String,
        /// Part of a topic name, any case.
        #[arg(long)]
        topic: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Every change between support and oppose by a speaker on a topic.
    Shifts {
        #[command(flatten)]
        filter: Filter,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Pairs of speakers whose current positions on a topic are opposite.
    Disagreements {
        #[command(flatten)]
        filter: Filter,
        /// At most this many pairs (0: all of them). Every supporter of a
        /// topic pairs with every opponent, so the full list grows as the
        /// square of the speakers.
        #[arg(long, default_value_t = DEFAULT_DISAGREEMENTS)]
        limit: usize,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Write one self-contained HTML page: the matrix, the shifts and a
    /// timeline per speaker.
    Html {
        #[command(flatten)]
        filter: Filter,
        /// Where to write the page.
        #[arg(long, short, default_value = "report.html")]
        output: PathBuf,
        /// The page's heading.
        #[arg(long, default_value = "Who stands where")]
        title: String,
    },
}

/// Enough pairs to read; a corpus with hundreds of speakers on one topic
/// would otherwise print tens of thousands by accident.
const DEFAULT_DISAGREEMENTS: usize = 1000;

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let store = Store::open(&ctx.db)?;
    let records = |filter: Filter| store.stance_records(&ReportFilter { speaker: filter.speaker, topic: filter.topic });
    match args.report {
        Report::Stance { filter, format } => output::print(&stance_rows(&records(filter)?, format), format)?,
        Report::Timeline { speaker, topic, format } => {
            let records = records(Filter { speaker: Some(speaker), topic })?;
            output::print(&timeline_rows(&records, format), format)?
        }
        Report::Shifts { filter, format } => {
            output::print(&shift_rows(&tracking::shifts(&records(filter)?), format), format)?
        }
        Report::Disagreements { filter, limit, format } => {
            let records = records(filter)?;
            let pairs = tracking::disagreements(&records, (limit > 0).then_some(limit));
            output::print(&disagreement_rows(&pairs, format), format)?;
            if limit > 0 && pairs.len() == limit {
                eprintln!("claimdb: showed the first {limit} pairs; --limit N shows more, --limit 0 all");
            }
        }
        Report::Html { filter, output, title } => {
            let records = records(filter)?;
            let page = html::report_page(&title, &records);
            write_whole_file(&output, &page)?;
            eprintln!(
                "claimdb: wrote {} ({} statements, {} shifts)",
                output.display(),
                records.len(),
                tracking::shifts(&records).len()
            );
        }
    }
    Ok(Outcome::Done)
}

/// Write next to the target and rename, so a failed write leaves no half page.
fn write_whole_file(path: &PathBuf, text: &str) -> Result<(), Error> {
    let mut partial = path.clone().into_os_string();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    std::fs::write(&partial, text).map_err(|e| Error::io(&partial, e))?;
    std::fs::rename(&partial, path).map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        Error::io(path, e)
    })
}

fn stance_text(record: &StanceRecord) -> String {
    format!("{}{}", record.stance, if record.hedged { ", hedged" } else { "" })
}

/// The document's title, else its path or URL.
fn source_text(record: &StanceRecord) -> String {
    record.title.clone().or_else(|| record.doc.clone()).unwrap_or_default()
}

fn stance_rows(records: &[StanceRecord], format: Format) -> Rows {
    let cells = tracking::stance_matrix(records);
    match format {
        Format::Markdown => stance_pivot(records, &cells),
        Format::Table => {
            let mut rows = Rows::new(&["speaker", "topic", "stance", "statements", "dates", "latest"]);
            rows.wide = Some(5);
            for cell in &cells {
                rows.push(vec![
                    json!(cell.speaker),
                    json!(cell.topic),
                    json!(stance_text(cell.latest)),
                    json!(count_lines(cell)),
                    json!(span_text(cell.first_date, cell.last_date).replace(" to ", " to\n")),
                    json!(format!("{} “{}”", cell.latest.cue, cell.latest.content)),
                ]);
            }
            rows
        }
        _ => {
            let mut rows = Rows::new(&[
                "speaker", "topic", "stance", "hedged", "statements", "support", "oppose", "neutral", "first_date",
                "last_date", "latest_id", "latest_content",
            ]);
            for cell in &cells {
                rows.push(vec![
                    json!(cell.speaker),
                    json!(cell.topic),
                    json!(cell.latest.stance),
                    json!(cell.latest.hedged),
                    json!(cell.statements()),
                    json!(cell.support),
                    json!(cell.oppose),
                    json!(cell.neutral),
                    json!(cell.first_date),
                    json!(cell.last_date),
                    json!(cell.latest.id),
                    json!(cell.latest.content),
                ]);
            }
            rows
        }
    }
}

/// "1 support\n2 oppose": the counts behind a cell, zeros left out.
fn count_lines(cell: &MatrixCell) -> String {
    [(cell.support, "support"), (cell.oppose, "oppose"), (cell.neutral, "neutral")]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, stance)| format!("{n} {stance}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Speakers down, topics across; a cell is the latest stance, how many
/// statements are behind it and their dates.
fn stance_pivot(records: &[StanceRecord], cells: &[MatrixCell]) -> Rows {
    let topics = tracking::topics(records);
    let mut headers = vec!["speaker"];
    headers.extend(topics.iter().copied());
    let mut rows = Rows::new(&headers);
    let index = tracking::cell_index(cells);
    for speaker in tracking::speakers(records) {
        let mut row = vec![json!(speaker)];
        for topic in &topics {
            let cell = index.get(&(speaker, *topic));
            row.push(cell.map_or(Value::Null, |c| {
                let count = format!("{} statement{}", c.statements(), if c.statements() == 1 { "" } else { "s" });
                json!([stance_text(c.latest), count, span_text(c.first_date, c.last_date)].join("; "))
            }));
        }
        rows.push(row);
    }
    rows
}

fn timeline_rows(records: &[StanceRecord], format: Format) -> Rows {
    // The store orders by speaker and topic; a timeline reads by date.
    let mut ordered: Vec<&StanceRecord> = records.iter().collect();
    ordered.sort_by_key(|r| (r.date.is_none(), r.date));
    if for_people(format) {
        let mut rows = Rows::new(&["date", "speaker", "topic", "stance", "cue", "content", "source", "id"]);
        rows.wide = Some(5);
        for r in ordered {
            rows.push(vec![
                json!(r.date),
                json!(r.speaker),
                json!(r.topic),
                json!(stance_text(r)),
                json!(r.cue),
                json!(r.content),
                json!(source_text(r)),
                json!(r.id),
            ]);
        }
        return rows;
    }
    let mut rows =
        Rows::new(&["date", "speaker", "topic", "stance", "hedged", "cue", "content", "kind", "title", "doc", "id"]);
    for r in ordered {
        rows.push(vec![
            json!(r.date),
            json!(r.speaker),
            json!(r.topic),
            json!(r.stance),
            json!(r.hedged),
            json!(r.cue),
            json!(r.content),
            json!(r.kind),
            json!(r.title),
            json!(r.doc),
            json!(r.id),
        ]);
    }
    rows
}

/// A statement in one table cell: stance and date, what was said, where.
/// Lines in a table cell; Markdown cells are one line, so "; " there.
fn statement_cell(record: &StanceRecord, format: Format) -> String {
    let separator = line_separator(format);
    let mut parts = vec![
        format!("{}, {}", stance_text(record), span_text(record.date, record.date)),
        format!("{} “{}”", record.cue, record.content),
    ];
    parts.push(source_text(record));
    parts.retain(|p| !p.is_empty());
    parts.join(separator)
}

fn line_separator(format: Format) -> &'static str {
    if format == Format::Markdown {
        "; "
    } else {
        "\n"
    }
}

/// Table and Markdown get a few readable columns; the machine formats every field.
fn for_people(format: Format) -> bool {
    matches!(format, Format::Table | Format::Markdown)
}

/// The machine-readable columns of one statement, each prefixed.
fn statement_columns(prefix: &str) -> Vec<String> {
    ["id", "stance", "hedged", "date", "cue", "content", "title", "doc"].iter().map(|c| format!("{prefix}_{c}")).collect()
}

fn statement_values(record: &StanceRecord) -> Vec<Value> {
    vec![
        json!(record.id),
        json!(record.stance),
        json!(record.hedged),
        json!(record.date),
        json!(record.cue),
        json!(record.content),
        json!(record.title),
        json!(record.doc),
    ]
}

fn shift_rows(shifts: &[Shift], format: Format) -> Rows {
    if for_people(format) {
        let mut rows = Rows::new(&["speaker", "topic", "before", "after"]);
        for shift in shifts {
            rows.push(vec![
                json!(shift.to.speaker),
                json!(shift.to.topic),
                json!(statement_cell(shift.from, format)),
                json!(statement_cell(shift.to, format)),
            ]);
        }
        return rows;
    }
    let mut headers = vec!["speaker".to_string(), "topic".to_string()];
    headers.extend(statement_columns("from"));
    headers.extend(statement_columns("to"));
    let mut rows = Rows::new(&headers.iter().map(String::as_str).collect::<Vec<_>>());
    for shift in shifts {
        let mut row = vec![json!(shift.to.speaker), json!(shift.to.topic)];
        row.extend(statement_values(shift.from));
        row.extend(statement_values(shift.to));
        rows.push(row);
    }
    rows
}

fn disagreement_rows(disagreements: &[Disagreement], format: Format) -> Rows {
    if for_people(format) {
        let separator = line_separator(format);
        let mut rows = Rows::new(&["topic", "supports", "opposes"]);
        for d in disagreements {
            rows.push(vec![
                json!(d.supporter.topic),
                json!([d.supporter.speaker.clone(), statement_cell(d.supporter, format)].join(separator)),
                json!([d.opponent.speaker.clone(), statement_cell(d.opponent, format)].join(separator)),
            ]);
        }
        return rows;
    }
    let mut headers = vec!["topic".to_string(), "supporter".to_string(), "opponent".to_string()];
    headers.extend(statement_columns("supporter"));
    headers.extend(statement_columns("opponent"));
    let mut rows = Rows::new(&headers.iter().map(String::as_str).collect::<Vec<_>>());
    for d in disagreements {
        let mut row = vec![json!(d.supporter.topic), json!(d.supporter.speaker), json!(d.opponent.speaker)];
        row.extend(statement_values(d.supporter));
        row.extend(statement_values(d.opponent));
        rows.push(row);
    }
    rows
}
