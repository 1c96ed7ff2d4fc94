//! Plain data shared by every stage: what extraction produces, what the store
//! keeps and what the output formats print. A statement is the same
//! `Statement` from extraction to export.

use chrono::NaiveDate;
use std::borrow::Cow;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A half-open range of Unicode code point offsets into a document's text.
/// Offsets leave the program only in this form (never as byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

impl From<[usize; 2]> for Span {
    fn from([start, end]: [usize; 2]) -> Self {
        Span { start, end }
    }
}

impl From<Span> for [usize; 2] {
    fn from(span: Span) -> Self {
        [span.start, span.end]
    }
}

/// One or more pieces of text, in order: a quote interrupted by "he said" is
/// two pieces. Serialised as `[s, e]` when whole, `[[s, e], ...]` when not.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Spans(pub Vec<Span>);

impl Spans {
    pub fn single(span: Span) -> Self {
        Spans(vec![span])
    }

    /// The range from the first piece's start to the last piece's end.
    pub fn hull(&self) -> Option<Span> {
        let first = self.0.first()?;
        let last = self.0.last()?;
        Some(Span::new(first.start, last.end))
    }
}

impl Serialize for Spans {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.as_slice() {
            [one] => one.serialize(serializer),
            many => many.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Spans {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Shape {
            One([usize; 2]),
            Many(Vec<[usize; 2]>),
        }
        Ok(match Shape::deserialize(deserializer)? {
            Shape::One(pair) => Spans(vec![pair.into()]),
            Shape::Many(pairs) => Spans(pairs.into_iter().map(Span::from).collect()),
        })
    }
}

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "lowercase")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                // As stored and exported: found without a lowercased copy
                // (export reads three of these per statement).
                if let Some(exact) = $name::ALL.iter().copied().find(|v| v.as_str() == s) {
                    return Ok(exact);
                }
                let wanted = s.trim().to_ascii_lowercase();
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == wanted)
                    .ok_or_else(|| {
                        let names: Vec<&str> = $name::ALL.iter().map(|v| v.as_str()).collect();
                        format!("unknown {} '{}' (expected one of: {})", type_words(stringify!($name)), s, names.join(", "))
                    })
            }
        }
    };
}

/// A type's name as words for a message: "SpeakerKind" is "speaker kind".
fn type_words(name: &str) -> String {
    let mut words = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            words.push(' ');
        }
        words.extend(c.to_lowercase());
    }
    words
}

text_enum!(
    /// Where a statement stands toward its topic.
    #[derive(Default)]
    Stance { Support => "support", Oppose => "oppose", #[default] Neutral => "neutral" }
);

text_enum!(
    /// How the content is reported: in quotation marks, paraphrased, or both.
    Kind { Direct => "direct", Indirect => "indirect", Mixed => "mixed" }
);

text_enum!(
    /// What sort of speaker a name stands for.
    #[derive(Default)]
    SpeakerKind {
        Person => "person",
        Organization => "organization",
        Group => "group",
        Document => "document",
        #[default]
        Unknown => "unknown",
        Unresolved => "unresolved"
    }
);

text_enum!(
    /// How a statement came to be in the database.
    Origin { Extracted => "extracted", Manual => "manual", Edited => "edited" }
);

/// A speaker known before extraction (`speakers load`): extraction's names
/// and these aliases find it, and its Wikidata id goes with it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct KnownSpeaker {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default = "unknown_speaker_kind")]
    pub kind: SpeakerKind,
    #[serde(default)]
    pub role: Option<String>,
    /// "Q22686".
    #[serde(default)]
    pub wikidata: Option<String>,
}

/// An article as read from a file, a JSONL line or standard input, before
/// extraction. `text` is exactly what the store keeps and what spans index.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// The file path, `name:line` for a JSONL article, or `-` for stdin.
    pub path: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub date: Option<NaiveDate>,
    pub text: String,
}

