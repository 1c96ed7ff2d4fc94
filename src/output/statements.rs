//! The one writer of statement listings. `query` and `export` hand it
//! `StatementView`s, `show` one statement, `extract` each document's
//! statements; it picks the columns each format shows (declared once, in
//! `model::STATEMENT_COLUMNS`) and writes them out.

use super::json_line::{write_str, JsonObject};
use super::{Cell, Format, Stream};
use crate::model::{iso_date_bytes, Document, Spans, Statement, StatementView, STATEMENT_COLUMNS};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{json, Value};
use std::io::{self, Write};

/// The columns Markdown shows: the ones a reader needs. Machine formats get
/// every column; the table folds these into fewer, narrower columns.
const READABLE_COLUMNS: &[&str] =
    &["id", "date", "speaker", "role", "cue", "content", "kind", "stance", "hedged", "topic", "title", "doc"];

/// The table's columns: the role goes under the speaker, kind and hedging
/// beside the stance, the document's path under its title, so that eight
/// columns fit a terminal.
const TABLE_COLUMNS: &[&str] = &["id", "date", "speaker", "cue", "content", "stance", "topic", "source"];

/// The table column that gets the spare width: the content.
const TABLE_WIDE_COLUMN: usize = 4;

/// The columns a listing of statements prints in `format`.
pub fn columns(format: Format) -> &'static [&'static str] {
    match format {
        Format::Table => TABLE_COLUMNS,
        Format::Markdown => READABLE_COLUMNS,
        _ => &STATEMENT_COLUMNS,
    }
}

/// Every column of a statement as borrowed cells, in `STATEMENT_COLUMNS` order.
pub fn cells<'a>(s: &'a StatementView<'_>) -> [Cell<'a>; 20] {
    let text = |t: Option<&'a str>| t.map_or(Cell::Null, Cell::Text);
    let spans = |s: &'a Option<Spans>| s.as_ref().map_or(Cell::Null, Cell::Spans);
    [
        Cell::Int(s.id),
        text(s.doc),
        text(s.title),
        text(s.date.as_deref()),
        Cell::Text(s.speaker),
        Cell::Text(s.speaker_mention),
        text(s.role),
        Cell::Text(s.cue),
        Cell::Text(s.content),
        Cell::Text(s.kind.as_str()),
        Cell::Text(s.stance.as_str()),
        Cell::Bool(s.hedged),
        text(s.topic),
        spans(&s.content_span),
        spans(&s.source_span),
        spans(&s.cue_span),
        Cell::Text(s.speaker_kind.as_str()),
        text(s.speaker_wikidata),
        Cell::Text(s.origin.as_str()),
        Cell::Float(s.confidence),
    ]
}

/// Writes a listing of statements in one format, a statement at a time:
/// `csv`, `jsonl` and `markdown` go straight out, `table` and `json` are
/// written by `finish` (they need every row first).
pub struct StatementWriter<'a> {
    stream: Stream<'a>,
    format: Format,
    /// Where each printed column is among `STATEMENT_COLUMNS`; `None` when
    /// every column is printed, in order (or for the table's own layout).
    picks: Option<Vec<usize>>,
}

impl<'a> StatementWriter<'a> {
    /// Start a listing in the columns of `format` (see `columns`).
    pub fn new(out: &'a mut dyn Write, format: Format) -> io::Result<Self> {
        let columns = columns(format);
        let mut stream = Stream::new(out, columns, format)?;
        if format == Format::Table {
            stream.rows.wide = Some(TABLE_WIDE_COLUMN);
            return Ok(StatementWriter { stream, format, picks: None });
        }
        Ok(StatementWriter { stream, format, picks: column_indexes(columns) })
    }

    pub fn push(&mut self, statement: &StatementView<'_>) -> io::Result<()> {
        if self.format == Format::Table {
            return self.stream.push(table_row(statement));
        }
        let cells = cells(statement);
        match &self.picks {
            None => self.stream.push_cells(&cells),
            Some(picks) => self.stream.push_cells(&picks.iter().map(|&i| cells[i]).collect::<Vec<_>>()),
        }
    }

