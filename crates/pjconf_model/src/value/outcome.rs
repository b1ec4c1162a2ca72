//! What [`crate::check_value`] reports: an accepted value (maybe with a warning) or a problem.

use pjconf_diagnostics::{Diagnostic, Span};

/// A value Asterisk accepts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Checked {
    /// What Asterisk ends up with, when that differs from the text: an alias resolved
    /// (`forced` -> `always`), a boolean spelling made canonical (`True` -> `yes`,
    /// `maybe` -> `no`), a DSCP name as its number (`ef` -> `184`), an octal or hex integer
    /// in decimal (`010` -> `8`).
    pub effective: Option<String>,
    /// Set when Asterisk accepts the value silently but probably not as meant.
    pub warning: Option<ValueWarning>,
}

impl Checked {
    /// Accepted as written.
    pub fn ok() -> Checked {
        Checked::default()
    }

    /// Accepted; Asterisk stores `effective`.
    pub(crate) fn effective(effective: impl Into<String>) -> Checked {
        Checked {
            effective: Some(effective.into()),
            warning: None,
        }
    }

    /// Accepted with a warning.
    pub(crate) fn warn(kind: WarningKind, message: impl Into<String>) -> Checked {
        Checked {
            effective: None,
            warning: Some(ValueWarning {
                kind,
                message: message.into(),
            }),
        }
    }

    /// Set the effective value.
    pub(crate) fn with_effective(mut self, effective: impl Into<String>) -> Checked {
        self.effective = Some(effective.into());
        self
    }

    /// True when there is no warning.
    pub fn is_clean(&self) -> bool {
        self.warning.is_none()
    }
}

/// Why an accepted value is still suspicious.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WarningKind {
    /// A boolean option got a spelling that is neither true nor false (`enabled`, `maybe`,
    /// `2`, empty). Asterisk reads it as false and logs nothing.
    SilentlyFalse,
    /// Asterisk ignores the value, or part of it, without any message.
    SilentlyIgnored,
    /// Asterisk logs a message and ignores the value, or part of it; the object still loads.
    IgnoredWithLogMessage,
    /// Asterisk reads the value differently from how it looks (a leading `0` makes an
    /// integer octal, trailing text after a number is dropped).
    Reinterpreted,
    /// The option is deprecated: any value loads, with a WARNING naming the replacement.
    Deprecated,
}

/// An accepted-but-suspicious value: what Asterisk will really do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueWarning {
    /// The category.
    pub kind: WarningKind,
    /// One sentence, no final period, saying what Asterisk does with the value.
    pub message: String,
}

impl ValueWarning {
    /// A warning-level diagnostic pointing at the value; the stage chooses the `code`.
    pub fn to_diagnostic(&self, code: &'static str, span: Span) -> Diagnostic {
        Diagnostic::warning(code, self.message.clone(), span)
    }
}

/// What is wrong with a rejected value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// The value is empty but the option needs one.
    Empty,
    /// Not a number where a number is needed.
    NotANumber,
    /// A number outside the accepted range.
    OutOfRange,
    /// None of the accepted values.
    UnknownValue,
    /// An accepted value in the wrong letter case, for a case-sensitive option.
    WrongCase,
    /// An unknown codec name in a codec list.
    UnknownCodec,
    /// Not a valid address, network or host.
    BadAddress,
    /// Not a valid SIP URI.
    BadUri,
    /// Any other format error.
    BadFormat,
}

/// A value Asterisk rejects: the handler fails with "Error parsing", and the whole object
/// is dropped ("Could not create an object of type ...").
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}; expected {expected}")]
pub struct ValueProblem {
    /// The category.
    pub kind: ProblemKind,
    /// What is wrong, one sentence without a final period.
    pub message: String,
    /// The accepted forms, e.g. "one of: rfc4733, inband, info, auto, auto_info, none".
    pub expected: String,
    /// A replacement value that is probably meant, when there is one.
    pub suggestion: Option<String>,
}

impl ValueProblem {
    pub(crate) fn new(
        kind: ProblemKind,
        message: impl Into<String>,
        expected: impl Into<String>,
    ) -> ValueProblem {
        ValueProblem {
            kind,
            message: message.into(),
            expected: expected.into(),
            suggestion: None,
        }
    }

    pub(crate) fn with_suggestion(mut self, suggestion: Option<String>) -> ValueProblem {
        self.suggestion = suggestion;
        self
    }

    /// An error-level diagnostic pointing at the value; the stage chooses the `code`.
    /// The accepted forms go into the help, the suggestion into a "did you mean" note.
    pub fn to_diagnostic(&self, code: &'static str, span: Span) -> Diagnostic {
        let mut diagnostic = Diagnostic::error(code, self.message.clone(), span)
            .with_help(format!("expected {}", self.expected))
            .with_note("Asterisk drops the whole object when a value fails to parse");
        if let Some(suggestion) = &self.suggestion {
            diagnostic = diagnostic.with_note(format!("did you mean `{suggestion}`?"));
        }
        diagnostic
    }
}
