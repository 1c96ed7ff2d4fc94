//! `claimdb report`: who stands where on what, and who changed position.
//!
//! - `stance`: each speaker's latest stance on each topic, with the
//!   statement counts and date range behind it: a speaker × topic matrix in
//!   `markdown` (and in `html`), one row per speaker and topic in the other
//!   formats (a terminal is too narrow for a matrix of many topics);
//! - `timeline`: one speaker's dated stances with cue and source;
//! - `shifts`: every support <-> oppose change (neutral statements in
//!   between do not break the chain);
//! - `disagreements`: speakers whose current positions on a topic are opposite;
//! - `html`: one self-contained page with the matrix and a timeline per speaker.
//!
//! Only statements with a topic take part. The rules are in `tracking`.

use super::{Context, Outcome};
use crate::output::file::{database_files, write_output};
use crate::output::html;
use crate::output::reports::{disagreement_rows, shift_rows, stance_rows, timeline_rows};
use crate::output::{self, Format};
use crate::store::{ReportFilter, Store};
use crate::tracking;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub report: Report,
}

/// Which statements a report covers.
#[derive(Debug, clap::Args)]
pub struct Filter {
    /// Part of a speaker's name or alias, any case ("rubio").
    #[arg(long)]
    pub speaker: Option<String>,
    /// Part of a topic name, any case.
    #[arg(long)]
    pub topic: Option<String>,
}

#[derive(Debug, clap::Subcommand)]
pub enum Report {
    /// Each speaker's latest stance on each topic, with counts and dates.
    Stance {
        #[command(flatten)]
        filter: Filter,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// One speaker's stances in date order, with cue and source.
    Timeline {
        /// Part of a speaker's name or alias, any case ("rubio").
        #[arg(long, required = true)]
        speaker: String,
        /// Part of a topic name, any case.
        #[arg(long)]
        topic: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Every change between support and oppose by a speaker on a topic.
    Shifts {
        #[command(flatten)]
        filter: Filter,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Pairs of speakers whose current positions on a topic are opposite.
    Disagreements {
        #[command(flatten)]
        filter: Filter,
        /// At most this many pairs (0: all of them). Every supporter of a
        /// topic pairs with every opponent, so the full list grows as the
        /// square of the speakers.
        #[arg(long, default_value_t = DEFAULT_DISAGREEMENTS)]
        limit: usize,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Write one self-contained HTML page: the matrix, the shifts and a
    /// timeline per speaker.
    Html {
        #[command(flatten)]
        filter: Filter,
        /// Where to write the page.
        #[arg(long, short, default_value = "report.html")]
        output: PathBuf,
        /// The page's heading.
        #[arg(long, default_value = "Who stands where")]
        title: String,
    },
}

/// Enough pairs to read; a corpus with hundreds of speakers on one topic
/// would otherwise print tens of thousands by accident.
const DEFAULT_DISAGREEMENTS: usize = 1000;

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let store = Store::open(&ctx.db)?;
    let records = |filter: Filter| store.stance_records(&ReportFilter { speaker: filter.speaker, topic: filter.topic });
    match args.report {
        Report::Stance { filter, format } => {
            let records = records(filter)?;
            say_if_empty(records.is_empty(), NO_RECORDS);
            output::print(&stance_rows(&records, format), format)?
        }
        Report::Timeline { speaker, topic, format } => {
            let records = records(Filter { speaker: Some(speaker), topic })?;
            say_if_empty(records.is_empty(), NO_RECORDS);
            output::print(&timeline_rows(&records, format), format)?
        }
        Report::Shifts { filter, format } => {
            let records = records(filter)?;
            let shifts = tracking::shifts(&records);
            say_if_empty(shifts.is_empty(), if records.is_empty() { NO_RECORDS } else { "no shifts in stance" });
            output::print(&shift_rows(&shifts, format), format)?
        }
        Report::Disagreements { filter, limit, format } => {
            let records = records(filter)?;
            let pairs = tracking::disagreements(&records, (limit > 0).then_some(limit));
            say_if_empty(pairs.is_empty(), if records.is_empty() { NO_RECORDS } else { "no disagreements" });
            output::print(&disagreement_rows(&pairs, format), format)?;
            if limit > 0 && pairs.len() == limit {
                eprintln!("claimdb: showed the first {limit} pairs; --limit N shows more, --limit 0 all");
            }
        }
        Report::Html { filter, output, title } => {
            let records = records(filter)?;
            let page = html::report_page(&title, &records);
            write_output(&output, &database_files(&ctx.db), |out| out.write_all(page.as_bytes()))?;
            eprintln!(
                "claimdb: wrote {} ({} statements, {} shifts)",
                output.display(),
                records.len(),
                tracking::shifts(&records).len()
            );
        }
    }
    Ok(Outcome::Done)
}

/// Why a report is empty when no statement matched.
const NO_RECORDS: &str = "no statements with a topic match";

/// An empty listing says so on standard error (the listing itself still
/// goes out, headers and all, for a script to read).
fn say_if_empty(empty: bool, message: &str) {
    if empty {
        eprintln!("claimdb: {message}");
    }
}

