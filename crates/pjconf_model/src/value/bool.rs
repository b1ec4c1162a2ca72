//! Booleans as Asterisk reads them (`ast_true` / `ast_false`).

use super::outcome::{Checked, WarningKind};
use crate::OptionSpec;

/// The spellings `ast_true` accepts, compared in any letter case.
pub const TRUE_SPELLINGS: [&str; 6] = ["yes", "true", "y", "t", "1", "on"];
/// The spellings `ast_false` accepts, compared in any letter case.
pub const FALSE_SPELLINGS: [&str; 6] = ["no", "false", "n", "f", "0", "off"];

/// How a text reads as a boolean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BoolSpelling {
    /// One of [`TRUE_SPELLINGS`], any letter case.
    True,
    /// One of [`FALSE_SPELLINGS`], any letter case.
    False,
    /// Anything else (including empty): a boolean option silently reads it as false;
    /// options that also accept other words (`100rel`, `timers`) reject it.
    Other,
}

/// Classify `value` the way `ast_true` and `ast_false` do.
///
/// ```
/// use pjconf_model::{BoolSpelling, bool_spelling};
///
/// assert_eq!(bool_spelling("On"), BoolSpelling::True);
/// assert_eq!(bool_spelling("OFF"), BoolSpelling::False);
/// assert_eq!(bool_spelling("enabled"), BoolSpelling::Other);
/// ```
pub fn bool_spelling(value: &str) -> BoolSpelling {
    let is = |spellings: &[&str]| spellings.iter().any(|s| s.eq_ignore_ascii_case(value));
    if is(&TRUE_SPELLINGS) {
        BoolSpelling::True
    } else if is(&FALSE_SPELLINGS) {
        BoolSpelling::False
    } else {
        BoolSpelling::Other
    }
}

/// A boolean option's value: never rejected, but a non-boolean spelling is silently false.
pub(crate) fn check(spec: &OptionSpec, value: &str) -> Checked {
    let canonical = |word: &str| {
        if value == word {
            Checked::ok()
        } else {
            Checked::effective(word)
        }
    };
    match bool_spelling(value) {
        BoolSpelling::True => canonical("yes"),
        BoolSpelling::False => canonical("no"),
        BoolSpelling::Other => {
            let what = if value.is_empty() {
                "an empty value".to_owned()
            } else {
                format!("`{value}` is not a boolean spelling, so it")
            };
            Checked::warn(
                WarningKind::SilentlyFalse,
                format!(
                    "{what} turns {} off: Asterisk reads anything but yes/true/y/t/1/on as `no`, without a message",
                    spec.name
                ),
            )
            .with_effective("no")
        }
    }
}
