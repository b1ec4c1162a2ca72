//! The objects of each line and trunk, and the `(!)` sections of each template: names,
//! generated references, the resolved values (objects, flat output) or the own values with
//! parents (templated output).

use std::collections::HashMap;

use pjconf_diagnostics::Diagnostic;
use pjconf_emit::{EmitOption, EmitSection};
use pjconf_model::{PjsipObject, SectionValue};
use pjconf_templates::{ResolvedValue, SectionId, TemplateGraph};

use crate::codes;
use crate::compile::{flat_section, synth_value};
use crate::compiled::{Element, Origin};
use crate::effective::Effective;
use crate::model::Config;
use crate::names::{Kind, Section, line_id, object_name};
use crate::tenant::{List, TenantCompiler};
use crate::write::TenantWriter;

pub(crate) fn split_key(key: &str) -> Option<(Section, &str)> {
    let (s, opt) = key.split_once('.')?;
    Some((Section::from_key(s)?, opt))
}

impl TenantCompiler<'_> {
    /// The tenant's templates, parents before children, one `(!)` section per section kind
    /// a template has.
    pub(crate) fn template_sections(
        &self,
        graph: &TemplateGraph,
        ids: &[Option<SectionId>],
        has: &[[bool; 7]],
        sections: &mut TenantWriter,
    ) {
        let t = self.tenant;
        let index: HashMap<&str, usize> = t
            .templates
            .iter()
            .enumerate()
            .filter(|(i, _)| ids[*i].is_some())
            .map(|(i, c)| (c.name.as_str(), i))
            .collect();
        // Kahn's algorithm, ties in model order.
        let n = t.templates.len();
        let mut pending = vec![0usize; n];
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (i, c) in t.templates.iter().enumerate() {
            if ids[i].is_none() {
                continue;
            }
            for p in &c.parents {
                if let Some(&pi) = index.get(p.as_str()) {
                    pending[i] += 1;
                    children[pi].push(i);
                }
            }
        }
        let mut ready: std::collections::BTreeSet<usize> = (0..n)
            .filter(|&i| ids[i].is_some() && pending[i] == 0)
            .collect();
        while let Some(i) = ready.pop_first() {
            let c = &t.templates[i];
            let id = ids[i].unwrap_or(SectionId(0));
            for s in Section::ALL {
                if !has[i][s as usize] {
                    continue;
                }
                let parents = c
                    .parents
                    .iter()
                    .filter(|p| index.get(p.as_str()).is_some_and(|&pi| has[pi][s as usize]))
                    .map(|p| object_name(self.slug(), Kind::Template(s), p))
                    .collect();
                sections.push(EmitSection {
                    name: object_name(self.slug(), Kind::Template(s), &c.name),
                    name_span: graph.info(id).name_span,
                    template: true,
                    parents,
                    comment: None,
                    options: own_options(graph, id, s),
                });
            }
            for &child in &children[i] {
                pending[child] -= 1;
                if pending[child] == 0 {
                    ready.insert(child);
                }
            }
        }
    }

    /// The objects of one line or trunk.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn element<'g>(
        &self,
        cx: &ElementCx<'g>,
        scratch: &mut Scratch<'g>,
        list: List,
        i: usize,
        c: &Config,
        id: SectionId,
        domain: &str,
        objects: &mut Vec<(PjsipObject, Origin)>,
        sections: &mut TenantWriter,
        out: &mut Vec<Diagnostic>,
    ) {
        let slug = self.slug();
        let section = cx.graph.section(id);
        // The resolved values are only materialized when someone reads them (the objects,
        // or the flat output); which sections exist is known from the keys alone.
        let materialize = self.keep_objects || self.flatten;
        let templated = self.write && !self.flatten;
        let mut exists = [false; 7];
        // Own values (templated output) per section, in order: one scan of the values.
        scratch.own.clear();
        let mut own_count = [0usize; 7];
        for v in section.values() {
            if let Some((s, opt)) = split_key(v.key()) {
                exists[s as usize] = true;
                if templated && !v.is_inherited() {
                    own_count[s as usize] += 1;
                    scratch.own.push((s, opt, v));
                }
            }
        }
        scratch.effective.clear();
        scratch.per.clear();
        let mut per_count = [0usize; 7];
        if materialize {
            scratch.rules.values(&section, &mut scratch.effective);
            for &v in &scratch.effective {
                if let Some((s, opt)) = split_key(v.key()) {
                    per_count[s as usize] += 1;
                    scratch.per.push((s, opt, v));
                }
            }
        }
        let line = list == List::Lines;
        exists[Section::Endpoint as usize] = true;
        if line {
            exists[Section::Aor as usize] = true;
        }
        if line
            && c.password.is_none()
            && !exists[Section::Auth as usize]
            && !exists[Section::Identify as usize]
        {
            let path = format!("{}.name", self.path(list, i));
            out.push(
                Diagnostic::warning(
                    codes::PASSWORD_MISUSE,
                    format!("tenant `{slug}`: line `{}` has no auth and no identify: anyone can register or call as it (at `{path}`)", c.name),
                    self.positions.value(&path),
                )
                .with_help("give the line a `password`"),
            );
        }
        // Every name once: the object names, and the references to them.
        let mut names: [String; 7] = Default::default();
        for s in Section::ALL {
            if exists[s as usize] {
                names[s as usize] = match kind(line, s) {
                    None if s == Section::Aor && line => names[Section::Endpoint as usize].clone(),
                    None => line_id(&c.name, domain),
                    Some(k) => object_name(slug, k, &c.name),
                };
            }
        }
        // The templates this element names (templated output), looked up once.
        scratch.parents.clear();
        if templated {
            scratch.parents.extend(
                c.parents
                    .iter()
                    .filter_map(|p| cx.templates.get(p.as_str()).copied()),
            );
        }
        let id_span = cx.graph.info(id).name_span;
        for s in Section::ALL {
            let si = s as usize;
            if !exists[si] {
                continue;
            }
            let generated = &mut scratch.generated;
            generated.clear();
            match s {
                Section::Endpoint => {
                    if exists[Section::Aor as usize] {
                        generated.push(("aors", names[Section::Aor as usize].clone()));
                    }
                    if exists[Section::Auth as usize] {
                        generated.push(("auth", names[Section::Auth as usize].clone()));
                    }
                    if exists[Section::OutboundAuth as usize] {
                        generated.push((
                            "outbound_auth",
                            names[Section::OutboundAuth as usize].clone(),
                        ));
                    }
                    if self.tenantid {
                        generated.push(("tenantid", slug.to_string()));
                    }
                }
                Section::Auth if line => {
                    generated.push(("username", c.name.clone()));
                    generated.push(("realm", domain.to_string()));
                }
                Section::Identify => {
                    generated.push(("endpoint", names[Section::Endpoint as usize].clone()));
                }
                Section::Registration => {
                    if exists[Section::RegistrationOutboundAuth as usize] {
                        generated.push((
                            "outbound_auth",
                            names[Section::RegistrationOutboundAuth as usize].clone(),
                        ));
                    } else if exists[Section::OutboundAuth as usize] {
                        generated.push((
                            "outbound_auth",
                            names[Section::OutboundAuth as usize].clone(),
                        ));
                    }
                    generated.push(("endpoint", names[Section::Endpoint as usize].clone()));
                }
                _ => {}
            }
            let object_type = s.object_type();
            // A name a later section still refers to is copied, the others moved.
            let referred = match s {
                Section::Endpoint => {
                    exists[Section::Identify as usize] || exists[Section::Registration as usize]
                }
                Section::OutboundAuth => {
                    exists[Section::Registration as usize]
                        && !exists[Section::RegistrationOutboundAuth as usize]
                }
                _ => false,
            };
            let name = if referred {
                names[si].clone()
            } else {
                std::mem::take(&mut names[si])
            };
            let mut name = Some(name);
            let object = materialize.then(|| {
                let mut options = Vec::with_capacity(1 + per_count[si] + generated.len());
                options.push(synth_value("type", object_type.as_str()));
                for &(vs, opt, v) in &scratch.per {
                    if vs == s {
                        options.push(SectionValue {
                            key: opt.to_string(),
                            value: v.value().to_string(),
                            key_span: v.key_span(),
                            value_span: v.value_span(),
                            inherited_from: None,
                        });
                    }
                }
                if templated {
                    options.extend(generated.iter().map(|(k, v)| synth_value(k, v)));
                } else {
                    options.extend(generated.drain(..).map(|(k, v)| SectionValue {
                        key: k.to_string(),
                        value: v,
                        key_span: pjconf_emit::SYNTHESIZED,
                        value_span: pjconf_emit::SYNTHESIZED,
                        inherited_from: None,
                    }));
                }
                PjsipObject {
                    object_type,
                    // The templated section keeps the name; else the object takes it.
                    id: if templated {
                        name.clone().unwrap_or_default()
                    } else {
                        name.take().unwrap_or_default()
                    },
                    id_span,
                    options,
                }
            });
            let emitted = if !self.write {
                None
            } else if templated {
                let parents = scratch
                    .parents
                    .iter()
                    .filter(|&&pi| cx.has[pi][si])
                    .filter_map(|&pi| cx.template_names[pi][si].clone())
                    .collect();
                let mut options = Vec::with_capacity(1 + own_count[si] + generated.len());
                options.push(EmitOption::new("type", object_type.as_str()));
                for &(vs, opt, v) in &scratch.own {
                    if vs == s {
                        options.push(EmitOption {
                            key: opt.to_string(),
                            value: v.value().to_string(),
                            comment: None,
                            key_span: v.key_span(),
                            value_span: v.value_span(),
                        });
                    }
                }
                options.extend(generated.drain(..).map(|(k, v)| EmitOption::new(k, v)));
                Some(EmitSection {
                    name: name.take().unwrap_or_default(),
                    name_span: id_span,
                    template: false,
                    parents,
                    comment: None,
                    options,
                })
            } else {
                object.as_ref().map(flat_section)
            };
            if let Some(emitted) = emitted {
                sections.push(emitted);
            }
            if let Some(object) = object.filter(|_| self.keep_objects) {
                let element = if line {
                    Element::Line(i)
                } else {
                    Element::Trunk(i)
                };
                objects.push((
                    object,
                    Origin {
                        tenant: Some(self.index),
                        element,
                        section: Some(s),
                    },
                ));
            }
        }
    }
}

