//! The `biased` refcount strategy: PEP 703's biased reference counting.
//!
//! Most objects are only ever counted by the thread that made them (Choi,
//! Shull and Torrellas, "Biased Reference Counting", PACT 2018, measured
//! this on Swift programs; PEP 703 made it CPython 3.13t's answer to the
//! cost of atomic counts). So each object has an *owner* and two counts:
//! a **local** count that only the owner changes, with plain loads and
//! stores (no locked instruction), and a **shared** count that every other
//! thread changes atomically. The object's count is their sum.
//!
//! This module follows CPython 3.13t (`Include/object.h`'s `Py_INCREF` /
//! `Py_DECREF`, `Objects/object.c`'s `_Py_DecRefShared`,
//! `_Py_MergeZeroLocalRefcount` and `_Py_ExplicitMergeRefcount`,
//! `Python/brc.c`'s per-thread merge queues) step by step.
//!
//! # The cell
//!
//! * `owner`: the owning thread's id (ids are never reused here, unlike
//!   3.13t's `_Py_ThreadId()`), or `UNOWNED` once the counts were merged.
//! * `local`: the owner's count; `u32::MAX` marks an immortal object
//!   (PEP 683), which nothing writes.
//! * `shared`: the other threads' count shifted left by two, and two flag
//!   bits: `MAYBE_WEAKREF` (other threads may `try_incref` it), `QUEUED`
//!   (it waits in its owner's merge queue), `MERGED` (the count is all in
//!   `shared`; `local` is zero and there is no owner).
//!
//! # The protocol
//!
//! 1. **incref**: immortal → nothing. Owner → `local += 1` (relaxed load
//!    and store). Anyone else → `shared += 1` (atomic add).
//! 2. **decref by the owner**: `local -= 1`; at zero the owner gives the
//!    object up (`merge_zero_local`): if `shared` is exactly zero nobody
//!    else holds it and it is freed at once; otherwise the owner clears
//!    `owner` and sets `MERGED` with a compare-and-swap, and frees it if
//!    the shared count was zero.
//! 3. **decref by another thread** (`decref_shared`): if `shared` is zero
//!    (or only `MAYBE_WEAKREF`), the reference it drops was counted in the
//!    owner's local count, and subtracting would make the sum zero while
//!    `local` is still positive. So it sets `QUEUED` instead, *keeps* that
//!    reference for the queue, and pushes the object onto its owner's merge
//!    queue, raising the owner's flag. Otherwise it subtracts one (the
//!    shared count may go negative once queued), and frees the object if
//!    that left it merged at zero.
//! 4. **merge** (the owner at its next safe point, `at_safe_point`): for
//!    each queued object, `shared := (shared + local - 1) | MERGED`
//!    (the `- 1` is the queue's reference), `local := 0`, no owner; freed
//!    if that sum is zero. From then on every thread counts it in `shared`.
//! 5. **a thread that ends** (`thread_exit`, or its thread-local
//!    registration's destructor) stops acting as owner, leaves the
//!    registry and merges its queue (the destructor, which cannot run
//!    finalizers safely, hands the queue to another registered thread).
//!    A later `decref_shared` that would queue to it finds no owner and
//!    merges on the spot, under the registry bucket's lock.
//!
//! # Invariants
//!
//! * While an object is owned, `local ≥ 1` (the owner gives it up when
//!   `local` reaches zero), and `local + shared >> 2` is the number of
//!   references, the queue's included.
//! * `QUEUED` is set at most once per ownership, by the one `decref_shared`
//!   that found `shared` at zero; it is cleared only by the merge, which
//!   exactly one thread performs (the owner, or after its end whoever finds
//!   it gone, both under the bucket lock that orders them).
//! * Only the owner writes `local`, and only while it is registered;
//!   another thread reads it only once the owner has left the registry
//!   (the bucket lock orders the reads after the owner's last write).
//! * Exactly one thread frees: the one whose CAS or store took the count
//!   to zero, with acquire ordering after every other thread's release.
//!
//! # What differs from CPython
//!
//! * Thread ids are a counter, never reused; an id of a thread that ended
//!   never matches a live thread, so no object is adopted by accident.
//! * The merge queue is a `Vec` of [`DeferredFree`] per thread in one of
//!   [`BUCKETS`] locked buckets (3.13t: 257 buckets of `_PyObjectStack`).
//! * The owner's flag is polled by the eval loop's safe point rather than
//!   a bit of its eval breaker.
//! * `RefCount::decref` without the object (the object model never calls
//!   it on this heap) cannot queue: an object whose last reference it drops
//!   from a non-owner thread leaks rather than being freed early.
//!
//! The loom models below check the races on the last references; each was
//! watched failing with its step broken (`docs/free-threading.md`).

