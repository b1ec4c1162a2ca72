//! Renderers: one module per output format. Each reads diagnostics and a [`crate::SourceMap`]
//! and returns text; none prints.
//!
//! | [`Format`]          | Function  | For                                                   |
//! |---------------------|-----------|-------------------------------------------------------|
//! | [`Format::Human`]   | [`human`] | terminals: `rustc`-style snippets (annotate-snippets) |
//! | [`Format::Json`]    | [`json`]  | scripts: a stable JSON array (`docs/diagnostics.md`)  |
//! | [`Format::Sarif`]   | [`sarif`] | code scanning: a SARIF 2.1.0 log                      |
//! | [`Format::Github`]  | [`github`]| GitHub Actions: `::error file=..::message` commands   |
//!
//! Renderers keep the order they are given; call [`sort`] first for a stable order.
//! Line and column numbers are 1-based; a column counts characters (see
//! [`crate::LineCol`]), and an end position is the one just after the last character.

mod github;
mod human;
mod json;
mod sarif;

pub use github::github;
pub use human::human;
pub use json::json;
pub use sarif::sarif;

use crate::{Diagnostic, Severity, SourceMap};

/// An output format, as named on the command line (`--format human|json|sarif|github`).
///
/// ```
/// use pjconf_diagnostics::render::Format;
///
/// let format: Format = "sarif".parse().unwrap();
/// assert_eq!(format, Format::Sarif);
/// assert_eq!(format.as_str(), "sarif");
/// assert!("xml".parse::<Format>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// Source snippets with carets, for people ([`human`]).
    #[default]
    Human,
    /// A JSON array, one object per diagnostic ([`json`]).
    Json,
    /// A SARIF 2.1.0 log ([`sarif`]).
    Sarif,
    /// GitHub Actions workflow commands ([`github`]).
    Github,
}

impl Format {
    /// Every format, in the order they are documented.
    pub const ALL: [Format; 4] = [Format::Human, Format::Json, Format::Sarif, Format::Github];

    /// The name used on the command line: `human`, `json`, `sarif` or `github`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Github => "github",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a [`Format`] from a string that names none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseFormatError {
    /// The string that was given.
    pub given: String,
}

impl std::fmt::Display for ParseFormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown output format `{}` (expected one of: human, json, sarif, github)",
            self.given
        )
    }
}

impl std::error::Error for ParseFormatError {}

impl std::str::FromStr for Format {
    type Err = ParseFormatError;

    /// Parse `human`, `json`, `sarif` or `github` (exactly, lowercase).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|format| format.as_str() == s)
            .ok_or_else(|| ParseFormatError {
                given: s.to_owned(),
            })
    }
}

/// What the renderers need besides the diagnostics and the sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderOptions {
    /// Use ANSI colours in [`Format::Human`] output (the other formats ignore it).
    pub color: bool,
    /// The pjconf version written into [`Format::Sarif`] output (`tool.driver.version`).
    pub tool_version: String,
}

impl Default for RenderOptions {
    /// No colour; the version of this crate (the workspace version).
    fn default() -> Self {
        RenderOptions {
            color: false,
            tool_version: env!("CARGO_PKG_VERSION").to_owned(),
        }
    }
}

/// Render `diagnostics` in `format`, in the order given.
///
/// ```
/// use pjconf_diagnostics::render::{render, Format, RenderOptions};
/// use pjconf_diagnostics::{Diagnostic, SourceMap, Span};
///
/// let mut sources = SourceMap::new();
/// let file = sources.add("pjsip.conf", b"[udp\n".to_vec());
/// let d = Diagnostic::error("PJ003", "missing `]` in section header", Span::new(file, 0, 1));
/// let out = render(Format::Github, &[d], &sources, &RenderOptions::default());
/// assert!(out.starts_with("::error file=pjsip.conf,line=1,col=1,"));
/// ```
pub fn render(
    format: Format,
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
    options: &RenderOptions,
) -> String {
    match format {
        Format::Human => human(diagnostics, sources, options.color),
        Format::Json => json(diagnostics, sources),
        Format::Sarif => sarif(diagnostics, sources, &options.tool_version),
        Format::Github => github(diagnostics, sources),
    }
}

