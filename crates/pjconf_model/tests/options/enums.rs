//! Enumerations: case rules, aliases, boolean spellings and silently ignored values,
//! as measured on Asterisk 22.10.1.

use pjconf_model::{ObjectType, ProblemKind, WarningKind};

use super::{accepted, clean, rejected};

const E: ObjectType = ObjectType::Endpoint;

#[test]
fn dtmf_mode_is_case_insensitive_and_rejects_rfc2833() {
    assert_eq!(clean(E, "dtmf_mode", "rfc4733"), None);
    assert_eq!(clean(E, "dtmf_mode", "RFC4733").as_deref(), Some("rfc4733"));
    assert_eq!(
        clean(E, "dtmf_mode", "Auto_Info").as_deref(),
        Some("auto_info")
    );
    let problem = rejected(E, "dtmf_mode", "rfc2833");
    assert_eq!(problem.suggestion.as_deref(), Some("rfc4733"));
    assert!(
        problem
            .expected
            .starts_with("one of: rfc4733, inband, info, auto, auto_info, none"),
        "{}",
        problem.expected
    );
    let problem = rejected(E, "dtmf_mode", "inbnd");
    assert_eq!(problem.kind, ProblemKind::UnknownValue);
    assert_eq!(problem.suggestion.as_deref(), Some("inband"));
}

#[test]
fn t38_udptl_ec_is_case_sensitive() {
    assert_eq!(clean(E, "t38_udptl_ec", "fec"), None);
    assert_eq!(clean(E, "t38_udptl_ec", "redundancy"), None);
    let problem = rejected(E, "t38_udptl_ec", "FEC");
    assert_eq!(problem.kind, ProblemKind::WrongCase);
    assert_eq!(problem.suggestion.as_deref(), Some("fec"));
    rejected(E, "t38_udptl_ec", "Redundancy");
}

#[test]
fn call_offer_prefs_are_case_sensitive() {
    clean(E, "incoming_call_offer_pref", "local");
    assert_eq!(
        rejected(E, "incoming_call_offer_pref", "LOCAL").kind,
        ProblemKind::WrongCase
    );
    clean(E, "outgoing_call_offer_pref", "remote_merge");
    assert_eq!(
        rejected(E, "outgoing_call_offer_pref", "Remote_Merge").kind,
        ProblemKind::WrongCase
    );
    // local_merge exists only for outgoing.
    rejected(E, "incoming_call_offer_pref", "local_merge");
}

#[test]
fn timers_forced_is_always_and_booleans_work() {
    assert_eq!(clean(E, "timers", "forced").as_deref(), Some("always"));
    assert_eq!(clean(E, "timers", "FORCED").as_deref(), Some("always"));
    assert_eq!(clean(E, "timers", "true").as_deref(), Some("yes"));
    assert_eq!(clean(E, "timers", "1").as_deref(), Some("yes"));
    assert_eq!(clean(E, "timers", "off").as_deref(), Some("no"));
    assert_eq!(clean(E, "timers", "Required").as_deref(), Some("required"));
    // Unlike a plain boolean, a non-boolean spelling is rejected here.
    rejected(E, "timers", "maybe");
    rejected(E, "timers", "");
}

#[test]
fn prack_accepts_boolean_spellings() {
    assert_eq!(clean(E, "100rel", "true").as_deref(), Some("yes"));
    assert_eq!(clean(E, "100rel", "1").as_deref(), Some("yes"));
    assert_eq!(clean(E, "100rel", "peer_supported"), None);
    rejected(E, "100rel", "sometimes");
}

#[test]
fn reinvite_is_an_alias_of_invite() {
    for option in ["direct_media_method", "connected_line_method"] {
        assert_eq!(clean(E, option, "reinvite").as_deref(), Some("invite"));
        assert_eq!(clean(E, option, "ReInvite").as_deref(), Some("invite"));
        assert_eq!(clean(E, option, "UPDATE").as_deref(), Some("update"));
        rejected(E, option, "refer");
    }
}

#[test]
fn media_encryption_and_dtls_verify_reject_boolean_spellings() {
    assert_eq!(
        clean(E, "media_encryption", "SDES").as_deref(),
        Some("sdes")
    );
    rejected(E, "media_encryption", "false");
    rejected(E, "media_encryption", "yes");
    clean(E, "dtls_verify", "fingerprint");
    rejected(E, "dtls_verify", "True");
}

#[test]
fn dtls_setup_and_fingerprint_ignore_unknown_values() {
    assert_eq!(
        clean(E, "dtls_setup", "ACTPASS").as_deref(),
        Some("actpass")
    );
    let checked = accepted(E, "dtls_setup", "bogus");
    assert_eq!(checked.warning.unwrap().kind, WarningKind::SilentlyIgnored);
    assert_eq!(
        clean(E, "dtls_fingerprint", "sha-1").as_deref(),
        Some("SHA-1")
    );
    let checked = accepted(E, "dtls_fingerprint", "md5");
    assert_eq!(checked.warning.unwrap().kind, WarningKind::SilentlyIgnored);
}

#[test]
fn comma_lists_of_enumerated_values() {
    clean(E, "identify_by", "username,ip");
    assert_eq!(
        clean(E, "identify_by", "IP, Header").as_deref(),
        Some("ip,header")
    );
    let problem = rejected(E, "identify_by", "ip,bogus");
    assert!(problem.message.contains("bogus"), "{}", problem.message);
    clean(ObjectType::Auth, "supported_algorithms_uas", "SHA-256,md5");
    clean(ObjectType::Auth, "supported_algorithms_uas", "");
    rejected(ObjectType::Auth, "supported_algorithms_uac", "sha1");
}

#[test]
fn other_enumerations() {
    assert_eq!(
        clean(ObjectType::Transport, "protocol", "UDP").as_deref(),
        Some("udp")
    );
    rejected(ObjectType::Transport, "protocol", "sctp");
    clean(ObjectType::Transport, "method", "tlsv1_2");
    clean(E, "callerid_privacy", "prohib");
    clean(E, "callerid_privacy", "1");
    rejected(E, "callerid_privacy", "secret");
    clean(ObjectType::Auth, "auth_type", "Digest");
    rejected(ObjectType::Auth, "auth_type", "plaintext");
}
