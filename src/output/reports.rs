//! The rows of `claimdb report`'s listings, built from the plain records
//! and tracking results it is handed: a few readable columns for table and
//! Markdown, every field for the machine formats.

use super::html::span_text;
use super::{Format, Rows};
use crate::model::StanceRecord;
use crate::tracking::{self, Disagreement, MatrixCell, Shift};
use serde_json::{json, Value};

fn stance_text(record: &StanceRecord) -> String {
    format!("{}{}", record.stance, if record.hedged { ", hedged" } else { "" })
}

/// The document's title, else its path or URL.
fn source_text(record: &StanceRecord) -> String {
    record.title.clone().or_else(|| record.doc.clone()).unwrap_or_default()
}

pub fn stance_rows(records: &[StanceRecord], format: Format) -> Rows {
    let cells = tracking::stance_matrix(records);
    match format {
        Format::Markdown => stance_pivot(records, &cells),
        Format::Table => {
            let mut rows = Rows::new(&["speaker", "topic", "stance", "statements", "dates", "latest"]);
            rows.wide = Some(5);
            for cell in &cells {
                rows.push(vec![
                    json!(cell.speaker),
                    json!(cell.topic),
                    json!(stance_text(cell.latest)),
                    json!(count_lines(cell)),
                    json!(span_text(cell.first_date, cell.last_date).replace(" to ", " to\n")),
                    json!(format!("{} “{}”", cell.latest.cue, cell.latest.content)),
                ]);
            }
            rows
        }
        _ => {
            let mut rows = Rows::new(&[
                "speaker", "topic", "stance", "hedged", "statements", "support", "oppose", "neutral", "first_date",
                "last_date", "latest_id", "latest_content",
            ]);
            for cell in &cells {
                rows.push(vec![
                    json!(cell.speaker),
                    json!(cell.topic),
                    json!(cell.latest.stance),
                    json!(cell.latest.hedged),
                    json!(cell.statements()),
                    json!(cell.support),
                    json!(cell.oppose),
                    json!(cell.neutral),
                    json!(cell.first_date),
                    json!(cell.last_date),
                    json!(cell.latest.id),
                    json!(cell.latest.content),
                ]);
            }
            rows
        }
    }
}

/// "1 support\n2 oppose": the counts behind a cell, zeros left out.
fn count_lines(cell: &MatrixCell) -> String {
    [(cell.support, "support"), (cell.oppose, "oppose"), (cell.neutral, "neutral")]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, stance)| format!("{n} {stance}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Speakers down, topics across; a cell is the latest stance, how many
/// statements are behind it and their dates.
fn stance_pivot(records: &[StanceRecord], cells: &[MatrixCell]) -> Rows {
    let topics = tracking::topics(records);
    let mut headers = vec!["speaker"];
    headers.extend(topics.iter().copied());
    let mut rows = Rows::new(&headers);
    let index = tracking::cell_index(cells);
    for speaker in tracking::speakers(records) {
        let mut row = vec![json!(speaker)];
        for topic in &topics {
            let cell = index.get(&(speaker, *topic));
            row.push(cell.map_or(Value::Null, |c| {
                let count = format!("{} statement{}", c.statements(), if c.statements() == 1 { "" } else { "s" });
                json!([stance_text(c.latest), count, span_text(c.first_date, c.last_date)].join("; "))
            }));
        }
        rows.push(row);
    }
    rows
}

pub fn timeline_rows(records: &[StanceRecord], format: Format) -> Rows {
    // The store orders by speaker and topic; a timeline reads by date.
    let mut ordered: Vec<&StanceRecord> = records.iter().collect();
    ordered.sort_by_key(|r| (r.date.is_none(), r.date));
    if for_people(format) {
        let mut rows = Rows::new(&["date", "speaker", "topic", "stance", "cue", "content", "source", "id"]);
        rows.wide = Some(5);
        for r in ordered {
            rows.push(vec![
                json!(r.date),
                json!(r.speaker),
                json!(r.topic),
                json!(stance_text(r)),
                json!(r.cue),
                json!(r.content),
                json!(source_text(r)),
                json!(r.id),
            ]);
        }
        return rows;
    }
    let mut rows =
        Rows::new(&["date", "speaker", "topic", "stance", "hedged", "cue", "content", "kind", "title", "doc", "id"]);
    for r in ordered {
        rows.push(vec![
            json!(r.date),
            json!(r.speaker),
            json!(r.topic),
            json!(r.stance),
            json!(r.hedged),
            json!(r.cue),
            json!(r.content),
            json!(r.kind),
            json!(r.title),
            json!(r.doc),
            json!(r.id),
        ]);
    }
    rows
}

/// A statement in one table cell: stance and date, what was said, where.
/// Lines in a table cell; Markdown cells are one line, so "; " there.
fn statement_cell(record: &StanceRecord, format: Format) -> String {
    let separator = line_separator(format);
    let mut parts = vec![
        format!("{}, {}", stance_text(record), span_text(record.date, record.date)),
        format!("{} “{}”", record.cue, record.content),
    ];
    parts.push(source_text(record));
    parts.retain(|p| !p.is_empty());
    parts.join(separator)
}

fn line_separator(format: Format) -> &'static str {
    if format == Format::Markdown {
        "; "
    } else {
        "\n"
    }
}

