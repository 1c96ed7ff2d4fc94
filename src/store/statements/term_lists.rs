//! Lists of the statements holding each common word and each pair of
//! adjacent common words (`term_lists` in schema.sql): a query's words and
//! two-word phrases answered without FTS5. A term without a list is rare,
//! and left to FTS5, which is quick for it.
//!
//! Why: FTS5 answers a phrase by reading every entry of its words with
//! their positions. "fair plan", two words each in a fifth of a million
//! statements, reads 500,000 entries for its 4,000 matches (150 M
//! instructions); a common word's 210,000 matches cost 500 to 1,000
//! instructions each to hand out of SQLite, and checking them on the
//! statements' own text reads a row each. A pair's list holds only its
//! matches, and a word's list is about a byte a statement, read in one go.
//!
//! The lists are written from Rust when a batch ends (`list_new_statements`)
//! with the words `text_query.rs` splits a text into, FTS5's own for the
//! texts it knows; a text holding any other character is listed under ''.
//! A statement changed after it was listed is noted by a trigger in
//! `term_lists_stale`, whoever changed it. Those, the ones listed under ''
//! and any not listed yet are asked of FTS5 one by one, so the answer is
//! always FTS5's; when there are too many of them the lists are not used.

use super::id_bits::IdBits;
use super::text_query::{Normalized, TextQuery};
use crate::error::Result;
use rusqlite::{params, Connection, OptionalExtension};
use rustc_hash::{FxHashMap, FxHashSet};

/// Bytes of ids a stored list holds before the next is begun: a batch that
/// lists a few statements reads and writes again the last list of each of
/// their terms.
const LIST_BYTES: usize = 4096;

/// Statements a query asks FTS5 about one by one at most (about 50 µs
/// each); with more, the lists are not used. A batch that ends with more
/// stale statements than this writes the lists again from the start.
const ASKED_AT_MOST: usize = 64;

/// Bytes of new ids held before they are written: the lists of a million
/// statements take 51 MB.
const HELD_BYTES: usize = 24 << 20;

/// The largest statement id whose matches are read off the lists (16 MB
/// of bits).
const LARGEST_ID: i64 = 1 << 27;

/// The term of the statements whose text is not split here as FTS5 splits it.
const UNLISTED: &str = "";

/// A word has a list when at least this many statements hold it, and at
/// least one in `COMMON_SHARE`; a pair when both of its words have one.
/// FTS5 reads a rarer word's entries quickly, and a phrase with a rare
/// word is driven by that word's short list.
const COMMON_AT_LEAST: u32 = 1000;
const COMMON_SHARE: u32 = 64;

/// Add the statements above `listed_through` to the lists their common
/// words and pairs have, inside the caller's transaction. The lists are
/// made again from the start, with the words common by then, each time
/// the statements have doubled since they last were (so that listing is
/// amortized to a constant a statement) and when too many listed
/// statements went stale.
pub(crate) fn list_new_statements(conn: &Connection) -> Result<()> {
    let (mut through, in_full): (i64, i64) =
        conn.prepare_cached("SELECT listed_through, listed_in_full FROM term_lists_state")?.query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let stale: i64 = conn.prepare_cached("SELECT count(*) FROM (SELECT 1 FROM term_lists_stale LIMIT ?1)")?.query_row([ASKED_AT_MOST as i64 + 1], |r| r.get(0))?;
    let newest: i64 = conn.prepare_cached("SELECT coalesce(max(id), 0) FROM statements")?.query_row([], |r| r.get(0))?;
    if newest <= through && stale == 0 {
        return Ok(());
    }
    let from_start = through == 0 || stale > ASKED_AT_MOST as i64 || newest / 2 > in_full;
    if from_start {
        conn.execute_batch("DELETE FROM term_lists; DELETE FROM term_lists_stale;")?;
        through = 0;
    }
    let mut lists = NewLists { from_start, ..NewLists::default() };
    let mut rows = conn.prepare_cached(
        "SELECT s.id, s.content, sp.name, s.speaker_mention FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id
         WHERE s.id > ?1 ORDER BY s.id",
    )?;
    let mut found = rows.query([through])?;
    let mut last = through;
    let mut appending = through > 0;
    let mut speaker = String::new();
    while let Some(row) = found.next()? {
        let id: i64 = row.get(0)?;
        last = id;
        let content = row.get_ref(1)?.as_str().ok();
        // The column FTS5 indexes: the name, a space, the mention; no
        // words without a speaker record.
        let speaker = match (row.get_ref(2)?.as_str(), row.get_ref(3)?.as_str()) {
            (Ok(name), Ok(mention)) => {
                speaker.clear();
                speaker.push_str(name);
                speaker.push(' ');
                speaker.push_str(mention);
                Some(speaker.as_str())
            }
            (Err(_), _) if row.get_ref(2)?.data_type() == rusqlite::types::Type::Null => None,
            // A value of another type than claimdb writes.
            _ => {
                lists.add_unlisted(id);
                continue;
            }
        };
        match content {
            Some(content) => lists.add(id, content, speaker),
            None => lists.add_unlisted(id),
        }
        if lists.held > HELD_BYTES {
            lists.write(conn, appending)?;
            lists = NewLists { numbers: lists.numbers, words: lists.words, keep: lists.keep, from_start, ..NewLists::default() };
            appending = true;
        }
    }
    drop(found);
    lists.write(conn, appending)?;
    let in_full = if from_start { last } else { in_full };
    conn.prepare_cached("UPDATE term_lists_state SET listed_through = ?1, listed_in_full = ?2")?.execute([last, in_full])?;
    Ok(())
}

