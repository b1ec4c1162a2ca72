//! Failures that stop a command (exit 2). Findings are not errors: they are diagnostics.

use thiserror::Error;

/// Why pjconf could not do its job.
#[derive(Debug, Error)]
pub enum CliError {
    /// Reading input failed.
    #[error(transparent)]
    Load(#[from] pjconf_syntax::LoadError),
    /// Reading standard input or writing output failed.
    #[error("{context}: {source}")]
    Io {
        /// What was being done.
        context: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// Output went to a closed pipe; not a failure.
    #[error("broken pipe")]
    BrokenPipe,
    /// Arguments that parse but make no sense together.
    #[error("{0}")]
    Usage(String),
}

impl CliError {
    /// Wrap an IO error with what was being done (a broken pipe becomes [`CliError::BrokenPipe`]).
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        if source.kind() == std::io::ErrorKind::BrokenPipe {
            CliError::BrokenPipe
        } else {
            CliError::Io {
                context: context.into(),
                source,
            }
        }
    }
}