#![allow(unsafe_code)] // unsafe impl RefCount; DeferredFree::cell / run

use std::cell::{Cell, RefCell};

use ftl_core::sync::{Arc, AtomicBool, AtomicIsize, AtomicU32, AtomicUsize, Mutex, Ordering};
use ftl_core::{DeferredFree, Reclaim, RefCount, IMMORTAL_COUNT};

use crate::per_thread::{Pool, Table};
use crate::reclaim;

/// The shift of the shared count above its two flag bits.
const SHIFT: u32 = 2;
/// The flag bits of `shared`.
const FLAGS: isize = 0b11;
/// Another thread may `try_incref` this object (a weak reference exists).
const MAYBE_WEAKREF: isize = 1;
/// The object waits in its owner's merge queue.
const QUEUED: isize = 2;
/// The counts are merged: all in `shared`, no owner.
const MERGED: isize = 3;
/// One reference in `shared`.
const ONE: isize = 1 << SHIFT;

/// `local` of an immortal object.
const LOCAL_IMMORTAL: u32 = u32::MAX;
/// `owner` of an object with no owner (merged or immortal).
const UNOWNED: usize = 0;
/// The id of a thread that owns nothing (never an object's owner).
const NO_THREAD: usize = usize::MAX;
/// `owner` of an object counted in per-thread tables (its `local` is then
/// its id in the [`Pool`]): a deferred object, freed only by the
/// collector.
const PER_THREAD: usize = usize::MAX - 1;

/// The number of registry buckets (threads are spread by id).
pub const BUCKETS: usize = 16;

/// Biased reference counts (see the module docs).
#[derive(Debug, Clone, Copy)]
pub enum Biased {}

/// A biased count: owner, local count, shared count and flags.
#[derive(Debug)]
pub struct BiasedCell {
    owner: AtomicUsize,
    local: AtomicU32,
    shared: AtomicIsize,
}

impl BiasedCell {
    /// A cell whose counts are merged from birth (a thread that can no
    /// longer register, being torn down, makes such objects).
    fn merged(count: isize) -> Self {
        BiasedCell {
            owner: AtomicUsize::new(UNOWNED),
            local: AtomicU32::new(0),
            shared: AtomicIsize::new((count << SHIFT) | MERGED),
        }
    }
}

// ---------------------------------------------------------------------------
// Threads: ids, registrations, merge queues.

#[cfg(not(loom))]
std::thread_local! {
    /// The calling thread's owner id; `NO_THREAD` until it makes an
    /// object, and again once it has ended (`thread_exit`).
    static ME: Cell<usize> = const { Cell::new(NO_THREAD) };
}
#[cfg(loom)]
loom::thread_local! {
    static ME: Cell<usize> = Cell::new(NO_THREAD);
}

#[cfg(not(loom))]
std::thread_local! {
    /// The calling thread's entry in the registry, while it has one.
    static REGISTRATION: RefCell<Option<Registration>> = const { RefCell::new(None) };
}
#[cfg(loom)]
loom::thread_local! {
    static REGISTRATION: RefCell<Option<Registration>> = RefCell::new(None);
}

#[cfg(not(loom))]
std::thread_local! {
    /// The calling thread's per-thread counts while it is registered (a
    /// copy of its registration's, in a thread-local without a destructor,
    /// which the counting path reaches with one load).
    static MY_TABLE: Cell<Option<&'static Table>> = const { Cell::new(None) };
}
#[cfg(loom)]
loom::thread_local! {
    static MY_TABLE: Cell<Option<&'static Table>> = Cell::new(None);
}

#[inline(always)]
fn me() -> usize {
    ME.try_with(Cell::get).unwrap_or(NO_THREAD)
}

/// A registered thread: its queue of objects to merge, and the flag its
/// safe point reads.
struct Owner {
    id: usize,
    pending: Arc<AtomicBool>,
    queue: Vec<DeferredFree>,
}

