//! Plain text with optional front matter.
//!
//! Front matter is recognised only at the very top of the file (after an
//! optional byte order mark): a line `---`, then `key: value` lines, then a
//! closing `---` (or `...`) line within the first [`MAX_FRONT_MATTER_LINES`]
//! lines, and the first non-blank line between the markers must look like
//! `key: value`. Otherwise the whole file is the text. Keys (case-insensitive):
//! `title`, `date`, `outlet` (or `source`, `publisher`, `site`), `url` (or
//! `link`), `author` (or `byline`); others are ignored. Values may be quoted.
//!
//! The document text is the body after the closing marker with leading blank
//! lines dropped (so the text starts at its first line of content); the rest
//! of the body is kept byte for byte. A file without front matter is kept
//! exactly as it is, with no whitespace, line ending or BOM change: PolNeAR's
//! gold offsets index the raw file text.

use super::{parse_date, Notice};
use crate::model::Document;

const MAX_FRONT_MATTER_LINES: usize = 200;

/// Turn the decoded text of a file into a document; `None` when there is no
/// text (empty, blank, or front matter only).
pub(super) fn read_text(mut content: String, location: &str, notices: &mut Vec<Notice>) -> Option<Document> {
    let mut doc = Document::default();
    if let Some(front) = find_front_matter(&content) {
        apply_front_matter(&mut doc, &content[front.fields.clone()], location, notices);
        content.drain(..front.body_start);
    }
    if content.trim().is_empty() {
        return None;
    }
    doc.text = content;
    Some(doc)
}

/// Where the front matter's fields and the body lie, in bytes.
struct FrontMatter {
    fields: std::ops::Range<usize>,
    body_start: usize,
}

fn find_front_matter(content: &str) -> Option<FrontMatter> {
    let start = if content.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let mut lines = lines_with_offsets(&content[start..]).map(|(at, line)| (at + start, line));
    let (_, first) = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let fields_start = start + first.len();
    let mut saw_field = false;
    for (at, line) in lines.take(MAX_FRONT_MATTER_LINES) {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            let body_start = skip_blank_lines(content, at + line.len());
            return Some(FrontMatter { fields: fields_start..at, body_start });
        }
        if !saw_field && !bare.trim().is_empty() {
            split_field(bare)?;
            saw_field = true;
        }
    }
    None
}

/// Lines with their byte offsets, each line keeping its line ending.
fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |at, line| {
        let here = *at;
        *at += line.len();
        Some((here, line))
    })
}

/// The offset of the first line from `at` that holds more than whitespace.
fn skip_blank_lines(content: &str, mut at: usize) -> usize {
    for line in content[at..].split_inclusive('\n') {
        if !line.trim().is_empty() {
            break;
        }
        at += line.len();
    }
    at
}

/// `key: value` split into a lower-case key and an unquoted value.
fn split_field(line: &str) -> Option<(String, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    let is_key = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == ':');
    if !is_key {
        return None;
    }
    Some((key.to_ascii_lowercase(), unquote(value.trim())))
}

fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(quote).and_then(|v| v.strip_suffix(quote)) {
            return inner;
        }
    }
    value
}

fn apply_front_matter(doc: &mut Document, fields: &str, location: &str, notices: &mut Vec<Notice>) {
    // Line 1 is the opening `---`.
    for (number, line) in (2..).zip(fields.lines()) {
        let line = line.trim_end();
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let here = format!("{location}:{number}");
        let Some((key, value)) = split_field(line) else {
            notices.push(Notice::warning(here, "front matter line is not `key: value`, ignored"));
            continue;
        };
        let value = (!value.is_empty()).then(|| value.to_string());
        match key.as_str() {
            "title" => doc.title = value,
            "outlet" | "source" | "publisher" | "site" => doc.outlet = value,
            "url" | "link" => doc.url = value,
            "author" | "byline" => doc.author = value,
            "date" => match value.as_deref().map(|v| (v, parse_date(v))) {
                Some((_, Some(date))) => doc.date = Some(date),
                Some((raw, None)) => notices.push(Notice::warning(
                    here,
                    format!("bad date '{raw}' in front matter (expected YYYY-MM-DD), ignored"),
                )),
                None => {}
            },
            _ => {}
        }
    }
}
