//! The full-text index of an import into an empty database, built on a
//! thread of its own, in a scratch database, while the import writes the
//! tables; copied into the database at commit.
//!
//! Why: SQLite runs a connection on one core, and indexing a million
//! statements for full text (tokenizing, sorting into key order, merging
//! segments) was 7.5 s of a 20 s import that the second core sat out. A
//! second connection to a second file can run beside the first; its
//! finished index is three plain tables (`statements_fts_data`, `_idx` and
//! `_docsize`: the table is contentless), which one `INSERT ... SELECT`
//! each copies over in a fraction of the time it took to build.
//!
//! The rows are handed over as the index sees them (`statement_search`):
//! the listing key, the content, and the speaker's canonical name and
//! mention. FTS5 writes out its pending terms whenever a rowid comes below
//! the one before, so the builder sorts the rows a run at a time and each
//! run becomes a segment (merged by FTS5 as they pile up).
//!
//! The scratch database lives in a temporary directory beside the database
//! and is removed when the import ends, committed or not, or by the next
//! write after a killed import (see `scratch`).

use super::scratch::ScratchDir;
use super::search_rows::search_key;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::thread::JoinHandle;

/// Rows handed to the builder at a time.
const CHUNK_ROWS: usize = 1024;
/// Chunks queued for the builder at most (the import waits beyond that):
/// a run's worth, so the import goes on while the builder indexes a run.
/// With 16 the import's thread slept on the queue ~40 % of the rows phase
/// (1M rows: 21.3 -> 18.1 to 20.1 s wall, peak 128 -> 148 MB).
const CHUNKS_AHEAD: usize = RUN_ROWS / CHUNK_ROWS;
/// Rows sorted and indexed together, one FTS5 segment each. A run is about
/// 200 bytes a row in memory, and FTS5's pending terms about as much again.
const RUN_ROWS: usize = 131_072;
/// FTS5 writes a segment when its pending terms pass this many bytes; a run
/// stays below it, so each run is one segment.
const SCRATCH_HASHSIZE: i64 = 256 * 1024 * 1024;
/// Name of the scratch database while it is attached to the import's
/// connection.
const SCRATCH_SCHEMA: &str = "claimdb_side_index";

/// One statement as the full-text index takes it (see `statement_search`).
struct IndexedRow {
    key: i64,
    content: String,
    speaker: String,
}

enum Message {
    Rows(Vec<IndexedRow>),
    /// Every row was sent: index the last run and commit. A builder whose
    /// channel closes without this stops, indexing nothing more.
    Finish,
}

/// The builder thread and what the import hands it.
pub(super) struct SideFullTextIndex {
    sender: Option<SyncSender<Message>>,
    builder: Option<JoinHandle<Result<()>>>,
    pending: Vec<IndexedRow>,
    scratch_file: PathBuf,
    /// Declared last: removed after the builder has stopped.
    _scratch_dir: ScratchDir,
}

impl SideFullTextIndex {
    /// Start a builder for a full-text table made by `create_sql` (the
    /// statement SQLite stored for `statements_fts`), in a scratch database
    /// in a new temporary directory inside `dir`.
    pub(super) fn start(dir: &Path, create_sql: String) -> Result<Self> {
        let scratch_dir = ScratchDir::new_in(dir)?;
        let scratch_file = scratch_dir.path().join("fts.db");
        let (sender, receiver) = sync_channel(CHUNKS_AHEAD);
        let path = scratch_file.clone();
        let builder = std::thread::Builder::new()
            .name("claimdb-fts".into())
            .spawn(move || build(&path, &create_sql, receiver, RUN_ROWS))
            .map_err(|e| Error::invalid(format!("cannot start the full-text indexing thread: {e}")))?;
        Ok(SideFullTextIndex {
            sender: Some(sender),
            builder: Some(builder),
            pending: Vec::with_capacity(CHUNK_ROWS),
            scratch_file,
            _scratch_dir: scratch_dir,
        })
    }

    /// Hand over a statement just inserted as `id`, dated `date`, by the
    /// speaker stored as `canonical` (the name the index holds, which a row
    /// may have given as an alias or in another case), mentioned as `mention`.
    pub(super) fn add(
        &mut self,
        conn: &Connection,
        id: i64,
        date: Option<NaiveDate>,
        content: String,
        canonical: &str,
        mention: &str,
    ) -> Result<()> {
        let mut speaker_text = String::with_capacity(canonical.len() + 1 + mention.len());
        speaker_text.push_str(canonical);
        speaker_text.push(' ');
        speaker_text.push_str(mention);
        let key = search_key(conn, id, date)?;
        self.pending.push(IndexedRow { key, content, speaker: speaker_text });
        if self.pending.len() == CHUNK_ROWS {
            let chunk = std::mem::replace(&mut self.pending, Vec::with_capacity(CHUNK_ROWS));
            self.send(Message::Rows(chunk))?;
        }
        Ok(())
    }

