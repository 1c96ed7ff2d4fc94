//! Capitalised runs that are no one: days of the week. A pronoun after
//! them finds the real person.

mod common;

use common::Workdir;
use serde_json::Value;

fn statements(article: &str) -> Vec<Value> {
    let wd = Workdir::new();
    let path = wd.write("article.txt", article);
    let out = wd.stdout(&["extract", "--format", "jsonl", path.to_str().unwrap()]);
    out.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

fn speaker_of(rows: &[Value], content: &str) -> String {
    let row = rows.iter().find(|r| r["content"].as_str().unwrap_or("").contains(content)).unwrap_or_else(|| panic!("no statement holding {content:?} in {rows:#?}"));
    row["speaker"].as_str().unwrap_or("").to_string()
}

#[test]
fn a_day_ending_a_source_is_no_speaker_and_no_antecedent() {
    let rows = statements(
        "Gov. Nora Blake announced the pact with legislators. Tenants will save forty dollars a month, \
         according to a summary the agency published Monday. She said the pact was fair to landlords.",
    );
    assert_ne!(speaker_of(&rows, "Tenants will save forty dollars"), "Monday");
    assert_eq!(speaker_of(&rows, "the pact was fair to landlords"), "Nora Blake");
}

#[test]
fn an_opening_and_before_the_pronoun_leaves_the_pronoun_the_source() {
    let rows = statements(
        "Ruth Alvarez toured the plant on Friday. And she spoke for an hour, \
         promising that the county would keep every job at the plant.",
    );
    assert_eq!(speaker_of(&rows, "the county would keep every job"), "Ruth Alvarez");
}
