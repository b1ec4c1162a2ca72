use pjconf_diagnostics::Diagnostic;
use pjconf_model::ObjectType;

use crate::{LintContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Flags an aor that no endpoint lists in `aors`. Only references count: an aor named
    /// like an endpoint is NOT used by that endpoint unless the endpoint says
    /// `aors = <name>`.
    ///
    /// References in sections Asterisk ignores (runtime-only types), and references that a
    /// later `aors` line of the same endpoint replaces, do not count either. An aor used
    /// only from the dialplan (`PJSIP_DIAL_CONTACTS(endpoint,aor)`) is flagged too; ignore
    /// the rule for such configurations.
    ///
    /// ## Why is this bad?
    /// A REGISTER is matched to an endpoint first (by user name, IP, ...) and then to one of
    /// THAT endpoint's aors. A REGISTER from `alice` to aor `alice` gets `404 Not Found`
    /// when endpoint `alice` has no `aors = alice`, and calls to the endpoint find no
    /// contact. Asterisk says nothing at load time.
    ///
    /// ## Example
    /// ```ini
    /// [6001]
    /// type = endpoint
    /// context = from-phones
    ///
    /// [6001]
    /// type = aor
    /// max_contacts = 1
    /// ```
    ///
    /// Use instead: add `aors = 6001` to the endpoint.
    pub(crate) struct UnusedAor {
        code: "PJ208",
        name: "unused-aor",
        severity: Warning,
        summary: "an aor no endpoint lists in `aors` (a same-named endpoint does not count)",
    }
}

impl Rule for UnusedAor {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let aors = cx.of_type(ObjectType::Aor);
        if aors.len() == 0 {
            return;
        }
        for (position, aor) in aors {
            if cx.is_referenced(position) {
                continue;
            }
            let mut d = Diagnostic::warning(
                Self::META.code,
                format!("aor `{}` is not listed in any endpoint's `aors`", aor.id),
                aor.id_span,
            )
            .with_label(aor.id_span, "no endpoint's `aors` names this")
            .with_note("a REGISTER to this aor gets 404 Not Found: the aor must be in the identified endpoint's `aors`");
            d = match cx.find(ObjectType::Endpoint, &aor.id) {
                Some(endpoint) => d
                    .with_secondary(
                        endpoint.id_span,
                        "this endpoint has the same name but does not list it",
                    )
                    .with_help(format!(
                        "add `aors = {}` to endpoint `{}`",
                        aor.id, endpoint.id
                    )),
                None => d.with_help("list it in an endpoint's `aors`, or remove it"),
            };
            out.push(d);
        }
    }
}
