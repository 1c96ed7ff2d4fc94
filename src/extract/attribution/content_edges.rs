//! Where a content begins, settled once every report of the document is
//! found: rules that read a cue phrase as a whole.

use super::word_lists::WORDS;
use super::Attribution;

/// "experts note that the pier is safe", "the board voted to close the
/// pier": a cue phrase that ends in "that", or in "to" after a word that
/// takes an infinitive, keeps that word for the content, where PolNeAR's
/// guideline puts it ("that" and the infinitive's "to" are part of what
/// was said); the cue ends before it. Not "pointed to the vote", where
/// "to" is a preposition that belongs to the cue.
pub(super) fn start_content_at_cue_complementizer(text: &str, a: &mut Attribution) {
    let Some(first) = a.content.first_mut() else { return };
    if first.start < a.cue.end || !text[a.cue.end..first.start].chars().all(char::is_whitespace) {
        return;
    }
    let Some((head, last)) = text[a.cue.clone()].rsplit_once(' ') else { return };
    let opens = last.eq_ignore_ascii_case("that") || last.eq_ignore_ascii_case("to") && takes_infinitive(head);
    if !opens {
        return;
    }
    first.start = a.cue.end - last.len();
    a.cue.end = a.cue.start + head.trim_end().len();
}

/// Whether the last word of `head` takes an infinitive ("would like",
/// "voted", "her refusal").
fn takes_infinitive(head: &str) -> bool {
    let word = head.rsplit(' ').next().unwrap_or(head);
    WORDS.takes_to_infinitive.holds(word) || WORDS.control_verbs.holds(word) || WORDS.infinitive_heads.holds(word)
}

#[cfg(test)]
mod tests {
    use super::super::super::{cues::CueLexicon, quotes::find_quotes, sentences::split_sentences};
    use super::super::attribute;
    use super::super::Layout;

    /// (cue, content pieces joined by " | ") for each attribution.
    fn run(text: &str) -> Vec<(String, String)> {
        let sentences = split_sentences(text);
        let quotes = find_quotes(text);
        let cues = CueLexicon::builtin().find(text);
        let layout = Layout { text, sentences: &sentences, quotes: &quotes, cues: &cues };
        attribute(&layout).into_iter().map(|a| (text[a.cue].to_string(), a.content.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>().join(" | "))).collect()
    }

    fn pair(cue: &str, content: &str) -> (String, String) {
        (cue.to_string(), content.to_string())
    }

    #[test]
    fn that_ending_a_cue_phrase_opens_the_content() {
        assert_eq!(run("Harbor pilots note that the channel silts up every spring."), vec![pair("note", "that the channel silts up every spring")]);
    }

    #[test]
    fn to_ending_a_cue_phrase_opens_an_infinitive_content() {
        assert_eq!(run("The ferry crews would like to see a second ramp."), vec![pair("like", "to see a second ramp")]);
    }

    #[test]
    fn to_after_a_verb_of_pointing_stays_with_the_cue() {
        assert_eq!(run("The harbor master pointed to the silted channel."), vec![pair("pointed to", "the silted channel")]);
    }
}
