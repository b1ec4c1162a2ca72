use pjconf_diagnostics::Diagnostic;

use crate::{LintContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Flags a second section with the same name AND the same type as an earlier one
    /// (`[6001] type=endpoint` twice). Sections with the same name and different types
    /// (`[6001] type=endpoint` and `[6001] type=aor`) are normal PJSIP style and are not
    /// flagged. Names are compared exactly (`[Alice]` and `[alice]` are different objects).
    /// `global` and `system` are left to `duplicate-singleton`.
    ///
    /// ## Why is this bad?
    /// Asterisk logs `configuration contains a duplicate object` and rejects EVERY object of
    /// that type in the file, not just the duplicated one: one copied endpoint section takes
    /// all endpoints down (on a reload, the old objects stay).
    ///
    /// ## Example
    /// ```ini
    /// [6001]
    /// type = endpoint
    /// context = from-phones
    ///
    /// [6001]
    /// type = endpoint
    /// context = from-office
    /// ```
    ///
    /// Use instead: one `[6001]` endpoint section, or `[6001](+)` to add lines to the first.
    pub(crate) struct DuplicateObject {
        code: "PJ209",
        name: "duplicate-object",
        severity: Error,
        summary: "two sections with the same name and type, which makes Asterisk reject every object of that type",
    }
}

impl Rule for DuplicateObject {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for (position, object) in cx.objects.objects.iter().enumerate() {
            let object_type = object.object_type;
            if object_type.is_single_object() || !object_type.is_config_loadable() {
                continue;
            }
            let first = cx.first_of(position);
            if first == position {
                continue;
            }
            let earlier = cx.objects.objects[first].id_span;
            out.push(
                Diagnostic::error(
                    Self::META.code,
                    format!("duplicate {object_type} `{}`", object.id),
                    object.id_span,
                )
                .with_label(object.id_span, format!("second {object_type} named `{}`", object.id))
                .with_secondary(earlier, "first defined here")
                .with_note(format!(
                    "Asterisk rejects EVERY {object_type} object in the file (\"configuration contains a duplicate object\"), not just this one"
                ))
                .with_help(format!(
                    "merge the two sections, rename one, or write `[{}](+)` to add lines to the first",
                    object.id
                )),
            );
        }
    }
}
