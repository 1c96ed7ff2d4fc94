//! Accuracy of the built-in stance lexicon on our own labelled set. Run with
//! `cargo test --release --test test_stance_set -- --nocapture` to see the figures.

#[path = "common/stance_eval.rs"]
mod stance_eval;

use claimdb::extract::stance::StanceLexicon;
use claimdb::model::Stance;

const SET: &str = include_str!("fixtures/stance_set.tsv");

#[test]
fn the_stance_set_is_balanced_and_large_enough() {
    let cases = stance_eval::read_cases(SET).unwrap();
    assert!(cases.len() >= 80, "only {} sentences", cases.len());
    for stance in Stance::ALL {
        let n = cases.iter().filter(|c| c.stance == *stance).count();
        assert!(
            n * 4 >= cases.len(),
            "{stance} has only {n} of {} sentences",
            cases.len()
        );
    }
}

#[test]
fn stance_accuracy_on_the_set_is_at_least_085() {
    let cases = stance_eval::read_cases(SET).unwrap();
    let score = stance_eval::score(&StanceLexicon::default(), &cases);
    println!("{}", score.report());
    assert!(
        score.accuracy() >= 0.85,
        "overall accuracy {:.3} < 0.85\n{}",
        score.accuracy(),
        score.report()
    );
}
