//! One module per subcommand, each with one `run`.

mod dependents;
mod convert;
pub(crate) mod compile;
pub(crate) mod expand;
mod explain;
pub(crate) mod lint;
mod parse;
mod resolve;
pub(crate) mod rule;

use crate::args::Command;
use crate::{CliError, Console, ExitStatus};

/// Run a parsed command.
pub(crate) fn run(command: Command, console: &mut Console) -> Result<ExitStatus, CliError> {
    match command {
        Command::Parse(args) => parse::run(&args, console),
        Command::Resolve(args) => resolve::run(&args, console),
        Command::Explain(args) => explain::run(&args, console),
        Command::Dependents(args) => dependents::run(&args, console),
        Command::Lint(args) => lint::run(&args, console),
        Command::Rule(args) => rule::run(&args, console),
        Command::Expand(args) => expand::run(&args, console),
        Command::Convert(args) => convert::run(&args, console),
        Command::Compile(args) => compile::run(&args, console),
    }
}
