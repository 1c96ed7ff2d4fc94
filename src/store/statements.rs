//! Statements: insert, find, correct, delete, and the row every listing and
//! export prints.

use super::search_rows::{search_key, PendingSearchRows};
use super::speakers::{resolve_speaker, SpeakerCache};
use super::topics::{named_topic_id, set_statement_topic, TopicCache};
use super::{now, Store};
use crate::error::{Error, Result};
use crate::model::{Kind, Origin, SpeakerKind, Spans, Stance, Statement, StatementView, STATEMENT_COLUMNS};
use chrono::NaiveDate;
use rusqlite::{params, params_from_iter, types::Value as SqlValue, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;

/// One statement as `query` and `export` print it and `import` reads it back.
/// Field order is column order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementRow {
    #[serde(default)]
    pub id: i64,
    /// The document's path or URL (or the source given by hand).
    #[serde(default)]
    pub doc: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    pub speaker: String,
    #[serde(default)]
    pub speaker_mention: String,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub cue: String,
    pub content: String,
    pub kind: Kind,
    #[serde(default)]
    pub stance: Stance,
    #[serde(default)]
    pub hedged: bool,
    #[serde(default)]
    pub topic: Option<String>,
    #[serde(default)]
    pub content_span: Option<Spans>,
    #[serde(default)]
    pub source_span: Option<Spans>,
    #[serde(default)]
    pub cue_span: Option<Spans>,
    #[serde(default = "unknown_kind")]
    pub speaker_kind: SpeakerKind,
    #[serde(default = "manual_origin")]
    pub origin: Origin,
    #[serde(default = "full_confidence")]
    pub confidence: f64,
}

fn unknown_kind() -> SpeakerKind {
    SpeakerKind::Unknown
}
fn manual_origin() -> Origin {
    Origin::Manual
}
fn full_confidence() -> f64 {
    1.0
}

impl StatementRow {
    /// Column names, in the order of the struct's fields.
    pub const HEADERS: &'static [&'static str] = &STATEMENT_COLUMNS;

    /// The row borrowed as a view, the shape every statement is printed from.
    pub fn view(&self) -> StatementView<'_> {
        StatementView {
            id: self.id,
            doc: self.doc.as_deref(),
            title: self.title.as_deref(),
            date: self.date.map(|d| Cow::Owned(d.to_string())),
            speaker: &self.speaker,
            speaker_mention: &self.speaker_mention,
            role: self.role.as_deref(),
            cue: &self.cue,
            content: &self.content,
            kind: self.kind,
            stance: self.stance,
            hedged: self.hedged,
            topic: self.topic.as_deref(),
            content_span: self.content_span.clone(),
            source_span: self.source_span.clone(),
            cue_span: self.cue_span.clone(),
            speaker_kind: self.speaker_kind,
            origin: self.origin,
            confidence: self.confidence,
        }
    }

    /// The statement in the shared model's shape, its strings moved.
    pub fn into_statement(self) -> Statement {
        Statement {
            speaker: self.speaker,
            speaker_kind: self.speaker_kind,
            speaker_mention: self.speaker_mention,
            role: self.role,
            cue: self.cue,
            content: self.content,
            kind: self.kind,
            stance: self.stance,
            hedged: self.hedged,
            topic: self.topic,
            date: self.date,
            content_span: self.content_span.unwrap_or_default(),
            source_span: self.source_span,
            cue_span: self.cue_span,
            confidence: self.confidence,
        }
    }
}

/// One statement with what `show` adds: its document and timestamps.
#[derive(Debug, Clone)]
pub struct StatementDetail {
    pub row: StatementRow,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// The document's full text (None for a claim recorded by hand).
    pub document_text: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// What `query` asks for; every field narrows the result.
#[derive(Debug, Clone, Default)]
pub struct StatementFilter {
    /// Whole words of a canonical name or alias, any case and accent.
    pub speaker: Option<String>,
    /// One speaker record, by id.
    pub speaker_id: Option<i64>,
    /// Part of a topic name, any case.
    pub topic: Option<String>,
    pub stance: Option<Stance>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// An FTS5 query over content and speaker names.
    pub search: Option<String>,
    pub limit: Option<u64>,
}

/// A person's correction; fields left `None` stay as they are.
#[derive(Debug, Clone, Default)]
pub struct StatementEdit {
    pub speaker: Option<String>,
    pub content: Option<String>,
    pub stance: Option<Stance>,
    pub topic: Option<String>,
    pub date: Option<NaiveDate>,
    pub cue: Option<String>,
    pub role: Option<String>,
    pub kind: Option<Kind>,
    pub hedged: Option<bool>,
}

impl StatementEdit {
    pub fn is_empty(&self) -> bool {
        self.speaker.is_none()
            && self.content.is_none()
            && self.stance.is_none()
            && self.topic.is_none()
            && self.date.is_none()
            && self.cue.is_none()
            && self.role.is_none()
            && self.kind.is_none()
            && self.hedged.is_none()
    }
}

/// Where a statement came from when it has no document row.
#[derive(Debug, Clone, Default)]
pub struct ManualSource {
    pub path: Option<String>,
    pub title: Option<String>,
}

/// The columns `row_from_sql` reads, from `statement_view v` (a macro so the
/// SQL is put together by `concat!` at compile time, never by formatting).
macro_rules! row_columns {
    () => {
        "v.id, v.doc, v.title, v.date, v.speaker, v.speaker_mention, v.role, v.cue, v.content, \
         v.kind, v.stance, v.hedged, v.topic, v.content_span, v.source_span, v.cue_span, v.speaker_kind, v.origin, v.confidence"
    };
}

/// The columns `Store::read_page` reads, from `statements s`, `speakers sp`,
/// `documents d` and `topics t`.
macro_rules! page_columns {
    () => {
        "SELECT s.id, COALESCE(d.path, d.url, s.source_path), COALESCE(d.title, s.source_title), s.stated_on,
                s.speaker_mention, COALESCE(s.role, sp.role), s.cue, s.content, s.kind, s.stance, s.hedged,
                s.content_span, s.source_span, s.cue_span, s.origin, s.confidence, sp.name, sp.kind, t.name"
    };
}

fn row_from_sql(row: &Row) -> rusqlite::Result<StatementRow> {
    Ok(StatementRow {
        id: row.get(0)?,
        doc: row.get(1)?,
        title: row.get(2)?,
        date: parse_date(row, 3)?,
        speaker: row.get(4)?,
        speaker_mention: row.get(5)?,
        role: row.get(6)?,
        cue: row.get(7)?,
        content: row.get(8)?,
        kind: parse_text(row, 9)?,
        stance: parse_text(row, 10)?,
        hedged: row.get(11)?,
        topic: row.get(12)?,
        content_span: parse_spans(row, 13)?,
        source_span: parse_spans(row, 14)?,
        cue_span: parse_spans(row, 15)?,
        speaker_kind: parse_text(row, 16)?,
        origin: parse_text(row, 17)?,
        confidence: row.get(18)?,
    })
}

/// A stored date: read off its digits when written `YYYY-MM-DD` (as claimdb
/// writes every date), else as rusqlite reads it (chrono's format parser was
/// a tenth of turning a query's rows into structs).
fn parse_date(row: &Row, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    if let rusqlite::types::ValueRef::Text(bytes) = row.get_ref(i)? {
        if let Some(day) = std::str::from_utf8(bytes).ok().and_then(canonical_day) {
            return Ok(Some(day));
        }
    }
    row.get(i)
}

/// Parsed from the column's text in place (no copy: a query reads four such
/// columns of a thousand rows). Text as claimdb stores it is matched as is;
/// anything else goes through `FromStr` (which folds case into a new string:
/// a tenth of turning a query's rows into structs).
fn parse_text<T: StoredText>(row: &Row, i: usize) -> rusqlite::Result<T> {
    let text = row.get_ref(i)?.as_str().map_err(|e| conversion_error(i, e.into()))?;
    if let Some(&value) = T::ALL.iter().find(|v| v.stored() == text) {
        return Ok(value);
    }
    text.parse().map_err(|e: String| conversion_error(i, e.into()))
}

/// The enums stored as their text (`as_str`).
trait StoredText: Copy + std::str::FromStr<Err = String> + 'static {
    const ALL: &'static [Self];
    fn stored(self) -> &'static str;
}

