//! Topics and the link from statements to them.

use super::Store;
use crate::error::{Error, Result};
use crate::model::{is_first_name, Origin, TopicDef, TopicTag};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashMap;

/// The topic called `name` (case-insensitive), created when new; `automatic`
/// marks a topic extraction proposed rather than one a person defined.
///
/// An automatic topic first seen capitalised ("War" of a headline,
/// "Politics" opening a sentence) takes the lower case of a common noun
/// when a statement gives it so ("war"): a name is not written in lower
/// case, where a common noun is capitalised at a sentence's start. A name
/// in capitals ("CNN") keeps them.
pub(super) fn ensure_topic(conn: &Connection, name: &str, automatic: bool) -> Result<i64> {
    let name = name.trim();
    let found: Option<(i64, String, bool)> = conn
        .prepare_cached("SELECT id, name, automatic FROM topics WHERE name = ?1")?
        .query_row([name], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .optional()?;
    if let Some((id, stored, stored_automatic)) = found {
        if automatic && stored_automatic && stored != name && is_common_noun_case(name) && is_title_case(&stored) {
            conn.prepare_cached("UPDATE topics SET name = ?1 WHERE id = ?2")?.execute(params![name, id])?;
        }
        return Ok(id);
    }
    conn.prepare_cached("INSERT INTO topics (name, automatic) VALUES (?1, ?2)")?.execute( params![name, automatic])?;
    Ok(conn.last_insert_rowid())
}

/// Whether a topic's name is written as a common noun: no capital letter.
fn is_common_noun_case(name: &str) -> bool {
    !name.chars().any(char::is_uppercase)
}

/// Whether each word of a name is capitalised and the rest of it lower
/// case ("War", "Minimum Wage"), as a common noun is at a sentence's or
/// a headline's start; "CNN" or "McCain" are written so only as names.
fn is_title_case(name: &str) -> bool {
    name.split(' ').all(|word| {
        let mut chars = word.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.all(|c| !c.is_uppercase())
    })
}

/// How often the person a surname topic would join must be quoted: on
/// PolNeAR train, everyone quoted less often whose surname was also a topic
/// was someone else than the topic meant ("Steve Israel" for Israel).
const SURNAME_TOPIC_MIN_STATEMENTS: i64 = 5;

/// Topic ids already found or created in this transaction, by name as
/// given: a batch looks each topic up once, not once per statement.
/// Cleared, like `SpeakerCache`, when a savepoint that may have created
/// topics is rolled back.
#[derive(Debug, Default)]
pub(super) struct TopicCache {
    ids: HashMap<String, i64>,
}

impl TopicCache {
    fn ensure(&mut self, conn: &Connection, name: &str, automatic: bool) -> Result<i64> {
        if let Some(&id) = self.ids.get(name) {
            return Ok(id);
        }
        let id = ensure_topic(conn, name, automatic)?;
        self.ids.insert(name.to_string(), id);
        Ok(id)
    }

    pub(super) fn clear(&mut self) {
        self.ids.clear();
    }
}

/// The automatic topics written as a person's full name other than the
/// person's own, each with the person's name: the speaker's alias
/// ("Hillary Rodham Clinton"), or "Given X. Surname" for the person called
/// "Given Surname". Found by SQL, so that a large corpus's other topics are
/// not looked at one by one after each ingest.
fn person_name_variants(conn: &Connection) -> Result<Vec<(i64, String)>> {
    let mut variants: Vec<(i64, String)> = conn
        .prepare(
            "SELECT t.id, sp.name FROM topics t
               JOIN speaker_aliases a ON a.alias = t.name
               JOIN speakers sp ON sp.id = a.speaker_id
              WHERE t.automatic = 1 AND t.name LIKE '% %' AND sp.kind = 'person' AND sp.name <> t.name",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let initialled: Vec<(i64, String)> = conn
        .prepare("SELECT id, name FROM topics WHERE automatic = 1 AND name GLOB '* [A-Z]. *' AND name NOT GLOB '* * * *'")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut person = conn.prepare_cached("SELECT name FROM speakers WHERE name = ?1 AND kind = 'person'")?;
    let mut topic = conn.prepare_cached("SELECT name FROM topics WHERE name = ?1 AND automatic = 1")?;
    for (id, name) in initialled {
        if variants.iter().any(|(known, _)| *known == id) {
            continue;
        }
        if !name.split(' ').next().is_some_and(is_first_name) {
            continue;
        }
        // The first spelling is the name without its initial.
        let spellings = shorter_spellings(&name);
        let Some(without_initial) = spellings.first() else { continue };
        if let Some(full) = person.query_row([without_initial], |r| r.get::<_, String>(0)).optional()? {
            variants.push((id, full));
            continue;
        }
        // Someone no article quotes is still one topic however written:
        // "Olga T. Brandt" joins "Olga Brandt", or "Tom Brandt" for
        // "Thomas R. Brandt".
        for shorter in &spellings {
            if let Some(found) = topic.query_row([shorter], |r| r.get::<_, String>(0)).optional()? {
                variants.push((id, found));
                break;
            }
        }
    }
    Ok(variants)
}

/// The spellings a person's name "Given X. Surname" is written in without
/// its middle initial: the given name as written, then each other
/// spelling of it (`data/given_name_variants.txt`: "Tom" for "Thomas").
fn shorter_spellings(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split(' ').collect();
    let [given, initial, surname] = words[..] else { return Vec::new() };
    if !(initial.len() == 2 && initial.ends_with('.')) {
        return Vec::new();
    }
    std::iter::once(given)
        .chain(super::speakers::given_name_variants(given).iter().copied())
        .map(|g| format!("{g} {surname}"))
        .collect()
}

/// The recurring topics (by name) that are a shorter run of whole words
/// of `name`, when `name` is a common-noun phrase. Words match as written
/// ("pretty fed" is no narrowing of "Fed"), a possessive "'s" ends a word
/// ("North Korea's"), and a run ending in a possessive names an owner, not
/// the topic ("Britain's television station" is not about Britain).
fn recurring_runs<'a>(name: &str, recurring: &HashMap<&'a str, i64>) -> Vec<&'a str> {
    let written: Vec<&str> = name.split_whitespace().collect();
    let last_is_common = written.last().and_then(|w| w.chars().next()).is_some_and(char::is_lowercase);
    if written.len() < 2 || !last_is_common {
        return Vec::new();
    }
    let owner = |w: &str| w.ends_with("'s") || w.ends_with("\u{2019}s");
    let words: Vec<&str> = written.iter().map(|w| w.trim_end_matches("'s").trim_end_matches("\u{2019}s")).collect();
    let mut runs = Vec::new();
    for len in 1..words.len() {
        for start in 0..=words.len() - len {
            if owner(written[start + len - 1]) {
                continue;
            }
            if let Some((&wider, _)) = recurring.get_key_value(words[start..start + len].join(" ").as_str()) {
                runs.push(wider);
            }
        }
    }
    runs
}

