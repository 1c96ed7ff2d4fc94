//! Walking one index in listing order (date, then id) and testing the other
//! filters on its entries: the one way `query` finds its statements (which
//! index is `plan.rs`'s choice).
//!
//! Every index a walk can take carries what the other filters test (see
//! schema.sql): the statement indexes the speaker and stance, the topic
//! links their statement's speaker and stance. So the speaker, stance and
//! dates are tested inside SQLite on the index entry, without reading the
//! statement's row; a topic is one lookup in the links' primary key. The
//! full text is the one filter tested here, on batches of the walk's
//! entries: FTS5 answers one rowid at a time slowly (about 50 µs each,
//! where reading a match off a doclist is 50 ns), so a batch reads the
//! matches between its first and last listing key instead, unless the
//! batch is a few statements far apart.

use super::id_bits::IdBits;
use super::keys::{IdList, ListingKeys, LISTING_ID_MASK};
use super::text_query::{TextMatch, TextQuery, Words};
use crate::error::Result;
use crate::model::Stance;
use crate::store::Store;
use rusqlite::{params_from_iter, types::Value as SqlValue};
use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use rustc_hash::{FxHashMap, FxHashSet};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::rc::Rc;
use std::sync::Arc;

/// The index a query walks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Driver {
    /// `statements_by_date`: every statement (in the date range).
    Dates,
    /// `statements_by_stance`.
    Stance,
    /// `statements_by_speaker`, for each matching speaker.
    Speakers,
    /// `statement_topics_by_topic`, for each matching topic.
    Topics,
    /// The full-text index, whose rowids are listing keys.
    Search,
    /// The search's matches as the term lists give them (`term_lists.rs`),
    /// read by id and sorted by SQLite.
    Listed,
}

/// How a walk over several speakers or topics comes out in listing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Order {
    /// One walk over all of them, which SQLite sorts (all of it is read).
    Sorted,
    /// A walk per speaker or topic, merged here (stops at the limit).
    Merged,
}

/// A value bound to a walk's SQL: an SQL value, or ids bound as an `rarray`.
pub(super) enum Bound {
    Value(SqlValue),
    Ids(rusqlite::vtab::array::Array),
}

impl Bound {
    pub(super) fn ids(ids: &[i64]) -> Self {
        Bound::Ids(Rc::new(ids.iter().map(|&id| SqlValue::Integer(id)).collect()))
    }
}

impl rusqlite::ToSql for Bound {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        match self {
            Bound::Value(value) => value.to_sql(),
            Bound::Ids(ids) => ids.to_sql(),
        }
    }
}

/// Speaker or topic ids a filter resolved to.
#[derive(Debug)]
pub(super) struct IdSet {
    pub(super) ids: Vec<i64>,
    pub(super) set: Arc<FxHashSet<i64>>,
}

impl IdSet {
    pub(super) fn new(ids: Vec<i64>) -> Self {
        let set = Arc::new(ids.iter().copied().collect());
        IdSet { ids, set }
    }
}

/// The full-text part of a query.
#[derive(Debug)]
pub(super) struct SearchFilter {
    pub(super) text: String,
    /// Whether every match has its place in listing order as its rowid (see
    /// `statement_search` in schema.sql).
    pub(super) ordered: bool,
    /// About how many index entries a day reading its matches passes over:
    /// the matches for one word, but the entries of every word for a
    /// phrase or words that must all be there ("fair plan" matches 4,000
    /// statements of a million by walking the 500,000 entries of its words).
    pub(super) read_per_day: f64,
    /// What reading one of those entries costs, in entries of a walk:
    /// a match is handed out of SQLite (one), an entry passed over inside
    /// FTS5 for a phrase or an AND costs less (`PASSED_OVER`).
    pub(super) read_cost: f64,
    /// About what share of the statements reading its matches passes over.
    pub(super) read_share: f64,
    /// The query, when it can be checked on a statement's text (see
    /// `text_query.rs`).
    pub(super) words: Option<TextQuery>,
}

