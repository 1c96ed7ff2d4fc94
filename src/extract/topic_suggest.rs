//! Recurring issues across a corpus, for `topics suggest`: phrases of one to
//! three content words that many statements use, spread over several
//! documents but not over nearly all of them (a word every article uses,
//! "Trump" in a campaign corpus, tells the articles' issues apart no better
//! than "said"). A phrase scores its statement count times the log of how
//! rare its documents are (tf-idf over documents); variants are merged
//! when the words of one are all in another ("email server", "private
//! email server", "emails"), the most used variant of two words or more
//! naming the group.

use super::topics::TopicDef;
use rustc_hash::{FxHashMap, FxHashSet};

const TOPIC_WORDS: &str = include_str!("../../data/topic_words.txt");

/// At most this many phrases signal one suggested topic.
const MAX_KEYWORDS: usize = 6;

/// One suggested topic: a name, the phrases that signal it, and how much
/// of the corpus uses them.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub name: String,
    pub keywords: Vec<String>,
    pub statements: usize,
    pub documents: usize,
    pub score: f64,
}

impl Suggestion {
    pub fn to_def(&self) -> TopicDef {
        TopicDef { name: self.name.clone(), keywords: self.keywords.clone() }
    }
}

/// How the corpus is searched.
#[derive(Debug, Clone, Copy)]
pub struct SuggestOptions {
    /// At most this many suggestions.
    pub limit: usize,
    /// A phrase must appear in at least this many documents.
    pub min_documents: usize,
    /// A phrase in more than this share of the documents is too common.
    pub max_document_share: f64,
}

impl Default for SuggestOptions {
    fn default() -> Self {
        SuggestOptions { limit: 20, min_documents: 2, max_document_share: 0.5 }
    }
}

#[derive(Default)]
struct PhraseCount {
    statements: usize,
    documents: FxHashSet<i64>,
    /// The spelling seen most, lower case.
    spelling: String,
}

/// Suggested topics for statements given as (document id, content).
pub fn suggest(statements: &[(i64, String)], options: SuggestOptions) -> Vec<Suggestion> {
    let stop = stop_words();
    let total_documents = statements.iter().map(|(d, _)| *d).collect::<FxHashSet<_>>().len();
    let mut counts: FxHashMap<Vec<String>, PhraseCount> = FxHashMap::default();
    for (document, content) in statements {
        let mut seen: FxHashSet<Vec<String>> = FxHashSet::default();
        for clause in clauses(content) {
            let words: Vec<(String, String)> = clause
                .split_whitespace()
                .map(clean_word)
                .map(|w| (stem(&w), w))
                .collect();
            for start in 0..words.len() {
                for len in 1..=3 {
                    let Some(window) = words.get(start..start + len) else { break };
                    if window.iter().any(|(s, w)| !is_topic_word(w, s, &stop)) {
                        break;
                    }
                    let key: Vec<String> = window.iter().map(|(s, _)| s.clone()).collect();
                    if seen.insert(key.clone()) {
                        let count = counts.entry(key).or_default();
                        count.statements += 1;
                        count.documents.insert(*document);
                        if count.spelling.is_empty() {
                            count.spelling = window.iter().map(|(_, w)| w.as_str()).collect::<Vec<_>>().join(" ");
                        }
                    }
                }
            }
        }
    }
    let max_documents = (total_documents as f64 * options.max_document_share).max(options.min_documents as f64);
    let mut scored: Vec<(Vec<String>, PhraseCount, f64)> = counts
        .into_iter()
        .filter(|(_, c)| c.documents.len() >= options.min_documents && c.documents.len() as f64 <= max_documents)
        .map(|(key, c)| {
            let rarity = (total_documents as f64 / c.documents.len() as f64).ln().max(0.01);
            let score = c.statements as f64 * rarity * (1.0 + 0.25 * (key.len() as f64 - 1.0));
            (key, c, score)
        })
        .collect();
    scored.sort_by(|a, b| b.2.total_cmp(&a.2).then_with(|| a.1.spelling.cmp(&b.1.spelling)));
    merge_variants(scored, options.limit)
}

/// A word that may be part of a topic phrase: no stop word, number or
/// verb form ("beat", "supporting", "voted" are what people do, not issues).
fn is_topic_word(word: &str, stem: &str, stop: &FxHashSet<&str>) -> bool {
    let verb_form = word.len() > 4 && (word.ends_with("ing") || word.ends_with("ed"));
    !word.is_empty()
        && word.len() >= 3
        && !stop.contains(word)
        && !stop.contains(stem)
        && !word.bytes().any(|b| b.is_ascii_digit())
        && !verb_form
}

