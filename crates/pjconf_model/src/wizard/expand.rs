//! One wizard section into its objects, following the handle_* functions of
//! res_pjsip_config_wizard.c (own code; the function names are cited at each step).

use std::collections::BTreeSet;

use pjconf_diagnostics::{Applicability, Diagnostic, Edit, Fix, Span};

use super::codes;
use super::read::{
    DEFAULT_CLIENT_URI_PATTERN, DEFAULT_HOST_PATTERN, Host, OBJECT_PREFIXES, Prefixed,
    WIZARD_BOOL_KEYS, WIZARD_KEYS, WizardView, substitute,
};
use super::{Expansion, Hint};
use crate::{BoolSpelling, ObjectType, Repeat, SectionInput, SectionValue, bool_spelling, lookup};

/// Where a generated value points.
struct Cause {
    key_span: Span,
    value_span: Span,
    inherited_from: Option<std::sync::Arc<str>>,
}

impl Cause {
    fn line(v: &SectionValue) -> Cause {
        Cause {
            key_span: v.key_span,
            value_span: v.value_span,
            inherited_from: v.inherited_from.clone(),
        }
    }

    fn host(host: &Host, key_span: Span) -> Cause {
        Cause {
            key_span,
            value_span: host.span,
            inherited_from: host.inherited_from.clone(),
        }
    }
}

/// An object being built: its section and how many values came from `<object>/` keys.
struct Built<'a> {
    section: SectionInput,
    object_type: ObjectType,
    prefix: &'static str,
    prefixed: Vec<Prefixed<'a>>,
}

struct Expander<'a> {
    view: WizardView<'a>,
    name: &'a str,
    type_line: &'a SectionValue,
    hosts: Vec<Host>,
    out: Expansion,
    /// (prefix, option) pairs already reported as overridden (registrations repeat per host).
    overridden: BTreeSet<(&'static str, String)>,
}

pub(crate) fn expand_wizard(section: &SectionInput, type_line: &SectionValue) -> Expansion {
    let view = WizardView { section };
    let hosts = view.remote_hosts();
    let mut x = Expander {
        view,
        name: &section.name,
        type_line,
        hosts,
        out: Expansion::default(),
        overridden: BTreeSet::new(),
    };
    x.check_keys();
    x.check_bools();
    x.endpoint();
    x.aor();
    x.auths();
    x.identify();
    x.registrations();
    x.phoneprov();
    x.check_without_effect();
    x.check_max_contacts();
    x.out
}

