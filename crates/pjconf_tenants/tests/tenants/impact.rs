//! Change impact: fixtures (one edit each of `fixtures/impact/base.toml`) with JSON
//! snapshots, and random models with random edits, where the impact must equal the
//! object-level difference of two full compilations.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use pjconf_model::{PjsipObject, Repeat, lookup};
use pjconf_tenants::{
    ChangeKind, CompileOptions, Compiled, Config, Impact, Model, ModelSource, OptionMap,
    OptionText, OptionValue, Tenant, compile, impact, impact_models,
};
use proptest::prelude::*;

type Key = (Option<String>, String, String);
/// One option change: name, old, new.
type Opt = (String, Option<OptionText>, Option<OptionText>);
/// One object change in a comparable shape.
type Row = (Key, ChangeKind, Vec<Opt>);

/// Every object of a compilation by (tenant slug, type, id).
fn objects(model: &Model, out: &Compiled) -> BTreeMap<Key, PjsipObject> {
    out.objects
        .objects
        .iter()
        .zip(&out.origins)
        .map(|(o, origin)| {
            let tenant = origin.tenant.map(|t| model.tenants[t].name.clone());
            (
                (tenant, o.object_type.as_str().to_string(), o.id.clone()),
                o.clone(),
            )
        })
        .collect()
}

/// The values of one option: every value of a list option, the last of a scalar one.
fn option(o: &PjsipObject, name: &str) -> Option<OptionText> {
    let values: Vec<String> = o
        .options
        .iter()
        .filter(|v| v.key == name)
        .map(|v| v.value.clone())
        .collect();
    let last = values.last()?.clone();
    let list = lookup(o.object_type, name).is_some_and(|s| s.repeat == Repeat::Accumulate);
    Some(if list {
        OptionText::List(values)
    } else {
        OptionText::Scalar(last)
    })
}

/// The reference: both models compiled whole, objects compared by (tenant, type, id).
fn reference(old: &Model, new: &Model) -> Vec<Row> {
    let a = objects(
        old,
        &compile(
            &ModelSource::from_model(old.clone()),
            &CompileOptions::default(),
        ),
    );
    let b = objects(
        new,
        &compile(
            &ModelSource::from_model(new.clone()),
            &CompileOptions::default(),
        ),
    );
    let mut out = Vec::new();
    for k in a.keys() {
        if !b.contains_key(k) {
            out.push((k.clone(), ChangeKind::Removed, Vec::new()));
        }
    }
    for (k, n) in &b {
        match a.get(k) {
            None => out.push((k.clone(), ChangeKind::Added, Vec::new())),
            Some(o) => {
                let pairs = |x: &PjsipObject| -> Vec<(String, String)> {
                    x.options
                        .iter()
                        .map(|v| (v.key.clone(), v.value.clone()))
                        .collect()
                };
                if pairs(o) == pairs(n) {
                    continue;
                }
                let mut names: Vec<String> = o
                    .options
                    .iter()
                    .chain(&n.options)
                    .map(|v| v.key.clone())
                    .collect();
                names.sort();
                names.dedup();
                let options = names
                    .into_iter()
                    .filter_map(|name| {
                        let (ov, nv) = (option(o, &name), option(n, &name));
                        (ov != nv).then_some((name, ov, nv))
                    })
                    .collect();
                out.push((k.clone(), ChangeKind::Changed, options));
            }
        }
    }
    out.sort_by(|x, y| x.0.cmp(&y.0));
    out
}

/// The impact in the reference's shape.
fn shape(i: &Impact) -> Vec<Row> {
    i.changes
        .iter()
        .map(|c| {
            (
                (
                    c.tenant.clone(),
                    c.object_type.as_str().to_string(),
                    c.id.clone(),
                ),
                c.kind,
                c.options
                    .iter()
                    .map(|o| (o.name.clone(), o.old.clone(), o.new.clone()))
                    .collect(),
            )
        })
        .collect()
}

fn fixture(name: &str) -> ModelSource {
    ModelSource::load(&std::path::Path::new("../../fixtures/impact").join(format!("{name}.toml")))
        .unwrap()
}

#[test]
fn fixtures_impact() {
    let base = fixture("base");
    let compiled = compile(&base, &CompileOptions::default());
    assert!(compiled.is_ok(), "{:?}", compiled.diagnostics);
    for (name, full) in [
        ("template_option", false),
        ("add_line", false),
        ("remove_trunk", false),
        ("no_change", false),
        ("domain", false),
        ("policy", true),
        ("engine_global", false),
        ("engine_transport", false),
    ] {
        let new = fixture(name);
        let out = impact(&base, &compiled, &new);
        assert_eq!(out.full_recompile, full, "{name}");
        assert!(out.diagnostics.is_empty(), "{name}: {:?}", out.diagnostics);
        assert_eq!(shape(&out), reference(&base.model, &new.model), "{name}");
        // The same without the old objects at hand.
        assert_eq!(impact_models(&base, &new), out, "{name}");
        insta::assert_json_snapshot!(format!("impact_{name}"), out);
    }
}