macro_rules! stored_text {
    ($($name:ty),+) => {
        $(impl StoredText for $name {
            const ALL: &'static [Self] = <$name>::ALL;
            fn stored(self) -> &'static str {
                self.as_str()
            }
        })+
    };
}

stored_text!(Kind, Stance, SpeakerKind, Origin);

fn parse_spans(row: &Row, i: usize) -> rusqlite::Result<Option<Spans>> {
    let text = row.get_ref(i)?.as_str_or_null().map_err(|e| conversion_error(i, e.into()))?;
    text.map(serde_json::from_str).transpose().map_err(|e| conversion_error(i, e.into()))
}

fn conversion_error(i: usize, err: Box<dyn std::error::Error + Send + Sync>) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, err)
}

fn spans_json(spans: Option<&Spans>) -> Option<String> {
    spans.filter(|s| !s.0.is_empty()).map(|s| serde_json::to_string(s).expect("spans serialise"))
}

/// `%` and `_` in a user's text match themselves in a LIKE pattern.
fn like_pattern(part: &str) -> String {
    let escaped = part.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

/// `part` as one FTS5 string: in double quotes, its own quotes doubled, so
/// that FTS5 query syntax in it is plain text.
fn fts_phrase(part: &str) -> String {
    format!("\"{}\"", part.replace('"', "\"\""))
}

/// How a new statement gets into the full-text index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FtsMode {
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
pub(super) struct InsertCache<'c> {
    speakers: SpeakerCache,
    topics: TopicCache,
    inserts: HeldInserts<'c>,
    /// The full-text rows of a `Buffered` batch.
    pub(super) search: PendingSearchRows,
}

impl<'c> InsertCache<'c> {
    pub(super) fn new(conn: &'c Connection) -> Result<Self> {
        Ok(InsertCache {
            speakers: SpeakerCache::new(conn)?,
            topics: TopicCache::default(),
            inserts: HeldInserts::prepare(conn, &now())?,
            search: PendingSearchRows::default(),
        })
    }

    /// Forget every id: a rolled-back savepoint may have removed the rows.
    pub(super) fn clear(&mut self) {
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
        // The link carries the statement's date too: bound here rather than
        // read back from the row.
        let link = conn.prepare("INSERT OR IGNORE INTO statement_topics (statement_id, topic_id, stated_on) VALUES (?1, ?2, ?3)")?;
        Ok(HeldInserts { row, link })
    }
}

/// A statement's date as bound to SQL: the text chrono's `%F` gives, as
/// rusqlite binds a `NaiveDate`, but written digit by digit for the years
/// 0 to 9999: chrono's formatter parses its format string at every call, and
/// binding a date that way was ~1,500 instructions, a fifth of binding an
/// imported row's 22 values.
#[derive(Debug, Clone, Copy)]
pub(super) enum StatedOn {
    Ymd([u8; 10]),
    /// A year `%F` writes with a sign or more than four digits.
    Other(NaiveDate),
}

impl StatedOn {
    pub(super) fn new(date: NaiveDate) -> Self {
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
pub(super) fn insert_statement<'c>(
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
        link.raw_execute()?;
    }
    Ok((statement_id, new_speaker, speaker_name))
}

fn is_primary_key_conflict(err: &rusqlite::Error) -> bool {
    matches!(err, rusqlite::Error::SqliteFailure(e, _) if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY)
}

