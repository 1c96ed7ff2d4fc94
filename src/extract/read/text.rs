//! Plain text with optional front matter.
//!
//! Front matter is recognised only at the very top of the file (after an
//! optional byte order mark): a line `---`, then `key: value` lines, then a
//! closing `---` (or `...`) line within the first [`MAX_FRONT_MATTER_LINES`]
//! lines, and the first non-blank line between the markers must look like
//! `key: value`. Otherwise the whole file is the text. Keys (case-insensitive):
//! `title`, `date`, `outlet` (or `source`, `publisher`, `site`), `url` (or
//! `link`), `author` (or `byline`); others are ignored. Values may be quoted.
//!
//! The document text is the body after the closing marker with leading blank
//! lines dropped (so the text starts at its first line of content); the rest
//! of the body is kept byte for byte. A file without front matter is kept
//! exactly as it is, with no whitespace, line ending or BOM change: PolNeAR's
//! gold offsets index the raw file text.
//!
//! A text whose first line looks like a headline (see [`headline`]) gets that
//! line as its title when the front matter gives none; the line stays in the
//! text, and extraction takes no statement from it. A short first line that
//! ends with a full stop may still name the document, when what follows
//! reads as an article under its headline (see [`title_line`]) or the file
//! is named after it (see [`line_named_by_file`]), but ends as a sentence
//! does, so extraction keeps what it reports.

use super::{parse_date, Notice};
use crate::model::Document;

const MAX_FRONT_MATTER_LINES: usize = 200;

/// Turn the decoded text of a file into a document; `None` when there is no
/// text (empty, blank, or front matter only).
pub(super) fn read_text(mut content: String, location: &str, notices: &mut Vec<Notice>) -> Option<Document> {
    let mut doc = Document::default();
    if let Some(front) = find_front_matter(&content) {
        apply_front_matter(&mut doc, &content[front.fields.clone()], location, notices);
        content.drain(..front.body_start);
    }
    if content.trim().is_empty() {
        return None;
    }
    if doc.title.is_none() {
        doc.title = title_line(&content).or_else(|| line_named_by_file(&content, location)).map(|line| content[line].to_string());
    }
    doc.text = content;
    Some(doc)
}

/// Headlines are short: longer first lines are the article's first paragraph.
const MAX_HEADLINE_WORDS: usize = 20;

/// The first line of a text when a blank line follows it: the only place a
/// headline or title stands.
struct FirstLine<'a> {
    /// The line trimmed.
    line: &'a str,
    /// Its byte range in the text.
    span: std::ops::Range<usize>,
    /// The text after the line.
    after: &'a str,
}

impl<'a> FirstLine<'a> {
    fn of(text: &'a str) -> Option<Self> {
        let start = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
        let rest = &text[start..];
        let line_end = rest.find('\n')?;
        let raw = &rest[..line_end];
        let after = &rest[line_end + 1..];
        if !after.split('\n').next().unwrap_or_default().trim().is_empty() {
            return None;
        }
        let line = raw.trim();
        let lead = start + raw.len() - raw.trim_start().len();
        Some(FirstLine { line, span: lead..lead + line.len(), after })
    }

    /// Not starting in lower case and not longer than a headline.
    fn opens_like_a_headline(words: &str) -> bool {
        words.chars().next().is_some_and(|c| !c.is_lowercase()) && words.split_whitespace().nth(MAX_HEADLINE_WORDS).is_none()
    }
}

/// The byte range of the first line of `text` (trimmed) when it looks like a
/// headline: short, not ending as a sentence or clause does (".", ",", ";",
/// ":"), not starting in lower case, and followed by a blank line and more
/// text.
pub fn headline(text: &str) -> Option<std::ops::Range<usize>> {
    let first = FirstLine::of(text)?;
    let line = first.line;
    let ends_as_a_sentence = line.ends_with(['.', ',', ';', ':']);
    (!first.after.trim().is_empty() && FirstLine::opens_like_a_headline(line) && line.chars().any(char::is_alphabetic) && !ends_as_a_sentence)
        .then_some(first.span)
}

