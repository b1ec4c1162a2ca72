//! One tenant: names, the template graph (parents checked to stay inside the tenant), every
//! option checked, then the objects of each line and trunk and the sections to write.

use std::collections::HashMap;

use pjconf_diagnostics::{Diagnostic, has_errors};
use pjconf_model::PjsipObject;
use pjconf_templates::{GraphBuilder, HeaderId, Line, Lookup, SectionId};

use crate::check::{At, Owner, check_option};
use crate::codes;
use crate::compile::{flat_section, span_of, spans_of, synth_value};
use crate::compiled::{Element, Origin, TenantGraph};
use crate::elements::{ElementCx, Scratch, split_key, template_names};
use crate::model::{Config, Model, OptionMap, Tenant};
use crate::names::{Section, is_domain, is_element_name};
use crate::net::Claim;
use crate::source::Positions;
use crate::write::TenantWriter;

/// The three lists of a tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum List {
    Templates,
    Lines,
    Trunks,
}

impl List {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            List::Templates => "templates",
            List::Lines => "lines",
            List::Trunks => "trunks",
        }
    }

    pub(crate) fn singular(self) -> &'static str {
        match self {
            List::Templates => "template",
            List::Lines => "line",
            List::Trunks => "trunk",
        }
    }
}

impl Config {
    /// The options of one section.
    pub fn options(&self, section: Section) -> &OptionMap {
        match section {
            Section::Endpoint => &self.endpoint,
            Section::Aor => &self.aor,
            Section::Auth => &self.auth,
            Section::Identify => &self.identify,
            Section::Registration => &self.registration,
            Section::OutboundAuth => &self.outbound_auth,
            Section::RegistrationOutboundAuth => &self.registration_outbound_auth,
        }
    }
}

pub(crate) struct TenantCompiler<'m> {
    pub(crate) model: &'m Model,
    pub(crate) index: usize,
    pub(crate) tenant: &'m Tenant,
    pub(crate) positions: &'m Positions,
    pub(crate) template_owner: &'m HashMap<&'m str, usize>,
    pub(crate) tenantid: bool,
    pub(crate) flatten: bool,
    pub(crate) keep_objects: bool,
    /// Build the sections to write (false: only the objects are wanted).
    pub(crate) write: bool,
}

pub(crate) struct TenantOutput {
    pub(crate) graph: TenantGraph,
    pub(crate) objects: Vec<(PjsipObject, Origin)>,
    /// The tenant's part of the text (when asked to write), or what `emit` refused.
    pub(crate) text: Option<Result<String, Vec<Diagnostic>>>,
    pub(crate) claims: Vec<Claim>,
}

