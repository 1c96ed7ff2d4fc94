//! Speakers: from a source mention as written ("U.S. Secretary of State Marco
//! Rubio", "Rubio", "he", "the Ukrainian president", "diplomatic sources") to
//! one canonical speaker within the document, with role and kind.
//!
//! People are known by the names the document gives them: full names (two or
//! more capitalised words, titles and honorifics stripped) seen after a title
//! or as a source, and the surnames of those names. Pronouns go to the person
//! mentioned last before them; descriptions ("the Ukrainian president") to the
//! person last mentioned whose role has that head word.

use super::tokens::{is_alnum, word_end, with_lowercase, ASCII_ALNUM};
use super::word_set::{Shapes, WordSet};
use crate::model::SpeakerKind;
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub name: String,
    pub mention: String,
    pub role: Option<String>,
    pub kind: SpeakerKind,
}

struct WordLists {
    titles: WordSet,
    honorifics: WordSet,
    organisations: WordSet,
    groups: WordSet,
    pronouns: Vec<(&'static str, &'static str)>,
}

fn list(data: &'static str) -> WordSet {
    WordSet::from_lines(data)
}

static WORDS: LazyLock<WordLists> = LazyLock::new(|| WordLists {
    titles: list(include_str!("../../data/titles.txt")),
    honorifics: list(include_str!("../../data/honorifics.txt")),
    organisations: list(include_str!("../../data/organisations.txt")),
    groups: list(include_str!("../../data/groups.txt")),
    pronouns: include_str!("../../data/pronouns.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(w, k)| (w.trim(), k.trim()))
        .collect(),
});

static NOT_NAME_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(NOT_NAMES.iter().map(|w| w.as_bytes().into())));

/// Whether `word`, its ASCII letters lowered, is in `words`.
#[inline]
fn in_list(words: &WordSet, word: &str) -> bool {
    words.holds(word)
}

#[inline]
fn in_list_bytes(words: &WordSet, word: &[u8]) -> bool {
    words.holds_bytes(word)
}

/// Function words that may start a sentence in capitals but are no name.
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "but", "and", "in", "on", "at", "this", "that", "these", "those", "it", "he", "she", "they", "we",
    "i", "his", "her", "their", "its", "our", "as", "if", "when", "while", "after", "before", "since", "for", "with",
    "despite", "following", "nevertheless", "however", "meanwhile", "recent", "leaders", "alongside", "so", "yet",
    "still", "also", "there", "here", "what", "who", "why", "how", "some", "many", "most", "all", "both", "one", "two",
    "by", "from", "to", "of", "mr", "mrs", "ms",
];

fn is_cap_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A name parsed out of a mention: the role words before it and the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedName {
    pub role: Option<String>,
    pub name: String,
}

/// Split "U.S. Secretary of State Marco Rubio" into role "U.S. Secretary of
/// State" and name "Marco Rubio": the name is the run of capitalised words
/// after the last title word; honorifics ("Mr.", "Sir") are dropped.
pub fn parse_name(mention: &str) -> Option<ParsedName> {
    let mut out = String::new();
    let (name, role) = parse_name_into(mention, &mut out)?;
    Some(ParsedName { role: role.map(|r| out[r].to_string()), name: out[name].to_string() })
}

/// `parse_name` appending the name and then the role (if any) to `out`,
/// returning where each went: no allocation per mention, which matters for
/// the every capitalised run of a document goes through it.
fn parse_name_into(mention: &str, out: &mut String) -> Option<(Range<usize>, Option<Range<usize>>)> {
    let words = &*WORDS;
    // The words split once, on the stack for any mention of a sane length.
    let mut on_stack = [""; 16];
    let on_heap: Vec<&str>;
    let parts: &[&str] = match split_whitespace_into(mention, &mut on_stack) {
        Some(n) => &on_stack[..n],
        None => {
            on_heap = mention.split_whitespace().collect();
            &on_heap
        }
    };
    let name_start = parts.iter().rposition(|p| in_list(&words.titles, p.trim_end_matches(','))).map_or(0, |i| i + 1);
    let begin = out.len();
    for p in &parts[name_start..] {
        let p = strip_name_word(p);
        if in_list(&words.honorifics, p) {
            continue;
        }
        if !(is_cap_word(p) || matches!(p, "de" | "van" | "von" | "der" | "del" | "la" | "bin")) {
            out.truncate(begin);
            return None;
        }
        if out.len() > begin {
            out.push(' ');
        }
        out.push_str(p);
    }
    if out.len() == begin {
        return None;
    }
    let name = begin..out.len();
    // "the" in any case: only ASCII letters lower to t, h, e, a or n.
    let role_part = |p: &&&str| !in_list(&words.honorifics, p) && !["the", "a", "an"].iter().any(|a| p.eq_ignore_ascii_case(a));
    for p in parts[..name_start].iter().filter(role_part) {
        if out.len() > name.end {
            out.push(' ');
        }
        out.push_str(p);
    }
    let role = (out.len() > name.end).then(|| name.end..out.len());
    Some((name, role))
}

