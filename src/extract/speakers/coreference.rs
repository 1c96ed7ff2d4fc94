//! Coreference: the people of one document and which of them each source
//! mention (a name, a surname, a pronoun, a description) stands for.
//!
//! People are known by the names the document gives them: full names (two or
//! more capitalised words, titles and honorifics stripped) seen after a title,
//! starting with a known first name, or as a source; and the surnames of those
//! names. A person's sex comes from the first name or an honorific ("Mrs.").
//! A surname goes to the person of that name mentioned last (of the sex its
//! honorific tells); "he" and "she" to the last person mentioned of that sex;
//! descriptions ("the Ukrainian president") to the last person whose role has
//! that head word. A name inside a description ("an adviser to President
//! Bush") is no antecedent. A relative "who" stands for the name right
//! before it or before its appositive, never for a group ("voters who").
//! A "they" is the group that spoke last or, failing that, the group its
//! sentence or the one before opens with (`subjects`); an "it" so the body
//! or document. Other pronouns ("I", "we") and a "they" or "it" with no
//! such subject before it are left unresolved: the statement keeps its
//! mention and gets no speaker. How a
//! description finds its person is in `descriptions`; by a role the text
//! gave beside a name ("Ada Voss, the nominee,"), in `given_roles`.

mod abbreviations;
mod bodies;
mod both;
mod descriptions;
mod given_roles;
mod ledes;
mod relatives;
mod subjects;
use descriptions::person_described;

use super::mentions::{capitalised_runs, surname_before_of, CapitalisedRun};
use super::mention_words::*;
use super::names::*;
use super::words::*;
use super::Speaker;
use super::super::tokens::with_lowercase;
use crate::model::{is_name_suffix, SpeakerKind};
use rustc_hash::FxHashMap;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Person {
    name: String,
    /// `name` in lower case, the key it is looked up by.
    lower: String,
    role: Option<String>,
    /// `role` in lower case, as descriptions are matched against it: a
    /// role is compared with every description after each mention.
    role_lower: Option<String>,
    gender: Gender,
}

/// A name parsed out of a mention: where its name and role went in
/// `SpeakerResolver::parts`.
#[derive(Debug, Clone)]
struct NameParts {
    name: Range<usize>,
    role: Option<Range<usize>>,
}

/// The generational suffix ending a lower-case name ("jr."), if any.
fn suffix(lower: &[u8]) -> Option<&[u8]> {
    lower.rsplit(|&b| b == b' ').next().filter(|w| std::str::from_utf8(w).is_ok_and(is_name_suffix))
}

/// The sex the honorific just before byte `at` tells: a capitalised run
/// starts after its honorific ("Mr." is no name word).
fn honorific_before(text: &str, at: usize) -> Gender {
    text[..at].split_whitespace().next_back().map_or(Gender::Unknown, honorific_gender)
}

/// Whether `run` ("President Voss's", "Former Gov. Quill") is a surname
/// right after an office (`role`, as parsed from it) and no more: not a
/// body ("Trump National Doral") nor a headline's run of capitals.
fn title_before_surname(run: &str, role: &str) -> bool {
    let words: Vec<&str> = run.split_whitespace().collect();
    let [.., title, _] = words[..] else { return false };
    words.len() <= 3 && is_cap_word(title) && in_list(&WORDS.titles, title) && !in_list(&FUNCTION_WORDS.role_modifiers, title) && clean_role(role).is_some()
}

/// Keep the first role a person is given, unless it names no office and
/// `role` does: "Florida Sen. Marco Rubio" after "Republican Marco Rubio".
fn take_better_role(person: &mut Person, role: Option<&str>) {
    let Some(role) = role else { return };
    // Mostly the same role again, from a source quoted again.
    if person.role.as_deref().is_none_or(|old| old != role && clean_role(old).is_none() && clean_role(role).is_some()) {
        person.role = Some(role.to_string());
        person.role_lower = Some(role.to_lowercase());
    }
}

