//! "Did you mean": the closest name among candidates.

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
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        // The difference in length alone bounds the similarity from above.
        let chars = candidate.chars().count();
        let longest = wanted_chars.max(chars).max(1) as f64;
        if 1.0 - (wanted_chars.abs_diff(chars) as f64) / longest < threshold {
            continue;
        }
        let score = strsim::normalized_damerau_levenshtein(&wanted, &candidate.to_lowercase());
        if score >= threshold && best.is_none_or(|(top, _)| score > top) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, name)| name)
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
