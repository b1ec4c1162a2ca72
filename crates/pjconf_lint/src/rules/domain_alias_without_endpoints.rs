use crate::hash::FxHashSet;

use pjconf_diagnostics::Diagnostic;
use pjconf_model::ObjectType;

use crate::{LintContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Flags a `domain_alias` whose target `domain` no endpoint or aor id uses: there is no
    /// object named `<user>@<domain>`. (The domain part of an id is what follows its last
    /// `@`; domains are compared in any letter case.) Not flagged when the alias has no
    /// `domain` line.
    ///
    /// ## Why is this bad?
    /// A domain alias only changes which ids Asterisk tries: a request from
    /// `alice@<alias>` is looked up as `alice@<domain>`, both for endpoint identification
    /// and for the registrar's aor lookup. With no such ids the alias does nothing, and
    /// the requests it was meant for fall through to the bare `alice` endpoint, or to no
    /// endpoint at all. Usually the alias and the endpoints disagree about the domain's
    /// spelling.
    ///
    /// ## Example
    /// ```ini
    /// [example.org]
    /// type = domain_alias
    /// domain = example.com
    ///
    /// [alice@example.net]
    /// type = endpoint
    /// ```
    ///
    /// Use instead: `domain = example.net`, or name the endpoints `...@example.com`.
    pub(crate) struct DomainAliasWithoutEndpoints {
        code: "PJ216",
        name: "domain-alias-without-endpoints",
        severity: Warning,
        summary: "a `domain_alias` whose target domain no `user@domain` endpoint or aor uses",
    }
}

impl Rule for DomainAliasWithoutEndpoints {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let aliases = cx.of_type(ObjectType::DomainAlias);
        if aliases.len() == 0 {
            return;
        }
        let mut domains = FxHashSet::default();
        for object_type in [ObjectType::Endpoint, ObjectType::Aor] {
            for (_, object) in cx.of_type(object_type) {
                if let Some((_, domain)) = object.id.rsplit_once('@') {
                    domains.insert(domain.to_lowercase());
                }
            }
        }
        for (_, alias) in aliases {
            let Some(domain) = alias.last("domain") else {
                continue;
            };
            let target = domain.value.trim();
            if target.is_empty() || domains.contains(&target.to_lowercase()) {
                continue;
            }
            out.push(
                Diagnostic::warning(
                    Self::META.code,
                    format!(
                        "domain alias `{}` maps to `{target}`, but no endpoint or aor is named `<user>@{target}`",
                        alias.id
                    ),
                    domain.value_span,
                )
                .with_label(domain.value_span, "no `...@` id uses this domain")
                .with_note("requests from the alias domain fall through to bare endpoint names, or to none")
                .with_help("fix the domain's spelling, or name the endpoints and aors `<user>@domain`"),
            );
        }
    }
}