/// Paragraphs after a full-stop first line that make it a title rather
/// than a one-line opening paragraph: a title heads an article.
const PARAGRAPHS_AFTER_A_TITLE: usize = 2;

/// Words of a sentence-case full-stop line that still reads as a title
/// when a paragraph at least twice as long follows it: shorter than most
/// opening paragraphs of news, which run to 25 words or more.
const MAX_SENTENCE_TITLE_WORDS: usize = 14;

/// Words of the paragraph under a sentence-case title: an article's
/// opening paragraph, as long as most are ("Ada Park said the ferry would
/// run in June." after a one-line first paragraph is its second).
const MIN_LEAD_WORDS: usize = 20;

/// The byte range of the first line of `text` (trimmed) when it names the
/// document: a [`headline`], or a line as short that ends with a full stop
/// ("Ann Roe Wins the Runoff.", as some archives write their headlines)
/// and is followed by a blank line and at least
/// [`PARAGRAPHS_AFTER_A_TITLE`] paragraphs, when it is in title case, the
/// next paragraph opens with a dateline ("HARLOW, Del. (AP) —") or a
/// section label ("ABSTRACT."), or the line is short and the next
/// paragraph at least twice as long and [`MIN_LEAD_WORDS`] long. A sentence-case line ending so
/// before a paragraph as short ("The board met on Tuesday.") may be a
/// one-line opening paragraph as well as a headline, so it names nothing.
pub fn title_line(text: &str) -> Option<std::ops::Range<usize>> {
    if let Some(line) = headline(text) {
        return Some(line);
    }
    if let Some(line) = headline_over_subhead(text) {
        return Some(line);
    }
    let first = FirstLine::of(text)?;
    let without_stop = first.line.strip_suffix('.').filter(|t| !t.ends_with(['.', ',', ';', ':']))?;
    // Runs of non-blank lines, whatever the line ending.
    let mut paragraphs: Vec<String> = Vec::new();
    let mut in_paragraph = false;
    for line in first.after.lines() {
        let blank = line.trim().is_empty();
        match paragraphs.last_mut() {
            Some(last) if in_paragraph && !blank => {
                last.push(' ');
                last.push_str(line.trim());
            }
            _ if !blank => paragraphs.push(line.trim().to_string()),
            _ => {}
        }
        in_paragraph = !blank;
        if paragraphs.len() > PARAGRAPHS_AFTER_A_TITLE {
            break;
        }
    }
    if paragraphs.len() < PARAGRAPHS_AFTER_A_TITLE || !FirstLine::opens_like_a_headline(without_stop) {
        return None;
    }
    let next = &paragraphs[0];
    let words = without_stop.split_whitespace().count();
    let short_before_longer = words <= MAX_SENTENCE_TITLE_WORDS && next.split_whitespace().count() >= (2 * words).max(MIN_LEAD_WORDS);
    (title_case(without_stop) || opens_with_dateline(next) || short_before_longer).then_some(first.span)
}

/// Letters of a first line that a file name must repeat for the line to be
/// its title: enough that a name made of a word or two ("notes.txt") does
/// not make an opening sentence a title, unless that is all the line says.
const MIN_NAMED_LETTERS: usize = 12;

/// The byte range of the first line of `text` (trimmed) when the file's name
/// is made from it, as archives and browsers name saved articles
/// ("2016-05-03_voss-wins-the-county-run.txt" for "Voss Wins the County
/// Runoff."): the line's words, in order, stand in the name, the last of
/// them perhaps cut short, and they are the whole line or at least
/// [`MIN_NAMED_LETTERS`] letters of it. Words are runs of letters, so
/// digits and punctuation, which such names drop or turn into dashes, do
/// not count.
fn line_named_by_file(text: &str, location: &str) -> Option<std::ops::Range<usize>> {
    let first = FirstLine::of(text)?;
    if first.after.trim().is_empty() || !FirstLine::opens_like_a_headline(first.line) {
        return None;
    }
    let stem = std::path::Path::new(location).file_stem()?.to_str()?;
    let line_words = letter_words(first.line);
    let name_words = letter_words(stem);
    let named = (0..name_words.len()).map(|start| named_letters(&line_words, &name_words[start..])).max().unwrap_or(0);
    let all_letters: usize = line_words.iter().map(String::len).sum();
    (named > 0 && (named >= MIN_NAMED_LETTERS || named == all_letters)).then_some(first.span)
}

