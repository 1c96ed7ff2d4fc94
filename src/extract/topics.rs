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

use super::tokens::{is_alnum, ASCII_ALNUM};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rustc_hash::{FxHashMap, FxHashSet};

const TOPIC_WORDS: &str = include_str!("../../data/topic_words.txt");

/// The endings a keyword stem may take (see the module documentation).
const STEM_ENDINGS: [&str; 13] = [
    "", "s", "es", "e", "ed", "d", "ing", "eing", "y", "ies", "ied", "er", "ers",
];
const DOUBLED_ENDINGS: [&str; 3] = ["ed", "ing", "er"];
const SHORT_ENDINGS: [&str; 3] = ["", "s", "es"];

pub use crate::model::{TopicDef, TopicTag};

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
                keywords.push(Keyword {
                    topic,
                    weight: lower.split_whitespace().count() as u32,
                    short,
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

    /// The topic of a statement with this content: the defined topic with
    /// the most keyword hits, else a candidate from its key noun phrase.
    pub fn tag(&self, content: &str) -> Option<TopicTag> {
        if let Some(name) = self.defined_topic(content) {
            return Some(TopicTag {
                name: name.to_string(),
                automatic: false,
            });
        }
        self.candidate_topic(content).map(|name| TopicTag {
            name,
            automatic: true,
        })
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
    if text[..start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        return false;
    }
    let rest = &text[end..];
    let ending_len = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
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
    chars
        .next()
        .is_some_and(|c| Some(c.to_ascii_lowercase()) == last.map(|l| l.to_ascii_lowercase()))
        && DOUBLED_ENDINGS
            .iter()
            .any(|e| e.eq_ignore_ascii_case(chars.as_str()))
}

/// The word lists behind candidate topics (`data/topic_words.txt`).
#[derive(Debug, Clone)]
struct CandidateWords {
    /// The stop words and the nouns despite their ending, in one map: one
    /// probe a word of every content.
    listed: FxHashMap<String, Listed>,
    never_singular: FxHashSet<String>,
}

/// What `data/topic_words.txt` says of a word.
#[derive(Debug, Clone, Copy, Default)]
struct Listed {
    /// Never part of a topic.
    stop: bool,
    /// A noun although it ends like a verb or a modifier ("meeting").
    noun_despite_ending: bool,
}

/// Words after which the next word is a verb ("will pressure", "to cede").
const VERB_INTRODUCERS: [&str; 20] = [
    "to", "will", "would", "can", "could", "may", "might", "must", "should", "shall", "cannot",
    "did", "does", "do", "not", "never", "he", "she", "they", "we",
];

/// Whether `word` is one of `VERB_INTRODUCERS` (a `match`: one length
/// switch rather than twenty comparisons, for every word of every content).
fn is_verb_introducer(word: &str) -> bool {
    let found = matches!(
        word,
        "to" | "will" | "would" | "can" | "could" | "may" | "might" | "must" | "should" | "shall" | "cannot" | "did" | "does" | "do" | "not" | "never" | "he" | "she" | "they" | "we"
    );
    debug_assert_eq!(found, VERB_INTRODUCERS.contains(&word), "VERB_INTRODUCERS and is_verb_introducer disagree on {word:?}");
    found
}

/// One word of the content as the candidate finder sees it.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    /// The word without a possessive 's.
    word: &'a str,
    /// Punctuation or a line break separates it from the previous word.
    after_break: bool,
    capitalized: bool,
    /// `NATO's`, `the company's`: a possessor, not the head of the phrase.
    possessive: bool,
}

/// Bytes reserved for one lower-cased word: longer than nearly every word.
const WORD_ROOM: usize = 24;

/// A run of consecutive noun-like words: a noun phrase.
#[derive(Default, Clone)]
struct Run {
    /// The last two words, lower case.
    words: [String; 2],
    len: usize,
    proper: bool,
    /// Its head is a name (capitalized inside the content), kept as written.
    proper_head: bool,
}

impl Run {
    fn push(&mut self, lower: &str, proper: bool, name: bool) {
        if self.len >= 2 {
            self.words.swap(0, 1);
        }
        let slot = self.len.min(1);
        self.words[slot].clear();
        self.words[slot].push_str(lower);
        self.len += 1;
        self.proper |= proper;
        self.proper_head = name;
    }
}

impl CandidateWords {
    fn builtin() -> Self {
        let mut words = CandidateWords {
            listed: FxHashMap::default(),
            never_singular: FxHashSet::default(),
        };
        for line in TOPIC_WORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            if let Some(word) = line.strip_prefix('+') {
                words.listed.entry(word.to_lowercase()).or_default().noun_despite_ending = true;
            } else if let Some(word) = line.strip_prefix('=') {
                words.never_singular.insert(word.to_lowercase());
            } else {
                words.listed.entry(line.to_lowercase()).or_default().stop = true;
            }
        }
        words
    }

    /// The first common noun phrase, else the first proper one, read word by
    /// word and stopping as soon as a common one ends.
    fn candidate(&self, content: &str) -> Option<String> {
        let shouting = !content.chars().any(char::is_lowercase);
        // Room for a long word in each buffer up front: grown word by word
        // from empty, they were reallocated some 50,000 times over PolNeAR.
        let mut run = Run {
            words: [String::with_capacity(WORD_ROOM), String::with_capacity(WORD_ROOM)],
            ..Run::default()
        };
        let mut first_proper: Option<Run> = None;
        let mut lower = String::with_capacity(WORD_ROOM);
        let mut previous = String::with_capacity(WORD_ROOM);
        let mut first = true;
        for token in Tokens::new(content) {
            lower.clear();
            if token.word.is_ascii() {
                lower.push_str(token.word);
                lower.make_ascii_lowercase();
            } else {
                lower.extend(token.word.chars().flat_map(char::to_lowercase));
            }
            let usable = !token.possessive && self.is_noun_like(&lower, &previous);
            if token.after_break || !usable {
                if let Some(found) = self.finish_run(&mut run, &mut first_proper) {
                    return Some(found);
                }
            }
            if usable {
                // A capital on the first word may only start a sentence
                // ("Sanctions are working"): a name for choosing, but made
                // singular like a common noun.
                let capital = token.capitalized && !shouting;
                run.push(&lower, capital, capital && !first);
            }
            first = false;
            std::mem::swap(&mut previous, &mut lower);
        }
        if let Some(found) = self.finish_run(&mut run, &mut first_proper) {
            return Some(found);
        }
        first_proper.map(|run| self.name_of(&run))
    }

    /// End the current run: a common noun phrase is the answer; the first
    /// proper one is kept as a fallback.
    fn finish_run(&self, run: &mut Run, first_proper: &mut Option<Run>) -> Option<String> {
        if run.len == 0 {
            return None;
        }
        if !run.proper {
            return Some(self.name_of(run));
        }
        if first_proper.is_none() {
            *first_proper = Some(run.clone());
        }
        // Emptied in place: its two words keep their buffers for the next run.
        run.len = 0;
        run.proper = false;
        run.proper_head = false;
        None
    }

    /// The last two words of a noun phrase, the head of a common one made
    /// singular (a name is left as written: Sanders).
    fn name_of(&self, run: &Run) -> String {
        let words = &run.words[..run.len.min(2)];
        let (modifiers, head) = words.split_at(words.len() - 1);
        let head = &head[0];
        let head = if run.proper_head || self.never_singular.contains(head.as_str()) {
            head.clone()
        } else {
            singular(head)
        };
        match modifiers.first() {
            Some(modifier) => format!("{modifier} {head}"),
            None => head,
        }
    }

    fn is_noun_like(&self, word: &str, previous: &str) -> bool {
        let chars = if word.is_ascii() { word.len() } else { word.chars().count() };
        if chars < 2 || word.bytes().any(|b| b.is_ascii_digit()) {
            return false;
        }
        let listed = self.listed.get(word).copied().unwrap_or_default();
        if listed.stop || is_verb_introducer(previous) {
            return false;
        }
        if listed.noun_despite_ending {
            return true;
        }
        let verb_like = chars > 4 && (word.ends_with("ing") || word.ends_with("ed"));
        let modifier_like = ["ly", "able", "ible", "ful", "ous", "less"]
            .iter()
            .any(|s| word.ends_with(s));
        !verb_like && !modifier_like
    }
}

