//! Finalizers handed over to an interpreter thread: what the object model
//! does when an object dies on a thread that cannot run Python code.
//!
//! Under a strategy that frees objects later ([`RefCount::DEFERS`]: the
//! Gilectomy's commit thread, a biased-refcount merge), an object's count
//! can reach zero on a thread with no interpreter: a `__del__` or a weakref
//! callback cannot run there, and must not be skipped either. Such a thread
//! enters a [`FinalizerQueue`] with [`enter`]. While it is entered, an
//! object whose finalizer is due ([`Payload::needs_finalize`], which marks
//! it) that dies on that thread is not finalized there: the queue takes
//! it, alive again (its count one, the queue's reference), and an
//! interpreter thread runs its finalizer later with
//! [`FinalizerQueue::run_pending`] at a safe point and drops the queue's
//! reference; the object is then freed by the ordinary path (wherever its
//! strategy frees it), with no finalizer due any more, unless the
//! finalizer resurrected it. Objects with no finalizer due are freed on
//! the spot.
//!
//! The Gilectomy did the same: its commit thread could not run `__del__`,
//! and handed such objects back (see `docs/free-threading.md`).
//!
//! # Invariants
//!
//! * An object goes to the queue only from a thread that entered it, and
//!   only when the queue's heap policy is the object's: the queue checks
//!   the policy's `TypeId` before it takes the object (a thread that frees
//!   objects of two heaps hands over only those of its queue's).
//! * A queued object holds one reference (the queue's) and is otherwise
//!   an ordinary live object: the collector may see it; it is finalized
//!   exactly once, by whichever thread drops the last reference with no
//!   queue entered.
//!
//! [`RefCount::DEFERS`]: ftl_core::RefCount::DEFERS
//! [`Payload::needs_finalize`]: crate::Payload::needs_finalize

#![allow(unsafe_code)] // the thread-local pointer; adopting an erased reference

use core::any::TypeId;
use core::cell::Cell;
use core::marker::PhantomData;
use core::ptr::NonNull;
use std::sync::Arc;

use ftl_core::sync::{AtomicBool, Mutex, Ordering};

use crate::header::Header;
use crate::{HeapPolicy, ObjRef};

/// Where a thread that cannot run finalizers puts the objects whose
/// finalizers may be due (implemented by [`FinalizerQueue`]).
trait Sink {
    /// The heap policy of the objects this sink takes.
    fn policy(&self) -> TypeId;

    /// Takes an object: `header` heads a live object of the sink's policy
    /// and carries one reference, now the sink's.
    ///
    /// # Safety
    /// As above.
    unsafe fn take(&self, header: NonNull<()>);
}

/// Items handed from any thread to whichever thread polls next: a list
/// under a lock, and a flag the poller reads without it.
///
/// The protocol: [`push`](Pending::push) appends under the lock, then
/// raises the flag; [`take_all`](Pending::take_all) lowers the flag and
/// empties the list in one critical section. So an item is never left in
/// the list with the flag down: either the taker's critical section came
/// after the push (and took the item), or the flag is raised after the
/// taker lowered it (and the next poll takes it). A raised flag over an
/// empty list (the push's item taken by a poll that ran between the push
/// and the raise) only costs that empty take. Loom model:
/// `an_item_is_taken_or_announced`.
struct Pending<T> {
    items: Mutex<Vec<T>>,
    raised: AtomicBool,
}

impl<T> Pending<T> {
    fn new() -> Self {
        Pending {
            items: Mutex::new(Vec::new()),
            raised: AtomicBool::new(false),
        }
    }

    fn push(&self, item: T) {
        self.items.lock().push(item);
        self.raised.store(true, Ordering::Release);
    }

    #[inline]
    fn is_raised(&self) -> bool {
        self.raised.load(Ordering::Relaxed)
    }

    fn take_all(&self) -> Vec<T> {
        let mut items = self.items.lock();
        self.raised.store(false, Ordering::Relaxed);
        core::mem::take(&mut *items)
    }

    fn len(&self) -> usize {
        self.items.lock().len()
    }
}

/// A runtime's objects waiting for an interpreter thread to finalize them.
pub struct FinalizerQueue<P: HeapPolicy> {
    objects: Pending<ObjRef<P>>,
}

impl<P: HeapPolicy> Default for FinalizerQueue<P> {
    fn default() -> Self {
        FinalizerQueue {
            objects: Pending::new(),
        }
    }
}

impl<P: HeapPolicy> FinalizerQueue<P> {
    /// Whether objects wait (one relaxed load: the interpreter's poll).
    #[inline]
    pub fn is_pending(&self) -> bool {
        self.objects.is_raised()
    }

    /// How many objects wait.
    pub fn len(&self) -> usize {
        self.objects.len()
    }

