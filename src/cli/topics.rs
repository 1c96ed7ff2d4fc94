//! `claimdb topics`: define topics by their keywords, list them with their
//! statement counts, remove them, load many from a file, re-tag stored
//! statements after a change (`topics apply`), and mine the stored
//! statements for recurring issues (`topics suggest [--apply]`).
//!
//! `topics apply` re-tags only extracted statements; a statement a person
//! recorded (`add`, `import` of manual rows) or corrected (`edit`) keeps the
//! topic the person gave it.

use super::{Context, Outcome};
use crate::error::Error;
use crate::extract::topic_suggest::{self, SuggestOptions};
use crate::extract::topics::{TopicDef, TopicMatcher};
use crate::output::{self, Format, Rows};
use crate::store::{Store, TopicChange};
use serde_json::json;
use std::path::{Path, PathBuf};

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
    /// List topics with their keywords and statement counts (the default):
    /// defined topics in the order they were made, then automatic ones, most
    /// statements first.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Define a topic, or replace the keywords of one (an automatic topic of
    /// that name becomes a defined one).
    Add {
        name: String,
        /// Comma-separated keywords: "territory, Donetsk, Luhansk, cede".
        /// Matching ignores case and takes simple inflections (cede: ceded, ceding).
        #[arg(long, required = true)]
        keywords: String,
    },
    /// Remove a topic; its statements lose that tag.
    Remove { name: String },
    /// Re-tag every extracted statement with the current topics: the defined
    /// topic whose keywords it mentions most, else an automatic candidate
    /// from its key noun phrase. Manual and edited statements stay as they are.
    Apply,
    /// Suggest topics from the stored statements: phrases that many
    /// statements in several documents use, but not nearly every document,
    /// variants merged ("email server", "private email server", "emails").
    /// With --apply, define them and re-tag the stored statements.
    Suggest {
        /// At most this many suggestions.
        #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..))]
        limit: u32,
        /// A phrase must be used in at least this many documents.
        #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..))]
        min_documents: u32,
        /// Define the suggested topics (replacing the keywords of a topic of
        /// the same name) and re-tag the stored statements.
        #[arg(long)]
        apply: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Define the topics of a file: one `name: keyword, keyword` (or
    /// `name<TAB>keyword, keyword`) a line; `#` starts a comment.
    Load { file: PathBuf },
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    match args.action {
        None => list(&Store::open(&ctx.db)?, args.format)?,
        Some(Action::List { format }) => list(&Store::open(&ctx.db)?, format)?,
        Some(Action::Add { name, keywords }) => add(ctx, &name, &keywords)?,
        Some(Action::Remove { name }) => {
            let (name, statements) = Store::open(&ctx.db)?.remove_topic(&name)?;
            println!("removed topic '{name}' ({statements} statements untagged)");
        }
        Some(Action::Apply) => apply(ctx)?,
        Some(Action::Load { file }) => load(ctx, &file)?,
        Some(Action::Suggest { limit, min_documents, apply, format }) => {
            let options = SuggestOptions { limit: limit as usize, min_documents: min_documents as usize, ..Default::default() };
            suggest(ctx, options, apply, format)?
        }
    }
    Ok(Outcome::Done)
}

fn list(store: &Store, format: Format) -> anyhow::Result<()> {
    let mut rows = Rows::new(&["id", "name", "keywords", "automatic", "statements"]);
    for topic in store.topics()? {
        let keywords = match format {
            Format::Json | Format::Jsonl => json!(topic.keywords),
            _ => json!(topic.keywords.join(", ")),
        };
        rows.push(vec![json!(topic.id), json!(topic.name), keywords, json!(topic.automatic), json!(topic.statements)]);
    }
    if rows.rows.is_empty() {
        eprintln!("claimdb: no topics yet");
    }
    output::print(&rows, format)?;
    Ok(())
}

fn add(ctx: &Context, name: &str, keywords: &str) -> anyhow::Result<()> {
    let def = TopicDef::from_keyword_list(name, keywords);
    if def.keywords.is_empty() {
        return Err(Error::invalid(format!("topic '{}': --keywords has no keyword (give a comma-separated list)", def.name)).into());
    }
    let change = Store::open_or_create(&ctx.db)?.define_topic(&def)?;
    let verb = match change {
        TopicChange::Added => "added",
        TopicChange::Updated => "updated",
    };
    println!(
        "{verb} topic '{}' ({} keywords); `claimdb topics apply` re-tags stored statements",
        def.name,
        def.keywords.len()
    );
    Ok(())
}

fn apply(ctx: &Context) -> anyhow::Result<()> {
    let mut store = Store::open(&ctx.db)?;
    let matcher = TopicMatcher::new(store.topic_defs()?);
    let report = store.apply_topics(|content| matcher.tag(content))?;
    println!(
        "re-tagged {} of {} extracted statements ({} manual or edited kept, {} unused automatic topics removed)",
        report.changed, report.examined, report.kept, report.pruned
    );
    Ok(())
}

fn suggest(ctx: &Context, options: SuggestOptions, apply: bool, format: Format) -> anyhow::Result<()> {
    let store = Store::open(&ctx.db)?;
    let suggestions = topic_suggest::suggest(&store.statement_contents()?, options);
    drop(store);
    let mut rows = Rows::new(&["name", "keywords", "statements", "documents", "score"]);
    for s in &suggestions {
        let keywords = match format {
            Format::Json | Format::Jsonl => json!(s.keywords),
            _ => json!(s.keywords.join(", ")),
        };
        rows.push(vec![json!(s.name), keywords, json!(s.statements), json!(s.documents), json!((s.score * 100.0).round() / 100.0)]);
    }
    output::print(&rows, format)?;
    if apply && !suggestions.is_empty() {
        let defs: Vec<TopicDef> = suggestions.iter().map(|s| s.to_def()).collect();
        let mut store = Store::open(&ctx.db)?;
        let (added, updated) = store.define_topics(&defs)?;
        let matcher = TopicMatcher::new(store.topic_defs()?);
        let report = store.apply_topics(|content| matcher.tag(content))?;
        eprintln!(
            "{added} topics added, {updated} updated; re-tagged {} of {} extracted statements",
            report.changed, report.examined
        );
    }
    Ok(())
}

fn load(ctx: &Context, file: &Path) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(file).map_err(|e| Error::io(file, e))?;
    let defs = parse_topic_file(&file.display().to_string(), &text)?;
    let (added, updated) = Store::open_or_create(&ctx.db)?.define_topics(&defs)?;
    println!("{added} topics added, {updated} updated from {}", file.display());
    Ok(())
}

