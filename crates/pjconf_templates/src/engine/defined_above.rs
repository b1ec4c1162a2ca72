//! main/config.c's reading: headers one after the other, as process_text_line meets them.
//!
//! For each header config.c makes a new category, then walks the option list left to right:
//! - `!` marks the category it is working on as a template (after a `+`, that is the
//!   extended one);
//! - a parent name is looked up with category_get_sep and `TEMPLATES=include`: the FIRST
//!   section read so far with that name, ignoring ASCII case, template or not. The new
//!   category is not in the list yet, so it never finds itself. ast_category_inherit then
//!   appends a copy of every variable the parent holds at that moment (its own inherited
//!   ones included), so inheritance is a snapshot;
//! - `+filter` finds the first section read so far with the header's name that matches the
//!   filter (see [`crate::CategoryFilter`]); the variables the new category got so far move
//!   to the end of it (move_variables), its template flag is or-ed in, and from then on that
//!   section is the one being worked on.
//!
//! The lines under the header then go to the category being worked on, `+=` included.
//! A failed lookup makes config.c reject the file; here it is a diagnostic, the reference is
//! skipped (a failed `+` starts a new section instead) and reading goes on, so one pass
//! finds every problem.

use std::collections::HashMap;

use pjconf_diagnostics::Span;

use super::Built;
use crate::diagnose::{self, ExtendMiss, Place};
use crate::filter::CategoryFilter;
use crate::model::{
    Header, HeaderEntry, LineRec, NO_LINE, SectionId, TextArena, header_lines, trim_blanks,
};
use crate::suggest::Suggester;

const NONE: u32 = u32::MAX;

/// Resolve `headers` in reading order.
pub(crate) fn run(mut headers: Vec<Header>, lines: &[LineRec], text: TextArena) -> Built {
    let mut built = Built::default();
    built.store.text = text;
    built.store.defs.reserve(lines.len());
    // Every header but a `(+)` one makes a section: room for them all up front, so the name
    // index and the per-section tables never rehash or copy as they grow.
    built.names.reserve(headers.len());
    built.sections.reserve(headers.len());
    built.store.reserve_sections(headers.len());
    let mut reader = Reader {
        built,
        suggester: Suggester::default(),
        later: None,
        pending: Vec::new(),
        last_child_edge: Vec::new(),
        previous_child_edge: Vec::new(),
    };
    for index in 0..headers.len() {
        reader.header(index, &mut headers, lines);
    }
    reader.built
}

struct Reader {
    built: Built,
    suggester: Suggester,
    /// Lowercased name → (index, name span) of every header that defines a section of that
    /// name (not a `(+)` one), built at the first failed lookup from the headers not read
    /// yet.
    later: Option<HashMap<String, Vec<(usize, Span)>>>,
    /// The parents of the header being read (kept between headers to reuse its memory).
    pending: Vec<Pending>,
    /// The children read so far of each section, as a list threaded through the edges: the
    /// last edge naming the section, and for each edge the previous one naming its parent.
    last_child_edge: Vec<u32>,
    previous_child_edge: Vec<u32>,
}

/// A parent of the new category, copied once the header is done.
struct Pending {
    name: String,
    span: Span,
    target: Option<SectionId>,
    len: usize,
}

impl Reader {
    fn header(&mut self, index: usize, headers: &mut [Header], lines: &[LineRec]) {
        let entries = std::mem::take(&mut headers[index].entries);
        let first_line = std::mem::replace(&mut headers[index].first_line, NO_LINE);
        let line_count = headers[index].line_count as usize;
        let adds = first_line != NO_LINE
            || entries
                .iter()
                .any(|e| matches!(e, HeaderEntry::Parent { .. }));
        let mut target: Option<SectionId> = None;
        let mut newcat_alive = true;
        let mut template = false;
        let mut pending = std::mem::take(&mut self.pending);
        for entry in entries {
            match entry {
                HeaderEntry::Template(_) => match target {
                    Some(t) => self.built.sections[t.index()].template = true,
                    None => template = true,
                },
                HeaderEntry::Parent { name, span } => {
                    let mut found = self.built.names.first(&name);
                    if found.is_none() {
                        self.missing_parent(index, headers, &name, span);
                    } else if found.is_some() && found == target {
                        // `[a](+,a)`: ast_category_inherit would walk a's list while
                        // appending to it, and never reach the end.
                        let d = diagnose::self_inheritance_after_extend(&headers[index].name, span);
                        self.built.diagnostics.push(d);
                        found = None;
                    }
                    match target {
                        Some(t) => self.inherit(t, name, span, found, None),
                        None => pending.push(Pending {
                            len: found.map_or(0, |p| self.built.store.lists[p.index()].len()),
                            name,
                            span,
                            target: found,
                        }),
                    }
                }
                HeaderEntry::Extend { filter, span } => {
                    let Some(existing) = self.extend_target(index, headers, &filter, span) else {
                        continue;
                    };
                    if newcat_alive {
                        newcat_alive = false;
                        self.built.sections[existing.index()].template |= template;
                        if adds {
                            self.warn_late_extension(existing, headers[index].span);
                        }
                        for p in pending.drain(..) {
                            self.inherit(existing, p.name, p.span, p.target, Some(p.len));
                        }
                    }
                    let header_span = headers[index].span;
                    self.built.sections[existing.index()]
                        .extensions
                        .push(header_span);
                    target = Some(existing);
                }
            }
        }
        let target = match target {
            Some(t) => t,
            None => {
                let h = &mut headers[index];
                let name = std::mem::take(&mut h.name);
                let id = self.built.new_section(name, h.name_span, h.span, template);
                self.last_child_edge.push(NONE);
                let inherited: usize = pending
                    .iter()
                    .filter(|p| p.target.is_some())
                    .map(|p| p.len)
                    .sum();
                self.built.store.lists[id.index()].reserve(inherited + line_count);
                for p in pending.drain(..) {
                    self.inherit(id, p.name, p.span, p.target, Some(p.len));
                }
                id
            }
        };
        pending.clear();
        self.pending = pending;
        self.built.store.lists[target.index()].reserve(line_count);
        for line in header_lines(lines, first_line) {
            self.built.store.apply_line(target, line);
        }
    }

