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
//! # The thread's stack of sections
//!
//! As PEP 703 keeps a stack of each thread's active critical sections
//! (`PyThreadState.critical_section`, `Python/critical_section.c`), a guard
//! here pushes its lock on the calling thread's stack
//! ([`in_critical_section`]) and pops it when it ends. It does so for every
//! section of a lock that excludes (the free-threaded heaps), and under
//! [`NoLock`] only for sections entered with
//! [`CriticalSection::enter_tracked`]: the public closure APIs
//! (`ftl-object`'s `Exclusive::update`), whose bodies are the caller's
//! code. The GIL heap's container sections run only the object model's own
//! closures, and there the stack cost 5–10% of the time of list-heavy
//! programs (fannkuch, float: interleaved A/B), against nothing for
//! CPython's GIL build, where critical sections compile away; so on the GIL
//! heap the rules below hold for those sections by review, as before. On a
//! free-threaded heap the stack gives three guarantees that would
//! otherwise rest on review:
//!
//! * **No re-entry.** Entering a section on a lock the thread already holds
//!   panics. On a real lock re-entry would deadlock the thread on itself;
//!   on [`NoLock`], which excludes nothing, it would hand out a second
//!   `&mut` to contents already borrowed — undefined behaviour from safe
//!   code. (A section on a *different* object inside a section is allowed:
//!   an iterator locks itself, then its container.)
//! * **No user code inside a section.** An object that dies inside a
//!   section with a finalizer due (`__del__`, weakref callbacks) is not
//!   finalized there: the object model resurrects it and queues it with
//!   [`defer_until_sections_end`], and it is finalized on the same thread
//!   as soon as the thread's outermost section ends, with no lock held.
//!   So a section never runs Python code, never blocks on anything but a
//!   second object lock, and never reaches a safe point.
//! * **No detach inside a section.** [`in_critical_section`] lets the
//!   interpreter check that a thread that detaches (to block, to park for a
//!   stop of the world) holds no section.
//!
//! **PEP 703's suspension is replaced, not copied.** CPython runs code
//! that may block inside sections (a `__eq__` in a dict lookup, a
//! comparison in `list.sort`, a `__del__`), so a thread that blocks there
//! releases its sections and takes them back after
//! (`_PyCriticalSection_SuspendAll` on detach): otherwise two threads each
//! holding one object and waiting for the other's would deadlock. Here the
//! closure of a section holds `&mut` to the contents, so releasing the lock
//! in the middle of it would let another thread write under that borrow.
//! Instead nothing that can block runs inside a section (above), so there
//! is nothing to suspend: the only waits inside a section are for a second
//! object lock, which [`CriticalSection2`] takes in address order, and for
//! a container's lock inside its iterator's, an order nothing reverses.
//! Containers still move displaced references out and drop them after the
//! section (as CPython does with `Py_XDECREF` after `list_ass_item`): that
//! keeps deallocation work out of the locked region, though it is no longer
//! what keeps finalizers out.

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

// ---------------------------------------------------------------------------
// The calling thread's stack of active sections.

/// How many locks one thread may hold in sections at once: a two-object
/// section inside an iterator's is three; more is a bug.
const MAX_HELD: usize = 4;

/// Work put off until the thread's outermost section ends: a pointer and
/// the function to call with it.
type Deferred = (core::ptr::NonNull<()>, unsafe fn(core::ptr::NonNull<()>));

/// One thread's active sections (see the module docs): plain cells with a
/// constant initializer and no destructor, so that reaching them is one
/// thread-pointer-relative address on the hot path, with no lazy
/// initialisation or destructor-registration check.
struct Stack {
    /// The addresses of the locks held, innermost last.
    held: [core::cell::Cell<usize>; MAX_HELD],
    depth: core::cell::Cell<usize>,
    /// Whether `DEFERRED` may be non-empty (read on every outermost exit).
    has_deferred: core::cell::Cell<bool>,
}

impl Stack {
    const fn new() -> Self {
        Stack {
            held: [const { core::cell::Cell::new(0) }; MAX_HELD],
            depth: core::cell::Cell::new(0),
            has_deferred: core::cell::Cell::new(false),
        }
    }

    /// Pushes one lock, refusing one already held.
    #[inline(always)]
    fn push1(&self, a: usize) {
        let depth = self.depth.get();
        if depth != 0 {
            self.refuse_reentry(depth, a, a);
        }
        if depth >= MAX_HELD {
            too_deep();
        }
        self.held[depth].set(a);
        self.depth.set(depth + 1);
    }

