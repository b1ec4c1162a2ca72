//! The names reference options point at, as Asterisk ends up reading them.

use pjconf_diagnostics::Span;
use pjconf_model::{ObjectType, OptionSpec, Repeat, SectionValue, list_items};

use crate::LintContext;

/// One name a reference option points at.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RefItem<'a> {
    /// Position of the referring object in `ObjectSet::objects`.
    pub(crate) object: usize,
    /// The option row (its `reference` is set).
    pub(crate) spec: &'static OptionSpec,
    /// The type of the named object.
    pub(crate) target: ObjectType,
    /// The line.
    pub(crate) value: &'a SectionValue,
    /// One name from the value (list values are split at `,` and trimmed).
    pub(crate) name: &'a str,
    /// The position of the object the name resolves to, if one exists.
    pub(crate) resolved: Option<usize>,
}

/// The references that take effect, for every object in order: for a replacing option
/// (`aors`, `auth`, `transport`, ...) only its last line, for an accumulating one every line.
/// Runtime-only objects (`contact`, `subscription_persistence`) have none: Asterisk ignores
/// their sections.
pub(crate) fn collect_references<'a>(cx: &LintContext<'a>) -> Vec<RefItem<'a>> {
    let mut found = Vec::new();
    let mut seen: Vec<&'static str> = Vec::new();
    for (position, object) in cx.objects.objects.iter().enumerate() {
        if !object.object_type.is_config_loadable() {
            continue;
        }
        seen.clear();
        let object_start = found.len();
        for (value, spec) in object.options.iter().zip(cx.specs(position)).rev() {
            let Some(spec) = spec else { continue };
            let Some(reference) = spec.reference else {
                continue;
            };
            if spec.repeat == Repeat::Replace {
                if seen.contains(&spec.name) {
                    continue;
                }
                seen.push(spec.name);
            }
            let start = found.len();
            let mut push = |name: &'a str| {
                found.push(RefItem {
                    object: position,
                    spec,
                    target: reference.target,
                    value,
                    name,
                    resolved: cx.first_position(reference.target, name),
                });
            };
            if reference.list {
                list_items(&value.value).for_each(&mut push);
            } else if !value.value.trim().is_empty() {
                push(value.value.trim());
            }
            found[start..].reverse();
        }
        found[object_start..].reverse();
    }
    found
}

/// Where `item` (a slice of `value.value`) is written: its own bytes when the value is
/// written as stored (no escapes, no `+=`), else the whole value.
pub(crate) fn item_span(value: &SectionValue, item: &str) -> Span {
    let span = value.value_span;
    let offset = (item.as_ptr() as usize).wrapping_sub(value.value.as_ptr() as usize);
    if span.len() as usize != value.value.len() || offset + item.len() > value.value.len() {
        return span;
    }
    let start = span.start + offset as u32;
    Span::new(span.file, start, start + item.len() as u32)
}
