//! Turning the paths given on the command line into the files to read.
//!
//! A folder is walked recursively in sorted order (by file name, so the order
//! is the same on every machine), following symbolic links (loops are
//! reported, not followed). Only articles are taken: `.txt`, `.text`,
//! `.html`, `.htm`, `.xhtml`, `.jsonl`, `.ndjson`, `.json`; other files
//! (`.ann`, images, ...) and hidden entries (names starting with `.`) are
//! passed over silently. A file or `-` given by name is always kept, whatever
//! its extension; a path that does not exist is kept too, so that reading it
//! reports the error.

use super::{Format, Notice};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Expand the paths given (directories walked in sorted order, `-` as stdin)
/// into the files to read. A folder entry that cannot be listed is kept as a
/// path, so that reading it reports the OS error.
pub fn expand_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.as_os_str() != "-" && path.is_dir() {
            files.extend(walk(path).into_iter().map(|entry| match entry {
                Ok(file) => file,
                Err(notice) => PathBuf::from(notice.location),
            }));
        } else {
            files.push(path.clone());
        }
    }
    files
}

/// The article files under a folder, in sorted order, with a skipped notice
/// for each entry that could not be listed.
pub(super) fn walk(dir: &Path) -> Vec<Result<PathBuf, Notice>> {
    let is_hidden = |entry: &walkdir::DirEntry| entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.');
    WalkDir::new(dir)
        .follow_links(true)
        // By file name, compared as whole paths: siblings' paths are their
        // folder's path and their names, so the order is the same, without
        // parsing each path back to its name at every comparison.
        .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
        .into_iter()
        .filter_entry(|entry| !is_hidden(entry))
        .filter_map(|entry| match entry {
            Ok(entry) => {
                let is_article = entry.file_type().is_file() && Format::of_known_extension(entry.path()).is_some();
                is_article.then(|| Ok(entry.into_path()))
            }
            Err(e) => {
                let location = e.path().unwrap_or(dir).display().to_string();
                let reason = e.io_error().map_or_else(|| e.to_string(), |io| io.to_string());
                Some(Err(Notice::skipped(location, format!("cannot list: {reason}"))))
            }
        })
        .collect()
}
