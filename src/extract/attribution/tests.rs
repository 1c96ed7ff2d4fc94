use super::super::{cues::CueLexicon, quotes::find_quotes, sentences::split_sentences};
use super::*;

/// (source, cue, content pieces joined by " | ") for each attribution.
pub(super) fn run(text: &str) -> Vec<(String, String, String)> {
    let sentences = split_sentences(text);
    let quotes = find_quotes(text);
    let cues = CueLexicon::builtin().find(text);
    let layout = Layout { text, sentences: &sentences, quotes: &quotes, cues: &cues };
    attribute(&layout)
        .into_iter()
        .map(|a| {
            let source = a.source.map(|r| text[r].to_string()).unwrap_or_default();
            let content: Vec<&str> = a.content.iter().map(|r| &text[r.clone()]).collect();
            (source, text[a.cue].to_string(), content.join(" | "))
        })
        .collect()
}

fn one(text: &str) -> (String, String, String) {
    let all = run(text);
    assert_eq!(all.len(), 1, "{all:?}");
    all.into_iter().next().unwrap()
}

fn triple(s: &str, c: &str, x: &str) -> (String, String, String) {
    (s.to_string(), c.to_string(), x.to_string())
}

#[test]
fn a_learned_frame_reports_the_clause_after_its_opener() {
    assert_eq!(one("The harbour board voted to close the pier to ferries."), triple("The harbour board", "voted", "to close the pier to ferries"));
}

#[test]
fn according_to_with_nothing_after_its_comma_does_not_panic() {
    // Found by the `extract` fuzz target: the comma was the last token.
    assert!(run("Talks resume. According to harbor officials,").len() <= 1);
    assert!(run("According to officials, ").len() <= 1);
}

#[test]
fn quotation_split_by_a_cue_with_a_time_is_one_content() {
    let all = run("“The pier is safe,” Holm said on Tuesday, “but the ramp is not.”");
    assert_eq!(all, vec![triple("Holm", "said", "“The pier is safe,” | “but the ramp is not.”")]);
}

#[test]
fn quotation_split_by_a_cue_with_a_listener_is_one_content() {
    let all = run("“What the crews want,” Ana Holm told the Harbor Gazette in 2019, “is a fair schedule.”");
    assert_eq!(all, vec![triple("Ana Holm", "told", "“What the crews want,” | “is a fair schedule.”")]);
}

#[test]
fn a_question_before_its_cue_and_listener_is_the_content() {
    let all = run("“Do you think I will change?” Holm asked reporters during a briefing last month. “I am not changing.”");
    assert_eq!(all, vec![triple("Holm", "asked", "“Do you think I will change?” | “I am not changing.”")]);
}

#[test]
fn a_question_answering_an_earlier_cue_is_not_taken_by_the_next_one() {
    let all = run("Holm replied, “Why now?” Critics called it evidence of her mood.");
    assert!(all.iter().all(|a| a.1 != "called" || !a.2.contains("Why now")), "{all:?}");
}

#[test]
fn quotations_in_two_paragraphs_with_one_cue_each_stay_apart() {
    let all = run("“The pier is safe,” Holm said.\n\n“The ramp is not,” Holm said.");
    assert_eq!(all.len(), 2, "{all:?}");
}

#[test]
fn a_clause_interrupted_by_its_cue_resumes_after_a_linking_word() {
    let all = run("The ferry owners kept blocking the plan, she said, by spreading rumors about its cost.");
    assert!(all.contains(&triple("she", "said", "The ferry owners kept blocking the plan | by spreading rumors about its cost")), "{all:?}");
}

#[test]
fn quotation_resumes_after_an_inverted_source_and_its_appositive() {
    let all = run("“The pier is safe,” said Ana Holm, head of the dock workers union in the port, “but the ramp is not.”");
    assert_eq!(all, vec![triple("Ana Holm, head of the dock workers union in the port", "said", "“The pier is safe,” | “but the ramp is not.”")]);
}

#[test]
fn direct_quote_with_cue_after() {
    assert_eq!(one("“The bridge will open in May,” the mayor said."), triple("the mayor", "said", "“The bridge will open in May,”"));
}

#[test]
fn direct_quote_with_inverted_cue() {
    assert_eq!(one("“We are not done,” said Alma Reyes, the union leader."), triple("Alma Reyes, the union leader", "said", "“We are not done,”"));
}

#[test]
fn direct_quote_with_cue_before() {
    assert_eq!(one("The governor said: “Taxes will not rise.”"), triple("The governor", "said", "“Taxes will not rise.”"));
}

#[test]
fn interrupted_quote_has_two_pieces() {
    assert_eq!(
        one("“The plan is sound,” she said, “and it will pass.”"),
        triple("she", "said", "“The plan is sound,” | “and it will pass.”")
    );
}

#[test]
fn quote_over_paragraphs_is_one_content() {
    let text = "“We built the road.\n\n“Now we build the school,” the mayor said.";
    assert_eq!(one(text), triple("the mayor", "said", "“We built the road.\n\n“Now we build the school,”"));
}

#[test]
fn follow_on_quote_joins_the_content() {
    assert_eq!(
        one("“The budget is late,” he said. “It was late last year too.”"),
        triple("he", "said", "“The budget is late,” | “It was late last year too.”")
    );
}

#[test]
fn mixed_quote_keeps_the_clause() {
    assert_eq!(one("Ortiz said the deal was “a fair compromise” for both towns."), triple("Ortiz", "said", "the deal was “a fair compromise” for both towns"));
}

#[test]
fn according_to_after_the_content() {
    assert_eq!(one("The factory will close in June, according to two managers."), triple("two managers", "according to", "The factory will close in June"));
}

#[test]
fn according_to_before_the_content() {
    assert_eq!(one("According to the report, prices rose sharply."), triple("the report", "According to", "prices rose sharply"));
}

#[test]
fn indirect_speech_with_that() {
    assert_eq!(one("The minister said that the border would stay open."), triple("The minister", "said", "that the border would stay open"));
}

#[test]
fn indirect_speech_after_a_time_adverbial() {
    assert_eq!(one("Lopez said on Friday that talks had stalled."), triple("Lopez", "said", "that talks had stalled"));
}

#[test]
fn told_skips_the_listener() {
    assert_eq!(one("Kim told reporters that the vote was fair."), triple("Kim", "told", "that the vote was fair"));
}

#[test]
fn verb_with_object_clause() {
    assert_eq!(one("The senator dismissed claims that the bill was dead."), triple("The senator", "dismissed", "claims that the bill was dead"));
}

#[test]
fn participle_takes_the_subject_of_the_clause() {
    assert_eq!(
        one("While talks go on, Mara Lind stays calm, stressing that the treaty is final."),
        triple("Mara Lind", "stressing", "that the treaty is final")
    );
}

#[test]
fn second_participle_shares_the_source() {
    let all = run("The coach praised the team, calling the season a triumph.");
    assert!(all.contains(&triple("The coach", "praised", "the team")), "{all:?}");
    assert!(all.contains(&triple("The coach", "calling", "the season a triumph")), "{all:?}");
}

#[test]
fn noun_cue_raised_concerns() {
    assert_eq!(one("Local sources have raised concerns that the dam may fail."), triple("Local sources", "raised concerns", "that the dam may fail"));
}

#[test]
fn noun_cue_in_a_statement() {
    assert_eq!(one("The company said in a statement that sales fell."), triple("The company", "said in a statement", "that sales fell"));
}

#[test]
fn appositive_belongs_to_the_source() {
    assert_eq!(one("Ana Ruiz, a local pastor, said the shelter was full."), triple("Ana Ruiz, a local pastor,", "said", "the shelter was full"));
}

#[test]
fn relative_clause_is_not_part_of_the_source() {
    assert_eq!(one("Ruiz, who runs the shelter, said it was full."), triple("Ruiz", "said", "it was full"));
}

#[test]
fn relative_pronoun_is_the_source_as_written() {
    assert_eq!(one("It was Ruiz who warned that the roof would leak."), triple("who", "warned", "that the roof would leak"));
}

#[test]
fn cue_inside_a_quote_is_not_a_cue() {
    assert_eq!(one("“I said no,” Ruiz said."), triple("Ruiz", "said", "“I said no,”"));
}

#[test]
fn quote_with_an_unlisted_verb_after_it() {
    assert_eq!(one("“This is a scandal!” he bellowed."), triple("he", "bellowed", "“This is a scandal!”"));
}

#[test]
fn quote_with_an_unlisted_verb_before_it() {
    // The colon is part of the cue, as PolNeAR marks "He said: “…”".
    assert_eq!(one("The host bristled: “So there is room to move?”"), triple("The host", "bristled:", "“So there is room to move?”"));
}

#[test]
fn quote_signed_with_a_dash_and_a_name() {
    assert_eq!(one("“The river smells worse every summer.” ― Ida Brook\n"), triple("Ida Brook", "―", "“The river smells worse every summer.”"));
}

#[test]
fn colon_closing_a_paragraph_introduces_the_next_quote() {
    assert_eq!(
        one("The council wrote:\n\n“Fares will rise in the spring. Nobody likes it.”"),
        triple("The council", "wrote", "“Fares will rise in the spring. Nobody likes it.”")
    );
}

#[test]
fn mixed_quote_with_an_unlisted_verb_takes_the_clause() {
    assert_eq!(
        one("Governor Lane hailed the budget as “a turning point for the state.”"),
        triple("Governor Lane", "hailed", "the budget as “a turning point for the state.”")
    );
}

#[test]
fn name_and_colon_before_a_quote() {
    assert_eq!(one("Turnout was low - Ada Pike: “Nobody came out in the rain.”"), triple("Ada Pike", ":", "“Nobody came out in the rain.”"));
}

#[test]
fn cue_after_a_no_break_space() {
    assert_eq!(one("“The dam will hold,” Omar\u{a0}said."), triple("Omar", "said", "“The dam will hold,”"));
}

