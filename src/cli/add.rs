//! `claimdb add`: record a claim by hand; prints its id.

use super::util::{date_arg, kind_arg, stance_arg};
use super::{Context, Outcome};
use crate::model::{Kind, SpeakerKind, Spans, Stance, Statement};
use chrono::NaiveDate;
use crate::store::{ManualSource, Store};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Who said it ("Marco Rubio"); an existing speaker is found by name or alias.
    #[arg(long)]
    pub speaker: String,
    /// What was said.
    #[arg(long)]
    pub text: String,
    /// support, oppose or neutral.
    #[arg(long, value_parser = stance_arg)]
    pub stance: Option<Stance>,
    /// The topic (created when new).
    #[arg(long)]
    pub topic: Option<String>,
    /// The day it was said, YYYY-MM-DD.
    #[arg(long, value_parser = date_arg)]
    pub date: Option<NaiveDate>,
    /// The reporting verb ("said", "denied").
    #[arg(long)]
    pub cue: Option<String>,
    /// The speaker's role or title ("U.S. Secretary of State").
    #[arg(long)]
    pub role: Option<String>,
    /// Where it was said or reported: a URL or a title.
    #[arg(long)]
    pub source: Option<String>,
    /// direct (quoted), indirect (paraphrased) or mixed.
    #[arg(long, value_parser = kind_arg, default_value = "indirect")]
    pub kind: Kind,
    /// The claim is hedged ("may", "reportedly").
    #[arg(long)]
    pub hedged: bool,
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let statement = Statement {
        speaker: args.speaker.trim().to_string(),
        speaker_kind: SpeakerKind::Unknown,
        speaker_mention: args.speaker.trim().to_string(),
        role: args.role,
        cue: args.cue.unwrap_or_default(),
        content: args.text,
        kind: args.kind,
        stance: args.stance.unwrap_or_default(),
        hedged: args.hedged,
        topic: args.topic,
        date: args.date,
        content_span: Spans::default(),
        source_span: None,
        cue_span: None,
        confidence: 1.0,
    };
    if statement.content.trim().is_empty() {
        anyhow::bail!("--text is empty: a claim needs its content");
    }
    let source = manual_source(args.source);
    let mut store = Store::open_or_create(&ctx.db)?;
    let id = store.add_statement(&statement, &source)?;
    println!("{id}");
    Ok(Outcome::Done)
}

/// A source that looks like a URL or a path is the statement's `doc`;
/// anything else is its title.
fn manual_source(source: Option<String>) -> ManualSource {
    match source {
        Some(s) if s.contains("://") || s.starts_with('/') => ManualSource { path: Some(s), title: None },
        Some(s) => ManualSource { path: None, title: Some(s) },
        None => ManualSource::default(),
    }
}
