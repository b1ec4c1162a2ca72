//! `pjsip_wizard.conf`: the objects res_pjsip_config_wizard creates from a `type = wizard`
//! section, as plain sections that the rest of pjconf checks like any pjsip.conf section.
//!
//! # What a wizard becomes
//! For a wizard `[name]` (handler function of res_pjsip_config_wizard.c in brackets):
//! - endpoint `name` (handle_endpoint): every `endpoint/<opt>`, then `aors = name`,
//!   `outbound_proxy` and `transport` when those wizard keys are set, `outbound_auth =
//!   name-oauth` when `sends_auth`, `auth = name-iauth` when `accepts_auth`.
//! - aor `name` (handle_aor): every `aor/<opt>`, `outbound_proxy`, and unless an `aor/contact`
//!   is given, one `contact` per remote host from `contact_pattern` (default
//!   `sip:${REMOTE_HOST}`). `accepts_registrations` does not set `max_contacts`.
//! - auth `name-oauth` when `sends_auth`, then auth `name-iauth` when `accepts_auth`
//!   (handle_auths → handle_auth): the `outbound_auth/` / `inbound_auth/` options, and
//!   `auth_type = userpass` unless one is given. The username is required; when the outbound
//!   one fails the inbound one is not attempted.
//! - identify `name-identify` (handle_identify) unless `accepts_registrations` or
//!   `sends_line_with_registrations`: the `identify/` options, `endpoint = name`, and unless an
//!   `identify/match` is given one `match` per remote host, port included. Needs remote hosts.
//! - registration `name-reg-N`, N = 0.. per remote host, when `sends_registrations`
//!   (handle_registrations): the `registration/` options, `outbound_proxy`, then `server_uri`
//!   from `server_uri_pattern` (default `sip:${REMOTE_HOST}`), `client_uri` from
//!   `client_uri_pattern` (default `sip:${USERNAME}@${REMOTE_HOST}`; USERNAME is the last
//!   `outbound_auth/username` with `sends_auth`, else the wizard name), `outbound_auth =
//!   name-oauth` with `sends_auth`, `transport`, and `line = yes` + `endpoint = name` with
//!   `sends_line_with_registrations`.
//! - phoneprov `name-phoneprov` when `has_phoneprov` (handle_phoneprov): the `phoneprov/`
//!   options and `endpoint = name`; needs `phoneprov/MAC`.
//! - a dialplan hint (handle_endpoint → add_hints) when `hint_exten` is set and `has_hint` is
//!   yes: `exten => hint_exten,hint,PJSIP/name` in `hint_context` (else the endpoint's
//!   `context`, else `default`), plus priority 1 running `hint_application` when one is set.
//!   The code has no default application (the sample file's `Dial(${HINT})` is not applied).
//!
//! The objects are returned in that order. The `@pjsip_wizard` / `@hint_*` extended fields
//! the wizard adds to mark its objects are internal and left out.
//!
//! # How the wizard reads its keys
//! - Which sections: config.c does_category_match with the filter `type=^wizard$`, two POSIX
//!   extended regexes without REG_ICASE: a section is a wizard when ANY of its values
//!   (inherited ones included) has a name containing `type` (lower case, unanchored) and the
//!   value exactly `wizard`. So `type = Wizard` and `TYPE = wizard` are not wizards, a wizard
//!   that later says `type = aor` still is one, and templates (`(!)`) never are. See
//!   [`is_wizard`].
//! - Wizard keys: the LAST value wins (ast_variable_find_last_in_list), names in any letter
//!   case (strcasecmp); yes/no keys through ast_true (`yes true y t 1 on`, anything else is
//!   no). An empty value counts as set for the "is it given" tests (`aor/contact =`), and as
//!   absent where the C code tests ast_strlen_zero (`transport`, `remote_hosts`, ...).
//! - `<object>/<opt>` keys: every one, in order, prefix matched case-SENSITIVELY
//!   (get_object_variables → ast_begins_with); `Endpoint/context` is ignored.
//! - `remote_hosts`: the last value split at commas as ast_strsep(AST_STRSEP_TRIM) does, each
//!   entry trimmed, quotes and backslashes respected, empty entries kept
//!   (wizard_apply_handler).
//! - Patterns: `${REMOTE_HOST}` and `${USERNAME}` are substituted. Any other `${NAME}` gives
//!   nothing here (Asterisk would use a dialplan global of that name); expressions are kept as
//!   written.
//!
//! # Failures
//! Each object type is a separate pass (object_type_loaded_observer calls
//! wizard_apply_handler once per type), so a failing handler costs only its own objects; the
//! error diagnostics below say which. Invalid option values inside the created objects are not
//! checked here: lint the returned sections as pjsip.conf sections.
//!
//! # Spans
//! Values copied from `<object>/<opt>` keys keep the wizard line's spans, the key span narrowed
//! to `<opt>` when it covers the key byte for byte (so a fix of the option name edits only the
//! name). Copied wizard keys (`transport`, `outbound_proxy`) keep theirs. Generated values carry
//! the spans of the wizard key that caused them (`sends_auth` for `outbound_auth`, the remote
//! host's text inside `remote_hosts` for contacts, matches and URIs, the `type = wizard` line for
//! `type`), or the section name (`aors`, `endpoint`).
//!
//! ```
//! use pjconf_diagnostics::{FileId, Span};
//! use pjconf_model::{SectionInput, SectionValue, wizard};
//!
//! let at = Span::new(FileId(0), 0, 1);
//! let value = |k: &str, v: &str| SectionValue {
//!     key: k.into(), value: v.into(), key_span: at, value_span: at, inherited_from: None,
//! };
//! let trunk = SectionInput {
//!     name: "itsp".into(),
//!     name_span: at,
//!     template: false,
//!     values: vec![
//!         value("type", "wizard"),
//!         value("sends_registrations", "yes"),
//!         value("remote_hosts", "sip1.example.com, sip2.example.com:5080"),
//!     ],
//! };
//! let expansion = wizard::expand(&trunk);
//! let names: Vec<_> = expansion.sections.iter().map(|s| s.name.as_str()).collect();
//! assert_eq!(names, ["itsp", "itsp", "itsp-identify", "itsp-reg-0", "itsp-reg-1"]);
//! let reg = &expansion.sections[4];
//! let client_uri = reg.values.iter().find(|v| v.key == "client_uri").unwrap();
//! assert_eq!(client_uri.value, "sip:itsp@sip2.example.com:5080");
//! assert!(expansion.diagnostics.is_empty());
//! ```

