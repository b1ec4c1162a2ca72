//! Compare the rows of a set of objects with the database and write only the difference, in
//! one transaction.

use std::collections::BTreeMap;

use rustc_hash::FxHashSet as HashSet;

use pjconf_model::{ObjectType, PjsipObject};

use crate::cache::{CacheExpiry, CacheNames};
use crate::db::{Database, Session};
use crate::error::RealtimeError;
use crate::parallel::rows_in_parallel;
use crate::plan::{Reach, plan, reach_of};
use crate::rows::{Dialect, Row, row_for};
use crate::schema::{Column, ColumnKind, Table, quote_ident, quote_literal, tables};

/// The table in which pjconf records which ps_* rows it wrote, per scope.
pub const OWNED_TABLE: &str = "pjconf_owned";

/// How to apply.
#[derive(Debug, Clone)]
pub struct ApplyOptions {
    /// The ownership scope: rows are deleted only when this scope wrote them and the objects
    /// no longer contain them (default `default`).
    pub scope: String,
    /// Take over existing rows with the objects' ids that this scope did not write (another
    /// scope's, or rows written by hand). Without it such rows stop the apply.
    pub adopt: bool,
    /// Compute the changes and the SQL, write nothing.
    pub dry_run: bool,
    /// Memory-cache names for the expiry commands.
    pub caches: CacheNames,
    /// Statements sent to the database per round trip (at least 1).
    pub batch_size: usize,
}

impl Default for ApplyOptions {
    fn default() -> Self {
        ApplyOptions {
            scope: "default".to_string(),
            adopt: false,
            dry_run: false,
            caches: CacheNames::default(),
            batch_size: 500,
        }
    }
}

/// What happens to one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// A new row.
    Insert,
    /// Some columns of an existing row change.
    Update,
    /// A row this scope wrote and the objects no longer have.
    Delete,
}

impl Action {
    /// `insert`, `update` or `delete`.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Insert => "insert",
            Action::Update => "update",
            Action::Delete => "delete",
        }
    }
}

/// One column of a changed row: `None` is NULL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnChange {
    /// The column.
    pub column: String,
    /// The value in the database before.
    pub before: Option<String>,
    /// The value after.
    pub after: Option<String>,
}

/// One changed row (one changed object).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Insert, update or delete.
    pub action: Action,
    /// The object type.
    pub object_type: ObjectType,
    /// The table.
    pub table: &'static str,
    /// The object id.
    pub id: String,
    /// The columns that change (every non-NULL column for inserts and deletes).
    pub columns: Vec<ColumnChange>,
    /// The memory-cache expiry that makes a running Asterisk see the change.
    pub expire: CacheExpiry,
    /// What else a running Asterisk needs for this type, when a lookup is not enough.
    pub note: Option<&'static str>,
}

/// What an apply did (or, dry, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplyReport {
    /// The changed rows, deletes first, then updates and inserts, each in table then id order.
    pub changes: Vec<Change>,
    /// Every SQL statement run (or that would run) inside the transaction, in order.
    pub statements: Vec<String>,
    /// True when the statements were committed (false for a dry run or when there was
    /// nothing to do).
    pub committed: bool,
}

impl ApplyReport {
    /// True when the database already matched the objects.
    pub fn is_unchanged(&self) -> bool {
        self.statements.is_empty()
    }
}

/// Make the ps_* tables hold exactly `objects` (for the rows this scope owns): compute the
/// rows, read the current ones inside one write transaction (SQLite `BEGIN IMMEDIATE`,
/// PostgreSQL advisory lock), and insert, update and delete only what differs. Any failure
/// rolls everything back. Running it twice writes nothing the second time.
///
/// ```
/// use pjconf_diagnostics::{FileId, Span};
/// use pjconf_model::{ObjectType, PjsipObject, SectionValue};
/// use pjconf_realtime::{ApplyOptions, Database, apply, create_schema};
///
/// let at = Span::new(FileId(0), 0, 0);
/// let v = |k: &str, val: &str| SectionValue {
///     key: k.into(), value: val.into(), key_span: at, value_span: at, inherited_from: None,
/// };
/// let objects = vec![PjsipObject {
///     object_type: ObjectType::Aor, id: "6001".into(), id_span: at,
///     options: vec![v("type", "aor"), v("max_contacts", "1")],
/// }];
/// let dir = tempfile::tempdir().unwrap();
/// let mut db = Database::open(&format!("sqlite:{}", dir.path().join("rt.db").display())).unwrap();
/// create_schema(&mut db, &objects, false).unwrap();
/// let first = apply(&mut db, &objects, &ApplyOptions::default()).unwrap();
/// assert_eq!(first.changes.len(), 1);
/// assert_eq!(first.changes[0].expire.cli(), "sorcery memory cache expire res_pjsip/aor 6001");
/// let second = apply(&mut db, &objects, &ApplyOptions::default()).unwrap();
/// assert!(second.is_unchanged());
/// ```
pub fn apply(
    db: &mut Database,
    objects: &[PjsipObject],
    options: &ApplyOptions,
) -> Result<ApplyReport, RealtimeError> {
    apply_with_progress(db, objects, options, &mut |_, _| Ok(()))
}

