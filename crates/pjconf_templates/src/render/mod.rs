//! Text and JSON views of a graph, for the `resolve`, `explain` and `dependents` commands.
//! Each returns a value; none prints.
//!
//! | function       | shows                                                                |
//! |----------------|----------------------------------------------------------------------|
//! | [`conf`]       | the resolved sections as pjsip.conf text, templates flattened away   |
//! | [`json`]       | the resolved sections with provenance, as JSON                       |
//! | [`explain`]    | each value of a section with the line and chain it came through      |
//! | [`dependents`] | the sections that inherit from a section, with the path               |

mod conf;
mod explain;
mod json;

pub use conf::conf;
pub use explain::{dependents, explain};
pub use json::json;

use pjconf_diagnostics::{SourceMap, Span};
use thiserror::Error;

use crate::graph::TemplateGraph;
use crate::model::SectionId;
use crate::suggest::Suggester;

/// A section asked for by name that the graph does not have.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QueryError {
    /// No section of that name, even ignoring case.
    #[error("no section named `{name}`{}", suggestion.as_ref().map(|s| format!("; did you mean `{s}`?")).unwrap_or_default())]
    UnknownSection {
        /// The name asked for.
        name: String,
        /// The closest existing name, if any is close.
        suggestion: Option<String>,
    },
}

/// The sections named `name`: exactly (Sorcery ids are case-sensitive) if any, else ignoring
/// ASCII case (as config.c compares); an error with a suggestion when there is none.
///
/// ```
/// use pjconf_diagnostics::{FileId, Span};
/// use pjconf_templates::{GraphBuilder, Lookup, render};
///
/// let at = Span::new(FileId(0), 0, 1);
/// let mut b = GraphBuilder::new(Lookup::DefinedAbove);
/// b.section("Alice", at);
/// let graph = b.build();
/// assert_eq!(render::select(&graph, "alice").unwrap().len(), 1);
/// let err = render::select(&graph, "alicia").unwrap_err();
/// assert_eq!(err.to_string(), "no section named `alicia`; did you mean `Alice`?");
/// ```
pub fn select(graph: &TemplateGraph, name: &str) -> Result<Vec<SectionId>, QueryError> {
    let exact = graph.find(name);
    if !exact.is_empty() {
        return Ok(exact);
    }
    let folded = graph.find_ignore_case(name);
    if !folded.is_empty() {
        return Ok(folded);
    }
    let candidates = graph.names.firsts().map(|id| (graph.name(id), id));
    let suggestion = Suggester::default()
        .suggest(name, 0, candidates)
        .map(|id| graph.name(id).to_string());
    Err(QueryError::UnknownSection {
        name: name.to_string(),
        suggestion,
    })
}

/// `file:line` of the start of `span`.
pub(crate) fn place(sources: &SourceMap, span: Span) -> String {
    format!(
        "{}:{}",
        sources.name(span.file),
        sources.line_col(span).line
    )
}

/// `alice <- prefs <- base`.
pub(crate) fn chain_text(graph: &TemplateGraph, chain: impl Iterator<Item = SectionId>) -> String {
    chain
        .map(|s| graph.name(s))
        .collect::<Vec<_>>()
        .join(" <- ")
}
