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
    let shifts = json_rows(&wd, &["report", "shifts", "--min-statements", "1"]);
    let fields = ["speaker", "topic", "from_stance", "from_date", "to_stance", "to_date", "to_doc"];
    let followup = "samples/zelensky-followup.txt";
    assert_eq!(
        pick(&shifts, &fields),
        vec![
            vec![json!("Volodymyr Zelensky"), json!("territory"), json!("oppose"), json!("2025-08-18"), json!("support"), json!("2025-08-22"), json!(followup)],
            vec![json!("Donald Trump"), json!("ceasefire"), json!("support"), json!("2025-08-18"), json!("oppose"), json!("2025-08-22"), json!(followup)],
            vec![json!("Marco Rubio"), json!("coercion"), json!("oppose"), json!("2025-08-18"), json!("support"), json!("2025-08-22"), json!(followup)],
        ]
    );
    assert_eq!(pick(&shifts, &["statements_before", "statements_after"]), vec![vec![json!(1), json!(1)]; 3]);
    assert_eq!(shifts[1]["from_content"], json!("a ceasefire"));
    assert_eq!(shifts[1]["from_doc"], json!("samples/zelensky-washington.txt"));
}

#[test]
fn shifts_after_the_first_article_alone_are_none() {
    let wd = Workdir::new();
    wd.stdout(&["import", &fixture("zelensky-washington.jsonl")]);
    wd.stdout(&["topics", "load", &fixture("topics.txt")]);
    wd.stdout(&["topics", "apply"]);
    assert!(json_rows(&wd, &["report", "shifts", "--min-statements", "1"]).is_empty());
}

#[test]
fn shifts_filter_by_speaker() {
    let wd = both_samples();
    let shifts = json_rows(&wd, &["report", "shifts", "--speaker", "rubio", "--min-statements", "1"]);
    assert_eq!(pick(&shifts, &["speaker", "topic"]), vec![vec![json!("Marco Rubio"), json!("coercion")]]);
}

