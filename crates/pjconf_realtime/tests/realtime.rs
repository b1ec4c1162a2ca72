//! Real databases: SQLite in a temporary file, and PostgreSQL when `PJCONF_TEST_POSTGRES` names
//! one (`.ci/postgres.sh` starts it); without it the PostgreSQL tests print SKIPPED.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use pjconf_model::{ObjectSet, ObjectType, PjsipObject};
use pjconf_realtime::{
    Action, ApplyOptions, Database, RealtimeError, apply, apply_touched, apply_with_progress,
    create_schema, plan_apply, tables,
};
use pjconf_syntax::{LoadOptions, MemoryLoader, load_text};

fn fixture(name: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "../../fixtures/realtime", name]
        .iter()
        .collect();
    std::fs::read_to_string(path).unwrap()
}

fn objects_of(text: &str) -> Vec<PjsipObject> {
    let config = load_text(
        &MemoryLoader::new(),
        "pjsip.conf",
        text.as_bytes().to_vec(),
        &LoadOptions::default(),
    );
    let resolved = pjconf_lint::resolve_sections(&config);
    ObjectSet::classify(resolved.sections).objects
}

fn base() -> Vec<PjsipObject> {
    objects_of(&fixture("base.conf"))
}

fn changed() -> Vec<PjsipObject> {
    objects_of(&fixture("changed.conf"))
}

/// Every ps_* row and ownership record, as text, for before/after comparisons.
type Snapshot = BTreeMap<String, Vec<Vec<Option<String>>>>;

// ---------------------------------------------------------------- backends

trait Backend {
    fn open(&self) -> Database;
    fn snapshot(&self) -> Snapshot;
    fn exec(&self, sql: &str);
    fn url(&self) -> String;
}

struct Sqlite {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Sqlite {
    fn new() -> Sqlite {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("asterisk.db");
        Sqlite { _dir: dir, path }
    }
}

impl Backend for Sqlite {
    fn open(&self) -> Database {
        Database::open(&self.url()).unwrap()
    }
    fn url(&self) -> String {
        format!("sqlite:{}", self.path.display())
    }
    fn snapshot(&self) -> Snapshot {
        let conn = rusqlite::Connection::open(&self.path).unwrap();
        let mut out = Snapshot::new();
        let names: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for name in names {
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM \"{name}\" ORDER BY 1, 2"))
                .unwrap();
            let n = stmt.column_count();
            let rows = stmt
                .query_map([], |r| {
                    Ok((0..n)
                        .map(|i| {
                            let v: rusqlite::types::Value = r.get(i).unwrap();
                            match v {
                                rusqlite::types::Value::Null => None,
                                other => Some(format!("{other:?}")),
                            }
                        })
                        .collect())
                })
                .unwrap()
                .map(Result::unwrap)
                .collect();
            out.insert(name, rows);
        }
        out
    }
    fn exec(&self, sql: &str) {
        rusqlite::Connection::open(&self.path)
            .unwrap()
            .execute_batch(sql)
            .unwrap();
    }
}

struct Postgres {
    url: String,
    schema: String,
}

impl Postgres {
    /// A fresh schema in the test database, or None (SKIPPED) without PJCONF_TEST_POSTGRES.
    fn new(test: &str) -> Option<Postgres> {
        let Ok(url) = std::env::var("PJCONF_TEST_POSTGRES") else {
            // Written to the stream itself, not through the test harness's capture, so the
            // line shows in every `cargo test` run.
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED {test}: PostgreSQL test needs PJCONF_TEST_POSTGRES (run .ci/run, which sources .ci/postgres.sh)"
            );
            return None;
        };
        let schema = format!("t_{test}");
        let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        client
            .batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema};"
            ))
            .unwrap();
        Some(Postgres { url, schema })
    }

    fn client(&self) -> postgres::Client {
        let mut client = postgres::Client::connect(&self.url, postgres::NoTls).unwrap();
        client
            .batch_execute(&format!("SET search_path TO {}", self.schema))
            .unwrap();
        client
    }
}

