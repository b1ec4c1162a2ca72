//! The text and JSON views the CLI prints.

use pjconf_templates::{Lookup, render};

use crate::support::{fixtures, graph_of, load_files};

fn fixture(name: &str) -> pjconf_syntax::LoadedConfig {
    let text = std::fs::read_to_string(fixtures().join(name)).unwrap();
    load_files(&[(name, &text)], name)
}

#[test]
fn conf_has_no_templates_left() {
    let config = fixture("multi-parent.conf");
    let graph = graph_of(&config, Lookup::DefinedAbove);
    insta::assert_snapshot!(render::conf(&graph, None).unwrap());
}

#[test]
fn conf_of_a_named_template_keeps_its_flag() {
    let config = fixture("multi-parent.conf");
    let graph = graph_of(&config, Lookup::DefinedAbove);
    let text = render::conf(&graph, Some("prefs")).unwrap();
    assert_eq!(
        text,
        "[prefs](!)\ndisallow = all\nallow = ulaw\ncontext = from-base\ndirect_media = no\ncontext = from-prefs\n"
    );
}

#[test]
fn conf_output_reads_back_to_the_same_values() {
    let config = fixture("codecs.conf");
    let graph = graph_of(&config, Lookup::DefinedAbove);
    let text = render::conf(&graph, None).unwrap();
    let again = load_files(&[("flat.conf", &text)], "flat.conf");
    let flat = graph_of(&again, Lookup::DefinedAbove);
    let pairs = |g: &pjconf_templates::TemplateGraph| -> Vec<(String, Vec<(String, String)>)> {
        g.sections()
            .filter(|s| !s.is_template())
            .map(|s| {
                let values = s
                    .values()
                    .map(|v| (v.key().to_string(), v.value().to_string()))
                    .collect();
                (s.name().to_string(), values)
            })
            .collect()
    };
    assert_eq!(pairs(&graph), pairs(&flat));
    assert!(flat.diagnostics().is_empty());
}

#[test]
fn json_has_provenance() {
    let config = fixture("multi-parent.conf");
    let graph = graph_of(&config, Lookup::DefinedAbove);
    let value = render::json(&graph, &config.sources, Some("alice")).unwrap();
    insta::assert_json_snapshot!(value);
}

#[test]
fn explain_one_key() {
    let config = fixture("multi-parent.conf");
    let graph = graph_of(&config, Lookup::DefinedAbove);
    let text = render::explain(&graph, &config.sources, "alice", Some("CONTEXT")).unwrap();
    insta::assert_snapshot!(text);
    let none = render::explain(&graph, &config.sources, "alice", Some("nope")).unwrap();
    assert!(none.ends_with("  (no value named `nope`)\n"), "{none}");
}

#[test]
fn dependents_with_paths() {
    let config = fixture("multi-parent.conf");
    let graph = graph_of(&config, Lookup::DefinedAbove);
    insta::assert_snapshot!(render::dependents(&graph, &config.sources, "base").unwrap());
    let leaf = render::dependents(&graph, &config.sources, "alice").unwrap();
    assert_eq!(
        leaf,
        "[alice] multi-parent.conf:17: 0 sections inherit from it\n"
    );
}

#[test]
fn unknown_section_suggests() {
    let config = fixture("multi-parent.conf");
    let graph = graph_of(&config, Lookup::DefinedAbove);
    let err = render::conf(&graph, Some("alcie")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no section named `alcie`; did you mean `alice`?"
    );
    let err = render::explain(&graph, &config.sources, "zzz", None).unwrap_err();
    assert_eq!(err.to_string(), "no section named `zzz`");
}
