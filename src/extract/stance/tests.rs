//! The stance rules, one behaviour a test, on sentences we wrote.
use super::*;

/// A judgement without its confidence, which has tests of its own.
#[derive(Debug, PartialEq)]
struct Judged {
    stance: Stance,
    hedged: bool,
}

fn judge(cue: &str, content: &str) -> Judged {
    let got = StanceLexicon::default().judge(cue, content);
    Judged { stance: got.stance, hedged: got.hedged }
}

fn judged(stance: Stance, hedged: bool) -> Judged {
    Judged { stance, hedged }
}

#[test]
fn off_the_table_after_a_neutral_cue_is_oppose() {
    let got = judge(
        "emphasizing",
        "under Ukrainian law, ceding territory, including regions like Donetsk and Luhansk, is off the table without direct talks between Ukraine and Russia",
    );
    assert_eq!(got, judged(Stance::Oppose, false));
}

#[test]
fn dismissing_a_hedged_claim_is_oppose_and_not_hedged() {
    let got = judge(
        "dismissed",
        "claims that Zelensky could be coerced into an unfavorable deal",
    );
    assert_eq!(got, judged(Stance::Oppose, false));
}

#[test]
fn characterized_as_extremely_positive_is_support() {
    assert_eq!(
        judge("characterized", "extremely positive").stance,
        Stance::Support
    );
    assert_eq!(
        judge("characterized as extremely positive", "the phone call").stance,
        Stance::Support
    );
}

#[test]
fn a_claim_of_big_progress_in_capitals_is_support() {
    assert_eq!(
        judge("claiming", "BIG PROGRESS ON RUSSIA"),
        judged(Stance::Support, false)
    );
}

#[test]
fn may_have_agreed_is_hedged() {
    assert!(
        judge(
            "revealed",
            "Putin may have agreed to a security pact similar to NATO's for Ukraine"
        )
        .hedged
    );
}

#[test]
fn the_month_of_may_is_no_hedge() {
    assert!(!judge("said", "the talks in May went ahead as planned").hedged);
}

#[test]
fn cue_polarity_holds_in_every_inflection() {
    for cue in [
        "dismisses",
        "dismissed",
        "ruled out",
        "rules out",
        "is ruling out",
        "denied",
        "rejected",
    ] {
        assert_eq!(
            judge(cue, "a deal with Moscow").stance,
            Stance::Oppose,
            "{cue}"
        );
    }
    for cue in [
        "called for",
        "calls for",
        "praised",
        "welcomes",
        "urged",
        "endorsing",
    ] {
        assert_eq!(
            judge(cue, "a deal with Moscow").stance,
            Stance::Support,
            "{cue}"
        );
    }
    for cue in ["said", "told reporters", "added", "noted", "according to"] {
        assert_eq!(
            judge(cue, "a deal with Moscow").stance,
            Stance::Neutral,
            "{cue}"
        );
    }
}

#[test]
fn raised_concerns_is_oppose_and_the_modal_hedges_it() {
    assert_eq!(
        judge(
            "have raised concerns",
            "Trump may pressure Zelensky into concessions"
        ),
        judged(Stance::Oppose, true)
    );
}

#[test]
fn denying_a_negation_is_support() {
    assert_eq!(
        judge("denied", "that the talks will not happen").stance,
        Stance::Support
    );
}

#[test]
fn urging_not_to_is_oppose() {
    assert_eq!(
        judge("urged", "Congress not to pass the bill").stance,
        Stance::Oppose
    );
}

#[test]
fn negation_before_an_evaluation_turns_it() {
    assert_eq!(
        judge("said", "this is not a good deal").stance,
        Stance::Oppose
    );
    assert_eq!(
        judge("said", "the plan is not misguided at all").stance,
        Stance::Support
    );
}

#[test]
fn double_negation_in_one_clause_is_support() {
    assert_eq!(
        judge("said", "it is not true that Kyiv will never negotiate").stance,
        Stance::Support
    );
}

#[test]
fn negations_in_separate_clauses_do_not_cancel() {
    assert_eq!(
        judge(
            "said",
            "Kyiv will not give up land, and it will never accept occupation"
        )
        .stance,
        Stance::Oppose
    );
}

#[test]
fn a_negated_deny_cue_leaves_the_door_open() {
    assert_eq!(
        judge("refused to rule out", "a ceasefire"),
        judged(Stance::Support, true)
    );
    assert_eq!(
        judge("did not rule out", "a ceasefire"),
        judged(Stance::Support, true)
    );
    assert_eq!(
        judge("declined to endorse", "the plan").stance,
        Stance::Oppose
    );
}

#[test]
fn a_user_file_overrides_and_extends() {
    let mut lexicon = StanceLexicon::default();
    assert_eq!(
        lexicon.judge("pooh-poohed", "the plan").stance,
        Stance::Neutral
    );
    lexicon
        .extend_from_str(
            "beat.tsv",
            "# our beat\npooh-pooh  deny  verb\nsay  support verb\n",
        )
        .unwrap();
    assert_eq!(
        lexicon.judge("pooh-poohed", "the plan").stance,
        Stance::Oppose
    );
    assert_eq!(lexicon.judge("says", "the plan").stance, Stance::Support);
}

#[test]
fn a_bad_user_line_names_file_and_line_and_changes_nothing() {
    let mut lexicon = StanceLexicon::default();
    let err = lexicon
        .extend_from_str("beat.tsv", "pooh-pooh deny verb\nshrug   meh\n")
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("beat.tsv:2: unknown class 'meh'"),
        "{err}"
    );
    assert_eq!(
        lexicon.judge("pooh-poohed", "the plan").stance,
        Stance::Neutral
    );
}

#[test]
fn calling_something_misguided_is_oppose() {
    assert_eq!(
        judge("calling", "such narratives misguided"),
        judged(Stance::Oppose, false)
    );
}

