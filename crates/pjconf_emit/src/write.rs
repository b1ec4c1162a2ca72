//! Writing a checked [`Document`] as text.

use pjconf_diagnostics::{Diagnostic, Span};
use pjconf_syntax::limits::MAX_LINE_LEN;

use crate::check::{self, quoted};
use crate::codes;
use crate::document::{Document, EmitItem, EmitOption, EmitSection, SYNTHESIZED};

/// Write `doc` as configuration text, or refuse with every problem found.
///
/// The text is deterministic: `\n` line endings, `key = value` lines (`key =` for an empty
/// value), `[name]`, `[name](!)`, `[name](p1,p2)` or `[name](!,p1,p2)` headers, one empty line
/// between items (an [`EmitItem::Blank`] adds one more), and a final newline (an empty
/// document gives an empty string). Comments are `; text` lines above a header, or ` ; text`
/// after a value.
///
/// Escaping, each relying on how main/config.c reads the text back:
/// - every `;` in a value is written `\;` (config_text_file_load removes the backslash of `\;`
///   and keeps the `;`; an escaped `;` is tested before the `;--` and `--;` block comment
///   markers, so they cannot form either);
/// - a name starting with `[`, `#` or `\` gets a leading `\` (process_text_line: a leading `\`
///   escapes the first character of the name, so the line is not read as a header or a
///   directive);
/// - nothing else is escaped. `#include` inside a value is harmless: directives are only
///   recognised at the start of a line, and a value always follows `key = `.
///
/// Refused (one [`Diagnostic`] each, codes `PJ6xx` in [`crate::codes`], nothing written): line
/// breaks or NUL anywhere; blanks (bytes below 33) at either end of a value or a section name,
/// since config.c trims values (and names would keep them); option names that are empty,
/// contain `=`, `;` or a blank, or end in `+`; section names that are empty or contain `]` or
/// `;`; parent names that are empty, contain `,` `)` `;`, have blanks at an end, read as `!` or
/// `+...`, or name no earlier section; lines longer than config.c reads.
///
/// Diagnostics point at the spans the document carries: the source spans for values read from
/// a file, [`SYNTHESIZED`] for text built by a program. Name and value problems point at the
/// name or value; header, parent and section-comment problems at the section name; a trailing
/// comment's at its option name; comment blocks and over-long lines have no better place than
/// [`SYNTHESIZED`] or the line's first span. Messages quote the offending text, so they read
/// well without a source.
///
/// ```
/// use pjconf_emit::{Document, EmitSection, emit};
///
/// let mut doc = Document::new();
/// doc.push_comment("tenant acme");
/// doc.push_section(EmitSection::new("base").template().with_option("context", "a;b"));
/// doc.push_section(
///     EmitSection::new("6001").with_parents(["base"]).with_option("#weird", "#include x"),
/// );
/// let text = emit(&doc).unwrap();
/// assert_eq!(
///     text,
///     "; tenant acme\n\n[base](!)\ncontext = a\\;b\n\n[6001](base)\n\\#weird = #include x\n",
/// );
///
/// let bad = Document { items: vec![EmitSection::new("x").with_option("k", "two\nlines").into()] };
/// let refused = emit(&bad).unwrap_err();
/// assert_eq!(refused[0].code, "PJ601");
/// ```
pub fn emit(doc: &Document) -> Result<String, Vec<Diagnostic>> {
    let mut out = Writer {
        text: String::with_capacity(estimated_len(doc)),
        problems: Vec::new(),
    };
    let mut earlier = check::Earlier::with_capacity_and_hasher(doc.items.len(), Default::default());
    for (i, item) in doc.items.iter().enumerate() {
        if i > 0 && !matches!(item, EmitItem::Blank) {
            out.text.push('\n');
        }
        match item {
            EmitItem::Blank => out.text.push('\n'),
            EmitItem::Comment(comment) => {
                check::comment_block(
                    || "a comment block".to_string(),
                    comment,
                    SYNTHESIZED,
                    &mut out.problems,
                );
                out.comment_lines(comment, SYNTHESIZED);
            }
            EmitItem::Section(section) => {
                check::header(section, &earlier, &mut out.problems);
                out.section(section);
                earlier.insert(check::Caseless(&section.name));
            }
        }
    }
    if out.problems.is_empty() {
        Ok(out.text)
    } else {
        Err(out.problems)
    }
}

