use crate::hash::FxHashSet;

use pjconf_diagnostics::{Diagnostic, Span};
use pjconf_model::{ObjectType, list_items};

use crate::net::{Network, parse_network};
use crate::refs::item_span;
use crate::{LintContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Flags two identify objects for DIFFERENT endpoints whose `match` entries overlap:
    /// the same address, or one network containing the other (`10.0.0.0/8` and
    /// `10.1.2.3`). IPv4 and IPv6 addresses and networks (`/prefix` or, for IPv4, a dotted
    /// netmask) are compared; host names (resolved by Asterisk at load time), `!`
    /// exclusions, `match_header` and `match_request_uri` are not. Overlaps between
    /// identifies of the same endpoint are fine and not flagged. Each pair of identify
    /// objects is reported once.
    ///
    /// ## Why is this bad?
    /// The ip identifier takes the first identify object that matches the source address,
    /// in an order Asterisk does not specify, and has no ambiguity check. Calls from the
    /// overlapping addresses may land on either endpoint, with its context and its
    /// permissions, and the choice can change between restarts.
    ///
    /// ## Example
    /// ```ini
    /// [trunk-a]
    /// type = identify
    /// endpoint = trunk-a
    /// match = 192.0.2.0/24
    ///
    /// [trunk-b]
    /// type = identify
    /// endpoint = trunk-b
    /// match = 192.0.2.10
    /// ```
    ///
    /// Use instead: make the ranges disjoint (`match = 192.0.2.0/25` for trunk-a if
    /// trunk-b's host is in the upper half), or identify one of them by header.
    pub(crate) struct OverlappingIdentify {
        code: "PJ211",
        name: "overlapping-identify",
        severity: Warning,
        summary: "identify `match` entries of different endpoints that overlap, so which endpoint wins is unspecified",
    }
}

struct Entry<'a> {
    network: Network,
    identify: usize,
    endpoint: &'a str,
    text: &'a str,
    span: Span,
}

/// Entries with the same network; `first` and the first member of another endpoint.
struct Group {
    network: Network,
    first: usize,
    other: Option<usize>,
}

impl Rule for OverlappingIdentify {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let mut entries = Vec::new();
        for (position, identify) in cx.of_type(ObjectType::Identify) {
            let Some(endpoint) = identify.last("endpoint").map(|v| v.value.trim()) else {
                continue;
            };
            if endpoint.is_empty() {
                continue;
            }
            for value in identify.all("match") {
                for text in list_items(&value.value) {
                    if let Some(network) = parse_network(text) {
                        entries.push(Entry {
                            network,
                            identify: position,
                            endpoint,
                            text,
                            span: item_span(value, text),
                        });
                    }
                }
            }
        }
        // Containers sort before what they contain: by address, then shorter prefix first.
        entries.sort_by_key(|e| (e.network.start, e.network.prefix, e.span));
        let mut stack: Vec<Group> = Vec::new();
        let mut reported = FxHashSet::default();
        for (index, entry) in entries.iter().enumerate() {
            while stack
                .last()
                .is_some_and(|group| !group.network.contains(&entry.network))
            {
                stack.pop();
            }
            let partner = stack.iter().rev().find_map(|group| {
                [Some(group.first), group.other]
                    .into_iter()
                    .flatten()
                    .find(|&member| entries[member].endpoint != entry.endpoint)
            });
            match stack.last_mut() {
                Some(group) if group.network == entry.network => {
                    if group.other.is_none() && entries[group.first].endpoint != entry.endpoint {
                        group.other = Some(index);
                    }
                }
                _ => stack.push(Group {
                    network: entry.network,
                    first: index,
                    other: None,
                }),
            }
            let Some(partner) = partner.map(|p| &entries[p]) else {
                continue;
            };
            let pair = (
                partner.identify.min(entry.identify),
                partner.identify.max(entry.identify),
            );
            if !reported.insert(pair) {
                continue;
            }
            let (later, earlier) =
                if (entry.span.file, entry.span.start) >= (partner.span.file, partner.span.start) {
                    (entry, partner)
                } else {
                    (partner, entry)
                };
            out.push(report(cx, later, earlier));
        }
    }
}

fn report(cx: &LintContext<'_>, later: &Entry<'_>, earlier: &Entry<'_>) -> Diagnostic {
    let name = |e: &Entry<'_>| cx.objects.objects[e.identify].id.as_str();
    Diagnostic::warning(
        OverlappingIdentify::META.code,
        format!(
            "`{}` of identify `{}` overlaps `{}` of identify `{}`, which names another endpoint",
            later.text,
            name(later),
            earlier.text,
            name(earlier)
        ),
        later.span,
    )
    .with_label(later.span, format!("identifies endpoint `{}`", later.endpoint))
    .with_secondary(earlier.span, format!("identifies endpoint `{}`", earlier.endpoint))
    .with_note("Asterisk takes the first identify that matches, in an unspecified order: requests from the overlap may reach either endpoint")
    .with_help("make the `match` ranges disjoint")
}