/// A word of a name without the punctuation and possessive after it:
/// "Voss’s," is "Voss".
fn strip_name_word(word: &str) -> &str {
    let word = word.trim_end_matches([',', '’', '\'']);
    word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")).unwrap_or(word)
}

/// The words of `text` as `split_whitespace` gives them, into `buf`; how
/// many, or `None` when they do not fit. ASCII text (nearly every mention)
/// is split by bytes, without decoding chars.
fn split_whitespace_into<'a>(text: &'a str, buf: &mut [&'a str]) -> Option<usize> {
    let mut n = 0;
    let mut push = |word: &'a str| {
        let slot = buf.get_mut(n)?;
        *slot = word;
        n += 1;
        Some(())
    };
    if text.is_ascii() {
        // The ASCII chars `char::is_whitespace` holds: tab to carriage return, space.
        let space = |b: &u8| matches!(b, b'\t'..=b'\r' | b' ');
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if space(&bytes[i]) {
                i += 1;
                continue;
            }
            let end = bytes[i..].iter().position(space).map_or(bytes.len(), |k| i + k);
            push(&text[i..end])?;
            i = end;
        }
    } else {
        for word in text.split_whitespace() {
            push(word)?;
        }
    }
    Some(n)
}

/// What kind of speaker a non-name mention stands for, from its last word.
fn kind_of_phrase(mention: &str) -> Option<SpeakerKind> {
    let words = &*WORDS;
    let last = mention.split_whitespace().next_back()?.trim_end_matches(',');
    with_lowercase(last, |last| {
        let last = strip_repeated_suffix(strip_repeated_suffix(last, "’s".as_bytes()), b"'s");
        if in_list_bytes(&words.organisations, last) {
            Some(SpeakerKind::Organization)
        } else if in_list_bytes(&words.groups, last) {
            Some(SpeakerKind::Group)
        } else {
            None
        }
    })
}

/// `word.trim_end_matches(suffix)` without the string searcher
/// `trim_end_matches` sets up at every call (a quarter of the cost of
/// `kind_of_phrase`, which runs for every name and source).
fn strip_repeated_suffix<'a>(mut word: &'a [u8], suffix: &[u8]) -> &'a [u8] {
    while let Some(rest) = word.strip_suffix(suffix) {
        word = rest;
    }
    word
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Person {
    name: String,
    /// `name` in lower case, the key it is looked up by.
    lower: String,
    role: Option<String>,
}

/// A name parsed out of a mention: where its name and role went in
/// `SpeakerResolver::parts`.
#[derive(Debug, Clone)]
struct NameParts {
    name: Range<usize>,
    role: Option<Range<usize>>,
}

/// The people of one document and where each is mentioned.
pub struct SpeakerResolver<'t> {
    people: Vec<Person>,
    /// Keyed by the bytes of lower-case names, looked up by bytes lowered
    /// on the stack (`with_lowercase`).
    by_name: FxHashMap<Box<[u8]>, usize>,
    by_surname: FxHashMap<Box<[u8]>, usize>,
    /// The shapes of the keys of `by_surname`, to turn most words away
    /// before hashing them.
    surname_shapes: Shapes,
    /// (byte offset, person) of every mention, in text order.
    mentions: Vec<(usize, usize)>,
    /// Every distinct mention parsed (capitalised runs, the name parts of
    /// sources) and the index of its parse in `parses`: a name comes back
    /// many times in an article, and a source is parsed again to resolve it.
    parsed: FxHashMap<&'t str, usize>,
    parses: Vec<Option<NameParts>>,
    /// The names and roles of `parses`, one after another.
    parts: String,
}

impl<'t> SpeakerResolver<'t> {
    /// Learn the people of `text` from its capitalised runs and from the
    /// source mentions the attribution stage found.
    ///
    /// Only the runs that can matter are parsed: those holding a title word
    /// (the only ones a role comes from) and those whose last word is the
    /// surname of someone known (the only ones a lookup can find). Most
    /// capitalised runs of an article (places, months, sentence openings)
    /// are neither, and parsing every one of them was most of the cost.
    pub fn new(text: &'t str, sentences: &[Range<usize>], sources: &[Range<usize>]) -> Self {
        let mut r = SpeakerResolver::empty();
        let runs = capitalised_runs(text, sentences);
        // Full names first (those with a title or used as a source), so that
        // a surname seen before its full name still finds it. Each distinct
        // run once, in the order of first appearance.
        for run in runs.iter().filter(|run| run.titled) {
            r.register_titled_run(&text[run.span.clone()]);
        }
        r.register_sources(text, sources);
        r.find_mentions(text, &runs);
        r
    }

