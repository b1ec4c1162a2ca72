//! Writing a document in two parts gives exactly what one pass gives: the same text, or the
//! same problems in the same order (parents defined in the first half, or with another
//! letter case, must not be reported missing in the second; parents missing from both must).

use proptest::prelude::*;

use crate::document::{Document, EmitSection};
use crate::write::emit_in_parts;

/// Names drawn from a small pool so that parents often exist, above or below, in either
/// case; and some that refuse (`!`, empty, a comma, a blank at an end).
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(vec!["a", "B", "c", "D", "e", "A", "b", "C"]).prop_map(String::from),
        1 => prop::sample::select(vec!["!", "", "x,y", " a", "+f"]).prop_map(String::from),
    ]
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[a-z;]{0,6}",
        1 => Just("two\nlines".to_string()),
        1 => Just(" lead".to_string()),
    ]
}

#[derive(Debug, Clone)]
enum Item {
    Section {
        name: String,
        template: bool,
        parents: Vec<String>,
        options: Vec<(String, String)>,
    },
    Comment(String),
    Blank,
}

fn item() -> impl Strategy<Value = Item> {
    prop_oneof![
        6 => (
            name(),
            any::<bool>(),
            prop::collection::vec(name(), 0..3),
            prop::collection::vec(("[a-z]{1,5}", value()), 0..3),
        )
            .prop_map(|(name, template, parents, options)| Item::Section {
                name,
                template,
                parents,
                options,
            }),
        1 => prop_oneof![Just("note".to_string()), Just("bad\0".to_string())].prop_map(Item::Comment),
        1 => Just(Item::Blank),
    ]
}

fn document(items: &[Item]) -> Document {
    let mut doc = Document::new();
    for item in items {
        match item {
            Item::Section {
                name,
                template,
                parents,
                options,
            } => {
                let mut section = EmitSection::new(name.clone()).with_parents(parents.clone());
                if *template {
                    section = section.template();
                }
                for (k, v) in options {
                    section = section.with_option(k.clone(), v.clone());
                }
                doc.push_section(section);
            }
            Item::Comment(c) => doc.push_comment(c.clone()),
            Item::Blank => doc.push_blank(),
        }
    }
    doc
}

fn outcome(doc: &Document, two_parts_from: usize) -> Result<String, Vec<String>> {
    emit_in_parts(doc, two_parts_from).map_err(|problems| {
        problems
            .iter()
            .map(|d| format!("{} {}", d.code, d.message))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn two_parts_write_what_one_pass_writes(items in prop::collection::vec(item(), 0..24)) {
        let doc = document(&items);
        prop_assert_eq!(outcome(&doc, 2), outcome(&doc, usize::MAX));
    }
}

#[test]
fn a_parent_defined_in_the_first_half_is_found_and_one_defined_nowhere_is_not() {
    let mut doc = Document::new();
    doc.push_section(EmitSection::new("Base").template());
    doc.push_section(EmitSection::new("other"));
    doc.push_section(EmitSection::new("alice").with_parents(["base"]));
    doc.push_section(EmitSection::new("bob").with_parents(["missing", "alice", "BASE"]));
    let split = outcome(&doc, 2);
    assert_eq!(split, outcome(&doc, usize::MAX));
    let problems = split.expect_err("`missing` is defined nowhere");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("`missing`"), "{problems:?}");
}
