//! Finding rows, suggestions for typos, and the object types.

use pjconf_model::{
    Loading, NameMatch, ObjectType, Reference, Repeat, lookup, options_for, suggest,
};

use super::spec;

#[test]
fn lookup_ignores_case_and_knows_patterns() {
    assert_eq!(
        spec(ObjectType::Endpoint, "Direct_Media").name,
        "direct_media"
    );
    assert!(lookup(ObjectType::Endpoint, "direct_meda").is_none());
    assert!(lookup(ObjectType::Aor, "allow").is_none());
    assert!(lookup(ObjectType::Auth, "max_contacts").is_none());
    let event = spec(ObjectType::InboundPublication, "event_asterisk-devicestate");
    assert_eq!(event.name_match, NameMatch::Prefix("event_"));
    assert!(lookup(ObjectType::InboundPublication, "evnt_x").is_none());
    assert_eq!(spec(ObjectType::Phoneprov, "MAC").name, "MAC");
    assert_eq!(
        spec(ObjectType::Phoneprov, "LABEL").name_match,
        NameMatch::Any
    );
}

#[test]
fn suggestions_for_typos() {
    assert_eq!(
        suggest(ObjectType::Endpoint, "direct_meda"),
        Some("direct_media")
    );
    assert_eq!(suggest(ObjectType::Endpoint, "dtmfmode"), Some("dtmf_mode"));
    assert_eq!(suggest(ObjectType::Endpoint, "contex"), Some("context"));
    assert_eq!(
        suggest(ObjectType::Aor, "max_contact"),
        Some("max_contacts")
    );
    assert_eq!(suggest(ObjectType::Transport, "protocl"), Some("protocol"));
    assert_eq!(suggest(ObjectType::Endpoint, "aor"), Some("aors"));
    assert_eq!(suggest(ObjectType::Endpoint, "context"), None);
    assert_eq!(suggest(ObjectType::Endpoint, "nat"), None);
    assert_eq!(suggest(ObjectType::Auth, "inherit"), None);
    assert_eq!(suggest(ObjectType::Endpoint, "zzzzzzzz"), None);
}

#[test]
fn list_semantics_aliases_and_references() {
    let e = ObjectType::Endpoint;
    for option in [
        "allow",
        "disallow",
        "set_var",
        "permit",
        "deny",
        "contact_permit",
    ] {
        assert_eq!(spec(e, option).repeat, Repeat::Accumulate, "{option}");
    }
    for option in [
        "aors",
        "auth",
        "outbound_auth",
        "context",
        "transport",
        "identify_by",
    ] {
        assert_eq!(spec(e, option).repeat, Repeat::Replace, "{option}");
    }
    assert_eq!(
        spec(ObjectType::Identify, "match").repeat,
        Repeat::Accumulate
    );
    assert_eq!(spec(ObjectType::Aor, "contact").repeat, Repeat::Accumulate);
    assert_eq!(spec(ObjectType::Acl, "deny").repeat, Repeat::Accumulate);
    assert_eq!(spec(e, "disallow").alias_of, Some("allow"));
    assert_eq!(spec(e, "allow").alias_of, None);
    let refers = |t, o| spec(t, o).reference;
    let to = |target, list| Some(Reference { target, list });
    assert_eq!(refers(e, "aors"), to(ObjectType::Aor, true));
    assert_eq!(refers(e, "auth"), to(ObjectType::Auth, true));
    assert_eq!(refers(e, "outbound_auth"), to(ObjectType::Auth, true));
    assert_eq!(refers(e, "transport"), to(ObjectType::Transport, false));
    assert_eq!(
        refers(ObjectType::Identify, "endpoint"),
        to(ObjectType::Endpoint, false)
    );
    let r = ObjectType::Registration;
    assert_eq!(refers(r, "outbound_auth"), to(ObjectType::Auth, true));
    assert_eq!(refers(r, "transport"), to(ObjectType::Transport, false));
    assert_eq!(refers(r, "endpoint"), to(ObjectType::Endpoint, false));
    assert_eq!(refers(ObjectType::DomainAlias, "domain"), None);
    assert_eq!(refers(ObjectType::Aor, "outbound_proxy"), None);
    assert_eq!(refers(e, "acl"), None);
}

#[test]
fn defaults() {
    let e = ObjectType::Endpoint;
    assert_eq!(spec(e, "dtls_setup").default, "");
    assert_eq!(spec(e, "dtls_setup").effective_default(), "active");
    assert_eq!(spec(e, "sdp_owner").default_observed, Some("-"));
    assert_eq!(spec(e, "permit").default_observed, None);
    assert_eq!(spec(ObjectType::Auth, "auth_type").default, "userpass");
}

#[test]
fn object_types() {
    assert_eq!(
        ObjectType::from_type_value("endpoint"),
        Some(ObjectType::Endpoint)
    );
    assert_eq!(ObjectType::from_type_value("Endpoint"), None);
    assert_eq!(ObjectType::from_type_value("ENDPOINT"), None);
    assert_eq!(ObjectType::from_type_value(" endpoint"), None);
    assert_eq!(ObjectType::from_type_value("wizard"), None);
    assert_eq!(ObjectType::from_type_value(""), None);
    for t in ObjectType::ALL {
        assert_eq!(ObjectType::from_type_value(t.as_str()), Some(t));
        assert_eq!(t.to_string(), t.as_str());
        let single = matches!(t, ObjectType::Global | ObjectType::System);
        assert_eq!(t.is_single_object(), single, "{t}");
        let runtime = matches!(t, ObjectType::Contact | ObjectType::SubscriptionPersistence);
        assert_eq!(t.is_config_loadable(), !runtime, "{t}");
        assert_eq!(t.loading() == Loading::RuntimeOnly, runtime, "{t}");
    }
    assert_eq!(ObjectType::Global.explicit_name(), Some("global"));
    assert_eq!(
        ObjectType::Phoneprov.loading(),
        Loading::ConfigWhenModuleLoaded
    );
    assert_eq!(options_for(ObjectType::Endpoint).count(), 146);
    assert_eq!(
        options_for(ObjectType::Endpoint).next().map(|s| s.name),
        Some("type")
    );
}
