//! Typed views over the tree: sections, their headers and their option lines.

use std::borrow::Cow;

use pjconf_diagnostics::Span;

use crate::text::{decode, decode_value};
use crate::tree::{HeaderNode, HeaderOption, LineKind, Operator, SectionNode, Text};
use crate::{SyntaxKind, SyntaxTree};

impl SyntaxTree {
    /// Every section, in file order (a header whose `]` is missing starts no section).
    pub fn sections(&self) -> impl Iterator<Item = Section<'_>> {
        self.sections
            .iter()
            .map(move |&node| Section { tree: self, node })
    }

    /// Option lines before the first section header (an error in a top-level file, and the
    /// continuation of the including section in an included one).
    pub fn preamble_items(&self) -> impl Iterator<Item = Item<'_>> {
        let end = self
            .sections
            .first()
            .map_or(self.lines.len() as u32, |s| s.first_line - 1);
        self.items_in(0, end)
    }

    /// Option lines among lines `start..end`.
    pub(crate) fn items_in(&self, start: u32, end: u32) -> impl Iterator<Item = Item<'_>> {
        (start..end)
            .filter(move |&l| self.lines[l as usize].kind == LineKind::Item)
            .map(move |line| Item { tree: self, line })
    }

    /// The option line on 0-based `line`, if it is one.
    pub fn item(&self, line: u32) -> Option<Item<'_>> {
        (self.lines.get(line as usize)?.kind == LineKind::Item).then_some(Item { tree: self, line })
    }

    /// Decoded text of `text` (UTF-8, or Latin-1 when not valid UTF-8).
    pub fn text_of<'a>(&'a self, text: &'a Text) -> Cow<'a, str> {
        decode(text.bytes(&self.text))
    }
}

/// A section: header plus the lines up to the next header.
#[derive(Debug, Clone, Copy)]
pub struct Section<'a> {
    tree: &'a SyntaxTree,
    node: SectionNode,
}

impl<'a> Section<'a> {
    /// The header node.
    pub fn header(&self) -> &'a HeaderNode {
        &self.tree.headers[self.node.header as usize]
    }

    /// The 0-based line of the header.
    pub fn header_line(&self) -> u32 {
        self.header().line
    }

    /// The section name, exactly as written between `[` and `]`.
    pub fn name(&self) -> Cow<'a, str> {
        self.tree.text_of(&self.header().name)
    }

    /// Where the name is.
    pub fn name_span(&self) -> Span {
        self.header().name.span
    }

    /// True for `(!)`: a template, which Sorcery never turns into an object.
    pub fn is_template(&self) -> bool {
        self.header()
            .options
            .iter()
            .any(|o| matches!(o, HeaderOption::Template(_)))
    }

    /// The parent names, in order, as written (not trimmed).
    pub fn parents(&self) -> impl Iterator<Item = (Cow<'a, str>, Span)> + 'a {
        let tree = self.tree;
        self.header().options.iter().filter_map(move |o| match o {
            HeaderOption::Parent(t) => Some((tree.text_of(t), t.span)),
            _ => None,
        })
    }

    /// For `(+)` / `(+filter)`: the filter text (empty for a plain `+`) and its span.
    pub fn append_filter(&self) -> Option<(Cow<'a, str>, Span)> {
        self.header().options.iter().find_map(|o| match o {
            HeaderOption::Append { span, filter } => Some((self.tree.text_of(filter), *span)),
            _ => None,
        })
    }

    /// The option lines of the section, in order.
    pub fn items(&self) -> impl Iterator<Item = Item<'a>> + 'a {
        self.tree.items_in(self.node.first_line, self.node.end_line)
    }

    /// Lines `first..end` (0-based) after the header that belong to this section.
    pub fn body_lines(&self) -> std::ops::Range<u32> {
        self.node.first_line..self.node.end_line
    }

    /// The span of the header line (without its newline).
    pub fn header_span(&self) -> Span {
        line_content_span(self.tree, self.header_line())
    }
}

/// One option line: `key = value`, `key => value` or `key += value`.
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    tree: &'a SyntaxTree,
    line: u32,
}