/// A directory model (one file per tenant): the unchanged tenant's file has the same bytes,
/// so only the edited tenant is compared and recompiled; the result is the same.
#[test]
fn directory_models_impact() {
    let dir = std::path::Path::new("../../fixtures/impact");
    let old = ModelSource::load(&dir.join("dir_old")).unwrap();
    let new = ModelSource::load(&dir.join("dir_new")).unwrap();
    let compiled = compile(&old, &CompileOptions::default());
    assert!(compiled.is_ok(), "{:?}", compiled.diagnostics);
    let out = impact(&old, &compiled, &new);
    assert!(!out.full_recompile);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    assert_eq!(shape(&out), reference(&old.model, &new.model));
    // Same content as a single file: same impact.
    assert_eq!(
        impact(&fixture("base"), &compiled, &new).changes,
        out.changes
    );
    insta::assert_snapshot!("impact_directory_human", out.to_human());
}

/// Many affected lines (recompiled in several chunks), on both paths (old objects kept or
/// recompiled): the same as the full difference.
#[test]
fn many_affected_lines() {
    let model = |allow: [&str; 2]| {
        let mut endpoint = IndexMap::new();
        endpoint.insert("context".into(), OptionValue::from("acme_phones"));
        endpoint.insert("allow".into(), OptionValue::from(allow));
        let tpl = Config {
            name: "phone".into(),
            endpoint,
            ..Config::default()
        };
        let lines = (0..600)
            .map(|i| Config {
                name: format!("u{i}"),
                parents: vec!["phone".into()],
                password: Some(format!("pw{i}")),
                ..Config::default()
            })
            .collect();
        Model {
            tenants: vec![Tenant {
                name: "acme".into(),
                domains: vec!["acme.example".into()],
                templates: vec![tpl],
                lines,
                ..Tenant::default()
            }],
            ..Model::default()
        }
    };
    let (old, new) = (model(["ulaw", "opus"]), model(["ulaw", "g722"]));
    let expected = reference(&old, &new);
    assert_eq!(expected.len(), 600);
    let (os, ns) = (ModelSource::from_model(old), ModelSource::from_model(new));
    let kept = impact(&os, &compile(&os, &CompileOptions::default()), &ns);
    assert_eq!(shape(&kept), expected);
    assert_eq!(impact_models(&os, &ns), kept);
}

// Random models and edits.

const NAMES: &[&str] = &["alice", "bob", "carol", "dave", "100", "+4930"];
const TEMPLATES: &[&str] = &["base", "phone", "webrtc", "prefs", "night"];

fn options(slug: &str, bits: u8) -> (OptionMap, OptionMap) {
    crate::common::random_options(slug, bits, ("allow", "g722"))
}

fn config(slug: &str, name: &str, parents: &[usize], bits: u8, line: bool) -> Config {
    let (endpoint, aor) = options(slug, bits);
    let mut ps: Vec<String> = Vec::new();
    for &p in parents {
        let p = TEMPLATES[p % TEMPLATES.len()].to_string();
        if !ps.contains(&p) {
            ps.push(p);
        }
    }
    Config {
        name: name.into(),
        parents: ps,
        password: line.then(|| format!("pw{bits}")),
        endpoint,
        aor,
        ..Config::default()
    }
}

fn trunk(slug: &str, ti: usize, bits: u8) -> Config {
    let mut c = config(slug, "provider", &[], bits, false);
    c.aor
        .insert("contact".into(), OptionValue::from("sip:provider.example"));
    let mut identify = IndexMap::new();
    identify.insert(
        "match".into(),
        OptionValue::from([format!("10.{ti}.0.0/24").as_str()]),
    );
    c.identify = identify;
    c
}

/// One tenant: templates `TEMPLATES[..n]`, each with parents of higher index only (acyclic),
/// lines with some of them as parents, maybe a trunk.
#[derive(Debug, Clone)]
struct TenantSpec {
    templates: Vec<(Vec<usize>, u8)>,
    lines: Vec<(usize, Vec<usize>, u8)>,
    trunk: Option<u8>,
}