/// The kind of the object a section of a line (`line`) or trunk becomes; `None` for a
/// line's endpoint and aor, named after the line itself.
fn kind(line: bool, s: Section) -> Option<Kind> {
    Some(match (line, s) {
        (true, Section::Endpoint | Section::Aor) => return None,
        (true, Section::Auth) => Kind::Auth,
        (true, Section::OutboundAuth) => Kind::OutboundAuth,
        (true, Section::Identify) => Kind::Identify,
        (true, Section::Registration) => Kind::Registration,
        (true, Section::RegistrationOutboundAuth) => Kind::RegistrationAuth,
        (false, Section::Endpoint | Section::Aor) => Kind::Trunk,
        (false, Section::Auth) => Kind::TrunkAuth,
        (false, Section::OutboundAuth) => Kind::TrunkOutboundAuth,
        (false, Section::Identify) => Kind::TrunkIdentify,
        (false, Section::Registration) => Kind::TrunkRegistration,
        (false, Section::RegistrationOutboundAuth) => Kind::TrunkRegistrationAuth,
    })
}

/// Buffers one tenant's elements reuse (no allocation per element for them).
#[derive(Default)]
pub(crate) struct Scratch<'g> {
    /// The element's own values with their section.
    own: Vec<(Section, &'g str, ResolvedValue<'g>)>,
    /// The element's effective values.
    effective: Vec<ResolvedValue<'g>>,
    /// The same with their section and option name.
    per: Vec<(Section, &'g str, ResolvedValue<'g>)>,
    /// What the effective values of the tenant's elements share.
    rules: Effective<'g>,
    /// The model positions of the templates the element names.
    parents: Vec<usize>,
    /// The options the compiler adds to one object.
    generated: Vec<(&'static str, String)>,
}

