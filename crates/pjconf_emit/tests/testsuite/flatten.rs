//! Template resolution: config.c order, lookups, and deep chains.

use pjconf_emit::{Document, EmitItem, EmitSection, emit, flatten};

use crate::common::shapes;

fn keys(doc: &Document, section: usize) -> Vec<String> {
    let s = doc.sections().nth(section).unwrap();
    s.options
        .iter()
        .map(|o| format!("{}={}", o.key, o.value))
        .collect()
}

#[test]
fn parents_left_to_right_each_resolved_first_then_own_lines() {
    let mut doc = Document::new();
    doc.push_section(EmitSection::new("a").template().with_option("x", "a"));
    doc.push_section(
        EmitSection::new("b")
            .template()
            .with_parents(["a"])
            .with_option("x", "b"),
    );
    doc.push_section(EmitSection::new("c").template().with_option("x", "c"));
    doc.push_section(
        EmitSection::new("d")
            .with_parents(["b", "c", "a"])
            .with_option("x", "d"),
    );
    let flat = flatten(&doc).unwrap();
    assert_eq!(flat.sections().count(), 1);
    assert_eq!(keys(&flat, 0), ["x=a", "x=b", "x=c", "x=a", "x=d"]);
    assert!(flat.sections().all(|s| !s.template && s.parents.is_empty()));
}

#[test]
fn non_template_parents_are_kept_and_first_match_wins() {
    let mut doc = Document::new();
    doc.push_comment("group");
    doc.push_section(EmitSection::new("Base").with_option("n", "1"));
    doc.push_section(EmitSection::new("base").with_option("n", "2"));
    doc.push_blank();
    doc.push_section(
        EmitSection::new("kid")
            .with_parents(["BASE"])
            .with_comment("c"),
    );
    let flat = flatten(&doc).unwrap();
    assert_eq!(keys(&flat, 2), ["n=1"]);
    assert!(matches!(flat.items[0], EmitItem::Comment(_)));
    assert!(matches!(flat.items[3], EmitItem::Blank));
    assert_eq!(
        emit(&flat).unwrap(),
        "; group\n\n[Base]\nn = 1\n\n[base]\nn = 2\n\n\n; c\n[kid]\nn = 1\n"
    );
}

#[test]
fn a_document_without_templates_is_unchanged() {
    let mut doc = Document::new();
    doc.push_section(EmitSection::new("a").with_option("k", "v"));
    doc.push_section(EmitSection::new("a").with_option("k", "w"));
    assert_eq!(flatten(&doc).unwrap(), doc);
}

#[test]
fn deep_chains_do_not_overflow_the_stack() {
    const DEPTH: usize = 10_000;
    let mut doc = Document::new();
    doc.push_section(EmitSection::new("t0").template().with_option("k", "0"));
    for i in 1..DEPTH {
        doc.push_section(
            EmitSection::new(format!("t{i}"))
                .template()
                .with_parents([format!("t{}", i - 1)])
                .with_option("k", i.to_string()),
        );
    }
    doc.push_section(
        EmitSection::new("leaf")
            .with_parents([format!("t{}", DEPTH - 1)])
            .with_option("type", "endpoint"),
    );
    // A small stack: an implementation that recursed per level would overflow here.
    let flat = std::thread::Builder::new()
        .stack_size(64 * 1024)
        .spawn(move || (emit(&doc).map(|t| t.len()), flatten(&doc)))
        .unwrap()
        .join()
        .unwrap();
    assert!(flat.0.is_ok());
    let flat = flat.1.unwrap();
    let leaf = &shapes(&flat)[0];
    assert_eq!(leaf.3.len(), DEPTH + 1);
    assert_eq!(leaf.3[0], ("k".into(), "0".into()));
    assert_eq!(leaf.3[DEPTH - 1], ("k".into(), (DEPTH - 1).to_string()));
    assert_eq!(leaf.3[DEPTH], ("type".into(), "endpoint".into()));
}

#[test]
fn wide_diamonds_keep_every_copy() {
    // Each level lists the previous one twice: 2^12 copies of the root line, no recursion.
    let mut doc = Document::new();
    doc.push_section(EmitSection::new("l0").template().with_option("k", "v"));
    for i in 1..=12 {
        let p = format!("l{}", i - 1);
        doc.push_section(
            EmitSection::new(format!("l{i}"))
                .template()
                .with_parents([p.clone(), p]),
        );
    }
    doc.push_section(EmitSection::new("s").with_parents(["l12"]));
    let flat = flatten(&doc).unwrap();
    assert_eq!(flat.sections().next().unwrap().options.len(), 1 << 12);
}
