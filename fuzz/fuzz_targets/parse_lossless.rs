//! Fuzz target: `pjconf_syntax::parse` on arbitrary bytes.
//!
//! Oracle (any failure aborts the run and libFuzzer saves the input):
//! - `parse` does not panic, as a top-level file and as an included one;
//! - `tree.reprint()` equals the input byte for byte;
//! - the tokens are non-empty, contiguous, and cover the input exactly, and so are the lines;
//! - every diagnostic span (primary, secondary labels, fix edits) lies within the input;
//! - the typed views (sections, items, directives) do not panic and give in-bounds spans.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pjconf_diagnostics::{FileId, Span};
use pjconf_syntax::{FileRole, Parse, parse_as};

fn check_span(what: &str, span: Span, len: usize) {
    assert_eq!(span.file, FileId(0), "{what}: wrong file in {span:?}");
    assert!(
        span.start <= span.end && span.end as usize <= len,
        "{what}: span {span:?} outside the input of {len} bytes"
    );
}

fn check(parsed: &Parse, input: &[u8]) {
    let tree = &parsed.tree;
    assert!(tree.reprint() == input, "reprint differs from the input");

    let mut cursor = 0u32;
    for (i, token) in tree.tokens().enumerate() {
        assert_eq!(
            token.span.start, cursor,
            "token {i} ({:?}) is not contiguous",
            token.kind
        );
        assert!(
            token.span.end > token.span.start,
            "token {i} ({:?}) is empty",
            token.kind
        );
        cursor = token.span.end;
    }
    assert_eq!(
        cursor as usize,
        input.len(),
        "tokens do not cover the input"
    );

    let mut line_cursor = 0u32;
    for line in 0..tree.line_count() {
        let span = tree.line_span(line);
        assert_eq!(span.start, line_cursor, "line {line} is not contiguous");
        assert!(span.end > span.start, "line {line} is empty");
        line_cursor = span.end;
    }
    assert_eq!(
        line_cursor as usize,
        input.len(),
        "lines do not cover the input"
    );

    for d in &parsed.diagnostics {
        let what = format!("diagnostic {}", d.code);
        check_span(&what, d.primary.span, input.len());
        for label in &d.secondary {
            check_span(&what, label.span, input.len());
        }
        if let Some(fix) = &d.fix {
            for edit in &fix.edits {
                check_span(&what, edit.span, input.len());
            }
        }
    }

    let len = input.len();
    for section in tree.sections() {
        let _ = (section.name(), section.is_template());
        check_span("section name", section.name_span(), len);
        check_span("section header", section.header_span(), len);
        for (_, span) in section.parents() {
            check_span("parent", span, len);
        }
        if let Some((_, span)) = section.append_filter() {
            check_span("append filter", span, len);
        }
        for item in section.items() {
            let _ = (
                item.key(),
                item.value(),
                item.operator(),
                item.append_text(),
            );
            check_span("item key", item.key_span(), len);
            check_span("item value", item.value_span(), len);
            check_span("item", item.span(), len);
        }
    }
    for item in tree.preamble_items() {
        let _ = (item.key(), item.value(), item.append_text());
        check_span("preamble item", item.span(), len);
    }
    for directive in tree.directives() {
        check_span("directive name", directive.name.span, len);
        if let Some(arg) = &directive.argument {
            check_span("directive argument", arg.span, len);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    for role in [FileRole::TopLevel, FileRole::Included] {
        let parsed = parse_as(FileId(0), data.to_vec(), role);
        check(&parsed, data);
    }
});
