//! Score the stance lexicon on a labelled set and print per-class accuracy.
//!
//!     cargo run --release --example stance_eval [SET.tsv] [--lexicon USER.tsv]
//!
//! The set defaults to tests/fixtures/stance_set.tsv. Also prints how fast
//! `judge` runs over the set's text, repeated.

#[path = "../tests/common/stance_eval.rs"]
mod stance_eval;

use claimdb::extract::stance::StanceLexicon;
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let mut set_path = "tests/fixtures/stance_set.tsv".to_string();
    let mut lexicon = StanceLexicon::default();
    while let Some(arg) = args.next() {
        if arg == "--lexicon" {
            let path = args
                .next()
                .ok_or_else(|| anyhow::anyhow!("--lexicon needs a file"))?;
            lexicon = StanceLexicon::with_user_file(&path)?;
        } else {
            set_path = arg;
        }
    }
    let text =
        std::fs::read_to_string(&set_path).map_err(|e| anyhow::anyhow!("{set_path}: {e}"))?;
    let cases = stance_eval::read_cases(&text).map_err(|e| anyhow::anyhow!("{set_path}: {e}"))?;
    let score = stance_eval::score(&lexicon, &cases);
    print!("{}", score.report());

    let bytes: usize = cases.iter().map(|c| c.cue.len() + c.content.len()).sum();
    let rounds = 2000;
    let started = Instant::now();
    let mut supports = 0usize;
    for _ in 0..rounds {
        for case in &cases {
            supports += usize::from(
                lexicon.judge(&case.cue, &case.content).stance == claimdb::Stance::Support,
            );
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "speed    {:.1} MB/s, {:.0} judgements/s ({} supports)",
        (bytes * rounds) as f64 / seconds / 1e6,
        (cases.len() * rounds) as f64 / seconds,
        supports / rounds
    );
    Ok(())
}
