//! The builder API, the order-free model, the graph and the dependents index.

use pjconf_diagnostics::{FileId, Span};
use pjconf_templates::{
    CategoryFilter, GraphBuilder, Line, Lookup, Repeat, SectionId, TemplateGraph, codes,
};

/// A distinct span per call, so labels can be told apart.
struct Spans(u32);

impl Spans {
    fn next(&mut self) -> Span {
        self.0 += 10;
        Span::new(FileId(0), self.0, self.0 + 5)
    }
}

/// A section given as (name, template, parents, lines).
type Spec<'a> = (&'a str, bool, &'a [&'a str], &'a [(&'a str, &'a str)]);

fn build(lookup: Lookup, sections: &[Spec<'_>]) -> TemplateGraph {
    let mut at = Spans(0);
    let mut b = GraphBuilder::new(lookup);
    for (name, template, parents, lines) in sections {
        let h = b.section(*name, at.next());
        if *template {
            b.template(h, at.next());
        }
        for p in *parents {
            b.parent(h, *p, at.next());
        }
        for (k, v) in *lines {
            b.line(h, Line::assign(*k, *v, at.next()));
        }
    }
    b.build()
}

fn id(graph: &TemplateGraph, name: &str) -> SectionId {
    graph.find(name)[0]
}

fn codes_of(graph: &TemplateGraph) -> Vec<&'static str> {
    graph.diagnostics().iter().map(|d| d.code).collect()
}

#[test]
fn forward_reference_depends_on_the_lookup() {
    let sections: &[Spec<'_>] = &[
        ("alice", false, &["phone"], &[("type", "endpoint")]),
        ("phone", true, &[], &[("context", "x")]),
    ];
    let file = build(Lookup::DefinedAbove, sections);
    assert_eq!(codes_of(&file), [codes::PARENT_DEFINED_BELOW]);
    assert_eq!(file.section(id(&file, "alice")).len(), 1);
    let model = build(Lookup::AnyOrder, sections);
    assert!(model.diagnostics().is_empty());
    let alice = model.section(id(&model, "alice"));
    let keys: Vec<_> = alice.values().map(|v| v.key()).collect();
    assert_eq!(keys, ["context", "type"]);
}

#[test]
fn cycle_is_reported_with_its_path_and_a_label_per_edge() {
    let graph = build(
        Lookup::AnyOrder,
        &[
            ("a", true, &["b"], &[]),
            ("b", true, &["c"], &[]),
            ("c", true, &["a"], &[]),
            ("x", false, &["a"], &[("type", "aor")]),
        ],
    );
    assert_eq!(codes_of(&graph), [codes::INHERITANCE_CYCLE]);
    let d = &graph.diagnostics()[0];
    assert_eq!(d.message, "inheritance cycle: a -> b -> c -> a");
    assert_eq!(d.primary.message, "`a` inherits from `b`");
    let labels: Vec<&str> = d.secondary.iter().map(|l| l.message.as_str()).collect();
    assert_eq!(labels, ["`b` inherits from `c`", "`c` inherits from `a`"]);
    assert_eq!(graph.section(id(&graph, "x")).len(), 1);
}

#[test]
fn bigger_loops_name_the_sections_off_the_path() {
    let graph = build(
        Lookup::AnyOrder,
        &[
            ("a", true, &["b"], &[]),
            ("b", true, &["a", "c"], &[]),
            ("c", true, &["b"], &[]),
        ],
    );
    let d = &graph.diagnostics()[0];
    assert_eq!(d.message, "inheritance cycle: a -> b -> a");
    assert!(d.notes[0].contains("`c`"), "{:?}", d.notes);
}

#[test]
fn self_reference_in_the_model() {
    let graph = build(Lookup::AnyOrder, &[("a", false, &["A"], &[("k", "v")])]);
    assert_eq!(codes_of(&graph), [codes::SELF_INHERITANCE]);
    assert_eq!(graph.section(id(&graph, "a")).len(), 1);
    assert_eq!(graph.dependents(id(&graph, "a")), []);
}

#[test]
fn missing_parent_suggests_in_both_modes() {
    for lookup in [Lookup::DefinedAbove, Lookup::AnyOrder] {
        let graph = build(
            lookup,
            &[
                ("webrtc", true, &[], &[]),
                ("alice", false, &["webrct"], &[]),
            ],
        );
        let d = &graph.diagnostics()[0];
        assert_eq!(d.code, codes::UNKNOWN_PARENT);
        assert_eq!(d.help.as_deref(), Some("did you mean `webrtc`?"));
        assert_eq!(d.fix.as_ref().unwrap().edits[0].content, "webrtc");
    }
}

