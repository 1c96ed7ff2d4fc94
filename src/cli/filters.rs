//! The statement filters `query`, `export` and `report` share: one place
//! to add one.

use super::util::{date_arg, stance_arg};
use crate::model::Stance;
use crate::store::StatementFilter;
use chrono::NaiveDate;

/// Who, on what, and when: the filters every listing of statements takes
/// (`query`, `export` and each `report`), so that they read and behave the
/// same everywhere.
#[derive(Debug, Default, Clone, clap::Args)]
pub struct ScopeArgs {
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
    /// Statements on or after this day (YYYY-MM-DD).
    #[arg(long, value_parser = date_arg)]
    pub since: Option<NaiveDate>,
    /// Statements on or before this day (YYYY-MM-DD).
    #[arg(long, value_parser = date_arg)]
    pub until: Option<NaiveDate>,
}

impl ScopeArgs {
    fn is_empty(&self) -> bool {
        self.speaker.is_none() && self.speaker_id.is_none() && self.topic.is_none() && self.since.is_none() && self.until.is_none()
    }
}

/// `query`'s and `export`'s filters: the scope, a stance and full text.
#[derive(Debug, Default, clap::Args)]
pub struct FilterArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// support, oppose or neutral.
    #[arg(long, value_parser = stance_arg)]
    pub stance: Option<Stance>,
    /// Full-text query (SQLite FTS5 syntax: words, "a phrase", OR, NOT, prefix*)
    /// over content and speaker names.
    #[arg(long)]
    pub search: Option<String>,
}

impl FilterArgs {
    /// Whether no filter was given (every statement matches).
    pub fn is_empty(&self) -> bool {
        self.scope.is_empty() && self.stance.is_none() && self.search.is_none()
    }

    /// The filter, for at most `limit` statements.
    pub fn to_filter(&self, limit: Option<u64>) -> StatementFilter {
        StatementFilter {
            speaker: self.scope.speaker.clone(),
            speaker_id: self.scope.speaker_id,
            topic: self.scope.topic.clone(),
            stance: self.stance,
            since: self.scope.since,
            until: self.scope.until,
            search: self.search.clone(),
            limit,
        }
    }
}
