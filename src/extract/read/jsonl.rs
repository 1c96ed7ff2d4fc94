//! JSON Lines: one article per line, `{"text": ..., "title", "date", "url",
//! "outlet", "author"}` (all but `text` optional, unknown fields ignored).
//!
//! Read as a stream ([`JsonlItems`]): one line in memory at a time, so a file
//! of any size reads in bounded memory. A line that is not an article (bad
//! JSON, no `text`, a date that cannot be read, longer than
//! [`MAX_LINE_BYTES`]) is a skipped notice at `path:LINE` and the rest of the
//! file still goes in; blank lines are ignored. Each article's path is
//! `path:LINE` (1-based). The text is taken exactly as the JSON string holds it.

use super::{finish_document, parse_date, Item, Notice, Overrides};
use crate::model::Document;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::VecDeque;
use std::io::{self, BufRead};

/// Lines longer than this are skipped without being held in memory.
pub const MAX_LINE_BYTES: usize = 64 * 1024 * 1024;

#[derive(Deserialize)]
struct JsonArticle {
    text: Option<String>,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
    author: Option<String>,
}

/// The items of one JSONL file, read lazily line by line.
pub struct JsonlItems {
    reader: Box<dyn BufRead>,
    location: String,
    name_date: Option<NaiveDate>,
    overrides: Overrides,
    line_number: usize,
    line: Vec<u8>,
    pending: VecDeque<Item>,
    saw_content: bool,
    finished: bool,
}

impl JsonlItems {
    /// `location` names the file in notices and document paths;
    /// `name_date` is the date from the file name, used when a line has none.
    pub fn new(reader: Box<dyn BufRead>, location: String, name_date: Option<NaiveDate>, overrides: Overrides) -> Self {
        JsonlItems {
            reader,
            location,
            name_date,
            overrides,
            line_number: 0,
            line: Vec::new(),
            pending: VecDeque::new(),
            saw_content: false,
            finished: false,
        }
    }

    /// Read the next line and queue what it gives; false at the end.
    fn advance(&mut self) -> bool {
        let read = read_line_limited(&mut *self.reader, &mut self.line, MAX_LINE_BYTES);
        self.line_number += 1;
        let here = format!("{}:{}", self.location, self.line_number);
        match read {
            Ok(None) => {
                if !self.saw_content {
                    self.pending.push_back(Item::Notice(Notice::skipped(&self.location, "no articles (only blank lines)")));
                }
                false
            }
            Err(e) => {
                self.pending.push_back(Item::Notice(Notice::skipped(here, format!("cannot read further: {e}"))));
                false
            }
            Ok(Some(LineRead::TooLong)) => {
                self.saw_content = true;
                let message = format!("line longer than {} MB, skipped", MAX_LINE_BYTES / (1024 * 1024));
                self.pending.push_back(Item::Notice(Notice::skipped(here, message)));
                true
            }
            Ok(Some(LineRead::Line)) => {
                self.take_line(here);
                true
            }
        }
    }

    fn take_line(&mut self, here: String) {
        let bytes = trim_line_ending(&self.line);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return;
        }
        self.saw_content = true;
        let line = match std::str::from_utf8(bytes) {
            Ok(line) => std::borrow::Cow::Borrowed(line),
            Err(_) => {
                self.pending.push_back(Item::Notice(Notice::warning(&here, "invalid UTF-8, bad bytes replaced with U+FFFD")));
                String::from_utf8_lossy(bytes)
            }
        };
        let item = match parse_article(&line, &self.overrides) {
            Ok(mut doc) => {
                doc.path = here;
                finish_document(&mut doc, &self.overrides, self.name_date);
                Item::Article(doc)
            }
            Err(message) => Item::Notice(Notice::skipped(here, message)),
        };
        self.pending.push_back(item);
    }
}

impl Iterator for JsonlItems {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if self.finished {
                return None;
            }
            if !self.advance() {
                self.finished = true;
                // Free the line buffer now: a finished stream may be kept around.
                self.line = Vec::new();
            }
        }
    }
}

/// One line's article, or why it is not one.
fn parse_article(line: &str, overrides: &Overrides) -> Result<Document, String> {
    let article: JsonArticle = serde_json::from_str(line).map_err(|e| format!("bad JSON: {e}"))?;
    let text = article.text.filter(|t| !t.trim().is_empty()).ok_or("no `text` (or it is empty)")?;
    // An override date wins, so a date in the line need not be readable then.
    let date = match (&overrides.date, article.date.as_deref().map(str::trim).filter(|d| !d.is_empty())) {
        (None, Some(raw)) => Some(parse_date(raw).ok_or_else(|| format!("bad date '{raw}' (expected YYYY-MM-DD)"))?),
        _ => None,
    };
    Ok(Document {
        path: String::new(),
        title: article.title.filter(|t| !t.trim().is_empty()),
        outlet: article.outlet.filter(|t| !t.trim().is_empty()),
        url: article.url.filter(|t| !t.trim().is_empty()),
        author: article.author.filter(|t| !t.trim().is_empty()),
        date,
        text,
    })
}

fn trim_line_ending(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

enum LineRead {
    Line,
    TooLong,
}

/// Read one line (with its `\n`) into `buf`, holding at most `max` bytes: a
/// longer line is consumed to its end without being kept. `None` at the end.
fn read_line_limited(reader: &mut dyn BufRead, buf: &mut Vec<u8>, max: usize) -> io::Result<Option<LineRead>> {
    buf.clear();
    let mut too_long = false;
    let mut read_any = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        read_any = true;
        let newline = chunk.iter().position(|&b| b == b'\n');
        let taken = newline.map_or(chunk.len(), |i| i + 1);
        if !too_long && buf.len() + taken > max {
            too_long = true;
            *buf = Vec::new();
        }
        if !too_long {
            buf.extend_from_slice(&chunk[..taken]);
        }
        reader.consume(taken);
        if newline.is_some() {
            break;
        }
    }
    Ok(read_any.then_some(if too_long { LineRead::TooLong } else { LineRead::Line }))
}

#[cfg(test)]
pub(super) fn read_line_for_test(reader: &mut dyn BufRead, buf: &mut Vec<u8>, max: usize) -> Option<bool> {
    read_line_limited(reader, buf, max).unwrap().map(|r| matches!(r, LineRead::TooLong))
}
