//! UTF-16 input (what some Windows tools save as "Unicode"), recognised by
//! its byte order mark and decoded to UTF-8 as it is read, so that it reads
//! as any other text and a big file still streams.

use std::io::{self, Read};

/// The byte order of a UTF-16 byte order mark at the start of `head`.
pub(super) fn byte_order(head: &[u8]) -> Option<ByteOrder> {
    match head {
        [0xFF, 0xFE, ..] => Some(ByteOrder::Little),
        [0xFE, 0xFF, ..] => Some(ByteOrder::Big),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ByteOrder {
    Little,
    Big,
}

/// A reader of UTF-16 bytes (after their byte order mark) that yields UTF-8.
/// Unpaired surrogates become U+FFFD, as invalid UTF-8 does elsewhere.
pub(super) struct Utf16ToUtf8<R> {
    inner: R,
    order: ByteOrder,
    /// Bytes read but not yet decoded (an odd byte, a high surrogate).
    raw: Vec<u8>,
    /// Decoded UTF-8 not yet handed out, from `out_at`.
    out: Vec<u8>,
    out_at: usize,
    ended: bool,
}

impl<R: Read> Utf16ToUtf8<R> {
    pub(super) fn new(inner: R, order: ByteOrder) -> Self {
        Utf16ToUtf8 { inner, order, raw: Vec::new(), out: Vec::new(), out_at: 0, ended: false }
    }

    /// Read and decode the next stretch of input into `out`.
    fn refill(&mut self) -> io::Result<()> {
        self.out.clear();
        self.out_at = 0;
        let mut buffer = [0u8; 16 * 1024];
        while self.out.is_empty() && !self.ended {
            let read = match self.inner.read(&mut buffer) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if read == 0 {
                self.ended = true;
            }
            self.raw.extend_from_slice(&buffer[..read]);
            self.decode_raw();
        }
        Ok(())
    }

    /// Decode what `raw` holds, keeping back an incomplete unit or a high
    /// surrogate that may pair with the next unit (unless the input ended).
    fn decode_raw(&mut self) {
        let units: Vec<u16> = self
            .raw
            .chunks_exact(2)
            .map(|pair| match self.order {
                ByteOrder::Little => u16::from_le_bytes([pair[0], pair[1]]),
                ByteOrder::Big => u16::from_be_bytes([pair[0], pair[1]]),
            })
            .collect();
        let mut keep = units.len();
        if !self.ended && units.last().is_some_and(|u| (0xD800..0xDC00).contains(u)) {
            keep -= 1;
        }
        let mut text = [0u8; 4];
        for c in char::decode_utf16(units[..keep].iter().copied()) {
            let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
            self.out.extend_from_slice(c.encode_utf8(&mut text).as_bytes());
        }
        let mut consumed = keep * 2;
        if self.ended && self.raw.len() % 2 == 1 {
            self.out.extend_from_slice(char::REPLACEMENT_CHARACTER.encode_utf8(&mut text).as_bytes());
            consumed = self.raw.len();
        }
        self.raw.drain(..consumed);
    }
}

impl<R: Read> Read for Utf16ToUtf8<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.out_at == self.out.len() {
            self.refill()?;
        }
        let available = &self.out[self.out_at..];
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.out_at += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(text: &str, order: ByteOrder) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| match order {
                ByteOrder::Little => u.to_le_bytes(),
                ByteOrder::Big => u.to_be_bytes(),
            })
            .collect()
    }

    fn decode(bytes: &[u8], order: ByteOrder, chunk: usize) -> String {
        // A reader handing out `chunk` bytes at a time, to split units and pairs.
        struct Trickle<'a>(&'a [u8], usize);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = self.0.len().min(self.1).min(buf.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut out = String::new();
        Utf16ToUtf8::new(Trickle(bytes, chunk), order).read_to_string(&mut out).unwrap();
        out
    }

    #[test]
    fn both_byte_orders_decode_whatever_the_reads_split() {
        let text = "Ada Park said: \u{201c}caf\u{e9} \u{1F309} open\u{201d}.\n";
        for order in [ByteOrder::Little, ByteOrder::Big] {
            for chunk in [1, 3, 4, 1000] {
                assert_eq!(decode(&encode(text, order), order, chunk), text, "{order:?} in reads of {chunk}");
            }
        }
    }

    #[test]
    fn unpaired_surrogates_and_an_odd_last_byte_become_replacement_characters() {
        let mut bytes = encode("a", ByteOrder::Little);
        bytes.extend_from_slice(&0xD800u16.to_le_bytes());
        bytes.extend_from_slice(&encode("b", ByteOrder::Little));
        bytes.push(0x41);
        assert_eq!(decode(&bytes, ByteOrder::Little, 2), "a\u{FFFD}b\u{FFFD}");
    }

    #[test]
    fn byte_order_marks_are_recognised() {
        assert_eq!(byte_order(&[0xFF, 0xFE, 0x41, 0]), Some(ByteOrder::Little));
        assert_eq!(byte_order(&[0xFE, 0xFF, 0, 0x41]), Some(ByteOrder::Big));
        assert_eq!(byte_order(b"\xEF\xBB\xBFtext"), None);
    }
}
