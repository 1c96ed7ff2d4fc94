//! Where a content begins and which report a quotation that carries on
//! belongs to, settled once every report of the document is found: rules
//! that read a cue phrase as a whole or weigh one report against another.

use super::word_lists::WORDS;
use super::{finite_verb_like, lower_eq, Attribution, Layout, SentenceRules};
use std::ops::Range;

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

/// "“The pier is safe,” Holm said, adding that the ramp is not. “We will
/// look again.”", "… said Holm, who backed the plan. “…”": where two
/// reports of one sentence both carry on with the same quotation of a
/// following sentence, it belongs to the first, the sentence's main
/// report; the later one ("adding …", "who said …") is a side report.
/// PolNeAR binds each content to one cue and marks it so.
pub(super) fn give_follow_on_quotes_to_first_report(layout: &Layout, out: &mut [Attribution]) {
    let sentence_of = |at: usize| layout.sentences.partition_point(|s| s.end <= at);
    let carried: Vec<usize> = (0..out.len()).filter(|&i| out[i].content.len() > 1).collect();
    for &later in &carried {
        let (cue, sentence) = (out[later].cue.clone(), sentence_of(out[later].cue.start));
        let follows_cue = |p: &&Range<usize>| p.start >= cue.end && out[later].content[1..].contains(p);
        let shared: Vec<Range<usize>> = carried
            .iter()
            .filter(|&&e| out[e].cue.start < cue.start && sentence_of(out[e].cue.start) == sentence)
            .flat_map(|&e| out[e].content[1..].iter().filter(follows_cue).cloned())
            .collect();
        if !shared.is_empty() {
            out[later].content.retain(|p| !shared.contains(p));
        }
    }
}

/// "An early vote, Holm said, “would split the board.”": where the source
/// and cue stand inside a sentence between commas and the quotation after
/// them opens with the verb of a clause, the words before the source are
/// its subject and the first piece of the content (PolNeAR marks the
/// content so, in two pieces around the cue).
pub(super) fn subject_before_inserted_cue(layout: &Layout, a: &mut Attribution) {
    const MAX_SUBJECT_WORDS: usize = 12;
    let text = layout.text;
    let (Some(source), Some(first)) = (a.source.clone(), a.content.first().cloned()) else { return };
    if source.end > a.cue.start || first.start < a.cue.end || text[a.cue.end..first.start].trim() != "," {
        return;
    }
    let Some(quoted) = text[first.clone()].strip_prefix(['“', '"', '\'']).map(|q| q.trim_start_matches('\'')) else { return };
    let verb = quoted.split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'').next().unwrap_or("");
    if !opens_with_verb(verb) {
        return;
    }
    let Some(sentence) = layout.sentences.get(layout.sentences.partition_point(|s| s.end <= source.start)) else { return };
    let Some(head) = text[sentence.start.min(source.start)..source.start].trim_end().strip_suffix(',') else { return };
    let subject = head.trim();
    if subject.is_empty() || subject.split_whitespace().count() > MAX_SUBJECT_WORDS || subject.contains(['“', '”', '"', ',']) {
        return;
    }
    // "But, he said, “…”", "In May, she said, “…”": a link or an opening
    // phrase, not a subject.
    let opener = subject.split_whitespace().next().unwrap_or("");
    if WORDS.sentence_links.holds(opener) || WORDS.intro_starts.holds(opener) {
        return;
    }
    let start = sentence.start + (head.len() - head.trim_start().len());
    a.content.insert(0, start..start + subject.len());
}

/// Whether a quotation's first word is the finite verb of a clause whose
/// subject stands before it ("would split", "is", "hides").
fn opens_with_verb(word: &str) -> bool {
    // ("there's", "it’s": a subject and its verb in one word.)
    let contracted_subject = word.contains(['\'', '’']) && !word.ends_with("n't") && !word.ends_with("n’t");
    !contracted_subject && finite_verb_like(word) || WORDS.auxiliaries.holds(word) && word.starts_with(char::is_lowercase)
}

