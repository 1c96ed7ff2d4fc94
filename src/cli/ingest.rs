//! `claimdb ingest PATH...`: read articles, extract their statements and
//! store each document with its statements in one transaction.

use crate::extract::pipeline::{default_jobs_beside_a_writer, extract_in_order, Unit, FAILED_MESSAGE};
use super::util::{date_arg, stance_lexicon};
use chrono::NaiveDate;
use super::{interrupt, Context, Outcome};
use crate::extract::read::{expand_paths, Notice, Overrides};
use crate::extract::topics::TopicMatcher;
use crate::extract::Extractor;
use crate::store::{IngestMode, IngestReport, Store};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files (.txt, .html, .jsonl), folders (walked), or `-` for standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The publication date of every article read (YYYY-MM-DD).
    #[arg(long, value_parser = date_arg)]
    pub date: Option<NaiveDate>,
    /// The outlet of every article read.
    #[arg(long)]
    pub outlet: Option<String>,
    /// The title of every article read.
    #[arg(long)]
    pub title: Option<String>,
    /// Extract again from documents already stored: their extracted
    /// statements are replaced; statements a person added or edited stay.
    #[arg(long)]
    pub reextract: bool,
    /// A stance lexicon file (the format of data/stance_cues.tsv) whose
    /// entries add to and override the built-in ones.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
    /// Extract on this many threads (default: one per core but one, which
    /// the writer takes; 1 to 256). Storing is always one writer, in
    /// input order, so ids do not depend on it.
    #[arg(long, short = 'j', value_parser = super::util::parse_jobs)]
    pub jobs: Option<u32>,
}

/// What a run did, for the summary line.
#[derive(Debug, Default)]
struct Tally {
    documents: usize,
    already_stored: usize,
    statements: usize,
    new_speakers: usize,
    without_speaker: usize,
    skipped: usize,
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let overrides = Overrides {
        title: args.title,
        outlet: args.outlet,
        date: args.date,
    };
    let mode = if args.reextract { IngestMode::Reextract } else { IngestMode::SkipKnown };
    // A bad lexicon stops the run before the database is touched.
    let lexicon = stance_lexicon(args.lexicon.as_deref())?;
    let jobs = args.jobs.map_or_else(default_jobs_beside_a_writer, |n| n as usize);
    let mut store = Store::open_or_create(&ctx.db)?;
    let extractor = Extractor::new(lexicon, TopicMatcher::new(store.topic_defs()?));
    let files = expand_paths(&args.paths);
    let progress = progress_bar(files.len());
    let mut writer = Writer {
        store: &mut store,
        mode,
        progress: &progress,
        tally: Tally::default(),
        batch: Batch::default(),
        files_done: 0,
    };
    interrupt::catch();
    let result = extract_in_order(&files, &overrides, &extractor, jobs, |unit| writer.take(unit))
        .and_then(|()| writer.flush());
    progress.finish_and_clear();
    if let Err(crate::error::Error::Interrupted) = result {
        eprintln!("claimdb: {}", interrupted(&writer.tally, writer.files_done, files.len()));
        return Ok(Outcome::Interrupted);
    }
    if let Err(e) = result {
        eprintln!("claimdb: stopped after {}", summary(&writer.tally));
        return Err(e.into());
    }
    let tally = writer.tally;
    if tally.statements > 0 {
        store.settle_surnames()?;
        store.settle_person_topics()?;
        store.fold_single_use_topics()?;
    }
    eprintln!("claimdb: {}", summary(&tally));
    Ok(if tally.skipped > 0 { Outcome::Partial } else { Outcome::Done })
}

/// Units waiting to be written in one transaction.
#[derive(Default)]
struct Batch {
    units: Vec<Unit>,
    documents: usize,
    bytes: usize,
    statements: usize,
    /// When the first unit came in: a batch is also written once it is this
    /// old, so that readers and a rerun after a crash see steady progress.
    /// Not much more often: each commit writes FTS5 segments (merged again
    /// as they pile up) and every index page the batch touched, so at 250 ms
    /// the PolNeAR train corpus went in ~4 batches instead of 1.
    started: Option<std::time::Instant>,
}

/// A batch is written when it holds this many documents, bytes of text or
/// statements: one transaction (and one FTS flush) per batch instead of
/// per document, with memory bounded.
const BATCH_DOCUMENTS: usize = 1000;
const BATCH_BYTES: usize = 16 * 1024 * 1024;
const BATCH_STATEMENTS: usize = 50_000;
const BATCH_AGE: std::time::Duration = std::time::Duration::from_secs(1);

