//! `allow` / `disallow` codec lists.

use pjconf_model::{KNOWN_CODECS, ObjectType, ProblemKind};

use super::{clean, rejected};

const E: ObjectType = ObjectType::Endpoint;

#[test]
fn good_codec_lists() {
    for value in [
        "ulaw",
        "ULAW",
        "all",
        "!all,alaw",
        "ulaw,alaw,g722",
        "opus:20",
        "!g729",
        "h264,vp8,vp9",
        "Speex16,SLIN48,t140red",
    ] {
        assert_eq!(clean(E, "allow", value), None, "{value}");
        assert_eq!(clean(E, "disallow", value), None, "{value}");
    }
    for codec in KNOWN_CODECS {
        clean(E, "allow", codec);
        clean(E, "allow", &codec.to_ascii_uppercase());
    }
}

#[test]
fn empty_disallow_is_fine_empty_allow_is_not() {
    clean(E, "disallow", "");
    assert_eq!(rejected(E, "allow", "").kind, ProblemKind::Empty);
}

#[test]
fn unknown_codecs_are_rejected_with_a_suggestion() {
    let problem = rejected(E, "allow", "ulaw,g729a");
    assert_eq!(problem.kind, ProblemKind::UnknownCodec);
    assert_eq!(problem.suggestion.as_deref(), Some("g729"));
    assert!(problem.message.contains("g729a"), "{}", problem.message);
    rejected(E, "allow", "mp3");
    rejected(E, "disallow", "bogus");
}

#[test]
fn list_items_are_not_trimmed() {
    let problem = rejected(E, "allow", "ulaw, alaw");
    assert_eq!(problem.kind, ProblemKind::UnknownCodec);
    assert_eq!(problem.suggestion.as_deref(), Some("ulaw,alaw"));
}

#[test]
fn empty_items_and_bad_framing_are_rejected() {
    rejected(E, "allow", "ulaw,,alaw");
    rejected(E, "allow", "ulaw,");
    rejected(E, "allow", "!");
    assert_eq!(
        rejected(E, "allow", "ulaw:abc").kind,
        ProblemKind::BadFormat
    );
    rejected(E, "allow", "ulaw:-20");
}
