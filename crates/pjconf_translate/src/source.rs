//! Reading sip.conf lines: values with their place, and the comments that describe them.

use std::borrow::Cow;

use pjconf_diagnostics::Span;
use pjconf_syntax::{LineKind, LoadedConfig, SyntaxKind};

/// One sip.conf option line as the converter reads it.
#[derive(Debug, Clone)]
pub(crate) struct Val<'a> {
    /// Borrowed from the template graph or the syntax tree: no copy per line.
    pub(crate) key: Cow<'a, str>,
    pub(crate) value: Cow<'a, str>,
    pub(crate) key_span: Span,
    pub(crate) value_span: Span,
}

impl Val<'_> {
    pub(crate) fn lower(&self) -> String {
        self.key.to_ascii_lowercase()
    }
}

/// The 0-based line of `span`'s start in its file.
pub(crate) fn line_of(config: &LoadedConfig, span: Span) -> Option<u32> {
    let file = config.sources.get(span.file)?;
    Some(file.lines().line_of(span.start) as u32)
}

fn comment_text(config: &LoadedConfig, span: Span, line: u32) -> Option<String> {
    let tree = config.trees.get(span.file.0 as usize)?;
    if line as usize >= tree.line_count() {
        return None;
    }
    let token = tree
        .line_tokens(line as usize)
        .find(|t| t.kind == SyntaxKind::COMMENT)?;
    let text = String::from_utf8_lossy(&tree.text()[token.span.range()]).into_owned();
    let text = text.trim_start_matches(';').trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// The trailing comment of the option line at `span`.
pub(crate) fn trailing_comment(config: &LoadedConfig, span: Span) -> Option<String> {
    let line = line_of(config, span)?;
    let tree = config.trees.get(span.file.0 as usize)?;
    if line as usize >= tree.line_count() || tree.line_kind(line as usize) != LineKind::Item {
        return None;
    }
    comment_text(config, span, line)
}

/// The comment lines directly above the header whose name is at `name_span` (up to the first
/// line that is not a whole-line comment), in order.
pub(crate) fn header_comment(config: &LoadedConfig, name_span: Span) -> Option<String> {
    let header = line_of(config, name_span)?;
    let tree = config.trees.get(name_span.file.0 as usize)?;
    let mut lines = Vec::new();
    let mut line = header;
    while line > 0 {
        line -= 1;
        if tree.line_kind(line as usize) != LineKind::Trivia {
            break;
        }
        match comment_text(config, name_span, line) {
            Some(text) => lines.push(text),
            None => break,
        }
    }
    lines.reverse();
    if let Some(own) = comment_text(config, name_span, header) {
        lines.push(own);
    }
    (!lines.is_empty()).then(|| lines.join("\n"))
}
