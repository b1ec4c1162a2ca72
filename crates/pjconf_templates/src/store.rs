//! Where resolved values live: one arena of value definitions, one of inheritance chains,
//! and per section a list of small entries pointing into both.
//!
//! A section's list is what main/config.c keeps as the category's variable list. Inheriting
//! (ast_category_inherit) copies the parent's entries, which only costs two integers each:
//! the definition is shared and the chain gets the child in front (a cons cell, shared by
//! every entry that came the same way).

use pjconf_diagnostics::Span;
use pjconf_syntax::Operator;

use crate::model::{LineRec, SectionId, Str, TextArena, trim_blanks};

/// No next cell: the end of a chain.
const NIL: u32 = u32::MAX;

/// One option value as written (or as a `+=` line made it).
#[derive(Debug, Clone)]
pub(crate) struct ValueDef {
    /// The name, in [`Store::text`].
    pub(crate) key: Str,
    /// The value, in [`Store::text`].
    pub(crate) value: Str,
    pub(crate) operator: Operator,
    /// The section whose line wrote it.
    pub(crate) section: SectionId,
    pub(crate) key_span: Span,
    pub(crate) value_span: Span,
    pub(crate) span: Span,
    /// The `+=` lines that extended it, in order: the section each was in, and the line.
    /// (`None` for none, the common case: one word instead of an empty `Vec`'s three.)
    pub(crate) appends: Option<Box<[(SectionId, Span)]>>,
}

/// A cell of an inheritance chain: a section, then the rest of the chain.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ChainCell {
    pub(crate) section: SectionId,
    pub(crate) next: u32,
}

/// One value of a section's list: which definition, and the chain it came through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) def: u32,
    pub(crate) chain: u32,
}

/// The arenas and every section's list.
#[derive(Debug, Default)]
pub(crate) struct Store {
    /// The text of every key and value of `defs`.
    pub(crate) text: TextArena,
    pub(crate) defs: Vec<ValueDef>,
    pub(crate) chains: Vec<ChainCell>,
    pub(crate) lists: Vec<Vec<Entry>>,
    own_chain: Vec<u32>,
    last_cons: Option<(SectionId, u32, u32)>,
}

impl Store {
    /// Make room for `sections` more sections.
    pub(crate) fn reserve_sections(&mut self, sections: usize) {
        self.lists.reserve(sections);
        self.own_chain.reserve(sections);
        self.chains.reserve(sections);
    }

    /// Make room for section `id` (ids are handed out in order).
    pub(crate) fn add_section(&mut self) {
        self.lists.push(Vec::new());
        self.own_chain.push(NIL);
    }

    /// The chain `[section]` of values written in `section` itself.
    fn own(&mut self, section: SectionId) -> u32 {
        let slot = self.own_chain[section.index()];
        if slot != NIL {
            return slot;
        }
        let id = self.chains.len() as u32;
        self.chains.push(ChainCell { section, next: NIL });
        self.own_chain[section.index()] = id;
        id
    }

    /// The chain `[head, ...tail]`.
    fn cons(&mut self, head: SectionId, tail: u32) -> u32 {
        if let Some((h, t, id)) = self.last_cons
            && h == head
            && t == tail
        {
            return id;
        }
        let id = self.chains.len() as u32;
        self.chains.push(ChainCell {
            section: head,
            next: tail,
        });
        self.last_cons = Some((head, tail, id));
        id
    }

    /// ast_category_inherit: append the first `len` entries of `parent`'s list (what it held
    /// when the inheritance was read) to `child`'s list, each with `child` in front of its
    /// chain.
    pub(crate) fn inherit(&mut self, child: SectionId, parent: SectionId, len: usize) {
        self.lists[child.index()].reserve(len);
        for i in 0..len {
            let entry = self.lists[parent.index()][i];
            let chain = self.cons(child, entry.chain);
            self.lists[child.index()].push(Entry {
                def: entry.def,
                chain,
            });
        }
    }

    /// process_text_line for an option line in `section`: `=` and `=>` append a variable;
    /// `+=` appends its raw text to the LAST earlier variable of exactly the same name
    /// (case-sensitive, inherited ones included), trims the blanks at both ends of the
    /// result and updates that variable in place, or acts as `=` when there is none.
    pub(crate) fn apply_line(&mut self, section: SectionId, line: LineRec) {
        let text = &self.text;
        if line.operator == Operator::Append
            && let Some(at) = self.lists[section.index()]
                .iter()
                .rposition(|e| text.get(self.defs[e.def as usize].key) == text.get(line.key))
        {
            let entry = self.lists[section.index()][at];
            let old = &self.defs[entry.def as usize];
            let joined = format!("{}{}", text.get(old.value), text.get(line.append_text));
            let mut def = old.clone();
            def.value = self.text.push(trim_blanks(&joined));
            let mut appends = def.appends.take().map(Vec::from).unwrap_or_default();
            appends.push((section, line.span));
            def.appends = Some(appends.into_boxed_slice());
            self.defs.push(def);
            self.lists[section.index()][at].def = self.defs.len() as u32 - 1;
            return;
        }
        let chain = self.own(section);
        self.defs.push(ValueDef {
            key: line.key,
            value: line.value,
            operator: line.operator,
            section,
            key_span: line.key_span,
            value_span: line.value_span,
            span: line.span,
            appends: None,
        });
        self.lists[section.index()].push(Entry {
            def: self.defs.len() as u32 - 1,
            chain,
        });
    }

    /// The chain of `chain`, from the section holding the value to the one that wrote it.
    pub(crate) fn chain(&self, chain: u32) -> ChainIter<'_> {
        ChainIter {
            store: self,
            cell: chain,
        }
    }

    /// (key, value) of every entry of `section`, for category filters.
    pub(crate) fn variables(
        &self,
        section: SectionId,
    ) -> impl Iterator<Item = (&str, &str)> + Clone {
        self.lists[section.index()].iter().map(|e| {
            let d = &self.defs[e.def as usize];
            (self.text.get(d.key), self.text.get(d.value))
        })
    }
}

/// The sections of an inheritance chain, nearest first.
#[derive(Debug, Clone)]
pub struct ChainIter<'a> {
    store: &'a Store,
    cell: u32,
}

impl Iterator for ChainIter<'_> {
    type Item = SectionId;

    fn next(&mut self) -> Option<SectionId> {
        if self.cell == NIL {
            return None;
        }
        let cell = self.store.chains[self.cell as usize];
        self.cell = cell.next;
        Some(cell.section)
    }
}
