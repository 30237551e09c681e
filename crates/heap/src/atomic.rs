//! The `atomic` refcount strategy: one atomic word per object.
//!
//! The simplest thread-safe refcount, and the first thing the Gilectomy
//! tried: `Py_INCREF` becomes an atomic increment and `Py_DECREF` an atomic
//! decrement, so any thread may count any object. Its cost is the cost of a
//! locked instruction on every reference copy, and, when threads share an
//! object, the cache line bouncing between cores — what the lab measures.
//!
//! # Protocol (the same as `Arc`'s)
//!
//! * `incref`: `fetch_add(1, Relaxed)`. A thread can only add a reference
//!   through one it already holds, so no ordering is needed.
//! * `decref`: `fetch_sub(1, Release)`; the thread that takes the count from
//!   1 to 0 then issues an `Acquire` fence before freeing, so every access
//!   made through the other references happens-before the free. (In the
//!   ThreadSanitizer build, which does not model fences, an `Acquire` load
//!   of the count stands in for it, as in std's `Arc`.)
//! * Immortal cells (PEP 683) hold [`IMMORTAL_COUNT`] and are never
//!   written: both operations load first and return if the cell is
//!   immortal, so shared singletons cause no cache-line traffic.
//!
//! The loom model below checks that when two threads drop the last two
//! references, exactly one frees, after seeing the other's writes.

#![allow(unsafe_code)] // unsafe impl RefCount

#[cfg(not(ftl_tsan))]
use ftl_core::sync::fence;
use ftl_core::sync::{AtomicUsize, Ordering};
use ftl_core::{RefCount, IMMORTAL_COUNT};

/// Atomic reference counts.
#[derive(Debug, Clone, Copy)]
pub enum Atomic {}

// SAFETY: counts start at one and move by one with atomic RMWs; exactly one
// decref observes the 1 -> 0 transition, and its Acquire fence pairs with
// every other decref's Release, so all earlier accesses happen-before the
// free; immortal cells are only loaded, never written. Thread-safe.
unsafe impl RefCount for Atomic {
    type Cell = AtomicUsize;
    const NAME: &'static str = "atomic";
    const THREAD_SAFE: bool = true;

    #[inline]
    fn new_cell() -> AtomicUsize {
        AtomicUsize::new(1)
    }

    fn immortal_cell() -> AtomicUsize {
        AtomicUsize::new(IMMORTAL_COUNT)
    }

    #[inline]
    fn incref(cell: &AtomicUsize) {
        if cell.load(Ordering::Relaxed) >= IMMORTAL_COUNT {
            return;
        }
        cell.fetch_add(1, Ordering::Relaxed);
    }

    /// A compare-and-swap loop that never moves a count up from zero: the
    /// `decref` that reached zero is the last word on the object.
    #[inline]
    fn try_incref(cell: &AtomicUsize) -> bool {
        let mut n = cell.load(Ordering::Relaxed);
        loop {
            if n == 0 {
                return false;
            }
            if n >= IMMORTAL_COUNT {
                return true;
            }
            match cell.compare_exchange_weak(n, n + 1, Ordering::Relaxed, Ordering::Relaxed) {
                Ok(_) => return true,
                Err(now) => n = now,
            }
        }
    }

    #[inline]
    fn decref(cell: &AtomicUsize) -> bool {
        if cell.load(Ordering::Relaxed) >= IMMORTAL_COUNT {
            return false;
        }
        if cell.fetch_sub(1, Ordering::Release) != 1 {
            return false;
        }
        // ThreadSanitizer does not model standalone fences, so in the TSan
        // build (`cargo xtask tsan`) an Acquire load of the count gives it
        // the same edge, as std's `Arc` does under `cfg(sanitize = "thread")`.
        #[cfg(ftl_tsan)]
        cell.load(Ordering::Acquire);
        #[cfg(not(ftl_tsan))]
        fence(Ordering::Acquire);
        true
    }

    #[inline]
    fn count(cell: &AtomicUsize) -> usize {
        cell.load(Ordering::Acquire).min(IMMORTAL_COUNT)
    }

    #[inline]
    fn is_immortal(cell: &AtomicUsize) -> bool {
        cell.load(Ordering::Relaxed) >= IMMORTAL_COUNT
    }
}

#[cfg(all(test, loom))]
pub(crate) mod loom_tests {
    use super::*;
    use ftl_core::sync::{model, thread, Arc, UnsafeCell};

