//! Helpers shared by the tests: reading emitted text back with pjconf_syntax.

use pjconf_diagnostics::FileId;
use pjconf_emit::{Document, EmitItem, EmitOption, EmitSection};
use pjconf_model::{ObjectSet, SectionInput, SectionValue};

/// What a section is, for comparisons: name, template flag, parents, (key, value) lines.
pub(crate) type Shape = (String, bool, Vec<String>, Vec<(String, String)>);

/// Parse `text`, asserting config.c would read it without any complaint.
pub(crate) fn parse_clean(text: &str) -> pjconf_syntax::Parse {
    let parsed = pjconf_syntax::parse(FileId(0), text.as_bytes().to_vec());
    assert!(
        parsed.diagnostics.is_empty(),
        "emitted text does not parse cleanly: {:?}\n{text}",
        parsed.diagnostics
    );
    parsed
}

/// The sections of parsed text as a [`Document`] (templates and parents kept, no comments),
/// with the parser's spans.
pub(crate) fn document_of(parsed: &pjconf_syntax::Parse) -> Document {
    let mut doc = Document::new();
    for section in parsed.tree.sections() {
        assert!(section.append_filter().is_none(), "emit never writes `(+)`");
        doc.push_section(EmitSection {
            name: section.name().into_owned(),
            name_span: section.name_span(),
            template: section.is_template(),
            parents: section.parents().map(|(p, _)| p.into_owned()).collect(),
            comment: None,
            options: section
                .items()
                .map(|item| {
                    assert_eq!(item.operator(), pjconf_syntax::Operator::Assign);
                    EmitOption {
                        key: item.key().into_owned(),
                        value: item.value().into_owned(),
                        comment: None,
                        key_span: item.key_span(),
                        value_span: item.value_span(),
                    }
                })
                .collect(),
        });
    }
    doc
}

/// Every section of a document, for comparisons that ignore spans and comments.
pub(crate) fn shapes(doc: &Document) -> Vec<Shape> {
    doc.sections()
        .map(|s| {
            (
                s.name.clone(),
                s.template,
                s.parents.clone(),
                s.options
                    .iter()
                    .map(|o| (o.key.clone(), o.value.clone()))
                    .collect(),
            )
        })
        .collect()
}

/// The document without comments or blank items (what reading text back gives).
pub(crate) fn without_comments(doc: &Document) -> Document {
    let items = doc
        .items
        .iter()
        .filter_map(|item| match item {
            EmitItem::Section(s) => {
                let mut s = s.clone();
                s.comment = None;
                for o in &mut s.options {
                    o.comment = None;
                }
                Some(EmitItem::Section(s))
            }
            _ => None,
        })
        .collect();
    Document { items }
}

/// Objects of parsed text, from each section's own lines (no template resolution: the
/// sections used here have no parents).
pub(crate) fn objects_of(parsed: &pjconf_syntax::Parse) -> ObjectSet {
    let sections = parsed.tree.sections().map(|section| SectionInput {
        name: section.name().into_owned(),
        name_span: section.name_span(),
        template: section.is_template(),
        values: section
            .items()
            .map(|item| SectionValue {
                key: item.key().into_owned(),
                value: item.value().into_owned(),
                key_span: item.key_span(),
                value_span: item.value_span(),
                inherited_from: None,
            })
            .collect(),
    });
    ObjectSet::classify(sections.collect::<Vec<_>>())
}

/// An object without spans: type, id, (key, value) lines.
pub(crate) type ObjectShape = (String, String, Vec<(String, String)>);

/// Objects without spans: (type, id, (key, value) lines).
pub(crate) fn object_shapes(set: &ObjectSet) -> Vec<ObjectShape> {
    set.objects
        .iter()
        .map(|o| {
            (
                o.object_type.as_str().to_owned(),
                o.id.clone(),
                o.options
                    .iter()
                    .map(|v| (v.key.clone(), v.value.clone()))
                    .collect(),
            )
        })
        .collect()
}

/// A one-section document.
pub(crate) fn one(section: EmitSection) -> Document {
    Document {
        items: vec![EmitItem::Section(section)],
    }
}

/// The codes of a refusal.
pub(crate) fn codes_of(doc: &Document) -> Vec<&'static str> {
    match pjconf_emit::emit(doc) {
        Ok(text) => panic!("expected a refusal, got:\n{text}"),
        Err(diagnostics) => diagnostics.iter().map(|d| d.code).collect(),
    }
}
