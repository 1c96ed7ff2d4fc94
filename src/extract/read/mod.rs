//! Reading articles: plain text with optional `---` front matter, HTML pages,
//! JSON Lines of articles; files, folders (walked) and `-` for standard input.
//!
//! Every input becomes a stream of [`Item`]s: articles, and notices about what
//! could not be read (skipped) or was read with a caveat (warnings). Nothing
//! here panics on bad input and nothing is read whole when it need not be:
//! [`read_items`] streams a JSONL file line by line, so a file of any size
//! costs one article of memory at a time. [`read_path`] collects the same
//! stream into a `Vec` for callers that want it all at once.
//!
//! Formats, chosen by extension: `.txt` (and any other or no extension given
//! by name) is plain text ([`text`]); `.html`/`.htm` is a web page ([`html`]);
//! `.jsonl`/`.ndjson`/`.json` is JSON Lines ([`jsonl`]). A folder is walked in
//! sorted order taking only those extensions ([`walk`]).
//!
//! Dates: an override wins; else the file's own metadata (front matter, meta
//! tags, JSON field); else a `YYYY-MM-DD` in the file name; else `None`.

mod html;
mod jsonl;
mod nesting;
mod text;
mod utf16;
mod walk;

use crate::model::Document;
use chrono::{DateTime, Datelike, NaiveDate};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

pub use jsonl::JsonlItems;
pub use text::headline;
pub use walk::expand_paths;

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

impl Notice {
    pub fn skipped(location: impl Into<String>, message: impl Into<String>) -> Self {
        Notice { location: location.into(), message: message.into(), skipped: true }
    }

    pub fn warning(location: impl Into<String>, message: impl Into<String>) -> Self {
        Notice { location: location.into(), message: message.into(), skipped: false }
    }
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = if self.skipped { "skipped" } else { "warning" };
        write!(f, "{}: {} ({what})", self.location, self.message)
    }
}

/// One item read from the inputs: an article, or a notice about one.
#[derive(Debug)]
pub enum Item {
    Article(Document),
    Notice(Notice),
}

/// How many bytes at the start of a file are searched for NUL bytes to tell a
/// binary file from text.
const BINARY_SNIFF_LEN: usize = 8 * 1024;

/// The input formats, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Jsonl,
}

impl Format {
    /// The format of a file given by name: unknown extensions are plain text
    /// (the user asked for that file).
    pub fn of_path(path: &Path) -> Format {
        Format::of_known_extension(path).unwrap_or(Format::Text)
    }

    /// The format of a file found while walking a folder, `None` for files
    /// that are not articles (`.ann`, images, ...).
    pub fn of_known_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" | "json" => Some(Format::Jsonl),
            _ => None,
        }
    }
}

/// Read every article from one path (a file, a folder or `-`), collected.
/// Same items, same order as [`read_items`].
pub fn read_path(path: &Path, overrides: &Overrides) -> Vec<Item> {
    read_items(path, overrides).collect()
}

/// Read every article from several paths, in order, as one stream.
pub fn read_paths<'a>(paths: &'a [PathBuf], overrides: &'a Overrides) -> impl Iterator<Item = Item> + 'a {
    paths.iter().flat_map(move |path| read_items(path, overrides))
}

/// Read every article from one path as a stream: a JSONL file is read one
/// line at a time (memory stays at one article however big the file is);
/// other files are read whole, one file at a time.
pub fn read_items(path: &Path, overrides: &Overrides) -> Box<dyn Iterator<Item = Item>> {
    if path.as_os_str() == "-" {
        return Box::new(read_stdin(overrides).into_iter());
    }
    if path.is_dir() {
        let overrides = overrides.clone();
        return Box::new(walk::walk(path).into_iter().flat_map(move |entry| match entry {
            Ok(file) => read_file(&file, &overrides),
            Err(notice) => Box::new(std::iter::once(Item::Notice(notice))),
        }));
    }
    read_file(path, overrides)
}

/// Read one file in the format its extension names.
fn read_file(path: &Path, overrides: &Overrides) -> Box<dyn Iterator<Item = Item>> {
    let location = path.display().to_string();
    let reader = match open_text(path, &location) {
        Ok(reader) => reader,
        Err(notice) => return Box::new(std::iter::once(Item::Notice(notice))),
    };
    match Format::of_path(path) {
        Format::Jsonl => Box::new(JsonlItems::new(reader, location, file_name_date(path), overrides.clone())),
        format => Box::new(read_whole(reader, &location, path, format, overrides).into_iter()),
    }
}

