//! The readers on any bytes, as a .txt (front matter), .html and .jsonl file:
//! no panic, every article has text, every JSONL article and notice names a
//! line of the input.
#![no_main]

use claimdb::extract::read::{read_bytes, Format, Item, Overrides};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let overrides = Overrides::default();
    for format in [Format::Text, Format::Html, Format::Jsonl] {
        for item in read_bytes(bytes, "fuzz", format, &overrides) {
            match item {
                Item::Article(doc) => {
                    assert!(!doc.text.trim().is_empty(), "{format:?}: an article without text");
                    if format == Format::Jsonl {
                        let line: usize = doc.path.strip_prefix("fuzz:").expect("path:LINE").parse().unwrap();
                        assert!(line >= 1 && line <= bytes.split(|&b| b == b'\n').count());
                    }
                }
                Item::Notice(notice) => assert!(notice.location.starts_with("fuzz"), "{notice:?}"),
            }
        }
    }
});
