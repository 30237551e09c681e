//! # ftl-core: the shared traits of the free-threading lab
//!
//! ftl implements, side by side, every way a Python-like interpreter has run
//! threads. This crate is the bottom of the workspace: it names the contracts
//! that every mechanism implements and every interpreter composes, and it
//! owns the one `sync` facade through which every concurrency protocol
//! reaches its primitives (so that each protocol can be model-checked with
//! loom).
//!
//! | module | contract | implemented by |
//! |---|---|---|
//! | [`refcount`] | how an object header keeps its count | `ftl-object` (`plain`), `ftl-heap` (`atomic`, later locked, buffered, biased) |
//! | [`coord`] | attach / detach / poll / stop-the-world | `ftl-gil` (old, new, fair GIL), `ftl-heap` (no GIL) |
//! | [`lock`] | per-object critical sections on one or two objects | [`lock::NoLock`] (GIL), `ftl-heap` (real locks) |
//! | [`traverse`] | the collector's view of an object | `ftl-object` containers, used by `ftl-gc` |
//! | [`probe`] | timestamped events that cost nothing when off | every mechanism; the bench draws timelines |
//! | [`qsbr`] | when memory unlinked from shared structures may be freed (lock-free reads) | used by `ftl-heap`'s biased strategy |
//! | [`signal_flags`] | a signal handler's note that a Python handler is due, taken at the main thread's safe point | the VM's `signal` module |
//! | [`thread_lock`] | the lock under Python's `_thread.allocate_lock` | used by the VM's `_thread` module |
//! | [`xi_queue`] | the cross-interpreter queue under PEP 734's `concurrent.interpreters.Queue` (blocking without polling) | for ftl's subinterpreters |
//! | [`sync`] | loom under `cfg(loom)`, std / parking_lot otherwise | used by every protocol |
//!
//! Dependency rule: this crate depends on nothing else in the workspace.
//!
//! ## Example: a refcount strategy for a toy interpreter
//!
//! An interpreter writes its object code once, generic over [`RefCount`],
//! and each strategy plugs in a cell type. Here the strategy is a plain
//! counter (what a single-threaded interpreter needs); the object model's
//! `release` frees the object exactly when `decref` says it was the last
//! reference, and never frees an immortal object.
//!
//! ```rust
//! use std::cell::Cell;
//! use ftl_core::{RefCount, IMMORTAL_COUNT};
//!
//! enum Counter {}
//!
//! // SAFETY: cells start at one and move by one; `decref` is `true` only on
//! // the 1 -> 0 step, once per cell; immortal cells are never written; not
//! // thread-safe, as declared (and `Cell` is `!Sync`).
//! unsafe impl RefCount for Counter {
//!     type Cell = Cell<usize>;
//!     const NAME: &'static str = "counter";
//!     const THREAD_SAFE: bool = false;
//!     fn new_cell() -> Cell<usize> { Cell::new(1) }
//!     fn immortal_cell() -> Cell<usize> { Cell::new(IMMORTAL_COUNT) }
//!     fn incref(c: &Cell<usize>) {
//!         if c.get() < IMMORTAL_COUNT { c.set(c.get() + 1) }
//!     }
//!     fn decref(c: &Cell<usize>) -> bool {
//!         if c.get() >= IMMORTAL_COUNT { return false }
//!         c.set(c.get() - 1);
//!         c.get() == 0
//!     }
//!     fn try_incref(c: &Cell<usize>) -> bool {
//!         if c.get() == 0 { return false }
//!         Self::incref(c);
//!         true
//!     }
//!     fn count(c: &Cell<usize>) -> usize { c.get() }
//!     fn is_immortal(c: &Cell<usize>) -> bool { c.get() >= IMMORTAL_COUNT }
//! }
//!
//! // The toy's object: a header cell, then the data.
//! struct Obj<R: RefCount> { rc: R::Cell, value: i64 }
//!
//! // Drops one reference; returns the value if this was the last one (the
//! // object is freed).
//! fn release<R: RefCount>(obj: &Obj<R>) -> Option<i64> {
//!     R::decref(&obj.rc).then_some(obj.value)
//! }
//!
//! let seven = Obj::<Counter> { rc: Counter::new_cell(), value: 7 };
//! Counter::incref(&seven.rc); // a second reference, e.g. on the value stack
//! assert_eq!(Counter::count(&seven.rc), 2);
//! assert_eq!(release(&seven), None);
//! assert_eq!(release(&seven), Some(7)); // the last decref frees
//!
//! let none = Obj::<Counter> { rc: Counter::immortal_cell(), value: 0 };
//! for _ in 0..3 {
//!     Counter::incref(&none.rc);
//!     assert_eq!(release(&none), None); // immortal: never freed
//! }
//! assert!(Counter::is_immortal(&none.rc));
//! assert_eq!(Counter::count(&none.rc), IMMORTAL_COUNT);
//! ```

pub mod coord;
pub mod epoch;
pub mod init_locks;
pub mod lock;
pub mod probe;
pub mod qsbr;
pub mod refcount;
pub mod signal_flags;
pub mod sync;
pub mod thread_lock;
pub mod traverse;
pub mod xi_queue;

pub use coord::{Attached, OwnedAttached, RawCoordination, ThreadHandle, Wait, WorldStopped};
pub use epoch::Epoch;
pub use init_locks::{Claim, InitGuard, InitLocks, Waiter};
pub use lock::{
    defer_until_sections_end, in_critical_section, CriticalSection, CriticalSection2, NoLock,
    RawObjectLock,
};
pub use probe::{ProbeEvent, ProbeKind, ProbeSink, Probes, Recorder};
pub use qsbr::{Qsbr, QsbrThread, RetireList};
pub use refcount::{DeferredFree, EnterScopes, Reclaim, RefCount, StrategyThread, IMMORTAL_COUNT};
pub use thread_lock::ThreadLock;
pub use traverse::Traverse;
pub use xi_queue::XiQueue;

/// The README's code, run as a doctest so that it stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
mod readme {}
