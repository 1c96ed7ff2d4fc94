//! The full-text rows of an ingest batch's statements, written from Rust.
//!
//! Why: the batch suspends the FTS insert trigger (see bulk.rs). It used to
//! note each new id in a temporary table and, at commit, index them all
//! through the `statement_search` view: per statement a temporary b-tree
//! insert, the view's date arithmetic and speaker lookup, and a sort by
//! SQLite. The writer knows every value already (the id it was given, the
//! date it bound, the speaker's canonical name it resolved), so it keeps the
//! rows here and writes them at commit in key order with bound values.

use crate::error::Result;
use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

/// Statement ids from 1 to 2^40 - 1 fit in the low bits of a listing key.
const ID_LIMIT: i64 = 1 << 40;

/// A statement's rowid in the full-text index: its place in listing order,
/// `key` of the `statement_search` view (schema.sql), which must agree:
/// (day slot << 40) + id, the slot being days since 0000-01-01 plus 2 and 1
/// for no date; -id when the id does not fit. A year outside 0 to 9999
/// (which SQLite's date functions take or refuse by rules of their own) is
/// left to the view itself.
pub(super) fn search_key(conn: &Connection, id: i64, date: Option<NaiveDate>) -> Result<i64> {
    if !(1..ID_LIMIT).contains(&id) {
        return Ok(id.wrapping_neg());
    }
    let slot = match date {
        None => 1,
        Some(day) if (0..=9999).contains(&day.year()) => i64::from(day.num_days_from_ce()) + 365 + 2,
        Some(_) => {
            let key = conn.prepare_cached("SELECT key FROM statement_search WHERE id = ?1")?.query_row([id], |r| r.get(0))?;
            return Ok(key);
        }
    };
    Ok((slot << 40) + id)
}

/// One statement's row for `statements_fts`, as `statement_search` shows it.
#[derive(Debug)]
struct SearchRow {
    key: i64,
    document_id: Option<i64>,
    content: String,
    /// Canonical name, a space, the mention.
    speaker: String,
    /// Written already (see `PendingSearchRows::index_document`).
    indexed: bool,
}

/// The full-text rows of the statements a batch inserted, not yet written.
#[derive(Debug, Default)]
pub(super) struct PendingSearchRows {
    rows: Vec<SearchRow>,
    /// Rows the current document's re-extraction wrote early: unmarked
    /// again should its savepoint be rolled back.
    indexed_in_document: Vec<usize>,
    /// Bytes of text held, for the choice of FTS5's buffer size.
    bytes: usize,
}

impl PendingSearchRows {
    /// Keep a statement's row: `speaker` is its speaker's canonical name, a
    /// space and its mention.
    pub(super) fn push(&mut self, key: i64, document_id: Option<i64>, content: &str, speaker: String) {
        self.bytes += content.len() + speaker.len();
        self.rows.push(SearchRow { key, document_id, content: content.to_string(), speaker, indexed: false });
    }

    /// Bytes of text waiting to be indexed.
    pub(super) fn bytes(&self) -> usize {
        self.bytes
    }

    /// A document's writes begin; the mark to give `roll_back` if they are undone.
    pub(super) fn begin_document(&mut self) -> usize {
        self.indexed_in_document.clear();
        self.rows.len()
    }

    /// The document's savepoint was rolled back: its rows are gone, and rows
    /// it wrote early are unwritten again.
    pub(super) fn roll_back(&mut self, mark: usize) {
        for &i in &self.indexed_in_document {
            if let Some(row) = self.rows.get_mut(i) {
                row.indexed = false;
            }
        }
        self.indexed_in_document.clear();
        for row in self.rows.drain(mark.min(self.rows.len())..) {
            self.bytes -= row.content.len() + row.speaker.len();
        }
    }

    /// Write now the rows of the statements of `document_id` (stored
    /// earlier in this batch), before re-extraction deletes them: the delete
    /// trigger removes a statement from the contentless index with the
    /// values it was indexed with, so it must have been.
    pub(super) fn index_document(&mut self, conn: &Connection, document_id: i64) -> Result<()> {
        let mut insert = conn.prepare_cached(INSERT_ROW)?;
        for (i, row) in self.rows.iter_mut().enumerate() {
            if !row.indexed && row.document_id == Some(document_id) {
                insert.execute(rusqlite::params![row.key, row.content, row.speaker])?;
                row.indexed = true;
                self.indexed_in_document.push(i);
            }
        }
        Ok(())
    }

