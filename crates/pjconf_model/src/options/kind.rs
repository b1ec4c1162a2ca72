//! What kind of value an option takes, as pjconf checks it.
//!
//! [`ValueKind`] is finer than the type Asterisk registers ([`super::RegisteredType`]): a
//! registered `string` may be a SIP URI or a list of object names, and a registered `custom`
//! handler may be an enumeration, an ACL or a boolean.

/// How an enumerated value is compared with its accepted spellings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseRule {
    /// Any letter case, like `strcasecmp` (`dtmf_mode = RFC4733` works).
    Insensitive,
    /// Exact bytes, like `strcmp` (`t38_udptl_ec = FEC` is rejected).
    Sensitive,
}

/// What Asterisk does with a value that is none of the accepted spellings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnknownValue {
    /// The handler fails: "Error parsing", and the whole object is dropped.
    Rejected,
    /// The value is ignored without any message; the option keeps its previous value.
    SilentlyIgnored,
}

/// The accepted spellings of an enumerated option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EnumSpec {
    /// Canonical values, as Asterisk stores them (lowercase unless Asterisk shows otherwise).
    pub values: &'static [&'static str],
    /// How the input is compared with `values` and alias names.
    pub case: CaseRule,
    /// Other accepted spellings, as `(alias, canonical value)`: `forced` is stored as `always`.
    pub aliases: &'static [(&'static str, &'static str)],
    /// True when the boolean spellings work too: an `ast_true` spelling means `yes`, an
    /// `ast_false` spelling means `no` (`100rel`, `timers`).
    pub bool_spellings: bool,
    /// True when a plain integer is accepted as well (`callerid_privacy` takes a number).
    pub integer_ok: bool,
    /// What happens to any other value.
    pub unknown: UnknownValue,
    /// Known wrong spellings with the value to use instead, as `(wrong, right)`:
    /// `dtmf_mode = rfc2833` is rejected, `rfc4733` is meant.
    pub hints: &'static [(&'static str, &'static str)],
}

impl EnumSpec {
    /// An enumeration with no aliases, hints or boolean spellings, rejecting other values.
    pub(crate) const fn new(values: &'static [&'static str], case: CaseRule) -> EnumSpec {
        EnumSpec {
            values,
            case,
            aliases: &[],
            bool_spellings: false,
            integer_ok: false,
            unknown: UnknownValue::Rejected,
            hints: &[],
        }
    }

    /// The accepted forms as one human phrase: "one of: a, b, c".
    pub fn describe(&self) -> String {
        let mut text = format!("one of: {}", self.values.join(", "));
        if !self.aliases.is_empty() {
            let aliases: Vec<String> = self
                .aliases
                .iter()
                .map(|(alias, canonical)| format!("{alias} (= {canonical})"))
                .collect();
            text.push_str(&format!("; also {}", aliases.join(", ")));
        }
        if self.bool_spellings {
            text.push_str("; or a boolean spelling (yes/true/on/1 = yes, no/false/off/0 = no)");
        }
        if self.integer_ok {
            text.push_str("; or an integer");
        }
        match self.case {
            CaseRule::Insensitive => text.push_str(" (any letter case)"),
            CaseRule::Sensitive => text.push_str(" (case-sensitive)"),
        }
        text
    }
}

/// The unit of a duration-like unsigned option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeUnit {
    /// Seconds.
    Seconds,
    /// Milliseconds.
    Milliseconds,
}

impl TimeUnit {
    /// "seconds" or "milliseconds".
    pub fn as_str(self) -> &'static str {
        match self {
            TimeUnit::Seconds => "seconds",
            TimeUnit::Milliseconds => "milliseconds",
        }
    }
}

