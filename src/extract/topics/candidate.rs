//! Candidate topics: what a content is about when no defined topic
//! matches. In order: the first name in it that is not the speaker's own
//! (with what the name possesses: "Trump's tax return"), an issue noun
//! phrase ("tax plan"), a name opening a sentence, any other noun phrase
//! that is not a generic noun ("question", "percent",
//! `data/generic_topics.txt`).

use super::word_table::{KeyBuilder, WordTable};
use super::words::{singular, Tokens};
use crate::model::data_lines;

const TOPIC_WORDS: &str = include_str!("../../../data/topic_words.txt");
const GENERIC_TOPICS: &str = include_str!("../../../data/generic_topics.txt");
const TITLES: &str = include_str!("../../../data/titles.txt");
const HONORIFICS: &str = include_str!("../../../data/honorifics.txt");
const TOPIC_PLACES: &str = include_str!("../../../data/topic_places.txt");
const TOPIC_SYNONYMS: &str = include_str!("../../../data/topic_synonyms.txt");
const FIRST_NAMES: &str = include_str!("../../../data/first_names.tsv");
const NON_NOUNS: &str = include_str!("../../../data/topic_non_nouns.txt");
const NAME_SUFFIXES: &str = include_str!("../../../data/name_suffixes.txt");
const PEOPLES: &str = include_str!("../../../data/peoples.txt");
const TITLE_SMALL_WORDS: &str = include_str!("../../../data/title_small_words.txt");
const PARTY_LETTERS: &str = include_str!("../../../data/party_letters.tsv");
const US_STATES: &str = include_str!("../../../data/us_states.tsv");

/// The word lists behind candidate topics (`data/topic_words.txt`,
/// `data/generic_topics.txt`, titles and honorifics).
#[derive(Debug, Clone)]
pub(super) struct CandidateWords {
    /// Every listed word with all that the lists say of it: one probe a
    /// word of every content.
    pub(super) listed: WordTable<Listed>,
    /// Places an article is set in (`data/topic_places.txt`), lower case.
    settings: rustc_hash::FxHashSet<String>,
    /// Each head noun of `data/topic_synonyms.txt` -> the others of its group.
    synonyms: rustc_hash::FxHashMap<String, Vec<String>>,
}

/// What the word lists say of a word.
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
    /// A title or honorific, left out of a name ("President Obama").
    pub(super) title: bool,
    /// Ends the name of a law, treaty, deal or plan ("Partnership" of
    /// "Trans-Pacific Partnership").
    pub(super) ends_named_issue: bool,
    /// Names one of many by the number after it ("Proposition 8").
    numbered: bool,
    /// Too general to be a topic by itself ("question", "America").
    generic: bool,
    /// A first name of `data/first_names.tsv` ("Keith" of "Keith Lamont
    /// Scott").
    first_name: bool,
    /// A first name given mostly to men, or mostly to women: "he" or "she"
    /// may refer to its bearer.
    male: bool,
    female: bool,
    /// A people's adjective of `data/peoples.txt` ("Ethiopian"): alone it
    /// narrows a noun it stands before and names no one ("an Ethiopian
    /// exile"), where its plural ("Ethiopians") is a group.
    people: bool,
    /// A party's word of `data/party_letters.tsv` ("Republican",
    /// "Democrat").
    party: bool,
    /// A generational suffix ending a name ("Jr", "III",
    /// `data/name_suffixes.txt`).
    name_suffix: bool,
    /// A noun never made singular ("talks").
    never_singular: bool,
    /// The next word is a verb ("will pressure", "to cede", "I believe").
    verb_introducer: bool,
    /// A noun in -us whose plural ends in -uses ("caucus": caucuses).
    plural_in_uses: bool,
    /// A verb or adverb, never part of a common noun phrase ("require"),
    /// from `data/topic_non_nouns.txt`.
    never_noun: bool,
    /// A small word a title leaves in small letters ("of", "the",
    /// `data/title_small_words.txt`).
    title_small_word: bool,
    /// An article a title may open on ("The View").
    opens_title: bool,
    /// An adjective: narrows a noun but never heads a phrase ("overall").
    adjective: bool,
    /// An adjective that judges ("odd", "dismal"): no part of a topic.
    judging: bool,
    /// A vague noun that is a stop word but after a common noun, whose
    /// phrase it ends ("tax plan"; "we have a plan").
    heads_after_noun: bool,
    /// An object pronoun or determiner ("him", "the"): a capitalised word
    /// opening a sentence right before it is a verb ("Compare him"), no
    /// name.
    object: bool,
}

/// Words after which the next word is a verb ("will pressure", "to cede",
/// "I believe"); so is any word ending in "n't" ("don't understand").
const VERB_INTRODUCERS: [&str; 22] = [
    "to", "will", "would", "can", "could", "may", "might", "must", "should", "shall", "cannot", "did", "does", "do",
    "not", "never", "he", "she", "they", "we", "i", "you",
];

/// Whether a capitalised word is shaped like a people's or party's
/// adjective ("Republican", "Chinese", "British"), which comes before a
/// noun ("Republican voters"), where a name opening a content is its
/// subject and comes before a verb ("Clinton leads").
fn is_demonym(lower: &str) -> bool {
    ["an", "ese", "ish", "ic", "i"].iter().any(|e| lower.ends_with(e))
}

/// The tags of a member's party and state written after a name, lower
/// case as one word reads them ("(I-Vt.)": "i-vt"; "(D-N.Y.)": "d-n";
/// "D-OH"): each party letter of `data/party_letters.tsv` before each
/// state's AP abbreviation (up to its first full stop) and postal code of
/// `data/us_states.tsv`. A tag is no name, and no topic.
fn party_tags() -> Vec<String> {
    let mut letters: Vec<&str> = data_lines(PARTY_LETTERS).filter_map(|line| line.split('\t').nth(1)).map(str::trim).collect();
    letters.sort_unstable();
    letters.dedup();
    let mut tags = Vec::new();
    for line in data_lines(US_STATES) {
        for abbreviation in line.split('\t').skip(1) {
            let state = abbreviation.split('.').next().unwrap_or(abbreviation).trim();
            tags.extend(letters.iter().map(|letter| format!("{letter}-{state}").to_lowercase()));
        }
    }
    tags
}

