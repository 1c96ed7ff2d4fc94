//! Writing one statement: its row, its speaker and topic, its topic link
//! and its place in the full-text index.

use super::{spans_json, ManualSource};
use crate::error::Result;
use crate::model::{Origin, Statement};
use crate::store::search_rows::{search_key, PendingSearchRows};
use crate::store::speakers::SpeakerCache;
use crate::store::topics::{named_topic_id, TopicCache};
use crate::store::now;
use chrono::NaiveDate;
use rusqlite::Connection;

/// How a new statement gets into the full-text index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::store) enum FtsMode {
    /// The insert trigger indexes it (one write at a time).
    Trigger,
    /// A batch suspended the trigger: note the id, the batch indexes it on commit.
    Deferred,
    /// A batch into an empty table suspended the trigger and indexes every
    /// row on commit: nothing to note.
    WholeTable,
    /// An ingest batch suspended the trigger: keep the row's full-text
    /// values, the batch writes them on commit (see search_rows.rs).
    Buffered,
}

/// What the inserts of one transaction share: the speakers and topics they
/// already resolved, one creation time for all of them (evaluating the
/// schema's `strftime('now')` defaults twice per row was 9 % of an import's
/// inserts), and the two statements every insert runs.
pub(in crate::store) struct InsertCache<'c> {
    speakers: SpeakerCache,
    topics: TopicCache,
    inserts: HeldInserts<'c>,
    /// The full-text rows of a `Buffered` batch.
    pub(in crate::store) search: PendingSearchRows,
}

impl<'c> InsertCache<'c> {
    pub(in crate::store) fn new(conn: &'c Connection) -> Result<Self> {
        Ok(InsertCache {
            speakers: SpeakerCache::new(conn)?,
            topics: TopicCache::default(),
            inserts: HeldInserts::prepare(conn, &now())?,
            search: PendingSearchRows::default(),
        })
    }

    /// Forget every id: a rolled-back savepoint may have removed the rows.
    pub(in crate::store) fn clear(&mut self) {
        self.speakers.clear();
        self.topics.clear();
    }
}

/// The statement row insert and its topic link, prepared once for a
/// transaction's inserts. Why: taken from rusqlite's statement cache per
/// row, each was looked up by its SQL text (hashed) and had its bindings
/// cleared on the way back; the creation time is bound once here, as
/// bindings stay until bound again.
struct HeldInserts<'c> {
    row: rusqlite::Statement<'c>,
    link: rusqlite::Statement<'c>,
}

impl<'c> HeldInserts<'c> {
    fn prepare(conn: &'c Connection, now: &str) -> Result<Self> {
        let mut row = conn.prepare(
            "INSERT INTO statements (id, document_id, source_path, source_title, speaker_id, speaker_mention, role, cue,
                                     content, kind, stance, hedged, stated_on, content_start, content_end,
                                     content_span, source_span, cue_span, confidence, origin, created_at, updated_at, topic_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?21, ?22)",
        )?;
        row.raw_bind_parameter(21, now)?;
        // The link carries the statement's date, stance and speaker too:
        // bound here rather than read back from the row.
        let link = conn.prepare(
            "INSERT OR IGNORE INTO statement_topics (statement_id, topic_id, stated_on, stance, speaker_id)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        Ok(HeldInserts { row, link })
    }
}

/// A statement's date as bound to SQL: the text chrono's `%F` gives, as
/// rusqlite binds a `NaiveDate`, but written digit by digit for the years
/// 0 to 9999: chrono's formatter parses its format string at every call, and
/// binding a date that way was ~1,500 instructions, a fifth of binding an
/// imported row's 22 values.
#[derive(Debug, Clone, Copy)]
pub(in crate::store) enum StatedOn {
    Ymd([u8; 10]),
    /// A year `%F` writes with a sign or more than four digits.
    Other(NaiveDate),
}

impl StatedOn {
    pub(in crate::store) fn new(date: NaiveDate) -> Self {
        crate::model::iso_date_bytes(date).map_or(StatedOn::Other(date), StatedOn::Ymd)
    }
}

impl rusqlite::ToSql for StatedOn {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        match self {
            StatedOn::Ymd(text) => Ok(rusqlite::types::ToSqlOutput::Borrowed(rusqlite::types::ValueRef::Text(text))),
            StatedOn::Other(date) => date.to_sql(),
        }
    }
}

