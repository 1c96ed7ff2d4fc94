//! Formatting rows for people and programs. Every listing command takes the
//! same `--format`; this module never reads or writes the database. It is
//! handed `Rows` (headers and JSON-valued cells) and writes them out.

mod csv_stream;
pub mod html;
pub mod file;
pub mod json_line;
pub mod reports;
pub mod statements;
mod swar;

use clap::ValueEnum;
use comfy_table::{presets, ColumnConstraint, ContentArrangement, Table};
use crate::model::Spans;
use serde::ser::{SerializeMap, Serializer};
use serde_json::Value;
use std::borrow::Cow;
use std::io::{self, Write};

/// The environment variable that fixes the table width (tests set it; a
/// terminal's own width is used otherwise).
pub const WIDTH_VAR: &str = "CLAIMDB_WIDTH";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// A table: boxed to fit a terminal (or $CLAIMDB_WIDTH columns),
    /// plain columns when piped or written to a file.
    #[default]
    Table,
    /// Comma-separated values with a header line (see --excel-safe).
    Csv,
    /// One JSON array of objects.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// A Markdown table of the readable columns.
    Markdown,
}

/// A listing: column names and one row of values per record. Values are JSON
/// so that `json`/`jsonl` keep numbers, booleans, nulls and spans typed, while
/// the text formats print them plainly.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rows {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Value>>,
    /// The column that gets a table's spare width (statement content);
    /// the other long columns are kept narrow when there is one.
    pub wide: Option<usize>,
}

impl Rows {
    pub fn new(headers: &[&str]) -> Self {
        Rows { headers: headers.iter().map(|h| h.to_string()).collect(), rows: Vec::new(), wide: None }
    }

    pub fn push(&mut self, row: Vec<Value>) {
        debug_assert_eq!(row.len(), self.headers.len(), "row width");
        self.rows.push(row);
    }
}

/// One value of a streamed row, borrowed: what `Stream::push_cells` writes
/// straight out, without building a JSON value per cell (an export writes
/// twenty million cells). Prints exactly as the same value in `Rows` would.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    Null,
    Text(&'a str),
    Int(i64),
    Float(f64),
    Bool(bool),
    Spans(&'a Spans),
}

impl Cell<'_> {
    /// As `cell_text` prints the same value held in a JSON `Value`.
    fn write_text(&self, scratch: &mut Vec<u8>, mut write: impl FnMut(&[u8]) -> io::Result<()>) -> io::Result<()> {
        match *self {
            Cell::Null => write(b""),
            Cell::Text(text) => write(text.as_bytes()),
            Cell::Int(n) => write(itoa::Buffer::new().format(n).as_bytes()),
            // serde_json prints finite numbers with ryu and has no others.
            Cell::Float(x) if x.is_finite() => write(ryu::Buffer::new().format_finite(x).as_bytes()),
            Cell::Float(_) => write(b""),
            Cell::Bool(b) => write(if b { b"true" } else { b"false" }),
            Cell::Spans(spans) => {
                scratch.clear();
                serde_json::to_writer(&mut *scratch, spans)?;
                write(scratch)
            }
        }
    }

    fn to_value(self) -> Value {
        match self {
            Cell::Null => Value::Null,
            Cell::Text(text) => Value::String(text.to_string()),
            Cell::Int(n) => Value::from(n),
            Cell::Float(x) => serde_json::to_value(x).unwrap_or(Value::Null),
            Cell::Bool(b) => Value::Bool(b),
            Cell::Spans(spans) => serde_json::to_value(spans).unwrap_or(Value::Null),
        }
    }
}

impl serde::Serialize for Cell<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Cell::Null => serializer.serialize_unit(),
            Cell::Text(text) => serializer.serialize_str(text),
            Cell::Int(n) => serializer.serialize_i64(n),
            Cell::Float(x) => serializer.serialize_f64(x),
            Cell::Bool(b) => serializer.serialize_bool(b),
            Cell::Spans(spans) => spans.serialize(serializer),
        }
    }
}

/// Write `rows` to standard output; a reader that went away (`| head`) is
/// not an error.
pub fn print(rows: &Rows, format: Format) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match write(&mut out, rows, format).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

