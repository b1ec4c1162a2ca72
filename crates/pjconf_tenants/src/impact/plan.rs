//! What to recompile: the structural comparison of the two models, the dependents of changed
//! templates, and the recompilation of the affected parts on both sides.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use pjconf_diagnostics::{Diagnostic, FileId};
use pjconf_emit::SYNTHESIZED;
use pjconf_model::PjsipObject;

use super::diff::Tagged;
use crate::compile::{engine_objects, tenantid_supported};
use crate::compiled::{Compiled, Element, Origin};
use crate::model::{Config, Model, OptionMap, Tenant};
use crate::names::{Section, is_element_name, is_tenant_slug};
use crate::source::{ModelSource, Positions};
use crate::tenant::{TenantCompiler, TenantOutput};
use pjconf_parallel::map_ordered as parallel_map;

/// What to recompile, when no full recompilation is needed.
pub(super) struct Plan {
    /// The engine's `global` or `system` changed.
    engine: bool,
    /// The changed tenants.
    tenants: Vec<TenantPlan>,
}

/// One changed tenant.
enum TenantPlan {
    /// Recompile the tenant whole on each side where it exists (positions in the model).
    Whole {
        old: Option<usize>,
        new: Option<usize>,
    },
    /// Recompile these elements (and the templates they inherit) on each side.
    Elements { old: Side, new: Side },
}

/// The part of one side's tenant to recompile: positions in the model, ascending.
#[derive(Clone)]
struct Side {
    tenant: usize,
    templates: Vec<usize>,
    lines: Vec<usize>,
    trunks: Vec<usize>,
}

/// Equal maps in the same order (the derived `==` of `IndexMap` ignores the order, which
/// matters here, and hashes every key).
fn map_eq(a: &OptionMap, b: &OptionMap) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// Equal configs, options in the same order.
fn config_eq(a: &Config, b: &Config) -> bool {
    a.name == b.name
        && a.parents == b.parents
        && a.password == b.password
        && Section::ALL
            .into_iter()
            .all(|s| map_eq(a.options(s), b.options(s)))
        && a.transport == b.transport
        && a.global == b.global
        && a.system == b.system
}

fn configs_eq(a: &[Config], b: &[Config]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| config_eq(x, y))
}

/// Equal tenants, options in the same order.
fn tenant_eq(a: &Tenant, b: &Tenant) -> bool {
    a.name == b.name
        && a.domains == b.domains
        && configs_eq(&a.templates, &b.templates)
        && configs_eq(&a.lines, &b.lines)
        && configs_eq(&a.trunks, &b.trunks)
        && a.global == b.global
        && a.system == b.system
        && a.transports == b.transports
}

/// Valid, unique names of one list (`None` when one is invalid or defined twice).
fn names(configs: &[Config]) -> Option<HashMap<&str, usize>> {
    let mut map = HashMap::with_capacity(configs.len());
    for (i, c) in configs.iter().enumerate() {
        if !is_element_name(&c.name) || map.insert(c.name.as_str(), i).is_some() {
            return None;
        }
    }
    Some(map)
}

/// Valid, unique tenant slugs (`None` otherwise).
fn slugs(model: &Model) -> Option<HashMap<&str, usize>> {
    let mut map = HashMap::with_capacity(model.tenants.len());
    for (i, t) in model.tenants.iter().enumerate() {
        if !is_tenant_slug(&t.name) || map.insert(t.name.as_str(), i).is_some() {
            return None;
        }
    }
    Some(map)
}

/// The file a tenant was read from (`None` for a model given as Rust values).
fn file_of(source: &ModelSource, ti: usize) -> Option<FileId> {
    if source.positions.is_empty() {
        return None;
    }
    let span = source.positions.value(&format!("tenants[{ti}].name"));
    (span != SYNTHESIZED && source.sources.get(span.file).is_some()).then_some(span.file)
}

