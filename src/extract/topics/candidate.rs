//! Candidate topics: what a content is about when no defined topic
//! matches, from its first name or issue noun phrase.

use super::words::{singular, Token, Tokens};
use rustc_hash::{FxHashMap, FxHashSet};

const TOPIC_WORDS: &str = include_str!("../../../data/topic_words.txt");
const TITLES: &str = include_str!("../../../data/titles.txt");
const HONORIFICS: &str = include_str!("../../../data/honorifics.txt");

/// The word lists behind candidate topics (`data/topic_words.txt`).
#[derive(Debug, Clone)]
pub(super) struct CandidateWords {
    /// The stop words and the nouns despite their ending, in one map: one
    /// probe a word of every content.
    pub(super) listed: FxHashMap<String, Listed>,
    never_singular: FxHashSet<String>,
    /// Titles and honorifics, left out of a name ("President Obama").
    pub(super) titles: FxHashSet<String>,
}

/// What `data/topic_words.txt` says of a word.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Listed {
    /// Never part of a topic.
    pub(super) stop: bool,
    /// A noun although it ends like a verb or a modifier ("meeting").
    pub(super) noun_despite_ending: bool,
    /// Part of a place's or institution's name ("House", "New"), which is
    /// kept whole where a person's is shortened to the surname.
    pub(super) place: bool,
    /// Heads a noun phrase that may be a topic ("tax" of "tax plan").
    pub(super) issue: bool,
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
    pub(super) fn builtin() -> Self {
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
    pub(super) fn candidate(&self, content: &str) -> Option<String> {
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
