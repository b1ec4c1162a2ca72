//! One tenant's part of the text, written while its elements are compiled, a chunk of
//! sections at a time.
//!
//! Why chunks: a section is a few dozen small allocations (names, keys, values); holding a
//! whole tenant's sections until one `emit` made every one of them long-lived, which is
//! the slow path of the allocator, and added them all to the peak memory. Written and
//! dropped a chunk at a time, they are reused at once.
//!
//! Why the text is the same as one `emit` of the whole document: `emit` writes each item on
//! its own, one `\n` between items, and the only thing it carries from one item to the next
//! is the set of earlier section names, which parent names are checked against. Every chunk
//! is written after the prefix (the tenant's comment and its template sections, the only
//! sections an element's parents name), so each chunk's text is the prefix's text followed by
//! exactly what the whole document has for those items, and its problems are the prefix's
//! followed by the chunk's own, in item order.

use pjconf_diagnostics::Diagnostic;
use pjconf_emit::{Document, EmitSection, emit};

/// Sections written per chunk (64 lines of 3 sections).
const CHUNK: usize = 192;

pub(crate) struct TenantWriter {
    /// The prefix items, then the pending chunk.
    doc: Document,
    /// How many items the prefix has (`None` while it is being built).
    prefix: Option<usize>,
    /// The prefix's text length and number of problems, as `emit` of the prefix alone gives.
    prefix_len: usize,
    prefix_problems: usize,
    text: String,
    problems: Vec<Diagnostic>,
    /// False when nothing is written (the tenant has errors): sections are dropped.
    enabled: bool,
}

impl TenantWriter {
    /// A writer whose prefix starts with `comment`.
    pub(crate) fn new(comment: String, enabled: bool) -> Self {
        let mut doc = Document::new();
        doc.push_comment(comment);
        TenantWriter {
            doc,
            prefix: None,
            prefix_len: 0,
            prefix_problems: 0,
            text: String::new(),
            problems: Vec::new(),
            enabled,
        }
    }

    /// Add a section: to the prefix until [`TenantWriter::end_prefix`], then to the chunk.
    pub(crate) fn push(&mut self, section: EmitSection) {
        if !self.enabled {
            return;
        }
        self.doc.push_section(section);
        if let Some(prefix) = self.prefix
            && self.doc.items.len() - prefix >= CHUNK
        {
            self.flush();
        }
    }

    /// The prefix is complete (comment and template sections).
    pub(crate) fn end_prefix(&mut self) {
        self.prefix = Some(self.doc.items.len());
        if !self.enabled {
            return;
        }
        match emit(&self.doc) {
            Ok(text) => {
                self.prefix_len = text.len();
                self.text = text;
            }
            Err(problems) => {
                self.prefix_problems = problems.len();
                self.problems = problems;
            }
        }
    }

    /// Write the pending chunk and drop its sections.
    fn flush(&mut self) {
        let prefix = self.prefix.unwrap_or(0);
        if !self.enabled || self.doc.items.len() == prefix {
            return;
        }
        match emit(&self.doc) {
            Ok(text) => self.text.push_str(&text[self.prefix_len..]),
            Err(problems) => self
                .problems
                .extend(problems.into_iter().skip(self.prefix_problems)),
        }
        self.doc.items.truncate(prefix);
    }

    /// The text, or every problem `emit` found.
    pub(crate) fn finish(mut self) -> Result<String, Vec<Diagnostic>> {
        if self.prefix.is_none() {
            self.end_prefix();
        }
        self.flush();
        if self.problems.is_empty() {
            Ok(self.text)
        } else {
            Err(self.problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use pjconf_emit::{Document, EmitSection, emit};

    use super::{CHUNK, TenantWriter};

    /// The writer against one `emit` of the same document, for `n` sections after the
    /// prefix; `bad` says which of them get a value `emit` refuses.
    fn same_as_one_emit(prefix: &[EmitSection], n: usize, bad: &dyn Fn(usize) -> bool) {
        let section = |i: usize| {
            let value = if bad(i) {
                "two\nlines".to_string()
            } else {
                format!("v{i}")
            };
            EmitSection::new(format!("s{i}"))
                .with_parents(["base"])
                .with_option("k", value)
        };
        let mut whole = Document::new();
        whole.push_comment("tenant t");
        let mut writer = TenantWriter::new("tenant t".into(), true);
        for s in prefix {
            whole.push_section(s.clone());
            writer.push(s.clone());
        }
        writer.end_prefix();
        for i in 0..n {
            whole.push_section(section(i));
            writer.push(section(i));
        }
        assert_eq!(writer.finish(), emit(&whole));
    }

    #[test]
    fn chunks_write_what_one_emit_writes() {
        let base = || {
            EmitSection::new("base")
                .template()
                .with_option("context", "c")
        };
        for n in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 7] {
            same_as_one_emit(&[base()], n, &|_| false);
            // Problems in the first, a middle and the last chunk.
            same_as_one_emit(&[base()], n, &|i| i == 0 || i == CHUNK + 3 || i + 1 == n);
            // A problem in the prefix: reported once, before the chunks' own.
            let bad_base = base().with_option("x", "a\nb");
            same_as_one_emit(&[bad_base], n, &|i| i % 100 == 5);
            // No prefix section: every parent is unknown.
            same_as_one_emit(&[], n, &|_| false);
        }
    }
}