impl Store {
    /// Record a claim by hand (origin `manual`); returns its id.
    pub fn add_statement(&mut self, statement: &Statement, source: &ManualSource) -> Result<i64> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut cache = InsertCache::new(&tx)?;
        let (id, _, _) = insert_statement(&tx, None, None, statement, Origin::Manual, source, None, FtsMode::Trigger, &mut cache)?;
        drop(cache);
        tx.commit()?;
        Ok(id)
    }

    /// Statements matching `filter`, by date then id.
    pub fn query_statements(&self, filter: &StatementFilter) -> Result<Vec<StatementRow>> {
        Ok(self.query_page(filter)?.rows().collect())
    }

    /// Statements matching `filter`, by date then id, their text in one
    /// buffer (see `StatementPage`).
    ///
    /// The ids of the page are chosen first, from the `statements` table and
    /// its indexes, and only they are joined into `statement_view` (speaker,
    /// document and topic per row): at a million statements the view's
    /// joins, not the filters, were the cost (--speaker 0.7 s, --topic 0.8 s).
    /// Where an index already lists the matches in listing order (date, then
    /// id), the page is read off it and the limit stops the walk: the
    /// full-text index (`--search`, see `statement_search` in schema.sql) and
    /// the topic links by date (`--topic`). Otherwise each filter is an
    /// indexed lookup (see `ids_by_filters`).
    pub fn query_page(&self, filter: &StatementFilter) -> Result<StatementPage> {
        let mut speakers = filter.speaker.as_deref().map(|part| self.matching_speakers(part)).transpose()?;
        if let Some(id) = filter.speaker_id {
            let all: Option<i64> = self.conn.prepare_cached("SELECT max(id) FROM speakers")?.query_row([], |r| r.get(0))?;
            let ids = match &speakers {
                Some(named) => named.ids.iter().copied().filter(|&i| i == id).collect(),
                None => vec![id],
            };
            speakers = Some(Matches { ids, all: all.unwrap_or(0) });
        }
        let topics = filter.topic.as_deref().map(|part| self.matching_topics(part)).transpose()?;
        let limit = filter.limit.map_or(-1, |n| n.min(i64::MAX as u64) as i64);
        let ids = match &filter.search {
            Some(search) => self
                .ids_with_search(filter, search, speakers.as_ref(), topics.as_ref(), limit)
                .map_err(|e| search_error(search, e))?,
            None => match &topics {
                Some(topics) if speakers.is_none() && filter.stance.is_none() && topics.share() <= FEW_TOPIC_LINKS => {
                    self.ids_by_topic_dates(topics, filter, limit)?
                }
                None if filter.stance.is_none() && speakers.as_ref().is_some_and(|s| matches_are_many(Some(s), None, None)) => {
                    self.ids_of_many_speakers_by_date(speakers.as_ref().expect("checked"), filter, limit)?
                }
                _ => self.ids_by_filters(filter, speakers.as_ref(), topics.as_ref(), None, limit)?,
            },
        };
        self.page(&ids)
    }

    /// The statements `ids` (a page of a listing, in listing order): what
    /// `statement_view` shows of them, read off `statements` with the
    /// speaker, document and first topic (`statements.topic_id`) joined per
    /// row (the speaker by an inner join, as in the view: a statement whose
    /// speaker is missing, possible only with foreign keys off, is left
    /// out). Looking each distinct speaker and topic up once afterwards (a
    /// JSON list of their ids, a hash map) cost more than the joins.
    ///
    /// The rows are read in the order of `ids` (the list drives the join),
    /// which every way of choosing them gives in listing order, so they are
    /// only checked to be in order, not sorted (SQLite's sorter copied every
    /// row's columns; sorting the structs in Rust was 0.7 M instructions);
    /// their text is copied into one buffer instead of a `String` a column
    /// (8,000 allocations a page).
    ///
    /// A row that cannot be read (a value claimdb would not have written)
    /// fails the page; the page is then read again in id order, as `IN`
    /// read it, so that the error is the one of the lowest such id.
    fn page(&self, ids: &[i64]) -> Result<StatementPage> {
        let in_list_order = concat!(
            page_columns!(),
            " FROM rarray(?1) j CROSS JOIN statements s ON s.id = j.value
                  JOIN speakers sp ON sp.id = s.speaker_id LEFT JOIN documents d ON d.id = s.document_id
                  LEFT JOIN topics t ON t.id = s.topic_id"
        );
        let in_id_order = concat!(
            page_columns!(),
            " FROM statements s JOIN speakers sp ON sp.id = s.speaker_id LEFT JOIN documents d ON d.id = s.document_id
                  LEFT JOIN topics t ON t.id = s.topic_id
             WHERE s.id IN (SELECT value FROM rarray(?1))"
        );
        rusqlite::vtab::array::load_module(&self.conn)?;
        let list: rusqlite::vtab::array::Array = std::rc::Rc::new(ids.iter().map(|&id| SqlValue::Integer(id)).collect());
        // A long listing is read in id order and sorted: its rows share
        // table pages, which id order reads once each, where listing order
        // read them again and again through the small page cache (500,000
        // rows: twice the system time).
        let mut page = if ids.len() <= LIST_ORDER_ROWS {
            self.read_page(in_list_order, &list, ids.len()).or_else(|_| self.read_page(in_id_order, &list, ids.len()))?
        } else {
            self.read_page(in_id_order, &list, ids.len())?
        };
        // No date sorts first, as NULL does in SQL. Out of order only if a
        // stored date is not written YYYY-MM-DD (its text sorts otherwise
        // than its day) or an id came twice (`IN` gives it once).
        let key = |row: &PageRow| (row.day, row.id);
        if !page.rows.windows(2).all(|pair| key(&pair[0]) < key(&pair[1])) {
            page.rows.sort_unstable_by_key(key);
            page.rows.dedup_by_key(|row| row.id);
        }
        Ok(page)
    }

    /// The rows `sql` (one of `page`'s) gives for `ids`, bound as an `rarray`.
    fn read_page(&self, sql: &str, ids: &rusqlite::vtab::array::Array, capacity: usize) -> Result<StatementPage> {
        let mut stmt = self.conn.prepare(sql)?;
        let mut rows = stmt.query([ids])?;
        // About 400 bytes of text a row; a longer listing grows as it goes.
        let mut page = StatementPage { text: PageText::with_capacity(capacity * 512), rows: Vec::with_capacity(capacity) };
        let mut date = String::new();
        while let Some(row) = rows.next()? {
            let text = &mut page.text;
            // Read column by column, as `IN` order read them before, so that
            // a bad row fails on the same column.
            let id = row.get(0)?;
            let doc = optional_text(row, 1, text)?;
            let title = optional_text(row, 2, text)?;
            let day = parse_date(row, 3)?;
            page.rows.push(PageRow {
                id,
                doc,
                title,
                day,
                date: day.map(|day| match crate::model::iso_date_bytes(day) {
                    Some(digits) => text.push(std::str::from_utf8(&digits).expect("digits and dashes are UTF-8")),
                    None => {
                        date.clear();
                        write_date(&mut date, day);
                        text.push(&date)
                    }
                }),
                speaker_mention: required_text(row, 4, text)?,
                role: optional_text(row, 5, text)?,
                cue: required_text(row, 6, text)?,
                content: required_text(row, 7, text)?,
                kind: parse_text(row, 8)?,
                stance: parse_text(row, 9)?,
                hedged: row.get(10)?,
                content_span: parse_spans(row, 11)?,
                source_span: parse_spans(row, 12)?,
                cue_span: parse_spans(row, 13)?,
                origin: parse_text(row, 14)?,
                confidence: row.get(15)?,
                speaker: required_text(row, 16, text)?,
                speaker_kind: parse_text(row, 17)?,
                topic: optional_text(row, 18, text)?,
            });
        }
        Ok(page)
    }

    /// The first `limit` ids (all for -1) in listing order of the statements
    /// of `topics`, read off `statement_topics_by_topic` (topic, date, id):
    /// each topic's links are walked in listing order side by side and merged,
    /// so about `limit` links are read in all (`--topic bridge`, ten topics
    /// with 30,000 links: 36 M instructions for the whole query, against 120 M
    /// when SQLite sorted all the links and 140 M walking every statement by
    /// date and looking its topics up). Used when nothing but dates narrows
    /// the topics further.
    fn ids_by_topic_dates(&self, topics: &Matches, filter: &StatementFilter, limit: i64) -> Result<Vec<i64>> {
        let mut sql = String::from("SELECT stated_on, statement_id FROM statement_topics WHERE topic_id = ?1");
        let mut bounds = Vec::new();
        if let Some(since) = filter.since {
            sql.push_str(" AND stated_on >= ?");
            bounds.push(since.to_string());
        }
        if let Some(until) = filter.until {
            sql.push_str(" AND stated_on <= ?");
            bounds.push(until.to_string());
        }
        sql.push_str(" ORDER BY stated_on, statement_id");
        let mut statements = topics.ids.iter().map(|_| self.conn.prepare(&sql)).collect::<rusqlite::Result<Vec<_>>>()?;
        let mut walks = Vec::with_capacity(statements.len());
        for (statement, topic) in statements.iter_mut().zip(&topics.ids) {
            let values = std::iter::once(SqlValue::Integer(*topic)).chain(bounds.iter().cloned().map(SqlValue::Text));
            walks.push(statement.query(params_from_iter(values))?);
        }
        merge_listing_order(walks, limit)
    }

    /// The first `limit` ids (all for -1) in listing order of the statements
    /// of `speakers`, who are many (see `matches_are_many`): the date index,
    /// which carries each statement's speaker, is walked in order and each
    /// speaker looked up in a hash set here. SQLite's IN test on the same
    /// walk first built a b-tree of the speakers from their JSON list, which
    /// with the test itself was a third of `--speaker mer` (6,659 speakers).
    /// The index orders a day's statements by speaker, so each day's matches
    /// are put in id order before they join the page.
    fn ids_of_many_speakers_by_date(&self, speakers: &Matches, filter: &StatementFilter, limit: i64) -> Result<Vec<i64>> {
        let wanted: std::sync::Arc<rustc_hash::FxHashSet<i64>> = std::sync::Arc::new(speakers.ids.iter().copied().collect());
        // The walk's rows are turned away inside SQLite, by a function that
        // looks the speaker up in the same set: nine in ten rows are not
        // matches, and handing each out of SQLite (a step, its columns) cost
        // twice the lookup. A value that is not an integer is let through,
        // to fail below as it did before.
        let in_set = std::sync::Arc::clone(&wanted);
        self.conn.create_scalar_function(
            "claimdb_wanted_speaker",
            1,
            rusqlite::functions::FunctionFlags::SQLITE_UTF8 | rusqlite::functions::FunctionFlags::SQLITE_DIRECTONLY,
            move |ctx| Ok(ctx.get_raw(0).as_i64().map_or(true, |id| in_set.contains(&id))),
        )?;
        let mut sql = String::from(
            "SELECT stated_on, speaker_id, id FROM statements INDEXED BY statements_by_date WHERE claimdb_wanted_speaker(speaker_id)",
        );
        let mut values = Vec::new();
        if let Some(since) = filter.since {
            sql.push_str(" AND stated_on >= ?");
            values.push(SqlValue::Text(since.to_string()));
        }
        if let Some(until) = filter.until {
            sql.push_str(" AND stated_on <= ?");
            values.push(SqlValue::Text(until.to_string()));
        }
        sql.push_str(" ORDER BY stated_on, speaker_id");
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(values))?;
        let wanted_ids = usize::try_from(limit).unwrap_or(usize::MAX);
        let mut ids: Vec<i64> = Vec::new();
        // The day of the last match, and where its matches start in `ids`.
        let mut day: Option<SqlValue> = None;
        let mut day_starts = 0;
        while let Some(row) = rows.next()? {
            if ids.len() >= wanted_ids {
                // The page is full: only the rest of its last day may still
                // hold statements with lower ids.
                if day.as_ref().map(rusqlite::types::ValueRef::from) != Some(row.get_ref(0)?) {
                    break;
                }
            }
            if !wanted.contains(&row.get::<_, i64>(1)?) {
                continue;
            }
            let date = row.get_ref(0)?;
            if day.as_ref().map(rusqlite::types::ValueRef::from) != Some(date) {
                ids[day_starts..].sort_unstable();
                day = Some(row.get::<_, SqlValue>(0)?);
                day_starts = ids.len();
            }
            ids.push(row.get(2)?);
        }
        ids[day_starts..].sort_unstable();
        ids.truncate(wanted_ids);
        Ok(ids)
    }

    /// The page's ids for a query with `--search`. When every statement the
    /// search matches has its place in listing order as its full-text rowid
    /// (see `statement_search` in schema.sql), the matches are walked in that
    /// order, each joined to its statement for the other filters, until
    /// `limit` pass: `--search budget` reads 1,000 of its 250,000 matches.
    /// That walk is slow when the other filters pass few statements (one
    /// speaker's 20): then, as when a match has no such place, the other
    /// filters choose (`ids_by_filters`) and the search is a set of ids.
    fn ids_with_search(
        &self,
        filter: &StatementFilter,
        search: &str,
        speakers: Option<&Matches>,
        topics: Option<&Matches>,
        limit: i64,
    ) -> Result<Vec<i64>> {
        let others_share = speakers.map_or(1.0, Matches::share)
            * topics.map_or(1.0, Matches::share)
            * if filter.stance.is_some() { 1.0 / 3.0 } else { 1.0 };
        let keys = ListingKeys::between(filter.since, filter.until);
        let in_order = match keys {
            Some(_) if others_share >= FEW_OTHER_MATCHES => !self.search_matches_unordered(search)?,
            _ => false,
        };
        let Some(keys) = keys.filter(|_| in_order) else {
            let share = self.search_share(search)?;
            return self.ids_by_filters(filter, speakers, topics, Some((search, share)), limit);
        };
        let mut values = vec![SqlValue::Text(search.to_string()), SqlValue::Integer(keys.from), SqlValue::Integer(keys.to)];
        let others = speakers.is_some() || topics.is_some() || filter.stance.is_some();
        if !others {
            let sql = "SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? AND rowid >= ? AND rowid < ?
                       ORDER BY rowid LIMIT ?";
            values.push(SqlValue::Integer(limit));
            return Ok(self.ids(sql, values, 0)?.into_iter().map(|key| key & LISTING_ID_MASK).collect());
        }
        let mut sql = String::from(
            "SELECT s.id FROM statements_fts JOIN statements s ON s.id = (statements_fts.rowid & 1099511627775)
             WHERE statements_fts MATCH ? AND statements_fts.rowid >= ? AND statements_fts.rowid < ?",
        );
        if let Some(ids) = speakers {
            sql.push_str(" AND s.speaker_id IN (SELECT value FROM json_each(?))");
            values.push(SqlValue::Text(ids.json()));
        }
        if let Some(ids) = topics {
            sql.push_str(
                " AND EXISTS (SELECT 1 FROM statement_topics st WHERE st.statement_id = s.id \
                   AND st.topic_id IN (SELECT value FROM json_each(?)))",
            );
            values.push(SqlValue::Text(ids.json()));
        }
        if let Some(stance) = filter.stance {
            sql.push_str(" AND s.stance = ?");
            values.push(SqlValue::Text(stance.as_str().into()));
        }
        sql.push_str(" ORDER BY statements_fts.rowid LIMIT ?");
        values.push(SqlValue::Integer(limit));
        self.ids(&sql, values, 0)
    }

    /// Whether `search` matches a statement keyed out of listing order (an
    /// id or date that does not fit a key; see schema.sql): their keys are
    /// the lowest, so FTS5 looks at the start of each doclist only.
    fn search_matches_unordered(&self, search: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM statements_fts WHERE statements_fts MATCH ?1 AND rowid < ?2)")?
            .query_row(params![search, LISTING_KEY_FIRST], |r| r.get(0))?)
    }

    /// The first `limit` ids in listing order by the filters, each an indexed
    /// lookup: matching speaker and topic ids are resolved first, stance and
    /// dates use `statements_by_stance`/`statements_by_date`, full text is a
    /// set of ids.
    fn ids_by_filters(
        &self,
        filter: &StatementFilter,
        speakers: Option<&Matches>,
        topics: Option<&Matches>,
        search: Option<(&str, f64)>,
        limit: i64,
    ) -> Result<Vec<i64>> {
        let mut sql = String::from("SELECT s.id FROM statements s");
        // Two ways to find the first N matches by date: look up every match
        // by speaker or topic and sort them (best when they are few), or walk
        // the date index in order and stop at the Nth match (best when many
        // match: a tenth of all speakers match "mer"). Without statistics
        // SQLite cannot tell which, so we say.
        let walk_dates = matches_are_many(speakers, topics, search.map(|(_, share)| share));
        if walk_dates {
            sql.push_str(" INDEXED BY statements_by_date");
        }
        sql.push_str(" WHERE 1 = 1");
        let mut values: Vec<SqlValue> = Vec::new();
        if let Some(ids) = speakers {
            sql.push_str(" AND s.speaker_id IN (SELECT value FROM json_each(?))");
            values.push(SqlValue::Text(ids.json()));
        }
        if let Some(ids) = topics {
            // Walking the dates, each statement's links are looked up (the
            // set of every linked statement would be read whole first).
            sql.push_str(if walk_dates {
                " AND EXISTS (SELECT 1 FROM statement_topics st WHERE st.statement_id = s.id \
                   AND st.topic_id IN (SELECT value FROM json_each(?)))"
            } else {
                " AND s.id IN (SELECT st.statement_id FROM statement_topics st \
                   WHERE st.topic_id IN (SELECT value FROM json_each(?)))"
            });
            values.push(SqlValue::Text(ids.json()));
        }
        if let Some(stance) = filter.stance {
            sql.push_str(" AND s.stance = ?");
            values.push(SqlValue::Text(stance.as_str().into()));
        }
        if let Some(since) = filter.since {
            sql.push_str(" AND s.stated_on >= ?");
            values.push(SqlValue::Text(since.to_string()));
        }
        if let Some(until) = filter.until {
            sql.push_str(" AND s.stated_on <= ?");
            values.push(SqlValue::Text(until.to_string()));
        }
        if let Some((search, _)) = search {
            // A full-text rowid is a listing key; the statement id is in its
            // low bits, or it is minus the id (see schema.sql).
            sql.push_str(
                " AND s.id IN (SELECT CASE WHEN rowid >= 1099511627776 THEN rowid & 1099511627775 ELSE -rowid END \
                   FROM statements_fts WHERE statements_fts MATCH ?)",
            );
            values.push(SqlValue::Text(search.to_string()));
        }
        sql.push_str(" ORDER BY s.stated_on, s.id LIMIT ?");
        values.push(SqlValue::Integer(limit));
        self.ids(&sql, values, 0)
    }

    /// Column `column` of every row `sql` returns, as ids.
    fn ids(&self, sql: &str, values: Vec<SqlValue>, column: usize) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare(sql)?;
        let ids = stmt.query_map(params_from_iter(values), |r| r.get(column))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }

    /// Speakers whose name or an alias contains `part`, any case (ASCII
    /// letters, as LIKE compares them).
    ///
    /// The trigram index `speaker_names_fts` answers a part of three
    /// characters or more without reading a name (1.6 ms for the 6,659
    /// speakers of "mer" at 50,000 speakers; reading their names to compare
    /// them again took 10 ms, as long as comparing every name). It folds
    /// the case of all letters, LIKE only of ASCII ones, so a part with
    /// other characters is checked again by LIKE to keep its matches exact.
    /// A part with a line break could straddle two names of the index and
    /// one shorter than three characters has no trigram: both compare every
    /// name.
    fn matching_speakers(&self, part: &str) -> Result<Matches> {
        let pattern = like_pattern(part);
        let indexed = part.chars().count() >= 3 && !part.contains(['\n', '\r']);
        let (sql, values) = if !indexed {
            (
                "SELECT id FROM speakers WHERE name LIKE ?1 ESCAPE '\\' \
                 UNION SELECT speaker_id FROM speaker_aliases WHERE alias LIKE ?1 ESCAPE '\\'",
                vec![pattern],
            )
        } else if part.is_ascii() {
            ("SELECT claimdb_id_list(rowid) FROM speaker_names_fts WHERE speaker_names_fts MATCH ?1", vec![fts_phrase(part)])
        } else {
            (
                "SELECT claimdb_id_list(rowid) FROM speaker_names_fts WHERE speaker_names_fts MATCH ?1 AND names LIKE ?2 ESCAPE '\\'",
                vec![fts_phrase(part), pattern],
            )
        };
        let ids = if indexed {
            // The index's matches come out of SQLite as one list (see
            // `IdList`): 6,659 rows for "mer" handed out one by one cost
            // twice as much as finding them.
            self.conn.create_aggregate_function("claimdb_id_list", 1, rusqlite::functions::FunctionFlags::SQLITE_UTF8, IdList)?;
            let list: Vec<u8> = self
                .conn
                .prepare_cached(sql)?
                .query_row(params_from_iter(values), |r| r.get(0))?;
            list.chunks_exact(8).map(|id| i64::from_le_bytes(id.try_into().expect("eight bytes"))).collect()
        } else {
            self.conn
                .prepare_cached(sql)?
                .query_map(params_from_iter(values), |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<i64>>>()?
        };
        let mut ids = super::speakers::keep_whole_word_matches(&self.conn, ids, part)?;
        if ids.is_empty() {
            ids = super::speakers::whole_word_scan(&self.conn, part)?;
        }
        // Only weighs the plan: the highest id stands in for the count
        // (a lookup, where count(*) reads a whole index).
        let all: Option<i64> = self.conn.prepare_cached("SELECT max(id) FROM speakers")?.query_row([], |r| r.get(0))?;
        Ok(Matches { ids, all: all.unwrap_or(0) })
    }

    /// Topics whose name contains `part`, any case.
    fn matching_topics(&self, part: &str) -> Result<Matches> {
        let ids = self
            .conn
            .prepare_cached("SELECT id FROM topics WHERE name LIKE ?1 ESCAPE '\\'")?
            .query_map([like_pattern(part)], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        let all: i64 = self.conn.prepare_cached("SELECT count(*) FROM topics")?.query_row([], |r| r.get(0))?;
        Ok(Matches { ids, all })
    }

    /// About what share of all statements a full-text search matches,
    /// counted among about the `SEARCH_SAMPLE` last in listing order (FTS5
    /// skips to a rowid range, ~1 ms; counting every match of a common word
    /// took 20 ms). A common word ("budget" in a quarter of all statements)
    /// is best found by walking the date index; sorting its 250,000 matches
    /// took 350 ms.
    fn search_share(&self, search: &str) -> Result<f64> {
        let sample: Option<i64> = self
            .conn
            .prepare_cached(
                "SELECT v.key FROM statement_search v WHERE v.id =
                   (SELECT id FROM statements INDEXED BY statements_by_date
                    ORDER BY stated_on DESC LIMIT 1 OFFSET ?1)",
            )?
            .query_row([SEARCH_SAMPLE - 1], |r| r.get(0))
            .optional()?;
        let (from, sampled) = match sample {
            Some(key) => (key, SEARCH_SAMPLE),
            None => (i64::MIN, self.conn.prepare_cached("SELECT count(*) FROM statements")?.query_row([], |r| r.get(0))?),
        };
        if sampled == 0 {
            return Ok(0.0);
        }
        let found: i64 = self
            .conn
            .prepare_cached("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH ?1 AND rowid >= ?2")?
            .query_row(params![search, from], |r| r.get(0))?;
        Ok(found as f64 / sampled as f64)
    }

    /// Every statement, by id: what `export` writes.
    pub fn all_statements(&self) -> Result<Vec<StatementRow>> {
        self.rows(concat!("SELECT ", row_columns!(), " FROM statement_view v ORDER BY v.id"), Vec::new())
    }

    /// Hand every statement, by id, to `each` without holding them all:
    /// what `export` writes, at any size. (`StatementReader` does the same
    /// a chunk at a time, for a writer on another thread.)
    pub fn each_statement(&self, mut each: impl FnMut(&StatementView<'_>) -> Result<()>) -> Result<()> {
        let reader = StatementReader::new(self)?;
        reader.read(self, |chunk| reader.views(&chunk).try_for_each(|view| each(&view)))
    }

    /// Every speaker's name, kind and role, by id.
    fn speakers_by_id(&self) -> Result<SpeakersById> {
        let mut stmt = self.conn.prepare("SELECT id, name, kind, role FROM speakers")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get(0)?, SpeakerColumns { name: r.get(1)?, kind: parse_text(r, 2)?, role: r.get(3)? }))
        })?;
        Ok(SpeakersById::new(rows.collect::<rusqlite::Result<_>>()?))
    }

    fn rows(&self, sql: &str, values: Vec<SqlValue>) -> Result<Vec<StatementRow>> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map(params_from_iter(values), row_from_sql)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One statement with its document, or `NoStatement`.
    pub fn statement(&self, id: i64) -> Result<StatementDetail> {
        let sql = concat!(
            "SELECT ",
            row_columns!(),
            ", d.outlet, d.published, d.text, v.created_at, v.updated_at \
             FROM statement_view v LEFT JOIN documents d ON d.id = v.document_id WHERE v.id = ?1"
        );
        self.conn
            .query_row(sql, [id], |row| {
                Ok(StatementDetail {
                    row: row_from_sql(row)?,
                    outlet: row.get(19)?,
                    published: row.get(20)?,
                    document_text: row.get(21)?,
                    created_at: row.get(22)?,
                    updated_at: row.get(23)?,
                })
            })
            .optional()?
            .ok_or(Error::NoStatement(id))
    }

    /// Apply a person's correction and mark the statement `edited`, so that
    /// ingesting its document again leaves it alone.
    pub fn edit_statement(&mut self, id: i64, edit: &StatementEdit) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let exists: Option<i64> = tx.prepare_cached("SELECT id FROM statements WHERE id = ?1")?.query_row( [id], |r| r.get(0)).optional()?;
        if exists.is_none() {
            return Err(Error::NoStatement(id));
        }
        if let Some(name) = &edit.speaker {
            let (speaker_id, _) = resolve_speaker(&tx, name, SpeakerKind::Unknown, None, "")?;
            tx.prepare_cached("UPDATE statements SET speaker_id = ?2 WHERE id = ?1")?.execute( params![id, speaker_id])?;
        }
        if let Some(content) = &edit.content {
            tx.prepare_cached("UPDATE statements SET content = ?2 WHERE id = ?1")?.execute( params![id, content])?;
        }
        if let Some(stance) = edit.stance {
            tx.prepare_cached("UPDATE statements SET stance = ?2 WHERE id = ?1")?.execute( params![id, stance.as_str()])?;
        }
        if let Some(date) = edit.date {
            tx.prepare_cached("UPDATE statements SET stated_on = ?2 WHERE id = ?1")?.execute( params![id, date])?;
        }
        if let Some(cue) = &edit.cue {
            tx.prepare_cached("UPDATE statements SET cue = ?2 WHERE id = ?1")?.execute( params![id, cue])?;
        }
        if let Some(role) = &edit.role {
            tx.prepare_cached("UPDATE statements SET role = ?2 WHERE id = ?1")?.execute( params![id, role])?;
        }
        if let Some(kind) = edit.kind {
            tx.prepare_cached("UPDATE statements SET kind = ?2 WHERE id = ?1")?.execute( params![id, kind.as_str()])?;
        }
        if let Some(hedged) = edit.hedged {
            tx.prepare_cached("UPDATE statements SET hedged = ?2 WHERE id = ?1")?.execute( params![id, hedged])?;
        }
        if let Some(topic) = &edit.topic {
            set_statement_topic(&tx, id, Some(topic), false)?;
        }
        tx.prepare_cached("UPDATE statements SET origin = 'edited', updated_at = ?2 WHERE id = ?1")?.execute( params![id, now()])?;
        tx.commit()?;
        Ok(())
    }

    pub fn delete_statement(&mut self, id: i64) -> Result<()> {
        let deleted = self.conn.prepare_cached("DELETE FROM statements WHERE id = ?1")?.execute( [id])?;
        if deleted == 0 {
            return Err(Error::NoStatement(id));
        }
        Ok(())
    }

    /// Insert rows read by `import`, all or none (see `Batch::import_row`).
    /// Returns how many statements and new speakers went in.
    pub fn import_rows(&mut self, rows: &[StatementRow]) -> Result<(usize, usize)> {
        let mut batch = self.import_batch()?;
        let mut new_speakers = 0;
        for row in rows {
            new_speakers += usize::from(batch.import_row(row.clone())?);
        }
        batch.commit()?;
        Ok((rows.len(), new_speakers))
    }
}

