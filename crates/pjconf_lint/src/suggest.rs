//! "Did you mean": the closest name among candidates.

use std::borrow::Cow;

use pjconf_model::ObjectType;

use crate::LintContext;

/// An id must be at least this similar (normalized Damerau-Levenshtein, 0..=1).
pub(crate) const ID_THRESHOLD: f64 = 0.75;

/// A short keyword (an object type) must be at least this similar: `aro` for `aor`.
pub(crate) const KEYWORD_THRESHOLD: f64 = 0.6;

/// The candidate most similar to `wanted` (letter case ignored), if at least `threshold`
/// similar; ties go to the earlier candidate.
pub(crate) fn closest<'b>(
    wanted: &str,
    candidates: impl Iterator<Item = &'b str>,
    threshold: f64,
) -> Option<&'b str> {
    let wanted = wanted.to_lowercase();
    let wanted_chars = wanted.chars().count();
    let letters = Letters::of(&wanted);
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        // The difference in length alone bounds the similarity from above.
        let chars = candidate.chars().count();
        let longest = wanted_chars.max(chars).max(1) as f64;
        if 1.0 - (wanted_chars.abs_diff(chars) as f64) / longest < threshold {
            continue;
        }
        // So does the difference in letters (each edit changes it by at most one), computed
        // in the same way as the score: skip a candidate that cannot reach the threshold or
        // beat the best so far.
        if let Some(distance) = letters.as_ref().and_then(|l| l.distance(candidate)) {
            let bound = 1.0 - (distance as f64) / (wanted_chars.max(chars) as f64);
            if bound < threshold || best.is_some_and(|(top, _)| bound <= top) {
                continue;
            }
        }
        let lowered = if candidate
            .bytes()
            .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
        {
            Cow::Owned(candidate.to_lowercase())
        } else {
            Cow::Borrowed(candidate)
        };
        let score = strsim::normalized_damerau_levenshtein(&wanted, &lowered);
        if score >= threshold && best.is_none_or(|(top, _)| score > top) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, name)| name)
}

/// How many times each ASCII character occurs in a lowercase ASCII name: the multiset of
/// its letters, whose difference from another name's is a lower bound of their edit distance
/// (Damerau-Levenshtein, transpositions included).
struct Letters {
    counts: [i32; 128],
}

impl Letters {
    /// The letters of `lowercase`, or `None` when it is not all ASCII.
    fn of(lowercase: &str) -> Option<Self> {
        if !lowercase.is_ascii() {
            return None;
        }
        let mut counts = [0; 128];
        for b in lowercase.bytes() {
            counts[usize::from(b)] += 1;
        }
        Some(Letters { counts })
    }

    /// The bag distance to `candidate` with ASCII letters lowercased (the larger of the two
    /// counts of characters one name has and the other lacks), or `None` when `candidate` is
    /// not all ASCII.
    fn distance(&self, candidate: &str) -> Option<usize> {
        if !candidate.is_ascii() {
            return None;
        }
        let mut counts = self.counts;
        for b in candidate.bytes() {
            counts[usize::from(b.to_ascii_lowercase())] -= 1;
        }
        let (mut missing, mut extra) = (0, 0);
        for count in counts {
            if count > 0 {
                missing += count;
            } else {
                extra -= count;
            }
        }
        Some(missing.max(extra) as usize)
    }
}

/// The id of an object of `object_type` that `wanted` probably meant: the same id in another
/// letter case, else the most similar id while the context's comparison budget lasts.
pub(crate) fn closest_id<'a>(
    cx: &LintContext<'a>,
    object_type: ObjectType,
    wanted: &str,
) -> Option<&'a str> {
    if let Some(object) = cx.find_ignore_case(object_type, wanted) {
        return Some(object.id.as_str());
    }
    let objects = cx.of_type(object_type);
    if !cx.spend_suggestions(objects.len()) {
        return None;
    }
    closest(
        wanted,
        objects.map(|(_, object)| object.id.as_str()),
        ID_THRESHOLD,
    )
}
