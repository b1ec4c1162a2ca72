//! Loading a top-level file and everything it includes, in Asterisk's reading order.

mod glob_match;
mod loader;
mod memory_loader;
mod std_loader;

use std::collections::HashMap;

use pjconf_diagnostics::{Diagnostic, FileId, SourceMap, Span};

pub use loader::{LoadError, Loader};
pub use memory_loader::MemoryLoader;
pub use std_loader::StdLoader;

use crate::codes;
use crate::limits::{MAX_FILES, MAX_INCLUDE_DEPTH, MAX_TOTAL_SIZE};
use crate::{DirectiveKind, FileRole, LineKind, SyntaxTree, parse_as};

/// Limits of one load (defaults in [`crate::limits`]).
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Deepest include nesting followed.
    pub max_depth: usize,
    /// Largest total of bytes read.
    pub max_total_size: u64,
    /// Most distinct files read.
    pub max_files: usize,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_depth: MAX_INCLUDE_DEPTH,
            max_total_size: MAX_TOTAL_SIZE,
            max_files: MAX_FILES,
        }
    }
}

/// A header or option line, in the order Asterisk reads the configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WalkEntry {
    /// The file the line is in.
    pub file: FileId,
    /// The 0-based line in that file.
    pub line: u32,
}

/// A top-level file and every file it includes, parsed.
#[derive(Debug, Clone)]
pub struct LoadedConfig {
    /// Names and bytes of every file read, for rendering diagnostics.
    pub sources: SourceMap,
    /// The tree of each file, indexed by [`FileId`] (the top-level file is `FileId(0)`).
    pub trees: Vec<SyntaxTree>,
    /// Syntax and include diagnostics of every file.
    pub diagnostics: Vec<Diagnostic>,
    walk: Vec<WalkEntry>,
}

impl LoadedConfig {
    /// The tree of `file`.
    pub fn tree(&self, file: FileId) -> &SyntaxTree {
        &self.trees[file.0 as usize]
    }

    /// Every section header and option line, includes expanded in place (an included file
    /// continues the section it is included in, as in config.c), in reading order. A file
    /// included twice appears twice.
    pub fn walk(&self) -> &[WalkEntry] {
        &self.walk
    }
}

/// Read `top` through `loader` and follow its includes.
///
/// Fails only when `top` itself cannot be read; every other problem (a missing include, a
/// cycle, a path outside the root, a limit) is a diagnostic in the result.
pub fn load(
    loader: &dyn Loader,
    top: &str,
    options: &LoadOptions,
) -> Result<LoadedConfig, LoadError> {
    let text = loader.read(top)?;
    Ok(load_text(loader, top, text, options))
}

/// Like [`load`], with the top-level file's bytes given (standard input, an editor buffer).
pub fn load_text(
    loader: &dyn Loader,
    top: &str,
    text: Vec<u8>,
    options: &LoadOptions,
) -> LoadedConfig {
    let mut state = State {
        loader,
        options,
        config: LoadedConfig {
            sources: SourceMap::new(),
            trees: Vec::new(),
            diagnostics: Vec::new(),
            walk: Vec::new(),
        },
        by_name: HashMap::new(),
        total: text.len() as u64,
        in_section: false,
        stack: Vec::new(),
    };
    let id = state.add(top, text, FileRole::TopLevel);
    state.visit(id, None);
    state.config
}

struct State<'a> {
    loader: &'a dyn Loader,
    options: &'a LoadOptions,
    config: LoadedConfig,
    by_name: HashMap<String, FileId>,
    total: u64,
    in_section: bool,
    /// The files being visited, each with the include directive that brought it in.
    stack: Vec<(FileId, Option<Span>)>,
}

