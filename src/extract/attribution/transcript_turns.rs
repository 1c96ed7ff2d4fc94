//! Transcript turns: an interview or panel printed as lines that open with
//! the speaker's name and a colon ("TAPPER: Do you think …?", "Lopez: Well,
//! …"). PolNeAR marks each turn as a statement whose source is the label,
//! whose cue is the colon and whose content is the rest of the line.
//! ("Q: …" / "A: …" layouts are left alone: PolNeAR marks their turns in
//! some articles and only the statements inside the answers in others.)

use super::word_lists::WORDS;
use super::{Attribution, Layout};
use std::ops::Range;

/// Labels are short: a name or a surname, at most this many words.
const MAX_LABEL_WORDS: usize = 3;
const MAX_LABEL_BYTES: usize = 40;
/// A turn says something: at least this many words after the colon.
const MIN_TURN_WORDS: usize = 3;
/// One labelled line is a kicker or a section head; a transcript has turns
/// by at least two speakers and at least this many in all.
const MIN_TURNS: usize = 3;

struct Turn {
    label: Range<usize>,
    colon: Range<usize>,
    content: Range<usize>,
}

/// The turns of a transcript laid out one line each, as attributions; the
/// statements other rules read off the same colons ("Lopez:" taken as a
/// headline with its first sentence only) give way to them.
pub(super) fn transcript_turns(layout: &Layout, out: &mut Vec<Attribution>) {
    let text = layout.text;
    if !text.contains(":") {
        return;
    }
    let mut turns: Vec<Turn> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if at > 0 {
            turns.extend(labelled_line(text, at..at + line.trim_end().len()));
        }
        at += line.len();
    }
    let speaking: Vec<bool> = turns.iter().map(|t| speaker_label(text, t, &turns)).collect();
    let mut speaking = speaking.into_iter();
    turns.retain(|_| speaking.next().unwrap_or(false));
    let speakers = |t: &Turn| last_word(&text[t.label.clone()]);
    if turns.len() < MIN_TURNS || turns.iter().all(|t| speakers(t) == speakers(&turns[0])) {
        return;
    }
    out.retain(|a| !turns.iter().any(|t| a.cue == t.colon));
    out.extend(turns.into_iter().map(|t| Attribution { source: Some(t.label), cue: t.colon, content: vec![t.content], ..Default::default() }));
}

/// "JAKE TAPPER: Donald Trump released …": a label of capitalised words, a
/// colon and a space at the start of the line, then a few words.
fn labelled_line(text: &str, line: Range<usize>) -> Option<Turn> {
    let body = &text[line.clone()];
    // A label is short: look for its colon near the start of the line only.
    let head = &body.as_bytes()[..body.len().min(MAX_LABEL_BYTES + 2)];
    let colon = head.windows(2).position(|w| w == b": ")?;
    let label = &body[..colon];
    let words: Vec<&str> = label.split(' ').collect();
    if words.len() > MAX_LABEL_WORDS || !words.iter().all(|w| label_word(w)) {
        return None;
    }
    let rest = body[colon + 1..].trim_start();
    if rest.split_whitespace().count() < MIN_TURN_WORDS {
        return None;
    }
    let start = line.start;
    Some(Turn { label: start..start + colon, colon: start + colon..start + colon + 1, content: line.end - rest.len()..line.end })
}

/// A capitalised word of letters (with "-", "." or an apostrophe).
fn label_word(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase()) && word.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’'))
}

/// A label names a speaker when it is not a section label or a letter
/// (`not_speakers`: "Update", "Q") and is either written in capitals
/// ("TAPPER") or opens another turn too ("Lopez").
fn speaker_label(text: &str, turn: &Turn, turns: &[Turn]) -> bool {
    let label = &text[turn.label.clone()];
    if label.split(' ').any(|w| WORDS.not_speakers.holds(w)) {
        return false;
    }
    let capitals = label.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    capitals || turns.iter().filter(|t| last_word(&text[t.label.clone()]) == last_word(label)).count() > 1
}

fn last_word(label: &str) -> &str {
    label.rsplit(' ').next().unwrap_or(label)
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    fn turns(text: &str) -> Vec<(String, String)> {
        run(text).into_iter().filter(|(_, cue, _)| cue == ":").map(|(source, _, content)| (source, content)).collect()
    }

    fn pair(s: &str, x: &str) -> (String, String) {
        (s.to_string(), x.to_string())
    }

    #[test]
    fn each_line_of_a_panel_transcript_is_its_speakers_turn() {
        let text = "The panel met on Sunday.\n\nANA HOLM: Will the pier open in May? Crews keep asking.\n\nBRAUN: It will open when the ramp is safe.\n\nHOLM: So not in May.\n";
        assert_eq!(
            turns(text),
            [pair("ANA HOLM", "Will the pier open in May? Crews keep asking."), pair("BRAUN", "It will open when the ramp is safe."), pair("HOLM", "So not in May.")]
        );
    }

    #[test]
    fn a_name_in_title_case_labels_turns_when_it_opens_more_than_one() {
        let text = "The show went on.\n\nHolm: The ferries run late every week.\n\nBraun: The ramp is the whole problem here.\n\nHolm: Then fix the ramp first.\n";
        assert_eq!(turns(text).len(), 3);
    }

    #[test]
    fn section_labels_and_question_and_answer_letters_are_no_turns() {
        assert!(turns(
            "The pier story.\n\nUPDATE: The pier opened on Monday morning.\n\nCORRECTION: An earlier version named the wrong ferry.\n\nNOTE: Crews were not asked about it.\n"
        )
        .is_empty());
        assert!(turns("An interview.\n\nQ: Will the pier open in May?\n\nA: It will open when the ramp is safe.\n\nQ: And the ferries after that?\n").is_empty());
    }
}
