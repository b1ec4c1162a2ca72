//! Property tests of the lossless contract: for any bytes, `parse` does not panic, the tree
//! reprints the input byte for byte, the tokens partition the input (non-empty, contiguous,
//! covering it exactly), and every diagnostic points inside the input.
//!
//! Two generators: arbitrary bytes, and lines assembled from configuration fragments
//! (brackets, operators, comment and block-comment delimiters, escapes, directives, CR/LF,
//! NUL, Latin-1, a BOM) that reach the parser's corner cases far more often.

use pjconf_diagnostics::FileId;
use pjconf_syntax::{FileRole, Parse, parse, parse_as};
use proptest::prelude::*;

fn check_parse(parsed: &Parse, input: &[u8]) {
    if let Err(problem) = parsed.verify(input) {
        panic!("{problem}");
    }
}

fn check_all(input: &[u8]) {
    check_parse(&parse(FileId(0), input.to_vec()), input);
    check_parse(
        &parse_as(FileId(0), input.to_vec(), FileRole::Included),
        input,
    );
}

/// One fragment of a configuration line.
fn fragment() -> impl Strategy<Value = Vec<u8>> {
    let fixed: Vec<&'static [u8]> = vec![
        b"[",
        b"]",
        b"(",
        b")",
        b"!",
        b"+",
        b",",
        b";",
        b";--",
        b"--;",
        b";---",
        b"\\;",
        b"\\",
        b"=",
        b"=>",
        b"+=",
        b"#include",
        b"#tryinclude",
        b"#exec",
        b"#",
        b"\"",
        b"<",
        b">",
        b"-",
        b"\r",
        b"\r\n",
        b"\n",
        b"\t",
        b" ",
        b"\0",
        b"\xE9",
        b"\xEF\xBB\xBF",
        b"\x0b",
    ];
    let fixed = proptest::sample::select(fixed).prop_map(<[u8]>::to_vec);
    let name = "[a-zA-Z0-9_-]{1,10}".prop_map(String::into_bytes);
    let value = "[ -~]{0,16}".prop_map(String::into_bytes);
    prop_oneof![6 => fixed, 2 => name, 1 => value]
}

/// A line: a few fragments, then a line ending (or none, for the last line).
fn config_line() -> impl Strategy<Value = Vec<u8>> {
    let ending = prop_oneof![
        6 => Just(b"\n".to_vec()),
        2 => Just(b"\r\n".to_vec()),
        1 => Just(Vec::new()),
    ];
    (proptest::collection::vec(fragment(), 0..10), ending).prop_map(|(parts, end)| {
        let mut line = parts.concat();
        line.extend_from_slice(&end);
        line
    })
}

/// A typical line of a real file, so that long inputs hold sections, items and comments too.
fn typical_line() -> impl Strategy<Value = Vec<u8>> {
    let name = "[a-z0-9-]{1,8}";
    prop_oneof![
        (name, proptest::option::of(name)).prop_map(|(n, p)| match p {
            Some(p) => format!("[{n}](!,{p})\n"),
            None => format!("[{n}]\n"),
        }),
        (
            name,
            proptest::collection::vec(
                proptest::sample::select(vec!["!", "+", "+type=aor", "", "base", " b "]),
                0..4
            ),
            proptest::sample::select(vec![")", ")", ")x", ""]),
        )
            .prop_map(|(n, options, close)| format!("[{n}]({}{close}\n", options.join(","))),
        (name, "[ -~]{0,12}").prop_map(|(k, v)| format!("{k} = {v}\n")),
        (name, name).prop_map(|(k, v)| format!("{k} => {v} ; note\n")),
        Just(";-- block\nstill in it --;\n".to_string()),
        Just("\n".to_string()),
    ]
    .prop_map(String::into_bytes)
}

/// A line around config.c's limit (8190 bytes without the newline), with fragments in it.
fn long_line() -> impl Strategy<Value = Vec<u8>> {
    (8180usize..8200, config_line()).prop_map(|(n, tail)| {
        let mut line = vec![b'x'; n];
        line.extend_from_slice(&tail);
        line
    })
}