impl State<'_> {
    fn add(&mut self, name: &str, text: Vec<u8>, role: FileRole) -> FileId {
        let id = self.config.sources.add(name, text);
        let shared = self
            .config
            .sources
            .get(id)
            .map(|f| std::sync::Arc::clone(&f.text))
            .unwrap_or_default();
        let parsed = parse_as(id, shared, role);
        self.config.trees.push(parsed.tree);
        self.config.diagnostics.extend(parsed.diagnostics);
        self.by_name.insert(name.to_string(), id);
        id
    }

    fn visit(&mut self, file: FileId, via: Option<Span>) {
        self.stack.push((file, via));
        let line_count = self.config.trees[file.0 as usize].line_count();
        for line in 0..line_count {
            let tree = &self.config.trees[file.0 as usize];
            match tree.line_kind(line) {
                LineKind::Header(_) => {
                    self.in_section = true;
                    self.config.walk.push(WalkEntry {
                        file,
                        line: line as u32,
                    });
                }
                LineKind::Item => {
                    if !self.in_section && self.stack.len() > 1 {
                        self.option_outside_section(file, line as u32);
                    }
                    self.config.walk.push(WalkEntry {
                        file,
                        line: line as u32,
                    });
                }
                LineKind::Directive(index) => {
                    let directive = tree.directive(index).clone();
                    let at = directive
                        .argument
                        .as_ref()
                        .map_or_else(|| tree.line_span(line), |a| a.span);
                    let argument = directive
                        .argument
                        .as_ref()
                        .map(|a| tree.text_of(a).into_owned());
                    match (directive.kind, argument) {
                        (DirectiveKind::Include, Some(arg)) => self.include(&arg, at, false),
                        (DirectiveKind::TryInclude, Some(arg)) => self.include(&arg, at, true),
                        _ => {}
                    }
                }
                LineKind::Trivia | LineKind::Error => {}
            }
        }
        self.stack.pop();
    }

    fn option_outside_section(&mut self, file: FileId, line: u32) {
        let tree = &self.config.trees[file.0 as usize];
        let Some(item) = tree.item(line) else { return };
        let mut d = Diagnostic::error(
            codes::OPTION_BEFORE_SECTION,
            "option before any section header",
            item.key_span(),
        )
        .with_label(item.key_span(), "no section to put this in")
        .with_help("include this file below a `[section]` header, or add a header above this line")
        .with_note("Asterisk rejects the whole file (\"No category context\")");
        if let Some(Some(via)) = self.stack.last().map(|(_, via)| *via) {
            d = d.with_secondary(via, "included here, before any section");
        }
        self.config.diagnostics.push(d);
    }

    fn include(&mut self, argument: &str, at: Span, optional: bool) {
        let names = match self.loader.expand(argument) {
            Ok(names) => names,
            Err(LoadError::NotFound(_)) if optional => return,
            Err(error) => return self.load_failure(&error, argument, at, optional),
        };
        for name in names {
            if self.stack.len() > self.options.max_depth {
                let d = Diagnostic::error(
                    codes::INCLUDE_TOO_DEEP,
                    format!("includes nested more than {} deep", self.options.max_depth),
                    at,
                )
                .with_label(at, "not followed")
                .with_help("flatten the include chain");
                self.config.diagnostics.push(d);
                return;
            }
            let id = match self.by_name.get(&name) {
                Some(&id) => id,
                None => match self.read(&name, argument, at, optional) {
                    Some(id) => id,
                    None => continue,
                },
            };
            if let Some(position) = self.stack.iter().position(|(f, _)| *f == id) {
                self.cycle(position, at, &name);
                continue;
            }
            self.visit(id, Some(at));
        }
    }

    fn read(&mut self, name: &str, argument: &str, at: Span, optional: bool) -> Option<FileId> {
        if self.config.trees.len() >= self.options.max_files {
            let d = Diagnostic::error(
                codes::FILE_TOO_LARGE,
                format!("more than {} files in one load", self.options.max_files),
                at,
            )
            .with_label(at, "not read");
            self.config.diagnostics.push(d);
            return None;
        }
        match self.loader.read(name) {
            Ok(text) => {
                self.total += text.len() as u64;
                if self.total > self.options.max_total_size {
                    let d = Diagnostic::error(
                        codes::FILE_TOO_LARGE,
                        format!(
                            "the files of this load exceed {} bytes in all",
                            self.options.max_total_size
                        ),
                        at,
                    )
                    .with_label(at, "not read");
                    self.config.diagnostics.push(d);
                    return None;
                }
                Some(self.add(name, text, FileRole::Included))
            }
            Err(LoadError::NotFound(_)) if optional => None,
            Err(error) => {
                self.load_failure(&error, argument, at, optional);
                None
            }
        }
    }

    fn load_failure(&mut self, error: &LoadError, argument: &str, at: Span, optional: bool) {
        let directive = if optional { "#tryinclude" } else { "#include" };
        let d = match error {
            LoadError::NotFound(_) => Diagnostic::error(
                codes::MISSING_INCLUDE,
                format!("`{directive}` names a file that does not exist: `{argument}`"),
                at,
            )
            .with_label(at, "no such file")
            .with_help("fix the path (relative paths are read from the config directory, not from the including file's directory), or use `#tryinclude` if the file is optional")
            .with_note("Asterisk rejects the whole file (\"was listed as a #include but it does not exist\")"),
            LoadError::OutsideRoot { root, .. } => Diagnostic::error(
                codes::INCLUDE_OUTSIDE_ROOT,
                format!("`{argument}` is outside the configuration root `{root}`"),
                at,
            )
            .with_label(at, "refused")
            .with_help("keep included files inside the configuration directory, or give pjconf a wider `--root`"),
            LoadError::TooLarge { size, limit, .. } => Diagnostic::error(
                codes::FILE_TOO_LARGE,
                format!("`{argument}` is {size} bytes, more than the {limit}-byte limit"),
                at,
            )
            .with_label(at, "not read"),
            LoadError::Io { source, .. } => Diagnostic::error(
                codes::INCLUDE_UNREADABLE,
                format!("cannot read `{argument}`: {source}"),
                at,
            )
            .with_label(at, "unreadable"),
        };
        self.config.diagnostics.push(d);
    }

    fn cycle(&mut self, position: usize, at: Span, name: &str) {
        let chain: Vec<String> = self.stack[position..]
            .iter()
            .map(|(f, _)| self.config.sources.name(*f).to_string())
            .chain(std::iter::once(name.to_string()))
            .collect();
        let mut d = Diagnostic::error(
            codes::INCLUDE_CYCLE,
            format!("include cycle: {}", chain.join(" -> ")),
            at,
        )
        .with_label(at, format!("includes `{name}` again"))
        .with_help("remove one of the includes in this chain");
        for window in self.stack[position + 1..].iter() {
            if let (file, Some(via)) = window {
                let label = format!("includes `{}`", self.config.sources.name(*file));
                d = d.with_secondary(*via, label);
            }
        }
        self.config.diagnostics.push(d);
    }
}
