//! Descriptions: which person of the document a description stands for.
//! By role ("the Chilean president" is the person last mentioned with that
//! role), by a name beside it ("The mayor's press secretary, Dora Lindqvist",
//! "Ingrid Halvorsen, the chairwoman of the union"), or, for newswriting's
//! "the Florida senator" of someone quoted without that role, by the
//! capitalised words the text gives beside that person's name.

use super::super::mention_words::*;
use super::super::names::{kind_of_phrase, mention_gender, strip_article};
use super::super::words::*;
use super::super::Speaker;
use super::SpeakerResolver;
use crate::model::SpeakerKind;
use std::ops::Range;

impl SpeakerResolver<'_> {
    /// A description with the speaker's name in apposition after it:
    /// "Carter's press secretary, Peter Cook". The name is the speaker and
    /// the description the role.
    pub(super) fn named_in_apposition(&self, text: &str, span: &Range<usize>, name_part: &str, appositive: Option<&str>) -> Option<Speaker> {
        let after = appositive?;
        if is_description(name_part) && after.contains(" and ") {
            let both = self.pair(text, after, span.start)?;
            return Some(Speaker { name: both, mention: mention_of(text, span), role: Some(strip_article(name_part)), kind: SpeakerKind::Group });
        }
        let is_name = self.parse_name(after).is_some_and(|p| kind_of_phrase(&p.name).is_none() && plausible_name(&p.name));
        if !(is_description(name_part) && is_name && after.contains(' ')) {
            return None;
        }
        self.named_beside(text, span, after, name_part)
    }

    /// A description whose name stands just before it: "Ada Voss, the head
    /// of the union, said", where only the description is the source.
    pub(super) fn named_before(&self, text: &str, span: &Range<usize>, name_part: &str) -> Option<Speaker> {
        let describes = is_description(name_part) && kind_of_phrase(name_part).is_none() && names_a_role(name_part) || describes_role_for_someone(name_part);
        if !(describes || is_age(name_part)) {
            return None;
        }
        let mention = text[span.clone()].trim();
        self.named_beside(text, span, name_before(text, span.start)?, mention)
    }

    /// The person `name` names, with `role` when none is known: a person of
    /// the document, or a new one with a first name.
    fn named_beside(&self, text: &str, span: &Range<usize>, name: &str, role: &str) -> Option<Speaker> {
        let mention = text[span.clone()].trim();
        let parsed = self.parse_name(name)?;
        if kind_of_phrase(&parsed.name).is_some() || !plausible_name(&parsed.name) {
            return None;
        }
        let found = self.person_named(&parsed.name, span.start, mention_gender(name));
        // A name not met as a person's must at least start with a first name:
        // "Onawa, Iowa, the candidate" is no one.
        let first_named = parsed.name.contains(' ') && parsed.name.split(' ').next().and_then(first_name_gender).is_some();
        if found.is_none() && !first_named {
            return None;
        }
        let mut speaker = match found {
            Some(id) => self.person(id, mention),
            None => Speaker { name: parsed.name, mention: mention.to_string(), role: None, kind: SpeakerKind::Person },
        };
        if speaker.role.is_none() {
            speaker.role = Some(strip_article(role.trim().trim_end_matches(',').trim()));
        }
        Some(speaker)
    }

    /// "the Ukrainian president": the person last mentioned before `at`
    /// whose role ends in the same head word and shares its other words.
    pub(super) fn description(&self, text: &str, phrase: &str, at: usize) -> Option<usize> {
        // A described source, worked out once when the people were learnt.
        if let Ok(k) = self.described.binary_search_by_key(&at, |&(start, _)| start) {
            return self.described[k].1;
        }
        // Most phrases do not start with an article: turned away before
        // each word is lowered into a string of its own. ("the" in any case:
        // only ASCII letters lower to t, h, e, a or n.)
        let article = phrase.split_whitespace().next()?;
        if !["the", "a", "an"].iter().any(|a| article.eq_ignore_ascii_case(a)) {
            return None;
        }
        let words: Vec<String> = phrase.split_whitespace().map(|w| w.to_lowercase()).collect();
        let (first, head) = (words.first()?, words.last()?);
        // "the 43-year-old": whoever was just mentioned.
        if words.len() == 2 && first == "the" && head.ends_with("-year-old") {
            let i = self.mentions.partition_point(|&(pos, _)| pos < at);
            return self.mentions[..i].last().map(|&(_, id)| id);
        }
        if !matches!(first.as_str(), "the" | "a" | "an") {
            return None;
        }
        if !(in_list(&WORDS.titles, head) || in_list(&WORDS.descriptive_heads, head)) {
            // "the former secretary of state": a head before "of".
            if first != "the" {
                return None;
            }
            return match self.given_role_or_several(text, phrase, &words, at) {
                Ok(None) => self.described_without_its_role(text, phrase, at),
                found => found.ok().flatten(),
            };
        }
        let modifiers: Vec<&String> = words[1..words.len() - 1].iter().collect();
        let i = self.mentions.partition_point(|&(pos, _)| pos < at);
        let before = || self.mentions[..i].iter().rev().map(|&(_, id)| id);
        let by_role = before().find(|&id| {
            let Some(role) = &self.people[id].role_lower else { return false };
            role_has(role, head) && modifiers.iter().all(|m| role_has(role, m))
        });
        let by_role = by_role.or_else(|| self.sole_holder_of_owned_role(text, &words, at));
        if by_role.is_some() || !first.eq_ignore_ascii_case("the") {
            return by_role;
        }
        // A role the text gave beside a name ("Tom Quill, the nominee,"),
        // which no mention of that person carried as a title.
        let given = self.given_role_or_several(text, phrase, &words, at);
        if let Ok(Some(id)) = given {
            return Some(id);
        }
        // A role the text gave two people is neither one's.
        let last_subject = || given.is_ok().then(|| self.described_without_its_role(text, phrase, at)).flatten();
        if !in_list(&WORDS.descriptive_heads, head) {
            return last_subject();
        }
        // Newswriting names someone it quotes, then calls them "the Florida
        // senator" or "the candidate" without having given that role: one
        // of the people just mentioned who is quoted in the document, whose
        // known role (if any) is not another one, and right beside whose
        // name the text gives the capitalised words of the description
        // ("Marco Rubio of Florida"). A party ("the Democratic candidate")
        // is too often beside someone else's name to tell.
        let capitalised: Vec<&str> = phrase.split_whitespace().skip(1).take(words.len() - 2).filter(|w| is_cap_word(w)).collect();
        let gender = gender_of_head(head);
        let fits = |id: usize| {
            let person = &self.people[id];
            person.gender.agrees(gender)
                && self.mentions.iter().any(|&(pos, who)| who == id && self.is_in_source(pos))
                && person.role_lower.as_deref().is_none_or(|role| role_has(role, head))
        };
        let beside = before().take(DESCRIPTION_REACH).find(|&id| {
            let person = &self.people[id];
            let in_role = |w: &&str| person.role.as_deref().is_some_and(|role| role.contains(*w));
            fits(id) && capitalised.iter().all(|w| in_role(w) || !is_party_word(w) && self.said_beside(text, id, w, phrase))
        });
        // Else the subject of the sentence just before, named at the start
        // of its main clause ("Voss went after Quill ... the Oregon senator
        // said"): newswriting describes who it has just made its subject.
        beside.or_else(|| self.subject_just_before(text, at).filter(|&id| fits(id))).or_else(last_subject)
    }

    /// "The congressman's spokesman": the one person named before `at` in
    /// the role of the head, as a role or as the word just before a name
    /// ("Gowdy spokesman Jamal Ware"), whoever the owner is called; none
    /// where two people held it.
    fn sole_holder_of_owned_role(&self, text: &str, words: &[String], at: usize) -> Option<usize> {
        let (head, modifiers) = words.split_last()?;
        if !modifiers.iter().any(|w| is_possessive(w)) || !in_list(&WORDS.titles, head) {
            return None;
        }
        let i = self.mentions.partition_point(|&(pos, _)| pos < at);
        let holds = |&&(pos, id): &&(usize, usize)| {
            let role = self.people[id].role_lower.as_deref().is_some_and(|role| role_has(role, head));
            role || text[..pos].trim_end().rsplit(' ').next().is_some_and(|before| before.eq_ignore_ascii_case(head))
        };
        let mut holders = self.mentions[..i].iter().filter(holds).map(|&(_, id)| id);
        let first = holders.next()?;
        holders.all(|id| id == first).then_some(first)
    }

    /// Someone just named whom the text never gave the description's role
    /// but whom it fits: the last subject described, else the one person
    /// given its party or state.
    fn described_without_its_role(&self, text: &str, phrase: &str, at: usize) -> Option<usize> {
        self.last_subject_described(text, phrase, at).or_else(|| self.described_by_party_or_state(text, phrase, at))
    }

    /// "Yet it was unclear whether Quill would yield. The Oregon senator
    /// wrote ...": newswriting describes someone it has just named as a
    /// subject or source. The person is the last one named in that
    /// sentence or the one before (before the quotation the description
    /// closes), not as an object or an owner, whose sex agrees with the
    /// head, whose known role is not another office, and beside whose name
    /// the text gives each capitalised word of the description somewhere.
    /// A bare office ("the secretary") usually stands for someone else and
    /// is left alone.
    fn last_subject_described(&self, text: &str, phrase: &str, at: usize) -> Option<usize> {
        // "the former secretary of state": the role's words end before "of".
        let role_words: Vec<&str> = phrase.split_whitespace().skip(1).take_while(|w| !w.eq_ignore_ascii_case("of")).collect();
        let (&written_head, modifiers) = role_words.split_last()?;
        let head = written_head.to_lowercase();
        // Only heads newswriting gives someone it has just named: "the
        // spokesman" or "the prime minister’s spokesman" is someone else.
        let owned = phrase.split_whitespace().any(is_possessive);
        if owned || is_cap_word(written_head) || !(in_list(&WORDS.descriptive_heads, &head) || in_list(&WORDS.described_offices, &head)) || kind_of_phrase(phrase).is_some() {
            return None;
        }
        // "the other candidate" is someone else than the one just named.
        if (modifiers.is_empty() && !in_list(&WORDS.descriptive_heads, &head)) || modifiers.iter().any(|m| m.eq_ignore_ascii_case("other")) {
            return None;
        }
        let capitalised: Vec<&str> = modifiers.iter().copied().filter(|w| is_cap_word(w)).collect();
        let gender = gender_of_head(&head);
        let anchor = quotation_open_before(text, at).unwrap_or(at);
        let from = self.mentions.partition_point(|&(pos, _)| pos < self.sentence_before(anchor));
        let upto = self.mentions.partition_point(|&(pos, _)| pos < anchor);
        self.mentions[from..upto]
            .iter()
            .rev()
            .filter(|&&(pos, _)| self.is_in_source(pos) || !(is_object_or_possessive(text, pos) || object_after_a_role(text, pos)))
            .map(|&(_, id)| id)
            .find(|&id| {
                let person = &self.people[id];
                let in_role = |w: &&str| person.role.as_deref().is_some_and(|role| role.contains(*w));
                person.gender.agrees(gender)
                    && person.role_lower.as_deref().is_none_or(|role| !another_office(role, &head))
                    // A party beside a name is too often someone else's
                    // ("Democratic debate"): it must be the person's role.
                    && capitalised.iter().all(|w| in_role(w) || !is_party_word(w) && self.said_beside(text, id, w, phrase))
            })
    }

    /// "the Wisconsin Republican", "the independent Vermont senator", "the
    /// presumptive Republican nominee": a description by party or state of
    /// someone just named. Of the people named (as no object or owner) in
    /// the sentence before it and its own, the one the document gives each
    /// of its party, state and office ("Republican Sen. Ada Voss (R-Wis.)");
    /// failing that, the subject just before it, when nothing the document
    /// gives that person contradicts it (another party, sex or office).
    /// Where two people fit, it is neither.
    fn described_by_party_or_state(&self, text: &str, phrase: &str, at: usize) -> Option<usize> {
        let described = PartyDescription::of(phrase)?;
        let anchor = quotation_open_before(text, at).unwrap_or(at);
        let from = self.mentions.partition_point(|&(pos, _)| pos < self.sentence_before(anchor));
        let upto = self.mentions.partition_point(|&(pos, _)| pos < anchor);
        let own_sentence = self.mentions.partition_point(|&(pos, _)| pos < self.sentence_start(anchor));
        let is_subject = |pos: usize| self.is_in_source(pos) || !(is_object_or_possessive(text, pos) || object_after_a_role(text, pos));
        let mut in_reach: Vec<usize> = Vec::new();
        for &(pos, id) in &self.mentions[from..own_sentence.max(from)] {
            if !in_reach.contains(&id) && is_subject(pos) {
                in_reach.push(id);
            }
        }
        // "Voss took on Quill after the Democratic front-runner said": the
        // subject of the description's own sentence is someone else.
        in_reach.retain(|&id| !self.mentions[own_sentence.max(from)..upto].iter().any(|&(pos, who)| who == id && is_subject(pos)));
        let fitting: Vec<usize> = in_reach.iter().copied().filter(|&id| self.fits_party_description(text, id, &described, phrase)).collect();
        if let [id] = fitting[..] {
            return Some(id);
        }
        if !fitting.is_empty() || !described.head_held_by_many {
            return None;
        }
        self.subject_just_before(text, at).filter(|&id| in_reach.contains(&id) && !self.contradicts_party_description(text, id, &described))
    }

    /// Whether the document gives person `id` every party, state and
    /// office of the description.
    fn fits_party_description(&self, text: &str, id: usize, described: &PartyDescription, phrase: &str) -> bool {
        let person = &self.people[id];
        let in_role = |w: &str| person.role_lower.as_deref().is_some_and(|role| role_has(role, &w.to_lowercase()));
        let party_given = described.party.is_none_or(|party| self.parties_given(text, id).contains(&party));
        let office_given = described.head_is_party || in_role(&described.head) || self.said_beside(text, id, &described.head, phrase);
        person.gender.agrees(described.gender) && party_given && office_given && described.states.iter().all(|w| in_role(w) || self.said_beside(text, id, w, phrase))
    }

    /// Whether the document gives person `id` a sex, a party or an office
    /// the description cannot be.
    fn contradicts_party_description(&self, text: &str, id: usize, described: &PartyDescription) -> bool {
        let person = &self.people[id];
        let parties = self.parties_given(text, id);
        let other_party = described.party.is_some_and(|party| !parties.is_empty() && !parties.contains(&party));
        let other_office = person.role_lower.as_deref().is_some_and(|role| another_office(role, &described.head));
        !person.gender.agrees(described.gender) || other_party || other_office
    }

    /// The parties (letters of `party_letters.tsv`) the document gives
    /// person `id`: in a role, right before a name ("Republican Sen. Ada
    /// Voss", "GOP nominee Tom Quill") or abbreviated after it ("(D-Ore.)").
    fn parties_given(&self, text: &str, id: usize) -> Vec<u8> {
        const REACH: usize = 60;
        let mut parties: Vec<u8> = self.people[id].role_lower.as_deref().into_iter().flat_map(str::split_whitespace).filter_map(party_letter).collect();
        for &(pos, _) in self.mentions.iter().filter(|&&(_, who)| who == id) {
            let from = text.floor_char_boundary(pos.saturating_sub(REACH));
            // Back over the title and its modifiers, to a break: "Sen." is
            // no sentence end, a lower-case word before a full stop is.
            let before = text[from..pos].split_whitespace().rev().take(MODIFIERS_BEFORE_A_NAME).take_while(|w| !(w.ends_with([',', ';', ':', '”', '"', ')']) || w.ends_with('.') && !is_cap_word(w)));
            // "Republican Ada Voss" as one run of capitals, up to its owner
            // ("Voss's Democratic rival" is someone else's party).
            let name_words = text[pos..].split_whitespace().take(MODIFIERS_BEFORE_A_NAME).take_while(|w| is_cap_word(w) && !is_possessive(w));
            parties.extend(before.chain(name_words).filter_map(party_letter));
            parties.extend(party_abbreviated_after(&text[pos..text.ceil_char_boundary((pos + REACH).min(text.len()))]));
        }
        parties
    }

    /// The person named first in the main clause of the sentence holding
    /// the last mention before `at` (that sentence or the one before
    /// `at`'s), when the name opens the clause (after one word at most,
    /// "But Voss") and owns nothing ("Voss's plan").
    fn subject_just_before(&self, text: &str, at: usize) -> Option<usize> {
        // "“… . …,” the Oregon senator said": a quotation of several
        // sentences is what the description closes; who it describes is
        // named before the quotation opens, not inside it.
        let at = quotation_open_before(text, at).unwrap_or(at);
        let i = self.mentions.partition_point(|&(pos, _)| pos < at);
        let &(last_at, _) = self.mentions[..i].last()?;
        let start = self.sentence_start(last_at);
        if start < self.sentence_before(at) {
            return None;
        }
        let clause = self.main_clause_start(text, start, last_at);
        let from = self.mentions.partition_point(|&(pos, _)| pos < clause);
        let &(pos, id) = self.mentions[from..i].first()?;
        let opens = text[clause..pos].split_whitespace().count() <= 1;
        (opens && !is_object_or_possessive(text, pos)).then_some(id)
    }

    /// Whether `word` stands right beside a mention of person `id`, other
    /// than as a word of the description `phrase` itself ("mentioned the
    /// Wisconsin Republican’s name" beside someone else).
    fn said_beside(&self, text: &str, id: usize, word: &str, phrase: &str) -> bool {
        const REACH: usize = 40;
        self.mentions.iter().filter(|&&(_, who)| who == id).any(|&(pos, _)| {
            let from = text.floor_char_boundary(pos.saturating_sub(REACH));
            let to = text.ceil_char_boundary((pos + REACH).min(text.len()));
            // "(R-Wis.)" beside the name gives "Wisconsin".
            let beside = &text[from..to];
            let in_the_phrase = |at: usize| {
                let Some(k) = phrase.rfind(word) else { return false };
                let start = (from + at).checked_sub(k);
                start.and_then(|start| text.get(start..start + phrase.len())).is_some_and(|there| there.eq_ignore_ascii_case(phrase))
            };
            beside.match_indices(word).any(|(at, _)| !in_the_phrase(at)) || state_abbreviated_in(beside, word) || word.get(..3).is_some_and(|stem| beside.split(|c: char| !c.is_alphanumeric()).any(|w| w.len() >= 3 && w.len() < word.len() && word.starts_with(w) && w.starts_with(stem)))
        })
    }
}

