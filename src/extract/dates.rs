//! Dates: the day a statement was made, from a time expression that modifies
//! its cue ("said on Sunday", "on Sunday, Kim said", "Kim on Sunday said",
//! "Kim, speaking on Sunday, said") resolved against the document's date
//! with chrono, or else the document's date. A time expression anywhere else
//! in the sentence (in the content, in a relative clause of the source, in
//! another clause) dates something else.

use super::attribution::Attribution;
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static TIME_EXPRESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)\b(?:
            (?P<last>last\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)
          | (?P<yesterday>yesterday)
          | (?P<today>today|tonight|this\s+morning|this\s+afternoon|this\s+evening)
          | last\s+(?P<unit>week|month|year)
          | (?P<mday_month>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<mday>\d{1,2})\b(?:,?\s+(?P<mday_year>\d{4}))?
          | in\s+(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(?P<year>\d{4}))?
        )",
    )
    .expect("the time expression pattern compiles")
});

/// Where the first word that may start a match of `TIME_EXPRESSION` is:
/// every match starts at a word start (`\b`) with one of these words (it
/// is case sensitive): a weekday, a month, or the word that starts the other
/// alternatives. Most cue clauses hold none,
/// and the regex, whose Unicode `\b` leaves its fast engine on curly quotes,
/// need not read the words before the first.
fn first_time_word(context: &str) -> Option<usize> {
    let bytes = context.as_bytes();
    let mut word_start = true;
    for (at, &b) in bytes.iter().enumerate() {
        let letter = b.is_ascii_alphabetic();
        if letter && word_start && time_words_starting_with(b).iter().any(|w| bytes[at..].starts_with(w.as_bytes())) {
            return Some(at);
        }
        // A non-ASCII letter before a word is no `\b` for the regex; taking
        // it for one only lets the regex look at more clauses.
        word_start = !letter;
    }
    None
}

/// The time words that start with `first`.
fn time_words_starting_with(first: u8) -> &'static [&'static str] {
    match first {
        b'M' => &["Monday", "March", "May"],
        b'T' => &["Tuesday", "Thursday"],
        b'W' => &["Wednesday"],
        b'F' => &["Friday", "February"],
        b'S' => &["Saturday", "Sunday", "September"],
        b'J' => &["January", "June", "July"],
        b'A' => &["April", "August"],
        b'O' => &["October"],
        b'N' => &["November"],
        b'D' => &["December"],
        b'y' => &["yesterday"],
        b't' => &["today", "tonight", "this"],
        b'l' => &["last"],
        b'i' => &["in"],
        _ => &[],
    }
}

const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// The date a time expression in `context` points to, relative to
/// `doc_date`; `doc_date` itself when there is none (or it cannot resolve).
pub fn statement_date(context: &str, doc_date: Option<NaiveDate>) -> Option<NaiveDate> {
    let doc = doc_date?;
    Some(resolve(context, doc).unwrap_or(doc))
}

