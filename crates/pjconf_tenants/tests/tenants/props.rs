//! Random valid models: unique names per object type, no reference across tenants,
//! byte-identical recompilation, lint-clean output (templated and flat).

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;
use pjconf_model::ObjectType;
use pjconf_tenants::{
    CompileOptions, Config, Model, OptionMap, OptionValue, Tenant, compile_model,
};
use proptest::prelude::*;

use crate::common::{assert_lints_clean, object_errors};

const NAMES: &[&str] = &["alice", "bob", "carol", "dave", "100", "+4930"];
const TEMPLATES: &[&str] = &["base", "phone", "webrtc", "prefs", "night"];

/// One template: parents among the templates (any order, acyclic: only higher indexes of a
/// shuffled order), and a few options.
#[derive(Debug, Clone)]
struct TplSpec {
    parents: Vec<usize>,
    opts: u8,
}

#[derive(Debug, Clone)]
struct TenantSpec {
    templates: Vec<TplSpec>,
    order: Vec<usize>,
    lines: Vec<(usize, Vec<usize>, u8)>,
    trunk: Option<u8>,
}

fn tenant_spec() -> impl Strategy<Value = TenantSpec> {
    (1usize..=TEMPLATES.len()).prop_flat_map(|n| {
        (
            prop::collection::vec(
                (prop::collection::vec(0..n, 0..3), any::<u8>())
                    .prop_map(|(parents, opts)| TplSpec { parents, opts }),
                n,
            ),
            Just((0..n).collect::<Vec<_>>()).prop_shuffle(),
            prop::collection::vec(
                (
                    0..NAMES.len(),
                    prop::collection::vec(0..n, 0..4),
                    any::<u8>(),
                ),
                0..5,
            ),
            prop::option::of(any::<u8>()),
        )
            .prop_map(|(templates, order, lines, trunk)| TenantSpec {
                templates,
                order,
                lines,
                trunk,
            })
    })
}

fn options(slug: &str, bits: u8) -> (OptionMap, OptionMap) {
    crate::common::random_options(slug, bits, ("named_call_group", "sales"))
}

fn build(specs: &[TenantSpec]) -> Model {
    let mut model = Model::default();
    let mut udp = IndexMap::new();
    udp.insert("protocol".into(), OptionValue::from("udp"));
    udp.insert("bind".into(), OptionValue::from("0.0.0.0:5060"));
    model.engine.transports.insert("udp".into(), udp);
    for (ti, spec) in specs.iter().enumerate() {
        let slug = format!("t{ti}");
        let n = spec.templates.len();
        // rank[i] = position of template i in the shuffled order; parents only of higher rank.
        let mut rank = vec![0; n];
        for (r, &i) in spec.order.iter().enumerate() {
            rank[i] = r;
        }
        let templates = (0..n)
            .map(|i| {
                let (endpoint, aor) = options(&slug, spec.templates[i].opts);
                let mut parents: Vec<String> = Vec::new();
                for &p in &spec.templates[i].parents {
                    let name = TEMPLATES[p].to_string();
                    if rank[p] > rank[i] && !parents.contains(&name) {
                        parents.push(name);
                    }
                }
                Config {
                    name: TEMPLATES[i].into(),
                    parents,
                    endpoint,
                    aor,
                    ..Config::default()
                }
            })
            .collect();
        let mut seen = HashSet::new();
        let lines = spec
            .lines
            .iter()
            .filter(|(name, _, _)| seen.insert(*name))
            .map(|(name, parents, bits)| {
                let (endpoint, aor) = options(&slug, *bits);
                let mut ps: Vec<String> =
                    parents.iter().map(|&p| TEMPLATES[p].to_string()).collect();
                ps.dedup();
                Config {
                    name: NAMES[*name].into(),
                    parents: ps,
                    password: Some(format!("pw{bits}")),
                    endpoint,
                    aor,
                    ..Config::default()
                }
            })
            .collect();
        let trunks = spec
            .trunk
            .map(|bits| {
                let (endpoint, mut aor) = options(&slug, bits);
                aor.insert("contact".into(), OptionValue::from("sip:provider.example"));
                let mut identify = IndexMap::new();
                identify.insert(
                    "match".into(),
                    OptionValue::from([format!("10.{ti}.0.0/24").as_str()]),
                );
                vec![Config {
                    name: "provider".into(),
                    endpoint,
                    aor,
                    identify,
                    ..Config::default()
                }]
            })
            .unwrap_or_default();
        model.tenants.push(Tenant {
            name: slug.clone(),
            domains: vec![format!("{slug}.example"), format!("{slug}.example.net")],
            templates,
            lines,
            trunks,
            ..Tenant::default()
        });
    }
    model
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
    #[test]
    fn random_models_compile_isolated_and_clean(specs in prop::collection::vec(tenant_spec(), 1..4), flatten in any::<bool>()) {
        let model = build(&specs);
        let options = CompileOptions { flatten, ..CompileOptions::default() };
        let out = compile_model(model.clone(), &options);
        prop_assert!(out.is_ok(), "{:?}", out.diagnostics);
        let text = out.text.clone().unwrap();

        // No two objects of one type share a name.
        let mut ids = HashSet::new();
        for o in &out.objects.objects {
            prop_assert!(ids.insert((o.object_type, o.id.clone())), "duplicate {:?} {}", o.object_type, o.id);
        }
        // Every reference stays inside its tenant.
        let owner: HashMap<(ObjectType, &str), Option<usize>> = out
            .objects
            .objects
            .iter()
            .zip(&out.origins)
            .map(|(o, origin)| ((o.object_type, o.id.as_str()), origin.tenant))
            .collect();
        for (o, origin) in out.objects.objects.iter().zip(&out.origins) {
            for v in &o.options {
                let target = match (o.object_type, v.key.as_str()) {
                    (ObjectType::Endpoint, "aors") => ObjectType::Aor,
                    (ObjectType::Endpoint | ObjectType::Registration, "auth" | "outbound_auth") => ObjectType::Auth,
                    (ObjectType::Identify | ObjectType::Registration, "endpoint") => ObjectType::Endpoint,
                    (_, "transport") => ObjectType::Transport,
                    _ => continue,
                };
                for name in v.value.split(',') {
                    let t = owner.get(&(target, name));
                    prop_assert!(t.is_some(), "{} names missing {}", o.id, name);
                    let t = t.copied().flatten();
                    prop_assert!(t.is_none() || t == origin.tenant, "{} reaches another tenant via {}", o.id, name);
                    prop_assert!(target == ObjectType::Transport || t == origin.tenant);
                }
            }
        }
        // Deterministic.
        let again = compile_model(model, &options);
        prop_assert_eq!(again.text.as_deref(), Some(text.as_str()));
        // Lint clean, through the text and on the objects.
        assert_lints_clean("random model", &text);
        let errors = object_errors(&out);
        prop_assert!(errors.is_empty(), "{}", errors);
    }
}