/// Every registered thread, by id, in locked buckets; and the queues of
/// threads that ended with no one to hand them to.
struct Registry {
    next_id: AtomicUsize,
    buckets: Vec<Mutex<Vec<Owner>>>,
    orphans: Mutex<Vec<DeferredFree>>,
}

impl Registry {
    fn new() -> Self {
        Registry {
            next_id: AtomicUsize::new(1),
            buckets: (0..BUCKETS).map(|_| Mutex::new(Vec::new())).collect(),
            orphans: Mutex::new(Vec::new()),
        }
    }

    fn bucket(&self, id: usize) -> &Mutex<Vec<Owner>> {
        &self.buckets[id % BUCKETS]
    }
}

ftl_core::global_lazy! {
    fn pool() -> Pool = Pool::new();
}

ftl_core::global_lazy! {
    fn registry() -> Registry = Registry::new();
}

/// The calling thread's registration; leaving the registry on drop hands
/// the queue to another thread (a thread-local destructor cannot run
/// finalizers), unless [`Biased::thread_exit`] left first.
struct Registration {
    id: usize,
    pending: Arc<AtomicBool>,
    /// The thread's per-thread counts (in the pool until it leaves).
    table: &'static Table,
    left: bool,
}

impl Registration {
    /// Stops owning, leaves the registry, and returns what was queued.
    fn leave(&mut self) -> Vec<DeferredFree> {
        self.left = true;
        // First stop acting as owner: from here this thread counts its own
        // objects in `shared` (and may queue them to itself, which the
        // lock below collects), so `local` is never written again.
        let _ = ME.try_with(|m| m.set(NO_THREAD));
        // Its per-thread counts move into the objects' own counts.
        let _ = MY_TABLE.try_with(|t| t.set(None));
        pool().retire(self.table, |addr, n| {
            // SAFETY: `addr` is the cell of the object holding an id of
            // the pool, which is alive until the collector releases the id
            // (under the pool's lock, held here).
            let cell = unsafe { &*(addr as *const BiasedCell) };
            cell.shared.fetch_add(n << SHIFT, Ordering::Relaxed);
        });
        let mut bucket = registry().bucket(self.id).lock();
        match bucket.iter().position(|o| o.id == self.id) {
            Some(at) => bucket.swap_remove(at).queue,
            None => Vec::new(),
        }
    }
}

impl Drop for Registration {
    fn drop(&mut self) {
        if self.left {
            return;
        }
        let queue = self.leave();
        if !queue.is_empty() {
            hand_over(queue);
        }
    }
}

/// Gives the queue of a thread that ended to a registered thread, or to
/// the orphans that the next thread to register adopts.
fn hand_over(queue: Vec<DeferredFree>) {
    let reg = registry();
    let mut queue = Some(queue);
    for bucket in &reg.buckets {
        let mut bucket = bucket.lock();
        if let Some(o) = bucket.first_mut() {
            o.queue.extend(queue.take().expect("handed over once"));
            o.pending.store(true, Ordering::Release);
            return;
        }
    }
    reg.orphans
        .lock()
        .extend(queue.take().expect("handed over once"));
}

/// The calling thread's id, registering it on first use; `None` if it can
/// no longer register (its thread-locals are being destroyed).
#[cold]
fn register() -> Option<usize> {
    let reg = registry();
    let installed = REGISTRATION.try_with(|r| {
        let mut r = r.borrow_mut();
        debug_assert!(r.is_none(), "registered once at a time");
        let id = reg.next_id.fetch_add(1, Ordering::Relaxed);
        let pending = Arc::new(AtomicBool::new(false));
        let adopted = core::mem::take(&mut *reg.orphans.lock());
        {
            let mut bucket = reg.bucket(id).lock();
            if !adopted.is_empty() {
                pending.store(true, Ordering::Release);
            }
            bucket.push(Owner {
                id,
                pending: pending.clone(),
                queue: adopted,
            });
        }
        let table = pool().take_table();
        let _ = MY_TABLE.try_with(|t| t.set(Some(table)));
        *r = Some(Registration {
            id,
            pending,
            table,
            left: false,
        });
        id
    });
    let id = installed.ok()?;
    ME.try_with(|m| m.set(id)).ok()?;
    Some(id)
}

/// The owner of a new object: the calling thread, registered.
#[inline]
fn owner_for_new() -> Option<usize> {
    let id = me();
    if id != NO_THREAD {
        return Some(id);
    }
    register()
}

