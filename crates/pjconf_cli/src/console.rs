//! Where output goes: the process's standard streams, or buffers in tests.

use std::io::{IsTerminal, Write};

/// Standard output and standard error, and whether standard error is a color terminal.
pub struct Console {
    out: Box<dyn Write>,
    err: Box<dyn Write>,
    /// True when standard error is a terminal and `NO_COLOR` is unset (`--color auto`).
    pub err_is_color_terminal: bool,
    /// True when standard output is a terminal and `NO_COLOR` is unset.
    pub out_is_color_terminal: bool,
    /// Text read for `-` (tests set it; `None` reads the real standard input).
    pub stdin: Option<Vec<u8>>,
}

impl Console {
    /// The process's streams.
    pub fn std() -> Self {
        let color = std::env::var_os("NO_COLOR").is_none();
        Console {
            out_is_color_terminal: color && std::io::stdout().is_terminal(),
            out: Box::new(std::io::stdout().lock()),
            err: Box::new(std::io::stderr()),
            err_is_color_terminal: color && std::io::stderr().is_terminal(),
            stdin: None,
        }
    }

    /// Streams written into shared buffers (for tests).
    pub fn buffers(
        out: std::rc::Rc<std::cell::RefCell<Vec<u8>>>,
        err: std::rc::Rc<std::cell::RefCell<Vec<u8>>>,
    ) -> Self {
        Console {
            out: Box::new(Shared(out)),
            err: Box::new(Shared(err)),
            err_is_color_terminal: false,
            out_is_color_terminal: false,
            stdin: None,
        }
    }

    /// Write bytes to standard output.
    pub fn out(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.out.write_all(bytes).and_then(|()| self.out.flush())
    }

    /// Write text to standard output, ignoring failures (used for help text).
    pub fn out_str(&mut self, text: &str) {
        let _ = self.out(text.as_bytes());
    }

    /// Write text to standard error, ignoring failures.
    pub fn err_str(&mut self, text: &str) {
        let _ = self.err.write_all(text.as_bytes());
        let _ = self.err.flush();
    }

    /// Read standard input (or the test's text).
    pub fn read_stdin(&mut self) -> std::io::Result<Vec<u8>> {
        if let Some(text) = self.stdin.take() {
            return Ok(text);
        }
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)?;
        Ok(buf)
    }
}

struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
