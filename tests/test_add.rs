mod common;

use common::Workdir;
use serde_json::json;

#[test]
fn add_prints_the_new_id_and_query_finds_the_claim() {
    let wd = Workdir::new();
    let first = wd.add(&["--speaker", "Ada Park", "--text", "The bridge will open in May."]);
    let second = wd.add(&["--speaker", "Ben Ortiz", "--text", "It will not."]);
    assert_eq!((first, second), (1, 2));
    let rows = wd.query_json(&[]);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["speaker"], json!("Ada Park"));
    assert_eq!(rows[0]["content"], json!("The bridge will open in May."));
    assert_eq!(rows[0]["origin"], json!("manual"));
}

#[test]
fn add_keeps_every_field_given() {
    let wd = Workdir::new();
    wd.add(&[
        "--speaker", "Ada Park", "--text", "Fees may rise.", "--stance", "OPPOSE", "--topic", "Parking",
        "--date", "2025-04-03", "--cue", "warned", "--role", "Mayor of Eastport", "--source", "Eastport Herald",
        "--kind", "direct", "--hedged",
    ]);
    let row = &wd.query_json(&[])[0];
    assert_eq!(row["stance"], json!("oppose"));
    assert_eq!(row["topic"], json!("Parking"));
    assert_eq!(row["date"], json!("2025-04-03"));
    assert_eq!(row["cue"], json!("warned"));
    assert_eq!(row["role"], json!("Mayor of Eastport"));
    assert_eq!(row["title"], json!("Eastport Herald"));
    assert_eq!(row["doc"], json!(null));
    assert_eq!(row["kind"], json!("direct"));
    assert_eq!(row["hedged"], json!(true));
}

#[test]
fn add_takes_a_url_source_as_the_document_path() {
    let wd = Workdir::new();
    wd.add(&["--speaker", "Ada Park", "--text", "Hello.", "--source", "https://news.example/a"]);
    assert_eq!(wd.query_json(&[])[0]["doc"], json!("https://news.example/a"));
}

#[test]
fn add_finds_an_existing_speaker_by_alias() {
    let wd = Workdir::new();
    wd.add(&["--speaker", "Ada Park", "--text", "One."]);
    wd.stdout(&["speakers", "alias", "Ada Park", "Mayor Park"]);
    wd.add(&["--speaker", "mayor park", "--text", "Two."]);
    let rows = wd.query_json(&[]);
    assert_eq!(common::column(&rows, "speaker"), vec![json!("Ada Park"), json!("Ada Park")]);
}

#[test]
fn a_date_that_is_not_a_date_is_refused_and_nothing_is_stored() {
    let wd = Workdir::new();
    wd.stdout(&["init"]);
    for bad in ["2025-02-30", "yesterday", "2025/04/01"] {
        let err = wd.usage_error(&["add", "--speaker", "A", "--text", "b", "--date", bad]);
        let first = err.lines().next().unwrap();
        assert_eq!(first, format!("error: invalid value '{bad}' for '--date <DATE>': not a date (expected YYYY-MM-DD, e.g. 2025-03-14)"));
    }
    assert!(wd.query_json(&[]).is_empty());
}

#[test]
fn an_unknown_stance_is_refused_with_the_choices() {
    let wd = Workdir::new();
    let err = wd.usage_error(&["add", "--speaker", "A", "--text", "b", "--stance", "maybe"]);
    let first = err.lines().next().unwrap();
    assert_eq!(first, "error: invalid value 'maybe' for '--stance <STANCE>': unknown stance 'maybe' (expected one of: support, oppose, neutral)");
}

#[test]
fn an_empty_claim_is_refused() {
    let wd = Workdir::new();
    let err = wd.error(&["add", "--speaker", "A", "--text", "  "]);
    assert!(err.contains("--text is empty"), "{err}");
}