/// Letters of `line`'s words that `name` repeats from its start, in order,
/// the last word of `name` perhaps cut short.
fn named_letters(line: &[String], name: &[String]) -> usize {
    let whole = line.iter().zip(name).take_while(|(word, named)| word == named).count();
    let letters: usize = line[..whole].iter().map(String::len).sum();
    let cut_short = whole < line.len() && whole + 1 == name.len() && line[whole].starts_with(name[whole].as_str());
    letters + if cut_short { name[whole].len() } else { 0 }
}

/// Runs of letters, lower-cased.
fn letter_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// "Voss lags on the harbour vote;" over a subheading line and a blank
/// line, as news archives export a headline and its deck: the headline
/// without its semicolon.
fn headline_over_subhead(text: &str) -> Option<std::ops::Range<usize>> {
    let mut lines = text.split_inclusive('\n');
    let (first, second, third) = (lines.next()?, lines.next()?, lines.next()?);
    let headline = first.trim().strip_suffix(';')?;
    let lead = first.len() - first.trim_start().len();
    let short = |line: &str| line.trim().starts_with(|c: char| c.is_alphanumeric() || c == '\'') && line.split_whitespace().nth(2 * MAX_HEADLINE_WORDS).is_none();
    (FirstLine::opens_like_a_headline(headline) && short(second) && third.trim().is_empty() && lines.any(|line| !line.trim().is_empty())).then(|| lead..lead + headline.len())
}

/// Whether a paragraph opens as a news article's body does after its
/// headline: with a dateline in capitals ("HARLOW, Del. (AP) —",
/// "WASHINGTON —") or is a section label in capitals ("ABSTRACT.").
fn opens_with_dateline(paragraph: &str) -> bool {
    let capitals = paragraph.split_whitespace().next().unwrap_or("").trim_end_matches([',', '.', ':']);
    let all_capitals = capitals.chars().count() >= 3 && capitals.chars().all(|c| c.is_uppercase() || c == '-' || c == '\'');
    let rest = paragraph[paragraph.find(char::is_whitespace).unwrap_or(paragraph.len())..].trim_start();
    let label = paragraph.split_whitespace().all(|w| !w.chars().any(char::is_lowercase)) && paragraph.ends_with('.');
    all_capitals && (label || paragraph.contains(['—', '–']) || rest.starts_with(['(', '-']) || paragraph.split_whitespace().next().is_some_and(|w| w.ends_with(',')))
}

/// Whether most words of four letters or more are capitalised, as in a
/// headline and never in a sentence: at least two such words, and at least
/// three in five of them.
fn title_case(line: &str) -> bool {
    let long_words = line.split_whitespace().map(|w| w.trim_start_matches(|c: char| !c.is_alphabetic())).filter(|w| w.chars().take_while(|c| c.is_alphabetic()).count() >= 4);
    let (capitalised, all) = long_words.fold((0, 0), |(c, n), w| (c + usize::from(w.starts_with(char::is_uppercase)), n + 1));
    all >= 2 && capitalised * 5 >= all * 3
}

/// Where the front matter's fields and the body lie, in bytes.
struct FrontMatter {
    fields: std::ops::Range<usize>,
    body_start: usize,
}

