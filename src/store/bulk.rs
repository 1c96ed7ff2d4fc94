//! Many writes in one transaction: `ingest` stores a batch of documents and
//! `import` a whole file this way.
//!
//! Why: the FTS insert trigger makes every statement insert open a statement
//! savepoint, and FTS5 flushes its pending index to disk at each savepoint,
//! so row-at-a-time inserts cost one tiny FTS segment each (import ran at
//! ~2,000 rows/s, 60 % of it in FTS flushes and re-prepares). A batch drops
//! the insert trigger inside its own transaction, notes the ids it inserts,
//! and indexes them all with one `INSERT ... SELECT` before it puts the
//! trigger back and commits. Readers never see the trigger missing (the
//! DDL is part of the uncommitted transaction) and a failure rolls it all
//! back, trigger included.
//!
//! An import into a database without statements goes further: the
//! statement indexes are dropped and built once at commit, and the
//! full-text index is built on a second thread while the rows go in and
//! copied in at commit (`side_index`), so nothing is noted per row.

use super::documents::store_document;
use super::search_rows::INDEX_UNINDEXED;
use super::side_index::SideFullTextIndex;
use super::documents::{IngestMode, IngestReport};
use super::statements::{insert_statement, FtsMode, InsertCache, ManualSource, StatementRow};
use super::Store;
use crate::error::{Error, Result};
use crate::model::{Document, Statement};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};
use std::collections::HashMap;
use std::path::Path;

/// The trigger a batch suspends (its SQL is read back from the database, so
/// it is put back exactly as schema.sql or a migration made it).
const FTS_INSERT_TRIGGER: &str = "statements_fts_insert";

/// FTS5 flushes its in-memory index of new rows to disk as a new segment
/// whenever it passes `hashsize` bytes (1 MiB by default), and merges the
/// segments as they pile up. Indexing a batch's rows in one go with 64 MiB
/// writes a few big segments instead of hundreds of small ones merged again
/// and again: a million statements took 10.5 s of CPU with the default,
/// 6.2 s with this. Set back to the default before the batch commits.
const FTS_BULK_HASHSIZE: i64 = 64 * 1024 * 1024;
const FTS_DEFAULT_HASHSIZE: i64 = 1024 * 1024;

/// An open write transaction for many documents or rows. Nothing is visible
/// to others until `commit`; dropping it rolls everything back.
pub struct Batch<'a> {
    tx: Transaction<'a>,
    /// Declared after `tx`: dropped after the transaction ends.
    _settings: ImportSettingsBack<'a>,
    trigger_sql: Option<String>,
    fts: FtsMode,
    /// Statement indexes dropped for an import into an empty database, put
    /// back (built once, from sorted data) at commit.
    dropped_indexes: Vec<String>,
    /// The speaker-name index's insert triggers, suspended like the FTS one.
    names: Option<SuspendedNameTriggers>,
    /// An import into an empty table links each row to its topic without
    /// the first-topic trigger (see `SuspendedFirstTopicTrigger`).
    first_topic: Option<SuspendedFirstTopicTrigger>,
    cache: InsertCache<'a>,
    documents: DocumentNames,
    /// An import into an empty table builds its full-text index on a
    /// thread of its own (see `side_index`); with the SQL that made
    /// `statements_fts`, to make it again.
    side_index: Option<(SideFullTextIndex, String)>,
}