/// Per new tenant: true when it was read from a file whose bytes are those of the file
/// its old namesake was read from. The same bytes parse to the same tenants, and slugs
/// are unique on both sides, so the tenant did not change: no structural comparison is
/// needed (a directory model holds one tenant per file, so an edit of one tenant leaves
/// every other file as it was). Each pair of files is compared once.
fn same_text(old: &ModelSource, old_slugs: &HashMap<&str, usize>, new: &ModelSource) -> Vec<bool> {
    let mut pairs: BTreeMap<(FileId, FileId), bool> = BTreeMap::new();
    let wanted: Vec<Option<(FileId, FileId)>> = new
        .model
        .tenants
        .iter()
        .enumerate()
        .map(|(ni, t)| {
            let oi = *old_slugs.get(t.name.as_str())?;
            Some((file_of(old, oi)?, file_of(new, ni)?))
        })
        .collect();
    for pair in wanted.iter().flatten() {
        pairs.entry(*pair).or_insert_with(|| {
            match (old.sources.get(pair.0), new.sources.get(pair.1)) {
                (Some(a), Some(b)) => {
                    std::sync::Arc::ptr_eq(&a.text, &b.text) || a.text[..] == b.text[..]
                }
                _ => false,
            }
        });
    }
    wanted
        .iter()
        .map(|p| p.is_some_and(|p| pairs.get(&p).copied().unwrap_or(false)))
        .collect()
}

/// Compare the models; `None` when everything must be recompiled.
pub(super) fn plan(
    old_source: &ModelSource,
    compiled: &Compiled,
    new_source: &ModelSource,
) -> Option<Plan> {
    let (old, new) = (&old_source.model, &new_source.model);
    let (oe, ne) = (&old.engine, &new.engine);
    if oe.asterisk != ne.asterisk
        || oe.policy != ne.policy
        || oe.transports.len() != ne.transports.len()
        || oe
            .transports
            .keys()
            .zip(ne.transports.keys())
            .any(|(a, b)| a != b)
    {
        return None;
    }
    let old_slugs = slugs(old)?;
    let new_slugs = slugs(new)?;
    // The graphs must be those of `old`.
    if compiled.tenants.len() != old.tenants.len()
        || compiled
            .tenants
            .iter()
            .zip(&old.tenants)
            .any(|(g, t)| g.tenant != t.name)
    {
        return None;
    }
    // Tenants only name transports (checked against the names): a change of a transport's
    // options only changes that transport object.
    let engine = !map_eq(&oe.global, &ne.global)
        || !map_eq(&oe.system, &ne.system)
        || oe
            .transports
            .values()
            .zip(ne.transports.values())
            .any(|(x, y)| !map_eq(x, y));
    let same_text = same_text(old_source, &old_slugs, new_source);
    let per = parallel_map(new.tenants.len(), &|ni| {
        let n = &new.tenants[ni];
        let Some(&oi) = old_slugs.get(n.name.as_str()) else {
            return Some(TenantPlan::Whole {
                old: None,
                new: Some(ni),
            });
        };
        let o = &old.tenants[oi];
        if same_text[ni] || tenant_eq(o, n) {
            return None;
        }
        tenant_plan(compiled, oi, o, ni, n)
    });
    let mut tenants: Vec<TenantPlan> = per.into_iter().flatten().collect();
    for (oi, o) in old.tenants.iter().enumerate() {
        if !new_slugs.contains_key(o.name.as_str()) {
            tenants.push(TenantPlan::Whole {
                old: Some(oi),
                new: None,
            });
        }
    }
    Some(Plan { engine, tenants })
}