/// Read standard input as plain text with optional front matter.
fn read_stdin(overrides: &Overrides) -> Vec<Item> {
    read_text_from(Box::new(io::stdin().lock()), "-", overrides)
}

/// Read bytes held in memory as a file of `format` named `location` would be
/// read: the same checks, notices and documents (what the fuzz targets drive).
pub fn read_bytes(bytes: &[u8], location: &str, format: Format, overrides: &Overrides) -> Vec<Item> {
    let reader = match sniff(Box::new(bytes), location) {
        Ok(reader) => reader,
        Err(notice) => return vec![Item::Notice(notice)],
    };
    match format {
        Format::Jsonl => {
            // JsonlItems wants an owned reader; the copy is the caller's bytes once.
            let owned: Box<dyn BufRead> = Box::new(Cursor::new(bytes.to_vec()));
            JsonlItems::new(owned, location.to_string(), None, overrides.clone()).collect()
        }
        format => read_whole(reader, location, Path::new(location), format, overrides),
    }
}

/// Read one article of plain text (with optional front matter) from any
/// reader, as `-` reads standard input; `location` names it in notices and
/// becomes the document's path. Binary and empty input is skipped.
pub fn read_text_from(input: Box<dyn Read + '_>, location: &str, overrides: &Overrides) -> Vec<Item> {
    match sniff(input, location) {
        Ok(reader) => read_whole(reader, location, Path::new(location), Format::Text, overrides),
        Err(notice) => vec![Item::Notice(notice)],
    }
}

/// The most a text or HTML file (or standard input) may hold: an article is
/// never near this, and reading stops here, so an endless stream cannot
/// exhaust memory.
pub const MAX_ARTICLE_BYTES: usize = jsonl::MAX_LINE_BYTES;

/// Read a whole text or HTML file and turn it into (at most) one article.
fn read_whole(mut reader: Box<dyn BufRead + '_>, location: &str, path: &Path, format: Format, overrides: &Overrides) -> Vec<Item> {
    let mut bytes = Vec::new();
    match read_capped(&mut reader, &mut bytes, MAX_ARTICLE_BYTES) {
        Ok(None) => {}
        Ok(Some(line)) => {
            let message = format!(
                "more than {} MB of text, not read further (no article is this long; many articles go in as JSON Lines, one a line)",
                MAX_ARTICLE_BYTES / (1024 * 1024)
            );
            return vec![Item::Notice(Notice::skipped(format!("{location}:{line}"), message))];
        }
        Err(e) => return vec![Item::Notice(Notice::skipped(location, format!("cannot read: {e}")))],
    }
    let mut items = Vec::new();
    let content = decode_lossy(bytes, location, &mut items);
    let mut notices = Vec::new();
    let read = match format {
        Format::Html => html::read_html(&content, location, &mut notices),
        _ => text::read_text(content, location, &mut notices),
    };
    items.extend(notices.into_iter().map(Item::Notice));
    match read {
        Some(mut doc) => {
            doc.path = location.to_string();
            finish_document(&mut doc, overrides, file_name_date(path));
            items.push(Item::Article(doc));
        }
        None => items.push(Item::Notice(Notice::skipped(location, empty_message(format)))),
    }
    items
}

fn empty_message(format: Format) -> &'static str {
    match format {
        Format::Html => "no article text found in the page",
        _ => "empty file (no text)",
    }
}

/// Read everything into `bytes` unless it is longer than `cap`; then stop
/// and give the (1-based) line reading stopped in.
fn read_capped(reader: &mut dyn BufRead, bytes: &mut Vec<u8>, cap: usize) -> io::Result<Option<usize>> {
    loop {
        let chunk = match reader.fill_buf() {
            Ok([]) => return Ok(None),
            Ok(chunk) => chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let room = cap - bytes.len();
        if chunk.len() > room {
            bytes.extend_from_slice(&chunk[..room]);
            let line = 1 + memchr::memchr_iter(b'\n', bytes).count();
            return Ok(Some(line));
        }
        bytes.extend_from_slice(chunk);
        let taken = chunk.len();
        reader.consume(taken);
    }
}

/// Apply the overrides and the file-name date to a document read from a file.
fn finish_document(doc: &mut Document, overrides: &Overrides, name_date: Option<NaiveDate>) {
    if let Some(title) = &overrides.title {
        doc.title = Some(title.clone());
    }
    if let Some(outlet) = &overrides.outlet {
        doc.outlet = Some(outlet.clone());
    }
    doc.date = overrides.date.or(doc.date).or(name_date);
}

/// Open a file and check it is not binary or empty; the reader returned still
/// yields every byte of the file.
fn open_text(path: &Path, location: &str) -> Result<Box<dyn BufRead>, Notice> {
    let file = File::open(path).map_err(|e| Notice::skipped(location, format!("cannot open: {e}")))?;
    if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        return Err(Notice::skipped(location, "is a directory"));
    }
    sniff(Box::new(file), location)
}