/// What a statement row shows of its speaker.
struct SpeakerColumns {
    name: String,
    kind: SpeakerKind,
    role: Option<String>,
}

/// Speakers by id, looked up once per exported row: in a list indexed by id
/// when the ids are dense (they are given out in order, so almost always),
/// else hashed. Hashing was a tenth of reading a row.
enum SpeakersById {
    Dense(Vec<Option<SpeakerColumns>>),
    Sparse(HashMap<i64, SpeakerColumns>),
}

impl SpeakersById {
    fn new(speakers: Vec<(i64, SpeakerColumns)>) -> Self {
        let highest = speakers.iter().map(|(id, _)| *id).max().unwrap_or(0);
        let lowest = speakers.iter().map(|(id, _)| *id).min().unwrap_or(0);
        if lowest < 0 || highest > 2 * speakers.len() as i64 + 1024 {
            return SpeakersById::Sparse(speakers.into_iter().collect());
        }
        let mut dense: Vec<Option<SpeakerColumns>> = (0..=highest).map(|_| None).collect();
        for (id, speaker) in speakers {
            dense[id as usize] = Some(speaker);
        }
        SpeakersById::Dense(dense)
    }

    fn get(&self, id: i64) -> Option<&SpeakerColumns> {
        match self {
            SpeakersById::Dense(by_id) => usize::try_from(id).ok().and_then(|i| by_id.get(i)).and_then(Option::as_ref),
            SpeakersById::Sparse(by_id) => by_id.get(&id),
        }
    }
}