/// One attributed statement: who (source), how (cue), what (content).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Canonical speaker name ("Marco Rubio").
    pub speaker: String,
    #[serde(default = "unknown_speaker_kind")]
    pub speaker_kind: SpeakerKind,
    /// The mention as written in the text ("he", "Rubio", "the secretary").
    #[serde(default)]
    pub speaker_mention: String,
    /// Role or title ("U.S. Secretary of State").
    #[serde(default)]
    pub role: Option<String>,
    /// The reporting word or phrase ("said", "dismissed", "according to").
    #[serde(default)]
    pub cue: String,
    /// The content as it stands in the text (pieces joined by " ... ").
    pub content: String,
    pub kind: Kind,
    #[serde(default)]
    pub stance: Stance,
    #[serde(default)]
    pub hedged: bool,
    #[serde(default)]
    pub topic: Option<String>,
    /// The day the statement was made, where known.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    pub content_span: Spans,
    #[serde(default)]
    pub source_span: Option<Spans>,
    #[serde(default)]
    pub cue_span: Option<Spans>,
    /// Extraction's confidence, 0 to 1 (1 for a claim a person recorded).
    #[serde(default = "full_confidence")]
    pub confidence: f64,
}

fn unknown_speaker_kind() -> SpeakerKind {
    SpeakerKind::Unknown
}

fn full_confidence() -> f64 {
    1.0
}

/// `date` as `YYYY-MM-DD`, the text chrono writes (and SQLite's date
/// functions read) for the years 0 to 9999, written digit by digit: chrono's
/// formatter parses its format string at every call, and dates are printed,
/// bound and exported per statement. None for other years, which chrono
/// writes with a sign or more digits.
pub fn iso_date_bytes(date: NaiveDate) -> Option<[u8; 10]> {
    use chrono::Datelike;
    let year = date.year();
    if !(0..=9999).contains(&year) {
        return None;
    }
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let (y, m, d) = (year as u32, date.month(), date.day());
    Some([digit(y / 1000), digit(y / 100), digit(y / 10), digit(y), b'-', digit(m / 10), digit(m), b'-', digit(d / 10), digit(d)])
}

/// Convert a byte offset into `text` into a code point offset. The one place
/// where byte offsets become the code point offsets every output uses.
pub fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// Index from byte offsets to code point offsets for one text, for callers
/// that convert many offsets (linear scans per offset would be quadratic).
pub struct CharIndex {
    /// Every char wider than one byte, in text order: news text is nearly
    /// all ASCII, where byte and code point offsets differ only by the
    /// extra bytes of the wide chars before them. (A table with an entry
    /// for every char cost more to fill than all the lookups saved.)
    wide: Vec<WideChar>,
    /// The text's length in bytes.
    len: usize,
}

#[derive(Debug, Clone, Copy)]
struct WideChar {
    byte: usize,
    char: usize,
    width: usize,
}

impl WideChar {
    fn byte_end(&self) -> usize {
        self.byte + self.width
    }
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut wide = Vec::new();
        let mut extra = 0;
        let mut i = 0;
        while i < bytes.len() {
            // Eight ASCII bytes at a time.
            if let Some(chunk) = bytes.get(i..i + 8) {
                if u64::from_le_bytes(chunk.try_into().expect("eight bytes")) & 0x8080_8080_8080_8080 == 0 {
                    i += 8;
                    continue;
                }
            }
            let lead = bytes[i];
            if lead < 0x80 {
                i += 1;
                continue;
            }
            let width = match lead {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            wide.push(WideChar { byte: i, char: i - extra, width });
            extra += width - 1;
            i += width;
        }
        CharIndex { wide, len: bytes.len() }
    }

    /// Code point offset of a byte offset that falls on a char boundary
    /// (a byte inside a character maps to that character; past the end, the end).
    pub fn char_of(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let k = self.wide.partition_point(|w| w.byte < byte);
        match k.checked_sub(1).map(|k| self.wide[k]) {
            None => byte,
            Some(w) if byte < w.byte_end() => w.char,
            Some(w) => w.char + 1 + (byte - w.byte_end()),
        }
    }

    /// Byte offset of a code point offset (clamped to the end of the text).
    pub fn byte_of(&self, ch: usize) -> usize {
        let ch = ch.min(self.char_of(self.len));
        let k = self.wide.partition_point(|w| w.char < ch);
        match k.checked_sub(1).map(|k| self.wide[k]) {
            None => ch,
            Some(w) => w.byte_end() + (ch - w.char - 1),
        }
    }

    pub fn span(&self, byte_start: usize, byte_end: usize) -> Span {
        Span::new(self.char_of(byte_start), self.char_of(byte_end))
    }
}

