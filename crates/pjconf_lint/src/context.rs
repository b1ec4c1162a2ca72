//! What the rules read: the objects, and indexes over them built once, on first use.

use std::cell::Cell;
use std::sync::OnceLock;

use pjconf_model::{
    Checked, ObjectSet, ObjectType, OptionSpec, PjsipObject, Unclassified, ValueProblem,
    check_value, lookup,
};

use crate::hash::FxHashMap;
use crate::refs::{RefItem, collect_references};

/// The input of every rule: the classified objects of one configuration, plus indexes
/// (objects by type and by (type, id), option rows per line, checked values, references)
/// that are built the first time a rule asks for them and shared by all rules.
///
/// ```
/// use pjconf_lint::LintContext;
/// use pjconf_model::{ObjectSet, ObjectType};
///
/// let objects = ObjectSet::default();
/// let cx = LintContext::new(&objects);
/// assert!(cx.find(ObjectType::Endpoint, "alice").is_none());
/// ```
#[derive(Debug)]
pub struct LintContext<'a> {
    /// The objects and the sections that became none.
    pub objects: &'a ObjectSet,
    index: OnceLock<Index<'a>>,
    /// The first object of each (type, hash of the ASCII-lowercased id).
    lowercase: OnceLock<FxHashMap<(ObjectType, u64), usize>>,
    specs: OnceLock<Specs>,
    values: OnceLock<Vec<ValueFinding>>,
    references: OnceLock<Vec<RefItem<'a>>>,
    referenced: OnceLock<Vec<bool>>,
    /// How many more id comparisons "did you mean" may still make in this run.
    suggest_budget: Cell<usize>,
}

#[derive(Debug, Default)]
struct Index<'a> {
    /// Object positions per type, in section order (slot = position in `ObjectType::ALL`).
    by_type: Vec<Vec<usize>>,
    /// The first object of each (type, id).
    by_id: FxHashMap<(ObjectType, &'a str), usize>,
    /// The first unclassified section of each name.
    unclassified: FxHashMap<&'a str, usize>,
    /// For each object, the position of the first object with its type and id (itself,
    /// unless it is a duplicate).
    first_of: Vec<usize>,
}

/// The option row of every line of every object, flattened: object `i`'s lines are
/// `rows[starts[i]..starts[i + 1]]`.
#[derive(Debug, Default)]
struct Specs {
    rows: Vec<Option<&'static OptionSpec>>,
    starts: Vec<usize>,
}

/// A value [`check_value`] rejected or warned about.
#[derive(Debug)]
pub(crate) struct ValueFinding {
    /// Position of the object in `ObjectSet::objects`.
    pub(crate) object: usize,
    /// Position of the line in the object's options.
    pub(crate) option: usize,
    /// What the check said (never a clean `Checked`).
    pub(crate) outcome: Result<Checked, ValueProblem>,
}

/// Id comparisons all "did you mean" searches of one context may make together, so many
/// unknown names among many objects never make linting quadratic.
const SUGGEST_BUDGET: usize = 50_000;

/// A hash of `id` with ASCII letters lowercased, computed without allocating.
fn lowercase_hash(id: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = crate::hash::FxHasher::default();
    for chunk in id.as_bytes().chunks(8) {
        let mut word = [0u8; 8];
        for (to, from) in word.iter_mut().zip(chunk) {
            *to = from.to_ascii_lowercase();
        }
        hasher.write_u64(u64::from_le_bytes(word));
    }
    hasher.write_usize(id.len());
    hasher.finish()
}

fn slot(object_type: ObjectType) -> usize {
    ObjectType::ALL
        .iter()
        .position(|&t| t == object_type)
        .unwrap_or_default()
}

impl<'a> LintContext<'a> {
    /// A context over `objects`; nothing is indexed until a rule needs it.
    pub fn new(objects: &'a ObjectSet) -> Self {
        LintContext {
            objects,
            index: OnceLock::new(),
            lowercase: OnceLock::new(),
            specs: OnceLock::new(),
            values: OnceLock::new(),
            references: OnceLock::new(),
            referenced: OnceLock::new(),
            suggest_budget: Cell::new(SUGGEST_BUDGET),
        }
    }