    /// Write what was collected; returns how many statements were listed.
    pub fn finish(self) -> io::Result<usize> {
        self.stream.finish()
    }
}

/// Where each of `columns` is among every statement column; `None` when
/// they are every column, in order.
fn column_indexes(columns: &[&str]) -> Option<Vec<usize>> {
    if columns == STATEMENT_COLUMNS {
        return None;
    }
    let index = |c: &&str| STATEMENT_COLUMNS.iter().position(|all| all == c).expect("a statement column");
    Some(columns.iter().map(index).collect())
}

fn table_row(s: &StatementView<'_>) -> Vec<Value> {
    let speaker = lines(&[Some(s.speaker), s.role]);
    let stance = format!("{}{}\n{}", s.stance, if s.hedged { ", hedged" } else { "" }, s.kind);
    let source = lines(&[s.title, s.doc]);
    vec![
        json!(s.id),
        json!(s.date),
        json!(speaker),
        json!(s.cue),
        json!(s.content),
        json!(stance),
        json!(s.topic),
        json!(source),
    ]
}

fn lines(parts: &[Option<&str>]) -> String {
    parts.iter().flatten().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join("\n")
}

/// One statement as `show` prints it, with the `extra` fields the database
/// knows beside it (its document's outlet, the row's timestamps). As a
/// table: a line per field, name then value. In the other formats: a
/// listing of one row, every statement column and then the extra ones.
pub fn write_detail(
    out: &mut dyn Write,
    statement: &StatementView<'_>,
    extra: &[(&str, &str)],
    format: Format,
) -> io::Result<()> {
    let mut row: Vec<Cell<'_>> = cells(statement).to_vec();
    row.extend(extra.iter().map(|(_, value)| Cell::Text(value)));
    let mut names: Vec<&str> = STATEMENT_COLUMNS.to_vec();
    names.extend(extra.iter().map(|(name, _)| *name));
    if format != Format::Table {
        let mut stream = Stream::new(out, &names, format)?;
        stream.push_cells(&row)?;
        return stream.finish().map(|_| ());
    }
    let mut scratch = Vec::new();
    for (name, cell) in names.iter().zip(row) {
        write!(out, "{name:>16}: ")?;
        let mut text = Vec::new();
        cell.write_text(&mut scratch, |bytes| {
            text.extend_from_slice(bytes);
            Ok(())
        })?;
        writeln!(out, "{}", super::terminal_text(&String::from_utf8_lossy(&text)))?;
    }
    Ok(())
}

/// The columns `extract` prints in `csv`: those of `STATEMENT_COLUMNS` an
/// extraction knows (nothing was stored, so no id, origin or confidence).
const EXTRACTED_COLUMNS: &[&str] = &[
    "doc", "title", "date", "speaker", "speaker_mention", "role", "cue", "content", "kind", "stance", "hedged", "topic",
    "content_span", "source_span", "cue_span",
];

/// The columns `extract` prints in `markdown`: Markdown's readable columns
/// but the id.
const EXTRACTED_READABLE_COLUMNS: &[&str] =
    &["date", "speaker", "role", "cue", "content", "kind", "stance", "hedged", "topic", "title", "doc"];

/// Prints extracted statements as they come, a document at a time: JSONL,
/// JSON, CSV and Markdown straight to the output; the table alone waits for
/// every row, since its column widths depend on them all.
pub struct ExtractedWriter<'a> {
    sink: ExtractedSink<'a>,
    /// Statements printed so far (the JSON array needs commas between them).
    printed: usize,
    /// The JSONL line being written, reused from one statement to the next.
    line: Vec<u8>,
    /// The document's path and title as JSON values, escaped once for all
    /// of its statements' lines.
    doc_json: Vec<u8>,
    title_json: Vec<u8>,
}

