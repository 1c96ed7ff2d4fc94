//! `claimdb export`: every statement, in the columns of `query`; `jsonl`
//! (the default) and `csv` are what `import` reads back.

use super::util::write_to;
use super::{Context, Outcome};
use crate::error::Error;
use crate::output::statements::StatementWriter;
use crate::output::Format;
use crate::store::{StatementChunk, StatementReader, Store};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
    /// Write to this file instead of standard output (replaced whole, never
    /// left half-written; a device or FIFO is written to; never the database).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let store = Store::open(&ctx.db)?;
    // A chunk of rows in memory at a time however many there are (the
    // table alone keeps every row for its layout): this thread writes them
    // out while another reads the next chunks from SQLite (each was about
    // half the work).
    let reader = StatementReader::new(&store)?;
    write_to(args.output.as_deref(), &ctx.db, move |out| {
        let mut writer = StatementWriter::new(out, args.format)?;
        let (sender, receiver) = std::sync::mpsc::sync_channel::<StatementChunk>(CHUNKS_AHEAD);
        let reader = &reader;
        std::thread::scope(|scope| {
            let reading = scope.spawn(move || {
                // The writer hung up after an error of its own: stop.
                reader.read(&store, |chunk| sender.send(chunk).map_err(|_| Error::invalid("the writer stopped")))
            });
            // Owned here, so that a write error below drops it before the
            // scope waits for the reader, which then stops at its next send.
            let receiver = receiver;
            for chunk in receiver.iter() {
                for statement in reader.views(&chunk) {
                    writer.push(&statement)?;
                }
            }
            reading.join().expect("the reading thread does not panic").map_err(std::io::Error::other)
        })?;
        writer.finish()
    })
}

/// Chunks of statements read ahead of the writer at most.
const CHUNKS_AHEAD: usize = 4;