/// The content's words (letters, digits, inner hyphens and apostrophes).
struct Tokens<'a> {
    content: &'a str,
    position: usize,
}

impl<'a> Tokens<'a> {
    fn new(content: &'a str) -> Self {
        Tokens {
            content,
            position: 0,
        }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let rest = &self.content[self.position..];
        let start = find_char(rest, 0, |b| ASCII_ALNUM[usize::from(b)], is_alnum)?;
        let len = find_char(rest, start, |b| !is_ascii_word_byte(b), |c| !is_word_char(c)).unwrap_or(rest.len()) - start;
        let from_start = &rest[start..];
        let raw = trim_word_end(&from_start[..len]);
        let stripped = raw
            .strip_suffix("'s")
            .or_else(|| raw.strip_suffix("\u{2019}s"));
        // Bytes will do: a char outside ASCII is no space or tab either.
        let gap = &rest.as_bytes()[..start];
        let token = Token {
            word: stripped.unwrap_or(raw),
            after_break: self.position > 0 && !gap.iter().all(|&b| b == b' ' || b == b'\t'),
            capitalized: match raw.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => raw.chars().next().is_some_and(char::is_uppercase),
            },
            possessive: stripped.is_some(),
        };
        self.position += start + len;
        Some(token)
    }
}

