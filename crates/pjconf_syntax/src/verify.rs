//! Self-check of a parse against its input: the lossless contract as a function, shared by the
//! round-trip property tests and the fuzz target, and usable by any caller that wants to
//! assert it on its own files.

use pjconf_diagnostics::Span;

use crate::Parse;

impl Parse {
    /// Check the lossless contract against `input` (the bytes that were parsed):
    /// the tree reprints `input` byte for byte; tokens, and lines, are non-empty, contiguous
    /// and cover `input` exactly; every diagnostic span (primary, labels, fix edits) and every
    /// span of the typed views (sections, parents, items, directives) lies inside `input` and
    /// in the tree's file. Returns the first violation found.
    ///
    /// ```
    /// use pjconf_diagnostics::FileId;
    ///
    /// let input = b"[a](!)\r\nkey => v\\;x ; comment\n#include \"x\"\n";
    /// let parsed = pjconf_syntax::parse(FileId(0), input.to_vec());
    /// assert_eq!(parsed.verify(input), Ok(()));
    /// ```
    pub fn verify(&self, input: &[u8]) -> Result<(), String> {
        let tree = &self.tree;
        if tree.reprint() != input {
            return Err("reprint differs from the input".into());
        }
        let mut cursor = 0u32;
        for (i, token) in tree.tokens().enumerate() {
            if token.span.start != cursor {
                return Err(format!("token {i} ({:?}) is not contiguous", token.kind));
            }
            if token.span.is_empty() {
                return Err(format!("token {i} ({:?}) is empty", token.kind));
            }
            cursor = token.span.end;
        }
        if cursor as usize != input.len() {
            return Err("tokens do not cover the input".into());
        }
        let mut cursor = 0u32;
        for line in 0..tree.line_count() {
            let span = tree.line_span(line);
            if span.start != cursor || span.is_empty() {
                return Err(format!("line {line} is empty or not contiguous"));
            }
            cursor = span.end;
        }
        if cursor as usize != input.len() {
            return Err("lines do not cover the input".into());
        }
        let check = |what: &str, span: Span| -> Result<(), String> {
            if span.file != tree.file() || span.start > span.end || span.end as usize > input.len()
            {
                return Err(format!(
                    "{what}: span {span:?} outside the input of {} bytes",
                    input.len()
                ));
            }
            Ok(())
        };
        for d in &self.diagnostics {
            let what = format!("diagnostic {}", d.code);
            check(&what, d.primary.span)?;
            for label in &d.secondary {
                check(&what, label.span)?;
            }
            for edit in d.fix.iter().flat_map(|f| &f.edits) {
                check(&what, edit.span)?;
            }
        }
        for section in tree.sections() {
            let _ = (section.name(), section.is_template());
            check("section name", section.name_span())?;
            check("section header", section.header_span())?;
            for (_, span) in section.parents() {
                check("parent", span)?;
            }
            if let Some((_, span)) = section.append_filter() {
                check("append filter", span)?;
            }
            for item in section.items() {
                let _ = (
                    item.key(),
                    item.value(),
                    item.operator(),
                    item.append_text(),
                );
                check("item key", item.key_span())?;
                check("item value", item.value_span())?;
                check("item", item.span())?;
            }
        }
        for item in tree.preamble_items() {
            let _ = (item.key(), item.value(), item.append_text());
            check("preamble item", item.span())?;
        }
        for directive in tree.directives() {
            check("directive name", directive.name.span)?;
            if let Some(arg) = &directive.argument {
                check("directive argument", arg.span)?;
            }
        }
        Ok(())
    }
}
