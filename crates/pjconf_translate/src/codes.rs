//! Diagnostic codes of the convert stage (`PJ3xx`). A code never changes meaning.
//!
//! Every sip.conf option that `convert` does not translate gets exactly one of these, so the
//! report lists everything left behind. [`CODES`] gives each code its default severity and
//! summary. Severity tells whether a person must look: `info` (nothing to do: pjsip behaves
//! so anyway) never changes the exit status; `warning` and `error` do.

use pjconf_diagnostics::Severity;

/// A chan_sip option with no pjsip equivalent: its behaviour is lost unless done elsewhere
/// (dialplan, another module); the help says where.
pub const NO_EQUIVALENT: &str = "PJ301";
/// A chan_sip option whose pjsip translation depends on something only a person knows.
pub const NEEDS_DECISION: &str = "PJ302";
/// A chan_sip option that is obsolete under pjsip: pjsip always behaves that way, or the
/// setting only concerned chan_sip internals.
pub const OBSOLETE: &str = "PJ303";
/// An option name chan_sip does not know (a typo, or an option of another channel driver).
pub const UNKNOWN_OPTION: &str = "PJ304";
/// A value that pjconf cannot translate into a value pjsip accepts.
pub const UNTRANSLATABLE_VALUE: &str = "PJ305";
/// Options before the first section header (a fragment such as sip_general_additional.conf),
/// converted as if they were in `[general]`.
pub const FRAGMENT_AS_GENERAL: &str = "PJ306";
/// A `register =>` line that cannot be read.
pub const BAD_REGISTER_LINE: &str = "PJ307";
/// A `register =>` line for which no peer could be found to link the registration to.
pub const REGISTRATION_WITHOUT_PEER: &str = "PJ308";
/// A section chan_sip itself ignores (no `type`, or an unknown `type`), not converted.
pub const SECTION_IGNORED: &str = "PJ309";
/// A generated name already taken by another section; the new one got a suffix.
pub const NAME_CHANGED: &str = "PJ310";
/// A translation whose behaviour differs slightly from chan_sip's; the note says how.
pub const APPROXIMATED: &str = "PJ311";

/// Every code with its default severity and a one-line summary.
pub const CODES: &[(&str, Severity, &str)] = &[
    (
        NO_EQUIVALENT,
        Severity::Warning,
        "chan_sip option with no pjsip equivalent",
    ),
    (
        NEEDS_DECISION,
        Severity::Warning,
        "chan_sip option whose translation needs a manual decision",
    ),
    (
        OBSOLETE,
        Severity::Info,
        "chan_sip option obsolete under pjsip",
    ),
    (
        UNKNOWN_OPTION,
        Severity::Warning,
        "option unknown to chan_sip",
    ),
    (
        UNTRANSLATABLE_VALUE,
        Severity::Warning,
        "value with no pjsip translation",
    ),
    (
        FRAGMENT_AS_GENERAL,
        Severity::Info,
        "options before any section converted as [general]",
    ),
    (
        BAD_REGISTER_LINE,
        Severity::Warning,
        "unreadable register line",
    ),
    (
        REGISTRATION_WITHOUT_PEER,
        Severity::Info,
        "registration linked to no peer",
    ),
    (
        SECTION_IGNORED,
        Severity::Warning,
        "section chan_sip ignores, not converted",
    ),
    (
        NAME_CHANGED,
        Severity::Info,
        "generated name taken; suffixed",
    ),
    (
        APPROXIMATED,
        Severity::Info,
        "translation approximates chan_sip's behaviour",
    ),
];

/// The default severity of `code`, if it is a convert code.
pub fn severity(code: &str) -> Option<Severity> {
    CODES.iter().find(|(c, ..)| *c == code).map(|&(_, s, _)| s)
}
