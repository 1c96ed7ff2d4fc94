//! The statements behind `claimdb report`: one row per statement and topic,
//! in the order positions are tracked (speaker, topic, date, place in text).

use super::Store;
use crate::error::Result;
use crate::model::{Kind, Stance};
use chrono::NaiveDate;
use rusqlite::{params_from_iter, types::Value as SqlValue, Row};

/// One statement on one topic, as reports track it.
#[derive(Debug, Clone, PartialEq)]
pub struct StanceRecord {
    pub id: i64,
    pub speaker: String,
    pub topic: String,
    pub stance: Stance,
    pub hedged: bool,
    pub date: Option<NaiveDate>,
    pub cue: String,
    pub content: String,
    pub kind: Kind,
    /// The document's title (or the title given by hand).
    pub title: Option<String>,
    /// The document's path or URL (or the source given by hand).
    pub doc: Option<String>,
}

/// Which statements a report covers; both parts match like `query`'s.
#[derive(Debug, Clone, Default)]
pub struct ReportFilter {
    /// Part of a speaker's name or alias, any case.
    pub speaker: Option<String>,
    /// Part of a topic name, any case.
    pub topic: Option<String>,
}

/// The select every report runs; `WHERE` parts are added by `stance_records`
/// as fixed strings (never formatted values). Statements without a topic
/// have no place in a report and are left out by the inner join.
macro_rules! records_select {
    () => {
        "SELECT s.id, sp.name, t.name, s.stance, s.hedged, s.stated_on, s.cue, s.content, s.kind,
                COALESCE(d.title, s.source_title), COALESCE(d.path, d.url, s.source_path)
         FROM statements s
         JOIN speakers sp ON sp.id = s.speaker_id
         JOIN statement_topics st ON st.statement_id = s.id
         JOIN topics t ON t.id = st.topic_id
         LEFT JOIN documents d ON d.id = s.document_id
         WHERE 1 = 1"
    };
}

const SPEAKER_CLAUSE: &str = " AND s.speaker_id IN (SELECT id FROM speakers WHERE name LIKE ? ESCAPE '\\' \
                                UNION SELECT speaker_id FROM speaker_aliases WHERE alias LIKE ? ESCAPE '\\')";
const TOPIC_CLAUSE: &str = " AND t.id IN (SELECT id FROM topics WHERE name LIKE ? ESCAPE '\\')";
/// Undated statements come after dated ones; within a day, text order.
const RECORDS_ORDER: &str = " ORDER BY sp.name COLLATE NOCASE, sp.id, t.name COLLATE NOCASE, t.id,
                                s.stated_on IS NULL, s.stated_on, s.document_id, s.content_start, s.id";

fn record_from_sql(row: &Row) -> rusqlite::Result<StanceRecord> {
    let text = |i: usize| -> rusqlite::Result<String> { row.get(i) };
    let conversion = |i: usize, e: String| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
    };
    Ok(StanceRecord {
        id: row.get(0)?,
        speaker: row.get(1)?,
        topic: row.get(2)?,
        stance: text(3)?.parse().map_err(|e| conversion(3, e))?,
        hedged: row.get(4)?,
        date: row.get(5)?,
        cue: row.get(6)?,
        content: row.get(7)?,
        kind: text(8)?.parse().map_err(|e| conversion(8, e))?,
        title: row.get(9)?,
        doc: row.get(10)?,
    })
}

/// `%` and `_` in a user's text match themselves in a LIKE pattern.
fn like_pattern(part: &str) -> String {
    let escaped = part.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

/// The SQL and its values for `filter`.
fn records_query(filter: &ReportFilter) -> (String, Vec<SqlValue>) {
    let mut sql = String::from(records_select!());
    let mut values = Vec::new();
    if let Some(speaker) = &filter.speaker {
        sql.push_str(SPEAKER_CLAUSE);
        values.push(SqlValue::Text(like_pattern(speaker)));
        values.push(SqlValue::Text(like_pattern(speaker)));
    }
    if let Some(topic) = &filter.topic {
        sql.push_str(TOPIC_CLAUSE);
        values.push(SqlValue::Text(like_pattern(topic)));
    }
    sql.push_str(RECORDS_ORDER);
    (sql, values)
}

impl Store {
    /// Every statement with a topic that `filter` covers, once per topic, by
    /// speaker, topic, then date (undated last) and place in the text.
    pub fn stance_records(&self, filter: &ReportFilter) -> Result<Vec<StanceRecord>> {
        let (sql, values) = records_query(filter);
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(values), record_from_sql)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How SQLite runs `stance_records` (EXPLAIN QUERY PLAN details), for
    /// tests that check the indexes are used.
    pub fn stance_records_plan(&self, filter: &ReportFilter) -> Result<Vec<String>> {
        let (sql, values) = records_query(filter);
        let mut stmt = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let rows = stmt.query_map(params_from_iter(values), |row| row.get::<_, String>(3))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
