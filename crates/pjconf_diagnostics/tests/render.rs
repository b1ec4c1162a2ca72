//! Snapshot tests of every renderer on the same handful of diagnostics.
//!
//! Each case is rendered in all four formats; the snapshots live in `tests/snapshots/` as
//! `render__<case>_<format>.snap`.

use pjconf_diagnostics::render::{self, Format, RenderOptions};
use pjconf_diagnostics::{Applicability, Diagnostic, Edit, FileId, Fix, Severity, SourceMap, Span};

const PJSIP: &[u8] = b"[transport-udp\n\
type=transport\n\
protocol=udp\n\
bind=0.0.0.0\n\
\n\
[6001]\n\
type=endpint\n\
context=from-internal\n";

const ENDPOINTS: &[u8] = b"; endpoints included from pjsip.conf\n\
[6001]\n\
type=endpoint\n";

/// CRLF line ends and a Latin-1 `é` (0xE9) before the span on line 2.
const LATIN1: &[u8] = b"[alice]\r\ncallerid=\"Ren\xE9\" <100>\r\ncontext=internal\r\n";

struct Fixture {
    sources: SourceMap,
    pjsip: FileId,
    endpoints: FileId,
    latin1: FileId,
    no_newline: FileId,
}

fn fixture() -> Fixture {
    let mut sources = SourceMap::new();
    let pjsip = sources.add("pjsip.conf", PJSIP.to_vec());
    let endpoints = sources.add("conf.d/endpoints.conf", ENDPOINTS.to_vec());
    let latin1 = sources.add("latin1.conf", LATIN1.to_vec());
    let no_newline = sources.add("tail.conf", b"[a]\ntype=aor".to_vec());
    Fixture {
        sources,
        pjsip,
        endpoints,
        latin1,
        no_newline,
    }
}

/// Byte offset of the `nth` (0-based) occurrence of `needle` in `haystack`.
fn find(haystack: &[u8], needle: &str, nth: usize) -> u32 {
    let needle = needle.as_bytes();
    haystack
        .windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .nth(nth)
        .map(|(i, _)| i as u32)
        .unwrap_or_else(|| panic!("{needle:?} not found"))
}

fn span_of(f: FileId, haystack: &[u8], needle: &str, nth: usize) -> Span {
    let start = find(haystack, needle, nth);
    Span::new(f, start, start + needle.len() as u32)
}

/// An error with a primary label and help.
fn error_with_help(fx: &Fixture) -> Diagnostic {
    let bracket = Span::new(fx.pjsip, 0, 1);
    Diagnostic::error("PJ003", "missing `]` in section header", bracket)
        .with_label(bracket, "this `[` is never closed")
        .with_help("close the section name with `]`")
}

/// A warning whose secondary label is in another file.
fn warning_other_file(fx: &Fixture) -> Diagnostic {
    let here = span_of(fx.endpoints, ENDPOINTS, "6001", 0);
    let first = span_of(fx.pjsip, PJSIP, "6001", 0);
    Diagnostic::warning("PJ201", "section `6001` is defined twice", here)
        .with_label(here, "defined again here")
        .with_secondary(first, "first defined here")
        .with_note("Asterisk merges both sections into one object")
}

/// An error with a fix (two edits, one of them an insertion).
fn with_fix(fx: &Fixture) -> Diagnostic {
    let value = span_of(fx.pjsip, PJSIP, "endpint", 0);
    let header_end = find(PJSIP, "\n", 0);
    Diagnostic::error("PJ210", "unknown object type `endpint`", value)
        .with_label(value, "not a pjsip object type")
        .with_help("did you mean `endpoint`?")
        .with_fix(Fix {
            message: "Replace with `endpoint` and close the section header".into(),
            applicability: Applicability::Unsafe,
            edits: vec![
                Edit {
                    span: Span::empty(fx.pjsip, header_end),
                    content: "]".into(),
                },
                Edit {
                    span: value,
                    content: "endpoint".into(),
                },
            ],
        })
}

/// An empty span at the very end of a file (after its final newline), and one at the end of
/// a file without a final newline.
fn empty_at_eof(fx: &Fixture) -> Vec<Diagnostic> {
    let eof = Span::empty(fx.endpoints, ENDPOINTS.len() as u32);
    let tail_len = fx.sources.get(fx.no_newline).unwrap().text.len() as u32;
    let tail = Span::empty(fx.no_newline, tail_len);
    vec![
        Diagnostic::error(
            "PJ010",
            "expected `context=` before the end of the file",
            eof,
        )
        .with_label(eof, "file ends here"),
        Diagnostic::new(
            "PJ011",
            Severity::Info,
            "the last line has no line terminator",
            tail,
        )
        .with_label(tail, "add a newline here"),
    ]
}