#[test]
fn a_user_file_extends_the_builtin_lexicon() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("beat.tsv");
    std::fs::write(&path, "# newsroom terms\nstonewall  oppose  verb\n").unwrap();
    let lexicon = StanceLexicon::with_user_file(&path).unwrap();
    assert_eq!(
        lexicon.judge("stonewalled", "the inquiry").stance,
        Stance::Oppose
    );
    assert_eq!(
        lexicon.judge("dismissed", "the inquiry").stance,
        Stance::Oppose
    );
}

#[test]
fn a_bad_line_in_a_user_file_names_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("beat.tsv");
    std::fs::write(&path, "stonewall  oppose  verb\nstonewall\n").unwrap();
    let err = StanceLexicon::with_user_file(&path).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}:2: expected 'PHRASE CLASS [verb]', found 'stonewall'",
            path.display()
        )
    );
}

#[test]
fn a_user_file_that_cannot_be_read_names_it() {
    let err = StanceLexicon::with_user_file("/nonexistent/beat.tsv").unwrap_err();
    assert!(
        err.to_string().starts_with("/nonexistent/beat.tsv:"),
        "{err}"
    );
}

#[test]
fn none_removes_a_phrase() {
    let mut lexicon = StanceLexicon::default();
    lexicon
        .extend_from_str("beat.tsv", "misguided none\n")
        .unwrap();
    assert_eq!(
        lexicon.judge("said", "the plan is misguided").stance,
        Stance::Neutral
    );
}

#[test]
fn typographic_apostrophes_negate_too() {
    assert_eq!(
        judge("said", "Kyiv won\u{2019}t accept the terms").stance,
        Stance::Oppose
    );
}


#[test]
fn a_plain_negation_stating_a_fact_is_neutral() {
    assert_eq!(judge("said", "the envoy did not arrive until Friday").stance, Stance::Neutral);
    assert_eq!(judge("noted", "the bridge has not reopened since the flood").stance, Stance::Neutral);
}

#[test]
fn the_speakers_own_negation_is_a_denial() {
    assert_eq!(judge("told", "the account is old. I didn't write that message").stance, Stance::Oppose);
    assert_eq!(judge("said", "\u{201C}We are not leaving this valley,\u{201D}").stance, Stance::Oppose);
    // An opinion verb negated hedges the view; it denies nothing.
    assert_eq!(judge("said", "the road is shut. I don't know when the bridge will reopen").stance, Stance::Neutral);
    // A negation of someone else's act, later on, is still a fact.
    assert_eq!(judge("said", "I was there, and the envoy did not arrive until Friday").stance, Stance::Neutral);
}

#[test]
fn opening_on_none_of_a_thing_is_a_denial() {
    assert_eq!(judge("said", "there were no plans to sell the harbour").stance, Stance::Oppose);
    assert_eq!(judge("noted", "nobody at the mill has been paid since March").stance, Stance::Oppose);
    // Later in the content it is part of a fact told.
    assert_eq!(judge("said", "the ferry sailed at noon, and no cars were aboard").stance, Stance::Neutral);
}

#[test]
fn a_refusal_is_oppose_on_its_own() {
    assert_eq!(judge("said", "a tax rise is out of the question").stance, Stance::Oppose);
    assert_eq!(judge("said", "the region would never join the federation").stance, Stance::Oppose);
}

#[test]
fn trumpeting_a_message_is_support() {
    assert_eq!(judge("trumpeting", "a message of lower fares on the ferry line").stance, Stance::Support);
    assert_eq!(judge("trumpeted", "the new harbour wall").stance, Stance::Support);
}

#[test]
fn anyone_but_one_refuses_that_one() {
    assert_eq!(judge("chanted", "anybody but the mayor").stance, Stance::Oppose);
    // The refusal comes after the backing it turns round.
    assert_eq!(judge("declared", "\"I'm voting for anyone but the mayor,\"").stance, Stance::Oppose);
    // Denied in turn it affirms: "no one thinks she is anything but honest".
    assert_eq!(judge("said", "no one thinks the mayor is anything but a fine manager").stance, Stance::Support);
}

#[test]
fn an_oppose_cue_with_unlikely_content_stays_oppose() {
    assert_eq!(judge("cautioned", "that a settlement was unlikely"), judged(Stance::Oppose, true));
    assert_eq!(judge("warned", "that the reform would not survive the vote").stance, Stance::Oppose);
}

#[test]
fn blaming_someone_for_not_doing_something_is_oppose() {
    assert_eq!(judge("blasted", "the landlord for not repairing the heating").stance, Stance::Oppose);
    assert_eq!(judge("accused", "the board of never answering letters").stance, Stance::Oppose);
}

#[test]
fn praising_someone_for_not_giving_in_is_support() {
    assert_eq!(judge("praised", "the striking pilots for not backing down").stance, Stance::Support);
}

#[test]
fn never_before_a_negative_word_is_support() {
    assert_eq!(judge("said", "our volunteers will never quit").stance, Stance::Support);
}

#[test]
fn calling_someone_a_name_is_oppose_and_praise_is_support() {
    assert_eq!(judge("called", "the columnist a bigot").stance, Stance::Oppose);
    assert_eq!(judge("said", "the treasurer is a liar and a hypocrite").stance, Stance::Oppose);
    assert_eq!(judge("said", "the new coach is the best hire in years").stance, Stance::Support);
}

#[test]
fn general_evaluative_words_count_where_no_phrase_does() {
    assert_eq!(judge("said", "the ruling was a wonderful outcome for tenants").stance, Stance::Support);
    assert_eq!(judge("said", "the ruling was cruel to tenants").stance, Stance::Oppose);
}

#[test]
fn words_of_plain_reports_are_not_evaluations() {
    assert_eq!(judge("said", "two people were killed in the attack").stance, Stance::Neutral);
    assert_eq!(judge("said", "the candidate's supporters gathered downtown").stance, Stance::Neutral);
}

