//! # ftl-heap: free-threaded heaps
//!
//! The refcount strategies and object locks that let an interpreter run
//! without a GIL, each implementing the `ftl-core` contracts so that
//! `ftl-object` (or another object model) can be instantiated with them:
//!
//! * [`atomic`]: the [`Atomic`] strategy — every incref/decref an atomic
//!   read-modify-write, the Gilectomy's first step (about 30% slower
//!   single-threaded in Larry Hastings' measurements);
//! * [`lock`]: [`ObjectMutex`], a real one-byte per-object lock
//!   (`parking_lot`'s raw mutex through the `ftl-core` sync facade), as PEP
//!   703's `ob_mutex`;
//! * [`free_threads`]: [`FreeThreads`], thread coordination without a GIL
//!   (CPython 3.13t's attached / detached / suspended thread states and its
//!   stop-the-world), with loom models;
//! * [`global_locked`]: the [`GlobalLocked`] strategy — every count under
//!   one process-wide lock, as Greg Stein's 1996 patch did on Linux;
//! * [`biased`]: the [`Biased`] strategy — PEP 703's biased counts (an
//!   owner's local count with no atomic instruction, a shared atomic count,
//!   per-thread merge queues), after CPython 3.13t;
//! * [`buffered`]: the [`Buffered`] strategy — the Gilectomy's buffered
//!   counts (per-thread increment and decrement logs, applied by a commit
//!   thread, which alone frees);
//! * [`FtAtomic`], [`FtLocked`], [`FtBiased`] and [`FtBuffered`]: the heap
//!   policies of the `ft-atomic`, `ft-locked`, `ft-biased` and
//!   `ft-buffered` runtimes.
//!
//! The last two are the first strategies that free objects later, on
//! another thread: they set `RefCount::DEFERS` and get a `DeferredFree`
//! with each last decref. [`Biased`] also counts code, functions, modules,
//! classes and their dicts per thread ([`per_thread`], CPython 3.14t's
//! deferred counts), and lets containers be read without their lock
//! (`RefCount::LOCK_FREE_READS`): the memory of what dies or is replaced
//! is reclaimed through QSBR ([`reclaim`], over `ftl_core::qsbr`).
//!
//! Every protocol here is written against `ftl_core::sync` and has a loom
//! model beside it (`RUSTFLAGS="--cfg loom" cargo test --release -p
//! ftl-heap`).
//!
//! ## Example: a toy object shared by two threads
//!
//! An interpreter that is not ours can use the strategy and the lock
//! directly, through the `ftl-core` traits: here a toy object has an
//! [`Atomic`] count and an [`ObjectMutex`] around its contents. Two threads
//! each own one reference, copy and drop further references while they
//! update the contents in a critical section, then drop their own; exactly
//! one of them, whichever is last, is told to free the object.
//!
//! ```rust
//! use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering::Relaxed};
//!
//! use ftl_core::{CriticalSection, RawObjectLock, RefCount};
//! use ftl_heap::{Atomic, ObjectMutex};
//!
//! struct Obj {
//!     rc: <Atomic as RefCount>::Cell,
//!     lock: ObjectMutex,
//!     // The contents: touched only inside a critical section, so relaxed
//!     // loads and stores (no atomic read-modify-write) are enough.
//!     total: AtomicU64,
//! }
//!
//! const N: u64 = 1_000;
//! let obj = Obj { rc: Atomic::new_cell(), lock: ObjectMutex::new(), total: AtomicU64::new(0) };
//! let frees = AtomicUsize::new(0);
//! Atomic::incref(&obj.rc); // one reference per thread ...
//! Atomic::incref(&obj.rc);
//! assert!(!Atomic::decref(&obj.rc)); // ... and the creator lets go of its own
//!
//! std::thread::scope(|s| {
//!     for _ in 0..2 {
//!         s.spawn(|| {
//!             for _ in 0..N {
//!                 Atomic::incref(&obj.rc); // e.g. pushed on a value stack
//!                 {
//!                     let _section = CriticalSection::enter(&obj.lock);
//!                     let v = obj.total.load(Relaxed);
//!                     obj.total.store(v + 1, Relaxed);
//!                 }
//!                 assert!(!Atomic::decref(&obj.rc)); // popped: never the last
//!             }
//!             if Atomic::decref(&obj.rc) {
//!                 frees.fetch_add(1, Relaxed); // this thread frees the object
//!             }
//!         });
//!     }
//! });
//!
//! assert_eq!(frees.load(Relaxed), 1);
//! assert_eq!(obj.total.load(Relaxed), 2 * N);
//! ```

