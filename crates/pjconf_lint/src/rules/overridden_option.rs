use pjconf_diagnostics::Diagnostic;
use pjconf_model::Repeat;

use crate::rules::describe;
use crate::{LintContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Flags a single-valued option (where a later line replaces an earlier one) that a
    /// section sets twice in its OWN lines, in any letter case (`context` and `Context`).
    /// Not flagged: options whose lines add up (`allow`, `disallow`, `match`, `contact`,
    /// `set_var`, `permit`, ...), a section's line overriding a value it inherited from a
    /// template (that is what templates are for), and `type` (where the FIRST line counts;
    /// see `unknown-object-type`).
    ///
    /// Note that some list-looking options replace: a second `aors` or `auth` line replaces
    /// the whole list of the first, it does not add to it.
    ///
    /// ## Why is this bad?
    /// Asterisk applies every line in order, so the last one silently wins and the earlier
    /// one does nothing. Usually one of the lines is a leftover, or a list was meant to be
    /// extended (`aors = a` then `aors = b` leaves only `b`).
    ///
    /// ## Example
    /// ```ini
    /// [6001]
    /// type = endpoint
    /// context = from-phones
    /// aors = 6001
    /// context = from-office
    /// ```
    ///
    /// Use instead: keep one `context` line.
    pub(crate) struct OverriddenOption {
        code: "PJ214",
        name: "overridden-option",
        severity: Warning,
        summary: "a single-valued option set twice in one section, where the later line silently wins",
    }
}

impl Rule for OverriddenOption {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let mut lines: Vec<(&'static str, usize)> = Vec::new();
        for (position, object) in cx.objects.objects.iter().enumerate() {
            if !object.object_type.is_config_loadable() {
                continue;
            }
            lines.clear();
            for (index, (value, spec)) in object.options.iter().zip(cx.specs(position)).enumerate()
            {
                if let Some(spec) = spec
                    && spec.repeat == Repeat::Replace
                    && spec.name != "type"
                    && value.inherited_from.is_none()
                {
                    lines.push((spec.name, index));
                }
            }
            // Most sections set each option once: with few lines, a pairwise check that
            // finds no repeated name is cheaper than the sort.
            let repeats = lines.len() > 16
                || lines
                    .iter()
                    .enumerate()
                    .any(|(i, (name, _))| lines[i + 1..].iter().any(|(other, _)| other == name));
            if !repeats {
                continue;
            }
            lines.sort_unstable();
            for pair in lines.windows(2) {
                let [(name, earlier), (other, later)] = [pair[0], pair[1]];
                if name != other {
                    continue;
                }
                let (earlier, later) = (&object.options[earlier], &object.options[later]);
                let same = earlier.value == later.value;
                let (message, label, replaced) = if same {
                    (
                        format!(
                            "`{name}` is set twice with the same value in {}",
                            describe(object)
                        ),
                        "repeated here".to_owned(),
                        "first set here".to_owned(),
                    )
                } else {
                    (
                        format!(
                            "`{name}` is set again in {}: the earlier value is ignored",
                            describe(object)
                        ),
                        format!("this `{}` wins", later.key),
                        format!("`{}` is replaced", earlier.value),
                    )
                };
                out.push(
                    Diagnostic::warning(Self::META.code, message, later.key_span)
                        .with_label(later.key_span, label)
                        .with_secondary(earlier.value_span, replaced)
                        .with_help("remove one of the lines"),
                );
            }
        }
    }
}
