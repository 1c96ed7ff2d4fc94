//! `claimdb extract PATH...`: extract statements from articles and print them,
//! without a database. A dry run of `ingest`, and the interface the quality
//! benchmark (`score.py`) reads: `--format jsonl` prints one statement a line
//! with code point spans into each document's text.

use super::{Context, Outcome};
use crate::extract::read::{expand_paths, read_path, Item, Overrides};
use crate::extract::Extractor;
use crate::model::{Document, Spans, Statement};
use chrono::NaiveDate;
use clap::ValueEnum;
use serde::Serialize;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Articles to read: .txt, .html, .jsonl files, folders (walked), or - for stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,

    /// How to print the statements.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Table)]
    pub format: ExtractFormat,

    /// The date of every article read (YYYY-MM-DD), instead of what the files say.
    #[arg(long)]
    pub date: Option<NaiveDate>,

    /// The outlet of every article read.
    #[arg(long)]
    pub outlet: Option<String>,

    /// The title of every article read.
    #[arg(long)]
    pub title: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// A table that fits the terminal.
    Table,
    /// One JSON array of statements.
    Json,
    /// One JSON object per statement, one a line.
    Jsonl,
}

/// One printed statement: the JSONL line format of the issue.
#[derive(Debug, Serialize)]
struct StatementLine<'a> {
    doc: &'a str,
    title: Option<&'a str>,
    date: Option<NaiveDate>,
    speaker: &'a str,
    speaker_mention: &'a str,
    role: Option<&'a str>,
    cue: &'a str,
    content: &'a str,
    kind: crate::model::Kind,
    stance: crate::model::Stance,
    hedged: bool,
    topic: Option<&'a str>,
    content_span: &'a Spans,
    source_span: Option<&'a Spans>,
    cue_span: Option<&'a Spans>,
}

impl<'a> StatementLine<'a> {
    fn new(doc: &'a Document, s: &'a Statement) -> Self {
        StatementLine {
            doc: &doc.path,
            title: doc.title.as_deref(),
            date: s.date,
            speaker: &s.speaker,
            speaker_mention: &s.speaker_mention,
            role: s.role.as_deref(),
            cue: &s.cue,
            content: &s.content,
            kind: s.kind,
            stance: s.stance,
            hedged: s.hedged,
            topic: s.topic.as_deref(),
            content_span: &s.content_span,
            source_span: s.source_span.as_ref(),
            cue_span: s.cue_span.as_ref(),
        }
    }
}

pub fn run(args: Args, _ctx: &Context) -> anyhow::Result<Outcome> {
    let overrides = Overrides { title: args.title.clone(), outlet: args.outlet.clone(), date: args.date };
    let extractor = Extractor::default();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut skipped = false;
    // Pretty-printed objects, kept as text so fields stay in the JSONL order.
    let mut json_rows: Vec<String> = Vec::new();
    let mut table = new_table();
    for path in expand_paths(&args.paths) {
        for item in read_path(&path, &overrides) {
            let doc = match item {
                Item::Article(doc) => doc,
                Item::Notice(notice) => {
                    skipped |= notice.skipped;
                    eprintln!("claimdb: {}: {}", notice.location, notice.message);
                    continue;
                }
            };
            // A bug in a rule must not sink a batch of thousands of articles:
            // the article is reported and skipped, the others go through.
            let Ok(statements) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extractor.extract(&doc))) else {
                skipped = true;
                eprintln!("claimdb: {}: extraction failed on this article (a bug; please report it); skipped", doc.path);
                continue;
            };
            for s in &statements {
                let line = StatementLine::new(&doc, s);
                match args.format {
                    ExtractFormat::Jsonl => {
                        serde_json::to_writer(&mut out, &line)?;
                        out.write_all(b"\n")?;
                    }
                    ExtractFormat::Json => json_rows.push(serde_json::to_string_pretty(&line)?),
                    ExtractFormat::Table => add_row(&mut table, &doc, s),
                }
            }
        }
    }
    match args.format {
        ExtractFormat::Jsonl => {}
        ExtractFormat::Json => writeln!(out, "[{}]", json_rows.join(",\n"))?,
        ExtractFormat::Table => writeln!(out, "{table}")?,
    }
    out.flush()?;
    Ok(if skipped { Outcome::Partial } else { Outcome::Done })
}

fn new_table() -> comfy_table::Table {
    let mut table = comfy_table::Table::new();
    table.set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
    table.set_header(["doc", "date", "speaker", "cue", "content", "stance"]);
    table
}

fn add_row(table: &mut comfy_table::Table, doc: &Document, s: &Statement) {
    let name = std::path::Path::new(&doc.path).file_name().map_or(doc.path.clone(), |n| n.to_string_lossy().into_owned());
    let stance = if s.hedged { format!("{} (hedged)", s.stance) } else { s.stance.to_string() };
    table.add_row([
        name,
        s.date.map(|d| d.to_string()).unwrap_or_default(),
        s.speaker.clone(),
        s.cue.clone(),
        s.content.clone(),
        stance,
    ]);
}
