//! The comparison behind `apply`: table by table, the ownership records and the current rows
//! are streamed from the database and matched with the wanted rows by id (a hash join on the
//! wanted side, which is in memory anyway). A row that already matches costs a lookup and a
//! comparison of borrowed text: nothing is copied, so only differing rows allocate.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap as HashMap;

use crate::apply::{
    Action, ApplyOptions, ApplyReport, Change, ColumnChange, OWNED_TABLE, disown_sql, insert_sql,
    literal, own_sql_for, owned_table_sql,
};
use crate::cache::{CacheExpiry, reload_note};
use crate::db::{EachRow, Session};
use crate::error::RealtimeError;
use crate::rows::{Dialect, Row, canonical_read_ref};
use crate::schema::{Column, Table, quote_ident, quote_literal, table_name, tables};

/// Which rows of each table the comparison reads.
pub(crate) enum Reach<'a> {
    /// Every row: the rows are a whole model, so an owned row it lacks is deleted.
    All,
    /// Only the rows with these ids, per table (sorted, no duplicates): the rows are the
    /// touched objects of a change, every other row is taken to be up to date.
    Only(&'a BTreeMap<&'static str, Vec<&'a str>>),
}

/// Ids per `IN (...)` list when only some rows are read.
const IDS_PER_QUERY: usize = 500;

/// Who recorded a wanted row in [`OWNED_TABLE`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Owner {
    Nobody,
    ThisScope,
    OtherScope,
}

/// What the comparison of one table found, before it is merged into the report.
#[derive(Default)]
struct Found {
    /// Statements recording ownership, with the position of their wanted row (they run in
    /// the order of the rows given, as they always have).
    own: Vec<(usize, String)>,
    /// Positions of wanted rows that exist unowned (without `adopt`).
    not_owned: Vec<usize>,
    /// Positions of wanted rows present in the table.
    seen: Vec<bool>,
    /// Deleted rows: id, statement, change.
    deletes: Vec<(String, String, Change)>,
    /// Updated rows: statement, change.
    updates: Vec<(String, Change)>,
}