    fn send(&mut self, message: Message) -> Result<()> {
        let sent = self.sender.as_ref().map(|s| s.send(message).is_ok()).unwrap_or(false);
        if sent {
            Ok(())
        } else {
            // The builder stopped early: its error says why.
            Err(self.join().err().unwrap_or_else(|| Error::invalid("the full-text indexing thread stopped")))
        }
    }

    /// Wait for the builder to index everything handed over.
    fn finish(&mut self) -> Result<()> {
        let last = std::mem::take(&mut self.pending);
        self.send(Message::Rows(last))?;
        self.send(Message::Finish)?;
        self.sender = None;
        self.join()
    }

    fn join(&mut self) -> Result<()> {
        self.sender = None;
        match self.builder.take() {
            Some(builder) => builder.join().unwrap_or_else(|_| Err(Error::invalid("the full-text indexing thread panicked"))),
            None => Ok(()),
        }
    }

    /// Finish the index and make it the database's `statements_fts`,
    /// inside the caller's transaction. The table is dropped and created
    /// again first: FTS5 keeps what it read of an index per connection,
    /// and a fresh table has read nothing, so nothing stale is kept of the
    /// empty index it replaces. `SCRATCH_SCHEMA` stays attached until
    /// `detach` (SQLite detaches no database inside a transaction).
    pub(super) fn copy_into(&mut self, conn: &Connection, create_sql: &str) -> Result<()> {
        self.finish()?;
        conn.execute_batch("DROP TABLE statements_fts;")?;
        // The table's own text, as stored by SQLite: not built from input.
        conn.execute_batch(create_sql)?;
        let file = self.scratch_file.to_str().ok_or_else(|| Error::invalid("the scratch path is not UTF-8"))?;
        conn.execute("ATTACH DATABASE ?1 AS claimdb_side_index", [file])?;
        conn.execute_batch(
            "INSERT OR REPLACE INTO main.statements_fts_data (id, block) SELECT id, block FROM claimdb_side_index.statements_fts_data;
             INSERT INTO main.statements_fts_idx (segid, term, pgno) SELECT segid, term, pgno FROM claimdb_side_index.statements_fts_idx;
             INSERT INTO main.statements_fts_docsize (id, sz) SELECT id, sz FROM claimdb_side_index.statements_fts_docsize;",
        )?;
        Ok(())
    }

    /// Detach the scratch database, once the transaction has ended.
    pub(super) fn detach(conn: &Connection) {
        let attached: bool = conn
            .query_row("SELECT EXISTS (SELECT 1 FROM pragma_database_list WHERE name = ?1)", [SCRATCH_SCHEMA], |r| r.get(0))
            .unwrap_or(false);
        if attached {
            let _ = conn.execute_batch("DETACH DATABASE claimdb_side_index;");
        }
    }
}

impl Drop for SideFullTextIndex {
    /// An import that fails stops the builder (without `Finish` it indexes
    /// nothing more) and waits for it before the scratch file goes.
    fn drop(&mut self) {
        let _ = self.join();
    }
}

/// The builder: index the rows as they come, a sorted run of `run_rows` at
/// a time.
fn build(path: &Path, create_sql: &str, receiver: Receiver<Message>, run_rows: usize) -> Result<()> {
    let conn = Connection::open(path).map_err(|e| scratch_error(path, e))?;
    // A scratch file: if anything fails it is thrown away whole, so it
    // needs neither a journal nor syncs.
    conn.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = FILE;")
        .map_err(|e| scratch_error(path, e))?;
    // The table's own text, as stored by SQLite: not built from input.
    conn.execute_batch(create_sql).map_err(|e| scratch_error(path, e))?;
    conn.execute("INSERT INTO statements_fts (statements_fts, rank) VALUES ('hashsize', ?1)", [SCRATCH_HASHSIZE])
        .map_err(|e| scratch_error(path, e))?;
    // Each run is written as one segment and left so: merging them as they
    // pile up (FTS5's automerge, every 4 segments) was a sixth of the
    // builder's CPU (a million rows: 5.5 -> 4.6 s), for queries that read
    // 8 segments instead of 6 (`--search budget` 25.5 M -> 25.6 M
    // instructions). Only the scratch table's setting: the database's own
    // stays the default, so later writes merge as before.
    conn.execute_batch("INSERT INTO statements_fts (statements_fts, rank) VALUES ('automerge', 0);")
        .map_err(|e| scratch_error(path, e))?;
    conn.execute_batch("BEGIN;").map_err(|e| scratch_error(path, e))?;
    let mut run: Vec<IndexedRow> = Vec::with_capacity(run_rows);
    let index_run = |run: &mut Vec<IndexedRow>| -> rusqlite::Result<()> {
        run.sort_unstable_by_key(|r| r.key);
        let mut insert = conn.prepare_cached("INSERT INTO statements_fts (rowid, content, speaker) VALUES (?1, ?2, ?3)")?;
        for row in run.drain(..) {
            insert.execute(rusqlite::params![row.key, row.content, row.speaker])?;
        }
        Ok(())
    };
    loop {
        match receiver.recv() {
            Ok(Message::Rows(rows)) => {
                run.extend(rows);
                if run.len() >= run_rows {
                    index_run(&mut run).map_err(|e| scratch_error(path, e))?;
                }
            }
            Ok(Message::Finish) => break,
            // The import failed and dropped its end: stop.
            Err(_) => return Ok(()),
        }
    }
    index_run(&mut run).map_err(|e| scratch_error(path, e))?;
    conn.execute_batch("COMMIT;").map_err(|e| scratch_error(path, e))?;
    Ok(())
}

