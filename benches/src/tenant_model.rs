//! A generated multi-tenant model: the input of the compile and impact benches.
//!
//! Each tenant has four templates (`base`; `phone` and `webrtc` inheriting it; `prefs`) and
//! its lines, each inheriting two or three of them, with a password and a caller id.

use pjconf_tenants::{Config, Model, OptionMap, OptionValue, Tenant};

pub fn map(pairs: &[(&str, OptionValue)]) -> OptionMap {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_string(), v.clone()))
        .collect()
}

pub fn template(name: &str, parents: &[&str], endpoint: OptionMap, aor: OptionMap) -> Config {
    Config {
        name: name.into(),
        parents: parents.iter().map(|p| (*p).to_string()).collect(),
        endpoint,
        aor,
        ..Config::default()
    }
}

/// The generated model (see the file's doc comment).
pub fn generate(tenants: usize, lines: usize) -> Model {
    let mut model = Model::default();
    model.engine.transports.insert(
        "udp".into(),
        map(&[("protocol", "udp".into()), ("bind", "0.0.0.0:5060".into())]),
    );
    model.engine.transports.insert(
        "wss".into(),
        map(&[("protocol", "wss".into()), ("bind", "0.0.0.0:8089".into())]),
    );
    for t in 0..tenants {
        let slug = format!("t{t}");
        let templates = vec![
            template(
                "base",
                &[],
                map(&[
                    ("disallow", "all".into()),
                    ("allow", ["ulaw", "alaw"].into()),
                    ("context", format!("{slug}_phones").into()),
                    ("transport", "udp".into()),
                    ("dtmf_mode", "rfc4733".into()),
                ]),
                OptionMap::new(),
            ),
            template(
                "phone",
                &["base"],
                map(&[("direct_media", false.into())]),
                map(&[("max_contacts", 1.into()), ("remove_existing", true.into())]),
            ),
            template(
                "webrtc",
                &["base"],
                map(&[
                    ("webrtc", true.into()),
                    ("allow", ["opus"].into()),
                    ("transport", "wss".into()),
                ]),
                map(&[("max_contacts", 5.into())]),
            ),
            template(
                "prefs",
                &[],
                map(&[
                    ("language", "fr".into()),
                    ("named_call_group", ["sales"].into()),
                ]),
                OptionMap::new(),
            ),
        ];
        let lines = (0..lines)
            .map(|i| {
                let parents: &[&str] = if i % 2 == 0 {
                    &["phone", "prefs"]
                } else {
                    &["phone", "webrtc", "prefs"]
                };
                Config {
                    name: format!("u{i}"),
                    parents: parents.iter().map(|p| (*p).to_string()).collect(),
                    password: Some(format!("pw-{t}-{i}")),
                    endpoint: map(&[("callerid", format!("User {i} <{i}>").into())]),
                    ..Config::default()
                }
            })
            .collect();
        model.tenants.push(Tenant {
            name: slug.clone(),
            domains: vec![format!("{slug}.example")],
            templates,
            lines,
            ..Tenant::default()
        });
    }
    model
}
