//! The lossless syntax tree: tokens that partition the file, grouped into lines and sections.

use std::sync::Arc;

use pjconf_diagnostics::{FileId, Span};

use crate::SyntaxKind;

/// A token: a kind and the byte range it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: SyntaxKind,
    /// Where it is.
    pub span: Span,
}

/// What a physical line holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Only blanks and comments.
    Trivia,
    /// A section header; the index into [`SyntaxTree::header`].
    Header(u32),
    /// An option line (`key = value`, `key => value`, `key += value`).
    Item,
    /// A `#` directive; the index into [`SyntaxTree::directive`].
    Directive(u32),
    /// A line config.c ignores with a warning (no `=`, no option name).
    Error,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct LineNode {
    pub(crate) first_token: u32,
    pub(crate) kind: PackedLineKind,
}

/// A [`LineKind`] in four bytes: the variant in the top three bits, the index below. A file
/// is at most 64 MiB (`limits::MAX_FILE_SIZE`), so an index never needs more than 29 bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PackedLineKind(u32);

impl PackedLineKind {
    const INDEX: u32 = (1 << 29) - 1;

    pub(crate) fn new(kind: LineKind) -> Self {
        let (tag, index) = match kind {
            LineKind::Trivia => (0, 0),
            LineKind::Header(i) => (1, i),
            LineKind::Item => (2, 0),
            LineKind::Directive(i) => (3, i),
            LineKind::Error => (4, 0),
        };
        PackedLineKind((tag << 29) | (index & Self::INDEX))
    }

    pub(crate) fn get(self) -> LineKind {
        let index = self.0 & Self::INDEX;
        match self.0 >> 29 {
            1 => LineKind::Header(index),
            2 => LineKind::Item,
            3 => LineKind::Directive(index),
            4 => LineKind::Error,
            _ => LineKind::Trivia,
        }
    }
}

impl PartialEq<LineKind> for PackedLineKind {
    fn eq(&self, other: &LineKind) -> bool {
        self.get() == *other
    }
}

/// Text taken from the file: a byte range, or, for a line split by an inline block comment,
/// the text config.c assembles from its pieces (kept in the tree; read it with
/// [`SyntaxTree::text_bytes`] or [`SyntaxTree::text_of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    /// Where the text is (for assembled text: its first piece).
    pub span: Span,
    /// 0 for text read from `span`; otherwise 1 + the index of the assembled bytes.
    pub(crate) assembled: u32,
}

impl Text {
    pub(crate) fn at(span: Span) -> Self {
        Text { span, assembled: 0 }
    }
}

/// One entry of a header's option list `(...)`, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderOption {
    /// `!`: the section is a template.
    Template(Span),
    /// `+` or `+filter`: append to an earlier section; the filter text, if any.
    Append {
        /// The text after `+` (empty for a plain `+`).
        filter: Text,
    },
    /// A parent name, exactly as written (config.c does not trim it).
    Parent(Text),
}

impl HeaderOption {
    /// Where the whole entry is (`!`, `+filter` with its `+`, or the parent name).
    pub fn span(&self) -> Span {
        match self {
            HeaderOption::Template(span) => *span,
            // The `+` is the byte before the filter (for text read from one place).
            HeaderOption::Append { filter } if filter.assembled == 0 => Span::new(
                filter.span.file,
                filter.span.start.saturating_sub(1),
                filter.span.end,
            ),
            HeaderOption::Append { filter } => filter.span,
            HeaderOption::Parent(text) => text.span,
        }
    }
}

/// A section header `[name](options)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderNode {
    /// The line it is on.
    pub line: u32,
    /// The name between `[` and the first `]`, not trimmed.
    pub name: Text,
    /// The option list, as a range of the tree's header options; read it with
    /// [`SyntaxTree::header_options`].
    pub(crate) options: (u32, u32),
}

/// Which directive a `#` line holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DirectiveKind {
    /// `#include`: a missing file rejects the whole file.
    Include,
    /// `#tryinclude`: a missing file is fine.
    TryInclude,
    /// `#exec`: parsed, never run.
    Exec,
    /// Anything else; config.c warns and ignores it.
    Unknown,
}

/// A `#` directive line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectiveNode {
    /// The line it is on.
    pub line: u32,
    /// Which directive.
    pub kind: DirectiveKind,
    /// The directive name as written (without `#`).
    pub name: Text,
    /// The argument with surrounding `"..."` or `<...>` removed, as config.c dequotes it.
    pub argument: Option<Text>,
}

/// An option line's operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Operator {
    /// `=`
    #[serde(rename = "=")]
    Assign,
    /// `=>` (sets config.c's `object` flag; Sorcery reads it like `=`).
    #[serde(rename = "=>")]
    Object,
    /// `+=`: appends to the last earlier option of the same name in the section.
    #[serde(rename = "+=")]
    Append,
}

