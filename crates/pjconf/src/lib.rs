//! pjconf: parse, check and compile Asterisk PJSIP configuration.
//!
//! This facade re-exports each stage's crate under a short name:
//! - [`diagnostics`]: the one diagnostic type and its renderers (human, JSON, SARIF, GitHub);
//! - [`syntax`]: the lossless parser and the include loader;
//! - [`templates`]: the template graph (config.c merge order, provenance, dependents);
//! - [`model`]: the PJSIP option table, value checking, objects and wizard expansion;
//! - [`emit`]: objects and templates written back as pjsip.conf;
//! - [`lint`]: the rules, and the whole check of a configuration in one call;
//! - [`translate`]: chan_sip sip.conf to pjsip objects;
//! - [`tenants`]: the multi-tenant model compiler and change impact;
//! - [`diff`]: object-level difference of two configurations;
//! - [`realtime`]: Asterisk's PJSIP realtime tables (SQLite, PostgreSQL).
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
pub use pjconf_diff as diff;
pub use pjconf_emit as emit;
pub use pjconf_lint as lint;
pub use pjconf_model as model;
pub use pjconf_realtime as realtime;
pub use pjconf_syntax as syntax;
pub use pjconf_templates as templates;
pub use pjconf_tenants as tenants;
pub use pjconf_translate as translate;

#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
