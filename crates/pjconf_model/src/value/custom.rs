//! The named checkers of [`CustomCheck`].

use super::number::parse_c_integer;
use super::outcome::{Checked, ProblemKind, ValueProblem, WarningKind};
use crate::{CustomCheck, OptionSpec};

/// DSCP names `ast_str2tos` knows, with their code point (stored shifted left by 2).
const DSCP: &[(&str, u32)] = &[
    ("CS0", 0x00),
    ("CS1", 0x08),
    ("CS2", 0x10),
    ("CS3", 0x18),
    ("CS4", 0x20),
    ("CS5", 0x28),
    ("CS6", 0x30),
    ("CS7", 0x38),
    ("AF11", 0x0A),
    ("AF12", 0x0C),
    ("AF13", 0x0E),
    ("AF21", 0x12),
    ("AF22", 0x14),
    ("AF23", 0x16),
    ("AF31", 0x1A),
    ("AF32", 0x1C),
    ("AF33", 0x1E),
    ("AF41", 0x22),
    ("AF42", 0x24),
    ("AF43", 0x26),
    ("EF", 0x2E),
];

/// Characters `from_user` accepts besides ASCII letters and digits.
const URI_MARKS: &str = "-._~%!$&'()*+,;=:";

const MECHANISMS: &[&str] = &["none", "msrp-tls", "sdes-srtp", "dtls-srtp"];

pub(crate) fn check(
    spec: &OptionSpec,
    check: CustomCheck,
    value: &str,
) -> Result<Checked, ValueProblem> {
    match check {
        CustomCheck::Tos => tos(spec, value),
        CustomCheck::Groups => Ok(groups(spec, value)),
        CustomCheck::CodecPrefs { union_allowed } => codec_prefs(spec, value, union_allowed),
        CustomCheck::SetVar => set_var(spec, value),
        CustomCheck::FromUser => from_user(spec, value),
        CustomCheck::SecurityMechanisms => Ok(security_mechanisms(spec, value)),
        CustomCheck::Deprecated { replacement } => Ok(Checked::warn(
            WarningKind::Deprecated,
            format!(
                "{} is no longer supported: Asterisk logs a WARNING and ignores the value; use {replacement}",
                spec.name
            ),
        )),
        CustomCheck::MatchHeader => match_header(spec, value),
    }
}

/// The longest leading C integer (`sscanf("%i")`), with whether text follows it.
fn leading_c_integer(value: &str) -> Option<(i64, bool)> {
    let sign_len = usize::from(value.starts_with(['-', '+']));
    let body = &value[sign_len..];
    let is_hex = body.len() > 2
        && body[..2].eq_ignore_ascii_case("0x")
        && body.as_bytes()[2].is_ascii_hexdigit();
    let digits_end = |start: usize, radix: u32| {
        body[start..]
            .find(|c: char| !c.is_digit(radix))
            .map_or(body.len(), |i| start + i)
    };
    let end = if is_hex {
        digits_end(2, 16)
    } else if body.starts_with('0') {
        digits_end(1, 8)
    } else {
        digits_end(0, 10)
    };
    if end == 0 {
        return None;
    }
    let literal = &value[..sign_len + end];
    let (magnitude, negative, _) = parse_c_integer(literal).ok()?;
    let magnitude = i64::try_from(magnitude.min(u128::from(u32::MAX))).ok()?;
    Some((
        if negative { -magnitude } else { magnitude },
        end < body.len(),
    ))
}

fn tos(spec: &OptionSpec, value: &str) -> Result<Checked, ValueProblem> {
    if let Some((number, trailing)) = leading_c_integer(value) {
        let stored = (number & 0xFF).to_string();
        return Ok(if trailing {
            Checked::warn(
                WarningKind::Reinterpreted,
                format!("Asterisk reads only the number at the start of `{value}`: {stored}"),
            )
            .with_effective(stored)
        } else if stored == value {
            Checked::ok()
        } else {
            Checked::effective(stored)
        });
    }
    if let Some((_, point)) = DSCP
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(value))
    {
        return Ok(Checked::effective((point << 2).to_string()));
    }
    let names: Vec<String> = DSCP.iter().map(|(n, _)| n.to_ascii_lowercase()).collect();
    Err(ValueProblem::new(
        ProblemKind::UnknownValue,
        format!(
            "`{value}` is neither a number nor a DSCP name ({})",
            spec.name
        ),
        format!("an integer 0-255 or a DSCP name: {}", names.join(", ")),
    )
    .with_suggestion(super::closest(value, names.iter().map(String::as_str))))
}

