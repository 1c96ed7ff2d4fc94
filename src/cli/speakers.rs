//! `claimdb speakers`: list speakers with their statement counts; give a
//! speaker another name; merge two speakers into one.

use super::{Context, Outcome};
use crate::output::{self, Format, Rows};
use crate::store::Store;
use serde_json::json;

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub action: Option<Action>,
    /// Output format of the list.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Make ALIAS another name of the speaker NAME ("Marco Rubio" "Rubio").
    Alias { name: String, alias: String },
    /// Move every statement and alias of FROM to INTO, and remove FROM.
    Merge { from: String, into: String },
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    match args.action {
        None => list(&Store::open(&ctx.db)?, args.format)?,
        Some(Action::Alias { name, alias }) => {
            Store::open(&ctx.db)?.add_alias(&name, &alias)?;
            println!("'{alias}' now names '{name}'");
        }
        Some(Action::Merge { from, into }) => {
            let report = Store::open(&ctx.db)?.merge_speakers(&from, &into)?;
            println!(
                "merged '{}' into '{}': {} statements and {} aliases moved",
                report.from, report.into, report.statements, report.aliases
            );
        }
    }
    Ok(Outcome::Done)
}

fn list(store: &Store, format: Format) -> anyhow::Result<()> {
    let mut rows = Rows::new(&["id", "name", "kind", "role", "aliases", "statements"]);
    for speaker in store.speakers()? {
        let aliases = match format {
            Format::Json | Format::Jsonl => json!(speaker.aliases),
            _ => json!(speaker.aliases.join("; ")),
        };
        rows.push(vec![
            json!(speaker.id),
            json!(speaker.name),
            json!(speaker.kind),
            json!(speaker.role),
            aliases,
            json!(speaker.statements),
        ]);
    }
    if rows.rows.is_empty() {
        eprintln!("claimdb: no speakers yet");
    }
    output::print(&rows, format)?;
    Ok(())
}
