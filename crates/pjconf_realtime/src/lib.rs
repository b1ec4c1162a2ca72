//! Asterisk PJSIP realtime output: flattened objects become rows of the `ps_*` tables
//! (alembic head 2285f2ace275), compared with a database and written in one transaction.
//!
//! # How it fits
//! 1. Objects come flattened (realtime has no templates): resolved pjsip.conf sections
//!    classified by [`pjconf_model::ObjectSet::classify`], or a tenant model's compiled
//!    objects. Each becomes a [`Row`] ([`row_for`]): lists joined as the realtime drivers
//!    read them, unset options NULL.
//! 2. [`create_schema`] creates what is missing: the reference schema on PostgreSQL, narrow
//!    tables (only the columns in use) on SQLite.
//! 3. [`apply`] reads the current rows inside one write transaction (SQLite
//!    `BEGIN IMMEDIATE`; PostgreSQL `pg_advisory_xact_lock(`[`ADVISORY_LOCK_KEY`]`)`) and
//!    inserts, updates and deletes only what differs. Each [`Change`] carries the
//!    [`CacheExpiry`] (AMI `SorceryMemoryCacheExpireObject` or CLI
//!    `sorcery memory cache expire`) that makes a running Asterisk see it.
//!    [`apply_touched`] does the same for a known change (the objects `pjconf_tenants::impact`
//!    lists), reading and writing only the rows of those objects.
//!
//! # Ownership
//! pjconf records every row it writes in the table [`OWNED_TABLE`] under a scope
//! ([`ApplyOptions::scope`]). It deletes only rows its scope recorded and the objects no
//! longer contain, and never overwrites a row it did not write unless
//! [`ApplyOptions::adopt`] says so. Rows written by others are never touched.
//!
//! # Properties
//! - No printing. All failures are [`RealtimeError`]s and leave the database as it was.
//! - Idempotent: a second apply of the same objects runs no statement.

#![warn(missing_docs)]

mod apply;
mod cache;
mod db;
mod error;
mod parallel;
mod plan;
mod rows;
mod schema;

pub use apply::{
    Action, ApplyOptions, ApplyReport, Change, ColumnChange, OWNED_TABLE, apply, apply_touched,
    apply_with_progress, create_schema, desired_rows, plan_apply,
};
pub use cache::{CacheExpiry, CacheNames, module_of, reload_note};
pub use db::{ADVISORY_LOCK_KEY, Database};
pub use error::RealtimeError;
pub use rows::{Dialect, Row, row_for};
pub use schema::{
    Column, ColumnKind, POSTGRES_SCHEMA, Table, quote_ident, quote_literal, table, table_name,
    tables,
};
