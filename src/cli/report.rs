//! `claimdb report`: who stands where on what, and who changed position.
//!
//! - `stance`: the most-quoted speakers by the most-discussed topics (25 by
//!   20 unless told), a cell per speaker and topic with the side most of
//!   the statements take and the counts of each: a matrix in `markdown`, one
//!   row per cell in the other formats (a terminal is too narrow for a
//!   matrix);
//! - `timeline`: one speaker's dated stances with cue and source;
//! - `shifts`: changes of position between confident statements, strongest
//!   evidence first;
//! - `disagreements`: one row per topic, supporter and opponent, each side
//!   shown by its strongest statement, written as they are found;
//! - `html`: one self-contained page with the matrix, the shifts and each
//!   speaker's timeline and statements.
//!
//! Only statements with a topic take part. The rules are in `tracking`.

use super::filters::ScopeArgs as Filter;
use super::{Context, Outcome};
use crate::error::{Error, Result};
use crate::model::{NameCount, Position, StanceRecord};
use crate::output::file::{database_files, write_output};
use crate::output::html::{self, ReportPage, ShiftView};
use crate::output::reports::{disagreement_headers, disagreement_row, shift_rows, stance_rows, timeline_rows};
use crate::output::{self, Format};
use crate::store::{ReportFilter, Store};
use crate::tracking::{self, Disagreement, MatrixCell, Shift, SideConfidence};
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub report: Report,
}

/// How big a matrix is.
#[derive(Debug, Clone, clap::Args)]
pub struct Size {
    /// The most-quoted speakers to show (0: all of them).
    #[arg(long, default_value_t = 25)]
    pub speakers: usize,
    /// The most-discussed topics to show (0: all of them).
    #[arg(long, default_value_t = 20)]
    pub topics: usize,
}

/// Which statements count as evidence of a position.
#[derive(Debug, Clone, clap::Args)]
pub struct Evidence {
    /// Support and oppose count as such only when their stance confidence
    /// is at least this (0 to 1): shifts and disagreements leave the others
    /// out, the matrix and timelines show them as uncertain.
    #[arg(long, default_value_t = DEFAULT_MIN_CONFIDENCE, value_parser = confidence)]
    pub min_confidence: f64,
}

/// How much evidence a shift must stand on.
#[derive(Debug, Clone, clap::Args)]
pub struct ShiftEvidence {
    /// A shift is listed only when one of its sides (the position left or
    /// the one taken) stands on at least this many confident statements:
    /// one statement each way is as often a misread stance as a change.
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = clap::value_parser!(u64).range(1..))]
    pub min_statements: u64,
}

