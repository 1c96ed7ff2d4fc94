//! A database claimdb cannot write (read-only, full disk) or must not write
//! (written by a newer claimdb): one clear line, exit 1, nothing damaged or
//! half-stored.

mod common;

use common::{db_counts, Workdir};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::Path;

/// Commands that write, each on an existing database.
const WRITES: &[&[&str]] = &[
    &["init"],
    &["add", "--speaker", "Ben Ortiz", "--text", "The budget is too high."],
    &["ingest", "article.txt"],
    &["import", "rows.jsonl"],
    &["edit", "1", "--stance", "oppose"],
    &["delete", "1"],
    &["speakers", "alias", "Ada Park", "Mayor Park"],
];

/// A database with one claim, and the inputs the write commands read.
fn workdir_with_a_claim() -> Workdir {
    let wd = Workdir::new();
    wd.add(&["--speaker", "Ada Park", "--text", "The bridge will open in May."]);
    wd.write("article.txt", "Cara Lind said the ferry will keep running.\n");
    wd.write("rows.jsonl", "{\"speaker\":\"Dan Moss\",\"content\":\"Fares will fall.\",\"kind\":\"direct\"}\n");
    wd
}

/// The bytes of the database and of every file beside it.
fn folder_bytes(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    files.sort();
    files
}

fn assert_integrity_ok(db: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
}

fn running_as_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

const NOBODY: libc::uid_t = 65534;

#[test]
fn every_write_to_a_read_only_database_is_one_clear_error_and_changes_nothing() {
    let wd = workdir_with_a_claim();
    let folder = wd.db.parent().unwrap().to_path_buf();
    std::fs::set_permissions(&wd.db, std::fs::Permissions::from_mode(0o444)).unwrap();
    // Root writes whatever the permissions, so as root claimdb runs as
    // `nobody`, for whom the folder (mode 755, root's) and file are read-only.
    if !running_as_root() {
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    }
    let before = folder_bytes(&folder);
    for args in WRITES {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("claimdb"));
        cmd.current_dir(&folder).env_remove("CLAIMDB_DB").arg("--db").arg(&wd.db).args(*args);
        if running_as_root() {
            // SAFETY: only async-signal-safe calls between fork and exec.
            unsafe {
                cmd.pre_exec(|| {
                    if libc::setgid(NOBODY) != 0 || libc::setuid(NOBODY) != 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                    Ok(())
                });
            }
        }
        let output = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        let error = stderr.lines().last().unwrap_or_default();
        assert!(
            error.starts_with(&format!("claimdb: database {}: is read-only here", wd.db.display())),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(folder_bytes(&folder), before, "nothing beside or in the database changed");
}

/// Run `claimdb ARGS` with files limited to `bytes` (RLIMIT_FSIZE): writes past
/// it fail as on a full disk, for root too. SIGXFSZ is ignored so that the
/// write returns an error instead of killing the process.
fn run_with_file_size_limit(wd: &Workdir, bytes: u64, args: &[&str]) -> std::process::Output {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("claimdb"));
    cmd.current_dir(wd.path("")).env_remove("CLAIMDB_DB").arg("--db").arg(&wd.db).args(args);
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            let limit = libc::rlimit { rlim_cur: bytes as libc::rlim_t, rlim_max: bytes as libc::rlim_t };
            if libc::signal(libc::SIGXFSZ, libc::SIG_IGN) == libc::SIG_ERR || libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    cmd.output().unwrap()
}