pub mod codes;
mod expand;
mod read;

use pjconf_diagnostics::{Diagnostic, Span};

use crate::SectionInput;

pub use read::{OBJECT_PREFIXES, WIZARD_BOOL_KEYS, WIZARD_KEYS};

/// What expanding wizard sections gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expansion {
    /// The sections: for a wizard, the objects it creates, each with `type = ...` first and
    /// named as Asterisk names them; other sections (with [`expand_all`]) unchanged.
    pub sections: Vec<SectionInput>,
    /// The dialplan hints the wizards add.
    pub hints: Vec<Hint>,
    /// What the wizard would log, and what it does silently that is probably not meant.
    pub diagnostics: Vec<Diagnostic>,
}

/// A dialplan hint a wizard adds (add_hints): `exten => <exten>,hint,<device>` in `context`,
/// and `exten => <exten>,1,<application>` when an application is set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// The wizard (and endpoint) name.
    pub wizard: String,
    /// The context: `hint_context`, else the endpoint's `context`, else `default`.
    pub context: String,
    /// The extension (`hint_exten`).
    pub exten: String,
    /// The priority 1 application (`hint_application`), if set; there is no default.
    pub application: Option<String>,
    /// The hinted device, `PJSIP/<wizard>`.
    pub device: String,
    /// Where `hint_exten` is written.
    pub span: Span,
}