pub(crate) struct ElementCx<'a> {
    pub(crate) graph: &'a TemplateGraph,
    pub(crate) has: &'a [[bool; 7]],
    pub(crate) templates: &'a HashMap<&'a str, usize>,
    /// The `(!)` section name of each template and section it has, made once per tenant
    /// (every element naming the template as a parent repeats it).
    pub(crate) template_names: &'a [[Option<String>; 7]],
}

/// The `(!)` section names of the tenant's templates, per template and section kind (`None`
/// where the template lacks the section).
pub(crate) fn template_names(
    slug: &str,
    templates: &[Config],
    has: &[[bool; 7]],
) -> Vec<[Option<String>; 7]> {
    templates
        .iter()
        .zip(has)
        .map(|(c, has)| {
            let mut names: [Option<String>; 7] = Default::default();
            for s in Section::ALL {
                if has[s as usize] {
                    names[s as usize] = Some(object_name(slug, Kind::Template(s), &c.name));
                }
            }
            names
        })
        .collect()
}

/// A template's own lines of one section.
fn own_options(graph: &TemplateGraph, id: SectionId, s: Section) -> Vec<EmitOption> {
    graph
        .section(id)
        .values()
        .filter(|v| !v.is_inherited())
        .filter_map(|v| {
            let (vs, opt) = split_key(v.key())?;
            (vs == s).then(|| EmitOption {
                key: opt.to_string(),
                value: v.value().to_string(),
                comment: None,
                key_span: v.key_span(),
                value_span: v.value_span(),
            })
        })
        .collect()
}
