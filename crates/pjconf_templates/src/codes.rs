//! Diagnostic codes of the template stage (`PJ1xx`). A code never changes meaning.
//!
//! [`CODES`] lists each with its default severity and a one-line summary, so the CLI can
//! explain a code and tests can check that codes are unique.

use pjconf_diagnostics::Severity;

/// A parent name that no section has. config.c rejects the whole file.
pub const UNKNOWN_PARENT: &str = "PJ101";
/// A parent defined only below the section that names it: config.c looks parents up among
/// the sections read so far, so it rejects the whole file.
pub const PARENT_DEFINED_BELOW: &str = "PJ102";
/// Blanks around a parent name, as in `(a, b)`: config.c does not trim, looks for `" b"` and
/// rejects the whole file.
pub const PARENT_NAME_BLANKS: &str = "PJ103";
/// A section that names itself as its parent. config.c rejects the whole file.
pub const SELF_INHERITANCE: &str = "PJ104";
/// Sections that inherit from each other in a loop (order-free model).
pub const INHERITANCE_CYCLE: &str = "PJ105";
/// `(+)` with no earlier section (matching the filter) to extend. config.c rejects the
/// whole file.
pub const NOTHING_TO_EXTEND: &str = "PJ106";
/// `(+)` adds lines to a section that others already inherited from: inheritance is a
/// snapshot, so those sections do not get the new lines.
pub const EXTENSION_AFTER_INHERITANCE: &str = "PJ107";

/// Every code of this stage: (code, default severity, summary).
pub const CODES: &[(&str, Severity, &str)] = &[
    (
        UNKNOWN_PARENT,
        Severity::Error,
        "parent section that does not exist",
    ),
    (
        PARENT_DEFINED_BELOW,
        Severity::Error,
        "parent defined only below the section that inherits from it",
    ),
    (
        PARENT_NAME_BLANKS,
        Severity::Error,
        "blank around a parent name (config.c does not trim it)",
    ),
    (
        SELF_INHERITANCE,
        Severity::Error,
        "section inherits from itself",
    ),
    (INHERITANCE_CYCLE, Severity::Error, "inheritance cycle"),
    (
        NOTHING_TO_EXTEND,
        Severity::Error,
        "`(+)` with no earlier section to extend",
    ),
    (
        EXTENSION_AFTER_INHERITANCE,
        Severity::Warning,
        "`(+)` lines that sections inheriting earlier do not see",
    ),
];
