//! Choosing how to find a query's page: which index to walk (see
//! `walk.rs`), by an estimate of how many entries each would read.
//!
//! Each filter can be walked (the date range is a range of every index):
//! the dates, the stance, the matching speakers' or topics' statements, or
//! the full-text matches (or, when the term lists answer the search, its
//! matches read by id, see `term_lists.rs`). A walk stops at the limit when its index lists
//! statements in listing order, so it reads about `limit / share` entries,
//! where `share` is how many of them pass the other filters; it reads all
//! of them when few pass (an empty answer reads the whole walk); a walk
//! over several speakers or topics, sorted here, reads a window of days at
//! a time, the first as many as the planner expects to need (see
//! `Windows` in walk.rs). So the
//! planner counts, for each filter, the entries its walk would read, up to
//! `COUNTED` (an exact count of a small filter is cheap and says most),
//! guesses the share of the larger ones, and takes the cheapest walk.

use super::keys::{ListingKeys, LISTING_KEY_FIRST};
use super::term_lists;
use super::text_query::TextQuery;
use super::walk::{Bound, Driver, Filters, IdSet, Order, SearchFilter, PASSED_OVER, SEEK_MATCHES, TEXT_CHECK};
use super::{StatementFilter, StatementPage};
use crate::error::{Error, Result};
use crate::store::Store;
use chrono::NaiveDate;
use rusqlite::{params, params_from_iter, types::Value as SqlValue, OptionalExtension};

/// Entries counted at most per filter (about 0.2 ms).
const COUNTED: i64 = 2048;

/// Statements a guess of a large filter's share looks at.
const SAMPLE: i64 = 2048;

/// Full-text matches counted at most: a phrase is checked on every
/// statement with all of its words, so counting is slower than for a word.
const SEARCH_COUNTED: i64 = 1024;

/// A walk over more speakers or topics than this is sorted by SQLite rather
/// than merged (a walk per id costs a prepared statement).
const MERGED_AT_MOST: usize = 64;

/// Speaker or topic ids a filter matched, and the highest such id of all.
struct Matches {
    ids: Vec<i64>,
    all: i64,
}

/// Costs in index entries read: testing a topic is a lookup in the links'
/// primary key; a full-text walk that tests another filter reads the
/// statement's row; a merged walk's setup; sorting a passed entry.
const TOPIC_TEST: f64 = 6.0;
const ROW_READ: f64 = 8.0;
const WALK_SETUP: f64 = 100.0;
const SORT: f64 = 3.0;

/// What a walk over one filter would read, and what share of the
/// statements in the date range pass that filter.
#[derive(Debug, Clone, Copy)]
struct Estimate {
    driver: Driver,
    entries: f64,
    share: f64,
}

impl Store {
    /// Statements matching `filter`, by date then id, their text in one
    /// buffer (see `StatementPage`).
    ///
    /// The ids of the page are chosen first (see `query_ids`), from the
    /// indexes alone, and only they are joined into `statement_view`
    /// (speaker, document and topic per row, see `page`).
    pub fn query_page(&self, filter: &StatementFilter) -> Result<StatementPage> {
        let ids = self.matching_ids(filter)?;
        self.page(&ids)
    }

    /// The ids of the first `limit` statements matching `filter`, in
    /// listing order; a search FTS5 cannot parse is the user's error.
    pub(super) fn matching_ids(&self, filter: &StatementFilter) -> Result<Vec<i64>> {
        match &filter.search {
            Some(search) => self.query_ids(filter).map_err(|e| search_error(search, e)),
            None => self.query_ids(filter),
        }
    }

