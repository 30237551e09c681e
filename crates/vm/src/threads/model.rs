//! [`ThreadModel`]: a runtime's coordination together with the way it hands
//! objects to a new thread, composed so that a heap only ever meets a
//! coordination it is safe with.
//!
//! The rule, enforced by types rather than by a match on runtime names:
//!
//! * a coordination under which several threads run bytecode at once
//!   (`RawCoordination::EXCLUSIVE == false`: [`FreeThreads`]) composes only
//!   with a [`SharedHeap`], whose objects are `Send + Sync` — see
//!   [`ThreadModel::free_threaded`], which has that bound, so asking for
//!   it on the GIL heap does not compile:
//!
//!   ```compile_fail,E0277
//!   use ftl_object::GilHeap;
//!   use ftl_vm::threads::ThreadModel;
//!
//!   let _ = ThreadModel::<GilHeap>::free_threaded(Default::default());
//!   ```
//!
//! * a GIL (`EXCLUSIVE == true`) composes with any heap
//!   ([`ThreadModel::gil`] asserts `EXCLUSIVE` at compile time): objects
//!   cross to the new thread in a [`Handover`](ftl_gil::Handover), whose
//!   argument is the GIL;
//! * [`ThreadModel::single`] starts no threads.
//!
//! A [`SharedHeap`]'s lock is `Send + Sync` by the trait's own bound, and
//! `objects::shareable` checks at compile time that every payload type of
//! the VM is `Send + Sync` on such a heap, so a new thread may be handed
//! its function and arguments as they are.

use ftl_core::sync::{Arc, AtomicBool};
use ftl_core::RawCoordination;
use ftl_heap::FreeThreads;
use ftl_object::{HeapPolicy, SharedHeap};

use crate::threads::coordination::{
    Coordination, FreeCoordination, GilCoordination, GilSettings, SingleThread,
};
use crate::threads::start::{spawn_shared, spawn_under_gil, SpawnFn};

/// How the threads of one interpreter run: the calling thread's
/// coordination, and how a new thread is started (none: the runtime runs
/// one thread). See the module docs for which compositions exist.
pub struct ThreadModel<P: HeapPolicy> {
    pub(crate) coord: Box<dyn Coordination>,
    pub(crate) spawn: Option<SpawnFn<P>>,
    /// Starts the refcount strategy's own thread for an interpreter (the
    /// Gilectomy's commit thread): set on the free-threaded heaps, whose
    /// objects may go to it.
    pub(crate) start_strategy: Option<crate::threads::start::StartStrategyFn<P>>,
}

impl<P: HeapPolicy> ThreadModel<P> {
    /// One thread, no coordination; starting a thread raises
    /// `RuntimeError`.
    pub fn single() -> Self {
        ThreadModel {
            coord: Box::new(SingleThread::new()),
            spawn: None,
            start_strategy: None,
        }
    }

    /// Threads under the GIL `gil`, which the calling thread attaches to
    /// (takes) now; `breaker` is the flag the eval loop reads (see
    /// [`GilCoordination`]).
    pub fn gil<G: RawCoordination + GilSettings + 'static>(
        gil: Arc<G>,
        breaker: Arc<AtomicBool>,
    ) -> Self {
        const {
            assert!(
                G::EXCLUSIVE,
                "threads share an unshared heap only under a GIL"
            )
        };
        ThreadModel {
            coord: Box::new(GilCoordination::attach(gil, breaker)),
            spawn: Some(spawn_under_gil::<P>),
            start_strategy: None,
        }
    }

    /// The model of a thread started by one with this model: the same
    /// spawn, and `coord` (attached on the new thread).
    pub(crate) fn for_new_thread(coord: Box<dyn Coordination>, spawn: SpawnFn<P>) -> Self {
        ThreadModel {
            coord,
            spawn: Some(spawn),
            start_strategy: None,
        }
    }
}

impl<P: SharedHeap> ThreadModel<P> {
    /// Threads with no GIL on `threads`, which the calling thread attaches
    /// to now: they run bytecode in parallel, which is why the heap must
    /// be a [`SharedHeap`].
    pub fn free_threaded(threads: Arc<FreeThreads>) -> Self {
        ThreadModel {
            coord: Box::new(FreeCoordination::attach(threads)),
            spawn: Some(spawn_shared::<P>),
            start_strategy: Some(crate::threads::start::start_strategy_thread::<P>),
        }
    }
}