/// The automatic topics that are a person's full name ("Hillary Clinton":
/// two or three capitalised words, a known first name first) said at
/// least `SURNAME_TOPIC_MIN_STATEMENTS` times, by their first and by their
/// last word (lower case): the most-said topic with that word, its
/// statements, and the statements of the others with that word together.
fn person_topics_by_word(conn: &Connection) -> Result<HashMap<String, (String, i64, i64)>> {
    let topics: Vec<(String, i64)> = conn
        .prepare(
            "SELECT t.name, count(*) FROM topics t JOIN statement_topics st ON st.topic_id = t.id
              WHERE t.automatic = 1 AND t.name LIKE '% %' AND t.name NOT LIKE '%''s%' AND t.name NOT LIKE '%’s%'
              GROUP BY t.id HAVING count(*) >= ?1",
        )?
        .query_map([SURNAME_TOPIC_MIN_STATEMENTS], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut by_word: HashMap<String, (String, i64, i64)> = HashMap::new();
    for (name, n) in topics {
        let words: Vec<&str> = name.split(' ').collect();
        let capitalised = words.iter().all(|w| w.starts_with(char::is_uppercase));
        if !(2..=3).contains(&words.len()) || !capitalised || !is_first_name(words[0]) {
            continue;
        }
        for word in [words[0], words[words.len() - 1]] {
            let entry = by_word.entry(word.to_lowercase()).or_insert_with(|| (name.clone(), 0, 0));
            if n > entry.1 {
                *entry = (name.clone(), n, entry.2 + entry.1);
            } else {
                entry.2 += n;
            }
        }
    }
    Ok(by_word)
}

/// The person a topic said once stands for, by the one word it names
/// them with: a lone surname ("Sanders"), or the owner of what it
/// possesses ("Rubio's appeal", "Hillary's run"): the most-said person
/// topic with that word (see `person_topics_by_word`).
fn person_of_single_use<'p>(name: &str, people: &'p HashMap<String, (String, i64, i64)>) -> Option<&'p str> {
    let name = name.replace('\u{2019}', "'");
    let owner = match name.split_once("'s ") {
        Some((owner, _)) => owner,
        None => name.as_str(),
    };
    if owner.contains(' ') || !owner.starts_with(char::is_uppercase) {
        return None;
    }
    people.get(&owner.to_lowercase()).map(|(person, _, _)| person.as_str())
}