/// The words that may hold a time expression modifying the cue of `a`,
/// joined by spaces: a short opening phrase of the sentence ("On Sunday,"),
/// the words between the source and the cue unless they open a relative
/// clause or an appositive ("Kim, who won in March, said"), and the words
/// after the cue up to the next comma, content left out. The source's own
/// words are left out too.
pub fn cue_clause(text: &str, a: &Attribution, sentences: &[Range<usize>]) -> String {
    let i = sentences.partition_point(|s| s.end <= a.cue.start);
    let Some(sentence) = sentences.get(i) else { return String::new() };
    let bytes = text.as_bytes();
    // Commas and semicolons end the clause pieces.
    let find_break = |from: usize, to: usize| memchr::memchr2(b',', b';', &bytes[from..to]).map(|k| from + k);
    let in_content = |at: usize| a.content.iter().any(|r| r.start <= at && at < r.end);
    let cue_start = a.cue.start.clamp(sentence.start, sentence.end);
    let source_before = a.source.as_ref().filter(|s| s.end <= a.cue.start && s.start >= sentence.start);
    let anchor = source_before.map_or(cue_start, |s| s.start);
    let mut pieces: Vec<Range<usize>> = Vec::with_capacity(4);
    // (Counting no further than five words: sentences are long.)
    if let Some(end) = find_break(sentence.start, anchor) {
        if !in_content(sentence.start) && at_most_four_words(&text[sentence.start..end]) {
            pieces.push(sentence.start..end);
        }
    }
    let before_from = source_before.map_or_else(
        || memchr::memrchr2(b',', b';', &bytes[sentence.start..cue_start]).map_or(sentence.start, |k| sentence.start + k + 1),
        |s| s.end,
    );
    // Between the source and the cue: each comma-separated aside, unless it
    // describes the source rather than the saying.
    let mut from = before_from;
    while from < cue_start {
        let to = find_break(from, cue_start).unwrap_or(cue_start);
        let aside = &text[from..to];
        let first = aside.split_whitespace().next().unwrap_or_default();
        if !DESCRIBES_THE_SOURCE.iter().any(|w| first.eq_ignore_ascii_case(w)) && !in_content(from) {
            pieces.push(from..to);
        }
        from = to + 1;
    }
    let after = a.cue.end.clamp(sentence.start, sentence.end);
    let hi = memchr::memchr2_iter(b',', b';', &bytes[after..sentence.end]).find(|&k| !in_content(after + k)).map_or(sentence.end, |k| after + k);
    pieces.push(after..hi);
    let mut left_out: Vec<Range<usize>> = a.content.iter().chain(a.source.iter()).cloned().collect();
    left_out.sort_by_key(|r| r.start);
    let mut out = String::with_capacity(pieces.iter().map(|r| r.len() + 1).sum());
    for piece in pieces {
        let mut pos = piece.start;
        for r in &left_out {
            if r.end <= pos || r.start >= piece.end {
                continue;
            }
            if r.start > pos {
                out.push_str(&text[pos..r.start]);
            }
            pos = pos.max(r.end);
        }
        if pos < piece.end {
            out.push_str(&text[pos..piece.end]);
        }
        out.push(' ');
    }
    out
}

/// First words of an aside between a source and its cue that describe the
/// source ("Kim, who won in March, said", "Kim, a senator since 2010, said").
const DESCRIBES_THE_SOURCE: &[&str] = &["who", "whom", "whose", "which", "that", "a", "an", "the", "one"];

/// `s.split_whitespace().take(5).count() <= 4`, by bytes while `s` is
/// ASCII (`split_whitespace` decodes every char; this runs for every
/// statement).
fn at_most_four_words(s: &str) -> bool {
    let mut words = 0;
    let mut in_word = false;
    for &b in s.as_bytes() {
        if !b.is_ascii() {
            return s.split_whitespace().take(5).count() <= 4;
        }
        // The ASCII chars `char::is_whitespace` holds: tab to carriage return, space.
        let space = matches!(b, b'\t'..=b'\r' | b' ');
        if !space && !in_word {
            words += 1;
            if words > 4 {
                return false;
            }
        }
        in_word = !space;
    }
    true
}

fn resolve(context: &str, doc: NaiveDate) -> Option<NaiveDate> {
    // `captures_at` still sees the byte before `from` for `\b`.
    let from = first_time_word(context)?;
    let caps = TIME_EXPRESSION.captures_at(context, from)?;
    if let Some(day) = caps.name("weekday") {
        let wanted: Weekday = day.as_str().parse().ok()?;
        let back = (7 + doc.weekday().num_days_from_monday() - wanted.num_days_from_monday()) % 7;
        let back = if back == 0 && caps.name("last").is_some() { 7 } else { back };
        return doc.checked_sub_days(Days::new(back.into()));
    }
    if caps.name("yesterday").is_some() {
        return doc.checked_sub_days(Days::new(1));
    }
    if caps.name("today").is_some() {
        return Some(doc);
    }
    if let Some(unit) = caps.name("unit") {
        return match unit.as_str() {
            "week" => doc.checked_sub_days(Days::new(7)),
            "month" => doc.checked_sub_months(Months::new(1)),
            _ => doc.checked_sub_months(Months::new(12)),
        };
    }
    if let (Some(month), Some(day)) = (caps.name("mday_month"), caps.name("mday")) {
        let m = month_number(month.as_str())?;
        let d: u32 = day.as_str().parse().ok()?;
        let year = match caps.name("mday_year") {
            Some(y) => y.as_str().parse().ok()?,
            None => year_not_after(doc, m, d),
        };
        return NaiveDate::from_ymd_opt(year, m, d);
    }
    if let Some(month) = caps.name("month") {
        let m = month_number(month.as_str())?;
        let year = match caps.name("year") {
            Some(y) => y.as_str().parse().ok()?,
            None => year_not_after(doc, m, 1),
        };
        return NaiveDate::from_ymd_opt(year, m, 1);
    }
    None
}

