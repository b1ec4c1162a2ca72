//! The `pjconf` command-line shell. Only this crate prints or exits; every subcommand is one
//! `run` function over the library, returning an [`ExitStatus`].
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod args;
mod commands;
mod console;
mod error;
mod exit;
mod input;
mod report;
#[cfg(test)]
mod test_support;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::Parser;

pub use args::Cli;
pub use console::Console;
pub use error::CliError;
pub use exit::ExitStatus;

/// Parse `args` (program name first), run, and turn the outcome into an exit code; errors are
/// reported on standard error. A closed output pipe (`pjconf parse x | head`) is success.
pub fn main_with_args(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let mut console = Console::std();
    run_with_args(args, &mut console).into()
}

/// Like [`main_with_args`], writing to `console` (tests capture output this way).
pub fn run_with_args(
    args: impl IntoIterator<Item = OsString>,
    console: &mut Console,
) -> ExitStatus {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let is_help = matches!(
                e.kind(),
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion
            );
            let text = e.render().to_string();
            if is_help {
                console.out_str(&text);
                return ExitStatus::Success;
            }
            console.err_str(&text);
            return ExitStatus::Failure;
        }
    };
    match commands::run(cli.command, console) {
        Ok(status) => status,
        Err(CliError::BrokenPipe) => ExitStatus::Success,
        Err(error) => {
            console.err_str(&format!("pjconf failed: {error}\n"));
            let mut source = std::error::Error::source(&error);
            while let Some(cause) = source {
                console.err_str(&format!("  caused by: {cause}\n"));
                source = cause.source();
            }
            ExitStatus::Failure
        }
    }
}
