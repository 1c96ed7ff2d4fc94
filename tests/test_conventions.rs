//! What every command does alike: usage mistakes, formats, tables in a
//! pipe, empty results.

mod common;

use assert_cmd::Command;
use common::Workdir;

/// `claimdb ARGS` in the work folder, with no database flag and no fixed
/// table width (so a table sees that its output is a pipe).
fn bare(wd: &Workdir, args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("claimdb").expect("the claimdb binary");
    cmd.current_dir(wd.path("")).env_remove("CLAIMDB_DB").env_remove("CLAIMDB_WIDTH").args(args);
    cmd
}

const ARTICLE: &str = "The harbour board met on Tuesday.\n\n\
    Mayor Ada Park said the new ferry would start running in June.\n\n\
    \"We will not raise the fares,\" said Ben Ortiz, the board's chairman.\n";

#[test]
fn usage_mistakes_exit_2_in_clap_style_before_anything_is_done() {
    let wd = Workdir::new();
    for args in [
        &["query", "--since", "2025-02-30"][..],
        &["query", "--until", "soon"],
        &["query", "--stance", "sideways"],
        &["add", "--speaker", "A", "--text", "b", "--kind", "shouted"],
        &["edit", "1", "--date", "01/02/2025"],
        &["ingest", "x.txt", "--date", "tomorrow"],
    ] {
        let err = wd.usage_error(args);
        assert!(err.starts_with("error: invalid value '"), "{args:?}: {err}");
        assert!(err.contains("For more information, try '--help'."), "{args:?}: {err}");
    }
    assert!(!wd.db.exists(), "nothing was opened");
}

#[test]
fn extract_refuses_a_database_flag_but_not_the_environment() {
    let wd = Workdir::new();
    wd.write("a.txt", ARTICLE);
    for args in [&["extract", "--db", "x.db", "a.txt"][..], &["--db", "x.db", "extract", "a.txt"]] {
        let output = bare(&wd, args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(output.stderr).unwrap();
        assert!(err.starts_with("error: extract reads no database: leave out --db"), "{err}");
    }
    let output = bare(&wd, &["extract", "--format", "jsonl", "a.txt"]).env("CLAIMDB_DB", "x.db").output().unwrap();
    assert!(output.status.success());
    assert!(!wd.path("x.db").exists());
}

#[test]
fn extract_prints_csv_and_markdown_like_the_other_listings() {
    let wd = Workdir::new();
    wd.write("a.txt", ARTICLE);
    let csv = bare(&wd, &["extract", "--format", "csv", "a.txt"]).output().unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "doc,title,date,speaker,speaker_mention,role,cue,content,kind,stance,hedged,topic,content_span,source_span,cue_span"
    );
    assert!(csv.contains("a.txt,,,Ben Ortiz,"), "{csv}");
    let markdown = bare(&wd, &["extract", "--format", "markdown", "a.txt"]).output().unwrap();
    let markdown = String::from_utf8(markdown.stdout).unwrap();
    assert!(markdown.starts_with("| date | speaker | role | cue | content |"), "{markdown}");
    assert!(markdown.contains("| Ben Ortiz | board's chairman | said | \"We will not raise the fares,\" | direct |"), "{markdown}");
}

#[test]
fn a_table_in_a_pipe_is_plain_one_line_a_row() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    let output = bare(&wd, &["--db", wd.db.to_str().unwrap(), "query"]).output().unwrap();
    let table = String::from_utf8(output.stdout).unwrap();
    assert!(!table.contains('│') && !table.contains('─'), "{table}");
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 4, "a header and three rows: {table}");
    assert!(lines[0].starts_with("id  date        speaker"), "{table}");
    assert!(lines[1].contains("Ada Park / Mayor of Eastport"), "{table}");
    assert!(lines.iter().all(|l| l == &l.trim_end()), "{table}");
    // With a width asked for, the table is laid out as on a terminal.
    assert!(wd.stdout(&["query"]).contains('│'));
}

#[test]
fn an_empty_result_says_so_on_standard_error_and_succeeds() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    for args in [
        &["query", "--speaker", "zzzzz"][..],
        &["report", "timeline", "--speaker", "zzzzz"],
        &["report", "stance", "--topic", "zzzzz"],
        &["report", "shifts"],
        &["report", "disagreements", "--topic", "zzzzz"],
        &["speakers", "--format", "csv"],
    ] {
        let output = wd.cmd(args).output().unwrap();
        assert!(output.status.success(), "{args:?}");
        let err = String::from_utf8(output.stderr).unwrap();
        if args[0] == "speakers" {
            assert!(err.is_empty(), "speakers has rows: {err}");
        } else {
            assert!(err.starts_with("claimdb: no "), "{args:?}: {err}");
        }
    }
    wd.write("plain.txt", "Plain words with no one quoted.\n");
    let output = bare(&wd, &["extract", "plain.txt"]).output().unwrap();
    assert!(output.status.success());
    assert_eq!(String::from_utf8(output.stderr).unwrap(), "claimdb: no statements found\n");
}

