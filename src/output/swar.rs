//! Byte tests on eight bytes at once, in a `u64` ("SWAR"). The CSV and JSON
//! writers look at every byte of every field for the few bytes that need
//! quoting or escaping; news text almost never has one, and a word without
//! one is passed over in a few instructions where a byte-at-a-time loop (or
//! `memchr`'s set-up, on fields a few bytes long) costs several times more.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Eight bytes as one word; `chunk` must be eight bytes long.
pub fn word(chunk: &[u8]) -> u64 {
    u64::from_le_bytes(chunk.try_into().expect("eight bytes"))
}

/// Whether any byte of `word` is less than `limit` (at most 128). The answer
/// is exact, but says not which byte: a caller that acts on a yes looks at
/// the eight bytes one by one.
pub fn has_byte_below(word: u64, limit: u8) -> bool {
    debug_assert!(limit <= 128);
    word.wrapping_sub(ONES * u64::from(limit)) & !word & HIGHS != 0
}

/// Whether any byte of `word` equals `byte` (a byte equal to it is a zero
/// byte of `word ^ byte * 0x01..01`, and a zero byte is one below 1).
pub fn has_byte(word: u64, byte: u8) -> bool {
    has_byte_below(word ^ (ONES * u64::from(byte)), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_byte_in_every_position_and_none_where_there_is_none() {
        let plain = *b"abcdefgh";
        assert!(!has_byte(word(&plain), b','));
        assert!(!has_byte_below(word(&plain), 0x20));
        for at in 0..8 {
            let mut bytes = plain;
            bytes[at] = b',';
            assert!(has_byte(word(&bytes), b','), "comma at {at}");
            bytes[at] = b'\n';
            assert!(has_byte_below(word(&bytes), 0x20), "line break at {at}");
        }
    }

    #[test]
    fn bytes_above_ascii_are_not_below_a_limit() {
        let bytes = "é—ü€".as_bytes();
        assert!(!has_byte_below(word(&bytes[..8]), 0x20));
    }
}
