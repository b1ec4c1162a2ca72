//! The ps_* tables: which object type each holds and the type of every column, read once from
//! the embedded reference schema (PostgreSQL, alembic head 2285f2ace275).

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use pjconf_model::ObjectType;

/// The embedded PostgreSQL schema: the enum types used by ps_* columns, the ps_* tables, their
/// `UNIQUE (id)` constraints and their indexes (derived from the reference pg_dump).
pub const POSTGRES_SCHEMA: &str = include_str!("postgres_schema.sql");

/// The SQL type of a column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnKind {
    /// `VARCHAR(n)` (with its width) or `TEXT` (no width).
    Text {
        /// The maximum length in characters, when there is one.
        max: Option<usize>,
    },
    /// `INTEGER`.
    Integer,
    /// `BIGINT`.
    BigInt,
    /// `DOUBLE PRECISION` (`FLOAT` on SQLite).
    Float,
    /// A real SQL `BOOLEAN` (only `ps_transports.tcp_keepalive_enable`).
    Boolean,
    /// A PostgreSQL enum type (`VARCHAR` + `CHECK` on SQLite).
    Enum {
        /// The PostgreSQL type name, e.g. `ast_bool_values`.
        type_name: String,
        /// The accepted labels, in declared order.
        values: Vec<String>,
    },
}

/// One column of a ps_* table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The column name (unquoted; may start with a digit or `@`, or contain `-`).
    pub name: String,
    /// Its SQL type.
    pub kind: ColumnKind,
}

impl Column {
    /// The SQLite column definition (enums as `VARCHAR(n)` with a `CHECK` of the labels).
    pub fn sqlite_definition(&self) -> String {
        let name = quote_ident(&self.name);
        match &self.kind {
            ColumnKind::Text { max: Some(n) } => format!("{name} VARCHAR({n})"),
            ColumnKind::Text { max: None } => format!("{name} TEXT"),
            ColumnKind::Integer => format!("{name} INTEGER"),
            ColumnKind::BigInt => format!("{name} BIGINT"),
            ColumnKind::Float => format!("{name} FLOAT"),
            ColumnKind::Boolean => format!("{name} BOOLEAN"),
            ColumnKind::Enum { values, .. } => {
                let width = values.iter().map(|v| v.len()).max().unwrap_or(1);
                let list: Vec<String> = values.iter().map(|v| quote_literal(v)).collect();
                format!(
                    "{name} VARCHAR({width}) CHECK ({name} IN ({}))",
                    list.join(", ")
                )
            }
        }
    }
}

/// One ps_* table and the object type whose rows it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The table name (`ps_endpoints`).
    pub name: String,
    /// The sorcery object type of its rows.
    pub object_type: ObjectType,
    /// Every column in ordinal order, `id` first.
    pub columns: Vec<Column>,
    /// Column name -> position in `columns`.
    index: HashMap<String, usize>,
}

impl Table {
    /// The column called `name` (exact, lower-case names).
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.index.get(name).map(|&i| &self.columns[i])
    }

    /// The width of `id` (255 or 40).
    pub fn id_width(&self) -> Option<usize> {
        match self.column("id").map(|c| &c.kind) {
            Some(ColumnKind::Text { max }) => *max,
            _ => None,
        }
    }
}

/// The table name for an object type pjconf writes, or `None` when the type has no ps_*
/// table (`acl`, `phoneprov`) or is a runtime object Asterisk writes itself (`contact`,
/// `subscription_persistence`).
///
/// ```
/// use pjconf_model::ObjectType;
/// assert_eq!(pjconf_realtime::table_name(ObjectType::Identify), Some("ps_endpoint_id_ips"));
/// assert_eq!(pjconf_realtime::table_name(ObjectType::Contact), None);
/// ```
pub fn table_name(object_type: ObjectType) -> Option<&'static str> {
    Some(match object_type {
        ObjectType::Endpoint => "ps_endpoints",
        ObjectType::Aor => "ps_aors",
        ObjectType::Auth => "ps_auths",
        ObjectType::Transport => "ps_transports",
        ObjectType::Global => "ps_globals",
        ObjectType::System => "ps_systems",
        ObjectType::DomainAlias => "ps_domain_aliases",
        ObjectType::Identify => "ps_endpoint_id_ips",
        ObjectType::Registration => "ps_registrations",
        ObjectType::OutboundPublish => "ps_outbound_publishes",
        ObjectType::AsteriskPublication => "ps_asterisk_publications",
        ObjectType::ResourceList => "ps_resource_list",
        ObjectType::InboundPublication => "ps_inbound_publications",
        ObjectType::Contact
        | ObjectType::SubscriptionPersistence
        | ObjectType::Acl
        | ObjectType::Phoneprov => return None,
    })
}

/// The table of an object type pjconf writes (see [`table_name`]), with its columns.
///
/// ```
/// use pjconf_model::ObjectType;
/// let aors = pjconf_realtime::table(ObjectType::Aor).unwrap();
/// assert_eq!(aors.columns.len(), 16);
/// assert!(aors.column("max_contacts").is_some());
/// ```
pub fn table(object_type: ObjectType) -> Option<&'static Table> {
    let name = table_name(object_type)?;
    tables().iter().find(|t| t.name == name)
}