/// Groups of phrases whose words are all in one another, best first.
fn merge_variants(scored: Vec<(Vec<String>, PhraseCount, f64)>, limit: usize) -> Vec<Suggestion> {
    let issues = issue_words();
    struct Group {
        keys: Vec<Vec<String>>,
        suggestion: Suggestion,
        documents: FxHashSet<i64>,
        /// Each phrase of two words or more: its spelling and statements.
        multiword: Vec<(String, usize)>,
    }
    let mut groups: Vec<Group> = Vec::new();
    for (key, count, score) in scored {
        let words: FxHashSet<String> = key.iter().cloned().collect();
        let full = groups.len() >= limit;
        // A phrase joins the group whose first phrase contains it or is
        // contained in it. A single word only ever joins, and only a listed
        // issue ("emails"): a first name or "street" alone would match far
        // more than the topic.
        if key.len() == 1 && !issues.contains(key[0].as_str()) {
            continue;
        }
        let related = groups.iter_mut().find(|g| {
            let first = &g.keys[0];
            let within = key.iter().all(|w| first.contains(w));
            let around = first.len() >= 2 && first.iter().all(|w| words.contains(w));
            within || (around && key.len() <= 3)
        });
        match related {
            Some(group) => {
                // A part of a phrase already in the group ("server" of
                // "email server") is a keyword only if it reaches documents
                // the group does not.
                let adds_documents = count.documents.iter().any(|d| !group.documents.contains(d));
                let is_part = group.keys.iter().any(|k| key.iter().all(|w| k.contains(w)) && k.len() > key.len());
                if (adds_documents || !is_part)
                    && group.suggestion.keywords.len() < MAX_KEYWORDS
                    && !group.suggestion.keywords.contains(&count.spelling)
                {
                    group.suggestion.keywords.push(count.spelling.clone());
                    if key.len() >= 2 {
                        group.multiword.push((count.spelling.clone(), count.statements));
                    }
                }
                group.documents.extend(count.documents.iter().copied());
                group.suggestion.statements = group.suggestion.statements.max(count.statements);
                group.keys.push(key);
            }
            None if !full && key.len() >= 2 => {
                let multiword = if key.len() >= 2 { vec![(count.spelling.clone(), count.statements)] } else { Vec::new() };
                groups.push(Group {
                    keys: vec![key],
                    suggestion: Suggestion {
                        name: count.spelling.clone(),
                        keywords: vec![count.spelling.clone()],
                        statements: count.statements,
                        documents: count.documents.len(),
                        score,
                    },
                    documents: count.documents,
                    multiword,
                });
            }
            None => {}
        }
    }
    groups
        .into_iter()
        .map(|g| {
            // The most used phrase of two words or more names the group;
            // on a tie the shorter.
            let name = g
                .multiword
                .iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.len().cmp(&a.0.len())))
                .map_or(g.suggestion.name.clone(), |(spelling, _)| spelling.clone());
            Suggestion { name, documents: g.documents.len(), ..g.suggestion }
        })
        .collect()
}

/// Stretches of a content with no punctuation inside: a phrase never
/// crosses a comma or a quotation mark.
fn clauses(content: &str) -> impl Iterator<Item = &str> {
    content
        .split([',', ';', ':', '.', '!', '?', '(', ')', '"', '\u{201C}', '\u{201D}', '\u{2014}', '\u{2013}'])
        .filter(|c| !c.trim().is_empty())
}

/// A word lower-cased, without a possessive 's or surrounding marks.
fn clean_word(raw: &str) -> String {
    let lower = raw.to_lowercase().replace('\u{2019}', "'");
    let trimmed = lower.trim_matches(|c: char| !c.is_alphanumeric());
    trimmed.strip_suffix("'s").unwrap_or(trimmed).to_string()
}

/// A plural's singular by the regular rules, so "emails" counts as "email".
fn stem(word: &str) -> String {
    if word.len() > 4 && word.ends_with("ies") {
        return format!("{}y", &word[..word.len() - 3]);
    }
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") && !word.ends_with("is") {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

/// The issue words of `data/topic_words.txt` (its `*` lines).
fn issue_words() -> FxHashSet<&'static str> {
    TOPIC_WORDS.lines().filter_map(|l| l.trim().strip_prefix('*')).collect()
}

/// The stop words of `data/topic_words.txt` (its plain lines).
fn stop_words() -> FxHashSet<&'static str> {
    TOPIC_WORDS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with(['#', '+', '=', '^', '*']))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Vec<(i64, String)> {
        let mut rows = Vec::new();
        for doc in 1..=10 {
            rows.push((doc, "the weather was mild".to_string()));
        }
        rows.push((1, "questions about her private email server".into()));
        rows.push((2, "the email server was never secure".into()));
        rows.push((3, "her private email server was hacked".into()));
        rows.push((4, "more emails surfaced on Friday".into()));
        rows.push((5, "she deleted thousands of emails".into()));
        rows.push((2, "the harbour tax will fund the ferry".into()));
        rows.push((5, "a harbour tax is a tax on sailors".into()));
        rows
    }

    #[test]
    fn variants_of_one_issue_are_merged_under_their_most_used_multiword_name() {
        let found = suggest(&corpus(), SuggestOptions::default());
        let email = found.iter().find(|s| s.keywords.iter().any(|k| k == "email")).expect("an email topic");
        assert_eq!(email.name, "email server", "{found:#?}");
        assert!(email.keywords.contains(&"private email server".to_string()), "{email:?}");
        assert_eq!(found.iter().filter(|s| s.keywords.iter().any(|k| k.contains("email"))).count(), 1, "{found:#?}");
        assert!(!email.keywords.contains(&"server".to_string()), "a part adding no document: {email:?}");
        assert_eq!(email.documents, 5);
    }

    #[test]
    fn a_phrase_in_most_documents_or_in_only_one_is_no_suggestion() {
        let found = suggest(&corpus(), SuggestOptions::default());
        assert!(found.iter().all(|s| !s.keywords.contains(&"weather".to_string())), "in every document: {found:#?}");
        assert!(found.iter().all(|s| !s.keywords.contains(&"ferry".to_string())), "in one document: {found:#?}");
        assert!(found.iter().any(|s| s.name == "harbour tax"), "{found:#?}");
    }

    #[test]
    fn the_limit_caps_the_suggestions() {
        let found = suggest(&corpus(), SuggestOptions { limit: 1, ..Default::default() });
        assert_eq!(found.len(), 1);
    }
}
