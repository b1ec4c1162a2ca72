//! What a repeated option means to the consumer: data handed in, not knowledge of pjsip.
//!
//! main/config.c keeps every line; the meaning of a repeated key belongs to whoever reads the
//! section. Sorcery (ast_sorcery_objectset_apply → aco_process_var) applies every variable in
//! order: a scalar field ends with the last value, a list-like handler adds each one. This
//! crate only asks a [`RepeatRule`] which of the two a key is; [`ListOptions::PJSIP`] is the
//! default table for pjsip.conf.

/// How repeated values of one key combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Repeat {
    /// A later value replaces an earlier one.
    Replace,
    /// Every value counts, in order.
    Accumulate,
}

/// Decides [`Repeat`] for a key of a section of a given type (the section's first `type`
/// value, if any). Closures `Fn(Option<&str>, &str) -> Repeat` are rules too.
///
/// ```
/// use pjconf_templates::{ListOptions, Repeat, RepeatRule};
///
/// let rule = ListOptions::PJSIP;
/// assert_eq!(rule.repeat(Some("endpoint"), "allow"), Repeat::Accumulate);
/// assert_eq!(rule.repeat(Some("endpoint"), "context"), Repeat::Replace);
/// let everything_adds = |_: Option<&str>, _: &str| Repeat::Accumulate;
/// assert_eq!(everything_adds.repeat(None, "x"), Repeat::Accumulate);
/// ```
pub trait RepeatRule {
    /// The rule for `key` in a section whose type is `section_type`.
    fn repeat(&self, section_type: Option<&str>, key: &str) -> Repeat;
}

impl<F> RepeatRule for F
where
    F: Fn(Option<&str>, &str) -> Repeat,
{
    fn repeat(&self, section_type: Option<&str>, key: &str) -> Repeat {
        self(section_type, key)
    }
}

/// A table of `(type, key)` pairs that accumulate; every other key replaces. The type is
/// compared exactly (Sorcery matches `type` values case-sensitively), the key ignoring ASCII
/// case (option names are looked up that way).
#[derive(Debug, Clone, Copy)]
pub struct ListOptions {
    entries: &'static [(&'static str, &'static str)],
}

impl ListOptions {
    /// The pjsip.conf options whose handlers add each line to a list (codec preferences,
    /// ACL rules, contacts, matches, channel variables, ...).
    pub const PJSIP: ListOptions = ListOptions {
        entries: PJSIP_LIST_OPTIONS,
    };

    /// A rule from a table of `(type, key)` pairs that accumulate.
    pub const fn new(entries: &'static [(&'static str, &'static str)]) -> Self {
        ListOptions { entries }
    }

    /// The table.
    pub fn entries(&self) -> &'static [(&'static str, &'static str)] {
        self.entries
    }
}

impl Default for ListOptions {
    fn default() -> Self {
        Self::PJSIP
    }
}

impl RepeatRule for ListOptions {
    fn repeat(&self, section_type: Option<&str>, key: &str) -> Repeat {
        let Some(t) = section_type else {
            return Repeat::Replace;
        };
        let listed = self
            .entries
            .iter()
            .any(|&(et, ek)| et == t && ek.eq_ignore_ascii_case(key));
        if listed {
            Repeat::Accumulate
        } else {
            Repeat::Replace
        }
    }
}

/// The default `(type, key)` list options of pjsip.conf (from the option table in
/// shared/reference/pjsip-options.tsv: handlers that append rather than set).
pub const PJSIP_LIST_OPTIONS: &[(&str, &str)] = &[
    ("endpoint", "allow"),
    ("endpoint", "disallow"),
    ("endpoint", "set_var"),
    ("endpoint", "permit"),
    ("endpoint", "deny"),
    ("endpoint", "acl"),
    ("endpoint", "contact_permit"),
    ("endpoint", "contact_deny"),
    ("endpoint", "contact_acl"),
    ("aor", "contact"),
    ("identify", "match"),
    ("acl", "permit"),
    ("acl", "deny"),
    ("acl", "acl"),
    ("acl", "contact_permit"),
    ("acl", "contact_deny"),
    ("acl", "contact_acl"),
    ("transport", "local_net"),
    ("resource_list", "list_item"),
];
