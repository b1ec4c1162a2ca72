//! The PJSIP data model of pjconf: which options each object type has, and how Asterisk 22
//! parses their values.
//!
//! # What is here
//! - [`ObjectType`]: the 17 sorcery types of the reference table, matched from a `type =`
//!   value case-sensitively as res_sorcery_config does, with single-object and
//!   runtime-only flags.
//! - The option table: one [`OptionSpec`] per (object type, option) with the registered type
//!   and default, the observed default, how pjconf checks the value ([`ValueKind`]), whether
//!   repeated lines accumulate ([`Repeat`]), aliases and references to other objects. It is
//!   data generated from the reference `pjsip-options.tsv` (`gen/gen_table.py`) and checked
//!   against that file by the crate's tests. Find rows with [`lookup`], typos with [`suggest`].
//! - [`check_value`]: one value against one option, three outcomes: accepted, accepted but
//!   suspicious (a [`ValueWarning`], e.g. a boolean that silently reads as false), or
//!   rejected (a [`ValueProblem`] naming the accepted forms; Asterisk drops the object).
//!
//! # Properties
//! - No I/O, no printing. [`lookup`] builds a per-type index once and then does not allocate.
//! - Facts come from measurements against a running Asterisk 22.10.1 (the reference README);
//!   where only the source was read, the row's [`OptionSpec::model_note`] says so.
//!
//! ```
//! use pjconf_model::{ObjectType, check_value, lookup, suggest};
//!
//! let object_type = ObjectType::from_type_value("endpoint").unwrap();
//! assert!(lookup(object_type, "direct_meda").is_none());
//! assert_eq!(suggest(object_type, "direct_meda"), Some("direct_media"));
//!
//! let allow = lookup(object_type, "allow").unwrap();
//! assert!(check_value(allow, "!all,ULAW,opus:20").is_ok());
//! let problem = check_value(allow, "ulaw,g729a").unwrap_err();
//! assert_eq!(problem.suggestion.as_deref(), Some("g729"));
//! ```

mod object;
mod object_type;
mod options;
mod value;
pub mod wizard;

pub use object::{NotAnObject, ObjectSet, PjsipObject, SectionInput, SectionValue, Unclassified};
pub use object_type::{Loading, ObjectType};
pub use options::kind::{CaseRule, CustomCheck, EnumSpec, TimeUnit, UnknownValue, ValueKind};
pub use options::lookup::{all_options, lookup, options_for, suggest};
pub use options::{NameMatch, OptionSpec, Reference, RegisteredType, Repeat};
pub use value::bool::{BoolSpelling, FALSE_SPELLINGS, TRUE_SPELLINGS, bool_spelling};
pub use value::outcome::{Checked, ProblemKind, ValueProblem, ValueWarning, WarningKind};
pub use value::{KNOWN_CODECS, check_value, list_items};
