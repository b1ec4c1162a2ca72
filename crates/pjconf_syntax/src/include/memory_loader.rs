//! Files served from memory.

use std::collections::BTreeMap;

use super::glob_match::matches;
use super::loader::{LoadError, Loader, is_glob};

/// A loader over an in-memory set of files, named by relative paths such as
/// `pjsip.d/trunks.conf`. Absolute include paths under `/etc/asterisk/` are read as relative
/// to the set, like [`crate::StdLoader`] does; `..` that leaves the set is refused.
///
/// ```
/// use pjconf_syntax::{LoadOptions, MemoryLoader, load};
///
/// let mut files = MemoryLoader::new();
/// files.insert("pjsip.conf", "[global]\ntype=global\n#include pjsip.d/*.conf\n");
/// files.insert("pjsip.d/a.conf", "[a]\ntype=aor\n");
/// let config = load(&files, "pjsip.conf", &LoadOptions::default()).unwrap();
/// assert!(config.diagnostics.is_empty());
/// assert_eq!(config.trees.len(), 2);
/// ```
#[derive(Debug, Clone, Default)]
pub struct MemoryLoader {
    files: BTreeMap<String, Vec<u8>>,
}

impl MemoryLoader {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Add or replace a file.
    pub fn insert(&mut self, name: impl Into<String>, text: impl Into<Vec<u8>>) {
        self.files.insert(name.into(), text.into());
    }

    fn normalize(&self, argument: &str) -> Result<String, LoadError> {
        let relative = argument.strip_prefix("/etc/asterisk/").unwrap_or(argument);
        if relative.starts_with('/') {
            return Err(LoadError::OutsideRoot {
                path: argument.to_string(),
                root: "<memory>".to_string(),
            });
        }
        let mut parts: Vec<&str> = Vec::new();
        for part in relative.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    if parts.pop().is_none() {
                        return Err(LoadError::OutsideRoot {
                            path: argument.to_string(),
                            root: "<memory>".to_string(),
                        });
                    }
                }
                other => parts.push(other),
            }
        }
        Ok(parts.join("/"))
    }
}

impl Loader for MemoryLoader {
    fn expand(&self, argument: &str) -> Result<Vec<String>, LoadError> {
        let name = self.normalize(argument)?;
        let found: Vec<String> = if is_glob(&name) {
            self.files
                .keys()
                .filter(|k| matches(&name, k))
                .cloned()
                .collect()
        } else {
            self.files.keys().filter(|k| **k == name).cloned().collect()
        };
        if found.is_empty() {
            return Err(LoadError::NotFound(argument.to_string()));
        }
        Ok(found)
    }

    fn read(&self, name: &str) -> Result<Vec<u8>, LoadError> {
        self.files
            .get(name)
            .cloned()
            .ok_or_else(|| LoadError::NotFound(name.to_string()))
    }
}