#[test]
fn impression_has_no_source_and_keeps_the_subject() {
    assert_eq!(one("The mayor seemed to waver on the plan."), triple("", "seemed", "The mayor | to waver on the plan"));
}

#[test]
fn appearing_somewhere_is_no_impression() {
    assert_eq!(run("The mayor appeared on the radio."), vec![]);
}

#[test]
fn shift_from_one_position_to_another_gives_two_statements() {
    let text = "Senator Vale shifted from backing the levy to opposing any new tax.";
    assert_eq!(
        run(text),
        vec![
            triple("Senator Vale", "shifted from backing", "the levy"),
            triple("Senator Vale", "opposing", "any new tax"),
        ]
    );
}

#[test]
fn earlier_position_is_marked_and_a_hedge_carries_to_the_new_one() {
    let text = "The union apparently moved from demanding a strike to seeking talks.";
    let sentences = split_sentences(text);
    let quotes = find_quotes(text);
    let cues = CueLexicon::builtin().find(text);
    let found = attribute(&Layout { text, sentences: &sentences, quotes: &quotes, cues: &cues });
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].earlier_position && !found[0].hedged);
    assert!(!found[1].earlier_position && found[1].hedged);
    assert_eq!(&text[found[1].content[0].clone()], "talks");
}

#[test]
fn show_title_before_the_source_is_not_the_content() {
    assert_eq!(
        one("On “Meet the Press,” Senator Ada Voss said the bill would pass."),
        triple("Senator Ada Voss", "said", "the bill would pass")
    );
}

#[test]
fn a_name_and_unlisted_verb_after_a_question_take_its_continuation() {
    let all = run("Ferry fares rose again.\n\n“Would the fares be negotiable?” Ortiz pressed. “Maybe for a season?”");
    assert!(all.contains(&triple("Ortiz", "pressed", "“Would the fares be negotiable?” | “Maybe for a season?”")), "{all:?}");
}

#[test]
fn a_question_after_a_colon_keeps_its_speaker_before_it() {
    let all = run("Her reply was: “Is Bell Lane in Leeds?” Bell Lane is a shop.");
    assert!(all.iter().all(|a| a.0 != "Bell Lane"), "{all:?}");
}

#[test]
fn a_one_word_answer_opening_its_sentence_is_an_utterance() {
    let all = run("Ortiz gave a short answer. “Tuesday,” he answered.");
    assert!(all.contains(&triple("he", "answered", "“Tuesday,”")), "{all:?}");
}

#[test]
fn pronoun_and_unlisted_verb_after_a_quote_with_more_words() {
    assert_eq!(one("“Stop right there!” she yells while running."), triple("she", "yells", "“Stop right there!”"));
}

#[test]
fn progressive_after_a_contracted_pronoun() {
    assert_eq!(one("She’s claiming that the vote was rigged."), triple("She’s", "claiming", "that the vote was rigged"));
}

#[test]
fn events_are_no_source() {
    assert_eq!(run("Recent developments indicate that the talks will resume."), vec![]);
}

#[test]
fn quote_after_a_thing_is_no_statement() {
    assert_eq!(run("It remains “the best deal in town.”"), vec![]);
}

#[test]
fn quote_stays_the_content_when_words_follow_the_cue() {
    assert_eq!(one("“It went well,” Ortiz said an hour after the vote."), triple("Ortiz", "said", "“It went well,”"));
}

#[test]
fn second_verb_of_a_clause_takes_its_subject() {
    let all = run("Ortiz left early and said the vote was rigged.");
    assert_eq!(all, [triple("Ortiz", "said", "the vote was rigged")]);
}

#[test]
fn party_and_state_in_brackets_after_the_name() {
    assert_eq!(one("“We will see,” Sen. Ann Roe (D-Ore.) said."), triple("Sen. Ann Roe (D-Ore.)", "said", "“We will see,”"));
}

#[test]
fn coordinated_cues_split_the_content() {
    let all = run("Ortiz argued that taxes were high and warned that jobs would go.");
    assert_eq!(all, [triple("Ortiz", "argued", "that taxes were high"), triple("Ortiz", "warned", "that jobs would go")]);
}

#[test]
fn passive_with_by_takes_the_agent_as_source() {
    assert_eq!(one("The merger was first reported by Reuters."), triple("Reuters", "reported", "The merger"));
}

#[test]
fn passive_without_agent_has_no_source() {
    assert_eq!(one("She was asked whether the plant would close."), triple("", "asked", "whether the plant would close"));
}

#[test]
fn passive_description_takes_its_subject_into_the_content() {
    let all = run("The old ferry terminal was criticized as a waste of money.");
    assert!(all.contains(&triple("", "criticized", "The old ferry terminal | as a waste of money")), "{all:?}");
}

#[test]
fn description_after_as_ends_at_the_comma() {
    let all = run("After a call that Ortiz described as productive, the talks resumed.");
    assert_eq!(all, [triple("Ortiz", "described", "as productive")]);
}

#[test]
fn interrupted_indirect_speech_has_two_pieces() {
    assert_eq!(one("In any case, Ortiz said, the plan stands."), triple("Ortiz", "said", "In any case | the plan stands"));
}

#[test]
fn quote_paragraph_after_a_report_keeps_its_source() {
    let all = run("Ortiz said the harbour was safe.\n\n“We checked every berth and every crane twice.”");
    assert_eq!(all[1], triple("Ortiz", "", "“We checked every berth and every crane twice.”"));
}

#[test]
fn when_asked_has_no_source_and_ends_at_the_comma() {
    let all = run("When asked whether he would run, Ortiz laughed.");
    assert_eq!(all, [triple("", "asked", "whether he would run")]);
}

#[test]
fn time_words_between_source_and_verb() {
    assert_eq!(one("Mayor Ruiz last week said the pier would reopen."), triple("Mayor Ruiz", "said", "the pier would reopen"));
}

#[test]
fn aside_after_the_cue_is_skipped() {
    assert_eq!(one("Ruiz said, among other things, that the pier was unsafe."), triple("Ruiz", "said", "that the pier was unsafe"));
}

#[test]
fn dashed_aside_is_not_part_of_the_source() {
    assert_eq!(one("The judge -- who has feuded with the mayor -- said she regretted her remarks."), triple("The judge", "said", "she regretted her remarks"));
}

#[test]
fn participle_clause_is_no_appositive() {
    let all = run("That would hurt the senator, forcing her to fight on, said Bo Lind, a pollster.");
    assert_eq!(all[0].0, "Bo Lind, a pollster");
}

#[test]
fn inverted_source_after_a_comma_pair() {
    assert_eq!(one("Rumours spread fast in those days, said Ana Holm, the author of a book on it."), triple("Ana Holm, the author of a book on it", "said", "Rumours spread fast in those days"));
}

#[test]
fn content_stops_before_a_which_clause() {
    assert_eq!(one("Ruiz said the pier would reopen in May, which surprised the fishermen."), triple("Ruiz", "said", "the pier would reopen in May"));
}

#[test]
fn participle_after_a_quote_starts_its_own_statement() {
    let all = run("Lind told reporters that the plan was “a mess,” adding, “Nobody read it.”");
    assert_eq!(all, [triple("Lind", "told", "that the plan was “a mess,”"), triple("Lind", "adding", "“Nobody read it.”")]);
}

#[test]
fn adverb_aside_is_not_part_of_the_source() {
    assert_eq!(one("Mr. Lind, however, said the plan was sound.").0, "Mr. Lind");
}

#[test]
fn clause_ending_in_a_colon_introduces_the_quote() {
    assert_eq!(one("The harbour master went on: “Nobody sails tonight.”"), triple("The harbour master", "went on:", "“Nobody sails tonight.”"));
}

#[test]
fn statement_after_a_colon_in_the_next_paragraph() {
    let all = run("The mayor issued the following statement:\n\n“We grieve with the families of the crew.”");
    assert_eq!(all, [triple("The mayor", "issued the following statement:", "“We grieve with the families of the crew.”")]);
}

#[test]
fn quote_with_its_own_cue_after_a_paragraph_break_is_not_a_follow_on() {
    let all = run("“We need calm,” Ortiz said. “The port is open.\n\n“The ships will sail on time,” she added.");
    // The open quotation ends with its paragraph: the next one has a cue.
    assert_eq!(all[0], triple("Ortiz", "said", "“We need calm,” | “The port is open."));
    assert_eq!(all[1], triple("she", "added", "“The ships will sail on time,”"));
}

#[test]
fn manner_adverb_is_not_the_source() {
    assert_eq!(one("The ministry vigorously denied that the plant leaked.").0, "The ministry");
}

#[test]
fn words_after_a_comma_and_a_verb_are_not_an_inverted_source() {
    assert!(run("Ortiz praised the crew, declined to comment on the fire.").iter().all(|(s, _, _)| s != "to comment"));
}

#[test]
fn long_appositive_stays_with_the_source() {
    let (source, _, _) = one("Ana Holm, a retired teacher who has lived on the same street in the harbour district for forty years, said the noise was new.");
    assert!(source.starts_with("Ana Holm"), "{source}");
}

#[test]
fn a_name_inside_an_appositive_chain_is_no_source() {
    let (source, _, _) = one("Ana Holm, a pollster who is working with Harbour First, a pro-Voss group, said the vote was close.");
    assert!(source.starts_with("Ana Holm,"), "{source}");
    // A name opening its own appositive is the source, as before.
    let (source, _, _) = one("Harbour First, a pro-Voss group, said the vote was close.");
    assert_eq!(source, "Harbour First, a pro-Voss group,");
}

#[test]
fn declined_takes_what_was_not_done_as_content() {
    assert_eq!(one("The mayor declined to name the new harbour master."), triple("The mayor", "declined", "to name the new harbour master"));
}

#[test]
fn referring_to_is_a_participle_of_the_speaker() {
    let all = run("“He has no plan,” Ortiz said, referring to the governor.");
    // PolNeAR marks "to" as part of the cue.
    assert!(all.contains(&triple("Ortiz", "referring", "the governor")), "{all:?}");
}

