//! Diagnostic codes of the wizard expansion (`PJ250`..`PJ259`). A code never changes meaning.
//!
//! The errors (`PJ250`..`PJ254`) are the failures res_pjsip_config_wizard.c logs itself: the
//! object in question is not created, the wizard's other objects are (each object type is a
//! separate pass of object_type_loaded_observer, so one failing handler does not stop the
//! others). The warnings are things Asterisk does silently.

use pjconf_diagnostics::Severity;

/// An identify is needed (neither `accepts_registrations` nor `sends_line_with_registrations`)
/// but `remote_hosts` is empty: handle_identify logs an error and creates no identify.
pub const IDENTIFY_WITHOUT_REMOTE_HOSTS: &str = "PJ250";
/// `sends_auth` / `accepts_auth` without `outbound_auth/username` / `inbound_auth/username`:
/// handle_auth logs an error and creates no auth (and handle_auths then skips the inbound one).
pub const AUTH_WITHOUT_USERNAME: &str = "PJ251";
/// `sends_registrations` with an empty `remote_hosts`: handle_registrations logs an error and
/// creates no registration.
pub const REGISTRATIONS_WITHOUT_REMOTE_HOSTS: &str = "PJ252";
/// `sends_registrations` and `sends_auth` without `outbound_auth/username`:
/// handle_registrations logs an error and creates no registration.
pub const REGISTRATIONS_WITHOUT_USERNAME: &str = "PJ253";
/// `has_phoneprov` without `phoneprov/MAC`: handle_phoneprov logs an error and creates no
/// phoneprov object.
pub const PHONEPROV_WITHOUT_MAC: &str = "PJ254";
/// A key the wizard does not read (not a wizard option, not an `<object>/` prefix as written):
/// ignored without a message.
pub const UNKNOWN_WIZARD_KEY: &str = "PJ255";
/// A wizard yes/no key whose value `ast_true` does not read as true: silently `no`.
pub const WIZARD_BOOL_NOT_BOOLEAN: &str = "PJ256";
/// A wizard setting that has no effect with the other settings (keys of an object that is not
/// created, hint keys without `has_hint`/`hint_exten`, patterns that are never used, ...).
pub const WIZARD_SETTING_WITHOUT_EFFECT: &str = "PJ257";
/// `accepts_registrations` without `aor/max_contacts`: the wizard does not set it, the aor
/// keeps max_contacts 0 and res_pjsip_registrar refuses every REGISTER.
pub const REGISTRATIONS_ACCEPTED_WITHOUT_MAX_CONTACTS: &str = "PJ258";
/// A value the wizard generates is applied after an `<object>/` option of the same name, so it
/// replaces (or adds to) what was written.
pub const GENERATED_VALUE_OVERRIDES: &str = "PJ259";

/// Every code of this stage: (code, default severity, summary).
pub const CODES: &[(&str, Severity, &str)] = &[
    (
        IDENTIFY_WITHOUT_REMOTE_HOSTS,
        Severity::Error,
        "wizard needs an identify but has no remote_hosts; no identify is created",
    ),
    (
        AUTH_WITHOUT_USERNAME,
        Severity::Error,
        "sends_auth/accepts_auth without the auth's username; the auth is not created",
    ),
    (
        REGISTRATIONS_WITHOUT_REMOTE_HOSTS,
        Severity::Error,
        "sends_registrations without remote_hosts; no registration is created",
    ),
    (
        REGISTRATIONS_WITHOUT_USERNAME,
        Severity::Error,
        "sends_registrations with sends_auth but no outbound_auth/username; no registration is created",
    ),
    (
        PHONEPROV_WITHOUT_MAC,
        Severity::Error,
        "has_phoneprov without phoneprov/MAC; no phoneprov object is created",
    ),
    (
        UNKNOWN_WIZARD_KEY,
        Severity::Warning,
        "key the wizard does not read; ignored without a message",
    ),
    (
        WIZARD_BOOL_NOT_BOOLEAN,
        Severity::Warning,
        "wizard yes/no key with a value that silently reads as no",
    ),
    (
        WIZARD_SETTING_WITHOUT_EFFECT,
        Severity::Warning,
        "wizard setting that has no effect with the other settings",
    ),
    (
        REGISTRATIONS_ACCEPTED_WITHOUT_MAX_CONTACTS,
        Severity::Warning,
        "accepts_registrations without aor/max_contacts; the aor refuses every REGISTER",
    ),
    (
        GENERATED_VALUE_OVERRIDES,
        Severity::Warning,
        "a value the wizard generates is applied after the same option written with a prefix",
    ),
];
