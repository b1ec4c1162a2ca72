//! `--split`: one output document per original file.

use pjconf_diagnostics::{FileId, SourceMap};
use pjconf_emit::{Document, EmitItem};

use crate::Translation;

/// The translated sections of one sip.conf file.
#[derive(Debug, Clone)]
pub struct SplitFile {
    /// The original file.
    pub source: FileId,
    /// A file name for the output: the original's base name with `sip` replaced by `pjsip`
    /// where it starts with `sip`, else prefixed with `pjsip_`; `.conf` kept.
    pub name: String,
    /// Its sections, in output order.
    pub document: Document,
}

impl Translation {
    /// The document split by the file each section came from (sections built from nothing,
    /// such as transports without a `[general]`, go with the top-level file), in the order
    /// the files were read. The top-level file of the split output includes each in turn.
    pub fn split(&self, sources: &SourceMap) -> Vec<SplitFile> {
        let mut files: Vec<SplitFile> = Vec::new();
        let mut pending: Vec<EmitItem> = Vec::new();
        for item in &self.document.items {
            let EmitItem::Section(s) = item else {
                pending.push(item.clone());
                continue;
            };
            let file = if sources.get(s.name_span.file).is_some() {
                s.name_span.file
            } else {
                FileId(0)
            };
            let part = match files.iter().position(|f| f.source == file) {
                Some(i) => &mut files[i],
                None => {
                    files.push(SplitFile {
                        source: file,
                        name: output_name(sources.name(file)),
                        document: Document::new(),
                    });
                    files.last_mut().expect("just pushed")
                }
            };
            part.document.items.append(&mut pending);
            part.document.items.push(item.clone());
        }
        files.sort_by_key(|f| f.source.0);
        let mut used = std::collections::HashSet::new();
        for f in &mut files {
            let mut name = f.name.clone();
            let mut n = 2;
            while !used.insert(name.clone()) {
                name = format!("{n}-{}", f.name);
                n += 1;
            }
            f.name = name;
        }
        files
    }
}

fn output_name(source: &str) -> String {
    let base = source.rsplit(['/', '\\']).next().unwrap_or(source);
    let base = if base.is_empty() || base == "-" {
        "sip.conf"
    } else {
        base
    };
    match base.strip_prefix("sip") {
        Some(rest) => format!("pjsip{rest}"),
        None => format!("pjsip_{base}"),
    }
}

impl Translation {
    /// [`Translation::split`] as text: each file's pjsip.conf text, in order. Each part is
    /// written as the continuation of the parts before it (a section may inherit a template
    /// from an earlier file, as config.c allows when the files are included in this order).
    pub fn split_text(
        &self,
        sources: &SourceMap,
    ) -> Result<Vec<(String, String)>, crate::TranslateError> {
        let parts = self.split(sources);
        let mut so_far = Document::new();
        let mut done = 0;
        let mut out = Vec::with_capacity(parts.len());
        for part in parts {
            so_far.items.extend(part.document.items);
            let text = pjconf_emit::emit(&so_far).map_err(crate::TranslateError::Emit)?;
            let own = text.get(done..).unwrap_or_default();
            out.push((part.name, own.trim_start_matches('\n').to_string()));
            done = text.len();
        }
        Ok(out)
    }
}
