//! The refusals: each test says which config.c behaviour makes a piece of text impossible to
//! write so that it reads back unchanged.

use std::collections::HashSet;

use pjconf_diagnostics::{Diagnostic, Span};

use crate::codes;
use crate::document::{EmitOption, EmitSection};

/// config.c's blank test (`ast_strip`, `ast_skip_blanks`): any byte below 33.
pub(crate) fn is_blank(c: char) -> bool {
    (c as u32) < 33
}

fn has_edge_blank(s: &str) -> bool {
    s.starts_with(is_blank) || s.ends_with(is_blank)
}

/// Text quoted for a message: backticks, control characters escaped.
pub(crate) fn quoted(s: &str) -> String {
    format!("`{}`", s.escape_debug())
}

/// What a message is about ("option `k` in section [s]"), formatted only when a problem is
/// reported: the checks run on every option of every emitted file, and nearly always pass.
struct Subject<'a> {
    kind: &'static str,
    name: &'a str,
    relation: &'static str,
    section: &'a str,
}

impl std::fmt::Display for Subject<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} {} section [{}]",
            self.kind,
            quoted(self.name),
            self.relation,
            self.section.escape_debug()
        )
    }
}

fn nul(what: &str, span: Span) -> Diagnostic {
    Diagnostic::error(
        codes::NUL_CHARACTER,
        format!("{what} contains a NUL character"),
        span,
    )
    .with_label(span, "holds a NUL")
    .with_note("config.c reads each line as a C string, so the line would end at the NUL")
}

/// Problems of one option line of section `section`.
pub(crate) fn option(section: &str, opt: &EmitOption, out: &mut Vec<Diagnostic>) {
    let key = &opt.key;
    let at = opt.key_span;
    let what = Subject {
        kind: "option",
        name: key,
        relation: "in",
        section,
    };
    if key.is_empty() {
        out.push(
            Diagnostic::error(
                codes::EMPTY_KEY,
                format!(
                    "option without a name in section [{}]",
                    section.escape_debug()
                ),
                at,
            )
            .with_label(at, "empty name")
            .with_note("config.c ignores `= value` lines with a warning"),
        );
    } else if key.contains('\0') {
        out.push(nul(&format!("the name of {what}"), at));
    } else if key.contains(['=', ';']) || key.contains(is_blank) {
        out.push(
            Diagnostic::error(
                codes::KEY_CHARACTER,
                format!("the name of {what} contains `=`, `;` or a blank"),
                at,
            )
            .with_label(at, "cannot be written as an option name")
            .with_note(
                "config.c splits the line at the first `=`, ends it at `;` and trims blanks \
                 around the name",
            ),
        );
    } else if key.ends_with('+') {
        out.push(
            Diagnostic::error(
                codes::KEY_ENDS_WITH_PLUS,
                format!("the name of {what} ends in `+`"),
                at,
            )
            .with_label(at, "reads as the `+=` operator once written without blanks")
            .with_note(
                "config.c treats `+` right before `=` as append (`+=`), not as part of the name",
            ),
        );
    }

    let value = &opt.value;
    let at = opt.value_span;
    if value.contains('\0') {
        out.push(nul(&format!("the value of {what}"), at));
    } else if value.contains(['\r', '\n']) {
        out.push(
            Diagnostic::error(
                codes::VALUE_LINE_BREAK,
                format!(
                    "the value of {what} contains a line break: {}",
                    quoted(value)
                ),
                at,
            )
            .with_label(at, "cannot be written on one line")
            .with_note("config.c reads one line per `\\n` and has no escape for line breaks"),
        );
    } else if has_edge_blank(value) {
        out.push(
            Diagnostic::error(
                codes::VALUE_EDGE_BLANK,
                format!(
                    "the value of {what} starts or ends with a blank: {}",
                    quoted(value)
                ),
                at,
            )
            .with_label(at, "the blanks would be trimmed")
            .with_note("config.c trims every byte below 33 from both ends of a value"),
        );
    }

    if let Some(comment) = &opt.comment {
        if comment.contains('\0') {
            out.push(nul(&format!("the comment of {what}"), opt.key_span));
        } else if comment.contains(['\r', '\n']) {
            out.push(comment_break(
                &format!("the comment of {what}"),
                opt.key_span,
            ));
        }
    }
}