impl<'a> Item<'a> {
    /// The 0-based line.
    pub fn line(&self) -> u32 {
        self.line
    }

    fn find(&self, kinds: &[SyntaxKind]) -> Option<crate::Token> {
        self.tree
            .line_tokens(self.line as usize)
            .find(|t| kinds.contains(&t.kind))
    }

    /// The option name as config.c stores it: trimmed, a leading `\` escape removed.
    pub fn key(&self) -> Cow<'a, str> {
        let bytes = match self.tree.assembled_item(self.line) {
            Some(a) => a.key.bytes(&self.tree.text),
            None => self
                .find(&[SyntaxKind::KEY])
                .map_or(&[][..], |t| &self.tree.text[t.span.range()]),
        };
        decode(bytes.strip_prefix(b"\\").unwrap_or(bytes))
    }

    /// Where the name is.
    pub fn key_span(&self) -> Span {
        match self.tree.assembled_item(self.line) {
            Some(a) => a.key.span,
            None => self
                .find(&[SyntaxKind::KEY])
                .map_or(self.span(), |t| t.span),
        }
    }

    /// The operator.
    pub fn operator(&self) -> Operator {
        if let Some(a) = self.tree.assembled_item(self.line) {
            return a.operator;
        }
        match self.find(&[SyntaxKind::EQ, SyntaxKind::ARROW, SyntaxKind::PLUS_EQ]) {
            Some(t) if t.kind == SyntaxKind::ARROW => Operator::Object,
            Some(t) if t.kind == SyntaxKind::PLUS_EQ => Operator::Append,
            _ => Operator::Assign,
        }
    }

    /// The value as config.c stores it: trimmed, `\;` read as `;`.
    pub fn value(&self) -> Cow<'a, str> {
        match self.tree.assembled_item(self.line) {
            Some(a) => decode_value(a.value.bytes(&self.tree.text)),
            None => self
                .find(&[SyntaxKind::VALUE])
                .map_or(Cow::Borrowed(""), |t| {
                    decode_value(&self.tree.text[t.span.range()])
                }),
        }
    }

    /// Where the value is (empty, right after the operator, when there is no value).
    pub fn value_span(&self) -> Span {
        if let Some(a) = self.tree.assembled_item(self.line) {
            return a.value.span;
        }
        match self.find(&[SyntaxKind::VALUE]) {
            Some(t) => t.span,
            None => {
                let op = self.find(&[SyntaxKind::EQ, SyntaxKind::ARROW, SyntaxKind::PLUS_EQ]);
                op.map_or(self.span(), |t| Span::empty(t.span.file, t.span.end))
            }
        }
    }

    /// For `+=`: the text config.c appends to the earlier value, which keeps the blanks
    /// between the operator and the value (`allow += ,g722` appends `" ,g722"`).
    pub fn append_text(&self) -> Cow<'a, str> {
        if let Some(a) = self.tree.assembled_item(self.line) {
            return decode_value(a.append_text.bytes(&self.tree.text));
        }
        let Some(op) = self.find(&[SyntaxKind::PLUS_EQ, SyntaxKind::EQ, SyntaxKind::ARROW]) else {
            return Cow::Borrowed("");
        };
        let end = self
            .find(&[SyntaxKind::VALUE])
            .map_or(op.span.end, |t| t.span.end);
        decode_value(&self.tree.text[op.span.end as usize..end as usize])
    }

    /// The span of the line's content (without its newline).
    pub fn span(&self) -> Span {
        line_content_span(self.tree, self.line)
    }
}

/// The span of 0-based `line` without its trailing comment, blanks and newline.
fn line_content_span(tree: &SyntaxTree, line: u32) -> Span {
    let mut first = None;
    let mut last = None;
    for token in tree.line_tokens(line as usize) {
        if !token.kind.is_trivia() {
            first.get_or_insert(token.span);
            last = Some(token.span);
        }
    }
    match (first, last) {
        (Some(a), Some(b)) => Span::new(a.file, a.start, b.end),
        _ => tree.line_span(line as usize),
    }
}
