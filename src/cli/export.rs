//! `claimdb export`: every statement, in the columns of `query`; `jsonl`
//! (the default) and `csv` are what `import` reads back.

use super::util::statement_rows;
use super::{Context, Outcome};
use crate::error::Error;
use crate::output::{self, Format};
use crate::store::Store;
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
    let rows = statement_rows(&store.all_statements()?, args.format);
    match &args.output {
        None => output::print(&rows, args.format)?,
        Some(path) => {
            write_file(path, |out| output::write(out, &rows, args.format))?;
            eprintln!("claimdb: wrote {} statements to {}", rows.rows.len(), path.display());
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
        let mut out = std::io::BufWriter::new(std::fs::File::create(&partial)?);
        write(&mut out)?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&partial, path)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        Error::io(path, e)
    })
}
