//! `claimdb ingest PATH...`: read articles, extract their statements and
//! store each document with its statements in one transaction.

use super::util::parse_optional_date;
use super::{interrupt, Context, Outcome};
use crate::extract::read::{expand_paths, read_path, Item, Notice, Overrides};
use crate::extract::stance::StanceLexicon;
use crate::extract::topics::TopicMatcher;
use crate::extract::Extractor;
use crate::store::{IngestMode, Store};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files (.txt, .html, .jsonl), folders (walked), or `-` for standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The publication date of every article read (YYYY-MM-DD).
    #[arg(long)]
    pub date: Option<String>,
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
}

/// What a run did, for the summary line.
#[derive(Debug, Default)]
struct Tally {
    documents: usize,
    already_stored: usize,
    statements: usize,
    new_speakers: usize,
    skipped: usize,
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let overrides = Overrides {
        title: args.title,
        outlet: args.outlet,
        date: parse_optional_date("--date", args.date.as_deref())?,
    };
    let mode = if args.reextract { IngestMode::Reextract } else { IngestMode::SkipKnown };
    let mut store = Store::open_or_create(&ctx.db)?;
    let extractor = Extractor::new(StanceLexicon::default(), TopicMatcher::new(store.topic_defs()?));
    let files = expand_paths(&args.paths);
    let progress = progress_bar(files.len());
    let mut tally = Tally::default();
    interrupt::catch();
    for (files_done, file) in files.iter().enumerate() {
        for item in read_path(file, &overrides) {
            match item {
                Item::Notice(notice) => report_notice(&progress, &notice, &mut tally),
                Item::Article(_) if interrupt::requested() => {
                    progress.finish_and_clear();
                    eprintln!("claimdb: {}", interrupted(&tally, files_done, files.len()));
                    return Ok(Outcome::Interrupted);
                }
                Item::Article(doc) => {
                    let statements = extractor.extract(&doc);
                    match store.ingest_document(&doc, &statements, mode) {
                        Ok(report) => {
                            tally.documents += usize::from(!report.already_stored);
                            tally.already_stored += usize::from(report.already_stored);
                            tally.statements += report.statements;
                            tally.new_speakers += report.new_speakers;
                        }
                        // A document the store refuses (a bad span, a statement
                        // without a speaker) is skipped, its transaction rolled
                        // back; a database that fails (disk full, locked) stops the run.
                        Err(crate::Error::Input { path, message }) => {
                            let notice = Notice { location: path, message, skipped: true };
                            report_notice(&progress, &notice, &mut tally);
                        }
                        Err(crate::Error::Invalid(message)) => {
                            let notice = Notice { location: doc.path.clone(), message, skipped: true };
                            report_notice(&progress, &notice, &mut tally);
                        }
                        Err(e) => {
                            progress.finish_and_clear();
                            eprintln!("claimdb: stopped after {}", summary(&tally));
                            return Err(e.into());
                        }
                    }
                }
            }
        }
        progress.inc(1);
    }
    progress.finish_and_clear();
    eprintln!("claimdb: {}", summary(&tally));
    Ok(if tally.skipped > 0 { Outcome::Partial } else { Outcome::Done })
}

fn report_notice(progress: &ProgressBar, notice: &Notice, tally: &mut Tally) {
    let what = if notice.skipped { "skipped" } else { "warning" };
    progress.suspend(|| eprintln!("claimdb: {}: {what}: {}", notice.location, notice.message));
    tally.skipped += usize::from(notice.skipped);
}

fn summary(tally: &Tally) -> String {
    format!(
        "{} documents added ({} already stored), {} statements, {} new speakers, {} inputs skipped",
        tally.documents, tally.already_stored, tally.statements, tally.new_speakers, tally.skipped
    )
}

fn interrupted(tally: &Tally, files_done: usize, files: usize) -> String {
    format!(
        "interrupted after {} documents, in file {} of {files}: {}; run the same command again to continue",
        tally.documents + tally.already_stored,
        files_done + 1,
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