pub fn write(out: &mut dyn Write, rows: &Rows, format: Format) -> io::Result<()> {
    match format {
        Format::Table => write_table(out, rows),
        Format::Csv => write_csv(out, rows),
        Format::Json => write_json(out, rows),
        Format::Jsonl => write_jsonl(out, rows),
        Format::Markdown => write_markdown(out, rows),
    }
}

/// Rows written out one at a time as they come, for listings too long to
/// hold (an export of millions of statements): `csv`, `jsonl` and `markdown`
/// go straight out; `table` and `json` need every row first and collect them.
pub struct Stream<'a> {
    sink: Sink<'a>,
    format: Format,
    rows: Rows,
    written: usize,
    /// Reused for the JSON text of spans in `push_cells`.
    scratch: Vec<u8>,
}

enum Sink<'a> {
    /// One CSV writer for the whole listing (it keeps its own buffer).
    Csv(csv_stream::CsvWriter<'a>),
    Plain(&'a mut dyn Write),
}

impl<'a> Stream<'a> {
    /// Start a listing (the header line goes out now where there is one).
    pub fn new(out: &'a mut dyn Write, headers: &[&str], format: Format) -> io::Result<Self> {
        let rows = Rows::new(headers);
        let sink = match format {
            Format::Csv => {
                let mut writer = csv_stream::CsvWriter::new(out);
                writer.record(&rows.headers)?;
                Sink::Csv(writer)
            }
            Format::Markdown => {
                write_markdown_header(out, &rows.headers)?;
                Sink::Plain(out)
            }
            _ => Sink::Plain(out),
        };
        Ok(Stream { sink, format, rows, written: 0, scratch: Vec::new() })
    }

    /// `push` for borrowed cells, written straight out in `csv`, `jsonl` and
    /// `markdown`.
    pub fn push_cells(&mut self, row: &[Cell<'_>]) -> io::Result<()> {
        debug_assert_eq!(row.len(), self.rows.headers.len(), "row width");
        self.written += 1;
        let scratch = &mut self.scratch;
        match (&mut self.sink, self.format) {
            (Sink::Csv(writer), _) => {
                for cell in row {
                    cell.write_text(scratch, |bytes| {
                        writer.field(bytes);
                        Ok(())
                    })?;
                }
                writer.end_record()
            }
            (Sink::Plain(out), Format::Jsonl) => {
                serde_json::to_writer(&mut **out, &Object { headers: &self.rows.headers, row })?;
                out.write_all(b"\n")
            }
            (Sink::Plain(out), Format::Markdown) => {
                let mut cells = Vec::with_capacity(row.len());
                for cell in row {
                    cell.write_text(scratch, |bytes| {
                        cells.push(Value::String(String::from_utf8_lossy(bytes).into_owned()));
                        Ok(())
                    })?;
                }
                write_markdown_row(*out, &cells)
            }
            _ => {
                self.rows.push(row.iter().map(|cell| cell.to_value()).collect());
                Ok(())
            }
        }
    }

    pub fn push(&mut self, row: Vec<Value>) -> io::Result<()> {
        self.written += 1;
        match (&mut self.sink, self.format) {
            (Sink::Csv(writer), _) => writer.record(csv_cells(&row)),
            (Sink::Plain(out), Format::Jsonl) => {
                serde_json::to_writer(&mut **out, &Object { headers: &self.rows.headers, row: &row })?;
                writeln!(out)
            }
            (Sink::Plain(out), Format::Markdown) => write_markdown_row(*out, &row),
            _ => {
                self.rows.push(row);
                Ok(())
            }
        }
    }

    /// Write what was collected; returns how many rows the listing has.
    pub fn finish(self) -> io::Result<usize> {
        let out = match self.sink {
            Sink::Csv(writer) => writer.into_inner()?,
            Sink::Plain(out) => out,
        };
        if matches!(self.format, Format::Table | Format::Json) {
            write(out, &self.rows, self.format)?;
        }
        out.flush()?;
        Ok(self.written)
    }
}

/// A cell as plain text: nothing for null, spans and lists as compact JSON.
/// Text is borrowed, not copied (a CSV listing writes every cell once).
pub fn cell_text(value: &Value) -> Cow<'_, str> {
    match value {
        Value::Null => Cow::Borrowed(""),
        Value::String(s) => Cow::Borrowed(s),
        other => Cow::Owned(other.to_string()),
    }
}

/// Text for a terminal or a Markdown page: control characters other than
/// tab and newline shown escaped (`\x1b`, `\u{9b}`), so that an article
/// cannot retitle the terminal, move its cursor or clear its screen. The
/// database, JSON and CSV keep the text as it is.
pub fn terminal_text(text: &str) -> Cow<'_, str> {
    let escaped = |c: char| c.is_control() && c != '\t' && c != '\n';
    if !text.chars().any(escaped) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !escaped(c) => shown.push(c),
            c if c.is_ascii() => shown.push_str(&format!("\\x{:02x}", c as u32)),
            c => shown.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    Cow::Owned(shown)
}

