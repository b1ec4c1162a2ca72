//! Lint rules for PJSIP objects: the mistakes Asterisk silently ignores, the ones that make
//! it drop an object or a whole file, and the ones whose outcome is unspecified.
//!
//! # How it fits
//! 1. Turn a loaded configuration into resolved sections ([`sections_from_tree`]).
//! 2. Classify them into objects ([`pjconf_model::ObjectSet::classify`]).
//! 3. [`lint`] the objects through a [`LintContext`] with a [`Selection`] of rules.
//!
//! Every rule is listed in one table ([`rules`]); each has a stable code (`PJ2xx`), a
//! kebab-case name that names the pattern it flags, a default severity and its documentation
//! ([`RuleMeta`]). [`rules_markdown`] renders the documentation of every rule (`docs/rules.md`).
//!
//! # Properties
//! - No I/O, no printing; the output is sorted and deterministic.
//! - Every rule is O(n) or O(n log n) in the number of option lines: lookups by (type, id)
//!   go through an index the [`LintContext`] builds once.

#![warn(missing_docs)]

#[macro_use]
mod macros;

mod context;
mod hash;
mod input;
mod markdown;
mod net;
mod pipeline;
mod refs;
mod registry;
mod rules;
mod selection;
mod suggest;

pub use context::LintContext;
pub use input::{Resolution, resolve_sections, sections_from_tree};
pub use markdown::rules_markdown;
pub use pipeline::{CheckReport, FileKind, check_config};
pub use registry::{Rule, RuleMeta, lint, rule, rules};
pub use selection::Selection;
