//! Builds the token arrays and nodes, line by line.

use std::ops::Range;
use std::sync::Arc;

use pjconf_diagnostics::{Diagnostic, FileId, Span};

use super::comments::{Region, Split, split_line, split_line_without_semicolon};
use super::diagnostics as diag;
use super::line::{LineSyntax, Op, parse_code};
use super::scan::find_byte;
use super::{FileRole, Parse};
use crate::limits::MAX_LINE_LEN;
use crate::text::{decode, strip};
use crate::tree::{
    AssembledItem, DirectiveKind, DirectiveNode, HeaderNode, HeaderOption, LineKind, LineNode,
    Operator, PackedLineKind, Text,
};
use crate::{SyntaxKind as K, SyntaxTree};

const BOM: &[u8] = b"\xEF\xBB\xBF";

pub(crate) struct Builder {
    tree: SyntaxTree,
    diagnostics: Vec<Diagnostic>,
    role: FileRole,
    /// The last token pushed ends at this offset.
    cursor: usize,
}

/// How a line's code maps back to the file: one contiguous range, or pieces to assemble.
enum Code<'a> {
    Contiguous(usize),
    Assembled { bytes: &'a [u8], at: Span },
}

impl Builder {
    pub(crate) fn new(file: FileId, text: Arc<[u8]>, role: FileRole) -> Self {
        // Reserve once, so that the big arrays are never copied while they grow: a grown
        // array keeps its old copy resident until the allocator reuses it, which is what
        // drove peak memory. Capacity that is reserved but never written costs no memory.
        // Lines: exactly one per `\n`, plus an unterminated last line.
        let line_count = memchr::memchr_iter(b'\n', &text).count()
            + usize::from(text.last().is_some_and(|&b| b != b'\n'));
        // Tokens: never more than bytes; about five a line in real files (`key = value`
        // and its newline make six), so six a line rarely needs to grow.
        let token_estimate = text.len().min(line_count.saturating_mul(6) + 16);
        // Headers and sections: each starts with a `[`, and there is at most one a line.
        let header_bound = memchr::memchr_iter(b'[', &text).count().min(line_count);
        Builder {
            tree: SyntaxTree {
                file,
                text,
                token_starts: Vec::with_capacity(token_estimate),
                token_kinds: Vec::with_capacity(token_estimate),
                lines: Vec::with_capacity(line_count),
                headers: Vec::with_capacity(header_bound),
                directives: Vec::new(),
                assembled: Vec::new(),
                header_options: Vec::with_capacity(header_bound),
                assembled_texts: Vec::new(),
            },
            diagnostics: Vec::new(),
            role,
            cursor: 0,
        }
    }

    #[inline]
    fn span(&self, range: Range<usize>) -> Span {
        // `Span::new` without the cross-crate call (it is not inlined across crates).
        let (start, end) = (range.start as u32, range.end as u32);
        Span {
            file: self.tree.file,
            start,
            end: end.max(start),
        }
    }

    /// Push a token covering `cursor..end`; empty tokens are never pushed.
    #[inline]
    fn push(&mut self, kind: K, end: usize) {
        if end > self.cursor {
            self.tree.token_starts.push(self.cursor as u32);
            self.tree.token_kinds.push(kind);
            self.cursor = end;
        }
    }

    /// Push `kind` for `range`, first covering any gap before it as whitespace.
    #[inline]
    fn push_at(&mut self, kind: K, range: Range<usize>) {
        self.push(K::WHITESPACE, range.start);
        self.push(kind, range.end);
    }