impl Store {
    /// Begin a batch: takes the write lock at once (IMMEDIATE), so a
    /// concurrent writer waits on the busy timeout rather than failing.
    pub fn batch(&mut self) -> Result<Batch<'_>> {
        self.begin_batch(false, false)
    }

    /// A batch for `ingest` in `mode`. One that only adds documents
    /// (`SkipKnown`) deletes nothing and gives every row the ids of a
    /// speaker, document, statement or topic it has just found or created,
    /// so foreign-key checks (a parent lookup per statement and two per
    /// topic link) are off until it ends, as for `import_batch`;
    /// re-extraction keeps them for its cascading deletes.
    pub fn ingest_batch(&mut self, mode: IngestMode) -> Result<Batch<'_>> {
        self.begin_batch(false, mode == IngestMode::SkipKnown)
    }

    /// A batch for `import`: every row names its speaker, document and topic
    /// by ids the batch itself has just looked up or created, and nothing is
    /// deleted, so SQLite's foreign-key checks (a lookup in `speakers`,
    /// `documents`, `statements` and `topics` per row) only repeat what is
    /// known; they are off until the batch ends, and so are CHECK
    /// constraints (see `begin_batch`). `ingest` keeps them when it
    /// re-extracts, which deletes statements and relies on the cascades.
    pub fn import_batch(&mut self) -> Result<Batch<'_>> {
        self.begin_batch(true, false)
    }

    /// An import batch that asks `holds` of each row. It keeps the
    /// statement indexes even into an empty database: the question is asked
    /// of the rows the import has just written too, and without the indexes
    /// each answer would read them all.
    pub fn import_batch_skipping_existing(&mut self) -> Result<Batch<'_>> {
        self.begin_batch_keeping_indexes(true, false, true)
    }

    fn begin_batch(&mut self, import: bool, no_foreign_key_checks: bool) -> Result<Batch<'_>> {
        self.begin_batch_keeping_indexes(import, no_foreign_key_checks, false)
    }

    fn begin_batch_keeping_indexes(&mut self, import: bool, no_foreign_key_checks: bool, keep_indexes: bool) -> Result<Batch<'_>> {
        // These pragmas are no-ops inside a transaction: set them before BEGIN.
        if import {
            // With temporary files in memory SQLite's sorter keeps all of a
            // CREATE INDEX's keys in one list and sorts it in place, missing
            // the CPU cache at every step: 3.5 s per index of a million rows.
            // Given files, it sorts runs the size of the page cache and merges
            // them: 1.1 s.
            //
            // The schema's CHECK constraints only repeat what the row's types
            // already guarantee (kind, stance and origin are enums, hedged a
            // bool, confidence clamped), and each `IN (...)` check builds a
            // temporary b-tree per insert: three per statement, 30 % of the
            // time spent inserting.
            self.conn.execute_batch(
                "PRAGMA foreign_keys = OFF; PRAGMA temp_store = FILE; PRAGMA ignore_check_constraints = ON;",
            )?;
        }
        // A batch touches the statement indexes all over (by speaker, by
        // date): with SQLite's default 8 MB page cache it spills to the WAL
        // and reads back, and 100k rows took 8 x as long as 20k. 128 MB keeps
        // a million-row import in memory and memory still flat.
        self.conn.execute_batch("PRAGMA cache_size = -131072;")?;
        if no_foreign_key_checks {
            self.conn.execute_batch("PRAGMA foreign_keys = OFF;")?;
        }
        if !import {
            // SQLite checkpoints the WAL into the database after any commit
            // that leaves it over 1,000 pages (4 MB): after every batch of a
            // big ingest, each time copying again the index pages every batch
            // touches, with two fsyncs (a 100 MB ingest wrote 2.9 GB). Every
            // 64 MB instead, a page written by many batches is copied once
            // (2.1 GB); the WAL grows to 64 MB and a batch (117 MB there).
            self.conn.execute_batch("PRAGMA wal_autocheckpoint = 16384;")?;
        }
        let conn = &self.conn;
        let settings = ImportSettingsBack { conn: (import || no_foreign_key_checks).then_some(conn) };
        let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
        let trigger_sql = stored_trigger_sql(&tx, FTS_INSERT_TRIGGER)?;
        let into_empty = import && !keep_indexes && statements_are_empty(&tx)?;
        let fts = match (&trigger_sql, into_empty) {
            (None, _) => FtsMode::Trigger,
            (Some(_), true) => FtsMode::WholeTable,
            (Some(_), false) if import => FtsMode::Deferred,
            (Some(_), false) => FtsMode::Buffered,
        };
        if trigger_sql.is_some() {
            tx.execute_batch("DROP TRIGGER statements_fts_insert;")?;
        }
        if fts == FtsMode::Deferred {
            tx.execute_batch(
                "CREATE TEMP TABLE IF NOT EXISTS claimdb_unindexed (id INTEGER PRIMARY KEY);
                 DELETE FROM temp.claimdb_unindexed;",
            )?;
        }
        let dropped_indexes = if into_empty { drop_statement_indexes(&tx)? } else { Vec::new() };
        let names = SuspendedNameTriggers::suspend(&tx)?;
        let documents = DocumentNames::new(&tx, import)?;
        // An ingest batch links only the statements it inserts, each to the
        // one topic it was written with: the trigger would change nothing.
        let first_topic = if into_empty || !import { SuspendedFirstTopicTrigger::suspend(&tx)? } else { None };
        let side_index = if fts == FtsMode::WholeTable { start_side_index(&tx, &self.path)? } else { None };
        if into_empty {
            // Without indexes to keep in step, rows are appended and the
            // page cache only holds pages already written: 16 MB does (a
            // million rows: peak memory 235 -> 122 MB, with the full-text
            // builder's runs beside it).
            tx.execute_batch("PRAGMA cache_size = -16384;")?;
        }
        Ok(Batch {
            tx,
            _settings: settings,
            trigger_sql,
            fts,
            dropped_indexes,
            names,
            first_topic,
            cache: InsertCache::new(conn)?,
            documents,
            side_index,
        })
    }
}