// ---------------------------------------------------------------------------
// The protocol's steps.

/// Step 2's slow half: the owner's local count reached zero. `true` when
/// the object must be freed now.
fn merge_zero_local(cell: &BiasedCell) -> bool {
    let mut shared = cell.shared.load(Ordering::Acquire);
    if shared == 0 {
        // Nobody else counted it (and nobody may `try_incref` it): free.
        return true;
    }
    // Before the flags change (gh-119999): no owner means merged.
    cell.owner.store(UNOWNED, Ordering::Relaxed);
    loop {
        let new = (shared & !FLAGS) | MERGED;
        match cell
            .shared
            .compare_exchange_weak(shared, new, Ordering::AcqRel, Ordering::Relaxed)
        {
            Ok(_) => return new == MERGED,
            Err(now) => shared = now,
        }
    }
}

/// Step 3: a thread other than the owner drops a reference. `object` is
/// `None` for `RefCount::decref`, which cannot queue (see the module docs).
/// `true` when the object must be freed now.
fn decref_shared(cell: &BiasedCell, object: Option<DeferredFree>) -> bool {
    let mut shared = cell.shared.load(Ordering::Relaxed);
    loop {
        let queue = (shared == 0 || shared == MAYBE_WEAKREF) && object.is_some();
        let new = if queue { QUEUED } else { shared - ONE };
        match cell
            .shared
            .compare_exchange_weak(shared, new, Ordering::AcqRel, Ordering::Relaxed)
        {
            Ok(_) if queue => return queue_to_owner(cell, object.expect("queue has one")),
            Ok(_) => return new == MERGED,
            Err(now) => shared = now,
        }
    }
}

/// Step 3's queue: the reference dropped stays with the queue.
#[cold]
fn queue_to_owner(cell: &BiasedCell, object: DeferredFree) -> bool {
    let owner = cell.owner.load(Ordering::Acquire);
    if owner == UNOWNED {
        // Merged meanwhile (3.13t's `Py_DECREF` again): drop the reference
        // from the merged count.
        return decref_shared(cell, Some(object));
    }
    let mut bucket = registry().bucket(owner).lock();
    if let Some(o) = bucket.iter_mut().find(|o| o.id == owner) {
        o.queue.push(object);
        o.pending.store(true, Ordering::Release);
        return false;
    }
    // The owner ended: its local count is final (it left under this lock);
    // merge here, dropping the reference that would have been queued.
    let total = explicit_merge(cell, -1);
    drop(bucket);
    total == 0
}

/// Step 4: merges the counts, adding `extra`; returns the total.
fn explicit_merge(cell: &BiasedCell, extra: isize) -> isize {
    let mut shared = cell.shared.load(Ordering::Relaxed);
    let total = loop {
        let total = (shared >> SHIFT) + cell.local.load(Ordering::Relaxed) as isize + extra;
        let new = (total << SHIFT) | MERGED;
        match cell
            .shared
            .compare_exchange_weak(shared, new, Ordering::AcqRel, Ordering::Relaxed)
        {
            Ok(_) => break total,
            Err(now) => shared = now,
        }
    };
    cell.local.store(0, Ordering::Relaxed);
    cell.owner.store(UNOWNED, Ordering::Relaxed);
    total
}

/// Step 4 for a queue taken from the registry: each object's queued
/// reference is dropped by the merge; those left at zero are freed.
fn merge_queue(queue: Vec<DeferredFree>) {
    for object in queue {
        // SAFETY: a queued object is alive (the queue holds a reference)
        // and counted by this strategy.
        let cell = unsafe { object.cell::<Biased>() };
        if explicit_merge(cell, -1) == 0 {
            // SAFETY: the merge left it at zero with no owner: nothing
            // counts it again, and every other thread's last access
            // happened-before the CAS that this thread's AcqRel read.
            unsafe { object.run() };
        }
    }
}

/// Merges the calling thread's queue if its flag is raised.
fn merge_pending() {
    let mine = REGISTRATION
        .try_with(|r| {
            r.borrow()
                .as_ref()
                .filter(|reg| reg.pending.load(Ordering::Relaxed))
                .map(|reg| reg.id)
        })
        .ok()
        .flatten();
    let Some(id) = mine else { return };
    let queue = {
        let mut bucket = registry().bucket(id).lock();
        let Some(o) = bucket.iter_mut().find(|o| o.id == id) else {
            return;
        };
        // Lowered inside the critical section: a push after it raises it
        // again (the lesson of `ftl_object::handoff`).
        o.pending.store(false, Ordering::Relaxed);
        core::mem::take(&mut o.queue)
    };
    merge_queue(queue);
}

