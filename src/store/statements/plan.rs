//! Choosing the ids of a query's page: which statements match a
//! `StatementFilter`, first `limit` of them in listing order (date, then id).

use super::{StatementFilter, StatementPage};
use crate::error::{Error, Result};
use crate::store::Store;
use chrono::NaiveDate;
use rusqlite::{params, params_from_iter, types::Value as SqlValue, OptionalExtension};

impl Store {
    /// Statements matching `filter`, by date then id, their text in one
    /// buffer (see `StatementPage`).
    ///
    /// The ids of the page are chosen first, from the `statements` table and
    /// its indexes, and only they are joined into `statement_view` (speaker,
    /// document and topic per row): at a million statements the view's
    /// joins, not the filters, were the cost (--speaker 0.7 s, --topic 0.8 s).
    /// Where an index already lists the matches in listing order (date, then
    /// id), the page is read off it and the limit stops the walk: the
    /// full-text index (`--search`, see `statement_search` in schema.sql) and
    /// the topic links by date (`--topic`). Otherwise each filter is an
    /// indexed lookup (see `ids_by_filters`).
    pub fn query_page(&self, filter: &StatementFilter) -> Result<StatementPage> {
        let speakers = filter.speaker.as_deref().map(|part| self.matching_speakers(part)).transpose()?;
        let topics = filter.topic.as_deref().map(|part| self.matching_topics(part)).transpose()?;
        let limit = filter.limit.map_or(-1, |n| n.min(i64::MAX as u64) as i64);
        let ids = match &filter.search {
            Some(search) => self
                .ids_with_search(filter, search, speakers.as_ref(), topics.as_ref(), limit)
                .map_err(|e| search_error(search, e))?,
            None => match &topics {
                Some(topics) if filter.speaker.is_none() && filter.stance.is_none() && topics.share() <= FEW_TOPIC_LINKS => {
                    self.ids_by_topic_dates(topics, filter, limit)?
                }
                None if filter.stance.is_none() && speakers.as_ref().is_some_and(|s| matches_are_many(Some(s), None, None)) => {
                    self.ids_of_many_speakers_by_date(speakers.as_ref().expect("checked"), filter, limit)?
                }
                _ => self.ids_by_filters(filter, speakers.as_ref(), topics.as_ref(), None, limit)?,
            },
        };
        self.page(&ids)
    }

    /// The first `limit` ids (all for -1) in listing order of the statements
    /// of `topics`, read off `statement_topics_by_topic` (topic, date, id):
    /// each topic's links are walked in listing order side by side and merged,
    /// so about `limit` links are read in all (`--topic bridge`, ten topics
    /// with 30,000 links: 36 M instructions for the whole query, against 120 M
    /// when SQLite sorted all the links and 140 M walking every statement by
    /// date and looking its topics up). Used when nothing but dates narrows
    /// the topics further.
    fn ids_by_topic_dates(&self, topics: &Matches, filter: &StatementFilter, limit: i64) -> Result<Vec<i64>> {
        let mut sql = String::from("SELECT stated_on, statement_id FROM statement_topics WHERE topic_id = ?1");
        let mut bounds = Vec::new();
        if let Some(since) = filter.since {
            sql.push_str(" AND stated_on >= ?");
            bounds.push(since.to_string());
        }
        if let Some(until) = filter.until {
            sql.push_str(" AND stated_on <= ?");
            bounds.push(until.to_string());
        }
        sql.push_str(" ORDER BY stated_on, statement_id");
        let mut statements = topics.ids.iter().map(|_| self.conn.prepare(&sql)).collect::<rusqlite::Result<Vec<_>>>()?;
        let mut walks = Vec::with_capacity(statements.len());
        for (statement, topic) in statements.iter_mut().zip(&topics.ids) {
            let values = std::iter::once(SqlValue::Integer(*topic)).chain(bounds.iter().cloned().map(SqlValue::Text));
            walks.push(statement.query(params_from_iter(values))?);
        }
        merge_listing_order(walks, limit)
    }

