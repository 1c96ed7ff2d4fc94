//! A web page made safe for html5ever before it is parsed: nested at most
//! `max` elements deep, with every element the page leaves open closed by an
//! explicit end tag where the parser would close it.
//!
//! Why: html5ever's scope checks and its adoption agency cost time in
//! proportion to the depth of open elements, so a hostile page that nests
//! 100,000 elements takes minutes. Counting tags is not enough: the parser
//! keeps a `<div/>` open, ignores a stray `</b>`, and keeps a block open when
//! a formatting element around it is closed (`<b><div></b>`), so a count that
//! differs from the parser's in any one of these lets the page through. This
//! pass keeps its own stack of open elements and rewrites the page so that
//! the parser's stack can only follow it: each end tag closes the elements
//! above its match with explicit end tags, the closings HTML leaves implicit
//! (`<p>` before a block, `<li>` before `<li>`, table cells and rows, ...) are
//! written out, stray end tags are dropped, and start tags beyond `max`
//! levels are dropped (their text is kept). The parser then never holds more
//! than about `max` open elements, and each tag costs it at most that much.
//!
//! Text is never removed or reordered; only tags are added or dropped, and an
//! ordinary page reads the same as before. Where the scan must skip bytes the
//! parser treats as text (comments, `<script>`, `<title>`, ...) it stops at
//! the earliest point the parser could, so it never skips markup the parser
//! would read as tags.

use memchr::{memchr, memmem};
use std::borrow::Cow;
use rustc_hash::FxHashMap;

/// The page as it goes to the parser, and how many start tags were dropped
/// for being nested too deep.
pub struct Limited<'a> {
    pub source: Cow<'a, str>,
    pub dropped_tags: usize,
}

/// Elements with no content and no end tag: never on the stack.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen", "link",
    "meta", "param", "source", "track", "wbr",
];

/// Elements the parser always places itself; their tags are passed through.
const IMPLIED: &[&str] = &["html", "head", "body"];

/// Elements whose content is text up to their end tag (outside SVG and MathML).
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"];

/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
    "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section",
    "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "form", "li", "dd", "dt", "plaintext",
    "table", "hr", "xmp",
];

