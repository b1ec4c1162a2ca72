//! Lossy decoding of source bytes, shared by the line index (columns) and the human renderer
//! (displayed lines), so that a column printed in a header and a caret drawn under a line agree.
//!
//! The rule: valid UTF-8 decodes as usual; every byte of an invalid sequence (a Latin-1 `é`
//! is the lone byte `0xE9`, a Latin-1 `°` the lone byte `0xB0`) is one character, shown as
//! U+FFFD.

/// Call `f(offset, len, ch)` for every character of `bytes` in order, where `offset..offset+len`
/// is the character's byte range in `bytes` and `ch` is U+FFFD for an invalid byte.
pub(crate) fn for_each_char(bytes: &[u8], mut f: impl FnMut(usize, usize, char)) {
    let mut offset = 0;
    for chunk in bytes.utf8_chunks() {
        for (i, ch) in chunk.valid().char_indices() {
            f(offset + i, ch.len_utf8(), ch);
        }
        offset += chunk.valid().len();
        for _ in chunk.invalid() {
            f(offset, 1, char::REPLACEMENT_CHARACTER);
            offset += 1;
        }
    }
}

/// Number of characters of `bytes` that start before byte `offset` (an offset inside a
/// multi-byte character counts that character).
pub(crate) fn chars_before(bytes: &[u8], offset: usize) -> usize {
    let mut count = 0;
    for_each_char(bytes, |at, _, _| {
        if at < offset {
            count += 1;
        }
    });
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_bytes_are_one_character_each() {
        // "a", Latin-1 "é", "b", Latin-1 "°", UTF-8 "é", "c"
        let bytes = b"a\xE9b\xB0\xC3\xA9c";
        let mut seen = Vec::new();
        for_each_char(bytes, |at, len, ch| seen.push((at, len, ch)));
        assert_eq!(
            seen,
            [
                (0, 1, 'a'),
                (1, 1, '\u{FFFD}'),
                (2, 1, 'b'),
                (3, 1, '\u{FFFD}'),
                (4, 2, 'é'),
                (6, 1, 'c'),
            ]
        );
        assert_eq!(chars_before(bytes, 4), 4);
        // Inside the UTF-8 "é": it counts.
        assert_eq!(chars_before(bytes, 5), 5);
        assert_eq!(chars_before(bytes, 6), 5);
        assert_eq!(chars_before(bytes, 99), 6);
    }
}