#[test]
fn graph_edges_point_from_child_to_parent() {
    let graph = build(
        Lookup::DefinedAbove,
        &[
            ("base", true, &[], &[]),
            ("prefs", true, &["base"], &[]),
            ("alice", false, &["prefs", "base"], &[]),
        ],
    );
    let g = graph.graph();
    assert_eq!(g.node_count(), 3);
    assert_eq!(g.edge_count(), 3);
    let alice = id(&graph, "alice");
    let mut parents: Vec<&str> = g
        .neighbors(petgraph::graph::NodeIndex::new(alice.index()))
        .map(|n| graph.name(g[n]))
        .collect();
    parents.sort_unstable();
    assert_eq!(parents, ["base", "prefs"]);
    let base = id(&graph, "base");
    let names: Vec<&str> = graph
        .dependents(base)
        .iter()
        .map(|&d| graph.name(d))
        .collect();
    assert_eq!(names, ["prefs", "alice"]);
    assert_eq!(graph.children(base).len(), 2);
}

#[test]
fn provenance_records_line_and_chain() {
    let graph = build(
        Lookup::DefinedAbove,
        &[
            ("base", true, &[], &[("allow", "ulaw")]),
            ("prefs", true, &["base"], &[]),
            ("alice", false, &["prefs"], &[("type", "endpoint")]),
        ],
    );
    let alice = graph.section(id(&graph, "alice"));
    let allow = alice.get("ALLOW").unwrap();
    let p = allow.provenance();
    assert_eq!(graph.name(p.section), "base");
    let chain: Vec<&str> = p.chain.iter().map(|&s| graph.name(s)).collect();
    assert_eq!(chain, ["alice", "prefs", "base"]);
    assert!(allow.is_inherited());
    assert!(!alice.get("type").unwrap().is_inherited());
    assert_eq!(allow.holder(), alice.id());
}

#[test]
fn effective_takes_a_closure_rule() {
    let graph = build(
        Lookup::DefinedAbove,
        &[(
            "s",
            false,
            &[],
            &[
                ("type", "thing"),
                ("k", "1"),
                ("k", "2"),
                ("j", "1"),
                ("j", "2"),
            ],
        )],
    );
    let rule = |t: Option<&str>, key: &str| {
        if t == Some("thing") && key == "k" {
            Repeat::Accumulate
        } else {
            Repeat::Replace
        }
    };
    let s = graph.section(SectionId(0));
    let kept: Vec<String> = s
        .effective(&rule)
        .iter()
        .map(|v| format!("{}={}", v.key(), v.value()))
        .collect();
    assert_eq!(kept, ["type=thing", "k=1", "k=2", "j=2"]);
}

#[test]
fn extensions_in_the_model_join_their_section() {
    let mut at = Spans(0);
    let mut b = GraphBuilder::new(Lookup::AnyOrder);
    let ext = b.extension("6001", at.next(), "type=aor", at.next());
    b.line(ext, Line::assign("max_contacts", "5", at.next()));
    let endpoint = b.section("6001", at.next());
    b.line(endpoint, Line::assign("type", "endpoint", at.next()));
    let aor = b.section("6001", at.next());
    b.line(aor, Line::assign("type", "aor", at.next()));
    let graph = b.build();
    assert!(graph.diagnostics().is_empty());
    let aor = graph.section(graph.find("6001")[1]);
    let values: Vec<_> = aor.values().map(|v| v.value()).collect();
    assert_eq!(values, ["aor", "5"]);
}

#[test]
fn append_lines_through_the_builder() {
    let mut at = Spans(0);
    let mut b = GraphBuilder::new(Lookup::DefinedAbove);
    let h = b.section("s", at.next());
    b.line(h, Line::append("allow", ",g722", at.next()));
    b.line(h, Line::append("allow", " ,opus ", at.next()));
    let graph = b.build();
    let s = graph.section(SectionId(0));
    let values: Vec<_> = s.values().map(|v| v.value()).collect();
    assert_eq!(values, [",g722 ,opus"]);
    assert_eq!(s.values().next().unwrap().appended().len(), 1);
}

#[test]
fn filters_document_their_failure() {
    let f = CategoryFilter::parse("type=aor&nothing");
    assert!(f.invalid().unwrap().contains("nothing"));
}

#[test]
fn codes_are_unique_and_in_the_template_range() {
    let mut seen = Vec::new();
    for (code, _, summary) in codes::CODES {
        assert!(code.starts_with("PJ1") && code.len() == 5, "{code}");
        assert!(!summary.is_empty());
        assert!(!seen.contains(code), "{code} twice");
        seen.push(*code);
    }
}
