//! Refcount strategies: how an object header keeps its reference count.
//!
//! CPython keeps `ob_refcnt` in every object header and changes it on every
//! reference copy and drop (`Py_INCREF` / `Py_DECREF`); an object is freed
//! when the count reaches zero. Every way of running Python threads differs
//! first in *how* that count is kept: a plain word under a GIL, a word behind
//! a lock (Greg Stein's 1996 free-threading patch), an atomic word (the
//! Gilectomy's first step), per-thread logs applied later (the Gilectomy's
//! buffered refcounts), or a biased pair of counts (PEP 703). This module
//! names what all of them must provide, so that an object model and an eval
//! loop can be written once and monomorphised per strategy: the comparison
//! measures the strategy, not a vtable.
//!
//! # Immortal objects (PEP 683)
//!
//! A strategy supports *immortal* cells: their count is never written by
//! `incref`/`decref` and they are never freed. Because an immortal cell is
//! never written, an immortal object can be read from any thread even under
//! a strategy whose ordinary cells are not thread-safe; the object model
//! relies on that to share its singletons (`None`, `True`, small ints).
//!
//! # Deferred frees
//!
//! Most strategies free an object the moment its count reaches zero, on the
//! thread that dropped the last reference. A strategy that learns of the
//! zero later or elsewhere (the Gilectomy's commit thread, PEP 703's merge
//! at the owner's next poll) sets [`RefCount::DEFERS`] and receives, with
//! the last decref, a [`DeferredFree`]: the right to free that object once,
//! on any thread of the heap. The object model makes a free on a thread
//! without a VM safe by handing the object's finalizer to an interpreter
//! thread (`ftl-object`'s `handoff` module).

#![allow(unsafe_code)] // RefCount is an unsafe trait (its implementations' contract)

/// The count an immortal cell reports, like CPython 3.12's
/// `_Py_IMMORTAL_REFCNT`: large enough that it is never reached by counting.
pub const IMMORTAL_COUNT: usize = u32::MAX as usize;

/// An object whose count a deferring strategy brought to zero and will
/// free later: its address and the function that frees it (the object
/// model's: finalizer, then deallocation), erased so that a strategy needs
/// to know nothing of the objects it counts.
///
/// A `DeferredFree` owns the right to free the object: exactly one
/// [`run`](DeferredFree::run) per object, on any thread of the heap's
/// runtime (the object model makes that safe on the heaps whose strategies
/// defer: a thread that cannot run Python code hands finalizers over to one
/// that can).
#[derive(Debug)]
pub struct DeferredFree {
    object: core::ptr::NonNull<()>,
    free: unsafe fn(core::ptr::NonNull<()>),
}

// SAFETY: a `DeferredFree` is only made (`new`'s contract) for objects of a
// heap whose objects may be freed on any of its threads.
unsafe impl Send for DeferredFree {}

impl DeferredFree {
    /// The object at `object`, freed by `free`.
    ///
    /// # Safety
    /// `free(object)` frees the object once its count is zero, and may be
    /// called on any thread that runs the heap's code; `object` is also
    /// the address of the object's count cell (the object model puts the
    /// cell first in its header), which is what [`cell`](Self::cell)
    /// returns.
    pub unsafe fn new(
        object: core::ptr::NonNull<()>,
        free: unsafe fn(core::ptr::NonNull<()>),
    ) -> Self {
        DeferredFree { object, free }
    }

    /// The object's address (for a strategy that finds its count from it).
    pub fn object(&self) -> core::ptr::NonNull<()> {
        self.object
    }

    /// The object's count cell, for the strategy `R` that counts it.
    ///
    /// # Safety
    /// `R` is the strategy of the object's heap, and the object is not
    /// freed while the returned reference is used (until [`run`](Self::run)).
    pub unsafe fn cell<R: RefCount>(&self) -> &R::Cell {
        // SAFETY: `new`'s contract puts the cell at `object`; the caller
        // names its type and keeps the object alive.
        unsafe { self.object.cast::<R::Cell>().as_ref() }
    }

    /// Frees the object.
    ///
    /// # Safety
    /// Its count is zero and nothing will count it again: every earlier
    /// `incref` and `decref` of its cell, on any thread, happens-before
    /// this call; it is called once per object.
    pub unsafe fn run(self) {
        // SAFETY: the caller's contract and `new`'s.
        unsafe { (self.free)(self.object) }
    }
}

