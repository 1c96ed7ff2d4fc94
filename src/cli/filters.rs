//! The statement filters `query` and `export` share: one place to add one.

use super::util::{parse_optional_date, parse_stance};
use crate::store::StatementFilter;

#[derive(Debug, Default, clap::Args)]
pub struct FilterArgs {
    /// Part of a speaker's name or alias, any case ("rubio").
    #[arg(long)]
    pub speaker: Option<String>,
    /// Part of a topic name, any case.
    #[arg(long)]
    pub topic: Option<String>,
    /// support, oppose or neutral.
    #[arg(long)]
    pub stance: Option<String>,
    /// Statements on or after this day (YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<String>,
    /// Statements on or before this day (YYYY-MM-DD).
    #[arg(long)]
    pub until: Option<String>,
    /// Full-text query (SQLite FTS5 syntax: words, "a phrase", OR, NOT, prefix*)
    /// over content and speaker names.
    #[arg(long)]
    pub search: Option<String>,
}

impl FilterArgs {
    /// Whether no filter was given (every statement matches).
    pub fn is_empty(&self) -> bool {
        self.speaker.is_none()
            && self.topic.is_none()
            && self.stance.is_none()
            && self.since.is_none()
            && self.until.is_none()
            && self.search.is_none()
    }

    /// The filter, its stance and dates checked; at most `limit` statements.
    pub fn to_filter(&self, limit: Option<u64>) -> anyhow::Result<StatementFilter> {
        Ok(StatementFilter {
            speaker: self.speaker.clone(),
            topic: self.topic.clone(),
            stance: parse_stance(self.stance.as_deref())?,
            since: parse_optional_date("--since", self.since.as_deref())?,
            until: parse_optional_date("--until", self.until.as_deref())?,
            search: self.search.clone(),
            limit,
        })
    }
}
