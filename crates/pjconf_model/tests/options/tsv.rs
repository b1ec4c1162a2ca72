//! The option table against `/work/shared/reference/pjsip-options.tsv`, row by row, both ways.

use std::collections::BTreeSet;
use std::path::PathBuf;

use pjconf_model::{
    CaseRule, NameMatch, ObjectType, OptionSpec, ValueKind, all_options, lookup, options_for,
};

struct TsvRow {
    object_type: String,
    option: String,
    registered: String,
    default: String,
    notes: String,
    default_observed: String,
}

fn tsv_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference/pjsip-options.tsv")
}

/// The TSV rows, or `None` (after saying so loudly) when the reference is not there.
#[allow(clippy::print_stderr)]
fn tsv_rows() -> Option<Vec<TsvRow>> {
    let path = tsv_path();
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!(
            "\n!!! SKIPPED: reference TSV not found at {} — the option table is NOT being \
             checked against the reference. !!!\n",
            path.display()
        );
        return None;
    };
    let mut lines = text.lines();
    let header = lines.next().expect("TSV has a header");
    assert_eq!(
        header,
        "object_type\toption\ttype\tdefault\tallowed_or_notes\tsource\tregister_variant\tdefault_observed"
    );
    let rows = lines
        .filter(|line| !line.is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 8, "TSV line has {} fields: {line}", f.len());
            TsvRow {
                object_type: f[0].to_owned(),
                option: f[1].to_owned(),
                registered: f[2].to_owned(),
                default: f[3].to_owned(),
                notes: f[4].to_owned(),
                default_observed: f[7].to_owned(),
            }
        })
        .collect();
    Some(rows)
}

fn find(row: &TsvRow) -> &'static OptionSpec {
    all_options()
        .iter()
        .find(|s| s.object_type.as_str() == row.object_type && s.name == row.option)
        .unwrap_or_else(|| {
            panic!(
                "TSV row {} {} has no table row",
                row.object_type, row.option
            )
        })
}

#[test]
fn every_tsv_row_has_a_matching_table_row() {
    let Some(rows) = tsv_rows() else { return };
    assert_eq!(rows.len(), 348, "the reference has 348 rows");
    for row in &rows {
        let spec = find(row);
        let at = format!("{} {}", row.object_type, row.option);
        assert_eq!(spec.registered.as_tsv_str(), row.registered, "type of {at}");
        assert_eq!(spec.default, row.default, "default of {at}");
        assert_eq!(spec.notes, row.notes, "notes of {at}");
        // `-` means "not observed", except for endpoint sdp_owner whose observed value is `-`.
        let expected_observed = if row.default_observed == "-" && at != "endpoint sdp_owner" {
            None
        } else {
            Some(row.default_observed.as_str())
        };
        assert_eq!(
            spec.default_observed, expected_observed,
            "default_observed of {at}"
        );
    }
}

#[test]
fn every_table_row_is_in_the_tsv_once() {
    let Some(rows) = tsv_rows() else { return };
    let tsv: BTreeSet<(String, String)> = rows
        .iter()
        .map(|r| (r.object_type.clone(), r.option.clone()))
        .collect();
    let mut seen = BTreeSet::new();
    for spec in all_options() {
        let key = (spec.object_type.as_str().to_owned(), spec.name.to_owned());
        assert!(tsv.contains(&key), "table row {key:?} is not in the TSV");
        assert!(seen.insert(key.clone()), "table row {key:?} appears twice");
    }
    assert_eq!(seen.len(), rows.len());
}

#[test]
fn object_types_are_exactly_the_tsv_types() {
    let Some(rows) = tsv_rows() else { return };
    let tsv: BTreeSet<&str> = rows.iter().map(|r| r.object_type.as_str()).collect();
    let ours: BTreeSet<&str> = ObjectType::ALL.iter().map(|t| t.as_str()).collect();
    assert_eq!(tsv, ours);
    for name in tsv {
        let parsed = ObjectType::from_type_value(name).expect("every TSV type parses");
        assert_eq!(parsed.as_str(), name);
        assert!(options_for(parsed).count() > 0);
    }
}

#[test]
fn lookup_finds_every_tsv_row() {
    let Some(rows) = tsv_rows() else { return };
    for row in &rows {
        let spec = find(row);
        let probe = match spec.name_match {
            NameMatch::Exact => row.option.clone(),
            NameMatch::Prefix(prefix) => format!("{prefix}example"),
            NameMatch::Any => "any_name_at_all".to_owned(),
        };
        let object_type = ObjectType::from_type_value(&row.object_type).unwrap();
        let found = lookup(object_type, &probe).expect("lookup finds the row");
        assert!(
            std::ptr::eq(found, spec),
            "lookup({}, {probe}) found {} instead",
            row.object_type,
            found.name
        );
    }
}

/// The `one of: a|b|c` (or `comma list of: a|b|c`) list in a notes text.
fn listed_values(notes: &str) -> Option<(bool, BTreeSet<String>)> {
    let (is_list, rest) = if let Some(rest) = notes.strip_prefix("one of: ") {
        (false, rest)
    } else if let Some(rest) = notes.strip_prefix("comma list of: ") {
        (true, rest)
    } else {
        return None;
    };
    let end = rest.find([' ', ';']).unwrap_or(rest.len());
    Some((is_list, rest[..end].split('|').map(str::to_owned).collect()))
}

#[test]
fn enum_values_and_case_rules_match_the_notes() {
    let Some(rows) = tsv_rows() else { return };
    let mut checked = 0;
    for row in &rows {
        let Some((is_list, values)) = listed_values(&row.notes) else {
            continue;
        };
        let spec = find(row);
        let at = format!("{} {}", row.object_type, row.option);
        let enum_spec = match (is_list, spec.kind) {
            (false, ValueKind::Enum(e)) | (true, ValueKind::EnumList(e)) => e,
            // Structured values whose notes list fragments, not whole values.
            (_, ValueKind::Custom(_) | ValueKind::String) => continue,
            (_, other) => panic!("{at}: notes list values but the kind is {other:?}"),
        };
        let ours: BTreeSet<String> = enum_spec
            .values
            .iter()
            .chain(enum_spec.aliases.iter().map(|(alias, _)| alias))
            .map(|v| v.to_string())
            .collect();
        assert_eq!(ours, values, "values of {at}");
        if row.notes.contains("CASE-SENSITIVE") {
            assert_eq!(enum_spec.case, CaseRule::Sensitive, "case rule of {at}");
        }
        if row.notes.contains("any letter case") {
            assert_eq!(enum_spec.case, CaseRule::Insensitive, "case rule of {at}");
        }
        checked += 1;
    }
    assert!(
        checked >= 25,
        "only {checked} enumerated rows were compared"
    );
}

#[test]
fn boolean_rows_are_checked_as_booleans() {
    let Some(rows) = tsv_rows() else { return };
    for row in &rows {
        let spec = find(row);
        let at = format!("{} {}", row.object_type, row.option);
        let is_bool_kind = matches!(spec.kind, ValueKind::Bool | ValueKind::BoolYesNo);
        match row.registered.as_str() {
            "bool" => assert_eq!(spec.kind, ValueKind::Bool, "{at}"),
            "bool(yes/no)" => assert_eq!(spec.kind, ValueKind::BoolYesNo, "{at}"),
            _ if row
                .notes
                .starts_with("boolean spelling as for bool options")
                || row.notes.contains("transport_tls_bool_handler") =>
            {
                assert!(is_bool_kind, "{at} is a custom boolean")
            }
            _ => assert!(!is_bool_kind, "{at} is not a boolean"),
        }
    }
}
