//! The rows of `claimdb report`'s listings, built from the plain records
//! and tracking results it is handed: a few readable columns for table and
//! Markdown, every field for the machine formats.

use super::html::{span_text, ShiftView};
use super::{Format, Rows};
use crate::model::{NameCount, Stance, StanceRecord};
use crate::tracking::{MatrixCell, Side};
use serde_json::{json, Value};
use std::collections::HashMap;

fn stance_text(record: &StanceRecord) -> String {
    format!("{}{}", record.stance, if record.hedged { ", hedged" } else { "" })
}

/// The document's title, else its path or URL.
fn source_text(record: &StanceRecord) -> String {
    record.title.clone().or_else(|| record.doc.clone()).unwrap_or_default()
}

/// `cells` in matrix order, of `speakers` by `topics` (most statements first).
pub fn stance_rows(cells: &[MatrixCell], speakers: &[NameCount], topics: &[NameCount], format: Format) -> Rows {
    match format {
        Format::Markdown => stance_pivot(cells, speakers, topics),
        Format::Table => {
            let mut rows = Rows::new(&["speaker", "topic", "stance", "statements", "dates", "latest"]);
            rows.wide = Some(5);
            for cell in cells {
                let latest = cell.latest();
                rows.push(vec![
                    json!(cell.speaker),
                    json!(cell.topic),
                    json!(cell.majority.as_str()),
                    json!(count_lines(cell)),
                    json!(span_text(cell.first_date, cell.last_date).replace(" to ", " to\n")),
                    json!(format!("{}: {} “{}”", stance_text(latest), latest.cue, latest.content)),
                ]);
            }
            rows
        }
        _ => {
            let mut rows = Rows::new(&[
                "speaker", "topic", "stance", "statements", "support", "oppose", "neutral", "uncertain_support",
                "uncertain_oppose", "hedged", "first_date", "last_date", "latest_id", "latest_stance", "latest_content",
            ]);
            for cell in cells {
                let latest = cell.latest();
                rows.push(vec![
                    json!(cell.speaker),
                    json!(cell.topic),
                    json!(cell.majority.as_str()),
                    json!(cell.statements()),
                    json!(cell.support),
                    json!(cell.oppose),
                    json!(cell.neutral),
                    json!(cell.uncertain_support),
                    json!(cell.uncertain_oppose),
                    json!(cell.hedged),
                    json!(cell.first_date),
                    json!(cell.last_date),
                    json!(latest.id),
                    json!(latest.stance),
                    json!(latest.content),
                ]);
            }
            rows
        }
    }
}

/// "1 support\n2 oppose": the counts behind a cell, zeros left out.
fn count_lines(cell: &MatrixCell) -> String {
    cell.count_phrases().collect::<Vec<_>>().join("\n")
}

/// Speakers down, topics across, each most statements first; a cell is the
/// stance most statements take, the counts and their dates.
fn stance_pivot(cells: &[MatrixCell], speakers: &[NameCount], topics: &[NameCount]) -> Rows {
    let mut headers = vec!["speaker"];
    headers.extend(topics.iter().map(|t| t.name.as_str()));
    let mut rows = Rows::new(&headers);
    let index: HashMap<(i64, i64), &MatrixCell> =
        cells.iter().map(|c| ((c.records[0].speaker_id, c.records[0].topic_id), c)).collect();
    for speaker in speakers {
        let mut row = vec![json!(speaker.name)];
        for topic in topics {
            row.push(index.get(&(speaker.id, topic.id)).map_or(Value::Null, |c| {
                let mut counts = count_lines(c).replace('\n', ", ");
                if c.hedged > 0 {
                    counts.push_str(&format!(" ({} hedged)", c.hedged));
                }
                json!([c.majority.as_str(), &counts, &span_text(c.first_date, c.last_date)].join("; "))
            }));
        }
        rows.push(row);
    }
    rows
}

