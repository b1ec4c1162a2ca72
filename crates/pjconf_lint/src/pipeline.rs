//! The whole check of one loaded configuration: syntax, templates, wizard expansion, model
//! classification and the lint rules, as one call.

use pjconf_diagnostics::Diagnostic;
use pjconf_model::{ObjectSet, wizard};
use pjconf_syntax::LoadedConfig;

use crate::{LintContext, Selection, lint, resolve_sections};

/// What kind of file is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// pjsip.conf: every typed section is an object.
    Pjsip,
    /// pjsip_wizard.conf: Asterisk reads only the wizard sections, and expands each into the
    /// objects res_pjsip_config_wizard.c creates; those objects are then linted.
    Wizard,
}

impl FileKind {
    /// The kind a file name suggests: names containing `wizard` are wizard files.
    pub fn from_name(name: &str) -> Self {
        if name.to_ascii_lowercase().contains("wizard") {
            FileKind::Wizard
        } else {
            FileKind::Pjsip
        }
    }
}

/// The outcome of [`check_config`].
#[derive(Debug, Clone)]
pub struct CheckReport {
    /// The objects Sorcery would see.
    pub objects: ObjectSet,
    /// Every finding of every stage that the selection keeps, sorted.
    pub diagnostics: Vec<Diagnostic>,
}

/// Check `config` as a file of `kind`: its syntax and include diagnostics, the template
/// diagnostics, the wizard's (for wizard files), and the selected lint rules over the objects.
///
/// ```
/// use pjconf_lint::{FileKind, Selection, check_config};
/// use pjconf_syntax::{LoadOptions, MemoryLoader, load_text};
///
/// let text = b"[6001]\ntype = endpoint\naors = 6001\ndirect_meda = no\n";
/// let config = load_text(&MemoryLoader::new(), "pjsip.conf", text.to_vec(), &LoadOptions::default());
/// let report = check_config(&config, FileKind::Pjsip, &Selection::default());
/// let codes: Vec<_> = report.diagnostics.iter().map(|d| d.code).collect();
/// assert!(codes.contains(&"PJ203")); // unknown option, did you mean direct_media
/// assert!(codes.contains(&"PJ206")); // aors names no aor
/// ```
pub fn check_config(config: &LoadedConfig, kind: FileKind, selection: &Selection) -> CheckReport {
    let mut diagnostics: Vec<Diagnostic> = config.diagnostics.clone();
    let resolution = resolve_sections(config);
    diagnostics.extend(resolution.diagnostics);
    let sections = match kind {
        FileKind::Pjsip => resolution.sections,
        FileKind::Wizard => {
            let wizards = resolution.sections.into_iter().filter(wizard::is_wizard);
            let expansion = wizard::expand_all(wizards);
            diagnostics.extend(expansion.diagnostics);
            expansion.sections
        }
    };
    diagnostics.retain(|d| selection.enables_code(d.code));
    let objects = ObjectSet::classify(sections);
    let cx = LintContext::new(&objects);
    diagnostics.extend(lint(&cx, selection));
    pjconf_diagnostics::render::sort(&mut diagnostics);
    CheckReport {
        objects,
        diagnostics,
    }
}