const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// Elements that end the search for an open element to close (HTML's
/// "default scope").
const SCOPE: &[&str] = &["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "svg", "math"];

/// `SCOPE` and `<button>`: where the search for an open `<p>` stops.
const BUTTON_SCOPE: &[&str] =
    &["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "svg", "math", "button"];

/// `SCOPE` and lists: where the search for an open `<li>` to end stops.
const LIST_SCOPE: &[&str] =
    &["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "svg", "math", "ol", "ul"];

/// Where the search for a table part to close stops.
const TABLE_SCOPE: &[&str] = &["table", "template", "html"];

/// Elements that stop the search for an open `<li>`, `<dd>` or `<dt>` to
/// close before a new one (HTML's "special" elements but address, div, p).
const LIST_ITEM_STOPS: &[&str] = &[
    "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br", "button", "caption",
    "center", "col", "colgroup", "dd", "details", "dir", "dl", "dt", "embed", "fieldset", "figcaption", "figure",
    "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html",
    "iframe", "img", "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav", "noembed",
    "noframes", "noscript", "object", "ol", "param", "plaintext", "pre", "script", "search", "section", "select",
    "source", "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr",
    "track", "ul", "wbr", "xmp",
];

/// Start tags that leave SVG or MathML content for HTML.
const LEAVES_FOREIGN: &[&str] = &[
    "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3",
    "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s",
    "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
];

/// The page with at most `max` levels of elements, each closed explicitly.
pub fn limit_nesting(source: &str, max: usize) -> Limited<'_> {
    let mut balancer = Balancer::new(source, max);
    balancer.run();
    balancer.finish()
}

struct OpenElement {
    name: String,
    /// Opened inside SVG or MathML (or is `<svg>`/`<math>` itself).
    foreign: bool,
}

struct Balancer<'a> {
    source: &'a str,
    max: usize,
    /// The rewritten page up to `copied_until`; empty while nothing changed.
    out: String,
    copied_until: usize,
    changed: bool,
    stack: Vec<OpenElement>,
    /// How many elements of each name are on the stack: most searches of
    /// the stack end here at once, which keeps a page of stray end tags
    /// from costing a walk of the whole stack each.
    open_by_name: FxHashMap<String, usize>,
    dropped_tags: usize,
    /// Start tags dropped, by name, whose end tags are still to come.
    dropped_open: FxHashMap<String, usize>,
}

/// A tag found in the source.
struct Tag {
    name: String,
    /// Where the tag ends (one past its `>`), `None` when the page ends inside it.
    end: Option<usize>,
    self_closing: bool,
}

impl<'a> Balancer<'a> {
    fn new(source: &'a str, max: usize) -> Self {
        Balancer {
            source,
            max,
            out: String::new(),
            copied_until: 0,
            changed: false,
            stack: Vec::new(),
            open_by_name: FxHashMap::default(),
            dropped_tags: 0,
            dropped_open: FxHashMap::default(),
        }
    }

    fn finish(mut self) -> Limited<'a> {
        if !self.changed {
            return Limited { source: Cow::Borrowed(self.source), dropped_tags: 0 };
        }
        self.out.push_str(&self.source[self.copied_until..]);
        Limited { source: Cow::Owned(self.out), dropped_tags: self.dropped_tags }
    }

    /// Copy the source up to `at`, then `text` in its place.
    fn insert(&mut self, at: usize, text: &str) {
        if !self.changed {
            self.changed = true;
            self.out.reserve(self.source.len() + 64);
        }
        self.out.push_str(&self.source[self.copied_until..at]);
        self.out.push_str(text);
        self.copied_until = at;
    }

    /// Copy the source up to `range.start` and skip the range.
    fn remove(&mut self, range: std::ops::Range<usize>) {
        self.insert(range.start, "");
        self.copied_until = range.end;
    }

    fn push(&mut self, element: OpenElement) {
        *self.open_by_name.entry(element.name.clone()).or_default() += 1;
        self.stack.push(element);
    }

    fn pop(&mut self) -> Option<OpenElement> {
        let element = self.stack.pop()?;
        if let Some(count) = self.open_by_name.get_mut(&element.name) {
            *count -= 1;
        }
        Some(element)
    }

    /// Close the top `count` open elements with end tags written at `at`.
    fn close_top(&mut self, count: usize, at: usize) {
        let mut tags = String::new();
        for _ in 0..count {
            let Some(element) = self.pop() else { break };
            tags.push_str("</");
            tags.push_str(&element.name);
            tags.push('>');
        }
        if !tags.is_empty() {
            self.insert(at, &tags);
        }
    }

    /// How many elements to close, counting from the top, to close the
    /// nearest open element named in `names`, not looking past `stops`.
    fn depth_of(&self, names: &[&str], stops: &[&str]) -> Option<usize> {
        if !names.iter().any(|name| self.open_by_name.get(*name).is_some_and(|&count| count > 0)) {
            return None;
        }
        for (i, element) in self.stack.iter().rev().enumerate() {
            if names.contains(&element.name.as_str()) {
                return Some(i + 1);
            }
            if stops.contains(&element.name.as_str()) {
                return None;
            }
        }
        None
    }

    fn close_nearest(&mut self, names: &[&str], stops: &[&str], at: usize) {
        if let Some(count) = self.depth_of(names, stops) {
            self.close_top(count, at);
        }
    }

    fn top_is(&self, names: &[&str]) -> bool {
        self.stack.last().is_some_and(|e| names.contains(&e.name.as_str()))
    }

    fn in_foreign(&self) -> bool {
        self.stack.last().is_some_and(|e| e.foreign)
    }

    fn run(&mut self) {
        let bytes = self.source.as_bytes();
        let mut at = 0;
        while let Some(offset) = memchr(b'<', &bytes[at..]) {
            let start = at + offset;
            let next = bytes.get(start + 1).copied();
            at = match next {
                Some(b'!') => self.skip_markup_declaration(start),
                Some(b'?') => find_byte(bytes, start, b'>'),
                Some(b'/') => match bytes.get(start + 2) {
                    Some(b) if b.is_ascii_alphabetic() => {
                        let tag = read_tag(bytes, start + 2);
                        let Some(end) = tag.end else { break };
                        self.end_tag(&tag.name, start..end);
                        end
                    }
                    Some(b'>') => start + 3,
                    Some(_) => find_byte(bytes, start, b'>'),
                    None => break,
                },
                Some(b) if b.is_ascii_alphabetic() => {
                    let tag = read_tag(bytes, start + 1);
                    let Some(end) = tag.end else { break };
                    self.start_tag(tag, start..end)
                }
                _ => start + 1,
            };
        }
    }

    /// `<!--` comments, `<![CDATA[` in SVG/MathML, `<!DOCTYPE` and other
    /// `<!` declarations; returns where the parser resumes.
    fn skip_markup_declaration(&self, start: usize) -> usize {
        let bytes = self.source.as_bytes();
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            return comment_end(bytes, start + 4);
        }
        if rest.starts_with(b"<![CDATA[") && self.in_foreign() {
            return memmem::find(&bytes[start..], b"]]>").map_or(bytes.len(), |i| start + i + 3);
        }
        find_byte(bytes, start, b'>')
    }

    /// Handle a start tag; returns where the scan resumes.
    fn start_tag(&mut self, tag: Tag, range: std::ops::Range<usize>) -> usize {
        let name = tag.name.as_str();
        let end = range.end;
        if self.in_foreign() && LEAVES_FOREIGN.contains(&name) {
            let count = self.stack.iter().rev().take_while(|e| e.foreign).count();
            self.close_top(count, range.start);
        }
        let foreign = self.in_foreign() || name == "svg" || name == "math";
        if !foreign {
            self.close_implied(name, range.start);
        }
        if IMPLIED.contains(&name) || VOID.contains(&name) || (tag.self_closing && foreign) {
            return end;
        }
        if name == "form" && self.stack.iter().any(|e| e.name == "form") {
            return end; // the parser ignores a form inside a form
        }
        if self.stack.len() >= self.max {
            self.dropped_tags += 1;
            *self.dropped_open.entry(tag.name).or_default() += 1;
            self.remove(range);
            return end;
        }
        let raw_text = !foreign && RAW_TEXT.contains(&name);
        self.push(OpenElement { name: tag.name, foreign });
        if !raw_text {
            return end;
        }
        let name = &self.stack[self.stack.len() - 1].name;
        if name == "plaintext" {
            return self.source.len();
        }
        find_end_tag(self.source.as_bytes(), end, name.as_bytes()).unwrap_or(self.source.len())
    }

    /// Write out the end tags HTML leaves implicit before the start tag `name`.
    fn close_implied(&mut self, name: &str, at: usize) {
        if CLOSES_P.contains(&name) {
            self.close_nearest(&["p"], BUTTON_SCOPE, at);
        }
        match name {
            "li" => self.close_nearest(&["li"], LIST_ITEM_STOPS, at),
            "dd" | "dt" => self.close_nearest(&["dd", "dt"], LIST_ITEM_STOPS, at),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if self.top_is(HEADINGS) => self.close_top(1, at),
            "a" | "nobr" | "button" => self.close_nearest(&[name], SCOPE, at),
            "option" if self.top_is(&["option"]) => self.close_top(1, at),
            "optgroup" => {
                if self.top_is(&["option"]) {
                    self.close_top(1, at);
                }
                if self.top_is(&["optgroup"]) {
                    self.close_top(1, at);
                }
            }
            "rb" | "rt" | "rp" | "rtc" if self.top_is(&["rb", "rt", "rp", "rtc"]) => self.close_top(1, at),
            "td" | "th" => self.close_nearest(&["td", "th"], &["tr", "table", "template", "html"], at),
            "tr" => self.close_nearest(&["tr"], TABLE_SCOPE, at),
            "thead" | "tbody" | "tfoot" | "caption" | "colgroup" => {
                self.close_nearest(&["thead", "tbody", "tfoot", "caption", "colgroup"], TABLE_SCOPE, at)
            }
            // A table directly inside a table (not in a cell) closes the outer one.
            "table" => {
                if let Some(count) = self.depth_of(&["table", "td", "th", "caption"], &[]) {
                    if self.stack[self.stack.len() - count].name == "table" {
                        self.close_top(count, at);
                    }
                }
            }
            _ => {}
        }
    }

    fn end_tag(&mut self, name: &str, range: std::ops::Range<usize>) {
        if let Some(count) = self.dropped_open.get_mut(name).filter(|c| **c > 0) {
            *count -= 1;
            self.remove(range);
            return;
        }
        if IMPLIED.contains(&name) || name == "br" {
            return; // the parser handles these whatever is open
        }
        let stops: &[&str] = match name {
            "p" => BUTTON_SCOPE,
            "table" => &["html", "template"],
            "tr" | "tbody" | "thead" | "tfoot" | "caption" | "colgroup" | "td" | "th" => TABLE_SCOPE,
            "li" => LIST_SCOPE,
            _ if self.in_foreign() => &[],
            _ => SCOPE,
        };
        match self.depth_of(&[name], stops) {
            Some(count) => {
                // The matched element's own end tag stays as written.
                self.close_top(count - 1, range.start);
                self.pop();
            }
            // A stray `</p>` makes an empty paragraph: a paragraph break the
            // reader relies on; other stray end tags are ignored by the parser.
            None if name == "p" => {}
            None => self.remove(range),
        }
    }
}

