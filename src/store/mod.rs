//! All SQL lives here: open + migrate, documents, statements, speakers, topics.
//! Typed functions, bound parameters only; every write that belongs together
//! (one document and its statements, one merge) is one transaction.

mod bulk;
mod documents;
mod speaker_corrections;
mod speakers;
mod statements;
mod reports;
mod scratch;
mod search_rows;
mod side_index;
mod topics;

pub use bulk::Batch;
pub use documents::{content_hash, IngestMode, IngestReport};
pub use speaker_corrections::LoadReport;
pub use speakers::{MergeReport, SpeakerRow, UNRESOLVED};
pub use reports::{ReportFilter, StatementText};
pub use statements::{
    ManualSource, StatementChunk, StatementDetail, StatementEdit, StatementFilter, StatementPage, StatementReader, StatementRow,
};
pub use topics::{ApplyReport, TopicChange, TopicRow};

use crate::error::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The whole current schema, applied to a new database.
const SCHEMA: &str = include_str!("../../schema.sql");

/// The schema version this binary writes (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i64 = 10;

/// Migrations from older versions, in order: `MIGRATIONS[i]` takes a database
/// from version `i + 1` to `i + 2`. Each runs inside the migration transaction.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/002_statements_by_date_covers_speaker.sql"),
    include_str!("migrations/003_speaker_names_fts.sql"),
    include_str!("migrations/004_listing_order_indexes.sql"),
    include_str!("migrations/005_checks_as_or_chains.sql"),
    include_str!("migrations/006_reliability.sql"),
    include_str!("migrations/007_speakers.sql"),
    include_str!("migrations/008_query_plan_indexes.sql"),
    include_str!("migrations/009_query.sql"),
    include_str!("migrations/010_query.sql"),
];

/// How long a writer waits for another process's write lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// The 16 bytes every SQLite database file starts with.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// An open claims database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Open an existing claims database (migrating an older one); a missing
    /// file is an error that says how to create it.
    pub fn open(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(Error::Database {
                path: path.to_path_buf(),
                message: "no such database (create it with `claimdb init`)".into(),
            });
        }
        Store::connect(path)
    }

    /// Open a claims database, creating it when the file is missing or empty.
    /// Refuses, without writing a byte, any file that is not an SQLite
    /// database or is one without claimdb's schema. The commands that open
    /// this way are those that add to the database, so this is also where
    /// scratch folders left beside it by a killed import are removed.
    pub fn open_or_create(path: &Path) -> Result<Store> {
        let store = Store::connect(path)?;
        let folder = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        scratch::remove_stale(folder);
        Ok(store)
    }

    fn connect(path: &Path) -> Result<Store> {
        check_file_is_sqlite_or_empty(path)?;
        let flags =
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(plain_file_name(path)?, flags).map_err(|e| db_error(path, e))?;
        let mut store = Store { conn, path: path.to_path_buf() };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// Open an existing database (as `open`) for one `query`, with a small
    /// page cache. A page of 1,000 statements reads ~2,400 database pages,
    /// nearly all once; SQLite's default 2 MB cache takes fresh memory from
    /// the system for each of them (a page fault and a zeroed page apiece),
    /// where 300 KB is taken once and reused: 15-20 % less CPU per query.
    pub fn open_for_query(path: &Path) -> Result<Store> {
        let store = Store::open(path)?;
        store.conn.execute_batch("PRAGMA cache_size = -300;").map_err(|e| db_error(path, e))?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database.
    pub fn version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
    }

    fn configure(&mut self) -> Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| db_error(&self.path, e))?;
        // Ingest runs the same few statements per row; preparing an insert
        // compiles its FTS triggers, so keep them prepared.
        self.conn.set_prepared_statement_cache_capacity(64);
        // Without this, SQLite re-prepares a cached statement whenever a new
        // value is bound to a parameter its planner looked at (STAT4 is
        // compiled in): 19 % of import time went to re-parsing the same SQL.
        // Our plans never depend on the values, so keep them stable.
        self.conn
            .set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)
            .map_err(|e| db_error(&self.path, e))?;
        self.conn
            // synchronous = NORMAL is durable across a crash of claimdb in WAL
            // mode (only a power cut may lose the last commits) and saves an
            // fsync per commit; temporary b-trees stay in memory.
            .execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;")
            .map_err(|e| db_error(&self.path, e))?;
        Ok(())
    }

    /// Bring the database to `SCHEMA_VERSION`: create the schema in a new
    /// database, run migrations on an older one, refuse a newer one.
    fn migrate(&mut self) -> Result<()> {
        let version = self.version().map_err(|e| self.wrap(e))?;
        if version > SCHEMA_VERSION {
            return Err(Error::Database {
                path: self.path.clone(),
                message: format!(
                    "was written by a newer claimdb (schema version {version}; this claimdb knows up to {SCHEMA_VERSION}); upgrade claimdb"
                ),
            });
        }
        if version == SCHEMA_VERSION {
            self.enable_wal();
            return Ok(());
        }
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)
            .map_err(|e| db_error(&path, e))?;
        // Another process may have migrated while we waited for the lock.
        let version: i64 = tx.query_row("PRAGMA user_version", [], |row| row.get(0)).map_err(|e| db_error(&path, e))?;
        if version == SCHEMA_VERSION {
            return Ok(());
        }
        if version == 0 {
            let tables: i64 = tx
                .query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0))
                .map_err(|e| db_error(&path, e))?;
            if tables > 0 {
                return Err(Error::Database {
                    path,
                    message: "is an SQLite database but not a claimdb database; refusing to touch it".into(),
                });
            }
            tx.execute_batch(SCHEMA).map_err(|e| db_error(&path, e))?;
        } else {
            for migration in &MIGRATIONS[(version - 1) as usize..] {
                tx.execute_batch(migration).map_err(|e| db_error(&path, e))?;
                // A migration may edit a table's definition in place (005
                // and 006 rewrite CHECKs): a new schema cookie makes SQLite
                // read the schema again, so that the next migration's ALTER
                // TABLE and this connection's inserts work from the new text.
                let cookie: i64 = tx.query_row("PRAGMA schema_version", [], |r| r.get(0)).map_err(|e| db_error(&path, e))?;
                tx.pragma_update(None, "schema_version", cookie + 1).map_err(|e| db_error(&path, e))?;
            }
            // The term lists begin empty (010): list what is there, so that
            // a database no batch writes to again is listed too.
            if version < 10 {
                statements::list_new_statements(&tx).map_err(|e| match e {
                    Error::Sqlite(e) => db_error(&path, e),
                    other => other,
                })?;
            }
        }
        tx.pragma_update(None, "user_version", SCHEMA_VERSION).map_err(|e| db_error(&path, e))?;
        tx.commit().map_err(|e| db_error(&path, e))?;
        self.enable_wal();
        Ok(())
    }

    /// WAL lets readers work while an ingest writes. A read-only file keeps
    /// its journal mode, which is fine for reading.
    fn enable_wal(&self) {
        let _ = self.conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get::<_, String>(0));
    }

    /// Attach the database path to a bare SQLite error.
    fn wrap(&self, err: Error) -> Error {
        match err {
            Error::Sqlite(e) => db_error(&self.path, e),
            other => other,
        }
    }
}

