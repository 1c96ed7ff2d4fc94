//! Compare sentence splitting speed: our splitter against the sentencex
//! crate, on the files given. Not part of the build; run it with
//!   cargo run --release --example sentence_speed -- /path/to/*.txt
//! after copying it to examples/ (kept here so the test suite never runs it).

use std::time::Instant;

fn main() {
    let texts: Vec<String> = std::env::args().skip(1).map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;
    let t = Instant::now();
    let ours: usize = texts.iter().map(|t| claimdb::extract::sentences::split_sentences(t).len()).sum();
    let ours_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let theirs: usize = texts.iter().map(|t| sentencex::segment("en", t).len()).sum();
    let theirs_s = t.elapsed().as_secs_f64();
    println!("{mb:.1} MB: ours {ours} sentences, {:.0} MB/s; sentencex {theirs} sentences, {:.1} MB/s", mb / ours_s, mb / theirs_s);
}
