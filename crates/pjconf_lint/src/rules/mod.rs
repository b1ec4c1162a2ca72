//! The rule table: one file per rule, one line per rule here, in code order.

mod ambiguous_endpoint_identification;
mod domain_alias_without_endpoints;
mod duplicate_object;
mod duplicate_singleton;
mod duplicate_transport_bind;
mod ignored_object_type;
mod invalid_option_value;
mod overlapping_identify;
mod overridden_option;
mod section_without_type;
mod suspicious_option_value;
mod unknown_object_type;
mod unknown_option;
mod unknown_reference;
mod unused_aor;
mod unused_auth;

use crate::Rule;

/// Every rule, in code order (a test checks the order and that codes and names are unique).
pub(crate) static ALL: &[&dyn Rule] = &[
    &section_without_type::SectionWithoutType,       // PJ201
    &unknown_object_type::UnknownObjectType,         // PJ202
    &unknown_option::UnknownOption,                  // PJ203
    &invalid_option_value::InvalidOptionValue,       // PJ204
    &suspicious_option_value::SuspiciousOptionValue, // PJ205
    &unknown_reference::UnknownReference,            // PJ206
    &unused_auth::UnusedAuth,                        // PJ207
    &unused_aor::UnusedAor,                          // PJ208
    &duplicate_object::DuplicateObject,              // PJ209
    &duplicate_singleton::DuplicateSingleton,        // PJ210
    &overlapping_identify::OverlappingIdentify,      // PJ211
    &ambiguous_endpoint_identification::AmbiguousEndpointIdentification, // PJ212
    &duplicate_transport_bind::DuplicateTransportBind, // PJ213
    &overridden_option::OverriddenOption,            // PJ214
    &ignored_object_type::IgnoredObjectType,         // PJ215
    &domain_alias_without_endpoints::DomainAliasWithoutEndpoints, // PJ216
];

/// `` endpoint `alice` ``: how diagnostics name an object.
pub(crate) fn describe(object: &pjconf_model::PjsipObject) -> String {
    format!("{} `{}`", object.object_type, object.id)
}
