//! Enumerated values and comma lists of them, with each option's case rule and aliases.

use super::bool::{BoolSpelling, bool_spelling};
use super::outcome::{Checked, ProblemKind, ValueProblem, WarningKind};
use super::{closest, list_items};
use crate::{CaseRule, EnumSpec, OptionSpec, UnknownValue};

fn same(case: CaseRule, a: &str, b: &str) -> bool {
    match case {
        CaseRule::Insensitive => a.eq_ignore_ascii_case(b),
        CaseRule::Sensitive => a == b,
    }
}

/// The canonical value `value` selects, if any (values, then aliases, then boolean spellings).
fn resolve(spec: &EnumSpec, value: &str) -> Option<&'static str> {
    if let Some(found) = spec.values.iter().find(|v| same(spec.case, v, value)) {
        return Some(found);
    }
    if let Some((_, canonical)) = spec.aliases.iter().find(|(a, _)| same(spec.case, a, value)) {
        return Some(canonical);
    }
    if spec.bool_spellings {
        match bool_spelling(value) {
            BoolSpelling::True => return Some("yes"),
            BoolSpelling::False => return Some("no"),
            BoolSpelling::Other => {}
        }
    }
    None
}

/// True for what `sscanf("%d")` accepts: optional sign, then at least one digit.
fn leading_integer(value: &str) -> bool {
    let digits = value.strip_prefix(['-', '+']).unwrap_or(value);
    digits.starts_with(|c: char| c.is_ascii_digit())
}

/// One enumerated value.
pub(crate) fn check_one(
    option: &OptionSpec,
    spec: &EnumSpec,
    value: &str,
) -> Result<Checked, ValueProblem> {
    if let Some(canonical) = resolve(spec, value) {
        return Ok(if canonical == value {
            Checked::ok()
        } else {
            Checked::effective(canonical)
        });
    }
    if spec.integer_ok && leading_integer(value) {
        return Ok(Checked::ok());
    }
    let expected = spec.describe();
    if let Some((wrong, right)) = spec
        .hints
        .iter()
        .find(|(wrong, _)| wrong.eq_ignore_ascii_case(value))
    {
        return Err(ValueProblem::new(
            ProblemKind::UnknownValue,
            format!(
                "{} = {wrong} is not accepted by Asterisk; the name is {right}",
                option.name
            ),
            expected,
        )
        .with_suggestion(Some((*right).to_owned())));
    }
    if spec.case == CaseRule::Sensitive
        && let Some(right) = spec.values.iter().find(|v| v.eq_ignore_ascii_case(value))
    {
        return Err(ValueProblem::new(
            ProblemKind::WrongCase,
            format!(
                "{} is case-sensitive: `{value}` is rejected, write `{right}`",
                option.name
            ),
            expected,
        )
        .with_suggestion(Some((*right).to_owned())));
    }
    if spec.unknown == UnknownValue::SilentlyIgnored {
        return Ok(Checked::warn(
            WarningKind::SilentlyIgnored,
            format!(
                "`{value}` is not a valid {}: Asterisk ignores it without a message and keeps the previous value",
                option.name
            ),
        ));
    }
    let shown = if value.is_empty() {
        "an empty value".to_owned()
    } else {
        format!("`{value}`")
    };
    Err(ValueProblem::new(
        ProblemKind::UnknownValue,
        format!("{shown} is not a valid {}", option.name),
        expected,
    )
    .with_suggestion(closest(value, spec.values.iter().copied())))
}

/// A comma list of enumerated values (items trimmed, empty items skipped; an empty value
/// is accepted and means "use the default").
pub(crate) fn check_list(
    option: &OptionSpec,
    spec: &EnumSpec,
    value: &str,
) -> Result<Checked, ValueProblem> {
    let mut canonical = Vec::new();
    for item in list_items(value) {
        let checked = check_one(option, spec, item).map_err(|mut problem| {
            problem.expected = format!("a comma list of {}", problem.expected);
            problem
        })?;
        canonical.push(checked.effective.unwrap_or_else(|| item.to_owned()));
    }
    let joined = canonical.join(",");
    Ok(if joined == value {
        Checked::ok()
    } else {
        Checked::effective(joined)
    })
}