    /// Who each run names, now that every person is known; each distinct
    /// run that may name someone parsed and looked up once.
    fn find_mentions(&mut self, text: &'t str, runs: &[CapitalisedRun]) {
        let mut person_of_parse: Vec<Option<Option<usize>>> = Vec::new();
        for run in runs {
            if !self.may_name_someone(&text[run.last_word.clone()]) {
                continue;
            }
            let i = self.parse_once(&text[run.span.clone()]);
            if person_of_parse.len() <= i {
                person_of_parse.resize(i + 1, None);
            }
            let person = *person_of_parse[i]
                .get_or_insert_with(|| self.parses[i].as_ref().and_then(|p| self.lookup(&self.parts[p.name.clone()])));
            if let Some(id) = person {
                self.mentions.push((run.span.start, id));
            }
        }
        self.mentions.sort_unstable();
    }

    fn empty() -> Self {
        SpeakerResolver {
            people: Vec::new(),
            by_name: FxHashMap::default(),
            by_surname: FxHashMap::default(),
            surname_shapes: Shapes::default(),
            mentions: Vec::new(),
            parsed: FxHashMap::default(),
            parses: Vec::new(),
            parts: String::new(),
        }
    }

    /// Register the full name and role of a capitalised run the first time
    /// it is seen ("Finance Minister Ada Voss"); registering it again would
    /// change nothing.
    fn register_titled_run(&mut self, run: &'t str) {
        let seen = self.parses.len();
        let i = self.parse_once(run);
        if i < seen {
            return;
        }
        let Some(NameParts { name, role: Some(role) }) = self.parses[i].clone() else { return };
        let (name, role) = (&self.parts[name], &self.parts[role]);
        if name.contains(' ') && kind_of_phrase(name).is_none() {
            let (name, role) = (name.to_string(), role.to_string());
            self.register(&name, Some(&role));
        }
    }

    fn register_sources(&mut self, text: &'t str, sources: &[Range<usize>]) {
        for src in sources {
            let i = self.parse_once(source_name_part(&text[src.clone()]));
            if let Some(NameParts { name, role }) = self.parses[i].clone() {
                let name = self.parts[name].to_string();
                let role = role.map(|role| self.parts[role].to_string());
                if kind_of_phrase(&name).is_none() && !is_pronoun(&name) {
                    self.register(&name, role.as_deref());
                }
            }
        }
    }

    /// Whether the name parsed out of a run ending in `last_word` may be
    /// found by `lookup`: only when its last word is a known surname (every
    /// full name known is also known by its surname), and the last word of
    /// a parsed name is the last word of the run, stripped as
    /// `parse_name_into` strips it, unless that is an honorific (then the
    /// run is parsed to see).
    fn may_name_someone(&self, last_word: &str) -> bool {
        let last = strip_name_word(last_word);
        if in_list(&WORDS.honorifics, last) {
            return true;
        }
        // Lower case keeps the length and the ends of ASCII words only.
        if last.is_ascii() && !self.surname_shapes.may_hold(last.as_bytes()) {
            return false;
        }
        with_lowercase(last, |key| self.by_surname.contains_key(key))
    }

    /// The index in `parses` of `mention`'s parse, parsing it the first time.
    fn parse_once(&mut self, mention: &'t str) -> usize {
        let (parses, parts) = (&mut self.parses, &mut self.parts);
        *self.parsed.entry(mention).or_insert_with(|| {
            parses.push(parse_name_into(mention, parts).map(|(name, role)| NameParts { name, role }));
            parses.len() - 1
        })
    }

    /// `parse_name(mention)`, from the parses already made where it was one.
    fn parse_name(&self, mention: &str) -> Option<ParsedName> {
        let Some(&i) = self.parsed.get(mention) else { return parse_name(mention) };
        let p = self.parses[i].as_ref()?;
        Some(ParsedName { name: self.parts[p.name.clone()].to_string(), role: p.role.clone().map(|r| self.parts[r].to_string()) })
    }

