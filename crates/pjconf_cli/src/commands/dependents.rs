//! `pjconf dependents FILE SECTION`: the sections that inherit from a section, directly or
//! through other templates.

use pjconf_templates::{TemplateGraph, render};

use crate::args::DependentsArgs;
use crate::report::finish;
use crate::{CliError, Console, ExitStatus, input};

/// Print the dependents on standard output, and the diagnostics on standard error.
pub(crate) fn run(args: &DependentsArgs, console: &mut Console) -> Result<ExitStatus, CliError> {
    let config = input::load(&args.input, console)?;
    let mut graph = TemplateGraph::from_config(&config);
    let text = render::dependents(&graph, &config.sources, &args.section);
    let mut diagnostics = config.diagnostics;
    diagnostics.extend(graph.take_diagnostics());
    finish(
        text,
        &mut diagnostics,
        &config.sources,
        &args.output,
        console,
    )
}
