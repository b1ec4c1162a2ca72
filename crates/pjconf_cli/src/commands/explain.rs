//! `pjconf explain FILE SECTION [KEY]`: each value of a section with the line that wrote it
//! and the chain of templates it came through.

use pjconf_templates::{TemplateGraph, render};

use crate::args::ExplainArgs;
use crate::report::{Sink, report};
use crate::{CliError, Console, ExitStatus, input};

/// Print the explanation on standard output, and the diagnostics on standard error.
pub(crate) fn run(args: &ExplainArgs, console: &mut Console) -> Result<ExitStatus, CliError> {
    let config = input::load(&args.input, console)?;
    let mut graph = TemplateGraph::from_config(&config);
    let text = render::explain(&graph, &config.sources, &args.section, args.key.as_deref());
    let mut diagnostics = config.diagnostics;
    diagnostics.extend(graph.take_diagnostics());
    let text = match text {
        Ok(text) => text,
        Err(e) => {
            report(
                &mut diagnostics,
                &config.sources,
                &args.output,
                Sink::Stderr,
                console,
            );
            return Err(CliError::Usage(e.to_string()));
        }
    };
    console
        .out(text.as_bytes())
        .map_err(|e| CliError::io("cannot write output", e))?;
    Ok(report(
        &mut diagnostics,
        &config.sources,
        &args.output,
        Sink::Stderr,
        console,
    ))
}
