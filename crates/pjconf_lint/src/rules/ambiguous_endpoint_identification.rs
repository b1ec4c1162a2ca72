use crate::hash::FxHashMap;

use pjconf_diagnostics::Diagnostic;
use pjconf_model::{BoolSpelling, ObjectType, PjsipObject, bool_spelling, list_items};

use crate::{LintContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Flags an endpoint with a bare name (`alice`, no `@`) when endpoints named
    /// `alice@<domain>` also exist. The domain part is what follows the last `@` of the
    /// id. Not flagged when the `global` object sets `disable_multi_domain = yes` (then
    /// Asterisk never looks up `user@domain` ids), nor when the bare endpoint's last
    /// `identify_by` line names neither `username` nor `auth_username` (the default,
    /// `username,ip`, names it).
    ///
    /// ## Why is this bad?
    /// Identifying a request by user name, Asterisk first tries the endpoint
    /// `<user>@<domain>` (from the From URI, a domain_alias or the transport's `domain`),
    /// and only then the bare `<user>`. So `alice@example.com` gets the requests from
    /// `example.com`, and bare `alice` catches alice from EVERY other domain: a tenant
    /// whose endpoint was forgotten, or any stranger's domain, lands on the bare endpoint,
    /// with its context and credentials check.
    ///
    /// ## Example
    /// ```ini
    /// [alice]
    /// type = endpoint
    /// context = office
    ///
    /// [alice@example.com]
    /// type = endpoint
    /// context = tenant-example
    /// ```
    ///
    /// Use instead: name every tenant's endpoint `user@domain`, and rename the bare one
    /// (`alice@office.example`).
    pub(crate) struct AmbiguousEndpointIdentification {
        code: "PJ212",
        name: "ambiguous-endpoint-identification",
        severity: Warning,
        summary: "a bare endpoint `alice` next to `alice@domain` ones: the bare one catches alice from every other domain",
    }
}

impl Rule for AmbiguousEndpointIdentification {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let multi_domain_off = cx.of_type(ObjectType::Global).any(|(_, global)| {
            global
                .last("disable_multi_domain")
                .is_some_and(|v| bool_spelling(&v.value) == BoolSpelling::True)
        });
        if multi_domain_off {
            return;
        }
        // user -> the endpoints named user@domain, in section order.
        let mut by_user: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
        for (_, endpoint) in cx.of_type(ObjectType::Endpoint) {
            if let Some((user, domain)) = endpoint.id.rsplit_once('@')
                && !user.is_empty()
                && !domain.is_empty()
            {
                by_user.entry(user).or_default().push(endpoint.id.as_str());
            }
        }
        if by_user.is_empty() {
            return;
        }
        for (_, endpoint) in cx.of_type(ObjectType::Endpoint) {
            if endpoint.id.contains('@') {
                continue;
            }
            let Some(qualified) = by_user.get(endpoint.id.as_str()) else {
                continue;
            };
            if !identifies_by_user(endpoint) {
                continue;
            }
            let shown: Vec<String> = qualified
                .iter()
                .take(3)
                .map(|id| format!("`{id}`"))
                .collect();
            let more = match qualified.len() {
                0..=3 => String::new(),
                n => format!(" and {} more", n - 3),
            };
            let mut d = Diagnostic::warning(
                Self::META.code,
                format!(
                    "endpoint `{}` catches `{}` from every domain without its own `{}@domain` endpoint",
                    endpoint.id, endpoint.id, endpoint.id
                ),
                endpoint.id_span,
            )
            .with_label(endpoint.id_span, "bare user name, no domain")
            .with_note(format!(
                "user `{}` from any domain not covered by {}{more} is identified as this endpoint",
                endpoint.id,
                shown.join(", ")
            ))
            .with_help(format!(
                "name this endpoint `{}@<its domain>` too, or set `disable_multi_domain = yes` in `global` if domains are not used",
                endpoint.id
            ));
            if let Some(first) = cx.find(ObjectType::Endpoint, qualified[0]) {
                d = d.with_secondary(first.id_span, "the same user with a domain");
            }
            out.push(d);
        }
    }
}

/// True when the endpoint may be found by user name: its `identify_by` (default
/// `username,ip`) lists `username` or `auth_username`.
fn identifies_by_user(endpoint: &PjsipObject) -> bool {
    endpoint.last("identify_by").is_none_or(|v| {
        list_items(&v.value).any(|method| {
            method.eq_ignore_ascii_case("username") || method.eq_ignore_ascii_case("auth_username")
        })
    })
}
