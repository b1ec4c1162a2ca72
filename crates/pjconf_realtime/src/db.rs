//! The two databases behind one small interface: open from a URL, run a transaction, query
//! rows as text, execute SQL text.

use std::time::Duration;

use crate::error::RealtimeError;
use crate::rows::Dialect;

/// How long a second SQLite writer waits for the first one's transaction.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(60);

/// The PostgreSQL advisory lock key every pjconf writer takes (transaction-scoped) before it
/// reads the current rows, so that two applies never interleave.
pub const ADVISORY_LOCK_KEY: i64 = 0x706a_636f_6e66; // "pjconf"

/// An open database: SQLite (embedded) or PostgreSQL.
pub struct Database {
    pub(crate) inner: Inner,
}

pub(crate) enum Inner {
    Sqlite(rusqlite::Connection),
    Postgres(Box<postgres::Client>),
}

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Database")
            .field("dialect", &self.dialect())
            .finish()
    }
}

impl Database {
    /// Open `sqlite:PATH` (the file is created when missing; `sqlite://PATH` also works) or
    /// `postgres://user@host:port/db` (`postgresql://` too; no TLS).
    ///
    /// ```
    /// let dir = tempfile::tempdir().unwrap();
    /// let url = format!("sqlite:{}", dir.path().join("asterisk.db").display());
    /// let db = pjconf_realtime::Database::open(&url).unwrap();
    /// assert_eq!(db.dialect(), pjconf_realtime::Dialect::Sqlite);
    /// ```
    pub fn open(url: &str) -> Result<Database, RealtimeError> {
        if let Some(path) = url.strip_prefix("sqlite:") {
            let path = path.strip_prefix("//").unwrap_or(path);
            if path.is_empty() {
                return Err(RealtimeError::Url(url.to_string()));
            }
            let conn = rusqlite::Connection::open(path)?;
            return Ok(Database::from_sqlite(conn));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let client = postgres::Client::connect(url, postgres::NoTls)?;
            return Ok(Database::from_postgres(client));
        }
        Err(RealtimeError::Url(url.to_string()))
    }

    /// Use an open SQLite connection (its busy timeout is set to 60 s).
    pub fn from_sqlite(conn: rusqlite::Connection) -> Database {
        let _ = conn.busy_timeout(SQLITE_BUSY_TIMEOUT);
        Database {
            inner: Inner::Sqlite(conn),
        }
    }

    /// Use an open PostgreSQL client.
    pub fn from_postgres(client: postgres::Client) -> Database {
        Database {
            inner: Inner::Postgres(Box::new(client)),
        }
    }

    /// Which database this is.
    pub fn dialect(&self) -> Dialect {
        match self.inner {
            Inner::Sqlite(_) => Dialect::Sqlite,
            Inner::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Run `body` in one transaction. `write`: SQLite `BEGIN IMMEDIATE` (the write lock is
    /// taken before anything is read), PostgreSQL `pg_advisory_xact_lock` first. Commits
    /// when `commit` and `body` succeeded; otherwise rolls back.
    pub(crate) fn transaction<T>(
        &mut self,
        write: bool,
        commit: bool,
        body: impl FnOnce(&mut dyn Session) -> Result<T, RealtimeError>,
    ) -> Result<T, RealtimeError> {
        match &mut self.inner {
            Inner::Sqlite(conn) => {
                let behavior = if write {
                    rusqlite::TransactionBehavior::Immediate
                } else {
                    rusqlite::TransactionBehavior::Deferred
                };
                let tx = conn.transaction_with_behavior(behavior)?;
                let mut session = SqliteSession(tx);
                let out = body(&mut session)?;
                if commit {
                    session.0.commit()?;
                } else {
                    session.0.rollback()?;
                }
                Ok(out)
            }
            Inner::Postgres(client) => {
                let mut tx = client.transaction()?;
                if write {
                    tx.batch_execute(&format!(
                        "SELECT pg_advisory_xact_lock({ADVISORY_LOCK_KEY})"
                    ))?;
                }
                let mut session = PostgresSession(tx);
                let out = body(&mut session)?;
                if commit {
                    session.0.commit()?;
                } else {
                    session.0.rollback()?;
                }
                Ok(out)
            }
        }
    }
}

/// What receives each row of [`Session::query_each_ref`]: borrowed values, `None` for NULL.
pub(crate) type EachRow<'a> = dyn FnMut(&[Option<&str>]) -> Result<(), RealtimeError> + 'a;

/// One open transaction.
pub(crate) trait Session {
    fn dialect(&self) -> Dialect;
    /// Each row of a query, every value as text (`None` for NULL), handed to `each`.
    fn query_each(
        &mut self,
        sql: &str,
        each: &mut dyn FnMut(Vec<Option<String>>),
    ) -> Result<(), RealtimeError>;

    /// Each row of a query as borrowed text (`None` for NULL), handed to `each` without
    /// copying the values: the comparison of a large table allocates nothing for the rows
    /// that match. An `Err` from `each` stops the query.
    fn query_each_ref(&mut self, sql: &str, each: &mut EachRow<'_>) -> Result<(), RealtimeError>;

    /// Rows of a query, every value as text (`None` for NULL).
    fn query(&mut self, sql: &str) -> Result<Vec<Vec<Option<String>>>, RealtimeError> {
        let mut out = Vec::new();
        self.query_each(sql, &mut |row| out.push(row))?;
        Ok(out)
    }
    /// Run SQL text (several statements).
    fn execute(&mut self, sql: &str) -> Result<(), RealtimeError>;

    /// Run `statements` in order (one round trip where the database has them).
    fn execute_all(&mut self, statements: &[String]) -> Result<(), RealtimeError> {
        self.execute(&statements.join("\n"))
    }

    /// The columns of `table`, or `None` when it does not exist.
    fn table_columns(&mut self, table: &str) -> Result<Option<Vec<String>>, RealtimeError> {
        let sql = match self.dialect() {
            Dialect::Sqlite => format!(
                "SELECT name FROM pragma_table_info({}) ORDER BY cid",
                crate::schema::quote_literal(table)
            ),
            Dialect::Postgres => format!(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = {} ORDER BY ordinal_position",
                crate::schema::quote_literal(table)
            ),
        };
        let names: Vec<String> = self
            .query(&sql)?
            .into_iter()
            .filter_map(|mut r| r.pop().flatten())
            .collect();
        Ok((!names.is_empty()).then_some(names))
    }
}

struct SqliteSession<'a>(rusqlite::Transaction<'a>);

impl Session for SqliteSession<'_> {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn query_each(
        &mut self,
        sql: &str,
        each: &mut dyn FnMut(Vec<Option<String>>),
    ) -> Result<(), RealtimeError> {
        use rusqlite::types::ValueRef;
        let mut stmt = self.0.prepare(sql)?;
        let n = stmt.column_count();
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let mut values = Vec::with_capacity(n);
            for i in 0..n {
                values.push(match row.get_ref(i)? {
                    ValueRef::Null => None,
                    ValueRef::Integer(i) => Some(i.to_string()),
                    ValueRef::Real(f) => Some(f.to_string()),
                    ValueRef::Text(t) | ValueRef::Blob(t) => {
                        Some(String::from_utf8_lossy(t).into_owned())
                    }
                });
            }
            each(values);
        }
        Ok(())
    }