fn find_front_matter(content: &str) -> Option<FrontMatter> {
    let start = if content.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let mut lines = lines_with_offsets(&content[start..]).map(|(at, line)| (at + start, line));
    let (_, first) = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let fields_start = start + first.len();
    let mut saw_field = false;
    for (at, line) in lines.take(MAX_FRONT_MATTER_LINES) {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            let body_start = skip_blank_lines(content, at + line.len());
            return Some(FrontMatter { fields: fields_start..at, body_start });
        }
        if !saw_field && !bare.trim().is_empty() {
            split_field(bare)?;
            saw_field = true;
        }
    }
    None
}

/// Lines with their byte offsets, each line keeping its line ending.
fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |at, line| {
        let here = *at;
        *at += line.len();
        Some((here, line))
    })
}

/// The offset of the first line from `at` that holds more than whitespace.
fn skip_blank_lines(content: &str, mut at: usize) -> usize {
    for line in content[at..].split_inclusive('\n') {
        if !line.trim().is_empty() {
            break;
        }
        at += line.len();
    }
    at
}

/// `key: value` split into a lower-case key and an unquoted value.
fn split_field(line: &str) -> Option<(String, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    let is_key = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == ':');
    if !is_key {
        return None;
    }
    Some((key.to_ascii_lowercase(), unquote(value.trim())))
}

fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(quote).and_then(|v| v.strip_suffix(quote)) {
            return inner;
        }
    }
    value
}

