//! Deferred frees in the object model (`RefCount::DEFERS`): a strategy
//! that frees objects later, on another thread, as the Gilectomy's commit
//! thread and a biased-refcount merge do. Here a test strategy counts
//! atomically but never frees in the `decref` that drops the last
//! reference: it queues the object, and a "commit thread" with no
//! interpreter frees the queue. The objects with finalizers that die there
//! are handed over (`ftl_object::handoff`) and finalized on the
//! interpreter thread, exactly once each; the others are freed on the
//! commit thread; the runtime's live-object count ends at its baseline.

#![cfg(not(loom))]
#![allow(unsafe_code)] // the test strategy and payload (unsafe traits)

use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::{Arc, Mutex};

use ftl_core::{DeferredFree, RefCount};
use ftl_heap::{Atomic, ObjectMutex};
use ftl_object::handoff::{self, FinalizerQueue};
use ftl_object::{Accounting, HeapPolicy, ObjRef, Payload, SharedHeap};

/// Objects whose count reached zero, waiting for the commit thread.
static DEFERRED: Mutex<Vec<DeferredFree>> = Mutex::new(Vec::new());

/// Atomic counts; the last reference's drop queues the object instead of
/// freeing it.
enum Deferring {}

// SAFETY: `Atomic`'s counting; `decref_or_defer` never returns true and
// queues each object exactly once, when `Atomic::decref` reports its last
// reference (with the acquire that orders every earlier count before the
// free the commit thread runs later).
unsafe impl RefCount for Deferring {
    type Cell = AtomicUsize;
    const NAME: &'static str = "deferring";
    const THREAD_SAFE: bool = true;
    const DEFERS: bool = true;
    fn new_cell() -> AtomicUsize {
        Atomic::new_cell()
    }
    fn immortal_cell() -> AtomicUsize {
        Atomic::immortal_cell()
    }
    fn incref(cell: &AtomicUsize) {
        Atomic::incref(cell)
    }
    fn decref(cell: &AtomicUsize) -> bool {
        Atomic::decref(cell)
    }
    fn decref_or_defer(cell: &AtomicUsize, object: DeferredFree) -> bool {
        if Atomic::decref(cell) {
            DEFERRED.lock().unwrap().push(object);
        }
        false
    }
    fn try_incref(cell: &AtomicUsize) -> bool {
        Atomic::try_incref(cell)
    }
    fn count(cell: &AtomicUsize) -> usize {
        Atomic::count(cell)
    }
    fn is_immortal(cell: &AtomicUsize) -> bool {
        Atomic::is_immortal(cell)
    }
}

#[derive(Debug, Clone, Copy)]
enum DeferringHeap {}

impl HeapPolicy for DeferringHeap {
    type Rc = Deferring;
    type Lock = ObjectMutex;
    const NAME: &'static str = "deferring";
    ftl_object::statics_fn!(DeferringHeap);
}

// SAFETY: `Deferring::THREAD_SAFE` and `ObjectMutex::EXCLUSIVE` are true.
unsafe impl SharedHeap for DeferringHeap {}

type R = ObjRef<DeferringHeap>;

/// Which threads ran finalizers, by name.
static FINALIZED_ON: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// An object with a finalizer (`__del__`), run once.
struct WithDel {
    finalized: std::sync::atomic::AtomicBool,
}

// SAFETY: only an atomic.
unsafe impl Payload<DeferringHeap> for WithDel {
    const NAME: &'static str = "with_del";
    const FINALIZE: bool = true;
    fn needs_finalize(&self) -> bool {
        !self.finalized.swap(true, Relaxed)
    }
    fn finalize(_this: &R) {
        let name = std::thread::current().name().unwrap_or("?").to_string();
        FINALIZED_ON.lock().unwrap().push(name);
    }
}

fn with_del() -> R {
    R::new(WithDel {
        finalized: std::sync::atomic::AtomicBool::new(false),
    })
}