#[test]
fn quote_signed_in_the_next_paragraph() {
    let all = run("“The river is lower every summer.”\n\n- Ida Brook, Ohio.\n");
    assert_eq!(all, [triple("Ida Brook", "-", "“The river is lower every summer.”")]);
}

#[test]
fn quote_paragraph_skips_a_relative_pronoun_source() {
    let all = run("“The port is safe!” said Kim Ode, who runs it.\n\n“We checked every crane twice this week.”");
    assert_eq!(all.last().unwrap(), &triple("Kim Ode, who runs it", "", "“We checked every crane twice this week.”"));
}

#[test]
fn document_as_the_speaker_after_a_quote() {
    assert_eq!(one("“The board broke its own rules,” the suit reads."), triple("the suit", "reads", "“The board broke its own rules,”"));
}

#[test]
fn went_on_after_a_quote() {
    assert_eq!(one("“And the ferries run late,” he went on."), triple("he", "went", "“And the ferries run late,”"));
}

#[test]
fn state_abbreviation_in_an_appositive() {
    let (source, _, _) = one("“We will vote no,” Senator Ann Roe, R-Ky., said.");
    assert!(source.starts_with("Senator Ann Roe"), "{source}");
}

#[test]
fn what_a_quote_was_said_of_stays_out_of_the_content() {
    assert_eq!(one("“It is a disgrace,” Ruiz said of the new toll bridge."), triple("Ruiz", "said", "“It is a disgrace,”"));
}

#[test]
fn crowd_and_an_unlisted_verb_after_a_quote() {
    assert_eq!(one("“Open the gates!” the crowd shouted from the pier outside the old harbour."), triple("the crowd", "shouted", "“Open the gates!”"));
}

#[test]
fn says_inverts_after_a_quote() {
    assert_eq!(one("“The tide is turning,” says Ana Holm of the harbour board."), triple("Ana Holm of the harbour board", "says", "“The tide is turning,”"));
}

#[test]
fn participle_aside_after_party_brackets() {
    let all = run("Sen. Ann Roe (D-Ore.), noting the size of the crowd, said, “We will win this.”");
    assert!(all.contains(&triple("Sen. Ann Roe (D-Ore.)", "said", "“We will win this.”")), "{all:?}");
}

#[test]
fn clause_ends_at_a_quoted_phrase_closed_by_a_comma() {
    assert_eq!(
        one("The mayor called the plan “a disgrace,” while her aides quietly left the crowded room."),
        triple("The mayor", "called", "the plan “a disgrace,”")
    );
}

#[test]
fn clause_goes_on_after_a_quoted_phrase_in_a_fronted_clause_a_list_or_before_because() {
    assert_eq!(
        one("The mayor said that while the ferry crews were “tired and angry,” the harbour would stay open all through the winter."),
        triple("The mayor", "said", "that while the ferry crews were “tired and angry,” the harbour would stay open all through the winter")
    );
    assert_eq!(
        one("The mayor called the plan “a disgrace,” because the council had never consulted the ferry crews about it."),
        triple("The mayor", "called", "the plan “a disgrace,” because the council had never consulted the ferry crews about it")
    );
    assert_eq!(
        one("The mayor said the plan was “late,” “costly” and unsafe for the ferry crews of the harbour."),
        triple("The mayor", "said", "the plan was “late,” “costly” and unsafe for the ferry crews of the harbour")
    );
}

#[test]
fn impression_of_a_report_is_the_subjects_report() {
    assert_eq!(one("The mayor seemed to suggest that the storm caused the delay."), triple("The mayor", "seemed to suggest", "that the storm caused the delay"));
}

#[test]
fn adverbial_then_whether_clause() {
    assert_eq!(one("Ortiz questioned in recent days whether the mayor can run the port."), triple("Ortiz", "questioned", "whether the mayor can run the port"));
}

#[test]
fn long_phrase_after_the_verb_is_not_cut_in_the_middle() {
    let (_, _, content) = one("Ortiz argued again over the harbour budget and about the cost of the new cranes and the old docks.");
    assert!(content.contains("harbour budget"), "{content}");
}

#[test]
fn asked_skips_the_listener_before_whether() {
    assert_eq!(one("Kim asked the harbour master whether the pier was safe."), triple("Kim", "asked", "whether the pier was safe"));
}

#[test]
fn adverb_and_day_between_source_and_verb() {
    assert_eq!(one("Ruiz later Thursday told the radio: “The pier stays shut.”"), triple("Ruiz", "told", "“The pier stays shut.”"));
}

#[test]
fn nouns_that_look_like_verbs_are_skipped() {
    assert!(run("The report shows a drop in the states.").iter().all(|(_, c, _)| c != "states"));
}

#[test]
fn words_running_into_a_quotation_are_part_of_the_content() {
    assert_eq!(
        one("A longer sentence “would deter other intruders,” the prosecutor wrote."),
        triple("the prosecutor", "wrote", "A longer sentence “would deter other intruders,”")
    );
}

#[test]
fn a_quotation_after_a_comma_keeps_its_own_start() {
    assert_eq!(one("In the end, “we lost the vote,” the mayor said."), triple("the mayor", "said", "“we lost the vote,”"));
}

#[test]
fn subject_of_an_expected_infinitive_is_content() {
    assert_eq!(one("The harbour talks are expected to collapse this week."), triple("", "expected", "The harbour talks | to collapse this week"));
}

#[test]
fn a_sentence_opening_conjunction_is_not_content() {
    assert_eq!(one("And the levy will pass, according to two aides."), triple("two aides", "according to", "the levy will pass"));
}

#[test]
fn a_relative_clause_inside_the_content_does_not_end_it() {
    let (_, _, content) = one("Opponents said the ruling, which struck down two laws, illustrates the stakes of the race.");
    assert_eq!(content, "the ruling, which struck down two laws, illustrates the stakes of the race");
    let (_, _, content) = one("Opponents said the ruling was narrow, which pleased nobody.");
    assert_eq!(content, "the ruling was narrow");
}

#[test]
fn a_preposition_after_the_cue_is_not_content() {
    assert_eq!(one("The mayor complained about the new harbour fees."), triple("The mayor", "complained", "the new harbour fees"));
}

#[test]
fn a_quotation_opened_in_the_clause_runs_on_past_the_sentence() {
    let (_, _, content) = one("She added that “fares cannot rise again. Buses are how people get to work.”");
    assert_eq!(content, "that “fares cannot rise again. Buses are how people get to work.”");
}

#[test]
fn a_day_after_the_cue_is_not_an_inverted_source() {
    let (source, cue, _) = one("Ann Roe, the council's adviser, said Sunday, “We will not move the harbour.”");
    assert_eq!((source.as_str(), cue.as_str()), ("Ann Roe, the council's adviser,", "said"));
}

#[test]
fn having_before_a_participle_is_not_the_source() {
    let found = run("Sanders, having suggested that the plan would fail, left the hall.");
    assert!(found.iter().all(|(source, _, _)| source != "having"), "{found:?}");
}

#[test]
fn an_appositive_after_according_to_is_not_content() {
    assert_eq!(
        one("Fares will rise in May, according to Ann Roe, a transport economist."),
        triple("Ann Roe", "according to", "Fares will rise in May")
    );
    assert_eq!(one("In May, according to Ann Roe, fares will rise."), triple("Ann Roe", "according to", "In May | fares will rise"));
}

#[test]
fn a_particle_of_the_cue_is_not_content() {
    let all = run("Ortiz defended the budget, referring to the cost of the new cranes.");
    assert!(all.iter().any(|(_, cue, content)| cue == "referring" && content == "the cost of the new cranes"), "{all:?}");
    let all = run("The union leader called on the council to reopen the harbour.");
    assert!(all.iter().any(|(_, _, content)| content == "the council to reopen the harbour"), "{all:?}");
}

#[test]
fn who_is_urged_to_act_is_part_of_the_content() {
    let all = run("The mayor urged the harbour board to delay the vote.");
    assert!(all.iter().any(|(_, cue, content)| cue == "urged" && content == "the harbour board to delay the vote"), "{all:?}");
}

#[test]
fn the_listener_of_a_telling_verb_is_not_content() {
    let all = run("Ortiz defended the plan on Friday, telling reporters, “The cranes will be paid for.”");
    assert!(all.iter().any(|(_, cue, content)| cue == "telling" && content == "“The cranes will be paid for.”"), "{all:?}");
    let all = run("Ortiz told the Harbour Gazette he would not run again.");
    assert!(all.iter().any(|(_, cue, content)| cue == "told" && content == "he would not run again"), "{all:?}");
}

#[test]
fn a_cue_word_after_a_determiner_is_a_noun() {
    assert!(run("She watched the show until midnight.").is_empty());
    assert!(run("Their call for calm went unheard.").is_empty());
}

#[test]
fn a_participle_naming_an_indefinite_noun_reports_nothing() {
    assert!(run("They met at a cafe called Blue Lantern on the harbor.").is_empty());
    assert_eq!(one("The mayor called Dana Ruiz a fine planner."), triple("The mayor", "called", "Dana Ruiz a fine planner"));
}

#[test]
fn the_source_of_a_participle_skips_the_sentences_link_word() {
    let all = run("And she voted against the levy, arguing that rents would climb.");
    assert!(all.contains(&triple("she", "arguing", "that rents would climb")), "{all:?}");
}

#[test]
fn the_source_of_a_participle_skips_an_opening_time_phrase() {
    let all = run("Hours later, Priya Nand thanked the crew, telling reporters the bridge was safe.");
    assert!(all.iter().any(|a| a.0 == "Priya Nand" && a.1 == "telling"), "{all:?}");
}

