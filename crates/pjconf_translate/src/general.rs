//! `[general]`: transports, global and system settings, peer defaults, `register =>` lines.

use std::collections::HashMap;

use pjconf_diagnostics::{Diagnostic, Severity, Span};
use pjconf_emit::EmitItem;
use pjconf_model::ObjectType;

use crate::codes;
use crate::convert::Cx;
use crate::out::{Building, From, push};
use crate::register;
use crate::source::{Val, trailing_comment};
use crate::table::{Kind, PEER_KEYS, Rule, peer_rule, proxy_uri, truthy};

/// What `[general]` told the rest of the conversion.
#[derive(Debug, Default)]
pub(crate) struct General<'a> {
    /// Peer options read per peer (qualify, transport, ...), last value, indexed like
    /// [`PEER_KEYS`].
    pub(crate) defaults: [Option<Val<'a>>; PEER_KEYS.len()],
    /// The endpoint template every endpoint inherits, when `[general]` set endpoint defaults.
    pub(crate) endpoint: Option<String>,
    /// The aor template every aor inherits.
    pub(crate) aor: Option<String>,
    /// `realm` (chan_sip's digest realm, default "asterisk").
    pub(crate) realm: Option<String>,
    /// Enabled transports: "udp", "tcp", "tls".
    pub(crate) transports: Vec<String>,
    registers: Vec<Val<'a>>,
    settings: HashMap<String, Val<'a>>,
    span: Option<Span>,
}

/// Name of the endpoint template holding `[general]`'s peer defaults.
pub const GENERAL_ENDPOINT: &str = "sip-general-endpoint";
/// Name of the aor template holding `[general]`'s peer defaults.
pub const GENERAL_AOR: &str = "sip-general-aor";

const TRANSPORT_KEYS: &[&str] = &[
    "udpbindaddr",
    "bindaddr",
    "bindport",
    "tcpenable",
    "tcpbindaddr",
    "tlsenable",
    "tlsbindaddr",
    // The names main/tcptls.c (ast_tls_read_conf) reads, aliases included.
    "tlscertfile",
    "tlscert",
    "tlsprivatekey",
    "tlscafile",
    "tlscapath",
    "tlscadir",
    "tlscipher",
    "tlsclientmethod",
    "tlsdontverifyserver",
    "tlsverifyclient",
    "sslenable",
    "sslbindaddr",
    "sslcert",
    "sslprivatekey",
    "sslcipher",
    "sslclientmethod",
    "externip",
    "externaddr",
    "externhost",
    "externtcpport",
    "externtlsport",
    "tos_sip",
    "cos_sip",
];

const GLOBAL: &[(&str, ObjectType, &str)] = &[
    ("useragent", ObjectType::Global, "user_agent"),
    ("realm", ObjectType::Global, "default_realm"),
    ("sipdebug", ObjectType::Global, "debug"),
    (
        "legacy_useroption_parsing",
        ObjectType::Global,
        "ignore_uri_user_options",
    ),
    ("maxforwards", ObjectType::Global, "max_forwards"),
    ("keepalive", ObjectType::Global, "keep_alive_interval"),
    ("regcontext", ObjectType::Global, "regcontext"),
    ("timert1", ObjectType::System, "timer_t1"),
    ("timerb", ObjectType::System, "timer_b"),
    ("compactheaders", ObjectType::System, "compact_headers"),
];

