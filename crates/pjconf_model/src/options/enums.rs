//! The enumerations the option table refers to. Values and case rules come from the
//! reference table's notes (checked by `tests/options.rs`), aliases and hints from the
//! README facts measured against Asterisk 22.10.1.

use super::kind::{CaseRule, EnumSpec, UnknownValue};

const CI: CaseRule = CaseRule::Insensitive;
const CS: CaseRule = CaseRule::Sensitive;

/// endpoint `dtmf_mode`.
pub(crate) static DTMF_MODE: EnumSpec = EnumSpec {
    hints: &[("rfc2833", "rfc4733")],
    ..EnumSpec::new(
        &["rfc4733", "inband", "info", "auto", "auto_info", "none"],
        CI,
    )
};

/// endpoint `100rel`.
pub(crate) static PRACK: EnumSpec = EnumSpec {
    bool_spellings: true,
    ..EnumSpec::new(&["no", "required", "peer_supported", "yes"], CI)
};

/// endpoint `timers`.
pub(crate) static TIMERS: EnumSpec = EnumSpec {
    aliases: &[("forced", "always")],
    bool_spellings: true,
    ..EnumSpec::new(&["no", "yes", "required", "always"], CI)
};

/// endpoint `direct_media_method` and `connected_line_method`.
pub(crate) static REFRESH_METHOD: EnumSpec = EnumSpec {
    aliases: &[("reinvite", "invite")],
    ..EnumSpec::new(&["invite", "update"], CI)
};

/// endpoint `direct_media_glare_mitigation`.
pub(crate) static GLARE_MITIGATION: EnumSpec = EnumSpec::new(&["none", "outgoing", "incoming"], CI);

/// endpoint `callerid_privacy` (a presentation number is accepted too).
pub(crate) static CALLERID_PRIVACY: EnumSpec = EnumSpec {
    integer_ok: true,
    ..EnumSpec::new(
        &[
            "allowed_not_screened",
            "allowed_passed_screen",
            "allowed_failed_screen",
            "allowed",
            "prohib_not_screened",
            "prohib_passed_screen",
            "prohib_failed_screen",
            "prohib",
            "unavailable",
        ],
        CI,
    )
};

/// endpoint `media_encryption` (boolean spellings are rejected).
pub(crate) static MEDIA_ENCRYPTION: EnumSpec = EnumSpec::new(&["no", "sdes", "dtls"], CI);

/// endpoint `t38_udptl_ec`: case-sensitive.
pub(crate) static T38_EC: EnumSpec = EnumSpec::new(&["none", "fec", "redundancy"], CS);

/// endpoint `dtls_verify` (`True` was rejected; only yes/no of the boolean spellings).
pub(crate) static DTLS_VERIFY: EnumSpec =
    EnumSpec::new(&["no", "fingerprint", "certificate", "yes"], CI);

/// endpoint `dtls_setup`: an unknown value is ignored without a message.
pub(crate) static DTLS_SETUP: EnumSpec = EnumSpec {
    unknown: UnknownValue::SilentlyIgnored,
    ..EnumSpec::new(&["active", "passive", "actpass"], CI)
};

/// endpoint `dtls_fingerprint`: an unknown value is ignored without a message.
pub(crate) static DTLS_FINGERPRINT: EnumSpec = EnumSpec {
    unknown: UnknownValue::SilentlyIgnored,
    ..EnumSpec::new(&["SHA-256", "SHA-1"], CI)
};

/// endpoint `redirect_method`.
pub(crate) static REDIRECT_METHOD: EnumSpec = EnumSpec::new(&["user", "uri_core", "uri_pjsip"], CI);

/// endpoint `incoming_call_offer_pref`: case-sensitive.
pub(crate) static INCOMING_CALL_OFFER_PREF: EnumSpec =
    EnumSpec::new(&["local", "local_first", "remote", "remote_first"], CS);

/// endpoint `outgoing_call_offer_pref`: case-sensitive.
pub(crate) static OUTGOING_CALL_OFFER_PREF: EnumSpec = EnumSpec::new(
    &[
        "local",
        "local_merge",
        "local_first",
        "remote",
        "remote_merge",
        "remote_first",
    ],
    CS,
);

/// endpoint and registration `security_negotiation`.
pub(crate) static SECURITY_NEGOTIATION: EnumSpec = EnumSpec::new(&["no", "mediasec"], CI);

/// endpoint `identify_by` (a comma list).
pub(crate) static IDENTIFY_BY: EnumSpec = EnumSpec::new(
    &["username", "auth_username", "ip", "header", "request_uri"],
    CI,
);

/// auth `auth_type`.
pub(crate) static AUTH_TYPE: EnumSpec =
    EnumSpec::new(&["userpass", "md5", "google_oauth", "digest"], CI);

/// auth `supported_algorithms_*`, global `default_auth_algorithms_*` (comma lists).
pub(crate) static DIGEST_ALGORITHMS: EnumSpec =
    EnumSpec::new(&["md5", "sha-256", "sha-512-256"], CI);

/// transport `protocol`.
pub(crate) static TRANSPORT_PROTOCOL: EnumSpec =
    EnumSpec::new(&["udp", "tcp", "tls", "ws", "wss", "flow"], CI);

/// transport `method` (TLS method).
pub(crate) static TLS_METHOD: EnumSpec = EnumSpec::new(
    &[
        "default",
        "unspecified",
        "tlsv1",
        "tlsv1_1",
        "tlsv1_2",
        "tlsv1_3",
        "sslv2",
        "sslv3",
        "sslv23",
    ],
    CI,
);

/// global `taskprocessor_overload_trigger`.
pub(crate) static OVERLOAD_TRIGGER: EnumSpec = EnumSpec::new(&["global", "pjsip_only", "none"], CI);

/// resource_list `event`.
pub(crate) static RESOURCE_LIST_EVENT: EnumSpec =
    EnumSpec::new(&["presence", "dialog", "message-summary"], CI);