/// A query's filters as a walk tests them.
#[derive(Debug)]
pub(super) struct Filters {
    pub(super) speakers: Option<IdSet>,
    pub(super) topics: Option<IdSet>,
    pub(super) stance: Option<Stance>,
    pub(super) since: Option<String>,
    pub(super) until: Option<String>,
    pub(super) keys: Option<ListingKeys>,
    pub(super) search: Option<SearchFilter>,
    /// The search's matches when the term lists gave them (`search` is
    /// then None).
    pub(super) listed: Option<Arc<IdBits>>,
    /// At most this many statements.
    pub(super) limit: usize,
}

/// Checking one statement's full text costs about as much as reading this
/// many entries off a doclist: by FTS5, and by reading its text.
pub(super) const SEEK_MATCHES: f64 = 1000.0;
pub(super) const TEXT_CHECK: f64 = 10.0;
pub(super) const PASSED_OVER: f64 = 0.3;

/// How much more of a sorted walk its first window reads than the planner
/// expects the page to need (see `Windows`).
const WINDOW_OVERSHOOT: f64 = 1.35;

/// The first and the largest batch of statements whose full text is checked
/// at once: small at first, so that a page of ten stops early, then as many
/// as the page still needs at the share that passed so far.
const FIRST_BATCH: usize = 256;
const LARGEST_BATCH: usize = 16_384;