/// The statements `query` matches, read off the lists when each of its
/// phrases is a word or two; None when FTS5 must answer (a longer phrase,
/// other syntax, or too many statements to ask FTS5 about). `search` is
/// the query as FTS5 reads it.
pub(super) fn matching_ids(conn: &Connection, query: &TextQuery, search: &str) -> Result<Option<IdBits>> {
    let phrases = query.phrases();
    if phrases.iter().any(|phrase| phrase.len() > 2) {
        return Ok(None);
    }
    let through: i64 = conn.prepare_cached("SELECT listed_through FROM term_lists_state")?.query_row([], |r| r.get(0))?;
    let mut asked: Vec<i64> = conn
        .prepare_cached("SELECT id FROM term_lists_stale LIMIT ?1")?
        .query_map([ASKED_AT_MOST as i64 + 1], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    asked.extend(
        conn.prepare_cached("SELECT id FROM statements WHERE id > ?1 ORDER BY id LIMIT ?2")?
            .query_map([through, ASKED_AT_MOST as i64 + 1], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?,
    );
    if asked.len() > ASKED_AT_MOST {
        return Ok(None);
    }
    let mut unlisted = Vec::new();
    read_list(conn, UNLISTED, |id| unlisted.push(id))?;
    asked.extend(unlisted);
    if asked.len() > ASKED_AT_MOST {
        return Ok(None);
    }
    // The matches are held a bit an id: ids below 0 or far above the
    // number of statements (given by hand, on import) are left to FTS5.
    let largest: i64 = conn.prepare_cached("SELECT coalesce(max(id), 0) FROM statements")?.query_row([], |r| r.get(0))?;
    let least: i64 = conn.prepare_cached("SELECT coalesce(min(id), 0) FROM statements")?.query_row([], |r| r.get(0))?;
    if least < 0 || largest > LARGEST_ID {
        return Ok(None);
    }
    let mut matched: Option<IdBits> = None;
    for phrase in phrases {
        let mut bits = IdBits::with_largest(largest);
        let mut any = false;
        read_list(conn, &phrase.join(" "), |id| {
            any = true;
            bits.insert(id);
        })?;
        // No list: the term is not common (every list holds an id).
        if !any {
            return Ok(None);
        }
        match &mut matched {
            None => matched = Some(bits),
            Some(before) => before.intersect(&bits),
        }
    }
    let mut matched = matched.unwrap_or_default();
    for &id in &asked {
        matched.remove(id);
    }
    let mut ask = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM statements_fts WHERE statements_fts MATCH ?1
                        AND rowid = (SELECT key FROM statement_search WHERE id = ?2))",
    )?;
    for id in asked {
        if ask.query_row(params![search, id], |r| r.get::<_, bool>(0))? {
            matched.insert(id);
        }
    }
    Ok(Some(matched))
}