enum ExtractedSink<'a> {
    /// JSONL and JSON, written here (JSONL field by field, see `StatementLine`).
    Json { out: &'a mut dyn Write, lines: bool },
    /// The other formats, through `Stream`, in these columns of a statement.
    Listing { stream: Stream<'a>, picks: Vec<usize>, table: bool },
}

impl<'a> ExtractedWriter<'a> {
    pub fn new(format: Format, out: &'a mut dyn Write) -> io::Result<Self> {
        let sink = match format {
            Format::Jsonl | Format::Json => ExtractedSink::Json { out, lines: format == Format::Jsonl },
            Format::Table => {
                let mut stream = Stream::new(out, &["doc", "date", "speaker", "cue", "content", "stance"], format)?;
                stream.rows.wide = Some(4);
                ExtractedSink::Listing { stream, picks: Vec::new(), table: true }
            }
            Format::Csv | Format::Markdown => {
                let columns = if format == Format::Csv { EXTRACTED_COLUMNS } else { EXTRACTED_READABLE_COLUMNS };
                let picks = column_indexes(columns).expect("fewer than every column");
                ExtractedSink::Listing { stream: Stream::new(out, columns, format)?, picks, table: false }
            }
        };
        Ok(ExtractedWriter { sink, printed: 0, line: Vec::new(), doc_json: Vec::new(), title_json: Vec::new() })
    }

    /// Print the statements found in `doc`.
    pub fn document(&mut self, doc: &Document, statements: &[Statement]) -> io::Result<()> {
        if matches!(self.sink, ExtractedSink::Json { lines: true, .. }) && !statements.is_empty() {
            self.doc_json.clear();
            write_str(&mut self.doc_json, &doc.path);
            self.title_json.clear();
            match &doc.title {
                Some(title) => write_str(&mut self.title_json, title),
                None => self.title_json.extend_from_slice(b"null"),
            }
        }
        for s in statements {
            self.print(doc, s)?;
        }
        Ok(())
    }

    fn print(&mut self, doc: &Document, s: &Statement) -> io::Result<()> {
        match &mut self.sink {
            ExtractedSink::Json { out, lines: true } => {
                self.line.clear();
                StatementLine::new(doc, s).write_json(&self.doc_json, &self.title_json, &mut self.line);
                self.line.push(b'\n');
                out.write_all(&self.line)?;
            }
            ExtractedSink::Json { out, lines: false } => {
                out.write_all(if self.printed == 0 { b"[" } else { b",\n" })?;
                serde_json::to_writer_pretty(&mut **out, &StatementLine::new(doc, s))?;
            }
            ExtractedSink::Listing { stream, table: true, .. } => stream.push(extracted_table_row(doc, s))?,
            ExtractedSink::Listing { stream, picks, table: false } => {
                let view = extracted_view(doc, s);
                let cells = cells(&view);
                stream.push_cells(&picks.iter().map(|&i| cells[i]).collect::<Vec<_>>())?;
            }
        }
        self.printed += 1;
        Ok(())
    }

    /// Close the listing (writing the table) and flush; returns how many
    /// statements were printed.
    pub fn finish(self) -> io::Result<usize> {
        match self.sink {
            ExtractedSink::Json { out, lines } => {
                if !lines {
                    out.write_all(if self.printed == 0 { b"[]\n" } else { b"]\n" })?;
                }
                out.flush()?;
            }
            ExtractedSink::Listing { stream, .. } => {
                stream.finish()?;
            }
        }
        Ok(self.printed)
    }
}

/// An extracted statement in the shape stored ones are printed from (it has
/// no id yet: 0).
fn extracted_view<'a>(doc: &'a Document, s: &'a Statement) -> StatementView<'a> {
    StatementView {
        id: 0,
        doc: Some(&doc.path),
        title: doc.title.as_deref(),
        date: s.date.map(|d| std::borrow::Cow::Owned(d.to_string())),
        speaker: &s.speaker,
        speaker_mention: &s.speaker_mention,
        role: s.role.as_deref(),
        cue: &s.cue,
        content: &s.content,
        kind: s.kind,
        stance: s.stance,
        hedged: s.hedged,
        topic: s.topic.as_deref(),
        content_span: Some(s.content_span.clone()),
        source_span: s.source_span.clone(),
        cue_span: s.cue_span.clone(),
        speaker_kind: s.speaker_kind,
        speaker_wikidata: None,
        origin: crate::model::Origin::Extracted,
        confidence: s.confidence,
    }
}

/// One extracted statement: the columns of `STATEMENT_COLUMNS` an
/// extraction knows, in that order.
#[derive(Debug, Serialize)]
struct StatementLine<'a> {
    doc: &'a str,
    title: Option<&'a str>,
    #[serde(serialize_with = "iso_date")]
    date: Option<NaiveDate>,
    speaker: &'a str,
    speaker_mention: &'a str,
    role: Option<&'a str>,
    cue: &'a str,
    content: &'a str,
    kind: crate::model::Kind,
    stance: crate::model::Stance,
    hedged: bool,
    topic: Option<&'a str>,
    content_span: &'a Spans,
    source_span: Option<&'a Spans>,
    cue_span: Option<&'a Spans>,
    /// How sure the stance is (the share right among stances decided the
    /// same way), which `scripts/stance_train_eval.py` checks.
    confidence: f64,
}

