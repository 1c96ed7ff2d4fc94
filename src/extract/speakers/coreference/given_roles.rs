//! Roles the text gives a person beside the name: as a title before it
//! ("former secretary of state Ada Voss", "Republican nominee Tom Quill") or
//! in apposition after it ("Tom Quill, the Republican nominee,"). A later
//! definite description ("the nominee", "the former secretary of state") is
//! the one person of the document given a role that fits it; where two
//! people fit, it is neither. Only within the document: the same words in
//! another article are someone else.

use super::super::mention_words::{role_has, TITLE_ABBREVIATIONS};
use super::super::names::kind_of_phrase;
use super::super::words::*;
use crate::model::SpeakerKind;
use super::SpeakerResolver;

/// How far before a name a title is looked for, and after it an appositive.
const REACH: usize = 80;
/// At most this many words of a title or appositive before its head word.
const MODIFIER_REACH: usize = 4;

/// A definite description taken apart: "the former secretary of state" has
/// head "secretary", modifiers ["former"] and tail ["state"].
struct Described<'w> {
    head: &'w str,
    modifiers: &'w [String],
    tail: Vec<&'w str>,
    gender: Gender,
    /// The abbreviations (without their full stop) that may stand for
    /// `head`: "sen" for "senator".
    abbreviations: Vec<&'static str>,
}

impl<'w> Described<'w> {
    /// `words` is the description lowered, its article first.
    fn of(words: &'w [String]) -> Option<Self> {
        let rest = words.get(1..)?;
        let of = rest.iter().position(|w| w == "of");
        let head_at = match of {
            Some(i) => i.checked_sub(1)?,
            None => rest.len().checked_sub(1)?,
        };
        let head = rest[head_at].as_str();
        if !(in_list(&WORDS.titles, head) || in_list(&WORDS.descriptive_heads, head)) || head.ends_with("'s") || head.ends_with("’s") {
            return None;
        }
        let tail: Vec<&str> = of.map(|i| rest[i + 1..].iter().map(String::as_str).filter(|w| !matches!(*w, "the" | "a" | "an")).collect()).unwrap_or_default();
        if of.is_some() && tail.is_empty() {
            return None;
        }
        let gender = super::descriptions::gender_of_head(head);
        let abbreviations = TITLE_ABBREVIATIONS.iter().filter(|(_, full)| full.split(' ').any(|f| f == head)).filter_map(|(abbr, _)| abbr.strip_suffix('.')).collect();
        Some(Described { head, modifiers: &rest[..head_at], tail, gender, abbreviations })
    }

    /// Whether one of `words`, trimmed and lowered as `lowered_words` does
    /// it, may be the head or one of its abbreviations: a role ends in one.
    /// Cheaper than lowering them: most mentions have no such word before
    /// them. A word that is not ASCII may lower to anything, so it may be.
    fn may_end_a_role<'a>(&self, mut words: impl Iterator<Item = &'a str>) -> bool {
        words.any(|w| {
            let bare = trimmed(w);
            !bare.is_ascii() || bare.eq_ignore_ascii_case(self.head) || self.abbreviations.iter().any(|a| bare.eq_ignore_ascii_case(a))
        })
    }

    /// Whether a role's words (lowered, in order) end in this head (and
    /// its "of" tail) with the description's modifiers shortly before it.
    /// `core` ends at the head; `after` are the words after it.
    fn fits(&self, core: &[&str], after: &[&str]) -> bool {
        // "Sen." for "senator" (the full stop trimmed off the word).
        let abbreviates = |w: &str| TITLE_ABBREVIATIONS.iter().any(|(abbr, full)| abbr.strip_suffix('.') == Some(w) && full.split(' ').any(|f| f == self.head));
        if !core.last().is_some_and(|w| *w == self.head || abbreviates(w)) {
            return false;
        }
        if !self.tail.is_empty() {
            let after: Vec<&str> = after.iter().copied().filter(|w| !matches!(*w, "the" | "a" | "an")).collect();
            if after.first() != Some(&"of") || !after[1..].starts_with(&self.tail) {
                return false;
            }
        }
        let before = &core[core.len().saturating_sub(MODIFIER_REACH + 1)..core.len() - 1];
        self.modifiers.iter().all(|m| before.contains(&m.as_str()))
    }
}

/// The words of `text`, lowered, with the punctuation around them trimmed.
fn lowered_words(text: &str) -> Vec<String> {
    text.split_whitespace().map(|w| trimmed(w).to_lowercase()).filter(|w| !w.is_empty()).collect()
}