/// The path as SQLite must be given it to take it as a file name: absolute,
/// so that a name such as `file:notes.db?mode=memory` is a file by that name
/// in the current folder, never an SQLite URI (SQLite reads names starting
/// with `file:` as URIs whatever the flags, in builds that allow URIs).
fn plain_file_name(path: &Path) -> Result<PathBuf> {
    std::path::absolute(path).map_err(|e| Error::io(path, e))
}

/// Look at the file's first bytes before SQLite does: SQLite would happily
/// "open" a text file, and a later write would destroy it.
fn check_file_is_sqlite_or_empty(path: &Path) -> Result<()> {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(path, e)),
    };
    if file.metadata().map_err(|e| Error::io(path, e))?.is_dir() {
        return Err(Error::Database { path: path.to_path_buf(), message: "is a directory, not a database file".into() });
    }
    let mut header = Vec::with_capacity(16);
    file.by_ref().take(16).read_to_end(&mut header).map_err(|e| Error::io(path, e))?;
    if header.is_empty() || header == SQLITE_HEADER {
        Ok(())
    } else {
        Err(Error::Database {
            path: path.to_path_buf(),
            message: "is not an SQLite database; refusing to touch it".into(),
        })
    }
}

fn db_error(path: &Path, err: rusqlite::Error) -> Error {
    Error::Database { path: path.to_path_buf(), message: describe(path, &err) }
}

/// Name the database in a bare SQLite error (a full disk, a read-only file)
/// that reached the command layer; other errors pass through unchanged.
pub fn name_database(path: &Path, err: Error) -> Error {
    match err {
        Error::Sqlite(e) => db_error(path, e),
        other => other,
    }
}

