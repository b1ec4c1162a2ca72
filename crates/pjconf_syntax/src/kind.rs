//! Token kinds of the lossless tree.

use serde::Serialize;

/// What a token is. Every byte of a file belongs to exactly one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[repr(u8)]
#[allow(non_camel_case_types)]
pub enum SyntaxKind {
    /// UTF-8 byte order mark at the start of the file (config.c strips it on line 1).
    BOM,
    /// Blanks: every byte below 33 except `\n` (config.c trims with `ast_strip`, which treats them all alike).
    WHITESPACE,
    /// `\n`, or `\r\n`.
    NEWLINE,
    /// `; ...` up to the end of the line.
    COMMENT,
    /// Part of a `;-- ... --;` block comment on this line, delimiters included.
    BLOCK_COMMENT,
    /// Text Asterisk never reads: after a NUL byte, in a line longer than config.c reads, or
    /// after a stray `--;` turned the rest of the file into a comment.
    IGNORED,
    /// `[`
    L_BRACKET,
    /// The section name between `[` and the first `]`, not trimmed (config.c does not trim it).
    SECTION_NAME,
    /// `]`
    R_BRACKET,
    /// `(`
    L_PAREN,
    /// `)`
    R_PAREN,
    /// `,` between header options.
    COMMA,
    /// `!`: the section is a template.
    BANG,
    /// `+`: the section appends to an earlier one.
    PLUS,
    /// The category filter after `+`, such as `type=aor`.
    FILTER,
    /// A parent name in a header option list (not trimmed).
    PARENT,
    /// Text after `]` or `)` that config.c ignores.
    TRAILING,
    /// An option name (with its leading `\` escape, if any).
    KEY,
    /// `=`
    EQ,
    /// `=>`
    ARROW,
    /// `+=`
    PLUS_EQ,
    /// An option value, trimmed, with `\;` escapes still in it.
    VALUE,
    /// `#`
    HASH,
    /// The directive name after `#` (`include`, `tryinclude`, `exec`, or an unknown word).
    DIRECTIVE_NAME,
    /// The directive argument, quotes included.
    DIRECTIVE_ARG,
    /// A line Asterisk ignores with a warning (no `=`), or text the parser could not place.
    ERROR,
    /// A piece of a line whose code is split by an inline block comment; the pieces are read
    /// as one text, as config.c does.
    SPLICED,
}

impl SyntaxKind {
    /// True for whitespace, newlines, comments and ignored text: what a reader of the
    /// configuration never sees.
    pub fn is_trivia(self) -> bool {
        matches!(
            self,
            SyntaxKind::BOM
                | SyntaxKind::WHITESPACE
                | SyntaxKind::NEWLINE
                | SyntaxKind::COMMENT
                | SyntaxKind::BLOCK_COMMENT
                | SyntaxKind::IGNORED
        )
    }
}
