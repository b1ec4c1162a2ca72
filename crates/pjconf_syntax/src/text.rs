//! Decoding of source bytes into the strings the typed layers use.

use std::borrow::Cow;

/// Decode bytes as UTF-8, or, when they are not valid UTF-8, as Latin-1 (each byte one
/// character). Configuration files written by hand are often Latin-1; reading them this way
/// never fails and keeps one character per byte. The tree itself keeps the original bytes.
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => Cow::Owned(bytes.iter().map(|&b| b as char).collect()),
    }
}

/// Decode a value as config.c reads it: `\;` is a literal `;` (config_text_file_load removes
/// the backslash); no other escape is processed.
pub fn decode_value(bytes: &[u8]) -> Cow<'_, str> {
    if memchr::memmem::find(bytes, b"\\;").is_none() {
        return decode(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' && bytes.get(i + 1) == Some(&b';') {
            out.push(b';');
            i += 2;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Cow::Owned(decode(&out).into_owned())
}

/// config.c's blank test (`ast_strip`, `ast_skip_blanks`): any byte below 33, except that a
/// C string never holds NUL (handled before).
pub(crate) fn is_blank(b: u8) -> bool {
    b < 33
}

/// Range of `bytes[start..end]` with blanks trimmed on both sides (`ast_strip`).
pub(crate) fn strip(bytes: &[u8], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && is_blank(bytes[start]) {
        start += 1;
    }
    while end > start && is_blank(bytes[end - 1]) {
        end -= 1;
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_is_one_char_per_byte_and_escapes_unfold() {
        assert_eq!(decode(b"Jos\xe9"), "José");
        assert_eq!(decode_value(br"a\;b"), "a;b");
        // config.c removes one backslash before a `;`: `\\;` reads as `\;`.
        assert_eq!(decode_value(br"a\\;b"), r"a\;b");
        assert_eq!(decode_value(br"a\nb"), r"a\nb");
        assert_eq!(strip(b" \t\rx y\r ", 0, 8), (3, 6));
    }
}
