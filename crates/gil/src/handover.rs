//! Handing thread-unsafe data from one thread to another under a GIL.
//!
//! A GIL interpreter's objects are not thread-safe: CPython's refcounts
//! are plain words, its containers have no locks. What makes them usable
//! from several OS threads is the GIL's guarantee, [`RawCoordination`]'s
//! first rule: while a thread is attached no other thread is, and every
//! detach *happens-before* the next attach of another thread. So every
//! access made while attached is ordered after every access another thread
//! made while it was attached, and no two race.
//!
//! Rust cannot see that argument: a GIL heap's objects are `!Send`, so a
//! new interpreter thread cannot even receive its target function.
//! [`Handover`] is the one place where the argument is asserted: it wraps a
//! value so that it can move to another OS thread, and both ends are
//! `unsafe` with the GIL discipline as their contract. CPython has the
//! same step in `thread_PyThread_start_new_thread`, which passes the
//! function and its arguments to the new OS thread in a plain C struct that
//! the new thread reads only after taking the GIL.
//!
//! ## Invariants the callers keep
//!
//! * The value is wrapped on a thread attached to an exclusive coordination
//!   ([`RawCoordination::EXCLUSIVE`]) and unwrapped by a thread attached to
//!   the same coordination.
//! * Every access to data reachable from the value (including through
//!   shared non-atomic refcounts), by any thread, happens while that thread
//!   is attached to that coordination, and a [`Handover`] that is dropped
//!   without being unwrapped is dropped on an attached thread.
//!
//! [`RawCoordination`]: ftl_core::RawCoordination
//! [`RawCoordination::EXCLUSIVE`]: ftl_core::RawCoordination::EXCLUSIVE

#![allow(unsafe_code)] // Handover: asserting the GIL's ordering to Rust

/// A value on its way to another thread under a GIL (see the module docs).
pub struct Handover<T>(T);

// SAFETY: the constructor's contract: every access to the value and to
// what it reaches happens while the accessing thread holds the one GIL, so
// the GIL's ordering (detach happens-before the next attach) serialises
// them; moving the wrapper itself between threads touches nothing.
unsafe impl<T> Send for Handover<T> {}

impl<T> Handover<T> {
    /// Wraps `value` for another thread.
    ///
    /// # Safety
    /// The caller is attached to an exclusive coordination, and keeps the
    /// module's invariants: everything reachable from `value` is touched
    /// only by threads attached to that coordination, and the wrapper is
    /// unwrapped (or dropped) only by such a thread.
    pub unsafe fn new(value: T) -> Self {
        Handover(value)
    }

    /// Unwraps the value on the receiving thread.
    ///
    /// # Safety
    /// The calling thread is attached to the coordination the value was
    /// wrapped under.
    pub unsafe fn into_inner(self) -> T {
        self.0
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use crate::NewGil;
    use ftl_core::sync::Arc;
    use ftl_core::OwnedAttached;
    use std::cell::Cell;
    use std::rc::Rc;

    /// An `Rc` (non-atomic count, non-atomic contents) shared by two
    /// threads that touch it only while attached to one GIL: Miri's data
    /// race detector checks that the GIL's ordering really covers every
    /// access (`cargo +nightly miri test -p ftl-gil handover`).
    #[test]
    fn rc_shared_under_the_gil() {
        let gil = Arc::new(NewGil::new());
        let mut main = OwnedAttached::attach(gil.clone());
        let shared = Rc::new(Cell::new(0u64));
        // SAFETY: attached to `gil`; the other thread unwraps it attached
        // to `gil` and touches `shared` only while attached.
        let parcel = unsafe { Handover::new(shared.clone()) };
        let g2 = gil.clone();
        let t = std::thread::spawn(move || {
            let mut me = OwnedAttached::attach(g2);
            // SAFETY: attached to the GIL it was wrapped under.
            let mine = unsafe { parcel.into_inner() };
            for _ in 0..50 {
                mine.set(mine.get() + 1);
                me.poll();
                // Let the other thread in now and then.
                me.detach_while(std::thread::yield_now);
            }
            // The clone's count decrement happens attached, too.
            drop(mine);
        });
        for _ in 0..50 {
            shared.set(shared.get() + 1);
            main.detach_while(std::thread::yield_now);
        }
        // Join detached: the other thread needs the GIL to finish.
        main.detach_while(|| t.join().expect("thread"));
        assert_eq!(shared.get(), 100);
        assert_eq!(Rc::strong_count(&shared), 1);
    }
}