/// True when Asterisk expands `section` as a wizard: not a template, and some value whose
/// name contains `type` (case-sensitive) is exactly `wizard` (the `type=^wizard$` filter of
/// object_type_loaded_observer, evaluated by config.c does_category_match).
///
/// ```
/// use pjconf_diagnostics::{FileId, Span};
/// use pjconf_model::{SectionInput, SectionValue, wizard};
///
/// let at = Span::new(FileId(0), 0, 1);
/// let section = |pairs: &[(&str, &str)]| SectionInput {
///     name: "w".into(), name_span: at, template: false,
///     values: pairs.iter().map(|(k, v)| SectionValue {
///         key: (*k).into(), value: (*v).into(), key_span: at, value_span: at, inherited_from: None,
///     }).collect(),
/// };
/// assert!(wizard::is_wizard(&section(&[("type", "wizard")])));
/// assert!(!wizard::is_wizard(&section(&[("type", "Wizard")])));
/// assert!(!wizard::is_wizard(&section(&[("TYPE", "wizard")])));
/// assert!(wizard::is_wizard(&section(&[("type", "wizard"), ("type", "aor")])));
/// ```
pub fn is_wizard(section: &SectionInput) -> bool {
    read::wizard_type_line(section).is_some()
}

/// Expand one section. A wizard gives the objects, hints and diagnostics described in the
/// [module documentation](self); any other section (templates included) gives an empty
/// [`Expansion`].
pub fn expand(section: &SectionInput) -> Expansion {
    match read::wizard_type_line(section) {
        Some(type_line) => expand::expand_wizard(section, type_line),
        None => Expansion::default(),
    }
}

/// Expand every wizard of `sections`, in order: a wizard is replaced by its objects, any other
/// section is passed through unchanged. Diagnostics about the same place (a bad key in a
/// template several wizards inherit) are reported once.
///
/// Asterisk itself never reads the non-wizard sections of pjsip_wizard.conf; pass only the
/// sections that should become objects, or drop the others with [`is_wizard`].
pub fn expand_all(sections: impl IntoIterator<Item = SectionInput>) -> Expansion {
    let mut all = Expansion::default();
    let mut seen = std::collections::BTreeSet::new();
    for section in sections {
        if !is_wizard(&section) {
            all.sections.push(section);
            continue;
        }
        let expansion = expand(&section);
        all.sections.extend(expansion.sections);
        all.hints.extend(expansion.hints);
        for diagnostic in expansion.diagnostics {
            if seen.insert((
                diagnostic.code,
                diagnostic.primary.span,
                diagnostic.message.clone(),
            )) {
                all.diagnostics.push(diagnostic);
            }
        }
    }
    replaced_hints(&mut all);
    all
}

/// Hints of different wizards for the same extension in the same context: add_extension
/// replaces an existing entry of that extension and priority, so only the last one stays.
fn replaced_hints(all: &mut Expansion) {
    for (i, earlier) in all.hints.iter().enumerate() {
        let Some(later) = all.hints[i + 1..]
            .iter()
            .find(|h| h.context == earlier.context && h.exten == earlier.exten)
        else {
            continue;
        };
        all.diagnostics.push(
            Diagnostic::warning(
                codes::WIZARD_SETTING_WITHOUT_EFFECT,
                format!(
                    "the hint `{}@{}` of wizard `{}` is replaced by the one of wizard `{}`",
                    earlier.exten, earlier.context, earlier.wizard, later.wizard
                ),
                earlier.span,
            )
            .with_label(earlier.span, "replaced")
            .with_secondary(later.span, "by this hint")
            .with_note(
                "add_hints (add_extension) replaces an existing entry for the same extension \
                 and priority in the context, so the extension hints the later wizard's device",
            )
            .with_help("give each wizard its own `hint_exten`"),
        );
    }
}
