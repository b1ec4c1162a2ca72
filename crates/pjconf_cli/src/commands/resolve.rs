//! `pjconf resolve FILE [--section NAME] [--format conf|json]`: the sections with their
//! templates resolved, as config.c builds them.

use pjconf_templates::{TemplateGraph, render};

use crate::args::{OutputArgs, ResolveArgs, ResolveFormat};
use crate::report::finish;
use crate::{CliError, Console, ExitStatus, input};

/// Print the resolved sections (conf: templates flattened away; json: with provenance) on
/// standard output, and the syntax and template diagnostics on standard error.
pub(crate) fn run(args: &ResolveArgs, console: &mut Console) -> Result<ExitStatus, CliError> {
    let config = input::load(&args.input, console)?;
    let mut graph = TemplateGraph::from_config(&config);
    let section = args.section.as_deref();
    let text = match args.format {
        ResolveFormat::Conf => render::conf(&graph, section),
        ResolveFormat::Json => match render::json(&graph, &config.sources, section) {
            Ok(json) => Ok(crate::report::pretty_json(&json)?),
            Err(e) => Err(e),
        },
    };
    let mut diagnostics = config.diagnostics;
    diagnostics.extend(graph.take_diagnostics());
    let output = OutputArgs {
        format: args.diagnostics,
        color: args.color,
        warnings_as_errors: args.warnings_as_errors,
    };
    finish(text, &mut diagnostics, &config.sources, &output, console)
}