/// "Analysts think the levy will pass. [Harbor Post]": a short tag in
/// square brackets closing the content names where the item was found,
/// as news round-ups write it; it is no part of what was said.
pub(super) fn end_before_bracketed_tag(text: &str, a: &mut Attribution) {
    const MAX_TAG_WORDS: usize = 6;
    let Some(last) = a.content.last_mut() else { return };
    let piece = &text[last.clone()];
    let Some(open) = piece.strip_suffix(']').and_then(|inner| inner.rfind('[')) else { return };
    let tag = &piece[open + 1..piece.len() - 1];
    let head = piece[..open].trim_end();
    if tag.contains(['[', '“', '"']) || tag.split_whitespace().count() > MAX_TAG_WORDS || head.is_empty() || !piece[..open].ends_with(char::is_whitespace) {
        return;
    }
    let head = head.trim_end_matches('.');
    last.end = last.start + head.len();
}

impl SentenceRules<'_> {
    /// "Asked on Monday whether he would run, …", "when asked at the
    /// hearing about the merger, …": words of time or place between
    /// "asked" and the question say when or where it was asked; the
    /// question starts at its opening word, where PolNeAR starts the
    /// content ("about" then stands apart from the cue and is content).
    /// The token from `start` (before `end`) where the question opens, or
    /// `start` where no such setting stands first.
    pub(super) fn after_asked_setting(&self, start: usize, end: usize) -> usize {
        const MAX_SETTING_WORDS: usize = 8;
        let text = self.text();
        let Some(first) = self.toks.get(start).filter(|t| t.is_word()) else { return start };
        let setting = (lower_eq(text, first, &WORDS.adverbial_starts) || lower_eq(text, first, &WORDS.time_words))
            && !lower_eq(text, first, &["to", "of"])
            && !lower_eq(text, first, &WORDS.question_openers);
        if !setting {
            return start;
        }
        let last = end.min(self.toks.len()).min(start + 1 + MAX_SETTING_WORDS);
        (start + 1..last)
            .take_while(|&t| self.toks[t].is_word())
            .find(|&t| lower_eq(text, &self.toks[t], &WORDS.question_openers))
            .filter(|&t| t + 1 < end)
            .unwrap_or(start)
    }

    /// "told the Gazette the ramp is unsafe", "told reporters this was the
    /// last chance": after the listener, a noun phrase opened by a
    /// determiner and followed by its verb is the subject of what was told
    /// (PolNeAR leaves the listener out). The subject's first token, found
    /// before `stop`; none where the words after the listener have no verb
    /// ("told the crowd the story").
    pub(super) fn determined_subject_after_listener(&self, i: usize, stop: usize) -> Option<usize> {
        const MAX_NOUN_WORDS: usize = 3;
        let text = self.text();
        let stop = stop.min(self.toks.len());
        let has_verb = |t: usize| {
            let ends = stop.min(t + 2 + MAX_NOUN_WORDS);
            let verb = (t + 1..ends).take_while(|&v| self.toks[v].is_word()).find(|&v| {
                let word = &text[self.toks[v].range()];
                // (Not a word in -s: "veterans" is more often a noun.)
                let past = finite_verb_like(word) && !word.ends_with('s');
                lower_eq(text, &self.toks[v], &WORDS.auxiliaries) || v > t + 1 && past
            });
            // ("this was": a demonstrative stands alone as the subject.)
            verb.is_some_and(|v| v > t + 1 || lower_eq(text, &self.toks[t], &["this", "that", "these", "those"]))
        };
        // The listener's words: no question word ("asks where each of the
        // residents was born") and no preposition right before the subject
        // ("told the crowd at his rally that …").
        let listener_ends = |t: usize| !lower_eq(text, &self.toks[t - 1], &WORDS.noun_determiners) && !lower_eq(text, &self.toks[t - 1], &WORDS.adverbial_starts);
        (i + 1..stop)
            .take_while(|&t| self.toks[t].is_word() && !lower_eq(text, &self.toks[t], &WORDS.question_openers))
            .find(|&t| lower_eq(text, &self.toks[t], &WORDS.subject_determiners) && listener_ends(t) && has_verb(t))
    }
}

