//! The syntax diagnostics: what is wrong, what Asterisk does with it, what to do.

use pjconf_diagnostics::{Diagnostic, Span};

use crate::codes;
use crate::limits::MAX_LINE_LEN;

pub(crate) fn unclosed_bracket(at: Span) -> Diagnostic {
    Diagnostic::error(
        codes::UNCLOSED_BRACKET,
        "section header has no closing `]`",
        at,
    )
    .with_label(at, "this section name is never closed")
    .with_help("end the section name with `]`, for example `[alice]`")
    .with_note("Asterisk rejects the whole file (\"parse error: no closing ']'\")")
}

pub(crate) fn unclosed_paren(at: Span) -> Diagnostic {
    Diagnostic::error(
        codes::UNCLOSED_PAREN,
        "header option list has no closing `)`",
        at,
    )
    .with_label(at, "this `(` is never closed")
    .with_help("close the list with `)`, for example `[alice](!,base)`")
    .with_note("Asterisk rejects the whole file (\"parse error: no closing ')'\")")
}

pub(crate) fn empty_parent(at: Span) -> Diagnostic {
    Diagnostic::error(
        codes::EMPTY_PARENT,
        "empty name in the header option list",
        at,
    )
    .with_label(at, "a template name belongs here")
    .with_help("remove the extra comma, or the empty `()`")
    .with_note(
        "Asterisk looks for a section named \"\", does not find it and rejects the whole file",
    )
}

pub(crate) fn header_trailing(at: Span, after: &str) -> Diagnostic {
    Diagnostic::warning(
        codes::HEADER_TRAILING_TEXT,
        format!("text after `{after}` in a section header is ignored"),
        at,
    )
    .with_label(at, "Asterisk ignores this")
    .with_help("put options on their own lines below the header, or start a comment with `;`")
}

pub(crate) fn missing_equals(at: Span) -> Diagnostic {
    Diagnostic::warning(
        codes::MISSING_EQUALS,
        "line has neither `=` nor `=>`, so Asterisk ignores it",
        at,
    )
    .with_label(at, "not an option")
    .with_help("write `name = value`, or start the line with `;` to make it a comment")
}

pub(crate) fn option_before_section(at: Span) -> Diagnostic {
    Diagnostic::error(
        codes::OPTION_BEFORE_SECTION,
        "option before any section header",
        at,
    )
    .with_label(at, "no section to put this in")
    .with_help("add a `[section]` header above this line")
    .with_note("Asterisk rejects the whole file (\"No category context\")")
}

pub(crate) fn unterminated_block(at: Span) -> Diagnostic {
    Diagnostic::warning(
        codes::UNTERMINATED_BLOCK_COMMENT,
        "block comment is never closed",
        at,
    )
    .with_label(at, "opened here")
    .with_help("close it with `--;`")
    .with_note("Asterisk ignores everything from here to the end of the file")
}

pub(crate) fn nul_byte(at: Span) -> Diagnostic {
    Diagnostic::warning(
        codes::NUL_BYTE,
        "NUL byte: Asterisk stops reading this line here",
        at,
    )
    .with_label(at, "the rest of the line is ignored")
    .with_help("remove the NUL byte")
}

pub(crate) fn line_too_long(at: Span) -> Diagnostic {
    Diagnostic::warning(
        codes::LINE_TOO_LONG,
        format!("line is longer than the {MAX_LINE_LEN} bytes Asterisk reads, so Asterisk skips it"),
        at,
    )
    .with_label(at, "this whole line is skipped")
    .with_help("shorten the line; list options such as `allow` or `match` can be repeated on several lines")
}

pub(crate) fn empty_option_name(at: Span) -> Diagnostic {
    Diagnostic::warning(
        codes::EMPTY_OPTION_NAME,
        "option has no name, so Asterisk ignores it",
        at,
    )
    .with_label(at, "a name belongs before this")
    .with_help("write the option name before `=`")
}

pub(crate) fn invalid_escape(at: Span) -> Diagnostic {
    Diagnostic::error(
        codes::INVALID_ESCAPE,
        "`\\` at the start of the line escapes nothing",
        at,
    )
    .with_label(at, "invalid escape")
    .with_help("remove the `\\`; it is only for starting an option name with a special character")
    .with_note("Asterisk rejects the whole file (\"Invalid escape\")")
}

pub(crate) fn stray_block_end(at: Span) -> Diagnostic {
    Diagnostic::warning(
        codes::STRAY_BLOCK_COMMENT_END,
        "`--;` outside a block comment: Asterisk reads every later line as a comment",
        at,
    )
    .with_label(at, "no `;--` is open here")
    .with_help("write `\\;` if the `;` belongs to the value, or remove `--;`")
    .with_note("config.c's comment counter drops below zero here and never recovers")
}

pub(crate) fn block_too_deep(at: Span) -> Diagnostic {
    Diagnostic::warning(
        codes::BLOCK_COMMENT_TOO_DEEP,
        "block comments nested more than 128 deep",
        at,
    )
    .with_label(at, "not counted as a block comment")
    .with_help("close some block comments with `--;`")
}

pub(crate) fn unknown_directive(at: Span, name: &str) -> Diagnostic {
    let message = if name.is_empty() || !name.as_bytes()[0].is_ascii_alphabetic() {
        "`#` does not start a comment; Asterisk warns and ignores this line".to_string()
    } else {
        format!("unknown directive `#{name}`; Asterisk warns and ignores this line")
    };
    Diagnostic::warning(codes::UNKNOWN_DIRECTIVE, message, at)
        .with_label(at, "not a directive")
        .with_help(
            "comments start with `;`; the directives are `#include`, `#tryinclude` and `#exec`",
        )
}

pub(crate) fn directive_without_argument(at: Span, name: &str) -> Diagnostic {
    Diagnostic::warning(
        codes::DIRECTIVE_WITHOUT_ARGUMENT,
        format!("`#{name}` needs an argument; Asterisk ignores it"),
        at,
    )
    .with_label(at, "nothing to include")
    .with_help("give a file name, for example `#include \"pjsip_custom.conf\"`")
}

pub(crate) fn exec_refused(at: Span) -> Diagnostic {
    Diagnostic::error(
        codes::EXEC_REFUSED,
        "`#exec` is refused: pjconf never runs programs",
        at,
    )
    .with_label(at, "not run")
    .with_help("run the program yourself, save its output to a file and `#include` that file")
    .with_note("Asterisk itself runs it only with `execincludes = yes` in asterisk.conf")
}
