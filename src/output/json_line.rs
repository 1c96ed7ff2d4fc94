//! One JSON object written field by field into a byte buffer, with the same
//! bytes `serde_json::to_writer` prints for the same values (compact, keys in
//! the order given, strings escaped as serde_json escapes them). For output
//! written by the million lines (`extract --format jsonl`), where going
//! through `Serialize` and serde_json's byte-at-a-time escaping was a tenth
//! of the whole command's time.

use super::swar;
use crate::model::Spans;

/// A JSON object being written into `out`: `field` calls, then `end`.
///
/// Its methods are `#[inline(always)]`: a few pushes each, called for every
/// field of every line. Left to itself the compiler inlined them or not as
/// unrelated changes elsewhere in the crate came and went (7M instructions
/// of `extract --format jsonl` over PolNeAR train when it did not).
pub struct JsonObject<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
}

impl<'a> JsonObject<'a> {
    #[inline(always)]
    pub fn begin(out: &'a mut Vec<u8>) -> Self {
        out.push(b'{');
        JsonObject { out, first: true }
    }

    #[inline(always)]
    fn key(&mut self, key: &str) -> &mut Vec<u8> {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        // Keys are our own names, with nothing to escape.
        debug_assert!(key.bytes().all(|b| ESCAPE[usize::from(b)] == 0), "key {key:?} needs escaping");
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
        self.out
    }

    #[inline(always)]
    pub fn str(&mut self, key: &str, value: &str) -> &mut Self {
        write_str(self.key(key), value);
        self
    }

    #[inline(always)]
    pub fn opt_str(&mut self, key: &str, value: Option<&str>) -> &mut Self {
        match value {
            Some(v) => self.str(key, v),
            None => self.raw(key, "null"),
        }
    }

    #[inline(always)]
    pub fn bool(&mut self, key: &str, value: bool) -> &mut Self {
        self.raw(key, if value { "true" } else { "false" })
    }

    /// A value already in JSON form (`null`, a number, a literal).
    #[inline(always)]
    pub fn raw(&mut self, key: &str, json: &str) -> &mut Self {
        self.raw_bytes(key, json.as_bytes())
    }

    /// `raw` for a value already written as JSON bytes (a string escaped
    /// once for many lines, say).
    #[inline(always)]
    pub fn raw_bytes(&mut self, key: &str, json: &[u8]) -> &mut Self {
        self.key(key).extend_from_slice(json);
        self
    }

    /// Spans as `Spans` serialises them: `[s,e]` for one piece, else a list.
    #[inline(always)]
    pub fn spans(&mut self, key: &str, spans: &Spans) -> &mut Self {
        write_spans(self.key(key), spans);
        self
    }

    #[inline(always)]
    pub fn opt_spans(&mut self, key: &str, spans: Option<&Spans>) -> &mut Self {
        match spans {
            Some(s) => self.spans(key, s),
            None => self.raw(key, "null"),
        }
    }

    #[inline(always)]
    pub fn end(&mut self) {
        self.out.push(b'}');
    }
}

fn write_spans(out: &mut Vec<u8>, spans: &Spans) {
    let pair = |out: &mut Vec<u8>, start: usize, end: usize| {
        let mut digits = itoa::Buffer::new();
        out.push(b'[');
        out.extend_from_slice(digits.format(start).as_bytes());
        out.push(b',');
        out.extend_from_slice(digits.format(end).as_bytes());
        out.push(b']');
    };
    match spans.0.as_slice() {
        [one] => pair(out, one.start, one.end),
        many => {
            out.push(b'[');
            for (i, span) in many.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                pair(out, span.start, span.end);
            }
            out.push(b']');
        }
    }
}

/// `text` as a JSON string, quotes included, escaped exactly as serde_json
/// does: `"` and `\`, the control characters below 0x20 (`\n`, `\t`, `\r`,
/// `\b`, `\f` by name, the others as `\u00XX`), nothing else.
pub fn write_str(out: &mut Vec<u8>, text: &str) {
    out.reserve(text.len() + 2);
    out.push(b'"');
    let bytes = text.as_bytes();
    let mut plain_from = 0;
    let mut at = 0;
    // Sixteen bytes, then eight, at a time: news text rarely has a byte to
    // escape, and a chunk without one is passed over in a few instructions.
    while at + 16 <= bytes.len() {
        let (low, high) = (swar::word(&bytes[at..at + 8]), swar::word(&bytes[at + 8..at + 16]));
        if needs_escape(low) | needs_escape(high) {
            for k in at..at + 16 {
                escape_into(out, bytes, &mut plain_from, k, bytes[k]);
            }
        }
        at += 16;
    }
    if at + 8 <= bytes.len() {
        if needs_escape(swar::word(&bytes[at..at + 8])) {
            for k in at..at + 8 {
                escape_into(out, bytes, &mut plain_from, k, bytes[k]);
            }
        }
        at += 8;
    }
    for k in at..bytes.len() {
        escape_into(out, bytes, &mut plain_from, k, bytes[k]);
    }
    out.extend_from_slice(&bytes[plain_from..]);
    out.push(b'"');
}

