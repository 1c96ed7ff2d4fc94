//! Web pages reduced to the article's text with `scraper` (html5ever).
//!
//! Metadata: title from `og:title`, else `<title>`, else the first `<h1>`;
//! date from the first readable of `article:published_time`, `date`,
//! `pubdate`, `datePublished` and similar meta tags, else a `<time datetime>`;
//! outlet from `og:site_name`; url from `<link rel=canonical>` or `og:url`;
//! author from `<meta name=author>`.
//!
//! Text: from the `<article>` with the most text, else `<main>` or `[role=main]`, else
//! `<body>`; without navigation, headers, footers, asides, scripts, styles,
//! figures and captions, forms and hidden elements. Each block (`p`, `h1`-`h6`,
//! `li`, `blockquote`, `div`, table cells, ...) becomes a paragraph with its
//! whitespace collapsed, `<br>` a line break, `<pre>` kept as written;
//! paragraphs are separated by a blank line.
//!
//! The tree is walked with an explicit iterator, never by recursion, so any
//! depth of nesting is safe. html5ever's scope checks cost time in proportion
//! to the depth of open elements, so a hostile page of 100,000 nested tags
//! would take minutes: tags opened beyond [`MAX_NESTING`] levels are dropped
//! from the source before parsing (their text is kept), see [`limit_nesting`].

use super::{parse_date, Notice};
use crate::model::Document;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};
use std::borrow::Cow;

/// Deeper than any real article page (they stay under about 60 levels).
pub const MAX_NESTING: usize = 256;

/// Elements whose whole subtree is not article text.
const DROPPED: &[&str] = &[
    "nav", "header", "footer", "aside", "script", "style", "noscript", "template", "figure", "figcaption", "form",
    "button", "select", "textarea", "iframe", "object", "embed", "svg", "canvas", "video", "audio", "map", "head",
    "title", "menu", "dialog",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "section", "article", "main", "ul", "ol",
    "dl", "dt", "dd", "table", "tr", "td", "th", "pre", "address", "hr", "body", "center", "details", "summary",
];

/// Meta tags that may carry the publication date, most specific first.
const DATE_META: &[&str] = &[
    r#"meta[property="article:published_time"]"#,
    r#"meta[name="article:published_time"]"#,
    r#"meta[itemprop="datePublished"]"#,
    r#"meta[name="date"]"#,
    r#"meta[name="pubdate"]"#,
    r#"meta[name="publish-date"]"#,
    r#"meta[name="publish_date"]"#,
    r#"meta[name="parsely-pub-date"]"#,
    r#"meta[name="sailthru.date"]"#,
    r#"meta[name="dc.date"]"#,
    r#"meta[name="DC.date"]"#,
    r#"meta[name="dc.date.issued"]"#,
    r#"meta[name="DC.date.issued"]"#,
    r#"meta[property="og:published_time"]"#,
];