#[test]
fn an_object_content_stops_before_the_sources_next_act() {
    let all = run("Lena Ortiz praised the new budget and voted against the transit plan.");
    assert!(all.contains(&triple("Lena Ortiz", "praised", "the new budget")), "{all:?}");
}

#[test]
fn an_object_with_a_quoted_phrase_stops_before_the_sources_next_act() {
    let all = run("Lena Ortiz called the ferry deal “a bad bargain” and compared it to the old toll.");
    assert!(all.contains(&triple("Lena Ortiz", "called", "the ferry deal “a bad bargain”")), "{all:?}");
}

#[test]
fn a_that_clause_opening_with_a_quotation_keeps_its_coordinated_words() {
    let all = run("Lena Ortiz declared that “I strongly back” the old and misnamed ferry law.");
    assert!(all.iter().any(|a| a.1 == "declared" && a.2.ends_with("ferry law")), "{all:?}");
}

#[test]
fn a_name_before_called_is_its_source_even_after_an_article() {
    let all = run("In a speech Lena Ortiz called Dana Ruiz a fine planner.");
    assert!(all.iter().any(|a| a.0.ends_with("Lena Ortiz") && a.1 == "called"), "{all:?}");
}

#[test]
fn a_content_stops_where_another_speaker_joins_with_and() {
    let all = run("Lena Ortiz said the ferry would run late and Dana Ruiz said it would not run at all.");
    assert!(all.contains(&triple("Lena Ortiz", "said", "the ferry would run late")), "{all:?}");
    assert!(all.iter().any(|a| a.0.ends_with("Dana Ruiz") && a.2 == "it would not run at all"), "{all:?}");
}

#[test]
fn a_relative_word_before_the_source_is_part_of_the_content() {
    let all = run("The council backed the new pier, which she said would cost too much.");
    assert!(all.contains(&triple("she", "said", "which | would cost too much")), "{all:?}");
}

#[test]
fn a_relative_word_after_a_preposition_is_not_part_of_the_content() {
    let all = run("She gave a long radio interview, during which she praised the harbor crews.");
    assert!(all.contains(&triple("she", "praised", "the harbor crews")), "{all:?}");
}

#[test]
fn reportedly_before_a_cue_joins_it() {
    let all = run("Dana Ruiz reportedly said the pier would close.");
    assert!(all.contains(&triple("Dana Ruiz", "reportedly said", "the pier would close")), "{all:?}");
}

#[test]
fn reportedly_alone_is_an_impression_with_no_source() {
    let all = run("The mayor was reportedly furious about the vote.");
    assert_eq!(all, vec![triple("", "reportedly", "The mayor | furious about the vote")]);
}

#[test]
fn a_participle_phrase_takes_the_clauses_subject_not_its_object() {
    let all = run("Dana Ruiz spoke in Tulsa on Friday, talking about the pier.");
    assert!(!all.iter().any(|a| a.0 == "the pier"), "{all:?}");
    assert!(all.contains(&triple("Dana Ruiz", "talking about", "the pier")), "{all:?}");
}

#[test]
fn a_negated_auxiliary_stands_between_the_source_and_its_verb() {
    let all = run("Dana Ruiz, the harbor chief, wouldn’t say whether the pier would open.");
    assert!(all.iter().any(|a| a.0.starts_with("Dana Ruiz") && a.1 == "say"), "{all:?}");
}

#[test]
fn a_participle_takes_the_subject_of_the_clause_joined_by_but() {
    let all = run("It was a long day, but Dana Ruiz stayed in Tulsa, insisting that the pier was safe.");
    assert!(all.contains(&triple("Dana Ruiz", "insisting", "that the pier was safe")), "{all:?}");
}

#[test]
fn a_place_set_off_by_commas_is_not_the_source() {
    let all = run("Dana Ruiz, speaking at a rally in Tulsa, Okla., warned that the pier was unsafe.");
    assert!(all.contains(&triple("Dana Ruiz", "warned", "that the pier was unsafe")), "{all:?}");
}

#[test]
fn a_participle_of_speech_after_and_takes_the_clauses_subject() {
    let all = run("Dana Ruiz toured the pier and said little, before warning that it could fail.");
    assert!(all.iter().any(|a| a.0 == "Dana Ruiz" && a.1 == "warning" && a.2 == "that it could fail"), "{all:?}");
}

#[test]
fn an_adverb_inside_a_passive_keeps_it_sourceless() {
    let all = run("Dana Ruiz is widely expected to close the pier.");
    assert!(all.iter().any(|a| a.0.is_empty() && a.1 == "expected"), "{all:?}");
}

#[test]
fn a_long_listener_ends_at_that() {
    assert_eq!(
        one("Ortiz told a packed room of dock workers at the old ferry terminal downtown that the pier would reopen."),
        triple("Ortiz", "told", "that the pier would reopen")
    );
}

#[test]
fn a_pronoun_after_a_listener_and_a_time_opens_the_content() {
    let all = run("Ortiz told the Harbour Gazette last week she’d rather close the pier.");
    assert!(all.iter().any(|(_, cue, content)| cue == "told" && content == "she’d rather close the pier"), "{all:?}");
}

#[test]
fn a_connective_opening_the_sentence_is_not_content() {
    assert_eq!(
        one("Still, the ferry lost money every winter, according to the port board."),
        triple("the port board", "according to", "the ferry lost money every winter")
    );
}

#[test]
fn a_statement_saying_reports_what_the_statement_says() {
    assert_eq!(one("The council released a statement saying it would appeal."), triple("The council", "released a statement", "it would appeal"));
}

#[test]
fn a_quotation_paragraph_carries_on_a_quote_closed_by_a_comma() {
    let all = run("“The pier stays shut for now,” Ortiz told the council.\n\n“We will look again in spring.”");
    assert_eq!(all, [triple("Ortiz", "told", "“The pier stays shut for now,” | “We will look again in spring.”")]);
}

#[test]
fn a_quotation_paragraph_after_a_full_stop_stands_alone() {
    let all = run("“The pier stays shut for now.” Ortiz told the council.\n\n“We will look again in spring.”");
    assert!(!all.iter().any(|(_, _, content)| content.contains("now.”") && content.contains("spring")), "{all:?}");
}

#[test]
fn a_dateline_is_not_content() {
    assert_eq!(
        one("HALIFAX, March 3 (Wire) -- The ferry will stop running in April, according to port officials."),
        triple("port officials", "according to", "The ferry will stop running in April")
    );
}

#[test]
fn words_between_the_cue_and_a_quotation_say_when_not_what() {
    assert_eq!(
        one("Ortiz said of the harbour board, “They will reopen the pier.”"),
        triple("Ortiz", "said", "“They will reopen the pier.”")
    );
    assert_eq!(one("Ortiz shot back at the mayor, “Nobody asked me.”"), triple("Ortiz", "shot back", "“Nobody asked me.”"));
}

#[test]
fn that_before_a_quotation_stays_in_the_content() {
    assert_eq!(
        one("Ortiz said that, “The pier will reopen.”"),
        triple("Ortiz", "said", "that, “The pier will reopen.”")
    );
}

#[test]
fn a_subject_with_an_appositive_is_not_content_before_an_inversion() {
    let all = run("Ada Ruiz, the lawyer who founded the clinic, endorsed Ben Holm for mayor.");
    assert!(all.iter().all(|(source, _, content)| !content.starts_with("Ada Ruiz") && source != "Ben Holm for mayor"), "{all:?}");
}

#[test]
fn a_clause_before_said_and_a_name_still_inverts() {
    assert_eq!(one("The pier will close in May, said Ada Ruiz."), triple("Ada Ruiz", "said", "The pier will close in May"));
}

#[test]
fn a_poll_opening_the_sentence_is_its_source() {
    assert_eq!(
        one("In a harbour board survey taken last week, most dock workers backed the new pier."),
        triple("a harbour board survey taken last week", "In", "most dock workers backed the new pier")
    );
}

#[test]
fn a_long_sentence_opening_with_in_and_curly_quotes_does_not_panic() {
    // Byte 120 falls inside the opening mark.
    let text = "In the more than two weeks since the ferry board met, its chair wrote that all the members of the harbours board made “many requests” to cancel it.";
    assert!(run(text).iter().all(|(_, cue, _)| cue != "In"));
}

#[test]
fn a_share_of_a_group_is_the_whole_source() {
    let (source, _, _) = one("Nearly eight in 10 harbor workers say the pier is too short.");
    assert_eq!(source, "Nearly eight in 10 harbor workers");
}

#[test]
fn a_name_before_an_age_and_a_description_is_kept() {
    let (source, _, _) = one("Lena Ortiz, 34, a ferry pilot from Lorain, said the channel is silting up.");
    assert_eq!(source, "Lena Ortiz, 34, a ferry pilot from Lorain,");
}

#[test]
fn a_name_before_a_description_ending_in_a_place_and_state_is_kept() {
    let (source, _, _) = one("Tom Reyes, a welder from Akron, Ohio, said the plant will close.");
    assert_eq!(source, "Tom Reyes, a welder from Akron, Ohio,");
}

#[test]
fn a_description_before_a_name_does_not_reach_back_further() {
    let (source, _, _) = one("In Toledo, the union chief, Paul Ruiz, said the strike was over.");
    assert_eq!(source, "the union chief, Paul Ruiz,");
}

#[test]
fn a_committee_on_a_subject_is_one_source() {
    let (source, _, _) = one("The Joint Committee on Harbors projected that fees would rise.");
    assert_eq!(source, "The Joint Committee on Harbors");
}

#[test]
fn a_dateline_is_not_the_source() {
    let (source, _, _) = one("WASHINGTON — Harbor pilots said the channel was unsafe.");
    assert_eq!(source, "Harbor pilots");
    let (source, _, _) = one("RALEIGH, N.C. — Harbor pilots said the channel was unsafe.");
    assert_eq!(source, "Harbor pilots");
}

