//! `pjconf apply MODEL --db URL [--dry-run]`: write the compiled objects into Asterisk's
//! PJSIP realtime tables, only the rows that differ, in one transaction; print the
//! memory-cache expiries that make a running Asterisk see each change.

use std::path::{Path, PathBuf};

use clap::Args;
use pjconf_diagnostics::Severity;
use pjconf_model::{ObjectSet, ObjectType, PjsipObject};
use pjconf_realtime::{ApplyOptions, ApplyReport, CacheNames, Database};
use pjconf_tenants::{CompileOptions, Impact, ModelError, ModelSource, compile, impact};

use crate::args::{ColorArg, FormatArg, InputArgs, OutputArgs};
use crate::report::{Sink, report};
use crate::{CliError, Console, ExitStatus, input};

/// `pjconf apply`.
#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// The objects: a tenant model (`.toml`/`.json` file or a directory with engine.toml), or
    /// a pjsip.conf (a `.conf` file; templates are flattened).
    pub model: PathBuf,
    /// The database: `sqlite:PATH` or `postgres://user@host:port/db`.
    #[arg(long, value_name = "URL")]
    pub db: String,
    /// Print the SQL that would run; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Ownership scope: only rows this scope wrote are ever deleted.
    #[arg(long, value_name = "NAME", default_value = "default")]
    pub scope: String,
    /// Take over existing rows with the model's ids that this scope did not write.
    #[arg(long)]
    pub adopt: bool,
    /// Memory-cache name for a type, `TYPE=NAME` (default `<module>/<type>`, e.g.
    /// `res_pjsip/endpoint`); repeatable.
    #[arg(long, value_name = "TYPE=NAME")]
    pub cache: Vec<String>,
    /// How to print the cache expiries.
    #[arg(long, value_enum, default_value_t = CommandsArg::Cli)]
    pub commands: CommandsArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ApplyFormat::Human)]
    pub format: ApplyFormat,
    /// The tenant model last applied: write only the objects the edit from it to MODEL
    /// adds, changes or removes (found as `pjconf impact` finds them, without compiling the
    /// whole model). Rows changed in the database by other means are only put right by an
    /// apply without `--since`.
    #[arg(long, value_name = "OLD_MODEL")]
    pub since: Option<PathBuf>,
}

/// `--commands`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CommandsArg {
    /// `sorcery memory cache expire <cache> <id>` lines for the Asterisk CLI.
    Cli,
    /// `SorceryMemoryCacheExpireObject` AMI actions.
    Ami,
}

/// `pjconf apply --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ApplyFormat {
    /// Changes and commands as text (`--dry-run`: the SQL).
    Human,
    /// One JSON document: changes with their commands, statements.
    Json,
}

/// Compile, compare, write.
pub(crate) fn run(args: &ApplyArgs, console: &mut Console) -> Result<ExitStatus, CliError> {
    let edit = match &args.since {
        Some(old)
            if [old, &args.model]
                .iter()
                .any(|p| p.extension().is_some_and(|e| e == "conf")) =>
        {
            return Err(CliError::Usage(
                "--since compares two tenant models; a pjsip.conf is applied whole (without --since)"
                    .to_string(),
            ));
        }
        Some(old) => match load_edit(old, &args.model, console)? {
            Ok(edit) => Some(edit),
            Err(status) => return Ok(status),
        },
        None => None,
    };
    let objects = match &edit {
        Some(_) => Vec::new(),
        None => match load_objects(&args.model, console)? {
            Ok(objects) => objects,
            Err(status) => return Ok(status),
        },
    };
    let mut caches = CacheNames::default();
    for entry in &args.cache {
        let Some((ty, name)) = entry.split_once('=') else {
            return Err(CliError::Usage(format!(
                "--cache {entry}: expected TYPE=NAME, e.g. endpoint=res_pjsip/endpoint"
            )));
        };
        let Some(object_type) = ObjectType::from_type_value(ty.trim()) else {
            return Err(CliError::Usage(format!(
                "--cache {entry}: unknown type `{ty}`"
            )));
        };
        caches.set(object_type, name.trim());
    }
    let options = ApplyOptions {
        scope: args.scope.clone(),
        adopt: args.adopt,
        dry_run: args.dry_run,
        caches,
        ..ApplyOptions::default()
    };
    let mut db = Database::open(&args.db).map_err(realtime_error)?;
    let report = match &edit {
        Some(edit) => {
            let touched: Vec<(ObjectType, &str)> = edit
                .changes
                .iter()
                .map(|c| (c.object_type, c.id.as_str()))
                .collect();
            pjconf_realtime::apply_touched(&mut db, &edit.objects, &touched, &options)
        }
        None => pjconf_realtime::apply(&mut db, &objects, &options),
    }
    .map_err(realtime_error)?;
    let text = match args.format {
        ApplyFormat::Human => human(&report, args),
        ApplyFormat::Json => json(&report, args)?,
    };
    console
        .out(text.as_bytes())
        .map_err(|e| CliError::io("cannot write output", e))?;
    Ok(ExitStatus::Success)
}

