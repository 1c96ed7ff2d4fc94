mod common;

use common::Workdir;

#[test]
fn init_creates_an_empty_database() {
    let wd = Workdir::new();
    let out = wd.stdout(&["init"]);
    assert!(out.contains("schema version 7 (0 documents, 0 statements)"), "{out}");
    assert!(wd.db.exists());
}

#[test]
fn init_twice_keeps_what_is_stored() {
    let wd = Workdir::new();
    wd.add(&["--speaker", "Ada Park", "--text", "Hello."]);
    let out = wd.stdout(&["init"]);
    assert!(out.contains("(0 documents, 1 statements)"), "{out}");
}

#[test]
fn init_refuses_a_text_file_and_leaves_it_byte_for_byte() {
    let wd = Workdir::new();
    let notes = wd.write("notes.txt", "my notes\nline two\n");
    let before = std::fs::read(&notes).unwrap();
    for args in [&["init"][..], &["add", "--speaker", "A", "--text", "b"], &["query"], &["ingest", "notes.txt"]] {
        let output = wd.cmd_on(&notes, args).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("notes.txt: is not an SQLite database"), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    }
    assert_eq!(std::fs::read(&notes).unwrap(), before);
    let leftovers: Vec<_> = std::fs::read_dir(notes.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 1, "no journal or WAL files beside it: {leftovers:?}");
}

#[test]
fn init_refuses_an_sqlite_database_of_another_program() {
    let wd = Workdir::new();
    let other = wd.path("other.db");
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute_batch("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');").unwrap();
    drop(conn);
    let before = std::fs::read(&other).unwrap();
    let output = wd.cmd_on(&other, &["init"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a claimdb database"));
    assert_eq!(std::fs::read(&other).unwrap(), before);
}

#[test]
fn a_database_from_a_newer_claimdb_is_refused_and_left_alone() {
    let wd = Workdir::new();
    wd.stdout(&["init"]);
    let conn = rusqlite::Connection::open(&wd.db).unwrap();
    conn.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;").unwrap();
    drop(conn);
    let before = std::fs::read(&wd.db).unwrap();
    let err = wd.error(&["query"]);
    assert!(err.contains("newer claimdb (schema version 99"), "{err}");
    let err = wd.error(&["add", "--speaker", "A", "--text", "b"]);
    assert!(err.contains("newer claimdb"), "{err}");
    assert_eq!(std::fs::read(&wd.db).unwrap(), before);
}

#[test]
fn reading_a_missing_database_says_how_to_create_it() {
    let wd = Workdir::new();
    let err = wd.error(&["query"]);
    assert!(err.contains("no such database (create it with `claimdb init`)"), "{err}");
    assert!(!wd.db.exists());
}

#[test]
fn the_database_path_comes_from_claimdb_db_when_not_given() {
    let wd = Workdir::new();
    let mut cmd = assert_cmd::Command::cargo_bin("claimdb").unwrap();
    cmd.env("CLAIMDB_DB", &wd.db).arg("init").assert().success();
    assert!(wd.db.exists());
}