    fn register(&mut self, name: &str, role: Option<&str>) {
        if let Some(id) = self.lookup(name) {
            let person = &mut self.people[id];
            // A fuller name for a person known by surname only.
            if name.contains(' ') && !person.name.contains(' ') {
                person.name = name.to_string();
                person.lower = name.to_lowercase();
                self.by_name.insert(person.lower.as_bytes().into(), id);
            }
            if person.role.is_none() {
                person.role = role.map(str::to_string);
            }
            return;
        }
        let id = self.people.len();
        let lower = name.to_lowercase();
        self.by_name.insert(lower.as_bytes().into(), id);
        self.people.push(Person { name: name.to_string(), lower, role: role.map(str::to_string) });
        if let Some(surname) = name.split(' ').last() {
            let surname = surname.to_lowercase();
            self.surname_shapes.add(surname.as_bytes());
            self.by_surname.entry(surname.into_bytes().into_boxed_slice()).or_insert(id);
        }
    }

    fn lookup(&self, name: &str) -> Option<usize> {
        with_lowercase(name, |key| {
            self.by_name.get(key).copied().or_else(|| {
                let surname = key.rsplit(|&b| b == b' ').next()?;
                let id = *self.by_surname.get(surname)?;
                // "Bill Clinton" is not "Hillary Clinton": a different first
                // name is a different person.
                let known = &self.people[id].lower;
                (!key.contains(&b' ') || !known.contains(' ') || known.as_bytes() == key).then_some(id)
            })
        })
    }

    fn last_person_before(&self, at: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|&(pos, _)| pos < at);
        i.checked_sub(1).map(|i| self.mentions[i].1)
    }

    fn person(&self, id: usize, mention: &str) -> Speaker {
        let p = &self.people[id];
        Speaker { name: p.name.clone(), mention: mention.to_string(), role: p.role.clone(), kind: SpeakerKind::Person }
    }

    /// The speaker behind the source mention at `span` (bytes into `text`).
    pub fn resolve(&self, text: &str, span: &Range<usize>) -> Speaker {
        let mention = text[span.clone()].trim();
        if let Some(what) = pronoun_kind(mention) {
            if matches!(what, "person" | "relative") {
                if let Some(id) = self.last_person_before(span.start) {
                    return self.person(id, mention);
                }
            }
            let kind = if what == "group" { SpeakerKind::Group } else { SpeakerKind::Unknown };
            return Speaker { name: mention.to_string(), mention: mention.to_string(), role: None, kind };
        }
        let (name_part, appositive) = split_appositive(mention);
        if let Some(p) = self.parse_name(name_part) {
            if kind_of_phrase(&p.name).is_none() {
                if let Some(id) = self.lookup(&p.name) {
                    let mut s = self.person(id, mention);
                    if s.role.is_none() {
                        s.role = p.role.or_else(|| appositive.map(strip_article));
                    }
                    return s;
                }
                return Speaker { name: p.name, mention: mention.to_string(), role: p.role.or_else(|| appositive.map(strip_article)), kind: SpeakerKind::Person };
            }
        }
        if let Some(id) = self.description(name_part, span.start) {
            return self.person(id, mention);
        }
        let kind = kind_of_phrase(name_part).unwrap_or(SpeakerKind::Unknown);
        Speaker { name: canonical_phrase(name_part, kind), mention: mention.to_string(), role: None, kind }
    }

    /// "the Ukrainian president": the person last mentioned before `at`
    /// whose role ends in the same head word and shares its other words.
    fn description(&self, phrase: &str, at: usize) -> Option<usize> {
        // Most phrases do not start with an article: turned away before
        // each word is lowered into a string of its own. ("the" in any case:
        // only ASCII letters lower to t, h, e, a or n.)
        let article = phrase.split_whitespace().next()?;
        if !["the", "a", "an"].iter().any(|a| article.eq_ignore_ascii_case(a)) {
            return None;
        }
        let words: Vec<String> = phrase.split_whitespace().map(|w| w.to_lowercase()).collect();
        let (first, head) = (words.first()?, words.last()?);
        if !matches!(first.as_str(), "the" | "a" | "an") || !in_list(&WORDS.titles, head) {
            return None;
        }
        let modifiers: Vec<&String> = words[1..words.len() - 1].iter().collect();
        let i = self.mentions.partition_point(|&(pos, _)| pos < at);
        self.mentions[..i].iter().rev().map(|&(_, id)| id).find(|&id| {
            let Some(role) = &self.people[id].role else { return false };
            let role = role.to_lowercase();
            role.contains(head.as_str()) && modifiers.iter().all(|m| role.contains(m.as_str()))
        })
    }
}

/// What a pronoun stands for ("person", "group", ...), from data/pronouns.txt.
fn pronoun_kind(word: &str) -> Option<&'static str> {
    with_lowercase(word, |lower| WORDS.pronouns.iter().find(|(w, _)| w.as_bytes() == lower).map(|&(_, what)| what))
}