impl Backend for Postgres {
    fn open(&self) -> Database {
        Database::from_postgres(self.client())
    }
    fn url(&self) -> String {
        self.url.clone()
    }
    fn snapshot(&self) -> Snapshot {
        let mut client = self.client();
        let names: Vec<String> = client
            .query(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1",
                &[&self.schema],
            )
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        let mut out = Snapshot::new();
        for name in names {
            let rows = client
                .simple_query(&format!("SELECT * FROM \"{name}\" ORDER BY 1, 2"))
                .unwrap()
                .into_iter()
                .filter_map(|m| match m {
                    postgres::SimpleQueryMessage::Row(r) => {
                        Some((0..r.len()).map(|i| r.get(i).map(str::to_string)).collect())
                    }
                    _ => None,
                })
                .collect();
            out.insert(name, rows);
        }
        out
    }
    fn exec(&self, sql: &str) {
        self.client().batch_execute(sql).unwrap();
    }
}

/// One row as column -> value (NULLs left out).
fn row(backend: &dyn Backend, table: &str, id: &str) -> Option<BTreeMap<String, String>> {
    let snapshot = backend.snapshot();
    let rows = snapshot.get(table)?;
    // Column names: from the schema table in ordinal order (narrow on SQLite).
    let names = column_names(backend, table);
    rows.iter()
        .find(|r| r[0].as_deref().map(unquote) == Some(id.to_string()))
        .map(|r| {
            names
                .iter()
                .zip(r)
                .filter_map(|(n, v)| v.as_deref().map(|v| (n.clone(), unquote(v))))
                .collect()
        })
}

fn unquote(v: &str) -> String {
    // SQLite Value debug: Text("x"), Integer(1), Real(1.0).
    if let Some(t) = v
        .strip_prefix("Text(\"")
        .and_then(|t| t.strip_suffix("\")"))
    {
        return t.replace("\\\"", "\"");
    }
    if let Some(t) = v.strip_prefix("Integer(").and_then(|t| t.strip_suffix(')')) {
        return t.to_string();
    }
    if let Some(t) = v.strip_prefix("Real(").and_then(|t| t.strip_suffix(')')) {
        return t.to_string();
    }
    v.to_string()
}

fn column_names(backend: &dyn Backend, table: &str) -> Vec<String> {
    let url = backend.url();
    if url.starts_with("sqlite:") {
        let conn = rusqlite::Connection::open(url.trim_start_matches("sqlite:")).unwrap();
        conn.prepare(&format!(
            "SELECT name FROM pragma_table_info('{table}') ORDER BY cid"
        ))
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
    } else {
        unreachable!("column_names is only used through row_pg on PostgreSQL")
    }
}

