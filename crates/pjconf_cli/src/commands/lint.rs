//! `pjconf lint FILE...`: every check, findings on standard output.

use std::path::PathBuf;

use clap::Args;
use pjconf_diagnostics::SourceMap;
use pjconf_lint::{FileKind, Selection, check_config};

use crate::args::{InputArgs, OutputArgs};
use crate::report::{Sink, report};
use crate::{CliError, Console, ExitStatus, input};

/// `pjconf lint`.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// The files to check (`-` for standard input). Names containing `wizard` are read as
    /// pjsip_wizard.conf unless --kind says otherwise.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Directory every read must stay inside (default: each file's directory).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Only these codes, code prefixes (PJ2) or rule names; repeatable, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "CODE")]
    pub select: Vec<String>,
    /// Not these codes, code prefixes or rule names.
    #[arg(long, value_delimiter = ',', value_name = "CODE")]
    pub ignore: Vec<String>,
    /// Read every file as this kind instead of guessing from its name.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `--kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    /// pjsip.conf.
    Pjsip,
    /// pjsip_wizard.conf.
    Wizard,
}

/// Check each file; render every finding (all files in one report) on standard output.
pub(crate) fn run(args: &LintArgs, console: &mut Console) -> Result<ExitStatus, CliError> {
    let selection = Selection {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    };
    let unknown: Vec<&str> = selection
        .unknown_entries()
        .into_iter()
        .filter(|e| !looks_like_code(e))
        .collect();
    if !unknown.is_empty() {
        return Err(CliError::Usage(format!(
            "no rule or code matches {}; `pjconf rule --list` lists them",
            unknown.join(", ")
        )));
    }
    let mut sources = SourceMap::new();
    let mut diagnostics = Vec::new();
    for file in &args.files {
        let input_args = InputArgs {
            file: file.clone(),
            root: args.root.clone(),
        };
        let config = input::load(&input_args, console)?;
        let kind = match args.kind {
            Some(KindArg::Pjsip) => FileKind::Pjsip,
            Some(KindArg::Wizard) => FileKind::Wizard,
            None => FileKind::from_name(&file.display().to_string()),
        };
        let checked = check_config(&config, kind, &selection);
        let offset = sources.append(config.sources);
        diagnostics.extend(checked.diagnostics.into_iter().map(|mut d| {
            d.shift_files(offset);
            d
        }));
    }
    Ok(report(
        &mut diagnostics,
        &sources,
        &args.output,
        Sink::Stdout,
        console,
    ))
}

/// `PJ0`, `PJ12`, `PJ105`: codes of other stages, which `--select` may name too.
fn looks_like_code(entry: &str) -> bool {
    let upper = entry.to_ascii_uppercase();
    upper.starts_with("PJ") && upper[2..].chars().all(|c| c.is_ascii_digit())
}