fn is_tag_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

/// One past the first `byte` from `from`, or the end of the page.
fn find_byte(bytes: &[u8], from: usize, byte: u8) -> usize {
    memchr(byte, &bytes[from..]).map_or(bytes.len(), |i| from + i + 1)
}

/// Where a comment whose text starts at `from` ends: `-->` or `--!>`, or at
/// once for `<!-->` and `<!--->`.
fn comment_end(bytes: &[u8], from: usize) -> usize {
    let rest = &bytes[from..];
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    let mut at = from;
    while let Some(i) = memmem::find(&bytes[at..], b"--") {
        let dashes = at + i;
        let after = &bytes[dashes + 2..];
        if after.starts_with(b">") {
            return dashes + 3;
        }
        if after.starts_with(b"!>") {
            return dashes + 4;
        }
        at = dashes + 1;
    }
    bytes.len()
}

/// Read a tag whose name starts at `name_start`, as the HTML tokenizer does:
/// the name runs to a space, `/` or `>`; attribute values may be quoted and
/// hold `>`.
fn read_tag(bytes: &[u8], name_start: usize) -> Tag {
    let name_len = bytes[name_start..].iter().take_while(|&&b| !is_tag_space(b) && b != b'/' && b != b'>').count();
    let name = String::from_utf8_lossy(&bytes[name_start..name_start + name_len]).to_ascii_lowercase();
    let mut at = name_start + name_len;
    let mut self_closing = false;
    loop {
        while bytes.get(at).copied().is_some_and(is_tag_space) {
            at += 1;
        }
        match bytes.get(at) {
            None => return Tag { name, end: None, self_closing },
            Some(b'>') => return Tag { name, end: Some(at + 1), self_closing },
            Some(b'/') => {
                at += 1;
                self_closing = bytes.get(at) == Some(&b'>');
                continue;
            }
            Some(_) => {}
        }
        self_closing = false;
        // An attribute name: its first byte may be anything, even `=`.
        at += 1;
        while bytes.get(at).is_some_and(|&b| !is_tag_space(b) && !matches!(b, b'/' | b'>' | b'=')) {
            at += 1;
        }
        while bytes.get(at).copied().is_some_and(is_tag_space) {
            at += 1;
        }
        if bytes.get(at) != Some(&b'=') {
            continue;
        }
        at += 1;
        while bytes.get(at).copied().is_some_and(is_tag_space) {
            at += 1;
        }
        match bytes.get(at) {
            Some(&quote @ (b'"' | b'\'')) => match memchr(quote, &bytes[at + 1..]) {
                Some(i) => at += i + 2,
                None => return Tag { name, end: None, self_closing },
            },
            _ => {
                while bytes.get(at).is_some_and(|&b| !is_tag_space(b) && b != b'>') {
                    at += 1;
                }
            }
        }
    }
}