/// A CRLF line with a Latin-1 byte before the span.
fn latin1_crlf(fx: &Fixture) -> Diagnostic {
    let number = span_of(fx.latin1, LATIN1, "<100>", 0);
    let name = span_of(fx.latin1, LATIN1, "Ren", 0);
    Diagnostic::warning(
        "PJ230",
        "caller ID number in angle brackets after a non-UTF-8 name",
        number,
    )
    .with_label(number, "number")
    .with_secondary(
        Span::new(fx.latin1, name.start, name.end + 1),
        "Latin-1 name",
    )
    .with_help("save the file as UTF-8")
}

fn all(fx: &Fixture) -> Vec<Diagnostic> {
    let mut all = vec![
        with_fix(fx),
        latin1_crlf(fx),
        error_with_help(fx),
        warning_other_file(fx),
    ];
    all.extend(empty_at_eof(fx));
    render::sort(&mut all);
    all
}

fn options() -> RenderOptions {
    RenderOptions {
        color: false,
        tool_version: "0.0.0-test".into(),
    }
}

/// Snapshot `diagnostics` in every format as `<case>_<format>`.
fn snapshot_all(case: &str, diagnostics: &[Diagnostic], sources: &SourceMap) {
    for format in Format::ALL {
        let out = render::render(format, diagnostics, sources, &options());
        if matches!(format, Format::Json | Format::Sarif) {
            let _: serde_json::Value = serde_json::from_str(&out)
                .unwrap_or_else(|e| panic!("{case} {format}: invalid JSON: {e}\n{out}"));
        }
        insta::assert_snapshot!(format!("{case}_{format}"), out);
    }
}

#[test]
fn error_with_primary_label_and_help() {
    let fx = fixture();
    snapshot_all("error_with_help", &[error_with_help(&fx)], &fx.sources);
}

#[test]
fn warning_with_secondary_label_in_other_file() {
    let fx = fixture();
    snapshot_all(
        "secondary_other_file",
        &[warning_other_file(&fx)],
        &fx.sources,
    );
}

#[test]
fn diagnostic_with_fix() {
    let fx = fixture();
    snapshot_all("fix", &[with_fix(&fx)], &fx.sources);
}

#[test]
fn empty_span_at_end_of_file() {
    let fx = fixture();
    snapshot_all("empty_at_eof", &empty_at_eof(&fx), &fx.sources);
}

#[test]
fn crlf_and_latin1_before_span() {
    let fx = fixture();
    snapshot_all("latin1_crlf", &[latin1_crlf(&fx)], &fx.sources);
}

#[test]
fn multiple_diagnostics() {
    let fx = fixture();
    snapshot_all("multiple", &all(&fx), &fx.sources);
}

#[test]
fn latin1_columns_agree_across_formats() {
    let fx = fixture();
    let d = latin1_crlf(&fx);
    // `<` is the 17th character of `callerid="René" <100>`, with `é` one byte.
    let at = fx.sources.line_col(d.primary.span);
    assert_eq!((at.line, at.column), (2, 17));
    let human = render::human(std::slice::from_ref(&d), &fx.sources, false);
    assert!(human.contains("--> latin1.conf:2:17"), "{human}");
    let github = render::github(std::slice::from_ref(&d), &fx.sources);
    assert!(
        github.contains("line=2,col=17,endLine=2,endColumn=22"),
        "{github}"
    );
}

#[test]
fn json_round_trips_through_value() {
    let fx = fixture();
    let out = render::json(&all(&fx), &fx.sources);
    assert!(out.ends_with("]\n"));
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let array = value.as_array().expect("top level is an array");
    assert_eq!(array.len(), 6);
    // Same text back out: key order is fixed and nothing is lost.
    assert_eq!(serde_json::to_string_pretty(&value).unwrap() + "\n", out);
    let keys: Vec<&str> = array[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "code", "severity", "message", "file", "start", "end", "span", "label", "labels",
            "help", "notes", "fix"
        ]
    );
    assert_eq!(render::json(&[], &fx.sources), "[]\n");
}