    /// Pushes two distinct locks, refusing either if already held.
    #[inline(always)]
    fn push2(&self, a: usize, b: usize) {
        let depth = self.depth.get();
        if depth != 0 {
            self.refuse_reentry(depth, a, b);
        }
        if depth + 2 > MAX_HELD {
            too_deep();
        }
        self.held[depth].set(a);
        self.held[depth + 1].set(b);
        self.depth.set(depth + 2);
    }

    #[cold]
    #[inline(never)]
    fn refuse_reentry(&self, depth: usize, a: usize, b: usize) {
        if self.held[..depth.min(MAX_HELD)]
            .iter()
            .any(|h| h.get() == a || h.get() == b)
        {
            panic!(
                "a critical section was entered on an object whose section this \
                 thread already holds (re-entry would deadlock, or alias the \
                 contents under NoLock)"
            );
        }
    }

    /// Pops `n` locks; at the outermost exit, runs the deferred work.
    #[inline(always)]
    fn pop(&self, n: usize) {
        let depth = self.depth.get() - n;
        self.depth.set(depth);
        if depth == 0 && self.has_deferred.get() {
            self.run_deferred();
        }
    }

    #[cold]
    #[inline(never)]
    fn run_deferred(&self) {
        if std::thread::panicking() {
            return; // a bug is unwinding: leak rather than run user code
        }
        loop {
            self.has_deferred.set(false);
            let batch = DEFERRED
                .try_with(|d| core::mem::take(&mut *d.borrow_mut()))
                .unwrap_or_default();
            if batch.is_empty() {
                return;
            }
            for (ptr, run) in batch {
                // SAFETY: `defer_until_sections_end`'s caller promised that
                // `run(ptr)` is sound once no section is held, as now.
                unsafe { run(ptr) };
            }
        }
    }
}

#[cold]
#[inline(never)]
fn too_deep() -> ! {
    panic!("more than {MAX_HELD} object locks held at once by one thread");
}

#[cfg(not(loom))]
std::thread_local! {
    static STACK: Stack = const { Stack::new() };
    /// The work deferred to the end of the outermost section (cold).
    static DEFERRED: core::cell::RefCell<Vec<Deferred>> =
        const { core::cell::RefCell::new(Vec::new()) };
}
#[cfg(loom)]
loom::thread_local! {
    static STACK: Stack = Stack::new();
    static DEFERRED: core::cell::RefCell<Vec<Deferred>> = core::cell::RefCell::new(Vec::new());
}

/// Whether the calling thread holds a critical section.
#[inline]
pub fn in_critical_section() -> bool {
    STACK.with(|s| s.depth.get() != 0)
}

/// Runs `run(ptr)` on this thread once its outermost critical section ends
/// (at once if it holds none). The object model defers a finalizer that
/// falls due inside a section this way.
///
/// # Safety
/// `run(ptr)` must be sound to call on this thread at that point, once.
pub unsafe fn defer_until_sections_end(
    ptr: core::ptr::NonNull<()>,
    run: unsafe fn(core::ptr::NonNull<()>),
) {
    let queued = STACK.with(|s| {
        s.depth.get() != 0
            && DEFERRED
                .try_with(|d| d.borrow_mut().push((ptr, run)))
                .is_ok()
            && {
                s.has_deferred.set(true);
                true
            }
    });
    if !queued {
        // SAFETY: forwarded; no section is held (or the thread's deferred
        // list is gone, which happens only as the thread ends).
        unsafe { run(ptr) }
    }
}

/// The stack key of a lock: its address.
#[inline]
fn key<L>(lock: &L) -> usize {
    lock as *const L as usize
}

// ---------------------------------------------------------------------------
// The guards.

/// A held critical section on one object; unlocks on drop.
#[must_use = "the critical section ends when this guard is dropped"]
pub struct CriticalSection<'a, L: RawObjectLock> {
    lock: &'a L,
    /// Whether the section is on the thread's stack (see the module docs).
    tracked: bool,
}

impl<'a, L: RawObjectLock> CriticalSection<'a, L> {
    /// Enters a critical section on `lock`; on the thread's stack when the
    /// lock excludes (a free-threaded heap's).
    ///
    /// # Panics
    /// If the lock excludes and the calling thread already holds a section
    /// on it.
    #[inline]
    pub fn enter(lock: &'a L) -> Self {
        Self::enter_with(lock, L::EXCLUSIVE)
    }

    /// Enters a critical section on `lock`, on the thread's stack whatever
    /// the lock: for a section whose body is the caller's code (a public
    /// closure API), which under [`NoLock`] would otherwise be free to
    /// re-enter it.
    ///
    /// # Panics
    /// If the calling thread already holds a tracked section on `lock`.
    #[inline]
    pub fn enter_tracked(lock: &'a L) -> Self {
        Self::enter_with(lock, true)
    }

