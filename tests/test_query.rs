mod common;

use common::{column, Workdir};
use serde_json::json;

fn contents(rows: &[serde_json::Value]) -> Vec<serde_json::Value> {
    column(rows, "content")
}

#[test]
fn query_by_speaker_matches_part_of_a_name_in_any_case() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    let rows = wd.query_json(&["--speaker", "PARK"]);
    assert_eq!(contents(&rows), vec![json!("The bridge will open in May."), json!("Parking fees may rise next year.")]);
}

#[test]
fn query_by_speaker_matches_aliases() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    wd.stdout(&["speakers", "alias", "Ben Ortiz", "Councillor Benjamin"]);
    let rows = wd.query_json(&["--speaker", "benjamin"]);
    assert_eq!(contents(&rows), vec![json!("The bridge budget is far too high.")]);
}

#[test]
fn query_by_topic_stance_and_dates() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    assert_eq!(wd.query_json(&["--topic", "bridge"]).len(), 2);
    assert_eq!(contents(&wd.query_json(&["--stance", "oppose"])), vec![json!("The bridge budget is far too high.")]);
    let rows = wd.query_json(&["--since", "2025-04-02", "--until", "2025-04-02"]);
    assert_eq!(contents(&rows), vec![json!("The bridge budget is far too high.")]);
    assert_eq!(wd.query_json(&["--since", "2025-04-02", "--speaker", "ada"]).len(), 1);
    assert_eq!(wd.query_json(&["--limit", "1"]).len(), 1);
}

#[test]
fn query_search_is_full_text_over_content_and_speaker() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    assert_eq!(contents(&wd.query_json(&["--search", "budget"])), vec![json!("The bridge budget is far too high.")]);
    assert_eq!(wd.query_json(&["--search", "ortiz"]).len(), 1);
    assert_eq!(wd.query_json(&["--search", "bridge NOT budget"]).len(), 1);
    assert_eq!(wd.query_json(&["--search", "\"open in May\""]).len(), 1);
}

#[test]
fn search_follows_edits_and_deletes() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    wd.stdout(&["edit", "2", "--content", "The ferry costs too much."]);
    assert!(wd.query_json(&["--search", "budget"]).is_empty());
    assert_eq!(wd.query_json(&["--search", "ferry"]).len(), 1);
    wd.stdout(&["delete", "2"]);
    assert!(wd.query_json(&["--search", "ferry"]).is_empty());
}

#[test]
fn bad_search_syntax_is_one_clear_line() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    for bad in ["bridge AND", "\"unclosed", "nosuchcolumn:word"] {
        let err = wd.error(&["query", "--search", bad]);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with(&format!("claimdb: --search '{bad}' is not a valid full-text query")), "{err}");
    }
}

#[test]
fn every_format_carries_the_issue_columns() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    let jsonl = wd.stdout(&["query", "--format", "jsonl", "--limit", "1"]);
    let fields = [
        "id", "doc", "title", "date", "speaker", "speaker_mention", "role", "cue", "content", "kind", "stance",
        "hedged", "topic", "content_span", "source_span", "cue_span",
    ];
    let positions: Vec<usize> = fields
        .iter()
        .map(|f| jsonl.find(&format!("\"{f}\":")).unwrap_or_else(|| panic!("no {f} in {jsonl}")))
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "fields in order: {jsonl}");
    let csv = wd.stdout(&["query", "--format", "csv"]);
    assert!(csv.starts_with("id,doc,title,date,speaker,speaker_mention,role,cue,content,kind,stance,hedged,topic,"), "{csv}");
    assert_eq!(csv.lines().count(), 4);
}

#[test]
fn table_output_fits_the_width() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    let table = wd.stdout(&["query"]);
    insta::assert_snapshot!("query_table", table);
    for line in table.lines() {
        assert!(line.chars().count() <= 100, "wider than 100: {line}");
    }
}

#[test]
fn markdown_output() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    insta::assert_snapshot!("query_markdown", wd.stdout(&["query", "--format", "markdown"]));
}

#[test]
fn query_says_when_the_limit_cut_the_list_and_limit_0_shows_all() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    let output = wd.cmd(&["query", "--limit", "2", "--format", "jsonl"]).output().unwrap();
    assert!(output.status.success());
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 2);
    assert!(String::from_utf8_lossy(&output.stderr).contains("showed the first 2 statements"));
    let all = wd.cmd(&["query", "--limit", "0", "--format", "jsonl"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&all.stdout).lines().count(), 3);
    assert!(all.stderr.is_empty());
}

#[test]
fn query_by_speaker_follows_a_merge() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    wd.add(&["--speaker", "A. Parkes", "--text", "The ferry must stay.", "--date", "2025-04-04"]);
    wd.add(&["--speaker", "Cleo Vance", "--text", "The tunnel is cheaper.", "--date", "2025-04-05"]);
    wd.stdout(&["speakers", "alias", "Cleo Vance", "Councillor Vance"]);
    wd.stdout(&["speakers", "merge", "Cleo Vance", "Ben Ortiz"]);
    // The merged speaker's name and alias now name Ben Ortiz.
    let by_old_name = wd.query_json(&["--speaker", "cleo"]);
    assert_eq!(contents(&by_old_name), vec![json!("The bridge budget is far too high."), json!("The tunnel is cheaper.")]);
    assert_eq!(column(&by_old_name, "speaker"), vec![json!("Ben Ortiz"), json!("Ben Ortiz")]);
    assert_eq!(wd.query_json(&["--speaker", "councillor v"]).len(), 2);
    // A part of two letters compares every name.
    assert_eq!(wd.query_json(&["--speaker", "pa"]).len(), 3);
}

#[test]
fn query_by_speaker_takes_search_syntax_and_wildcards_as_text() {
    let wd = Workdir::new();
    wd.add(&["--speaker", "Ada \"Ace\" Park", "--text", "The bridge will open in May."]);
    wd.add(&["--speaker", "Ada Park", "--text", "Parking fees may rise next year."]);
    wd.add(&["--speaker", "Ben OR Lee", "--text", "The ferry must stay."]);
    assert_eq!(contents(&wd.query_json(&["--speaker", "\"ace\""])), vec![json!("The bridge will open in May.")]);
    assert_eq!(contents(&wd.query_json(&["--speaker", " OR "])), vec![json!("The ferry must stay.")]);
    assert!(wd.query_json(&["--speaker", "ada%park"]).is_empty());
    assert!(wd.query_json(&["--speaker", "ada_park"]).is_empty());
    assert_eq!(wd.query_json(&["--speaker", "ADA "]).len(), 2);
}

#[test]
fn query_by_speaker_outside_ascii_keeps_like_case_rules() {
    let wd = Workdir::new();
    wd.add(&["--speaker", "Émile Zola", "--text", "The bridge will open in May."]);
    wd.add(&["--speaker", "Zoë Ångström", "--text", "Parking fees may rise next year."]);
    assert_eq!(contents(&wd.query_json(&["--speaker", "ÉMILE"])), vec![json!("The bridge will open in May.")]);
    assert_eq!(contents(&wd.query_json(&["--speaker", "ZOë Å"])), vec![json!("Parking fees may rise next year.")]);
    // LIKE folds ASCII letters only: an accented capital is another letter.
    assert!(wd.query_json(&["--speaker", "émile"]).is_empty());
    assert!(wd.query_json(&["--speaker", "ZOË"]).is_empty());
}