/// Every table pjconf writes, in [`ObjectType::ALL`] order.
pub fn tables() -> &'static [Table] {
    static TABLES: OnceLock<Vec<Table>> = OnceLock::new();
    TABLES.get_or_init(parse_tables)
}

fn parse_tables() -> Vec<Table> {
    let enums = parse_enums();
    let mut out = Vec::new();
    for object_type in ObjectType::ALL {
        let Some(name) = table_name(object_type) else {
            continue;
        };
        let head = format!("CREATE TABLE public.{name} (\n");
        let Some(start) = POSTGRES_SCHEMA.find(&head) else {
            continue;
        };
        let body = &POSTGRES_SCHEMA[start + head.len()..];
        let body = &body[..body.find("\n);").unwrap_or(body.len())];
        let columns: Vec<Column> = body
            .lines()
            .filter_map(|line| parse_column(line.trim().trim_end_matches(','), &enums))
            .collect();
        let index = columns
            .iter()
            .enumerate()
            .map(|(i, c)| (c.name.clone(), i))
            .collect();
        out.push(Table {
            name: name.to_string(),
            object_type,
            columns,
            index,
        });
    }
    out
}

fn parse_column(line: &str, enums: &[(String, Vec<String>)]) -> Option<Column> {
    let (name, rest) = if let Some(quoted) = line.strip_prefix('"') {
        let end = quoted.find('"')?;
        (quoted[..end].to_string(), quoted[end + 1..].trim())
    } else {
        let (n, r) = line.split_once(' ')?;
        (n.to_string(), r.trim())
    };
    let ty = rest.trim_end_matches(" NOT NULL");
    let kind = if let Some(width) = ty
        .strip_prefix("character varying(")
        .and_then(|w| w.strip_suffix(')'))
    {
        ColumnKind::Text {
            max: width.parse().ok(),
        }
    } else if ty == "text" {
        ColumnKind::Text { max: None }
    } else if ty == "integer" {
        ColumnKind::Integer
    } else if ty == "bigint" {
        ColumnKind::BigInt
    } else if ty == "double precision" {
        ColumnKind::Float
    } else if ty == "boolean" {
        ColumnKind::Boolean
    } else if let Some(type_name) = ty.strip_prefix("public.") {
        let values = enums
            .iter()
            .find(|(n, _)| n == type_name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        ColumnKind::Enum {
            type_name: type_name.to_string(),
            values,
        }
    } else {
        return None;
    };
    Some(Column { name, kind })
}

fn parse_enums() -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut rest = POSTGRES_SCHEMA;
    while let Some(start) = rest.find("CREATE TYPE public.") {
        rest = &rest[start + "CREATE TYPE public.".len()..];
        let Some(name_end) = rest.find(' ') else {
            break;
        };
        let name = rest[..name_end].to_string();
        let body_end = rest.find(");").unwrap_or(rest.len());
        let values = rest[..body_end]
            .split('\'')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect();
        out.push((name, values));
        rest = &rest[body_end..];
    }
    out
}

/// `"name"`: a double-quoted SQL identifier (every column is quoted: `100rel`, `match`, `@body`).
pub fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// `'text'`: a standard SQL string literal (quotes doubled; backslashes are literal in SQLite
/// and in PostgreSQL with `standard_conforming_strings`, its default).
pub fn quote_literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_parses_with_the_reference_column_counts() {
        let counts: Vec<(&str, usize)> = tables()
            .iter()
            .map(|t| (t.name.as_str(), t.columns.len()))
            .collect();
        assert_eq!(
            counts,
            [
                ("ps_endpoints", 147),
                ("ps_aors", 16),
                ("ps_auths", 13),
                ("ps_transports", 28),
                ("ps_globals", 29),
                ("ps_systems", 17),
                ("ps_domain_aliases", 2),
                ("ps_endpoint_id_ips", 6),
                ("ps_registrations", 22),
                ("ps_outbound_publishes", 14),
                ("ps_asterisk_publications", 7),
                ("ps_resource_list", 6),
                ("ps_inbound_publications", 4),
            ]
        );
        let endpoints = table(ObjectType::Endpoint).unwrap();
        assert!(endpoints.column("100rel").is_some());
        assert!(matches!(
            &endpoints.column("dtmf_mode").unwrap().kind,
            ColumnKind::Enum { values, .. } if values.len() == 5
        ));
        let transports = table(ObjectType::Transport).unwrap();
        assert_eq!(
            transports.column("tcp_keepalive_enable").unwrap().kind,
            ColumnKind::Boolean
        );
        let publishes = table(ObjectType::OutboundPublish).unwrap();
        assert!(publishes.column("@body").is_some());
        assert_eq!(
            table(ObjectType::Identify)
                .unwrap()
                .column("match")
                .unwrap()
                .kind,
            ColumnKind::Text { max: Some(80) }
        );
    }
}
