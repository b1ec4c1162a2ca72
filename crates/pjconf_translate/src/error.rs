//! Failures of the public API. Untranslated options are not errors: they are diagnostics in
//! [`crate::Translation::report`].

use pjconf_diagnostics::Diagnostic;
use thiserror::Error;

/// Why a translation could not be turned into text.
#[derive(Debug, Error)]
pub enum TranslateError {
    /// The document could not be written as pjsip.conf text that config.c reads back
    /// exactly (see `pjconf_emit::emit`); the diagnostics say why.
    #[error("the translated document cannot be written ({} problem(s))", .0.len())]
    Emit(Vec<Diagnostic>),
}
