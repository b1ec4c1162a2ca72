//! [`TemplateGraph`]: every section, its parents, its resolved values and who depends on it.

use petgraph::graph::{DiGraph, NodeIndex};
use pjconf_diagnostics::{Diagnostic, Span};
use serde::Serialize;

use crate::dependents::DependentsIndex;
use crate::engine::{Built, Names};
use crate::model::SectionId;
use crate::resolved::ResolvedSection;
use crate::store::Store;

/// How parent names are looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Lookup {
    /// As main/config.c reads a file: a parent must be defined above the section that names
    /// it (the first earlier section of that name, templates or not, case-insensitively),
    /// and the child copies what the parent holds at that moment.
    #[default]
    DefinedAbove,
    /// The order-free model (multi-tenant configuration): a parent may be declared anywhere;
    /// sections are resolved after their parents, and a loop is an error.
    AnyOrder,
}

/// A parent reference of a section's header, in the order written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParentRef {
    /// The name exactly as written (config.c does not trim it).
    pub name: String,
    /// Where it is written.
    pub span: Span,
    /// The section it names, when the lookup found one.
    pub target: Option<SectionId>,
}

/// What the graph knows about a section besides its values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionInfo {
    /// The name as written in its first header.
    pub name: String,
    /// Where the name is, in the first header.
    pub name_span: Span,
    /// The first header line.
    pub header_span: Span,
    /// `(!)`: a template, which Sorcery never turns into an object.
    pub template: bool,
    /// Parents of the first header, then those of each `(+)` header, in order.
    pub parents: Vec<ParentRef>,
    /// The `(+)` headers that added to this section, in reading order.
    pub extensions: Vec<Span>,
}

/// The weight of an edge of [`TemplateGraph::graph`], which points from a child to a parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ParentEdge {
    /// Where the child names the parent.
    pub span: Span,
    /// The index of that reference in the child's [`SectionInfo::parents`].
    pub position: u32,
}

/// Every section of a configuration (or of a model), the inheritance graph between them,
/// each section's resolved values with their provenance, the dependents index and the
/// diagnostics found on the way.
///
/// Built with [`crate::GraphBuilder`] or [`TemplateGraph::from_config`]; everything is
/// computed once, when it is built.
#[derive(Debug)]
pub struct TemplateGraph {
    pub(crate) lookup: Lookup,
    pub(crate) sections: Vec<SectionInfo>,
    pub(crate) store: Store,
    pub(crate) graph: DiGraph<SectionId, ParentEdge>,
    pub(crate) dependents: DependentsIndex,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) names: Names,
}

impl TemplateGraph {
    pub(crate) fn finish(built: Built, lookup: Lookup) -> Self {
        let Built {
            sections,
            store,
            edges,
            diagnostics,
            names,
            ..
        } = built;
        let mut graph = DiGraph::with_capacity(sections.len(), edges.len());
        for i in 0..sections.len() {
            graph.add_node(SectionId(i as u32));
        }
        for e in &edges {
            graph.add_edge(
                NodeIndex::new(e.child.index()),
                NodeIndex::new(e.parent.index()),
                ParentEdge {
                    span: e.span,
                    position: e.position,
                },
            );
        }
        let dependents = DependentsIndex::new(sections.len(), &edges);
        TemplateGraph {
            lookup,
            sections,
            store,
            graph,
            dependents,
            diagnostics,
            names,
        }
    }

    /// How parents were looked up.
    pub fn lookup(&self) -> Lookup {
        self.lookup
    }

    /// Number of sections (templates included).
    pub fn len(&self) -> usize {
        self.sections.len()
    }

    /// True when there are no sections.
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty()
    }

    /// Every section id, in the order the sections were created.
    pub fn ids(&self) -> impl ExactSizeIterator<Item = SectionId> + use<> {
        (0..self.sections.len() as u32).map(SectionId)
    }

    /// The header facts of `id`.
    pub fn info(&self, id: SectionId) -> &SectionInfo {
        &self.sections[id.index()]
    }

    /// The name of `id`.
    pub fn name(&self, id: SectionId) -> &str {
        &self.sections[id.index()].name
    }

    /// `id` with its resolved values.
    pub fn section(&self, id: SectionId) -> ResolvedSection<'_> {
        ResolvedSection::new(self, id)
    }

    /// Every section with its resolved values, in creation order.
    pub fn sections(&self) -> impl Iterator<Item = ResolvedSection<'_>> {
        self.ids().map(|id| self.section(id))
    }

    /// The sections named exactly `name` (Sorcery ids are case-sensitive), in order. Several
    /// sections may share a name (`[6001]` endpoint and `[6001]` aor).
    pub fn find(&self, name: &str) -> Vec<SectionId> {
        self.names
            .get(name)
            .filter(|&id| self.name(id) == name)
            .collect()
    }

    /// The sections named `name` ignoring ASCII case (as config.c compares), in order.
    pub fn find_ignore_case(&self, name: &str) -> Vec<SectionId> {
        self.names.get(name).collect()
    }

    /// The section a parent reference `name` resolves to in config.c: the first one of that
    /// name, ignoring ASCII case.
    pub fn first(&self, name: &str) -> Option<SectionId> {
        self.names.first(name)
    }

    /// The inheritance graph: one node per section (node index = [`SectionId`] index, weight
    /// = the id), one edge from each child to each parent it names.
    pub fn graph(&self) -> &DiGraph<SectionId, ParentEdge> {
        &self.graph
    }

    /// The sections that name `id` as a parent, in the order they did.
    pub fn children(&self, id: SectionId) -> &[SectionId] {
        self.dependents.children(id)
    }

    /// Every section that inherits from `id`, directly or through other sections, nearest
    /// first (breadth-first), each once. Answered from the reverse index built with the graph.
    pub fn dependents(&self, id: SectionId) -> Vec<SectionId> {
        self.dependents.all(id)
    }

    /// The diagnostics found while building (PJ1xx codes), in the order found.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Take the diagnostics out, leaving none.
    pub fn take_diagnostics(&mut self) -> Vec<Diagnostic> {
        std::mem::take(&mut self.diagnostics)
    }

    /// How many values all sections hold in all, inherited ones included.
    pub fn value_count(&self) -> usize {
        self.store.lists.iter().map(Vec::len).sum()
    }
}
