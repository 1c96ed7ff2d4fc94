//! Speakers and their aliases: one row per person, organization or group,
//! found again across documents by any of its names.

use super::Store;
use rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE;
use crate::error::{Error, Result};
use crate::model::{data_lines, is_name_suffix, SpeakerKind};
use rusqlite::{params, Connection, OptionalExtension};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// A speaker as `claimdb speakers` lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerRow {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub role: Option<String>,
    pub wikidata: Option<String>,
    pub aliases: Vec<String>,
    pub statements: i64,
}

/// A statement whose speaker is unresolved, as `speakers --unresolved` lists
/// it: (statement id, speaker mention, document path, content).
pub type UnresolvedStatement = (i64, String, Option<String>, String);

/// What `merge_speakers` moved.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeReport {
    pub from: String,
    pub into: String,
    pub statements: usize,
    pub aliases: usize,
}

/// The speaker called `name` (canonical name or alias, case-insensitive).
pub(super) fn find_speaker(conn: &Connection, name: &str) -> Result<Option<(i64, String)>> {
    let by_name = conn.prepare_cached("SELECT id, name FROM speakers WHERE name = ?1")?.query_row( [name], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    if by_name.is_some() {
        return Ok(by_name);
    }
    Ok(conn.prepare_cached("SELECT s.id, s.name FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id WHERE a.alias = ?1")?.query_row(
            [name],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?)
}

/// Find the speaker by canonical name or alias, else create it; record the
/// mention as an alias when it is a name. Returns the id and whether the
/// speaker is new.
pub(super) fn resolve_speaker(
    conn: &Connection,
    name: &str,
    kind: SpeakerKind,
    mention: &str,
) -> Result<(i64, bool)> {
    let (id, created, _) = resolve_named_speaker(conn, name, kind, mention, None)?;
    Ok((id, created))
}

/// `resolve_speaker`, also returning the speaker's canonical name as stored
/// (the name given, or the one it is an alias or another spelling of).
fn resolve_named_speaker(
    conn: &Connection,
    name: &str,
    kind: SpeakerKind,
    mention: &str,
    mut known: Option<&mut KnownNames>,
) -> Result<(i64, bool, String)> {
    let name = name.trim();
    if kind == SpeakerKind::Unresolved || name == UNRESOLVED {
        let (id, created) = unresolved_speaker(conn)?;
        return Ok((id, created, UNRESOLVED.to_string()));
    }
    if name.is_empty() {
        return Err(Error::invalid("a statement needs a speaker name"));
    }
    // A surname alone goes to the person known by a full name ending in it
    // first, so that a surname record made before that person was known
    // ("Obama" before "Barack Obama") stops growing.
    // An alias (a name variant, or a rule a person made) wins over that.
    let found = match find_known_speaker(conn, known.as_deref(), name)? {
        Some(by_alias) if !by_alias.1.eq_ignore_ascii_case(name) => Some(by_alias),
        found if kind == SpeakerKind::Person && is_surname_alone(name) => bearer_of_surname(conn, name, mention)?.or(found),
        None if kind == SpeakerKind::Person && name.split(' ').count() >= 3 => without_middle_names(conn, known.as_deref(), name)?,
        None if kind == SpeakerKind::Person && name.split(' ').count() == 2 => with_a_middle_name(conn, name)?,
        None if kind == SpeakerKind::Group => the_pair_the_other_way(conn, known.as_deref(), name)?,
        None if kind == SpeakerKind::Organization => the_body_the_other_way(conn, known.as_deref(), name)?,
        found => found,
    };
    let found = match found {
        None if kind == SpeakerKind::Person => by_another_given_name(conn, known.as_deref(), name)?,
        found => found,
    };
    let (id, created, canonical) = match found {
        Some((id, canonical)) => (id, false, canonical),
        None => {
            // The role comes with the statement, dated (`record_role`).
            conn.prepare_cached("INSERT INTO speakers (name, kind) VALUES (?1, ?2)")?.execute(params![name, kind.as_str()])?;
            let id = conn.last_insert_rowid();
            if let Some(known) = known.as_deref_mut() {
                known.add(name, id, name);
            }
            (id, true, name.to_string())
        }
    };
    if !created {
        fill_in_speaker(conn, id, kind)?;
    }
    record_alias(conn, id, &canonical, mention, known)?;
    Ok((id, created, canonical))
}

/// "Bo Park and Ann Lee": the group of the two named the other way round,
/// stored before ("Ann Lee and Bo Park"); which of the two an article
/// names first makes no other group.
fn the_pair_the_other_way(conn: &Connection, known: Option<&KnownNames>, name: &str) -> Result<Option<(i64, String)>> {
    match name.split_once(" and ") {
        Some((first, second)) if !second.contains(" and ") => find_known_speaker(conn, known, &format!("{second} and {first}")),
        _ => Ok(None),
    }
}

/// "Harlow Gazette" where "the Harlow Gazette" is stored, or the other way
/// round: one body, whether an article names it with its article or not.
/// Only a body stored so is taken: "the poll" is no body "poll".
fn the_body_the_other_way(conn: &Connection, known: Option<&KnownNames>, name: &str) -> Result<Option<(i64, String)>> {
    let other = match name.strip_prefix("the ").or_else(|| name.strip_prefix("The ")) {
        Some(rest) => rest.to_string(),
        None => format!("the {name}"),
    };
    let Some((id, canonical)) = find_known_speaker(conn, known, &other)? else { return Ok(None) };
    let kind: Option<String> = conn.prepare_cached("SELECT kind FROM speakers WHERE id = ?1")?.query_row([id], |row| row.get(0)).optional()?;
    Ok((kind.as_deref() == Some(SpeakerKind::Organization.as_str())).then_some((id, canonical)))
}

/// The name of the one record that holds every statement whose speaker
/// mention names nobody ("they", "it"): no record per pronoun.
pub const UNRESOLVED: &str = "(unresolved)";

/// The record of unresolved statements, made the first time it is needed.
fn unresolved_speaker(conn: &Connection) -> Result<(i64, bool)> {
    let found: Option<i64> =
        conn.prepare_cached("SELECT id FROM speakers WHERE name = ?1")?.query_row([UNRESOLVED], |r| r.get(0)).optional()?;
    if let Some(id) = found {
        return Ok((id, false));
    }
    conn.prepare_cached("INSERT INTO speakers (name, kind) VALUES (?1, 'unresolved')")?.execute([UNRESOLVED])?;
    Ok((conn.last_insert_rowid(), true))
}

/// "Clinton": one capitalised word, which may be the surname of someone known
/// by a full name.
fn is_surname_alone(name: &str) -> bool {
    !name.is_empty() && !name.contains(' ') && name.chars().next().is_some_and(char::is_alphabetic)
}

/// A legal name of three words or more for a person stored by a shorter
/// one: "Hillary Rodham Clinton" is the stored "Hillary Clinton" (same first
/// name and surname), "Joseph Biden Jr." the stored "Joe Biden" (another
/// spelling of the first name), "John Ellis Bush" the stored "Jeb Bush"
/// (the initials of the legal name). A suffix only joins a person of the
/// same first name and surname when no one else of that surname is stored:
/// "Donald Trump Jr." is not "Donald Trump".
fn without_middle_names(conn: &Connection, known: Option<&KnownNames>, name: &str) -> Result<Option<(i64, String)>> {
    let mut words: Vec<&str> = name.split(' ').collect();
    let suffixed = words.len() > 2 && words.last().is_some_and(|w| is_name_suffix(w));
    if suffixed {
        words.pop();
    }
    let (Some(first), Some(last)) = (words.first(), words.last()) else { return Ok(None) };
    if words.len() < 2 || last.ends_with('.') {
        return Ok(None);
    }
    let short = format!("{first} {last}");
    if let Some(found) = find_known_speaker(conn, known, &short)? {
        if !suffixed || sole_bearer_of_surname(conn, last, found.0)? {
            return Ok(Some(found));
        }
    }
    if let Some(found) = by_another_given_name(conn, known, &short)? {
        return Ok(Some(found));
    }
    // "J. E. B." said as a word: a first name made of the initials.
    if words.len() >= 3 && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase)) {
        let initials: String = words.iter().enumerate().filter_map(|(i, w)| w.chars().next().map(|c| if i == 0 { c } else { c.to_ascii_lowercase() })).collect();
        return find_known_speaker(conn, known, &format!("{initials} {last}"));
    }
    Ok(None)
}

