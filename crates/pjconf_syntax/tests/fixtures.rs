//! Every fixture under fixtures/syntax/: files named `error_*` must produce diagnostics
//! (snapshot of the human rendering, carets included); the others must produce none
//! (snapshot of the JSON tree). Every file reprints byte for byte.

use pjconf_diagnostics::render;
use pjconf_syntax::{LoadOptions, StdLoader, load};

const ROOT: &str = "../../fixtures/syntax";

#[test]
fn syntax_fixtures() {
    insta::glob!("../../../fixtures/syntax", "*.conf", |path| {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let loader = StdLoader::new(ROOT).unwrap();
        let config = load(&loader, &format!("{ROOT}/{name}"), &LoadOptions::default()).unwrap();
        let input = std::fs::read(path).unwrap();
        let top = &config.trees[0];
        assert!(top.reprint() == input, "{name}: reprint differs");
        if name.starts_with("error_") {
            assert!(
                !config.diagnostics.is_empty(),
                "{name}: an error fixture must produce a diagnostic"
            );
            let mut diagnostics = config.diagnostics.clone();
            render::sort(&mut diagnostics);
            let text = render::human(&diagnostics, &config.sources, false);
            insta::assert_snapshot!(text);
        } else {
            let text = render::human(&config.diagnostics, &config.sources, false);
            assert!(
                config.diagnostics.is_empty(),
                "{name}: unexpected diagnostics:\n{text}"
            );
            let files: Vec<_> = config
                .sources
                .files()
                .map(|(id, f)| pjconf_syntax::tree_to_json(config.tree(id), &f.name))
                .collect();
            insta::assert_json_snapshot!(files);
        }
    });
}
