//! `allow` / `disallow` codec lists.
//!
//! Asterisk splits the value at commas without trimming (`ast_format_cap_update_by_allow_disallow`),
//! so ` alaw` is an unknown format. Each item is `[!]name[:framing]`: `!` flips allow and
//! disallow, `:20` sets the packetization in ms, `all` means every codec. Names are compared
//! in any letter case. One unknown name rejects the endpoint.

use super::closest;
use super::outcome::{Checked, ProblemKind, ValueProblem};
use crate::OptionSpec;

/// Codec names known to Asterisk's format cache (any letter case), plus nothing else:
/// `all` is handled separately.
pub const KNOWN_CODECS: &[&str] = &[
    "ulaw", "alaw", "gsm", "g722", "g723", "g726", "g726aal2", "g729", "ilbc", "lpc10", "speex",
    "speex16", "speex32", "slin", "slin12", "slin16", "slin24", "slin32", "slin44", "slin48",
    "slin96", "slin192", "opus", "adpcm", "siren7", "siren14", "testlaw", "h261", "h263", "h263p",
    "h264", "h265", "mpeg4", "vp8", "vp9", "red", "t140", "t140red", "jpeg", "png", "codec2",
    "silk8", "silk12", "silk16", "silk24", "g719",
];

const EXPECTED: &str = "a comma list of codec names (ulaw, alaw, g722, opus, ...) or `all`, \
     each optionally prefixed with `!` and suffixed with `:ms`, without spaces";

fn is_known(name: &str) -> bool {
    name.eq_ignore_ascii_case("all") || KNOWN_CODECS.iter().any(|c| c.eq_ignore_ascii_case(name))
}

/// Like `sscanf("%d")` on the framing text: empty is accepted (read as 0), otherwise an
/// optional sign and at least one digit; negative is an error.
fn framing_ok(framing: &str) -> bool {
    let text = framing.trim_start();
    if text.is_empty() {
        return true;
    }
    let (negative, digits) = match text.as_bytes()[0] {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let has_digit = digits.starts_with(|c: char| c.is_ascii_digit());
    has_digit
        && !(negative
            && digits
                .trim_start_matches('0')
                .starts_with(|c: char| c.is_ascii_digit()))
}

fn candidates() -> impl Iterator<Item = &'static str> {
    KNOWN_CODECS.iter().copied().chain(std::iter::once("all"))
}

/// Check one codec list value.
pub(crate) fn check(
    spec: &OptionSpec,
    value: &str,
    allow_empty: bool,
) -> Result<Checked, ValueProblem> {
    if value.is_empty() {
        return if allow_empty {
            Ok(Checked::ok())
        } else {
            Err(ValueProblem::new(
                ProblemKind::Empty,
                format!(
                    "{} needs at least one codec; an empty value is an unknown format",
                    spec.name
                ),
                EXPECTED,
            ))
        };
    }
    for item in value.split(',') {
        let body = item.strip_prefix('!').unwrap_or(item);
        let (name, framing) = match body.rfind(':') {
            Some(colon) => (&body[..colon], Some(&body[colon + 1..])),
            None => (body, None),
        };
        if let Some(framing) = framing
            && !framing_ok(framing)
        {
            return Err(ValueProblem::new(
                ProblemKind::BadFormat,
                format!(
                    "bad packetization `{framing}` for codec `{name}` in {}",
                    spec.name
                ),
                EXPECTED,
            ));
        }
        if is_known(name) {
            continue;
        }
        let trimmed = name.trim();
        if trimmed != name && is_known(trimmed) {
            let fixed: Vec<&str> = value.split(',').map(str::trim).collect();
            return Err(ValueProblem::new(
                ProblemKind::UnknownCodec,
                format!(
                    "codec `{name}` in {} has surrounding spaces; Asterisk does not trim list items, so it is an unknown format",
                    spec.name
                ),
                EXPECTED,
            )
            .with_suggestion(Some(fixed.join(","))));
        }
        let shown = if name.is_empty() {
            "an empty codec name (two commas in a row, or a trailing comma)".to_owned()
        } else {
            format!("unknown codec `{name}`")
        };
        return Err(ValueProblem::new(
            ProblemKind::UnknownCodec,
            format!("{shown} in {}", spec.name),
            EXPECTED,
        )
        .with_suggestion(closest(name, candidates())));
    }
    Ok(Checked::ok())
}
