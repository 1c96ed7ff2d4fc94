//! Links the claimdb executable at a fixed address (not position
//! independent): each run then starts without the dynamic loader patching
//! ~29,000 pointers across 140 pages of tables, which was a fifth of the
//! CPU time of a one-row `query`. Only the final link changes: the crates
//! are compiled as before.
fn main() {
    println!("cargo:rustc-link-arg-bins=-no-pie");
}