/// Steps 2 and 3: the owner's decref, or another thread's (which queues
/// `object` when `shared` is zero; `None` cannot queue). `true` when the
/// object must be freed now.
#[inline]
fn decref(cell: &BiasedCell, object: Option<DeferredFree>) -> bool {
    let local = cell.local.load(Ordering::Relaxed);
    if local == LOCAL_IMMORTAL {
        return false;
    }
    let owner = cell.owner.load(Ordering::Relaxed);
    if owner == me() {
        // The owner is the only writer: no read-modify-write.
        cell.local.store(local - 1, Ordering::Relaxed);
        return local == 1 && merge_zero_local(cell);
    }
    if owner == PER_THREAD {
        // Deferred: only the collector frees it.
        per_thread_add(cell, local, -1);
        return false;
    }
    decref_shared(cell, object)
}

/// Counts a reference to a deferred object (`owner == PER_THREAD`, id
/// `id`) in the calling thread's table, or, on a thread that has none and
/// cannot register, in the object's own count (the sum is the same).
#[inline]
fn per_thread_add(cell: &BiasedCell, id: u32, delta: isize) {
    match MY_TABLE.try_with(Cell::get) {
        Ok(Some(table)) => table.add(id, delta),
        _ => per_thread_add_slow(cell, id, delta),
    }
}

#[cold]
fn per_thread_add_slow(cell: &BiasedCell, id: u32, delta: isize) {
    if me() == NO_THREAD && register().is_some() {
        return per_thread_add(cell, id, delta);
    }
    cell.shared.fetch_add(delta << SHIFT, Ordering::Relaxed);
}

// SAFETY: counts start at one (`local` of the creating owner, or merged);
// each incref adds one to `local` (owner only, who is the only writer
// while registered) or to `shared` (atomic RMW); each decref removes one
// the same way or, when `shared` is zero, moves its reference into the
// owner's queue. The sum is the number of references; it reaches zero in
// exactly one place (the owner's `merge_zero_local`, a `decref_shared`
// CAS to `MERGED`, or an `explicit_merge` returning zero), every such
// place reads `shared` with Acquire after every other thread's AcqRel
// write, and the owner's own writes are sequenced before. Immortal cells
// are only loaded. Thread-safe.
unsafe impl RefCount for Biased {
    type Cell = BiasedCell;
    const NAME: &'static str = "biased";
    const THREAD_SAFE: bool = true;
    const DEFERS: bool = true;

    #[inline]
    fn new_cell() -> BiasedCell {
        match owner_for_new() {
            Some(owner) => BiasedCell {
                owner: AtomicUsize::new(owner),
                local: AtomicU32::new(1),
                shared: AtomicIsize::new(0),
            },
            None => BiasedCell::merged(1),
        }
    }

    fn immortal_cell() -> BiasedCell {
        BiasedCell {
            owner: AtomicUsize::new(UNOWNED),
            local: AtomicU32::new(LOCAL_IMMORTAL),
            shared: AtomicIsize::new(0),
        }
    }

    #[inline]
    fn incref(cell: &BiasedCell) {
        let local = cell.local.load(Ordering::Relaxed);
        if local == LOCAL_IMMORTAL {
            return;
        }
        let owner = cell.owner.load(Ordering::Relaxed);
        if owner == me() {
            // The owner is the only writer: no read-modify-write.
            cell.local.store(local + 1, Ordering::Relaxed);
        } else if owner == PER_THREAD {
            per_thread_add(cell, local, 1);
        } else {
            cell.shared.fetch_add(ONE, Ordering::Relaxed);
        }
    }

    #[inline]
    fn decref(cell: &BiasedCell) -> bool {
        decref(cell, None)
    }

    #[inline]
    fn decref_or_defer(cell: &BiasedCell, object: DeferredFree) -> bool {
        decref(cell, Some(object))
    }

    #[inline]
    fn at_safe_point() {
        merge_pending();
        reclaim::at_safe_point();
    }

    const LOCK_FREE_READS: bool = true;

    #[inline]
    unsafe fn reclaim(block: Reclaim) {
        reclaim::retire(block)
    }