/// The one thread that writes: batches of whole documents, each document
/// all-or-nothing inside its batch's transaction.
struct Writer<'a> {
    store: &'a mut Store,
    mode: IngestMode,
    progress: &'a ProgressBar,
    tally: Tally,
    batch: Batch,
    /// Input paths wholly handed over, for the message after Ctrl-C.
    files_done: usize,
}

impl Writer<'_> {
    /// Take the next unit in input order. After Ctrl-C, the next article is
    /// not taken: what came before is written and the run stops with
    /// `Error::Interrupted`.
    fn take(&mut self, unit: Unit) -> crate::error::Result<()> {
        if matches!(unit, Unit::Article(..)) && interrupt::requested() {
            self.flush()?;
            return Err(crate::error::Error::Interrupted);
        }
        self.batch.started.get_or_insert_with(std::time::Instant::now);
        if let Unit::Article(doc, statements) = &unit {
            self.batch.documents += 1;
            self.batch.bytes += doc.text.len();
            self.batch.statements += statements.len();
        }
        self.batch.units.push(unit);
        let full = self.batch.documents >= BATCH_DOCUMENTS
            || self.batch.bytes >= BATCH_BYTES
            || self.batch.statements >= BATCH_STATEMENTS
            || self.batch.started.is_some_and(|t| t.elapsed() >= BATCH_AGE);
        if full {
            self.flush()?;
        }
        Ok(())
    }

    /// Write the batch in one transaction, then tell what happened, in input
    /// order. A document the store refuses (a bad span, say) is skipped, its
    /// savepoint rolled back; a database that fails (disk full, locked)
    /// loses the batch and stops the run.
    fn flush(&mut self) -> crate::error::Result<()> {
        let units = std::mem::take(&mut self.batch).units;
        let mut reports: Vec<crate::error::Result<IngestReport>> = Vec::new();
        if units.iter().any(|u| matches!(u, Unit::Article(..))) {
            let mut batch = self.store.ingest_batch(self.mode)?;
            for unit in &units {
                if let Unit::Article(doc, statements) = unit {
                    match batch.ingest_document(doc, statements, self.mode) {
                        Err(e @ (crate::error::Error::Input { .. } | crate::error::Error::Invalid(_))) => reports.push(Err(e)),
                        Err(e) => return Err(e),
                        Ok(report) => reports.push(Ok(report)),
                    }
                }
            }
            batch.commit()?;
        }
        let mut reports = reports.into_iter();
        for unit in units {
            match unit {
                Unit::Notice(notice) => report_notice(self.progress, &notice, &mut self.tally),
                Unit::Failed(doc) => report_notice(self.progress, &Notice::skipped(doc.path, FAILED_MESSAGE), &mut self.tally),
                Unit::FileDone => {
                    self.files_done += 1;
                    self.progress.inc(1);
                }
                Unit::Article(doc, _) => match reports.next().expect("a report per article") {
                    Ok(report) => {
                        self.tally.documents += usize::from(!report.already_stored);
                        self.tally.already_stored += usize::from(report.already_stored);
                        self.tally.statements += report.statements;
                        self.tally.new_speakers += report.new_speakers;
                        self.tally.without_speaker += report.without_speaker;
                    }
                    Err(crate::error::Error::Input { path, message }) => {
                        report_notice(self.progress, &Notice { location: path, message, skipped: true }, &mut self.tally);
                    }
                    Err(e) => {
                        let notice = Notice { location: doc.path.clone(), message: e.to_string(), skipped: true };
                        report_notice(self.progress, &notice, &mut self.tally);
                    }
                },
            }
        }
        Ok(())
    }
}

fn report_notice(progress: &ProgressBar, notice: &Notice, tally: &mut Tally) {
    let what = if notice.skipped { "skipped" } else { "warning" };
    progress.suspend(|| eprintln!("claimdb: {}: {what}: {}", notice.location, notice.message));
    tally.skipped += usize::from(notice.skipped);
}

fn summary(tally: &Tally) -> String {
    let mut line = format!(
        "{} documents added ({} already stored), {} statements, {} new speakers, {} inputs skipped",
        tally.documents, tally.already_stored, tally.statements, tally.new_speakers, tally.skipped
    );
    if tally.without_speaker > 0 {
        line += &format!("; {} quotes with no speaker found were left out", tally.without_speaker);
    }
    line
}

fn interrupted(tally: &Tally, files_done: usize, files: usize) -> String {
    format!(
        "interrupted after {} documents, in file {} of {files}: {}; run the same command again to continue",
        tally.documents + tally.already_stored,
        (files_done + 1).min(files),
        summary(tally)
    )
}

/// A bar only for a person watching a terminal; scripts get just the summary.
fn progress_bar(files: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() || files < 2 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(files as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}") {
        bar.set_style(style);
    }
    bar
}
