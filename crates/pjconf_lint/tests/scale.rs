//! Many objects give exactly the expected findings (no pairwise false positives). Speed is
//! measured by `benches/src/bin/lint_bench.rs`, not here.

#![allow(clippy::print_stdout)]

use std::time::Instant;

use pjconf_diagnostics::{FileId, Span};
use pjconf_lint::{LintContext, Selection, lint};
use pjconf_model::{ObjectSet, SectionInput, SectionValue};

fn section(name: String, values: &[(&str, String)], at: &mut u32) -> SectionInput {
    let mut span = || {
        *at += 10;
        Span::new(FileId(0), *at, *at + 5)
    };
    SectionInput {
        name,
        name_span: span(),
        template: false,
        values: values
            .iter()
            .map(|(k, v)| SectionValue {
                key: (*k).to_owned(),
                value: v.clone(),
                key_span: span(),
                value_span: span(),
                inherited_from: None,
            })
            .collect(),
    }
}

fn config(n: usize) -> ObjectSet {
    let mut at = 0;
    let mut sections = Vec::with_capacity(n * 4);
    for i in 0..n {
        let id = format!("{}", 100_000 + i);
        // Every 1000th endpoint names a missing aor, so "did you mean" runs too.
        let aors = if i % 1000 == 0 {
            format!("x{id}")
        } else {
            id.clone()
        };
        sections.push(section(
            id.clone(),
            &[
                ("type", "endpoint".into()),
                ("context", "from-phones".into()),
                ("disallow", "all".into()),
                ("allow", "ulaw,alaw".into()),
                ("aors", aors),
                ("auth", id.clone()),
                ("direct_media", "no".into()),
            ],
            &mut at,
        ));
        sections.push(section(
            id.clone(),
            &[("type", "aor".into()), ("max_contacts", "1".into())],
            &mut at,
        ));
        sections.push(section(
            id.clone(),
            &[
                ("type", "auth".into()),
                ("username", id.clone()),
                ("password", "secret".into()),
            ],
            &mut at,
        ));
        if i % 10 == 0 {
            let ip = format!("10.{}.{}.{}", (i >> 16) & 255, (i >> 8) & 255, i & 255);
            sections.push(section(
                format!("{id}-identify"),
                &[
                    ("type", "identify".into()),
                    ("endpoint", id.clone()),
                    ("match", ip),
                ],
                &mut at,
            ));
        }
    }
    ObjectSet::classify(sections)
}

fn run(n: usize) -> (Vec<pjconf_diagnostics::Diagnostic>, std::time::Duration) {
    let objects = config(n);
    let started = Instant::now();
    let cx = LintContext::new(&objects);
    let found = lint(&cx, &Selection::default());
    (found, started.elapsed())
}

#[test]
fn many_objects_give_the_expected_findings() {
    let (found, _) = run(5_000);
    // 5 missing aors (PJ206) and the 5 aors they leave unused (PJ208).
    assert_eq!(found.iter().filter(|d| d.code == "PJ206").count(), 5);
    assert_eq!(found.iter().filter(|d| d.code == "PJ208").count(), 5);
    assert_eq!(found.len(), 10);
}
