//! Extraction throughput on the files given, in-process (no reading or
//! printing), best of five rounds. Not part of the build; run it with
//!   cp scripts/extract_speed.rs examples/ &&
//!   cargo run --release --example extract_speed -- /path/to/*.txt

use claimdb::extract::Extractor;
use claimdb::model::Document;
use std::time::Instant;

fn main() {
    let docs: Vec<Document> = std::env::args()
        .skip(1)
        .map(|p| Document { text: std::fs::read_to_string(&p).unwrap(), path: p, ..Document::default() })
        .collect();
    let mb = docs.iter().map(|d| d.text.len()).sum::<usize>() as f64 / 1e6;
    let extractor = Extractor::default();
    let mut best = f64::MAX;
    let mut found = 0;
    for _ in 0..5 {
        let t = Instant::now();
        found = docs.iter().map(|d| extractor.extract(d).len()).sum::<usize>();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!("{mb:.2} MB, {found} statements, {:.1} MB/s (best of 5, one core)", mb / best);
}
