//! A loaded configuration (all its included files) into the graph, in Asterisk's reading
//! order.

use pjconf_diagnostics::Span;
use pjconf_syntax::{HeaderOption, LineKind, LoadedConfig, Operator, SyntaxTree};

use std::borrow::Cow;

use crate::builder::{GraphBuilder, LineParts};
use crate::graph::{Lookup, TemplateGraph};
use crate::model::HeaderId;

impl TemplateGraph {
    /// The graph of a loaded configuration, read as main/config.c reads it
    /// ([`Lookup::DefinedAbove`]): headers and lines in [`LoadedConfig::walk`] order, so an
    /// included file continues the section it is included in. Lines before any header are
    /// skipped (the syntax stage reports them).
    ///
    /// ```
    /// use pjconf_syntax::{LoadOptions, MemoryLoader, load};
    /// use pjconf_templates::TemplateGraph;
    ///
    /// let mut files = MemoryLoader::new();
    /// files.insert(
    ///     "pjsip.conf",
    ///     "[base](!)\ndisallow=all\nallow=ulaw\n[prefs](!,base)\ncontext=office\n\
    ///      [webrtc](!)\nallow=opus\ncontext=webrtc\n[alice](prefs,webrtc)\ntype=endpoint\n",
    /// );
    /// let config = load(&files, "pjsip.conf", &LoadOptions::default()).unwrap();
    /// let graph = TemplateGraph::from_config(&config);
    /// assert!(graph.diagnostics().is_empty());
    /// let alice = graph.section(graph.find("alice")[0]);
    /// let lines: Vec<String> = alice.values().map(|v| format!("{}={}", v.key(), v.value())).collect();
    /// assert_eq!(
    ///     lines,
    ///     ["disallow=all", "allow=ulaw", "context=office", "allow=opus", "context=webrtc", "type=endpoint"]
    /// );
    /// let allow = alice.get("context").unwrap();
    /// let chain: Vec<&str> = allow.chain().map(|s| graph.name(s)).collect();
    /// assert_eq!(chain, ["alice", "webrtc"]);
    /// ```
    pub fn from_config(config: &LoadedConfig) -> TemplateGraph {
        builder_from_config(config, Lookup::DefinedAbove).build()
    }
}

/// A builder filled with the headers and lines of `config`, in reading order, for `lookup`:
/// add more headers before building, or read a file as an order-free model.
///
/// ```
/// use pjconf_syntax::{LoadOptions, MemoryLoader, load};
/// use pjconf_templates::{Lookup, builder_from_config, codes};
///
/// let mut files = MemoryLoader::new();
/// files.insert("pjsip.conf", "[alice](phone)\ntype=endpoint\n[phone](!)\ncontext=a\n");
/// let config = load(&files, "pjsip.conf", &LoadOptions::default()).unwrap();
/// // As Asterisk reads it, `phone` is defined too late...
/// let file = builder_from_config(&config, Lookup::DefinedAbove).build();
/// assert_eq!(file.diagnostics()[0].code, codes::PARENT_DEFINED_BELOW);
/// // ...while the order-free model resolves it.
/// let model = builder_from_config(&config, Lookup::AnyOrder).build();
/// assert!(model.diagnostics().is_empty());
/// assert_eq!(model.section(model.find("alice")[0]).len(), 2);
/// ```
pub fn builder_from_config(config: &LoadedConfig, lookup: Lookup) -> GraphBuilder {
    let mut b = GraphBuilder::new(lookup);
    // Every walked line is at most one header or option line.
    b.reserve(config.walk().len());
    let mut current: Option<HeaderId> = None;
    for entry in config.walk() {
        let tree = config.tree(entry.file);
        match tree.line_kind(entry.line as usize) {
            LineKind::Header(index) => {
                current = Some(add_header(&mut b, tree, index, entry.line));
            }
            LineKind::Item => {
                let (Some(h), Some(item)) = (current, tree.item(entry.line)) else {
                    continue;
                };
                let operator = item.operator();
                // Only `+=` needs the raw text; skip it for every other line.
                let append_text = match operator {
                    Operator::Append => item.append_text(),
                    _ => Cow::Borrowed(""),
                };
                b.line_parts(
                    h,
                    LineParts {
                        key: &item.key(),
                        operator,
                        value: &item.value(),
                        append_text: &append_text,
                        key_span: item.key_span(),
                        value_span: item.value_span(),
                        span: item.span(),
                    },
                );
            }
            _ => {}
        }
    }
    b
}

fn add_header(b: &mut GraphBuilder, tree: &SyntaxTree, index: u32, line: u32) -> HeaderId {
    let node = tree.header(index);
    let id = b.header(
        tree.text_of(&node.name).into_owned(),
        node.name.span,
        content_span(tree, line),
    );
    for option in tree.header_options(node) {
        match option {
            HeaderOption::Template(span) => b.template(id, *span),
            HeaderOption::Parent(text) => b.parent(id, tree.text_of(text).into_owned(), text.span),
            option @ HeaderOption::Append { filter } => {
                b.extend(id, tree.text_of(filter).into_owned(), option.span())
            }
        }
    }
    id
}

/// The span of a line without its comment, trailing blanks and newline.
fn content_span(tree: &SyntaxTree, line: u32) -> Span {
    let mut tokens = tree
        .line_tokens(line as usize)
        .filter(|t| !t.kind.is_trivia());
    match tokens.next() {
        Some(first) => {
            let last = tokens.last().unwrap_or(first);
            Span::new(first.span.file, first.span.start, last.span.end)
        }
        None => tree.line_span(line as usize),
    }
}
