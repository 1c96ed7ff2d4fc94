//! The clause that governs a participle cue: in "the senator attacked the
//! plan, saying it costs too much" the statement is found at "saying",
//! which takes no side, while the verb before it ("attacked") is the
//! speaker's position and what the labels read. The clause runs from the
//! start of the sentence (or the last quotation mark: a quote's words are
//! not the speaker's verb) to the comma or the linking word
//! (`data/stance_participle_links.txt`: "defended it by saying") just
//! before the participle.

use crate::extract::lexicon::IrregularVerbs;
use crate::extract::word_set::WordSet;
use std::sync::LazyLock;

const BUILTIN_LINKS: &str = include_str!("../../../data/stance_participle_links.txt");
const BUILTIN_PARTICLE_CUES: &str = include_str!("../../../data/stance_particle_cues.txt");

static LINKS: LazyLock<WordSet> = LazyLock::new(|| WordSet::from_lines(BUILTIN_LINKS));
static PARTICLE_CUES: LazyLock<WordSet> = LazyLock::new(|| WordSet::from_lines(BUILTIN_PARTICLE_CUES));

/// How far back, in bytes, the governing clause is looked for.
const CLAUSE_BYTES: usize = 200;

/// The clause governing the cue `cue` at `cue_start` in `text`, when the
/// cue opens on a participle ("saying", "calling") tied to the clause
/// before it by a comma or a linking word; else "".
pub fn governing_clause<'t>(text: &'t str, cue_start: usize, cue: &str) -> &'t str {
    let participle = cue.split_whitespace().next().is_some_and(|w| w.len() > 4 && w.ends_with("ing"));
    if !participle || cue_start > text.len() {
        return "";
    }
    let mut from = cue_start.saturating_sub(CLAUSE_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..cue_start].trim_end();
    let Some(tied) = tied_clause(before) else { return "" };
    let start = tied.rfind(['.', '!', '?', '\n', '"', '\u{201C}', '\u{201D}', ';', ':', '(', ')']).map_or(0, |at| at + tied[at..].chars().next().map_or(1, char::len_utf8));
    // Doubled single quotes open and close quotes in some outlets.
    let start = tied.rfind("''").map_or(start, |at| start.max(at + 2));
    tied[start..].trim()
}

/// The text before a participle without what ties it on (a comma, or a
/// linking word), if something does.
fn tied_clause(before: &str) -> Option<&str> {
    if let Some(clause) = before.strip_suffix(',') {
        return Some(clause);
    }
    let last = before.rsplit(char::is_whitespace).next()?;
    LINKS.holds(last).then(|| before[..before.len() - last.len()].trim_end())
}

/// Whether the cue found at `at` in `clause` is the particle of the verb
/// just before it ("walked back his remarks": `data/stance_particle_cues.txt`)
/// rather than a verb of its own ("will back the plan", "voters back him").
/// A verb in the past is what a particle follows in news: a regular one
/// ("walked", "scaled") or an irregular form ("held", "fought").
pub(super) fn cue_is_a_particle(clause: &str, at: usize, irregular: &IrregularVerbs) -> bool {
    let word = clause[at..].split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if !PARTICLE_CUES.holds(word) {
        return false;
    }
    let before = clause[..at].split_whitespace().next_back().unwrap_or("");
    let past = before.len() > 3 && before.starts_with(|c: char| c.is_ascii_lowercase()) && before.ends_with("ed");
    past || irregular.is_inflected(before)
}

#[cfg(test)]
mod tests {
    use super::{cue_is_a_particle, governing_clause};
    use crate::extract::lexicon::IrregularVerbs;

    fn clause_of(sentence: &str, cue: &str) -> String {
        let at = sentence.find(cue).unwrap();
        governing_clause(sentence, at, cue).to_string()
    }

    #[test]
    fn a_participle_after_a_comma_is_governed_by_the_clause_before() {
        let text = "The council met on Monday. The mayor attacked the harbour plan, saying it would cost too much.";
        assert_eq!(clause_of(text, "saying"), "The mayor attacked the harbour plan");
    }

    #[test]
    fn a_linking_word_ties_a_participle_too() {
        let text = "The mayor defended the toll by saying it pays for the ferry.";
        assert_eq!(clause_of(text, "saying"), "The mayor defended the toll");
    }

    #[test]
    fn a_quote_before_the_participle_is_not_its_clause() {
        let text = "\u{201C}We will win the vote,\u{201D} the mayor said, adding that the port would stay open.";
        assert_eq!(clause_of(text, "adding"), "the mayor said");
    }

    #[test]
    fn back_after_a_verb_in_the_past_is_its_particle() {
        let irregular = IrregularVerbs::parse(include_str!("../../../data/irregular_verbs.tsv"));
        let particle = |clause: &str| cue_is_a_particle(clause, clause.find("back").unwrap(), &irregular);
        assert!(particle("The mayor later walked back his remarks"));
        assert!(particle("The mayor held back the report"));
        assert!(!particle("The mayor will back the harbour plan"), "a verb after a modal");
        assert!(!particle("Most fishermen back the harbour plan"), "a verb after its subject");
        assert!(!cue_is_a_particle("The mayor walked out, criticizing", 16, &irregular), "no particle cue");
    }

    #[test]
    fn no_participle_or_nothing_tying_it_has_no_governing_clause() {
        assert_eq!(clause_of("The mayor attacked the plan, said a clerk.", "said"), "");
        assert_eq!(clause_of("The mayor is saying the plan is costly.", "saying"), "");
    }
}
