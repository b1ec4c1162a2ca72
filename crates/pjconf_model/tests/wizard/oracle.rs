//! The corpus oracle, shared by `tests/wizard.rs` (fixture reader) and
//! `wizard_oracle.rs.txt` (pjconf_syntax reader): for every `corpus/wizard/` row of the
//! reference verdicts, expand the file's wizards and compare the object counts and the wizard
//! handler errors with what a real Asterisk 22.10.1 created and logged.
//!
//! - Files with `#include`/`#tryinclude` lines are compared with the row's "without includes"
//!   verdict (the readers do not follow includes); files Asterisk rejects even then are
//!   skipped, loudly.
//! - Objects Asterisk logged it could not apply (`Unable to apply object type 'identify' with
//!   id ...`: DNS failures in the sandbox, invalid values) are not counted: the expansion does
//!   not resolve names or check values.
//! - The harness's pjsip.conf adds one udp transport to every wizard row; the wizard creates
//!   no transport, so the row must say exactly 1.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use pjconf_model::SectionInput;
use pjconf_model::wizard;

/// The counts of one row (or of the `verdict_without_includes` text).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Counts {
    pub(super) endpoint: usize,
    pub(super) aor: usize,
    pub(super) auth: usize,
    pub(super) identify: usize,
    pub(super) registration: usize,
}

pub(super) struct Row {
    pub(super) file: String,
    pub(super) rejected: bool,
    pub(super) counts: Counts,
    pub(super) transports: usize,
    /// `(rejected, counts, transports, message text)` of the load without includes.
    pub(super) without_includes: Option<(bool, Counts, usize, String)>,
    /// The `messages` column.
    pub(super) messages: String,
    /// Every column, for the object ids Asterisk failed to create.
    pub(super) text: String,
}

fn num(s: &str) -> usize {
    s.trim()
        .parse()
        .unwrap_or_else(|_| panic!("not a count: {s:?}"))
}

/// `rejected=no; E=0 W=0; ep=1 aor=1 auth=0 ident=0 reg=0 tr=1; ...`
fn parse_without_includes(text: &str) -> Option<(bool, Counts, usize, String)> {
    if text.trim() == "-" {
        return None;
    }
    let field = |name: &str| -> Option<&str> {
        text.split([' ', ';'])
            .find_map(|w| w.strip_prefix(name).and_then(|r| r.strip_prefix('=')))
    };
    let rejected = field("rejected")? == "yes";
    let counts = Counts {
        endpoint: num(field("ep")?),
        aor: num(field("aor")?),
        auth: num(field("auth")?),
        identify: num(field("ident")?),
        registration: num(field("reg")?),
    };
    Some((rejected, counts, num(field("tr")?), text.to_owned()))
}

/// The wizard rows of the verdicts TSV.
pub(super) fn rows(tsv: &str) -> Vec<Row> {
    let mut lines = tsv.lines().filter(|l| !l.starts_with('#'));
    let header: Vec<&str> = lines.next().expect("TSV header").split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let messages = col("messages");
    let (file, rejected, ep, aor, auth, ident, reg, tr, without) = (
        col("file"),
        col("rejected"),
        col("endpoints"),
        col("aors"),
        col("auths"),
        col("identifies"),
        col("registrations"),
        col("transports"),
        col("verdict_without_includes"),
    );
    lines
        .filter(|l| l.starts_with("corpus/wizard/"))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Row {
                file: f[file].to_owned(),
                rejected: f[rejected] == "yes",
                counts: Counts {
                    endpoint: num(f[ep]),
                    aor: num(f[aor]),
                    auth: num(f[auth]),
                    identify: num(f[ident]),
                    registration: num(f[reg]),
                },
                transports: num(f[tr]),
                without_includes: parse_without_includes(f[without]),
                messages: f[messages].to_owned(),
                text: l.to_owned(),
            }
        })
        .collect()
}

/// (type, id) of every object Asterisk logged it could not create
/// (`Unable to apply object type 'identify' with id 'x-identify'`): DNS failures in the
/// sandbox and invalid values, which the expansion alone does not see.
pub(super) fn failed_objects(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let marker = "Unable to apply object type '";
    let mut rest = text;
    while let Some(at) = rest.find(marker) {
        rest = &rest[at + marker.len()..];
        let Some(end) = rest.find('\'') else { break };
        let object_type = rest[..end].to_owned();
        rest = &rest[end..];
        let Some(id_at) = rest.find("with id '") else {
            break;
        };
        rest = &rest[id_at + "with id '".len()..];
        let Some(end) = rest.find('\'') else { break };
        out.push((object_type, rest[..end].to_owned()));
        rest = &rest[end..];
    }
    out
}

