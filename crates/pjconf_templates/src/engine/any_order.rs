//! The order-free model: parents may be declared anywhere.
//!
//! Sections are made from every header that is not a `(+)` one; a `(+filter)` header then
//! joins the first section of its name whose own lines match the filter (there is no
//! reading order to take a snapshot in), after that section's own lines. A parent name
//! resolves to the first section of that name, ignoring ASCII case, wherever it is.
//!
//! Resolution follows the merge order of ast_category_inherit (each parent's full list, left
//! to right, then the section's own lines), each parent being resolved first: the strongly
//! connected components of the graph, found iteratively (Kosaraju), come parents first.
//! A component of more than one section is a cycle: it is reported with its whole path, and
//! the references inside it are ignored when resolving. A section naming itself is reported
//! the same way. Nothing here recurses, so chains of any depth resolve.

use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use pjconf_diagnostics::Span;

use super::{Built, extend_filter};
use crate::diagnose::{self, CycleStep, ExtendMiss, Place};
use crate::filter::CategoryFilter;
use crate::model::{
    Header, HeaderEntry, LineRec, NO_LINE, SectionId, TextArena, header_lines, trim_blanks,
};
use crate::suggest::Suggester;

/// What a section does, in order: copy a parent's list, or apply a header's lines.
enum Op {
    Inherit(Option<SectionId>),
    Lines(usize),
}

/// Resolve `headers` in dependency order.
pub(crate) fn run(mut headers: Vec<Header>, lines: &[LineRec], text: TextArena) -> Built {
    let mut built = Built::default();
    built.store.text = text;
    let mut segments: Vec<Vec<usize>> = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        if !h.is_extension() {
            built.new_section(h.name.clone(), h.name_span, h.span, is_template(h));
            segments.push(vec![i]);
        }
    }
    for (i, h) in headers.iter().enumerate() {
        let Some((filter, span)) = extend_filter(h) else {
            continue;
        };
        let parsed = CategoryFilter::parse(filter);
        let candidates: Vec<SectionId> = built.names.get(&h.name).collect();
        let found = candidates.iter().copied().find(|&id| {
            let own = headers[segments[id.index()][0]].first_line;
            let text = &built.store.text;
            let vars = header_lines(lines, own).map(|l| (text.get(l.key), text.get(l.value)));
            parsed.matches(built.sections[id.index()].template, vars)
        });
        match found {
            Some(target) => {
                let section = &mut built.sections[target.index()];
                section.template |= is_template(h);
                section.extensions.push(h.span);
                segments[target.index()].push(i);
            }
            None => {
                let spans: Vec<Span> = candidates
                    .iter()
                    .map(|id| built.sections[id.index()].name_span)
                    .collect();
                let miss = match parsed.invalid() {
                    Some(why) => ExtendMiss::BadFilter(why.to_string()),
                    None if spans.is_empty() => ExtendMiss::Nothing,
                    None if filter.is_empty() => ExtendMiss::OnlyTemplates(spans),
                    None => ExtendMiss::FilterMismatch(spans),
                };
                let d = diagnose::nothing_to_extend(&h.name, filter, span, miss, None, false);
                built.diagnostics.push(d);
                built.new_section(h.name.clone(), h.name_span, h.span, is_template(h));
                segments.push(vec![i]);
            }
        }
    }
    let ops = link(&headers, &segments, &mut built);
    let order = components(&mut built);
    for component in order {
        for s in component {
            for op in &ops[s.index()] {
                match *op {
                    Op::Inherit(Some(p)) if !built.cut(s, p) => {
                        let len = built.store.lists[p.index()].len();
                        built.store.inherit(s, p, len);
                    }
                    Op::Inherit(_) => {}
                    Op::Lines(h) => {
                        let first = std::mem::replace(&mut headers[h].first_line, NO_LINE);
                        for line in header_lines(lines, first) {
                            built.store.apply_line(s, line);
                        }
                    }
                }
            }
        }
    }
    built
}

fn is_template(h: &Header) -> bool {
    h.entries
        .iter()
        .any(|e| matches!(e, HeaderEntry::Template(_)))
}