#[derive(Debug, clap::Subcommand)]
pub enum Report {
    /// The most-quoted speakers by the most-discussed topics: the side most
    /// statements take in each cell (neutral when none takes one), with
    /// counts and dates.
    Stance {
        #[command(flatten)]
        filter: Filter,
        #[command(flatten)]
        size: Size,
        #[command(flatten)]
        evidence: Evidence,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// One speaker's stances in date order, with cue and source.
    #[command(group(clap::ArgGroup::new("who").required(true).args(["speaker", "speaker_id"])))]
    Timeline {
        #[command(flatten)]
        filter: Filter,
        /// At most this many statements, the earliest first (0: all of them).
        #[arg(long, default_value_t = DEFAULT_LIMIT)]
        limit: usize,
        #[command(flatten)]
        evidence: Evidence,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Changes of position: a speaker who supported a topic on one day and
    /// opposed it on a later one (or the other way), strongest evidence
    /// first. Only statements with a source count, that take their side on
    /// the topic itself and speak of their own time (one reporting an
    /// earlier act, "endorsed her in early June", is dated then). Each side
    /// stands on one statement at --min-confidence, or on two agreeing ones
    /// at 0.55 or above when most of the speaker's statements on the topic
    /// take that side.
    Shifts {
        #[command(flatten)]
        filter: Filter,
        #[command(flatten)]
        evidence: Evidence,
        #[command(flatten)]
        shift_evidence: ShiftEvidence,
        /// At most this many shifts (0: all of them).
        #[arg(long, default_value_t = DEFAULT_LIMIT)]
        limit: usize,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// One row per topic, supporter and opponent, each side shown by its
    /// strongest statement; the most contested topics first.
    Disagreements {
        #[command(flatten)]
        filter: Filter,
        #[command(flatten)]
        evidence: Evidence,
        /// At most this many rows (0: all of them; they are written as they
        /// are found, so memory stays flat).
        #[arg(long, default_value_t = DEFAULT_LIMIT)]
        limit: usize,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Write one self-contained HTML page: the matrix, the shifts, and each
    /// speaker's timeline and statements.
    Html {
        #[command(flatten)]
        filter: Filter,
        #[command(flatten)]
        size: Size,
        #[command(flatten)]
        evidence: Evidence,
        #[command(flatten)]
        shift_evidence: ShiftEvidence,
        /// Where to write the page.
        #[arg(long, short, default_value = "report.html")]
        output: PathBuf,
        /// The page's heading.
        #[arg(long, default_value = "Who stands where")]
        title: String,
    },
}

/// Enough rows to read; a corpus with hundreds of speakers on one topic
/// has tens of thousands of disagreements.
const DEFAULT_LIMIT: usize = 1000;
/// Shifts and disagreements are claims about people: only statements whose
/// stance is likely right count.
const DEFAULT_MIN_CONFIDENCE: f64 = 0.8;
/// Shifts listed on the page.
const PAGE_SHIFTS: usize = 20;
/// Disagreements fetched and written at a time.
const DISAGREEMENT_BATCH: usize = 500;
/// The most statements kept read while writing disagreements.
const KEPT_RECORDS: usize = 20_000;

fn confidence(value: &str) -> std::result::Result<f64, String> {
    match value.parse::<f64>() {
        Ok(c) if (0.0..=1.0).contains(&c) => Ok(c),
        _ => Err(format!("'{value}' is not a confidence between 0 and 1")),
    }
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let store = Store::open(&ctx.db)?;
    match args.report {
        Report::Stance { filter, size, evidence, format } => {
            let filter = report_filter(&filter)?;
            let chosen = choose(&store, &filter, &size)?;
            say_if_empty(&store, &filter, chosen.records.is_empty(), NO_RECORDS)?;
            output::print(&stance_rows(&ranked_cells(&chosen, evidence.min_confidence), &chosen.speakers, &chosen.topics, format), format)?
        }
        Report::Timeline { filter, limit, evidence, format } => {
            let filter = report_filter(&filter)?;
            let records = store.dated_records(&filter, (limit > 0).then_some(limit as u64))?;
            say_if_empty(&store, &filter, records.is_empty(), NO_RECORDS)?;
            output::print(&timeline_rows(&records, format, evidence.min_confidence), format)?;
            if limit > 0 && records.len() == limit {
                eprintln!("claimdb: showed the first {limit} statements; --limit N shows more, --limit 0 all");
            }
        }
        Report::Shifts { filter, evidence, shift_evidence, limit, format } => {
            let filter = report_filter(&filter)?;
            let sides = SideConfidence::with_alone(evidence.min_confidence);
            let (found, thin) = shifts_in(&store, store.positions(&filter, sides.floor())?, sides, &shift_evidence)?;
            say_if_empty(&store, &filter, found.is_empty(), "no shifts between confident statements (--min-confidence sets how confident, --min-statements how many)")?;
            if thin > 0 {
                eprintln!(
                    "claimdb: {thin} more shift{} stand{} on fewer than {} statements a side; --min-statements 1 lists {}",
                    if thin == 1 { "" } else { "s" },
                    if thin == 1 { "s" } else { "" },
                    shift_evidence.min_statements,
                    if thin == 1 { "it" } else { "them" }
                );
            }
            let shown = &found[..found.len().min(if limit == 0 { usize::MAX } else { limit })];
            let records = shift_records(&store, shown)?;
            output::print(&shift_rows(&shift_views(shown, &records), format), format)?;
            if shown.len() < found.len() {
                eprintln!("claimdb: showed the first {limit} of {} shifts; --limit N shows more, --limit 0 all", found.len());
            }
        }
        Report::Disagreements { filter, evidence, limit, format } => {
            let filter = report_filter(&filter)?;
            let (with_others, speakers) = with_everyone(&store, &filter)?;
            let sides = tracking::sides(disagreement_evidence(&store, store.positions(&with_others, evidence.min_confidence)?)?);
            let limit = if limit == 0 { usize::MAX } else { limit };
            let found = tracking::disagreements(sides).filter(|d| {
                speakers.as_ref().is_none_or(|ids| {
                    ids.contains(&d.supporter.strongest.speaker_id) || ids.contains(&d.opponent.strongest.speaker_id)
                })
            });
            let (written, more) = write_disagreements(&store, found, limit, format)?;
            let none = "no disagreements between confident statements (--min-confidence sets how confident)";
            say_if_empty(&store, &filter, written == 0, none)?;
            if more {
                eprintln!("claimdb: showed the first {written} rows; --limit N shows more, --limit 0 all");
            }
        }
        Report::Html { filter, size, evidence, shift_evidence, output, title } => {
            let report_filter = report_filter(&filter)?;
            let sides = SideConfidence::with_alone(evidence.min_confidence);
            // The matrix needs the topic links and the few statements it
            // shows; the shifts need every confident statement: two reads
            // of different tables, each on its own connection and thread.
            let (chosen, shifts) = std::thread::scope(|scope| {
                let shifts = scope.spawn(|| -> Result<(Vec<Shift>, RecordsByPosition)> {
                    let store = Store::open(&ctx.db)?;
                    let (found, _) = shifts_in(&store, store.positions(&report_filter, sides.floor())?, sides, &shift_evidence)?;
                    let records = shift_records(&store, &found[..found.len().min(PAGE_SHIFTS)])?;
                    Ok((found, records))
                });
                let chosen = choose(&store, &report_filter, &size);
                (chosen, shifts.join().expect("the shifts thread does not panic"))
            });
            let (chosen, (found, records)) = (chosen?, shifts?);
            say_if_empty(&store, &report_filter, chosen.records.is_empty(), NO_RECORDS)?;
            let shifts = shift_views(&found[..found.len().min(PAGE_SHIFTS)], &records);
            let page = html::report_page(&ReportPage {
                title: &title,
                speakers: &chosen.speakers,
                topics: &chosen.topics,
                records: &chosen.records,
                shifts: &shifts,
                all_shifts: found.len(),
                total_speakers: chosen.total_speakers,
                total_topics: chosen.total_topics,
                total_statements: chosen.total_statements,
                filters: filter_words(&filter),
                min_confidence: evidence.min_confidence,
                min_statements: shift_evidence.min_statements,
            });
            write_output(&output, &database_files(&ctx.db), |out| out.write_all(page.as_bytes()))?;
            eprintln!(
                "claimdb: wrote {} ({} speakers by {} topics, {} statements; {} shifts)",
                output.display(),
                chosen.speakers.len(),
                chosen.topics.len(),
                chosen.records.len(),
                found.len()
            );
        }
    }
    Ok(Outcome::Done)
}

fn report_filter(filter: &Filter) -> Result<ReportFilter> {
    Ok(ReportFilter {
        speaker: filter.speaker.clone(),
        speaker_ids: filter.speaker_id.map(|id| vec![id]),
        topic: filter.topic.clone(),
        since: filter.since,
        until: filter.until,
        unresolved_speakers: tracking::unresolved_speaker_names(),
        generic_topics: tracking::generic_topic_names(),
        ..ReportFilter::default()
    })
}

/// The filters in words, for the page's summary.
fn filter_words(filter: &Filter) -> Vec<String> {
    let mut words = Vec::new();
    if let Some(speaker) = &filter.speaker {
        words.push(format!("speaker \u{201c}{speaker}\u{201d}"));
    }
    if let Some(id) = filter.speaker_id {
        words.push(format!("speaker #{id}"));
    }
    if let Some(topic) = &filter.topic {
        words.push(format!("topic \u{201c}{topic}\u{201d}"));
    }
    if let Some(since) = &filter.since {
        words.push(format!("since {since}"));
    }
    if let Some(until) = &filter.until {
        words.push(format!("until {until}"));
    }
    words
}

/// Why a report is empty when no statement matched.
const NO_RECORDS: &str = "no statements with a topic match";

/// When a report came out empty, say why on standard error, naming the
/// part of the filter that matched nothing if one did, else `otherwise`.
/// The listing itself still goes out (headers and all) and the exit code
/// is 0: an empty answer is an answer.
fn say_if_empty(store: &Store, filter: &ReportFilter, empty: bool, otherwise: &str) -> Result<()> {
    if !empty {
        return Ok(());
    }
    let alone = |speaker: Option<String>, topic: Option<String>| ReportFilter { speaker, topic, ..ReportFilter::default() };
    if let Some(ids) = &filter.speaker_ids {
        let speaker_alone = ReportFilter { speaker_ids: Some(ids.clone()), ..ReportFilter::default() };
        if store.speaker_counts(&speaker_alone)?.is_empty() {
            let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
            eprintln!("claimdb: no speaker with statements on a topic has --speaker-id {}", ids.join(", "));
            return Ok(());
        }
    }
    if let Some(speaker) = &filter.speaker {
        if store.speaker_counts(&alone(Some(speaker.clone()), None))?.is_empty() {
            eprintln!("claimdb: no speaker with statements on a topic matches --speaker '{speaker}'");
            return Ok(());
        }
    }
    if let Some(topic) = &filter.topic {
        if store.topic_counts(&alone(None, Some(topic.clone())))?.is_empty() {
            eprintln!("claimdb: no topic with statements matches --topic '{topic}'");
            return Ok(());
        }
    }
    eprintln!("claimdb: {otherwise}");
    Ok(())
}

/// The cells a matrix shows and the selection they were cut from.
struct Chosen {
    speakers: Vec<NameCount>,
    topics: Vec<NameCount>,
    records: Vec<StanceRecord>,
    total_speakers: usize,
    total_topics: usize,
    total_statements: u64,
}

/// The `size.speakers` most-quoted speakers within `filter` by the
/// `size.topics` topics they discuss most, and their statements; counted
/// in one pass over the topic links.
fn choose(store: &Store, filter: &ReportFilter, size: &Size) -> Result<Chosen> {
    let mut tally = tracking::Tally::default();
    store.for_each_link(filter, &mut |id, speaker, topic| tally.count(id, speaker, topic))?;
    let ranked = tally.speakers();
    let most_quoted = most_first(ranked.clone(), size.speakers, |ids| store.speaker_names(ids))?;
    let most_quoted_ids: Vec<i64> = most_quoted.iter().map(|s| s.id).collect();
    // Topics are ranked by what the most-quoted speakers say: topics that
    // many minor speakers discuss would leave the rows empty. The rows are
    // then the most-quoted speakers with a statement on those topics, so a
    // speaker quoted often on other topics leaves no empty row.
    // The matrix leaves out what speakers say about themselves ("Tom
    // Clarke" on the topic "Tom Clarke"), so those statements do not rank
    // its topics either: they would only give it empty columns.
    let discussed: Vec<i64> = tally.topics_of(&most_quoted_ids, |_, _| true).into_iter().map(|(id, _)| id).collect();
    let topic_names = store.topic_names_of(&discussed)?;
    let speaker_names: HashMap<i64, &str> = most_quoted.iter().map(|s| (s.id, s.name.as_str())).collect();
    let not_oneself = |speaker: i64, topic: i64| {
        let speaker = speaker_names.get(&speaker).copied().unwrap_or("");
        !tracking::about_oneself(speaker, topic_names.get(&topic).map_or("", String::as_str))
    };
    let topics = most_first(tally.topics_of(&most_quoted_ids, not_oneself), size.topics, |ids| {
        Ok(ids.iter().filter_map(|id| Some((*id, topic_names.get(id)?.clone()))).collect())
    })?;
    let topic_ids: Vec<i64> = topics.iter().map(|t| t.id).collect();
    let on_topics = tally.speakers_on(&topic_ids);
    let speakers = if on_topics.len() == tally.speaker_count() {
        most_quoted
    } else {
        let on_topics_ranked = ranked.into_iter().filter(|(id, _)| on_topics.contains(id)).collect();
        most_first(on_topics_ranked, size.speakers, |ids| store.speaker_names(ids))?
    };
    let speaker_ids: Vec<i64> = speakers.iter().map(|s| s.id).collect();
    let mut records = if speakers.is_empty() || topics.is_empty() {
        Vec::new()
    } else {
        store.stance_records(&ReportFilter {
            speaker_ids: Some(speaker_ids),
            topic_ids: Some(topic_ids),
            ..filter.clone()
        })?
    };
    records.retain(|r| !tracking::about_oneself(&r.speaker, &r.topic));
    Ok(Chosen {
        speakers,
        topics,
        records,
        total_speakers: tally.speaker_count(),
        total_topics: tally.topic_count(),
        total_statements: tally.statements,
    })
}

/// The first `n` of `counts` (all when 0), most statements first, ties by
/// name; only the names that can make the cut are looked up.
fn most_first(
    counts: Vec<(i64, u64)>,
    n: usize,
    names: impl Fn(&[i64]) -> Result<HashMap<i64, String>>,
) -> Result<Vec<NameCount>> {
    let n = if n == 0 { counts.len() } else { n.min(counts.len()) };
    let Some(&(_, last)) = counts.get(n.wrapping_sub(1)) else {
        return Ok(Vec::new());
    };
    let candidates: Vec<(i64, u64)> = counts.into_iter().take_while(|&(_, count)| count >= last).collect();
    let named = names(&candidates.iter().map(|&(id, _)| id).collect::<Vec<_>>())?;
    let mut ranked: Vec<NameCount> = candidates
        .into_iter()
        .map(|(id, statements)| NameCount { id, name: named.get(&id).cloned().unwrap_or_default(), statements })
        .collect();
    ranked.sort_by(|a, b| {
        b.statements.cmp(&a.statements).then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase())).then(a.id.cmp(&b.id))
    });
    ranked.truncate(n);
    Ok(ranked)
}

/// A speaker disagrees with others: `filter` widened from its speakers to
/// everyone on the topics they took a side on, and those speakers' ids
/// (None when `filter` names no speaker).
fn with_everyone(store: &Store, filter: &ReportFilter) -> Result<(ReportFilter, Option<HashSet<i64>>)> {
    if filter.speaker.is_none() && filter.speaker_ids.is_none() {
        return Ok((filter.clone(), None));
    }
    let mut speakers = HashSet::new();
    let mut topics = HashSet::new();
    store.for_each_position(filter, &mut |p| {
        speakers.insert(p.speaker_id);
        topics.insert(p.topic_id);
    })?;
    let widened = ReportFilter {
        speaker: None,
        speaker_ids: None,
        topic_ids: Some(topics.into_iter().collect()),
        ..filter.clone()
    };
    Ok((widened, Some(speakers)))
}

/// `positions` without those whose topic is their speaker's own name.
fn not_about_oneself(store: &Store, mut positions: Vec<Position>) -> Result<Vec<Position>> {
    let distinct = |ids: Vec<i64>| -> Vec<i64> { ids.into_iter().collect::<std::collections::HashSet<_>>().into_iter().collect() };
    let speakers = store.speaker_names(&distinct(positions.iter().map(|p| p.speaker_id).collect()))?;
    let topics = store.topic_names_of(&distinct(positions.iter().map(|p| p.topic_id).collect()))?;
    let mut oneself: rustc_hash::FxHashMap<(i64, i64), bool> = rustc_hash::FxHashMap::default();
    positions.retain(|p| {
        !*oneself.entry((p.speaker_id, p.topic_id)).or_insert_with(|| {
            let speaker = speakers.get(&p.speaker_id).map_or("", String::as_str);
            tracking::about_oneself(speaker, topics.get(&p.topic_id).map_or("", String::as_str))
        })
    });
    Ok(positions)
}

/// Statements whose text is read this many at a time when checking them
/// as evidence of a shift or a disagreement.
const TEXT_CHECK_BATCH: usize = 5000;

/// The shifts among confident `positions`, each side standing on
/// statements a journalist would quote (`tracking::shift_aim`), with
/// enough of them on one side (`evidence`); and how many more stand on
/// fewer. Only the statements of a speaker who took both sides of a topic
/// on different days are read, a batch at a time, and only their text.
fn shifts_in(
    store: &Store,
    positions: Vec<Position>,
    sides: SideConfidence,
    evidence: &ShiftEvidence,
) -> Result<(Vec<Shift>, usize)> {
    let positions = tracking::could_shift(not_about_oneself(store, positions)?, sides);
    let fit = with_aims(store, positions, tracking::shift_aim)?;
    let fit = fit.into_iter().map(|(p, aim)| (Position { day: aim.held_on, ..p }, aim)).collect();
    let all = tracking::shifts(tracking::one_bearer(tracking::without_repeats(fit)), sides);
    let least = usize::try_from(evidence.min_statements).unwrap_or(usize::MAX);
    let (kept, thin): (Vec<Shift>, Vec<Shift>) = all.into_iter().partition(|s| s.stands_on(least));
    Ok((kept, thin.len()))
}

/// `positions` whose statements pass `aim` (read from their text a batch
/// at a time), each with the aim it found.
fn with_aims(
    store: &Store,
    mut positions: Vec<Position>,
    aim: fn(&tracking::Said) -> Option<tracking::Aim>,
) -> Result<Vec<(Position, tracking::Aim)>> {
    let topic_ids: Vec<i64> = positions.iter().map(|p| p.topic_id).collect::<HashSet<_>>().into_iter().collect();
    let topics = store.topic_names_of(&topic_ids)?;
    let proposed = store.proposed_topics(&topic_ids)?;
    positions.sort_unstable_by_key(|p| (p.id, p.topic_id));
    let mut ids: Vec<i64> = positions.iter().map(|p| p.id).collect();
    ids.dedup();
    let mut fit = Vec::with_capacity(positions.len());
    for batch in ids.chunks(TEXT_CHECK_BATCH) {
        store.for_each_statement_text(batch, &mut |text| {
            let first = positions.partition_point(|p| p.id < text.id);
            for p in positions[first..].iter().take_while(|p| p.id == text.id) {
                let said = tracking::Said {
                    content: text.content,
                    topic: topics.get(&p.topic_id).map_or("", String::as_str),
                    year: text.year,
                    day: p.day,
                    cue: text.cue,
                    lead_in: text.lead_in,
                    sourced: text.sourced,
                    proposed_topic: proposed.contains(&p.topic_id),
                };
                if let Some(aim) = aim(&said) {
                    fit.push((*p, aim));
                }
            }
        })?;
    }
    Ok(fit)
}

/// The confident `positions` a disagreement may stand on: on topics both
/// supported and opposed, statements with a source that take their side
/// on the topic itself (`tracking::disagreement_aim`).
fn disagreement_evidence(store: &Store, positions: Vec<Position>) -> Result<Vec<Position>> {
    let positions = tracking::on_contested_topics(not_about_oneself(store, positions)?);
    let fit = tracking::without_repeats(with_aims(store, positions, tracking::disagreement_aim)?);
    Ok(fit.into_iter().map(|(p, _)| p).collect())
}

/// Statements by (statement id, topic id): a shift or disagreement names
/// its sides by these positions and is printed with their statements.
type RecordsByPosition = HashMap<(i64, i64), StanceRecord>;

/// A statement on a topic.
fn key(position: &Position) -> (i64, i64) {
    (position.id, position.topic_id)
}

/// The statements both sides of `shifts` stand on, by statement and topic.
fn shift_records(store: &Store, shifts: &[Shift]) -> Result<RecordsByPosition> {
    records_for(store, shifts.iter().flat_map(|s| [s.from, s.to]))
}

/// `shifts` with the statements they stand on.
fn shift_views<'a>(shifts: &[Shift], records: &'a RecordsByPosition) -> Vec<ShiftView<'a>> {
    shifts
        .iter()
        .map(|s| ShiftView {
            from: &records[&key(&s.from)],
            to: &records[&key(&s.to)],
            before: s.before,
            after: s.after,
            held_on: [s.from.day.and_then(tracking::date_of), s.to.day.and_then(tracking::date_of)],
            changes: s.changes,
        })
        .collect()
}

