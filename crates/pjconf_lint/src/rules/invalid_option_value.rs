use crate::hash::FxHashSet;

use pjconf_diagnostics::Diagnostic;

use crate::rules::describe;
use crate::{LintContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Flags a value Asterisk fails to parse for its option: a word where a number is needed
    /// (`max_contacts = lots`), a value outside the accepted set (`dtmf_mode = rfc2833`), an
    /// unknown codec (`allow = g729a`), a bad address or URI. The help lists the accepted
    /// forms and, when one is close, the value that was probably meant.
    ///
    /// ## Why is this bad?
    /// Asterisk logs `Error parsing <option>=<value>` and drops the WHOLE object: the
    /// endpoint (or aor, transport, ...) does not exist at all.
    ///
    /// A value inherited from a template is reported once, at the template's line.
    ///
    /// ## Example
    /// ```ini
    /// [6001]
    /// type = aor
    /// max_contacts = lots
    /// ```
    ///
    /// Use instead:
    /// ```ini
    /// [6001]
    /// type = aor
    /// max_contacts = 1
    /// ```
    pub(crate) struct InvalidOptionValue {
        code: "PJ204",
        name: "invalid-option-value",
        severity: Error,
        summary: "a value Asterisk fails to parse, which makes it drop the whole object",
    }
}

impl Rule for InvalidOptionValue {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let mut reported = FxHashSet::default();
        for finding in cx.value_findings() {
            let Err(problem) = &finding.outcome else {
                continue;
            };
            let object = &cx.objects.objects[finding.object];
            let value = &object.options[finding.option];
            if !reported.insert(value.value_span) {
                continue;
            }
            let mut d = problem
                .to_diagnostic(Self::META.code, value.value_span)
                .with_label(
                    value.value_span,
                    format!("invalid `{}` in {}", value.key, describe(object)),
                );
            if let Some(template) = &value.inherited_from {
                d = d.with_note(format!(
                    "inherited from template `{template}`: every section using it is dropped"
                ));
            }
            out.push(d);
        }
    }
}
