//! `claimdb extract PATH...`: extract statements from articles and print them,
//! without a database. A dry run of `ingest`, and the interface the quality
//! benchmark (`score.py`) reads: `--format jsonl` prints one statement a line
//! with code point spans into each document's text.

use super::pipeline::{default_jobs, extract_in_order, Unit, FAILED_MESSAGE};
use super::{Context, Outcome};
use crate::extract::read::{expand_paths, Overrides};
use crate::extract::Extractor;
use crate::model::{iso_date_bytes, Document, Spans, Statement};
use crate::output::json_line::{write_str, JsonObject};
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

    /// Extract on this many threads (default: one per core).
    /// The output keeps the input order whatever the number.
    #[arg(long, short = 'j', value_parser = clap::value_parser!(u32).range(1..))]
    pub jobs: Option<u32>,

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
    #[serde(serialize_with = "iso_date")]
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
    confidence: f64,
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
            confidence: s.confidence,
            content_span: &s.content_span,
            source_span: s.source_span.as_ref(),
            cue_span: s.cue_span.as_ref(),
        }
    }
}

pub fn run(args: Args, _ctx: &Context) -> anyhow::Result<Outcome> {
    let overrides = Overrides { title: args.title.clone(), outlet: args.outlet.clone(), date: args.date };
    let extractor = Extractor::new(super::util::stance_lexicon(args.lexicon.as_deref())?, Default::default());
    let jobs = args.jobs.map_or_else(default_jobs, |n| n as usize);
    let stdout = std::io::stdout();
    let mut printer = Printer::new(args.format, BufWriter::with_capacity(256 * 1024, stdout.lock()));
    let files = expand_paths(&args.paths);
    let result = extract_in_order(&files, &overrides, &extractor, jobs, |unit| printer.take(unit)).and_then(|()| printer.finish());
    match result {
        Ok(()) => {}
        // A reader that went away (`| head`) is not an error.
        Err(crate::Error::Io { cause, .. }) if cause.kind() == std::io::ErrorKind::BrokenPipe => return Ok(Outcome::Done),
        Err(e) => return Err(e.into()),
    }
    Ok(if printer.skipped { Outcome::Partial } else { Outcome::Done })
}

/// Prints statements as they come, in input order: JSONL and JSON straight
/// to the output, one document at a time; the table alone waits for every
/// row, since its column widths depend on them all.
struct Printer<W: Write> {
    format: ExtractFormat,
    out: W,
    /// Statements printed so far (the JSON array needs commas between them).
    printed: usize,
    table: Rows,
    skipped: bool,
    /// The JSONL line being written, reused from one statement to the next.
    line: Vec<u8>,
    /// The document's path and title as JSON values, escaped once for all
    /// of its statements' lines.
    doc_json: Vec<u8>,
    title_json: Vec<u8>,
}

impl<W: Write> Printer<W> {
    fn new(format: ExtractFormat, out: W) -> Self {
        let mut table = Rows::new(&["doc", "date", "speaker", "cue", "content", "stance"]);
        table.wide = Some(4);
        Printer { format, out, printed: 0, table, skipped: false, line: Vec::new(), doc_json: Vec::new(), title_json: Vec::new() }
    }

    fn take(&mut self, unit: Unit) -> crate::Result<()> {
        match unit {
            Unit::Article(doc, statements) => {
                if self.format == ExtractFormat::Jsonl && !statements.is_empty() {
                    self.doc_json.clear();
                    write_str(&mut self.doc_json, &doc.path);
                    self.title_json.clear();
                    match &doc.title {
                        Some(title) => write_str(&mut self.title_json, title),
                        None => self.title_json.extend_from_slice(b"null"),
                    }
                }
                for s in &statements {
                    self.print(&doc, s).map_err(stdout_error)?;
                }
            }
            Unit::Notice(notice) => {
                self.skipped |= notice.skipped;
                eprintln!("claimdb: {}: {}", notice.location, notice.message);
            }
            Unit::Failed(doc) => {
                self.skipped = true;
                eprintln!("claimdb: {}: {FAILED_MESSAGE}; skipped", doc.path);
            }
            Unit::FileDone => {}
        }
        Ok(())
    }

