//! Option table and value checking: the table against the reference TSV, then value
//! checking per concept (booleans, enumerations, codecs, networks, numbers and URIs).

#[path = "options/booleans.rs"]
mod booleans;
#[path = "options/codecs.rs"]
mod codecs;
#[path = "options/enums.rs"]
mod enums;
#[path = "options/lookup.rs"]
mod lookup;
#[path = "options/network.rs"]
mod network;
#[path = "options/scalars.rs"]
mod scalars;
#[path = "options/tsv.rs"]
mod tsv;

use pjconf_model::{Checked, ObjectType, OptionSpec, ValueProblem, check_value, lookup};

/// The table row, or a panic naming it.
#[track_caller]
fn spec(object_type: ObjectType, option: &str) -> &'static OptionSpec {
    lookup(object_type, option).unwrap_or_else(|| panic!("no row for {object_type} {option}"))
}

/// Check a value that must be accepted.
#[track_caller]
fn accepted(object_type: ObjectType, option: &str, value: &str) -> Checked {
    check_value(spec(object_type, option), value)
        .unwrap_or_else(|p| panic!("{object_type} {option} = {value:?} was rejected: {p}"))
}

/// Check a value that must be accepted without a warning; returns the effective value.
#[track_caller]
fn clean(object_type: ObjectType, option: &str, value: &str) -> Option<String> {
    let checked = accepted(object_type, option, value);
    assert!(
        checked.is_clean(),
        "{object_type} {option} = {value:?} warned: {:?}",
        checked.warning
    );
    checked.effective
}

/// Check a value that must be rejected.
#[track_caller]
fn rejected(object_type: ObjectType, option: &str, value: &str) -> ValueProblem {
    match check_value(spec(object_type, option), value) {
        Ok(checked) => panic!("{object_type} {option} = {value:?} was accepted: {checked:?}"),
        Err(problem) => problem,
    }
}