/// Key, operator and value of a line split by an inline block comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AssembledItem {
    pub(crate) line: u32,
    pub(crate) key: Text,
    pub(crate) operator: Operator,
    pub(crate) value: Text,
    pub(crate) append_text: Text,
}

/// A section: its header line and the lines up to the next header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SectionNode {
    pub(crate) header: u32,
    pub(crate) first_line: u32,
    pub(crate) end_line: u32,
}

/// The lossless tree of one file. Printing its tokens in order gives the input back byte for
/// byte ([`SyntaxTree::reprint`]).
#[derive(Debug, Clone)]
pub struct SyntaxTree {
    pub(crate) file: FileId,
    pub(crate) text: Arc<[u8]>,
    pub(crate) token_starts: Vec<u32>,
    pub(crate) token_kinds: Vec<SyntaxKind>,
    pub(crate) lines: Vec<LineNode>,
    pub(crate) headers: Vec<HeaderNode>,
    pub(crate) directives: Vec<DirectiveNode>,
    pub(crate) assembled: Vec<AssembledItem>,
    pub(crate) header_options: Vec<HeaderOption>,
    pub(crate) assembled_texts: Vec<Box<[u8]>>,
}

impl SyntaxTree {
    /// The file id spans of this tree carry.
    pub fn file(&self) -> FileId {
        self.file
    }

    /// The source bytes.
    pub fn text(&self) -> &[u8] {
        &self.text
    }

    /// The source bytes, shared.
    pub fn shared_text(&self) -> &Arc<[u8]> {
        &self.text
    }

    /// Number of tokens.
    pub fn token_count(&self) -> usize {
        self.token_starts.len()
    }

    /// Token `index`.
    pub fn token(&self, index: usize) -> Token {
        let start = self.token_starts[index];
        let end = self
            .token_starts
            .get(index + 1)
            .copied()
            .unwrap_or(self.text.len() as u32);
        Token {
            kind: self.token_kinds[index],
            span: Span::new(self.file, start, end),
        }
    }

    /// Every token, in order.
    pub fn tokens(&self) -> impl Iterator<Item = Token> + '_ {
        (0..self.token_count()).map(|i| self.token(i))
    }

    /// Number of physical lines (a final line without `\n` counts; an empty file has none).
    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// What line `line` (0-based) holds.
    pub fn line_kind(&self, line: usize) -> LineKind {
        self.lines[line].kind.get()
    }

    /// The tokens of 0-based `line`, newline included.
    pub fn line_tokens(&self, line: usize) -> impl Iterator<Item = Token> + '_ {
        let first = self.lines[line].first_token as usize;
        let end = self
            .lines
            .get(line + 1)
            .map_or(self.token_count(), |l| l.first_token as usize);
        (first..end).map(|i| self.token(i))
    }

    /// The byte span of 0-based `line`, newline included.
    pub fn line_span(&self, line: usize) -> Span {
        let first = self.lines[line].first_token as usize;
        let start = self.token_starts.get(first).copied().unwrap_or(0);
        let end = self
            .lines
            .get(line + 1)
            .map_or(self.text.len() as u32, |l| {
                self.token_starts[l.first_token as usize]
            });
        Span::new(self.file, start, end)
    }

    /// Header `index` (from [`LineKind::Header`]).
    pub fn header(&self, index: u32) -> &HeaderNode {
        &self.headers[index as usize]
    }

    /// The option list `(...)` of a header, in order; empty without one.
    pub fn header_options(&self, header: &HeaderNode) -> &[HeaderOption] {
        let (start, len) = header.options;
        &self.header_options[start as usize..(start + len) as usize]
    }

    /// The raw bytes of a [`Text`] of this tree.
    pub fn text_bytes<'a>(&'a self, text: &Text) -> &'a [u8] {
        match text.assembled {
            0 => &self.text[text.span.range()],
            n => &self.assembled_texts[n as usize - 1],
        }
    }

    /// Every header, in file order.
    pub fn headers(&self) -> &[HeaderNode] {
        &self.headers
    }

    /// Directive `index` (from [`LineKind::Directive`]).
    pub fn directive(&self, index: u32) -> &DirectiveNode {
        &self.directives[index as usize]
    }

    /// Every directive, in file order.
    pub fn directives(&self) -> &[DirectiveNode] {
        &self.directives
    }

    /// The input, printed back from the tokens: always equal to the input.
    pub fn reprint(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.text.len());
        for token in self.tokens() {
            out.extend_from_slice(&self.text[token.span.range()]);
        }
        out
    }

    pub(crate) fn assembled_item(&self, line: u32) -> Option<&AssembledItem> {
        self.assembled
            .binary_search_by_key(&line, |a| a.line)
            .ok()
            .map(|i| &self.assembled[i])
    }
}