#[test]
fn control_characters_reach_no_terminal_but_stay_stored() {
    let wd = Workdir::new();
    let hostile = "Fees rise.\u{1b}]0;PWNED\u{7}\u{1b}[2J";
    wd.add(&["--speaker", "Ada Park", "--text", hostile]);
    for format in ["table", "markdown"] {
        let shown = wd.stdout(&["query", "--format", format]);
        assert!(!shown.contains('\u{1b}') && !shown.contains('\u{7}'), "{format}: {shown:?}");
        assert!(shown.contains(r"Fees rise.\x1b]0;PWNED\x07\x1b[2J"), "{format}: {shown}");
    }
    let plain = bare(&wd, &["--db", wd.db.to_str().unwrap(), "query"]).output().unwrap();
    assert!(!plain.stdout.contains(&0x1b), "a plain table escapes them too");
    assert_eq!(wd.query_json(&[])[0]["content"], serde_json::json!(hostile), "JSON keeps them, escaped as JSON");
    let csv = wd.stdout(&["query", "--format", "csv"]);
    assert!(csv.contains(hostile), "CSV keeps them as they are");
}

#[test]
fn completions_and_man_pages_come_from_the_command_line_itself() {
    let wd = Workdir::new();
    for (shell, marker) in [("bash", "_claimdb()"), ("zsh", "#compdef claimdb"), ("fish", "complete -c claimdb")] {
        let script = wd.stdout(&["completions", shell]);
        assert!(script.contains(marker), "{shell}: {script}");
        for command in ["ingest", "query", "report", "completions"] {
            assert!(script.contains(command), "{shell} completes {command}");
        }
        assert!(script.contains("since"), "{shell} completes query's flags");
    }
    assert!(wd.usage_error(&["completions", "tcsh"]).contains("invalid value 'tcsh'"));
    let page = wd.stdout(&["man"]);
    assert!(page.contains(".TH claimdb 1"), "{page}");
    assert!(page.contains(".SH SUBCOMMANDS") && page.contains("claimdb\\-query(1)"), "{page}");
    let query = wd.stdout(&["man", "query"]);
    assert!(query.contains(".TH claimdb-query 1") && query.contains("\\-\\-since"), "{query}");
    assert!(wd.usage_error(&["man", "frobnicate"]).contains("no command named 'frobnicate'"));
}

#[test]
fn show_prints_one_statement_in_every_format() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    let detail = wd.stdout(&["show", "1"]);
    assert!(detail.contains("         speaker: Ada Park\n"), "{detail}");
    let json: serde_json::Value = serde_json::from_str(&wd.stdout(&["show", "1", "--format", "json"])).unwrap();
    assert_eq!(json[0]["speaker"], serde_json::json!("Ada Park"));
    assert_eq!(json[0]["sentence"], serde_json::json!(""), "a claim added by hand has no document");
    let csv = wd.stdout(&["show", "1", "--format", "csv"]);
    assert!(csv.starts_with("id,doc,title,date,") && csv.lines().count() == 2, "{csv}");
    let markdown = wd.stdout(&["show", "1", "--format", "markdown"]);
    assert!(markdown.contains("| Ada Park |"), "{markdown}");
}

#[test]
fn csv_round_trips_exactly_unless_excel_safety_is_asked_for() {
    let wd = Workdir::new();
    let formula = "=HYPERLINK(\"http://x.example\",\"click\")";
    wd.add(&["--speaker", "@ada", "--text", formula, "--cue=-said"]);
    wd.add(&["--speaker", "Ben Ortiz", "--text", "+3 percent, he said \u{1b}[2J"]);
    let csv = wd.stdout(&["export", "--format", "csv"]);
    assert!(csv.contains("\"=HYPERLINK(\"\"http://x.example\"\",\"\"click\"\")\""), "{csv}");
    assert!(csv.contains(",@ada,@ada,") && csv.contains(",-said,"), "{csv}");

    let copy = Workdir::new();
    copy.write("all.csv", &csv);
    copy.stdout(&["import", "all.csv"]);
    let (original, imported) = (wd.query_json(&[]), copy.query_json(&[]));
    for field in ["speaker", "cue", "content"] {
        assert_eq!(common::column(&imported, field), common::column(&original, field), "{field}");
    }

    let safe = wd.stdout(&["--excel-safe", "query", "--format", "csv"]);
    assert!(safe.contains("\"'=HYPERLINK("), "{safe}");
    assert!(safe.contains(",'@ada,'@ada,") && safe.contains(",'-said,"), "{safe}");
    assert!(safe.contains(",\"'+3 percent, he said \u{1b}[2J\","), "CSV keeps control characters: {safe}");
    let report = wd.stdout(&["speakers", "--format", "csv", "--excel-safe"]);
    assert!(report.contains(",'@ada,"), "every CSV listing: {report}");
}

#[test]
fn empty_speaker_and_topic_lists_say_so() {
    let wd = Workdir::new();
    wd.stdout(&["init"]);
    for (args, message) in [(&["speakers"][..], "claimdb: no speakers yet\n"), (&["topics", "list"], "claimdb: no topics yet\n")] {
        let output = wd.cmd(args).output().unwrap();
        assert!(output.status.success(), "{args:?}");
        assert_eq!(String::from_utf8(output.stderr).unwrap(), message);
    }
}
