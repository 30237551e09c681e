//! [`Epoch`]: a counter of changes to some shared state, for caches that
//! must notice any change, and for values derived from the state that
//! threads changing it at once must not leave stale.
//!
//! An interpreter keeps one epoch for all its classes (`ftl-vm`'s type
//! attribute cache is valid for one epoch) and derives a few flags per
//! class from its namespace (has `__del__`, has `__eq__`, ...). Two threads
//! changing classes at once may compute flags from different states of the
//! namespace; whichever *stores* last must have seen every change. CPython
//! 3.13t does this under the type lock with the world stopped for some
//! changes; here [`Epoch::store_derived`] recomputes until no change was
//! recorded while it computed.
//!
//! # Protocol
//!
//! * A writer changes the state, then calls [`Epoch::bump`] (an `AcqRel`
//!   read-modify-write).
//! * [`Epoch::store_derived`] reads the epoch, computes from the state,
//!   *swaps* the value into its cell (`AcqRel`), and reads the epoch again;
//!   if it moved, it goes round again.
//! * Why it holds: say B's swap comes after A's in the cell's modification
//!   order, but B computed from a state without A's change. B's swap reads
//!   A's value, so A's bump (before A's swap) happens-before B's second
//!   read of the epoch, which therefore sees the bump (coherence) and B goes
//!   round again. A plain store would not do: nothing would order A's bump
//!   before B's second read (loom finds that execution).
//!
//! # Invariants
//!
//! 1. When every writer has returned from `store_derived`, the stored value
//!    is what `compute` gives for the final state.
//! 2. `current` never goes backwards.
//!
//! The loom model at the bottom checks invariant 1 with two writers; with
//! the second read of the epoch taken out, or the swap made a store,
//! loom finds a stale store.

use crate::sync::{AtomicU32, AtomicU64, Ordering};

/// A change counter (see the module docs).
#[derive(Debug, Default)]
pub struct Epoch(AtomicU64);

impl Epoch {
    /// Epoch zero.
    pub fn new() -> Self {
        Epoch(AtomicU64::new(0))
    }

    /// The current epoch; a value cached at an older one may be stale.
    #[inline]
    pub fn current(&self) -> u64 {
        self.0.load(Ordering::Acquire)
    }

    /// Records a change (made before this call).
    pub fn bump(&self) {
        self.0.fetch_add(1, Ordering::AcqRel);
    }

    /// Stores `compute()` (a value derived from the state) in `cell`, again
    /// and again until no change was recorded while it computed.
    pub fn store_derived(&self, cell: &AtomicU32, mut compute: impl FnMut() -> u32) {
        loop {
            let before = self.0.load(Ordering::Acquire);
            let value = compute();
            // A swap, not a store: a later store (another thread's) then
            // reads this one and synchronises with it.
            cell.swap(value, Ordering::AcqRel);
            if self.0.load(Ordering::Acquire) == before {
                return;
            }
        }
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn a_store_is_redone_when_the_epoch_moves() {
        let e = Epoch::new();
        let runs = AtomicU32::new(0);
        let cell = AtomicU32::new(0);
        e.store_derived(&cell, || {
            if runs.fetch_add(1, Ordering::SeqCst) == 0 {
                e.bump(); // a change while computing
            }
            7
        });
        assert_eq!(cell.load(Ordering::SeqCst), 7);
        assert_eq!(runs.load(Ordering::SeqCst), 2);
        assert_eq!(e.current(), 1);
    }
}

#[cfg(all(test, loom))]
mod loom_tests {
    use super::*;
    use crate::sync::{model, thread, Arc};

    /// Two writers each set one bit of the state and store the derived
    /// flags (a copy of the state); at the end the flags show both bits.
    #[test]
    fn the_last_store_sees_every_change() {
        model(|| {
            let s = Arc::new((Epoch::new(), AtomicU32::new(0), AtomicU32::new(0)));
            let writer = |s: &(Epoch, AtomicU32, AtomicU32), bit: u32| {
                s.1.fetch_or(bit, Ordering::SeqCst); // the change
                s.0.bump();
                s.0.store_derived(&s.2, || s.1.load(Ordering::SeqCst));
            };
            let s2 = s.clone();
            let t = thread::spawn(move || writer(&s2, 1));
            writer(&s, 2);
            t.join().unwrap();
            assert_eq!(s.2.load(Ordering::SeqCst), 3, "a stale store won");
        });
    }
}