/// The people of one document and where each is mentioned.
pub struct SpeakerResolver<'t> {
    people: Vec<Person>,
    /// Keyed by the bytes of lower-case names, looked up by bytes lowered
    /// on the stack (`with_lowercase`).
    by_name: FxHashMap<Box<[u8]>, usize>,
    /// Everyone known by each surname, in the order they were met.
    by_surname: FxHashMap<Box<[u8]>, Vec<usize>>,
    /// The person known by each first name (lower case), `None` when more
    /// than one person has it.
    by_given: FxHashMap<Box<[u8]>, Option<usize>>,
    /// The shapes of the keys of `by_surname`, to turn most words away
    /// before hashing them.
    surname_shapes: Shapes,
    /// (byte offset, person) of every mention, in text order.
    mentions: Vec<(usize, usize)>,
    /// Byte ranges of the source mentions, in text order: a person named as
    /// a source is the likelier antecedent of a later "he said".
    sources: Vec<Range<usize>>,
    /// The person each described source stands for, by its start, in text
    /// order (see `mention_described_sources`).
    described: Vec<(usize, Option<usize>)>,
    /// Described sources of a person that stand for no one the document
    /// names ("the former president said"), with the sex their head word
    /// tells, in text order: the next "he" or "she" is that person again,
    /// not someone named before it.
    unnamed: Vec<(Range<usize>, Gender)>,
    /// How often each person (by index in `people`) is mentioned among the
    /// mentions found so far: the subject of an article is mentioned most.
    mention_counts: Vec<u32>,
    /// The document's text, where a mention's words are read back.
    text: &'t str,
    /// Byte offsets where the sentences start, in text order: the subject
    /// of a sentence is found among the mentions after its start.
    sentence_starts: Vec<usize>,
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
    /// (the only ones a role comes from), those holding a first name, and
    /// those whose last word is the surname of someone known (the only ones
    /// a lookup can find). Most capitalised runs of an article (places,
    /// months, sentence openings) are none of these, and parsing every one
    /// of them was most of the cost.
    ///
    /// A name inside a quotation (`quoted`, in text order) is no antecedent:
    /// "“Trump’s supporters are here,” he said" is not Trump speaking.
    pub fn new(text: &'t str, sentences: &[Range<usize>], sources: &[Range<usize>], quoted: &[Range<usize>]) -> Self {
        let mut r = SpeakerResolver::empty(text);
        let runs = capitalised_runs(text, sentences);
        // Full names first (those with a title, a first name or used as a
        // source), so that a surname seen before its full name still finds
        // it. Each distinct run once, in the order of first appearance.
        for run in &runs {
            let run_text = &text[run.span.clone()];
            if run.titled || run.named {
                r.register_run(run_text);
            }
        }
        r.register_first_name_pairs(text, &runs);
        r.register_sources(text, sources);
        for run in runs.iter().filter(|run| run.titled && !run.named) {
            r.register_titled_surname(&text[run.span.clone()]);
        }
        r.sources = sources.to_vec();
        r.sources.sort_unstable_by_key(|s| s.start);
        r.sentence_starts = sentences.iter().map(|s| s.start).collect();
        r.find_mentions(text, &runs);
        r.forget_names_inside_descriptions(text, sources);
        if !quoted.is_empty() {
            r.mentions.retain(|&(at, _)| {
                let i = quoted.partition_point(|q| q.end <= at);
                quoted.get(i).is_none_or(|q| q.start > at)
            });
        }
        r.learn_sex_from_reported_pronouns(text);
        r.mention_described_sources(text, sources);
        r.mention_pronoun_sources(text);
        r
    }

    /// "Jahangir said she was angered": a source whose sex no first name or
    /// honorific told, reporting with "he" or "she" as the subject right
    /// after its cue, is of that pronoun's sex; a reported "she" is most
    /// often the speaker herself. A later "She thinks" then finds her, not
    /// a woman named inside her statement.
    fn learn_sex_from_reported_pronouns(&mut self, text: &str) {
        for k in 0..self.sources.len() {
            let src = self.sources[k].clone();
            let i = self.mentions.partition_point(|&(pos, _)| pos < src.start);
            let Some(&(_, id)) = self.mentions.get(i).filter(|&&(pos, _)| pos < src.end) else { continue };
            if self.people[id].gender != Gender::Unknown {
                continue;
            }
            let mut words = text[src.end..].split_whitespace().take(3);
            let cue_is_a_verb = words.next().is_some_and(|w| w.chars().all(|c| c.is_lowercase()));
            let pronoun = words.next().filter(|w| *w != "that").or_else(|| words.next());
            let gender = match pronoun {
                Some("he") => Gender::Male,
                Some("she") => Gender::Female,
                _ => continue,
            };
            if cue_is_a_verb {
                self.people[id].gender = gender;
            }
        }
    }

    /// A "he said" or "she said" resolved is a mention of that person: in a
    /// long article the next "she said" goes on with her, not with whoever
    /// was last named. The person's sex, where no name or honorific told it,
    /// is the pronoun's from then on.
    fn mention_pronoun_sources(&mut self, text: &str) {
        for k in 0..self.sources.len() {
            let src = self.sources[k].clone();
            let mention = text[src.clone()].trim();
            let Some(gender) = pronoun_gender(mention) else { continue };
            let at = src.start + (text[src.clone()].len() - text[src.clone()].trim_start().len());
            if teller_before_listener(text, &src).is_some() {
                continue;
            }
            let Some(id) = self.speaker_before(text, at, gender) else { continue };
            if self.people[id].gender == Gender::Unknown {
                self.people[id].gender = gender;
            }
            let i = self.mentions.partition_point(|&(pos, _)| pos < at);
            self.mentions.insert(i, (at, id));
        }
    }

    /// A source described, not named ("the former president said"), is a
    /// mention of the person it describes: the "he said" after it is that
    /// person speaking again, not whoever was named before.
    /// Each such source's person is kept (`described`): resolving the
    /// source later looks it up rather than working it out again.
    fn mention_described_sources(&mut self, text: &str, sources: &[Range<usize>]) {
        let described: Vec<(&Range<usize>, Option<usize>)> = sources
            .iter()
            .filter(|&src| text[src.clone()].trim_start().get(..4).is_some_and(|w| w.eq_ignore_ascii_case("the ")))
            .map(|src| (src, self.description(text, source_name_part(&text[src.clone()]), src.start)))
            .collect();
        if described.iter().any(|(_, id)| id.is_some()) {
            self.mentions.extend(described.iter().filter_map(|&(src, id)| Some((src.start, id?))));
            self.mentions.sort_unstable();
        }
        self.unnamed = described
            .iter()
            .filter(|(_, id)| id.is_none())
            .filter_map(|&(src, _)| Some((src.clone(), person_described(source_name_part(&text[src.clone()]))?)))
            .collect();
        self.unnamed.sort_unstable_by_key(|(src, _)| src.start);
        self.described = described.into_iter().map(|(src, id)| (src.start, id)).collect();
        self.described.sort_unstable_by_key(|&(at, _)| at);
    }

    /// The unnamed described source (see `unnamed`) a "he" or "she" at
    /// byte `at` stands for: the last one before it, where no person of
    /// that sex is mentioned between the two.
    fn unnamed_before(&self, at: usize, gender: Gender) -> Option<Range<usize>> {
        if self.unnamed.is_empty() || gender == Gender::Unknown {
            return None;
        }
        let k = self.unnamed.partition_point(|(src, _)| src.start < at);
        let (src, _) = self.unnamed[..k].iter().rev().find(|(_, g)| g.agrees(gender))?;
        let i = self.mentions.partition_point(|&(pos, _)| pos < at);
        let named_since = self.mentions[..i].iter().rev().take_while(|&&(pos, _)| pos >= src.start).any(|&(_, id)| self.people[id].gender.agrees(gender));
        (!named_since).then(|| src.clone())
    }

    /// The unnamed described source (see `unnamed_before`) a "he" or "she"
    /// at `at` stands for rather than person `id`, whom it would otherwise
    /// go to: only where `id` is known in another role ("campaign manager"
    /// is not "the former president"). A person with no role, or that role,
    /// is most often the one the description was written for.
    fn unnamed_instead(&self, at: usize, gender: Gender, id: usize) -> Option<Range<usize>> {
        let role = self.people[id].role_lower.as_deref()?;
        let src = self.unnamed_before(at, gender)?;
        let head = source_name_part(&self.text[src.clone()]).split_whitespace().next_back()?.to_lowercase();
        (!role_has(role, &head)).then_some(src)
    }

    /// Who each run names, now that every person is known. A run's person is
    /// worked out once per distinct run where the answer cannot depend on
    /// where the run stands (its full name is known, or one person bears its
    /// surname): most runs of an article repeat a few names.
    fn find_mentions(&mut self, text: &'t str, runs: &[CapitalisedRun]) {
        let mut person_of_parse: Vec<Option<Option<usize>>> = Vec::new();
        for run in runs {
            // "Tomas Quill of Oregon": a name with its home state, which
            // `parse_name_into` parses as the name before "of".
            let mut last_word = &text[run.last_word.clone()];
            // "Tomas Quill Jr.": known by the surname before the suffix.
            if is_name_suffix(last_word) {
                last_word = text[run.span.start..run.last_word.start].split_whitespace().next_back().unwrap_or(last_word);
            }
            let by_last_word = self.may_name_someone(last_word);
            if !(by_last_word || run.of_after_a_name && surname_before_of(&text[run.span.clone()]).is_some_and(|w| self.may_name_someone(w))) {
                continue;
            }
            let run_text = &text[run.span.clone()];
            let i = self.parse_once(run_text);
            if person_of_parse.len() <= i {
                person_of_parse.resize(i + 1, None);
            }
            // "Mr. Quill": the run is "Quill", its honorific just before it,
            // and the person it names may differ from plain "Quill"'s.
            let honorific = honorific_before(text, run.span.start) != Gender::Unknown;
            let person = match person_of_parse[i] {
                Some(known) if !honorific => known,
                _ => {
                    // No new person from "Reformation Church of Colorado".
                    let (person, stable) = self.person_of_run(run_text, i, run.span.start, by_last_word);
                    if stable {
                        person_of_parse[i] = Some(person);
                    }
                    person
                }
            };
            if let Some(id) = person {
                self.mentions.push((run.span.start, id));
                self.mention_counts[id] += 1;
            }
        }
        self.mentions.sort_unstable();
    }

    /// The person the run `run_text` (parse `i`) at byte `at` names, and
    /// whether that holds wherever the run stands. Learns the person's sex
    /// from an honorific, and a new person from a full name whose surname
    /// someone else bears ("Ghazala Khan" where Khizr Khan is known).
    fn person_of_run(&mut self, run_text: &str, i: usize, at: usize, may_register: bool) -> (Option<usize>, bool) {
        let Some(parts) = self.parses[i].clone() else { return (None, true) };
        let gender = match mention_gender(run_text) {
            Gender::Unknown => honorific_before(self.text, at),
            known => known,
        };
        let name = &self.parts[parts.name];
        let stable = with_lowercase(name, |key| {
            self.by_name.contains_key(key)
                || key.rsplit(|&b| b == b' ').next().and_then(|surname| self.by_surname.get(surname)).is_some_and(|p| p.len() == 1)
        });
        let mut person = self.person_named(name, at, gender);
        if person.is_none() && may_register && name.contains(' ') && name.split(' ').count() <= 3 && kind_of_phrase(name).is_none() && plausible_name(name) {
            let name = name.to_string();
            self.register(&name, None, gender);
            person = self.person_named(&name, at, gender);
        }
        if let Some(id) = person {
            if self.people[id].gender == Gender::Unknown {
                self.people[id].gender = gender;
            }
        }
        (person, stable && gender == Gender::Unknown)
    }

    /// "A former adviser to President Bush said": Bush is mentioned, but not
    /// as anyone a later "he" may stand for. Nor is anyone named in the
    /// description after a speaker's name ("Ada Voss, a former aide to
    /// Governor Tom Quill, said ... he said" is Voss speaking again).
    fn forget_names_inside_descriptions(&mut self, text: &str, sources: &[Range<usize>]) {
        let inside: Vec<Range<usize>> = sources
            .iter()
            .filter_map(|src| {
                let mention = &text[src.clone()];
                let part = source_name_part(mention);
                if part.contains(' ') && pronoun_kind(part).is_none() && self.names_no_one(part) {
                    return Some(src.start + 1..src.end);
                }
                // Only after a name: in "Quill's campaign chairman, Ada
                // Voss," the name after the comma is the speaker.
                let comma = mention.find(',')?;
                let words = || part.split_whitespace();
                let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase) && w != "of";
                let a_name = words().next_back().is_some_and(is_cap_word) && !words().any(|w| is_possessive(w) || lower(w)) && pronoun_kind(part).is_none();
                a_name.then(|| src.start + comma..src.end)
            })
            .collect();
        if !inside.is_empty() {
            self.mentions.retain(|(at, _)| !inside.iter().any(|within| within.contains(at)));
        }
    }

    /// Sized for an article's worth of names, so that the tables are not
    /// grown (and rehashed) several times for each article.
    fn empty(text: &'t str) -> Self {
        const PEOPLE: usize = 32;
        const PARSES: usize = 64;
        SpeakerResolver {
            people: Vec::with_capacity(PEOPLE),
            by_name: FxHashMap::with_capacity_and_hasher(PEOPLE, Default::default()),
            by_surname: FxHashMap::with_capacity_and_hasher(PEOPLE, Default::default()),
            by_given: FxHashMap::with_capacity_and_hasher(PEOPLE, Default::default()),
            surname_shapes: Shapes::default(),
            mentions: Vec::new(),
            sources: Vec::new(),
            described: Vec::new(),
            unnamed: Vec::new(),
            mention_counts: Vec::with_capacity(PEOPLE),
            text,
            sentence_starts: Vec::new(),
            parsed: FxHashMap::with_capacity_and_hasher(PARSES, Default::default()),
            parses: Vec::with_capacity(PARSES),
            parts: String::with_capacity(PARSES * 16),
        }
    }

    /// Register the full name and role of a capitalised run the first time
    /// it is seen ("Finance Minister Ada Voss", "Hillary Clinton");
    /// registering it again would change nothing.
    fn register_run(&mut self, run: &'t str) {
        let seen = self.parses.len();
        let i = self.parse_once(run);
        if i < seen {
            return;
        }
        let Some(NameParts { name, role }) = self.parses[i].clone() else { return };
        // Out of `self` while `register` runs (it never reads it), so that
        // the name and role need no copies.
        let parts = std::mem::take(&mut self.parts);
        let name = &parts[name];
        if name.contains(' ') && kind_of_phrase(name).is_none() && plausible_name(name) {
            self.register(name, role.map(|role| &parts[role]), mention_gender(run));
        }
        self.parts = parts;
    }

    /// "President Voss's announcement ... He announced": a surname after a
    /// title names a person a later "he" may stand for, though the text
    /// never gives the full name. Only once every full name is known, and
    /// only a surname no one known bears: "President Obama" is not the
    /// first name-less bearer a later "Michelle Obama" would complete.
    fn register_titled_surname(&mut self, run: &'t str) {
        let i = self.parse_once(run);
        let Some(NameParts { name, role: Some(role) }) = self.parses[i].clone() else { return };
        let parts = std::mem::take(&mut self.parts);
        let (name, role) = (&parts[name], &parts[role]);
        if title_before_surname(run, role) && self.titled_surname(name) {
            self.register(name, Some(role), mention_gender(run));
        }
        self.parts = parts;
    }

    /// Whether `name`, parsed from a run with a title, is a surname no one
    /// known bears yet: a known bearer keeps the role the text gave them
    /// ("Secretary Clinton" is no role for whichever Clinton came first),
    /// and a name-less "Obama" would take the first name of the next
    /// full name of that surname, whoever's it is.
    fn titled_surname(&self, name: &str) -> bool {
        !name.is_empty()
            && !name.contains(' ')
            && is_cap_word(name)
            // "Mayor Bill de Blasio" cut short at "de": a first name, no surname.
            && first_name_gender(name).is_none()
            && kind_of_phrase(name).is_none()
            && !is_place(name)
            && plausible_name(name)
            && with_lowercase(name, |key| !self.by_surname.contains_key(key))
    }

    /// "Bill and Hillary Clinton", "David and Jeanne Heidler": the first
    /// name alone before "and" shares the full name's surname, so that "Mr.
    /// Clinton" or "the former president" later finds Bill Clinton, not
    /// Hillary. Only a first name of the list: "Trump and Hillary Clinton"
    /// names no "Trump Clinton".
    fn register_first_name_pairs(&mut self, text: &str, runs: &[CapitalisedRun]) {
        for pair in runs.windows(2) {
            let (first, full) = (&text[pair[0].span.clone()], &text[pair[1].span.clone()]);
            if !pair[1].named || first.contains(' ') || text.get(pair[0].span.end..pair[1].span.start) != Some(" and ") {
                continue;
            }
            // "Bill and Melinda Gates Foundation" names a body, not two people.
            let (Some(gender), Some((_, surname))) = (first_name_gender(first), full.rsplit_once(' ')) else { continue };
            if full.split(' ').count() == 2 && is_cap_word(surname) {
                self.register(&format!("{first} {surname}"), None, gender);
            }
        }
    }

    /// Register the people sources name; a source quoted again (the same
    /// words, so the same parse) registers no one new.
    fn register_sources(&mut self, text: &'t str, sources: &[Range<usize>]) {
        let mut registered = vec![false; self.parses.len()];
        for src in sources {
            let mention = source_name_part(&text[src.clone()]);
            let i = self.parse_once(mention);
            if registered.len() <= i {
                registered.resize(i + 1, false);
            }
            if std::mem::replace(&mut registered[i], true) {
                continue;
            }
            if let Some(NameParts { name, role }) = self.parses[i].clone() {
                let parts = std::mem::take(&mut self.parts);
                let name = &parts[name];
                if kind_of_phrase(name).is_none() && !is_pronoun(name) {
                    self.register(name, role.map(|role| &parts[role]), mention_gender(mention));
                }
                self.parts = parts;
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
        // Names are known by one apostrophe ("O’Malley" as "O'Malley"); few
        // words hold the other, so the copy is rare. (An ASCII word, most
        // of them, is not searched for it: a char search costs more here
        // than the rest of the test.)
        let straightened;
        let last = if !last.is_ascii() && last.contains('’') {
            straightened = last.replace('’', "'");
            straightened.as_str()
        } else {
            last
        };
        // "You’ve", "They’re": a contraction names no one.
        if ["'ve", "'re", "'ll", "'m", "'d"].iter().any(|end| last.ends_with(end)) {
            return false;
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

    /// Whether `parse_name(mention)` is `None`, from the parses already made
    /// where it was one.
    fn names_no_one(&self, mention: &str) -> bool {
        match self.parsed.get(mention) {
            Some(&i) => self.parses[i].is_none(),
            None => parse_name(mention).is_none(),
        }
    }

    /// `parse_name(mention)`, from the parses already made where it was one.
    fn parse_name(&self, mention: &str) -> Option<ParsedName> {
        let Some(&i) = self.parsed.get(mention) else { return parse_name(mention) };
        let p = self.parses[i].as_ref()?;
        Some(ParsedName { name: self.parts[p.name.clone()].to_string(), role: p.role.clone().map(|r| self.parts[r].to_string()) })
    }

    fn register(&mut self, name: &str, role: Option<&str>, gender: Gender) {
        // Most names registered are known already (a source quoted again).
        if let Some(id) = with_lowercase(name, |key| self.by_name.get(key).copied()) {
            let person = &mut self.people[id];
            take_better_role(person, role);
            if person.gender == Gender::Unknown {
                person.gender = gender;
            }
            return;
        }
        if !name.contains(' ') {
            // A surname alone ("Trump" quoted again): its bearer, if known.
            if let Some(id) = self.lookup(name, gender) {
                let person = &mut self.people[id];
                take_better_role(person, role);
                if person.gender == Gender::Unknown {
                    person.gender = gender;
                }
                return;
            }
        }
        if !plausible_name(name) {
            return;
        }
        let gender = match name.split(' ').next().and_then(first_name_gender) {
            Some(of_name) if name.contains(' ') && of_name != Gender::Unknown => of_name,
            _ => gender,
        };
        if let Some(id) = self.lookup(name, gender) {
            let person = &mut self.people[id];
            // A fuller name for a person known by surname only.
            if name.contains(' ') && !person.name.contains(' ') {
                person.name = name.to_string();
                person.lower = name.to_lowercase();
                self.by_name.insert(person.lower.as_bytes().into(), id);
                if let Some((given, _)) = person.lower.split_once(' ') {
                    self.by_given.entry(given.as_bytes().into()).and_modify(|one| *one = None).or_insert(Some(id));
                }
            }
            take_better_role(person, role);
            if person.gender == Gender::Unknown {
                person.gender = gender;
            }
            return;
        }
        let id = self.people.len();
        let lower = name.to_lowercase();
        self.by_name.insert(lower.as_bytes().into(), id);
        if let Some((given, _)) = lower.split_once(' ') {
            self.by_given.entry(given.as_bytes().into()).and_modify(|one| *one = None).or_insert(Some(id));
        }
        // The surname lowered alone or within the name is the same: the
        // only context-dependent lowering (a final sigma) looks no further
        // than the word.
        let surname: Box<[u8]> = surname_of(&lower).as_bytes().into();
        self.people.push(Person { name: name.to_string(), lower, role: role.map(str::to_string), role_lower: role.map(str::to_lowercase), gender });
        self.mention_counts.push(0);
        self.surname_shapes.add(&surname);
        self.by_surname.entry(surname).or_default().push(id);
    }

    /// The person called `name`, wherever in the text: by full name, or by
    /// surname when one person of that surname (and sex) is known.
    fn lookup(&self, name: &str, gender: Gender) -> Option<usize> {
        self.person_named(name, usize::MAX, gender)
    }

    /// The person `name` stands for at byte `at`: the one of that full name;
    /// for a surname alone, of the people of that surname whose sex agrees
    /// with `gender`, the one mentioned last before `at`, else the first met.
    /// "Bill Clinton" is not "Hillary Clinton": a different first name is a
    /// different person.
    fn person_named(&self, name: &str, at: usize, gender: Gender) -> Option<usize> {
        with_lowercase(name, |key| {
            if let Some(&id) = self.by_name.get(key) {
                return Some(id);
            }
            let surname = surname_of(std::str::from_utf8(key).ok()?).as_bytes();
            let Some(people) = self.by_surname.get(surname) else {
                // "Bob": a first name alone, for the one person known by it.
                return (!key.contains(&b' ')).then(|| self.only_person_called(key)).flatten();
            };
            if let Some(given) = key.split(|&b| b == b' ').next().filter(|_| key.contains(&b' ')) {
                // A full name not known as such: the person of the same
                // first name and surname ("Hillary Rodham Clinton" is
                // "Hillary Clinton"), else the surname's one person known by
                // surname only, if any.
                // "Donald Trump Jr." is not "Donald Trump": a suffix must agree.
                let same_given = |id: &usize| {
                    let lower = self.people[*id].lower.as_bytes();
                    lower.split(|&b| b == b' ').next().is_some_and(|g| g == given) && suffix(lower) == suffix(key)
                };
                return people
                    .iter()
                    .copied()
                    .find(|id| self.people[*id].name.contains(' ') && same_given(id))
                    .or_else(|| people.iter().copied().find(|&id| !self.people[id].name.contains(' ')));
            }
            let agrees = |id: &usize| self.people[*id].gender.agrees(gender);
            if people.len() == 1 || at == usize::MAX {
                return people.iter().copied().find(agrees);
            }
            // Of several bearers, the one named in full in this sentence or
            // the one before it ("Freddy Trump ... Mr. Trump said of his
            // brother" after such a sentence is Freddy), else the one
            // mentioned most so far, the first met of those: an article
            // mentions its subject most and calls relatives by their first
            // names ("Freddy") once introduced. A name that starts with no
            // first name ("Understated Perez" of a headline) comes last.
            let upto = self.mentions.partition_point(|&(pos, _)| pos < at);
            let window = self.sentence_before(at);
            self.mentions[..upto]
                .iter()
                .rev()
                .take_while(|&&(pos, _)| pos >= window)
                .find(|&&(pos, id)| people.contains(&id) && agrees(&id) && self.named_in_full_at(pos, id))
                .map(|&(_, id)| id)
                .or_else(|| people.iter().copied().filter(agrees).enumerate().min_by_key(|&(k, id)| (!self.has_first_name(id), std::cmp::Reverse(self.mention_counts[id]), k)).map(|(_, id)| id))
        })
    }

    /// The one person whose full name starts with the first name `given`
    /// (lower case), if only one does.
    fn only_person_called(&self, given: &[u8]) -> Option<usize> {
        self.by_given.get(given).copied().flatten()
    }

    /// The person a "he" or "she" at `at` stands for: the last person
    /// mentioned before it whose sex agrees, unless that mention is an
    /// object or a possessive (not opening its sentence: "Quill's plan
    /// failed. He said" is Quill) and a person of that sex stands shortly
    /// before it as a source ("Sanders said he would campaign for Canova.
    /// ... he said" is Sanders) or, failing that, as the subject opening a
    /// sentence ("Voss, who ran against Quill's brother, said he ..."): a
    /// name in those places is seldom the next speaker.
    fn speaker_before(&self, text: &str, at: usize, gender: Gender) -> Option<usize> {
        self.antecedent(text, at, gender, true)
    }

    /// The person a "his" or "her" at `at` stands for: as `speaker_before`,
    /// but an owner ("Rubio's party, where his supporters") is no less
    /// likely than a subject.
    fn owner_before(&self, text: &str, at: usize, gender: Gender) -> Option<usize> {
        self.antecedent(text, at, gender, false)
    }

    fn antecedent(&self, text: &str, at: usize, gender: Gender, subject_wins: bool) -> Option<usize> {
        let id = self.named_antecedent(text, at, gender, subject_wins)?;
        if self.unnamed_instead(at, gender, id).is_some() {
            return None;
        }
        Some(id)
    }

    /// The person of `antecedent` among the people named.
    fn named_antecedent(&self, text: &str, at: usize, gender: Gender, subject_wins: bool) -> Option<usize> {
        /// How far back (bytes) before the last mention a source still wins.
        const SOURCE_REACH: usize = 300;
        /// How far back a sentence's subject still wins: two sentences or so.
        const SUBJECT_REACH: usize = 500;
        if gender != Gender::Unknown {
            if let Some(id) = self.subject_after_clause(text, at, gender) {
                return Some(id);
            }
        }
        let i = self.mentions.partition_point(|&(pos, _)| pos < at);
        let agrees = |id: usize| self.people[id].gender.agrees(gender);
        let mut candidates = self.mentions[..i].iter().rev().filter(|&&(_, id)| agrees(id));
        let &(last_at, last) = candidates.next()?;
        // A relative "who" stands for the name just before it; "As for
        // Trump, he said" for the name the pronoun follows at once.
        // Only where the name opens its sentence or nearly ("As for Trump,"):
        // in "He leans toward Quill, he said" Quill is an object.
        let right_after = text[last_at..at].split_once(',').is_some_and(|(name, rest)| rest.trim().is_empty() && name.split_whitespace().all(is_cap_word))
            && text[self.sentence_start(last_at)..last_at].split_whitespace().count() <= 2;
        if gender == Gender::Unknown || right_after || self.is_in_source(last_at) {
            return Some(last);
        }
        // The subject of the sentence the last mention stands in, when that
        // is someone else of the same sex: in "Cox said Obama erred. He
        // said" or "Quill attacked Voss. He said" the speaker goes on.
        if subject_wins {
            let start = self.main_clause_start(text, self.sentence_start(last_at), last_at);
            let from = self.mentions.partition_point(|&(pos, _)| pos < start);
            let first = self.mentions[from..i]
                .iter()
                .take_while(|&&(pos, _)| pos < last_at)
                .filter(|&&(_, id)| id != last && self.people[id].gender == gender)
                .find(|&&(pos, _)| self.is_in_source(pos) || !is_object_or_possessive(text, pos));
            if let Some(&(_, id)) = first {
                return Some(id);
            }
        }
        if !is_object_or_possessive(text, last_at) {
            return Some(last);
        }
        if subject_wins && opens_sentence(text, last_at) {
            return Some(last);
        }
        let same_sex = |&&(_, id): &&(usize, usize)| self.people[id].gender == gender;
        let source = candidates.clone().take_while(|&&(pos, _)| pos + SOURCE_REACH >= last_at).filter(same_sex).find(|&&(pos, _)| self.is_in_source(pos));
        let subject = || {
            candidates
                .take_while(|&&(pos, _)| pos + SUBJECT_REACH >= last_at)
                .filter(same_sex)
                .find(|&&(pos, _)| opens_sentence(text, pos))
        };
        let earlier = if subject_wins { source.or_else(subject) } else { source };
        Some(earlier.map_or(last, |&(_, id)| id))
    }

    /// "Though she lost, Voss said", "From her first day, when she paid
    /// her own bill, Voss has": a "he" or "she" that is the subject of a
    /// clause opening its sentence (or following the sentence's opening
    /// phrase) stands for the name that opens the main clause right after
    /// that clause's comma, when the sex agrees. "After all, she said,
    /// Voss" is no such clause: the pronoun must follow its subordinator.
    fn subject_after_clause(&self, text: &str, at: usize, gender: Gender) -> Option<usize> {
        let start = self.sentence_start(at);
        let before = text[start..at].trim_end();
        let (head, subordinator) = match before.rsplit_once(char::is_whitespace) {
            Some((head, word)) => (head.trim_end(), word),
            None => ("", before),
        };
        if !in_list(&FUNCTION_WORDS.subordinators, subordinator) {
            return None;
        }
        // "Even as he ...": the subordinator's own adverb.
        let head = head.strip_suffix("Even").or_else(|| head.strip_suffix("even")).map_or(head, str::trim_end);
        let head = head.trim_start_matches(['"', '“', '\'', '‘']);
        // Nothing before the clause, or a short opening phrase ("From his
        // first day,"): after a clause of its own ("They compared it to
        // the 2000 race, when he") the pronoun is that clause's business.
        const OPENING_WORDS: usize = 8;
        let opening_phrase = || {
            let first = head.split_whitespace().next().unwrap_or("");
            let preposition = in_list(&FUNCTION_WORDS.object_prepositions, first) || in_list(&FUNCTION_WORDS.place_prepositions, first) || in_list(&FUNCTION_WORDS.subordinators, first);
            head.ends_with(',') && preposition && head.split_whitespace().count() <= OPENING_WORDS
        };
        if !(head.is_empty() || opening_phrase()) {
            return None;
        }
        let end = self.sentence_starts.get(self.sentence_starts.partition_point(|&s| s <= at)).copied().unwrap_or(text.len());
        let comma = at + text[at..end].find(',')?;
        let i = self.mentions.partition_point(|&(pos, _)| pos < comma);
        let &(pos, id) = self.mentions.get(i).filter(|&&(pos, _)| pos < end)?;
        // Only titles and honorifics between the comma and the name.
        let gap = &text[comma + 1..pos];
        if !gap.split_whitespace().all(|w| in_list(&WORDS.titles, w) || in_list(&WORDS.honorifics, w)) || is_object_or_possessive(text, pos) {
            return None;
        }
        // The name is the subject: a lower-case verb follows it, not a
        // comma ("an opponent, George Bush, he deemed") nor a pronoun's own
        // mention ("by name, he made it clear").
        let mut words = text[pos..end].split_whitespace();
        let name_words = words.by_ref().take_while(|w| is_cap_word(w)).collect::<Vec<_>>();
        if name_words.is_empty() || name_words.iter().any(|w| w.ends_with(',') || is_pronoun(w)) {
            return None;
        }
        let verb = text[pos..end].split_whitespace().find(|w| !is_cap_word(w))?;
        let agrees = self.people[id].gender.agrees(gender);
        (agrees && verb.starts_with(|c: char| c.is_lowercase())).then_some(id)
    }

    /// Whether a relative "who" at byte `at` stands for the person
    /// mentioned last before it (see `relatives`): not after a group
    /// ("voters who") or a name that only modifies another word.
    fn relative_names_someone(&self, text: &str, at: usize) -> bool {
        let i = self.mentions.partition_point(|&(pos, _)| pos < at);
        // A name in an earlier sentence is never what "who" stands for.
        i > 0 && self.mentions[i - 1].0 >= self.sentence_start(at) && relatives::who_stands_for_name(text, self.mentions[i - 1].0, at)
    }

    /// Where the main clause of the sentence starting at `start` begins,
    /// looking no further than `upto`: after the first comma when a
    /// subordinate clause opens the sentence ("When Quill spoke, Voss
    /// left"), else at its start.
    fn main_clause_start(&self, text: &str, start: usize, upto: usize) -> usize {
        let sentence = &text[start..upto];
        let opener = sentence.split_whitespace().next().unwrap_or("");
        if !in_list(&FUNCTION_WORDS.subordinators, opener) {
            return start;
        }
        sentence.find(',').map_or(upto, |comma| start + comma + 1)
    }

    /// The byte offset where the sentence before the one holding byte `at`
    /// starts (or that one's, if it is the first).
    pub(super) fn sentence_before(&self, at: usize) -> usize {
        let k = self.sentence_starts.partition_point(|&s| s <= at);
        self.sentence_starts[..k].iter().rev().nth(1).or(self.sentence_starts[..k].last()).copied().unwrap_or(0)
    }

    /// Whether person `id`'s name starts with a known first name.
    fn has_first_name(&self, id: usize) -> bool {
        self.people[id].name.split_once(' ').is_some_and(|(given, _)| first_name_gender(given).is_some())
    }

    /// Whether the mention at byte `pos` names person `id` with a first
    /// name ("Freddy Trump"), not by surname alone ("Mr. Trump").
    fn named_in_full_at(&self, pos: usize, id: usize) -> bool {
        let person = &self.people[id];
        let Some((given, _)) = person.name.split_once(' ') else { return false };
        self.text[pos..].strip_prefix(given).is_some_and(|rest| rest.starts_with(' '))
    }

    /// The byte offset where the sentence holding byte `at` starts.
    fn sentence_start(&self, at: usize) -> usize {
        let k = self.sentence_starts.partition_point(|&s| s <= at);
        k.checked_sub(1).map_or(0, |k| self.sentence_starts[k])
    }

    /// "Historians say": one word in -s that opens a sentence, is no first
    /// name, and the text writes in lower case elsewhere ("historians") is
    /// a plural noun capitalised for standing first, never a surname.
    fn plural_at_sentence_start(&self, text: &str, at: usize, name: &str) -> bool {
        if name.len() < 4 || name.contains(' ') || !name.ends_with('s') || self.sentence_start(at) != at || first_name_gender(name).is_some() {
            return false;
        }
        let mut first = name.chars();
        let Some(initial) = first.next().filter(|c| c.is_uppercase()) else { return false };
        if !first.as_str().chars().all(|c| c.is_lowercase() || c == '-') {
            return false;
        }
        let lower: String = initial.to_lowercase().chain(first).collect();
        memchr::memmem::find_iter(text.as_bytes(), lower.as_bytes()).any(|pos| {
            let end = pos + lower.len();
            !text[..pos].ends_with(char::is_alphanumeric) && !text[end..].starts_with(char::is_alphanumeric)
        })
    }

    /// Whether byte `at` lies inside a source mention.
    fn is_in_source(&self, at: usize) -> bool {
        let k = self.sources.partition_point(|s| s.start <= at);
        k > 0 && at < self.sources[k - 1].end
    }

    fn person(&self, id: usize, mention: &str) -> Speaker {
        let p = &self.people[id];
        Speaker { name: p.name.clone(), mention: mention.to_string(), role: p.role.clone(), kind: SpeakerKind::Person }
    }

    /// The speaker behind the source mention at `span` (bytes into `text`),
    /// with a role only where it names one (see `clean_role`).
    pub fn resolve(&self, text: &str, span: &Range<usize>) -> Speaker {
        let mut speaker = self.resolve_mention(text, span);
        if let Some(body) = self.spelled_out_body(text, span, &speaker) {
            speaker = body;
        }
        if let Some(named) = self.named_after_lede(text, span, &speaker) {
            speaker = named;
        }
        speaker.role = speaker.role.as_deref().and_then(clean_role);
        speaker
    }

    fn resolve_mention(&self, text: &str, span: &Range<usize>) -> Speaker {
        let mention = text[span.clone()].trim();
        let unresolved = || Speaker { name: String::new(), mention: mention.to_string(), role: None, kind: SpeakerKind::Unresolved };
        if let Some(teller) = teller_before_listener(text, span) {
            let Some(teller) = teller else { return unresolved() };
            return self.resolve_for(text, &teller, mention);
        }
        if let Some(pronoun) = pronoun_after_function_word(text, span, mention) {
            return self.resolve_for(text, &pronoun, mention);
        }
        // "No one, in fact," or "he, too,": the aside after the comma says
        // nothing of who speaks, and the pronoun before it is the mention.
        if let Some(head) = mention.split_once(',').map(|(head, _)| head.trim_end()).filter(|head| pronoun_kind(head).is_some()) {
            let start = span.start + text[span.clone()].find(head).unwrap_or(0);
            return self.resolve_mention(text, &(start..start + head.len()));
        }
        if let Some(what) = pronoun_kind(mention) {
            let gender = match what {
                "male" => Gender::Male,
                "female" => Gender::Female,
                "relative" if self.relative_names_someone(text, span.start) => Gender::Unknown,
                _ => {
                    return self
                        .relative_phrase(text, span, mention)
                        .or_else(|| self.body_spoken_before(text, span, mention))
                        .or_else(|| self.group_subject_before(text, span.start, mention))
                        .unwrap_or_else(unresolved)
                }
            };
            let named = self.named_antecedent(text, span.start, gender, true);
            if let Some(described) = named.and_then(|id| self.unnamed_instead(span.start, gender, id)) {
                return self.resolve_for(text, &described, mention);
            }
            return match named {
                Some(id) => self.person(id, mention),
                None => unresolved(),
            };
        }
        let (name_part, appositive) = split_appositive(mention);
        if let Some(both) = self.both_named_before(name_part, span, mention) {
            return both;
        }
        if let Some(both) = self.pair(text, name_part, span.start) {
            return Speaker { name: both, mention: mention.to_string(), role: None, kind: SpeakerKind::Group };
        }
        if let Some(speaker) = self.named_in_apposition(text, span, name_part, appositive) {
            return speaker;
        }
        if let Some(speaker) = self.body_of_person(name_part, span.start, mention) {
            return speaker;
        }
        if let Some(speaker) = self.owner_of_account(text, name_part, span.start, mention) {
            return speaker;
        }
        if let Some(speaker) = self.body_of_pronoun(text, name_part, span.start, mention) {
            return speaker;
        }
        if let Some(person) = person_of_a_body(name_part) {
            let start = span.start + text[span.clone()].find(person).unwrap_or(0);
            return self.resolve_for(text, &(start..start + person.len()), mention);
        }
        if let Some(p) = self.parse_name(name_part) {
            // "Israel" is the country unless the text has a person of that name.
            let person_of_a_place_name = || is_place(&p.name) && self.person_named(&p.name, span.start, Gender::Unknown).is_some();
            if kind_of_phrase(&p.name).is_none() || person_of_a_place_name() {
                let found = self.person_named(&p.name, span.start, mention_gender(name_part));
                let plural = || Speaker { name: p.name.to_lowercase(), mention: mention.to_string(), role: None, kind: SpeakerKind::Group };
                if found.is_some_and(|id| !self.has_first_name(id)) && self.plural_at_sentence_start(text, span.start, &p.name) {
                    return plural();
                }
                if let Some(id) = found {
                    let mut s = self.person(id, mention);
                    if s.role.is_none() {
                        s.role = p.role.or_else(|| appositive.map(strip_article));
                    }
                    return s;
                }
                if plausible_name(&p.name) {
                    if self.plural_at_sentence_start(text, span.start, &p.name) {
                        return plural();
                    }
                    return Speaker { name: p.name, mention: mention.to_string(), role: p.role.or_else(|| appositive.map(strip_article)), kind: SpeakerKind::Person };
                }
                // "the Wisconsin Republican": a description, no name.
                let described = || self.description(text, name_part, span.start).map(|id| self.person(id, mention));
                if let Some(speaker) = self.named_before(text, span, name_part).or_else(described) {
                    return speaker;
                }
                // "The American Legion", "a Quinnipiac poll conducted in
                // February": no one's name, but a body or a document, which
                // is named below as any other.
                if !names_a_body_or_document(name_part) {
                    return unnamed_person(text, span, name_part, mention).unwrap_or_else(unresolved);
                }
            }
        }
        if let Some(id) = self.description(text, name_part, span.start) {
            return self.person(id, mention);
        }
        if let Some(speaker) = self.named_before(text, span, name_part) {
            return speaker;
        }
        if let Some(group) = group_of_share(name_part) {
            if plausible_phrase(group) {
                let kind = kind_of_phrase(group).unwrap_or(SpeakerKind::Group);
                // Never the mention's first word: its capitals are its own.
                return Speaker { name: group.to_string(), mention: mention.to_string(), role: None, kind };
            }
        }
        if let Some(speaker) = self.body_by_kind(text, span, name_part) {
            return speaker;
        }
        let kind = kind_of_phrase(name_part).unwrap_or(SpeakerKind::Unknown);
        if matches!(kind, SpeakerKind::Organization | SpeakerKind::Document) {
            if let Some(speaker) = self.named_instance_of(text, span, name_part).or_else(|| self.body_by_short_name(text, span, name_part)) {
                return speaker;
            }
        }
        if kind == SpeakerKind::Unknown && (!plausible_phrase(name_part) || is_bare_verb_form(name_part)) {
            return unnamed_person(text, span, name_part, mention).unwrap_or_else(unresolved);
        }
        // "A new Harlow Research poll released": a document by its owner's
        // name, of kind document whatever words the mention ran on to.
        if matches!(kind, SpeakerKind::Document | SpeakerKind::Unknown) {
            if let Some(name) = document_name(name_part) {
                return Speaker { name, mention: mention.to_string(), role: None, kind: SpeakerKind::Document };
            }
        }
        Speaker { name: canonical_phrase(name_part, kind), mention: mention.to_string(), role: None, kind }
    }

    /// The speaker the mention at `span` names, credited to `mention`, the
    /// words the statement gave ("he" standing for "the former mayor").
    fn resolve_for(&self, text: &str, span: &Range<usize>, mention: &str) -> Speaker {
        let mut speaker = self.resolve_mention(text, span);
        speaker.mention = mention.to_string();
        speaker
    }

    /// A "who" or "which" that stands for no one named: the noun phrase
    /// before it, resolved as a mention of its own ("the Chilean president,
    /// who said" is the person that description finds; "one former aide
    /// who said" is that aide; "a new poll, which found" the poll).
    fn relative_phrase(&self, text: &str, span: &Range<usize>, mention: &str) -> Option<Speaker> {
        if !(mention.eq_ignore_ascii_case("who") || mention.eq_ignore_ascii_case("which")) {
            return None;
        }
        let Some(phrase) = relatives::phrase_before_relative(text, span.start) else {
            return self.body_before_which(text, span, mention);
        };
        let speaker = self.resolve_for(text, &phrase, mention);
        (speaker.kind != SpeakerKind::Unresolved).then_some(speaker)
    }

    /// "The Harlow council said the road would close. It added that ...":
    /// an "it" that speaks is the body or document that spoke last, in its
    /// sentence or the one before, when no one else spoke after it.
    /// A "they" so is the group that spoke last ("Economists said ...
    /// They added").
    fn body_spoken_before(&self, text: &str, span: &Range<usize>, mention: &str) -> Option<Speaker> {
        let group = mention.eq_ignore_ascii_case("they");
        if !(group || mention.eq_ignore_ascii_case("it")) {
            return None;
        }
        let k = self.sources.partition_point(|s| s.start < span.start);
        let last = self.sources[..k].last().filter(|s| s.start >= self.sentence_before(span.start))?;
        let speaker = self.resolve_for(text, last, mention);
        let agrees = if group { speaker.kind == SpeakerKind::Group } else { matches!(speaker.kind, SpeakerKind::Organization | SpeakerKind::Document) };
        agrees.then_some(speaker)
    }

    /// "the Boston Globe, which concluded": the body named before a
    /// "which". Never a person or a place ("Ankara, which" is its
    /// government, unnamed), and never someone the document knows.
    fn body_before_which(&self, text: &str, span: &Range<usize>, mention: &str) -> Option<Speaker> {
        if !mention.eq_ignore_ascii_case("which") {
            return None;
        }
        let named = relatives::name_before_which(text, span.start)?;
        let name = strip_article(&text[named.clone()]);
        if is_place(&name) || self.person_named(&name, span.start, Gender::Unknown).is_some() {
            return None;
        }
        let mut speaker = self.resolve_for(text, &named, mention);
        // A name of no one the document knows, without a first name, is a
        // body's where "which" stands for it: "the Boston Globe, which".
        let first_named = || name.split(' ').next().and_then(first_name_gender).is_some();
        if speaker.kind == SpeakerKind::Person && !first_named() {
            speaker.kind = SpeakerKind::Organization;
            speaker.role = None;
        }
        matches!(speaker.kind, SpeakerKind::Organization | SpeakerKind::Document | SpeakerKind::Unknown).then_some(speaker)
    }

    /// "The poll found", "the department said": the poll or department
    /// the article names ("a CNN/WMUR poll", "the State Department"), so
    /// that every "the poll" of the corpus is not one record.
    fn named_instance_of(&self, text: &str, span: &Range<usize>, phrase: &str) -> Option<Speaker> {
        let head = generic_head(phrase)?;
        let fits = |named: &Range<usize>| fits_modifiers(phrase, &text[named.clone()]);
        let named = named_instance(text, span.start, head).filter(fits).or_else(|| document_synonyms(head).find_map(|other| named_instance_before(text, span.start, other).filter(fits)))?;
        let mut speaker = self.resolve_mention(text, &named);
        speaker.mention = mention_of(text, span);
        (speaker.kind != SpeakerKind::Unresolved).then_some(speaker)
    }

    /// "Clinton's campaign", "the Trump campaign", "Mr. Rubio's advisers":
    /// an organisation or group of a person, named after that person's full
    /// name ("Hillary Clinton campaign"), so that every spelling of it in the
    /// corpus is one record.
    fn body_of_person(&self, phrase: &str, at: usize, mention: &str) -> Option<Speaker> {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let mut start = usize::from(words.first().is_some_and(|w| ["the", "a", "an"].iter().any(|a| w.eq_ignore_ascii_case(a))));
        // "a new Achebe campaign ad": modifiers before the owner's name.
        if start == 1 {
            while start < 3 && words.get(start).is_some_and(|w| w.chars().all(|c| c.is_lowercase() || c == '-')) {
                start += 1;
            }
        }
        let head_at = start + words[start..].iter().position(|w| !is_cap_word(w) && !in_list(&WORDS.honorifics, w))?;
        if head_at == start {
            return None;
        }
        // A noun phrase of a few words, not a clause ("released a video").
        if words.len() - head_at > 3 || words[head_at..].iter().any(|w| ["a", "an", "the"].contains(w)) {
            return None;
        }
        let body = words[head_at..].join(" ");
        let kind = kind_of_phrase(&body)?;
        // A document ("a Clinton campaign ad") is credited to its publisher
        // by name: "Hillary Clinton campaign ad".
        if !matches!(kind, SpeakerKind::Organization | SpeakerKind::Group | SpeakerKind::Document) || words[head_at..].iter().any(|w| !w.chars().all(|c| c.is_lowercase() || c == '-')) {
            return None;
        }
        let owner = words[start..head_at].join(" ");
        let owner = strip_name_word(&owner);
        let owner = owner.strip_suffix('’').or_else(|| owner.strip_suffix('\'')).unwrap_or(owner);
        let parsed = self.parse_name(owner)?;
        if kind_of_phrase(&parsed.name).is_some() || !plausible_name(&parsed.name) {
            return None;
        }
        let surname = parsed.name.rsplit(' ').next().unwrap_or_default();
        let name = match self.person_named(&parsed.name, at, mention_gender(owner)) {
            // By surname, not by a first name alone ("the German government").
            Some(id) if self.people[id].name.rsplit(' ').next() == Some(surname) => self.people[id].name.clone(),
            Some(_) => return None,
            None if parsed.name.contains(' ') && parsed.name.split(' ').next().and_then(first_name_gender).is_some() => parsed.name,
            None => return None,
        };
        Some(Speaker { name: format!("{name} {body}"), mention: mention.to_string(), role: None, kind })
    }

    /// "her Twitter account posted", "Voss's Facebook page said": the
    /// person whose account it is speaks, not a body called "her Twitter
    /// account". The owner is a "his" or "her" resolved as any owner, or
    /// the possessive of someone the document names.
    fn owner_of_account(&self, text: &str, phrase: &str, at: usize, mention: &str) -> Option<Speaker> {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let [owner, ref platform @ .., head] = words[..] else { return None };
        if platform.len() > 1 || !platform.iter().all(|w| is_cap_word(w)) || !in_list_as_written(&FUNCTION_WORDS.account_heads, head) {
            return None;
        }
        let id = if owner.eq_ignore_ascii_case("his") {
            self.owner_before(text, at, Gender::Male)?
        } else if owner.eq_ignore_ascii_case("her") {
            self.owner_before(text, at, Gender::Female)?
        } else {
            let name = owner.strip_suffix("’s").or_else(|| owner.strip_suffix("'s"))?;
            self.person_named(name, at, Gender::Unknown)?
        };
        Some(self.person(id, mention))
    }

    /// "his campaign", "her advisers": the organisation or group of the
    /// person the pronoun stands for, named as `body_of_person` names it.
    fn body_of_pronoun(&self, text: &str, phrase: &str, at: usize, mention: &str) -> Option<Speaker> {
        let (owner, body) = phrase.split_once(' ')?;
        let gender = if owner.eq_ignore_ascii_case("his") {
            Gender::Male
        } else if owner.eq_ignore_ascii_case("her") {
            Gender::Female
        } else {
            return None;
        };
        // A noun phrase of a few lower-case words, not a clause ("his
        // speech carried little").
        if body.split(' ').count() > 2 || !body.chars().all(|c| c.is_lowercase() || c == '-' || c == ' ') {
            return None;
        }
        let kind = kind_of_phrase(body).filter(|k| matches!(k, SpeakerKind::Organization | SpeakerKind::Group))?;
        let id = self.owner_before(text, at, gender)?;
        Some(Speaker { name: format!("{} {body}", self.people[id].name), mention: mention.to_string(), role: None, kind })
    }

    /// "Mr. Rubio and Senator Ted Cruz": both people, by their names ("Marco
    /// Rubio and Ted Cruz"), when each side of the "and" names a person.
    fn pair(&self, text: &str, phrase: &str, at: usize) -> Option<String> {
        // By bytes: a mention is short, and a substring searcher costs more
        // to set up than this scan, for the few mentions that hold "and".
        let and = phrase.as_bytes().windows(5).position(|w| w == b" and ")?;
        let (left, right) = (&phrase[..and], &phrase[and + 5..]);
        let name_of = |side: &str| -> Option<String> {
            // "He and Governor Tom Quill": the pronoun's person.
            if let Some(gender) = pronoun_gender(side) {
                return self.speaker_before(text, at, gender).map(|id| self.people[id].name.clone());
            }
            if is_pronoun(side) {
                return None;
            }
            let p = self.parse_name(side)?;
            if kind_of_phrase(&p.name).is_some() || !plausible_name(&p.name) {
                return None;
            }
            let name = self.person_named(&p.name, at, mention_gender(side)).map_or(p.name, |id| self.people[id].name.clone());
            // "Bash and Blitzer" after "Dana Bash and Wolf Blitzer": a
            // surname known by no fuller name, completed from the text.
            Some(if name.contains(' ') { name } else { full_name_ending_in(text, at, &name).unwrap_or(name) })
        };
        // "David and Jeanne Heidler": a first name alone shares the surname
        // after it.
        let right_surname = right.trim().rsplit_once(' ').map(|(_, surname)| surname);
        let left = match right_surname {
            Some(surname) if !left.trim().contains(' ') && first_name_gender(left.trim()).is_some() && is_cap_word(surname) => format!("{} {surname}", left.trim()),
            _ => left.trim().to_string(),
        };
        let (left, right) = (name_of(&left)?, name_of(right.trim())?);
        (left != right).then(|| format!("{left} and {right}"))
    }
}

/// Whether `phrase` ends in a body's or a document's word ("Legion",
/// "poll") or names a document by its maker ("a Harlow Research poll
/// released Monday"), and opens with no first name ("Ada Voss of the
/// Harlow Retail Federation" is a person of the body).
fn names_a_body_or_document(phrase: &str) -> bool {
    let first_named = phrase.split_whitespace().next().is_some_and(|w| first_name_gender(w).is_some());
    !first_named && (matches!(kind_of_phrase(phrase), Some(SpeakerKind::Organization | SpeakerKind::Document)) || document_name(phrase).is_some())
}

/// The unnamed person the source mention at `span` describes
/// (`unnamed_person_described`), as a speaker named by the description.
fn unnamed_person(text: &str, span: &Range<usize>, name_part: &str, mention: &str) -> Option<Speaker> {
    let described = unnamed_person_described(name_part, mention, &text[span.end..])?;
    Some(Speaker { name: canonical_phrase(&described, SpeakerKind::Person), mention: mention.to_string(), role: None, kind: SpeakerKind::Person })
}

/// "a New Hampshire Republican", "one senior Democrat familiar with the
/// matter", "an American official": someone the text introduces without a
/// name, kept by that description (as "a Democratic aide" is), where
/// the capitals of a place or party made the phrase look like a name.
/// Only after an indefinite determiner, with a head that is a party's
/// member (last, or before a tail such as "familiar") or a person's title
/// after a capitalised modifier, and modifiers before it that are no
/// preposition, owner or first name. Not the head alone ("A Libertarian,
/// he backed" is the "he"), nor a description beside a name ("One
/// hopeful, Carly Voss,", nor one the name follows in the text `after`
/// it: "A former candidate -- Carly Voss --"). The words are joined by
/// single spaces.
fn unnamed_person_described(phrase: &str, mention: &str, after: &str) -> Option<String> {
    /// How many words such a description runs to, its tail included.
    const MOST_WORDS: usize = 8;
    let mut words = phrase.split_whitespace();
    let determiner = words.next()?;
    if !["a", "an", "one", "another"].iter().any(|d| determiner.eq_ignore_ascii_case(d)) || phrase.split_whitespace().count() > MOST_WORDS {
        return None;
    }
    let named_after = after.trim_start().strip_prefix(['-', '—', '–', ',', '(']).is_some_and(|rest| {
        rest.trim_start_matches('-').split_whitespace().next().is_some_and(|w| first_name_gender(w).is_some())
    });
    if named_after || mention.split_whitespace().skip(1).any(|w| first_name_gender(w.trim_end_matches(',')).is_some()) {
        return None;
    }
    let words: Vec<&str> = words.map(|w| w.trim_end_matches(',')).collect();
    if words.len() < 2 {
        return None;
    }
    let singular = |w: &str| !w.ends_with('s');
    let party_head = |k: usize| {
        let next = words.get(k + 1);
        in_list(&WORDS.party_names, words[k]) && singular(words[k]) && next.is_none_or(|w| in_list_as_written(&FUNCTION_WORDS.description_tails, w))
    };
    let title_head = |k: usize| in_list(&WORDS.titles, words[k]) && !is_cap_word(words[k]) && singular(words[k]) && words[..k].iter().any(|w| is_cap_word(w));
    let head_at = (0..words.len()).find(|&k| party_head(k) || title_head(k))?;
    let modifier = |w: &&str| {
        let function_word = in_list(&FUNCTION_WORDS.object_prepositions, w) || in_list(&FUNCTION_WORDS.place_prepositions, w);
        !function_word && !is_possessive(w) && first_name_gender(w).is_none() && w.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.')
    };
    // "a New Hampshire Republican": two capitalised words in a row (not
    // party words) read as a first name and a surname wherever records are
    // matched by name, so such a description is left unresolved.
    let place_of_two_words = words[..=head_at].windows(2).any(|pair| pair.iter().all(|w| is_cap_word(w) && !in_list(&WORDS.party_names, w)));
    if place_of_two_words || !words[..head_at].iter().all(modifier) {
        return None;
    }
    Some(format!("{determiner} {}", words.join(" ")))
}

/// "Ada Voss of the Harlow Retail Federation": the person's name, where a
/// full name opening with a known first name stands before "of" and an
/// organisation's name after it, so that the person is not filed under
/// the whole phrase as one speaker.
fn person_of_a_body(phrase: &str) -> Option<&str> {
    let (person, body) = phrase.split_once(" of ")?;
    let words = person.split(' ').count();
    let first_named = person.split(' ').next().and_then(first_name_gender).is_some();
    let body_named = body.split(' ').filter(|w| *w != "the").all(is_cap_word) && kind_of_phrase(body) == Some(SpeakerKind::Organization);
    ((2..=3).contains(&words) && first_named && person.split(' ').all(is_cap_word) && body_named).then_some(person)
}

/// "arranging", "helped": one lower-case word in -ing or -ed is a verb the
/// source span ran onto, never someone's name.
fn is_bare_verb_form(phrase: &str) -> bool {
    phrase.len() > 4 && phrase.bytes().all(|b| b.is_ascii_lowercase()) && (phrase.ends_with("ing") || phrase.ends_with("ed"))
}

#[cfg(test)]
mod tests {
    use super::super::super::sentences::split_sentences;
    use super::*;

    pub(super) fn resolve_all(text: &str, mentions: &[&str]) -> Vec<Speaker> {
        let sentences = split_sentences(text);
        let mut spans = Vec::new();
        let mut from = 0;
        for m in mentions {
            let at = from + text[from..].find(m).expect("mention in text");
            spans.push(at..at + m.len());
            from = at + m.len();
        }
        let quoted: Vec<Range<usize>> = crate::extract::quotes::find_quotes(text).into_iter().map(|q| q.span).collect();
        let r = SpeakerResolver::new(text, &sentences, &spans, &quoted);
        spans.iter().map(|s| r.resolve(text, s)).collect()
    }

    /// The speaker of the last `mention` in `text`, the only source.
    pub(super) fn resolve_last(text: &str, mention: &str) -> Speaker {
        let at = text.rfind(mention).expect("mention in text");
        let span = at..at + mention.len();
        let quoted: Vec<Range<usize>> = crate::extract::quotes::find_quotes(text).into_iter().map(|q| q.span).collect();
        let r = SpeakerResolver::new(text, &split_sentences(text), std::slice::from_ref(&span), &quoted);
        r.resolve(text, &span)
    }
    #[test]
    fn an_account_that_posts_is_its_owner_speaking() {
        let text = "Ada Voss spoke at the harbour on Monday. The next day, her Twitter account posted a photo of the pilots.";
        let s = resolve_all(text, &["her Twitter account"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("Ada Voss", SpeakerKind::Person));
        let text = "Tom Quill lost the vote. Quill's Facebook page said the count was unfair.";
        assert_eq!(resolve_all(text, &["Quill's Facebook page"])[0].name, "Tom Quill");
        // No one named owns it: no person.
        let text = "The harbour closed. Harlow's Facebook page said the tide was late.";
        assert_ne!(resolve_all(text, &["Harlow's Facebook page"])[0].kind, SpeakerKind::Person);
    }

    #[test]
    fn someone_unnamed_described_by_party_or_place_keeps_the_description() {
        let text = "The harbour vote split the town. \"The pilots are right,\" said a Harlow Republican. \
            One senior Democrat familiar with the talks said the plan would fail. \
            A former Republican harbour commissioner -- Ada Voss -- said the channel was too shallow.";
        let s = resolve_all(text, &["a Harlow Republican", "One senior Democrat familiar with the talks", "A former Republican harbour commissioner"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("the Harlow Republican", SpeakerKind::Person));
        assert_eq!(s[1].name, "One senior Democrat familiar with the talks");
        // Named right after: no description of its own.
        assert_ne!(s[2].name, "the former Republican harbour commissioner");
        assert_eq!(unnamed_person_described("A Libertarian", "A Libertarian", ", he said"), None);
        assert_eq!(unnamed_person_described("a Harlow County Republican", "a Harlow County Republican", " said"), None);
        assert_eq!(unnamed_person_described("a lot of Republican partisans", "a lot of Republican partisans", " who"), None);
    }

    #[test]
    fn a_resolved_she_carries_her_on_through_a_long_article() {
        let text = "Mayor Ngozi Voss opened the hearing on the harbour. She said the dredging had begun in the spring and would end \
            before the first storms of the autumn. She said the pilots had asked for a deeper channel for the new \
            container ships for years. She said the cost had doubled since the plan was first drawn up by the port \
            engineers. She said the engineers had warned of silt in the outer basin. She said the silt came from the \
            river after every flood. The first plan was drawn up for Director Zorba Quill. She said the pilots were right.";
        let s = resolve_all(text, &["She", "She", "She", "She", "She", "She"]);
        assert!(s.iter().all(|s| s.name == "Ngozi Voss"), "{s:?}");
    }

    #[test]
    fn a_they_is_the_group_its_sentence_or_the_one_before_opens_with() {
        let text = "Dock workers walked off the job at the Harlow port on Monday. They said the new shifts were unsafe.";
        let s = resolve_all(text, &["They"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("dock workers", SpeakerKind::Group));
        let text = "Harlow Democrats blocked the harbour bill because they said it cut the pilots' pay.";
        let s = resolve_all(text, &["they"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("Harlow Democrats", SpeakerKind::Group));
        // Standing first is all that capitalised "Voters"; "Voss supporters"
        // keep the capital of the name the text gives them.
        let text = "The voters met at noon. Voters waited for the tide. They said the channel was too shallow.";
        assert_eq!(resolve_all(text, &["They"])[0].name, "voters");
        let text = "Ada Voss spoke at noon. Voss supporters waited outside. They said the count was unfair.";
        assert_eq!(resolve_all(text, &["They"])[0].name, "Voss supporters");
        // No group opens either sentence: the "they" stays unresolved.
        let text = "The storm closed the harbour on Monday. They said the pilots would wait.";
        assert_eq!(resolve_all(text, &["They"])[0].kind, SpeakerKind::Unresolved);
        let text = "The port lost money as the harbour closed. Pilots who waited said they were tired. They said the tide was late.";
        assert_eq!(resolve_all(text, &["They"])[0].kind, SpeakerKind::Unresolved);
        // An "it" so is the body or document the sentence before opens with.
        let text = "The Harlow harbour council voted on Monday to close the channel. It said the dredging would wait.";
        assert_eq!(resolve_all(text, &["It"])[0].kind, SpeakerKind::Organization);
        let text = "As soon as Harlow Radio ran the story, the channel closed. It said the dredging would wait.";
        assert_eq!(resolve_all(text, &["It"])[0].kind, SpeakerKind::Unresolved);
    }

    #[test]
    fn a_plural_opening_a_sentence_is_a_group_where_the_text_writes_it_lower_case() {
        let text = "The pilots met on Monday. Pilots said the channel was too shallow. Jennings said the dredging would wait.";
        let s = resolve_all(text, &["Pilots", "Jennings"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("pilots", SpeakerKind::Group));
        assert_eq!((s[1].name.as_str(), s[1].kind), ("Jennings", SpeakerKind::Person));
        // A surname of someone the text named in full stays that person.
        let text = "Ada Banks runs the harbour, where the banks are silting. Banks said the work would start soon.";
        let s = resolve_all(text, &["Banks"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("Ada Banks", SpeakerKind::Person));
    }

    #[test]
    fn party_committees_and_fact_checkers_speak_as_organisations() {
        let text = "The DNC said the count was fair. Politifact said the figure was wrong.";
        let s = resolve_all(text, &["The DNC", "Politifact"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("DNC", SpeakerKind::Organization));
        assert_eq!((s[1].name.as_str(), s[1].kind), ("Politifact", SpeakerKind::Organization));
    }

    #[test]
    fn a_party_group_keeps_its_capital_at_a_sentence_start() {
        let s = resolve_all("Republicans said the bill would fail.", &["Republicans"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("Republicans", SpeakerKind::Group));
    }

    #[test]
    fn a_name_with_its_home_state_is_a_mention_a_later_description_finds() {
        let text = "Tomas Quill of Oregon said wages would rise in every coastal town next year. Ada Voss, a nurse, said they would not. The Oregon candidate said the count was fair.";
        let s = resolve_all(text, &["Tomas Quill of Oregon", "Ada Voss, a nurse,", "The Oregon candidate"]);
        assert_eq!((s[0].name.as_str(), s[2].name.as_str()), ("Tomas Quill", "Tomas Quill"));
    }

    #[test]
    fn a_news_agency_told_something_is_the_listener_and_the_teller_speaks() {
        let text = "“The plant stays open,” Ada Voss, a union organizer, told AFP. Tomas Quill told Reuters nothing.";
        let s = resolve_all(text, &["AFP", "Reuters"]);
        assert_eq!(s[0].name, "Ada Voss");
        assert_eq!(s[1].kind, SpeakerKind::Unresolved);
    }

    #[test]
    fn a_share_of_a_group_is_spoken_for_by_the_group_and_a_bare_share_by_no_one() {
        let text = "Some 41 percent of Ohio farmers said prices fell. About four in 10 nurses said pay rose. Sixty percent said no. None of the welders said so.";
        let s = resolve_all(text, &["Some 41 percent of Ohio farmers", "About four in 10 nurses", "Sixty percent", "None of the welders"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("Ohio farmers", SpeakerKind::Group));
        assert_eq!(s[1].name, "nurses");
        assert_eq!(s[2].kind, SpeakerKind::Unresolved);
        assert_ne!(s[3].name, "the welders");
    }

    #[test]
    fn days_and_title_case_headlines_are_no_names() {
        assert!(!plausible_name("Tuesday Oklahoma") && !plausible_name("Super Tuesday") && !plausible_name("Monday"));
        assert!(!plausible_name("Ada Voss Beats Ben Ortiz In Ohio"));
        assert!(plausible_name("Ada Voss") && plausible_name("Martin Luther King Jr."));
    }

    #[test]
    fn surname_resolves_to_the_full_name() {
        let text = "Finance Minister Ada Voss spoke first. Later Voss said the budget was balanced.";
        let s = resolve_all(text, &["Voss"]);
        assert_eq!(s[0].name, "Ada Voss");
        assert_eq!(s[0].role.as_deref(), Some("Finance Minister"));
    }

    #[test]
    fn a_description_naming_no_one_is_the_next_he_not_an_earlier_man_in_another_role() {
        let text = "Sen. Otto Brandt called it a stunt. But the former mayor showed restraint on Monday. \u{201c}I wish I were home,\u{201d} he said.";
        let s = resolve_all(text, &["the former mayor", "he"]);
        assert_eq!((s[1].name.as_str(), s[1].mention.as_str()), ("the former mayor", "he"));
        // Where the man named has that role, the description is he.
        let text = "Former Mayor Otto Brandt called it a stunt. But the former mayor showed restraint on Monday. \u{201c}I wish I were home,\u{201d} he said.";
        let s = resolve_all(text, &["the former mayor", "he"]);
        assert_eq!(s[1].name, "Otto Brandt");
        // Newswriting's "the candidate" is most often the man just named.
        let text = "Sen. Otto Brandt called it a stunt. But the candidate showed restraint on Monday. \u{201c}I wish I were home,\u{201d} he said.";
        let s = resolve_all(text, &["the candidate", "he"]);
        assert_eq!(s[1].name, "Otto Brandt");
    }

    #[test]
    fn a_first_name_paired_with_a_full_name_shares_its_surname() {
        let text = "Tom and Ada Brandt opened the new pier on Monday. Mr. Brandt said the ferries would run all winter.";
        let s = resolve_all(text, &["Mr. Brandt"]);
        assert_eq!(s[0].name, "Tom Brandt");
        // A surname before "and" is no first name.
        let text = "Quill and Ada Brandt opened the new pier on Monday. Mr. Brandt said the ferries would run all winter.";
        let s = resolve_all(text, &["Mr. Brandt"]);
        assert_ne!(s[0].name, "Quill Brandt");
    }

    #[test]
    fn a_name_with_a_contracted_has_is_a_subject_not_a_possessive() {
        let text = "Otto Brandt's been saying for weeks that Ed Lane isn't ready. \u{201c}He has no record,\u{201d} he said.";
        let s = resolve_all(text, &["he"]);
        assert_eq!(s[0].name, "Otto Brandt");
        // A real possessive is still no subject.
        let text = "Otto Brandt's aides say that Ed Lane isn't ready. \u{201c}He has no record,\u{201d} he said.";
        let s = resolve_all(text, &["he"]);
        assert_eq!(s[0].name, "Ed Lane");
    }

    #[test]
    fn pronoun_resolves_to_the_last_person_mentioned() {
        let text = "Governor Tom Reyes visited the plant. He said jobs would return.";
        let s = resolve_all(text, &["He"]);
        assert_eq!((s[0].name.as_str(), s[0].mention.as_str()), ("Tom Reyes", "He"));
    }

    #[test]
    fn organisation_and_group_speakers() {
        let text = "The White House said nothing. Diplomatic sources said more.";
        let s = resolve_all(text, &["The White House", "Diplomatic sources"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("the White House", SpeakerKind::Organization));
        assert_eq!((s[1].name.as_str(), s[1].kind), ("diplomatic sources", SpeakerKind::Group));
    }

    #[test]
    fn a_pronoun_before_an_aside_is_the_mention() {
        let text = "Mayor Linda Okafor toured the port. She, too, said the pier was safe. Nobody, in fact, is sure of it.";
        let s = resolve_all(text, &["She, too,", "Nobody, in fact,"]);
        assert_eq!((s[0].name.as_str(), s[0].mention.as_str()), ("Linda Okafor", "She"));
        assert_eq!((s[1].kind, s[1].mention.as_str()), (SpeakerKind::Unresolved, "Nobody"));
    }

    #[test]
    fn a_group_named_for_a_people_keeps_its_capital() {
        let text = "Norwegian officials said the port would close. Harbour officials said it would not.";
        let s = resolve_all(text, &["Norwegian officials", "Harbour officials"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("Norwegian officials", SpeakerKind::Group));
        assert_eq!((s[1].name.as_str(), s[1].kind), ("harbour officials", SpeakerKind::Group));
    }

    #[test]
    fn unresolved_description_keeps_a_definite_name() {
        let text = "A U.S. envoy said a deal was near.";
        let s = resolve_all(text, &["A U.S. envoy"]);
        assert_eq!(s[0].name, "the U.S. envoy");
    }

    #[test]
    fn she_goes_to_the_last_woman_and_he_to_the_last_man() {
        let text = "Mayor Linda Okafor met Governor Peter Walsh on Monday. She said the bridge would open. He said it would not.";
        let s = resolve_all(text, &["She", "He"]);
        assert_eq!((s[0].name.as_str(), s[1].name.as_str()), ("Linda Okafor", "Peter Walsh"));
    }

    #[test]
    fn a_name_modifying_an_office_is_no_antecedent() {
        let text = "Governor Walsh opened the session. Linda Okafor spoke for an hour in Dover. \
                    Aides said that the Walsh administration wanted a shorter debate. She said the port needed money.";
        let s = resolve_all(text, &["She"]);
        assert_eq!(s[0].name, "Linda Okafor", "{s:?}");
    }

    #[test]
    fn a_pronoun_of_neither_sex_known_stays_unresolved() {
        let text = "Mayor Linda Okafor spoke first. He said the bridge would open. They said it would not.";
        let s = resolve_all(text, &["He", "They"]);
        for speaker in &s {
            assert_eq!((speaker.name.as_str(), speaker.kind), ("", SpeakerKind::Unresolved), "{speaker:?}");
        }
        assert_eq!(s[1].mention, "They");
    }

    #[test]
    fn an_indefinite_possessive_source_stays_unresolved() {
        let text = "Mayor Linda Okafor spoke first. It is anyone’s guess whether the bridge will open.";
        let s = resolve_all(text, &["anyone’s"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("", SpeakerKind::Unresolved), "{:?}", s[0]);
    }

    #[test]
    fn relatives_with_one_surname_stay_apart_by_honorific() {
        let text = "Tomas Reyner and his wife, Ingrid Reyner, run the farm. Mrs. Reyner said prices fell. Mr. Reyner said they rose.";
        let s = resolve_all(text, &["Mrs. Reyner", "Mr. Reyner"]);
        assert_eq!((s[0].name.as_str(), s[1].name.as_str()), ("Ingrid Reyner", "Tomas Reyner"));
    }

    #[test]
    fn a_name_inside_a_description_is_no_antecedent() {
        let text = "Senator Paul Brandt lost the vote. A former adviser to Senator Paul Brandt said the plan was dead. He said more would follow.";
        let s = resolve_all(text, &["A former adviser to Senator Paul Brandt", "He"]);
        assert_ne!(s[0].name, "Paul Brandt", "the adviser is not Brandt: {:?}", s[0]);
        assert!(s[0].name.contains("adviser"), "{:?}", s[0]);
    }

    #[test]
    fn a_possessive_before_a_role_leaves_the_speaker_named_after_it() {
        let text = "Okafor’s campaign manager Dana Whitby said the polls were wrong.";
        let s = resolve_all(text, &["Okafor’s campaign manager Dana Whitby"]);
        assert_eq!(s[0].name, "Dana Whitby");
    }

    #[test]
    fn two_people_joined_by_and_are_both_the_speaker() {
        let text = "Senator Ada Ferris and Governor Tom Quill met. Ferris and Governor Tom Quill said the deal was done.";
        let s = resolve_all(text, &["Ferris and Governor Tom Quill"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("Ada Ferris and Tom Quill", SpeakerKind::Group));
    }

    #[test]
    fn a_surname_in_a_pair_takes_the_given_names_the_text_wrote_before_it() {
        // "Wolf" and "Tayyip" are no first names the resolver knows.
        let text = "The host thanked Ada Voss and Wolf Brenner on Monday. Later, Voss and Brenner said the debate was fair.";
        assert_eq!(resolve_all(text, &["Voss and Brenner"])[0].name, "Ada Voss and Wolf Brenner");
        let text = "The premier, Recep Tayyip Ordan, flew in on Monday. Ordan and Ada Voss said the talks went well.";
        assert_eq!(resolve_all(text, &["Ordan and Ada Voss"])[0].name, "Recep Tayyip Ordan and Ada Voss");
        // A capital opening a sentence or a headline's run names no one.
        let text = "Voters Cheer Brenner In Harlow. Ada Voss spoke. Oddly Brenner stayed home. Voss and Brenner said the vote was fair.";
        assert_eq!(resolve_all(text, &["Voss and Brenner"])[0].name, "Ada Voss and Brenner");
    }

    #[test]
    fn documents_ads_and_polls_are_speakers_of_kind_document() {
        let text = "The emails show the plan was known. A new Harlow poll found support slipping.";
        let s = resolve_all(text, &["The emails", "A new Harlow poll"]);
        assert_eq!(s[0].kind, SpeakerKind::Document);
        assert_eq!((s[1].name.as_str(), s[1].kind), ("Harlow poll", SpeakerKind::Document));
    }

    #[test]
    fn a_poll_is_named_by_its_maker_however_the_mention_runs_on() {
        let text = "A new Brightwater Research poll released Friday found the mayor ahead. \
            A poll from Granite State University found her behind. An email from Ada Voss said otherwise. \
            A Harlow Tribune review of council filings found gaps.";
        let s = resolve_all(text, &["A new Brightwater Research poll released", "A poll from Granite State University", "An email from Ada Voss", "A Harlow Tribune review of council filings"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("Brightwater Research poll", SpeakerKind::Document));
        assert_eq!((s[1].name.as_str(), s[1].kind), ("Granite State University poll", SpeakerKind::Document));
        // A person's message keeps its wording; a review of filings is no
        // filing of the Tribune's.
        assert_eq!(s[2].name, "the email from Ada Voss");
        assert_ne!(s[3].name, "council filings");
        assert_ne!(s[3].name, "Harlow Tribune filings");
    }

    #[test]
    fn the_survey_is_the_poll_the_article_named_before_it() {
        let text = "A new Brightwater Research poll found most voters oppose the closure. The survey also found many want a bridge.";
        let s = resolve_all(text, &["A new Brightwater Research poll", "The survey"]);
        assert_eq!(s[1].name, "Brightwater Research poll");
        assert_eq!(s[1].mention, "The survey");
    }

    #[test]
    fn a_newspaper_shortened_is_the_full_name_the_article_gave_it() {
        let text = "The Harlow Evening Post reported the closure on Monday. The Post said the council had voted. \
            The Dorset Daily News said the vote was close. The Daily News added that two members were absent.";
        let s = resolve_all(text, &["The Harlow Evening Post", "The Post", "The Dorset Daily News", "The Daily News"]);
        assert_eq!(s[1].name, s[0].name);
        assert_eq!(s[1].name, "the Harlow Evening Post");
        assert_eq!(s[3].name, "the Dorset Daily News");
        // Named by its short name alone, it stays so.
        let s = resolve_all("The Post said the council had voted.", &["The Post"]);
        assert_eq!(s[0].name, "the Post");
    }

    #[test]
    fn the_state_department_is_not_renamed_for_a_country_before_it() {
        let text = "The U.S. State Department issued a warning. The State Department said travel was unsafe.";
        let s = resolve_all(text, &["The U.S. State Department", "The State Department"]);
        assert_eq!(s[1].name, "the State Department");
    }

    #[test]
    fn a_source_of_unknown_sex_reporting_with_she_is_a_woman_a_later_she_finds() {
        let text = "Naeva Ostrander, a volunteer from Dorset, is among those who will not vote. \
            Like many volunteers, Ostrander said she was angered by reports declaring Grace Quill had won. \
            She thinks the count should be repeated.";
        let s = resolve_all(text, &["Naeva Ostrander", "Ostrander", "She"]);
        assert_eq!(s[2].name, "Naeva Ostrander");
        // Without the reported "she", the woman named last is the one.
        let text = "Naeva Ostrander, a volunteer from Dorset, is among those who will not vote. \
            Like many volunteers, Ostrander was angered by reports declaring Grace Quill had won. \
            She thinks the count should be repeated.";
        let s = resolve_all(text, &["Naeva Ostrander", "Ostrander", "She"]);
        assert_eq!(s[2].name, "Grace Quill");
    }

    #[test]
    fn numbers_months_and_datelines_are_never_speakers() {
        let text = "In 2008, 63 percent said no. April said yes. WASHINGTON said maybe.";
        let s = resolve_all(text, &["63 percent", "April", "WASHINGTON"]);
        for speaker in &s {
            assert_eq!(speaker.kind, SpeakerKind::Unresolved, "{speaker:?}");
        }
    }

    #[test]
    fn a_name_is_stripped_of_descriptors_party_tags_home_states_and_initials() {
        for (mention, name) in [
            ("Billionaire Ronald Vance", "Ronald Vance"),
            ("Sen. Janet Corwin (D-Ore.)", "Janet Corwin"),
            ("Senator Janet Corwin of Oregon", "Janet Corwin"),
            ("Ronald J. Vance", "Ronald Vance"),
            ("Republican front-runner Ronald Vance", "Ronald Vance"),
            ("SALEM — Janet Corwin", "Janet Corwin"),
        ] {
            let text = format!("{mention} said the vote was close.");
            let s = resolve_all(&text, &[mention]);
            assert_eq!(s[0].name, name, "{mention}");
        }
    }

    #[test]
    fn a_surname_goes_to_the_full_name_a_first_name_gave_in_the_text() {
        let text = "Rosalind Achebe won the primary. Achebe said she was grateful.";
        let s = resolve_all(text, &["Achebe", "she"]);
        assert_eq!((s[0].name.as_str(), s[1].name.as_str()), ("Rosalind Achebe", "Rosalind Achebe"));
    }

    #[test]
    fn invisible_characters_inside_a_name_do_not_split_it() {
        let text = "Minister Al\u{200d}ice Smi\u{feff}th said the port would reopen.";
        let s = resolve_all(text, &["Minister Al\u{200d}ice Smi\u{feff}th"]);
        assert_eq!((s[0].name.as_str(), s[0].role.as_deref()), ("Alice Smith", Some("Minister")));
    }

    #[test]
    fn a_persons_campaign_or_aides_are_named_after_the_persons_full_name() {
        let text = "Rosalind Achebe won on Monday. Achebe’s campaign said the count was fair. \
                    The Achebe campaign said more. Mrs. Achebe’s aides said nothing.";
        let s = resolve_all(text, &["Achebe’s campaign", "The Achebe campaign", "Mrs. Achebe’s aides"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("Rosalind Achebe campaign", SpeakerKind::Organization));
        assert_eq!(s[1].name, "Rosalind Achebe campaign");
        assert_eq!((s[2].name.as_str(), s[2].kind), ("Rosalind Achebe aides", SpeakerKind::Group));
    }

    #[test]
    fn a_place_name_is_a_person_where_the_text_names_one_so() {
        let text = "Representative Steve Israel spoke first. Israel said the bill would pass. Russia said it would not.";
        let s = resolve_all(text, &["Israel", "Russia"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("Steve Israel", SpeakerKind::Person));
        assert_eq!((s[1].name.as_str(), s[1].kind), ("Russia", SpeakerKind::Organization));
    }

    #[test]
    fn a_share_of_a_group_is_of_the_groups_kind() {
        let text = "About 52 percent of voters said they were undecided.";
        let s = resolve_all(text, &["About 52 percent of voters"]);
        assert_eq!(s[0].kind, SpeakerKind::Group);
    }

    #[test]
    fn a_role_is_kept_only_where_it_ends_in_a_title() {
        let text = "Vermont Sen. Ada Ferris spoke. Rival Tom Quill spoke. Tomas Reyner, 61, a welder from Leeds, spoke too.";
        let s = resolve_all(text, &["Vermont Sen. Ada Ferris", "Rival Tom Quill", "Tomas Reyner, 61, a welder from Leeds,"]);
        let roles: Vec<Option<&str>> = s.iter().map(|s| s.role.as_deref()).collect();
        assert_eq!(roles, [Some("Vermont Sen."), None, None]);
    }

    #[test]
    fn a_pronoun_and_a_name_joined_by_and_are_both_the_speaker() {
        let text = "Senator Paul Brandt spoke first. He and Governor Tom Quill said the deal was done.";
        let s = resolve_all(text, &["He and Governor Tom Quill"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("Paul Brandt and Tom Quill", SpeakerKind::Group));
    }

    #[test]
    fn a_document_of_a_persons_campaign_is_credited_to_it_by_name() {
        let text = "Rosalind Achebe won on Monday. A new Achebe campaign ad said the count was fair.";
        let s = resolve_all(text, &["A new Achebe campaign ad"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("Rosalind Achebe campaign ad", SpeakerKind::Document));
    }

    #[test]
    fn he_goes_to_the_last_source_before_a_name_in_an_object() {
        let text = "Senator Paul Brandt said he would campaign for Tom Quill in May. At a rally, he said the race was close.";
        let s = resolve_all(text, &["Senator Paul Brandt", "he", "he"]);
        assert_eq!(s[2].name, "Paul Brandt");
    }

    #[test]
    fn he_right_after_a_name_and_a_relative_who_take_that_name() {
        let text = "Senator Paul Brandt said a vote was close. As for Tom Quill, he said he would wait. \
                    Brandt spoke of Walter Voss, who said the plan was sound.";
        let s = resolve_all(text, &["Senator Paul Brandt", "he", "who"]);
        assert_eq!((s[1].name.as_str(), s[2].name.as_str()), ("Tom Quill", "Walter Voss"));
    }

    #[test]
    fn a_surname_after_a_title_is_a_person_a_later_pronoun_finds() {
        let text = "Officials said on Tuesday that President Voss's plan had two parts. He announced a program for families in May.";
        let s = resolve_all(text, &["Officials", "He"]);
        assert_eq!((s[1].name.as_str(), s[1].kind), ("Voss", SpeakerKind::Person));
    }

    #[test]
    fn an_honorific_before_a_surname_tells_its_sex_to_later_pronouns() {
        let text = "President Quill met the press. The gulf between Mr. Quill and the senator grew. \
                    Breaking with Mr. Quill is risky. The senator's vote, which she has called a mistake, was a factor.";
        let s = resolve_all(text, &["she"]);
        assert_ne!(s[0].name, "Quill");
    }

    #[test]
    fn a_pronoun_in_an_opening_clause_is_the_subject_after_its_comma() {
        let text = "Tomas Quill spoke first. Though she never named him, Ada Voss cast Quill as a man of the past. \
                    Quill answered at once. From his first day, when he paid his own bill, Victor Ortiz has known the power of a gesture. \
                    After all, he said, Carlos Reyes was wrong.";
        // Each " she " and " he " of the text, as a source.
        let spans: Vec<Range<usize>> = [" she ", " he "].iter().flat_map(|p| text.match_indices(p).map(|(i, p)| i + 1..i + p.len() - 1)).collect();
        let r = SpeakerResolver::new(text, &split_sentences(text), &spans, &[]);
        let names: Vec<String> = spans.iter().map(|span| r.resolve(text, span).name).collect();
        assert_eq!((names[0].as_str(), names[1].as_str()), ("Ada Voss", "Victor Ortiz"));
        assert_ne!(names[2], "Carlos Reyes");
    }

    #[test]
    fn which_after_a_named_body_is_that_body_and_never_a_person_or_place() {
        let text = "The rule was fought by the Harlow Dockworkers Union, which said it cost jobs. \
                    Tomas Quill visited Ankara, which said nothing. \
                    The talks drew Ada Voss, which surprised many. \
                    The plan was first reported by the Harlow Gazette, which said it would cost more.";
        let s = resolve_all(text, &["which", "which", "which", "which"]);
        assert_eq!((s[3].name.as_str(), s[3].kind), ("Harlow Gazette", SpeakerKind::Organization));
        assert_eq!((s[0].name.as_str(), s[0].kind), ("the Harlow Dockworkers Union", SpeakerKind::Organization));
        assert_eq!(s[1].kind, SpeakerKind::Unresolved);
        assert_eq!(s[2].kind, SpeakerKind::Unresolved);
    }

    #[test]
    fn a_name_with_a_curly_apostrophe_is_mentioned_where_it_stands() {
        let text = "The plan was backed by Gov. Tomas O’Quill, who noted that wages rose.";
        let s = resolve_all(text, &["Gov. Tomas O’Quill", "who"]);
        assert_eq!((s[0].name.as_str(), s[1].name.as_str()), ("Tomas O'Quill", "Tomas O'Quill"));
        let text = "Q: You’ve said the plan works. A: Ada Voss agreed. I forgot she had said it.";
        let s = resolve_all(text, &["You’ve", "she"]);
        assert_ne!(s[1].name, "You've");
    }

    #[test]
    fn it_that_speaks_is_the_body_that_spoke_just_before() {
        let text = "The Harlow City Council said the road would close. It added that the bridge would stay open. \
                    Ada Voss said the plan was poor. It said nothing of the cost. \
                    The Harlow City Council said little. Tomas Quill said the vote was near. It said the bridge was safe.";
        let s = resolve_all(text, &["The Harlow City Council", "It", "Ada Voss", "It", "The Harlow City Council", "Tomas Quill", "It"]);
        assert_eq!((s[1].name.as_str(), s[1].kind), ("the Harlow City Council", SpeakerKind::Organization));
        assert_eq!(s[1].mention, "It");
        assert_eq!(s[3].kind, SpeakerKind::Unresolved);
        assert_eq!(s[6].kind, SpeakerKind::Unresolved);
        let text = "Economists said the plan would fail. They added that costs would rise. \
                    The Harlow City Council said the road would close. They said the bridge was safe.";
        let s = resolve_all(text, &["Economists", "They", "The Harlow City Council", "They"]);
        assert_eq!((s[1].name.as_str(), s[1].kind), ("economists", SpeakerKind::Group));
        assert_eq!(s[3].kind, SpeakerKind::Unresolved);
    }

    #[test]
    fn a_title_standing_alone_is_no_one_a_pronoun_finds() {
        // "Commander-in-Chief" taken for a source, as a misread sentence may.
        let text = "Tomas Quill said Ada Voss would make a weak Commander-in-Chief. “She has said so herself,” he noted.";
        let title = text.find("Commander").unwrap();
        let he = text.rfind(" he ").unwrap() + 1;
        let spans = [title..title + "Commander-in-Chief".len(), he..he + 2];
        let r = SpeakerResolver::new(text, &split_sentences(text), &spans, &[]);
        assert_eq!(r.resolve(text, &spans[1]).name, "Tomas Quill");
    }

    #[test]
    fn a_relative_after_no_name_speaks_as_the_phrase_before_it() {
        let text = "Chilean President Ana Soto met Mayor Luis Paz on the pier. Paz sat through a lecture from the Chilean president, who said trade helped both. \
                    The plan will fail, said one former aide who asked not to be named. Quill cited a new poll, which found him ahead. \
                    Quill met those who said no.";
        let s = resolve_all(text, &["who", "who", "which", "who"]);
        assert_eq!((s[0].name.as_str(), s[0].kind, s[0].mention.as_str()), ("Ana Soto", SpeakerKind::Person, "who"));
        assert_eq!(s[1].name, "one former aide");
        assert_eq!(s[2].name, "the new poll");
        assert_eq!(s[3].kind, SpeakerKind::Unresolved);
    }

    #[test]
    fn a_group_keeps_the_capitals_of_a_proper_name_in_it() {
        let text = "New Jersey officials said no. Some Democrats said yes. Diplomatic sources said maybe. Officials in Harlow said later.";
        let s = resolve_all(text, &["New Jersey officials", "Some Democrats", "Diplomatic sources", "Officials in Harlow"]);
        let names: Vec<&str> = s.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["New Jersey officials", "some Democrats", "diplomatic sources", "officials in Harlow"]);
        assert_eq!(s[3].kind, SpeakerKind::Group);
    }

    #[test]
    fn he_after_a_possessive_goes_to_the_subject_of_the_sentence() {
        let text = "Tomas Reyner, who served two terms, once hoped to be Paul Brandt's running mate, though he has denied it.";
        let s = resolve_all(text, &["he"]);
        assert_eq!(s[0].name, "Tomas Reyner");
    }

    #[test]
    fn he_after_a_possessive_opening_the_sentence_goes_to_its_owner() {
        let text = "Senator Paul Brandt met Tomas Reyner. Reyner's plan failed, and he said so.";
        let s = resolve_all(text, &["he"]);
        assert_eq!(s[0].name, "Tomas Reyner");
    }

    #[test]
    fn a_name_in_the_description_after_a_speakers_name_is_no_antecedent() {
        let text = "Edwin Marsh, a former aide to Governor Tom Quill, agreed the plan was sound. “It will work,” he said.";
        let s = resolve_all(text, &["Edwin Marsh, a former aide to Governor Tom Quill,", "he"]);
        assert_eq!((s[0].name.as_str(), s[1].name.as_str()), ("Edwin Marsh", "Edwin Marsh"));
    }

    #[test]
    fn a_poll_or_department_by_its_kind_alone_is_the_one_the_article_names() {
        let text = "A new Harlow Gazette poll found the mayor ahead. The poll said turnout would be low. \
                    The Labor Department issued rules on Monday. The department said they would stand.";
        let s = resolve_all(text, &["The poll", "The department"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("Harlow Gazette poll", SpeakerKind::Document));
        assert_eq!((s[1].name.as_str(), s[1].kind), ("Labor Department", SpeakerKind::Organization));
        assert_eq!((s[0].mention.as_str(), s[1].mention.as_str()), ("The poll", "The department"));
    }

    #[test]
    fn a_headline_poll_is_the_poll_named_below_it() {
        let text = "Poll: Quill leads in Ohio. Tom Quill leads by six points, according to a Monday Harlow University poll.";
        let s = resolve_all(text, &["Poll"]);
        assert_eq!(s[0].name, "Harlow University poll");
    }

    #[test]
    fn a_kind_with_a_word_the_name_lacks_is_not_that_name() {
        let text = "The Supreme Court heard the case. The appeals court said the law stood.";
        let s = resolve_all(text, &["The appeals court"]);
        assert_eq!(s[0].name, "the appeals court");
    }

    #[test]
    fn a_name_inside_a_quotation_is_no_antecedent() {
        let text = "Tomas Reyner runs a shop in Leeds. “Mayor Linda Okafor never visits,” he said.";
        let s = resolve_all(text, &["he"]);
        assert_eq!(s[0].name, "Tomas Reyner");
    }

    #[test]
    fn he_after_a_name_in_what_someone_said_goes_to_the_one_who_said_it() {
        let text = "Paul Brandt said Tom Quill had misled voters. He said the vote should wait.";
        let s = resolve_all(text, &["Paul Brandt", "He"]);
        assert_eq!(s[1].name, "Paul Brandt");
    }

    #[test]
    fn he_goes_to_the_subject_of_the_main_clause_not_of_a_clause_before_it() {
        let text = "When Tom Quill took the stage, Paul Brandt walked out of the hall. He told reporters the speech was a disgrace.";
        let s = resolve_all(text, &["He"]);
        assert_eq!(s[0].name, "Paul Brandt");
        let text = "Paul Brandt met Tom Quill on Monday. He said the talks went well.";
        let s = resolve_all(text, &["He"]);
        assert_eq!(s[0].name, "Paul Brandt");
    }

    #[test]
    fn he_after_an_object_and_a_comma_is_not_that_object() {
        let text = "Walter Voss said the race was still open. He leans toward Tom Quill, he said, because Quill can win.";
        let s = resolve_all(text, &["Walter Voss", "he"]);
        assert_eq!(s[1].name, "Walter Voss");
    }

    #[test]
    fn a_name_modifying_a_noun_is_not_the_subject_a_later_she_stands_for() {
        let text = "Ada Quill spoke first. The Quill approach is costly, said Katie Morrow, the group's director. Others are struggling, she said.";
        let s = resolve_all(text, &["Katie Morrow, the group's director", "she"]);
        assert_eq!(s[1].name, "Katie Morrow");
    }

    #[test]
    fn a_name_after_a_preposition_and_an_honorific_is_an_object() {
        let text = "Walter Voss met Tom Quill in May. He lends his thoughts to Mr. Quill and others whom Mr. Voss has known for years. “I speak my mind,” he said.";
        assert_eq!(resolve_last(text, "he").name, "Walter Voss");
    }

    #[test]
    fn a_surname_after_a_relative_was_named_goes_to_the_one_mentioned_most() {
        let text = "Tomas Reyner won the race on Monday. Reyner thanked his voters. His brother, Paul Reyner, died in 1981. \
                    Friends said he loved flying. Mr. Reyner said the loss had shaped him.";
        assert_eq!(resolve_last(text, "Mr. Reyner").name, "Tomas Reyner");
        let text = "Tomas Reyner won the race on Monday. His brother, Paul Reyner, said he was proud. Reyner added that the farm would stay.";
        assert_eq!(resolve_last(text, "Reyner").name, "Paul Reyner");
    }

    #[test]
    fn a_headline_name_without_a_first_name_loses_a_surname_to_a_person() {
        let text = "Understated Quill Wins Praise. Tom Quill spoke in Harlow on Monday. Quill said the plant would stay.";
        assert_eq!(resolve_last(text, "Quill").name, "Tom Quill");
    }

    #[test]
    fn he_after_a_described_source_is_the_person_described() {
        let text = "Governor Tom Quill spoke in Harlow on Monday. Senator Paul Brandt praised the crowd. \
                    “We will win,” the governor said. “Victory is ours,” he said.";
        let s = resolve_all(text, &["the governor", "he"]);
        assert_eq!((s[0].name.as_str(), s[1].name.as_str()), ("Tom Quill", "Tom Quill"));
    }

    #[test]
    fn a_clause_opening_word_before_a_name_is_no_part_of_it() {
        let text = "Tom Quill toured the plant. While Mr. Quill said the plant would stay, workers were wary. \
                    Meanwhile Ada Voss said it would close.";
        let s = resolve_all(text, &["While Mr. Quill", "Meanwhile Ada Voss"]);
        assert_eq!((s[0].name.as_str(), s[1].name.as_str()), ("Tom Quill", "Ada Voss"));
    }

    #[test]
    fn a_bare_verb_form_is_no_speaker_name() {
        for (phrase, verb) in [("arranging", true), ("helped", true), ("officials", false), ("Reading", false), ("the undecided", false), ("led", false)] {
            assert_eq!(is_bare_verb_form(phrase), verb, "{phrase:?}");
        }
        // A span that ran onto a verb leaves its statement unresolved.
        let s = resolve_all("Ada Voss was arranging calls with the union.", &["arranging"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("", SpeakerKind::Unresolved));
    }
}
