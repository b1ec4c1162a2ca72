#!/usr/bin/env python3
"""Generate crates/pjconf_model/src/options/table.rs from the reference option TSV.

Usage (from the workspace root or anywhere):
    python3 crates/pjconf_model/gen/gen_table.py [path/to/pjsip-options.tsv]

The TSV gives, per row: object type, option, registered type, registered default, notes and
the observed default. Everything else (how pjconf checks the value, list semantics, aliases,
references, pattern names) is pjconf's own decision and lives in the OVERLAY tables below.
A `custom` row without a KIND entry is an error, so every handler gets a conscious choice.

The output is checked in; tests/options.rs compares it with the TSV again, so regenerate
after the TSV changes and review the diff.
"""

import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CRATE = os.path.dirname(HERE)
DEFAULT_TSV = os.path.join(CRATE, "..", "..", "..", "shared", "reference", "pjsip-options.tsv")
OUT = os.path.join(CRATE, "src", "options", "table.rs")

TYPE_VARIANT = {
    "endpoint": "Endpoint",
    "contact": "Contact",
    "aor": "Aor",
    "auth": "Auth",
    "transport": "Transport",
    "global": "Global",
    "system": "System",
    "domain_alias": "DomainAlias",
    "identify": "Identify",
    "registration": "Registration",
    "acl": "Acl",
    "outbound-publish": "OutboundPublish",
    "asterisk-publication": "AsteriskPublication",
    "resource_list": "ResourceList",
    "subscription_persistence": "SubscriptionPersistence",
    "inbound-publication": "InboundPublication",
    "phoneprov": "Phoneprov",
}

REGISTERED = {
    "noop": "R::Noop",
    "bool": "R::Bool",
    "bool(yes/no)": "R::BoolYesNo",
    "uint": "R::Uint",
    "int": "R::Int",
    "double": "R::Double",
    "string": "R::String",
    "codec list": "R::CodecList",
    "custom": "R::Custom",
}

# Kind used when the overlay says nothing (never for `custom`).
DEFAULT_KIND = {
    "noop": "K::Noop",
    "bool": "K::Bool",
    "bool(yes/no)": "K::BoolYesNo",
    "uint": "uint()",
    "int": "int()",
    "double": "K::Double",
    "string": "K::String",
}

S = "secs(0, None)"
MS = "millis(0, None)"
ACL = "K::AclEntry"
PATH = "K::FilePath"
NAMES = "K::NameList"
URI = "K::Uri { optional: false }"
PROXY = "K::ProxyUri"


def enum(name):
    return f"K::Enum(&e::{name})"


def enum_list(name):
    return f"K::EnumList(&e::{name})"


def custom(check):
    return f"K::Custom(C::{check})"