/// Letters, digits, inner hyphens and apostrophes.
fn is_word_char(c: char) -> bool {
    is_alnum(c) || c == '-' || c == '\'' || c == '\u{2019}'
}

/// `is_word_char` for an ASCII byte.
fn is_ascii_word_byte(b: u8) -> bool {
    ASCII_ALNUM[usize::from(b)] || b == b'-' || b == b'\''
}

/// `word.trim_end_matches(['-', '\'', '’'])`, by bytes.
fn trim_word_end(word: &str) -> &str {
    const CLOSING_QUOTE: &[u8] = "\u{2019}".as_bytes();
    let mut bytes = word.as_bytes();
    loop {
        if let [rest @ .., b'-' | b'\''] = bytes {
            bytes = rest;
        } else if let Some(rest) = bytes.strip_suffix(CLOSING_QUOTE) {
            bytes = rest;
        } else {
            // What is left ends before a whole char: a char boundary.
            return &word[..bytes.len()];
        }
    }
}

/// `text[from..].find(wanted)` as an offset into `text`: `wanted_ascii`
/// answers for ASCII bytes (by table, without decoding them: every byte of
/// a content goes through here), `wanted` for the other chars.
fn find_char(text: &str, from: usize, wanted_ascii: impl Fn(u8) -> bool, wanted: impl Fn(char) -> bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if wanted_ascii(b) {
                return Some(i);
            }
            i += 1;
        } else {
            let c = text[i..].chars().next().expect("a char at a char boundary");
            if wanted(c) {
                return Some(i);
            }
            i += c.len_utf8();
        }
    }
    None
}

