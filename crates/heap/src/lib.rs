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
//! * [`FtAtomic`]: the heap policy of the `ft-atomic` runtime.
//!
//! Later issues add Stein's locked refcounts, the Gilectomy's buffered
//! refcounts, biased refcounting with immortal objects and lock-free reads
//! with safe reclamation (PEP 703), and stop-the-world coordination.
//!
//! Every protocol here is written against `ftl_core::sync` and has a loom
//! model beside it (`RUSTFLAGS="--cfg loom" cargo test --release -p
//! ftl-heap`).

pub mod atomic;
pub mod lock;

pub use atomic::Atomic;
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

#[allow(unsafe_code)] // the marker that lets this heap's objects cross threads
                      // SAFETY: `Atomic::THREAD_SAFE` and `ObjectMutex::EXCLUSIVE` are both true.
unsafe impl SharedHeap for FtAtomic {}
