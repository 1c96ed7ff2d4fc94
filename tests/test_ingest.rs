//! `ingest` wiring: documents stored once, notices and the summary on
//! stderr, exit code 3 when an input was skipped. (What is extracted from
//! an article is tested with the extractor; here each test sentence holds
//! one plain attribution.)

mod common;

use common::Workdir;

fn counts(wd: &Workdir) -> String {
    let out = wd.stdout(&["init"]);
    out[out.find('(').unwrap()..].trim().to_string()
}

#[test]
fn ingest_stores_each_document_once() {
    let wd = Workdir::new();
    wd.write("a.txt", "Ada Park said the bridge will open in May.\n");
    wd.write("b.txt", "Ben Ortiz said the budget is too high.\n");
    let first = wd.cmd(&["ingest", "a.txt", "b.txt"]).output().unwrap();
    assert_eq!(first.status.code(), Some(0));
    let summary = String::from_utf8_lossy(&first.stderr);
    assert!(summary.contains("2 documents added (0 already stored)"), "{summary}");
    let again = wd.cmd(&["ingest", "a.txt", "b.txt"]).output().unwrap();
    assert!(String::from_utf8_lossy(&again.stderr).contains("0 documents added (2 already stored)"));
    assert_eq!(counts(&wd), "(2 documents, 2 statements)");
}

#[test]
fn statements_with_no_speaker_are_left_out_and_the_document_still_goes_in() {
    let wd = Workdir::new();
    // The second and third paragraphs report words with no one to whom the
    // extractor can attribute them.
    wd.write(
        "a.txt",
        "Ada Park said the bridge will open in May.\n\n\
         Asked whether the council would vote again, there was silence in the room.\n\n\
         It was revealed in March that the fund had run dry.\n",
    );
    let out = wd.cmd(&["ingest", "a.txt"]).output().unwrap();
    let summary = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{summary}");
    assert!(summary.contains("1 documents added"), "{summary}");
    assert!(summary.contains("2 quotes with no speaker found were left out"), "{summary}");
    assert_eq!(counts(&wd), "(1 documents, 1 statements)");
    let stored = wd.query_json(&[]);
    assert_eq!(stored[0]["speaker"], "Ada Park");
}

#[test]
fn ingest_reports_a_missing_file_and_exits_3() {
    let wd = Workdir::new();
    wd.write("a.txt", "Ada Park said the bridge will open in May.\n");
    let output = wd.cmd(&["ingest", "a.txt", "missing.txt"]).output().unwrap();
    assert_eq!(output.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("missing.txt: skipped:"), "{stderr}");
    assert!(stderr.contains("1 documents added (0 already stored), 1 statements, 1 new speakers, 1 inputs skipped"), "{stderr}");
    assert_eq!(counts(&wd), "(1 documents, 1 statements)");
}

#[test]
fn ingest_refuses_a_bad_date_before_reading_anything() {
    let wd = Workdir::new();
    wd.write("a.txt", "Text.\n");
    let err = wd.usage_error(&["ingest", "a.txt", "--date", "14/03/2025"]);
    let first = err.lines().next().unwrap();
    assert_eq!(first, "error: invalid value '14/03/2025' for '--date <DATE>': not a date (expected YYYY-MM-DD, e.g. 2025-03-14)");
    assert!(!wd.db.exists());
}

#[test]
fn ingest_needs_a_path() {
    let wd = Workdir::new();
    wd.cmd(&["ingest"]).assert().code(2);
}

#[test]
fn ingest_with_a_lexicon_file_uses_its_stances() {
    let wd = Workdir::new();
    // "said" is neutral in the built-in lexicon; this newsroom's file says otherwise.
    let lexicon = wd.write("newsroom.tsv", "# our beat\nsay   oppose   verb\n");
    let article = wd.write("a.txt", "Ada Park said the bridge will open in May.\n");
    let plain = Workdir::new();
    plain.stdout(&["ingest", article.to_str().unwrap()]);
    assert_eq!(plain.query_json(&[])[0]["stance"], "neutral");
    wd.stdout(&["ingest", "--lexicon", lexicon.to_str().unwrap(), article.to_str().unwrap()]);
    let stored = wd.query_json(&[]);
    assert_eq!((stored[0]["cue"].as_str(), stored[0]["stance"].as_str()), (Some("said"), Some("oppose")));
}

