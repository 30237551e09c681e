//! The object model's two calls into a cycle collector: an object that can
//! be in a cycle was allocated, or is about to be freed.
//!
//! CPython's allocator calls the collector twice in a container's life:
//! `_PyObject_GC_Link` when it is allocated (the young generation's count
//! goes up, which is what triggers automatic collections) and
//! `PyObject_GC_UnTrack` / `PyObject_GC_Del` when it dies (it leaves its
//! generation's list, and the count goes down). The collector itself
//! (`ftl-gc`) sits *above* this crate, so the object model reaches it
//! through [`GcHooks`], installed per thread with [`enter`] for as long as
//! the returned [`GcScope`] lives — the same per-thread scope as live-object
//! [`accounting`](crate::accounting), and for the same reason: a thread
//! state belongs to one interpreter, and the hot path touches only a
//! thread-local.
//!
//! Only objects made by [`ObjRef::new`](crate::ObjRef::new) of a type with
//! [`Payload::GC`](crate::Payload::GC) are announced; immortal objects
//! never are (they are never freed and never collected).
//!
//! # Invariants
//!
//! * [`GcHooks::freeing`] is called for every announced object that dies,
//!   once, before its payload is dropped and after its finalizer (if any)
//!   ran and left it dead, so a collection that starts while its contents
//!   are being freed never sees it (CPython untracks first thing in
//!   `tp_dealloc`, for the same reason).
//! * A thread with no scope announces nothing. An object tracked by a
//!   collector and freed on a thread with no scope is unlinked here, by its
//!   links alone ([`untrack_in_place`]), which is correct whenever the
//!   caller has the heap to itself (a GIL); a collector that is dropped
//!   untracks everything it tracks first, so no freed list head is ever
//!   reached from an object.

#![allow(unsafe_code)] // the thread-local pointer to the installed hooks

use core::cell::Cell;
use core::marker::PhantomData;
use core::ptr::NonNull;
use core::sync::atomic::Ordering;
use std::sync::Arc;

use crate::header::GcLinks;

/// What the object model tells a cycle collector. Implemented by
/// `ftl-gc`'s collector.
pub trait GcHooks {
    /// A new object that can be in a cycle; its links are zero (untracked).
    /// The collector tracks it and counts it towards its threshold
    /// (CPython's `_PyObject_GC_Link` and `_PyObject_GC_TRACK`).
    fn allocated(&self, links: NonNull<GcLinks>);

    /// A new object that can be in a cycle but starts untracked
    /// ([`Payload::tracked_at_birth`](crate::Payload::tracked_at_birth)
    /// said no, as for a dict of atoms): the collector only counts it.
    fn allocated_untracked(&self, links: NonNull<GcLinks>);

    /// A live, untracked object is to be tracked from now on (a container
    /// was stored in a dict that held only atoms: CPython's
    /// `MAINTAIN_TRACKING`). The caller makes sure no other thread tracks
    /// or untracks the same object meanwhile (the dict's critical section
    /// on a free-threaded heap, the GIL on the others).
    fn track(&self, links: NonNull<GcLinks>);

    /// An object whose count reached zero is about to be freed: untrack it
    /// if it is tracked.
    fn freeing(&self, links: NonNull<GcLinks>);

    /// Makes the counts this thread keeps for itself visible to the
    /// collector (a free-threaded collector counts allocations per thread
    /// and adds them up in batches, as CPython 3.13t does; `gc.get_count()`
    /// flushes first). The default has nothing to flush.
    fn flush_counts(&self) {}
}

std::thread_local! {
    static CURRENT: Cell<Option<NonNull<dyn GcHooks>>> = const { Cell::new(None) };
}

/// The calling thread's membership in a collector: while it lives, objects
/// allocated and freed on this thread are announced to its hooks. Scopes
/// nest; the inner one wins, and dropping it restores the outer one.
#[must_use = "the scope ends when this guard is dropped"]
pub struct GcScope {
    hooks: Arc<dyn GcHooks>,
    previous: Option<NonNull<dyn GcHooks>>,
    // A scope belongs to the thread that entered it.
    _not_send: PhantomData<*const ()>,
}

