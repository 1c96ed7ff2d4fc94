//! The read -> extract -> hand-on pipeline the `ingest` and `extract`
//! commands share: one reader thread, `jobs` extraction threads, results
//! handed to a sink on the calling thread in input order, with memory
//! bounded by a few documents per worker however big the input.

use crate::extract::read::{read_items, Item, Notice, Overrides};
use crate::extract::Extractor;
use crate::model::{Document, Statement};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::Mutex;

/// Extraction threads when the user does not say: one per core.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Extraction threads for `ingest` when the user does not say: one per core
/// but the writer's. Storing is most of an ingest (on the PolNeAR train
/// texts the writer runs 2.2 G instructions, extraction 0.6 G), so a worker
/// on the writer's core only slows it: on 2 cores, one job took 0.75 s
/// wall and 0.62 s CPU, two jobs 1.05 s and 1.06 s.
pub fn default_jobs_beside_a_writer() -> usize {
    default_jobs().saturating_sub(1).max(1)
}

/// One step of the input, in input order, after extraction.
pub enum Unit {
    Notice(Notice),
    Article(Document, Vec<Statement>),
    /// Extraction panicked on this article: a bug in a rule must not sink a
    /// batch of thousands of articles, so it is reported and skipped.
    Failed(Document),
    /// Every item of one input path has gone by (for progress bars).
    FileDone,
}

/// The message for a [`Unit::Failed`] article.
pub const FAILED_MESSAGE: &str = "extraction failed on this article (a bug; please report it)";

/// How many items may be read ahead of the sink: enough to keep every
/// worker busy, few enough that memory does not grow with the input.
const READ_AHEAD_PER_JOB: usize = 16;

/// Read the inputs on one thread, extract on `jobs` worker threads, and hand
/// the results to `sink` on this thread in input order. A reader never gets
/// more than a few items per worker ahead of `sink` (permits), so memory
/// stays flat however big the input. An error from `sink` stops it all.
/// With one job everything runs on this thread (see [`extract_here`]).
pub fn extract_in_order(
    files: &[PathBuf],
    overrides: &Overrides,
    extractor: &Extractor,
    jobs: usize,
    mut sink: impl FnMut(Unit) -> crate::error::Result<()>,
) -> crate::error::Result<()> {
    if jobs <= 1 {
        return extract_here(files, overrides, extractor, sink);
    }
    let ahead = jobs.max(1) * READ_AHEAD_PER_JOB;
    let (permit_tx, permit_rx) = mpsc::sync_channel::<()>(ahead);
    for _ in 0..ahead {
        permit_tx.send(()).expect("the permit channel has room");
    }
    let (work_tx, work_rx) = mpsc::sync_channel::<(u64, Option<Item>)>(ahead);
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::channel::<(u64, Unit)>();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut seq = 0;
            for file in files {
                // `None` marks the end of a file.
                for item in read_items(file, overrides).map(Some).chain([None]) {
                    if permit_rx.recv().is_err() || work_tx.send((seq, item)).is_err() {
                        return; // the sink stopped
                    }
                    seq += 1;
                }
            }
        });
        for _ in 0..jobs.max(1) {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            scope.spawn(move || loop {
                let next = work_rx.lock().expect("no worker panics holding the queue").recv();
                let Ok((seq, item)) = next else { return };
                let unit = item.map_or(Unit::FileDone, |item| extract_item(extractor, item));
                if done_tx.send((seq, unit)).is_err() {
                    return;
                }
            });
        }
        drop(done_tx);
        // Owned here, so that returning early (an error from `sink`) drops
        // them and the reader and workers stop instead of waiting forever.
        let (permit_tx, done_rx) = (permit_tx, done_rx);
        // Results come back in any order; hand them on in input order.
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (seq, unit) in done_rx.iter() {
            waiting.insert(seq, unit);
            while let Some(unit) = waiting.remove(&next) {
                sink(unit)?; // on error, dropping the channels stops the others
                next += 1;
                let _ = permit_tx.send(());
            }
        }
        Ok(())
    })
}

/// The pipeline on the calling thread alone: read, extract and hand on one
/// item at a time. One job on three threads (reader, worker, sink) cost two
/// thread wake-ups an article (~4,200 futex calls on PolNeAR train, most of
/// the run's system time) and bought nothing on one core.
fn extract_here(
    files: &[PathBuf],
    overrides: &Overrides,
    extractor: &Extractor,
    mut sink: impl FnMut(Unit) -> crate::error::Result<()>,
) -> crate::error::Result<()> {
    for file in files {
        for item in read_items(file, overrides) {
            sink(extract_item(extractor, item))?;
        }
        sink(Unit::FileDone)?;
    }
    Ok(())
}

fn extract_item(extractor: &Extractor, item: Item) -> Unit {
    match item {
        Item::Notice(notice) => Unit::Notice(notice),
        Item::Article(doc) => extract_one(extractor, doc),
    }
}

fn extract_one(extractor: &Extractor, doc: Document) -> Unit {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extractor.extract(&doc))) {
        Ok(statements) => Unit::Article(doc, statements),
        Err(_) => Unit::Failed(doc),
    }
}
