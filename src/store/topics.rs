//! Topics and the link from statements to them.

use super::Store;
use crate::error::Result;
use crate::extract::topics::TopicDef;
use rusqlite::{params, Connection, OptionalExtension};

/// The topic called `name` (case-insensitive), created when new; `automatic`
/// marks a topic extraction proposed rather than one a person defined.
pub(super) fn ensure_topic(conn: &Connection, name: &str, automatic: bool) -> Result<i64> {
    let name = name.trim();
    if let Some(id) = conn.prepare_cached("SELECT id FROM topics WHERE name = ?1")?.query_row( [name], |row| row.get(0)).optional()? {
        return Ok(id);
    }
    conn.prepare_cached("INSERT INTO topics (name, automatic) VALUES (?1, ?2)")?.execute( params![name, automatic])?;
    Ok(conn.last_insert_rowid())
}

/// Make `topic` the statement's only topic (or clear it with `None`).
pub(super) fn set_statement_topic(conn: &Connection, statement_id: i64, topic: Option<&str>, automatic: bool) -> Result<()> {
    conn.prepare_cached("DELETE FROM statement_topics WHERE statement_id = ?1")?.execute( [statement_id])?;
    link_new_statement_topic(conn, statement_id, topic, automatic)
}

/// Give a statement just inserted (so with no topic yet) its topic.
pub(super) fn link_new_statement_topic(conn: &Connection, statement_id: i64, topic: Option<&str>, automatic: bool) -> Result<()> {
    if let Some(name) = topic.map(str::trim).filter(|t| !t.is_empty()) {
        let topic_id = ensure_topic(conn, name, automatic)?;
        conn.prepare_cached("INSERT OR IGNORE INTO statement_topics (statement_id, topic_id) VALUES (?1, ?2)")?.execute(
            params![statement_id, topic_id],
        )?;
    }
    Ok(())
}

impl Store {
    /// The topics people defined, with their keywords, for the topic matcher.
    pub fn topic_defs(&self) -> Result<Vec<TopicDef>> {
        let mut stmt = self.conn.prepare("SELECT name, keywords FROM topics WHERE automatic = 0 ORDER BY id")?;
        let rows = stmt.query_map([], |row| {
            let keywords: String = row.get(1)?;
            Ok(TopicDef { name: row.get(0)?, keywords: serde_json::from_str(&keywords).unwrap_or_default() })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every topic name, defined or automatic, in the order they were made.
    pub fn topic_names(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("SELECT name FROM topics ORDER BY id")?;
        let rows = stmt.query_map([], |row| row.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
