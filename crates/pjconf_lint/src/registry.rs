//! The rule table: metadata, the [`Rule`] trait, lookup by code or name, and [`lint`].

use pjconf_diagnostics::{Diagnostic, Severity};

use crate::{LintContext, Selection};

/// What a rule is: its stable code, its name, its default severity and its documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleMeta {
    /// Stable code, `PJ2` and two digits; never changes meaning once released.
    pub code: &'static str,
    /// Kebab-case name of the pattern the rule flags (`duplicate-object`).
    pub name: &'static str,
    /// The severity of the diagnostics the rule reports.
    pub severity: Severity,
    /// One line saying what the rule flags, without a final period.
    pub summary: &'static str,
    /// The full documentation in Markdown, with the sections `## What it does`,
    /// `## Why is this bad?` and `## Example`.
    pub doc: &'static str,
}

/// One lint rule.
pub trait Rule: Sync {
    /// The rule's code, name, severity and documentation.
    fn meta(&self) -> &'static RuleMeta;

    /// Append the rule's findings on `cx` to `out` (in any order; [`lint`] sorts).
    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<Diagnostic>);
}

/// Every rule, in code order.
///
/// ```
/// let codes: Vec<&str> = pjconf_lint::rules().iter().map(|r| r.meta().code).collect();
/// assert_eq!(codes.first(), Some(&"PJ201"));
/// assert!(codes.windows(2).all(|pair| pair[0] < pair[1]));
/// let unknown = pjconf_lint::rule("unknown-option").unwrap();
/// assert!(unknown.meta().doc.contains("## What it does"));
/// ```
pub fn rules() -> &'static [&'static dyn Rule] {
    crate::rules::ALL
}

/// The rule with this code (any letter case: `pj203`) or name (`unknown-option`).
pub fn rule(code_or_name: &str) -> Option<&'static dyn Rule> {
    rules().iter().copied().find(|r| {
        let meta = r.meta();
        meta.code.eq_ignore_ascii_case(code_or_name) || meta.name == code_or_name
    })
}

/// Run the rules `selection` enables on `cx`. The result is sorted by file, position, code
/// and message, so the same input always gives the same output.
///
/// ```
/// use pjconf_diagnostics::{FileId, Span};
/// use pjconf_lint::{LintContext, Selection, lint};
/// use pjconf_model::{ObjectSet, SectionInput, SectionValue};
///
/// let at = |n: u32| Span::new(FileId(0), n, n + 1);
/// let value = |k: &str, v: &str, n: u32| SectionValue {
///     key: k.into(), value: v.into(), key_span: at(n), value_span: at(n + 1), inherited_from: None,
/// };
/// let section = SectionInput {
///     name: "6001".into(),
///     name_span: at(0),
///     template: false,
///     values: vec![value("type", "endpoint", 10), value("direct_meda", "no", 20)],
/// };
/// let objects = ObjectSet::classify(vec![section]);
/// let cx = LintContext::new(&objects);
///
/// let found = lint(&cx, &Selection::default());
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].code, "PJ203");
/// assert_eq!(found[0].help.as_deref(), Some("did you mean `direct_media`?"));
///
/// let none = lint(&cx, &Selection { select: vec![], ignore: vec!["unknown-option".into()] });
/// assert!(none.is_empty());
/// ```
pub fn lint(cx: &LintContext<'_>, selection: &Selection) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in rules() {
        if selection.enables(rule.meta()) {
            rule.check(cx, &mut out);
        }
    }
    out.sort_by(|a, b| {
        let (sa, sb) = (a.primary.span, b.primary.span);
        (sa.file, sa.start, sa.end, a.code, &a.message)
            .cmp(&(sb.file, sb.start, sb.end, b.code, &b.message))
    });
    out
}
