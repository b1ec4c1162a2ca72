use crate::hash::FxHashSet;

use pjconf_diagnostics::Diagnostic;
use pjconf_model::{NameMatch, ObjectType, lookup, suggest};

use crate::rules::describe;
use crate::{LintContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Flags an option name that the object's type does not have (`direct_meda` in an
    /// endpoint, `max_contacts` in an endpoint instead of its aor), with the closest known
    /// name when there is one.
    ///
    /// ## Why is this bad?
    /// Asterisk logs `Could not find option suitable for category ...` and drops the WHOLE
    /// object: an endpoint with one misspelt option does not exist at all, and the options
    /// after it are never checked.
    ///
    /// An option inherited from a template is reported once, at the template's line.
    ///
    /// ## Example
    /// ```ini
    /// [6001]
    /// type = endpoint
    /// direct_meda = no
    /// ```
    ///
    /// Use instead:
    /// ```ini
    /// [6001]
    /// type = endpoint
    /// direct_media = no
    /// ```
    pub(crate) struct UnknownOption {
        code: "PJ203",
        name: "unknown-option",
        severity: Error,
        summary: "an option the object's type does not have, which makes Asterisk drop the whole object",
    }
}

impl Rule for UnknownOption {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let mut reported = FxHashSet::default();
        for (position, object) in cx.objects.objects.iter().enumerate() {
            if !object.object_type.is_config_loadable() {
                continue;
            }
            for (value, spec) in object.options.iter().zip(cx.specs(position)) {
                if spec.is_some() || !reported.insert(value.key_span) {
                    continue;
                }
                let mut d = Diagnostic::error(
                    Self::META.code,
                    format!("unknown option `{}` in {}", value.key, describe(object)),
                    value.key_span,
                )
                .with_label(
                    value.key_span,
                    format!("not an option of type `{}`", object.object_type),
                )
                .with_note(format!(
                    "Asterisk drops the whole {} (\"Could not find option suitable for category\")",
                    describe(object)
                ));
                if let Some(template) = &value.inherited_from {
                    d = d.with_note(format!(
                        "inherited from template `{template}`: every section using it is dropped"
                    ));
                }
                d = match suggest(object.object_type, &value.key) {
                    Some(name) => d.with_help(format!("did you mean `{name}`?")),
                    None => match other_type_with(object.object_type, &value.key) {
                        Some(other) => d.with_help(format!(
                            "`{}` is an option of `{other}` objects, not `{}` ones: move it to a `type = {other}` section",
                            value.key, object.object_type
                        )),
                        None => d.with_help("remove the line"),
                    },
                };
                out.push(d);
            }
        }
    }
}

/// The first other type that has an option named exactly `key` (pattern rows not counted).
fn other_type_with(object_type: ObjectType, key: &str) -> Option<ObjectType> {
    ObjectType::ALL.into_iter().find(|&t| {
        t != object_type
            && t.is_config_loadable()
            && lookup(t, key).is_some_and(|spec| spec.name_match == NameMatch::Exact)
    })
}
