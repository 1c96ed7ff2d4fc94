//! The command line: one file per command, each starting with its arguments
//! (whose doc comments are the `--help` text) and a `run` function.

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

pub mod add;
pub mod completions;
pub mod edit;
pub mod export;
pub mod extract;
pub mod import;
pub mod ingest;
pub mod init;
pub mod interrupt;
pub mod query;
pub mod report;
pub mod show;
pub mod speakers;
pub mod topics;
mod util;

/// Who said what, when, and for or against what: a database of attributed
/// statements extracted from news articles.
#[derive(Debug, Parser)]
#[command(name = "claimdb", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// The claims database (an SQLite file; created by `init` or on first write).
    #[arg(long, global = true, env = "CLAIMDB_DB", default_value = "claims.db")]
    pub db: PathBuf,

    /// In CSV output, put a ' before cells starting with = + - @, which a
    /// spreadsheet would otherwise run as formulas. Off by default, so that
    /// CSV keeps every value as stored and `import` reads it back exactly.
    #[arg(long, global = true)]
    pub excel_safe: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the database, or migrate an older one in place.
    Init(init::Args),
    /// Read articles and store every attributed statement in them.
    Ingest(ingest::Args),
    /// Extract statements from articles and print them, without a database.
    Extract(extract::Args),
    /// Record a claim by hand; prints its id.
    Add(add::Args),
    /// Find statements by speaker, topic, stance, date and full text.
    Query(query::Args),
    /// List speakers, add aliases, merge two speakers into one.
    Speakers(speakers::Args),
    /// Show one statement with its document and the sentence it stands in.
    Show(show::Args),
    /// Correct a statement; an edited statement is never overwritten by ingest.
    Edit(edit::Args),
    /// Delete a statement.
    Delete(edit::DeleteArgs),
    /// Write every statement out (the columns of `query`).
    Export(export::Args),
    /// Read statements from a file in export's own format (.jsonl or .csv).
    Import(import::Args),
    /// Define topics and tag statements with them.
    Topics(topics::Args),
    /// Stance tables, timelines, shifts and disagreements.
    Report(report::Args),
    /// Print shell completions (bash, zsh, fish, ...) for claimdb.
    Completions(completions::Args),
    /// Print the man page (roff) of claimdb or of one of its commands.
    Man(completions::ManArgs),
}

impl Cli {
    /// The command line of this process, or exit as clap does on a usage
    /// mistake (code 2). `--db` is global, so that it may stand before or
    /// after the command; `extract`, which opens no database, refuses it
    /// rather than ignore it (the environment's CLAIMDB_DB is fine).
    pub fn parse_args() -> Cli {
        Self::parse_from_args(std::env::args_os())
    }

    pub fn parse_from_args<I, T>(args: I) -> Cli
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        let mut command = Cli::command();
        let matches = command.clone().get_matches_from(args);
        if let Some(("extract", sub)) = matches.subcommand() {
            if sub.value_source("db") == Some(clap::parser::ValueSource::CommandLine) {
                command.build();
                command
                    .find_subcommand_mut("extract")
                    .expect("extract is a command")
                    .error(clap::error::ErrorKind::ArgumentConflict, "extract reads no database: leave out --db")
                    .exit();
            }
        }
        Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
    }
}

/// What a command wants the process to exit with, beyond plain success.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything asked for was done.
    Done,
    /// The command finished, but some inputs were skipped (exit code 3), so a
    /// script can tell "all went in" from "most went in".
    Partial,
    /// The user pressed Ctrl-C; the command stopped cleanly after the
    /// document it was storing (exit code 130, as shells expect).
    Interrupted,
}

impl Outcome {
    pub fn exit_code(self) -> ExitCode {
        match self {
            Outcome::Done => ExitCode::SUCCESS,
            Outcome::Partial => ExitCode::from(3),
            Outcome::Interrupted => ExitCode::from(interrupt::EXIT_CODE),
        }
    }
}

/// What every command is handed besides its own arguments.
#[derive(Debug, Clone)]
pub struct Context {
    pub db: PathBuf,
}

pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    crate::output::set_excel_safe_csv(cli.excel_safe);
    let ctx = Context { db: cli.db };
    run_command(cli.command, &ctx).map_err(|err| {
        // A bare SQLite error (disk full, read-only) gets the database's name.
        if !matches!(err.downcast_ref(), Some(crate::error::Error::Sqlite(_))) {
            return err;
        }
        match err.downcast::<crate::error::Error>() {
            Ok(err) => crate::store::name_database(&ctx.db, err).into(),
            Err(err) => err,
        }
    })
}

fn run_command(command: Command, ctx: &Context) -> anyhow::Result<Outcome> {
    match command {
        Command::Init(args) => init::run(args, ctx),
        Command::Ingest(args) => ingest::run(args, ctx),
        Command::Extract(args) => extract::run(args, ctx),
        Command::Add(args) => add::run(args, ctx),
        Command::Query(args) => query::run(args, ctx),
        Command::Speakers(args) => speakers::run(args, ctx),
        Command::Show(args) => show::run(args, ctx),
        Command::Edit(args) => edit::run(args, ctx),
        Command::Delete(args) => edit::run_delete(args, ctx),
        Command::Export(args) => export::run(args, ctx),
        Command::Import(args) => import::run(args, ctx),
        Command::Topics(args) => topics::run(args, ctx),
        Command::Report(args) => report::run(args, ctx),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => completions::run_man(args),
    }
}
