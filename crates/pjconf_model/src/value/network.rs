//! Addresses, networks and host names: ACL rules (`permit`, `deny`, `local_net`), identify
//! `match`, and transport `bind`.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::outcome::{Checked, ProblemKind, ValueProblem};
use crate::OptionSpec;

const ACL_EXPECTED: &str = "a comma list of `[!]address[/mask]`: numeric IPv4 or IPv6 \
     (1.2.3.4, 1.2.3.0/24, 1.2.3.0/255.255.255.0, 2001:db8::/32); no host names, no ports";
const MATCH_EXPECTED: &str = "a comma list of IP addresses (optionally with :port), \
     networks (1.2.3.0/24, 1.2.3.0/255.255.255.0, 2001:db8::/32, `!` to exclude) or host names";
const BIND_EXPECTED: &str = "a numeric address with optional port: 0.0.0.0, 0.0.0.0:5060, \
     [::]:5060 or ::";

/// A numeric address without port: dotted IPv4, IPv6 (bare or in brackets, `%zone` allowed).
fn parse_address(text: &str) -> Option<IpAddr> {
    let inner = text
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .unwrap_or(text);
    if let Ok(v4) = inner.parse::<Ipv4Addr>() {
        return (inner.len() == text.len()).then_some(IpAddr::V4(v4));
    }
    let without_zone = match inner.split_once('%') {
        Some((address, zone)) if !zone.is_empty() => address,
        _ => inner,
    };
    without_zone.parse::<Ipv6Addr>().ok().map(IpAddr::V6)
}

/// `ast_sockaddr_parse` with a port allowed: `v4`, `v4:port`, `[v6]`, `[v6]:port`, bare `v6`.
/// Returns the address, or an explanation.
fn parse_address_port(text: &str) -> Result<IpAddr, String> {
    if let Some(rest) = text.strip_prefix('[') {
        let (inside, after) = rest
            .split_once(']')
            .ok_or_else(|| format!("`{text}` has `[` without `]`"))?;
        let address = parse_address(&format!("[{inside}]"))
            .ok_or_else(|| format!("`{inside}` is not an IPv6 address"))?;
        return match after {
            "" => Ok(address),
            _ => match after.strip_prefix(':') {
                Some(port) => check_port(port).map(|()| address),
                None => Err(format!("unexpected `{after}` after `]`")),
            },
        };
    }
    if text.matches(':').count() >= 2 {
        return parse_address(text).ok_or_else(|| format!("`{text}` is not an IPv6 address"));
    }
    let (host, port) = match text.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (text, None),
    };
    let address = host
        .parse::<Ipv4Addr>()
        .map_err(|_| format!("`{host}` is not a numeric IPv4 address"))?;
    if let Some(port) = port {
        check_port(port)?;
    }
    Ok(IpAddr::V4(address))
}

fn check_port(port: &str) -> Result<(), String> {
    match port.parse::<u16>() {
        Ok(_) if port.bytes().all(|b| b.is_ascii_digit()) => Ok(()),
        _ => Err(format!("`{port}` is not a port number (0-65535)")),
    }
}

/// A host name as a resolver would take it: dot-separated labels of letters, digits, `-`
/// and `_`. All-numeric names are rejected: they are broken IPv4 addresses.
fn is_host_name(text: &str) -> bool {
    let name = text.strip_suffix('.').unwrap_or(text);
    let labels_ok = !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        });
    labels_ok
        && !name
            .split('.')
            .all(|l| l.bytes().all(|b| b.is_ascii_digit()))
}

