//! `pjconf parse FILE [--reprint]`: the syntax tree as JSON, or the file printed back.

use pjconf_diagnostics::FileId;

use crate::args::ParseArgs;
use crate::report::{Sink, report};
use crate::{CliError, Console, ExitStatus, input};

/// Print the tree (or the reprint) of the top-level file on standard output, and the syntax
/// and include diagnostics of every file read on standard error.
pub(crate) fn run(args: &ParseArgs, console: &mut Console) -> Result<ExitStatus, CliError> {
    let mut config = input::load(&args.input, console)?;
    let top = config.tree(FileId(0));
    if args.reprint {
        console
            .out(&top.reprint())
            .map_err(|e| CliError::io("cannot write output", e))?;
    } else {
        let mut files = Vec::new();
        for (id, file) in config.sources.files() {
            files.push(pjconf_syntax::tree_to_json(config.tree(id), &file.name));
        }
        let json = serde_json::json!({ "files": files });
        let text = crate::report::pretty_json(&json)?;
        console
            .out(text.as_bytes())
            .map_err(|e| CliError::io("cannot write output", e))?;
    }
    Ok(report(
        &mut config.diagnostics,
        &config.sources,
        &args.output,
        Sink::Stderr,
        console,
    ))
}
