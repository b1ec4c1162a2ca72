//! Object-level difference between two PJSIP configurations, after template resolution.
//!
//! Objects are compared by (type, id): templates are flattened first, so the order of
//! sections and lines, formatting, comments and how a value was inherited do not matter.
//! For each object present on both sides, every option whose effective value differs is
//! reported: scalar options compare their last value, repeatable options
//! ([`Repeat::Accumulate`]: codecs, ACL lines, identify `match`, aor `contact`, `set_var`...)
//! compare the full ordered list of values.
//!
//! ```
//! use pjconf_diff::{Diff, diff_objects, objects_from_text};
//!
//! let a = objects_from_text("[t](!)\ntype=endpoint\ncontext=a\n[6001](t)\nallow=ulaw\n");
//! let b = objects_from_text("; same object, written out\n[6001]\nallow=ulaw\ncontext=b\ntype=endpoint\n");
//! let diff: Diff = diff_objects(&a, &b);
//! assert_eq!(diff.changes.len(), 1);
//! assert_eq!(diff.to_human(), "~ endpoint 6001\n    context: \"a\" -> \"b\"\n");
//! ```
//!
//! No I/O beyond what the caller's loaded configuration already did, no printing.

#![warn(missing_docs)]

use std::collections::BTreeMap;
use std::fmt::Write as _;

use pjconf_model::{NameMatch, ObjectSet, ObjectType, PjsipObject, Repeat, lookup};
use pjconf_syntax::{LoadOptions, LoadedConfig, MemoryLoader, load_text};
use serde::Serialize;

/// The effective value of one option of one object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum OptionValue {
    /// A scalar option: its last value (absent: `null` in JSON).
    Scalar(Option<String>),
    /// A repeatable option: every value, in order (absent: empty).
    List(Vec<String>),
}

impl OptionValue {
    fn render(&self) -> String {
        match self {
            OptionValue::Scalar(None) => "(unset)".to_string(),
            OptionValue::Scalar(Some(v)) => format!("{v:?}"),
            OptionValue::List(items) if items.is_empty() => "(unset)".to_string(),
            OptionValue::List(items) => {
                let quoted: Vec<String> = items.iter().map(|v| format!("{v:?}")).collect();
                format!("[{}]", quoted.join(", "))
            }
        }
    }
}

/// One option that differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OptionChange {
    /// The option name (lower case; the registered name when the option table knows it).
    pub option: String,
    /// Its value in the first configuration.
    pub before: OptionValue,
    /// Its value in the second.
    pub after: OptionValue,
}

/// What happened to one object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Only in the second configuration.
    Added,
    /// Only in the first.
    Removed,
    /// In both, with different options.
    Changed,
}

/// One object that differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObjectChange {
    /// Added, removed or changed.
    pub kind: ChangeKind,
    /// The object type (`endpoint`...).
    #[serde(rename = "type")]
    pub object_type: &'static str,
    /// The object id.
    pub id: String,
    /// The options that differ (for added and removed objects: every option).
    pub options: Vec<OptionChange>,
}

/// The difference between two configurations: every object that differs, sorted by type (in
/// the reference table's order) and id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// The objects that differ.
    pub changes: Vec<ObjectChange>,
}

impl Diff {
    /// True when both configurations define the same objects with the same values.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// A human-readable listing: `+`/`-`/`~` with type and id, then one line per option.
    pub fn to_human(&self) -> String {
        let mut out = String::new();
        for change in &self.changes {
            let sign = match change.kind {
                ChangeKind::Added => '+',
                ChangeKind::Removed => '-',
                ChangeKind::Changed => '~',
            };
            let _ = writeln!(out, "{sign} {} {}", change.object_type, change.id);
            for option in &change.options {
                let _ = match change.kind {
                    ChangeKind::Added => {
                        writeln!(out, "    {} = {}", option.option, option.after.render())
                    }
                    ChangeKind::Removed => {
                        writeln!(out, "    {} = {}", option.option, option.before.render())
                    }
                    ChangeKind::Changed => writeln!(
                        out,
                        "    {}: {} -> {}",
                        option.option,
                        option.before.render(),
                        option.after.render()
                    ),
                };
            }
        }
        out
    }
}