#[test]
fn a_denied_claim_is_not_the_speakers_evaluation() {
    assert_eq!(judge("said", "there is no evidence of fraud in the count").stance, Stance::Oppose);
}

#[test]
fn if_is_no_hedge_and_i_think_is() {
    assert!(!judge("said", "the match goes ahead if it stops raining").hedged);
    assert!(judge("said", "I think the vote is close").hedged);
    assert!(judge("said", "the mayor seemed tired after the count").hedged);
}

#[test]
fn may_after_in_is_the_month_even_in_lower_case() {
    assert!(!judge("said", "the plan was first shown in may to the board").hedged);
    assert!(!judge("said", "the road has been shut since May").hedged);
    assert!(judge("said", "the road may reopen in June").hedged);
}

#[test]
fn a_hedge_in_a_side_clause_is_the_asides() {
    assert!(!judge("said", "the bridge will reopen, in what appeared to be a quick repair").hedged);
    assert!(!judge("said", "the fund goes to the farmers, who may plant again in spring").hedged);
    assert!(!judge("said", "the mayor \u{2014} which is perhaps unusual \u{2014} will walk").hedged);
    // The main claim's own hedge still counts, after a comma too.
    assert!(judge("said", "after the storm, the bridge may reopen").hedged);
    assert!(judge("said", "the mayor, who chairs the board, may resign").hedged);
}

#[test]
fn a_particle_opening_the_content_completes_the_cue() {
    assert_eq!(judge("calls", "for a recount in three districts").stance, Stance::Support);
    assert_eq!(judge("railed", "against the new curfew").stance, Stance::Oppose);
}

#[test]
fn confidence_is_higher_for_a_polar_cue_than_for_no_signal() {
    let lexicon = StanceLexicon::default();
    let polar = lexicon.judge("condemned", "the decision");
    let silent = lexicon.judge("said", "the meeting starts at noon");
    assert!(polar.confidence > silent.confidence, "{polar:?} {silent:?}");
    for j in [polar, silent] {
        assert!((0.0..=1.0).contains(&j.confidence), "{j:?}");
    }
}

#[test]
fn a_hope_or_a_worry_takes_a_side_less_surely_than_a_stated_position() {
    let lexicon = StanceLexicon::default();
    let hoped = lexicon.judge("hoped", "the new bridge opens soon");
    let urged = lexicon.judge("urged", "the new bridge opens soon");
    assert_eq!((hoped.stance, urged.stance), (Stance::Support, Stance::Support));
    assert!(hoped.confidence < urged.confidence, "{hoped:?} {urged:?}");
    let worries = lexicon.judge("worries", "the council about the fare rise");
    let condemned = lexicon.judge("condemned", "the council about the fare rise");
    assert_eq!((worries.stance, condemned.stance), (Stance::Oppose, Stance::Oppose));
    assert!(worries.confidence < condemned.confidence, "{worries:?} {condemned:?}");
}

#[test]
fn how_others_feel_is_no_evaluation_but_the_speakers_own_feeling_is() {
    assert_eq!(judge("said", "the anger that commuters feel over the delays").stance, Stance::Neutral);
    assert_eq!(judge("said", "many residents are frustrated and angry about the fares").stance, Stance::Neutral);
    assert_eq!(judge("said", "I am frustrated with the council").stance, Stance::Oppose);
    assert_eq!(judge("said", "she was thrilled with the volunteers").stance, Stance::Support);
    // Saying someone ought to feel it judges them.
    assert_eq!(judge("said", "the minister should be ashamed of the delays").stance, Stance::Oppose);
    // A word that judges what causes the feeling is still an evaluation.
    assert_eq!(judge("said", "the new timetable is frustrating").stance, Stance::Oppose);
}

#[test]
fn only_a_cue_can_be_a_feeling() {
    assert!(parse_class("support+feeling").is_ok());
    let err = parse_class("positive+feeling").unwrap_err();
    assert!(err.contains("only a cue"), "{err}");
}

#[test]
fn first_person_words_are_found_and_the_country_is_not_one() {
    let lexicon = StanceLexicon::default();
    let (_, first) = lexicon.events(&Lowered::new("I'm sure our plan works"));
    assert!(first);
    let (_, none) = lexicon.events(&Lowered::new("the US and Iowa said mine is final"));
    assert!(!none);
}

#[test]
fn a_curly_apostrophe_is_first_person_too() {
    let lexicon = StanceLexicon::default();
    for text in ["I\u{2019}m sure the bridge opens", "I\u{2019}ve seen the plans", "I\u{2019}ll sign the bill"] {
        let (_, first) = lexicon.events(&Lowered::new(text));
        assert!(first, "{text}");
    }
}

#[test]
fn a_word_before_a_closing_curly_quote_is_still_read() {
    // The evaluation sits right before the closing mark.
    assert_eq!(judge("said", "the tariff was \u{201c}a disaster\u{201d} for farmers").stance, Stance::Oppose);
    assert_eq!(judge("said", "the lighthouse was \u{201c}terrific\u{201d}").stance, Stance::Support);
}

#[test]
fn declined_before_an_amount_is_a_fall_not_a_refusal() {
    assert_eq!(judge("declined", "12 percent in the second quarter"), judged(Stance::Neutral, false));
    assert_eq!(judge("declined", "by $3 million over the year"), judged(Stance::Neutral, false));
    assert_eq!(judge("declined", "the offer of a seat on the board").stance, Stance::Oppose);
}

#[test]
fn vowing_or_pledging_to_do_a_thing_is_support() {
    assert_eq!(judge("vowed", "to be harder on tariff cheats than anyone").stance, Stance::Support);
    assert_eq!(judge("pledged", "to rebuild the harbour wall").stance, Stance::Support);
    assert_eq!(judge("promised", "not to raise the ferry fares").stance, Stance::Oppose);
}