/// General-only options with no translation: (key, code, reason, instead).
fn general_report(key: &str) -> Option<(&'static str, &'static str, Option<&'static str>)> {
    let o = codes::OBSOLETE;
    let n = codes::NO_EQUIVALENT;
    let d = codes::NEEDS_DECISION;
    Some(match key {
        "srvlookup" => (
            o,
            "pjsip always resolves SRV/NAPTR through its resolver",
            None,
        ),
        "pedantic" => (o, "pjsip always parses SIP strictly", None),
        "recordhistory" | "dumphistory" => (
            o,
            "pjsip has no dialog history; use `pjsip set history on`",
            None,
        ),
        "alwaysauthreject" => (
            o,
            "pjsip always answers unknown users like bad passwords",
            None,
        ),
        "authfailureevents" | "callevents" => (o, "pjsip always raises security/AMI events", None),
        "hash_users" | "hash_peers" | "hash_dialogs" => (o, "chan_sip hash table sizes", None),
        "externrefresh" => (
            o,
            "pjsip resolves an external host name once, at load",
            None,
        ),
        "autocreatepeer" => (
            d,
            "pjsip cannot create endpoints on the fly",
            Some("define each endpoint, or use an anonymous endpoint"),
        ),
        "domain" | "autodomain" | "allowexternaldomains" | "domainsasrealm" => (
            d,
            "pjsip checks domains through domain_alias objects and endpoint names",
            Some("a domain_alias per domain, or endpoint names user@domain"),
        ),
        "tcpauthtimeout" | "tcpauthlimit" => (n, "pjsip has no unauthenticated-TCP limits", None),
        "websocket_enabled" | "websocket_write_timeout" => (
            d,
            "WebSocket needs its own pjsip transport",
            Some("a transport with protocol = ws (and res_http_websocket)"),
        ),
        "notifymimetype" => (n, "pjsip chooses the MWI body type itself", None),
        "mwiexpiry"
        | "t1min"
        | "regextenonqualify"
        | "subscribe_network_change_event"
        | "matchexternaddrlocally"
        | "minexpirey"
        | "maxexpirey" => (n, "pjsip has no such setting", None),
        "localnet" | "register" | "registertimeout" | "registerattempts" | "register_retry_403"
        | "outboundproxy" => {
            return None;
        }
        "auth_options_requests" => (
            d,
            "pjsip answers OPTIONS without auth unless told",
            Some("allow_unauthenticated_options on the endpoints"),
        ),
        "udpbindaddr6" => (
            d,
            "an IPv6 bind needs a second transport",
            Some("a transport with bind = [::]:5060"),
        ),
        "match_auth_username" => (
            d,
            "pjsip identifies by Authorization user name only when listed",
            Some("global endpoint_identifier_order = ip,username,auth_username,anonymous"),
        ),
        _ => return None,
    })
}

impl<'a> Cx<'a> {
    /// Read `[general]` (and a fragment's lines before any header) and emit transports,
    /// global, system and the peer-default templates.
    pub(crate) fn general(&mut self, values: Vec<Val<'a>>, span: Option<Span>) {
        self.general.span = span;
        let mut transport: HashMap<&'static str, Val<'a>> = HashMap::new();
        let mut localnets: Vec<Val<'a>> = Vec::new();
        let mut global: Vec<(ObjectType, &'static str, Val<'a>)> = Vec::new();
        let mut defaults: Vec<Val<'a>> = Vec::new();
        for v in values {
            let key = v.lower();
            if let Some(k) = TRANSPORT_KEYS.iter().find(|k| **k == key) {
                transport.insert(k, v);
                continue;
            }
            if let Some(&(_, t, o)) = GLOBAL.iter().find(|(k, ..)| *k == key) {
                if key == "realm" {
                    self.general.realm = Some(v.value.trim().to_string());
                }
                global.push((t, o, v));
                continue;
            }
            match key.as_str() {
                "localnet" => localnets.push(v),
                "register" => self.general.registers.push(v),
                "registertimeout" | "registerattempts" | "register_retry_403" => {
                    self.general.settings.insert(key, v);
                }
                "outboundproxy" => {
                    // chan_sip's general outbound proxy serves peers and registrations.
                    self.general.settings.insert(key, v.clone());
                    defaults.push(v);
                }
                "defaultexpiry" => {
                    self.general.settings.insert(key, v.clone());
                    defaults.push(v);
                }
                _ => {
                    if let Some((code, reason, instead)) = general_report(&key) {
                        self.not_translated(&v, code, reason, instead);
                    } else if let Some(Rule::Peer) = peer_rule(&key) {
                        match PEER_KEYS.iter().position(|k| *k == key) {
                            Some(i) => self.general.defaults[i] = Some(v),
                            None => self.not_translated(
                                &v,
                                codes::NEEDS_DECISION,
                                "chan_sip reads this per peer; as a [general] default it is not translated",
                                Some("set it in each peer or template"),
                            ),
                        }
                    } else {
                        defaults.push(v);
                    }
                }
            }
        }
        self.transports(&transport, &localnets);
        self.globals(global);
        self.defaults(&defaults);
    }