    /// `matching_ids`, a search's errors as SQLite gives them.
    fn query_ids(&self, filter: &StatementFilter) -> Result<Vec<i64>> {
        let keys = ListingKeys::between(filter.since, filter.until);
        let limit = filter.limit.map_or(usize::MAX, |n| usize::try_from(n).unwrap_or(usize::MAX));
        let mut filters = Filters {
            speakers: None,
            topics: None,
            stance: filter.stance,
            since: filter.since.map(|d| d.to_string()),
            until: filter.until.map(|d| d.to_string()),
            keys,
            search: None,
            listed: None,
            limit,
        };
        // The search is looked at first: a query FTS5 cannot parse fails
        // whatever else is asked.
        let ordered_search = match &filter.search {
            Some(text) => Some(!self.search_matches_unordered(text)?),
            None => None,
        };
        let mut speakers = filter.speaker.as_deref().map(|part| self.matching_speakers(part)).transpose()?;
        if let Some(id) = filter.speaker_id {
            let all: Option<i64> = self.conn.prepare_cached("SELECT max(id) FROM speakers")?.query_row([], |r| r.get(0))?;
            let ids = match &speakers {
                Some(named) => named.ids.iter().copied().filter(|&i| i == id).collect(),
                None => vec![id],
            };
            speakers = Some(Matches { ids, all: all.unwrap_or(0) });
        }
        if let Some(matches) = speakers {
            if matches.ids.is_empty() {
                return Ok(Vec::new());
            }
            // Every speaker: nothing to test.
            if (matches.ids.len() as i64) < matches.all {
                filters.speakers = Some(IdSet::new(matches.ids));
            }
        }
        if let Some(part) = &filter.topic {
            let matches = self.matching_topics(part)?;
            if matches.ids.is_empty() {
                return Ok(Vec::new());
            }
            filters.topics = Some(IdSet::new(matches.ids));
        }
        if limit == 0 {
            return Ok(Vec::new());
        }
        // One filter whose index lists its statements in listing order
        // (and the dates, a range of every index): nothing to weigh.
        let others = usize::from(filters.speakers.is_some())
            + usize::from(filters.topics.is_some())
            + usize::from(filters.stance.is_some())
            + usize::from(filter.search.is_some());
        let alone = match (&filter.search, ordered_search) {
            _ if others != 1 => None,
            (Some(text), Some(true)) if keys.is_some() => {
                filters.search =
                    Some(SearchFilter { text: text.clone(), ordered: true, read_per_day: 0.0, read_share: 0.0, read_cost: 1.0, words: None });
                Some(Driver::Search)
            }
            (Some(_), _) => None,
            _ if filters.stance.is_some() => Some(Driver::Stance),
            _ if filters.speakers.as_ref().is_some_and(|s| s.ids.len() == 1) => Some(Driver::Speakers),
            _ if filters.topics.as_ref().is_some_and(|t| t.ids.len() == 1) => Some(Driver::Topics),
            _ => None,
        };
        if let Some(driver) = alone {
            return self.walk(driver, Order::Sorted, &filters, 1.0);
        }
        // The statements in the date range, counted or guessed.
        let in_range = self.statements_in_range(&filters)?;
        let mut estimates = vec![Estimate { driver: Driver::Dates, entries: in_range, share: 1.0 }];
        // The search's matches from the term lists when they can tell
        // (walked, or tested on another walk's statements), else FTS5's.
        let listed = match filter.search.as_deref().and_then(|text| Some((text, TextQuery::parse(text)?))) {
            Some((text, query)) => term_lists::matching_ids(&self.conn, &query, text)?,
            None => None,
        };
        if let Some(ids) = listed {
            let count = ids.len();
            if count == 0 {
                return Ok(Vec::new());
            }
            let all = self.max_id("SELECT max(id) FROM statements")?.max(1) as f64;
            let share = (count as f64 / all).min(1.0);
            estimates.push(Estimate { driver: Driver::Listed, entries: count as f64, share });
            filters.listed = Some(std::sync::Arc::new(ids));
        } else if let (Some(text), Some(ordered)) = (&filter.search, ordered_search) {
            let (search, estimate) = self.estimate_search(text, ordered, &filters, in_range)?;
            filters.search = Some(search);
            estimates.extend(estimate);
        }
        for driver in [Driver::Speakers, Driver::Topics, Driver::Stance] {
            estimates.extend(self.estimate(driver, &filters, in_range)?);
        }
        let (driver, order, read) = choose(&estimates, &filters);
        self.walk(driver, order, &filters, read)
    }

