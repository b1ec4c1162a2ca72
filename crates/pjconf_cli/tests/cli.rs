//! The `pjconf` shell: exit codes, standard input, reprint, formats, help.

use std::cell::RefCell;
use std::ffi::OsString;
use std::rc::Rc;

use pjconf_cli::{Console, ExitStatus, run_with_args};

struct Run {
    status: ExitStatus,
    out: String,
    err: String,
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let out = Rc::new(RefCell::new(Vec::new()));
    let err = Rc::new(RefCell::new(Vec::new()));
    let mut console = Console::buffers(Rc::clone(&out), Rc::clone(&err));
    console.stdin = stdin.map(<[u8]>::to_vec);
    let argv = std::iter::once("pjconf")
        .chain(args.iter().copied())
        .map(OsString::from);
    let status = run_with_args(argv, &mut console);
    let out = String::from_utf8_lossy(&out.borrow()).into_owned();
    let err = String::from_utf8_lossy(&err.borrow()).into_owned();
    Run { status, out, err }
}

fn fixture(name: &str) -> String {
    format!("{}/../../fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn clean_file_exits_0_and_prints_json_tree() {
    let r = run(&["parse", &fixture("examples/pjsip.conf")], None);
    assert_eq!(r.status, ExitStatus::Success, "{}", r.err);
    let json: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    let sections = json["files"][0]["sections"].as_array().unwrap();
    assert!(
        sections
            .iter()
            .any(|s| s["name"] == "phone-base" && s["template"] == true)
    );
    assert!(r.err.is_empty());
}

#[test]
fn reprint_is_byte_identical_even_for_latin1_crlf_and_bom() {
    for name in ["syntax/latin1.conf", "syntax/crlf.conf", "syntax/bom.conf"] {
        let path = fixture(name);
        let r = run(&["parse", "--reprint", &path], None);
        assert_eq!(r.status, ExitStatus::Success);
        let input = std::fs::read(&path).unwrap();
        // `out` went through from_utf8_lossy; compare on valid UTF-8 files only, and the
        // Latin-1 file by length of the lossy form.
        assert_eq!(r.out, String::from_utf8_lossy(&input), "{name}");
    }
}

#[test]
fn stdin_is_read_for_dash() {
    let r = run(&["parse", "--reprint", "-"], Some(b"[a]\ntype=aor\n"));
    assert_eq!(r.status, ExitStatus::Success);
    assert_eq!(r.out, "[a]\ntype=aor\n");
}

#[test]
fn error_level_diagnostics_exit_1_with_location() {
    let r = run(
        &["parse", &fixture("syntax/error_unclosed_bracket.conf")],
        None,
    );
    assert_eq!(r.status, ExitStatus::Findings);
    assert!(
        r.err.contains("error_unclosed_bracket.conf:1:1"),
        "{}",
        r.err
    );
    assert!(r.err.contains("PJ001"));
}

#[test]
fn warnings_exit_0_unless_warnings_are_errors() {
    let path = fixture("syntax/error_missing_equals.conf");
    assert_eq!(run(&["parse", &path], None).status, ExitStatus::Success);
    let strict = run(&["parse", "--warnings-as-errors", &path], None);
    assert_eq!(strict.status, ExitStatus::Findings);
}

#[test]
fn missing_file_exits_2() {
    let r = run(&["parse", &fixture("syntax/does-not-exist.conf")], None);
    assert_eq!(r.status, ExitStatus::Failure);
    assert!(r.err.contains("pjconf failed"), "{}", r.err);
}

#[test]
fn bad_usage_exits_2_and_help_exits_0() {
    assert_eq!(run(&["parse"], None).status, ExitStatus::Failure);
    assert_eq!(run(&["frobnicate"], None).status, ExitStatus::Failure);
    let help = run(&["--help"], None);
    assert_eq!(help.status, ExitStatus::Success);
    assert!(help.out.contains("parse"));
    let sub = run(&["parse", "--help"], None);
    assert!(sub.out.contains("--reprint"));
}

#[test]
fn every_format_renders_the_same_finding() {
    let path = fixture("syntax/error_exec.conf");
    let json = run(&["parse", "--format", "json", &path], None);
    let value: serde_json::Value = serde_json::from_str(&json.err).unwrap();
    assert_eq!(value[0]["code"], "PJ016");
    let sarif = run(&["parse", "--format", "sarif", &path], None);
    let value: serde_json::Value = serde_json::from_str(&sarif.err).unwrap();
    assert_eq!(value["version"], "2.1.0");
    assert_eq!(value["runs"][0]["results"][0]["ruleId"], "PJ016");
    let github = run(&["parse", "--format", "github", &path], None);
    assert!(github.err.starts_with("::error "), "{}", github.err);
    assert!(github.err.contains("line=2"));
    for r in [json, sarif, github] {
        assert_eq!(r.status, ExitStatus::Findings);
    }
}

#[test]
fn color_always_adds_escapes_and_never_does_not() {
    let path = fixture("syntax/error_exec.conf");
    assert!(
        run(&["parse", "--color", "always", &path], None)
            .err
            .contains('\u{1b}')
    );
    assert!(
        !run(&["parse", "--color", "never", &path], None)
            .err
            .contains('\u{1b}')
    );
}

#[test]
fn includes_outside_root_are_refused() {
    let r = run(
        &["parse", &fixture("syntax/error_include_outside_root.conf")],
        None,
    );
    assert_eq!(r.status, ExitStatus::Findings);
    assert!(r.err.contains("PJ022"));
}

#[test]
fn resolve_prints_sections_without_templates() {
    let r = run(&["resolve", &fixture("examples/pjsip.conf")], None);
    assert_eq!(r.status, ExitStatus::Success, "{}", r.err);
    assert!(!r.out.contains("[phone-base]"), "{}", r.out);
    // 1002 inherits phone-base then webrtc: both codec lines, in that order.
    let at = r.out.find("[1002]").unwrap();
    let section = &r.out[at..];
    let ulaw = section.find("allow = ulaw").unwrap();
    let opus = section.find("allow = opus").unwrap();
    assert!(ulaw < opus, "{section}");
}

#[test]
fn explain_shows_the_chain_of_a_value() {
    let r = run(
        &["explain", &fixture("examples/pjsip.conf"), "1002", "allow"],
        None,
    );
    assert_eq!(r.status, ExitStatus::Success, "{}", r.err);
    assert!(r.out.contains("1002 <- webrtc"), "{}", r.out);
}

#[test]
fn dependents_lists_inheriting_sections_and_unknown_is_exit_2() {
    let r = run(
        &["dependents", &fixture("examples/pjsip.conf"), "phone-base"],
        None,
    );
    assert_eq!(r.status, ExitStatus::Success, "{}", r.err);
    assert!(
        r.out.contains("1001") && r.out.contains("1002"),
        "{}",
        r.out
    );
    let missing = run(
        &["dependents", &fixture("examples/pjsip.conf"), "phone-bse"],
        None,
    );
    assert_eq!(missing.status, ExitStatus::Failure);
}

#[test]
fn lint_reports_on_stdout_and_exits_1_on_errors() {
    let r = run(&["lint", &fixture("lint/PJ203/invalid.conf")], None);
    assert_eq!(r.status, ExitStatus::Findings, "{}", r.err);
    assert!(r.out.contains("PJ203"), "{}", r.out);
    let clean = run(&["lint", &fixture("examples/pjsip.conf")], None);
    assert_eq!(clean.status, ExitStatus::Success, "{}", clean.out);
}

#[test]
fn lint_select_and_ignore_filter_codes() {
    let path = fixture("lint/PJ203/invalid.conf");
    let ignored = run(
        &["lint", "--ignore", "PJ203", "--format", "json", &path],
        None,
    );
    let value: serde_json::Value = serde_json::from_str(&ignored.out).unwrap();
    assert!(
        value
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["code"] != "PJ203")
    );
    let bad = run(&["lint", "--select", "no-such-rule", &path], None);
    assert_eq!(bad.status, ExitStatus::Failure);
}

