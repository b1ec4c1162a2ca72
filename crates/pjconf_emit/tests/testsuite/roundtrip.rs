//! Property tests: whatever emit accepts reads back exactly, and emit∘parse is a fixed point.

use pjconf_diagnostics::{FileId, Span};
use pjconf_emit::{Document, EmitItem, EmitOption, EmitSection, emit, flatten};
use pjconf_model::{ObjectSet, ObjectType, SectionInput, SectionValue};
use proptest::prelude::*;
use proptest::sample::Index;

use crate::common::{
    document_of, object_shapes, objects_of, parse_clean, shapes, without_comments,
};

/// Text with the characters that matter to config.c over-represented.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => "[a-z0-9_-]{1,5}",
        3 => "[ -~]{1,4}",
        3 => r"[;\\\[\]#=+ ,()!>-]{1,3}",
        1 => "[\t\r\n\u{0}\u{b} a]{1,2}",
        1 => "[é☃]",
    ];
    prop::collection::vec(piece, 0..4).prop_map(|p| p.concat())
}

/// Strings for one role: `wild` draws everything from [`text`]; otherwise mostly plausible
/// strings (that emit usually accepts) with the characters that matter to config.c, and a
/// wild one now and then.
#[derive(Debug, Clone, Copy)]
enum Role {
    Key,
    Value,
    Name,
    Comment,
}

fn string(role: Role, wild: bool) -> BoxedStrategy<String> {
    if wild {
        return text().boxed();
    }
    match role {
        Role::Key => prop_oneof![
            16 => "[a-z0-9_]{1,6}",
            4 => r"[#\[\\][a-z0-9_#\[\]\\!()>,.-]{0,5}",
            1 => text(),
        ]
        .boxed(),
        Role::Value => prop_oneof![
            8 => "[a-z0-9]{0,6}",
            12 => "[!-~]([ -~]{0,10}[!-~])?",
            1 => text(),
        ]
        .boxed(),
        Role::Name => prop_oneof![
            16 => "[a-zA-Z0-9_.@-]{1,6}",
            4 => r"[!-\\^-~]([ -\\^-~]{0,6}[!-\\^-~])?",
            1 => text(),
        ]
        .boxed(),
        Role::Comment => prop_oneof![8 => "[ -~]{0,12}", 1 => text()].boxed(),
    }
}

/// A parent: most often an earlier section's name (a random index), sometimes any text.
#[derive(Debug, Clone)]
enum ParentPick {
    Earlier(Index),
    Text(String),
}

type RawSection = (
    String,
    bool,
    Vec<ParentPick>,
    Option<String>,
    Vec<(String, String, Option<String>)>,
);

fn raw_section(wild: bool) -> impl Strategy<Value = RawSection> {
    let parent = prop_oneof![
        8 => any::<Index>().prop_map(ParentPick::Earlier),
        1 => string(Role::Name, wild).prop_map(ParentPick::Text),
    ];
    let option = (
        string(Role::Key, wild),
        string(Role::Value, wild),
        prop::option::weighted(0.1, string(Role::Comment, wild)),
    );
    (
        string(Role::Name, wild),
        any::<bool>(),
        prop::collection::vec(parent, 0..3),
        prop::option::weighted(0.1, string(Role::Comment, wild)),
        prop::collection::vec(option, 0..5),
    )
}

fn document(wild: bool) -> impl Strategy<Value = Document> {
    let item = prop_oneof![
        10 => raw_section(wild).prop_map(Some),
        1 => Just(None),
    ];
    (
        prop::collection::vec(item, 0..6),
        prop::option::weighted(0.1, string(Role::Comment, wild)),
    )
        .prop_map(|(raw, header)| {
            let mut doc = Document::new();
            if let Some(h) = header {
                doc.push_comment(h);
            }
            let mut names: Vec<String> = Vec::new();
            for entry in raw {
                let Some((name, template, parents, comment, options)) = entry else {
                    doc.push_blank();
                    continue;
                };
                let parents = parents
                    .into_iter()
                    .map(|p| match p {
                        ParentPick::Earlier(i) if !names.is_empty() => {
                            names[i.index(names.len())].clone()
                        }
                        ParentPick::Earlier(_) => "missing".to_owned(),
                        ParentPick::Text(t) => t,
                    })
                    .collect();
                let options = options
                    .into_iter()
                    .map(|(k, v, c)| EmitOption {
                        comment: c,
                        ..EmitOption::new(k, v)
                    })
                    .collect();
                names.push(name.clone());
                doc.push_section(EmitSection {
                    template,
                    parents,
                    comment,
                    options,
                    ..EmitSection::new(name)
                });
            }
            doc
        })
}

fn blank_edge(s: &str) -> bool {
    s.starts_with(|c: char| (c as u32) < 33) || s.ends_with(|c: char| (c as u32) < 33)
}