    /// A stand-in object: a count and a payload the freeing thread reads.
    struct Obj<R: RefCount> {
        rc: R::Cell,
        payload: UnsafeCell<usize>,
        frees: AtomicUsize,
    }
    // SAFETY (model): the payload is written by one thread before its
    // decref and read only by the freeing thread, which is what the model
    // checks.
    unsafe impl<R: RefCount> Sync for Obj<R> where R::Cell: Sync {}

    /// Two threads each hold one reference; each writes the payload's share
    /// of work before dropping its reference; whichever frees reads the
    /// payload (as a destructor would).
    pub(crate) fn last_two_drops<R: RefCount>()
    where
        R::Cell: Send + Sync,
    {
        let obj = Arc::new(Obj::<R> {
            rc: R::new_cell(),
            payload: UnsafeCell::new(0),
            frees: AtomicUsize::new(0),
        });
        R::incref(&obj.rc); // two references: one per thread
        let drop_ref = |o: &Obj<R>| {
            if R::decref(&o.rc) {
                // SAFETY (model): the freeing thread is the last user.
                let v = o.payload.with(|p| unsafe { *p });
                assert_eq!(v, 1, "the free saw the other thread's write");
                o.frees.fetch_add(1, Ordering::Relaxed);
            }
        };
        let o2 = obj.clone();
        let t = thread::spawn(move || {
            // SAFETY (model): this thread is the only writer while it holds
            // its reference and the main thread does not touch the payload.
            o2.payload.with_mut(|p| unsafe { *p = 1 });
            drop_ref(&o2);
        });
        // The main thread only reads after its own drop, through the free.
        let main_ref = &*obj;
        drop_ref(main_ref);
        t.join().unwrap();
        assert_eq!(obj.frees.load(Ordering::Relaxed), 1, "freed exactly once");
    }

    #[test]
    fn atomic_frees_exactly_once_after_both_drops() {
        model(last_two_drops::<Atomic>);
    }

    /// The protocol broken on purpose: decref without the Acquire fence
    /// (and with a Relaxed decrement). loom must find the freeing thread
    /// reading the payload without synchronising with the writer.
    enum NoFence {}
    // SAFETY: deliberately wrong; only used to show the model catches it.
    unsafe impl RefCount for NoFence {
        type Cell = AtomicUsize;
        const NAME: &'static str = "broken";
        const THREAD_SAFE: bool = true;
        fn new_cell() -> AtomicUsize {
            AtomicUsize::new(1)
        }
        fn immortal_cell() -> AtomicUsize {
            AtomicUsize::new(IMMORTAL_COUNT)
        }
        fn incref(cell: &AtomicUsize) {
            cell.fetch_add(1, Ordering::Relaxed);
        }
        fn decref(cell: &AtomicUsize) -> bool {
            cell.fetch_sub(1, Ordering::Relaxed) == 1
        }
        fn try_incref(cell: &AtomicUsize) -> bool {
            Atomic::try_incref(cell)
        }
        fn count(cell: &AtomicUsize) -> usize {
            cell.load(Ordering::Relaxed)
        }
        fn is_immortal(_: &AtomicUsize) -> bool {
            false
        }
    }

    #[test]
    #[should_panic(expected = "Causality violation")]
    fn model_catches_a_decref_without_acquire() {
        model(last_two_drops::<NoFence>);
    }

    /// The protocol broken differently: a decrement that is a load and a
    /// store instead of one RMW. loom must find an interleaving that frees
    /// twice or never.
    enum LoadStore {}
    // SAFETY: deliberately wrong; only used to show the model catches it.
    unsafe impl RefCount for LoadStore {
        type Cell = AtomicUsize;
        const NAME: &'static str = "broken";
        const THREAD_SAFE: bool = true;
        fn new_cell() -> AtomicUsize {
            AtomicUsize::new(1)
        }
        fn immortal_cell() -> AtomicUsize {
            AtomicUsize::new(IMMORTAL_COUNT)
        }
        fn incref(cell: &AtomicUsize) {
            cell.fetch_add(1, Ordering::Relaxed);
        }
        fn decref(cell: &AtomicUsize) -> bool {
            let n = cell.load(Ordering::Acquire);
            cell.store(n - 1, Ordering::Release);
            n == 1
        }
        fn try_incref(cell: &AtomicUsize) -> bool {
            Atomic::try_incref(cell)
        }
        fn count(cell: &AtomicUsize) -> usize {
            cell.load(Ordering::Relaxed)
        }
        fn is_immortal(_: &AtomicUsize) -> bool {
            false
        }
    }

    #[test]
    #[should_panic(expected = "freed exactly once")]
    fn model_catches_a_non_atomic_decrement() {
        model(last_two_drops::<LoadStore>);
    }

