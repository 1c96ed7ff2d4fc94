//! `claimdb query`: find statements by speaker, topic, stance, date and full
//! text, in any output format.

use super::util::{parse_optional_date, parse_stance, statement_column_indexes, statement_columns, statement_rows};
use super::{Context, Outcome};
use crate::output::{self, Cell, Format};
use crate::model::Spans;
use crate::store::{StatementFilter, StatementRow, Store};
use std::io::Write;

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
    let store = Store::open_for_query(&ctx.db)?;
    let statements = store.query_statements(&filter)?;
    let found = statements.len() as u64;
    print(statements, args.format)?;
    if args.limit > 0 && found == args.limit {
        eprintln!("claimdb: showed the first {} statements; --limit N shows more, --limit 0 all", args.limit);
    }
    Ok(Outcome::Done)
}

/// The table lays out all rows at once; every other format streams each row
/// out as borrowed cells (as `export` does), written straight out in `csv`,
/// `jsonl` and `markdown`: building a JSON value per cell and dropping it
/// again was a sixth of a 1,000-row query's instructions.
fn print(statements: Vec<StatementRow>, format: Format) -> std::io::Result<()> {
    if format == Format::Table {
        return output::print(&statement_rows(&statements, format), format);
    }
    let columns = statement_columns(format);
    let picks = statement_column_indexes(columns);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = (|| {
        let mut stream = output::Stream::new(&mut out, columns, format)?;
        let mut date = String::new();
        for statement in &statements {
            let cells = statement_row_cells(statement, &mut date);
            match &picks {
                None => stream.push_cells(&cells)?,
                Some(picks) => stream.push_cells(&picks.iter().map(|&i| cells[i]).collect::<Vec<_>>())?,
            }
        }
        stream.finish().map(|_| ())
    })();
    match written.and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Every column of `s` as borrowed cells, in `StatementRow::HEADERS` order:
/// the values `StatementRow::cells` gives, without copies. The date is
/// written into `date` (as `NaiveDate` prints it) for the cells to borrow.
fn statement_row_cells<'a>(s: &'a StatementRow, date: &'a mut String) -> [Cell<'a>; 19] {
    let text = |t: &'a Option<String>| t.as_deref().map_or(Cell::Null, Cell::Text);
    let spans = |s: &'a Option<Spans>| s.as_ref().map_or(Cell::Null, Cell::Spans);
    date.clear();
    if let Some(day) = s.date {
        write_date(date, day);
    }
    [
        Cell::Int(s.id),
        text(&s.doc),
        text(&s.title),
        if s.date.is_some() { Cell::Text(date) } else { Cell::Null },
        Cell::Text(&s.speaker),
        Cell::Text(&s.speaker_mention),
        text(&s.role),
        Cell::Text(&s.cue),
        Cell::Text(&s.content),
        Cell::Text(s.kind.as_str()),
        Cell::Text(s.stance.as_str()),
        Cell::Bool(s.hedged),
        text(&s.topic),
        spans(&s.content_span),
        spans(&s.source_span),
        spans(&s.cue_span),
        Cell::Text(s.speaker_kind.as_str()),
        Cell::Text(s.origin.as_str()),
        Cell::Float(s.confidence),
    ]
}

/// `day` as its `Display` writes it: `YYYY-MM-DD` by digits for the years
/// 0 to 9999 (every date claimdb stores), through `Display` for the others.
fn write_date(out: &mut String, day: chrono::NaiveDate) {
    match crate::model::iso_date_bytes(day) {
        Some(text) => out.push_str(std::str::from_utf8(&text).expect("digits and dashes are UTF-8")),
        None => out.push_str(&day.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::write_date;
    use chrono::NaiveDate;

    #[test]
    fn a_date_is_written_as_it_displays() {
        for (year, month, day) in [(2024, 5, 1), (1999, 12, 31), (0, 1, 1), (7, 2, 3), (9999, 12, 31), (10_000, 1, 1), (-1, 6, 15)] {
            let date = NaiveDate::from_ymd_opt(year, month, day).unwrap();
            let mut written = String::new();
            write_date(&mut written, date);
            assert_eq!(written, date.to_string(), "{date:?}");
        }
    }
}