#[test]
fn lint_of_several_files_is_one_report() {
    let a = fixture("lint/PJ203/invalid.conf");
    let b = fixture("lint/PJ209/invalid.conf");
    let r = run(&["lint", "--format", "json", &a, &b], None);
    let value: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    let files: std::collections::BTreeSet<String> = value
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(files.len(), 2, "{files:?}");
}

#[test]
fn rule_prints_docs_and_unknown_is_exit_2() {
    let r = run(&["rule", "unknown-option"], None);
    assert_eq!(r.status, ExitStatus::Success);
    assert!(r.out.starts_with("PJ203 unknown-option"), "{}", r.out);
    assert!(r.out.contains("## Why is this bad?"));
    assert!(run(&["rule", "PJ001"], None).out.contains("`]`"));
    let list = run(&["rule", "--list"], None).out;
    for code in [
        "PJ001", "PJ105", "PJ203", "PJ250", "PJ301", "PJ401", "PJ601",
    ] {
        assert!(list.contains(code), "{code} missing from --list");
    }
    assert_eq!(run(&["rule", "PJ999"], None).status, ExitStatus::Failure);
}

#[test]
fn expand_writes_the_wizard_objects() {
    let r = run(&["expand", &fixture("wizard/phone.conf")], None);
    assert_eq!(r.status, ExitStatus::Success, "{}", r.err);
    assert!(r.out.contains("type = endpoint"), "{}", r.out);
    assert!(r.out.contains("type = aor"), "{}", r.out);
}

