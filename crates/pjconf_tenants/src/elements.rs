//! The objects of each line and trunk, and the `(!)` sections of each template: names,
//! generated references, the resolved values (objects, flat output) or the own values with
//! parents (templated output).

use std::collections::HashMap;

use pjconf_diagnostics::Diagnostic;
use pjconf_emit::{EmitOption, EmitSection};
use pjconf_model::{PjsipObject, SectionValue, lookup};
use pjconf_templates::{Repeat, SectionId, TemplateGraph};

use crate::codes;
use crate::compile::{flat_section, synth_value};
use crate::compiled::{Element, Origin};
use crate::model::Config;
use crate::names::{Kind, Section, line_id, object_name};
use crate::tenant::{List, TenantCompiler};

/// list-vs-scalar for keys written `section.option`.
fn repeat_rule(_: Option<&str>, key: &str) -> Repeat {
    let Some((s, opt)) = key.split_once('.') else {
        return Repeat::Replace;
    };
    let Some(section) = Section::from_key(s) else {
        return Repeat::Replace;
    };
    match lookup(section.object_type(), opt).map(|spec| spec.repeat) {
        Some(pjconf_model::Repeat::Accumulate) => Repeat::Accumulate,
        _ => Repeat::Replace,
    }
}

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
        sections: &mut Vec<EmitSection>,
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
    pub(crate) fn element(
        &self,
        cx: &ElementCx<'_>,
        list: List,
        i: usize,
        c: &Config,
        id: SectionId,
        domain: &str,
        objects: &mut Vec<(PjsipObject, Origin)>,
        sections: &mut Vec<EmitSection>,
        out: &mut Vec<Diagnostic>,
    ) {
        let slug = self.slug();
        let section = cx.graph.section(id);
        // The resolved values are only materialized when someone reads them (the objects,
        // or the flat output); which sections exist is known from the keys alone.
        let materialize = self.keep_objects || self.flatten;
        let mut per: [Vec<SectionValue>; 7] = Default::default();
        let mut exists = [false; 7];
        if materialize {
            for v in section.effective(&repeat_rule) {
                if let Some((s, opt)) = split_key(v.key()) {
                    exists[s as usize] = true;
                    per[s as usize].push(SectionValue {
                        key: opt.to_string(),
                        value: v.value().to_string(),
                        key_span: v.key_span(),
                        value_span: v.value_span(),
                        inherited_from: None,
                    });
                }
            }
        } else {
            for v in section.values() {
                if let Some((s, _)) = split_key(v.key()) {
                    exists[s as usize] = true;
                }
            }
        }
        let line = list == List::Lines;
        exists[Section::Endpoint as usize] = true;
        if line {
            exists[Section::Aor as usize] = true;
        }
        let kind = |s: Section| -> Option<Kind> {
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
        };
        let name_of = |s: Section| match kind(s) {
            None => line_id(&c.name, domain),
            Some(k) => object_name(slug, k, &c.name),
        };
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
        let endpoint = name_of(Section::Endpoint);
        let id_span = cx.graph.info(id).name_span;
        let own = (!self.flatten).then(|| {
            let mut own: [Vec<EmitOption>; 7] = Default::default();
            for v in section.values().filter(|v| !v.is_inherited()) {
                if let Some((s, opt)) = split_key(v.key()) {
                    own[s as usize].push(EmitOption {
                        key: opt.to_string(),
                        value: v.value().to_string(),
                        comment: None,
                        key_span: v.key_span(),
                        value_span: v.value_span(),
                    });
                }
            }
            own
        });
        let mut own = own;
        for s in Section::ALL {
            let si = s as usize;
            if !exists[si] {
                continue;
            }
            let mut generated: Vec<(&str, String)> = Vec::new();
            match s {
                Section::Endpoint => {
                    if exists[Section::Aor as usize] {
                        generated.push(("aors", name_of(Section::Aor)));
                    }
                    if exists[Section::Auth as usize] {
                        generated.push(("auth", name_of(Section::Auth)));
                    }
                    if exists[Section::OutboundAuth as usize] {
                        generated.push(("outbound_auth", name_of(Section::OutboundAuth)));
                    }
                    if self.tenantid {
                        generated.push(("tenantid", slug.to_string()));
                    }
                }
                Section::Auth if line => {
                    generated.push(("username", c.name.clone()));
                    generated.push(("realm", domain.to_string()));
                }
                Section::Identify => generated.push(("endpoint", endpoint.clone())),
                Section::Registration => {
                    if exists[Section::RegistrationOutboundAuth as usize] {
                        generated
                            .push(("outbound_auth", name_of(Section::RegistrationOutboundAuth)));
                    } else if exists[Section::OutboundAuth as usize] {
                        generated.push(("outbound_auth", name_of(Section::OutboundAuth)));
                    }
                    generated.push(("endpoint", endpoint.clone()));
                }
                _ => {}
            }
            let object_type = s.object_type();
            let name = name_of(s);
            let object = materialize.then(|| {
                let mut options = Vec::with_capacity(per[si].len() + generated.len() + 1);
                options.push(synth_value("type", object_type.as_str()));
                options.append(&mut per[si]);
                options.extend(generated.iter().map(|(k, v)| synth_value(k, v)));
                PjsipObject {
                    object_type,
                    id: name.clone(),
                    id_span,
                    options,
                }
            });
            let emitted = match (own.as_mut(), &object) {
                (None, Some(object)) => flat_section(object),
                (None, None) => continue,
                (Some(own), _) => {
                    let parents = c
                        .parents
                        .iter()
                        .filter(|p| {
                            cx.templates
                                .get(p.as_str())
                                .is_some_and(|&pi| cx.has[pi][si])
                        })
                        .map(|p| object_name(slug, Kind::Template(s), p))
                        .collect();
                    let mut options = Vec::with_capacity(own[si].len() + generated.len() + 1);
                    options.push(EmitOption::new("type", object_type.as_str()));
                    options.append(&mut own[si]);
                    options.extend(generated.into_iter().map(|(k, v)| EmitOption::new(k, v)));
                    EmitSection {
                        name,
                        name_span: id_span,
                        template: false,
                        parents,
                        comment: None,
                        options,
                    }
                }
            };
            sections.push(emitted);
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

pub(crate) struct ElementCx<'a> {
    pub(crate) graph: &'a TemplateGraph,
    pub(crate) has: &'a [[bool; 7]],
    pub(crate) templates: &'a HashMap<&'a str, usize>,
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
