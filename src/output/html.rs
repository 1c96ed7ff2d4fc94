//! `claimdb report html`: one self-contained page (inline CSS, SVG and a
//! few lines of script, no fonts, nothing fetched) that summarises a corpus: the matrix
//! of the most-quoted speakers by the most-discussed topics, the strongest
//! changes of position, and per speaker a folded section (`<details>`) with
//! a timeline and the statements behind each of their cells. A matrix cell
//! links to its statements, and a few lines of inline script open the
//! section it points into. Every piece of text from the database goes
//! through `escape`.

use crate::model::{NameCount, Stance, StanceRecord};
use crate::tracking::{self, Majority, MatrixCell};
use chrono::NaiveDate;
use std::collections::HashMap;
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

/// A change of position as the page shows it.
pub struct ShiftView<'a> {
    pub from: &'a StanceRecord,
    pub to: &'a StanceRecord,
    /// Confident statements on each side.
    pub before: usize,
    pub after: usize,
    /// The days the two positions held: a statement's own date, or the
    /// earlier date of the act it reports ("endorsed her in early June").
    pub held_on: [Option<NaiveDate>; 2],
    /// How many times the speaker changed sides on the topic.
    pub changes: usize,
}

impl ShiftView<'_> {
    /// The date of the position before (0) or after (1) the shift as a
    /// reader should see it: the day it held, and the statement's own date
    /// after it when that is later.
    /// " (back and forth: N changes)" for a speaker who changed sides on
    /// the topic more than once, else nothing.
    pub fn back_and_forth(&self) -> String {
        if self.changes > 1 {
            format!(" (back and forth: {} changes)", self.changes)
        } else {
            String::new()
        }
    }

    pub fn date_text(&self, side: usize) -> String {
        let record = if side == 0 { self.from } else { self.to };
        match (self.held_on[side], record.date) {
            (Some(held), Some(said)) if held != said => format!("{held} (reported {said})"),
            _ => span_text(record.date, record.date),
        }
    }
}

/// Everything the page shows, chosen by the command.
pub struct ReportPage<'a> {
    pub title: &'a str,
    /// The matrix's rows and columns, in order (most statements first).
    pub speakers: &'a [NameCount],
    pub topics: &'a [NameCount],
    /// The statements of those speakers on those topics (store order).
    pub records: &'a [StanceRecord],
    /// The strongest shifts, strongest first, and how many there are in all.
    pub shifts: &'a [ShiftView<'a>],
    pub all_shifts: usize,
    /// The whole selection the matrix was cut from.
    pub total_speakers: usize,
    pub total_topics: usize,
    pub total_statements: u64,
    /// What the page was limited to, for its summary ("speaker 'rubio'").
    pub filters: Vec<String>,
    pub min_confidence: f64,
    /// The fewest statements a shift needs on one of its sides.
    pub min_statements: u64,
}