# (object_type, option) -> Rust ValueKind expression.
KIND = {
    # endpoint
    ("endpoint", "type"): "K::Noop",
    ("endpoint", "allow"): "K::CodecList { allow_empty: false }",
    ("endpoint", "disallow"): "K::CodecList { allow_empty: true }",
    ("endpoint", "dtmf_mode"): enum("DTMF_MODE"),
    ("endpoint", "100rel"): enum("PRACK"),
    ("endpoint", "timers"): enum("TIMERS"),
    ("endpoint", "timers_min_se"): "secs(90, None)",
    ("endpoint", "timers_sess_expires"): S,
    ("endpoint", "outbound_proxy"): PROXY,
    ("endpoint", "auth"): NAMES,
    ("endpoint", "outbound_auth"): NAMES,
    ("endpoint", "aors"): NAMES,
    ("endpoint", "media_address"): "K::String",
    ("endpoint", "identify_by"): enum_list("IDENTIFY_BY"),
    ("endpoint", "direct_media_method"): enum("REFRESH_METHOD"),
    ("endpoint", "connected_line_method"): enum("REFRESH_METHOD"),
    ("endpoint", "direct_media_glare_mitigation"): enum("GLARE_MITIGATION"),
    ("endpoint", "callerid"): "K::String",
    ("endpoint", "callerid_privacy"): enum("CALLERID_PRIVACY"),
    ("endpoint", "callerid_tag"): "K::String",
    ("endpoint", "voicemail_extension"): "K::String",
    ("endpoint", "media_encryption"): enum("MEDIA_ENCRYPTION"),
    ("endpoint", "rtp_keepalive"): S,
    ("endpoint", "rtp_timeout"): S,
    ("endpoint", "rtp_timeout_hold"): S,
    ("endpoint", "rtp_port_start"): "uint_in(0, 65535)",
    ("endpoint", "rtp_port_end"): "uint_in(0, 65535)",
    ("endpoint", "call_group"): custom("Groups"),
    ("endpoint", "pickup_group"): custom("Groups"),
    ("endpoint", "named_call_group"): "K::String",
    ("endpoint", "named_pickup_group"): "K::String",
    ("endpoint", "t38_udptl_ec"): enum("T38_EC"),
    ("endpoint", "fax_detect_timeout"): S,
    ("endpoint", "tos_audio"): custom("Tos"),
    ("endpoint", "tos_video"): custom("Tos"),
    ("endpoint", "sub_min_expiry"): S,
    ("endpoint", "from_user"): custom("FromUser"),
    ("endpoint", "dtls_verify"): enum("DTLS_VERIFY"),
    ("endpoint", "dtls_rekey"): S,
    ("endpoint", "dtls_auto_generate_cert"): "K::Bool",
    ("endpoint", "dtls_cert_file"): PATH,
    ("endpoint", "dtls_private_key"): PATH,
    ("endpoint", "dtls_cipher"): "K::String",
    ("endpoint", "dtls_ca_file"): PATH,
    ("endpoint", "dtls_ca_path"): PATH,
    ("endpoint", "dtls_setup"): enum("DTLS_SETUP"),
    ("endpoint", "dtls_fingerprint"): enum("DTLS_FINGERPRINT"),
    ("endpoint", "redirect_method"): enum("REDIRECT_METHOD"),
    ("endpoint", "follow_redirect_methods"): "K::String",
    ("endpoint", "set_var"): custom("SetVar"),
    ("endpoint", "deny"): ACL,
    ("endpoint", "permit"): ACL,
    ("endpoint", "acl"): NAMES,
    ("endpoint", "contact_deny"): ACL,
    ("endpoint", "contact_permit"): ACL,
    ("endpoint", "contact_acl"): NAMES,
    ("endpoint", "contact_user"): "K::String",
    ("endpoint", "incoming_call_offer_pref"): enum("INCOMING_CALL_OFFER_PREF"),
    ("endpoint", "outgoing_call_offer_pref"): enum("OUTGOING_CALL_OFFER_PREF"),
    ("endpoint", "codec_prefs_incoming_offer"): custom("CodecPrefs { union_allowed: false }"),
    ("endpoint", "codec_prefs_outgoing_offer"): custom("CodecPrefs { union_allowed: true }"),
    ("endpoint", "codec_prefs_incoming_answer"): custom("CodecPrefs { union_allowed: true }"),
    ("endpoint", "codec_prefs_outgoing_answer"): custom("CodecPrefs { union_allowed: true }"),
    ("endpoint", "stir_shaken"): custom('Deprecated { replacement: "stir_shaken_profile" }'),
    ("endpoint", "security_mechanisms"): custom("SecurityMechanisms"),
    ("endpoint", "security_negotiation"): enum("SECURITY_NEGOTIATION"),
    # contact (runtime only)
    ("contact", "uri"): URI,
    ("contact", "expiration_time"): "K::String",
    ("contact", "qualify_frequency"): "secs(0, Some(86400))",
    ("contact", "outbound_proxy"): PROXY,
    ("contact", "via_port"): "uint_in(0, 65535)",
    # aor
    ("aor", "minimum_expiration"): S,
    ("aor", "maximum_expiration"): S,
    ("aor", "default_expiration"): S,
    ("aor", "qualify_frequency"): "secs(0, Some(86400))",
    ("aor", "contact"): "K::UriList",
    ("aor", "voicemail_extension"): "K::String",
    ("aor", "outbound_proxy"): PROXY,
    # auth
    ("auth", "md5_cred"): "K::String",
    ("auth", "nonce_lifetime"): S,
    ("auth", "auth_type"): enum("AUTH_TYPE"),
    ("auth", "password_digest"): "K::String",
    ("auth", "supported_algorithms_uac"): enum_list("DIGEST_ALGORITHMS"),
    ("auth", "supported_algorithms_uas"): enum_list("DIGEST_ALGORITHMS"),
    # transport
    ("transport", "type"): "K::Noop",
    ("transport", "protocol"): enum("TRANSPORT_PROTOCOL"),
    ("transport", "bind"): "K::Bind",
    ("transport", "ca_list_file"): PATH,
    ("transport", "ca_list_path"): PATH,
    ("transport", "cert_file"): PATH,
    ("transport", "priv_key_file"): PATH,
    ("transport", "external_signaling_port"): "uint_in(0, 65535)",
    ("transport", "verify_server"): "K::Bool",
    ("transport", "verify_client"): "K::Bool",
    ("transport", "require_client_cert"): "K::Bool",
    ("transport", "allow_wildcard_certs"): "K::Bool",
    ("transport", "method"): enum("TLS_METHOD"),
    ("transport", "cipher"): "K::String",
    ("transport", "local_net"): ACL,
    ("transport", "tos"): custom("Tos"),
    ("transport", "websocket_write_timeout"): "K::Int { min: 1, max: i32::MAX }",
    # global
    ("global", "keep_alive_interval"): S,
    ("global", "max_initial_qualify_time"): S,
    ("global", "contact_expiration_check_interval"): S,
    ("global", "unidentified_request_period"): S,
    ("global", "unidentified_request_prune_interval"): S,
    ("global", "taskprocessor_overload_trigger"): enum("OVERLOAD_TRIGGER"),
    ("global", "default_auth_algorithms_uas"): enum_list("DIGEST_ALGORITHMS"),
    ("global", "default_auth_algorithms_uac"): enum_list("DIGEST_ALGORITHMS"),
    # system
    ("system", "timer_t1"): MS,
    ("system", "timer_b"): MS,
    ("system", "taskpool_idle_timeout"): S,
    ("system", "threadpool_idle_timeout"): S,
    # identify
    ("identify", "match"): "K::NetworkList",
    ("identify", "match_header"): custom("MatchHeader"),
    # registration
    ("registration", "server_uri"): URI,
    ("registration", "client_uri"): URI,
    ("registration", "outbound_proxy"): PROXY,
    ("registration", "expiration"): S,
    ("registration", "max_random_initial_delay"): S,
    ("registration", "retry_interval"): S,
    ("registration", "forbidden_retry_interval"): S,
    ("registration", "fatal_retry_interval"): S,
    ("registration", "outbound_auth"): NAMES,
    ("registration", "security_negotiation"): enum("SECURITY_NEGOTIATION"),
    ("registration", "security_mechanisms"): custom("SecurityMechanisms"),
    # acl
    ("acl", "permit"): ACL,
    ("acl", "deny"): ACL,
    ("acl", "acl"): NAMES,
    ("acl", "contact_permit"): ACL,
    ("acl", "contact_deny"): ACL,
    ("acl", "contact_acl"): NAMES,
    # outbound-publish
    ("outbound-publish", "server_uri"): URI,
    ("outbound-publish", "from_uri"): URI,
    ("outbound-publish", "to_uri"): URI,
    ("outbound-publish", "outbound_proxy"): PROXY,
    ("outbound-publish", "expiration"): S,
    ("outbound-publish", "outbound_auth"): NAMES,
    # asterisk-publication
    ("asterisk-publication", "device_state_filter"): "K::String",
    ("asterisk-publication", "mailbox_state_filter"): "K::String",
    # resource_list
    ("resource_list", "event"): enum("RESOURCE_LIST_EVENT"),
    ("resource_list", "notification_batch_interval"): MS,
    ("resource_list", "list_item"): NAMES,
    # subscription_persistence (runtime only)
    ("subscription_persistence", "endpoint"): "K::String",
    ("subscription_persistence", "tag"): "K::String",
    ("subscription_persistence", "expires"): "K::String",
    ("subscription_persistence", "generator_data"): "K::String",
    ("subscription_persistence", "src_port"): "uint_in(0, 65535)",
    ("subscription_persistence", "local_port"): "uint_in(0, 65535)",
    # inbound-publication
    ("inbound-publication", "endpoint"): "K::String",
    ("inbound-publication", "(regex ^event_)"): "K::String",
    # phoneprov
    ("phoneprov", "(regex ^)"): "K::String",
}

