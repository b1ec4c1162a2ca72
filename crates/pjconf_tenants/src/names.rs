//! The naming scheme of the multi-tenant output, and the character sets of model names.
//!
//! - A line `alice` of a tenant whose primary domain is `acme.example` is the endpoint and
//!   the aor `alice@acme.example` ([`line_id`]): Asterisk identifies `sip:alice@acme.example`
//!   by that exact id.
//! - Everything else is [`object_name`]`(tenant, kind, name)` = `tenant/kind/name`, e.g.
//!   `acme/auth/alice`, `acme/trunk/provider`, `acme/endpoint-template/webrtc`.
//!
//! Why this is injective: a tenant slug ([`is_tenant_slug`]) and an element name
//! ([`is_element_name`]) never hold `/`, and kinds are a fixed set of strings without `/`,
//! so splitting a name at its two `/` gives back the triple ([`parse_object_name`]). Line
//! ids hold no `/` at all (element names and domains exclude it), so they never equal an
//! [`object_name`]; two line ids are equal only for equal (user, domain), and a domain
//! belongs to one tenant. No name holds `, ( ) [ ] ; =` or a blank.

use std::fmt;

/// What a generated object is, the middle part of [`object_name`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A line's auth (`username` = the line, `realm` = the primary domain).
    Auth,
    /// A line's outbound auth.
    OutboundAuth,
    /// A line's identify.
    Identify,
    /// A line's outbound registration.
    Registration,
    /// The auth a line's registration answers with.
    RegistrationAuth,
    /// A trunk's endpoint and aor.
    Trunk,
    /// A trunk's inbound auth.
    TrunkAuth,
    /// A trunk's outbound auth.
    TrunkOutboundAuth,
    /// A trunk's identify.
    TrunkIdentify,
    /// A trunk's outbound registration.
    TrunkRegistration,
    /// The auth a trunk's registration answers with.
    TrunkRegistrationAuth,
    /// A template's section of the given kind.
    Template(Section),
}

/// The option sections of a template, line or trunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    /// `endpoint`.
    Endpoint,
    /// `aor`.
    Aor,
    /// `auth`.
    Auth,
    /// `identify`.
    Identify,
    /// `registration`.
    Registration,
    /// `outbound_auth`.
    OutboundAuth,
    /// `registration_outbound_auth`.
    RegistrationOutboundAuth,
}

impl Section {
    /// Every section, in output order.
    pub const ALL: [Section; 7] = [
        Section::Endpoint,
        Section::Aor,
        Section::Auth,
        Section::OutboundAuth,
        Section::Identify,
        Section::Registration,
        Section::RegistrationOutboundAuth,
    ];

    /// The model key (`outbound_auth`).
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Endpoint => "endpoint",
            Section::Aor => "aor",
            Section::Auth => "auth",
            Section::Identify => "identify",
            Section::Registration => "registration",
            Section::OutboundAuth => "outbound_auth",
            Section::RegistrationOutboundAuth => "registration_outbound_auth",
        }
    }

    /// The object type of the section.
    pub fn object_type(self) -> pjconf_model::ObjectType {
        use pjconf_model::ObjectType as T;
        match self {
            Section::Endpoint => T::Endpoint,
            Section::Aor => T::Aor,
            Section::Auth | Section::OutboundAuth | Section::RegistrationOutboundAuth => T::Auth,
            Section::Identify => T::Identify,
            Section::Registration => T::Registration,
        }
    }

    /// The section for a model key.
    pub fn from_key(key: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.as_str() == key)
    }
}

impl Kind {
    /// Every kind (for tests and documentation).
    pub fn all() -> Vec<Kind> {
        let mut kinds = vec![
            Kind::Auth,
            Kind::OutboundAuth,
            Kind::Identify,
            Kind::Registration,
            Kind::RegistrationAuth,
            Kind::Trunk,
            Kind::TrunkAuth,
            Kind::TrunkOutboundAuth,
            Kind::TrunkIdentify,
            Kind::TrunkRegistration,
            Kind::TrunkRegistrationAuth,
        ];
        kinds.extend(Section::ALL.into_iter().map(Kind::Template));
        kinds
    }

