//! The statements behind `claimdb report`, read in three shapes: whole
//! records (one per statement and topic) for the few cells a page shows,
//! counts per speaker and per topic for choosing those cells, and slim
//! positions (ids, stance, confidence, day) for shifts and disagreements
//! over a whole corpus, which never hold a statement's text.

use super::Store;
use crate::error::Result;
use crate::model::{NameCount, Position, StanceRecord};
use chrono::NaiveDate;
use rusqlite::types::Value as SqlValue;
use rusqlite::vtab::array::Array;
use rusqlite::{params_from_iter, Row, ToSql};
use std::collections::HashMap;
use std::rc::Rc;

/// Which statements a report covers. The text parts match like `query`'s;
/// the name lists leave out speakers and topics by whole name, any case.
#[derive(Debug, Clone, Default)]
pub struct ReportFilter {
    /// Whole words of a speaker's name or alias, any case or accent
    /// ("ryan" finds Paul Ryan, not Craig Bryan), as `query --speaker`.
    pub speaker: Option<String>,
    /// Part of a topic name, any case.
    pub topic: Option<String>,
    /// Statements on or after this day.
    pub since: Option<NaiveDate>,
    /// Statements on or before this day.
    pub until: Option<NaiveDate>,
    /// Only these speakers (by id).
    pub speaker_ids: Option<Vec<i64>>,
    /// Only these topics (by id).
    pub topic_ids: Option<Vec<i64>>,
    /// Only these statements (by id).
    pub statement_ids: Option<Vec<i64>>,
    /// Speakers left out: names that stand for no one in particular ("they").
    pub unresolved_speakers: Vec<String>,
    /// Topics left out: words too general to be a subject ("percent").
    pub generic_topics: Vec<String>,
    /// Only support and oppose statements with at least this confidence.
    pub confident_sides: Option<f64>,
}

const RECORD_COLUMNS: &str = "SELECT s.id, s.speaker_id, sp.name, st.topic_id, t.name, s.stance, s.hedged, s.confidence,
        s.stated_on, s.cue, s.content, s.kind, COALESCE(d.title, s.source_title), COALESCE(d.path, d.url, s.source_path)";

/// Every report reads statements with a topic (the inner join leaves the
/// others out); `WHERE` parts are fixed strings added by `filtered`, never
/// formatted values. Without a topic filter the statements are read in
/// table order and their topics looked up by statement (CROSS JOIN fixes
/// that order): walking a million statements in topic order read the table
/// at random, 15 s where table order takes 1 s.
const BY_STATEMENT: &str = " FROM statements s CROSS JOIN statement_topics st ON st.statement_id = s.id";
const BY_TOPIC: &str = " FROM statement_topics st JOIN statements s ON s.id = st.statement_id";
const NAMES_JOIN: &str = " JOIN speakers sp ON sp.id = s.speaker_id JOIN topics t ON t.id = st.topic_id
         LEFT JOIN documents d ON d.id = s.document_id";

/// The columns a filter tests, in the statements table or in the topic
/// links, which carry their statement's speaker and date.
struct Columns {
    id: &'static str,
    speaker: &'static str,
    date: &'static str,
}

const STATEMENT_COLUMNS: Columns = Columns { id: "s.id", speaker: "s.speaker_id", date: "s.stated_on" };
const LINK_COLUMNS: Columns = Columns { id: "st.statement_id", speaker: "st.speaker_id", date: "st.stated_on" };

const TOPIC_CLAUSE: &str = " AND st.topic_id IN (SELECT id FROM topics WHERE name LIKE ? ESCAPE '\\')";
const TOPIC_IDS_CLAUSE: &str = " AND st.topic_id IN (SELECT value FROM rarray(?))";
// Names compare without case (COLLATE NOCASE in the schema).
// A database whose speakers have the kind 'unresolved' keeps the statements
// that named nobody under such a record; an ambiguous speaker is a surname
// that more than one known person bears. A record named in lower case or
// by a number ("republicans", "more people", "20 million experts") is a
// description, not someone a reader can place.
const UNRESOLVED_SPEAKERS: &str = " NOT IN (SELECT id FROM speakers
                                  WHERE kind = 'unresolved' OR ambiguous = 1 OR substr(name, 1, 1) GLOB '[a-z0-9]'
                                     OR name IN (SELECT value FROM rarray(?)))";
