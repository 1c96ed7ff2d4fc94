//! Scoring the stance lexicon on a labelled set (tests/fixtures/stance_set.tsv):
//! shared by the `test_stance_set` test and the `stance_eval` example.

use claimdb::extract::stance::StanceLexicon;
use claimdb::model::Stance;

/// One labelled sentence: how it was reported and what we expect.
pub struct Case {
    pub line: usize,
    pub cue: String,
    pub content: String,
    pub stance: Stance,
    pub hedged: bool,
}

/// Read the set: tab-separated cue, content, stance, hedged (yes/no); `#`
/// comments and the header line are skipped.
pub fn read_cases(text: &str) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') || line.starts_with("cue\t") {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [cue, content, stance, hedged] = fields[..] else {
            return Err(format!(
                "line {}: expected 4 tab-separated fields",
                index + 1
            ));
        };
        let stance = stance
            .parse()
            .map_err(|e| format!("line {}: {e}", index + 1))?;
        let hedged = match hedged {
            "yes" => true,
            "no" => false,
            other => {
                return Err(format!(
                    "line {}: hedged must be yes or no, not '{other}'",
                    index + 1
                ))
            }
        };
        cases.push(Case {
            line: index + 1,
            cue: cue.into(),
            content: content.into(),
            stance,
            hedged,
        });
    }
    Ok(cases)
}

#[derive(Default)]
pub struct Score {
    /// (correct, total) per gold class, in Stance::ALL order.
    pub per_class: Vec<(Stance, usize, usize)>,
    pub correct: usize,
    pub total: usize,
    pub hedged_correct: usize,
    pub misses: Vec<String>,
}

impl Score {
    pub fn accuracy(&self) -> f64 {
        self.correct as f64 / self.total.max(1) as f64
    }

    pub fn hedged_accuracy(&self) -> f64 {
        self.hedged_correct as f64 / self.total.max(1) as f64
    }

    pub fn report(&self) -> String {
        let mut out = String::new();
        for (stance, correct, total) in &self.per_class {
            out += &format!(
                "{stance:<8} {correct:>3}/{total:<3} {:.3}\n",
                *correct as f64 / (*total).max(1) as f64
            );
        }
        out += &format!(
            "overall  {:>3}/{:<3} {:.3}\n",
            self.correct,
            self.total,
            self.accuracy()
        );
        out += &format!(
            "hedged   {:>3}/{:<3} {:.3}\n",
            self.hedged_correct,
            self.total,
            self.hedged_accuracy()
        );
        for miss in &self.misses {
            out += &format!("miss: {miss}\n");
        }
        out
    }
}

pub fn score(lexicon: &StanceLexicon, cases: &[Case]) -> Score {
    let mut score = Score {
        per_class: Stance::ALL.iter().map(|s| (*s, 0, 0)).collect(),
        ..Default::default()
    };
    for case in cases {
        let got = lexicon.judge(&case.cue, &case.content);
        let class = score
            .per_class
            .iter_mut()
            .find(|(s, _, _)| *s == case.stance)
            .expect("every stance has a row");
        class.2 += 1;
        score.total += 1;
        if got.stance == case.stance {
            class.1 += 1;
            score.correct += 1;
        }
        if got.hedged == case.hedged {
            score.hedged_correct += 1;
        }
        if got.stance != case.stance || got.hedged != case.hedged {
            score.misses.push(format!(
                "line {}: {} | {} => {} hedged={} (expected {} hedged={})",
                case.line, case.cue, case.content, got.stance, got.hedged, case.stance, case.hedged
            ));
        }
    }
    score
}