/// The changes and statements that make the tables hold `rows` (within `reach`): deletes,
/// then updates and inserts (each in table then id order), then the ownership records. The
/// same statements, in the same order, as when every row was first loaded into maps.
pub(crate) fn plan(
    session: &mut dyn Session,
    rows: &[Row],
    options: &ApplyOptions,
    reach: Reach<'_>,
) -> Result<ApplyReport, RealtimeError> {
    let dialect = session.dialect();
    let has_owned_table = session.table_columns(OWNED_TABLE)?.is_some();
    let mut by_table: HashMap<&'static str, Vec<&Row>> = HashMap::default();
    for row in rows {
        by_table.entry(row.table).or_default().push(row);
    }
    let mut schema_sql = Vec::new();
    let mut deletes = Vec::new();
    let mut updates = Vec::new();
    let mut inserts = Vec::new();
    let mut own_sql = Vec::new();
    let mut not_owned: Vec<String> = Vec::new();

    let mut sides: HashMap<&'static str, Side<'_>> = tables()
        .iter()
        .map(|t| {
            let name: &'static str = table_name(t.object_type).unwrap_or("");
            (
                name,
                Side::new(by_table.get(name).map(Vec::as_slice).unwrap_or(&[])),
            )
        })
        .collect();
    if has_owned_table {
        read_ownership(session, &mut sides, options, &reach)?;
    }

    for table_def in tables() {
        let name: &'static str = table_name(table_def.object_type).unwrap_or("");
        let ids: Option<&[&str]> = match &reach {
            Reach::All => None,
            Reach::Only(ids) => Some(ids.get(name).map(Vec::as_slice).unwrap_or(&[])),
        };
        if ids.is_some_and(<[&str]>::is_empty) {
            continue;
        }
        let Some(Side {
            wanted,
            position,
            owner,
            stale,
        }) = sides.remove(name)
        else {
            continue;
        };
        if wanted.is_empty() && stale.is_empty() {
            continue;
        }
        let Some(mut columns) = session.table_columns(name)? else {
            if !wanted.is_empty() {
                return Err(RealtimeError::MissingTable(name));
            }
            own_sql.extend(stale.iter().map(|id| disown_sql(name, id)));
            continue;
        };
        add_missing_columns(
            dialect,
            table_def,
            name,
            wanted,
            &mut columns,
            &mut schema_sql,
        )?;
        // Only columns of the reference schema that the table has are compared.
        let known: Vec<&Column> = table_def
            .columns
            .iter()
            .filter(|c| c.name != "id" && columns.contains(&c.name))
            .collect();
        let found = compare(
            session,
            &Compare {
                name,
                table_def,
                wanted,
                position: &position,
                owner: &owner,
                stale: &stale,
                known: &known,
                options,
            },
            &schema_sql,
            ids,
        )?;
        let Found {
            mut own,
            not_owned: mut unowned,
            seen,
            deletes: mut found_deletes,
            updates: found_updates,
        } = found;
        for (i, row) in wanted.iter().enumerate() {
            if seen[i] {
                continue;
            }
            inserts.push((
                insert_sql(name, table_def, row),
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
                    expire: expiry(options, row.object_type, &row.id),
                    note: reload_note(row.object_type),
                },
            ));
            if owner[i] != Owner::ThisScope {
                own.push((i, own_sql_for(name, &row.id, &options.scope)));
            }
        }
        own.sort_by_key(|(i, _)| *i);
        own_sql.extend(own.into_iter().map(|(_, sql)| sql));
        unowned.sort_unstable();
        not_owned.extend(unowned.iter().map(|&i| format!("{name}/{}", wanted[i].id)));
        updates.extend(found_updates);
        found_deletes.sort_by(|a, b| a.0.cmp(&b.0));
        deletes.extend(
            found_deletes
                .into_iter()
                .map(|(_, sql, change)| (sql, change)),
        );
        own_sql.extend(stale.iter().map(|id| disown_sql(name, id)));
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

/// One table's wanted rows and what [`OWNED_TABLE`] says about them.
struct Side<'r> {
    wanted: &'r [&'r Row],
    /// Wanted id -> position in `wanted`.
    position: HashMap<&'r str, usize>,
    owner: Vec<Owner>,
    /// This scope's records of rows the objects no longer have, sorted.
    stale: BTreeSet<String>,
}

impl<'r> Side<'r> {
    fn new(wanted: &'r [&'r Row]) -> Self {
        Side {
            wanted,
            position: wanted
                .iter()
                .enumerate()
                .map(|(i, row)| (row.id.as_str(), i))
                .collect(),
            owner: vec![Owner::Nobody; wanted.len()],
            stale: BTreeSet::new(),
        }
    }

    fn record(&mut self, id: &str, mine: bool) {
        match self.position.get(id) {
            Some(&i) => {
                self.owner[i] = if mine {
                    Owner::ThisScope
                } else {
                    Owner::OtherScope
                }
            }
            None if mine => {
                self.stale.insert(id.to_string());
            }
            None => {}
        }
    }
}

/// Fill in the owners and stale records of every table: one pass over [`OWNED_TABLE`] for a
/// whole model (a sequential scan: per-table reads through the `(tbl, id)` key would seek
/// the table once per row), lookups by id for touched objects.
fn read_ownership(
    session: &mut dyn Session,
    sides: &mut HashMap<&'static str, Side<'_>>,
    options: &ApplyOptions,
    reach: &Reach<'_>,
) -> Result<(), RealtimeError> {
    match reach {
        Reach::All => {
            let sql = format!("SELECT tbl, id, scope FROM {OWNED_TABLE}");
            session.query_each_ref(&sql, &mut |values| {
                if let [Some(table), Some(id), Some(scope)] = values
                    && let Some(side) = sides.get_mut(*table)
                {
                    side.record(id, *scope == options.scope);
                }
                Ok(())
            })
        }
        Reach::Only(ids) => {
            for (name, ids) in ids.iter() {
                let Some(side) = sides.get_mut(name) else {
                    continue;
                };
                let sql = format!(
                    "SELECT id, scope FROM {OWNED_TABLE} WHERE tbl = {}",
                    quote_literal(name)
                );
                for_each_row(session, &sql, "id", Some(ids), &mut |values| {
                    if let [Some(id), Some(scope)] = values {
                        side.record(id, *scope == options.scope);
                    }
                    Ok(())
                })?;
            }
            Ok(())
        }
    }
}

