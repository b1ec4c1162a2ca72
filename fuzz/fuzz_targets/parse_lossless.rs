//! Fuzz target: `pjconf_syntax::parse` on arbitrary bytes.
//!
//! Oracle (any failure aborts the run and libFuzzer saves the input):
//! - `parse` does not panic, as a top-level file and as an included one;
//! - `tree.reprint()` equals the input byte for byte;
//! - the tokens are non-empty, contiguous, and cover the input exactly, and so are the lines;
//! - every diagnostic span (primary, secondary labels, fix edits) lies within the input;
//! - the typed views (sections, items, directives) do not panic and give in-bounds spans.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pjconf_diagnostics::FileId;
use pjconf_syntax::{FileRole, Parse, parse_as};

/// The oracle is the library's own statement of the lossless contract (`Parse::verify`).
fn check(parsed: &Parse, input: &[u8]) {
    if let Err(problem) = parsed.verify(input) {
        panic!("{problem}");
    }
}

fuzz_target!(|data: &[u8]| {
    for role in [FileRole::TopLevel, FileRole::Included] {
        let parsed = parse_as(FileId(0), data.to_vec(), role);
        check(&parsed, data);
    }
});