/// The text a code point span covers.
pub fn span_text(text: &str, span: Span) -> String {
    text.chars().skip(span.start).take(span.len()).collect()
}

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
            keywords: keywords
                .split(',')
                .map(str::trim)
                .filter(|k| !k.is_empty())
                .map(String::from)
                .collect(),
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

// The shapes reports read statements in (see src/store/reports.rs).

/// One statement on one topic, as reports show it.
#[derive(Debug, Clone, PartialEq)]
pub struct StanceRecord {
    pub id: i64,
    pub speaker_id: i64,
    pub speaker: String,
    pub topic_id: i64,
    pub topic: String,
    pub stance: Stance,
    pub hedged: bool,
    pub confidence: f64,
    pub date: Option<NaiveDate>,
    pub cue: String,
    pub content: String,
    pub kind: Kind,
    /// The document's title (or the title given by hand).
    pub title: Option<String>,
    /// The document's path or URL (or the source given by hand).
    pub doc: Option<String>,
}

/// A statement reduced to what tracking positions needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Position {
    pub id: i64,
    pub speaker_id: i64,
    pub topic_id: i64,
    pub stance: Stance,
    pub confidence: f64,
    /// Days since 0000-01-01 (Julian day based), None when undated.
    pub day: Option<i64>,
    pub document_id: Option<i64>,
}

/// A speaker or topic and how many statements it has within a filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameCount {
    pub id: i64,
    pub name: String,
    pub statements: u64,
}

/// Whether `id` is written as a Wikidata item id is: Q and digits.
pub fn is_wikidata_id(id: &str) -> bool {
    id.strip_prefix('Q').is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}

/// The columns of a statement wherever statements are listed (`query`,
/// `export`, and what `import` reads back), in order.
pub const STATEMENT_COLUMNS: [&str; 20] = [
    "id", "doc", "title", "date", "speaker", "speaker_mention", "role", "cue", "content", "kind", "stance", "hedged",
    "topic", "content_span", "source_span", "cue_span", "speaker_kind", "speaker_wikidata", "origin", "confidence",
];

/// One statement as it is printed, in the columns of `STATEMENT_COLUMNS`,
/// its text borrowed (from a page or chunk the store read, or from an
/// owned row): what `output` writes every listing of statements from.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementView<'a> {
    pub id: i64,
    pub doc: Option<&'a str>,
    pub title: Option<&'a str>,
    /// As stored, which is always `YYYY-MM-DD` unless someone wrote the
    /// database by hand (then the date is read and written out again).
    pub date: Option<Cow<'a, str>>,
    pub speaker: &'a str,
    pub speaker_mention: &'a str,
    pub role: Option<&'a str>,
    pub cue: &'a str,
    pub content: &'a str,
    pub kind: Kind,
    pub stance: Stance,
    pub hedged: bool,
    pub topic: Option<&'a str>,
    pub content_span: Option<Spans>,
    pub source_span: Option<Spans>,
    pub cue_span: Option<Spans>,
    pub speaker_kind: SpeakerKind,
    /// The speaker record's Wikidata id ("Q22686"), when `speakers load`
    /// or an import gave it one.
    pub speaker_wikidata: Option<&'a str>,
    pub origin: Origin,
    pub confidence: f64,
}

/// The entries of a word-list file of `data/`: its lines trimmed, without
/// blank lines and `#` comments. Extraction, the store and tracking all
/// read their lists so.
pub fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The words of each `[section]` of a sectioned word-list file of `data/`,
/// separated by spaces or lines (`data_lines` rules: `#` comments and
/// blank lines dropped). Words before the first section are no list's.
pub fn data_sections(text: &str) -> std::collections::HashMap<&str, Vec<&str>> {
    let mut out: std::collections::HashMap<&str, Vec<&str>> = std::collections::HashMap::new();
    let mut current = None;
    for line in data_lines(text) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            out.entry(name).or_default();
            current = Some(name);
        } else if let Some(name) = current {
            out.entry(name).or_default().extend(line.split_whitespace());
        }
    }
    out
}