/// How many words before a name a title and its modifiers may run to
/// ("former Republican presidential candidate").
const MODIFIERS_BEFORE_A_NAME: usize = 4;

/// A definite description by party or state ("the Wisconsin Republican",
/// "the independent Vermont senator"), taken apart.
struct PartyDescription {
    /// The last word, lowered.
    head: String,
    /// The party its words name, if any ("Republican": `b'R'`).
    party: Option<u8>,
    /// Its capitalised words that name a state ("New", "York").
    states: Vec<String>,
    gender: Gender,
    /// Whether the head is the party ("the Wisconsin Republican").
    head_is_party: bool,
    /// Whether the head may be said of someone the text never called so: a
    /// party or a role many hold ("the candidate"), not an office, a trade
    /// or a role one holds ("the senator", "the businessman", "the nominee").
    head_held_by_many: bool,
}

impl PartyDescription {
    /// `phrase` as such a description: "the", then words every capitalised
    /// one of which names a party or a state (one party at most, at least one
    /// of either), ending in a party or in a head a person is described by.
    /// Owned ("the party's nominee") or other ("the other Democrat")
    /// descriptions are someone else.
    fn of(phrase: &str) -> Option<Self> {
        let mut words = phrase.split_whitespace();
        if !words.next()?.eq_ignore_ascii_case("the") {
            return None;
        }
        let words: Vec<&str> = words.filter(|w| !w.eq_ignore_ascii_case("and")).collect();
        let written_head = *words.last()?;
        if words.iter().any(|w| is_possessive(w) || w.eq_ignore_ascii_case("other") || w.eq_ignore_ascii_case("of")) {
            return None;
        }
        let head = written_head.to_lowercase();
        let head_party = party_of_word(written_head).filter(|&(_, member)| member && is_cap_word(written_head)).map(|(letter, _)| letter);
        let heads = [&WORDS.titles, &WORDS.descriptive_heads, &WORDS.described_offices, &WORDS.campaign_heads];
        if head_party.is_none() && (is_cap_word(written_head) || !heads.iter().any(|list| in_list(list, &head))) {
            return None;
        }
        let mut party = head_party;
        let mut states = Vec::new();
        for &word in words.iter().filter(|w| is_cap_word(w)) {
            match party_letter(word) {
                Some(letter) if party.is_some_and(|p| p != letter) => return None,
                Some(letter) => party = Some(letter),
                None if STATE_ABBREVIATIONS.contains_key(word) => states.push(word.to_string()),
                None => return None,
            }
        }
        if party.is_none() && states.is_empty() {
            return None;
        }
        // "the independent Vermont senator": a party in lower case too.
        party = party.or_else(|| words.iter().find_map(|w| party_letter(w)));
        let head_is_party = head_party.is_some();
        let head_held_by_many = head_is_party || in_list(&WORDS.shared_heads, &head);
        Some(PartyDescription { gender: gender_of_head(&head), head, party, states, head_is_party, head_held_by_many })
    }
}

