//! Topics within one document: recurrence, fullest names, references back.

use super::candidate::{is_glued, Candidate, CandidateKind, CandidateWords};
use super::{TopicMatcher, TopicTag};
use crate::extract::tokens::is_alnum;
use rustc_hash::{FxHashMap, FxHashSet};

/// Topics within one document: an automatic topic other than an issue
/// noun phrase must have a word mentioned twice in the document (a name
/// or noun said once in passing is not what the article is about, and
/// would make a topic of its own); a person's topic carries the fullest
/// name the document gives; a content with no name or issue of its own
/// that refers back ("it", "this", "he") takes those of the sentence
/// before; a statement that names no topic at all is filed under the
/// article's main topic (`main_topic`).
pub struct DocumentTopics<'a> {
    matcher: &'a TopicMatcher,
    text: &'a str,
    /// Where full names are looked for: the text without a headline in
    /// title case, whose capitals make names of verbs ("ESPN Fires
    /// Schilling").
    names_text: &'a str,
    /// Each automatic topic seen so far: the name it is tagged with (a
    /// surname's fullest name), or none when it does not recur in the text.
    automatic: FxHashMap<String, Option<String>>,
    /// The text with ASCII letters lowered, made at the first need.
    lowered: Option<Vec<u8>>,
    /// Whether each word looked for is mentioned twice: topics of one
    /// document share their words ("Trump", "Trump's tax return").
    recurring_words: FxHashMap<String, bool>,
    /// Whether each one-word name looked at is written in lower case more
    /// often than capitalised (see `written_mostly_lower`).
    mostly_lower: FxHashMap<String, bool>,
    /// Each name looked at as what "he" or "she" refers to: none where it
    /// is no person's, else the sex its first name is given mostly to, if
    /// any (`Some(true)` a woman's; see `may_be_person`).
    person_sexes: FxHashMap<String, Option<Option<bool>>>,
    /// Each topic given so far: how many statements it was given to, and
    /// how many topics were given before it first was.
    given: FxHashMap<String, Given>,
    /// How many statements each speaker said (by the name they are given).
    spoken: FxHashMap<String, usize>,
}

/// A document's topics once every statement is tagged (see
/// `DocumentTopics::settled`), borrowing their names.
pub struct SettledTopics<'t> {
    /// A plain noun phrase's topic -> the fuller topic it joins.
    joined: FxHashMap<&'t str, &'t str>,
    /// The head noun of each common-noun topic, and each synonym of it
    /// (lower case) -> the topic given most with it ("deal" -> "peace deal").
    heads: FxHashMap<&'t str, &'t str>,
    main: Option<&'t str>,
    /// The common-noun topics ("complaint"), possessed things ("Trump's
    /// flurry") and issues a name narrows ("Trump candidacy") given to one
    /// statement only and joining no other: a statement tagged with one
    /// takes a topic of its article that its content names, if any, so
    /// that the article's topics, not a topic of one statement, gather
    /// what it says.
    said_once: FxHashSet<&'t str>,
    /// A possessed thing or narrowed issue said once -> the topic of its
    /// owner, where the article has one ("Trump's remark", "Trump
    /// candidacy" -> "Donald Trump").
    owners: FxHashMap<&'t str, &'t str>,
    /// A topic said once -> the topic of its article, not said once, that
    /// shares a word with it ("campaign tone" -> "Trump's campaign"): the
    /// same issue in other words, where its own name would make a topic
    /// of one statement.
    related: FxHashMap<&'t str, &'t str>,
    /// The names among the topics (no possessed thing, none said once),
    /// each with the word a content names it by ("Trump" of "Donald
    /// Trump", the whole name of "White House") and its statement count.
    names: Vec<(&'t str, &'t str, usize)>,
    /// The topics said once that are a plain noun phrase, no issue's
    /// ("sense", "natural tension"): said in passing, they give way to the
    /// main topic too.
    in_passing: FxHashSet<&'t str>,
    /// The names among `names` that are a person's with a first name
    /// given mostly to one sex: the name, whether a woman's, and its
    /// statement count, in the order given.
    people: Vec<(&'t str, bool, usize)>,
    /// How plurals are made singular.
    words: &'t CandidateWords,
}

impl SettledTopics<'_> {
    /// The topic a statement with this content, tagged with `topic`, ends
    /// with. With a possessed thing said once: its owner's topic. Without
    /// a topic of its own, or with one said once (see `said_once`): the
    /// topic of the article that one of its first words heads ("a deal was
    /// unlikely": "peace deal"), else the name topic it mentions, the one
    /// given most; else its own topic said once, unless said in passing
    /// (see `in_passing`); else the main topic, even where that is the
    /// speaker (what a candidate says of nothing in particular is about
    /// their campaign).
    pub fn topic_of(&self, topic: Option<String>, content: &str) -> Option<String> {
        self.topic_of_said_by(topic, content, "")
    }

    /// `topic_of` for a content said by `speaker`: before the main topic,
    /// the person a "he" or "she" of its first words refers to, other
    /// than the speaker (see `person_referred_to`).
    pub fn topic_of_said_by(&self, topic: Option<String>, content: &str, speaker: &str) -> Option<String> {
        let fallback = || self.person_referred_to(content, speaker).or(self.main);
        match topic {
            Some(name) if self.said_once.contains(name.as_str()) => {
                let found = self
                    .owners
                    .get(name.as_str())
                    .copied()
                    .or_else(|| self.head_topic(content, &name))
                    .or_else(|| self.related.get(name.as_str()).copied())
                    .or_else(|| self.named_topic(content));
                let found = if self.in_passing.contains(name.as_str()) { found.or_else(fallback) } else { found };
                Some(found.map_or(name, str::to_string))
            }
            Some(name) => Some(match self.joined.get(name.as_str()) {
                Some(fuller) => fuller.to_string(),
                None => name,
            }),
            None => self.head_topic(content, "").or_else(|| self.named_topic(content)).or_else(fallback).map(str::to_string),
        }
    }

    /// The person topic of the article a third-person pronoun among the
    /// content's first words refers to ("help her defeat him"): for the
    /// first such pronoun whose sex some person topic other than the
    /// speaker's has, the main topic when it is that person, else the one
    /// given most. A pronoun is read as the speaker's own where the
    /// speaker's first name has its sex ("he'll do everything he can").
    fn person_referred_to(&self, content: &str, speaker: &str) -> Option<&str> {
        if self.people.is_empty() {
            return None;
        }
        let speaker_female = speaker.split(' ').next().and_then(|first| self.words.is_female_name(&first.to_lowercase()));
        for word in content.split_whitespace().take(PRONOUN_REACH) {
            let word = word.trim_matches(|c: char| !c.is_alphabetic());
            let female = match word.to_ascii_lowercase().as_str() {
                "he" | "him" | "his" | "himself" => false,
                "she" | "her" | "hers" | "herself" => true,
                _ => continue,
            };
            if speaker_female == Some(female) {
                continue;
            }
            let of_sex = || self.people.iter().filter(move |(name, sex, _)| *sex == female && !same_person(name, speaker));
            if let Some(main) = self.main.filter(|main| of_sex().any(|(name, _, _)| name == main)) {
                return Some(main);
            }
            // max_by_key keeps the last maximum; reversing keeps the first given.
            if let Some((name, _, _)) = of_sex().rev().max_by_key(|(_, _, statements)| *statements) {
                return Some(name);
            }
        }
        None
    }

    /// The name topic the content mentions (by its word, see `names`),
    /// the one given most, the first listed of equals.
    fn named_topic(&self, content: &str) -> Option<&str> {
        let mut best: Option<(&str, usize)> = None;
        for &(name, word, statements) in &self.names {
            if best.is_some_and(|(_, most)| most >= statements) || !mentions(content, word) {
                continue;
            }
            best = Some((name, statements));
        }
        best.map(|(name, _)| name)
    }

    /// The topic one of the content's first words heads, other than
    /// `own`. Heads are common nouns: the words are read by ASCII bytes,
    /// lowered in place.
    fn head_topic(&self, content: &str, own: &str) -> Option<&str> {
        if self.heads.is_empty() {
            return None;
        }
        let bytes = content.as_bytes();
        let mut lower = [0u8; LONGEST_HEAD];
        let (mut at, mut seen) = (0, 0);
        while at < bytes.len() && seen < HEAD_REACH {
            if !bytes[at].is_ascii_alphanumeric() {
                at += 1;
                continue;
            }
            let start = at;
            while at < bytes.len() && bytes[at].is_ascii_alphanumeric() {
                at += 1;
            }
            let word = &bytes[start..at];
            if word.len() < 3 {
                continue;
            }
            seen += 1;
            if word.len() > LONGEST_HEAD {
                continue;
            }
            // Most words are lower case already: the content's own slice
            // then, with no copy to make and check for UTF-8.
            let lower = if word.iter().any(u8::is_ascii_uppercase) {
                for (to, from) in lower.iter_mut().zip(word) {
                    *to = from.to_ascii_lowercase();
                }
                std::str::from_utf8(&lower[..word.len()]).expect("ASCII bytes")
            } else {
                &content[start..at]
            };
            // "talks" heads "talks", "deals" heads "peace deal".
            let found = self.heads.get(lower).or_else(|| lower.ends_with('s').then(|| self.heads.get(self.words.singular(lower).as_ref())).flatten());
            if let Some(topic) = found.filter(|topic| **topic != own) {
                return Some(topic);
            }
        }
        None
    }
}