    /// About how many statements lie in the query's date range: counted
    /// up to `COUNTED`, else the share of the days between the first and
    /// the last statement's.
    fn statements_in_range(&self, filters: &Filters) -> Result<f64> {
        let all = self.conn.prepare_cached("SELECT max(id) FROM statements")?.query_row([], |r| r.get::<_, Option<i64>>(0))?;
        let all = all.unwrap_or(0) as f64;
        if filters.since.is_none() && filters.until.is_none() {
            return Ok(all);
        }
        if let Some(counted) = self.count_walk(Driver::Dates, filters)? {
            return Ok(counted as f64);
        }
        let day = |sql: &str| -> Result<Option<NaiveDate>> {
            let text: Option<String> = self.conn.prepare_cached(sql)?.query_row([], |r| r.get(0)).optional()?.flatten();
            Ok(text.as_deref().and_then(super::canonical_day))
        };
        let first = day("SELECT stated_on FROM statements INDEXED BY statements_by_date WHERE stated_on IS NOT NULL ORDER BY stated_on LIMIT 1")?;
        let last = day("SELECT stated_on FROM statements INDEXED BY statements_by_date ORDER BY stated_on DESC LIMIT 1")?;
        let (Some(first), Some(last)) = (first, last) else { return Ok(all) };
        let parse = |text: &Option<String>| text.as_deref().and_then(super::canonical_day);
        let from = parse(&filters.since).unwrap_or(first).max(first);
        let to = parse(&filters.until).unwrap_or(last).min(last);
        let span = (last - first).num_days() as f64 + 1.0;
        let covered = ((to - from).num_days() as f64 + 1.0).clamp(0.0, span);
        Ok((all * covered / span).max(COUNTED as f64))
    }

    /// What a walk over `driver`'s filter would read, when the query has
    /// that filter.
    fn estimate(&self, driver: Driver, filters: &Filters, in_range: f64) -> Result<Option<Estimate>> {
        let guess = match driver {
            Driver::Speakers => match &filters.speakers {
                // A speaker's share of the statements is not a share of the
                // speakers (a few are quoted a lot), so this is a floor.
                Some(speakers) => speakers.ids.len() as f64 / self.max_id("SELECT max(id) FROM speakers")?.max(1) as f64,
                None => return Ok(None),
            },
            Driver::Topics => match &filters.topics {
                Some(topics) => topics.ids.len() as f64 / self.max_id("SELECT max(id) FROM topics")?.max(1) as f64,
                None => return Ok(None),
            },
            Driver::Stance if filters.stance.is_some() => 1.0 / 3.0,
            _ => return Ok(None),
        };
        // As many speakers or topics as would be counted have at least as
        // many statements (a speaker or topic is made for a statement).
        let ids = match driver {
            Driver::Speakers => filters.speakers.as_ref().map_or(0, |s| s.ids.len()),
            Driver::Topics => filters.topics.as_ref().map_or(0, |t| t.ids.len()),
            _ => 0,
        };
        let counted = if ids as i64 >= COUNTED { None } else { self.count_walk(driver, filters)? };
        Ok(Some(match counted {
            Some(counted) => Estimate { driver, entries: counted as f64, share: counted as f64 / in_range.max(1.0) },
            None => {
                let guess = self.sample_share(driver, filters)?.unwrap_or(guess);
                let share = guess.max(COUNTED as f64 / in_range.max(1.0)).min(1.0);
                Estimate { driver, entries: share * in_range, share }
            }
        }))
    }

