//! The one diagnostic type every pjconf stage reports with.

use serde::Serialize;

use crate::Span;

/// How bad a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never changes the exit status.
    Info,
    /// Asterisk accepts it but it is probably not what was meant. Exit 0 unless warnings are errors.
    Warning,
    /// Asterisk rejects it (or pjconf's own policy refuses it). Exit 1.
    Error,
}

impl Severity {
    /// The lowercase name used by every renderer.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A span with an optional short message, pointing at one place the diagnostic talks about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What is there, in a few words (empty when the diagnostic message says it all).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub message: String,
}

impl Label {
    /// A label with a message.
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Label {
            span,
            message: message.into(),
        }
    }
}

/// How safe it is to apply a [`Fix`] without a person looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Shown to the user, never applied by a tool.
    DisplayOnly,
    /// May change meaning; apply only when asked to.
    Unsafe,
    /// Keeps the meaning the author intended; safe to apply automatically.
    Safe,
}

/// Replace the bytes of `span` with `content` (an empty span inserts, empty content deletes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// The bytes to replace.
    pub span: Span,
    /// What to put there.
    pub content: String,
}

/// A suggested change that resolves a diagnostic: a set of non-overlapping edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// What the fix does, as an imperative sentence ("Remove the space").
    pub message: String,
    /// How safe it is to apply.
    pub applicability: Applicability,
    /// The edits, sorted by position.
    pub edits: Vec<Edit>,
}

/// One finding: a stable code, a severity, a message, where it is, and what to do about it.
///
/// Built with [`Diagnostic::error`] / [`Diagnostic::warning`] and the `with_*` methods:
///
/// ```
/// use pjconf_diagnostics::{Diagnostic, FileId, Severity, Span};
///
/// let at = Span::new(FileId(0), 10, 14);
/// let d = Diagnostic::error("PJ003", "missing `]` in section header", at)
///     .with_label(at, "this `[` is never closed")
///     .with_help("close the section name with `]`");
/// assert_eq!(d.severity, Severity::Error);
/// assert_eq!(d.primary.span, at);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable code, `PJ` and three digits; never changes meaning once released.
    pub code: &'static str,
    /// How bad it is.
    pub severity: Severity,
    /// What is wrong, in one sentence without a final period.
    pub message: String,
    /// The place the diagnostic is about; its label says what is there.
    pub primary: Label,
    /// Other places that explain it (the earlier definition, the include chain, ...).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub secondary: Vec<Label>,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Extra facts (what Asterisk does with it), one sentence each.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// A machine-applicable change, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// A diagnostic of any severity whose primary span is `span` (unlabelled).
    pub fn new(
        code: &'static str,
        severity: Severity,
        message: impl Into<String>,
        span: Span,
    ) -> Self {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            primary: Label::new(span, ""),
            secondary: Vec::new(),
            help: None,
            notes: Vec::new(),
            fix: None,
        }
    }

    /// An error-level diagnostic.
    pub fn error(code: &'static str, message: impl Into<String>, span: Span) -> Self {
        Self::new(code, Severity::Error, message, span)
    }

    /// A warning-level diagnostic.
    pub fn warning(code: &'static str, message: impl Into<String>, span: Span) -> Self {
        Self::new(code, Severity::Warning, message, span)
    }

    /// Set the primary label's span and message.
    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.primary = Label::new(span, message);
        self
    }

    /// Add a secondary label.
    pub fn with_secondary(mut self, span: Span, message: impl Into<String>) -> Self {
        self.secondary.push(Label::new(span, message));
        self
    }

    /// Set the help text.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Add a note.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Set the fix.
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    /// Change the severity (used by `--warnings-as-errors` and rule configuration).
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Add `offset` to the file id of every span (after [`crate::SourceMap::append`]).
    pub fn shift_files(&mut self, offset: u32) {
        let shift = |span: &mut crate::Span| span.file = crate::FileId(span.file.0 + offset);
        shift(&mut self.primary.span);
        self.secondary.iter_mut().for_each(|l| shift(&mut l.span));
        if let Some(fix) = &mut self.fix {
            fix.edits.iter_mut().for_each(|e| shift(&mut e.span));
        }
    }

    /// True for error-level diagnostics.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}
