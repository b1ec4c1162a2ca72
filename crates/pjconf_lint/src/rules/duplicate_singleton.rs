use pjconf_diagnostics::{Diagnostic, Span};
use pjconf_model::ObjectType;

use crate::{LintContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Flags every `type = global` or `type = system` section after the first one of that
    /// type, whatever the sections are named.
    ///
    /// ## Why is this bad?
    /// `global` and `system` are registered as single objects: Asterisk accepts one section
    /// of each type, and rejects the configuration of that type when there are more. Settings
    /// spread over two `[global]` sections do not merge.
    ///
    /// ## Example
    /// ```ini
    /// [global]
    /// type = global
    /// user_agent = PBX
    ///
    /// [global]
    /// type = global
    /// endpoint_identifier_order = ip,username
    /// ```
    ///
    /// Use instead: one `[global]` section with both options, or `[global](+)` for the
    /// second.
    pub(crate) struct DuplicateSingleton {
        code: "PJ210",
        name: "duplicate-singleton",
        severity: Error,
        summary: "more than one `global` or more than one `system` object",
    }
}

impl Rule for DuplicateSingleton {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for object_type in [ObjectType::Global, ObjectType::System] {
            let mut first: Option<Span> = None;
            for (_, object) in cx.of_type(object_type) {
                let Some(earlier) = first else {
                    first = Some(object.id_span);
                    continue;
                };
                out.push(
                    Diagnostic::error(
                        Self::META.code,
                        format!("more than one `{object_type}` object"),
                        object.id_span,
                    )
                    .with_label(object.id_span, format!("another `type = {object_type}` section"))
                    .with_secondary(earlier, format!("the first `{object_type}` section"))
                    .with_note(format!(
                        "`{object_type}` is a single object: Asterisk rejects more than one section of the type"
                    ))
                    .with_help(format!(
                        "merge the options into one `[{object_type}]` section, or write `[{object_type}](+)`"
                    )),
                );
            }
        }
    }
}
