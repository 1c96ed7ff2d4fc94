//! Topics: tag a statement with a defined topic whose keywords it mentions,
//! or else take a candidate topic from the content's key noun phrase.
//!
//! Keyword matching ignores ASCII case, matches whole words, and accepts
//! simple inflections by a light stem: a keyword's last word loses a final
//! `e`, `y` or `s` (cede -> ced, territory -> territor, sanctions ->
//! sanction) and then matches a word made of that stem plus one of a few
//! inflectional endings (-s, -es, -e, -ed, -ing, -y, -ies, -ied, -er, -ers,
//! and a doubled final consonant before -ed/-ing/-er). So `cede` matches
//! cede, cedes, ceded, ceding, and `territory` matches territories, but
//! neither matches a longer word (`territorial`). Keywords of three letters
//! or fewer (`war`, `EU`) only take -s/-es. A keyword of several words
//! counts as many hits as it has words, so the more specific topic wins;
//! ties go to the topic defined first.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashSet;

const TOPIC_WORDS: &str = include_str!("../../data/topic_words.txt");

/// The endings a keyword stem may take (see the module documentation).
const STEM_ENDINGS: [&str; 13] = ["", "s", "es", "e", "ed", "d", "ing", "eing", "y", "ies", "ied", "er", "ers"];
const DOUBLED_ENDINGS: [&str; 3] = ["ed", "ing", "er"];
const SHORT_ENDINGS: [&str; 3] = ["", "s", "es"];

/// A topic a user defined: a name and the keywords that signal it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicDef {
    pub name: String,
    pub keywords: Vec<String>,
}

impl TopicDef {
    /// A topic from a name and a comma-separated keyword list, as typed on
    /// the command line: `territory` and `"territory, Donetsk, cede"`.
    pub fn from_keyword_list(name: &str, keywords: &str) -> Self {
        TopicDef {
            name: name.trim().to_string(),
            keywords: keywords.split(',').map(str::trim).filter(|k| !k.is_empty()).map(String::from).collect(),
        }
    }
}

/// The topic given to one statement; `automatic` when it was taken from the
/// content rather than matched to a defined topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicTag {
    pub name: String,
    pub automatic: bool,
}

#[derive(Debug, Clone, Copy)]
struct Keyword {
    topic: usize,
    weight: u32,
    short: bool,
}

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
                let (stem, short) = keyword_stem(&lower);
                stems.push(stem);
                keywords.push(Keyword { topic, weight: lower.split_whitespace().count() as u32, short });
            }
        }
        let automaton = (!stems.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&stems)
                .expect("topic keywords build an automaton")
        });
        TopicMatcher { defs, automaton, keywords, words: CandidateWords::builtin() }
    }

    pub fn defs(&self) -> &[TopicDef] {
        &self.defs
    }

    /// The topic of a statement with this content: the defined topic with
    /// the most keyword hits, else a candidate from its key noun phrase.
    pub fn tag(&self, content: &str) -> Option<TopicTag> {
        if let Some(name) = self.defined_topic(content) {
            return Some(TopicTag { name: name.to_string(), automatic: false });
        }
        self.candidate_topic(content).map(|name| TopicTag { name, automatic: true })
    }

    /// The name of the defined topic this content mentions most, if any.
    pub fn defined_topic(&self, content: &str) -> Option<&str> {
        let automaton = self.automaton.as_ref()?;
        let mut scores = vec![0u32; self.defs.len()];
        for m in automaton.find_overlapping_iter(content) {
            let keyword = self.keywords[m.pattern().as_usize()];
            if is_keyword_word(content, m.start(), m.end(), keyword.short) {
                scores[keyword.topic] += keyword.weight;
            }
        }
        // max_by_key keeps the last maximum; reversing keeps the first defined.
        let (best, score) = scores.iter().enumerate().rev().max_by_key(|(_, s)| **s)?;
        (*score > 0).then(|| self.defs[best].name.as_str())
    }

    /// A short, lower-case, stable name for what the content is about: the
    /// head of its first common noun phrase ("a security pact similar to
    /// NATO's" -> "security pact"), or of its first proper name when it has
    /// no common noun.
    pub fn candidate_topic(&self, content: &str) -> Option<String> {
        self.words.candidate(content)
    }
}

/// A keyword's stem and whether it is short (only -s/-es endings).
fn keyword_stem(keyword: &str) -> (String, bool) {
    let last_word = keyword.rsplit(' ').next().unwrap_or(keyword);
    if last_word.chars().count() <= 3 {
        return (keyword.to_string(), true);
    }
    let stem = keyword.strip_suffix(['e', 'y', 's']).unwrap_or(keyword);
    (stem.to_string(), false)
}