    #[inline]
    fn lock_free_read_begin() -> bool {
        reclaim::read_begin()
    }

    /// Deferred objects (module and class namespaces) belong to every
    /// thread, so to none.
    #[inline]
    fn owned_by_this_thread(cell: &BiasedCell) -> bool {
        cell.owner.load(Ordering::Relaxed) == me()
    }

    fn thread_detached() {
        reclaim::offline();
    }

    fn thread_attached() {
        reclaim::online();
    }

    fn thread_exit() {
        let registration = REGISTRATION
            .try_with(|r| r.borrow_mut().take())
            .ok()
            .flatten();
        if let Some(mut registration) = registration {
            let queue = registration.leave();
            drop(registration);
            merge_queue(queue);
        }
        // Last: the merge above may free (and retire) more.
        reclaim::thread_exit();
    }

    /// 3.13t's `merge_refcount(op, 0)` with the world stopped: no owner
    /// is between two writes of `local`. A queued object keeps its
    /// ownership (its owner's merge will drop the queue's reference).
    unsafe fn merge_stopped(cell: &BiasedCell) {
        if cell.owner.load(Ordering::Relaxed) == PER_THREAD {
            // A deferred object found unreachable: its per-thread counts
            // come home and it is counted as a merged object from now on,
            // so that the references the collection drops free it.
            let id = cell.local.load(Ordering::Relaxed);
            let total = (cell.shared.load(Ordering::Relaxed) >> SHIFT) + pool().release(id);
            cell.shared
                .store((total << SHIFT) | MERGED, Ordering::Release);
            cell.local.store(0, Ordering::Relaxed);
            cell.owner.store(UNOWNED, Ordering::Relaxed);
            return;
        }
        let shared = cell.shared.load(Ordering::Acquire);
        if cell.local.load(Ordering::Relaxed) == LOCAL_IMMORTAL
            || shared & FLAGS == MERGED
            || shared & FLAGS == QUEUED
        {
            return;
        }
        explicit_merge(cell, 0);
    }

    fn enable_try_incref(cell: &BiasedCell) {
        let mut shared = cell.shared.load(Ordering::Relaxed);
        while shared & FLAGS == 0 {
            match cell.shared.compare_exchange_weak(
                shared,
                shared | MAYBE_WEAKREF,
                Ordering::Relaxed,
                Ordering::Relaxed,
            ) {
                Ok(_) => return,
                Err(now) => shared = now,
            }
        }
    }

    /// 3.13t's `_Py_TryIncrefFast`, then `_Py_TryIncRefShared`: never up
    /// from a `shared` of zero (an owner may be freeing it on its fast
    /// path, unless `MAYBE_WEAKREF` is set) or from a merged zero.
    #[inline]
    fn try_incref(cell: &BiasedCell) -> bool {
        let local = cell.local.load(Ordering::Relaxed);
        if local == LOCAL_IMMORTAL {
            return true;
        }
        let owner = cell.owner.load(Ordering::Relaxed);
        if owner == me() {
            // An owned object has `local ≥ 1`: it is alive.
            cell.local.store(local + 1, Ordering::Relaxed);
            return true;
        }
        if owner == PER_THREAD {
            // Deferred objects die only in a collection, which clears
            // their weak references with the world stopped, before it
            // takes them out of the tables (`merge_stopped`).
            per_thread_add(cell, local, 1);
            return true;
        }
        let mut shared = cell.shared.load(Ordering::Relaxed);
        loop {
            if shared == 0 || shared == MERGED {
                return false;
            }
            match cell.shared.compare_exchange_weak(
                shared,
                shared + ONE,
                Ordering::Relaxed,
                Ordering::Relaxed,
            ) {
                Ok(_) => return true,
                Err(now) => shared = now,
            }
        }
    }

    fn count(cell: &BiasedCell) -> usize {
        let local = cell.local.load(Ordering::Acquire);
        if local == LOCAL_IMMORTAL {
            return IMMORTAL_COUNT;
        }
        let shared = cell.shared.load(Ordering::Acquire) >> SHIFT;
        if cell.owner.load(Ordering::Acquire) == PER_THREAD {
            return (shared + pool().sum(local)).max(0) as usize;
        }
        (local as isize + shared).max(0) as usize
    }

    #[inline]
    fn is_immortal(cell: &BiasedCell) -> bool {
        cell.local.load(Ordering::Relaxed) == LOCAL_IMMORTAL
    }