/// `ast_get_group`: never fails; bad pieces are logged and skipped.
fn groups(spec: &OptionSpec, value: &str) -> Checked {
    let mut skipped = Vec::new();
    for piece in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (start, end) = piece.split_once('-').unwrap_or((piece, piece));
        let number = |t: &str| t.trim().parse::<u32>().ok().filter(|n| *n <= 63);
        if number(start).is_none() || number(end).is_none() {
            skipped.push(piece);
        }
    }
    if skipped.is_empty() {
        return Checked::ok();
    }
    Checked::warn(
        WarningKind::IgnoredWithLogMessage,
        format!(
            "{}: Asterisk logs and skips `{}` (groups are numbers 0-63 or ranges like 1-5)",
            spec.name,
            skipped.join("`, `")
        ),
    )
}

fn codec_prefs(
    spec: &OptionSpec,
    value: &str,
    union_allowed: bool,
) -> Result<Checked, ValueProblem> {
    const PARAMS: &[(&str, &[&str])] = &[
        ("prefer", &["pending", "configured"]),
        (
            "operation",
            &["intersect", "union", "only_preferred", "only_nonpreferred"],
        ),
        ("keep", &["all", "first"]),
        ("transcode", &["allow", "prevent"]),
    ];
    let expected = "a comma list of `name: value` with prefer: pending|configured, \
         operation: intersect|union|only_preferred|only_nonpreferred, keep: all|first, \
         transcode: allow|prevent (case-sensitive)";
    let bad = |message: String| ValueProblem::new(ProblemKind::BadFormat, message, expected);
    let mut unknown = Vec::new();
    for pref in value.split(',').filter(|p| !p.trim().is_empty()) {
        let mut tokens = pref.split([':', ' ']).filter(|t| !t.is_empty());
        let (Some(name), Some(setting)) = (tokens.next(), tokens.next()) else {
            return Err(bad(format!(
                "codec preference `{}` in {} has no value",
                pref.trim(),
                spec.name
            )));
        };
        let Some((_, allowed)) = PARAMS.iter().find(|(n, _)| *n == name) else {
            unknown.push(name);
            continue;
        };
        if !allowed.contains(&setting) {
            return Err(bad(format!(
                "`{setting}` is not a valid {name} for {}",
                spec.name
            ))
            .with_suggestion(super::closest(setting, allowed.iter().copied())));
        }
        if name == "operation" && setting == "union" && !union_allowed {
            return Err(bad(format!(
                "{} does not accept operation: union",
                spec.name
            )));
        }
    }
    if unknown.is_empty() {
        return Ok(Checked::ok());
    }
    Ok(Checked::warn(
        WarningKind::SilentlyIgnored,
        format!(
            "{}: unknown codec preference `{}` has no effect",
            spec.name,
            unknown.join("`, `")
        ),
    ))
}

fn set_var(spec: &OptionSpec, value: &str) -> Result<Checked, ValueProblem> {
    if value.is_empty() || value.contains('=') {
        return Ok(Checked::ok());
    }
    Err(ValueProblem::new(
        ProblemKind::BadFormat,
        format!("{} = {value} has no `=`", spec.name),
        "NAME=value",
    ))
}

fn from_user(spec: &OptionSpec, value: &str) -> Result<Checked, ValueProblem> {
    match value
        .chars()
        .find(|&c| !c.is_ascii_alphanumeric() && !URI_MARKS.contains(c))
    {
        None => Ok(Checked::ok()),
        Some(bad) => Err(ValueProblem::new(
            ProblemKind::BadFormat,
            format!("{} contains the invalid character `{bad}`", spec.name),
            format!("letters, digits and {URI_MARKS}"),
        )),
    }
}

fn security_mechanisms(spec: &OptionSpec, value: &str) -> Checked {
    let dropped: Vec<&str> = super::list_items(value)
        .filter(|item| {
            let mechanism = item.split(';').next().unwrap_or_default().trim();
            !MECHANISMS.iter().any(|m| m.eq_ignore_ascii_case(mechanism))
        })
        .collect();
    if dropped.is_empty() {
        return Checked::ok();
    }
    Checked::warn(
        WarningKind::SilentlyIgnored,
        format!(
            "{}: Asterisk drops `{}` without a message (known: {})",
            spec.name,
            dropped.join("`, `"),
            MECHANISMS.join(", ")
        ),
    )
}

fn match_header(spec: &OptionSpec, value: &str) -> Result<Checked, ValueProblem> {
    if value.is_empty() {
        return Ok(Checked::ok());
    }
    match value.split_once(':') {
        Some((name, _)) if !name.trim().is_empty() => Ok(Checked::ok()),
        _ => Err(ValueProblem::new(
            ProblemKind::BadFormat,
            format!("{} = {value} has no `Header-Name:` part", spec.name),
            "`Header-Name: value` or `Header-Name: /regex/`",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_integers() {
        assert_eq!(leading_c_integer("46"), Some((46, false)));
        assert_eq!(leading_c_integer("0xb8"), Some((184, false)));
        assert_eq!(leading_c_integer("12abc"), Some((12, true)));
        assert_eq!(leading_c_integer("ef"), None);
    }
}
