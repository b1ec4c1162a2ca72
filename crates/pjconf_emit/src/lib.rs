//! Writes PJSIP configuration as pjsip.conf text that Asterisk's main/config.c reads back
//! exactly: the same sections, template flags, parents, and `(key, value)` lines in order.
//!
//! # Phases
//! 1. Build a [`Document`]: by hand (sections, templates with parents, comment blocks for
//!    group headers), or from resolved objects with [`Document::from_objects`].
//! 2. Optionally [`flatten`] it: every section resolved through its parents the way config.c
//!    does, templates dropped.
//! 3. [`emit`] it: deterministic text, or every reason it cannot be written.
//!
//! # Properties
//! - **Exact or nothing.** Text that config.c would read differently (a value with a line
//!   break, blanks it would trim, a name that ends a header early) is refused with a
//!   diagnostic (`PJ6xx`, see [`codes`]); [`emit`] never returns partial output.
//! - **Deterministic.** The same document gives the same bytes; nothing is sorted or
//!   iterated from a hash, the input order is the output order.
//! - **Round trip.** For any document [`emit`] accepts, parsing the text with
//!   `pjconf_syntax::parse` gives the same sections and lines, and emitting the parsed
//!   result gives the same text, comments aside (tested with proptest).
//!
//! ```
//! use pjconf_emit::{Document, EmitSection, emit, flatten};
//!
//! let mut doc = Document::new();
//! doc.push_section(EmitSection::new("phone").template().with_option("allow", "ulaw"));
//! doc.push_section(
//!     EmitSection::new("6001").with_parents(["phone"]).with_option("type", "endpoint"),
//! );
//! assert_eq!(
//!     emit(&doc).unwrap(),
//!     "[phone](!)\nallow = ulaw\n\n[6001](phone)\ntype = endpoint\n",
//! );
//! assert_eq!(
//!     emit(&flatten(&doc).unwrap()).unwrap(),
//!     "[6001]\nallow = ulaw\ntype = endpoint\n",
//! );
//! ```

#![warn(missing_docs)]

mod check;
pub mod codes;
mod document;
mod flatten;
mod write;

pub use document::{Document, EmitItem, EmitOption, EmitSection, SYNTHESIZED};
pub use flatten::flatten;
pub use write::emit;
