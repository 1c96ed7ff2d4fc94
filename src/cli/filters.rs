//! The statement filters `query` and `export` share: one place to add one.

use super::util::{date_arg, stance_arg};
use crate::model::Stance;
use crate::store::StatementFilter;
use chrono::NaiveDate;

#[derive(Debug, Default, clap::Args)]
pub struct FilterArgs {
    /// Whole words of a speaker's name or alias, any case or accent ("ryan"
    /// finds Paul Ryan, not Craig Bryan; "clinton" every Clinton: the speaker
    /// column tells them apart, `speakers --search` lists them).
    #[arg(long)]
    pub speaker: Option<String>,
    /// One speaker record, by the id `speakers` shows.
    #[arg(long, value_name = "ID")]
    pub speaker_id: Option<i64>,
    /// Part of a topic name, any case.
    #[arg(long)]
    pub topic: Option<String>,
    /// support, oppose or neutral.
    #[arg(long, value_parser = stance_arg)]
    pub stance: Option<Stance>,
    /// Statements on or after this day (YYYY-MM-DD).
    #[arg(long, value_parser = date_arg)]
    pub since: Option<NaiveDate>,
    /// Statements on or before this day (YYYY-MM-DD).
    #[arg(long, value_parser = date_arg)]
    pub until: Option<NaiveDate>,
    /// Full-text query (SQLite FTS5 syntax: words, "a phrase", OR, NOT, prefix*)
    /// over content and speaker names.
    #[arg(long)]
    pub search: Option<String>,
}

impl FilterArgs {
    /// Whether no filter was given (every statement matches).
    pub fn is_empty(&self) -> bool {
        self.speaker.is_none()
            && self.speaker_id.is_none()
            && self.topic.is_none()
            && self.stance.is_none()
            && self.since.is_none()
            && self.until.is_none()
            && self.search.is_none()
    }

    /// The filter, for at most `limit` statements.
    pub fn to_filter(&self, limit: Option<u64>) -> StatementFilter {
        StatementFilter {
            speaker: self.speaker.clone(),
            speaker_id: self.speaker_id,
            topic: self.topic.clone(),
            stance: self.stance,
            since: self.since,
            until: self.until,
            search: self.search.clone(),
            limit,
        }
    }
}