/// Whether any byte of `chunk` is `"`, `\` or below 0x20. Exact when it says
/// no; a yes is checked byte by byte.
///
/// The three tests are or-ed, not short-circuited: a chunk almost always
/// passes all three, and one branch costs less than three.
#[inline(always)]
fn needs_escape(chunk: u64) -> bool {
    swar::has_byte_below(chunk, 0x20) | swar::has_byte(chunk, b'"') | swar::has_byte(chunk, b'\\')
}

/// If byte `b` at `at` needs escaping: the plain bytes before it, then its
/// escape, go to `out`.
#[inline]
fn escape_into(out: &mut Vec<u8>, bytes: &[u8], plain_from: &mut usize, at: usize, b: u8) {
    let short = ESCAPE[usize::from(b)];
    if short == 0 {
        return;
    }
    out.extend_from_slice(&bytes[*plain_from..at]);
    *plain_from = at + 1;
    if short == b'u' {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xF)]]);
    } else {
        out.extend_from_slice(&[b'\\', short]);
    }
}

/// For each byte, the letter of its escape (`u` for `\u00XX`), or 0.
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x0C] = b'f';
    table[b'\n' as usize] = b'n';
    table[b'\r' as usize] = b'r';
    table[b'\t' as usize] = b't';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn as_json(text: &str) -> String {
        let mut out = Vec::new();
        write_str(&mut out, text);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut every_byte: String = (0u8..0x80).map(char::from).collect();
        every_byte.push_str("é “quoted” \u{2028} ✓ 0123456789 and a long plain stretch of words");
        let samples = [
            "",
            "plain",
            "He said \"no\" and left.",
            "a\\b",
            "tab\there, line\nbreak, return\r, bell\u{7}, escape\u{1b}, delete\u{7f}",
            "exactly8",
            "sixteen bytes ok",
            "\"\"\"\"\"\"\"\"\"",
            "Café — “très fâchés”\n",
            every_byte.as_str(),
        ];
        for text in samples {
            assert_eq!(as_json(text), serde_json::to_string(text).unwrap(), "{text:?}");
        }
    }

    #[test]
    fn a_quote_in_any_position_of_a_chunk_is_escaped() {
        // Lengths that end in each of the sixteen-, eight- and one-byte steps.
        for len in 1..40 {
            for at in 0..len {
                let mut text = "x".repeat(len);
                text.replace_range(at..at + 1, "\"");
                assert_eq!(as_json(&text), serde_json::to_string(&text).unwrap());
                text.replace_range(at..at + 1, "\u{1}");
                assert_eq!(as_json(&text), serde_json::to_string(&text).unwrap());
            }
        }
    }

    #[test]
    fn an_object_matches_serde_json() {
        let one = Spans::single(Span::new(3, 9));
        let two = Spans(vec![Span::new(0, 4), Span::new(10, 12)]);
        let none = Spans(Vec::new());
        let mut out = Vec::new();
        JsonObject::begin(&mut out)
            .str("doc", "a \"b\".txt")
            .opt_str("title", None)
            .opt_str("role", Some("envoy"))
            .bool("hedged", true)
            .raw("date", "\"2025-08-18\"")
            .spans("one", &one)
            .spans("two", &two)
            .spans("none", &none)
            .opt_spans("missing", None)
            .end();
        #[derive(serde::Serialize)]
        struct Expected<'a> {
            doc: &'a str,
            title: Option<&'a str>,
            role: Option<&'a str>,
            hedged: bool,
            date: &'a str,
            one: &'a Spans,
            two: &'a Spans,
            none: &'a Spans,
            missing: Option<&'a Spans>,
        }
        let expected = Expected {
            doc: "a \"b\".txt",
            title: None,
            role: Some("envoy"),
            hedged: true,
            date: "2025-08-18",
            one: &one,
            two: &two,
            none: &none,
            missing: None,
        };
        assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&expected).unwrap());
    }
}
