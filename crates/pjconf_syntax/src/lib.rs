//! Lossless parser for Asterisk configuration files: `sip.conf`, `pjsip.conf`,
//! `pjsip_wizard.conf` and everything else main/config.c reads.
//!
//! # Properties
//! - **Lossless.** Every byte of the input belongs to one token; [`SyntaxTree::reprint`] gives
//!   the input back byte for byte, whatever it holds (CRLF, tabs, a BOM, Latin-1, NUL bytes).
//! - **Never fails.** [`parse`] returns a tree and every syntax diagnostic; it goes on after
//!   each error, as a linter must.
//! - **Asterisk's reading.** Comments, escapes, block comments (with their nesting and their
//!   quirks), header option lists, operators and trimming follow config.c's
//!   config_text_file_load and process_text_line; each rule cites the function it follows.
//! - **Spans, not positions.** Nodes carry byte spans; line and column are computed when a
//!   diagnostic is rendered.
//!
//! # Phases
//! 1. [`parse`] one file's bytes into a [`SyntaxTree`] (no IO).
//! 2. [`load`] a top-level file through a [`Loader`], following `#include` and `#tryinclude`
//!    (root-confined, cycle-checked, size- and depth-limited) into a [`LoadedConfig`] whose
//!    [`LoadedConfig::walk`] gives the lines in the order Asterisk reads them.
//!
//! ```
//! use pjconf_diagnostics::FileId;
//!
//! let text = b"[base](!)\ncontext = from-phones\n[1001](base)\nallow => ulaw\n";
//! let parsed = pjconf_syntax::parse(FileId(0), text.to_vec());
//! assert!(parsed.is_ok());
//! let sections: Vec<_> = parsed.tree.sections().collect();
//! assert!(sections[0].is_template());
//! assert_eq!(sections[1].parents().next().unwrap().0, "base");
//! let item = sections[1].items().next().unwrap();
//! assert_eq!((item.key().as_ref(), item.value().as_ref()), ("allow", "ulaw"));
//! assert_eq!(parsed.tree.reprint(), text);
//! ```

mod ast;
pub mod codes;
mod include;
mod json;
mod kind;
pub mod limits;
mod parse;
mod text;
mod tree;
mod verify;

pub use ast::{Item, Section};
pub use include::{
    LoadError, LoadOptions, LoadedConfig, Loader, MemoryLoader, StdLoader, WalkEntry, load,
    load_text,
};
pub use json::tree_to_json;
pub use kind::SyntaxKind;
pub use parse::{FileRole, Parse, parse, parse_as};
pub use text::{decode, decode_value};
pub use tree::{
    DirectiveKind, DirectiveNode, HeaderNode, HeaderOption, LineKind, Operator, SyntaxTree, Text,
    Token,
};
