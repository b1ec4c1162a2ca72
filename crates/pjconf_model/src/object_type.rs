//! The sorcery object types a `type =` line can name, and how Asterisk loads each.

use std::fmt;

/// One PJSIP sorcery object type: every `object_type` of the reference option table.
///
/// The variants are in the order of the reference table (res_pjsip core types first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ObjectType {
    /// `endpoint`: a SIP peer's call and media settings (res_pjsip).
    Endpoint,
    /// `contact`: a registered or permanent contact. Runtime only: stored in astdb.
    Contact,
    /// `aor`: an address of record, where contacts are bound (res_pjsip).
    Aor,
    /// `auth`: credentials for challenging or answering challenges (res_pjsip).
    Auth,
    /// `transport`: a listening socket (res_pjsip).
    Transport,
    /// `global`: global settings; a single object named `global` (res_pjsip).
    Global,
    /// `system`: stack-wide settings; a single object named `system` (res_pjsip).
    System,
    /// `domain_alias`: maps the section name (a domain) to another domain (res_pjsip).
    DomainAlias,
    /// `identify`: matches requests to an endpoint by IP or header (res_pjsip_endpoint_identifier_ip).
    Identify,
    /// `registration`: an outbound REGISTER (res_pjsip_outbound_registration).
    Registration,
    /// `acl`: a named access control list (res_pjsip_acl).
    Acl,
    /// `outbound-publish`: an outbound PUBLISH (res_pjsip_outbound_publish).
    OutboundPublish,
    /// `asterisk-publication`: device/mailbox state exchange between Asterisk boxes (res_pjsip_publish_asterisk).
    AsteriskPublication,
    /// `resource_list`: an RLS list (res_pjsip_pubsub).
    ResourceList,
    /// `subscription_persistence`: a stored subscription. Runtime only: stored in astdb.
    SubscriptionPersistence,
    /// `inbound-publication`: accepted inbound PUBLISH events (res_pjsip_pubsub).
    InboundPublication,
    /// `phoneprov`: phone provisioning data; only read when res_phoneprov and
    /// res_pjsip_phoneprov_provider are loaded.
    Phoneprov,
}

/// Whether and how a section of this type in pjsip.conf becomes an object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Loading {
    /// Read from pjsip.conf by the module that registers the type (loaded in a default install).
    Config,
    /// Read from pjsip.conf only when optional modules are loaded (res_phoneprov and
    /// res_pjsip_phoneprov_provider for `phoneprov`). Otherwise the section is silently ignored,
    /// as it was in the reference Asterisk 22.10.1 instance.
    ConfigWhenModuleLoaded,
    /// A runtime object stored in astdb. A pjsip.conf section with this type is silently ignored.
    RuntimeOnly,
}

impl ObjectType {
    /// Every object type, in reference-table order.
    pub const ALL: [ObjectType; 17] = [
        ObjectType::Endpoint,
        ObjectType::Contact,
        ObjectType::Aor,
        ObjectType::Auth,
        ObjectType::Transport,
        ObjectType::Global,
        ObjectType::System,
        ObjectType::DomainAlias,
        ObjectType::Identify,
        ObjectType::Registration,
        ObjectType::Acl,
        ObjectType::OutboundPublish,
        ObjectType::AsteriskPublication,
        ObjectType::ResourceList,
        ObjectType::SubscriptionPersistence,
        ObjectType::InboundPublication,
        ObjectType::Phoneprov,
    ];

    /// The object type a section's `type` value selects, matched the way res_sorcery_config
    /// does it: byte for byte, case-SENSITIVE, no trimming (the parser already trimmed the
    /// value). `type=Endpoint` selects nothing, so Asterisk silently ignores such a section.
    ///
    /// ```
    /// use pjconf_model::ObjectType;
    ///
    /// assert_eq!(ObjectType::from_type_value("endpoint"), Some(ObjectType::Endpoint));
    /// assert_eq!(ObjectType::from_type_value("outbound-publish"), Some(ObjectType::OutboundPublish));
    /// assert_eq!(ObjectType::from_type_value("Endpoint"), None);
    /// assert_eq!(ObjectType::from_type_value("wizard"), None);
    /// ```
    pub fn from_type_value(value: &str) -> Option<ObjectType> {
        ObjectType::ALL.into_iter().find(|t| t.as_str() == value)
    }

    /// The spelling used in `type =` lines and in the reference table.
    pub fn as_str(self) -> &'static str {
        match self {
            ObjectType::Endpoint => "endpoint",
            ObjectType::Contact => "contact",
            ObjectType::Aor => "aor",
            ObjectType::Auth => "auth",
            ObjectType::Transport => "transport",
            ObjectType::Global => "global",
            ObjectType::System => "system",
            ObjectType::DomainAlias => "domain_alias",
            ObjectType::Identify => "identify",
            ObjectType::Registration => "registration",
            ObjectType::Acl => "acl",
            ObjectType::OutboundPublish => "outbound-publish",
            ObjectType::AsteriskPublication => "asterisk-publication",
            ObjectType::ResourceList => "resource_list",
            ObjectType::SubscriptionPersistence => "subscription_persistence",
            ObjectType::InboundPublication => "inbound-publication",
            ObjectType::Phoneprov => "phoneprov",
        }
    }

    /// True for `global` and `system`: registered with `single_object=yes`, so more than one
    /// section of the type is rejected.
    pub fn is_single_object(self) -> bool {
        self.explicit_name().is_some()
    }

    /// The fixed object name of a single-object type (`explicit_name=global|system`).
    /// Such a section is accepted even without a `type` line when every key is a known
    /// option of the type.
    pub fn explicit_name(self) -> Option<&'static str> {
        match self {
            ObjectType::Global => Some("global"),
            ObjectType::System => Some("system"),
            _ => None,
        }
    }

    /// How a pjsip.conf section of this type is loaded.
    pub fn loading(self) -> Loading {
        match self {
            ObjectType::Contact | ObjectType::SubscriptionPersistence => Loading::RuntimeOnly,
            ObjectType::Phoneprov => Loading::ConfigWhenModuleLoaded,
            _ => Loading::Config,
        }
    }

    /// False for the runtime-only types (`contact`, `subscription_persistence`), whose
    /// pjsip.conf sections Asterisk silently ignores.
    pub fn is_config_loadable(self) -> bool {
        self.loading() != Loading::RuntimeOnly
    }

    /// The Asterisk module that registers the type.
    pub fn module(self) -> &'static str {
        match self {
            ObjectType::Endpoint
            | ObjectType::Contact
            | ObjectType::Aor
            | ObjectType::Auth
            | ObjectType::Transport
            | ObjectType::Global
            | ObjectType::System
            | ObjectType::DomainAlias => "res_pjsip",
            ObjectType::Identify => "res_pjsip_endpoint_identifier_ip",
            ObjectType::Registration => "res_pjsip_outbound_registration",
            ObjectType::Acl => "res_pjsip_acl",
            ObjectType::OutboundPublish => "res_pjsip_outbound_publish",
            ObjectType::AsteriskPublication => "res_pjsip_publish_asterisk",
            ObjectType::ResourceList
            | ObjectType::SubscriptionPersistence
            | ObjectType::InboundPublication => "res_pjsip_pubsub",
            ObjectType::Phoneprov => "res_pjsip_phoneprov_provider",
        }
    }
}

impl fmt::Display for ObjectType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