/// Whether `id` is the only person stored under a full name ending in
/// `surname`.
fn sole_bearer_of_surname(conn: &Connection, surname: &str, id: i64) -> Result<bool> {
    let other: Option<i64> = conn
        .prepare_cached(
            "SELECT id FROM speakers WHERE surname = ?1 COLLATE NOCASE AND kind = 'person' AND name LIKE '% %'
              AND name NOT LIKE '% and %' AND id <> ?2 LIMIT 1",
        )?
        .query_row(params![surname, id], |r| r.get(0))
        .optional()?;
    Ok(other.is_none())
}

/// "Rafael Cruz" where only "Rafael Edward Cruz" is stored: the one person
/// stored with that first name and surname and a middle name between them.
fn with_a_middle_name(conn: &Connection, name: &str) -> Result<Option<(i64, String)>> {
    let Some((first, last)) = name.split_once(' ') else { return Ok(None) };
    let pattern = format!("{} % {}", escape_like(first), escape_like(last));
    let found: Vec<(i64, String)> = conn
        .prepare_cached(
            "SELECT id, name FROM speakers WHERE surname = ?1 COLLATE NOCASE AND kind = 'person'
              AND name LIKE ?2 ESCAPE '\\' AND name NOT LIKE '% and %' AND length(name) - length(replace(name, ' ', '')) = 2 LIMIT 2",
        )?
        .query_map(params![last, pattern], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(if found.len() == 1 { found.into_iter().next() } else { None })
}

/// `data/given_name_variants.txt`: each spelling of a given name, with the
/// other spellings of that name ("Ben" with "Benjamin").
static GIVEN_NAME_VARIANTS: std::sync::LazyLock<FxHashMap<&'static str, Vec<&'static str>>> = std::sync::LazyLock::new(|| {
    let mut variants: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
    for line in include_str!("../../data/given_name_variants.txt").lines().filter(|l| !l.starts_with('#')) {
        let names: Vec<&str> = line.split_whitespace().collect();
        for name in &names {
            variants.entry(name).or_default().extend(names.iter().filter(|other| other != &name));
        }
    }
    variants
});

/// The other spellings of a given name ("Benjamin" for "Ben"), none for a
/// name with no other.
pub(super) fn given_name_variants(given: &str) -> &'static [&'static str] {
    GIVEN_NAME_VARIANTS.get(given).map_or(&[], Vec::as_slice)
}