/// `data/party_letters.tsv`: each party word, the letter of its party, and
/// whether it names a member.
static PARTY_LETTERS: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, (u8, bool)>> = std::sync::LazyLock::new(|| {
    include_str!("../../../../data/party_letters.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let (word, letter) = (cols.next()?.trim(), *cols.next()?.trim().as_bytes().first()?);
            Some((word, (letter, cols.next().is_some_and(|c| c.trim() == "member"))))
        })
        .collect()
});

/// The party `word` names ("Republican", "GOP"), as its letter, and
/// whether the word names a member of it.
fn party_of_word(word: &str) -> Option<(u8, bool)> {
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
    // The party words are short: most words are turned away unlowered.
    if bare.len() > 11 || bare.len() < 3 {
        return None;
    }
    PARTY_LETTERS.get(bare.to_ascii_lowercase().as_str()).copied()
}

/// The party `word` names, as its letter.
fn party_letter(word: &str) -> Option<u8> {
    party_of_word(word).map(|(letter, _)| letter)
}

/// "(R-Wis.)", ", D-OH,": the party abbreviated right after a name, read
/// from `after` (the text from the name on) past the name's capitalised words.
fn party_abbreviated_after(after: &str) -> Option<u8> {
    const NAME_REACH: usize = 40;
    let near = &after[..after.floor_char_boundary(NAME_REACH.min(after.len()))];
    let break_at = near.find(['(', ','])?;
    if !near[..break_at].split_whitespace().all(is_cap_word) {
        return None;
    }
    let bytes = near[break_at..].trim_start_matches(['(', ',', ' ']).as_bytes();
    (bytes.len() > 2 && matches!(bytes[0], b'R' | b'D' | b'I') && bytes[1] == b'-' && bytes[2].is_ascii_uppercase()).then(|| bytes[0])
}