    /// What share of the `SAMPLE` last statements in listing order pass
    /// `driver`'s filter (None for an empty table): the guess for a filter
    /// too large to count, read off the indexes in about a millisecond.
    fn sample_share(&self, driver: Driver, filters: &Filters) -> Result<Option<f64>> {
        let from: Option<Option<String>> = self
            .conn
            .prepare_cached("SELECT stated_on FROM statements INDEXED BY statements_by_date ORDER BY stated_on DESC LIMIT 1 OFFSET ?1")?
            .query_row([SAMPLE - 1], |r| r.get(0))
            .optional()?;
        // Fewer statements than the sample, or some undated: count them all.
        let from = from.flatten().unwrap_or_default();
        let (sampled, passed): (i64, f64) = match driver {
            Driver::Speakers => {
                let speakers = filters.speakers.as_ref().expect("estimated when asked for");
                self.set_function("claimdb_wanted_speaker", std::sync::Arc::clone(&speakers.set))?;
                self.conn
                    .prepare_cached(
                        "SELECT count(*), total(claimdb_wanted_speaker(speaker_id)) FROM statements INDEXED BY statements_by_date
                         WHERE stated_on >= ?1",
                    )?
                    .query_row([&from], |r| Ok((r.get(0)?, r.get(1)?)))?
            }
            Driver::Stance => {
                let stance = filters.stance.expect("estimated when asked for");
                self.conn
                    .prepare_cached(
                        "SELECT count(*), total(stance = ?2) FROM statements INDEXED BY statements_by_date WHERE stated_on >= ?1",
                    )?
                    .query_row(params![from, stance.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))?
            }
            Driver::Topics => {
                let topics = filters.topics.as_ref().expect("estimated when asked for");
                let sampled = self
                    .conn
                    .prepare_cached("SELECT count(*) FROM statements INDEXED BY statements_by_date WHERE stated_on >= ?1")?
                    .query_row([&from], |r| r.get(0))?;
                rusqlite::vtab::array::load_module(&self.conn)?;
                let linked: i64 = self
                    .conn
                    .prepare_cached(
                        "SELECT count(*) FROM statement_topics INDEXED BY statement_topics_by_topic
                         WHERE topic_id IN (SELECT value FROM rarray(?1)) AND stated_on >= ?2",
                    )?
                    .query_row(params![Bound::ids(&topics.ids), from], |r| r.get(0))?;
                (sampled, linked as f64)
            }
            Driver::Dates | Driver::Search | Driver::Listed => return Ok(None),
        };
        Ok((sampled > 0).then(|| passed / sampled as f64))
    }

    fn max_id(&self, sql: &str) -> Result<i64> {
        Ok(self.conn.prepare_cached(sql)?.query_row([], |r| r.get::<_, Option<i64>>(0))?.unwrap_or(0))
    }

    /// How many entries a walk over `driver` alone (and the date range)
    /// reads, when fewer than `COUNTED`.
    fn count_walk(&self, driver: Driver, filters: &Filters) -> Result<Option<i64>> {
        let bare = Filters {
            speakers: None,
            topics: None,
            stance: filters.stance.filter(|_| driver == Driver::Stance),
            since: filters.since.clone(),
            until: filters.until.clone(),
            keys: filters.keys,
            search: None,
            listed: None,
            limit: 0,
        };
        let mut values: Vec<Bound> = Vec::new();
        let mut sql = String::from(match driver {
            Driver::Dates => "SELECT count(*) FROM (SELECT 1 FROM statements s INDEXED BY statements_by_date WHERE 1 = 1",
            Driver::Stance => "SELECT count(*) FROM (SELECT 1 FROM statements s INDEXED BY statements_by_stance WHERE 1 = 1",
            Driver::Speakers => {
                "SELECT count(*) FROM (SELECT 1 FROM statements s INDEXED BY statements_by_speaker
                  WHERE s.speaker_id IN (SELECT value FROM rarray(?))"
            }
            Driver::Topics => {
                "SELECT count(*) FROM (SELECT 1 FROM statement_topics s INDEXED BY statement_topics_by_topic
                  WHERE s.topic_id IN (SELECT value FROM rarray(?))"
            }
            Driver::Search | Driver::Listed => unreachable!("the search is counted by estimate_search"),
        });
        let ids = match driver {
            Driver::Speakers => filters.speakers.as_ref(),
            Driver::Topics => filters.topics.as_ref(),
            _ => None,
        };
        if let Some(ids) = ids {
            rusqlite::vtab::array::load_module(&self.conn)?;
            values.push(Bound::ids(&ids.ids));
        }
        if let Some(since) = &bare.since {
            sql.push_str(" AND s.stated_on >= ?");
            values.push(Bound::Value(SqlValue::Text(since.clone())));
        }
        if let Some(until) = &bare.until {
            sql.push_str(" AND s.stated_on <= ?");
            values.push(Bound::Value(SqlValue::Text(until.clone())));
        }
        if let Some(stance) = bare.stance {
            sql.push_str(" AND s.stance = ?");
            values.push(Bound::Value(SqlValue::Text(stance.as_str().into())));
        }
        sql.push_str(" LIMIT ?)");
        values.push(Bound::Value(SqlValue::Integer(COUNTED)));
        let counted: i64 = self.conn.prepare(&sql)?.query_row(params_from_iter(values), |r| r.get(0))?;
        Ok((counted < COUNTED).then_some(counted))
    }