#[test]
fn a_source_after_its_cue_keeps_the_appositive_that_ends_the_sentence() {
    let (source, _, _) = one("“The channel is silting up,” said Lena Ortiz, a ferry pilot from Lorain.");
    assert_eq!(source, "Lena Ortiz, a ferry pilot from Lorain");
}

#[test]
fn a_source_after_its_cue_takes_no_aside_before_a_quotation() {
    let all = run("“The channel is silting up,” said Lena Ortiz, a pilot: “We cannot dock.”");
    assert!(all.iter().all(|(source, _, _)| source == "Lena Ortiz"), "{all:?}");
}

#[test]
fn an_introductory_phrase_before_the_source_is_not_what_was_said() {
    assert_eq!(
        one("Despite doubting the harbor board, Ivo Lind said if elected he would keep the ferry."),
        triple("Ivo Lind", "said", "if elected he would keep the ferry")
    );
    assert_eq!(one("In her yearly filing, the mayor reported owning two boats."), triple("the mayor", "reported", "owning two boats"));
}

#[test]
fn an_introductory_phrase_stays_first_piece_when_the_sentence_resumes() {
    assert_eq!(one("In any case, Ortiz said, the ferry will run."), triple("Ortiz", "said", "In any case | the ferry will run"));
}

#[test]
fn a_clause_opening_with_despite_after_the_cue_is_what_was_said() {
    assert_eq!(one("Mara Holt says despite the storm, the pier will reopen."), triple("Mara Holt", "says", "despite the storm, the pier will reopen"));
}

#[test]
fn a_capitalised_stop_word_after_a_name_is_a_surname() {
    assert_eq!(one("The storm passed. Kristen Day said the pier will reopen."), triple("Kristen Day", "said", "the pier will reopen"));
}

#[test]
fn the_name_after_told_is_the_listener_when_a_speaker_stands_before_it() {
    assert_eq!(
        one("“The ferry will run all winter,” Ana Holm, the harbor director, told the Courier."),
        triple("Ana Holm, the harbor director,", "told", "“The ferry will run all winter,”")
    );
}

#[test]
fn the_name_after_told_is_the_listener_when_the_quotation_goes_on_after_it() {
    assert_eq!(
        run("“The ferry will run all winter,” Ana Holm, the harbor director, told the Courier. “We have the crews.”"),
        [triple("Ana Holm, the harbor director,", "told", "“The ferry will run all winter,” | “We have the crews.”")]
    );
    assert_eq!(
        run("''The ferry will run all winter,'' Ana Holm, the harbor director, told the Courier. ''We have the crews.''"),
        [triple("Ana Holm, the harbor director,", "told", "''The ferry will run all winter,'' | ''We have the crews.''")]
    );
}

#[test]
fn a_preposition_opening_the_sentence_is_not_part_of_the_source() {
    let all = run("Despite Mayor Ann Roe's claims that the pier is safe, the crews stayed home.");
    assert!(all.iter().any(|(source, cue, _)| source == "Mayor Ann Roe's" && cue == "claims"), "{all:?}");
}

#[test]
fn a_relative_clause_with_commas_of_its_own_leaves_the_name_before_it_the_source() {
    assert_eq!(one("Ann Roe, whose boat, the Gull, sank in May, said the pier is unsafe."), triple("Ann Roe", "said", "the pier is unsafe"));
    assert_eq!(
        one("Paul Ruiz, who lost his job at the mill in Dayton, Ohio, in May 2019, said the plant would close."),
        triple("Paul Ruiz", "said", "the plant would close")
    );
}

#[test]
fn by_before_a_participle_brings_no_agent() {
    let all = run("Holm concluded by making it clear that the pier would stay shut.");
    assert!(all.iter().any(|(source, cue, _)| source == "Holm" && cue == "concluded"), "{all:?}");
    assert!(all.iter().all(|(source, _, _)| source != "making it clear"), "{all:?}");
}

#[test]
fn a_name_with_a_verb_after_it_is_not_an_inverted_source() {
    let all = run("Ann Roe, the mayor, appearing on the radio after the vote, said Paul Ruiz failed to act.");
    assert!(all.iter().any(|(source, cue, content)| source.starts_with("Ann Roe") && cue == "said" && content == "Paul Ruiz failed to act"), "{all:?}");
}

#[test]
fn appeared_before_an_adjective_is_an_impression() {
    assert_eq!(one("The harbor board appeared ready to reopen the pier."), triple("", "appeared", "The harbor board | ready to reopen the pier"));
}

#[test]
fn appeared_with_someone_is_no_impression() {
    assert!(run("The mayor appeared with Ana Holm at the pier.").is_empty());
    assert!(run("The mayor appeared as a guest on the radio.").is_empty());
}

#[test]
fn a_quotation_followed_by_its_own_speaker_is_theirs() {
    let all = run("The mayor praised both rivals, telling the crowd, “They are both able,” Holm said.");
    assert!(all.contains(&triple("Holm", "said", "“They are both able,”")), "{all:?}");
    assert!(!all.iter().any(|a| a.1 == "telling" && a.2.contains("both able")), "{all:?}");
}

#[test]
fn a_verbal_aside_before_a_verb_that_does_not_invert_keeps_the_name_as_source() {
    assert_eq!(
        one("Ana Holm, speaking to the harbor board, called the closure a mistake."),
        triple("Ana Holm", "called", "the closure a mistake")
    );
}

#[test]
fn a_verbal_aside_before_said_and_a_name_is_no_source() {
    let all = run("The pier closed early, forcing the ferry to wait, said Bo Lind, a pilot.");
    assert_eq!(all.len(), 1, "{all:?}");
    assert!(all[0].0.starts_with("Bo Lind"), "{all:?}");
}

#[test]
fn an_abbreviation_inside_an_appositive_does_not_end_it() {
    assert_eq!(
        one("Ana Holm of Lima, the No. 2 officer on the board, said the pier will reopen."),
        triple("Ana Holm of Lima, the No. 2 officer on the board,", "said", "the pier will reopen")
    );
}

#[test]
fn the_subject_of_a_clause_after_said_is_no_inverted_source() {
    assert!(!run("Asked about the vote on Monday, said the council will meet again.").iter().any(|a| a.0 == "the council"));
}

#[test]
fn a_source_cut_off_before_its_noun_names_no_one() {
    assert!(is_non_agent("the plans fell short of"));
    assert!(is_non_agent("a few calls for"));
    assert!(!is_non_agent("the head of the harbor board"));
    assert!(!is_non_agent("Ana Holm"));
}

#[test]
fn adverbial_after_a_participle_is_not_content() {
    let all = run("The mayor left the pier early, saying in a short statement that the ferry fares would rise.");
    assert!(all.iter().any(|(_, cue, content)| cue == "saying" && content == "that the ferry fares would rise"), "{all:?}");
}

#[test]
fn preposition_after_a_participle_belongs_to_the_cue() {
    let all = run("The union marched past the depot, calling for higher ferry wages.");
    assert!(all.iter().any(|(_, cue, content)| cue == "calling" && content == "higher ferry wages"), "{all:?}");
}

#[test]
fn a_relative_clause_with_whom_stays_in_the_content() {
    let all = run("Lopez said he had met Ortiz, whom he called a loyal friend.");
    assert!(all.contains(&triple("Lopez", "said", "he had met Ortiz, whom he called a loyal friend")), "{all:?}");
}

#[test]
fn a_date_after_the_cue_is_not_content() {
    assert_eq!(one("Lopez said Tuesday the ferry fares would rise."), triple("Lopez", "said", "the ferry fares would rise"));
    assert_eq!(one("Lopez said on Friday night he would run."), triple("Lopez", "said", "he would run"));
}

#[test]
fn a_possessive_date_after_the_cue_stays_in_the_content() {
    assert_eq!(one("Lopez said Tuesday’s vote was fair."), triple("Lopez", "said", "Tuesday’s vote was fair"));
}

#[test]
fn a_duration_before_that_is_not_content() {
    assert_eq!(one("Lopez has argued for years that the ferry loses money."), triple("Lopez", "argued", "that the ferry loses money"));
}

#[test]
fn a_gerund_subject_after_the_cue_opens_the_content() {
    let all = run("The ferry closed in May, and Lopez says raising fares has hurt the town.");
    assert!(all.iter().any(|(_, cue, content)| cue == "says" && content == "raising fares has hurt the town"), "{all:?}");
}

#[test]
fn a_clause_joined_before_the_source_is_not_content() {
    let all = run("The ferry closed in May, and Lopez said after the vote.");
    assert!(!all.iter().any(|(_, _, content)| content.contains("ferry closed")), "{all:?}");
}

#[test]
fn so_or_yes_after_the_cue_is_the_content() {
    assert_eq!(one("Most dock workers said yes."), triple("Most dock workers", "said", "yes"));
    let all = run("Fares will rise, and the mayor said so.");
    assert!(all.iter().any(|(_, cue, content)| cue == "said" && content == "so"), "{all:?}");
}

#[test]
fn an_object_content_ends_at_its_comma() {
    assert_eq!(one("Lopez praised the ferry crew, with whom she had sailed for years."), triple("Lopez", "praised", "the ferry crew"));
}

#[test]
fn an_object_content_ends_before_a_clause_of_its_own() {
    assert_eq!(one("Most young voters preferred Lopez while older ones stayed home."), triple("Most young voters", "preferred", "Lopez"));
}

#[test]
fn a_capitalised_stop_word_before_the_cue_is_a_surname() {
    assert_eq!(one("Day said the new rules would hurt small farms."), triple("Day", "said", "the new rules would hurt small farms"));
    assert_eq!(one("Later, Day said the plan was dead."), triple("Day", "said", "the plan was dead"));
    // At the sentence start an ordinary stop word is no source.
    assert!(run("That said, the plan was dead.").iter().all(|(s, _, _)| s.is_empty()));
}

#[test]
fn an_ing_cue_after_and_continues_a_progressive_content() {
    assert_eq!(
        one("Ann Roe says the mayor is spending wildly and showing contempt for the voters."),
        triple("Ann Roe", "says", "the mayor is spending wildly and showing contempt for the voters")
    );
}

