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

/// A header with its option list and the lines under it.
#[derive(Debug, Clone)]
pub(crate) struct Header {
    pub(crate) name: String,
    pub(crate) name_span: Span,
    pub(crate) span: Span,
    pub(crate) entries: Vec<HeaderEntry>,
    pub(crate) lines: Vec<Line>,
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