/// Look every parent up, record the references and edges, and list each section's ops.
fn link(headers: &[Header], segments: &[Vec<usize>], built: &mut Built) -> Vec<Vec<Op>> {
    let mut suggester = Suggester::default();
    let mut ops = Vec::with_capacity(segments.len());
    for (s, segs) in segments.iter().enumerate() {
        let s = SectionId(s as u32);
        let mut list = Vec::new();
        for &h in segs {
            for entry in &headers[h].entries {
                let HeaderEntry::Parent { name, span } = entry else {
                    continue;
                };
                let found = built.names.first(name);
                let child = &headers[h].name;
                match found {
                    Some(p) if p == s => built
                        .diagnostics
                        .push(diagnose::self_inheritance(child, *span, false)),
                    Some(_) => {}
                    None if trim_blanks(name) != name => {
                        let exists = built.names.first(trim_blanks(name)).is_some();
                        let d = diagnose::parent_blanks(child, name, *span, exists, false);
                        built.diagnostics.push(d);
                    }
                    None => {
                        let sections = &built.sections;
                        let candidates = built
                            .names
                            .firsts()
                            .map(|id| (sections[id.index()].name.as_str(), id));
                        let suggestion = suggester
                            .suggest(name, built.names.len(), candidates)
                            .map(|id| Place {
                                name: sections[id.index()].name.clone(),
                                span: sections[id.index()].name_span,
                            });
                        let d = diagnose::unknown_parent(child, name, *span, suggestion, false);
                        built.diagnostics.push(d);
                    }
                }
                built.parent_ref(s, name.clone(), *span, found);
                list.push(Op::Inherit(found));
            }
            list.push(Op::Lines(h));
        }
        ops.push(list);
    }
    ops
}

impl Built {
    /// True when the reference from `child` to `parent` is ignored: a self reference, or one
    /// inside a reported cycle.
    fn cut(&self, child: SectionId, parent: SectionId) -> bool {
        child == parent || self.component[child.index()] == self.component[parent.index()]
    }
}

/// The strongly connected components, parents first; reports each cycle.
fn components(built: &mut Built) -> Vec<Vec<SectionId>> {
    let n = built.sections.len();
    let mut graph: DiGraph<(), ()> = DiGraph::with_capacity(n, built.edges.len());
    for _ in 0..n {
        graph.add_node(());
    }
    for e in &built.edges {
        if e.child != e.parent {
            graph.add_edge(
                NodeIndex::new(e.child.index()),
                NodeIndex::new(e.parent.index()),
                (),
            );
        }
    }
    let sccs = kosaraju_scc(&graph);
    built.component = vec![0; n];
    let mut order = Vec::with_capacity(sccs.len());
    for (c, scc) in sccs.into_iter().enumerate() {
        let mut members: Vec<SectionId> = scc.iter().map(|v| SectionId(v.index() as u32)).collect();
        members.sort_unstable();
        for m in &members {
            built.component[m.index()] = c as u32;
        }
        if members.len() > 1 {
            report_cycle(built, &members);
        }
        order.push(members);
    }
    order
}

/// PJ105 for one component: the shortest loop through its first section, found breadth-first.
fn report_cycle(built: &mut Built, members: &[SectionId]) {
    let start = members[0];
    let comp = built.component[start.index()];
    let mut pred: Vec<Option<(SectionId, usize)>> = vec![None; built.sections.len()];
    let mut queue = vec![start];
    let mut next = 0;
    let mut closing = None;
    'search: while next < queue.len() {
        let u = queue[next];
        next += 1;
        for (i, r) in built.sections[u.index()].parents.iter().enumerate() {
            let Some(v) = r.target else { continue };
            if v == u || built.component[v.index()] != comp {
                continue;
            }
            if v == start {
                closing = Some((u, i));
                break 'search;
            }
            if pred[v.index()].is_none() {
                pred[v.index()] = Some((u, i));
                queue.push(v);
            }
        }
    }
    let Some(mut link) = closing else { return };
    let mut steps = Vec::new();
    loop {
        let (child, i) = link;
        let r = &built.sections[child.index()].parents[i];
        steps.push(CycleStep {
            child: built.sections[child.index()].name.clone(),
            parent: r.name.clone(),
            at: r.span,
        });
        if child == start {
            break;
        }
        let Some(p) = pred[child.index()] else { break };
        link = p;
    }
    steps.reverse();
    let on_path: Vec<&str> = steps.iter().map(|s| s.child.as_str()).collect();
    let others: Vec<String> = members
        .iter()
        .map(|m| built.sections[m.index()].name.clone())
        .filter(|n| !on_path.contains(&n.as_str()))
        .collect();
    built.diagnostics.push(diagnose::cycle(&steps, &others));
}