/// Sort diagnostics by their primary span's file, start and end, then by code. The sort is
/// stable: diagnostics with the same key keep their order. Files are ordered by
/// [`crate::FileId`], which is the order they were added to the [`SourceMap`].
///
/// ```
/// use pjconf_diagnostics::render::sort;
/// use pjconf_diagnostics::{Diagnostic, FileId, Span};
///
/// let mut ds = vec![
///     Diagnostic::error("PJ002", "b", Span::new(FileId(0), 9, 10)),
///     Diagnostic::error("PJ001", "a", Span::new(FileId(0), 9, 10)),
///     Diagnostic::error("PJ009", "c", Span::new(FileId(0), 1, 2)),
/// ];
/// sort(&mut ds);
/// let codes: Vec<_> = ds.iter().map(|d| d.code).collect();
/// assert_eq!(codes, ["PJ009", "PJ001", "PJ002"]);
/// ```
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        let (sa, sb) = (a.primary.span, b.primary.span);
        (sa.file, sa.start, sa.end, a.code).cmp(&(sb.file, sb.start, sb.end, b.code))
    });
}

/// A one-line count of `diagnostics` by severity, most severe first, leaving out severities
/// that do not occur: `2 errors, 1 warning`, `1 error, 3 info`; `no problems` for none.
/// It has no final newline and no period, so the caller can frame it.
///
/// ```
/// use pjconf_diagnostics::render::summary;
/// use pjconf_diagnostics::{Diagnostic, FileId, Span};
///
/// let at = Span::empty(FileId(0), 0);
/// let ds = [
///     Diagnostic::error("PJ001", "a", at),
///     Diagnostic::warning("PJ201", "b", at),
///     Diagnostic::error("PJ002", "c", at),
/// ];
/// assert_eq!(summary(&ds), "2 errors, 1 warning");
/// assert_eq!(summary(&[]), "no problems");
/// ```
pub fn summary(diagnostics: &[Diagnostic]) -> String {
    let count = |severity| {
        diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    };
    let parts: Vec<String> = [
        (count(Severity::Error), "error", "errors"),
        (count(Severity::Warning), "warning", "warnings"),
        (count(Severity::Info), "info", "info"),
    ]
    .into_iter()
    .filter(|&(n, _, _)| n > 0)
    .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
    .collect();
    if parts.is_empty() {
        "no problems".to_owned()
    } else {
        parts.join(", ")
    }
}

/// A position resolved for output: 1-based line and column of the start and of the end, and
/// the byte range, all clamped to the file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub(crate) start_line: u32,
    pub(crate) start_column: u32,
    pub(crate) end_line: u32,
    pub(crate) end_column: u32,
    pub(crate) start: u32,
    pub(crate) end: u32,
}

/// Resolve `span` against `sources`. Offsets past the end of the text are clamped to it; a
/// span in an unknown file resolves to 1:1-1:1 with its byte offsets unchanged.
pub(crate) fn resolve(sources: &SourceMap, span: crate::Span) -> Resolved {
    let (start, end) = match sources.get(span.file) {
        Some(file) => {
            let len = u32::try_from(file.text.len()).unwrap_or(u32::MAX);
            (span.start.min(len), span.end.min(len))
        }
        None => (span.start, span.end),
    };
    let clamped = crate::Span::new(span.file, start, end);
    let from = sources.line_col(clamped);
    let to = sources.end_line_col(clamped);
    Resolved {
        start_line: from.line,
        start_column: from.column,
        end_line: to.line,
        end_column: to.column,
        start: clamped.start,
        end: clamped.end,
    }
}
