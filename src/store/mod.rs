//! All SQL lives here: open + migrate, documents, statements, speakers, topics.
//! Typed functions, bound parameters only; every write that belongs together
//! (one document and its statements, one merge) is one transaction.

mod documents;
mod speakers;
mod statements;
mod topics;

pub use documents::{content_hash, IngestMode, IngestReport};
pub use speakers::{MergeReport, SpeakerRow};
pub use statements::{ManualSource, StatementDetail, StatementEdit, StatementFilter, StatementRow};

use crate::error::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The whole current schema, applied to a new database.
const SCHEMA: &str = include_str!("../../schema.sql");

/// The schema version this binary writes (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i64 = 1;

/// Migrations from older versions, in order: `MIGRATIONS[i]` takes a database
/// from version `i + 1` to `i + 2`. Each runs inside the migration transaction.
/// (Version 1 is the first released schema, so there are none yet.)
const MIGRATIONS: &[&str] = &[];

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
        Store::open_or_create(path)
    }

    /// Open a claims database, creating it when the file is missing or empty.
    /// Refuses, without writing a byte, any file that is not an SQLite
    /// database or is one without claimdb's schema.
    pub fn open_or_create(path: &Path) -> Result<Store> {
        check_file_is_sqlite_or_empty(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| db_error(path, e))?;
        let mut store = Store { conn, path: path.to_path_buf() };
        store.configure()?;
        store.migrate()?;
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
        self.conn
            .execute_batch("PRAGMA foreign_keys = ON;")
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
            }
        }
        // user_version cannot take a bound parameter; SCHEMA_VERSION is our constant.
        tx.execute_batch(&format!("PRAGMA user_version = {SCHEMA_VERSION};"))
            .map_err(|e| db_error(&path, e))?;
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
    Error::Database { path: path.to_path_buf(), message: err.to_string() }
}

/// Today's time as stored in `*_at` columns.
fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}