#[test]
fn convert_writes_pjsip_conf_that_lints_clean() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pjsip.conf");
    let report = dir.path().join("report.json");
    let r = run(
        &[
            "convert",
            &fixture("examples/sip.conf"),
            "-o",
            out.to_str().unwrap(),
            "--report",
            report.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(r.status, ExitStatus::Success, "{}", r.err);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.contains("[1001](sip-general-endpoint,phone-endpoint)"),
        "{text}"
    );
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert!(report.is_array() || report.is_object());
    let lint = run(&["lint", out.to_str().unwrap()], None);
    assert_eq!(lint.status, ExitStatus::Success, "{}", lint.out);
}

#[test]
fn convert_never_writes_over_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("sip.conf");
    std::fs::write(&input, "[1001]\ntype=friend\nhost=dynamic\nsecret=x\n").unwrap();
    let before = std::fs::read(&input).unwrap();
    let path = input.to_str().unwrap();
    let r = run(&["convert", path, "-o", path], None);
    assert_eq!(r.status, ExitStatus::Failure, "{}", r.err);
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

#[test]
fn compile_of_the_example_model_lints_clean() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pjsip.conf");
    let r = run(
        &[
            "compile",
            &fixture("tenants/example.toml"),
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(r.status, ExitStatus::Success, "{}", r.err);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("alice@"), "{text}");
    let lint = run(&["lint", out.to_str().unwrap()], None);
    assert!(
        !lint.out.contains("error["),
        "compiled output has lint errors:\n{}",
        lint.out
    );
}

#[test]
fn impact_lists_changed_objects_and_exits_1() {
    let base = fixture("impact/base.toml");
    let r = run(
        &["impact", &base, &fixture("impact/template_option.toml")],
        None,
    );
    assert_eq!(r.status, ExitStatus::Findings, "{}", r.err);
    assert!(r.out.contains("endpoint alice@acme.example"), "{}", r.out);
    let same = run(&["impact", &base, &fixture("impact/no_change.toml")], None);
    assert_eq!(same.status, ExitStatus::Success, "{}", same.out);
    let json = run(
        &[
            "impact",
            "--format",
            "json",
            &base,
            &fixture("impact/add_line.toml"),
        ],
        None,
    );
    let value: serde_json::Value = serde_json::from_str(&json.out).unwrap();
    assert!(
        value["changes"].as_array().is_some_and(|c| !c.is_empty()),
        "{value}"
    );
}

#[test]
fn diff_of_a_file_with_itself_is_empty() {
    let path = fixture("examples/pjsip.conf");
    assert_eq!(
        run(&["diff", &path, &path], None).status,
        ExitStatus::Success
    );
}
