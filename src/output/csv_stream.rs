//! CSV for streamed listings (`export`, `query`), written as the `csv` crate
//! writes it with its default settings (quotes only where a field needs them,
//! quotes inside doubled, `\n` after each record) but field by field into
//! one buffer of our own.
//!
//! Why not the `csv` crate's writer: it looks at every byte of every field
//! through its state machine, and that was the largest single cost of an
//! export's writing thread (13 % of all its time). Here a field is checked
//! for the four bytes that need quoting and, almost always having none,
//! copied as it is.

use super::swar;
use std::io::{self, Write};

/// Bytes gathered before they are handed on in one write.
const BUFFER: usize = 256 * 1024;

pub struct CsvWriter<'a> {
    out: &'a mut dyn Write,
    buf: Vec<u8>,
    /// Fields written so far in the current record.
    fields: usize,
    /// Where the current record starts in `buf`.
    record_start: usize,
    /// Whether a field a spreadsheet would run as a formula gets a leading
    /// `'` (see `super::set_excel_safe_csv`).
    excel_safe: bool,
}

impl<'a> CsvWriter<'a> {
    pub fn new(out: &'a mut dyn Write) -> Self {
        let excel_safe = super::EXCEL_SAFE_CSV.load(std::sync::atomic::Ordering::Relaxed);
        CsvWriter { out, buf: Vec::with_capacity(BUFFER + 4096), fields: 0, record_start: 0, excel_safe }
    }

    #[inline]
    pub fn field(&mut self, bytes: &[u8]) {
        if self.excel_safe && matches!(bytes.first(), Some(b'=' | b'+' | b'-' | b'@')) {
            return self.guarded_field(bytes);
        }
        self.write_field(bytes);
    }

    /// A field a spreadsheet would run as a formula, written as text.
    #[cold]
    fn guarded_field(&mut self, bytes: &[u8]) {
        self.write_field(&[b"'", bytes].concat());
    }

    fn write_field(&mut self, bytes: &[u8]) {
        if self.fields > 0 {
            self.buf.push(b',');
        }
        self.fields += 1;
        if !needs_quotes(bytes) {
            self.buf.extend_from_slice(bytes);
            return;
        }
        self.buf.push(b'"');
        let mut rest = bytes;
        while let Some(at) = memchr::memchr(b'"', rest) {
            self.buf.extend_from_slice(&rest[..=at]);
            self.buf.push(b'"');
            rest = &rest[at + 1..];
        }
        self.buf.extend_from_slice(rest);
        self.buf.push(b'"');
    }

    /// End the record; the buffer goes out when it is full.
    pub fn end_record(&mut self) -> io::Result<()> {
        // A record of one empty field would be an empty line, which readers
        // skip: it is written `""`, as the csv crate does.
        if self.fields == 1 && self.buf.len() == self.record_start {
            self.buf.extend_from_slice(b"\"\"");
        }
        self.buf.push(b'\n');
        self.fields = 0;
        if self.buf.len() >= BUFFER {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        self.record_start = self.buf.len();
        Ok(())
    }

    pub fn record<I: IntoIterator<Item = T>, T: AsRef<[u8]>>(&mut self, fields: I) -> io::Result<()> {
        for field in fields {
            self.field(field.as_ref());
        }
        self.end_record()
    }

    /// Write out what is buffered and hand back the writer.
    pub fn into_inner(self) -> io::Result<&'a mut dyn Write> {
        self.out.write_all(&self.buf)?;
        Ok(self.out)
    }
}

/// The field holds the delimiter, a quote or a line break (`\r` too: readers
/// take it for one). Looked for eight bytes at a time in a `u64` (a byte
/// equal to `x` is a zero byte of `word ^ x * 0x01..01`): most fields are a
/// few bytes long, where `memchr`'s set-up costs more than it saves, and a
/// byte at a time was half again as slow.
fn needs_quotes(bytes: &[u8]) -> bool {
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        if has_special(swar::word(word)) {
            return true;
        }
    }
    // The last few bytes, padded with zeros (not special).
    let mut tail = [0u8; 8];
    tail[..words.remainder().len()].copy_from_slice(words.remainder());
    has_special(u64::from_le_bytes(tail))
}

fn has_special(word: u64) -> bool {
    swar::has_byte(word, b',') || swar::has_byte(word, b'"') || swar::has_byte(word, b'\n') || swar::has_byte(word, b'\r')
}

#[cfg(test)]
mod tests {
    use super::CsvWriter;

    fn ours(records: &[Vec<&str>]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut writer = CsvWriter::new(&mut out);
        for record in records {
            writer.record(record.iter()).unwrap();
        }
        writer.into_inner().unwrap();
        out
    }

    fn csv_crates(records: &[Vec<&str>]) -> Vec<u8> {
        let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
        for record in records {
            writer.write_record(record).unwrap();
        }
        writer.into_inner().unwrap()
    }

    #[test]
    fn fields_are_quoted_exactly_where_the_csv_crate_quotes_them() {
        let records = vec![
            vec!["id", "content", "topic"],
            vec!["1", "plain words.", ""],
            vec!["2", "a, b", "say \"no\""],
            vec!["3", "two\nlines", "carriage\rreturn"],
            vec!["4", "\"", "\"\"quoted at both ends\"\""],
            vec!["5", " spaces kept ", "naïve café – ünïcode"],
            vec![""],
            vec!["", ""],
            vec!["only"],
        ];
        assert_eq!(String::from_utf8(ours(&records)).unwrap(), String::from_utf8(csv_crates(&records)).unwrap());
    }

    #[test]
    fn a_long_listing_goes_out_whole_across_buffer_flushes() {
        let long = "x".repeat(1000);
        let records: Vec<Vec<&str>> = (0..1000).map(|_| vec![long.as_str(), "a,b"]).collect();
        assert_eq!(ours(&records), csv_crates(&records));
    }
}
