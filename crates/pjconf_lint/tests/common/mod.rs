//! Loading a .conf file and linting it, shared by the test files.

#![allow(dead_code)]

use pjconf_diagnostics::Diagnostic;
use pjconf_lint::{LintContext, Selection, lint, sections_from_tree};
use pjconf_model::ObjectSet;
use pjconf_syntax::{LoadOptions, LoadedConfig, StdLoader, load};

/// Load `path` (with includes under `root`) and lint it with every rule.
pub(crate) fn lint_file(root: &str, path: &str) -> (LoadedConfig, Vec<Diagnostic>) {
    let loader = StdLoader::new(root).unwrap();
    let config = load(&loader, path, &LoadOptions::default()).unwrap();
    let objects = ObjectSet::classify(sections_from_tree(&config));
    let cx = LintContext::new(&objects);
    let diagnostics = lint(&cx, &Selection::default());
    (config, diagnostics)
}