/// A keyword stem matched at `start..end` stands for a whole word: nothing
/// word-like before it, and only an allowed ending after it.
fn is_keyword_word(text: &str, start: usize, end: usize, short: bool) -> bool {
    if text[..start].chars().next_back().is_some_and(char::is_alphanumeric) {
        return false;
    }
    let rest = &text[end..];
    let ending_len = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
    let ending = &rest[..ending_len];
    let allowed = |endings: &[&str]| endings.iter().any(|e| e.eq_ignore_ascii_case(ending));
    if short {
        return allowed(&SHORT_ENDINGS);
    }
    if allowed(&STEM_ENDINGS) {
        return true;
    }
    // A doubled final consonant: war -> warring is short, but ban -> banned.
    let last = text[..end].chars().next_back();
    let mut chars = ending.chars();
    chars.next().is_some_and(|c| Some(c.to_ascii_lowercase()) == last.map(|l| l.to_ascii_lowercase()))
        && DOUBLED_ENDINGS.iter().any(|e| e.eq_ignore_ascii_case(chars.as_str()))
}

/// The word lists behind candidate topics (`data/topic_words.txt`).
#[derive(Debug, Clone)]
struct CandidateWords {
    stop: HashSet<String>,
    nouns_despite_ending: HashSet<String>,
    never_singular: HashSet<String>,
}

/// Words after which the next word is a verb ("will pressure", "to cede").
const VERB_INTRODUCERS: [&str; 20] = [
    "to", "will", "would", "can", "could", "may", "might", "must", "should", "shall", "cannot", "did", "does", "do",
    "not", "never", "he", "she", "they", "we",
];

/// One word of the content as the candidate finder sees it.
#[derive(Debug)]
struct Token {
    lower: String,
    /// Punctuation or a line break separates it from the previous word.
    after_break: bool,
    capitalized: bool,
}

impl CandidateWords {
    fn builtin() -> Self {
        let mut words = CandidateWords {
            stop: HashSet::new(),
            nouns_despite_ending: HashSet::new(),
            never_singular: HashSet::new(),
        };
        for line in TOPIC_WORDS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            if let Some(word) = line.strip_prefix('+') {
                words.nouns_despite_ending.insert(word.to_lowercase());
            } else if let Some(word) = line.strip_prefix('=') {
                words.never_singular.insert(word.to_lowercase());
            } else {
                words.stop.insert(line.to_lowercase());
            }
        }
        words
    }

    fn candidate(&self, content: &str) -> Option<String> {
        let tokens = tokenize(content);
        let shouting = !content.chars().any(char::is_lowercase);
        let mut first_proper: Option<Vec<&Token>> = None;
        let mut run: Vec<&Token> = Vec::new();
        let mut run_is_proper = false;
        for (i, token) in tokens.iter().enumerate() {
            let previous = i.checked_sub(1).map(|p| tokens[p].lower.as_str());
            let usable = self.is_noun_like(token, previous);
            if token.after_break || !usable {
                if let Some(found) = self.finish_run(&mut run, run_is_proper, &mut first_proper) {
                    return Some(found);
                }
            }
            if usable {
                if run.is_empty() {
                    run_is_proper = false;
                }
                run_is_proper |= token.capitalized && !shouting;
                run.push(token);
            }
        }
        if let Some(found) = self.finish_run(&mut run, run_is_proper, &mut first_proper) {
            return Some(found);
        }
        first_proper.map(|run| self.name_of(&run))
    }

    /// End the current run of noun-like words: a common noun phrase is the
    /// answer; the first proper one is kept as a fallback.
    fn finish_run<'t>(
        &self,
        run: &mut Vec<&'t Token>,
        is_proper: bool,
        first_proper: &mut Option<Vec<&'t Token>>,
    ) -> Option<String> {
        if run.is_empty() {
            return None;
        }
        let taken = std::mem::take(run);
        if !is_proper {
            return Some(self.name_of(&taken));
        }
        if first_proper.is_none() {
            *first_proper = Some(taken);
        }
        None
    }

    /// The last two words of a noun phrase, lower case, head made singular.
    fn name_of(&self, run: &[&Token]) -> String {
        let tail = &run[run.len().saturating_sub(2)..];
        let mut words: Vec<String> = tail.iter().map(|t| t.lower.clone()).collect();
        if let Some(head) = words.last_mut() {
            if !self.never_singular.contains(head.as_str()) {
                *head = singular(head);
            }
        }
        words.join(" ")
    }

    fn is_noun_like(&self, token: &Token, previous: Option<&str>) -> bool {
        let word = token.lower.as_str();
        if self.stop.contains(word) || word.chars().any(|c| c.is_ascii_digit()) || word.chars().count() < 2 {
            return false;
        }
        if previous.is_some_and(|p| VERB_INTRODUCERS.contains(&p)) {
            return false;
        }
        if self.nouns_despite_ending.contains(word) {
            return true;
        }
        let verb_like = word.chars().count() > 4 && (word.ends_with("ing") || word.ends_with("ed"));
        let modifier_like = ["ly", "able", "ible", "ful", "ous", "less"].iter().any(|s| word.ends_with(s));
        !verb_like && !modifier_like
    }
}