/// Whether a word with an apostrophe is a contraction ("don't", "we're",
/// "you'll"), not a name ("O'Malley").
/// An adverb made from an adjective in -al ("politically", "fiscally",
/// "racially"): what it modifies is an adjective. Shorter words in -ally
/// ("rally", "tally") are nouns.
fn is_manner_adverb(lower: &str) -> bool {
    lower.len() >= 7 && lower.ends_with("ally")
}

/// Whether a token is several words run together ("SmithShareLikeReply":
/// a page widget's text glued to a name): a capital after a small letter
/// twice or more. One such capital is a name's ("McCain", "DeSantis").
pub(super) fn is_glued(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() >= 8 && bytes.windows(2).filter(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase()).count() >= 2
}

/// Whether a word draws a letter out three times or more ("Nooooo",
/// "sooo"), as no English word does.
fn is_drawn_out(lower: &str) -> bool {
    let bytes = lower.as_bytes();
    (2..bytes.len()).any(|i| bytes[i] == bytes[i - 1] && bytes[i] == bytes[i - 2] && bytes[i].is_ascii_alphabetic())
}

fn is_contraction(lower: &str) -> bool {
    let lower = lower.replace('\u{2019}', "'");
    ["n't", "'ll", "'re", "'ve", "'d", "'m"].iter().any(|e| lower.ends_with(e))
}

/// Where a noun phrase starting at `from` starts without a judging
/// adjective before its head ("an odd choice", "his dismal fundraising"):
/// the speaker's view of the noun, no part of what the statement is
/// about, and two judgements of one thing would make two topics.
fn after_judging_word(phrase: &[Word<'_>], from: usize) -> usize {
    if from + 1 < phrase.len() && phrase[from].listed.judging && !phrase[from].capitalized {
        from + 1
    } else {
        from
    }
}

/// Whether a word may head a body's name before "of the" ("Office of the
/// Harbour Master"): an institution's word, but no noun never made
/// singular ("News of the NRA's move"), which is a common noun even where
/// it ends a name ("Fox News").
fn heads_a_body(word: &Word<'_>) -> bool {
    word.listed.place && !word.listed.never_singular
}

/// Whether a word is an abbreviation in capitals ("GOP", "ISIS", "F.B.I"
/// is written with stops and not read as one word).
fn is_abbreviation(word: &str) -> bool {
    (2..=6).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// How many words a title in quotation marks may run to.
const QUOTED_TITLE_WORDS: usize = 6;

/// A candidate topic and how it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Candidate {
    pub(super) name: String,
    pub(super) kind: CandidateKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CandidateKind {
    /// A name, or what a name possesses ("Trump's tax return").
    Name,
    /// A title in quotation marks ("Rush Hour"): a name, but of a work or
    /// slogan mentioned, seldom what a whole article is about.
    Title,
    /// A noun phrase with an issue word ("tax plan").
    Issue,
    /// Any other noun phrase that is no generic noun.
    Other,
}

/// Whether the last words read may be cut from a name: a capitalised
/// word, or "of" or "of the" after one ("the Office of the | Secretary of
/// State").
fn ends_inside_name(w: &[Word<'_>]) -> bool {
    let small = |t: &Word<'_>| !t.capitalized && !t.after_break && t.listed.title_small_word;
    match w {
        [.., last] if last.name_shaped => true,
        [.., name, of, the] if small(the) && small(of) => name.name_shaped,
        [.., name, last] => small(last) && name.name_shaped,
        _ => false,
    }
}

/// How many words of a content are searched for its topic.
const TOPIC_REACH: usize = 15;

/// How many words past `TOPIC_REACH` are read to end a name it cuts.
const NAME_OVERRUN: usize = 4;

/// How many words are read first: most contents name their topic in them,
/// and the rest is read only when they do not settle it.
const FIRST_LOOK: usize = 8;

/// One word of a content, read once: its flags and what the lists say of it.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    /// As written, without a possessive 's.
    text: &'a str,
    /// Where its lower-case form lies in `Words::lower`.
    lower: (u32, u32),
    listed: Listed,
    after_break: bool,
    capitalized: bool,
    possessive: bool,
    opens_sentence: bool,
    /// May be part of a noun phrase: no stop word, verb or modifier.
    noun_like: bool,
    /// Capitalised, two letters or more, no digit: may be part of a name.
    name_shaped: bool,
    /// A quotation mark opens right before it, or closes right after it.
    after_quote: bool,
    before_quote: bool,
    before_colon: bool,
}

/// A content's first words, each lowered and looked up once, read as far
/// as the finders need.
struct Words<'a> {
    words: Vec<Word<'a>>,
    lower: String,
    tokens: Tokens<'a>,
    /// The content has no more words.
    exhausted: bool,
    /// The last word read makes the next one a verb.
    introduces_verb: bool,
    /// The content has no small letter: its capitals mark no names.
    shouting: bool,
}

impl<'a> Words<'a> {
    fn lower(&self, i: usize) -> &str {
        let (start, end) = self.words[i].lower;
        &self.lower[start as usize..end as usize]
    }
}

/// The words of a speaker's name, never the topic of what they say.
struct SpeakerWords<'s>(&'s str);

impl<'s> SpeakerWords<'s> {
    fn of(speaker: &'s str) -> Self {
        SpeakerWords(speaker)
    }

    /// Whether `word` is one of the name's capitalised words.
    fn holds(&self, word: &str) -> bool {
        // Split by bytes: a space is one byte, and the char searcher's
        // set-up cost more than these few words.
        word.len() >= 2
            && word.len() <= self.0.len()
            && word.starts_with(char::is_uppercase)
            && self.0.as_bytes().split(|&b| b == b' ').any(|w| w == word.as_bytes())
    }
}

