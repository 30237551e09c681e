//! [`ObjectMutex`]: a real per-object lock, one byte.
//!
//! PEP 703 adds a one-byte mutex (`ob_mutex`, a `PyMutex`) to every object
//! and takes it in a critical section around container operations. ours is
//! the `ftl-core` facade's `RawMutex`, which is `parking_lot::RawMutex` (one
//! byte: spin briefly, then park in the global parking lot — the same design
//! as `PyMutex`) outside loom and a loom-visible spin lock under loom.
//!
//! The loom model below checks mutual exclusion: two threads increment a
//! shared cell inside critical sections and neither loses the other's
//! update; with the lock taken away, loom reports the race.

#![allow(unsafe_code)] // unsafe impl RawObjectLock

use ftl_core::sync::RawMutex;
use ftl_core::RawObjectLock;

/// A one-byte exclusive lock for an object's contents.
#[derive(Debug, Default)]
pub struct ObjectMutex(RawMutex);

// SAFETY: `RawMutex` provides mutual exclusion and release/acquire ordering
// between an unlock and the next lock.
unsafe impl RawObjectLock for ObjectMutex {
    const EXCLUSIVE: bool = true;

    #[inline]
    fn new() -> Self {
        ObjectMutex(RawMutex::new())
    }

    #[inline]
    fn lock(&self) {
        self.0.lock()
    }

    #[inline]
    fn try_lock(&self) -> bool {
        self.0.try_lock()
    }

    #[inline]
    unsafe fn unlock(&self) {
        // SAFETY: forwarded precondition: the caller holds the lock.
        unsafe { self.0.unlock() }
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn is_one_byte_and_excludes() {
        assert_eq!(core::mem::size_of::<ObjectMutex>(), 1);
        let m = ObjectMutex::new();
        m.lock();
        assert!(!m.try_lock());
        // SAFETY: locked just above.
        unsafe { m.unlock() };
        assert!(m.try_lock());
        // SAFETY: locked by try_lock.
        unsafe { m.unlock() };
    }
}

#[cfg(all(test, loom))]
mod loom_tests {
    use super::*;
    use ftl_core::lock::{CriticalSection, CriticalSection2};
    use ftl_core::sync::{model, thread, Arc, UnsafeCell};

    /// A lock that excludes nothing yet is `Sync` (unlike `NoLock`, which
    /// is not): the stand-in for a forgotten lock, to show that the model
    /// catches the race.
    struct Forgotten;

    // SAFETY: `EXCLUSIVE` is false: it promises nothing (test only).
    unsafe impl RawObjectLock for Forgotten {
        const EXCLUSIVE: bool = false;
        fn new() -> Self {
            Forgotten
        }
        fn lock(&self) {}
        fn try_lock(&self) -> bool {
            true
        }
        unsafe fn unlock(&self) {}
    }

    struct Shared<L> {
        lock: L,
        value: UnsafeCell<usize>,
    }
    // SAFETY (model): `value` is only touched inside critical sections.
    unsafe impl<L: Sync> Sync for Shared<L> {}

    fn two_increments<L: RawObjectLock + Send + Sync + 'static>() {
        let s = Arc::new(Shared {
            lock: L::new(),
            value: UnsafeCell::new(0),
        });
        let bump = |s: &Shared<L>| {
            let _cs = CriticalSection::enter(&s.lock);
            // SAFETY (model): inside the critical section.
            s.value.with_mut(|p| unsafe { *p += 1 });
        };
        let s2 = s.clone();
        let t = thread::spawn(move || bump(&s2));
        bump(&s);
        t.join().unwrap();
        // SAFETY (model): both threads are done.
        assert_eq!(s.value.with(|p| unsafe { *p }), 2);
    }

    #[test]
    fn object_mutex_excludes() {
        model(two_increments::<ObjectMutex>);
    }

    #[test]
    #[should_panic(expected = "Causality violation")]
    fn model_catches_a_missing_lock() {
        model(two_increments::<Forgotten>);
    }

    /// Two threads lock the same pair in opposite argument order; address
    /// ordering means loom finds no deadlock.
    #[test]
    fn two_object_sections_do_not_deadlock() {
        model(|| {
            let a = Arc::new(ObjectMutex::new());
            let b = Arc::new(ObjectMutex::new());
            let (a2, b2) = (a.clone(), b.clone());
            let t = thread::spawn(move || {
                let _cs = CriticalSection2::enter(&*b2, &*a2);
            });
            {
                let _cs = CriticalSection2::enter(&*a, &*b);
            }
            t.join().unwrap();
        });
    }
}