impl Batch<'_> {
    /// Store one document and its statements inside the batch, all or none:
    /// on an error the document's writes are undone (a savepoint) and the
    /// batch carries on with the next one.
    pub fn ingest_document(&mut self, doc: &Document, statements: &[Statement], mode: IngestMode) -> Result<IngestReport> {
        let search_mark = self.cache.search.begin_document();
        let savepoint = self.tx.savepoint()?;
        match store_document(&savepoint, doc, statements, mode, self.fts, &mut self.cache) {
            Ok(report) => {
                savepoint.commit()?;
                Ok(report)
            }
            Err(e) => {
                // Speakers and topics created inside the undone savepoint are
                // gone again, and so are its statements' full-text rows.
                self.cache.clear();
                self.cache.search.roll_back(search_mark);
                drop(savepoint); // rolls back
                Err(e)
            }
        }
    }

    /// Whether a statement like `row` is stored already (or was just
    /// imported): the same content, said by the same speaker (by name or
    /// alias, any case) on the same date, from the same document or source.
    pub fn holds(&mut self, row: &StatementRow) -> Result<bool> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT EXISTS (
                 SELECT 1 FROM statements s LEFT JOIN documents d ON d.id = s.document_id
                  WHERE s.speaker_id IN (SELECT id FROM speakers WHERE name = ?1
                                         UNION SELECT speaker_id FROM speaker_aliases WHERE alias = ?1)
                    AND s.stated_on IS ?2 AND s.content = ?3
                    AND COALESCE(d.path, d.url, s.source_path) IS ?4)",
        )?;
        Ok(stmt.query_row(rusqlite::params![row.speaker, row.date, row.content, row.doc], |r| r.get(0))?)
    }

    /// Insert one row read by `import`. An id is kept when it is free; a row
    /// whose `doc` names a stored document is linked to it. Returns whether
    /// its speaker is new.
    pub fn import_row(&mut self, mut row: StatementRow) -> Result<bool> {
        let document_id = match &row.doc {
            Some(doc) => self.documents.id_of(&self.tx, doc)?,
            None => None,
        };
        let source = match document_id {
            Some(_) => ManualSource::default(),
            None => ManualSource { path: row.doc.take(), title: row.title.take() },
        };
        if row.confidence.is_nan() {
            // The one value CHECK constraints, off for an import, would catch.
            return Err(Error::invalid("a statement's confidence is not a number"));
        }
        let id = (row.id > 0).then_some(row.id);
        let origin = row.origin;
        let wikidata = row.speaker_wikidata.take();
        let statement = row.into_statement();
        let (id, new_speaker, speaker_name) =
            insert_statement(&self.tx, id, document_id, &statement, origin, &source, None, self.fts, &mut self.cache)?;
        if let Some(wikidata) = wikidata {
            // A record that has an id keeps it: the export came from it or
            // from a record a person named.
            self.tx
                .prepare_cached(
                    "UPDATE speakers SET wikidata = ?2
                     WHERE id = (SELECT speaker_id FROM statements WHERE id = ?1) AND wikidata IS NULL",
                )?
                .execute(rusqlite::params![id, wikidata])?;
        }
        if let Some((side_index, _)) = &mut self.side_index {
            side_index.add(&self.tx, id, statement.date, statement.content, speaker_name, &statement.speaker_mention)?;
        }
        Ok(new_speaker)
    }

    /// Build the dropped indexes, index the batch's statements for full
    /// text, put the trigger back and make everything visible at once.
    pub fn commit(mut self) -> Result<()> {
        let indexed = match self.fts {
            FtsMode::Trigger | FtsMode::Buffered => None,
            FtsMode::WholeTable if self.side_index.is_some() => None,
            // In key order: FTS5 writes out what it holds whenever a rowid
            // comes below the one before, so out of order it would write a
            // tiny segment per statement.
            FtsMode::WholeTable => Some(
                "INSERT INTO statements_fts (rowid, content, speaker)
                 SELECT key, content, speaker FROM statement_search ORDER BY key",
            ),
            FtsMode::Deferred => Some(INDEX_UNINDEXED),
        };
        if !self.dropped_indexes.is_empty() {
            // CREATE INDEX sorts in runs the size of the page cache: runs of
            // 2 MB stay in the CPU cache, runs of 128 MB do not (a million
            // rows, five indexes: 7.1 s of CPU against 10.0 s). So does the
            // full-text index's sort into key order, whose 128 MB run came
            // on top of the page cache and FTS5's buffer (peak memory of a
            // million-row import 380 MB).
            //
            // With one worker thread SQLite sorts a run on the other core
            // while it reads the next (the full-text builder is left with
            // its last run by then): a million rows' five indexes took 4.2 s
            // on this thread instead of 7.0 s, for as much CPU.
            self.tx.execute_batch("PRAGMA cache_size = -2000; PRAGMA threads = 1;")?;
        }
        if let Some(index_sql) = indexed {
            set_fts_hashsize(&self.tx, FTS_BULK_HASHSIZE)?;
            self.tx.execute_batch(index_sql)?;
            set_fts_hashsize(&self.tx, FTS_DEFAULT_HASHSIZE)?;
        }
        if self.fts == FtsMode::Buffered {
            self.index_buffered_rows()?;
        }
        for index_sql in &self.dropped_indexes {
            // The index's own text, as stored by SQLite: not built from input.
            self.tx.execute_batch(index_sql)?;
        }
        // After the indexes: the builder indexes its last run meanwhile.
        if let Some((side_index, create_sql)) = &mut self.side_index {
            side_index.copy_into(&self.tx, create_sql)?;
            // Stored as the path below leaves it: the same database either way.
            set_fts_hashsize(&self.tx, FTS_DEFAULT_HASHSIZE)?;
        }
        if let Some(trigger_sql) = &self.trigger_sql {
            // The trigger's own text, as stored by SQLite: not built from input.
            self.tx.execute_batch(trigger_sql).map_err(Error::from)?;
        }
        if let Some(names) = &self.names {
            names.index_and_restore(&self.tx)?;
        }
        if let Some(first_topic) = &self.first_topic {
            first_topic.restore(&self.tx)?;
        }
        super::statements::list_new_statements(&self.tx)?;
        self.tx.commit()?;
        Ok(())
    }
}