/// About the length of the text of `doc` (exact unless escapes or comments add to it), so
/// the text is allocated once.
fn estimated_len(doc: &Document) -> usize {
    doc.items
        .iter()
        .map(|item| match item {
            EmitItem::Blank => 1,
            EmitItem::Comment(c) => c.len() + 8,
            EmitItem::Section(s) => {
                s.name.len()
                    + 8
                    + s.parents.iter().map(|p| p.len() + 1).sum::<usize>()
                    + s.comment.as_ref().map_or(0, |c| c.len() + 8)
                    + s.options
                        .iter()
                        .map(|o| {
                            o.key.len()
                                + o.value.len()
                                + 5
                                + o.comment.as_ref().map_or(0, |c| c.len() + 3)
                        })
                        .sum::<usize>()
            }
        })
        .sum()
}

struct Writer {
    text: String,
    problems: Vec<Diagnostic>,
}

impl Writer {
    /// Finish the current line: check its length and add `\n`.
    fn end_line(&mut self, start: usize, at: Span) {
        let len = self.text.len() - start;
        if len > MAX_LINE_LEN {
            let head: String = self.text[start..].chars().take(40).collect();
            self.problems.push(
                Diagnostic::error(
                    codes::LINE_TOO_LONG,
                    format!(
                        "line of {len} bytes is longer than Asterisk reads ({MAX_LINE_LEN}): {}...",
                        quoted(&head)
                    ),
                    at,
                )
                .with_label(at, "written on this line")
                .with_note(
                    "config.c reads lines into an 8192-byte buffer and skips longer ones whole",
                ),
            );
        }
        self.text.push('\n');
    }

    fn comment_lines(&mut self, comment: &str, at: Span) {
        for line in comment.split('\n') {
            let start = self.text.len();
            self.text.push(';');
            if !line.is_empty() {
                self.text.push(' ');
                self.text.push_str(line);
            }
            self.end_line(start, at);
        }
    }

    fn section(&mut self, section: &EmitSection) {
        if let Some(comment) = &section.comment {
            self.comment_lines(comment, section.name_span);
        }
        let start = self.text.len();
        self.text.push('[');
        self.text.push_str(&section.name);
        self.text.push(']');
        if section.template || !section.parents.is_empty() {
            self.text.push('(');
            let flag = section.template.then_some("!");
            let entries = flag
                .into_iter()
                .chain(section.parents.iter().map(String::as_str));
            for (i, entry) in entries.enumerate() {
                if i > 0 {
                    self.text.push(',');
                }
                self.text.push_str(entry);
            }
            self.text.push(')');
        }
        self.end_line(start, section.name_span);
        for option in &section.options {
            check::option(&section.name, option, &mut self.problems);
            self.option(option);
        }
    }

    fn option(&mut self, option: &EmitOption) {
        let start = self.text.len();
        if option.key.starts_with(['[', '#', '\\']) {
            self.text.push('\\');
        }
        self.text.push_str(&option.key);
        self.text.push_str(" =");
        if !option.value.is_empty() {
            self.text.push(' ');
            let mut rest = option.value.as_str();
            while let Some(i) = rest.find(';') {
                self.text.push_str(&rest[..i]);
                self.text.push_str("\\;");
                rest = &rest[i + 1..];
            }
            self.text.push_str(rest);
        }
        if let Some(comment) = &option.comment {
            self.text.push_str(" ;");
            if !comment.is_empty() {
                self.text.push(' ');
                self.text.push_str(comment);
            }
        }
        self.end_line(start, option.key_span);
    }
}