impl TenantCompiler<'_> {
    pub(crate) fn slug(&self) -> &str {
        &self.tenant.name
    }

    pub(crate) fn path(&self, list: List, i: usize) -> String {
        format!("tenants[{}].{}[{i}]", self.index, list.as_str())
    }

    fn err(&self, code: &'static str, msg: String, path: &str, key: bool) -> Diagnostic {
        let span = if key {
            self.positions.key(path)
        } else {
            self.positions.value(path)
        };
        Diagnostic::error(
            code,
            format!("tenant `{}`: {msg} (at `{path}`)", self.slug()),
            span,
        )
    }

    /// Which entries of a list have a valid, unique name.
    fn names(&self, list: List, configs: &[Config], out: &mut Vec<Diagnostic>) -> Vec<bool> {
        let mut seen: HashMap<&str, usize> = HashMap::with_capacity(configs.len());
        let mut ok = Vec::with_capacity(configs.len());
        for (i, c) in configs.iter().enumerate() {
            let path = || format!("{}.name", self.path(list, i));
            if !is_element_name(&c.name) {
                out.push(self.err(
                    codes::INVALID_NAME,
                    format!(
                        "{} name `{}` is not in the name character set (1-64 of A-Z a-z 0-9 . _ + -, starting with a letter, digit or +)",
                        list.singular(),
                        c.name
                    ),
                    &path(),
                    false,
                ));
                ok.push(false);
            } else if let Some(&first) = seen.get(c.name.as_str()) {
                out.push(
                    self.err(
                        codes::DUPLICATE_NAME,
                        format!("{} `{}` is defined twice", list.singular(), c.name),
                        &path(),
                        false,
                    )
                    .with_secondary(
                        self.positions
                            .value(&format!("{}.name", self.path(list, first))),
                        "first defined here",
                    ),
                );
                ok.push(false);
            } else {
                seen.insert(&c.name, i);
                ok.push(true);
            }
            for (field, present) in [
                ("transport", c.transport.is_some()),
                ("global", c.global.is_some()),
                ("system", c.system.is_some()),
            ] {
                if present {
                    out.push(
                        self.err(
                            codes::ENGINE_OBJECT_IN_TENANT,
                            format!(
                                "a {} cannot define a `{field}` object: it belongs to the engine",
                                list.singular()
                            ),
                            &format!("{}.{field}", self.path(list, i)),
                            true,
                        )
                        .with_help("pick an engine transport by name with endpoint `transport`"),
                    );
                }
            }
        }
        ok
    }

    /// Add parents, password and options of one template, line or trunk to the graph.
    #[allow(clippy::too_many_arguments)]
    fn fill(
        &self,
        builder: &mut GraphBuilder,
        h: HeaderId,
        list: List,
        i: usize,
        c: &Config,
        templates: &HashMap<&str, usize>,
        claims: &mut Vec<Claim>,
        out: &mut Vec<Diagnostic>,
    ) {
        let pos = self.positions;
        for (pi, p) in c.parents.iter().enumerate() {
            let path = || format!("{}.parents[{pi}]", self.path(list, i));
            if templates.contains_key(p.as_str()) {
                builder.parent(h, p.as_str(), span_of(pos, &path, false));
            } else if let Some(&other) = self.template_owner.get(p.as_str())
                && other != self.index
            {
                out.push(
                    self.err(
                        codes::PARENT_IN_OTHER_TENANT,
                        format!(
                            "parent `{p}` is a template of tenant `{}`, not of this tenant",
                            self.model.tenants[other].name
                        ),
                        &path(),
                        false,
                    )
                    .with_help("templates never cross tenants: copy the template into this tenant"),
                );
            } else {
                let mut d = self.err(
                    codes::UNKNOWN_PARENT,
                    format!("parent `{p}` is no template of this tenant"),
                    &path(),
                    false,
                );
                let known: Vec<&str> = self
                    .tenant
                    .templates
                    .iter()
                    .map(|t| t.name.as_str())
                    .take(8)
                    .collect();
                if !known.is_empty() {
                    d = d.with_help(format!("the tenant's templates: {}", known.join(", ")));
                }
                out.push(d);
            }
        }
        let owner = Owner::Tenant {
            slug: self.slug(),
            policy: &self.model.engine.policy,
            transports: &self.model.engine.transports,
            line: list == List::Lines,
        };
        if let Some(pw) = &c.password {
            let path = || format!("{}.password", self.path(list, i));
            if list == List::Lines {
                let (key_span, value_span) = spans_of(pos, &path);
                let at = At {
                    path: &path,
                    key_span,
                    value_span,
                };
                let value = crate::model::OptionValue::from(pw.as_str());
                if let Some(checked) = check_option(
                    pjconf_model::ObjectType::Auth,
                    "password",
                    &value,
                    owner,
                    &at,
                    out,
                ) {
                    for v in checked.values {
                        let mut line = Line::assign("auth.password", v, at.value_span);
                        line.key_span = at.key_span;
                        builder.line(h, line);
                    }
                }
            } else {
                out.push(
                    Diagnostic::warning(
                        codes::PASSWORD_MISUSE,
                        format!(
                            "tenant `{}`: `password` is a line shortcut; on a {} it is ignored (at `{}`)",
                            self.slug(),
                            list.singular(),
                            path()
                        ),
                        span_of(pos, &path, true),
                    )
                    .with_help("set `auth.password` instead"),
                );
            }
        }
        for section in Section::ALL {
            for (key, value) in c.options(section) {
                let path = || format!("{}.{}.{key}", self.path(list, i), section.as_str());
                let (key_span, value_span) = spans_of(pos, &path);
                let at = At {
                    path: &path,
                    key_span,
                    value_span,
                };
                let Some(checked) =
                    check_option(section.object_type(), key, value, owner, &at, out)
                else {
                    continue;
                };
                let mut full = [section.as_str(), ".", key].concat();
                let mut values = checked.values.into_iter().peekable();
                while let Some(v) = values.next() {
                    // The key text is moved into the last line (usually the only one).
                    let key = if values.peek().is_some() {
                        full.clone()
                    } else {
                        std::mem::take(&mut full)
                    };
                    let mut line = Line::assign(key, v, at.value_span);
                    line.key_span = at.key_span;
                    builder.line(h, line);
                }
                for (text, item) in checked.matches {
                    claims.push(Claim {
                        tenant: self.index,
                        item,
                        text,
                        path: path(),
                        span: at.value_span,
                    });
                }
            }
        }
    }

    pub(crate) fn run(self, out: &mut Vec<Diagnostic>) -> TenantOutput {
        let t = self.tenant;
        let ti = self.index;
        let slug = self.slug();
        for (field, present) in [
            ("global", t.global.is_some()),
            ("system", t.system.is_some()),
            ("transports", t.transports.is_some()),
        ] {
            if present {
                out.push(
                    self.err(
                        codes::ENGINE_OBJECT_IN_TENANT,
                        format!("a tenant cannot set `{field}`: it belongs to the engine"),
                        &format!("tenants[{ti}].{field}"),
                        true,
                    )
                    .with_help("ask the operator; tenants pick engine transports by name"),
                );
            }
        }
        let domain = t
            .domains
            .first()
            .filter(|d| is_domain(d))
            .map(String::as_str);
        let tpl_ok = self.names(List::Templates, &t.templates, out);
        let line_ok = self.names(List::Lines, &t.lines, out);
        let trunk_ok = self.names(List::Trunks, &t.trunks, out);
        let templates: HashMap<&str, usize> = t
            .templates
            .iter()
            .enumerate()
            .filter(|(i, _)| tpl_ok[*i])
            .map(|(i, c)| (c.name.as_str(), i))
            .collect();

        let mut builder = GraphBuilder::new(Lookup::AnyOrder);
        let mut claims = Vec::new();
        let mut next = 0u32;
        let mut add = |builder: &mut GraphBuilder,
                       list: List,
                       configs: &[Config],
                       ok: &[bool],
                       claims: &mut Vec<Claim>,
                       out: &mut Vec<Diagnostic>|
         -> Vec<Option<SectionId>> {
            let mut ids = Vec::with_capacity(configs.len());
            for (i, c) in configs.iter().enumerate() {
                if !ok[i] {
                    ids.push(None);
                    continue;
                }
                let path = || format!("{}.name", self.path(list, i));
                let span = span_of(self.positions, &path, false);
                let name = match list {
                    List::Templates => c.name.clone(),
                    List::Lines => ["line/", c.name.as_str()].concat(),
                    List::Trunks => ["trunk/", c.name.as_str()].concat(),
                };
                let h = builder.section(name, span);
                if list == List::Templates {
                    builder.template(h, span);
                }
                self.fill(builder, h, list, i, c, &templates, claims, out);
                ids.push(Some(SectionId(next)));
                next += 1;
            }
            ids
        };
        let tpl_ids = add(
            &mut builder,
            List::Templates,
            &t.templates,
            &tpl_ok,
            &mut claims,
            out,
        );
        let line_ids = add(
            &mut builder,
            List::Lines,
            &t.lines,
            &line_ok,
            &mut claims,
            out,
        );
        let trunk_ids = add(
            &mut builder,
            List::Trunks,
            &t.trunks,
            &trunk_ok,
            &mut claims,
            out,
        );
        let mut graph = builder.build();
        for d in graph.take_diagnostics() {
            let mut d = d;
            if matches!(
                d.code,
                pjconf_templates::codes::INHERITANCE_CYCLE
                    | pjconf_templates::codes::SELF_INHERITANCE
            ) {
                d.code = codes::INHERITANCE_CYCLE;
            }
            d.message = format!(
                "tenant `{slug}`: {} (templates at `tenants[{ti}].templates`)",
                d.message
            );
            out.push(d);
        }

        // Which sections each template has, resolved through its own parents.
        let has: Vec<[bool; 7]> = tpl_ids
            .iter()
            .map(|id| {
                let mut has = [false; 7];
                if let Some(id) = id {
                    for v in graph.section(*id).values() {
                        if let Some((s, _)) = split_key(v.key()) {
                            has[s as usize] = true;
                        }
                    }
                }
                has
            })
            .collect();
        // About three objects an element (endpoint, aor or identify, auth): reserved once
        // instead of growing (each growth copies the array and, for large ones, makes malloc
        // consolidate its free lists).
        let elements = t.lines.len() + t.trunks.len();
        let mut objects = Vec::with_capacity(if self.keep_objects {
            3 * elements + t.domains.len()
        } else {
            0
        });
        // Nothing is written for a tenant with errors (its text is refused whole).
        let aliases = if t.domains.len() > 1 {
            format!(" (aliases {})", t.domains[1..].join(", "))
        } else {
            String::new()
        };
        let comment = format!(
            "tenant {}: {}{aliases}",
            t.name,
            t.domains.first().map_or("", String::as_str)
        );
        let mut sections = TenantWriter::new(comment, self.write && !has_errors(out.iter()));
        if self.write && !self.flatten {
            self.template_sections(&graph, &tpl_ids, &has, &mut sections);
        }
        sections.end_prefix();
        let template_names = if self.flatten || !self.write {
            Vec::new()
        } else {
            template_names(slug, &t.templates, &has)
        };
        let cx = ElementCx {
            graph: &graph,
            has: &has,
            templates: &templates,
            template_names: &template_names,
        };
        let mut scratch = Scratch::default();
        if let Some(domain) = domain {
            for (i, c) in t.lines.iter().enumerate() {
                if let Some(id) = line_ids[i] {
                    self.element(
                        &cx,
                        &mut scratch,
                        List::Lines,
                        i,
                        c,
                        id,
                        domain,
                        &mut objects,
                        &mut sections,
                        out,
                    );
                }
            }
        }
        for (i, c) in t.trunks.iter().enumerate() {
            if let Some(id) = trunk_ids[i] {
                self.element(
                    &cx,
                    &mut scratch,
                    List::Trunks,
                    i,
                    c,
                    id,
                    domain.unwrap_or(""),
                    &mut objects,
                    &mut sections,
                    out,
                );
            }
        }
        if let Some(primary) = domain {
            for (di, alias) in t.domains.iter().enumerate().skip(1) {
                if !is_domain(alias) {
                    continue;
                }
                let object = PjsipObject {
                    object_type: pjconf_model::ObjectType::DomainAlias,
                    id: alias.clone(),
                    id_span: self
                        .positions
                        .value(&format!("tenants[{ti}].domains[{di}]")),
                    options: vec![
                        synth_value("type", "domain_alias"),
                        synth_value("domain", primary),
                    ],
                };
                if self.write {
                    sections.push(flat_section(&object));
                }
                if !self.keep_objects {
                    continue;
                }
                objects.push((
                    object,
                    Origin {
                        tenant: Some(ti),
                        element: Element::Domain(di),
                        section: None,
                    },
                ));
            }
        }
        TenantOutput {
            graph: TenantGraph {
                tenant: slug.to_string(),
                graph,
                templates: tpl_ids,
                lines: line_ids,
                trunks: trunk_ids,
            },
            objects,
            text: self.write.then(|| sections.finish()),
            claims,
        }
    }
}
