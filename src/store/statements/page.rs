//! Reading a page of a listing: the statements of a list of ids, their
//! text copied into one buffer, read back as `StatementView`s.

use super::{parse_date, parse_spans, parse_text, StatementRow, StatementView};
use crate::error::Result;
use crate::model::{Kind, Origin, SpeakerKind, Spans, Stance};
use crate::store::Store;
use chrono::NaiveDate;
use rusqlite::{types::Value as SqlValue, Row};
use std::borrow::Cow;

/// The columns `Store::read_page` reads, from `statements s`, `speakers sp`,
/// `documents d` and `topics t`.
macro_rules! page_columns {
    () => {
        "SELECT s.id, COALESCE(d.path, d.url, s.source_path), COALESCE(d.title, s.source_title), s.stated_on,
                s.speaker_mention, COALESCE(s.role, sp.role), s.cue, s.content, s.kind, s.stance, s.hedged,
                s.content_span, s.source_span, s.cue_span, s.origin, s.confidence, sp.name, sp.kind, t.name, sp.wikidata"
    };
}

impl Store {
    /// The statements `ids` (a page of a listing, in listing order): what
    /// `statement_view` shows of them, read off `statements` with the
    /// speaker, document and first topic (`statements.topic_id`) joined per
    /// row (the speaker by an inner join, as in the view: a statement whose
    /// speaker is missing, possible only with foreign keys off, is left
    /// out). Looking each distinct speaker and topic up once afterwards (a
    /// JSON list of their ids, a hash map) cost more than the joins.
    ///
    /// The rows are read in id order, the table's own (the sorted list
    /// drives the join), and put in listing order here: a page's rows lie
    /// far apart in the table, and read in listing order each seek read
    /// the table's inner pages again through the small page cache (a long
    /// listing shares leaf pages too: 500,000 rows took twice the system
    /// time). SQLite's sorter copied every row's columns; sorting the
    /// structs in Rust is 0.4 M instructions a page of 1,000. Their text is
    /// copied into one buffer instead of a `String` a column (8,000
    /// allocations a page).
    ///
    /// A row that cannot be read (a value claimdb would not have written)
    /// fails the page with the error of the lowest such id.
    pub(super) fn page(&self, ids: &[i64]) -> Result<StatementPage> {
        let sql = concat!(
            page_columns!(),
            " FROM rarray(?1) j CROSS JOIN statements s ON s.id = j.value
                  JOIN speakers sp ON sp.id = s.speaker_id LEFT JOIN documents d ON d.id = s.document_id
                  LEFT JOIN topics t ON t.id = s.topic_id"
        );
        rusqlite::vtab::array::load_module(&self.conn)?;
        let mut by_id = ids.to_vec();
        by_id.sort_unstable();
        by_id.dedup();
        let list: rusqlite::vtab::array::Array = std::rc::Rc::new(by_id.iter().map(|&id| SqlValue::Integer(id)).collect());
        let mut page = self.read_page(sql, &list, ids.len())?;
        // No date sorts first, as NULL does in SQL.
        page.rows.sort_unstable_by_key(|row| (row.day, row.id));
        Ok(page)
    }

    /// The rows `sql` (`page`'s) gives for `ids`, bound as an `rarray`.
    fn read_page(&self, sql: &str, ids: &rusqlite::vtab::array::Array, capacity: usize) -> Result<StatementPage> {
        let mut stmt = self.conn.prepare(sql)?;
        let mut rows = stmt.query([ids])?;
        // About 400 bytes of text a row; a longer listing grows as it goes.
        let mut page = StatementPage { text: PageText::with_capacity(capacity * 512), rows: Vec::with_capacity(capacity) };
        let mut date = String::new();
        while let Some(row) = rows.next()? {
            let text = &mut page.text;
            // Read column by column, as `IN` order read them before, so that
            // a bad row fails on the same column.
            let id = row.get(0)?;
            let doc = optional_text(row, 1, text)?;
            let title = optional_text(row, 2, text)?;
            let day = parse_date(row, 3)?;
            page.rows.push(PageRow {
                id,
                doc,
                title,
                day,
                date: day.map(|day| match crate::model::iso_date_bytes(day) {
                    Some(digits) => text.push(std::str::from_utf8(&digits).expect("digits and dashes are UTF-8")),
                    None => {
                        date.clear();
                        write_date(&mut date, day);
                        text.push(&date)
                    }
                }),
                speaker_mention: required_text(row, 4, text)?,
                role: optional_text(row, 5, text)?,
                cue: required_text(row, 6, text)?,
                content: required_text(row, 7, text)?,
                kind: parse_text(row, 8)?,
                stance: parse_text(row, 9)?,
                hedged: row.get(10)?,
                content_span: parse_spans(row, 11)?,
                source_span: parse_spans(row, 12)?,
                cue_span: parse_spans(row, 13)?,
                origin: parse_text(row, 14)?,
                confidence: row.get(15)?,
                speaker: required_text(row, 16, text)?,
                speaker_kind: parse_text(row, 17)?,
                topic: optional_text(row, 18, text)?,
                speaker_wikidata: optional_text(row, 19, text)?,
            });
        }
        Ok(page)
    }
}

