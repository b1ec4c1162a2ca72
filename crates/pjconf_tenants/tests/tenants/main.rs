//! The tenant compiler's tests: fixtures with snapshots, isolation rules, the schema, naming
//! and model-level properties.

mod common;
mod fixtures;
mod impact;
mod isolation;
mod names;
mod props;
mod schema;
