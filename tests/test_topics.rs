mod common;

use common::{column, Workdir};
use serde_json::{json, Value};

/// An extracted statement (what ingest would store) as one import line.
fn extracted(speaker: &str, content: &str, stance: &str, date: &str) -> String {
    json!({
        "speaker": speaker, "cue": "said", "content": content, "kind": "indirect",
        "stance": stance, "date": date, "origin": "extracted", "doc": "talks.txt",
    })
    .to_string()
}

fn import_extracted(wd: &Workdir, lines: &[String]) {
    let file = wd.write("statements.jsonl", &(lines.join("\n") + "\n"));
    wd.stdout(&["import", file.to_str().unwrap()]);
}

fn topics_json(wd: &Workdir) -> Vec<Value> {
    serde_json::from_str(&wd.stdout(&["topics", "list", "--format", "json"])).unwrap()
}

#[test]
fn topics_add_then_list_with_keywords_and_counts() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    let out = wd.stdout(&["topics", "add", "territory", "--keywords", "territory, Donetsk, Luhansk, cede"]);
    assert!(out.starts_with("added topic 'territory' (4 keywords)"), "{out}");
    let topics = topics_json(&wd);
    // Topics given by hand with `add --topic` are defined too (without keywords).
    assert_eq!(column(&topics, "name"), vec![json!("Harbor bridge"), json!("Parking"), json!("territory")]);
    assert_eq!(topics[2]["keywords"], json!(["territory", "Donetsk", "Luhansk", "cede"]));
    assert_eq!(column(&topics, "statements"), vec![json!(2), json!(1), json!(0)]);
}

#[test]
fn topics_add_again_replaces_the_keywords() {
    let wd = Workdir::new();
    wd.stdout(&["topics", "add", "tax", "--keywords", "tax"]);
    let out = wd.stdout(&["topics", "add", "TAX", "--keywords", "tax, levy"]);
    assert!(out.starts_with("updated topic 'TAX' (2 keywords)"), "{out}");
    let topics = topics_json(&wd);
    assert_eq!(topics.len(), 1);
    assert_eq!(topics[0]["keywords"], json!(["tax", "levy"]));
}

#[test]
fn topics_add_without_keywords_is_an_error() {
    let wd = Workdir::new();
    let err = wd.error(&["topics", "add", "tax", "--keywords", " , "]);
    assert_eq!(err.trim(), "claimdb: topic 'tax': --keywords has no keyword (give a comma-separated list)");
}

#[test]
fn topics_remove_untags_its_statements() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    let out = wd.stdout(&["topics", "remove", "harbor BRIDGE"]);
    assert_eq!(out.trim(), "removed topic 'Harbor bridge' (2 statements untagged)");
    assert_eq!(column(&topics_json(&wd), "name"), vec![json!("Parking")]);
    assert_eq!(column(&wd.query_json(&[]), "topic"), vec![Value::Null, Value::Null, json!("Parking")]);
    assert_eq!(wd.error(&["topics", "remove", "bridge"]).trim(), "claimdb: no topic named 'bridge'");
}

#[test]
fn topics_apply_retags_extracted_statements_and_keeps_manual_ones() {
    let wd = Workdir::new();
    import_extracted(
        &wd,
        &[
            extracted("Ann Lee", "Kyiv will never cede Donetsk", "oppose", "2025-08-18"),
            extracted("Ann Lee", "the ceasefire must hold", "support", "2025-08-19"),
        ],
    );
    let manual = wd.add(&["--speaker", "Bo Chan", "--text", "Luhansk is not for sale", "--topic", "Borders"]);
    wd.stdout(&["topics", "add", "territory", "--keywords", "territory, Donetsk, Luhansk, cede"]);
    let out = wd.stdout(&["topics", "apply"]);
    assert_eq!(
        out.trim(),
        "re-tagged 2 of 2 extracted statements (1 manual or edited kept, 0 unused automatic topics removed)"
    );
    let mut rows = wd.query_json(&[]);
    rows.sort_by_key(|r| r["id"].as_i64());
    assert_eq!(column(&rows, "topic"), vec![json!("territory"), json!("ceasefire"), json!("Borders")]);
    assert_eq!(rows[2]["id"], json!(manual));
    let topics = topics_json(&wd);
    let ceasefire = topics.iter().find(|t| t["name"] == "ceasefire").unwrap();
    assert_eq!(ceasefire["automatic"], json!(true), "a candidate topic is marked automatic");
    // Nothing changed since: applying again changes nothing.
    let again = wd.stdout(&["topics", "apply"]);
    assert!(again.starts_with("re-tagged 0 of 2"), "{again}");
}

