//! Every real-world file in ../shared/corpus and every Asterisk sample parses without a panic,
//! reprints byte for byte, and gets no error-level diagnostic unless it is listed below with
//! the reason (checked against what a real Asterisk did with it).

#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use pjconf_diagnostics::FileId;

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    dir.is_dir().then_some(dir)
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else if path.file_name().is_some_and(|n| n != "MANIFEST.tsv") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Files with error-level syntax diagnostics, with the code expected and why it is right.
const EXPECTED_ERRORS: &[(&str, &str)] = &[
    // Fragments written to be `#include`d inside a section (FreePBX/Issabel style): read on
    // their own, config.c rejects them ("No category context").
    ("shinichi85__voiperopen__etc_asterisk_sip_nat.conf", "PJ006"),
    ("stgnet__dring_test__sip_general_additional.conf", "PJ006"),
    (
        "jbazanl__utp-issabel-asterisk__sip_general_additional.conf",
        "PJ006",
    ),
    (
        "jbazanl__utp-issabel-asterisk__sip_general_custom.conf",
        "PJ006",
    ),
    (
        "jbazanl__utp-issabel-asterisk__sip_registrations.conf",
        "PJ006",
    ),
    (
        "telon-org__simbox__simbox.own_etc_asterisk_own_sip_ip.conf",
        "PJ006",
    ),
    ("telon-org__simbox__own.sample_sip_ip.conf", "PJ006"),
    (
        "zburgermeiszter__asterisk-disa-callback__asterisk11_etc_asterisk_sip_registers.conf",
        "PJ006",
    ),
    // `#exec` is refused by pjconf's own policy.
    ("stuntbanana__etc-asterisk__pjsip.conf", "PJ016"),
];

#[test]
fn corpus_parses_and_reprints_identically() {
    let Some(shared) = shared() else {
        println!("SKIPPED: ../shared is absent; the corpus test read no files");
        return;
    };
    let mut files = files_under(&shared.join("corpus"));
    files.extend(files_under(&shared.join("reference/samples")));
    assert!(
        !files.is_empty(),
        "no corpus files found under {}",
        shared.display()
    );
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut unexpected = Vec::new();
    for path in &files {
        let text = std::fs::read(path).unwrap();
        let parsed = pjconf_syntax::parse(FileId(0), text.clone());
        assert!(
            parsed.tree.reprint() == text,
            "reprint differs for {}",
            path.display()
        );
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        for d in &parsed.diagnostics {
            *counts.entry(d.code).or_default() += 1;
            let expected = EXPECTED_ERRORS
                .iter()
                .any(|(f, c)| *f == name && *c == d.code);
            if d.is_error() && !expected {
                unexpected.push(format!("{name}: {} {}", d.code, d.message));
            }
        }
    }
    println!(
        "corpus: parsed and reprinted {} files; diagnostics by code: {counts:?}",
        files.len()
    );
    assert!(
        unexpected.is_empty(),
        "unexpected errors:\n{}",
        unexpected.join("\n")
    );
}
