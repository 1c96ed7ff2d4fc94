//! Corrections to who said what, kept as rules so that they hold when the
//! same documents are ingested or extracted again: `speakers rename` keeps the
//! old name as an alias of origin 'rule', `speakers split` records which
//! statement of which document belongs to whom, `speakers load` registers
//! known people (their names and aliases found first by every later ingest).

use super::speakers::{find_speaker, find_speaker_ref, unknown_speaker};
use super::Store;
use crate::error::{Error, Result};
use crate::model::{KnownSpeaker, SpeakerKind};
use rusqlite::{params, Connection, OptionalExtension};

/// What `load_speakers` did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadReport {
    pub added: usize,
    pub updated: usize,
    pub aliases: usize,
}

/// The speaker a statement rule gives the statement of the document with
/// text hash `content_hash` starting at `content_start`, by name: the rules
/// of one document, read once as it is stored.
pub(super) fn statement_rules(conn: &Connection, content_hash: &str) -> Result<Vec<(i64, String)>> {
    let rules = conn
        .prepare_cached(
            "SELECT r.content_start, sp.name FROM speaker_statement_rules r JOIN speakers sp ON sp.id = r.speaker_id
              WHERE r.content_hash = ?1",
        )?
        .query_map([content_hash], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rules)
}

impl Store {
    /// Give the speaker `speaker` (name, alias or id) the name `new_name`; the
    /// old name stays an alias, so that extraction finds the speaker by it.
    pub fn rename_speaker(&mut self, speaker: &str, new_name: &str) -> Result<(String, String)> {
        let new_name = new_name.trim();
        if new_name.is_empty() {
            return Err(Error::invalid("the new name is empty"));
        }
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let (id, old) = find_speaker_ref(&tx, speaker)?.ok_or_else(|| unknown_speaker(speaker))?;
        if let Some((other, other_name)) = find_speaker(&tx, new_name)? {
            if other != id {
                return Err(Error::invalid(format!(
                    "'{new_name}' already names another speaker, '{other_name}' (id {other}); use `speakers merge` to make them one"
                )));
            }
        }
        tx.prepare_cached("DELETE FROM speaker_aliases WHERE alias = ?1")?.execute([new_name])?;
        tx.prepare_cached("UPDATE speakers SET name = ?2 WHERE id = ?1")?.execute(params![id, new_name])?;
        if !old.eq_ignore_ascii_case(new_name) {
            tx.prepare_cached("INSERT OR REPLACE INTO speaker_aliases (alias, speaker_id, origin) VALUES (?1, ?2, 'rule')")?
                .execute(params![old, id])?;
        }
        tx.commit()?;
        Ok((old, new_name.to_string()))
    }

    /// Move the statements `ids` to the speaker `into` (name, alias or id; a
    /// new person of that name when there is none), and keep the move as a
    /// rule that re-extraction of their documents follows. Returns the
    /// speaker's name and how many statements moved.
    pub fn split_statements(&mut self, ids: &[i64], into: &str) -> Result<(String, usize)> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let (into_id, into_name) = match find_speaker_ref(&tx, into)? {
            Some(found) => found,
            None => {
                let name = into.trim();
                if name.is_empty() || name.parse::<i64>().is_ok() {
                    return Err(unknown_speaker(into));
                }
                tx.prepare_cached("INSERT INTO speakers (name, kind) VALUES (?1, 'person')")?.execute([name])?;
                (tx.last_insert_rowid(), name.to_string())
            }
        };
        let mut moved = 0;
        for &id in ids {
            let found: Option<(Option<String>, Option<i64>)> = tx
                .prepare_cached(
                    "SELECT d.content_hash, s.content_start FROM statements s LEFT JOIN documents d ON d.id = s.document_id
                      WHERE s.id = ?1",
                )?
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let Some((hash, start)) = found else { return Err(Error::NoStatement(id)) };
            moved += tx.prepare_cached("UPDATE statements SET speaker_id = ?2 WHERE id = ?1")?.execute(params![id, into_id])?;
            if let (Some(hash), Some(start)) = (hash, start) {
                tx.prepare_cached(
                    "INSERT OR REPLACE INTO speaker_statement_rules (content_hash, content_start, speaker_id) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![hash, start, into_id])?;
            }
        }
        tx.commit()?;
        Ok((into_name, moved))
    }

    /// Register known speakers, all or none: each is found by its name or an
    /// alias (then its kind, role and Wikidata id are set) or added; its
    /// aliases become rules. `lines` are where each came from in `path`, for
    /// the error that names an alias already given to someone else.
    pub fn load_speakers(&mut self, path: &str, speakers: &[(usize, KnownSpeaker)]) -> Result<LoadReport> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut report = LoadReport::default();
        for (line, known) in speakers {
            let at_line = |message: String| Error::InputLine { path: path.to_string(), line: *line, message };
            let kind = (known.kind != SpeakerKind::Unknown).then(|| known.kind.as_str());
            let id = match find_speaker(&tx, &known.name)? {
                Some((id, _)) => {
                    tx.prepare_cached(
                        "UPDATE speakers SET kind = COALESCE(?2, kind), role = COALESCE(?3, role), wikidata = COALESCE(?4, wikidata)
                          WHERE id = ?1",
                    )?
                    .execute(params![id, kind, known.role, known.wikidata])?;
                    report.updated += 1;
                    id
                }
                None => {
                    tx.prepare_cached("INSERT INTO speakers (name, kind, role, wikidata) VALUES (?1, COALESCE(?2, 'person'), ?3, ?4)")?
                        .execute(params![known.name, kind, known.role, known.wikidata])?;
                    report.added += 1;
                    tx.last_insert_rowid()
                }
            };
            for alias in known.aliases.iter().map(|a| a.trim()).filter(|a| !a.is_empty()) {
                match find_speaker(&tx, alias)? {
                    Some((other, _)) if other == id => {}
                    Some((_, other_name)) => {
                        return Err(at_line(format!("alias '{alias}' already names another speaker, '{other_name}'")));
                    }
                    None => {
                        tx.prepare_cached("INSERT INTO speaker_aliases (alias, speaker_id, origin) VALUES (?1, ?2, 'rule')")?
                            .execute(params![alias, id])?;
                        report.aliases += 1;
                    }
                }
            }
        }
        tx.commit()?;
        Ok(report)
    }
}