/// What a failing SQLite call means for the person at the terminal. Every
/// write is one transaction, so a failure stores nothing of the unfinished one.
fn describe(path: &Path, err: &rusqlite::Error) -> String {
    let extended_code = match err {
        rusqlite::Error::SqliteFailure(e, _) => e.extended_code,
        _ => 0,
    };
    use rusqlite::ffi::{SQLITE_IOERR_SHMMAP, SQLITE_IOERR_SHMOPEN, SQLITE_IOERR_SHMSIZE};
    if matches!(extended_code, SQLITE_IOERR_SHMOPEN | SQLITE_IOERR_SHMSIZE | SQLITE_IOERR_SHMMAP) {
        // Every command, reads too, needs this small file beside the
        // database; after a disk filled up it is what fails first.
        let shm = format!("{}-shm", path.display());
        return format!(
            "cannot make room for {shm}, the small file SQLite keeps beside the database while it is open \
             ({err}): the disk is probably full, or a file size limit reached. The database itself is intact: \
             free some space (a few kilobytes are enough) and run the same command again"
        );
    }
    match err.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DiskFull) => "the disk is full (or the file reached its size limit); \
             the unfinished write was rolled back: free some space and run the same command again"
            .into(),
        Some(rusqlite::ErrorCode::SystemIoFailure) => format!(
            "the disk failed a read or write ({err}); the unfinished write was rolled back: \
             check free space and file size limits, then run the same command again"
        ),
        Some(rusqlite::ErrorCode::ReadOnly) => "is read-only here (its file, its folder or the file system); \
             check the permissions of the file and of its folder, where SQLite keeps its -wal and -shm files"
            .into(),
        _ => err.to_string(),
    }
}

