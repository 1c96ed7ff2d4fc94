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