#[test]
fn going_after_someone_is_oppose() {
    assert_eq!(judge("went after", "the mayor over the late snow ploughs").stance, Stance::Oppose);
}

#[test]
fn calling_a_rival_unfit_or_crooked_is_oppose() {
    assert_eq!(judge("said", "the councillor is unfit to chair the board").stance, Stance::Oppose);
    assert_eq!(judge("said", "it was a crooked deal from the start").stance, Stance::Oppose);
}

#[test]
fn what_should_be_done_is_support_and_what_has_to_stop_is_oppose() {
    assert_eq!(judge("said", "the county must repave the old mill road").stance, Stance::Support);
    assert_eq!(judge("said", "we need to open the library on Sundays").stance, Stance::Support);
    assert_eq!(judge("said", "the late-night drilling has to stop").stance, Stance::Oppose);
    assert_eq!(judge("said", "the board should not sell the harbour").stance, Stance::Oppose);
}

#[test]
fn a_quoted_question_in_a_statement_is_rhetorical_and_oppose() {
    assert_eq!(judge("said", "\u{201c}Who would trust these figures?\u{201d}").stance, Stance::Oppose);
    assert_eq!(judge("said", "\"Why would we pay for their wonderful new stadium?\"").stance, Stance::Oppose);
    // A question put to someone is a question.
    assert_eq!(judge("asked", "\"When does the ferry leave?\"").stance, Stance::Neutral);
}

#[test]
fn a_share_of_those_a_poll_asked_reports_a_count() {
    let lexicon = StanceLexicon::default();
    let share = lexicon.judge_said_by("36 percent of the tenants", "", "said", "they would vote for the wonderful new mayor");
    assert_eq!(share.stance, Stance::Neutral);
    let tenants = lexicon.judge_said_by("the tenants", "", "said", "they would vote for the wonderful new mayor");
    assert_eq!(tenants.stance, Stance::Support);
}

#[test]
fn a_question_put_to_someone_takes_no_side_but_a_request_does() {
    assert_eq!(judge("asked", "whether the disastrous harbour plan would survive the vote").stance, Stance::Neutral);
    assert_eq!(judge("asked", "how likely a wonderful summer for the ferry line was").stance, Stance::Neutral);
    assert_eq!(judge("asked", "the court to block the terrible new parking rule").stance, Stance::Oppose);
    // A question about anyone at all is rhetorical.
    assert_eq!(judge("asked", "why anyone would believe such a dishonest councillor").stance, Stance::Oppose);
    // The asker's own quoted question keeps its reading.
    assert_eq!(judge("asked", "\"Can anyone really fix the roads while the council is this corrupt?\"").stance, Stance::Oppose);
}

#[test]
fn a_cue_that_is_only_a_hedge_describes_without_taking_a_side() {
    assert_eq!(judge("seemed", "to be a terrible week for the ferry company"), judged(Stance::Neutral, true));
    assert_eq!(judge("reportedly", "the mayor praised the wonderful new library").stance, Stance::Neutral);
    assert_eq!(judge("said", "it was a terrible week for the ferry company").stance, Stance::Oppose);
}

#[test]
fn a_reported_finding_counts_words_without_taking_a_side() {
    assert_eq!(judge("according to", "the mayor has the support of 40 percent of voters").stance, Stance::Neutral);
    // Strong words in a finding still count what was found.
    assert_eq!(
        judge("the survey showed", "strong, enthusiastic support and wide praise for the mayor among young voters").stance,
        Stance::Neutral
    );
    assert_eq!(judge("said", "the mayor has the support of the whole council").stance, Stance::Support);
}

#[test]
fn someone_the_council_cannot_trust_is_oppose() {
    assert_eq!(judge("said", "the treasurer is not someone the council can trust").stance, Stance::Oppose);
    assert_eq!(judge("said", "voters can trust the new auditor").stance, Stance::Support);
}

#[test]
fn not_ready_to_endorse_is_oppose_even_with_the_words_quoted() {
    assert_eq!(judge("said", "he is not ready to endorse the governor").stance, Stance::Oppose);
    assert_eq!(judge("said", "she was \u{201c}not ready\u{201d} to back the mayor").stance, Stance::Oppose);
    assert_eq!(judge("told", "the mayor is not quite there yet on endorsing the treaty").stance, Stance::Oppose);
}

#[test]
fn wanting_or_planning_to_act_is_support_and_not_wanting_it_oppose() {
    assert_eq!(judge("said", "she plans to expand the ferry service").stance, Stance::Support);
    assert_eq!(judge("said", "he wants to raise the school budget").stance, Stance::Support);
    assert_eq!(judge("said", "he doesn't want to close the library").stance, Stance::Oppose);
    assert_eq!(judge("wants", "to repeal the parking fee").stance, Stance::Support);
}

#[test]
fn seeking_or_ordering_a_thing_is_support() {
    assert_eq!(judge("sought", "to reassure the farmers about the new dam").stance, Stance::Support);
    assert_eq!(judge("ordered", "the council to publish the audit").stance, Stance::Support);
    // Seeking to stop a thing is still against it.
    assert_eq!(judge("sought", "to stop the quarry expansion").stance, Stance::Oppose);
}

#[test]
fn turning_against_a_plan_or_voting_against_it_is_oppose() {
    assert_eq!(judge("said", "the council would vote against the new tower").stance, Stance::Oppose);
    assert_eq!(judge("turned against", "the harbour plan").stance, Stance::Oppose);
    assert_eq!(judge("said", "\u{201c}I'm all for the new bridge\u{201d}").stance, Stance::Support);
}

#[test]
fn not_caring_or_not_doing_enough_is_oppose() {
    assert_eq!(judge("said", "\u{201c}He doesn't care about the fishermen.\u{201d}").stance, Stance::Oppose);
    assert_eq!(judge("said", "the agency had not done enough to fix the dam").stance, Stance::Oppose);
    assert_eq!(judge("said", "voters would say no to the casino").stance, Stance::Oppose);
}