/// Insert one statement (and its speaker and topic when new) and link it
/// to its topic. A wanted `id` that is already taken gets a new one
/// instead. Returns its id, whether its speaker is new, and the speaker's
/// canonical name as stored (which the full-text index holds).
#[allow(clippy::too_many_arguments)]
pub(in crate::store) fn insert_statement<'c>(
    conn: &Connection,
    id: Option<i64>,
    document_id: Option<i64>,
    statement: &Statement,
    origin: Origin,
    source: &ManualSource,
    default_date: Option<NaiveDate>,
    fts: FtsMode,
    cache: &'c mut InsertCache<'_>,
) -> Result<(i64, bool, &'c str)> {
    let (speaker_id, new_speaker, speaker_name) = cache.speakers.resolve(
        conn,
        &statement.speaker,
        statement.speaker_kind,
        statement.role.as_deref(),
        &statement.speaker_mention,
    )?;
    // The full-text index's speaker column, as statement_search builds it.
    let search_speaker = (fts == FtsMode::Buffered).then(|| [speaker_name, &statement.speaker_mention].join(" "));
    // The topic is found first so that the row is written with its first
    // topic (statements.topic_id) at once: linking it then changes nothing,
    // where filling it in by the link's trigger would write the row twice.
    let automatic = origin == Origin::Extracted;
    let topic_id = named_topic_id(conn, statement.topic.as_deref(), automatic, &mut cache.topics)?;
    let hull = statement.content_span.hull();
    let day = statement.date.or(default_date);
    crate::store::speakers::record_role(conn, speaker_id, statement.speaker_kind, statement.role.as_deref(), day)?;
    let date = day.map(StatedOn::new);
    let insert = &mut cache.inserts.row;
    // Bound one by one (and ?21, the creation time, once for all rows):
    // an array of 22 `dyn ToSql` went through a virtual call per value.
    insert.raw_bind_parameter(2, document_id)?;
    insert.raw_bind_parameter(3, source.path.as_deref())?;
    insert.raw_bind_parameter(4, source.title.as_deref())?;
    insert.raw_bind_parameter(5, speaker_id)?;
    insert.raw_bind_parameter(6, statement.speaker_mention.as_str())?;
    insert.raw_bind_parameter(7, statement.role.as_deref())?;
    insert.raw_bind_parameter(8, statement.cue.as_str())?;
    insert.raw_bind_parameter(9, statement.content.as_str())?;
    insert.raw_bind_parameter(10, statement.kind.as_str())?;
    insert.raw_bind_parameter(11, statement.stance.as_str())?;
    insert.raw_bind_parameter(12, statement.hedged)?;
    insert.raw_bind_parameter(13, date)?;
    insert.raw_bind_parameter(14, hull.map(|h| h.start as i64))?;
    insert.raw_bind_parameter(15, hull.map(|h| h.end as i64))?;
    insert.raw_bind_parameter(16, spans_json(Some(&statement.content_span)))?;
    insert.raw_bind_parameter(17, spans_json(statement.source_span.as_ref()))?;
    insert.raw_bind_parameter(18, spans_json(statement.cue_span.as_ref()))?;
    insert.raw_bind_parameter(19, statement.confidence.clamp(0.0, 1.0))?;
    insert.raw_bind_parameter(20, origin.as_str())?;
    insert.raw_bind_parameter(22, topic_id)?;
    insert.raw_bind_parameter(1, id)?;
    // Trying the id and taking a new one on conflict costs one lookup less
    // per row than asking first.
    match insert.raw_execute() {
        Err(e) if id.is_some() && is_primary_key_conflict(&e) => {
            insert.raw_bind_parameter(1, None::<i64>)?;
            insert.raw_execute()?;
        }
        other => {
            other?;
        }
    }
    let statement_id = conn.last_insert_rowid();
    if fts == FtsMode::Deferred {
        conn.prepare_cached("INSERT INTO temp.claimdb_unindexed (id) VALUES (?1)")?.execute([statement_id])?;
    }
    if let Some(speaker) = search_speaker {
        cache.search.push(search_key(conn, statement_id, day)?, document_id, &statement.content, speaker);
    }
    if let Some(topic_id) = topic_id {
        let link = &mut cache.inserts.link;
        link.raw_bind_parameter(1, statement_id)?;
        link.raw_bind_parameter(2, topic_id)?;
        link.raw_bind_parameter(3, date)?;
        link.raw_bind_parameter(4, statement.stance.as_str())?;
        link.raw_bind_parameter(5, speaker_id)?;
        link.raw_execute()?;
    }
    Ok((statement_id, new_speaker, speaker_name))
}

fn is_primary_key_conflict(err: &rusqlite::Error) -> bool {
    matches!(err, rusqlite::Error::SqliteFailure(e, _) if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_date_is_bound_as_the_text_chrono_would_bind() {
        use super::StatedOn;
        use chrono::NaiveDate;
        use rusqlite::ToSql;
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let bound = |value: &dyn ToSql| -> String { conn.query_row("SELECT ?1", [value], |r| r.get(0)).unwrap() };
        for (year, month, day) in [(2024, 5, 1), (1999, 12, 31), (0, 1, 1), (7, 2, 3), (9999, 12, 31), (10_000, 1, 1), (-1, 6, 15)] {
            let date = NaiveDate::from_ymd_opt(year, month, day).unwrap();
            assert_eq!(bound(&StatedOn::new(date)), bound(&date), "{date:?}");
        }
        assert_eq!(bound(&StatedOn::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap())), "2024-05-01");
    }
}
