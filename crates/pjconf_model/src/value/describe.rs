//! Human descriptions of value kinds ("what does this option take?").

use crate::{CustomCheck, ValueKind};

impl ValueKind {
    /// What the option takes, in a few words, for help texts and `explain` output.
    ///
    /// ```
    /// use pjconf_model::{ObjectType, lookup};
    ///
    /// let port = lookup(ObjectType::Transport, "external_signaling_port").unwrap();
    /// assert_eq!(port.kind.describe(), "an unsigned integer from 0 to 65535");
    /// ```
    pub fn describe(&self) -> String {
        let range = |what: &str, min: i64, max: Option<i64>| match max {
            Some(max) => format!("{what} from {min} to {max}"),
            None if min > 0 => format!("{what} of at least {min}"),
            None => what.to_owned(),
        };
        match self {
            ValueKind::Noop => "anything (not parsed)".to_owned(),
            ValueKind::Bool | ValueKind::BoolYesNo => {
                "a boolean: yes/true/y/t/1/on, anything else is false".to_owned()
            }
            ValueKind::Uint { min, max } => {
                range("an unsigned integer", (*min).into(), max.map(i64::from))
            }
            ValueKind::Duration { unit, min, max } => format!(
                "{} ({})",
                range("an unsigned integer", (*min).into(), max.map(i64::from)),
                unit.as_str()
            ),
            ValueKind::Int { min, max } if *min == i32::MIN && *max == i32::MAX => {
                "an integer".to_owned()
            }
            ValueKind::Int { min, max } => range("an integer", (*min).into(), Some((*max).into())),
            ValueKind::Double => "a number such as 3 or 0.5".to_owned(),
            ValueKind::String => "text".to_owned(),
            ValueKind::FilePath => "a file or directory path".to_owned(),
            ValueKind::NameList => "a comma list of names".to_owned(),
            ValueKind::Enum(spec) => spec.describe(),
            ValueKind::EnumList(spec) => format!("a comma list of {}", spec.describe()),
            ValueKind::CodecList { .. } => "a comma list of codec names or `all`".to_owned(),
            ValueKind::AclEntry => "a comma list of `[!]address[/mask]` rules".to_owned(),
            ValueKind::NetworkList => {
                "a comma list of IP addresses, networks or host names".to_owned()
            }
            ValueKind::Bind => "a numeric address with optional port".to_owned(),
            ValueKind::Uri { .. } => "a SIP URI (sip: or sips:)".to_owned(),
            ValueKind::ProxyUri => "a SIP URI of a proxy, optionally in <...>".to_owned(),
            ValueKind::UriList => "a comma list of SIP URIs".to_owned(),
            ValueKind::Custom(check) => match check {
                CustomCheck::Tos => "an integer 0-255 or a DSCP name (ef, af41, cs3, ...)",
                CustomCheck::Groups => "a comma list of group numbers 0-63 or ranges a-b",
                CustomCheck::CodecPrefs { .. } => {
                    "codec negotiation preferences: prefer, operation, keep, transcode"
                }
                CustomCheck::SetVar => "NAME=value",
                CustomCheck::FromUser => "a SIP user part (letters, digits, -._~%!$&'()*+,;=:)",
                CustomCheck::SecurityMechanisms => "a comma list of security mechanisms",
                CustomCheck::Deprecated { .. } => "nothing: the option is deprecated",
                CustomCheck::MatchHeader => "`Header-Name: value` or `Header-Name: /regex/`",
            }
            .to_owned(),
        }
    }
}
