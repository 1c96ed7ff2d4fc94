//! Dates: the day a statement was made, from a time expression near its cue
//! ("on Sunday", "yesterday", "last week", "in April", "March 3") resolved
//! against the document's date with chrono, or else the document's date.

use aho_corasick::AhoCorasick;
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use regex::Regex;
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

/// Every match of `TIME_EXPRESSION` holds one of these words (it is case
/// sensitive): a weekday, a month, or the word that starts the other
/// alternatives. Most cue clauses hold none, and this test is much cheaper
/// than the regex, whose Unicode `\b` leaves its fast engine on curly quotes.
static TIME_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    let starts = ["yesterday", "today", "tonight", "this", "last"];
    AhoCorasick::new(days.iter().chain(&starts).chain(&MONTHS)).expect("the time words build an automaton")
});

const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// The date a time expression in `context` points to, relative to
/// `doc_date`; `doc_date` itself when there is none (or it cannot resolve).
pub fn statement_date(context: &str, doc_date: Option<NaiveDate>) -> Option<NaiveDate> {
    let doc = doc_date?;
    Some(resolve(context, doc).unwrap_or(doc))
}

fn resolve(context: &str, doc: NaiveDate) -> Option<NaiveDate> {
    if !TIME_WORDS.is_match(context) {
        return None;
    }
    let caps = TIME_EXPRESSION.captures(context)?;
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
