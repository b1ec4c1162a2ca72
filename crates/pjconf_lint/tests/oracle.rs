//! Oracle test: compare pjconf's verdicts with what a real Asterisk 22.10.1 logged and created
//! for every corpus file (`../shared/reference/asterisk-verdicts.tsv`).
//!
//! What is checked, per TSV row:
//! 1. **Rejected files.** A file Asterisk refused wholesale ("Contents of config file ... are
//!    invalid") must get at least one error-level finding, so `pjconf lint` exits 1.
//! 2. **Refused objects.** Every object Asterisk refused ("Could not create an object of type
//!    'T' with id 'X'", "Could not find option suitable for category 'X' ... at line N of ",
//!    "Error parsing K=V at line N of ", "Unable to create objects for wizard 'X'") must get an
//!    error-level finding whose primary span is inside section X (header line up to the next
//!    header) of the top file, or on the very line Asterisk names (an option inherited from a
//!    template is reported where it is written).
//! 3. **Cleanly loaded files** (not rejected, no ERROR besides environment artifacts) that pjconf
//!    flags at error level are printed with their codes and first message. Each such finding must
//!    have a code from [`SILENT_CODES`]: a case `asterisk-behaviour.md` lists as one Asterisk
//!    loads without a word. Any other code there is a false alarm and fails the test.
//!
//! What is not compared:
//! - **Environment artifacts** (column `env_artifacts`: a bind to a non-local IP, DNS failure of a
//!   valid FQDN, absent TLS certificate files, and the objects they broke) are facts about the
//!   sandbox, not the configuration; they are dropped from the messages before matching.
//! - **`#exec`** (PJ016) is pjconf's policy, not an Asterisk error; its findings are ignored.
//! - **Resolved includes.** The corpus holds flattened file names, so pjconf cannot find
//!   include targets that the oracle placed next to the file (column `includes`: `-> corpus/...`).
//!   For such files the row's `verdict_without_includes` (the same file loaded with every
//!   `#include`/`#tryinclude`/`#exec` line commented out) is the reference instead, and PJ020
//!   (missing include) / PJ021 (include cycle) findings are ignored. Files whose include targets
//!   were all absent are compared with the primary verdict: Asterisk rejects them for the missing
//!   `#include`, and pjconf must report PJ020 at error level.
//! - **Known gap: registrations in a file without transports.** Asterisk refuses such a
//!   registration without a message of its own (res_pjsip_outbound_registration.c: regc_alloc ->
//!   sip_dialog_create_contact finds no local address for the server URI's transport type and
//!   returns -1). No rule flags it, because a file without transports is usually a fragment or a
//!   pjsip_wizard.conf whose transports live in pjsip.conf, where the same check would be a false
//!   alarm. Such refusals are counted and printed as known gaps, not failures.
//! - Messages the TSV truncated (an id cut off by the 600-character limit) are skipped.
//! - `sip/` files: chan_sip is not in Asterisk 22, so the oracle has no row for them.

#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use pjconf_diagnostics::{Diagnostic, FileId};
use pjconf_lint::{CheckReport, FileKind, Selection, check_config};
use pjconf_syntax::{LoadOptions, LoadedConfig, StdLoader, load};

const SHARED: &str = "../../../shared";
const VERDICTS: &str = "reference/asterisk-verdicts.tsv";

/// Error-level codes that may fire on a file Asterisk loaded without an ERROR, each a case
/// `asterisk-behaviour.md` ("What Asterisk reports, and what it silently accepts") lists as silent:
const SILENT_CODES: &[(&str, &str)] = &[
    (
        "PJ202",
        "unknown-object-type: 'a type spelled wrong or in another case (type=Endpoint) | nothing: \
         the section is ignored | silent loss of an object'",
    ),
    (
        "PJ206",
        "unknown-reference: 'endpoint aors= or auth= naming nothing | nothing at load' and \
         'identify endpoint= naming nothing | nothing at load'; an endpoint `transport` is only \
         looked up when a request is sent, and wizard files were loaded next to a pjsip.conf \
         transport that pjconf does not see",
    ),
];