/// Where the quotation that closes right before `at` ("…,” the senator
/// said") opens, when one does and opens within a few paragraphs.
fn quotation_open_before(text: &str, at: usize) -> Option<usize> {
    const REACH: usize = 2000;
    let before = text[..at].trim_end_matches([' ', ',', '\u{a0}']);
    let close = before.strip_suffix('”')?;
    let from = text.floor_char_boundary(close.len().saturating_sub(REACH));
    close[from..].rfind('“').map(|k| from + k)
}

/// "against Republican front-runner Ada Voss": a name whose role words
/// stand between it and the preposition that makes it an object.
fn object_after_a_role(text: &str, pos: usize) -> bool {
    let is_role_word = |w: &&str| is_cap_word(w) || [&WORDS.titles, &WORDS.descriptive_heads, &WORDS.described_offices].iter().any(|list| in_list(list, w));
    let word_before = text[..pos].split_whitespace().rev().find(|w| !is_role_word(w)).unwrap_or("");
    in_list_as_written(&FUNCTION_WORDS.object_prepositions, word_before)
}

/// Whether a known `role` (lowered) is an office other than the one `head`
/// names: "vermont sen." is not "governor", while a role in a race
/// ("presidential candidate") is held beside any office, and a head that is
/// no office ("businessman") contradicts none.
fn another_office(role: &str, head: &str) -> bool {
    let role_head = role.split(" of ").next().unwrap_or(role).split_whitespace().next_back().unwrap_or("");
    let campaign = |w: &str| in_list(&WORDS.campaign_heads, w);
    in_list(&WORDS.titles, head) && in_list(&WORDS.titles, role_head) && !campaign(head) && !campaign(role_head) && !role_has(role, head)
}