// Tested before a statement's topics are looked up: on a million
// statements most are neutral or unsure, and skipping their topic lookups
// saves a fifth of a `report disagreements`.
const CONFIDENT_SIDES_CLAUSE: &str = " AND s.stance <> 'neutral' AND s.confidence >= ?";
const GENERIC_CLAUSE: &str = " AND st.topic_id NOT IN (SELECT id FROM topics WHERE name IN (SELECT value FROM rarray(?)))";

/// Undated statements come after dated ones; within a day, text order.
const RECORDS_ORDER: &str = " ORDER BY sp.name COLLATE NOCASE, sp.id, t.name COLLATE NOCASE, t.id,
                                s.stated_on IS NULL, s.stated_on, s.document_id, s.content_start, s.id";

/// A timeline's order; SQLite takes a negative limit as none.
const DATE_ORDER: &str = " ORDER BY s.stated_on IS NULL, s.stated_on, s.document_id, s.content_start, s.id, t.name LIMIT ?";

fn record_from_sql(row: &Row) -> rusqlite::Result<StanceRecord> {
    let text = |i: usize| -> rusqlite::Result<String> { row.get(i) };
    let conversion = |i: usize, e: String| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
    };
    Ok(StanceRecord {
        id: row.get(0)?,
        speaker_id: row.get(1)?,
        speaker: row.get(2)?,
        topic_id: row.get(3)?,
        topic: row.get(4)?,
        stance: text(5)?.parse().map_err(|e| conversion(5, e))?,
        hedged: row.get(6)?,
        confidence: row.get(7)?,
        date: row.get(8)?,
        cue: row.get(9)?,
        content: row.get(10)?,
        kind: text(11)?.parse().map_err(|e| conversion(11, e))?,
        title: row.get(12)?,
        doc: row.get(13)?,
    })
}