#[test]
fn not_ready_to_endorse_is_as_sure_as_declined_to_endorse() {
    let lexicon = StanceLexicon::default();
    let refused_in_content = lexicon.judge("said", "he is not ready to endorse the mayor");
    let refused_in_cue = lexicon.judge("declined", "to endorse the mayor");
    assert_eq!(refused_in_content.stance, Stance::Oppose);
    assert_eq!(refused_in_cue.stance, Stance::Oppose);
    assert_eq!(refused_in_content.confidence, refused_in_cue.confidence);
    let unrelated_negation = lexicon.judge("said", "he is not sure the mayor is a good manager");
    assert!(unrelated_negation.confidence < refused_in_cue.confidence);
}

#[test]
fn avoiding_a_fault_or_finding_no_sign_of_it_turns_or_refuses_it() {
    assert_eq!(judge("said", "the mayor had avoided a reckless spending spree").stance, Stance::Support);
    assert_eq!(judge("said", "there was no sign the plan would work").stance, Stance::Oppose);
}

#[test]
fn should_have_reproaches_and_pressing_for_a_thing_backs_it() {
    assert_eq!(judge("said", "the board should have consulted the tenants").stance, Stance::Oppose);
    assert_eq!(judge("said", "the union pressed for a shorter week").stance, Stance::Support);
    assert_eq!(judge("said", "\u{201c}We don't need another casino.\u{201d}").stance, Stance::Oppose);
}

#[test]
fn a_plain_negation_about_the_speaker_is_a_denial() {
    assert_eq!(judge("said", "he had not spoken to the developers about the sale").stance, Stance::Oppose);
    assert_eq!(judge("said", "\u{201c}I never took money from the lobby.\u{201d}").stance, Stance::Oppose);
    assert_eq!(judge("said", "the ferry did not sail on Sunday").stance, Stance::Neutral);
}

#[test]
fn a_negated_verb_of_thinking_about_the_speaker_denies_nothing() {
    // The speaker holds back a view rather than denying an act.
    assert_ne!(judge("said", "\u{201c}I don't think the mill will reopen this winter.\u{201d}").stance, Stance::Oppose);
    assert_eq!(judge("said", "she wasn't expecting a crowd at the harbour meeting").stance, Stance::Neutral);
    assert_eq!(judge("said", "\u{201c}We don't know yet how many boats were lost.\u{201d}").stance, Stance::Neutral);
    // A negated act of the speaker's is still a denial.
    assert_eq!(judge("said", "she had not signed the harbour lease").stance, Stance::Oppose);
}

#[test]
fn meaning_to_stop_or_block_a_thing_is_oppose() {
    assert_eq!(judge("wants", "to stop the new parking rules").stance, Stance::Oppose);
    assert_eq!(judge("vowed", "to block the harbour bill").stance, Stance::Oppose);
    assert_eq!(judge("vowed", "to build the harbour bridge").stance, Stance::Support);
}

#[test]
fn declining_to_comment_on_any_plans_takes_no_side() {
    assert_eq!(judge("declined", "to comment on any plans to sell the ferry").stance, Stance::Neutral);
    assert_eq!(judge("said", "she has no plans to sell the ferry").stance, Stance::Oppose);
}

#[test]
fn praise_of_a_person_that_the_general_lexicon_lacks_is_support() {
    assert_eq!(judge("said", "the new harbour master is competent and well qualified").stance, Stance::Support);
    assert_eq!(judge("said", "the dam plan would endanger the valley towns").stance, Stance::Oppose);
}

#[test]
fn refusing_a_plain_act_is_oppose_and_declining_to_speak_is_neutral() {
    assert_eq!(judge("refused", "to release the names of the donors").stance, Stance::Oppose);
    assert_eq!(judge("declined", "to renew the ferry contract").stance, Stance::Oppose);
    assert_eq!(judge("refused", "to accept the new tariff").stance, Stance::Oppose);
    assert_eq!(judge("declined", "to be identified").stance, Stance::Neutral);
    assert_eq!(judge("declined", "to specify which towns were affected").stance, Stance::Neutral);
    assert_eq!(judge("refused", "to rule out a toll on the bridge").stance, Stance::Support);
}

#[test]
fn a_refused_act_is_less_sure_than_a_denial() {
    let lexicon = StanceLexicon::default();
    let refused = lexicon.judge("refused", "to release the names");
    let denied = lexicon.judge("denied", "the report");
    assert_eq!(refused.stance, Stance::Oppose);
    assert!(refused.confidence < denied.confidence, "{refused:?} {denied:?}");
}

#[test]
fn backing_declared_in_the_speakers_own_words_is_no_less_sure_than_reported() {
    let lexicon = StanceLexicon::default();
    let declared = lexicon.judge("said", "\u{201c}As we work for a safer harbour town, I fully support and endorse our mayor, Tom Lane,\u{201d}");
    let reported = lexicon.judge("said", "\u{201c}As we work for a safer harbour town, the council will support and endorse our mayor, Tom Lane,\u{201d}");
    assert_eq!((declared.stance, reported.stance), (Stance::Support, Stance::Support));
    // Both stay below the trusted rows: declared in a quote, backing was
    // right 23 times in 26 on the tuning labels, too few to be sure of.
    assert!(declared.confidence >= reported.confidence, "{declared:?} {reported:?}");
    let refused = lexicon.judge("said", "\u{201c}After what he did to the port workers, I will not vote for Tom Lane,\u{201d}");
    let theirs = lexicon.judge("said", "\u{201c}After what he did to the port workers, people here tell me they will not vote for Tom Lane,\u{201d}");
    assert_eq!((refused.stance, theirs.stance), (Stance::Oppose, Stance::Oppose));
    assert!(refused.confidence >= theirs.confidence, "{refused:?} {theirs:?}");
}

