//! Property tests: random template graphs against a small, obviously correct reference
//! (recursive and naive, which is fine at these sizes), and random loops that must always be
//! reported.

use pjconf_diagnostics::{FileId, Span};
use pjconf_templates::{GraphBuilder, Line, Lookup, TemplateGraph, codes};
use proptest::prelude::*;

/// One generated section: parents (index, written in upper case?) and lines
/// (key, `+=`?, text).
#[derive(Debug, Clone)]
struct Sec {
    template: bool,
    parents: Vec<(usize, bool)>,
    lines: Vec<(&'static str, bool, String)>,
}

/// A resolved value of the reference: key, value, chain of section indices.
type Value = (String, String, Vec<usize>);

const KEYS: [&str; 4] = ["a", "b", "c", "A"];

fn line_strategy() -> impl Strategy<Value = (&'static str, bool, String)> {
    (0..KEYS.len(), any::<bool>(), 0u8..3, 0u32..1000).prop_map(|(k, append, pad, n)| {
        (KEYS[k], append, format!("{}v{n}", " ".repeat(pad as usize)))
    })
}

/// Sections whose parents are always earlier ones (so the graph has no loop).
fn acyclic() -> impl Strategy<Value = Vec<Sec>> {
    prop::collection::vec(
        (
            any::<bool>(),
            prop::collection::vec((any::<u32>(), any::<bool>()), 0..4),
            prop::collection::vec(line_strategy(), 0..4),
        ),
        1..10,
    )
    .prop_map(|raw| {
        raw.into_iter()
            .enumerate()
            .map(|(i, (template, parents, lines))| Sec {
                template,
                parents: if i == 0 {
                    Vec::new()
                } else {
                    parents
                        .into_iter()
                        .map(|(p, up)| (p as usize % i, up))
                        .collect()
                },
                lines,
            })
            .collect()
    })
}

/// Sections whose parents are any sections, themselves included.
fn any_graph() -> impl Strategy<Value = Vec<Sec>> {
    (1usize..9).prop_flat_map(|n| {
        prop::collection::vec(
            (
                prop::collection::vec((0..n, any::<bool>()), 0..3),
                prop::collection::vec(line_strategy(), 0..2),
            ),
            n,
        )
        .prop_map(|raw| {
            raw.into_iter()
                .map(|(parents, lines)| Sec {
                    template: true,
                    parents,
                    lines,
                })
                .collect()
        })
    })
}

fn name(i: usize, upper: bool) -> String {
    if upper {
        format!("S{i}")
    } else {
        format!("s{i}")
    }
}

fn build(secs: &[Sec], order: &[usize], lookup: Lookup) -> TemplateGraph {
    let at = Span::new(FileId(0), 0, 1);
    let mut b = GraphBuilder::new(lookup);
    for &i in order {
        let s = &secs[i];
        let h = b.section(name(i, false), at);
        if s.template {
            b.template(h, at);
        }
        for &(p, up) in &s.parents {
            b.parent(h, name(p, up), at);
        }
        for (key, append, text) in &s.lines {
            let line = if *append {
                Line::append(*key, text.clone(), at)
            } else {
                Line::assign(*key, text.trim(), at)
            };
            b.line(h, line);
        }
    }
    b.build()
}

/// ast_category_inherit and process_text_line, naively: every parent's list (recursively),
/// then the section's lines, `+=` appending to the last value of exactly that key. `skip`
/// says which parent references to ignore.
fn reference(secs: &[Sec], i: usize, skip: &dyn Fn(usize, usize) -> bool) -> Vec<Value> {
    let mut list: Vec<Value> = Vec::new();
    for &(p, _) in &secs[i].parents {
        if skip(i, p) {
            continue;
        }
        for (k, v, chain) in reference(secs, p, skip) {
            let mut c = vec![i];
            c.extend(chain);
            list.push((k, v, c));
        }
    }
    for (key, append, text) in &secs[i].lines {
        let last = list.iter().rposition(|(k, _, _)| k == key);
        match (append, last) {
            (true, Some(at)) => {
                let joined = format!("{}{}", list[at].1, text);
                list[at].1 = joined.trim().to_string();
            }
            _ => list.push((key.to_string(), text.trim().to_string(), vec![i])),
        }
    }
    list
}

fn resolved(graph: &TemplateGraph, i: usize) -> Vec<Value> {
    let id = graph.find(&name(i, false))[0];
    graph
        .section(id)
        .values()
        .map(|v| {
            let chain = v
                .chain()
                .map(|s| graph.name(s)[1..].parse().unwrap())
                .collect();
            (v.key().to_string(), v.value().to_string(), chain)
        })
        .collect()
}

/// reach[i][j]: j is an ancestor of i (following parent references), in one step or more.
fn reach(secs: &[Sec]) -> Vec<Vec<bool>> {
    let n = secs.len();
    let mut r = vec![vec![false; n]; n];
    for (i, s) in secs.iter().enumerate() {
        for &(p, _) in &s.parents {
            r[i][p] = true;
        }
    }
    for k in 0..n {
        for i in 0..n {
            for j in 0..n {
                if r[i][k] && r[k][j] {
                    r[i][j] = true;
                }
            }
        }
    }
    r
}

proptest! {
    #[test]
    fn acyclic_graphs_match_the_reference(
        secs in acyclic(),
        seed in any::<u64>(),
    ) {
        let file_order: Vec<usize> = (0..secs.len()).collect();
        let mut shuffled = file_order.clone();
        // A cheap deterministic shuffle from the seed.
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        for (lookup, order) in [(Lookup::DefinedAbove, &file_order), (Lookup::AnyOrder, &shuffled)] {
            let graph = build(&secs, order, lookup);
            prop_assert!(graph.diagnostics().is_empty(), "{:?}", graph.diagnostics());
            for i in 0..secs.len() {
                prop_assert_eq!(resolved(&graph, i), reference(&secs, i, &|_, _| false), "s{} {:?}", i, lookup);
            }
        }
    }

    #[test]
    fn loops_are_always_reported(secs in any_graph()) {
        let order: Vec<usize> = (0..secs.len()).collect();
        let graph = build(&secs, &order, Lookup::AnyOrder);
        let r = reach(&secs);
        let n = secs.len();
        let in_loop = |i: usize| (0..n).any(|j| j != i && r[i][j] && r[j][i]);
        let cycles: Vec<&str> = graph
            .diagnostics()
            .iter()
            .filter(|d| d.code == codes::INHERITANCE_CYCLE)
            .map(|d| d.message.as_str())
            .collect();
        // Each reported path is a real loop.
        for message in &cycles {
            let path: Vec<usize> = message
                .trim_start_matches("inheritance cycle: ")
                .split(" -> ")
                .map(|s| s[1..].parse().unwrap())
                .collect();
            prop_assert_eq!(path.first(), path.last());
            for w in path.windows(2) {
                prop_assert!(secs[w[0]].parents.iter().any(|&(p, _)| p == w[1]), "{}", message);
            }
        }
        // Every section caught in a loop is named by a report; no loop, no report.
        for i in 0..n {
            if in_loop(i) {
                let named = graph.diagnostics().iter().any(|d| {
                    d.code == codes::INHERITANCE_CYCLE
                        && (d.message.split([' ', ',']).any(|w| w == format!("s{i}"))
                            || d.notes.iter().any(|note| note.contains(&format!("`s{i}`"))))
                });
                prop_assert!(named, "s{} is in a loop but not reported: {:?}", i, cycles);
            }
        }
        if !(0..n).any(in_loop) {
            prop_assert!(cycles.is_empty());
        }
        // Every self reference is reported.
        for (i, s) in secs.iter().enumerate() {
            if s.parents.iter().any(|&(p, _)| p == i) {
                let reported = graph.diagnostics().iter().any(|d| {
                    d.code == codes::SELF_INHERITANCE && d.message == format!("`s{i}` inherits from itself")
                });
                prop_assert!(reported);
            }
        }
        // Resolution ignores exactly the references inside a loop.
        let skip = |i: usize, p: usize| i == p || (r[i][p] && r[p][i]);
        for i in 0..n {
            prop_assert_eq!(resolved(&graph, i), reference(&secs, i, &skip));
        }
    }
}
