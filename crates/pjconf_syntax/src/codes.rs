//! Diagnostic codes of the syntax and include stage (`PJ0xx`). A code never changes meaning.
//!
//! [`CODES`] lists each with its default severity and a one-line summary, so the CLI can
//! explain a code and tests can check that codes are unique.

use pjconf_diagnostics::Severity;

/// `[` without a closing `]`. config.c rejects the whole file.
pub const UNCLOSED_BRACKET: &str = "PJ001";
/// `(` without a closing `)` in a section header. config.c rejects the whole file.
pub const UNCLOSED_PAREN: &str = "PJ002";
/// An empty name in a header's option list, such as `[a]()` or `[a](b,)`. Rejects the file.
pub const EMPTY_PARENT: &str = "PJ003";
/// Text after `]` or `)` in a section header, which config.c ignores.
pub const HEADER_TRAILING_TEXT: &str = "PJ004";
/// A line with neither `=` nor `=>`, which config.c ignores with a warning.
pub const MISSING_EQUALS: &str = "PJ005";
/// An option before any section header. config.c rejects the whole file.
pub const OPTION_BEFORE_SECTION: &str = "PJ006";
/// A `;--` block comment that is never closed.
pub const UNTERMINATED_BLOCK_COMMENT: &str = "PJ007";
/// A NUL byte: config.c stops reading the line there.
pub const NUL_BYTE: &str = "PJ008";
/// A line longer than config.c reads; it is skipped whole.
pub const LINE_TOO_LONG: &str = "PJ009";
/// `= value` with no option name; ignored with a warning.
pub const EMPTY_OPTION_NAME: &str = "PJ010";
/// A leading `\` that escapes a blank or nothing. config.c rejects the whole file.
pub const INVALID_ESCAPE: &str = "PJ011";
/// `--;` outside a block comment: config.c then reads every later line as a comment.
pub const STRAY_BLOCK_COMMENT_END: &str = "PJ012";
/// Block comments nested deeper than config.c counts.
pub const BLOCK_COMMENT_TOO_DEEP: &str = "PJ013";
/// A `#` line that is not `#include`, `#tryinclude` or `#exec` (`#` is not a comment).
pub const UNKNOWN_DIRECTIVE: &str = "PJ014";
/// A directive without its argument; ignored with a warning.
pub const DIRECTIVE_WITHOUT_ARGUMENT: &str = "PJ015";
/// `#exec`: pjconf never runs programs.
pub const EXEC_REFUSED: &str = "PJ016";
/// `#include` of a file that does not exist. config.c rejects the whole file.
pub const MISSING_INCLUDE: &str = "PJ020";
/// A file that includes itself, directly or through others.
pub const INCLUDE_CYCLE: &str = "PJ021";
/// An include path outside the root directory pjconf was given.
pub const INCLUDE_OUTSIDE_ROOT: &str = "PJ022";
/// Includes nested deeper than pjconf follows.
pub const INCLUDE_TOO_DEEP: &str = "PJ023";
/// A file, or a load, larger than pjconf reads.
pub const FILE_TOO_LARGE: &str = "PJ024";
/// An included file that exists but could not be read.
pub const INCLUDE_UNREADABLE: &str = "PJ025";

/// Every code of this stage: (code, default severity, summary).
pub const CODES: &[(&str, Severity, &str)] = &[
    (
        UNCLOSED_BRACKET,
        Severity::Error,
        "section header without a closing `]`",
    ),
    (
        UNCLOSED_PAREN,
        Severity::Error,
        "header option list without a closing `)`",
    ),
    (
        EMPTY_PARENT,
        Severity::Error,
        "empty name in a header option list",
    ),
    (
        HEADER_TRAILING_TEXT,
        Severity::Warning,
        "text after `]` or `)` is ignored",
    ),
    (
        MISSING_EQUALS,
        Severity::Warning,
        "line with neither `=` nor `=>` is ignored",
    ),
    (
        OPTION_BEFORE_SECTION,
        Severity::Error,
        "option before any section header",
    ),
    (
        UNTERMINATED_BLOCK_COMMENT,
        Severity::Warning,
        "`;--` block comment never closed",
    ),
    (NUL_BYTE, Severity::Warning, "NUL byte ends the line early"),
    (
        LINE_TOO_LONG,
        Severity::Warning,
        "line longer than Asterisk reads is skipped",
    ),
    (
        EMPTY_OPTION_NAME,
        Severity::Warning,
        "option without a name is ignored",
    ),
    (
        INVALID_ESCAPE,
        Severity::Error,
        "`\\` escapes a blank or nothing",
    ),
    (
        STRAY_BLOCK_COMMENT_END,
        Severity::Warning,
        "`--;` outside a block comment hides the rest of the file",
    ),
    (
        BLOCK_COMMENT_TOO_DEEP,
        Severity::Warning,
        "block comments nested too deep",
    ),
    (
        UNKNOWN_DIRECTIVE,
        Severity::Warning,
        "unknown `#` directive (`#` is not a comment)",
    ),
    (
        DIRECTIVE_WITHOUT_ARGUMENT,
        Severity::Warning,
        "directive without an argument is ignored",
    ),
    (
        EXEC_REFUSED,
        Severity::Error,
        "`#exec` is refused: pjconf never runs programs",
    ),
    (
        MISSING_INCLUDE,
        Severity::Error,
        "`#include` of a file that does not exist",
    ),
    (INCLUDE_CYCLE, Severity::Error, "include cycle"),
    (
        INCLUDE_OUTSIDE_ROOT,
        Severity::Error,
        "include path outside the configuration root",
    ),
    (
        INCLUDE_TOO_DEEP,
        Severity::Error,
        "includes nested too deep",
    ),
    (
        FILE_TOO_LARGE,
        Severity::Error,
        "file or load larger than pjconf reads",
    ),
    (
        INCLUDE_UNREADABLE,
        Severity::Error,
        "included file could not be read",
    ),
];
