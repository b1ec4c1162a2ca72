//! The values Sorcery acts on for one element, as
//! [`pjconf_templates::ResolvedSection::effective`] computes them with the tenant's
//! list-vs-scalar rule, but with what one tenant's elements share kept between elements:
//! the rule of each key (most values are inherited from the same few template lines, whose
//! key text is the same slice of the graph's arena for every element) and the buffers.

use pjconf_model::lookup;
use pjconf_templates::{ResolvedSection, ResolvedValue};

use crate::names::Section;

/// True when the option of `key` (written `section.option`) accumulates (a list option);
/// false for a scalar (a later value replaces an earlier one) and for keys outside the
/// option table.
pub(crate) fn accumulates(key: &str) -> bool {
    let Some((s, opt)) = key.split_once('.') else {
        return false;
    };
    let Some(section) = Section::from_key(s) else {
        return false;
    };
    lookup(section.object_type(), opt)
        .is_some_and(|spec| spec.repeat == pjconf_model::Repeat::Accumulate)
}

/// Keys already met (from the end), compared ignoring ASCII case as
/// `ResolvedSection::effective` compares them: a short list scanned in place, a set of
/// folded keys once there are many.
#[derive(Default)]
struct Seen<'g> {
    few: Vec<&'g str>,
    many: std::collections::HashSet<String>,
}

impl<'g> Seen<'g> {
    fn clear(&mut self) {
        self.few.clear();
        self.many.clear();
    }

    /// Add `key`; false when it was already there.
    fn insert(&mut self, key: &'g str) -> bool {
        if self.few.iter().any(|k| k.eq_ignore_ascii_case(key)) {
            return false;
        }
        if self.few.len() < 32 {
            self.few.push(key);
            return true;
        }
        self.many.insert(key.to_ascii_lowercase())
    }
}

/// Largest number of key texts whose rule is remembered.
const RULES: usize = 64;

/// What one tenant's elements share while their effective values are computed.
#[derive(Default)]
pub(crate) struct Effective<'g> {
    /// Key texts with their rule (true: accumulates).
    rules: Vec<(&'g str, bool)>,
    seen: Seen<'g>,
    kept: Vec<bool>,
}

impl<'g> Effective<'g> {
    /// The rule of `key`: the same slice first (an inherited value), then the same text.
    fn rule(&mut self, key: &'g str) -> bool {
        if let Some(&(_, acc)) = self
            .rules
            .iter()
            .find(|(k, _)| std::ptr::eq(k.as_ptr(), key.as_ptr()) && k.len() == key.len())
        {
            return acc;
        }
        if let Some(&(_, acc)) = self.rules.iter().find(|(k, _)| *k == key) {
            return acc;
        }
        let acc = accumulates(key);
        if self.rules.len() < RULES {
            self.rules.push((key, acc));
        }
        acc
    }

    /// The effective values of `section`, in order, appended to `out`: a scalar key's last
    /// value, every value of a list key.
    pub(crate) fn values(
        &mut self,
        section: &ResolvedSection<'g>,
        out: &mut Vec<ResolvedValue<'g>>,
    ) {
        self.seen.clear();
        self.kept.clear();
        self.kept.resize(section.len(), true);
        for (i, v) in section.values().enumerate().rev() {
            let key = v.key();
            if !self.rule(key) && !self.seen.insert(key) {
                self.kept[i] = false;
            }
        }
        out.extend(
            section
                .values()
                .zip(&self.kept)
                .filter_map(|(v, &k)| k.then_some(v)),
        );
    }
}
