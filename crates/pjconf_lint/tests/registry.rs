//! The rule table: unique codes and names, documentation, fixtures, docs/rules.md.

use std::collections::HashSet;
use std::path::Path;

use pjconf_lint::{Selection, rule, rules, rules_markdown};

#[test]
fn codes_and_names_are_unique_and_ordered() {
    let mut codes = HashSet::new();
    let mut names = HashSet::new();
    let mut previous = "";
    for r in rules() {
        let meta = r.meta();
        assert!(codes.insert(meta.code), "duplicate code {}", meta.code);
        assert!(names.insert(meta.name), "duplicate name {}", meta.name);
        assert!(meta.code > previous, "{} is out of order", meta.code);
        previous = meta.code;
        assert!(
            meta.code.len() == 5
                && meta.code.starts_with("PJ2")
                && meta.code[2..].bytes().all(|b| b.is_ascii_digit()),
            "bad code {}",
            meta.code
        );
        assert!(
            !meta.name.is_empty()
                && meta
                    .name
                    .split('-')
                    .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())),
            "{}: name `{}` is not kebab-case",
            meta.code,
            meta.name
        );
        assert!(
            !meta.summary.ends_with('.'),
            "{}: summary ends with a period",
            meta.code
        );
        assert!(std::ptr::eq(rule(meta.code).unwrap().meta(), meta));
        assert!(std::ptr::eq(rule(meta.name).unwrap().meta(), meta));
    }
}

#[test]
fn every_rule_is_documented() {
    for r in rules() {
        let meta = r.meta();
        let doc = meta.doc;
        let mut at = 0;
        for heading in ["## What it does\n", "## Why is this bad?\n", "## Example\n"] {
            let found = doc[at..]
                .find(heading)
                .unwrap_or_else(|| panic!("{}: no `{}` (in order)", meta.code, heading.trim()));
            at += found + heading.len();
        }
        assert!(
            !doc.lines().any(|l| l.starts_with(' ')),
            "{}: doc lines keep rustdoc's leading space",
            meta.code
        );
        assert!(
            doc.contains("```ini"),
            "{}: example is not an ini block",
            meta.code
        );
    }
}

#[test]
fn fixture_directories_match_rules() {
    let root = Path::new("../../fixtures/lint");
    let mut seen = HashSet::new();
    for entry in std::fs::read_dir(root).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().to_string();
        assert!(
            rules().iter().any(|r| r.meta().code == name),
            "fixtures/lint/{name} matches no rule code"
        );
        seen.insert(name);
    }
    for r in rules() {
        let code = r.meta().code;
        assert!(seen.contains(code), "no fixtures/lint/{code}/");
        for file in ["valid.conf", "invalid.conf"] {
            assert!(
                root.join(code).join(file).is_file(),
                "no fixtures/lint/{code}/{file}"
            );
        }
    }
}

#[test]
fn selection_by_code_prefix_and_name() {
    let meta = rule("PJ213").unwrap().meta();
    let select = |s: &[&str], i: &[&str]| Selection {
        select: s.iter().map(|x| x.to_string()).collect(),
        ignore: i.iter().map(|x| x.to_string()).collect(),
    };
    assert!(select(&[], &[]).enables(meta));
    assert!(select(&["PJ21"], &[]).enables(meta));
    assert!(select(&["duplicate-transport-bind"], &[]).enables(meta));
    assert!(!select(&["PJ20"], &[]).enables(meta));
    assert!(!select(&["ALL"], &["pj213"]).enables(meta));
    assert_eq!(
        select(&["PJ9", "PJ2"], &["nope"]).unknown_entries(),
        ["PJ9", "nope"]
    );
}

#[test]
fn docs_rules_md_is_current() {
    let path = Path::new("../../docs/rules.md");
    let generated = rules_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "docs/rules.md is out of date: regenerate it with `UPDATE_DOCS=1 cargo test -p pjconf_lint --test registry`"
    );
}