#[test]
fn topics_apply_removes_automatic_topics_nothing_uses() {
    let wd = Workdir::new();
    import_extracted(&wd, &[extracted("Ann Lee", "the ceasefire must hold", "support", "2025-08-19")]);
    wd.stdout(&["topics", "apply"]);
    assert_eq!(column(&topics_json(&wd), "name"), vec![json!("ceasefire")]);
    wd.stdout(&["topics", "add", "war and peace", "--keywords", "ceasefire, truce"]);
    let out = wd.stdout(&["topics", "apply"]);
    assert!(out.contains("1 unused automatic topics removed"), "{out}");
    assert_eq!(column(&topics_json(&wd), "name"), vec![json!("war and peace")]);
}

#[test]
fn topics_apply_leaves_an_edited_statement_alone() {
    let wd = Workdir::new();
    import_extracted(&wd, &[extracted("Ann Lee", "Kyiv will never cede Donetsk", "oppose", "2025-08-18")]);
    wd.stdout(&["edit", "1", "--topic", "Sovereignty"]);
    wd.stdout(&["topics", "add", "territory", "--keywords", "Donetsk"]);
    let out = wd.stdout(&["topics", "apply"]);
    assert!(out.starts_with("re-tagged 0 of 0 extracted statements (1 manual or edited kept"), "{out}");
    assert_eq!(column(&wd.query_json(&[]), "topic"), vec![json!("Sovereignty")]);
}

#[test]
fn topics_load_reads_a_file_of_names_and_keywords() {
    let wd = Workdir::new();
    let file = wd.write("topics.txt", "# our beats\nterritory: territory, Donetsk\nceasefire\tceasefire, truce\n");
    let out = wd.stdout(&["topics", "load", file.to_str().unwrap()]);
    assert!(out.starts_with("2 topics added, 0 updated from "), "{out}");
    assert_eq!(column(&topics_json(&wd), "name"), vec![json!("territory"), json!("ceasefire")]);
}

#[test]
fn topics_load_names_the_file_and_line_and_stores_nothing_on_error() {
    let wd = Workdir::new();
    wd.stdout(&["init"]);
    let file = wd.write("topics.txt", "territory: territory\nceasefire\n");
    let err = wd.error(&["topics", "load", file.to_str().unwrap()]);
    assert!(err.trim().ends_with("topics.txt:2: expected `name: keyword, keyword` (or name, a tab, keywords), found 'ceasefire'"), "{err}");
    assert!(topics_json(&wd).is_empty());
}

#[test]
fn topics_list_prints_every_format() {
    let wd = Workdir::new();
    wd.stdout(&["topics", "add", "territory", "--keywords", "Donetsk, cede"]);
    assert_eq!(
        wd.stdout(&["topics", "--format", "csv"]),
        "id,name,keywords,automatic,statements\n1,territory,\"Donetsk, cede\",false,0\n"
    );
    assert_eq!(
        wd.stdout(&["topics", "list", "--format", "jsonl"]),
        "{\"id\":1,\"name\":\"territory\",\"keywords\":[\"Donetsk\",\"cede\"],\"automatic\":false,\"statements\":0}\n"
    );
    let markdown = wd.stdout(&["topics", "--format", "markdown"]);
    assert!(markdown.contains("| 1 | territory | Donetsk, cede | false | 0 |"), "{markdown}");
    let table = wd.stdout(&["topics"]);
    assert!(table.contains("territory") && table.contains("Donetsk, cede"), "{table}");
}