impl Store {
    /// The first `limit` ids in listing order of the statements that pass
    /// `filters`, walking `driver` (in `order`, for speakers or topics).
    ///
    /// `read` is about what share of the walk's entries the planner
    /// expects to read before the page is full.
    pub(super) fn walk(&self, driver: Driver, order: Order, filters: &Filters, read: f64) -> Result<Vec<i64>> {
        if let Some(speakers) = &filters.speakers {
            let wanted = Arc::clone(&speakers.set);
            self.set_function("claimdb_wanted_speaker", wanted)?;
        }
        if let Some(topics) = &filters.topics {
            let wanted = Arc::clone(&topics.set);
            self.set_function("claimdb_wanted_topic", wanted)?;
        }
        if let Some(listed) = filters.listed.as_ref().filter(|_| driver != Driver::Listed) {
            // Tested inside SQLite: a walk that is sorted then sorts
            // only the matches (a quarter of the statements for a common
            // word). A bit per id answers in one read where a binary
            // search of a common word's 250,000 ids misses the cache
            // about 18 times a test.
            let listed = Arc::clone(listed);
            self.conn.create_scalar_function(
                "claimdb_listed",
                1,
                rusqlite::functions::FunctionFlags::SQLITE_UTF8 | rusqlite::functions::FunctionFlags::SQLITE_DIRECTONLY,
                move |ctx| Ok(ctx.get_raw(0).as_i64().is_ok_and(|id| listed.contains(id))),
            )?;
        }
        rusqlite::vtab::array::load_module(&self.conn)?;
        // One speaker or topic is walked as a merge of one: `IN` over an
        // array, even of one id, makes SQLite sort every entry it reads
        // (all 166,000 statements of the most quoted speaker for a page of
        // ten), where `=` reads the index in listing order and stops.
        let single = match driver {
            Driver::Speakers => filters.speakers.as_ref().is_some_and(|s| s.ids.len() == 1),
            Driver::Topics => filters.topics.as_ref().is_some_and(|t| t.ids.len() == 1),
            _ => false,
        };
        let order = if single { Order::Merged } else { order };
        // A walk over several speakers or topics, or over the listed
        // matches, is read and sorted here, a window of days at a time
        // when the page is expected to fill early (see `Windows`): sorted
        // by SQLite, all of it was read before the first row, 35,000
        // entries of the 1,922 speakers named Pia for a page of 1,000
        // statements that hold "budget", which their first eighth of the
        // days fill (100 M instructions in all, now 61 M).
        let sorted_here = order == Order::Sorted && matches!(driver, Driver::Speakers | Driver::Topics | Driver::Listed);
        let mut windows = match driver {
            Driver::Speakers | Driver::Topics if sorted_here => self.windows(filters, read)?,
            _ => None,
        };
        let (mut sql, values) = walk_sql(driver, order, filters, sorted_here);
        // Undated statements come first, before every window.
        let undated = windows.as_ref().filter(|w| w.undated).map(|_| format!("{sql} AND s.stated_on IS NULL"));
        if windows.is_some() {
            sql.push_str(" AND s.stated_on >= ? AND s.stated_on < ?");
        }
        // A merged walk runs its SQL once per speaker or topic, with that id
        // first; otherwise once, with the ids as an array first, or none.
        let firsts: Vec<Option<Bound>> = match (driver, order) {
            (Driver::Speakers | Driver::Topics, Order::Merged) => {
                let set = if driver == Driver::Speakers { &filters.speakers } else { &filters.topics };
                set.as_ref().expect("a walk over its own filter").ids.iter().map(|&id| Some(Bound::Value(SqlValue::Integer(id)))).collect()
            }
            (Driver::Speakers | Driver::Topics, Order::Sorted) => {
                let set = if driver == Driver::Speakers { &filters.speakers } else { &filters.topics };
                let ids = &set.as_ref().expect("a walk over its own filter").ids;
                vec![Some(Bound::ids(ids))]
            }
            (Driver::Listed, _) => vec![Some(Bound::ids(&filters.listed.as_deref().expect("a walk over its own filter").ids()))],
            _ => vec![None],
        };
        let mut statements = firsts.iter().map(|_| self.conn.prepare(&sql)).collect::<rusqlite::Result<Vec<_>>>()?;
        let mut walks = Vec::with_capacity(statements.len());
        for (statement, first) in statements.iter_mut().zip(firsts) {
            let values = first.into_iter().chain(values.iter().cloned().map(Bound::Value));
            if sorted_here {
                let params: Vec<Bound> = values.collect();
                let entries = match &undated {
                    Some(undated) => read_sorted(&mut self.conn.prepare(undated)?, &params, None)?,
                    None => Vec::new(),
                };
                walks.push(Walk::Sorted(SortedWalk { statement, params, windows: windows.take(), ran: false, entries: entries.into_iter() }));
            } else {
                walks.push(Walk::Rows(statement.query(params_from_iter(values))?));
            }
        }
        let mut search = match &filters.search {
            Some(search) if driver != Driver::Search => Some(self.search_check(search)?),
            _ => None,
        };
        self.collect(walks, search.as_mut(), filters.limit)
    }

    /// Register `name(id)`: whether `id` is in `wanted`. A value that is not
    /// an integer passes, to fail when its row is read as it would have.
    pub(super) fn set_function(&self, name: &str, wanted: Arc<FxHashSet<i64>>) -> Result<()> {
        self.conn.create_scalar_function(
            name,
            1,
            rusqlite::functions::FunctionFlags::SQLITE_UTF8 | rusqlite::functions::FunctionFlags::SQLITE_DIRECTONLY,
            move |ctx| Ok(ctx.get_raw(0).as_i64().map_or(true, |id| wanted.contains(&id))),
        )?;
        Ok(())
    }