fn month_number(name: &str) -> Option<u32> {
    MONTHS.iter().position(|m| *m == name).map(|i| i as u32 + 1)
}

/// The year that puts month/day on or before the document date (news
/// reports what was said, not what will be).
fn year_not_after(doc: NaiveDate, month: u32, day: u32) -> i32 {
    if (month, day) > (doc.month(), doc.day()) {
        doc.year() - 1
    } else {
        doc.year()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn at_most_four_words_counts_as_split_whitespace_does() {
        let texts = [
            "", " ", "On Sunday,", "On Sunday, ", "one two three four", " one two three four ", "one two three four five",
            "a\tb\nc\u{b}d\u{c}e", "a\tb\nc\rd", "x\u{a0}y z w v", "“Quoted” words here now", "a b c d\u{2003}e", "a-b c.d e,f g",
        ];
        for text in texts {
            assert_eq!(at_most_four_words(text), text.split_whitespace().take(5).count() <= 4, "{text:?}");
        }
    }

    #[test]
    fn the_first_time_word_is_at_or_before_the_first_match() {
        let texts = [
            "said on Sunday", "“Sunday” she said", "(Monday)", "said last week", "said this morning", "in May 2019",
            "told reporters yesterday", "spoke tonight", "on March 3, 2019", "Kim, speaking Tuesday,", "—Friday", "said\u{a0}today",
        ];
        for text in texts {
            assert!(TIME_EXPRESSION.is_match(text), "{text:?}");
            assert_eq!(first_time_word(text), TIME_EXPRESSION.find(text).map(|m| m.start()), "{text:?}");
        }
        for text in ["said on", "Sundays aside", "the mayor", "“Mayday” he said", "Lasting peace", "thistle"] {
            assert!(first_time_word(text) <= TIME_EXPRESSION.find(text).map(|m| m.start()).or(Some(usize::MAX)), "{text:?}");
        }
        assert_eq!(first_time_word("he said at a briefing"), None);
        assert_eq!(first_time_word("Kim, a senator, said"), None);
    }

    #[test]
    fn weekday_is_the_last_such_day_up_to_the_document_date() {
        // 2025-08-18 is a Monday.
        assert_eq!(statement_date("he said on Sunday", Some(day("2025-08-18"))), Some(day("2025-08-17")));
        assert_eq!(statement_date("she said Monday", Some(day("2025-08-18"))), Some(day("2025-08-18")));
        assert_eq!(statement_date("they said last Monday", Some(day("2025-08-18"))), Some(day("2025-08-11")));
    }

    #[test]
    fn relative_days_weeks_and_months() {
        assert_eq!(statement_date("said yesterday", Some(day("2025-03-01"))), Some(day("2025-02-28")));
        assert_eq!(statement_date("said last week", Some(day("2025-03-10"))), Some(day("2025-03-03")));
        assert_eq!(statement_date("said last month", Some(day("2025-03-31"))), Some(day("2025-02-28")));
    }

    #[test]
    fn month_names_resolve_to_the_past() {
        assert_eq!(statement_date("said in April", Some(day("2025-08-18"))), Some(day("2025-04-01")));
        assert_eq!(statement_date("said in October", Some(day("2025-08-18"))), Some(day("2024-10-01")));
        assert_eq!(statement_date("wrote on March 3", Some(day("2025-08-18"))), Some(day("2025-03-03")));
        assert_eq!(statement_date("wrote on March 3, 2019", Some(day("2025-08-18"))), Some(day("2019-03-03")));
    }

    #[test]
    fn no_expression_gives_the_document_date_and_no_date_gives_none() {
        assert_eq!(statement_date("said", Some(day("2025-08-18"))), Some(day("2025-08-18")));
        assert_eq!(statement_date("said on Sunday", None), None);
    }
}
