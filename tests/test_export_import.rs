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

/// `n` rows of the shape `export` writes, ids 1..=n, by three speakers.
fn numbered_rows(n: usize) -> String {
    (1..=n)
        .map(|i| {
            format!(
                "{{\"id\":{i},\"speaker\":\"Speaker {}\",\"content\":\"Claim number {i}.\",\"kind\":\"direct\",\"topic\":\"Ferries\"}}\n",
                i % 3
            )
        })
        .collect()
}

#[test]
fn a_bad_line_far_into_a_big_file_stores_none_of_the_rows_before_it() {
    let wd = Workdir::new();
    wd.stdout(&["init"]);
    let rows = numbered_rows(5000) + "{\"speaker\":\"Ada Park\",\"content\":\"Late.\"}\n";
    let file = wd.write("rows.jsonl", &rows);
    let err = wd.error(&["import", file.to_str().unwrap()]);
    assert!(err.contains("rows.jsonl:5001: not a statement row"), "{err}");
    assert!(err.contains("kind"), "{err}");
    assert_eq!(common::db_counts(&wd.db), (0, 0, 0));
}

#[test]
fn the_first_bad_row_is_the_one_reported_whether_reading_or_storing_fails() {
    let wd = Workdir::new();
    let rows = format!(
        "{}{{\"speaker\":\"  \",\"content\":\"No one said this.\",\"kind\":\"direct\"}}\nnot json\n",
        numbered_rows(2000)
    );
    let file = wd.write("rows.jsonl", &rows);
    let err = wd.error(&["import", file.to_str().unwrap()]);
    assert!(err.contains("needs a speaker name"), "{err}");
}

#[test]
fn an_import_into_an_empty_database_keeps_ids_topics_and_search() {
    let wd = Workdir::new();
    let file = wd.write("rows.jsonl", &numbered_rows(3000));
    wd.stdout(&["import", file.to_str().unwrap()]);
    let found = wd.query_json(&["--search", "\"number 2999\""]);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0]["id"].as_i64(), found[0]["topic"].as_str()), (Some(2999), Some("Ferries")));
    assert_eq!(wd.query_json(&["--speaker", "Speaker 1", "--limit", "5000"]).len(), 1000);
}

#[test]
fn rows_whose_ids_are_taken_get_new_ones_and_keep_everything_else() {
    let wd = Workdir::new();
    let file = wd.write("rows.jsonl", &numbered_rows(3));
    wd.stdout(&["import", file.to_str().unwrap()]);
    wd.stdout(&["import", file.to_str().unwrap()]);
    let all = wd.query_json(&["--search", "\"number 2\""]);
    let mut ids: Vec<i64> = all.iter().map(|r| r["id"].as_i64().unwrap()).collect();
    ids.sort();
    assert_eq!(ids, vec![2, 5]);
    assert!(all.iter().all(|r| r["speaker"] == "Speaker 2" && r["topic"] == "Ferries"), "{all:?}");
}

#[test]
fn an_export_whose_reader_goes_away_early_is_not_an_error() {
    use std::io::BufRead;
    let wd = Workdir::new();
    let file = wd.write("rows.jsonl", &numbered_rows(8000));
    wd.stdout(&["import", file.to_str().unwrap()]);
    for format in ["csv", "jsonl"] {
        // Far more than a pipe holds: the export is still writing when the
        // reader, like `| head -1`, closes its end.
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("claimdb"))
            .arg("--db")
            .arg(&wd.db)
            .args(["export", "--format", format])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start claimdb");
        let mut first = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
        assert!(first.starts_with(if format == "csv" { "id," } else { "{\"id\":1," }), "{first}");
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{format}: {}", String::from_utf8_lossy(&output.stderr));
    }
}

