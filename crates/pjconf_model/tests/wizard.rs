//! Wizard expansion against hand-written fixtures (`fixtures/wizard/*.conf`).
//!
//! pjconf_model does not depend on pjconf_syntax, so the fixtures are read by the small reader
//! below (sections, `(!)` templates and parents, `key = value`, `;` comments, `\;`), which is
//! enough for these files. Each fixture's expansion is printed as pjsip.conf-like text with the
//! line:column every value's key and value spans point at, and compared with
//! `fixtures/wizard/<name>.expected`. Set `PJCONF_BLESS=1` to rewrite the expected files, then
//! read every diff.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use pjconf_diagnostics::{FileId, Severity, Span};
use pjconf_model::wizard::{self, Expansion};
use pjconf_model::{ObjectSet, ObjectType, SectionInput, SectionValue};

// ---- a tiny reader for the fixtures ---------------------------------------------------------

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/wizard")
}

/// Read `text` into resolved sections: templates and parents as config.c does (parent values
/// first, marked inherited), values trimmed, `;` comments removed, `\;` read as `;`.
fn read_sections(text: &str) -> Vec<SectionInput> {
    let mut sections: Vec<SectionInput> = Vec::new();
    let mut offset = 0usize;
    for raw_line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw_line.len();
        let line = raw_line.trim_end_matches(['\n', '\r']);
        let code = strip_comment(line);
        let trimmed = code.trim();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.starts_with('#') {
            continue; // #include / #tryinclude: not followed by this reader
        }
        let lead = code.len() - code.trim_start().len();
        let at = |i: usize| (line_start + i) as u32;
        if let Some(rest) = trimmed.strip_prefix('[') {
            let close = rest.find(']').expect("fixture header without ]");
            let name = &rest[..close];
            let name_start = lead + 1;
            let mut section = SectionInput {
                name: name.to_owned(),
                name_span: Span::new(FileId(0), at(name_start), at(name_start + name.len())),
                template: false,
                values: Vec::new(),
            };
            let after = &rest[close + 1..];
            if let Some(options) = after.strip_prefix('(') {
                let options = &options[..options.find(')').expect("fixture header without )")];
                for option in options.split(',') {
                    if option == "!" {
                        section.template = true;
                        continue;
                    }
                    let parent = sections
                        .iter()
                        .find(|s| s.name.eq_ignore_ascii_case(option))
                        .unwrap_or_else(|| panic!("fixture parent {option} not defined above"));
                    section.values.extend(parent.values.iter().map(|v| {
                        SectionValue {
                            inherited_from: v
                                .inherited_from
                                .clone()
                                .or(Some(parent.name.as_str().into())),
                            ..v.clone()
                        }
                    }));
                }
            }
            sections.push(section);
            continue;
        }
        let Some(eq) = code.find('=') else {
            continue; // config.c ignores a line without `=` (with a warning)
        };
        let key_raw = &code[..eq];
        let key = key_raw.trim();
        let key_start = key_raw.len() - key_raw.trim_start().len();
        let mut value_part = &code[eq + 1..];
        let mut value_at = eq + 1;
        if let Some(rest) = value_part.strip_prefix('>') {
            value_part = rest;
            value_at += 1;
        }
        let value_raw = value_part.trim();
        let value_start = value_at + (value_part.len() - value_part.trim_start().len());
        let value_start = if value_raw.is_empty() {
            code.trim_end().len()
        } else {
            value_start
        };
        let section = sections
            .last_mut()
            .expect("fixture option before any section");
        section.values.push(SectionValue {
            key: key.to_owned(),
            value: value_raw.replace("\\;", ";"),
            key_span: Span::new(FileId(0), at(key_start), at(key_start + key.len())),
            value_span: Span::new(
                FileId(0),
                at(value_start),
                at(value_start + value_raw.len()),
            ),
            inherited_from: None,
        });
    }
    sections
}

/// The line up to its first `;` that is not `\;`.
fn strip_comment(line: &str) -> &str {
    let bytes = line.as_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b';' && (i == 0 || bytes[i - 1] != b'\\') {
            return &line[..i];
        }
    }
    line
}

fn read_fixture(name: &str) -> (String, Vec<SectionInput>) {
    let path = fixtures_dir().join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let sections = read_sections(&text);
    (text, sections)
}