    pub(crate) fn run(mut self) -> Parse {
        let text = Arc::clone(&self.tree.text);
        let bytes: &[u8] = &text;
        let mut depth = 0i32;
        let mut split = Split::default();
        let mut open_block: Option<usize> = None;
        let mut stray_seen = false;
        // Where the next NUL and the next `;` are (the end of the file when there is none),
        // found by scanning the whole file rather than each line: most lines hold neither.
        let mut next_nul = memchr::memchr(0, bytes).unwrap_or(bytes.len());
        let mut next_semicolon = memchr::memchr(b';', bytes).unwrap_or(bytes.len());
        let mut pos = 0usize;
        while pos < bytes.len() {
            let (body_end, next) = match find_byte(b'\n', &bytes[pos..]) {
                Some(i) => (pos + i, pos + i + 1),
                None => (bytes.len(), bytes.len()),
            };
            let line_no = self.tree.lines.len() as u32;
            self.tree.lines.push(LineNode {
                first_token: self.tree.token_starts.len() as u32,
                kind: PackedLineKind::new(LineKind::Trivia),
            });
            let newline_at = if next > body_end && body_end > pos && bytes[body_end - 1] == b'\r' {
                body_end - 1
            } else {
                body_end
            };
            let mut start = pos;
            if line_no == 0 && bytes[pos..].starts_with(BOM) {
                self.push(K::BOM, pos + BOM.len());
                start += BOM.len();
            }
            if body_end - pos > MAX_LINE_LEN {
                // config.c skips the whole line, continuation included (config_text_file_load).
                let at = self.span(start..newline_at);
                self.diagnostics.push(diag::line_too_long(at));
                self.push(K::IGNORED, newline_at);
            } else {
                if next_nul < start {
                    next_nul =
                        memchr::memchr(0, &bytes[start..]).map_or(bytes.len(), |i| start + i);
                }
                let effective_end = if next_nul < newline_at {
                    let at = self.span(next_nul..next_nul + 1);
                    self.diagnostics.push(diag::nul_byte(at));
                    next_nul
                } else {
                    newline_at
                };
                let line = &bytes[start..effective_end];
                if next_semicolon < start {
                    next_semicolon =
                        memchr::memchr(b';', &bytes[start..]).map_or(bytes.len(), |i| start + i);
                }
                if depth == 0 && next_semicolon >= effective_end {
                    // The common line: outside any block comment and without a `;`, so all
                    // of it is code. Same tokens as `line` with one piece, without the split.
                    open_block = None;
                    self.plain_line(line_no, bytes, start, effective_end);
                    self.push(K::IGNORED, newline_at);
                    self.push(K::NEWLINE, next);
                    pos = next;
                    continue;
                }
                if next_semicolon < effective_end {
                    split_line(line, &mut depth, &mut split);
                } else {
                    split_line_without_semicolon(line.len(), depth, &mut split);
                }
                if let (Some(p), None) = (split.opened_at, open_block) {
                    open_block = Some(start + p);
                }
                if depth == 0 {
                    open_block = None;
                }
                if let (Some(p), false) = (split.stray_close_at, stray_seen) {
                    stray_seen = true;
                    let at = self.span(start + p..start + p + 3);
                    self.diagnostics.push(diag::stray_block_end(at));
                }
                if let Some(p) = split.too_deep_at {
                    let at = self.span(start + p..start + p + 3);
                    self.diagnostics.push(diag::block_too_deep(at));
                }
                self.line(line_no, bytes, start, effective_end, &split);
                self.push(K::IGNORED, newline_at);
            }
            self.push(K::NEWLINE, next);
            pos = next;
        }
        if let (Some(at), true) = (open_block, depth > 0) {
            let span = self.span(at..at + 3);
            self.diagnostics.push(diag::unterminated_block(span));
        }
        // Give back what the estimates over-reserved (in place: no copy).
        self.tree.token_starts.shrink_to_fit();
        self.tree.token_kinds.shrink_to_fit();
        self.tree.headers.shrink_to_fit();
        self.tree.header_options.shrink_to_fit();
        Parse {
            tree: self.tree,
            diagnostics: self.diagnostics,
        }
    }

    /// Tokens and node for a line that is all code (no comment, no block comment).
    #[inline]
    fn plain_line(&mut self, line_no: u32, bytes: &[u8], start: usize, end: usize) {
        let (s, e) = strip(bytes, start, end);
        if s < e {
            let kind = self.code(line_no, &bytes[s..e], Code::Contiguous(s));
            self.tree.lines[line_no as usize].kind = PackedLineKind::new(kind);
        }
        self.push(K::WHITESPACE, end);
    }