/// `%` and `_` in a user's text match themselves in a LIKE pattern.
fn like_pattern(part: &str) -> String {
    let escaped = part.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

fn id_array(ids: &[i64]) -> Box<dyn ToSql> {
    let values: Array = Rc::new(ids.iter().map(|&id| SqlValue::Integer(id)).collect());
    Box::new(values)
}

fn name_array(names: &[String]) -> Box<dyn ToSql> {
    let values: Array = Rc::new(names.iter().map(|name| SqlValue::Text(name.clone())).collect());
    Box::new(values)
}

/// `head` (columns), the statements and their topics (joined with names
/// when `names`), the filter's clauses, then `tail`; with the values to
/// bind, in order.
fn filtered(head: &str, names: bool, filter: &ReportFilter, tail: &str) -> (String, Vec<Box<dyn ToSql>>) {
    let from = if filter.topic.is_some() || filter.topic_ids.is_some() { BY_TOPIC } else { BY_STATEMENT };
    let mut sql = String::from(head);
    sql.push_str(from);
    if names {
        sql.push_str(NAMES_JOIN);
    }
    let values = push_clauses(&mut sql, filter, &STATEMENT_COLUMNS);
    sql.push_str(tail);
    (sql, values)
}

/// `head` (columns of `st`) over the topic links alone, the filter's
/// clauses, then `tail`: a link carries its statement's speaker and date,
/// so this reads no statement row (a tenth of the pages).
fn filtered_links(head: &str, filter: &ReportFilter, tail: &str) -> (String, Vec<Box<dyn ToSql>>) {
    debug_assert!(filter.confident_sides.is_none(), "a link carries no stance confidence");
    let mut sql = String::from(head);
    sql.push_str(" FROM statement_topics st");
    let values = push_clauses(&mut sql, filter, &LINK_COLUMNS);
    sql.push_str(tail);
    (sql, values)
}

fn push_all(sql: &mut String, parts: &[&str]) {
    parts.iter().for_each(|part| sql.push_str(part));
}

const IN_ARRAY: &str = " IN (SELECT value FROM rarray(?))";

/// The `WHERE` clauses of `filter` on the columns `c` (fixed strings, never
/// values), and the values they bind.
fn push_clauses(sql: &mut String, filter: &ReportFilter, c: &Columns) -> Vec<Box<dyn ToSql>> {
    // A statement whose speaker was never resolved may have none.
    push_all(sql, &[" WHERE ", c.speaker, " IS NOT NULL"]);
    let mut values: Vec<Box<dyn ToSql>> = Vec::new();
    debug_assert!(filter.speaker.is_none(), "a speaker's words are matched to ids first (Store::matched)");
    if let Some(topic) = &filter.topic {
        sql.push_str(TOPIC_CLAUSE);
        values.push(Box::new(like_pattern(topic)));
    }
    if let Some(since) = filter.since {
        push_all(sql, &[" AND ", c.date, " >= ?"]);
        values.push(Box::new(since.to_string()));
    }
    if let Some(until) = filter.until {
        push_all(sql, &[" AND ", c.date, " <= ?"]);
        values.push(Box::new(until.to_string()));
    }
    if let Some(least) = filter.confident_sides {
        sql.push_str(CONFIDENT_SIDES_CLAUSE);
        values.push(Box::new(least));
    }
    if let Some(ids) = &filter.speaker_ids {
        push_all(sql, &[" AND ", c.speaker, IN_ARRAY]);
        values.push(id_array(ids));
    }
    if let Some(ids) = &filter.topic_ids {
        sql.push_str(TOPIC_IDS_CLAUSE);
        values.push(id_array(ids));
    }
    if let Some(ids) = &filter.statement_ids {
        push_all(sql, &[" AND ", c.id, IN_ARRAY]);
        values.push(id_array(ids));
    }
    if !filter.unresolved_speakers.is_empty() {
        push_all(sql, &[" AND ", c.speaker, UNRESOLVED_SPEAKERS]);
        values.push(name_array(&filter.unresolved_speakers));
    }
    if !filter.generic_topics.is_empty() {
        sql.push_str(GENERIC_CLAUSE);
        values.push(name_array(&filter.generic_topics));
    }
    values
}

/// A report reads much of the database once, in table order: a page is
/// read once whatever the cache, so 8 MB (which holds the speakers and
/// topics looked up for the records) does as well as 64 MB did on a million
/// statements, with 60 to 120 MB less memory.
const REPORT_CACHE: &str = "PRAGMA cache_size = -8192";

/// A statement's day counts from 0000-01-01 (1721059.5 is SQLite's Julian
/// day of that date, proleptic Gregorian).
const POSITION_COLUMNS: &str = "SELECT s.id, s.speaker_id, st.topic_id, s.stance, s.confidence,
        CAST(julianday(s.stated_on) - 1721059.5 AS INTEGER), s.document_id";

/// How much of a document's text before a statement's content
/// `for_each_statement_text` reads: enough for the cue and the few words
/// before it ("who had once praised").
const LEAD_IN_CHARS: i64 = 64;

/// What reports read of a statement's text to judge it as evidence.
pub struct StatementText<'a> {
    pub id: i64,
    pub content: &'a str,
    pub cue: &'a str,
    /// The year it was stated in.
    pub year: Option<i32>,
    /// Whether it has a source (a document, or a path or title given by hand).
    pub sourced: bool,
    /// The document's text just before the content (empty without one).
    pub lead_in: &'a str,
}

impl Store {
    /// `filter` with its speaker's words turned into the ids of the
    /// speakers they match (within `speaker_ids` when both are given).
    fn matched(&self, filter: &ReportFilter) -> Result<ReportFilter> {
        let mut matched = filter.clone();
        if let Some(part) = matched.speaker.take() {
            let mut ids = self.speakers_matching(&part)?;
            if let Some(wanted) = &filter.speaker_ids {
                ids.retain(|id| wanted.contains(id));
            }
            matched.speaker_ids = Some(ids);
        }
        Ok(matched)
    }

    /// Every statement with a topic that `filter` covers, once per topic, by
    /// speaker, topic, then date (undated last) and place in the text.
    pub fn stance_records(&self, filter: &ReportFilter) -> Result<Vec<StanceRecord>> {
        let filter = &self.matched(filter)?;
        rusqlite::vtab::array::load_module(&self.conn)?;
        let (sql, values) = filtered(RECORD_COLUMNS, true, filter, RECORDS_ORDER);
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(values.iter()), record_from_sql)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The first `limit` statements that `filter` covers (all when None),
    /// once per topic, by date (undated last), then place in the text: a
    /// timeline, which stops at its limit instead of holding every match.
    pub fn dated_records(&self, filter: &ReportFilter, limit: Option<u64>) -> Result<Vec<StanceRecord>> {
        let filter = &self.matched(filter)?;
        rusqlite::vtab::array::load_module(&self.conn)?;
        let (sql, mut values) = filtered(RECORD_COLUMNS, true, filter, DATE_ORDER);
        values.push(Box::new(limit.map_or(-1, |n| n.min(i64::MAX as u64) as i64)));
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(values.iter()), record_from_sql)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Each speaker with statements that `filter` covers, and how many
    /// (a statement on two topics counts once), most first.
    pub fn speaker_counts(&self, filter: &ReportFilter) -> Result<Vec<NameCount>> {
        let counts = self.name_counts(
            "SELECT s.speaker_id, '', count(DISTINCT s.id)",
            false,
            filter,
            " GROUP BY s.speaker_id",
        )?;
        self.named(counts, "SELECT name FROM speakers WHERE id = ?")
    }