fn is_pronoun(word: &str) -> bool {
    pronoun_kind(word).is_some()
}

/// "Mike Lee, a Utah senator," -> ("Mike Lee", Some("a Utah senator")).
fn split_appositive(mention: &str) -> (&str, Option<&str>) {
    match mention.split_once(',') {
        Some((name, rest)) => {
            let rest = rest.trim().trim_end_matches(',').trim();
            (name.trim(), (!rest.is_empty()).then_some(rest))
        }
        None => (mention, None),
    }
}

fn source_name_part(mention: &str) -> &str {
    split_appositive(mention.trim()).0
}

fn strip_article(s: &str) -> String {
    for a in ["a ", "an ", "the "] {
        if let Some(rest) = s.strip_prefix(a) {
            return rest.to_string();
        }
    }
    s.to_string()
}

/// How an organisation, group or description is named as a speaker: "a U.S.
/// envoy" is "the U.S. envoy"; "the White House" keeps its article.
fn canonical_phrase(phrase: &str, kind: SpeakerKind) -> String {
    let phrase = phrase.trim().trim_end_matches(',');
    let lowered_first = match phrase.split_once(' ') {
        Some((first, rest)) if matches!(first, "A" | "An" | "a" | "an" | "The") => format!("the {rest}"),
        _ => phrase.to_string(),
    };
    match kind {
        SpeakerKind::Group => {
            let mut chars = lowered_first.chars();
            match chars.next() {
                Some(c) if !lowered_first.starts_with("the ") => c.to_lowercase().chain(chars).collect(),
                _ => lowered_first,
            }
        }
        _ => lowered_first,
    }
}

/// Byte ranges of runs of capitalised words (with "of" between them and
/// title words before them), function words at the front dropped. A scan of
/// its own rather than the tokenizer: it runs over every sentence, so it
/// keeps no token list.
fn capitalised_runs(text: &str, sentences: &[Range<usize>]) -> Vec<CapitalisedRun> {
    let mut out = Vec::new();
    let mut run: Vec<Range<usize>> = Vec::new();
    for s in sentences {
        let seg = &text[s.clone()];
        let bytes = seg.as_bytes();
        let mut broken = true;
        let mut pending_of: Option<Range<usize>> = None;
        let mut i = 0;
        while i < bytes.len() {
            if run.is_empty() && pending_of.is_none() {
                // Nothing gathered, so only a capitalised word changes
                // anything (`broken` matters only once a run has begun).
                match next_possible_capital(bytes, i) {
                    Some(at) => i = at,
                    None => break,
                }
            }
            let b = bytes[i];
            if b.is_ascii_lowercase() {
                // Fast path for the common case: a lower-case word ends a run
                // (unless it is the "of" of "Secretary of State").
                let mut end = i + 1;
                while end < bytes.len() && (ASCII_ALNUM[usize::from(bytes[end])] || matches!(bytes[end], b'\'' | b'-') && end + 1 < bytes.len() && ASCII_ALNUM[usize::from(bytes[end + 1])]) {
                    end += 1;
                }
                if &bytes[i..end] == b"of" && !broken && pending_of.is_none() && !run.is_empty() {
                    pending_of = Some(s.start + i..s.start + end);
                } else {
                    flush_run(text, &mut run, &mut out);
                    broken = true;
                    pending_of = None;
                }
                i = end;
                continue;
            }
            if b < 0x80 && !ASCII_ALNUM[usize::from(b)] {
                if !b.is_ascii_whitespace() {
                    broken = true;
                    pending_of = None;
                }
                i += 1;
                continue;
            }
            let c = seg[i..].chars().next().unwrap_or(' ');
            if !is_alnum(c) {
                if !c.is_whitespace() {
                    broken = true;
                    pending_of = None;
                }
                i += c.len_utf8();
                continue;
            }
            let end = word_end(seg, i, i + c.len_utf8());
            let word = s.start + i..s.start + end;
            if c.is_uppercase() {
                if broken {
                    flush_run(text, &mut run, &mut out);
                } else if let Some(of) = pending_of.take() {
                    run.push(of);
                }
                run.push(word);
                broken = false;
            } else {
                flush_run(text, &mut run, &mut out);
                broken = true;
                pending_of = None;
            }
            i = end;
        }
        flush_run(text, &mut run, &mut out);
    }
    out
}