/// `data/us_states.tsv`, by each word of a state's name ("Carolina"): the
/// AP abbreviation and postal code of each state whose name holds it.
static STATE_ABBREVIATIONS: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, Vec<(&'static str, &'static str)>>> = std::sync::LazyLock::new(|| {
    let mut by_word: rustc_hash::FxHashMap<&str, Vec<(&str, &str)>> = rustc_hash::FxHashMap::default();
    for line in include_str!("../../../../data/us_states.tsv").lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let (Some(state), Some(ap), Some(postal)) = (cols.next(), cols.next(), cols.next()) else { continue };
        for word in state.split(' ') {
            by_word.entry(word).or_default().push((ap, postal));
        }
    }
    by_word
});

/// Whether `text` abbreviates a state whose name holds `word`: "(R-Wis.)"
/// or "R-WI" for "Wisconsin", "(R-S.C.)" for "South" and "Carolina".
/// The sex a description's head word tells: "businessman",
/// "congresswoman"; most heads tell none.
pub(super) fn gender_of_head(head: &str) -> Gender {
    if head.ends_with("woman") {
        Gender::Female
    } else if head.ends_with("man") {
        Gender::Male
    } else {
        Gender::Unknown
    }
}

/// The sex a description of someone not just named tells ("the former
/// president", "the spokeswoman"), or `None` when `phrase` is no such
/// description: its head is no title, is capitalised ("the White House"),
/// names an organisation or group ("the campaign"), or is one newswriting
/// uses for someone it has just named ("the Vermont senator", see
/// `descriptive_heads.txt`), who that person most often is.
pub(super) fn person_described(phrase: &str) -> Option<Gender> {
    let head = phrase.split_whitespace().next_back()?;
    let role = in_list(&WORDS.titles, head) && !in_list(&WORDS.descriptive_heads, head);
    (role && !is_cap_word(head) && kind_of_phrase(phrase).is_none()).then(|| gender_of_head(head))
}