impl Batch<'_> {
    /// Write the full-text rows an ingest batch kept. Changing FTS5's
    /// buffer size writes its config and flushes what it holds: for a batch
    /// whose rows fit the default buffer anyway, not worth it.
    fn index_buffered_rows(&mut self) -> Result<()> {
        let big = self.cache.search.bytes() > FTS_SMALL_BATCH_BYTES;
        if big {
            set_fts_hashsize(&self.tx, FTS_BULK_HASHSIZE)?;
        }
        self.cache.search.index_all(&self.tx)?;
        if big {
            set_fts_hashsize(&self.tx, FTS_DEFAULT_HASHSIZE)?;
        }
        Ok(())
    }
}

/// Text below which a batch's full-text rows fit FTS5's default buffer
/// (which also counts each term and position list: a quarter of it).
const FTS_SMALL_BATCH_BYTES: usize = 256 * 1024;

/// The trigger that keeps statements.topic_id the smallest of a
/// statement's linked topics, suspended by an import into an empty table
/// and by every ingest batch.
///
/// Why: an imported row has one topic and is written with it as its
/// topic_id, so the trigger's update, run for every link, never changes
/// anything; with it and the lookup of the row's date the link cost three
/// b-tree searches where the insert alone costs one (100k rows: 3.35 s ->
/// 2.85 s of CPU). Dropped inside the transaction like the FTS trigger, so
/// no reader sees it missing and a rollback puts it back.
struct SuspendedFirstTopicTrigger {
    trigger_sql: String,
}

