//! `fixtures/diff`: A (templates and an include), B (the same objects flattened, reordered,
//! reformatted) and C (A with changes).

use std::path::{Path, PathBuf};

use pjconf_diff::{ChangeKind, Diff, OptionValue, diff_configs};
use pjconf_syntax::{LoadOptions, LoadedConfig, StdLoader, load};

fn fixture(dir: &str) -> LoadedConfig {
    let root: PathBuf = [env!("CARGO_MANIFEST_DIR"), "../../fixtures/diff", dir]
        .iter()
        .collect();
    let loader = StdLoader::new(&root).unwrap();
    let main = root.join("pjsip.conf");
    let config = load(
        &loader,
        &main.display().to_string(),
        &LoadOptions::default(),
    )
    .unwrap();
    assert!(Path::new(&root).is_dir());
    config
}

fn diff(a: &str, b: &str) -> Diff {
    diff_configs(&fixture(a), &fixture(b))
}

#[test]
fn same_objects_written_differently_are_equal() {
    let d = diff("a", "b");
    assert!(d.is_empty(), "{}", d.to_human());
    assert!(diff("b", "a").is_empty());
    assert!(diff("c", "c").is_empty());
}

#[test]
fn changes_are_listed_per_object_and_option() {
    let d = diff("a", "c");
    insta::assert_snapshot!("a_to_c_human", d.to_human());
    insta::assert_json_snapshot!("a_to_c_json", d);
}

#[test]
fn list_options_compare_the_whole_ordered_list() {
    let d = diff("a", "c");
    let endpoint = d
        .changes
        .iter()
        .find(|c| c.object_type == "endpoint" && c.id == "6001")
        .unwrap();
    assert_eq!(endpoint.kind, ChangeKind::Changed);
    let allow = endpoint
        .options
        .iter()
        .find(|o| o.option == "allow")
        .unwrap();
    assert_eq!(
        allow.before,
        OptionValue::List(vec!["ulaw".into(), "alaw".into()])
    );
    assert_eq!(
        allow.after,
        OptionValue::List(vec!["alaw".into(), "ulaw".into()])
    );
    let reverse = diff("c", "a");
    assert_eq!(reverse.changes.len(), d.changes.len());
}