// ---- printing -------------------------------------------------------------------------------

/// 1-based line:column of a byte offset.
fn line_col(text: &str, offset: u32) -> String {
    let before = &text[..offset as usize];
    let line = before.matches('\n').count() + 1;
    let col = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    format!("{line}:{col}")
}

fn span_text(text: &str, span: Span) -> String {
    if span.is_empty() {
        format!("{}(empty)", line_col(text, span.start))
    } else {
        format!(
            "{}-{}",
            line_col(text, span.start),
            line_col(text, span.end)
        )
    }
}

/// The expansion as pjsip.conf-like text: each value with where its key and value spans point.
fn render(text: &str, expansion: &Expansion) -> String {
    let mut out = String::new();
    for section in &expansion.sections {
        let template = if section.template { "(!)" } else { "" };
        writeln!(
            out,
            "[{}]{template} ; name {}",
            section.name,
            span_text(text, section.name_span)
        )
        .unwrap();
        for v in &section.values {
            let from = v
                .inherited_from
                .as_deref()
                .map(|t| format!(" (from {t})"))
                .unwrap_or_default();
            let line = format!("{} = {}", v.key, v.value);
            writeln!(
                out,
                "{line:<56} ; key {} value {}{from}",
                span_text(text, v.key_span),
                span_text(text, v.value_span)
            )
            .unwrap();
        }
        out.push('\n');
    }
    for hint in &expansion.hints {
        writeln!(
            out,
            "; hint [{}] exten => {},hint,{} ; {}",
            hint.context,
            hint.exten,
            hint.device,
            span_text(text, hint.span)
        )
        .unwrap();
        if let Some(app) = &hint.application {
            writeln!(
                out,
                "; hint [{}] exten => {},1,{app}",
                hint.context, hint.exten
            )
            .unwrap();
        }
    }
    for d in &expansion.diagnostics {
        writeln!(
            out,
            "{} {} {}: {}",
            d.code,
            d.severity.as_str(),
            span_text(text, d.primary.span),
            d.message
        )
        .unwrap();
        if !d.primary.message.is_empty() {
            writeln!(out, "    label: {}", d.primary.message).unwrap();
        }
        for s in &d.secondary {
            writeln!(out, "    also {}: {}", span_text(text, s.span), s.message).unwrap();
        }
        for n in &d.notes {
            writeln!(out, "    note: {n}").unwrap();
        }
        if let Some(help) = &d.help {
            writeln!(out, "    help: {help}").unwrap();
        }
        if let Some(fix) = &d.fix {
            for e in &fix.edits {
                writeln!(
                    out,
                    "    fix ({:?}): {} {} -> {:?}",
                    fix.applicability,
                    fix.message,
                    span_text(text, e.span),
                    e.content
                )
                .unwrap();
            }
        }
    }
    out
}

/// Expand a fixture and compare its rendering with the `.expected` file.
#[track_caller]
fn check_fixture(name: &str) -> Expansion {
    let (text, sections) = read_fixture(name);
    let expansion = wizard::expand_all(sections);
    let rendered = render(&text, &expansion);
    let expected_path = fixtures_dir().join(name.replace(".conf", ".expected"));
    if std::env::var_os("PJCONF_BLESS").is_some() {
        std::fs::write(&expected_path, &rendered).unwrap();
        return expansion;
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_else(|_| {
        panic!(
            "{} is missing; run with PJCONF_BLESS=1 and review it",
            expected_path.display()
        )
    });
    if expected != rendered {
        let mut diff = String::new();
        for (n, (e, r)) in expected.lines().zip(rendered.lines()).enumerate() {
            if e != r {
                writeln!(diff, "line {}:\n  expected: {e}\n  actual:   {r}", n + 1).unwrap();
            }
        }
        panic!(
            "{name}: expansion differs from {} (expected {} lines, got {}); first differences:\n{diff}\n--- actual ---\n{rendered}",
            expected_path.display(),
            expected.lines().count(),
            rendered.lines().count()
        );
    }
    expansion
}

fn names(expansion: &Expansion) -> Vec<(&str, &str)> {
    expansion
        .sections
        .iter()
        .map(|s| (s.values[0].value.as_str(), s.name.as_str()))
        .collect()
}

fn values<'a>(section: &'a SectionInput, key: &str) -> Vec<&'a str> {
    section
        .values
        .iter()
        .filter(|v| v.key == key)
        .map(|v| v.value.as_str())
        .collect()
}

