//! The `pjconf` binary: parse arguments, run, exit with 0 (clean), 1 (findings) or 2 (failure).

use std::process::ExitCode;

fn main() -> ExitCode {
    pjconf_cli::main_with_args(std::env::args_os())
}
