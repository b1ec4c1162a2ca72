//! `pjconf impact OLD_MODEL NEW_MODEL [--format human|json]`: the PJSIP objects an edit of
//! the multi-tenant model adds, removes or changes, and for a changed object which options
//! changed from what to what.
//!
//! Exit 0 when no object changes, 1 when some do (like `pjconf diff`), 2 when a model cannot
//! be read or has an error-level diagnostic: no impact is computed then (the diagnostics are
//! shown on standard error). Warnings of the new model are shown on standard error and do
//! not change the status.
//!
//! Both models are compiled whole once to validate them (a command runs once; the old
//! compilation also gives the template graphs); the impact itself recompiles only what the
//! edit touches ([`pjconf_tenants::impact`]).

use std::path::{Path, PathBuf};

use clap::Args;
use pjconf_tenants::{CompileOptions, ModelError, ModelSource, compile, impact};

use crate::args::{ColorArg, FormatArg, OutputArgs};
use crate::report::{Sink, report};
use crate::{CliError, Console, ExitStatus};

/// `pjconf impact`.
#[derive(Debug, Args)]
pub struct ImpactArgs {
    /// The model before the edit: a `.toml` or `.json` file, or a directory holding
    /// `engine.toml` and `tenants/*.toml`.
    pub old: PathBuf,
    /// The model after the edit (same forms).
    pub new: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ImpactFormat::Human)]
    pub format: ImpactFormat,
}

/// `pjconf impact --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImpactFormat {
    /// `+`/`-`/`~`, tenant, type and id per object; `name: old -> new` per changed option.
    Human,
    /// `{"changes": [...], "full_recompile": bool, "diagnostics": [...]}`.
    Json,
}

fn diagnostics_output() -> OutputArgs {
    OutputArgs {
        format: FormatArg::Human,
        color: ColorArg::Auto,
        warnings_as_errors: false,
    }
}

/// Load and validate both models, compute the impact, print it.
pub(crate) fn run(args: &ImpactArgs, console: &mut Console) -> Result<ExitStatus, CliError> {
    let old = load(&args.old, console)?;
    let new = load(&args.new, console)?;
    let compiled = compile(&old, &CompileOptions::default());
    if !compiled.is_ok() {
        let mut d = compiled.diagnostics;
        report(
            &mut d,
            &compiled.sources,
            &diagnostics_output(),
            Sink::Stderr,
            console,
        );
        return Err(CliError::Usage(format!(
            "{} has errors: no impact computed",
            args.old.display()
        )));
    }
    let check = compile(
        &new,
        &CompileOptions {
            skip_objects: true,
            ..CompileOptions::default()
        },
    );
    let mut new_diagnostics = check.diagnostics;
    let status = report(
        &mut new_diagnostics,
        &check.sources,
        &diagnostics_output(),
        Sink::Stderr,
        console,
    );
    if status != ExitStatus::Success {
        return Err(CliError::Usage(format!(
            "{} has errors: no impact computed",
            args.new.display()
        )));
    }
    let result = impact(&old, &compiled, &new);
    let text = match args.format {
        ImpactFormat::Human => {
            if result.full_recompile {
                console.err_str(
                    "note: the engine's asterisk version, policy or transport names changed: both models were compiled whole\n",
                );
            }
            result.to_human()
        }
        ImpactFormat::Json => crate::report::pretty_json(&result)?,
    };
    console
        .out(text.as_bytes())
        .map_err(|e| CliError::io("cannot write output", e))?;
    Ok(crate::report::changes_status(result.is_empty()))
}

/// A model; syntax errors are shown and fail the run.
fn load(path: &Path, console: &mut Console) -> Result<ModelSource, CliError> {
    match ModelSource::load(path) {
        Ok(source) => Ok(source),
        Err(ModelError::Syntax {
            mut diagnostics,
            sources,
        }) => {
            report(
                &mut diagnostics,
                &sources,
                &diagnostics_output(),
                Sink::Stderr,
                console,
            );
            Err(CliError::Usage(format!(
                "{} cannot be read as a model",
                path.display()
            )))
        }
        Err(ModelError::Io { path, source }) => Err(CliError::io(
            format!("cannot read {}", path.display()),
            source,
        )),
    }
}