/// Read a page into a document; `None` when it holds no article text.
pub(super) fn read_html(source: &str, location: &str, notices: &mut Vec<Notice>) -> Option<Document> {
    let limited = limit_nesting(source, MAX_NESTING);
    if let Cow::Owned(_) = limited {
        notices.push(Notice::warning(location, format!("HTML nested more than {MAX_NESTING} levels deep, deeper tags ignored")));
    }
    let page = Html::parse_document(&limited);
    let text = article_text(&page);
    if text.trim().is_empty() {
        return None;
    }
    Some(Document {
        path: String::new(),
        title: meta_content(&page, r#"meta[property="og:title"]"#)
            .or_else(|| element_text(&page, "title"))
            .or_else(|| element_text(&page, "h1")),
        outlet: meta_content(&page, r#"meta[property="og:site_name"]"#),
        url: attribute(&page, r#"link[rel="canonical"]"#, "href").or_else(|| meta_content(&page, r#"meta[property="og:url"]"#)),
        author: meta_content(&page, r#"meta[name="author"]"#)
            .or_else(|| meta_content(&page, r#"meta[property="article:author"]"#)),
        date: page_date(&page, location, notices),
        text,
    })
}

fn selector(css: &str) -> Selector {
    // The selectors are constants of this file; a typo is a bug caught by the tests.
    Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"))
}

fn attribute(page: &Html, css: &str, name: &str) -> Option<String> {
    page.select(&selector(css)).filter_map(|e| e.value().attr(name)).map(collapse_whitespace).find(|v| !v.is_empty())
}

fn meta_content(page: &Html, css: &str) -> Option<String> {
    attribute(page, css, "content")
}

fn element_text(page: &Html, css: &str) -> Option<String> {
    page.select(&selector(css)).map(|e| collapse_whitespace(&e.text().collect::<String>())).find(|t| !t.is_empty())
}

/// The first readable publication date; a warning when dates are given but
/// none can be read.
fn page_date(page: &Html, location: &str, notices: &mut Vec<Notice>) -> Option<chrono::NaiveDate> {
    let mut candidates: Vec<String> = DATE_META.iter().filter_map(|css| meta_content(page, css)).collect();
    candidates.extend(attribute(page, "time[datetime]", "datetime"));
    let date = candidates.iter().find_map(|raw| parse_date(raw));
    if date.is_none() {
        if let Some(raw) = candidates.first() {
            notices.push(Notice::warning(location, format!("unreadable publication date '{raw}' in the page, ignored")));
        }
    }
    date
}

/// The element whose text is the article: the `<article>` with the most text
/// (pages often hold teaser `<article>`s beside the real one), else the
/// first `<main>`, `[role=main]` or `<body>`.
fn content_root(page: &Html) -> ElementRef<'_> {
    let text_len = |e: &ElementRef| e.text().map(str::len).sum::<usize>();
    let longest_article = page.select(&selector("article")).max_by_key(|e| (text_len(e), std::cmp::Reverse(e.id())));
    longest_article
        .or_else(|| [r#"main"#, r#"[role="main"]"#, "body"].iter().find_map(|css| page.select(&selector(css)).next()))
        .unwrap_or_else(|| page.root_element())
}

fn is_hidden(element: &scraper::node::Element) -> bool {
    element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true")
}

/// The article's paragraphs, separated by blank lines.
fn article_text(page: &Html) -> String {
    let mut writer = ParagraphWriter::default();
    let mut dropped_depth = 0usize;
    for edge in content_root(page).traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) if dropped_depth > 0 || DROPPED.contains(&e.name()) || is_hidden(e) => dropped_depth += 1,
                Node::Element(e) => writer.open(e.name()),
                Node::Text(t) if dropped_depth == 0 => writer.text(t),
                _ => {}
            },
            Edge::Close(node) => match node.value() {
                Node::Element(_) if dropped_depth > 0 => dropped_depth -= 1,
                Node::Element(e) => writer.close(e.name()),
                _ => {}
            },
        }
    }
    writer.finish()
}

/// Builds paragraphs from the text met while walking the tree.
#[derive(Default)]
struct ParagraphWriter {
    paragraphs: Vec<String>,
    current: String,
    /// Inside how many `<pre>` elements, where whitespace is kept.
    pre_depth: usize,
}

impl ParagraphWriter {
    fn open(&mut self, name: &str) {
        if name == "br" {
            self.current.push('\n');
        } else if BLOCKS.contains(&name) {
            self.flush();
        }
        if name == "pre" {
            self.pre_depth += 1;
        }
    }

    fn close(&mut self, name: &str) {
        if name == "pre" {
            self.pre_depth = self.pre_depth.saturating_sub(1);
        }
        if BLOCKS.contains(&name) {
            self.flush();
        }
    }

    fn text(&mut self, text: &str) {
        if self.pre_depth > 0 {
            self.current.push_str(text);
        } else {
            // Collapse here as well as at the end, so a paragraph of
            // whitespace-heavy markup never grows large.
            let ends_in_space = self.current.ends_with([' ', '\n']);
            let starts_with_space = text.starts_with(char::is_whitespace);
            if starts_with_space && !ends_in_space && !self.current.is_empty() {
                self.current.push(' ');
            }
            let mut words = text.split_whitespace().peekable();
            while let Some(word) = words.next() {
                self.current.push_str(word);
                if words.peek().is_some() || text.ends_with(char::is_whitespace) {
                    self.current.push(' ');
                }
            }
        }
    }

    fn flush(&mut self) {
        let paragraph = if self.pre_depth > 0 {
            self.current.trim_matches('\n').trim_end().to_string()
        } else {
            tidy_lines(&self.current)
        };
        if !paragraph.trim().is_empty() {
            self.paragraphs.push(paragraph);
        }
        self.current.clear();
    }

    fn finish(mut self) -> String {
        self.flush();
        self.paragraphs.join("\n\n")
    }
}

/// Each line (from `<br>`) trimmed, blank lines dropped.
fn tidy_lines(text: &str) -> String {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Elements that never hold others or whose end tag may be left out (the
/// parser closes them itself), so they do not deepen the nesting.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb", "rt", "rp",
    "colgroup", "caption",
];

/// Elements whose content is raw text, where `<` starts no tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"];

/// The source with every tag opened beyond `max` levels of nesting removed,
/// and the end tags that would close them; borrowed when nothing is removed.
/// A cheap scan over the markup, not a parser: exact for well-formed pages,
/// good enough to bound the parser's work on hostile ones.
pub(super) fn limit_nesting(source: &str, max: usize) -> Cow<'_, str> {
    let bytes = source.as_bytes();
    let mut depth = 0usize;
    let mut removed: Vec<std::ops::Range<usize>> = Vec::new();
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b'<') {
        let start = at + offset;
        at = start + 1;
        let rest = &bytes[start + 1..];
        if rest.starts_with(b"!--") {
            at = find(bytes, start + 4, b"-->").map_or(bytes.len(), |i| i + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let Some(end) = bytes[name_start..].iter().position(|&b| b == b'>').map(|i| name_start + i + 1) else { break };
        let name = source[name_start..name_start + name_len].to_ascii_lowercase();
        at = end;
        if NOT_NESTING.contains(&name.as_str()) || (!closing && bytes[end - 2] == b'/') {
            continue;
        }
        if closing {
            if depth > max {
                removed.push(start..end);
            }
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            if depth > max {
                removed.push(start..end);
            }
            if RAW_TEXT.contains(&name.as_str()) {
                at = find_end_tag(source, end, &name).unwrap_or(bytes.len());
            }
        }
    }
    if removed.is_empty() {
        return Cow::Borrowed(source);
    }
    let mut kept = String::with_capacity(source.len());
    let mut from = 0;
    for range in removed {
        kept.push_str(&source[from..range.start]);
        from = range.end;
    }
    kept.push_str(&source[from..]);
    Cow::Owned(kept)
}

fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|i| from + i)
}

/// Where the end tag `</name` (any case) starts, searching from `from`.
fn find_end_tag(source: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = source.as_bytes();
    let mut at = from;
    while let Some(i) = find(bytes, at, b"</") {
        let candidate = bytes.get(i + 2..i + 2 + name.len())?;
        if candidate.eq_ignore_ascii_case(name.as_bytes()) {
            return Some(i);
        }
        at = i + 2;
    }
    None
}
