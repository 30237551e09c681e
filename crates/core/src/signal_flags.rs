//! Tripped-signal flags: how a POSIX signal handler tells the interpreter's
//! main thread that a Python-level handler is due.
//!
//! A signal handler may do almost nothing: no locks, no allocation, no
//! Python. CPython's `Modules/signalmodule.c` (`trip_signal` and
//! `_PyErr_CheckSignalsTstate`) therefore splits the work in two, and
//! [`TripFlags`] does the same:
//!
//! 1. **In the handler** ([`TripFlags::trip`]): set the signal's own flag,
//!    then the summary flag `any` (both with release `fetch_or`s: async-
//!    signal safe, lock free).
//! 2. **At a safe point of the main thread** ([`TripFlags::take`]): when
//!    `any` is set, clear it *first*, then swap every signal's flag back to
//!    false and report those that were set; the caller runs their Python
//!    handlers, in signal-number order as CPython does.
//!
//! ## Invariant: no trip is lost
//!
//! Every trip stores its own flag before `any`, and `take` clears `any`
//! before it reads the flags. So a trip whose flag `take` did not see stored
//! `any` after `take` cleared it: `any` stays set and the next safe point
//! takes it. (The other order — `any` first — loses a trip that lands
//! between `take`'s scan and its clearing of `any`; the loom model
//! `no_trip_is_lost` fails on it.) A signal tripped twice before a safe
//! point runs its handler once, as in CPython.
//!
//! The check on the hot path is [`TripFlags::any_tripped`], one relaxed
//! load.

use crate::sync::AtomicBool;
use core::sync::atomic::Ordering;

/// One flag per signal number below `N`, and a summary flag.
pub struct TripFlags<const N: usize> {
    any: AtomicBool,
    each: [AtomicBool; N],
}

impl<const N: usize> TripFlags<N> {
    /// No signal tripped (a `const fn`, for a `static`).
    #[cfg(not(loom))]
    pub const fn new() -> Self {
        TripFlags {
            any: AtomicBool::new(false),
            each: [const { AtomicBool::new(false) }; N],
        }
    }

    /// No signal tripped.
    #[cfg(loom)]
    pub fn new() -> Self {
        TripFlags {
            any: AtomicBool::new(false),
            each: core::array::from_fn(|_| AtomicBool::new(false)),
        }
    }

    /// Step 1, from a signal handler: marks `signal` tripped (a number out
    /// of range is ignored). Async-signal safe: two atomic stores.
    #[inline]
    pub fn trip(&self, signal: usize) {
        if let Some(flag) = self.each.get(signal) {
            flag.fetch_or(true, Ordering::Release);
            self.any.fetch_or(true, Ordering::Release);
        }
    }

    /// Whether some signal may be tripped (the safe point's fast check).
    #[inline]
    pub fn any_tripped(&self) -> bool {
        self.any.load(Ordering::Relaxed)
    }

    /// Step 2: the signals tripped since the last call, in increasing
    /// order, each once; empty when none was.
    pub fn take(&self) -> Vec<usize> {
        if !clear(&self.any) {
            return Vec::new();
        }
        (0..N).filter(|&s| clear(&self.each[s])).collect()
    }
}

/// Sets `flag` false; whether it was true. Both sides use read-modify-writes
/// (`fetch_or` to set, a compare-exchange to clear), which mean the same as
/// plain stores and a `swap` here: loom 0.7 explores impossible histories
/// for a read-modify-write racing with a plain `store` on one location
/// (tokio-rs/loom#254), and the model fails for no reason with them.
#[inline]
fn clear(flag: &AtomicBool) -> bool {
    flag.compare_exchange(true, false, Ordering::AcqRel, Ordering::Acquire)
        .is_ok()
}

#[cfg(not(loom))]
impl<const N: usize> Default for TripFlags<N> {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn take_reports_each_tripped_signal_once_in_order() {
        let f = TripFlags::<8>::new();
        assert!(!f.any_tripped());
        assert!(f.take().is_empty());
        f.trip(5);
        f.trip(2);
        f.trip(5);
        f.trip(99); // out of range: ignored
        assert!(f.any_tripped());
        assert_eq!(f.take(), vec![2, 5]);
        assert!(!f.any_tripped());
        assert!(f.take().is_empty());
    }
}

/// loom models: `cargo xtask loom ftl-core` (or `RUSTFLAGS="--cfg loom"
/// cargo test --release -p ftl-core signal_flags`).
#[cfg(all(test, loom))]
mod loom_models {
    use super::*;
    use crate::sync::{model, thread, Arc};

    /// A "handler" thread trips two signals while the main thread takes
    /// once concurrently and once after: every trip is reported, and none
    /// twice. With `trip` storing `any` before the signal's flag, loom finds
    /// the interleaving that loses one.
    #[test]
    fn no_trip_is_lost() {
        model(|| {
            let f = Arc::new(TripFlags::<2>::new());
            let f2 = f.clone();
            let handler = thread::spawn(move || {
                f2.trip(1);
                f2.trip(0);
            });
            let mut seen = f.take();
            handler.join().unwrap();
            let later = f.take();
            for s in &later {
                assert!(!seen.contains(s), "signal {s} reported twice");
            }
            seen.extend(later);
            seen.sort_unstable();
            assert_eq!(seen, vec![0, 1], "a tripped signal was lost");
            assert!(!f.any_tripped());
        });
    }
}
