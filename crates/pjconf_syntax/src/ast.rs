//! Typed views over the tree: sections, their headers and their option lines.

use std::borrow::Cow;

use pjconf_diagnostics::Span;

use crate::text::{decode, decode_value};
use crate::tree::{AssembledItem, HeaderNode, HeaderOption, LineKind, Operator, SectionNode, Text};
use crate::{SyntaxKind, SyntaxTree};

impl SyntaxTree {
    /// Every section, in file order (a header whose `]` is missing starts no section).
    pub fn sections(&self) -> impl Iterator<Item = Section<'_>> {
        // One section per header (a header whose `]` is missing is not a header): its lines
        // run to the next header.
        (0..self.headers.len()).map(move |index| {
            let first_line = self.headers[index].line + 1;
            let end_line = self
                .headers
                .get(index + 1)
                .map_or(self.lines.len() as u32, |next| next.line);
            Section {
                tree: self,
                node: SectionNode {
                    header: index as u32,
                    first_line,
                    end_line,
                },
            }
        })
    }

    /// Option lines before the first section header (an error in a top-level file, and the
    /// continuation of the including section in an included one).
    pub fn preamble_items(&self) -> impl Iterator<Item = Item<'_>> {
        let end = self
            .headers
            .first()
            .map_or(self.lines.len() as u32, |h| h.line);
        self.items_in(0, end)
    }

    /// Option lines among lines `start..end`.
    pub(crate) fn items_in(&self, start: u32, end: u32) -> impl Iterator<Item = Item<'_>> {
        (start..end)
            .filter(move |&l| self.lines[l as usize].kind == LineKind::Item)
            .map(move |line| Item::new(self, line))
    }

    /// The option line on 0-based `line`, if it is one.
    pub fn item(&self, line: u32) -> Option<Item<'_>> {
        (self.lines.get(line as usize)?.kind == LineKind::Item).then(|| Item::new(self, line))
    }

    /// Decoded text of `text` (UTF-8, or Latin-1 when not valid UTF-8).
    pub fn text_of<'a>(&'a self, text: &'a Text) -> Cow<'a, str> {
        decode(self.text_bytes(text))
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
        self.tree
            .header_options(self.header())
            .iter()
            .any(|o| matches!(o, HeaderOption::Template(_)))
    }

    /// The parent names, in order, as written (not trimmed).
    pub fn parents(&self) -> impl Iterator<Item = (Cow<'a, str>, Span)> + 'a {
        let tree = self.tree;
        let options = tree.header_options(self.header());
        options.iter().filter_map(move |o| match o {
            HeaderOption::Parent(t) => Some((tree.text_of(t), t.span)),
            _ => None,
        })
    }

    /// For `(+)` / `(+filter)`: the filter text (empty for a plain `+`) and its span.
    pub fn append_filter(&self) -> Option<(Cow<'a, str>, Span)> {
        self.tree
            .header_options(self.header())
            .iter()
            .find_map(|o| match o {
                option @ HeaderOption::Append { filter } => {
                    Some((self.tree.text_of(filter), option.span()))
                }
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
    /// The tokens the accessors read, found by one scan of the line.
    tokens: ItemTokens,
    /// The assembled text when an inline block comment splits the line (looked up once
    /// here: every accessor needs it, and the lookup is a binary search).
    assembled: Option<&'a AssembledItem>,
}

/// Token indexes in one line ([`NO_TOKEN`] when there is none).
#[derive(Debug, Clone, Copy)]
struct ItemTokens {
    /// The first `KEY`.
    key: u32,
    /// The first `=`, `=>` or `+=`.
    operator: u32,
    /// The first `VALUE`.
    value: u32,
    /// The first and the last token that is not trivia.
    first: u32,
    last: u32,
}

const NO_TOKEN: u32 = u32::MAX;

/// Which token an accessor reads.
#[derive(Clone, Copy)]
enum Part {
    Key,
    Operator,
    Value,
}

impl<'a> Item<'a> {
    fn new(tree: &'a SyntaxTree, line: u32) -> Self {
        let (first, end) = line_token_range(tree, line);
        let mut tokens = ItemTokens {
            key: NO_TOKEN,
            operator: NO_TOKEN,
            value: NO_TOKEN,
            first: NO_TOKEN,
            last: NO_TOKEN,
        };
        let mut other = NO_TOKEN;
        let mut spliced = false;
        for (index, &kind) in (first..end).zip(&tree.token_kinds[first..end]) {
            spliced |= kind == SyntaxKind::SPLICED;
            let index = index as u32;
            let slot = if kind == SyntaxKind::KEY {
                &mut tokens.key
            } else if kind == SyntaxKind::EQ
                || kind == SyntaxKind::ARROW
                || kind == SyntaxKind::PLUS_EQ
            {
                &mut tokens.operator
            } else if kind == SyntaxKind::VALUE {
                &mut tokens.value
            } else {
                &mut other
            };
            if *slot == NO_TOKEN {
                *slot = index;
            }
            if !kind.is_trivia() {
                if tokens.first == NO_TOKEN {
                    tokens.first = index;
                }
                tokens.last = index;
            }
        }
        // Only a line whose code an inline block comment splits is assembled.
        let assembled = if spliced {
            tree.assembled_item(line)
        } else {
            None
        };
        Item {
            tree,
            line,
            tokens,
            assembled,
        }
    }

    /// The 0-based line.
    pub fn line(&self) -> u32 {
        self.line
    }

    /// The first token of the line that is `part`.
    fn find(&self, part: Part) -> Option<crate::Token> {
        let index = match part {
            Part::Key => self.tokens.key,
            Part::Operator => self.tokens.operator,
            Part::Value => self.tokens.value,
        };
        (index != NO_TOKEN).then(|| token_at(self.tree, index as usize))
    }

    /// The option name as config.c stores it: trimmed, a leading `\` escape removed.
    pub fn key(&self) -> Cow<'a, str> {
        let bytes = match self.assembled {
            Some(a) => self.tree.text_bytes(&a.key),
            None => self
                .find(Part::Key)
                .map_or(&[][..], |t| &self.tree.text[t.span.range()]),
        };
        decode(bytes.strip_prefix(b"\\").unwrap_or(bytes))
    }

    /// Where the name is.
    pub fn key_span(&self) -> Span {
        match self.assembled {
            Some(a) => a.key.span,
            None => self.find(Part::Key).map_or(self.span(), |t| t.span),
        }
    }

    /// The operator.
    pub fn operator(&self) -> Operator {
        if let Some(a) = self.assembled {
            return a.operator;
        }
        match self.find(Part::Operator) {
            Some(t) if t.kind == SyntaxKind::ARROW => Operator::Object,
            Some(t) if t.kind == SyntaxKind::PLUS_EQ => Operator::Append,
            _ => Operator::Assign,
        }
    }

    /// The value as config.c stores it: trimmed, `\;` read as `;`.
    pub fn value(&self) -> Cow<'a, str> {
        match self.assembled {
            Some(a) => decode_value(self.tree.text_bytes(&a.value)),
            None => self.find(Part::Value).map_or(Cow::Borrowed(""), |t| {
                decode_plain_value(&self.tree.text[t.span.range()])
            }),
        }
    }

    /// Where the value is (empty, right after the operator, when there is no value).
    pub fn value_span(&self) -> Span {
        if let Some(a) = self.assembled {
            return a.value.span;
        }
        match self.find(Part::Value) {
            Some(t) => t.span,
            None => {
                let op = self.find(Part::Operator);
                op.map_or(self.span(), |t| Span::empty(t.span.file, t.span.end))
            }
        }
    }

    /// For `+=`: the text config.c appends to the earlier value, which keeps the blanks
    /// between the operator and the value (`allow += ,g722` appends `" ,g722"`).
    pub fn append_text(&self) -> Cow<'a, str> {
        if let Some(a) = self.assembled {
            return decode_value(self.tree.text_bytes(&a.append_text));
        }
        let Some(op) = self.find(Part::Operator) else {
            return Cow::Borrowed("");
        };
        let end = self.find(Part::Value).map_or(op.span.end, |t| t.span.end);
        decode_plain_value(&self.tree.text[op.span.end as usize..end as usize])
    }

    /// The span of the line's content (without its newline).
    pub fn span(&self) -> Span {
        let ItemTokens { first, last, .. } = self.tokens;
        if first == NO_TOKEN {
            return self.tree.line_span(self.line as usize);
        }
        let start = token_at(self.tree, first as usize).span;
        let end = token_at(self.tree, last as usize).span;
        Span::new(start.file, start.start, end.end)
    }
}