    /// Write every row not yet written, in key order (FTS5 writes out what
    /// it holds whenever a rowid comes below the one before: out of order,
    /// it would write a tiny segment per statement), and forget them all.
    pub(super) fn index_all(&mut self, conn: &Connection) -> Result<()> {
        let mut rows: Vec<SearchRow> = std::mem::take(&mut self.rows).into_iter().filter(|r| !r.indexed).collect();
        rows.sort_unstable_by_key(|r| r.key);
        let mut insert = conn.prepare_cached(INSERT_ROW)?;
        for row in &rows {
            insert.execute(rusqlite::params![row.key, row.content, row.speaker])?;
        }
        self.indexed_in_document.clear();
        self.bytes = 0;
        Ok(())
    }
}

const INSERT_ROW: &str = "INSERT INTO statements_fts (rowid, content, speaker) VALUES (?1, ?2, ?3)";

/// The statements a `Deferred` batch noted (ids in a temporary table),
/// put into the full-text index through `statement_search`.
pub(super) const INDEX_UNINDEXED: &str = "INSERT INTO statements_fts (rowid, content, speaker)
     SELECT v.key, v.content, v.speaker
     FROM temp.claimdb_unindexed n JOIN statement_search v ON v.id = n.id
     ORDER BY v.key;
     DELETE FROM temp.claimdb_unindexed;";