/// Rows that exercise what the full-text index holds for each statement:
/// a speaker named by an alias and in another case (indexed under the
/// stored name), undated rows and dates at the ends of the calendar (the
/// index is keyed by listing order), and ids out of file order.
fn rows_for_the_index() -> String {
    let row = |id: i64, speaker: &str, mention: &str, date: &str, content: &str| {
        format!(
            "{{\"id\":{id},\"date\":{date},\"speaker\":\"{speaker}\",\"speaker_mention\":\"{mention}\",\"content\":\"{content}\",\"kind\":\"direct\",\"topic\":\"Ferries\"}}\n"
        )
    };
    [
        row(5, "Ada Lovelace", "Ada A. Lovelace", "\"2024-05-01\"", "The late ferry is full."),
        row(3, "Ada A. Lovelace", "Countess Lovelace", "\"2023-01-09\"", "A ferry costs too much."),
        row(9, "ada lovelace", "Lovelace", "null", "Ferry timetables are late."),
        row(1, "Ben Ortiz", "Ortiz", "\"0000-03-01\"", "The ferry was late in year zero."),
        row(2, "Ben Ortiz", "he", "\"9999-12-31\"", "The last ferry sails late."),
        row(7, "Cy Young", "Young", "\"2024-05-01\"", "No ferry today, a bridge tomorrow."),
    ]
    .concat()
}

#[test]
fn an_import_into_an_empty_database_searches_and_lists_as_one_into_a_database_with_statements() {
    let empty = Workdir::new();
    let file = empty.write("rows.jsonl", &rows_for_the_index());
    empty.stdout(&["import", file.to_str().unwrap()]);

    // The same rows imported after another statement take the row-by-row path.
    let seeded = Workdir::new();
    let seed = seeded.write("seed.jsonl", "{\"id\":900,\"speaker\":\"Zed Quill\",\"content\":\"Unrelated words.\",\"kind\":\"direct\"}\n");
    seeded.stdout(&["import", seed.to_str().unwrap()]);
    let file = seeded.write("rows.jsonl", &rows_for_the_index());
    seeded.stdout(&["import", file.to_str().unwrap()]);

    for search in ["ferry", "late", "\"late ferry\"", "ada", "lovelace", "countess", "ortiz", "bridge"] {
        let listed = empty.stdout(&["query", "--search", search, "--format", "csv"]);
        assert!(listed.lines().count() > 1, "{search} finds something");
        assert_eq!(listed, seeded.stdout(&["query", "--search", search, "--format", "csv"]), "--search {search}");
    }
    let ada = empty.query_json(&["--search", "ada"]);
    assert_eq!(common::column(&ada, "id"), [9, 3, 5].map(serde_json::Value::from), "undated first, then by date");
    for args in [["--speaker", "love"], ["--topic", "ferries"]] {
        let listed = empty.stdout(&["query", args[0], args[1], "--format", "csv"]);
        assert_eq!(listed, seeded.stdout(&["query", args[0], args[1], "--format", "csv"]), "{args:?}");
    }
}