#[test]
fn a_poll_is_the_subject_of_a_bare_verb() {
    assert_eq!(one("A new harbour poll shows Ortiz with a narrow lead."), triple("A new harbour poll", "shows", "Ortiz with a narrow lead"));
}

#[test]
fn a_verb_of_regard_reports_a_view_with_as_but_not_a_sight() {
    assert_eq!(one("Many dock workers see the levy as a tax on their wages."), triple("Many dock workers", "see", "the levy as a tax on their wages"));
    assert!(run("We saw a crowd at the pier on Sunday.").is_empty());
}

#[test]
fn a_clause_opening_with_this_after_the_cue_is_what_was_said() {
    assert_eq!(one("Critics say this is a rough patch for the ferry."), triple("Critics", "say", "this is a rough patch for the ferry"));
}

#[test]
fn the_subject_of_a_verb_before_to_is_the_source() {
    assert_eq!(one("Ortiz tried to defend the levy."), triple("Ortiz", "defend", "the levy"));
}

#[test]
fn the_object_of_urged_before_a_comma_is_its_content() {
    let all = run("Ana Holm, the port chief, urged a quick vote, saying that delay would cost jobs.");
    assert!(all.contains(&triple("Ana Holm, the port chief,", "urged", "a quick vote")), "{all:?}");
}

#[test]
fn a_participle_takes_the_subject_before_an_irregular_past() {
    let all = run("The mayor left no doubt about her plans, saying that the pier would reopen.");
    assert!(all.contains(&triple("The mayor", "saying", "that the pier would reopen")), "{all:?}");
}

#[test]
fn shot_back_is_a_cue() {
    assert_eq!(one("Ortiz shot back that the fares were fair."), triple("Ortiz", "shot back", "that the fares were fair"));
}

#[test]
fn a_participle_of_dismissing_after_by_takes_the_subject() {
    let all = run("Lee answered by dismissing the report as rumor.");
    assert!(all.contains(&triple("Lee", "dismissing", "the report as rumor")), "{all:?}");
}

#[test]
fn a_report_in_a_relative_clause_ends_where_the_main_clause_goes_on() {
    let all = run("Ortiz, who announced a new ferry plan on Monday, plans to run again.");
    assert!(all.contains(&triple("who", "announced", "a new ferry plan")), "{all:?}");
    let all = run("Ana Holm, who wants a new pier, and Bo Lind, who opposes it, spoke at the meeting.");
    assert!(all.contains(&triple("who", "wants", "a new pier")), "{all:?}");
}

#[test]
fn a_report_in_a_subordinate_clause_ends_before_the_main_clause() {
    let all = run("Though she praised the crew and said the pier was safe, Holm voted against the budget.");
    assert!(all.contains(&triple("she", "said", "the pier was safe")), "{all:?}");
}

#[test]
fn a_clause_after_but_and_a_pronoun_is_the_writers() {
    let all = run("Holm said the pier would reopen in May, but she has doubts about the budget.");
    assert!(all.contains(&triple("Holm", "said", "the pier would reopen in May")), "{all:?}");
}

#[test]
fn the_day_and_occasion_after_an_object_are_not_content() {
    assert_eq!(one("Lee praised Ortiz on Wednesday during a harbour panel."), triple("Lee", "praised", "Ortiz"));
}

#[test]
fn quote_signed_on_the_next_line_by_a_name_ending_with_the_closing_mark() {
    let all = run("The ferry plan drew comments.\n\n\"We cannot afford another year of closed piers and empty decks.\nAna Holm, Dock Workers Union.\"\n\nThe board meets Friday.");
    assert!(all.contains(&triple("Ana Holm, Dock Workers Union", "\"", "\"We cannot afford another year of closed piers and empty decks.")), "{all:?}");
}

#[test]
fn an_unclosed_quotation_keeps_its_cue_in_the_same_paragraph() {
    let all = run("“The pier is safe,” Holm said. “The ramp is not and never was.\n\n“We will fix it,” Ode said.");
    assert!(all.contains(&triple("Holm", "said", "“The pier is safe,” | “The ramp is not and never was.")), "{all:?}");
    assert!(all.contains(&triple("Ode", "said", "“We will fix it,”")), "{all:?}");
}

#[test]
fn quote_after_more_from_and_a_colon_takes_the_name_after_from() {
    let all = run("Ferry use fell - More from the harbor survey: “Fewer people rode the boats in winter than in any year we measured.”");
    assert!(all.contains(&triple("the harbor survey", ":", "“Fewer people rode the boats in winter than in any year we measured.”")), "{all:?}");
}

#[test]
fn name_and_colon_after_a_closed_quotation_or_before_brackets() {
    let all = run("The port met.\n\nHolm: \"We keep the pier open.\" Ode: \"We close it at dusk.\"");
    assert!(all.contains(&triple("Ode", ":", "\"We close it at dusk.\"")), "{all:?}");
    let all = run("The port met.\n\nRep. Ana Holm (D-Maine): \"The pier stays open all year.\"");
    assert!(all.iter().any(|(s, c, _)| s.contains("Ana Holm") && c == ":"), "{all:?}");
    let all = run("The port met.\n\nFormer harbor master Ana Holm: \"The pier stays open all year.\"");
    assert!(all.contains(&triple("Former harbor master Ana Holm", ":", "\"The pier stays open all year.\"")), "{all:?}");
}

#[test]
fn as_someone_put_it_before_a_quotation() {
    let all = run("As Ana Holm, the harbor master, put it: “Nobody rides a ferry that never comes.”");
    assert!(all.contains(&triple("Ana Holm, the harbor master,", "put it", "“Nobody rides a ferry that never comes.”")), "{all:?}");
}

#[test]
fn speech_participle_after_its_subject_before_a_quotation() {
    let all = run("The board met on Monday, with Ana Holm calling the plan “a gift to the ferry lines.”");
    assert!(all.contains(&triple("Ana Holm", "calling", "the plan “a gift to the ferry lines.”")), "{all:?}");
}

#[test]
fn long_source_after_a_quotation_with_an_unlisted_verb() {
    let all = run("“The ferries run late every single week,” reads a Monday editorial in The Port Harbor Gazette.");
    assert!(all.contains(&triple("a Monday editorial in The Port Harbor Gazette", "reads", "“The ferries run late every single week,”")), "{all:?}");
}

#[test]
fn colon_clause_whose_subject_has_a_possessor_or_a_phrase() {
    let all = run("The port met.\n\nHolm’s letter makes a simple case: “Ferries carry more people than the bridge ever could.”");
    assert!(all.contains(&triple("Holm’s letter", "makes a simple case:", "“Ferries carry more people than the bridge ever could.”")), "{all:?}");
    let all = run("The port met.\n\nA note in the harbor study spells it out: \"These numbers leave out the winter ferries.\"");
    assert!(all.contains(&triple("A note in the harbor study", "spells it out:", "\"These numbers leave out the winter ferries.\"")), "{all:?}");
}

#[test]
fn a_one_word_answer_opening_its_paragraph_takes_the_cue_after_it() {
    let all = run("Holm was asked where the ferry should go.\n\n“North,” he answered.");
    assert!(all.contains(&triple("he", "answered", "“North,”")), "{all:?}");
}

#[test]
fn a_name_before_a_headline_colon_speaks_but_a_title_case_phrase_does_not() {
    let named = run("Okafor: The Harbor Plan Is Dead\n\nThe council voted on Monday.");
    assert!(named.contains(&triple("Okafor", ":", "The Harbor Plan Is Dead")), "{named:?}");
    for kicker in ["Storm Over Harbor", "Revealed", "Thursday's Morning Email"] {
        let all = run(&format!("{kicker}: The Harbor Plan Is Dead\n\nThe council voted on Monday."));
        assert!(all.iter().all(|(source, _, _)| !source.starts_with(kicker.split(' ').next().unwrap())), "{all:?}");
    }
}

#[test]
fn a_participle_after_a_phrase_opened_by_with_takes_that_phrase_as_source() {
    let all = run("The ferry poll closed on Friday, with 40 percent of riders saying the fare is too high, and the rest unsure.");
    assert!(all.contains(&triple("40 percent of riders", "saying", "the fare is too high")), "{all:?}");
    // "familiar with her thinking": a possessive makes the "-ing" word a noun.
    let noun = run("A harbor aide familiar with her thinking doubted the plan.");
    assert!(noun.iter().all(|(_, cue, _)| cue != "thinking"), "{noun:?}");
}

#[test]
fn an_attitude_after_a_form_of_be_is_the_subjects() {
    let all = run("Harbor pilots were deeply worried about the new channel.");
    assert!(all.contains(&triple("Harbor pilots", "were deeply worried about", "the new channel")), "{all:?}");
    let all = run("The ferry council is confident that the boats will run on time.");
    assert!(all.contains(&triple("The ferry council", "is confident", "that the boats will run on time")), "{all:?}");
    // Without "be", or with nothing it is toward, it describes.
    assert!(run("A worried pilot left the bridge early.").is_empty());
    assert!(run("Ana Holm was angry.").is_empty());
}

#[test]
fn an_attitude_word_used_as_a_verb_still_reports() {
    let all = run("Harbor aides worried that the vote would fail.");
    assert!(all.contains(&triple("Harbor aides", "worried", "that the vote would fail")), "{all:?}");
}

#[test]
fn an_attitude_inside_a_report_does_not_cut_it_short() {
    let all = run("Ana Holm said the crews were worried about the storm and would stay in port.");
    assert!(all.contains(&triple("Ana Holm", "said", "the crews were worried about the storm and would stay in port")), "{all:?}");
}