/// Codes never compared: `#exec` is refused by pjconf's policy, not by Asterisk.
const IGNORED_CODES: &[&str] = &["PJ016"];

/// Codes ignored when the oracle resolved includes pjconf cannot see.
const INCLUDE_CODES: &[&str] = &["PJ020", "PJ021"];

/// One load's outcome as the TSV reports it.
#[derive(Debug, Default)]
struct Verdict {
    rejected: bool,
    errors: u32,
    messages: Vec<String>,
    env: Vec<String>,
}

/// One TSV row, reduced to what the comparison uses.
#[derive(Debug)]
struct Row {
    file: String,
    reject_reason: String,
    primary: Verdict,
    without_includes: Option<Verdict>,
    includes: String,
}

impl Row {
    /// True when the oracle placed at least one include target next to the file.
    fn resolved_includes(&self) -> bool {
        self.includes.contains("-> corpus/") || self.includes.contains("-> reference/")
    }
}

fn split_messages(text: &str) -> Vec<String> {
    if text.trim() == "-" || text.trim().is_empty() {
        return Vec::new();
    }
    text.split(" | ").map(|m| m.trim().to_string()).collect()
}

/// Parse `rejected=no; E=0 W=0; ep=..; <messages>; env: <messages>; binds rewritten: ..`.
fn parse_verdict(text: &str) -> Option<Verdict> {
    if text.trim() == "-" {
        return None;
    }
    let mut verdict = Verdict::default();
    for (i, part) in text.split("; ").enumerate() {
        if let Some(r) = part.strip_prefix("rejected=") {
            verdict.rejected = r.trim() == "yes";
        } else if let Some(e) = part.strip_prefix("E=") {
            verdict.errors = e.split_whitespace().next()?.parse().ok()?;
        } else if let Some(env) = part.strip_prefix("env: ") {
            verdict.env.extend(split_messages(env));
        } else if part.starts_with("binds rewritten") || (i == 2 && part.starts_with("ep=")) {
        } else {
            verdict.messages.extend(split_messages(part));
        }
    }
    Some(verdict)
}

fn parse_rows(text: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut header: Option<Vec<&str>> = None;
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let Some(names) = &header else {
            header = Some(fields);
            continue;
        };
        let col = |name: &str| -> &str {
            let i = names.iter().position(|n| *n == name).unwrap_or_else(|| {
                panic!("{VERDICTS}: no column {name}");
            });
            fields.get(i).copied().unwrap_or("-")
        };
        rows.push(Row {
            file: col("file").to_string(),
            reject_reason: col("reject_reason").to_string(),
            primary: Verdict {
                rejected: col("rejected") == "yes",
                errors: col("errors").parse().unwrap_or(0),
                messages: split_messages(col("messages")),
                env: split_messages(col("env_artifacts")),
            },
            without_includes: parse_verdict(col("verdict_without_includes")),
            includes: col("includes").to_string(),
        });
    }
    rows
}

/// Text between the first `'` after `marker` and the next `'`.
fn quoted_after<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    let rest = &text[text.find(marker)? + marker.len()..];
    let rest = &rest[rest.find('\'')? + 1..];
    Some(&rest[..rest.find('\'')?])
}

/// `at line N of F`: N, when F is empty (the top file).
fn top_file_line(text: &str) -> Option<u32> {
    let rest = &text[text.find(" at line ")? + " at line ".len()..];
    let (n, rest) = rest.split_once(" of")?;
    // A repeated message ends in ` (xN)`, which is no file name.
    let file = rest.trim();
    let file = match file.rfind("(x") {
        Some(i) if file.ends_with(')') => file[..i].trim(),
        _ => file,
    };
    if !file.is_empty() {
        return None;
    }
    n.trim().parse().ok()
}

