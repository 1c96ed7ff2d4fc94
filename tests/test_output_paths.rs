//! `--output` of export, query and report html: never onto the database,
//! through links and devices, permissions kept, nothing half-written left.

mod common;

use common::Workdir;
use std::fs;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};

fn partial_files(wd: &Workdir) -> Vec<String> {
    let names = fs::read_dir(wd.path("")).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned());
    names.filter(|n| n.contains(".partial")).collect()
}

#[test]
fn the_database_is_never_an_output() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    let db = wd.db.to_str().unwrap().to_string();
    fs::write(wd.path("notes.txt"), "kept").unwrap();
    std::os::unix::fs::symlink(&wd.db, wd.path("alias.db")).unwrap();
    for args in [
        vec!["export", "-o", db.as_str()],
        vec!["export", "--format", "csv", "--output", "alias.db"],
        vec!["query", "--output", "claims.db"],
        vec!["report", "html", "-o", "claims.db"],
        vec!["report", "html", "-o", "claims.db-wal"],
    ] {
        let err = wd.error(&args);
        assert!(err.starts_with("claimdb: refusing to write to "), "{args:?}: {err}");
        assert!(err.contains("which this command reads; choose another --output"), "{err}");
    }
    assert_eq!(wd.query_json(&[]).len(), 3, "the database is whole");
    assert!(partial_files(&wd).is_empty());
}

#[test]
fn query_writes_its_listing_to_a_file() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    let out = wd.cmd(&["query", "--speaker", "ada", "--format", "csv", "--output", "ada.csv"]).output().unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty(), "the listing went to the file");
    assert_eq!(String::from_utf8(out.stderr).unwrap(), format!("claimdb: wrote 2 statements to ada.csv\n"));
    let csv = fs::read_to_string(wd.path("ada.csv")).unwrap();
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(csv.starts_with("id,doc,title,date,speaker,"), "{csv}");
}

#[test]
fn a_file_keeps_its_permissions_and_a_link_stays_a_link() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    fs::write(wd.path("private.jsonl"), "old").unwrap();
    fs::set_permissions(wd.path("private.jsonl"), fs::Permissions::from_mode(0o600)).unwrap();
    wd.stdout(&["export", "-o", "private.jsonl"]);
    let meta = fs::metadata(wd.path("private.jsonl")).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    assert_eq!(fs::read_to_string(wd.path("private.jsonl")).unwrap().lines().count(), 3);

    std::os::unix::fs::symlink("private.jsonl", wd.path("latest.jsonl")).unwrap();
    wd.stdout(&["query", "--format", "jsonl", "--speaker", "ben", "-o", "latest.jsonl"]);
    assert!(fs::symlink_metadata(wd.path("latest.jsonl")).unwrap().file_type().is_symlink());
    assert_eq!(fs::read_to_string(wd.path("private.jsonl")).unwrap().lines().count(), 1);
}

#[test]
fn devices_and_fifos_are_written_to_not_replaced() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    wd.stdout(&["export", "-o", "/dev/null"]);
    assert!(!fs::metadata("/dev/null").unwrap().is_file());
    // Standard output here is a pipe, which has no path: /dev/stdout is a
    // link to it.
    let piped = wd.stdout(&["query", "--format", "csv", "-o", "/dev/stdout"]);
    assert_eq!(piped.lines().count(), 4, "{piped}");

    let fifo = wd.path("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    wd.stdout(&["export", "--format", "csv", "-o", "pipe"]);
    assert_eq!(reader.join().unwrap().lines().count(), 4, "a header and three rows came through the pipe");
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "still a FIFO");
}

/// `query --format csv -o OUTPUT` with its standard output going to `stdout`.
fn query_to(wd: &Workdir, output: &str, stdout: fs::File) -> std::process::ExitStatus {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("claimdb"))
        .current_dir(wd.path(""))
        .env_remove("CLAIMDB_DB")
        .arg("--db")
        .arg(&wd.db)
        .args(["query", "--format", "csv", "-o", output])
        .stdout(stdout)
        .status()
        .unwrap()
}

#[test]
fn standard_output_redirected_to_a_file_is_written_where_it_is() {
    use std::os::unix::fs::MetadataExt;
    let wd = Workdir::new();
    wd.add_sample_claims();
    let expected = wd.stdout(&["query", "--format", "csv"]);
    let listing = wd.path("listing.csv");
    fs::write(&listing, "written before\n").unwrap();
    let inode = fs::metadata(&listing).unwrap().ino();
    // As `>> listing.csv`: appended to, after what was there.
    let appended = fs::OpenOptions::new().append(true).open(&listing).unwrap();
    let status = query_to(&wd, "/dev/stdout", appended);
    assert!(status.success());
    assert_eq!(fs::read_to_string(&listing).unwrap(), format!("written before\n{expected}"));
    assert_eq!(fs::metadata(&listing).unwrap().ino(), inode, "the same file, not a new one renamed over it");
    // As `> listing.csv`, naming the file itself.
    let truncated = fs::File::create(&listing).unwrap();
    let status = query_to(&wd, "listing.csv", truncated);
    assert!(status.success());
    assert_eq!(fs::read_to_string(&listing).unwrap(), expected);
    assert_eq!(fs::metadata(&listing).unwrap().ino(), inode);
    assert!(partial_files(&wd).is_empty());
}

#[test]
fn a_failed_write_leaves_no_partial_file() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    fs::create_dir(wd.path("page.html")).unwrap();
    let err = wd.error(&["report", "html", "-o", "page.html"]);
    assert!(err.starts_with("claimdb: page.html: "), "{err}");
    assert!(partial_files(&wd).is_empty(), "{:?}", partial_files(&wd));
    assert!(wd.path("page.html").is_dir(), "what was there is left alone");
}

#[test]
fn a_table_written_to_a_file_is_plain() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    let mut cmd = wd.cmd(&["query", "-o", "table.txt"]);
    cmd.env_remove("CLAIMDB_WIDTH");
    assert!(cmd.output().unwrap().status.success());
    let table = fs::read_to_string(wd.path("table.txt")).unwrap();
    assert!(!table.contains('│') && table.starts_with("id  date"), "{table}");
}