    /// The windows of days a sorted walk reads, when it is expected to
    /// read few of its entries: None to read it whole. Only when the
    /// dates are written `YYYY-MM-DD` (the lowest and the highest say so:
    /// any other value sorts before or after every such date).
    fn windows(&self, filters: &Filters, read: f64) -> Result<Option<Windows>> {
        let share = read * WINDOW_OVERSHOOT;
        if share >= 1.0 {
            return Ok(None);
        }
        let day = |sql: &str| -> Result<Option<NaiveDate>> {
            let text: Option<Option<String>> =
                self.conn.prepare_cached(sql)?.query_row([], |r| Ok(r.get_ref(0)?.as_str().ok().map(str::to_owned))).optional()?;
            Ok(text.flatten().as_deref().and_then(super::canonical_day))
        };
        let first = day("SELECT stated_on FROM statements INDEXED BY statements_by_date WHERE stated_on IS NOT NULL ORDER BY stated_on LIMIT 1")?;
        let last = day("SELECT stated_on FROM statements INDEXED BY statements_by_date ORDER BY stated_on DESC LIMIT 1")?;
        let (Some(first), Some(last)) = (first, last) else { return Ok(None) };
        let parse = |text: &Option<String>| text.as_deref().and_then(super::canonical_day);
        let from = parse(&filters.since).map_or(first, |since| since.max(first));
        let to = parse(&filters.until).map_or(last, |until| until.min(last));
        let span = (to - from).num_days() + 1;
        if span <= 1 {
            return Ok(None);
        }
        let days = ((span as f64 * share).ceil() as i64).max(1);
        // A bound on the dates leaves the undated statements out.
        let undated = filters.since.is_none()
            && filters.until.is_none()
            && self
                .conn
                .prepare_cached("SELECT EXISTS (SELECT 1 FROM statements INDEXED BY statements_by_date WHERE stated_on IS NULL)")?
                .query_row([], |r| r.get(0))?;
        Ok(Some(Windows { undated, from, last: to, days, lower: SqlValue::Text(String::new()), done: false }))
    }

    /// How the full text is checked on the walk's statements.
    fn search_check<'s>(&'s self, search: &'s SearchFilter) -> Result<SearchCheck<'s>> {
        if search.ordered {
            self.conn.create_aggregate_function("claimdb_id_list", 1, rusqlite::functions::FunctionFlags::SQLITE_UTF8, IdList)?;
            return Ok(SearchCheck::Batches(search, TextReader::default()));
        }
        // Some match is keyed out of listing order: take every match's id.
        let mut stmt = self.conn.prepare(
            "SELECT CASE WHEN rowid > ?2 THEN rowid & ?2 ELSE -rowid END FROM statements_fts WHERE statements_fts MATCH ?1",
        )?;
        let ids = stmt.query_map(rusqlite::params![search.text, LISTING_ID_MASK], |r| r.get(0))?;
        Ok(SearchCheck::All(ids.collect::<rusqlite::Result<_>>()?))
    }