/// [`decode_value`], without its search for `\;` when the value has no backslash at all (the
/// common case, and a short value is found faster by one byte search).
fn decode_plain_value(bytes: &[u8]) -> Cow<'_, str> {
    if crate::parse::find_byte(b'\\', bytes).is_none() {
        decode(bytes)
    } else {
        decode_value(bytes)
    }
}

/// The span of 0-based `line` without its trailing comment, blanks and newline.
fn line_content_span(tree: &SyntaxTree, line: u32) -> Span {
    let (first, end) = line_token_range(tree, line);
    let kinds = &tree.token_kinds[first..end];
    let Some(a) = kinds.iter().position(|kind| !kind.is_trivia()) else {
        return tree.line_span(line as usize);
    };
    let b = kinds
        .iter()
        .rposition(|kind| !kind.is_trivia())
        .unwrap_or(a);
    let start = token_at(tree, first + a).span;
    let last = token_at(tree, first + b).span;
    Span::new(start.file, start.start, last.end)
}

/// The token indexes `first..end` of 0-based `line` (as [`SyntaxTree::line_tokens`]).
fn line_token_range(tree: &SyntaxTree, line: u32) -> (usize, usize) {
    let line = line as usize;
    let first = tree.lines[line].first_token as usize;
    let end = tree
        .lines
        .get(line + 1)
        .map_or(tree.token_starts.len(), |l| l.first_token as usize);
    (first, end)
}

/// Token `index` (as [`SyntaxTree::token`]).
fn token_at(tree: &SyntaxTree, index: usize) -> crate::Token {
    let start = tree.token_starts[index];
    let end = tree
        .token_starts
        .get(index + 1)
        .copied()
        .unwrap_or(tree.text.len() as u32);
    crate::Token {
        kind: tree.token_kinds[index],
        span: Span {
            file: tree.file,
            start,
            end: end.max(start),
        },
    }
}
