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
//! `unsafe` lives in [`header`] (allocation, downcasts, the trashcan),
//! [`locked`] (the critical-section cell), [`accounting`] (the
//! thread-local scope), [`policy`] and [`statics`] (unsafe traits and
//! their impls) and the `unsafe impl Payload` of each [`types`] module:
//! each opens with `#![allow(unsafe_code)]` (the workspace denies it
//! elsewhere), each block states why it is sound, and the crate's tests run
//! under Miri.
//!
//! ## Example: objects on the GIL heap
//!
//! An interpreter picks a heap policy and builds its values as
//! [`ObjRef`]s: cloning one is an incref, dropping one a decref, and the
//! [`Accounting`] scope it entered counts what is still alive. [`GilHeap`]
//! objects are `!Send`; an interpreter that runs them on several threads
//! does so under a GIL (`ftl-gil`, whose `Handover` moves them to a new
//! thread).
//!
//! ```rust
//! use ftl_object::{Accounting, GilHeap, ObjRef};
//!
//! type Obj = ObjRef<GilHeap>;
//! let accounting = Accounting::new();
//! let _scope = accounting.enter(); // this thread's objects count here
//!
//! // [1000, 2000, 3000]: ints outside -5..=256 are new objects.
//! let list = Obj::new_list((1..=3).map(|i| Obj::from_i64(i * 1000)).collect());
//! let first = list.as_list().unwrap().get(0).unwrap();
//! assert_eq!(first.refcount(), 2); // the list's reference and ours
//!
//! // {"xs": list, 7: None}
//! let dict = Obj::new_dict();
//! let d = dict.as_dict().unwrap();
//! d.set(Obj::new_str("xs"), list.clone()).unwrap();
//! d.set(Obj::from_i64(7), Obj::none()).unwrap();
//! assert_eq!(list.refcount(), 2);
//! assert!(d.get(&Obj::new_str("xs")).unwrap().unwrap().is_same(&list));
//! assert!(d.get(&Obj::from_f64(7.0)).unwrap().unwrap().is_none()); // 7 == 7.0
//! assert!(d.set(Obj::new_list(vec![]), Obj::none()).is_err()); // unhashable
//!
//! // Small ints are cached, immortal singletons, as in CPython.
//! assert!(Obj::from_i64(7).is_same(&Obj::from_i64(7)) && Obj::from_i64(7).is_immortal());
//!
//! let sum: i64 = list.as_list().unwrap().snapshot().iter()
//!     .map(|o| o.as_int().and_then(|v| v.as_i64()).unwrap())
//!     .sum();
//! assert_eq!(sum, 6000);
//!
//! // 3 ints, the list, the dict and its key "xs" are alive; dropping the
//! // last references frees them all.
//! assert_eq!(accounting.live(), 6);
//! drop((first, list, dict));
//! assert_eq!(accounting.live(), 0);
//! ```

pub mod accounting;
pub mod gc_hooks;
pub mod handoff;
pub mod header;
pub mod keys;
pub mod locked;
pub mod policy;
mod shared_items;
pub mod slot;
pub mod statics;
pub mod types;
pub mod weak_list;

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
pub use header::{GcLinks, Header, Kind, ObjRef, Payload, TypeObject, GC_LINKS_SIZE};
pub use keys::Unhashable;
pub use policy::{GilHeap, HeapPolicy, Plain, SharedHeap};
pub use slot::{Exclusive, ObjCell};
pub use statics::Statics;
pub use weak_list::WeakList;

/// The README's code, run as a doctest so that it stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
mod readme {}
