//! The conversion pass: sections of sip.conf in, pjsip sections out.

use std::borrow::Cow;

use pjconf_diagnostics::{Diagnostic, Severity, Span};
use pjconf_emit::{EmitItem, SYNTHESIZED};
use pjconf_model::ObjectType;
use pjconf_syntax::{LineKind, LoadedConfig};
use pjconf_templates::{SectionId, TemplateGraph};
// Fx hashing: the keys are section ids and short names, hashed once or twice per peer;
// SipHash's flooding resistance buys nothing for a file the user converts.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::Stats;
use crate::codes;
use crate::general::General;
use crate::out::{Building, From, push};
use crate::source::{Val, header_comment, trailing_comment};
use crate::table::{Kind, PEER_KEYS, Rule, peer_rule};

/// A peer's values for [`PEER_KEYS`].
struct PeerView<'a> {
    values: [Option<Val<'a>>; PEER_KEYS.len()],
}

impl<'a> PeerView<'a> {
    fn get(&self, key: &str) -> Option<&Val<'a>> {
        let i = PEER_KEYS.iter().position(|k| *k == key)?;
        self.values[i].as_ref()
    }
}

/// Characters a pjsip object name cannot hold: list separators and config syntax.
pub(crate) const BAD_NAME_CHARS: &str = ",;=()[]";

/// What the registration pass needs to know of a converted peer.
#[derive(Debug, Clone)]
pub(crate) struct PeerInfo {
    pub(crate) name: String,
    pub(crate) host: Option<String>,
    pub(crate) users: Vec<String>,
}

/// The state of one conversion.
pub(crate) struct Cx<'a> {
    pub(crate) config: &'a LoadedConfig,
    pub(crate) graph: &'a TemplateGraph,
    pub(crate) report: Vec<Diagnostic>,
    pub(crate) items: Vec<EmitItem>,
    pub(crate) general: General<'a>,
    /// Emitted template sections: (sip.conf template, kind) -> pjsip template name.
    pub(crate) templates: HashMap<(SectionId, Kind), String>,
    pub(crate) peers: Vec<PeerInfo>,
    /// Concrete sections followed by a later one of the same name (ignoring case), with it.
    superseded: HashMap<SectionId, SectionId>,
    /// Names taken, per object type (templates under `None`).
    pub(crate) taken: HashSet<(Option<ObjectType>, String)>,
    pub(crate) stats: Stats,
}

impl<'a> Cx<'a> {
    pub(crate) fn new(config: &'a LoadedConfig, graph: &'a TemplateGraph) -> Self {
        Cx {
            config,
            graph,
            report: Vec::new(),
            items: Vec::new(),
            general: General::default(),
            templates: HashMap::default(),
            peers: Vec::new(),
            superseded: HashMap::default(),
            taken: HashSet::default(),
            stats: Stats::default(),
        }
    }

    /// Find the concrete sections a later section of the same name replaces.
    pub(crate) fn find_superseded(&mut self) {
        let mut last: HashMap<String, SectionId> = HashMap::default();
        let ids: Vec<SectionId> = self.graph.ids().collect();
        for id in ids.into_iter().rev() {
            let info = self.graph.info(id);
            if info.template {
                continue;
            }
            let key = info.name.to_ascii_lowercase();
            match last.get(&key) {
                Some(&later) => {
                    self.superseded.insert(id, later);
                }
                None => {
                    last.insert(key, id);
                }
            }
        }
    }