/// A word of `lowered_words` before it is lowered: without the punctuation
/// around it.
fn trimmed(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’')
}

/// Whether `c` ends the stretch of words around a name that a title or an
/// appositive can be part of.
fn is_break(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '—' | '–')
}

impl SpeakerResolver<'_> {
    /// The one person mentioned before `at` whom the text gives a role that
    /// the definite description `words` (lowered, article first) fits, or
    /// `Err` when the text gave it to several: then the description is no
    /// one the reader can tell.
    pub(super) fn given_role_or_several(&self, text: &str, phrase: &str, words: &[String], at: usize) -> Result<Option<usize>, ()> {
        // "the White House", "the campaign": a name or a body, no one's role.
        let Some(written_head) = phrase.split_whitespace().take_while(|w| !w.eq_ignore_ascii_case("of")).last() else { return Ok(None) };
        if is_cap_word(written_head) || kind_of_phrase(phrase).is_some_and(|k| k != SpeakerKind::Person) {
            return Ok(None);
        }
        let Some(described) = Described::of(words) else { return Ok(None) };
        let upto = self.mentions.partition_point(|&(pos, _)| pos < at);
        let mut found: Option<usize> = None;
        for &(pos, id) in &self.mentions[..upto] {
            if found == Some(id) || !self.people[id].gender.agrees(described.gender) {
                continue;
            }
            if self.titled_before(text, pos, id, &described) || appositive_after(text, pos, at, &described) {
                if found.is_some() {
                    return Err(());
                }
                found = Some(id);
            }
        }
        Ok(found)
    }

    /// "former secretary of state Ada Voss": the words right before the
    /// name at `pos`, back to a break or a preposition, end in the role.
    fn titled_before(&self, text: &str, pos: usize, id: usize, described: &Described) -> bool {
        let from = text.floor_char_boundary(pos.saturating_sub(REACH));
        let stretch = &text[from..pos];
        let stretch = stretch.rfind(is_break).map_or(stretch, |i| stretch[i..].trim_start_matches(is_break));
        // The role's head is a word of the stretch or of the mention's
        // opening (below), which `described` is compared with for every
        // mention before it.
        if !described.may_end_a_role(stretch.split_whitespace().chain(text[pos..].split_whitespace().take(3))) {
            return false;
        }
        let mut words = lowered_words(stretch);
        // "former President Ada Voss": the mention itself may open with the
        // title, after the words that modify it; unless the person that
        // mention went to was given another role ("President Obama" taken
        // by surname for "Michelle Obama", the first lady).
        let other_role = self.people[id].role_lower.as_deref().is_some_and(|role| !role_has(role, described.head));
        if !other_role {
            // Up to its last title word: "UN Ambassador Ada Voss".
            let opening: Vec<&str> = text[pos..].split_whitespace().take(3).collect();
            // Capitalised words, none an owner's ("Cameron’s spokesman"),
            // with a name after the title.
            let last = opening.iter().rposition(|w| in_list(&WORDS.titles, w) || in_list(&WORDS.descriptive_heads, w));
            let title_of_a_name = |last: usize| {
                opening[..=last].iter().all(|w| is_cap_word(w) && !w.ends_with([',', ';', ':', '\'', '’']) && !w.ends_with("'s") && !w.ends_with("’s"))
                    && opening.get(last + 1).is_some_and(|w| is_cap_word(w))
            };
            if let Some(last) = last.filter(|&last| title_of_a_name(last)) {
                words.extend(lowered_words(&opening[..=last].join(" ")));
            }
        }
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        // The role ends where the "of" tail ends, right before the name.
        let head_at = match words.len().checked_sub(described.tail.len() + if described.tail.is_empty() { 1 } else { 2 }) {
            Some(i) => i,
            None => return false,
        };
        let start = words[..head_at].iter().rposition(|w| matches!(*w, "the" | "a" | "an") || in_list(&FUNCTION_WORDS.object_prepositions, w)).map_or(0, |i| i + 1);
        described.fits(&words[start..=head_at], &words[head_at + 1..])
    }
}

