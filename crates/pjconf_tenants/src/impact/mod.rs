//! Change impact: which PJSIP objects an edit of the model adds, removes or changes, and for
//! a changed object which options changed from what to what.
//!
//! # How
//! 1. The two models are compared structurally ([`plan`]): the engine, then each tenant
//!    (matched by slug) and, inside a tenant, its templates, lines and trunks (matched by
//!    name). Equal tenants cost one equality test each.
//! 2. For each changed template, the lines and trunks inheriting it (directly or through
//!    other templates) come from the old compilation's template graph
//!    ([`pjconf_templates::TemplateGraph::dependents`], a reverse index built with the
//!    graph). Templates that appear or disappear also affect every element naming them as
//!    a parent.
//! 3. Only the affected elements are recompiled, on both sides, through the tenant
//!    compiler itself: a reduced tenant holding those elements and the templates they
//!    inherit (order-free lookup, so the resolved values are the same as in the whole
//!    tenant). A tenant whose domains (object names derive from the primary domain) or
//!    whose names are not clean (an invalid or duplicate name changes which elements
//!    compile) is recompiled whole; so is an added or removed tenant.
//! 4. A change of the engine's `asterisk` version (endpoint `tenantid`), `policy` (what
//!    tenants may set) or transport names (which tenants may name) may affect every object,
//!    as do invalid or duplicate tenant slugs: then both models are compiled whole
//!    ([`Impact::full_recompile`]). A change of `global`, `system` or a transport's options
//!    only recompiles the engine objects.
//! 5. The objects of both sides are compared by (tenant, type, id).
//!
//! The cost is the structural comparison (linear, but only equality tests) plus the
//! recompilation of the affected elements and the templates they inherit.

mod diff;
mod plan;

use pjconf_diagnostics::Diagnostic;
use pjconf_model::{ObjectType, PjsipObject};
use serde::Serialize;

use crate::compile::{CompileOptions, compile};
use crate::compiled::Compiled;
use crate::source::ModelSource;

/// What an edit of the model does to the compiled objects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Impact {
    /// The objects added, removed or changed, sorted by tenant (engine objects first), type
    /// name and id.
    pub changes: Vec<ObjectChange>,
    /// True when the edit touched what every object may depend on (engine `asterisk`,
    /// `policy`, the transport names, or invalid/duplicate tenant slugs), so both models
    /// were compiled whole.
    pub full_recompile: bool,
    /// The diagnostics of what was compiled of the new model: everything when
    /// [`Impact::full_recompile`], else the engine's (when it changed), the recompiled
    /// tenants' and the recompiled elements' (the latter without source positions). The
    /// rest of the new model was not checked: use [`crate::compile`] to validate it.
    pub diagnostics: Vec<Diagnostic>,
    /// The new model's objects behind the `added` and `changed` entries of
    /// [`Impact::changes`], in the same order: what a realtime writer needs to apply the edit
    /// without compiling the whole new model (`pjconf_realtime::apply_touched` with the
    /// changes' types and ids). Not serialized.
    #[serde(skip)]
    pub objects: Vec<PjsipObject>,
}

impl Impact {
    /// True when no object changed.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// One line per object (`+` added, `-` removed, `~` changed, then the tenant or
    /// `engine`, the type and the id), and under a changed object one indented line per
    /// option, `name: old -> new` (`(unset)` when absent, lists in brackets). Empty when
    /// nothing changed.
    ///
    /// ```
    /// use pjconf_tenants::{ChangeKind, Impact, ObjectChange, OptionChange, OptionText};
    /// use pjconf_model::ObjectType;
    ///
    /// let impact = Impact {
    ///     changes: vec![ObjectChange {
    ///         tenant: Some("acme".into()),
    ///         object_type: ObjectType::Endpoint,
    ///         id: "alice@acme.example".into(),
    ///         kind: ChangeKind::Changed,
    ///         options: vec![OptionChange {
    ///             name: "allow".into(),
    ///             old: Some(OptionText::List(vec!["ulaw".into()])),
    ///             new: None,
    ///         }],
    ///     }],
    ///     full_recompile: false,
    ///     diagnostics: Vec::new(),
    ///     objects: Vec::new(),
    /// };
    /// assert_eq!(
    ///     impact.to_human(),
    ///     "~ acme endpoint alice@acme.example\n    allow: [ulaw] -> (unset)\n"
    /// );
    /// ```
    pub fn to_human(&self) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        let text = |v: &Option<OptionText>| {
            v.as_ref()
                .map_or("(unset)".to_string(), ToString::to_string)
        };
        for c in &self.changes {
            let sign = match c.kind {
                ChangeKind::Added => '+',
                ChangeKind::Removed => '-',
                ChangeKind::Changed => '~',
            };
            let _ = writeln!(
                out,
                "{sign} {} {} {}",
                c.tenant.as_deref().unwrap_or("engine"),
                c.object_type.as_str(),
                c.id
            );
            for o in &c.options {
                let _ = writeln!(out, "    {}: {} -> {}", o.name, text(&o.old), text(&o.new));
            }
        }
        out
    }
}