fn tenant_spec() -> impl Strategy<Value = TenantSpec> {
    (
        prop::collection::vec(
            (prop::collection::vec(0..TEMPLATES.len(), 0..3), any::<u8>()),
            1..=TEMPLATES.len(),
        ),
        prop::collection::vec(
            (
                0..NAMES.len(),
                prop::collection::vec(0..TEMPLATES.len(), 0..3),
                any::<u8>(),
            ),
            0..5,
        ),
        prop::option::of(any::<u8>()),
    )
        .prop_map(|(templates, lines, trunk)| TenantSpec {
            templates,
            lines,
            trunk,
        })
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
        let templates = spec
            .templates
            .iter()
            .enumerate()
            .map(|(i, (parents, bits))| {
                let parents: Vec<usize> =
                    parents.iter().map(|p| p % n).filter(|&p| p > i).collect();
                config(&slug, TEMPLATES[i], &parents, *bits, false)
            })
            .collect();
        let mut seen = std::collections::HashSet::new();
        let lines = spec
            .lines
            .iter()
            .filter(|(name, _, _)| seen.insert(*name))
            .map(|(name, parents, bits)| {
                let parents: Vec<usize> = parents.iter().map(|p| p % n).collect();
                config(&slug, NAMES[*name], &parents, *bits, true)
            })
            .collect();
        let trunks = spec
            .trunk
            .map(|bits| vec![trunk(&slug, ti, bits)])
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

/// One random edit; indexes are taken modulo what exists.
#[derive(Debug, Clone)]
enum Edit {
    TemplateOptions(usize, usize, u8),
    TemplateParents(usize, usize, Vec<usize>),
    AddTemplate(usize, usize, u8),
    RemoveTemplate(usize, usize),
    LineOptions(usize, usize, u8),
    LineParents(usize, usize, Vec<usize>),
    AddLine(usize, usize, Vec<usize>, u8),
    RemoveLine(usize, usize),
    Trunk(usize, Option<u8>),
    Domain(usize, u8),
    AddTenant(TenantSpec),
    RemoveTenant(usize),
    Global(u8),
    Policy,
}

fn edit() -> impl Strategy<Value = Edit> {
    let parents = || prop::collection::vec(0..TEMPLATES.len(), 0..3);
    prop_oneof![
        4 => (any::<usize>(), any::<usize>(), any::<u8>()).prop_map(|(t, i, b)| Edit::TemplateOptions(t, i, b)),
        2 => (any::<usize>(), any::<usize>(), parents()).prop_map(|(t, i, p)| Edit::TemplateParents(t, i, p)),
        1 => (any::<usize>(), any::<usize>(), any::<u8>()).prop_map(|(t, i, b)| Edit::AddTemplate(t, i, b)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(t, i)| Edit::RemoveTemplate(t, i)),
        3 => (any::<usize>(), any::<usize>(), any::<u8>()).prop_map(|(t, i, b)| Edit::LineOptions(t, i, b)),
        2 => (any::<usize>(), any::<usize>(), parents()).prop_map(|(t, i, p)| Edit::LineParents(t, i, p)),
        2 => (any::<usize>(), any::<usize>(), parents(), any::<u8>()).prop_map(|(t, i, p, b)| Edit::AddLine(t, i, p, b)),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(t, i)| Edit::RemoveLine(t, i)),
        2 => (any::<usize>(), prop::option::of(any::<u8>())).prop_map(|(t, b)| Edit::Trunk(t, b)),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(t, d)| Edit::Domain(t, d)),
        1 => tenant_spec().prop_map(Edit::AddTenant),
        1 => any::<usize>().prop_map(Edit::RemoveTenant),
        1 => any::<u8>().prop_map(Edit::Global),
        1 => Just(Edit::Policy),
    ]
}

