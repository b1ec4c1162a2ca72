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
    let enabled: Vec<&'static dyn Rule> = rules()
        .iter()
        .copied()
        .filter(|rule| selection.enables(rule.meta()))
        .collect();
    let threads = if cx.objects.objects.len() >= TWO_THREADS_FROM {
        2
    } else {
        1
    };
    let mut out = run_rules(cx, &enabled, threads);
    out.sort_by(|a, b| {
        let (sa, sb) = (a.primary.span, b.primary.span);
        (sa.file, sa.start, sa.end, a.code, &a.message)
            .cmp(&(sb.file, sb.start, sb.end, b.code, &b.message))
    });
    out
}

/// From this many objects on, the rules run on two threads (below it, starting a thread
/// costs more than it saves). The rules are a third of a lint of 100,000 endpoints.
const TWO_THREADS_FROM: usize = 2_000;

/// Every rule's findings, concatenated in rule order (the order one thread gives), with
/// the rules dealt out to `threads` threads in turn (the costly rules are neighbours in the
/// table, so dealing them alternately balances the threads).
pub(crate) fn run_rules(
    cx: &LintContext<'_>,
    rules: &[&'static dyn Rule],
    threads: usize,
) -> Vec<Diagnostic> {
    let threads = threads.clamp(1, rules.len().max(1));
    let run_share = |share: usize| -> Vec<(usize, Vec<Diagnostic>)> {
        rules
            .iter()
            .enumerate()
            .skip(share)
            .step_by(threads)
            .map(|(index, rule)| {
                let mut found = Vec::new();
                rule.check(cx, &mut found);
                (index, found)
            })
            .collect()
    };
    let mut per_rule = std::thread::scope(|scope| {
        let others: Vec<_> = (1..threads)
            .map(|share| scope.spawn(move || run_share(share)))
            .collect();
        let mut all = run_share(0);
        for other in others {
            match other.join() {
                Ok(found) => all.extend(found),
                // A rule does not panic on any input; if one did, it would on one thread.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        all
    });
    per_rule.sort_by_key(|&(index, _)| index);
    per_rule.into_iter().flat_map(|(_, found)| found).collect()
}

#[cfg(test)]
mod tests {
    use std::fmt::Write;

    use pjconf_model::ObjectSet;
    use pjconf_syntax::{LoadOptions, MemoryLoader, load_text};

    use super::{rules, run_rules};
    use crate::LintContext;
    use crate::input::resolve_sections;

    /// Endpoints with most kinds of problem: missing and misspelt aors (did you mean),
    /// duplicates, bad values, unknown options, unused auths, a missing type.
    fn troubled_config(n: usize) -> ObjectSet {
        let mut text = String::new();
        for i in 0..n {
            let aor = match i % 7 {
                0 => format!("aor{}x", i),
                1 => "nowhere".to_string(),
                _ => format!("aor{i}"),
            };
            let _ = write!(
                text,
                "[ep{i}]\ntype=endpoint\naors={aor}\nauth=auth{i}\ncontext=default\n\
                 direct_media={}\n{}\n\n[aor{i}]\ntype=aor\nmax_contacts={}\n\n\
                 [auth{}]\ntype=auth\nauth_type=userpass\nusername=u{i}\npassword=p\n\n",
                if i % 5 == 0 { "maybe" } else { "no" },
                if i % 11 == 0 { "colour=blue" } else { "" },
                if i % 13 == 0 { "-1" } else { "1" },
                if i % 3 == 0 { i + 1 } else { i },
            );
            if i % 17 == 0 {
                let _ = write!(text, "[ep{i}]\ntype=endpoint\n\n[untyped{i}]\nfoo=bar\n\n");
            }
        }
        let loader = MemoryLoader::new();
        let config = load_text(
            &loader,
            "pjsip.conf",
            text.into_bytes(),
            &LoadOptions::default(),
        );
        ObjectSet::classify(resolve_sections(&config).sections)
    }

    #[test]
    fn rules_on_several_threads_find_what_one_thread_finds_in_the_same_order() {
        let objects = troubled_config(600);
        let all: Vec<_> = rules().to_vec();
        let one = run_rules(&LintContext::new(&objects), &all, 1);
        assert!(
            one.len() > 600,
            "the config should have many findings: {}",
            one.len()
        );
        let codes: std::collections::BTreeSet<_> = one.iter().map(|d| d.code).collect();
        assert!(codes.len() >= 5, "several rules should fire: {codes:?}");
        for threads in [2, 3, 16] {
            let many = run_rules(&LintContext::new(&objects), &all, threads);
            assert_eq!(format!("{one:?}"), format!("{many:?}"), "{threads} threads");
        }
    }
}
