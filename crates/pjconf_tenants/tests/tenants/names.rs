//! The naming scheme is injective: proptest over (tenant, kind, name) triples.

use pjconf_tenants::names::{
    Kind, is_element_name, is_tenant_slug, line_id, object_name, parse_object_name,
};
use proptest::prelude::*;

fn slug() -> impl Strategy<Value = String> {
    "[a-z0-9][a-z0-9-]{0,8}"
}

fn element() -> impl Strategy<Value = String> {
    "[A-Za-z0-9+][A-Za-z0-9._+-]{0,8}"
}

fn kind() -> impl Strategy<Value = Kind> {
    let kinds = Kind::all();
    (0..kinds.len()).prop_map(move |i| kinds[i])
}

proptest! {
    #[test]
    fn object_names_are_injective(
        a in (slug(), kind(), element()),
        b in (slug(), kind(), element()),
    ) {
        let na = object_name(&a.0, a.1, &a.2);
        let nb = object_name(&b.0, b.1, &b.2);
        prop_assert_eq!(na == nb, a == b);
        prop_assert_eq!(parse_object_name(&na), Some((a.0.as_str(), a.1, a.2.as_str())));
        // No structural character of pjsip.conf, and never a line id.
        prop_assert!(!na.contains([',', '(', ')', '[', ']', ';', '=', ' ', '@']));
    }

    #[test]
    fn line_ids_never_look_like_object_names(user in element(), domain in "[a-z0-9]{1,8}(\\.[a-z0-9]{1,8}){0,2}") {
        let id = line_id(&user, &domain);
        prop_assert!(parse_object_name(&id).is_none());
        prop_assert!(!id.contains('/'));
    }
}

#[test]
fn kinds_have_distinct_texts_without_slash() {
    let kinds = Kind::all();
    let mut texts: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
    assert!(texts.iter().all(|t| !t.contains('/')));
    texts.sort();
    texts.dedup();
    assert_eq!(texts.len(), kinds.len());
}

#[test]
fn character_sets() {
    assert!(is_tenant_slug("acme-corp"));
    assert!(!is_tenant_slug("Acme"));
    assert!(!is_tenant_slug("acme_corp"));
    assert!(is_element_name("+4930123"));
    assert!(!is_element_name("alice@x"));
    assert!(!is_element_name("a/b"));
}
