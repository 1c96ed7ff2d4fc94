//! The source span a statement's speaker comes from: the subject before an
//! auxiliary and its filler ("would only say"), and the subject after an
//! opening phrase ("On Sunday morning …", "Shortly after the vote, …", an
//! agency dateline). The real binary extracts articles we wrote, and each
//! statement's speaker mention and speaker are checked.

mod common;

use common::Workdir;
use serde_json::Value;

/// (speaker mention, speaker) of the statement whose content holds `content`.
fn source_of(article: &str, content: &str) -> (String, String) {
    let wd = Workdir::new();
    let path = wd.write("article.txt", article);
    let out = wd.stdout(&["extract", "--format", "jsonl", path.to_str().unwrap()]);
    let rows: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    let row = rows.iter().find(|r| r["content"].as_str().unwrap_or("").contains(content)).unwrap_or_else(|| panic!("no statement holding {content:?} in {rows:#?}"));
    let field = |name: &str| row[name].as_str().unwrap_or("").to_string();
    (field("speaker_mention"), field("speaker"))
}

fn pair(mention: &str, speaker: &str) -> (String, String) {
    (mention.to_string(), speaker.to_string())
}

#[test]
fn a_filler_between_auxiliary_and_verb_is_no_source() {
    let article = "Ferry fares rose in May.\n\nTomas Reedy would only say that the vote was close.";
    assert_eq!(source_of(article, "the vote was close"), pair("Tomas Reedy", "Tomas Reedy"));
    let article = "Ferry fares rose in May.\n\nHarbor pilots have in fact reported that the channel silted up.";
    assert_eq!(source_of(article, "the channel silted up").0, "Harbor pilots");
    let article = "Ferry fares rose in May.\n\nThe harbor master has in the past said that the pier is safe.";
    assert_eq!(source_of(article, "the pier is safe").0, "The harbor master");
}

#[test]
fn a_filler_with_no_auxiliary_before_it_is_left_alone() {
    // "Only" opens the subject here; no auxiliary stands before it.
    let article = "Ferry fares rose in May.\n\nOnly Tomas Reedy said that the vote was close.";
    assert_ne!(source_of(article, "the vote was close").0, "");
}

#[test]
fn a_day_opening_the_sentence_without_a_comma_is_not_the_subject() {
    let article = "Tomas Reedy runs the ferry line.\n\nOn Sunday morning Mr. Reedy made a new attempt, writing on his blog that the fare was fair.";
    assert_eq!(source_of(article, "the fare was fair"), pair("Mr. Reedy", "Tomas Reedy"));
}

#[test]
fn an_adverb_before_an_opening_phrase_is_skipped_with_it() {
    let article = "Ferry fares rose in May.\n\nShortly after the vote, the dock workers gathered, warning that the plan would fail.";
    assert_eq!(source_of(article, "the plan would fail").0, "the dock workers");
    let article = "Ferry fares rose in May.\n\nHere in Dayton, Anna Lowry stepped up her campaign, saying that the mill must stay open.";
    assert_eq!(source_of(article, "the mill must stay open"), pair("Anna Lowry", "Anna Lowry"));
}

#[test]
fn a_city_state_and_day_before_the_subject_are_one_opening() {
    let article = "Anna Lowry runs for mayor.\n\nAt a town hall in Lima, Ohio, on Monday, Mrs. Lowry tried again, saying that jobs matter most.";
    assert_eq!(source_of(article, "jobs matter most"), pair("Mrs. Lowry", "Anna Lowry"));
}

#[test]
fn an_agency_dateline_is_not_the_subject() {
    let article = "Ferry fares rose in May.\n\nLisbon (AFP) – Mayor Anna Lowry has criticised the port plan, saying that the harbor needs dredging.";
    assert_eq!(source_of(article, "the harbor needs dredging"), pair("Mayor Anna Lowry", "Anna Lowry"));
}

