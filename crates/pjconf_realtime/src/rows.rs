//! Flattened objects to ps_* rows, with the list-column and value conventions of the
//! reference (§3.4, §3.5).

use std::borrow::Cow;
use std::collections::BTreeMap;

use pjconf_model::{NameMatch, ObjectType, PjsipObject, Repeat, lookup};

use crate::error::RealtimeError;
use crate::schema::{Column, ColumnKind, Table, table, table_name};

/// Which database (and so which Asterisk realtime driver) the rows are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// SQLite, read by res_config_sqlite3: no `;` splitting, no `^XX` decoding.
    Sqlite,
    /// PostgreSQL, read by res_config_pgsql or res_config_odbc: every value is split on `;`
    /// and each piece decoded (`^3B` is `;`, `^5E` is `^`).
    Postgres,
}

/// The row one object becomes: its table, its id and every non-NULL column (canonical text:
/// integers and floats normalised, SQL booleans as `true`/`false`). Columns absent here are
/// NULL ("not set": Asterisk applies its default).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The object type.
    pub object_type: ObjectType,
    /// The table (`ps_endpoints`...).
    pub table: &'static str,
    /// The `id` column: the object's name.
    pub id: String,
    /// Column name to value, sorted by column name.
    pub values: BTreeMap<String, String>,
}

/// Repeatable options whose handler splits one value at commas, so several pjsip.conf lines
/// can be stored as one comma-joined column on every driver (§3.4, mechanism 1).
const COMMA_LISTS: &[&str] = &[
    "allow",
    "disallow",
    "deny",
    "permit",
    "acl",
    "contact_deny",
    "contact_permit",
    "contact_acl",
    "contact",
    "local_net",
    "match",
    "list_item",
];