pub(crate) fn realtime_error(e: pjconf_realtime::RealtimeError) -> CliError {
    CliError::Usage(e.to_string())
}

fn human(report: &ApplyReport, args: &ApplyArgs) -> String {
    let mut out = String::new();
    if args.dry_run {
        out.push_str("-- pjconf apply --dry-run: the SQL that would run in one transaction\n");
        if report.statements.is_empty() {
            out.push_str("-- nothing to do: the database matches the model\n");
        } else {
            out.push_str("BEGIN;\n");
            for s in &report.statements {
                out.push_str(s);
                out.push('\n');
            }
            out.push_str("COMMIT;\n");
        }
        return out;
    }
    if report.changes.is_empty() {
        out.push_str("unchanged: the database matches the model\n");
        return out;
    }
    for change in &report.changes {
        out.push_str(&format!(
            "{} {} {}\n",
            change.action.as_str(),
            change.table,
            change.id
        ));
        for c in &change.columns {
            out.push_str(&format!(
                "    {}: {} -> {}\n",
                c.column,
                shown(c.before.as_deref()),
                shown(c.after.as_deref())
            ));
        }
    }
    out.push_str("\n# For a running Asterisk with a sorcery memory cache in front of realtime:\n");
    for change in &report.changes {
        match args.commands {
            CommandsArg::Cli => {
                out.push_str(&change.expire.cli());
                out.push('\n');
            }
            CommandsArg::Ami => out.push_str(&change.expire.ami().replace("\r\n", "\n")),
        }
        if let Some(note) = change.note {
            out.push_str(&format!("# {}: {note}\n", change.id));
        }
    }
    out
}

fn shown(value: Option<&str>) -> String {
    value.map_or_else(|| "NULL".to_string(), |v| format!("{v:?}"))
}

fn json(report: &ApplyReport, args: &ApplyArgs) -> Result<String, CliError> {
    let changes: Vec<serde_json::Value> = report
        .changes
        .iter()
        .map(|c| {
            serde_json::json!({
                "action": c.action.as_str(),
                "type": c.object_type.as_str(),
                "table": c.table,
                "id": c.id,
                "columns": c.columns.iter().map(|x| serde_json::json!({
                    "column": x.column, "before": x.before, "after": x.after,
                })).collect::<Vec<_>>(),
                "cache": c.expire.cache,
                "cli": c.expire.cli(),
                "ami": {"Action": "SorceryMemoryCacheExpireObject", "Cache": c.expire.cache, "Object": c.expire.object},
                "note": c.note,
            })
        })
        .collect();
    let value = serde_json::json!({
        "dry_run": args.dry_run,
        "committed": report.committed,
        "changes": changes,
        "statements": report.statements,
    });
    crate::report::pretty_json(&value)
}