/// An object Asterisk refused, as its log names it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Refusal {
    /// `Could not create an object of type 'T' with id 'X'`.
    Object { kind: String, id: String },
    /// `Could not find option suitable for category 'X' named 'K' at line N of `.
    Option { id: String, line: Option<u32> },
    /// `Error parsing K=V at line N of ` (the section holding line N).
    Line { line: u32 },
    /// `Unable to create objects for wizard 'X'`.
    Wizard { id: String },
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Object { kind, id } => write!(f, "{kind} '{id}'"),
            Refusal::Option { id, line } => match line {
                Some(n) => write!(f, "'{id}' (option at line {n})"),
                None => write!(f, "'{id}' (option)"),
            },
            Refusal::Line { line } => write!(f, "line {line}"),
            Refusal::Wizard { id } => write!(f, "wizard '{id}'"),
        }
    }
}

fn refusals(messages: &[String], env: &[String]) -> Vec<(Refusal, String)> {
    let mut out = Vec::new();
    for m in messages {
        if m.ends_with("...") || env.iter().any(|e| e == m) {
            continue;
        }
        let refusal = if m.contains("Could not create an object of type") {
            let kind = quoted_after(m, "of type");
            let id = quoted_after(m, "with id");
            match (kind, id) {
                (Some(kind), Some(id)) => Some(Refusal::Object {
                    kind: kind.to_string(),
                    id: id.to_string(),
                }),
                _ => None,
            }
        } else if m.contains("Could not find option suitable for category") {
            quoted_after(m, "for category").map(|id| Refusal::Option {
                id: id.to_string(),
                line: top_file_line(m),
            })
        } else if m.contains("aco_process_var: Error parsing") {
            top_file_line(m).map(|line| Refusal::Line { line })
        } else if m.contains("Unable to create objects for wizard") {
            quoted_after(m, "for wizard").map(|id| Refusal::Wizard { id: id.to_string() })
        } else {
            None
        };
        if let Some(r) = refusal {
            out.push((r, m.clone()));
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// Line ranges (0-based, header included) of top-file sections named `id`.
fn section_ranges(config: &LoadedConfig, id: &str) -> Vec<Range<u32>> {
    config.trees[0]
        .sections()
        .filter(|s| s.name() == id)
        .map(|s| s.header_line()..s.body_lines().end.max(s.header_line() + 1))
        .collect()
}

fn line_of(config: &LoadedConfig, d: &Diagnostic) -> Option<u32> {
    let span = d.primary.span;
    if span.file != FileId(0) {
        return None;
    }
    let file = config.sources.get(span.file)?;
    Some(file.lines().line_of(span.start) as u32)
}

/// Where (0-based line ranges of the top file) a finding for `refusal` may be.
fn expected_ranges(config: &LoadedConfig, report: &CheckReport, r: &Refusal) -> Vec<Range<u32>> {
    match r {
        Refusal::Object { kind, id } => {
            // The section that made the object of that type (same-named sections of other
            // types are normal pjsip style); fall back to every section of that name.
            let headers: Vec<u32> = report
                .objects
                .objects
                .iter()
                .filter(|o| o.object_type.as_str() == kind && o.id == *id)
                .filter(|o| o.id_span.file == FileId(0))
                .filter_map(|o| {
                    let file = config.sources.get(FileId(0))?;
                    Some(file.lines().line_of(o.id_span.start) as u32)
                })
                .collect();
            let all = section_ranges(config, id);
            let typed: Vec<_> = all
                .iter()
                .filter(|r| headers.contains(&r.start))
                .cloned()
                .collect();
            if typed.is_empty() { all } else { typed }
        }
        Refusal::Option { id, line: None } => section_ranges(config, id),
        Refusal::Option { id, line: Some(n) } => {
            // The section holding line N if it is section X, else (an option inherited from a
            // template) line N itself.
            let l = n - 1;
            let mut ranges: Vec<_> = section_ranges(config, id)
                .into_iter()
                .filter(|r| r.contains(&l))
                .collect();
            ranges.push(l..l + 1);
            ranges
        }
        Refusal::Wizard { id } => section_ranges(config, id),
        Refusal::Line { line } => {
            let l = line - 1;
            let mut ranges: Vec<_> = config.trees[0]
                .sections()
                .map(|s| s.header_line()..s.body_lines().end)
                .filter(|r| r.contains(&l))
                .collect();
            ranges.push(l..l + 1);
            ranges
        }
    }
}

/// A refused registration in a configuration that has no transport object at all (see the
/// module documentation: a known gap, not a failure).
fn is_transportless_registration(report: &CheckReport, refusal: &Refusal) -> bool {
    matches!(refusal, Refusal::Object { kind, .. } if kind == "registration")
        && !report
            .objects
            .objects
            .iter()
            .any(|o| o.object_type.as_str() == "transport")
}

/// An object refused because a host name in it did not resolve, when the oracle did not count
/// that as an environment artifact (not a valid FQDN: a placeholder such as
/// `TELNYX_SIP_DOMAIN_PLACEHOLDER`). pjconf does not resolve names, and a single-label name may
/// well resolve elsewhere (search domains, /etc/hosts).
fn is_unresolved_host(messages: &[String], refusal: &Refusal) -> bool {
    let identify = match refusal {
        Refusal::Wizard { id } => format!("Identify '{id}-identify' failed when adding resolution"),
        Refusal::Object { kind, id } if kind == "identify" => {
            format!("Identify '{id}' failed when adding resolution")
        }
        _ => return false,
    };
    messages.iter().any(|m| m.contains(&identify))
}

fn is_silent(code: &str) -> bool {
    SILENT_CODES.iter().any(|(c, _)| *c == code)
}

#[test]
fn asterisk_verdicts_agree() {
    let shared = Path::new(SHARED);
    let table = shared.join(VERDICTS);
    if !table.is_file() {
        println!(
            "SKIPPED ***** oracle: {} is absent; nothing compared *****",
            table.display()
        );
        return;
    }
    let rows = parse_rows(&std::fs::read_to_string(&table).unwrap());
    assert!(!rows.is_empty(), "{VERDICTS} has no rows");

    let mut read = 0;
    let mut missing_files = Vec::new();
    let mut rejected = 0;
    let mut rejected_flagged = 0;
    let mut refused = 0;
    let mut refused_matched = 0;
    let mut known_gaps: Vec<String> = Vec::new();
    let mut matched: Vec<String> = Vec::new();
    let mut noisy: Vec<(String, Vec<&'static str>)> = Vec::new();
    let mut clean = 0;
    let mut clean_flagged: Vec<(String, Vec<&'static str>, String)> = Vec::new();
    let mut clean_codes: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut failures: Vec<String> = Vec::new();

    for row in &rows {
        let path = shared.join(&row.file);
        if !path.is_file() {
            missing_files.push(row.file.clone());
            continue;
        }
        read += 1;
        let root = path.parent().unwrap();
        let loader = StdLoader::new(root).unwrap();
        let config = load(&loader, path.to_str().unwrap(), &LoadOptions::default()).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        let kind = if row.file.starts_with("corpus/wizard/") {
            FileKind::Wizard
        } else {
            FileKind::from_name(&name)
        };
        let report = check_config(&config, kind, &Selection::default());

        let (verdict, ignore_includes) = match (&row.without_includes, row.resolved_includes()) {
            (Some(v), true) => (v, true),
            _ => (&row.primary, false),
        };
        let mut env = row.primary.env.clone();
        env.extend(verdict.env.iter().cloned());
        let errors: Vec<&Diagnostic> = report
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .filter(|d| !IGNORED_CODES.contains(&d.code))
            .filter(|d| !(ignore_includes && INCLUDE_CODES.contains(&d.code)))
            .collect();
        let mut codes: Vec<&'static str> = errors.iter().map(|d| d.code).collect();
        codes.sort_unstable();
        codes.dedup();

        if verdict.rejected {
            rejected += 1;
            if errors.is_empty() {
                failures.push(format!(
                    "{}: Asterisk rejected the file ({}) but pjconf has no error-level finding",
                    row.file, row.reject_reason
                ));
            } else {
                rejected_flagged += 1;
            }
        }

        for (refusal, message) in refusals(&verdict.messages, &env) {
            refused += 1;
            let ranges = expected_ranges(&config, &report, &refusal);
            // A silent-case finding (a dangling reference, say) is no reason for Asterisk to
            // refuse an object: it cannot stand for the refusal.
            let hit = errors.iter().filter(|d| !is_silent(d.code)).find(|d| {
                line_of(&config, d).is_some_and(|l| ranges.iter().any(|r| r.contains(&l)))
            });
            if let Some(d) = hit {
                refused_matched += 1;
                matched.push(format!(
                    "{}: {refusal} <- {}: {}",
                    row.file, d.code, d.message
                ));
            } else if is_transportless_registration(&report, &refusal) {
                known_gaps.push(format!(
                    "{}: {message} [registration in a file without transports]",
                    row.file
                ));
            } else if is_unresolved_host(&verdict.messages, &refusal) {
                known_gaps.push(format!(
                    "{}: {message} [a host name that did not resolve]",
                    row.file
                ));
            } else if ranges.is_empty() {
                failures.push(format!(
                    "{}: Asterisk refused an object pjconf cannot locate: {message}",
                    row.file
                ));
            } else {
                let lines: Vec<String> = ranges
                    .iter()
                    .map(|r| format!("{}-{}", r.start + 1, r.end))
                    .collect();
                failures.push(format!(
                    "{}: no error-level finding in lines {} for: {message}",
                    row.file,
                    lines.join(",")
                ));
            }
        }

        if !verdict.rejected && verdict.errors > 0 {
            // Asterisk logged ERRORs but loaded the file: informational only (the refused objects
            // among them are checked above).
            noisy.push((row.file.clone(), codes.clone()));
        }
        if !verdict.rejected && verdict.errors == 0 {
            clean += 1;
            if let Some(first) = errors.first() {
                clean_flagged.push((row.file.clone(), codes.clone(), first.message.clone()));
                for d in &errors {
                    *clean_codes.entry(d.code).or_default() += 1;
                    if !is_silent(d.code) {
                        let at = line_of(&config, d).map_or(0, |l| l + 1);
                        failures.push(format!(
                            "{}:{at}: Asterisk loads it without an ERROR, but pjconf reports {} \
                             (not a silent case): {}",
                            row.file, d.code, d.message
                        ));
                    }
                }
            }
        }
    }

    println!("oracle: {} rows, {read} files read", rows.len());
    if !missing_files.is_empty() {
        println!(
            "oracle: {} files of the table absent here: {}",
            missing_files.len(),
            missing_files.join(", ")
        );
    }
    println!(
        "oracle: rejected by Asterisk: {rejected}, flagged at error level by pjconf: {rejected_flagged}"
    );
    println!(
        "oracle: objects refused by Asterisk: {refused}, matched by an error in their section: {refused_matched}"
    );
    for m in &matched {
        println!("oracle:   {m}");
    }
    println!(
        "oracle: refused objects not flagged, known gaps: {}",
        known_gaps.len()
    );
    for gap in &known_gaps {
        println!("oracle:   {gap}");
    }
    println!(
        "oracle: loaded with ERRORs by Asterisk (not rejected): {}, flagged at error level by pjconf: {}",
        noisy.len(),
        noisy.iter().filter(|(_, c)| !c.is_empty()).count()
    );
    for (file, codes) in &noisy {
        println!(
            "oracle:   {file}: {}",
            if codes.is_empty() {
                "-".to_string()
            } else {
                codes.join(",")
            }
        );
    }
    println!(
        "oracle: loaded cleanly by Asterisk: {clean}, flagged at error level by pjconf: {}",
        clean_flagged.len()
    );
    for (code, count) in &clean_codes {
        let name = pjconf_lint::rule(code).map_or("?", |r| r.meta().name);
        println!("oracle:   {code} {name:<36} {count}");
    }
    for (file, codes, first) in &clean_flagged {
        println!("oracle:   {file}: {} — {first}", codes.join(","));
    }
    for (code, why) in SILENT_CODES {
        println!("oracle: silent case {code}: {why}");
    }
    assert!(
        failures.is_empty(),
        "{} disagreements with Asterisk:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
