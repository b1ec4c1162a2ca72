//! `pjconf convert sip.conf [-o pjsip.conf] [--report report.json] [--flatten] [--split DIR]`.

use std::io::Write;
use std::path::{Path, PathBuf};

use pjconf_diagnostics::render;
use pjconf_translate::{Options, translate};

use crate::args::ConvertArgs;
use crate::report::{Sink, report};
use crate::{CliError, Console, ExitStatus, input};

/// Translate, write the output, report what was not translated.
pub(crate) fn run(args: &ConvertArgs, console: &mut Console) -> Result<ExitStatus, CliError> {
    let config = input::load(&args.input, console)?;
    let translation = translate(
        &config,
        &Options {
            flatten: args.flatten,
        },
    );
    let read: Vec<PathBuf> = (0..config.trees.len())
        .filter_map(|i| {
            let name = config.sources.name(pjconf_diagnostics::FileId(i as u32));
            resolve(name, args.input.root.as_deref(), &args.input.file)
        })
        .collect();
    let refuse = |target: &Path| -> Result<(), CliError> {
        if let Some(t) = canonical_target(target)
            && read.contains(&t)
        {
            return Err(CliError::Usage(format!(
                "refusing to write `{}`: it is a file being converted",
                target.display()
            )));
        }
        Ok(())
    };
    if let Some(dir) = &args.split {
        std::fs::create_dir_all(dir)
            .map_err(|e| CliError::io(format!("cannot create `{}`", dir.display()), e))?;
        let mut top =
            String::from("; pjsip.conf converted from sip.conf by pjconf convert --split\n");
        let parts = translation
            .split_text(&config.sources)
            .map_err(|e| CliError::Usage(e.to_string()))?;
        for (name, text) in parts {
            let name = if name == "pjsip.conf" {
                "pjsip_sip.conf".to_string()
            } else {
                name
            };
            let path = dir.join(&name);
            refuse(&path)?;
            write_atomic(&path, text.as_bytes())?;
            top.push_str(&format!("#include {name}\n"));
        }
        let path = dir.join("pjsip.conf");
        refuse(&path)?;
        write_atomic(&path, top.as_bytes())?;
    } else {
        let text = translation
            .text()
            .map_err(|e| CliError::Usage(e.to_string()))?;
        if args.output_file.as_os_str() == "-" {
            console
                .out(text.as_bytes())
                .map_err(|e| CliError::io("cannot write output", e))?;
        } else {
            refuse(&args.output_file)?;
            write_atomic(&args.output_file, text.as_bytes())?;
        }
    }
    if let Some(path) = &args.report {
        refuse(path)?;
        let mut json = render::json(&translation.report, &config.sources);
        json.push('\n');
        write_atomic(path, json.as_bytes())?;
    }
    let mut diagnostics = config.diagnostics.clone();
    diagnostics.extend(translation.report.iter().cloned());
    let status = report(
        &mut diagnostics,
        &config.sources,
        &args.output,
        Sink::Stderr,
        console,
    );
    if translation.needs_attention() {
        return Ok(ExitStatus::Findings);
    }
    Ok(status)
}

/// Where a loaded file is on disk, resolved (it may be named relative to the root).
fn resolve(name: &str, root: Option<&Path>, file: &Path) -> Option<PathBuf> {
    if name == "-" {
        return None;
    }
    let p = Path::new(name);
    if let Ok(c) = p.canonicalize() {
        return Some(c);
    }
    let root = root
        .map(Path::to_path_buf)
        .or_else(|| file.parent().map(Path::to_path_buf))?;
    root.join(p).canonicalize().ok()
}

/// The canonical path `target` would be written to.
fn canonical_target(target: &Path) -> Option<PathBuf> {
    if let Ok(c) = target.canonicalize() {
        return Some(c);
    }
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Some(parent.canonicalize().ok()?.join(target.file_name()?))
}

/// Write `bytes` to a temporary file next to `path`, then rename it over `path`.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let context = || format!("cannot write `{}`", path.display());
    let mut tmp = tempfile::NamedTempFile::new_in(&dir).map_err(|e| CliError::io(context(), e))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| CliError::io(context(), e))?;
    tmp.persist(path)
        .map_err(|e| CliError::io(context(), e.error))?;
    Ok(())
}