/// One ACL rule `[!]address[/mask]` (`ast_append_ha`): numeric address, no port; the mask is
/// a prefix length or an address of the same family.
fn check_acl_rule(rule: &str) -> Result<(), String> {
    let body = rule.strip_prefix('!').unwrap_or(rule);
    let (address, mask) = match body.split_once('/') {
        Some((address, mask)) => (address, Some(mask)),
        None => (body, None),
    };
    let parsed = parse_address(address).ok_or_else(|| {
        if is_host_name(address) {
            format!("`{address}` is a host name; ACL rules need a numeric address")
        } else {
            format!("`{address}` is not a numeric IP address (ports are not allowed)")
        }
    })?;
    let Some(mask) = mask else {
        return Ok(());
    };
    if mask.contains(['.', ':']) {
        let mask_address =
            parse_address(mask).ok_or_else(|| format!("`{mask}` is not a valid netmask"))?;
        if mask_address.is_ipv4() != parsed.is_ipv4() {
            return Err(format!(
                "address `{address}` and mask `{mask}` are of different IP versions"
            ));
        }
        return Ok(());
    }
    let limit = if parsed.is_ipv4() { 32 } else { 128 };
    match mask.parse::<u32>() {
        Ok(bits) if bits <= limit && mask.bytes().all(|b| b.is_ascii_digit()) => Ok(()),
        _ => Err(format!(
            "`/{mask}` is not a prefix length from 0 to {limit}"
        )),
    }
}

/// `permit`, `deny`, `contact_permit`, `contact_deny`, transport `local_net`.
pub(crate) fn check_acl(spec: &OptionSpec, value: &str) -> Result<Checked, ValueProblem> {
    if value.is_empty() {
        return Ok(Checked::ok());
    }
    for rule in value.split(',') {
        check_acl_rule(rule.trim()).map_err(|why| {
            ValueProblem::new(
                ProblemKind::BadAddress,
                format!("bad {} rule: {why}", spec.name),
                ACL_EXPECTED,
            )
        })?;
    }
    Ok(Checked::ok())
}

/// identify `match`: items trimmed, empty items skipped; `/` means an ACL network,
/// a numeric address may carry a port, anything else is resolved as a host name.
pub(crate) fn check_match(spec: &OptionSpec, value: &str) -> Result<Checked, ValueProblem> {
    for item in super::list_items(value) {
        let result = if item.contains('/') {
            check_acl_rule(item)
        } else if item.starts_with('!') {
            Err(format!(
                "`{item}`: `!` only works on a network with a /mask"
            ))
        } else if parse_address_port(item).is_ok() {
            Ok(())
        } else {
            let host = match item.rsplit_once(':') {
                Some((host, port)) if check_port(port).is_ok() => host,
                _ => item,
            };
            if is_host_name(host) {
                Ok(())
            } else if host.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
                Err(format!("`{host}` is not a valid IPv4 address"))
            } else {
                Err(format!("`{item}` is neither an IP address nor a host name"))
            }
        };
        result.map_err(|why| {
            ValueProblem::new(
                ProblemKind::BadAddress,
                format!("bad {} entry: {why}", spec.name),
                MATCH_EXPECTED,
            )
        })?;
    }
    Ok(Checked::ok())
}

/// transport `bind`: a numeric address with optional port; host names are rejected.
pub(crate) fn check_bind(spec: &OptionSpec, value: &str) -> Result<Checked, ValueProblem> {
    if value.is_empty() {
        return Err(ValueProblem::new(
            ProblemKind::Empty,
            format!("{} needs an address, the value is empty", spec.name),
            BIND_EXPECTED,
        ));
    }
    parse_address_port(value)
        .map(|_| Checked::ok())
        .map_err(|why| {
            let why = if is_host_name(value.rsplit_once(':').map_or(value, |(h, _)| h)) {
                format!("`{value}` is a host name; Asterisk only accepts a numeric address here")
            } else {
                why
            };
            ValueProblem::new(
                ProblemKind::BadAddress,
                format!("bad {}: {why}", spec.name),
                BIND_EXPECTED,
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert!(parse_address("1.2.3.4").is_some());
        assert!(parse_address("[::1]").is_some());
        assert!(parse_address("fe80::1%eth0").is_some());
        assert!(parse_address("[1.2.3.4]").is_none());
        assert!(parse_address_port("1.2.3.4:5060").is_ok());
        assert!(parse_address_port("[2001:db8::1]:5061").is_ok());
        assert!(parse_address_port("1.2.3.4:99999").is_err());
        assert!(is_host_name("sip.example.com"));
        assert!(!is_host_name("1.2.3.256"));
        assert!(!is_host_name("bad host"));
    }
}
