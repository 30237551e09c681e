//! Object locking: per-object critical sections for container contents.
//!
//! Under a GIL, the interpreter lock already serialises every access to a
//! list's items or a dict's table, so a container needs no lock of its own.
//! A free-threaded interpreter (PEP 703, "Per-Object Locks") gives each
//! container a small mutex and wraps every access to its contents in a
//! *critical section*; an operation on two containers (`a.extend(b)`, dict
//! merge) locks both, always in address order so that two threads locking
//! the same pair cannot deadlock.
//!
//! This module is the raw protocol ([`RawObjectLock`], in the shape of
//! `lock_api::RawMutex`) plus safe guards on top ([`CriticalSection`],
//! [`CriticalSection2`]). [`NoLock`] is the GIL implementation: a zero-sized
//! type whose operations compile to nothing. A real lock lives in
//! `ftl-heap`.
//!
//! # Invariant for code inside a critical section
//!
//! Code that holds a critical section must not run user code and must not
//! drop an object reference whose release could run user code (a finalizer):
//! user code may re-enter the same container, which would deadlock on a real
//! lock and alias the contents under [`NoLock`]. Containers move displaced
//! references out of the section and drop them after it ends, as CPython
//! does with `Py_XDECREF` after `list_ass_item`.

#![allow(unsafe_code)] // the raw object-lock trait, called from its critical-section guards

/// A lock that guards one object's contents.
///
/// # Safety
///
/// If [`EXCLUSIVE`](RawObjectLock::EXCLUSIVE) is `true`, between a `lock` (or
/// successful `try_lock`) and the matching `unlock` no other thread holds the
/// lock, and `unlock` *happens-before* the next acquisition. If it is
/// `false`, the lock provides no exclusion and the caller must serialise
/// accesses by other means (a GIL).
pub unsafe trait RawObjectLock: Sized {
    /// Whether the lock really excludes other threads.
    const EXCLUSIVE: bool;

    /// A new, unlocked lock.
    fn new() -> Self;

    /// Blocks until the lock is held.
    fn lock(&self);

    /// Takes the lock if free; `true` on success.
    fn try_lock(&self) -> bool;

    /// Releases the lock.
    ///
    /// # Safety
    /// The current thread holds the lock.
    unsafe fn unlock(&self);
}

/// The GIL's object lock: no lock at all, zero bytes, zero instructions.
///
/// It is `Send` but not `Sync`: it excludes nothing, so whatever it
/// "guards" must never be reachable from two threads at once, and a type
/// holding one (a container's `Locked` cell, `ftl-object`'s `Exclusive`)
/// must not be `Sync` through it. (Under a GIL, sharing is asserted once,
/// with the GIL as the argument: `ftl_gil::Handover`.)
#[derive(Debug, Default, Clone, Copy)]
pub struct NoLock(core::marker::PhantomData<core::cell::Cell<()>>);

// SAFETY: `EXCLUSIVE` is false: NoLock promises no exclusion; callers must
// serialise (under a GIL).
unsafe impl RawObjectLock for NoLock {
    const EXCLUSIVE: bool = false;
    #[inline(always)]
    fn new() -> Self {
        NoLock(core::marker::PhantomData)
    }
    #[inline(always)]
    fn lock(&self) {}
    #[inline(always)]
    fn try_lock(&self) -> bool {
        true
    }
    #[inline(always)]
    unsafe fn unlock(&self) {}
}

/// A held critical section on one object; unlocks on drop.
#[must_use = "the critical section ends when this guard is dropped"]
pub struct CriticalSection<'a, L: RawObjectLock> {
    lock: &'a L,
}

impl<'a, L: RawObjectLock> CriticalSection<'a, L> {
    /// Enters a critical section on `lock`.
    #[inline]
    pub fn enter(lock: &'a L) -> Self {
        lock.lock();
        CriticalSection { lock }
    }
}

impl<L: RawObjectLock> Drop for CriticalSection<'_, L> {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: this guard took the lock in `enter` and releases it once.
        unsafe { self.lock.unlock() }
    }
}

/// A held critical section on two objects, taken in address order; when both
/// are the same object it is locked once.
#[must_use = "the critical section ends when this guard is dropped"]
pub struct CriticalSection2<'a, L: RawObjectLock> {
    first: &'a L,
    second: Option<&'a L>,
}

impl<'a, L: RawObjectLock> CriticalSection2<'a, L> {
    /// Enters a critical section on both locks (lower address first).
    #[inline]
    pub fn enter(a: &'a L, b: &'a L) -> Self {
        let (pa, pb) = (a as *const L as usize, b as *const L as usize);
        if pa == pb {
            a.lock();
            return CriticalSection2 {
                first: a,
                second: None,
            };
        }
        let (first, second) = if pa < pb { (a, b) } else { (b, a) };
        first.lock();
        second.lock();
        CriticalSection2 {
            first,
            second: Some(second),
        }
    }
}

impl<L: RawObjectLock> Drop for CriticalSection2<'_, L> {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: `enter` locked `second` (if distinct) and `first`; each is
        // released once, in reverse order.
        unsafe {
            if let Some(second) = self.second {
                second.unlock();
            }
            self.first.unlock();
        }
    }
}
