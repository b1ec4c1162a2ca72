//! The parse driver: splits the file into lines, removes comments as config.c does, parses
//! each line's code, and records tokens, nodes and diagnostics. It never fails.

mod build;
pub(crate) mod comments;
mod diagnostics;
pub(crate) mod line;
pub(crate) mod scan;
pub(crate) use scan::find_byte;

use std::sync::Arc;

use pjconf_diagnostics::{Diagnostic, FileId};

use crate::SyntaxTree;

/// The result of parsing one file: the tree (always) and every syntax problem found.
#[derive(Debug, Clone)]
pub struct Parse {
    /// The lossless tree.
    pub tree: SyntaxTree,
    /// Syntax diagnostics, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Parse {
    /// True when no diagnostic is an error.
    pub fn is_ok(&self) -> bool {
        !pjconf_diagnostics::has_errors(&self.diagnostics)
    }
}

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRole {
    /// A file Asterisk loads by name (pjsip.conf): an option before any section header rejects it.
    TopLevel,
    /// A file read through `#include`: it continues the section of the including file, so
    /// options before its first header are judged by the loader, which knows that section.
    Included,
}

/// Parse `text` as a top-level configuration file with id `file`.
///
/// Never fails: a tree comes back for any bytes, with a diagnostic for every problem.
///
/// ```
/// use pjconf_diagnostics::FileId;
///
/// let input = b"[alice](!)\r\ntype = endpoint ; a comment\n";
/// let parsed = pjconf_syntax::parse(FileId(0), input.to_vec());
/// assert!(parsed.diagnostics.is_empty());
/// assert_eq!(parsed.tree.reprint(), input);
/// ```
pub fn parse(file: FileId, text: impl Into<Arc<[u8]>>) -> Parse {
    parse_as(file, text, FileRole::TopLevel)
}

/// Parse `text` in the given role.
pub fn parse_as(file: FileId, text: impl Into<Arc<[u8]>>, role: FileRole) -> Parse {
    build::Builder::new(file, text.into(), role).run()
}
