//! Every real-world file in ../shared/corpus, loaded with the StdLoader (its directory as the
//! root), resolves without a panic. Prints what it read: files, sections, templates, values
//! and the diagnostics by code.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use pjconf_syntax::{LoadOptions, StdLoader, load};
use pjconf_templates::TemplateGraph;

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    dir.is_dir().then_some(dir)
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, out);
        } else if path.file_name().is_some_and(|n| n != "MANIFEST.tsv") {
            out.push(path);
        }
    }
}

#[test]
fn corpus_resolves() {
    let Some(dir) = corpus() else {
        println!(
            "!!!!!!!! SKIPPED: ../shared/corpus is absent; the template corpus test read no files !!!!!!!!"
        );
        return;
    };
    let mut files = Vec::new();
    files_under(&dir, &mut files);
    files.sort();
    assert!(!files.is_empty(), "no corpus files under {}", dir.display());
    let (mut sections, mut templates, mut values) = (0, 0, 0);
    let mut by_code: BTreeMap<&str, usize> = BTreeMap::new();
    for path in &files {
        let root = path.parent().unwrap();
        let loader = StdLoader::new(root).unwrap();
        let config = load(&loader, path.to_str().unwrap(), &LoadOptions::default())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let graph = TemplateGraph::from_config(&config);
        for s in graph.sections() {
            sections += 1;
            templates += usize::from(s.is_template());
            values += s.len();
            // Walk every provenance chain to its end.
            for v in s.values() {
                assert_eq!(v.chain().last(), Some(v.origin()), "{}", path.display());
            }
        }
        for d in graph.diagnostics() {
            *by_code.entry(d.code).or_default() += 1;
        }
    }
    println!(
        "template corpus: {} files, {sections} sections ({templates} templates), {values} resolved values; template diagnostics by code: {by_code:?}",
        files.len()
    );
}
