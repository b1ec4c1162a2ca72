//! Diagnostic codes of the tenant stage (`PJ4xx`). A code never changes meaning.
//!
//! [`CODES`] lists each with its default severity and a one-line summary.

use pjconf_diagnostics::Severity;

/// The model text is not valid TOML or JSON, or does not have the model's shape.
pub const MODEL_SYNTAX: &str = "PJ400";
/// A tenant (or one of its templates, lines, trunks) sets `global`, `system` or a transport:
/// those belong to the engine.
pub const ENGINE_OBJECT_IN_TENANT: &str = "PJ401";
/// A parent that is no template of the tenant.
pub const UNKNOWN_PARENT: &str = "PJ402";
/// A parent that is a template of another tenant: templates never cross tenants.
pub const PARENT_IN_OTHER_TENANT: &str = "PJ403";
/// Templates that inherit from each other in a loop.
pub const INHERITANCE_CYCLE: &str = "PJ404";
/// A reference option (`aors`, `auth`, `outbound_auth`, `endpoint`) set by a tenant: the
/// compiler wires references inside the element, so none can reach another tenant.
pub const REFERENCE_SET_BY_TENANT: &str = "PJ405";
/// A dialplan-facing value (`context`, `subscribe_context`, `message_context`,
/// `overlap_context`, a `mailboxes` context) outside the tenant's prefix and the policy's
/// allowed list.
pub const CONTEXT_OUTSIDE_TENANT: &str = "PJ406";
/// A numeric `call_group` / `pickup_group`: groups 0-63 are shared by every tenant.
pub const NUMERIC_GROUP: &str = "PJ407";
/// An option only the compiler or the engine sets (`type`, `tenantid`, a line auth's
/// `username`/`realm`, a reserved `set_var`).
pub const RESERVED_OPTION: &str = "PJ408";
/// A domain claimed by two tenants (or twice by one).
pub const DUPLICATE_DOMAIN: &str = "PJ409";
/// Identify `match` ranges of two tenants overlap: which tenant gets the request is
/// unspecified.
pub const OVERLAPPING_MATCH: &str = "PJ410";
/// An identify `match` range wider than the policy allows (`0.0.0.0/0`).
pub const MATCH_TOO_WIDE: &str = "PJ411";
/// A value that could change the structure of the output: a control character (line
/// break), or blanks at its ends.
pub const VALUE_CHARACTER: &str = "PJ412";
/// A name outside its documented character set.
pub const INVALID_NAME: &str = "PJ413";
/// Two tenants, or two templates / lines / trunks of one tenant, with the same name.
pub const DUPLICATE_NAME: &str = "PJ414";
/// A transport that the engine does not define.
pub const UNKNOWN_TRANSPORT: &str = "PJ415";
/// An option that the section's object type does not have.
pub const UNKNOWN_OPTION: &str = "PJ416";
/// A value Asterisk would reject (the object would be dropped).
pub const INVALID_VALUE: &str = "PJ417";
/// A `password` on a template or trunk (it is a line shortcut), or a line without any
/// auth (anyone could register as it).
pub const PASSWORD_MISUSE: &str = "PJ418";
/// A tenant without a domain.
pub const MISSING_DOMAIN: &str = "PJ419";

/// Every code of this stage: (code, default severity, summary).
pub const CODES: &[(&str, Severity, &str)] = &[
    (
        MODEL_SYNTAX,
        Severity::Error,
        "model text that is not TOML/JSON of the model's shape",
    ),
    (
        ENGINE_OBJECT_IN_TENANT,
        Severity::Error,
        "tenant sets global, system or a transport",
    ),
    (
        UNKNOWN_PARENT,
        Severity::Error,
        "parent that is no template of the tenant",
    ),
    (
        PARENT_IN_OTHER_TENANT,
        Severity::Error,
        "parent that is a template of another tenant",
    ),
    (INHERITANCE_CYCLE, Severity::Error, "inheritance cycle"),
    (
        REFERENCE_SET_BY_TENANT,
        Severity::Error,
        "reference option set by a tenant",
    ),
    (
        CONTEXT_OUTSIDE_TENANT,
        Severity::Error,
        "dialplan context outside the tenant's prefix",
    ),
    (
        NUMERIC_GROUP,
        Severity::Error,
        "numeric call or pickup group shared by all tenants",
    ),
    (
        RESERVED_OPTION,
        Severity::Error,
        "option reserved to the compiler or the engine",
    ),
    (
        DUPLICATE_DOMAIN,
        Severity::Error,
        "domain claimed more than once",
    ),
    (
        OVERLAPPING_MATCH,
        Severity::Error,
        "identify match ranges of two tenants overlap",
    ),
    (
        MATCH_TOO_WIDE,
        Severity::Error,
        "identify match range wider than the policy allows",
    ),
    (
        VALUE_CHARACTER,
        Severity::Error,
        "value with a control character or blanks at its ends",
    ),
    (
        INVALID_NAME,
        Severity::Error,
        "name outside its character set",
    ),
    (DUPLICATE_NAME, Severity::Error, "name used twice"),
    (
        UNKNOWN_TRANSPORT,
        Severity::Error,
        "transport the engine does not define",
    ),
    (
        UNKNOWN_OPTION,
        Severity::Error,
        "option the object type does not have",
    ),
    (
        INVALID_VALUE,
        Severity::Error,
        "value Asterisk would reject",
    ),
    (
        PASSWORD_MISUSE,
        Severity::Warning,
        "password outside a line, or a line without auth",
    ),
    (MISSING_DOMAIN, Severity::Error, "tenant without a domain"),
];