fn codes(expansion: &Expansion) -> Vec<&'static str> {
    expansion.diagnostics.iter().map(|d| d.code).collect()
}

// ---- the fixtures ---------------------------------------------------------------------------

#[test]
fn phone_accepting_registrations() {
    let x = check_fixture("phone.conf");
    assert_eq!(
        names(&x),
        [
            ("endpoint", "6001"),
            ("aor", "6001"),
            ("auth", "6001-iauth"),
            ("phoneprov", "6001-phoneprov"),
        ]
    );
    assert_eq!(values(&x.sections[0], "auth"), ["6001-iauth"]);
    assert_eq!(values(&x.sections[0], "aors"), ["6001"]);
    assert_eq!(values(&x.sections[0], "transport"), ["transport-udp"]);
    assert!(values(&x.sections[0], "outbound_auth").is_empty());
    assert!(values(&x.sections[1], "contact").is_empty());
    assert_eq!(values(&x.sections[2], "auth_type"), ["userpass"]);
    assert!(x.diagnostics.is_empty(), "{:#?}", x.diagnostics);
    // The objects classify as pjsip objects.
    let set = ObjectSet::classify(x.sections);
    assert!(set.unclassified.is_empty());
    assert_eq!(set.of_type(ObjectType::Phoneprov).count(), 1);
}

#[test]
fn trunk_sending_registrations_to_two_hosts() {
    let x = check_fixture("trunk_registrations.conf");
    assert_eq!(
        names(&x),
        [
            ("endpoint", "itsp"),
            ("aor", "itsp"),
            ("auth", "itsp-oauth"),
            ("identify", "itsp-identify"),
            ("registration", "itsp-reg-0"),
            ("registration", "itsp-reg-1"),
        ]
    );
    let [endpoint, aor, _, identify, reg0, reg1] = &x.sections[..] else {
        unreachable!()
    };
    assert_eq!(values(endpoint, "outbound_auth"), ["itsp-oauth"]);
    assert_eq!(
        values(endpoint, "outbound_proxy"),
        ["sip:proxy.example.net;lr"]
    );
    assert_eq!(
        values(aor, "contact"),
        ["sip:sip1.example.net:5060", "sip:sip2.example.net"]
    );
    assert_eq!(
        values(identify, "match"),
        ["sip1.example.net:5060", "sip2.example.net"]
    );
    assert_eq!(values(reg0, "server_uri"), ["sip:sip1.example.net:5060"]);
    assert_eq!(
        values(reg0, "client_uri"),
        ["sip:4420000@sip1.example.net:5060"]
    );
    assert_eq!(values(reg1, "client_uri"), ["sip:4420000@sip2.example.net"]);
    assert_eq!(values(reg1, "outbound_auth"), ["itsp-oauth"]);
    assert_eq!(values(reg1, "transport"), ["transport-udp"]);
    assert_eq!(values(reg1, "retry_interval"), ["30"]);
    assert!(x.diagnostics.is_empty(), "{:#?}", x.diagnostics);
}

#[test]
fn trunk_with_identify() {
    let x = check_fixture("trunk_identify.conf");
    assert_eq!(
        names(&x),
        [
            ("endpoint", "peer"),
            ("aor", "peer"),
            ("identify", "peer-identify"),
            ("endpoint", "peer2"),
            ("aor", "peer2"),
            ("identify", "peer2-identify"),
        ]
    );
    assert_eq!(
        values(&x.sections[2], "match"),
        ["192.0.2.10", "192.0.2.11:5080"]
    );
    assert_eq!(values(&x.sections[2], "endpoint"), ["peer"]);
    assert_eq!(
        values(&x.sections[5], "match"),
        ["198.51.100.0/24", "203.0.113.9"]
    );
    assert_eq!(values(&x.sections[4], "contact"), ["sip:198.51.100.7"]);
    assert!(x.diagnostics.is_empty(), "{:#?}", x.diagnostics);
}