/// "Tom Quill, the Republican nominee,": after the name at `pos` (its
/// capitalised words, initials and particles), a comma and an appositive
/// with an article whose head, before any preposition, is the role's.
fn appositive_after(text: &str, pos: usize, at: usize, described: &Described) -> bool {
    let rest = &text[pos..text.ceil_char_boundary((pos + REACH).min(at))];
    let mut end = None;
    let mut offset = 0;
    for (n, word) in rest.split(' ').enumerate() {
        let bare = word.trim_end_matches(',');
        let name_word = is_cap_word(bare) || in_list(&FUNCTION_WORDS.name_particles, bare);
        if n > 5 || !name_word {
            break;
        }
        offset += word.len() + 1;
        if word.ends_with(',') {
            end = Some(offset);
            break;
        }
    }
    let Some(end) = end.filter(|&e| e < rest.len()) else { return false };
    let appositive = &rest[end..];
    let appositive = appositive.find(is_break).map_or(appositive, |i| &appositive[..i]);
    // A full stop ends it, not the one of an abbreviation ("the U.S. senator").
    let appositive = appositive.match_indices(". ").find(|(i, _)| appositive[i + 2..].starts_with(char::is_uppercase)).map_or(appositive, |(i, _)| &appositive[..i]);
    let words = lowered_words(appositive);
    if !words.first().is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an")) {
        return false;
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    // "the wife of the mayor" is no mayor: the head comes before any
    // preposition.
    let core_end = words.iter().position(|w| in_list(&FUNCTION_WORDS.after_head, w)).unwrap_or(words.len());
    described.fits(&words[..core_end], &words[core_end..])
}

#[cfg(test)]
mod tests {
    use super::super::tests::resolve_all;

    #[test]
    fn a_description_is_the_person_given_that_role_in_apposition() {
        let text = "Tom Quill, the Republican nominee, toured the plant on Monday. Workers cheered for an hour. \
                    The nominee said wages would rise.";
        let s = resolve_all(text, &["The nominee"]);
        assert_eq!(s[0].name, "Tom Quill");
    }

    #[test]
    fn a_description_with_of_is_the_person_given_that_title_before_the_name() {
        let text = "The debate pitted former secretary of state Ada Voss against a newcomer. \
                    The former secretary of state said the treaty would hold.";
        let s = resolve_all(text, &["The former secretary of state"]);
        assert_eq!(s[0].name, "Ada Voss");
    }

    #[test]
    fn a_description_two_people_were_given_stays_unresolved() {
        let text = "Ada Voss, the senator from Ohio, met Tom Quill, a senator from Utah, at noon. \
                    The senator said the bill would pass.";
        let s = resolve_all(text, &["The senator"]);
        assert!(s[0].name != "Ada Voss" && s[0].name != "Tom Quill", "{:?}", s[0]);
    }

    #[test]
    fn an_abbreviated_title_with_a_modifier_before_it_gives_the_role() {
        let text = "Mayor Ben Ortiz and former Sen. Tom Quill toured the mill. Workers cheered. \
                    The former senator said the mill would stay open.";
        let s = resolve_all(text, &["The former senator"]);
        assert_eq!(s[0].name, "Tom Quill");
    }

    #[test]
    fn a_role_after_a_preposition_in_an_appositive_is_someone_elses() {
        let text = "Ada Voss, the wife of the businessman, opened the shop. Buyers came from far away. \
                    The businessman said prices would fall.";
        let s = resolve_all(text, &["The businessman"]);
        assert_ne!(s[0].name, "Ada Voss");
    }

    #[test]
    fn a_description_whose_head_tells_the_sex_skips_a_person_of_the_other() {
        let text = "Ada Voss, the congressman for the coast, spoke first. Tom Quill, the congressman for the hills, spoke next. \
                    The congressman said the road would be built.";
        let s = resolve_all(text, &["The congressman"]);
        assert_eq!(s[0].name, "Tom Quill");
    }

    #[test]
    fn a_modifier_before_a_title_in_the_name_is_part_of_the_role() {
        let text = "Crowds greeted former President Tom Quill and Mayor Ada Voss at the pier. Boats sailed past. \
                    The former president said the harbor would grow. Later former UN Ambassador Ben Ortiz arrived. \
                    The former ambassador said nothing. Quill’s spokesman Al Reyes left. The spokesman said goodbye.";
        let s = resolve_all(text, &["The former president", "The former ambassador", "The spokesman"]);
        assert_eq!((s[0].name.as_str(), s[1].name.as_str()), ("Tom Quill", "Ben Ortiz"));
        assert_ne!(s[2].name, "Tom Quill");
    }
}
