//! The pjconf_emit test suite: one binary, one module per concern.

mod common;
mod emitted;
mod escaping;
mod flatten;
mod roundtrip;