# Repeated lines accumulate (list semantics); everything else: the later value wins.
ACCUMULATE = {
    ("endpoint", "allow"),
    ("endpoint", "disallow"),
    ("endpoint", "set_var"),
    ("endpoint", "deny"),
    ("endpoint", "permit"),
    ("endpoint", "acl"),
    ("endpoint", "contact_deny"),
    ("endpoint", "contact_permit"),
    ("endpoint", "contact_acl"),
    ("aor", "contact"),
    ("transport", "local_net"),
    ("identify", "match"),
    ("acl", "permit"),
    ("acl", "deny"),
    ("acl", "acl"),
    ("acl", "contact_permit"),
    ("acl", "contact_deny"),
    ("acl", "contact_acl"),
    ("resource_list", "list_item"),
}

ALIAS_OF = {
    ("endpoint", "disallow"): "allow",
}

# (object_type, option) -> (target object type, value is a comma list)
REFERENCE = {
    ("endpoint", "aors"): ("aor", True),
    ("endpoint", "auth"): ("auth", True),
    ("endpoint", "outbound_auth"): ("auth", True),
    ("endpoint", "transport"): ("transport", False),
    ("contact", "endpoint"): ("endpoint", False),
    ("global", "default_outbound_endpoint"): ("endpoint", False),
    ("identify", "endpoint"): ("endpoint", False),
    ("registration", "outbound_auth"): ("auth", True),
    ("registration", "transport"): ("transport", False),
    ("registration", "endpoint"): ("endpoint", False),
    ("outbound-publish", "outbound_auth"): ("auth", True),
    ("outbound-publish", "transport"): ("transport", False),
    ("asterisk-publication", "devicestate_publish"): ("outbound-publish", False),
    ("asterisk-publication", "mailboxstate_publish"): ("outbound-publish", False),
    ("subscription_persistence", "endpoint"): ("endpoint", False),
    ("inbound-publication", "endpoint"): ("endpoint", False),
    ("inbound-publication", "(regex ^event_)"): ("asterisk-publication", False),
    ("phoneprov", "endpoint"): ("endpoint", False),
}

