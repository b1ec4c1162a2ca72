//! `pjconf diff A B`: the object-level difference of two configurations after template
//! resolution. Exit 0 when equal, 1 when different, 2 when an input cannot be read.

use std::path::{Path, PathBuf};

use clap::Args;
use pjconf_diagnostics::Severity;
use pjconf_syntax::LoadedConfig;

use crate::args::InputArgs;
use crate::{CliError, Console, ExitStatus, input};

/// `pjconf diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The first configuration: a pjsip.conf file, or a directory holding pjsip.conf and the
    /// files it includes.
    pub a: PathBuf,
    /// The second configuration (same forms).
    pub b: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
}

/// `pjconf diff --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// `+`/`-`/`~` per object, one line per option that differs.
    Human,
    /// `{"equal": bool, "changes": [...]}`.
    Json,
}

/// Load both sides, compare their objects, print the difference.
pub(crate) fn run(args: &DiffArgs, console: &mut Console) -> Result<ExitStatus, CliError> {
    let a = load_side(&args.a, console)?;
    let b = load_side(&args.b, console)?;
    let diff = pjconf_diff::diff_configs(&a, &b);
    let text = match args.format {
        DiffFormat::Human => diff.to_human(),
        DiffFormat::Json => {
            let value = serde_json::json!({
                "equal": diff.is_empty(),
                "changes": diff.changes,
            });
            crate::report::pretty_json(&value)?
        }
    };
    console
        .out(text.as_bytes())
        .map_err(|e| CliError::io("cannot write output", e))?;
    Ok(crate::report::changes_status(diff.is_empty()))
}

/// A file, or `DIR/pjsip.conf` read with `DIR` as the include root.
fn load_side(path: &Path, console: &mut Console) -> Result<LoadedConfig, CliError> {
    let args = if path.is_dir() {
        let main = path.join("pjsip.conf");
        if !main.is_file() {
            return Err(CliError::Usage(format!(
                "{} is a directory without pjsip.conf",
                path.display()
            )));
        }
        InputArgs {
            file: main,
            root: Some(path.to_path_buf()),
        }
    } else {
        InputArgs {
            file: path.to_path_buf(),
            root: None,
        }
    };
    let config = input::load(&args, console)?;
    let errors = config
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > 0 {
        console.err_str(&format!(
            "pjconf: warning: {} has {errors} syntax error(s); compared as Asterisk would load it (`pjconf lint` shows them)\n",
            path.display()
        ));
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use crate::ExitStatus;

    use crate::test_support::run;

    fn fixture(name: &str) -> String {
        format!("{}/../../fixtures/diff/{name}", env!("CARGO_MANIFEST_DIR"))
    }

    #[test]
    fn exit_codes_follow_equality() {
        let (status, out, _) = run(&["diff", &fixture("a"), &fixture("b/pjsip.conf")]);
        assert_eq!((status, out.as_str()), (ExitStatus::Success, ""));
        let (status, out, _) = run(&["diff", &fixture("a"), &fixture("c")]);
        assert_eq!(status, ExitStatus::Findings);
        assert!(
            out.contains(
                "~ endpoint 6001\n    allow: [\"ulaw\", \"alaw\"] -> [\"alaw\", \"ulaw\"]\n"
            ),
            "{out}"
        );
        assert!(out.contains("- aor 6002\n"));
        assert!(out.contains("+ aor 6003\n"));
        let (status, out, _) = run(&["diff", "--format", "json", &fixture("a"), &fixture("c")]);
        assert_eq!(status, ExitStatus::Findings);
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(json["equal"], false);
        assert_eq!(json["changes"].as_array().unwrap().len(), 5);
        let (status, _, err) = run(&["diff", &fixture("a"), &fixture("missing.conf")]);
        assert_eq!(status, ExitStatus::Failure, "{err}");
    }
}
