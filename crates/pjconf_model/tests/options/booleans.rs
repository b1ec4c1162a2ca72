//! Booleans: `ast_true` spellings in any case are yes, everything else is silently no.

use pjconf_model::{
    BoolSpelling, ObjectType, ValueKind, WarningKind, all_options, bool_spelling, check_value,
};

use super::{accepted, clean};

/// The 27 spellings tried against Asterisk 22.10.1, with what each means.
const SPELLINGS: [(&str, BoolSpelling); 27] = [
    ("yes", BoolSpelling::True),
    ("YES", BoolSpelling::True),
    ("Yes", BoolSpelling::True),
    ("true", BoolSpelling::True),
    ("True", BoolSpelling::True),
    ("TRUE", BoolSpelling::True),
    ("y", BoolSpelling::True),
    ("Y", BoolSpelling::True),
    ("t", BoolSpelling::True),
    ("T", BoolSpelling::True),
    ("1", BoolSpelling::True),
    ("on", BoolSpelling::True),
    ("On", BoolSpelling::True),
    ("no", BoolSpelling::False),
    ("NO", BoolSpelling::False),
    ("false", BoolSpelling::False),
    ("False", BoolSpelling::False),
    ("n", BoolSpelling::False),
    ("f", BoolSpelling::False),
    ("0", BoolSpelling::False),
    ("off", BoolSpelling::False),
    ("OFF", BoolSpelling::False),
    ("maybe", BoolSpelling::Other),
    ("2", BoolSpelling::Other),
    ("enabled", BoolSpelling::Other),
    ("none", BoolSpelling::Other),
    ("", BoolSpelling::Other),
];

#[test]
fn spellings_classify_like_ast_true_and_ast_false() {
    for (value, expected) in SPELLINGS {
        assert_eq!(bool_spelling(value), expected, "{value:?}");
    }
}

#[test]
fn spellings_on_a_boolean_option() {
    for (value, meaning) in SPELLINGS {
        let checked = accepted(ObjectType::Endpoint, "rtp_symmetric", value);
        match meaning {
            BoolSpelling::True => {
                assert!(checked.is_clean(), "{value:?}");
                let expected = (value != "yes").then(|| "yes".to_owned());
                assert_eq!(checked.effective, expected, "{value:?}");
            }
            BoolSpelling::False => {
                assert!(checked.is_clean(), "{value:?}");
                let expected = (value != "no").then(|| "no".to_owned());
                assert_eq!(checked.effective, expected, "{value:?}");
            }
            BoolSpelling::Other => {
                let warning = checked.warning.expect("a non-boolean spelling warns");
                assert_eq!(warning.kind, WarningKind::SilentlyFalse, "{value:?}");
                assert!(
                    warning.message.contains("rtp_symmetric"),
                    "{}",
                    warning.message
                );
                assert_eq!(checked.effective.as_deref(), Some("no"), "{value:?}");
            }
        }
    }
}

#[test]
fn direct_media_enabled_is_accepted_and_means_no() {
    let checked = accepted(ObjectType::Endpoint, "direct_media", "enabled");
    assert_eq!(checked.effective.as_deref(), Some("no"));
    assert_eq!(checked.warning.unwrap().kind, WarningKind::SilentlyFalse);
}

#[test]
fn maybe_is_silently_false_on_every_boolean_option() {
    let mut count = 0;
    for spec in all_options() {
        if matches!(spec.kind, ValueKind::Bool | ValueKind::BoolYesNo) {
            let checked = check_value(spec, "maybe").expect("booleans never reject");
            assert_eq!(
                checked.warning.map(|w| w.kind),
                Some(WarningKind::SilentlyFalse),
                "{} {}",
                spec.object_type,
                spec.name
            );
            count += 1;
        }
    }
    // 87 registered booleans plus the custom ones (dtls_auto_generate_cert, 4 TLS bools).
    assert_eq!(count, 92);
}

#[test]
fn custom_booleans_parse_the_same_way() {
    assert_eq!(
        clean(ObjectType::Transport, "verify_server", "Yes").as_deref(),
        Some("yes")
    );
    let checked = accepted(ObjectType::Endpoint, "dtls_auto_generate_cert", "perhaps");
    assert_eq!(checked.warning.unwrap().kind, WarningKind::SilentlyFalse);
}