/// "Ben Cardin" where "Benjamin Cardin" is stored (or "Hilary Clinton"
/// where "Hillary Clinton" is): the person stored under another spelling of
/// the first name, the rest of the name alike.
fn by_another_given_name(conn: &Connection, known: Option<&KnownNames>, name: &str) -> Result<Option<(i64, String)>> {
    let Some((given, rest)) = name.split_once(' ') else { return Ok(None) };
    let Some(others) = GIVEN_NAME_VARIANTS.get(given) else { return Ok(None) };
    for other in others {
        if let Some(found) = find_known_speaker(conn, known, &format!("{other} {rest}"))? {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// The person a surname alone stands for across the corpus: the one person
/// stored under a full name ending in it, or the one of them quoted more than
/// ten times as often as all the others together. When no one stands out
/// ("Bill Clinton", "Hillary Clinton" alike), the surname gets (or finds) a
/// record of its own marked ambiguous. So does a surname whose honorific
/// (`mention`, "Ms. Khan") is of the other sex than one the bearer was
/// called by ("Mr. Khan"): a relative, not the bearer.
fn bearer_of_surname(conn: &Connection, surname: &str, mention: &str) -> Result<Option<(i64, String)>> {
    let bearers: Vec<(i64, String, i64)> = conn
        .prepare_cached(
            "SELECT sp.id, sp.name, (SELECT count(*) FROM statements s WHERE s.speaker_id = sp.id) AS n FROM speakers sp
              WHERE sp.surname = ?1 COLLATE NOCASE AND sp.kind = 'person' AND sp.name LIKE '% %' AND sp.name NOT LIKE '% and %'
              ORDER BY n DESC LIMIT 20",
        )?
        .query_map([surname], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let others: i64 = bearers.iter().skip(1).map(|b| b.2).sum();
    match bearers.first() {
        None => Ok(None),
        Some((id, name, n)) if (bearers.len() == 1 || *n > 10 * others.max(1)) && !called_by_the_other_sex(conn, *id, mention)? => Ok(Some((*id, name.clone()))),
        Some(_) => {
            conn.prepare_cached("INSERT OR IGNORE INTO speakers (name, kind, ambiguous) VALUES (?1, 'person', 1)")?.execute([surname])?;
            Ok(find_speaker(conn, surname)?)
        }
    }
}

/// Whether `mention` opens with an honorific of one sex ("Ms.") and the
/// record `id` holds an alias opening with one of the other ("Mr.").
fn called_by_the_other_sex(conn: &Connection, id: i64, mention: &str) -> Result<bool> {
    let first = mention.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
    let other: &[&str] = match first.trim_end_matches('.') {
        "mr" => &["Mrs. %", "Ms. %", "Miss %"],
        "mrs" | "ms" | "miss" => &["Mr. %"],
        _ => return Ok(false),
    };
    let mut query = conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM speaker_aliases WHERE speaker_id = ?1 AND alias LIKE ?2)")?;
    for pattern in other {
        if query.query_row(params![id, pattern], |r| r.get::<_, bool>(0))? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `find_speaker`, answered from `known` when there is such a list.
fn find_known_speaker(conn: &Connection, known: Option<&KnownNames>, name: &str) -> Result<Option<(i64, String)>> {
    match known.and_then(|known| known.find(name)) {
        Some(found) => Ok(found),
        None => find_speaker(conn, name),
    }
}

/// Every speaker name and alias stored, kept by a transaction that began
/// with none, so that it finds a speaker by name without asking SQLite:
/// a new speaker was four indexed lookups (its name and its mention, each
/// as a name and as an alias), 26,000 of the 40,000 instructions it cost.
/// Keyed as the columns' NOCASE collation compares (ASCII letters folded,
/// other bytes as they are).
#[derive(Debug, Default)]
struct KnownNames {
    ids: FxHashMap<String, (i64, String)>,
}

impl KnownNames {
    /// Whether `name` names a stored speaker: `None` when only SQLite can
    /// tell. NOCASE stops comparing at a NUL byte, so a name holding one is
    /// left to it.
    fn find(&self, name: &str) -> Option<Option<(i64, String)>> {
        if name.contains('\0') {
            return None;
        }
        Some(self.ids.get(&name.to_ascii_lowercase()).cloned())
    }

    fn add(&mut self, name: &str, id: i64, canonical: &str) {
        self.ids.insert(name.to_ascii_lowercase(), (id, canonical.to_string()));
    }
}

/// Speakers already resolved in this transaction, by everything
/// `resolve_speaker` looks at: resolving the same name, kind, role and
/// mention again changes nothing, so a batch skips its five lookups. Cleared
/// when a savepoint that may have created speakers is rolled back.
///
/// Keyed by name, then searched among the few (kind, role, mention) seen
/// with it: a lookup borrows the row's strings instead of copying four of
/// them into a key, once per imported row.
#[derive(Debug, Default)]
pub(super) struct SpeakerCache {
    resolved: FxHashMap<String, Vec<ResolvedSpeaker>>,
    /// Every name and alias, for a transaction that began with none.
    known: Option<KnownNames>,
}

#[derive(Debug)]
struct ResolvedSpeaker {
    kind: SpeakerKind,
    role: Option<String>,
    mention: String,
    id: i64,
    /// The canonical name, which a batch indexes for full text.
    name: String,
}

impl SpeakerCache {
    /// A cache for a transaction on `conn`, which keeps every name itself
    /// when there are no speakers yet (see `KnownNames`).
    pub(super) fn new(conn: &Connection) -> Result<Self> {
        let none_stored: bool = conn
            .prepare_cached("SELECT NOT EXISTS (SELECT 1 FROM speakers) AND NOT EXISTS (SELECT 1 FROM speaker_aliases)")?
            .query_row([], |r| r.get(0))?;
        Ok(SpeakerCache { resolved: FxHashMap::default(), known: none_stored.then(KnownNames::default) })
    }

    pub(super) fn resolve(
        &mut self,
        conn: &Connection,
        name: &str,
        kind: SpeakerKind,
        role: Option<&str>,
        mention: &str,
    ) -> Result<(i64, bool, &str)> {
        let same = |r: &&ResolvedSpeaker| r.kind == kind && r.role.as_deref() == role && r.mention == mention;
        // Looked up twice (once to test, once to return) so that the borrow
        // checker lets the miss path insert.
        if self.resolved.get(name).is_some_and(|seen| seen.iter().any(|r| same(&r))) {
            let known = self.resolved[name].iter().find(same).expect("just found");
            return Ok((known.id, false, &known.name));
        }
        let (id, created, canonical) = resolve_named_speaker(conn, name, kind, mention, self.known.as_mut())?;
        let resolved =
            ResolvedSpeaker { kind, role: role.map(str::to_string), mention: mention.to_string(), id, name: canonical };
        let seen = self.resolved.entry(name.to_string()).or_default();
        seen.push(resolved);
        Ok((id, created, &seen.last().expect("just pushed").name))
    }

    /// Forget what was resolved: a rolled-back savepoint may have removed
    /// speakers, so from then on SQLite is asked.
    pub(super) fn clear(&mut self) {
        self.resolved.clear();
        self.known = None;
    }
}

/// Keep `role` as one the person held on `day` ("FBI Director" for James
/// Comey in a 2016 article): a dated role of that record, never an alias,
/// so that "the director" finds no one outside its document.
pub(in crate::store) fn record_role(conn: &Connection, speaker_id: i64, kind: SpeakerKind, role: Option<&str>, day: Option<chrono::NaiveDate>) -> Result<()> {
    let Some(role) = role.map(str::trim).filter(|r| !r.is_empty()) else { return Ok(()) };
    if !matches!(kind, SpeakerKind::Person | SpeakerKind::Unknown) {
        return Ok(());
    }
    conn.prepare_cached(
        "INSERT INTO speaker_roles (speaker_id, role, first_seen, last_seen) VALUES (?1, ?2, ?3, ?3)
         ON CONFLICT (speaker_id, role) DO UPDATE SET
           first_seen = CASE WHEN first_seen IS NULL OR excluded.first_seen < first_seen THEN excluded.first_seen ELSE first_seen END,
           last_seen = CASE WHEN last_seen IS NULL OR excluded.last_seen > last_seen THEN excluded.last_seen ELSE last_seen END",
    )?
    .execute(params![speaker_id, role, day])?;
    // The record's role follows the latest article, unless a person gave
    // it (`speakers load`, a correction): then it is none of its dated roles.
    conn.prepare_cached(
        "UPDATE speakers SET role = ?2 WHERE id = ?1 AND (role IS NULL OR (
             role IN (SELECT role FROM speaker_roles WHERE speaker_id = ?1)
             AND ?3 >= (SELECT max(last_seen) FROM speaker_roles WHERE speaker_id = ?1)))",
    )?
    .execute(params![speaker_id, role, day])?;
    Ok(())
}

/// Give `into` the dated roles of `from`, which is about to go.
fn move_roles(conn: &Connection, from: i64, into: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO speaker_roles (speaker_id, role, first_seen, last_seen)
         SELECT ?2, role, first_seen, last_seen FROM speaker_roles WHERE speaker_id = ?1 AND true
         ON CONFLICT (speaker_id, role) DO UPDATE SET
           first_seen = min(coalesce(first_seen, excluded.first_seen), coalesce(excluded.first_seen, first_seen)),
           last_seen = max(coalesce(last_seen, excluded.last_seen), coalesce(excluded.last_seen, last_seen))",
    )?
    .execute(params![from, into])?;
    Ok(())
}

/// The honorifics of `data/honorifics.txt`, lower case, each between
/// spaces (" mr. mrs. ... "): a name opening with one is a person's, whom
/// no later statement turns into an organisation ("Dr. Forbes").
static HONORIFIC_WORDS: LazyLock<String> = LazyLock::new(|| {
    data_lines(include_str!("../../data/honorifics.txt")).fold(String::from(" "), |mut all, w| {
        all.push_str(&w.to_lowercase());
        all.push(' ');
        all
    })
});

/// Learn a speaker's kind when it was unknown. A bare name with nothing of
/// a person about it is taken for one ("Twitter said"), so an
/// organisation, group or document that a later statement shows it to be
/// ("Twitter, the company") is its kind from then on: unless a he, she or
/// honorific was given it, or a user loaded it (a rule alias, a Wikidata id).
fn fill_in_speaker(conn: &Connection, id: i64, kind: SpeakerKind) -> Result<()> {
    match kind {
        SpeakerKind::Unknown => {}
        SpeakerKind::Organization | SpeakerKind::Group | SpeakerKind::Document => {
            conn.prepare_cached(
                "UPDATE speakers SET kind = ?2 WHERE id = ?1 AND (kind = 'unknown' OR kind = 'person' AND wikidata IS NULL
                   AND NOT EXISTS (SELECT 1 FROM speaker_aliases WHERE speaker_id = ?1
                                    AND (origin = 'rule' OR instr(?3, ' ' || lower(substr(alias, 1, instr(alias || ' ', ' ') - 1)) || ' ') > 0))
                   AND NOT EXISTS (SELECT 1 FROM statements WHERE speaker_id = ?1
                                    AND (speaker_mention IN ('he', 'He', 'she', 'She')
                                         OR instr(?3, ' ' || lower(substr(speaker_mention, 1, instr(speaker_mention || ' ', ' ') - 1)) || ' ') > 0)))",
            )?
            .execute(params![id, kind.as_str(), HONORIFIC_WORDS.as_str()])?;
        }
        _ => {
            conn.prepare_cached("UPDATE speakers SET kind = ?2 WHERE id = ?1 AND kind = 'unknown'")?.execute(params![id, kind.as_str()])?;
        }
    }
    Ok(())
}

/// Keep a mention that is a variant of the speaker's name ("Donald J. Trump",
/// "Mrs. Clinton" for Hillary Clinton) as an alias, unless it is already some
/// speaker's name or alias. Descriptions, roles, appositives, "X and Y" and
/// pronouns never are: an alias finds the speaker again in any document.
fn record_alias(conn: &Connection, id: i64, canonical: &str, mention: &str, known: Option<&mut KnownNames>) -> Result<()> {
    let mention = without_possessive(mention.trim());
    if !is_name_variant(mention, canonical) {
        return Ok(());
    }
    if find_known_speaker(conn, known.as_deref(), mention)?.is_none() {
        conn.prepare_cached("INSERT OR IGNORE INTO speaker_aliases (alias, speaker_id) VALUES (?1, ?2)")?.execute( params![mention, id])?;
        if let Some(known) = known {
            known.add(mention, id, canonical);
        }
    }
    Ok(())
}

/// "Mr. Obama" of a mention "Mr. Obama's": the possessive belongs to the
/// sentence ("Mr. Obama's aides said"), not to the name.
fn without_possessive(mention: &str) -> &str {
    mention.strip_suffix("’s").or_else(|| mention.strip_suffix("'s")).unwrap_or(mention)
}

/// Honorifics a name variant may start with.
const HONORIFICS: &[&str] = &["mr.", "mrs.", "ms.", "miss", "dr.", "mr", "mrs", "ms", "dr"];

/// Whether `mention` is another spelling of `canonical`: capitalised words
/// only (a particle or initial among them), at most four, ending in the same
/// surname and starting with the same letter or an honorific. A surname
/// alone is no variant: it may be anyone's.
pub(super) fn is_name_variant(mention: &str, canonical: &str) -> bool {
    let words: Vec<&str> = mention.split_whitespace().collect();
    let names: Vec<&str> = canonical.split_whitespace().collect();
    if words.len() < 2 || words.len() > 4 || mention.eq_ignore_ascii_case(canonical) || mention.contains([',', '(', ')', ';', ':']) {
        return false;
    }
    let (Some(last), Some(surname), Some(first), Some(given)) = (words.last(), names.last(), words.first(), names.first()) else {
        return false;
    };
    let capitalised = words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) || matches!(*w, "de" | "van" | "von" | "der" | "del" | "la" | "bin"));
    let starts_alike = HONORIFICS.contains(&first.to_lowercase().as_str())
        || first.chars().next().map(|c| c.to_lowercase().to_string()) == given.chars().next().map(|c| c.to_lowercase().to_string());
    capitalised && starts_alike && last.trim_end_matches(['’', '\'', 's']).eq_ignore_ascii_case(surname.trim_end_matches(['’', '\'', 's']))
        && !words.iter().any(|w| w.eq_ignore_ascii_case("and"))
}