#[test]
fn a_refusal_to_back_given_outright_is_surer_than_a_refused_act_however_long_the_content() {
    let lexicon = StanceLexicon::default();
    let refused = lexicon.judge("refused", "to endorse Lane, in what the port workers took as a reply to the way he had treated them for years");
    let refused_act = lexicon.judge("refused", "to release the names, in what the port workers took as a reply to the way he had treated them for years");
    assert_eq!((refused.stance, refused_act.stance), (Stance::Oppose, Stance::Oppose));
    assert!(refused.confidence > refused_act.confidence, "{refused:?} {refused_act:?}");
}

#[test]
fn the_word_lists_read_from_data_hold_their_words_in_any_case() {
    assert!(OPINION_VERBS.holds("recall") && OPINION_VERBS.holds("Think"));
    assert!(CLAUSE_BREAKS.holds("whereas") && CLAUSE_BREAKS.holds("But"));
    assert!(NONE_WORDS.holds("no-one") && NONE_WORDS.holds("Nobody"));
    assert!(COMPLEMENT_WORDS.holds("without"));
    assert!(CUE_PARTICLES.holds("against"));
    assert!(!CLAUSE_BREAKS.holds("the") && !OPINION_VERBS.holds("write"));
}

#[test]
fn a_clause_break_word_keeps_two_negations_apart() {
    // Joined by a clause-opening word, each negation stands alone: the
    // speaker's own refusal is not cancelled by the second "not".
    assert_eq!(judge("said", "we will not sell the mill whereas they do not want it").stance, Stance::Oppose);
    assert_eq!(judge("said", "it is not true that the mill will never reopen").stance, Stance::Support);
}

fn judge_after(lead: &str, cue: &str, content: &str) -> Judged {
    let got = StanceLexicon::default().judge_after(lead, cue, content);
    Judged { stance: got.stance, hedged: got.hedged }
}

#[test]
fn an_endorsement_not_given_before_the_cue_is_oppose_and_less_sure() {
    let lexicon = StanceLexicon::default();
    let given = lexicon.judge("endorsed", "the mayor for a second term");
    let withheld = lexicon.judge_after("has not", "endorsed", "the mayor for a second term");
    assert_eq!(given.stance, Stance::Support);
    assert_eq!(withheld.stance, Stance::Oppose);
    assert!(!withheld.hedged);
    assert!(withheld.confidence < given.confidence);
}

#[test]
fn an_endorsement_withheld_from_no_one_in_particular_takes_no_side() {
    assert_eq!(judge_after("has yet to", "endorse", "a candidate in the primary"), judged(Stance::Neutral, false));
    assert_eq!(judge_after("never", "supported", "anyone for the board"), judged(Stance::Neutral, false));
}

#[test]
fn not_wanting_an_evaluated_thing_is_oppose() {
    assert_eq!(judge_after("do not", "want", "a corrupt crook as their mayor"), judged(Stance::Oppose, false));
    assert_eq!(judge_after("won't", "agree", "to a short meeting with the board"), judged(Stance::Oppose, false));
}

#[test]
fn a_denial_not_made_before_the_cue_turns_round_hedged() {
    assert_eq!(judge("denied", "that the budget would be cut"), judged(Stance::Oppose, false));
    assert_eq!(judge_after("did not", "deny", "that the budget would be cut"), judged(Stance::Support, true));
}

#[test]
fn not_criticising_or_not_mentioning_takes_no_side() {
    assert_eq!(judge_after("did not directly", "criticize", "the new tax on fuel"), judged(Stance::Neutral, false));
    assert_eq!(judge_after("never", "mentioned", "the disastrous audit"), judged(Stance::Neutral, false));
}

#[test]
fn a_view_held_back_before_the_cue_turns_the_content_round() {
    assert_eq!(judge_after("does not", "think", "the plan is a good deal for the town").stance, Stance::Oppose);
    assert_eq!(judge_after("doesn't", "believe", "the new neighbours are dangerous").stance, Stance::Support);
}

#[test]
fn not_only_and_two_negations_before_the_cue_negate_nothing() {
    assert_eq!(judge_after("not only", "praised", "the coach for the win"), judged(Stance::Support, false));
    assert_eq!(judge_after("did not refuse to", "endorse", "the mayor"), judge("endorsed", "the mayor"));
}

#[test]
fn a_negation_written_in_the_cue_and_one_before_it_cancel() {
    assert_eq!(judge_after("never", "refused to endorse", "the mayor"), judge("endorsed", "the mayor"));
}

#[test]
fn stating_or_declaring_a_thing_asserts_it() {
    assert_eq!(judge("stated", "that she is ready to meet the harbour board").stance, Stance::Support);
    assert_eq!(judge("declared", "the new timetable a step forward").stance, Stance::Support);
    assert_eq!(judge("stated", "that the ferry plan was a costly failure").stance, Stance::Oppose);
    // The content's own polarity still decides, as with "asserted".
    assert_eq!(judge("declared", "that the board had not met since May").stance, judge("asserted", "that the board had not met since May").stance);
}

#[test]
fn a_forecast_takes_no_side_whatever_it_foresees() {
    for cue in ["predicted", "expects", "forecast", "estimated", "anticipates"] {
        assert_eq!(judge(cue, "that the new toll bridge would be a costly failure"), judged(Stance::Neutral, true), "{cue}");
        assert_eq!(judge(cue, "a wonderful summer for the harbour traders"), judged(Stance::Neutral, true), "{cue}");
    }
    // Said outright, the same words take a side.
    assert_eq!(judge("said", "the new toll bridge would be a costly failure").stance, Stance::Oppose);
}

