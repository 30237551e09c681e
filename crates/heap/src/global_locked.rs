//! The `global-locked` refcount strategy: every count under one
//! process-wide lock, as in Greg Stein's 1996 free-threading patch.
//!
//! Stein's patch for Python 1.4 removed the interpreter lock and made the
//! rest of the interpreter thread-safe by hand: each mutable built-in
//! object (lists, dicts) got its own lock, and `Py_INCREF` / `Py_DECREF`,
//! which are everywhere, were made safe in the cheapest way that worked on
//! every platform of the day:
//!
//! * on **Linux and other POSIX systems** (this module) the patch guarded
//!   every reference-count change with **one process-wide mutex**: lock,
//!   add or subtract, unlock. There was no portable atomic instruction to
//!   use from C in 1996 (no `<stdatomic.h>`, no GCC `__sync` builtins
//!   until 2005), and a pthread mutex was the portable primitive;
//! * on **Windows** it used the `InterlockedIncrement` /
//!   `InterlockedDecrement` calls, i.e. atomic counts — which is what the
//!   `ft-atomic` runtime already measures.
//!
//! We build the Linux variant because it is the one that is *different*:
//! it is the only design in the lab where threads that share no objects at
//! all still serialise on a single lock for every reference they copy. The
//! published measurements of the patch (about 2x slower single-threaded in
//! Beazley's retelling, "at least 30%" or more in other accounts, a
//! 4-7x slowdown for two threads on the benchmarks Stein was sent) come
//! from that lock, and `docs/free-threading.md` sets ours beside them.
//!
//! # Protocol
//!
//! * `incref` / `decref` / `count` / `is_immortal`: take the global lock,
//!   read or write the object's plain count, release. Immortal counts
//!   (PEP 683, which Stein's patch did not have; ftl's shared singletons
//!   need it) are checked under the lock like any other: reading a count
//!   outside the lock could race with a writer.
//! * The thread that moves a count from 1 to 0 is told to free the object.
//!   Its lock acquisition came after every other thread's release of the
//!   same lock for that object, so everything they did through their
//!   references happens-before the free (mutex acquire/release ordering:
//!   no fence is needed).
//!
//! # Invariants
//!
//! 1. A count cell is read or written only while the calling thread holds
//!    [`refcount_lock`].
//! 2. Nothing runs under the lock but the count arithmetic: no allocation,
//!    no user code, no other lock (so it can never be part of a deadlock).
//!
//! The loom models at the bottom check both drops of the last two
//! references (exactly one free, after seeing the other thread's writes)
//! and concurrent increments (none lost); with the lock taken out, loom
//! reports the unsynchronised access to the cell.

#![allow(unsafe_code)] // the count cell is an UnsafeCell guarded by the lock; unsafe impl RefCount

use ftl_core::sync::UnsafeCell;
use ftl_core::{RefCount, IMMORTAL_COUNT};

ftl_core::global_raw_mutex! {
    /// The one lock under which every count of the `global-locked`
    /// strategy changes (Stein's Linux refcount mutex).
    pub fn refcount_lock
}

/// Reference counts under one process-wide lock (see the module docs).
#[derive(Debug, Clone, Copy)]
pub enum GlobalLocked {}

/// One object's count: a plain word, touched only under [`refcount_lock`].
#[derive(Debug)]
pub struct LockedCount(UnsafeCell<usize>);

// SAFETY: invariant 1: the cell is accessed only while `refcount_lock` is
// held, which serialises every access and orders each after the previous
// holder's.
unsafe impl Sync for LockedCount {}
// SAFETY: a count moves between threads with the object it belongs to;
// the word itself has no thread affinity.
unsafe impl Send for LockedCount {}