fn comment_break(what: &str, at: Span) -> Diagnostic {
    Diagnostic::error(
        codes::COMMENT_LINE_BREAK,
        format!("{what} contains a line break it cannot hold"),
        at,
    )
    .with_label(at, "comment with a line break")
    .with_help("a trailing comment is one line; a block comment may use `\\n` but not `\\r`")
}

/// Problems of a comment block (or a section's comment) attached to `at`.
pub(crate) fn comment_block(what: &str, comment: &str, at: Span, out: &mut Vec<Diagnostic>) {
    if comment.contains('\0') {
        out.push(nul(what, at));
    } else if comment.contains('\r') {
        out.push(comment_break(what, at));
    }
}

/// Problems of a section header. `earlier` holds the ASCII-lowercased names of the sections
/// before it (config.c finds parents among them, case-insensitively).
pub(crate) fn header(section: &EmitSection, earlier: &HashSet<String>, out: &mut Vec<Diagnostic>) {
    let name = &section.name;
    let at = section.name_span;
    if name.is_empty() {
        out.push(
            Diagnostic::error(codes::EMPTY_SECTION_NAME, "empty section name", at)
                .with_label(at, "empty name"),
        );
    } else if name.contains('\0') {
        out.push(nul(&format!("section name {}", quoted(name)), at));
    } else if name.contains([']', ';', '\r', '\n']) {
        out.push(
            Diagnostic::error(
                codes::SECTION_NAME_CHARACTER,
                format!(
                    "section name {} contains `]`, `;` or a line break",
                    quoted(name)
                ),
                at,
            )
            .with_label(at, "cannot be written in a header")
            .with_note(
                "config.c ends the name at the first `]`, the line at `;` and reads one line per \
                 `\\n`",
            ),
        );
    } else if has_edge_blank(name) {
        out.push(
            Diagnostic::error(
                codes::SECTION_NAME_EDGE_BLANK,
                format!("section name {} starts or ends with a blank", quoted(name)),
                at,
            )
            .with_label(at, "blank at an end of the name")
            .with_note(
                "config.c keeps such blanks (names are not trimmed), so the id would hold them \
                 and no parent list could name the section",
            ),
        );
    }
    if let Some(comment) = &section.comment {
        comment_block(
            &format!("the comment of section [{}]", name.escape_debug()),
            comment,
            at,
            out,
        );
    }
    for parent in &section.parents {
        parent_name(name, parent, at, earlier, out);
    }
}

pub(crate) fn parent_name(
    section: &str,
    parent: &str,
    at: Span,
    earlier: &HashSet<String>,
    out: &mut Vec<Diagnostic>,
) {
    let what = Subject {
        kind: "parent",
        name: parent,
        relation: "of",
        section,
    };
    if parent.contains('\0') {
        out.push(nul(&what.to_string(), at));
    } else if parent.is_empty()
        || parent.contains([',', ')', ';', '\r', '\n'])
        || has_edge_blank(parent)
    {
        out.push(
            Diagnostic::error(
                codes::PARENT_CHARACTER,
                format!(
                    "{what} is empty, contains `,` `)` `;` or a line break, or starts or ends \
                     with a blank"
                ),
                at,
            )
            .with_label(at, "in this section's header")
            .with_note(
                "config.c splits the list at `,`, ends it at the first `)` and does not trim \
                 the entries",
            ),
        );
    } else if parent == "!" || parent.starts_with('+') {
        out.push(
            Diagnostic::error(
                codes::PARENT_IS_FLAG,
                format!("{what} reads as a header flag"),
                at,
            )
            .with_label(at, "in this section's header")
            .with_note("config.c reads `!` as the template flag and `+...` as append"),
        );
    } else if !earlier.contains(&parent.to_ascii_lowercase()) {
        out.push(
            Diagnostic::error(
                codes::PARENT_NOT_DEFINED,
                format!("{what} is not a section defined earlier in the document"),
                at,
            )
            .with_label(at, "inherits from an unknown section")
            .with_note(
                "config.c looks parents up among the sections above (case-insensitively) and \
                 rejects the whole file when one is missing",
            )
            .with_help("define the parent above this section"),
        );
    }
}