/// Index now the statements a `Deferred` batch noted so far: the full-text
/// index is contentless, and the delete trigger removes a statement from it
/// with the values it was indexed with, which a statement not yet indexed
/// was not (re-extracting a document stored earlier in the same batch).
pub(super) fn index_noted_statements(conn: &Connection) -> Result<()> {
    conn.execute_batch(INDEX_UNINDEXED)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::search_key;
    use crate::store::Store;
    use chrono::NaiveDate;

    #[test]
    fn the_search_key_is_the_one_the_statement_search_view_computes() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_or_create(&dir.path().join("claims.db")).unwrap();
        let conn = &store.conn;
        conn.execute_batch("INSERT INTO speakers (id, name) VALUES (1, 'Ada Lovelace');").unwrap();
        let days = [
            None,
            Some((2024, 5, 1)),
            Some((0, 1, 1)),
            Some((7, 2, 3)),
            Some((9999, 12, 31)),
            Some((1969, 12, 31)),
            Some((10_000, 1, 1)),
            Some((-1, 6, 15)),
            Some((-4713, 11, 24)),
            Some((-5000, 1, 1)),
        ];
        let ids = [1, 2, 77, (1 << 40) - 1, 1 << 40];
        for (n, (id, day)) in ids.iter().flat_map(|id| days.iter().map(move |d| (*id, *d))).enumerate() {
            let date = day.map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap());
            conn.execute("DELETE FROM statements", []).unwrap();
            conn.execute(
                "INSERT INTO statements (id, speaker_id, content, kind, stated_on) VALUES (?1, 1, 'x', 'direct', ?2)",
                rusqlite::params![id, date],
            )
            .unwrap();
            let by_view: i64 = conn.query_row("SELECT key FROM statement_search", [], |r| r.get(0)).unwrap();
            assert_eq!(search_key(conn, id, date).unwrap(), by_view, "case {n}: id {id}, date {date:?}");
        }
    }

    use crate::model::{Document, Kind, Span, SpeakerKind, Spans, Stance, Statement};
    use crate::store::IngestMode;

    fn article(text: &str, day: u32) -> Document {
        Document { path: format!("day{day}.txt"), text: text.into(), date: NaiveDate::from_ymd_opt(2024, 5, day), ..Document::default() }
    }

    /// A statement of `text` whose content is the part from `content` on.
    fn said(text: &str, speaker: &str, content: &str) -> Statement {
        let start = text[..text.find(content).unwrap()].chars().count();
        Statement {
            speaker: speaker.into(),
            speaker_kind: SpeakerKind::Person,
            speaker_mention: speaker.into(),
            role: None,
            cue: "said".into(),
            content: content.into(),
            kind: Kind::Indirect,
            stance: Stance::Neutral,
            hedged: false,
            topic: Some("Bridges".into()),
            date: None,
            content_span: Spans::single(Span::new(start, start + content.chars().count())),
            source_span: None,
            cue_span: None,
            confidence: 0.9,
        }
    }

    /// The full-text rowids that match `bridge` (every test statement says it).
    fn indexed(store: &Store) -> Vec<i64> {
        let mut stmt = store.conn.prepare("SELECT rowid FROM statements_fts WHERE statements_fts MATCH 'bridge' ORDER BY rowid").unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap()
    }

    /// Every statement is indexed under its key and nothing else is; once
    /// they are all deleted (the trigger removes each with the values it
    /// was indexed with), the index holds nothing.
    fn assert_index_in_step(store: &Store) {
        let mut stmt = store.conn.prepare("SELECT key FROM statement_search ORDER BY key").unwrap();
        let keys: Vec<i64> = stmt.query_map([], |r| r.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap();
        assert!(!keys.is_empty());
        assert_eq!(indexed(store), keys);
        store.conn.execute_batch("SAVEPOINT look; DELETE FROM statements;").unwrap();
        assert_eq!(indexed(store), Vec::<i64>::new(), "every row deleted with the values it was indexed with");
        store.conn.execute_batch("ROLLBACK TO look; RELEASE look;").unwrap();
    }

    const FIRST: &str = "Ada Lovelace said the bridge is late. Alan Turing said the bridge is fine.";
    const SECOND: &str = "Grace Hopper said the new bridge opens soon.";

    #[test]
    fn a_document_reextracted_in_the_batch_that_stored_it_is_indexed_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_or_create(&dir.path().join("claims.db")).unwrap();
        let statements = vec![said(FIRST, "Ada Lovelace", "the bridge is late"), said(FIRST, "Alan Turing", "the bridge is fine")];
        let mut batch = store.batch().unwrap();
        batch.ingest_document(&article(FIRST, 1), &statements, IngestMode::SkipKnown).unwrap();
        batch.ingest_document(&article(SECOND, 2), &[said(SECOND, "Grace Hopper", "the new bridge opens soon")], IngestMode::SkipKnown).unwrap();
        let again = batch.ingest_document(&article(FIRST, 1), &statements[..1], IngestMode::Reextract).unwrap();
        assert_eq!((again.already_stored, again.statements), (true, 1));
        batch.commit().unwrap();
        assert_eq!(store.counts().unwrap(), (2, 2));
        assert_index_in_step(&store);
    }

    #[test]
    fn a_document_undone_in_a_batch_leaves_no_row_in_the_index_and_its_early_rows_are_written_after_all() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_or_create(&dir.path().join("claims.db")).unwrap();
        let statements = vec![said(FIRST, "Ada Lovelace", "the bridge is late"), said(FIRST, "Alan Turing", "the bridge is fine")];
        // A confidence that is not a number fails the second insert, after
        // the first statement of the document went in.
        let mut failing = statements.clone();
        failing[1].confidence = f64::NAN;
        let third = "Alan Turing said the old bridge is gone. Ada Lovelace said the bridge is fine.";
        let mut failing_third = vec![said(third, "Alan Turing", "the old bridge is gone"), said(third, "Ada Lovelace", "the bridge is fine")];
        failing_third[1].confidence = f64::NAN;
        let mut batch = store.batch().unwrap();
        assert!(batch.ingest_document(&article(SECOND, 2), &[said(SECOND, "Grace Hopper", "the new bridge opens soon")], IngestMode::SkipKnown).is_ok());
        assert!(batch.ingest_document(&article(third, 3), &failing_third, IngestMode::SkipKnown).is_err());
        batch.ingest_document(&article(FIRST, 1), &statements, IngestMode::SkipKnown).unwrap();
        // Re-extraction writes the document's rows early, then fails: undone,
        // its statements stay and must still be indexed at commit.
        assert!(batch.ingest_document(&article(FIRST, 1), &failing, IngestMode::Reextract).is_err());
        batch.commit().unwrap();
        assert_eq!(store.counts().unwrap(), (2, 3));
        assert_index_in_step(&store);
    }
}

