//! An ingest killed half way (SIGKILL) or stopped with Ctrl-C (SIGINT) leaves
//! a sound database with every stored document whole, and the same command
//! run again ends with exactly the counts of a clean run.

mod common;

use common::{articles_jsonl, db_counts, Workdir};
use rusqlite::Connection;
use std::collections::HashMap;
use std::path::Path;

/// Enough for more than one batch (ingest commits every 1,000 documents), so
/// that the kill lands after some are stored and before the last.
const ARTICLES: usize = 3000;
/// Ctrl-C needs a run long enough to still be going when the signal lands:
/// ingest commits a batch at least every second.
const INTERRUPTED_ARTICLES: usize = 20_000;

/// Statements per stored document, by the document's content hash.
fn statements_by_document(db: &Path) -> HashMap<String, i64> {
    let conn = Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT d.content_hash, count(s.id) FROM documents d LEFT JOIN statements s ON s.document_id = d.id GROUP BY d.id")
        .unwrap();
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    rows.map(Result::unwrap).collect()
}

fn assert_sound(db: &Path) {
    let conn = Connection::open(db).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    let dangling: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(dangling, 0, "no statement points at a missing document or speaker");
    let orphans: i64 = conn
        .query_row(
            "SELECT count(*) FROM statements WHERE document_id IS NOT NULL AND document_id NOT IN (SELECT id FROM documents)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0);
}

/// A clean run of the same ingest into a fresh database, for comparison.
fn clean_run(input: &str) -> (Workdir, (i64, i64, i64)) {
    let clean = Workdir::new();
    clean.write("articles.jsonl", input);
    clean.cmd(&["ingest", "articles.jsonl"]).assert().success();
    let counts = db_counts(&clean.db);
    (clean, counts)
}

/// Every document the interrupted run stored has all the statements a clean
/// run gives it: none is half-stored.
fn assert_no_document_half_stored(interrupted: &Path, clean: &Path) {
    let whole = statements_by_document(clean);
    for (hash, statements) in statements_by_document(interrupted) {
        assert_eq!(Some(&statements), whole.get(&hash), "document {hash} stored with all its statements");
    }
}

#[test]
fn an_ingest_killed_half_way_leaves_whole_documents_and_continues_on_rerun() {
    let input = articles_jsonl(ARTICLES, "kill");
    let wd = Workdir::new();
    wd.write("articles.jsonl", &input);
    let mut ingest = wd.spawn(&["ingest", "articles.jsonl"]);
    wd.wait_for_documents(&mut ingest, ARTICLES as i64 / 5);
    ingest.kill().expect("SIGKILL claimdb"); // Child::kill sends SIGKILL
    ingest.wait().unwrap();

    let stored_when_killed = db_counts(&wd.db).0;
    eprintln!("killed after {stored_when_killed} of {ARTICLES} documents");
    assert!(stored_when_killed > 0, "the kill landed after the first batch was stored");
    assert!(stored_when_killed < ARTICLES as i64, "the kill landed before the ingest finished");
    assert_sound(&wd.db);
    let (clean, clean_counts) = clean_run(&input);
    assert_no_document_half_stored(&wd.db, &clean.db);

    wd.cmd(&["ingest", "articles.jsonl"]).assert().success();
    assert_sound(&wd.db);
    assert_eq!(db_counts(&wd.db), clean_counts);
    assert_eq!(clean_counts.0, ARTICLES as i64);
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_after_the_current_document_and_says_how_far_it_got() {
    let input = articles_jsonl(INTERRUPTED_ARTICLES, "interrupt");
    let wd = Workdir::new();
    wd.write("articles.jsonl", &input);
    let mut ingest = wd.spawn(&["ingest", "articles.jsonl"]);
    wd.wait_for_first_document(&mut ingest);
    // SAFETY: kill(2) on the pid of a child we started and have not reaped.
    assert_eq!(unsafe { libc::kill(ingest.id() as libc::pid_t, libc::SIGINT) }, 0);
    let output = ingest.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");

    let stored = db_counts(&wd.db).0;
    assert!(stored > 0 && stored < INTERRUPTED_ARTICLES as i64, "stopped half way: {stored}");
    let expected = format!("claimdb: interrupted after {stored} documents, in file 1 of 1: {stored} documents added");
    assert!(stderr.contains(&expected), "{stderr}");
    assert!(stderr.trim_end().ends_with("run the same command again to continue"), "{stderr}");
    assert_sound(&wd.db);

    let rerun = wd.cmd(&["ingest", "articles.jsonl"]).output().unwrap();
    assert_eq!(rerun.status.code(), Some(0));
    let summary = String::from_utf8_lossy(&rerun.stderr);
    let continued = format!("{} documents added ({stored} already stored)", INTERRUPTED_ARTICLES as i64 - stored);
    assert!(summary.contains(&continued), "{summary}");
    let (_clean, clean_counts) = clean_run(&input);
    assert_eq!(db_counts(&wd.db), clean_counts);
}

/// The scratch folders beside a database (an import's full-text index).
fn scratch_folders(wd: &Workdir) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(wd.path(""))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".claimdb-import-"))
        .collect();
    names.sort();
    names
}

