//! ACL rules, identify `match` and transport `bind`.

use pjconf_model::{ObjectType, ProblemKind};

use super::{clean, rejected};

#[test]
fn good_acl_rules() {
    for option in ["permit", "deny", "contact_permit", "contact_deny"] {
        for object_type in [ObjectType::Endpoint, ObjectType::Acl] {
            for value in [
                "1.2.3.4",
                "1.2.3.0/24",
                "1.2.3.0/255.255.255.0",
                "0.0.0.0/0",
                "0.0.0.0/0.0.0.0",
                "!10.0.0.0/8",
                "10.0.0.0/8,192.168.0.0/16",
                "2001:db8::/32",
                "::1",
                "[::1]",
                "fe80::/ffff:ffff::",
                "",
            ] {
                clean(object_type, option, value);
            }
        }
    }
    clean(ObjectType::Transport, "local_net", "192.168.0.0/16");
}

#[test]
fn bad_acl_rules() {
    for value in [
        "1.2.3.0/33",
        "1.2.3.256",
        "1.2.3",
        "host.example.com",
        "1.2.3.4:5060",
        "1.2.3.0/",
        "10.0.0.0/8/8",
        "2001:db8::/129",
        "1.2.3.0/ffff::",
        "2001:db8::/255.255.0.0",
        "1.2.3.0/x",
        "10.0.0.0/8,",
    ] {
        let problem = rejected(ObjectType::Endpoint, "permit", value);
        assert_eq!(problem.kind, ProblemKind::BadAddress, "{value}");
        rejected(ObjectType::Transport, "local_net", value);
    }
}

#[test]
fn identify_match_entries() {
    let i = ObjectType::Identify;
    for value in [
        "1.2.3.4",
        "1.2.3.4:5060",
        "1.2.3.0/24",
        "1.2.3.0/24, 5.6.7.8",
        "!1.2.3.0/24",
        "sip.example.com",
        "sip.example.com:5060",
        "[2001:db8::1]:5060",
        "2001:db8::1",
        "",
        "a.example, ,b.example",
    ] {
        clean(i, "match", value);
    }
    for value in ["1.2.3.256", "!1.2.3.4", "bad host", "1.2.3.0/40", "x/24"] {
        assert_eq!(
            rejected(i, "match", value).kind,
            ProblemKind::BadAddress,
            "{value}"
        );
    }
}

#[test]
fn transport_bind() {
    let t = ObjectType::Transport;
    for value in [
        "0.0.0.0",
        "0.0.0.0:5060",
        "192.0.2.1:5061",
        "[::]:5060",
        "[::]",
        "::",
    ] {
        clean(t, "bind", value);
    }
    for value in [
        "(IPv4 Address)",
        "pbx.example.com:5060",
        "1.2.3.4:70000",
        "1.2.3.4:",
        "[::1",
    ] {
        assert_eq!(
            rejected(t, "bind", value).kind,
            ProblemKind::BadAddress,
            "{value}"
        );
    }
    assert_eq!(rejected(t, "bind", "").kind, ProblemKind::Empty);
    let problem = rejected(t, "bind", "pbx.example.com");
    assert!(problem.message.contains("host name"), "{}", problem.message);
}