    /// The full-text filter, and what a walk over its matches would read
    /// (none when its matches cannot be walked in listing order).
    fn estimate_search(&self, text: &str, ordered: bool, filters: &Filters, in_range: f64) -> Result<(SearchFilter, Option<Estimate>)> {
        let (from, to) = filters.keys.map_or((i64::MIN, i64::MAX), |k| (k.from, k.to));
        // Guessed from a sample first: counting a phrase's matches checks
        // every statement with all of its words. A few are counted.
        let (match_share, read_share) = self.search_share(text)?;
        let mut matches = match_share * in_range;
        if matches < SEARCH_COUNTED as f64 {
            let counted: i64 = self
                .conn
                .prepare_cached(
                    "SELECT count(*) FROM (SELECT 1 FROM statements_fts WHERE statements_fts MATCH ?1 AND rowid >= ?2 AND rowid < ?3 LIMIT ?4)",
                )?
                .query_row(params![text, from, to, SEARCH_COUNTED], |r| r.get(0))?;
            matches = counted as f64;
        }
        let days = match filters.keys {
            Some(keys) if keys.to < i64::MAX && keys.from > LISTING_KEY_FIRST => ((keys.to - keys.from) >> 40) as f64,
            _ => self.days_of_statements()?,
        };
        let read = (read_share * in_range).max(matches);
        let search = SearchFilter {
            text: text.to_string(),
            ordered,
            read_per_day: read / days.max(1.0),
            read_cost: (matches + PASSED_OVER * (read - matches)) / read.max(1.0),
            read_share: (read / in_range.max(1.0)).min(1.0),
            words: TextQuery::parse(text),
        };
        let estimate = (ordered && filters.keys.is_some())
            .then_some(Estimate { driver: Driver::Search, entries: read, share: (matches / in_range.max(1.0)).min(1.0) });
        Ok((search, estimate))
    }

    /// The days from the first statement's to the last's.
    fn days_of_statements(&self) -> Result<f64> {
        let day = |sql: &str| -> Result<Option<NaiveDate>> {
            let text: Option<String> = self.conn.prepare_cached(sql)?.query_row([], |r| r.get(0)).optional()?.flatten();
            Ok(text.as_deref().and_then(super::canonical_day))
        };
        let first = day("SELECT stated_on FROM statements INDEXED BY statements_by_date WHERE stated_on IS NOT NULL ORDER BY stated_on LIMIT 1")?;
        let last = day("SELECT stated_on FROM statements INDEXED BY statements_by_date ORDER BY stated_on DESC LIMIT 1")?;
        Ok(match (first, last) {
            (Some(first), Some(last)) => (last - first).num_days() as f64 + 1.0,
            _ => 1.0,
        })
    }