fn scratch_error(path: &Path, err: rusqlite::Error) -> Error {
    Error::Database { path: path.to_path_buf(), message: format!("building the full-text index: {err}") }
}

#[cfg(test)]
mod tests {
    use super::{build, IndexedRow, Message};
    use rusqlite::Connection;

    #[test]
    fn rows_handed_over_out_of_key_order_in_several_runs_are_all_found_in_key_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fts.db");
        let create_sql = "CREATE VIRTUAL TABLE statements_fts USING fts5 (content, speaker, content = '', tokenize = 'unicode61 remove_diacritics 2')";
        let (sender, receiver) = std::sync::mpsc::sync_channel(4);
        let keys = [50_i64, 10, 40, 20, 30, 5, 60];
        let rows = keys
            .iter()
            .map(|&key| IndexedRow { key, content: format!("ferry number {key}"), speaker: "Ada Lovelace Ada".into() })
            .collect();
        sender.send(Message::Rows(rows)).unwrap();
        sender.send(Message::Finish).unwrap();
        build(&path, create_sql, receiver, 2).unwrap();

        let conn = Connection::open(&path).unwrap();
        let found: Vec<i64> = conn
            .prepare("SELECT rowid FROM statements_fts WHERE statements_fts MATCH 'ferry'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(found, [5, 10, 20, 30, 40, 50, 60]);
        let one: Vec<i64> = conn
            .prepare("SELECT rowid FROM statements_fts WHERE statements_fts MATCH '40 AND lovelace'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(one, [40]);
        conn.execute_batch("INSERT INTO statements_fts (statements_fts, rank) VALUES ('integrity-check', 0);").unwrap();
    }

    #[test]
    fn each_run_stays_a_segment_of_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fts.db");
        let create_sql = "CREATE VIRTUAL TABLE statements_fts USING fts5 (content, speaker, content = '')";
        let (sender, receiver) = std::sync::mpsc::sync_channel(16);
        // Twelve runs of two, each run's keys below the last run's (FTS5
        // writes what it holds when a key comes below the one before), with
        // words enough for ~15 pages a segment (FTS5's automerge takes a
        // step every 64 pages written).
        for first in (0..12).rev().map(|run: i64| 2 * run + 1) {
            let rows = [first, first + 1].map(|key| IndexedRow {
                key,
                content: (0..2000).map(|word| format!("tram{key}stop{word}")).collect::<Vec<_>>().join(" "),
                speaker: "Grace Hopper Hopper".into(),
            });
            sender.send(Message::Rows(rows.into())).unwrap();
        }
        sender.send(Message::Finish).unwrap();
        build(&path, create_sql, receiver, 2).unwrap();
        let conn = Connection::open(&path).unwrap();
        let segments: i64 =
            conn.query_row("SELECT count(DISTINCT id >> 37) FROM statements_fts_data WHERE id >> 37 > 0", [], |r| r.get(0)).unwrap();
        assert_eq!(segments, 12, "twelve runs, none merged");
        conn.execute_batch("INSERT INTO statements_fts (statements_fts, rank) VALUES ('integrity-check', 0);").unwrap();
    }

    #[test]
    fn a_builder_whose_import_fails_indexes_nothing_more() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fts.db");
        let create_sql = "CREATE VIRTUAL TABLE statements_fts USING fts5 (content, speaker, content = '')";
        let (sender, receiver) = std::sync::mpsc::sync_channel(4);
        let row = IndexedRow { key: 1, content: "ferry".into(), speaker: "Ada".into() };
        sender.send(Message::Rows(vec![row])).unwrap();
        drop(sender);
        build(&path, create_sql, receiver, 100).unwrap();
        let conn = Connection::open(&path).unwrap();
        let indexed: i64 = conn.query_row("SELECT count(*) FROM statements_fts_docsize", [], |r| r.get(0)).unwrap();
        assert_eq!(indexed, 0);
    }
}