fn row_pg(pg: &Postgres, table: &str, id: &str) -> Option<BTreeMap<String, String>> {
    let mut client = pg.client();
    let names: Vec<String> = client
        .query(
            "SELECT column_name::text FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position",
            &[&pg.schema, &table],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let rows = client
        .simple_query(&format!("SELECT * FROM \"{table}\" WHERE id = '{id}'"))
        .unwrap();
    rows.into_iter().find_map(|m| match m {
        postgres::SimpleQueryMessage::Row(r) => Some(
            names
                .iter()
                .enumerate()
                .filter_map(|(i, n)| r.get(i).map(|v| (n.clone(), v.to_string())))
                .collect(),
        ),
        _ => None,
    })
}

fn get_row(
    backend: &dyn Backend,
    pg: Option<&Postgres>,
    table: &str,
    id: &str,
) -> Option<BTreeMap<String, String>> {
    match pg {
        Some(pg) => row_pg(pg, table, id),
        None => row(backend, table, id),
    }
}

fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

// ---------------------------------------------------------------- scenarios

fn rows_match_objects(backend: &dyn Backend, pg: Option<&Postgres>) {
    let mut db = backend.open();
    create_schema(&mut db, &base(), false).unwrap();
    let report = apply(&mut db, &base(), &ApplyOptions::default()).unwrap();
    assert!(report.committed);
    assert_eq!(report.changes.len(), base().len());
    assert!(report.changes.iter().all(|c| c.action == Action::Insert));

    let password = if pg.is_some() {
        "secret^3Bwith^3Bsemicolons" // res_config_pgsql/odbc split on `;`: encoded
    } else {
        "secret;with;semicolons" // res_config_sqlite3 does not split
    };
    assert_eq!(
        get_row(backend, pg, "ps_endpoints", "6001").unwrap(),
        map(&[
            ("id", "6001"),
            ("auth", "6001"),
            ("aors", "6001"),
            ("context", "from-phones"),
            ("disallow", "all"),
            ("allow", "ulaw,alaw"),
            ("direct_media", "no"),
            ("dtmf_mode", "rfc4733"),
            ("callerid", "\"Alice\" <6001>"),
        ]),
        "every other column NULL, never ''"
    );
    assert_eq!(
        get_row(backend, pg, "ps_auths", "6001").unwrap(),
        map(&[
            ("id", "6001"),
            ("auth_type", "userpass"),
            ("username", "6001"),
            ("password", password),
        ])
    );
    assert_eq!(
        get_row(backend, pg, "ps_aors", "6001").unwrap(),
        map(&[
            ("id", "6001"),
            ("max_contacts", "1"),
            ("qualify_frequency", "60")
        ])
    );
    assert_eq!(
        get_row(backend, pg, "ps_aors", "trunk").unwrap()["contact"],
        "sip:192.0.2.10,sip:192.0.2.11"
    );
    assert_eq!(
        get_row(backend, pg, "ps_endpoint_id_ips", "trunk").unwrap(),
        map(&[
            ("id", "trunk"),
            ("endpoint", "trunk"),
            ("match", "192.0.2.10,192.0.2.11")
        ])
    );
    assert_eq!(
        get_row(backend, pg, "ps_domain_aliases", "example.org").unwrap()["domain"],
        "example.com"
    );
    assert_eq!(
        get_row(backend, pg, "ps_transports", "transport-udp").unwrap()["protocol"],
        "udp"
    );
    // Idempotence: the second apply runs no statement and changes nothing.
    let before = backend.snapshot();
    let again = apply(&mut db, &base(), &ApplyOptions::default()).unwrap();
    assert!(again.is_unchanged(), "{:?}", again.statements);
    assert!(again.changes.is_empty());
    assert!(!again.committed);
    assert_eq!(backend.snapshot(), before);
}

fn change_touches_only_what_differs(backend: &dyn Backend, pg: Option<&Postgres>) {
    let mut db = backend.open();
    create_schema(&mut db, &base(), false).unwrap();
    apply(&mut db, &base(), &ApplyOptions::default()).unwrap();
    // A row pjconf did not write: never deleted.
    backend.exec("INSERT INTO ps_endpoints (id, context) VALUES ('manual', 'by-hand');");

    let dry = plan_apply(&mut db, &changed(), &ApplyOptions::default()).unwrap();
    assert!(!dry.committed);
    assert!(!dry.statements.is_empty());
    let before = backend.snapshot();
    assert_eq!(backend.snapshot(), before, "dry run wrote nothing");

    let report = apply(&mut db, &changed(), &ApplyOptions::default()).unwrap();
    let summary: Vec<String> = report
        .changes
        .iter()
        .map(|c| format!("{} {} {}", c.action.as_str(), c.table, c.id))
        .collect();
    assert_eq!(
        summary,
        [
            "delete ps_endpoints 6002",
            "delete ps_aors 6002",
            "delete ps_auths 6002",
            "update ps_aors trunk",
            "update ps_endpoints 6001",
            "insert ps_aors 6003",
            "insert ps_auths 6003",
            "insert ps_endpoints 6003",
        ]
    );
    assert_eq!(
        report.statements, dry.statements,
        "dry run shows exactly what runs"
    );
    let update = report
        .changes
        .iter()
        .find(|c| c.action == Action::Update && c.id == "6001")
        .unwrap();
    let cols: Vec<(&str, Option<&str>, Option<&str>)> = update
        .columns
        .iter()
        .map(|c| (c.column.as_str(), c.before.as_deref(), c.after.as_deref()))
        .collect();
    assert_eq!(
        cols,
        [
            ("context", Some("from-phones"), Some("phones-v2")),
            ("callerid", Some("\"Alice\" <6001>"), None),
        ]
    );
    assert_eq!(
        update.expire.cli(),
        "sorcery memory cache expire res_pjsip/endpoint 6001"
    );
    assert!(
        update
            .expire
            .ami()
            .contains("Action: SorceryMemoryCacheExpireObject\r\n")
    );
    assert_eq!(
        get_row(backend, pg, "ps_endpoints", "manual").unwrap()["context"],
        "by-hand"
    );
    assert!(get_row(backend, pg, "ps_endpoints", "6002").is_none());
    assert_eq!(
        get_row(backend, pg, "ps_endpoints", "6001")
            .unwrap()
            .get("callerid"),
        None
    );
    assert!(
        apply(&mut db, &changed(), &ApplyOptions::default())
            .unwrap()
            .is_unchanged()
    );

    // A model naming the manual row: refused unless adopted, database untouched.
    let mut clash = changed();
    let mut manual = clash
        .iter()
        .find(|o| o.id == "trunk" && o.object_type == ObjectType::Endpoint)
        .unwrap()
        .clone();
    manual.id = "manual".into();
    clash.push(manual);
    let before = backend.snapshot();
    let err = apply(&mut db, &clash, &ApplyOptions::default()).unwrap_err();
    assert!(
        matches!(err, RealtimeError::NotOwned { count: 1, .. }),
        "{err}"
    );
    assert_eq!(backend.snapshot(), before);
    let adopt = ApplyOptions {
        adopt: true,
        ..ApplyOptions::default()
    };
    let report = apply(&mut db, &clash, &adopt).unwrap();
    assert_eq!(report.changes.len(), 1);
    assert_eq!(report.changes[0].action, Action::Update);
    // Another scope never deletes this scope's rows.
    let other = ApplyOptions {
        scope: "other".into(),
        ..ApplyOptions::default()
    };
    assert!(apply(&mut db, &[], &other).unwrap().is_unchanged());
}

fn failed_apply_leaves_database_unchanged(backend: &dyn Backend) {
    let mut db = backend.open();
    create_schema(&mut db, &changed(), false).unwrap();
    apply(&mut db, &base(), &ApplyOptions::default()).unwrap();
    let before = backend.snapshot();

    // A bad row: the database refuses the enum value (PostgreSQL enum, SQLite CHECK) after
    // other statements of the same transaction already ran.
    let bad = changed()
        .into_iter()
        .map(|mut o| {
            if o.id == "6003" && o.object_type == ObjectType::Endpoint {
                o.options.last_mut().unwrap().key = "dtmf_mode".into();
                o.options.last_mut().unwrap().value = "bogus".into();
            }
            o
        })
        .collect::<Vec<_>>();
    let options = ApplyOptions {
        batch_size: 1,
        ..ApplyOptions::default()
    };
    let err = apply(&mut db, &bad, &options).unwrap_err();
    assert!(
        matches!(err, RealtimeError::Sqlite(_) | RealtimeError::Postgres(_)),
        "{err}"
    );
    assert_eq!(backend.snapshot(), before, "bad row: rolled back");

    // Stopped half-way (the connection goes away after the first batch).
    let mut db = backend.open();
    let err = apply_with_progress(&mut db, &changed(), &options, &mut |done, total| {
        assert!(done < total);
        Err("connection lost".into())
    })
    .unwrap_err();
    assert!(matches!(err, RealtimeError::Aborted(_)));
    assert_eq!(backend.snapshot(), before, "aborted: rolled back");
}

fn writers_do_not_interleave(backend: &(dyn Backend + Sync)) {
    let mut db = backend.open();
    create_schema(&mut db, &changed(), false).unwrap();
    create_schema(&mut db, &base(), false).unwrap();
    let (started, wait_started) = mpsc::channel();
    std::thread::scope(|s| {
        let a = s.spawn(|| {
            let mut db = backend.open();
            let options = ApplyOptions {
                batch_size: 1,
                ..ApplyOptions::default()
            };
            let mut first = true;
            apply_with_progress(&mut db, &base(), &options, &mut |_, _| {
                if first {
                    first = false;
                    started.send(()).unwrap();
                }
                std::thread::sleep(Duration::from_millis(20));
                Ok(())
            })
            .unwrap()
        });
        wait_started.recv().unwrap();
        // A is half-way; B must wait for it and then see A's committed rows.
        let mut db_b = backend.open();
        let b = apply(&mut db_b, &changed(), &ApplyOptions::default()).unwrap();
        let a = a.join().unwrap();
        assert_eq!(a.changes.len(), base().len());
        assert!(
            b.changes.iter().any(|c| c.action == Action::Delete),
            "B computed its change against A's committed rows"
        );
        assert_eq!(b.changes.len(), 8);
    });
    assert!(
        apply(&mut db, &changed(), &ApplyOptions::default())
            .unwrap()
            .is_unchanged()
    );
}

/// A known change set applied with `apply_touched` does what the full apply would, reading
/// only the touched rows.
fn touched_apply_matches_full_apply(backend: &dyn Backend, pg: Option<&Postgres>) {
    let mut db = backend.open();
    create_schema(&mut db, &changed(), false).unwrap();
    create_schema(&mut db, &base(), false).unwrap();
    apply(&mut db, &base(), &ApplyOptions::default()).unwrap();
    backend.exec("INSERT INTO ps_endpoints (id, context) VALUES ('manual', 'by-hand');");
    let full = plan_apply(&mut db, &changed(), &ApplyOptions::default()).unwrap();
    let mut touched: Vec<(ObjectType, String)> = full
        .changes
        .iter()
        .map(|c| (c.object_type, c.id.clone()))
        .collect();
    // Untouched objects named too, and an id nobody has: no difference.
    touched.push((ObjectType::Aor, "6001".into()));
    touched.push((ObjectType::Endpoint, "nobody".into()));
    let touched: Vec<(ObjectType, &str)> =
        touched.iter().map(|(t, id)| (*t, id.as_str())).collect();
    let dry = ApplyOptions {
        dry_run: true,
        ..ApplyOptions::default()
    };
    let before = backend.snapshot();
    let planned = apply_touched(&mut db, &changed(), &touched, &dry).unwrap();
    assert_eq!(backend.snapshot(), before, "dry run wrote nothing");
    assert_eq!(planned.changes, full.changes);
    assert_eq!(planned.statements, full.statements);

    // A touched hand-written row: refused as by the full apply, nothing written.
    let mut clash = changed();
    let mut manual = clash
        .iter()
        .find(|o| o.id == "trunk" && o.object_type == ObjectType::Endpoint)
        .unwrap()
        .clone();
    manual.id = "manual".into();
    clash.push(manual);
    let err = apply_touched(
        &mut db,
        &clash,
        &[(ObjectType::Endpoint, "manual")],
        &ApplyOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(err, RealtimeError::NotOwned { count: 1, .. }),
        "{err}"
    );
    assert_eq!(backend.snapshot(), before);

    let report = apply_touched(&mut db, &changed(), &touched, &ApplyOptions::default()).unwrap();
    assert!(report.committed);
    assert_eq!(report.statements, full.statements);
    assert!(
        apply(&mut db, &changed(), &ApplyOptions::default())
            .unwrap()
            .is_unchanged()
    );
    assert_eq!(
        get_row(backend, pg, "ps_endpoints", "manual").unwrap()["context"],
        "by-hand"
    );
    // Nothing touched: nothing read, nothing written.
    assert!(
        apply_touched(&mut db, &changed(), &[], &ApplyOptions::default())
            .unwrap()
            .is_unchanged()
    );
}

// ---------------------------------------------------------------- SQLite

#[test]
fn sqlite_touched_apply_matches_full_apply() {
    touched_apply_matches_full_apply(&Sqlite::new(), None);
}

#[test]
fn sqlite_rows_match_objects_and_second_apply_writes_nothing() {
    let db = Sqlite::new();
    rows_match_objects(&db, None);
}

#[test]
fn sqlite_change_touches_only_what_differs() {
    let db = Sqlite::new();
    change_touches_only_what_differs(&db, None);
}

#[test]
fn sqlite_failed_apply_leaves_database_unchanged() {
    failed_apply_leaves_database_unchanged(&Sqlite::new());
}

#[test]
fn sqlite_writers_do_not_interleave() {
    writers_do_not_interleave(&Sqlite::new());
}

#[test]
fn sqlite_schema_is_narrow() {
    let backend = Sqlite::new();
    let mut db = backend.open();
    let statements = create_schema(&mut db, &base(), false).unwrap();
    assert!(
        statements
            .iter()
            .any(|s| s.starts_with("CREATE TABLE \"ps_endpoints\""))
    );
    assert_eq!(
        column_names(&backend, "ps_aors"),
        ["id", "contact", "max_contacts", "qualify_frequency"]
    );
    // Nothing missing the second time but pjconf's own table is already there.
    assert!(create_schema(&mut db, &base(), false).unwrap().is_empty());
    // A new option in use: apply adds the column.
    let text = fixture("base.conf").replace(
        "max_contacts = 2",
        "max_contacts = 2\nremove_existing = yes",
    );
    let report = apply(&mut db, &objects_of(&text), &ApplyOptions::default()).unwrap();
    assert!(
        report.statements[0].starts_with("ALTER TABLE \"ps_aors\" ADD COLUMN \"remove_existing\"")
    );
    assert!(column_names(&backend, "ps_aors").contains(&"remove_existing".to_string()));
}

#[test]
fn sqlite_cannot_hold_several_set_var_values() {
    let text =
        fixture("base.conf").replace("set_var = GROUP=sales", "set_var = A=1\nset_var = B=2");
    let backend = Sqlite::new();
    let mut db = backend.open();
    let err = create_schema(&mut db, &objects_of(&text), false).unwrap_err();
    assert!(
        matches!(err, RealtimeError::NotRepresentable { .. }),
        "{err}"
    );
}

#[test]
fn missing_table_is_reported() {
    let backend = Sqlite::new();
    let mut db = backend.open();
    let err = apply(&mut db, &base(), &ApplyOptions::default()).unwrap_err();
    assert!(matches!(err, RealtimeError::MissingTable(_)), "{err}");
    assert!(backend.snapshot().is_empty());
}

// ---------------------------------------------------------------- PostgreSQL

#[test]
fn postgres_rows_match_objects_and_second_apply_writes_nothing() {
    let Some(pg) = Postgres::new("rows") else {
        return;
    };
    rows_match_objects(&pg, Some(&pg));
}

#[test]
fn postgres_change_touches_only_what_differs() {
    let Some(pg) = Postgres::new("change") else {
        return;
    };
    change_touches_only_what_differs(&pg, Some(&pg));
}

#[test]
fn postgres_touched_apply_matches_full_apply() {
    let Some(pg) = Postgres::new("touched") else {
        return;
    };
    touched_apply_matches_full_apply(&pg, Some(&pg));
}

#[test]
fn postgres_failed_apply_leaves_database_unchanged() {
    let Some(pg) = Postgres::new("failed") else {
        return;
    };
    failed_apply_leaves_database_unchanged(&pg);
}

#[test]
fn postgres_connection_lost_mid_apply_leaves_database_unchanged() {
    let Some(pg) = Postgres::new("lost") else {
        return;
    };
    let mut db = pg.open();
    create_schema(&mut db, &changed(), false).unwrap();
    apply(&mut db, &base(), &ApplyOptions::default()).unwrap();
    let before = pg.snapshot();
    let mut client = pg.client();
    let pid: i32 = client
        .query_one("SELECT pg_backend_pid()", &[])
        .unwrap()
        .get(0);
    let mut db = Database::from_postgres(client);
    let options = ApplyOptions {
        batch_size: 1,
        ..ApplyOptions::default()
    };
    let err = apply_with_progress(&mut db, &changed(), &options, &mut |_, _| {
        // The server drops the connection between two statements.
        pg.client()
            .execute("SELECT pg_terminate_backend($1)", &[&pid])
            .map(|_| ())
            .map_err(|e| e.to_string())
    })
    .unwrap_err();
    assert!(matches!(err, RealtimeError::Postgres(_)), "{err}");
    assert_eq!(pg.snapshot(), before);
}

#[test]
fn postgres_writers_do_not_interleave() {
    let Some(pg) = Postgres::new("writers") else {
        return;
    };
    writers_do_not_interleave(&pg);
}

#[test]
fn postgres_schema_is_the_reference_and_lists_use_semicolons() {
    let Some(pg) = Postgres::new("schema") else {
        return;
    };
    let mut db = pg.open();
    let statements = create_schema(&mut db, &[], false).unwrap();
    assert!(
        statements
            .iter()
            .any(|s| s.starts_with("CREATE TYPE ast_bool_values AS ENUM"))
    );
    for t in tables() {
        let cols = pg
            .client()
            .query(
                "SELECT count(*) FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2",
                &[&pg.schema, &t.name],
            )
            .unwrap()[0]
            .get::<_, i64>(0);
        assert_eq!(cols as usize, t.columns.len(), "{}", t.name);
    }
    assert!(create_schema(&mut db, &[], false).unwrap().is_empty());
    let text =
        fixture("base.conf").replace("set_var = GROUP=sales", "set_var = A=1\nset_var = B=2\\;3");
    apply(&mut db, &objects_of(&text), &ApplyOptions::default()).unwrap();
    assert_eq!(
        row_pg(&pg, "ps_endpoints", "6002").unwrap()["set_var"],
        "A=1;B=2^3B3"
    );
}

#[test]
fn duplicate_objects_and_unsupported_types_are_errors() {
    let backend = Sqlite::new();
    let mut db = backend.open();
    let mut objects = base();
    objects.push(objects[1].clone());
    let err = apply(&mut db, &objects, &ApplyOptions::default()).unwrap_err();
    assert!(matches!(err, RealtimeError::Duplicate { .. }), "{err}");
    let acl = objects_of("[office]\ntype = acl\npermit = 192.0.2.0/24\n");
    let err = create_schema(&mut db, &acl, false).unwrap_err();
    assert!(matches!(err, RealtimeError::Unsupported { .. }), "{err}");
    let unknown = objects_of("[6001]\ntype = aor\nmax_contactz = 1\n");
    let err = create_schema(&mut db, &unknown, false).unwrap_err();
    assert!(matches!(err, RealtimeError::NoColumn { .. }), "{err}");
    assert!(backend.snapshot().is_empty(), "nothing written");
}