    fn transports(&mut self, t: &HashMap<&'static str, Val<'a>>, localnets: &[Val<'a>]) {
        let get = |k: &str| t.get(k);
        let val_of = |k: &str, alias: &str| get(k).or_else(|| get(alias));
        let span = crate::convert::or_synth(self.general.span);
        let from = |v: &Val<'a>| From {
            key_span: v.key_span,
            value_span: v.value_span,
        };
        // UDP always listens in chan_sip (udpbindaddr, or bindaddr + bindport).
        let port = get("bindport").map_or("5060".to_string(), |v| v.value.trim().to_string());
        let udp = match val_of("udpbindaddr", "bindaddr") {
            Some(v) => (with_port(v.value.trim(), &port), from(v)),
            None => (format!("0.0.0.0:{port}"), From::NOWHERE),
        };
        let mut list = vec![("udp", udp)];
        if get("tcpenable").is_some_and(|v| truthy(&v.value)) {
            let bind = match get("tcpbindaddr") {
                Some(v) => (with_port(v.value.trim(), "5060"), from(v)),
                None => (with_port(host_of(&list[0].1.0), "5060"), From::NOWHERE),
            };
            list.push(("tcp", bind));
        }
        if val_of("tlsenable", "sslenable").is_some_and(|v| truthy(&v.value)) {
            let bind = match val_of("tlsbindaddr", "sslbindaddr") {
                Some(v) => (with_port(v.value.trim(), "5061"), from(v)),
                None => ("0.0.0.0:5061".to_string(), From::NOWHERE),
            };
            list.push(("tls", bind));
        }
        let extern_addr = val_of("externaddr", "externip").or_else(|| get("externhost"));
        for (proto, (bind, bfrom)) in list {
            let name = format!("transport-{proto}");
            let mut b = Building::new(ObjectType::Transport, &name, span);
            let r = &mut self.report;
            push(&mut b, r, "type", "transport", From::NOWHERE, None);
            push(&mut b, r, "protocol", proto, From::NOWHERE, None);
            push(&mut b, r, "bind", &bind, bfrom, None);
            if let Some(v) = extern_addr {
                let (h, p) = register::split_port(v.value.trim());
                push(&mut b, r, "external_media_address", h, from(v), None);
                push(&mut b, r, "external_signaling_address", h, from(v), None);
                let port = match proto {
                    "tcp" => get("externtcpport").map(|v| v.value.trim().to_string()),
                    "tls" => get("externtlsport").map(|v| v.value.trim().to_string()),
                    _ => p.map(str::to_string),
                };
                if let Some(port) = port {
                    push(&mut b, r, "external_signaling_port", &port, from(v), None);
                }
            }
            for v in localnets {
                push(&mut b, r, "local_net", v.value.trim(), from(v), None);
            }
            if let Some(v) = get("tos_sip") {
                push(&mut b, r, "tos", v.value.trim(), from(v), None);
            }
            if let Some(v) = get("cos_sip") {
                push(&mut b, r, "cos", v.value.trim(), from(v), None);
            }
            if proto == "tls" {
                let cert = val_of("tlscertfile", "sslcert").or_else(|| get("tlscert"));
                if let Some(v) = cert {
                    push(&mut b, r, "cert_file", v.value.trim(), from(v), None);
                }
                // chan_sip reads the key from the certificate file when no key is given.
                if let Some(v) = val_of("tlsprivatekey", "sslprivatekey").or(cert) {
                    push(&mut b, r, "priv_key_file", v.value.trim(), from(v), None);
                }
                for (k, alias, opt) in [
                    ("tlscafile", "tlscafile", "ca_list_file"),
                    ("tlscapath", "tlscadir", "ca_list_path"),
                    ("tlscipher", "sslcipher", "cipher"),
                ] {
                    if let Some(v) = val_of(k, alias) {
                        push(&mut b, r, opt, v.value.trim(), from(v), None);
                    }
                }
                if let Some(v) = val_of("tlsclientmethod", "sslclientmethod") {
                    push(
                        &mut b,
                        r,
                        "method",
                        &v.value.trim().to_ascii_lowercase(),
                        from(v),
                        None,
                    );
                }
                if let Some(v) = get("tlsdontverifyserver") {
                    let verify = if truthy(&v.value) { "no" } else { "yes" };
                    push(&mut b, r, "verify_server", verify, from(v), None);
                }
                if let Some(v) = get("tlsverifyclient") {
                    let verify = if truthy(&v.value) { "yes" } else { "no" };
                    push(&mut b, r, "verify_client", verify, from(v), None);
                }
            }
            self.general.transports.push(proto.to_string());
            self.taken.insert((Some(ObjectType::Transport), name));
            self.items.push(EmitItem::Section(b.section));
        }
        if let Some(v) = get("externhost") {
            self.report.push(
                Diagnostic::new(
                    codes::APPROXIMATED,
                    Severity::Info,
                    "`externhost` is resolved once when pjsip loads, not every externrefresh seconds",
                    v.key_span,
                )
                .with_help("reload res_pjsip when the address changes, or use an IP address"),
            );
        }
        for (k, v) in sorted(t) {
            if k.starts_with("udp")
                || k.starts_with("bind")
                || k.starts_with("tcp")
                || k.starts_with("tls")
                || k.starts_with("ssl")
                || k.starts_with("extern")
                || k.ends_with("_sip")
            {
                self.stats.translated += 1;
            } else {
                self.not_translated(v, codes::NO_EQUIVALENT, "not read", None);
            }
        }
    }

