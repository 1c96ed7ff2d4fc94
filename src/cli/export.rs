//! `claimdb export`: every statement, in the columns of `query`; `jsonl`
//! (the default) and `csv` are what `import` reads back.

use super::{Context, Outcome};
use crate::error::Error;
use crate::output::statements::StatementWriter;
use crate::output::Format;
use crate::store::{StatementChunk, StatementReader, Store};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
    /// Write to this file instead of standard output (replaced whole, never
    /// left half-written).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let store = Store::open(&ctx.db)?;
    // A chunk of rows in memory at a time however many there are (the
    // table alone keeps every row for its layout): this thread writes them
    // out while another reads the next chunks from SQLite (each was about
    // half the work).
    let reader = StatementReader::new(&store)?;
    write_to(args.output.as_deref(), move |out| {
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

/// Run `write` on standard output or on the file, then say how many rows
/// went where (a file only: stdout is the data).
fn write_to(path: Option<&Path>, write: impl FnOnce(&mut dyn Write) -> std::io::Result<usize>) -> anyhow::Result<Outcome> {
    match path {
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::with_capacity(256 * 1024, stdout.lock());
            match write(&mut out).and_then(|n| out.flush().map(|()| n)) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                Ok(0) => eprintln!("claimdb: no statements to export"),
                other => {
                    other?;
                }
            }
        }
        Some(path) => {
            let mut written = 0;
            write_file(path, |out| {
                written = write(out)?;
                Ok(())
            })?;
            eprintln!("claimdb: wrote {written} statements to {}", path.display());
        }
    }
    Ok(Outcome::Done)
}

/// Write beside the target and rename over it, so a failure leaves the old
/// file (or none) rather than a truncated one.
fn write_file(path: &Path, write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), Error> {
    let file_name = path.file_name().ok_or_else(|| Error::invalid(format!("{}: not a file name", path.display())))?;
    let mut partial_name = std::ffi::OsString::from(".");
    partial_name.push(file_name);
    partial_name.push(format!(".{}.partial", std::process::id()));
    let partial = path.with_file_name(partial_name);
    let result = (|| {
        let mut out = std::io::BufWriter::with_capacity(256 * 1024, std::fs::File::create(&partial)?);
        write(&mut out)?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&partial, path)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        Error::io(path, e)
    })
}
