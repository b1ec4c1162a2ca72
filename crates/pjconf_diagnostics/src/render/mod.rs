//! Renderers: one module per output format. Each reads diagnostics and a [`crate::SourceMap`]
//! and returns text; none prints.
