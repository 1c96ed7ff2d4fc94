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

/// An article we wrote: two named people, a pronoun for each, and a "they".
const LIBRARY: &str = "Mayor Linda Okafor opened the new library on Monday. \
“Reading is the best investment a city can make,” Okafor said. \
Council member Peter Whitby disagreed. “The roof still leaks,” he said. \
“We will fix it by May,” she said. They said the budget was tight.\n";

fn ingest_library(wd: &Workdir) -> std::path::PathBuf {
    let file = wd.write("library.txt", LIBRARY);
    wd.stdout(&["ingest", file.to_str().unwrap()]);
    file
}

fn statement_of<'a>(rows: &'a [serde_json::Value], content_start: &str) -> &'a serde_json::Value {
    rows.iter().find(|r| r["content"].as_str().unwrap().trim_start_matches('“').starts_with(content_start)).expect("statement listed")
}

#[test]
fn pronouns_go_to_the_person_of_their_sex_and_they_stays_unresolved() {
    let wd = Workdir::new();
    ingest_library(&wd);
    let rows = wd.query_json(&["--limit", "0"]);
    assert_eq!(statement_of(&rows, "The roof")["speaker"], json!("Peter Whitby"));
    assert_eq!(statement_of(&rows, "We will fix")["speaker"], json!("Linda Okafor"));
    let names = column(&speakers(&wd), "name");
    assert!(!names.iter().any(|n| ["they", "They", "he", "she"].contains(&n.as_str().unwrap())), "{names:?}");
    let unresolved: Vec<serde_json::Value> =
        serde_json::from_str(&wd.stdout(&["speakers", "--unresolved", "--format", "json"])).unwrap();
    assert_eq!(column(&unresolved, "speaker_mention"), vec![json!("They")]);
    assert!(unresolved[0]["content"].as_str().unwrap().contains("budget was tight"));
}

#[test]
fn search_lists_the_records_a_name_means_with_counts() {
    let wd = Workdir::new();
    ingest_library(&wd);
    let found: Vec<serde_json::Value> = serde_json::from_str(&wd.stdout(&["speakers", "--search", "OKAFOR", "--format", "json"])).unwrap();
    assert_eq!(column(&found, "name"), vec![json!("Linda Okafor")]);
    assert_eq!(found[0]["statements"], json!(2));
    let none: Vec<serde_json::Value> = serde_json::from_str(&wd.stdout(&["speakers", "--search", "oka", "--format", "json"])).unwrap();
    assert!(none.is_empty(), "part of a word is no match: {none:?}");
}

#[test]
fn a_split_survives_reextraction() {
    let wd = Workdir::new();
    let file = ingest_library(&wd);
    let rows = wd.query_json(&["--limit", "0"]);
    let id = statement_of(&rows, "We will fix")["id"].as_i64().unwrap().to_string();
    let out = wd.stdout(&["speakers", "split", "--into", "Rosa Whitby", &id]);
    assert_eq!(out.trim(), "moved 1 statements to 'Rosa Whitby'");
    wd.stdout(&["ingest", "--reextract", file.to_str().unwrap()]);
    let rows = wd.query_json(&["--limit", "0"]);
    assert_eq!(statement_of(&rows, "We will fix")["speaker"], json!("Rosa Whitby"));
    assert_eq!(statement_of(&rows, "The roof")["speaker"], json!("Peter Whitby"));
}

#[test]
fn a_rename_survives_reingest_through_the_old_name() {
    let wd = Workdir::new();
    ingest_library(&wd);
    let out = wd.stdout(&["speakers", "rename", "Linda Okafor", "Linda A. Okafor-Reyes"]);
    assert_eq!(out.trim(), "renamed 'Linda Okafor' to 'Linda A. Okafor-Reyes'; 'Linda Okafor' stays an alias");
    let other = wd.write("other.txt", "Mayor Linda Okafor spoke again on Friday. “The library stays open late,” Okafor said.\n");
    wd.stdout(&["ingest", other.to_str().unwrap()]);
    let rows = wd.query_json(&["--speaker", "okafor reyes", "--limit", "0"]);
    assert_eq!(rows.len(), 3, "{rows:?}");
    let err = wd.error(&["speakers", "rename", "Linda A. Okafor-Reyes", "Peter Whitby"]);
    assert!(err.contains("already names another speaker, 'Peter Whitby'"), "{err}");
}

