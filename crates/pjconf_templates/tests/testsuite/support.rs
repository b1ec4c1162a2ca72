//! Helpers: load a fixture, and describe a graph as text for a snapshot.

use std::fmt::Write as _;

use pjconf_diagnostics::render::human;
use pjconf_syntax::{LoadOptions, LoadedConfig, MemoryLoader, load};
use pjconf_templates::{ListOptions, Lookup, TemplateGraph, builder_from_config, render};

/// The fixtures directory.
pub(crate) fn fixtures() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/templates")
}

/// Load `name` (and what it includes) from memory.
pub(crate) fn load_files(files: &[(&str, &str)], top: &str) -> LoadedConfig {
    let mut loader = MemoryLoader::new();
    for (name, text) in files {
        loader.insert(*name, *text);
    }
    load(&loader, top, &LoadOptions::default()).expect("top file is in the set")
}

/// The graph of a loaded configuration with `lookup`.
pub(crate) fn graph_of(config: &LoadedConfig, lookup: Lookup) -> TemplateGraph {
    builder_from_config(config, lookup).build()
}

/// Diagnostics (rendered for people), every section explained, and the effective values.
pub(crate) fn report(config: &LoadedConfig, graph: &TemplateGraph) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "lookup: {:?}", graph.lookup());
    out.push_str("\n== syntax diagnostics\n");
    if config.diagnostics.is_empty() {
        out.push_str("(none)\n");
    } else {
        out.push_str(&human(&config.diagnostics, &config.sources, false));
    }
    out.push_str("\n== template diagnostics\n");
    if graph.diagnostics().is_empty() {
        out.push_str("(none)\n");
    } else {
        out.push_str(&human(graph.diagnostics(), &config.sources, false));
    }
    out.push_str("\n== sections\n");
    let mut done: Vec<String> = Vec::new();
    for id in graph.ids() {
        let name = graph.name(id).to_string();
        if done.contains(&name) {
            continue;
        }
        out.push_str(&render::explain(graph, &config.sources, &name, None).unwrap());
        done.push(name);
    }
    out.push_str("\n== effective (pjsip list options)\n");
    for s in graph.sections() {
        let values: Vec<String> = s
            .effective(&ListOptions::PJSIP)
            .iter()
            .map(|v| format!("{}={}", v.key(), v.value()))
            .collect();
        let _ = writeln!(
            out,
            "[{}]{} type={:?}: {}",
            s.name(),
            if s.is_template() { "(!)" } else { "" },
            s.section_type(),
            values.join(" | ")
        );
    }
    out
}