#[test]
fn a_failed_import_into_an_empty_database_leaves_no_scratch_files_and_the_next_import_indexes_everything() {
    let wd = Workdir::new();
    wd.stdout(&["init"]);
    let bad = numbered_rows(3000) + "not json\n";
    let file = wd.write("bad.jsonl", &bad);
    wd.error(&["import", file.to_str().unwrap()]);
    assert_eq!(common::db_counts(&wd.db), (0, 0, 0));
    assert!(wd.query_json(&["--search", "claim"]).is_empty());
    let leftovers: Vec<_> = std::fs::read_dir(wd.db.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".claimdb-import"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    let file = wd.write("good.jsonl", &numbered_rows(3000));
    wd.stdout(&["import", file.to_str().unwrap()]);
    assert_eq!(wd.query_json(&["--search", "claim", "--limit", "0"]).len(), 3000);
    assert_eq!(common::column(&wd.query_json(&["--search", "\"number 1234\""]), "id"), [serde_json::Value::from(1234)]);
}

#[test]
fn importing_the_same_export_again_with_skip_existing_adds_nothing_and_says_so() {
    let source = Workdir::new();
    source.add_sample_claims();
    let out = source.path("all.jsonl");
    source.stdout(&["export", "--format", "jsonl", "--output", out.to_str().unwrap()]);
    let exported = std::fs::read_to_string(&out).unwrap().lines().count();

    let target = Workdir::new();
    let first = target.stdout(&["import", "--skip-existing", out.to_str().unwrap()]);
    assert!(first.starts_with(&format!("imported {exported} statements (")), "{first}");
    assert!(first.contains(", 0 already stored skipped)"), "{first}");
    let again = target.stdout(&["import", "--skip-existing", out.to_str().unwrap()]);
    assert!(again.starts_with(&format!("imported 0 statements (0 new speakers, {exported} already stored skipped)")), "{again}");
    assert_eq!(snapshot(&target), snapshot(&source));
    // Into the database it came from, too.
    let home = source.stdout(&["import", "--skip-existing", out.to_str().unwrap()]);
    assert!(home.contains(&format!("{exported} already stored skipped")), "{home}");
}

#[test]
fn skip_existing_keys_on_content_speaker_date_and_document() {
    let wd = Workdir::new();
    let row = |speaker: &str, content: &str, date: &str, doc: &str| {
        serde_json::json!({ "speaker": speaker, "content": content, "date": date, "doc": doc, "kind": "direct" }).to_string()
    };
    let first = [row("Ada Park", "The bridge opens in May.", "2024-05-01", "a.txt")].join("\n");
    wd.write("first.jsonl", &first);
    wd.stdout(&["import", "first.jsonl"]);
    let second = [
        row("ada park", "The bridge opens in May.", "2024-05-01", "a.txt"), // the same, speaker in another case
        row("Ada Park", "The bridge opens in June.", "2024-05-01", "a.txt"),
        row("Ben Ortiz", "The bridge opens in May.", "2024-05-01", "a.txt"),
        row("Ada Park", "The bridge opens in May.", "2024-05-02", "a.txt"),
        row("Ada Park", "The bridge opens in May.", "2024-05-01", "b.txt"),
        row("Ben Ortiz", "The bridge opens in May.", "2024-05-01", "a.txt"), // repeats a row above
    ]
    .join("\n");
    wd.write("second.jsonl", &second);
    let said = wd.stdout(&["import", "--skip-existing", "second.jsonl"]);
    assert!(said.starts_with("imported 4 statements (1 new speakers, 2 already stored skipped)"), "{said}");
}

#[test]
fn dates_outside_the_years_0000_to_9999_are_refused_naming_the_line() {
    let wd = Workdir::new();
    wd.write("bc.jsonl", "{\"speaker\":\"Ada Park\",\"content\":\"Rome will stand.\",\"kind\":\"direct\",\"date\":\"2024-01-01\"}\n{\"speaker\":\"Ada Park\",\"content\":\"Caesar is in danger.\",\"kind\":\"direct\",\"date\":\"-0044-03-15\"}\n");
    let err = wd.error(&["import", "bc.jsonl"]);
    assert_eq!(err.trim(), "claimdb: bc.jsonl:2: not a statement row: date -0044-03-15 is outside the years 0000-9999 (expected YYYY-MM-DD)");
    wd.write("far.csv", "speaker,content,kind,date\nAda Park,The sun will cool.,direct,+99999-01-01\n");
    let err = wd.error(&["import", "far.csv"]);
    assert!(err.contains("far.csv:2: not a statement row: date +99999-01-01 is outside the years 0000-9999"), "{err}");
    assert!(!wd.db.exists() || common::db_counts(&wd.db).1 == 0, "nothing stored");
    // A bad --date is a usage mistake (exit 2), as any other.
    let usage_error = |args: &[&str]| {
        let output = wd.cmd(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        String::from_utf8(output.stderr).unwrap()
    };
    for args in [&["add", "--speaker", "Ada Park", "--text", "Far off.", "--date", "+99999-01-01"][..], &["add", "--speaker", "Ada Park", "--text", "Long ago.", "--date=-0044-03-15"]] {
        let err = usage_error(args);
        assert!(err.contains("not a date (expected YYYY-MM-DD"), "{err}");
    }
    let id = wd.add(&["--speaker", "Ada Park", "--text", "Soon.", "--date", "9999-12-31"]);
    let err = usage_error(&["edit", &id.to_string(), "--date", "10000-01-01"]);
    assert!(err.contains("invalid value '10000-01-01' for '--date"), "{err}");
}

/// A database whose speaker Ada Park was loaded with a Wikidata id, and
/// Ben Ortiz without one.
fn with_a_known_speaker() -> Workdir {
    let wd = Workdir::new();
    let people = wd.write("people.csv", "name,aliases,kind,role,wikidata\nAda Park,Mayor Park,person,Mayor,Q1234567\n");
    wd.stdout(&["speakers", "load", people.to_str().unwrap()]);
    wd.add(&["--speaker", "Ada Park", "--text", "The ferry timetable changes in June.", "--date", "2025-05-01"]);
    wd.add(&["--speaker", "Ben Ortiz", "--text", "The ferry should run at night.", "--date", "2025-05-02"]);
    wd
}

#[test]
fn the_speakers_wikidata_id_is_listed_and_travels_through_export_and_import() {
    let source = with_a_known_speaker();
    let listed = source.query_json(&[]);
    assert_eq!(common::column(&listed, "speaker_wikidata"), vec![serde_json::json!("Q1234567"), serde_json::Value::Null]);
    let csv_header = source.stdout(&["query", "--format", "csv"]).lines().next().unwrap().to_string();
    assert!(csv_header.contains(",speaker_kind,speaker_wikidata,origin,"), "{csv_header}");
    assert!(source.stdout(&["show", "1"]).contains("speaker_wikidata: Q1234567"));
    for (format, file) in [("jsonl", "all.jsonl"), ("csv", "all.csv")] {
        let out = source.path(file);
        source.stdout(&["export", "--format", format, "--output", out.to_str().unwrap()]);
        let target = Workdir::new();
        target.stdout(&["import", out.to_str().unwrap()]);
        // (Aliases are no column of a statement row: they stay behind.)
        assert_eq!(target.stdout(&["export"]), source.stdout(&["export"]), "{format}");
        let speakers: Vec<serde_json::Value> = serde_json::from_str(&target.stdout(&["speakers", "--format", "json"])).unwrap();
        let ids: Vec<_> = speakers.iter().map(|s| (s["name"].clone(), s["wikidata"].clone())).collect();
        assert!(ids.contains(&(serde_json::json!("Ada Park"), serde_json::json!("Q1234567"))), "{format}: {ids:?}");
        assert!(ids.contains(&(serde_json::json!("Ben Ortiz"), serde_json::Value::Null)), "{format}: {ids:?}");
    }
}

#[test]
fn an_import_keeps_a_wikidata_id_the_database_already_has_and_refuses_a_malformed_one() {
    let wd = with_a_known_speaker();
    let rows = wd.write(
        "rows.jsonl",
        "{\"speaker\": \"Ada Park\", \"content\": \"The pier needs new lights.\", \"kind\": \"direct\", \"speaker_wikidata\": \"Q99\"}\n\
         {\"speaker\": \"Ben Ortiz\", \"content\": \"The pier lights are fine.\", \"kind\": \"direct\", \"speaker_wikidata\": \"Q98\"}\n",
    );
    wd.stdout(&["import", rows.to_str().unwrap()]);
    let listed = wd.query_json(&["--search", "pier"]);
    assert_eq!(common::column(&listed, "speaker_wikidata"), vec![serde_json::json!("Q1234567"), serde_json::json!("Q98")]);
    let bad = wd.write(
        "bad.jsonl",
        "{\"speaker\": \"Cleo Vance\", \"content\": \"The quay is too short.\", \"kind\": \"direct\"}\n\
         {\"speaker\": \"Cleo Vance\", \"content\": \"The quay must be longer.\", \"kind\": \"direct\", \"speaker_wikidata\": \"cleo\"}\n",
    );
    let err = wd.error(&["import", bad.to_str().unwrap()]);
    assert!(err.contains("bad.jsonl:2:") && err.contains("speaker_wikidata 'cleo'"), "{err}");
    assert!(wd.query_json(&["--speaker", "cleo"]).is_empty(), "nothing of the file went in");
}