impl SuspendedFirstTopicTrigger {
    fn suspend(tx: &Transaction<'_>) -> Result<Option<Self>> {
        let trigger_sql = stored_trigger_sql(tx, "statement_topics_first_insert")?;
        if trigger_sql.is_some() {
            tx.execute_batch("DROP TRIGGER statement_topics_first_insert;")?;
        }
        Ok(trigger_sql.map(|trigger_sql| SuspendedFirstTopicTrigger { trigger_sql }))
    }

    fn restore(&self, tx: &Transaction<'_>) -> Result<()> {
        // The trigger's own text, as stored by SQLite: not built from input.
        tx.execute_batch(&self.trigger_sql)?;
        Ok(())
    }
}

/// Start building the full-text index beside the import (see
/// `side_index`), in a scratch directory next to the database.
fn start_side_index(tx: &Transaction<'_>, db_path: &Path) -> Result<Option<(SideFullTextIndex, String)>> {
    let create_sql: Option<String> = tx
        .query_row("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'statements_fts'", [], |r| r.get(0))
        .optional()?;
    let Some(create_sql) = create_sql else { return Ok(None) };
    let dir = db_path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    // Absolute, as the database's own path: a folder named `file:...` is a folder.
    let dir = std::path::absolute(dir).map_err(|e| Error::io(dir, e))?;
    Ok(Some((SideFullTextIndex::start(&dir, create_sql.clone())?, create_sql)))
}

/// Index the statements a batch noted (in key order: FTS5 writes out what it
/// holds whenever a rowid comes below the one before, so out of order it
/// would write a tiny segment per statement).
/// A trigger's SQL as SQLite stored it, to put it back exactly after
/// suspending it; None when the database has no such trigger.
fn stored_trigger_sql(conn: &Connection, name: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1")?
        .query_row([name], |r| r.get(0))
        .optional()?)
}

fn set_fts_hashsize(conn: &Connection, bytes: i64) -> Result<()> {
    conn.prepare_cached("INSERT INTO statements_fts (statements_fts, rank) VALUES ('hashsize', ?1)")?.execute([bytes])?;
    Ok(())
}

/// Whether there are no statements, and so nothing in the full-text index
/// either (checked too: an index out of step is left to the slow path).
fn statements_are_empty(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT NOT EXISTS (SELECT 1 FROM statements) AND NOT EXISTS (SELECT 1 FROM statements_fts)",
        [],
        |r| r.get(0),
    )?)
}

/// Drop the secondary indexes on `statements` and `statement_topics` and
/// return their SQL. Keeping five indexes in step row by row was a third of
/// import time; building them once at the end sorts the rows instead (200k
/// rows: 13.1 s CPU with, 9.2 s + 1.6 s to build without). Only for an empty
/// table: rebuilding the indexes of a big database for a small import would
/// cost more than it saves.
fn drop_statement_indexes(tx: &Transaction<'_>) -> Result<Vec<String>> {
    let indexes: Vec<(String, String)> = tx
        .prepare(
            // The DROP statement is made by SQLite itself from the schema's
            // own index name, quoted as an identifier.
            "SELECT 'DROP INDEX \"' || replace(name, '\"', '\"\"') || '\";', sql FROM sqlite_master
             WHERE type = 'index' AND tbl_name IN ('statements', 'statement_topics') AND sql IS NOT NULL",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (drop_index, _) in &indexes {
        tx.execute_batch(drop_index)?;
    }
    Ok(indexes.into_iter().map(|(_, sql)| sql).collect())
}

/// The triggers that index a new speaker's name and a new alias in
/// `speaker_names_fts`. Row by row, each insert into the FTS5 table flushes a
/// tiny segment (the statement savepoint of a trigger), which added 25 % to an
/// import creating 44,000 speakers. A batch drops them and, at commit,
/// indexes the speakers it created and those it gave an alias at once: new
/// speakers and aliases are the ones above the highest rowid at the start
/// (a batch deletes neither, and SQLite numbers new rows after the highest).
struct SuspendedNameTriggers {
    trigger_sql: Vec<String>,
    speakers_before: i64,
    aliases_before: i64,
}

