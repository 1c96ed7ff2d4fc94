//! A full-text query checked on a statement's own text, without FTS5.
//!
//! A walk over a few thousand statements that also asks for a common word
//! ("budget", in a quarter of all statements) checked them by reading the
//! word's matches between the walk's first and last statement: about 500
//! instructions a match, 240 M for the 210,000 of a million statements.
//! Reading the candidate's content and speaker and comparing words costs
//! a few thousand instructions a statement, so a sparse walk checks each.
//!
//! Only the simplest queries are understood here: words and quoted phrases
//! of ASCII text, all of which must be there (FTS5's implicit AND). Any
//! other syntax (OR, NOT, NEAR, prefixes, columns, `+`, `^`) is left to
//! FTS5. The statement's text is compared only when FTS5's tokenizer
//! (`unicode61 remove_diacritics 2`, see `statements_fts` in schema.sql)
//! would split it exactly as this does: ASCII letters and digits are the
//! token characters, folded to lower case, and a few common punctuation
//! marks outside ASCII are separators. Any other character (an accented
//! letter folds to its base letter in FTS5) makes the answer `Unknown`, and
//! the walk asks FTS5 about that statement.

/// A query as phrases of lower-case ASCII words, each of which must occur
/// in the content or in the speaker column.
#[derive(Debug, Clone)]
pub(super) struct TextQuery {
    /// Each phrase as it is found in a column's `Normalized` text: its
    /// words between single spaces, a space before and after.
    needles: Vec<memchr::memmem::Finder<'static>>,
    /// Each phrase's words.
    phrases: Vec<Vec<String>>,
}

/// Whether a statement's text matches a `TextQuery`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TextMatch {
    Yes,
    No,
    /// The text holds a character this module does not tokenize as FTS5
    /// does: ask FTS5.
    Unknown,
}

/// Characters outside ASCII that FTS5's unicode61 tokenizer treats as
/// separators (punctuation and spaces) and that news text is full of.
const SEPARATORS: &[char] = &['\u{a0}', '\u{2013}', '\u{2014}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2026}'];

impl TextQuery {
    /// The query, when it is words and quoted phrases of ASCII text only;
    /// None for any other FTS5 syntax.
    pub(super) fn parse(query: &str) -> Option<TextQuery> {
        if !query.is_ascii() {
            return None;
        }
        let bytes = query.as_bytes();
        let mut phrases = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            let byte = bytes[at];
            if byte.is_ascii_whitespace() {
                at += 1;
                continue;
            }
            if byte == b'"' {
                // A string runs to the next lone quote; "" is a quote in it.
                let mut text = String::new();
                at += 1;
                loop {
                    match bytes.get(at) {
                        None => return None,
                        Some(b'"') if bytes.get(at + 1) == Some(&b'"') => {
                            text.push('"');
                            at += 2;
                        }
                        Some(b'"') => {
                            at += 1;
                            break;
                        }
                        Some(&other) => {
                            text.push(char::from(other));
                            at += 1;
                        }
                    }
                }
                phrases.push(tokens(&text));
            } else if byte.is_ascii_alphanumeric() || byte == b'_' {
                let start = at;
                while bytes.get(at).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_') {
                    at += 1;
                }
                let word = &query[start..at];
                if matches!(word, "AND" | "OR" | "NOT" | "NEAR") {
                    return None;
                }
                phrases.push(tokens(word));
            } else {
                return None;
            }
            // Anything right after a phrase (a prefix `*`, a column's `:`,
            // a `+`, another phrase) is syntax left to FTS5.
            if bytes.get(at).is_some_and(|b| !b.is_ascii_whitespace()) {
                return None;
            }
        }
        // An empty phrase (`""`) is FTS5's to judge.
        if phrases.is_empty() || phrases.iter().any(Vec::is_empty) {
            return None;
        }
        let needles = phrases.iter().map(|words| memchr::memmem::Finder::new(format!(" {} ", words.join(" ")).as_bytes()).into_owned()).collect();
        Some(TextQuery { needles, phrases })
    }

    /// Each phrase's lower-case words, in the query's order.
    pub(super) fn phrases(&self) -> &[Vec<String>] {
        &self.phrases
    }

    /// Whether every phrase occurs, its words one after another, in
    /// `content` or in `speaker` (the speaker column: name, a space, the
    /// mention). `words` holds buffers for the columns' text.
    pub(super) fn matches(&self, content: &str, speaker: &str, words: &mut Words) -> TextMatch {
        if !words.content.fill(content) {
            return TextMatch::Unknown;
        }
        // The speaker column is read only for a phrase the content lacks.
        let mut speaker_read = None;
        for needle in &self.needles {
            if needle.find(&words.content.text).is_some() {
                continue;
            }
            if !*speaker_read.get_or_insert_with(|| words.speaker.fill(speaker)) {
                return TextMatch::Unknown;
            }
            if needle.find(&words.speaker.text).is_none() {
                return TextMatch::No;
            }
        }
        TextMatch::Yes
    }
}

/// Reusable buffers for the text of a statement's two columns.
#[derive(Default)]
pub(super) struct Words {
    content: Normalized,
    speaker: Normalized,
}

/// A column's tokens as FTS5 reads them, lowered, each between single
/// spaces: " a fair plan ". A phrase is in the column when its words,
/// written so, are in this text.
#[derive(Default)]
pub(super) struct Normalized {
    text: Vec<u8>,
}

impl Normalized {
    /// The words of the column last filled.
    pub(super) fn words(&self) -> impl Iterator<Item = &[u8]> {
        self.text.split(|&b| b == b' ').filter(|word| !word.is_empty())
    }