    /// 3.14t's `_PyObject_AssignUniqueId` for a new object: its owner's
    /// local count moves into the owner's table under a fresh id.
    unsafe fn defer_to_collector(cell: &BiasedCell) -> bool {
        let owner = cell.owner.load(Ordering::Relaxed);
        let local = cell.local.load(Ordering::Relaxed);
        if owner != me() || cell.shared.load(Ordering::Relaxed) != 0 {
            return false;
        }
        let Some(id) = pool().alloc(cell as *const BiasedCell as usize) else {
            return false;
        };
        // Only this thread reaches the cell (the caller's contract).
        cell.local.store(id, Ordering::Relaxed);
        cell.owner.store(PER_THREAD, Ordering::Relaxed);
        per_thread_add(cell, id, local as isize);
        true
    }

    #[inline]
    fn is_deferred(cell: &BiasedCell) -> bool {
        cell.owner.load(Ordering::Relaxed) == PER_THREAD
    }
}

#[cfg(all(test, loom))]
mod loom_tests {
    use super::*;
    use core::ptr::NonNull;
    use ftl_core::sync::{model, thread, Mutex, UnsafeCell};

    /// A stand-in object: the cell first (as in the object model's
    /// header), a payload the freeing thread reads, and a free counter.
    #[repr(C)]
    struct Obj {
        cell: BiasedCell,
        payload: UnsafeCell<usize>,
        frees: AtomicUsize,
        /// Whether a thread holds a reference taken with `try_incref`.
        taken_back: AtomicBool,
        /// The weak reference's slot: cleared, under its lock, by the free.
        weak: Mutex<bool>,
    }
    // SAFETY (model): the payload is written by one thread before its
    // decref and read only by the freeing thread, which is what the model
    // checks.
    unsafe impl Sync for Obj {}
    unsafe impl Send for Obj {}

    impl Obj {
        fn new() -> Arc<Obj> {
            Arc::new(Obj {
                cell: Biased::new_cell(),
                payload: UnsafeCell::new(0),
                frees: AtomicUsize::new(0),
                taken_back: AtomicBool::new(false),
                weak: Mutex::new(true),
            })
        }
        fn frees(&self) -> usize {
            self.frees.load(Ordering::Relaxed)
        }
    }

    /// The model's "free": clears the weak slot under its lock (as the
    /// VM's weakref does before memory is released), then reads the
    /// payload as a destructor would.
    unsafe fn free(ptr: NonNull<()>) {
        // SAFETY (model): the `Arc` in the model keeps the memory.
        let o = unsafe { ptr.cast::<Obj>().as_ref() };
        *o.weak.lock() = false;
        assert!(
            !o.taken_back.load(Ordering::Relaxed),
            "freed while a weak get held it"
        );
        // SAFETY (model): the freeing thread is the last user.
        let v = o.payload.with(|p| unsafe { *p });
        assert_eq!(v, 1, "the free saw the other thread's write");
        o.frees.fetch_add(1, Ordering::Relaxed);
    }

    /// Drops a reference as `ObjRef::drop` does: with the object, freeing
    /// when told to.
    fn drop_ref(o: &Obj) {
        // SAFETY (model): `free` frees this kind of object; the cell is
        // the object's first field.
        let deferred = unsafe { DeferredFree::new(NonNull::from(o).cast(), free) };
        if Biased::decref_or_defer(&o.cell, deferred) {
            // SAFETY (model): the strategy says this was the last reference.
            unsafe { free(NonNull::from(o).cast()) };
        }
    }

    fn write_payload(o: &Obj) {
        // SAFETY (model): one writer, before its last decref.
        o.payload.with_mut(|p| unsafe { *p = 1 });
    }