    fn print(&mut self, doc: &Document, s: &Statement) -> std::io::Result<()> {
        let line = StatementLine::new(doc, s);
        match self.format {
            ExtractFormat::Jsonl => {
                self.line.clear();
                line.write_json(&self.doc_json, &self.title_json, &mut self.line);
                self.line.push(b'\n');
                self.out.write_all(&self.line)?;
            }
            ExtractFormat::Json => {
                self.out.write_all(if self.printed == 0 { b"[" } else { b",\n" })?;
                serde_json::to_writer_pretty(&mut self.out, &line)?;
            }
            ExtractFormat::Table => self.table.push(table_row(doc, s)),
        }
        self.printed += 1;
        Ok(())
    }

    fn finish(&mut self) -> crate::Result<()> {
        let done = match self.format {
            ExtractFormat::Jsonl => Ok(()),
            ExtractFormat::Json => self.out.write_all(if self.printed == 0 { b"[]\n" } else { b"]\n" }),
            ExtractFormat::Table => output::write(&mut self.out, &self.table, output::Format::Table),
        };
        done.and_then(|()| self.out.flush()).map_err(stdout_error)
    }
}

impl StatementLine<'_> {
    /// The line as JSON, the bytes `serde_json::to_writer` prints for it
    /// (the `Serialize` derive stays for `--format json`), written directly:
    /// this runs for every statement of every article. `doc_json` and
    /// `title_json` are `self.doc` and `self.title` as JSON, written once a
    /// document.
    fn write_json(&self, doc_json: &[u8], title_json: &[u8], out: &mut Vec<u8>) {
        debug_assert_eq!(doc_json, serde_json::to_vec(self.doc).expect("a str serialises").as_slice());
        debug_assert_eq!(title_json, serde_json::to_vec(&self.title).expect("a str serialises").as_slice());
        let mut object = JsonObject::begin(out);
        object.raw_bytes("doc", doc_json).raw_bytes("title", title_json);
        match self.date.and_then(iso_date_bytes) {
            // Digits and dashes: nothing to escape.
            Some(digits) => {
                let mut quoted = [b'"'; 12];
                quoted[1..11].copy_from_slice(&digits);
                object.raw_bytes("date", &quoted)
            }
            None => object.raw("date", &serde_json::to_string(&self.date).expect("a date serialises")),
        };
        object
            .str("speaker", self.speaker)
            .str("speaker_mention", self.speaker_mention)
            .opt_str("role", self.role)
            .str("cue", self.cue)
            .str("content", self.content)
            .str("kind", self.kind.as_str())
            .str("stance", self.stance.as_str())
            .bool("hedged", self.hedged)
            .opt_str("topic", self.topic)
            .raw("confidence", &format!("{:.2}", self.confidence))
            .spans("content_span", self.content_span)
            .opt_spans("source_span", self.source_span)
            .opt_spans("cue_span", self.cue_span)
            .end();
    }
}

/// `YYYY-MM-DD` as chrono writes it, without going through `fmt` for every
/// statement (a tenth of the time spent printing went there).
fn iso_date<S: serde::Serializer>(date: &Option<NaiveDate>, out: S) -> Result<S::Ok, S::Error> {
    match date.and_then(iso_date_bytes) {
        Some(text) => out.serialize_str(std::str::from_utf8(&text).expect("digits and dashes are UTF-8")),
        None => date.serialize(out),
    }
}

fn stdout_error(cause: std::io::Error) -> crate::Error {
    crate::Error::io("standard output", cause)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_lines_are_serde_json_lines_with_each_document_written_once() {
        let text = "“Taxes will rise,” the minister said on Monday. Governor Tom Reyes said he disagreed.";
        let docs = [
            Document { path: "plain.txt".into(), text: text.into(), ..Document::default() },
            Document {
                path: "odd \"name\"\\\t\u{1}é.txt".into(),
                title: Some("A \"title\"\nwith\u{7f} marks ’".into()),
                date: "2025-08-18".parse().ok(),
                text: text.into(),
                ..Document::default()
            },
            Document { path: "empty.txt".into(), text: "Nothing here.".into(), ..Document::default() },
            Document { path: "old.txt".into(), date: "0099-01-02".parse().ok(), text: text.into(), ..Document::default() },
        ];
        let mut printer = Printer::new(ExtractFormat::Jsonl, Vec::new());
        let mut expected = Vec::new();
        for doc in docs {
            let statements = Extractor::default().extract(&doc);
            for s in &statements {
                expected.extend(serde_json::to_vec(&StatementLine::new(&doc, s)).expect("a line serialises"));
                expected.push(b'\n');
            }
            printer.take(Unit::Article(doc, statements)).expect("printing to memory");
        }
        assert_eq!(String::from_utf8(printer.out).unwrap(), String::from_utf8(expected).unwrap());
    }
}
