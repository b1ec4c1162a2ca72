//! pjconf: parse, check and compile Asterisk PJSIP configuration.
//!
//! This facade re-exports each stage's crate under a short name:
//! - [`diagnostics`]: the one diagnostic type and its renderers (human, JSON, SARIF, GitHub);
//! - [`syntax`]: the lossless parser and the include loader.
//!
//! ```
//! use pjconf::diagnostics::FileId;
//!
//! let text = b"[6001]\ntype=endpoint\n";
//! let parsed = pjconf::syntax::parse(FileId(0), text.to_vec());
//! assert!(parsed.is_ok());
//! assert_eq!(parsed.tree.reprint(), text);
//! ```

pub use pjconf_diagnostics as diagnostics;
pub use pjconf_syntax as syntax;

#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