/// A cell as the CSV writer takes it (bytes).
struct CsvCell<'a>(Cow<'a, str>);

impl AsRef<[u8]> for CsvCell<'_> {
    fn as_ref(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

fn csv_cells(row: &[Value]) -> impl Iterator<Item = CsvCell<'_>> {
    row.iter().map(|value| CsvCell(cell_text(value)))
}

fn table_width() -> Option<u16> {
    std::env::var(WIDTH_VAR).ok()?.trim().parse().ok()
}

/// Whether tables are drawn in boxes and fitted to a width: on a terminal,
/// or when `CLAIMDB_WIDTH` asks for a terminal's layout. Piped into a file
/// or another program a table is plain: aligned columns, one line a row.
fn boxed_tables() -> bool {
    use std::io::IsTerminal;
    table_width().is_some() || (io::stdout().is_terminal() && !WRITING_TO_FILE.load(std::sync::atomic::Ordering::Relaxed))
}

/// Whether CSV cells starting with `= + - @` get a leading `'`, so that a
/// spreadsheet shows them as text instead of running them as formulas.
/// Off unless asked for (`--excel-safe`): CSV otherwise keeps every value as
/// stored, and `import` reads back exactly what `export` wrote.
pub fn set_excel_safe_csv(on: bool) {
    EXCEL_SAFE_CSV.store(on, std::sync::atomic::Ordering::Relaxed);
}

static EXCEL_SAFE_CSV: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Set once a command writes its output to a file (`--output`) rather than
/// to standard output: standard output being a terminal then says nothing
/// about where the table goes.
static WRITING_TO_FILE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn write_table(out: &mut dyn Write, rows: &Rows) -> io::Result<()> {
    if !boxed_tables() {
        return write_plain_table(out, rows);
    }
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(width) = table_width() {
        table.set_width(width);
    }
    table.set_header(rows.headers.iter().map(|h| terminal_text(h)));
    let texts: Vec<Vec<String>> =
        rows.rows.iter().map(|row| row.iter().map(|v| terminal_text(&cell_text(v)).into_owned()).collect()).collect();
    for row in &texts {
        table.add_row(row);
    }
    keep_short_columns_whole(&mut table, &rows.headers, &texts, rows.wide);
    writeln!(out, "{table}")
}