/// [`apply`], calling `progress(done, total)` after each batch of statements; an `Err` from
/// it aborts the apply ([`RealtimeError::Aborted`]) and rolls the transaction back.
pub fn apply_with_progress(
    db: &mut Database,
    objects: &[PjsipObject],
    options: &ApplyOptions,
    progress: &mut dyn FnMut(usize, usize) -> Result<(), String>,
) -> Result<ApplyReport, RealtimeError> {
    let rows = desired_rows(objects, db.dialect())?;
    run(db, &rows, options, Reach::All, progress)
}

/// [`apply`] of a known change: only the objects `touched` names (by type and id) are
/// compared and written, every other row is taken to be up to date. A touched object found
/// in `objects` is inserted or updated; one not found there is deleted (when this scope
/// wrote it). `objects` may be the whole new model or only the touched objects; the rest of
/// it is not converted to rows (nor checked).
///
/// The cost grows with the touched objects, not with the database: their ownership records
/// and rows are read by id (index lookups). With `touched` listing every object that differs
/// between the model last applied and `objects` (the changes of `pjconf_tenants::impact`
/// between the two), the result is that of [`apply`] of the whole model; rows that drifted
/// for another reason (edited by hand) are only put right by a full [`apply`].
///
/// ```
/// use pjconf_diagnostics::{FileId, Span};
/// use pjconf_model::{ObjectType, PjsipObject, SectionValue};
/// use pjconf_realtime::{ApplyOptions, Database, apply, apply_touched, create_schema};
///
/// let at = Span::new(FileId(0), 0, 0);
/// let aor = |id: &str, max: &str| PjsipObject {
///     object_type: ObjectType::Aor, id: id.into(), id_span: at,
///     options: vec![SectionValue {
///         key: "max_contacts".into(), value: max.into(), key_span: at, value_span: at,
///         inherited_from: None,
///     }],
/// };
/// let dir = tempfile::tempdir().unwrap();
/// let mut db = Database::open(&format!("sqlite:{}", dir.path().join("rt.db").display())).unwrap();
/// let old = vec![aor("6001", "1"), aor("6002", "1")];
/// create_schema(&mut db, &old, false).unwrap();
/// apply(&mut db, &old, &ApplyOptions::default()).unwrap();
/// // 6001 changed, 6002 removed: only those two are read and written.
/// let new = vec![aor("6001", "2")];
/// let touched = [(ObjectType::Aor, "6001"), (ObjectType::Aor, "6002")];
/// let report = apply_touched(&mut db, &new, &touched, &ApplyOptions::default()).unwrap();
/// let done: Vec<_> = report.changes.iter().map(|c| (c.action.as_str(), c.id.as_str())).collect();
/// assert_eq!(done, [("delete", "6002"), ("update", "6001")]);
/// assert!(apply(&mut db, &new, &ApplyOptions::default()).unwrap().is_unchanged());
/// ```
pub fn apply_touched(
    db: &mut Database,
    objects: &[PjsipObject],
    touched: &[(ObjectType, &str)],
    options: &ApplyOptions,
) -> Result<ApplyReport, RealtimeError> {
    let wanted: HashSet<(ObjectType, &str)> = touched.iter().copied().collect();
    let picked = objects
        .iter()
        .filter(|o| wanted.contains(&(o.object_type, o.id.as_str())));
    let rows = rows_of(picked, db.dialect())?;
    let reach = reach_of(touched);
    run(db, &rows, options, Reach::Only(&reach), &mut |_, _| Ok(()))
}