/// The wizard handler errors in a verdict's message text, as our codes.
pub(super) fn handler_errors(text: &str) -> BTreeSet<&'static str> {
    let mut codes = BTreeSet::new();
    for (marker, code) in [
        ("handle_identify: Wizard", "PJ250"),
        ("handle_auth: Wizard", "PJ251"),
        ("handle_phoneprov: Wizard", "PJ254"),
    ] {
        if text.contains(marker) {
            codes.insert(code);
        }
    }
    for piece in text.split("handle_registrations: Wizard").skip(1) {
        let piece = piece.split('|').next().unwrap_or_default();
        codes.insert(if piece.contains("'remote_hosts'") {
            "PJ252"
        } else {
            "PJ253"
        });
    }
    codes
}

/// The error codes the expansion of `sections` reports.
pub(super) fn our_errors(sections: &[SectionInput]) -> BTreeSet<&'static str> {
    wizard::expand_all(sections.iter().filter(|s| wizard::is_wizard(s)).cloned())
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.code)
        .collect()
}

/// Count the objects the wizards of `sections` create, minus the ones Asterisk failed to
/// create for reasons outside the wizard.
pub(super) fn count(sections: Vec<SectionInput>, failed: &[(String, String)]) -> Counts {
    let mut by_type: BTreeMap<String, usize> = BTreeMap::new();
    for section in sections.iter().filter(|s| wizard::is_wizard(s)) {
        for object in wizard::expand(section).sections {
            let object_type = object.values[0].value.clone();
            if failed
                .iter()
                .any(|(t, id)| *t == object_type && *id == object.name)
            {
                continue;
            }
            *by_type.entry(object_type).or_default() += 1;
        }
    }
    let n = |t: &str| by_type.get(t).copied().unwrap_or_default();
    Counts {
        endpoint: n("endpoint"),
        aor: n("aor"),
        auth: n("auth"),
        identify: n("identify"),
        registration: n("registration"),
    }
}

/// Run the oracle with `read` turning a file's text into resolved sections. Set
/// `PJCONF_SHARED` to the directory holding `corpus/` and `reference/` (default
/// `/work/shared`).
#[allow(clippy::print_stderr)]
pub(super) fn check_corpus(read: impl Fn(&str) -> Vec<SectionInput>) {
    let shared = std::env::var_os("PJCONF_SHARED")
        .map_or_else(|| PathBuf::from("/work/shared"), PathBuf::from);
    let corpus = shared.join("corpus/wizard");
    let verdicts = shared.join("reference/asterisk-verdicts.tsv");
    if !corpus.is_dir() || !verdicts.is_file() {
        eprintln!(
            "SKIPPED: wizard corpus oracle: {} or {} is absent",
            corpus.display(),
            verdicts.display()
        );
        return;
    }
    let rows = rows(&std::fs::read_to_string(&verdicts).unwrap());
    assert!(!rows.is_empty(), "no wizard rows in the verdicts");
    let mut compared = 0;
    let mut mismatches = Vec::new();
    for row in &rows {
        let name = row.file.trim_start_matches("corpus/wizard/");
        let Ok(text) = std::fs::read_to_string(corpus.join(name)) else {
            eprintln!("SKIPPED: {name} not in the corpus");
            continue;
        };
        let has_includes = text.lines().any(|l| {
            let l = l.trim_start().to_ascii_lowercase();
            l.starts_with("#include") || l.starts_with("#tryinclude")
        });
        let (rejected, expected, transports, messages) = match (&row.without_includes, has_includes)
        {
            (Some((rejected, counts, transports, text)), true) => {
                (*rejected, counts.clone(), *transports, text.as_str())
            }
            _ => (
                row.rejected,
                row.counts.clone(),
                row.transports,
                row.messages.as_str(),
            ),
        };
        // The harness's pjsip.conf adds one udp transport; the wizard creates none.
        assert_eq!(transports, 1, "{name}: transports");
        if rejected {
            eprintln!("SKIPPED: {name}: Asterisk rejected the file even without includes");
            continue;
        }
        let failed = failed_objects(&row.text);
        let sections = read(&text);
        let errors = our_errors(&sections);
        let logged = handler_errors(messages);
        let truncated = messages.ends_with("...");
        if !(logged == errors || truncated && logged.is_subset(&errors)) {
            mismatches.push(format!(
                "{name}: Asterisk's handler errors {logged:?}, ours {errors:?}"
            ));
        }
        let actual = count(sections, &failed);
        compared += 1;
        if actual != expected {
            mismatches.push(format!("{name}: expected {expected:?}, got {actual:?}"));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    assert!(compared >= 10, "only {compared} files compared");
}