/// Where the scan of `bytes` from `from` (where a word may start) should
/// go on to find the next capitalised word: the start of the word holding
/// the next capital letter or non-ASCII byte (`None` when there is none).
/// Everything before it is lower-case words, digits and punctuation. That
/// word starts after the last whitespace before that byte, since no word
/// holds whitespace (and it may still be a lower-case word, as "iPhone" is).
fn next_possible_capital(bytes: &[u8], from: usize) -> Option<usize> {
    let at = from + position_of_capital_or_non_ascii(&bytes[from..])?;
    Some(bytes[from..at].iter().rposition(u8::is_ascii_whitespace).map_or(from, |k| from + k + 1))
}

/// The first byte of `bytes` that is an ASCII capital or not ASCII, eight
/// bytes at a time: the scan for names passes over the lower-case words
/// between them, most of a text.
fn position_of_capital_or_non_ascii(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in chunks.by_ref() {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // On the low seven bits of each byte, adding 0x80 - b'A' sets the
        // high bit of bytes from 'A' up and adding 0x80 - b'Z' - 1 that of
        // bytes above 'Z'; no sum carries into the next byte.
        let low = word & !HIGHS;
        let capital = low.wrapping_add(ONES * u64::from(0x80 - b'A')) & !low.wrapping_add(ONES * u64::from(0x80 - b'Z' - 1));
        let found = (capital | word) & HIGHS;
        if found != 0 {
            return Some(offset + found.trailing_zeros() as usize / 8);
        }
        offset += 8;
    }
    chunks.remainder().iter().position(|&b| b.is_ascii_uppercase() || !b.is_ascii()).map(|k| offset + k)
}

/// A run of capitalised words, with what decides whether it is worth
/// parsing as a name.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CapitalisedRun {
    /// Byte range of the run, from its first word to its last.
    span: Range<usize>,
    last_word: Range<usize>,
    /// Whether one of its words is a title ("Minister"), so that the run
    /// may give a role. (A word of a run has no comma or space in it, so it
    /// is one of the words `parse_name_into` splits the run into.)
    titled: bool,
}

/// End the run of words being gathered, keeping it if it names anything.
/// Called at every lower-case word, nearly always with no run gathered.
#[inline]
fn flush_run(text: &str, run: &mut Vec<Range<usize>>, out: &mut Vec<CapitalisedRun>) {
    if !run.is_empty() {
        keep_run(text, run, out);
    }
}