/// Every statement, by id, read in chunks whose text is copied out of
/// SQLite into one buffer each: a chunk can go to another thread, which
/// turns it into `StatementView`s and writes them while the next chunk is
/// read. Reading (SQLite) and writing (CSV or JSON) were about even, so an
/// export on two cores takes half the time.
///
/// It reads the same columns as `statement_view`, but without its per-row
/// work: speakers and topics are loaded into memory once (50,000 and 300 at
/// a million statements), and each statement's first topic comes from
/// walking `statement_topics` in step with `statements` (both in id order)
/// instead of a subquery per row. The view's joins and topic subquery were
/// half of an export's time, and copying each row's strings out into
/// `StatementRow`s and then into JSON cells another half.
pub struct StatementReader {
    speakers: SpeakersById,
    topics: HashMap<i64, String>,
}

/// Statements read by `StatementReader`, their text in one buffer.
#[derive(Debug, Default)]
pub struct StatementChunk {
    text: String,
    rows: Vec<ChunkRow>,
}

/// Statements in a chunk, about 1.5 MB of text at a time.
const CHUNK_STATEMENTS: usize = 4096;

/// Where a text column of a chunk row is in the chunk's buffer.
type TextAt = Option<std::ops::Range<usize>>;

fn append(text: &mut String, part: Option<&str>) -> TextAt {
    let part = part?;
    text.push_str(part);
    Some(text.len() - part.len()..text.len())
}