    /// Whether `search` matches a statement keyed out of listing order (an
    /// id or date that does not fit a key; see schema.sql): their keys are
    /// the lowest, so FTS5 looks at the start of each doclist only.
    fn search_matches_unordered(&self, search: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM statements_fts WHERE statements_fts MATCH ?1 AND rowid < ?2)")?
            .query_row(params![search, LISTING_KEY_FIRST], |r| r.get(0))?)
    }

    /// The speakers `query --speaker part` finds, for other commands to
    /// match speakers the same way.
    pub(crate) fn speakers_matching(&self, part: &str) -> Result<Vec<i64>> {
        Ok(self.matching_speakers(part)?.ids)
    }

    /// Speakers with `part`'s words, one after another, as whole words of
    /// their name or an alias, any case and accent.
    ///
    /// The word index `speaker_names_fts` answers without reading a name:
    /// its tokens are the words `folded_words` makes, so its phrase of the
    /// part's words finds every such speaker, and the names of only those
    /// are compared to drop a phrase that runs from one name into the
    /// next. Reading every name took 15 ms at 50,000 speakers, and was what
    /// a part that is no whole word of any name ("mer") came to. A part
    /// without a letter or digit has no words: its names are compared as
    /// text.
    fn matching_speakers(&self, part: &str) -> Result<Matches> {
        let words = crate::store::speakers::folded_words(part);
        let ids = if words.is_empty() {
            self.conn
                .prepare_cached(
                    "SELECT id FROM speakers WHERE name LIKE ?1 ESCAPE '\\' \
                     UNION SELECT speaker_id FROM speaker_aliases WHERE alias LIKE ?1 ESCAPE '\\'",
                )?
                .query_map([like_pattern(part)], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<i64>>>()?
        } else {
            // The index holds the names it matched (name and aliases, a line
            // each, as `speaker_names` writes them), so they are compared
            // as they come: reading them again from `speakers` and
            // `speaker_aliases` was 15 M instructions for "Pia" (1,922
            // speakers). The view's changes to a name (apostrophes taken
            // out, ø and ł as o and l) are ones `folded_words` makes too.
            let mut kept = Vec::new();
            let mut names_of = self.conn.prepare_cached("SELECT rowid, names FROM speaker_names_fts WHERE speaker_names_fts MATCH ?1")?;
            let mut rows = names_of.query([fts_phrase(&words.join(" "))])?;
            while let Some(row) = rows.next()? {
                let names = row.get_ref(1)?.as_str().unwrap_or_default();
                let whole_words = |name: &str| crate::store::speakers::folded_words(name).windows(words.len()).any(|w| w == words.as_slice());
                if names.split('\n').any(whole_words) {
                    kept.push(row.get(0)?);
                }
            }
            drop(rows);
            kept.sort_unstable();
            if written_as_a_name(part) {
                kept
            } else {
                // "ada%park" or "\"ace\"": the punctuation is part of what
                // is asked for, not a break between words.
                self.names_containing(kept, part)?
            }
        };
        // Only weighs the plan: the highest id stands in for the count
        // (a lookup, where count(*) reads a whole index).
        let all: Option<i64> = self.conn.prepare_cached("SELECT max(id) FROM speakers")?.query_row([], |r| r.get(0))?;
        Ok(Matches { ids, all: all.unwrap_or(0) })
    }

    /// Those of `ids` whose name or an alias contains `part` as it is
    /// written (any case of ASCII letters, as LIKE compares them).
    fn names_containing(&self, ids: Vec<i64>, part: &str) -> Result<Vec<i64>> {
        if ids.is_empty() {
            return Ok(ids);
        }
        rusqlite::vtab::array::load_module(&self.conn)?;
        let mut kept = self
            .conn
            .prepare_cached(
                "SELECT id FROM speakers WHERE id IN (SELECT value FROM rarray(?1)) AND name LIKE ?2 ESCAPE '\\' \
                 UNION SELECT speaker_id FROM speaker_aliases WHERE speaker_id IN (SELECT value FROM rarray(?1)) AND alias LIKE ?2 ESCAPE '\\'",
            )?
            .query_map(params![Bound::ids(&ids), like_pattern(part)], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        kept.sort_unstable();
        Ok(kept)
    }

    /// Topics whose name contains `part`, any case.
    fn matching_topics(&self, part: &str) -> Result<Matches> {
        let ids = self
            .conn
            .prepare_cached("SELECT id FROM topics WHERE name LIKE ?1 ESCAPE '\\'")?
            .query_map([like_pattern(part)], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        let all: i64 = self.conn.prepare_cached("SELECT count(*) FROM topics")?.query_row([], |r| r.get(0))?;
        Ok(Matches { ids, all })
    }

    /// About what share of all statements a full-text search matches, and
    /// what share of entries reading its matches passes over (see
    /// `SearchFilter::read_per_day`), counted among about the
    /// `SEARCH_SAMPLE` last in listing order (FTS5 skips to a rowid range,
    /// ~1 ms; counting every match of a common word took 20 ms). A common
    /// word ("budget" in a quarter of all statements) is best found by
    /// walking the date index; sorting its 250,000 matches took 350 ms.
    fn search_share(&self, search: &str) -> Result<(f64, f64)> {
        let sample: Option<i64> = self
            .conn
            .prepare_cached(
                "SELECT v.key FROM statement_search v WHERE v.id =
                   (SELECT id FROM statements INDEXED BY statements_by_date
                    ORDER BY stated_on DESC LIMIT 1 OFFSET ?1)",
            )?
            .query_row([SEARCH_SAMPLE - 1], |r| r.get(0))
            .optional()?;
        let (from, sampled) = match sample {
            Some(key) => (key, SEARCH_SAMPLE),
            None => (i64::MIN, self.conn.prepare_cached("SELECT count(*) FROM statements")?.query_row([], |r| r.get(0))?),
        };
        if sampled == 0 {
            return Ok((0.0, 0.0));
        }
        let mut count = self.conn.prepare_cached("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH ?1 AND rowid >= ?2")?;
        let found: i64 = count.query_row(params![search, from], |r| r.get(0))?;
        let terms = search_terms(search);
        let mut read = found;
        if terms.len() > 1 {
            read = 0;
            for term in terms {
                // A term FTS5 cannot read alone (a column name before a
                // colon, say) is left out of the guess.
                read += count.query_row(params![term, from], |r| r.get::<_, i64>(0)).unwrap_or(0);
            }
        }
        Ok((found as f64 / sampled as f64, read.max(found) as f64 / sampled as f64))
    }
}


/// The cheapest walk by `estimates` (one per filter the query has, and the
/// dates), how it comes out in listing order, and about what share of its
/// entries fill the page.
fn choose(estimates: &[Estimate], filters: &Filters) -> (Driver, Order, f64) {
    let limit = filters.limit as f64;
    // What share of the statements reading the search's matches passes
    // over, and what share of those entries are matches.
    let search_read = filters.search.as_ref().map_or(1.0, |s| s.read_share);
    let search = estimates.iter().find(|e| e.driver == Driver::Search).map(|_| search_read);
    let matches_per_read =
        estimates.iter().find(|e| e.driver == Driver::Search).map_or(1.0, |e| (e.share / search_read.max(1e-9)).min(1.0));
    let check = match &filters.search {
        Some(SearchFilter { words: Some(_), .. }) => TEXT_CHECK,
        _ => SEEK_MATCHES,
    };
    let cost = |e: &Estimate| -> (f64, Order, f64) {
        let others: f64 = estimates.iter().filter(|o| o.driver != e.driver && o.driver != Driver::Dates).map(|o| o.share).product();
        // The share of the walk's entries that pass its own tests (all
        // filters but the full text), whose text is checked.
        let tested_in_walk: f64 = estimates
            .iter()
            .filter(|o| o.driver != e.driver && o.driver != Driver::Dates && o.driver != Driver::Search)
            .map(|o| o.share)
            .product();
        let values = match e.driver {
            Driver::Speakers => filters.speakers.as_ref().map_or(1, |s| s.ids.len()),
            Driver::Topics => filters.topics.as_ref().map_or(1, |s| s.ids.len()),
            _ => 1,
        };
        let order = if values > 1 && values <= MERGED_AT_MOST && e.entries >= COUNTED as f64 { Order::Merged } else { Order::Sorted };
        // The listed matches are sorted by SQLite: all of them are read.
        let stops = e.driver != Driver::Listed && (values == 1 || order == Order::Merged);
        // The share of the walk's entries that are on the page, and the
        // entries before the page is full (a sorted walk reads all first).
        let passing = if e.driver == Driver::Search { others * matches_per_read } else { others };
        let consumed = e.entries.min(limit / passing.max(1e-9));
        let read = if stops { consumed } else { e.entries };
        // A full-text walk passes over entries of a phrase's words cheaply.
        let mut per_entry = if e.driver == Driver::Search { filters.search.as_ref().map_or(1.0, |s| s.read_cost) } else { 1.0 };
        // A full-text walk tests the other filters on its matches only.
        let tested_share = if e.driver == Driver::Search { matches_per_read } else { 1.0 };
        if filters.topics.is_some() && e.driver != Driver::Topics {
            per_entry += TOPIC_TEST * tested_share;
        }
        let tested = filters.speakers.is_some() || filters.topics.is_some() || filters.stance.is_some();
        if e.driver == Driver::Search && tested {
            per_entry += ROW_READ * tested_share;
        }
        if !stops && values > 1 {
            per_entry += SORT * tested_in_walk;
        }
        if e.driver == Driver::Listed {
            per_entry += ROW_READ + SORT;
        }
        let setup = if order == Order::Merged { WALK_SETUP * values as f64 } else { 0.0 };
        let mut cost = read * per_entry + setup;
        if let Some(search_share) = search.filter(|_| e.driver != Driver::Search) {
            // The matches read beside the walk's entries, or each statement
            // that passes its tests checked by itself (see `keep_matches`).
            let read_cost = filters.search.as_ref().map_or(1.0, |s| s.read_cost);
            let beside = consumed * search_share * read_cost / e.share.max(1e-9);
            cost += beside.min(consumed * tested_in_walk * check);
        }
        (cost, order, (consumed / e.entries.max(1.0)).min(1.0))
    };
    estimates
        .iter()
        .map(|e| (e, cost(e)))
        .min_by(|a, b| a.1 .0.total_cmp(&b.1 .0))
        .map(|(e, (_, order, read))| (e.driver, order, read))
        .expect("the dates are always an estimate")
}

/// Whether `part` is written as a name is: letters, digits, spaces and the
/// marks inside names. Any other character is asked for as written.
fn written_as_a_name(part: &str) -> bool {
    part.chars().all(|c| c.is_alphanumeric() || c.is_whitespace() || matches!(c, '.' | '-' | '\'' | '’'))
}

/// The words of a full-text query, each as a query of its own (a prefix
/// stays one), at most `TERMS_WEIGHED` of them; operators are left out.
/// Only weighs the plan: reading a phrase's or an AND's matches walks the
/// entries of each of its words.
fn search_terms(search: &str) -> Vec<String> {
    const TERMS_WEIGHED: usize = 4;
    let mut terms = Vec::new();
    for word in search.split(|c: char| !(c.is_alphanumeric() || c == '*' || c == '_')) {
        let bare = word.trim_end_matches('*');
        if bare.is_empty() || matches!(word, "AND" | "OR" | "NOT" | "NEAR") || bare.contains('*') {
            continue;
        }
        let prefix = if bare.len() < word.len() { "*" } else { "" };
        terms.push(format!("\"{bare}\"{prefix}"));
        if terms.len() == TERMS_WEIGHED {
            break;
        }
    }
    terms
}

/// `%` and `_` in a user's text match themselves in a LIKE pattern.
fn like_pattern(part: &str) -> String {
    let escaped = part.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

/// `part` as one FTS5 string: in double quotes, its own quotes doubled, so
/// that FTS5 query syntax in it is plain text.
fn fts_phrase(part: &str) -> String {
    format!("\"{}\"", part.replace('"', "\"\""))
}

/// How many of the newest statement ids `search_share` looks at.
const SEARCH_SAMPLE: i64 = 10_000;

/// FTS5 reports bad query syntax as a generic SQL error; say what it is.
fn search_error(search: &str, err: Error) -> Error {
    match &err {
        Error::Sqlite(rusqlite::Error::SqliteFailure(_, Some(message)))
            if message.contains("fts5") || message.contains("no such column") || message.contains("unterminated") =>
        {
            Error::invalid(format!(
                "--search '{search}' is not a valid full-text query ({message}); put phrases and words with punctuation in double quotes"
            ))
        }
        _ => err,
    }
}

#[cfg(test)]
mod tests {
    use super::search_terms;

    #[test]
    fn a_search_is_weighed_by_each_of_its_words_without_operators() {
        assert_eq!(search_terms("\"fair plan\""), ["\"fair\"", "\"plan\""]);
        assert_eq!(search_terms("budget OR tax NOT levy"), ["\"budget\"", "\"tax\"", "\"levy\""]);
        assert_eq!(search_terms("budg* AND school"), ["\"budg\"*", "\"school\""]);
        assert_eq!(search_terms("one two three four five"), ["\"one\"", "\"two\"", "\"three\"", "\"four\""]);
        assert!(search_terms("** \"\"").is_empty());
    }
}
