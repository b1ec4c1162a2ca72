//! `--format json`: a stable JSON array, one object per diagnostic. The schema is documented
//! in `docs/diagnostics.md` ("JSON output"); keys always appear, in the order below, with
//! `null` or `[]` when there is nothing to say.

use serde::Serialize;

use super::{Resolved, resolve};
use crate::{Diagnostic, Label, SourceMap, Span};

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'a str,
    severity: &'a str,
    message: &'a str,
    file: &'a str,
    start: Position,
    end: Position,
    span: ByteRange,
    label: Option<&'a str>,
    labels: Vec<JsonLabel<'a>>,
    help: Option<&'a str>,
    notes: &'a [String],
    fix: Option<JsonFix<'a>>,
}

#[derive(Serialize)]
struct Position {
    line: u32,
    column: u32,
}

#[derive(Serialize)]
struct ByteRange {
    start: u32,
    end: u32,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    file: &'a str,
    start: Position,
    end: Position,
    span: ByteRange,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    message: &'a str,
    applicability: crate::Applicability,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    file: &'a str,
    start: Position,
    end: Position,
    span: ByteRange,
    content: &'a str,
}

/// Where a span is, as the JSON keys `file`, `start`, `end` and `span`.
struct Place<'a> {
    file: &'a str,
    start: Position,
    end: Position,
    span: ByteRange,
}

fn place<'a>(sources: &'a SourceMap, span: Span) -> Place<'a> {
    let Resolved {
        start_line,
        start_column,
        end_line,
        end_column,
        start,
        end,
    } = resolve(sources, span);
    Place {
        file: sources.name(span.file),
        start: Position {
            line: start_line,
            column: start_column,
        },
        end: Position {
            line: end_line,
            column: end_column,
        },
        span: ByteRange { start, end },
    }
}

fn label<'a>(sources: &'a SourceMap, label: &'a Label) -> JsonLabel<'a> {
    let Place {
        file,
        start,
        end,
        span,
    } = place(sources, label.span);
    JsonLabel {
        file,
        start,
        end,
        span,
        message: &label.message,
    }
}

fn diagnostic<'a>(sources: &'a SourceMap, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
    let Place {
        file,
        start,
        end,
        span,
    } = place(sources, d.primary.span);
    JsonDiagnostic {
        code: d.code,
        severity: d.severity.as_str(),
        message: &d.message,
        file,
        start,
        end,
        span,
        label: Some(d.primary.message.as_str()).filter(|m| !m.is_empty()),
        labels: d.secondary.iter().map(|l| label(sources, l)).collect(),
        help: d.help.as_deref(),
        notes: &d.notes,
        fix: d.fix.as_ref().map(|fix| JsonFix {
            message: &fix.message,
            applicability: fix.applicability,
            edits: fix
                .edits
                .iter()
                .map(|edit| {
                    let Place {
                        file,
                        start,
                        end,
                        span,
                    } = place(sources, edit.span);
                    JsonEdit {
                        file,
                        start,
                        end,
                        span,
                        content: &edit.content,
                    }
                })
                .collect(),
        }),
    }
}

/// Render `diagnostics` as a pretty-printed JSON array (two-space indent) followed by a
/// newline; `[]` when there are none. Each element has the keys `code`, `severity`, `message`,
/// `file`, `start`, `end`, `span`, `label`, `labels`, `help`, `notes` and `fix`, in that order;
/// see `docs/diagnostics.md` for the full schema.
///
/// ```
/// use pjconf_diagnostics::render::json;
/// use pjconf_diagnostics::{Diagnostic, SourceMap, Span};
///
/// let mut sources = SourceMap::new();
/// let file = sources.add("pjsip.conf", b"[udp\ntype=transport\n".to_vec());
/// let d = Diagnostic::error("PJ003", "missing `]` in section header", Span::new(file, 4, 4))
///     .with_help("close the section name with `]`");
/// let out = json(&[d], &sources);
/// assert!(out.ends_with("]\n"));
/// let value: serde_json::Value = serde_json::from_str(&out).unwrap();
/// assert_eq!(value[0]["code"], "PJ003");
/// assert_eq!(value[0]["start"]["column"], 5);
/// assert_eq!(value[0]["help"], "close the section name with `]`");
/// ```
pub fn json(diagnostics: &[Diagnostic], sources: &SourceMap) -> String {
    let items: Vec<JsonDiagnostic<'_>> =
        diagnostics.iter().map(|d| diagnostic(sources, d)).collect();
    let mut out = serde_json::to_string_pretty(&items)
        .expect("serializing plain structs of strings and integers cannot fail");
    out.push('\n');
    out
}
