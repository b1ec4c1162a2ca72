//! The syntax tree as JSON, for `pjconf parse` and for tools in other languages.

use pjconf_diagnostics::{LineIndex, Span};
use serde_json::{Value, json};

use crate::tree::{HeaderOption, LineKind};
use crate::{Section, SyntaxKind, SyntaxTree};

fn span_json(tree: &SyntaxTree, index: &LineIndex, span: Span) -> Value {
    let at = index.line_col(tree.text(), span.start);
    json!({ "start": span.start, "end": span.end, "line": at.line, "column": at.column })
}

/// The tree as a JSON value: the preamble's lines, then each section with its header (name,
/// template flag, parents, append filter) and its lines (items with key, operator, value and
/// comment; directives with kind and argument; comments; errors), every node with its span.
pub fn tree_to_json(tree: &SyntaxTree, file_name: &str) -> Value {
    let index = LineIndex::new(tree.text());
    let preamble_end = tree
        .sections()
        .next()
        .map_or(tree.line_count() as u32, |s| s.header_line());
    let sections: Vec<Value> = tree
        .sections()
        .map(|s| section_json(tree, &index, s))
        .collect();
    json!({
        "file": file_name,
        "bytes": tree.text().len(),
        "lines": tree.line_count(),
        "preamble": (0..preamble_end).filter_map(|l| line_json(tree, &index, l)).collect::<Vec<_>>(),
        "sections": sections,
    })
}

fn section_json(tree: &SyntaxTree, index: &LineIndex, section: Section<'_>) -> Value {
    let header = section.header();
    let parents: Vec<Value> = tree
        .header_options(header)
        .iter()
        .filter_map(|o| match o {
            HeaderOption::Parent(t) => Some(json!({
                "name": tree.text_of(t),
                "span": span_json(tree, index, t.span),
            })),
            _ => None,
        })
        .collect();
    let append = section
        .append_filter()
        .map(|(filter, span)| json!({ "filter": filter, "span": span_json(tree, index, span) }));
    let body = section.body_lines();
    json!({
        "name": section.name(),
        "template": section.is_template(),
        "parents": parents,
        "append": append,
        "header": span_json(tree, index, section.header_span()),
        "name_span": span_json(tree, index, section.name_span()),
        "lines": body.filter_map(|l| line_json(tree, index, l)).collect::<Vec<_>>(),
    })
}

fn comment_of(tree: &SyntaxTree, line: u32) -> Option<String> {
    tree.line_tokens(line as usize)
        .find(|t| matches!(t.kind, SyntaxKind::COMMENT | SyntaxKind::BLOCK_COMMENT))
        .map(|t| crate::decode(&tree.text()[t.span.range()]).into_owned())
}

/// One line as JSON, or `None` for a blank line.
fn line_json(tree: &SyntaxTree, index: &LineIndex, line: u32) -> Option<Value> {
    let span = tree.line_span(line as usize);
    let comment = comment_of(tree, line);
    let value = match tree.line_kind(line as usize) {
        LineKind::Item => {
            let item = tree.item(line)?;
            json!({
                "kind": "item",
                "key": item.key(),
                "operator": item.operator(),
                "value": item.value(),
                "comment": comment,
                "key_span": span_json(tree, index, item.key_span()),
                "value_span": span_json(tree, index, item.value_span()),
            })
        }
        LineKind::Directive(i) => {
            let d = tree.directive(i);
            json!({
                "kind": "directive",
                "directive": d.kind,
                "name": tree.text_of(&d.name),
                "argument": d.argument.as_ref().map(|a| tree.text_of(a)),
                "comment": comment,
                "span": span_json(tree, index, span),
            })
        }
        LineKind::Error => json!({
            "kind": "error",
            "text": crate::decode(&tree.text()[span.range()]).trim_end().to_string(),
            "span": span_json(tree, index, span),
        }),
        LineKind::Header(_) => return None,
        LineKind::Trivia => {
            let comment = comment?;
            json!({ "kind": "comment", "text": comment, "span": span_json(tree, index, span) })
        }
    };
    Some(value)
}
