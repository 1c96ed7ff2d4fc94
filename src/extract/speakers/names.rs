//! Canonical names: a mention as written ("U.S. Secretary of State Marco
//! Rubio", "a U.S. envoy") to the name and role it is stored under.

use super::words::*;
use crate::model::SpeakerKind;
use super::super::tokens::{is_invisible, with_lowercase};
use std::ops::Range;

/// A name parsed out of a mention: the role words before it and the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedName {
    pub role: Option<String>,
    pub name: String,
}

/// Split "U.S. Secretary of State Marco Rubio" into role "U.S. Secretary of
/// State" and name "Marco Rubio": the name is the run of capitalised words
/// after the last title word and after any lower-case descriptor
/// ("Republican front-runner Donald Trump"), starting at a first name where
/// one follows other capitalised words ("Billionaire Donald Trump").
/// Honorifics ("Mr.", "Sir"), middle initials, party tags in parentheses
/// ("(R-Wis.)"), a dateline ("WASHINGTON —") and a home state after "of"
/// ("Senator Bernie Sanders of Vermont") are dropped. A name inside a
/// prepositional phrase ("an adviser to President Bush") is no name of the
/// speaker: `None`.
pub fn parse_name(mention: &str) -> Option<ParsedName> {
    let mut out = String::new();
    let (name, role) = parse_name_into(mention, &mut out)?;
    Some(ParsedName { role: role.map(|r| out[r].to_string()), name: out[name].to_string() })
}

/// Particles that stand lower-case inside a name ("Bill de Blasio").
fn is_particle(word: &str) -> bool {
    in_list_as_written(&FUNCTION_WORDS.name_particles, word)
}

/// "J." or "W": a middle initial, which does not tell people apart.
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.') | None, None) if c.is_uppercase())
}

/// `words` without those inside parentheses and without a dateline
/// ("WASHINGTON —") before them.
fn without_asides<'a>(words: &[&'a str]) -> Vec<&'a str> {
    let mut kept: Vec<&str> = Vec::with_capacity(words.len());
    let mut depth = 0usize;
    for w in words {
        if w.starts_with('(') {
            depth += 1;
        }
        let inside = depth > 0;
        if w.ends_with(')') || w.ends_with("),") {
            depth = depth.saturating_sub(1);
        }
        if inside {
            continue;
        }
        if matches!(*w, "—" | "–" | "--") && kept.iter().all(|k| !k.chars().any(char::is_lowercase)) {
            kept.clear();
            continue;
        }
        kept.push(w);
    }
    kept
}

