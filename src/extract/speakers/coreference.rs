//! Coreference: the people of one document and which of them each source
//! mention (a name, a surname, a pronoun, a description) stands for.

use super::mentions::{capitalised_runs, CapitalisedRun};
use super::names::*;
use super::words::*;
use super::Speaker;
use super::super::tokens::with_lowercase;
use crate::model::SpeakerKind;
use rustc_hash::FxHashMap;
use std::ops::Range;

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
#[cfg(test)]
mod tests {
    use super::super::super::sentences::split_sentences;
    use super::*;

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

}