    /// Merge the walks (each in listing order) into the first `limit`
    /// distinct ids that pass `search`. A statement linked to two of the
    /// topics comes once from each walk, one right after the other.
    fn collect<'c>(&'c self, mut walks: Vec<Walk<'_, '_>>, mut search: Option<&mut SearchCheck<'c>>, limit: usize) -> Result<Vec<i64>> {
        type Head = Reverse<(Option<String>, i64, usize)>;
        fn next(walks: &mut [Walk<'_, '_>], walk: usize) -> Result<Option<Head>> {
            Ok(match &mut walks[walk] {
                // Dates compare as SQLite compares them (bytes, NULL first).
                Walk::Rows(rows) => match rows.next()? {
                    Some(row) => Some(Reverse((row.get(0)?, row.get(1)?, walk))),
                    None => None,
                },
                Walk::Sorted(sorted) => sorted.next()?.map(|(date, id)| Reverse((date, id, walk))),
            })
        }
        let mut heads = BinaryHeap::with_capacity(walks.len());
        for walk in 0..walks.len() {
            heads.extend(next(&mut walks, walk)?);
        }
        let mut ids: Vec<i64> = Vec::new();
        let mut last = None;
        let mut batch: Vec<(i64, Option<i64>)> = Vec::new();
        let mut batch_size = FIRST_BATCH;
        let (mut checked, mut passed) = (0, 0);
        while ids.len() < limit {
            let Some(Reverse((date, id, walk))) = heads.pop() else { break };
            heads.extend(next(&mut walks, walk)?);
            if last == Some(id) {
                continue;
            }
            last = Some(id);
            match search.as_deref_mut() {
                None => ids.push(id),
                Some(SearchCheck::All(matches)) => {
                    if matches.contains(&id) {
                        ids.push(id);
                    }
                }

                Some(SearchCheck::Batches(search, reader)) => {
                    batch.push((id, listing_key(date.as_deref(), id)));
                    if batch.len() >= batch_size {
                        let before = ids.len();
                        checked += batch.len();
                        self.keep_matches(search, reader, &mut batch, &mut ids)?;
                        passed += ids.len() - before;
                        // The next batch holds about as many as the page
                        // still needs at the share that passed so far: a
                        // batch reads every match between its ends, so
                        // reading past the page's last statement is waste.
                        let share = (passed.max(1) as f64 / checked as f64).min(1.0);
                        let needed = limit.saturating_sub(ids.len()) as f64 / share * 1.1;
                        batch_size = (needed.min(LARGEST_BATCH as f64) as usize).max(FIRST_BATCH);
                    }
                }
            }
        }
        if let Some(SearchCheck::Batches(search, reader)) = search {
            self.keep_matches(search, reader, &mut batch, &mut ids)?;
        }
        ids.truncate(limit);
        Ok(ids)
    }

    /// Move the statements of `batch` (in listing order) that `search`
    /// matches to `ids`. A statement without a listing key is not a match:
    /// the search is `ordered`, so every match has one.
    ///
    /// The cheapest of three ways: reading the matches between the batch's
    /// first and last key, asking FTS5 about each statement, or comparing
    /// each statement's text (see `text_query.rs`).
    fn keep_matches<'c>(
        &'c self,
        search: &SearchFilter,
        reader: &mut TextReader<'c>,
        batch: &mut Vec<(i64, Option<i64>)>,
        ids: &mut Vec<i64>,
    ) -> Result<()> {
        let keys: Vec<(i64, i64)> = batch.drain(..).filter_map(|(id, key)| Some((id, key?))).collect();
        let (Some(&(_, first)), Some(&(_, last))) = (keys.first(), keys.last()) else { return Ok(()) };
        let days = ((last >> 40) - (first >> 40) + 1) as f64;
        let range = search.read_per_day * search.read_cost * days;
        let statements = keys.len() as f64;
        if let Some(words) = search.words.as_ref().filter(|_| statements * TEXT_CHECK < range) {
            return reader.keep_matches(self, words, search, &keys, ids);
        }
        if statements * SEEK_MATCHES < range {
            for (id, key) in keys {
                if self.search_matches_key(search, key)? {
                    ids.push(id);
                }
            }
            return Ok(());
        }
        let list: Vec<u8> = self
            .conn
            .prepare_cached(
                "SELECT claimdb_id_list(rowid) FROM statements_fts WHERE statements_fts MATCH ?1 AND rowid >= ?2 AND rowid <= ?3",
            )?
            .query_row(rusqlite::params![search.text, first, last], |r| r.get(0))?;
        // Both in key order: step through the matches beside the batch.
        let mut matches = list.chunks_exact(8).map(|key| i64::from_le_bytes(key.try_into().expect("eight bytes"))).peekable();
        for (id, key) in keys {
            while matches.next_if(|&m| m < key).is_some() {}
            if matches.peek() == Some(&key) {
                ids.push(id);
            }
        }
        Ok(())
    }

    /// Whether FTS5 matches `search` on the statement keyed `key`.
    fn search_matches_key(&self, search: &SearchFilter, key: i64) -> Result<bool> {
        let mut stmt =
            self.conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM statements_fts WHERE statements_fts MATCH ?1 AND rowid = ?2)")?;
        Ok(stmt.query_row(rusqlite::params![search.text, key], |r| r.get::<_, bool>(0))?)
    }
}