/// Memory to give back to the allocator once no reader can reach it: a
/// block's address and the function that frees it (the object model's:
/// the object in it was dropped already). See
/// [`RefCount::LOCK_FREE_READS`] and [`crate::qsbr`].
#[derive(Debug)]
pub struct Reclaim {
    block: core::ptr::NonNull<()>,
    free: unsafe fn(core::ptr::NonNull<()>),
}

// SAFETY: a `Reclaim` owns an allocation whose contents were dropped;
// freeing raw memory is sound on any thread.
unsafe impl Send for Reclaim {}

impl Reclaim {
    /// The block at `block`, freed by `free`.
    ///
    /// # Safety
    /// `free(block)` deallocates the block (nothing in it needs dropping)
    /// and may run on any thread; nothing but lock-free readers refers to
    /// the block any more.
    pub unsafe fn new(
        block: core::ptr::NonNull<()>,
        free: unsafe fn(core::ptr::NonNull<()>),
    ) -> Self {
        Reclaim { block, free }
    }

    /// Frees the block.
    ///
    /// # Safety
    /// No thread can read it any more (its grace period has passed).
    pub unsafe fn run(self) {
        // SAFETY: the caller's contract and `new`'s.
        unsafe { (self.free)(self.block) }
    }
}

/// Enters an interpreter's per-thread scopes on the calling thread (see
/// [`RefCount::start_thread`]); the returned guards leave them when dropped.
pub type EnterScopes = Box<dyn FnOnce() -> Box<dyn core::any::Any> + Send>;

/// A strategy's own thread; dropping the handle ends it.
pub type StrategyThread = Box<dyn core::any::Any + Send + Sync>;