    /// The first `limit` ids (all for -1) in listing order of the statements
    /// of `speakers`, who are many (see `matches_are_many`): the date index,
    /// which carries each statement's speaker, is walked in order and each
    /// speaker looked up in a hash set here. SQLite's IN test on the same
    /// walk first built a b-tree of the speakers from their JSON list, which
    /// with the test itself was a third of `--speaker mer` (6,659 speakers).
    /// The index orders a day's statements by speaker, so each day's matches
    /// are put in id order before they join the page.
    fn ids_of_many_speakers_by_date(&self, speakers: &Matches, filter: &StatementFilter, limit: i64) -> Result<Vec<i64>> {
        let wanted: std::sync::Arc<rustc_hash::FxHashSet<i64>> = std::sync::Arc::new(speakers.ids.iter().copied().collect());
        // The walk's rows are turned away inside SQLite, by a function that
        // looks the speaker up in the same set: nine in ten rows are not
        // matches, and handing each out of SQLite (a step, its columns) cost
        // twice the lookup. A value that is not an integer is let through,
        // to fail below as it did before.
        let in_set = std::sync::Arc::clone(&wanted);
        self.conn.create_scalar_function(
            "claimdb_wanted_speaker",
            1,
            rusqlite::functions::FunctionFlags::SQLITE_UTF8 | rusqlite::functions::FunctionFlags::SQLITE_DIRECTONLY,
            move |ctx| Ok(ctx.get_raw(0).as_i64().map_or(true, |id| in_set.contains(&id))),
        )?;
        let mut sql = String::from(
            "SELECT stated_on, speaker_id, id FROM statements INDEXED BY statements_by_date WHERE claimdb_wanted_speaker(speaker_id)",
        );
        let mut values = Vec::new();
        if let Some(since) = filter.since {
            sql.push_str(" AND stated_on >= ?");
            values.push(SqlValue::Text(since.to_string()));
        }
        if let Some(until) = filter.until {
            sql.push_str(" AND stated_on <= ?");
            values.push(SqlValue::Text(until.to_string()));
        }
        sql.push_str(" ORDER BY stated_on, speaker_id");
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(values))?;
        let wanted_ids = usize::try_from(limit).unwrap_or(usize::MAX);
        let mut ids: Vec<i64> = Vec::new();
        // The day of the last match, and where its matches start in `ids`.
        let mut day: Option<SqlValue> = None;
        let mut day_starts = 0;
        while let Some(row) = rows.next()? {
            if ids.len() >= wanted_ids {
                // The page is full: only the rest of its last day may still
                // hold statements with lower ids.
                if day.as_ref().map(rusqlite::types::ValueRef::from) != Some(row.get_ref(0)?) {
                    break;
                }
            }
            if !wanted.contains(&row.get::<_, i64>(1)?) {
                continue;
            }
            let date = row.get_ref(0)?;
            if day.as_ref().map(rusqlite::types::ValueRef::from) != Some(date) {
                ids[day_starts..].sort_unstable();
                day = Some(row.get::<_, SqlValue>(0)?);
                day_starts = ids.len();
            }
            ids.push(row.get(2)?);
        }
        ids[day_starts..].sort_unstable();
        ids.truncate(wanted_ids);
        Ok(ids)
    }

    /// The page's ids for a query with `--search`. When every statement the
    /// search matches has its place in listing order as its full-text rowid
    /// (see `statement_search` in schema.sql), the matches are walked in that
    /// order, each joined to its statement for the other filters, until
    /// `limit` pass: `--search budget` reads 1,000 of its 250,000 matches.
    /// That walk is slow when the other filters pass few statements (one
    /// speaker's 20): then, as when a match has no such place, the other
    /// filters choose (`ids_by_filters`) and the search is a set of ids.
    fn ids_with_search(
        &self,
        filter: &StatementFilter,
        search: &str,
        speakers: Option<&Matches>,
        topics: Option<&Matches>,
        limit: i64,
    ) -> Result<Vec<i64>> {
        let others_share = speakers.map_or(1.0, Matches::share)
            * topics.map_or(1.0, Matches::share)
            * if filter.stance.is_some() { 1.0 / 3.0 } else { 1.0 };
        let keys = ListingKeys::between(filter.since, filter.until);
        let in_order = match keys {
            Some(_) if others_share >= FEW_OTHER_MATCHES => !self.search_matches_unordered(search)?,
            _ => false,
        };
        let Some(keys) = keys.filter(|_| in_order) else {
            let share = self.search_share(search)?;
            return self.ids_by_filters(filter, speakers, topics, Some((search, share)), limit);
        };
        let mut values = vec![SqlValue::Text(search.to_string()), SqlValue::Integer(keys.from), SqlValue::Integer(keys.to)];
        let others = speakers.is_some() || topics.is_some() || filter.stance.is_some();
        if !others {
            let sql = "SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? AND rowid >= ? AND rowid < ?
                       ORDER BY rowid LIMIT ?";
            values.push(SqlValue::Integer(limit));
            return Ok(self.ids(sql, values, 0)?.into_iter().map(|key| key & LISTING_ID_MASK).collect());
        }
        let mut sql = String::from(
            "SELECT s.id FROM statements_fts JOIN statements s ON s.id = (statements_fts.rowid & 1099511627775)
             WHERE statements_fts MATCH ? AND statements_fts.rowid >= ? AND statements_fts.rowid < ?",
        );
        if let Some(ids) = speakers {
            sql.push_str(" AND s.speaker_id IN (SELECT value FROM json_each(?))");
            values.push(SqlValue::Text(ids.json()));
        }
        if let Some(ids) = topics {
            sql.push_str(
                " AND EXISTS (SELECT 1 FROM statement_topics st WHERE st.statement_id = s.id \
                   AND st.topic_id IN (SELECT value FROM json_each(?)))",
            );
            values.push(SqlValue::Text(ids.json()));
        }
        if let Some(stance) = filter.stance {
            sql.push_str(" AND s.stance = ?");
            values.push(SqlValue::Text(stance.as_str().into()));
        }
        sql.push_str(" ORDER BY statements_fts.rowid LIMIT ?");
        values.push(SqlValue::Integer(limit));
        self.ids(&sql, values, 0)
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

    /// The first `limit` ids in listing order by the filters, each an indexed
    /// lookup: matching speaker and topic ids are resolved first, stance and
    /// dates use `statements_by_stance`/`statements_by_date`, full text is a
    /// set of ids.
    fn ids_by_filters(
        &self,
        filter: &StatementFilter,
        speakers: Option<&Matches>,
        topics: Option<&Matches>,
        search: Option<(&str, f64)>,
        limit: i64,
    ) -> Result<Vec<i64>> {
        let mut sql = String::from("SELECT s.id FROM statements s");
        // Two ways to find the first N matches by date: look up every match
        // by speaker or topic and sort them (best when they are few), or walk
        // the date index in order and stop at the Nth match (best when many
        // match: a tenth of all speakers match "mer"). Without statistics
        // SQLite cannot tell which, so we say.
        let walk_dates = matches_are_many(speakers, topics, search.map(|(_, share)| share));
        if walk_dates {
            sql.push_str(" INDEXED BY statements_by_date");
        }
        sql.push_str(" WHERE 1 = 1");
        let mut values: Vec<SqlValue> = Vec::new();
        if let Some(ids) = speakers {
            sql.push_str(" AND s.speaker_id IN (SELECT value FROM json_each(?))");
            values.push(SqlValue::Text(ids.json()));
        }
        if let Some(ids) = topics {
            // Walking the dates, each statement's links are looked up (the
            // set of every linked statement would be read whole first).
            sql.push_str(if walk_dates {
                " AND EXISTS (SELECT 1 FROM statement_topics st WHERE st.statement_id = s.id \
                   AND st.topic_id IN (SELECT value FROM json_each(?)))"
            } else {
                " AND s.id IN (SELECT st.statement_id FROM statement_topics st \
                   WHERE st.topic_id IN (SELECT value FROM json_each(?)))"
            });
            values.push(SqlValue::Text(ids.json()));
        }
        if let Some(stance) = filter.stance {
            sql.push_str(" AND s.stance = ?");
            values.push(SqlValue::Text(stance.as_str().into()));
        }
        if let Some(since) = filter.since {
            sql.push_str(" AND s.stated_on >= ?");
            values.push(SqlValue::Text(since.to_string()));
        }
        if let Some(until) = filter.until {
            sql.push_str(" AND s.stated_on <= ?");
            values.push(SqlValue::Text(until.to_string()));
        }
        if let Some((search, _)) = search {
            // A full-text rowid is a listing key; the statement id is in its
            // low bits, or it is minus the id (see schema.sql).
            sql.push_str(
                " AND s.id IN (SELECT CASE WHEN rowid >= 1099511627776 THEN rowid & 1099511627775 ELSE -rowid END \
                   FROM statements_fts WHERE statements_fts MATCH ?)",
            );
            values.push(SqlValue::Text(search.to_string()));
        }
        sql.push_str(" ORDER BY s.stated_on, s.id LIMIT ?");
        values.push(SqlValue::Integer(limit));
        self.ids(&sql, values, 0)
    }

    /// Column `column` of every row `sql` returns, as ids.
    fn ids(&self, sql: &str, values: Vec<SqlValue>, column: usize) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare(sql)?;
        let ids = stmt.query_map(params_from_iter(values), |r| r.get(column))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }

    /// Speakers whose name or an alias contains `part`, any case (ASCII
    /// letters, as LIKE compares them).
    ///
    /// The trigram index `speaker_names_fts` answers a part of three
    /// characters or more without reading a name (1.6 ms for the 6,659
    /// speakers of "mer" at 50,000 speakers; reading their names to compare
    /// them again took 10 ms, as long as comparing every name). It folds
    /// the case of all letters, LIKE only of ASCII ones, so a part with
    /// other characters is checked again by LIKE to keep its matches exact.
    /// A part with a line break could straddle two names of the index and
    /// one shorter than three characters has no trigram: both compare every
    /// name.
    fn matching_speakers(&self, part: &str) -> Result<Matches> {
        let pattern = like_pattern(part);
        let indexed = part.chars().count() >= 3 && !part.contains(['\n', '\r']);
        let (sql, values) = if !indexed {
            (
                "SELECT id FROM speakers WHERE name LIKE ?1 ESCAPE '\\' \
                 UNION SELECT speaker_id FROM speaker_aliases WHERE alias LIKE ?1 ESCAPE '\\'",
                vec![pattern],
            )
        } else if part.is_ascii() {
            ("SELECT claimdb_id_list(rowid) FROM speaker_names_fts WHERE speaker_names_fts MATCH ?1", vec![fts_phrase(part)])
        } else {
            (
                "SELECT claimdb_id_list(rowid) FROM speaker_names_fts WHERE speaker_names_fts MATCH ?1 AND names LIKE ?2 ESCAPE '\\'",
                vec![fts_phrase(part), pattern],
            )
        };
        let ids = if indexed {
            // The index's matches come out of SQLite as one list (see
            // `IdList`): 6,659 rows for "mer" handed out one by one cost
            // twice as much as finding them.
            self.conn.create_aggregate_function("claimdb_id_list", 1, rusqlite::functions::FunctionFlags::SQLITE_UTF8, IdList)?;
            let list: Vec<u8> = self
                .conn
                .prepare_cached(sql)?
                .query_row(params_from_iter(values), |r| r.get(0))?;
            list.chunks_exact(8).map(|id| i64::from_le_bytes(id.try_into().expect("eight bytes"))).collect()
        } else {
            self.conn
                .prepare_cached(sql)?
                .query_map(params_from_iter(values), |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<i64>>>()?
        };
        // Only weighs the plan: the highest id stands in for the count
        // (a lookup, where count(*) reads a whole index).
        let all: Option<i64> = self.conn.prepare_cached("SELECT max(id) FROM speakers")?.query_row([], |r| r.get(0))?;
        Ok(Matches { ids, all: all.unwrap_or(0) })
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

    /// About what share of all statements a full-text search matches,
    /// counted among about the `SEARCH_SAMPLE` last in listing order (FTS5
    /// skips to a rowid range, ~1 ms; counting every match of a common word
    /// took 20 ms). A common word ("budget" in a quarter of all statements)
    /// is best found by walking the date index; sorting its 250,000 matches
    /// took 350 ms.
    fn search_share(&self, search: &str) -> Result<f64> {
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
            return Ok(0.0);
        }
        let found: i64 = self
            .conn
            .prepare_cached("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH ?1 AND rowid >= ?2")?
            .query_row(params![search, from], |r| r.get(0))?;
        Ok(found as f64 / sampled as f64)
    }
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

/// Merge walks of (date, id) rows, each in listing order, into the first
/// `limit` distinct ids (all for -1) in listing order. A statement linked to
/// two of the topics comes once from each walk, one after the other.
fn merge_listing_order(mut walks: Vec<rusqlite::Rows<'_>>, limit: i64) -> Result<Vec<i64>> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    type Next = Reverse<(Option<String>, i64, usize)>;
    fn next(walks: &mut [rusqlite::Rows<'_>], walk: usize) -> Result<Option<Next>> {
        Ok(match walks[walk].next()? {
            // Dates compare as SQLite compares them (bytes, NULL first).
            Some(row) => Some(Reverse((row.get(0)?, row.get(1)?, walk))),
            None => None,
        })
    }
    let mut heads = BinaryHeap::with_capacity(walks.len());
    for walk in 0..walks.len() {
        heads.extend(next(&mut walks, walk)?);
    }
    let wanted = usize::try_from(limit).unwrap_or(usize::MAX);
    let mut ids: Vec<i64> = Vec::new();
    while ids.len() < wanted {
        let Some(Reverse((_, id, walk))) = heads.pop() else { break };
        if ids.last() != Some(&id) {
            ids.push(id);
        }
        heads.extend(next(&mut walks, walk)?);
    }
    Ok(ids)
}

/// Whether the speakers, topics or search asked for cover so many statements
/// that walking the date index beats looking each one up: more than about
/// 1 % of them (the crossover measured at a million statements).
fn matches_are_many(speakers: Option<&Matches>, topics: Option<&Matches>, search_share: Option<f64>) -> bool {
    let speaker_share = speakers.map_or(1.0, Matches::share);
    let topic_share = topics.map_or(1.0, Matches::share);
    let narrowed = speakers.is_some() || topics.is_some() || search_share.is_some();
    narrowed && speaker_share * topic_share * search_share.unwrap_or(1.0) > MANY_MATCHES
}

/// The share of topic names above which `--topic` walks the date index
/// rather than reading the links of its topics by date (when one in ten of
/// all links is read, walking the dates reads fewer).
const FEW_TOPIC_LINKS: f64 = 0.1;

/// The share of statements the filters other than `--search` pass below
/// which walking the search's matches in listing order would look at too
/// many of them (limit / share) before the page is full.
const FEW_OTHER_MATCHES: f64 = 0.05;

/// The full-text rowid of a statement in listing order: day slot * 2^40 + id
/// (see `statement_search` in schema.sql). Every such key is at least this.
const LISTING_KEY_FIRST: i64 = 1 << 40;

/// The statement id in the low bits of a listing key.
const LISTING_ID_MASK: i64 = (1 << 40) - 1;

/// The listing keys from the first statement on `since` (or the first of
/// all) to before the first after `until` (or past every key).
#[derive(Debug, Clone, Copy)]
struct ListingKeys {
    from: i64,
    to: i64,
}

impl ListingKeys {
    /// None when a date lies outside the years 0 to 9999 that keys cover
    /// (such a bound compares as text with the stored dates).
    fn between(since: Option<NaiveDate>, until: Option<NaiveDate>) -> Option<ListingKeys> {
        // A statement without a date matches neither bound (NULL compares
        // false), and its keys come before every dated one.
        let first_dated = Self::day_start(NaiveDate::from_ymd_opt(0, 1, 1)?)?;
        let dated = since.is_some() || until.is_some();
        let from = match since {
            Some(day) => Self::day_start(day)?,
            None if dated => first_dated,
            None => LISTING_KEY_FIRST,
        };
        let to = match until {
            Some(day) => Self::day_start(day)? + LISTING_KEY_FIRST,
            None => i64::MAX,
        };
        Some(ListingKeys { from, to })
    }

    /// The first key of `day`: its slot (days since 0000-01-01, plus 2) in
    /// the high bits, as statement_search computes it with julianday().
    fn day_start(day: NaiveDate) -> Option<i64> {
        if !(0..=9999).contains(&chrono::Datelike::year(&day)) {
            return None;
        }
        let slot = i64::from(chrono::Datelike::num_days_from_ce(&day)) + 365 + 2;
        Some(slot << 40)
    }
}

/// The share of all statements above which a query walks the date index.
const MANY_MATCHES: f64 = 0.01;

/// How many of the newest statement ids `search_share` looks at.
const SEARCH_SAMPLE: i64 = 10_000;

/// Speaker or topic ids a filter resolved to, and how many there are in all.
struct Matches {
    ids: Vec<i64>,
    all: i64,
}

impl Matches {
    /// What share of all of them matched.
    fn share(&self) -> f64 {
        self.ids.len() as f64 / self.all.max(1) as f64
    }

    /// The ids as a JSON array, bound to `json_each(?)` (there may be more
    /// than SQLite's limit of bound parameters).
    fn json(&self) -> String {
        serde_json::to_string(&self.ids).expect("ids serialise")
    }
}

/// An SQL aggregate, `claimdb_id_list(id)`: the integer ids of its rows as
/// one blob, eight little-endian bytes each, in the order they came.
struct IdList;

impl rusqlite::functions::Aggregate<Vec<u8>, Vec<u8>> for IdList {
    fn init(&self, _: &mut rusqlite::functions::Context<'_>) -> rusqlite::Result<Vec<u8>> {
        Ok(Vec::new())
    }

    fn step(&self, ctx: &mut rusqlite::functions::Context<'_>, list: &mut Vec<u8>) -> rusqlite::Result<()> {
        list.extend_from_slice(&ctx.get::<i64>(0)?.to_le_bytes());
        Ok(())
    }

    fn finalize(&self, _: &mut rusqlite::functions::Context<'_>, list: Option<Vec<u8>>) -> rusqlite::Result<Vec<u8>> {
        Ok(list.unwrap_or_default())
    }
}

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
