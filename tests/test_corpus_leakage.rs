//! No text of the evaluation corpus (PolNeAR, in `../shared/eval/*/text`)
//! may reach the repository: a rule or test written around a corpus
//! sentence would make the figures measured on that corpus flatter us. Any
//! run of 8 words (any case, punctuation ignored) found both in the corpus
//! and in `tests/`, `src/`, `data/` or `samples/` fails this test, naming
//! the file, the line and the words. Without the corpus beside the
//! repository the test says so and passes.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Words in a shingle: long enough that no two texts share one by chance
/// in ordinary prose, short enough to catch a copied clause.
const SHINGLE_WORDS: usize = 8;

/// The folders of the repository that must hold no corpus text.
const GUARDED: &[&str] = &["tests", "src", "data", "samples"];

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir`, recursively, in sorted order.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            match entry.file_type() {
                Ok(t) if t.is_dir() => pending.push(path),
                Ok(t) if t.is_file() => files.push(path),
                _ => {}
            }
        }
    }
    files.sort();
    files
}

/// The words of a text, lowercased, with where each starts (byte offset).
fn words(text: &str) -> Vec<(usize, String)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, text[s..i].to_lowercase()));
                start = None;
            }
            _ => {}
        }
    }
    words
}

/// A hash of each run of `SHINGLE_WORDS` words, with the run's first word.
fn shingles(words: &[(usize, String)]) -> impl Iterator<Item = (u64, usize)> + '_ {
    words.windows(SHINGLE_WORDS).enumerate().map(|(i, window)| {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for (_, word) in window {
            for byte in word.bytes().chain(std::iter::once(b' ')) {
                hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        (hash, i)
    })
}

#[test]
fn no_run_of_eight_words_from_the_evaluation_corpus_is_in_the_repository() {
    let eval = repository().join("../shared/eval");
    let corpus_files: Vec<PathBuf> = match std::fs::read_dir(&eval) {
        Ok(entries) => {
            let mut texts: Vec<PathBuf> = entries.flatten().map(|e| e.path().join("text")).filter(|p| p.is_dir()).collect();
            texts.sort();
            texts.iter().flat_map(|dir| files_under(dir)).collect()
        }
        Err(_) => Vec::new(),
    };
    if corpus_files.is_empty() {
        println!("note: no corpus at {} (*/text), corpus leakage not checked", eval.display());
        return;
    }
    // Shingle hash -> the corpus file it was first seen in.
    let mut corpus: HashMap<u64, usize> = HashMap::new();
    for (n, file) in corpus_files.iter().enumerate() {
        let text = String::from_utf8_lossy(&std::fs::read(file).unwrap()).into_owned();
        for (hash, _) in shingles(&words(&text)) {
            corpus.entry(hash).or_insert(n);
        }
    }
    assert!(corpus.len() > 100_000, "the corpus gave only {} shingles: is {} right?", corpus.len(), eval.display());

    let mut leaks = Vec::new();
    let mut seen = HashSet::new();
    for folder in GUARDED {
        for file in files_under(&repository().join(folder)) {
            let Ok(bytes) = std::fs::read(&file) else { continue };
            if bytes.contains(&0) {
                continue; // not text
            }
            let text = String::from_utf8_lossy(&bytes);
            let words = words(&text);
            for (hash, i) in shingles(&words) {
                let Some(&source) = corpus.get(&hash) else { continue };
                let start = words[i].0;
                let line = 1 + text[..start].matches('\n').count();
                let phrase: Vec<&str> = words[i..i + SHINGLE_WORDS].iter().map(|(_, w)| w.as_str()).collect();
                let shown = file.strip_prefix(repository()).unwrap_or(&file).display().to_string();
                if seen.insert((shown.clone(), line)) {
                    leaks.push(format!("{shown}:{line}: \"{}\" (also in {})", phrase.join(" "), corpus_files[source].display()));
                }
            }
        }
    }
    assert!(leaks.is_empty(), "corpus text in the repository:\n{}", leaks.join("\n"));
}

#[test]
fn shingles_ignore_case_and_punctuation_but_not_word_order() {
    let of = |text: &str| shingles(&words(text)).map(|(hash, _)| hash).collect::<Vec<_>>();
    let one = of("The mayor said, on Monday, that the bridge would open.");
    assert_eq!(one.len(), 10 - SHINGLE_WORDS + 1);
    assert_eq!(one, of("the MAYOR said on monday -- that the bridge would open"));
    assert_ne!(one, of("The mayor said on Monday that the bridge open would."));
    assert!(of("Too few words to make one.").is_empty());
}
