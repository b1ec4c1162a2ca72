//! Diagnostic codes of the emit stage (`PJ6xx`). A code never changes meaning.
//!
//! Every code is a refusal: the text asked for cannot be written so that Asterisk's
//! main/config.c reads back exactly what was given, so [`crate::emit`] writes nothing.
//! [`CODES`] lists each with its default severity and a one-line summary, so the CLI can
//! explain a code and tests can check that codes are unique.

use pjconf_diagnostics::Severity;

/// A value holding `\r` or `\n`: config.c reads one line per `\n`, and there is no escape.
pub const VALUE_LINE_BREAK: &str = "PJ601";
/// A NUL character anywhere: config.c reads C strings, so the line would end there.
pub const NUL_CHARACTER: &str = "PJ602";
/// A value starting or ending with a blank (any byte below 33): config.c trims it away.
pub const VALUE_EDGE_BLANK: &str = "PJ603";
/// An empty option name: config.c ignores `= value` with a warning.
pub const EMPTY_KEY: &str = "PJ604";
/// An option name holding `=`, `;` or a blank, which would split or end the line elsewhere.
pub const KEY_CHARACTER: &str = "PJ605";
/// An option name ending in `+`, which reads as the `+=` operator once written `key+=value`.
pub const KEY_ENDS_WITH_PLUS: &str = "PJ606";
/// An empty section name.
pub const EMPTY_SECTION_NAME: &str = "PJ607";
/// A section name holding `]`, `;`, `\r` or `\n`, which ends the header or the line early.
pub const SECTION_NAME_CHARACTER: &str = "PJ608";
/// A section name starting or ending with a blank: it survives config.c (names are not
/// trimmed) but no parent list can name it, and it is almost always a mistake.
pub const SECTION_NAME_EDGE_BLANK: &str = "PJ609";
/// A parent name that a header's `(...)` list cannot hold: empty, holding `,`, `)`, `;`,
/// `\r` or `\n`, or starting or ending with a blank (entries are not trimmed).
pub const PARENT_CHARACTER: &str = "PJ610";
/// A parent name config.c reads as a flag: `!` (template) or `+...` (append).
pub const PARENT_IS_FLAG: &str = "PJ611";
/// A parent that is not a section earlier in the document: config.c rejects the whole file.
pub const PARENT_NOT_DEFINED: &str = "PJ612";
/// A comment holding `\r`, or a trailing option comment holding `\n`.
pub const COMMENT_LINE_BREAK: &str = "PJ613";
/// A line longer than config.c reads (it would be skipped whole).
pub const LINE_TOO_LONG: &str = "PJ614";

/// Every code of this stage: (code, default severity, summary).
pub const CODES: &[(&str, Severity, &str)] = &[
    (
        VALUE_LINE_BREAK,
        Severity::Error,
        "value with a line break cannot be written",
    ),
    (
        NUL_CHARACTER,
        Severity::Error,
        "NUL character cannot be written",
    ),
    (
        VALUE_EDGE_BLANK,
        Severity::Error,
        "value starting or ending with a blank would be trimmed",
    ),
    (EMPTY_KEY, Severity::Error, "option without a name"),
    (
        KEY_CHARACTER,
        Severity::Error,
        "option name with `=`, `;` or a blank cannot be written",
    ),
    (
        KEY_ENDS_WITH_PLUS,
        Severity::Error,
        "option name ending in `+` reads as `+=`",
    ),
    (EMPTY_SECTION_NAME, Severity::Error, "empty section name"),
    (
        SECTION_NAME_CHARACTER,
        Severity::Error,
        "section name with `]`, `;` or a line break cannot be written",
    ),
    (
        SECTION_NAME_EDGE_BLANK,
        Severity::Error,
        "section name starting or ending with a blank",
    ),
    (
        PARENT_CHARACTER,
        Severity::Error,
        "parent name that a header's option list cannot hold",
    ),
    (
        PARENT_IS_FLAG,
        Severity::Error,
        "parent name that reads as `!` or `+`",
    ),
    (
        PARENT_NOT_DEFINED,
        Severity::Error,
        "parent is not a section defined earlier",
    ),
    (
        COMMENT_LINE_BREAK,
        Severity::Error,
        "comment with a line break it cannot hold",
    ),
    (
        LINE_TOO_LONG,
        Severity::Error,
        "line longer than Asterisk reads",
    ),
];

#[cfg(test)]
mod tests {
    use super::CODES;

    #[test]
    fn codes_are_unique_and_in_range() {
        let mut seen = std::collections::BTreeSet::new();
        for (code, _, summary) in CODES {
            assert!(code.starts_with("PJ6") && code.len() == 5, "{code}");
            assert!(seen.insert(*code), "duplicate {code}");
            assert!(!summary.is_empty());
        }
    }
}
