//! Accuracy of the built-in stance lexicon on our own labelled sentences, in
//! two parts reported separately: the tuning set (`stance_set.tsv`, which the
//! lexicon was grown against, so it is a regression check) and the held-out
//! set (`stance_heldout.tsv`, written before any rule was changed for it, so
//! it estimates accuracy on sentences the rules never saw). Run with
//! `cargo test --release --test test_stance_set -- --nocapture` to see the figures.

#[path = "common/stance_eval.rs"]
mod stance_eval;

use claimdb::extract::stance::StanceLexicon;
use claimdb::model::Stance;

const TUNING_SET: &str = include_str!("fixtures/stance_set.tsv");
const HELD_OUT_SET: &str = include_str!("fixtures/stance_heldout.tsv");

fn assert_balanced(name: &str, text: &str, at_least: usize) {
    let cases = stance_eval::read_cases(text).unwrap();
    assert!(cases.len() >= at_least, "{name}: only {} sentences", cases.len());
    for stance in Stance::ALL {
        let n = cases.iter().filter(|c| c.stance == *stance).count();
        assert!(n * 4 >= cases.len(), "{name}: {stance} has only {n} of {} sentences", cases.len());
    }
}

#[test]
fn both_sets_are_balanced_and_large_enough() {
    assert_balanced("tuning set", TUNING_SET, 80);
    assert_balanced("held-out set", HELD_OUT_SET, 60);
}

#[test]
fn stance_accuracy_on_the_tuning_set_is_at_least_085() {
    let cases = stance_eval::read_cases(TUNING_SET).unwrap();
    let score = stance_eval::score(&StanceLexicon::default(), &cases);
    println!("tuning set\n{}", score.report());
    assert!(score.accuracy() >= 0.85, "overall accuracy {:.3} < 0.85\n{}", score.accuracy(), score.report());
}

/// The held-out minimums: overall, each class, and hedged.
const HELD_OUT_OVERALL: f64 = 0.85;
const HELD_OUT_PER_CLASS: f64 = 0.80;
const HELD_OUT_HEDGED: f64 = 0.95;

#[test]
fn the_held_out_set_meets_its_overall_per_class_and_hedged_minimums() {
    let cases = stance_eval::read_cases(HELD_OUT_SET).unwrap();
    let score = stance_eval::score(&StanceLexicon::default(), &cases);
    println!("held-out set\n{}", score.report());
    assert!(score.accuracy() >= HELD_OUT_OVERALL, "overall {:.3} < {HELD_OUT_OVERALL}\n{}", score.accuracy(), score.report());
    for (stance, correct, total) in &score.per_class {
        let accuracy = *correct as f64 / (*total).max(1) as f64;
        assert!(accuracy >= HELD_OUT_PER_CLASS, "{stance} {accuracy:.3} < {HELD_OUT_PER_CLASS}\n{}", score.report());
    }
    assert!(score.hedged_accuracy() >= HELD_OUT_HEDGED, "hedged {:.3} < {HELD_OUT_HEDGED}\n{}", score.hedged_accuracy(), score.report());
}
