//! `export` with `query`'s filters: the matching statements, by id, in the
//! columns `import` reads back.

mod common;

use common::{column, Workdir};

/// The ids of the JSON lines of an export.
fn exported_ids(dir: &Workdir, args: &[&str]) -> Vec<i64> {
    let mut all = vec!["export", "--format", "jsonl"];
    all.extend_from_slice(args);
    dir.stdout(&all)
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap()["id"].as_i64().unwrap())
        .collect()
}

/// Five claims: the sample's three, a later one on the bridge and an
/// earlier one, so that date order and id order differ.
fn claims(dir: &Workdir) {
    dir.add_sample_claims();
    dir.add(&["--speaker", "Cy Dunn", "--text", "The bridge tolls are unfair.", "--stance", "oppose", "--topic", "Harbor bridge", "--date", "2025-05-09"]);
    dir.add(&["--speaker", "Ada Park", "--text", "We backed the bridge from the start.", "--stance", "support", "--topic", "Harbor bridge", "--date", "2024-12-30"]);
}

#[test]
fn a_filtered_export_writes_what_query_lists_in_id_order() {
    let dir = Workdir::new();
    claims(&dir);
    let listed = column(&dir.query_json(&["--topic", "bridge", "--limit", "0"]), "id");
    assert_eq!(listed, [5, 1, 2, 4].map(serde_json::Value::from).to_vec(), "listing order is by date");
    assert_eq!(exported_ids(&dir, &["--topic", "bridge"]), vec![1, 2, 4, 5]);
    assert_eq!(exported_ids(&dir, &["--speaker", "ada", "--stance", "support"]), vec![1, 5]);
    assert_eq!(exported_ids(&dir, &["--search", "bridge", "--since", "2025-01-01", "--until", "2025-04-30"]), vec![1, 2]);
    assert_eq!(exported_ids(&dir, &["--topic", "parking", "--stance", "oppose"]), Vec::<i64>::new());
    assert_eq!(exported_ids(&dir, &[]).len(), 5, "no filter: every statement");
}

#[test]
fn a_filtered_export_imports_into_a_database_that_lists_the_same() {
    let dir = Workdir::new();
    claims(&dir);
    let file = dir.path("opposed.csv");
    dir.stdout(&["export", "--format", "csv", "--stance", "oppose", "--output", file.to_str().unwrap()]);
    let copy = dir.path("copy.db");
    let status = dir.cmd_on(&copy, &["import", file.to_str().unwrap()]).output().unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let original = dir.stdout(&["query", "--stance", "oppose", "--format", "csv"]);
    let imported = dir.cmd_on(&copy, &["query", "--format", "csv"]).output().unwrap();
    assert_eq!(String::from_utf8(imported.stdout).unwrap(), original);
}

#[test]
fn a_filtered_export_with_a_bad_search_fails_naming_it() {
    let dir = Workdir::new();
    claims(&dir);
    let error = dir.error(&["export", "--search", "bridge AND", "--format", "csv"]);
    assert!(error.contains("--search"), "{error}");
    let output = dir.cmd(&["export", "--since", "May 2025"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "a usage mistake");
    assert!(String::from_utf8_lossy(&output.stderr).contains("--since"));
}
