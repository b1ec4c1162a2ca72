//! What a compilation returns: the objects with their origins, the text, the diagnostics and
//! each tenant's template graph.

use pjconf_diagnostics::{Diagnostic, SourceMap, has_errors};
use pjconf_model::ObjectSet;
use pjconf_templates::TemplateGraph;

/// Which part of the model an emitted object came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Element {
    /// The engine's `global`.
    Global,
    /// The engine's `system`.
    System,
    /// The engine's transport at this position.
    Transport(usize),
    /// The tenant's template at this position (in the tenant's graph; templates are not
    /// objects).
    Template(usize),
    /// The tenant's line at this position.
    Line(usize),
    /// The tenant's trunk at this position.
    Trunk(usize),
    /// The tenant's domain at this position (a `domain_alias`).
    Domain(usize),
}

/// Where an emitted object came from: the tenant, the model element and its section. The
/// templates it inherited are in the tenant's graph ([`Compiled::templates_of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Origin {
    /// The tenant's position in the model, `None` for engine objects.
    pub tenant: Option<usize>,
    /// The element.
    pub element: Element,
    /// The element's section the object was made from (`None` for engine objects and
    /// domain aliases).
    pub section: Option<crate::names::Section>,
}

/// One tenant's template graph: templates and elements as sections, keys written
/// `section.option` (`endpoint.allow`), so one graph holds every section of an element.
#[derive(Debug)]
pub struct TenantGraph {
    /// The tenant's slug.
    pub tenant: String,
    /// The graph (templates by their model name; lines as `line/NAME`, trunks as
    /// `trunk/NAME`).
    pub graph: TemplateGraph,
    /// The section of each template of the model (`None` when it was not added: bad or
    /// duplicate name).
    pub templates: Vec<Option<pjconf_templates::SectionId>>,
    /// The section of each line.
    pub lines: Vec<Option<pjconf_templates::SectionId>>,
    /// The section of each trunk.
    pub trunks: Vec<Option<pjconf_templates::SectionId>>,
}

/// What [`crate::compile`] produced.
#[derive(Debug)]
pub struct Compiled {
    /// Every object, fully resolved, in output order (engine, then tenant by tenant).
    pub objects: ObjectSet,
    /// The origin of each object of [`Compiled::objects`] (same positions).
    pub origins: Vec<Origin>,
    /// The pjsip.conf text; `None` when there are errors.
    pub text: Option<String>,
    /// Every problem found, errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// Each tenant's template graph, in model order.
    pub tenants: Vec<TenantGraph>,
    /// The files the diagnostics point into.
    pub sources: SourceMap,
}

impl Compiled {
    /// True when no diagnostic is an error (then [`Compiled::text`] is set).
    pub fn is_ok(&self) -> bool {
        !has_errors(&self.diagnostics)
    }

    /// The templates an object inherited from (directly or not), in resolution order: each
    /// parent's own ancestors first, then the parent, left to right, each once.
    pub fn templates_of(&self, origin: &Origin) -> Vec<&str> {
        let Some(t) = origin.tenant else {
            return Vec::new();
        };
        let tg = &self.tenants[t];
        let id = match origin.element {
            Element::Line(i) => tg.lines.get(i).copied().flatten(),
            Element::Trunk(i) => tg.trunks.get(i).copied().flatten(),
            Element::Template(i) => tg.templates.get(i).copied().flatten(),
            _ => None,
        };
        let Some(id) = id else { return Vec::new() };
        let mut out: Vec<pjconf_templates::SectionId> = Vec::new();
        // Iterative post-order over parents.
        let mut stack = vec![(id, 0usize)];
        while let Some((node, next)) = stack.pop() {
            let parents = &tg.graph.info(node).parents;
            if let Some(p) = parents.get(next) {
                stack.push((node, next + 1));
                if let Some(target) = p.target
                    && !out.contains(&target)
                    && !stack.iter().any(|&(n, _)| n == target)
                {
                    stack.push((target, 0));
                }
            } else if node != id && !out.contains(&node) {
                out.push(node);
            }
        }
        out.into_iter().map(|s| tg.graph.name(s)).collect()
    }
}
