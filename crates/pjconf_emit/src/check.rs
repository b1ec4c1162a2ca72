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

/// True when `key` passes every name test of [`option`]: one pass over its bytes.
fn plain_key(key: &str) -> bool {
    !key.is_empty() && !key.ends_with('+') && key.bytes().all(|b| b > 32 && b != b'=' && b != b';')
}

/// True when `value` passes every value test of [`option`]: no NUL or line break, and no
/// blank at either end.
fn plain_value(value: &str) -> bool {
    let b = value.as_bytes();
    b.first().is_none_or(|&c| c > 32)
        && b.last().is_none_or(|&c| c > 32)
        && !b.iter().any(|&c| c == 0 || c == b'\r' || c == b'\n')
}

/// Problems of one option line of section `section`.
pub(crate) fn option(section: &str, opt: &EmitOption, out: &mut Vec<Diagnostic>) {
    // Nearly every option passes: test that in one pass per string before the detailed tests.
    if plain_key(&opt.key)
        && plain_value(&opt.value)
        && opt
            .comment
            .as_deref()
            .is_none_or(|c| !c.bytes().any(|b| b == 0 || b == b'\r' || b == b'\n'))
    {
        return;
    }
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
///
/// `what` names the comment in a diagnostic; it is only built when there is one (most
/// comments are fine, and formatting a name for every commented section was wasted work).
pub(crate) fn comment_block(
    what: impl FnOnce() -> String,
    comment: &str,
    at: Span,
    out: &mut Vec<Diagnostic>,
) {
    if comment.contains('\0') {
        out.push(nul(&what(), at));
    } else if comment.contains('\r') {
        out.push(comment_break(&what(), at));
    }
}

/// A section name compared and hashed ignoring ASCII case, borrowed from the document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Caseless<'a>(pub(crate) &'a str);

impl PartialEq for Caseless<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }
}

impl Eq for Caseless<'_> {}

impl std::hash::Hash for Caseless<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // Lowercased a block at a time: one `write` per block, not one per byte.
        let mut buf = [0u8; 64];
        for chunk in self.0.as_bytes().chunks(buf.len()) {
            let block = &mut buf[..chunk.len()];
            block.copy_from_slice(chunk);
            block.make_ascii_lowercase();
            state.write(block);
        }
        state.write_u8(0xff);
    }
}

/// A fast hash for section names (FxHash: rotate, xor, multiply per 8 bytes). The names
/// come from the document being written, so flooding the table is not a concern.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct NameHasher(u64);

impl NameHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for NameHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            let mut b = [0u8; 8];
            b.copy_from_slice(w);
            self.add(u64::from_le_bytes(b));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b) ^ ((rest.len() as u64) << 56));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The names of the sections written so far (config.c finds parents among them,
/// case-insensitively).
pub(crate) type Earlier<'a> = HashSet<Caseless<'a>, std::hash::BuildHasherDefault<NameHasher>>;

/// Problems of a section header. `earlier` holds the names of the sections before it.
pub(crate) fn header(section: &EmitSection, earlier: &Earlier<'_>, out: &mut Vec<Diagnostic>) {
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
            || format!("the comment of section [{}]", name.escape_debug()),
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
    earlier: &Earlier<'_>,
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
    } else if !earlier.contains(&Caseless(parent)) {
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