/// Compare inside one write transaction, then run the statements batch by batch.
fn run(
    db: &mut Database,
    rows: &[Row],
    options: &ApplyOptions,
    reach: Reach<'_>,
    progress: &mut dyn FnMut(usize, usize) -> Result<(), String>,
) -> Result<ApplyReport, RealtimeError> {
    let write = !options.dry_run;
    db.transaction(write, write, |session| {
        let mut report = plan(session, rows, options, reach)?;
        if options.dry_run || report.statements.is_empty() {
            return Ok(report);
        }
        let total = report.statements.len();
        let batch = options.batch_size.max(1);
        let mut done = 0;
        for chunk in report.statements.chunks(batch) {
            session.execute_all(chunk)?;
            done += chunk.len();
            progress(done, total).map_err(RealtimeError::Aborted)?;
        }
        report.committed = true;
        Ok(report)
    })
}

/// [`apply`] with `dry_run`: the changes and the SQL, nothing written.
pub fn plan_apply(
    db: &mut Database,
    objects: &[PjsipObject],
    options: &ApplyOptions,
) -> Result<ApplyReport, RealtimeError> {
    let options = ApplyOptions {
        dry_run: true,
        ..options.clone()
    };
    apply(db, objects, &options)
}

/// The rows of `objects` (see [`row_for`]); two objects of one type with one id are an error.
pub fn desired_rows(objects: &[PjsipObject], dialect: Dialect) -> Result<Vec<Row>, RealtimeError> {
    no_duplicates(rows_in_parallel(objects, dialect)?)
}

fn rows_of<'a>(
    objects: impl Iterator<Item = &'a PjsipObject>,
    dialect: Dialect,
) -> Result<Vec<Row>, RealtimeError> {
    no_duplicates(
        objects
            .map(|object| row_for(object, dialect))
            .collect::<Result<Vec<Row>, _>>()?,
    )
}

fn no_duplicates(rows: Vec<Row>) -> Result<Vec<Row>, RealtimeError> {
    {
        let mut seen: HashSet<(&'static str, &str)> = HashSet::default();
        seen.reserve(rows.len());
        for row in &rows {
            if !seen.insert((row.table, row.id.as_str())) {
                return Err(RealtimeError::Duplicate {
                    table: row.table,
                    id: row.id.clone(),
                });
            }
        }
    }
    Ok(rows)
}

pub(crate) fn literal(kind: Option<&ColumnKind>, value: Option<&str>) -> String {
    let Some(value) = value else {
        return "NULL".to_string();
    };
    match kind {
        Some(ColumnKind::Integer | ColumnKind::BigInt | ColumnKind::Float) => value.to_string(),
        Some(ColumnKind::Boolean) => {
            if value == "true" {
                "TRUE".to_string()
            } else {
                "FALSE".to_string()
            }
        }
        _ => quote_literal(value),
    }
}

pub(crate) fn insert_sql(table: &str, table_def: &Table, row: &Row) -> String {
    let mut names = vec!["\"id\"".to_string()];
    let mut values = vec![quote_literal(&row.id)];
    for (column, value) in &row.values {
        names.push(quote_ident(column));
        values.push(literal(
            table_def.column(column).map(|c| &c.kind),
            Some(value),
        ));
    }
    format!(
        "INSERT INTO {} ({}) VALUES ({});",
        quote_ident(table),
        names.join(", "),
        values.join(", ")
    )
}

pub(crate) fn owned_table_sql() -> &'static str {
    "CREATE TABLE IF NOT EXISTS pjconf_owned (tbl VARCHAR(64) NOT NULL, id VARCHAR(255) NOT NULL, scope VARCHAR(255) NOT NULL, PRIMARY KEY (tbl, id));"
}

pub(crate) fn own_sql_for(table: &str, id: &str, scope: &str) -> String {
    format!(
        "INSERT INTO {OWNED_TABLE} (tbl, id, scope) VALUES ({}, {}, {}) ON CONFLICT (tbl, id) DO UPDATE SET scope = excluded.scope;",
        quote_literal(table),
        quote_literal(id),
        quote_literal(scope)
    )
}

pub(crate) fn disown_sql(table: &str, id: &str) -> String {
    format!(
        "DELETE FROM {OWNED_TABLE} WHERE tbl = {} AND id = {};",
        quote_literal(table),
        quote_literal(id)
    )
}

