use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = claimdb::cli::Cli::parse();
    match claimdb::cli::run(cli) {
        Ok(outcome) => outcome.exit_code(),
        Err(err) => {
            eprintln!("claimdb: {err:#}");
            ExitCode::from(1)
        }
    }
}
