//! Translates chan_sip's `sip.conf` into PJSIP objects, and reports every option it could
//! not translate.
//!
//! # What it does
//! - `[general]`: transports (`transport-udp`, `transport-tcp`, `transport-tls`) from the
//!   bind, TCP/TLS and NAT settings; `global` and `system` from `useragent`, `realm`, the SIP
//!   timers, ...; the peer defaults chan_sip applied to every peer become the templates
//!   [`GENERAL_ENDPOINT`] and [`GENERAL_AOR`], which every endpoint and aor inherits.
//! - `register =>` lines: a `registration` with its outbound `auth`, linked (`line = yes`,
//!   `endpoint = <peer>`) to the trunk peer it belongs to (the `peer?` prefix, else the peer
//!   with the same host).
//! - Each peer, friend or user `X`: endpoint `X` (`aors = X`), aor `X` (`max_contacts = 1`
//!   for `host = dynamic`, `contact` for a fixed host), auth `X` when chan_sip would challenge
//!   it, a separate outbound auth `X-oauth` when the credentials Asterisk sends differ
//!   (`defaultuser`, `remotesecret`), identify `X` for a fixed host. ACLs stay per endpoint.
//! - Templates stay templates: `[t](!)` becomes `t-endpoint`, `t-aor`, ... (one per object
//!   type its lines feed) and a peer `[x](t)` gets sections that inherit them in the same
//!   order; with [`Options::flatten`] every section carries its values itself.
//! - Comments above a header go to the section, trailing comments to the option.
//! - Nothing is dropped silently: every option that is not translated is one diagnostic in
//!   [`Translation::report`] (codes `PJ3xx`, [`codes`]), with its span, the reason and what
//!   to do instead.
//!
//! # Where sip_to_pjsip.py is wrong and this crate is not
//! `directmedia = nonat` is `disable_direct_media_on_nat` (not `direct_media = no`);
//! `nat = no` turns rport/comedia off; `encryption = yes` is SDES; `outbound_auth` always
//! names an auth that exists; the outbound user name is `defaultuser`/`username`; ACLs are
//! per endpoint, not one global `[acl]`; `insecure = invite` drops the inbound auth of an
//! address-matched peer; `qualify` is translated; registrations are linked to their trunk;
//! fragments and files with options before the first header convert (with a diagnostic).
//!
//! ```
//! use pjconf_syntax::{LoadOptions, MemoryLoader, load};
//! use pjconf_translate::{Options, translate};
//!
//! let mut files = MemoryLoader::new();
//! files.insert(
//!     "sip.conf",
//!     "[general]\ncontext=from-phones\n[phone](!)\ntype=friend\nhost=dynamic\ndtmfmode=rfc2833\n\
//!      [6001](phone)\nsecret=s3cret\n",
//! );
//! let config = load(&files, "sip.conf", &LoadOptions::default()).unwrap();
//! let translation = translate(&config, &Options::default());
//! let text = translation.text().unwrap();
//! assert!(text.contains("[phone-endpoint](!)\ndtmf_mode = rfc4733\n"));
//! assert!(text.contains("[6001](sip-general-endpoint,phone-endpoint)\ntype = endpoint\n"));
//! assert!(text.contains("password = s3cret"));
//! assert!(!translation.needs_attention());
//! ```

#![warn(missing_docs)]

pub mod codes;
mod convert;
mod error;
mod general;
mod out;
mod register;
mod source;
mod split;
mod table;

use pjconf_diagnostics::{Diagnostic, Severity};
use pjconf_emit::{Document, EmitItem, emit};
use pjconf_syntax::LoadedConfig;

pub use error::TranslateError;
pub use general::{GENERAL_AOR, GENERAL_ENDPOINT};
pub use split::SplitFile;

/// How to translate.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Resolve every template into the sections that inherit it and drop the templates.
    pub flatten: bool,
}

