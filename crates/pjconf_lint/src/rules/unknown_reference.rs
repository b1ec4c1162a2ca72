use pjconf_diagnostics::Diagnostic;
use pjconf_model::NotAnObject;

use crate::hash::FxHashSet;
use crate::refs::{RefItem, item_span};
use crate::rules::describe;
use crate::suggest::closest_id;
use crate::{LintContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Flags a name in a reference option that no object of the referenced type has:
    /// endpoint `aors`, `auth`, `outbound_auth` and `transport`, registration
    /// `outbound_auth`, `transport` and `endpoint`, identify `endpoint`, and the other
    /// options the option table marks as references. List values are split at `,` and
    /// trimmed. Only the line that takes effect is checked: for an option where a later line
    /// replaces an earlier one (`aors`, `auth`, ...), the last line.
    ///
    /// Ids are compared exactly, as Sorcery does (`Alice` is not `alice`). The help offers
    /// an id that differs only in letter case or is close, and says when the name is a
    /// template or a section that never became an object.
    ///
    /// ## Why is this bad?
    /// Asterisk says nothing at load time. The endpoint shows as `Unavailable`; a REGISTER
    /// gets `404 Not Found` (`AOR '' not found`), a challenge with a missing auth fails with
    /// `500`, an identify naming a missing endpoint never matches. The failure shows only
    /// when a phone tries to use it.
    ///
    /// ## Example
    /// ```ini
    /// [6001]
    /// type = endpoint
    /// aors = 6001
    /// auth = 6001-auth
    ///
    /// [6001]
    /// type = aor
    ///
    /// [6001-auht]
    /// type = auth
    /// username = 6001
    /// password = secret
    /// ```
    ///
    /// Use instead: name the auth `6001-auth`, or write `auth = 6001-auht`.
    pub(crate) struct UnknownReference {
        code: "PJ206",
        name: "unknown-reference",
        severity: Error,
        summary: "a reference (`aors`, `auth`, `transport`, identify `endpoint`, ...) that names no object of that type",
    }
}

impl Rule for UnknownReference {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let mut reported = FxHashSet::default();
        for item in cx.references() {
            if item.resolved.is_none() && reported.insert((item.value.value_span, item.name)) {
                out.push(report(cx, item));
            }
        }
    }
}

fn report(cx: &LintContext<'_>, item: &RefItem<'_>) -> Diagnostic {
    let object = &cx.objects.objects[item.object];
    let span = item_span(item.value, item.name);
    let mut d = Diagnostic::error(
        UnknownReference::META.code,
        format!(
            "`{}` of {} names {} `{}`, which does not exist",
            item.spec.name,
            describe(object),
            item.target,
            item.name
        ),
        span,
    )
    .with_label(span, format!("no {} named `{}`", item.target, item.name))
    .with_note(
        "Asterisk loads this silently; it fails only when the reference is used at run time",
    );
    let section = cx.unclassified(item.name);
    if let Some(section) = section {
        d = d.with_secondary(
            section.section.name_span,
            match section.reason {
                NotAnObject::Template => "a template, which never becomes an object",
                NotAnObject::NoType => "a section without `type`, ignored by Asterisk",
                NotAnObject::UnknownType(_) => {
                    "a section with an unknown `type`, ignored by Asterisk"
                }
            },
        );
    }
    let target = item.target;
    d = match (
        closest_id(cx, target, item.name),
        section.map(|s| &s.reason),
    ) {
        (Some(other), _) => {
            if let Some(found) = cx.find(target, other) {
                d = d.with_secondary(found.id_span, format!("{target} `{other}`"));
            }
            d.with_help(format!("did you mean `{other}`?"))
        }
        (None, Some(NotAnObject::Template)) => d.with_help(format!(
            "name a {target} section that inherits from the template, or remove `(!)` from `[{}]`",
            item.name
        )),
        (None, Some(NotAnObject::NoType | NotAnObject::UnknownType(_))) => d.with_help(format!(
            "give section `[{}]` the line `type = {target}`",
            item.name
        )),
        (None, None) => d.with_help(format!(
            "add a section `[{}]` with `type = {target}`, or fix the name",
            item.name
        )),
    };
    if let Some(template) = &item.value.inherited_from {
        d = d.with_note(format!("inherited from template `{template}`"));
    }
    d
}