    /// A weak reference's `get` races the referent's last drop (the VM's
    /// `weakref` on the free-threaded heaps): the getter reads the
    /// referent under the weakref's lock and takes a reference with
    /// `try_incref`; the dying referent clears the weakref under that lock
    /// before it is freed. The object is freed exactly once, and never
    /// after the getter took it back.
    pub(crate) fn weak_get_races_the_last_drop<R: RefCount>()
    where
        R::Cell: Send + Sync,
    {
        let obj = Arc::new(Obj::<R> {
            rc: R::new_cell(),
            payload: UnsafeCell::new(0),
            frees: AtomicUsize::new(0),
        });
        // The weakref: whether its referent is still set.
        let weak = Arc::new(ftl_core::sync::Mutex::new(true));
        fn die<R: RefCount>(o: &Obj<R>, weak: &ftl_core::sync::Mutex<bool>) {
            *weak.lock() = false;
            o.frees.fetch_add(1, Ordering::Relaxed);
        }
        let (o2, w2) = (obj.clone(), weak.clone());
        let getter = thread::spawn(move || {
            let got = {
                let set = w2.lock();
                *set && R::try_incref(&o2.rc)
            };
            if got {
                assert_eq!(
                    o2.frees.load(Ordering::Relaxed),
                    0,
                    "a weak get took back a freed object"
                );
                if R::decref(&o2.rc) {
                    die(&o2, &w2);
                }
            }
        });
        if R::decref(&obj.rc) {
            die(&obj, &weak);
        }
        getter.join().unwrap();
        assert_eq!(obj.frees.load(Ordering::Relaxed), 1, "freed exactly once");
    }

    #[test]
    fn a_weak_get_never_takes_back_a_dying_object() {
        model(weak_get_races_the_last_drop::<Atomic>);
    }

    /// The protocol broken: a `try_incref` that increments whatever the
    /// count (a plain `incref`).
    enum BlindIncref {}
    // SAFETY: deliberately wrong; only used to show the model catches it.
    unsafe impl RefCount for BlindIncref {
        type Cell = AtomicUsize;
        const NAME: &'static str = "broken";
        const THREAD_SAFE: bool = true;
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
        fn try_incref(cell: &AtomicUsize) -> bool {
            Atomic::incref(cell);
            true
        }
        fn count(cell: &AtomicUsize) -> usize {
            Atomic::count(cell)
        }
        fn is_immortal(cell: &AtomicUsize) -> bool {
            Atomic::is_immortal(cell)
        }
    }

    #[test]
    #[should_panic(expected = "freed exactly once")]
    fn model_catches_a_try_incref_that_revives() {
        model(weak_get_races_the_last_drop::<BlindIncref>);
    }

    #[test]
    fn immortal_cells_are_never_freed() {
        model(|| {
            let cell = Arc::new(Atomic::immortal_cell());
            let c2 = cell.clone();
            let t = thread::spawn(move || {
                Atomic::incref(&c2);
                assert!(!Atomic::decref(&c2));
                assert!(!Atomic::decref(&c2));
            });
            assert!(!Atomic::decref(&cell));
            t.join().unwrap();
            assert!(Atomic::is_immortal(&cell));
        });
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn counts_and_frees_at_zero() {
        let c = Atomic::new_cell();
        Atomic::incref(&c);
        assert_eq!(Atomic::count(&c), 2);
        assert!(!Atomic::decref(&c));
        assert!(Atomic::decref(&c));
    }

    #[test]
    fn try_incref_refuses_a_dying_count() {
        let c = Atomic::new_cell();
        assert!(Atomic::try_incref(&c));
        assert_eq!(Atomic::count(&c), 2);
        assert!(!Atomic::decref(&c));
        assert!(Atomic::decref(&c));
        assert!(!Atomic::try_incref(&c), "zero stays zero");
        assert_eq!(c.load(Ordering::Relaxed), 0);
        let imm = Atomic::immortal_cell();
        assert!(Atomic::try_incref(&imm));
        assert_eq!(imm.load(Ordering::Relaxed), IMMORTAL_COUNT);
    }

    #[test]
    fn immortal_is_never_written() {
        let c = Atomic::immortal_cell();
        for _ in 0..10 {
            Atomic::incref(&c);
            assert!(!Atomic::decref(&c));
            assert!(!Atomic::decref(&c));
        }
        assert_eq!(c.load(Ordering::Relaxed), IMMORTAL_COUNT);
        assert_eq!(Atomic::count(&c), IMMORTAL_COUNT);
    }
}