/// Counts of one translation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Peers, friends and users converted.
    pub peers: usize,
    /// sip.conf templates converted into pjsip templates.
    pub templates: usize,
    /// Registrations written.
    pub registrations: usize,
    /// Option lines translated.
    pub translated: usize,
    /// Option lines listed in the report instead.
    pub reported: usize,
    /// Sections not converted (no or unknown `type`).
    pub skipped_sections: usize,
}

/// The result of [`translate`].
#[derive(Debug, Clone)]
pub struct Translation {
    /// The pjsip.conf sections, in output order.
    pub document: Document,
    /// Every option not translated and every approximation, one diagnostic each (`PJ3xx`).
    pub report: Vec<Diagnostic>,
    /// Counts.
    pub stats: Stats,
}

impl Translation {
    /// The document as pjsip.conf text.
    pub fn text(&self) -> Result<String, TranslateError> {
        emit(&self.document).map_err(TranslateError::Emit)
    }

    /// True when the report lists something a person has to look at (a warning or worse):
    /// `pjconf convert` then exits 1.
    pub fn needs_attention(&self) -> bool {
        self.report.iter().any(|d| d.severity >= Severity::Warning)
    }
}

/// Translate a loaded sip.conf (with its includes).
///
/// Never fails: whatever cannot be translated is in [`Translation::report`]. Syntax
/// diagnostics of the input stay in `config.diagnostics`.
pub fn translate(config: &LoadedConfig, options: &Options) -> Translation {
    let mut graph = pjconf_templates::TemplateGraph::from_config(config);
    let mut cx = convert::Cx::new(config, &graph);
    let mut general_values = Vec::new();
    let preamble = cx.preamble();
    if let Some(first) = preamble.first() {
        cx.report.push(
            Diagnostic::new(
                codes::FRAGMENT_AS_GENERAL,
                Severity::Info,
                format!(
                    "{} option line(s) before the first section header read as [general]",
                    preamble.len()
                ),
                first.key_span,
            )
            .with_note("chan_sip rejects such a file on its own; it is a fragment meant to be included into [general]"),
        );
    }
    general_values.extend(preamble);
    let ids: Vec<_> = cx.graph.ids().collect();
    cx.find_superseded();
    cx.items.reserve(ids.len() * 4 + 16);
    let mut general_span = None;
    for &id in &ids {
        let info = cx.graph.info(id);
        if !info.template && info.name.eq_ignore_ascii_case("general") {
            general_span.get_or_insert(info.name_span);
            general_values.extend(cx.all_values(id));
        }
    }
    cx.items.push(EmitItem::Comment(
        "Converted from chan_sip sip.conf by pjconf convert.".to_string(),
    ));
    cx.general(general_values, general_span);
    for &id in &ids {
        let info = cx.graph.info(id);
        let name = info.name.clone();
        if name.eq_ignore_ascii_case("general") && !info.template {
            continue;
        }
        if name.eq_ignore_ascii_case("authentication") && !info.template {
            for v in cx.all_values(id) {
                cx.not_translated(
                    &v,
                    codes::NEEDS_DECISION,
                    "realm credentials of [authentication] need an outbound auth per realm",
                    Some("an auth object with that realm, listed in the outbound_auth of the endpoints that use it"),
                );
            }
            continue;
        }
        if info.template {
            cx.template(id);
        } else {
            cx.peer(id);
        }
    }
    cx.registrations();
    let convert::Cx {
        mut report,
        items,
        stats,
        ..
    } = cx;
    // Problems of the input's templates (a parent that is missing or defined below) lose
    // inherited options: they belong in the report too.
    report.extend(graph.take_diagnostics());
    let mut document = Document { items };
    if options.flatten {
        match pjconf_emit::flatten(&document) {
            Ok(flat) => document = flat,
            Err(diagnostics) => report.extend(diagnostics),
        }
    }
    // A line copied into several peers is reported once.
    let mut seen = std::collections::HashSet::with_capacity(report.len());
    report.retain(|d| seen.insert((d.code, d.primary.span)));
    Translation {
        document,
        report,
        stats,
    }
}
