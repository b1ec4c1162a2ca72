//! The matcher against hand-written cases, and its agreement with glibc: the fixture
//! fixtures/templates/regex-glibc.tsv holds random patterns and texts with what
//! `regcomp(REG_EXTENDED | REG_NOSUB)` and `regexec` said (generated with a small C program
//! against glibc; back-references left out).

use super::Regex;

fn m(pattern: &str, text: &str) -> bool {
    Regex::new(pattern).unwrap().is_match(text)
}

#[test]
fn matches_like_regexec() {
    assert!(m("aor", "aors"));
    assert!(m("^type$", "type"));
    assert!(!m("^type$", "auth_type"));
    assert!(m("a|b", "xb"));
    assert!(m("^(ab)+$", "ababab"));
    assert!(!m("^(ab)+$", "aba"));
    assert!(m("^a{2,3}$", "aaa"));
    assert!(!m("^a{2,3}$", "aaaa"));
    assert!(m("^[[:digit:]-]+$", "12-3"));
    assert!(m("^[^a-c]$", "d"));
    assert!(m("[]x]", "]"));
    assert!(m("", "anything"));
    assert!(m("\\bend", "the end"));
    assert!(m("(a*)*b", "aaab"));
    assert!(m("a)", "a)"));
    assert!(m("^a{,2}$", "aa"));
}

#[test]
fn refuses_what_regcomp_refuses() {
    for bad in [
        "*a",
        "(a",
        "[a",
        "a{2",
        "a{3,2}",
        "\\1",
        "a\\",
        "[[:nope:]]",
        "^*",
        "[a-c-e]",
    ] {
        assert!(Regex::new(bad).is_err(), "{bad}");
    }
}

#[test]
fn agrees_with_glibc() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/templates/regex-glibc.tsv"
    );
    let text = std::fs::read_to_string(path).expect("fixture regex-glibc.tsv");
    let mut bad = Vec::new();
    let mut count = 0;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut parts = line.split('\t');
        let (Some(p), Some(t), Some(e)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        count += 1;
        let got = match Regex::new(p) {
            Err(_) => "E".to_string(),
            Ok(r) => u8::from(r.is_match(t)).to_string(),
        };
        if got != e {
            bad.push(format!("{p}\t{t}\tglibc={e} ours={got}"));
        }
    }
    assert!(count > 1000, "only {count} cases read");
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad.join("\n")
    );
}
