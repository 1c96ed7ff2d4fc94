//! Topics: tag a statement with a defined topic whose keywords it mentions,
//! or else take a candidate topic from what the content names: the target
//! or the issue (`candidate.rs`), checked against its document
//! (`document.rs`).
//!
//! Keyword matching ignores ASCII case, matches whole words, and accepts
//! the inflections of the keyword's own word, never a neighbouring word:
//! - a keyword ending in `e` takes -e, -es, -ed, -d, -ing, -er, -ers
//!   (`cede`: cedes, ceded, ceding; `pressure`: pressured), not -y (`police`
//!   does not match "policy");
//! - a keyword ending in a consonant and `y` takes -y, -ies, -ied
//!   (`territory`: territories), not a longer word (`territorial`);
//! - a keyword ending in `s` also matches without it (`sanctions`:
//!   sanction);
//! - any other keyword takes only -s and -es (`border` does not match
//!   "bordering"), unless written with a final `*` (`border*`), which asks
//!   for the verb endings too (-ed, -ing, -er, a doubled final consonant:
//!   `ban*` matches banned);
//! - keywords of three letters or fewer (`war`, `EU`) only take -s/-es.
//!
//! A keyword of several words counts as many hits as it has words, so the
//! more specific topic wins; ties go to the topic defined first.

mod candidate;
mod document;
mod keywords;
mod word_table;
mod words;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use candidate::{Candidate, CandidateWords};
pub use document::{DocumentTopics, SettledTopics};
use keywords::{is_keyword_word, keyword_stem, Keyword};

pub use crate::model::{TopicDef, TopicTag};

#[derive(Debug, Clone)]
pub struct TopicMatcher {
    defs: Vec<TopicDef>,
    automaton: Option<AhoCorasick>,
    keywords: Vec<Keyword>,
    words: CandidateWords,
}

impl Default for TopicMatcher {
    /// No defined topics: every statement gets a candidate topic.
    fn default() -> Self {
        Self::new(Vec::new())
    }
}

