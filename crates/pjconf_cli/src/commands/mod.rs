//! One module per subcommand, each with one `run`.

mod dependents;
mod explain;
mod parse;
mod resolve;

use crate::args::Command;
use crate::{CliError, Console, ExitStatus};

/// Run a parsed command.
pub(crate) fn run(command: Command, console: &mut Console) -> Result<ExitStatus, CliError> {
    match command {
        Command::Parse(args) => parse::run(&args, console),
        Command::Resolve(args) => resolve::run(&args, console),
        Command::Explain(args) => explain::run(&args, console),
        Command::Dependents(args) => dependents::run(&args, console),
    }
}
