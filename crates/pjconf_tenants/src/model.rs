//! The multi-tenant model: plain serde types, read from TOML or JSON alike, with a JSON
//! Schema ([`schema`]).

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A whole platform: the engine (owned by the operator) and its tenants.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Model {
    /// What only the platform owner configures.
    #[serde(default)]
    pub engine: Engine,
    /// The customers, in output order.
    #[serde(default)]
    pub tenants: Vec<Tenant>,
}

/// The operator's part: target version, the single objects, transports and the isolation
/// policy. No tenant can set any of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Engine {
    /// The target Asterisk major version (`"22"`); decides version-dependent options such as
    /// endpoint `tenantid`.
    #[serde(default = "default_asterisk")]
    pub asterisk: String,
    /// Options of the `[global]` object.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub global: OptionMap,
    /// Options of the `[system]` object.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub system: OptionMap,
    /// Transports by name; tenants pick them by these names (endpoint `transport`).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub transports: IndexMap<String, OptionMap>,
    /// Limits on what tenants may do.
    #[serde(default)]
    pub policy: Policy,
}

fn default_asterisk() -> String {
    "22".to_string()
}

impl Default for Engine {
    fn default() -> Self {
        Engine {
            asterisk: default_asterisk(),
            global: OptionMap::new(),
            system: OptionMap::new(),
            transports: IndexMap::new(),
            policy: Policy::default(),
        }
    }
}

/// The engine's isolation policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Dialplan contexts every tenant may name besides its own (`<tenant>_...`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed_contexts: Vec<String>,
    /// Channel variables (`set_var` names) that only the engine may set, compared ignoring
    /// ASCII case.
    #[serde(default = "default_reserved_set_vars")]
    pub reserved_set_vars: Vec<String>,
    /// The shortest IPv4 prefix an identify `match` may use (default 16: no `/8`, no
    /// `0.0.0.0/0`).
    #[serde(default = "default_min_v4")]
    pub min_match_prefix_v4: u8,
    /// The shortest IPv6 prefix an identify `match` may use (default 48).
    #[serde(default = "default_min_v6")]
    pub min_match_prefix_v6: u8,
}

fn default_reserved_set_vars() -> Vec<String> {
    vec!["TENANT".to_string()]
}
fn default_min_v4() -> u8 {
    16
}
fn default_min_v6() -> u8 {
    48
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            allowed_contexts: Vec::new(),
            reserved_set_vars: default_reserved_set_vars(),
            min_match_prefix_v4: default_min_v4(),
            min_match_prefix_v6: default_min_v6(),
        }
    }
}

/// One customer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tenant {
    /// The tenant's slug: `[a-z0-9][a-z0-9-]*`, at most 63 characters; unique.
    pub name: String,
    /// The tenant's SIP domains; the first is primary (endpoint and aor names, auth realm),
    /// the others become `domain_alias` objects.
    #[serde(default)]
    pub domains: Vec<String>,
    /// Templates (`(!)` sections), declared in any order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub templates: Vec<Config>,
    /// Phones and users: endpoint + aor `name@primary-domain`, and an auth.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<Config>,
    /// Connections to providers or other systems.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trunks: Vec<Config>,
    /// Not allowed in a tenant (only the engine has `global`); kept to report it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(skip)]
    pub global: Option<serde_json::Value>,
    /// Not allowed in a tenant (only the engine has `system`); kept to report it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(skip)]
    pub system: Option<serde_json::Value>,
    /// Not allowed in a tenant (transports are the engine's); kept to report it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(skip)]
    pub transports: Option<serde_json::Value>,
}

/// A template, line or trunk: a name, ordered parents (templates of the same tenant) and
/// option maps per object section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The name: `[A-Za-z0-9+][A-Za-z0-9._+-]*`, at most 64 characters; unique per list.
    pub name: String,
    /// Templates of the same tenant, merged left to right before the own values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parents: Vec<String>,
    /// Lines only: the password of the line's auth (`auth.password`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// Endpoint options.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub endpoint: OptionMap,
    /// Aor options.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub aor: OptionMap,
    /// Options of the auth that challenges this endpoint.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub auth: OptionMap,
    /// Identify options (`match`, `match_header`, ...).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub identify: OptionMap,
    /// Outbound registration options.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub registration: OptionMap,
    /// Options of the auth answering the peer's challenges (endpoint `outbound_auth`).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub outbound_auth: OptionMap,
    /// Options of the auth the registration answers challenges with.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub registration_outbound_auth: OptionMap,
    /// Not allowed (transports are the engine's); kept to report it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(skip)]
    pub transport: Option<serde_json::Value>,
    /// Not allowed (only the engine has `global`); kept to report it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(skip)]
    pub global: Option<serde_json::Value>,
    /// Not allowed (only the engine has `system`); kept to report it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(skip)]
    pub system: Option<serde_json::Value>,
}

/// Options of one section, in order (order matters: `disallow` before `allow`).
pub type OptionMap = IndexMap<String, OptionValue>;

/// An option's value: a scalar, or a list for options that repeat (`allow`, `match`,
/// `set_var`) or take comma lists (`named_call_group`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum OptionValue {
    /// One value.
    Scalar(Scalar),
    /// Several: one line each for a repeating option, joined with `,` otherwise.
    List(Vec<Scalar>),
}

/// One scalar value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Scalar {
    /// Written as `yes` / `no`.
    Bool(bool),
    /// Written in decimal.
    Integer(i64),
    /// Written as Rust formats it (`0.5`).
    Float(f64),
    /// Written as is.
    String(String),
}

impl Scalar {
    /// The text written to pjsip.conf.
    pub fn to_conf(&self) -> String {
        match self {
            Scalar::Bool(true) => "yes".to_string(),
            Scalar::Bool(false) => "no".to_string(),
            Scalar::Integer(i) => i.to_string(),
            Scalar::Float(f) => f.to_string(),
            Scalar::String(s) => s.clone(),
        }
    }
}

impl From<&str> for OptionValue {
    fn from(s: &str) -> Self {
        OptionValue::Scalar(Scalar::String(s.to_string()))
    }
}

impl From<String> for OptionValue {
    fn from(s: String) -> Self {
        OptionValue::Scalar(Scalar::String(s))
    }
}

impl From<bool> for OptionValue {
    fn from(b: bool) -> Self {
        OptionValue::Scalar(Scalar::Bool(b))
    }
}

impl From<i64> for OptionValue {
    fn from(i: i64) -> Self {
        OptionValue::Scalar(Scalar::Integer(i))
    }
}

impl<const N: usize> From<[&str; N]> for OptionValue {
    fn from(items: [&str; N]) -> Self {
        OptionValue::List(
            items
                .iter()
                .map(|s| Scalar::String((*s).to_string()))
                .collect(),
        )
    }
}

/// The JSON Schema of [`Model`] (pretty JSON, ending with a newline), as published in
/// `docs/model.schema.json`.
pub fn schema() -> String {
    let schema = schemars::schema_for!(Model);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