/// The row of one flattened object.
///
/// Option names are matched to columns case-insensitively (through the option table);
/// scalar options keep their last value, repeatable options ([`Repeat::Accumulate`]) are
/// joined: with `,` when the option's handler splits commas (codecs, ACLs, identify `match`,
/// aor `contact`...), otherwise (`set_var`) with `;`, which only the PostgreSQL/ODBC drivers
/// split — on SQLite more than one such value is [`RealtimeError::NotRepresentable`]. Empty
/// values are NULL, never `''`. On PostgreSQL `;` and `^` inside values are encoded as `^3B`
/// and `^5E`.
///
/// ```
/// use pjconf_diagnostics::{FileId, Span};
/// use pjconf_model::{ObjectType, PjsipObject, SectionValue};
/// use pjconf_realtime::{Dialect, row_for};
///
/// let at = Span::new(FileId(0), 0, 0);
/// let v = |k: &str, val: &str| SectionValue {
///     key: k.into(), value: val.into(), key_span: at, value_span: at, inherited_from: None,
/// };
/// let object = PjsipObject {
///     object_type: ObjectType::Identify, id: "trunk".into(), id_span: at,
///     options: vec![v("type", "identify"), v("endpoint", "trunk"),
///                   v("match", "192.0.2.1"), v("match", "198.51.100.0/24")],
/// };
/// let row = row_for(&object, Dialect::Sqlite).unwrap();
/// assert_eq!(row.table, "ps_endpoint_id_ips");
/// assert_eq!(row.values["match"], "192.0.2.1,198.51.100.0/24");
/// ```
pub fn row_for(object: &PjsipObject, dialect: Dialect) -> Result<Row, RealtimeError> {
    let (Some(table_name), Some(table)) =
        (table_name(object.object_type), table(object.object_type))
    else {
        return Err(RealtimeError::Unsupported {
            object_type: object.object_type,
            id: object.id.clone(),
        });
    };
    check_width(table, table_name, "id", &object.id, &object.id)?;
    // Column -> (repeat, values in order). The columns are the table's own (`'static`), so
    // an option costs one column lookup and no copy until its value is stored.
    let mut grouped: Vec<(&'static Column, Repeat, Values<'_>)> = Vec::new();
    for option in &object.options {
        if option.key.eq_ignore_ascii_case("type") {
            continue;
        }
        let spec = lookup(object.object_type, &option.key);
        let column = match spec {
            Some(spec) if spec.name_match == NameMatch::Exact => table.column(spec.name),
            _ => table.column(&option.key.to_ascii_lowercase()),
        };
        let Some(column) = column.filter(|c| c.name != "id") else {
            return Err(RealtimeError::NoColumn {
                table: table_name,
                id: object.id.clone(),
                option: option.key.clone(),
            });
        };
        let repeat = spec.map_or(Repeat::Replace, |s| s.repeat);
        match grouped
            .iter_mut()
            .find(|(c, _, _)| std::ptr::eq(*c, column))
        {
            Some((_, _, values)) => values.push(&option.value),
            None => grouped.push((column, repeat, Values::One(&option.value))),
        }
    }
    let mut values = BTreeMap::new();
    for (column, repeat, raw) in grouped {
        let name = column.name.as_str();
        let text: Cow<'_, str> = match repeat {
            Repeat::Replace => encode(dialect, raw.last()),
            Repeat::Accumulate => {
                let items: Vec<&str> = raw
                    .into_vec()
                    .into_iter()
                    .filter(|s| !s.trim().is_empty())
                    .collect();
                if COMMA_LISTS.contains(&name) {
                    Cow::Owned(encode(dialect, &items.join(",")).into_owned())
                } else if dialect == Dialect::Sqlite && items.len() > 1 {
                    return Err(RealtimeError::NotRepresentable {
                        table: table_name,
                        id: object.id.clone(),
                        column: name.to_string(),
                    });
                } else {
                    Cow::Owned(
                        items
                            .iter()
                            .map(|s| encode(dialect, s))
                            .collect::<Vec<_>>()
                            .join(";"),
                    )
                }
            }
        };
        if text.trim().is_empty() {
            continue; // NULL, never ''
        }
        let value = canonical_for_write(&column.kind, &text).ok_or_else(|| {
            RealtimeError::InvalidValue {
                table: table_name,
                id: object.id.clone(),
                column: name.to_string(),
                value: text.to_string(),
            }
        })?;
        check_column_width(column, table_name, &value, &object.id)?;
        values.insert(name.to_string(), value);
    }
    Ok(Row {
        object_type: object.object_type,
        table: table_name,
        id: object.id.clone(),
        values,
    })
}

/// The values of one column in option order: one (nearly always) without a `Vec`.
enum Values<'a> {
    One(&'a str),
    Many(Vec<&'a str>),
}

impl<'a> Values<'a> {
    fn push(&mut self, value: &'a str) {
        match self {
            Values::One(first) => *self = Values::Many(vec![*first, value]),
            Values::Many(all) => all.push(value),
        }
    }

    fn last(&self) -> &'a str {
        match self {
            Values::One(value) => value,
            Values::Many(all) => all.last().copied().unwrap_or_default(),
        }
    }

    fn into_vec(self) -> Vec<&'a str> {
        match self {
            Values::One(value) => vec![value],
            Values::Many(all) => all,
        }
    }
}

/// The text as the dialect's driver reads it: as it is (SQLite), `;`/`^` encoded (PostgreSQL).
fn encode(dialect: Dialect, text: &str) -> Cow<'_, str> {
    match dialect {
        Dialect::Postgres if text.contains([';', '^']) => Cow::Owned(encode_chunk(text)),
        _ => Cow::Borrowed(text),
    }
}

fn check_column_width(
    column: &Column,
    table_name: &'static str,
    value: &str,
    id: &str,
) -> Result<(), RealtimeError> {
    if let ColumnKind::Text { max: Some(max) } = &column.kind {
        // Characters, counted only when the bytes could exceed the width.
        if value.len() > *max {
            let len = value.chars().count();
            if len > *max {
                return Err(RealtimeError::TooLong {
                    table: table_name,
                    id: id.to_string(),
                    column: column.name.clone(),
                    len,
                    max: *max,
                });
            }
        }
    }
    Ok(())
}

