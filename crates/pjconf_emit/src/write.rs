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
    emit_in_parts(doc, TWO_PARTS_FROM)
}

/// Documents with at least this many items are written in two halves on two threads (a
/// converted sip.conf of 100,000 peers has about 300,000): writing is a quarter of a
/// conversion, and every section's text and checks depend only on the section, except for
/// the parents it names, which the second half settles once the first half is done.
const TWO_PARTS_FROM: usize = 4096;

/// [`emit`], in two parts from `two_parts_from` items on (a parameter so that tests can
/// compare both ways on small documents).
pub(crate) fn emit_in_parts(
    doc: &Document,
    two_parts_from: usize,
) -> Result<String, Vec<Diagnostic>> {
    let items = doc.items.as_slice();
    let capacity = estimated_len(items);
    let (text, problems) = if items.len() >= two_parts_from.max(2) {
        let middle = items.len() / 2;
        let (above, below) = items.split_at(middle);
        let (first, second) = std::thread::scope(|scope| {
            let second = scope.spawn(|| Part::write(below, middle, 0));
            let first = Part::write(above, 0, capacity);
            (first, second.join())
        });
        match second {
            Ok(second) => first.then(second),
            // Writing does not panic on any input; if it ever did, it would have on one thread.
            Err(panic) => std::panic::resume_unwind(panic),
        }
    } else {
        let whole = Part::write(items, 0, capacity);
        (whole.text, whole.problems)
    };
    if problems.is_empty() {
        Ok(text)
    } else {
        Err(problems)
    }
}

/// The text and problems of a run of items.
struct Part<'d> {
    text: String,
    problems: Vec<Diagnostic>,
    /// The names of the part's sections.
    earlier: check::Earlier<'d>,
    /// Parents not found among the part's own sections (only for a part that is not first).
    unresolved: check::Unresolved<'d>,
}

impl<'d> Part<'d> {
    /// Write `items`, which start at item `first_index` of the document.
    fn write(items: &'d [EmitItem], first_index: usize, capacity: usize) -> Self {
        let mut out = Writer {
            text: String::with_capacity(capacity.max(estimated_len(items))),
            problems: Vec::new(),
        };
        let mut earlier = check::Earlier::with_capacity_and_hasher(items.len(), Default::default());
        let mut unresolved = Vec::new();
        let detached = first_index > 0;
        for (i, item) in items.iter().enumerate() {
            if first_index + i > 0 && !matches!(item, EmitItem::Blank) {
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
                    let unresolved = detached.then_some(&mut unresolved);
                    check::header(section, &earlier, &mut out.problems, unresolved);
                    out.section(section);
                    earlier.insert(check::Caseless(&section.name));
                }
            }
        }
        Part {
            text: out.text,
            problems: out.problems,
            earlier,
            unresolved,
        }
    }

    /// This part followed by `next`: the text joined, and `next`'s "parent not defined"
    /// problems dropped for parents this part defines. The order of the problems is the
    /// order a single pass reports them in.
    fn then(mut self, next: Part<'_>) -> (String, Vec<Diagnostic>) {
        self.text.push_str(&next.text);
        let mut cancelled = next
            .unresolved
            .iter()
            .filter(|(_, parent)| self.earlier.contains(&check::Caseless(parent)))
            .map(|&(index, _)| index)
            .peekable();
        for (index, problem) in next.problems.into_iter().enumerate() {
            if cancelled.next_if_eq(&index).is_none() {
                self.problems.push(problem);
            }
        }
        (self.text, self.problems)
    }
}

/// About the length of the text of `items` (exact unless escapes or comments add to it), so
/// the text is allocated once.
fn estimated_len(items: &[EmitItem]) -> usize {
    items
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
