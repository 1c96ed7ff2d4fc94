//! Links the claimdb executable at a fixed address (not position
//! independent): each run then starts without the dynamic loader patching
//! ~29,000 pointers across 140 pages of tables, which was a fifth of the
//! CPU time of a one-row `query`. Only the final link changes: the crates
//! are compiled as before.
//!
//! The price is that the executable's own code and data are not placed at
//! a random address (libraries, stack and heap still are). claimdb is safe
//! Rust over its inputs apart from SQLite's C, so we take the start-up time;
//! set CLAIMDB_PIE=1 at build time to link as position independent.
//! Only GNU-style linkers on Linux take `-no-pie`.
fn main() {
    println!("cargo:rerun-if-env-changed=CLAIMDB_PIE");
    let linux = std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux");
    if linux && std::env::var_os("CLAIMDB_PIE").is_none() {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
