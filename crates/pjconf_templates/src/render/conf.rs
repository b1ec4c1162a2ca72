//! Resolved sections as pjsip.conf text: no templates, no parents, every value written out.

use super::{QueryError, select};
use crate::graph::TemplateGraph;
use crate::model::SectionId;

/// The resolved sections as configuration text: each section's header (no parent list) and
/// its full value list, in order, `key = value` per line; `;` is written `\;` and a leading
/// `[` or `#` in a key is escaped, so the text reads back the same. Templates are left out
/// (their values live on in the sections that inherit them) unless `section` names one, in
/// which case it is written flattened, with `(!)`.
///
/// `section` picks the sections of that name (see [`super::select`]); `None` takes all.
///
/// ```
/// use pjconf_diagnostics::{FileId, Span};
/// use pjconf_templates::{GraphBuilder, Line, Lookup, render};
///
/// let at = Span::new(FileId(0), 0, 1);
/// let mut b = GraphBuilder::new(Lookup::DefinedAbove);
/// let base = b.section("base", at);
/// b.template(base, at);
/// b.line(base, Line::assign("context", "a;b", at));
/// let alice = b.section("alice", at);
/// b.parent(alice, "base", at);
/// let text = render::conf(&b.build(), None).unwrap();
/// assert_eq!(text, "[alice]\ncontext = a\\;b\n");
/// ```
pub fn conf(graph: &TemplateGraph, section: Option<&str>) -> Result<String, QueryError> {
    let ids: Vec<SectionId> = match section {
        Some(name) => select(graph, name)?,
        None => graph.ids().filter(|&id| !graph.info(id).template).collect(),
    };
    let mut out = String::new();
    for (i, id) in ids.into_iter().enumerate() {
        let s = graph.section(id);
        if i > 0 {
            out.push('\n');
        }
        out.push('[');
        out.push_str(s.name());
        out.push(']');
        if s.is_template() {
            out.push_str("(!)");
        }
        out.push('\n');
        for v in s.values() {
            out.push_str(&escape_key(v.key()));
            out.push_str(" = ");
            out.push_str(&v.value().replace(';', "\\;"));
            out.push('\n');
        }
    }
    Ok(out)
}

fn escape_key(key: &str) -> String {
    let key = key.replace(';', "\\;");
    if key.starts_with(['[', '#']) {
        format!("\\{key}")
    } else {
        key
    }
}