impl CandidateWords {
    pub(super) fn builtin() -> Self {
        let mut listed: WordTable<Listed> = WordTable::default();
        for word in VERB_INTRODUCERS {
            listed.entry(word).verb_introducer = true;
        }
        for line in data_lines(TITLES).chain(data_lines(HONORIFICS)) {
            listed.entry(&line.trim_end_matches('.').to_lowercase()).title = true;
        }
        for line in data_lines(FIRST_NAMES) {
            let mut fields = line.split('\t');
            let name = fields.next().unwrap_or(line).trim();
            let entry = listed.entry(&name.to_lowercase());
            entry.first_name = true;
            match fields.next().map(str::trim) {
                Some("m") => entry.male = true,
                Some("f") => entry.female = true,
                _ => {}
            }
        }
        for line in data_lines(GENERIC_TOPICS) {
            listed.entry(&line.to_lowercase()).generic = true;
        }
        for line in data_lines(TOPIC_WORDS) {
            let (word, set): (&str, fn(&mut Listed)) = match line.split_at(1) {
                ("+", word) => (word, |l| l.noun_despite_ending = true),
                ("*", word) => (word, |l| l.issue = true),
                ("^", word) => (word, |l| l.place = true),
                ("=", word) => (word, |l| l.never_singular = true),
                ("!", word) => (word, |l| l.ends_named_issue = true),
                ("%", word) => (word, |l| l.plural_in_uses = true),
                ("@", word) => (word, |l| l.numbered = true),
                ("&", word) => (word, |l| {
                    l.stop = true;
                    l.heads_after_noun = true;
                }),
                _ => (line, |l| l.stop = true),
            };
            set(listed.entry(&word.to_lowercase()));
        }
        for line in data_lines(PEOPLES) {
            listed.entry(&line.to_lowercase()).people = true;
        }
        for line in data_lines(TITLE_SMALL_WORDS) {
            let (word, opens) = line.strip_prefix('+').map_or((line, false), |word| (word, true));
            let entry = listed.entry(word);
            entry.title_small_word = true;
            entry.opens_title = opens;
        }
        for line in data_lines(NAME_SUFFIXES) {
            listed.entry(line.trim_end_matches('.')).name_suffix = true;
        }
        for line in data_lines(NON_NOUNS) {
            match line.split_at(1) {
                ("-", word) => listed.entry(word).never_noun = true,
                ("~", word) => listed.entry(word).adjective = true,
                ("?", word) => {
                    let entry = listed.entry(word);
                    entry.adjective = true;
                    entry.judging = true;
                }
                (">", word) => listed.entry(word).object = true,
                _ => {}
            }
        }
        for word in data_lines(PARTY_LETTERS).filter_map(|line| line.split('\t').next()) {
            listed.entry(&word.trim().to_lowercase()).party = true;
        }
        for tag in party_tags() {
            listed.entry(&tag).stop = true;
        }
        let settings = data_lines(TOPIC_PLACES).map(str::to_lowercase).collect();
        let mut synonyms: rustc_hash::FxHashMap<String, Vec<String>> = rustc_hash::FxHashMap::default();
        for line in data_lines(TOPIC_SYNONYMS) {
            let group: Vec<&str> = line.split_whitespace().collect();
            for word in &group {
                let others = group.iter().filter(|other| *other != word).map(|other| other.to_string());
                synonyms.entry(word.to_string()).or_default().extend(others);
            }
        }
        CandidateWords { listed, settings, synonyms }
    }

    /// The other head nouns that name the same issue as `head` ("deal":
    /// "agreement", "accord", ...).
    pub(super) fn synonyms_of(&self, head: &str) -> &[String] {
        self.synonyms.get(head).map_or(&[], Vec::as_slice)
    }

