//! The hash maps of the context's indexes: FxHash (rustc-hash), fast for the short string keys
//! of a configuration. The keys are ids from the configuration being linted, not
//! attacker-chosen network input, so a DoS-resistant hasher buys nothing here.

pub(crate) use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