#[test]
fn sarif_has_required_keys() {
    let fx = fixture();
    let out = render::sarif(&all(&fx), &fx.sources, "9.9.9");
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        log["$schema"],
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    assert_eq!(log["version"], "2.1.0");
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "pjconf");
    assert_eq!(driver["version"], "9.9.9");
    assert!(
        driver["informationUri"]
            .as_str()
            .unwrap()
            .starts_with("https://")
    );
    let rules: Vec<&str> = driver["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let mut distinct = rules.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), rules.len(), "one rule per code");
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 6);
    for result in results {
        let rule_id = result["ruleId"].as_str().unwrap();
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index], rule_id);
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        assert!(result["message"]["text"].is_string());
        let physical = &result["locations"][0]["physicalLocation"];
        assert!(physical["artifactLocation"]["uri"].is_string());
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(physical["region"][key].as_u64().unwrap() >= 1, "{key}");
        }
    }
    assert!(results.iter().any(|r| {
        r["relatedLocations"]
            .as_array()
            .is_some_and(|l| !l.is_empty())
    }));
    assert!(
        results
            .iter()
            .any(|r| r["fixes"][0]["artifactChanges"][0]["replacements"].is_array())
    );
    // No diagnostics: still a valid log with one run and no results.
    let empty: serde_json::Value =
        serde_json::from_str(&render::sarif(&[], &fx.sources, "9.9.9")).unwrap();
    assert_eq!(empty["runs"][0]["results"].as_array().unwrap().len(), 0);
}

#[test]
fn out_of_range_spans_do_not_panic() {
    let fx = fixture();
    let past_end = Span::new(fx.pjsip, PJSIP.len() as u32 + 5, PJSIP.len() as u32 + 9);
    let straddling = Span::new(fx.no_newline, 2, 1000);
    let unknown_file = Span::new(FileId(99), 3, 8);
    // Inside the two-byte UTF-8 `é` of a line.
    let mut sources = fx.sources.clone();
    let utf8 = sources.add("utf8.conf", "a=é\n".as_bytes().to_vec());
    let mid_char = Span::new(utf8, 3, 4);
    let diagnostics = [
        Diagnostic::error("PJ001", "past the end", past_end)
            .with_label(past_end, "here")
            .with_secondary(unknown_file, "unknown"),
        Diagnostic::error("PJ001", "straddling the end", straddling).with_fix(Fix {
            message: "delete".into(),
            applicability: Applicability::Safe,
            edits: vec![Edit {
                span: straddling,
                content: String::new(),
            }],
        }),
        Diagnostic::error("PJ001", "unknown file", unknown_file),
        Diagnostic::error("PJ001", "mid character", mid_char),
    ];
    for format in Format::ALL {
        let out = render::render(format, &diagnostics, &sources, &options());
        assert!(!out.is_empty(), "{format}");
    }
    let human = render::human(&diagnostics, &sources, false);
    assert!(human.contains("--> pjsip.conf:9:1"), "{human}");
    assert!(human.contains("<unknown>"), "{human}");
}

#[test]
fn color_adds_ansi_escapes_only_when_asked() {
    let fx = fixture();
    let d = [error_with_help(&fx)];
    assert!(!render::human(&d, &fx.sources, false).contains('\u{1b}'));
    assert!(render::human(&d, &fx.sources, true).contains('\u{1b}'));
}

#[test]
fn no_diagnostics_render_empty_or_empty_array() {
    let fx = fixture();
    assert_eq!(render::human(&[], &fx.sources, false), "");
    assert_eq!(render::github(&[], &fx.sources), "");
    assert_eq!(render::summary(&[]), "no problems");
    assert_eq!(render::summary(&all(&fx)), "3 errors, 2 warnings, 1 info");
}

#[test]
fn github_escapes_message_and_properties() {
    let mut sources = SourceMap::new();
    let file = sources.add("dir,with:odd%name.conf", b"x=1\n".to_vec());
    let d = Diagnostic::error(
        "PJ001",
        "100% wrong:\r\nsecond, line",
        Span::new(file, 0, 1),
    )
    .with_help("a: b");
    insta::assert_snapshot!(render::github(&[d], &sources), @"::error file=dir%2Cwith%3Aodd%25name.conf,line=1,col=1,endLine=1,endColumn=2,title=PJ001::100%25 wrong:%0D%0Asecond, line%0Ahelp: a: b\n");
}