/// Reads statements' full-text columns (content; speaker name and mention,
/// as `statement_search` joins them) to check a `TextQuery` on them.
#[derive(Default)]
struct TextReader<'c> {
    rows: Option<rusqlite::Statement<'c>>,
    names: FxHashMap<i64, Option<String>>,
    speaker: String,
    words: Words,
}

impl<'c> TextReader<'c> {
    /// Move the ids of `keys` (in listing order) whose text `words`
    /// matches to `ids`, asking FTS5 (`search`) when the text cannot tell.
    ///
    /// The rows are read in id order, the table's own: a batch's
    /// statements lie far apart, and in listing order each seek also read
    /// the table's inner pages again through the small page cache.
    fn keep_matches(&mut self, store: &'c Store, words: &TextQuery, search: &SearchFilter, keys: &[(i64, i64)], ids: &mut Vec<i64>) -> Result<()> {
        let rows = match &mut self.rows {
            Some(rows) => rows,
            // The array's order is the order read: CROSS JOIN keeps it.
            None => self.rows.insert(store.conn.prepare(
                "SELECT s.id, s.content, s.speaker_mention, s.speaker_id FROM rarray(?1) r CROSS JOIN statements s ON s.id = r.value",
            )?),
        };
        let mut by_id: Vec<usize> = (0..keys.len()).collect();
        by_id.sort_unstable_by_key(|&at| keys[at].0);
        let batch: Vec<i64> = by_id.iter().map(|&at| keys[at].0).collect();
        let mut matched = vec![false; keys.len()];
        let mut found = rows.query([Bound::ids(&batch)])?;
        let mut place = by_id.iter();
        while let Some(row) = found.next()? {
            let id: i64 = row.get(0)?;
            let Some(&at) = place.find(|&&at| keys[at].0 == id) else { continue };
            let key = keys[at].1;
            let (Ok(content), Ok(mention), Ok(speaker)) = (row.get_ref(1)?.as_str(), row.get_ref(2)?.as_str(), row.get_ref(3)?.as_i64())
            else {
                // A value of another type than claimdb writes: FTS5 knows.
                matched[at] = store.search_matches_key(search, key)?;
                continue;
            };
            let name = match self.names.get(&speaker) {
                Some(name) => name,
                None => {
                    let name: Option<String> = store
                        .conn
                        .prepare_cached("SELECT name FROM speakers WHERE id = ?1")?
                        .query_row([speaker], |r| r.get(0))
                        .optional()?
                        .flatten();
                    self.names.entry(speaker).or_insert(name)
                }
            };
            // The column is NULL without a speaker record: no words.
            self.speaker.clear();
            if let Some(name) = name {
                self.speaker.push_str(name);
                self.speaker.push(' ');
                self.speaker.push_str(mention);
            }
            matched[at] = match words.matches(content, &self.speaker, &mut self.words) {
                TextMatch::Yes => true,
                TextMatch::No => false,
                TextMatch::Unknown => store.search_matches_key(search, key)?,
            };
        }
        ids.extend(keys.iter().zip(matched).filter(|(_, matched)| *matched).map(|(&(id, _), _)| id));
        Ok(())
    }
}

