use crate::hash::FxHashSet;

use pjconf_diagnostics::Diagnostic;
use pjconf_model::{ObjectType, PjsipObject};

use crate::rules::describe;
use crate::{LintContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Flags a value Asterisk fails to parse for its option: a word where a number is needed
    /// (`max_contacts = lots`), a value outside the accepted set (`dtmf_mode = rfc2833`), an
    /// unknown codec (`allow = g729a`), a bad address or URI. The help lists the accepted
    /// forms and, when one is close, the value that was probably meant. Also flags an auth that
    /// Asterisk's auth check refuses: no `username`, or (for userpass/md5/digest) no
    /// `password`, `md5_cred` or `password_digest`.
    ///
    /// ## Why is this bad?
    /// Asterisk logs `Error parsing <option>=<value>` and drops the WHOLE object: the
    /// endpoint (or aor, transport, ...) does not exist at all.
    ///
    /// A value inherited from a template is reported once, at the template's line.
    ///
    /// ## Example
    /// ```ini
    /// [6001]
    /// type = aor
    /// max_contacts = lots
    /// ```
    ///
    /// Use instead:
    /// ```ini
    /// [6001]
    /// type = aor
    /// max_contacts = 1
    /// ```
    pub(crate) struct InvalidOptionValue {
        code: "PJ204",
        name: "invalid-option-value",
        severity: Error,
        summary: "a value Asterisk fails to parse, which makes it drop the whole object",
    }
}

impl Rule for InvalidOptionValue {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let mut reported = FxHashSet::default();
        for finding in cx.value_findings() {
            let Err(problem) = &finding.outcome else {
                continue;
            };
            let object = &cx.objects.objects[finding.object];
            let value = &object.options[finding.option];
            if !reported.insert(value.value_span) {
                continue;
            }
            let mut d = problem
                .to_diagnostic(Self::META.code, value.value_span)
                .with_label(
                    value.value_span,
                    format!("invalid `{}` in {}", value.key, describe(object)),
                );
            if let Some(template) = &value.inherited_from {
                d = d.with_note(format!(
                    "inherited from template `{template}`: every section using it is dropped"
                ));
            }
            out.push(d);
        }
        for (_, auth) in cx.of_type(ObjectType::Auth) {
            if let Some(d) = missing_credentials(auth) {
                out.push(d);
            }
        }
    }
}

// An auth that lacks what res_pjsip's auth_apply (config_auth.c) requires is refused at load:
// `<id>: No authentication username`, or, for every auth_type but google_oauth, `<id>: No
// plain text or digest password found for algorithm MD5 in supported_algorithms_uas`, then
// `Could not create an object of type 'auth'`. Every endpoint or registration using it then
// has no credentials. A digest (`md5_cred`, `password_digest`) counts as a password; whether
// it covers every supported algorithm is not checked.
fn missing_credentials(auth: &PjsipObject) -> Option<Diagnostic> {
    let set = |name: &str| auth.last(name).filter(|v| !v.value.trim().is_empty());
    // google_oauth needs no password; an unknown auth_type is reported above, and Asterisk
    // refuses the auth for it before auth_apply runs.
    let auth_type = auth.last("auth_type").map(|v| v.value.trim());
    let is = |t: &str| auth_type.is_some_and(|a| a.eq_ignore_ascii_case(t));
    let password_based = auth_type.is_none() || ["userpass", "md5", "digest"].into_iter().any(is);
    if !password_based && !is("google_oauth") {
        return None;
    }
    let (option, message, help) = if set("username").is_none() {
        (
            "username",
            format!("{} has no `username`", describe(auth)),
            "set `username` to the user name to authenticate as",
        )
    } else if password_based
        && set("password").is_none()
        && set("md5_cred").is_none()
        && set("password_digest").is_none()
    {
        (
            "password",
            format!(
                "{} has no `password` (nor `md5_cred` / `password_digest`)",
                describe(auth)
            ),
            "set `password`, or a digest with `md5_cred` or `password_digest`",
        )
    } else {
        return None;
    };
    let written = auth.last(option);
    let span = written.map_or(auth.id_span, |v| v.value_span);
    let mut d = Diagnostic::error(InvalidOptionValue::META.code, message, span)
        .with_label(
            span,
            if written.is_some() {
                format!("empty `{option}`")
            } else {
                format!("no `{option}` in this auth")
            },
        )
        .with_help(help)
        .with_note("Asterisk refuses the auth at load, so whatever uses it has no credentials");
    if let Some(template) = written.and_then(|v| v.inherited_from.as_ref()) {
        d = d.with_note(format!("inherited from template `{template}`"));
    }
    Some(d)
}
