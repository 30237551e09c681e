//! # ftl-gc: CPython's cycle collector
//!
//! Reference counting frees an object when its last reference goes, but
//! never frees a group of objects that refer to each other. CPython adds a
//! *cycle collector* (`Modules/gcmodule.c`, "Garbage Collection for
//! Python"; Neil Schemenauer's design, 2000) that finds such groups among
//! the objects that can hold references (*containers*) and frees them.
//! This crate is that collector, as CPython 3.11 runs it, for any
//! interpreter built on `ftl-object`. It sees an object only through two
//! things: `ftl_core::Traverse` (visit the references an object holds, or
//! clear them) and the [`GcLinks`](ftl_object::GcLinks) that `ftl-object`
//! puts in front of every container's header, where CPython keeps
//! `PyGC_Head`. It does not depend on `ftl-vm`.
//!
//! ## Tracking
//!
//! Every container made by `ObjRef::new` is announced to the thread's
//! [`Collector`] (through `ftl_object::gc_hooks`). The collector links the
//! object at the end of generation 0's list, and counts it: generation 0's
//! count is allocations minus frees of containers since the last
//! collection. A container that dies leaves its list before anything of
//! it is freed. Objects are kept in three generations (doubly linked
//! lists) plus a permanent one for `gc.freeze()`.
//!
//! ## One collection of generation `g` ([`Collector::collect`])
//!
//! 1. **Counts.** Generation `g + 1`'s count goes up by one (it counts
//!    collections of the generation below it), and the counts of `g` and
//!    the younger generations go to zero.
//! 2. **Merge.** The younger generations are appended to `g`'s list:
//!    *young*, the set examined. *old* is generation `g + 1` (for the
//!    oldest, young itself).
//! 3. **`update_refs`.** For every object in young: `gc_refs` = its
//!    reference count, stored in the `prev` word of its links (shifted
//!    past two flag bits), and the `COLLECTING` flag set. For the time
//!    being the list is linked through `next` only.
//! 4. **`subtract_refs`.** For every object in young, each reference it
//!    holds to a `COLLECTING` object decrements that object's `gc_refs`.
//!    Now `gc_refs` counts the references from *outside* young: from
//!    older generations, untracked objects, the interpreter's stacks,
//!    anything Rust holds.
//! 5. **`move_unreachable`.** Walk young. An object with `gc_refs > 0` is
//!    reachable from outside. So is everything it refers to
//!    (`visit_reachable`):
//!    * an object already moved to *unreachable* goes back to the end of
//!      young, to be walked again;
//!    * one not walked yet gets `gc_refs = 1`.
//!
//!    An object with `gc_refs == 0` moves to *unreachable*, tentatively,
//!    with the `UNREACHABLE` mark on its `next` word. As the walk passes,
//!    each reachable object gets its `prev` pointer back and loses
//!    `COLLECTING`. When the walk ends, *unreachable* holds exactly the
//!    objects that nothing outside young reaches.
//! 6. **Untrack what cannot be in a cycle.** Tuples whose items are all
//!    atoms (or untracked tuples) leave the lists; in full collections,
//!    so do dicts whose keys and values are (CPython's `untrack_dicts`).
//!    A dict also starts untracked when it holds only atoms, and storing
//!    anything that may be tracked into an untracked dict tracks it again
//!    (`MAINTAIN_TRACKING`, in `ftl-object`'s `DictRef`: every store goes
//!    through it, inside the dict's critical section).
//! 7. **Promote.** The survivors are appended to *old*. The counts of
//!    the long-lived ratio are updated: survivors of generation 1's
//!    collections are *pending*, the survivors of a full collection the
//!    *total*.
//! 8. **Finalize (PEP 442).** Each unreachable object whose type has a
//!    finalizer (`__del__`) and has not run it yet runs it, once in the
//!    object's life, with every object of the group still intact. The
//!    object is moved to a *seen* list first, so a finalizer that frees
//!    others of the group leaves the walk on solid ground.
//! 9. **Resurrection.** Steps 3–5 run again over the unreachable set. An
//!    object a finalizer stored somewhere, and everything it reaches,
//!    survives whole and goes to *old*. The rest is final garbage.
//! 10. **Clear** (`tp_clear`). Each object of the final garbage has its
//!     references dropped, which frees the whole group by ordinary
//!     refcounting. An object still alive after its clear (something
//!     outside kept it) moves to *old*. With `DEBUG_SAVEALL` the objects
//!     are kept for `gc.garbage` instead.
//!
//! The result is the number of objects found unreachable (the weakrefs to
//! them will add theirs, as in CPython).
//!
//! ## When collections run
//!
//! When generation 0's count passes its threshold (700), the collector
//! raises its *due* flag ([`Collector::is_due`]). The interpreter then
//! runs [`Collector::collect_generations`] at its next safe point. That
//! collects the oldest generation whose count is over its threshold
//! (10 and 10 for generations 1 and 2). A full collection also waits until
//! the pending long-lived objects are at least a quarter of the total
//! (issue #4074: otherwise building a large structure is quadratic).
//!
//! ## Invariants
//!
//! * A tracked object is on exactly one list or (free-threaded collector)
//!   in exactly one table slot, and its `next` word is not null (`TABLED`
//!   in a slot). An untracked object's is null.
//! * Outside steps 3–5 every list is doubly linked with pointer `prev`s,
//!   so an object can leave its list by its links alone whenever it dies.
//!   During steps 3–5 no object of the set dies and none is created: the
//!   collector runs no user code there, and traverse functions must not
//!   allocate. Both are checked, and a breach stops the process rather
//!   than corrupt a list.
//! * The structural steps (1–7 and 9) need the heap to themselves:
//!   [`Collector::collect`] is `unsafe`, and its caller holds the GIL.
//!   [`Collector::collect_in`] runs them inside a closure that stops the
//!   world: two pauses, one before and one after the finalizers, as in
//!   CPython 3.13t. Finalizers and clears run user code, and other threads
//!   may run meanwhile, as in CPython.
//! * Only one collection runs at a time. A collection asked for during
//!   another (from a finalizer, or from another thread while finalizers
//!   run) does nothing, as CPython's `gc.collect()` returns 0 then.
//!
//! ## The free-threaded collector ([`Collector::new_free_threaded`])
//!
//! On a heap without a GIL the same algorithm runs in CPython 3.13t's shape
//! (`Python/gc_free_threading.c`):
//!
//! * **Tracking without a shared list.** Each thread announces its
//!   containers to a [`Tracker`] of its own, which puts them in its table
//!   (`table` module: segments of slots, one slot per tracked object, filled
//!   only by the owner, emptied by whichever thread frees the object). No
//!   lock and no shared write per allocation; 3.13t instead walks
//!   mimalloc's heaps, which ftl does not own.
//! * **Counting in batches.** Each thread counts its allocations minus frees
//!   and adds them to the collector's count every [`LOCAL_COUNT_BATCH`]
//!   (512, 3.13t's `LOCAL_ALLOC_COUNT_THRESHOLD`); `gc.get_count()` flushes
//!   the caller's batch first. A collection is due past the young threshold
//!   (2000, [`FREE_THREADED_THRESHOLDS`]) and a quarter of the objects the
//!   last collection left alive (3.13t's `gc_should_collect`).
//! * **No generations.** Every collection examines the whole heap: in the
//!   first pause every tabled object is linked into one list, the steps
//!   above run over it, and the survivors go back into the collector's own
//!   table (written only with the world stopped). The weakrefs to garbage
//!   are cleared in that pause too, so no thread can take garbage back
//!   through one; nothing is freed inside a pause (a free can run user
//!   code, which must not wait for a stopped thread). Finalizers run with
//!   the world going again; the second pause looks for resurrected objects.
//! * Objects outside the tables (a collection's scratch lists between its
//!   pauses, resurrected survivors, frozen objects) are on lists under the
//!   collector's lock. An object moves between a table and a list only with
//!   the world stopped, so a thread freeing one can tell which it is from
//!   its links alone.
//!
//! The loom models beside the table show that a remote free never shares a
//! slot with the owner's next track, and that a walk with the world stopped
//! sees whole objects (and, walked without stopping it, does not).
//!
//! ## What differs from CPython 3.11
//!
//! * **When automatic collections run.** In 3.11 a collection runs inside
//!   the allocation that passes the threshold (`_PyObject_GC_Link`). Here,
//!   as in CPython 3.12 (`_Py_ScheduleGC`), the allocation only raises a
//!   flag and the collection runs at the next safe point of the eval loop.
//!   Rust code between safe points then never meets a collection in the
//!   middle of an allocation.
//! * **`FINALIZED`** is a flag in the payload of the types that have
//!   finalizers, not bit 0 of `prev`.
//! * **Traversal** goes through `Traverse`: a container visits a snapshot
//!   of its references (new references, so no borrow is held while the
//!   visitor runs). That costs one reference-count increment and
//!   decrement per edge visited, which CPython does not pay.

mod collector;
mod list;
mod table;
pub mod threaded;

pub use collector::{
    Collection, Collector, GenerationStats, Tracker, DEBUG_COLLECTABLE, DEBUG_LEAK, DEBUG_SAVEALL,
    DEBUG_STATS, DEBUG_UNCOLLECTABLE, DEFAULT_THRESHOLDS, FREE_THREADED_THRESHOLDS,
    LOCAL_COUNT_BATCH, NUM_GENERATIONS,
};
