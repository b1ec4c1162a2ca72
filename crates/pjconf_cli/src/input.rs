//! Reading a configuration file (or standard input) with its includes.

use std::path::Path;

use pjconf_syntax::{LoadOptions, LoadedConfig, StdLoader};

use crate::args::InputArgs;
use crate::{CliError, Console};

/// Load `args.file` and everything it includes, confined to `--root` (default: the file's
/// directory, or the current directory for `-`).
pub(crate) fn load(args: &InputArgs, console: &mut Console) -> Result<LoadedConfig, CliError> {
    let is_stdin = args.file.as_os_str() == "-";
    let root = match &args.root {
        Some(root) => root.clone(),
        None if is_stdin => Path::new(".").to_path_buf(),
        None => match args.file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => Path::new(".").to_path_buf(),
        },
    };
    let loader = StdLoader::new(&root)?;
    let options = LoadOptions::default();
    if is_stdin {
        let text = console
            .read_stdin()
            .map_err(|e| CliError::io("cannot read standard input", e))?;
        return Ok(pjconf_syntax::load_text(&loader, "-", text, &options));
    }
    let name = args.file.display().to_string();
    Ok(pjconf_syntax::load(&loader, &name, &options)?)
}
