//! Resolved sections: the ordered values a section ends up with, each with where it came from.

use pjconf_diagnostics::Span;
use pjconf_syntax::Operator;
use serde::Serialize;

use crate::graph::{SectionInfo, TemplateGraph};
use crate::model::SectionId;
use crate::repeat::{Repeat, RepeatRule};
use crate::store::{ChainIter, Entry, ValueDef};

/// A section with its full value list, as config.c builds it: for each parent, left to right,
/// everything that parent held when it was inherited; then the section's own lines (with
/// those of its `(+)` headers and their parents after them). Nothing is overridden: a key
/// set twice is listed twice, in order.
#[derive(Debug, Clone, Copy)]
pub struct ResolvedSection<'g> {
    graph: &'g TemplateGraph,
    id: SectionId,
}

impl<'g> ResolvedSection<'g> {
    pub(crate) fn new(graph: &'g TemplateGraph, id: SectionId) -> Self {
        ResolvedSection { graph, id }
    }

    /// The section's id.
    pub fn id(&self) -> SectionId {
        self.id
    }

    /// The header facts (name, template flag, parents).
    pub fn info(&self) -> &'g SectionInfo {
        self.graph.info(self.id)
    }

    /// The section name.
    pub fn name(&self) -> &'g str {
        &self.info().name
    }

    /// True for a `(!)` template.
    pub fn is_template(&self) -> bool {
        self.info().template
    }

    /// Number of values, inherited ones included.
    pub fn len(&self) -> usize {
        self.entries().len()
    }

    /// True when the section has no values at all.
    pub fn is_empty(&self) -> bool {
        self.entries().is_empty()
    }

    fn entries(&self) -> &'g [Entry] {
        &self.graph.store.lists[self.id.index()]
    }

    /// Every value, in order.
    pub fn values(
        &self,
    ) -> impl DoubleEndedIterator<Item = ResolvedValue<'g>> + ExactSizeIterator + 'g {
        let graph = self.graph;
        let section = self.id;
        self.entries().iter().map(move |&entry| ResolvedValue {
            graph,
            section,
            entry,
        })
    }

    /// The values named `key` (ignoring ASCII case, as ast_variable_retrieve compares), in
    /// order.
    pub fn get_all(&self, key: &str) -> impl Iterator<Item = ResolvedValue<'g>> + 'g {
        let key = key.to_string();
        self.values()
            .filter(move |v| v.key().eq_ignore_ascii_case(&key))
    }

    /// The last value named `key` (ignoring ASCII case): what ast_variable_retrieve returns
    /// and what a scalar option ends up with.
    pub fn get(&self, key: &str) -> Option<ResolvedValue<'g>> {
        self.values()
            .rev()
            .find(|v| v.key().eq_ignore_ascii_case(key))
    }

    /// The FIRST `type` value (name compared ignoring ASCII case), which is what
    /// res_sorcery_config matches object types against (ast_variable_find_in_list).
    pub fn section_type(&self) -> Option<&'g str> {
        self.values()
            .find(|v| v.key().eq_ignore_ascii_case("type"))
            .map(|v| v.value())
    }

    /// The values Sorcery acts on, in order: for a key whose `rule` is
    /// [`Repeat::Replace`], only its last value (a later scalar wins); for
    /// [`Repeat::Accumulate`], every value (list options add up, `allow`/`disallow` in
    /// their order). Keys are compared ignoring ASCII case. The rule gets
    /// [`ResolvedSection::section_type`].
    pub fn effective(&self, rule: &dyn RepeatRule) -> Vec<ResolvedValue<'g>> {
        let kept = self.kept(rule);
        self.values()
            .zip(kept)
            .filter_map(|(v, k)| k.then_some(v))
            .collect()
    }

    /// For each value, whether [`ResolvedSection::effective`] keeps it.
    pub(crate) fn kept(&self, rule: &dyn RepeatRule) -> Vec<bool> {
        let section_type = self.section_type();
        let mut seen = SeenKeys::default();
        let mut kept = vec![true; self.len()];
        for (i, v) in self.values().enumerate().rev() {
            let key = v.key();
            if rule.repeat(section_type, key) == Repeat::Replace && !seen.insert(key) {
                kept[i] = false;
            }
        }
        kept
    }
}

/// Keys seen so far, compared ignoring ASCII case: a short list scanned in place, a set of
/// folded keys once there are many.
#[derive(Default)]
struct SeenKeys<'a> {
    few: Vec<&'a str>,
    many: std::collections::HashSet<String>,
}

impl<'a> SeenKeys<'a> {
    /// Add `key`; false when it was already there.
    fn insert(&mut self, key: &'a str) -> bool {
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

/// One value of a resolved section.
#[derive(Debug, Clone, Copy)]
pub struct ResolvedValue<'g> {
    graph: &'g TemplateGraph,
    section: SectionId,
    entry: Entry,
}

impl<'g> ResolvedValue<'g> {
    fn def(&self) -> &'g ValueDef {
        &self.graph.store.defs[self.entry.def as usize]
    }

    /// The option name.
    pub fn key(&self) -> &'g str {
        self.graph.store.text.get(self.def().key)
    }

    /// The value (after any `+=`).
    pub fn value(&self) -> &'g str {
        self.graph.store.text.get(self.def().value)
    }

    /// The operator of the line that wrote it (`=`, `=>`, or `+=` when there was nothing to
    /// append to).
    pub fn operator(&self) -> Operator {
        self.def().operator
    }

    /// The section that holds the value (the resolved one).
    pub fn holder(&self) -> SectionId {
        self.section
    }

    /// The section whose line wrote the value.
    pub fn origin(&self) -> SectionId {
        self.def().section
    }

    /// Where the option name is written.
    pub fn key_span(&self) -> Span {
        self.def().key_span
    }

    /// Where the value is written.
    pub fn value_span(&self) -> Span {
        self.def().value_span
    }

    /// The line that wrote it.
    pub fn span(&self) -> Span {
        self.def().span
    }

    /// The chain it came through, from the holder to the origin: `[alice, prefs, base]` for
    /// a value of `base` that `alice` got through `prefs`; `[alice]` for alice's own lines.
    pub fn chain(&self) -> ChainIter<'g> {
        self.graph.store.chain(self.entry.chain)
    }

    /// True when the value came from a parent.
    pub fn is_inherited(&self) -> bool {
        self.chain().nth(1).is_some()
    }

    /// The `+=` lines that extended the value: the section each is in, and the line.
    pub fn appended(&self) -> &'g [(SectionId, Span)] {
        self.def().appends.as_deref().unwrap_or(&[])
    }

    /// The same facts as an owned, serializable record.
    pub fn provenance(&self) -> Provenance {
        Provenance {
            section: self.origin(),
            span: self.span(),
            key_span: self.key_span(),
            value_span: self.value_span(),
            chain: self.chain().collect(),
            appended: self.appended().to_vec(),
        }
    }
}

/// Where a resolved value came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Provenance {
    /// The section whose line wrote it.
    pub section: SectionId,
    /// That line.
    pub span: Span,
    /// The option name in that line.
    pub key_span: Span,
    /// The value in that line.
    pub value_span: Span,
    /// From the section holding the value to `section`, e.g. `[alice, prefs, base]`.
    pub chain: Vec<SectionId>,
    /// The `+=` lines that extended it, with the section each is in.
    pub appended: Vec<(SectionId, Span)>,
}