const STYLE: &str = r#"
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f; margin: 24px 32px; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
h3 { font-size: 14px; margin: 12px 0 4px; }
.summary, .note { color: #555; margin: 0 0 10px; }
.note { font-size: 13px; }
.legend span { display: inline-block; padding: 1px 8px; margin-right: 6px; border-radius: 3px; font-size: 13px; }
.scroll { overflow-x: auto; }
table.matrix { border-collapse: collapse; }
table.matrix th, table.matrix td { border: 1px solid #d8d8d8; padding: 2px 4px; }
table.matrix thead th { vertical-align: bottom; background: #f5f5f5; font-weight: 600; font-size: 12.5px; }
table.matrix thead th div { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; max-height: 150px; overflow: hidden; text-overflow: ellipsis; }
table.matrix tbody th { text-align: left; font-weight: 600; font-size: 13px; white-space: nowrap; background: #f5f5f5; }
table.matrix tbody th a { color: inherit; text-decoration: none; }
table.matrix th .n { color: #777; font-weight: 400; }
table.matrix td { font-size: 11px; text-align: center; min-width: 30px; height: 28px; line-height: 1.15; padding: 1px 2px; }
table.matrix td a { display: block; color: inherit; text-decoration: none; }
table.matrix td b { display: block; font-size: 11px; }
.support { background: #cfe9d1; } .support b { color: #1b5e20; }
.oppose { background: #f7cfcf; } .oppose b { color: #b71c1c; }
.mixed { background: #f3e3b5; } .mixed b { color: #7a5a00; }
.neutral { background: #ececec; } .neutral b { color: #555; }
.leans.support { background: #edf7ee; } .leans.oppose { background: #fcefef; } .leans.mixed { background: #faf3de; } .leans b { font-style: italic; }
.tag.uncertain { opacity: .6; font-style: italic; }
td.empty { background: #fff; }
ul.shifts, ul.said { padding-left: 18px; } ul.shifts li { margin-bottom: 10px; } ul.said li { margin-bottom: 4px; }
.tag { display: inline-block; padding: 0 5px; border-radius: 3px; font-size: 11.5px; font-weight: 700; text-transform: uppercase; }
.tag.support { color: #1b5e20; } .tag.oppose { color: #b71c1c; } .tag.neutral { color: #555; }
q, .quote { color: #333; } .src { color: #777; font-size: 12.5px; }
details.speaker { border-top: 1px solid #eee; padding: 4px 0; }
details.speaker > summary { cursor: pointer; font-weight: 600; }
details.speaker > summary .n { color: #777; font-weight: 400; }
svg text { font: 11.5px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; fill: #333; }
svg { max-width: 100%; height: auto; display: block; }
svg .axis { stroke: #bbb; } svg .row { stroke: #eee; } svg .link { stroke: #999; stroke-width: 1.2; fill: none; }
svg .outside { fill: #fff; stroke: #555; stroke-width: 1.5; }
"#;

fn stance_colour(stance: Stance) -> &'static str {
    match stance {
        Stance::Support => "#2e7d32",
        Stance::Oppose => "#c62828",
        Stance::Neutral => "#8a8a8a",
    }
}

/// The whole page.
pub fn report_page(page: &ReportPage) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(out, "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>", escape(page.title));
    let _ = writeln!(out, "<h1>{}</h1>", escape(page.title));
    write_summary(&mut out, page);
    if page.records.is_empty() {
        out.push_str(
            "<p>No statement to show: none has a topic yet (define topics with <code>claimdb topics add</code> \
             and run <code>claimdb topics apply</code>), or the filters match none.</p>\n",
        );
    } else {
        let cells = tracking::stance_matrix(page.records, page.min_confidence);
        let axis = DateAxis::of(page.records);
        write_matrix(&mut out, page, &cells);
        write_shifts(&mut out, page);
        write_speakers(&mut out, page, &cells, axis.as_ref());
    }
    out.push_str(OPEN_TARGET);
    out.push_str("</body>\n</html>\n");
    out
}

/// Opens the folded section a link points into (a cell's statements), for
/// browsers that do not open a closed `<details>` on their own; inline, so
/// the page still fetches nothing.
const OPEN_TARGET: &str = "<script>
function openTarget() {
  var target = location.hash && document.getElementById(location.hash.slice(1));
  for (var e = target; e; e = e.parentElement) { if (e.tagName === 'DETAILS') e.open = true; }
  if (target) target.scrollIntoView();
}
addEventListener('hashchange', openTarget);
openTarget();
</script>
";

fn write_summary(out: &mut String, page: &ReportPage) {
    let _ = write!(
        out,
        "<p class=\"summary\">{} statements by {} speakers on {} topics",
        page.total_statements,
        page.total_speakers,
        page.total_topics
    );
    if !page.filters.is_empty() {
        let _ = write!(out, " ({})", escape(&page.filters.join(", ")));
    }
    let _ = writeln!(
        out,
        ". The matrix shows the {} most-quoted speakers by the {} topics they discuss most.</p>",
        page.speakers.len(),
        page.topics.len()
    );
    out.push_str(
        "<p class=\"note\">Speakers that were never resolved to anyone (\u{201c}they\u{201d}, \u{201c}it\u{201d}) \
         and topics named by a general word (\u{201c}percent\u{201d}, \u{201c}question\u{201d}) are left out. \
         <code>claimdb report html --speakers N --topics N</code> shows more.</p>\n",
    );
}

/// Anchors: a speaker's section and a cell's statements.
fn speaker_anchor(row: usize) -> String {
    format!("s{row}")
}

fn cell_anchor(row: usize, column: usize) -> String {
    format!("s{row}t{column}")
}

fn write_matrix(out: &mut String, page: &ReportPage, cells: &[MatrixCell]) {
    out.push_str("<h2>Where each speaker stands</h2>\n");
    out.push_str(
        "<p class=\"legend\">A cell is the side most of the speaker\u{2019}s statements on the topic take \
         (neutral when none takes a side), with how many support / oppose / neutral: <span class=\"support\">support</span>\
         <span class=\"oppose\">oppose</span><span class=\"mixed\">mixed (as many each way)</span>\
         <span class=\"neutral\">neutral</span>. Click a cell for its statements.</p>\n",
    );
    let _ = writeln!(
        out,
        "<p class=\"legend\">Support or oppose whose stance confidence is under {} is uncertain: counted apart \
         (<b>+n?</b>), and a cell with no confident side only leans: <span class=\"leans support\">for?</span>\
         <span class=\"leans oppose\">against?</span><span class=\"leans mixed\">mixed?</span>.</p>",
        page.min_confidence
    );
    let index: HashMap<(i64, i64), &MatrixCell> =
        cells.iter().map(|c| ((c.records[0].speaker_id, c.records[0].topic_id), c)).collect();
    out.push_str("<div class=\"scroll\"><table class=\"matrix\">\n<thead><tr><th></th>");
    for topic in page.topics {
        let _ = write!(
            out,
            "<th title=\"{} ({} statements)\"><div>{}</div></th>",
            escape(&topic.name),
            topic.statements,
            escape(&shorten(&topic.name, 28))
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (row, speaker) in page.speakers.iter().enumerate() {
        let _ = write!(
            out,
            "<tr><th title=\"{} statements in all\"><a href=\"#{}\">{}</a> <span class=\"n\">{}</span></th>",
            speaker.statements,
            speaker_anchor(row),
            escape(&shorten(&speaker.name, 32)),
            speaker.statements
        );
        for (column, topic) in page.topics.iter().enumerate() {
            match index.get(&(speaker.id, topic.id)) {
                Some(cell) => write_cell(out, cell, &cell_anchor(row, column)),
                None => out.push_str("<td class=\"empty\"></td>"),
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
}

fn write_cell(out: &mut String, cell: &MatrixCell, anchor: &str) {
    let uncertain = cell.uncertain_support + cell.uncertain_oppose;
    let _ = write!(
        out,
        "<td class=\"{}\" title=\"{}\"><a href=\"#{anchor}\"><b>{}</b>{}/{}/{}{}</a></td>",
        cell.majority,
        escape(&format!("{} on {}: {}", cell.speaker, cell.topic, counts_text(cell))),
        short_majority(cell.majority),
        cell.support,
        cell.oppose,
        cell.neutral,
        if uncertain > 0 { format!(" +{uncertain}?") } else { String::new() },
    );
}

fn short_majority(majority: Majority) -> &'static str {
    match majority {
        Majority::Support => "for",
        Majority::Oppose => "against",
        Majority::Mixed => "mixed",
        Majority::Neutral => "neutral",
        Majority::LeansSupport => "for?",
        Majority::LeansOppose => "against?",
        Majority::LeansMixed => "mixed?",
    }
}

/// "1 statement", or "3 statements: 1 support, 2 oppose".
fn counts_text(cell: &MatrixCell) -> String {
    let n = cell.statements();
    let parts: Vec<String> = cell.count_phrases().collect();
    let hedged = if cell.hedged > 0 { format!(" ({} hedged)", cell.hedged) } else { String::new() };
    format!("{n} statement{}: {}{hedged}", if n == 1 { "" } else { "s" }, parts.join(", "))
}

fn write_shifts(out: &mut String, page: &ReportPage) {
    out.push_str("<h2>Changes of position</h2>\n");
    let _ = writeln!(
        out,
        "<p class=\"note\">A speaker who supported a topic on one day and opposed it on a later one (or the other way), \
         counting only statements that have a source, take their side on the topic itself and speak of their own time \
         (one that reports an earlier act is dated then). Each side stands on a statement whose stance confidence is \
         at least {}, or on two agreeing ones at 0.6 or above when most of the speaker's statements on the topic take \
         that side; one side has at least {} statement{}. Strongest evidence first.{}</p>",
        page.min_confidence,
        page.min_statements,
        if page.min_statements == 1 { "" } else { "s" },
        if page.all_shifts > page.shifts.len() {
            format!(" The first {} of {}; <code>claimdb report shifts</code> lists them all.", page.shifts.len(), page.all_shifts)
        } else {
            String::new()
        }
    );
    if page.shifts.is_empty() {
        out.push_str("<p>No change between support and oppose stands on enough evidence.</p>\n");
        return;
    }
    out.push_str("<ul class=\"shifts\">\n");
    for shift in page.shifts {
        let _ = writeln!(
            out,
            "<li><b>{}</b> on <b>{}</b> ({} statement{} before, {} after{}):<br>{}<br>→ {}</li>",
            escape(&shift.to.speaker),
            escape(&shift.to.topic),
            shift.before,
            if shift.before == 1 { "" } else { "s" },
            shift.after,
            escape(&shift.back_and_forth()),
            statement_snippet(shift.from, false, &shift.date_text(0)),
            statement_snippet(shift.to, false, &shift.date_text(1)),
        );
    }
    out.push_str("</ul>\n");
}

/// How a statement's source is named: its title, else the file name of
/// its document (a corpus's folders say nothing the file name does not),
/// else its path or URL as given.
fn source_name(record: &StanceRecord) -> &str {
    if let Some(title) = record.title.as_deref() {
        return title;
    }
    let doc = record.doc.as_deref().unwrap_or("");
    if doc.contains("://") {
        return doc;
    }
    doc.rsplit(['/', '\\']).next().unwrap_or(doc)
}

/// Content as the page quotes it: inside `<q>` unless it opens with a
/// quotation mark of its own (a direct quote), which would show doubled.
fn quoted(content: &str) -> String {
    if content.starts_with(['"', '\u{201c}', '\u{2018}', '\'']) {
        format!("<span class=\"quote\">{}</span>", escape(content))
    } else {
        format!("<q>{}</q>", escape(content))
    }
}

/// One statement: its stance (marked when `uncertain`), cue, content and source.
fn statement_snippet(record: &StanceRecord, uncertain: bool, date: &str) -> String {
    let source = source_name(record);
    format!(
        "<span class=\"tag {}{}\">{}{}{}</span> {} {} <span class=\"src\" title=\"{}\">({}{}{})</span>",
        record.stance,
        if uncertain { " uncertain" } else { "" },
        record.stance,
        if uncertain { ", uncertain" } else { "" },
        if record.hedged { ", hedged" } else { "" },
        escape(&record.cue),
        quoted(&record.content),
        escape(record.doc.as_deref().unwrap_or("")),
        escape(date),
        if source.is_empty() { "" } else { ", " },
        escape(source),
    )
}

/// "2025-08-18", "2025-08-18 to 2025-08-22", or "undated".
pub fn span_text(first: Option<NaiveDate>, last: Option<NaiveDate>) -> String {
    match (first, last) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} to {b}"),
        _ => "undated".to_string(),
    }
}

/// Statements listed under a cell, the latest ones: a page of a large
/// corpus stays small enough to open.
const CELL_STATEMENTS: usize = 12;
/// A dot's tooltip shows the start of what was said; the full text is
/// listed under the speaker's topics.
const TIP_CHARS: usize = 140;
/// Dots drawn on one timeline row; a busier row shows an even sample.
const ROW_DOTS: usize = 60;

/// `text` as one word for a POSIX shell.
fn shell_word(text: &str) -> String {
    if !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric() || "-_.,".contains(c)) {
        return text.to_string();
    }
    format!("'{}'", text.replace('\'', "'\\''"))
}

/// Per speaker, folded: their timeline and, per topic, their statements.
fn write_speakers(out: &mut String, page: &ReportPage, cells: &[MatrixCell], axis: Option<&DateAxis>) {
    out.push_str("<h2>Speakers</h2>\n");
    if let Some(axis) = axis {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(&axis.note()));
    }
    let columns: HashMap<i64, usize> = page.topics.iter().enumerate().map(|(i, t)| (t.id, i)).collect();
    for (row, speaker) in page.speakers.iter().enumerate() {
        // In the matrix's column order (most-discussed topic first), not
        // the store's alphabetical one.
        let mut mine: Vec<&MatrixCell> = cells.iter().filter(|c| c.records[0].speaker_id == speaker.id).collect();
        mine.sort_by_key(|c| columns[&c.records[0].topic_id]);
        let shown: usize = mine.iter().map(|c| c.statements()).sum();
        let _ = writeln!(
            out,
            "<details class=\"speaker\" id=\"{}\"><summary>{} <span class=\"n\">{} of {} statements on these topics</span></summary>",
            speaker_anchor(row),
            escape(&speaker.name),
            shown,
            speaker.statements
        );
        if let Some(axis) = axis {
            out.push_str(&timeline_svg(&mine, axis));
        }
        for cell in mine {
            let column = columns[&cell.records[0].topic_id];
            let _ = writeln!(
                out,
                "<h3 id=\"{}\">{}: {}, {}</h3>\n<ul class=\"said\">",
                cell_anchor(row, column),
                escape(cell.topic),
                short_majority(cell.majority),
                escape(&counts_text(cell))
            );
            let hidden = cell.records.len().saturating_sub(CELL_STATEMENTS);
            for record in &cell.records[hidden..] {
                let _ = writeln!(out, "<li>{}</li>", statement_snippet(record, cell.is_uncertain(record), &span_text(record.date, record.date)));
            }
            out.push_str("</ul>\n");
            if hidden > 0 {
                let _ = writeln!(
                    out,
                    "<p class=\"note\">The latest {CELL_STATEMENTS} of {}; <code>claimdb report timeline --speaker {} --topic {}</code> lists them all.</p>",
                    cell.records.len(),
                    escape(&shell_word(cell.speaker)),
                    escape(&shell_word(cell.topic))
                );
            }
        }
        out.push_str("</details>\n");
    }
}

/// The dates a timeline spans: where the statements are, so that one
/// misdated statement does not squeeze every other dot to one edge. The
/// axis runs from the 2nd to the 98th percentile of the dates, narrowed
/// further to the dates within three interquartile ranges of the middle
/// half (a corpus too small for percentiles to cut anything). Dates outside
/// are drawn at the edge as hollow diamonds.
struct DateAxis {
    first: NaiveDate,
    last: NaiveDate,
    outside: usize,
}

impl DateAxis {
    fn of(records: &[StanceRecord]) -> Option<DateAxis> {
        let mut dates: Vec<NaiveDate> = records.iter().filter_map(|r| r.date).collect();
        dates.sort_unstable();
        let (first, last) = clipped_range(&dates)?;
        let outside = dates.iter().filter(|d| **d < first || **d > last).count();
        Some(DateAxis { first, last, outside })
    }

    fn note(&self) -> String {
        let mut note = format!("Timelines run from {} to {}", self.first, self.last);
        if self.outside > 0 {
            note.push_str(&format!(
                "; {} statement{} dated outside that range {} drawn at the edge as a hollow diamond",
                self.outside,
                if self.outside == 1 { "" } else { "s" },
                if self.outside == 1 { "is" } else { "are" }
            ));
        }
        note.push_str(". Hollow dots are hedged statements, faded ones uncertain.");
        note
    }
}

/// The axis for sorted `dates` (see `DateAxis`); None without dates.
fn clipped_range(dates: &[NaiveDate]) -> Option<(NaiveDate, NaiveDate)> {
    let n = dates.len();
    let at = |percent: usize| dates[(n - 1) * percent / 100];
    let (q1, q3) = (*dates.first()?, *dates.last()?);
    let (q1, q3) = if n >= 4 { (at(25), at(75)) } else { (q1, q3) };
    // A week at least, so that a corpus of one busy week keeps its stragglers.
    let reach = chrono::Duration::days(3 * (q3 - q1).num_days().max(7));
    let inside = |d: &&NaiveDate| **d >= q1 - reach && **d <= q3 + reach;
    let first = *dates.iter().find(inside).expect("the quartiles are inside");
    let last = *dates.iter().rev().find(inside).expect("the quartiles are inside");
    // The percentiles cut as many dates at each end.
    let cut = (n - 1) * 2 / 100;
    Some((first.max(dates[cut]), last.min(dates[n - 1 - cut])))
}

/// Timeline geometry, in SVG user units.
const SVG_WIDTH: f64 = 1000.0;
const LABEL_WIDTH: f64 = 190.0;
const RIGHT_MARGIN: f64 = 30.0;
const ROW_HEIGHT: f64 = 26.0;
const AXIS_HEIGHT: f64 = 28.0;

/// One row per topic, a dot per dated statement (hollow when hedged), grey
/// lines joining a topic's statements in order; every dot's tooltip is the
/// statement. All speakers share one date axis, so they line up.
fn timeline_svg(cells: &[&MatrixCell], axis: &DateAxis) -> String {
    let rows: Vec<&&MatrixCell> = cells.iter().filter(|c| c.records.iter().any(|r| r.date.is_some())).collect();
    if rows.is_empty() {
        return "<p class=\"src\">No dated statement.</p>\n".into();
    }
    let height = AXIS_HEIGHT + ROW_HEIGHT * rows.len() as f64 + 8.0;
    let days = (axis.last - axis.first).num_days().max(1) as f64;
    let plot = SVG_WIDTH - LABEL_WIDTH - RIGHT_MARGIN;
    let x_of = |date: NaiveDate| {
        let clipped = date.clamp(axis.first, axis.last);
        LABEL_WIDTH + plot * ((clipped - axis.first).num_days() as f64 / days)
    };
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {SVG_WIDTH} {height}\" width=\"{SVG_WIDTH}\" height=\"{height}\" role=\"img\">"
    );
    write_axis(&mut svg, axis.first, axis.last, height, &x_of);
    for (row, cell) in rows.iter().enumerate() {
        let y = AXIS_HEIGHT + ROW_HEIGHT * row as f64 + ROW_HEIGHT / 2.0;
        let _ = writeln!(svg, "<line class=\"row\" x1=\"{LABEL_WIDTH}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>", SVG_WIDTH - RIGHT_MARGIN);
        let _ = writeln!(svg, "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", LABEL_WIDTH - 12.0, y + 4.0, escape(&shorten(cell.topic, 26)));
        let dated: Vec<&StanceRecord> = cell.records.iter().filter(|r| r.date.is_some()).collect();
        let step = dated.len().div_ceil(ROW_DOTS).max(1);
        let dots = dot_positions(dated.into_iter().step_by(step), &x_of);
        if dots.len() > 1 {
            let points: Vec<String> = dots.iter().map(|(x, _)| format!("{x:.1},{y}")).collect();
            let _ = writeln!(svg, "<polyline class=\"link\" points=\"{}\"/>", points.join(" "));
        }
        for (x, record) in dots {
            let date = record.date.expect("only dated records are placed");
            let tip = escape(&format!(
                "{} ({}, {}{}): {} {}",
                date,
                record.topic,
                record.stance,
                if record.hedged { ", hedged" } else { "" },
                record.cue,
                shorten(&record.content, TIP_CHARS)
            ));
            if date < axis.first || date > axis.last {
                let _ = writeln!(
                    svg,
                    "<path class=\"outside\" d=\"M{x:.1} {} l6 6 l-6 6 l-6 -6 z\"><title>outside the axis: {tip}</title></path>",
                    y - 6.0
                );
                continue;
            }
            let colour = stance_colour(record.stance);
            let fill = if record.hedged { "#fff" } else { colour };
            let faded = if cell.is_uncertain(record) { " opacity=\"0.35\"" } else { "" };
            let _ = writeln!(
                svg,
                "<circle cx=\"{x:.1}\" cy=\"{y}\" r=\"6\" fill=\"{fill}\" stroke=\"{colour}\" stroke-width=\"2\"{faded}><title>{tip}</title></circle>"
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
    const SPREAD: f64 = 9.0;
    let mut dots: Vec<(f64, &StanceRecord)> = Vec::new();
    let mut same_day = 0;
    let mut previous: Option<NaiveDate> = None;
    for record in records {
        same_day = if record.date == previous { same_day + 1 } else { 0 };
        previous = record.date;
        let x = x_of(record.date.expect("only dated records are placed")) + SPREAD * same_day.min(4) as f64;
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

    fn record(speaker: &str, topic: &str, content: &str, date: Option<NaiveDate>) -> StanceRecord {
        StanceRecord {
            id: 1,
            speaker_id: 1,
            speaker: speaker.into(),
            topic_id: 1,
            topic: topic.into(),
            stance: Stance::Oppose,
            hedged: false,
            confidence: 0.9,
            date,
            cue: "said".into(),
            content: content.into(),
            kind: Kind::Direct,
            title: None,
            doc: Some("a.txt".into()),
        }
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 8, d).unwrap()
    }

    fn page_of(title: &str, records: &[StanceRecord]) -> String {
        let speakers = [NameCount { id: 1, name: records[0].speaker.clone(), statements: records.len() as u64 }];
        let topics = [NameCount { id: 1, name: records[0].topic.clone(), statements: records.len() as u64 }];
        report_page(&ReportPage {
            title,
            speakers: &speakers,
            topics: &topics,
            records,
            shifts: &[],
            all_shifts: 0,
            total_speakers: 1,
            total_topics: 1,
            total_statements: records.len() as u64,
            filters: vec![],
            min_confidence: 0.8,
            min_statements: 2,
        })
    }

    #[test]
    fn every_text_from_the_database_is_escaped() {
        let page = page_of("R&D <report>", &[record("<script>alert(1)</script>", "a \"b\"", "x < y & 'z'", Some(day(18)))]);
        assert!(!page.contains("<script>alert"), "{page}");
        assert_eq!(page.matches("<script>").count(), 1, "only the page's own script");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("a &quot;b&quot;"));
        assert!(page.contains("x &lt; y &amp; &#39;z&#39;"));
        assert!(page.contains("<title>R&amp;D &lt;report&gt;</title>"));
    }

    #[test]
    fn a_quote_with_its_own_quotation_marks_is_not_quoted_again() {
        let page = page_of("r", &[record("Ann Lee", "tolls", "\u{201c}No more tolls,\u{201d} she said", Some(day(18)))]);
        assert!(page.contains("<span class=\"quote\">\u{201c}No more tolls,\u{201d} she said</span>"), "{page}");
        let page = page_of("r", &[record("Ann Lee", "tolls", "that tolls must go", Some(day(18)))]);
        assert!(page.contains("<q>that tolls must go</q>"));
    }

    #[test]
    fn a_source_without_a_title_is_named_by_its_file_name() {
        let mut from_a_folder = record("Ann Lee", "tolls", "that tolls must go", Some(day(18)));
        from_a_folder.doc = Some("../corpus/text/daily_2024-01-02_tolls.txt".into());
        assert_eq!(source_name(&from_a_folder), "daily_2024-01-02_tolls.txt");
        let page = page_of("r", &[from_a_folder.clone()]);
        assert!(page.contains("title=\"../corpus/text/daily_2024-01-02_tolls.txt\">(2025-08-18, daily_2024-01-02_tolls.txt)"), "{page}");
        from_a_folder.doc = Some("https://example.org/news/tolls".into());
        assert_eq!(source_name(&from_a_folder), "https://example.org/news/tolls");
        from_a_folder.title = Some("Tolls to go".into());
        assert_eq!(source_name(&from_a_folder), "Tolls to go");
    }

    #[test]
    fn a_speakers_topics_follow_the_matrix_columns() {
        let on = |topic_id: i64, topic: &str| StanceRecord { topic_id, ..record("Ann Lee", topic, "that it must go", Some(day(18))) };
        let records = [on(1, "apples"), on(2, "zebras"), on(2, "zebras")];
        let speakers = [NameCount { id: 1, name: "Ann Lee".into(), statements: 3 }];
        let topics = [NameCount { id: 2, name: "zebras".into(), statements: 2 }, NameCount { id: 1, name: "apples".into(), statements: 1 }];
        let page = report_page(&ReportPage {
            title: "r",
            speakers: &speakers,
            topics: &topics,
            records: &records,
            shifts: &[],
            all_shifts: 0,
            total_speakers: 1,
            total_topics: 2,
            total_statements: 3,
            filters: vec![],
            min_confidence: 0.8,
            min_statements: 2,
        });
        assert!(page.contains("Ann Lee <span class=\"n\">3 of 3 statements on these topics</span>"), "{page}");
        let section = &page[page.find("<details").unwrap()..];
        assert!(section.find("<h3 id=\"s0t0\">zebras").unwrap() < section.find("<h3 id=\"s0t1\">apples").unwrap());
    }

    #[test]
    fn the_page_fetches_nothing() {
        let page = page_of("Report", &[record("Ann", "tax", "no", Some(day(18)))]);
        for outside in ["<script src", "<link", "src=", "@import", "url(", "fetch(", "XMLHttpRequest"] {
            assert!(!page.contains(outside), "{outside}");
        }
        assert_eq!(page.matches("<script").count(), 1, "one inline script");
    }

    #[test]
    fn a_lone_misdated_statement_is_drawn_at_the_edge_not_stretching_the_axis() {
        let mut records: Vec<StanceRecord> = (1..=28).map(|d| record("Ann", "tax", "fine", Some(day(d)))).collect();
        records.push(record("Ann", "tax", "misdated", NaiveDate::from_ymd_opt(2015, 1, 1)));
        let axis = DateAxis::of(&records).unwrap();
        assert_eq!((axis.first, axis.last, axis.outside), (day(1), day(28), 1));
        let page = page_of("Report", &records);
        assert_eq!(page.matches("class=\"outside\"").count(), 1);
        assert!(page.contains("1 statement dated outside that range is drawn at the edge"));
    }

    #[test]
    fn few_dates_are_all_inside_the_axis() {
        assert_eq!(clipped_range(&[day(1), day(9)]), Some((day(1), day(9))));
        assert_eq!(clipped_range(&[day(1), day(2), day(3), day(20)]), Some((day(1), day(20))));
        assert_eq!(clipped_range(&[day(4)]), Some((day(4), day(4))));
        assert_eq!(clipped_range(&[]), None);
    }

    #[test]
    fn a_shell_word_survives_quotes_and_spaces() {
        assert_eq!(shell_word("Rubio"), "Rubio");
        assert_eq!(shell_word("Marco Rubio"), "'Marco Rubio'");
        assert_eq!(shell_word("O'Brien"), "'O'\\''Brien'");
    }

    #[test]
    fn a_busy_cell_lists_its_latest_statements_and_says_how_to_see_all() {
        let records: Vec<StanceRecord> =
            (1..=20).map(|d| StanceRecord { id: d as i64, ..record("Ann Lee", "tax", &format!("remark {d}."), Some(day(d))) }).collect();
        let page = page_of("Report", &records);
        let listed = &page[page.find("<ul class=\"said\">").unwrap()..];
        assert!(!listed.contains("remark 8.") && listed.contains("remark 9.") && listed.contains("remark 20."));
        assert!(page.contains("The latest 12 of 20; <code>claimdb report timeline --speaker &#39;Ann Lee&#39; --topic tax</code>"));
    }

    #[test]
    fn ticks_span_the_range_without_repeats() {
        assert_eq!(axis_ticks(day(18), day(18)), vec![day(18)]);
        assert_eq!(axis_ticks(day(18), day(20)), vec![day(18), day(19), day(20)]);
        let ticks = axis_ticks(day(1), day(31));
        assert_eq!((ticks.len(), ticks[0], *ticks.last().unwrap()), (6, day(1), day(31)));
    }
}
