//! Checking one option value the way Asterisk 22 parses it.

pub(crate) mod bool;
mod codec;
mod custom;
mod describe;
mod enums;
mod network;
mod number;
pub(crate) mod outcome;
mod uri;

pub use codec::KNOWN_CODECS;
use outcome::{Checked, ValueProblem};

use crate::{OptionSpec, ValueKind};

/// Check `value` (as the parser gives it: already trimmed, `\;` already unescaped) against
/// the option `spec`.
///
/// * `Ok` with a clean [`Checked`]: Asterisk accepts the value and it means what it says.
/// * `Ok` with a [`Checked::warning`]: Asterisk accepts it silently but probably not as meant,
///   e.g. `direct_media = enabled` loads and means `no` ([`WarningKind::SilentlyFalse`](crate::WarningKind::SilentlyFalse)).
/// * `Err`: Asterisk rejects it and drops the whole object; the [`ValueProblem`] says what is
///   wrong and lists the accepted forms.
///
/// Checks that need the environment (files, DNS, loaded modules) or other options of the same
/// object (`timers_sess_expires >= timers_min_se`) are not done here.
///
/// ```
/// use pjconf_model::{ObjectType, WarningKind, check_value, lookup};
///
/// let dtmf = lookup(ObjectType::Endpoint, "dtmf_mode").unwrap();
/// assert!(check_value(dtmf, "RFC4733").is_ok());
/// let problem = check_value(dtmf, "rfc2833").unwrap_err();
/// assert_eq!(problem.expected, "one of: rfc4733, inband, info, auto, auto_info, none (any letter case)");
/// assert_eq!(problem.suggestion.as_deref(), Some("rfc4733"));
///
/// let direct_media = lookup(ObjectType::Endpoint, "direct_media").unwrap();
/// let checked = check_value(direct_media, "enabled").unwrap();
/// assert_eq!(checked.effective.as_deref(), Some("no"));
/// assert_eq!(checked.warning.unwrap().kind, WarningKind::SilentlyFalse);
///
/// let timers = lookup(ObjectType::Endpoint, "timers").unwrap();
/// assert_eq!(check_value(timers, "forced").unwrap().effective.as_deref(), Some("always"));
/// ```
pub fn check_value(spec: &OptionSpec, value: &str) -> Result<Checked, ValueProblem> {
    match spec.kind {
        ValueKind::Noop | ValueKind::String | ValueKind::FilePath | ValueKind::NameList => {
            Ok(Checked::ok())
        }
        ValueKind::Bool | ValueKind::BoolYesNo => Ok(bool::check(spec, value)),
        ValueKind::Uint { min, max } | ValueKind::Duration { min, max, .. } => {
            number::check_uint(spec, value, min, max)
        }
        ValueKind::Int { min, max } => number::check_int(spec, value, min, max),
        ValueKind::Double => number::check_double(spec, value),
        ValueKind::Enum(enum_spec) => enums::check_one(spec, enum_spec, value),
        ValueKind::EnumList(enum_spec) => enums::check_list(spec, enum_spec, value),
        ValueKind::CodecList { allow_empty } => codec::check(spec, value, allow_empty),
        ValueKind::AclEntry => network::check_acl(spec, value),
        ValueKind::NetworkList => network::check_match(spec, value),
        ValueKind::Bind => network::check_bind(spec, value),
        ValueKind::Uri { optional } => uri::check_uri(spec, value, optional),
        ValueKind::ProxyUri => uri::check_proxy(spec, value),
        ValueKind::UriList => uri::check_list(spec, value),
        ValueKind::Custom(check) => custom::check(spec, check, value),
    }
}

/// The items of a comma list value, trimmed, empty items skipped: how most list handlers
/// (and reference resolution for `aors`, `auth`, `outbound_auth`) read a value.
///
/// ```
/// let items: Vec<&str> = pjconf_model::list_items(" alice, ,bob ").collect();
/// assert_eq!(items, ["alice", "bob"]);
/// ```
pub fn list_items(value: &str) -> impl Iterator<Item = &str> {
    value
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

/// The candidate most similar to `value` (case-insensitive), if it is similar enough to be
/// worth a "did you mean".
pub(crate) fn closest<'a>(
    value: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<String> {
    let wanted = value.to_ascii_lowercase();
    if wanted.is_empty() {
        return None;
    }
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let score =
            strsim::normalized_damerau_levenshtein(&wanted, &candidate.to_ascii_lowercase());
        if score >= 0.6 && best.is_none_or(|(top, _)| score > top) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, name)| name.to_owned())
}