/// How many mentions of a one-word name are read to tell whether the text
/// writes it in lower case more often (`written_mostly_lower`).
const MOST_MENTIONS_READ: usize = 16;

/// How many words of a content are read for a pronoun referring to a
/// person (`person_referred_to`).
const PRONOUN_REACH: usize = 12;

/// How many words may stand before a person's full name that opens a
/// content ("Republican nominee", see `opens_on_person_in_full`).
const OPENING_NAME_REACH: usize = 3;

/// The longest head noun looked up, in bytes.
const LONGEST_HEAD: usize = 24;

/// How many words of a content with no topic of its own are looked up as
/// the head of one of its article's topics.
const HEAD_REACH: usize = 12;

/// How a topic was given within a document.
#[derive(Debug, Clone, Copy)]
struct Given {
    statements: usize,
    order: usize,
    /// A defined topic, a name or an issue: a plain noun phrase ("lead",
    /// "troop") is no article's subject.
    strong: bool,
    /// A title in quotation marks ("Stop Trump"): the article's main topic
    /// only where it has no other.
    title: bool,
}

/// What kind of topic a statement was tagged with: the `strong` and
/// `title` of its `Given`.
#[derive(Debug, Clone, Copy)]
struct TagKind {
    strong: bool,
    title: bool,
}

impl TagKind {
    const DEFINED: TagKind = TagKind { strong: true, title: false };
}

impl<'a> DocumentTopics<'a> {
    pub fn new(matcher: &'a TopicMatcher, text: &'a str) -> Self {
        let first_line_end = text.find('\n').unwrap_or(0);
        let names_text = if is_title_case(&text[..first_line_end]) { &text[first_line_end..] } else { text };
        DocumentTopics {
            matcher,
            text,
            names_text,
            automatic: FxHashMap::default(),
            lowered: None,
            recurring_words: FxHashMap::default(),
            mostly_lower: FxHashMap::default(),
            person_sexes: FxHashMap::default(),
            given: FxHashMap::default(),
            spoken: FxHashMap::default(),
        }
    }

    /// What the article is about: of the strong topics given so far (see
    /// `Given`), a person or issue before a place the article is set in
    /// ("Charlotte"), then one its first line (the headline) names; the one
    /// given to most statements (a person's counting those they said: an
    /// article quoting someone most is about them), the first given of
    /// equals. A statement that names nothing of its own ("so far so
    /// good", "a leopard doesn't change its spots") takes a position on it.
    pub fn main_topic(&self) -> Option<&str> {
        let first_line = self.text.lines().next().unwrap_or("");
        let (name, _) = self.given.iter().filter(|(_, given)| given.strong).max_by_key(|(name, given)| {
            let setting = self.matcher.words.is_setting(name);
            (!setting, names_any_word(first_line, name), !given.title, given.statements + self.said_by(name), std::cmp::Reverse(given.order))
        })?;
        Some(name.as_str())
    }

    /// How many statements the person a topic names said: those of the
    /// speakers with its first and last words ("Hillary Rodham Clinton"
    /// for "Hillary Clinton"); none for a topic of one word or a possessed
    /// thing.
    fn said_by(&self, name: &str) -> usize {
        if !name.contains(' ') || !name.starts_with(char::is_uppercase) || has_possessive(name) {
            return 0;
        }
        // The name's ends found once, not again for each speaker.
        let ends = first_and_last(name);
        self.spoken.iter().filter(|(speaker, _)| !speaker.is_empty() && first_and_last(speaker) == ends).map(|(_, n)| n).sum()
    }

