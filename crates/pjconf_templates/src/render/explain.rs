//! Where each value of a section came from, and who inherits from a section.

use std::fmt::Write as _;

use pjconf_diagnostics::SourceMap;

use super::{QueryError, chain_text, place, select};
use crate::graph::TemplateGraph;
use crate::model::SectionId;
use crate::repeat::ListOptions;

/// Each value of the sections named `section` (only those named `key`, ignoring ASCII case,
/// when given) with the line that wrote it and the chain it came through. A value that a
/// later one replaces for Sorcery ([`ListOptions::PJSIP`]) is marked `(replaced)`.
///
/// ```
/// use pjconf_syntax::{LoadOptions, MemoryLoader, load};
/// use pjconf_templates::{TemplateGraph, render};
///
/// let mut files = MemoryLoader::new();
/// files.insert("pjsip.conf", "[base](!)\ncontext=a\n[alice](base)\ncontext=b\n");
/// let config = load(&files, "pjsip.conf", &LoadOptions::default()).unwrap();
/// let graph = TemplateGraph::from_config(&config);
/// let text = render::explain(&graph, &config.sources, "alice", Some("context")).unwrap();
/// assert_eq!(
///     text,
///     "[alice] pjsip.conf:3 (inherits base)\n  \
///      context = a  pjsip.conf:2  alice <- base  (replaced)\n  \
///      context = b  pjsip.conf:4  alice\n"
/// );
/// ```
pub fn explain(
    graph: &TemplateGraph,
    sources: &SourceMap,
    section: &str,
    key: Option<&str>,
) -> Result<String, QueryError> {
    let mut out = String::new();
    for (n, id) in select(graph, section)?.into_iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let s = graph.section(id);
        let info = s.info();
        let _ = write!(out, "[{}]", info.name);
        if info.template {
            out.push_str("(!)");
        }
        let _ = write!(out, " {}", place(sources, info.name_span));
        if !info.parents.is_empty() {
            let names: Vec<&str> = info.parents.iter().map(|p| p.name.as_str()).collect();
            let _ = write!(out, " (inherits {})", names.join(", "));
        }
        out.push('\n');
        let kept = s.kept(&ListOptions::PJSIP);
        let rows: Vec<_> = s
            .values()
            .zip(kept)
            .filter(|(v, _)| key.is_none_or(|k| v.key().eq_ignore_ascii_case(k)))
            .collect();
        let width = rows
            .iter()
            .map(|(v, _)| v.key().chars().count() + v.value().chars().count() + 3)
            .max()
            .unwrap_or(0)
            .min(48);
        let places: Vec<String> = rows.iter().map(|(v, _)| place(sources, v.span())).collect();
        let place_width = places.iter().map(|p| p.chars().count()).max().unwrap_or(0);
        if rows.is_empty() {
            match key {
                Some(k) => {
                    let _ = writeln!(out, "  (no value named `{k}`)");
                }
                None => out.push_str("  (no values)\n"),
            }
        }
        for ((v, kept), at) in rows.into_iter().zip(places) {
            let pair = format!("{} = {}", v.key(), v.value());
            let _ = write!(
                out,
                "  {pair:width$}  {at:place_width$}  {}",
                chain_text(graph, v.chain())
            );
            for (s, span) in v.appended() {
                let _ = write!(
                    out,
                    "  (+= in {} at {})",
                    graph.name(*s),
                    place(sources, *span)
                );
            }
            if !kept {
                out.push_str("  (replaced)");
            }
            out.push('\n');
        }
    }
    Ok(out)
}

/// The sections that inherit from the sections named `section`, directly or through others,
/// nearest first, each with its header's place and the path it inherits through.
///
/// ```
/// use pjconf_syntax::{LoadOptions, MemoryLoader, load};
/// use pjconf_templates::{TemplateGraph, render};
///
/// let mut files = MemoryLoader::new();
/// files.insert("pjsip.conf", "[base](!)\n[phone](!,base)\n[alice](phone)\n");
/// let config = load(&files, "pjsip.conf", &LoadOptions::default()).unwrap();
/// let graph = TemplateGraph::from_config(&config);
/// let text = render::dependents(&graph, &config.sources, "base").unwrap();
/// assert_eq!(
///     text,
///     "[base] pjsip.conf:1: 2 sections inherit from it\n  \
///      phone(!)  pjsip.conf:2  phone <- base\n  \
///      alice     pjsip.conf:3  alice <- phone <- base\n"
/// );
/// ```
pub fn dependents(
    graph: &TemplateGraph,
    sources: &SourceMap,
    section: &str,
) -> Result<String, QueryError> {
    let mut out = String::new();
    for (n, id) in select(graph, section)?.into_iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let all = graph.dependents(id);
        let info = graph.info(id);
        let count = match all.len() {
            1 => "1 section inherits".to_string(),
            k => format!("{k} sections inherit"),
        };
        let _ = writeln!(
            out,
            "[{}] {}: {count} from it",
            info.name,
            place(sources, info.name_span)
        );
        let paths = paths_to(graph, id, &all);
        let label = |d: SectionId| {
            let i = graph.info(d);
            if i.template {
                format!("{}(!)", i.name)
            } else {
                i.name.clone()
            }
        };
        let width = all
            .iter()
            .map(|&d| label(d).chars().count())
            .max()
            .unwrap_or(0);
        let places: Vec<String> = all
            .iter()
            .map(|&d| place(sources, graph.info(d).name_span))
            .collect();
        let place_width = places.iter().map(|p| p.chars().count()).max().unwrap_or(0);
        for ((d, path), at) in all.iter().zip(paths).zip(places) {
            let _ = writeln!(
                out,
                "  {:width$}  {at:place_width$}  {}",
                label(*d),
                chain_text(graph, path.into_iter())
            );
        }
    }
    Ok(out)
}

/// For each of `dependents` (breadth-first from `root`), the path from it up to `root`.
fn paths_to(
    graph: &TemplateGraph,
    root: SectionId,
    dependents: &[SectionId],
) -> Vec<Vec<SectionId>> {
    let mut via: std::collections::HashMap<SectionId, SectionId> = std::collections::HashMap::new();
    let mut queue = vec![root];
    let mut next = 0;
    while next < queue.len() {
        let u = queue[next];
        next += 1;
        for &c in graph.children(u) {
            if c != root && !via.contains_key(&c) {
                via.insert(c, u);
                queue.push(c);
            }
        }
    }
    dependents
        .iter()
        .map(|&d| {
            let mut path = vec![d];
            let mut at = d;
            while let Some(&up) = via.get(&at) {
                path.push(up);
                at = up;
            }
            path
        })
        .collect()
}
