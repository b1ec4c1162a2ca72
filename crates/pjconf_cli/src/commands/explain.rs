//! `pjconf explain FILE SECTION [KEY]`: each value of a section with the line that wrote it
//! and the chain of templates it came through.

use pjconf_templates::{TemplateGraph, render};

use crate::args::ExplainArgs;
use crate::report::finish;
use crate::{CliError, Console, ExitStatus, input};

/// Print the explanation on standard output, and the diagnostics on standard error.
pub(crate) fn run(args: &ExplainArgs, console: &mut Console) -> Result<ExitStatus, CliError> {
    let config = input::load(&args.input, console)?;
    let mut graph = TemplateGraph::from_config(&config);
    let text = render::explain(&graph, &config.sources, &args.section, args.key.as_deref());
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