impl LockedCount {
    /// Runs `f` on the count with the global lock held.
    #[inline(always)]
    fn with_locked<R>(&self, f: impl FnOnce(&mut usize) -> R) -> R {
        let lock = refcount_lock();
        lock.lock();
        // SAFETY: invariant 1: the lock is held, so no other thread reads
        // or writes any count until it is released below; `f` is count
        // arithmetic that neither panics nor takes a lock (invariant 2).
        let r = self.0.with_mut(|p| f(unsafe { &mut *p }));
        // SAFETY: locked just above by this thread.
        unsafe { lock.unlock() };
        r
    }
}

// SAFETY: counts start at one and move by one, each change made under the
// one lock, so no change is lost; exactly one decref sees the 1 -> 0
// transition, and it acquired the lock after every earlier decref released
// it, so all accesses made through the other references happen-before the
// free; immortal cells are never written. Thread-safe.
unsafe impl RefCount for GlobalLocked {
    type Cell = LockedCount;
    const NAME: &'static str = "global-locked";
    const THREAD_SAFE: bool = true;

    #[inline]
    fn new_cell() -> LockedCount {
        LockedCount(UnsafeCell::new(1))
    }

    fn immortal_cell() -> LockedCount {
        LockedCount(UnsafeCell::new(IMMORTAL_COUNT))
    }

    #[inline]
    fn incref(cell: &LockedCount) {
        cell.with_locked(|n| {
            if *n < IMMORTAL_COUNT {
                *n += 1;
            }
        })
    }

    #[inline]
    fn try_incref(cell: &LockedCount) -> bool {
        cell.with_locked(|n| {
            if *n == 0 {
                return false;
            }
            if *n < IMMORTAL_COUNT {
                *n += 1;
            }
            true
        })
    }

    #[inline]
    fn decref(cell: &LockedCount) -> bool {
        cell.with_locked(|n| {
            if *n >= IMMORTAL_COUNT {
                return false;
            }
            *n -= 1;
            *n == 0
        })
    }

    #[inline]
    fn count(cell: &LockedCount) -> usize {
        cell.with_locked(|n| (*n).min(IMMORTAL_COUNT))
    }

    #[inline]
    fn is_immortal(cell: &LockedCount) -> bool {
        cell.with_locked(|n| *n >= IMMORTAL_COUNT)
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn counts_move_by_one_and_the_last_decref_frees() {
        let c = GlobalLocked::new_cell();
        GlobalLocked::incref(&c);
        assert_eq!(GlobalLocked::count(&c), 2);
        assert!(!GlobalLocked::decref(&c));
        assert!(GlobalLocked::decref(&c));
    }

    #[test]
    fn immortal_cells_are_never_written() {
        let c = GlobalLocked::immortal_cell();
        GlobalLocked::incref(&c);
        assert!(!GlobalLocked::decref(&c));
        assert!(GlobalLocked::is_immortal(&c));
        assert_eq!(GlobalLocked::count(&c), IMMORTAL_COUNT);
    }

    #[test]
    fn no_increment_is_lost_between_real_threads() {
        const N: usize = if cfg!(miri) { 100 } else { 100_000 };
        let c = GlobalLocked::new_cell();
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for _ in 0..N {
                        GlobalLocked::incref(&c);
                    }
                });
            }
        });
        assert_eq!(GlobalLocked::count(&c), 1 + 4 * N);
    }
}

#[cfg(all(test, loom))]
mod loom_tests {
    use super::*;
    use ftl_core::sync::{model, thread, Arc};

    #[test]
    fn global_locked_frees_exactly_once_after_both_drops() {
        model(crate::atomic::loom_tests::last_two_drops::<GlobalLocked>);
    }

    #[test]
    fn global_locked_loses_no_increment() {
        model(|| {
            let c = Arc::new(GlobalLocked::new_cell());
            let c2 = c.clone();
            let t = thread::spawn(move || GlobalLocked::incref(&c2));
            GlobalLocked::incref(&c);
            t.join().unwrap();
            assert_eq!(GlobalLocked::count(&c), 3);
        });
    }
}