/// `parse_name` appending the name and then the role (if any) to `out`,
/// returning where each went: no allocation per mention, which matters for
/// the every capitalised run of a document goes through it.
pub(super) fn parse_name_into(mention: &str, out: &mut String) -> Option<(Range<usize>, Option<Range<usize>>)> {
    let words = &*WORDS;
    // The words split once, on the stack for any mention of a sane length.
    let mut on_stack = [""; 16];
    let on_heap: Vec<&str>;
    let mut parts: &[&str] = match split_whitespace_into(mention, &mut on_stack) {
        Some(n) => &on_stack[..n],
        None => {
            on_heap = mention.split_whitespace().collect();
            &on_heap
        }
    };
    let cleaned: Vec<&str>;
    if mention.contains(['(', '—', '–']) || mention.contains("--") {
        cleaned = without_asides(parts);
        parts = &cleaned;
    }
    // A title word after an honorific, an initial or a first name is a
    // surname: "Mr. King", "Peter T. King".
    let is_title_at = |i: usize| {
        let word = parts[i].trim_end_matches(',');
        in_list(&words.titles, word)
            && !(i > 0 && is_cap_word(word) && {
                let before = parts[i - 1];
                in_list(&words.honorifics, before) || is_initial(before) || in_list(&words.first_names, before)
            })
    };
    let mut name_start = (0..parts.len()).rposition(is_title_at).map_or(0, |i| i + 1);
    // "an adviser to President Bush": a name in a phrase of its own.
    if parts[..name_start].iter().any(|p| in_list_as_written(&FUNCTION_WORDS.name_prepositions, p)) {
        return None;
    }
    // A home state after the name: "Bernie Sanders of Vermont".
    let mut name_end = parts.len();
    if let Some(of) = parts[name_start..].iter().position(|p| *p == "of") {
        if of >= 2 {
            name_end = name_start + of;
        }
    }
    // Lower-case descriptors before the name go to the role.
    if let Some(last_lower) = parts[name_start..name_end]
        .iter()
        .rposition(|p| !(is_cap_word(strip_name_word(p)) || is_particle(p) || in_list(&words.honorifics, strip_name_word(p))))
    {
        // "officials in Kyiv", "diplomats of the bloc": a place or body the
        // speaker is of, not the speaker's name.
        let before_name = parts[name_start + last_lower];
        let function_words = &*FUNCTION_WORDS;
        if in_list_as_written(&function_words.name_prepositions, before_name) || in_list_as_written(&function_words.place_prepositions, before_name) {
            return None;
        }
        name_start += last_lower + 1;
    }
    // "While Mr. Ryan", "Despite Trump's": a clause's opening word is no
    // part of the name (an article is: "The Hill").
    while name_start + 1 < name_end && {
        let word = strip_name_word(parts[name_start]);
        (in_list(&NOT_NAME_SET, word) || in_list(&NAME_OPENERS, word)) && !["the", "a", "an"].iter().any(|a| word.eq_ignore_ascii_case(a))
    } {
        name_start += 1;
    }
    // A possessive inside the run: "MSNBC’s Ayman Mohyeldin" is a body's
    // person (the name starts after the owner), as is a full name after any
    // owner ("Voss’s Ada Quill"); "Voss’s Son", "Quill’s Fifth Amendment"
    // name something of a person's, and no person.
    if let Some(k) = parts.get(name_start..name_end.saturating_sub(1)).and_then(|run| run.iter().rposition(|p| ends_in_possessive(p))) {
        let after = name_start + k + 1;
        let owner = strip_name_word(parts[after - 1]);
        // A body by its list word, its capitals ("MSNBC") or its article
        // before a name of two words or more ("the New Republic’s").
        let after_article = after - 1 > name_start && ["the", "The"].contains(&parts[name_start]) && name_end - after >= 2;
        let a_body = after_article || in_list(&words.organisation_words, owner) || (owner.len() >= 2 && owner.bytes().all(|b| b.is_ascii_uppercase()));
        let full_name_after = parts[after..name_end - 1].iter().any(|p| in_list(&words.first_names, p));
        if !(a_body || full_name_after) {
            return None;
        }
        name_start = after;
    }
    // Capitalised descriptors before a first name go to the role too.
    let first_name_at = || parts[name_start + 1..name_end - 1].iter().position(|p| in_list(&words.first_names, p)).map(|k| k + 1);
    if let Some(first) = (name_end >= name_start + 3).then(first_name_at).flatten() {
        // "Mary Kay Henry": a first name before it is part of the name.
        if !in_list(&words.honorifics, parts[name_start + first - 1]) && !in_list(&words.first_names, parts[name_start]) {
            name_start += first;
        }
    }
    let begin = out.len();
    let name_words = &parts[name_start..name_end];
    for (i, p) in name_words.iter().enumerate() {
        let p = strip_name_word(p);
        if in_list(&words.honorifics, p) || (i > 0 && i + 1 < name_words.len() && is_initial(p)) {
            continue;
        }
        if !(is_cap_word(p) || is_particle(p)) || p.bytes().any(|b| b.is_ascii_digit()) {
            out.truncate(begin);
            return None;
        }
        if out.len() > begin {
            out.push(' ');
        }
        if p.is_ascii() {
            out.push_str(p);
        } else {
            // One apostrophe for every spelling: "O’Malley" is "O'Malley".
            out.extend(p.chars().filter(|c| !is_invisible(*c)).map(|c| if c == '’' { '\'' } else { c }));
        }
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
    let role = (out.len() > name.end).then_some(name.end..out.len());
    Some((name, role))
}

/// The sex a mention's honorific tells ("Mrs. Clinton": female).
pub(super) fn mention_gender(mention: &str) -> Gender {
    // Honorifics stand first, or after a dateline or article: two words.
    // (By bytes over those two words where they are ASCII, as nearly all
    // are: it is asked of every run that may name someone. A vertical tab
    // or a non-ASCII byte sends the mention the way `split_whitespace` goes.)
    let bytes = mention.as_bytes();
    let space = |b: u8| matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ');
    let mut i = 0;
    for _ in 0..2 {
        while i < bytes.len() && space(bytes[i]) {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && !space(bytes[i]) {
            if bytes[i] >= 0x80 || bytes[i] == 0x0B {
                return mention.split_whitespace().take(2).map(honorific_gender).find(|g| *g != Gender::Unknown).unwrap_or_default();
            }
            i += 1;
        }
        if start == i {
            break;
        }
        let gender = honorific_gender(&mention[start..i]);
        if gender != Gender::Unknown {
            return gender;
        }
    }
    Gender::Unknown
}

/// A word of a name without the punctuation and possessive after it:
/// "Voss’s," is "Voss".
pub(super) fn strip_name_word(word: &str) -> &str {
    // Most words end in a letter other than "s": nothing to strip.
    if word.as_bytes().last().is_some_and(|&b| b.is_ascii_alphanumeric() && b != b's') {
        return word;
    }
    let word = word.trim_end_matches([',', '’', '\'']);
    word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")).unwrap_or(word)
}

/// "Voss’s", "Times'" or "Voss’s,": a possessive, not a name's own
/// apostrophe ("O’Neil", "Dunkin'").
fn ends_in_possessive(word: &str) -> bool {
    let word = word.trim_end_matches(',');
    word.ends_with("’s") || word.ends_with("'s") || word.ends_with("s’") || word.ends_with("s'")
}

/// The words of `text` as `split_whitespace` gives them (less any invisible
/// chars opening them), into `buf`; how
/// many, or `None` when they do not fit. ASCII text (nearly every mention)
/// is split by bytes, without decoding chars.
pub(super) fn split_whitespace_into<'a>(text: &'a str, buf: &mut [&'a str]) -> Option<usize> {
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
        // A soft hyphen may open a word ("Doug \u{ad}Andres"): the word is
        // what follows it.
        for word in text.split_whitespace().map(|w| w.trim_start_matches(is_invisible)).filter(|w| !w.is_empty()) {
            push(word)?;
        }
    }
    Some(n)
}

/// What kind of speaker a non-name mention stands for, from its head word:
/// its last word, or the word before a preposition ("officials in Kyiv",
/// "the head of the union").
pub(super) fn kind_of_phrase(mention: &str) -> Option<SpeakerKind> {
    let words = &*WORDS;
    let mut last: Option<&str> = None;
    for word in mention.split_whitespace() {
        // "52 percent of voters", "half of Democrats": the head is after "of".
        // Words after the head: "officials in Kyiv" are officials.
        if last.is_some_and(|l| !(word == "of" && is_quantity(l))) && in_list_as_written(&FUNCTION_WORDS.after_head, word) {
            break;
        }
        last = Some(word);
    }
    let last = last?.trim_end_matches(',');
    with_lowercase(last, |last| {
        let last = strip_repeated_suffix(strip_repeated_suffix(last, "’s".as_bytes()), b"'s");
        if in_list_bytes(&words.organisation_words, last) {
            Some(SpeakerKind::Organization)
        } else if in_list_bytes(&words.documents, last) {
            Some(SpeakerKind::Document)
        } else if in_list_bytes(&words.groups, last) {
            Some(SpeakerKind::Group)
        } else if is_web_address(last) {
            // "Harlowbuy.com said": a website, so its company.
            Some(SpeakerKind::Organization)
        } else if last.len() > 3 && last.ends_with(b"s") && in_list_bytes(&words.peoples, &last[..last.len() - 1]) {
            // (A people's name as a noun is the adjective and "s" in English.)
            // "Norwegians said": the people of a people word, never a person.
            Some(SpeakerKind::Group)
        } else {
            None
        }
    })
    .or_else(|| is_place(mention).then_some(SpeakerKind::Organization))
}

/// "American" or "Americans": a people, whose word keeps its capital.
fn is_people_word(word: &str) -> bool {
    in_list(&WORDS.peoples, word) || word.len() > 3 && word.ends_with('s') && in_list(&WORDS.peoples, &word[..word.len() - 1])
}

/// "harlowbuy.com", "factcheck.org": a word ending in a common top-level
/// domain (lower-cased).
fn is_web_address(word: &[u8]) -> bool {
    [b".com".as_slice(), b".org", b".net"].iter().any(|tld| word.len() > tld.len() + 1 && word.ends_with(tld))
}

/// A role as stored: "Vermont Sen.", "the Republican presidential nominee",
/// "senior adviser to the campaign". Its head (its last word, or the word
/// before "of", "to", "at" or "for") must be a title that can stand alone
/// ("senator", "adviser", not "former" or "campaign"); anything else
/// ("rival", "best friend", a headline fragment) is no role.
pub(super) fn clean_role(role: &str) -> Option<String> {
    let role = role.trim().trim_end_matches([',', ';', ':', '-', '—']).trim();
    let role = ["the ", "The ", "a ", "A ", "an ", "An "].iter().find_map(|a| role.strip_prefix(a)).unwrap_or(role);
    let words: Vec<&str> = role.split_whitespace().collect();
    if words.is_empty() || words.len() > 7 || words.iter().any(|w| w.eq_ignore_ascii_case("and") || w.bytes().any(|b| b.is_ascii_digit())) {
        return None;
    }
    let head_at = words.iter().skip(1).position(|w| ["of", "to", "at", "for"].contains(w)).map_or(words.len() - 1, |k| k);
    let head = words[head_at].trim_end_matches(['’', '\'']).trim_end_matches("’s");
    let head_ok = in_list(&WORDS.titles, head) && !in_list(&FUNCTION_WORDS.role_modifiers, head);
    // "Like President", "As Secretary": a clause's preposition or
    // subordinator before the title, never an office's first word.
    let function_word = |w: &str| {
        let f = &*FUNCTION_WORDS;
        in_list(&f.object_prepositions, w) || in_list(&f.subordinators, w) || in_list(&f.clause_openers, w)
    };
    (head_ok && !function_word(words[0])).then(|| role.to_string())
}

/// "37 percent of Americans", "About four in 10 Iowa voters", "a majority
/// of the electorate": the group a share is of ("Americans", "Iowa voters",
/// "the electorate"), which speaks for the share. `None` for a share of no
/// group named ("55 percent", "nine in 10") or a group with a number in it.
pub(super) fn group_of_share(phrase: &str) -> Option<&str> {
    // By bytes first: nearly every mention has no " of " or " in " at all.
    let bytes = phrase.as_bytes();
    let link = bytes.windows(4).position(|w| w == b" of " || w == b" in ")?;
    let before = &phrase[..link];
    let share = before.rsplit(' ').next().unwrap_or(before);
    // The share opens the phrase, after a word or two at most ("the strong
    // majority of"); "none of his rivals" is no one of them.
    let opens = before.split(' ').count() <= 3;
    if !opens || !is_quantity(share) || ["none", "neither"].iter().any(|n| share.eq_ignore_ascii_case(n)) {
        return None;
    }
    let mut group = &phrase[link + 4..];
    if &bytes[link..link + 4] == b" in " {
        // "four in 10": a count, "in", and a round number.
        let (round, rest) = group.split_once(' ')?;
        if !matches!(round, "10" | "ten" | "100") {
            return None;
        }
        group = rest;
    }
    let group = group.trim().trim_end_matches(',');
    let words = group.split_whitespace().count();
    (words > 0 && words <= 6 && !group.bytes().any(|b| b.is_ascii_digit())).then_some(group)
}

/// "52", "percent", "half", "two-thirds": a share of a group.
fn is_quantity(word: &str) -> bool {
    let word = word.trim_end_matches(',');
    word.bytes().any(|b| b.is_ascii_digit()) || word.ends_with("-thirds") || in_list(&FUNCTION_WORDS.shares, word)
}

/// "Brussels", "the United States": a place that speaks for its government.
pub(super) fn is_place(mention: &str) -> bool {
    let mention = mention.trim().trim_end_matches(',');
    let mention = ["the ", "The "].iter().find_map(|a| mention.strip_prefix(a)).unwrap_or(mention);
    let mention = mention.strip_suffix("’s").or_else(|| mention.strip_suffix("'s")).unwrap_or(mention);
    in_list(&WORDS.places, mention)
}

/// Whether `phrase` is capitalised only for standing first: its only
/// capital is its first letter ("Diplomatic sources"), or its first word
/// is a quantifier ("Some Democrats", "Other Republicans").
fn starts_a_sentence_only(phrase: &str) -> bool {
    let first = phrase.split(' ').next().unwrap_or("");
    // Up to the head: "Officials in Kyiv" is capitalised only for standing first.
    let head_end = phrase.split(' ').skip(1).position(|w| in_list_as_written(&FUNCTION_WORDS.after_head, w)).map_or(phrase.len(), |k| {
        phrase.split(' ').take(k + 1).map(|w| w.len() + 1).sum::<usize>() - 1
    });
    let mut chars = phrase[..head_end].chars();
    chars.next().is_some_and(char::is_uppercase) && (!chars.any(char::is_uppercase) || in_list(&FUNCTION_WORDS.quantifiers, first))
}

/// `word.trim_end_matches(suffix)` without the string searcher
/// `trim_end_matches` sets up at every call (a quarter of the cost of
/// `kind_of_phrase`, which runs for every name and source).
pub(super) fn strip_repeated_suffix<'a>(mut word: &'a [u8], suffix: &[u8]) -> &'a [u8] {
    while let Some(rest) = word.strip_suffix(suffix) {
        word = rest;
    }
    word
}

