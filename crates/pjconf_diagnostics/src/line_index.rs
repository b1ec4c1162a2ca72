//! Byte offset to line and column, computed once per file.

/// A 1-based line and column. The column counts characters (Unicode scalar values of the
/// UTF-8 text; each byte that is not valid UTF-8 counts as one), so it matches what an editor
/// shows for the usual ASCII and UTF-8 configuration files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct LineCol {
    /// Line number, from 1.
    pub line: u32,
    /// Column number, from 1.
    pub column: u32,
}

/// The start offset of every line of a text. A line ends after `\n`; a lone `\r` does not end
/// a line (config.c reads with `fgets`, which only splits at `\n`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    /// Index the lines of `text`.
    pub fn new(text: &[u8]) -> Self {
        // Counting first sizes the array exactly (a count is much cheaper than growing).
        let mut starts = Vec::with_capacity(memchr::memchr_iter(b'\n', text).count() + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text).map(|nl| nl as u32 + 1));
        LineIndex { starts }
    }

    /// Number of lines (a text ending in `\n` has an empty last line that is counted).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The 0-based line that holds `offset`.
    pub fn line_of(&self, offset: u32) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Byte offset where 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> u32 {
        self.starts[line.min(self.starts.len() - 1)]
    }

    /// The byte range of 0-based `line` in `text`, without its line terminator.
    pub fn line_range(&self, text: &[u8], line: usize) -> std::ops::Range<usize> {
        let start = self.line_start(line) as usize;
        let mut end = self
            .starts
            .get(line + 1)
            .map_or(text.len(), |&next| next as usize);
        while end > start && matches!(text[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        start..end
    }

    /// Line and column (both 1-based) of `offset` in `text`.
    pub fn line_col(&self, text: &[u8], offset: u32) -> LineCol {
        let line = self.line_of(offset);
        let start = (self.starts[line] as usize).min(text.len());
        let line_end = self
            .starts
            .get(line + 1)
            .map_or(text.len(), |&next| next as usize)
            .min(text.len());
        let column =
            crate::text::chars_before(&text[start..line_end], offset as usize - start) as u32 + 1;
        LineCol {
            line: line as u32 + 1,
            column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_lines_split_at_lf_only() {
        let text = "a=1\r\n[é]x\nlast".as_bytes();
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 3);
        assert_eq!(index.line_col(text, 0), LineCol { line: 1, column: 1 });
        // 'x' after "[é]" is the 4th character of line 2 although it is byte 5 of it.
        let x = text.iter().position(|&b| b == b'x').unwrap() as u32;
        assert_eq!(index.line_col(text, x), LineCol { line: 2, column: 4 });
        assert_eq!(index.line_range(text, 0), 0..3);
        assert_eq!(&text[index.line_range(text, 2)], b"last");
    }

    #[test]
    fn every_invalid_byte_is_one_column() {
        // Latin-1 "°" (0xB0) is a UTF-8 continuation byte on its own; it still takes a column.
        let text = b"t=50\xB0C x\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 7), LineCol { line: 1, column: 8 });
        // Past the end of the text: clamped, no panic.
        assert_eq!(index.line_col(text, 99), LineCol { line: 2, column: 1 });
    }
}