#[test]
fn stance_gives_the_stance_most_statements_take_with_counts_and_dates() {
    let wd = both_samples();
    let cells = json_rows(&wd, &["report", "stance", "--speaker", "trump"]);
    let fields = ["topic", "stance", "statements", "support", "oppose", "first_date", "last_date"];
    assert_eq!(
        pick(&cells, &fields),
        vec![
            vec![json!("ceasefire"), json!("mixed"), json!(2), json!(1), json!(1), json!("2025-08-18"), json!("2025-08-22")],
            vec![json!("peace agreement"), json!("support"), json!(2), json!(2), json!(0), json!("2025-08-18"), json!("2025-08-22")],
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
        "speaker,topic,stance,statements,support,oppose,neutral,uncertain_support,uncertain_oppose,hedged,first_date,last_date,latest_id,latest_stance,latest_content\n\
         Dmitry Peskov,security guarantees,oppose,1,0,1,0,0,0,0,2025-08-22,2025-08-22,16,oppose,any security guarantee that would bring European troops to Ukraine\n"
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
            vec![json!("security guarantees"), json!("U.S. envoy"), json!("Dmitry Peskov")],
            vec![json!("security guarantees"), json!("Emmanuel Macron"), json!("Dmitry Peskov")],
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
    assert!(String::from_utf8_lossy(&cut.stderr).contains("showed the first 2 rows"));

    let all = wd.cmd(&["report", "disagreements", "--limit", "0", "--format", "jsonl"]).assert().success();
    let all = all.get_output();
    assert_eq!(String::from_utf8_lossy(&all.stdout).lines().count(), 3);
    assert!(all.stderr.is_empty(), "no note when nothing was cut");
}

#[test]
fn shifts_table_snapshot() {
    let wd = both_samples();
    insta::assert_snapshot!("shifts_table", wd.stdout(&["report", "shifts", "--topic", "ceasefire", "--min-statements", "1"]));
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
    let output = wd.cmd(&["report", "html", "--output", "out.html", "--min-statements", "1"]).output().unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("out.html (8 speakers by 6 topics, 15 statements; 3 shifts)"));
    let page = std::fs::read_to_string(wd.path("out.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert_eq!(page.matches("<svg").count(), 8, "one timeline per speaker");
    assert_eq!(page.matches("<details class=\"speaker\"").count(), 8, "one folded section per speaker");
    assert!(page.contains("<table class=\"matrix\">"));
    assert!(page.contains("<td class=\"oppose\""), "coloured cells");
    assert_eq!(page.matches("<script>").count(), 1, "one inline script, fetching nothing");
    for outside in ["<script src", "<link", "http:", "https:", "@import", "url(", "fetch(", "src="] {
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
    assert!(!err.contains(".partial"), "the error names the file asked for: {err}");
}

/// Ingest both sample articles and find exactly the three changes of
/// position they hold. Every stance counts here (--min-confidence 0): what
/// is tested is that extraction and tracking together find the changes,
/// not how sure extraction is of each stance.
#[test]
fn shifts_after_ingesting_both_sample_articles() {
    let wd = Workdir::new();
    wd.stdout(&["topics", "load", &fixture("topics.txt")]);
    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
    let output = wd.cmd(&["ingest", samples]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let mut shifts = pick(
        &json_rows(&wd, &["report", "shifts", "--min-confidence", "0", "--min-statements", "1"]),
        &["speaker", "topic", "from_stance", "from_date", "to_stance", "to_date"],
    );
    shifts.sort_by_key(|row| row[0].to_string());
    assert_eq!(
        shifts,
        vec![
            vec![json!("Donald Trump"), json!("ceasefire"), json!("support"), json!("2025-08-18"), json!("oppose"), json!("2025-08-22")],
            vec![json!("Marco Rubio"), json!("coercion"), json!("oppose"), json!("2025-08-18"), json!("support"), json!("2025-08-22")],
            vec![json!("Volodymyr Zelensky"), json!("territory"), json!("oppose"), json!("2025-08-18"), json!("support"), json!("2025-08-22")],
        ]
    );
}

/// A database of statements written here: (speaker, topic, stance, date,
/// confidence, document), each a line of export's JSONL.
fn statements(rows: &[(&str, &str, &str, &str, f64, &str)]) -> Workdir {
    let wd = Workdir::new();
    let lines: Vec<String> = rows
        .iter()
        .enumerate()
        .map(|(i, (speaker, topic, stance, date, confidence, doc))| {
            json!({
                "doc": doc, "title": format!("Council news {doc}"), "date": date, "speaker": speaker, "cue": "said",
                "content": format!("remark {} by {speaker} on {topic}", i + 1), "kind": "indirect", "stance": stance,
                "topic": topic, "confidence": confidence,
            })
            .to_string()
        })
        .collect();
    wd.write("rows.jsonl", &(lines.join("\n") + "\n"));
    wd.stdout(&["import", &wd.path("rows.jsonl").display().to_string()]);
    wd
}

#[test]
fn stance_shows_the_most_quoted_speakers_by_the_most_discussed_topics() {
    let wd = statements(&[
        ("Ann Lee", "bridge tolls", "support", "2024-01-02", 0.9, "a"),
        ("Ann Lee", "bridge tolls", "support", "2024-01-03", 0.9, "b"),
        ("Ann Lee", "school meals", "oppose", "2024-01-04", 0.9, "c"),
        ("Bo Park", "bridge tolls", "oppose", "2024-01-05", 0.9, "d"),
        ("Bo Park", "bridge tolls", "oppose", "2024-01-06", 0.9, "e"),
        ("Bo Park", "bridge tolls", "neutral", "2024-01-07", 0.9, "f"),
        ("Bo Park", "school meals", "support", "2024-01-08", 0.9, "g"),
        ("Cy Ross", "park benches", "support", "2024-01-08", 0.9, "h"),
    ]);
    let cells = json_rows(&wd, &["report", "stance", "--speakers", "2", "--topics", "1"]);
    assert_eq!(
        pick(&cells, &["speaker", "topic", "stance", "support", "oppose", "neutral"]),
        vec![
            vec![json!("Bo Park"), json!("bridge tolls"), json!("oppose"), json!(0), json!(2), json!(1)],
            vec![json!("Ann Lee"), json!("bridge tolls"), json!("support"), json!(2), json!(0), json!(0)],
        ]
    );
    let all = json_rows(&wd, &["report", "stance", "--speakers", "0", "--topics", "0"]);
    assert_eq!(all.len(), 5);
}

#[test]
fn a_cell_takes_the_side_taken_however_many_statements_take_none() {
    let wd = statements(&[
        ("Ann Lee", "bridge tolls", "oppose", "2024-01-02", 0.9, "a"),
        ("Ann Lee", "bridge tolls", "neutral", "2024-01-03", 0.9, "b"),
        ("Ann Lee", "bridge tolls", "neutral", "2024-01-04", 0.9, "c"),
        ("Ann Lee", "bridge tolls", "neutral", "2024-01-05", 0.9, "d"),
        ("Bo Park", "bridge tolls", "neutral", "2024-01-06", 0.9, "e"),
    ]);
    let cells = json_rows(&wd, &["report", "stance"]);
    assert_eq!(
        pick(&cells, &["speaker", "stance", "oppose", "neutral"]),
        vec![vec![json!("Ann Lee"), json!("oppose"), json!(1), json!(3)], vec![json!("Bo Park"), json!("neutral"), json!(0), json!(1)]]
    );
}

#[test]
fn a_speaker_quoted_only_on_other_topics_takes_no_row_of_the_page() {
    let wd = statements(&[
        ("Bo Park", "bridge tolls", "oppose", "2024-01-02", 0.9, "a"),
        ("Bo Park", "bridge tolls", "oppose", "2024-01-03", 0.9, "b"),
        ("Bo Park", "bridge tolls", "support", "2024-01-04", 0.9, "c"),
        ("Bo Park", "school meals", "support", "2024-01-05", 0.9, "d"),
        ("Ann Lee", "bridge tolls", "support", "2024-01-06", 0.9, "e"),
        ("Ann Lee", "bridge tolls", "support", "2024-01-07", 0.9, "f"),
        ("Ann Lee", "school meals", "oppose", "2024-01-08", 0.9, "g"),
        ("Dee Fox", "harbour fees", "oppose", "2024-01-09", 0.9, "h"),
        ("Dee Fox", "harbour fees", "oppose", "2024-01-10", 0.9, "i"),
        ("Dee Fox", "harbour fees", "oppose", "2024-01-11", 0.9, "j"),
        ("Cy Ross", "bridge tolls", "support", "2024-01-12", 0.9, "k"),
    ]);
    let page = wd.path("page.html").display().to_string();
    wd.stdout(&["report", "html", "--speakers", "3", "--topics", "1", "-o", &page]);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("Cy Ross"), "the next speaker on the shown topic takes the row");
    assert!(!html.contains("Dee Fox"), "no row is left empty for a speaker of other topics");
}

#[test]
fn what_speakers_say_about_themselves_takes_no_column_of_the_page() {
    let wd = statements(&[
        ("Bo Park", "Bo Park", "support", "2024-01-02", 0.9, "a"),
        ("Bo Park", "Bo Park", "support", "2024-01-03", 0.9, "b"),
        ("Bo Park", "Bo Park", "oppose", "2024-01-04", 0.9, "c"),
        ("Bo Park", "school meals", "support", "2024-01-05", 0.9, "d"),
        ("Ann Lee", "school meals", "oppose", "2024-01-06", 0.9, "e"),
    ]);
    let page = wd.path("page.html").display().to_string();
    wd.stdout(&["report", "html", "--speakers", "2", "--topics", "1", "-o", &page]);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("school meals"), "the one column is the topic the two discuss");
    let cells = json_rows(&wd, &["report", "stance", "--speakers", "2", "--topics", "1"]);
    assert_eq!(pick(&cells, &["topic"]), vec![vec![json!("school meals")], vec![json!("school meals")]]);
}

#[test]
fn reports_leave_out_unresolved_speakers_and_generic_topics() {
    let wd = statements(&[
        ("they", "bridge tolls", "support", "2024-01-02", 0.9, "a"),
        ("they", "bridge tolls", "oppose", "2024-02-02", 0.9, "b"),
        ("Ann Lee", "percent", "support", "2024-01-02", 0.9, "c"),
        ("Ann Lee", "percent", "oppose", "2024-02-02", 0.9, "d"),
        ("Ann Lee", "bridge tolls", "oppose", "2024-02-02", 0.9, "d"),
        ("(unresolved)", "bridge tolls", "support", "2024-01-02", 0.9, "e"),
        ("(unresolved)", "bridge tolls", "oppose", "2024-02-03", 0.9, "f"),
        // A stance on oneself is a misread sentence.
        ("Bo Park", "Park", "support", "2024-01-02", 0.9, "g"),
        ("Bo Park", "Park", "oppose", "2024-02-02", 0.9, "h"),
    ]);
    let cells = json_rows(&wd, &["report", "stance"]);
    assert_eq!(pick(&cells, &["speaker", "topic"]), vec![vec![json!("Ann Lee"), json!("bridge tolls")]]);
    assert!(json_rows(&wd, &["report", "shifts", "--min-statements", "1"]).is_empty());
    assert!(json_rows(&wd, &["report", "disagreements"]).is_empty(), "'they' is no one to disagree with");
    let timeline = json_rows(&wd, &["report", "timeline", "--speaker", "ann lee"]);
    assert_eq!(pick(&timeline, &["topic"]), vec![vec![json!("bridge tolls")]], "no generic topic in a timeline");
}

#[test]
fn shifts_count_only_confident_statements() {
    let wd = statements(&[
        ("Ann Lee", "bridge tolls", "support", "2024-01-02", 0.95, "a"),
        ("Ann Lee", "bridge tolls", "oppose", "2024-03-02", 0.6, "b"),
    ]);
    assert!(json_rows(&wd, &["report", "shifts", "--min-statements", "1"]).is_empty(), "0.6 is below the default 0.8");
    let found = json_rows(&wd, &["report", "shifts", "--min-confidence", "0.5", "--min-statements", "1"]);
    assert_eq!(pick(&found, &["from_stance", "to_stance", "to_confidence"]), vec![vec![json!("support"), json!("oppose"), json!(0.6)]]);
}

#[test]
fn opposite_statements_of_one_day_are_no_shift() {
    let wd = statements(&[
        ("Ann Lee", "bridge tolls", "support", "2024-01-02", 0.9, "a"),
        ("Ann Lee", "bridge tolls", "oppose", "2024-01-02", 0.9, "a"),
    ]);
    assert!(json_rows(&wd, &["report", "shifts", "--min-statements", "1"]).is_empty());
}

#[test]
fn shifts_with_more_statements_on_both_sides_come_first_with_their_sources() {
    let wd = statements(&[
        ("Ann Lee", "bridge tolls", "support", "2024-01-02", 0.9, "a"),
        ("Ann Lee", "bridge tolls", "oppose", "2024-05-02", 0.9, "b"),
        ("Bo Park", "school meals", "oppose", "2024-01-02", 0.9, "c"),
        ("Bo Park", "school meals", "oppose", "2024-01-09", 0.9, "d"),
        ("Bo Park", "school meals", "support", "2024-02-02", 0.9, "e"),
        ("Bo Park", "school meals", "support", "2024-02-03", 0.9, "f"),
    ]);
    let found = json_rows(&wd, &["report", "shifts", "--min-statements", "1"]);
    assert_eq!(
        pick(&found, &["speaker", "statements_before", "statements_after", "from_date", "to_date", "from_doc", "to_title"]),
        vec![
            vec![json!("Bo Park"), json!(2), json!(2), json!("2024-01-09"), json!("2024-02-02"), json!("d"), json!("Council news e")],
            vec![json!("Ann Lee"), json!(1), json!(1), json!("2024-01-02"), json!("2024-05-02"), json!("a"), json!("Council news b")],
        ]
    );
    let first = json_rows(&wd, &["report", "shifts", "--limit", "1", "--min-statements", "1"]);
    assert_eq!(pick(&first, &["speaker"]), vec![vec![json!("Bo Park")]]);
}

#[test]
fn a_shift_needs_two_statements_on_one_side_unless_told() {
    let wd = statements(&[
        ("Ann Lee", "bridge tolls", "support", "2024-01-02", 0.9, "a"),
        ("Ann Lee", "bridge tolls", "oppose", "2024-05-02", 0.9, "b"),
        ("Bo Park", "school meals", "oppose", "2024-01-02", 0.9, "c"),
        ("Bo Park", "school meals", "oppose", "2024-01-09", 0.9, "d"),
        ("Bo Park", "school meals", "support", "2024-02-02", 0.9, "e"),
    ]);
    let output = wd.cmd(&["report", "shifts", "--format", "json"]).output().unwrap();
    let found: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(pick(&found, &["speaker", "statements_before", "statements_after"]), vec![vec![json!("Bo Park"), json!(2), json!(1)]]);
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("1 more shift stands on fewer than 2 statements a side; --min-statements 1 lists it"), "{err}");
    assert_eq!(json_rows(&wd, &["report", "shifts", "--min-statements", "3"]), Vec::<Value>::new());
    let output = wd.cmd(&["report", "shifts", "--min-statements", "0"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "a usage mistake");
}

#[test]
fn disagreements_are_one_row_per_supporter_and_opponent_with_their_strongest_statements() {
    let wd = statements(&[
        ("Ann Lee", "bridge tolls", "support", "2024-01-02", 0.85, "a"),
        ("Ann Lee", "bridge tolls", "support", "2024-01-03", 0.97, "b"),
        ("Ann Lee", "bridge tolls", "support", "2024-01-04", 0.9, "c"),
        ("Bo Park", "bridge tolls", "oppose", "2024-01-05", 0.9, "d"),
        ("Bo Park", "bridge tolls", "oppose", "2024-01-06", 0.9, "e"),
    ]);
    let rows = json_rows(&wd, &["report", "disagreements"]);
    assert_eq!(
        pick(&rows, &["topic", "supporter", "opponent", "supporter_statements", "opponent_statements", "supporter_doc", "opponent_doc"]),
        vec![vec![json!("bridge tolls"), json!("Ann Lee"), json!("Bo Park"), json!(3), json!(2), json!("b"), json!("e")]]
    );
}

#[test]
fn reports_filter_by_date() {
    let wd = statements(&[
        ("Ann Lee", "bridge tolls", "support", "2023-06-02", 0.9, "a"),
        ("Ann Lee", "bridge tolls", "oppose", "2024-01-03", 0.9, "b"),
    ]);
    let cells = json_rows(&wd, &["report", "stance", "--since", "2024-01-01"]);
    assert_eq!(pick(&cells, &["stance", "statements"]), vec![vec![json!("oppose"), json!(1)]]);
    assert!(json_rows(&wd, &["report", "shifts", "--until", "2023-12-31", "--min-statements", "1"]).is_empty());
    assert_eq!(json_rows(&wd, &["report", "shifts", "--min-statements", "1"]).len(), 1);
    let output = wd.cmd(&["report", "stance", "--since", "last week"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "a usage mistake");
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("--since") && err.contains("last week"), "{err}");
}

#[test]
fn a_speaker_or_topic_that_matches_nothing_is_said_on_stderr_with_an_empty_result() {
    let wd = both_samples();
    for report in ["stance", "shifts", "disagreements"] {
        let output = wd.cmd(&["report", report, "--speaker", "nobody at all", "--format", "jsonl"]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{report}");
        assert!(output.stdout.is_empty(), "{report}");
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(err.contains("no speaker with statements on a topic matches --speaker 'nobody at all'"), "{report}: {err}");
    }
    let output = wd.cmd(&["report", "html", "--topic", "volcanoes", "--output", "empty.html"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no topic with statements matches --topic 'volcanoes'"));
    let page = std::fs::read_to_string(wd.path("empty.html")).unwrap();
    assert!(page.contains("No statement to show") && !page.contains("<table"));
}

#[test]
fn html_that_cannot_be_written_leaves_no_file_behind() {
    let wd = both_samples();
    std::fs::create_dir(wd.path("taken")).unwrap();
    let output = wd.cmd(&["report", "html", "--output", "taken"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("taken"));
    let left: Vec<_> = std::fs::read_dir(wd.path(".")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(!left.iter().any(|name| name.to_string_lossy().contains("partial")), "{left:?}");
}

#[test]
fn html_matrix_links_each_cell_to_its_statements_in_a_folded_section() {
    let wd = statements(&[
        ("Ann Lee", "bridge tolls", "support", "2024-01-02", 0.9, "a"),
        ("Ann Lee", "bridge tolls", "support", "2024-01-05", 0.9, "b"),
        ("Bo Park", "bridge tolls", "oppose", "2024-01-03", 0.9, "c"),
    ]);
    wd.stdout(&["report", "html", "--output", "r.html"]);
    let page = std::fs::read_to_string(wd.path("r.html")).unwrap();
    let ann = page.find("<a href=\"#s0\">Ann Lee</a>").expect("the most-quoted speaker's row");
    let bo = page.find("<a href=\"#s1\">Bo Park</a>").expect("the second row");
    assert!(ann < bo);
    assert!(page.contains("<a href=\"#s0t0\"><b>for</b>2/0/0</a>"), "a cell links to its statements");
    assert!(page.contains("<details class=\"speaker\" id=\"s0\">"));
    assert!(page.contains("<h3 id=\"s0t0\">bridge tolls: for, 2 statements: 2 support</h3>"));
    assert!(page.contains("remark 2 by Ann Lee on bridge tolls"));
}

#[test]
fn html_timelines_clip_a_stray_date_to_the_edge_and_say_so() {
    let mut rows: Vec<(String, &str)> = (1..=28).map(|day| (format!("2024-02-{day:02}"), "a")).collect();
    rows.push(("2009-07-01".to_string(), "b"));
    let rows: Vec<(&str, &str, &str, &str, f64, &str)> =
        rows.iter().map(|(date, doc)| ("Ann Lee", "bridge tolls", "support", date.as_str(), 0.9, *doc)).collect();
    let wd = statements(&rows);
    wd.stdout(&["report", "html", "--output", "r.html"]);
    let page = std::fs::read_to_string(wd.path("r.html")).unwrap();
    assert!(page.contains("Timelines run from 2024-02-01 to 2024-02-28; 1 statement dated outside that range"), "axis note");
    assert_eq!(page.matches("class=\"outside\"").count(), 1);
}

#[test]
fn timeline_stops_at_its_limit_and_says_so() {
    let wd = statements(&[
        ("Ann Lee", "bridge tolls", "support", "2024-03-02", 0.9, "a"),
        ("Ann Lee", "school meals", "oppose", "2024-01-02", 0.9, "b"),
        ("Ann Lee", "bridge tolls", "oppose", "2024-02-02", 0.9, "c"),
    ]);
    let output = wd.cmd(&["report", "timeline", "--speaker", "ann", "--limit", "2", "--format", "json"]).output().unwrap();
    let rows: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(pick(&rows, &["date"]), vec![vec![json!("2024-01-02")], vec![json!("2024-02-02")]]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("showed the first 2 statements"));
}

#[test]
fn a_speaker_is_matched_by_whole_words_of_the_name_any_case_or_accent() {
    let wd = statements(&[
        ("Paul Ryan", "bridge tolls", "support", "2024-01-02", 0.9, "a"),
        ("Craig Bryan", "bridge tolls", "oppose", "2024-01-03", 0.9, "b"),
        ("José Núñez", "school meals", "oppose", "2024-01-04", 0.9, "c"),
    ]);
    for report in ["stance", "timeline"] {
        let rows = json_rows(&wd, &["report", report, "--speaker", "RYAN"]);
        assert_eq!(rows.iter().map(|r| r["speaker"].clone()).collect::<Vec<_>>(), vec![json!("Paul Ryan")], "{report}");
    }
    let rows = json_rows(&wd, &["report", "stance", "--speaker", "jose nunez"]);
    assert_eq!(pick(&rows, &["speaker"]), vec![vec![json!("José Núñez")]]);
    let output = wd.cmd(&["report", "stance", "--speaker", "rya"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no speaker with statements on a topic matches --speaker 'rya'"));
}

#[test]
fn a_speaker_is_chosen_by_id() {
    let wd = statements(&[
        ("Paul Ryan", "bridge tolls", "support", "2024-01-02", 0.9, "a"),
        ("Craig Bryan", "bridge tolls", "oppose", "2024-01-03", 0.9, "b"),
    ]);
    let speakers: Vec<Value> = serde_json::from_str(&wd.stdout(&["speakers", "--format", "json"])).unwrap();
    let bryan = speakers.iter().find(|s| s["name"] == json!("Craig Bryan")).expect("listed")["id"].to_string();
    for report in ["stance", "timeline", "disagreements"] {
        let output = wd.cmd(&["report", report, "--speaker-id", &bryan, "--format", "json"]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{report}");
        let rows: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
        let names: Vec<String> = rows.iter().map(|r| r.to_string()).collect();
        assert_eq!(rows.len(), 1, "{report}");
        assert!(names[0].contains("Craig Bryan"), "{report}: {names:?}");
        assert_eq!(names[0].contains("Paul Ryan"), report == "disagreements", "{report}: {names:?}");
    }
    let output = wd.cmd(&["report", "stance", "--speaker-id", "999"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no speaker with statements on a topic has --speaker-id 999"));
}

#[test]
fn a_speakers_disagreements_are_with_everyone_on_their_topics() {
    let wd = statements(&[
        ("Ann Lee", "bridge tolls", "support", "2024-01-02", 0.9, "a"),
        ("Bo Park", "bridge tolls", "oppose", "2024-01-03", 0.9, "b"),
        ("Cy Ross", "bridge tolls", "oppose", "2024-01-04", 0.9, "c"),
        ("Bo Park", "school meals", "support", "2024-01-05", 0.9, "d"),
        ("Cy Ross", "school meals", "oppose", "2024-01-06", 0.9, "e"),
    ]);
    let rows = json_rows(&wd, &["report", "disagreements", "--speaker", "park"]);
    let mut pairs = pick(&rows, &["topic", "supporter", "opponent"]);
    pairs.sort_by_key(|row| row.iter().map(Value::to_string).collect::<Vec<_>>());
    assert_eq!(
        pairs,
        vec![
            vec![json!("bridge tolls"), json!("Ann Lee"), json!("Bo Park")],
            vec![json!("school meals"), json!("Bo Park"), json!("Cy Ross")],
        ]
    );
}

#[test]
fn stances_under_the_confidence_threshold_are_uncertain_in_the_matrix_and_timeline() {
    let wd = statements(&[
        ("Ann Lee", "bridge tolls", "support", "2024-01-02", 0.6, "a"),
        ("Ann Lee", "bridge tolls", "support", "2024-01-03", 0.6, "b"),
        ("Ann Lee", "bridge tolls", "oppose", "2024-01-04", 0.9, "c"),
        ("Bo Park", "bridge tolls", "support", "2024-01-05", 0.6, "d"),
    ]);
    let cells = json_rows(&wd, &["report", "stance"]);
    let fields = ["speaker", "stance", "support", "oppose", "uncertain_support", "uncertain_oppose"];
    assert_eq!(
        pick(&cells, &fields),
        vec![
            vec![json!("Ann Lee"), json!("oppose"), json!(0), json!(1), json!(2), json!(0)],
            vec![json!("Bo Park"), json!("leans support"), json!(0), json!(0), json!(1), json!(0)],
        ]
    );
    let trusting = json_rows(&wd, &["report", "stance", "--min-confidence", "0.5"]);
    assert_eq!(pick(&trusting, &["stance", "support"]), vec![vec![json!("support"), json!(2)], vec![json!("support"), json!(1)]]);
    let timeline = wd.stdout(&["report", "timeline", "--speaker", "ann", "--format", "csv"]);
    assert!(timeline.contains(",0.6,"), "the machine formats keep the confidence: {timeline}");
    let table = wd.stdout(&["report", "timeline", "--speaker", "ann", "--format", "markdown"]);
    assert_eq!(table.matches("support, uncertain").count(), 2, "{table}");
    assert!(!table.contains("oppose, uncertain"), "{table}");
    wd.stdout(&["report", "html", "--output", "r.html"]);
    let page = std::fs::read_to_string(wd.path("r.html")).unwrap();
    assert!(page.contains("<td class=\"leans support\""), "a cell with only uncertain statements leans");
    assert!(page.contains("<b>against</b>0/1/0 +2?"), "uncertain statements are counted apart");
    assert_eq!(page.matches("opacity=\"0.35\"").count(), 3, "uncertain dots are faded");
}

/// Statements as extraction would store them (their topics proposed by
/// extraction): (speaker, topic, stance, date, content).
fn extracted(rows: &[(&str, &str, &str, &str, &str)]) -> Workdir {
    let wd = Workdir::new();
    let lines: Vec<String> = rows
        .iter()
        .enumerate()
        .map(|(i, (speaker, topic, stance, date, content))| {
            json!({
                "doc": format!("news/{i}.txt"), "date": date, "speaker": speaker, "cue": "said", "content": content,
                "kind": "indirect", "stance": stance, "topic": topic, "confidence": 0.9, "origin": "extracted",
            })
            .to_string()
        })
        .collect();
    wd.write("rows.jsonl", &(lines.join("\n") + "\n"));
    wd.stdout(&["import", &wd.path("rows.jsonl").display().to_string()]);
    wd
}

#[test]
fn a_shift_on_a_proposed_topic_needs_statements_aimed_at_it_about_their_own_time() {
    let wd = extracted(&[
        ("Ann Lee", "Harbor Plan", "support", "2024-01-02", "the Harbor Plan as the city's best hope"),
        ("Ann Lee", "Harbor Plan", "oppose", "2024-02-02", "the reporters for praising the Harbor Plan"),
        ("Ann Lee", "Harbor Plan", "oppose", "2024-03-02", "Harbor Plan in 2019, when it was first drawn"),
    ]);
    assert!(json_rows(&wd, &["report", "shifts", "--min-statements", "1"]).is_empty(), "one statement is about reporters, one about 2019");
    let wd = extracted(&[
        ("Ann Lee", "Harbor Plan", "support", "2024-01-02", "the Harbor Plan as the city's best hope"),
        ("Ann Lee", "Harbor Plan", "oppose", "2024-03-02", "the Harbor Plan for its cost"),
    ]);
    let found = json_rows(&wd, &["report", "shifts", "--min-statements", "1"]);
    assert_eq!(pick(&found, &["from_date", "to_date"]), vec![vec![json!("2024-01-02"), json!("2024-03-02")]]);
}

#[test]
fn a_surname_topic_borne_by_two_people_makes_no_shift() {
    let wd = extracted(&[
        ("Ann Lee", "Clinton", "support", "2024-01-02", "Bill Clinton against the charges"),
        ("Ann Lee", "Clinton", "oppose", "2024-03-02", "Hillary Clinton for her record"),
    ]);
    assert!(json_rows(&wd, &["report", "shifts", "--min-statements", "1"]).is_empty());
}

#[test]
fn a_disagreement_on_a_proposed_topic_stands_on_statements_aimed_at_it() {
    let wd = extracted(&[
        ("Ann Lee", "Harbor Plan", "support", "2024-01-02", "the Harbor Plan as the city's best hope"),
        ("Bo Park", "Harbor Plan", "oppose", "2024-01-03", "the reporters for praising the Harbor Plan"),
        ("Cy Ross", "Harbor Plan", "oppose", "2024-01-04", "the Harbor Plan for its cost"),
    ]);
    let rows = json_rows(&wd, &["report", "disagreements"]);
    assert_eq!(pick(&rows, &["supporter", "opponent"]), vec![vec![json!("Ann Lee"), json!("Cy Ross")]]);
}

#[test]
fn two_agreeing_statements_of_moderate_confidence_make_a_side_of_a_shift() {
    let agreeing = statements(&[
        ("Ann Lee", "bridge tolls", "oppose", "2024-01-02", 0.9, "a"),
        ("Ann Lee", "bridge tolls", "support", "2024-02-02", 0.7, "b"),
        ("Ann Lee", "bridge tolls", "support", "2024-03-02", 0.65, "c"),
    ]);
    let found = json_rows(&agreeing, &["report", "shifts"]);
    assert_eq!(pick(&found, &["statements_before", "statements_after", "from_doc", "to_doc"]), vec![vec![
        json!(1),
        json!(2),
        json!("a"),
        json!("b")
    ]]);
    let alone = statements(&[
        ("Ann Lee", "bridge tolls", "oppose", "2024-01-02", 0.9, "a"),
        ("Ann Lee", "bridge tolls", "support", "2024-02-02", 0.7, "b"),
    ]);
    assert!(json_rows(&alone, &["report", "shifts", "--min-statements", "1"]).is_empty());
}

#[test]
fn a_statement_reporting_an_earlier_act_is_a_shift_side_dated_then() {
    let wd = Workdir::new();
    let row = |doc: &str, date: &str, stance: &str, content: &str| {
        json!({
            "doc": doc, "title": format!("Council news {doc}"), "date": date, "speaker": "Ann Lee", "cue": "said",
            "content": content, "kind": "indirect", "stance": stance, "topic": "bridge tolls", "confidence": 0.9,
        })
        .to_string()
    };
    let lines = [
        row("a", "2024-03-02", "oppose", "the bridge tolls are a burden"),
        row("b", "2024-03-09", "oppose", "the bridge tolls must go"),
        row("c", "2024-08-20", "support", "backed the bridge tolls in early June"),
    ];
    wd.write("rows.jsonl", &(lines.join("\n") + "\n"));
    wd.stdout(&["import", &wd.path("rows.jsonl").display().to_string()]);
    let found = json_rows(&wd, &["report", "shifts"]);
    assert_eq!(pick(&found, &["to_date", "to_held_on", "from_held_on"]), vec![vec![
        json!("2024-08-20"),
        json!("2024-06-05"),
        json!("2024-03-09")
    ]]);
    let table = wd.stdout(&["report", "shifts", "--format", "markdown"]);
    assert!(table.contains("support, 2024-06-05 (reported 2024-08-20)"), "{table}");
}

#[test]
fn a_speaker_named_by_a_lower_case_description_takes_no_part_in_reports() {
    let wd = statements(&[
        ("local voters", "bridge tolls", "oppose", "2024-01-02", 0.9, "a"),
        ("local voters", "bridge tolls", "support", "2024-02-02", 0.9, "b"),
        ("Ann Lee", "bridge tolls", "support", "2024-02-02", 0.9, "c"),
    ]);
    assert!(json_rows(&wd, &["report", "shifts", "--min-statements", "1"]).is_empty());
    let stance = json_rows(&wd, &["report", "stance"]);
    assert_eq!(pick(&stance, &["speaker"]), vec![vec![json!("Ann Lee")]]);
}

/// Rows of one speaker on one topic, each with its own content and cue.
fn said_rows(wd: &Workdir, rows: &[(&str, &str, &str, &str)]) {
    let lines: Vec<String> = rows
        .iter()
        .enumerate()
        .map(|(i, (cue, content, stance, date))| {
            json!({
                "doc": format!("d{i}"), "title": format!("Council news {i}"), "date": date, "speaker": "Ann Lee", "cue": cue,
                "content": content, "kind": "indirect", "stance": stance, "topic": "Tom Lane", "confidence": 0.9,
            })
            .to_string()
        })
        .collect();
    wd.write("said.jsonl", &(lines.join("\n") + "\n"));
    wd.stdout(&["import", &wd.path("said.jsonl").display().to_string()]);
}

#[test]
fn a_pledge_on_a_condition_is_no_side_of_a_shift() {
    let wd = Workdir::new();
    said_rows(&wd, &[
        ("criticized", "Tom Lane for his record on the budget", "oppose", "2024-01-02"),
        ("pledged", "to back Lane as the nominee", "support", "2024-01-09"),
        ("said", "she would vote for Tom Lane in the fall", "support", "2024-01-10"),
    ]);
    assert!(json_rows(&wd, &["report", "shifts", "--min-statements", "1"]).is_empty());
    let wd = Workdir::new();
    said_rows(&wd, &[
        ("criticized", "Tom Lane for his record on the budget", "oppose", "2024-01-02"),
        ("endorsed", "Tom Lane at a rally on the pier", "support", "2024-01-09"),
    ]);
    let shifts = json_rows(&wd, &["report", "shifts", "--min-statements", "1"]);
    assert_eq!(pick(&shifts, &["speaker", "from_stance", "to_stance", "to_date"]), vec![vec![json!("Ann Lee"), json!("oppose"), json!("support"), json!("2024-01-09")]]);
}