/// A page of a listing (`Store::query_page`): its statements in listing
/// order, their text in one buffer, read as `StatementView`s.
#[derive(Debug, Default)]
pub struct StatementPage {
    text: PageText,
    rows: Vec<PageRow>,
}

#[derive(Debug)]
struct PageRow {
    id: i64,
    doc: PageTextAt,
    title: PageTextAt,
    /// The listing order's date; `date` is its text as `NaiveDate` prints it.
    day: Option<NaiveDate>,
    date: PageTextAt,
    speaker: PageTextAt,
    speaker_mention: PageTextAt,
    role: PageTextAt,
    cue: PageTextAt,
    content: PageTextAt,
    kind: Kind,
    stance: Stance,
    hedged: bool,
    topic: PageTextAt,
    content_span: Option<Spans>,
    source_span: Option<Spans>,
    cue_span: Option<Spans>,
    speaker_kind: SpeakerKind,
    speaker_wikidata: PageTextAt,
    origin: Origin,
    confidence: f64,
}

impl StatementPage {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The statements, in listing order.
    pub fn views(&self) -> impl Iterator<Item = StatementView<'_>> + '_ {
        let text = |at: &PageTextAt| at.map(|at| self.text.get(at));
        self.rows.iter().map(move |row| StatementView {
            id: row.id,
            doc: text(&row.doc),
            title: text(&row.title),
            date: text(&row.date).map(Cow::Borrowed),
            speaker: text(&row.speaker).unwrap_or_default(),
            speaker_mention: text(&row.speaker_mention).unwrap_or_default(),
            role: text(&row.role),
            cue: text(&row.cue).unwrap_or_default(),
            content: text(&row.content).unwrap_or_default(),
            kind: row.kind,
            stance: row.stance,
            hedged: row.hedged,
            topic: text(&row.topic),
            content_span: row.content_span.clone(),
            source_span: row.source_span.clone(),
            cue_span: row.cue_span.clone(),
            speaker_kind: row.speaker_kind,
            speaker_wikidata: text(&row.speaker_wikidata),
            origin: row.origin,
            confidence: row.confidence,
        })
    }

    /// The statements as owned rows, in listing order.
    pub fn rows(&self) -> impl Iterator<Item = StatementRow> + '_ {
        self.views().zip(&self.rows).map(|(view, row)| StatementRow {
            id: view.id,
            doc: view.doc.map(str::to_string),
            title: view.title.map(str::to_string),
            date: row.day,
            speaker: view.speaker.to_string(),
            speaker_mention: view.speaker_mention.to_string(),
            role: view.role.map(str::to_string),
            cue: view.cue.to_string(),
            content: view.content.to_string(),
            kind: view.kind,
            stance: view.stance,
            hedged: view.hedged,
            topic: view.topic.map(str::to_string),
            content_span: view.content_span,
            source_span: view.source_span,
            cue_span: view.cue_span,
            speaker_kind: view.speaker_kind,
            speaker_wikidata: view.speaker_wikidata.map(str::to_string),
            origin: view.origin,
            confidence: view.confidence,
        })
    }
}

