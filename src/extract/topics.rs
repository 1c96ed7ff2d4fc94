//! Topics: tag a statement with a defined topic whose keywords it mentions,
//! or else take a candidate topic from the content's key noun phrase.
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

use super::tokens::{is_alnum, ASCII_ALNUM};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rustc_hash::{FxHashMap, FxHashSet};

const TOPIC_WORDS: &str = include_str!("../../data/topic_words.txt");
const TITLES: &str = include_str!("../../data/titles.txt");
const HONORIFICS: &str = include_str!("../../data/honorifics.txt");

/// How a keyword was cut to its stem, which decides the endings it takes
/// (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StemKind {
    /// Three letters or fewer: -s, -es.
    Short,
    /// Lost a final `e`.
    E,
    /// Lost a final `y` after a consonant.
    Y,
    /// Lost a final `s`.
    S,
    /// Unchanged: -s, -es.
    Plain,
    /// Written with a final `*`: every ending.
    Any,
}

impl StemKind {
    fn endings(self) -> &'static [&'static str] {
        match self {
            StemKind::Short | StemKind::Plain => &["", "s", "es"],
            StemKind::E => &["e", "es", "ed", "d", "ing", "er", "ers"],
            StemKind::Y => &["y", "ies", "ied"],
            StemKind::S => &["", "s", "es"],
            StemKind::Any => &["", "s", "es", "e", "ed", "d", "ing", "eing", "y", "ies", "ied", "er", "ers"],
        }
    }
}

const DOUBLED_ENDINGS: [&str; 3] = ["ed", "ing", "er"];

pub use crate::model::{TopicDef, TopicTag};

#[derive(Debug, Clone, Copy)]
struct Keyword {
    topic: usize,
    weight: u32,
    kind: StemKind,
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
            if is_keyword_word(content, m.start(), m.end(), keyword.kind) {
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

/// Topics within one document: an automatic topic must be mentioned twice
/// in the document (a name or issue said once in passing is not what the
/// article is about, and would make a topic of its own), and a content
/// with no topic of its own that refers back ("it", "this", "he") takes
/// the topic of the sentence before.
pub struct DocumentTopics<'a> {
    matcher: &'a TopicMatcher,
    text: &'a str,
    /// Each automatic topic seen so far: the name it is tagged with (a
    /// surname's fullest name), or none when it does not recur in the text.
    automatic: FxHashMap<String, Option<String>>,
    /// The text with ASCII letters lowered, made at the first need.
    lowered: Option<Vec<u8>>,
}

impl<'a> DocumentTopics<'a> {
    pub fn new(matcher: &'a TopicMatcher, text: &'a str) -> Self {
        DocumentTopics { matcher, text, automatic: FxHashMap::default(), lowered: None }
    }

    /// The topic of a statement with this content, `sentence_before` being
    /// the sentence before the content's first word.
    pub fn tag(&mut self, content: &str, sentence_before: &str) -> Option<TopicTag> {
        let tag = match self.matcher.tag(content) {
            Some(tag) => Some(tag),
            None if refers_back(content) => self.matcher.tag(sentence_before),
            None => None,
        }?;
        if !tag.automatic {
            return Some(tag);
        }
        if let Some(known) = self.automatic.get(&tag.name) {
            return known.clone().map(|name| TopicTag { name, automatic: true });
        }
        let name = self.recurs_in_text(&tag.name).then(|| self.fullest_name(&tag.name));
        self.automatic.insert(tag.name, name.clone());
        name.map(|name| TopicTag { name, automatic: true })
    }

    /// A person named by a surname ("Clinton") is the topic under the
    /// fullest name the text gives it ("Hillary Clinton"), the most frequent
    /// when several people share it; other topics are kept as they are.
    fn fullest_name(&self, name: &str) -> String {
        let one_capitalised_word = name.chars().next().is_some_and(char::is_uppercase)
            && name.chars().all(char::is_alphabetic);
        let full = one_capitalised_word.then(|| full_name_in(self.text, name, &self.matcher.words)).flatten();
        full.unwrap_or_else(|| name.to_string())
    }