/// The flattened objects of MODEL: a pjsip.conf (`.conf`) or a tenant model. `Err(status)`
/// when the input has error-level diagnostics (reported on standard error).
/// The edit from the model at `old` to the one at `new` (`--since`): its changes and the
/// new objects behind them. Errors in either model (the new one checked where the edit
/// recompiled it) are reported, and nothing is applied.
fn load_edit(
    old: &Path,
    new: &Path,
    console: &mut Console,
) -> Result<Result<Impact, ExitStatus>, CliError> {
    let output = diagnostics_output();
    let Ok(old_source) = load_model(old, &output, console)? else {
        return Ok(Err(ExitStatus::Findings));
    };
    let Ok(new_source) = load_model(new, &output, console)? else {
        return Ok(Err(ExitStatus::Findings));
    };
    let old_compiled = compile(&old_source, &CompileOptions::default());
    if !old_compiled.is_ok() {
        let mut diagnostics = old_compiled.diagnostics;
        report(
            &mut diagnostics,
            &old_compiled.sources,
            &output,
            Sink::Stderr,
            console,
        );
        return Err(CliError::Usage(format!(
            "{} (--since) has errors: it cannot be what was applied",
            old.display()
        )));
    }
    let mut edit = impact(&old_source, &old_compiled, &new_source);
    if edit
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error)
    {
        let mut diagnostics = std::mem::take(&mut edit.diagnostics);
        report(
            &mut diagnostics,
            &new_source.sources,
            &output,
            Sink::Stderr,
            console,
        );
        return Ok(Err(ExitStatus::Findings));
    }
    Ok(Ok(edit))
}

fn diagnostics_output() -> OutputArgs {
    OutputArgs {
        format: FormatArg::Human,
        color: ColorArg::Auto,
        warnings_as_errors: false,
    }
}

/// A tenant model, or its syntax errors reported (`Err(())`).
fn load_model(
    path: &Path,
    output: &OutputArgs,
    console: &mut Console,
) -> Result<Result<ModelSource, ()>, CliError> {
    match ModelSource::load(path) {
        Ok(source) => Ok(Ok(source)),
        Err(ModelError::Syntax {
            mut diagnostics,
            sources,
        }) => {
            report(&mut diagnostics, &sources, output, Sink::Stderr, console);
            Ok(Err(()))
        }
        Err(ModelError::Io { path, source }) => Err(CliError::io(
            format!("cannot read {}", path.display()),
            source,
        )),
    }
}

pub(crate) fn load_objects(
    path: &Path,
    console: &mut Console,
) -> Result<Result<Vec<PjsipObject>, ExitStatus>, CliError> {
    let output = diagnostics_output();
    if path.extension().is_some_and(|e| e == "conf") {
        let config = input::load(
            &InputArgs {
                file: path.to_path_buf(),
                root: None,
            },
            console,
        )?;
        let resolved = pjconf_lint::resolve_sections(&config);
        let mut diagnostics: Vec<_> = config
            .diagnostics
            .iter()
            .chain(&resolved.diagnostics)
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect();
        if !diagnostics.is_empty() {
            report(
                &mut diagnostics,
                &config.sources,
                &output,
                Sink::Stderr,
                console,
            );
            return Ok(Err(ExitStatus::Findings));
        }
        return Ok(Ok(ObjectSet::classify(resolved.sections).objects));
    }
    let Ok(source) = load_model(path, &output, console)? else {
        return Ok(Err(ExitStatus::Findings));
    };
    let options = CompileOptions {
        flatten: true,
        skip_objects: false,
    };
    let compiled = compile(&source, &options);
    if !compiled.is_ok() {
        let mut diagnostics = compiled.diagnostics;
        report(
            &mut diagnostics,
            &compiled.sources,
            &output,
            Sink::Stderr,
            console,
        );
        return Ok(Err(ExitStatus::Findings));
    }
    Ok(Ok(compiled.objects.objects))
}

#[cfg(test)]
mod tests {
    use crate::ExitStatus;

    use crate::test_support::run;

