//! `--format human`: `rustc`-style reports drawn by annotate-snippets.
//!
//! Each file a diagnostic points into becomes one snippet holding only the lines its labels
//! touch (unlabelled lines in between are folded). Source bytes are decoded per displayed line
//! with every invalid UTF-8 byte shown as U+FFFD (see `crate::text`), and byte offsets are
//! mapped onto the decoded text, so carets stay under the right character and the
//! `--> file:line:col` header agrees with the columns of the other formats.

use std::borrow::Cow;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Patch, Renderer, Snippet};

use crate::{Diagnostic, FileId, Severity, SourceFile, SourceMap, Span};

/// Render `diagnostics` for a terminal, with ANSI colours when `color` is true.
///
/// Each diagnostic is a header `error[PJ003]: message`, a `--> file:line:col` line, the
/// source lines with the primary span underlined by `^` and its label (secondary labels
/// underlined by `-`; those in another file get their own snippet headed by `::: file`), then
/// `= help:` and `= note:` lines, and, when it has a fix, a `help:` section showing the edit.
/// An empty span is drawn as one caret at the insertion point. Diagnostics are separated by a
/// blank line; the output ends with a newline unless there are no diagnostics (then it is
/// empty).
///
/// ```
/// use pjconf_diagnostics::render::human;
/// use pjconf_diagnostics::{Diagnostic, SourceMap, Span};
///
/// let mut sources = SourceMap::new();
/// let file = sources.add("pjsip.conf", b"[udp\ntype=transport\n".to_vec());
/// let d = Diagnostic::error("PJ003", "missing `]` in section header", Span::new(file, 0, 1))
///     .with_label(Span::new(file, 0, 1), "this `[` is never closed")
///     .with_help("close the section name with `]`");
/// let out = human(&[d], &sources, false);
/// assert!(out.starts_with("error[PJ003]: missing `]` in section header\n"));
/// assert!(out.contains("--> pjsip.conf:1:1"));
/// assert!(out.contains("1 | [udp"));
/// assert!(out.contains("^ this `[` is never closed"));
/// assert!(out.contains("= help: close the section name with `]`"));
/// ```
pub fn human(diagnostics: &[Diagnostic], sources: &SourceMap, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for (i, d) in diagnostics.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(renderer.render(&report(d, sources)).trim_end_matches('\n'));
        out.push('\n');
    }
    out
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// The annotate-snippets report for one diagnostic: the main group, then a fix group.
fn report<'a>(d: &'a Diagnostic, sources: &'a SourceMap) -> Vec<Group<'a>> {
    let mut main = Group::with_title(
        level(d.severity)
            .primary_title(d.message.as_str())
            .id(d.code),
    );

    // Labels grouped by file, the primary's file first, then in order of first use.
    let labels = std::iter::once((AnnotationKind::Primary, &d.primary)).chain(
        d.secondary
            .iter()
            .map(|label| (AnnotationKind::Context, label)),
    );
    let by_file = group_by_file(
        labels.map(|(kind, label)| (label.span.file, (kind, label.span, label.message.as_str()))),
    );
    for (file_id, labels) in by_file {
        let name = sources.name(file_id);
        let Some(file) = sources.get(file_id) else {
            // No source to show: name the file alone.
            main = main.element(Origin::path(name));
            continue;
        };
        let spans: Vec<Span> = labels.iter().map(|&(_, span, _)| span).collect();
        let window = Window::new(file, &spans);
        let mut snippet = Snippet::source(window.source.clone())
            .line_start(window.first_line)
            .path(name);
        for (kind, span, message) in labels {
            let annotation = kind.span(window.range(span));
            snippet = snippet.annotation(if message.is_empty() {
                annotation
            } else {
                annotation.label(message)
            });
        }
        main = main.element(snippet);
    }
    if let Some(help) = &d.help {
        main = main.element(Level::HELP.message(help.as_str()));
    }
    for note in &d.notes {
        main = main.element(Level::NOTE.message(note.as_str()));
    }

    let mut groups = vec![main];
    if let Some(fix) = &d.fix {
        let mut group = Group::with_title(Level::HELP.secondary_title(fix.message.as_str()));
        let by_file = group_by_file(fix.edits.iter().map(|edit| (edit.span.file, edit)));
        for (file_id, edits) in by_file {
            let name = sources.name(file_id);
            let Some(file) = sources.get(file_id) else {
                group = group.element(Origin::path(name));
                continue;
            };
            let spans: Vec<Span> = edits.iter().map(|edit| edit.span).collect();
            let window = Window::new(file, &spans);
            let mut snippet = Snippet::source(window.source.clone())
                .line_start(window.first_line)
                .path(name);
            for edit in edits {
                snippet = snippet.patch(Patch::new(
                    window.range(edit.span),
                    Cow::Borrowed(edit.content.as_str()),
                ));
            }
            group = group.element(snippet);
        }
        groups.push(group);
    }
    groups
}

