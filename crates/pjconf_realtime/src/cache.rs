//! What makes a running Asterisk see a changed row at once: expiring the object from the
//! sorcery memory cache in front of the realtime wizard (reference §4.2).

use std::collections::BTreeMap;

use pjconf_model::ObjectType;

/// The memory-cache name per object type: `<module>/<type>` (res_sorcery_memory_cache's
/// default) unless set otherwise (the cache's `name=` option in sorcery.conf).
///
/// ```
/// use pjconf_model::ObjectType;
/// use pjconf_realtime::CacheNames;
///
/// let mut names = CacheNames::default();
/// assert_eq!(names.name(ObjectType::Endpoint), "res_pjsip/endpoint");
/// assert_eq!(names.name(ObjectType::Identify), "res_pjsip_endpoint_identifier_ip/identify");
/// names.set(ObjectType::Endpoint, "endpoints");
/// assert_eq!(names.name(ObjectType::Endpoint), "endpoints");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CacheNames {
    overrides: BTreeMap<ObjectType, String>,
}

impl CacheNames {
    /// Use `name` as the cache of `object_type`.
    pub fn set(&mut self, object_type: ObjectType, name: impl Into<String>) {
        self.overrides.insert(object_type, name.into());
    }

    /// The cache name of `object_type`.
    pub fn name(&self, object_type: ObjectType) -> String {
        self.overrides
            .get(&object_type)
            .cloned()
            .unwrap_or_else(|| format!("{}/{}", module_of(object_type), object_type.as_str()))
    }
}

/// The module whose sorcery.conf section maps the type (reference §3.1).
pub fn module_of(object_type: ObjectType) -> &'static str {
    match object_type {
        ObjectType::Identify => "res_pjsip_endpoint_identifier_ip",
        ObjectType::Registration => "res_pjsip_outbound_registration",
        ObjectType::OutboundPublish => "res_pjsip_outbound_publish",
        ObjectType::InboundPublication
        | ObjectType::ResourceList
        | ObjectType::SubscriptionPersistence => "res_pjsip_pubsub",
        ObjectType::AsteriskPublication => "res_pjsip_publish_asterisk",
        ObjectType::Acl => "res_pjsip_acl",
        ObjectType::Phoneprov => "res_pjsip_phoneprov_provider",
        _ => "res_pjsip",
    }
}

/// Expire one object from one memory cache: the next lookup reads the new row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheExpiry {
    /// The cache name (`res_pjsip/endpoint`).
    pub cache: String,
    /// The object id.
    pub object: String,
}

impl CacheExpiry {
    /// The CLI command: `sorcery memory cache expire <cache> <object>` (quoted when the id
    /// contains a space or a quote).
    ///
    /// ```
    /// let e = pjconf_realtime::CacheExpiry { cache: "res_pjsip/endpoint".into(), object: "alice@acme.example".into() };
    /// assert_eq!(e.cli(), "sorcery memory cache expire res_pjsip/endpoint alice@acme.example");
    /// ```
    pub fn cli(&self) -> String {
        format!(
            "sorcery memory cache expire {} {}",
            cli_word(&self.cache),
            cli_word(&self.object)
        )
    }

    /// The AMI action `SorceryMemoryCacheExpireObject` (lines ending in CRLF, a blank line
    /// after).
    ///
    /// ```
    /// let e = pjconf_realtime::CacheExpiry { cache: "res_pjsip/aor".into(), object: "a".into() };
    /// assert_eq!(e.ami(), "Action: SorceryMemoryCacheExpireObject\r\nCache: res_pjsip/aor\r\nObject: a\r\n\r\n");
    /// ```
    pub fn ami(&self) -> String {
        format!(
            "Action: SorceryMemoryCacheExpireObject\r\nCache: {}\r\nObject: {}\r\n\r\n",
            self.cache, self.object
        )
    }
}

fn cli_word(word: &str) -> String {
    if word.contains([' ', '"', '\t']) {
        format!("\"{}\"", word.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        word.to_string()
    }
}

/// What besides the cache expiry a running Asterisk needs to pick up a change of this type,
/// when a per-object lookup is not enough (reference §3.1, §4.1).
pub fn reload_note(object_type: ObjectType) -> Option<&'static str> {
    match object_type {
        ObjectType::Transport => Some(
            "transports are start-up configuration: an existing transport changes only on restart (or reload with allow_reload=yes)",
        ),
        ObjectType::System => Some("system is not reloadable: restart Asterisk"),
        ObjectType::Registration => Some(
            "registrations are built at load: module reload res_pjsip_outbound_registration.so",
        ),
        ObjectType::OutboundPublish => Some(
            "outbound publishes are built at load: module reload res_pjsip_outbound_publish.so",
        ),
        ObjectType::InboundPublication | ObjectType::ResourceList => {
            Some("built at load: module reload res_pjsip_pubsub.so")
        }
        ObjectType::AsteriskPublication => {
            Some("built at load: module reload res_pjsip_publish_asterisk.so")
        }
        _ => None,
    }
}