#[inline(never)]
fn keep_run(text: &str, run: &mut Vec<Range<usize>>, out: &mut Vec<CapitalisedRun>) {
    // By bytes: a word's trailing periods are ASCII, and the lists are
    // looked up by bytes anyway (no char boundary checks, no char searcher).
    let bytes = text.as_bytes();
    let without_periods = |w: &Range<usize>| {
        let word = &bytes[w.clone()];
        &word[..word.iter().rposition(|&b| b != b'.').map_or(0, |k| k + 1)]
    };
    let first = run.iter().position(|w| !in_list_bytes(&NOT_NAME_SET, without_periods(w)));
    if let (Some(first), Some(last)) = (first, run.last()) {
        let titles = &WORDS.titles;
        let titled = run[first..].iter().any(|w| in_list_bytes(titles, &bytes[w.clone()]));
        out.push(CapitalisedRun { span: run[first].start..last.end, last_word: last.clone(), titled });
    }
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::super::sentences::split_sentences;
    use super::*;

    #[test]
    fn repeated_suffixes_are_all_stripped_as_trim_end_matches_does() {
        for (word, suffix) in [("council’s", "’s"), ("ss’s’s", "’s"), ("board's", "'s"), ("’s", "’s"), ("senate", "'s"), ("", "'s")] {
            assert_eq!(strip_repeated_suffix(word.as_bytes(), suffix.as_bytes()), word.trim_end_matches(suffix).as_bytes(), "{word:?} less {suffix:?}");
        }
    }

    fn resolve_all(text: &str, mentions: &[&str]) -> Vec<Speaker> {
        let sentences = split_sentences(text);
        let mut spans = Vec::new();
        let mut from = 0;
        for m in mentions {
            let at = from + text[from..].find(m).expect("mention in text");
            spans.push(at..at + m.len());
            from = at + m.len();
        }
        let r = SpeakerResolver::new(text, &sentences, &spans);
        spans.iter().map(|s| r.resolve(text, s)).collect()
    }

    #[test]
    fn title_is_stripped_into_the_role() {
        let p = parse_name("U.S. Secretary of State Marco Rubio").unwrap();
        assert_eq!(p.name, "Marco Rubio");
        assert_eq!(p.role.as_deref(), Some("U.S. Secretary of State"));
    }

    #[test]
    fn honorific_is_dropped() {
        assert_eq!(parse_name("Mr. Hale").unwrap(), ParsedName { role: None, name: "Hale".into() });
    }

    #[test]
    fn surname_resolves_to_the_full_name() {
        let text = "Finance Minister Ada Voss spoke first. Later Voss said the budget was balanced.";
        let s = resolve_all(text, &["Voss"]);
        assert_eq!(s[0].name, "Ada Voss");
        assert_eq!(s[0].role.as_deref(), Some("Finance Minister"));
    }

    #[test]
    fn pronoun_resolves_to_the_last_person_mentioned() {
        let text = "Governor Tom Reyes visited the plant. He said jobs would return.";
        let s = resolve_all(text, &["He"]);
        assert_eq!((s[0].name.as_str(), s[0].mention.as_str()), ("Tom Reyes", "He"));
    }

    #[test]
    fn description_resolves_by_role() {
        let text = "Chilean President Ana Soto arrived. Mayor Luis Paz greeted her. The Chilean president said she was glad.";
        let s = resolve_all(text, &["The Chilean president"]);
        assert_eq!(s[0].name, "Ana Soto");
    }

    #[test]
    fn organisation_and_group_speakers() {
        let text = "The White House said nothing. Diplomatic sources said more.";
        let s = resolve_all(text, &["The White House", "Diplomatic sources"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("the White House", SpeakerKind::Organization));
        assert_eq!((s[1].name.as_str(), s[1].kind), ("diplomatic sources", SpeakerKind::Group));
    }

    #[test]
    fn unresolved_description_keeps_a_definite_name() {
        let text = "A U.S. envoy said a deal was near.";
        let s = resolve_all(text, &["A U.S. envoy"]);
        assert_eq!(s[0].name, "the U.S. envoy");
    }

    /// The resolver as it was built before runs were parsed lazily: every
    /// capitalised run parsed, every distinct one looked up.
    fn eager_resolver<'t>(text: &'t str, sentences: &[Range<usize>], sources: &[Range<usize>]) -> SpeakerResolver<'t> {
        let mut r = SpeakerResolver::empty();
        let runs = capitalised_runs(text, sentences);
        let run_parses: Vec<usize> = runs.iter().map(|run| r.parse_once(&text[run.span.clone()])).collect();
        let distinct_runs = r.parses.len();
        for i in 0..distinct_runs {
            let Some(NameParts { name, role: Some(role) }) = r.parses[i].clone() else { continue };
            let (name, role) = (&r.parts[name], &r.parts[role]);
            if name.contains(' ') && kind_of_phrase(name).is_none() {
                let (name, role) = (name.to_string(), role.to_string());
                r.register(&name, Some(&role));
            }
        }
        r.register_sources(text, sources);
        let people_of_runs: Vec<Option<usize>> =
            r.parses[..distinct_runs].iter().map(|p| p.as_ref().and_then(|p| r.lookup(&r.parts[p.name.clone()]))).collect();
        for (run, &i) in runs.iter().zip(&run_parses) {
            if let Some(id) = people_of_runs[i] {
                r.mentions.push((run.span.start, id));
            }
        }
        r.mentions.sort_unstable();
        r
    }

    #[test]
    fn lazy_parsing_of_runs_finds_the_people_and_mentions_eager_parsing_finds() {
        let texts = [
            "Finance Minister Ada Voss spoke first. Later Voss said the budget was balanced.",
            "Voss spoke before Finance Minister Ada Voss did. Mr. Voss agreed, and Ada Voss’s aide said so.",
            "Prime Minister Jan de Wit met Secretary of State Lena Holm in Oslo. De Wit and Holm’s deputy, Ola Berg, said little.",
            "Sen. Tom Reyes, Gov. Tom Reyes and Rep. Bill Reyes spoke. Reyes said no. Bill Reyes said yes. Hillary Reyes left.",
            "President Zoë Brandt and Chancellor Élodie Maréchal talked in Zürich. Brandt, Maréchal and ÉLODIE MARÉCHAL agreed.",
            "The Ministry of Finance said on Monday that Lord Patel, Patel Lord and Sir Ian Patel Sir would attend.",
            "Mayor Luis Paz, Paz’s, Paz's, PAZ, Paz, Mayor Luis Paz Jr. and Luis Paz Dr. were all there.",
            "In April, Acting Mayor Ana Soto of Lima said Soto of Lima would stay; Soto, Ana said.",
            "“We will win,” said Coach Ray Lund. Lund added: “Always.” General Electric Company reported gains.",
            "The White House said nothing. Diplomatic sources said more. He said it. They said more.",
            "",
            "no capitals here at all, said nobody.",
        ];
        let mut mentions = 0;
        for text in texts {
            let sentences = split_sentences(text);
            // Every capitalised run also as a source, and a few phrases.
            let mut sources: Vec<Range<usize>> = capitalised_runs(text, &sentences).into_iter().map(|run| run.span).collect();
            for phrase in ["Voss", "He", "They", "Holm’s deputy", "The White House", "Diplomatic sources", "Ana"] {
                if let Some(at) = text.find(phrase) {
                    sources.push(at..at + phrase.len());
                }
            }
            let lazy = SpeakerResolver::new(text, &sentences, &sources);
            let eager = eager_resolver(text, &sentences, &sources);
            assert_eq!(lazy.people, eager.people, "{text:?}");
            assert_eq!(lazy.mentions, eager.mentions, "{text:?}");
            for src in &sources {
                assert_eq!(lazy.resolve(text, src), eager.resolve(text, src), "{text:?} {src:?}");
            }
            mentions += eager.mentions.len();
        }
        assert!(mentions > 20, "the sentences mention people: {mentions}");
    }

    fn runs_of(text: &str) -> Vec<(&str, bool)> {
        capitalised_runs(text, &split_sentences(text)).into_iter().map(|r| (&text[r.span], r.titled)).collect()
    }

    #[test]
    fn capitalised_runs_start_at_word_starts_only() {
        assert_eq!(
            runs_of("the iPhone maker's eBay-listed X-ray of Apple Inc. sold 1990s Boeing jets to ex-Minister Ana Soto."),
            [("X-ray of Apple Inc.", false), ("Boeing", false), ("Ana Soto", false)]
        );
        assert_eq!(
            runs_of("un café à Paris, où l’Élysée et Émile Zola, c’était é-Élan; naïve Ørsted\u{a0}Wind said."),
            [("Paris", false), ("Élysée", false), ("Émile Zola", false), ("Ørsted\u{a0}Wind", false)]
        );
    }

    #[test]
    fn capitalised_runs_take_of_between_words_and_drop_function_words_in_front() {
        assert_eq!(
            runs_of("But The Secretary of State of Ohio met the Bank of England, of all places, and Of Mice."),
            [("Secretary of State of Ohio", true), ("Bank of England", false), ("Mice", false)]
        );
        assert_eq!(runs_of("He said U.S. Sen. Mike Lee, R-Utah, spoke.\nThen\tGov. Lee\u{b}Voss spoke"), [
            ("U.S. Sen. Mike Lee", true),
            ("R-Utah", false),
            ("Then\tGov. Lee", true),
            ("Voss", false)
        ]);
    }

    #[test]
    fn finds_the_first_capital_or_non_ascii_byte_at_any_position() {
        let naive = |bytes: &[u8]| bytes.iter().position(|&b| b.is_ascii_uppercase() || !b.is_ascii());
        for len in 0..20 {
            for at in 0..len {
                for special in [b'A', b'Z', 0x80, 0xC3, 0xFF] {
                    let mut bytes: Vec<u8> = (0..len).map(|k| b"az@[`{09 .,-'\x7f\t"[k % 15]).collect();
                    assert_eq!(naive(&bytes), None);
                    bytes[at] = special;
                    if at + 1 < len {
                        bytes[at + 1] = b'B';
                    }
                    assert_eq!(position_of_capital_or_non_ascii(&bytes), naive(&bytes), "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn in_list_answers_as_a_lookup_of_the_word_in_ascii_lower_case() {
        let list = ["minister", "sen.", "chief", "état", "x", "secretary-general"];
        let set = WordSet::new(list.iter().map(|w| w.as_bytes().into()));
        let words = [
            "Minister", "MINISTER", "ministers", "minster", "Sen.", "Sen", "Chief", "Chef", "chiefs", "État", "état", "ÉTAT", "X",
            "Y", "", "Secretary-General", "Secretary-Generals", "ministeR", "Ministry",
        ];
        for word in words {
            let expected = list.contains(&word.to_ascii_lowercase().as_str());
            assert_eq!(in_list(&set, word), expected, "{word:?}");
        }
    }

    #[test]
    fn words_split_as_split_whitespace_splits_them() {
        let texts = ["", "  ", "Ada", " Ada  Voss ", "a\tb\nc\u{b}d\u{c}e\rf", "Zoë\u{a0}Brandt Jr.", "x\u{2003}y z", "one two three"];
        for text in texts {
            let mut buf = [""; 16];
            let n = split_whitespace_into(text, &mut buf).unwrap();
            assert_eq!(&buf[..n], text.split_whitespace().collect::<Vec<_>>(), "{text:?}");
            let mut small = [""; 2];
            assert_eq!(split_whitespace_into(text, &mut small).is_some(), n <= 2, "{text:?}");
        }
    }
}