#[derive(Debug)]
struct ChunkRow {
    id: i64,
    doc: TextAt,
    title: TextAt,
    date: TextAt,
    speaker_id: i64,
    speaker_mention: TextAt,
    role: TextAt,
    cue: TextAt,
    content: TextAt,
    kind: Kind,
    stance: Stance,
    hedged: bool,
    topic_id: Option<i64>,
    content_span: Option<Spans>,
    source_span: Option<Spans>,
    cue_span: Option<Spans>,
    origin: Origin,
    confidence: f64,
}

impl StatementReader {
    /// Load the speakers and topic names every statement refers to.
    pub fn new(store: &Store) -> Result<Self> {
        let topics = store
            .conn
            .prepare("SELECT id, name FROM topics")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(StatementReader { speakers: store.speakers_by_id()?, topics })
    }

    /// Read every statement of `store` (the one this reader was made from),
    /// by id, and hand them to `each` a chunk at a time.
    pub fn read(&self, store: &Store, mut each: impl FnMut(StatementChunk) -> Result<()>) -> Result<()> {
        let conn = &store.conn;
        // Without documents (a database filled by `import` or `add`), the
        // join finds nothing for any row: leave it out (a tenth of reading).
        let no_documents: bool = conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM documents)", [], |r| r.get(0))?;
        let mut stmt = conn.prepare(if no_documents {
            "SELECT s.id, s.source_path, s.source_title, s.stated_on,
                    s.speaker_id, s.speaker_mention, s.role, s.cue, s.content, s.kind, s.stance, s.hedged,
                    s.content_span, s.source_span, s.cue_span, s.origin, s.confidence, s.topic_id
             FROM statements s ORDER BY s.id"
        } else {
            "SELECT s.id, COALESCE(d.path, d.url, s.source_path), COALESCE(d.title, s.source_title), s.stated_on,
                    s.speaker_id, s.speaker_mention, s.role, s.cue, s.content, s.kind, s.stance, s.hedged,
                    s.content_span, s.source_span, s.cue_span, s.origin, s.confidence, s.topic_id
             FROM statements s LEFT JOIN documents d ON d.id = s.document_id ORDER BY s.id"
        })?;
        let mut rows = stmt.query([])?;
        let mut chunk = StatementChunk::default();
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let text = &mut chunk.text;
            let date = append(text, date_ref(row, 3)?.as_deref());
            let mut copy = |i: usize| -> rusqlite::Result<TextAt> { Ok(append(text, text_ref(row, i)?)) };
            chunk.rows.push(ChunkRow {
                id,
                doc: copy(1)?,
                title: copy(2)?,
                date,
                speaker_id: row.get(4)?,
                speaker_mention: copy(5)?,
                role: copy(6)?,
                cue: copy(7)?,
                content: copy(8)?,
                kind: parse_text(row, 9)?,
                stance: parse_text(row, 10)?,
                hedged: row.get(11)?,
                // The statement's first topic, kept on its row by triggers.
                topic_id: row.get(17)?,
                content_span: parse_spans(row, 12)?,
                source_span: parse_spans(row, 13)?,
                cue_span: parse_spans(row, 14)?,
                origin: parse_text(row, 15)?,
                confidence: row.get(16)?,
            });
            if chunk.rows.len() == CHUNK_STATEMENTS {
                let capacity = chunk.text.capacity();
                let full = std::mem::replace(
                    &mut chunk,
                    StatementChunk { text: String::with_capacity(capacity), rows: Vec::with_capacity(CHUNK_STATEMENTS) },
                );
                each(full)?;
            }
        }
        if !chunk.rows.is_empty() {
            each(chunk)?;
        }
        Ok(())
    }

    /// The statements of a chunk, in order. (The view joins speakers: a
    /// statement whose speaker is missing is not listed.)
    pub fn views<'a>(&'a self, chunk: &'a StatementChunk) -> impl Iterator<Item = StatementView<'a>> + 'a {
        let text = |at: &TextAt| at.clone().map(|range| &chunk.text[range]);
        chunk.rows.iter().filter_map(move |row| {
            let speaker = self.speakers.get(row.speaker_id)?;
            Some(StatementView {
                id: row.id,
                doc: text(&row.doc),
                title: text(&row.title),
                date: text(&row.date).map(Cow::Borrowed),
                speaker: &speaker.name,
                speaker_mention: text(&row.speaker_mention).unwrap_or_default(),
                role: text(&row.role).or(speaker.role.as_deref()),
                cue: text(&row.cue).unwrap_or_default(),
                content: text(&row.content).unwrap_or_default(),
                kind: row.kind,
                stance: row.stance,
                hedged: row.hedged,
                topic: row.topic_id.and_then(|t| self.topics.get(&t)).map(String::as_str),
                content_span: row.content_span.clone(),
                source_span: row.source_span.clone(),
                cue_span: row.cue_span.clone(),
                speaker_kind: speaker.kind,
                origin: row.origin,
                confidence: row.confidence,
            })
        })
    }
}