fn check_width(
    table: &Table,
    table_name: &'static str,
    column: &str,
    value: &str,
    id: &str,
) -> Result<(), RealtimeError> {
    if let Some(ColumnKind::Text { max: Some(max) }) = table.column(column).map(|c| &c.kind) {
        let len = value.chars().count();
        if len > *max {
            return Err(RealtimeError::TooLong {
                table: table_name,
                id: id.to_string(),
                column: column.to_string(),
                len,
                max: *max,
            });
        }
    }
    Ok(())
}

/// `ast_realtime_encode_chunk`: `;` and `^` as `^3B` / `^5E`.
fn encode_chunk(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            ';' => out.push_str("^3B"),
            '^' => out.push_str("^5E"),
            c => out.push(c),
        }
    }
    out
}

const TRUE_WORDS: &[&str] = &["yes", "true", "y", "t", "1", "on"];

/// The canonical text of a value written to a column of `kind`, or `None` when it cannot be
/// stored there (a non-number in an INTEGER column).
pub(crate) fn canonical_for_write(kind: &ColumnKind, text: &str) -> Option<String> {
    let trimmed = text.trim();
    Some(match kind {
        ColumnKind::Integer | ColumnKind::BigInt => trimmed.parse::<i64>().ok()?.to_string(),
        ColumnKind::Float => {
            let f = trimmed.parse::<f64>().ok()?;
            if !f.is_finite() {
                return None;
            }
            f.to_string()
        }
        ColumnKind::Boolean => {
            let lower = trimmed.to_ascii_lowercase();
            (TRUE_WORDS.contains(&lower.as_str())).to_string()
        }
        ColumnKind::Enum { type_name, values } => {
            let lower = trimmed.to_ascii_lowercase();
            if let Some(label) = values.iter().find(|v| **v == lower) {
                label.clone()
            } else if type_name == "ast_bool_values" && (lower == "y" || lower == "t") {
                "yes".to_string()
            } else if type_name == "ast_bool_values" && (lower == "n" || lower == "f") {
                "no".to_string()
            } else {
                // Left as written: the database refuses it (PostgreSQL enum, SQLite CHECK).
                text.to_string()
            }
        }
        ColumnKind::Text { .. } => text.to_string(),
    })
}

/// The canonical text of a value read back from the database (so that `60`, `60.0`, `t` and
/// `1` compare as the writer meant them).
pub(crate) fn canonical_read(kind: &ColumnKind, text: String) -> String {
    match kind {
        ColumnKind::Integer | ColumnKind::BigInt if is_canonical_integer(&text) => text,
        ColumnKind::Integer | ColumnKind::BigInt => text
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|f| f.fract() == 0.0)
            .map_or_else(|| text.clone(), |f| (f as i64).to_string()),
        ColumnKind::Float => text
            .trim()
            .parse::<f64>()
            .map_or_else(|_| text.clone(), |f| f.to_string()),
        ColumnKind::Boolean => {
            let lower = text.trim().to_ascii_lowercase();
            (TRUE_WORDS.contains(&lower.as_str())).to_string()
        }
        _ => text,
    }
}

/// [`canonical_read`] of borrowed text: no copy when the text already is canonical (every
/// text and enum value, integers as written by pjconf), which is nearly every value read.
pub(crate) fn canonical_read_ref<'a>(kind: &ColumnKind, text: &'a str) -> Cow<'a, str> {
    match kind {
        ColumnKind::Integer | ColumnKind::BigInt if !is_canonical_integer(text) => {
            Cow::Owned(canonical_read(kind, text.to_string()))
        }
        ColumnKind::Float | ColumnKind::Boolean => {
            Cow::Owned(canonical_read(kind, text.to_string()))
        }
        _ => Cow::Borrowed(text),
    }
}

/// `0`, `60`, `-5`: what `i64::to_string` writes (no sign `+`, no leading zero, no blank).
fn is_canonical_integer(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty()
        && digits.len() < 19
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && text != "-0"
}