/// Group items by file, keeping the order in which files are first seen and the order of the
/// items within each file.
fn group_by_file<T>(items: impl IntoIterator<Item = (FileId, T)>) -> Vec<(FileId, Vec<T>)> {
    let mut groups: Vec<(FileId, Vec<T>)> = Vec::new();
    for (file, item) in items {
        match groups.iter_mut().find(|(seen, _)| *seen == file) {
            Some((_, list)) => list.push(item),
            None => groups.push((file, vec![item])),
        }
    }
    groups
}

/// The lines of one file that a set of spans touch, decoded for display, with a map from the
/// file's byte offsets to offsets in the decoded text.
struct Window {
    /// 1-based number of the first line shown.
    first_line: usize,
    /// The lines, decoded, without their terminators, joined by `\n`.
    source: String,
    /// Byte offset in the file where the window starts.
    base: usize,
    /// `map[i]` is the offset in `source` of file byte `base + i`, for `i` in
    /// `0..=window length`. Line terminators map to the end of their line's text; an offset
    /// inside a multi-byte character maps to the end of that character.
    map: Vec<usize>,
    /// File offsets at which a line starts, inside the window (after the first line).
    line_starts: Vec<usize>,
}

impl Window {
    /// The window covering `spans` (all in `file`). Offsets past the end of the text are
    /// clamped to it.
    fn new(file: &SourceFile, spans: &[Span]) -> Window {
        let text: &[u8] = &file.text;
        let lines = file.lines();
        let clamp = |offset: u32| (offset as usize).min(text.len());
        let last_line_of = |span: &Span| {
            let (start, end) = (clamp(span.start), clamp(span.end));
            // A non-empty span that ends at a line start ends on the line before.
            lines.line_of(if end > start { end - 1 } else { end } as u32)
        };
        let first = spans
            .iter()
            .map(|span| lines.line_of(clamp(span.start) as u32))
            .min()
            .unwrap_or(0);
        let last = spans.iter().map(last_line_of).max().unwrap_or(0).max(first);

        let base = (lines.line_start(first) as usize).min(text.len());
        let window_end = if last + 1 < lines.line_count() {
            lines.line_start(last + 1) as usize
        } else {
            text.len()
        };
        let mut map = vec![0; window_end - base + 1];
        let mut source = String::new();
        let mut line_starts = Vec::new();
        for line in first..=last {
            let start = lines.line_start(line) as usize;
            if line > first {
                line_starts.push(start);
            }
            let content = lines.line_range(text, line);
            crate::text::for_each_char(&text[content.clone()], |at, len, ch| {
                let at = content.start + at - base;
                map[at] = source.len();
                source.push(ch);
                for slot in &mut map[at + 1..at + len] {
                    *slot = source.len();
                }
            });
            let next = if line + 1 < lines.line_count() {
                lines.line_start(line + 1) as usize
            } else {
                text.len()
            };
            for slot in &mut map[content.end - base..next - base] {
                *slot = source.len();
            }
            if line < last {
                source.push('\n');
            }
        }
        map[window_end - base] = source.len();
        Window {
            first_line: first + 1,
            source,
            base,
            map,
            line_starts,
        }
    }

    /// Offset in `source` of file offset `offset` (clamped to the window).
    fn offset(&self, offset: usize) -> usize {
        self.map[offset.saturating_sub(self.base).min(self.map.len() - 1)]
    }

    /// The range in `source` of `span`.
    fn range(&self, span: Span) -> Range<usize> {
        let (start, end) = (span.start as usize, span.end as usize);
        let from = self.offset(start);
        // A non-empty span that ends exactly at a line start stops at the end of the line
        // before rather than spilling onto the next line's first column.
        let to = if end > start && self.line_starts.contains(&end) {
            self.offset(end - 1)
        } else {
            self.offset(end)
        };
        from..to.max(from)
    }
}
