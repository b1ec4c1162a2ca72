//! "Did you mean": the closest section name to a parent that does not exist.

use std::collections::HashMap;

use crate::model::SectionId;

/// Finds the closest known name, remembering each answer (a file with many references to
/// one misspelt template asks once).
#[derive(Debug, Default)]
pub(crate) struct Suggester {
    cache: HashMap<(String, usize), Option<SectionId>>,
}

impl Suggester {
    /// The closest of `candidates` (name, section) to `wanted`, or `None` when
    /// nothing is close: optimal-string-alignment distance (Levenshtein plus swaps of two neighbours) on lowercased names, at most a third of the
    /// name's length (at least 1); ties go to the earliest. `generation` tells the cache how
    /// many candidates there were (file order grows the set as it reads).
    pub(crate) fn suggest<'a>(
        &mut self,
        wanted: &str,
        generation: usize,
        candidates: impl Iterator<Item = (&'a str, SectionId)>,
    ) -> Option<SectionId> {
        let wanted = wanted.to_ascii_lowercase();
        let key = (wanted, generation);
        if let Some(hit) = self.cache.get(&key) {
            return *hit;
        }
        let len = key.0.chars().count();
        let limit = (len / 3).max(1);
        let mut best: Option<(usize, SectionId)> = None;
        for (name, id) in candidates {
            if name.chars().count().abs_diff(len) > limit {
                continue;
            }
            let d = strsim::osa_distance(&key.0, &name.to_ascii_lowercase());
            if d <= limit && d < len && best.is_none_or(|(b, _)| d < b) {
                best = Some((d, id));
            }
        }
        let found = best.map(|(_, id)| id);
        self.cache.insert(key, found);
        found
    }
}