    /// The text of the kind in a name.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Auth => "auth",
            Kind::OutboundAuth => "outbound-auth",
            Kind::Identify => "identify",
            Kind::Registration => "registration",
            Kind::RegistrationAuth => "registration-auth",
            Kind::Trunk => "trunk",
            Kind::TrunkAuth => "trunk-auth",
            Kind::TrunkOutboundAuth => "trunk-outbound-auth",
            Kind::TrunkIdentify => "trunk-identify",
            Kind::TrunkRegistration => "trunk-registration",
            Kind::TrunkRegistrationAuth => "trunk-registration-auth",
            Kind::Template(Section::Endpoint) => "endpoint-template",
            Kind::Template(Section::Aor) => "aor-template",
            Kind::Template(Section::Auth) => "auth-template",
            Kind::Template(Section::Identify) => "identify-template",
            Kind::Template(Section::Registration) => "registration-template",
            Kind::Template(Section::OutboundAuth) => "outbound-auth-template",
            Kind::Template(Section::RegistrationOutboundAuth) => {
                "registration-outbound-auth-template"
            }
        }
    }

    /// The kind written as `text`.
    pub fn from_str_exact(text: &str) -> Option<Kind> {
        Kind::all().into_iter().find(|k| k.as_str() == text)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The name of a generated object: `tenant/kind/name`.
///
/// ```
/// use pjconf_tenants::names::{Kind, object_name, parse_object_name};
///
/// let name = object_name("acme", Kind::Trunk, "provider");
/// assert_eq!(name, "acme/trunk/provider");
/// assert_eq!(parse_object_name(&name), Some(("acme", Kind::Trunk, "provider")));
/// ```
pub fn object_name(tenant: &str, kind: Kind, name: &str) -> String {
    let kind = kind.as_str();
    let mut out = String::with_capacity(tenant.len() + kind.len() + name.len() + 2);
    out.push_str(tenant);
    out.push('/');
    out.push_str(kind);
    out.push('/');
    out.push_str(name);
    out
}

/// The inverse of [`object_name`]: the triple a name was made from.
pub fn parse_object_name(name: &str) -> Option<(&str, Kind, &str)> {
    let mut parts = name.splitn(3, '/');
    let tenant = parts.next()?;
    let kind = Kind::from_str_exact(parts.next()?)?;
    let element = parts.next()?;
    (is_tenant_slug(tenant) && is_element_name(element)).then_some((tenant, kind, element))
}

/// The endpoint and aor id of a line: `user@domain`.
pub fn line_id(user: &str, domain: &str) -> String {
    let mut out = String::with_capacity(user.len() + domain.len() + 1);
    out.push_str(user);
    out.push('@');
    out.push_str(domain);
    out
}

/// A tenant slug: 1 to 63 of `a-z 0-9 -`, starting with a letter or digit.
pub fn is_tenant_slug(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 63
        && b[0].is_ascii_alphanumeric()
        && b.iter()
            .all(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
}

/// A template, line, trunk, transport or group name: 1 to 64 of `A-Z a-z 0-9 . _ + -`,
/// starting with a letter, a digit or `+` (E.164 numbers). A generated name never starts
/// with an element name's first character except line ids, which are never parents, so a
/// leading `+` cannot be read as config.c's `(+)` flag.
pub fn is_element_name(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && (b[0].is_ascii_alphanumeric() || b[0] == b'+')
        && b.iter()
            .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'+' | b'-'))
}

/// A domain: dot-separated labels of `a-z 0-9 -` (lowercase), each 1 to 63 long, not
/// starting or ending with `-`; 253 characters at most.
pub fn is_domain(s: &str) -> bool {
    s.len() <= 253
        && !s.is_empty()
        && s.split('.').all(|label| {
            let b = label.as_bytes();
            !b.is_empty()
                && b.len() <= 63
                && b[0] != b'-'
                && b[b.len() - 1] != b'-'
                && b.iter()
                    .all(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
        })
}

/// The prefix of a tenant's dialplan contexts and named groups: `tenant_` (`_` never
/// appears in a slug, so no tenant's prefix is another's).
pub fn tenant_prefix(tenant: &str) -> String {
    format!("{tenant}_")
}