#[test]
fn ingest_with_a_bad_lexicon_names_its_line_and_touches_no_database() {
    let wd = Workdir::new();
    let lexicon = wd.write("newsroom.tsv", "slam   oppose   verb\nblast   furious\n");
    let article = wd.write("a.txt", "The council met on Monday.\n");
    let err = wd.error(&["ingest", "--lexicon", lexicon.to_str().unwrap(), article.to_str().unwrap()]);
    assert!(err.contains("newsroom.tsv:2: unknown class 'furious'"), "{err}");
    assert!(!wd.db.exists(), "no database is created for a run that cannot start");
}

#[test]
fn ingest_with_a_missing_lexicon_says_so_once() {
    let wd = Workdir::new();
    let article = wd.write("a.txt", "The council met on Monday.\n");
    let err = wd.error(&["ingest", "--lexicon", "nope.tsv", article.to_str().unwrap()]);
    assert_eq!(err.trim(), "claimdb: nope.tsv: No such file or directory (os error 2)");
}

#[test]
fn ingest_reports_the_same_in_input_order_on_any_number_of_threads() {
    let run = |jobs: &str| {
        let wd = Workdir::new();
        for i in 0..12 {
            wd.write(&format!("{i:02}.txt"), &format!("Article {i}: the council said the bridge will open.\n"));
        }
        wd.write("05b.txt", "");
        wd.write("09b.txt", "binary\0file");
        let output = wd.cmd(&["ingest", "--jobs", jobs, "."]).output().unwrap();
        assert_eq!(output.status.code(), Some(3));
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains("12 documents added"), "{stderr}");
        stderr
    };
    let one = run("1");
    assert!(one.find("05b.txt").unwrap() < one.find("09b.txt").unwrap(), "{one}");
    assert_eq!(run("3"), one);
}

#[test]
fn ingest_refuses_zero_jobs() {
    let wd = Workdir::new();
    wd.write("a.txt", "Text.\n");
    wd.cmd(&["ingest", "--jobs", "0", "a.txt"]).assert().code(2);
}

#[test]
fn ingest_refuses_absurd_numbers_of_jobs_as_a_usage_error() {
    let wd = Workdir::new();
    wd.write("a.txt", "Ada Park said the bridge will open in May.\n");
    for jobs in ["257", "4294967295", "99999999999999999999"] {
        let output = wd.cmd(&["ingest", "--jobs", jobs, "a.txt"]).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "--jobs {jobs}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(&format!("invalid value '{jobs}' for '--jobs")), "{stderr}");
        assert!(stderr.contains("at most 256 threads"), "{stderr}");
    }
    assert!(!wd.db.exists(), "a usage error touches no database");
    wd.cmd(&["ingest", "--jobs", "256", "a.txt"]).assert().code(0);
}

#[test]
fn an_endless_line_on_standard_input_is_refused_naming_the_line() {
    use std::io::Write;
    let wd = Workdir::new();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_claimdb"))
        .args(["--db", wd.db.to_str().unwrap(), "ingest", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // One line that never ends: the writer stops only when claimdb stops reading.
    let writer = std::thread::spawn(move || {
        let chunk = [b'a'; 1 << 16];
        let mut written = 0usize;
        while stdin.write_all(&chunk).is_ok() {
            written += chunk.len();
        }
        written
    });
    let output = child.wait_with_output().unwrap();
    let written = writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("-:1: skipped: more than 64 MB of text, not read further"), "{stderr}");
    assert!(written < 80 << 20, "claimdb read {written} bytes");
    assert_eq!(counts(&wd), "(0 documents, 0 statements)");
}