/// Columns the rows need that the table lacks: added on SQLite (narrow tables grow as options
/// come into use), an error on PostgreSQL (the reference schema has them all).
fn add_missing_columns(
    dialect: Dialect,
    table_def: &Table,
    name: &'static str,
    wanted: &[&Row],
    columns: &mut Vec<String>,
    schema_sql: &mut Vec<String>,
) -> Result<(), RealtimeError> {
    let mut needed: BTreeSet<&str> = BTreeSet::new();
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
                if let Some(def) = table_def.column(column).map(Column::sqlite_definition) {
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
    Ok(())
}

/// One table's side of the comparison.
struct Compare<'a> {
    name: &'static str,
    table_def: &'a Table,
    wanted: &'a [&'a Row],
    /// Wanted id -> position in `wanted`.
    position: &'a HashMap<&'a str, usize>,
    owner: &'a [Owner],
    stale: &'a BTreeSet<String>,
    /// The compared columns, in the order they are selected (after `id`).
    known: &'a [&'a Column],
    options: &'a ApplyOptions,
}

/// Stream the table's current rows (all, or those with `ids`) and compare each with its
/// wanted row: updates for differing rows, deletes for this scope's rows no longer wanted.
fn compare(
    session: &mut dyn Session,
    c: &Compare<'_>,
    pending_schema: &[String],
    ids: Option<&[&str]>,
) -> Result<Found, RealtimeError> {
    let name = c.name;
    // Columns about to be added do not exist yet: they read as NULL.
    let present = |column: &Column| {
        !pending_schema.iter().any(|s| {
            s.contains(&format!(
                "ALTER TABLE {} ADD COLUMN {} ",
                quote_ident(name),
                quote_ident(&column.name)
            ))
        })
    };
    let select: Vec<String> = std::iter::once("\"id\"".to_string())
        .chain(c.known.iter().map(|column| {
            if present(column) {
                quote_ident(&column.name)
            } else {
                "NULL".to_string()
            }
        }))
        .collect();
    // Column name -> position among the selected values (after `id`).
    let column_at: HashMap<&str, usize> = c
        .known
        .iter()
        .enumerate()
        .map(|(i, column)| (column.name.as_str(), i))
        .collect();
    let mut found = Found {
        seen: vec![false; c.wanted.len()],
        ..Found::default()
    };
    let sql = format!("SELECT {} FROM {}", select.join(", "), quote_ident(name));
    for_each_row(session, &sql, "\"id\"", ids, &mut |values| {
        let Some((Some(id), current)) = values.split_first() else {
            return Ok(());
        };
        if let Some(&i) = c.position.get(id) {
            found.seen[i] = true;
            let row = c.wanted[i];
            if c.owner[i] != Owner::ThisScope {
                if !c.options.adopt {
                    found.not_owned.push(i);
                    return Ok(());
                }
                found
                    .own
                    .push((i, own_sql_for(name, &row.id, &c.options.scope)));
            }
            if is_current(row, current, c.known, &column_at) {
                return Ok(());
            }
            if let Some(update) = update(c, row, current) {
                found.updates.push(update);
            }
        } else if c.stale.contains(*id) {
            found.deletes.push(delete(c, id, current));
        }
        Ok(())
    })?;
    Ok(found)
}

/// True when the current values are exactly the wanted row (the common case, checked without
/// allocating). False may still turn out to be no change: [`update`] decides.
fn is_current(
    row: &Row,
    current: &[Option<&str>],
    known: &[&Column],
    column_at: &HashMap<&str, usize>,
) -> bool {
    current.iter().filter(|v| v.is_some()).count() == row.values.len()
        && row.values.iter().all(|(column, wanted)| {
            column_at.get(column.as_str()).is_some_and(|&k| {
                current[k].is_some_and(|v| canonical_read_ref(&known[k].kind, v) == wanted.as_str())
            })
        })
}

