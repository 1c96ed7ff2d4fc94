//! `claimdb extract` on plain-text articles that open with a headline: the
//! headline is the title, and no statement comes from it.

mod common;

use common::Workdir;
use serde_json::Value;

fn extract(wd: &Workdir, name: &str, text: &str) -> Vec<Value> {
    let path = wd.write(name, text);
    let out = wd.stdout(&["extract", "--format", "jsonl", path.to_str().unwrap()]);
    out.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

#[test]
fn a_headline_line_becomes_the_title_and_gives_no_statement() {
    let wd = Workdir::new();
    let rows = extract(
        &wd,
        "harbour.txt",
        "Mayor Voss: Harbour Fees Must Rise Next Year\n\nThe harbour board met on Tuesday. Mayor Ilse Voss said that fees would rise.\n",
    );
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0]["title"], "Mayor Voss: Harbour Fees Must Rise Next Year");
    assert_eq!(rows[0]["cue"], "said");
    assert_eq!(rows[0]["content"], "that fees would rise");
}

#[test]
fn a_first_line_ending_as_a_sentence_is_no_headline() {
    let wd = Workdir::new();
    let rows = extract(&wd, "plain.txt", "Mayor Ilse Voss said that fees would rise.\n\nThe board met on Tuesday.\n");
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0]["title"], Value::Null);
    assert_eq!(rows[0]["content"], "that fees would rise");
}

#[test]
fn front_matter_title_wins_over_the_first_line() {
    let wd = Workdir::new();
    let rows = extract(
        &wd,
        "fm.txt",
        "---\ntitle: Fees up\n---\nHarbour Fees Will Rise\n\nMayor Ilse Voss said that fees would rise.\n",
    );
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0]["title"], "Fees up");
}
