//! `claimdb edit ID` and `claimdb delete ID`: a person's corrections. An
//! edited statement is marked `edited`, and ingesting its document again
//! never overwrites it.

use super::util::{parse_kind, parse_optional_date, parse_stance};
use super::{Context, Outcome};
use crate::store::{StatementEdit, Store};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The statement's id.
    pub id: i64,
    /// support, oppose or neutral.
    #[arg(long)]
    pub stance: Option<String>,
    /// The statement's topic (created when new).
    #[arg(long)]
    pub topic: Option<String>,
    /// Who said it (an existing speaker's name or alias, or a new speaker).
    #[arg(long)]
    pub speaker: Option<String>,
    /// What was said.
    #[arg(long)]
    pub content: Option<String>,
    /// The day it was said, YYYY-MM-DD.
    #[arg(long)]
    pub date: Option<String>,
    /// The reporting verb.
    #[arg(long)]
    pub cue: Option<String>,
    /// The speaker's role or title with this statement.
    #[arg(long)]
    pub role: Option<String>,
    /// direct, indirect or mixed.
    #[arg(long)]
    pub kind: Option<String>,
    /// Whether the claim is hedged.
    #[arg(long)]
    pub hedged: Option<bool>,
}

#[derive(Debug, clap::Args)]
pub struct DeleteArgs {
    /// The statement's id.
    pub id: i64,
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let edit = StatementEdit {
        speaker: args.speaker,
        content: args.content,
        stance: parse_stance(args.stance.as_deref())?,
        topic: args.topic,
        date: parse_optional_date("--date", args.date.as_deref())?,
        cue: args.cue,
        role: args.role,
        kind: parse_kind(args.kind.as_deref())?,
        hedged: args.hedged,
    };
    if edit.is_empty() {
        anyhow::bail!("nothing to change: give at least one of --stance, --topic, --speaker, --content, --date, --cue, --role, --kind, --hedged");
    }
    Store::open(&ctx.db)?.edit_statement(args.id, &edit)?;
    println!("edited statement {}", args.id);
    Ok(Outcome::Done)
}

pub fn run_delete(args: DeleteArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    Store::open(&ctx.db)?.delete_statement(args.id)?;
    println!("deleted statement {}", args.id);
    Ok(Outcome::Done)
}
