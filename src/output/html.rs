//! `claimdb report html`: one self-contained page (inline CSS and SVG, no
//! scripts, no fonts, nothing fetched) with the stance matrix, the shifts and
//! an SVG timeline per speaker. Every piece of text from the database goes
//! through `escape`.

use crate::model::Stance;
use crate::model::StanceRecord;
use crate::tracking::{self, MatrixCell, Shift};
use chrono::NaiveDate;
use std::fmt::Write as _;

/// Text as HTML text or attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f; margin: 24px 32px; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 4px; }
.summary { color: #555; margin: 0 0 12px; }
.legend span { display: inline-block; padding: 1px 8px; margin-right: 6px; border-radius: 3px; font-size: 13px; }
table.matrix { border-collapse: collapse; width: 100%; }
table.matrix th, table.matrix td { border: 1px solid #d0d0d0; padding: 4px 8px; vertical-align: top; }
table.matrix th { background: #f5f5f5; text-align: left; font-weight: 600; }
table.matrix td { font-size: 12.5px; line-height: 1.35; }
table.matrix th { font-size: 13.5px; }
td .stance { font-weight: 700; font-size: 14px; text-transform: uppercase; letter-spacing: .03em; }
td .meta { color: #444; }
.support { background: #d4edd6; } .support .stance { color: #1b5e20; }
.oppose { background: #f9d2d2; } .oppose .stance { color: #b71c1c; }
.neutral { background: #ececec; } .neutral .stance { color: #555; }
td.empty { background: #fff; color: #bbb; text-align: center; }
.hedged { background-image: repeating-linear-gradient(135deg, transparent 0 6px, rgba(255,255,255,.55) 6px 10px); }
ul.shifts { padding-left: 18px; } ul.shifts li { margin-bottom: 8px; }
.tag { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 12px; font-weight: 700; text-transform: uppercase; }
.tag.support { color: #1b5e20; } .tag.oppose { color: #b71c1c; } .tag.neutral { color: #555; }
q { color: #333; } .src { color: #777; font-size: 13px; }
svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; fill: #333; }
svg { max-width: 100%; height: auto; display: block; }
svg .axis { stroke: #bbb; } svg .row { stroke: #eee; } svg .link { stroke: #999; stroke-width: 1.5; fill: none; }
"#;

fn stance_colour(stance: Stance) -> &'static str {
    match stance {
        Stance::Support => "#2e7d32",
        Stance::Oppose => "#c62828",
        Stance::Neutral => "#8a8a8a",
    }
}

/// The whole page for `records` (in the store's report order).
pub fn report_page(title: &str, records: &[StanceRecord]) -> String {
    let mut page = String::new();
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(page, "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>", escape(title));
    let _ = writeln!(page, "<h1>{}</h1>", escape(title));
    let speakers = tracking::speakers(records);
    let topics = tracking::topics(records);
    let _ = writeln!(
        page,
        "<p class=\"summary\">{} statements by {} speakers on {} topics{}.</p>",
        unique_statements(records),
        speakers.len(),
        topics.len(),
        date_range(records).map(|(a, b)| format!(", {}", span_text(Some(a), Some(b)))).unwrap_or_default()
    );
    page.push_str(
        "<p class=\"legend\"><span class=\"support\">support</span><span class=\"oppose\">oppose</span>\
         <span class=\"neutral\">neutral</span><span class=\"neutral hedged\">hedged (striped, hollow dot)</span></p>\n",
    );
    if records.is_empty() {
        page.push_str("<p>No statement has a topic yet: define topics (<code>claimdb topics add</code>) and run <code>claimdb topics apply</code>.</p>\n");
    } else {
        write_matrix(&mut page, records, &speakers, &topics);
        write_shifts(&mut page, &tracking::shifts(records));
        write_timelines(&mut page, records);
    }
    page.push_str("</body>\n</html>\n");
    page
}

fn unique_statements(records: &[StanceRecord]) -> usize {
    let mut ids: Vec<i64> = records.iter().map(|r| r.id).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

fn date_range(records: &[StanceRecord]) -> Option<(NaiveDate, NaiveDate)> {
    let dates = records.iter().filter_map(|r| r.date);
    Some((dates.clone().min()?, dates.max()?))
}

/// "2025-08-18", "2025-08-18 to 2025-08-22", or "undated".
pub fn span_text(first: Option<NaiveDate>, last: Option<NaiveDate>) -> String {
    match (first, last) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} to {b}"),
        _ => "undated".to_string(),
    }
}

fn write_matrix(page: &mut String, records: &[StanceRecord], speakers: &[&str], topics: &[&str]) {
    let cells = tracking::stance_matrix(records);
    page.push_str("<h2>Where each speaker stands (latest statement per topic)</h2>\n<table class=\"matrix\">\n<tr><th>speaker</th>");
    for topic in topics {
        let _ = write!(page, "<th>{}</th>", escape(topic));
    }
    page.push_str("</tr>\n");
    let index = tracking::cell_index(&cells);
    for speaker in speakers {
        let _ = write!(page, "<tr><th>{}</th>", escape(speaker));
        for topic in topics {
            match index.get(&(*speaker, *topic)) {
                Some(cell) => write_cell(page, cell),
                None => page.push_str("<td class=\"empty\">–</td>"),
            }
        }
        page.push_str("</tr>\n");
    }
    page.push_str("</table>\n");
}

fn write_cell(page: &mut String, cell: &MatrixCell) {
    let latest = cell.latest;
    let hedged = if latest.hedged { " hedged" } else { "" };
    let _ = write!(
        page,
        "<td class=\"{}{hedged}\" title=\"{}\"><div class=\"stance\">{}{}</div><div class=\"meta\">{}<br>{}</div></td>",
        latest.stance,
        escape(&format!("{} {}: {}", latest.speaker, latest.cue, latest.content)),
        latest.stance,
        if latest.hedged { ", hedged" } else { "" },
        escape(&counts_text(cell)),
        escape(&short_span(cell.first_date, cell.last_date)),
    );
}

/// "1 statement", or "3 statements: 1 support, 2 oppose" when they differ.
fn counts_text(cell: &MatrixCell) -> String {
    let n = cell.statements();
    if n == 1 {
        return "1 statement".into();
    }
    let parts: Vec<String> = [(cell.support, "support"), (cell.oppose, "oppose"), (cell.neutral, "neutral")]
        .iter()
        .filter(|(count, _)| *count > 0)
        .map(|(count, stance)| format!("{count} {stance}"))
        .collect();
    if parts.len() == 1 {
        format!("{n} statements")
    } else {
        format!("{n} statements: {}", parts.join(", "))
    }
}

/// "2025-08-18", "2025-08-18 → 08-22" within a year, else both in full.
fn short_span(first: Option<NaiveDate>, last: Option<NaiveDate>) -> String {
    match (first, last) {
        (Some(a), Some(b)) if a != b && a.format("%Y").to_string() == b.format("%Y").to_string() => {
            format!("{a} → {}", b.format("%m-%d"))
        }
        (Some(a), Some(b)) if a != b => format!("{a} → {b}"),
        _ => span_text(first, last),
    }
}

fn write_shifts(page: &mut String, shifts: &[Shift]) {
    page.push_str("<h2>Changes of position</h2>\n");
    if shifts.is_empty() {
        page.push_str("<p>No speaker changed between support and oppose on a topic.</p>\n");
        return;
    }
    page.push_str("<ul class=\"shifts\">\n");
    for shift in shifts {
        let _ = writeln!(
            page,
            "<li><b>{}</b> on <b>{}</b>: {} → {}</li>",
            escape(&shift.to.speaker),
            escape(&shift.to.topic),
            statement_snippet(shift.from),
            statement_snippet(shift.to),
        );
    }
    page.push_str("</ul>\n");
}

fn statement_snippet(record: &StanceRecord) -> String {
    let source = record.title.as_deref().or(record.doc.as_deref()).unwrap_or("");
    format!(
        "<span class=\"tag {}\">{}</span> {} <q>{}</q> <span class=\"src\">({}{}{})</span>",
        record.stance,
        record.stance,
        escape(&record.cue),
        escape(&record.content),
        escape(&span_text(record.date, record.date)),
        if source.is_empty() { "" } else { ", " },
        escape(source),
    )
}

/// Timeline geometry, in SVG user units.
const SVG_WIDTH: f64 = 1000.0;
const LABEL_WIDTH: f64 = 190.0;
const RIGHT_MARGIN: f64 = 30.0;
const ROW_HEIGHT: f64 = 30.0;
const AXIS_HEIGHT: f64 = 28.0;

fn write_timelines(page: &mut String, records: &[StanceRecord]) {
    page.push_str("<h2>Timelines</h2>\n");
    let Some((first, last)) = date_range(records) else {
        page.push_str("<p>No statement has a date.</p>\n");
        return;
    };
    // Records come grouped by speaker (the store's order).
    for group in records.chunk_by(|a, b| a.speaker == b.speaker) {
        let speaker = &group[0].speaker;
        let mine: Vec<&StanceRecord> = group.iter().collect();
        let _ = writeln!(page, "<h3>{}</h3>", escape(speaker));
        page.push_str(&timeline_svg(&mine, first, last));
        let undated = mine.iter().filter(|r| r.date.is_none()).count();
        if undated > 0 {
            let _ = writeln!(page, "<p class=\"src\">{undated} undated statements are not shown.</p>");
        }
    }
}

/// One row per topic, a dot per statement at its date (hollow when hedged),
/// grey lines joining a topic's statements in order; every dot's tooltip is
/// the statement. All speakers share one date axis, so they line up.
fn timeline_svg(records: &[&StanceRecord], first: NaiveDate, last: NaiveDate) -> String {
    let mut topics: Vec<&str> = records.iter().map(|r| r.topic.as_str()).collect();
    topics.dedup();
    let height = AXIS_HEIGHT + ROW_HEIGHT * topics.len() as f64 + 8.0;
    let days = (last - first).num_days().max(1) as f64;
    let plot = SVG_WIDTH - LABEL_WIDTH - RIGHT_MARGIN;
    let x_of = |date: NaiveDate| LABEL_WIDTH + plot * ((date - first).num_days() as f64 / days);
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {SVG_WIDTH} {height}\" width=\"{SVG_WIDTH}\" height=\"{height}\" role=\"img\">"
    );
    write_axis(&mut svg, first, last, height, &x_of);
    for (row, topic) in topics.iter().enumerate() {
        let y = AXIS_HEIGHT + ROW_HEIGHT * row as f64 + ROW_HEIGHT / 2.0;
        let _ = writeln!(svg, "<line class=\"row\" x1=\"{LABEL_WIDTH}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>", SVG_WIDTH - RIGHT_MARGIN);
        let _ = writeln!(svg, "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", LABEL_WIDTH - 12.0, y + 4.0, escape(&shorten(topic, 26)));
        let dots = dot_positions(records.iter().filter(|r| r.topic == *topic && r.date.is_some()).copied(), &x_of);
        if dots.len() > 1 {
            let points: Vec<String> = dots.iter().map(|(x, _)| format!("{x:.1},{y}")).collect();
            let _ = writeln!(svg, "<polyline class=\"link\" points=\"{}\"/>", points.join(" "));
        }
        for (x, record) in dots {
            let colour = stance_colour(record.stance);
            let fill = if record.hedged { "#fff" } else { colour };
            let tip = format!(
                "{} ({}, {}{}): {} {}",
                span_text(record.date, record.date),
                record.topic,
                record.stance,
                if record.hedged { ", hedged" } else { "" },
                record.cue,
                record.content
            );
            let _ = writeln!(
                svg,
                "<circle cx=\"{x:.1}\" cy=\"{y}\" r=\"7\" fill=\"{fill}\" stroke=\"{colour}\" stroke-width=\"2.5\"><title>{}</title></circle>",
                escape(&tip)
            );
        }
    }
    svg.push_str("</svg>\n");
    svg
}

/// Dots along a row: statements of one day are spread a little apart so
/// every one is visible.
fn dot_positions<'a>(
    records: impl Iterator<Item = &'a StanceRecord>,
    x_of: &dyn Fn(NaiveDate) -> f64,
) -> Vec<(f64, &'a StanceRecord)> {
    const SPREAD: f64 = 16.0;
    let mut dots: Vec<(f64, &StanceRecord)> = Vec::new();
    let mut same_day = 0;
    let mut previous: Option<NaiveDate> = None;
    for record in records {
        same_day = if record.date == previous { same_day + 1 } else { 0 };
        previous = record.date;
        let x = x_of(record.date.expect("only dated records are placed")) + SPREAD * same_day as f64;
        dots.push((x.min(SVG_WIDTH - RIGHT_MARGIN / 2.0), record));
    }
    dots
}

fn write_axis(svg: &mut String, first: NaiveDate, last: NaiveDate, height: f64, x_of: &dyn Fn(NaiveDate) -> f64) {
    let y = AXIS_HEIGHT - 10.0;
    let _ = writeln!(svg, "<line class=\"axis\" x1=\"{LABEL_WIDTH}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>", SVG_WIDTH - RIGHT_MARGIN);
    let ticks = axis_ticks(first, last);
    for (i, date) in ticks.iter().copied().enumerate() {
        let x = x_of(date);
        // The outer labels stay inside the drawing.
        let anchor = match i {
            0 if ticks.len() > 1 => "start",
            i if i + 1 == ticks.len() && i > 0 => "end",
            _ => "middle",
        };
        let _ = writeln!(svg, "<line class=\"axis\" x1=\"{x:.1}\" y1=\"{y}\" x2=\"{x:.1}\" y2=\"{}\" stroke-dasharray=\"2 4\"/>", height - 4.0);
        let _ = writeln!(svg, "<text x=\"{x:.1}\" y=\"{}\" text-anchor=\"{anchor}\">{date}</text>", y - 5.0);
    }
}

/// At most six evenly spaced days, always the first and last.
fn axis_ticks(first: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
    let days = (last - first).num_days();
    if days == 0 {
        return vec![first];
    }
    let steps = days.min(5);
    let mut ticks: Vec<NaiveDate> = (0..=steps).map(|i| first + chrono::Duration::days(days * i / steps)).collect();
    ticks.dedup();
    ticks
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    fn record(speaker: &str, topic: &str, content: &str) -> StanceRecord {
        StanceRecord {
            id: 1,
            speaker: speaker.into(),
            topic: topic.into(),
            stance: Stance::Oppose,
            hedged: false,
            date: NaiveDate::from_ymd_opt(2025, 8, 18),
            cue: "said".into(),
            content: content.into(),
            kind: Kind::Direct,
            title: None,
            doc: Some("a.txt".into()),
        }
    }

    #[test]
    fn every_text_from_the_database_is_escaped() {
        let page = report_page("R&D <report>", &[record("<script>alert(1)</script>", "a \"b\"", "x < y & 'z'")]);
        assert!(!page.contains("<script>"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("a &quot;b&quot;"));
        assert!(page.contains("x &lt; y &amp; &#39;z&#39;"));
        assert!(page.contains("<title>R&amp;D &lt;report&gt;</title>"));
    }

    #[test]
    fn the_page_fetches_nothing() {
        let page = report_page("Report", &[record("Ann", "tax", "no")]);
        for outside in ["<script", "<link", "src=", "@import", "url("] {
            assert!(!page.contains(outside), "{outside}");
        }
    }

    #[test]
    fn ticks_span_the_range_without_repeats() {
        let day = |d| NaiveDate::from_ymd_opt(2025, 8, d).unwrap();
        assert_eq!(axis_ticks(day(18), day(18)), vec![day(18)]);
        assert_eq!(axis_ticks(day(18), day(20)), vec![day(18), day(19), day(20)]);
        let ticks = axis_ticks(day(1), day(31));
        assert_eq!((ticks.len(), ticks[0], *ticks.last().unwrap()), (6, day(1), day(31)));
    }
}