/// "Mike Lee, a Utah senator," -> ("Mike Lee", Some("a Utah senator")).
pub(super) fn split_appositive(mention: &str) -> (&str, Option<&str>) {
    // By `memchr`: a char searcher's set-up cost more than these mentions.
    match memchr::memchr(b',', mention.as_bytes()).map(|k| (&mention[..k], &mention[k + 1..])) {
        Some((name, rest)) => {
            let rest = rest.trim().trim_end_matches(',').trim();
            (without_clause_tail(name.trim()), (!rest.is_empty()).then_some(rest))
        }
        None => (without_clause_tail(mention), None),
    }
}

pub(super) fn source_name_part(mention: &str) -> &str {
    split_appositive(mention.trim()).0
}

/// "Clinton herself", "Mr. Obama hasn't", "Rubio only": a name with a word
/// after it that belongs to the clause, not to the name; the name alone.
pub(super) fn without_clause_tail(phrase: &str) -> &str {
    let Some(space) = memchr::memrchr(b' ', phrase.as_bytes()) else { return phrase };
    let (head, tail) = (&phrase[..space], &phrase[space + 1..]);
    let negated = ["n't", "n’t"].iter().any(|n| tail.ends_with(n));
    // The tail first: it is seldom one, and the head's lookups cost more.
    if !(negated || in_list_as_written(&FUNCTION_WORDS.clause_tails, tail)) {
        return phrase;
    }
    let head_is_name = head.split_whitespace().next_back().is_some_and(|w| {
        is_cap_word(w) && !in_list(&WORDS.titles, w) && !in_list(&NOT_NAME_SET, w) && !is_pronoun(w)
    });
    if head_is_name {
        head
    } else {
        phrase
    }
}

