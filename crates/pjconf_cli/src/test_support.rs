//! Running the CLI in-process with captured output, for the commands' unit tests.

use std::cell::RefCell;
use std::rc::Rc;

use crate::{Console, ExitStatus, run_with_args};

/// Run `pjconf ARGS...`; return the status, standard output and standard error.
pub(crate) fn run(args: &[&str]) -> (ExitStatus, String, String) {
    let out = Rc::new(RefCell::new(Vec::new()));
    let err = Rc::new(RefCell::new(Vec::new()));
    let mut console = Console::buffers(Rc::clone(&out), Rc::clone(&err));
    let argv = std::iter::once("pjconf")
        .chain(args.iter().copied())
        .map(Into::into);
    let status = run_with_args(argv, &mut console);
    let out = String::from_utf8_lossy(&out.borrow()).into_owned();
    let err = String::from_utf8_lossy(&err.borrow()).into_owned();
    (status, out, err)
}