impl<'a> StatementLine<'a> {
    fn new(doc: &'a Document, s: &'a Statement) -> Self {
        StatementLine {
            doc: &doc.path,
            title: doc.title.as_deref(),
            date: s.date,
            speaker: &s.speaker,
            speaker_mention: &s.speaker_mention,
            role: s.role.as_deref(),
            cue: &s.cue,
            content: &s.content,
            kind: s.kind,
            stance: s.stance,
            hedged: s.hedged,
            topic: s.topic.as_deref(),
            confidence: s.confidence,
            content_span: &s.content_span,
            source_span: s.source_span.as_ref(),
            cue_span: s.cue_span.as_ref(),
        }
    }

    /// The line as JSON, the bytes `serde_json::to_writer` prints for it
    /// (the `Serialize` derive stays for `--format json`), written directly:
    /// this runs for every statement of every article. `doc_json` and
    /// `title_json` are `self.doc` and `self.title` as JSON, written once a
    /// document.
    fn write_json(&self, doc_json: &[u8], title_json: &[u8], out: &mut Vec<u8>) {
        debug_assert_eq!(doc_json, serde_json::to_vec(self.doc).expect("a str serialises").as_slice());
        debug_assert_eq!(title_json, serde_json::to_vec(&self.title).expect("a str serialises").as_slice());
        let mut object = JsonObject::begin(out);
        object.raw_bytes("doc", doc_json).raw_bytes("title", title_json);
        match self.date.and_then(iso_date_bytes) {
            // Digits and dashes: nothing to escape.
            Some(digits) => {
                let mut quoted = [b'"'; 12];
                quoted[1..11].copy_from_slice(&digits);
                object.raw_bytes("date", &quoted)
            }
            None => object.raw("date", &serde_json::to_string(&self.date).expect("a date serialises")),
        };
        object
            .str("speaker", self.speaker)
            .str("speaker_mention", self.speaker_mention)
            .opt_str("role", self.role)
            .str("cue", self.cue)
            .str("content", self.content)
            .str("kind", self.kind.as_str())
            .str("stance", self.stance.as_str())
            .bool("hedged", self.hedged)
            .opt_str("topic", self.topic)
            .spans("content_span", self.content_span)
            .opt_spans("source_span", self.source_span)
            .opt_spans("cue_span", self.cue_span)
            .raw("confidence", &serde_json::to_string(&self.confidence).expect("a number serialises"))
            .end();
    }
}

/// `YYYY-MM-DD` as chrono writes it, without going through `fmt` for every
/// statement (a tenth of the time spent printing went there).
fn iso_date<S: serde::Serializer>(date: &Option<NaiveDate>, out: S) -> Result<S::Ok, S::Error> {
    match date.and_then(iso_date_bytes) {
        Some(text) => out.serialize_str(std::str::from_utf8(&text).expect("digits and dashes are UTF-8")),
        None => date.serialize(out),
    }
}