/// The part of a changed tenant to recompile (`None`: no object can change).
fn tenant_plan(
    compiled: &Compiled,
    oi: usize,
    o: &Tenant,
    ni: usize,
    n: &Tenant,
) -> Option<TenantPlan> {
    let whole = Some(TenantPlan::Whole {
        old: Some(oi),
        new: Some(ni),
    });
    if o.domains != n.domains
        || o.global != n.global
        || o.system != n.system
        || o.transports != n.transports
    {
        return whole;
    }
    let maps = (
        names(&o.templates),
        names(&n.templates),
        names(&o.lines),
        names(&n.lines),
        names(&o.trunks),
        names(&n.trunks),
    );
    let (Some(otpl), Some(ntpl), Some(olines), Some(nlines), Some(otrunks), Some(ntrunks)) = maps
    else {
        return whole;
    };

    // Templates that differ, and those that exist on one side only.
    let mut changed: BTreeSet<&str> = BTreeSet::new();
    let mut appeared: HashSet<&str> = HashSet::new();
    differ(
        &o.templates,
        &n.templates,
        &otpl,
        &ntpl,
        &mut changed,
        &mut appeared,
    );
    // An element naming a template that appears or disappears resolves differently.
    let names_appeared = |c: &Config| c.parents.iter().any(|p| appeared.contains(p.as_str()));
    if !appeared.is_empty() {
        for c in o.templates.iter().chain(&n.templates) {
            if names_appeared(c) {
                changed.insert(c.name.as_str());
            }
        }
    }
    let mut lines: BTreeSet<&str> = BTreeSet::new();
    let mut trunks: BTreeSet<&str> = BTreeSet::new();
    differ(
        &o.lines,
        &n.lines,
        &olines,
        &nlines,
        &mut lines,
        &mut HashSet::new(),
    );
    differ(
        &o.trunks,
        &n.trunks,
        &otrunks,
        &ntrunks,
        &mut trunks,
        &mut HashSet::new(),
    );
    if !appeared.is_empty() {
        for c in o.lines.iter().chain(&n.lines) {
            if names_appeared(c) {
                lines.insert(c.name.as_str());
            }
        }
        for c in o.trunks.iter().chain(&n.trunks) {
            if names_appeared(c) {
                trunks.insert(c.name.as_str());
            }
        }
    }
    // Every line and trunk inheriting a changed template in the old model. One inheriting
    // it only in the new model does so through an element that changed (or names a
    // template that appeared), which is in the sets already or inherits a changed one.
    let tg = &compiled.tenants[oi];
    for name in &changed {
        let Some(id) = otpl
            .get(name)
            .and_then(|&i| tg.templates.get(i).copied().flatten())
        else {
            continue;
        };
        for d in tg.graph.dependents(id) {
            let dep = tg.graph.name(d);
            if let Some(line) = dep.strip_prefix("line/") {
                lines.insert(line);
            } else if let Some(trunk) = dep.strip_prefix("trunk/") {
                trunks.insert(trunk);
            }
        }
    }
    if lines.is_empty() && trunks.is_empty() {
        return None;
    }
    let side = |tenant: usize, t: &Tenant, tpl: &HashMap<&str, usize>, l, k| -> Side {
        let pick = |set: &BTreeSet<&str>, map: &HashMap<&str, usize>| -> Vec<usize> {
            let mut v: Vec<usize> = set.iter().filter_map(|n| map.get(n).copied()).collect();
            v.sort_unstable();
            v
        };
        let lines = pick(&lines, l);
        let trunks = pick(&trunks, k);
        // The templates they inherit, transitively.
        let mut seen = vec![false; t.templates.len()];
        let mut stack: Vec<&str> = lines
            .iter()
            .map(|&i| &t.lines[i])
            .chain(trunks.iter().map(|&i| &t.trunks[i]))
            .flat_map(|c| c.parents.iter().map(String::as_str))
            .collect();
        while let Some(p) = stack.pop() {
            if let Some(&i) = tpl.get(p)
                && !seen[i]
            {
                seen[i] = true;
                stack.extend(t.templates[i].parents.iter().map(String::as_str));
            }
        }
        let templates = (0..seen.len()).filter(|&i| seen[i]).collect();
        Side {
            tenant,
            templates,
            lines,
            trunks,
        }
    };
    Some(TenantPlan::Elements {
        old: side(oi, o, &otpl, &olines, &otrunks),
        new: side(ni, n, &ntpl, &nlines, &ntrunks),
    })
}

/// Names whose config differs between the two lists (or exists on one side only, also
/// added to `appeared`).
fn differ<'a>(
    old: &'a [Config],
    new: &'a [Config],
    old_names: &HashMap<&str, usize>,
    new_names: &HashMap<&str, usize>,
    changed: &mut BTreeSet<&'a str>,
    appeared: &mut HashSet<&'a str>,
) {
    for c in old {
        match new_names.get(c.name.as_str()) {
            Some(&j) if config_eq(&new[j], c) => {}
            Some(_) => {
                changed.insert(&c.name);
            }
            None => {
                changed.insert(&c.name);
                appeared.insert(&c.name);
            }
        }
    }
    for c in new {
        if !old_names.contains_key(c.name.as_str()) {
            changed.insert(&c.name);
            appeared.insert(&c.name);
        }
    }
}

/// An object with its tenant's slug (`None`: the engine), borrowed from the model it was
/// compiled from (no copy of the slug per object).
pub(super) type Owned<'m> = (Option<&'m str>, PjsipObject);