/// A page of a listing (`Store::query_page`): its statements in listing
/// order, their text in one buffer, read as `StatementView`s.
#[derive(Debug, Default)]
pub struct StatementPage {
    text: PageText,
    rows: Vec<PageRow>,
}

#[derive(Debug)]
struct PageRow {
    id: i64,
    doc: PageTextAt,
    title: PageTextAt,
    /// The listing order's date; `date` is its text as `NaiveDate` prints it.
    day: Option<NaiveDate>,
    date: PageTextAt,
    speaker: PageTextAt,
    speaker_mention: PageTextAt,
    role: PageTextAt,
    cue: PageTextAt,
    content: PageTextAt,
    kind: Kind,
    stance: Stance,
    hedged: bool,
    topic: PageTextAt,
    content_span: Option<Spans>,
    source_span: Option<Spans>,
    cue_span: Option<Spans>,
    speaker_kind: SpeakerKind,
    origin: Origin,
    confidence: f64,
}

impl StatementPage {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The statements, in listing order.
    pub fn views(&self) -> impl Iterator<Item = StatementView<'_>> + '_ {
        let text = |at: &PageTextAt| at.map(|at| self.text.get(at));
        self.rows.iter().map(move |row| StatementView {
            id: row.id,
            doc: text(&row.doc),
            title: text(&row.title),
            date: text(&row.date).map(Cow::Borrowed),
            speaker: text(&row.speaker).unwrap_or_default(),
            speaker_mention: text(&row.speaker_mention).unwrap_or_default(),
            role: text(&row.role),
            cue: text(&row.cue).unwrap_or_default(),
            content: text(&row.content).unwrap_or_default(),
            kind: row.kind,
            stance: row.stance,
            hedged: row.hedged,
            topic: text(&row.topic),
            content_span: row.content_span.clone(),
            source_span: row.source_span.clone(),
            cue_span: row.cue_span.clone(),
            speaker_kind: row.speaker_kind,
            origin: row.origin,
            confidence: row.confidence,
        })
    }

    /// The statements as owned rows, in listing order.
    pub fn rows(&self) -> impl Iterator<Item = StatementRow> + '_ {
        self.views().zip(&self.rows).map(|(view, row)| StatementRow {
            id: view.id,
            doc: view.doc.map(str::to_string),
            title: view.title.map(str::to_string),
            date: row.day,
            speaker: view.speaker.to_string(),
            speaker_mention: view.speaker_mention.to_string(),
            role: view.role.map(str::to_string),
            cue: view.cue.to_string(),
            content: view.content.to_string(),
            kind: view.kind,
            stance: view.stance,
            hedged: view.hedged,
            topic: view.topic.map(str::to_string),
            content_span: view.content_span,
            source_span: view.source_span,
            cue_span: view.cue_span,
            speaker_kind: view.speaker_kind,
            origin: view.origin,
            confidence: view.confidence,
        })
    }
}

/// The text of a page, in blocks of about 1 MB: a listing of every
/// statement (`--limit 0`) grows a block at a time, where one buffer that
/// doubles holds its old and new copy at once (a fifth more memory at the
/// peak of a 500,000-row listing).
#[derive(Debug, Default)]
struct PageText {
    /// The block being filled, and those filled before it.
    current: String,
    full: Vec<String>,
}

/// Where a text of a page is: its block, and its start and end there.
type PageTextAt = Option<(u32, u32, u32)>;

impl PageText {
    const BLOCK: usize = 1 << 20;

    fn with_capacity(bytes: usize) -> Self {
        PageText { current: String::with_capacity(bytes.min(Self::BLOCK)), full: Vec::new() }
    }

    #[inline]
    fn push(&mut self, part: &str) -> (u32, u32, u32) {
        if self.current.capacity() - self.current.len() < part.len() {
            let next = String::with_capacity(Self::BLOCK.max(part.len()));
            self.full.push(std::mem::replace(&mut self.current, next));
        }
        let start = self.current.len();
        self.current.push_str(part);
        // SQLite's values are under 2^31 bytes, and so is a block.
        (self.full.len() as u32, start as u32, self.current.len() as u32)
    }

    fn get(&self, (block, start, end): (u32, u32, u32)) -> &str {
        let block = self.full.get(block as usize).unwrap_or(&self.current);
        &block[start as usize..end as usize]
    }
}

/// Column `i`, text or NULL, copied into `text`: as `Option<String>` reads
/// it (anything else fails as it does there).
fn optional_text(row: &Row, i: usize, text: &mut PageText) -> rusqlite::Result<PageTextAt> {
    match row.get_ref(i)? {
        rusqlite::types::ValueRef::Null => Ok(None),
        rusqlite::types::ValueRef::Text(bytes) => match std::str::from_utf8(bytes) {
            Ok(value) => Ok(Some(text.push(value))),
            Err(_) => Ok(row.get::<_, Option<String>>(i)?.map(|value| text.push(&value))),
        },
        _ => Ok(row.get::<_, Option<String>>(i)?.map(|value| text.push(&value))),
    }
}

/// Column `i`, text, copied into `text`: as `String` reads it (NULL and
/// anything else fail as they do there).
fn required_text(row: &Row, i: usize, text: &mut PageText) -> rusqlite::Result<PageTextAt> {
    match row.get_ref(i)? {
        rusqlite::types::ValueRef::Text(bytes) => match std::str::from_utf8(bytes) {
            Ok(value) => Ok(Some(text.push(value))),
            Err(_) => Ok(Some(text.push(&row.get::<_, String>(i)?))),
        },
        _ => Ok(Some(text.push(&row.get::<_, String>(i)?))),
    }
}

/// `day` as its `Display` writes it: `YYYY-MM-DD` by digits for the years
/// 0 to 9999 (every date claimdb stores), through `Display` for the others.
fn write_date(text: &mut String, day: NaiveDate) {
    match crate::model::iso_date_bytes(day) {
        Some(digits) => text.push_str(std::str::from_utf8(&digits).expect("digits and dashes are UTF-8")),
        None => {
            use std::fmt::Write;
            write!(text, "{day}").expect("a String takes any write");
        }
    }
}

fn text_ref<'r>(row: &'r Row, i: usize) -> rusqlite::Result<Option<&'r str>> {
    Ok(row.get_ref(i)?.as_str_or_null()?)
}

/// A stored date as `NaiveDate` would print it: the stored text when it is
/// a real day written `YYYY-MM-DD` (checked without building a date and
/// printing it again), else the parsed date printed.
fn date_ref<'r>(row: &'r Row, i: usize) -> rusqlite::Result<Option<Cow<'r, str>>> {
    let Some(text) = text_ref(row, i)? else { return Ok(None) };
    if is_canonical_date(text) {
        return Ok(Some(Cow::Borrowed(text)));
    }
    let date: NaiveDate = row.get(i)?;
    Ok(Some(Cow::Owned(date.to_string())))
}

fn is_canonical_date(text: &str) -> bool {
    canonical_day(text).is_some()
}

/// The day `text` names when it is a real day written `YYYY-MM-DD`, read
/// off its digits (no `str::parse`: a page reads a thousand dates).
fn canonical_day(text: &str) -> Option<NaiveDate> {
    let b: &[u8; 10] = text.as_bytes().try_into().ok()?;
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let mut digits = [0u32; 8];
    for (digit, &byte) in digits.iter_mut().zip(b[0..4].iter().chain(&b[5..7]).chain(&b[8..10])) {
        if !byte.is_ascii_digit() {
            return None;
        }
        *digit = u32::from(byte - b'0');
    }
    let [y0, y1, y2, y3, m0, m1, d0, d1] = digits;
    NaiveDate::from_ymd_opt((y0 * 1000 + y1 * 100 + y2 * 10 + y3) as i32, m0 * 10 + m1, d0 * 10 + d1)
}

