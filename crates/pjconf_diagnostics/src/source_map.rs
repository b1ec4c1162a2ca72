//! The files diagnostics point into, with their names, text and line indexes.

use crate::{FileId, LineCol, LineIndex, Span};

/// One source file known to the renderers.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The name shown to users (a path relative to the config root, or `-` for standard input).
    pub name: String,
    /// The file's bytes, exactly as read.
    pub text: std::sync::Arc<[u8]>,
    /// Line starts of `text`, computed the first time a diagnostic needs a line number:
    /// most files loaded by a clean run never need it, and indexing costs a pass over the
    /// text and an array as long as the file has lines.
    lines: std::sync::OnceLock<LineIndex>,
}

impl SourceFile {
    /// Line starts of `text` (computed on first use).
    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.text))
    }
}

/// Every file a run has read, by [`FileId`]. Renderers look spans up here.
///
/// ```
/// use pjconf_diagnostics::{SourceMap, Span};
///
/// let mut map = SourceMap::new();
/// let id = map.add("pjsip.conf", b"[a]\nkey\n".to_vec());
/// let at = map.line_col(Span::new(id, 4, 7));
/// assert_eq!((at.line, at.column), (2, 1));
/// ```
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Add a file and return its id.
    pub fn add(
        &mut self,
        name: impl Into<String>,
        text: impl Into<std::sync::Arc<[u8]>>,
    ) -> FileId {
        let text: std::sync::Arc<[u8]> = text.into();
        let id = FileId(self.files.len() as u32);
        self.files.push(SourceFile {
            name: name.into(),
            text,
            lines: std::sync::OnceLock::new(),
        });
        id
    }

    /// Move every file of `other` into this map; ids of `other` shift by the returned offset
    /// (use [`crate::Diagnostic::shift_files`] on diagnostics that point into `other`).
    pub fn append(&mut self, other: SourceMap) -> u32 {
        let offset = self.files.len() as u32;
        self.files.extend(other.files);
        offset
    }

    /// The file with id `id`, if it was added.
    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id.0 as usize)
    }

    /// Every file, in id order.
    pub fn files(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }

    /// The name of `id`, or `<unknown>`.
    pub fn name(&self, id: FileId) -> &str {
        self.get(id).map_or("<unknown>", |f| f.name.as_str())
    }

    /// Line and column where `span` starts (1:1 for an unknown file).
    pub fn line_col(&self, span: Span) -> LineCol {
        self.position(span.file, span.start)
    }

    /// Line and column where `span` ends.
    pub fn end_line_col(&self, span: Span) -> LineCol {
        self.position(span.file, span.end)
    }

    fn position(&self, file: FileId, offset: u32) -> LineCol {
        match self.get(file) {
            Some(f) => f.lines().line_col(&f.text, offset),
            None => LineCol { line: 1, column: 1 },
        }
    }
}
