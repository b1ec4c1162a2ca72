use pjconf_diagnostics::Diagnostic;
use pjconf_model::ObjectType;

use crate::rules::describe;
use crate::{LintContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Flags a section of a runtime-only type: `type = contact` or
    /// `type = subscription_persistence`.
    ///
    /// ## Why is this bad?
    /// These objects exist only at run time (Asterisk stores them in its internal database
    /// when phones register or subscribe). A pjsip.conf section of such a type is silently
    /// ignored: a "static contact" written this way never exists.
    ///
    /// ## Example
    /// ```ini
    /// [6001-desk]
    /// type = contact
    /// uri = sip:6001@192.0.2.10
    /// ```
    ///
    /// Use instead: a permanent contact in the aor.
    /// ```ini
    /// [6001]
    /// type = aor
    /// contact = sip:6001@192.0.2.10
    /// ```
    pub(crate) struct IgnoredObjectType {
        code: "PJ215",
        name: "ignored-object-type",
        severity: Warning,
        summary: "a `contact` or `subscription_persistence` section, which pjsip.conf cannot create (runtime-only types)",
    }
}

impl Rule for IgnoredObjectType {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for object in &cx.objects.objects {
            if object.object_type.is_config_loadable() {
                continue;
            }
            let span = object
                .options
                .iter()
                .find(|v| v.key.eq_ignore_ascii_case("type"))
                .map_or(object.id_span, |v| v.value_span);
            let mut d = Diagnostic::warning(
                Self::META.code,
                format!(
                    "{} is ignored: `{}` objects are runtime-only",
                    describe(object),
                    object.object_type
                ),
                span,
            )
            .with_label(
                span,
                "Asterisk creates these at run time, never from pjsip.conf",
            )
            .with_note("Asterisk silently ignores this section");
            d = match object.object_type {
                ObjectType::Contact => {
                    d.with_help("for a permanent contact, write `contact = sip:...` in the aor")
                }
                _ => d.with_help("remove the section"),
            };
            out.push(d);
        }
    }
}