    /// Record the reference and copy `parent`'s first `len` values (all of them when
    /// `None`) into `child`.
    fn inherit(
        &mut self,
        child: SectionId,
        name: String,
        span: Span,
        parent: Option<SectionId>,
        len: Option<usize>,
    ) {
        self.built.parent_ref(child, name, span, parent);
        if let Some(p) = parent {
            let len = len.unwrap_or_else(|| self.built.store.lists[p.index()].len());
            self.built.store.inherit(child, p, len);
            let edge = self.built.edges.len() as u32 - 1;
            self.previous_child_edge
                .push(self.last_child_edge[p.index()]);
            self.last_child_edge[p.index()] = edge;
        }
    }

    /// The first header after `index` that defines a section named `name`.
    fn defined_later(&mut self, index: usize, headers: &[Header], name: &str) -> Option<Span> {
        let later = self.later.get_or_insert_with(|| {
            let mut map: HashMap<String, Vec<(usize, Span)>> = HashMap::new();
            for (i, h) in headers.iter().enumerate().skip(index + 1) {
                if !h.is_extension() {
                    map.entry(h.name.to_ascii_lowercase())
                        .or_default()
                        .push((i, h.name_span));
                }
            }
            map
        });
        later
            .get(&name.to_ascii_lowercase())?
            .iter()
            .find(|(i, _)| *i > index)
            .map(|(_, span)| *span)
    }

    fn missing_parent(&mut self, index: usize, headers: &[Header], name: &str, span: Span) {
        let child = headers[index].name.clone();
        let trimmed = trim_blanks(name);
        let d = if trimmed != name {
            let exists = self.built.names.first(trimmed).is_some()
                || self.defined_later(index, headers, trimmed).is_some();
            diagnose::parent_blanks(&child, name, span, exists, true)
        } else if name.eq_ignore_ascii_case(&child) {
            diagnose::self_inheritance(&child, span, true)
        } else if let Some(below) = self.defined_later(index, headers, name) {
            diagnose::defined_below(&child, name, span, below)
        } else {
            let sections = &self.built.sections;
            let candidates = self
                .built
                .names
                .firsts()
                .map(|id| (sections[id.index()].name.as_str(), id));
            let suggestion = self
                .suggester
                .suggest(name, self.built.names.len(), candidates)
                .map(|id| Place {
                    name: sections[id.index()].name.clone(),
                    span: sections[id.index()].name_span,
                });
            diagnose::unknown_parent(&child, name, span, suggestion, true)
        };
        self.built.diagnostics.push(d);
    }

    /// category_get_sep for a `+filter` entry: the first section read so far with the
    /// header's name that the filter accepts.
    fn extend_target(
        &mut self,
        index: usize,
        headers: &[Header],
        filter: &str,
        span: Span,
    ) -> Option<SectionId> {
        let name = &headers[index].name;
        let parsed = CategoryFilter::parse(filter);
        let store = &self.built.store;
        let sections = &self.built.sections;
        let mut candidates = self.built.names.get(name);
        let found = candidates
            .clone()
            .find(|&id| parsed.matches(sections[id.index()].template, store.variables(id)));
        if found.is_some() {
            return found;
        }
        let spans: Vec<Span> = candidates
            .by_ref()
            .map(|id| sections[id.index()].name_span)
            .collect();
        let miss = if let Some(why) = parsed.invalid() {
            ExtendMiss::BadFilter(why.to_string())
        } else if spans.is_empty() {
            ExtendMiss::Nothing
        } else if filter.is_empty() {
            ExtendMiss::OnlyTemplates(spans.clone())
        } else {
            ExtendMiss::FilterMismatch(spans.clone())
        };
        let below = if spans.is_empty() {
            self.defined_later(index, headers, &headers[index].name)
        } else {
            None
        };
        let d = diagnose::nothing_to_extend(&headers[index].name, filter, span, miss, below, true);
        self.built.diagnostics.push(d);
        None
    }

    /// PJ107 when `existing` already has children that will not see this header's lines.
    fn warn_late_extension(&mut self, existing: SectionId, at: Span) {
        let mut edge = self.last_child_edge[existing.index()];
        let mut edges = Vec::new();
        while edge != NONE {
            edges.push(edge);
            edge = self.previous_child_edge[edge as usize];
        }
        if edges.is_empty() {
            return;
        }
        let first: Vec<(String, Span)> = edges
            .iter()
            .rev()
            .take(5)
            .map(|&e| {
                let e = self.built.edges[e as usize];
                (self.built.sections[e.child.index()].name.clone(), e.span)
            })
            .collect();
        let name = &self.built.sections[existing.index()].name;
        let d = diagnose::extension_after_inheritance(name, at, edges.len(), &first);
        self.built.diagnostics.push(d);
    }
}