    /// How the document's topics stand once every statement is tagged:
    /// a plain noun phrase joins the fuller topic of the document that holds
    /// all its words and is given at least as often ("tax" and "tax
    /// return" join "Trump's tax return": one issue, not three), and a
    /// statement with no topic takes the main topic.
    pub fn settled(&self) -> SettledTopics<'_> {
        let topics: Vec<(&str, &Given, Vec<&str>)> = self
            .given
            .iter()
            .map(|(name, given)| (name.as_str(), given, name.split(' ').map(|w| w.strip_suffix("'s").unwrap_or(w)).collect()))
            .collect();
        let mut joined: FxHashMap<&str, &str> = FxHashMap::default();
        for (name, given, own) in topics.iter().filter(|(name, given, _)| is_common_noun_topic(name, given)) {
            let fuller = topics
                .iter()
                .filter(|(other, more, theirs)| {
                    other.len() > name.len()
                        && more.statements >= given.statements
                        && own.iter().all(|w| theirs.iter().any(|t| t.eq_ignore_ascii_case(w)))
                })
                .max_by_key(|(_, more, _)| (more.statements, std::cmp::Reverse(more.order)));
            if let Some((fuller, _, _)) = fuller {
                joined.insert(name, fuller);
            }
        }
        let main = self.main_topic().map(|main| joined.get(main).copied().unwrap_or(main));
        // A quoted title ("Harbor Lights") said once is mentioned in
        // passing as a plain noun is: a topic of one statement that a
        // reader cannot follow across articles.
        let said_once = topics
            .iter()
            .filter(|(name, given, _)| {
                given.statements == 1
                    && (is_common_noun_topic(name, given) || given.title || owner_of(name).is_some())
                    && !joined.contains_key(name)
                    && !self.matcher.is_defined(name)
            })
            .map(|(name, _, _)| *name)
            .collect::<FxHashSet<&str>>();
        let in_passing: FxHashSet<&str> = topics
            .iter()
            .filter(|(name, given, _)| !given.strong && said_once.contains(name))
            .map(|(name, _, _)| *name)
            .collect();
        // Each head (and each of its synonyms) -> the topic given most
        // with it, the first given of equals (a topic said once too: "a
        // truce" is the "immediate ceasefire" called for once). A noun
        // said once in passing heads nothing: its own statement gives it
        // up for the main topic, and another taking it would make it a
        // topic of one statement still ("a valedictory address").
        let mut heads: FxHashMap<&str, (&str, (usize, std::cmp::Reverse<usize>))> = FxHashMap::default();
        for (name, given, _) in topics.iter().filter(|(name, _, _)| !joined.contains_key(name) && !in_passing.contains(name)) {
            let Some(head) = name.rsplit(' ').next().filter(|head| head.starts_with(char::is_lowercase)) else { continue };
            let rank = (given.statements, std::cmp::Reverse(given.order));
            for head in std::iter::once(head).chain(self.matcher.words.synonyms_of(head).iter().map(String::as_str)) {
                let known = heads.entry(head).or_insert((name, rank));
                if rank > known.1 {
                    *known = (name, rank);
                }
            }
        }
        let heads = heads.into_iter().map(|(head, (name, _))| (head, name)).collect();
        let mut owners = FxHashMap::default();
        for name in &said_once {
            let Some(owner) = owner_of(name) else { continue };
            let found = topics
                .iter()
                .filter(|(other, _, _)| !has_possessive(other) && (*other == owner || other.strip_suffix(owner).is_some_and(|rest| rest.ends_with(' '))))
                .max_by_key(|(_, given, _)| (given.statements, std::cmp::Reverse(given.order)));
            if let Some((other, _, _)) = found {
                owners.insert(*name, *other);
            }
        }
        let mut related = FxHashMap::default();
        for (name, _, own) in topics.iter().filter(|(name, _, _)| said_once.contains(name) && !owners.contains_key(name)) {
            let shares = |theirs: &Vec<&str>| own.iter().any(|w| w.len() >= 3 && theirs.iter().any(|t| t.eq_ignore_ascii_case(w)));
            let found = topics
                .iter()
                .filter(|(other, _, theirs)| !said_once.contains(other) && !joined.contains_key(other) && shares(theirs))
                .max_by_key(|(_, given, _)| (given.statements, std::cmp::Reverse(given.order)));
            if let Some((other, _, _)) = found {
                related.insert(*name, *other);
            }
        }
        let mut names: Vec<(&str, &str, usize, usize)> = topics
            .iter()
            .filter(|(name, given, _)| given.strong && name.starts_with(char::is_uppercase) && !has_possessive(name) && !said_once.contains(name))
            .map(|(name, given, _)| {
                // A person is mentioned by the surname, a place or
                // institution by its whole name.
                let person = name.split_once(' ').is_some_and(|(first, _)| self.matcher.words.is_first_name(&first.to_lowercase()));
                let word = if person { name.rsplit(' ').next().unwrap_or(name) } else { name };
                (*name, word, given.statements, given.order)
            })
            .collect();
        // In the order given, so that the first given of equals wins.
        names.sort_by_key(|&(_, _, _, order)| order);
        let names: Vec<(&str, &str, usize)> = names.into_iter().map(|(name, word, statements, _)| (name, word, statements)).collect();
        let people = names
            .iter()
            .filter_map(|&(name, _, statements)| {
                let (first, _) = name.split_once(' ')?;
                let female = self.matcher.words.is_female_name(&first.to_lowercase())?;
                Some((name, female, statements))
            })
            .collect();
        SettledTopics { joined, heads, main, said_once, owners, related, names, in_passing, people, words: &self.matcher.words }
    }

    /// The topic of a statement (see `tag`), counted towards the main topic.
    pub fn tag_and_count(&mut self, content: &str, sentence_before: &str, speaker: &str) -> Option<TopicTag> {
        if !speaker.is_empty() {
            match self.spoken.get_mut(speaker) {
                Some(n) => *n += 1,
                None => {
                    self.spoken.insert(speaker.to_string(), 1);
                }
            }
        }
        let (tag, kind) = self.tag_with_strength(content, sentence_before, speaker)?;
        if let Some(given) = self.given.get_mut(&tag.name) {
            given.statements += 1;
        } else {
            let order = self.given.len();
            self.given.insert(tag.name.clone(), Given { statements: 1, order, strong: kind.strong, title: kind.title });
        }
        Some(tag)
    }

    /// The topic of a statement with this content said by `speaker` (never
    /// the speaker's own name), `sentence_before` being the sentence before
    /// the content's first word.
    pub fn tag(&mut self, content: &str, sentence_before: &str, speaker: &str) -> Option<TopicTag> {
        self.tag_with_strength(content, sentence_before, speaker).map(|(tag, _)| tag)
    }

    /// `tag`, and what kind of topic it is (see `Given`).
    fn tag_with_strength(&mut self, content: &str, sentence_before: &str, speaker: &str) -> Option<(TopicTag, TagKind)> {
        if let Some(name) = self.matcher.defined_topic(content) {
            return Some((TopicTag { name: name.to_string(), automatic: false }, TagKind::DEFINED));
        }
        let candidate = match self.matcher.candidate(content, speaker) {
            Some(named) if named.kind != CandidateKind::Other => Some(named),
            // "it is far too old": what "it" is was named before.
            // A headline in title case makes a name of every word ("Old
            // Hands Help Russia").
            weak if refers_back(content) && !is_title_case(sentence_before) => {
                if let Some(name) = self.matcher.defined_topic(sentence_before) {
                    return Some((TopicTag { name: name.to_string(), automatic: false }, TagKind::DEFINED));
                }
                let before = self.matcher.candidate(sentence_before, speaker).filter(|c| c.kind != CandidateKind::Other);
                // "he", "her": a person, of that sex; what the sentence
                // before names otherwise ("Michigan", "the judge") is left
                // for the person the pronoun refers to in the article.
                let before = match personal_pronoun(content) {
                    Some(female) => before.filter(|c| self.may_be_person(&c.name, c.kind, female)),
                    None => before,
                };
                // "his temper" after a sentence naming Okafor is
                // "Okafor's temper": what he has, not Okafor alone.
                let owner = before.as_ref().filter(|c| c.kind == CandidateKind::Name && !has_possessive(&c.name));
                let possessed = owner.and_then(|owner| self.possessed_by(content, &owner.name, speaker));
                possessed.or(before).or(weak)
            }
            weak => weak,
        }?;
        // "Paris Attacks Highlight Threat": four capitalised words or more
        // that only a headline in title case holds are its words, no name.
        if candidate.kind == CandidateKind::Name && is_headline_run(&candidate.name) && !self.names_text.contains(candidate.name.as_str()) {
            return None;
        }
        // "Credit scores" opening a content: a word the text writes more
        // often in lower case is a common noun, no name; the content is
        // read again with it in lower case ("credit scores").
        if candidate.kind == CandidateKind::Name && self.written_mostly_lower(&candidate.name) {
            let at = word_at(content, &candidate.name)?;
            let mut lowered = content.to_string();
            lowered[at..at + candidate.name.len()].make_ascii_lowercase();
            return self.tag_with_strength(&lowered, sentence_before, speaker);
        }
        let kind = TagKind { strong: candidate.kind != CandidateKind::Other, title: candidate.kind == CandidateKind::Title };
        if let Some(known) = self.automatic.get(&candidate.name) {
            return known.clone().map(|name| (TopicTag { name, automatic: true }, kind));
        }
        // An issue noun phrase is a topic however often the text names it;
        // a name or another noun phrase said once in passing is not.
        // So is a named law, treaty or deal ("Trans-Pacific Partnership").
        let keep = candidate.kind == CandidateKind::Issue
            || self.recurs_in_text(&candidate.name)
            || self.matcher.words.names_an_issue(&candidate.name);
        let full = self.fullest_name(&candidate.name);
        let keep = keep || (candidate.kind == CandidateKind::Name && self.opens_on_person_in_full(content, &full));
        let name = keep.then_some(full);
        self.automatic.insert(candidate.name, name.clone());
        name.map(|name| (TopicTag { name, automatic: true }, kind))
    }

    /// Whether a candidate named in the sentence before may be the person
    /// a "he" (`female` false) or "she" refers to: a name, no place, law
    /// or possessed thing, and where the text gives it a first name, one
    /// not given mostly to the other sex.
    fn may_be_person(&mut self, name: &str, kind: CandidateKind, female: bool) -> bool {
        // "Rubio's biggest problem": its owner is who "his" may be.
        let name = name.split_once("'s ").map_or(name, |(owner, _)| owner);
        if kind != CandidateKind::Name {
            return false;
        }
        if let Some(&known) = self.person_sexes.get(name) {
            return known.is_some_and(|sex| sex != Some(!female));
        }
        let words = &self.matcher.words;
        let person = if has_possessive(name) || words.is_setting(name) || words.names_an_issue(name) {
            None
        } else {
            let full = self.fullest_name(name);
            // "Ghazala Khan": a given name the list lacks still makes a
            // person's name, where a common word makes none ("Democratic
            // Party").
            let mut names = full.split(' ').map(str::to_lowercase);
            let first = names.next().unwrap_or_default();
            (!words.is_common(&first) && names.all(|w| !words.is_common(&w))).then(|| words.is_female_name(&first))
        };
        self.person_sexes.insert(name.to_string(), person);
        person.is_some_and(|sex| sex != Some(!female))
    }

    /// The topic of a content with "his" or "her" among its first words
    /// before what is possessed ("his temper was a danger"), the pronoun
    /// standing for `owner`: "Okafor's temper". None where no noun follows
    /// the pronoun ("help her win").
    fn possessed_by(&self, content: &str, owner: &str, speaker: &str) -> Option<Candidate> {
        let (mut at, mut previous) = (0, "");
        for word in content.split_whitespace().take(4) {
            let start = at + content[at..].find(word)?;
            at = start + word.len();
            let bare = word.trim_start_matches(|c: char| !is_alnum(c));
            // "her" after a verb is its object ("help her win"); opening
            // the content or its clause it is a possessive.
            let possessive = ["his", "His"].contains(&bare)
                || (["her", "Her"].contains(&bare) && (previous.is_empty() || previous.eq_ignore_ascii_case("that")));
            previous = word;
            if possessive {
                let pronoun = start + (word.len() - bare.len());
                let resolved = format!("{}{owner}'s{}", &content[..pronoun], &content[pronoun + 3..]);
                let found = self.matcher.candidate(&resolved, speaker)?;
                return found.name.starts_with(&format!("{owner}'s ")).then_some(found);
            }
        }
        None
    }

    /// A person named by a surname ("Clinton") or by a given name alone
    /// ("Hillary") is the topic under the fullest name the text gives it
    /// ("Hillary Clinton"), the most frequent when several people share it;
    /// other topics are kept as they are.
    fn fullest_name(&self, name: &str) -> String {
        // A country is no surname: "France" is not "Agence France".
        let one_capitalised_word = name.chars().next().is_some_and(char::is_uppercase)
            && name_word(name).len() == name.len()
            && !self.matcher.words.is_setting(name);
        let full = one_capitalised_word
            .then(|| {
                full_name_in(self.names_text, name, &self.matcher.words)
                    .or_else(|| full_name_from_given(self.names_text, name, &self.matcher.words))
            })
            .flatten();
        full.unwrap_or_else(|| name.to_string())
    }

    /// Whether the content opens on a person named in full, a listed first
    /// name and a surname ("Marta Okafor has resigned", "harbour chief
    /// Marta Okafor said"): the subject of what is said, its topic even
    /// where the article names them only there. A person said once
    /// further on is mentioned in passing.
    fn opens_on_person_in_full(&self, content: &str, name: &str) -> bool {
        let mut words = name.split(' ');
        let (Some(first), Some(_)) = (words.next(), words.next()) else { return false };
        if has_possessive(name) || !self.matcher.words.is_first_name(&first.to_lowercase()) {
            return false;
        }
        content.find(name).is_some_and(|at| content[..at].split_whitespace().count() < OPENING_NAME_REACH)
    }

    /// Whether a one-word name ("Credit") is written in lower case more
    /// often than capitalised, as a whole word, among its first mentions.
    fn written_mostly_lower(&mut self, name: &str) -> bool {
        if !name.bytes().all(|b| b.is_ascii_alphabetic()) {
            return false;
        }
        if let Some(&known) = self.mostly_lower.get(name) {
            return known;
        }
        let text = self.text;
        let lowered = self.lowered.get_or_insert_with(|| crate::extract::tokens::ascii_lowercase(text));
        let lower = name.to_ascii_lowercase();
        let (mut capitalised, mut small) = (0usize, 0usize);
        for at in memchr::memmem::find_iter(lowered, lower.as_bytes()).take(MOST_MENTIONS_READ) {
            let end = at + lower.len();
            let whole = !text[..at].chars().next_back().is_some_and(is_alnum) && !text[end..].chars().next().is_some_and(is_alnum);
            if whole {
                if text.as_bytes()[at].is_ascii_uppercase() {
                    capitalised += 1;
                } else {
                    small += 1;
                }
            }
        }
        self.mostly_lower.insert(name.to_string(), small > capitalised);
        small > capitalised
    }

    /// Whether a word of the topic's name (a possessor, a modifier, the
    /// head) is mentioned at least twice in the text.
    fn recurs_in_text(&mut self, name: &str) -> bool {
        let text = self.text;
        let lowered = self.lowered.get_or_insert_with(|| crate::extract::tokens::ascii_lowercase(text));
        let recurring_words = &mut self.recurring_words;
        name.split(' ').filter(|w| w.len() >= 3).any(|word| {
            let word = word.strip_suffix("'s").unwrap_or(word);
            if let Some(&known) = recurring_words.get(word) {
                return known;
            }
            let ignore_case = word.starts_with(char::is_lowercase);
            let recurs = count_mentions(text, lowered, word, ignore_case) >= 2;
            recurring_words.insert(word.to_string(), recurs);
            recurs
        })
    }
}

