//! One test per escaping or refusal rule, each checking what pjconf_syntax (which follows
//! config.c) reads back.

use pjconf_emit::{Document, EmitItem, EmitOption, EmitSection, emit};

use crate::common::{codes_of, document_of, one, parse_clean, shapes};

/// Emit a one-section document and read it back: the (key, value) lines.
#[track_caller]
fn round_trip(section: EmitSection) -> (String, Vec<(String, String)>) {
    let doc = one(section);
    let text = emit(&doc).expect("writable");
    let back = document_of(&parse_clean(&text));
    assert_eq!(shapes(&back), shapes(&doc));
    let lines = shapes(&back).remove(0).3;
    (text, lines)
}

#[test]
fn semicolons_in_values_are_escaped() {
    let (text, _) = round_trip(
        EmitSection::new("s")
            .with_option("a", "x;y")
            .with_option("b", ";--not a block comment")
            .with_option("c", "ends--;")
            .with_option("d", r"already\;escaped")
            .with_option("e", ";"),
    );
    assert_eq!(
        text,
        "[s]\na = x\\;y\nb = \\;--not a block comment\nc = ends--\\;\nd = already\\\\;escaped\ne = \\;\n"
    );
}

#[test]
fn keys_starting_with_bracket_hash_or_backslash_are_escaped() {
    let (text, _) = round_trip(
        EmitSection::new("s")
            .with_option("[k", "1")
            .with_option("#include", "2")
            .with_option(r"\k", "3")
            .with_option(r"\", "4")
            .with_option("k[#", "5"),
    );
    assert_eq!(
        text,
        "[s]\n\\[k = 1\n\\#include = 2\n\\\\k = 3\n\\\\ = 4\nk[# = 5\n"
    );
}

#[test]
fn directive_text_in_values_is_harmless() {
    // A value always follows `key = `, and config.c only reads `#` at the start of a line.
    let (text, lines) = round_trip(EmitSection::new("s").with_option("k", "#include evil.conf"));
    assert_eq!(text, "[s]\nk = #include evil.conf\n");
    assert_eq!(lines, [("k".into(), "#include evil.conf".into())]);
}

#[test]
fn inner_blanks_and_odd_characters_survive() {
    round_trip(
        EmitSection::new("odd name(x")
            .with_option("k", "a  b\tc")
            .with_option("k2", "=> > += [x] (y) \\")
            .with_option("k3", "")
            .with_option("k4", "caf\u{e9} \u{2603}"),
    );
}

#[test]
fn line_breaks_and_nul_in_values_are_refused() {
    for value in ["a\nb", "a\rb", "a\r\n"] {
        let doc = one(EmitSection::new("s").with_option("k", value));
        assert_eq!(codes_of(&doc), ["PJ601"], "{value:?}");
    }
    let doc = one(EmitSection::new("s").with_option("k", "a\0b"));
    assert_eq!(codes_of(&doc), ["PJ602"]);
}

#[test]
fn blanks_at_value_ends_are_refused() {
    for value in [" a", "a ", "\ta", "a\u{b}", " "] {
        let doc = one(EmitSection::new("s").with_option("k", value));
        assert_eq!(codes_of(&doc), ["PJ603"], "{value:?}");
    }
    // Why: written naively, config.c trims them.
    let back = document_of(&parse_clean("[s]\nk =  a \n"));
    assert_eq!(back.sections().next().unwrap().options[0].value, "a");
}

#[test]
fn bad_keys_are_refused() {
    let cases = [
        ("", "PJ604"),
        ("a=b", "PJ605"),
        ("a;b", "PJ605"),
        (";", "PJ605"),
        ("a b", "PJ605"),
        (" a", "PJ605"),
        ("a\n", "PJ605"),
        ("a\0", "PJ602"),
        ("a+", "PJ606"),
        ("+", "PJ606"),
    ];
    for (key, code) in cases {
        let doc = one(EmitSection::new("s").with_option(key, "v"));
        assert_eq!(codes_of(&doc), [code], "{key:?}");
    }
    // Why `+`: without blanks around `=`, config.c reads `a+=v` as appending to `a`.
    let parsed = pjconf_syntax::parse(pjconf_diagnostics::FileId(0), b"[s]\na+=v\n".to_vec());
    let item = parsed
        .tree
        .sections()
        .next()
        .unwrap()
        .items()
        .next()
        .unwrap();
    assert_eq!(item.key(), "a");
}

#[test]
fn bad_section_names_are_refused() {
    let cases = [
        ("", "PJ607"),
        ("a]b", "PJ608"),
        ("a;b", "PJ608"),
        ("a\nb", "PJ608"),
        ("a\rb", "PJ608"),
        ("a\0b", "PJ602"),
        (" a", "PJ609"),
        ("a\t", "PJ609"),
    ];
    for (name, code) in cases {
        let doc = one(EmitSection::new(name).with_option("k", "v"));
        assert_eq!(codes_of(&doc), [code], "{name:?}");
    }
}

#[test]
fn bad_parents_are_refused() {
    let doc_with = |parent: &str| Document {
        items: vec![
            EmitItem::Section(EmitSection::new("base").template()),
            EmitItem::Section(EmitSection::new("s").with_parents([parent])),
        ],
    };
    let cases = [
        ("", "PJ610"),
        ("a,b", "PJ610"),
        ("a)b", "PJ610"),
        ("a;b", "PJ610"),
        (" base", "PJ610"),
        ("base ", "PJ610"),
        ("a\nb", "PJ610"),
        ("a\0b", "PJ602"),
        ("!", "PJ611"),
        ("+base", "PJ611"),
        ("other", "PJ612"),
    ];
    for (parent, code) in cases {
        assert_eq!(codes_of(&doc_with(parent)), [code], "{parent:?}");
        assert_eq!(
            pjconf_emit::flatten(&doc_with(parent)).unwrap_err()[0].code,
            code
        );
    }
    // Parents are found case-insensitively, among earlier sections only.
    assert!(emit(&doc_with("BASE")).is_ok());
    let later = Document {
        items: vec![
            EmitItem::Section(EmitSection::new("s").with_parents(["base"])),
            EmitItem::Section(EmitSection::new("base").template()),
        ],
    };
    assert_eq!(codes_of(&later), ["PJ612"]);
    let itself = one(EmitSection::new("s").with_parents(["s"]));
    assert_eq!(codes_of(&itself), ["PJ612"]);
}

#[test]
fn comments_are_written_and_checked() {
    let mut doc = Document::new();
    doc.push_comment("tenant: acme\n\n--; ;-- not block markers");
    doc.push_blank();
    doc.push_section(
        EmitSection::new("s")
            .with_comment("first line\nsecond")
            .with_option("k", "v--"),
    );
    let mut section = EmitSection::new("t");
    section
        .options
        .push(EmitOption::new("k", "").with_comment("empty value"));
    section
        .options
        .push(EmitOption::new("k2", "x\\").with_comment(""));
    doc.push_section(section);
    let text = emit(&doc).unwrap();
    assert_eq!(
        text,
        "; tenant: acme\n;\n; --; ;-- not block markers\n\n\n; first line\n; second\n[s]\nk = v--\n\n[t]\nk = ; empty value\nk2 = x\\ ;\n"
    );
    let back = document_of(&parse_clean(&text));
    assert_eq!(shapes(&back), shapes(&doc));

    let bad = one(EmitSection::new("s").with_comment("a\rb"));
    assert_eq!(codes_of(&bad), ["PJ613"]);
    let mut section = EmitSection::new("s");
    section
        .options
        .push(EmitOption::new("k", "v").with_comment("two\nlines"));
    assert_eq!(codes_of(&one(section)), ["PJ613"]);
}

#[test]
fn long_lines_are_refused_and_every_problem_is_reported() {
    let limit = pjconf_syntax::limits::MAX_LINE_LEN;
    let fits = "x".repeat(limit - "k = ".len());
    round_trip(EmitSection::new("s").with_option("k", fits.clone()));
    let doc = one(EmitSection::new("s")
        .with_option("k", fits + "x")
        .with_option("", "v")
        .with_option("k", " v"));
    assert_eq!(codes_of(&doc), ["PJ614", "PJ604", "PJ603"]);
}

#[test]
fn layout_is_fixed() {
    assert_eq!(emit(&Document::new()).unwrap(), "");
    let mut doc = Document::new();
    doc.push_section(EmitSection::new("a"));
    doc.push_section(EmitSection::new("b").template().with_parents(["a"]));
    doc.push_section(
        EmitSection::new("c")
            .with_parents(["a", "B"])
            .with_option("k", "v"),
    );
    assert_eq!(emit(&doc).unwrap(), "[a]\n\n[b](!,a)\n\n[c](a,B)\nk = v\n");
}
