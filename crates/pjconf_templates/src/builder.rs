//! [`GraphBuilder`]: the graph from any source, one header at a time.

use pjconf_diagnostics::Span;
use pjconf_syntax::Operator;

use crate::engine::{any_order, defined_above};
use crate::graph::{Lookup, TemplateGraph};
use crate::model::{Header, HeaderEntry, HeaderId, Line, LineRec, NO_LINE, TextArena};

/// Collects section headers, their option lists and their lines, in reading order, then
/// builds the [`TemplateGraph`]. Independent of files: a parsed configuration
/// ([`TemplateGraph::from_config`]) and a multi-tenant model use it alike.
///
/// The calls on one header are kept in order, as they matter to config.c: `(!,+)` marks the
/// section being extended as a template, `(a,+)` moves what was inherited from `a` into it.
///
/// ```
/// use pjconf_diagnostics::{FileId, Span};
/// use pjconf_templates::{GraphBuilder, Line, Lookup};
///
/// let at = Span::new(FileId(0), 0, 1);
/// let mut b = GraphBuilder::new(Lookup::AnyOrder);
/// // A child may come before its template in the order-free model.
/// let alice = b.section("alice", at);
/// b.parent(alice, "phone", at);
/// b.line(alice, Line::assign("callerid", "Alice <100>", at));
/// let phone = b.section("phone", at);
/// b.template(phone, at);
/// b.line(phone, Line::assign("type", "endpoint", at));
/// let graph = b.build();
/// assert!(graph.diagnostics().is_empty());
/// let alice = graph.section(graph.find("alice")[0]);
/// let keys: Vec<_> = alice.values().map(|v| v.key()).collect();
/// assert_eq!(keys, ["type", "callerid"]);
/// assert_eq!(alice.section_type(), Some("endpoint"));
/// ```
#[derive(Debug, Clone)]
pub struct GraphBuilder {
    lookup: Lookup,
    headers: Vec<Header>,
    /// The text of every line's name and value.
    text: TextArena,
    /// Every line, each header's linked from [`Header::first_line`].
    lines: Vec<LineRec>,
}

impl GraphBuilder {
    /// An empty builder looking parents up as `lookup` says.
    pub fn new(lookup: Lookup) -> Self {
        GraphBuilder {
            lookup,
            headers: Vec::new(),
            text: TextArena::default(),
            lines: Vec::new(),
        }
    }

    /// A header `[name]` that starts a new section.
    pub fn section(&mut self, name: impl Into<String>, name_span: Span) -> HeaderId {
        self.header(name, name_span, name_span)
    }

    /// A header `[name]`, with `span` covering the whole header line (for diagnostics).
    pub fn header(&mut self, name: impl Into<String>, name_span: Span, span: Span) -> HeaderId {
        self.headers.push(Header {
            name: name.into(),
            name_span,
            span,
            entries: Vec::new(),
            first_line: NO_LINE,
            last_line: NO_LINE,
            line_count: 0,
        });
        HeaderId(self.headers.len() as u32 - 1)
    }

    /// A header `[name](+filter)` that adds to an existing section (`filter` empty for a
    /// plain `+`; see [`crate::CategoryFilter`]).
    pub fn extension(
        &mut self,
        name: impl Into<String>,
        name_span: Span,
        filter: impl Into<String>,
        filter_span: Span,
    ) -> HeaderId {
        let id = self.section(name, name_span);
        self.extend(id, filter, filter_span);
        id
    }

    fn get(&mut self, header: HeaderId) -> &mut Header {
        &mut self.headers[header.0 as usize]
    }

    /// Add `!` to the header's option list.
    pub fn template(&mut self, header: HeaderId, span: Span) {
        self.get(header).entries.push(HeaderEntry::Template(span));
    }

    /// Add a parent name to the header's option list (kept exactly, blanks included).
    pub fn parent(&mut self, header: HeaderId, name: impl Into<String>, span: Span) {
        let name = name.into();
        self.get(header)
            .entries
            .push(HeaderEntry::Parent { name, span });
    }

    /// Add `+filter` to the header's option list.
    pub fn extend(&mut self, header: HeaderId, filter: impl Into<String>, span: Span) {
        let filter = filter.into();
        self.get(header)
            .entries
            .push(HeaderEntry::Extend { filter, span });
    }

    /// Add an option line under the header.
    pub fn line(&mut self, header: HeaderId, line: Line) {
        self.line_parts(
            header,
            LineParts {
                key: &line.key,
                operator: line.operator,
                value: &line.value,
                append_text: &line.append_text,
                key_span: line.key_span,
                value_span: line.value_span,
                span: line.span,
            },
        );
    }

    /// [`GraphBuilder::line`] from borrowed text, copied into the builder's arena.
    pub(crate) fn line_parts(&mut self, header: HeaderId, line: LineParts<'_>) {
        let append_text = if line.operator == Operator::Append {
            self.text.push(line.append_text)
        } else {
            Default::default()
        };
        let rec = LineRec {
            key: self.text.push(line.key),
            operator: line.operator,
            value: self.text.push(line.value),
            append_text,
            key_span: line.key_span,
            value_span: line.value_span,
            span: line.span,
            next: NO_LINE,
        };
        let at = u32::try_from(self.lines.len()).expect("more than 4 billion lines");
        self.lines.push(rec);
        let h = &mut self.headers[header.0 as usize];
        match h.last_line {
            NO_LINE => h.first_line = at,
            last => self.lines[last as usize].next = at,
        }
        h.last_line = at;
        h.line_count += 1;
    }

    /// Make room for about `lines` more headers and option lines.
    pub(crate) fn reserve(&mut self, lines: usize) {
        self.lines.reserve(lines);
        self.headers.reserve(lines / 4);
        self.text.reserve(lines * 16);
    }

    /// Number of headers so far.
    pub fn len(&self) -> usize {
        self.headers.len()
    }

    /// True when no header was added.
    pub fn is_empty(&self) -> bool {
        self.headers.is_empty()
    }

    /// Resolve everything: look parents up, merge values, index dependents, report problems.
    pub fn build(self) -> TemplateGraph {
        let built = match self.lookup {
            Lookup::DefinedAbove => defined_above::run(self.headers, &self.lines, self.text),
            Lookup::AnyOrder => any_order::run(self.headers, &self.lines, self.text),
        };
        TemplateGraph::finish(built, self.lookup)
    }
}

/// The fields of a [`Line`], borrowed.
pub(crate) struct LineParts<'t> {
    pub(crate) key: &'t str,
    pub(crate) operator: Operator,
    pub(crate) value: &'t str,
    pub(crate) append_text: &'t str,
    pub(crate) key_span: Span,
    pub(crate) value_span: Span,
    pub(crate) span: Span,
}
