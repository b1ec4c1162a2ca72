use crate::hash::FxHashSet;

use pjconf_diagnostics::Diagnostic;
use pjconf_model::WarningKind;

use crate::rules::describe;
use crate::{LintContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Flags a value Asterisk accepts but probably reads differently from what was meant:
    /// a boolean spelt neither true nor false (`direct_media = enabled` silently means
    /// `no`), a number with a leading `0` (read as octal) or trailing text (dropped), part
    /// of a value ignored, or a deprecated option.
    ///
    /// ## Why is this bad?
    /// The object loads, so nothing in the log points at the line, yet it behaves
    /// differently from how the configuration reads.
    ///
    /// ## Example
    /// ```ini
    /// [6001]
    /// type = endpoint
    /// direct_media = enabled
    /// ```
    ///
    /// Use instead:
    /// ```ini
    /// [6001]
    /// type = endpoint
    /// direct_media = yes
    /// ```
    pub(crate) struct SuspiciousOptionValue {
        code: "PJ205",
        name: "suspicious-option-value",
        severity: Warning,
        summary: "a value Asterisk accepts but reads differently from how it looks (e.g. a boolean that is silently false)",
    }
}

impl Rule for SuspiciousOptionValue {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let mut reported = FxHashSet::default();
        for finding in cx.value_findings() {
            let Ok(checked) = &finding.outcome else {
                continue;
            };
            let Some(warning) = &checked.warning else {
                continue;
            };
            let object = &cx.objects.objects[finding.object];
            let value = &object.options[finding.option];
            if !reported.insert(value.value_span) {
                continue;
            }
            let label = match &checked.effective {
                Some(effective) => format!("Asterisk reads this as `{effective}`"),
                None => format!("`{}` of {}", value.key, describe(object)),
            };
            let mut d = warning
                .to_diagnostic(Self::META.code, value.value_span)
                .with_label(value.value_span, label);
            if warning.kind == WarningKind::SilentlyFalse {
                d = d.with_help("write `yes` or `no`");
            }
            if let Some(template) = &value.inherited_from {
                d = d.with_note(format!("inherited from template `{template}`"));
            }
            out.push(d);
        }
    }
}
