//! Counters kept by every GIL, read as a [`GilStats`] snapshot.
//!
//! The counters live inside each GIL's mutex-protected state and are bumped
//! only on slow paths that hold that mutex anyway (taking, dropping, asking
//! for a drop), so they add no atomic operation and nothing to the
//! [`poll`](ftl_core::RawCoordination::poll) fast path. The wait clock is
//! read only when a thread actually has to wait for the GIL.

use std::time::Instant;

/// A snapshot of a GIL's counters since it was created.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GilStats {
    /// Times a thread took the GIL (every attach and every re-take after a
    /// switch at a safe point).
    pub acquisitions: u64,
    /// Times the GIL was taken by a thread other than its previous holder.
    pub switches: u64,
    /// Acquisitions that had to wait because the GIL was held.
    pub contended: u64,
    /// Total nanoseconds threads spent waiting for the GIL.
    pub wait_ns: u64,
    /// Drop requests made. New and fair GIL: a waiter asked the holder to
    /// drop the GIL. Old GIL: a thread's check-interval ticker ran out (the
    /// old GIL asks itself to release).
    pub drop_requests: u64,
    /// New GIL: a dropping thread waited until another thread took the GIL.
    /// Fair GIL: a holder handed the GIL over at a safe point and was
    /// demoted to the back of the queue. Old GIL: always 0 (no handoff).
    pub forced_switches: u64,
}

/// The mutable counters, embedded in a GIL's locked state.
#[derive(Debug, Default)]
pub(crate) struct Counters {
    pub(crate) stats: GilStats,
    last_holder: u64,
}

impl Counters {
    /// Records that thread `id` took the GIL, having waited since `since`
    /// (`None`: it did not wait). Returns the nanoseconds waited.
    pub(crate) fn took(&mut self, id: u64, since: Option<Instant>) -> u64 {
        let s = &mut self.stats;
        s.acquisitions += 1;
        if self.last_holder != id {
            self.last_holder = id;
            s.switches += 1;
        }
        match since {
            Some(start) => {
                let ns = u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX);
                s.contended += 1;
                s.wait_ns = s.wait_ns.saturating_add(ns);
                ns
            }
            None => 0,
        }
    }
}
