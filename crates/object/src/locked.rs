//! [`Locked`]: container contents reachable only inside a critical section.
//!
//! Every mutable container of the object model (list, dict, set) keeps its
//! contents in a `Locked<P::Lock, T>`. The only way to reach the contents is
//! `Locked::with` (one object) or `Locked::with2` (two objects, locked
//! in address order), which enter a critical section of the heap's object
//! lock ([`ftl_core::RawObjectLock`]). Under the GIL heap that lock is
//! `NoLock` and costs nothing; under a free-threaded heap it is a real
//! per-object mutex, as in PEP 703. The container types never name the lock:
//! that is what lets a free-threaded heap plug in without touching them.
//!
//! This is one of the two modules of the crate that may use `unsafe`.
//!
//! # Invariants
//!
//! * The closure given to `with`/`with2` runs no user code: it is
//!   `pub(crate)`, and this crate does not know the VM. On a free-threaded
//!   heap a reference it drops may free an object, and a finalizer that
//!   falls due then waits for the end of the thread's outermost section
//!   (`ftl_core::lock`'s stack of sections); re-entering the container
//!   panics. On the GIL heap (`NoLock`) those sections are not on the
//!   stack (it cost 5–10% there, see `ftl_core::lock`), so callers move
//!   displaced references out and drop them after the section ends
//!   (CPython's `Py_XDECREF` after `list_ass_item`): that rule, and the
//!   closures' not re-entering, are upheld by review on that heap.
//! * A closure that is the caller's code goes through `with_tracked`
//!   (`Exclusive::update`, `Exclusive::take`): the section is on the stack
//!   under every lock, so re-entry panics before a second `&mut` to the
//!   contents exists, even under `NoLock`, which excludes nothing.
//! * With a lock that is not exclusive (`NoLock`), exclusion comes from the
//!   heap not being shared: objects of such a heap are `!Send`/`!Sync`, and
//!   `NoLock` itself is `!Sync`, so a `Locked` over it is `!Sync` too; only
//!   one thread — the GIL holder, in a GIL runtime — can reach them.
//!
//! [`ObjRef`]: crate::ObjRef

#![allow(unsafe_code)] // the critical-section cell

use core::cell::UnsafeCell;
use ftl_core::{CriticalSection, CriticalSection2, RawObjectLock};

/// Contents guarded by an object lock.
pub struct Locked<L: RawObjectLock, T> {
    lock: L,
    data: UnsafeCell<T>,
}

// SAFETY: the data is only reached inside a critical section of `lock`;
// when the lock is exclusive that serialises all access. The one lock that
// is not, `NoLock`, is not `Sync`, so this impl never applies to it: a
// `Locked` (or an `Exclusive`) over it cannot be shared between threads.
unsafe impl<L: RawObjectLock + Sync, T: Send> Sync for Locked<L, T> {}

impl<L: RawObjectLock, T> Locked<L, T> {
    /// Wraps `data` with a new, unlocked lock.
    pub fn new(data: T) -> Self {
        Locked {
            lock: L::new(),
            data: UnsafeCell::new(data),
        }
    }

    /// Runs `f` with exclusive access to the contents, in a critical section.
    /// See the module invariants for what `f` may not do.
    #[inline]
    pub(crate) fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        let _cs = CriticalSection::enter(&self.lock);
        // SAFETY: inside the critical section no other thread reaches the
        // data (exclusive lock, or an unshared heap), and this thread does
        // not enter it again while the section lasts (the stack panics on
        // re-entry under an exclusive lock; under `NoLock` the crate's own
        // closures do not re-enter: module invariants), so this is the
        // only live reference.
        f(unsafe { &mut *self.data.get() })
    }

    /// [`with`](Self::with) for a closure that is the caller's code (a
    /// public API): the section goes on the thread's stack even under
    /// `NoLock`, so re-entering it panics instead of aliasing the contents.
    #[inline]
    pub(crate) fn with_tracked<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        let _cs = CriticalSection::enter_tracked(&self.lock);
        // SAFETY: as in `with`; the tracked section refuses re-entry under
        // any lock.
        f(unsafe { &mut *self.data.get() })
    }

    /// Runs `f` with exclusive access to the contents of two *distinct*
    /// containers, both locked (in address order). Returns `None` without
    /// running `f` when `self` and `other` are the same container; callers
    /// handle that case separately.
    #[inline]
    pub(crate) fn with2<R>(&self, other: &Self, f: impl FnOnce(&mut T, &mut T) -> R) -> Option<R> {
        if core::ptr::eq(self, other) {
            return None;
        }
        let _cs = CriticalSection2::enter(&self.lock, &other.lock);
        // SAFETY: both locks are held and the containers are distinct, so
        // these are the only live references to either contents.
        Some(f(unsafe { &mut *self.data.get() }, unsafe {
            &mut *other.data.get()
        }))
    }

    /// Unique access without locking, through a unique borrow.
    pub fn get_mut(&mut self) -> &mut T {
        self.data.get_mut()
    }
}