pub mod atomic;
pub mod biased;
pub mod buffered;
pub mod free_threads;
pub mod global_locked;
pub mod lock;
pub mod per_thread;
pub mod reclaim;

pub use atomic::Atomic;
pub use biased::Biased;
pub use buffered::Buffered;
pub use free_threads::{FreeThread, FreeThreads, ThreadStatus};
pub use global_locked::GlobalLocked;
pub use lock::ObjectMutex;

use ftl_object::{HeapPolicy, SharedHeap};

/// The heap of the `ft-atomic` runtime: [`Atomic`] counts and
/// [`ObjectMutex`] container locks.
#[derive(Debug, Clone, Copy)]
pub enum FtAtomic {}

impl HeapPolicy for FtAtomic {
    type Rc = Atomic;
    type Lock = ObjectMutex;
    const NAME: &'static str = "ft-atomic";
    ftl_object::statics_fn!(FtAtomic);
}

// SAFETY: `Atomic::THREAD_SAFE` and `ObjectMutex::EXCLUSIVE` are both true.
#[allow(unsafe_code)]
unsafe impl SharedHeap for FtAtomic {}

/// The heap of the `ft-biased` runtime, after PEP 703 and CPython 3.13t:
/// [`Biased`] counts (an owner's local count and a shared one, merged
/// through per-thread queues) and [`ObjectMutex`] container locks.
#[derive(Debug, Clone, Copy)]
pub enum FtBiased {}

impl HeapPolicy for FtBiased {
    type Rc = Biased;
    type Lock = ObjectMutex;
    const NAME: &'static str = "ft-biased";
    ftl_object::statics_fn!(FtBiased);
}

// SAFETY: `Biased::THREAD_SAFE` and `ObjectMutex::EXCLUSIVE` are both true.
#[allow(unsafe_code)]
unsafe impl SharedHeap for FtBiased {}

/// The heap of the `ft-buffered` runtime, after Larry Hastings's
/// Gilectomy: [`Buffered`] counts (per-thread logs applied by a commit
/// thread) and [`ObjectMutex`] container locks.
#[derive(Debug, Clone, Copy)]
pub enum FtBuffered {}

impl HeapPolicy for FtBuffered {
    type Rc = Buffered;
    type Lock = ObjectMutex;
    const NAME: &'static str = "ft-buffered";
    ftl_object::statics_fn!(FtBuffered);
}

// SAFETY: `Buffered::THREAD_SAFE` and `ObjectMutex::EXCLUSIVE` are both
// true.
#[allow(unsafe_code)]
unsafe impl SharedHeap for FtBuffered {}

/// The heap of the `ft-locked` runtime, after Greg Stein's 1996
/// free-threading patch: [`GlobalLocked`] counts (one process-wide lock
/// for every count, as his Linux build) and [`ObjectMutex`] container
/// locks (his per-object locks on lists and dicts).
#[derive(Debug, Clone, Copy)]
pub enum FtLocked {}

impl HeapPolicy for FtLocked {
    type Rc = GlobalLocked;
    type Lock = ObjectMutex;
    const NAME: &'static str = "ft-locked";
    ftl_object::statics_fn!(FtLocked);
}

// SAFETY: `GlobalLocked::THREAD_SAFE` and `ObjectMutex::EXCLUSIVE` are both
// true.
#[allow(unsafe_code)]
unsafe impl SharedHeap for FtLocked {}

/// The README's code, run as a doctest so that it stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
mod readme {}