/// Move every statement of topic `from` to the topic called `into` and
/// remove `from`; returns how many statements moved.
fn move_topic(conn: &Connection, from: i64, into: &str) -> Result<usize> {
    let into = ensure_topic(conn, into, true)?;
    let moved = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO statement_topics (statement_id, topic_id, stated_on, stance, speaker_id)
             SELECT statement_id, ?2, stated_on, stance, speaker_id FROM statement_topics WHERE topic_id = ?1",
        )?
        .execute(params![from, into])?;
    conn.prepare_cached("DELETE FROM statement_topics WHERE topic_id = ?1")?.execute([from])?;
    conn.prepare_cached("DELETE FROM topics WHERE id = ?1")?.execute([from])?;
    Ok(moved)
}

/// Make `topic` the statement's only topic (or clear it with `None`).
pub(super) fn set_statement_topic(conn: &Connection, statement_id: i64, topic: Option<&str>, automatic: bool) -> Result<()> {
    conn.prepare_cached("DELETE FROM statement_topics WHERE statement_id = ?1")?.execute( [statement_id])?;
    link_new_statement_topic(conn, statement_id, topic, automatic, &mut TopicCache::default())
}

/// Give a statement just inserted (so with no topic yet) its topic.
pub(super) fn link_new_statement_topic(
    conn: &Connection,
    statement_id: i64,
    topic: Option<&str>,
    automatic: bool,
    topics: &mut TopicCache,
) -> Result<()> {
    let topic_id = named_topic_id(conn, topic, automatic, topics)?;
    link_statement_topic(conn, statement_id, topic_id)
}

/// The id of the topic a statement names (created when new), or `None`
/// when it names none.
pub(super) fn named_topic_id(
    conn: &Connection,
    topic: Option<&str>,
    automatic: bool,
    topics: &mut TopicCache,
) -> Result<Option<i64>> {
    match topic.map(str::trim).filter(|t| !t.is_empty()) {
        Some(name) => Ok(Some(topics.ensure(conn, name, automatic)?)),
        None => Ok(None),
    }
}

/// Link a statement to the topic `named_topic_id` found for it, if any.
pub(super) fn link_statement_topic(conn: &Connection, statement_id: i64, topic_id: Option<i64>) -> Result<()> {
    if let Some(topic_id) = topic_id {
        // The link carries the statement's date (see schema.sql).
        conn.prepare_cached(
            "INSERT OR IGNORE INTO statement_topics (statement_id, topic_id, stated_on)
             VALUES (?1, ?2, (SELECT stated_on FROM statements WHERE id = ?1))",
        )?
        .execute(params![statement_id, topic_id])?;
    }
    Ok(())
}

