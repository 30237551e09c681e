//! # ftl-object: the object model
//!
//! Python objects as CPython lays them out — a header with a reference count
//! and a type, then the data — with the count kept by a pluggable strategy
//! and container contents guarded by a pluggable object lock, both chosen by
//! one type parameter, the [`HeapPolicy`], and dispatched statically.
//!
//! * [`header`]: the [`Header`], allocation, the owning reference
//!   [`ObjRef`] (clone = incref, drop = decref), immortal objects, the
//!   trashcan that bounds recursive frees, and the [`Payload`] trait through
//!   which other crates add types (the VM's functions, classes, instances,
//!   weakrefs).
//! * [`policy`]: [`HeapPolicy`], [`SharedHeap`], and the GIL heap's
//!   [`Plain`] strategy and [`GilHeap`] policy.
//! * [`types`]: `None`, `bool`, `int`, `float`, `str`, `bytes`, `tuple`,
//!   `list`, `dict`, `set`. A `dict` iterates in insertion order; a `set`
//!   keeps CPython 3.11's own open-addressing table (`Objects/setobject.c`),
//!   so it iterates and `pop()`s in CPython's order whenever the keys' hashes
//!   are CPython's (numbers and tuples of numbers; `str` hashes use a fixed
//!   key where CPython randomizes). Both offer `_hashed` variants and
//!   `candidates(hash)` so the VM can supply user-defined `__hash__` and
//!   run user `__eq__` outside the containers' critical sections.
//! * [`keys`]: key equality (`1`, `1.0` and `True` are one dict key),
//!   over CPython's hash functions (`ftl_algorithms::hash`).
//! * [`IntValue`]: Python ints with an `i64` fast path promoted to big
//!   integers on overflow, re-exported from `ftl-algorithms` (the `int`
//!   payload holds one; the arithmetic is a pure algorithm).
//! * [`locked`]: container contents reachable only in a critical section.
//! * [`accounting`]: live objects (allocated − freed) per runtime.
//! * [`statics`]: each policy's immortal singletons and small-int cache.
//! * [`slot`]: [`ObjCell`] and [`Exclusive`], lock-guarded mutable state
//!   for payloads defined in other crates (closure cells, generators).
//!
//! `unsafe` lives in [`header`], [`locked`] and [`accounting`] only; each
//! block states why it is sound, and the crate's tests run under Miri.

pub mod accounting;
pub mod header;
pub mod keys;
pub mod locked;
pub mod policy;
pub mod slot;
pub mod statics;
pub mod types;

#[cfg(all(test, not(loom)))]
mod test_support {
    /// Proptest settings for the unit tests: fewer cases under Miri.
    pub(crate) fn proptest_config() -> proptest::prelude::ProptestConfig {
        proptest::prelude::ProptestConfig {
            cases: if cfg!(miri) { 4 } else { 256 },
            failure_persistence: None,
            ..Default::default()
        }
    }
}

pub use accounting::{Accounting, Scope};
pub use ftl_algorithms::int::{IntError, IntValue};
pub use header::{GcLinks, Header, Kind, ObjRef, Payload, TypeObject};
pub use keys::Unhashable;
pub use policy::{GilHeap, HeapPolicy, Plain, SharedHeap};
pub use slot::{Exclusive, ObjCell};
pub use statics::Statics;
