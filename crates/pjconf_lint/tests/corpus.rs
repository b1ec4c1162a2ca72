//! Lint every file of the shared pjsip corpus: no panics, and a count of findings per code.

#![allow(clippy::print_stdout)]

mod common;

use std::collections::BTreeMap;
use std::path::Path;

const CORPUS: &str = "../../../shared/corpus/pjsip";

#[test]
fn corpus_lints_without_panicking() {
    let dir = Path::new(CORPUS);
    if !dir.is_dir() {
        println!("SKIPPED: corpus directory {CORPUS} is absent; nothing linted");
        return;
    }
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut files_with_findings = 0;
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let (_, diagnostics) = common::lint_file(CORPUS, &format!("{CORPUS}/{name}"));
        if !diagnostics.is_empty() {
            files_with_findings += 1;
        }
        for d in &diagnostics {
            *counts.entry(d.code).or_default() += 1;
        }
    }
    println!(
        "linted {} corpus files, {files_with_findings} with findings",
        files.len()
    );
    for (code, count) in &counts {
        let name = pjconf_lint::rule(code).map_or("?", |r| r.meta().name);
        println!("{code} {name:<36} {count}");
    }
}