impl Store {
    /// The topics people defined, with their keywords, for the topic matcher.
    pub fn topic_defs(&self) -> Result<Vec<TopicDef>> {
        let mut stmt = self.conn.prepare("SELECT name, keywords FROM topics WHERE automatic = 0 ORDER BY id")?;
        let rows = stmt.query_map([], |row| {
            let keywords: String = row.get(1)?;
            Ok(TopicDef { name: row.get(0)?, keywords: serde_json::from_str(&keywords).unwrap_or_default() })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Join the automatic topics that name one person in different ways,
    /// as `settle_surnames` does for speakers, and return how many
    /// statements moved:
    /// - a surname alone ("Trump", from an article that only ever writes
    ///   "Mr. Trump") joins the topic named by the person that surname
    ///   stands for across the corpus ("Donald Trump"). A surname shared by
    ///   people none of whom stands out ("Clinton") keeps its topic. So that
    ///   a word that is also someone's surname ("law", "Israel", "Paris") is
    ///   not taken for them, the topic must be written capitalised and not
    ///   be a first name itself, and the person must have a known first name
    ///   and be quoted at least `SURNAME_TOPIC_MIN_STATEMENTS` times;
    /// - a full name that is a person's alias ("Hillary Rodham Clinton"), or
    ///   that is one with its middle initial left out ("Donald J. Trump"),
    ///   joins the topic of the person's own name, so that a change of
    ///   position is not split over two spellings; for someone no speaker
    ///   record names, the topic of that name without the initial, or
    ///   with another spelling of the given name ("Joe" for "Joseph").
    pub fn settle_person_topics(&mut self) -> Result<usize> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let bearers = super::speakers::standing_surname_bearers(&tx)?;
        let surnames: Vec<(i64, String)> = tx
            .prepare("SELECT id, name FROM topics WHERE automatic = 1 AND name NOT LIKE '% %'")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut moves = person_name_variants(&tx)?;
        let people = person_topics_by_word(&tx)?;
        for (id, surname) in surnames {
            // A given name alone ("Hillary") is the person most said of by
            // it, where the others who share it have a tenth as much.
            if is_first_name(&surname) && surname.starts_with(char::is_uppercase) {
                if let Some((person, n, others)) = people.get(&surname.to_lowercase()) {
                    if *n > 10 * others && person.starts_with(surname.as_str()) {
                        moves.push((id, person.clone()));
                    }
                }
                continue;
            }
            let Some((full_name, quoted)) = bearers.get(&surname.to_lowercase()) else { continue };
            let written_as_name = surname.chars().next().is_some_and(char::is_uppercase) && !is_first_name(&surname);
            let a_person = full_name.split(' ').next().is_some_and(is_first_name);
            if written_as_name && a_person && *quoted >= SURNAME_TOPIC_MIN_STATEMENTS {
                moves.push((id, full_name.clone()));
            }
        }
        let mut moved = 0;
        for (id, into) in moves {
            moved += move_topic(&tx, id, &into)?;
        }
        tx.commit()?;
        Ok(moved)
    }

    /// Fold each automatic topic said only once in the corpus into a
    /// recurring automatic topic its name narrows ("tax burden", "lower
    /// tax" into "tax"; "North Korea's missile launch" into "North Korea"),
    /// and return how many statements moved. A topic said once is no issue
    /// a reader can follow across articles, and the recurring one it
    /// narrows names it well enough. Only common-noun phrases fold (the
    /// last word lower-case): "New York Times" or "Secret Service" are
    /// names of their own, not narrowings of "New York" or "service". The
    /// wider topic must be a run of whole words of the narrow one, and
    /// the most-said such topic wins.
    pub fn fold_single_use_topics(&mut self) -> Result<usize> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Each automatic topic's statements counted up to two only, so that
        // an ingest into a large corpus does not count them all.
        let seen: Vec<(i64, String, i64)> = tx
            .prepare(
                "SELECT t.id, t.name,
                        (SELECT count(*) FROM (SELECT 1 FROM statement_topics st WHERE st.topic_id = t.id LIMIT 2))
                   FROM topics t WHERE t.automatic = 1",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let recurring: HashMap<&str, i64> =
            seen.iter().filter(|(_, _, n)| *n >= 2).map(|(id, name, _)| (name.as_str(), *id)).collect();
        let people = person_topics_by_word(&tx)?;
        let mut count = tx.prepare_cached("SELECT count(*) FROM statement_topics WHERE topic_id = ?1")?;
        let mut moves = Vec::new();
        for (id, name, _) in seen.iter().filter(|(_, _, n)| *n == 1) {
            let mut widest: Option<(i64, &str)> = None;
            for wider in recurring_runs(name, &recurring) {
                let n: i64 = count.query_row([recurring[wider]], |r| r.get(0))?;
                if widest.is_none_or(|(most, _)| n > most) {
                    widest = Some((n, wider));
                }
            }
            if let Some((_, wider)) = widest {
                moves.push((*id, wider.to_string()));
            } else if let Some(person) = person_of_single_use(name, &people) {
                moves.push((*id, person.to_string()));
            }
        }
        drop(count);
        // Two topics said once, one narrowing the other ("mass shooting",
        // "shooting"), are one: the narrow one joins the wider one, where
        // that stays where it is.
        let moving: std::collections::HashSet<i64> = moves.iter().map(|(id, _)| *id).collect();
        let staying: HashMap<&str, i64> = seen
            .iter()
            .filter(|(id, _, n)| *n == 1 && !moving.contains(id))
            .map(|(id, name, _)| (name.as_str(), *id))
            .collect();
        for (id, name, _) in seen.iter().filter(|(id, _, n)| *n == 1 && !moving.contains(id)) {
            // The longest run: the closest narrowing.
            let wider = recurring_runs(name, &staying).into_iter().filter(|w| *w != name && !moving.contains(&staying[w])).max_by_key(|w| w.len());
            if let Some(wider) = wider.filter(|w| !recurring_runs(w, &staying).iter().any(|v| v != w)) {
                moves.push((*id, wider.to_string()));
            }
        }
        let mut moved = 0;
        for (id, into) in moves {
            moved += move_topic(&tx, id, &into)?;
        }
        tx.commit()?;
        Ok(moved)
    }

    /// Every topic name, defined or automatic, in the order they were made.
    pub fn topic_names(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("SELECT name FROM topics ORDER BY id")?;
        let rows = stmt.query_map([], |row| row.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A topic as `claimdb topics list` shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicRow {
    pub id: i64,
    pub name: String,
    pub keywords: Vec<String>,
    /// Proposed by extraction (a candidate), not defined by a person.
    pub automatic: bool,
    pub statements: i64,
}

/// Whether `define_topic` made a new topic or changed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopicChange {
    Added,
    Updated,
}

/// What `apply_topics` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ApplyReport {
    /// Extracted statements looked at.
    pub examined: usize,
    /// Of those, statements whose topic changed.
    pub changed: usize,
    /// Statements a person recorded or edited, left as they are.
    pub kept: usize,
    /// Automatic topics no statement uses any more, removed.
    pub pruned: usize,
}

/// Define `def` (insert, or replace the keywords of a topic of that name; an
/// automatic topic of that name becomes a defined one).
fn upsert_topic(conn: &Connection, def: &TopicDef) -> Result<TopicChange> {
    let name = def.name.trim();
    if name.is_empty() {
        return Err(Error::invalid("a topic needs a name"));
    }
    let keywords = serde_json::to_string(&def.keywords).expect("keywords serialise");
    let updated = conn
        .prepare_cached("UPDATE topics SET keywords = ?2, automatic = 0 WHERE name = ?1")?
        .execute(params![name, keywords])?;
    if updated > 0 {
        return Ok(TopicChange::Updated);
    }
    conn.prepare_cached("INSERT INTO topics (name, keywords, automatic) VALUES (?1, ?2, 0)")?
        .execute(params![name, keywords])?;
    Ok(TopicChange::Added)
}

impl Store {
    /// Define one topic (see `upsert_topic`).
    pub fn define_topic(&mut self, def: &TopicDef) -> Result<TopicChange> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let change = upsert_topic(&tx, def)?;
        tx.commit()?;
        Ok(change)
    }

    /// Define many topics, all or none; returns how many were new and how
    /// many changed.
    pub fn define_topics(&mut self, defs: &[TopicDef]) -> Result<(usize, usize)> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let (mut added, mut updated) = (0, 0);
        for def in defs {
            match upsert_topic(&tx, def)? {
                TopicChange::Added => added += 1,
                TopicChange::Updated => updated += 1,
            }
        }
        tx.commit()?;
        Ok((added, updated))
    }

    /// Remove the topic called `name` (any case); its statements lose that
    /// tag. Returns the name as stored and how many statements it had.
    pub fn remove_topic(&mut self, name: &str) -> Result<(String, usize)> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let found: Option<(i64, String)> = tx
            .query_row("SELECT id, name FROM topics WHERE name = ?1", [name.trim()], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let (id, stored) = found.ok_or_else(|| Error::invalid(format!("no topic named '{}'", name.trim())))?;
        let statements = tx.execute("DELETE FROM statement_topics WHERE topic_id = ?1", [id])?;
        tx.execute("DELETE FROM topics WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok((stored, statements))
    }

    /// Every topic with its statement count: defined ones first, in the
    /// order they were made, then automatic ones, most statements first
    /// (a corpus has thousands, and the large ones are what a reader wants
    /// to see at the top).
    pub fn topics(&self) -> Result<Vec<TopicRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT t.id, t.name, t.keywords, t.automatic,
                    (SELECT count(*) FROM statement_topics st WHERE st.topic_id = t.id) AS n
             FROM topics t ORDER BY t.automatic, CASE WHEN t.automatic THEN -n ELSE 0 END, t.id",
        )?;
        let rows = stmt.query_map([], |row| {
            let keywords: String = row.get(2)?;
            Ok(TopicRow {
                id: row.get(0)?,
                name: row.get(1)?,
                keywords: serde_json::from_str(&keywords).unwrap_or_default(),
                automatic: row.get(3)?,
                statements: row.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every statement's document id and content, for mining the corpus for
    /// recurring issues (`topics suggest`); a statement with no document
    /// counts as a document of its own.
    pub fn statement_contents(&self) -> Result<Vec<(i64, String)>> {
        let mut stmt = self.conn.prepare("SELECT COALESCE(document_id, -id), content FROM statements ORDER BY id")?;
        let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Tag every extracted statement again with `topic_of`, which gives the topic
    /// of a statement's content (a defined topic, else an automatic
    /// candidate, else none), all in one transaction.
    /// Statements a person recorded (`manual`) or corrected (`edited`) keep
    /// their topic: a person chose it. A statement with an automatic topic
    /// keeps it unless a defined topic now matches: extraction chose it
    /// reading the whole article (the fullest name, the article's main
    /// topic), which the content alone cannot tell. Automatic topics left
    /// without statements are removed.
    pub fn apply_topics(&mut self, mut topic_of: impl FnMut(&str) -> Option<TopicTag>) -> Result<ApplyReport> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut report = ApplyReport::default();
        // Decide every change first, then write: never update the table a
        // running SELECT is stepping through.
        let mut changes: Vec<(i64, Option<TopicTag>)> = Vec::new();
        {
            let mut stmt = tx.prepare(
                "SELECT s.id, s.content, s.origin,
                        (SELECT t.name FROM statement_topics st JOIN topics t ON t.id = st.topic_id
                          WHERE st.statement_id = s.id ORDER BY t.id LIMIT 1),
                        (SELECT t.automatic FROM statement_topics st JOIN topics t ON t.id = st.topic_id
                          WHERE st.statement_id = s.id ORDER BY t.id LIMIT 1)
                 FROM statements s ORDER BY s.id",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                let origin: String = row.get(2)?;
                if origin != Origin::Extracted.as_str() {
                    report.kept += 1;
                    continue;
                }
                report.examined += 1;
                let content: String = row.get(1)?;
                let current: Option<String> = row.get(3)?;
                let current_automatic: Option<bool> = row.get(4)?;
                let tag = topic_of(&content);
                if current_automatic == Some(true) && tag.as_ref().is_none_or(|t| t.automatic) {
                    continue;
                }
                let same = match (&tag, &current) {
                    (Some(tag), Some(current)) => tag.name.eq_ignore_ascii_case(current),
                    (None, None) => true,
                    _ => false,
                };
                if !same {
                    changes.push((row.get(0)?, tag));
                }
            }
        }
        for (id, tag) in &changes {
            let automatic = tag.as_ref().is_some_and(|t| t.automatic);
            set_statement_topic(&tx, *id, tag.as_ref().map(|t| t.name.as_str()), automatic)?;
        }
        report.changed = changes.len();
        report.pruned = tx.execute(
            "DELETE FROM topics WHERE automatic = 1
               AND NOT EXISTS (SELECT 1 FROM statement_topics st WHERE st.topic_id = topics.id)",
            [],
        )?;
        tx.commit()?;
        // A surname the matcher proposed names the person it stands for,
        // and a topic said once folds into the one it narrows, as after an
        // ingest.
        self.settle_person_topics()?;
        self.fold_single_use_topics()?;
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::shorter_spellings;

    #[test]
    fn a_name_with_a_middle_initial_is_also_written_without_it() {
        assert_eq!(shorter_spellings("Olga T. Brandt"), vec!["Olga Brandt"]);
        assert_eq!(shorter_spellings("Thomas R. Brandt"), vec!["Thomas Brandt", "Tom Brandt", "Tommy Brandt"]);
    }

    #[test]
    fn a_name_without_a_middle_initial_has_no_shorter_spelling() {
        assert!(shorter_spellings("Olga Brandt").is_empty());
        assert!(shorter_spellings("Port of Tacoma").is_empty());
    }
}