    /// Tokens and node for one line, from its comment split.
    fn line(&mut self, line_no: u32, bytes: &[u8], start: usize, end: usize, split: &Split) {
        // The pieces, as file offsets (no allocation: this runs for every line).
        let piece = |r: &Range<usize>| start + r.start..start + r.end;
        let gap_kind = |gap_start: usize| match split.region_of_gap(gap_start - start) {
            Region::Comment => K::COMMENT,
            Region::Block => K::BLOCK_COMMENT,
            Region::Hidden => K::IGNORED,
        };
        match split.pieces.as_slice() {
            [] => {}
            [only] => {
                let only = piece(only);
                let gap = self.cursor;
                if only.start > gap {
                    let kind = gap_kind(gap);
                    self.push(kind, only.start);
                }
                let (s, e) = strip(bytes, only.start, only.end);
                if s < e {
                    let kind = self.code(line_no, &bytes[s..e], Code::Contiguous(s));
                    self.tree.lines[line_no as usize].kind = PackedLineKind::new(kind);
                }
                self.push(K::WHITESPACE, only.end);
            }
            several => {
                let mut assembled = Vec::new();
                for relative in several {
                    let piece = piece(relative);
                    let gap = self.cursor;
                    if piece.start > gap {
                        let kind = gap_kind(gap);
                        self.push(kind, piece.start);
                    }
                    self.push(K::SPLICED, piece.end);
                    assembled.extend_from_slice(&bytes[piece]);
                }
                let (s, e) = strip(&assembled, 0, assembled.len());
                if s < e {
                    let first = piece(&several[0]);
                    let last = piece(&several[several.len() - 1]);
                    let at = self.span(first.start..last.end);
                    let code = assembled[s..e].to_vec();
                    let kind = self.code(line_no, &code, Code::Assembled { bytes: &code, at });
                    self.tree.lines[line_no as usize].kind = PackedLineKind::new(kind);
                }
            }
        }
        // What follows the last piece: a comment or block comment to the end of the line.
        let gap = self.cursor;
        if end > gap {
            let kind = gap_kind(gap);
            self.push(kind, end);
        }
    }

