//! `claimdb query`: find statements by speaker, topic, stance, date and full
//! text, in any output format.

use super::util::{date_arg, stance_arg, write_to};
use super::{Context, Outcome};
use crate::model::Stance;
use crate::output::statements::StatementWriter;
use crate::output::Format;
use crate::store::{StatementFilter, StatementPage, Store};
use chrono::NaiveDate;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Whole words of a speaker's name or alias, any case or accent ("ryan"
    /// finds Paul Ryan, not Craig Bryan; "clinton" every Clinton: the speaker
    /// column tells them apart, `speakers --search` lists them).
    #[arg(long)]
    pub speaker: Option<String>,
    /// One speaker record, by the id `speakers` shows.
    #[arg(long, value_name = "ID")]
    pub speaker_id: Option<i64>,
    /// Part of a topic name, any case.
    #[arg(long)]
    pub topic: Option<String>,
    /// support, oppose or neutral.
    #[arg(long, value_parser = stance_arg)]
    pub stance: Option<Stance>,
    /// Statements on or after this day (YYYY-MM-DD).
    #[arg(long, value_parser = date_arg)]
    pub since: Option<NaiveDate>,
    /// Statements on or before this day (YYYY-MM-DD).
    #[arg(long, value_parser = date_arg)]
    pub until: Option<NaiveDate>,
    /// Full-text query (SQLite FTS5 syntax: words, "a phrase", OR, NOT, prefix*)
    /// over content and speaker names.
    #[arg(long)]
    pub search: Option<String>,
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
    let filter = StatementFilter {
        speaker: args.speaker,
        speaker_id: args.speaker_id,
        topic: args.topic,
        stance: args.stance,
        since: args.since,
        until: args.until,
        search: args.search,
        limit: (args.limit > 0).then_some(args.limit),
    };
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
