//! Bodies, parties and shares of a group as speakers, through `ingest` and
//! `speakers`: one record each, of the right kind.

mod common;

use common::Workdir;
use serde_json::Value;

fn speakers_after_ingesting(article: &str) -> Vec<Value> {
    let wd = Workdir::new();
    let path = wd.write("article.txt", article);
    wd.stdout(&["ingest", path.to_str().unwrap()]);
    serde_json::from_str(&wd.stdout(&["speakers", "--format", "json"])).unwrap()
}

fn kind_of(list: &[Value], name: &str) -> String {
    let row = list.iter().find(|r| r["name"] == name).unwrap_or_else(|| panic!("no speaker {name:?} in {list:#?}"));
    row["kind"].as_str().unwrap_or("").to_string()
}

/// An article that shows `name` is a company.
fn maker_article(name: &str) -> String {
    format!("The chemical maker {name} opened a plant at Harlow in the spring. The company said the plant would hire four hundred workers by the autumn.")
}

/// The kind `name`'s record has once two articles went in, one after the
/// other: a first that names it bare, a second that shows what it is.
fn kind_after_two_articles(first: &str, second: &str, name: &str) -> String {
    let wd = Workdir::new();
    for (file, text) in [("first.txt", first), ("second.txt", second)] {
        let path = wd.write(file, text);
        wd.stdout(&["ingest", path.to_str().unwrap()]);
    }
    let list: Vec<Value> = serde_json::from_str(&wd.stdout(&["speakers", "--format", "json"])).unwrap();
    kind_of(&list, name)
}

#[test]
fn a_party_committee_with_or_without_its_article_is_one_organisation() {
    let list = speakers_after_ingesting(
        "The DNC said the debate schedule would not change before the spring. \
         Later that week, DNC officials said nothing at all, and the RNC said the schedule was unfair to every candidate.",
    );
    assert_eq!(kind_of(&list, "DNC"), "organization");
    assert_eq!(kind_of(&list, "RNC"), "organization");
    assert!(list.iter().all(|r| r["name"] != "the DNC"), "{list:#?}");
}

#[test]
fn party_members_keep_their_capital_and_a_share_is_its_group() {
    let list = speakers_after_ingesting(
        "Republicans said the bill would raise costs for every family in the county. \
         About four in 10 Ohio farmers said the drought had cut their harvest by half.",
    );
    assert_eq!(kind_of(&list, "Republicans"), "group");
    assert_eq!(kind_of(&list, "Ohio farmers"), "group");
}

#[test]
fn a_bare_name_taken_for_a_person_is_an_organisation_once_an_article_shows_it() {
    assert_eq!(kind_after_two_articles("Zorvex said the plant at Harlow would stay open through the winter.", &maker_article("Zorvex"), "Zorvex"), "organization");
}

#[test]
fn a_bare_name_someone_called_he_stays_a_person() {
    assert_eq!(kind_after_two_articles("Quillon said the plant at Harlow would stay open. He said the winter would be hard.", &maker_article("Quillon"), "Quillon"), "person");
}

#[test]
fn a_bare_name_someone_called_by_any_honorific_stays_a_person() {
    // "Dr." as much as "Mr.": every honorific of data/honorifics.txt.
    assert_eq!(kind_after_two_articles("Quillon said the plant at Harlow would stay open. Dr. Quillon said the winter would be hard.", &maker_article("Quillon"), "Quillon"), "person");
}

#[test]
fn websites_peoples_and_plural_heads_at_a_sentence_start_are_no_people() {
    let list = speakers_after_ingesting(
        "Harlowbuy.com said its prices would fall before the holidays. \
         Norwegians said the ferry fares were too high for the islands. \
         Reporters said the mayor had left the hall before the vote.",
    );
    assert_eq!(kind_of(&list, "Harlowbuy.com"), "organization");
    assert_eq!(kind_of(&list, "Norwegians"), "group");
    assert_eq!(kind_of(&list, "reporters"), "group");
}
