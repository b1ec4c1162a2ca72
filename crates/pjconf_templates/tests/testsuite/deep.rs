//! Long chains and long loops resolve without recursion (the test threads have small
//! stacks, so a recursive walk 10,000 deep would overflow).

use pjconf_diagnostics::{FileId, Span};
use pjconf_templates::{GraphBuilder, Line, Lookup, codes};

const DEPTH: usize = 10_000;

fn span(i: usize) -> Span {
    Span::new(FileId(0), i as u32, i as u32 + 1)
}

/// `t0` holds one value; `t{i}` inherits from `t{i-1}`; declared in `order`.
fn chain(lookup: Lookup, order: impl Iterator<Item = usize>) -> pjconf_templates::TemplateGraph {
    let mut b = GraphBuilder::new(lookup);
    for i in order {
        let h = b.section(format!("t{i}"), span(i));
        if i == 0 {
            b.line(h, Line::assign("context", "deep", span(i)));
        } else {
            b.parent(h, format!("t{}", i - 1), span(i));
        }
    }
    b.build()
}

#[test]
fn ten_thousand_deep_in_file_order() {
    let graph = chain(Lookup::DefinedAbove, 0..DEPTH);
    assert!(graph.diagnostics().is_empty());
    let leaf = graph.section(graph.find(&format!("t{}", DEPTH - 1))[0]);
    let value = leaf.values().next().unwrap();
    assert_eq!(value.value(), "deep");
    assert_eq!(value.chain().count(), DEPTH);
    assert_eq!(graph.dependents(graph.find("t0")[0]).len(), DEPTH - 1);
}

#[test]
fn ten_thousand_deep_declared_backwards_in_the_model() {
    let graph = chain(Lookup::AnyOrder, (0..DEPTH).rev());
    assert!(graph.diagnostics().is_empty());
    let leaf = graph.section(graph.find(&format!("t{}", DEPTH - 1))[0]);
    assert_eq!(
        leaf.values().next().unwrap().provenance().chain.len(),
        DEPTH
    );
}

#[test]
fn ten_thousand_long_loop_is_reported() {
    let mut b = GraphBuilder::new(Lookup::AnyOrder);
    for i in 0..DEPTH {
        let h = b.section(format!("t{i}"), span(i));
        b.parent(h, format!("t{}", (i + 1) % DEPTH), span(i));
    }
    let graph = b.build();
    assert_eq!(graph.diagnostics().len(), 1);
    let d = &graph.diagnostics()[0];
    assert_eq!(d.code, codes::INHERITANCE_CYCLE);
    assert_eq!(d.secondary.len(), DEPTH - 1);
    assert_eq!(graph.dependents(graph.find("t0")[0]).len(), DEPTH - 1);
}