/// Create what is missing: on PostgreSQL the reference (alembic head) enum types, ps_*
/// tables (all 15, `ps_contacts` and `ps_subscription_persistence` included), constraints
/// and indexes; on SQLite narrow tables holding `id` and only the columns
/// `objects` use (res_config_sqlite3 hands NULL columns to Asterisk as empty strings, which
/// makes multi-row loads of a full-width table fail), adding missing columns to existing
/// tables. Also the `pjconf_owned` table. With `dry_run`, nothing is run. Returns the
/// statements.
///
/// With no objects, SQLite gets `id`-only tables for endpoints, aors, auths, identifies,
/// domain aliases and registrations (apply adds columns as they come into use).
pub fn create_schema(
    db: &mut Database,
    objects: &[PjsipObject],
    dry_run: bool,
) -> Result<Vec<String>, RealtimeError> {
    let dialect = db.dialect();
    let rows = desired_rows(objects, dialect)?;
    db.transaction(!dry_run, !dry_run, |session| {
        let statements = match dialect {
            Dialect::Postgres => postgres_schema_statements(session)?,
            Dialect::Sqlite => sqlite_schema_statements(session, &rows)?,
        };
        let mut statements = statements;
        if session.table_columns(OWNED_TABLE)?.is_none() {
            statements.push(owned_table_sql().to_string());
        }
        if !dry_run && !statements.is_empty() {
            session.execute(&statements.join("\n"))?;
        }
        Ok(statements)
    })
}

fn postgres_schema_statements(session: &mut dyn Session) -> Result<Vec<String>, RealtimeError> {
    let types: HashSet<String> = session
        .query("SELECT typname FROM pg_type WHERE typnamespace = current_schema()::regnamespace")?
        .into_iter()
        .filter_map(|mut r| r.pop().flatten())
        .collect();
    let mut missing_tables = HashSet::default();
    let all_tables = crate::schema::POSTGRES_SCHEMA
        .split("CREATE TABLE public.")
        .skip(1)
        .filter_map(|s| s.split(' ').next());
    for name in all_tables {
        if session.table_columns(name)?.is_none() {
            missing_tables.insert(name.to_string());
        }
    }
    let mut out = Vec::new();
    for statement in crate::schema::POSTGRES_SCHEMA.split(";\n") {
        let text: String = statement
            .lines()
            .filter(|l| !l.starts_with("--"))
            .collect::<Vec<_>>()
            .join("\n");
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let unqualified = text.replace("public.", "");
        let wanted = if let Some(rest) = text.strip_prefix("CREATE TYPE public.") {
            let name = rest.split(' ').next().unwrap_or("");
            !types.contains(name)
        } else {
            let table = text
                .split("public.")
                .nth(1)
                .and_then(|s| s.split([' ', '\n']).next())
                .unwrap_or("");
            missing_tables.contains(table)
        };
        if wanted {
            out.push(format!("{unqualified};"));
        }
    }
    Ok(out)
}

fn sqlite_schema_statements(
    session: &mut dyn Session,
    rows: &[Row],
) -> Result<Vec<String>, RealtimeError> {
    let mut used: BTreeMap<&'static str, Vec<&str>> = BTreeMap::new();
    if rows.is_empty() {
        for t in [
            ObjectType::Endpoint,
            ObjectType::Aor,
            ObjectType::Auth,
            ObjectType::Identify,
            ObjectType::DomainAlias,
            ObjectType::Registration,
        ] {
            used.insert(crate::schema::table_name(t).unwrap_or(""), Vec::new());
        }
    }
    for row in rows {
        let cols = used.entry(row.table).or_default();
        cols.extend(row.values.keys().map(String::as_str));
    }
    let mut out = Vec::new();
    for t in tables() {
        let Some(cols) = used.get(t.name.as_str()) else {
            continue;
        };
        let mut in_use: Vec<&Column> = t
            .columns
            .iter()
            .filter(|c| c.name != "id" && cols.contains(&c.name.as_str()))
            .collect();
        in_use.sort_by_key(|c| t.columns.iter().position(|x| x.name == c.name));
        let name = quote_ident(&t.name);
        match session.table_columns(&t.name)? {
            None => {
                let mut defs = vec![format!(
                    "\"id\" VARCHAR({}) NOT NULL",
                    t.id_width().unwrap_or(255)
                )];
                defs.extend(in_use.iter().map(|c| c.sqlite_definition()));
                defs.push(format!("CONSTRAINT {}_id_key UNIQUE (\"id\")", t.name));
                out.push(format!("CREATE TABLE {name} ({});", defs.join(", ")));
                out.push(format!("CREATE INDEX {}_id ON {name} (\"id\");", t.name));
            }
            Some(existing) => {
                for c in in_use {
                    if !existing.contains(&c.name) {
                        out.push(format!(
                            "ALTER TABLE {name} ADD COLUMN {};",
                            c.sqlite_definition()
                        ));
                    }
                }
            }
        }
    }
    Ok(out)
}
