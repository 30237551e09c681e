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
//! | [`thread_lock`] | the lock under Python's `_thread.allocate_lock` | used by the VM's `_thread` module |
//! | [`sync`] | loom under `cfg(loom)`, std / parking_lot otherwise | used by every protocol |
//!
//! Dependency rule: this crate depends on nothing else in the workspace.

pub mod coord;
pub mod lock;
pub mod probe;
pub mod refcount;
pub mod sync;
pub mod thread_lock;
pub mod traverse;

pub use coord::{Attached, OwnedAttached, RawCoordination, ThreadHandle, WorldStopped};
pub use lock::{CriticalSection, CriticalSection2, NoLock, RawObjectLock};
pub use probe::{ProbeEvent, ProbeKind, ProbeSink, Probes, Recorder};
pub use refcount::{RefCount, IMMORTAL_COUNT};
pub use thread_lock::ThreadLock;
pub use traverse::Traverse;