    fn recurs_in_text(&mut self, name: &str) -> bool {
        let lowered = self.lowered.get_or_insert_with(|| super::tokens::ascii_lowercase(self.text));
        count_mentions(self.text, lowered, name) >= 2
    }
}

/// Mentions of a topic name in a text (`lowered`: the same text with ASCII
/// letters lowered), as a word start: a name as written, a lower-case
/// (common noun) name ignoring case.
fn count_mentions(text: &str, lowered: &[u8], name: &str) -> usize {
    let first = name.split(' ').next().unwrap_or(name);
    // Without its last letter, "policy" is still found as "policies".
    let stem = match first.char_indices().next_back() {
        Some((last, _)) if first.chars().count() > 4 => &first[..last],
        _ => first,
    };
    let ignore_case = name.chars().next().is_some_and(char::is_lowercase);
    let haystack = if ignore_case { lowered } else { text.as_bytes() };
    memchr::memmem::find_iter(haystack, stem.as_bytes())
        .filter(|at| !text[..*at].chars().next_back().is_some_and(char::is_alphanumeric))
        .take(2)
        .count()
}

/// The most frequent "Given Surname" (or "Given X. Surname") written in
/// `text` for `surname`, the first of equals; none when every mention is
/// bare or follows a title ("President Obama").
fn full_name_in(text: &str, surname: &str, words: &CandidateWords) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for at in memchr::memmem::find_iter(text.as_bytes(), surname.as_bytes()) {
        let end = at + surname.len();
        if text[end..].chars().next().is_some_and(char::is_alphanumeric) {
            continue;
        }
        let Some(before) = text[..at].strip_suffix(' ') else { continue };
        let mut given = last_word(before);
        let mut start = before.len() - given.len();
        if given.len() == 2 && given.ends_with('.') {
            // A middle initial: "George W. Bush".
            let Some(earlier) = before[..start].strip_suffix(' ') else { continue };
            given = last_word(earlier);
            start = earlier.len() - given.len();
        }
        let shaped_like_a_name = given.chars().count() >= 2
            && given.chars().next().is_some_and(char::is_uppercase)
            && given.chars().all(char::is_alphabetic);
        if !shaped_like_a_name {
            continue;
        }
        let lower = given.to_lowercase();
        if words.titles.contains(&lower) || words.listed.get(&lower).is_some_and(|l| l.stop || l.place || l.issue) {
            continue;
        }
        let full = &text[start..end];
        match counts.iter_mut().find(|(name, _)| name == full) {
            Some((_, n)) => *n += 1,
            None => counts.push((full.to_string(), 1)),
        }
    }
    // max_by_key keeps the last maximum; reversing keeps the first seen.
    counts.into_iter().rev().max_by_key(|(_, n)| *n).map(|(name, _)| name)
}

/// The last word of `text`: the characters after its last space.
fn last_word(text: &str) -> &str {
    text.rsplit(' ').next().unwrap_or(text)
}

/// A content that refers back to something named before it: a pronoun
/// among its first words.
fn refers_back(content: &str) -> bool {
    content
        .split_whitespace()
        .take(4)
        .any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            ["it", "this", "that", "he", "she", "him", "her", "his", "they", "them"]
                .iter()
                .any(|p| p.eq_ignore_ascii_case(w))
        })
}

/// A keyword's stem and how it was cut.
fn keyword_stem(keyword: &str) -> (String, StemKind) {
    if let Some(asked) = keyword.strip_suffix('*') {
        return (asked.trim_end().to_string(), StemKind::Any);
    }
    let last_word = keyword.rsplit(' ').next().unwrap_or(keyword);
    if last_word.chars().count() <= 3 {
        return (keyword.to_string(), StemKind::Short);
    }
    let before_last = keyword.chars().rev().nth(1).unwrap_or('a');
    let kind = match keyword.chars().next_back() {
        Some('e') => StemKind::E,
        Some('y') if !"aeiou".contains(before_last) => StemKind::Y,
        Some('s') => StemKind::S,
        _ => return (keyword.to_string(), StemKind::Plain),
    };
    (keyword[..keyword.len() - 1].to_string(), kind)
}

/// A keyword stem matched at `start..end` stands for a whole word: nothing
/// word-like before it, and only an ending its kind allows after it.
fn is_keyword_word(text: &str, start: usize, end: usize, kind: StemKind) -> bool {
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
    if kind.endings().iter().any(|e| e.eq_ignore_ascii_case(ending)) {
        return true;
    }
    if kind != StemKind::Any {
        return false;
    }
    // A doubled final consonant: ban* -> banned.
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
    /// Titles and honorifics, left out of a name ("President Obama").
    titles: FxHashSet<String>,
}

