//! Numbers, URIs and the custom formats.

use pjconf_model::{ObjectType, ProblemKind, WarningKind};

use super::{accepted, clean, rejected};

const E: ObjectType = ObjectType::Endpoint;

#[test]
fn unsigned_integers_and_ranges() {
    clean(E, "rtp_port_start", "10000");
    clean(E, "rtp_port_start", "65535");
    assert_eq!(
        rejected(E, "rtp_port_start", "70000").kind,
        ProblemKind::OutOfRange
    );
    assert_eq!(
        rejected(E, "timers_min_se", "-5").kind,
        ProblemKind::OutOfRange
    );
    assert_eq!(
        rejected(E, "timers_min_se", "abc").kind,
        ProblemKind::NotANumber
    );
    assert_eq!(
        rejected(ObjectType::Aor, "max_contacts", "lots").kind,
        ProblemKind::NotANumber
    );
    assert_eq!(
        rejected(ObjectType::Aor, "max_contacts", "").kind,
        ProblemKind::Empty
    );
    rejected(ObjectType::Aor, "max_contacts", "1.5");
    rejected(ObjectType::Aor, "max_contacts", "4294967296");
    clean(ObjectType::Aor, "max_contacts", "4294967295");
    // The endpoint apply callback rejects a minimum session expiry below 90.
    rejected(E, "timers_min_se", "89");
    clean(E, "timers_min_se", "90");
    let problem = rejected(ObjectType::Aor, "qualify_frequency", "86401");
    assert_eq!(
        problem.expected,
        "an unsigned integer from 0 to 86400 (seconds)"
    );
}

#[test]
fn integers_are_read_with_base_zero() {
    assert_eq!(
        clean(ObjectType::Aor, "max_contacts", "0x10").as_deref(),
        Some("16")
    );
    let checked = accepted(ObjectType::Aor, "max_contacts", "010");
    assert_eq!(checked.effective.as_deref(), Some("8"));
    assert_eq!(checked.warning.unwrap().kind, WarningKind::Reinterpreted);
    rejected(ObjectType::Aor, "max_contacts", "08");
}

#[test]
fn signed_integers_and_doubles() {
    let g = ObjectType::Global;
    clean(g, "mwi_tps_queue_low", "-1");
    rejected(g, "mwi_tps_queue_low", "low");
    let t = ObjectType::Transport;
    clean(t, "websocket_write_timeout", "100");
    assert_eq!(
        rejected(t, "websocket_write_timeout", "0").kind,
        ProblemKind::OutOfRange
    );
    clean(ObjectType::Aor, "qualify_timeout", "3.5");
    clean(ObjectType::Aor, "qualify_timeout", "3");
    rejected(ObjectType::Aor, "qualify_timeout", "3s");
}

#[test]
fn sip_uris() {
    let r = ObjectType::Registration;
    clean(r, "server_uri", "sip:pbx.example.com");
    clean(r, "server_uri", "SIPS:[2001:db8::1]:5061");
    clean(r, "client_uri", "sip:alice@example.com;transport=tcp");
    assert_eq!(
        rejected(r, "server_uri", "pbx.example.com").kind,
        ProblemKind::BadUri
    );
    assert_eq!(rejected(r, "server_uri", "").kind, ProblemKind::Empty);
    rejected(r, "client_uri", "sip:");
    rejected(r, "client_uri", "sip:alice@");
    rejected(r, "client_uri", "sip:[::1");
    rejected(r, "client_uri", "sip:alice @example.com");
    for object_type in [E, ObjectType::Aor, r] {
        clean(object_type, "outbound_proxy", "");
        clean(object_type, "outbound_proxy", "sip:proxy.example.com;lr");
        clean(
            object_type,
            "outbound_proxy",
            "<sip:proxy.example.com\\;lr>",
        );
        rejected(object_type, "outbound_proxy", "proxy.example.com");
    }
    let a = ObjectType::Aor;
    clean(a, "contact", "sip:alice@192.0.2.10:5060");
    clean(a, "contact", "sip:a@host, sips:b@host");
    clean(a, "contact", "");
    rejected(a, "contact", "192.0.2.10");
    rejected(a, "contact", "sip:a@host,tel:+15551234");
}

#[test]
fn tos_numbers_and_dscp_names() {
    assert_eq!(clean(E, "tos_audio", "ef").as_deref(), Some("184"));
    assert_eq!(clean(E, "tos_video", "AF41").as_deref(), Some("136"));
    assert_eq!(
        clean(ObjectType::Transport, "tos", "cs3").as_deref(),
        Some("96")
    );
    assert_eq!(clean(E, "tos_audio", "184"), None);
    assert_eq!(clean(E, "tos_audio", "0xb8").as_deref(), Some("184"));
    let problem = rejected(E, "tos_audio", "ef1");
    assert_eq!(problem.suggestion.as_deref(), Some("ef"));
    rejected(E, "tos_audio", "");
}

#[test]
fn other_custom_formats() {
    clean(E, "set_var", "GREETING=hello");
    rejected(E, "set_var", "GREETING");
    clean(E, "from_user", "+15551234");
    rejected(E, "from_user", "alice smith");
    rejected(E, "from_user", "alice@example");
    clean(E, "call_group", "1,3-5");
    let groups = accepted(E, "pickup_group", "1,64");
    assert_eq!(
        groups.warning.unwrap().kind,
        WarningKind::IgnoredWithLogMessage
    );
    clean(
        E,
        "codec_prefs_outgoing_offer",
        "prefer: pending, operation: union, keep: all, transcode: allow",
    );
    clean(
        E,
        "codec_prefs_incoming_answer",
        "prefer:configured,keep:first",
    );
    rejected(E, "codec_prefs_incoming_offer", "operation: union");
    rejected(E, "codec_prefs_outgoing_offer", "operation: Union");
    rejected(E, "codec_prefs_outgoing_offer", "prefer");
    let deprecated = accepted(E, "stir_shaken", "yes");
    assert_eq!(deprecated.warning.unwrap().kind, WarningKind::Deprecated);
    clean(E, "security_mechanisms", "msrp-tls;q=0.5, dtls-srtp");
    let mechanisms = accepted(E, "security_mechanisms", "sdes-srtp,quantum");
    assert_eq!(
        mechanisms.warning.unwrap().kind,
        WarningKind::SilentlyIgnored
    );
    clean(ObjectType::Identify, "match_header", "X-Trunk: carrier1");
    rejected(ObjectType::Identify, "match_header", "X-Trunk carrier1");
}
