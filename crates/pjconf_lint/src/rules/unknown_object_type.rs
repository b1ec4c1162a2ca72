use pjconf_diagnostics::Diagnostic;
use pjconf_model::{NotAnObject, ObjectType};

use crate::suggest::{KEYWORD_THRESHOLD, closest};
use crate::{LintContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Flags a section whose first `type` value names no PJSIP object type: a typo
    /// (`type = endpiont`), another letter case (`type = Endpoint`), or a type that belongs
    /// to another file (`type = wizard` is read from pjsip_wizard.conf only).
    ///
    /// ## Why is this bad?
    /// res_sorcery_config compares the first `type` value with each registered type byte
    /// for byte (case-sensitive `strcmp`). A section that matches none is ignored without
    /// any message, so the object it describes silently does not exist.
    ///
    /// ## Example
    /// ```ini
    /// [6001]
    /// type = Endpoint
    /// ```
    ///
    /// Use instead:
    /// ```ini
    /// [6001]
    /// type = endpoint
    /// ```
    pub(crate) struct UnknownObjectType {
        code: "PJ202",
        name: "unknown-object-type",
        severity: Error,
        summary: "a `type` value that names no object type (misspelt or in another letter case), so the section is ignored",
    }
}

impl Rule for UnknownObjectType {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for unclassified in &cx.objects.unclassified {
            let NotAnObject::UnknownType(type_value) = &unclassified.reason else {
                continue;
            };
            let written = type_value.value.as_str();
            let span = type_value.value_span;
            let message = if written.is_empty() {
                "empty object type".to_owned()
            } else {
                format!("unknown object type `{written}`")
            };
            let mut d = Diagnostic::error(Self::META.code, message, span)
                .with_label(span, "not a PJSIP object type")
                .with_note(format!(
                    "Asterisk silently ignores section `{}`: no object is created",
                    unclassified.section.name
                ));
            let names = ObjectType::ALL.map(ObjectType::as_str);
            let other_case = names
                .iter()
                .copied()
                .find(|name| name.eq_ignore_ascii_case(written.trim()));
            d = if let Some(name) = other_case {
                d.with_help(format!(
                    "did you mean `type = {name}`? (types are case-sensitive)"
                ))
            } else if let Some(name) = closest(written, names.iter().copied(), KEYWORD_THRESHOLD) {
                d.with_help(format!("did you mean `type = {name}`?"))
            } else if written.eq_ignore_ascii_case("wizard") {
                d.with_help(
                    "`type = wizard` sections are read from pjsip_wizard.conf, not pjsip.conf",
                )
            } else {
                d.with_help(format!("use one of: {}", names.join(", ")))
            };
            out.push(d);
        }
    }
}