/// A table for a pipe: columns two spaces apart, padded to their widest
/// cell, the lines of a cell joined by " / " so that a row is one line.
fn write_plain_table(out: &mut dyn Write, rows: &Rows) -> io::Result<()> {
    let one_line = |text: &str| terminal_text(&text.replace(['\r', '\n'], " / ")).into_owned();
    let mut lines: Vec<Vec<String>> = vec![rows.headers.iter().map(|h| one_line(h)).collect()];
    lines.extend(rows.rows.iter().map(|row| row.iter().map(|v| one_line(&cell_text(v))).collect()));
    let mut widths = vec![0; rows.headers.len()];
    for line in &lines {
        for (width, cell) in widths.iter_mut().zip(line) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for line in &lines {
        let mut text = String::new();
        for (i, (cell, width)) in line.iter().zip(&widths).enumerate() {
            if i > 0 {
                text.push_str("  ");
            }
            text.push_str(cell);
            text.extend(std::iter::repeat_n(' ', width - cell.chars().count()));
        }
        writeln!(out, "{}", text.trim_end())?;
    }
    Ok(())
}

/// Columns whose every cell is short (ids, dates, stances) keep their width,
/// so wrapping falls on the long text columns where it reads best.
fn keep_short_columns_whole(table: &mut Table, headers: &[String], texts: &[Vec<String>], wide: Option<usize>) {
    const SHORT: usize = 10;
    for (i, header) in headers.iter().enumerate() {
        let widest = texts.iter().map(|row| row[i].chars().count()).chain([header.chars().count()]).max();
        let constraint = if widest.unwrap_or(0) <= SHORT {
            ColumnConstraint::ContentWidth
        } else if wide.is_some_and(|w| w != i) {
            ColumnConstraint::UpperBoundary(comfy_table::Width::Percentage(16))
        } else {
            continue;
        };
        if let Some(column) = table.column_mut(i) {
            column.set_constraint(constraint);
        }
    }
}

fn write_csv(out: &mut dyn Write, rows: &Rows) -> io::Result<()> {
    let mut writer = csv_stream::CsvWriter::new(out);
    writer.record(&rows.headers)?;
    for row in &rows.rows {
        writer.record(csv_cells(row))?;
    }
    writer.into_inner()?.flush()
}

/// One row as a JSON object whose keys keep the column order; its cells
/// are JSON values (`Rows`) or borrowed `Cell`s (`Stream::push_cells`).
struct Object<'a, T = Value> {
    headers: &'a [String],
    row: &'a [T],
}

impl<T: serde::Serialize> serde::Serialize for Object<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.headers.len()))?;
        for (key, value) in self.headers.iter().zip(self.row) {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

fn objects(rows: &Rows) -> impl Iterator<Item = Object<'_>> {
    rows.rows.iter().map(|row| Object { headers: &rows.headers, row })
}

fn write_json(out: &mut dyn Write, rows: &Rows) -> io::Result<()> {
    let all: Vec<Object> = objects(rows).collect();
    serde_json::to_writer_pretty(&mut *out, &all)?;
    writeln!(out)
}

fn write_jsonl(out: &mut dyn Write, rows: &Rows) -> io::Result<()> {
    for object in objects(rows) {
        serde_json::to_writer(&mut *out, &object)?;
        writeln!(out)?;
    }
    Ok(())
}

/// A cell on one line of a Markdown table: pipes and backslashes escaped,
/// HTML shown as text rather than passed to the page, control characters
/// escaped (see `terminal_text`).
fn markdown_cell(value: &Value) -> String {
    let text = cell_text(value);
    let mut cell = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => cell.push_str("\\\\"),
            '|' => cell.push_str("\\|"),
            '\r' | '\n' => cell.push(' '),
            '&' => cell.push_str("&amp;"),
            '<' => cell.push_str("&lt;"),
            '>' => cell.push_str("&gt;"),
            c if c.is_control() && c != '\t' => cell.push_str(&terminal_text(c.encode_utf8(&mut [0; 4]))),
            c => cell.push(c),
        }
    }
    cell
}

fn write_markdown(out: &mut dyn Write, rows: &Rows) -> io::Result<()> {
    write_markdown_header(out, &rows.headers)?;
    for row in &rows.rows {
        write_markdown_row(out, row)?;
    }
    Ok(())
}

fn write_markdown_header(out: &mut dyn Write, headers: &[String]) -> io::Result<()> {
    let header: Vec<String> = headers.iter().map(|h| markdown_cell(&Value::String(h.clone()))).collect();
    writeln!(out, "| {} |", header.join(" | "))?;
    writeln!(out, "|{}", " --- |".repeat(header.len()))
}