    fn query_each_ref(&mut self, sql: &str, each: &mut EachRow<'_>) -> Result<(), RealtimeError> {
        use rusqlite::types::ValueRef;
        use std::fmt::Write as _;
        let mut stmt = self.0.prepare(sql)?;
        let n = stmt.column_count();
        // Numbers (and text that is not UTF-8) are written into these, reused row after row.
        let mut scratch: Vec<String> = vec![String::new(); n];
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let mut values: Vec<Option<&str>> = Vec::with_capacity(n);
            for (i, buffer) in scratch.iter_mut().enumerate() {
                buffer.clear();
                let value = row.get_ref(i)?;
                if let ValueRef::Text(t) | ValueRef::Blob(t) = value
                    && let Ok(text) = std::str::from_utf8(t)
                {
                    values.push(Some(text));
                    continue;
                }
                match value {
                    ValueRef::Null => {
                        values.push(None);
                        continue;
                    }
                    ValueRef::Integer(v) => {
                        let _ = write!(buffer, "{v}");
                    }
                    ValueRef::Real(f) => {
                        let _ = write!(buffer, "{f}");
                    }
                    ValueRef::Text(t) | ValueRef::Blob(t) => {
                        buffer.push_str(&String::from_utf8_lossy(t));
                    }
                }
                let written: &String = buffer;
                values.push(Some(written.as_str()));
            }
            each(&values)?;
        }
        Ok(())
    }

    fn execute(&mut self, sql: &str) -> Result<(), RealtimeError> {
        Ok(self.0.execute_batch(sql)?)
    }

    /// One statement at a time: SQLite copies the rest of the SQL text it is given at every
    /// statement it prepares, so a batch joined into one text costs the square of its length.
    fn execute_all(&mut self, statements: &[String]) -> Result<(), RealtimeError> {
        for statement in statements {
            self.0.execute_batch(statement)?;
        }
        Ok(())
    }
}

struct PostgresSession<'a>(postgres::Transaction<'a>);

impl Session for PostgresSession<'_> {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    fn query_each(
        &mut self,
        sql: &str,
        each: &mut dyn FnMut(Vec<Option<String>>),
    ) -> Result<(), RealtimeError> {
        for message in self.0.simple_query(sql)? {
            if let postgres::SimpleQueryMessage::Row(row) = message {
                each(
                    (0..row.len())
                        .map(|i| row.get(i).map(str::to_string))
                        .collect(),
                );
            }
        }
        Ok(())
    }

    fn query_each_ref(&mut self, sql: &str, each: &mut EachRow<'_>) -> Result<(), RealtimeError> {
        for message in self.0.simple_query(sql)? {
            if let postgres::SimpleQueryMessage::Row(row) = message {
                let values: Vec<Option<&str>> = (0..row.len()).map(|i| row.get(i)).collect();
                each(&values)?;
            }
        }
        Ok(())
    }

    fn execute(&mut self, sql: &str) -> Result<(), RealtimeError> {
        Ok(self.0.batch_execute(sql)?)
    }
}
