//! Statements: the row every listing and export prints, and finding,
//! correcting and deleting one. Inserting is in `insert`, choosing a
//! query's statements in `plan`, reading them as a page in `page`, and
//! reading every statement for an export in `reader`.

mod insert;
mod id_bits;
mod keys;
mod page;
mod plan;
mod term_lists;
mod text_query;
mod walk;
mod reader;

pub(super) use insert::{insert_statement, FtsMode, InsertCache};
pub(in crate::store) use term_lists::list_new_statements;
pub use page::StatementPage;
pub use reader::{StatementChunk, StatementReader};

use super::speakers::resolve_speaker;
use super::topics::set_statement_topic;
use super::{now, Store};
use crate::error::{Error, Result};
use crate::model::{Kind, Origin, SpeakerKind, Spans, Stance, Statement, StatementView, STATEMENT_COLUMNS};
use chrono::NaiveDate;
use rusqlite::{params, params_from_iter, types::Value as SqlValue, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

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
    /// The speaker record's Wikidata id; an import gives it to the speaker
    /// when the record has none yet.
    #[serde(default)]
    pub speaker_wikidata: Option<String>,
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
            speaker_wikidata: self.speaker_wikidata.as_deref(),
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
         v.kind, v.stance, v.hedged, v.topic, v.content_span, v.source_span, v.cue_span, v.speaker_kind, v.origin, v.confidence, \
         (SELECT sw.wikidata FROM speakers sw WHERE sw.id = v.speaker_id)"
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
        speaker_wikidata: row.get(19)?,
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

    /// Every statement, by id: what `export` writes.
    pub fn all_statements(&self) -> Result<Vec<StatementRow>> {
        self.rows(concat!("SELECT ", row_columns!(), " FROM statement_view v ORDER BY v.id"), Vec::new())
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
                    outlet: row.get(20)?,
                    published: row.get(21)?,
                    document_text: row.get(22)?,
                    created_at: row.get(23)?,
                    updated_at: row.get(24)?,
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
            let (speaker_id, _) = resolve_speaker(&tx, name, SpeakerKind::Unknown, "")?;
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
}