fn write_markdown_row(out: &mut dyn Write, row: &[Value]) -> io::Result<()> {
    let cells: Vec<String> = row.iter().map(markdown_cell).collect();
    writeln!(out, "| {} |", cells.join(" | "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample() -> Rows {
        let mut rows = Rows::new(&["id", "speaker", "hedged", "span"]);
        rows.push(vec![json!(1), json!("Ann | Lee"), json!(true), json!([3, 9])]);
        rows.push(vec![json!(2), Value::Null, json!(false), Value::Null]);
        rows
    }

    fn render(format: Format) -> String {
        let mut out = Vec::new();
        write(&mut out, &sample(), format).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn json_keeps_column_order_and_types() {
        let text = render(Format::Jsonl);
        let first = text.lines().next().unwrap();
        assert_eq!(first, r#"{"id":1,"speaker":"Ann | Lee","hedged":true,"span":[3,9]}"#);
        let all: Value = serde_json::from_str(&render(Format::Json)).unwrap();
        assert_eq!(all[1]["speaker"], Value::Null);
    }

    #[test]
    fn csv_prints_null_as_empty_and_spans_as_json() {
        assert_eq!(render(Format::Csv), "id,speaker,hedged,span\n1,Ann | Lee,true,\"[3,9]\"\n2,,false,\n");
    }

    /// What `Stream` writes for `rows` in `format`, pushed as values or as cells.
    fn streamed(format: Format, as_cells: bool) -> String {
        let spans = Spans(vec![crate::model::Span::new(3, 9), crate::model::Span::new(12, 20)]);
        let cells = [
            [Cell::Int(7), Cell::Text("Ann | \"Lee\", jr.\nof Rome"), Cell::Bool(true), Cell::Spans(&spans), Cell::Float(0.53)],
            [Cell::Int(-1), Cell::Null, Cell::Bool(false), Cell::Null, Cell::Float(1.0)],
        ];
        let mut out = Vec::new();
        let mut stream = Stream::new(&mut out, &["id", "speaker", "hedged", "span", "confidence"], format).unwrap();
        for row in &cells {
            if as_cells {
                stream.push_cells(row).unwrap();
            } else {
                stream.push(row.iter().map(|c| c.to_value()).collect()).unwrap();
            }
        }
        stream.finish().unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn cells_stream_exactly_as_the_same_values_do() {
        for format in [Format::Csv, Format::Jsonl, Format::Markdown, Format::Json, Format::Table] {
            assert_eq!(streamed(format, true), streamed(format, false), "{format:?}");
        }
        assert_eq!(
            streamed(Format::Csv, true),
            "id,speaker,hedged,span,confidence\n7,\"Ann | \"\"Lee\"\", jr.\nof Rome\",true,\"[[3,9],[12,20]]\",0.53\n-1,,false,,1.0\n"
        );
    }

    #[test]
    fn control_characters_are_shown_escaped_for_a_terminal() {
        assert_eq!(terminal_text("plain\ttext\nlines"), "plain\ttext\nlines");
        assert_eq!(terminal_text("\u{1b}]0;PWNED\u{7}\u{1b}[2J"), "\\x1b]0;PWNED\\x07\\x1b[2J");
        assert_eq!(terminal_text("a\rb\u{7f}c\u{9b}d"), "a\\x0db\\x7fc\\u{9b}d");
    }

    #[test]
    fn markdown_shows_html_and_control_characters_as_text() {
        let mut rows = Rows::new(&["content"]);
        rows.push(vec![json!("<script>alert(1)</script> & \u{1b}[2J")]);
        let mut out = Vec::new();
        write(&mut out, &rows, Format::Markdown).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().nth(2).unwrap(), "| &lt;script&gt;alert(1)&lt;/script&gt; &amp; \\x1b[2J |");
    }

    #[test]
    fn a_plain_table_aligns_columns_one_line_a_row() {
        let mut rows = Rows::new(&["id", "speaker", "stance"]);
        rows.push(vec![json!(1), json!("Ada Park\nMayor"), json!("support")]);
        rows.push(vec![json!(12), Value::Null, json!("oppose\u{1b}[2J")]);
        let mut out = Vec::new();
        write_plain_table(&mut out, &rows).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "id  speaker           stance\n1   Ada Park / Mayor  support\n12                    oppose\\x1b[2J\n"
        );
    }

    #[test]
    fn markdown_escapes_pipes() {
        let text = render(Format::Markdown);
        assert!(text.contains(r"| 1 | Ann \| Lee | true | [3,9] |"), "{text}");
    }
}