/// How a reference count is kept.
///
/// A strategy is a zero-sized marker type; its [`Cell`](RefCount::Cell) is
/// the storage that sits at the start of every object header.
///
/// # Safety
///
/// Implementations must guarantee, for every cell:
/// * [`new_cell`](RefCount::new_cell) starts at one reference; each
///   [`incref`](RefCount::incref) adds one and each
///   [`decref`](RefCount::decref) removes one.
/// * `decref` returns `true` exactly once per cell: for the call that removes
///   the last reference (after every earlier `incref`/`decref` on that cell,
///   in any thread, *happens-before* the return), and never for an immortal
///   cell or a deferred one (see
///   [`defer_to_collector`](RefCount::defer_to_collector)). A strategy that defers frees (buffered, biased) sets
///   [`DEFERS`](RefCount::DEFERS), returns `false` from
///   [`decref_or_defer`](RefCount::decref_or_defer) and runs the
///   [`DeferredFree`] it was given once the count is final, exactly once.
/// * `incref` and `decref` on an immortal cell do not write to it.
/// * If [`THREAD_SAFE`](RefCount::THREAD_SAFE) is `true`, `incref` and
///   `decref` may run concurrently on one cell from several threads.
///   Otherwise the caller guarantees that accesses to a mortal cell are
///   serialised (a GIL does that).
pub unsafe trait RefCount: 'static + Sized {
    /// Per-object storage for the count.
    type Cell;

    /// Short name for reports (`plain`, `atomic`, ...).
    const NAME: &'static str;

    /// Whether cells may be counted from several threads at once.
    const THREAD_SAFE: bool;

    /// A cell holding one reference.
    fn new_cell() -> Self::Cell;

    /// An immortal cell: never counted, never freed.
    fn immortal_cell() -> Self::Cell;

    /// Adds a reference.
    fn incref(cell: &Self::Cell);

    /// Removes a reference; `true` when the caller dropped the last one and
    /// must free the object now.
    fn decref(cell: &Self::Cell) -> bool;

    /// Whether [`count`](RefCount::count) never reads below the number of
    /// references that exist. A strategy whose counts lag (the
    /// Gilectomy's logs: an increment may wait in another thread's log)
    /// sets it to `false`, and code that would treat a low count as "no
    /// one else holds it" (pruning dead weak references) must not.
    const COUNTS_NEVER_LAG: bool = true;

    /// Whether this strategy may free objects later rather than in the
    /// `decref` that drops their last reference (a merge queue, a commit
    /// thread). The object model then drops references with
    /// [`decref_or_defer`](RefCount::decref_or_defer), which gives the
    /// strategy the object; otherwise with `decref`, at no extra cost.
    const DEFERS: bool = false;

    /// Removes a reference from `object` (whose cell is `cell`): `true`
    /// when the caller must free it now, as [`decref`](RefCount::decref).
    /// A deferring strategy may instead keep `object` and
    /// [`run`](DeferredFree::run) it later, once its count is final; it
    /// then returns `false`. The default never defers.
    fn decref_or_defer(cell: &Self::Cell, object: DeferredFree) -> bool {
        let _ = object;
        Self::decref(cell)
    }

    /// Whether containers of this heap may be read without their lock
    /// (PEP 703's optimistic reads of list items): the strategy then
    /// gives freed memory back only after a grace period
    /// ([`reclaim`](RefCount::reclaim), QSBR), and its
    /// [`try_incref`](RefCount::try_incref) never succeeds on an object
    /// that died, so a reader that loaded a pointer just before the
    /// object's last reference went can still look at its header and
    /// learn that it is gone. Such a strategy's cell has no drop glue (the
    /// object model drops a dead object's payload only, never making a
    /// unique reference to a header a reader may be looking at). The
    /// default is `false`: containers lock.
    const LOCK_FREE_READS: bool = false;

    /// Gives `block` back to the allocator, now or (with
    /// [`LOCK_FREE_READS`](RefCount::LOCK_FREE_READS)) once every
    /// thread that might have read a pointer into it has passed a
    /// quiescent point. The default frees it now.
    ///
    /// # Safety
    /// As for [`Reclaim::run`], except that lock-free readers may still
    /// hold pointers into the block when the strategy reads without locks.
    #[inline]
    unsafe fn reclaim(block: Reclaim) {
        // SAFETY: without lock-free reads nobody can reach the block.
        unsafe { block.run() }
    }

    /// Whether the calling thread owns the cell's object (PEP 703's
    /// `_Py_IsOwnedByCurrentThread`): containers that only their owner
    /// reads need no lock-free read structures. The default (strategies
    /// without owners) says `true`.
    #[inline(always)]
    fn owned_by_this_thread(cell: &Self::Cell) -> bool {
        let _ = cell;
        true
    }

    /// Prepares the calling thread for a lock-free read and says whether
    /// it may do one now (it is online in the strategy's reclamation
    /// domain; a thread registers on its first read). A reader that gets
    /// `false` takes the container's lock. Every pointer it loads must be
    /// dropped or counted before its next safe point or detach. The
    /// default is `false`.
    #[inline(always)]
    fn lock_free_read_begin() -> bool {
        false
    }

    /// Work the strategy does at the calling thread's safe points (the
    /// eval loop's poll): PEP 703's owner merges the objects other threads
    /// queued to it. The default does nothing.
    #[inline(always)]
    fn at_safe_point() {}

    /// The calling thread ends: it will not count objects as their owner
    /// again (PEP 703's thread gives up its objects and merges its queue).
    /// Call it while the thread can still run finalizers. The default does
    /// nothing.
    fn thread_exit() {}

    /// With the world stopped, moves the cell's count where any thread's
    /// decref can see it reach zero: PEP 703's explicit merge, which a
    /// collector applies to each object it found unreachable before the
    /// world goes again (3.13t's `scan_heap_visitor`), so that the
    /// references it then drops free the garbage on its own thread rather
    /// than queue it to owners that would free it concurrently. The
    /// default does nothing.
    ///
    /// # Safety
    /// No other thread counts any cell while it runs (the world is stopped).
    unsafe fn merge_stopped(cell: &Self::Cell) {
        let _ = cell;
    }

    /// The calling thread stops counting for a while (a blocking call, or
    /// a park while another thread has the world stopped): the Gilectomy's
    /// thread flushes its logs and holds nothing back meanwhile. The
    /// default does nothing.
    fn thread_detached() {}

    /// The calling thread counts again after [`thread_detached`](RefCount::thread_detached).
    /// The default does nothing.
    fn thread_attached() {}

    /// Makes [`count`](RefCount::count) exact for what the calling thread
    /// has done (`sys.getrefcount`, `sys.getallocatedblocks`): the
    /// Gilectomy's thread flushes its logs and waits for them to be
    /// applied. The default is [`at_safe_point`](RefCount::at_safe_point).
    fn sync_counts() {
        Self::at_safe_point();
    }

    /// A cheaper [`sync_counts`](RefCount::sync_counts): applies what the
    /// calling thread logged that may be applied at once (the Gilectomy's
    /// increments), without waiting for other threads, so that
    /// [`count`](RefCount::count) includes every reference this thread
    /// made (it may still include references it dropped). A finalizer
    /// uses it to tell whether it resurrected its object. The default
    /// does nothing.
    fn count_own_increments() {}

    /// A collector's pause begins (the world is stopped): a strategy whose
    /// counts lag brings them up to date, so that the collector reads
    /// exact counts, and changes nothing until
    /// [`world_resumed`](RefCount::world_resumed). Nothing may be freed.
    /// The default does nothing.
    ///
    /// # Safety
    /// Every other thread that counts is stopped (parked at a safe point,
    /// where it called `thread_detached`, or detached).
    unsafe fn world_stopped() {}

    /// The pause that [`world_stopped`](RefCount::world_stopped) began ends.
    ///
    /// # Safety
    /// Called once after each `world_stopped`, by the same thread.
    unsafe fn world_resumed() {}

    /// Starts a thread the strategy needs (the Gilectomy's commit thread),
    /// for an interpreter: `enter_scopes` enters that interpreter's
    /// per-thread scopes (allocation accounting, the collector's hooks,
    /// the finalizer hand-off) on the new thread, which keeps the returned
    /// guards until it ends. The thread ends when the returned handle is
    /// dropped. The default starts nothing.
    fn start_thread(enter_scopes: EnterScopes) -> Option<StrategyThread> {
        let _ = enter_scopes;
        None
    }

    /// Prepares a cell for [`try_incref`](RefCount::try_incref) from other
    /// threads: the object model calls it when a weak reference to the
    /// object is made, holding a reference (CPython 3.13t's
    /// `_PyObject_SetMaybeWeakref`, without which a biased count cannot
    /// tell a live object from one being freed). The default does nothing.
    fn enable_try_incref(cell: &Self::Cell) {
        let _ = cell;
    }

    /// Adds a reference unless the count is zero (the object is dying:
    /// its last reference is gone and nothing may take it back), and says
    /// whether it did (CPython 3.13t's `_Py_TryIncref`, which weak
    /// references use). Once a `decref` has returned `true`, every later
    /// `try_incref` on the cell returns `false`, from any thread. On a
    /// live object it succeeds from any thread once
    /// [`enable_try_incref`](RefCount::enable_try_incref) was called on the
    /// cell (a strategy may refuse before that).
    fn try_incref(cell: &Self::Cell) -> bool;

    /// The number of references, exact when no other thread is counting this
    /// cell (at a safe point, or under stop-the-world). An immortal cell
    /// reports [`IMMORTAL_COUNT`].
    fn count(cell: &Self::Cell) -> usize;

    /// Whether the cell is immortal.
    fn is_immortal(cell: &Self::Cell) -> bool;

    /// Counts the cell's object the way CPython 3.14t counts its code
    /// objects, classes, module-level functions, modules and module dicts
    /// (`Python/uniqueid.c`): each thread counts its references to it in
    /// memory of its own, so that threads sharing it never write one
    /// cache line, and since no single place then sees the count reach
    /// zero, only the cycle collector frees it: from here on `decref`
    /// never returns `true` for the cell, and [`count`](RefCount::count)
    /// adds the threads' counts up (exact when none of them is counting).
    /// The collector's [`merge_stopped`](RefCount::merge_stopped) makes an
    /// unreachable deferred cell an ordinary one again, so that the
    /// references the collection drops free it. Returns whether the
    /// strategy did it; the default does not (the cell is counted as
    /// before).
    ///
    /// # Safety
    /// The cell was made by [`new_cell`](RefCount::new_cell) on the
    /// calling thread and no other thread can reach its object yet; the
    /// object is tracked by a cycle collector that will collect it (it is
    /// never untracked while deferred).
    unsafe fn defer_to_collector(cell: &Self::Cell) -> bool {
        let _ = cell;
        false
    }

    /// Whether [`defer_to_collector`](RefCount::defer_to_collector) made
    /// the cell deferred (and no collection has made it ordinary again).
    #[inline(always)]
    fn is_deferred(cell: &Self::Cell) -> bool {
        let _ = cell;
        false
    }
}