/// A plural noun's singular by the regular spelling rules.
fn singular(word: &str) -> String {
    let n = word.chars().count();
    if n <= 3
        || word.ends_with("ss")
        || word.ends_with("us")
        || word.ends_with("is")
        || !word.ends_with('s')
    {
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

    #[test]
    fn word_ends_are_trimmed_as_trim_end_matches_trims_them() {
        for word in ["talks", "talks-", "talks'", "talks’", "talks-'’-", "-", "’’", "", "naïve’", "a’b"] {
            assert_eq!(trim_word_end(word), word.trim_end_matches(['-', '\'', '\u{2019}']), "{word:?}");
        }
    }

    #[test]
    fn find_char_answers_as_str_find() {
        let texts = ["", "  —“Zoë’s", "plain words, here", "٣ digits", "—–‘’“”", "x-y 'z' Ω"];
        for text in texts {
            for from in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let start = find_char(text, from, |b| ASCII_ALNUM[usize::from(b)], is_alnum);
                assert_eq!(start, text[from..].find(char::is_alphanumeric).map(|k| from + k), "{text:?} from {from}");
                let end = find_char(text, from, |b| !is_ascii_word_byte(b), |c| !is_word_char(c));
                let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}';
                assert_eq!(end, text[from..].find(|c| !is_word(c)).map(|k| from + k), "{text:?} from {from}");
            }
        }
    }

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
    fn without_a_defined_topic_the_key_noun_phrase_is_the_candidate() {
        let topics = territory_and_coercion();
        assert_eq!(
            topics.tag("Putin may have agreed to a security pact similar to NATO's for Ukraine"),
            automatic("security pact")
        );
        assert_eq!(
            topics.tag("the ceasefire must hold through the winter"),
            automatic("ceasefire")
        );
    }

    #[test]
    fn candidates_skip_names_verbs_and_adjectives() {
        let topics = TopicMatcher::default();
        assert_eq!(
            topics
                .candidate_topic("Trump may press Zelensky into concessions on the border")
                .as_deref(),
            Some("concession")
        );
        assert_eq!(
            topics
                .candidate_topic("meaningful agreements are still a considerable distance away")
                .as_deref(),
            Some("agreement")
        );
        assert_eq!(
            topics
                .candidate_topic("pursuing a longer-term peace agreement")
                .as_deref(),
            Some("peace agreement")
        );
    }

    #[test]
    fn candidates_are_stable_across_wording() {
        let topics = TopicMatcher::default();
        let a = topics.candidate_topic("Sanctions on Russian oil are working");
        let b = topics.candidate_topic("new sanction on Russian oil, he said");
        assert_eq!(a.as_deref(), Some("sanction"));
        assert_eq!(a, b);
    }

    #[test]
    fn shouting_content_still_has_a_candidate() {
        assert_eq!(
            TopicMatcher::default()
                .candidate_topic("BIG PROGRESS ON RUSSIA")
                .as_deref(),
            Some("progress")
        );
    }

    #[test]
    fn a_content_with_only_names_falls_back_to_the_first_name() {
        assert_eq!(
            TopicMatcher::default()
                .candidate_topic("that Crimea is Ukraine")
                .as_deref(),
            Some("crimea")
        );
    }

    #[test]
    fn a_content_with_no_noun_has_no_candidate() {
        assert_eq!(TopicMatcher::default().tag("extremely positive"), None);
    }

    #[test]
    fn a_possessor_is_not_the_head() {
        let topics = TopicMatcher::default();
        assert_eq!(
            topics
                .candidate_topic("the company's hiring plan")
                .as_deref(),
            Some("plan")
        );
        assert_eq!(
            topics
                .candidate_topic("Donald Trump's chances in Indiana")
                .as_deref(),
            Some("chance")
        );
    }

    #[test]
    fn names_are_not_made_singular() {
        assert_eq!(
            TopicMatcher::default()
                .candidate_topic("that Sanders is ahead")
                .as_deref(),
            Some("sanders")
        );
    }

    #[test]
    fn talks_stays_plural() {
        assert_eq!(
            TopicMatcher::default()
                .candidate_topic("that the talks had been productive")
                .as_deref(),
            Some("talks")
        );
    }
}
