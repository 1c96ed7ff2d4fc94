mod common;

use common::Workdir;
use serde_json::{json, Value};
use std::path::Path;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn fixture(name: &str) -> String {
    Path::new(FIXTURES).join(name).display().to_string()
}

/// The statements of both sample articles (written by hand: what extraction
/// should find), tagged with the topics of tests/fixtures/topics.txt.
fn both_samples() -> Workdir {
    let wd = Workdir::new();
    wd.stdout(&["import", &fixture("zelensky-washington.jsonl")]);
    wd.stdout(&["import", &fixture("zelensky-followup.jsonl")]);
    wd.stdout(&["topics", "load", &fixture("topics.txt")]);
    wd.stdout(&["topics", "apply"]);
    wd
}

fn json_rows(wd: &Workdir, args: &[&str]) -> Vec<Value> {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&wd.stdout(&all)).expect("a JSON array")
}

fn pick(rows: &[Value], fields: &[&str]) -> Vec<Vec<Value>> {
    rows.iter().map(|row| fields.iter().map(|f| row[*f].clone()).collect()).collect()
}

#[test]
fn shifts_after_both_samples_are_exactly_the_three_changes() {
    let wd = both_samples();
    let shifts = json_rows(&wd, &["report", "shifts"]);
    let fields = ["speaker", "topic", "from_stance", "from_date", "to_stance", "to_date", "to_doc"];
    let followup = "samples/zelensky-followup.txt";
    assert_eq!(
        pick(&shifts, &fields),
        vec![
            vec![json!("Donald Trump"), json!("ceasefire"), json!("support"), json!("2025-08-18"), json!("oppose"), json!("2025-08-22"), json!(followup)],
            vec![json!("Marco Rubio"), json!("coercion"), json!("oppose"), json!("2025-08-18"), json!("support"), json!("2025-08-22"), json!(followup)],
            vec![json!("Volodymyr Zelensky"), json!("territory"), json!("oppose"), json!("2025-08-18"), json!("support"), json!("2025-08-22"), json!(followup)],
        ]
    );
    assert_eq!(shifts[0]["from_content"], json!("a ceasefire"));
    assert_eq!(shifts[0]["from_doc"], json!("samples/zelensky-washington.txt"));
}

#[test]
fn shifts_after_the_first_article_alone_are_none() {
    let wd = Workdir::new();
    wd.stdout(&["import", &fixture("zelensky-washington.jsonl")]);
    wd.stdout(&["topics", "load", &fixture("topics.txt")]);
    wd.stdout(&["topics", "apply"]);
    assert!(json_rows(&wd, &["report", "shifts"]).is_empty());
}

#[test]
fn shifts_filter_by_speaker() {
    let wd = both_samples();
    let shifts = json_rows(&wd, &["report", "shifts", "--speaker", "rubio"]);
    assert_eq!(pick(&shifts, &["speaker", "topic"]), vec![vec![json!("Marco Rubio"), json!("coercion")]]);
}

#[test]
fn stance_gives_each_speakers_latest_stance_with_counts_and_dates() {
    let wd = both_samples();
    let cells = json_rows(&wd, &["report", "stance", "--speaker", "trump"]);
    let fields = ["topic", "stance", "statements", "support", "oppose", "first_date", "last_date"];
    assert_eq!(
        pick(&cells, &fields),
        vec![
            vec![json!("ceasefire"), json!("oppose"), json!(2), json!(1), json!(1), json!("2025-08-18"), json!("2025-08-22")],
            vec![json!("peace agreement"), json!("support"), json!(2), json!(2), json!(0), json!("2025-08-18"), json!("2025-08-22")],
            vec![json!("progress"), json!("support"), json!(1), json!(1), json!(0), json!("2025-08-18"), json!("2025-08-18")],
        ]
    );
}

#[test]
fn stance_markdown_is_a_speaker_by_topic_matrix() {
    let wd = both_samples();
    let markdown = wd.stdout(&["report", "stance", "--topic", "security", "--format", "markdown"]);
    insta::assert_snapshot!("stance_markdown", markdown);
}

#[test]
fn stance_table_snapshot() {
    let wd = both_samples();
    insta::assert_snapshot!("stance_table", wd.stdout(&["report", "stance", "--speaker", "rubio"]));
}

#[test]
fn stance_csv_has_one_row_per_speaker_and_topic() {
    let wd = both_samples();
    let csv = wd.stdout(&["report", "stance", "--speaker", "peskov", "--format", "csv"]);
    assert_eq!(
        csv,
        "speaker,topic,stance,hedged,statements,support,oppose,neutral,first_date,last_date,latest_id,latest_content\n\
         Dmitry Peskov,security guarantees,oppose,false,1,0,1,0,2025-08-22,2025-08-22,16,any security guarantee that would bring European troops to Ukraine\n"
    );
}

#[test]
fn timeline_lists_one_speakers_stances_by_date_with_cue_and_source() {
    let wd = both_samples();
    let rows = json_rows(&wd, &["report", "timeline", "--speaker", "zelensky", "--topic", "territory"]);
    assert_eq!(
        pick(&rows, &["date", "stance", "hedged", "cue", "doc"]),
        vec![
            vec![json!("2025-08-18"), json!("oppose"), json!(false), json!("emphasizing"), json!("samples/zelensky-washington.txt")],
            vec![json!("2025-08-22"), json!("support"), json!(true), json!("said that"), json!("samples/zelensky-followup.txt")],
            vec![json!("2025-08-22"), json!("neutral"), json!(false), json!("said"), json!("samples/zelensky-followup.txt")],
        ]
    );
}