impl<'a> Expander<'a> {
    fn section(&self) -> &'a SectionInput {
        self.view.section
    }

    fn name_cause(&self) -> Cause {
        Cause {
            key_span: self.section().name_span,
            value_span: self.section().name_span,
            inherited_from: None,
        }
    }

    /// A new object `id` of `object_type` with `type` first and every `prefix` key copied.
    fn start(&self, id: String, object_type: ObjectType, prefix: &'static str) -> Built<'a> {
        let prefixed: Vec<Prefixed<'a>> = self.view.prefixed(prefix).collect();
        let mut values = Vec::with_capacity(prefixed.len() + 4);
        values.push(SectionValue {
            key: "type".to_owned(),
            value: object_type.as_str().to_owned(),
            key_span: self.type_line.key_span,
            value_span: self.type_line.value_span,
            inherited_from: self.type_line.inherited_from.clone(),
        });
        values.extend(prefixed.iter().map(|p| SectionValue {
            key: p.option.to_owned(),
            value: p.value.value.clone(),
            key_span: p.option_span(),
            value_span: p.value.value_span,
            inherited_from: p.value.inherited_from.clone(),
        }));
        Built {
            section: SectionInput {
                name: id,
                name_span: self.section().name_span,
                template: false,
                values,
            },
            object_type,
            prefix,
            prefixed,
        }
    }

    /// Append a generated value, reporting an `<object>/` option it lands after.
    fn add(&mut self, built: &mut Built<'a>, key: &str, value: String, cause: Cause) {
        if let Some(p) = built
            .prefixed
            .iter()
            .rev()
            .find(|p| p.option.eq_ignore_ascii_case(key))
            .copied()
            && self
                .overridden
                .insert((built.prefix, key.to_ascii_lowercase()))
        {
            let accumulates = lookup(built.object_type, key)
                .is_some_and(|spec| spec.repeat == Repeat::Accumulate);
            let (message, label) = if accumulates {
                (
                    format!(
                        "the wizard adds `{key} = {value}` to `{}{}` of {} `{}`",
                        built.prefix, p.option, built.object_type, built.section.name
                    ),
                    "the wizard's value is added after this one",
                )
            } else {
                (
                    format!(
                        "`{}{}` has no effect: the wizard sets `{key} = {value}` on {} `{}` after it",
                        built.prefix, p.option, built.object_type, built.section.name
                    ),
                    "replaced by the wizard's value",
                )
            };
            self.out.diagnostics.push(
                Diagnostic::warning(codes::GENERATED_VALUE_OVERRIDES, message, p.value.key_span)
                    .with_label(p.value.key_span, label)
                    .with_secondary(cause.key_span, "the wizard's value comes from here")
                    .with_note(
                        "res_pjsip_config_wizard appends the values it generates after the \
                         prefixed options, and Sorcery applies them in order",
                    )
                    .with_help(format!("remove `{}{}`", built.prefix, p.option)),
            );
        }
        built.section.values.push(SectionValue {
            key: key.to_owned(),
            value,
            key_span: cause.key_span,
            value_span: cause.value_span,
            inherited_from: cause.inherited_from,
        });
    }

    /// Append a wizard key's value under the same name (transport, outbound_proxy).
    fn add_copy(&mut self, built: &mut Built<'a>, wizard_key: &str) {
        if let Some(v) = self.view.last_non_empty(wizard_key) {
            self.add(built, wizard_key, v.value.clone(), Cause::line(v));
        }
    }

    fn push(&mut self, built: Built<'a>) {
        self.out.sections.push(built.section);
    }

    /// The line of a yes/no key that is true (for spans), or None.
    fn true_line(&self, key: &str) -> Option<&'a SectionValue> {
        self.view.last(key).filter(|_| self.view.is_true(key))
    }

    // ---- handle_endpoint -------------------------------------------------------------------

    fn endpoint(&mut self) {
        let name = self.name;
        let mut built = self.start(name.to_owned(), ObjectType::Endpoint, "endpoint/");
        let cause = self.name_cause();
        self.add(&mut built, "aors", name.to_owned(), cause);
        self.add_copy(&mut built, "outbound_proxy");
        self.add_copy(&mut built, "transport");
        if let Some(line) = self.true_line("sends_auth") {
            self.add(
                &mut built,
                "outbound_auth",
                format!("{name}-oauth"),
                Cause::line(line),
            );
        }
        if let Some(line) = self.true_line("accepts_auth") {
            self.add(
                &mut built,
                "auth",
                format!("{name}-iauth"),
                Cause::line(line),
            );
        }

        // The hint context: hint_context, else the last endpoint `context`, else "default".
        if let Some(exten) = self.view.last_non_empty("hint_exten")
            && self.view.is_true("has_hint")
        {
            let context = match self.view.last_non_empty("hint_context") {
                Some(v) => v.value.clone(),
                None => built
                    .prefixed
                    .iter()
                    .rev()
                    .find(|p| p.option.eq_ignore_ascii_case("context"))
                    .map(|p| p.value.value.clone())
                    .filter(|c| !c.is_empty())
                    .unwrap_or_else(|| "default".to_owned()),
            };
            self.out.hints.push(Hint {
                wizard: name.to_owned(),
                context,
                exten: exten.value.clone(),
                application: self
                    .view
                    .last_non_empty("hint_application")
                    .map(|v| v.value.clone()),
                device: format!("PJSIP/{name}"),
                span: exten.value_span,
            });
        }
        self.push(built);
    }

    // ---- handle_aor ------------------------------------------------------------------------

    fn aor(&mut self) {
        let mut built = self.start(self.name.to_owned(), ObjectType::Aor, "aor/");
        self.add_copy(&mut built, "outbound_proxy");
        let has_contact = built
            .prefixed
            .iter()
            .any(|p| p.option.eq_ignore_ascii_case("contact"));
        if !has_contact {
            let (pattern, key_span) = match self.view.last("contact_pattern") {
                Some(v) => (v.value.as_str(), Some(v.key_span)),
                None => (DEFAULT_HOST_PATTERN, None),
            };
            if !pattern.is_empty() {
                for host in self.hosts.clone() {
                    let contact = substitute(pattern, &[("REMOTE_HOST", &host.text)]);
                    let cause = Cause::host(&host, key_span.unwrap_or(host.key_span));
                    self.add(&mut built, "contact", contact, cause);
                }
            }
        }
        self.push(built);
    }

    // ---- handle_auths / handle_auth --------------------------------------------------------

    fn auths(&mut self) {
        if !self.auth(true) {
            if self.view.is_true("accepts_auth")
                && let Some(last) = self.out.diagnostics.last_mut()
            {
                last.notes.push(format!(
                    "the inbound auth `{}-iauth` is not created either: handle_auths stops at \
                     the first failure",
                    self.name
                ));
            }
            return;
        }
        self.auth(false);
    }

    /// One direction; false when the auth was requested and could not be created.
    fn auth(&mut self, outbound: bool) -> bool {
        let (prefix, suffix, test) = if outbound {
            ("outbound_auth/", "oauth", "sends_auth")
        } else {
            ("inbound_auth/", "iauth", "accepts_auth")
        };
        let Some(line) = self.true_line(test) else {
            return true;
        };
        let id = format!("{}-{suffix}", self.name);
        let mut built = self.start(id.clone(), ObjectType::Auth, prefix);
        if !built
            .prefixed
            .iter()
            .any(|p| p.option.eq_ignore_ascii_case("username"))
        {
            let consequence = if outbound {
                format!(
                    "the endpoint still has `outbound_auth = {id}`, an auth that does not \
                     exist, so it cannot answer authentication challenges"
                )
            } else {
                format!(
                    "the endpoint still has `auth = {id}`, an auth that does not exist, so \
                     requests from it cannot be authenticated"
                )
            };
            self.out.diagnostics.push(
                Diagnostic::error(
                    codes::AUTH_WITHOUT_USERNAME,
                    format!(
                        "wizard `{}` {test} but has no `{prefix}username`: auth `{id}` is not created",
                        self.name
                    ),
                    line.value_span,
                )
                .with_label(line.value_span, format!("requires `{prefix}username`"))
                .with_note(
                    "handle_auth logs an error and creates no auth; the wizard's other objects \
                     are still created",
                )
                .with_note(consequence)
                .with_help(format!(
                    "add `{prefix}username = ...` and `{prefix}password = ...` (the prefix is \
                     case-sensitive)"
                )),
            );
            return false;
        }
        if !built
            .prefixed
            .iter()
            .any(|p| p.option.eq_ignore_ascii_case("auth_type"))
        {
            self.add(
                &mut built,
                "auth_type",
                "userpass".to_owned(),
                Cause::line(line),
            );
        }
        self.push(built);
        true
    }

    // ---- handle_identify -------------------------------------------------------------------

    fn identify(&mut self) {
        if self.view.is_true("accepts_registrations")
            || self.view.is_true("sends_line_with_registrations")
        {
            return;
        }
        let id = format!("{}-identify", self.name);
        if self.hosts.is_empty() {
            let (span, label) = match self.view.last("remote_hosts") {
                Some(v) => (v.value_span, "empty `remote_hosts`"),
                None => (
                    self.section().name_span,
                    "this wizard has no `remote_hosts`",
                ),
            };
            self.out.diagnostics.push(
                Diagnostic::error(
                    codes::IDENTIFY_WITHOUT_REMOTE_HOSTS,
                    format!(
                        "wizard `{}` needs an identify but has no `remote_hosts`: `{id}` is not created",
                        self.name
                    ),
                    span,
                )
                .with_label(span, label)
                .with_note(
                    "handle_identify creates an identify unless accepts_registrations or \
                     sends_line_with_registrations is yes; without remote hosts it logs an error \
                     instead (the wizard's other objects are still created)",
                )
                .with_note(format!(
                    "requests from the other side are then not matched to endpoint `{}` by address",
                    self.name
                ))
                .with_help(
                    "set `remote_hosts = host[:port],...`, or `accepts_registrations = yes` when \
                     the other side registers to Asterisk",
                ),
            );
            return;
        }
        let mut built = self.start(id, ObjectType::Identify, "identify/");
        let cause = self.name_cause();
        self.add(&mut built, "endpoint", self.name.to_owned(), cause);
        if !built
            .prefixed
            .iter()
            .any(|p| p.option.eq_ignore_ascii_case("match"))
        {
            for host in self.hosts.clone() {
                let cause = Cause::host(&host, host.key_span);
                self.add(&mut built, "match", host.text.clone(), cause);
            }
        }
        self.push(built);
    }

    // ---- handle_registrations --------------------------------------------------------------

    fn registrations(&mut self) {
        let Some(sends) = self.true_line("sends_registrations") else {
            return;
        };
        if self.hosts.is_empty() {
            self.out.diagnostics.push(
                Diagnostic::error(
                    codes::REGISTRATIONS_WITHOUT_REMOTE_HOSTS,
                    format!(
                        "wizard `{}` sends registrations but has no `remote_hosts`: no registration is created",
                        self.name
                    ),
                    sends.value_span,
                )
                .with_label(sends.value_span, "needs `remote_hosts`")
                .with_note(
                    "handle_registrations creates one registration per remote host; without \
                     them it logs an error",
                )
                .with_help("set `remote_hosts = host[:port],...`"),
            );
            return;
        }
        let sends_auth = self.true_line("sends_auth");
        let username = match sends_auth {
            Some(auth_line) => match self.view.last("outbound_auth/username") {
                Some(v) => v.value.clone(),
                None => {
                    self.out.diagnostics.push(
                        Diagnostic::error(
                            codes::REGISTRATIONS_WITHOUT_USERNAME,
                            format!(
                                "wizard `{}` sends registrations with sends_auth but has no \
                                 `outbound_auth/username`: no registration is created",
                                self.name
                            ),
                            sends.value_span,
                        )
                        .with_label(sends.value_span, "needs `outbound_auth/username`")
                        .with_secondary(auth_line.value_span, "sends_auth is set here")
                        .with_note(
                            "handle_registrations takes the client_uri user from \
                             outbound_auth/username when sends_auth is yes, and logs an error \
                             when there is none",
                        )
                        .with_help("add `outbound_auth/username = ...`"),
                    );
                    return;
                }
            },
            None => self.name.to_owned(),
        };
        let server = self.view.last("server_uri_pattern");
        let client = self.view.last("client_uri_pattern");
        let server_pattern = server.map_or(DEFAULT_HOST_PATTERN, |v| v.value.as_str());
        let client_pattern = client.map_or(DEFAULT_CLIENT_URI_PATTERN, |v| v.value.as_str());
        let line = self.true_line("sends_line_with_registrations");
        for (n, host) in self.hosts.clone().iter().enumerate() {
            let mut built = self.start(
                format!("{}-reg-{n}", self.name),
                ObjectType::Registration,
                "registration/",
            );
            self.add_copy(&mut built, "outbound_proxy");
            let vars = [
                ("REMOTE_HOST", host.text.as_str()),
                ("USERNAME", username.as_str()),
            ];
            if !server_pattern.is_empty() {
                let key_span = server.map_or(host.key_span, |v| v.key_span);
                self.add(
                    &mut built,
                    "server_uri",
                    substitute(server_pattern, &vars),
                    Cause::host(host, key_span),
                );
            }
            if !client_pattern.is_empty() {
                let key_span = client.map_or(host.key_span, |v| v.key_span);
                self.add(
                    &mut built,
                    "client_uri",
                    substitute(client_pattern, &vars),
                    Cause::host(host, key_span),
                );
            }
            if let Some(auth_line) = sends_auth {
                self.add(
                    &mut built,
                    "outbound_auth",
                    format!("{}-oauth", self.name),
                    Cause::line(auth_line),
                );
            }
            self.add_copy(&mut built, "transport");
            if let Some(line) = line {
                self.add(&mut built, "line", "yes".to_owned(), Cause::line(line));
                self.add(
                    &mut built,
                    "endpoint",
                    self.name.to_owned(),
                    Cause::line(line),
                );
            }
            self.push(built);
        }
    }

    // ---- handle_phoneprov ------------------------------------------------------------------

    fn phoneprov(&mut self) {
        let Some(has) = self.true_line("has_phoneprov") else {
            return;
        };
        if self.view.last("phoneprov/MAC").is_none() {
            self.out.diagnostics.push(
                Diagnostic::error(
                    codes::PHONEPROV_WITHOUT_MAC,
                    format!(
                        "wizard `{}` has_phoneprov but has no `phoneprov/MAC`: `{}-phoneprov` is not created",
                        self.name, self.name
                    ),
                    has.value_span,
                )
                .with_label(has.value_span, "requires `phoneprov/MAC`")
                .with_note("handle_phoneprov logs an error and creates no phoneprov object")
                .with_help("add `phoneprov/MAC = <the phone's MAC address>`"),
            );
            return;
        }
        let mut built = self.start(
            format!("{}-phoneprov", self.name),
            ObjectType::Phoneprov,
            "phoneprov/",
        );
        self.add(
            &mut built,
            "endpoint",
            self.name.to_owned(),
            Cause::line(has),
        );
        self.push(built);
    }

    // ---- silent behaviour ------------------------------------------------------------------

    /// Keys the wizard does not read.
    fn check_keys(&mut self) {
        for v in &self.section().values {
            if let Some(diagnostic) = unknown_key(v) {
                self.out.diagnostics.push(diagnostic);
            }
        }
    }

    /// Yes/no keys whose last value ast_true reads as no although it is not a "no" spelling.
    fn check_bools(&mut self) {
        for key in WIZARD_BOOL_KEYS {
            let Some(v) = self.view.last(key) else {
                continue;
            };
            if bool_spelling(&v.value) != BoolSpelling::Other {
                continue;
            }
            let what = if v.value.is_empty() {
                "an empty value".to_owned()
            } else {
                format!("`{}`", v.value)
            };
            self.out.diagnostics.push(
                Diagnostic::warning(
                    codes::WIZARD_BOOL_NOT_BOOLEAN,
                    format!("`{} = {}` reads as no", v.key, v.value),
                    v.value_span,
                )
                .with_label(v.value_span, format!("{what} is not a yes/no spelling"))
                .with_note(
                    "the wizard tests this key with ast_true, which accepts yes, true, y, t, 1 \
                     and on (any letter case); anything else is no, without a message",
                )
                .with_help("write `yes` or `no`"),
            );
        }
    }

    /// Settings that do nothing with the rest of the wizard.
    fn check_without_effect(&mut self) {
        let mut found: Vec<(Span, String, String)> = Vec::new();
        let v = &self.view;
        let is = |k: &str| v.is_true(k);

        // Hints: handle_endpoint acts only when hint_exten is set, and adds only with has_hint.
        let exten = v.last_non_empty("hint_exten");
        match (exten, v.last("has_hint").filter(|_| is("has_hint"))) {
            (Some(exten), None) => found.push((
                exten.key_span,
                "`hint_exten` without `has_hint = yes` creates no hint".to_owned(),
                "handle_endpoint adds the hint only when has_hint is yes (otherwise it removes \
                 the one it may have added before)"
                    .to_owned(),
            )),
            (None, Some(has)) => found.push((
                has.key_span,
                "`has_hint = yes` without `hint_exten` creates no hint".to_owned(),
                "handle_endpoint creates hints only for a non-empty hint_exten".to_owned(),
            )),
            _ => {}
        }
        if exten.is_none() && !is("has_hint") {
            for key in ["hint_context", "hint_application"] {
                if let Some(line) = v.last_non_empty(key) {
                    found.push((
                        line.key_span,
                        format!("`{key}` has no effect without `hint_exten`"),
                        "handle_endpoint uses the hint keys only for a non-empty hint_exten"
                            .to_owned(),
                    ));
                }
            }
        }

        // Options of objects that are not created.
        let no_identify = is("accepts_registrations") || is("sends_line_with_registrations");
        let groups: [(&str, bool, &str); 5] = [
            (
                "inbound_auth/",
                !is("accepts_auth"),
                "accepts_auth is not yes, so no inbound auth is created",
            ),
            (
                "outbound_auth/",
                !is("sends_auth"),
                "sends_auth is not yes, so no outbound auth is created (and registrations use \
                 the wizard name as user)",
            ),
            (
                "registration/",
                !is("sends_registrations"),
                "sends_registrations is not yes, so no registration is created",
            ),
            (
                "identify/",
                no_identify,
                "accepts_registrations or sends_line_with_registrations is yes, so no identify \
                 is created",
            ),
            (
                "phoneprov/",
                !is("has_phoneprov"),
                "has_phoneprov is not yes, so no phoneprov object is created",
            ),
        ];
        for (prefix, unused, why) in groups {
            if !unused {
                continue;
            }
            let keys: Vec<&SectionValue> = v.prefixed(prefix).map(|p| p.value).collect();
            if let Some(first) = keys.first() {
                let more = match keys.len() {
                    1 => String::new(),
                    n => format!(" ({n} `{prefix}` keys)"),
                };
                found.push((
                    first.key_span,
                    format!("`{prefix}` options have no effect{more}"),
                    why.to_owned(),
                ));
            }
        }

        // Registration keys without registrations.
        if !is("sends_registrations") {
            if let Some(line) = v
                .last("sends_line_with_registrations")
                .filter(|_| is("sends_line_with_registrations"))
            {
                found.push((
                    line.key_span,
                    "`sends_line_with_registrations = yes` without `sends_registrations = yes`: \
                     no registration and no identify"
                        .to_owned(),
                    "it suppresses the identify (handle_identify) but handle_registrations \
                     creates nothing, so requests from the other side match this endpoint \
                     neither by address nor by line"
                        .to_owned(),
                ));
            }
            for key in ["server_uri_pattern", "client_uri_pattern"] {
                if let Some(line) = v.last(key) {
                    found.push((
                        line.key_span,
                        format!("`{key}` has no effect without `sends_registrations = yes`"),
                        "only handle_registrations uses it".to_owned(),
                    ));
                }
            }
        }

        // contact_pattern is used only without aor/contact and with remote hosts.
        if let Some(line) = v.last("contact_pattern") {
            let has_contact = v
                .prefixed("aor/")
                .any(|p| p.option.eq_ignore_ascii_case("contact"));
            if has_contact || self.hosts.is_empty() {
                found.push((
                    line.key_span,
                    "`contact_pattern` has no effect".to_owned(),
                    if has_contact {
                        "an `aor/contact` is given, so handle_aor creates no contact from \
                         remote_hosts"
                    } else {
                        "there are no remote_hosts to make contacts from"
                    }
                    .to_owned(),
                ));
            }
        }

        for (span, message, note) in found {
            self.out.diagnostics.push(
                Diagnostic::warning(codes::WIZARD_SETTING_WITHOUT_EFFECT, message, span)
                    .with_label(span, "ignored")
                    .with_note(note),
            );
        }
    }

    /// accepts_registrations does not set max_contacts (handle_aor), whose default is 0.
    fn check_max_contacts(&mut self) {
        let Some(line) = self.true_line("accepts_registrations") else {
            return;
        };
        if self
            .view
            .prefixed("aor/")
            .any(|p| p.option.eq_ignore_ascii_case("max_contacts"))
        {
            return;
        }
        let default = lookup(ObjectType::Aor, "max_contacts").map_or("0", |spec| spec.default);
        self.out.diagnostics.push(
            Diagnostic::warning(
                codes::REGISTRATIONS_ACCEPTED_WITHOUT_MAX_CONTACTS,
                format!(
                    "wizard `{}` accepts registrations but sets no `aor/max_contacts`: the aor \
                     refuses every REGISTER",
                    self.name
                ),
                line.value_span,
            )
            .with_label(line.value_span, "does not set max_contacts")
            .with_note(format!(
                "handle_aor does not set max_contacts, so the aor keeps the default {default}; \
                 res_pjsip_registrar answers a REGISTER for an aor without max_contacts with 403"
            ))
            .with_help("add `aor/max_contacts = 1` (or the number of devices)"),
        );
    }
}

