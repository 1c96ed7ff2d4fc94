mod common;

use common::Workdir;

/// Everything export, speakers and topics say about a database.
fn snapshot(wd: &Workdir) -> (String, String) {
    (wd.stdout(&["export"]), wd.stdout(&["speakers", "--format", "csv"]))
}

fn round_trip(format: &str, file: &str) {
    let source = Workdir::new();
    source.add_sample_claims();
    source.add(&["--speaker", "Ben Ortiz", "--text", "Quotes \"inside\", commas, and\nnew lines.", "--kind", "mixed"]);
    source.stdout(&["delete", "2"]);
    source.stdout(&["edit", "3", "--stance", "oppose"]);
    let out = source.path(file);
    source.stdout(&["export", "--format", format, "--output", out.to_str().unwrap()]);

    let target = Workdir::new();
    let said = target.stdout(&["import", out.to_str().unwrap()]);
    assert!(said.starts_with("imported 3 statements (2 new speakers)"), "{said}");
    assert_eq!(snapshot(&target), snapshot(&source));
}

#[test]
fn export_then_import_jsonl_gives_the_same_statements_and_speakers() {
    round_trip("jsonl", "all.jsonl");
}

#[test]
fn export_then_import_csv_gives_the_same_statements_and_speakers() {
    round_trip("csv", "all.csv");
}

#[test]
fn export_json_is_one_array() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    let all: Vec<serde_json::Value> = serde_json::from_str(&wd.stdout(&["export", "--format", "json"])).unwrap();
    assert_eq!(all.len(), 3);
}

#[test]
fn import_of_a_missing_file_names_it() {
    let wd = Workdir::new();
    let err = wd.error(&["import", "nowhere.jsonl"]);
    assert!(err.starts_with("claimdb: nowhere.jsonl: "), "{err}");
    assert!(!wd.db.exists(), "nothing created");
}

#[test]
fn import_of_a_bad_line_names_it_and_stores_nothing() {
    let wd = Workdir::new();
    wd.stdout(&["init"]);
    let good = r#"{"speaker":"Ada Park","content":"One.","kind":"direct"}"#;
    let bad = r#"{"speaker":"Ada Park","content":"Two.","kind":"direct","stance":"maybe"}"#;
    let file = wd.write("rows.jsonl", &format!("{good}\n{bad}\n"));
    let err = wd.error(&["import", file.to_str().unwrap()]);
    assert!(err.contains("rows.jsonl:2: not a statement row"), "{err}");
    assert!(wd.query_json(&[]).is_empty());
}

#[test]
fn import_refuses_other_file_types() {
    let wd = Workdir::new();
    let file = wd.write("rows.txt", "hello");
    assert!(wd.error(&["import", file.to_str().unwrap()]).contains("import reads .jsonl or .csv"));
}

#[test]
fn two_imports_writing_one_database_at_once_both_finish() {
    let wd = Workdir::new();
    wd.stdout(&["init"]);
    let rows: String = (1..=300)
        .map(|i| format!("{{\"speaker\":\"Speaker {}\",\"content\":\"Claim number {i}.\",\"kind\":\"indirect\"}}\n", i % 7))
        .collect();
    let file = wd.write("rows.jsonl", &rows);
    let children: Vec<_> = (0..2)
        .map(|_| {
            std::process::Command::new(assert_cmd::cargo::cargo_bin("claimdb"))
                .arg("--db")
                .arg(&wd.db)
                .arg("import")
                .arg(&file)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("start claimdb")
        })
        .collect();
    // Both run at once; the second waits on the first's write lock.
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
    assert_eq!(wd.query_json(&[]).len(), 600);
    assert_eq!(wd.query_json(&["--search", "\"number 17\""]).len(), 2);
}