/// Mentions of a word in a text (`lowered`: the same text with ASCII
/// letters lowered) as a word start, up to two: a name as written, a common
/// noun ignoring case.
fn count_mentions(text: &str, lowered: &[u8], first: &str, ignore_case: bool) -> usize {
    // Without its last letter, "policy" is still found as "policies".
    let stem = match first.char_indices().next_back() {
        Some((last, _)) if first.len() > 4 && (first.is_ascii() || first.chars().count() > 4) => &first[..last],
        _ => first,
    };
    let haystack = if ignore_case { lowered } else { text.as_bytes() };
    memchr::memmem::find_iter(haystack, stem.as_bytes())
        .filter(|at| !text[..*at].chars().next_back().is_some_and(is_alnum))
        .take(2)
        .count()
}

/// The most frequent "Given Surname" (or "Given X. Surname") written in
/// `text` for `surname`, a listed first name before any other given word
/// ("Donald Trump" before "Team Trump"), the first of equals; none when
/// every mention is bare or follows a title ("President Obama").
fn full_name_in(text: &str, surname: &str, words: &CandidateWords) -> Option<String> {
    let mut counts: Vec<(String, bool, usize)> = Vec::new();
    for at in memchr::memmem::find_iter(text.as_bytes(), surname.as_bytes()) {
        let end = at + surname.len();
        if text[end..].chars().next().is_some_and(is_alnum) || name_runs_on(&text[end..], words) {
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
            && given.chars().all(char::is_alphabetic)
            && !is_glued(given);
        if !shaped_like_a_name {
            continue;
        }
        let lower = given.to_lowercase();
        if words.is_title(&lower) || words.is_common(&lower) {
            continue;
        }
        // "Keith Lamont Scott": a middle name is no given name, where a
        // first name stands before it ("Democrat Hillary Clinton" is none).
        if let Some(earlier) = before[..start].strip_suffix(' ') {
            let first = last_word(earlier);
            if first.starts_with(char::is_uppercase) && words.is_first_name(&first.to_lowercase()) {
                start = earlier.len() - first.len();
            }
        }
        let full = &text[start..end];
        // The first word is the given name, or a first name before a middle one.
        let first_name = full.split(' ').next().is_some_and(|w| words.is_first_name(&w.to_lowercase()));
        match counts.iter_mut().find(|(name, _, _)| name == full) {
            Some((_, _, n)) => *n += 1,
            None => counts.push((full.to_string(), first_name, 1)),
        }
    }
    // max_by_key keeps the last maximum; reversing keeps the first seen.
    counts.into_iter().rev().max_by_key(|(_, first_name, n)| (*first_name, *n)).map(|(name, _, _)| name)
}

/// Whether a word that looks like a surname is the middle of a longer name:
/// a hyphen ("Agence France-Presse") or a further capitalised word that is
/// not a common one or a suffix ("American Israel Public Affairs
/// Committee", but "Hillary Clinton Monday", "Joseph R. Biden Jr.").
fn name_runs_on(after: &str, words: &CandidateWords) -> bool {
    if let Some(joined) = after.strip_prefix('-') {
        return joined.starts_with(char::is_alphabetic);
    }
    let Some(rest) = after.strip_prefix(' ') else { return false };
    let next = rest.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    // Most words after a name are in lower case: lowered only past that.
    if next.chars().count() < 2 || !next.starts_with(char::is_uppercase) {
        return false;
    }
    let lower = next.to_lowercase();
    !words.is_common(&lower) && !words.is_title(&lower) && !words.is_name_suffix(&lower)
}

/// The name word `text` opens with: its letters, and an apostrophe before
/// a capital ("O'Malley", "D’Souza"), not a possessive's ("Clinton's").
fn name_word(text: &str) -> &str {
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let inner_apostrophe = (c == '\'' || c == '\u{2019}') && at > 0 && chars.peek().is_some_and(|(_, next)| next.is_uppercase());
        if !c.is_alphabetic() && !inner_apostrophe {
            return &text[..at];
        }
    }
    text
}

/// The most frequent "Given Surname" (or "Given Middle Surname") written in
/// `text` for a `given` name, the first of equals; none when the name is
/// never followed by a surname ("Hillary said").
fn full_name_from_given(text: &str, given: &str, words: &CandidateWords) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for at in memchr::memmem::find_iter(text.as_bytes(), given.as_bytes()) {
        if text[..at].chars().next_back().is_some_and(is_alnum) {
            continue;
        }
        let mut end = at + given.len();
        for _ in 0..2 {
            let Some(rest) = text[end..].strip_prefix(' ') else { break };
            let next = name_word(rest);
            // Lowered only once it is shaped like a name.
            let surname_like = next.chars().count() >= 2 && next.starts_with(char::is_uppercase) && {
                let lower = next.to_lowercase();
                !words.is_title(&lower) && !words.is_common(&lower) && !words.is_name_suffix(&lower)
            } && !is_glued(next);
            if !surname_like {
                break;
            }
            end += 1 + next.len();
        }
        if end == at + given.len() {
            continue;
        }
        let full = &text[at..end];
        match counts.iter_mut().find(|(name, _)| *name == full) {
            Some((_, n)) => *n += 1,
            None => counts.push((full, 1)),
        }
    }
    counts.into_iter().rev().max_by_key(|(_, n)| *n).map(|(name, _)| name.to_string())
}

/// Whether `line` holds a word of three letters or more of the topic's
/// `name` ("Trump" of "Donald Trump", "email" of "Clinton's email server").
fn names_any_word(line: &str, name: &str) -> bool {
    name.split(' ').filter(|w| w.len() >= 3).any(|w| holds(line, w.strip_suffix("'s").unwrap_or(w)))
}

/// Whether a person's topic ("Hillary Clinton") names the speaker
/// ("Hillary Rodham Clinton"): the same first and last words.
fn same_person(name: &str, speaker: &str) -> bool {
    !speaker.is_empty() && first_and_last(name) == first_and_last(speaker)
}

fn first_and_last(name: &str) -> (&str, &str) {
    (name.split(' ').next().unwrap_or(""), name.rsplit(' ').next().unwrap_or(""))
}

/// Where `word` first stands in `text` as a whole word.
fn word_at(text: &str, word: &str) -> Option<usize> {
    memchr::memmem::find_iter(text.as_bytes(), word.as_bytes()).find(|&at| {
        !text[..at].chars().next_back().is_some_and(is_alnum) && !text[at + word.len()..].chars().next().is_some_and(is_alnum)
    })
}

/// Whose a possessed thing is ("Trump" of "Trump's tax return"), or the
/// name an issue is narrowed by ("Trump" of "Trump candidacy", "Iowa" of
/// "Iowa caucus"): a capitalised first word before a last in lower case.
fn owner_of(name: &str) -> Option<&str> {
    if let Some((owner, _)) = name.split_once("'s ") {
        return Some(owner);
    }
    let (first, _) = name.split_once(' ')?;
    let last = name.rsplit(' ').next()?;
    (first.starts_with(char::is_uppercase) && last.starts_with(char::is_lowercase)).then_some(first)
}

/// Whether a topic is a common noun phrase: in small letters, or a plain
/// noun phrase opening on an abbreviation ("ISIS" opening a sentence).
fn is_common_noun_topic(name: &str, given: &Given) -> bool {
    name.starts_with(char::is_lowercase) || (!given.strong && name.split(' ').next().is_some_and(|w| w.bytes().all(|b| b.is_ascii_uppercase())))
}

