//! Stance: support / oppose / neutral toward the topic, and whether the
//! statement is hedged, from the cue, the content and hedge words.

use crate::model::Stance;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StanceJudgement {
    pub stance: Stance,
    pub hedged: bool,
}

/// Cue polarity, content polarity phrases and hedges; built in from `data/`,
/// extensible by a user's own file.
#[derive(Debug, Clone, Default)]
pub struct StanceLexicon {}

impl StanceLexicon {
    /// The stance of a statement reported with `cue` (as written: "dismissed",
    /// "ruled out", "according to") saying `content`.
    pub fn judge(&self, cue: &str, content: &str) -> StanceJudgement {
        let _ = (cue, content);
        StanceJudgement { stance: Stance::Neutral, hedged: false }
    }
}