    /// Each topic with statements that `filter` covers, and how many, most first.
    pub fn topic_counts(&self, filter: &ReportFilter) -> Result<Vec<NameCount>> {
        let counts = self.name_counts("SELECT st.topic_id, '', count(*)", false, filter, " GROUP BY st.topic_id")?;
        self.named(counts, "SELECT name FROM topics WHERE id = ?")
    }

    fn name_counts(&self, head: &str, names: bool, filter: &ReportFilter, tail: &str) -> Result<Vec<NameCount>> {
        let filter = &self.matched(filter)?;
        self.conn.execute_batch(REPORT_CACHE)?;
        rusqlite::vtab::array::load_module(&self.conn)?;
        let (sql, values) = filtered(head, names, filter, tail);
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(values.iter()), |row| {
            Ok(NameCount { id: row.get(0)?, name: row.get(1)?, statements: row.get::<_, i64>(2)? as u64 })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// `counts` with their names (looked up by `sql`), most statements
    /// first, then by name. Names are looked up after counting: joining
    /// them in made SQLite carry every name through the grouping.
    fn named(&self, mut counts: Vec<NameCount>, sql: &str) -> Result<Vec<NameCount>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        for count in &mut counts {
            count.name = stmt.query_row([count.id], |row| row.get(0))?;
        }
        counts.sort_by(|a, b| {
            b.statements.cmp(&a.statements).then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase())).then(a.id.cmp(&b.id))
        });
        Ok(counts)
    }

    /// Every statement that `filter` covers, once per topic, handed to
    /// `each` as it is read (in table order unless a topic is asked for):
    /// one pass that the matrix counts and the shifts are taken from,
    /// holding no row in memory.
    pub fn for_each_position(&self, filter: &ReportFilter, each: &mut dyn FnMut(Position)) -> Result<()> {
        let filter = &self.matched(filter)?;
        self.conn.execute_batch(REPORT_CACHE)?;
        rusqlite::vtab::array::load_module(&self.conn)?;
        let (sql, values) = filtered(POSITION_COLUMNS, false, filter, "");
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(values.iter()))?;
        while let Some(row) = rows.next()? {
            let conversion = |e: String| rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, e.into());
            let stance = row.get_ref(3)?.as_str().map_err(|e| conversion(e.to_string()))?.parse().map_err(conversion)?;
            each(Position {
                id: row.get(0)?,
                speaker_id: row.get(1)?,
                topic_id: row.get(2)?,
                stance,
                confidence: row.get(4)?,
                day: row.get(5)?,
                document_id: row.get(6)?,
            });
        }
        Ok(())
    }

    /// Every statement that `filter` covers, once per topic, handed to
    /// `each` as (statement, speaker, topic) in statement order: what the
    /// counts that choose a matrix's rows and columns need, read from the
    /// topic links alone.
    pub fn for_each_link(&self, filter: &ReportFilter, each: &mut dyn FnMut(i64, i64, i64)) -> Result<()> {
        let filter = &self.matched(filter)?;
        self.conn.execute_batch(REPORT_CACHE)?;
        rusqlite::vtab::array::load_module(&self.conn)?;
        let (sql, values) =
            filtered_links("SELECT st.statement_id, st.speaker_id, st.topic_id", filter, " ORDER BY st.statement_id, st.topic_id");
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(values.iter()))?;
        while let Some(row) = rows.next()? {
            each(row.get(0)?, row.get(1)?, row.get(2)?);
        }
        Ok(())
    }

    /// The support and oppose statements that `filter` covers with a
    /// confidence of at least `min_confidence`, once per topic, in no order.
    pub fn positions(&self, filter: &ReportFilter, min_confidence: f64) -> Result<Vec<Position>> {
        let mut found = Vec::new();
        let confident = ReportFilter { confident_sides: Some(min_confidence), ..filter.clone() };
        self.for_each_position(&confident, &mut |p| found.push(p))?;
        Ok(found)
    }

    /// The names of the speakers `ids`.
    pub fn speaker_names(&self, ids: &[i64]) -> Result<HashMap<i64, String>> {
        self.names("SELECT id, name FROM speakers WHERE id IN (SELECT value FROM rarray(?))", ids)
    }

    /// The names of the topics `ids`.
    pub fn topic_names_of(&self, ids: &[i64]) -> Result<HashMap<i64, String>> {
        self.names("SELECT id, name FROM topics WHERE id IN (SELECT value FROM rarray(?))", ids)
    }

    /// Each of the statements `ids` handed to `each` in no order, with its
    /// text (`StatementText`).
    pub fn for_each_statement_text(&self, ids: &[i64], each: &mut dyn FnMut(&StatementText)) -> Result<()> {
        rusqlite::vtab::array::load_module(&self.conn)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, s.content, s.cue, CAST(substr(s.stated_on, 1, 4) AS INTEGER),
                    s.document_id IS NOT NULL OR s.source_path IS NOT NULL OR s.source_title IS NOT NULL,
                    CASE WHEN s.content_start > 0
                         THEN substr(d.text, max(1, s.content_start + 1 - ?2), min(?2, s.content_start)) END
             FROM statements s LEFT JOIN documents d ON d.id = s.document_id
             WHERE s.id IN (SELECT value FROM rarray(?1))",
        )?;
        let mut rows = stmt.query(rusqlite::params![id_array(ids), LEAD_IN_CHARS])?;
        let text = |row: &rusqlite::Row, at: usize| -> Result<Option<String>> {
            Ok(row.get::<_, Option<String>>(at)?)
        };
        while let Some(row) = rows.next()? {
            let content = row.get_ref(1)?.as_str().map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, e.to_string().into())
            })?;
            each(&StatementText {
                id: row.get(0)?,
                content,
                cue: &text(row, 2)?.unwrap_or_default(),
                year: row.get(3)?,
                sourced: row.get(4)?,
                lead_in: &text(row, 5)?.unwrap_or_default(),
            });
        }
        Ok(())
    }

    /// Which of the topics `ids` extraction proposed (not defined by a
    /// person with keywords).
    pub fn proposed_topics(&self, ids: &[i64]) -> Result<std::collections::HashSet<i64>> {
        rusqlite::vtab::array::load_module(&self.conn)?;
        let mut stmt = self.conn.prepare_cached("SELECT id FROM topics WHERE automatic = 1 AND id IN (SELECT value FROM rarray(?))")?;
        let rows = stmt.query_map([id_array(ids)], |row| row.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn names(&self, sql: &str, ids: &[i64]) -> Result<HashMap<i64, String>> {
        rusqlite::vtab::array::load_module(&self.conn)?;
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map([id_array(ids)], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How SQLite runs `stance_records` (EXPLAIN QUERY PLAN details), for
    /// tests that check the indexes are used.
    pub fn stance_records_plan(&self, filter: &ReportFilter) -> Result<Vec<String>> {
        let filter = &self.matched(filter)?;
        rusqlite::vtab::array::load_module(&self.conn)?;
        let (sql, values) = filtered(RECORD_COLUMNS, true, filter, RECORDS_ORDER);
        let mut stmt = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let rows = stmt.query_map(params_from_iter(values.iter()), |row| row.get::<_, String>(3))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, SpeakerKind, Spans, Stance, Statement};
    use crate::store::{ManualSource, Store};

    fn temp_store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_or_create(&dir.path().join("claims.db")).unwrap();
        (dir, store)
    }

    fn claim(speaker: &str, topic: Option<&str>, stance: Stance, day: u32) -> Statement {
        Statement {
            speaker: speaker.into(),
            speaker_kind: SpeakerKind::Person,
            speaker_mention: speaker.into(),
            role: None,
            cue: "said".into(),
            content: format!("{speaker} on day {day}"),
            kind: Kind::Indirect,
            stance,
            hedged: false,
            topic: topic.map(String::from),
            date: NaiveDate::from_ymd_opt(2025, 8, day),
            content_span: Spans::default(),
            source_span: None,
            cue_span: None,
            confidence: 1.0,
        }
    }

    fn add(store: &mut Store, statement: Statement) {
        store.add_statement(&statement, &ManualSource::default()).unwrap();
    }

    #[test]
    fn records_come_by_speaker_topic_and_date_without_untopical_statements() {
        let (_dir, mut store) = temp_store();
        add(&mut store, claim("Bo", Some("tax"), Stance::Oppose, 9));
        add(&mut store, claim("Al", Some("tax"), Stance::Support, 5));
        add(&mut store, claim("Bo", Some("tax"), Stance::Support, 2));
        add(&mut store, claim("Bo", None, Stance::Support, 1));
        add(&mut store, claim("Al", Some("roads"), Stance::Neutral, 7));
        let records = store.stance_records(&ReportFilter::default()).unwrap();
        let order: Vec<(&str, &str, u32)> = records
            .iter()
            .map(|r| (r.speaker.as_str(), r.topic.as_str(), chrono::Datelike::day(&r.date.unwrap())))
            .collect();
        assert_eq!(order, vec![("Al", "roads", 7), ("Al", "tax", 5), ("Bo", "tax", 2), ("Bo", "tax", 9)]);
    }

    #[test]
    fn records_filter_by_part_of_speaker_alias_and_topic() {
        let (_dir, mut store) = temp_store();
        add(&mut store, claim("Marco Rubio", Some("coercion"), Stance::Oppose, 18));
        add(&mut store, claim("Donald Trump", Some("ceasefire"), Stance::Support, 18));
        store.add_alias("Marco Rubio", "the secretary").unwrap();
        let by_alias = store.stance_records(&ReportFilter { speaker: Some("SECRETARY".into()), topic: None, ..Default::default() }).unwrap();
        assert_eq!(by_alias.iter().map(|r| r.speaker.as_str()).collect::<Vec<_>>(), vec!["Marco Rubio"]);
        let by_topic = store.stance_records(&ReportFilter { speaker: None, topic: Some("fire".into()), ..Default::default() }).unwrap();
        assert_eq!(by_topic.iter().map(|r| r.speaker.as_str()).collect::<Vec<_>>(), vec!["Donald Trump"]);
        let percent = store.stance_records(&ReportFilter { speaker: Some("%".into()), topic: None, ..Default::default() }).unwrap();
        assert!(percent.is_empty(), "% matches itself, not everything");
    }

    #[test]
    fn links_give_the_statements_positions_give_for_any_filter() {
        let (_dir, mut store) = temp_store();
        add(&mut store, claim("Bo", Some("tax"), Stance::Oppose, 9));
        add(&mut store, claim("Al", Some("tax"), Stance::Support, 5));
        add(&mut store, claim("they", Some("tax"), Stance::Support, 6));
        add(&mut store, claim("Bo", Some("roads"), Stance::Support, 2));
        add(&mut store, claim("Bo", None, Stance::Support, 1));
        let since = NaiveDate::from_ymd_opt(2025, 8, 3);
        let filters = [
            ReportFilter::default(),
            ReportFilter { since, ..Default::default() },
            ReportFilter { until: since, ..Default::default() },
            ReportFilter { speaker: Some("bo".into()), ..Default::default() },
            ReportFilter { topic: Some("ta".into()), unresolved_speakers: vec!["They".into()], ..Default::default() },
        ];
        for filter in filters {
            let mut links = Vec::new();
            store.for_each_link(&filter, &mut |id, speaker, topic| links.push((id, speaker, topic))).unwrap();
            let mut positions = Vec::new();
            store.for_each_position(&filter, &mut |p| positions.push((p.id, p.speaker_id, p.topic_id))).unwrap();
            positions.sort_unstable();
            assert!(!links.is_empty(), "{filter:?}");
            assert_eq!(links, positions, "{filter:?}");
        }
    }

    #[test]
    fn records_reach_statements_through_indexes() {
        let (_dir, store) = temp_store();
        let plan = |speaker: Option<&str>, topic: Option<&str>| {
            let filter = ReportFilter { speaker: speaker.map(String::from), topic: topic.map(String::from), ..Default::default() };
            store.stance_records_plan(&filter).unwrap().join("\n")
        };
        let by_speaker = plan(Some("rubio"), None);
        assert!(by_speaker.contains("statements_by_speaker"), "{by_speaker}");
        let by_topic = plan(None, Some("territory"));
        assert!(by_topic.contains("statement_topics_by_topic"), "{by_topic}");
    }
}
