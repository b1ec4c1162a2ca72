//! Files read from disk, confined to a root directory.

use std::path::{Component, Path, PathBuf};

use super::loader::{LoadError, Loader, is_glob};
use crate::limits::MAX_FILE_SIZE;

/// Reads configuration files from a directory, as Asterisk reads its config directory.
///
/// - Relative `#include` paths resolve against the **config directory**, not the directory
///   of the including file: config.c's config_text_file_load prefixes every relative name with
///   `ast_config_AST_CONFIG_DIR` (normally `/etc/asterisk`). By default the config directory is
///   the root.
/// - Absolute paths under the system config directory (`/etc/asterisk` unless changed) are
///   read from the config directory instead, so a repository copy of /etc/asterisk works.
/// - Globs (`*`, `?`, `[...]`) expand in sorted order, as glob(3) does.
/// - Every file read must be inside the root (after resolving `..` and symbolic links); any
///   other path is refused with [`LoadError::OutsideRoot`].
/// - Files larger than [`MAX_FILE_SIZE`] are refused.
///
/// ```no_run
/// use pjconf_syntax::{LoadOptions, StdLoader, load};
///
/// let loader = StdLoader::new("/srv/configs/acme")?;
/// let config = load(&loader, "/srv/configs/acme/pjsip.conf", &LoadOptions::default())?;
/// println!("{} files", config.trees.len());
/// # Ok::<(), pjconf_syntax::LoadError>(())
/// ```
#[derive(Debug, Clone)]
pub struct StdLoader {
    root: PathBuf,
    display_root: PathBuf,
    config_dir: PathBuf,
    system_dir: PathBuf,
    max_file_size: u64,
}

impl StdLoader {
    /// A loader confined to `root`, which is also the config directory.
    pub fn new(root: impl AsRef<Path>) -> Result<Self, LoadError> {
        let display_root = root.as_ref().to_path_buf();
        let root = display_root
            .canonicalize()
            .map_err(|source| LoadError::Io {
                name: display_root.display().to_string(),
                source,
            })?;
        Ok(StdLoader {
            config_dir: root.clone(),
            root,
            display_root,
            system_dir: PathBuf::from("/etc/asterisk"),
            max_file_size: MAX_FILE_SIZE,
        })
    }

    /// Resolve relative includes against `dir` (inside the root) instead of the root.
    pub fn with_config_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.config_dir = self.root.join(dir);
        self
    }

    /// The absolute directory whose paths are read from the config directory
    /// (default `/etc/asterisk`).
    pub fn with_system_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.system_dir = dir.into();
        self
    }

    /// Refuse files larger than `bytes`.
    pub fn with_max_file_size(mut self, bytes: u64) -> Self {
        self.max_file_size = bytes;
        self
    }

    /// The canonical root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    fn outside(&self, path: &Path) -> LoadError {
        LoadError::OutsideRoot {
            path: path.display().to_string(),
            root: self.display_root.display().to_string(),
        }
    }

    /// The absolute path an argument names, before globbing.
    fn resolve(&self, argument: &str) -> PathBuf {
        let path = Path::new(argument);
        if path.is_absolute() {
            match path.strip_prefix(&self.system_dir) {
                Ok(rest) => self.config_dir.join(rest),
                Err(_) => path.to_path_buf(),
            }
        } else {
            self.config_dir.join(path)
        }
    }

    /// Check `path` is inside the root, lexically and after following links; return the
    /// display name (display root joined with the path relative to the root).
    fn confine(&self, path: &Path, argument: &str) -> Result<String, LoadError> {
        let lexical = normalize(path);
        let real = match lexical.canonicalize() {
            Ok(real) => real,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(if lexical.starts_with(&self.root) {
                    LoadError::NotFound(argument.to_string())
                } else {
                    self.outside(path)
                });
            }
            Err(source) => {
                return Err(LoadError::Io {
                    name: path.display().to_string(),
                    source,
                });
            }
        };
        // Following symbolic links must not leave the root either.
        let relative = real
            .strip_prefix(&self.root)
            .map_err(|_| self.outside(path))?;
        Ok(self.display_root.join(relative).display().to_string())
    }
}

/// Resolve `.` and `..` without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

impl Loader for StdLoader {
    fn expand(&self, argument: &str) -> Result<Vec<String>, LoadError> {
        let full = self.resolve(argument);
        let full_text = full.display().to_string();
        let candidates: Vec<PathBuf> = if is_glob(argument) {
            let paths = glob::glob(&full_text).map_err(|_| LoadError::NotFound(argument.into()))?;
            let mut found: Vec<PathBuf> = paths.filter_map(Result::ok).collect();
            found.sort();
            found
        } else {
            vec![full]
        };
        if candidates.is_empty() {
            return Err(LoadError::NotFound(argument.to_string()));
        }
        candidates
            .iter()
            .map(|path| self.confine(path, argument))
            .collect()
    }

    fn read(&self, name: &str) -> Result<Vec<u8>, LoadError> {
        let path = Path::new(name);
        let absolute = if path.is_absolute() {
            path.to_path_buf()
        } else {
            std::env::current_dir()
                .map(|cwd| cwd.join(path))
                .unwrap_or_else(|_| path.to_path_buf())
        };
        self.confine(&absolute, name)?;
        let io = |source| LoadError::Io {
            name: name.to_string(),
            source,
        };
        let metadata = std::fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => LoadError::NotFound(name.to_string()),
            _ => io(e),
        })?;
        if metadata.len() > self.max_file_size {
            return Err(LoadError::TooLarge {
                name: name.to_string(),
                size: metadata.len(),
                limit: self.max_file_size,
            });
        }
        std::fs::read(path).map_err(io)
    }
}
