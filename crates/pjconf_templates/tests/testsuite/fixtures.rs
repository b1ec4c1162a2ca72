//! Every fixtures/templates/*.conf, resolved, with its diagnostics: one snapshot each.
//! Files named `any-order-*` are read with [`Lookup::AnyOrder`], the others as config.c
//! reads them.

use pjconf_templates::Lookup;

use crate::support::{graph_of, load_files, report};

#[test]
fn fixture_files() {
    insta::glob!("../../../../fixtures/templates", "*.conf", |path| {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(path).unwrap();
        let lookup = if name.starts_with("any-order-") {
            Lookup::AnyOrder
        } else {
            Lookup::DefinedAbove
        };
        let config = load_files(&[(&name, &text)], &name);
        let graph = graph_of(&config, lookup);
        insta::assert_snapshot!(report(&config, &graph));
    });
}

#[test]
fn included_files_are_read_in_place() {
    let dir = crate::support::fixtures().join("include");
    let main = std::fs::read_to_string(dir.join("pjsip.conf")).unwrap();
    let part = std::fs::read_to_string(dir.join("templates.conf")).unwrap();
    let config = load_files(
        &[("pjsip.conf", &main), ("templates.conf", &part)],
        "pjsip.conf",
    );
    let graph = graph_of(&config, Lookup::DefinedAbove);
    insta::assert_snapshot!(report(&config, &graph));
}