/// PJ255 for one key, if the wizard does not read it.
fn unknown_key(v: &SectionValue) -> Option<Diagnostic> {
    let key = v.key.as_str();
    if key.is_empty() || WIZARD_KEYS.iter().any(|k| k.eq_ignore_ascii_case(key)) {
        return None;
    }
    if OBJECT_PREFIXES
        .iter()
        .any(|(p, _)| key.len() > p.len() && key.starts_with(p))
    {
        return None;
    }
    let note = "res_pjsip_config_wizard reads its own keys (any letter case) and passes on only \
                keys that start with endpoint/, aor/, inbound_auth/, outbound_auth/, identify/, \
                registration/ or phoneprov/ exactly as written (get_object_variables); anything \
                else is ignored without a message";
    let message = format!("`{key}` is not read by the wizard");
    let mut base =
        Diagnostic::warning(codes::UNKNOWN_WIZARD_KEY, message, v.key_span).with_note(note);
    if key.contains("type") && v.value == "wizard" {
        base = base.with_note(
            "this line still makes the section a wizard: the `type=^wizard$` filter matches any \
             name that contains `type`",
        );
    }
    if let Some(slash) = key.find('/') {
        let head = &key[..=slash];
        let head_span = super::read::sub_span(v.key_span, key, 0, head.len());
        if let Some((prefix, _)) = OBJECT_PREFIXES
            .iter()
            .find(|(p, _)| p.eq_ignore_ascii_case(head))
        {
            if key.len() == head.len() {
                return Some(
                    base.with_label(v.key_span, "no option name after the prefix")
                        .with_help(format!("write `{prefix}<option> = value`")),
                );
            }
            return Some(
                base.with_label(head_span, "the prefix is case-sensitive")
                    .with_help(format!("write `{prefix}` in lower case"))
                    .with_fix(fix(head_span, prefix, "Write the prefix in lower case")),
            );
        }
        let name = &head[..head.len() - 1];
        if name.eq_ignore_ascii_case("auth") {
            return Some(
                base.with_label(head_span, "not a wizard prefix").with_help(
                    "use `inbound_auth/` (accepts_auth) or `outbound_auth/` (sends_auth)",
                ),
            );
        }
        if let Some((prefix, _)) = OBJECT_PREFIXES
            .iter()
            .map(|(p, _)| (p, similarity(head, p)))
            .filter(|(_, s)| *s >= 0.7)
            .max_by(|a, b| a.1.total_cmp(&b.1))
        {
            return Some(
                base.with_label(head_span, "not a wizard prefix")
                    .with_help(format!("did you mean `{prefix}`?"))
                    .with_fix(fix(head_span, prefix, &format!("Replace with `{prefix}`"))),
            );
        }
        return Some(base.with_label(head_span, "not a wizard prefix"));
    }
    if let Some(known) = WIZARD_KEYS
        .iter()
        .map(|k| (k, similarity(key, k)))
        .filter(|(_, s)| *s >= 0.75)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(k, _)| *k)
    {
        return Some(
            base.with_label(v.key_span, "not a wizard key")
                .with_help(format!("did you mean `{known}`?"))
                .with_fix(fix(v.key_span, known, &format!("Replace with `{known}`"))),
        );
    }
    // An object option written without its prefix.
    let owners: Vec<&str> = OBJECT_PREFIXES
        .iter()
        .filter(|(_, t)| *t != ObjectType::Phoneprov)
        .filter(|(_, t)| lookup(*t, key).is_some())
        .map(|(p, _)| *p)
        .collect();
    if let Some(first) = owners.first() {
        let list = owners
            .iter()
            .map(|p| format!("`{p}{key}`"))
            .collect::<Vec<_>>()
            .join(" or ");
        return Some(
            base.with_label(
                v.key_span,
                format!(
                    "an option of {}, not of the wizard",
                    first.trim_end_matches('/')
                ),
            )
            .with_help(format!("write {list}")),
        );
    }
    Some(base.with_label(v.key_span, "not a wizard key"))
}

fn similarity(a: &str, b: &str) -> f64 {
    strsim::normalized_damerau_levenshtein(&a.to_ascii_lowercase(), &b.to_ascii_lowercase())
}

fn fix(span: Span, content: &str, message: &str) -> Fix {
    Fix {
        message: message.to_owned(),
        applicability: Applicability::Unsafe,
        edits: vec![Edit {
            span,
            content: content.to_owned(),
        }],
    }
}