    fn fixture(name: &str) -> String {
        format!("{}/../../fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
    }

    #[test]
    fn schema_apply_dry_run_and_commands() {
        let dir = tempfile::tempdir().unwrap();
        let db = format!("sqlite:{}", dir.path().join("rt.db").display());
        let base = fixture("realtime/base.conf");
        let changed = fixture("realtime/changed.conf");
        let (status, out, err) = run(&["schema", "--db", &db, &base]);
        assert_eq!(status, ExitStatus::Success, "{err}");
        assert!(out.contains("CREATE TABLE \"ps_endpoints\""));
        let (status, out, err) = run(&["apply", &base, "--db", &db]);
        assert_eq!(status, ExitStatus::Success, "{err}");
        assert!(
            out.contains("sorcery memory cache expire res_pjsip/endpoint 6001\n"),
            "{out}"
        );
        let (_, out, _) = run(&["apply", &base, "--db", &db]);
        assert_eq!(out, "unchanged: the database matches the model\n");
        let (status, out, _) = run(&["apply", &changed, "--db", &db, "--dry-run"]);
        assert_eq!(status, ExitStatus::Success);
        assert!(
            out.contains("BEGIN;\nDELETE FROM \"ps_endpoints\" WHERE \"id\" = '6002';\n"),
            "{out}"
        );
        let (status, out, err) = run(&[
            "apply",
            &changed,
            "--db",
            &db,
            "--format",
            "json",
            "--cache",
            "endpoint=endpoints",
        ]);
        assert_eq!(status, ExitStatus::Success, "{err}");
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(json["committed"], true);
        let update = json["changes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["action"] == "update" && c["table"] == "ps_endpoints")
            .unwrap();
        assert_eq!(update["cli"], "sorcery memory cache expire endpoints 6001");
        assert_eq!(update["ami"]["Action"], "SorceryMemoryCacheExpireObject");
        let (status, _, err) = run(&["apply", &changed, "--db", "mysql://x"]);
        assert_eq!(status, ExitStatus::Failure);
        assert!(err.contains("unsupported database URL"), "{err}");
    }

    #[test]
    fn tenant_model_applies() {
        let dir = tempfile::tempdir().unwrap();
        let db = format!("sqlite:{}", dir.path().join("rt.db").display());
        let model = fixture("tenants/example.toml");
        let (status, _, err) = run(&["schema", "--db", &db, &model]);
        assert_eq!(status, ExitStatus::Success, "{err}");
        let (status, out, err) = run(&["apply", &model, "--db", &db]);
        assert_eq!(status, ExitStatus::Success, "{err}");
        assert!(
            out.contains("insert ps_endpoints alice@acme.example\n"),
            "{out}"
        );
        let (_, out, _) = run(&["apply", &model, "--db", &db]);
        assert_eq!(out, "unchanged: the database matches the model\n");
    }

    #[test]
    fn since_applies_only_the_edit_and_leaves_what_a_whole_apply_leaves() {
        let dir = tempfile::tempdir().unwrap();
        let db = format!("sqlite:{}", dir.path().join("rt.db").display());
        let old = fixture("impact/base.toml");
        let new = fixture("impact/template_option.toml");
        let (status, _, err) = run(&["schema", "--db", &db, &old]);
        assert_eq!(status, ExitStatus::Success, "{err}");
        let (status, _, err) = run(&["apply", &old, "--db", &db]);
        assert_eq!(status, ExitStatus::Success, "{err}");
        // The whole apply's plan for the edit, for comparison (dry run: nothing written).
        let (_, whole, _) = run(&["apply", &new, "--db", &db, "--dry-run"]);
        let (status, edit, err) = run(&["apply", &new, "--db", &db, "--dry-run", "--since", &old]);
        assert_eq!(status, ExitStatus::Success, "{err}");
        assert!(edit.contains("UPDATE"), "{edit}");
        assert_eq!(edit, whole, "the edit writes what a whole apply writes");
        let (status, _, err) = run(&["apply", &new, "--db", &db, "--since", &old]);
        assert_eq!(status, ExitStatus::Success, "{err}");
        let (_, out, _) = run(&["apply", &new, "--db", &db]);
        assert_eq!(out, "unchanged: the database matches the model\n");
        let (status, _, err) = run(&[
            "apply",
            &new,
            "--db",
            &db,
            "--since",
            &fixture("realtime/base.conf"),
        ]);
        assert_eq!(status, ExitStatus::Failure);
        assert!(err.contains("--since compares two tenant models"), "{err}");
    }
}
