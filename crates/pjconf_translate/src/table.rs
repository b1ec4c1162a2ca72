//! What each chan_sip peer option becomes: the mapping table.
//!
//! Facts from chan_sip's sip.conf.sample (commit e66c5da1) and the reference mapping of
//! sip_to_pjsip.py (peer_map and its helpers), corrected where the script is wrong (see
//! the crate docs). Option names are compared in lower case, as chan_sip's
//! build_peer/handle_common_options compare them (strcasecmp).

use crate::codes;

/// The pjsip object a translated line goes to, for one peer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Kind {
    Endpoint,
    Aor,
    Auth,
    Identify,
}

impl Kind {
    pub(crate) const ALL: [Kind; 4] = [Kind::Endpoint, Kind::Aor, Kind::Auth, Kind::Identify];

    pub(crate) fn type_value(self) -> &'static str {
        match self {
            Kind::Endpoint => "endpoint",
            Kind::Aor => "aor",
            Kind::Auth => "auth",
            Kind::Identify => "identify",
        }
    }

    pub(crate) fn object_type(self) -> pjconf_model::ObjectType {
        use pjconf_model::ObjectType;
        match self {
            Kind::Endpoint => ObjectType::Endpoint,
            Kind::Aor => ObjectType::Aor,
            Kind::Auth => ObjectType::Auth,
            Kind::Identify => ObjectType::Identify,
        }
    }
}

/// The options the peer pass reads from a peer's resolved values (or `[general]`).
pub(crate) const PEER_KEYS: [&str; 18] = [
    "type",
    "host",
    "port",
    "defaultuser",
    "username",
    "secret",
    "md5secret",
    "remotesecret",
    "insecure",
    "transport",
    "defaultip",
    "qualify",
    "qualifyfreq",
    "mailbox",
    "subscribemwi",
    "dtlsenable",
    "encryption",
    "fromuser",
];