/// The update of one row, `None` when no compared column differs.
fn update(c: &Compare<'_>, row: &Row, current: &[Option<&str>]) -> Option<(String, Change)> {
    let changed: Vec<ColumnChange> = c
        .known
        .iter()
        .zip(current)
        .filter_map(|(column, before)| {
            let before = before.map(|v| canonical_read_ref(&column.kind, v));
            let after = row.values.get(&column.name);
            (after.map(String::as_str) != before.as_deref()).then(|| ColumnChange {
                column: column.name.clone(),
                before: before.map(|v| v.into_owned()),
                after: after.cloned(),
            })
        })
        .collect();
    if changed.is_empty() {
        return None;
    }
    let sets: Vec<String> = changed
        .iter()
        .map(|change| {
            let kind = c.table_def.column(&change.column).map(|x| &x.kind);
            format!(
                "{} = {}",
                quote_ident(&change.column),
                literal(kind, change.after.as_deref())
            )
        })
        .collect();
    Some((
        format!(
            "UPDATE {} SET {} WHERE \"id\" = {};",
            quote_ident(c.name),
            sets.join(", "),
            quote_literal(&row.id)
        ),
        Change {
            action: Action::Update,
            object_type: row.object_type,
            table: c.name,
            id: row.id.clone(),
            columns: changed,
            expire: expiry(c.options, row.object_type, &row.id),
            note: reload_note(row.object_type),
        },
    ))
}

fn delete(c: &Compare<'_>, id: &str, current: &[Option<&str>]) -> (String, String, Change) {
    let object_type = c.table_def.object_type;
    (
        id.to_string(),
        format!(
            "DELETE FROM {} WHERE \"id\" = {};",
            quote_ident(c.name),
            quote_literal(id)
        ),
        Change {
            action: Action::Delete,
            object_type,
            table: c.name,
            id: id.to_string(),
            columns: c
                .known
                .iter()
                .zip(current)
                .filter_map(|(column, v)| {
                    v.map(|v| ColumnChange {
                        column: column.name.clone(),
                        before: Some(canonical_read_ref(&column.kind, v).into_owned()),
                        after: None,
                    })
                })
                .collect(),
            expire: expiry(c.options, object_type, id),
            note: reload_note(object_type),
        },
    )
}

fn expiry(options: &ApplyOptions, object_type: pjconf_model::ObjectType, id: &str) -> CacheExpiry {
    CacheExpiry {
        cache: options.caches.name(object_type),
        object: id.to_string(),
    }
}

/// Run `sql` (a `SELECT` with or without a `WHERE`): over the whole table, or, with `ids`,
/// once per [`IDS_PER_QUERY`] ids with `id_column IN (...)` added (an index lookup each).
fn for_each_row(
    session: &mut dyn Session,
    sql: &str,
    id_column: &str,
    ids: Option<&[&str]>,
    each: &mut EachRow<'_>,
) -> Result<(), RealtimeError> {
    let Some(ids) = ids else {
        return session.query_each_ref(sql, each);
    };
    let joiner = if sql.contains(" WHERE ") {
        " AND "
    } else {
        " WHERE "
    };
    for chunk in ids.chunks(IDS_PER_QUERY) {
        let list: Vec<String> = chunk.iter().map(|id| quote_literal(id)).collect();
        let sql = format!("{sql}{joiner}{id_column} IN ({})", list.join(", "));
        session.query_each_ref(&sql, each)?;
    }
    Ok(())
}

/// The ids per table of the objects `touched` names (types without a table are left out).
pub(crate) fn reach_of<'a>(
    touched: &[(pjconf_model::ObjectType, &'a str)],
) -> BTreeMap<&'static str, Vec<&'a str>> {
    let mut out: BTreeMap<&'static str, Vec<&'a str>> = BTreeMap::new();
    for &(object_type, id) in touched {
        if let Some(name) = table_name(object_type) {
            out.entry(name).or_default().push(id);
        }
    }
    for ids in out.values_mut() {
        ids.sort_unstable();
        ids.dedup();
    }
    out
}