/// Topics from a file of `name: keywords` or `name<TAB>keywords` lines.
/// Every line is checked before any topic is stored; an error names the file
/// and line.
pub fn parse_topic_file(file: &str, text: &str) -> Result<Vec<TopicDef>, Error> {
    let mut defs: Vec<TopicDef> = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line_error = |message: String| Error::InputLine { path: file.to_string(), line: index + 1, message };
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((name, keywords)) = line.split_once('\t').or_else(|| line.split_once(':')) else {
            return Err(line_error(format!(
                "expected `name: keyword, keyword` (or name, a tab, keywords), found '{line}'"
            )));
        };
        let def = TopicDef::from_keyword_list(name, keywords);
        if def.name.is_empty() {
            return Err(line_error("the topic has no name".into()));
        }
        if def.keywords.is_empty() {
            return Err(line_error(format!("topic '{}' has no keywords", def.name)));
        }
        if defs.iter().any(|d| d.name.eq_ignore_ascii_case(&def.name)) {
            return Err(line_error(format!("topic '{}' is defined twice", def.name)));
        }
        defs.push(def);
    }
    Ok(defs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_topic_file_takes_colons_tabs_and_comments() {
        let text = "# beats\nterritory: territory, Donetsk, cede\n\nsanctions\tsanctions, oil price cap\n";
        let defs = parse_topic_file("topics.txt", text).unwrap();
        assert_eq!(defs[0], TopicDef::from_keyword_list("territory", "territory, Donetsk, cede"));
        assert_eq!(defs[1].name, "sanctions");
        assert_eq!(defs[1].keywords, vec!["sanctions", "oil price cap"]);
    }

    #[test]
    fn a_line_without_keywords_names_file_and_line() {
        let err = parse_topic_file("topics.txt", "territory: cede\n\nceasefire:\n").unwrap_err();
        assert_eq!(err.to_string(), "topics.txt:3: topic 'ceasefire' has no keywords");
        let err = parse_topic_file("topics.txt", "just words\n").unwrap_err();
        assert!(err.to_string().starts_with("topics.txt:1: expected `name: keyword"), "{err}");
    }

    #[test]
    fn a_topic_defined_twice_is_an_error() {
        let err = parse_topic_file("t.tsv", "tax: tax\nTax: levy\n").unwrap_err();
        assert_eq!(err.to_string(), "t.tsv:2: topic 'Tax' is defined twice");
    }
}
