use crate::hash::FxHashMap;

use pjconf_diagnostics::{Diagnostic, Span};
use pjconf_model::{ObjectType, PjsipObject};

use crate::net::{Addr, parse_host_port};
use crate::{LintContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Flags two transports with the same `protocol` (default `udp`) that bind the same
    /// address and port. The port defaults to 5060, or 5061 for `tls`. A wildcard address
    /// (`0.0.0.0`, `::`) overlaps every address of its family on the same port. `ws` and
    /// `wss` transports are skipped (they share Asterisk's HTTP server, their `bind` is not
    /// used), as are `flow` transports (no socket of their own) and binds that are not
    /// numeric addresses.
    ///
    /// ## Why is this bad?
    /// Only one socket can listen on an address, port and protocol. The later transport
    /// fails to bind and is not created; endpoints that name it have no transport.
    ///
    /// ## Example
    /// ```ini
    /// [udp]
    /// type = transport
    /// protocol = udp
    /// bind = 0.0.0.0
    ///
    /// [udp-lan]
    /// type = transport
    /// protocol = udp
    /// bind = 192.0.2.1:5060
    /// ```
    ///
    /// Use instead: give the second transport another port (`bind = 192.0.2.1:5070`), or
    /// bind the first to a specific address.
    pub(crate) struct DuplicateTransportBind {
        code: "PJ213",
        name: "duplicate-transport-bind",
        severity: Error,
        summary: "two transports of the same protocol on the same address and port (a wildcard address overlaps all)",
    }
}

struct Bound<'a> {
    transport: &'a PjsipObject,
    addr: Addr,
    text: &'a str,
    span: Span,
}

impl Rule for DuplicateTransportBind {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        // (protocol, IPv6?, port) -> the transports bound there, in section order.
        let mut groups: FxHashMap<(String, bool, u16), Vec<Bound<'_>>> = FxHashMap::default();
        let mut keys = Vec::new();
        for (_, transport) in cx.of_type(ObjectType::Transport) {
            let protocol = transport
                .last("protocol")
                .map_or("udp".to_owned(), |v| v.value.trim().to_ascii_lowercase());
            if matches!(protocol.as_str(), "ws" | "wss" | "flow") {
                continue;
            }
            let Some(bind) = transport.last("bind") else {
                continue;
            };
            let Some((addr, port)) = parse_host_port(&bind.value) else {
                continue;
            };
            let port = port.unwrap_or(if protocol == "tls" { 5061 } else { 5060 });
            let key = (protocol, addr.v6, port);
            let bound = Bound {
                transport,
                addr,
                text: bind.value.trim(),
                span: bind.value_span,
            };
            match groups.get_mut(&key) {
                Some(group) => group.push(bound),
                None => {
                    keys.push(key.clone());
                    groups.insert(key, vec![bound]);
                }
            }
        }
        for key in &keys {
            let group = &groups[key];
            let wildcard = group.iter().position(|b| b.addr.is_unspecified());
            let mut first_at: FxHashMap<Addr, usize> = FxHashMap::default();
            for (index, bound) in group.iter().enumerate() {
                // Report the later transport of each clash: the one that fails to bind.
                let clash = match wildcard {
                    Some(w) if index > w => Some(w),
                    Some(w) if index == w => (w > 0).then_some(0),
                    _ => match first_at.get(&bound.addr) {
                        Some(&earlier) => Some(earlier),
                        None => {
                            first_at.insert(bound.addr, index);
                            None
                        }
                    },
                };
                if let Some(other) = clash {
                    out.push(report(&key.0, key.2, bound, &group[other]));
                }
            }
        }
    }
}

fn report(protocol: &str, port: u16, bound: &Bound<'_>, other: &Bound<'_>) -> Diagnostic {
    Diagnostic::error(
        DuplicateTransportBind::META.code,
        format!(
            "transport `{}` binds {protocol} port {port} on `{}`, which transport `{}` already holds (`{}`)",
            bound.transport.id, bound.text, other.transport.id, other.text
        ),
        bound.span,
    )
    .with_label(bound.span, format!("{protocol} port {port} is taken"))
    .with_secondary(other.span, format!("transport `{}` listens here", other.transport.id))
    .with_note("only one socket can listen on an address and port: the later transport fails to bind and is not created")
    .with_help("use another port, or bind each transport to its own address")
}