/// Today's time as stored in `*_at` columns.
fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Kind, Span, SpeakerKind, Spans, Stance, Statement};
    use crate::store::{IngestMode, StatementEdit, StatementFilter, StatementRow};

    fn temp_store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_or_create(&dir.path().join("claims.db")).unwrap();
        (dir, store)
    }

    fn doc(text: &str) -> Document {
        Document { path: "talks.txt".into(), title: Some("Talks".into()), text: text.into(), ..Document::default() }
    }

    /// A statement whose content is the first occurrence of `content` in `text`.
    fn said(text: &str, speaker: &str, mention: &str, content: &str) -> Statement {
        let start = text[..text.find(content).unwrap()].chars().count();
        Statement {
            speaker: speaker.into(),
            speaker_kind: SpeakerKind::Person,
            speaker_mention: mention.into(),
            role: None,
            cue: "said".into(),
            content: content.into(),
            kind: Kind::Indirect,
            stance: Stance::Neutral,
            hedged: false,
            topic: Some("Talks".into()),
            date: None,
            content_span: Spans::single(Span::new(start, start + content.chars().count())),
            source_span: None,
            cue_span: None,
            confidence: 0.9,
        }
    }

    const TEXT: &str = "Marco Rubio said the talks are slow. He said a deal is far off.";

    fn two_statements() -> Vec<Statement> {
        vec![
            said(TEXT, "Marco Rubio", "Marco Rubio", "the talks are slow"),
            said(TEXT, "Marco Rubio", "He", "a deal is far off"),
        ]
    }

    #[test]
    fn a_document_goes_in_once_with_its_statements() {
        let (_dir, mut store) = temp_store();
        let first = store.ingest_document(&doc(TEXT), &two_statements(), IngestMode::SkipKnown).unwrap();
        assert_eq!((first.already_stored, first.statements, first.new_speakers), (false, 2, 1));
        let again = store.ingest_document(&doc(TEXT), &two_statements(), IngestMode::SkipKnown).unwrap();
        assert_eq!((again.already_stored, again.statements), (true, 0));
        assert_eq!(store.counts().unwrap(), (1, 2));
    }

    #[test]
    fn a_speaker_is_found_again_in_another_document_by_surname() {
        let (_dir, mut store) = temp_store();
        let text = "Rubio said the talks are slow.";
        let first = vec![said(TEXT, "Marco Rubio", "Rubio", "the talks are slow")];
        store.ingest_document(&doc(TEXT), &first, IngestMode::SkipKnown).unwrap();
        let second = vec![said(text, "rubio", "Rubio", "the talks are slow")];
        let report = store.ingest_document(&doc(text), &second, IngestMode::SkipKnown).unwrap();
        assert_eq!(report.new_speakers, 0);
        let speakers = store.speakers().unwrap();
        assert_eq!(speakers.len(), 1);
        assert_eq!((speakers[0].name.as_str(), speakers[0].statements), ("Marco Rubio", 2));
        assert!(speakers[0].aliases.is_empty(), "a surname alone is no alias: {:?}", speakers[0].aliases);
    }

    #[test]
    fn reextracting_never_overwrites_an_edited_statement() {
        let (_dir, mut store) = temp_store();
        store.ingest_document(&doc(TEXT), &two_statements(), IngestMode::SkipKnown).unwrap();
        let edit = StatementEdit { stance: Some(Stance::Oppose), ..StatementEdit::default() };
        store.edit_statement(2, &edit).unwrap();
        let report = store.ingest_document(&doc(TEXT), &two_statements(), IngestMode::Reextract).unwrap();
        assert_eq!((report.statements, report.kept), (1, 1));
        let rows = store.query_statements(&StatementFilter::default()).unwrap();
        assert_eq!(rows.len(), 2);
        let edited = rows.iter().find(|r| r.content == "a deal is far off").unwrap();
        assert_eq!((edited.id, edited.stance), (2, Stance::Oppose));
    }

    #[test]
    fn a_span_outside_the_text_refuses_the_whole_document() {
        let (_dir, mut store) = temp_store();
        let mut statements = two_statements();
        statements[1].content_span = Spans::single(Span::new(60, 600));
        let err = store.ingest_document(&doc(TEXT), &statements, IngestMode::SkipKnown).unwrap_err();
        assert!(err.to_string().starts_with("talks.txt: statement span 60..600 lies outside the text"), "{err}");
        assert_eq!(store.counts().unwrap(), (0, 0));
    }

    #[test]
    fn an_extracted_statement_without_a_speaker_is_left_out_and_counted() {
        let (_dir, mut store) = temp_store();
        let mut statements = two_statements();
        statements[1].speaker = "  ".into();
        let report = store.ingest_document(&doc(TEXT), &statements, IngestMode::SkipKnown).unwrap();
        assert_eq!((report.statements, report.without_speaker), (1, 1));
        assert_eq!(store.counts().unwrap(), (1, 1));
        assert_eq!(store.speakers().unwrap().len(), 1);
    }

    #[test]
    fn statements_take_the_document_date_when_they_have_none() {
        let (_dir, mut store) = temp_store();
        let mut document = doc(TEXT);
        document.date = chrono::NaiveDate::from_ymd_opt(2025, 3, 14);
        store.ingest_document(&document, &two_statements(), IngestMode::SkipKnown).unwrap();
        let rows = store.query_statements(&StatementFilter::default()).unwrap();
        assert!(rows.iter().all(|r| r.date == document.date));
        assert_eq!(rows[0].content_span, Some(Spans::single(Span::new(17, 35))));
        assert_eq!(rows[0].doc.as_deref(), Some("talks.txt"));
    }

    /// A date written by hand in another form sorts otherwise as text than
    /// as a day: the page is still listed by day, as before.
    #[test]
    fn a_page_is_listed_by_day_when_a_stored_date_is_not_written_in_full() {
        let (_dir, mut store) = temp_store();
        let statements = vec![
            said(TEXT, "Marco Rubio", "Marco Rubio", "the talks are slow"),
            said(TEXT, "Marco Rubio", "He", "a deal is far off"),
            said(TEXT, "Marco Rubio", "Rubio", "the talks"),
        ];
        store.ingest_document(&doc(TEXT), &statements, IngestMode::SkipKnown).unwrap();
        store.conn.execute_batch(
            "UPDATE statements SET stated_on = '2024-05-10' WHERE id = 1;
             UPDATE statements SET stated_on = '2024-5-9' WHERE id = 2;
             UPDATE statements SET stated_on = '2024-05-08' WHERE id = 3;",
        ).unwrap();
        let rows = store.query_statements(&StatementFilter::default()).unwrap();
        let listed: Vec<(i64, String)> = rows.iter().map(|r| (r.id, r.date.unwrap().to_string())).collect();
        assert_eq!(listed, [(3, "2024-05-08".into()), (2, "2024-05-09".into()), (1, "2024-05-10".into())]);
    }

    /// Two rows that cannot be read: the error is the lower id's, whatever
    /// the listing order, as when the page was read in id order.
    #[test]
    fn a_page_with_bad_rows_fails_on_the_lowest_id() {
        let (_dir, mut store) = temp_store();
        let statements = vec![
            said(TEXT, "Marco Rubio", "Marco Rubio", "the talks are slow"),
            said(TEXT, "Marco Rubio", "He", "a deal is far off"),
        ];
        store.ingest_document(&doc(TEXT), &statements, IngestMode::SkipKnown).unwrap();
        store.conn.execute_batch(
            "PRAGMA ignore_check_constraints = 1;
             UPDATE statements SET stated_on = '2024-05-10', stance = 'sideways' WHERE id = 1;
             UPDATE statements SET stated_on = '2024-05-09', kind = 'odd' WHERE id = 2;",
        ).unwrap();
        let err = store.query_statements(&StatementFilter::default()).unwrap_err().to_string();
        assert!(err.contains("sideways"), "{err}");
    }

    #[test]
    fn a_rows_serialised_fields_are_the_headers_and_its_view_agrees() {
        let (_dir, mut store) = temp_store();
        let mut document = doc(TEXT);
        document.date = chrono::NaiveDate::from_ymd_opt(2025, 3, 14);
        let mut statements = two_statements();
        statements[0].role = Some("Secretary".into());
        statements[1].content_span = Spans(vec![Span::new(40, 43), Span::new(45, 62)]);
        store.ingest_document(&document, &statements, IngestMode::SkipKnown).unwrap();
        for row in store.query_statements(&StatementFilter::default()).unwrap() {
            let serde_json::Value::Object(map) = serde_json::to_value(&row).unwrap() else { panic!("an object") };
            let text = serde_json::to_string(&row).unwrap();
            let at: Vec<usize> = StatementRow::HEADERS.iter().map(|h| text.find(&format!("\"{h}\":")).unwrap()).collect();
            assert!(at.windows(2).all(|w| w[0] < w[1]) && map.len() == at.len(), "{text}");
            let view = row.view();
            assert_eq!(map["date"], serde_json::json!(view.date));
            assert_eq!(map["role"], serde_json::json!(view.role));
            assert_eq!(map["content_span"], serde_json::json!(view.content_span));
        }
    }

    #[test]
    fn a_version_1_database_is_migrated_keeping_its_statements() {
        let (dir, mut store) = temp_store();
        store.ingest_document(&doc(TEXT), &two_statements(), IngestMode::SkipKnown).unwrap();
        store.conn.execute_batch(WITHOUT_VERSION_10).unwrap();
        store.conn.execute_batch(WITHOUT_VERSION_8).unwrap();
        store.conn.execute_batch(WITHOUT_VERSION_7).unwrap();
        store.conn.execute_batch(WITHOUT_VERSION_6).unwrap();
        store
            .conn
            .execute_batch(
                "DROP INDEX statements_by_date; CREATE INDEX statements_by_date ON statements (stated_on);
                 PRAGMA user_version = 1;",
            )
            .unwrap();
        store.conn.execute_batch(WITHOUT_VERSION_4).unwrap();
        store.conn.execute_batch(WITHOUT_VERSION_3).unwrap();
        drop(store);
        let store = Store::open(&dir.path().join("claims.db")).unwrap();
        assert_eq!(store.version().unwrap(), SCHEMA_VERSION);
        let columns: i64 = store
            .conn
            .query_row("SELECT count(*) FROM pragma_index_info('statements_by_date')", [], |r| r.get(0))
            .unwrap();
        assert_eq!(columns, 4, "as migration 7 leaves it");
        assert_eq!(store.counts().unwrap(), (1, 2));
    }

    /// Takes away what migration 7 adds (the widened kind check stays: the
    /// migration leaves a widened one as it is).
    const WITHOUT_VERSION_7: &str = "DROP TABLE speaker_roles; DROP TABLE speaker_statement_rules;
         DROP INDEX speakers_by_surname; ALTER TABLE speakers DROP COLUMN surname; ALTER TABLE speakers DROP COLUMN wikidata; ALTER TABLE speakers DROP COLUMN ambiguous;
         ALTER TABLE speaker_aliases DROP COLUMN origin;";

    #[test]
    fn a_version_6_database_is_migrated_to_document_speakers_and_speaker_rules() {
        let (dir, mut store) = temp_store();
        store.ingest_document(&doc(TEXT), &two_statements(), IngestMode::SkipKnown).unwrap();
        store.conn.execute_batch(WITHOUT_VERSION_10).unwrap();
        store.conn.execute_batch(WITHOUT_VERSION_8).unwrap();
        store.conn.execute_batch(WITHOUT_VERSION_7).unwrap();
        store
            .conn
            .execute_batch(
                "PRAGMA writable_schema = ON;
                 UPDATE sqlite_schema SET sql = replace(sql, ' OR kind = ''document'' OR kind = ''unresolved''', '') WHERE name = 'speakers';
                 PRAGMA writable_schema = OFF; PRAGMA user_version = 6;",
            )
            .unwrap();
        drop(store);
        let store = Store::open(&dir.path().join("claims.db")).unwrap();
        assert_eq!(store.version().unwrap(), SCHEMA_VERSION);
        let check: String = store.conn.query_row("SELECT sql FROM sqlite_schema WHERE name = 'speakers'", [], |r| r.get(0)).unwrap();
        assert!(check.contains("'document'") && check.contains("'unresolved'"), "{check}");
        store.conn.execute("INSERT INTO speakers (name, kind, wikidata) VALUES ('the ad', 'document', 'Q1')", []).unwrap();
        store.conn.execute("INSERT INTO speaker_roles (speaker_id, role) VALUES (1, 'senator')", []).unwrap();
        let origin: String = store.conn.query_row("SELECT origin FROM speaker_aliases", [], |r| r.get(0)).unwrap_or_else(|_| "extracted".into());
        assert_eq!(origin, "extracted");
        assert_eq!(store.counts().unwrap(), (1, 2));
    }

    /// Takes away what migration 6 adds: the statements table as it was
    /// created before, without AUTOINCREMENT, and its sequence.
    const WITHOUT_VERSION_6: &str = "
        PRAGMA writable_schema = ON;
        UPDATE sqlite_master SET sql = replace(sql, 'PRIMARY KEY AUTOINCREMENT,', 'PRIMARY KEY,') WHERE name = 'statements';
        PRAGMA writable_schema = RESET;
        DELETE FROM sqlite_sequence;
        PRAGMA user_version = 5;";

    #[test]
    fn a_version_5_database_is_migrated_to_ids_never_given_twice() {
        let (dir, mut store) = temp_store();
        store.ingest_document(&doc(TEXT), &two_statements(), IngestMode::SkipKnown).unwrap();
        store.conn.execute_batch(WITHOUT_VERSION_7).unwrap();
        store.conn.execute_batch(WITHOUT_VERSION_6).unwrap();
        let manual = || said(TEXT, "Marco Rubio", "Marco Rubio", "the talks are slow");
        // As version 5 did: the highest id, once deleted, was given again.
        store.delete_statement(2).unwrap();
        assert_eq!(store.add_statement(&manual(), &crate::store::ManualSource::default()).unwrap(), 2);
        store.conn.execute_batch(WITHOUT_VERSION_10).unwrap();
        store.conn.execute_batch(WITHOUT_VERSION_8).unwrap();
        drop(store);
        let mut store = Store::open(&dir.path().join("claims.db")).unwrap();
        assert_eq!(store.version().unwrap(), SCHEMA_VERSION);
        store.delete_statement(2).unwrap();
        assert_eq!(store.add_statement(&manual(), &crate::store::ManualSource::default()).unwrap(), 3);
        let check: String = store.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok");
        // Migrating again (as a database written by this version) changes nothing.
        store.conn.execute_batch(include_str!("migrations/006_reliability.sql")).unwrap();
        store.delete_statement(3).unwrap();
        assert_eq!(store.add_statement(&manual(), &crate::store::ManualSource::default()).unwrap(), 4);
    }

    #[test]
    fn ids_are_never_given_twice_in_a_new_database() {
        let (_dir, mut store) = temp_store();
        store.ingest_document(&doc(TEXT), &two_statements(), IngestMode::SkipKnown).unwrap();
        store.delete_statement(2).unwrap();
        let manual = said(TEXT, "Marco Rubio", "Marco Rubio", "the talks are slow");
        assert_eq!(store.add_statement(&manual, &crate::store::ManualSource::default()).unwrap(), 3);
        store.delete_statement(3).unwrap();
        store.import_rows(&[store.query_statements(&StatementFilter::default()).unwrap()[0].clone()]).unwrap();
        assert_eq!(store.query_statements(&StatementFilter::default()).unwrap().iter().map(|r| r.id).max(), Some(4));
    }

    /// Takes away what migration 3 adds (the view it replaces stays: the
    /// migration drops and recreates it either way).
    const WITHOUT_VERSION_3: &str =
        "DROP TRIGGER speaker_names_insert; DROP TRIGGER speaker_names_rename; DROP TRIGGER speaker_names_delete;
         DROP TRIGGER speaker_names_alias_insert; DROP TRIGGER speaker_names_alias_delete;
         DROP TRIGGER speaker_names_alias_update; DROP TABLE speaker_names_fts; DROP VIEW speaker_names;";

    #[test]
    fn a_version_2_database_is_migrated_with_its_speaker_names_indexed() {
        let (dir, mut store) = temp_store();
        store.ingest_document(&doc(TEXT), &two_statements(), IngestMode::SkipKnown).unwrap();
        store.add_alias("Marco Rubio", "Senator Rubio").unwrap();
        store.conn.execute_batch(WITHOUT_VERSION_10).unwrap();
        store.conn.execute_batch(WITHOUT_VERSION_8).unwrap();
        store.conn.execute_batch(WITHOUT_VERSION_7).unwrap();
        store.conn.execute_batch(WITHOUT_VERSION_6).unwrap();
        store.conn.execute_batch(WITHOUT_VERSION_4).unwrap();
        store.conn.execute_batch(WITHOUT_VERSION_3).unwrap();
        store.conn.execute_batch("PRAGMA user_version = 2;").unwrap();
        drop(store);
        let store = Store::open(&dir.path().join("claims.db")).unwrap();
        assert_eq!(store.version().unwrap(), SCHEMA_VERSION);
        let names: String = store
            .conn
            .query_row("SELECT names FROM speaker_names_fts WHERE speaker_names_fts MATCH '\"senator\"'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(names, "Marco Rubio\nSenator Rubio");
        let filter = StatementFilter { speaker: Some("SENATOR rubio".into()), ..StatementFilter::default() };
        assert_eq!(store.query_statements(&filter).unwrap().len(), 2);
        assert_eq!(store.counts().unwrap(), (1, 2));
    }

    /// Turns a current database back into the shape of version 3 (the
    /// version number is left to the test): statements without their first
    /// topic, topic links without dates, and the full-text index of version
    /// 3 (its own copy of the text, keyed by statement id), filled from the
    /// statements. The view stands in for version 3's (the migration drops
    /// and recreates it either way).
    const WITHOUT_VERSION_4: &str = "
        DROP TRIGGER statement_topics_first_insert; DROP TRIGGER statement_topics_first_delete;
        DROP TRIGGER statement_topics_first_update;
        DROP VIEW statement_view;
        ALTER TABLE statements DROP COLUMN topic_id;
        CREATE VIEW statement_view AS SELECT id FROM statements;
        DROP TRIGGER statements_date_topics;
        DROP INDEX statement_topics_by_topic;
        ALTER TABLE statement_topics DROP COLUMN stated_on;
        CREATE INDEX statement_topics_by_topic ON statement_topics (topic_id, statement_id);
        DROP TRIGGER statements_fts_insert; DROP TRIGGER statements_fts_delete;
        DROP TRIGGER statements_fts_unindex; DROP TRIGGER statements_fts_update;
        DROP TRIGGER speakers_fts_unindex; DROP TRIGGER speakers_fts_rename;
        DROP TABLE statements_fts; DROP VIEW statement_search;
        CREATE VIRTUAL TABLE statements_fts USING fts5 (content, speaker, tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO statements_fts (rowid, content, speaker)
        SELECT s.id, s.content, sp.name || ' ' || s.speaker_mention FROM statements s JOIN speakers sp ON sp.id = s.speaker_id;
        CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
            INSERT INTO statements_fts (rowid, content, speaker)
            VALUES (new.id, new.content, (SELECT name FROM speakers WHERE id = new.speaker_id) || ' ' || new.speaker_mention);
        END;
        CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
            DELETE FROM statements_fts WHERE rowid = old.id;
        END;
        CREATE TRIGGER statements_fts_update AFTER UPDATE OF content, speaker_id, speaker_mention ON statements BEGIN
            DELETE FROM statements_fts WHERE rowid = old.id;
            INSERT INTO statements_fts (rowid, content, speaker)
            VALUES (new.id, new.content, (SELECT name FROM speakers WHERE id = new.speaker_id) || ' ' || new.speaker_mention);
        END;
        CREATE TRIGGER speakers_fts_rename AFTER UPDATE OF name ON speakers BEGIN
            DELETE FROM statements_fts WHERE rowid IN (SELECT id FROM statements WHERE speaker_id = new.id);
            INSERT INTO statements_fts (rowid, content, speaker)
            SELECT id, content, new.name || ' ' || speaker_mention FROM statements WHERE speaker_id = new.id;
        END;";

    /// Takes away what migration 8 adds: topic links without their
    /// statement's stance and speaker, and the statement indexes of version 7.
    /// Version 10's term lists taken out.
    const WITHOUT_VERSION_10: &str = "
        DROP TRIGGER term_lists_insert; DROP TRIGGER term_lists_update; DROP TRIGGER term_lists_rename;
        DROP TABLE term_lists; DROP TABLE term_lists_state; DROP TABLE term_lists_stale;";

    const WITHOUT_VERSION_8: &str = "
        DROP TRIGGER statements_stance_topics; DROP TRIGGER statement_topics_fill;
        DROP INDEX statement_topics_by_topic;
        ALTER TABLE statement_topics DROP COLUMN stance; ALTER TABLE statement_topics DROP COLUMN speaker_id;
        CREATE INDEX statement_topics_by_topic ON statement_topics (topic_id, stated_on, statement_id);
        DROP INDEX statements_by_speaker; CREATE INDEX statements_by_speaker ON statements (speaker_id, stated_on);
        DROP INDEX statements_by_stance; CREATE INDEX statements_by_stance ON statements (stance, stated_on);
        DROP INDEX statements_by_date; CREATE INDEX statements_by_date ON statements (stated_on, speaker_id);";

    /// Each topic link's stance and speaker, by statement.
    fn link_columns(store: &Store) -> Vec<(i64, Option<String>, Option<i64>)> {
        store
            .conn
            .prepare("SELECT statement_id, stance, speaker_id FROM statement_topics ORDER BY statement_id, topic_id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn a_version_7_database_is_migrated_to_topic_links_that_carry_stance_and_speaker() {
        let (dir, mut store) = temp_store();
        let mut statements = two_statements();
        statements[0].topic = Some("Trade talks".into());
        statements[1].topic = Some("Trade deals".into());
        statements[1].stance = Stance::Oppose;
        store.ingest_document(&doc(TEXT), &statements, IngestMode::SkipKnown).unwrap();
        let written = link_columns(&store);
        assert_eq!(written.len(), 2);
        assert!(written.iter().all(|(_, stance, speaker)| stance.is_some() && speaker.is_some()), "{written:?}");
        let opposed = StatementFilter { topic: Some("trade".into()), stance: Some(Stance::Oppose), ..StatementFilter::default() };
        let expected: Vec<i64> = store.query_statements(&opposed).unwrap().iter().map(|r| r.id).collect();
        assert_eq!(expected.len(), 1);
        store.conn.execute_batch(WITHOUT_VERSION_10).unwrap();
        store.conn.execute_batch(WITHOUT_VERSION_8).unwrap();
        store.conn.execute_batch("PRAGMA user_version = 7;").unwrap();
        drop(store);
        let mut store = Store::open(&dir.path().join("claims.db")).unwrap();
        assert_eq!(store.version().unwrap(), SCHEMA_VERSION);
        assert_eq!(link_columns(&store), written);
        assert_eq!(store.query_statements(&opposed).unwrap().iter().map(|r| r.id).collect::<Vec<_>>(), expected);
        // An edited stance reaches the links.
        let edit = StatementEdit { stance: Some(Stance::Oppose), ..StatementEdit::default() };
        store.edit_statement(written[0].0, &edit).unwrap();
        assert_eq!(store.query_statements(&opposed).unwrap().len(), 2);
    }

    /// Every query a test asks, its rows' ids in the order listed.
    fn listings(store: &Store) -> Vec<Vec<i64>> {
        let filters = [
            StatementFilter { topic: Some("talks".into()), ..StatementFilter::default() },
            StatementFilter { topic: Some("a".into()), limit: Some(2), ..StatementFilter::default() },
            StatementFilter { search: Some("deal OR talks".into()), ..StatementFilter::default() },
            StatementFilter { search: Some("rubio".into()), limit: Some(1), ..StatementFilter::default() },
            StatementFilter { search: Some("slow".into()), since: chrono::NaiveDate::from_ymd_opt(2025, 1, 1), ..StatementFilter::default() },
            StatementFilter { search: Some("speaker : he".into()), ..StatementFilter::default() },
        ];
        filters.iter().map(|f| store.query_statements(f).unwrap().iter().map(|r| r.id).collect()).collect()
    }

    #[test]
    fn a_version_3_database_is_migrated_to_topic_links_by_date_and_search_keys_in_listing_order() {
        let (dir, mut store) = temp_store();
        let mut document = doc(TEXT);
        document.date = chrono::NaiveDate::from_ymd_opt(2025, 3, 14);
        let mut statements = two_statements();
        statements[1].topic = Some("Deals".into());
        statements[0].date = chrono::NaiveDate::from_ymd_opt(2025, 6, 1);
        store.ingest_document(&document, &statements, IngestMode::SkipKnown).unwrap();
        let undated = Statement { content: "the talks are over".into(), ..said(TEXT, "Marco Rubio", "He", "the talks are slow") };
        store.add_statement(&undated, &crate::store::ManualSource::default()).unwrap();
        let expected = listings(&store);
        assert_eq!((&expected[0], &expected[2]), (&vec![3, 1], &vec![3, 2, 1]), "undated first, then by date");
        store.conn.execute_batch(WITHOUT_VERSION_10).unwrap();
        store.conn.execute_batch(WITHOUT_VERSION_8).unwrap();
        store.conn.execute_batch(WITHOUT_VERSION_7).unwrap();
        store.conn.execute_batch(WITHOUT_VERSION_6).unwrap();
        store.conn.execute_batch(WITHOUT_VERSION_4).unwrap();
        store.conn.execute_batch("PRAGMA user_version = 3;").unwrap();
        drop(store);
        let store = Store::open(&dir.path().join("claims.db")).unwrap();
        assert_eq!(store.version().unwrap(), SCHEMA_VERSION);
        assert_eq!(listings(&store), expected);
        let links: Vec<(i64, Option<String>)> = store
            .conn
            .prepare("SELECT statement_id, stated_on FROM statement_topics ORDER BY statement_id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(links, vec![(1, Some("2025-06-01".into())), (2, Some("2025-03-14".into())), (3, None)]);
        let first_topics: Vec<(i64, Option<String>)> = store
            .conn
            .prepare("SELECT s.id, t.name FROM statements s LEFT JOIN topics t ON t.id = s.topic_id ORDER BY s.id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let by_links: Vec<(i64, Option<String>)> = store
            .conn
            .prepare(
                "SELECT s.id, (SELECT t.name FROM statement_topics st JOIN topics t ON t.id = st.topic_id
                                WHERE st.statement_id = s.id ORDER BY st.topic_id LIMIT 1)
                 FROM statements s ORDER BY s.id",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(first_topics, by_links);
        assert_eq!(first_topics[1].1.as_deref(), Some("Deals"), "each statement carries its first topic");
        let keys: Vec<i64> = store
            .conn
            .prepare("SELECT rowid FROM statements_fts WHERE statements_fts MATCH 'rubio' ORDER BY rowid")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let by_view: Vec<i64> = store
            .conn
            .prepare("SELECT key FROM statement_search ORDER BY key")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(keys, by_view, "every statement indexed under its listing key");
        assert_eq!(keys.iter().map(|k| k & ((1 << 40) - 1)).collect::<Vec<_>>(), vec![3, 2, 1], "undated first, then by date");
    }

    #[test]
    fn a_new_database_is_at_the_current_version_in_wal_mode() {
        let (_dir, store) = temp_store();
        assert_eq!(store.version().unwrap(), SCHEMA_VERSION);
        let mode: String = store.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
    }
}