fn apply(model: &mut Model, edit: &Edit) {
    let n = model.tenants.len();
    let tenant = |t: usize| t % n.max(1);
    match edit {
        Edit::AddTenant(spec) => {
            let mut extra = build(std::slice::from_ref(spec)).tenants.remove(0);
            let slug = format!("new{n}");
            extra.domains = vec![format!("{slug}.example")];
            extra.name = slug;
            model.tenants.push(extra);
            return;
        }
        Edit::Global(b) => {
            model
                .engine
                .global
                .insert("user_agent".into(), OptionValue::from(format!("ua{b}")));
            return;
        }
        Edit::Policy => {
            model.engine.policy.allowed_contexts.push("public".into());
            return;
        }
        _ if n == 0 => return,
        _ => {}
    }
    match edit {
        Edit::TemplateOptions(t, i, b) => {
            let t = &mut model.tenants[tenant(*t)];
            let slug = t.name.clone();
            let k = i % t.templates.len().max(1);
            if let Some(c) = t.templates.get_mut(k) {
                (c.endpoint, c.aor) = options(&slug, *b);
            }
        }
        Edit::TemplateParents(t, i, p) => {
            let t = &mut model.tenants[tenant(*t)];
            let count = t.templates.len();
            let k = i % count.max(1);
            if count > 0 {
                // Higher positions only: stays acyclic.
                let parents: Vec<String> = p
                    .iter()
                    .map(|p| p % count)
                    .filter(|&p| p > k)
                    .map(|p| t.templates[p].name.clone())
                    .collect();
                t.templates[k].parents = parents;
                t.templates[k].parents.dedup();
            }
        }
        Edit::AddTemplate(t, i, b) => {
            let t = &mut model.tenants[tenant(*t)];
            let name = TEMPLATES[i % TEMPLATES.len()];
            if !t.templates.iter().any(|c| c.name == name) {
                let slug = t.name.clone();
                t.templates.push(config(&slug, name, &[], *b, false));
            }
        }
        Edit::RemoveTemplate(t, i) => {
            let t = &mut model.tenants[tenant(*t)];
            if !t.templates.is_empty() {
                let k = i % t.templates.len();
                t.templates.remove(k);
            }
        }
        Edit::LineOptions(t, i, b) => {
            let t = &mut model.tenants[tenant(*t)];
            let slug = t.name.clone();
            let k = i % t.lines.len().max(1);
            if let Some(c) = t.lines.get_mut(k) {
                (c.endpoint, c.aor) = options(&slug, *b);
            }
        }
        Edit::LineParents(t, i, p) => {
            let t = &mut model.tenants[tenant(*t)];
            let k = i % t.lines.len().max(1);
            if let Some(c) = t.lines.get_mut(k) {
                c.parents = config("x", "x", p, 0, false).parents;
            }
        }
        Edit::AddLine(t, i, p, b) => {
            let t = &mut model.tenants[tenant(*t)];
            let name = NAMES[i % NAMES.len()];
            if !t.lines.iter().any(|c| c.name == name) {
                let slug = t.name.clone();
                t.lines.push(config(&slug, name, p, *b, true));
            }
        }
        Edit::RemoveLine(t, i) => {
            let t = &mut model.tenants[tenant(*t)];
            if !t.lines.is_empty() {
                let k = i % t.lines.len();
                t.lines.remove(k);
            }
        }
        Edit::Trunk(t, b) => {
            let ti = tenant(*t);
            let t = &mut model.tenants[ti];
            let slug = t.name.clone();
            t.trunks = b.map(|b| vec![trunk(&slug, ti, b)]).unwrap_or_default();
        }
        Edit::Domain(t, d) => {
            let t = &mut model.tenants[tenant(*t)];
            match d % 3 {
                0 => t.domains.truncate(1),
                1 => t.domains[0] = format!("{}.changed{d}.example", t.name),
                _ => t.domains.push(format!("{}.alias{d}.example", t.name)),
            }
        }
        Edit::RemoveTenant(t) => {
            model.tenants.remove(tenant(*t));
        }
        Edit::AddTenant(_) | Edit::Global(_) | Edit::Policy => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]
    #[test]
    fn impact_equals_full_difference(
        specs in prop::collection::vec(tenant_spec(), 1..4),
        edits in prop::collection::vec(edit(), 1..4),
        kept in any::<bool>(),
    ) {
        let old = build(&specs);
        let mut new = old.clone();
        for e in &edits {
            apply(&mut new, e);
        }
        let old_source = ModelSource::from_model(old.clone());
        let new_source = ModelSource::from_model(new.clone());
        let out = if kept {
            let compiled = compile(&old_source, &CompileOptions::default());
            impact(&old_source, &compiled, &new_source)
        } else {
            impact_models(&old_source, &new_source)
        };
        prop_assert_eq!(shape(&out), reference(&old, &new));
        let full = edits.iter().any(|e| matches!(e, Edit::Policy));
        prop_assert_eq!(out.full_recompile, full);
        // The objects handed to a realtime writer: exactly the whole new compile's objects
        // behind the added and changed entries, in the changes' order.
        let whole = objects(
            &new,
            &compile(&new_source, &CompileOptions::default()),
        );
        let expected: Vec<&PjsipObject> = out
            .changes
            .iter()
            .filter(|c| c.kind != ChangeKind::Removed)
            .map(|c| &whole[&(c.tenant.clone(), c.object_type.as_str().to_string(), c.id.clone())])
            .collect();
        prop_assert_eq!(out.objects.iter().collect::<Vec<_>>(), expected);
    }
}
