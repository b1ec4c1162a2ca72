//! Shared helpers: where fixtures are, and linting compiled output as a user would.

use std::path::{Path, PathBuf};

use pjconf_diagnostics::{Diagnostic, render};
use pjconf_lint::{LintContext, Selection, lint, resolve_sections};
use pjconf_model::ObjectSet;
use pjconf_syntax::{LoadOptions, MemoryLoader, load_text};
use pjconf_tenants::Compiled;

/// `fixtures/tenants`, relative to the crate directory (where cargo runs tests), so
/// rendered file names are the same on every machine.
pub(crate) fn fixtures() -> PathBuf {
    Path::new("../../fixtures/tenants").to_path_buf()
}

/// Parse `text` as pjsip.conf, resolve templates, classify, lint: every diagnostic at error
/// level (syntax, templates and lint rules).
pub(crate) fn output_errors(text: &str) -> String {
    let config = load_text(
        &MemoryLoader::new(),
        "pjsip.conf",
        text.as_bytes().to_vec(),
        &LoadOptions::default(),
    );
    let resolved = resolve_sections(&config);
    let objects = ObjectSet::classify(resolved.sections);
    let cx = LintContext::new(&objects);
    let mut all: Vec<Diagnostic> = config.diagnostics.clone();
    all.extend(resolved.diagnostics);
    all.extend(lint(&cx, &Selection::default()));
    let errors: Vec<Diagnostic> = all.into_iter().filter(Diagnostic::is_error).collect();
    render::human(&errors, &config.sources, false)
}

/// Lint the compiled objects directly (no text round trip): error-level findings.
pub(crate) fn object_errors(out: &Compiled) -> String {
    let cx = LintContext::new(&out.objects);
    let errors: Vec<Diagnostic> = lint(&cx, &Selection::default())
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    render::human(&errors, &out.sources, false)
}

/// Assert the text lints clean (no error-level finding), templated or flat.
#[track_caller]
pub(crate) fn assert_lints_clean(what: &str, text: &str) {
    let errors = output_errors(text);
    assert!(
        errors.is_empty(),
        "{what}: the output has lint errors:\n{errors}\n{text}"
    );
}
