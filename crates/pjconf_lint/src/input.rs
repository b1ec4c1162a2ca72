//! From a loaded configuration to the resolved sections the model classifies.

use std::sync::Arc;

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
    // The name of each section that hands values down, made once and shared by every value
    // it hands down (a template with 100,000 users is one allocation, not 100,000).
    let mut origin_names: Vec<Option<Arc<str>>> = vec![None; graph.len()];
    let mut sections = Vec::with_capacity(graph.len());
    for section in graph.sections() {
        let info = section.info();
        let mut values = Vec::with_capacity(section.len());
        for v in section.values() {
            let inherited_from = v.is_inherited().then(|| {
                let origin = v.origin();
                origin_names[origin.index()]
                    .get_or_insert_with(|| Arc::from(graph.name(origin)))
                    .clone()
            });
            values.push(SectionValue {
                key: v.key().to_string(),
                value: v.value().to_string(),
                key_span: v.key_span(),
                value_span: v.value_span(),
                inherited_from,
            });
        }
        sections.push(SectionInput {
            name: info.name.clone(),
            name_span: info.name_span,
            template: info.template,
            values,
        });
    }
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
