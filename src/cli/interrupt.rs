//! Ctrl-C during a long command. The first press only raises a flag: the
//! command finishes the document it is storing (one transaction), says how far
//! it got and exits with 130, so nothing is half-stored and running the same
//! command again continues where it stopped. A second press exits at once
//! (SQLite rolls back the open transaction, so even that stores nothing half).

use std::sync::atomic::{AtomicBool, Ordering};

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// The exit code of a command stopped by Ctrl-C (128 + SIGINT), as shells use.
pub const EXIT_CODE: u8 = 130;

/// Catch Ctrl-C (SIGINT, and SIGTERM) from now on. Safe to call more than once.
pub fn catch() {
    // Fails only when a handler is already set, which is then ours.
    let _ = ctrlc::set_handler(|| {
        if REQUESTED.swap(true, Ordering::SeqCst) {
            std::process::exit(i32::from(EXIT_CODE));
        }
    });
}

/// Has the user asked the command to stop?
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}
