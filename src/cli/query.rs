//! `claimdb query`: find statements by speaker, topic, stance, date and full
//! text, in any output format.

use super::filters::FilterArgs;
use super::util::write_to;
use super::{Context, Outcome};
use crate::output::statements::StatementWriter;
use crate::output::Format;
use crate::store::{StatementPage, Store};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub filters: FilterArgs,
    /// At most this many statements, the earliest first (0: all of them).
    #[arg(long, default_value_t = DEFAULT_LIMIT)]
    pub limit: u64,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Write to this file instead of standard output (replaced whole, never
    /// left half-written; a device or FIFO is written to; never the database).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// A query that matches half a million statements should not print them all
/// by accident (nor sort and join them all: the limit is applied in SQL).
const DEFAULT_LIMIT: u64 = 1000;

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let filter = args.filters.to_filter((args.limit > 0).then_some(args.limit));
    let store = Store::open_for_query(&ctx.db)?;
    let page = store.query_page(&filter)?;
    let found = page.len() as u64;
    write_to(args.output.as_deref(), &ctx.db, |out| write(&page, args.format, out))?;
    if args.limit > 0 && found == args.limit {
        eprintln!("claimdb: showed the first {} statements; --limit N shows more, --limit 0 all", args.limit);
    }
    Ok(Outcome::Done)
}

/// Every format streams each row out as borrowed cells (as `export`
/// does): building a JSON value per cell and dropping it again was a sixth
/// of a 1,000-row query's instructions.
fn write(page: &StatementPage, format: Format, out: &mut dyn Write) -> std::io::Result<usize> {
    let mut writer = StatementWriter::new(out, format)?;
    for statement in page.views() {
        writer.push(&statement)?;
    }
    writer.finish()
}
