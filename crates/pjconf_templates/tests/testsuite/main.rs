//! Integration tests of pjconf_templates: fixtures with snapshots, the builder API, deep
//! chains, property tests against a naive reference, and the shared corpus.

// The corpus test reports what it read, as the other corpus tests do.
#![allow(clippy::print_stdout)]

mod builder;
mod corpus;
mod deep;
mod fixtures;
mod props;
mod render;
mod support;