/// An independent statement of what emit must accept (so a refusal is never spurious).
fn writable(doc: &Document) -> bool {
    let mut earlier: Vec<String> = Vec::new();
    for item in &doc.items {
        let comment_ok = |c: &str| !c.contains(['\r', '\0']);
        match item {
            EmitItem::Blank => {}
            EmitItem::Comment(c) => {
                if !comment_ok(c) {
                    return false;
                }
            }
            EmitItem::Section(s) => {
                if s.name.is_empty()
                    || s.name.contains([']', ';', '\r', '\n', '\0'])
                    || blank_edge(&s.name)
                    || !s.comment.as_deref().is_none_or(comment_ok)
                {
                    return false;
                }
                for p in &s.parents {
                    if p.is_empty()
                        || p == "!"
                        || p.starts_with('+')
                        || p.contains([',', ')', ';', '\r', '\n', '\0'])
                        || blank_edge(p)
                        || !earlier.iter().any(|e| e.eq_ignore_ascii_case(p))
                    {
                        return false;
                    }
                }
                for o in &s.options {
                    if o.key.is_empty()
                        || o.key
                            .contains(|c: char| c == '=' || c == ';' || (c as u32) < 33)
                        || o.key.ends_with('+')
                        || o.value.contains(['\r', '\n', '\0'])
                        || blank_edge(&o.value)
                        || o.comment
                            .as_deref()
                            .is_some_and(|c| c.contains(['\r', '\n', '\0']))
                    {
                        return false;
                    }
                }
                earlier.push(s.name.clone());
            }
        }
    }
    true
}

/// The round-trip property for one document.
fn check_round_trip(doc: &Document) -> Result<(), TestCaseError> {
    match emit(doc) {
        Err(diagnostics) => {
            prop_assert!(!writable(doc), "spurious refusal: {diagnostics:?}");
            prop_assert!(!diagnostics.is_empty());
            prop_assert!(
                diagnostics
                    .iter()
                    .all(|d| d.code.starts_with("PJ6") && d.is_error())
            );
        }
        Ok(text) => {
            prop_assert!(writable(doc), "accepted unwritable document:\n{text}");
            prop_assert!(text.is_empty() || text.ends_with('\n'));
            prop_assert!(!text.contains('\r'));
            let back = document_of(&parse_clean(&text));
            prop_assert_eq!(shapes(&back), shapes(doc));
            // emit∘parse∘emit is a fixed point (comments are not read back).
            let again = emit(&back).expect("parsed text is writable");
            prop_assert_eq!(&again, &emit(&without_comments(doc)).unwrap());
            let third = emit(&document_of(&parse_clean(&again))).unwrap();
            prop_assert_eq!(again, third);
            // Flattening what emit accepts always succeeds and gives no templates.
            let flat = flatten(doc).expect("parents were checked by emit");
            prop_assert!(flat.sections().all(|s| !s.template && s.parents.is_empty()));
            prop_assert!(emit(&flat).is_ok());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn plausible_documents_read_back_exactly(doc in document(false)) {
        check_round_trip(&doc)?;
    }

    #[test]
    fn wild_documents_read_back_exactly_or_are_refused(doc in document(true)) {
        check_round_trip(&doc)?;
    }

    #[test]
    fn objects_survive_parse_emit_parse(
        sections in prop::collection::vec(
            (
                string(Role::Name, false),
                0usize..ObjectType::ALL.len(),
                prop::collection::vec((string(Role::Key, false), string(Role::Value, false)), 0..5),
            ),
            0..5,
        )
    ) {
        // Text written by emit, with `type` first, as the start of the trip.
        let mut doc = Document::new();
        for (name, t, options) in &sections {
            let mut s = EmitSection::new(name.clone())
                .with_option("type", ObjectType::ALL[*t].as_str());
            for (k, v) in options {
                s = s.with_option(k.clone(), v.clone());
            }
            doc.push_section(s);
        }
        let Ok(text) = emit(&doc) else { return Ok(()) };
        let first = objects_of(&parse_clean(&text));
        prop_assert_eq!(first.objects.len(), sections.len());
        let second_text = emit(&Document::from_object_set(&first)).expect("objects are writable");
        prop_assert_eq!(&second_text, &text);
        let second = objects_of(&parse_clean(&second_text));
        prop_assert_eq!(object_shapes(&second), object_shapes(&first));
    }
}

#[test]
fn from_objects_moves_the_first_type_up_and_fills_a_missing_one() {
    let at = Span::new(FileId(0), 0, 1);
    let value = |k: &str, v: &str| SectionValue {
        key: k.into(),
        value: v.into(),
        key_span: at,
        value_span: at,
        inherited_from: None,
    };
    let set = ObjectSet::classify(vec![SectionInput {
        name: "a".into(),
        name_span: at,
        template: false,
        values: vec![
            value("x", "1"),
            value("TYPE", "aor"),
            value("type", "endpoint"),
        ],
    }]);
    let mut object = set.objects[0].clone();
    let doc = Document::from_objects([&object]);
    assert_eq!(
        emit(&doc).unwrap(),
        "[a]\nTYPE = aor\nx = 1\ntype = endpoint\n"
    );
    object.options.clear();
    let doc = Document::from_objects([&object]);
    assert_eq!(emit(&doc).unwrap(), "[a]\ntype = aor\n");
    assert_eq!(
        doc.sections().next().unwrap().options[0].key_span,
        pjconf_emit::SYNTHESIZED
    );
}
