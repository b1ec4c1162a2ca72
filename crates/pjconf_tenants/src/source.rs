//! Reading a model from text (TOML or JSON) or from a directory, with the position of every
//! key and value, so diagnostics point at the model file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use pjconf_diagnostics::{Diagnostic, FileId, SourceMap, Span};
use pjconf_emit::SYNTHESIZED;
use thiserror::Error;

use crate::codes;
use crate::model::{Engine, Model, Tenant};

/// The text format of a model file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// TOML.
    Toml,
    /// JSON.
    Json,
}

impl Format {
    /// The format a file name's extension says (`.json` is JSON, anything else TOML).
    pub fn of_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("json") => Format::Json,
            _ => Format::Toml,
        }
    }
}

/// Why a model could not be read.
#[derive(Debug, Error)]
pub enum ModelError {
    /// Reading a file or directory failed.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The text is not TOML/JSON of the model's shape; the diagnostics (code `PJ400`) point
    /// into `sources`.
    #[error("the model could not be read ({} problem(s))", diagnostics.len())]
    Syntax {
        /// What is wrong, with positions.
        diagnostics: Vec<Diagnostic>,
        /// The files the diagnostics point into.
        sources: SourceMap,
    },
}

/// Where each model path (`tenants[1].lines[4].parents[0]`) is written: the key's span and
/// the value's span. Empty for a model given as Rust values.
#[derive(Debug, Clone, Default)]
pub struct Positions {
    map: HashMap<String, (Span, Span)>,
}

impl Positions {
    /// True when no position is known (the model came as Rust values).
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The span of the value at `path`, or of the nearest enclosing path that is known, or
    /// [`SYNTHESIZED`].
    pub fn value(&self, path: &str) -> Span {
        self.find(path).map_or(SYNTHESIZED, |(_, v)| v)
    }

    /// The span of the key at `path` (for array items, the item), or as [`Positions::value`].
    pub fn key(&self, path: &str) -> Span {
        self.find(path).map_or(SYNTHESIZED, |(k, _)| k)
    }

    /// The spans of the key and of the value at `path` (one lookup for both).
    pub(crate) fn spans(&self, path: &str) -> (Span, Span) {
        self.find(path).unwrap_or((SYNTHESIZED, SYNTHESIZED))
    }

    fn find(&self, path: &str) -> Option<(Span, Span)> {
        if self.map.is_empty() {
            return None;
        }
        let mut p = path;
        loop {
            if let Some(&spans) = self.map.get(p) {
                return Some(spans);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }

    fn insert(&mut self, path: String, key: Span, value: Span) {
        self.map.insert(path, (key, value));
    }
}

/// A model with the files it was read from and the positions of its parts.
#[derive(Debug, Clone, Default)]
pub struct ModelSource {
    /// The model.
    pub model: Model,
    /// The files read (empty for a model given as Rust values).
    pub sources: SourceMap,
    /// Where each part is written.
    pub positions: Positions,
    /// The files read, to never write output over one of them.
    pub paths: Vec<PathBuf>,
}

impl ModelSource {
    /// A model given as Rust values: no files, no positions (diagnostics name the model path).
    pub fn from_model(model: Model) -> Self {
        ModelSource {
            model,
            ..ModelSource::default()
        }
    }

    /// Read one document holding the whole model.
    pub fn parse(name: &str, text: &str, format: Format) -> Result<ModelSource, ModelError> {
        let mut sources = SourceMap::new();
        let file = sources.add(name, text.as_bytes().to_vec());
        let mut positions = Positions::default();
        match read::<Model>(file, text, format, "", &mut positions) {
            Ok(model) => Ok(ModelSource {
                model,
                sources,
                positions,
                paths: Vec::new(),
            }),
            Err(d) => Err(ModelError::Syntax {
                diagnostics: vec![*d],
                sources,
            }),
        }
    }

    /// Read an engine document and one document per tenant (each a tenant table), in order.
    pub fn from_files(
        engine: Option<(&str, &str)>,
        tenants: &[(&str, &str)],
    ) -> Result<ModelSource, ModelError> {
        let mut sources = SourceMap::new();
        let mut positions = Positions::default();
        let mut diagnostics = Vec::new();
        let mut model = Model::default();
        if let Some((name, text)) = engine {
            let file = sources.add(name, text.as_bytes().to_vec());
            let format = Format::of_path(Path::new(name));
            match read::<Engine>(file, text, format, "engine", &mut positions) {
                Ok(e) => model.engine = e,
                Err(d) => diagnostics.push(*d),
            }
        }
        for (i, (name, text)) in tenants.iter().enumerate() {
            let file = sources.add(*name, text.as_bytes().to_vec());
            let format = Format::of_path(Path::new(name));
            let prefix = format!("tenants[{i}]");
            match read::<Tenant>(file, text, format, &prefix, &mut positions) {
                Ok(t) => model.tenants.push(t),
                Err(d) => diagnostics.push(*d),
            }
        }
        if diagnostics.is_empty() {
            Ok(ModelSource {
                model,
                sources,
                positions,
                paths: Vec::new(),
            })
        } else {
            Err(ModelError::Syntax {
                diagnostics,
                sources,
            })
        }
    }

    /// Read a model file (`.toml` or `.json`), or a directory holding `engine.toml` and
    /// `tenants/*.toml` (or `.json`), tenants in file-name order.
    pub fn load(path: &Path) -> Result<ModelSource, ModelError> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| ModelError::Io { path, source }
        };
        if path.is_dir() {
            let engine_path = path.join("engine.toml");
            let engine_text = std::fs::read_to_string(&engine_path).map_err(io(&engine_path))?;
            let dir = path.join("tenants");
            let mut files = Vec::new();
            if dir.is_dir() {
                for entry in std::fs::read_dir(&dir).map_err(io(&dir))? {
                    let p = entry.map_err(io(&dir))?.path();
                    let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
                    if p.is_file() && (ext == "toml" || ext == "json") {
                        files.push(p);
                    }
                }
            }
            files.sort();
            let mut texts = Vec::new();
            for p in &files {
                texts.push((
                    p.display().to_string(),
                    std::fs::read_to_string(p).map_err(io(p))?,
                ));
            }
            let engine_name = engine_path.display().to_string();
            let tenants: Vec<(&str, &str)> = texts
                .iter()
                .map(|(n, t)| (n.as_str(), t.as_str()))
                .collect();
            let mut source = ModelSource::from_files(Some((&engine_name, &engine_text)), &tenants)?;
            source.paths.push(engine_path);
            source.paths.extend(files);
            return Ok(source);
        }
        let text = std::fs::read_to_string(path).map_err(io(path))?;
        let mut source =
            ModelSource::parse(&path.display().to_string(), &text, Format::of_path(path))?;
        source.paths.push(path.to_path_buf());
        Ok(source)
    }
}

