//! The word lists of the attribution rules, read once from
//! `data/attribution_words.txt` (one `[section]` a list) so that they can be
//! edited without touching the rules.

use super::super::word_set::WordSet;
use std::sync::LazyLock;

/// Each list is described beside its words in the data file.
pub(super) struct WordLists {
    pub auxiliaries: WordSet,
    pub time_words: WordSet,
    pub left_stops: WordSet,
    pub surname_stops: WordSet,
    pub counts: WordSet,
    pub approximators: WordSet,
    pub impressions: WordSet,
    pub cut_off_ends: WordSet,
    pub not_impressions: WordSet,
    pub pronouns: WordSet,
    pub relatives: WordSet,
    pub subordinators: WordSet,
    pub telling: WordSet,
    pub clause_links: WordSet,
    pub resume_stops: WordSet,
    pub adverbial_starts: WordSet,
    pub invertible_present: WordSet,
    pub takes_to_infinitive: WordSet,
    pub contracted: WordSet,
    pub shifts: WordSet,
    pub particles: WordSet,
    pub hedges: WordSet,
    pub not_subject_end: WordSet,
    pub quantifier_subjects: WordSet,
    pub openers: WordSet,
    pub complementizers: WordSet,
    pub not_speakers: WordSet,
    pub irregular: WordSet,
    pub adverb_asides: WordSet,
    pub not_manner_adverbs: WordSet,
    pub subject_determiners: WordSet,
    pub noun_determiners: WordSet,
    pub intro_starts: WordSet,
    pub intro_phrase_starts: WordSet,
    pub quote_continuations: WordSet,
    pub fronted_clause_openers: WordSet,
    pub participle_links: WordSet,
    pub speech_participles: WordSet,
    pub clause_verbs: WordSet,
    pub appositive_starts: WordSet,
    pub sentence_links: WordSet,
    pub discourse_openers: WordSet,
    pub inverts_after_clause: WordSet,
    pub cue_prepositions: WordSet,
    pub cue_particles: WordSet,
    pub regard_verbs: WordSet,
    pub control_verbs: WordSet,
    pub participle_source_openers: WordSet,
    pub participle_content_stops: WordSet,
    pub linking_verbs: WordSet,
    pub degree_words: WordSet,
    pub attitude_prepositions: WordSet,
    pub referent_cues: WordSet,
    pub expression_verbs: WordSet,
    pub medium_nouns: WordSet,
    pub medium_prepositions: WordSet,
    pub medium_links: WordSet,
    pub medium_names: WordSet,
    pub spoken_days: WordSet,
    pub spoken_months: WordSet,
    pub spoken_spans: WordSet,
    pub spoken_span_openers: WordSet,
    pub clause_openers: WordSet,
    pub participle_source_heads: WordSet,
    pub noun_cues: WordSet,
    pub noun_cue_modifiers: WordSet,
    pub voiced_cues: WordSet,
    pub infinitive_heads: WordSet,
    pub question_openers: WordSet,
}

pub(super) static WORDS: LazyLock<WordLists> = LazyLock::new(|| WordLists::parse(include_str!("../../../data/attribution_words.txt")));

impl WordLists {
    /// The lists of the data file. The file is compiled in, so a missing
    /// section is a build mistake, caught by this module's test.
    fn parse(data: &str) -> WordLists {
        let mut sections = crate::model::data_sections(data);
        let mut take = |name: &str| WordSet::new(sections.remove(name).unwrap_or_else(|| panic!("data/attribution_words.txt has no [{name}]")).into_iter().map(|w| w.to_lowercase().into_bytes().into_boxed_slice()));
        let lists = WordLists {
            auxiliaries: take("auxiliaries"),
            time_words: take("time_words"),
            left_stops: take("left_stops"),
            surname_stops: take("surname_stops"),
            counts: take("counts"),
            approximators: take("approximators"),
            impressions: take("impressions"),
            cut_off_ends: take("cut_off_ends"),
            not_impressions: take("not_impressions"),
            pronouns: take("pronouns"),
            relatives: take("relatives"),
            subordinators: take("subordinators"),
            telling: take("telling"),
            clause_links: take("clause_links"),
            resume_stops: take("resume_stops"),
            adverbial_starts: take("adverbial_starts"),
            invertible_present: take("invertible_present"),
            takes_to_infinitive: take("takes_to_infinitive"),
            contracted: take("contracted"),
            shifts: take("shifts"),
            particles: take("particles"),
            hedges: take("hedges"),
            not_subject_end: take("not_subject_end"),
            quantifier_subjects: take("quantifier_subjects"),
            openers: take("openers"),
            complementizers: take("complementizers"),
            not_speakers: take("not_speakers"),
            irregular: take("irregular"),
            adverb_asides: take("adverb_asides"),
            not_manner_adverbs: take("not_manner_adverbs"),
            subject_determiners: take("subject_determiners"),
            noun_determiners: take("noun_determiners"),
            intro_starts: take("intro_starts"),
            intro_phrase_starts: take("intro_phrase_starts"),
            quote_continuations: take("quote_continuations"),
            fronted_clause_openers: take("fronted_clause_openers"),
            participle_links: take("participle_links"),
            speech_participles: take("speech_participles"),
            clause_verbs: take("clause_verbs"),
            appositive_starts: take("appositive_starts"),
            sentence_links: take("sentence_links"),
            discourse_openers: take("discourse_openers"),
            inverts_after_clause: take("inverts_after_clause"),
            cue_prepositions: take("cue_prepositions"),
            cue_particles: take("cue_particles"),
            regard_verbs: take("regard_verbs"),
            control_verbs: take("control_verbs"),
            participle_source_openers: take("participle_source_openers"),
            participle_source_heads: take("participle_source_heads"),
            participle_content_stops: take("participle_content_stops"),
            linking_verbs: take("linking_verbs"),
            degree_words: take("degree_words"),
            attitude_prepositions: take("attitude_prepositions"),
            referent_cues: take("referent_cues"),
            expression_verbs: take("expression_verbs"),
            medium_nouns: take("medium_nouns"),
            medium_prepositions: take("medium_prepositions"),
            medium_links: take("medium_links"),
            medium_names: take("medium_names"),
            spoken_days: take("spoken_days"),
            spoken_months: take("spoken_months"),
            spoken_spans: take("spoken_spans"),
            spoken_span_openers: take("spoken_span_openers"),
            clause_openers: take("clause_openers"),
            noun_cues: take("noun_cues"),
            noun_cue_modifiers: take("noun_cue_modifiers"),
            voiced_cues: take("voiced_cues"),
            infinitive_heads: take("infinitive_heads"),
            question_openers: take("question_openers"),
        };
        assert!(sections.is_empty(), "data/attribution_words.txt has unused sections: {:?}", sections.keys().collect::<Vec<_>>());
        lists
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_of_the_data_file_is_read() {
        let words = &*WORDS;
        assert!(words.auxiliaries.holds("Has") && words.auxiliaries.holds("didn’t"));
        assert!(words.not_speakers.holds("UPDATE") && !words.not_speakers.holds("Kim"));
    }

}
