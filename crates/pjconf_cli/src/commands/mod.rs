//! One module per subcommand, each with one `run`.

mod parse;

use crate::args::Command;
use crate::{CliError, Console, ExitStatus};

/// Run a parsed command.
pub(crate) fn run(command: Command, console: &mut Console) -> Result<ExitStatus, CliError> {
    match command {
        Command::Parse(args) => parse::run(&args, console),
    }
}