#[test]
fn what_someone_will_have_to_do_is_a_prediction_and_takes_no_side() {
    for content in [
        "the council will have to pick another site for the depot",
        "the owners would have to find a buyer before spring",
        "she'll have to explain the delay to the board",
        "they are going to have to raise the fares",
    ] {
        assert_eq!(judge("said", content).stance, Stance::Neutral, "{content}");
    }
    // A demand in the present, or of ourselves, still takes a side.
    assert_eq!(judge("said", "the council has to pick another site").stance, Stance::Support);
    assert_eq!(judge("said", "we will have to pick another site").stance, Stance::Support);
    assert_eq!(judge("said", "we\u{2019}re going to have to pick another site").stance, Stance::Support);
}

#[test]
fn someone_elses_support_in_a_count_is_no_backing_by_the_speaker() {
    for content in [
        "Harlow's support has climbed to 41 percent since the spring",
        "Harlow’s support fell by six points in the northern towns",
        "support among retired voters has slipped for the levy",
    ] {
        assert_eq!(judge("said", content).stance, Stance::Neutral, "{content}");
    }
    // The speaker's own backing still counts.
    assert_eq!(judge("said", "we support the levy").stance, Stance::Support);
}

#[test]
fn campaign_attack_words_the_general_lexicon_lacks_are_oppose() {
    for content in [
        "the challenger is unelectable after the primary",
        "the mayor's record shows misconduct in office",
        "the board is ill-equipped to run the port",
        "the councillor is a demagogue",
    ] {
        assert_eq!(judge("said", content).stance, Stance::Oppose, "{content}");
    }
    assert_eq!(judge("said", "the new harbour master is principled").stance, Stance::Support);
}

#[test]
fn a_call_for_someone_to_go_is_oppose_whatever_the_calling_verb() {
    assert_eq!(judge("called for", "the harbour master to resign").stance, Stance::Oppose);
    assert_eq!(judge("urged", "the councillor to drop out of the race").stance, Stance::Oppose);
    assert_eq!(judge("called on", "the chairman to step down").stance, Stance::Oppose);
    // A call for something else is still support.
    assert_eq!(judge("called for", "the harbour master to reopen the pier").stance, Stance::Support);
}

#[test]
fn set_phrases_of_campaign_judgement_take_their_side() {
    for content in [
        "the council is out of touch with the harbour towns",
        "slogans like that have no place in a school board race",
        "the audit of the port is a witch hunt",
        "the ferry deal shows poor judgment",
    ] {
        assert_eq!(judge("said", content).stance, Stance::Oppose, "{content}");
    }
    for content in ["the levy is a step in the right direction", "the mayor did a terrific job with the flood"] {
        assert_eq!(judge("said", content).stance, Stance::Support, "{content}");
    }
}

#[test]
fn charging_someone_is_an_accusation() {
    assert_eq!(judge("charged", "the harbour master with bribery").stance, Stance::Oppose);
    assert_eq!(judge("charges", "that the council hid the audit").stance, Stance::Oppose);
}

#[test]
fn judgements_of_conduct_take_a_side() {
    let oppose = [
        "I blame the council for the flooded tunnels",
        "the ministers incite anger with every speech",
        "her two accounts of the meeting were contradictory",
        "the ruling raised questions about the agency's budget",
        "the board's silence was a dereliction of duty",
    ];
    for content in oppose {
        assert_eq!(judge("said", content).stance, Stance::Oppose, "{content}");
    }
    assert_eq!(judge("said", "our candidate will do well in the spring primaries").stance, Stance::Support);
}

#[test]
fn having_no_idea_holds_back_a_view_and_denies_nothing() {
    assert_eq!(judge("said", "I have no idea how the panel voted").stance, Stance::Neutral);
}

#[test]
fn lacking_a_good_quality_is_oppose() {
    assert_eq!(judge("said", "the governor lacks the courage to lead").stance, Stance::Oppose);
    assert_eq!(judge("said", "the plan is lacking in honest answers").stance, Stance::Oppose);
}

#[test]
fn lacking_a_thing_at_all_is_oppose() {
    assert_eq!(judge("said", "the new board lacks experience").stance, Stance::Oppose);
}

#[test]
fn calling_a_policy_un_american_or_discriminatory_is_oppose() {
    assert_eq!(judge("said", "the curfew on the harbour is un-American").stance, Stance::Oppose);
    assert_eq!(judge("said", "the new parking rule is discriminatory").stance, Stance::Oppose);
}

#[test]
fn fighting_for_a_thing_is_support() {
    assert_eq!(judge("said", "those are the ferry routes we will fight for").stance, Stance::Support);
}

#[test]
fn threatening_to_do_a_thing_is_a_plan_to_do_it() {
    assert_eq!(judge("threatened", "to raise the harbour fees next spring").stance, Stance::Support);
    assert_eq!(judge("threatened", "to block the ferry contract").stance, Stance::Oppose);
    assert_eq!(judge("threatened", "the harbour master with a lawsuit").stance, Stance::Oppose);
}

#[test]
fn calling_on_someone_to_act_is_support_whatever_the_act_holds() {
    assert_eq!(judge("calling", "the state to step up the fight against flooding").stance, Stance::Support);
    assert_eq!(judge("called", "him a liar to his face").stance, Stance::Oppose);
}

#[test]
fn what_people_go_through_is_no_evaluation() {
    assert_eq!(judge("said", "families in the valley are struggling after the tragedy at the mill").stance, Stance::Neutral);
    assert_eq!(judge("said", "the flood brought painful losses to the harbour towns").stance, Stance::Neutral);
}

#[test]
fn hardship_and_strength_described_are_no_evaluation() {
    for content in [
        "it was a difficult year for the harbour towns",
        "the ferry company is in trouble with its lenders",
        "the strength of the local economy surprised the council",
        "the defeat in the county vote ended his run",
        "gross domestic product rose by two percent",
    ] {
        assert_eq!(judge("said", content).stance, Stance::Neutral, "{content}");
    }
}

#[test]
fn what_is_in_someones_interest_is_support() {
    assert_eq!(judge("said", "a second ferry route is in our interest").stance, Stance::Support);
    assert_eq!(judge("said", "the toll is not in their interests").stance, Stance::Oppose);
}

