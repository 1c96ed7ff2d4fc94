//! `claimdb extract PATH...`: extract statements from articles and print them,
//! without a database. A dry run of `ingest`, and the interface the quality
//! benchmark (`score.py`) reads: `--format jsonl` prints one statement a line
//! with code point spans into each document's text.

use super::{Context, Outcome};
use crate::extract::read::{expand_paths, read_path, Item, Overrides};
use crate::extract::Extractor;
use crate::model::{Document, Spans, Statement};
use crate::output::{self, Rows};
use serde_json::Value;
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

    /// Extract this many documents at a time (threads); the output keeps the
    /// input order.
    #[arg(long, default_value_t = 1)]
    pub jobs: usize,

    /// A stance lexicon file (the format of data/stance_cues.tsv) whose
    /// entries add to and override the built-in ones.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
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
    let extractor = Extractor::new(super::util::stance_lexicon(args.lexicon.as_deref())?, Default::default());
    let mut skipped = false;
    let mut docs = Vec::new();
    for path in expand_paths(&args.paths) {
        for item in read_path(&path, &overrides) {
            match item {
                Item::Article(doc) => docs.push(doc),
                Item::Notice(notice) => {
                    skipped |= notice.skipped;
                    eprintln!("claimdb: {}: {}", notice.location, notice.message);
                }
            }
        }
    }
    let results = extract_all(&extractor, &docs, args.jobs.max(1));
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    // Pretty-printed objects, kept as text so fields stay in the JSONL order.
    let mut json_rows: Vec<String> = Vec::new();
    let mut table = Rows::new(&["doc", "date", "speaker", "cue", "content", "stance"]);
    table.wide = Some(4);
    for (doc, result) in docs.iter().zip(&results) {
        let Some(statements) = result else {
            skipped = true;
            eprintln!("claimdb: {}: extraction failed on this article (a bug; please report it); skipped", doc.path);
            continue;
        };
        for s in statements {
            let line = StatementLine::new(doc, s);
            match args.format {
                ExtractFormat::Jsonl => {
                    serde_json::to_writer(&mut out, &line)?;
                    out.write_all(b"\n")?;
                }
                ExtractFormat::Json => json_rows.push(serde_json::to_string_pretty(&line)?),
                ExtractFormat::Table => table.push(table_row(doc, s)),
            }
        }
    }
    match args.format {
        ExtractFormat::Jsonl => {}
        ExtractFormat::Json => writeln!(out, "[{}]", json_rows.join(",\n"))?,
        ExtractFormat::Table => output::write(&mut out, &table, output::Format::Table)?,
    }
    out.flush()?;
    Ok(if skipped { Outcome::Partial } else { Outcome::Done })
}

/// Statements of every document, in input order, `jobs` documents at a
/// time. `None` where extraction panicked: a bug in a rule must not sink a
/// batch of thousands of articles; the article is reported and skipped.
fn extract_all(extractor: &Extractor, docs: &[Document], jobs: usize) -> Vec<Option<Vec<Statement>>> {
    let one = |doc: &Document| std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extractor.extract(doc))).ok();
    if jobs <= 1 || docs.len() <= 1 {
        return docs.iter().map(one).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<Option<Vec<Statement>>> = vec![None; docs.len()];
    let done: Vec<Vec<(usize, Option<Vec<Statement>>)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs.min(docs.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(doc) = docs.get(i) else { break };
                        mine.push((i, one(doc)));
                    }
                    mine
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap_or_default()).collect()
    });
    for (i, r) in done.into_iter().flatten() {
        results[i] = r;
    }
    results
}

fn table_row(doc: &Document, s: &Statement) -> Vec<Value> {
    let name = std::path::Path::new(&doc.path).file_name().map_or(doc.path.clone(), |n| n.to_string_lossy().into_owned());
    let stance = if s.hedged { format!("{} (hedged)", s.stance) } else { s.stance.to_string() };
    vec![
        Value::from(name),
        s.date.map_or(Value::Null, |d| Value::from(d.to_string())),
        Value::from(s.speaker.clone()),
        Value::from(s.cue.clone()),
        Value::from(s.content.clone()),
        Value::from(stance),
    ]
}