    /// Normalize `column`; false when it holds a character whose place in
    /// FTS5's tokens is not known here.
    pub(super) fn fill(&mut self, column: &str) -> bool {
        let bytes = column.as_bytes();
        // At most a byte for each byte of the column and the two spaces.
        let out = &mut self.text;
        out.clear();
        out.resize(bytes.len() + 2, b' ');
        let mut written = 1;
        let mut at = 0;
        while at < bytes.len() {
            let byte = bytes[at];
            let folded = TOKEN_BYTES[usize::from(byte)];
            if folded != 0 {
                out[written] = folded;
                written += 1;
                at += 1;
                continue;
            }
            if byte >= 0x80 {
                let c = column[at..].chars().next().expect("a char starts here");
                if !SEPARATORS.contains(&c) {
                    return false;
                }
                at += c.len_utf8();
            } else {
                at += 1;
            }
            if out[written - 1] != b' ' {
                out[written] = b' ';
                written += 1;
            }
        }
        if out[written - 1] != b' ' {
            written += 1;
        }
        out.truncate(written);
        true
    }
}

/// Each ASCII letter and digit lowered, every other byte 0.
const TOKEN_BYTES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        if b.is_ascii_alphanumeric() {
            table[byte] = b.to_ascii_lowercase();
        }
        byte += 1;
    }
    table
};

/// The lower-case tokens of ASCII `text`, as FTS5's tokenizer splits it.
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_ascii_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::{TextMatch, TextQuery, Words};

    fn check(query: &str, content: &str, speaker: &str) -> TextMatch {
        TextQuery::parse(query).expect("a simple query").matches(content, speaker, &mut Words::default())
    }

    #[test]
    fn words_and_phrases_are_understood_and_other_syntax_is_not() {
        assert_eq!(check("budget", "The BUDGET.", ""), TextMatch::Yes);
        assert_eq!(check("\"Fair plan\" Tax_cut", "a fair plan; a tax cut", ""), TextMatch::Yes);
        assert_eq!(check("\"Fair plan\" Tax_cut", "a fair tax plan cut", ""), TextMatch::No);
        assert_eq!(check("\"say \"\"no\"\"\"", "they say \"no\"", ""), TextMatch::Yes);
        for other in ["a OR b", "a NOT b", "NEAR(a b)", "budg*", "content: budget", "\"a\"+\"b\"", "-a", "(a)", "café", "\"\"", "\"open", "\"a\"*", "\"a\"b"] {
            assert!(TextQuery::parse(other).is_none(), "{other}");
        }
    }

    #[test]
    fn a_phrase_must_be_in_one_column_word_after_word() {
        assert_eq!(check("\"fair plan\"", "A fair, plan for all.", "Ada Stone Stone"), TextMatch::Yes);
        assert_eq!(check("\"fair plan\"", "A plan, fair for all.", "Ada Stone Stone"), TextMatch::No);
        assert_eq!(check("\"stone fair\"", "fair", "Ada Stone Stone"), TextMatch::No);
        assert_eq!(check("stone fair", "fair", "Ada Stone Stone"), TextMatch::Yes);
        assert_eq!(check("fair", "unfair fairly", "Ada Stone"), TextMatch::No);
    }

    /// Every answer that is not `Unknown` is FTS5's, with the tokenizer of
    /// `statements_fts`, over texts of words, punctuation, digits, cases
    /// and letters outside ASCII.
    #[test]
    fn every_known_answer_is_the_answer_of_fts5() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE VIRTUAL TABLE t USING fts5 (content, speaker, tokenize = 'unicode61 remove_diacritics 2');").unwrap();
        let pieces = [
            "fair", "Plan", "FAIR", "plan.", "tax_cut", "2020", "a", "x2", " ", " ", ", ", "-", "\u{2019}s", "\u{201c}", "\u{2014}", "\u{a0}",
            "plán", "faïr", "'", "(", "fairplan", "é",
        ];
        let mut seed = 7u64;
        let mut next = |below: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % below
        };
        let mut rows = Vec::new();
        for id in 1..=400i64 {
            let mut text = || (0..1 + next(9)).map(|_| pieces[next(pieces.len())]).collect::<String>();
            let (content, speaker) = (text(), text());
            conn.execute("INSERT INTO t (rowid, content, speaker) VALUES (?1, ?2, ?3)", rusqlite::params![id, content, speaker]).unwrap();
            rows.push((id, content, speaker));
        }
        let queries = ["fair", "plan", "\"fair plan\"", "fair plan", "tax_cut", "\"tax cut\"", "2020 x2", "s", "\"plan fair\"", "fairplan", "\"fair, plan\""];
        let mut words = Words::default();
        let mut known = 0;
        for query in queries {
            let parsed = TextQuery::parse(query).unwrap();
            let mut stmt = conn.prepare("SELECT rowid FROM t WHERE t MATCH ?1").unwrap();
            let matched: Vec<i64> = stmt.query_map([query], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
            for (id, content, speaker) in &rows {
                let answer = parsed.matches(content, speaker, &mut words);
                if answer != TextMatch::Unknown {
                    known += 1;
                    assert_eq!(answer == TextMatch::Yes, matched.contains(id), "{query} on {content:?} / {speaker:?}");
                }
            }
        }
        assert!(known > 1000, "most answers are known ({known})");
    }

    #[test]
    fn common_punctuation_outside_ascii_separates_and_other_letters_are_asked_about() {
        assert_eq!(check("\"fair plan\"", "a \u{201c}fair\u{2014}plan\u{201d}", "Ada Stone"), TextMatch::Yes);
        assert_eq!(check("plan", "the plán", "Ada Stone"), TextMatch::Unknown);
        assert_eq!(check("plan zoe", "the plan", "Zoë Stone"), TextMatch::Unknown);
        assert_eq!(check("plan", "the plan", "Zoë Stone"), TextMatch::Yes);
    }
}
