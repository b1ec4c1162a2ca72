//! One module per subcommand, each with one `run`.

pub(crate) mod apply;
pub(crate) mod compile;
mod convert;
mod dependents;
pub(crate) mod diff;
pub(crate) mod expand;
mod explain;
pub(crate) mod impact;
pub(crate) mod lint;
mod parse;
mod resolve;
pub(crate) mod rule;
pub(crate) mod schema;

use crate::args::Command;
use crate::{CliError, Console, ExitStatus};

/// Run a parsed command.
pub(crate) fn run(command: Command, console: &mut Console) -> Result<ExitStatus, CliError> {
    match command {
        Command::Parse(args) => parse::run(&args, console),
        Command::Resolve(args) => resolve::run(&args, console),
        Command::Explain(args) => explain::run(&args, console),
        Command::Dependents(args) => dependents::run(&args, console),
        Command::Convert(args) => convert::run(&args, console),
        Command::Lint(args) => lint::run(&args, console),
        Command::Rule(args) => rule::run(&args, console),
        Command::Expand(args) => expand::run(&args, console),
        Command::Compile(args) => compile::run(&args, console),
        Command::Diff(args) => diff::run(&args, console),
        Command::Apply(args) => apply::run(&args, console),
        Command::Schema(args) => schema::run(&args, console),
        Command::Impact(args) => impact::run(&args, console),
    }
}
