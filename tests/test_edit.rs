mod common;

use common::Workdir;
use serde_json::json;

#[test]
fn edit_changes_the_fields_given_and_marks_the_row_edited() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    let out = wd.stdout(&["edit", "2", "--stance", "neutral", "--topic", "City budget", "--speaker", "Cara Diaz"]);
    assert_eq!(out.trim(), "edited statement 2");
    let row = &wd.query_json(&["--search", "budget"])[0];
    assert_eq!(row["stance"], json!("neutral"));
    assert_eq!(row["topic"], json!("City budget"));
    assert_eq!(row["speaker"], json!("Cara Diaz"));
    assert_eq!(row["origin"], json!("edited"));
    assert_eq!(row["content"], json!("The bridge budget is far too high."));
}

#[test]
fn edit_refuses_bad_values_and_unknown_ids() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    assert_eq!(wd.error(&["edit", "99", "--stance", "oppose"]).trim(), "claimdb: no statement with id 99");
    assert!(wd.usage_error(&["edit", "1", "--stance", "against"]).contains("unknown stance 'against'"));
    assert!(wd.usage_error(&["edit", "1", "--date", "2025-13-01"]).contains("invalid value '2025-13-01' for '--date <DATE>': not a date"));
    assert!(wd.usage_error(&["edit", "1", "--kind", "shouted"]).contains("unknown kind 'shouted'"));
    assert!(wd.usage_error(&["edit", "1"]).contains("the following required arguments were not provided"));
    assert_eq!(wd.query_json(&[])[0]["origin"], json!("manual"), "failed edits change nothing");
}

#[test]
fn delete_removes_one_statement() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    assert_eq!(wd.stdout(&["delete", "1"]).trim(), "deleted statement 1");
    let ids: Vec<_> = wd.query_json(&[]).iter().map(|r| r["id"].clone()).collect();
    assert_eq!(ids, vec![json!(2), json!(3)]);
    assert_eq!(wd.error(&["delete", "1"]).trim(), "claimdb: no statement with id 1");
}

#[test]
fn show_prints_one_statement() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    let out = wd.stdout(&["show", "3"]);
    assert!(out.contains("         content: Parking fees may rise next year."), "{out}");
    assert!(out.contains("         speaker: Ada Park"), "{out}");
    assert!(out.contains("          hedged: true"), "{out}");
    assert_eq!(wd.error(&["show", "42"]).trim(), "claimdb: no statement with id 42");
}

#[test]
fn a_deleted_statements_id_is_never_given_again() {
    let wd = Workdir::new();
    wd.add(&["--speaker", "Ada Park", "--text", "The bridge will open in May."]);
    let second = wd.add(&["--speaker", "Ben Ortiz", "--text", "The budget is too high."]);
    wd.stdout(&["delete", &second.to_string()]);
    let third = wd.add(&["--speaker", "Cara Lind", "--text", "The ferry will keep running."]);
    assert_eq!(third, second + 1);
    // A script still holding the old id edits nothing by mistake.
    let err = wd.error(&["edit", &second.to_string(), "--stance", "oppose"]);
    assert_eq!(err.trim(), format!("claimdb: no statement with id {second}"));
}