/// Look at the first bytes of an input: skip it if empty or binary (a NUL
/// byte early on), else hand back a reader over all of it; UTF-16 (with its
/// byte order mark) is decoded to UTF-8 as it is read.
fn sniff<'a>(mut input: Box<dyn Read + 'a>, location: &str) -> Result<Box<dyn BufRead + 'a>, Notice> {
    let mut head = Vec::with_capacity(BINARY_SNIFF_LEN);
    (&mut input)
        .take(BINARY_SNIFF_LEN as u64)
        .read_to_end(&mut head)
        .map_err(|e| Notice::skipped(location, format!("cannot read: {e}")))?;
    if head.is_empty() {
        return Err(Notice::skipped(location, "empty file"));
    }
    if let Some(order) = utf16::byte_order(&head) {
        // Past the byte order mark: the text starts after it, as after UTF-8's.
        let units = Cursor::new(head.split_off(2)).chain(input);
        return Ok(Box::new(BufReader::with_capacity(64 * 1024, utf16::Utf16ToUtf8::new(units, order))));
    }
    // memchr's SIMD search: `contains` goes a word at a time.
    if memchr::memchr(0, &head).is_some() {
        return Err(Notice::skipped(location, "binary file (NUL bytes near the start), not an article"));
    }
    Ok(Box::new(BufReader::with_capacity(64 * 1024, Cursor::new(head).chain(input))))
}

/// Decode bytes as UTF-8, replacing invalid sequences with U+FFFD and saying
/// so. Valid UTF-8 is moved, not copied.
fn decode_lossy(bytes: Vec<u8>, location: &str, items: &mut Vec<Item>) -> String {
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            items.push(Item::Notice(Notice::warning(location, "invalid UTF-8, bad bytes replaced with U+FFFD")));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    }
}

/// A `YYYY-MM-DD` date in a file's name (PolNeAR: `publisher_2016-10-08_slug.txt`).
pub fn file_name_date(path: &Path) -> Option<NaiveDate> {
    let name = path.file_name()?.to_str()?;
    let bytes = name.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let candidate = name.get(i..i + 10)?;
        let shaped = candidate.bytes().enumerate().all(|(k, b)| if k == 4 || k == 7 { b == b'-' } else { b.is_ascii_digit() });
        let digit_before = i > 0 && bytes[i - 1].is_ascii_digit();
        let digit_after = bytes.get(i + 10).is_some_and(u8::is_ascii_digit);
        if !shaped || digit_before || digit_after {
            return None;
        }
        NaiveDate::parse_from_str(candidate, "%Y-%m-%d").ok()
    })
}

/// Whether a date's year is 0000-9999: dates are stored and compared as
/// `YYYY-MM-DD` text, which orders and searches right only for those years.
pub fn has_four_digit_year(date: NaiveDate) -> bool {
    (0..=9999).contains(&date.year())
}

/// Parse a publication date as articles write it in metadata: `2016-10-08`,
/// an RFC 3339 or RFC 2822 timestamp (the date as written, in its own time
/// zone), `2016/10/08`, `October 8, 2016`, `8 October 2016`.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(value) {
        return Some(t.date_naive()).filter(|date| has_four_digit_year(*date));
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(value) {
        return Some(t.date_naive()).filter(|date| has_four_digit_year(*date));
    }
    // `2016-10-08T12:00:00` without a zone, `2016-10-08 12:00`: the date part.
    let head = value.get(..10).filter(|_| value.len() == 10 || value[10..].starts_with(['T', ' ', 't']));
    const FORMATS: &[&str] = &["%Y-%m-%d", "%Y/%m/%d", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y%m%d"];
    [head, Some(value)]
        .into_iter()
        .flatten()
        .find_map(|v| FORMATS.iter().find_map(|f| NaiveDate::parse_from_str(v, f).ok()))
        .filter(|date| has_four_digit_year(*date))
}

#[cfg(test)]
mod tests;
