//! `register =>` lines of `[general]`.
//!
//! Form (sip.conf.sample, chan_sip's sip_register_parse):
//! `[peer?][transport://]user[@domain][:secret[:authuser]]@host[:port][/extension][~expiry]`.
//! The last `@` separates the host part, so a user part may itself hold an `@domain`.

/// One parsed register line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct RegisterLine {
    pub(crate) peer: Option<String>,
    pub(crate) transport: Option<String>,
    pub(crate) user: String,
    pub(crate) domain: Option<String>,
    pub(crate) domain_port: Option<String>,
    pub(crate) secret: Option<String>,
    pub(crate) authuser: Option<String>,
    pub(crate) host: String,
    pub(crate) port: Option<String>,
    pub(crate) extension: Option<String>,
    pub(crate) expiry: Option<String>,
}

/// Read a register line, or say why it cannot be read.
pub(crate) fn parse(line: &str) -> Result<RegisterLine, String> {
    let mut rest = line.trim();
    let mut reg = RegisterLine::default();
    // `peer?` prefix: the peer whose settings the registration uses.
    if let Some(q) = rest.find('?')
        && !rest[..q].contains(['@', ':', '/'])
    {
        reg.peer = Some(rest[..q].trim().to_string()).filter(|p| !p.is_empty());
        rest = &rest[q + 1..];
    }
    if let Some(p) = rest.find("://") {
        let t = rest[..p].trim().to_ascii_lowercase();
        if !matches!(t.as_str(), "udp" | "tcp" | "tls") {
            return Err(format!("unknown transport `{t}`"));
        }
        reg.transport = Some(t);
        rest = &rest[p + 3..];
    }
    if let Some(t) = rest.rfind('~') {
        let expiry = rest[t + 1..].trim();
        if !expiry.chars().all(|c| c.is_ascii_digit()) || expiry.is_empty() {
            return Err(format!("expiry `{expiry}` is not a number"));
        }
        reg.expiry = Some(expiry.to_string());
        rest = &rest[..t];
    }
    let Some(at) = rest.rfind('@') else {
        return Err("no `@host` part".into());
    };
    let (left, mut host) = (&rest[..at], &rest[at + 1..]);
    if let Some(slash) = host.find('/') {
        let ext = host[slash + 1..].trim();
        reg.extension = Some(ext.to_string()).filter(|e| !e.is_empty());
        host = &host[..slash];
    }
    let (h, port) = split_port(host.trim());
    if h.is_empty() {
        return Err("empty host".into());
    }
    reg.host = h.to_string();
    reg.port = port.map(str::to_string);
    // The user part: user[@domain[:port]][:secret[:authuser]].
    let (user, creds) = match left.find('@') {
        Some(a) => {
            let user = &left[..a];
            let mut fields = left[a + 1..].split(':');
            let domain = fields.next().unwrap_or_default();
            reg.domain = Some(domain.to_string()).filter(|d| !d.is_empty());
            let rest: Vec<&str> = fields.collect();
            let rest = match rest.first() {
                Some(p) if !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()) => {
                    reg.domain_port = Some(p.to_string());
                    rest[1..].to_vec()
                }
                _ => rest,
            };
            (user, rest)
        }
        None => {
            let mut fields = left.split(':');
            let user = fields.next().unwrap_or_default();
            (user, fields.collect())
        }
    };
    reg.user = user.trim().to_string();
    if reg.user.is_empty() {
        return Err("empty user".into());
    }
    reg.secret = creds
        .first()
        .map(|s| s.to_string())
        .filter(|s| !s.is_empty());
    reg.authuser = creds
        .get(1)
        .map(|s| s.to_string())
        .filter(|s| !s.is_empty());
    Ok(reg)
}

/// `host[:port]`, IPv6 in brackets kept whole.
pub(crate) fn split_port(host: &str) -> (&str, Option<&str>) {
    if host.starts_with('[') {
        if let Some(end) = host.find(']') {
            let port = host[end + 1..].strip_prefix(':').filter(|p| !p.is_empty());
            return (&host[..=end], port);
        }
        return (host, None);
    }
    match host.rsplit_once(':') {
        Some((h, p)) if !h.contains(':') => (h, Some(p).filter(|p| !p.is_empty())),
        _ => (host, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form() {
        let r = parse("1234:password@mysipprovider.com").unwrap();
        assert_eq!(
            (r.user.as_str(), r.secret.as_deref()),
            ("1234", Some("password"))
        );
        assert_eq!(r.host, "mysipprovider.com");
        let r = parse("2345:password@sip_proxy/1234").unwrap();
        assert_eq!(r.extension.as_deref(), Some("1234"));
        let r = parse("3456@mydomain:5082::@mysipprovider.com").unwrap();
        assert_eq!(r.domain.as_deref(), Some("mydomain"));
        assert_eq!(r.domain_port.as_deref(), Some("5082"));
        assert_eq!(r.secret, None);
        let r = parse("tls://username:xxxxxx@sip-tls-proxy.example.org").unwrap();
        assert_eq!(r.transport.as_deref(), Some("tls"));
        let r = parse("trunk?tcp://u:s:au@host.example:5070/100~300").unwrap();
        assert_eq!(r.peer.as_deref(), Some("trunk"));
        assert_eq!(r.authuser.as_deref(), Some("au"));
        assert_eq!(r.port.as_deref(), Some("5070"));
        assert_eq!(r.expiry.as_deref(), Some("300"));
        assert!(parse("nohost").is_err());
    }
}
