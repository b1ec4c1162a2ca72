//! Point 8: every sip.conf of the corpus, and the chan_sip sample, translates into pjsip.conf
//! that lints without an error, with an endpoint, an aor and (for a secret) an auth per peer.
#![allow(clippy::print_stdout)]

use std::path::{Path, PathBuf};

use pjconf_diagnostics::Severity;
use pjconf_lint::{LintContext, Selection, lint, sections_from_tree};
use pjconf_model::{ObjectSet, ObjectType};
use pjconf_syntax::{LoadOptions, MemoryLoader, StdLoader, load, load_text};
use pjconf_templates::TemplateGraph;
use pjconf_translate::{Options, translate};

const CORPUS: &str = "../../../shared/corpus/sip";
const SAMPLE: &str = "../../../shared/reference/samples/sip.conf.sample";

/// Translate `file` (includes read under `root`), lint the output, check every peer.
/// Returns (lint errors, lint warnings, report entries, peers) or panics with the problems.
fn check(root: &Path, file: &Path, flatten: bool) -> (usize, usize, usize, usize) {
    let loader = StdLoader::new(root).expect("root");
    let config = load(
        &loader,
        &file.display().to_string(),
        &LoadOptions::default(),
    )
    .expect("load");
    let translation = translate(&config, &Options { flatten });
    let text = translation
        .text()
        .unwrap_or_else(|e| panic!("{}: cannot emit: {e:?}", file.display()));
    let mut mem = MemoryLoader::new();
    mem.insert("pjsip.conf", text.clone());
    let out = load_text(
        &mem,
        "pjsip.conf",
        text.clone().into_bytes(),
        &LoadOptions::default(),
    );
    assert!(
        !pjconf_diagnostics::has_errors(&out.diagnostics),
        "{}: output has syntax errors: {:?}",
        file.display(),
        out.diagnostics
    );
    let objects = ObjectSet::classify(sections_from_tree(&out));
    let findings = lint(&LintContext::new(&objects), &Selection::default());
    let errors: Vec<_> = findings
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(
        errors.is_empty(),
        "{}: lint errors in the output:\n{}\n---\n{text}",
        file.display(),
        errors
            .iter()
            .map(|d| format!("{} {}", d.code, d.message))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let warnings = findings.len() - errors.len();
    // Every peer, friend or user has its endpoint, aor and auth.
    let graph = TemplateGraph::from_config(&config);
    let mut peers = 0;
    for section in graph.sections() {
        if section.is_template() {
            continue;
        }
        let kind = section
            .get("type")
            .map(|v| v.value().trim().to_ascii_lowercase());
        if !matches!(kind.as_deref(), Some("peer" | "friend" | "user")) {
            continue;
        }
        let name = section.name();
        if name.contains([',', ';', '=', '(', ')', '[', ']']) {
            continue; // reported as not convertible (PJ309)
        }
        peers += 1;
        let endpoint = objects
            .find(ObjectType::Endpoint, name)
            .unwrap_or_else(|| panic!("{}: no endpoint `{name}`\n{text}", file.display()));
        assert!(
            objects.find(ObjectType::Aor, name).is_some(),
            "{}: no aor `{name}`",
            file.display()
        );
        let has_secret = section
            .get("secret")
            .or_else(|| section.get("md5secret"))
            .is_some_and(|v| !v.value().is_empty());
        if has_secret {
            let auths: Vec<_> = endpoint
                .all("auth")
                .chain(endpoint.all("outbound_auth"))
                .flat_map(|v| {
                    v.value
                        .split(',')
                        .map(|s| s.trim().to_string())
                        .collect::<Vec<_>>()
                })
                .collect();
            assert!(
                !auths.is_empty(),
                "{}: `{name}` has a secret but no auth",
                file.display()
            );
            for a in auths {
                assert!(
                    objects.find(ObjectType::Auth, &a).is_some(),
                    "{}: `{name}` names auth `{a}` which does not exist",
                    file.display()
                );
            }
        }
    }
    (errors.len(), warnings, translation.report.len(), peers)
}

fn corpus_files() -> Option<Vec<PathBuf>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(CORPUS);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    Some(files)
}

#[test]
fn corpus_translates_and_lints_clean() {
    let Some(files) = corpus_files() else {
        println!("SKIPPED: corpus not found at {CORPUS} (relative to the crate)");
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(CORPUS);
    let (mut warnings, mut reported, mut peers) = (0, 0, 0);
    for file in &files {
        for flatten in [false, true] {
            let (_, w, r, p) = check(&root, file, flatten);
            if !flatten {
                warnings += w;
                reported += r;
                peers += p;
            }
        }
    }
    println!(
        "corpus: {} files, {peers} peers, 0 lint errors, {warnings} lint warnings, {reported} report entries",
        files.len()
    );
}

#[test]
fn sample_translates_and_lints_clean() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE);
    if !path.exists() {
        println!("SKIPPED: sip.conf.sample not found at {SAMPLE}");
        return;
    }
    let root = path.parent().expect("dir").to_path_buf();
    let (e, w, r, p) = check(&root, &path, false);
    println!("sip.conf.sample: {p} peers, {e} lint errors, {w} lint warnings, {r} report entries");
}
