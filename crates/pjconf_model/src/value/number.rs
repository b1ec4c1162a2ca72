//! Integers and floating point numbers as Asterisk's `ast_parse_arg` reads them:
//! `strtoul`/`strtol` with base 0 (decimal, `0x` hex, leading-`0` octal), the whole text
//! must be consumed, unsigned values may not start with `-`.

use super::outcome::{Checked, ProblemKind, ValueProblem, WarningKind};
use crate::{OptionSpec, ValueKind};

/// How the digits of an integer were written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Radix {
    Decimal,
    Hex,
    Octal,
}

/// Why a text is not an integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IntError {
    Empty,
    Negative,
    Syntax,
}

/// Parse a C integer literal with optional sign, requiring the whole text to be digits.
/// Returns the magnitude (saturated), the sign and the radix.
pub(crate) fn parse_c_integer(text: &str) -> Result<(u128, bool, Radix), IntError> {
    if text.is_empty() {
        return Err(IntError::Empty);
    }
    let (negative, rest) = match text.as_bytes()[0] {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (radix, digits) =
        if let Some(hex) = rest.strip_prefix("0x").or_else(|| rest.strip_prefix("0X")) {
            (Radix::Hex, hex)
        } else if rest.len() > 1 && rest.starts_with('0') {
            (Radix::Octal, &rest[1..])
        } else {
            (Radix::Decimal, rest)
        };
    let base = match radix {
        Radix::Decimal => 10,
        Radix::Hex => 16,
        Radix::Octal => 8,
    };
    if digits.is_empty() {
        return Err(IntError::Syntax);
    }
    let mut value: u128 = 0;
    for c in digits.chars() {
        let digit = c.to_digit(base).ok_or(IntError::Syntax)?;
        value = value
            .saturating_mul(u128::from(base))
            .saturating_add(u128::from(digit));
    }
    Ok((value, negative, radix))
}

/// "an unsigned integer from 0 to 65535 (seconds)".
fn describe_range(signed: bool, min: i128, max: Option<i128>, unit: &str) -> String {
    let what = if signed {
        "an integer"
    } else {
        "an unsigned integer"
    };
    let mut text = match max {
        Some(max) => format!("{what} from {min} to {max}"),
        None if min > 0 => format!("{what} of at least {min}"),
        None => what.to_owned(),
    };
    if !unit.is_empty() {
        text.push_str(&format!(" ({unit})"));
    }
    text
}

fn unit_of(spec: &OptionSpec) -> &'static str {
    match spec.kind {
        ValueKind::Duration { unit, .. } => unit.as_str(),
        _ => "",
    }
}

fn accepted(text: &str, value: i128, radix: Radix) -> Checked {
    match radix {
        Radix::Octal => Checked::warn(
            WarningKind::Reinterpreted,
            format!("the leading 0 makes Asterisk read `{text}` as octal, which is {value}"),
        )
        .with_effective(value.to_string()),
        Radix::Hex => Checked::effective(value.to_string()),
        Radix::Decimal if text.starts_with('+') => Checked::effective(value.to_string()),
        Radix::Decimal => Checked::ok(),
    }
}

fn not_a_number(spec: &OptionSpec, value: &str, expected: String, error: IntError) -> ValueProblem {
    let message = match error {
        IntError::Empty => format!("{} needs a number, the value is empty", spec.name),
        IntError::Negative => format!("{} does not accept the negative value `{value}`", spec.name),
        IntError::Syntax => format!("`{value}` is not a number ({})", spec.name),
    };
    let kind = match error {
        IntError::Empty => ProblemKind::Empty,
        IntError::Negative => ProblemKind::OutOfRange,
        IntError::Syntax => ProblemKind::NotANumber,
    };
    ValueProblem::new(kind, message, expected)
}

/// An unsigned 32-bit option (plain or duration) checked against `min..=max`.
pub(crate) fn check_uint(
    spec: &OptionSpec,
    value: &str,
    min: u32,
    max: Option<u32>,
) -> Result<Checked, ValueProblem> {
    // The description of the accepted range is only built for a problem: most values are
    // fine, and formatting it was most of the cost of a check.
    let expected = || describe_range(false, min.into(), max.map(i128::from), unit_of(spec));
    let (magnitude, negative, radix) =
        parse_c_integer(value).map_err(|e| not_a_number(spec, value, expected(), e))?;
    if negative {
        return Err(not_a_number(spec, value, expected(), IntError::Negative));
    }
    let upper = max.unwrap_or(u32::MAX);
    if magnitude < u128::from(min) || magnitude > u128::from(upper) {
        return Err(ValueProblem::new(
            ProblemKind::OutOfRange,
            format!("{} = {value} is out of range", spec.name),
            expected(),
        ));
    }
    Ok(accepted(value, magnitude as i128, radix))
}

/// A signed 32-bit option checked against `min..=max`.
pub(crate) fn check_int(
    spec: &OptionSpec,
    value: &str,
    min: i32,
    max: i32,
) -> Result<Checked, ValueProblem> {
    let ranged = min != i32::MIN || max != i32::MAX;
    // Built only for a problem (see check_uint).
    let expected = || {
        describe_range(
            true,
            min.into(),
            ranged.then_some(i128::from(max)),
            unit_of(spec),
        )
    };
    let (magnitude, negative, radix) =
        parse_c_integer(value).map_err(|e| not_a_number(spec, value, expected(), e))?;
    let signed = if negative {
        -(magnitude.min(u128::from(u32::MAX)) as i128)
    } else {
        magnitude.min(u128::from(u32::MAX)) as i128
    };
    if signed < i128::from(min) || signed > i128::from(max) {
        return Err(ValueProblem::new(
            ProblemKind::OutOfRange,
            format!("{} = {value} is out of range", spec.name),
            expected(),
        ));
    }
    Ok(accepted(value, signed, radix))
}

/// A floating point option (`strtod`, whole text consumed).
pub(crate) fn check_double(spec: &OptionSpec, value: &str) -> Result<Checked, ValueProblem> {
    let expected = "a number such as 3 or 0.5";
    if value.is_empty() {
        return Err(ValueProblem::new(
            ProblemKind::Empty,
            format!("{} needs a number, the value is empty", spec.name),
            expected,
        ));
    }
    match value.parse::<f64>() {
        Ok(_) => Ok(Checked::ok()),
        Err(_) => Err(ValueProblem::new(
            ProblemKind::NotANumber,
            format!("`{value}` is not a number ({})", spec.name),
            expected,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c_integer_literals() {
        assert_eq!(parse_c_integer("42"), Ok((42, false, Radix::Decimal)));
        assert_eq!(parse_c_integer("0"), Ok((0, false, Radix::Decimal)));
        assert_eq!(parse_c_integer("0x1f"), Ok((31, false, Radix::Hex)));
        assert_eq!(parse_c_integer("010"), Ok((8, false, Radix::Octal)));
        assert_eq!(parse_c_integer("-5"), Ok((5, true, Radix::Decimal)));
        assert_eq!(parse_c_integer("08"), Err(IntError::Syntax));
        assert_eq!(parse_c_integer("0x"), Err(IntError::Syntax));
        assert_eq!(parse_c_integer("12abc"), Err(IntError::Syntax));
        assert_eq!(parse_c_integer(""), Err(IntError::Empty));
    }
}
