//! Finding an option by (object type, name), and "did you mean" for unknown names.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::{NameMatch, OPTIONS, OptionSpec};
use crate::ObjectType;

/// A suggestion must be at least this similar (normalized Damerau-Levenshtein, 0..=1).
const SUGGEST_THRESHOLD: f64 = 0.75;

/// FxHash over the bytes of a short option name: the keys are the table's own names.
#[derive(Default)]
struct NameHasher(u64);

impl Hasher for NameHasher {
    fn write(&mut self, bytes: &[u8]) {
        const SEED: u64 = 0xf135_7aea_2e62_a9c5;
        let mut hash = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            hash = (hash ^ u64::from_le_bytes(word)).wrapping_mul(SEED);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            hash = (hash ^ u64::from_le_bytes(word)).wrapping_mul(SEED);
        }
        self.0 = hash;
    }

    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }

    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

/// Per object type: exact-name rows sorted by lowercase name, the same rows by lowercase name
/// (what the binary search finds for that name), and the pattern rows.
struct TypeIndex {
    exact: Vec<&'static OptionSpec>,
    by_lowercase: HashMap<Box<[u8]>, &'static OptionSpec, BuildHasherDefault<NameHasher>>,
    patterns: Vec<&'static OptionSpec>,
    all: Vec<&'static OptionSpec>,
}

/// Option names longer than this are looked up by binary search, not through the map.
const MAX_FOLDED: usize = 64;

fn index() -> &'static [TypeIndex] {
    static INDEX: OnceLock<Vec<TypeIndex>> = OnceLock::new();
    INDEX.get_or_init(|| {
        ObjectType::ALL
            .iter()
            .map(|&object_type| {
                let all: Vec<&'static OptionSpec> = OPTIONS
                    .iter()
                    .filter(|spec| spec.object_type == object_type)
                    .collect();
                let mut exact: Vec<&'static OptionSpec> = all
                    .iter()
                    .copied()
                    .filter(|spec| spec.name_match == NameMatch::Exact)
                    .collect();
                exact.sort_by(|a, b| cmp_ignore_case(a.name, b.name));
                let patterns = all
                    .iter()
                    .copied()
                    .filter(|spec| spec.name_match != NameMatch::Exact)
                    .collect();
                // Each lowercase name maps to the row the binary search below finds for it
                // (the same row for every letter case of the name).
                let mut by_lowercase = HashMap::default();
                for spec in &exact {
                    let folded = spec.name.to_ascii_lowercase();
                    if let Some(found) = search_exact(&exact, &folded) {
                        by_lowercase.insert(folded.into_bytes().into_boxed_slice(), found);
                    }
                }
                TypeIndex {
                    exact,
                    by_lowercase,
                    patterns,
                    all,
                }
            })
            .collect()
    })
}

fn type_index(object_type: ObjectType) -> &'static TypeIndex {
    let position = ObjectType::ALL
        .iter()
        .position(|&t| t == object_type)
        .unwrap_or_default();
    &index()[position]
}

/// The exact-name row for `option` (any letter case), by binary search over `exact`.
fn search_exact(exact: &[&'static OptionSpec], option: &str) -> Option<&'static OptionSpec> {
    exact
        .binary_search_by(|spec| cmp_ignore_case(spec.name, option))
        .ok()
        .map(|found| exact[found])
}

fn cmp_ignore_case(a: &str, b: &str) -> Ordering {
    let lower = |c: u8| c.to_ascii_lowercase();
    a.bytes().map(lower).cmp(b.bytes().map(lower))
}

/// The table row that handles `option` in an object of `object_type`, as Asterisk's option
/// lookup finds it: exact names in any letter case first, then pattern rows
/// (inbound-publication `event_*`, the phoneprov catch-all). `None` means Asterisk reports
/// "Could not find option suitable for category" and drops the object.
///
/// ```
/// use pjconf_model::{ObjectType, Repeat, lookup};
///
/// let allow = lookup(ObjectType::Endpoint, "allow").unwrap();
/// assert_eq!(allow.repeat, Repeat::Accumulate);
/// assert_eq!(lookup(ObjectType::Endpoint, "DTMF_MODE").unwrap().name, "dtmf_mode");
/// assert!(lookup(ObjectType::Endpoint, "direct_meda").is_none());
/// assert!(lookup(ObjectType::Aor, "allow").is_none());
/// assert!(lookup(ObjectType::InboundPublication, "event_asterisk-devicestate").is_some());
/// ```
pub fn lookup(object_type: ObjectType, option: &str) -> Option<&'static OptionSpec> {
    let index = type_index(object_type);
    let bytes = option.as_bytes();
    let exact = if bytes.len() <= MAX_FOLDED {
        let mut folded = [0u8; MAX_FOLDED];
        for (to, from) in folded.iter_mut().zip(bytes) {
            *to = from.to_ascii_lowercase();
        }
        index.by_lowercase.get(&folded[..bytes.len()]).copied()
    } else {
        search_exact(&index.exact, option)
    };
    if exact.is_some() {
        return exact;
    }
    index
        .patterns
        .iter()
        .copied()
        .find(|spec| spec.matches_name(option))
}

/// The closest known option name of `object_type` for an unknown `option` ("did you mean"),
/// or `None` when `option` is known or nothing is close enough. Similarity is the normalized
/// Damerau-Levenshtein distance of the lowercase names; ties go to the earlier table row.
///
/// ```
/// use pjconf_model::{ObjectType, suggest};
///
/// assert_eq!(suggest(ObjectType::Endpoint, "direct_meda"), Some("direct_media"));
/// assert_eq!(suggest(ObjectType::Aor, "max_contact"), Some("max_contacts"));
/// assert_eq!(suggest(ObjectType::Endpoint, "context"), None); // known
/// assert_eq!(suggest(ObjectType::Endpoint, "qwertyuiop"), None);
/// ```
pub fn suggest(object_type: ObjectType, option: &str) -> Option<&'static str> {
    if lookup(object_type, option).is_some() {
        return None;
    }
    let wanted = option.to_ascii_lowercase();
    let mut best: Option<(f64, &'static str)> = None;
    for spec in &type_index(object_type).all {
        if spec.name_match != NameMatch::Exact {
            continue;
        }
        let score =
            strsim::normalized_damerau_levenshtein(&wanted, &spec.name.to_ascii_lowercase());
        if score >= SUGGEST_THRESHOLD && best.is_none_or(|(top, _)| score > top) {
            best = Some((score, spec.name));
        }
    }
    best.map(|(_, name)| name)
}

/// Every row of `object_type`, in reference-table order.
pub fn options_for(object_type: ObjectType) -> impl Iterator<Item = &'static OptionSpec> {
    type_index(object_type).all.iter().copied()
}

/// The whole option table, in reference-table order (grouped by object type).
pub fn all_options() -> &'static [OptionSpec] {
    OPTIONS
}