/// Recompile what the plan names on both sides; the new side's diagnostics go to `diags`.
/// The old side's objects are taken from `compiled` when it kept them (returned borrowed,
/// third), else recompiled (first).
pub(super) fn recompile<'c, 'n>(
    plan: &Plan,
    old: &'c ModelSource,
    compiled: &'c Compiled,
    new: &'n ModelSource,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Owned<'c>>, Vec<Owned<'n>>, Vec<Tagged<'c>>) {
    let mut old_objects = Vec::new();
    let mut new_objects = Vec::new();
    let mut kept = Vec::new();
    let reuse =
        !compiled.origins.is_empty() && compiled.origins.len() == compiled.objects.objects.len();
    if plan.engine {
        let mut ignored = Vec::new();
        for (o, _) in engine_objects(&old.model, &old.positions, &mut ignored) {
            old_objects.push((None, o));
        }
        for (o, _) in engine_objects(&new.model, &new.positions, diags) {
            new_objects.push((None, o));
        }
    }
    // Both sides of every tenant as separate tasks.
    // One task per side of a whole tenant, and per chunk of elements of each side (so one
    // tenant with many affected lines uses every core).
    let mut tasks: Vec<(bool, Task<'_>)> = Vec::new();
    for t in &plan.tenants {
        match t {
            TenantPlan::Whole { old: o, new: n } => {
                if let Some(ti) = o.filter(|_| !reuse) {
                    tasks.push((true, Task::Whole(ti)));
                }
                if let Some(ti) = n {
                    tasks.push((false, Task::Whole(*ti)));
                }
            }
            TenantPlan::Elements { old: o, new: n } => {
                if !reuse {
                    tasks.extend(chunks(o).into_iter().map(|c| (true, c)));
                }
                tasks.extend(chunks(n).into_iter().map(|c| (false, c)));
            }
        }
    }
    let results = parallel_map(tasks.len(), &|k| {
        let (is_old, task) = &tasks[k];
        let source = if *is_old { old } else { new };
        let mut d = Vec::new();
        let objects = match task {
            Task::Whole(ti) => whole(source, *ti, &mut d),
            Task::Part(side) => part(source, side, &mut d),
        };
        (objects, d)
    });
    let mut seen: HashSet<(&'static str, String)> = HashSet::new();
    for ((is_old, task), (objects, d)) in tasks.iter().zip(results) {
        let ti = task.tenant();
        if *is_old {
            let slug = old.model.tenants[ti].name.as_str();
            old_objects.extend(objects.into_iter().map(|o| (Some(slug), o)));
        } else {
            let slug = new.model.tenants[ti].name.as_str();
            new_objects.extend(objects.into_iter().map(|o| (Some(slug), o)));
            // Chunks of one tenant share its templates: report their findings once.
            diags.extend(
                d.into_iter()
                    .filter(|x| seen.insert((x.code, x.message.clone()))),
            );
        }
    }
    if reuse {
        for t in &plan.tenants {
            match t {
                TenantPlan::Whole { old: Some(ti), .. } => {
                    let lo = (ti + 1, 0, 0);
                    let hi = (ti + 2, 0, 0);
                    kept.extend(range(old, compiled, lo, hi));
                }
                TenantPlan::Whole { old: None, .. } => {}
                TenantPlan::Elements { old: side, .. } => {
                    let t = side.tenant + 1;
                    for &i in &side.lines {
                        kept.extend(range(old, compiled, (t, 1, i), (t, 1, i + 1)));
                    }
                    for &i in &side.trunks {
                        kept.extend(range(old, compiled, (t, 2, i), (t, 2, i + 1)));
                    }
                }
            }
        }
    }
    (old_objects, new_objects, kept)
}

/// Elements recompiled per task.
const CHUNK: usize = 256;

/// What one recompilation task does.
enum Task<'p> {
    /// A whole tenant.
    Whole(usize),
    /// Some elements of a tenant.
    Part(std::borrow::Cow<'p, Side>),
}

impl Task<'_> {
    /// The tenant's position in its model.
    fn tenant(&self) -> usize {
        match self {
            Task::Whole(ti) => *ti,
            Task::Part(side) => side.tenant,
        }
    }
}

/// A side split into tasks of at most [`CHUNK`] elements (each with all the templates).
fn chunks(side: &Side) -> Vec<Task<'_>> {
    if side.lines.len() + side.trunks.len() <= CHUNK {
        return vec![Task::Part(std::borrow::Cow::Borrowed(side))];
    }
    let piece = |lines: &[usize], trunks: &[usize]| {
        Task::Part(std::borrow::Cow::Owned(Side {
            tenant: side.tenant,
            templates: side.templates.clone(),
            lines: lines.to_vec(),
            trunks: trunks.to_vec(),
        }))
    };
    let mut out: Vec<Task<'_>> = side.lines.chunks(CHUNK).map(|c| piece(c, &[])).collect();
    out.extend(side.trunks.chunks(CHUNK).map(|c| piece(&[], c)));
    out
}