#[test]
fn sends_line_with_registrations() {
    let x = check_fixture("line.conf");
    assert_eq!(
        names(&x),
        [
            ("endpoint", "carrier"),
            ("aor", "carrier"),
            ("auth", "carrier-oauth"),
            ("registration", "carrier-reg-0"),
        ]
    );
    assert_eq!(values(&x.sections[3], "line"), ["yes"]);
    assert_eq!(values(&x.sections[3], "endpoint"), ["carrier"]);
    assert!(x.diagnostics.is_empty(), "{:#?}", x.diagnostics);
}

#[test]
fn custom_patterns() {
    let x = check_fixture("patterns.conf");
    let pbx2: Vec<_> = x
        .sections
        .iter()
        .filter(|s| s.name.starts_with("pbx2"))
        .collect();
    assert_eq!(
        values(pbx2[1], "contact"),
        ["sips:pbx2.example.org:5061;transport=tls"]
    );
    let reg = pbx2.iter().find(|s| s.name == "pbx2-reg-0").unwrap();
    assert_eq!(
        values(reg, "server_uri"),
        ["sips:pbx2.example.org:5061;transport=tls"]
    );
    assert_eq!(
        values(reg, "client_uri"),
        ["sips:pbx2-main@pbx2.example.org:5061"]
    );
    let pbx3: Vec<_> = x
        .sections
        .iter()
        .filter(|s| s.name.starts_with("pbx3"))
        .collect();
    assert!(values(pbx3[1], "contact").is_empty());
    let reg3 = pbx3.iter().find(|s| s.name == "pbx3-reg-0").unwrap();
    assert!(values(reg3, "server_uri").is_empty());
    assert_eq!(values(reg3, "client_uri"), ["sip:pbx3@pbx3.example.org"]);
    // contact_pattern = (empty) with remote hosts is not "without effect" by our rule: it is
    // what suppresses the contacts.
    assert!(x.diagnostics.is_empty(), "{:#?}", x.diagnostics);
}

#[test]
fn prefixed_options_templates_and_case() {
    let x = check_fixture("prefixed.conf");
    // The template is not a wizard (passed through); `acme` is (type inherited).
    // SENDS_AUTH = Yes is the last sends_auth, so the outbound auth exists.
    assert_eq!(
        names(&x),
        [
            ("wizard", "trunk-defaults"),
            ("endpoint", "acme"),
            ("aor", "acme"),
            ("auth", "acme-oauth"),
            ("identify", "acme-identify"),
        ]
    );
    let endpoint = &x.sections[1];
    assert_eq!(values(endpoint, "allow"), ["!all,ulaw", "g722"]);
    assert!(
        values(endpoint, "language").is_empty(),
        "Endpoint/ is not endpoint/"
    );
    assert_eq!(
        values(&x.sections[2], "contact"),
        ["sip:acme.example.com:5062"]
    );
    assert_eq!(values(&x.sections[3], "realm"), ["acme.example.com"]);
    assert_eq!(values(&x.sections[4], "srv_lookups"), ["no"]);
    // Inherited values keep the template's spans and name it.
    let allow = endpoint.values.iter().find(|v| v.key == "allow").unwrap();
    assert_eq!(allow.inherited_from.as_deref(), Some("trunk-defaults"));
    // registration/ keys inherited but no sends_registrations; Endpoint/ prefix case.
    assert_eq!(codes(&x), ["PJ255", "PJ257"]);
}