/// The commit thread: frees what was queued (and what those frees queue),
/// with the runtime's accounting entered and finalizers handed to `queue`.
fn commit(acct: &Arc<Accounting>, queue: &Arc<FinalizerQueue<DeferringHeap>>) -> usize {
    let (acct, queue) = (acct.clone(), queue.clone());
    std::thread::Builder::new()
        .name("commit".into())
        .spawn(move || {
            let _counted = acct.enter();
            let _handoff = handoff::enter(queue);
            let mut freed = 0;
            loop {
                let batch = core::mem::take(&mut *DEFERRED.lock().unwrap());
                if batch.is_empty() {
                    return freed;
                }
                for object in batch {
                    freed += 1;
                    // SAFETY: queued once by `decref_or_defer` when the
                    // last reference was dropped; nothing counts it since.
                    unsafe { object.run() };
                }
            }
        })
        .expect("spawn")
        .join()
        .expect("the commit thread")
}

/// One test: the strategy's queue and the record of finalizers are global.
#[test]
fn deferred_frees() {
    finalizers_of_objects_freed_on_a_commit_thread_run_on_the_interpreter_thread();
    a_thread_with_no_queue_finalizes_on_the_spot();
}

fn finalizers_of_objects_freed_on_a_commit_thread_run_on_the_interpreter_thread() {
    let acct = Accounting::new();
    let queue = Arc::new(FinalizerQueue::<DeferringHeap>::default());
    std::thread::Builder::new()
        .name("interpreter".into())
        .spawn({
            let (acct, queue) = (acct.clone(), queue.clone());
            move || {
                let _counted = acct.enter();
                let baseline = acct.live();
                const N: usize = if cfg!(miri) { 5 } else { 200 };
                // Objects with finalizers, alone and inside lists; lists of
                // plain objects; all dropped here, freed on the commit
                // thread.
                let alone: Vec<R> = (0..N).map(|_| with_del()).collect();
                let in_lists: Vec<R> = (0..N)
                    .map(|i| R::new_list(vec![with_del(), R::from_i64(i as i64 + 1000)]))
                    .collect();
                drop((alone, in_lists));
                assert!(
                    acct.live() > baseline,
                    "nothing freed yet: the strategy defers"
                );
                assert!(FINALIZED_ON.lock().unwrap().is_empty());

                let freed = commit(&acct, &queue);
                // The lists and their ints were freed there; the objects
                // with finalizers came back to this thread's queue.
                assert_eq!(
                    freed,
                    4 * N,
                    "N lists and their N ints freed; 2N objects with __del__ handed over"
                );
                assert!(
                    FINALIZED_ON.lock().unwrap().is_empty(),
                    "no finalizer on the commit thread"
                );
                assert_eq!(queue.len(), 2 * N);
                assert!(queue.is_pending());

                // The interpreter's safe point: the queue's references go,
                // the finalizers run here, and the objects are queued for
                // the commit thread once more (their count is zero again).
                assert_eq!(queue.run_pending(), 2 * N);
                let on = core::mem::take(&mut *FINALIZED_ON.lock().unwrap());
                assert_eq!(on.len(), 2 * N, "every finalizer ran once");
                assert!(on.iter().all(|t| t == "interpreter"), "{on:?}");
                assert_eq!(commit(&acct, &queue), 2 * N);
                assert!(
                    queue.is_empty(),
                    "a finalized object is not handed over twice"
                );
                assert_eq!(acct.live(), baseline, "every object freed once");
            }
        })
        .expect("spawn")
        .join()
        .expect("the interpreter thread");
}

fn a_thread_with_no_queue_finalizes_on_the_spot() {
    let acct = Accounting::new();
    let _counted = acct.enter();
    let this = std::thread::current().name().unwrap_or("?").to_string();
    let baseline = acct.live();
    drop(with_del());
    // The frees run on this thread this time, which entered no queue: the
    // finalizer runs inside the first free, and the reference it held then
    // queues the object once more.
    let mut freed = 0;
    loop {
        let batch = core::mem::take(&mut *DEFERRED.lock().unwrap());
        if batch.is_empty() {
            break;
        }
        for object in batch {
            freed += 1;
            // SAFETY: queued once when its last reference was dropped.
            unsafe { object.run() };
        }
    }
    assert_eq!(freed, 2);
    assert_eq!(*FINALIZED_ON.lock().unwrap(), [this]);
    assert_eq!(acct.live(), baseline);
}