/// The person each surname stands for across the corpus, by lowercased
/// surname: the one person stored under a full name ending in it, or the
/// one of them quoted more than ten times as often as all the others
/// together (the rule `settle_surnames` and `bearer_of_surname` follow).
/// Surnames no one stands out for are left out. Returns each bearer's name
/// and how many statements they have.
pub(super) fn standing_surname_bearers(conn: &Connection) -> Result<rustc_hash::FxHashMap<String, (String, i64)>> {
    let people: Vec<(String, i64)> = conn
        .prepare(
            "SELECT sp.name, (SELECT count(*) FROM statements s WHERE s.speaker_id = sp.id)
               FROM speakers sp WHERE sp.kind = 'person' AND sp.name LIKE '% %' AND sp.name NOT LIKE '% and %'",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut by_surname: rustc_hash::FxHashMap<String, Vec<(String, i64)>> = rustc_hash::FxHashMap::default();
    for (name, n) in people {
        if let Some((_, surname)) = name.rsplit_once(' ') {
            by_surname.entry(surname.to_lowercase()).or_default().push((name.clone(), n));
        }
    }
    Ok(by_surname
        .into_iter()
        .filter_map(|(surname, bearers)| {
            let (best, best_n) = bearers.iter().max_by_key(|b| b.1)?;
            let others: i64 = bearers.iter().map(|b| b.1).sum::<i64>() - best_n;
            (bearers.len() == 1 || *best_n > 10 * others.max(1)).then(|| (surname, (best.clone(), *best_n)))
        })
        .collect())
}

impl Store {
    /// Every speaker with its aliases and statement count, most quoted first.
    pub fn speakers(&self) -> Result<Vec<SpeakerRow>> {
        self.speaker_rows(None)
    }

    /// The speakers `--speaker PART` means (see `keep_whole_word_matches`),
    /// most quoted first, each with its statement count.
    pub fn search_speakers(&self, part: &str) -> Result<Vec<SpeakerRow>> {
        let candidates: Vec<i64> = self
            .conn
            .prepare("SELECT id FROM speakers WHERE name LIKE ?1 ESCAPE '\\' UNION SELECT speaker_id FROM speaker_aliases WHERE alias LIKE ?1 ESCAPE '\\'")?
            .query_map([like_any(part)], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut ids = keep_whole_word_matches(&self.conn, candidates, part)?;
        if ids.is_empty() {
            ids = whole_word_scan(&self.conn, part)?;
        }
        self.speaker_rows(Some(&ids))
    }

    fn speaker_rows(&self, only: Option<&[i64]>) -> Result<Vec<SpeakerRow>> {
        let ids = only.map(|ids| serde_json::to_string(ids).expect("ids are numbers"));
        let mut stmt = self.conn.prepare(
            "SELECT sp.id, sp.name, sp.kind,
                    COALESCE(sp.role, (SELECT role FROM speaker_roles WHERE speaker_id = sp.id ORDER BY last_seen DESC, first_seen DESC LIMIT 1)),
                    sp.wikidata,
                    (SELECT json_group_array(alias) FROM
                        (SELECT alias FROM speaker_aliases WHERE speaker_id = sp.id ORDER BY alias COLLATE NOCASE)),
                    (SELECT count(*) FROM statements WHERE speaker_id = sp.id) AS n
             FROM speakers sp
             WHERE ?1 IS NULL OR sp.id IN (SELECT value FROM json_each(?1))
             ORDER BY n DESC, sp.name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([ids], |row| {
            let aliases: String = row.get(5)?;
            Ok(SpeakerRow {
                id: row.get(0)?,
                name: row.get(1)?,
                kind: row.get(2)?,
                role: row.get(3)?,
                wikidata: row.get(4)?,
                aliases: serde_json::from_str(&aliases).unwrap_or_default(),
                statements: row.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Move the statements of each record named by a surname alone ("Obama",
    /// made before anyone of that surname was known by a full name) to the
    /// one person now stored under a full name ending in it, or quoted more
    /// than ten times as often as all others of that surname together, and
    /// remove the record, its aliases going with the statements. Records
    /// marked ambiguous, or holding an alias other than an abbreviated title
    /// before the surname ("Mr. Obama", which says nothing of who), stay.
    /// Returns how many statements moved.
    pub fn settle_surnames(&mut self) -> Result<usize> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // An alias of two words, the first ending in a period, the second
        // the record's name, is a title and the surname.
        let people: Vec<(i64, String, bool, bool, i64)> = tx
            .prepare(
                "SELECT sp.id, sp.name, sp.ambiguous,
                        EXISTS (SELECT 1 FROM speaker_aliases a WHERE a.speaker_id = sp.id
                                   AND NOT (a.alias LIKE '%. ' || sp.name AND a.alias NOT LIKE '% % %')),
                        (SELECT count(*) FROM statements s WHERE s.speaker_id = sp.id)
                   FROM speakers sp WHERE sp.kind = 'person'",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut bearers: rustc_hash::FxHashMap<String, Vec<(i64, i64)>> = rustc_hash::FxHashMap::default();
        for (id, name, _, _, n) in &people {
            if let Some((_, surname)) = name.rsplit_once(' ').filter(|_| !name.contains(" and ")) {
                bearers.entry(surname.to_lowercase()).or_default().push((*id, *n));
            }
        }
        let mut moved = 0;
        for (id, name, ambiguous, aliased, n) in &people {
            if *ambiguous || *aliased || *n == 0 || name.contains(' ') {
                continue;
            }
            let Some(of_surname) = bearers.get(&name.to_lowercase()) else { continue };
            let (best, best_n) = of_surname.iter().copied().max_by_key(|b| b.1).expect("not empty");
            let others: i64 = of_surname.iter().map(|b| b.1).sum::<i64>() - best_n;
            if of_surname.len() == 1 || best_n > 10 * others.max(1) {
                moved += tx.prepare_cached("UPDATE statements SET speaker_id = ?2 WHERE speaker_id = ?1")?.execute(params![id, best])?;
                move_roles(&tx, *id, best)?;
                tx.prepare_cached("UPDATE speaker_aliases SET speaker_id = ?2 WHERE speaker_id = ?1")?.execute(params![id, best])?;
                tx.prepare_cached("DELETE FROM speakers WHERE id = ?1")?.execute([id])?;
            }
        }
        tx.commit()?;
        Ok(moved)
    }

    /// Statements whose mention names nobody this tool could tell ("they",
    /// "it"), by id.
    pub fn unresolved_statements(&self) -> Result<Vec<UnresolvedStatement>> {
        let rows = self
            .conn
            .prepare(
                "SELECT s.id, s.speaker_mention, d.path, s.content FROM statements s
                   JOIN speakers sp ON sp.id = s.speaker_id LEFT JOIN documents d ON d.id = s.document_id
                  WHERE sp.kind = 'unresolved' ORDER BY s.id",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Make `alias` another name of the speaker called `name`.
    pub fn add_alias(&mut self, name: &str, alias: &str) -> Result<()> {
        let alias = alias.trim();
        if alias.is_empty() {
            return Err(Error::invalid("the alias is empty"));
        }
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let (id, canonical) = find_speaker(&tx, name)?.ok_or_else(|| unknown_speaker(name))?;
        if let Some((other, other_name)) = find_speaker(&tx, alias)? {
            if other == id {
                return Err(Error::invalid(format!("'{alias}' already names '{canonical}'")));
            }
            return Err(Error::invalid(format!(
                "'{alias}' already names another speaker, '{other_name}' (use `speakers merge` to make them one)"
            )));
        }
        match tx.prepare_cached("INSERT INTO speaker_aliases (alias, speaker_id) VALUES (?1, ?2)")?.execute( params![alias, id]) {
            Err(rusqlite::Error::SqliteFailure(e, _)) if e.extended_code == SQLITE_CONSTRAINT_UNIQUE => {
                return Err(Error::invalid(format!("'{alias}' is already an alias")));
            }
            other => other?,
        };
        tx.commit()?;
        Ok(())
    }

    /// Move every statement and alias of `from` to `into`; `from`'s name
    /// becomes an alias of `into`, and `from` is removed. Nothing is lost.
    pub fn merge_speakers(&mut self, from: &str, into: &str) -> Result<MergeReport> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let (from_id, from_name) = find_speaker_ref(&tx, from)?.ok_or_else(|| unknown_speaker(from))?;
        let (into_id, into_name) = find_speaker_ref(&tx, into)?.ok_or_else(|| unknown_speaker(into))?;
        if from_id == into_id {
            return Err(Error::invalid(format!(
                "'{from}' and '{into}' are already one speaker, '{into_name}' (id {into_id}): nothing to merge"
            )));
        }
        let statements = tx.prepare_cached("UPDATE statements SET speaker_id = ?2 WHERE speaker_id = ?1")?.execute( params![from_id, into_id])?;
        let aliases = tx.prepare_cached("UPDATE speaker_aliases SET speaker_id = ?2 WHERE speaker_id = ?1")?.execute( params![from_id, into_id])?;
        tx.prepare_cached("UPDATE speakers SET
                role = COALESCE(role, (SELECT role FROM speakers WHERE id = ?1)),
                kind = CASE WHEN kind = 'unknown' THEN (SELECT kind FROM speakers WHERE id = ?1) ELSE kind END
             WHERE id = ?2")?.execute(
            params![from_id, into_id],
        )?;
        move_roles(&tx, from_id, into_id)?;
        tx.prepare_cached("DELETE FROM speakers WHERE id = ?1")?.execute( [from_id])?;
        // The merged name is a rule: ingest finds `into` by it from now on.
        tx.prepare_cached("INSERT OR REPLACE INTO speaker_aliases (alias, speaker_id, origin) VALUES (?1, ?2, 'rule')")?
            .execute(params![from_name, into_id])?;
        tx.commit()?;
        Ok(MergeReport { from: from_name, into: into_name, statements, aliases: aliases + 1 })
    }
}

pub(super) fn unknown_speaker(name: &str) -> Error {
    match name.trim().parse::<i64>() {
        Ok(id) => Error::invalid(format!("no speaker with id {id} (see `claimdb speakers`)")),
        Err(_) => Error::invalid(format!("no speaker named '{name}' (see `claimdb speakers --search`)")),
    }
}

/// The speaker `reference` names: an id ("42"), else a name or alias.
pub(super) fn find_speaker_ref(conn: &Connection, reference: &str) -> Result<Option<(i64, String)>> {
    if let Ok(id) = reference.trim().parse::<i64>() {
        return Ok(conn
            .prepare_cached("SELECT id, name FROM speakers WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?);
    }
    find_speaker(conn, reference)
}

/// `%part%` for LIKE, its wildcards escaped.
fn like_any(part: &str) -> String {
    let mut pattern = String::from("%");
    for c in part.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// Of `candidates` (speakers whose name or an alias contains `part`), those
/// where `part` is whole words of the name or an alias, any case and accent:
/// "ryan" is Paul Ryan, not Craig Bryan; "clinton" is Hillary and Bill.
pub(super) fn keep_whole_word_matches(conn: &Connection, candidates: Vec<i64>, part: &str) -> Result<Vec<i64>> {
    let wanted = folded_words(part);
    if wanted.is_empty() || candidates.is_empty() {
        return Ok(candidates);
    }
    let ids = serde_json::to_string(&candidates).expect("ids are numbers");
    let mut stmt = conn.prepare_cached(
        "SELECT sp.id, sp.name FROM speakers sp WHERE sp.id IN (SELECT value FROM json_each(?1))
         UNION ALL SELECT a.speaker_id, a.alias FROM speaker_aliases a WHERE a.speaker_id IN (SELECT value FROM json_each(?1))",
    )?;
    let mut kept: Vec<i64> = Vec::new();
    let mut rows = stmt.query([ids])?;
    while let Some(row) = rows.next()? {
        let (id, name): (i64, String) = (row.get(0)?, row.get(1)?);
        let words = folded_words(&name);
        if words.windows(wanted.len()).any(|w| w == wanted.as_slice()) {
            kept.push(id);
        }
    }
    kept.sort_unstable();
    kept.dedup();
    Ok(kept)
}

/// Every speaker where `part` is whole words of the name or an alias, found
/// by reading them all: for a part written without the accents a name has
/// ("emile" for Émile), which the name index, matching letters as written,
/// does not find.
pub(super) fn whole_word_scan(conn: &Connection, part: &str) -> Result<Vec<i64>> {
    let wanted = folded_words(part);
    // Only a part written as a name is: "ada%park" means no wildcard.
    let as_a_name = part.chars().all(|c| c.is_alphanumeric() || c.is_whitespace() || matches!(c, '.' | '-' | '\'' | '’'));
    if wanted.is_empty() || !as_a_name {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached("SELECT id, name FROM speakers UNION ALL SELECT speaker_id, alias FROM speaker_aliases")?;
    let mut kept: Vec<i64> = Vec::new();
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let name: String = row.get(1)?;
        if folded_words(&name).windows(wanted.len()).any(|w| w == wanted.as_slice()) {
            kept.push(row.get(0)?);
        }
    }
    kept.sort_unstable();
    kept.dedup();
    Ok(kept)
}

/// The words of `text` in lower case without accents ("Sánchez" is
/// "sanchez"), split at anything that is not a letter or digit.
pub(super) fn folded_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase().map(without_accent));
        } else if !word.is_empty() && !matches!(c, '\'' | '’') {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// A Latin letter without its accent (the common ones of names).
fn without_accent(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì'..='ï' | 'ī' | 'į' | 'ı' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù'..='ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' | 'ş' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        'ğ' => 'g',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::{is_name_variant, without_possessive};

    #[test]
    fn a_possessive_mention_is_its_name_or_no_alias() {
        assert_eq!(without_possessive("Ms. Okafor's"), "Ms. Okafor");
        assert_eq!(without_possessive("Linda Okafor’s"), "Linda Okafor");
        assert_eq!(without_possessive("Linda Okafor"), "Linda Okafor");
        assert!(is_name_variant(without_possessive("Ms. Okafor's"), "Linda Okafor"));
        assert!(!is_name_variant(without_possessive("Linda Okafor’s"), "Linda Okafor"));
    }
}