    #[inline(always)]
    fn enter_with(lock: &'a L, tracked: bool) -> Self {
        if tracked {
            STACK.with(|s| s.push1(key(lock)));
        }
        lock.lock();
        CriticalSection { lock, tracked }
    }
}

impl<L: RawObjectLock> Drop for CriticalSection<'_, L> {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: this guard took the lock in `enter` and releases it once.
        unsafe { self.lock.unlock() }
        if self.tracked {
            STACK.with(|s| s.pop(1));
        }
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
    ///
    /// # Panics
    /// If the calling thread already holds a section on either lock.
    #[inline]
    pub fn enter(a: &'a L, b: &'a L) -> Self {
        let (pa, pb) = (key(a), key(b));
        if pa == pb {
            if L::EXCLUSIVE {
                STACK.with(|s| s.push1(pa));
            }
            a.lock();
            return CriticalSection2 {
                first: a,
                second: None,
            };
        }
        let (first, second) = if pa < pb { (a, b) } else { (b, a) };
        if L::EXCLUSIVE {
            STACK.with(|s| s.push2(pa, pb));
        }
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
        if L::EXCLUSIVE {
            let held = if self.second.is_some() { 2 } else { 1 };
            STACK.with(|s| s.pop(held));
        }
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use core::ptr::NonNull;
    use std::cell::Cell;

    std::thread_local! {
        static RAN: Cell<usize> = const { Cell::new(0) };
    }

    unsafe fn bump(_: NonNull<()>) {
        RAN.with(|r| r.set(r.get() + 1));
    }

    fn ran() -> usize {
        RAN.with(Cell::get)
    }

    /// A lock that excludes, so that its sections are tracked.
    struct TestLock(core::sync::atomic::AtomicBool);

    // SAFETY: a test-and-set spin lock: exclusive, and the Release store
    // of `unlock` happens-before the next Acquire swap that takes it.
    unsafe impl RawObjectLock for TestLock {
        const EXCLUSIVE: bool = true;
        fn new() -> Self {
            TestLock(core::sync::atomic::AtomicBool::new(false))
        }
        fn lock(&self) {
            while !self.try_lock() {
                std::hint::spin_loop();
            }
        }
        fn try_lock(&self) -> bool {
            !self.0.swap(true, core::sync::atomic::Ordering::Acquire)
        }
        unsafe fn unlock(&self) {
            self.0.store(false, core::sync::atomic::Ordering::Release);
        }
    }

    #[test]
    fn deferred_work_runs_when_the_outermost_section_ends() {
        let (a, b) = (TestLock::new(), TestLock::new());
        let start = ran();
        // SAFETY: `bump` is sound anywhere.
        unsafe { defer_until_sections_end(NonNull::dangling(), bump) };
        assert_eq!(ran(), start + 1, "no section held: at once");
        {
            let _outer = CriticalSection::enter(&a);
            assert!(in_critical_section());
            {
                let _inner = CriticalSection::enter(&b);
                // SAFETY: as above.
                unsafe { defer_until_sections_end(NonNull::dangling(), bump) };
            }
            assert_eq!(ran(), start + 1, "an inner section's end waits");
        }
        assert_eq!(ran(), start + 2, "the outermost section's end runs it");
        assert!(!in_critical_section());
    }

    #[test]
    fn a_pair_section_pushes_both_locks_and_pops_both() {
        let (a, b) = (TestLock::new(), TestLock::new());
        {
            let _pair = CriticalSection2::enter(&a, &b);
            let again = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let _ = CriticalSection::enter(&b);
            }));
            assert!(again.is_err(), "the pair's second lock is held");
        }
        assert!(!in_critical_section(), "both popped");
        let _a = CriticalSection::enter(&a);
        let _b = CriticalSection::enter(&b);
    }

    #[test]
    #[should_panic(expected = "already holds")]
    fn the_same_lock_twice_panics() {
        let a = TestLock::new();
        let _outer = CriticalSection::enter(&a);
        let _inner = CriticalSection::enter(&a);
    }

    #[test]
    #[should_panic(expected = "already holds")]
    fn a_tracked_section_of_no_lock_refuses_reentry() {
        let a = NoLock::new();
        let _outer = CriticalSection::enter_tracked(&a);
        let _inner = CriticalSection::enter_tracked(&a);
    }

    #[test]
    fn untracked_no_lock_sections_cost_nothing_on_the_stack() {
        let a = NoLock::new();
        let _s = CriticalSection::enter(&a);
        let _pair = CriticalSection2::enter(&a, &a);
        assert!(!in_critical_section());
    }
}