/// Table and Markdown get a few readable columns; the machine formats every field.
fn for_people(format: Format) -> bool {
    matches!(format, Format::Table | Format::Markdown)
}

/// The statement columns a report's machine formats give each statement
/// of a pair (shifts, disagreements), named as `STATEMENT_COLUMNS` names them.
const PAIR_STATEMENT_COLUMNS: [&str; 8] = ["id", "stance", "hedged", "date", "cue", "content", "title", "doc"];

/// The machine-readable columns of one statement, each prefixed.
fn statement_columns(prefix: &str) -> Vec<String> {
    PAIR_STATEMENT_COLUMNS.iter().map(|c| format!("{prefix}_{c}")).collect()
}

fn statement_values(record: &StanceRecord) -> Vec<Value> {
    vec![
        json!(record.id),
        json!(record.stance),
        json!(record.hedged),
        json!(record.date),
        json!(record.cue),
        json!(record.content),
        json!(record.title),
        json!(record.doc),
    ]
}

pub fn shift_rows(shifts: &[Shift], format: Format) -> Rows {
    if for_people(format) {
        let mut rows = Rows::new(&["speaker", "topic", "before", "after"]);
        for shift in shifts {
            rows.push(vec![
                json!(shift.to.speaker),
                json!(shift.to.topic),
                json!(statement_cell(shift.from, format)),
                json!(statement_cell(shift.to, format)),
            ]);
        }
        return rows;
    }
    let mut headers = vec!["speaker".to_string(), "topic".to_string()];
    headers.extend(statement_columns("from"));
    headers.extend(statement_columns("to"));
    let mut rows = Rows::new(&headers.iter().map(String::as_str).collect::<Vec<_>>());
    for shift in shifts {
        let mut row = vec![json!(shift.to.speaker), json!(shift.to.topic)];
        row.extend(statement_values(shift.from));
        row.extend(statement_values(shift.to));
        rows.push(row);
    }
    rows
}

pub fn disagreement_rows(disagreements: &[Disagreement], format: Format) -> Rows {
    if for_people(format) {
        let separator = line_separator(format);
        let mut rows = Rows::new(&["topic", "supports", "opposes"]);
        for d in disagreements {
            rows.push(vec![
                json!(d.supporter.topic),
                json!([d.supporter.speaker.clone(), statement_cell(d.supporter, format)].join(separator)),
                json!([d.opponent.speaker.clone(), statement_cell(d.opponent, format)].join(separator)),
            ]);
        }
        return rows;
    }
    let mut headers = vec!["topic".to_string(), "supporter".to_string(), "opponent".to_string()];
    headers.extend(statement_columns("supporter"));
    headers.extend(statement_columns("opponent"));
    let mut rows = Rows::new(&headers.iter().map(String::as_str).collect::<Vec<_>>());
    for d in disagreements {
        let mut row = vec![json!(d.supporter.topic), json!(d.supporter.speaker), json!(d.opponent.speaker)];
        row.extend(statement_values(d.supporter));
        row.extend(statement_values(d.opponent));
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Stance, STATEMENT_COLUMNS};

    fn record(id: i64, speaker: &str, stance: Stance, day: u32) -> StanceRecord {
        StanceRecord {
            id,
            speaker: speaker.into(),
            topic: "bridge".into(),
            stance,
            hedged: false,
            date: chrono::NaiveDate::from_ymd_opt(2025, 5, day),
            cue: "said".into(),
            content: format!("statement {id}"),
            kind: Kind::Indirect,
            title: Some("Council".into()),
            doc: Some("council.txt".into()),
        }
    }

    #[test]
    fn pair_columns_are_statement_columns() {
        for column in PAIR_STATEMENT_COLUMNS {
            assert!(STATEMENT_COLUMNS.contains(&column), "{column}");
        }
    }

    #[test]
    fn a_shift_lists_both_statements_in_machine_formats() {
        let records = [record(1, "Ada Park", Stance::Support, 1), record(2, "Ada Park", Stance::Oppose, 9)];
        let shifts = tracking::shifts(&records);
        let rows = shift_rows(&shifts, Format::Csv);
        assert_eq!(rows.headers[..4], ["speaker", "topic", "from_id", "from_stance"]);
        assert_eq!(rows.rows.len(), 1);
        let to_content = rows.headers.iter().position(|h| h == "to_content").unwrap();
        assert_eq!(rows.rows[0][to_content], json!("statement 2"));
    }

    #[test]
    fn markdown_puts_a_statement_on_one_line() {
        let records = [record(1, "Ada Park", Stance::Support, 1), record(2, "Ben Ode", Stance::Oppose, 3)];
        let pairs = tracking::disagreements(&records, None);
        let rows = disagreement_rows(&pairs, Format::Markdown);
        assert_eq!(rows.headers, ["topic", "supports", "opposes"]);
        let supports = rows.rows[0][1].as_str().unwrap();
        assert!(!supports.contains('\n') && supports.starts_with("Ada Park; support"), "{supports}");
    }
}
