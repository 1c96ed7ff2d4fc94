use std::process::ExitCode;

/// mimalloc rather than the system allocator: extraction makes and drops
/// many small strings, and glibc's malloc and free were a tenth of the
/// instructions of `extract`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = claimdb::cli::Cli::parse_args();
    match claimdb::cli::run(cli) {
        Ok(outcome) => outcome.exit_code(),
        Err(err) => {
            eprintln!("claimdb: {err:#}");
            ExitCode::from(1)
        }
    }
}
