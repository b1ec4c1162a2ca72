//! The two ways of turning headers into resolved sections.
//!
//! - [`defined_above`]: main/config.c's reading, one header after the other, each parent
//!   looked up among the sections read so far and copied as it is at that moment.
//! - [`any_order`]: the order-free model, parents looked up anywhere and resolved after them
//!   (topologically), cycles reported.
//!
//! Both fill the same [`Built`]: the sections, their value lists, the parent edges and the
//! name index.

pub(crate) mod any_order;
pub(crate) mod defined_above;
mod names;

pub(crate) use names::Names;

use pjconf_diagnostics::{Diagnostic, Span};

use crate::graph::{ParentRef, SectionInfo};
use crate::model::{Header, HeaderEntry, SectionId};
use crate::store::Store;

/// An inheritance edge: `child` copied `parent`'s values, from the reference at `span`, which
/// is entry `position` of the child's [`SectionInfo::parents`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct EdgeRec {
    pub(crate) child: SectionId,
    pub(crate) parent: SectionId,
    pub(crate) span: Span,
    pub(crate) position: u32,
}

/// What an engine produces.
#[derive(Debug, Default)]
pub(crate) struct Built {
    pub(crate) sections: Vec<SectionInfo>,
    pub(crate) store: Store,
    pub(crate) edges: Vec<EdgeRec>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) names: Names,
    /// The strongly connected component of each section (order-free model only).
    pub(crate) component: Vec<u32>,
}

impl Built {
    /// A new section named `name` (its `!` and parents are applied by the engine), added to
    /// the name index.
    pub(crate) fn new_section(
        &mut self,
        name: String,
        name_span: Span,
        header_span: Span,
        template: bool,
    ) -> SectionId {
        let id = SectionId(self.sections.len() as u32);
        self.names.insert(&name, id);
        self.sections.push(SectionInfo {
            name,
            name_span,
            header_span,
            template,
            parents: Vec::new(),
            extensions: Vec::new(),
        });
        self.store.add_section();
        id
    }

    /// Record that `child` names `name` at `span` as a parent, found or not.
    pub(crate) fn parent_ref(
        &mut self,
        child: SectionId,
        name: String,
        span: Span,
        target: Option<SectionId>,
    ) {
        let parents = &mut self.sections[child.index()].parents;
        let position = parents.len() as u32;
        parents.push(ParentRef { name, span, target });
        if let Some(parent) = target {
            self.edges.push(EdgeRec {
                child,
                parent,
                span,
                position,
            });
        }
    }
}

/// The filter of a header's first `+` entry, if it has one.
pub(crate) fn extend_filter(header: &Header) -> Option<(&str, Span)> {
    header.entries.iter().find_map(|e| match e {
        HeaderEntry::Extend { filter, span } => Some((filter.as_str(), *span)),
        _ => None,
    })
}
