//! Sections become objects: the input every producer of objects hands in (resolved pjsip.conf
//! sections, wizard expansion, the chan_sip translator, the tenant compiler), and the
//! classification res_sorcery_config applies to it.

use std::sync::Arc;

use pjconf_diagnostics::Span;

use crate::ObjectType;

/// One value of a section after template resolution, in application order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionValue {
    /// The option name as written.
    pub key: String,
    /// The value as config.c stores it (trimmed, `\;` read as `;`).
    pub value: String,
    /// Where the name is (in the section or template that set it).
    pub key_span: Span,
    /// Where the value is.
    pub value_span: Span,
    /// The template the value was inherited from, if not the section itself. Shared: every
    /// value a template hands down names it, so one allocation per template serves them all.
    pub inherited_from: Option<Arc<str>>,
}

/// A resolved section: what Sorcery sees of one `[name]` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionInput {
    /// The section name (the object id).
    pub name: String,
    /// Where the name is written.
    pub name_span: Span,
    /// True for `(!)` templates, which never become objects.
    pub template: bool,
    /// Every value, inherited ones first, in the order Sorcery applies them.
    pub values: Vec<SectionValue>,
}

impl SectionInput {
    /// The FIRST `type` value, which is what res_sorcery_config matches on
    /// (sorcery_is_criteria_met → ast_variable_find_in_list returns the first match).
    pub fn type_value(&self) -> Option<&SectionValue> {
        self.values
            .iter()
            .find(|v| v.key.eq_ignore_ascii_case("type"))
    }
}

/// A typed PJSIP object: a type, an id, and its option lines in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PjsipObject {
    /// The object type (from the section's first `type`).
    pub object_type: ObjectType,
    /// The id (section name).
    pub id: String,
    /// Where the id is written.
    pub id_span: Span,
    /// The option lines (all of them, `type` included), in application order.
    pub options: Vec<SectionValue>,
}

impl PjsipObject {
    /// The last value of `name` (any letter case): what a scalar option ends up as.
    pub fn last(&self, name: &str) -> Option<&SectionValue> {
        self.options
            .iter()
            .rev()
            .find(|v| v.key.eq_ignore_ascii_case(name))
    }

    /// Every value of `name`, in order (list options accumulate these).
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a SectionValue> + 'a {
        self.options
            .iter()
            .filter(move |v| v.key.eq_ignore_ascii_case(name))
    }
}

/// Why a section did not become an object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotAnObject {
    /// A `(!)` template.
    Template,
    /// No `type` line at all: Sorcery silently ignores the section.
    NoType,
    /// A `type` that names no registered type (compared case-sensitively).
    UnknownType(SectionValue),
}

/// A section that is not an object, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unclassified {
    /// The section.
    pub section: SectionInput,
    /// Why.
    pub reason: NotAnObject,
}

/// Every object of a configuration, and the sections that became none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ObjectSet {
    /// The objects, in section order.
    pub objects: Vec<PjsipObject>,
    /// Sections that are not objects.
    pub unclassified: Vec<Unclassified>,
}

impl ObjectSet {
    /// Classify sections as res_sorcery_config does: templates are skipped, the first `type`
    /// value selects the type (case-sensitively), sections with no or an unknown type are
    /// kept aside for diagnostics.
    ///
    /// ```
    /// use pjconf_diagnostics::{FileId, Span};
    /// use pjconf_model::{ObjectSet, ObjectType, SectionInput, SectionValue};
    ///
    /// let at = Span::new(FileId(0), 0, 1);
    /// let value = |k: &str, v: &str| SectionValue {
    ///     key: k.into(), value: v.into(), key_span: at, value_span: at, inherited_from: None,
    /// };
    /// let section = |name: &str, t: &str| SectionInput {
    ///     name: name.into(), name_span: at, template: false, values: vec![value("type", t)],
    /// };
    /// let set = ObjectSet::classify(vec![section("6001", "endpoint"), section("6001", "Endpoint")]);
    /// assert_eq!(set.objects.len(), 1);
    /// assert_eq!(set.objects[0].object_type, ObjectType::Endpoint);
    /// assert_eq!(set.unclassified.len(), 1);
    /// ```
    pub fn classify(sections: impl IntoIterator<Item = SectionInput>) -> Self {
        let sections = sections.into_iter();
        let mut set = ObjectSet::default();
        // Most sections are objects: room for all of them at once instead of doubling (each
        // doubling copies every object moved in so far).
        set.objects.reserve(sections.size_hint().0);
        for section in sections {
            if section.template {
                set.unclassified.push(Unclassified {
                    section,
                    reason: NotAnObject::Template,
                });
                continue;
            }
            let Some(type_value) = section.type_value() else {
                set.unclassified.push(Unclassified {
                    section,
                    reason: NotAnObject::NoType,
                });
                continue;
            };
            match ObjectType::from_type_value(&type_value.value) {
                Some(object_type) => set.objects.push(PjsipObject {
                    object_type,
                    id: section.name,
                    id_span: section.name_span,
                    options: section.values,
                }),
                None => {
                    // Only an unknown type keeps a copy of its `type` line.
                    let type_value = type_value.clone();
                    set.unclassified.push(Unclassified {
                        section,
                        reason: NotAnObject::UnknownType(type_value),
                    });
                }
            }
        }
        set
    }

    /// The objects of one type, in order.
    pub fn of_type(&self, object_type: ObjectType) -> impl Iterator<Item = &PjsipObject> {
        self.objects
            .iter()
            .filter(move |o| o.object_type == object_type)
    }

    /// The first object of `object_type` with id `id` (ids are case-sensitive, as Sorcery
    /// compares them).
    pub fn find(&self, object_type: ObjectType, id: &str) -> Option<&PjsipObject> {
        self.of_type(object_type).find(|o| o.id == id)
    }
}
