//! Sources that describe rather than name someone: "the Ohio governor",
//! "the 52-year-old", "his campaign", "Her press secretary, Ada Voss,".
//! The real binary extracts articles we wrote, and each statement's
//! speaker is checked.

mod common;

use common::Workdir;
use serde_json::Value;

/// The speaker of the statement whose content holds `content`.
fn speaker_of(article: &str, content: &str) -> String {
    let wd = Workdir::new();
    let path = wd.write("article.txt", article);
    let out = wd.stdout(&["extract", "--format", "jsonl", path.to_str().unwrap()]);
    let rows: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    let row = rows.iter().find(|r| r["content"].as_str().unwrap_or("").contains(content)).unwrap_or_else(|| panic!("no statement holding {content:?} in {rows:#?}"));
    row["speaker"].as_str().unwrap_or("").to_string()
}

#[test]
fn a_description_with_its_title_abbreviated_earlier_finds_the_person() {
    let article = "Ohio Gov. Walter Brandt said the budget would pass. \
        Critics disagreed. \"We will not raise the sales tax,\" the governor said.";
    assert_eq!(speaker_of(article, "We will not raise the sales tax"), "Walter Brandt");
}

#[test]
fn a_description_finds_the_person_just_quoted_whose_place_stands_beside_the_name() {
    let article = "Speaking in Vermont, Marta Lindqvist said the farm bill was too small. \
        \"It leaves dairy farmers behind,\" the Vermont senator said on Tuesday.";
    assert_eq!(speaker_of(article, "It leaves dairy farmers behind"), "Marta Lindqvist");
}

#[test]
fn a_description_whose_place_is_no_one_elses_is_the_subject_just_named_or_no_one() {
    // Newswriting describes who it has just made its subject.
    let article = "Marta Lindqvist said the farm bill was too small. \
        \"It leaves dairy farmers behind,\" the Texas senator said on Tuesday.";
    assert_eq!(speaker_of(article, "It leaves dairy farmers behind"), "Marta Lindqvist");
    // Named deep in a clause, she is no subject to describe.
    let article = "The hall went quiet for a while as the crowd waited and Marta Lindqvist said the farm bill was too small. \
        \"It leaves dairy farmers behind,\" the Texas senator said on Tuesday.";
    assert_eq!(speaker_of(article, "It leaves dairy farmers behind"), "the Texas senator");
}

#[test]
fn a_party_alone_does_not_pick_the_person() {
    let article = "Democratic leaders met Marta Lindqvist, who said the farm bill was too small. \
        \"It leaves dairy farmers behind,\" the Democratic candidate said.";
    assert_ne!(speaker_of(article, "It leaves dairy farmers behind"), "Marta Lindqvist");
}

#[test]
fn the_age_description_is_the_person_just_named() {
    let article = "The painter Oscar Feld opened a show in Leeds on Monday. \
        \"I painted all of it in one winter,\" the 61-year-old said.";
    assert_eq!(speaker_of(article, "I painted all of it in one winter"), "Oscar Feld");
}

#[test]
fn an_indefinite_description_is_someone_new() {
    let article = "Oscar Feld opened a show in Leeds on Monday. \
        \"I came for the colours,\" a 24-year-old said.";
    assert_ne!(speaker_of(article, "I came for the colours"), "Oscar Feld");
}

#[test]
fn a_possessive_description_with_a_name_after_it_is_that_name() {
    let article = "Senator Ruth Alvarez spoke in Denver. \
        Her press secretary, Tomas Reyes, said the senator would vote against the bill.";
    assert_eq!(speaker_of(article, "would vote against the bill"), "Tomas Reyes");
}

#[test]
fn his_campaign_is_the_campaign_of_the_man_just_named() {
    let article = "Governor Paul Hendry said on Monday that he would run again. \
        His campaign said it had raised four million dollars in a week.";
    assert_eq!(speaker_of(article, "raised four million dollars"), "Paul Hendry campaign");
}

#[test]
fn a_description_that_tells_the_sex_skips_someone_of_the_other() {
    let article = "Robert Kessler said the hotel deal was done. Mary Kessler said she would run it. \
        \"We paid too much for the land,\" the businessman said.";
    assert_eq!(speaker_of(article, "We paid too much for the land"), "Robert Kessler");
}

#[test]
fn a_described_group_unnamed_elsewhere_is_its_own_speaker() {
    // A plural head of data/groups.txt makes a group, even with a party
    // or a descriptor before it that alone would describe one person.
    let article = "The ferry bill passed the House.\n\nRepublican senators said that the ferry bill costs too much.";
    assert_eq!(speaker_of(article, "the ferry bill costs too much"), "Republican senators");
    let article = "The ferry bill passed the House.\n\nSeveral liberal advocates said that the ferry bill is too small.";
    assert_eq!(speaker_of(article, "the ferry bill is too small"), "several liberal advocates");
}

#[test]
fn a_description_after_a_quotation_of_several_sentences_is_the_subject_before_it() {
    // The name inside the quotation is someone spoken of, not the speaker.
    let article = "Karl Brandt debated Tom Reed on Monday.\n\n\
        Brandt went after Reed at the debate, calling the mayor “reckless.” \
        “So Tom, you know, is good at one-liners. He would not be the leader we need,” the former Ohio governor said.";
    assert_eq!(speaker_of(article, "He would not be the leader we need"), "Karl Brandt");
}