pub(super) fn strip_article(s: &str) -> String {
    for a in ["a ", "an ", "the "] {
        if let Some(rest) = s.strip_prefix(a) {
            return rest.to_string();
        }
    }
    s.to_string()
}

/// How an organisation, group or description is named as a speaker: "a U.S.
/// envoy" is "the U.S. envoy"; "the White House" keeps its article.
pub(super) fn canonical_phrase(phrase: &str, kind: SpeakerKind) -> String {
    let phrase = phrase.trim().trim_end_matches(',');
    let lowered_first = match phrase.split_once(' ') {
        Some(("A" | "An" | "a" | "an" | "The", rest)) => format!("the {rest}"),
        _ => phrase.to_string(),
    };
    match kind {
        // "Diplomatic sources" is capitalised only for standing first;
        // "New Jersey officials" and "FBI officials" keep their capitals.
        // "Republicans" is a party's people and "American officials" a
        // people's: capitalised wherever they stand.
        SpeakerKind::Group if !lowered_first.starts_with("the ") && starts_a_sentence_only(&lowered_first) && !lowered_first.split(' ').next().is_some_and(|w| in_list(&WORDS.party_names, w) || is_people_word(w)) => {
            let mut chars = lowered_first.chars();
            chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
        }
        // "Berlin's" and "the United States" as speakers are Berlin and
        // United States, one record each however they are written.
        // "The DNC" and "DNC" are one body, named without the article.
        SpeakerKind::Organization if lowered_first.strip_prefix("the ").is_some_and(|name| !name.contains(' ') && in_list(&WORDS.organisation_names, name)) => lowered_first[4..].to_string(),
        SpeakerKind::Organization if is_place(&lowered_first) => {
            let place = lowered_first.strip_prefix("the ").unwrap_or(&lowered_first);
            place.strip_suffix("’s").or_else(|| place.strip_suffix("'s")).unwrap_or(place).to_string()
        }
        _ => lowered_first,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_suffixes_are_all_stripped_as_trim_end_matches_does() {
        for (word, suffix) in [("council’s", "’s"), ("ss’s’s", "’s"), ("board's", "'s"), ("’s", "’s"), ("senate", "'s"), ("", "'s")] {
            assert_eq!(strip_repeated_suffix(word.as_bytes(), suffix.as_bytes()), word.trim_end_matches(suffix).as_bytes(), "{word:?} less {suffix:?}");
        }
    }

    #[test]
    fn title_is_stripped_into_the_role() {
        let p = parse_name("U.S. Secretary of State Marco Rubio").unwrap();
        assert_eq!(p.name, "Marco Rubio");
        assert_eq!(p.role.as_deref(), Some("U.S. Secretary of State"));
    }

    #[test]
    fn a_body_before_a_name_is_whom_the_person_works_for() {
        // "Zubair" is in no list of first names: the owner decides.
        for mention in ["NBC’s Zubair Okonkwo", "the Harlow Post's Zubair Okonkwo", "WXYZ's Zubair Okonkwo", "The Eastport Ledger’s Zubair Okonkwo"] {
            assert_eq!(parse_name(mention).map(|p| p.name).as_deref(), Some("Zubair Okonkwo"), "{mention}");
        }
        // A full name after a person's possessive is a person of theirs.
        assert_eq!(parse_name("Quill’s Ada Voss").map(|p| p.name).as_deref(), Some("Ada Voss"));
    }

    #[test]
    fn something_of_a_persons_is_no_person() {
        for mention in ["Quill’s Sister", "Voss’s Fourth Amendment", "Ada Voss’s Final Speech", "Quill's Xenophobia"] {
            assert_eq!(parse_name(mention), None, "{mention}");
        }
        // A possessive at the end belongs to the sentence, not the name.
        assert_eq!(parse_name("Ada Voss’s").map(|p| p.name).as_deref(), Some("Ada Voss"));
        assert_eq!(parse_name("Zelda O'Neil").map(|p| p.name).as_deref(), Some("Zelda O'Neil"));
    }

    #[test]
    fn a_role_never_opens_with_a_preposition_or_subordinator() {
        for role in ["Like President", "As Secretary of State", "like senator"] {
            assert_eq!(clean_role(role), None, "{role}");
        }
        assert_eq!(clean_role("President").as_deref(), Some("President"));
        assert_eq!(clean_role("the former Secretary of State").as_deref(), Some("former Secretary of State"));
    }

    #[test]
    fn a_title_word_after_an_honorific_or_a_first_name_is_a_surname() {
        assert_eq!(parse_name("Mr. King").unwrap().name, "King");
        let p = parse_name("Representative Walter T. King of Ohio").unwrap();
        assert_eq!((p.name.as_str(), p.role.as_deref()), ("Walter King", Some("Representative")));
        assert_eq!(parse_name("Senate Majority Leader Ada Voss").unwrap().role.as_deref(), Some("Senate Majority Leader"));
    }

    #[test]
    fn a_country_or_capital_speaks_as_an_organisation() {
        for place in ["Brussels", "the United States", "Moscow’s"] {
            assert_eq!(kind_of_phrase(place), Some(SpeakerKind::Organization), "{place}");
        }
        assert_eq!(kind_of_phrase("Denzel Washington"), None);
    }

    #[test]
    fn a_word_of_the_clause_after_a_name_is_no_part_of_it() {
        for (mention, name) in [("Voss herself", "Voss"), ("Mr. Voss hasn’t", "Mr. Voss"), ("Ada Voss only", "Ada Voss"), ("the mayor alone", "the mayor alone"), ("I shouldn't", "I shouldn't"), ("The only", "The only")] {
            assert_eq!(source_name_part(mention), name);
        }
    }

    #[test]
    fn the_sex_of_a_mention_is_its_first_or_second_words_honorific() {
        for (mention, gender) in [("Mrs. Voss", Gender::Female), ("the Mr. Voss", Gender::Male), ("Ada Voss Mrs.", Gender::Unknown), (" Ms.\u{a0}Voss", Gender::Female), ("Sir", Gender::Male), ("the\u{b}Mrs. Voss", Gender::Female), ("", Gender::Unknown)] {
            assert_eq!(mention_gender(mention), gender, "{mention:?}");
            assert_eq!(mention.split_whitespace().take(2).map(honorific_gender).find(|g| *g != Gender::Unknown).unwrap_or_default(), gender, "{mention:?}");
        }
    }

    #[test]
    fn a_name_word_loses_its_comma_and_possessive_only() {
        for (word, bare) in [("Voss", "Voss"), ("Voss’s,", "Voss"), ("Voss's", "Voss"), ("Jones'", "Jones"), ("Ada,", "Ada"), ("Mr.", "Mr."), ("Ross", "Ross"), ("", "")] {
            assert_eq!(strip_name_word(word), bare, "{word:?}");
        }
    }

    #[test]
    fn a_soft_hyphen_opening_a_word_of_a_name_is_dropped() {
        assert_eq!(parse_name("Ana \u{ad}Reyes").unwrap().name, "Ana Reyes");
    }

    #[test]
    fn honorific_is_dropped() {
        assert_eq!(parse_name("Mr. Hale").unwrap(), ParsedName { role: None, name: "Hale".into() });
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
        let mut buf = [""; 4];
        let n = split_whitespace_into("Ana \u{ad}Reyes \u{200b} Jr.", &mut buf).unwrap();
        assert_eq!(&buf[..n], ["Ana", "Reyes", "Jr."]);
    }
}
