//! The section graph of an Asterisk configuration: templates, inheritance, `(+)` and `+=`,
//! resolved exactly as main/config.c builds each category, with the provenance of every value
//! and an index of who depends on whom.
//!
//! # Properties
//! - **config.c's merge order.** A section gets, for each parent left to right, everything
//!   that parent held when the header was read (its own inherited values first), then its
//!   own lines; `(+)` headers append to the first earlier section of their name that matches
//!   their filter; `+=` appends raw text to the last earlier value of exactly that name.
//!   Nothing is overridden: repeated keys stay, in order. Each rule cites the config.c
//!   function it follows (process_text_line, ast_category_inherit, category_get_sep,
//!   does_category_match, move_variables).
//! - **Two lookups.** [`Lookup::DefinedAbove`] reads like config.c (a parent must be above the
//!   section; inheritance is a snapshot); [`Lookup::AnyOrder`] serves an order-free model
//!   (templates declared anywhere, cycles reported with their whole path).
//! - **Provenance.** Every resolved value knows the line that wrote it and the chain it was
//!   inherited through (`alice <- prefs <- base`), and the `+=` lines that extended it.
//! - **Meaning is data.** Whether a repeated key replaces or accumulates is a [`RepeatRule`]
//!   handed in ([`ListOptions::PJSIP`] by default); this crate knows no pjsip object type.
//! - **No recursion.** Chains of any depth resolve (iterative algorithms only).
//! - **Diagnostics, not failures.** Problems are [`pjconf_diagnostics::Diagnostic`]s with
//!   `PJ1xx` codes ([`codes`]); resolution goes on past each one.
//!
//! # Phases
//! 1. Collect headers and lines: [`TemplateGraph::from_config`] for a loaded file, or a
//!    [`GraphBuilder`] for any other source.
//! 2. Build: look parents up, merge, index dependents, report ([`GraphBuilder::build`]).
//! 3. Query: [`TemplateGraph::section`] (values, [`ResolvedSection::effective`],
//!    provenance), [`TemplateGraph::dependents`], [`TemplateGraph::graph`]; or render with
//!    [`render`].
//!
//! ```
//! use pjconf_syntax::{LoadOptions, MemoryLoader, load};
//! use pjconf_templates::{ListOptions, TemplateGraph};
//!
//! let mut files = MemoryLoader::new();
//! files.insert(
//!     "pjsip.conf",
//!     "[base](!)\ntype=endpoint\ndisallow=all\nallow=ulaw\n\
//!      [alice](base)\nallow=opus\ncontext=a\ncontext=b\n",
//! );
//! let config = load(&files, "pjsip.conf", &LoadOptions::default()).unwrap();
//! let graph = TemplateGraph::from_config(&config);
//! let alice = graph.section(graph.find("alice")[0]);
//! let effective: Vec<String> = alice
//!     .effective(&ListOptions::PJSIP)
//!     .iter()
//!     .map(|v| format!("{}={}", v.key(), v.value()))
//!     .collect();
//! // Codecs accumulate in order; the later `context` wins.
//! assert_eq!(effective, ["type=endpoint", "disallow=all", "allow=ulaw", "allow=opus", "context=b"]);
//! let base = graph.find("base")[0];
//! assert_eq!(graph.dependents(base), graph.find("alice"));
//! ```

mod builder;
pub mod codes;
mod dependents;
mod diagnose;
mod engine;
mod filter;
mod from_config;
mod graph;
mod model;
pub mod render;
mod repeat;
mod resolved;
mod store;
mod suggest;

pub use builder::GraphBuilder;
pub use filter::CategoryFilter;
pub use from_config::builder_from_config;
pub use graph::{Lookup, ParentEdge, ParentRef, SectionInfo, TemplateGraph};
pub use model::{HeaderId, Line, SectionId};
pub use repeat::{ListOptions, PJSIP_LIST_OPTIONS, Repeat, RepeatRule};
pub use resolved::{Provenance, ResolvedSection, ResolvedValue};
pub use store::ChainIter;
