//! What [`crate::emit`] writes: a list of sections and comment blocks, each section with its
//! header (template flag, parents), an optional comment and its option lines in order.

use pjconf_diagnostics::{FileId, Span};
use pjconf_model::{ObjectSet, PjsipObject, SectionValue};

/// The span given to text that was not read from a file (built by a program, or the `type`
/// line [`Document::from_objects`] adds): an empty span in file `FileId(u32::MAX)`, which no
/// [`pjconf_diagnostics::SourceMap`] holds, so renderers show it as an unknown file. Values
/// that came from a file keep their own spans, so refusals point at the source.
pub const SYNTHESIZED: Span = Span {
    file: FileId(u32::MAX),
    start: 0,
    end: 0,
};

/// A whole file to write: sections and comment blocks, in the order given.
///
/// Nothing is sorted or merged: the output follows `items` exactly, so a caller that wants a
/// stable order (by tenant, type, id) sorts before building the document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The items, in output order.
    pub items: Vec<EmitItem>,
}

/// One top-level piece of a [`Document`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmitItem {
    /// A comment block (for example a tenant's group header): each `\n`-separated line is
    /// written as `; line` (`;` alone for an empty line).
    Comment(String),
    /// One empty line more than the usual separator, to set groups apart.
    Blank,
    /// A section.
    Section(EmitSection),
}

/// One `[name]` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmitSection {
    /// The name, written between `[` and `]` exactly (config.c does not trim it).
    pub name: String,
    /// Where the name came from ([`SYNTHESIZED`] when built by a program).
    pub name_span: Span,
    /// True for a `(!)` template.
    pub template: bool,
    /// Parent names, in inheritance order (`[name](p1,p2)`).
    pub parents: Vec<String>,
    /// Comment lines written as `; ...` above the header (`\n` separates lines).
    pub comment: Option<String>,
    /// The option lines, in order.
    pub options: Vec<EmitOption>,
}

/// One `key = value` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmitOption {
    /// The option name (written with a leading `\` when it starts with `[`, `#` or `\`).
    pub key: String,
    /// The value as config.c should store it (each `;` is written as `\;`).
    pub value: String,
    /// A trailing comment, written after ` ; ` on the same line.
    pub comment: Option<String>,
    /// Where the name came from ([`SYNTHESIZED`] when built by a program).
    pub key_span: Span,
    /// Where the value came from ([`SYNTHESIZED`] when built by a program).
    pub value_span: Span,
}

impl From<EmitSection> for EmitItem {
    fn from(section: EmitSection) -> Self {
        EmitItem::Section(section)
    }
}

impl EmitOption {
    /// A line `key = value` with synthesized spans and no comment.
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        EmitOption {
            key: key.into(),
            value: value.into(),
            comment: None,
            key_span: SYNTHESIZED,
            value_span: SYNTHESIZED,
        }
    }

    /// The same line with a trailing comment.
    pub fn with_comment(mut self, comment: impl Into<String>) -> Self {
        self.comment = Some(comment.into());
        self
    }
}

impl From<&SectionValue> for EmitOption {
    /// The value's key and value with their source spans (how it was inherited is dropped:
    /// the line is written in the section itself).
    fn from(value: &SectionValue) -> Self {
        EmitOption {
            key: value.key.clone(),
            value: value.value.clone(),
            comment: None,
            key_span: value.key_span,
            value_span: value.value_span,
        }
    }
}

impl EmitSection {
    /// A plain section `[name]` with no options and a synthesized span.
    pub fn new(name: impl Into<String>) -> Self {
        EmitSection {
            name: name.into(),
            name_span: SYNTHESIZED,
            template: false,
            parents: Vec::new(),
            comment: None,
            options: Vec::new(),
        }
    }

    /// The same section as a `(!)` template.
    pub fn template(mut self) -> Self {
        self.template = true;
        self
    }