    /// The owner (the model's main thread) makes two objects and lends a
    /// reference to each, counted in its local count, to another thread,
    /// which takes one of its own (counted in `shared`) and drops both: the
    /// second drop finds `shared` at zero and queues the object. The owner
    /// drops its own and polls while that happens, then once more after
    /// the join. Each object is freed exactly once, after the other
    /// thread's write, by a merge (two objects, so that a push can come
    /// between the owner's taking of its queue and the end of its poll).
    #[test]
    fn queued_objects_are_merged_and_freed_once() {
        model(|| {
            let objs = [Obj::new(), Obj::new()];
            for o in &objs {
                Biased::incref(&o.cell); // the reference lent to the thread
            }
            let lent = objs.clone();
            let t = thread::spawn(move || {
                for o in &lent {
                    write_payload(o);
                    Biased::incref(&o.cell); // counted in `shared`
                    drop_ref(o);
                    drop_ref(o); // `shared` is zero: queued to the owner
                }
            });
            for o in &objs {
                drop_ref(o);
            }
            Biased::at_safe_point();
            t.join().unwrap();
            Biased::at_safe_point();
            for o in &objs {
                assert_eq!(o.frees(), 1, "freed exactly once");
            }
            // Leave the registry before loom tears its statics down.
            Biased::thread_exit();
        });
    }

    /// The owner drops its last reference while another thread, which
    /// holds one counted in `shared`, drops it too: `merge_zero_local`
    /// against `decref_shared`. Exactly one of them frees.
    #[test]
    fn owner_and_other_thread_race_on_the_last_references() {
        model(|| {
            let obj = Obj::new();
            Biased::enable_try_incref(&obj.cell);
            // The owner wrote first (what the free must see if the other
            // thread never took it back).
            write_payload(&obj);
            let o2 = obj.clone();
            let t = thread::spawn(move || {
                // A reference counted in `shared` (as a weak get takes).
                let got = { *o2.weak.lock() && Biased::try_incref(&o2.cell) };
                if got {
                    o2.taken_back.store(true, Ordering::Relaxed);
                    write_payload(&o2);
                    o2.taken_back.store(false, Ordering::Relaxed);
                    drop_ref(&o2);
                }
            });
            // The owner's last reference.
            drop_ref(&obj);
            t.join().unwrap();
            Biased::at_safe_point();
            assert_eq!(obj.frees(), 1, "freed exactly once");
            // Leave the registry before loom tears its statics down.
            Biased::thread_exit();
        });
    }

    /// A deferred object (3.14t's per-thread counts): another thread
    /// counts its references in its own table and ends, moving them into
    /// the object's count, while the owner counts and reads the count.
    /// The count read meanwhile is never off by a whole table (the move
    /// and the reads are ordered by the pool's lock: a table is never
    /// counted twice or not at all), the count after the join is exact,
    /// and once the collector merges it (`merge_stopped`, the world
    /// stopped: here, after the join) the last drop frees it once.
    #[test]
    fn per_thread_counts_survive_a_thread_that_ends() {
        model(|| {
            let obj = Obj::new();
            write_payload(&obj);
            // SAFETY (model): just made on this thread, not shared yet.
            assert!(unsafe { Biased::defer_to_collector(&obj.cell) });
            let o2 = obj.clone();
            let t = thread::spawn(move || {
                Biased::incref(&o2.cell);
                Biased::incref(&o2.cell);
                assert!(
                    !Biased::decref(&o2.cell),
                    "deferred: never freed by a decref"
                );
                Biased::thread_exit();
            });
            Biased::incref(&obj.cell);
            let seen = Biased::count(&obj.cell);
            // The owner's two, and the other thread's 0, 1 or 2.
            assert!((2..=4).contains(&seen), "count {seen}");
            drop_ref(&obj);
            t.join().unwrap();
            assert_eq!(Biased::count(&obj.cell), 2, "exact after the join");
            // SAFETY (model): no other thread counts (joined).
            unsafe { Biased::merge_stopped(&obj.cell) };
            assert!(!Biased::is_deferred(&obj.cell));
            drop_ref(&obj);
            assert_eq!(obj.frees(), 0);
            drop_ref(&obj);
            assert_eq!(obj.frees(), 1, "freed exactly once");
            Biased::thread_exit();
        });
    }

    /// The owner ends (`thread_exit`) while another thread drops the
    /// reference it was lent: either the drop is queued before the owner
    /// leaves and the owner merges it on its way out, or the other thread
    /// finds no owner and merges on the spot. Never both, never neither.
    #[test]
    fn an_owner_that_ends_gives_up_its_queue() {
        model(|| {
            let obj = Obj::new();
            Biased::incref(&obj.cell);
            let o2 = obj.clone();
            let t = thread::spawn(move || {
                write_payload(&o2);
                drop_ref(&o2);
            });
            drop_ref(&obj);
            Biased::thread_exit();
            t.join().unwrap();
            assert_eq!(obj.frees(), 1, "freed exactly once");
        });
    }
}
