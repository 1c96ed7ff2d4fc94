//! Listing keys: the full-text rowid of a statement in listing order (see
//! `statement_search` in schema.sql), and the id lists SQL hands back; what
//! the plan and the walks both read.

use chrono::NaiveDate;

/// The full-text rowid of a statement in listing order: day slot * 2^40 + id
/// (see `statement_search` in schema.sql). Every such key is at least this.
pub(super) const LISTING_KEY_FIRST: i64 = 1 << 40;

/// The statement id in the low bits of a listing key.
pub(super) const LISTING_ID_MASK: i64 = (1 << 40) - 1;

/// The listing keys from the first statement on `since` (or the first of
/// all) to before the first after `until` (or past every key).
#[derive(Debug, Clone, Copy)]
pub(super) struct ListingKeys {
    pub(super) from: i64,
    pub(super) to: i64,
}

impl ListingKeys {
    /// None when a date lies outside the years 0 to 9999 that keys cover
    /// (such a bound compares as text with the stored dates).
    pub(super) fn between(since: Option<NaiveDate>, until: Option<NaiveDate>) -> Option<ListingKeys> {
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
    pub(super) fn day_start(day: NaiveDate) -> Option<i64> {
        if !(0..=9999).contains(&chrono::Datelike::year(&day)) {
            return None;
        }
        let slot = i64::from(chrono::Datelike::num_days_from_ce(&day)) + 365 + 2;
        Some(slot << 40)
    }
}

/// An SQL aggregate, `claimdb_id_list(id)`: the integer ids of its rows as
/// one blob, eight little-endian bytes each, in the order they came.
pub(super) struct IdList;

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
