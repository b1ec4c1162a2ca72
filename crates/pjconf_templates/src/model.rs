//! The input of the graph: section headers with their option lists, and option lines.
//!
//! These are plain data, independent of files: [`crate::GraphBuilder`] collects them from any
//! source (a parsed file, a multi-tenant model), and the engines turn them into a
//! [`crate::TemplateGraph`].

use pjconf_diagnostics::Span;
use pjconf_syntax::Operator;
use serde::Serialize;

/// A section of the graph: one category as main/config.c keeps it. A `(+)` header adds to an
/// existing section and so has no id of its own. Ids are dense, in the order sections are
/// created.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct SectionId(pub u32);

impl SectionId {
    /// The id as an index into per-section tables.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A header given to [`crate::GraphBuilder`]: `[name](...)`, in reading order. Several headers
/// can make up one section (the first one and the `(+)` ones that extend it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct HeaderId(pub u32);

/// One option line: `key = value`, `key => value` or `key += text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The option name as config.c stores it (trimmed).
    pub key: String,
    /// `=`, `=>` or `+=`.
    pub operator: Operator,
    /// The value as config.c stores it (trimmed); for `+=`, the value used when there is
    /// nothing to append to.
    pub value: String,
    /// For `+=`: the raw text config.c appends (blanks after the operator kept); not read
    /// for the other operators.
    pub append_text: String,
    /// Where the name is.
    pub key_span: Span,
    /// Where the value is.
    pub value_span: Span,
    /// The whole line.
    pub span: Span,
}

impl Line {
    /// `key = value`, every span set to `span`.
    ///
    /// ```
    /// use pjconf_diagnostics::{FileId, Span};
    /// use pjconf_templates::Line;
    ///
    /// let line = Line::assign("context", "from-phones", Span::new(FileId(0), 0, 21));
    /// assert_eq!(line.value, "from-phones");
    /// ```
    pub fn assign(key: impl Into<String>, value: impl Into<String>, span: Span) -> Self {
        Line {
            key: key.into(),
            operator: Operator::Assign,
            append_text: String::new(),
            value: value.into(),
            key_span: span,
            value_span: span,
            span,
        }
    }

    /// `key += text`: `text` is appended verbatim to the last earlier value named `key`.
    ///
    /// ```
    /// use pjconf_diagnostics::{FileId, Span};
    /// use pjconf_templates::Line;
    ///
    /// let line = Line::append("allow", ",g722", Span::new(FileId(0), 0, 14));
    /// assert_eq!(line.append_text, ",g722");
    /// ```
    pub fn append(key: impl Into<String>, text: impl Into<String>, span: Span) -> Self {
        let append_text = text.into();
        Line {
            key: key.into(),
            operator: Operator::Append,
            value: trim_blanks(&append_text).to_string(),
            append_text,
            key_span: span,
            value_span: span,
            span,
        }
    }
}

/// One entry of a header's option list, in the order written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum HeaderEntry {
    /// `!`.
    Template(Span),
    /// A parent name, exactly as written.
    Parent { name: String, span: Span },
    /// `+` or `+filter`.
    Extend { filter: String, span: Span },
}

/// A string kept in a [`TextArena`]: its byte range there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Str {
    start: u32,
    end: u32,
}

/// The text of every option name and value of a graph, one after the other, so a value costs
/// two integers instead of an allocation of its own.
#[derive(Debug, Clone, Default)]
pub(crate) struct TextArena {
    text: String,
}

impl TextArena {
    /// Keep `s`; its range in the arena.
    pub(crate) fn push(&mut self, s: &str) -> Str {
        let offset = |n: usize| u32::try_from(n).expect("option text over 4 GiB");
        let start = offset(self.text.len());
        self.text.push_str(s);
        Str {
            start,
            end: offset(self.text.len()),
        }
    }

    /// Make room for `additional` more bytes.
    pub(crate) fn reserve(&mut self, additional: usize) {
        self.text.reserve(additional);
    }

    /// The text of `s`.
    pub(crate) fn get(&self, s: Str) -> &str {
        &self.text[s.start as usize..s.end as usize]
    }
}

/// An option line as the engines read it: [`Line`] with its text in the builder's arena.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineRec {
    pub(crate) key: Str,
    pub(crate) operator: Operator,
    pub(crate) value: Str,
    /// For `+=` only (empty for the other operators, which never read it).
    pub(crate) append_text: Str,
    pub(crate) key_span: Span,
    pub(crate) value_span: Span,
    pub(crate) span: Span,
    /// The next line of the same header ([`NO_LINE`] after the last one).
    pub(crate) next: u32,
}

/// No line: the end of a header's list.
pub(crate) const NO_LINE: u32 = u32::MAX;

/// The lines of a header, in order: `first` and the lines linked after it in `lines`.
pub(crate) fn header_lines(lines: &[LineRec], first: u32) -> HeaderLines<'_> {
    HeaderLines { lines, at: first }
}

/// The iterator of [`header_lines`].
#[derive(Debug, Clone)]
pub(crate) struct HeaderLines<'l> {
    lines: &'l [LineRec],
    at: u32,
}

impl Iterator for HeaderLines<'_> {
    type Item = LineRec;

    fn next(&mut self) -> Option<LineRec> {
        let line = *self.lines.get(self.at as usize)?;
        self.at = line.next;
        Some(line)
    }
}

/// A header with its option list and the lines under it.
#[derive(Debug, Clone)]
pub(crate) struct Header {
    pub(crate) name: String,
    pub(crate) name_span: Span,
    pub(crate) span: Span,
    pub(crate) entries: Vec<HeaderEntry>,
    /// The header's lines, a list threaded through the builder's lines ([`header_lines`]):
    /// the first and the last ([`NO_LINE`] when there are none), and how many.
    pub(crate) first_line: u32,
    pub(crate) last_line: u32,
    pub(crate) line_count: u32,
}

impl Header {
    pub(crate) fn is_extension(&self) -> bool {
        self.entries
            .iter()
            .any(|e| matches!(e, HeaderEntry::Extend { .. }))
    }
}

/// True for what config.c calls a blank: every byte below 33 (ast_skip_blanks,
/// ast_trim_blanks).
pub(crate) fn is_blank(c: char) -> bool {
    (c as u32) < 33
}

/// `s` without leading and trailing blanks (ast_strip).
pub(crate) fn trim_blanks(s: &str) -> &str {
    s.trim_matches(is_blank)
}
