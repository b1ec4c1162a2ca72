//! Checking one option of the model: it exists, its value is safe to write and acceptable to
//! Asterisk, and (for tenants) it respects the isolation policy. Named groups are namespaced
//! here.

use pjconf_diagnostics::{Diagnostic, Span};
use pjconf_model::{ObjectType, check_value, list_items, lookup, suggest};

use crate::codes;
use crate::model::{OptionValue, Policy, Scalar};
use crate::names::{is_element_name, tenant_prefix};
use crate::net::{MatchItem, parse_match};

/// Options whose value names a dialplan context.
const CONTEXT_OPTIONS: &[&str] = &[
    "context",
    "subscribe_context",
    "message_context",
    "overlap_context",
];

/// Who sets the option, which decides the isolation rules.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Owner<'a> {
    /// The engine: anything the option table allows.
    Engine,
    /// A tenant's template, line or trunk.
    Tenant {
        slug: &'a str,
        policy: &'a Policy,
        transports: &'a indexmap::IndexMap<String, crate::model::OptionMap>,
        /// True for a line (its auth's `username` and `realm` are the compiler's).
        line: bool,
    },
}

/// One checked option, ready to become lines.
pub(crate) struct Checked {
    /// The values, one line each.
    pub(crate) values: Vec<String>,
    /// `match` items as written and as ranges, for the cross-tenant overlap check.
    pub(crate) matches: Vec<(String, MatchItem)>,
}

/// Where the option is, for messages and spans.
pub(crate) struct At<'a> {
    pub(crate) path: &'a dyn Fn() -> String,
    pub(crate) key_span: Span,
    pub(crate) value_span: Span,
}

fn scalars(value: &OptionValue) -> Vec<String> {
    match value {
        OptionValue::Scalar(s) => vec![s.to_conf()],
        OptionValue::List(items) => items.iter().map(Scalar::to_conf).collect(),
    }
}

