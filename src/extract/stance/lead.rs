//! The words just before a cue in its clause ("has not endorsed", "did not
//! deny", "refused to back"): a negation there is the cue's own, though the
//! cue found is the verb alone.

use super::CLAUSE_BREAKS;
use crate::extract::tokens::words_with_offsets;

/// How many words before the cue may negate it ("does not plan to endorse",
/// "has not publicly accused").
const LEAD_WORDS: usize = 4;

/// How far back, in bytes, the lead is looked for.
const LEAD_BYTES: usize = 80;

/// The words before the cue at `cue_start` in `text` that may negate it:
/// after the source when it comes first, after the last punctuation mark
/// or clause-opening word ("has not read it but knows", "who does not
/// know me, attacked"), and at most a few words.
pub fn cue_lead(text: &str, cue_start: usize, source_end: Option<usize>) -> &str {
    let mut from = cue_start.saturating_sub(LEAD_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    if let Some(end) = source_end.filter(|&end| end <= cue_start) {
        from = from.max(end);
    }
    let before = &text[from..cue_start];
    let clause = match before.rfind(['"', '\u{201C}', '\u{201D}', ',', ';', ':', '.', '!', '?', '(', ')', '\u{2014}']) {
        Some(at) => &before[at + before[at..].chars().next().map_or(1, char::len_utf8)..],
        None => before,
    };
    let mut start = clause.len();
    for (count, (at, word)) in words_with_offsets(clause).rev().enumerate() {
        if count == LEAD_WORDS || CLAUSE_BREAKS.holds(word) {
            break;
        }
        start = at;
    }
    clause[start..].trim()
}

#[cfg(test)]
mod tests {
    use super::cue_lead;

    fn lead_of(sentence: &str, cue: &str, source: Option<&str>) -> String {
        let cue_start = sentence.find(cue).unwrap();
        let source_end = source.map(|s| sentence.find(s).unwrap() + s.len());
        cue_lead(sentence, cue_start, source_end).to_string()
    }

    #[test]
    fn the_words_between_source_and_cue() {
        assert_eq!(lead_of("The mayor has not endorsed the plan.", "endorsed", Some("The mayor")), "has not");
    }

    #[test]
    fn stops_at_a_comma_and_at_a_clause_opening_word() {
        assert_eq!(lead_of("The clerk, who does not like me, attacked me.", "attacked", Some("The clerk")), "");
        assert_eq!(lead_of("She has not seen the film but praised it.", "praised", Some("She")), "");
    }

    #[test]
    fn at_most_a_few_words() {
        assert_eq!(lead_of("Yesterday the old union said it did not plan to back the bill.", "back", None), "did not plan to");
    }
}
