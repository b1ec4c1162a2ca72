//! Benchmarks of pjconf. The library holds the input generators; the binaries under
//! `src/bin/` run the benches and print their figures (see `benches/README.md`).

pub mod r#gen;
pub mod measure;
pub mod tenant_model;

pub use r#gen::pjsip_conf;