fn state_abbreviated_in(text: &str, word: &str) -> bool {
    let Some(states) = STATE_ABBREVIATIONS.get(word) else { return false };
    states.iter().any(|(ap, postal)| {
        let ap_at = |(at, _): (usize, &str)| !text[..at].ends_with(char::is_alphanumeric);
        text.match_indices(ap).any(ap_at) || [b'R', b'D', b'I'].iter().any(|party| text.as_bytes().windows(postal.len() + 2).any(|w| w[0] == *party && w[1] == b'-' && &w[2..] == postal.as_bytes()))
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::resolve_all;
    use crate::model::SpeakerKind;

    #[test]
    fn description_resolves_by_role() {
        let text = "Chilean President Ana Soto arrived. Mayor Luis Paz greeted her. The Chilean president said she was glad.";
        let s = resolve_all(text, &["The Chilean president"]);
        assert_eq!(s[0].name, "Ana Soto");
    }

    #[test]
    fn a_name_in_apposition_after_a_description_is_the_speaker() {
        let text = "The mayor’s press secretary, Dora Lindqvist, said the road would close.";
        let s = resolve_all(text, &["The mayor’s press secretary, Dora Lindqvist,"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("Dora Lindqvist", SpeakerKind::Person));
        assert_eq!(s[0].role.as_deref(), Some("mayor’s press secretary"));
    }

    #[test]
    fn a_description_takes_the_name_standing_just_before_it() {
        let text = "Ingrid Halvorsen, the chairwoman of the dockworkers union, said pay was too low. \
                    Tomas Quill, 54, a retired welder, said the plant should stay.";
        let s = resolve_all(text, &["the chairwoman of the dockworkers union", "54, a retired welder"]);
        assert_eq!((s[0].name.as_str(), s[0].role.as_deref()), ("Ingrid Halvorsen", Some("chairwoman of the dockworkers union")));
        assert_eq!(s[1].name, "Tomas Quill");
    }

    #[test]
    fn an_owned_role_is_the_one_person_named_in_that_role() {
        let text = "Mayor Tom Lee spoke first. Lee spokeswoman Ana Reyes said the road was closed. The mayor's spokeswoman added that it was old.";
        let s = resolve_all(text, &["Lee spokeswoman Ana Reyes", "The mayor's spokeswoman"]);
        assert_eq!(s[1].name, "Ana Reyes");
        let text = "“It is closed,” Lee spokeswoman Ana Reyes said in a letter. The mayor's spokeswoman added that it was old.";
        let s = resolve_all(text, &["The mayor's spokeswoman"]);
        assert_eq!(s[0].name, "Ana Reyes");
        let text = "Lee spokeswoman Ana Reyes spoke. Ray spokeswoman Jo Kay spoke. The mayor's spokeswoman said no.";
        let s = resolve_all(text, &["Lee spokeswoman Ana Reyes", "Ray spokeswoman Jo Kay", "The mayor's spokeswoman"]);
        assert_ne!(s[2].name, "Jo Kay");
    }

    #[test]
    fn a_role_for_someone_named_takes_the_name_standing_just_before_it() {
        let text = "Ana Reyes, a spokeswoman for Mayor Tom Lee told the paper that the road was closed.";
        let s = resolve_all(text, &["a spokeswoman for Mayor Tom Lee"]);
        assert_eq!(s[0].name, "Ana Reyes");
    }

    #[test]
    fn a_place_or_the_object_of_a_preposition_before_a_description_names_no_one() {
        let text = "In an interview with Tomas Quill, the senator said the plant should stay. \
                    In Harlow, Essex, the candidate said nothing.";
        let s = resolve_all(text, &["the senator", "the candidate"]);
        assert_ne!(s[0].name, "Tomas Quill");
        assert_ne!(s[1].name, "Harlow Essex");
    }

    #[test]
    fn people_named_in_apposition_to_a_plural_description_are_both_the_speaker() {
        let text = "The two candidates, Ada Ferris and Governor Tom Quill, said the debate was fair.";
        let s = resolve_all(text, &["The two candidates, Ada Ferris and Governor Tom Quill,"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("Ada Ferris and Tom Quill", SpeakerKind::Group));
    }

    #[test]
    fn a_name_in_apposition_after_an_owners_role_or_people_is_the_speaker() {
        let text = "The Harlow Gazette's CEO, Dora Lindqvist, said sales rose. \
                    Tom Quill's biographers, Edwin and Ada Marsh, wrote that he was shy.";
        let s = resolve_all(text, &["The Harlow Gazette's CEO, Dora Lindqvist,", "Tom Quill's biographers, Edwin and Ada Marsh,"]);
        assert_eq!(s[0].name, "Dora Lindqvist");
        assert_eq!((s[1].name.as_str(), s[1].kind), ("Edwin Marsh and Ada Marsh", SpeakerKind::Group));
    }

    #[test]
    fn a_state_abbreviated_beside_a_name_gives_the_state_of_a_description() {
        let text = "Ada Voss (R-S.C.) said the hearing would go on for as long as it had to go on. \
                    The South Carolina senator said more would come. \
                    Ben Ortiz, who met the South Carolina senator in passing, said little. The South Carolina senator said nothing more.";
        let s = resolve_all(text, &["Ada Voss (R-S.C.)", "The South Carolina senator", "Ben Ortiz", "The South Carolina senator"]);
        assert_eq!(s[1].name, "Ada Voss");
        assert_ne!(s[3].name, "Ben Ortiz");
    }

    #[test]
    fn a_description_no_name_explains_is_the_subject_of_the_sentence_before() {
        let text = "Tomas Quill said the mill would close. Ada Voss went after Quill at the debate. \
                    The Oregon senator said he had failed. \
                    Ben Ortiz spoke next. Turnout rose as voters met Quill in Salem on a cold and windy day. The Idaho governor said little.";
        let s = resolve_all(text, &["Tomas Quill", "Ada Voss", "The Oregon senator", "Ben Ortiz", "The Idaho governor"]);
        assert_eq!(s[2].name, "Ada Voss");
        assert_ne!(s[4].name, "Tomas Quill");
    }

    #[test]
    fn a_description_by_a_place_beside_a_quoted_persons_name_is_that_person_and_by_a_party_is_not() {
        let text = "Tomas Quill, an Oregon Democratic organizer, said wages would rise. The Oregon candidate said the count was fair. \
                    The Democratic candidate said it was not.";
        let s = resolve_all(text, &["Tomas Quill", "The Oregon candidate", "The Democratic candidate"]);
        assert_eq!((s[0].name.as_str(), s[1].name.as_str()), ("Tomas Quill", "Tomas Quill"));
        assert_eq!(s[2].name, "the Democratic candidate");
    }
    #[test]
    fn a_described_subject_is_the_person_last_named_as_a_subject_before_it() {
        let text = "Ada Voss spoke at a rally in Salem. It was unclear whether Tom Quill would yield. \
                    The retired neurosurgeon wrote that the race went on.";
        let s = resolve_all(text, &["Ada Voss", "The retired neurosurgeon"]);
        assert_eq!(s[1].name, "Tom Quill");
    }

    #[test]
    fn a_name_after_a_role_and_a_preposition_is_no_subject_a_description_stands_for() {
        let text = "Ada Voss ran hard against Republican front-runner Tom Quill in the spring. \
                    The former secretary of state said the race was close.";
        let s = resolve_all(text, &["Ada Voss", "The former secretary of state"]);
        assert_eq!(s[1].name, "Ada Voss");
    }

    #[test]
    fn a_described_subject_must_agree_in_sex_and_in_the_places_beside_the_name() {
        let text = "Ada Voss spoke at a rally in Salem. The billionaire businessman said taxes would fall. \
                    Tom Quill spoke in Salem. The Oregon businessman said taxes would rise. \
                    Ben Ortiz of Oregon spoke next. The Oregon businessman said taxes would stay.";
        // Voss, Quill and Ortiz are no sources: only the last subject is
        // theirs to take.
        let s = resolve_all(text, &["The billionaire businessman", "The Oregon businessman", "The Oregon businessman"]);
        assert_ne!(s[0].name, "Ada Voss");
        assert_ne!(s[1].name, "Tom Quill");
        assert_eq!(s[2].name, "Ben Ortiz");
    }

    #[test]
    fn an_owned_role_or_a_former_president_is_not_the_person_just_named_and_a_candidate_is() {
        let text = "Tom Quill spoke at the mill. The former president said it would close. \
                    Ben Ortiz spoke at the count. The governor's spokesman said it was fair. \
                    Dan Berg spoke at the fair. The candidate said it was fun.";
        let s = resolve_all(text, &["The former president", "The governor's spokesman", "The candidate"]);
        assert_ne!(s[0].name, "Tom Quill");
        assert_ne!(s[1].name, "Ben Ortiz");
        assert_eq!(s[2].name, "Dan Berg");
    }

    #[test]
    fn a_description_by_party_and_state_is_the_one_person_given_them() {
        let text = "Sen. Ada Voss (R-Ore.) and Rep. Tom Quill (D-Wash.) toured the mill on Monday. The Oregon Republican said the mill would stay.";
        let s = resolve_all(text, &["The Oregon Republican"]);
        assert_eq!(s[0].name, "Ada Voss");
    }

    #[test]
    fn a_description_by_party_is_the_subject_just_before_unless_given_another_party() {
        let text = "House Speaker Tom Quill says the bill is dead. The Idaho Republican says it cannot pass. \
                    Democratic Sen. Ada Voss spoke on Monday. The Republican said the bill was alive.";
        let s = resolve_all(text, &["The Idaho Republican", "The Republican"]);
        assert_eq!(s[0].name, "Tom Quill");
        assert_ne!(s[1].name, "Ada Voss");
    }

    #[test]
    fn the_subject_of_a_descriptions_own_sentence_or_a_plural_is_not_the_party_described() {
        let text = "Ada Voss spoke in Salem on Monday. Tom Quill took on Voss after the Democratic candidate said the race was over. \
                    Ben Ortiz spoke next. The Republicans said nothing.";
        let s = resolve_all(text, &["the Democratic candidate", "The Republicans"]);
        assert_ne!(s[0].name, "Tom Quill");
        assert_ne!(s[1].name, "Ben Ortiz");
    }

    #[test]
    fn a_front_runner_or_nominee_by_party_is_only_someone_the_text_called_so() {
        let text = "Tom Quill spoke in Salem on Monday. The GOP front-runner said the count was rigged. \
                    Dan Berg met Republican front-runner Ben Ortiz in Boise. The GOP front-runner said the count was fair.";
        let s = resolve_all(text, &["The GOP front-runner", "The GOP front-runner"]);
        assert_ne!(s[0].name, "Tom Quill");
        assert_eq!(s[1].name, "Ben Ortiz");
    }

    #[test]
    fn a_poll_or_body_with_a_capitalised_word_is_no_unresolved_name() {
        let text = "Voters were split, according to a Harlow Research poll released Monday. The American Legion said it was neutral. \
                    Dora Marsh of the Harlow Retail Federation said sales fell.";
        let s = resolve_all(text, &["a Harlow Research poll released Monday", "The American Legion", "Dora Marsh of the Harlow Retail Federation"]);
        assert_eq!((s[0].name.as_str(), s[0].kind), ("Harlow Research poll", SpeakerKind::Document));
        assert_eq!((s[1].name.as_str(), s[1].kind), ("the American Legion", SpeakerKind::Organization));
        assert_eq!((s[2].name.as_str(), s[2].kind), ("Dora Marsh", SpeakerKind::Person));
        // Without a known first name the phrase may be a body's own name.
        let text = "Trustees of the Harlow Reading Foundation said sales fell.";
        assert_ne!(resolve_all(text, &["Trustees of the Harlow Reading Foundation"])[0].kind, SpeakerKind::Person);
    }
}