NAME_MATCH = {
    ("inbound-publication", "(regex ^event_)"): 'NameMatch::Prefix("event_")',
    ("phoneprov", "(regex ^)"): "NameMatch::Any",
}

# Facts pjconf adds to the reference notes.
MODEL_NOTE = {
    ("endpoint", "allow"): "items are split at commas and not trimmed (format_cap.c); `!codec` removes, `codec:ms` sets framing",
    ("endpoint", "disallow"): "an empty value does nothing; otherwise parsed like allow with the opposite sense",
    ("endpoint", "auth"): "a later line replaces the whole list (ast_sip_auth_vector_init empties it first)",
    ("endpoint", "outbound_auth"): "a later line replaces the whole list (ast_sip_auth_vector_init empties it first)",
    ("endpoint", "aors"): "plain string field: a later line replaces the list",
    ("endpoint", "timers_min_se"): "the endpoint apply callback rejects values below 90, and timers_sess_expires below timers_min_se",
    ("endpoint", "media_address"): "an IP address is normalised, anything else is stored as given",
    ("endpoint", "acl"): "names a named ACL from acl.conf, not a pjsip object",
    ("endpoint", "contact_acl"): "names a named ACL from acl.conf, not a pjsip object",
    ("endpoint", "callerid_privacy"): "a presentation number is accepted too (sscanf %d)",
    ("endpoint", "follow_redirect_methods"): "a list of SIP methods; not checked by pjconf",
    ("endpoint", "security_mechanisms"): "unknown mechanisms are dropped without a message",
    ("endpoint", "stir_shaken_profile"): "names a profile in stir_shaken.conf, not a pjsip object",
    ("endpoint", "rtp_port_start"): "range 0-65535 (PARSE_IN_RANGE)",
    ("endpoint", "rtp_port_end"): "range 0-65535 (PARSE_IN_RANGE)",
    ("contact", "qualify_frequency"): "range 0-86400 (PARSE_IN_RANGE)",
    ("aor", "qualify_frequency"): "range 0-86400 (PARSE_IN_RANGE)",
    ("aor", "contact"): "comma list; items are trimmed and empty items skipped; each must be a sip: or sips: URI",
    ("transport", "external_signaling_port"): "range 0-65535 (PARSE_IN_RANGE)",
    ("transport", "websocket_write_timeout"): "range 1-2147483647 ms (PARSE_IN_RANGE)",
    ("transport", "local_net"): "an empty value clears the list",
    ("transport", "bind"): "numeric address only; a host name is rejected",
    ("domain_alias", "domain"): "a SIP domain name, not an object reference; the section name is the alias",
    ("identify", "match"): "items are trimmed and empty items skipped; `!` only works with a /mask",
    ("identify", "match_header"): "the identify apply callback needs a `:` between header name and value",
    ("acl", "acl"): "names a named ACL from acl.conf, not a pjsip object",
    ("acl", "contact_acl"): "names a named ACL from acl.conf, not a pjsip object",
    ("registration", "security_mechanisms"): "unknown mechanisms are dropped without a message",
    ("resource_list", "list_item"): "names resources (other lists or presence/mwi resources), not one object type",
    ("system", "threadpool_initial_size"): "older name next to taskpool_*; both are registered",
    ("system", "threadpool_auto_increment"): "older name next to taskpool_*; both are registered",
    ("system", "threadpool_idle_timeout"): "older name next to taskpool_*; both are registered",
    ("system", "threadpool_max_size"): "older name next to taskpool_*; both are registered",
}