#[test]
fn merge_of_an_unknown_id_or_into_itself_is_a_clear_error() {
    let wd = Workdir::new();
    ingest_library(&wd);
    let err = wd.error(&["speakers", "merge", "999", "Linda Okafor"]);
    assert!(err.contains("no speaker with id 999"), "{err}");
    let err = wd.error(&["speakers", "merge", "Linda Okafor", "linda okafor"]);
    assert!(err.contains("already one speaker"), "{err}");
}

#[test]
fn load_registers_known_people_that_ingest_then_finds() {
    let wd = Workdir::new();
    let csv = wd.write("people.csv", "name,aliases,kind,role,wikidata\nLinda Okafor,Mayor Okafor;L. Okafor,person,Mayor,Q4242\n");
    let out = wd.stdout(&["speakers", "load", csv.to_str().unwrap()]);
    assert!(out.starts_with("1 speakers added, 0 updated, 2 aliases recorded"), "{out}");
    ingest_library(&wd);
    let found: Vec<serde_json::Value> = serde_json::from_str(&wd.stdout(&["speakers", "--search", "okafor", "--format", "json"])).unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0]["wikidata"].clone(), found[0]["statements"].clone()), (json!("Q4242"), json!(2)));
    let jsonl = wd.write("people.jsonl", "{\"name\": \"Peter Whitby\", \"aliases\": [\"Councillor Whitby\"], \"wikidata\": \"Q77\"}\n");
    let out = wd.stdout(&["speakers", "load", jsonl.to_str().unwrap()]);
    assert!(out.starts_with("0 speakers added, 1 updated, 1 aliases recorded"), "{out}");
}

#[test]
fn a_bad_load_file_names_its_line_and_changes_nothing() {
    let wd = Workdir::new();
    ingest_library(&wd);
    let before = wd.stdout(&["speakers", "--format", "csv"]);
    let csv = wd.write("bad.csv", "name,wikidata\nAda Quill,Q1\nBen Lark,not-an-id\n");
    let err = wd.error(&["speakers", "load", csv.to_str().unwrap()]);
    assert!(err.contains("bad.csv:3:") && err.contains("not of the form Q123"), "{err}");
    let jsonl = wd.write("bad.jsonl", "{\"name\": \"Ada Quill\"}\n{\"name\": \"Peter Whitby\", \"aliases\": [\"Linda Okafor\"]}\n");
    let err = wd.error(&["speakers", "load", jsonl.to_str().unwrap()]);
    assert!(err.contains("bad.jsonl:2:") && err.contains("already names another speaker"), "{err}");
    assert_eq!(wd.stdout(&["speakers", "--format", "csv"]), before);
}

#[test]
fn a_speakers_role_is_the_one_of_the_latest_article_whatever_order_they_came_in() {
    let wd = Workdir::new();
    let later = wd.write("later.txt", "---\ndate: 2025-03-01\n---\nSenator Ada Voss said the port would reopen in spring.\n");
    let earlier = wd.write("earlier.txt", "---\ndate: 2023-06-10\n---\nGovernor Ada Voss said the bridge would be rebuilt soon.\n");
    wd.stdout(&["ingest", earlier.to_str().unwrap()]);
    wd.stdout(&["ingest", later.to_str().unwrap()]);
    let list = speakers(&wd);
    assert_eq!(column(&list, "name"), vec![json!("Ada Voss")]);
    assert_eq!(list[0]["role"], json!("Senator"));
    let other_order = Workdir::new();
    other_order.stdout(&["ingest", later.to_str().unwrap(), earlier.to_str().unwrap()]);
    assert_eq!(speakers(&other_order)[0]["role"], json!("Senator"));
}

#[test]
fn a_surname_met_before_the_full_name_joins_it_whatever_the_order() {
    let wd = Workdir::new();
    let first = wd.write(
        "a.txt",
        "---\ndate: 2024-02-01\n---\nMr. Quarrie said the harbour would stay open. \
         Mr. Quarrie said the ferries would run all winter.\n",
    );
    let second = wd.write("b.txt", "---\ndate: 2024-03-01\n---\nMayor Tobias Quarrie said the new pier was finished.\n");
    wd.stdout(&["ingest", first.to_str().unwrap(), second.to_str().unwrap()]);
    let list = speakers(&wd);
    assert_eq!(column(&list, "name"), vec![json!("Tobias Quarrie")], "{list:?}");
    assert_eq!(list[0]["statements"], json!(3));
    // A surname a woman and a man of the corpus share stays apart.
    let shared = Workdir::new();
    let third = shared.write("c.txt", "---\ndate: 2024-04-01\n---\nDoctor Mina Quarrie said the clinic was full.\n");
    shared.stdout(&["ingest", first.to_str().unwrap(), second.to_str().unwrap(), third.to_str().unwrap()]);
    assert_eq!(speakers(&shared).len(), 3, "{:?}", speakers(&shared));
}