/// `records` come in date order; a support or oppose under
/// `min_confidence` reads "uncertain" in the tables for people.
pub fn timeline_rows(records: &[StanceRecord], format: Format, min_confidence: f64) -> Rows {
    let ordered = records.iter();
    if for_people(format) {
        let mut rows = Rows::new(&["date", "speaker", "topic", "stance", "cue", "content", "source", "id"]);
        rows.wide = Some(5);
        for r in ordered {
            rows.push(vec![
                json!(r.date),
                json!(r.speaker),
                json!(r.topic),
                json!(if r.stance != Stance::Neutral && r.confidence < min_confidence {
                    format!("{}, uncertain", stance_text(r))
                } else {
                    stance_text(r)
                }),
                json!(r.cue),
                json!(r.content),
                json!(source_text(r)),
                json!(r.id),
            ]);
        }
        return rows;
    }
    let mut rows = Rows::new(&[
        "date", "speaker", "topic", "stance", "hedged", "confidence", "cue", "content", "kind", "title", "doc", "id",
    ]);
    for r in ordered {
        rows.push(vec![
            json!(r.date),
            json!(r.speaker),
            json!(r.topic),
            json!(r.stance),
            json!(r.hedged),
            json!(r.confidence),
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
fn statement_cell(record: &StanceRecord, date: &str, format: Format) -> String {
    let separator = line_separator(format);
    let mut parts = vec![
        format!("{}, {}", stance_text(record), date),
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

/// The machine-readable columns of one statement, each prefixed.
fn statement_columns(prefix: &str) -> Vec<String> {
    PAIR_STATEMENT_COLUMNS.iter().map(|c| format!("{prefix}_{c}")).collect()
}

/// The statement columns a report's machine formats give each statement
/// of a pair (shifts, disagreements), named as `STATEMENT_COLUMNS` names them.
const PAIR_STATEMENT_COLUMNS: [&str; 9] = ["id", "stance", "hedged", "confidence", "date", "cue", "content", "title", "doc"];

fn statement_values(record: &StanceRecord) -> Vec<Value> {
    vec![
        json!(record.id),
        json!(record.stance),
        json!(record.hedged),
        json!(record.confidence),
        json!(record.date),
        json!(record.cue),
        json!(record.content),
        json!(record.title),
        json!(record.doc),
    ]
}

/// Shifts, strongest first, with the counts of statements on each side.
pub fn shift_rows(shifts: &[ShiftView], format: Format) -> Rows {
    if for_people(format) {
        let mut rows = Rows::new(&["speaker", "topic", "evidence", "before", "after"]);
        for shift in shifts {
            let (from, to) = (shift.from, shift.to);
            rows.push(vec![
                json!(to.speaker),
                json!(to.topic),
                json!(format!(
                    "{} {}{}then {} {}{}",
                    shift.before,
                    from.stance,
                    line_separator(format),
                    shift.after,
                    to.stance,
                    shift.back_and_forth()
                )),
                json!(statement_cell(from, &shift.date_text(0), format)),
                json!(statement_cell(to, &shift.date_text(1), format)),
            ]);
        }
        return rows;
    }
    let mut headers =
        vec!["speaker".to_string(), "topic".to_string(), "statements_before".into(), "statements_after".into(), "changes".into()];
    headers.extend(statement_columns("from"));
    headers.push("from_held_on".into());
    headers.extend(statement_columns("to"));
    headers.push("to_held_on".into());
    let mut rows = Rows::new(&headers.iter().map(String::as_str).collect::<Vec<_>>());
    for shift in shifts {
        let mut row =
            vec![json!(shift.to.speaker), json!(shift.to.topic), json!(shift.before), json!(shift.after), json!(shift.changes)];
        row.extend(statement_values(shift.from));
        row.push(json!(shift.held_on[0]));
        row.extend(statement_values(shift.to));
        row.push(json!(shift.held_on[1]));
        rows.push(row);
    }
    rows
}

pub fn disagreement_headers(format: Format) -> Vec<String> {
    if for_people(format) {
        return ["topic", "supports", "opposes"].iter().map(|h| h.to_string()).collect();
    }
    let mut headers: Vec<String> = ["topic", "supporter", "opponent", "supporter_statements", "opponent_statements"]
        .iter()
        .map(|h| h.to_string())
        .collect();
    headers.extend(statement_columns("supporter"));
    headers.extend(statement_columns("opponent"));
    headers
}

/// One disagreement: each side's strongest statement and how many it has.
pub fn disagreement_row(
    supporter: &StanceRecord,
    support: &Side,
    opponent: &StanceRecord,
    oppose: &Side,
    format: Format,
) -> Vec<Value> {
    if for_people(format) {
        let separator = line_separator(format);
        let side = |record: &StanceRecord, side: &Side| {
            let count = format!("{} ({} statement{})", record.speaker, side.statements, if side.statements == 1 { "" } else { "s" });
            json!([count, statement_cell(record, &span_text(record.date, record.date), format)].join(separator))
        };
        return vec![json!(supporter.topic), side(supporter, support), side(opponent, oppose)];
    }
    let mut row = vec![
        json!(supporter.topic),
        json!(supporter.speaker),
        json!(opponent.speaker),
        json!(support.statements),
        json!(oppose.statements),
    ];
    row.extend(statement_values(supporter));
    row.extend(statement_values(opponent));
    row
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Stance, STATEMENT_COLUMNS};

    fn record(id: i64, speaker: &str, stance: Stance, day: u32) -> StanceRecord {
        StanceRecord {
            id,
            speaker_id: id,
            speaker: speaker.into(),
            topic_id: 1,
            topic: "bridge".into(),
            stance,
            hedged: false,
            confidence: 0.9,
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
    fn a_shift_lists_both_statements_and_the_evidence_in_machine_formats() {
        let (from, to) = (record(1, "Ada Park", Stance::Support, 1), record(2, "Ada Park", Stance::Oppose, 9));
        let held_on = [from.date, chrono::NaiveDate::from_ymd_opt(2025, 5, 5)];
        let rows = shift_rows(&[ShiftView { from: &from, to: &to, before: 3, after: 2, held_on, changes: 1 }], Format::Csv);
        assert_eq!(rows.headers[..6], ["speaker", "topic", "statements_before", "statements_after", "changes", "from_id"]);
        assert_eq!(rows.rows.len(), 1);
        assert_eq!(rows.rows[0][2..4], [json!(3), json!(2)]);
        let column = |name: &str| rows.rows[0][rows.headers.iter().position(|h| h == name).unwrap()].clone();
        assert_eq!(column("to_content"), json!("statement 2"));
        assert_eq!((column("to_date"), column("to_held_on")), (json!("2025-05-09"), json!("2025-05-05")));
    }

    #[test]
    fn a_shift_statement_reporting_an_earlier_act_shows_both_dates() {
        let (from, to) = (record(1, "Ada Park", Stance::Support, 1), record(2, "Ada Park", Stance::Oppose, 9));
        let held_on = [from.date, chrono::NaiveDate::from_ymd_opt(2025, 5, 5)];
        let rows = shift_rows(&[ShiftView { from: &from, to: &to, before: 3, after: 2, held_on, changes: 1 }], Format::Table);
        let after = rows.rows[0][4].as_str().unwrap();
        assert!(after.starts_with("oppose, 2025-05-05 (reported 2025-05-09)"), "{after}");
        assert!(rows.rows[0][3].as_str().unwrap().starts_with("support, 2025-05-01\n"), "{}", rows.rows[0][3]);
    }

    #[test]
    fn markdown_puts_a_statement_on_one_line() {
        let (ada, ben) = (record(1, "Ada Park", Stance::Support, 1), record(2, "Ben Ode", Stance::Oppose, 3));
        let side = |record: &StanceRecord| Side {
            stance: record.stance,
            statements: 2,
            strongest: crate::model::Position {
                id: record.id,
                speaker_id: record.speaker_id,
                topic_id: 1,
                stance: record.stance,
                confidence: 0.9,
                day: None,
                document_id: None,
            },
        };
        let row = disagreement_row(&ada, &side(&ada), &ben, &side(&ben), Format::Markdown);
        assert_eq!(disagreement_headers(Format::Markdown), ["topic", "supports", "opposes"]);
        let supports = row[1].as_str().unwrap();
        assert!(!supports.contains('\n') && supports.starts_with("Ada Park (2 statements); support"), "{supports}");
    }
}
