//! `claimdb query`: find statements by speaker, topic, stance, date and full
//! text, in any output format.

use super::util::{parse_optional_date, parse_stance, statement_rows};
use super::{Context, Outcome};
use crate::output::{self, Format};
use crate::store::{StatementFilter, Store};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Part of a speaker's name or alias, any case ("rubio").
    #[arg(long)]
    pub speaker: Option<String>,
    /// Part of a topic name, any case.
    #[arg(long)]
    pub topic: Option<String>,
    /// support, oppose or neutral.
    #[arg(long)]
    pub stance: Option<String>,
    /// Statements on or after this day (YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<String>,
    /// Statements on or before this day (YYYY-MM-DD).
    #[arg(long)]
    pub until: Option<String>,
    /// Full-text query (SQLite FTS5 syntax: words, "a phrase", OR, NOT, prefix*)
    /// over content and speaker names.
    #[arg(long)]
    pub search: Option<String>,
    /// At most this many statements, the earliest first (0: all of them).
    #[arg(long, default_value_t = DEFAULT_LIMIT)]
    pub limit: u64,
    /// Output format (the table fits the terminal, or $CLAIMDB_WIDTH columns).
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// A query that matches half a million statements should not print them all
/// by accident (nor sort and join them all: the limit is applied in SQL).
const DEFAULT_LIMIT: u64 = 1000;

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let filter = StatementFilter {
        speaker: args.speaker,
        topic: args.topic,
        stance: parse_stance(args.stance.as_deref())?,
        since: parse_optional_date("--since", args.since.as_deref())?,
        until: parse_optional_date("--until", args.until.as_deref())?,
        search: args.search,
        limit: (args.limit > 0).then_some(args.limit),
    };
    let store = Store::open(&ctx.db)?;
    let statements = store.query_statements(&filter)?;
    output::print(&statement_rows(&statements, args.format), args.format)?;
    if args.limit > 0 && statements.len() as u64 == args.limit {
        eprintln!("claimdb: showed the first {} statements; --limit N shows more, --limit 0 all", args.limit);
    }
    Ok(Outcome::Done)
}