#[test]
fn a_surname_with_an_honorific_of_the_other_sex_is_a_relative_not_the_bearer() {
    let wd = Workdir::new();
    let first = wd.write("a.txt", "---\ndate: 2024-02-01\n---\nMayor Tobias Quarrie said the new pier was finished. Mr. Quarrie said the ferries would run.\n");
    wd.stdout(&["ingest", first.to_str().unwrap()]);
    let second = wd.write("b.txt", "---\ndate: 2024-03-01\n---\nMs. Quarrie said the school would open in May. Mr. Quarrie said the pier was safe.\n");
    wd.stdout(&["ingest", second.to_str().unwrap()]);
    let list = speakers(&wd);
    let count = |name: &str| list.iter().find(|s| s["name"] == json!(name)).map(|s| s["statements"].clone());
    assert_eq!(count("Tobias Quarrie"), Some(json!(3)), "{list:?}");
    assert_eq!(count("Quarrie"), Some(json!(1)), "{list:?}");
}

#[test]
fn a_description_is_never_stored_as_a_role_or_an_alias() {
    let wd = Workdir::new();
    let file = wd.write("rival.txt", "---\ndate: 2025-03-01\n---\nRival Tomas Quill said the port would close in spring.\n");
    wd.stdout(&["ingest", file.to_str().unwrap()]);
    let list = speakers(&wd);
    assert_eq!(column(&list, "name"), vec![json!("Tomas Quill")]);
    assert_eq!(list[0]["role"], json!(null));
    assert_eq!(list[0]["aliases"], json!([]));
}

#[test]
fn a_name_without_its_middle_name_finds_the_record_with_it() {
    let wd = Workdir::new();
    let first = wd.write("first.txt", "Marguerite Anne Holloway said the harbour would be dredged this year.\n");
    let second = wd.write("second.txt", "Marguerite Holloway said the dredging would cost more than planned.\n");
    wd.stdout(&["ingest", first.to_str().unwrap(), second.to_str().unwrap()]);
    let list = speakers(&wd);
    assert_eq!(column(&list, "name"), vec![json!("Marguerite Anne Holloway")]);
    assert_eq!(list[0]["statements"], json!(2));
}

#[test]
fn a_short_form_of_a_first_name_finds_the_record_of_the_full_one() {
    let wd = Workdir::new();
    let first = wd.write("first.txt", "Benjamin Ortwell said the harbour would be dredged this year.\n");
    let second = wd.write("second.txt", "Ben Ortwell said the dredging would cost more than planned.\n");
    let other = wd.write("other.txt", "Bernard Ortwell said the harbour was too shallow for ships.\n");
    wd.stdout(&["ingest", first.to_str().unwrap(), second.to_str().unwrap(), other.to_str().unwrap()]);
    let list = speakers(&wd);
    let mut names: Vec<String> = column(&list, "name").iter().map(|n| n.as_str().unwrap().to_string()).collect();
    names.sort();
    assert_eq!(names, ["Benjamin Ortwell", "Bernard Ortwell"]);
    let benjamin = list.iter().find(|s| s["name"] == json!("Benjamin Ortwell")).unwrap();
    assert_eq!(benjamin["statements"], json!(2));
}

fn sorted_names(list: &[serde_json::Value]) -> Vec<String> {
    let mut names: Vec<String> = column(list, "name").iter().map(|n| n.as_str().unwrap().to_string()).collect();
    names.sort();
    names
}