/// A walk's entries, (date, id) in listing order: as SQLite reads them
/// off an index, or read whole and sorted.
enum Walk<'a, 'c> {
    Rows(rusqlite::Rows<'a>),
    Sorted(SortedWalk<'a, 'c>),
}

/// A walk over several speakers or topics (or the listed matches), read
/// and sorted here a window of days at a time when the page is expected
/// to fill early (see `Windows`), else whole.
struct SortedWalk<'a, 'c> {
    statement: &'a mut rusqlite::Statement<'c>,
    params: Vec<Bound>,
    windows: Option<Windows>,
    ran: bool,
    entries: std::vec::IntoIter<(Option<String>, i64)>,
}

impl SortedWalk<'_, '_> {
    fn next(&mut self) -> Result<Option<(Option<String>, i64)>> {
        loop {
            if let Some(entry) = self.entries.next() {
                return Ok(Some(entry));
            }
            let bounds = match &mut self.windows {
                Some(windows) => match windows.next() {
                    Some(bounds) => Some(bounds),
                    None => return Ok(None),
                },
                None if self.ran => return Ok(None),
                None => None,
            };
            self.ran = true;
            self.entries = read_sorted(self.statement, &self.params, bounds.as_ref())?.into_iter();
        }
    }
}

/// The (date, id) rows of `statement` with `params` (and a window's
/// `bounds` after them), in listing order.
fn read_sorted(statement: &mut rusqlite::Statement<'_>, params: &[Bound], bounds: Option<&[SqlValue; 2]>) -> Result<Vec<(Option<String>, i64)>> {
    let params = params.iter().map(|p| p as &dyn rusqlite::ToSql);
    let bounds = bounds.into_iter().flatten().map(|b| b as &dyn rusqlite::ToSql);
    let mut rows = statement.query(params_from_iter(params.chain(bounds)))?;
    let mut entries: Vec<(Option<String>, i64)> = Vec::new();
    while let Some(row) = rows.next()? {
        entries.push((row.get(0)?, row.get(1)?));
    }
    // Dates compare as SQLite compares them (bytes, NULL first).
    entries.sort_unstable();
    Ok(entries)
}

/// The date ranges a sorted walk reads one after another: each is read
/// whole and sorted, and the next is read only when the page needs more.
/// The first spans the share of the days the planner expects to read
/// (and a third more), each next one twice the one before, the last
/// every date after (as text: every date sorts before a blob).
struct Windows {
    /// Whether the undated statements are read first.
    undated: bool,
    from: NaiveDate,
    last: NaiveDate,
    days: i64,
    lower: SqlValue,
    done: bool,
}

impl Windows {
    fn next(&mut self) -> Option<[SqlValue; 2]> {
        if self.done {
            return None;
        }
        let to = self.from.checked_add_days(chrono::Days::new(self.days as u64)).filter(|&to| to <= self.last);
        let upper = match to {
            Some(to) => SqlValue::Text(to.to_string()),
            None => {
                self.done = true;
                SqlValue::Blob(vec![0xff])
            }
        };
        if let Some(to) = to {
            self.from = to;
        }
        self.days = self.days.saturating_mul(2);
        Some([std::mem::replace(&mut self.lower, upper.clone()), upper])
    }
}

/// How a walk's statements are checked against the full text.
enum SearchCheck<'s> {
    /// By listing key or by their text, a batch at a time.
    Batches(&'s SearchFilter, TextReader<'s>),
    /// Against every match's id.
    All(FxHashSet<i64>),
}

/// A statement's full-text rowid: its listing key when its date is written
/// `YYYY-MM-DD` (see `statement_search` in schema.sql).
fn listing_key(date: Option<&str>, id: i64) -> Option<i64> {
    if !(0..=LISTING_ID_MASK).contains(&id) {
        return None;
    }
    match date {
        None => Some((1 << 40) + id),
        Some(text) => Some(ListingKeys::day_start(super::canonical_day(text)?)? + id),
    }
}