# Notes repeated on many rows become constants.
NOTE_CONSTS = {
    "true for yes/true/y/t/1/on in any letter case; every other value (typos, 2, enabled, empty) is silently false with no load error": "BOOL_NOTE",
    "true for yes/true/y/t/1/on in any letter case; every other value (typos, 2, enabled, empty) is silently false with no load error; shown as yes/no (other bools are shown as true/false); parsing is the same": "YESNO_NOTE",
    "runtime object stored in astdb; a type=subscription_persistence section in pjsip.conf is silently ignored by 22.10.1": "PERSISTENCE_NOTE",
}


def rust_str(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def observed(row):
    value = row["default_observed"]
    # The README caveat: for endpoint sdp_owner the observed value really is `-`.
    if value == "-" and (row["object_type"], row["option"]) != ("endpoint", "sdp_owner"):
        return "None"
    return f"Some({rust_str(value)})"


def kind_for(row):
    key = (row["object_type"], row["option"])
    if key in KIND:
        return KIND[key]
    if row["type"] == "custom":
        sys.exit(f"gen_table.py: no KIND overlay for custom row {key}")
    if row["type"] == "codec list":
        sys.exit(f"gen_table.py: no KIND overlay for codec list row {key}")
    return DEFAULT_KIND[row["type"]]


def render_row(row):
    key = (row["object_type"], row["option"])
    parts = [
        f"OptionSpec::new(T::{TYPE_VARIANT[row['object_type']]}, {rust_str(row['option'])}, "
        f"{REGISTERED[row['type']]}, {rust_str(row['default'])}, {observed(row)}, {kind_for(row)})"
    ]
    if key in NAME_MATCH:
        parts.append(f".matching({NAME_MATCH[key]})")
    if key in ACCUMULATE:
        parts.append(".accumulate()")
    if key in ALIAS_OF:
        parts.append(f".with_alias({rust_str(ALIAS_OF[key])})")
    if key in REFERENCE:
        target, is_list = REFERENCE[key]
        parts.append(f".refers(T::{TYPE_VARIANT[target]}, {'true' if is_list else 'false'})")
    notes = row["allowed_or_notes"]
    if notes:
        parts.append(f".with_notes({NOTE_CONSTS.get(notes) or rust_str(notes)})")
    if key in MODEL_NOTE:
        parts.append(f".with_model_note({rust_str(MODEL_NOTE[key])})")
    return "    " + "".join(parts) + ","


def main():
    tsv = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_TSV
    with open(tsv, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    seen = {(r["object_type"], r["option"]) for r in rows}
    for table in (KIND, ALIAS_OF, REFERENCE, NAME_MATCH, MODEL_NOTE):
        for key in table:
            if key not in seen:
                sys.exit(f"gen_table.py: overlay names {key}, which is not in the TSV")
    for key in ACCUMULATE:
        if key not in seen:
            sys.exit(f"gen_table.py: ACCUMULATE names {key}, which is not in the TSV")

    out = [
        "//! The option table. GENERATED by `gen/gen_table.py` from the reference",
        "//! `pjsip-options.tsv` plus the script's overlay tables: do not edit by hand, edit the",
        "//! script and rerun it (`python3 crates/pjconf_model/gen/gen_table.py`).",
        "",
        "use super::enums as e;",
        "use super::kind::{CustomCheck as C, ValueKind as K};",
        "use super::{NameMatch, OptionSpec, RegisteredType as R, int, millis, secs, uint, uint_in};",
        "use crate::ObjectType as T;",
        "",
    ]
    for text, name in NOTE_CONSTS.items():
        out.append(f"const {name}: &str = {rust_str(text)};")
    out.append("")
    out.append(f"/// Every option row, in reference-table order ({len(rows)} rows).")
    out.append("#[rustfmt::skip]")
    out.append("pub(crate) static OPTIONS: &[OptionSpec] = &[")
    for row in rows:
        out.append(render_row(row))
    out.append("];")
    with open(OUT, "w", encoding="utf-8") as handle:
        handle.write("\n".join(out) + "\n")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