fn extracted_table_row(doc: &Document, s: &Statement) -> Vec<Value> {
    let name = std::path::Path::new(&doc.path).file_name().map_or(doc.path.clone(), |n| n.to_string_lossy().into_owned());
    let stance = if s.hedged { format!("{} (hedged)", s.stance) } else { s.stance.to_string() };
    vec![
        Value::from(name),
        s.date.map_or(Value::Null, |d| Value::from(d.to_string())),
        Value::from(s.speaker.clone()),
        Value::from(s.cue.clone()),
        Value::from(s.content.clone()),
        Value::from(stance),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Origin, Span, SpeakerKind, Stance};
    use std::borrow::Cow;

    fn view(id: i64) -> StatementView<'static> {
        StatementView {
            id,
            doc: Some("notes/council.txt"),
            title: Some("Council meets"),
            date: Some(Cow::Borrowed("2025-04-02")),
            speaker: "Ada Park",
            speaker_mention: "Park",
            role: Some("mayor"),
            cue: "said",
            content: "the bridge will reopen in May",
            kind: Kind::Indirect,
            stance: Stance::Support,
            hedged: true,
            topic: Some("bridge"),
            content_span: Some(Spans::single(Span::new(20, 49))),
            source_span: None,
            cue_span: Some(Spans::single(Span::new(15, 19))),
            speaker_kind: SpeakerKind::Person,
            speaker_wikidata: Some("Q4115189"),
            origin: Origin::Extracted,
            confidence: 0.75,
        }
    }

    fn listing(format: Format) -> String {
        let mut out = Vec::new();
        let mut writer = StatementWriter::new(&mut out, format).unwrap();
        writer.push(&view(1)).unwrap();
        writer.push(&view(2)).unwrap();
        assert_eq!(writer.finish().unwrap(), 2);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn machine_formats_carry_every_column_in_order() {
        let csv = listing(Format::Csv);
        assert_eq!(csv.lines().next().unwrap(), STATEMENT_COLUMNS.join(","));
        let jsonl = listing(Format::Jsonl);
        let line = jsonl.lines().next().unwrap();
        assert_eq!(keys_in_order(line), STATEMENT_COLUMNS);
        let first: serde_json::Map<String, Value> = serde_json::from_str(line).unwrap();
        assert_eq!(first["cue_span"], json!([15, 19]));
        assert_eq!(first["source_span"], Value::Null);
        assert_eq!(first["confidence"], json!(0.75));
    }

    /// The keys of a JSON object's text, in the order they stand.
    fn keys_in_order(json: &str) -> Vec<&'static str> {
        let mut found: Vec<(usize, &str)> =
            STATEMENT_COLUMNS.iter().filter_map(|c| json.find(&format!("\"{c}\":")).map(|at| (at, *c))).collect();
        found.sort();
        found.into_iter().map(|(_, c)| c).collect()
    }

    fn statement(speaker: &str, content: &str) -> Statement {
        Statement {
            speaker: speaker.into(),
            speaker_kind: SpeakerKind::Person,
            speaker_mention: speaker.into(),
            role: None,
            cue: "said".into(),
            content: content.into(),
            kind: Kind::Direct,
            stance: Stance::Oppose,
            hedged: false,
            topic: Some("taxes".into()),
            date: NaiveDate::from_ymd_opt(2025, 8, 18),
            content_span: Spans::single(Span::new(0, 4)),
            source_span: None,
            cue_span: Some(Spans::single(Span::new(5, 9))),
            confidence: 0.9,
        }
    }

    #[test]
    fn markdown_shows_the_readable_columns() {
        let markdown = listing(Format::Markdown);
        assert_eq!(markdown.lines().next().unwrap(), format!("| {} |", READABLE_COLUMNS.join(" | ")));
        assert!(markdown.contains("| 1 | 2025-04-02 | Ada Park | mayor | said |"), "{markdown}");
    }

    #[test]
    fn the_table_folds_role_kind_and_source_into_its_columns() {
        let table = listing(Format::Table);
        for header in TABLE_COLUMNS {
            assert!(table.contains(header), "{header} in {table}");
        }
        assert!(table.contains("support, hedged"), "{table}");
        assert!(table.contains("indirect"), "{table}");
        assert!(!table.contains("speaker_mention"), "{table}");
    }

    #[test]
    fn a_detail_lists_every_column_then_the_extra_lines() {
        let mut out = Vec::new();
        write_detail(&mut out, &view(7), &[("outlet", "Gazette")], Format::Table).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), STATEMENT_COLUMNS.len() + 1);
        assert_eq!(lines[0], "              id: 7");
        assert_eq!(lines[15], "        cue_span: [15,19]");
        assert_eq!(lines[17], "speaker_wikidata: Q4115189");
        assert_eq!(lines[20], "          outlet: Gazette");
        let mut out = Vec::new();
        write_detail(&mut out, &view(7), &[("outlet", "Gazette")], Format::Jsonl).unwrap();
        let object: serde_json::Map<String, Value> = serde_json::from_slice(&out).unwrap();
        assert_eq!((object.len(), &object["outlet"], &object["id"]), (21, &json!("Gazette"), &json!(7)));
    }

    #[test]
    fn extracted_columns_are_statement_columns_in_the_same_order() {
        let doc = Document { path: "a.txt".into(), text: "x".into(), ..Document::default() };
        let statement = statement("Ada Park", "x");
        let line = serde_json::to_string(&StatementLine::new(&doc, &statement)).unwrap();
        let object: serde_json::Map<String, Value> = serde_json::from_str(&line).unwrap();
        let in_column_order: Vec<&str> = STATEMENT_COLUMNS.iter().copied().filter(|c| object.contains_key(*c)).collect();
        assert_eq!(in_column_order.len(), object.len(), "every key is a statement column: {line}");
        assert_eq!(keys_in_order(&line), in_column_order);
    }

    #[test]
    fn jsonl_lines_are_serde_json_lines_with_each_document_written_once() {
        let docs = [
            (Document { path: "plain.txt".into(), ..Document::default() }, vec![statement("Tom Reyes", "taxes will rise")]),
            (
                Document {
                    path: "odd \"name\"\\\t\u{1}é.txt".into(),
                    title: Some("A \"title\"\nwith\u{7f} marks ’".into()),
                    ..Document::default()
                },
                vec![statement("Ann \"Lee\"", "a\u{2028}b"), statement("Bo", "c")],
            ),
            (Document { path: "empty.txt".into(), ..Document::default() }, vec![]),
        ];
let mut out = Vec::new();
        let mut writer = ExtractedWriter::new(Format::Jsonl, &mut out).unwrap();
        let mut expected = Vec::new();
        for (doc, statements) in &docs {
            for s in statements {
                expected.extend(serde_json::to_vec(&StatementLine::new(doc, s)).expect("a line serialises"));
                expected.push(b'\n');
            }
            writer.document(doc, statements).unwrap();
        }
        assert_eq!(writer.finish().unwrap(), 3);
        assert_eq!(String::from_utf8(out).unwrap(), String::from_utf8(expected).unwrap());
    }

    #[test]
    fn extracted_csv_and_markdown_carry_the_columns_an_extraction_knows() {
        let doc = Document { path: "notes/ferry.txt".into(), title: Some("Ferry".into()), ..Document::default() };
        let statements = [statement("Tom Reyes", "the ferry stays")];
        let written = |format| {
            let mut out = Vec::new();
            let mut writer = ExtractedWriter::new(format, &mut out).unwrap();
            writer.document(&doc, &statements).unwrap();
            writer.finish().unwrap();
            String::from_utf8(out).unwrap()
        };
        assert_eq!(
            written(Format::Csv),
            format!(
                "{}\nnotes/ferry.txt,Ferry,2025-08-18,Tom Reyes,Tom Reyes,,said,the ferry stays,direct,oppose,false,taxes,\"[0,4]\",,\"[5,9]\"\n",
                EXTRACTED_COLUMNS.join(",")
            )
        );
        let markdown = written(Format::Markdown);
        assert!(markdown.starts_with("| date | speaker |"), "{markdown}");
        assert!(markdown.contains("| 2025-08-18 | Tom Reyes |  | said | the ferry stays |"), "{markdown}");
    }
}