/// Hand each id `term`'s lists hold, in order, to `each`.
fn read_list(conn: &Connection, term: &str, mut each: impl FnMut(i64)) -> Result<()> {
    let mut lists = conn.prepare_cached("SELECT first_id, ids FROM term_lists WHERE term = ?1 ORDER BY first_id")?;
    let mut rows = lists.query([term])?;
    while let Some(row) = rows.next()? {
        let first: i64 = row.get(0)?;
        match row.get_ref(1)? {
            rusqlite::types::ValueRef::Blob(bytes) => decode_each(bytes, first, &mut each),
            _ => return Err(rusqlite::Error::InvalidColumnType(1, "ids".into(), row.get_ref(1)?.data_type()).into()),
        }
    }
    Ok(())
}

/// Append to `ids` the ids `bytes` holds: differences, the first from `from`.
fn decode(bytes: &[u8], from: i64, ids: &mut Vec<i64>) {
    decode_each(bytes, from, |id| ids.push(id));
}

/// Hand each id `bytes` holds to `each`: differences, the first from `from`.
fn decode_each(bytes: &[u8], from: i64, mut each: impl FnMut(i64)) {
    let mut id = from;
    let mut value: u64 = 0;
    let mut shift = 0;
    for &byte in bytes {
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            id = id.wrapping_add(value as i64);
            each(id);
            value = 0;
            shift = 0;
        } else {
            shift += 7;
        }
    }
}

/// Append `value` to `bytes` in LEB128.
fn encode(mut value: u64, bytes: &mut Vec<u8>) {
    while value >= 0x80 {
        bytes.push((value as u8) | 0x80);
        value >>= 7;
    }
    bytes.push(value as u8);
}

/// A term's new ids, each as its difference from the one before (the
/// first: from 0), the last, and how many.
#[derive(Default)]
struct NewIds {
    bytes: Vec<u8>,
    last: i64,
    count: u32,
}

/// Add `id` to `term`'s new ids, once (statements are added in id order),
/// unless `keep` leaves the term out; the bytes that took.
fn push(lists: &mut FxHashMap<u64, NewIds>, keep: Option<&FxHashSet<u64>>, term: u64, id: i64) -> usize {
    if keep.is_some_and(|keep| term != 0 && !keep.contains(&term)) {
        return 0;
    }
    let list = lists.entry(term).or_default();
    if list.count > 0 && list.last == id {
        return 0;
    }
    let before = list.bytes.len();
    encode(id.wrapping_sub(list.last) as u64, &mut list.bytes);
    list.last = id;
    list.count += 1;
    list.bytes.len() - before
}

/// The terms of the statements being listed: each word numbered once, a
/// term keyed by its word's number (a pair: both numbers), `UNLISTED` 0.
#[derive(Default)]
struct NewLists {
    numbers: FxHashMap<Box<[u8]>, u32>,
    words: Vec<Box<[u8]>>,
    lists: FxHashMap<u64, NewIds>,
    /// Listing from the start: the terms kept, once chosen (see `choose`).
    from_start: bool,
    keep: Option<FxHashSet<u64>>,
    /// Statements added.
    statements: u32,
    /// Bytes of the new ids' lists.
    held: usize,
    content: Normalized,
    speaker: Normalized,
}

impl NewLists {
    fn add_unlisted(&mut self, id: i64) {
        self.statements += 1;
        self.push(0, id);
    }

    /// List statement `id` under the words and pairs of its two columns.
    fn add(&mut self, id: i64, content: &str, speaker: Option<&str>) {
        if !self.content.fill(content) || speaker.is_some_and(|speaker| !self.speaker.fill(speaker)) {
            return self.add_unlisted(id);
        }
        self.statements += 1;
        let columns = [Some(&self.content), speaker.map(|_| &self.speaker)];
        for column in columns.into_iter().flatten() {
            let mut before: Option<u32> = None;
            for word in column.words() {
                let number = match self.numbers.get(word) {
                    Some(&number) => number,
                    None => {
                        let number = self.words.len() as u32;
                        self.words.push(word.into());
                        self.numbers.insert(word.into(), number);
                        number
                    }
                };
                self.held += push(&mut self.lists, self.keep.as_ref(), u64::from(number + 1) << 32, id);
                if let Some(before) = before {
                    self.held += push(&mut self.lists, self.keep.as_ref(), (u64::from(before + 1) << 32) | u64::from(number + 1), id);
                }
                before = Some(number);
            }
        }
    }