    fn globals(&mut self, values: Vec<(ObjectType, &'static str, Val<'a>)>) {
        for (t, name) in [
            (ObjectType::Global, "global"),
            (ObjectType::System, "system"),
        ] {
            let mut b = Building::new(t, name, crate::convert::or_synth(self.general.span));
            push(&mut b, &mut self.report, "type", name, From::NOWHERE, None);
            for (ot, opt, v) in &values {
                if *ot != t {
                    continue;
                }
                let value = match *opt {
                    "debug" | "ignore_uri_user_options" | "compact_headers" => {
                        if truthy(&v.value) { "yes" } else { "no" }.to_string()
                    }
                    _ => v.value.trim().to_string(),
                };
                let from = From {
                    key_span: v.key_span,
                    value_span: v.value_span,
                };
                let comment = trailing_comment(self.config, v.key_span);
                if push(&mut b, &mut self.report, opt, &value, from, comment) {
                    self.stats.translated += 1;
                } else {
                    self.stats.reported += 1;
                }
            }
            if b.section.options.len() > 1 {
                self.items.push(EmitItem::Section(b.section));
            }
        }
    }

    fn defaults(&mut self, values: &[Val<'a>]) {
        let span = crate::convert::or_synth(self.general.span);
        let mut out = Kind::ALL.map(|k| {
            let name = match k {
                Kind::Endpoint => GENERAL_ENDPOINT.to_string(),
                Kind::Aor => GENERAL_AOR.to_string(),
                other => format!("sip-general-{}", other.type_value()),
            };
            Building::new(k.object_type(), &name, span)
        });
        // chan_sip's default codecs (ulaw, alaw, gsm, h263) apply unless [general] starts
        // over with disallow; pjsip endpoints have none by default.
        let starts_over = values
            .iter()
            .find(|v| matches!(v.lower().as_str(), "allow" | "disallow"))
            .is_some_and(|v| {
                v.lower() == "disallow" && v.value.to_ascii_lowercase().contains("all")
            });
        if !starts_over {
            push(
                &mut out[0],
                &mut self.report,
                "allow",
                "ulaw,alaw,gsm,h263",
                From::NOWHERE,
                Some("chan_sip's default codecs".into()),
            );
        }
        // chan_sip's default nat = auto_force_rport answers to the packet's source address
        // and keeps it for later requests once NAT is seen; pjsip needs rewrite_contact for
        // that (force_rport is already its default).
        if !values.iter().any(|v| v.lower() == "nat") {
            push(
                &mut out[0],
                &mut self.report,
                "rewrite_contact",
                "yes",
                From::NOWHERE,
                Some("chan_sip's default nat=auto_force_rport".into()),
            );
        }
        self.translate_lines(values, &mut out);
        let comment = Some("Defaults that chan_sip applied to every peer ([general])".to_string());
        for (k, mut b) in Kind::ALL.into_iter().zip(out) {
            if b.section.options.is_empty() {
                continue;
            }
            if !matches!(k, Kind::Endpoint | Kind::Aor) {
                continue;
            }
            b.section.template = true;
            b.section.comment = comment.clone();
            match k {
                Kind::Endpoint => self.general.endpoint = Some(b.section.name.clone()),
                _ => self.general.aor = Some(b.section.name.clone()),
            }
            self.items.push(EmitItem::Section(b.section));
        }
    }

    /// The `register =>` lines, each a registration with its outbound auth, linked to the
    /// trunk it belongs to.
    pub(crate) fn registrations(&mut self) {
        let registers = std::mem::take(&mut self.general.registers);
        let settings = std::mem::take(&mut self.general.settings);
        let mut by_host: HashMap<String, Vec<usize>> = HashMap::new();
        if !registers.is_empty() {
            for (i, p) in self.peers.iter().enumerate() {
                if let Some(h) = &p.host {
                    let h = register::split_port(h).0.to_ascii_lowercase();
                    by_host.entry(h).or_default().push(i);
                }
            }
        }
        for v in registers {
            let r = match register::parse(&v.value) {
                Ok(r) => r,
                Err(reason) => {
                    self.report.push(
                        Diagnostic::new(
                            codes::BAD_REGISTER_LINE,
                            Severity::Warning,
                            format!("register line not translated: {reason}"),
                            v.value_span,
                        )
                        .with_label(v.value_span, "cannot read this")
                        .with_note("form: [peer?][transport://]user[@domain][:secret[:authuser]]@host[:port][/extension][~expiry]"),
                    );
                    self.stats.reported += 1;
                    continue;
                }
            };
            let peer = self.link(&r, &by_host);
            if peer.is_none() {
                self.report.push(
                    Diagnostic::new(
                        codes::REGISTRATION_WITHOUT_PEER,
                        Severity::Info,
                        format!("no peer with host `{}` for this registration", r.host),
                        v.value_span,
                    )
                    .with_help("calls arriving on it are matched by address (identify) only; add `peer?` before the line to link it"),
                );
            }
            let base = match &peer {
                Some(p) => format!("{p}-reg"),
                None => format!("reg-{}", r.host),
            };
            let name = self.unique(ObjectType::Registration, base, v.key_span);
            let from = From {
                key_span: v.key_span,
                value_span: v.value_span,
            };
            let rep = &mut self.report;
            let mut b = Building::new(ObjectType::Registration, &name, v.key_span);
            push(
                &mut b,
                rep,
                "type",
                "registration",
                From::NOWHERE,
                trailing_comment(self.config, v.key_span),
            );
            let tparam = match r.transport.as_deref() {
                Some(t @ ("tcp" | "tls")) => format!(";transport={t}"),
                _ => String::new(),
            };
            let port = r.port.as_ref().map_or(String::new(), |p| format!(":{p}"));
            push(
                &mut b,
                rep,
                "server_uri",
                &format!("sip:{}{port}{tparam}", r.host),
                from,
                None,
            );
            let (cdomain, cport) = match &r.domain {
                Some(d) => (
                    d.clone(),
                    r.domain_port
                        .as_ref()
                        .map_or(String::new(), |p| format!(":{p}")),
                ),
                None => (r.host.clone(), port.clone()),
            };
            push(
                &mut b,
                rep,
                "client_uri",
                &format!("sip:{}@{cdomain}{cport}", r.user),
                from,
                None,
            );
            if let Some(ext) = &r.extension {
                push(&mut b, rep, "contact_user", ext, from, None);
            }
            let expiry = r
                .expiry
                .clone()
                .or_else(|| {
                    settings
                        .get("defaultexpiry")
                        .map(|v| v.value.trim().to_string())
                })
                .unwrap_or_else(|| "120".into());
            push(&mut b, rep, "expiration", &expiry, from, None);
            let retry = settings
                .get("registertimeout")
                .map_or("20".into(), |v| v.value.trim().to_string());
            push(&mut b, rep, "retry_interval", &retry, from, None);
            // chan_sip's registerattempts = 0 (its default) retries forever.
            let attempts = settings
                .get("registerattempts")
                .map_or("0".into(), |v| v.value.trim().to_string());
            let attempts = if attempts == "0" {
                "10000".to_string()
            } else {
                attempts
            };
            push(&mut b, rep, "max_retries", &attempts, from, None);
            if let Some(v) = settings.get("register_retry_403") {
                let permanent = if truthy(&v.value) { "no" } else { "yes" };
                push(
                    &mut b,
                    rep,
                    "auth_rejection_permanent",
                    permanent,
                    from,
                    None,
                );
            }
            if let Some(t) = &r.transport
                && self.general.transports.contains(t)
            {
                push(
                    &mut b,
                    rep,
                    "transport",
                    &format!("transport-{t}"),
                    from,
                    None,
                );
            }
            if let Some(p) = settings.get("outboundproxy") {
                push(
                    &mut b,
                    rep,
                    "outbound_proxy",
                    &proxy_uri(&p.value),
                    from,
                    None,
                );
            }
            let mut auth = None;
            if let Some(secret) = &r.secret {
                let aname = self.unique(ObjectType::Auth, format!("{name}-auth"), v.key_span);
                let rep = &mut self.report;
                let mut a = Building::new(ObjectType::Auth, &aname, v.key_span);
                push(&mut a, rep, "type", "auth", From::NOWHERE, None);
                push(&mut a, rep, "auth_type", "userpass", From::NOWHERE, None);
                let user = r.authuser.clone().unwrap_or_else(|| r.user.clone());
                push(&mut a, rep, "username", &user, from, None);
                push(&mut a, rep, "password", secret, from, None);
                push(&mut b, rep, "outbound_auth", &aname, From::NOWHERE, None);
                auth = Some(a);
            }
            if let Some(p) = &peer {
                push(&mut b, &mut self.report, "line", "yes", From::NOWHERE, None);
                push(&mut b, &mut self.report, "endpoint", p, From::NOWHERE, None);
            }
            self.taken.insert((Some(ObjectType::Registration), name));
            self.items.push(EmitItem::Section(b.section));
            if let Some(a) = auth {
                self.taken
                    .insert((Some(ObjectType::Auth), a.section.name.clone()));
                self.items.push(EmitItem::Section(a.section));
            }
            self.stats.registrations += 1;
            self.stats.translated += 1;
        }
        for (k, v) in sorted(&settings) {
            if k == "outboundproxy" || k == "defaultexpiry" {
                continue;
            }
            self.stats.translated += 1;
            let _ = v;
        }
    }

    /// The peer a registration belongs to: the `peer?` prefix, else the peer with the same
    /// host (the one whose user name matches when several do).
    fn link(
        &self,
        r: &register::RegisterLine,
        by_host: &HashMap<String, Vec<usize>>,
    ) -> Option<String> {
        if let Some(p) = &r.peer
            && self.peers.iter().any(|i| &i.name == p)
        {
            return Some(p.clone());
        }
        let candidates = by_host.get(&r.host.to_ascii_lowercase())?;
        let user_match = candidates.iter().find(|&&i| {
            self.peers[i]
                .users
                .iter()
                .any(|u| *u == r.user || r.authuser.as_deref() == Some(u.as_str()))
        });
        user_match
            .or(candidates.first())
            .map(|&i| self.peers[i].name.clone())
    }
}

fn sorted<'m, 'a, K: Ord + AsRef<str>>(
    map: &'m HashMap<K, Val<'a>>,
) -> Vec<(&'m str, &'m Val<'a>)> {
    let mut v: Vec<_> = map.iter().map(|(k, v)| (k.as_ref(), v)).collect();
    v.sort_by(|a, b| a.0.cmp(b.0));
    v
}

/// `addr` with `port` added when it has none.
fn with_port(addr: &str, port: &str) -> String {
    let (h, p) = register::split_port(addr);
    match p {
        Some(_) => addr.to_string(),
        None if h.contains(':') && !h.starts_with('[') => format!("[{h}]:{port}"),
        None => format!("{h}:{port}"),
    }
}

fn host_of(bind: &str) -> &str {
    register::split_port(bind).0
}
