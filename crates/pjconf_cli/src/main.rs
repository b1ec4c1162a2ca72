//! The `pjconf` binary: parse arguments, run, exit with 0 (clean), 1 (findings) or 2 (failure).

use std::process::ExitCode;

/// mimalloc instead of the system allocator: checking or converting a file allocates a few
/// million small strings (an owned key and value per option line), and glibc's malloc and
/// free were a quarter of the instructions of `pjconf check` on a large pjsip.conf; with
/// mimalloc they cost a fraction of that (benches/README.md has the figures).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    pjconf_cli::main_with_args(std::env::args_os())
}