/// The effective options of one object: option name -> value, sorted by name.
pub fn effective_options(object: &PjsipObject) -> BTreeMap<String, OptionValue> {
    let mut out: BTreeMap<String, OptionValue> = BTreeMap::new();
    for line in &object.options {
        if line.key.eq_ignore_ascii_case("type") {
            continue;
        }
        let spec = lookup(object.object_type, &line.key);
        let name = match spec {
            Some(spec) if spec.name_match == NameMatch::Exact => spec.name.to_string(),
            _ => line.key.to_ascii_lowercase(),
        };
        let list = spec.is_some_and(|s| s.repeat == Repeat::Accumulate);
        match out.entry(name) {
            std::collections::btree_map::Entry::Vacant(e) => {
                e.insert(if list {
                    OptionValue::List(vec![line.value.clone()])
                } else {
                    OptionValue::Scalar(Some(line.value.clone()))
                });
            }
            std::collections::btree_map::Entry::Occupied(mut e) => match e.get_mut() {
                OptionValue::List(items) => items.push(line.value.clone()),
                scalar => *scalar = OptionValue::Scalar(Some(line.value.clone())),
            },
        }
    }
    out
}

fn absent_like(value: &OptionValue) -> OptionValue {
    match value {
        OptionValue::Scalar(_) => OptionValue::Scalar(None),
        OptionValue::List(_) => OptionValue::List(Vec::new()),
    }
}

type Index<'a> = BTreeMap<(usize, &'a str), (ObjectType, &'a PjsipObject)>;

fn index(objects: &[PjsipObject]) -> Index<'_> {
    // A later object with the same type and id replaces an earlier one.
    objects
        .iter()
        .map(|o| {
            let rank = ObjectType::ALL
                .iter()
                .position(|t| *t == o.object_type)
                .unwrap_or(usize::MAX);
            ((rank, o.id.as_str()), (o.object_type, o))
        })
        .collect()
}

/// The difference between two sets of (flattened) objects.
pub fn diff_objects(a: &[PjsipObject], b: &[PjsipObject]) -> Diff {
    let left = index(a);
    let right = index(b);
    let mut keys: Vec<&(usize, &str)> = left.keys().chain(right.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut changes = Vec::new();
    for key in keys {
        match (left.get(key), right.get(key)) {
            (Some((t, before)), None) => changes.push(ObjectChange {
                kind: ChangeKind::Removed,
                object_type: t.as_str(),
                id: before.id.clone(),
                options: effective_options(before)
                    .into_iter()
                    .map(|(option, v)| OptionChange {
                        option,
                        after: absent_like(&v),
                        before: v,
                    })
                    .collect(),
            }),
            (None, Some((t, after))) => changes.push(ObjectChange {
                kind: ChangeKind::Added,
                object_type: t.as_str(),
                id: after.id.clone(),
                options: effective_options(after)
                    .into_iter()
                    .map(|(option, v)| OptionChange {
                        option,
                        before: absent_like(&v),
                        after: v,
                    })
                    .collect(),
            }),
            (Some((t, before)), Some((_, after))) => {
                let mut x = effective_options(before);
                let mut y = effective_options(after);
                let mut names: Vec<String> = x.keys().chain(y.keys()).cloned().collect();
                names.sort();
                names.dedup();
                let options: Vec<OptionChange> = names
                    .into_iter()
                    .filter_map(|name| {
                        let old = x.remove(&name);
                        let new = y.remove(&name);
                        let (old, new) = match (old, new) {
                            (Some(o), Some(n)) => (o, n),
                            (Some(o), None) => {
                                let n = absent_like(&o);
                                (o, n)
                            }
                            (None, Some(n)) => (absent_like(&n), n),
                            (None, None) => return None,
                        };
                        (old != new).then_some(OptionChange {
                            option: name,
                            before: old,
                            after: new,
                        })
                    })
                    .collect();
                if !options.is_empty() {
                    changes.push(ObjectChange {
                        kind: ChangeKind::Changed,
                        object_type: t.as_str(),
                        id: before.id.clone(),
                        options,
                    });
                }
            }
            (None, None) => {}
        }
    }
    Diff { changes }
}

/// The objects of a loaded configuration: templates resolved and flattened
/// ([`pjconf_lint::resolve_sections`]), sections classified ([`ObjectSet::classify`]).
pub fn objects_of(config: &LoadedConfig) -> Vec<PjsipObject> {
    ObjectSet::classify(pjconf_lint::resolve_sections(config).sections).objects
}

/// The objects of pjsip.conf text without includes (for tests and examples).
pub fn objects_from_text(text: &str) -> Vec<PjsipObject> {
    let config = load_text(
        &MemoryLoader::new(),
        "pjsip.conf",
        text.as_bytes().to_vec(),
        &LoadOptions::default(),
    );
    objects_of(&config)
}

/// The difference between two loaded configurations.
pub fn diff_configs(a: &LoadedConfig, b: &LoadedConfig) -> Diff {
    diff_objects(&objects_of(a), &objects_of(b))
}