#[test]
fn calling_a_thing_bad_to_someone_is_no_call_on_them() {
    assert_eq!(judge("called", "the new toll unfair to drivers from the valley").stance, Stance::Oppose);
}

#[test]
fn admitting_a_fact_takes_no_side_and_admitting_a_fault_opposes() {
    assert_eq!(judge("admitted", "a win in the county would be very hard").stance, Stance::Neutral);
    assert_eq!(judge("conceded", "he arrived at the hearing late").stance, Stance::Neutral);
    assert_eq!(judge("admitted", "the toll plan was a mistake").stance, Stance::Oppose);
}

#[test]
fn a_hope_takes_the_side_of_what_is_hoped() {
    assert_eq!(judge("hoped", "the rival scheme would prove a disaster").stance, Stance::Oppose);
    assert_eq!(judge("hopes", "to win the county vote").stance, Stance::Support);
}

#[test]
fn boasting_of_a_thing_puts_it_forward() {
    assert_eq!(judge("boasted", "that the ferry route carried more people than ever").stance, Stance::Support);
    assert_eq!(judge("highlighted", "the letters of backing from the harbour towns").stance, Stance::Support);
}

#[test]
fn bad_handling_told_as_a_description_is_oppose() {
    for content in [
        "the council mishandled the response to the flood",
        "he keeps peddling rumours about the mill",
        "the toll would put the ferry companies out of business",
        "the rules give too much power to the harbour board",
        "the shortcomings of the mayor's record",
    ] {
        assert_eq!(judge("said", content).stance, Stance::Oppose, "{content}");
    }
}

#[test]
fn knowledge_and_accomplishments_are_praise() {
    assert_eq!(judge("said", "the new harbour master is knowledgeable and articulate").stance, Stance::Support);
    assert_eq!(judge("listed", "the accomplishments of the council this year").stance, Stance::Support);
}

#[test]
fn singling_out_blames_unless_for_praise() {
    assert_eq!(judge("singled out", "the harbour board").stance, Stance::Oppose);
    assert_eq!(judge("singled out for praise", "the harbour board").stance, Stance::Support);
}

fn judge_governed(governing: &str, cue: &str, content: &str) -> Stance {
    StanceLexicon::default().judge_governed("", "", governing, cue, content).stance
}

#[test]
fn a_participle_cue_takes_the_polar_verb_of_the_clause_governing_it() {
    let content = "the ferry timetable was drawn up in a week";
    assert_eq!(judge_governed("The mayor attacked the harbour board", "saying", content), Stance::Oppose);
    assert_eq!(judge_governed("The mayor defended the harbour board", "saying", content), Stance::Support);
    assert_eq!(judge_governed("", "saying", content), Stance::Neutral, "no governing clause");
}

#[test]
fn a_governing_clause_without_a_polar_verb_negated_or_refusing_leaves_the_participle_alone() {
    let content = "the ferry timetable was drawn up in a week";
    assert_eq!(judge_governed("the mayor said", "adding", content), Stance::Neutral, "no polar verb");
    assert_eq!(judge_governed("the mayor said the board should back the plan", "adding", content), Stance::Neutral, "a polar word in what was said");
    assert_eq!(judge_governed("The mayor did not attack the board", "saying", content), Stance::Neutral, "negated");
    assert_eq!(judge_governed("The mayor refused to speculate", "adding", content), Stance::Neutral, "refusing to act");
}

#[test]
fn the_first_cue_of_the_governing_clause_is_its_verb() {
    let content = "a new toll would only slow the ferries";
    assert_eq!(judge_governed("The mayor rejected calls for a new toll", "saying", content), Stance::Oppose);
}

#[test]
fn a_participle_with_a_side_of_its_own_keeps_it() {
    let got = judge_governed("The mayor defended the harbour board", "accusing", "the ferry company of lying");
    assert_eq!(got, Stance::Oppose);
}

#[test]
fn a_verb_read_from_the_governing_clause_is_less_sure_than_the_cue_itself() {
    let lexicon = StanceLexicon::default();
    let own = lexicon.judge_governed("", "", "", "attacked", "the harbour board");
    let governed = lexicon.judge_governed("", "", "The mayor attacked the harbour board", "saying", "the timetable was late");
    assert_eq!(governed.stance, own.stance);
    assert!(governed.confidence < own.confidence);
}

#[test]
fn a_cue_word_standing_as_a_verbs_particle_lends_no_polarity() {
    let content = "the harbour tour would go ahead in June";
    assert_eq!(judge_governed("The mayor later walked back his remarks", "saying", content), Stance::Neutral);
    assert_eq!(judge_governed("The mayor will back the ferry crews", "saying", "they earned the raise"), Stance::Support, "a verb of its own");
}

#[test]
fn a_response_by_pointing_to_something_lends_no_polarity() {
    let got = judge_governed("The harbour board responded by pointing to its safety record", "saying", "the new boats had passed every test");
    assert_eq!(got, Stance::Neutral);
}

#[test]
fn accusing_a_rival_of_twisting_the_facts_opposes_them() {
    assert_eq!(judge("saying", "the Price campaign was conflating two different budgets").stance, Stance::Oppose);
    assert_eq!(judge("said", "the harbour board misrepresented the cost of the pier").stance, Stance::Oppose);
}

#[test]
fn backing_someone_has_received_is_no_backing_given() {
    assert_eq!(judge("said", "the mayor has support from older voters in the harbour wards").stance, Stance::Neutral);
}

#[test]
fn a_harm_predicted_as_a_consequence_opposes_what_brings_it() {
    assert_eq!(judge("said", "the toll plan would trigger a recession in the harbour towns").stance, Stance::Oppose);
    assert_eq!(judge("said", "the recession in the harbour towns ended last spring").stance, Stance::Neutral, "a harm reported");
}