#[test]
fn a_suffix_joins_the_one_bearer_of_a_surname_or_another_spelling_of_the_first_name() {
    let wd = Workdir::new();
    let first = wd.write("first.txt", "Robert Tallowmere said the harbour would be dredged this year.\n");
    let second = wd.write("second.txt", "Robert K. Tallowmere Jr. said the dredging would cost more than planned.\n");
    let third = wd.write("third.txt", "Edward Quennick said the ferry would run in winter.\n");
    let fourth = wd.write("fourth.txt", "Eddie Quennick Jr. said the ferry would stop at the island.\n");
    wd.stdout(&["ingest", first.to_str().unwrap(), second.to_str().unwrap(), third.to_str().unwrap(), fourth.to_str().unwrap()]);
    let list = speakers(&wd);
    assert_eq!(sorted_names(&list), ["Edward Quennick", "Robert Tallowmere"], "{list:?}");
    assert!(list.iter().all(|s| s["statements"] == json!(2)), "{list:?}");
}

#[test]
fn a_suffix_keeps_a_son_apart_where_the_surname_has_other_bearers() {
    let wd = Workdir::new();
    let first = wd.write("first.txt", "Walter Brindlecombe said the mill would reopen.\n");
    let second = wd.write("second.txt", "Nora Brindlecombe said the mill needed new owners.\n");
    let third = wd.write("third.txt", "Walter Brindlecombe Jr. said the mill would close for good.\n");
    wd.stdout(&["ingest", first.to_str().unwrap(), second.to_str().unwrap(), third.to_str().unwrap()]);
    let list = speakers(&wd);
    assert_eq!(sorted_names(&list), ["Nora Brindlecombe", "Walter Brindlecombe", "Walter Brindlecombe Jr."], "{list:?}");
}

#[test]
fn a_legal_name_finds_the_person_known_by_its_initials() {
    let wd = Workdir::new();
    let first = wd.write("first.txt", "Jeb Barrowdale said the levee would hold.\n");
    let second = wd.write("second.txt", "John Ellis Barrowdale said the levee was rebuilt in spring.\n");
    wd.stdout(&["ingest", first.to_str().unwrap(), second.to_str().unwrap()]);
    let list = speakers(&wd);
    assert_eq!(sorted_names(&list), ["Jeb Barrowdale"], "{list:?}");
    assert_eq!(list[0]["statements"], json!(2));
}

#[test]
fn an_adverb_or_verb_opening_a_sentence_is_no_part_of_the_name_after_it() {
    let wd = Workdir::new();
    let file = wd.write(
        "openers.txt",
        "Mayor Hester Grimwade spoke at the pier on Monday. Perhaps Grimwade said the pier was too old. \
         Said Grimwade: \"We will rebuild it.\" Had Grimwade said more, the crowd would have stayed.\n",
    );
    wd.stdout(&["ingest", file.to_str().unwrap()]);
    let list = speakers(&wd);
    assert_eq!(sorted_names(&list), ["Hester Grimwade"], "{list:?}");
}

#[test]
fn two_people_named_in_either_order_are_one_group() {
    let wd = Workdir::new();
    let first = wd.write("a.txt", "---\ndate: 2024-02-01\n---\nTobias Quarrie and Linda Okafor said the harbour would stay open.\n");
    let second = wd.write("b.txt", "---\ndate: 2024-03-01\n---\nLinda Okafor and Tobias Quarrie said the ferries would run all winter.\n");
    wd.stdout(&["ingest", first.to_str().unwrap(), second.to_str().unwrap()]);
    let list = speakers(&wd);
    assert_eq!(column(&list, "name"), vec![json!("Tobias Quarrie and Linda Okafor")], "{list:?}");
    assert_eq!(list[0]["statements"], json!(2));
    assert_eq!(list[0]["kind"], json!("group"));
}

#[test]
fn a_body_named_with_and_without_its_article_is_one_record() {
    let wd = Workdir::new();
    let first = wd.write("first.txt", "Bridge to close\n\nThe bridge on Elm Street is old. The Harlow Post reported that the bridge would close in May.\n");
    let second = wd.write("second.txt", "Bridge to reopen\n\nThe bridge on Elm Street was repaired. Harlow Post reported that the bridge would reopen in June.\n");
    wd.stdout(&["ingest", first.to_str().unwrap(), second.to_str().unwrap()]);
    let bodies: Vec<_> = speakers(&wd).into_iter().filter(|s| s["name"].as_str().unwrap().contains("Harlow Post")).collect();
    assert_eq!(bodies.len(), 1, "{bodies:#?}");
    assert_eq!(bodies[0]["statements"], json!(2));
}
