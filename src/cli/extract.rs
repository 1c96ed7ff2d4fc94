//! `claimdb extract PATH...`: extract statements from articles and print them,
//! without a database. A dry run of `ingest`, and the interface the quality
//! benchmark (`score.py`) reads: `--format jsonl` prints one statement a line
//! with code point spans into each document's text.

use crate::extract::pipeline::{default_jobs, extract_in_order, Unit, FAILED_MESSAGE};
use super::{Context, Outcome};
use crate::extract::read::{expand_paths, Overrides};
use crate::extract::Extractor;
use crate::output::statements::ExtractedWriter;
use crate::output::Format;
use chrono::NaiveDate;
use std::io::BufWriter;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Articles to read: .txt, .html, .jsonl files, folders (walked), or - for stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,

    /// How to print the statements (jsonl: one statement a line with
    /// code point spans, what scorers read).
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,

    /// The date of every article read (YYYY-MM-DD), instead of what the files say.
    #[arg(long, value_parser = super::util::date_arg)]
    pub date: Option<NaiveDate>,

    /// The outlet of every article read.
    #[arg(long)]
    pub outlet: Option<String>,

    /// The title of every article read.
    #[arg(long)]
    pub title: Option<String>,

    /// Extract on this many threads (default: one per core; 1 to 256).
    /// The output keeps the input order whatever the number.
    #[arg(long, short = 'j', value_parser = super::util::parse_jobs)]
    pub jobs: Option<u32>,

    /// A stance lexicon file (the format of data/stance_cues.tsv) whose
    /// entries add to and override the built-in ones.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
}

pub fn run(args: Args, _ctx: &Context) -> anyhow::Result<Outcome> {
    let overrides = Overrides { title: args.title.clone(), outlet: args.outlet.clone(), date: args.date };
    let extractor = Extractor::new(super::util::stance_lexicon(args.lexicon.as_deref())?, Default::default());
    let jobs = args.jobs.map_or_else(default_jobs, |n| n as usize);
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(256 * 1024, stdout.lock());
    let mut printer = Printer { writer: ExtractedWriter::new(args.format, &mut out)?, skipped: false };
    let files = expand_paths(&args.paths);
    let result = extract_in_order(&files, &overrides, &extractor, jobs, |unit| printer.take(unit));
    let skipped = printer.skipped;
    let result = result.and_then(|()| printer.writer.finish().map_err(stdout_error));
    match result {
        Ok(0) => eprintln!("claimdb: no statements found"),
        Ok(_) => {}
        // A reader that went away (`| head`) is not an error.
        Err(crate::error::Error::Io { cause, .. }) if cause.kind() == std::io::ErrorKind::BrokenPipe => return Ok(Outcome::Done),
        Err(e) => return Err(e.into()),
    }
    Ok(if skipped { Outcome::Partial } else { Outcome::Done })
}

/// Hands each document's statements to the writer in input order, and
/// tells of inputs skipped on standard error.
struct Printer<'a> {
    writer: ExtractedWriter<'a>,
    skipped: bool,
}

impl Printer<'_> {
    fn take(&mut self, unit: Unit) -> crate::error::Result<()> {
        match unit {
            Unit::Article(doc, statements) => self.writer.document(&doc, &statements).map_err(stdout_error)?,
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
}

fn stdout_error(cause: std::io::Error) -> crate::error::Error {
    crate::error::Error::io("standard output", cause)
}