/// One object that differs between the two models.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObjectChange {
    /// The tenant's slug, `None` for engine objects.
    pub tenant: Option<String>,
    /// The object type.
    #[serde(serialize_with = "type_name")]
    pub object_type: ObjectType,
    /// The object's id (section name).
    pub id: String,
    /// Added, removed or changed.
    pub kind: ChangeKind,
    /// For a changed object: the options whose value differs, by name. Empty for added and
    /// removed objects, and for a changed object whose options only moved (same values per
    /// option, another order between options).
    pub options: Vec<OptionChange>,
}

fn type_name<S: serde::Serializer>(t: &ObjectType, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(t.as_str())
}

/// Whether an object was added, removed or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Only in the new model.
    Added,
    /// Only in the old model.
    Removed,
    /// In both, with different options.
    Changed,
}

impl ChangeKind {
    /// `added`, `removed` or `changed`.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        }
    }
}

/// One option of a changed object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OptionChange {
    /// The option name.
    pub name: String,
    /// Its value in the old object (`None`: not set).
    pub old: Option<OptionText>,
    /// Its value in the new object (`None`: not set).
    pub new: Option<OptionText>,
}

/// An option's effective value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum OptionText {
    /// A scalar option: the last value written (the one Asterisk keeps).
    Scalar(String),
    /// A list option (`Repeat::Accumulate` in the option table: `allow`, `match`, ...): every
    /// value, in order.
    List(Vec<String>),
}

impl std::fmt::Display for OptionText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OptionText::Scalar(s) => f.write_str(s),
            OptionText::List(items) => write!(f, "[{}]", items.join(", ")),
        }
    }
}

/// The impact of going from `old` to `new`, given `old` compiled (its template graphs give
/// the dependents of a changed template; its objects are reused when a full recompilation
/// is needed and they were kept).
///
/// ```
/// use pjconf_tenants::{ChangeKind, CompileOptions, Format, ModelSource, compile, impact};
///
/// let model = |context: &str| {
///     format!(
///         "[[tenants]]\nname = \"acme\"\ndomains = [\"acme.example\"]\n\
///          templates = [{{ name = \"phone\", endpoint = {{ context = \"{context}\" }} }}]\n\
///          lines = [{{ name = \"alice\", parents = [\"phone\"], password = \"pw\" }},\n\
///                   {{ name = \"bob\", parents = [\"phone\"], password = \"pw\" }}]\n"
///     )
/// };
/// let old = ModelSource::parse("old.toml", &model("acme_in"), Format::Toml).unwrap();
/// let new = ModelSource::parse("new.toml", &model("acme_out"), Format::Toml).unwrap();
/// let compiled = compile(&old, &CompileOptions::default());
/// let out = impact(&old, &compiled, &new);
/// assert!(!out.full_recompile);
/// let ids: Vec<&str> = out.changes.iter().map(|c| c.id.as_str()).collect();
/// assert_eq!(ids, ["alice@acme.example", "bob@acme.example"]);
/// assert_eq!(out.changes[0].kind, ChangeKind::Changed);
/// assert_eq!(out.changes[0].options[0].name, "context");
/// assert_eq!(out.changes[0].options[0].new.as_ref().unwrap().to_string(), "acme_out");
/// ```
pub fn impact(old: &ModelSource, old_compiled: &Compiled, new: &ModelSource) -> Impact {
    let Some(plan) = plan::plan(old, old_compiled, new) else {
        return full(old, old_compiled, new);
    };
    let mut diagnostics = Vec::new();
    let (old_objects, new_objects, kept) =
        plan::recompile(&plan, old, old_compiled, new, &mut diagnostics);
    let mut old_tagged = refs(&old_objects);
    old_tagged.extend(kept);
    let new_tagged = refs(&new_objects);
    let changes = diff::diff(&old_tagged, &new_tagged);
    let objects = diff::new_objects(&changes, &new_tagged);
    Impact {
        changes,
        full_recompile: false,
        diagnostics,
        objects,
    }
}

/// [`impact`] without a compilation of `old` at hand: compiles it first (without keeping
/// its objects).
pub fn impact_models(old: &ModelSource, new: &ModelSource) -> Impact {
    let options = CompileOptions {
        skip_objects: true,
        ..CompileOptions::default()
    };
    impact(old, &compile(old, &options), new)
}

fn refs<'a>(v: &'a [plan::Owned<'a>]) -> Vec<diff::Tagged<'a>> {
    v.iter().map(|(t, o)| (*t, o)).collect()
}

/// Both models whole.
fn full(old: &ModelSource, old_compiled: &Compiled, new: &ModelSource) -> Impact {
    let recompiled;
    let old_compiled = if old_compiled.origins.is_empty() {
        recompiled = compile(old, &CompileOptions::default());
        &recompiled
    } else {
        old_compiled
    };
    let new_compiled = compile(new, &CompileOptions::default());
    let old_objects = diff::tagged(&old.model, old_compiled);
    let new_objects = diff::tagged(&new.model, &new_compiled);
    let changes = diff::diff(&old_objects, &new_objects);
    let objects = diff::new_objects(&changes, &new_objects);
    Impact {
        changes,
        full_recompile: true,
        diagnostics: new_compiled.diagnostics,
        objects,
    }
}
