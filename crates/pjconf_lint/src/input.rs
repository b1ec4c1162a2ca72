//! From a loaded configuration to the resolved sections the model classifies.

use pjconf_diagnostics::Diagnostic;
use pjconf_model::{SectionInput, SectionValue};
use pjconf_syntax::LoadedConfig;
use pjconf_templates::TemplateGraph;

/// The resolved sections of a configuration and the template diagnostics (PJ1xx) found while
/// resolving them.
#[derive(Debug, Clone)]
pub struct Resolution {
    /// Every section (templates included, flagged), in reading order, each with its values
    /// inherited first, as Sorcery applies them.
    pub sections: Vec<SectionInput>,
    /// Missing parents, forward references, cycles, `(+)` without a target...
    pub diagnostics: Vec<Diagnostic>,
}

/// Resolve `config` through the template graph (config.c's merge order: parents left to
/// right, each with what it had when it was defined, then the section's own lines; `(+)`
/// and `+=` applied) and turn each section into a [`SectionInput`]. A value inherited from a
/// template names that template in `inherited_from`.
///
/// ```
/// use pjconf_syntax::{LoadOptions, MemoryLoader, load_text};
///
/// let text = b"[phone](!)\ntype = endpoint\nallow = ulaw\n[6001](phone)\nallow +=,alaw\n";
/// let config = load_text(&MemoryLoader::new(), "pjsip.conf", text.to_vec(), &LoadOptions::default());
/// let resolved = pjconf_lint::resolve_sections(&config);
/// assert!(resolved.diagnostics.is_empty());
/// let alice = &resolved.sections[1];
/// let values: Vec<(&str, &str)> =
///     alice.values.iter().map(|v| (v.key.as_str(), v.value.as_str())).collect();
/// assert_eq!(values, [("type", "endpoint"), ("allow", "ulaw,alaw")]);
/// assert_eq!(alice.values[0].inherited_from.as_deref(), Some("phone"));
/// ```
pub fn resolve_sections(config: &LoadedConfig) -> Resolution {
    let mut graph = TemplateGraph::from_config(config);
    let diagnostics = graph.take_diagnostics();
    let mut sections = Vec::with_capacity(graph.len());
    sections.extend(graph.sections().map(|section| {
        let info = section.info();
        SectionInput {
            name: info.name.clone(),
            name_span: info.name_span,
            template: info.template,
            values: section
                .values()
                .map(|v| SectionValue {
                    key: v.key().to_string(),
                    value: v.value().to_string(),
                    key_span: v.key_span(),
                    value_span: v.value_span(),
                    inherited_from: v.is_inherited().then(|| graph.name(v.origin()).to_string()),
                })
                .collect(),
        }
    }));
    Resolution {
        sections,
        diagnostics,
    }
}

/// The resolved sections of `config` (see [`resolve_sections`]), without the template
/// diagnostics.
pub fn sections_from_tree(config: &LoadedConfig) -> Vec<SectionInput> {
    resolve_sections(config).sections
}
