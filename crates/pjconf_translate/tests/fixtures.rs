//! Point 9: each fixture under fixtures/translate/ and its expected pjsip.conf (plus the
//! report, one line per diagnostic) as an insta snapshot.

use std::fmt::Write as _;

use pjconf_syntax::{LoadOptions, MemoryLoader, load};
use pjconf_translate::{Options, translate};

fn render(name: &str, text: &[u8], flatten: bool) -> String {
    let mut files = MemoryLoader::new();
    files.insert(name, text.to_vec());
    let config = load(&files, name, &LoadOptions::default()).expect("load");
    let t = translate(&config, &Options { flatten });
    let mut out = t.text().expect("emit");
    out.push_str("\n;;;; input diagnostics, then report\n");
    for d in config.diagnostics.iter().chain(&t.report) {
        let lc = config.sources.line_col(d.primary.span);
        let _ = writeln!(
            out,
            ";;;; {}:{}: {} {} {}{}",
            lc.line,
            lc.column,
            d.code,
            d.severity.as_str(),
            d.message,
            d.help.as_ref().map_or(String::new(), |h| format!(" ({h})"))
        );
    }
    let _ = writeln!(out, ";;;; needs attention: {}", t.needs_attention());
    out
}

/// [`render`] of a fixture file, not flattened, named after the file. (The snapshot
/// assertion stays in each test: insta names snapshots after the test function.)
fn render_file(path: &std::path::Path) -> String {
    let text = std::fs::read(path).expect("read");
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("sip.conf");
    render(name, &text, false)
}

#[test]
fn fixtures() {
    insta::glob!("../../../fixtures/translate", "*.conf", |path| {
        insta::assert_snapshot!(render_file(path));
    });
}

/// One small fixture per row of the mapping table (fixtures/translate/rows/).
#[test]
fn rows() {
    insta::glob!("../../../fixtures/translate/rows", "*.conf", |path| {
        insta::assert_snapshot!(render_file(path));
    });
}

#[test]
fn flattened_template() {
    let text = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/translate/templates.conf"
    ))
    .expect("read");
    insta::assert_snapshot!(render("templates.conf", &text, true));
}