/// The SQL of a walk: rows of (date, id) in listing order (in any order
/// when `unordered`). Its first parameter is the walk's speaker or topic
/// id (merged) or ids (sorted) when it walks speakers or topics; `values`
/// are the rest.
fn walk_sql(driver: Driver, order: Order, filters: &Filters, unordered: bool) -> (String, Vec<SqlValue>) {
    let mut values = Vec::new();
    let one = if order == Order::Merged { " = ?" } else { " IN (SELECT value FROM rarray(?))" };
    let mut sql = String::from(match driver {
        Driver::Dates => "SELECT s.stated_on, s.id FROM statements s INDEXED BY statements_by_date WHERE 1 = 1",
        Driver::Stance => "SELECT s.stated_on, s.id FROM statements s INDEXED BY statements_by_stance WHERE 1 = 1",
        Driver::Speakers => "SELECT s.stated_on, s.id FROM statements s INDEXED BY statements_by_speaker WHERE s.speaker_id",
        Driver::Topics => {
            "SELECT s.stated_on, s.statement_id FROM statement_topics s INDEXED BY statement_topics_by_topic WHERE s.topic_id"
        }
        // With a topic, the matches' links to their topics are read (they
        // carry the statement's date, stance and speaker): a link is a few
        // bytes beside its statement's others, where each statement's row
        // lies on a page of its own ("fair plan" on the 27 topics named
        // "policy" read 8,759 pages, now 4,388).
        Driver::Listed if filters.topics.is_some() => {
            "SELECT s.stated_on, s.statement_id FROM rarray(?) r CROSS JOIN statement_topics s ON s.statement_id = r.value
             WHERE claimdb_wanted_topic(s.topic_id)"
        }
        Driver::Listed => "SELECT s.stated_on, s.id FROM rarray(?) r CROSS JOIN statements s ON s.id = r.value WHERE 1 = 1",
        // Matches are walked in key order and joined to their statement
        // when another filter needs its columns (CROSS JOIN: in that order,
        // whatever statistics the database holds).
        Driver::Search if filters.speakers.is_none() && filters.topics.is_none() && filters.stance.is_none() => {
            "SELECT NULL, f.rowid & 1099511627775 FROM statements_fts f WHERE statements_fts MATCH ? AND f.rowid >= ? AND f.rowid < ?"
        }
        Driver::Search => {
            "SELECT NULL, s.id FROM statements_fts f CROSS JOIN statements s ON s.id = (f.rowid & 1099511627775)
             WHERE statements_fts MATCH ? AND f.rowid >= ? AND f.rowid < ?"
        }
    });
    if matches!(driver, Driver::Speakers | Driver::Topics) {
        sql.push_str(one);
    }
    if driver == Driver::Search {
        let search = filters.search.as_ref().expect("a walk over its own filter");
        let keys = filters.keys.expect("a search walk has listing keys");
        values.extend([SqlValue::Text(search.text.clone()), SqlValue::Integer(keys.from), SqlValue::Integer(keys.to)]);
    } else {
        if let Some(since) = &filters.since {
            sql.push_str(" AND s.stated_on >= ?");
            values.push(SqlValue::Text(since.clone()));
        }
        if let Some(until) = &filters.until {
            sql.push_str(" AND s.stated_on <= ?");
            values.push(SqlValue::Text(until.clone()));
        }
    }
    if let Some(stance) = filters.stance {
        sql.push_str(" AND s.stance = ?");
        values.push(SqlValue::Text(stance.as_str().into()));
    }
    if filters.speakers.is_some() && driver != Driver::Speakers {
        sql.push_str(" AND claimdb_wanted_speaker(s.speaker_id)");
    }
    if filters.listed.is_some() && driver != Driver::Listed {
        sql.push_str(if driver == Driver::Topics { " AND claimdb_listed(s.statement_id)" } else { " AND claimdb_listed(s.id)" });
    }
    if filters.topics.is_some() && !matches!(driver, Driver::Topics | Driver::Listed) {
        sql.push_str(
            // A scalar subquery with a LIMIT, not EXISTS: with statistics
            // written by ANALYZE, SQLite planned the EXISTS otherwise and
            // read a great many topic links per statement of the walk.
            " AND (SELECT 1 FROM statement_topics st WHERE st.statement_id = s.id AND claimdb_wanted_topic(st.topic_id) LIMIT 1)",
        );
    }
    if unordered {
        return (sql, values);
    }
    sql.push_str(match driver {
        Driver::Search => " ORDER BY f.rowid",
        Driver::Topics => " ORDER BY s.stated_on, s.statement_id",
        _ => " ORDER BY s.stated_on, s.id",
    });
    (sql, values)
}