/// The content's words (letters, digits, inner hyphens and apostrophes),
/// with a possessive 's dropped.
fn tokenize(content: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut previous_end = 0;
    let is_word_char = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}';
    let mut rest = content;
    let mut offset = 0;
    while let Some(start) = rest.find(|c: char| c.is_alphanumeric()) {
        let after_start = &rest[start..];
        let len = after_start.find(|c: char| !is_word_char(c)).unwrap_or(after_start.len());
        let raw = &after_start[..len];
        let word = raw
            .trim_end_matches(['-', '\'', '\u{2019}'])
            .strip_suffix("'s")
            .or_else(|| raw.strip_suffix("\u{2019}s"))
            .unwrap_or(raw.trim_end_matches(['-', '\'', '\u{2019}']));
        let absolute = offset + start;
        let gap = &content[previous_end..absolute];
        tokens.push(Token {
            lower: word.to_lowercase(),
            after_break: !tokens.is_empty() && !gap.chars().all(|c| c == ' ' || c == '\t'),
            capitalized: word.chars().next().is_some_and(char::is_uppercase),
        });
        previous_end = absolute + len;
        offset = previous_end;
        rest = &content[offset..];
    }
    tokens
}

/// A plural noun's singular by the regular spelling rules.
fn singular(word: &str) -> String {
    let n = word.chars().count();
    if n <= 3 || word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") || !word.ends_with('s') {
        return word.to_string();
    }
    if let Some(stem) = word.strip_suffix("ies").filter(|_| n > 4) {
        return format!("{stem}y");
    }
    for ending in ["sses", "ches", "shes", "xes", "zes"] {
        if word.ends_with(ending) {
            return word[..word.len() - 2].to_string();
        }
    }
    word[..word.len() - 1].to_string()
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
        Some(TopicTag { name: name.into(), automatic: false })
    }

    fn automatic(name: &str) -> Option<TopicTag> {
        Some(TopicTag { name: name.into(), automatic: true })
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
        for content in ["Kyiv will never cede land", "no land will be ceded", "it cedes nothing", "the occupied territories"] {
            assert_eq!(topics.defined_topic(content), Some("territory"), "{content}");
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
        assert_eq!(territory_and_coercion().defined_topic("shelling near DONETSK"), Some("territory"));
    }

    #[test]
    fn the_topic_with_most_hits_wins() {
        let got = territory_and_coercion()
            .tag("Kyiv could be coerced into an unfavorable deal over Donetsk under pressure");
        assert_eq!(got, defined("coercion"));
    }

    #[test]
    fn a_tie_goes_to_the_topic_defined_first() {
        assert_eq!(territory_and_coercion().defined_topic("pressure over Donetsk"), Some("territory"));
    }

    #[test]
    fn short_keywords_take_only_plural_endings() {
        let topics = TopicMatcher::new(vec![TopicDef::from_keyword_list("war", "war, EU")]);
        assert_eq!(topics.defined_topic("the wars in the region"), Some("war"));
        assert_eq!(topics.defined_topic("a warning from the EU's envoy"), Some("war"));
        assert_eq!(topics.defined_topic("a warning from Brussels"), None);
    }

    #[test]
    fn without_a_defined_topic_the_key_noun_phrase_is_the_candidate() {
        let topics = territory_and_coercion();
        assert_eq!(topics.tag("Putin may have agreed to a security pact similar to NATO's for Ukraine"), automatic("security pact"));
        assert_eq!(topics.tag("the ceasefire must hold through the winter"), automatic("ceasefire"));
    }

    #[test]
    fn candidates_skip_names_verbs_and_adjectives() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("Trump may press Zelensky into concessions on the border").as_deref(), Some("concession"));
        assert_eq!(topics.candidate_topic("meaningful agreements are still a considerable distance away").as_deref(), Some("agreement"));
        assert_eq!(topics.candidate_topic("pursuing a longer-term peace agreement").as_deref(), Some("peace agreement"));
    }

    #[test]
    fn candidates_are_stable_across_wording() {
        let topics = TopicMatcher::default();
        let a = topics.candidate_topic("the Sanctions on Russian oil are working");
        let b = topics.candidate_topic("new sanction on Russian oil, he said");
        assert_eq!(a.as_deref(), Some("sanction"));
        assert_eq!(a, b);
    }

    #[test]
    fn shouting_content_still_has_a_candidate() {
        assert_eq!(TopicMatcher::default().candidate_topic("BIG PROGRESS ON RUSSIA").as_deref(), Some("progress"));
    }

    #[test]
    fn a_content_with_only_names_falls_back_to_the_first_name() {
        assert_eq!(TopicMatcher::default().candidate_topic("that Crimea is Ukraine").as_deref(), Some("crimea"));
    }

    #[test]
    fn a_content_with_no_noun_has_no_candidate() {
        assert_eq!(TopicMatcher::default().tag("extremely positive"), None);
    }

    #[test]
    fn talks_stays_plural() {
        assert_eq!(TopicMatcher::default().candidate_topic("that the talks had been productive").as_deref(), Some("talks"));
    }
}