#[test]
fn a_full_disk_stops_the_ingest_with_a_clear_error_and_nothing_half_stored() {
    let wd = Workdir::new();
    wd.stdout(&["init"]);
    // 120 articles of about 25 kB: 3 MB of text against a 1 MB limit.
    let long_article = "Ada Park said the harbor bridge will open in May. ".repeat(500);
    let articles: String = (0..120)
        .map(|i| serde_json::json!({ "text": format!("Article {i}. {long_article}") }).to_string() + "\n")
        .collect();
    wd.write("long.jsonl", &articles);
    let output = run_with_file_size_limit(&wd, 1024 * 1024, &["ingest", "long.jsonl"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let error = stderr.lines().last().unwrap();
    assert!(error.starts_with(&format!("claimdb: database {}: ", wd.db.display())), "{stderr}");
    assert!(error.contains("the unfinished write was rolled back"), "{stderr}");
    assert!(stderr.contains("claimdb: stopped after "), "{stderr}");

    assert_integrity_ok(&wd.db);
    let stored = db_counts(&wd.db).0;
    // Documents go in whole, in batches; the batch the disk filled up in is
    // rolled back whole, so what is stored is a whole number of batches.
    assert!(stored < 120, "stopped part way: {stored}");
    let conn = rusqlite::Connection::open(&wd.db).unwrap();
    let texts: Vec<String> = conn.prepare("SELECT text FROM documents").unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    for text in texts {
        assert!(text.ends_with(&long_article), "every stored document is whole");
    }
    drop(conn);

    // With space again, the same command finishes the job.
    wd.cmd(&["ingest", "long.jsonl"]).assert().success();
    assert_eq!(db_counts(&wd.db).0, 120);
}

#[test]
fn a_full_disk_during_import_stores_none_of_the_rows() {
    let wd = Workdir::new();
    wd.add(&["--speaker", "Ada Park", "--text", "The bridge will open in May."]);
    let long_claim = "The harbor bridge will open in May and the budget will hold. ".repeat(40);
    let rows: String = (0..2000)
        .map(|i| serde_json::json!({ "speaker": format!("Speaker {i}"), "content": format!("{i} {long_claim}"), "kind": "direct" }).to_string() + "\n")
        .collect();
    wd.write("rows.jsonl", &rows);
    let output = run_with_file_size_limit(&wd, 1024 * 1024, &["import", "rows.jsonl"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("the unfinished write was rolled back"), "{stderr}");
    assert_integrity_ok(&wd.db);
    assert_eq!(db_counts(&wd.db), (0, 1, 1), "import is all or nothing");
}

#[test]
fn every_command_refuses_a_database_from_a_newer_claimdb_and_leaves_it_byte_for_byte() {
    let wd = workdir_with_a_claim();
    let conn = rusqlite::Connection::open(&wd.db).unwrap();
    conn.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA user_version = 999;").unwrap();
    drop(conn);
    let folder = wd.db.parent().unwrap().to_path_buf();
    let before = folder_bytes(&folder);
    let reads: &[&[&str]] = &[&["query"], &["speakers"], &["show", "1"], &["export", "--output", "out.jsonl"]];
    for args in WRITES.iter().chain(reads) {
        let err = wd.error(args);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        let refusal = format!(
            "was written by a newer claimdb (schema version 999; this claimdb knows up to {})",
            claimdb::store::SCHEMA_VERSION
        );
        assert!(err.contains(&refusal), "{args:?}: {err}");
    }
    assert_eq!(folder_bytes(&folder), before);
}

#[test]
fn a_read_on_a_full_disk_says_what_failed_and_how_to_recover() {
    let wd = workdir_with_a_claim();
    // Once the last connection closes, SQLite removes the -shm file; any
    // command, a read too, must then make it again.
    assert!(!wd.path("claims.db-shm").exists());
    let output = run_with_file_size_limit(&wd, 0, &["query", "--speaker", "ada"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("claims.db-shm"), "{stderr}");
    assert!(stderr.contains("the disk is probably full"), "{stderr}");
    assert!(stderr.contains("The database itself is intact: free some space"), "{stderr}");
    // With space again, the same command works.
    assert!(wd.stdout(&["query", "--speaker", "ada"]).contains("The bridge will open in May."));
}

#[test]
fn a_database_named_like_an_sqlite_uri_is_a_file_by_that_name() {
    let wd = Workdir::new();
    wd.write("article.txt", "Cara Lind said the ferry will keep running.\n");
    let name = "file:notes.db?mode=memory";
    let db = wd.path(name);
    wd.cmd_on(Path::new(name), &["ingest", "article.txt"]).assert().success();
    assert!(db.is_file(), "the database is the file named {name}");
    assert_eq!(db_counts(&db), (1, 1, 1));
    let listed = wd.cmd_on(Path::new(name), &["query", "--format", "csv"]).output().unwrap();
    assert!(String::from_utf8_lossy(&listed.stdout).contains("the ferry will keep running"));
}
