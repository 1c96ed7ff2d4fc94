//! The statements behind `claimdb report`: one row per statement and topic,
//! in the order positions are tracked (speaker, topic, date, place in text).

use super::Store;
use crate::error::Result;
use crate::model::StanceRecord;
use rusqlite::{params_from_iter, types::Value as SqlValue, Row};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, SpeakerKind, Spans, Stance, Statement};
    use chrono::NaiveDate;
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
        let by_alias = store.stance_records(&ReportFilter { speaker: Some("SECRETARY".into()), topic: None }).unwrap();
        assert_eq!(by_alias.iter().map(|r| r.speaker.as_str()).collect::<Vec<_>>(), vec!["Marco Rubio"]);
        let by_topic = store.stance_records(&ReportFilter { speaker: None, topic: Some("fire".into()) }).unwrap();
        assert_eq!(by_topic.iter().map(|r| r.speaker.as_str()).collect::<Vec<_>>(), vec!["Donald Trump"]);
        let percent = store.stance_records(&ReportFilter { speaker: Some("%".into()), topic: None }).unwrap();
        assert!(percent.is_empty(), "% matches itself, not everything");
    }

    #[test]
    fn records_reach_statements_through_indexes() {
        let (_dir, store) = temp_store();
        let plan = |speaker: Option<&str>, topic: Option<&str>| {
            let filter = ReportFilter { speaker: speaker.map(String::from), topic: topic.map(String::from) };
            store.stance_records_plan(&filter).unwrap().join("\n")
        };
        let by_speaker = plan(Some("rubio"), None);
        assert!(by_speaker.contains("statements_by_speaker"), "{by_speaker}");
        let by_topic = plan(None, Some("territory"));
        assert!(by_topic.contains("statement_topics_by_topic"), "{by_topic}");
    }
}
