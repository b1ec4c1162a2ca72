use pjconf_diagnostics::Diagnostic;
use pjconf_model::{NotAnObject, ObjectType, lookup};

use crate::{LintContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Flags a section that is not a template and has no `type` line.
    ///
    /// ## Why is this bad?
    /// res_sorcery_config picks the object type from the section's first `type` value. A
    /// section without one matches no type, and Asterisk ignores it without any message:
    /// the endpoint, aor or auth it was meant to be simply does not exist. (The one
    /// exception is a section named `global` or `system` whose every option is known to that
    /// type; it is not flagged.)
    ///
    /// When the section's options all belong to one type, the help names it.
    ///
    /// ## Example
    /// ```ini
    /// [6001]
    /// context = from-phones
    /// aors = 6001
    /// ```
    ///
    /// Use instead:
    /// ```ini
    /// [6001]
    /// type = endpoint
    /// context = from-phones
    /// aors = 6001
    /// ```
    pub(crate) struct SectionWithoutType {
        code: "PJ201",
        name: "section-without-type",
        severity: Warning,
        summary: "a non-template section with no `type` line, which Asterisk silently ignores",
    }
}

impl Rule for SectionWithoutType {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for unclassified in &cx.objects.unclassified {
            if unclassified.reason != NotAnObject::NoType {
                continue;
            }
            let section = &unclassified.section;
            if is_explicit_singleton(&section.name, section.values.iter().map(|v| v.key.as_str())) {
                continue;
            }
            let mut d = Diagnostic::warning(
                Self::META.code,
                format!("section `{}` has no `type`", section.name),
                section.name_span,
            )
            .with_label(section.name_span, "no `type` line in this section")
            .with_note(
                "Asterisk silently ignores a section without a `type`: no object is created",
            );
            let explicit = [ObjectType::Global, ObjectType::System]
                .into_iter()
                .find(|t| t.explicit_name() == Some(section.name.as_str()));
            d = match (explicit, guess_type(section.values.iter().map(|v| v.key.as_str()))) {
                (Some(single), _) => d.with_help(format!(
                    "add `type = {single}`: a `[{single}]` section without it is read only when every option is a {single} option"
                )),
                (None, Some(guess)) => d.with_help(format!(
                    "its options are all `{guess}` options: add `type = {guess}`"
                )),
                (None, None) => d.with_help(
                    "add a `type = ...` line, or mark the section a template with `(!)`",
                ),
            };
            out.push(d);
        }
    }
}

/// `[global]` / `[system]` whose every key is an option of that type: accepted without
/// `type` (explicit_name).
fn is_explicit_singleton<'a>(name: &str, mut keys: impl Iterator<Item = &'a str>) -> bool {
    [ObjectType::Global, ObjectType::System]
        .into_iter()
        .find(|t| t.explicit_name() == Some(name))
        .is_some_and(|t| keys.all(|key| lookup(t, key).is_some()))
}

/// The one config-loadable type every key is an option of, if exactly one fits.
fn guess_type<'a>(keys: impl Iterator<Item = &'a str> + Clone) -> Option<ObjectType> {
    keys.clone().next()?;
    let mut fits = ObjectType::ALL.into_iter().filter(|&t| {
        t.is_config_loadable()
            && t != ObjectType::Phoneprov
            && keys.clone().all(|key| lookup(t, key).is_some())
    });
    let first = fits.next()?;
    fits.next().is_none().then_some(first)
}