/// One translated line.
pub(crate) type Out = (Kind, &'static str, String);

/// A custom translation: the lines, or why the value has no translation.
pub(crate) type CustomFn = fn(&str) -> Result<Vec<Out>, String>;

/// How one chan_sip option is translated.
#[derive(Clone, Copy)]
pub(crate) enum Rule {
    /// The value, unchanged, to this endpoint option.
    Endpoint(&'static str),
    /// The value, unchanged, to this aor option.
    Aor(&'static str),
    /// A value-dependent translation.
    Custom(CustomFn),
    /// Read at the peer from its resolved values (host, secret, insecure, ...): the line is
    /// translated at every peer that has it, not where it is written.
    Peer,
    /// Not translated; reported with this code, reason and alternative.
    Report {
        code: &'static str,
        reason: &'static str,
        instead: Option<&'static str>,
    },
}

const fn no_eq(reason: &'static str, instead: Option<&'static str>) -> Rule {
    Rule::Report {
        code: codes::NO_EQUIVALENT,
        reason,
        instead,
    }
}

const fn decide(reason: &'static str, instead: Option<&'static str>) -> Rule {
    Rule::Report {
        code: codes::NEEDS_DECISION,
        reason,
        instead,
    }
}

const fn obsolete(reason: &'static str) -> Rule {
    Rule::Report {
        code: codes::OBSOLETE,
        reason,
        instead: None,
    }
}

/// chan_sip's boolean reading (ast_true): yes, true, y, t, 1, on.
pub(crate) fn truthy(value: &str) -> bool {
    matches!(
        value.trim().to_ascii_lowercase().as_str(),
        "yes" | "true" | "y" | "t" | "1" | "on"
    )
}

fn yes_no(value: &str) -> String {
    if truthy(value) { "yes" } else { "no" }.to_string()
}

/// The rule for a peer (or `[general]` default) option, `None` when chan_sip does not know
/// the name. `key` is lower case.
pub(crate) fn peer_rule(key: &str) -> Option<Rule> {
    use Rule::{Aor, Custom, Endpoint, Peer};
    Some(match key {
        "context" => Endpoint("context"),
        "allow" => Endpoint("allow"),
        "disallow" => Endpoint("disallow"),
        "dtmfmode" => Custom(dtmfmode),
        "nat" => Custom(nat),
        "directmedia" | "canreinvite" => Custom(directmedia),
        "rtptimeout" => Endpoint("rtp_timeout"),
        "rtpholdtimeout" => Endpoint("rtp_timeout_hold"),
        "rtpkeepalive" => Endpoint("rtp_keepalive"),
        "icesupport" => Endpoint("ice_support"),
        "autoframing" => Endpoint("use_ptime"),
        "outboundproxy" => Custom(outboundproxy),
        "mohsuggest" => Endpoint("moh_suggest"),
        "mohinterpret" | "musicclass" | "musiconhold" => Custom(mohinterpret),
        "session-timers" => Custom(session_timers),
        "session-minse" => Endpoint("timers_min_se"),
        "session-expires" => Endpoint("timers_sess_expires"),
        "callerid" => Endpoint("callerid"),
        "callingpres" => Endpoint("callerid_privacy"),
        "cid_tag" => Endpoint("callerid_tag"),
        "trustrpid" => Custom(|v| Ok(vec![(Kind::Endpoint, "trust_id_inbound", yes_no(v))])),
        "sendrpid" => Custom(sendrpid),
        "rpid_immediate" => Endpoint("rpid_immediate"),
        "send_diversion" => Endpoint("send_diversion"),
        "encryption" => Custom(encryption),
        "avpf" => Endpoint("use_avpf"),
        "force_avp" => Endpoint("force_avp"),
        "recordonfeature" => Custom(|v| {
            Ok(vec![
                (Kind::Endpoint, "one_touch_recording", "yes".into()),
                (Kind::Endpoint, "record_on_feature", v.into()),
            ])
        }),
        "recordofffeature" => Custom(|v| {
            Ok(vec![
                (Kind::Endpoint, "one_touch_recording", "yes".into()),
                (Kind::Endpoint, "record_off_feature", v.into()),
            ])
        }),
        "progressinband" => Custom(|v| Ok(vec![(Kind::Endpoint, "inband_progress", yes_no(v))])),
        "callgroup" => Endpoint("call_group"),
        "pickupgroup" => Endpoint("pickup_group"),
        "namedcallgroup" => Endpoint("named_call_group"),
        "namedpickupgroup" => Endpoint("named_pickup_group"),
        "allowtransfer" => Endpoint("allow_transfer"),
        "fromuser" => Endpoint("from_user"),
        "fromdomain" => Endpoint("from_domain"),
        "mwifrom" | "mwi_from" => Endpoint("mwi_from_user"),
        "tos_audio" => Endpoint("tos_audio"),
        "tos_video" => Endpoint("tos_video"),
        "cos_audio" => Endpoint("cos_audio"),
        "cos_video" => Endpoint("cos_video"),
        "sdpowner" => Endpoint("sdp_owner"),
        "sdpsession" => Endpoint("sdp_session"),
        "tonezone" => Endpoint("tone_zone"),
        "language" => Endpoint("language"),
        "accountcode" => Endpoint("accountcode"),
        "allowsubscribe" => Endpoint("allow_subscribe"),
        "subscribecontext" => Endpoint("subscribe_context"),
        "subminexpiry" => Endpoint("sub_min_expiry"),
        "rtp_engine" => Endpoint("rtp_engine"),
        "busylevel" => Endpoint("device_state_busy_at"),
        "dtlsenable" => Custom(|v| {
            Ok(if truthy(v) {
                vec![(Kind::Endpoint, "media_encryption", "dtls".into())]
            } else {
                vec![]
            })
        }),
        "dtlsverify" => Endpoint("dtls_verify"),
        "dtlsrekey" => Endpoint("dtls_rekey"),
        "dtlscertfile" => Endpoint("dtls_cert_file"),
        "dtlsprivatekey" => Endpoint("dtls_private_key"),
        "dtlscipher" => Endpoint("dtls_cipher"),
        "dtlscafile" => Endpoint("dtls_ca_file"),
        "dtlscapath" => Endpoint("dtls_ca_path"),
        "dtlssetup" => Endpoint("dtls_setup"),
        "dtlsfingerprint" => Endpoint("dtls_fingerprint"),
        "dtlsautogeneratecert" => Endpoint("dtls_auto_generate_cert"),
        "encryption_taglen" => Custom(|v| match v.trim() {
            "32" => Ok(vec![(Kind::Endpoint, "srtp_tag_32", "yes".into())]),
            "80" => Ok(vec![(Kind::Endpoint, "srtp_tag_32", "no".into())]),
            _ => Err("encryption_taglen is 32 or 80".into()),
        }),
        "setvar" => Endpoint("set_var"),
        "t38pt_udptl" => Custom(t38pt_udptl),
        "faxdetect" => Custom(faxdetect),
        "permit" => Endpoint("permit"),
        "deny" => Endpoint("deny"),
        "acl" => Endpoint("acl"),
        "contactpermit" => Endpoint("contact_permit"),
        "contactdeny" => Endpoint("contact_deny"),
        "contactacl" => Endpoint("contact_acl"),
        "rtcp_mux" => Endpoint("rtcp_mux"),
        "preferred_codec_only" => Endpoint("preferred_codec_only"),
        "g726nonstandard" => Endpoint("g726_non_standard"),
        "usereqphone" => Endpoint("user_eq_phone"),
        "allowoverlap" => Custom(|v| match v.trim().to_ascii_lowercase().as_str() {
            "dtmf" => Err("allowoverlap=dtmf (overlap dialing by DTMF) has no pjsip form".into()),
            _ => Ok(vec![(Kind::Endpoint, "allow_overlap", yes_no(v))]),
        }),
        "trust_id_outbound" => Custom(|v| match v.trim().to_ascii_lowercase().as_str() {
            "legacy" => Err("trust_id_outbound=legacy has no pjsip form".into()),
            _ => Ok(vec![(Kind::Endpoint, "trust_id_outbound", yes_no(v))]),
        }),
        "use_q850_reason" => Custom(|v| {
            Ok(vec![(
                Kind::Endpoint,
                "suppress_q850_reason_headers",
                if truthy(v) { "no" } else { "yes" }.into(),
            )])
        }),
        "unsolicited_mailbox" => Endpoint("incoming_mwi_mailbox"),
        "vmexten" => Endpoint("voicemail_extension"),
        "outofcall_message_context" => Endpoint("message_context"),
        "media_address" => Endpoint("media_address"),
        "supportpath" => Aor("support_path"),
        "defaultexpiry" => Aor("default_expiration"),
        "maxexpiry" => Aor("maximum_expiration"),
        "minexpiry" => Aor("minimum_expiration"),
        "transport" | "host" | "port" | "defaultip" | "defaultuser" | "username" | "secret"
        | "md5secret" | "remotesecret" | "insecure" | "type" | "mailbox" | "subscribemwi"
        | "qualify" | "qualifyfreq" => Peer,
        "call-limit" | "incominglimit" | "outgoinglimit" => decide(
            "pjsip has no per-endpoint call limit",
            Some(
                "use device_state_busy_at for busy signalling, or GROUP()/GROUP_COUNT() in the dialplan",
            ),
        ),
        "callcounter" => obsolete("pjsip always tracks device state"),
        "description" => no_eq(
            "pjsip objects have no description",
            Some("keep it as a comment"),
        ),
        "parkinglot" => no_eq(
            "pjsip endpoints have no parking lot",
            Some("set_var = CHANNEL(parkinglot)=<lot>, or set it in the dialplan"),
        ),
        "amaflags" => no_eq(
            "pjsip endpoints have no AMA flags",
            Some("set CDR(amaflags) in the dialplan"),
        ),
        "videosupport" => obsolete(
            "pjsip offers video when a video codec is allowed (max_video_streams limits it)",
        ),
        "textsupport" => no_eq("pjsip does not negotiate T.140 text", None),
        "maxcallbitrate" => no_eq("pjsip has no video bitrate limit", None),
        "rfc2833compensate" => obsolete("res_rtp_asterisk handles RFC 2833 timing itself"),
        "directrtpsetup" => no_eq("pjsip has no early direct RTP setup", None),
        "directmediapermit" | "directmediadeny" | "directmediaacl" => no_eq(
            "pjsip has no direct-media ACL",
            Some("disable_direct_media_on_nat = yes covers the NAT case"),
        ),
        "regexten" => no_eq(
            "pjsip has no per-endpoint registration extension",
            Some("global regcontext creates Noop extensions named after endpoints"),
        ),
        "keepalive" => decide(
            "pjsip has only a global keep-alive",
            Some("global keep_alive_interval"),
        ),
        "ignoresdpversion" => obsolete("pjsip always reads each SDP offer"),
        "promiscredir" => no_eq(
            "pjsip has no promiscuous redirect",
            Some("follow_redirect_methods / redirect_method"),
        ),
        "timert1" | "timerb" => decide(
            "pjsip sets SIP timers for the whole system only",
            Some("system timer_t1 / timer_b"),
        ),
        "buggymwi" => obsolete("a workaround for old Cisco phones"),
        "constantssrc" => no_eq("pjsip has no constant SSRC option", None),
        "jbenable" | "jbforce" | "jbmaxsize" | "jbresyncthreshold" | "jbimpl" | "jblog"
        | "jbtargetextra" => no_eq(
            "jitter buffers are not a channel driver setting under pjsip",
            Some("Set(JITTERBUFFER(adaptive)=default) in the dialplan"),
        ),
        "auth" => decide(
            "per-peer realm credentials (auth=user:secret@realm) need an outbound auth per realm",
            Some("an auth object with realm set, listed in outbound_auth"),
        ),
        "snom_aoc_enabled" => no_eq(
            "pjsip sends AOC only with send_aoc (not Snom's format)",
            None,
        ),
        "accept_outofcall_message" => {
            obsolete("pjsip accepts MESSAGE when res_pjsip_messaging is loaded")
        }
        "auth_message_requests" => {
            decide("pjsip authenticates MESSAGE like any other request", None)
        }
        "rpid_update" => decide(
            "pjsip sends connected line updates per send_connected_line and connected_line_method",
            Some("connected_line_method = update"),
        ),
        "qualifygap" | "qualifypeers" => obsolete("pjsip schedules qualifies per contact"),
        "hasvoicemail" => obsolete("a peer-level flag of old users.conf setups"),
        "useclientcode" => no_eq("pjsip has no client code", None),
        "cos_text" | "tos_text" => no_eq("pjsip does not carry text streams", None),
        "session-refresher" => no_eq("pjsip picks the session-timer refresher itself", None),
        "prematuremedia" => no_eq("pjsip has no premature media filter", None),
        "ignoreregexpire" | "rtcachefriends" | "rtsavesysname" | "rtupdate" | "rtautoclear"
        | "rtsavepath" => obsolete("chan_sip realtime caching; pjsip realtime uses sorcery"),
        "callbackextension" => decide(
            "the callback extension belongs to a registration",
            Some("registration contact_user"),
        ),
        "registertrying" | "notifyhold" | "notifycid" | "notifyringing" => no_eq(
            "pjsip has no such presence/notify tuning",
            Some("endpoint notify_early_inuse_ringing for ringing-while-in-use"),
        ),
        "disallowed_methods" => no_eq("pjsip has no per-endpoint disallowed methods", None),
        "t38pt_usertpsource" => obsolete("pjsip follows the UDPTL source when t38_udptl_nat = yes"),
        "t38pt_udptl_maxdatagram" => Endpoint("t38_udptl_maxdatagram"),
        "rtpbindaddr" => decide(
            "pjsip binds RTP per endpoint with media_address + bind_rtp_to_media_address",
            Some("endpoint media_address with bind_rtp_to_media_address = yes"),
        ),
        "dynamic_exclude_static" => obsolete("pjsip ACLs are explicit"),
        "shrinkcallerid" => no_eq(
            "pjsip never shrinks caller ID",
            Some("FILTER() in the dialplan"),
        ),
        "relaxdtmf" => obsolete("DSP DTMF relaxing is set in dsp.conf"),
        "refer_addheaders" => no_eq("pjsip has no REFER header option", None),
        "storesipcause" => obsolete("HANGUPCAUSE() works with pjsip without this"),
        "allowguest" => decide(
            "pjsip takes guests through an `anonymous` endpoint",
            Some("an endpoint named anonymous with a safe context"),
        ),
        _ => return None,
    })
}

fn dtmfmode(v: &str) -> Result<Vec<Out>, String> {
    // set_dtmfmode in sip_to_pjsip.py; chan_sip's rfc2833 is pjsip's rfc4733.
    let mode = match v.trim().to_ascii_lowercase().as_str() {
        "rfc2833" => "rfc4733",
        "inband" => "inband",
        "info" | "shortinfo" => "info",
        "auto" => "auto",
        other => return Err(format!("dtmfmode `{other}` is not a chan_sip DTMF mode")),
    };
    Ok(vec![(Kind::Endpoint, "dtmf_mode", mode.into())])
}

fn nat(v: &str) -> Result<Vec<Out>, String> {
    // chan_sip (handle_common_options): a comma list of force_rport, comedia,
    // auto_force_rport, auto_comedia; `yes` = force_rport,comedia; `no` = RFC 3581 only
    // (rport when asked); `never` = no rport at all. pjsip has no "auto" variants: they
    // become the unconditional options (pjsip's default force_rport is already yes).
    let (mut rport, mut comedia) = (false, false);
    for part in v.split(',').map(|p| p.trim().to_ascii_lowercase()) {
        match part.as_str() {
            "yes" => (rport, comedia) = (true, true),
            "force_rport" | "auto_force_rport" => rport = true,
            "comedia" | "auto_comedia" => comedia = true,
            "no" | "never" => {}
            "route" => return Err("nat=route (assume NAT without rport) has no pjsip form".into()),
            other => return Err(format!("`{other}` is not a chan_sip nat value")),
        }
    }
    let yn = |b: bool| if b { "yes" } else { "no" }.to_string();
    Ok(vec![
        (Kind::Endpoint, "force_rport", yn(rport)),
        (Kind::Endpoint, "rewrite_contact", yn(rport)),
        (Kind::Endpoint, "rtp_symmetric", yn(comedia)),
    ])
}

fn directmedia(v: &str) -> Result<Vec<Out>, String> {
    // directmedia = yes | no | nonat | update | outgoing, combinable (update,nonat).
    // `nonat` allows direct media only when neither side is behind NAT: pjsip's
    // disable_direct_media_on_nat (sip_to_pjsip.py reads it as `no`).
    let mut out = Vec::new();
    let mut on = false;
    for part in v.split(',').map(|p| p.trim().to_ascii_lowercase()) {
        match part.as_str() {
            "no" => {}
            "yes" => on = true,
            "nonat" => {
                on = true;
                out.push((Kind::Endpoint, "disable_direct_media_on_nat", "yes".into()));
            }
            "update" => {
                on = true;
                out.push((Kind::Endpoint, "direct_media_method", "update".into()));
            }
            "outgoing" => {
                on = true;
                out.push((
                    Kind::Endpoint,
                    "direct_media_glare_mitigation",
                    "outgoing".into(),
                ));
            }
            other => return Err(format!("`{other}` is not a chan_sip directmedia value")),
        }
    }
    let on = if on { "yes" } else { "no" };
    out.insert(0, (Kind::Endpoint, "direct_media", on.into()));
    Ok(out)
}

fn outboundproxy(v: &str) -> Result<Vec<Out>, String> {
    Ok(vec![(Kind::Endpoint, "outbound_proxy", proxy_uri(v))])
}

/// chan_sip's `outboundproxy = host[:port]` (or a URI) as the loose-routing URI pjsip wants.
pub(crate) fn proxy_uri(v: &str) -> String {
    let v = v.trim();
    let lower = v.to_ascii_lowercase();
    if lower.starts_with("sip:") || lower.starts_with("sips:") {
        if lower.contains(";lr") {
            v.to_string()
        } else {
            format!("{v};lr")
        }
    } else {
        format!("sip:{v};lr")
    }
}

fn mohinterpret(v: &str) -> Result<Vec<Out>, String> {
    if v.trim().eq_ignore_ascii_case("passthrough") {
        Ok(vec![(Kind::Endpoint, "moh_passthrough", "yes".into())])
    } else {
        Err(
            "pjsip endpoints have no mohinterpret class; set CHANNEL(musicclass) in the dialplan"
                .into(),
        )
    }
}

fn session_timers(v: &str) -> Result<Vec<Out>, String> {
    // set_timers in sip_to_pjsip.py: originate -> always, refuse -> no, accept -> yes.
    let t = match v.trim().to_ascii_lowercase().as_str() {
        "originate" => "always",
        "refuse" => "no",
        "accept" => "yes",
        other => return Err(format!("`{other}` is not a chan_sip session-timers value")),
    };
    Ok(vec![(Kind::Endpoint, "timers", t.into())])
}

fn sendrpid(v: &str) -> Result<Vec<Out>, String> {
    Ok(match v.trim().to_ascii_lowercase().as_str() {
        "pai" => vec![(Kind::Endpoint, "send_pai", "yes".into())],
        "rpid" => vec![(Kind::Endpoint, "send_rpid", "yes".into())],
        _ => vec![(Kind::Endpoint, "send_rpid", yes_no(v))],
    })
}

fn encryption(v: &str) -> Result<Vec<Out>, String> {
    // encryption=yes is SDES-SRTP in chan_sip; a later dtlsenable=yes overrides it (the
    // peer pass checks dtlsenable).
    let mode = if truthy(v) { "sdes" } else { "no" };
    Ok(vec![(Kind::Endpoint, "media_encryption", mode.into())])
}

fn t38pt_udptl(v: &str) -> Result<Vec<Out>, String> {
    // t38pt_udptl = yes[,redundancy|,fec|,none][,maxdatagram=N]
    let mut parts = v.split(',').map(str::trim);
    let on = parts.next().is_some_and(truthy);
    let mut out = vec![(
        Kind::Endpoint,
        "t38_udptl",
        if on { "yes" } else { "no" }.to_string(),
    )];
    for part in parts {
        let lower = part.to_ascii_lowercase();
        match lower.as_str() {
            "redundancy" | "fec" | "none" => out.push((Kind::Endpoint, "t38_udptl_ec", lower)),
            _ => match lower.strip_prefix("maxdatagram=") {
                Some(n) => out.push((Kind::Endpoint, "t38_udptl_maxdatagram", n.to_string())),
                None => return Err(format!("`{part}` is not a t38pt_udptl flag")),
            },
        }
    }
    Ok(out)
}

fn faxdetect(v: &str) -> Result<Vec<Out>, String> {
    match v.trim().to_ascii_lowercase().as_str() {
        "cng" | "t38" => Ok(vec![(Kind::Endpoint, "fax_detect", "yes".into())]),
        _ => Ok(vec![(Kind::Endpoint, "fax_detect", yes_no(v))]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nat_and_nonat_differ() {
        let no = nat("no").unwrap();
        assert!(no.iter().all(|(_, _, v)| v == "no"));
        let nonat = directmedia("nonat").unwrap();
        assert_eq!(nonat[0].2, "yes");
        assert_eq!(nonat[1].1, "disable_direct_media_on_nat");
    }

    #[test]
    fn proxy_becomes_loose_route_uri() {
        assert_eq!(
            proxy_uri("proxy.example.com:5060"),
            "sip:proxy.example.com:5060;lr"
        );
        assert_eq!(proxy_uri("sip:p.example;lr"), "sip:p.example;lr");
    }
}
