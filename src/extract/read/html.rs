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
//! depth of nesting is safe. html5ever's work per tag grows with the depth of
//! open elements, so the page is first rewritten to nest at most
//! [`MAX_NESTING`] levels with every element closed explicitly (their text is
//! kept), see [`super::nesting`]: reading stays linear in the page's size
//! whatever its markup.

use super::nesting::limit_nesting;
use super::{parse_date, Notice};
use crate::model::Document;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

/// Deeper than any real article page (they stay under about 60 levels).
pub const MAX_NESTING: usize = 128;

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
    if limited.dropped_tags > 0 {
        notices.push(Notice::warning(location, format!("HTML nested more than {MAX_NESTING} levels deep, deeper tags ignored")));
    }
    let page = Html::parse_document(&limited.source);
    let landmarks = Landmarks::of(&page);
    let text = article_text(&landmarks);
    if text.trim().is_empty() {
        return None;
    }
    Some(Document {
        path: String::new(),
        title: landmarks
            .meta_content(r#"meta[property="og:title"]"#)
            .or_else(|| landmarks.element_text("title"))
            .or_else(|| landmarks.element_text("h1")),
        outlet: landmarks.meta_content(r#"meta[property="og:site_name"]"#),
        url: landmarks
            .attribute(r#"link[rel="canonical"]"#, "href")
            .or_else(|| landmarks.meta_content(r#"meta[property="og:url"]"#)),
        author: landmarks
            .meta_content(r#"meta[name="author"]"#)
            .or_else(|| landmarks.meta_content(r#"meta[property="article:author"]"#)),
        date: page_date(&landmarks, location, notices),
        text,
    })
}

fn selector(css: &str) -> Selector {
    // The selectors are constants of this file; a typo is a bug caught by the tests.
    Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"))
}

/// Element names the selectors of this file look for.
const LANDMARK_NAMES: &[&str] = &["meta", "link", "time", "title", "h1", "article", "main", "body"];

/// The few elements metadata and the article's root can come from, found in
/// one walk over the page: each selector of this file then looks at these
/// only, not at every element of the page again (a page of many elements
/// would otherwise be walked some twenty times).
struct Landmarks<'a> {
    page: &'a Html,
    elements: Vec<ElementRef<'a>>,
}

impl<'a> Landmarks<'a> {
    fn of(page: &'a Html) -> Self {
        // The same order `Html::select` gives: the order elements were created in.
        let elements = page
            .tree
            .nodes()
            .filter_map(ElementRef::wrap)
            .filter(|e| LANDMARK_NAMES.contains(&e.value().name()) || e.value().attr("role").is_some())
            .collect();
        Landmarks { page, elements }
    }

    fn select(&self, css: &str) -> impl Iterator<Item = ElementRef<'a>> + '_ {
        let selector = selector(css);
        self.elements.iter().copied().filter(move |e| selector.matches(e))
    }

    fn attribute(&self, css: &str, name: &str) -> Option<String> {
        self.select(css).filter_map(|e| e.value().attr(name)).map(collapse_whitespace).find(|v| !v.is_empty())
    }

    fn meta_content(&self, css: &str) -> Option<String> {
        self.attribute(css, "content")
    }

    fn element_text(&self, css: &str) -> Option<String> {
        self.select(css).map(|e| collapse_whitespace(&e.text().collect::<String>())).find(|t| !t.is_empty())
    }
}

/// The first readable publication date; a warning when dates are given but
/// none can be read.
fn page_date(landmarks: &Landmarks, location: &str, notices: &mut Vec<Notice>) -> Option<chrono::NaiveDate> {
    let mut candidates: Vec<String> = DATE_META.iter().filter_map(|css| landmarks.meta_content(css)).collect();
    candidates.extend(landmarks.attribute("time[datetime]", "datetime"));
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
fn content_root<'a>(landmarks: &Landmarks<'a>) -> ElementRef<'a> {
    let text_len = |e: &ElementRef| e.text().map(str::len).sum::<usize>();
    let longest_article = landmarks.select("article").max_by_key(|e| (text_len(e), std::cmp::Reverse(e.id())));
    longest_article
        .or_else(|| [r#"main"#, r#"[role="main"]"#, "body"].iter().find_map(|css| landmarks.select(css).next()))
        .unwrap_or_else(|| landmarks.page.root_element())
}

fn is_hidden(element: &scraper::node::Element) -> bool {
    element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true")
}

/// The article's paragraphs, separated by blank lines.
fn article_text(landmarks: &Landmarks) -> String {
    let mut writer = ParagraphWriter::default();
    let mut dropped_depth = 0usize;
    for edge in content_root(landmarks).traverse() {
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
