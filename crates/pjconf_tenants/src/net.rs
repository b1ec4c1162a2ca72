//! Identify `match` items as address ranges, and the cross-tenant overlap check.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::model::Policy;

/// One `match` item: an address range (IPv4 mapped into IPv6 space) or a host name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum MatchItem {
    /// Inclusive range, with its prefix length and whether it is IPv4.
    Range {
        start: u128,
        end: u128,
        prefix: u8,
        v4: bool,
    },
    /// A host name (resolved by Asterisk at load), compared ignoring case.
    Host(String),
}

impl MatchItem {
    /// The policy's minimum prefix when this range is wider than it.
    pub(crate) fn too_wide(&self, policy: &Policy) -> Option<u8> {
        match *self {
            MatchItem::Range { prefix, v4, .. } => {
                let min = if v4 {
                    policy.min_match_prefix_v4
                } else {
                    policy.min_match_prefix_v6
                };
                (prefix < min).then_some(min)
            }
            MatchItem::Host(_) => None,
        }
    }
}

fn mask_bits(mask: &str) -> Option<u8> {
    if let Ok(n) = mask.parse::<u8>() {
        return Some(n);
    }
    let m: Ipv4Addr = mask.parse().ok()?;
    let bits = u32::from(m);
    let ones = bits.leading_ones();
    (bits.checked_shl(ones).unwrap_or(0) == 0).then_some(ones as u8)
}

/// Read one `match` item; `None` for a negated (`!`) item, which adds no address.
pub(crate) fn parse_match(item: &str) -> Option<MatchItem> {
    let item = item.trim();
    if item.starts_with('!') || item.is_empty() {
        return None;
    }
    let (addr, mask) = match item.split_once('/') {
        Some((a, m)) => (a, Some(m)),
        None => (item, None),
    };
    let addr = addr.trim_start_matches('[').trim_end_matches(']');
    match addr.parse::<IpAddr>() {
        Ok(IpAddr::V4(a)) => {
            let prefix = mask.map_or(Some(32), mask_bits)?.min(32);
            let base = u32::from(a);
            let host = if prefix == 0 {
                u32::MAX
            } else {
                (1u32 << (32 - u32::from(prefix))).wrapping_sub(1)
            };
            let mapped = u128::from(Ipv4Addr::from(base & !host).to_ipv6_mapped());
            Some(MatchItem::Range {
                start: mapped,
                end: mapped + u128::from(host),
                prefix,
                v4: true,
            })
        }
        Ok(IpAddr::V6(a)) => {
            let prefix: u8 = mask.map_or(Some(128), |m| m.parse().ok())?.min(128);
            let host = if prefix == 0 {
                u128::MAX
            } else {
                (1u128 << (128 - u32::from(prefix))).wrapping_sub(1)
            };
            let start = u128::from(a) & !host;
            let _ = Ipv6Addr::from(start);
            Some(MatchItem::Range {
                start,
                end: start | host,
                prefix,
                v4: false,
            })
        }
        Err(_) => Some(MatchItem::Host(item.to_ascii_lowercase())),
    }
}

/// A `match` item of some tenant, with where it is.
#[derive(Debug, Clone)]
pub(crate) struct Claim {
    pub(crate) tenant: usize,
    pub(crate) item: MatchItem,
    /// The item as written.
    pub(crate) text: String,
    pub(crate) path: String,
    pub(crate) span: pjconf_diagnostics::Span,
}

/// Pairs (earlier claim, later claim) of different tenants whose ranges overlap: at most one
/// finding per claim, found by a sweep over ranges sorted by start (O(n log n)).
pub(crate) fn overlaps(claims: &[Claim]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut hosts: HashMap<&str, usize> = HashMap::new();
    let mut ranges: Vec<(u128, u128, usize)> = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        match &c.item {
            MatchItem::Host(h) => match hosts.get(h.as_str()) {
                Some(&j) if claims[j].tenant != c.tenant => found.push((j, i)),
                Some(_) => {}
                None => {
                    hosts.insert(h, i);
                }
            },
            MatchItem::Range { start, end, .. } => ranges.push((*start, *end, i)),
        }
    }
    ranges.sort_by_key(|&(s, e, i)| (s, std::cmp::Reverse(e), i));
    // The two open ranges reaching furthest, of two different tenants.
    let mut best: [Option<(u128, usize)>; 2] = [None, None];
    for &(start, end, i) in &ranges {
        let tenant = claims[i].tenant;
        if let Some(&(_, j)) = best
            .iter()
            .flatten()
            .find(|&&(reach, j)| reach >= start && claims[j].tenant != tenant)
        {
            found.push((j.min(i), j.max(i)));
        }
        // Keep the furthest-reaching range per tenant, two tenants at most.
        let slot = best
            .iter()
            .position(|b| b.is_some_and(|(_, j)| claims[j].tenant == tenant));
        match slot {
            Some(k) => {
                if best[k].is_some_and(|(reach, _)| end > reach) {
                    best[k] = Some((end, i));
                }
            }
            None => {
                let weakest = if best[0].is_none() {
                    0
                } else if best[1].is_none() {
                    1
                } else if best[0].map(|b| b.0) < best[1].map(|b| b.0) {
                    0
                } else {
                    1
                };
                if best[weakest].is_none_or(|(reach, _)| end > reach) {
                    best[weakest] = Some((end, i));
                }
            }
        }
        best.sort_by_key(|b| std::cmp::Reverse(b.map(|x| x.0)));
    }
    found.sort_unstable();
    found.dedup();
    found
}
