//! Isolation on models given as Rust values: diagnostics name the tenant and the model path
//! even without a file; origins and template graphs are kept.

use pjconf_model::ObjectType;
use pjconf_tenants::{
    CompileOptions, Config, Element, Model, OptionValue, Tenant, codes, compile_model,
};

fn line(name: &str, parents: &[&str]) -> Config {
    Config {
        name: name.into(),
        parents: parents.iter().map(|p| p.to_string()).collect(),
        password: Some("pw".into()),
        ..Config::default()
    }
}

fn template(name: &str, parents: &[&str], context: &str) -> Config {
    let mut c = line(name, parents);
    c.password = None;
    c.endpoint
        .insert("context".into(), OptionValue::from(context));
    c
}

fn tenant(name: &str, domain: &str, templates: Vec<Config>, lines: Vec<Config>) -> Tenant {
    Tenant {
        name: name.into(),
        domains: vec![domain.into()],
        templates,
        lines,
        ..Tenant::default()
    }
}

#[test]
fn messages_name_tenant_and_path_without_a_file() {
    let model = Model {
        tenants: vec![
            tenant(
                "acme",
                "acme.example",
                vec![template("vip", &[], "acme_vip")],
                vec![],
            ),
            tenant(
                "beta",
                "beta.example",
                vec![],
                vec![line("alice", &[]), line("bob", &["vip"])],
            ),
        ],
        ..Model::default()
    };
    let out = compile_model(model, &CompileOptions::default());
    let d = out
        .diagnostics
        .iter()
        .find(|d| d.code == codes::PARENT_IN_OTHER_TENANT)
        .expect("PJ403");
    assert_eq!(
        d.message,
        "tenant `beta`: parent `vip` is a template of tenant `acme`, not of this tenant (at `tenants[1].lines[1].parents[0]`)"
    );
    assert!(out.text.is_none());
    // With no file, the renderer still shows the message (and the path inside it).
    let shown = pjconf_diagnostics::render::human(&out.diagnostics, &out.sources, false);
    assert!(shown.contains("tenants[1].lines[1].parents[0]"), "{shown}");
}

#[test]
fn origins_and_template_chains_are_kept() {
    let model = Model {
        tenants: vec![tenant(
            "acme",
            "acme.example",
            vec![
                template("prefs", &["base"], "acme_a"),
                template("base", &[], "acme_b"),
                template("webrtc", &[], "acme_c"),
            ],
            vec![line("alice", &["prefs", "webrtc"])],
        )],
        ..Model::default()
    };
    let out = compile_model(model, &CompileOptions::default());
    assert!(out.is_ok(), "{:?}", out.diagnostics);
    let (i, endpoint) = out
        .objects
        .objects
        .iter()
        .enumerate()
        .find(|(_, o)| o.object_type == ObjectType::Endpoint)
        .unwrap();
    assert_eq!(endpoint.id, "alice@acme.example");
    // The later parent's scalar wins.
    assert_eq!(endpoint.last("context").unwrap().value, "acme_c");
    let origin = out.origins[i];
    assert_eq!(origin.tenant, Some(0));
    assert_eq!(origin.element, Element::Line(0));
    assert_eq!(out.templates_of(&origin), ["base", "prefs", "webrtc"]);
    let graph = &out.tenants[0].graph;
    let base = graph.find("base")[0];
    assert_eq!(graph.dependents(base).len(), 2);
}

#[test]
fn same_names_in_two_tenants_do_not_collide() {
    let t = |name: &str, domain: &str| {
        tenant(
            name,
            domain,
            vec![template("phone", &[], &format!("{name}_phones"))],
            vec![line("alice", &["phone"]), line("bob", &["phone"])],
        )
    };
    let model = Model {
        tenants: vec![t("acme", "acme.example"), t("beta", "beta.example")],
        ..Model::default()
    };
    let out = compile_model(model, &CompileOptions::default());
    assert!(out.is_ok(), "{:?}", out.diagnostics);
    let mut ids: Vec<(ObjectType, &str)> = out
        .objects
        .objects
        .iter()
        .map(|o| (o.object_type, o.id.as_str()))
        .collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n);
}

#[test]
fn tenantid_only_for_versions_that_have_it() {
    let model = |asterisk: &str| {
        let mut m = Model {
            tenants: vec![tenant(
                "acme",
                "acme.example",
                vec![],
                vec![line("alice", &[])],
            )],
            ..Model::default()
        };
        m.engine.asterisk = asterisk.into();
        m
    };
    let text22 = compile_model(model("22"), &CompileOptions::default())
        .text
        .unwrap();
    assert!(text22.contains("tenantid = acme\n"));
    let text18 = compile_model(model("18"), &CompileOptions::default())
        .text
        .unwrap();
    assert!(!text18.contains("tenantid"));
}

#[test]
fn every_code_is_unique_and_documented() {
    let mut seen = std::collections::HashSet::new();
    for (code, _, summary) in codes::CODES {
        assert!(code.starts_with("PJ4"), "{code}");
        assert!(seen.insert(code), "{code} twice");
        assert!(!summary.is_empty());
    }
}
