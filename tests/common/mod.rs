//! The one helper every integration test uses: a temporary folder with a
//! database path in it, and the real `claimdb` binary pointed at it.
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

pub struct Workdir {
    dir: TempDir,
    pub db: PathBuf,
}

impl Workdir {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let db = dir.path().join("claims.db");
        Workdir { dir, db }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Write a file into the work folder and return its path.
    pub fn write(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, contents).expect("write a test file");
        path
    }

    /// `claimdb --db <this db> ARGS`, run in the work folder, with a fixed
    /// table width (`extract`, which opens no database, gets no `--db`).
    pub fn cmd(&self, args: &[&str]) -> Command {
        self.cmd_on(&self.db, args)
    }

    pub fn cmd_on(&self, db: &Path, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("claimdb").expect("the claimdb binary");
        cmd.current_dir(self.dir.path())
            .env_remove("CLAIMDB_DB")
            .env("CLAIMDB_WIDTH", "100");
        if args.first() != Some(&"extract") {
            cmd.arg("--db").arg(db);
        }
        cmd.args(args);
        cmd
    }

    /// Run a command that must succeed; its standard output.
    pub fn stdout(&self, args: &[&str]) -> String {
        let output = self.cmd(args).output().expect("run claimdb");
        assert!(
            output.status.success(),
            "claimdb {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("UTF-8 output")
    }

    /// Run a command that must fail with exit code 1; its standard error.
    pub fn error(&self, args: &[&str]) -> String {
        let output = self.cmd(args).output().expect("run claimdb");
        assert_eq!(output.status.code(), Some(1), "claimdb {args:?} should fail with 1");
        String::from_utf8(output.stderr).expect("UTF-8 output")
    }

    /// Run a command that must be refused as a usage mistake (exit code 2,
    /// before anything is done); its standard error.
    pub fn usage_error(&self, args: &[&str]) -> String {
        let output = self.cmd(args).output().expect("run claimdb");
        assert_eq!(output.status.code(), Some(2), "claimdb {args:?} should fail with 2");
        String::from_utf8(output.stderr).expect("UTF-8 output")
    }

    /// Record a claim; returns its id.
    pub fn add(&self, args: &[&str]) -> i64 {
        let mut all = vec!["add"];
        all.extend_from_slice(args);
        self.stdout(&all).trim().parse().expect("add prints an id")
    }

    /// The statements of `query ARGS --format json`, parsed.
    pub fn query_json(&self, args: &[&str]) -> Vec<serde_json::Value> {
        let mut all = vec!["query", "--format", "json"];
        all.extend_from_slice(args);
        let text = self.stdout(&all);
        serde_json::from_str::<Vec<serde_json::Value>>(&text).expect("query prints a JSON array")
    }

    /// Three claims by two speakers, on two topics, over three days.
    pub fn add_sample_claims(&self) {
        self.add(&[
            "--speaker", "Ada Park", "--text", "The bridge will open in May.", "--stance", "support",
            "--topic", "Harbor bridge", "--date", "2025-04-01", "--cue", "said", "--role", "Mayor of Eastport",
            "--source", "https://news.example/bridge",
        ]);
        self.add(&[
            "--speaker", "Ben Ortiz", "--text", "The bridge budget is far too high.", "--stance", "oppose",
            "--topic", "Harbor bridge", "--date", "2025-04-02", "--cue", "argued",
        ]);
        self.add(&[
            "--speaker", "Ada Park", "--text", "Parking fees may rise next year.", "--stance", "neutral",
            "--topic", "Parking", "--date", "2025-04-03", "--cue", "warned", "--hedged",
        ]);
    }
}

/// The `field` of every row.
pub fn column(rows: &[serde_json::Value], field: &str) -> Vec<serde_json::Value> {
    rows.iter().map(|row| row[field].clone()).collect()
}

/// `n` distinct news-like articles as JSON Lines (`tag` keeps two sets apart).
pub fn articles_jsonl(n: usize, tag: &str) -> String {
    (0..n)
        .map(|i| {
            let text = format!(
                "Report {tag} {i}. Ada Park said the harbor bridge {i} will open in May. \
                 \"We are ready for it,\" Park said on Tuesday. Ben Ortiz argued that the budget of {i} million is far too high."
            );
            serde_json::json!({ "text": text, "title": format!("Bridge {tag} {i}") }).to_string() + "\n"
        })
        .collect()
}

/// Documents, statements and speakers in a database, read with SQLite itself.
pub fn db_counts(db: &Path) -> (i64, i64, i64) {
    let conn = rusqlite::Connection::open(db).expect("open the database");
    conn.query_row(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM statements), (SELECT count(*) FROM speakers)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .expect("count rows")
}

/// Documents stored so far, 0 while the database or its tables do not exist
/// yet or a writer holds a lock (read-only, so a running writer is not disturbed).
pub fn documents_so_far(db: &Path) -> i64 {
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY;
    rusqlite::Connection::open_with_flags(db, flags)
        .and_then(|conn| conn.query_row("SELECT count(*) FROM documents", [], |r| r.get(0)))
        .unwrap_or(0)
}

impl Workdir {
    /// Start `claimdb --db <this db> ARGS` in the background, output captured.
    pub fn spawn(&self, args: &[&str]) -> std::process::Child {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("claimdb"))
            .current_dir(self.dir.path())
            .env_remove("CLAIMDB_DB")
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start claimdb")
    }

    /// Wait until `child` has stored its first document (or has ended).
    pub fn wait_for_first_document(&self, child: &mut std::process::Child) {
        self.wait_for_documents(child, 1)
    }

    /// Wait until `child` has stored `n` documents (or has ended).
    pub fn wait_for_documents(&self, child: &mut std::process::Child, n: i64) {
        while documents_so_far(&self.db) < n {
            if child.try_wait().expect("poll claimdb").is_some() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
    }
}
