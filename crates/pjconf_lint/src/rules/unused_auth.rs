use pjconf_diagnostics::Diagnostic;
use pjconf_model::ObjectType;

use crate::{LintContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Flags an auth object that nothing references: no endpoint `auth` or `outbound_auth`,
    /// no registration or outbound-publish `outbound_auth`. Only references count; an auth
    /// named like an endpoint is not used by it.
    ///
    /// References in sections Asterisk ignores (runtime-only types), and references that a
    /// later line of the same option replaces, do not count either.
    ///
    /// ## Why is this bad?
    /// An unused auth usually means a reference was misspelt or forgotten: the endpoint it
    /// was meant for then accepts calls without a challenge, or cannot answer the
    /// provider's challenge. Asterisk says nothing.
    ///
    /// ## Example
    /// ```ini
    /// [6001]
    /// type = endpoint
    /// aors = 6001
    ///
    /// [6001]
    /// type = aor
    ///
    /// [6001]
    /// type = auth
    /// username = 6001
    /// password = secret
    /// ```
    ///
    /// Use instead: add `auth = 6001` to the endpoint.
    pub(crate) struct UnusedAuth {
        code: "PJ207",
        name: "unused-auth",
        severity: Warning,
        summary: "an auth no endpoint, registration or outbound-publish references",
    }
}

impl Rule for UnusedAuth {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let auths = cx.of_type(ObjectType::Auth);
        if auths.len() == 0 {
            return;
        }
        for (position, auth) in auths {
            if cx.is_referenced(position) {
                continue;
            }
            let mut d = Diagnostic::warning(
                Self::META.code,
                format!("auth `{}` is not used by any object", auth.id),
                auth.id_span,
            )
            .with_label(auth.id_span, "no `auth` or `outbound_auth` names this");
            let endpoint = cx.find(ObjectType::Endpoint, &auth.id);
            d = match endpoint {
                Some(endpoint) => d
                    .with_secondary(endpoint.id_span, "this endpoint does not list it")
                    .with_note(
                        "only references count: an auth named like an endpoint is not used by it",
                    )
                    .with_help(format!(
                        "add `auth = {}` (inbound) or `outbound_auth = {}` to the endpoint",
                        auth.id, auth.id
                    )),
                None => d.with_help(
                    "reference it from an endpoint, registration or outbound-publish, or remove it",
                ),
            };
            out.push(d);
        }
    }
}
