//! Every fixture under fixtures/lint/<CODE>/: `invalid.conf` must produce at least one
//! diagnostic with that code (snapshot of their human rendering); `valid.conf` must produce
//! none with that code.

mod common;

use pjconf_diagnostics::render;

const ROOT: &str = "../../fixtures/lint";

#[test]
fn lint_fixtures() {
    insta::glob!("../../../fixtures/lint", "*/*.conf", |path| {
        let code = path
            .parent()
            .and_then(|p| p.file_name())
            .unwrap()
            .to_string_lossy()
            .to_string();
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let (config, diagnostics) = common::lint_file(ROOT, &format!("{ROOT}/{code}/{file}"));
        assert!(
            config.diagnostics.is_empty(),
            "{code}/{file}: syntax diagnostics:\n{}",
            render::human(&config.diagnostics, &config.sources, false)
        );
        let own: Vec<_> = diagnostics
            .iter()
            .filter(|d| d.code == code)
            .cloned()
            .collect();
        let text = render::human(&own, &config.sources, false);
        match file.as_str() {
            "invalid.conf" => {
                assert!(
                    !own.is_empty(),
                    "{code}/{file}: expected a {code} diagnostic"
                );
                insta::assert_snapshot!(text);
            }
            "valid.conf" => assert!(own.is_empty(), "{code}/{file}: unexpected:\n{text}"),
            _ => panic!("{code}/{file}: fixtures are named valid.conf or invalid.conf"),
        }
    });
}
