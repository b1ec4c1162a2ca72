//! The reverse index: for each section, the sections that name it as a parent.
//!
//! Built once with the graph, as a compressed adjacency list (one offsets table, one targets
//! table), so "who inherits from X" is a breadth-first walk over plain slices.

use crate::engine::EdgeRec;
use crate::model::SectionId;

#[derive(Debug, Default)]
pub(crate) struct DependentsIndex {
    offsets: Vec<u32>,
    children: Vec<SectionId>,
}

impl DependentsIndex {
    /// Index `edges` (child → parent) over `count` sections; a child that names the same
    /// parent twice is listed once.
    pub(crate) fn new(count: usize, edges: &[EdgeRec]) -> Self {
        let mut degree = vec![0u32; count + 1];
        for e in edges {
            degree[e.parent.index() + 1] += 1;
        }
        for i in 1..degree.len() {
            degree[i] += degree[i - 1];
        }
        let offsets = degree;
        let mut fill = offsets.clone();
        let mut children = vec![SectionId(0); edges.len()];
        for e in edges {
            let slot = &mut fill[e.parent.index()];
            children[*slot as usize] = e.child;
            *slot += 1;
        }
        let mut index = DependentsIndex { offsets, children };
        index.dedup();
        index
    }

    fn dedup(&mut self) {
        let mut mark = vec![u32::MAX; self.offsets.len()];
        let mut out = Vec::with_capacity(self.children.len());
        let mut offsets = Vec::with_capacity(self.offsets.len());
        offsets.push(0);
        for (parent, w) in self.offsets.windows(2).enumerate() {
            for &c in &self.children[w[0] as usize..w[1] as usize] {
                if mark[c.index()] != parent as u32 {
                    mark[c.index()] = parent as u32;
                    out.push(c);
                }
            }
            offsets.push(out.len() as u32);
        }
        self.children = out;
        self.offsets = offsets;
    }

    /// The direct children of `id`.
    pub(crate) fn children(&self, id: SectionId) -> &[SectionId] {
        let start = self.offsets[id.index()] as usize;
        let end = self.offsets[id.index() + 1] as usize;
        &self.children[start..end]
    }

    /// Every section reachable from `id` through children, breadth-first, without `id`
    /// itself (even when a loop leads back to it).
    pub(crate) fn all(&self, id: SectionId) -> Vec<SectionId> {
        let mut seen = vec![false; self.offsets.len() - 1];
        seen[id.index()] = true;
        let mut out: Vec<SectionId> = Vec::new();
        let mut visit = |c: SectionId, out: &mut Vec<SectionId>| {
            for &child in self.children(c) {
                if !seen[child.index()] {
                    seen[child.index()] = true;
                    out.push(child);
                }
            }
        };
        visit(id, &mut out);
        let mut next = 0;
        while next < out.len() {
            let c = out[next];
            next += 1;
            visit(c, &mut out);
        }
        out
    }
}