/// A named checker for a value format that no other [`ValueKind`] describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CustomCheck {
    /// `tos`, `tos_audio`, `tos_video`: an integer (decimal, `0x` hex or leading-`0` octal,
    /// masked to 8 bits) or a DSCP name (`ef`, `af41`, `cs3`, any case; stored shifted, `ef` = 184).
    Tos,
    /// `call_group`, `pickup_group`: comma list of numbers 0-63 and ranges `a-b`. Bad pieces
    /// are logged and skipped; the object still loads.
    Groups,
    /// `codec_prefs_*`: `prefer: pending|configured, operation: ..., keep: all|first,
    /// transcode: allow|prevent`, names and values case-sensitive.
    CodecPrefs {
        /// False for `codec_prefs_incoming_offer`, which rejects `operation: union`.
        union_allowed: bool,
    },
    /// `set_var`: `NAME=value`; a non-empty value without `=` is rejected.
    SetVar,
    /// `from_user`: only letters, digits and `-._~%!$&'()*+,;=:` are accepted.
    FromUser,
    /// `security_mechanisms`: comma list of `msrp-tls|sdes-srtp|dtls-srtp|none` with
    /// `;param` parts; unknown mechanisms are dropped without a message.
    SecurityMechanisms,
    /// Any value loads, but Asterisk logs a deprecation warning naming the replacement.
    Deprecated {
        /// The option to use instead.
        replacement: &'static str,
    },
    /// identify `match_header`: `Header-Name: value` or `Header-Name: /regex/`.
    MatchHeader,
}

/// How pjconf checks an option's value (see [`crate::check_value`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// The value is not parsed (`type`).
    Noop,
    /// A boolean as `ast_true` reads it; shown as true/false. Non-boolean spellings are
    /// silently false.
    Bool,
    /// Same parse as [`ValueKind::Bool`]; shown as yes/no (`OPT_YESNO_T`).
    BoolYesNo,
    /// An unsigned 32-bit integer (`strtoul` base 0: decimal, `0x` hex, leading-`0` octal).
    Uint {
        /// Smallest accepted value.
        min: u32,
        /// Largest accepted value, when the option is range-checked.
        max: Option<u32>,
    },
    /// An unsigned integer counting time.
    Duration {
        /// What one unit is.
        unit: TimeUnit,
        /// Smallest accepted value.
        min: u32,
        /// Largest accepted value, when the option is range-checked.
        max: Option<u32>,
    },
    /// A signed 32-bit integer (`strtol` base 0).
    Int {
        /// Smallest accepted value.
        min: i32,
        /// Largest accepted value.
        max: i32,
    },
    /// A floating point number (`strtod`).
    Double,
    /// Free text, stored as given.
    String,
    /// A file or directory path; existence is checked by Asterisk at load, not by pjconf.
    FilePath,
    /// A comma list of names (object names, or named ACLs from acl.conf).
    NameList,
    /// One value out of a fixed set.
    Enum(&'static EnumSpec),
    /// A comma list of values out of a fixed set.
    EnumList(&'static EnumSpec),
    /// A codec list for `allow`/`disallow`: `all`, codec names, `!` negation, `:ms` framing.
    CodecList {
        /// True when an empty value is accepted (`disallow =` does nothing, `allow =` fails).
        allow_empty: bool,
    },
    /// ACL rules: comma list of `[!]address[/mask]`, numeric IPv4 or IPv6 only.
    AclEntry,
    /// identify `match`: comma list of IP, IP:port, IP/mask or host name (resolved at load).
    NetworkList,
    /// transport `bind`: numeric `ip[:port]`, `[ipv6][:port]` or a bare IPv6 address.
    Bind,
    /// A SIP URI (`sip:` or `sips:`).
    Uri {
        /// True when an empty value is accepted.
        optional: bool,
    },
    /// An outbound proxy: empty, or a SIP URI optionally in `<...>` (`sip:proxy\;lr`).
    ProxyUri,
    /// aor `contact`: comma list of SIP URIs; empty items are skipped.
    UriList,
    /// A format with its own checker.
    Custom(CustomCheck),
}