#[test]
fn hints() {
    let x = check_fixture("hint.conf");
    let hints: Vec<_> = x
        .hints
        .iter()
        .map(|h| {
            (
                h.context.as_str(),
                h.exten.as_str(),
                h.application.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        hints,
        [
            ("hints", "7001", Some("Gosub(stdexten,${EXTEN},1(${HINT}))")),
            ("office", "7002", None),
            ("default", "7003", None),
            ("office", "7002", None),
        ]
    );
    assert_eq!(x.hints[0].device, "PJSIP/7001");
    assert_eq!(x.hints[3].device, "PJSIP/7004");
    assert_eq!(codes(&x), ["PJ257"], "{:#?}", x.diagnostics);
    assert!(
        x.diagnostics[0]
            .message
            .contains("replaced by the one of wizard `7004`")
    );
}

#[test]
fn errors_and_silent_behaviour() {
    let x = check_fixture("errors.conf");
    // nohosts: endpoint and aor only (auth failed, inbound skipped; no identify; no registrations).
    let nohosts: Vec<_> = names(&x)
        .into_iter()
        .filter(|(_, n)| n.starts_with("nohosts"))
        .collect();
    assert_eq!(nohosts, [("endpoint", "nohosts"), ("aor", "nohosts")]);
    // noprov: no phoneprov object.
    assert!(!x.sections.iter().any(|s| s.name == "noprov-phoneprov"));
    let mut all = codes(&x);
    all.sort_unstable();
    all.dedup();
    assert_eq!(
        all,
        [
            "PJ250", "PJ251", "PJ252", "PJ254", "PJ255", "PJ256", "PJ257", "PJ258", "PJ259"
        ]
    );
    // Every code used is in the table, with the severity the table gives.
    for d in &x.diagnostics {
        let row = wizard::codes::CODES
            .iter()
            .find(|(code, _, _)| *code == d.code)
            .unwrap();
        assert_eq!(row.1, d.severity, "{}", d.code);
    }
}

#[test]
fn which_sections_are_wizards() {
    let x = check_fixture("not_wizard.conf");
    assert_eq!(
        names(&x),
        [
            ("Wizard", "upper"),
            ("wizard", "upper-key"),
            ("wizard", "tpl"),
            ("endpoint", "later-type"),
            ("aor", "later-type"),
            ("identify", "later-type-identify"),
            ("endpoint", "endpoint-6001"),
            ("endpoint", "odd"),
            ("aor", "odd"),
            ("identify", "odd-identify"),
        ]
    );
    // Non-wizards pass through unchanged.
    let (_, sections) = read_fixture("not_wizard.conf");
    assert_eq!(x.sections[0], sections[0]);
    assert!(x.sections[2].template);
}

#[test]
fn codes_are_unique_and_in_range() {
    let mut seen = std::collections::BTreeSet::new();
    for (code, severity, summary) in wizard::codes::CODES {
        assert!(seen.insert(*code), "duplicate {code}");
        let n: u32 = code[2..].parse().unwrap();
        assert!((250..=259).contains(&n), "{code} outside PJ250..PJ259");
        assert!(!summary.is_empty());
        assert!(matches!(severity, Severity::Error | Severity::Warning));
    }
}

#[test]
fn expand_of_a_non_wizard_is_empty() {
    let (_, sections) = read_fixture("not_wizard.conf");
    assert_eq!(wizard::expand(&sections[0]), Expansion::default());
    assert!(
        !wizard::is_wizard(&sections[2]),
        "templates are never wizards"
    );
    assert!(wizard::is_wizard(&sections[3]));
}

#[test]
fn spans_of_prefixed_keys_point_at_the_option_name() {
    let (text, sections) = read_fixture("phone.conf");
    let x = wizard::expand(&sections[0]);
    let context = x.sections[0]
        .values
        .iter()
        .find(|v| v.key == "context")
        .unwrap();
    assert_eq!(&text[context.key_span.range()], "context");
    assert_eq!(&text[context.value_span.range()], "from-phones");
    let aors = x.sections[0]
        .values
        .iter()
        .find(|v| v.key == "aors")
        .unwrap();
    assert_eq!(&text[aors.key_span.range()], "6001");
    let iauth = x.sections[0]
        .values
        .iter()
        .find(|v| v.key == "auth")
        .unwrap();
    assert_eq!(&text[iauth.key_span.range()], "accepts_auth");
    let (text, sections) = read_fixture("trunk_registrations.conf");
    let x = wizard::expand(&sections[0]);
    let reg1 = &x.sections[5];
    let server = reg1.values.iter().find(|v| v.key == "server_uri").unwrap();
    assert_eq!(&text[server.value_span.range()], "sip2.example.net");
    assert_eq!(&text[server.key_span.range()], "remote_hosts");
}

// ---- the corpus against what Asterisk 22 created --------------------------------------------

#[path = "wizard/oracle.rs"]
mod oracle;

/// Every corpus wizard file against the counts and handler errors a real Asterisk 22.10.1
/// reported, read with the fixture reader (includes are not followed: files with include lines
/// are compared with the "without includes" verdict). `wizard_oracle.rs.txt` runs the same
/// check with pjconf_syntax as the reader.
#[test]
fn corpus_wizard_files_match_asterisk() {
    oracle::check_corpus(read_sections);
}
