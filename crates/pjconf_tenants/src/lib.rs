//! The multi-tenant model of pjconf: one Asterisk serving many customers, each with its own
//! templates, lines and trunks, compiled into one pjsip.conf where no tenant can see, reach or
//! break another.
//!
//! # The model
//! A [`Model`] (TOML or JSON, the same serde types; JSON Schema from [`schema`]) has an
//! [`Engine`] (target Asterisk version, `global`, `system`, named transports, the isolation
//! [`Policy`]) and [`Tenant`]s, each with a slug, domains (the first is primary) and
//! [`Config`]s: templates, lines and trunks, each with ordered `parents` and option maps per
//! object section (`endpoint`, `aor`, `auth`, `identify`, `registration`, `outbound_auth`,
//! `registration_outbound_auth`). [`ModelSource`] reads a document or a directory
//! (`engine.toml` + `tenants/*.toml`) and keeps the position of every key and value.
//!
//! # Phases
//! 1. Names: tenant slugs, element names and domains are checked against their character
//!    sets ([`names`]); duplicates are reported.
//! 2. Per tenant, a [`pjconf_templates`] graph (order-free lookup): parents merge left to
//!    right, then the element's own values; a later scalar wins, list options accumulate.
//!    A parent must be a template of the same tenant.
//! 3. Every option is checked against the option table and the isolation policy
//!    (`PJ4xx`, [`codes`]).
//! 4. Objects: each line becomes an endpoint and aor `user@primary-domain` and an auth
//!    `tenant/auth/user` (`username=user`, `realm=primary-domain`); trunks, auths,
//!    identifies, registrations and templates are named `tenant/kind/name`
//!    ([`names::object_name`]); secondary domains become `domain_alias` objects.
//! 5. Output: a [`pjconf_emit::Document`] grouped per tenant (templates kept as `(!)`
//!    sections, or [`CompileOptions::flatten`]), written by [`pjconf_emit::emit`].
//!
//! # Properties
//! - Deterministic: the same model gives the same bytes (model order, no hash order).
//! - No text unless the model is clean: any error-level diagnostic leaves
//!   [`Compiled::text`] empty.
//! - Every object keeps its [`Origin`] (tenant, element, section) and each tenant its
//!   [`TenantGraph`], so change impact (which objects a template feeds) can be computed.
//!
//! ```
//! use pjconf_tenants::{CompileOptions, Format, compile_text};
//!
//! let model = r#"
//! [engine.transports.udp]
//! protocol = "udp"
//! bind = "0.0.0.0:5060"
//!
//! [[tenants]]
//! name = "acme"
//! domains = ["acme.example"]
//! templates = [{ name = "phone", endpoint = { context = "acme_phones", disallow = "all", allow = ["ulaw", "opus"] } }]
//! lines = [{ name = "alice", parents = ["phone"], password = "secret" }]
//! "#;
//! let out = compile_text("model.toml", model, Format::Toml, &CompileOptions::default()).unwrap();
//! assert!(out.is_ok(), "{:?}", out.diagnostics);
//! let text = out.text.unwrap();
//! assert!(text.contains("[acme/endpoint-template/phone](!)\n"));
//! assert!(text.contains("[alice@acme.example](acme/endpoint-template/phone)\ntype = endpoint\n"));
//! ```

#![warn(missing_docs)]

mod check;
pub mod codes;
mod compile;
mod compiled;
mod effective;
mod elements;
pub mod impact;
mod json_pos;
mod model;
pub mod names;
mod net;
mod source;
mod tenant;
mod write;

pub use compile::{CompileOptions, compile, compile_model, compile_text};
pub use compiled::{Compiled, Element, Origin, TenantGraph};
pub use impact::{
    ChangeKind, Impact, ObjectChange, OptionChange, OptionText, impact, impact_models,
};
pub use model::{Config, Engine, Model, OptionMap, OptionValue, Policy, Scalar, Tenant, schema};
pub use source::{Format, ModelError, ModelSource, Positions};
