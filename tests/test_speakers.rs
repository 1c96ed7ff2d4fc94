mod common;

use common::{column, Workdir};
use serde_json::json;

fn speakers(wd: &Workdir) -> Vec<serde_json::Value> {
    serde_json::from_str(&wd.stdout(&["speakers", "--format", "json"])).unwrap()
}

#[test]
fn speakers_lists_names_with_statement_counts() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    let list = speakers(&wd);
    assert_eq!(column(&list, "name"), vec![json!("Ada Park"), json!("Ben Ortiz")]);
    assert_eq!(column(&list, "statements"), vec![json!(2), json!(1)]);
    assert_eq!(list[0]["role"], json!("Mayor of Eastport"));
}

#[test]
fn alias_adds_another_name() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    let out = wd.stdout(&["speakers", "alias", "ada park", "Mayor Park"]);
    assert_eq!(out.trim(), "'Mayor Park' now names 'ada park'");
    assert_eq!(speakers(&wd)[0]["aliases"], json!(["Mayor Park"]));
}

#[test]
fn alias_refuses_a_name_that_is_another_speaker() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    let err = wd.error(&["speakers", "alias", "Ada Park", "ben ortiz"]);
    assert!(err.contains("already names another speaker, 'Ben Ortiz' (use `speakers merge`"), "{err}");
    let err = wd.error(&["speakers", "alias", "Nobody", "X"]);
    assert!(err.contains("no speaker named 'Nobody'"), "{err}");
}

#[test]
fn merge_moves_every_statement_and_alias() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    wd.add(&["--speaker", "A. Park", "--text", "Trains are late.", "--date", "2025-04-04"]);
    wd.stdout(&["speakers", "alias", "A. Park", "Mayor P."]);
    let out = wd.stdout(&["speakers", "merge", "A. Park", "Ada Park"]);
    assert_eq!(out.trim(), "merged 'A. Park' into 'Ada Park': 1 statements and 2 aliases moved");
    let list = speakers(&wd);
    assert_eq!(column(&list, "name"), vec![json!("Ada Park"), json!("Ben Ortiz")]);
    assert_eq!(list[0]["statements"], json!(3));
    assert_eq!(list[0]["aliases"], json!(["A. Park", "Mayor P."]));
    assert_eq!(wd.query_json(&["--speaker", "mayor p."]).len(), 3);
    assert_eq!(wd.query_json(&["--search", "trains"])[0]["speaker"], json!("Ada Park"));
}

#[test]
fn merge_of_one_speaker_into_itself_is_refused() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    wd.stdout(&["speakers", "alias", "Ada Park", "Park"]);
    let err = wd.error(&["speakers", "merge", "Park", "Ada Park"]);
    assert!(err.contains("already one speaker"), "{err}");
}