#[test]
fn that_after_a_noun_is_the_relative_word_of_what_was_said() {
    let all = run("It was a ferry that Ana Holm said would run all winter.");
    assert!(all.contains(&triple("Ana Holm", "said", "that | would run all winter")), "{all:?}");
    // Where what was said has its own subject, "that" is the writer's.
    let all = run("It is true that Ana Holm said the ferry would run all winter.");
    assert!(all.iter().any(|(s, c, x)| s == "Ana Holm" && c == "said" && x == "the ferry would run all winter"), "{all:?}");
}

#[test]
fn then_before_an_age_describes_the_source() {
    let all = run("Ana Holm, then 41, said the ferry was safe.");
    assert!(all.contains(&triple("Ana Holm, then 41,", "said", "the ferry was safe")), "{all:?}");
}

#[test]
fn referring_to_names_only_its_referent() {
    let text = "“He will not last the winter,” Holm said, referring to the ferry chief.\n“Nobody on the pier trusts him.”";
    let all = run(text);
    assert!(all.iter().any(|(_, cue, content)| cue == "referring" && content == "the ferry chief"), "{all:?}");
}

#[test]
fn an_expressed_state_belongs_to_the_cue() {
    let all = run("The harbor master expressed doubt that the new ramp would hold.");
    assert!(all.iter().any(|(_, cue, content)| cue == "expressed" && content == "that the new ramp would hold"), "{all:?}");
    let all = run("Two ferry captains expressed deep concern about the night schedule.");
    assert!(all.iter().any(|(_, cue, content)| cue == "expressed" && content == "the night schedule"), "{all:?}");
}

#[test]
fn an_expressed_phrase_with_no_object_stays_the_content() {
    let all = run("The harbor master expressed his full and lasting support.");
    assert!(all.iter().any(|(_, cue, content)| cue == "expressed" && content == "his full and lasting support"), "{all:?}");
    let all = run("The harbor master expressed cautious hope over the weekend that the ramp would hold.");
    assert!(all.iter().any(|(_, cue, content)| cue == "expressed" && content == "that the ramp would hold"), "{all:?}");
    assert_eq!(all.len(), 1, "{all:?}");
}

#[test]
fn the_occasion_closing_a_content_is_not_what_was_said() {
    let all = run("The harbor master praised the night crews in an interview with the Gazette.");
    assert!(all.iter().any(|(_, cue, content)| cue == "praised" && content == "the night crews"), "{all:?}");
    // In a quotation the words are the source's.
    let all = run("Holm said the ferry was “a disgrace in every interview”.");
    assert!(all.iter().any(|(_, _, content)| content.ends_with("interview”")), "{all:?}");
    // A long phrase is more than the occasion.
    let all = run("Holm said the crews had worked through the night on the ramp before the rally.");
    assert!(all.iter().any(|(_, _, content)| content.ends_with("before the rally")), "{all:?}");
    let all = run("Holm said the council wants limits in public speech.");
    assert!(all.iter().any(|(_, _, content)| content.ends_with("in public speech")), "{all:?}");
    let all = run("Holm said the figures in the tweet are wrong.");
    assert!(all.iter().any(|(_, _, content)| content.ends_with("are wrong")), "{all:?}");
    let all = run("Holm praised the crews on Twitter.");
    assert!(all.iter().any(|(_, _, content)| content == "the crews"), "{all:?}");
}

#[test]
fn a_subject_before_a_phrase_set_off_by_commas_is_the_source() {
    let all = run("Marta Voss, after the audit of the harbor fund ended in May, initially said that no money was missing.");
    assert!(all.contains(&triple("Marta Voss", "said", "that no money was missing")), "{all:?}");
    let all = run("Mr. Orrin, citing the rules of the port, said the ferry vote could be held in May.");
    assert!(all.contains(&triple("Mr. Orrin", "said", "the ferry vote could be held in May")), "{all:?}");
}

#[test]
fn a_phrase_set_off_by_commas_gives_no_source_that_is_not_a_subject() {
    // The sentence opens with a prepositional phrase, not the subject.
    let all = run("In the harbor town, after the vote ended, said the ferry board would meet.");
    assert!(all.iter().all(|(s, _, _)| s != "town" && s != "harbor town"), "{all:?}");
}

#[test]
fn a_name_in_brackets_before_a_time_is_the_source() {
    let all = run("Senator Ann Roe (D-Ohio) last week said the ferry board was not the source of the leak.");
    assert!(all.contains(&triple("Senator Ann Roe (D-Ohio)", "said", "the ferry board was not the source of the leak")), "{all:?}");
}

#[test]
fn a_quotation_after_a_participle_that_is_no_speech_is_not_its_content() {
    let text = "“They saw the ferry market coming back,” Holm said, referring to the two harbor hotels.\n“I expect they will sell both.”";
    let all = run(text);
    assert!(all.contains(&triple("Holm", "referring", "the two harbor hotels")), "{all:?}");
}

#[test]
fn a_poll_named_with_a_slash_opening_the_sentence_is_its_source() {
    assert_eq!(
        one("In a Harbor Gazette/Dock Radio poll released Monday, most dock workers backed the new pier."),
        triple("a Harbor Gazette/Dock Radio poll released Monday", "In", "most dock workers backed the new pier")
    );
}

#[test]
fn since_and_evening_stand_between_a_subject_and_its_verb() {
    assert_eq!(one("Mrs. Voss has since said she would back the ferry levy."), triple("Mrs. Voss", "said", "she would back the ferry levy"));
    assert_eq!(one("Port spokesman Ed Lane on Thursday evening said the harbor was not in a crisis."), triple("Port spokesman Ed Lane", "said", "the harbor was not in a crisis"));
}

#[test]
fn a_listener_closed_by_a_comma_ends_at_that() {
    let all = run("Mayor Ann Roe told the Gazette, however, that the ferry would run again.");
    assert!(all.contains(&triple("Mayor Ann Roe", "told", "that the ferry would run again")), "{all:?}");
}

#[test]
fn a_listener_with_a_place_set_off_by_commas_ends_at_that() {
    let all = run("Mayor Ann Roe told a town hall in Salem, Oregon, on Monday that the ferry would run again.");
    assert!(all.contains(&triple("Mayor Ann Roe", "told", "that the ferry would run again")), "{all:?}");
}

#[test]
fn a_plural_possessive_in_the_phrase_after_the_cue_runs_to_that() {
    assert_eq!(one("The ferry board wrote to the Owens’ law office that the pier would stay shut."), triple("The ferry board", "wrote", "that the pier would stay shut"));
}

#[test]
fn a_time_phrase_after_said_runs_to_that() {
    assert_eq!(one("Reed said after a dinner on Monday that he had not read the ferry plan."), triple("Reed", "said", "that he had not read the ferry plan"));
    // "that" after the noun opens a relative clause: nothing is reported.
    let all = run("The pier is safe, Reed said after the vote that was held on Tuesday.");
    assert!(all.iter().all(|(_, _, x)| !x.starts_with("that was held")), "{all:?}");
}

#[test]
fn a_quantifier_standing_alone_as_the_subject_is_the_source() {
    assert_eq!(one("Most believe that the ferry levy will pass."), triple("Most", "believe", "that the ferry levy will pass"));
    assert_eq!(one("Some say they hear echoes of the old harbor fight."), triple("Some", "say", "they hear echoes of the old harbor fight"));
    // A quantifier ending a longer noun phrase still makes no subject.
    assert!(run("The news says the ferry levy will pass.").is_empty());
}

#[test]
fn a_share_written_with_a_percent_sign_is_the_source() {
    assert_eq!(one("Of the dock workers polled, 42% said they would back the levy."), triple("42%", "said", "they would back the levy"));
}

#[test]
fn colon_clause_whose_subject_has_a_title_in_lower_case_before_the_name() {
    let all = run("The storm passed.\n\nIn response to the damage, Harbour board chair Ann Holm issued the following statement:\n\n“We will rebuild the pier before the winter.”");
    assert!(all.contains(&triple("Harbour board chair Ann Holm", "issued the following statement:", "“We will rebuild the pier before the winter.”")), "{all:?}");
}

#[test]
fn a_report_ends_before_a_later_clause_that_brings_in_a_quote_with_a_colon() {
    let all = run("When Vance said that the county would sue the port, Holm fired back: “If they sue us in Dayton, they will lose.”");
    assert!(all.contains(&triple("Vance", "said", "that the county would sue the port")), "{all:?}");
    assert!(all.contains(&triple("Holm", "fired back:", "“If they sue us in Dayton, they will lose.”")), "{all:?}");
}

#[test]
fn a_colon_clause_after_to_which_or_and_then_has_its_own_subject() {
    let all = run("The pilots cheered loudly and then Ruth Ode went on: “The harbour belongs to all of us.”");
    assert!(all.contains(&triple("Ruth Ode", "went on:", "“The harbour belongs to all of us.”")), "{all:?}");
    let all = run("She called the ferry plan sound and cheap, to which Oster replied: “It is neither of those things.”");
    assert!(all.contains(&triple("Oster", "replied", "“It is neither of those things.”")), "{all:?}");
    assert!(all.iter().all(|a| !a.2.contains("Oster")), "{all:?}");
}

#[test]
fn a_quote_after_a_colon_goes_to_the_colon_clause_not_a_participle_after_it() {
    let all = run("The port met.\n\nHolm fired back: “If they close the ramp, they will lose the vote,” pointing to the crews in the hall.");
    assert!(all.contains(&triple("Holm", "fired back:", "“If they close the ramp, they will lose the vote,”")), "{all:?}");
}

#[test]
fn speaker_after_a_quotation_and_before_an_aside_is_the_source() {
    let all = run("“She had a lot of support in the county,” Blunt, after a long pause, said of the mayor.");
    assert!(all.iter().any(|a| a.0 == "Blunt" && a.2 == "“She had a lot of support in the county,”"), "{all:?}");
    let all = run("“The pier is safe for everyone,” Holm, wearing a yellow hat, said quietly.");
    assert!(all.iter().any(|a| a.0 == "Holm" && a.2 == "“The pier is safe for everyone,”"), "{all:?}");
}