/// Whether a topic's name holds a possessive ("Trump's tax return").
fn has_possessive(name: &str) -> bool {
    holds(name, "'s ")
}

/// `haystack.contains(needle)`, by `memchr` on the needle's first byte:
/// names and headlines are short, and building a substring searcher for
/// each question cost more than the search.
fn holds(haystack: &str, needle: &str) -> bool {
    let (bytes, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else { return true };
    memchr::memchr_iter(first, bytes).any(|at| bytes[at..].starts_with(needle))
}

/// How many longer words of a sentence `is_title_case` reads.
const TITLE_CASE_REACH: usize = 12;

/// Whether a name is four capitalised words or more, as a headline in
/// title case makes of its words.
fn is_headline_run(name: &str) -> bool {
    name.split(' ').count() >= 4 && name.split(' ').all(|w| w.starts_with(char::is_uppercase))
}

/// Whether most of a sentence's longer words are capitalised, as a
/// headline's are: its capitals mark no names.
fn is_title_case(sentence: &str) -> bool {
    let (mut long, mut capitalised) = (0, 0);
    // A headline is short: its first words tell.
    for word in sentence.as_bytes().split(u8::is_ascii_whitespace).filter(|w| w.len() >= 4).take(TITLE_CASE_REACH) {
        long += 1;
        capitalised += usize::from(word[0].is_ascii_uppercase());
    }
    long >= 3 && capitalised * 4 >= long * 3
}

/// Whether `content` holds `word` as a whole word. The matches are those
/// of `match_indices` (left to right, none overlapping), found by `memchr`
/// on the word's first byte: every statement asks this of each name topic
/// of its article, and building a substring searcher for each question
/// cost more than the search.
fn mentions(content: &str, word: &str) -> bool {
    let (bytes, needle) = (content.as_bytes(), word.as_bytes());
    let Some(&first) = needle.first() else {
        return content.match_indices(word).any(|(at, _)| whole_word_at(content, at, 0));
    };
    let mut from = 0;
    while let Some(k) = memchr::memchr(first, &bytes[from..]) {
        let at = from + k;
        if !bytes[at..].starts_with(needle) {
            from = at + 1;
            continue;
        }
        if whole_word_at(content, at, needle.len()) {
            return true;
        }
        from = at + needle.len();
    }
    false
}

/// Whether the `len` bytes at `at` of `content` stand as a whole word.
fn whole_word_at(content: &str, at: usize, len: usize) -> bool {
    !content[..at].ends_with(is_alnum) && !content[at + len..].starts_with(is_alnum)
}

/// The last word of `text`: the characters after its last space.
fn last_word(text: &str) -> &str {
    text.rsplit(char::is_whitespace).next().unwrap_or(text)
}

/// A content that refers back to something named before it: a pronoun
/// among its first words.
/// The sex of the first pronoun referring back among the content's first
/// words (see `refers_back`) where it is a person's: `Some(true)` for
/// "she", "her", `Some(false)` for "he", "him", "his"; none for "it",
/// "this", "they" before them or no such pronoun.
fn personal_pronoun(content: &str) -> Option<bool> {
    for word in content.split_whitespace().take(4) {
        let word = word.trim_matches(|c: char| !is_alnum(c));
        if (2..=4).contains(&word.len()) {
            match word.to_ascii_lowercase().as_str() {
                "he" | "him" | "his" => return Some(false),
                "she" | "her" => return Some(true),
                // "that" opens a reported clause more often than it refers.
                "it" | "this" | "they" | "them" => return None,
                _ => {}
            }
        }
    }
    None
}

fn refers_back(content: &str) -> bool {
    // The "to" opening an infinitive ("to see her plan") is no word of its
    // own here: the four words are those after it.
    let opens_infinitive = content.split_whitespace().next().is_some_and(|w| w.eq_ignore_ascii_case("to"));
    content
        .split_whitespace()
        .skip(usize::from(opens_infinitive))
        .take(4)
        .any(|w| {
            let w = w.trim_matches(|c: char| !is_alnum(c));
            // The pronouns are two to four letters long.
            (2..=4).contains(&w.len())
                && ["it", "this", "that", "he", "she", "him", "her", "his", "they", "them"]
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(w))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TopicDef;

    #[test]
    fn a_topic_said_once_in_passing_is_dropped_but_a_recurring_one_kept() {
        let matcher = TopicMatcher::default();
        let text = "Okafor spoke first. Later Okafor said the tariffs hurt. A man from Lagos agreed.";
        let mut topics = DocumentTopics::new(&matcher, text);
        assert_eq!(topics.tag("that Okafor was right", "", "").map(|t| t.name).as_deref(), Some("Okafor"));
        assert_eq!(topics.tag("that Lagos was calm", "", ""), None);
    }

    #[test]
    fn a_surname_with_an_apostrophe_takes_its_full_name() {
        let matcher = TopicMatcher::default();
        let text = "Tunde O’Rourke spoke first. Later O’Rourke said the tariffs hurt. Tunde was sure of it.";
        let mut topics = DocumentTopics::new(&matcher, text);
        assert_eq!(topics.tag("that O’Rourke was right", "", "").map(|t| t.name).as_deref(), Some("Tunde O’Rourke"));
        assert_eq!(topics.tag("that Tunde was right", "", "").map(|t| t.name).as_deref(), Some("Tunde O’Rourke"));
        // A possessive's apostrophe ends the name.
        let text = "Tunde Okafor spoke first. Later Okafor's aide said the tariffs hurt. Tunde Okafor's plan won.";
        let mut topics = DocumentTopics::new(&matcher, text);
        assert_eq!(topics.tag("that Tunde was right", "", "").map(|t| t.name).as_deref(), Some("Tunde Okafor"));
    }

    #[test]
    fn a_run_of_capitalised_words_only_a_title_case_headline_holds_is_no_topic() {
        let matcher = TopicMatcher::default();
        let text = "Harbour Board Fires Okafor Over Delays\n\nMarta Okafor was dismissed. Okafor said the tariffs hurt. \
                    The Lagos Harbour Ferry Authority agreed.";
        let mut topics = DocumentTopics::new(&matcher, text);
        assert_eq!(topics.tag("Harbour Board Fires Okafor Over Delays", "", "").map(|t| t.name), None);
        // A long name the body writes too stays one.
        let authority = topics.tag("that the Lagos Harbour Ferry Authority agreed", "", "").map(|t| t.name);
        assert_eq!(authority.as_deref(), Some("Lagos Harbour Ferry Authority"));
    }

    #[test]
    fn a_topic_said_once_joins_the_articles_topic_that_shares_a_word() {
        let matcher = TopicMatcher::default();
        let text = "The ferry fares rose. Okafor said the ferry fares were too high. Mbeki said the ferry fares \
                    were fair. Adeyemi said the ferry crews were tired.";
        let mut topics = DocumentTopics::new(&matcher, text);
        for content in ["the ferry fares were too high", "the ferry fares were fair", "the ferry crews were tired"] {
            topics.tag_and_count(content, "", "");
        }
        let once = topics.tag("the ferry crews were tired", "", "").map(|t| t.name);
        assert_eq!(once.as_deref(), Some("ferry crew"));
        let settled = topics.settled();
        assert_eq!(settled.topic_of(once, "the ferry crews were tired").as_deref(), Some("ferry fare"));
    }

    #[test]
    fn a_noun_said_once_in_passing_heads_no_other_statement() {
        let matcher = TopicMatcher::default();
        let text = "Maria Okafor spoke at the harbour. Okafor said the farewell concert was loud. \
                    Okafor said she was right. The concert ended late.";
        let mut topics = DocumentTopics::new(&matcher, text);
        for content in ["that Okafor was right", "that Okafor would win", "the farewell concert was loud"] {
            topics.tag_and_count(content, "", "");
        }
        let once = topics.tag("the farewell concert was loud", "", "").map(|t| t.name);
        assert_eq!(once.as_deref(), Some("farewell concert"));
        let settled = topics.settled();
        // Its own statement gives it up for the main topic, and so does a
        // statement naming nothing that opens on its head noun.
        assert_eq!(settled.topic_of(once, "the farewell concert was loud").as_deref(), Some("Maria Okafor"));
        assert_eq!(settled.topic_of(None, "a concert like that was never dull").as_deref(), Some("Maria Okafor"));
    }

    #[test]
    fn a_surname_topic_carries_the_fullest_name_the_text_gives() {
        let matcher = TopicMatcher::default();
        let text = "Senator Marta Okafor spoke. Okafor said the tariffs hurt. Her brother Tunde Okafor agreed, \
                    and Marta Okafor left. President Mbeki and Thabo M. Mbeki met; Mbeki won.";
        let mut topics = DocumentTopics::new(&matcher, text);
        assert_eq!(topics.tag("that Okafor was right", "", "").map(|t| t.name).as_deref(), Some("Marta Okafor"));
        assert_eq!(topics.tag("Mbeki will win", "", "").map(|t| t.name).as_deref(), Some("Thabo M. Mbeki"));
    }

    #[test]
    fn a_token_glued_to_widget_text_is_no_given_name_or_surname() {
        let matcher = TopicMatcher::default();
        let text = "Okafor spoke. Reply MariaShareLikeReply Okafor. Okafor left. Tunde JonesShareLike Mbeki came. Tunde said so.";
        let mut topics = DocumentTopics::new(&matcher, text);
        assert_eq!(topics.tag("that Okafor was right", "", "").map(|t| t.name).as_deref(), Some("Okafor"));
        assert_eq!(topics.tag("that Tunde was right", "", "").map(|t| t.name).as_deref(), Some("Tunde"));
    }

    #[test]
    fn a_surname_inside_a_longer_name_or_a_country_takes_no_given_name() {
        let matcher = TopicMatcher::default();
        let text = "Crew Okafor cheered. Maria Okafor spoke to the Southern Okafor Heritage Fund, \
                    read by Agence Canada-Presse. Laura Mbeki Jr. and Crew Mbeki came.";
        let mut topics = DocumentTopics::new(&matcher, text);
        // A listed first name wins over a capitalised word seen as often.
        assert_eq!(topics.tag("that Okafor was right", "", "").map(|t| t.name).as_deref(), Some("Maria Okafor"));
        // "Canada" is a country, not the surname of "Agence Canada-Presse".
        assert_eq!(topics.fullest_name("Canada"), "Canada");
        // A suffix ends a name; it does not make the name run on.
        assert_eq!(topics.tag("that Mbeki will win", "", "").map(|t| t.name).as_deref(), Some("Laura Mbeki"));
    }

    #[test]
    fn holds_answers_as_contains() {
        for haystack in ["", "Trump's tax return", "Trump's", "the Trump’s plan", "'s ", "x's s 's y"] {
            for needle in ["", "'s ", "Trump", "tax return", "s", "plan", "’s"] {
                assert_eq!(holds(haystack, needle), haystack.contains(needle), "{haystack:?} {needle:?}");
            }
        }
    }

    #[test]
    fn mentions_finds_whole_words_as_match_indices_finds_them() {
        let plain = |content: &str, word: &str| {
            content.match_indices(word).any(|(at, _)| {
                !content[..at].ends_with(char::is_alphanumeric) && !content[at + word.len()..].starts_with(char::is_alphanumeric)
            })
        };
        let contents = ["", "Okafor", "for Okafor's sake", "Okafors", "xOkafor", "Zoë Okafor", "ÉOkafor", "a a a", "xa a a", "White House White House", "the Whitehouse"];
        let words = ["Okafor", "a a", "White House", "Zoë", "é", "a"];
        for content in contents {
            for word in words {
                assert_eq!(mentions(content, word), plain(content, word), "{content:?} {word:?}");
            }
        }
        assert!(mentions("so it goes for Okafor.", "Okafor"));
        assert!(!mentions("so it goes for the Okafors.", "Okafor"));
    }

    #[test]
    fn a_headline_in_title_case_gives_no_full_name() {
        let matcher = TopicMatcher::default();
        let text = "Harbour Board Fires Okafor Over Delays\n\nMarta Okafor was dismissed. Okafor said the tariffs hurt.";
        let mut topics = DocumentTopics::new(&matcher, text);
        assert_eq!(topics.tag("that Okafor was right", "", "").map(|t| t.name).as_deref(), Some("Marta Okafor"));
    }

    #[test]
    fn a_surname_topic_keeps_a_middle_name_with_the_given_name() {
        let matcher = TopicMatcher::default();
        let text = "Senator Marta Adaeze Okafor spoke. Okafor said the tariffs hurt.";
        let mut topics = DocumentTopics::new(&matcher, text);
        assert_eq!(topics.tag("that Okafor was right", "", "").map(|t| t.name).as_deref(), Some("Marta Adaeze Okafor"));
    }

    #[test]
    fn a_given_name_alone_carries_the_fullest_name_the_text_gives() {
        let matcher = TopicMatcher::default();
        let text = "Marta Okafor spoke first. Later Marta said the tariffs hurt, and Marta left.";
        let mut topics = DocumentTopics::new(&matcher, text);
        assert_eq!(topics.tag("that Marta was right", "", "").map(|t| t.name).as_deref(), Some("Marta Okafor"));
    }

    #[test]
    fn an_issue_said_once_is_kept() {
        let matcher = TopicMatcher::default();
        let mut topics = DocumentTopics::new(&matcher, "The minister said the carbon tax would stay.");
        assert_eq!(topics.tag("the carbon tax would stay", "", "").map(|t| t.name).as_deref(), Some("carbon tax"));
    }

    #[test]
    fn a_surname_the_text_never_gives_in_full_stays_bare() {
        let matcher = TopicMatcher::default();
        let text = "Governor Okafor spoke. Later, Okafor said the tariffs hurt.";
        let mut topics = DocumentTopics::new(&matcher, text);
        assert_eq!(topics.tag("that Okafor was right", "", "").map(|t| t.name).as_deref(), Some("Okafor"));
    }

    #[test]
    fn a_content_referring_back_takes_the_topic_of_the_sentence_before() {
        let matcher = TopicMatcher::default();
        let text = "The pipeline crosses the river. The pipeline was approved. Critics said it is far too old.";
        let mut topics = DocumentTopics::new(&matcher, text);
        let tag = topics.tag("it is far too old", "The pipeline was approved.", "");
        assert_eq!(tag.map(|t| t.name).as_deref(), Some("pipeline"));
    }

    #[test]
    fn his_or_her_before_a_noun_is_the_possession_of_the_person_named_before() {
        let matcher = TopicMatcher::default();
        let text = "Marta Okafor signed the harbour deal. Critics said her temper was a danger. Okafor left.";
        let mut topics = DocumentTopics::new(&matcher, text);
        let before = "Marta Okafor signed the harbour deal.";
        let tag = topics.tag("that her temper was a danger", before, "Tunde Adeyemi");
        assert_eq!(tag.map(|t| t.name).as_deref(), Some("Okafor's temper"));
        let tag = topics.tag("to help her win", before, "Tunde Adeyemi");
        assert_eq!(tag.map(|t| t.name).as_deref(), Some("Marta Okafor"));
    }

    #[test]
    fn a_word_the_text_writes_in_lower_case_is_no_name_when_capitalised() {
        let matcher = TopicMatcher::default();
        let text = "Okafor spoke as harvest prices rose. The harvest was late, and the harvest was poor.";
        let mut topics = DocumentTopics::new(&matcher, text);
        let tag = topics.tag("Harvest prices are far too low", "", "");
        assert_eq!(tag.map(|t| t.name).as_deref(), Some("harvest price"));
        // A name the text always capitalises stays a name.
        let text = "Okafor spoke. Okafor said the mill would close. Okafor left.";
        let mut topics = DocumentTopics::new(&matcher, text);
        assert_eq!(topics.tag("Okafor said the mill would close", "", "").map(|t| t.name).as_deref(), Some("Okafor"));
    }

    #[test]
    fn a_content_naming_nothing_takes_the_person_its_pronoun_refers_to() {
        let matcher = TopicMatcher::default();
        let text = "Maria Okafor spoke. James Adeyemi spoke. Okafor said Adeyemi would lose. Okafor and Adeyemi left.";
        let mut topics = DocumentTopics::new(&matcher, text);
        for content in ["that Okafor was right", "that Okafor would win", "Okafor will stay", "that Adeyemi would lose"] {
            topics.tag_and_count(content, "", "");
        }
        let settled = topics.settled();
        assert_eq!(settled.topic_of_said_by(None, "so far so good", "").as_deref(), Some("Maria Okafor"));
        assert_eq!(settled.topic_of_said_by(None, "that he was a sore loser", "").as_deref(), Some("James Adeyemi"));
        assert_eq!(settled.topic_of_said_by(None, "that she was a sore loser", "").as_deref(), Some("Maria Okafor"));
        // Said by a man, "he" is the speaker himself; "her" is still Okafor.
        assert_eq!(settled.topic_of_said_by(None, "he was never a sore loser", "James Adeyemi").as_deref(), Some("Maria Okafor"));
        assert_eq!(settled.topic_of_said_by(None, "he would help her lose", "Tunde Mbeki").as_deref(), Some("James Adeyemi"));
        assert_eq!(settled.topic_of_said_by(None, "he would help her lose", "James Adeyemi").as_deref(), Some("Maria Okafor"));
    }

    #[test]
    fn an_infinitive_content_refers_back_by_the_four_words_after_its_to() {
        assert!(refers_back("to see loaded into her speech"));
        assert!(!refers_back("to see loaded into the speech at last, her"));
    }

    #[test]
    fn he_or_she_refers_back_only_to_a_person_of_that_sex() {
        let matcher = TopicMatcher::default();
        let text = "Maria Okafor spoke. James Adeyemi argued with the Harbour Board. Adeyemi and the Harbour Board left.";
        let mut topics = DocumentTopics::new(&matcher, text);
        let before = "James Adeyemi argued with the Harbour Board.";
        assert_eq!(topics.tag("that he was wrong", before, "").map(|t| t.name).as_deref(), Some("James Adeyemi"));
        assert_eq!(topics.tag("that she was wrong", before, ""), None);
        let before = "The Harbour Board argued about money.";
        assert_eq!(topics.tag("that it was wrong", before, "").map(|t| t.name).as_deref(), Some("Harbour Board"));
        assert_eq!(topics.tag("that he was wrong", before, ""), None);
    }

    #[test]
    fn defined_topics_are_kept_however_often_they_are_mentioned() {
        let matcher = TopicMatcher::new(vec![TopicDef::from_keyword_list("trade", "tariff")]);
        let mut topics = DocumentTopics::new(&matcher, "One mention of a tariff.");
        assert_eq!(topics.tag("the tariff", "", "").map(|t| t.name).as_deref(), Some("trade"));
    }

    #[test]
    fn the_main_topic_is_the_one_given_most_the_first_of_equals() {
        let matcher = TopicMatcher::default();
        let text = "Okafor spoke. Okafor said the carbon tax hurts. Mbeki and Mbeki's aides agreed.";
        let mut topics = DocumentTopics::new(&matcher, text);
        assert_eq!(topics.main_topic(), None);
        assert_eq!(topics.tag_and_count("the carbon tax will hurt farmers", "", "").map(|t| t.name).as_deref(), Some("carbon tax"));
        assert_eq!(topics.tag_and_count("that Okafor was right", "", "").map(|t| t.name).as_deref(), Some("Okafor"));
        assert_eq!(topics.main_topic(), Some("carbon tax"));
        topics.tag_and_count("Okafor will win", "", "");
        assert_eq!(topics.main_topic(), Some("Okafor"));
    }

    #[test]
    fn a_person_quoted_most_is_the_main_topic_before_one_named_more() {
        let matcher = TopicMatcher::default();
        let text = "Marta Okafor spoke at the port. The Harbour Board met. Okafor left and the Harbour Board stayed.";
        let mut topics = DocumentTopics::new(&matcher, text);
        topics.tag_and_count("that Marta Okafor was late", "", "");
        topics.tag_and_count("the Harbour Board will decide", "", "");
        topics.tag_and_count("that the Harbour Board was wrong", "", "");
        assert_eq!(topics.main_topic(), Some("Harbour Board"));
        topics.tag_and_count("Yes, absolutely", "", "Marta Okafor");
        topics.tag_and_count("Yes, absolutely", "", "Marta Okafor");
        assert_eq!(topics.main_topic(), Some("Marta Okafor"));
        // One quoted but named in no statement is no topic.
        for _ in 0..4 {
            topics.tag_and_count("Yes, absolutely", "", "Tunde Adeyemi");
        }
        assert_eq!(topics.main_topic(), Some("Marta Okafor"));
    }

    #[test]
    fn an_issue_a_name_narrows_said_once_takes_the_names_topic() {
        let matcher = TopicMatcher::default();
        let text = "Marta Okafor spoke. Okafor said the port would close. Nobody knows what an Okafor candidacy means.";
        let mut topics = DocumentTopics::new(&matcher, text);
        topics.tag_and_count("that Marta Okafor would run", "", "");
        let content = "what an Okafor candidacy would do to the port";
        let own = topics.tag_and_count(content, "", "").map(|t| t.name);
        assert_eq!(own.as_deref(), Some("Okafor candidacy"));
        assert_eq!(topics.settled().topic_of(own, content).as_deref(), Some("Marta Okafor"));
    }

    #[test]
    fn the_main_topic_is_one_the_headline_names_before_one_given_more() {
        let matcher = TopicMatcher::default();
        let text = "Mbeki wins the port vote\n\nOkafor spoke. Okafor said Mbeki would lose. Okafor left.";
        let mut topics = DocumentTopics::new(&matcher, text);
        topics.tag_and_count("that Okafor was right", "", "");
        topics.tag_and_count("Okafor will win", "", "");
        topics.tag_and_count("that Mbeki would lose", "", "");
        assert_eq!(topics.main_topic(), Some("Mbeki"));
    }

    #[test]
    fn a_plain_noun_phrase_is_never_the_main_topic() {
        let matcher = TopicMatcher::default();
        let text = "The mood grew. The mood was grim, she said, and the mood held.";
        let mut topics = DocumentTopics::new(&matcher, text);
        assert_eq!(topics.tag_and_count("the mood was grim", "", "").map(|t| t.name).as_deref(), Some("mood"));
        assert_eq!(topics.main_topic(), None);
    }

    #[test]
    fn a_place_the_article_is_set_in_is_the_main_topic_only_without_another() {
        let matcher = TopicMatcher::default();
        let text = "Okafor speaks in Tulsa\n\nIn Tulsa, Okafor spoke. Tulsa was calm. Okafor left Tulsa.";
        let mut topics = DocumentTopics::new(&matcher, text);
        topics.tag_and_count("that Tulsa was calm", "", "");
        topics.tag_and_count("the crowd in Tulsa was large", "", "");
        topics.tag_and_count("that Okafor was late", "", "");
        assert_eq!(topics.main_topic(), Some("Okafor"));
    }

    #[test]
    fn a_noun_phrase_joins_the_fuller_topic_that_holds_its_words() {
        let matcher = TopicMatcher::default();
        let text = "Okafor filed. Okafor's tax returns were late, and the tax returns were long. Taxes rose.";
        let mut topics = DocumentTopics::new(&matcher, text);
        let tags: Vec<Option<String>> = ["that Okafor's tax returns were late", "the tax returns were long", "that Okafor's tax returns were filed"]
            .iter()
            .map(|content| topics.tag_and_count(content, "", "").map(|t| t.name))
            .collect();
        assert_eq!(tags[1].as_deref(), Some("tax return"));
        let settled = topics.settled();
        assert_eq!(settled.topic_of(tags[1].clone(), "").as_deref(), Some("Okafor's tax return"));
        assert_eq!(settled.topic_of(tags[0].clone(), "").as_deref(), Some("Okafor's tax return"));
        assert_eq!(settled.topic_of(None, "").as_deref(), Some("Okafor's tax return"));
    }

    #[test]
    fn a_statement_naming_nothing_takes_the_topic_its_noun_heads() {
        let matcher = TopicMatcher::default();
        let text = "Okafor spoke. Okafor said the pipeline deal would pass, and the pipeline deal did.";
        let mut topics = DocumentTopics::new(&matcher, text);
        topics.tag_and_count("that Okafor was right", "", "");
        topics.tag_and_count("that Okafor would win", "", "");
        assert_eq!(topics.tag_and_count("the pipeline deal would pass", "", "").map(|t| t.name).as_deref(), Some("pipeline deal"));
        topics.tag_and_count("the pipeline deal was signed", "", "");
        assert_eq!(topics.tag_and_count("a deal was unlikely", "", ""), None);
        let settled = topics.settled();
        assert_eq!(settled.topic_of(None, "a deal was unlikely").as_deref(), Some("pipeline deal"));
        assert_eq!(settled.topic_of(None, "so far so good").as_deref(), Some("Okafor"));
    }

    #[test]
    fn a_statement_naming_nothing_takes_the_topic_a_synonym_of_its_noun_heads() {
        let matcher = TopicMatcher::default();
        let text = "Okafor spoke. The fisheries agreement would pass, and the fisheries agreement did.";
        let mut topics = DocumentTopics::new(&matcher, text);
        topics.tag_and_count("that Okafor was right", "", "");
        topics.tag_and_count("that Okafor would win", "", "");
        assert_eq!(topics.tag_and_count("the fisheries agreement would pass", "", "").map(|t| t.name).as_deref(), Some("fisheries agreement"));
        assert_eq!(topics.settled().topic_of(None, "that a deal was unlikely").as_deref(), Some("fisheries agreement"));
    }

    #[test]
    fn a_noun_phrase_given_to_one_statement_only_gives_way_to_the_articles_topics() {
        let matcher = TopicMatcher::default();
        let text = "Okafor spoke. Okafor said the harbour tax would pass. The harbour tax did.";
        let mut topics = DocumentTopics::new(&matcher, text);
        for content in ["that Okafor was right", "that Okafor would win", "the harbour tax would pass", "that the harbour tax did pass"] {
            topics.tag_and_count(content, "", "");
        }
        let budget = topics.tag_and_count("the budget bill was late", "", "");
        let levy = topics.tag_and_count("that the new tax levy is fair", "", "");
        assert_eq!(budget.as_ref().map(|t| t.name.as_str()), Some("budget bill"));
        let settled = topics.settled();
        assert_eq!(settled.topic_of(budget.map(|t| t.name), "the budget bill was late").as_deref(), Some("budget bill"));
        assert_eq!(settled.topic_of(levy.map(|t| t.name), "that the new tax levy is fair").as_deref(), Some("harbour tax"));
    }

    #[test]
    fn a_name_never_joins_a_fuller_topic() {
        let matcher = TopicMatcher::default();
        let text = "Okafor filed. Okafor's tax returns were late. Okafor's tax returns were long.";
        let mut topics = DocumentTopics::new(&matcher, text);
        topics.tag_and_count("that Okafor's tax returns were late", "", "");
        topics.tag_and_count("that Okafor's tax returns were long", "", "");
        let name = topics.tag_and_count("that Okafor was right", "", "").map(|t| t.name);
        assert_eq!(topics.settled().topic_of(name, "").as_deref(), Some("Okafor"));
    }

    #[test]
    fn a_headline_before_a_content_referring_back_names_nothing() {
        let matcher = TopicMatcher::default();
        let text = "Old Hands Help Russia Navigate Media\n\nHe said it was fine. Russia was named twice.";
        let mut topics = DocumentTopics::new(&matcher, text);
        assert_eq!(topics.tag("he said it was fine", "Old Hands Help Russia Navigate Media", ""), None);
    }

    #[test]
    fn a_content_that_names_nothing_counts_towards_no_topic() {
        let matcher = TopicMatcher::default();
        let mut topics = DocumentTopics::new(&matcher, "So far so good, she said.");
        assert_eq!(topics.tag_and_count("so far so good", "", ""), None);
        assert_eq!(topics.main_topic(), None);
    }

    #[test]
    fn a_person_named_in_full_opening_the_content_is_kept_though_said_once() {
        let matcher = TopicMatcher::default();
        let text = "Okafor spoke. She said harbour chief Marta Adeyemi is a poor manager. \
                    The tolls rose, said a cousin of Maria Bello.";
        let mut topics = DocumentTopics::new(&matcher, text);
        let tag = topics.tag("harbour chief Marta Adeyemi is a poor manager", "", "");
        assert_eq!(tag.map(|t| t.name).as_deref(), Some("Marta Adeyemi"));
        // Said once further on, a person is mentioned in passing.
        assert_eq!(topics.tag("the tolls rose, said a cousin of Maria Bello", "", "").map(|t| t.name), None);
        // A surname alone is no name in full.
        let text = "Okafor spoke. She said Adeyemi is a poor manager.";
        let mut topics = DocumentTopics::new(&matcher, text);
        assert_eq!(topics.tag("Adeyemi is a poor manager", "", ""), None);
    }

    #[test]
    fn a_named_law_or_treaty_said_once_is_kept() {
        let matcher = TopicMatcher::default();
        let text = "Okafor spoke. She said she would back the Gulf Fisheries Agreement once elected.";
        let mut topics = DocumentTopics::new(&matcher, text);
        let tag = topics.tag("she would back the Gulf Fisheries Agreement once elected", "", "");
        assert_eq!(tag.map(|t| t.name).as_deref(), Some("Gulf Fisheries Agreement"));
        assert_eq!(topics.tag("that Lagos was calm", "", ""), None);
    }

    #[test]
    fn a_topic_said_once_still_heads_a_statement_naming_nothing() {
        let matcher = TopicMatcher::default();
        let text = "Okafor spoke. Okafor said the pipeline deal would pass, and the pipeline deal did.";
        let mut topics = DocumentTopics::new(&matcher, text);
        topics.tag_and_count("that Okafor was right", "", "");
        topics.tag_and_count("that Okafor would win", "", "");
        topics.tag_and_count("the pipeline deal would pass", "", "");
        let settled = topics.settled();
        assert_eq!(settled.topic_of(None, "a deal was unlikely").as_deref(), Some("pipeline deal"));
        // Said once, it yields to a name its content mentions, not to itself.
        let own = Some("pipeline deal".to_string());
        let content = "the pipeline deal would pass, and after that it was all over and done with, said Okafor";
        assert_eq!(settled.topic_of(own, content).as_deref(), Some("Okafor"));
    }

    #[test]
    fn a_possessed_thing_said_once_joins_its_owners_topic() {
        let matcher = TopicMatcher::default();
        let text = "Marta Okafor spoke. Okafor said the tariffs hurt, and Okafor left. Critics mocked Okafor's haircut.";
        let mut topics = DocumentTopics::new(&matcher, text);
        topics.tag_and_count("that Okafor was right", "", "");
        topics.tag_and_count("that Okafor would win", "", "");
        let haircut = topics.tag_and_count("that Okafor's haircut was a disgrace", "", "").map(|t| t.name);
        assert_eq!(haircut.as_deref(), Some("Okafor's haircut"));
        assert_eq!(topics.settled().topic_of(haircut, "that Okafor's haircut was a disgrace").as_deref(), Some("Marta Okafor"));
    }

    #[test]
    fn a_noun_phrase_said_once_takes_the_name_topic_its_content_mentions() {
        let matcher = TopicMatcher::default();
        let text = "Okafor spoke. Okafor said Mbeki would lose. Mbeki and Mbeki's aides agreed. The salt tax was set, and the salt tax held.";
        let mut topics = DocumentTopics::new(&matcher, text);
        for content in ["that Okafor was right", "that Okafor would win", "that Mbeki would lose", "Mbeki was late again", "Mbeki will never win"] {
            topics.tag_and_count(content, "", "");
        }
        let quota = "the salt tax is a gift, and a generous one at that, to all of the trawler owners who fund Mbeki";
        let tag = topics.tag_and_count(quota, "", "").map(|t| t.name);
        assert_eq!(tag.as_deref(), Some("salt tax"));
        let settled = topics.settled();
        assert_eq!(settled.topic_of(tag, quota).as_deref(), Some("Mbeki"));
        // Naming no topic of its article, it keeps its own.
        let alone = Some("salt tax".to_string());
        assert_eq!(settled.topic_of(alone, "the salt tax is far too low").as_deref(), Some("salt tax"));
    }

    #[test]
    fn a_statement_naming_nothing_of_its_own_takes_the_name_topic_it_mentions_before_the_main_one() {
        let matcher = TopicMatcher::default();
        let text = "Okafor spoke. Okafor said Mbeki would lose. Okafor left, and Mbeki stayed.";
        let mut topics = DocumentTopics::new(&matcher, text);
        for content in ["that Okafor was right", "that Okafor would win", "that Okafor would stay", "that Mbeki would lose", "Mbeki was late"] {
            topics.tag_and_count(content, "", "");
        }
        let settled = topics.settled();
        let late = "so far so good, and after that it was all over and done with before anyone saw it coming for Mbeki";
        assert_eq!(settled.topic_of(None, late).as_deref(), Some("Mbeki"));
        assert_eq!(settled.topic_of(None, "so far so good").as_deref(), Some("Okafor"));
        // A name inside a longer word is no mention.
        assert_eq!(settled.topic_of(None, "so far so good for the Mbekis").as_deref(), Some("Okafor"));
    }

    #[test]
    fn a_person_topic_is_mentioned_by_the_surname_an_institution_by_its_whole_name() {
        let matcher = TopicMatcher::default();
        let text = "Marta Okafor spoke for the White House. Okafor said the White House would act. Okafor left the House.";
        let mut topics = DocumentTopics::new(&matcher, text);
        for content in ["that Okafor was right", "that the White House would act", "that the White House was late", "Okafor would win", "Okafor would stay"] {
            topics.tag_and_count(content, "", "");
        }
        let settled = topics.settled();
        let content = "so far so good, and after that it was all over and done with before anyone saw it coming for Okafor";
        assert_eq!(settled.topic_of(None, content).as_deref(), Some("Marta Okafor"));
        let house = "so far so good, and after that it was all over and done with before anyone in the House saw it";
        assert_eq!(settled.topic_of(None, house).as_deref(), Some("Marta Okafor"));
        let white_house = "so far so good, and after that it was all over and done with before anyone in the White House saw it";
        assert_eq!(settled.topic_of(None, white_house).as_deref(), Some("White House"));
    }

    #[test]
    fn a_plain_noun_said_once_in_passing_gives_way_to_the_main_topic() {
        let matcher = TopicMatcher::default();
        let text = "Okafor spoke. Okafor said the weather was poor; the weather held. The stone pier was old, and the stone pier fell.";
        let mut topics = DocumentTopics::new(&matcher, text);
        topics.tag_and_count("that Okafor was right", "", "");
        topics.tag_and_count("that Okafor would win", "", "");
        let weather = topics.tag_and_count("the weather was poor", "", "").map(|t| t.name);
        let pier = topics.tag_and_count("the stone pier was old", "", "").map(|t| t.name);
        assert_eq!(weather.as_deref(), Some("weather"));
        assert_eq!(pier.as_deref(), Some("stone pier"));
        let settled = topics.settled();
        assert_eq!(settled.topic_of(weather, "the weather was poor").as_deref(), Some("Okafor"));
        assert_eq!(settled.topic_of(pier, "the stone pier was old").as_deref(), Some("Okafor"));
    }

    #[test]
    fn a_quoted_title_said_once_takes_the_name_topic_its_content_mentions() {
        let matcher = TopicMatcher::default();
        let text = "Okafor spoke. Okafor said “Harbor Lights” ran long; “Harbor Lights” aired late. Later Okafor said tolls would fall.";
        let mut topics = DocumentTopics::new(&matcher, text);
        topics.tag_and_count("that Okafor was right", "", "");
        topics.tag_and_count("that Okafor would win", "", "");
        let content = "“Harbor Lights” ran long for Okafor";
        let show = topics.tag_and_count(content, "", "").map(|t| t.name);
        assert_eq!(show.as_deref(), Some("Harbor Lights"));
        let settled = topics.settled();
        assert_eq!(settled.topic_of(show, content).as_deref(), Some("Okafor"));
    }
}
