//! The switch-interval clock: the one place where a GIL waits with a timeout.
//!
//! CPython's new GIL waits on its condition variable for `interval`
//! microseconds and, if the wait timed out and nobody took the GIL meanwhile,
//! asks the holder to drop it. Time therefore *drives* the protocol — it
//! decides when a drop request is made — but must never be what makes it
//! *correct*: loom does not model time (`wait_timeout` under loom never times
//! out), and a real OS may oversleep or wake early.
//!
//! So every interval wait goes through [`wait_interval`], which ends in one
//! of three ways:
//!
//! * a notification (the GIL changed hands or became free): "not elapsed";
//! * the real timeout firing ([`SwitchClock::Real`] only): "elapsed";
//! * an explicit expiry: a GIL's `expire_interval()` sets an [`Expiry`]
//!   token in the GIL's mutex-protected state and wakes the waiters; the
//!   waiter that consumes the token reports "elapsed". A token set while no
//!   one waits is kept and consumed by the next interval wait, which then
//!   reports "elapsed" at once — as if the clock had already passed its
//!   deadline.
//!
//! Under [`SwitchClock::Manual`] the explicit expiry is the only way an
//! interval elapses, which is what the loom models use (and what an embedder
//! with its own ticker thread, like Ruby's timer thread, could use).
//!
//! Invariant: the token is read and written only with the GIL's mutex held,
//! so an expiry is never lost between a waiter's check and its wait.

use std::time::Duration;

use ftl_core::sync::{Condvar, MutexGuard};

/// How a GIL's switch interval elapses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SwitchClock {
    /// Wall-clock time: a waiter's wait times out after the interval (and an
    /// explicit `expire_interval()` also ends it early).
    #[default]
    Real,
    /// Only an explicit `expire_interval()` makes an interval elapse; waits
    /// are untimed. Deterministic: used by the loom models and by tests.
    Manual,
}

/// The explicit-expiry token, kept inside a GIL's mutex-protected state.
#[derive(Debug, Default)]
pub(crate) struct Expiry {
    pending: bool,
}

impl Expiry {
    /// Marks the current or next interval wait as elapsed.
    pub(crate) fn set(&mut self) {
        self.pending = true;
    }

    fn take(&mut self) -> bool {
        std::mem::take(&mut self.pending)
    }
}

/// Waits on `cond` (releasing the guard's mutex meanwhile) for at most one
/// interval. Returns `true` when the interval elapsed — the timeout fired or
/// an explicit expiry was consumed — and `false` after a notification or a
/// spurious wake-up. Callers re-check their condition in a loop either way.
pub(crate) fn wait_interval<S>(
    clock: SwitchClock,
    cond: &Condvar,
    guard: &mut MutexGuard<'_, S>,
    interval: Duration,
    expiry: fn(&mut S) -> &mut Expiry,
) -> bool {
    if expiry(&mut **guard).take() {
        return true;
    }
    let timed_out = match clock {
        SwitchClock::Real => cond.wait_timeout(guard, interval.max(crate::MIN_INTERVAL)),
        SwitchClock::Manual => {
            cond.wait(guard);
            false
        }
    };
    let expired = expiry(&mut **guard).take();
    timed_out || expired
}
