//! `pjconf schema --db URL [MODEL]`: create the realtime tables that are missing.

use std::path::PathBuf;

use clap::Args;
use pjconf_realtime::Database;

use crate::commands::apply::{load_objects, realtime_error};
use crate::{CliError, Console, ExitStatus};

/// `pjconf schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The database: `sqlite:PATH` or `postgres://user@host:port/db`.
    #[arg(long, value_name = "URL")]
    pub db: String,
    /// For SQLite: the model (or `.conf`) whose columns the narrow tables get. Without it,
    /// id-only tables for endpoints, aors, auths, identifies, domain aliases and
    /// registrations (apply adds columns as they come into use).
    pub model: Option<PathBuf>,
    /// Print the statements; run nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Create what is missing; print the statements run.
pub(crate) fn run(args: &SchemaArgs, console: &mut Console) -> Result<ExitStatus, CliError> {
    let objects = match &args.model {
        Some(path) => match load_objects(path, console)? {
            Ok(objects) => objects,
            Err(status) => return Ok(status),
        },
        None => Vec::new(),
    };
    let mut db = Database::open(&args.db).map_err(realtime_error)?;
    let statements =
        pjconf_realtime::create_schema(&mut db, &objects, args.dry_run).map_err(realtime_error)?;
    let mut out = String::new();
    if statements.is_empty() {
        out.push_str("-- nothing to create: every table and column is there\n");
    }
    for s in statements {
        out.push_str(&s);
        out.push('\n');
    }
    console
        .out(out.as_bytes())
        .map_err(|e| CliError::io("cannot write output", e))?;
    Ok(ExitStatus::Success)
}
