//! `claimdb completions SHELL` and `claimdb man`: shell completions and a
//! man page, both generated from the command line's own definitions, so
//! they never fall behind it.

use super::{Cli, Outcome};
use clap::CommandFactory;
use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to complete for: bash, zsh, fish, elvish or powershell.
    /// (bash: `claimdb completions bash > ~/.local/share/bash-completion/completions/claimdb`)
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// A command whose page to print (`claimdb man query` is
    /// claimdb-query(1)); without one, claimdb(1), which lists them all.
    pub command: Option<String>,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "claimdb", &mut out);
    write_stdout(&out)
}

/// A man page in roff (`claimdb man > claimdb.1; man ./claimdb.1`).
pub fn run_man(args: ManArgs) -> anyhow::Result<Outcome> {
    let mut command = Cli::command();
    command.build();
    let page = match &args.command {
        None => command,
        Some(name) => {
            let Some(sub) = command.find_subcommand(name) else {
                Cli::command()
                    .error(clap::error::ErrorKind::InvalidValue, format!("no command named '{name}'"))
                    .exit();
            };
            // The page's name and its synopsis both read `claimdb-NAME`.
            let title: &'static str = format!("claimdb-{}", sub.get_name()).leak();
            sub.clone().name(title).bin_name(format!("claimdb {}", sub.get_name())).version(env!("CARGO_PKG_VERSION"))
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page).render(&mut out)?;
    write_stdout(&out)
}

fn write_stdout(bytes: &[u8]) -> anyhow::Result<Outcome> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(Outcome::Done),
        other => Ok(other.map(|()| Outcome::Done)?),
    }
}
