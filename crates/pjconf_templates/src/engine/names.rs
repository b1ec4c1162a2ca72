//! Sections by name, compared as config.c compares category names (strcasecmp: ASCII case
//! folded, nothing else).
//!
//! One map entry per distinct name (first and last section of that name) and one `next`
//! link per section, so a file of 100,000 sections costs no per-name list.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::model::SectionId;

const NONE: u32 = u32::MAX;

/// FNV-1a: section names are short, and SipHash's resistance is not needed here.
#[derive(Debug, Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

#[derive(Debug, Default)]
pub(crate) struct Names {
    /// Lowercased name → (first, last) section of that name.
    map: HashMap<Box<str>, (u32, u32), BuildHasherDefault<Fnv>>,
    /// Lowercased names in the order they first appeared.
    order: Vec<SectionId>,
    /// The next section of the same name, per section.
    next: Vec<u32>,
}

/// `name` with ASCII upper case folded, borrowed when there is nothing to fold.
fn folded(name: &str) -> std::borrow::Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(name.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(name)
    }
}

impl Names {
    /// Make room for `sections` more sections, as if each had a name of its own (several
    /// sections sharing a name, as `[6001]` endpoint, aor and auth do, leave room unused).
    pub(crate) fn reserve(&mut self, sections: usize) {
        self.map.reserve(sections);
        self.order.reserve(sections);
        self.next.reserve(sections);
    }

    /// Add section `id` (ids arrive in increasing order) named `name`.
    pub(crate) fn insert(&mut self, name: &str, id: SectionId) {
        if self.next.len() <= id.index() {
            self.next.resize(id.index() + 1, NONE);
        }
        let key = folded(name);
        match self.map.get_mut(key.as_ref()) {
            Some((_, last)) => {
                self.next[*last as usize] = id.0;
                *last = id.0;
            }
            None => {
                self.map.insert(key.into(), (id.0, id.0));
                self.order.push(id);
            }
        }
    }

    /// Every section named `name`, case-insensitively, first one first.
    pub(crate) fn get(&self, name: &str) -> SameName<'_> {
        let first = self.map.get(folded(name).as_ref()).map_or(NONE, |e| e.0);
        SameName {
            next: &self.next,
            at: first,
        }
    }

    /// The first section named `name`: category_get_sep with `TEMPLATES=include`, which
    /// accepts templates and ordinary sections alike.
    pub(crate) fn first(&self, name: &str) -> Option<SectionId> {
        self.get(name).next()
    }

    /// How many distinct names there are.
    pub(crate) fn len(&self) -> usize {
        self.order.len()
    }

    /// The first section of every distinct name, in the order names first appeared.
    pub(crate) fn firsts(&self) -> impl Iterator<Item = SectionId> + '_ {
        self.order.iter().copied()
    }
}

/// The sections sharing one name, in order.
#[derive(Debug, Clone)]
pub(crate) struct SameName<'a> {
    next: &'a [u32],
    at: u32,
}

impl Iterator for SameName<'_> {
    type Item = SectionId;

    fn next(&mut self) -> Option<SectionId> {
        if self.at == NONE {
            return None;
        }
        let id = SectionId(self.at);
        self.at = self.next[self.at as usize];
        Some(id)
    }
}
