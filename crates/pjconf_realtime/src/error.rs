//! What can go wrong between objects and a database.

use pjconf_model::ObjectType;
use thiserror::Error;

/// Why rows could not be computed, read or written. Every error during an apply leaves the
/// database as it was (the transaction is rolled back).
#[derive(Debug, Error)]
pub enum RealtimeError {
    /// The `--db` URL is neither `sqlite:PATH` nor `postgres://...`/`postgresql://...`.
    #[error("unsupported database URL `{0}` (expected sqlite:PATH or postgres://...)")]
    Url(String),
    /// The object type has no ps_* table pjconf writes (acl, phoneprov) or is written by
    /// Asterisk itself (contact, subscription_persistence).
    #[error("{} `{id}` cannot be stored in realtime (no ps_* table pjconf writes for this type)", object_type.as_str())]
    Unsupported {
        /// The type.
        object_type: ObjectType,
        /// The object.
        id: String,
    },
    /// The object sets an option that has no column in the reference schema.
    #[error("{table}: `{id}` sets `{option}`, which has no column in the realtime schema")]
    NoColumn {
        /// The table.
        table: &'static str,
        /// The object.
        id: String,
        /// The option as written.
        option: String,
    },
    /// Several values of an option that only `;`-splitting drivers can store in one column
    /// (e.g. `set_var`), for SQLite (res_config_sqlite3 does not split).
    #[error(
        "{table}: `{id}` has several `{column}` values; res_config_sqlite3 cannot read them from one column"
    )]
    NotRepresentable {
        /// The table.
        table: &'static str,
        /// The object.
        id: String,
        /// The column.
        column: String,
    },
    /// A value that the column's SQL type cannot hold (a non-number in an INTEGER column).
    #[error("{table}: `{id}`: `{value}` is not a valid value for column `{column}`")]
    InvalidValue {
        /// The table.
        table: &'static str,
        /// The object.
        id: String,
        /// The column.
        column: String,
        /// The value.
        value: String,
    },
    /// A value longer than the column's `VARCHAR(n)`.
    #[error("{table}: `{id}`: `{column}` is {len} characters, the column holds {max}")]
    TooLong {
        /// The table.
        table: &'static str,
        /// The object.
        id: String,
        /// The column.
        column: String,
        /// The value's length.
        len: usize,
        /// The column's width.
        max: usize,
    },
    /// Two objects of one type with the same id.
    #[error("{table}: two objects are named `{id}`")]
    Duplicate {
        /// The table.
        table: &'static str,
        /// The id.
        id: String,
    },
    /// A ps_* table the objects need does not exist.
    #[error("table {0} does not exist; create it with `pjconf schema`")]
    MissingTable(&'static str),
    /// A column the objects need does not exist (PostgreSQL tables are not altered).
    #[error(
        "column {table}.{column} does not exist; the database schema is older than the alembic head pjconf targets"
    )]
    MissingColumn {
        /// The table.
        table: &'static str,
        /// The column.
        column: String,
    },
    /// Rows with ids the objects use exist but are not owned by this scope: pjconf never
    /// overwrites rows it did not write unless told to adopt them.
    #[error(
        "{} existing row(s) not written by pjconf scope `{scope}` would be overwritten (first: {first}); pass adopt (--adopt) to take them over",
        count
    )]
    NotOwned {
        /// The scope applying.
        scope: String,
        /// How many rows.
        count: usize,
        /// The first, as `table/id`.
        first: String,
    },
    /// The progress callback asked to stop; nothing was committed.
    #[error("apply aborted: {0}")]
    Aborted(String),
    /// SQLite reported an error.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL reported an error (or the connection was lost).
    #[error("postgres: {0}")]
    Postgres(#[from] postgres::Error),
}
