//! `pjconf compile MODEL [-o pjsip.conf] [--flatten]`: the multi-tenant model (a TOML/JSON
//! file, or a directory with `engine.toml` and `tenants/*.toml`) compiled to pjsip.conf.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;
use pjconf_tenants::{CompileOptions, Format, ModelError, ModelSource, compile};

use crate::args::OutputArgs;
use crate::report::{Sink, report};
use crate::{CliError, Console, ExitStatus};

/// `pjconf compile`.
#[derive(Debug, Args)]
pub struct CompileArgs {
    /// The model: a `.toml` or `.json` file, a directory holding `engine.toml` and
    /// `tenants/*.toml`, or `-` for TOML on standard input.
    pub model: PathBuf,
    /// Where to write pjsip.conf (`-`: standard output). Written atomically (a temporary
    /// file renamed into place); never over a model file.
    #[arg(short = 'o', long = "output", value_name = "FILE", default_value = "-")]
    pub output_file: PathBuf,
    /// Write every object fully resolved instead of keeping each tenant's templates.
    #[arg(long)]
    pub flatten: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Compile the model; write the text only when there is no error-level diagnostic.
pub(crate) fn run(args: &CompileArgs, console: &mut Console) -> Result<ExitStatus, CliError> {
    let source = match load(&args.model, console) {
        Ok(source) => source,
        Err(ModelError::Syntax {
            mut diagnostics,
            sources,
        }) => {
            report(
                &mut diagnostics,
                &sources,
                &args.output,
                Sink::Stderr,
                console,
            );
            return Ok(ExitStatus::Findings);
        }
        Err(ModelError::Io { path, source }) => {
            return Err(CliError::io(
                format!("cannot read {}", path.display()),
                source,
            ));
        }
    };
    let to_stdout = args.output_file.as_os_str() == "-";
    if !to_stdout && is_input(&args.output_file, &source.paths) {
        return Err(CliError::Usage(format!(
            "refusing to write {} over a model file",
            args.output_file.display()
        )));
    }
    let options = CompileOptions {
        flatten: args.flatten,
        // The command writes text only: the objects are not kept (much less memory).
        skip_objects: true,
    };
    let compiled = compile(&source, &options);
    let mut diagnostics = compiled.diagnostics;
    if let Some(text) = &compiled.text {
        if to_stdout {
            console
                .out(text.as_bytes())
                .map_err(|e| CliError::io("cannot write output", e))?;
        } else {
            write_atomic(&args.output_file, text.as_bytes())?;
        }
    }
    let status = report(
        &mut diagnostics,
        &compiled.sources,
        &args.output,
        Sink::Stderr,
        console,
    );
    Ok(if compiled.text.is_none() {
        ExitStatus::Findings
    } else {
        status
    })
}

fn load(path: &Path, console: &mut Console) -> Result<ModelSource, ModelError> {
    if path.as_os_str() != "-" {
        return ModelSource::load(path);
    }
    let bytes = console.read_stdin().map_err(|source| ModelError::Io {
        path: PathBuf::from("-"),
        source,
    })?;
    let text = String::from_utf8_lossy(&bytes);
    ModelSource::parse("-", &text, Format::Toml)
}

/// True when `output` is (or will overwrite) one of the model files.
fn is_input(output: &Path, inputs: &[PathBuf]) -> bool {
    let Ok(out) = std::fs::canonicalize(output) else {
        return false; // does not exist yet: cannot be an input
    };
    inputs
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .any(|p| p == out)
}

fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let context = || format!("cannot write {}", path.display());
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(&dir).map_err(|e| CliError::io(context(), e))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| CliError::io(context(), e))?;
    tmp.persist(path)
        .map_err(|e| CliError::io(context(), e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::ffi::OsString;
    use std::rc::Rc;

    use crate::{Console, ExitStatus, run_with_args};

    const EXAMPLE: &str = "../../fixtures/tenants/example.toml";

    fn run(args: &[&str], stdin: Option<&str>) -> (ExitStatus, String, String) {
        let out = Rc::new(RefCell::new(Vec::new()));
        let err = Rc::new(RefCell::new(Vec::new()));
        let mut console = Console::buffers(Rc::clone(&out), Rc::clone(&err));
        console.stdin = stdin.map(|s| s.as_bytes().to_vec());
        let argv = std::iter::once("pjconf")
            .chain(args.iter().copied())
            .map(OsString::from);
        let status = run_with_args(argv, &mut console);
        let out = String::from_utf8_lossy(&out.borrow()).into_owned();
        let err = String::from_utf8_lossy(&err.borrow()).into_owned();
        (status, out, err)
    }

    #[test]
    fn compiles_the_example_to_a_file_atomically() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("pjsip.conf");
        let target_str = target.to_str().unwrap();
        let (status, out, err) = run(&["compile", EXAMPLE, "-o", target_str], None);
        assert_eq!(status, ExitStatus::Success, "{err}");
        assert!(out.is_empty());
        let text = std::fs::read_to_string(&target).unwrap();
        assert!(text.contains("[alice@acme.example]"));
        assert!(text.contains("[alice@beta.example]"));
        // Only the output file is left in the directory (the temporary one was renamed).
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let (status, flat, _) = run(&["compile", EXAMPLE, "--flatten"], None);
        assert_eq!(status, ExitStatus::Success);
        assert!(!flat.contains("(!"));
    }

    #[test]
    fn never_writes_over_a_model_file() {
        let dir = tempfile::tempdir().unwrap();
        let model = dir.path().join("model.toml");
        std::fs::copy(EXAMPLE, &model).unwrap();
        let model_str = model.to_str().unwrap();
        let (status, _, err) = run(&["compile", model_str, "-o", model_str], None);
        assert_eq!(status, ExitStatus::Failure);
        assert!(err.contains("refusing to write"), "{err}");
        assert_eq!(
            std::fs::read_to_string(&model).unwrap(),
            std::fs::read_to_string(EXAMPLE).unwrap()
        );
    }

    #[test]
    fn an_invalid_model_writes_nothing_and_exits_1() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("pjsip.conf");
        let model = "[[tenants]]\nname = \"acme\"\ndomains = [\"acme.example\"]\nlines = [{ name = \"alice\", password = \"x\", endpoint = { context = \"default\" } }]\n";
        let (status, out, err) = run(
            &[
                "compile",
                "-",
                "-o",
                target.to_str().unwrap(),
                "--color",
                "never",
            ],
            Some(model),
        );
        assert_eq!(status, ExitStatus::Findings);
        assert!(out.is_empty());
        assert!(err.contains("error[PJ406]"), "{err}");
        assert!(!target.exists());
    }
}
