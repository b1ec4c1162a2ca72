//! Reading a wizard section as res_pjsip_config_wizard.c reads it: last value of a key, yes/no
//! through `ast_true`, `<object>/` prefixed keys, the `remote_hosts` list and the
//! `${REMOTE_HOST}` / `${USERNAME}` patterns.

use pjconf_diagnostics::Span;

use crate::{BoolSpelling, ObjectType, SectionInput, SectionValue, bool_spelling};

/// The keys the wizard itself reads (compared in any letter case, as
/// ast_variable_find_last_in_list does with strcasecmp).
pub const WIZARD_KEYS: &[&str] = &[
    "type",
    "transport",
    "remote_hosts",
    "outbound_proxy",
    "sends_auth",
    "accepts_auth",
    "sends_registrations",
    "sends_line_with_registrations",
    "accepts_registrations",
    "has_phoneprov",
    "server_uri_pattern",
    "client_uri_pattern",
    "contact_pattern",
    "has_hint",
    "hint_context",
    "hint_exten",
    "hint_application",
];

/// The wizard keys read with `ast_true` (is_variable_true).
pub const WIZARD_BOOL_KEYS: &[&str] = &[
    "sends_auth",
    "accepts_auth",
    "sends_registrations",
    "sends_line_with_registrations",
    "accepts_registrations",
    "has_phoneprov",
    "has_hint",
];

/// The `<object>/` prefixes whose keys are passed, prefix removed, to the object of that type
/// (get_object_variables). Matched case-SENSITIVELY (ast_begins_with is a plain strncmp).
pub const OBJECT_PREFIXES: &[(&str, ObjectType)] = &[
    ("endpoint/", ObjectType::Endpoint),
    ("aor/", ObjectType::Aor),
    ("inbound_auth/", ObjectType::Auth),
    ("outbound_auth/", ObjectType::Auth),
    ("identify/", ObjectType::Identify),
    ("registration/", ObjectType::Registration),
    ("phoneprov/", ObjectType::Phoneprov),
];

/// The default `contact_pattern` / `server_uri_pattern` (handle_aor, handle_registrations).
pub(crate) const DEFAULT_HOST_PATTERN: &str = "sip:${REMOTE_HOST}";
/// The default `client_uri_pattern` (handle_registrations).
pub(crate) const DEFAULT_CLIENT_URI_PATTERN: &str = "sip:${USERNAME}@${REMOTE_HOST}";

/// The value line that makes a section a wizard, if any.
///
/// ast_category_browse_filtered with `type=^wizard$` (config.c does_category_match) compiles
/// both sides as POSIX extended regexes without REG_ICASE and matches when ANY variable of the
/// section (inherited ones included) has a name matching `type` (unanchored: the name only has
/// to contain `type`, in lower case) and a value matching `^wizard$` (exactly `wizard`).
/// Templates are skipped (no `TEMPLATES=` term in the filter).
pub(crate) fn wizard_type_line(section: &SectionInput) -> Option<&SectionValue> {
    if section.template {
        return None;
    }
    section
        .values
        .iter()
        .find(|v| v.key.contains("type") && v.value == "wizard")
}

/// The wizard's values with the lookups the C handlers do.
pub(crate) struct WizardView<'a> {
    pub(crate) section: &'a SectionInput,
}

impl<'a> WizardView<'a> {
    /// ast_variable_find_last_in_list: the last value of `name`, any letter case.
    pub(crate) fn last(&self, name: &str) -> Option<&'a SectionValue> {
        self.section
            .values
            .iter()
            .rev()
            .find(|v| v.key.eq_ignore_ascii_case(name))
    }

    /// The last value when it is not empty (the handlers test ast_strlen_zero).
    pub(crate) fn last_non_empty(&self, name: &str) -> Option<&'a SectionValue> {
        self.last(name).filter(|v| !v.value.is_empty())
    }

    /// is_variable_true: ast_true of the last value (absent reads as false).
    pub(crate) fn is_true(&self, name: &str) -> bool {
        self.last(name)
            .is_some_and(|v| bool_spelling(&v.value) == BoolSpelling::True)
    }

    /// get_object_variables: every value whose key starts with `prefix` (case-sensitive) and is
    /// longer than it, in order, with the prefix removed.
    pub(crate) fn prefixed(&self, prefix: &'a str) -> impl Iterator<Item = Prefixed<'a>> + 'a {
        self.section.values.iter().filter_map(move |v| {
            let option = v.key.strip_prefix(prefix)?;
            (!option.is_empty()).then_some(Prefixed {
                value: v,
                option,
                prefix_len: prefix.len(),
            })
        })
    }

    /// The remote hosts (wizard_apply_handler): the last `remote_hosts`, when not empty, split
    /// like `ast_strsep(',', AST_STRSEP_TRIM)`.
    pub(crate) fn remote_hosts(&self) -> Vec<Host> {
        let Some(v) = self.last_non_empty("remote_hosts") else {
            return Vec::new();
        };
        split_hosts(&v.value)
            .into_iter()
            .map(|(start, text)| Host {
                span: sub_span(v.value_span, &v.value, start, text.len()),
                key_span: v.key_span,
                inherited_from: v.inherited_from.clone(),
                text: text.to_owned(),
            })
            .collect()
    }
}