#[test]
fn timeline_needs_a_speaker() {
    let wd = both_samples();
    let output = wd.cmd(&["report", "timeline"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--speaker"));
}

#[test]
fn timeline_jsonl_is_one_object_a_line() {
    let wd = both_samples();
    let text = wd.stdout(&["report", "timeline", "--speaker", "macron", "--format", "jsonl"]);
    let lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["topic"], json!("security guarantees"));
    assert_eq!(lines[0]["cue"], json!("urged"));
}

#[test]
fn disagreements_pair_current_supporters_and_opponents_of_a_topic() {
    let wd = both_samples();
    let rows = json_rows(&wd, &["report", "disagreements"]);
    assert_eq!(
        pick(&rows, &["topic", "supporter", "opponent"]),
        vec![
            vec![json!("coercion"), json!("Marco Rubio"), json!("Diplomatic sources")],
            vec![json!("security guarantees"), json!("Emmanuel Macron"), json!("Dmitry Peskov")],
            vec![json!("security guarantees"), json!("U.S. envoy"), json!("Dmitry Peskov")],
        ]
    );
}

#[test]
fn disagreements_stop_at_the_limit() {
    let wd = both_samples();
    let rows = json_rows(&wd, &["report", "disagreements", "--limit", "1"]);
    assert_eq!(pick(&rows, &["topic", "supporter"]), vec![vec![json!("coercion"), json!("Marco Rubio")]]);
}

#[test]
fn disagreements_say_when_the_limit_cut_the_list_and_zero_lifts_it() {
    let wd = both_samples();
    let cut = wd.cmd(&["report", "disagreements", "--limit", "2", "--format", "jsonl"]).assert().success();
    let cut = cut.get_output();
    assert_eq!(String::from_utf8_lossy(&cut.stdout).lines().count(), 2);
    assert!(String::from_utf8_lossy(&cut.stderr).contains("showed the first 2 pairs"));

    let all = wd.cmd(&["report", "disagreements", "--limit", "0", "--format", "jsonl"]).assert().success();
    let all = all.get_output();
    assert_eq!(String::from_utf8_lossy(&all.stdout).lines().count(), 3);
    assert!(all.stderr.is_empty(), "no note when nothing was cut");
}

#[test]
fn shifts_table_snapshot() {
    let wd = both_samples();
    insta::assert_snapshot!("shifts_table", wd.stdout(&["report", "shifts", "--topic", "ceasefire"]));
}

#[test]
fn reports_of_an_empty_database_are_empty() {
    let wd = Workdir::new();
    wd.stdout(&["init"]);
    assert_eq!(wd.stdout(&["report", "shifts", "--format", "jsonl"]), "");
    assert_eq!(wd.stdout(&["report", "stance", "--format", "csv"]).lines().count(), 1);
}

#[test]
fn reports_need_an_existing_database() {
    let wd = Workdir::new();
    let err = wd.error(&["report", "stance"]);
    assert!(err.contains("no such database (create it with `claimdb init`)"), "{err}");
}

#[test]
fn html_is_one_self_contained_page_with_matrix_and_timelines() {
    let wd = both_samples();
    let output = wd.cmd(&["report", "html", "--output", "out.html"]).output().unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("out.html (17 statements, 3 shifts)"));
    let page = std::fs::read_to_string(wd.path("out.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert_eq!(page.matches("<svg").count(), 8, "one timeline per speaker");
    assert!(page.contains("<table class=\"matrix\">"));
    assert!(page.contains("<td class=\"oppose\""), "coloured cells");
    for outside in ["<script", "<link", "http:", "https:", "@import", "url("] {
        let allowed = outside == "http:" && page.matches(outside).count() == page.matches("xmlns=\"http:").count();
        assert!(allowed || !page.contains(outside), "the page must fetch nothing: {outside}");
    }
    assert!(!wd.path("out.html.partial").exists());
}

#[test]
fn html_escapes_text_from_the_database() {
    let wd = Workdir::new();
    wd.add(&["--speaker", "<b>Ann</b>", "--text", "5 < 6 & \"quotes\"", "--topic", "<i>tax</i>", "--stance", "support", "--date", "2025-01-01"]);
    wd.stdout(&["report", "html", "--output", "r.html"]);
    let page = std::fs::read_to_string(wd.path("r.html")).unwrap();
    assert!(!page.contains("<b>Ann</b>") && !page.contains("<i>tax</i>"));
    assert!(page.contains("&lt;b&gt;Ann&lt;/b&gt;"));
    assert!(page.contains("5 &lt; 6 &amp; &quot;quotes&quot;"));
}

#[test]
fn html_into_a_missing_folder_is_an_error_that_names_it() {
    let wd = both_samples();
    let err = wd.error(&["report", "html", "--output", "no/such/dir/r.html"]);
    assert!(err.starts_with("claimdb: no/such/dir/r.html: No such file or directory"), "{err}");
}

/// Ingest both sample articles and find exactly the three changes of
/// position they hold.
#[test]
fn shifts_after_ingesting_both_sample_articles() {
    let wd = Workdir::new();
    wd.stdout(&["topics", "load", &fixture("topics.txt")]);
    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
    let output = wd.cmd(&["ingest", samples]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let shifts = json_rows(&wd, &["report", "shifts"]);
    assert_eq!(
        pick(&shifts, &["speaker", "topic", "from_stance", "from_date", "to_stance", "to_date"]),
        vec![
            vec![json!("Donald Trump"), json!("ceasefire"), json!("support"), json!("2025-08-18"), json!("oppose"), json!("2025-08-22")],
            vec![json!("Marco Rubio"), json!("coercion"), json!("oppose"), json!("2025-08-18"), json!("support"), json!("2025-08-22")],
            vec![json!("Volodymyr Zelensky"), json!("territory"), json!("oppose"), json!("2025-08-18"), json!("support"), json!("2025-08-22")],
        ]
    );
}