    /// The same section inheriting from `parents`, in order.
    pub fn with_parents<S: Into<String>>(mut self, parents: impl IntoIterator<Item = S>) -> Self {
        self.parents = parents.into_iter().map(Into::into).collect();
        self
    }

    /// The same section with a comment above its header.
    pub fn with_comment(mut self, comment: impl Into<String>) -> Self {
        self.comment = Some(comment.into());
        self
    }

    /// The same section with one more `key = value` line.
    pub fn with_option(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.options.push(EmitOption::new(key, value));
        self
    }
}

impl Document {
    /// An empty document.
    pub fn new() -> Self {
        Self::default()
    }

    /// Append a section.
    pub fn push_section(&mut self, section: EmitSection) {
        self.items.push(EmitItem::Section(section));
    }

    /// Append a comment block.
    pub fn push_comment(&mut self, comment: impl Into<String>) {
        self.items.push(EmitItem::Comment(comment.into()));
    }

    /// Append an extra empty line.
    pub fn push_blank(&mut self) {
        self.items.push(EmitItem::Blank);
    }

    /// The sections, in order.
    pub fn sections(&self) -> impl Iterator<Item = &EmitSection> {
        self.items.iter().filter_map(|item| match item {
            EmitItem::Section(s) => Some(s),
            _ => None,
        })
    }

    /// One flat section per object (no templates, no parents), in the order given: callers
    /// sort first if they want a canonical order.
    ///
    /// Each section holds the object's option lines in order (they are already resolved, so
    /// inherited lines come first), except that the first `type` line (the one
    /// res_sorcery_config matches on) is moved to the top. An object without a `type` line
    /// gets a synthesized `type = <object type>`. Spans are kept, so a refusal points at the
    /// source.
    ///
    /// ```
    /// use pjconf_diagnostics::{FileId, Span};
    /// use pjconf_emit::{Document, emit};
    /// use pjconf_model::{ObjectSet, SectionInput, SectionValue};
    ///
    /// let at = Span::new(FileId(0), 0, 1);
    /// let value = |k: &str, v: &str| SectionValue {
    ///     key: k.into(), value: v.into(), key_span: at, value_span: at, inherited_from: None,
    /// };
    /// let set = ObjectSet::classify(vec![SectionInput {
    ///     name: "6001".into(),
    ///     name_span: at,
    ///     template: false,
    ///     values: vec![value("context", "from;internal"), value("type", "endpoint")],
    /// }]);
    /// let doc = Document::from_objects(&set.objects);
    /// assert_eq!(
    ///     emit(&doc).unwrap(),
    ///     "[6001]\ntype = endpoint\ncontext = from\\;internal\n",
    /// );
    /// ```
    pub fn from_objects<'a>(objects: impl IntoIterator<Item = &'a PjsipObject>) -> Document {
        let items = objects
            .into_iter()
            .map(|object| EmitItem::Section(section_of(object)))
            .collect();
        Document { items }
    }

    /// [`Document::from_objects`] over the objects of `set` (its unclassified sections are
    /// not written).
    pub fn from_object_set(set: &ObjectSet) -> Document {
        Document::from_objects(&set.objects)
    }
}

fn section_of(object: &PjsipObject) -> EmitSection {
    let type_at = object
        .options
        .iter()
        .position(|v| v.key.eq_ignore_ascii_case("type"));
    let mut options = Vec::with_capacity(object.options.len() + 1);
    match type_at {
        Some(i) => options.push(EmitOption::from(&object.options[i])),
        None => options.push(EmitOption::new("type", object.object_type.as_str())),
    }
    options.extend(
        object
            .options
            .iter()
            .enumerate()
            .filter(|&(i, _)| Some(i) != type_at)
            .map(|(_, v)| EmitOption::from(v)),
    );
    EmitSection {
        name: object.id.clone(),
        name_span: object.id_span,
        template: false,
        parents: Vec::new(),
        comment: None,
        options,
    }
}