    fn val(v: &pjconf_templates::ResolvedValue<'a>) -> Val<'a> {
        Val {
            key: Cow::Borrowed(v.key()),
            value: Cow::Borrowed(v.value()),
            key_span: v.key_span(),
            value_span: v.value_span(),
        }
    }

    /// Lines before the first header (a fragment file), in reading order.
    pub(crate) fn preamble(&self) -> Vec<Val<'a>> {
        let mut out = Vec::new();
        for entry in self.config.walk() {
            let tree = self.config.tree(entry.file);
            match tree.line_kind(entry.line as usize) {
                LineKind::Header(_) => break,
                LineKind::Item => {
                    if let Some(item) = tree.item(entry.line) {
                        out.push(Val {
                            key: Cow::Owned(item.key().into_owned()),
                            value: Cow::Owned(item.value().into_owned()),
                            key_span: item.key_span(),
                            value_span: item.value_span(),
                        });
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// Every value of a section, inherited ones included.
    pub(crate) fn all_values(&self, id: SectionId) -> Vec<Val<'a>> {
        self.graph
            .section(id)
            .values()
            .map(|v| Self::val(&v))
            .collect()
    }

    /// The values a section's pjsip sections must carry themselves: its own lines, and the
    /// lines it inherits through a parent that is not a template (pjsip templates of
    /// concrete peers do not exist, so those are copied).
    fn own_values(&self, id: SectionId) -> Vec<Val<'a>> {
        let graph = self.graph;
        graph
            .section(id)
            .values()
            .filter(|v| {
                !v.is_inherited() || v.chain().nth(1).is_none_or(|p| !graph.info(p).template)
            })
            .map(|v| Self::val(&v))
            .collect()
    }

    /// The last value of each key of [`PEER_KEYS`] for a peer, its own or inherited, else
    /// the `[general]` default: one pass over the section's values.
    fn view(&self, id: SectionId) -> PeerView<'a> {
        let mut found: [Option<pjconf_templates::ResolvedValue<'_>>; PEER_KEYS.len()] =
            [const { None }; PEER_KEYS.len()];
        for v in self.graph.section(id).values() {
            let key = v.key();
            if let Some(i) = PEER_KEYS.iter().position(|k| k.eq_ignore_ascii_case(key)) {
                found[i] = Some(v);
            }
        }
        let mut values: [Option<Val>; PEER_KEYS.len()] = [const { None }; PEER_KEYS.len()];
        for (i, slot) in values.iter_mut().enumerate() {
            *slot = match &found[i] {
                Some(v) => Some(Self::val(v)),
                None => self.general.defaults[i].clone(),
            };
        }
        PeerView { values }
    }

    /// Report a line that is not translated.
    pub(crate) fn not_translated(
        &mut self,
        v: &Val,
        code: &'static str,
        reason: &str,
        instead: Option<&str>,
    ) {
        let severity = codes::severity(code).unwrap_or(Severity::Warning);
        let mut d = Diagnostic::new(
            code,
            severity,
            format!("`{}` not translated: {reason}", v.key),
            v.key_span,
        )
        .with_label(v.key_span, "not in the pjsip output");
        if let Some(instead) = instead {
            d = d.with_help(format!("instead: {instead}"));
        }
        self.report.push(d);
        self.stats.reported += 1;
    }

    /// Translate the table-driven lines of `values` into the buildings of each kind.
    /// Lines read per peer ([`Rule::Peer`]) are skipped: the peer pass handles them.
    pub(crate) fn translate_lines(&mut self, values: &[Val<'_>], out: &mut [Building; 4]) {
        for v in values {
            // Keys are short: fold them on the stack.
            let mut buf = [0u8; 32];
            let owned;
            let key: &str = if v.key.len() <= buf.len() && v.key.is_ascii() {
                let folded = &mut buf[..v.key.len()];
                folded.copy_from_slice(v.key.as_bytes());
                folded.make_ascii_lowercase();
                std::str::from_utf8(folded).unwrap_or_default()
            } else {
                owned = v.lower();
                &owned
            };
            let Some(rule) = peer_rule(key) else {
                self.not_translated(
                    v,
                    codes::UNKNOWN_OPTION,
                    "chan_sip has no option of this name",
                    None,
                );
                continue;
            };
            let from = From {
                key_span: v.key_span,
                value_span: v.value_span,
            };
            let lines = match rule {
                Rule::Endpoint(k) | Rule::Aor(k) => {
                    // One line, the value unchanged: no list to build.
                    let kind = if matches!(rule, Rule::Endpoint(_)) {
                        Kind::Endpoint
                    } else {
                        Kind::Aor
                    };
                    let comment = trailing_comment(self.config, v.key_span);
                    let b = &mut out[kind as usize];
                    if push(b, &mut self.report, k, &v.value, from, comment) {
                        self.stats.translated += 1;
                    } else {
                        self.stats.reported += 1;
                    }
                    continue;
                }
                Rule::Custom(f) => match f(&v.value) {
                    Ok(lines) => lines,
                    Err(reason) => {
                        self.not_translated(v, codes::UNTRANSLATABLE_VALUE, &reason, None);
                        continue;
                    }
                },
                Rule::Peer => continue,
                Rule::Report {
                    code,
                    reason,
                    instead,
                } => {
                    self.not_translated(v, code, reason, instead);
                    continue;
                }
            };
            let comment = trailing_comment(self.config, v.key_span);
            let mut any = false;
            for (kind, k, value) in lines {
                let b = &mut out[kind as usize];
                any |= push(b, &mut self.report, k, &value, from, comment.clone());
            }
            if any {
                self.stats.translated += 1;
            } else {
                self.stats.reported += 1;
            }
        }
    }

    fn buildings(name: impl Fn(Kind) -> String, span: Span) -> [Building; 4] {
        Kind::ALL.map(|k| Building::new(k.object_type(), &name(k), span))
    }

    /// The pjsip parents of a section for `kind`: its template parents' sections of that
    /// kind, in order.
    fn parents_for(&self, id: SectionId, kind: Kind) -> Vec<String> {
        let mut out = Vec::new();
        self.parents_into(id, kind, &mut out);
        out
    }

    /// [`Self::parents_for`], appended to `out`.
    fn parents_into(&self, id: SectionId, kind: Kind, out: &mut Vec<String>) {
        out.extend(
            self.graph
                .info(id)
                .parents
                .iter()
                .filter_map(|p| p.target)
                .filter_map(|t| self.templates.get(&(t, kind)).cloned()),
        );
    }

    /// A sip.conf template: one pjsip template per kind its lines feed.
    pub(crate) fn template(&mut self, id: SectionId) {
        let info = self.graph.info(id).clone();
        let mut out = Self::buildings(
            |k| format!("{}-{}", info.name, k.type_value()),
            info.name_span,
        );
        let own = self.own_values(id);
        self.translate_lines(&own, &mut out);
        let mut comment = header_comment(self.config, info.name_span);
        let mut emitted = false;
        for (kind, mut b) in Kind::ALL.into_iter().zip(out) {
            let parents = self.parents_for(id, kind);
            if b.section.options.is_empty() && parents.is_empty() {
                continue;
            }
            b.section.template = true;
            b.section.parents = parents;
            b.section.comment = comment.take();
            self.templates.insert((id, kind), b.section.name.clone());
            self.taken.insert((None, b.section.name.clone()));
            self.items.push(EmitItem::Section(b.section));
            emitted = true;
        }
        if emitted {
            self.stats.templates += 1;
        }
    }

    /// A peer, friend or user: endpoint, aor, auth(s), identify.
    pub(crate) fn peer(&mut self, id: SectionId) {
        let info = self.graph.info(id);
        let (name, span) = (info.name.clone(), info.name_span);
        let view = self.view(id);
        let peer_type = view.get("type");
        let kind = peer_type
            .as_ref()
            .map(|v| v.value.trim().to_ascii_lowercase());
        match kind.as_deref() {
            Some("peer" | "friend" | "user") => {}
            other => {
                let reason = match other {
                    None => "it has no `type`; chan_sip skips such a section".to_string(),
                    Some(t) => format!("`type = {t}` is not peer, friend or user"),
                };
                let d = Diagnostic::new(
                    codes::SECTION_IGNORED,
                    Severity::Warning,
                    format!("section `{name}` not converted: {reason}"),
                    span,
                )
                .with_label(span, "skipped")
                .with_help("add `type = friend` (or peer/user) if it is a SIP peer");
                self.report.push(d);
                self.stats.skipped_sections += 1;
                return;
            }
        }
        if let Some(&later) = self.superseded.get(&id) {
            let d = Diagnostic::new(
                codes::SECTION_IGNORED,
                Severity::Warning,
                format!(
                    "section `{name}` not converted: a later section of the same name replaces it"
                ),
                span,
            )
            .with_label(span, "skipped")
            .with_secondary(self.graph.info(later).name_span, "this one is converted")
            .with_note("chan_sip's build_peer rebuilds a peer from the last section of its name");
            self.report.push(d);
            self.stats.skipped_sections += 1;
            return;
        }
        if let Some(bad) = name.chars().find(|c| BAD_NAME_CHARS.contains(*c)) {
            let d = Diagnostic::new(
                codes::SECTION_IGNORED,
                Severity::Warning,
                format!(
                    "section `{name}` not converted: `{bad}` cannot appear in a pjsip object name"
                ),
                span,
            )
            .with_label(span, "skipped")
            .with_help("rename the peer (pjsip lists such as `aors` are comma-separated)");
            self.report.push(d);
            self.stats.skipped_sections += 1;
            return;
        }
        let kind = kind.unwrap_or_default();
        let mut out = Self::buildings(|_| name.clone(), span);
        // An endpoint gets about a dozen lines: allocate them once.
        out[0].section.options.reserve(12);
        for (k, b) in Kind::ALL.iter().zip(out.iter_mut()) {
            push(
                b,
                &mut self.report,
                "type",
                k.type_value(),
                From::NOWHERE,
                None,
            );
        }
        let [ep, aor, auth, ident] = &mut out;

        // What the resolved peer says.
        let host = view.get("host");
        let host_value = host.as_ref().map(|h| h.value.trim().to_string());
        let dynamic = host_value
            .as_deref()
            .is_none_or(|h| h.eq_ignore_ascii_case("dynamic") || h.is_empty());
        let port = view.get("port");
        let defaultuser = view.get("defaultuser").or_else(|| view.get("username"));
        let secret = view.get("secret").filter(|v| !v.value.is_empty());
        let md5 = view.get("md5secret").filter(|v| !v.value.is_empty());
        let remote = view.get("remotesecret").filter(|v| !v.value.is_empty());
        let insecure = view.get("insecure");
        let insecure_flags: Vec<String> = insecure.as_ref().map_or(Vec::new(), |v| {
            v.value
                .split(',')
                .map(|s| s.trim().to_ascii_lowercase())
                .collect()
        });
        let no_invite_auth = insecure_flags.iter().any(|f| f == "invite" || f == "very");

        // endpoint -> aor
        push(ep, &mut self.report, "aors", &name, From::NOWHERE, None);

        // Inbound auth: chan_sip challenges with the peer NAME as user name (register_verify
        // and check_user_full pass peer->name to check_auth), unless insecure=invite on a
        // peer matched by address.
        let inbound = (dynamic || !no_invite_auth) && (md5.is_some() || secret.is_some());
        if no_invite_auth
            && dynamic
            && (secret.is_some() || md5.is_some())
            && let Some(v) = &insecure
        {
            self.not_translated(
                v,
                codes::NEEDS_DECISION,
                "a registering peer must authenticate its REGISTER, and pjsip challenges every request with the same auth",
                Some("keep the auth (pjsip will challenge INVITEs too), or move unauthenticated calls to an IP-matched endpoint"),
            );
        }
        let mut auth_sections = Vec::new();
        if inbound {
            push(ep, &mut self.report, "auth", &name, From::NOWHERE, None);
            if let Some(md5) = &md5 {
                self.derived(auth, "auth_type", "md5", Some(md5));
                push(
                    auth,
                    &mut self.report,
                    "username",
                    &name,
                    From::NOWHERE,
                    None,
                );
                self.derived(auth, "md5_cred", &md5.value, Some(md5));
                // chan_sip's md5secret is MD5(user:realm:secret) with its own realm.
                let realm = self
                    .general
                    .realm
                    .clone()
                    .unwrap_or_else(|| "asterisk".into());
                push(auth, &mut self.report, "realm", &realm, From::NOWHERE, None);
            } else if let Some(s) = &secret {
                push(
                    auth,
                    &mut self.report,
                    "auth_type",
                    "userpass",
                    From::NOWHERE,
                    None,
                );
                push(
                    auth,
                    &mut self.report,
                    "username",
                    &name,
                    From::NOWHERE,
                    None,
                );
                self.derived(auth, "password", &s.value, secret);
            }
        }
        // Outbound auth: what Asterisk answers a challenge from this peer with
        // (build_reply_digest: authname = defaultuser/username, else the peer name;
        // remotesecret, else secret).
        let out_password = remote.or(secret);
        if let Some(pw) = out_password.filter(|_| !dynamic || remote.is_some()) {
            let user = defaultuser
                .as_ref()
                .map(|v| v.value.trim().to_string())
                .filter(|u| !u.is_empty())
                .unwrap_or_else(|| name.clone());
            let same = inbound && md5.is_none() && user == name && remote.is_none();
            if same {
                push(
                    ep,
                    &mut self.report,
                    "outbound_auth",
                    &name,
                    From::NOWHERE,
                    None,
                );
            } else {
                let oname = if inbound {
                    self.unique(ObjectType::Auth, format!("{name}-oauth"), span)
                } else {
                    name.clone()
                };
                let mut b = Building::new(ObjectType::Auth, &oname, span);
                push(
                    &mut b,
                    &mut self.report,
                    "type",
                    "auth",
                    From::NOWHERE,
                    None,
                );
                push(
                    &mut b,
                    &mut self.report,
                    "auth_type",
                    "userpass",
                    From::NOWHERE,
                    None,
                );
                self.derived(&mut b, "username", &user, defaultuser);
                self.derived(&mut b, "password", &pw.value, Some(pw));
                push(
                    ep,
                    &mut self.report,
                    "outbound_auth",
                    &oname,
                    From::NOWHERE,
                    None,
                );
                auth_sections.push(b);
            }
        }

        // Transport: the first of chan_sip's `transport` list.
        if let Some(t) = view.get("transport") {
            let first = t
                .value
                .split(',')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            if self.general.transports.contains(&first) {
                self.derived(ep, "transport", &format!("transport-{first}"), Some(t));
            } else if !first.is_empty() {
                self.not_translated(
                    t,
                    codes::NEEDS_DECISION,
                    &format!("no `{first}` transport is enabled in [general]"),
                    Some("enable it in [general] (tcpenable/tlsenable) or add a pjsip transport"),
                );
            }
        }

        // aor: where to reach the peer.
        if dynamic {
            if kind != "user" || host.is_some() {
                self.derived(aor, "max_contacts", "1", host);
                // chan_sip keeps one address per peer: a new REGISTER replaces it.
                push(
                    aor,
                    &mut self.report,
                    "remove_existing",
                    "yes",
                    From::NOWHERE,
                    None,
                );
            }
            if let Some(ip) = view.get("defaultip").filter(|v| !v.value.trim().is_empty()) {
                let contact = contact_uri(defaultuser, ip.value.trim(), None);
                self.derived(aor, "contact", &contact, Some(ip));
            }
        } else if let Some(h) = &host_value {
            let contact = contact_uri(defaultuser, h, port.as_ref().map(|p| p.value.trim()));
            self.derived(aor, "contact", &contact, host);
        }
        // qualify = yes | no | <ms>, qualifyfreq = <s> (default 60).
        if let Some(q) = view.get("qualify") {
            let lower = q.value.trim().to_ascii_lowercase();
            let freq = view
                .get("qualifyfreq")
                .map_or("60".to_string(), |f| f.value.trim().to_string());
            if crate::table::truthy(&lower) {
                self.derived(aor, "qualify_frequency", &freq, Some(q));
            } else if let Ok(ms) = lower.parse::<u32>() {
                if ms > 0 {
                    self.derived(aor, "qualify_frequency", &freq, Some(q));
                    let secs = format!("{}", f64::from(ms) / 1000.0);
                    self.derived(aor, "qualify_timeout", &secs, Some(q));
                }
            } else if lower != "no" && lower != "false" && lower != "off" && lower != "0" {
                self.not_translated(
                    q,
                    codes::UNTRANSLATABLE_VALUE,
                    "qualify is yes, no or milliseconds",
                    None,
                );
            }
        }
        // Mailboxes: unsolicited MWI (endpoint) unless subscribemwi (aor).
        if let Some(m) = view.get("mailbox").filter(|m| !m.value.trim().is_empty()) {
            let subscribe = view
                .get("subscribemwi")
                .is_some_and(|v| crate::table::truthy(&v.value));
            let b = if subscribe { &mut *aor } else { &mut *ep };
            self.derived(b, "mailboxes", m.value.trim(), Some(m));
        }
        // identify: a peer with a fixed address is matched by that address.
        if !dynamic
            && kind != "user"
            && let Some(h) = &host_value
        {
            let (h, _) = crate::register::split_port(h);
            push(
                ident,
                &mut self.report,
                "endpoint",
                &name,
                From::NOWHERE,
                None,
            );
            self.derived(ident, "match", h, host);
        }

        // The lines translated one by one, where they are written.
        let own = self.own_values(id);
        self.translate_lines(&own, &mut out);
        // encryption=yes with dtlsenable=yes is DTLS (setup_... in sip_to_pjsip.py).
        if view
            .get("dtlsenable")
            .is_some_and(|v| crate::table::truthy(&v.value))
            && view.get("encryption").is_some()
        {
            push(
                &mut out[0],
                &mut self.report,
                "media_encryption",
                "dtls",
                From::NOWHERE,
                None,
            );
        }

        let [ep, aor, auth, ident] = out;
        let comment = header_comment(self.config, span);
        let emit = |cx: &mut Self, mut b: Building, kind: Kind, comment: Option<String>| {
            let general = match kind {
                Kind::Endpoint => cx.general.endpoint.as_ref(),
                Kind::Aor => cx.general.aor.as_ref(),
                _ => None,
            };
            let mut parents: Vec<String> = general.into_iter().cloned().collect();
            cx.parents_into(id, kind, &mut parents);
            b.section.parents = parents;
            b.section.comment = comment;
            // Named after the peer: `is_taken` finds the name among the sip.conf sections
            // already, so `taken` need not hold it.
            cx.items.push(EmitItem::Section(b.section));
        };
        emit(self, ep, Kind::Endpoint, comment);
        emit(self, aor, Kind::Aor, None);
        if inbound {
            // The inbound auth, with the lines written for auth (none today) too.
            emit(self, auth, Kind::Auth, None);
        }
        for mut b in auth_sections {
            b.section.parents.clear();
            self.taken
                .insert((Some(ObjectType::Auth), b.section.name.clone()));
            self.items.push(EmitItem::Section(b.section));
        }
        if ident.section.options.len() > 1 {
            emit(self, ident, Kind::Identify, None);
        }
        self.stats.peers += 1;
        let mut users: Vec<String> = Vec::new();
        for key in ["defaultuser", "username", "fromuser"] {
            if let Some(v) = view.get(key) {
                users.push(v.value.trim().to_string());
            }
        }
        self.peers.push(PeerInfo {
            name,
            host: (!dynamic).then(|| host_value.unwrap_or_default()),
            users,
        });
    }

    /// Write a line derived from the peer's value `v` (its span and trailing comment).
    fn derived(&mut self, b: &mut Building, key: &str, value: &str, v: Option<&Val<'_>>) -> bool {
        let from = v.map_or(From::NOWHERE, |v| From {
            key_span: v.key_span,
            value_span: v.value_span,
        });
        let comment = v.and_then(|v| trailing_comment(self.config, v.key_span));
        push(b, &mut self.report, key, value, from, comment)
    }

    /// True when `name` is a sip.conf section (so possibly an object of any type) or was
    /// generated for type `t` already.
    fn is_taken(&self, t: ObjectType, name: &str) -> bool {
        self.taken.contains(&(Some(t), name.to_string())) || !self.graph.find(name).is_empty()
    }

    /// `name`, or `name-2`, `name-3`, ... when an object of that type already has it.
    pub(crate) fn unique(&mut self, t: ObjectType, name: String, span: Span) -> String {
        if !self.is_taken(t, &name) {
            return name;
        }
        let mut n = 2;
        loop {
            let candidate = format!("{name}-{n}");
            if !self.is_taken(t, &candidate) {
                self.report.push(Diagnostic::new(
                    codes::NAME_CHANGED,
                    Severity::Info,
                    format!(
                        "{} `{name}` exists already; this one is `{candidate}`",
                        t.as_str()
                    ),
                    span,
                ));
                return candidate;
            }
            n += 1;
        }
    }
}

/// `sip:[user@]host[:port]` (build_host in sip_to_pjsip.py).
fn contact_uri(user: Option<&Val<'_>>, host: &str, port: Option<&str>) -> String {
    let mut s = String::from("sip:");
    if let Some(u) = user.map(|u| u.value.trim()).filter(|u| !u.is_empty()) {
        s.push_str(u);
        s.push('@');
    }
    s.push_str(host);
    if let Some(p) = port.filter(|p| !p.is_empty() && !host.contains("]:")) {
        let (_, has_port) = crate::register::split_port(host);
        if has_port.is_none() {
            s.push(':');
            s.push_str(p);
        }
    }
    s
}

/// The span used for synthesized objects of `[general]`.
pub(crate) fn or_synth(span: Option<Span>) -> Span {
    span.unwrap_or(SYNTHESIZED)
}
