//! `claimdb speakers`: list speakers with their statement counts, find the
//! ones a name means, list unresolved statements; correct who said what
//! (alias, merge, rename, split) and register known people (load). A speaker
//! is given by name, alias or id. Corrections are kept as rules: ingesting or
//! re-extracting the same articles again keeps them.

use super::{Context, Outcome};
use crate::error::Error;
use crate::model::{KnownSpeaker, SpeakerKind};
use crate::output::{self, Format, Rows};
use crate::store::Store;
use serde_json::json;
use std::path::Path;

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub action: Option<Action>,
    /// Only the speakers whose name or an alias holds these whole words, any
    /// case or accent ("clinton": Hillary and Bill Clinton, not "Clintonville").
    #[arg(long, value_name = "NAME")]
    pub search: Option<String>,
    /// List the statements whose speaker mention names nobody ("they", "it"),
    /// with the mention as written, instead of the speakers.
    #[arg(long, conflicts_with = "search")]
    pub unresolved: bool,
    /// Output format of the list.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Make ALIAS another name of SPEAKER ("Marco Rubio" "Sen. Rubio").
    Alias { speaker: String, alias: String },
    /// Move every statement and alias of FROM to INTO, and remove FROM; FROM's
    /// name finds INTO from then on.
    Merge { from: String, into: String },
    /// Give SPEAKER the name NEW_NAME; the old name stays an alias.
    Rename { speaker: String, new_name: String },
    /// Move the statements IDS to INTO (a new person of that name if there is
    /// none); re-extracting their documents keeps them there.
    Split {
        /// The speaker (name, alias or id) the statements belong to.
        #[arg(long)]
        into: String,
        /// Statement ids, as `query` shows them.
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// Register known speakers from FILE (.csv with a header row, or .jsonl):
    /// name, aliases (a list, or ';'-separated in CSV), kind (person,
    /// organization, group, document), role, wikidata ("Q22686"). Ingest finds
    /// them by these names first. A bad line changes nothing.
    Load { file: std::path::PathBuf },
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    match args.action {
        None if args.unresolved => list_unresolved(&Store::open_for_query(&ctx.db)?, args.format)?,
        None => {
            let store = Store::open_for_query(&ctx.db)?;
            let speakers = match &args.search {
                Some(name) => store.search_speakers(name)?,
                None => store.speakers()?,
            };
            list(&speakers, args.format)?;
        }
        Some(Action::Alias { speaker, alias }) => {
            Store::open(&ctx.db)?.add_alias(&speaker, &alias)?;
            println!("'{alias}' now names '{speaker}'");
        }
        Some(Action::Merge { from, into }) => {
            let report = Store::open(&ctx.db)?.merge_speakers(&from, &into)?;
            println!(
                "merged '{}' into '{}': {} statements and {} aliases moved",
                report.from, report.into, report.statements, report.aliases
            );
        }
        Some(Action::Rename { speaker, new_name }) => {
            let (old, new) = Store::open(&ctx.db)?.rename_speaker(&speaker, &new_name)?;
            println!("renamed '{old}' to '{new}'; '{old}' stays an alias");
        }
        Some(Action::Split { into, ids }) => {
            let (name, moved) = Store::open(&ctx.db)?.split_statements(&ids, &into)?;
            println!("moved {moved} statements to '{name}'");
        }
        Some(Action::Load { file }) => {
            let known = read_known_speakers(&file)?;
            let report = Store::open_or_create(&ctx.db)?.load_speakers(&file.display().to_string(), &known)?;
            println!(
                "{} speakers added, {} updated, {} aliases recorded from {}",
                report.added,
                report.updated,
                report.aliases,
                file.display()
            );
        }
    }
    Ok(Outcome::Done)
}

fn list(speakers: &[crate::store::SpeakerRow], format: Format) -> anyhow::Result<()> {
    let mut rows = Rows::new(&["id", "name", "kind", "role", "wikidata", "aliases", "statements"]);
    for speaker in speakers {
        let aliases = match format {
            Format::Json | Format::Jsonl => json!(speaker.aliases),
            _ => json!(speaker.aliases.join("; ")),
        };
        rows.push(vec![
            json!(speaker.id),
            json!(speaker.name),
            json!(speaker.kind),
            json!(speaker.role),
            json!(speaker.wikidata),
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

fn list_unresolved(store: &Store, format: Format) -> anyhow::Result<()> {
    let mut rows = Rows::new(&["id", "speaker_mention", "doc", "content"]);
    for (id, mention, doc, content) in store.unresolved_statements()? {
        rows.push(vec![json!(id), json!(mention), json!(doc), json!(content)]);
    }
    output::print(&rows, format)?;
    Ok(())
}

/// The speakers of a load file, each with its line number; the first bad
/// line is an error naming the file and line.
fn read_known_speakers(path: &Path) -> Result<Vec<(usize, KnownSpeaker)>, Error> {
    let text = std::fs::read_to_string(path).map_err(|cause| Error::Io { path: path.to_path_buf(), cause })?;
    let at = |line: usize, message: String| Error::InputLine { path: path.display().to_string(), line, message };
    let is_csv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let mut known = Vec::new();
    if is_csv {
        let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(text.as_bytes());
        let headers = reader.headers().map_err(|e| at(1, e.to_string()))?.clone();
        let column = |name: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
        let name_at = column("name").ok_or_else(|| at(1, "the header row has no 'name' column".into()))?;
        let (aliases_at, kind_at, role_at, wikidata_at) = (column("aliases"), column("kind"), column("role"), column("wikidata"));
        for (i, record) in reader.records().enumerate() {
            let line = i + 2;
            let record = record.map_err(|e| at(line, e.to_string()))?;
            let field = |k: Option<usize>| k.and_then(|k| record.get(k)).map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
            let speaker = KnownSpeaker {
                name: field(Some(name_at)).unwrap_or_default(),
                aliases: field(aliases_at).map(|a| a.split(';').map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect()).unwrap_or_default(),
                kind: match field(kind_at) {
                    Some(kind) => kind.parse().map_err(|e: String| at(line, e))?,
                    None => SpeakerKind::Unknown,
                },
                role: field(role_at),
                wikidata: field(wikidata_at),
            };
            known.push((line, checked(speaker).map_err(|m| at(line, m))?));
        }
    } else {
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            if raw.trim().is_empty() {
                continue;
            }
            let speaker: KnownSpeaker = serde_json::from_str(raw).map_err(|e| at(line, format!("not a speaker object: {e}")))?;
            known.push((line, checked(speaker).map_err(|m| at(line, m))?));
        }
    }
    if known.is_empty() {
        return Err(Error::Input { path: path.display().to_string(), message: "no speakers in the file".into() });
    }
    Ok(known)
}

/// A known speaker as the database may take it, or what is wrong with it.
fn checked(mut speaker: KnownSpeaker) -> Result<KnownSpeaker, String> {
    speaker.name = speaker.name.trim().to_string();
    if speaker.name.is_empty() {
        return Err("the speaker has no name".into());
    }
    if matches!(speaker.kind, SpeakerKind::Unresolved) {
        return Err("kind 'unresolved' is for statements with no speaker, not for a known one".into());
    }
    if let Some(id) = &speaker.wikidata {
        let digits = id.strip_prefix('Q').unwrap_or("");
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("wikidata id '{id}' is not of the form Q123"));
        }
    }
    Ok(speaker)
}