/// A prefixed wizard key: the value, and the option name after the prefix.
#[derive(Clone, Copy)]
pub(crate) struct Prefixed<'a> {
    pub(crate) value: &'a SectionValue,
    pub(crate) option: &'a str,
    pub(crate) prefix_len: usize,
}

impl Prefixed<'_> {
    /// The key span narrowed to the option after the prefix, when the span covers exactly the
    /// key as written (so a fix on the option name edits only the name); else the whole key.
    pub(crate) fn option_span(&self) -> Span {
        let v = self.value;
        sub_span(
            v.key_span,
            &v.key,
            self.prefix_len,
            v.key.len() - self.prefix_len,
        )
    }
}

/// One entry of `remote_hosts`, with the span of its text inside the value.
#[derive(Debug, Clone)]
pub(crate) struct Host {
    pub(crate) text: String,
    pub(crate) span: Span,
    pub(crate) key_span: Span,
    pub(crate) inherited_from: Option<std::sync::Arc<str>>,
}

/// `span` narrowed to `len` bytes at `offset` of `text`, when the span covers `text` byte for
/// byte (no escapes were removed); otherwise `span` itself.
pub(crate) fn sub_span(span: Span, text: &str, offset: usize, len: usize) -> Span {
    if span.len() as usize != text.len() {
        return span;
    }
    let start = span.start + offset as u32;
    Span::new(span.file, start, start + len as u32)
}

/// Split a non-empty list as `while ((host = ast_strsep(&hosts, ',', AST_STRSEP_TRIM)))` does:
/// a backslash protects the next character, `'` and `"` quote (separators inside quotes do not
/// split), each piece is trimmed, and empty pieces are kept (`a,,b` and `a,` give empty
/// entries). Returns (byte offset, text) pairs.
pub(crate) fn split_hosts(list: &str) -> Vec<(usize, &str)> {
    let bytes = list.as_bytes();
    let mut pieces = Vec::new();
    let mut start = 0;
    loop {
        // ast_strsep on an empty remainder returns it once, then NULL.
        let mut i = start;
        let mut quotes: Vec<u8> = Vec::new();
        let mut end = None;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' => {
                    i += 2;
                    continue;
                }
                q @ (b'\'' | b'"') => {
                    if quotes.last() == Some(&q) {
                        quotes.pop();
                    } else {
                        quotes.push(q);
                    }
                }
                b',' if quotes.is_empty() => {
                    end = Some(i);
                    break;
                }
                _ => {}
            }
            i += 1;
        }
        let stop = end.unwrap_or(bytes.len()).min(bytes.len());
        let raw = &list[start..stop];
        let trimmed = raw.trim_start_matches(is_c_space);
        let offset = start + raw.len() - trimmed.len();
        pieces.push((offset, trimmed.trim_end_matches(is_c_space)));
        match end {
            Some(comma) => start = comma + 1,
            None => break,
        }
    }
    pieces
}

/// C isspace in the "C" locale, which ast_strip trims.
fn is_c_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
}

/// Substitute `${REMOTE_HOST}` and `${USERNAME}` in a pattern, as
/// ast_str_substitute_variables_varshead does with a variable list holding only those two
/// (names compared case-sensitively, pbx_retrieve_variable). Any other `${NAME}` is a dialplan
/// variable lookup: pjconf substitutes nothing for it (Asterisk would use a dialplan global of
/// that name, if one exists). Expressions (`${X:1:2}`, functions, `$[...]`) are kept as written.
pub(crate) fn substitute(pattern: &str, vars: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut rest = pattern;
    while let Some(at) = rest.find("${") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let Some(close) = matching_brace(after) else {
            out.push_str(&rest[at..]);
            return out;
        };
        let inner = &after[..close];
        if let Some((_, value)) = vars.iter().find(|(name, _)| *name == inner) {
            out.push_str(value);
        } else if inner.is_empty()
            || !inner
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            out.push_str(&rest[at..at + 2 + close + 1]);
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The index of the `}` that closes a `${` whose body starts at `text`, counting nested `${`.
fn matching_brace(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'$' if bytes.get(i + 1) == Some(&b'{') => {
                depth += 1;
                i += 1;
            }
            b'}' if depth == 0 => return Some(i),
            b'}' => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_split_like_ast_strsep() {
        assert_eq!(split_hosts(" a:5060 , b "), vec![(1, "a:5060"), (10, "b")]);
        assert_eq!(split_hosts("a,"), vec![(0, "a"), (2, "")]);
        assert_eq!(split_hosts("a,,b"), vec![(0, "a"), (2, ""), (3, "b")]);
        assert_eq!(split_hosts("\"a,b\",c"), vec![(0, "\"a,b\""), (6, "c")]);
        assert_eq!(split_hosts("a\\,b,c"), vec![(0, "a\\,b"), (5, "c")]);
    }

    #[test]
    fn patterns_substitute_only_the_wizard_variables() {
        let vars = [("REMOTE_HOST", "h:5060"), ("USERNAME", "u")];
        assert_eq!(
            substitute("sip:${USERNAME}@${REMOTE_HOST}", &vars),
            "sip:u@h:5060"
        );
        assert_eq!(substitute("sip:${remote_host}", &vars), "sip:");
        assert_eq!(substitute("sip:${X:1:2}", &vars), "sip:${X:1:2}");
        assert_eq!(substitute("sip:${REMOTE_HOST", &vars), "sip:${REMOTE_HOST");
        assert_eq!(substitute("", &vars), "");
    }
}