    /// Parse trimmed code; push its tokens (contiguous code only) and nodes.
    fn code(&mut self, line_no: u32, code: &[u8], at: Code<'_>) -> LineKind {
        let syntax = parse_code(code);
        let (base, contiguous) = match at {
            Code::Contiguous(base) => (base, true),
            Code::Assembled { .. } => (0, false),
        };
        let whole = match &at {
            Code::Contiguous(base) => self.span(*base..*base + code.len()),
            Code::Assembled { at, .. } => *at,
        };
        let text = |b: &mut Self, r: Range<usize>| match &at {
            Code::Contiguous(base) => Text::at(b.span(base + r.start..base + r.end)),
            Code::Assembled { bytes, at } => {
                b.tree
                    .assembled_texts
                    .push(bytes[r].to_vec().into_boxed_slice());
                Text {
                    span: *at,
                    assembled: b.tree.assembled_texts.len() as u32,
                }
            }
        };
        let span_of = |b: &Self, r: Range<usize>| match &at {
            Code::Contiguous(base) => b.span(base + r.start..base + r.end),
            Code::Assembled { at, .. } => *at,
        };
        match syntax {
            LineSyntax::Header(h) => {
                if contiguous {
                    self.push_at(K::L_BRACKET, base..base + 1);
                    self.push_at(K::SECTION_NAME, base + h.name.start..base + h.name.end);
                }
                if !h.closed {
                    self.diagnostics.push(diag::unclosed_bracket(whole));
                    return LineKind::Error;
                }
                if contiguous {
                    self.push_at(K::R_BRACKET, base + h.name.end..base + h.name.end + 1);
                }
                // Options go straight into the tree's one array of header options.
                let first_option = self.tree.header_options.len() as u32;
                if let Some(open) = h.open_paren {
                    if contiguous {
                        self.push_at(K::L_PAREN, base + open..base + open + 1);
                    }
                    match h.close_paren {
                        None => {
                            let at = span_of(self, open..code.len());
                            self.diagnostics.push(diag::unclosed_paren(at));
                            if contiguous {
                                self.push_at(K::ERROR, base + open + 1..base + code.len());
                            }
                        }
                        Some(close) => {
                            for (i, entry) in h.entries(code).enumerate() {
                                if i > 0 && contiguous {
                                    self.push_at(
                                        K::COMMA,
                                        base + entry.start - 1..base + entry.start,
                                    );
                                }
                                let bytes = &code[entry.clone()];
                                let entry_span = span_of(self, entry.clone());
                                if bytes == b"!" {
                                    if contiguous {
                                        self.push_at(K::BANG, base + entry.start..base + entry.end);
                                    }
                                    self.tree
                                        .header_options
                                        .push(HeaderOption::Template(entry_span));
                                } else if bytes.first() == Some(&b'+') {
                                    if contiguous {
                                        self.push_at(
                                            K::PLUS,
                                            base + entry.start..base + entry.start + 1,
                                        );
                                        self.push_at(
                                            K::FILTER,
                                            base + entry.start + 1..base + entry.end,
                                        );
                                    }
                                    let filter = text(self, entry.start + 1..entry.end);
                                    self.tree
                                        .header_options
                                        .push(HeaderOption::Append { filter });
                                } else {
                                    if bytes.is_empty() {
                                        let at = match &at {
                                            Code::Contiguous(b) => {
                                                self.span(b + entry.start..b + entry.start)
                                            }
                                            Code::Assembled { at, .. } => *at,
                                        };
                                        self.diagnostics.push(diag::empty_parent(at));
                                    }
                                    if contiguous {
                                        self.push_at(
                                            K::PARENT,
                                            base + entry.start..base + entry.end,
                                        );
                                    }
                                    let parent = text(self, entry.clone());
                                    self.tree.header_options.push(HeaderOption::Parent(parent));
                                }
                            }
                            if contiguous {
                                self.push_at(K::R_PAREN, base + close..base + close + 1);
                            }
                        }
                    }
                }
                if let Some(trailing) = h.trailing.clone() {
                    let after = if h.close_paren.is_some() { ")" } else { "]" };
                    let at = span_of(self, trailing.clone());
                    self.diagnostics.push(diag::header_trailing(at, after));
                    if contiguous {
                        self.push_at(K::TRAILING, base + trailing.start..base + trailing.end);
                    }
                }
                let index = self.tree.headers.len() as u32;
                let name = text(self, h.name.clone());
                let option_count = self.tree.header_options.len() as u32 - first_option;
                self.tree.headers.push(HeaderNode {
                    line: line_no,
                    name,
                    options: (first_option, option_count),
                });
                LineKind::Header(index)
            }
            LineSyntax::Directive(d) => {
                if contiguous {
                    self.push_at(K::HASH, base..base + 1);
                    self.push_at(K::DIRECTIVE_NAME, base + d.name.start..base + d.name.end);
                    if let Some(arg) = d.argument.clone() {
                        self.push_at(K::DIRECTIVE_ARG, base + arg.start..base + arg.end);
                    }
                }
                let name_bytes = &code[d.name.clone()];
                let name = decode(name_bytes).into_owned();
                let kind = match name.to_ascii_lowercase().as_str() {
                    "include" => DirectiveKind::Include,
                    "tryinclude" => DirectiveKind::TryInclude,
                    "exec" => DirectiveKind::Exec,
                    _ => DirectiveKind::Unknown,
                };
                match kind {
                    DirectiveKind::Unknown => {
                        self.diagnostics.push(diag::unknown_directive(whole, &name));
                    }
                    DirectiveKind::Exec => self.diagnostics.push(diag::exec_refused(whole)),
                    _ if d.dequoted.is_none() => self
                        .diagnostics
                        .push(diag::directive_without_argument(whole, &name)),
                    _ => {}
                }
                let index = self.tree.directives.len() as u32;
                let argument = d.dequoted.map(|r| text(self, r));
                let name = text(self, d.name);
                self.tree.directives.push(DirectiveNode {
                    line: line_no,
                    kind,
                    name,
                    argument,
                });
                LineKind::Directive(index)
            }
            LineSyntax::Item(item) => {
                if contiguous {
                    self.push_at(K::KEY, base + item.key.start..base + item.key.end);
                    let op_kind = match item.op {
                        Op::Assign => K::EQ,
                        Op::Object => K::ARROW,
                        Op::Append => K::PLUS_EQ,
                    };
                    self.push_at(
                        op_kind,
                        base + item.op_range.start..base + item.op_range.end,
                    );
                    self.push_at(K::VALUE, base + item.value.start..base + item.value.end);
                }
                if item.key.is_empty() {
                    let at = span_of(self, item.op_range.clone());
                    self.diagnostics.push(diag::empty_option_name(at));
                    return LineKind::Error;
                }
                if self.role == FileRole::TopLevel && self.tree.headers.is_empty() {
                    let at = span_of(self, item.key.clone());
                    self.diagnostics.push(diag::option_before_section(at));
                }
                if !contiguous {
                    let operator = match item.op {
                        Op::Assign => Operator::Assign,
                        Op::Object => Operator::Object,
                        Op::Append => Operator::Append,
                    };
                    let assembled = AssembledItem {
                        line: line_no,
                        key: text(self, item.key.clone()),
                        operator,
                        value: text(self, item.value.clone()),
                        append_text: text(self, item.op_range.end..code.len()),
                    };
                    self.tree.assembled.push(assembled);
                }
                LineKind::Item
            }
            LineSyntax::NoEquals => {
                self.diagnostics.push(diag::missing_equals(whole));
                if contiguous {
                    self.push_at(K::ERROR, base..base + code.len());
                }
                LineKind::Error
            }
            LineSyntax::InvalidEscape => {
                self.diagnostics.push(diag::invalid_escape(whole));
                if contiguous {
                    self.push_at(K::ERROR, base..base + code.len());
                }
                LineKind::Error
            }
        }
    }
}
