//! One diagnostic type for every pjconf stage, and the renderers that show it.
//!
//! Stages (parser, template graph, model, lint, translate, tenants, realtime) report
//! [`Diagnostic`] values: a stable code (`PJ0xx` syntax and includes, `PJ1xx` templates,
//! `PJ2xx` model and lint, `PJ3xx` convert, `PJ4xx` tenants, `PJ5xx` realtime), a
//! [`Severity`], a message, a primary [`Label`] and secondary ones, help, notes and an optional
//! [`Fix`]. Spans are byte ranges; line and column are computed only by the renderers, from a
//! [`SourceMap`].
//!
//! This crate knows nothing about Asterisk configuration; it only carries and renders.

mod diagnostic;
mod line_index;
pub mod render;
mod source_map;
mod span;
mod text;

pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Label, Severity};
pub use line_index::{LineCol, LineIndex};
pub use source_map::{SourceFile, SourceMap};
pub use span::{FileId, Span};

/// True when any diagnostic in `diagnostics` is an error.
pub fn has_errors<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> bool {
    diagnostics.into_iter().any(Diagnostic::is_error)
}