    fn index(&self) -> &Index<'a> {
        self.index.get_or_init(|| {
            let objects = &self.objects.objects;
            let mut index = Index {
                by_type: vec![Vec::new(); ObjectType::ALL.len()],
                ..Index::default()
            };
            index.by_id.reserve(objects.len());
            index.first_of.reserve(objects.len());
            for (position, object) in objects.iter().enumerate() {
                index.by_type[slot(object.object_type)].push(position);
                let first = *index
                    .by_id
                    .entry((object.object_type, object.id.as_str()))
                    .or_insert(position);
                index.first_of.push(first);
            }
            for (position, section) in self.objects.unclassified.iter().enumerate() {
                index
                    .unclassified
                    .entry(section.section.name.as_str())
                    .or_insert(position);
            }
            index
        })
    }

    /// The objects of `object_type`, in section order, each with its position in
    /// `objects.objects`.
    pub fn of_type(
        &self,
        object_type: ObjectType,
    ) -> impl ExactSizeIterator<Item = (usize, &'a PjsipObject)> + '_ {
        let objects = &self.objects.objects;
        self.index().by_type[slot(object_type)]
            .iter()
            .map(move |&position| (position, &objects[position]))
    }

    /// The position of the first object of `object_type` with id `id`.
    pub(crate) fn first_position(&self, object_type: ObjectType, id: &str) -> Option<usize> {
        self.index().by_id.get(&(object_type, id)).copied()
    }

    /// The first object of `object_type` whose id is exactly `id` (Sorcery ids are
    /// case-sensitive).
    pub fn find(&self, object_type: ObjectType, id: &str) -> Option<&'a PjsipObject> {
        let objects = &self.objects.objects;
        self.index()
            .by_id
            .get(&(object_type, id))
            .map(|&position| &objects[position])
    }

    /// The first object of `object_type` whose id equals `id` ignoring ASCII letter case.
    pub fn find_ignore_case(&self, object_type: ObjectType, id: &str) -> Option<&'a PjsipObject> {
        let lowercase = self.lowercase.get_or_init(|| {
            let mut map = FxHashMap::default();
            map.reserve(self.objects.objects.len());
            for (position, object) in self.objects.objects.iter().enumerate() {
                map.entry((object.object_type, lowercase_hash(&object.id)))
                    .or_insert(position);
            }
            map
        });
        let objects = &self.objects.objects;
        lowercase
            .get(&(object_type, lowercase_hash(id)))
            .map(|&position| &objects[position])
            .filter(|object| object.id.eq_ignore_ascii_case(id))
    }

    /// The position of the first object with the same type and id as the object at
    /// `position` (`position` itself unless that object is a duplicate).
    pub(crate) fn first_of(&self, position: usize) -> usize {
        self.index().first_of[position]
    }

    /// True when some effective reference names the object at `position` (or the first
    /// object of its type and id, which is what a reference resolves to).
    pub(crate) fn is_referenced(&self, position: usize) -> bool {
        let referenced = self.referenced.get_or_init(|| {
            let mut referenced = vec![false; self.objects.objects.len()];
            for item in self.references() {
                if let Some(target) = item.resolved {
                    referenced[target] = true;
                }
            }
            referenced
        });
        referenced[self.first_of(position)]
    }

    /// The first section named `name` that is not an object (a template, or a section with
    /// no or an unknown type).
    pub fn unclassified(&self, name: &str) -> Option<&'a Unclassified> {
        let sections = &self.objects.unclassified;
        self.index()
            .unclassified
            .get(name)
            .map(|&position| &sections[position])
    }

    /// The option row of each line of the object at `position` (`None` for an unknown name).
    pub fn specs(&self, position: usize) -> &[Option<&'static OptionSpec>] {
        let specs = self.specs.get_or_init(|| {
            let objects = &self.objects.objects;
            let mut specs = Specs {
                rows: Vec::with_capacity(objects.iter().map(|o| o.options.len()).sum()),
                starts: Vec::with_capacity(objects.len() + 1),
            };
            // Objects of one type mostly have the same option names in the same order (a
            // template's, then their own), so each line is first compared with the same line
            // of the previous object of its type: the same name has the same row.
            let mut previous: Vec<Option<usize>> = vec![None; ObjectType::ALL.len()];
            for (position, object) in objects.iter().enumerate() {
                let start = specs.rows.len();
                specs.starts.push(start);
                let last = &mut previous[slot(object.object_type)];
                let before = last.map(|p| (&objects[p].options, specs.starts[p]));
                for (line, value) in object.options.iter().enumerate() {
                    let known = before.and_then(|(options, from)| {
                        let other = options.get(line)?;
                        (other.key == value.key).then(|| specs.rows[from + line])
                    });
                    let spec = match known {
                        Some(spec) => spec,
                        None => lookup(object.object_type, &value.key),
                    };
                    specs.rows.push(spec);
                }
                *last = Some(position);
            }
            specs.starts.push(specs.rows.len());
            specs
        });
        &specs.rows[specs.starts[position]..specs.starts[position + 1]]
    }

    /// Every value of a config-loadable object that [`check_value`] rejects or warns about.
    pub(crate) fn value_findings(&self) -> &[ValueFinding] {
        self.values.get_or_init(|| {
            let mut findings = Vec::new();
            // The last value found clean for each option row: many objects repeat a value
            // (`allow = ulaw,alaw` from a template, `max_contacts = 1`), and a check depends
            // on nothing but the row and the value.
            let mut last_clean: FxHashMap<*const OptionSpec, &str> = FxHashMap::default();
            for (position, object) in self.objects.objects.iter().enumerate() {
                if !object.object_type.is_config_loadable() {
                    continue;
                }
                for (option, spec) in self.specs(position).iter().enumerate() {
                    let Some(spec) = spec else { continue };
                    let value = object.options[option].value.as_str();
                    let row: *const OptionSpec = *spec;
                    if last_clean.get(&row) == Some(&value) {
                        continue;
                    }
                    let outcome = check_value(spec, value);
                    if matches!(&outcome, Ok(checked) if checked.is_clean()) {
                        last_clean.insert(row, value);
                    } else {
                        findings.push(ValueFinding {
                            object: position,
                            option,
                            outcome,
                        });
                    }
                }
            }
            findings
        })
    }

    /// Every reference that takes effect, object by object in section order.
    pub(crate) fn references(&self) -> &[RefItem<'a>] {
        self.references.get_or_init(|| collect_references(self))
    }

    /// Take `cost` comparisons from the "did you mean" budget; false (and nothing taken)
    /// when not enough is left.
    pub(crate) fn spend_suggestions(&self, cost: usize) -> bool {
        let left = self.suggest_budget.get();
        if cost > left {
            return false;
        }
        self.suggest_budget.set(left - cost);
        true
    }
}