/// Whether `word` (any case) is a generational suffix of
/// `data/name_suffixes.txt` ("Jr.", "III"), which ends a personal name:
/// extraction and the store both tell "Donald Trump Jr." by it.
pub fn is_name_suffix(word: &str) -> bool {
    static SUFFIXES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    SUFFIXES
        .get_or_init(|| {
            data_lines(include_str!("../data/name_suffixes.txt")).map(str::to_lowercase).collect()
        })
        .iter()
        .any(|s| s.eq_ignore_ascii_case(word))
}

/// Whether `word` (any case) is a first name of `data/first_names.tsv`: the
/// reports and the store tell a person's name ("Paul Ryan") from other
/// capitalised words by it.
pub fn is_first_name(word: &str) -> bool {
    static NAMES: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    NAMES
        .get_or_init(|| {
            include_str!("../data/first_names.tsv")
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .filter_map(|l| l.split('\t').next())
                .map(|name| name.trim().to_lowercase())
                .collect()
        })
        .contains(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    #[test]
    fn data_sections_gather_words_over_lines() {
        let got = data_sections("# lists\nstray\n[one]\na b\nc\n\n[two]\n# note\nd\n[three]\n");
        assert_eq!(got["one"], ["a", "b", "c"]);
        assert_eq!(got["two"], ["d"]);
        assert!(got["three"].is_empty());
        assert_eq!(got.len(), 3, "words before any section are no list's");
    }

    #[test]
    fn an_unknown_value_is_named_with_its_type_in_words() {
        let err = "robot".parse::<super::SpeakerKind>().unwrap_err();
        assert!(err.starts_with("unknown speaker kind 'robot'"), "{err}");
        assert!("maybe".parse::<super::Stance>().unwrap_err().starts_with("unknown stance 'maybe'"));
    }

    use super::*;

    #[test]
    fn spans_serialise_whole_as_pair_and_pieces_as_list() {
        let one = Spans::single(Span::new(3, 9));
        assert_eq!(serde_json::to_string(&one).unwrap(), "[3,9]");
        let two = Spans(vec![Span::new(0, 4), Span::new(10, 12)]);
        assert_eq!(serde_json::to_string(&two).unwrap(), "[[0,4],[10,12]]");
        let back: Spans = serde_json::from_str("[[0,4],[10,12]]").unwrap();
        assert_eq!(back, two);
        let back: Spans = serde_json::from_str("[3,9]").unwrap();
        assert_eq!(back, one);
    }

    #[test]
    fn stance_parses_case_insensitively_and_names_choices_on_error() {
        assert_eq!("Oppose".parse::<Stance>().unwrap(), Stance::Oppose);
        let err = "maybe".parse::<Stance>().unwrap_err();
        assert!(err.contains("support, oppose, neutral"), "{err}");
    }

    #[test]
    fn char_index_maps_bytes_to_code_points() {
        let text = "“Hi,” he said";
        let index = CharIndex::new(text);
        let said = text.find("said").unwrap();
        assert_eq!(index.char_of(said), 9);
        assert_eq!(index.byte_of(9), said);
        assert_eq!(span_text(text, index.span(said, said + 4)), "said");
    }

    #[test]
    fn char_index_steps_over_chars_of_every_width() {
        let text = "a é “b” 𝄞 c\u{a0}d";
        let index = CharIndex::new(text);
        for (ch, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_of(byte), ch, "byte {byte}");
            assert_eq!(index.byte_of(ch), byte, "char {ch}");
        }
        assert_eq!(index.char_of(text.len()), text.chars().count());
    }

    #[test]
    fn char_index_agrees_with_counting_at_every_byte() {
        for text in ["", "plain ascii only", "é", "ab“cd”ef", "𝄞𝄞 x 𝄞", "Zoë said “très” — 𝄞\u{a0}ok", "tail é"] {
            let index = CharIndex::new(text);
            let chars = text.chars().count();
            for byte in 0..=text.len() + 2 {
                // The char holding `byte` (or the end): as many chars as start at or before it, less one.
                let expected = if byte >= text.len() { chars } else { text.char_indices().take_while(|&(b, _)| b <= byte).count() - 1 };
                assert_eq!(index.char_of(byte), expected, "{text:?} byte {byte}");
            }
            for ch in 0..=chars + 2 {
                let expected = text.char_indices().nth(ch).map_or(text.len(), |(b, _)| b);
                assert_eq!(index.byte_of(ch), expected, "{text:?} char {ch}");
            }
        }
    }
}