fn apply_front_matter(doc: &mut Document, fields: &str, location: &str, notices: &mut Vec<Notice>) {
    // Line 1 is the opening `---`.
    for (number, line) in (2..).zip(fields.lines()) {
        let line = line.trim_end();
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let here = format!("{location}:{number}");
        let Some((key, value)) = split_field(line) else {
            notices.push(Notice::warning(here, "front matter line is not `key: value`, ignored"));
            continue;
        };
        let value = (!value.is_empty()).then(|| value.to_string());
        match key.as_str() {
            "title" => doc.title = value,
            "outlet" | "source" | "publisher" | "site" => doc.outlet = value,
            "url" | "link" => doc.url = value,
            "author" | "byline" => doc.author = value,
            "date" => match value.as_deref().map(|v| (v, parse_date(v))) {
                Some((_, Some(date))) => doc.date = Some(date),
                Some((raw, None)) => notices.push(Notice::warning(
                    here,
                    format!("bad date '{raw}' in front matter (expected YYYY-MM-DD), ignored"),
                )),
                None => {}
            },
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{headline, read_text, title_line};

    fn line(text: &str) -> Option<&str> {
        headline(text).map(|r| &text[r])
    }

    fn title(text: &str) -> Option<&str> {
        title_line(text).map(|r| &text[r])
    }

    #[test]
    fn a_short_first_line_before_a_blank_line_is_a_headline() {
        assert_eq!(line("Stealth Over Health\n\nThe bill passed."), Some("Stealth Over Health"));
        assert_eq!(line("\u{feff}  Will Fees Rise?  \r\n\r\nThe board met."), Some("Will Fees Rise?"));
    }

    #[test]
    fn sentences_paragraphs_and_lone_lines_are_no_headline() {
        assert_eq!(line("The bill passed.\n\nIt was late."), None);
        assert_eq!(line("Stealth Over Health\nThe bill passed."), None);
        assert_eq!(line("Stealth Over Health\n\n"), None);
        assert_eq!(line("lower case start\n\nThe bill passed."), None);
        assert_eq!(line("Dear readers,\n\nThe bill passed."), None);
        let long = "Word ".repeat(21);
        assert_eq!(line(&format!("{long}\n\nThe bill passed.")), None);
    }

    #[test]
    fn a_short_full_stop_line_heading_paragraphs_is_a_title_but_no_headline() {
        let text = "Voss Wins the County Runoff.\n\nMaria Voss won on Tuesday.\n\nShe thanked her staff.";
        assert_eq!(title(text), Some("Voss Wins the County Runoff."));
        assert_eq!(line(text), None);
        assert_eq!(title("Will Fees Rise?\n\nThe board met."), Some("Will Fees Rise?"));
    }

    #[test]
    fn a_sentence_case_headline_before_a_dateline_or_a_longer_paragraph_is_a_title() {
        let text = "Harbour board to vote on dredging plan.\n\nHARLOW, Del. (AP) — The board will vote.\n\nIt meets today.";
        assert_eq!(title(text), Some("Harbour board to vote on dredging plan."));
        let text = "Voss faces a hard sell on the harbour.\n\nABSTRACT.\n\nThe harbour plan is costly.";
        assert_eq!(title(text), Some("Voss faces a hard sell on the harbour."));
        let text = "Voss faces a hard sell.\n\nMaria Voss needs the votes of the harbour board to pass her dredging plan before the first storms of the autumn close the channel.\n\nShe said so.";
        assert_eq!(title(text), Some("Voss faces a hard sell."));
        assert_eq!(line(text), None);
        // A one-line opening paragraph followed by one no longer is no title.
        assert_eq!(title("Voss faces a hard sell.\n\nShe needs the board's votes.\n\nShe said so."), None);
        assert_eq!(title("The board met on Tuesday.\n\nMayor Ada Park said the new ferry would start running in June.\n\nShe left."), None);
        assert_eq!(title("Voss faces a hard sell.\n\nHARLOW — The board met.\n\nIt voted."), Some("Voss faces a hard sell."));
        assert_eq!(title("Voss faces a hard sell.\n\nHARLOW — The board met."), None);
        // A headline over its deck, as news archives write them.
        let text = "Voss lags on the harbour vote;\nHer plan misses the pilots who need it.\n\nThe board met.";
        assert_eq!(title(text), Some("Voss lags on the harbour vote"));
        assert_eq!(title("Voss lags on the harbour vote;\nthe board met.\nIt voted.\n\nThen it left."), None);
    }

    #[test]
    fn a_sentence_or_a_full_stop_line_before_one_paragraph_is_no_title() {
        assert_eq!(title("The Bill Passed Quickly.\n\nIt was late."), None);
        assert_eq!(title("The harbour board met today.\n\nIt was late.\n\nThey left."), None);
        assert_eq!(title("The Bill Passed Quickly.\nIt was late.\n\nThey left."), None);
        assert_eq!(title("Wait...\n\nIt was late.\n\nThey left."), None);
        let long = "Word ".repeat(21);
        assert_eq!(title(&format!("{long}ends.\n\nIt was late.\n\nThey left.")), None);
    }

    fn title_from_file(text: &str, location: &str) -> Option<String> {
        read_text(text.to_string(), location, &mut Vec::new()).and_then(|doc| doc.title)
    }

    #[test]
    fn a_first_line_that_the_file_is_named_after_is_the_title() {
        let text = "Voss Wins the County Runoff.\n\nMaria Voss won on Tuesday.";
        assert_eq!(title(text), None);
        assert_eq!(title_from_file(text, "news/2016-05-03_voss-wins-the-county-run.txt").as_deref(), Some("Voss Wins the County Runoff."));
        assert_eq!(title_from_file(text, "Voss Wins the County Runoff.txt").as_deref(), Some("Voss Wins the County Runoff."));
        // Digits and apostrophes drop out of such names, or become dashes.
        let text = "Voss’s 39-hour vigil ends in a deal.\n\nThe vigil ended.";
        assert_eq!(title_from_file(text, "voss-s-hour-vigil-ends-in.txt").as_deref(), Some("Voss’s 39-hour vigil ends in a deal."));
        assert_eq!(title_from_file("In brief.\n\nThe board met.", "in-brief.txt").as_deref(), Some("In brief."));
    }

    #[test]
    fn a_file_name_sharing_a_word_or_two_with_the_first_line_names_no_title() {
        let text = "The board met on Tuesday, and it voted.\n\nThe vote was close.";
        assert_eq!(title_from_file(text, "the-board.txt"), None);
        assert_eq!(title_from_file(text, "notes.txt"), None);
        assert_eq!(title_from_file(text, "tuesday-the-board-met.txt"), None);
        assert_eq!(title_from_file("The board met on Tuesday.", "the-board-met-on-tuesday.txt"), None);
    }
}