/// The text of a page, in blocks of about 1 MB: a listing of every
/// statement (`--limit 0`) grows a block at a time, where one buffer that
/// doubles holds its old and new copy at once (a fifth more memory at the
/// peak of a 500,000-row listing).
#[derive(Debug, Default)]
struct PageText {
    /// The block being filled, and those filled before it.
    current: String,
    full: Vec<String>,
}

/// Where a text of a page is: its block, and its start and end there.
type PageTextAt = Option<(u32, u32, u32)>;

impl PageText {
    const BLOCK: usize = 1 << 20;

    fn with_capacity(bytes: usize) -> Self {
        PageText { current: String::with_capacity(bytes.min(Self::BLOCK)), full: Vec::new() }
    }

    #[inline]
    fn push(&mut self, part: &str) -> (u32, u32, u32) {
        if self.current.capacity() - self.current.len() < part.len() {
            let next = String::with_capacity(Self::BLOCK.max(part.len()));
            self.full.push(std::mem::replace(&mut self.current, next));
        }
        let start = self.current.len();
        self.current.push_str(part);
        // SQLite's values are under 2^31 bytes, and so is a block.
        (self.full.len() as u32, start as u32, self.current.len() as u32)
    }

    fn get(&self, (block, start, end): (u32, u32, u32)) -> &str {
        let block = self.full.get(block as usize).unwrap_or(&self.current);
        &block[start as usize..end as usize]
    }
}

/// Column `i`, text or NULL, copied into `text`: as `Option<String>` reads
/// it (anything else fails as it does there).
fn optional_text(row: &Row, i: usize, text: &mut PageText) -> rusqlite::Result<PageTextAt> {
    match row.get_ref(i)? {
        rusqlite::types::ValueRef::Null => Ok(None),
        rusqlite::types::ValueRef::Text(bytes) => match std::str::from_utf8(bytes) {
            Ok(value) => Ok(Some(text.push(value))),
            Err(_) => Ok(row.get::<_, Option<String>>(i)?.map(|value| text.push(&value))),
        },
        _ => Ok(row.get::<_, Option<String>>(i)?.map(|value| text.push(&value))),
    }
}

/// Column `i`, text, copied into `text`: as `String` reads it (NULL and
/// anything else fail as they do there).
fn required_text(row: &Row, i: usize, text: &mut PageText) -> rusqlite::Result<PageTextAt> {
    match row.get_ref(i)? {
        rusqlite::types::ValueRef::Text(bytes) => match std::str::from_utf8(bytes) {
            Ok(value) => Ok(Some(text.push(value))),
            Err(_) => Ok(Some(text.push(&row.get::<_, String>(i)?))),
        },
        _ => Ok(Some(text.push(&row.get::<_, String>(i)?))),
    }
}

/// `day` as its `Display` writes it: `YYYY-MM-DD` by digits for the years
/// 0 to 9999 (every date claimdb stores), through `Display` for the others.
fn write_date(text: &mut String, day: NaiveDate) {
    match crate::model::iso_date_bytes(day) {
        Some(digits) => text.push_str(std::str::from_utf8(&digits).expect("digits and dashes are UTF-8")),
        None => {
            use std::fmt::Write;
            write!(text, "{day}").expect("a String takes any write");
        }
    }
}


#[cfg(test)]
mod tests {
    #[test]
    fn a_pages_text_reads_back_across_blocks() {
        let mut text = super::PageText::with_capacity(10);
        let parts: Vec<String> = (0..40).map(|i| format!("{i}:").repeat(i * 20_000 % 700_001 + 1)).collect();
        let at: Vec<_> = parts.iter().map(|part| text.push(part)).collect();
        assert!(!text.full.is_empty(), "more than one block");
        for (part, at) in parts.iter().zip(at) {
            assert_eq!(text.get(at), part);
        }
    }

    #[test]
    fn a_date_is_written_as_it_displays() {
        use chrono::NaiveDate;
        for (year, month, day) in [(2024, 5, 1), (1999, 12, 31), (0, 1, 1), (7, 2, 3), (9999, 12, 31), (10_000, 1, 1), (-1, 6, 15)] {
            let date = NaiveDate::from_ymd_opt(year, month, day).unwrap();
            let mut written = String::from("before ");
            super::write_date(&mut written, date);
            assert_eq!(written, format!("before {date}"), "{date:?}");
        }
    }
}