/// Where the first `</name` (any case) followed by a space, `/` or `>`
/// starts, searching from `from`.
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(i) = memmem::find(&bytes[at..], b"</") {
        let start = at + i;
        let after_name = start + 2 + name.len();
        let matches = bytes.get(start + 2..after_name).is_some_and(|n| n.eq_ignore_ascii_case(name));
        if matches && bytes.get(after_name).is_some_and(|&b| is_tag_space(b) || b == b'/' || b == b'>') {
            return Some(start);
        }
        at = start + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limited(page: &str, max: usize) -> String {
        limit_nesting(page, max).source.into_owned()
    }

    #[test]
    fn a_well_formed_page_is_left_alone() {
        let page = "<html><head><title>a<b</title></head><body><div><p>one</p><ul><li>two</li></ul></div></body></html>";
        assert!(matches!(limit_nesting(page, 256).source, Cow::Borrowed(_)));
    }

    #[test]
    fn implicit_closings_are_written_out() {
        assert_eq!(limited("<p>one<p>two<div>three</div>", 256), "<p>one</p><p>two</p><div>three</div>");
        assert_eq!(limited("<ul><li>a<li><b>b<li>c</ul>", 256), "<ul><li>a</li><li><b>b</b></li><li>c</li></ul>");
        assert_eq!(limited("<table><tr><td>a<td>b<tr><td>c</table>", 256), "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>");
    }

    #[test]
    fn an_end_tag_closes_what_was_left_open_inside_it() {
        assert_eq!(limited("<div><b><i>x</div>y", 256), "<div><b><i>x</i></b></div>y");
        assert_eq!(limited("<b><div>x</b>y", 256), "<b><div>x</div></b>y");
    }

    #[test]
    fn stray_end_tags_are_dropped_but_a_stray_paragraph_end_is_kept() {
        assert_eq!(limited("<div>x</b></span>y</div>", 256), "<div>xy</div>");
        assert!(matches!(limit_nesting("a</p>b", 256).source, Cow::Borrowed(_)));
    }

    #[test]
    fn tags_beyond_the_limit_are_dropped_with_their_end_tags() {
        let result = limit_nesting("<div><div><div>deep</div></div></div>after", 2);
        assert_eq!(result.source, "<div><div>deep</div></div>after");
        assert_eq!(result.dropped_tags, 1);
    }

    #[test]
    fn self_closing_html_elements_count_as_open_as_the_parser_counts_them() {
        let page = "<div/>".repeat(10);
        let result = limit_nesting(&page, 4);
        assert_eq!(result.source, "<div/>".repeat(4));
        assert_eq!(result.dropped_tags, 6);
    }

    #[test]
    fn self_closing_svg_elements_stay_closed() {
        let page = format!("<svg>{}</svg>", "<path d=\"M0\"/>".repeat(10));
        assert_eq!(limit_nesting(&page, 4).dropped_tags, 0);
    }

    #[test]
    fn raw_text_comments_and_quoted_attributes_hide_no_tags_from_the_count() {
        let page = "<script>if (a<b) { x = '</div>' }</script><!-- <div> --!><div title=\"a>b\"><p>x</div>";
        assert_eq!(limited(page, 256), "<script>if (a<b) { x = '</div>' }</script><!-- <div> --!><div title=\"a>b\"><p>x</p></div>");
        assert_eq!(limited("<style>p{}</style ><span>x", 256), "<style>p{}</style ><span>x");
    }

    #[test]
    fn comments_end_where_the_tokenizer_ends_them() {
        assert_eq!(comment_end(b"<!---->x", 4), 7);
        assert_eq!(comment_end(b"<!-->x", 4), 5);
        assert_eq!(comment_end(b"<!--->x", 4), 6);
        assert_eq!(comment_end(b"<!-- a -- b --!>x", 4), 16);
        assert_eq!(comment_end(b"<!-- open", 4), 9);
    }

    #[test]
    fn a_page_ending_inside_a_tag_is_kept_as_it_is() {
        assert!(matches!(limit_nesting("<p>text<div class=\"x", 256).source, Cow::Borrowed(_)));
    }

    /// The deepest element of the tree html5ever builds from `page`.
    fn parsed_depth(page: &str) -> usize {
        let parsed = scraper::Html::parse_document(page);
        let (mut depth, mut deepest) = (0usize, 0usize);
        for edge in parsed.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(_) => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                ego_tree::iter::Edge::Close(_) => depth -= 1,
            }
        }
        deepest
    }

    #[test]
    fn hostile_markup_reaches_the_parser_no_deeper_than_the_limit() {
        let shapes = [
            "<div/>", "<div></b>", "<b><div></b>", "<dl><dt><dd>", "<a><div><a>", "<p><b><i><a>x", "<table><div>",
            "<li><ul>", "<span><div></span>", "<!-- --!><div>", "<button><div>", "<h1><h2>", "<select><option>",
            "<svg><g>", "<math><mi>", "<table><tr><td>", "<font><center>", "<b><i></b></i>",
        ];
        for shape in shapes {
            let page = format!("<body>{}</body>", shape.repeat(1_500));
            let limited = limit_nesting(&page, 40);
            // More levels than the limit, within a bound: html and body, and
            // the tbody the parser adds to each table row.
            let depth = parsed_depth(&limited.source);
            assert!(depth <= 40 + 40 / 2, "{shape}: the parser nested {depth} deep");
        }
        // The limit is what bounds them: unlimited, they go deep.
        assert!(parsed_depth(&"<div/>".repeat(1_500)) > 1_000);
        assert!(parsed_depth(&"<div></b>".repeat(1_500)) > 1_000);
    }

    #[test]
    fn hostile_markup_keeps_every_word_of_its_text() {
        for shape in ["<div/>word ", "<div></b>word ", "<b><div></b>word ", "<a><div><a>word "] {
            let page = shape.repeat(1_000);
            let limited = limit_nesting(&page, 40);
            let parsed = scraper::Html::parse_document(&limited.source);
            let words = parsed.root_element().text().flat_map(str::split_whitespace).count();
            assert_eq!(words, 1_000, "{shape}");
        }
    }
}