/// An import into a new database, killed while it writes (here by SIGXFSZ,
/// at a file size limit that stops it part way through), leaves the
/// database file as it was (the rows went to the WAL, uncommitted) and its
/// scratch folder behind; the next write removes the folder, and the same
/// import run again stores every row.
#[cfg(unix)]
#[test]
fn an_import_into_a_new_database_killed_while_writing_leaves_it_empty_its_scratch_goes_and_a_rerun_stores_every_row() {
    use std::os::unix::process::{CommandExt, ExitStatusExt};
    let wd = Workdir::new();
    wd.cmd(&["init"]).assert().success();
    let empty = std::fs::read(&wd.db).unwrap();
    let long_claim = "The harbor ferry will keep running all winter, the council said again. ".repeat(30);
    let rows: String = (0..3000)
        .map(|i| serde_json::json!({ "speaker": format!("Speaker {}", i % 97), "content": format!("{i} {long_claim}"), "kind": "direct" }).to_string() + "\n")
        .collect();
    wd.write("rows.jsonl", &rows);

    let limit: libc::rlim_t = 2 * 1024 * 1024;
    let mut import = std::process::Command::new(assert_cmd::cargo::cargo_bin("claimdb"));
    import.current_dir(wd.path("")).env_remove("CLAIMDB_DB").arg("--db").arg(&wd.db).args(["import", "rows.jsonl"]);
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        import.pre_exec(move || {
            let rlimit = libc::rlimit { rlim_cur: limit, rlim_max: limit };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &rlimit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let output = import.output().unwrap();
    assert_eq!(output.status.signal(), Some(libc::SIGXFSZ), "killed while writing: {output:?}");
    assert_eq!(std::fs::read(&wd.db).unwrap(), empty, "nothing was written into the database file itself");
    assert!(std::fs::metadata(wd.path("claims.db-wal")).unwrap().len() > 0, "the rows went to the WAL");
    assert_eq!(scratch_folders(&wd).len(), 1, "the killed import's scratch folder is left");

    assert_eq!(db_counts(&wd.db), (0, 0, 0), "the uncommitted rows are not there");
    assert_sound(&wd.db);
    // A read leaves the scratch folder (it might be a running import's)...
    wd.stdout(&["query"]);
    assert_eq!(scratch_folders(&wd).len(), 1);
    // ...the next write removes it, as no import holds it.
    wd.add(&["--speaker", "Ada Park", "--text", "The ferry will keep running."]);
    assert_eq!(scratch_folders(&wd), Vec::<String>::new());
    wd.cmd(&["import", "rows.jsonl"]).assert().success();
    assert_eq!(scratch_folders(&wd), Vec::<String>::new());
    assert_sound(&wd.db);
    assert_eq!(db_counts(&wd.db), (0, 1 + 3000, 1 + 97));
    let conn = Connection::open(&wd.db).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal", "back in WAL mode, so that readers work beside the next writer");
}