impl SuspendedNameTriggers {
    fn suspend(tx: &Transaction<'_>) -> Result<Option<Self>> {
        let trigger_sql: Vec<String> = tx
            .prepare_cached(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger'
                 AND name IN ('speaker_names_insert', 'speaker_names_alias_insert') ORDER BY name",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if trigger_sql.len() != 2 {
            return Ok(None);
        }
        tx.execute_batch("DROP TRIGGER speaker_names_insert; DROP TRIGGER speaker_names_alias_insert;")?;
        let speakers_before = tx.query_row("SELECT COALESCE(max(id), 0) FROM speakers", [], |r| r.get(0))?;
        let aliases_before = tx.query_row("SELECT COALESCE(max(rowid), 0) FROM speaker_aliases", [], |r| r.get(0))?;
        Ok(Some(SuspendedNameTriggers { trigger_sql, speakers_before, aliases_before }))
    }

    fn index_and_restore(&self, tx: &Transaction<'_>) -> Result<()> {
        let bounds = rusqlite::params![self.speakers_before, self.aliases_before];
        tx.execute(
            "DELETE FROM speaker_names_fts WHERE rowid IN
                 (SELECT speaker_id FROM speaker_aliases WHERE rowid > ?2 AND speaker_id <= ?1)",
            bounds,
        )?;
        tx.execute(
            "INSERT INTO speaker_names_fts (rowid, names)
             SELECT id, names FROM speaker_names
             WHERE id > ?1 OR id IN (SELECT speaker_id FROM speaker_aliases WHERE rowid > ?2)",
            bounds,
        )?;
        for sql in &self.trigger_sql {
            // The trigger's own text, as stored by SQLite: not built from input.
            tx.execute_batch(sql)?;
        }
        Ok(())
    }
}

/// The documents `import` rows name by path or URL, looked up once each.
struct DocumentNames {
    /// No documents are stored (always so for a database built by `import`
    /// alone, which adds none): every name is unknown, nothing to look up.
    none_stored: bool,
    /// Rows of one document come together, and a lookup by path or URL
    /// scans the documents table.
    known: HashMap<String, Option<i64>>,
}

impl DocumentNames {
    fn new(conn: &Connection, import: bool) -> Result<Self> {
        let none_stored = import && conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM documents)", [], |r| r.get(0))?;
        Ok(DocumentNames { none_stored, known: HashMap::new() })
    }

    fn id_of(&mut self, conn: &Connection, doc: &str) -> Result<Option<i64>> {
        if self.none_stored {
            return Ok(None);
        }
        if let Some(id) = self.known.get(doc) {
            return Ok(*id);
        }
        let id = conn
            .prepare_cached("SELECT id FROM documents WHERE path = ?1 OR url = ?1 ORDER BY id LIMIT 1")?
            .query_row([doc], |r| r.get(0))
            .optional()?;
        self.known.insert(doc.to_string(), id);
        Ok(id)
    }
}

/// Puts back what an import batch (or an ingest batch without foreign-key
/// checks) changed about the connection (foreign-key and CHECK constraints
/// on, temporary files in memory, no sorting threads, the full-text
/// builder's scratch database detached) when it ends, committed or not.
///
/// The journal stays the WAL whatever the import: readers go on seeing the
/// database as it was until the import commits. (A rollback journal wrote
/// an import into an empty database a little faster, each page once, but
/// blocked every reader for the import's whole length.)
struct ImportSettingsBack<'a> {
    conn: Option<&'a Connection>,
}

