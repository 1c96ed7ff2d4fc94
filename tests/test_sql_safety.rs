//! Every SQL statement takes its values as bound parameters: no SQL text is
//! ever put together with `format!` (a name or a search typed by a user could
//! otherwise change the statement). Checked over the source, so a new
//! `format!`-built statement fails CI.

mod common;

use common::Workdir;
use std::path::Path;

const SQL_WORDS: &[&str] = &["SELECT ", "INSERT ", "UPDATE ", "DELETE ", "PRAGMA ", "CREATE ", "DROP ", " WHERE ", " MATCH "];

/// The text of every `format!(...)` call in `source`, with its line number.
fn format_calls(source: &str) -> Vec<(usize, String)> {
    let mut calls = Vec::new();
    for (at, _) in source.match_indices("format!(") {
        let mut depth = 0;
        let mut end = source.len();
        for (i, c) in source[at..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = at + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        let line = source[..at].matches('\n').count() + 1;
        calls.push((line, source[at..end].to_string()));
    }
    calls
}

fn rust_files(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

#[test]
fn no_sql_is_built_with_format() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    assert!(files.iter().any(|f| f.ends_with("store/statements/plan.rs")), "the store's sources are checked");
    let mut offenders = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap();
        for (line, call) in format_calls(&source) {
            if SQL_WORDS.iter().any(|word| call.contains(word)) {
                offenders.push(format!("{}:{line}: {call}", file.display()));
            }
        }
    }
    assert!(offenders.is_empty(), "SQL built with format! (bind the values instead):\n{}", offenders.join("\n"));
}

#[test]
fn the_check_catches_sql_built_with_format() {
    let source = "let a = 1;\nlet sql = format!(\"SELECT * FROM t WHERE name = '{}'\", name);\n";
    let calls = format_calls(source);
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].0, 2);
    assert!(SQL_WORDS.iter().any(|w| calls[0].1.contains(w)));
}

#[test]
fn quotes_and_sql_in_user_text_are_only_text() {
    let wd = Workdir::new();
    let hostile = "Robert'); DROP TABLE statements; --";
    wd.add(&["--speaker", hostile, "--text", "It's \"fine\"; DELETE FROM speakers;", "--topic", "x' OR '1'='1"]);
    wd.add(&["--speaker", "Ada Park", "--text", "The bridge will open."]);
    assert_eq!(wd.query_json(&["--speaker", hostile]).len(), 1);
    assert_eq!(wd.query_json(&["--topic", "x' OR '1'='1"]).len(), 1);
    assert_eq!(wd.query_json(&["--speaker", "%"]).len(), 0, "% is a character, not a wildcard");
    let err = wd.error(&["query", "--search", hostile]);
    assert!(err.starts_with(&format!("claimdb: --search '{hostile}' is not a valid full-text query")), "{err}");
    assert_eq!(wd.query_json(&[]).len(), 2, "both statements still there");
}