fn config_file() -> impl Strategy<Value = Vec<u8>> {
    let line = prop_oneof![20 => config_line(), 8 => typical_line(), 1 => long_line()];
    proptest::collection::vec(line, 0..40).prop_map(|lines| lines.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_reprint_identically(input in proptest::collection::vec(any::<u8>(), 0..2048)) {
        check_all(&input);
    }

    #[test]
    fn arbitrary_lines_of_few_bytes_reprint_identically(
        input in proptest::collection::vec(
            proptest::sample::select(b"[]()!+,;-=>\\#\"<> \t\r\n\0a".to_vec()),
            0..512,
        )
    ) {
        check_all(&input);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn config_like_input_reprints_and_tokens_partition(input in config_file()) {
        check_all(&input);
    }
}

/// Corner cases worth pinning down whatever the generators draw.
#[test]
fn handpicked_corner_cases() {
    let cases: &[&[u8]] = &[
        b"",
        b"\n",
        b"\r\n",
        b"\r",
        b"\xEF\xBB\xBF",
        b"\xEF\xBB",
        b"\xEF\xBB\xBF\n[a]\n",
        b"\0",
        b"[a]\0\n",
        b"[",
        b"[]",
        b"[](",
        b"[]()",
        b"[a](,)",
        b"[a](+)",
        b"[a](!,+type=aor,b)x",
        b"=",
        b"=>",
        b"+=",
        b"\\",
        b"\\ x",
        b"\\=",
        b"\\+=1",
        b"#",
        b"#include",
        b"#include \"\"",
        b"#include \"",
        b"#include <a",
        b"#exec x",
        b";--",
        b";-- --;",
        b"--;",
        b"a=b--;c\nd=e\n",
        b"a ;-- x --; = ;-- y --; b\n",
        b";-- a\n;-- b\n--;\n--;\n",
        b"[a];--x--;(b)\n",
        b"[a](b;--x--;,c)\n",
        b"#include ;-- x --;\"f\"\n",
        b"\\;--x--;=1\n",
        b"x\t=\x0b\x0c\r\n",
    ];
    for case in cases {
        check_all(case);
    }
    // Around config.c's line limit, with and without CR.
    for n in [8189usize, 8190, 8191, 8192] {
        let mut line = vec![b'a'; n];
        check_all(&line);
        line.push(b'\n');
        check_all(&line);
        line.insert(n, b'\r');
        check_all(&line);
    }
    // Block comments nested past config.c's limit of 128.
    let deep = b";--".repeat(130);
    check_all(&deep);
}

/// The config-like generator is only worth its name if it reaches the parser's corner cases:
/// draw a fixed sample and check which diagnostics and token kinds it produced.
#[test]
fn config_generator_reaches_the_corner_cases() {
    use pjconf_syntax::{SyntaxKind, codes};
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    use std::collections::BTreeSet;

    let mut runner = TestRunner::deterministic();
    let strategy = config_file();
    let mut seen_codes = BTreeSet::new();
    let mut seen_kinds = BTreeSet::new();
    for _ in 0..400 {
        let input = strategy.new_tree(&mut runner).unwrap().current();
        let parsed = parse(FileId(0), input);
        seen_codes.extend(parsed.diagnostics.iter().map(|d| d.code));
        seen_kinds.extend(parsed.tree.tokens().map(|t| format!("{:?}", t.kind)));
    }
    // PJ013 (more than 128 nested block comments) is out of reach of short lines; the
    // hand-picked cases cover it.
    let expected_codes = [
        codes::UNCLOSED_BRACKET,
        codes::UNCLOSED_PAREN,
        codes::EMPTY_PARENT,
        codes::HEADER_TRAILING_TEXT,
        codes::MISSING_EQUALS,
        codes::OPTION_BEFORE_SECTION,
        codes::UNTERMINATED_BLOCK_COMMENT,
        codes::NUL_BYTE,
        codes::LINE_TOO_LONG,
        codes::EMPTY_OPTION_NAME,
        codes::INVALID_ESCAPE,
        codes::STRAY_BLOCK_COMMENT_END,
        codes::UNKNOWN_DIRECTIVE,
        codes::DIRECTIVE_WITHOUT_ARGUMENT,
        codes::EXEC_REFUSED,
    ];
    let missing: Vec<_> = expected_codes
        .iter()
        .filter(|c| !seen_codes.contains(*c))
        .collect();
    assert!(
        missing.is_empty(),
        "the generator never produced {missing:?}"
    );
    let expected_kinds = [
        SyntaxKind::BOM,
        SyntaxKind::COMMENT,
        SyntaxKind::BLOCK_COMMENT,
        SyntaxKind::IGNORED,
        SyntaxKind::BANG,
        SyntaxKind::PLUS,
        SyntaxKind::FILTER,
        SyntaxKind::PARENT,
        SyntaxKind::TRAILING,
        SyntaxKind::ARROW,
        SyntaxKind::PLUS_EQ,
        SyntaxKind::DIRECTIVE_ARG,
        SyntaxKind::SPLICED,
        SyntaxKind::ERROR,
    ];
    let missing: Vec<_> = expected_kinds
        .iter()
        .map(|k| format!("{k:?}"))
        .filter(|k| !seen_kinds.contains(k))
        .collect();
    assert!(
        missing.is_empty(),
        "the generator never produced tokens {missing:?}"
    );
}

/// Inputs the fuzzer found (`fixtures/syntax/fuzz/`, minimized) keep holding the same oracle as
/// the fuzz target. The directory may be empty or absent: nothing found so far.
#[test]
fn fuzz_fixtures_hold_the_oracle() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/syntax/fuzz");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_file() {
            let input = std::fs::read(&path).unwrap();
            let result = std::panic::catch_unwind(|| check_all(&input));
            assert!(result.is_ok(), "fuzz fixture {} fails", path.display());
        }
    }
}