    fn push(&mut self, term: u64, id: i64) {
        self.held += push(&mut self.lists, self.keep.as_ref(), term, id);
    }

    /// Keep the common words and the pairs of two common words, by the
    /// statements added so far, from now on.
    fn choose(&mut self) {
        let common = COMMON_AT_LEAST.max(self.statements / COMMON_SHARE);
        let is_common = |lists: &FxHashMap<u64, NewIds>, word: u64| lists.get(&(word << 32)).is_some_and(|list| list.count >= common);
        let keep: FxHashSet<u64> = self
            .lists
            .keys()
            .copied()
            .filter(|&term| match (term >> 32, term & 0xffff_ffff) {
                (0, _) => true,
                (word, 0) => is_common(&self.lists, word),
                (first, second) => is_common(&self.lists, first) && is_common(&self.lists, second),
            })
            .collect();
        self.lists.retain(|term, _| keep.contains(term));
        self.keep = Some(keep);
    }

    /// A term's text: its word, or its two words with a space between.
    fn term(&self, key: u64) -> String {
        let word = |number: u64| String::from_utf8_lossy(&self.words[number as usize - 1]).into_owned();
        match (key >> 32, key & 0xffff_ffff) {
            (0, _) => UNLISTED.to_owned(),
            (first, 0) => word(first),
            (first, second) => format!("{} {}", word(first), word(second)),
        }
    }

    /// Store the new ids, after the last stored list of each term when
    /// `appending` and it has room. Added to the lists there are, the ids
    /// of a term without one are left out (the term is not common, or was
    /// not when the lists were made).
    fn write(&mut self, conn: &Connection, appending: bool) -> Result<()> {
        if self.from_start && self.keep.is_none() {
            self.choose();
        }
        let mut terms: Vec<(String, &Vec<u8>)> = self.lists.iter().map(|(&key, list)| (self.term(key), &list.bytes)).collect();
        // In key order: each insert goes to the end of the table's b-tree.
        terms.sort_unstable();
        let mut last_list = conn.prepare_cached("SELECT first_id, last_id, ids FROM term_lists WHERE term = ?1 ORDER BY first_id DESC LIMIT 1")?;
        let mut update = conn.prepare_cached("UPDATE term_lists SET last_id = ?3, ids = ?4 WHERE term = ?1 AND first_id = ?2")?;
        let mut insert = conn.prepare_cached("INSERT INTO term_lists (term, first_id, last_id, ids) VALUES (?1, ?2, ?3, ?4)")?;
        let mut ids = Vec::new();
        for (term, bytes) in terms {
            ids.clear();
            decode(bytes, 0, &mut ids);
            let mut at = 0;
            if appending {
                let stored: Option<(i64, i64, Vec<u8>)> =
                    last_list.query_row([&term], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).optional()?;
                if stored.is_none() && !self.from_start && !term.is_empty() {
                    continue;
                }
                if let Some((first, mut last, mut list)) = stored.filter(|(_, _, list)| list.len() < LIST_BYTES) {
                    while at < ids.len() && list.len() < LIST_BYTES {
                        encode(ids[at].wrapping_sub(last) as u64, &mut list);
                        last = ids[at];
                        at += 1;
                    }
                    update.execute(params![term, first, last, list])?;
                }
            }
            while at < ids.len() {
                let first = ids[at];
                let (mut last, mut list) = (first, Vec::with_capacity(LIST_BYTES.min(bytes.len() + 8)));
                while at < ids.len() && list.len() < LIST_BYTES {
                    encode(ids[at].wrapping_sub(last) as u64, &mut list);
                    last = ids[at];
                    at += 1;
                }
                insert.execute(params![term, first, last, list])?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{decode, encode};

    #[test]
    fn ids_come_back_as_they_were_written() {
        let ids = [1i64, 2, 130, 20_000, 1 << 40, (1 << 40) + 1];
        let mut bytes = Vec::new();
        let mut last = 0;
        for &id in &ids {
            encode((id - last) as u64, &mut bytes);
            last = id;
        }
        let mut back = Vec::new();
        decode(&bytes, 0, &mut back);
        assert_eq!(back, ids);
        assert_eq!(bytes.len(), 1 + 1 + 2 + 3 + 6 + 1);
    }
}