fn span(file: FileId, range: std::ops::Range<usize>) -> Span {
    Span::new(file, range.start as u32, range.end as u32)
}

fn syntax(file: FileId, message: &str, at: Option<std::ops::Range<usize>>) -> Box<Diagnostic> {
    let at = at.map_or(Span::empty(file, 0), |r| span(file, r));
    Box::new(Diagnostic::error(
        codes::MODEL_SYNTAX,
        message.trim().to_string(),
        at,
    ))
}

fn read<T: serde::de::DeserializeOwned>(
    file: FileId,
    text: &str,
    format: Format,
    prefix: &str,
    positions: &mut Positions,
) -> Result<T, Box<Diagnostic>> {
    match format {
        Format::Toml => {
            let table =
                toml::de::DeTable::parse(text).map_err(|e| syntax(file, e.message(), e.span()))?;
            let root = table.span();
            positions.insert(
                prefix.to_string(),
                span(file, root.clone()),
                span(file, root),
            );
            walk_table(file, table.get_ref(), prefix, positions);
            T::deserialize(toml::de::Deserializer::from(table))
                .map_err(|e| syntax(file, e.message(), e.span()))
        }
        Format::Json => {
            crate::json_pos::scan(file, text, prefix, positions);
            serde_json::from_str(text).map_err(|e| {
                let offset = offset_of(text, e.line(), e.column());
                syntax(file, &e.to_string(), Some(offset..offset))
            })
        }
    }
}

fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column.saturating_sub(1)).min(text.len())
}

pub(crate) fn record(positions: &mut Positions, path: String, key: Span, value: Span) {
    positions.insert(path, key, value);
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

fn walk_table(
    file: FileId,
    table: &toml::de::DeTable<'_>,
    prefix: &str,
    positions: &mut Positions,
) {
    for (key, value) in table {
        let path = join(prefix, key.get_ref());
        positions.insert(
            path.clone(),
            span(file, key.span()),
            span(file, value.span()),
        );
        walk_value(file, value.get_ref(), &path, positions);
    }
}

fn walk_value(file: FileId, value: &toml::de::DeValue<'_>, path: &str, positions: &mut Positions) {
    if let Some(table) = value.as_table() {
        walk_table(file, table, path, positions);
    } else if let Some(array) = value.as_array() {
        for (i, item) in array.iter().enumerate() {
            let p = format!("{path}[{i}]");
            let s = span(file, item.span());
            positions.insert(p.clone(), s, s);
            walk_value(file, item.get_ref(), &p, positions);
        }
    }
}
