//! The drop request: the flag a waiter raises to ask the GIL's holder to
//! let go at its next safe point (CPython's `gil_drop_request`, which
//! `ceval_gil.c` folds into the interpreter's `eval_breaker`).
//!
//! The new and the fair GIL both keep one. The holder's
//! [`poll`](ftl_core::RawCoordination::poll) reads it with one relaxed
//! load: that is the whole fast path. It is shared with the interpreter
//! ([`DropRequest::share`]) so that an eval loop can read the same flag
//! inline as its breaker and call `poll` only when it is set.
//!
//! Invariants: only the GIL writes the flag, and only while it holds its
//! own state mutex, so its counters and the flag move together; a raise
//! is counted and emitted as a [`ProbeKind::DropRequest`] probe exactly
//! once. Relaxed ordering suffices: the flag only makes the holder come
//! to the mutex sooner; every handover itself synchronises through the
//! mutex.

use ftl_core::probe::{ProbeKind, Probes};
use ftl_core::sync::{Arc, AtomicBool, Ordering};

use crate::stats::Counters;

/// See the module docs.
pub(crate) struct DropRequest(Arc<AtomicBool>);

impl DropRequest {
    /// A lowered flag.
    pub(crate) fn new() -> Self {
        DropRequest(Arc::new(AtomicBool::new(false)))
    }

    /// Whether it is raised (the fast path of `poll`).
    #[inline(always)]
    pub(crate) fn is_raised(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    /// Raises it, counting the request and emitting its probe.
    pub(crate) fn raise(&self, counters: &mut Counters, probes: &Probes) {
        self.0.store(true, Ordering::Relaxed);
        counters.stats.drop_requests += 1;
        probes.emit(ProbeKind::DropRequest, 0);
    }

    /// Sets it as `raised` without counting (a request served, or one that
    /// stays pending for queued waiters).
    pub(crate) fn set(&self, raised: bool) {
        self.0.store(raised, Ordering::Relaxed);
    }

    /// The flag, for an interpreter to read inline as its eval breaker.
    pub(crate) fn share(&self) -> Arc<AtomicBool> {
        self.0.clone()
    }
}