impl TopicMatcher {
    pub fn new(defs: Vec<TopicDef>) -> Self {
        let mut stems = Vec::new();
        let mut keywords = Vec::new();
        for (topic, def) in defs.iter().enumerate() {
            for keyword in &def.keywords {
                let lower = keyword.trim().to_lowercase();
                if lower.is_empty() {
                    continue;
                }
                let (stem, kind) = keyword_stem(&lower);
                stems.push(stem);
                keywords.push(Keyword {
                    topic,
                    weight: lower.split_whitespace().count() as u32,
                    kind,
                });
            }
        }
        let automaton = (!stems.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&stems)
                .expect("topic keywords build an automaton")
        });
        TopicMatcher {
            defs,
            automaton,
            keywords,
            words: CandidateWords::builtin(),
        }
    }

    pub fn defs(&self) -> &[TopicDef] {
        &self.defs
    }

    /// Whether `name` is a defined topic's.
    fn is_defined(&self, name: &str) -> bool {
        self.defs.iter().any(|def| def.name == name)
    }

    /// The topic of a statement with this content: the defined topic with
    /// the most keyword hits, else a candidate from its key name or noun
    /// phrase.
    pub fn tag(&self, content: &str) -> Option<TopicTag> {
        self.tag_said_by(content, "")
    }

    /// `tag` for a content said by `speaker`, whose own name is never the
    /// candidate topic of what they say. Without the document, only a name
    /// or an issue is a candidate.
    pub fn tag_said_by(&self, content: &str, speaker: &str) -> Option<TopicTag> {
        if let Some(name) = self.defined_topic(content) {
            return Some(TopicTag { name: name.to_string(), automatic: false });
        }
        // A plain noun phrase is a topic only where its document names it
        // again (`DocumentTopics`); a content alone is no evidence of that.
        let candidate = self.words.candidate(content, speaker).filter(|c| c.kind != candidate::CandidateKind::Other)?;
        Some(TopicTag { name: candidate.name, automatic: true })
    }

    /// The candidate topic of a content said by `speaker`, with how it was
    /// found.
    fn candidate(&self, content: &str, speaker: &str) -> Option<Candidate> {
        self.words.candidate(content, speaker)
    }

    /// The name of the defined topic this content mentions most, if any.
    pub fn defined_topic(&self, content: &str) -> Option<&str> {
        let automaton = self.automaton.as_ref()?;
        let mut scores = vec![0u32; self.defs.len()];
        for m in automaton.find_overlapping_iter(content) {
            let keyword = self.keywords[m.pattern().as_usize()];
            if is_keyword_word(content, m.start(), m.end(), keyword.kind) {
                scores[keyword.topic] += keyword.weight;
            }
        }
        // max_by_key keeps the last maximum; reversing keeps the first defined.
        let (best, score) = scores.iter().enumerate().rev().max_by_key(|(_, s)| **s)?;
        (*score > 0).then(|| self.defs[best].name.as_str())
    }

    /// A short, stable name for what the content is about: the first name
    /// it mentions, else the head of its first issue noun phrase ("the
    /// proposed tax hikes" -> "tax hike"), else of any noun phrase that is
    /// no generic noun.
    pub fn candidate_topic(&self, content: &str) -> Option<String> {
        self.words.candidate(content, "").map(|c| c.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn territory_and_coercion() -> TopicMatcher {
        TopicMatcher::new(vec![
            TopicDef::from_keyword_list("territory", "territory, Donetsk, Luhansk, cede"),
            TopicDef::from_keyword_list("coercion", "coerce, pressure, unfavorable deal"),
        ])
    }

    fn defined(name: &str) -> Option<TopicTag> {
        Some(TopicTag {
            name: name.into(),
            automatic: false,
        })
    }

    fn automatic(name: &str) -> Option<TopicTag> {
        Some(TopicTag {
            name: name.into(),
            automatic: true,
        })
    }

    #[test]
    fn ceding_territory_is_the_territory_topic() {
        let got = territory_and_coercion()
            .tag("ceding territory, including regions like Donetsk and Luhansk, is off the table");
        assert_eq!(got, defined("territory"));
    }

    #[test]
    fn keywords_match_their_inflections() {
        let topics = territory_and_coercion();
        for content in [
            "Kyiv will never cede land",
            "no land will be ceded",
            "it cedes nothing",
            "the occupied territories",
        ] {
            assert_eq!(
                topics.defined_topic(content),
                Some("territory"),
                "{content}"
            );
        }
    }

    #[test]
    fn keywords_match_whole_words_only() {
        let topics = territory_and_coercion();
        assert_eq!(topics.defined_topic("a territorial waters dispute"), None);
        assert_eq!(topics.defined_topic("he preceded the minister"), None);
    }

    #[test]
    fn keywords_ignore_case() {
        assert_eq!(
            territory_and_coercion().defined_topic("shelling near DONETSK"),
            Some("territory")
        );
    }

    #[test]
    fn the_topic_with_most_hits_wins() {
        let got = territory_and_coercion()
            .tag("Kyiv could be coerced into an unfavorable deal over Donetsk under pressure");
        assert_eq!(got, defined("coercion"));
    }

    #[test]
    fn a_tie_goes_to_the_topic_defined_first() {
        assert_eq!(
            territory_and_coercion().defined_topic("pressure over Donetsk"),
            Some("territory")
        );
    }

    #[test]
    fn short_keywords_take_only_plural_endings() {
        let topics = TopicMatcher::new(vec![TopicDef::from_keyword_list("war", "war, EU")]);
        assert_eq!(topics.defined_topic("the wars in the region"), Some("war"));
        assert_eq!(
            topics.defined_topic("a warning from the EU's envoy"),
            Some("war")
        );
        assert_eq!(topics.defined_topic("a warning from Brussels"), None);
    }

    #[test]
    fn without_a_defined_topic_the_first_name_is_the_candidate() {
        let topics = territory_and_coercion();
        assert_eq!(
            topics.tag("Putin may have agreed to a security pact similar to NATO's for Ukraine"),
            automatic("Putin")
        );
        assert_eq!(topics.tag("the ceasefire must hold through the winter"), automatic("ceasefire"));
    }

    #[test]
    fn a_persons_name_is_shortened_to_the_surname_and_titles_dropped() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("that Sen. Maria Okafor misled the panel").as_deref(), Some("Okafor"));
        assert_eq!(topics.candidate_topic("Donald Trump in Indiana").as_deref(), Some("Trump"));
        // The full stop of a title is no sentence's end.
        assert_eq!(topics.candidate_topic("Mr. Okafor at a rally in the capital").as_deref(), Some("Okafor"));
        assert_eq!(topics.candidate_topic("the plan, and Dr. Mbeki for his part").as_deref(), Some("Mbeki"));
        assert_eq!(topics.candidate_topic("the White House would not comment").as_deref(), Some("White House"));
        assert_eq!(topics.candidate_topic("a letter to the Department of Justice").as_deref(), Some("Department of Justice"));
    }

    #[test]
    fn a_word_left_of_a_name_cut_by_a_listed_word_is_no_topic() {
        let topics = TopicMatcher::default();
        // "Tuesday", "From", "Third" are listed words that end or open the run.
        assert_eq!(topics.candidate_topic("the crowd cheered before the Super Tuesday contests began").as_deref(), Some("crowd"));
        assert_eq!(topics.candidate_topic("voters who revere the Third Amendment turned out").as_deref(), Some("voter"));
        assert_ne!(topics.candidate_topic("she rewatched Stories From the Attic with her sons").as_deref(), Some("Stories"));
        assert_eq!(topics.candidate_topic("he grew up near Little Rock with his cousins").as_deref(), Some("cousin"));
        // A capitalised article opens a name; a headline's capitals cut nothing.
        assert_eq!(topics.candidate_topic("a memo seen by The Post last week").as_deref(), Some("Post"));
        assert_eq!(topics.candidate_topic("Okafor To Resign After Vote").as_deref(), Some("Okafor"));
    }

    #[test]
    fn a_name_with_an_issue_word_before_its_last_is_kept_whole() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("the Border Patrol agents worked long shifts").as_deref(), Some("Border Patrol"));
    }

    #[test]
    fn a_run_ending_in_a_title_is_a_role_and_no_name() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("the tariff that Madam Secretary opposed").as_deref(), Some("tariff"));
        assert_eq!(topics.candidate_topic("a letter from the FBI Director about the tariff").as_deref(), Some("tariff"));
    }

    #[test]
    fn a_token_glued_to_widget_text_is_no_name() {
        let topics = TopicMatcher::default();
        let topic = topics.candidate_topic("an article by Maria OkaforShareLikeReply Jones on wages");
        assert_eq!(topic.as_deref(), Some("wage"));
    }

    #[test]
    fn a_lone_adjective_or_a_word_too_general_is_no_topic() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("a vote on the Democratic side of the aisle").as_deref(), Some("aisle"));
        assert_eq!(topics.candidate_topic("Win in a walk").as_deref(), Some("walk"));
    }

    #[test]
    fn an_adjective_after_an_adverb_is_no_part_of_the_topic() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("we have a politically correct navy").as_deref(), Some("navy"));
        assert_eq!(topics.candidate_topic("a fiscally sound budget was overdue").as_deref(), Some("budget"));
        // Other words before a compound leave it whole.
        assert_eq!(topics.candidate_topic("the only tax plan on offer").as_deref(), Some("tax plan"));
    }

    #[test]
    fn a_capital_opening_a_sentence_or_before_a_noun_is_no_name() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("Sanctions on Russian oil are working").as_deref(), Some("sanction"));
        assert_eq!(topics.candidate_topic("Republican voters stayed home").as_deref(), Some("republican voter"));
    }

    #[test]
    fn without_a_name_an_issue_noun_phrase_is_the_candidate() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("the proposed tax hikes will hurt farmers").as_deref(), Some("tax hike"));
        assert_eq!(topics.candidate_topic("pursuing a longer-term peace agreement").as_deref(), Some("peace agreement"));
        assert_eq!(topics.candidate_topic("that the talks had been productive").as_deref(), Some("talks"));
    }

    #[test]
    fn generic_nouns_numbers_and_verbs_are_never_topics() {
        let topics = TopicMatcher::default();
        for content in [
            "the man was there and everyone knows it",
            "a good question, ladies and gentlemen",
            "America and Americans deserve better",
            "that was a good question",
            "we have a plan and a way to do it",
            "don't look back",
        ] {
            assert_eq!(topics.candidate_topic(content), None, "{content}");
        }
    }

    #[test]
    fn a_number_and_a_generic_noun_give_way_to_the_noun_after_them() {
        assert_eq!(TopicMatcher::default().candidate_topic("75 percent of all voters agree").as_deref(), Some("voter"));
    }

    #[test]
    fn shouting_content_still_has_an_issue_candidate() {
        assert_eq!(TopicMatcher::default().candidate_topic("NO MORE TAX HIKES").as_deref(), Some("tax hike"));
    }

    #[test]
    fn a_content_with_no_noun_has_no_candidate() {
        assert_eq!(TopicMatcher::default().tag("extremely positive"), None);
    }

    #[test]
    fn a_possessive_name_takes_what_it_possesses() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("that Senator Okafor's tax returns were late").as_deref(), Some("Okafor's tax return"));
        assert_eq!(topics.candidate_topic("the Mbekis' pipeline deal").as_deref(), Some("Mbekis's pipeline deal"));
    }

    #[test]
    fn a_middle_initial_stays_inside_the_name() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("that Marta K. Okafor's tax returns were late").as_deref(), Some("Okafor's tax return"));
        assert_eq!(topics.candidate_topic("that Marta K. Okafor would win").as_deref(), Some("Okafor"));
    }

    #[test]
    fn the_speakers_own_name_is_not_the_topic() {
        let topics = TopicMatcher::default();
        let said_by_okafor = topics.tag_said_by("Okafor will never back the Mbeki plan", "Marta Okafor");
        assert_eq!(said_by_okafor.map(|t| t.name).as_deref(), Some("Mbeki"));
        let said_by_another = topics.tag_said_by("Okafor will never back the Mbeki plan", "Tunde Adeyemi");
        assert_eq!(said_by_another.map(|t| t.name).as_deref(), Some("Okafor"));
    }

    #[test]
    fn issue_nouns_ending_like_verbs_are_still_nouns() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("a ban on fracking near the river").as_deref(), Some("fracking"));
        assert_eq!(topics.candidate_topic("that global warming is the gravest threat").as_deref(), Some("global warming"));
        assert_eq!(topics.candidate_topic("that the protesters were peaceful").as_deref(), Some("protester"));
    }

    #[test]
    fn a_generic_noun_narrowed_by_another_word_may_be_the_topic() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("that the harbour policy was wrong").as_deref(), Some("harbour policy"));
        assert_eq!(topics.candidate_topic("that the policy was wrong"), None);
        assert_eq!(topics.candidate_topic("that the new policy was wrong"), None);
    }

    #[test]
    fn a_name_narrowing_an_issue_is_part_of_its_topic() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("what an Okafor candidacy would do to the port").as_deref(), Some("Okafor candidacy"));
        assert_eq!(topics.candidate_topic("ahead of the Manitoba primary, Okafor and Mbeki are tied").as_deref(), Some("Manitoba primary"));
        // A party's or people's word is no name an issue is narrowed to.
        assert_ne!(topics.candidate_topic("that the Democratic nomination was lost").as_deref(), Some("Democratic nomination"));
        // Before a noun that is no issue's, or a verb, a name is no modifier.
        assert_ne!(topics.candidate_topic("the Okafor mood was grim").as_deref(), Some("Okafor mood"));
        assert_ne!(topics.candidate_topic("that Police announce a curfew").as_deref(), Some("Police announce"));
    }

    #[test]
    fn an_issue_named_before_a_name_is_the_topic() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("the carbon tax will hurt farmers in Manitoba").as_deref(), Some("carbon tax"));
    }

    #[test]
    fn a_name_opening_the_content_before_a_verb_is_its_subject() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("Okafor leads Mbeki by four points").as_deref(), Some("Okafor"));
    }

    #[test]
    fn without_a_name_or_issue_another_noun_phrase_serves() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("the border fence was a waste of money").as_deref(), Some("border fence"));
        assert_eq!(topics.candidate_topic("I didn't understand the ruling").as_deref(), Some("ruling"));
    }

    #[test]
    fn a_party_word_before_a_persons_name_is_no_part_of_it() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("that Republican Marta Okafor would win").as_deref(), Some("Okafor"));
        assert_eq!(topics.candidate_topic("that the New York Times would endorse").as_deref(), Some("New York Times"));
    }

    #[test]
    fn names_are_not_made_singular() {
        assert_eq!(TopicMatcher::default().candidate_topic("that Sanders is ahead").as_deref(), Some("Sanders"));
    }

    #[test]
    fn police_does_not_match_policy_nor_border_bordering() {
        let topics = TopicMatcher::new(vec![
            TopicDef::from_keyword_list("police", "police"),
            TopicDef::from_keyword_list("border", "border"),
        ]);
        assert_eq!(topics.defined_topic("a new policy on housing"), None);
        assert_eq!(topics.defined_topic("the bordering provinces"), None);
        assert_eq!(topics.defined_topic("more police officers"), Some("police"));
        assert_eq!(topics.defined_topic("two borders closed"), Some("border"));
        let asked = TopicMatcher::new(vec![TopicDef::from_keyword_list("border", "border*")]);
        assert_eq!(asked.defined_topic("the bordering provinces"), Some("border"));
    }

    #[test]
    fn a_contraction_is_never_a_name_and_the_word_after_it_no_noun() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("We're angry at the harbour authority").as_deref(), Some("harbour authority"));
        assert_eq!(topics.candidate_topic("you'll hear the same from the minister").as_deref(), Some("minister"));
        assert_eq!(topics.candidate_topic("that O'Malley would run again").as_deref(), Some("O'Malley"));
    }

    #[test]
    fn a_party_or_people_acting_gives_way_to_what_it_acts_on() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("that Republicans would block the carbon tax").as_deref(), Some("carbon tax"));
        assert_eq!(topics.candidate_topic("Democrat senator Marta Okafor misled the panel").as_deref(), Some("Okafor"));
        assert_eq!(topics.candidate_topic("that Latinos will decide Okafor's fate").as_deref(), Some("Okafor's fate"));
        assert_eq!(topics.candidate_topic("that African Americans and Latinos back the carbon tax").as_deref(), Some("carbon tax"));
    }

    #[test]
    fn a_name_possessing_only_a_generic_noun_is_the_topic_alone() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("that Okafor's comment went too far").as_deref(), Some("Okafor"));
        assert_eq!(topics.candidate_topic("that the Herald's actions were unfair").as_deref(), Some("Herald"));
        // A noun of its own is what is possessed.
        assert_eq!(topics.candidate_topic("that Okafor's toll plan went too far").as_deref(), Some("Okafor's toll plan"));
        assert_eq!(topics.candidate_topic("that the Herald's deal went too far").as_deref(), Some("Herald's deal"));
        // A generic owner is no topic alone.
        assert_eq!(topics.candidate_topic("that the Lagos Republican's comment went too far").as_deref(), Some("Lagos Republican's comment"));
    }

    #[test]
    fn the_united_states_is_as_generic_as_america() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("that the United States is leaving the fisheries pact").as_deref(), Some("fisheries pact"));
        assert_eq!(topics.candidate_topic("the United States's fisheries pact").as_deref(), Some("United States's fisheries pact"));
        assert_eq!(topics.candidate_topic("that the United States of America is leaving the fisheries pact").as_deref(), Some("fisheries pact"));
    }

    #[test]
    fn a_name_the_words_read_would_cut_is_read_whole() {
        let topics = TopicMatcher::default();
        // "United" is the fifteenth word: the name runs on past the reach.
        let content = "they felt the old welcome they knew when they first moved here to the United States is gone";
        assert_ne!(topics.candidate_topic(content).as_deref(), Some("United"));
        let content = "they felt the old welcome they knew when they first moved here to the Okafor Institute was gone";
        assert_eq!(topics.candidate_topic(content).as_deref(), Some("Okafor Institute"));
    }

    #[test]
    fn a_place_named_after_a_people_is_kept_whole_not_cut_to_a_surname() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("that Saudi Arabia's oil minister misled the panel").as_deref(), Some("Saudi Arabia's oil minister"));
        assert_eq!(topics.candidate_topic("that Marta Okafor's oil plan misled the panel").as_deref(), Some("Okafor's oil plan"));
    }

    #[test]
    fn a_word_opening_a_sentence_before_an_object_is_a_verb_no_name() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("Compare him to Okafor and you will see").as_deref(), Some("Okafor"));
        assert_eq!(topics.candidate_topic("\u{201c}Imagine what Okafor will do next\u{201d}").as_deref(), Some("Okafor"));
        assert_ne!(topics.candidate_topic("Thank you all for coming").as_deref(), Some("Thank"));
        // A name opening the content before its verb stays a name.
        assert_eq!(topics.candidate_topic("Okafor told them the mill would close").as_deref(), Some("Okafor"));
    }

    #[test]
    fn a_vague_noun_heads_an_issue_phrase_but_is_no_topic_alone() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("that his tax plan would cut rates for farmers").as_deref(), Some("tax plan"));
        assert_eq!(topics.candidate_topic("we have a plan and a way to do it"), None);
    }

    #[test]
    fn a_listed_noun_in_us_drops_the_whole_plural_ending() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("the caucuses were rigged").as_deref(), Some("caucus"));
        assert_eq!(topics.candidate_topic("the budget surpluses were spent").as_deref(), Some("budget surplus"));
        assert_eq!(topics.candidate_topic("the tax causes were lost").as_deref(), Some("tax cause"));
    }

    #[test]
    fn a_party_word_before_a_given_name_alone_is_no_part_of_it() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("that Democrat Marta was wrong").as_deref(), Some("Marta"));
    }

    #[test]
    fn a_persons_name_ends_before_where_they_come_from() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("that Marta Okafor of Lagos was wrong").as_deref(), Some("Okafor"));
        assert_eq!(topics.candidate_topic("a letter to the Department of Justice").as_deref(), Some("Department of Justice"));
    }

    #[test]
    fn a_verb_or_adjective_after_a_noun_is_no_part_of_the_topic() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("that the harbour tunnel require more money").as_deref(), Some("harbour tunnel"));
        assert_eq!(topics.candidate_topic("that the refinery began work at dawn").as_deref(), Some("refinery"));
        assert_eq!(topics.candidate_topic("farmers overall").as_deref(), Some("farmer"));
        assert_eq!(topics.candidate_topic("it was hard"), None);
        // An adjective still narrows the noun after it.
        assert_eq!(topics.candidate_topic("the presidential debate was dull").as_deref(), Some("presidential debate"));
        // As a capitalised word of a name, a listed word is read as before.
        assert_eq!(topics.candidate_topic("that Marta Rose would win").as_deref(), Some("Rose"));
    }

    #[test]
    fn a_word_joined_to_an_article_by_a_dash_is_no_noun() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("the harbour security wing-the dock guards").as_deref(), Some("harbour security"));
        assert_eq!(topics.candidate_topic("the ferry tolls-a burden").as_deref(), Some("ferry"));
        // A compound noun keeps its hyphen.
        assert_eq!(topics.candidate_topic("the harbour cease-fire held").as_deref(), Some("harbour cease-fire"));
    }

    #[test]
    fn listed_adverbs_verbs_and_judging_words_are_no_part_of_a_topic() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("he is somewhat decisive"), None);
        assert_eq!(topics.candidate_topic("stiff sanctions on the ferry line").as_deref(), Some("sanction"));
        assert_eq!(topics.candidate_topic("the stiff tolls").as_deref(), Some("toll"));
        assert_eq!(topics.candidate_topic("that the regulators ignores ferry tolls").as_deref(), Some("regulator"));
        assert_eq!(topics.candidate_topic("it was fine"), None);
    }

    #[test]
    fn the_comparative_of_a_listed_adjective_heads_no_topic() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("much tougher than that"), None);
        assert_eq!(topics.candidate_topic("harder than ever"), None);
        // The noun after it still heads, and a noun in -er is a noun.
        assert_eq!(topics.candidate_topic("tougher ferry tolls").as_deref(), Some("ferry toll"));
        assert_eq!(topics.candidate_topic("the ferry operator").as_deref(), Some("ferry operator"));
    }

    #[test]
    fn a_peoples_adjective_alone_is_no_topic() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("an Ethiopian exile"), None);
        assert_eq!(topics.candidate_topic("his Cuban roots matter"), None);
        // As a possessor, or in its plural, it still names a people.
        assert_eq!(topics.candidate_topic("that the Ethiopians would vote").as_deref(), Some("Ethiopians"));
    }

    #[test]
    fn a_name_with_a_peoples_adjective_after_its_first_word_is_kept_whole() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("the Central American Minors program grew").as_deref(), Some("Central American Minors"));
        assert_eq!(topics.candidate_topic("that Marta Okafor would win").as_deref(), Some("Okafor"));
    }

    #[test]
    fn an_interjection_or_a_drawn_out_word_is_no_topic() {
        let topics = TopicMatcher::default();
        for content in ["Yes, absolutely", "Wow, just wow", "Nooooo!", "Hmm. Okay."] {
            assert_eq!(topics.candidate_topic(content), None, "{content}");
        }
        assert_eq!(topics.candidate_topic("Wow, the ferry fares are too high").as_deref(), Some("ferry fare"));
        // An abbreviation in capitals may repeat a letter.
        assert_eq!(topics.candidate_topic("that the KKK was back").as_deref(), Some("KKK"));
    }

    #[test]
    fn a_name_joined_by_and_before_an_institutions_word_is_one_name() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("the Stone and Ember Hall hosted forty events").as_deref(), Some("Stone and Ember Hall"));
        // Before a place's or a person's name, "and" joins two names.
        assert_eq!(topics.candidate_topic("that Okafor and Marta Mbeki disagree").as_deref(), Some("Okafor"));
        assert_eq!(topics.candidate_topic("that Lagos and New Hampshire Hall differ").as_deref(), Some("Lagos"));
    }

    #[test]
    fn a_peoples_adjective_opens_a_name_that_is_no_persons() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("he refused to fill in the American Household Survey").as_deref(), Some("American Household Survey"));
        assert_eq!(topics.candidate_topic("that Republican Marta Okafor would win").as_deref(), Some("Okafor"));
    }

    #[test]
    fn a_peoples_adjective_before_a_word_for_one_of_them_names_no_one() {
        let topics = TopicMatcher::default();
        assert_ne!(topics.candidate_topic("a French Islamist attacked the harbour guard").as_deref(), Some("French Islamist"));
        assert_ne!(topics.candidate_topic("that an African American won the seat").as_deref(), Some("African American"));
        // Their plural is a group.
        assert_eq!(topics.candidate_topic("that American Muslims back the ferry plan").as_deref(), Some("American Muslims"));
    }

    #[test]
    fn an_owner_before_a_name_gives_way_to_the_name() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("that the Herald's Marta Okafor asked about tolls").as_deref(), Some("Okafor"));
        // Before a common noun the owner takes what it possesses.
        assert_eq!(topics.candidate_topic("that the Herald's toll coverage was unfair").as_deref(), Some("Herald's toll coverage"));
    }

    #[test]
    fn words_ending_in_a_party_adjective_before_a_noun_are_no_name() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("that the Presumptive Democratic nominee Marta Okafor would win").as_deref(), Some("Okafor"));
        // A person's name before a noun stays a name.
        assert_eq!(topics.candidate_topic("that Brian Okafor campaign money was late").as_deref(), Some("Okafor"));
    }

    #[test]
    fn a_title_in_quotation_marks_is_named_whole() {
        let topics = TopicMatcher::default();
        // "Rush" is a given name: the title is still no person's surname.
        assert_eq!(topics.candidate_topic("it dropped the low-rated ''Rush Hour.''").as_deref(), Some("Rush Hour"));
        assert_eq!(topics.candidate_topic("she pitched a new “Stories From the Attic” to the network").as_deref(), Some("Stories From the Attic"));
        assert_eq!(topics.candidate_topic("fans of ''Harbor Lights'' in Lagos").as_deref(), Some("Harbor Lights"));
        // A quotation that is a sentence, or shouted, is no title.
        assert_eq!(topics.candidate_topic("“Okafor lied to all of us,” he said").as_deref(), Some("Okafor"));
        assert_ne!(topics.candidate_topic("that “KEEP TOLLS LOW” signs went up").as_deref(), Some("Keep Tolls Low"));
        assert_eq!(topics.candidate_topic("a sign saying “Thank you Lagos” near tolls").as_deref(), Some("Lagos"));
        assert_ne!(topics.candidate_topic("that ''In Okafor,'' the court erred").as_deref(), Some("In Okafor"));
        assert_eq!(topics.candidate_topic("that ''The Harbor Lights'' aired").as_deref(), Some("The Harbor Lights"));
        assert_ne!(topics.candidate_topic("a speech hailing “Senator Okafor” on tolls").as_deref(), Some("Senator Okafor"));
    }

    #[test]
    fn an_institution_opening_on_a_title_word_is_kept_whole() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("the interests of the National Farmers Association ahead of children").as_deref(), Some("National Farmers Association"));
        // Before a title the word is part of a role.
        assert_eq!(topics.candidate_topic("that House Speaker Marta Okafor stalled the bill").as_deref(), Some("Okafor"));
        // After "of" it ends an office's name.
        assert_eq!(topics.candidate_topic("that Secretary of State Okafor's aide was fired").as_deref(), Some("Okafor's aide"));
    }

    #[test]
    fn an_abbreviation_keeps_its_capitals() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("the NRA debate was a mess").as_deref(), Some("NRA debate"));
        assert_eq!(topics.candidate_topic("TPP has been bad for workers").as_deref(), Some("TPP"));
        assert_eq!(topics.candidate_topic("TPP HAS BEEN BAD FOR WORKERS").as_deref(), Some("tpp"));
    }

    #[test]
    fn a_place_before_a_party_member_or_a_shouted_name_is_no_topic() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("that the Ohio Republican opposed new tolls").as_deref(), Some("toll"));
        assert_eq!(topics.candidate_topic("MARIA OKAFOR: the tolls are too high").as_deref(), Some("toll"));
    }

    #[test]
    fn three_words_after_the_are_a_bodys_name_kept_whole() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("that the Green Harbour Watch movement grew").as_deref(), Some("Green Harbour Watch"));
        // A given name first makes a person's name, shortened as before.
        assert_eq!(topics.candidate_topic("that the Marta Okafor Mbeki plan failed").as_deref(), Some("Mbeki"));
        assert_eq!(topics.candidate_topic("that Marta Okafor Mbeki failed").as_deref(), Some("Mbeki"));
    }

    #[test]
    fn a_numbered_name_keeps_its_number() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("Proposition 41 would raise the tolls").as_deref(), Some("Proposition 41"));
        assert_eq!(topics.candidate_topic("that Senate Bill 7 raised the tolls").as_deref(), Some("Senate Bill 7"));
        // A given name of the same spelling is no numbered name.
        assert_eq!(topics.candidate_topic("that Bill Okafor raised the tolls").as_deref(), Some("Okafor"));
    }

    #[test]
    fn a_noun_never_made_singular_heads_no_bodys_name() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("News of the NRA's ferry deal was late").as_deref(), Some("NRA's ferry deal"));
        assert_eq!(topics.candidate_topic("News of the NRA's move was late").as_deref(), Some("NRA"));
        // An institution's word still heads one.
        assert_eq!(topics.candidate_topic("that the Office of the Harbour Master staff lost the files").as_deref(), Some("Office of the Harbour Master"));
    }

    #[test]
    fn a_judging_adjective_is_no_part_of_the_topic() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("his dismal fundraising worried the donors").as_deref(), Some("fundraising"));
        assert_eq!(topics.candidate_topic("the ferry tolls were a weird choice").as_deref(), Some("ferry toll"));
        // Before a generic noun it leaves no topic of its own.
        assert_eq!(topics.candidate_topic("it was an odd choice"), None);
        // A classifying adjective still narrows the noun.
        assert_eq!(topics.candidate_topic("the presidential debate was dull").as_deref(), Some("presidential debate"));
    }

    #[test]
    fn a_bowl_game_is_named_whole_no_persons_surname() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("who will win the Super Bowl this year").as_deref(), Some("Super Bowl"));
        assert_eq!(topics.candidate_topic("that the Harbour Bowl drew a crowd").as_deref(), Some("Harbour Bowl"));
    }

    #[test]
    fn a_name_the_reach_cuts_after_of_is_read_whole() {
        let topics = TopicMatcher::default();
        let content = "there are only three clerks who keep the old files of the Office of the Keeper of Rolls";
        assert_eq!(topics.candidate_topic(content).as_deref(), Some("Office of the Keeper of Rolls"));
    }

    #[test]
    fn words_describing_a_person_before_the_name_are_no_part_of_it() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("that Harbour Supervisor Marta Okafor raised the tolls").as_deref(), Some("Okafor"));
        assert_eq!(topics.candidate_topic("that Miss Lagos Marta Okafor raised the tolls").as_deref(), Some("Okafor"));
        assert_eq!(topics.candidate_topic("that Ferry Chiefs Marta Okafor of Lagos raised the tolls").as_deref(), Some("Okafor"));
        // A given name before a middle name is part of the name.
        assert_eq!(topics.candidate_topic("that Marta Amara Okafor raised the tolls").as_deref(), Some("Okafor"));
    }

    #[test]
    fn an_adjective_after_a_noun_is_no_head() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("to decide which washrooms transgender people may use").as_deref(), Some("washroom"));
        assert_eq!(topics.candidate_topic("that sending sailors overseas was a mistake").as_deref(), Some("sailor"));
    }

    #[test]
    fn capitalised_words_ending_in_an_adjective_before_a_noun_are_no_name() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("that a Labour Presidential victory in Lagos was near").as_deref(), Some("Lagos"));
        assert_eq!(topics.candidate_topic("that the Labour Eastern wing met in Lagos").as_deref(), Some("Lagos"));
    }

    #[test]
    fn a_speaker_label_in_capitals_is_no_topic() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("OKAFOR: I think the tolls are too high.").as_deref(), Some("toll"));
        assert_eq!(topics.candidate_topic("as I said. MBEKI: we agree on the tolls").as_deref(), Some("toll"));
        // Without its colon a word in capitals is a name as before.
        assert_eq!(topics.candidate_topic("that NATO will meet in Lagos").as_deref(), Some("NATO"));
    }

    #[test]
    fn a_place_word_before_a_given_name_opens_a_place() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("that the farms east of San Jose flooded").as_deref(), Some("San Jose"));
        assert_eq!(topics.candidate_topic("that the towns near Los Angeles flooded").as_deref(), Some("Los Angeles"));
        assert_eq!(topics.candidate_topic("that Republican Marta was wrong").as_deref(), Some("Marta"));
    }

    #[test]
    fn an_institution_of_the_body_it_heads_is_named_whole() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("that the Office of the Harbour Master lost the files").as_deref(), Some("Office of the Harbour Master"));
        // A person's name ends before where they come from.
        assert_eq!(topics.candidate_topic("that Marta Okafor of the Harbour Board lost the files").as_deref(), Some("Okafor"));
    }

    #[test]
    fn a_party_and_state_tag_after_a_name_is_no_topic() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("(I-Vt.) had opposed the tolls").as_deref(), Some("toll"));
        assert_eq!(topics.candidate_topic("(D-N.Y.) had opposed the tolls").as_deref(), Some("toll"));
        assert_eq!(topics.candidate_topic("that Marta Okafor (R-OH) had opposed the tolls").as_deref(), Some("Okafor"));
    }

    #[test]
    fn a_letter_written_in_two_chars_stays_inside_its_name() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("that Enrique Pen\u{303}a Nieto wants a wall").as_deref(), Some("Nieto"));
        // A letter whose UTF-8 bytes were read as Latin-1 ("Ã±").
        assert_eq!(topics.candidate_topic("that Joana CarreÃ±o spoke").as_deref(), Some("CarreÃ±o"));
    }
}