/// Merge walks of (date, id) rows, each in listing order, into the first
/// `limit` distinct ids (all for -1) in listing order. A statement linked to
/// two of the topics comes once from each walk, one after the other.
fn merge_listing_order(mut walks: Vec<rusqlite::Rows<'_>>, limit: i64) -> Result<Vec<i64>> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    type Next = Reverse<(Option<String>, i64, usize)>;
    fn next(walks: &mut [rusqlite::Rows<'_>], walk: usize) -> Result<Option<Next>> {
        Ok(match walks[walk].next()? {
            // Dates compare as SQLite compares them (bytes, NULL first).
            Some(row) => Some(Reverse((row.get(0)?, row.get(1)?, walk))),
            None => None,
        })
    }
    let mut heads = BinaryHeap::with_capacity(walks.len());
    for walk in 0..walks.len() {
        heads.extend(next(&mut walks, walk)?);
    }
    let wanted = usize::try_from(limit).unwrap_or(usize::MAX);
    let mut ids: Vec<i64> = Vec::new();
    while ids.len() < wanted {
        let Some(Reverse((_, id, walk))) = heads.pop() else { break };
        if ids.last() != Some(&id) {
            ids.push(id);
        }
        heads.extend(next(&mut walks, walk)?);
    }
    Ok(ids)
}

/// Whether the speakers, topics or search asked for cover so many statements
/// that walking the date index beats looking each one up: more than about
/// 1 % of them (the crossover measured at a million statements).
fn matches_are_many(speakers: Option<&Matches>, topics: Option<&Matches>, search_share: Option<f64>) -> bool {
    let speaker_share = speakers.map_or(1.0, Matches::share);
    let topic_share = topics.map_or(1.0, Matches::share);
    let narrowed = speakers.is_some() || topics.is_some() || search_share.is_some();
    narrowed && speaker_share * topic_share * search_share.unwrap_or(1.0) > MANY_MATCHES
}

/// The share of topic names above which `--topic` walks the date index
/// rather than reading the links of its topics by date (when one in ten of
/// all links is read, walking the dates reads fewer).
const FEW_TOPIC_LINKS: f64 = 0.1;

/// The share of statements the filters other than `--search` pass below
/// which walking the search's matches in listing order would look at too
/// many of them (limit / share) before the page is full.
const FEW_OTHER_MATCHES: f64 = 0.05;

/// The full-text rowid of a statement in listing order: day slot * 2^40 + id
/// (see `statement_search` in schema.sql). Every such key is at least this.
const LISTING_KEY_FIRST: i64 = 1 << 40;

/// The statement id in the low bits of a listing key.
const LISTING_ID_MASK: i64 = (1 << 40) - 1;

/// The listing keys from the first statement on `since` (or the first of
/// all) to before the first after `until` (or past every key).
#[derive(Debug, Clone, Copy)]
struct ListingKeys {
    from: i64,
    to: i64,
}

impl ListingKeys {
    /// None when a date lies outside the years 0 to 9999 that keys cover
    /// (such a bound compares as text with the stored dates).
    fn between(since: Option<NaiveDate>, until: Option<NaiveDate>) -> Option<ListingKeys> {
        // A statement without a date matches neither bound (NULL compares
        // false), and its keys come before every dated one.
        let first_dated = Self::day_start(NaiveDate::from_ymd_opt(0, 1, 1)?)?;
        let dated = since.is_some() || until.is_some();
        let from = match since {
            Some(day) => Self::day_start(day)?,
            None if dated => first_dated,
            None => LISTING_KEY_FIRST,
        };
        let to = match until {
            Some(day) => Self::day_start(day)? + LISTING_KEY_FIRST,
            None => i64::MAX,
        };
        Some(ListingKeys { from, to })
    }

    /// The first key of `day`: its slot (days since 0000-01-01, plus 2) in
    /// the high bits, as statement_search computes it with julianday().
    fn day_start(day: NaiveDate) -> Option<i64> {
        if !(0..=9999).contains(&chrono::Datelike::year(&day)) {
            return None;
        }
        let slot = i64::from(chrono::Datelike::num_days_from_ce(&day)) + 365 + 2;
        Some(slot << 40)
    }
}

/// The longest page read in the order of its ids (see `Store::page`).
const LIST_ORDER_ROWS: usize = 10_000;

/// The share of all statements above which a query walks the date index.
const MANY_MATCHES: f64 = 0.01;

/// How many of the newest statement ids `search_share` looks at.
const SEARCH_SAMPLE: i64 = 10_000;

/// Speaker or topic ids a filter resolved to, and how many there are in all.
struct Matches {
    ids: Vec<i64>,
    all: i64,
}

impl Matches {
    /// What share of all of them matched.
    fn share(&self) -> f64 {
        self.ids.len() as f64 / self.all.max(1) as f64
    }

    /// The ids as a JSON array, bound to `json_each(?)` (there may be more
    /// than SQLite's limit of bound parameters).
    fn json(&self) -> String {
        serde_json::to_string(&self.ids).expect("ids serialise")
    }
}

/// An SQL aggregate, `claimdb_id_list(id)`: the integer ids of its rows as
/// one blob, eight little-endian bytes each, in the order they came.
struct IdList;

impl rusqlite::functions::Aggregate<Vec<u8>, Vec<u8>> for IdList {
    fn init(&self, _: &mut rusqlite::functions::Context<'_>) -> rusqlite::Result<Vec<u8>> {
        Ok(Vec::new())
    }

    fn step(&self, ctx: &mut rusqlite::functions::Context<'_>, list: &mut Vec<u8>) -> rusqlite::Result<()> {
        list.extend_from_slice(&ctx.get::<i64>(0)?.to_le_bytes());
        Ok(())
    }

    fn finalize(&self, _: &mut rusqlite::functions::Context<'_>, list: Option<Vec<u8>>) -> rusqlite::Result<Vec<u8>> {
        Ok(list.unwrap_or_default())
    }
}

/// FTS5 reports bad query syntax as a generic SQL error; say what it is.
fn search_error(search: &str, err: Error) -> Error {
    match &err {
        Error::Sqlite(rusqlite::Error::SqliteFailure(_, Some(message)))
            if message.contains("fts5") || message.contains("no such column") || message.contains("unterminated") =>
        {
            Error::invalid(format!(
                "--search '{search}' is not a valid full-text query ({message}); put phrases and words with punctuation in double quotes"
            ))
        }
        _ => err,
    }
}

#[cfg(test)]
mod tests {
    use super::is_canonical_date;

    #[test]
    fn only_real_days_written_in_full_are_taken_as_stored() {
        assert!(is_canonical_date("2024-02-29"));
        assert!(!is_canonical_date("2023-02-29"), "no such day");
        assert!(!is_canonical_date("2024-5-01"));
        assert!(!is_canonical_date("2024-05-01T00:00"));
        assert!(!is_canonical_date("+024-05-01"));
        assert!(!is_canonical_date("2024-05-0a"));
        assert!(!is_canonical_date("2024-0\u{e9}-1"));
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(super::canonical_day("0000-01-01"), day(0, 1, 1));
        assert_eq!(super::canonical_day("2024-12-31"), day(2024, 12, 31));
        assert_eq!(super::canonical_day("9999-09-09"), day(9999, 9, 9));
        assert_eq!(super::canonical_day("2024-13-01"), None);
    }

    #[test]
    fn a_pages_text_reads_back_across_blocks() {
        let mut text = super::PageText::with_capacity(10);
        let parts: Vec<String> = (0..40).map(|i| format!("{i}:").repeat(i * 20_000 % 700_001 + 1)).collect();
        let at: Vec<_> = parts.iter().map(|part| text.push(part)).collect();
        assert!(!text.full.is_empty(), "more than one block");
        for (part, at) in parts.iter().zip(at) {
            assert_eq!(text.get(at), part);
        }
    }

    #[test]
    fn a_date_is_written_as_it_displays() {
        use chrono::NaiveDate;
        for (year, month, day) in [(2024, 5, 1), (1999, 12, 31), (0, 1, 1), (7, 2, 3), (9999, 12, 31), (10_000, 1, 1), (-1, 6, 15)] {
            let date = NaiveDate::from_ymd_opt(year, month, day).unwrap();
            let mut written = String::from("before ");
            super::write_date(&mut written, date);
            assert_eq!(written, format!("before {date}"), "{date:?}");
        }
    }

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
