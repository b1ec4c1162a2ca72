//! Objects of both sides compared by (tenant, type, id); options by name.

use std::cmp::Ordering;

use pjconf_model::{PjsipObject, Repeat, lookup};

use super::{ChangeKind, ObjectChange, OptionChange, OptionText};
use crate::compiled::Compiled;
use crate::model::Model;

/// An object with its tenant's slug (`None`: the engine).
pub(super) type Tagged<'a> = (Option<&'a str>, &'a PjsipObject);

/// Every object of a compilation with its tenant's slug.
pub(super) fn tagged<'a>(model: &'a Model, compiled: &'a Compiled) -> Vec<Tagged<'a>> {
    compiled
        .objects
        .objects
        .iter()
        .zip(&compiled.origins)
        .map(|(o, origin)| {
            let tenant = origin
                .tenant
                .and_then(|t| model.tenants.get(t))
                .map(|t| t.name.as_str());
            (tenant, o)
        })
        .collect()
}

/// The objects of `new` behind the added and changed entries of `changes`, in their order.
pub(super) fn new_objects(changes: &[ObjectChange], new: &[Tagged<'_>]) -> Vec<PjsipObject> {
    let by_key: std::collections::HashMap<Key<'_>, &PjsipObject> =
        new.iter().map(|t| (key(t), t.1)).collect();
    changes
        .iter()
        .filter(|c| c.kind != ChangeKind::Removed)
        .filter_map(|c| {
            let wanted = (c.tenant.as_deref(), c.object_type.as_str(), c.id.as_str());
            by_key.get(&wanted).map(|&o| o.clone())
        })
        .collect()
}

type Key<'a> = (Option<&'a str>, &'static str, &'a str);

fn key<'a>(t: &Tagged<'a>) -> Key<'a> {
    (t.0, t.1.object_type.as_str(), t.1.id.as_str())
}

/// The order of [`Key`]s (tenant, type name, id), with shortcuts for the common cases: the
/// same slug slice (one side's objects of one tenant all borrow it) and the same type.
fn cmp_keys(a: &Key<'_>, b: &Key<'_>) -> Ordering {
    let tenant = match (a.0, b.0) {
        (Some(x), Some(y)) if std::ptr::eq(x, y) => Ordering::Equal,
        (x, y) => x.cmp(&y),
    };
    tenant
        .then_with(|| {
            if std::ptr::eq(a.1, b.1) {
                Ordering::Equal
            } else {
                a.1.cmp(b.1)
            }
        })
        .then_with(|| a.2.cmp(b.2))
}

/// Sorted by key, the last of equal keys kept.
fn sorted<'a>(items: &[Tagged<'a>]) -> Vec<(Key<'a>, &'a PjsipObject)> {
    // The position breaks ties, so the unstable sort keeps equal keys in input order.
    let mut v: Vec<(Key<'a>, usize)> = items.iter().enumerate().map(|(i, t)| (key(t), i)).collect();
    v.sort_unstable_by(|a, b| cmp_keys(&a.0, &b.0).then(a.1.cmp(&b.1)));
    let mut out: Vec<(Key<'a>, &'a PjsipObject)> = Vec::with_capacity(v.len());
    for (k, i) in v {
        let item = (k, items[i].1);
        match out.last_mut() {
            Some(last) if cmp_keys(&last.0, &item.0) == Ordering::Equal => *last = item,
            _ => out.push(item),
        }
    }
    out
}

/// The differences, sorted by tenant (engine first), type name and id. When a key occurs
/// twice on one side (only in an invalid model), the last object counts.
pub(super) fn diff(old: &[Tagged<'_>], new: &[Tagged<'_>]) -> Vec<ObjectChange> {
    let old = sorted(old);
    let new = sorted(new);
    let mut out = Vec::new();
    let change = |k: &Key<'_>, o: &PjsipObject, kind, options| ObjectChange {
        tenant: k.0.map(str::to_string),
        object_type: o.object_type,
        id: o.id.clone(),
        kind,
        options,
    };
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        let order = match (old.get(i), new.get(j)) {
            (Some(a), Some(b)) => cmp_keys(&a.0, &b.0),
            (Some(_), None) => std::cmp::Ordering::Less,
            _ => std::cmp::Ordering::Greater,
        };
        match order {
            std::cmp::Ordering::Less => {
                out.push(change(&old[i].0, old[i].1, ChangeKind::Removed, Vec::new()));
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(change(&new[j].0, new[j].1, ChangeKind::Added, Vec::new()));
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                let (a, b) = (old[i].1, new[j].1);
                if !same_options(a, b) {
                    out.push(change(&new[j].0, b, ChangeKind::Changed, options(a, b)));
                }
                i += 1;
                j += 1;
            }
        }
    }
    out
}