/// Announces this thread's GC objects to `hooks` until the scope drops.
pub fn enter(hooks: Arc<dyn GcHooks>) -> GcScope {
    let ptr = NonNull::from(&*hooks);
    let previous = CURRENT.with(|c| c.replace(Some(ptr)));
    GcScope {
        hooks,
        previous,
        _not_send: PhantomData,
    }
}

/// The calling thread's membership in no collector, until the guard
/// drops (the outer scope is restored then): objects allocated meanwhile
/// are announced to nobody, as before any scope. A thread that makes a
/// new interpreter uses it, so that the new interpreter's first objects
/// (made before its collector exists) are not announced to the collector
/// of the interpreter the thread came from.
#[must_use = "the pause ends when this guard is dropped"]
pub struct GcPause {
    previous: Option<NonNull<dyn GcHooks>>,
    _not_send: PhantomData<*const ()>,
}

/// Leaves the thread's collector scope until the guard drops.
pub fn pause() -> GcPause {
    let previous = CURRENT.with(|c| c.replace(None));
    GcPause {
        previous,
        _not_send: PhantomData,
    }
}

impl Drop for GcPause {
    fn drop(&mut self) {
        let _ = CURRENT.try_with(|c| c.set(self.previous));
    }
}

impl core::fmt::Debug for GcPause {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("GcPause").finish_non_exhaustive()
    }
}

impl GcScope {
    /// The hooks this scope announces to.
    pub fn hooks(&self) -> &Arc<dyn GcHooks> {
        &self.hooks
    }
}

impl Drop for GcScope {
    fn drop(&mut self) {
        let _ = CURRENT.try_with(|c| c.set(self.previous));
    }
}

impl core::fmt::Debug for GcScope {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("GcScope").finish_non_exhaustive()
    }
}

/// Calls `f` with the thread's hooks, if it is in a scope.
#[inline]
fn with_hooks(f: impl FnOnce(&dyn GcHooks)) -> bool {
    CURRENT
        .try_with(|c| match c.get() {
            Some(hooks) => {
                // SAFETY: a non-null pointer was set by `enter` from an
                // `Arc` that the scope holds until it restores the previous
                // value, so the hooks are alive; they are only borrowed
                // shared.
                let hooks = unsafe { hooks.as_ref() };
                f(hooks);
                true
            }
            None => false,
        })
        .unwrap_or(false)
}

/// Whether the calling thread announces its objects to a collector.
#[inline]
pub(crate) fn has_collector() -> bool {
    with_hooks(|_| ())
}

/// Announces a new GC object (from `ObjRef::new`), tracked or only
/// counted.
#[inline]
pub(crate) fn note_allocated(links: NonNull<GcLinks>, tracked: bool) {
    with_hooks(|h| {
        if tracked {
            h.allocated(links)
        } else {
            h.allocated_untracked(links)
        }
    });
}

/// Asks the thread's collector to track a live object that is untracked
/// now (see [`GcHooks::track`], whose contract the caller keeps). On a
/// thread with no scope the object stays untracked, as an object
/// allocated there is: a cycle through it is not collected (a leak, never
/// a wrong free: an untracked object's references count as external).
#[inline]
pub(crate) fn note_track(links: NonNull<GcLinks>) {
    with_hooks(|h| h.track(links));
}

/// Announces a dying GC object (from `free`), or unlinks it in place when
/// the thread has no scope.
#[inline]
pub(crate) fn note_freeing(links: NonNull<GcLinks>) {
    if !with_hooks(|h| h.freeing(links)) {
        // SAFETY: `links` belong to an object that is about to be freed,
        // which no one else reaches; see the module invariants for why
        // unlinking by the links alone is correct here.
        unsafe { untrack_in_place(links) };
    }
}

