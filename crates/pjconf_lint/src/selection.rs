//! Which rules run: `--select` and `--ignore` lists of codes, code prefixes and names.

use crate::{RuleMeta, rules};

/// The rules to run. Each entry is a code (`PJ203`), a code prefix selecting a group (`PJ2`,
/// `PJ21`), a rule name (`unknown-option`) or `ALL`; codes and prefixes in any letter case.
///
/// A rule runs when `select` is empty or one of its entries matches the rule, and no entry
/// of `ignore` matches it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Rules to run; empty means every rule.
    pub select: Vec<String>,
    /// Rules not to run, even when selected.
    pub ignore: Vec<String>,
}

impl Selection {
    /// True when the rule described by `meta` runs under this selection.
    ///
    /// ```
    /// use pjconf_lint::{Selection, rule};
    ///
    /// let meta = rule("PJ203").unwrap().meta();
    /// let by_group = Selection { select: vec!["pj2".into()], ignore: vec![] };
    /// assert!(by_group.enables(meta));
    /// let ignored = Selection { select: vec!["PJ2".into()], ignore: vec!["unknown-option".into()] };
    /// assert!(!ignored.enables(meta));
    /// ```
    pub fn enables(&self, meta: &RuleMeta) -> bool {
        let selected = self.select.is_empty() || self.select.iter().any(|s| matches(s, meta));
        selected && !self.ignore.iter().any(|s| matches(s, meta))
    }

    /// True when a diagnostic with `code` from another stage (syntax `PJ0xx`, templates
    /// `PJ1xx`, wizard `PJ25x`) is kept: selected by `ALL` or a code prefix (or when nothing
    /// is selected), and not ignored.
    pub fn enables_code(&self, code: &str) -> bool {
        let hit = |s: &String| {
            s.eq_ignore_ascii_case("ALL")
                || (s.len() >= 2
                    && s.len() <= code.len()
                    && code.as_bytes()[..s.len()].eq_ignore_ascii_case(s.as_bytes()))
        };
        let selected = self.select.is_empty() || self.select.iter().any(hit);
        selected && !self.ignore.iter().any(hit)
    }

    /// The entries of `select` and `ignore` that match no rule (for a "no such rule" error).
    pub fn unknown_entries(&self) -> Vec<&str> {
        self.select
            .iter()
            .chain(&self.ignore)
            .filter(|s| !rules().iter().any(|r| matches(s, r.meta())))
            .map(String::as_str)
            .collect()
    }
}

fn matches(selector: &str, meta: &RuleMeta) -> bool {
    let code = meta.code.as_bytes();
    let wanted = selector.as_bytes();
    selector.eq_ignore_ascii_case("ALL")
        || meta.name == selector
        || (wanted.len() >= 2
            && wanted.len() <= code.len()
            && code[..wanted.len()].eq_ignore_ascii_case(wanted))
}