#[test]
fn a_verb_then_by_and_a_participle_of_speech_reports_through_the_participle() {
    let all = run("Holm continued by saying, “We will appeal because the crews need clarity.”");
    assert_eq!(all, [triple("Holm", "saying", "“We will appeal because the crews need clarity.”")]);
    let all = run("After the recess she began by saying, “The pier must stay open all winter.”");
    assert_eq!(all, [triple("she", "saying", "“The pier must stay open all winter.”")]);
    let all = run("Vance answered the questions by saying that the ferry would run on time.");
    assert_eq!(all, [triple("Vance", "saying", "that the ferry would run on time")]);
}

#[test]
fn a_which_clause_inside_the_content_before_an_auxiliary_does_not_end_it() {
    let all = run("Oster argued the toll, which the board raised twice, is \"a tax on sailors.\"");
    assert!(all.contains(&triple("Oster", "argued", "the toll, which the board raised twice, is \"a tax on sailors.\"")), "{all:?}");
    let all = run("Holm demanded that the old flag, which bears the seal of the port, be taken down.");
    assert!(all.contains(&triple("Holm", "demanded", "that the old flag, which bears the seal of the port, be taken down")), "{all:?}");
}

#[test]
fn a_programme_title_after_the_cue_is_no_second_statement() {
    let all = run("“We will win the vote,” Vance said on Dock Radio’s “Meet the Crews.”");
    assert_eq!(all, [triple("Vance", "said", "“We will win the vote,”")]);
    // A short quotation before the cue is speech, and stays.
    let all = run("“Okay,” Holm said. “The ferry sails at noon.”");
    assert!(all.iter().any(|a| a.2.contains("Okay")), "{all:?}");
}

#[test]
fn and_with_a_pronoun_after_a_quoted_phrase_ends_the_content() {
    let all = run("Vance spared Holm, calling her a “fair captain” and he said nothing about Oster.");
    assert!(all.contains(&triple("Vance", "calling", "her a “fair captain”")), "{all:?}");
}

#[test]
fn a_later_speakers_clause_after_a_comma_is_a_report_of_its_own() {
    // PolNeAR marks no report inside another: the subject with its relative
    // clause and the cue after the comma start the second report.
    let all = run("After the pier board rejected the ferry schedule, harbour workers who rode the night boats said they would strike in May.");
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!((all[0].1.as_str(), all[0].2.as_str()), ("rejected", "the ferry schedule"));
    assert_eq!((all[1].1.as_str(), all[1].2.as_str()), ("said", "they would strike in May"));
}

#[test]
fn a_share_in_brackets_after_a_semicolon_reports_on_its_own() {
    let all = run("Half the riders said the fares were fair; 30 percent (and most pilots) said they were too high.");
    assert_eq!(all, vec![triple("Half the riders", "said", "the fares were fair"), triple("30 percent (and most pilots)", "said", "they were too high")]);
}

#[test]
fn a_share_or_a_name_joined_by_and_or_while_starts_another_report() {
    let all = run("Two in five said the ramp was safe, and one in four said it should close.");
    assert_eq!(all, vec![triple("Two in five", "said", "the ramp was safe"), triple("one in four", "said", "it should close")]);
    let all = run("Ana Holm said the levy was fair while Piet Lund suggests the harbour is broke.");
    assert_eq!(all, vec![triple("Ana Holm", "said", "the levy was fair"), triple("Piet Lund", "suggests", "the harbour is broke")]);
}

#[test]
fn a_relative_clause_after_the_comma_stays_in_the_content() {
    let all = run("Holm said the levy, which critics said was unfair, would pass in May.");
    assert_eq!(all, vec![triple("Holm", "said", "the levy, which critics said was unfair, would pass in May")]);
}

#[test]
fn as_the_source_noted_reports_the_clause_after_the_comma() {
    let all = run("As the Harbour Gazette noted, the ferry earned nearly $2 million last spring.");
    assert_eq!(all, vec![triple("the Harbour Gazette", "noted", "the ferry earned nearly $2 million last spring")]);
    let all = run("But as Holm noted, the pier could still be sold.");
    assert_eq!(all, vec![triple("Holm", "noted", "the pier could still be sold")]);
    // "as" in the middle of a clause compares; it opens no report.
    assert!(run("The fares rose as the board noted, and riders left.").iter().all(|(_, _, c)| c != "and riders left"));
}

#[test]
fn a_text_or_group_before_a_participle_is_its_source_where_it_stands() {
    let all = run("Harbour voters supporting the levy have said they will vote for it.");
    // The phrase opens the sentence: the report ends before its verb.
    assert!(all.contains(&triple("Harbour voters", "supporting", "the levy")), "{all:?}");
    let all = run("A memo urging a strike in May was found on the pier.");
    assert_eq!(all, vec![triple("A memo", "urging", "a strike in May")]);
    // As the object of a verb the phrase is no source.
    let all = run("On Tuesday the union sent a memo saying the ferry would stop.");
    assert!(all.iter().all(|(s, _, _)| s != "a memo"), "{all:?}");
}

#[test]
fn a_participle_opening_the_sentence_reports_for_the_next_subject() {
    let all = run("Noting that both ferries had sailed late, Holm voted against the levy.");
    assert!(all.contains(&triple("Holm", "Noting", "that both ferries had sailed late")), "{all:?}");
    let all = run("The board met. Citing the cost, the mayor opposed the plan.");
    assert!(all.contains(&triple("the mayor", "Citing", "the cost")), "{all:?}");
    // A place after the participle says where, not what.
    let all = run("Speaking at the pier, Holm said the levy was fair.");
    assert_eq!(all, vec![triple("Holm", "said", "the levy was fair")]);
}

#[test]
fn a_plural_noun_cue_after_a_modifier_or_verb_has_no_source() {
    let all = run("There were numerous complaints that the ferry ran late.");
    assert!(all.iter().any(|(s, _, c)| s.is_empty() && c == "that the ferry ran late"), "{all:?}");
    let all = run("The vote raised serious doubts about the levy.");
    assert!(all.iter().any(|(s, _, c)| s.is_empty() && c == "the levy"), "{all:?}");
    // A verb, or a possessive before the noun, keeps its speaker.
    let all = run("Holm doubts that the ferry will sail.");
    assert_eq!(all, vec![triple("Holm", "doubts", "that the ferry will sail")]);
    let all = run("The mayor’s calls for a new pier went unanswered.");
    assert!(all.iter().all(|(s, _, _)| s.is_empty() || s.contains("mayor")), "{all:?}");
}

#[test]
fn a_phrase_after_in_or_on_before_the_verb_is_no_source() {
    let all = run("Ann Roe in a blog post said the pier would close.");
    assert_eq!(all, vec![triple("Ann Roe", "said", "the pier would close")]);
    let all = run("Pilots in general prefer to sail at dawn.");
    assert!(all.iter().all(|(s, _, _)| s != "general"), "{all:?}");
    // "but in an interview said": the first verb's subject speaks again.
    let all = run("The clerk first said he did not recall the vote, but in an interview said the vote was fair.");
    assert!(all.contains(&triple("The clerk", "said", "the vote was fair")), "{all:?}");
}

#[test]
fn a_report_before_according_to_is_part_of_its_content() {
    assert_eq!(
        run("“The pier is safe,” Holm said, according to the port log."),
        [triple("the port log", "according to", "“The pier is safe,” Holm said")]
    );
}

#[test]
fn a_report_with_words_before_according_to_stays_its_own() {
    let text = "Holm said the pier was safe on Tuesday, according to the port log.";
    let outer = Attribution { source: Some(53..65), cue: 40..52, content: vec![0..38], ..Default::default() };
    let adjoining = Attribution { source: Some(0..4), cue: 5..9, content: vec![10..38], ..Default::default() };
    let apart = Attribution { source: Some(0..4), cue: 5..9, content: vec![10..27], ..Default::default() };
    assert!(reported_inside(text, &adjoining, &outer));
    assert!(!reported_inside(text, &apart, &outer));
}

#[test]
fn a_time_closing_an_object_says_when_it_was_said() {
    assert_eq!(one("Ruiz endorsed the harbor levy in November."), triple("Ruiz", "endorsed", "the harbor levy"));
    assert_eq!(one("The port announced its support for the ferry plan on Thursday night."), triple("The port", "announced", "its support for the ferry plan"));
}

#[test]
fn a_time_inside_a_clause_or_infinitive_is_what_was_said() {
    assert_eq!(one("Ruiz said the levy raised $2 million in May."), triple("Ruiz", "said", "the levy raised $2 million in May"));
    assert_eq!(one("Ruiz vowed to vote on Tuesday."), triple("Ruiz", "vowed", "to vote on Tuesday"));
}

#[test]
fn two_years_closing_an_object_go_as_one_does() {
    assert_eq!(one("Ruiz endorsed the levy in 2008 and 2012."), triple("Ruiz", "endorsed", "the levy"));
}

#[test]
fn voiced_quotation_ends_the_content() {
    let all = run("The dock workers chanted “Open the gates” outside the ferry office on Monday.");
    assert!(all.contains(&triple("The dock workers", "chanted", "“Open the gates”")), "{all:?}");
    let all = run("Lena Ortiz yelled “Shame!” at the harbor board during the vote.");
    assert!(all.contains(&triple("Lena Ortiz", "yelled", "“Shame!”")), "{all:?}");
}

#[test]
fn voiced_quotations_joined_by_and_stay_one_content() {
    let all = run("The dock workers chanted “Open the gates” and “No more tolls.”");
    assert!(all.iter().any(|a| a.1 == "chanted" && a.2.contains("No more tolls")), "{all:?}");
}

#[test]
fn quotation_after_a_verb_of_speech_keeps_its_words_after() {
    let all = run("Lena Ortiz said “the pier is safe” for now.");
    assert!(all.iter().any(|a| a.1 == "said" && a.2.ends_with("for now")), "{all:?}");
}