/// Where an origin sorts in a compilation's objects: engine, then tenant by tenant, each
/// with its lines, trunks and domain aliases in model order (the order `compile` writes).
fn rank(o: &Origin) -> (usize, u8, usize) {
    let t = o.tenant.map_or(0, |t| t + 1);
    match o.element {
        Element::Line(i) => (t, 1, i),
        Element::Trunk(i) => (t, 2, i),
        Element::Domain(i) => (t, 3, i),
        Element::Template(i) => (t, 0, i),
        Element::Global | Element::System | Element::Transport(_) => (t, 0, 0),
    }
}

/// The kept objects whose origins rank in `lo..hi` (binary search).
fn range<'c>(
    old: &'c ModelSource,
    compiled: &'c Compiled,
    lo: (usize, u8, usize),
    hi: (usize, u8, usize),
) -> impl Iterator<Item = Tagged<'c>> {
    let origins = &compiled.origins;
    let a = origins.partition_point(|o| rank(o) < lo);
    let b = a + origins[a..].partition_point(|o| rank(o) < hi);
    compiled.objects.objects[a..b]
        .iter()
        .zip(&origins[a..b])
        .map(|(o, origin)| {
            let tenant = origin
                .tenant
                .and_then(|t| old.model.tenants.get(t))
                .map(|t| t.name.as_str());
            (tenant, o)
        })
}

fn run(
    source: &ModelSource,
    ti: usize,
    tenant: &Tenant,
    positions: &Positions,
    diags: &mut Vec<Diagnostic>,
) -> Vec<PjsipObject> {
    // Which other tenant owns a template only words a diagnostic: not computed here.
    let owners = HashMap::new();
    let compiler = TenantCompiler {
        model: &source.model,
        index: ti,
        tenant,
        positions,
        template_owner: &owners,
        tenantid: tenantid_supported(&source.model.engine.asterisk),
        // The objects do not depend on it; templated output copies only own values.
        flatten: false,
        keep_objects: true,
        // Only the objects are compared: no sections to write.
        write: false,
    };
    let TenantOutput { objects, .. } = compiler.run(diags);
    objects.into_iter().map(|(o, _)| o).collect()
}

/// One tenant whole.
fn whole(source: &ModelSource, ti: usize, diags: &mut Vec<Diagnostic>) -> Vec<PjsipObject> {
    run(
        source,
        ti,
        &source.model.tenants[ti],
        &source.positions,
        diags,
    )
}

/// Some elements of one tenant: a reduced tenant with those elements, the templates they
/// inherit and the primary domain only (the aliases did not change). Positions in the
/// reduced tenant differ from the model's, so diagnostics get no source position and their
/// paths are written back to the model's.
fn part(source: &ModelSource, side: &Side, diags: &mut Vec<Diagnostic>) -> Vec<PjsipObject> {
    let t = &source.model.tenants[side.tenant];
    let pick = |list: &[Config], at: &[usize]| at.iter().map(|&i| list[i].clone()).collect();
    let reduced = Tenant {
        name: t.name.clone(),
        domains: t.domains.iter().take(1).cloned().collect(),
        templates: pick(&t.templates, &side.templates),
        lines: pick(&t.lines, &side.lines),
        trunks: pick(&t.trunks, &side.trunks),
        ..Tenant::default()
    };
    let mut own = Vec::new();
    let objects = run(
        source,
        side.tenant,
        &reduced,
        &Positions::default(),
        &mut own,
    );
    diags.extend(own.into_iter().map(|mut d| {
        d.message = rewrite(&d.message, side);
        d
    }));
    objects
}

/// `tenants[T].lines[k]` of the reduced tenant back to the model's position.
fn rewrite(message: &str, side: &Side) -> String {
    let mut message = message.to_string();
    for (list, real) in [
        ("templates", &side.templates),
        ("lines", &side.lines),
        ("trunks", &side.trunks),
    ] {
        let prefix = format!("tenants[{}].{list}[", side.tenant);
        if !message.contains(&prefix) {
            continue;
        }
        let mut parts = message.split(&prefix);
        let mut out = parts.next().unwrap_or_default().to_string();
        for p in parts {
            out.push_str(&prefix);
            let digits = p.bytes().take_while(u8::is_ascii_digit).count();
            match p[..digits].parse::<usize>().ok().and_then(|k| real.get(k)) {
                Some(r) => {
                    out.push_str(&r.to_string());
                    out.push_str(&p[digits..]);
                }
                None => out.push_str(p),
            }
        }
        message = out;
    }
    message
}
