//! The loader trait: how `#include` arguments become files.

use thiserror::Error;

/// Why a file could not be loaded.
#[derive(Debug, Error)]
pub enum LoadError {
    /// Nothing matches the name or pattern.
    #[error("no file matches `{0}`")]
    NotFound(String),
    /// The path resolves outside the root directory the loader was given.
    #[error("`{path}` is outside the configuration root `{root}`")]
    OutsideRoot {
        /// The path as resolved.
        path: String,
        /// The root.
        root: String,
    },
    /// The file is larger than the limit.
    #[error("`{name}` is {size} bytes, more than the {limit}-byte limit")]
    TooLarge {
        /// The file.
        name: String,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Any other IO failure.
    #[error("cannot read `{name}`: {source}")]
    Io {
        /// The file.
        name: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}

/// Where configuration files come from. [`crate::StdLoader`] reads a directory tree the way
/// Asterisk reads /etc/asterisk; [`crate::MemoryLoader`] serves files from memory (tests,
/// services that keep configuration in a database).
pub trait Loader {
    /// The files an `#include` argument names, in the order Asterisk reads them (sorted glob
    /// order). Each returned name can be passed to [`Loader::read`] and is what diagnostics
    /// show. A pattern that matches nothing is [`LoadError::NotFound`].
    fn expand(&self, argument: &str) -> Result<Vec<String>, LoadError>;

    /// The bytes of a file named by [`Loader::expand`] (or the top-level file's name).
    fn read(&self, name: &str) -> Result<Vec<u8>, LoadError>;
}

/// True when `pattern` has glob(3) metacharacters.
pub(crate) fn is_glob(pattern: &str) -> bool {
    pattern.contains(['*', '?', '['])
}
