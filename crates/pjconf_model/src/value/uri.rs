//! SIP URIs: `contact`, `server_uri`, `client_uri`, `outbound_proxy`, ...
//!
//! The check is structural: a `sip:` or `sips:` scheme (any case), no blanks, and a non-empty
//! host (an IPv6 host in brackets must be closed). pjproject's full grammar is not repeated.

use super::list_items;
use super::outcome::{Checked, ProblemKind, ValueProblem};
use crate::OptionSpec;

const EXPECTED: &str = "a SIP URI such as sip:user@host, sip:host:5060 or sips:host";

/// Why `text` is not a SIP URI, if it is not one.
fn sip_uri_problem(text: &str) -> Option<String> {
    let has_scheme = |scheme: &str| {
        text.len() >= scheme.len()
            && text.as_bytes()[..scheme.len()].eq_ignore_ascii_case(scheme.as_bytes())
    };
    let rest = if has_scheme("sip:") {
        &text[4..]
    } else if has_scheme("sips:") {
        &text[5..]
    } else {
        return Some(format!("`{text}` does not start with `sip:` or `sips:`"));
    };
    if text.contains(char::is_whitespace) {
        return Some(format!("`{text}` contains blanks"));
    }
    let host_part = match rest.split_once(['@']) {
        Some((_, host)) => host,
        None => rest,
    };
    let host_part = host_part.split([';', '?']).next().unwrap_or_default();
    let host = if let Some(bracketed) = host_part.strip_prefix('[') {
        match bracketed.split_once(']') {
            Some((inside, _)) => inside,
            None => return Some(format!("`{text}` has `[` without `]`")),
        }
    } else {
        host_part.split(':').next().unwrap_or_default()
    };
    if host.is_empty() {
        return Some(format!("`{text}` has no host"));
    }
    None
}

fn problem(spec: &OptionSpec, why: String) -> ValueProblem {
    ValueProblem::new(
        ProblemKind::BadUri,
        format!("bad {}: {why}", spec.name),
        EXPECTED,
    )
}

/// One SIP URI; empty is accepted only when `optional`.
pub(crate) fn check_uri(
    spec: &OptionSpec,
    value: &str,
    optional: bool,
) -> Result<Checked, ValueProblem> {
    if value.is_empty() {
        return if optional {
            Ok(Checked::ok())
        } else {
            Err(ValueProblem::new(
                ProblemKind::Empty,
                format!("{} needs a SIP URI, the value is empty", spec.name),
                EXPECTED,
            ))
        };
    }
    match sip_uri_problem(value) {
        Some(why) => Err(problem(spec, why)),
        None => Ok(Checked::ok()),
    }
}

/// An outbound proxy: empty, or a SIP URI, optionally in `<...>` (a Route value).
pub(crate) fn check_proxy(spec: &OptionSpec, value: &str) -> Result<Checked, ValueProblem> {
    let unescaped = value.replace("\\;", ";");
    let uri = match unescaped.strip_prefix('<') {
        Some(inner) => match inner.strip_suffix('>') {
            Some(uri) => uri,
            None => return Err(problem(spec, format!("`{value}` has `<` without `>`"))),
        },
        None => unescaped.as_str(),
    };
    check_uri(spec, uri, true)
}

/// aor `contact`: a comma list of SIP URIs, items trimmed and empty items skipped.
pub(crate) fn check_list(spec: &OptionSpec, value: &str) -> Result<Checked, ValueProblem> {
    for item in list_items(value) {
        if let Some(why) = sip_uri_problem(item) {
            return Err(problem(spec, why));
        }
    }
    Ok(Checked::ok())
}
