//! Resolved sections with provenance, as JSON.

use pjconf_diagnostics::{SourceMap, Span};
use serde_json::{Value, json};

use super::{QueryError, select};
use crate::graph::TemplateGraph;
use crate::model::SectionId;
use crate::resolved::ResolvedValue;

/// The resolved sections as `{"sections": [...]}`. Each section has `name`, `template`,
/// `type` (its first `type` value), `file`/`line` of its header, its `parents` as written,
/// and `values`: `key`, `value`, `operator`, `from` (the section whose line wrote it),
/// `file`/`line` of that line, `chain` (holder first, writer last) and `appended` (the `+=`
/// lines that extended it). Templates are included (with `"template": true`) so the
/// provenance can be followed; `section` picks the sections of that name.
///
/// ```
/// use pjconf_diagnostics::{FileId, SourceMap, Span};
/// use pjconf_templates::{GraphBuilder, Line, Lookup, render};
///
/// let mut sources = SourceMap::new();
/// let file = sources.add("pjsip.conf", b"[alice]\ntype=aor\n".to_vec());
/// let mut b = GraphBuilder::new(Lookup::DefinedAbove);
/// let alice = b.section("alice", Span::new(file, 1, 6));
/// b.line(alice, Line::assign("type", "aor", Span::new(file, 8, 16)));
/// let out = render::json(&b.build(), &sources, None).unwrap();
/// assert_eq!(out["sections"][0]["type"], "aor");
/// assert_eq!(out["sections"][0]["values"][0]["line"], 2);
/// ```
pub fn json(
    graph: &TemplateGraph,
    sources: &SourceMap,
    section: Option<&str>,
) -> Result<Value, QueryError> {
    let ids: Vec<SectionId> = match section {
        Some(name) => select(graph, name)?,
        None => graph.ids().collect(),
    };
    let sections: Vec<Value> = ids
        .into_iter()
        .map(|id| {
            let s = graph.section(id);
            let info = s.info();
            let parents: Vec<&str> = info.parents.iter().map(|p| p.name.as_str()).collect();
            let values: Vec<Value> = s.values().map(|v| value(graph, sources, &v)).collect();
            json!({
                "name": info.name,
                "template": info.template,
                "type": s.section_type(),
                "file": sources.name(info.name_span.file),
                "line": line(sources, info.name_span),
                "parents": parents,
                "values": values,
            })
        })
        .collect();
    Ok(json!({ "sections": sections }))
}

fn line(sources: &SourceMap, span: Span) -> u32 {
    sources.line_col(span).line
}

fn value(graph: &TemplateGraph, sources: &SourceMap, v: &ResolvedValue<'_>) -> Value {
    let chain: Vec<&str> = v.chain().map(|s| graph.name(s)).collect();
    let appended: Vec<Value> = v
        .appended()
        .iter()
        .map(|(s, span)| {
            json!({
                "section": graph.name(*s),
                "file": sources.name(span.file),
                "line": line(sources, *span),
            })
        })
        .collect();
    let operator = match v.operator() {
        pjconf_syntax::Operator::Assign => "=",
        pjconf_syntax::Operator::Object => "=>",
        pjconf_syntax::Operator::Append => "+=",
    };
    json!({
        "key": v.key(),
        "value": v.value(),
        "operator": operator,
        "from": graph.name(v.origin()),
        "file": sources.name(v.span().file),
        "line": line(sources, v.span()),
        "chain": chain,
        "appended": appended,
    })
}