/// Check `key = value` of an object of `object_type` set by `owner`.
pub(crate) fn check_option(
    object_type: ObjectType,
    key: &str,
    value: &OptionValue,
    owner: Owner<'_>,
    at: &At<'_>,
    out: &mut Vec<Diagnostic>,
) -> Option<Checked> {
    let err = |code, msg: String, span| {
        let who = match owner {
            Owner::Engine => "the engine".to_string(),
            Owner::Tenant { slug, .. } => format!("tenant `{slug}`"),
        };
        Diagnostic::error(code, format!("{who}: {msg} (at `{}`)", (at.path)()), span)
    };
    if key.eq_ignore_ascii_case("type") {
        out.push(
            err(
                codes::RESERVED_OPTION,
                "`type` is set by the compiler".into(),
                at.key_span,
            )
            .with_help("remove it: the section key (endpoint, aor, ...) gives the type"),
        );
        return None;
    }
    let Some(spec) = lookup(object_type, key) else {
        let mut d = err(
            codes::UNKNOWN_OPTION,
            format!("`{key}` is not an option of {}", object_type.as_str()),
            at.key_span,
        );
        if let Some(s) = suggest(object_type, key) {
            d = d.with_help(format!("did you mean `{s}`?"));
        }
        out.push(d);
        return None;
    };
    let mut values = scalars(value);
    if let OptionValue::List(_) = value
        && spec.repeat == pjconf_model::Repeat::Replace
    {
        // The items become one comma list: an item holding `,` would split into two.
        if let Some(bad) = values.iter().find(|v| v.contains(',')) {
            out.push(
                err(
                    codes::VALUE_CHARACTER,
                    format!("list item `{bad}` of `{key}` holds `,`, which would split it in two"),
                    at.value_span,
                )
                .with_help("give each item as its own list entry"),
            );
            return None;
        }
        values = vec![values.join(",")];
    }
    let mut ok = true;
    for v in &values {
        if v.chars().any(|c| c.is_control()) || v.trim() != v {
            out.push(
                err(
                    codes::VALUE_CHARACTER,
                    format!("the value of `{key}` holds a control character (a line break) or blanks at its ends"),
                    at.value_span,
                )
                .with_help("a value is one line, without blanks around it"),
            );
            ok = false;
        }
    }
    if !ok {
        return None;
    }
    let mut matches = Vec::new();
    if let Owner::Tenant {
        slug,
        policy,
        transports,
        line,
    } = owner
    {
        let name = spec.name;
        if let Some(reference) = spec.reference {
            if reference.target == ObjectType::Transport {
                for v in &values {
                    if !transports.contains_key(v.as_str()) {
                        let mut d = err(
                            codes::UNKNOWN_TRANSPORT,
                            format!("transport `{v}` is not defined by the engine"),
                            at.value_span,
                        );
                        let known: Vec<&str> = transports.keys().map(String::as_str).collect();
                        if !known.is_empty() {
                            d = d.with_help(format!(
                                "the engine's transports: {}",
                                known.join(", ")
                            ));
                        }
                        out.push(d);
                        return None;
                    }
                }
            } else {
                out.push(
                    err(
                        codes::REFERENCE_SET_BY_TENANT,
                        format!("`{key}` names other objects; the compiler sets it to the element's own objects"),
                        at.key_span,
                    )
                    .with_help("describe the aor/auth/identify in the element's own sections instead"),
                );
                return None;
            }
        }
        let reserved = (object_type == ObjectType::Endpoint && name == "tenantid")
            || (line && object_type == ObjectType::Auth && matches!(name, "username" | "realm"));
        if reserved {
            out.push(
                err(
                    codes::RESERVED_OPTION,
                    format!("`{name}` is set by the compiler"),
                    at.key_span,
                )
                .with_help("remove it"),
            );
            return None;
        }
        // `<slug>_` followed by at least one character, or a context the policy allows.
        let context_ok = |ctx: &str| {
            ctx.strip_prefix(slug)
                .and_then(|rest| rest.strip_prefix('_'))
                .is_some_and(|rest| !rest.is_empty())
                || policy.allowed_contexts.iter().any(|c| c == ctx)
        };
        if object_type == ObjectType::Endpoint && CONTEXT_OPTIONS.contains(&name) {
            for v in &values {
                if !context_ok(v) {
                    out.push(
                        err(
                            codes::CONTEXT_OUTSIDE_TENANT,
                            format!("`{name} = {v}` is outside the tenant's contexts"),
                            at.value_span,
                        )
                        .with_help(format!("name the tenant's contexts `{}...`, or ask the operator to allow `{v}`", tenant_prefix(slug))),
                    );
                    return None;
                }
            }
        }
        if name == "mailboxes" {
            for v in &values {
                for item in list_items(v) {
                    let ok = item.split_once('@').is_some_and(|(_, ctx)| context_ok(ctx));
                    if !ok {
                        out.push(
                            err(
                                codes::CONTEXT_OUTSIDE_TENANT,
                                format!(
                                    "mailbox `{item}` is outside the tenant's voicemail contexts"
                                ),
                                at.value_span,
                            )
                            .with_help(format!(
                                "write mailboxes as `box@{}...`",
                                tenant_prefix(slug)
                            )),
                        );
                        return None;
                    }
                }
            }
        }
        if matches!(name, "call_group" | "pickup_group") {
            out.push(
                err(
                    codes::NUMERIC_GROUP,
                    format!("`{name}` uses the numeric groups 0-63 that every tenant shares"),
                    at.key_span,
                )
                .with_help(format!(
                    "use `named_{name}`: its names are namespaced per tenant"
                )),
            );
            return None;
        }
        if matches!(name, "named_call_group" | "named_pickup_group") {
            let mut namespaced = Vec::new();
            for v in &values {
                for item in list_items(v) {
                    if !is_element_name(item) {
                        out.push(err(
                            codes::INVALID_NAME,
                            format!("group name `{item}` is not in the name character set (A-Z a-z 0-9 . _ + -)"),
                            at.value_span,
                        ));
                        return None;
                    }
                    namespaced.push(format!("{}{item}", tenant_prefix(slug)));
                }
            }
            values = vec![namespaced.join(",")];
        }
        if name == "set_var" {
            for v in &values {
                let var = v.split_once('=').map_or(v.as_str(), |(n, _)| n).trim();
                if policy
                    .reserved_set_vars
                    .iter()
                    .any(|r| r.eq_ignore_ascii_case(var))
                {
                    out.push(err(
                        codes::RESERVED_OPTION,
                        format!("channel variable `{var}` is reserved by the engine"),
                        at.value_span,
                    ));
                    return None;
                }
            }
        }
        if object_type == ObjectType::Identify && name == "match" {
            for v in &values {
                for item in list_items(v) {
                    let Some(m) = parse_match(item) else { continue };
                    if let Some(min) = m.too_wide(policy) {
                        out.push(
                            err(
                                codes::MATCH_TOO_WIDE,
                                format!("match `{item}` is wider than the engine allows (/{min} at most)"),
                                at.value_span,
                            )
                            .with_help("match the provider's own addresses"),
                        );
                        return None;
                    }
                    matches.push((item.to_string(), m));
                }
            }
        }
    }
    for v in &values {
        if let Err(problem) = check_value(spec, v) {
            let mut d = err(
                codes::INVALID_VALUE,
                format!("`{key} = {v}`: {}", problem.message),
                at.value_span,
            );
            if let Some(s) = &problem.suggestion {
                d = d.with_help(format!("did you mean `{s}`?"));
            }
            out.push(d);
            return None;
        }
    }
    Some(Checked { values, matches })
}
