//! Shared helpers: where fixtures are, and linting compiled output as a user would.

use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use pjconf_diagnostics::{Diagnostic, render};
use pjconf_lint::{LintContext, Selection, lint, resolve_sections};
use pjconf_model::ObjectSet;
use pjconf_syntax::{LoadOptions, MemoryLoader, load_text};
use pjconf_tenants::{Compiled, OptionMap, OptionValue};

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

/// Endpoint and aor options of a random model element, chosen by the bits of `bits` (context,
/// disallow, allow, `bit3` (a list option each test picks), transport, max_contacts,
/// direct_media), shared by the proptests of compile and impact.
pub(crate) fn random_options(slug: &str, bits: u8, bit3: (&str, &str)) -> (OptionMap, OptionMap) {
    let mut endpoint = IndexMap::new();
    let mut aor = IndexMap::new();
    if bits & 1 != 0 {
        endpoint.insert(
            "context".into(),
            OptionValue::from(format!("{slug}_ctx{}", bits % 3)),
        );
    }
    if bits & 2 != 0 {
        endpoint.insert("disallow".into(), OptionValue::from("all"));
    }
    if bits & 4 != 0 {
        endpoint.insert("allow".into(), OptionValue::from(["ulaw", "opus"]));
    }
    if bits & 8 != 0 {
        endpoint.insert(bit3.0.into(), OptionValue::from([bit3.1]));
    }
    if bits & 16 != 0 {
        endpoint.insert("transport".into(), OptionValue::from("udp"));
    }
    if bits & 32 != 0 {
        aor.insert(
            "max_contacts".into(),
            OptionValue::from(i64::from(bits % 5 + 1)),
        );
    }
    if bits & 64 != 0 {
        endpoint.insert("direct_media".into(), OptionValue::from(bits & 128 != 0));
    }
    (endpoint, aor)
}