/// What `data/topic_words.txt` says of a word.
#[derive(Debug, Clone, Copy, Default)]
struct Listed {
    /// Never part of a topic.
    stop: bool,
    /// A noun although it ends like a verb or a modifier ("meeting").
    noun_despite_ending: bool,
    /// Part of a place's or institution's name ("House", "New"), which is
    /// kept whole where a person's is shortened to the surname.
    place: bool,
    /// Heads a noun phrase that may be a topic ("tax" of "tax plan").
    issue: bool,
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
    /// The first word of the content or of a sentence or quotation in it.
    opens_sentence: bool,
}

/// How many words of a content are searched for its topic.
const TOPIC_REACH: usize = 30;

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
            titles: FxHashSet::default(),
        };
        for line in TITLES.lines().chain(HONORIFICS.lines()).map(str::trim) {
            if !line.is_empty() && !line.starts_with('#') {
                words.titles.insert(line.trim_end_matches('.').to_lowercase());
            }
        }
        for line in TOPIC_WORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            if let Some(word) = line.strip_prefix('+') {
                words.listed.entry(word.to_lowercase()).or_default().noun_despite_ending = true;
            } else if let Some(word) = line.strip_prefix('*') {
                words.listed.entry(word.to_lowercase()).or_default().issue = true;
            } else if let Some(word) = line.strip_prefix('^') {
                words.listed.entry(word.to_lowercase()).or_default().place = true;
            } else if let Some(word) = line.strip_prefix('=') {
                words.never_singular.insert(word.to_lowercase());
            } else {
                words.listed.entry(line.to_lowercase()).or_default().stop = true;
            }
        }
        words
    }

    /// What the content is about: the first name it mentions (the person,
    /// party or agreement a statement evaluates far more often than not),
    /// else its first common noun phrase.
    fn candidate(&self, content: &str) -> Option<String> {
        let shouting = !content.chars().any(char::is_lowercase);
        // What a statement is about is named early; the words of a long
        // quotation's later sentences are not searched.
        let tokens: Vec<Token<'_>> = Tokens::new(content).take(TOPIC_REACH).collect();
        let (name, opening_name) = if shouting { (None, None) } else { self.first_name(&tokens) };
        name.or_else(|| self.noun_phrase(&tokens, shouting, &|p| self.is_issue(p)))
            .or(opening_name)
    }

    /// The first run of capitalised words that is a name: titles and
    /// honorifics dropped ("Sen. Bernie Sanders" is Sanders), a person's
    /// name shortened to the surname so that every mention is one topic,
    /// a place or institution kept whole ("White House", "Department of
    /// Justice"), a single capitalised word opening a sentence or standing
    /// before a common noun ("Republican voters") skipped.
    ///
    /// Also gives the first name-like word opening a sentence, a topic
    /// when nothing better is found ("Sanders has never wavered").
    fn first_name(&self, tokens: &[Token<'_>]) -> (Option<String>, Option<String>) {
        let mut opening_name = None;
        // Only capitalised words are looked up; the others keep no copy.
        let lower: Vec<String> =
            tokens.iter().map(|t| if t.capitalized { t.word.to_lowercase() } else { String::new() }).collect();
        let capital = |i: usize| {
            tokens.get(i).is_some_and(|t| {
                t.capitalized && t.word.chars().count() >= 2 && !t.word.bytes().any(|b| b.is_ascii_digit())
            })
        };
        let stop = |i: usize| self.listed.get(lower[i].as_str()).is_some_and(|l| l.stop);
        let title = |i: usize| tokens.get(i).is_some_and(|t| t.capitalized) && self.titles.contains(lower[i].as_str());
        let mut i = 0;
        while i < tokens.len() {
            if !capital(i) || self.titles.contains(lower[i].as_str()) || (stop(i) && !capital(i + 1)) {
                i += 1;
                continue;
            }
            let mut start = i;
            let mut end = i + 1;
            while end < tokens.len() && !tokens[end - 1].possessive && (!tokens[end].after_break || title(end - 1)) {
                if title(end) && capital(end + 1) {
                    // "Michigan Gov. Rick Snyder": the name starts after it.
                    start = end + 1;
                    end += 1;
                } else if capital(end) {
                    end += 1;
                } else if tokens[end].word == "of" && capital(end + 1) && end + 1 < tokens.len() {
                    end += 2;
                } else {
                    break;
                }
            }
            if start >= end {
                i = end;
                continue;
            }
            let words: Vec<&str> = tokens[start..end].iter().map(|t| t.word).collect();
            let lone = words.len() == 1;
            let before_common_noun = lone && !tokens[start].possessive && tokens.get(end).is_some_and(|t| !t.capitalized && !t.after_break && !self.listed.get(tokens[end].word).is_some_and(|l| l.stop));
            let opening_word = lone && tokens[start].opens_sentence;
            if opening_word && start == 0 && self.looks_like_a_name(&lower[start]) && !before_common_noun {
                // A content's first word is rarely a sentence's first word
                // ("[said] Putin may agree").
                return (Some(words[0].to_string()), None);
            }
            if opening_word && !stop(start) && !before_common_noun && opening_name.is_none() {
                let previous = if start > 0 { tokens[start - 1].word.to_lowercase() } else { String::new() };
                if self.is_noun_like(&lower[start], &previous) {
                    opening_name = Some(words[0].to_string());
                }
            }
            if (lone && (tokens[start].opens_sentence || stop(start))) || before_common_noun {
                i = end;
                continue;
            }
            return (Some(self.short_name(&words)), None);
        }
        (None, opening_name)
    }

    /// Whether a noun phrase names an issue: one of its words is listed as
    /// one ("tax plan", "email server", "border").
    fn is_issue(&self, phrase: &str) -> bool {
        phrase.split(' ').any(|w| self.listed.get(w).is_some_and(|l| l.issue))
    }

    /// Whether a capitalised word that may only open a sentence is still a
    /// name: not a stop word or an issue, nor shaped like a common noun,
    /// verb or adverb ("Sanctions", "Immigration", "Clearly").
    fn looks_like_a_name(&self, lower: &str) -> bool {
        const COMMON_ENDINGS: [&str; 16] = [
            "tion", "tions", "ment", "ments", "ness", "ity", "ities", "ing", "ed", "ly", "ism", "ist", "ists", "ance",
            "ence", "ship",
        ];
        let listed = self.listed.get(lower).copied().unwrap_or_default();
        !listed.stop && !listed.issue && !COMMON_ENDINGS.iter().any(|e| lower.ends_with(e))
    }

    /// A person's surname, or a place's or institution's whole name.
    fn short_name(&self, words: &[&str]) -> String {
        let is_place = |w: &str| self.listed.get(w.to_lowercase().as_str()).is_some_and(|l| l.place);
        let person = (2..=3).contains(&words.len())
            && !words.iter().any(|w| is_place(w) || w.eq_ignore_ascii_case("of"));
        match words.last() {
            Some(last) if person => last.to_string(),
            _ => words.join(" "),
        }
    }

    /// The first common noun phrase that `accept`s, else the first proper
    /// one, read word by word and stopping as soon as one is found.
    fn noun_phrase(&self, tokens: &[Token<'_>], shouting: bool, accept: &dyn Fn(&str) -> bool) -> Option<String> {
        // Room for a long word in each buffer up front: grown word by word
        // from empty, they were reallocated some 50,000 times over PolNeAR.
        let mut run = Run {
            words: [String::with_capacity(WORD_ROOM), String::with_capacity(WORD_ROOM)],
            ..Run::default()
        };
        let mut first_proper: Option<Run> = None;
        let mut lower = String::with_capacity(WORD_ROOM);
        let mut previous = String::with_capacity(WORD_ROOM);
        for token in tokens {
            lower.clear();
            if token.word.is_ascii() {
                lower.push_str(token.word);
                lower.make_ascii_lowercase();
            } else {
                lower.extend(token.word.chars().flat_map(char::to_lowercase));
            }
            let usable = !token.possessive && self.is_noun_like(&lower, &previous);
            if token.after_break || !usable {
                if let Some(found) = self.finish_run(&mut run, &mut first_proper, accept) {
                    return Some(found);
                }
            }
            if usable {
                // A capital opening a sentence ("Sanctions are working")
                // makes no name.
                let capital = token.capitalized && !shouting && !token.opens_sentence;
                run.push(&lower, capital, capital);
            }
            std::mem::swap(&mut previous, &mut lower);
        }
        if let Some(found) = self.finish_run(&mut run, &mut first_proper, accept) {
            return Some(found);
        }
        None
    }

    /// End the current run: a common noun phrase is the answer; the first
    /// proper one is kept as a fallback.
    fn finish_run(&self, run: &mut Run, first_proper: &mut Option<Run>, accept: &dyn Fn(&str) -> bool) -> Option<String> {
        if run.len == 0 {
            return None;
        }
        if !run.proper {
            let name = self.name_of(run);
            if accept(&name) {
                return Some(name);
            }
        } else if first_proper.is_none() {
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
            opens_sentence: self.position == 0 || (gap.len() > 1 && opens_a_sentence(gap)),
        };
        self.position += start + len;
        Some(token)
    }
}

/// Whether the bytes between two words end a sentence or open a quotation:
/// `.`, `!`, `?`, `:`, `"`, or an opening curly quote (UTF-8 E2 80 9C / 98).
fn opens_a_sentence(gap: &[u8]) -> bool {
    gap.iter().any(|&b| matches!(b, b'.' | b'!' | b'?' | b':' | b'"'))
        || gap.windows(3).any(|w| w[0] == 0xE2 && w[1] == 0x80 && (w[2] == 0x9C || w[2] == 0x98))
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
        assert_eq!(topics.candidate_topic("Donald Trump's chances in Indiana").as_deref(), Some("Trump"));
        assert_eq!(topics.candidate_topic("the White House would not comment").as_deref(), Some("White House"));
        assert_eq!(topics.candidate_topic("a letter to the Department of Justice").as_deref(), Some("Department of Justice"));
    }

    #[test]
    fn a_capital_opening_a_sentence_or_before_a_noun_is_no_name() {
        let topics = TopicMatcher::default();
        assert_eq!(topics.candidate_topic("Sanctions on Russian oil are working").as_deref(), Some("sanction"));
        assert_eq!(topics.candidate_topic("Republican voters stayed home").as_deref(), None);
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
            "the man is a liar and everyone knows it",
            "75 percent of all voters agree",
            "that was a good question",
            "we have a plan and a way to do it",
            "don't look back",
        ] {
            assert_eq!(topics.candidate_topic(content), None, "{content}");
        }
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
    fn a_topic_said_once_in_passing_is_dropped_but_a_recurring_one_kept() {
        let matcher = TopicMatcher::default();
        let text = "Okafor spoke first. Later Okafor said the tariffs hurt. A man from Lagos agreed.";
        let mut topics = DocumentTopics::new(&matcher, text);
        assert_eq!(topics.tag("that Okafor was right", "").map(|t| t.name).as_deref(), Some("Okafor"));
        assert_eq!(topics.tag("that Lagos was calm", ""), None);
    }

    #[test]
    fn a_surname_topic_carries_the_fullest_name_the_text_gives() {
        let matcher = TopicMatcher::default();
        let text = "Senator Marta Okafor spoke. Okafor said the tariffs hurt. Her brother Tunde Okafor agreed, \
                    and Marta Okafor left. President Mbeki and Thabo M. Mbeki met; Mbeki won.";
        let mut topics = DocumentTopics::new(&matcher, text);
        assert_eq!(topics.tag("that Okafor was right", "").map(|t| t.name).as_deref(), Some("Marta Okafor"));
        assert_eq!(topics.tag("Mbeki will win", "").map(|t| t.name).as_deref(), Some("Thabo M. Mbeki"));
    }

    #[test]
    fn a_surname_the_text_never_gives_in_full_stays_bare() {
        let matcher = TopicMatcher::default();
        let text = "Governor Okafor spoke. Later, Okafor said the tariffs hurt.";
        let mut topics = DocumentTopics::new(&matcher, text);
        assert_eq!(topics.tag("that Okafor was right", "").map(|t| t.name).as_deref(), Some("Okafor"));
    }

    #[test]
    fn a_content_referring_back_takes_the_topic_of_the_sentence_before() {
        let matcher = TopicMatcher::default();
        let text = "The pipeline crosses the river. The pipeline was approved. Critics said it is far too old.";
        let mut topics = DocumentTopics::new(&matcher, text);
        let tag = topics.tag("it is far too old", "The pipeline was approved.");
        assert_eq!(tag.map(|t| t.name).as_deref(), Some("pipeline"));
    }

    #[test]
    fn defined_topics_are_kept_however_often_they_are_mentioned() {
        let matcher = TopicMatcher::new(vec![TopicDef::from_keyword_list("trade", "tariff")]);
        let mut topics = DocumentTopics::new(&matcher, "One mention of a tariff.");
        assert_eq!(topics.tag("the tariff", "").map(|t| t.name).as_deref(), Some("trade"));
    }
}