    /// Whether no object waits.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Runs the finalizers of the waiting objects and drops the queue's
    /// references, on the calling thread, which must be able to run them
    /// (an interpreter thread with no queue entered). Returns how many
    /// objects were taken.
    pub fn run_pending(&self) -> usize {
        let mut released = 0;
        loop {
            let batch = self.objects.take_all();
            if batch.is_empty() {
                return released;
            }
            released += batch.len();
            // Finalizers run here, outside the queue's lock; one may queue
            // more objects (from another thread), which the loop takes too.
            // Each was found due, and marked, where it died: it runs now,
            // and dropping the queue's reference then frees the object
            // (finalized: no second hand-over) unless it was resurrected.
            for object in batch {
                object.run_due_finalizer();
            }
        }
    }
}

// SAFETY (of the impl's `take`): see the trait.
impl<P: HeapPolicy> Sink for FinalizerQueue<P> {
    fn policy(&self) -> TypeId {
        TypeId::of::<P>()
    }

    unsafe fn take(&self, header: NonNull<()>) {
        // SAFETY: a live object of this policy with one reference that is
        // now ours (the trait's contract).
        let object = unsafe { ObjRef::<P>::adopt(header.cast::<Header<P>>()) };
        self.objects.push(object);
    }
}

std::thread_local! {
    static CURRENT: Cell<Option<NonNull<dyn Sink>>> = const { Cell::new(None) };
}

/// The calling thread's membership in a finalizer queue: while it lives,
/// objects with finalizers that die on this thread go to the queue.
#[must_use = "the scope ends when this guard is dropped"]
pub struct HandoffScope {
    _queue: Arc<dyn Sink + Send + Sync>,
    previous: Option<NonNull<dyn Sink>>,
    _not_send: PhantomData<*const ()>,
}

impl core::fmt::Debug for HandoffScope {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("HandoffScope").finish_non_exhaustive()
    }
}

/// Makes the calling thread hand the finalizers of the objects that die on
/// it to `queue` until the scope drops (a commit thread, a merge that runs
/// outside the interpreter).
pub fn enter<P: HeapPolicy>(queue: Arc<FinalizerQueue<P>>) -> HandoffScope
where
    FinalizerQueue<P>: Send + Sync,
{
    let queue: Arc<dyn Sink + Send + Sync> = queue;
    let ptr: NonNull<dyn Sink> = NonNull::from(&*queue as &dyn Sink);
    let previous = CURRENT.with(|c| c.replace(Some(ptr)));
    HandoffScope {
        _queue: queue,
        previous,
        _not_send: PhantomData,
    }
}

impl Drop for HandoffScope {
    fn drop(&mut self) {
        let _ = CURRENT.try_with(|c| c.set(self.previous));
    }
}

/// The calling thread's queue, if it entered one of policy `P`.
fn current<P: HeapPolicy>() -> Option<NonNull<dyn Sink>> {
    CURRENT
        .try_with(|c| c.get())
        .ok()
        .flatten()
        // SAFETY: set by `enter` from an `Arc` the scope holds until it
        // restores the previous value.
        .filter(|sink| unsafe { sink.as_ref() }.policy() == TypeId::of::<P>())
}

/// Whether the calling thread hands finalizers of policy `P` over (it
/// entered a queue of that policy and cannot run them itself).
#[inline]
pub(crate) fn entered<P: HeapPolicy>() -> bool {
    current::<P>().is_some()
}

/// Hands an object whose count reached zero and whose finalizer is due
/// ([`Payload::needs_finalize`](crate::Payload::needs_finalize) said so,
/// and marked it) to the thread's queue: its count goes back to one, the
/// queue's reference. Does nothing on a thread that is not
/// [`entered`].
///
/// # Safety
/// `header` heads a live object of policy `P` whose count is zero and that
/// nothing else will count meanwhile.
pub(crate) unsafe fn hand_over<P: HeapPolicy>(header: NonNull<Header<P>>) {
    if let Some(sink) = current::<P>() {
        // Count zero -> one: the reference the queue takes.
        // SAFETY: the object is still allocated (caller).
        unsafe { ObjRef::<P>::incref_raw(header) };
        // SAFETY: the sink is alive (see `current`); a live object of the
        // sink's policy (checked there) with the one reference just made.
        unsafe { sink.as_ref().take(header.cast()) };
    }
}

#[cfg(all(test, loom))]
mod loom_tests {
    use super::Pending;
    use ftl_core::sync::{thread, Arc};

    /// A thread hands an item over while the poller takes and then polls:
    /// after both, the item was taken, or the flag announces it. Fails
    /// with the flag lowered outside the taker's critical section.
    #[test]
    fn an_item_is_taken_or_announced() {
        ftl_core::sync::model(|| {
            let pending = Arc::new(Pending::<u32>::new());
            let producer = {
                let pending = pending.clone();
                thread::spawn(move || pending.push(7))
            };
            // A take with no poll first (`run_pending` at exit), then a
            // poll.
            let mut taken = pending.take_all();
            if pending.is_raised() {
                taken.extend(pending.take_all());
            }
            producer.join().unwrap();
            assert!(
                taken == [7] || pending.is_raised(),
                "the item is neither taken nor announced"
            );
        });
    }
}
