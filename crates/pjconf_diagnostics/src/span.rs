//! Where a diagnostic points: a file and a byte range in it.

use serde::Serialize;

/// Identifies one source file inside a [`crate::SourceMap`]. Ids are dense, starting at 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct FileId(pub u32);

/// A byte range `start..end` in one file. Line and column are computed only when rendering,
/// from a [`crate::LineIndex`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// The file the range is in.
    pub file: FileId,
    /// First byte of the range.
    pub start: u32,
    /// One past the last byte of the range (equal to `start` for an empty range).
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` in `file`. `end` is raised to `start` if it is smaller.
    pub fn new(file: FileId, start: u32, end: u32) -> Self {
        Span {
            file,
            start,
            end: end.max(start),
        }
    }

    /// An empty span at `offset`, for "something is missing here" diagnostics.
    pub fn empty(file: FileId, offset: u32) -> Self {
        Span::new(file, offset, offset)
    }

    /// Length in bytes.
    pub fn len(&self) -> u32 {
        self.end - self.start
    }

    /// True for an empty range.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The byte range as `usize`, for slicing the source.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}
