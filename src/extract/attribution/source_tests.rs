//! Sources as `source.rs` finds them, on sentences written for the purpose.

use super::super::super::{cues::CueLexicon, quotes::find_quotes, sentences::split_sentences};
use super::super::{attribute, Layout};

/// The attributions found in `text`.
fn attributions(text: &str) -> Vec<super::super::Attribution> {
    let sentences = split_sentences(text);
    let quotes = find_quotes(text);
    let cues = CueLexicon::builtin().find(text);
    let layout = Layout { text, sentences: &sentences, quotes: &quotes, cues: &cues };
    attribute(&layout)
}

/// The source of the attribution on `cue`, "" where it has none.
fn source_of(text: &str, cue: &str) -> String {
    let all = attributions(text);
    let found = all.iter().find(|a| text[a.cue.clone()].ends_with(cue)).unwrap_or_else(|| panic!("no attribution on {cue:?}: {:?}", all.iter().map(|a| &text[a.cue.clone()]).collect::<Vec<_>>()));
    found.source.clone().map(|r| text[r].to_string()).unwrap_or_default()
}

#[test]
fn an_object_made_by_the_subject_before_that_gives_the_subject() {
    assert_eq!(source_of("Mayor Ann Roe is releasing a new radio ad that urges voters to back the levy.", "urges"), "Mayor Ann Roe");
    assert_eq!(source_of("Sen. Bo Lind (R-Ohio) has released a short film that accuses the mayor of lying.", "accuses"), "Sen. Bo Lind (R-Ohio)");
    assert_eq!(source_of("Bo Lind released a video that says the pier is unsafe.", "says"), "Bo Lind");
}

#[test]
fn a_noun_before_that_with_no_verb_stays_the_source() {
    assert_eq!(source_of("The crews were angry. There is nothing that suggests the pier is unsafe.", "suggests"), "nothing");
}

#[test]
fn an_opening_adverb_or_time_is_not_the_subject_of_a_joined_verb() {
    assert_eq!(source_of("Publicly, the mayor praises the crews and says the pier is safe.", "says"), "the mayor");
    assert_eq!(source_of("A week later, Ann Roe toured the pier and said the ramp was unsafe.", "said"), "Ann Roe");
    assert_eq!(source_of("Perhaps tellingly, the union toured the pier and said it was unsafe.", "said"), "the union");
    assert_eq!(source_of("The vote was close. But a few days later, Ann Roe reversed herself, telling reporters that the pier would close.", "telling"), "Ann Roe");
}

#[test]
fn a_name_ending_like_an_adverb_is_still_the_subject() {
    assert_eq!(source_of("Kelly, a nurse in Lima, toured the pier and said the ramp was unsafe.", "said"), "Kelly");
}

#[test]
fn a_noun_after_a_name_possessive_stays_in_the_subject() {
    assert_eq!(source_of("Ann Roe's lawyers read the files and found that one was secret.", "found"), "Ann Roe's lawyers");
    assert_eq!(source_of("Essentially, Bo Lind's younger sister toured the pier and said it was unsafe.", "said"), "Bo Lind's younger sister");
    // A contraction is no possessive.
    assert_eq!(source_of("He's touring the pier this week and says it is unsafe.", "says"), "He's");
}

#[test]
fn a_clause_opening_before_a_quotation_is_no_speaker() {
    let text = "“The pier is safe,” said Ann Roe. Unless more crews quit the docks, “the ramp will open in May.”";
    let sources: Vec<String> = attributions(text).iter().filter_map(|a| a.source.clone()).map(|r| text[r].to_string()).collect();
    assert!(sources.iter().all(|s| !s.starts_with("Unless")), "{sources:?}");
    assert!(sources.contains(&"Ann Roe".to_string()), "{sources:?}");
}

#[test]
fn at_least_stays_with_its_count_and_so_far_is_no_name() {
    assert_eq!(source_of("At least a dozen crew members told the Gazette the pier is unsafe.", "told"), "At least a dozen crew members");
    assert_eq!(source_of("The mayor left early, but at least a dozen crew members told the Gazette the pier is unsafe.", "told"), "at least a dozen crew members");
    assert_eq!(source_of("Ann Roe so far hasn't said whether the pier is safe.", "said"), "Ann Roe");
}

#[test]
fn a_report_in_the_passive_with_an_irregular_verb_has_no_source() {
    assert_eq!(source_of("Ann Roe was said to be furious with the mayor.", "said"), "");
    assert_eq!(source_of("Last year I was told that the pier would close.", "told"), "");
    assert_eq!(source_of("Ann Roe said that the pier would close.", "said"), "Ann Roe");
}
