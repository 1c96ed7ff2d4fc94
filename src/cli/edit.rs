//! `claimdb edit ID` and `claimdb delete ID`: a person's corrections. An
//! edited statement is marked `edited`, and ingesting its document again
//! never overwrites it.

use super::util::{date_arg, kind_arg, stance_arg};
use crate::model::{Kind, Stance};
use chrono::NaiveDate;
use super::{Context, Outcome};
use crate::store::{StatementEdit, Store};

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("change").required(true).multiple(true)
    .args(["stance", "topic", "speaker", "content", "date", "cue", "role", "kind", "hedged"])))]
pub struct Args {
    /// The statement's id.
    pub id: i64,
    /// support, oppose or neutral.
    #[arg(long, value_parser = stance_arg)]
    pub stance: Option<Stance>,
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
    #[arg(long, value_parser = date_arg)]
    pub date: Option<NaiveDate>,
    /// The reporting verb.
    #[arg(long)]
    pub cue: Option<String>,
    /// The speaker's role or title with this statement.
    #[arg(long)]
    pub role: Option<String>,
    /// direct, indirect or mixed.
    #[arg(long, value_parser = kind_arg)]
    pub kind: Option<Kind>,
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
        stance: args.stance,
        topic: args.topic,
        date: args.date,
        cue: args.cue,
        role: args.role,
        kind: args.kind,
        hedged: args.hedged,
    };
    Store::open(&ctx.db)?.edit_statement(args.id, &edit)?;
    println!("edited statement {}", args.id);
    Ok(Outcome::Done)
}

pub fn run_delete(args: DeleteArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    Store::open(&ctx.db)?.delete_statement(args.id)?;
    println!("deleted statement {}", args.id);
    Ok(Outcome::Done)
}
