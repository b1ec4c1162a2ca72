//! IP addresses and networks as identify `match` and transport `bind` write them.

use std::net::{Ipv4Addr, Ipv6Addr};

/// An IPv4 or IPv6 address as a number, with its family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Addr {
    /// True for IPv6.
    pub(crate) v6: bool,
    /// The address bits (IPv4 in the low 32 bits).
    pub(crate) bits: u128,
}

impl Addr {
    fn width(self) -> u8 {
        if self.v6 { 128 } else { 32 }
    }

    /// True for `0.0.0.0` and `::`.
    pub(crate) fn is_unspecified(self) -> bool {
        self.bits == 0
    }
}

/// A network: an address with the host bits cleared, and a prefix length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Network {
    /// The first address.
    pub(crate) start: Addr,
    /// The prefix length (32 or 128 for one host).
    pub(crate) prefix: u8,
}

impl Network {
    /// True when every address of `other` is in `self`.
    pub(crate) fn contains(&self, other: &Network) -> bool {
        self.start.v6 == other.start.v6
            && self.prefix <= other.prefix
            && masked(other.start, self.prefix) == self.start.bits
    }
}

fn masked(addr: Addr, prefix: u8) -> u128 {
    let width = addr.width();
    let host_bits = u32::from(width - prefix.min(width));
    let host_mask = if host_bits >= 128 {
        u128::MAX
    } else {
        (1u128 << host_bits) - 1
    };
    addr.bits & !host_mask
}

/// An address with an optional port: `1.2.3.4`, `1.2.3.4:5060`, `::1`, `[::1]`, `[::1]:5060`.
/// `None` for a host name or anything else that is not an IP address.
pub(crate) fn parse_host_port(text: &str) -> Option<(Addr, Option<u16>)> {
    let text = text.trim();
    if let Some(rest) = text.strip_prefix('[') {
        let (host, after) = rest.split_once(']')?;
        let addr = parse_addr(host)?;
        let port = match after.strip_prefix(':') {
            Some(port) => Some(port.parse().ok()?),
            None if after.is_empty() => None,
            None => return None,
        };
        return Some((addr, port));
    }
    if let Some(addr) = parse_addr(text) {
        return Some((addr, None));
    }
    let (host, port) = text.rsplit_once(':')?;
    let addr = parse_addr(host).filter(|a| !a.v6)?;
    Some((addr, Some(port.parse().ok()?)))
}

fn parse_addr(text: &str) -> Option<Addr> {
    if let Ok(v4) = text.parse::<Ipv4Addr>() {
        return Some(Addr {
            v6: false,
            bits: u128::from(u32::from(v4)),
        });
    }
    text.parse::<Ipv6Addr>().ok().map(|v6| Addr {
        v6: true,
        bits: u128::from(v6),
    })
}

/// One identify `match` item as a network: `10.0.0.1`, `10.0.0.0/8`, `10.0.0.0/255.0.0.0`,
/// `2001:db8::/32`, `[2001:db8::1]`; a port is ignored. `None` for a host name, a `!`
/// exclusion, or anything unreadable.
pub(crate) fn parse_network(text: &str) -> Option<Network> {
    let text = text.trim();
    if text.starts_with('!') {
        return None;
    }
    let (host, mask) = match text.split_once('/') {
        Some((host, mask)) => (host, Some(mask.trim())),
        None => (text, None),
    };
    let (addr, _port) = parse_host_port(host)?;
    let width = addr.width();
    let prefix = match mask {
        None => width,
        Some(mask) => match mask.parse::<u8>() {
            Ok(prefix) if prefix <= width => prefix,
            Ok(_) => return None,
            Err(_) => dotted_prefix(mask).filter(|_| !addr.v6)?,
        },
    };
    Some(Network {
        start: Addr {
            v6: addr.v6,
            bits: masked(addr, prefix),
        },
        prefix,
    })
}

/// The prefix length of a dotted IPv4 netmask with contiguous ones (`255.255.0.0` → 16).
fn dotted_prefix(mask: &str) -> Option<u8> {
    let bits = u32::from(mask.parse::<Ipv4Addr>().ok()?);
    let ones = bits.leading_ones();
    (bits.checked_shl(ones).unwrap_or(0) == 0).then_some(ones as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net(text: &str) -> Network {
        parse_network(text).unwrap()
    }

    #[test]
    fn networks() {
        assert!(net("10.0.0.0/8").contains(&net("10.1.2.3")));
        assert!(net("10.0.0.0/255.0.0.0").contains(&net("10.9.0.0/16")));
        assert!(!net("10.0.0.0/16").contains(&net("10.1.0.0/16")));
        assert!(net("10.1.2.3/8").contains(&net("10.200.0.1")));
        assert!(net("0.0.0.0/0").contains(&net("192.0.2.1")));
        assert!(net("2001:db8::/32").contains(&net("[2001:db8::1]")));
        assert!(!net("2001:db8::/32").contains(&net("10.0.0.1")));
        assert!(net("::/0").contains(&net("::1")));
        assert_eq!(net("192.0.2.1:5060"), net("192.0.2.1"));
        assert!(parse_network("sip.example.com").is_none());
        assert!(parse_network("!10.0.0.0/8").is_none());
        assert!(parse_network("10.0.0.0/33").is_none());
        assert!(parse_network("10.0.0.0/255.0.255.0").is_none());
    }

    #[test]
    fn host_ports() {
        let (addr, port) = parse_host_port("[::]:5061").unwrap();
        assert!(addr.v6 && addr.is_unspecified());
        assert_eq!(port, Some(5061));
        assert_eq!(parse_host_port("0.0.0.0").unwrap().1, None);
        assert_eq!(parse_host_port("192.0.2.1:5080").unwrap().1, Some(5080));
        assert!(parse_host_port("pbx.example.com:5060").is_none());
    }
}
