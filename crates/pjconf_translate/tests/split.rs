//! Point 7: includes (plain and globbed) are followed, and `split_text` gives one file per
//! original file whose concatenation, in include order, is the whole translation.

use pjconf_syntax::{LoadOptions, MemoryLoader, load};
use pjconf_translate::{Options, translate};

#[test]
fn includes_are_followed_and_split_per_file() {
    let mut files = MemoryLoader::new();
    files.insert(
        "sip.conf",
        "[general]\ncontext=from-sip\n#include sip_general_custom.conf\n\n\
         #include sip_additional.conf\n#include sip.d/*.conf\n",
    );
    files.insert("sip_general_custom.conf", "useragent=PBX\n");
    files.insert(
        "sip_additional.conf",
        "[phone](!)\ntype=friend\nhost=dynamic\ndtmfmode=rfc2833\n[100](phone)\nsecret=a\n",
    );
    files.insert("sip.d/a.conf", "[200](phone)\nsecret=b\n");
    files.insert("sip.d/b.conf", "[201](phone)\nsecret=c\n");
    let config = load(&files, "sip.conf", &LoadOptions::default()).expect("load");
    assert!(config.diagnostics.is_empty(), "{:?}", config.diagnostics);
    let t = translate(&config, &Options::default());
    assert_eq!(t.stats.peers, 3);
    let whole = t.text().expect("emit");
    assert!(whole.contains("user_agent = PBX"));
    let parts = t.split_text(&config.sources).expect("split");
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "pjsip.conf",
            "pjsip_additional.conf",
            "pjsip_a.conf",
            "pjsip_b.conf"
        ]
    );
    assert!(parts[1].1.contains("[phone-endpoint](!)"));
    assert!(
        parts[2]
            .1
            .contains("[200](sip-general-endpoint,phone-endpoint)")
    );
    let joined: String = parts
        .iter()
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let strip = |s: &str| {
        s.lines()
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip(&joined), strip(&whole));
}