/// The low bits a collector may keep in `GcLinks::prev` (CPython's
/// `_PyGC_PREV_MASK_FINALIZED` and `_PyGC_PREV_MASK_COLLECTING`).
pub const PREV_FLAG_BITS: usize = 0b11;

/// The low bit a collector may keep in `GcLinks::next` while it sorts
/// objects (CPython's `NEXT_MASK_UNREACHABLE`).
pub const NEXT_FLAG_BITS: usize = 0b1;

/// The value of `GcLinks::next` (an address no object has) for an object
/// tracked in a free-threaded collector's *table* rather than on a list:
/// its `prev` then holds the address of its slot, an
/// `ftl_core::sync::AtomicPtr<()>` that holds the links' address
/// (see `ftl-gc`'s `table` module). It leaves the table by a null store
/// into that slot.
pub const TABLED: usize = 0b10;

/// Whether a `next` word is [`TABLED`].
#[inline]
pub fn is_tabled(next: *mut ()) -> bool {
    next.addr() == TABLED
}

/// Unlinks a tracked object from the doubly linked list it is on, by its
/// links alone, and marks it untracked (`next` null); does nothing to an
/// untracked one. The flag bits of the neighbours' words are kept. An
/// object in a table ([`TABLED`]) leaves it by a null store into its slot.
///
/// # Safety
/// `links` are an object's live links; if it is on a list, its neighbours
/// are live links of the same list (a list whose `prev` words are pointers,
/// not a collector's scratch counts), and no other thread touches them; if
/// it is tabled, its slot is alive (its collector is).
pub unsafe fn untrack_in_place(links: NonNull<GcLinks>) {
    // SAFETY: live links (caller).
    let me = unsafe { links.as_ref() };
    let next = me.next.load(Ordering::Relaxed);
    if next.is_null() {
        return;
    }
    if is_tabled(next) {
        let slot = me.prev.load(Ordering::Relaxed);
        // SAFETY: a tabled object's `prev` is the address of its live slot
        // (caller); a slot is an atomic, so a store from any thread is
        // sound, and only this object's death writes null to it.
        unsafe {
            (*slot.cast::<ftl_core::sync::AtomicPtr<()>>())
                .store(core::ptr::null_mut(), Ordering::Relaxed)
        };
        me.prev.store(core::ptr::null_mut(), Ordering::Relaxed);
        me.next.store(core::ptr::null_mut(), Ordering::Relaxed);
        return;
    }
    // The neighbours' addresses as stored, so the words written below keep
    // the provenance of whole objects (the collector steps from links to
    // header), not of a reference to 16 bytes of links.
    let next_raw = next.map_addr(|a| a & !NEXT_FLAG_BITS);
    let prev_raw = me
        .prev
        .load(Ordering::Relaxed)
        .map_addr(|a| a & !PREV_FLAG_BITS);
    // SAFETY: a tracked object's neighbours are live links of its list
    // (caller); the references only reach their fields.
    let (prev, next) = unsafe { (&*prev_raw.cast::<GcLinks>(), &*next_raw.cast::<GcLinks>()) };
    let prev_next_flags = prev.next.load(Ordering::Relaxed).addr() & NEXT_FLAG_BITS;
    prev.next.store(
        next_raw.map_addr(|a| a | prev_next_flags),
        Ordering::Relaxed,
    );
    let next_prev_flags = next.prev.load(Ordering::Relaxed).addr() & PREV_FLAG_BITS;
    next.prev.store(
        prev_raw.map_addr(|a| a | next_prev_flags),
        Ordering::Relaxed,
    );
    me.next.store(core::ptr::null_mut(), Ordering::Relaxed);
    let my_flags = me.prev.load(Ordering::Relaxed).addr() & PREV_FLAG_BITS;
    me.prev.store(
        core::ptr::without_provenance_mut(my_flags),
        Ordering::Relaxed,
    );
}
