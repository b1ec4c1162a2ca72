//! Finding one byte in the short stretches the parser searches: a line's end, a key's `=`.
//!
//! Lines in configuration files are short (about 17 bytes in real files), and for a
//! haystack that short `memchr`'s dispatch and set-up cost more than the search: it was
//! 13% of the parser's instructions, called once or twice a line. So the first 64 bytes are
//! searched a word (8 bytes) at a time here, and `memchr` takes over for long stretches.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;
/// How far the word-at-a-time loop goes before handing over to `memchr`.
const SHORT: usize = 64;

/// Offset of the first `needle` in `haystack`.
#[inline]
pub(crate) fn find_byte(needle: u8, haystack: &[u8]) -> Option<usize> {
    let pattern = ONES * u64::from(needle);
    let mut at = 0;
    while at < SHORT {
        let Some(chunk) = haystack.get(at..at + 8) else {
            // Fewer than 8 bytes left.
            return haystack[at..]
                .iter()
                .position(|&b| b == needle)
                .map(|i| at + i);
        };
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        // Bytes equal to the needle become zero; the classic "has a zero byte" test flags
        // them. The lowest flag is always a true zero (a borrow only disturbs higher bytes),
        // and little-endian order makes the lowest byte the first in the text.
        let x = u64::from_le_bytes(word) ^ pattern;
        let found = x.wrapping_sub(ONES) & !x & HIGHS;
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    memchr::memchr(needle, &haystack[at..]).map(|i| at + i)
}

#[cfg(test)]
mod tests {
    use super::find_byte;
    use proptest::prelude::*;

    #[test]
    fn finds_the_first_occurrence_at_every_position() {
        for len in 0..150 {
            for pos in 0..len {
                let mut hay = vec![b'x'; len];
                hay[pos] = b'\n';
                if pos + 1 < len {
                    hay[len - 1] = b'\n';
                }
                assert_eq!(find_byte(b'\n', &hay), Some(pos), "len {len} pos {pos}");
            }
            assert_eq!(find_byte(b'\n', &vec![b'x'; len]), None);
        }
    }

    #[test]
    fn bytes_next_to_the_needle_are_not_mistaken_for_it() {
        // 0x0b and 0x09 differ from 0x0a in one bit; 0x8a in the high bit; 0x00 and 0xff
        // exercise the borrow.
        let hay = [0x0b, 0x09, 0x8a, 0x00, 0xff, 0x0a, 0x0a, 0x00, 0x01];
        assert_eq!(find_byte(0x0a, &hay), Some(5));
        assert_eq!(find_byte(0x00, &hay), Some(3));
        assert_eq!(find_byte(0xff, &hay), Some(4));
    }

    proptest! {
        #[test]
        fn agrees_with_memchr(hay in proptest::collection::vec(any::<u8>(), 0..300), needle: u8) {
            prop_assert_eq!(find_byte(needle, &hay), memchr::memchr(needle, &hay));
        }

        #[test]
        fn agrees_with_memchr_on_few_distinct_bytes(
            hay in proptest::collection::vec(prop_oneof![Just(b'='), Just(b'\n'), Just(0u8), Just(0x80u8), Just(b'a')], 0..200),
        ) {
            prop_assert_eq!(find_byte(b'=', &hay), memchr::memchr(b'=', &hay));
            prop_assert_eq!(find_byte(b'\n', &hay), memchr::memchr(b'\n', &hay));
            prop_assert_eq!(find_byte(0, &hay), memchr::memchr(0, &hay));
        }
    }
}