    /// A plural noun's singular: by the spelling rules of `singular`,
    /// but a listed noun in -us drops the whole -es ("caucuses": caucus,
    /// where "causes" is cause).
    pub(super) fn singular<'w>(&self, word: &'w str) -> std::borrow::Cow<'w, str> {
        match word.strip_suffix("es") {
            Some(stem) if stem.ends_with("us") && self.listed.get(stem).plural_in_uses => std::borrow::Cow::Borrowed(stem),
            _ => singular(word),
        }
    }

    /// Whether a topic is a place an article is set in ("Charlotte").
    pub(super) fn is_setting(&self, name: &str) -> bool {
        name.starts_with(char::is_uppercase) && self.settings.contains(&name.to_lowercase())
    }

    /// Whether `lower` is a first name ("keith").
    pub(super) fn is_first_name(&self, lower: &str) -> bool {
        self.listed.get(lower).first_name
    }

    /// Whether a first name (lower case) is given mostly to women
    /// (`Some(true)`), mostly to men (`Some(false)`), or to both.
    pub(super) fn is_female_name(&self, lower: &str) -> Option<bool> {
        let listed = self.listed.get(lower);
        (listed.male != listed.female).then_some(listed.female)
    }

    /// Whether `lower` is a generational suffix ("jr", "iii").
    pub(super) fn is_name_suffix(&self, lower: &str) -> bool {
        self.listed.get(lower).name_suffix
    }

    /// Whether `lower` is a title or honorific ("president", "sen").
    pub(super) fn is_title(&self, lower: &str) -> bool {
        self.listed.get(lower).title
    }

    /// Whether a name is that of a law, treaty, deal or plan ("Trans-Pacific
    /// Partnership", "Affordable Care Act"): two words or more, the last
    /// one listed as ending such a name.
    pub(super) fn names_an_issue(&self, name: &str) -> bool {
        match name.rsplit_once(' ') {
            Some((_, last)) if name.starts_with(char::is_uppercase) && last.starts_with(char::is_uppercase) => {
                self.listed.get(&last.to_ascii_lowercase()).ends_named_issue
            }
            _ => false,
        }
    }

    /// Whether a word in -er (lower case) is the comparative of a listed
    /// adjective ("tougher", "safer", "bigger"): an adjective as its base
    /// is, heading no topic.
    fn is_comparative(&self, lower: &str) -> bool {
        let Some(stem) = lower.strip_suffix("er") else { return false };
        let adjective = |base: &str| self.listed.get(base).adjective;
        // "bigger": the doubled consonant is the comparative's.
        let undoubled = stem.len() > 2 && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2];
        adjective(stem) || adjective(&lower[..lower.len() - 1]) || (undoubled && adjective(&stem[..stem.len() - 1]))
    }

    /// Whether a hyphenated word (lower case) begins or ends with an
    /// article ("wing-the"): a dash written without spaces, joining two
    /// words of the sentence, no compound noun ("cease-fire").
    fn joins_an_article(&self, lower: &str) -> bool {
        let Some((first, rest)) = lower.split_once('-') else { return false };
        let last = rest.rsplit('-').next().unwrap_or(rest);
        self.listed.get(first).opens_title || self.listed.get(last).opens_title
    }

    /// Whether `lower` is a stop word, a place's word, an issue or a
    /// people's adjective: no given name or surname ("American Minors").
    pub(super) fn is_common(&self, lower: &str) -> bool {
        let listed = self.listed.get(lower);
        listed.stop || listed.place || listed.issue || listed.people
    }

    /// What a content said by `speaker` is about (see the module
    /// documentation).
    pub(super) fn candidate(&self, content: &str, speaker: &str) -> Option<Candidate> {
        let shouting = !content.chars().any(char::is_lowercase);
        let speaker = SpeakerWords::of(speaker);
        let mut words = Words {
            words: Vec::with_capacity(TOPIC_REACH),
            lower: String::with_capacity(content.len().min(160)),
            tokens: Tokens::new(content),
            exhausted: false,
            introduces_verb: false,
            shouting,
        };
        // What a statement is about is named early; the words of a long
        // quotation's later sentences are not searched.
        self.read(&mut words, FIRST_LOOK);
        if !words.exhausted {
            if let Some(settled) = self.name_or_issue(&words, shouting, &speaker, true) {
                return Some(settled);
            }
            self.read(&mut words, TOPIC_REACH);
            // A name the reach cuts ("to the United | States") is read
            // whole: its first words alone name something else.
            while !words.exhausted && words.words.len() < TOPIC_REACH + NAME_OVERRUN && ends_inside_name(&words.words) {
                let more = words.words.len() + 1;
                self.read(&mut words, more);
            }
        }
        self.name_or_issue(&words, shouting, &speaker, false).or_else(|| {
            let opening_name = if shouting { None } else { self.first_name(&words, &speaker).1 };
            opening_name.map(|name| Candidate { name, kind: CandidateKind::Name }).or_else(|| {
                let (_, _, name) = self.noun_phrase(&words, shouting, false)?;
                Some(Candidate { name, kind: CandidateKind::Other })
            })
        })
    }

    /// Whichever the words name first, a name or an issue noun phrase: a
    /// name in a side clause later on is not what a statement opening on
    /// an issue is about. With `settled_only`, only an answer that reading
    /// more words could not change: the two words after it were read.
    fn name_or_issue(&self, words: &Words<'_>, shouting: bool, speaker: &SpeakerWords<'_>, settled_only: bool) -> Option<Candidate> {
        let (name, _) = if shouting { (None, None) } else { self.first_name(words, speaker) };
        let issue = self.noun_phrase(words, shouting, true);
                let issue = issue.map(|(at, next, name)| (at, next, Candidate { name, kind: CandidateKind::Issue }));
        let (_, next, first) = match (name, issue) {
            (Some(name), Some(issue)) => {
                if issue.0 < name.0 {
                    issue
                } else {
                    name
                }
            }
            (name, issue) => name.or(issue)?,
        };
        (!settled_only || next + 1 < words.words.len()).then_some(first)
    }

    /// Reads the content's words up to `limit` of them, each lowered into
    /// one buffer and looked up in one probe.
    fn read(&self, words: &mut Words<'_>, limit: usize) {
        while words.words.len() < limit {
            let Some(token) = words.tokens.next() else {
                words.exhausted = true;
                return;
            };
            let start = words.lower.len();
            let mut key = KeyBuilder::new();
            let (mut chars, mut has_digit, mut has_apostrophe) = (0usize, false, false);
            if token.word.is_ascii() {
                words.lower.push_str(token.word);
                words.lower[start..].make_ascii_lowercase();
                for &b in &words.lower.as_bytes()[start..] {
                    key.push(b);
                    has_digit |= b.is_ascii_digit();
                    has_apostrophe |= b == b'\'';
                }
                chars = token.word.len();
            } else {
                for c in token.word.chars().flat_map(char::to_lowercase) {
                    let mut utf8 = [0u8; 4];
                    c.encode_utf8(&mut utf8).bytes().for_each(|b| key.push(b));
                    words.lower.push(c);
                    chars += 1;
                    has_digit |= c.is_ascii_digit();
                    has_apostrophe |= c == '\'' || c == '\u{2019}';
                }
            }
            let lower = &words.lower[start..];
            let mut listed = self.listed.get_key(key.key());
            // "Nooooo", "Sooo": a letter drawn out three times is an
            // exclamation, no word a topic is made of (in capitals, an
            // abbreviation may hold one: "KKK", "G-III").
            if !listed.stop && is_drawn_out(lower) && token.word.bytes().any(|b| b.is_ascii_lowercase()) {
                listed.stop = true;
            }
            if listed.heads_after_noun && !token.after_break {
                listed.stop = !words.words.last().is_some_and(|p| p.noun_like && !p.capitalized);
            }
            if !listed.adjective && lower.len() > 4 && lower.ends_with("er") && self.is_comparative(lower) {
                listed.adjective = true;
            }
            if !listed.stop && lower.len() > 3 && lower.ends_with('s') {
                // A plural is an issue or generic as its singular is ("agreements").
                let one = self.listed.get(&self.singular(lower));
                listed.issue |= one.issue;
                listed.generic |= one.generic;
            }
            // A contraction ("didn't", "he'll") is never a noun.
            // A listed verb is no noun; as a capitalised word it may still be
            // part of a name (`first_name` reads `name_shaped`).
            // "TAPPER: ...": a transcript's speaker label is no noun either.
            let speaker_label = token.opens_sentence && token.before_colon && !token.word.bytes().any(|b| b.is_ascii_lowercase());
            let noun_like = chars >= 2 && !has_digit && !listed.stop && !listed.never_noun && !words.introduces_verb && !has_apostrophe && !speaker_label && !self.joins_an_article(lower) && {
                let verb_like = chars > 4 && (lower.ends_with("ing") || lower.ends_with("ed"));
                let modifier_like = ["ly", "able", "ible", "ful", "ous", "less"].iter().any(|s| lower.ends_with(s));
                listed.noun_despite_ending || (!verb_like && !modifier_like)
            };
            // "you'll hear", "we're going", "didn't understand": a
            // contraction is never a noun, and the word after it a verb.
            let contraction = has_apostrophe && is_contraction(lower);
            words.introduces_verb = listed.verb_introducer || contraction;
            // "Mr. Trump", "Sen. Okafor": the full stop of a short title
            // ends an abbreviation, not a sentence.
            let after_title = words.words.last().is_some_and(|p| p.capitalized && p.listed.title && p.text.len() <= 4);
            words.words.push(Word {
                text: token.word,
                lower: (start as u32, words.lower.len() as u32),
                listed,
                after_break: token.after_break,
                capitalized: token.capitalized,
                possessive: token.possessive,
                opens_sentence: token.opens_sentence && !after_title,
                noun_like,
                name_shaped: token.capitalized && chars >= 2 && !has_digit && !contraction && !is_glued(token.word),
                after_quote: token.after_quote,
                before_quote: token.before_quote,
                before_colon: token.before_colon,
            });
        }
    }

    /// The first run of capitalised words that is a name other than the
    /// speaker's: titles and honorifics dropped ("Sen. Bernie Sanders" is
    /// Sanders), a person's name shortened to the surname so that every
    /// mention is one topic, a place or institution kept whole ("White
    /// House", "Department of Justice"), a single capitalised word opening
    /// a sentence or standing before a common noun ("Republican voters")
    /// skipped, a generic name ("America") skipped. A possessive name takes
    /// what it possesses ("Trump's tax return").
    ///
    /// Also gives the first name-like word opening a sentence, a topic
    /// when nothing better is found ("Sanders has never wavered").
    fn first_name(&self, words: &Words<'_>, speaker: &SpeakerWords<'_>) -> (Option<(usize, usize, Candidate)>, Option<String>) {
        let w = &words.words;
        let mut opening_name = None;
        let capital = |i: usize| w.get(i).is_some_and(|t| t.name_shaped);
        // A capitalised stop word ("The", "Was") is no part of a name, but a
        // place's ("New York", "United States") is.
        let stop = |i: usize| w[i].listed.stop && !w[i].listed.place;
        let title = |i: usize| w.get(i).is_some_and(|t| t.capitalized && t.listed.title);
        let is_initial = |i: usize| w[i].text.len() == 1 && w[i].capitalized;
        // "and" between a word after "the" and two more ending in an
        // institution's word ("the Rock and Roll Hall") is inside one name;
        // before a place's name ("Iowa and New Hampshire"), a given name
        // ("Clinton and Bernie Sanders"), a listed word, or after an
        // abbreviation or no "the" ("CGI and Clinton Foundation", "Medicare
        // and Social Security cuts") it joins two.
        let joins_institution = |and: usize| {
            let word = |i: usize| w.get(i).filter(|t| !t.after_break);
            and >= 2
                && words.lower(and - 2) == "the"
                && w[and - 1].text.bytes().any(|b| b.is_ascii_lowercase())
                && w[and].text == "and"
                && word(and + 1).is_some_and(|t| t.name_shaped && !t.listed.first_name && !self.is_common(words.lower(and + 1)) && !t.listed.title)
                && word(and + 2).is_some_and(|t| t.name_shaped && t.listed.place)
                && !w[and - 1].listed.first_name
        };
        // A headline in title case ("Senator To Resign"), where every
        // word of four letters or more is capitalised: its capitals tell no
        // cut name.
        let title_case = w.len() >= 3 && !w.iter().any(|t| !t.capitalized && t.text.len() >= 4);
        let mut i = 0;
        while i < w.len() {
            if let Some(end) = self.quoted_title_end(words, i) {
                return (Some((i, end, Candidate { name: self.short_name(&w[i..end], true), kind: CandidateKind::Title })), None);
            }
            // "National Rifle Association", "State Department": a title
            // that is an institution's word too opens its name, where
            // before another title it is a role ("House Speaker").
            // After "of" it ends one ("Secretary of State Okafor").
            let opens_institution = w[i].listed.place
                && capital(i + 1)
                && !title(i + 1)
                && !w[i + 1].after_break
                && !(i > 0 && words.lower(i - 1) == "of");
            if !capital(i) || (w[i].listed.title && !opens_institution) || stop(i) {
                i += 1;
                continue;
            }
            let mut start = i;
            let mut end = i + 1;
            while end < w.len() && !w[end - 1].possessive && (!w[end].after_break || title(end - 1)) {
                if title(end) && capital(end + 1) {
                    // "Michigan Gov. Rick Snyder": the name starts after it.
                    start = end + 1;
                    end += 1;
                } else if capital(end) && !stop(end) {
                    end += 1;
                } else if is_initial(end) && capital(end + 1) && w[end + 1].after_break {
                    // "Donald J. Trump": a middle initial and its full stop.
                    end += 2;
                } else if w[end].text == "of" && capital(end + 1) && end + 1 < w.len() {
                    end += 2;
                } else if w[end].text == "of" && heads_a_body(&w[end - 1]) && capital(end + 2) && !w[end + 1].after_break && words.lower(end + 1) == "the" {
                    // "Office of the Secretary of State", "Department of the
                    // Interior": an institution's word names the body it
                    // heads, article and all.
                    end += 3;
                } else if end == start + 1 && joins_institution(end) {
                    // "Rock and Roll Hall": one name, no "Rock".
                    end += 3;
                } else {
                    break;
                }
            }
            if start >= end {
                i = end;
                continue;
            }
            // "Proposition 8", "House Bill 2": the number names which one.
            if w[end - 1].listed.numbered && w.get(end).is_some_and(|t| !t.after_break && t.text.bytes().all(|b| b.is_ascii_digit())) {
                end += 1;
            }
            let mut run = &w[start..end];
            // "Republican Donald Trump": a party's or people's word before a
            // person's name is no part of it; before other words it opens a
            // name of its own ("American Community Survey").
            let person_after = |rest: &[Word<'_>]| (2..=3).contains(&rest.len()) && !rest.iter().any(|t| t.listed.place || t.text == "of");
            // A place's word ("Los Angeles", "San Jose") opens a place's
            // name, whatever given name follows.
            let party_word = run[0].listed.party || run[0].listed.people || (is_demonym(words.lower(start)) && !run[0].listed.place);
            if run.len() >= 3 && party_word && run[1].listed.first_name && person_after(&run[1..]) {
                run = &run[1..];
                start += 1;
            }
            // "Democrat Marta": so before a given name alone.
            if run.len() == 2 && party_word && run[1].listed.first_name && !run[0].possessive {
                run = &run[1..];
                start += 1;
            }
            // "Harbour Supervisor Marta Okafor", "Miss Lagos Marta Okafor":
            // words before a given name and surname, none a given name or a
            // place's word ("San Antonio Spurs"), describe the person (a
            // role, an office, a title the lists lack) and are no part of
            // the name.
            let person_end = run.iter().position(|t| t.text == "of").unwrap_or(run.len());
            if person_end >= 3 {
                let given = person_end - 2;
                let described = run[given].listed.first_name
                    && !run[given - 1].listed.first_name
                    && !run[given - 1].listed.place
                    && !run[given - 1].possessive
                    && person_after(&run[given..person_end])
                    && !self.is_common(words.lower(start + person_end - 1));
                if described {
                    run = &run[given..];
                    start += given;
                }
            }
            // "Bernie Sanders of Vermont": a person's name ends before where
            // they come from.
            if let Some(of) = run.iter().position(|t| t.text == "of") {
                if run[0].listed.first_name && person_after(&run[..of]) {
                    run = &run[..of];
                    end = start + of;
                }
            }
            let lone = run.len() == 1;
            let possessive = run[run.len() - 1].possessive;
            let before_common_noun = lone
                && !possessive
                && (start > 0 || run[0].listed.place || is_demonym(words.lower(start)))
                && w.get(end).is_some_and(|t| !t.capitalized && !t.after_break && !t.listed.stop);
            // "Presumptive Democratic nominee", "Vermont Democratic
            // leaders", "Republican Presidential victory": words ending in a
            // party's or people's adjective, or a listed adjective, narrow
            // the noun after them, and are no name.
            let modifies_noun = !lone
                && !possessive
                && !run[0].listed.first_name
                && (is_demonym(words.lower(end - 1)) || run[run.len() - 1].listed.adjective)
                && w.get(end).is_some_and(|t| !t.capitalized && !t.after_break && t.noun_like);
            // "Wisconsin Republican", "JAKE TAPPER": a place before a
            // party's member describes someone, and words all in capitals
            // in a content in small letters are a transcript's speaker or
            // a headline's, no name.
            let describes_member = !lone && !possessive && run[run.len() - 1].listed.generic && is_demonym(words.lower(end - 1));
            let all_capitals = run.iter().all(|t| t.text.len() >= 2 && !t.text.bytes().any(|b| b.is_ascii_lowercase()));
            let shouted = !lone && all_capitals;
            // "TAPPER: Do you think so?": a sentence opening on a word in
            // capitals and a colon opens on a transcript's speaker label;
            // what follows is what they say, not what it is about.
            let speaker_label = all_capitals && run[0].opens_sentence && run[run.len() - 1].before_colon;
            if modifies_noun || describes_member || shouted || speaker_label || self.describes_one(words, run, end) {
                i = end;
                continue;
            }
            // "Super Tuesday", "Second Amendment", "Tales From the Crypt": a
            // capitalised listed word within the sentence, right before or
            // after a lone word, is part of a longer name the lists cut;
            // the word left is no name of its own. So is a token glued to
            // a widget's text ("SmithShareLikeReply"). A capitalised article
            // opens a name it is no part of ("The Post").
            let capital_stop = |j: usize| {
                w[j].capitalized && !w[j].opens_sentence && ((stop(j) && !w[j].listed.title) || is_glued(w[j].text))
            };
            let cut_name = lone
                && !possessive
                && !title_case
                && ((end < w.len() && !w[end].after_break && capital_stop(end))
                    || (start > 0 && !w[start].after_break && capital_stop(start - 1) && words.lower(start - 1) != "the"));
            // "FBI Director", "Madam Secretary": a run ending in a title
            // names a role, and the title is no surname (an institution's
            // name may end in one: "White House", "Department of Justice").
            let role = !possessive
                && run[run.len() - 1].listed.title
                && !run.iter().any(|t| t.listed.place || t.text == "of");
            if cut_name || role {
                i = end;
                continue;
            }
            // "CNN's Anderson Cooper", "the Post's Greg Sargent": an owner
            // before a name says whose the name is; the name is the topic
            // (a people's adjective is no name: "Okafor's Nigerian roots").
            if possessive && w.get(end).is_some_and(|t| t.name_shaped && !t.after_break && !t.listed.stop && !t.listed.title && !t.listed.people) {
                i = end;
                continue;
            }
            let opening_word = lone && run[0].opens_sentence;
            // "African Americans", "House Democrats" are shaped like a
            // person's name, but a people's plural ending them makes none
            // (a named plan or deal, "Clean Power Plan", stays).
            let generic_surname = !possessive && run[run.len() - 1].listed.generic && words.lower(end - 1).ends_with('s');
            let own_or_generic = (speaker.holds(run[run.len() - 1].text) && !possessive)
                || ((lone || generic_surname) && run[run.len() - 1].listed.generic)
                || (lone && !possessive && run[0].listed.people)
                || (!possessive && self.is_generic_place(words, start, end));
            if own_or_generic {
                i = end;
                continue;
            }
            // "Compare him to Okafor", "Thank you": a word opening a
            // sentence before an object is a verb, whatever its case
            // elsewhere; the name may come after it.
            if opening_word && w.get(end).is_some_and(|t| !t.after_break && t.listed.object) {
                i = end;
                continue;
            }
            if opening_word && start == 0 && self.looks_like_a_name(run[0].listed, words.lower(start)) && !before_common_noun {
                // A content's first word is rarely a sentence's first word
                // ("[said] Putin may agree").
                let (next, name) = self.with_possessed(words, run, end);
                return (Some((start, next, Candidate { name, kind: CandidateKind::Name })), None);
            }
            if opening_word && !stop(start) && !before_common_noun && opening_name.is_none() && run[0].noun_like {
                opening_name = Some(run[0].text.to_string());
            }
            if (lone && (run[0].opens_sentence || stop(start))) || before_common_noun {
                i = end;
                continue;
            }
            let (next, name) = self.with_possessed(words, run, end);
            return (Some((start, next, Candidate { name, kind: CandidateKind::Name })), None);
        }
        (None, opening_name)
    }

    /// Whether a run of two words is a people's adjective before a word
    /// for one of its people or creed ("a French Islamist", "an African
    /// American"): it describes someone, and names no one. The plural
    /// ("American Muslims") is a group, a topic.
    fn describes_one(&self, words: &Words<'_>, run: &[Word<'_>], end: usize) -> bool {
        let last = words.lower(end - 1);
        run.len() == 2
            && run[0].listed.people
            && !run[1].possessive
            && !last.ends_with('s')
            && (run[1].listed.people || is_demonym(last) || last.ends_with("ist"))
    }

    /// Whether the words `start..end` are a place too general to be a topic
    /// ("United States", "United States of America",
    /// `data/generic_topics.txt`): two to four words, each a place's or
    /// "of".
    fn is_generic_place(&self, words: &Words<'_>, start: usize, end: usize) -> bool {
        if !(2..=4).contains(&(end - start))
            || !words.words[start..end].iter().all(|w| w.listed.place || w.text == "of")
        {
            return false;
        }
        let mut name = String::from(words.lower(start));
        for i in start + 1..end {
            name.push(' ');
            name.push_str(words.lower(i));
        }
        self.listed.get(&name).generic
    }

    /// A name's topic: its short name, followed by the noun phrase it
    /// possesses when it is possessive ("Trump's tax return").
    fn with_possessed(&self, words: &Words<'_>, run: &[Word<'_>], end: usize) -> (usize, String) {
        // "the Black Lives Matter movement": three words after "the", no
        // given name first, are a movement's or a body's name, where a
        // person's is written without it; its last word alone would cut it.
        let start = end - run.len();
        let after_the = run.len() == 3 && start > 0 && words.lower(start - 1) == "the" && !run[0].listed.first_name;
        let name = self.short_name(run, after_the);
        if !run[run.len() - 1].possessive {
            return (end, name);
        }
        let w = &words.words;
        let phrase_end = (end..w.len())
            .find(|&j| !w[j].noun_like || w[j].possessive || (j > end && w[j].after_break) || w[j].opens_sentence)
            .unwrap_or(w.len());
        if phrase_end == end || w[end].after_break {
            return (end, name);
        }
        let from = end.max(phrase_end.saturating_sub(2));
        // A generic owner ("the Wisconsin Republican's name") is no topic
        // alone.
        if !run[run.len() - 1].listed.generic && self.possesses_nothing_particular(&w[from..phrase_end]) {
            return (phrase_end, name);
        }
        (phrase_end, format!("{name}'s {}", self.phrase_name(words, from, phrase_end)))
    }

    /// Whether what a name possesses is only a generic noun, perhaps after
    /// an adjective ("Okafor's comment", "the mayor's sharp answer"): the
    /// owner is what the statement is about, where "Okafor's comment"
    /// would make a topic of one statement. An issue's word ("the EU's
    /// deal") names something of its own.
    fn possesses_nothing_particular(&self, possessed: &[Word<'_>]) -> bool {
        possessed.last().is_some_and(|head| head.listed.generic && !head.listed.issue) && possessed.iter().all(|t| t.listed.generic || t.listed.adjective)
    }

    /// Whether a capitalised word that may only open a sentence is still a
    /// name: not a stop word or an issue, nor shaped like a common noun,
    /// verb or adverb ("Sanctions", "Immigration", "Clearly").
    fn looks_like_a_name(&self, listed: Listed, lower: &str) -> bool {
        const COMMON_ENDINGS: [&str; 16] = [
            "tion", "tions", "ment", "ments", "ness", "ity", "ities", "ing", "ed", "ly", "ism", "ist", "ists", "ance",
            "ence", "ship",
        ];
        !listed.stop && !listed.issue && !listed.never_singular && !COMMON_ENDINGS.iter().any(|e| lower.ends_with(e))
    }

    /// Where a title in quotation marks opening at word `i` ends ("''Rush
    /// Hour,''", "“Tales From the Crypt”"): two to six words inside the
    /// marks, capitalised but for short function words, the last one
    /// capitalised. A title is named whole; its words are no person's
    /// name ("Rush" is a given name) and no sentence.
    fn quoted_title_end(&self, words: &Words<'_>, i: usize) -> Option<usize> {
        let w = &words.words;
        // "Senator Cruz", "Thank you Georgia": a title's first word is
        // no title of a person's, nor a stop word but an article's.
        let opens_title = w[i].name_shaped && !w[i].listed.title && (!w[i].listed.stop || w[i].listed.opens_title);
        if words.shouting || !w[i].after_quote || !opens_title {
            return None;
        }
        for j in i + 1..w.len().min(i + QUOTED_TITLE_WORDS) {
            let small_word = !w[j].capitalized && w[j].listed.title_small_word;
            if w[j].after_break || w[j].possessive || !(w[j].name_shaped || small_word) {
                return None;
            }
            if w[j].before_quote {
                // "MAKE MEXICO GREAT AGAIN": shouted, no title.
                let shouted = w[i..=j].iter().all(|t| !t.text.bytes().any(|b| b.is_ascii_lowercase()));
                return (w[j].name_shaped && !shouted).then_some(j + 1);
            }
        }
        None
    }

    /// A person's surname, or a place's or institution's whole name; a
    /// title (`whole`) as written.
    fn short_name(&self, run: &[Word<'_>], whole: bool) -> String {
        // "Border Patrol", "Minimum Wage": an issue's word before the last
        // makes a body's or a law's name; a people's adjective a place's
        // ("Saudi Arabia") or a programme's or a body's ("Central American
        // Minors"), never a person's, unless it is a given name too.
        let person = !whole
            && (2..=3).contains(&run.len())
            && !run.iter().any(|w| w.listed.place || w.text == "of" || w.text.bytes().all(|b| b.is_ascii_digit()))
            && !run.iter().any(|w| w.listed.people && !w.listed.first_name)
            && !run[..run.len() - 1].iter().any(|w| w.listed.issue && !w.listed.first_name);
        if person {
            return run[run.len() - 1].text.to_string();
        }
        let mut name = String::new();
        for (k, word) in run.iter().enumerate() {
            if k > 0 {
                name.push(' ');
            }
            name.push_str(word.text);
        }
        name
    }

    /// The first common noun phrase: an issue's (`issues_only`), else any
    /// whose head is no generic noun, or whose modifier is none ("foreign
    /// policy" narrows "policy" to something a statement can be about).
    fn noun_phrase(&self, words: &Words<'_>, shouting: bool, issues_only: bool) -> Option<(usize, usize, String)> {
        let w = &words.words;
        let mut run_start = 0;
        let mut proper = false;
        // The run opens on a name narrowing an issue ("a Trump candidacy"):
        // the issue's word is among the words after it ("Police announce"
        // is a subject and its verb).
        let mut opens_on_name = false;
        for i in 0..=w.len() {
            let usable = i < w.len() && !w[i].possessive && w[i].noun_like;
            let ends_run = i == w.len() || w[i].after_break || !usable;
            // An adjective ending the run ("voters overall") heads nothing:
            // the phrase ends before it.
            let mut end = i;
            while ends_run && end > run_start && w[end - 1].listed.adjective {
                end -= 1;
            }
            if ends_run && end > run_start && !proper {
                let (mut from, head) = (run_start.max(end.saturating_sub(2)), end - 1);
                // After an adverb of manner ("politically correct
                // military", "fiscally sound budget") the run's first word
                // is an adjective, not a noun the head is compounded with.
                if from == run_start && from < head && from > 0 && is_manner_adverb(words.lower(from - 1)) {
                    from += 1;
                }
                from = after_judging_word(&w[..end], from);
                let issue_from = if opens_on_name { from.max(run_start + 1) } else { from };
                let accepted = if issues_only {
                    w[issue_from..end].iter().any(|t| t.listed.issue) && !(from == head && w[head].listed.generic)
                } else {
                    (!w[head].listed.generic || (from < head && !w[from].listed.generic)) && words.lower(head).len() >= 3
                };
                if accepted {
                    return Some((from, end, self.phrase_name(words, from, end)));
                }
            }
            if ends_run {
                run_start = if usable { i } else { i + 1 };
                proper = false;
                opens_on_name = false;
            }
            if usable {
                // "a Trump candidacy", "the Iowa caucuses": a name opening
                // a run of common nouns narrows an issue among them, and is
                // part of its topic; before other nouns ("Trump supporters
                // cheered", "Trump represents") it is a name or a subject.
                // A party's or people's word ("the Republican nomination",
                // "under Ukrainian law") names no one the issue is narrowed
                // to: the run stays no topic, as before any noun.
                let people = w[i].listed.people || (w[i].listed.place && is_demonym(words.lower(i)));
                let narrows_issue = issues_only
                    && i == run_start
                    && !people
                    && w.get(i + 1).is_some_and(|next| !next.after_break && !next.capitalized && next.noun_like && !next.possessive);
                if narrows_issue && w[i].capitalized && !w[i].opens_sentence && !shouting {
                    opens_on_name = true;
                }
                // A capital opening a sentence ("Sanctions are working")
                // makes no name.
                proper |= w[i].capitalized && !shouting && !w[i].opens_sentence && !narrows_issue;
            }
        }
        None
    }

    /// The words `from..to` as a topic: lower case, a name as written, the
    /// head made singular unless it is a name or listed as never singular.
    fn phrase_name(&self, words: &Words<'_>, from: usize, to: usize) -> String {
        let mut name = String::new();
        for i in from..to {
            let word = &words.words[i];
            if i > from {
                name.push(' ');
            }
            // An abbreviation keeps its capitals ("GOP debate", "ISIS").
            let keep_case = (word.capitalized && !word.opens_sentence && word.text.chars().skip(1).any(char::is_lowercase))
                || (!words.shouting && is_abbreviation(word.text));
            let text = if keep_case { word.text } else { words.lower(i) };
            if i + 1 == to && !keep_case && !word.listed.never_singular {
                name.push_str(&self.singular(text));
            } else {
                name.push_str(text);
            }
        }
        name
    }
}