#[cfg(test)]
mod tests {
    /// (cue, content pieces joined by " | ") for each attribution.
    fn run(text: &str) -> Vec<(String, String)> {
        super::super::tests::run(text).into_iter().map(|(_, cue, content)| (cue, content)).collect()
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

    #[test]
    fn a_follow_on_quotation_carries_on_the_first_report_of_its_sentence() {
        let text = "“The pier is safe,” Holm said, adding that the ramp needs work.\n\n“We will look at it again in May.”";
        let all = run(text);
        assert!(all.contains(&pair("said", "“The pier is safe,” | “We will look at it again in May.”")), "{all:?}");
        assert!(all.contains(&pair("adding", "that the ramp needs work")), "{all:?}");
    }

    #[test]
    fn a_report_in_a_relative_clause_leaves_the_follow_on_quotation_to_the_main_one() {
        let text = "“The ramp is too steep,” said Ana Holm, who said she had used it for years. “Someone will fall.”";
        let all = run(text);
        assert!(all.contains(&pair("said", "“The ramp is too steep,” | “Someone will fall.”")), "{all:?}");
        assert!(all.contains(&pair("said", "she had used it for years")), "{all:?}");
    }

    #[test]
    fn the_subject_before_an_inserted_cue_opens_the_content() {
        assert_eq!(run("An early vote, Holm said, “would split the board.”"), vec![pair("said", "An early vote | “would split the board.”")]);
    }

    #[test]
    fn a_link_before_an_inserted_cue_stays_out_of_the_content() {
        assert_eq!(run("But, Holm said, “there's a limit to what the board can do.”"), vec![pair("said", "“there's a limit to what the board can do.”")]);
    }

    #[test]
    fn an_opening_phrase_before_an_inserted_cue_stays_out_of_the_content() {
        assert_eq!(run("In May, Holm said, “The board will split.”"), vec![pair("said", "“The board will split.”")]);
    }

    #[test]
    fn a_setting_after_asked_stays_out_of_the_question() {
        let all = run("Asked on Tuesday whether the ferry would run, Holm shrugged.");
        assert!(all.contains(&pair("Asked", "whether the ferry would run")), "{all:?}");
    }

    #[test]
    fn about_after_a_setting_opens_the_question() {
        let all = run("When asked at the harbor meeting about the new ramp, Holm smiled.");
        assert!(all.contains(&pair("asked", "about the new ramp")), "{all:?}");
    }

    #[test]
    fn a_subject_with_a_determiner_after_the_listener_opens_the_content() {
        assert_eq!(run("Holm told the Harbor Post the ramp is not safe."), vec![pair("told", "the ramp is not safe")]);
        assert_eq!(run("Holm told reporters this was the last chance to fix the pier."), vec![pair("told", "this was the last chance to fix the pier")]);
    }

    #[test]
    fn a_listener_followed_by_an_object_with_no_verb_stays_in_the_content() {
        let all = run("Holm told the crowd the story of the old ferry.");
        assert!(all.iter().all(|(_, content)| !content.starts_with("the story")), "{all:?}");
        let all = run("The survey asks where each of the residents was born.");
        assert!(all.iter().all(|(_, content)| !content.starts_with("the residents")), "{all:?}");
    }

    #[test]
    fn a_bracketed_source_tag_closing_the_content_is_left_out() {
        assert_eq!(run("Analysts think the levy will pass in May. [Harbor Post]"), vec![pair("think", "the levy will pass in May")]);
    }
}
