//! Valid models compile (templated and flat) to snapshot-tested, lint-clean, deterministic
//! text; each invalid model gets the diagnostic its file is named after.

use pjconf_diagnostics::render;
use pjconf_tenants::{CompileOptions, Compiled, ModelError, ModelSource, compile};

use crate::common::{assert_lints_clean, fixtures, object_errors};

fn compile_path(path: &std::path::Path, flatten: bool) -> Result<Compiled, ModelError> {
    let source = ModelSource::load(path)?;
    Ok(compile(
        &source,
        &CompileOptions {
            flatten,
            ..CompileOptions::default()
        },
    ))
}

fn check_valid(name: &str, path: &std::path::Path) -> (String, String) {
    let mut texts = Vec::new();
    for flatten in [false, true] {
        let out = compile_path(path, flatten).unwrap();
        assert!(
            out.is_ok(),
            "{name}: {}",
            render::human(&out.diagnostics, &out.sources, false)
        );
        let text = out.text.clone().unwrap();
        assert_lints_clean(name, &text);
        let errors = object_errors(&out);
        assert!(
            errors.is_empty(),
            "{name}: objects lint with errors:\n{errors}"
        );
        let again = compile_path(path, flatten).unwrap();
        assert_eq!(
            again.text.as_deref(),
            Some(text.as_str()),
            "{name}: not deterministic"
        );
        texts.push(text);
    }
    let flat = texts.pop().unwrap();
    (texts.pop().unwrap(), flat)
}

#[test]
fn example_model() {
    let (templated, flat) = check_valid("example", &fixtures().join("example.toml"));
    insta::assert_snapshot!("example_templated", templated);
    insta::assert_snapshot!("example_flat", flat);
}

#[test]
fn directory_model() {
    let (templated, flat) = check_valid("dir", &fixtures().join("valid/dir"));
    insta::assert_snapshot!("dir_templated", templated);
    insta::assert_snapshot!("dir_flat", flat);
}

#[test]
fn json_model() {
    let (templated, _) = check_valid("minimal.json", &fixtures().join("valid/minimal.json"));
    insta::assert_snapshot!("json_templated", templated);
}

/// The diagnostics of an invalid model, rendered with their source lines.
fn invalid_report(path: &std::path::Path) -> (Vec<&'static str>, String) {
    match compile_path(path, false) {
        Ok(out) => {
            assert!(out.text.is_none() || out.is_ok());
            let codes = out.diagnostics.iter().map(|d| d.code).collect();
            let mut diagnostics = out.diagnostics.clone();
            render::sort(&mut diagnostics);
            (codes, render::human(&diagnostics, &out.sources, false))
        }
        Err(ModelError::Syntax {
            diagnostics,
            sources,
        }) => (
            diagnostics.iter().map(|d| d.code).collect(),
            render::human(&diagnostics, &sources, false),
        ),
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

#[test]
fn invalid_models() {
    insta::glob!("../../../../fixtures/tenants/invalid", "*.*", |path| {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let code = &file[..5];
        let (codes, text) = invalid_report(&fixtures().join("invalid").join(&file));
        assert!(
            codes.contains(&code),
            "{file}: expected a {code} diagnostic, got {codes:?}:\n{text}"
        );
        insta::assert_snapshot!(text);
    });
}

#[test]
fn invalid_directory_model() {
    let (codes, text) = invalid_report(&fixtures().join("invalid_dir"));
    assert!(
        codes.contains(&"PJ402") && codes.contains(&"PJ406"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn errors_leave_no_text() {
    let out = compile_path(
        &fixtures().join("invalid/PJ406-context-outside-tenant.toml"),
        false,
    )
    .unwrap();
    assert!(!out.is_ok());
    assert!(out.text.is_none());
}