#[test]
fn a_place_after_in_is_where_the_source_is_not_the_source() {
    let article = "Ferry fares rose in May.\n\nThe port authority in Lisbon denied that the fares were too high.";
    assert_eq!(source_of(article, "the fares were too high").0, "The port authority in Lisbon");
    let article = "Ferry fares rose in May.\n\nDock workers in Porto say that the pay is too low.";
    assert_eq!(source_of(article, "the pay is too low").0, "Dock workers in Porto");
}

#[test]
fn a_name_after_an_opening_phrase_with_a_place_stays_the_source() {
    let article = "Anna Lowry runs for mayor.\n\nSpeaking at a rally in Porto, Lowry said that the pay is too low.";
    assert_eq!(source_of(article, "the pay is too low"), pair("Lowry", "Anna Lowry"));
}

#[test]
fn a_verb_in_a_series_after_a_clause_keeps_the_clause_subject() {
    let article = "Tomas Reedy spoke at the port.\n\nTomas Reedy complained about the fares but defended the ferry crews, mocked the Harbor Party and its leaders, and made it clear that the pier will stay open.";
    assert_eq!(source_of(article, "the pier will stay open"), pair("Tomas Reedy", "Tomas Reedy"));
    assert_eq!(source_of(article, "the Harbor Party and its leaders"), pair("Tomas Reedy", "Tomas Reedy"));
}

#[test]
fn a_verb_of_saying_after_a_clause_still_inverts() {
    let article = "Ferry fares rose in May.\n\nThe pier will close in June, said Anna Lowry, the harbor master.";
    assert_eq!(source_of(article, "The pier will close in June").1, "Anna Lowry");
}

#[test]
fn a_home_town_after_the_name_is_no_source() {
    let article = "Ferry fares rose in May.\n\n\"The fares scare me,\" Tom Quill, 30, of Dayton, Ohio, who rides the ferry to work, said in an interview.";
    assert_eq!(source_of(article, "The fares scare me"), pair("Tom Quill, 30, of Dayton, Ohio", "Tom Quill"));
    let article = "Ferry fares rose in May.\n\n\"The fares scare me,\" Ada Lind of Lima, Peru, who rides daily, said on Monday.";
    assert_eq!(source_of(article, "The fares scare me").1, "Ada Lind");
}

#[test]
fn a_description_cut_by_a_stop_word_runs_back_to_the_name() {
    let article = "Ferry fares rose in May.\n\nTomas Quill, the editor in chief of the city's official newspaper, La Gazzetta, said every mayor was political.";
    assert_eq!(source_of(article, "every mayor was political").1, "Tomas Quill");
    // A relative clause before the description is not crossed.
    let article = "Ferry fares rose in May.\n\nIt was a port that the former harbor master, Ada Lind, said was the busiest on the coast.";
    assert_eq!(source_of(article, "busiest on the coast").1, "Ada Lind");
}

#[test]
fn a_relative_clause_before_the_cue_leaves_its_noun_the_source() {
    let article = "Ferry fares rose in May.\n\nOfficials who have worked with Ada Lind say the channel is too shallow.";
    assert_eq!(source_of(article, "the channel is too shallow"), pair("Officials", "officials"));
    let article = "Ferry fares rose in May.\n\nBut those who back the ferry board say the fares are fair.";
    assert_eq!(source_of(article, "the fares are fair").0, "those who back the ferry board");
}

#[test]
fn a_relative_clause_with_a_subject_of_its_own_keeps_that_subject() {
    // "who many feel": "many" is the subject of "feel" …
    let article = "Ferry fares rose in May.\n\nThe board backed Ada Lind, who many feel deserves the post.";
    assert_eq!(source_of(article, "deserves the post").0, "many");
    // … and "than aides say" is a clause of its own.
    let article = "Ferry fares rose in May.\n\nThe fares hurt Tomas Reedy, who has won less credit than aides say he deserves.";
    assert_eq!(source_of(article, "he deserves").0, "aides");
}