fn same_options(a: &PjsipObject, b: &PjsipObject) -> bool {
    a.options.len() == b.options.len()
        && a.options
            .iter()
            .zip(&b.options)
            .all(|(x, y)| x.key == y.key && x.value == y.value)
}

/// The values of each option name, in order, names sorted.
fn grouped(o: &PjsipObject) -> Vec<(&str, Vec<&str>)> {
    let mut pairs: Vec<(&str, &str)> = o
        .options
        .iter()
        .map(|v| (v.key.as_str(), v.value.as_str()))
        .collect();
    // Stable: the values of one name keep their order.
    pairs.sort_by(|a, b| a.0.cmp(b.0));
    let mut out: Vec<(&str, Vec<&str>)> = Vec::new();
    for (k, v) in pairs {
        match out.last_mut() {
            Some((name, values)) if *name == k => values.push(v),
            _ => out.push((k, vec![v])),
        }
    }
    out
}

/// An option's effective value: every value of a list option, the last of a scalar one.
fn text(list: bool, values: &[&str]) -> Option<OptionText> {
    let last = values.last()?;
    Some(if list {
        OptionText::List(values.iter().map(|v| (*v).to_string()).collect())
    } else {
        OptionText::Scalar((*last).to_string())
    })
}

/// The options whose effective value differs, by name. The option table is consulted only
/// for names whose written values differ.
fn options<'a>(old: &'a PjsipObject, new: &'a PjsipObject) -> Vec<OptionChange> {
    let (a, b) = if old.options.len() == new.options.len()
        && old
            .options
            .iter()
            .zip(&new.options)
            .all(|(x, y)| x.key == y.key)
    {
        // The usual case: the same names in the same order, some values differ. Only the
        // names with a differing value are grouped.
        let mut names: Vec<&'a str> = old
            .options
            .iter()
            .zip(&new.options)
            .filter(|(x, y)| x.value != y.value)
            .map(|(x, _)| x.key.as_str())
            .collect();
        names.sort_unstable();
        names.dedup();
        (only(&names, old), only(&names, new))
    } else {
        (grouped(old), grouped(new))
    };
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    let none: Vec<&str> = Vec::new();
    while i < a.len() || j < b.len() {
        let order = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) => x.0.cmp(y.0),
            (Some(_), None) => std::cmp::Ordering::Less,
            _ => std::cmp::Ordering::Greater,
        };
        let (name, ov, nv) = match order {
            std::cmp::Ordering::Less => {
                i += 1;
                (a[i - 1].0, &a[i - 1].1, &none)
            }
            std::cmp::Ordering::Greater => {
                j += 1;
                (b[j - 1].0, &none, &b[j - 1].1)
            }
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
                (a[i - 1].0, &a[i - 1].1, &b[j - 1].1)
            }
        };
        if ov == nv {
            continue;
        }
        let list = lookup(new.object_type, name).is_some_and(|s| s.repeat == Repeat::Accumulate);
        let (ot, nt) = (text(list, ov), text(list, nv));
        if ot != nt {
            out.push(OptionChange {
                name: name.to_string(),
                old: ot,
                new: nt,
            });
        }
    }
    out
}

/// The values of the given names, in order.
fn only<'a>(names: &[&'a str], o: &'a PjsipObject) -> Vec<(&'a str, Vec<&'a str>)> {
    names
        .iter()
        .map(|&n| {
            let values = o
                .options
                .iter()
                .filter(|v| v.key == n)
                .map(|v| v.value.as_str())
                .collect();
            (n, values)
        })
        .collect()
}
