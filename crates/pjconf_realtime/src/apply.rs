//! Compare the rows of a set of objects with the database and write only the difference, in
//! one transaction.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use pjconf_model::{ObjectType, PjsipObject};

use crate::cache::{CacheExpiry, CacheNames, reload_note};
use crate::db::{Database, Session};
use crate::error::RealtimeError;
use crate::rows::{Dialect, Row, canonical_read, row_for};
use crate::schema::{Column, ColumnKind, quote_ident, quote_literal, tables};

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
    let dialect = db.dialect();
    let rows = desired_rows(objects, dialect)?;
    let write = !options.dry_run;
    db.transaction(write, write, |session| {
        let mut report = plan(session, &rows, options)?;
        if options.dry_run || report.statements.is_empty() {
            return Ok(report);
        }
        let total = report.statements.len();
        let batch = options.batch_size.max(1);
        let mut done = 0;
        for chunk in report.statements.chunks(batch) {
            session.execute(&chunk.join("\n"))?;
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
    let rows = objects
        .iter()
        .map(|object| row_for(object, dialect))
        .collect::<Result<Vec<Row>, _>>()?;
    let mut seen: HashMap<&'static str, HashSet<&str>> = HashMap::default();
    for row in &rows {
        if !seen.entry(row.table).or_default().insert(row.id.as_str()) {
            return Err(RealtimeError::Duplicate {
                table: row.table,
                id: row.id.clone(),
            });
        }
    }
    Ok(rows)
}

/// The owned rows: table -> id -> scope.
type Owned = HashMap<String, HashMap<String, String>>;

/// Read [`OWNED_TABLE`], `None` when it does not exist.
fn read_owned(session: &mut dyn Session) -> Result<Option<Owned>, RealtimeError> {
    if session.table_columns(OWNED_TABLE)?.is_none() {
        return Ok(None);
    }
    let rows = session.query(&format!("SELECT tbl, id, scope FROM {OWNED_TABLE}"))?;
    let mut owned = Owned::default();
    for row in rows {
        let mut it = row.into_iter();
        if let (Some(Some(table)), Some(Some(id)), Some(Some(scope))) =
            (it.next(), it.next(), it.next())
        {
            owned.entry(table).or_default().insert(id, scope);
        }
    }
    Ok(Some(owned))
}

fn plan(
    session: &mut dyn Session,
    rows: &[Row],
    options: &ApplyOptions,
) -> Result<ApplyReport, RealtimeError> {
    let dialect = session.dialect();
    let owned_table = read_owned(session)?;
    let has_owned_table = owned_table.is_some();
    let owned = owned_table.unwrap_or_default();
    let no_owner = HashMap::default();
    let mut by_table: BTreeMap<&'static str, Vec<&Row>> = BTreeMap::new();
    for row in rows {
        by_table.entry(row.table).or_default().push(row);
    }
    let mut schema_sql = Vec::new();
    let mut deletes = Vec::new();
    let mut updates = Vec::new();
    let mut inserts = Vec::new();
    let mut own_sql = Vec::new();
    let mut not_owned: Vec<String> = Vec::new();

    for table_def in tables() {
        let name: &'static str = crate::schema::table_name(table_def.object_type).unwrap_or("");
        let wanted = by_table.get(name).map(Vec::as_slice).unwrap_or(&[]);
        let owners = owned.get(name).unwrap_or(&no_owner);
        let mine: Vec<&String> = owners
            .iter()
            .filter(|(_, scope)| **scope == options.scope)
            .map(|(id, _)| id)
            .collect();
        if wanted.is_empty() && mine.is_empty() {
            continue;
        }
        let Some(mut columns) = session.table_columns(name)? else {
            if !wanted.is_empty() {
                return Err(RealtimeError::MissingTable(name));
            }
            for id in mine {
                own_sql.push(disown_sql(name, id));
            }
            continue;
        };
        // Columns the rows need that the table lacks.
        let mut needed: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
        for row in wanted {
            for key in row.values.keys() {
                if !needed.contains(key.as_str()) {
                    needed.insert(key);
                }
            }
        }
        for column in needed {
            if columns.iter().any(|c| c == column) {
                continue;
            }
            match dialect {
                Dialect::Sqlite => {
                    let def = table_def.column(column).map(Column::sqlite_definition);
                    if let Some(def) = def {
                        schema_sql.push(format!(
                            "ALTER TABLE {} ADD COLUMN {def};",
                            quote_ident(name)
                        ));
                    }
                    columns.push(column.to_string());
                }
                Dialect::Postgres => {
                    return Err(RealtimeError::MissingColumn {
                        table: name,
                        column: column.to_string(),
                    });
                }
            }
        }
        // Only columns of the reference schema that the table has are compared.
        let known: Vec<&Column> = table_def
            .columns
            .iter()
            .filter(|c| c.name != "id" && columns.contains(&c.name))
            .collect();
        let existing = read_rows(session, name, &known, &schema_sql)?;
        let wanted_ids: HashSet<&str> = wanted.iter().map(|r| r.id.as_str()).collect();
        let position: HashMap<&str, usize> = known
            .iter()
            .enumerate()
            .map(|(i, c)| (c.name.as_str(), i))
            .collect();
        let by_name: HashMap<&str, &Column> = table_def
            .columns
            .iter()
            .map(|c| (c.name.as_str(), c))
            .collect();

        for row in wanted {
            let owner = owners.get(&row.id);
            let is_mine = owner == Some(&options.scope);
            let expire = CacheExpiry {
                cache: options.caches.name(row.object_type),
                object: row.id.clone(),
            };
            match existing.get(&row.id) {
                None => {
                    inserts.push((
                        insert_sql(name, &by_name, row),
                        Change {
                            action: Action::Insert,
                            object_type: row.object_type,
                            table: name,
                            id: row.id.clone(),
                            columns: row
                                .values
                                .iter()
                                .map(|(c, v)| ColumnChange {
                                    column: c.clone(),
                                    before: None,
                                    after: Some(v.clone()),
                                })
                                .collect(),
                            expire,
                            note: reload_note(row.object_type),
                        },
                    ));
                    if !is_mine {
                        own_sql.push(own_sql_for(name, &row.id, &options.scope));
                    }
                }
                Some(current) => {
                    if !is_mine {
                        if !options.adopt {
                            not_owned.push(format!("{name}/{}", row.id));
                            continue;
                        }
                        own_sql.push(own_sql_for(name, &row.id, &options.scope));
                    }
                    let mut after_values: Vec<Option<&String>> = vec![None; known.len()];
                    for (column, value) in &row.values {
                        if let Some(&i) = position.get(column.as_str()) {
                            after_values[i] = Some(value);
                        }
                    }
                    let changed: Vec<ColumnChange> = known
                        .iter()
                        .zip(current)
                        .zip(after_values)
                        .filter(|((_, before), after)| *after != before.as_ref())
                        .map(|((column, before), after)| ColumnChange {
                            column: column.name.clone(),
                            before: before.clone(),
                            after: after.cloned(),
                        })
                        .collect();
                    if changed.is_empty() {
                        continue;
                    }
                    let sets: Vec<String> = changed
                        .iter()
                        .map(|c| {
                            let kind = by_name.get(c.column.as_str()).map(|c| &c.kind);
                            format!(
                                "{} = {}",
                                quote_ident(&c.column),
                                literal(kind, c.after.as_deref())
                            )
                        })
                        .collect();
                    updates.push((
                        format!(
                            "UPDATE {} SET {} WHERE \"id\" = {};",
                            quote_ident(name),
                            sets.join(", "),
                            quote_literal(&row.id)
                        ),
                        Change {
                            action: Action::Update,
                            object_type: row.object_type,
                            table: name,
                            id: row.id.clone(),
                            columns: changed,
                            expire,
                            note: reload_note(row.object_type),
                        },
                    ));
                }
            }
        }
        let mut stale: Vec<&String> = mine
            .into_iter()
            .filter(|id| !wanted_ids.contains(id.as_str()))
            .collect();
        stale.sort();
        for id in stale {
            own_sql.push(disown_sql(name, id));
            let Some(current) = existing.get(id) else {
                continue;
            };
            deletes.push((
                format!(
                    "DELETE FROM {} WHERE \"id\" = {};",
                    quote_ident(name),
                    quote_literal(id)
                ),
                Change {
                    action: Action::Delete,
                    object_type: table_def.object_type,
                    table: name,
                    id: id.clone(),
                    columns: known
                        .iter()
                        .zip(current)
                        .filter_map(|(c, v)| {
                            v.as_ref().map(|v| ColumnChange {
                                column: c.name.clone(),
                                before: Some(v.clone()),
                                after: None,
                            })
                        })
                        .collect(),
                    expire: CacheExpiry {
                        cache: options.caches.name(table_def.object_type),
                        object: id.clone(),
                    },
                    note: reload_note(table_def.object_type),
                },
            ));
        }
    }
    if let Some(first) = not_owned.first() {
        return Err(RealtimeError::NotOwned {
            scope: options.scope.clone(),
            count: not_owned.len(),
            first: first.clone(),
        });
    }
    updates.sort_by(|a, b| (a.1.table, &a.1.id).cmp(&(b.1.table, &b.1.id)));
    inserts.sort_by(|a, b| (a.1.table, &a.1.id).cmp(&(b.1.table, &b.1.id)));
    let mut report = ApplyReport::default();
    if !own_sql.is_empty() && !has_owned_table {
        schema_sql.push(owned_table_sql().to_string());
    }
    report.statements.extend(schema_sql);
    for (sql, change) in deletes.into_iter().chain(updates).chain(inserts) {
        report.statements.push(sql);
        report.changes.push(change);
    }
    report.statements.extend(own_sql);
    Ok(report)
}

fn read_rows(
    session: &mut dyn Session,
    table: &str,
    known: &[&Column],
    pending_schema: &[String],
) -> Result<HashMap<String, Vec<Option<String>>>, RealtimeError> {
    // Columns about to be added do not exist yet: they read as NULL.
    let present = |c: &Column| {
        !pending_schema.iter().any(|s| {
            s.contains(&format!(
                "ALTER TABLE {} ADD COLUMN {} ",
                quote_ident(table),
                quote_ident(&c.name)
            ))
        })
    };
    let select: Vec<String> = std::iter::once("\"id\"".to_string())
        .chain(known.iter().map(|c| {
            if present(c) {
                quote_ident(&c.name)
            } else {
                "NULL".to_string()
            }
        }))
        .collect();
    let mut out = HashMap::default();
    session.query_each(
        &format!("SELECT {} FROM {}", select.join(", "), quote_ident(table)),
        &mut |row| {
            let mut it = row.into_iter();
            let Some(Some(id)) = it.next() else {
                return;
            };
            let values = it
                .zip(known)
                .map(|(v, c)| v.map(|v| canonical_read(&c.kind, v)))
                .collect();
            out.insert(id, values);
        },
    )?;
    Ok(out)
}

fn literal(kind: Option<&ColumnKind>, value: Option<&str>) -> String {
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

fn insert_sql(table: &str, columns: &HashMap<&str, &Column>, row: &Row) -> String {
    let mut names = vec!["\"id\"".to_string()];
    let mut values = vec![quote_literal(&row.id)];
    for (column, value) in &row.values {
        names.push(quote_ident(column));
        values.push(literal(
            columns.get(column.as_str()).map(|c| &c.kind),
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

fn owned_table_sql() -> &'static str {
    "CREATE TABLE IF NOT EXISTS pjconf_owned (tbl VARCHAR(64) NOT NULL, id VARCHAR(255) NOT NULL, scope VARCHAR(255) NOT NULL, PRIMARY KEY (tbl, id));"
}

fn own_sql_for(table: &str, id: &str, scope: &str) -> String {
    format!(
        "INSERT INTO {OWNED_TABLE} (tbl, id, scope) VALUES ({}, {}, {}) ON CONFLICT (tbl, id) DO UPDATE SET scope = excluded.scope;",
        quote_literal(table),
        quote_literal(id),
        quote_literal(scope)
    )
}

fn disown_sql(table: &str, id: &str) -> String {
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
