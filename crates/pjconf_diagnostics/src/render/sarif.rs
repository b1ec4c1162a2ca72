//! `--format sarif`: a SARIF 2.1.0 log with one run, for code-scanning services (GitHub code
//! scanning, Azure DevOps, IDE viewers). The shape is documented in `docs/diagnostics.md`
//! ("SARIF output").

use serde::Serialize;

use super::{Resolved, resolve};
use crate::{Applicability, Diagnostic, SourceMap, Span};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI: &str = env!("CARGO_PKG_REPOSITORY");

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    information_uri: &'static str,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
struct Rule<'a> {
    id: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Message,
    locations: [Location<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix<'a>>,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text<'a>>,
}

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    end_line: u32,
    end_column: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix<'a> {
    description: Text<'a>,
    artifact_changes: Vec<ArtifactChange<'a>>,
    properties: FixProperties,
}

#[derive(Serialize)]
struct FixProperties {
    applicability: Applicability,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region,
    inserted_content: Text<'a>,
}

fn region(sources: &SourceMap, span: Span) -> Region {
    let Resolved {
        start_line,
        start_column,
        end_line,
        end_column,
        ..
    } = resolve(sources, span);
    Region {
        start_line,
        start_column,
        end_line,
        end_column,
    }
}

fn artifact(sources: &SourceMap, span: Span) -> ArtifactLocation {
    ArtifactLocation {
        uri: uri_reference(sources.name(span.file)),
    }
}

fn location<'a>(
    sources: &SourceMap,
    id: Option<usize>,
    span: Span,
    message: &'a str,
) -> Location<'a> {
    Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: artifact(sources, span),
            region: region(sources, span),
        },
        message: Some(Text { text: message }).filter(|m| !m.text.is_empty()),
    }
}

/// Turn a file name into a relative URI reference: `\` becomes `/`, and every byte that may
/// not appear in a URI path (space, `%`, `#`, `?`, `:`, non-ASCII, ...) is percent-encoded.
/// `:` is encoded so that `C:x.conf` is not read as a scheme.
fn uri_reference(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for &b in name.as_bytes() {
        match b {
            b'\\' => out.push('/'),
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'='
            | b'@'
            | b'/' => out.push(char::from(b)),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Message text: the message, then `help: ...` and one `note: ...` per note, each on its own
/// line.
fn message_text(d: &Diagnostic) -> String {
    let mut text = d.message.clone();
    if let Some(help) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    for note in &d.notes {
        text.push_str("\nnote: ");
        text.push_str(note);
    }
    text
}

/// Render `diagnostics` as a SARIF 2.1.0 log (pretty-printed JSON and a final newline) with
/// one run whose tool is `pjconf` at `tool_version`.
///
/// The run lists one rule per distinct code, in order of first use, and one result per
/// diagnostic: `ruleId`, `ruleIndex`, `level` (`error`, `warning`, `note`), `message.text`
/// (message, then `help:` and `note:` lines), the primary span as `locations[0]` (its label as
/// the location's message), secondary labels as `relatedLocations`, and the fix, if any, as
/// `fixes[0]`. Columns count Unicode code points (`columnKind: unicodeCodePoints`); an end
/// column is the one just after the region. File names become relative URI references.
///
/// ```
/// use pjconf_diagnostics::render::sarif;
/// use pjconf_diagnostics::{Diagnostic, SourceMap, Span};
///
/// let mut sources = SourceMap::new();
/// let file = sources.add("pjsip.conf", b"[udp\n".to_vec());
/// let d = Diagnostic::error("PJ003", "missing `]`", Span::new(file, 0, 4));
/// let log: serde_json::Value = serde_json::from_str(&sarif(&[d], &sources, "1.2.3")).unwrap();
/// assert_eq!(log["version"], "2.1.0");
/// assert_eq!(log["runs"][0]["tool"]["driver"]["version"], "1.2.3");
/// assert_eq!(log["runs"][0]["tool"]["driver"]["rules"][0]["id"], "PJ003");
/// let region = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
/// assert_eq!((region["startColumn"].as_u64(), region["endColumn"].as_u64()), (Some(1), Some(5)));
/// ```
pub fn sarif(diagnostics: &[Diagnostic], sources: &SourceMap, tool_version: &str) -> String {
    let mut rules: Vec<Rule<'_>> = Vec::new();
    let mut results = Vec::with_capacity(diagnostics.len());
    for d in diagnostics {
        let rule_index = match rules.iter().position(|r| r.id == d.code) {
            Some(i) => i,
            None => {
                rules.push(Rule { id: d.code });
                rules.len() - 1
            }
        };
        let level = match d.severity {
            crate::Severity::Error => "error",
            crate::Severity::Warning => "warning",
            crate::Severity::Info => "note",
        };
        let related_locations = d
            .secondary
            .iter()
            .enumerate()
            .map(|(i, label)| location(sources, Some(i), label.span, &label.message))
            .collect();
        let fixes = d
            .fix
            .iter()
            // SARIF requires at least one artifact change per fix.
            .filter(|fix| !fix.edits.is_empty())
            .map(|fix| {
                let mut changes: Vec<ArtifactChange<'_>> = Vec::new();
                for edit in &fix.edits {
                    let replacement = Replacement {
                        deleted_region: region(sources, edit.span),
                        inserted_content: Text {
                            text: &edit.content,
                        },
                    };
                    let uri = artifact(sources, edit.span).uri;
                    match changes.iter_mut().find(|c| c.artifact_location.uri == uri) {
                        Some(change) => change.replacements.push(replacement),
                        None => changes.push(ArtifactChange {
                            artifact_location: ArtifactLocation { uri },
                            replacements: vec![replacement],
                        }),
                    }
                }
                SarifFix {
                    description: Text { text: &fix.message },
                    artifact_changes: changes,
                    properties: FixProperties {
                        applicability: fix.applicability,
                    },
                }
            })
            .collect();
        results.push(SarifResult {
            rule_id: d.code,
            rule_index,
            level,
            message: Message {
                text: message_text(d),
            },
            locations: [location(sources, None, d.primary.span, &d.primary.message)],
            related_locations,
            fixes,
        });
    }
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "pjconf",
                    version: tool_version,
                    information_uri: INFORMATION_URI,
                    rules,
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    let mut out = serde_json::to_string_pretty(&log)
        .expect("serializing plain structs of strings and integers cannot fail");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::uri_reference;

    #[test]
    fn file_names_become_uri_references() {
        assert_eq!(uri_reference("conf/pjsip.conf"), "conf/pjsip.conf");
        assert_eq!(uri_reference("my dir\\a#1.conf"), "my%20dir/a%231.conf");
        assert_eq!(uri_reference("C:x é"), "C%3Ax%20%C3%A9");
        assert_eq!(uri_reference("<unknown>"), "%3Cunknown%3E");
    }
}
