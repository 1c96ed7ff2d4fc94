//! Several claimdb processes on one database at once: every writer finishes
//! with all its rows (WAL, a busy timeout, retries), readers work meanwhile.

mod common;

use common::{articles_jsonl, db_counts, Workdir};

fn assert_finished(child: std::process::Child) -> String {
    let output = child.wait_with_output().expect("wait for claimdb");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

#[test]
fn two_ingests_into_one_new_database_both_store_every_document() {
    let wd = Workdir::new();
    wd.write("first.jsonl", &articles_jsonl(400, "first"));
    wd.write("second.jsonl", &articles_jsonl(400, "second"));
    // Neither database nor schema exists yet: both race to create them too.
    let first = wd.spawn(&["ingest", "first.jsonl"]);
    let second = wd.spawn(&["ingest", "second.jsonl"]);
    for stderr in [assert_finished(first), assert_finished(second)] {
        assert!(stderr.contains("400 documents added (0 already stored)"), "{stderr}");
    }
    assert_eq!(db_counts(&wd.db).0, 800);
}

#[test]
fn two_ingests_of_the_same_articles_store_each_once() {
    let wd = Workdir::new();
    wd.write("same.jsonl", &articles_jsonl(300, "same"));
    let first = wd.spawn(&["ingest", "same.jsonl"]);
    let second = wd.spawn(&["ingest", "same.jsonl"]);
    let added: usize = [assert_finished(first), assert_finished(second)]
        .iter()
        .map(|stderr| {
            let summary = stderr.lines().last().unwrap();
            summary["claimdb: ".len()..].split(' ').next().unwrap().parse::<usize>().unwrap()
        })
        .sum();
    assert_eq!(added, 300, "each article added by exactly one of the two");
    assert_eq!(db_counts(&wd.db).0, 300);
}

#[test]
fn two_imports_into_one_new_database_both_store_every_row() {
    let wd = Workdir::new();
    let rows: String = (0..300)
        .map(|i| format!("{{\"speaker\":\"Speaker {}\",\"content\":\"Claim {i}.\",\"kind\":\"direct\"}}\n", i % 11))
        .collect();
    wd.write("rows.jsonl", &rows);
    let first = wd.spawn(&["import", "rows.jsonl"]);
    let second = wd.spawn(&["import", "rows.jsonl"]);
    assert_finished(first);
    assert_finished(second);
    let (_, statements, speakers) = db_counts(&wd.db);
    assert_eq!((statements, speakers), (600, 11));
}

#[test]
fn query_answers_while_an_ingest_is_writing() {
    let wd = Workdir::new();
    wd.add(&["--speaker", "Ada Park", "--text", "The ferry will run all winter."]);
    wd.write("many.jsonl", &articles_jsonl(1500, "many"));
    let mut ingest = wd.spawn(&["ingest", "many.jsonl"]);
    wd.wait_for_first_document(&mut ingest);
    let mut queries_during_ingest = 0;
    while ingest.try_wait().unwrap().is_none() {
        let rows = wd.query_json(&["--search", "ferry"]);
        assert_eq!(rows.len(), 1);
        queries_during_ingest += 1;
    }
    assert_finished(ingest);
    eprintln!("{queries_during_ingest} queries answered during the ingest");
    assert_eq!(db_counts(&wd.db).0, 1500);
}