fn records_for(store: &Store, positions: impl Iterator<Item = Position>) -> Result<RecordsByPosition> {
    let positions: Vec<Position> = positions.collect();
    if positions.is_empty() {
        return Ok(HashMap::new());
    }
    let records = store.stance_records(&ReportFilter {
        statement_ids: Some(positions.iter().map(|p| p.id).collect()),
        topic_ids: Some(positions.iter().map(|p| p.topic_id).collect()),
        ..ReportFilter::default()
    })?;
    Ok(records.into_iter().map(|r| ((r.id, r.topic_id), r)).collect())
}

/// Rows of disagreements written as they come, a batch at a time (each
/// batch's statements read at once); returns how many were written and
/// whether the limit cut the list.
fn write_disagreements(
    store: &Store,
    mut found: impl Iterator<Item = Disagreement>,
    limit: usize,
    format: Format,
) -> Result<(usize, bool)> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let headers = disagreement_headers(format);
    let mut stream = output::Stream::new(&mut out, &headers.iter().map(String::as_str).collect::<Vec<_>>(), format)
        .map_err(|e| Error::io("<stdout>", e))?;
    let mut written = 0;
    // A topic's pairs repeat its sides' statements (each supporter faces
    // every opponent): each is read once while it is kept.
    let mut records: RecordsByPosition = HashMap::new();
    let written_all = (|| -> Result<bool> {
        loop {
            let batch: Vec<Disagreement> = found.by_ref().take(DISAGREEMENT_BATCH.min(limit - written)).collect();
            if batch.is_empty() {
                return Ok(false);
            }
            if records.len() > KEPT_RECORDS {
                records.clear();
            }
            let mut missing: Vec<Position> =
                batch.iter().flat_map(|d| [d.supporter.strongest, d.opponent.strongest]).filter(|p| !records.contains_key(&key(p))).collect();
            missing.sort_unstable_by_key(key);
            missing.dedup_by_key(|p| key(p));
            records.extend(records_for(store, missing.into_iter())?);
            for d in &batch {
                let row = disagreement_row(&records[&key(&d.supporter.strongest)], &d.supporter, &records[&key(&d.opponent.strongest)], &d.opponent, format);
                stream.push(row).map_err(|e| Error::io("<stdout>", e))?;
            }
            written += batch.len();
            if written == limit {
                return Ok(found.next().is_some());
            }
        }
    })();
    let more = match written_all.and_then(|more| stream.finish().map(|_| more).map_err(|e| Error::io("<stdout>", e))) {
        Err(Error::Io { cause, .. }) if cause.kind() == std::io::ErrorKind::BrokenPipe => false,
        other => other?,
    };
    let _ = out.flush();
    Ok((written, more))
}

/// The cells of `chosen` in matrix order: speakers, then topics, each most
/// statements first.
fn ranked_cells(chosen: &Chosen, min_confidence: f64) -> Vec<MatrixCell<'_>> {
    let rank = |list: &[NameCount]| -> HashMap<i64, usize> { list.iter().enumerate().map(|(i, n)| (n.id, i)).collect() };
    let (speaker_rank, topic_rank) = (rank(&chosen.speakers), rank(&chosen.topics));
    let mut cells = tracking::stance_matrix(&chosen.records, min_confidence);
    cells.sort_by_key(|c| (speaker_rank[&c.records[0].speaker_id], topic_rank[&c.records[0].topic_id]));
    cells
}