impl Drop for ImportSettingsBack<'_> {
    fn drop(&mut self) {
        if let Some(conn) = self.conn {
            let _ = conn.execute_batch(
                "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; PRAGMA ignore_check_constraints = OFF; PRAGMA threads = 0;",
            );
            SideFullTextIndex::detach(conn);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Kind, Origin, SpeakerKind, Stance};
    use crate::store::{StatementRow, Store};

    fn row(id: i64, speaker: &str, content: &str) -> StatementRow {
        StatementRow {
            id,
            doc: None,
            title: None,
            date: chrono::NaiveDate::from_ymd_opt(2024, 5, 1),
            speaker: speaker.into(),
            speaker_mention: speaker.into(),
            role: None,
            cue: "said".into(),
            content: content.into(),
            kind: Kind::Indirect,
            stance: Stance::Neutral,
            hedged: false,
            topic: Some("Roads".into()),
            content_span: None,
            source_span: None,
            cue_span: None,
            speaker_kind: SpeakerKind::Person,
            speaker_wikidata: None,
            origin: Origin::Manual,
            confidence: 1.0,
        }
    }

    fn index_names(store: &Store) -> Vec<String> {
        let mut stmt = store
            .conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'statements' ORDER BY name")
            .unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap()
    }

    #[test]
    fn an_import_into_an_empty_database_puts_its_indexes_constraints_and_fts_settings_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_or_create(&dir.path().join("claims.db")).unwrap();
        let before = index_names(&store);
        store.import_rows(&[row(1, "Ada Lovelace", "the bridge is late"), row(2, "Alan Turing", "the road is fine")]).unwrap();
        assert_eq!(index_names(&store), before);
        let foreign_keys: bool = store.conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
        assert!(foreign_keys);
        let checks_ignored: bool = store.conn.query_row("PRAGMA ignore_check_constraints", [], |r| r.get(0)).unwrap();
        assert!(!checks_ignored);
        let hashsize: i64 = store
            .conn
            .query_row("SELECT v FROM statements_fts_config WHERE k = 'hashsize'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(hashsize, super::FTS_DEFAULT_HASHSIZE, "later writes index as before");
        let journal: String = store.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        assert_eq!(journal, "wal", "readers can work beside the next writer again");
        let found: i64 = store
            .conn
            .query_row("SELECT rowid FROM statements_fts WHERE statements_fts MATCH 'bridge'", [], |r| r.get(0))
            .unwrap();
        // Keyed by listing order: 2024-05-01 is day 739,372 from 0000-01-01
        // (slot 739,374), then statement id 1.
        assert_eq!(found, (739_374 << 40) + 1);
    }

    #[test]
    fn readers_see_the_database_as_it_was_while_an_import_into_it_runs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("claims.db");
        let mut writer = Store::open_or_create(&path).unwrap();
        let mut batch = writer.import_batch().unwrap();
        batch.import_row(row(1, "Ada Lovelace", "the bridge is late")).unwrap();
        // In WAL mode, however many pages the import writes before it commits.
        let journal: String = batch.tx.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        assert_eq!(journal, "wal");
        let reader = Store::open(&path).unwrap();
        // No wait for the import's lock: a blocked reader would fail here.
        reader.conn.busy_timeout(std::time::Duration::ZERO).unwrap();
        assert_eq!(reader.counts().unwrap(), (0, 0));
        batch.commit().unwrap();
        assert_eq!(reader.counts().unwrap(), (0, 1));
    }

    #[test]
    fn a_failed_import_into_an_empty_database_leaves_it_empty_and_in_wal_mode() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_or_create(&dir.path().join("claims.db")).unwrap();
        let mut bad = row(2, "Alan Turing", "the road is fine");
        bad.confidence = f64::NAN;
        assert!(store.import_rows(&[row(1, "Ada Lovelace", "the bridge is late"), bad]).is_err());
        assert_eq!(store.counts().unwrap(), (0, 0));
        let journal: String = store.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        assert_eq!(journal, "wal");
        let check: String = store.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok");
    }

    #[test]
    fn an_ingest_batch_that_only_adds_documents_turns_foreign_key_checks_back_on_when_it_ends() {
        use crate::store::IngestMode;
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_or_create(&dir.path().join("claims.db")).unwrap();
        let foreign_keys = |store: &Store| -> bool { store.conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap() };
        let batch = store.ingest_batch(IngestMode::SkipKnown).unwrap();
        batch.commit().unwrap();
        assert!(foreign_keys(&store), "after a commit");
        drop(store.ingest_batch(IngestMode::SkipKnown).unwrap());
        assert!(foreign_keys(&store), "after a rollback");
        let batch = store.ingest_batch(IngestMode::Reextract).unwrap();
        let on_in_reextraction: bool = batch.tx.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
        assert!(on_in_reextraction, "re-extraction deletes through the cascades");
    }

    #[test]
    fn an_import_into_an_empty_database_links_each_row_to_its_topic_with_its_date_and_puts_the_first_topic_trigger_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_or_create(&dir.path().join("claims.db")).unwrap();
        let mut undated = row(2, "Alan Turing", "the road is fine");
        undated.date = None;
        store.import_rows(&[row(1, "Ada Lovelace", "the bridge is late"), undated]).unwrap();
        let mut stmt = store
            .conn
            .prepare("SELECT st.statement_id, t.name, st.stated_on FROM statement_topics st JOIN topics t ON t.id = st.topic_id ORDER BY 1")
            .unwrap();
        let links: Vec<(i64, String, Option<String>)> =
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().collect::<rusqlite::Result<_>>().unwrap();
        assert_eq!(links, vec![(1, "Roads".to_string(), Some("2024-05-01".to_string())), (2, "Roads".to_string(), None)]);
        // The trigger is back: a second, smaller topic linked later becomes the first.
        store.conn.execute_batch("INSERT INTO topics (id, name) VALUES (0, 'Bridges');").unwrap();
        store.conn.execute_batch("INSERT INTO statement_topics (statement_id, topic_id) VALUES (1, 0);").unwrap();
        let first: i64 = store.conn.query_row("SELECT topic_id FROM statements WHERE id = 1", [], |r| r.get(0)).unwrap();
        assert_eq!(first, 0);
    }

    #[test]
    fn an_import_into_an_empty_database_finds_speakers_by_name_and_alias_in_any_case() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_or_create(&dir.path().join("claims.db")).unwrap();
        let mut first = row(1, "Ada Lovelace", "the bridge is late");
        first.speaker_mention = "Ada A. Lovelace".into();
        let by_alias = row(2, "ADA A. LOVELACE", "the road is fine");
        let by_name = row(3, "ada lovelace", "the tunnel is dry");
        let mut other = row(4, "Alan Turing", "the ferry is slow");
        // Already a name: not made an alias of Turing.
        other.speaker_mention = "Ada LOVELACE".into();
        store.import_rows(&[first, by_alias, by_name, other]).unwrap();
        let mut stmt = store.conn.prepare("SELECT s.id, sp.name FROM statements s JOIN speakers sp ON sp.id = s.speaker_id ORDER BY s.id").unwrap();
        let speakers: Vec<(i64, String)> =
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<rusqlite::Result<_>>().unwrap();
        let names = |ids: &[i64]| ids.iter().map(|&id| (id, if id < 4 { "Ada Lovelace" } else { "Alan Turing" }.to_string())).collect::<Vec<_>>();
        assert_eq!(speakers, names(&[1, 2, 3, 4]));
        let mut stmt = store.conn.prepare("SELECT alias FROM speaker_aliases ORDER BY alias").unwrap();
        let aliases: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap();
        assert_eq!(aliases, ["Ada A. Lovelace"]);
        assert_eq!(
            names_indexed(&store),
            vec![(1, "Ada Lovelace\nAda A. Lovelace".to_string()), (2, "Alan Turing".to_string())],
            "the speaker-name index as row by row"
        );
    }

    fn names_indexed(store: &Store) -> Vec<(i64, String)> {
        let mut stmt = store.conn.prepare("SELECT rowid, names FROM speaker_names_fts ORDER BY rowid").unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<rusqlite::Result<_>>().unwrap()
    }

    #[test]
    fn a_batch_indexes_the_names_of_the_speakers_it_creates_and_names() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_or_create(&dir.path().join("claims.db")).unwrap();
        store.import_rows(&[row(1, "Ada Lovelace", "the bridge is late")]).unwrap();
        let mut second = row(2, "Ada Lovelace", "the road is fine");
        second.speaker_mention = "Ada King Lovelace".into();
        store.import_rows(&[second, row(3, "Alan Turing", "the tunnel is dry")]).unwrap();
        assert_eq!(
            names_indexed(&store),
            vec![(1, "Ada Lovelace\nAda King Lovelace".to_string()), (2, "Alan Turing".to_string())]
        );
        // The triggers are back: a speaker added outside a batch is indexed too.
        store.add_alias("Alan Turing", "Prof. Turing").unwrap();
        assert_eq!(names_indexed(&store)[1], (2, "Alan Turing\nProf. Turing".to_string()));
    }
}
