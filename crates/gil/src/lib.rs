//! # ftl-gil: global interpreter locks
//!
//! The three GILs of the lab, each an implementation of
//! [`ftl_core::RawCoordination`] that any interpreter can use (this crate
//! never depends on `ftl-vm` and never sees an object):
//!
//! * [`OldGil`] — CPython 2.7 (`Python/ceval.c`'s `_Py_Ticker` /
//!   `_Py_CheckInterval`, the lock of `Python/thread_pthread.h`): a lock
//!   released and immediately re-taken every `check_interval` ticks, with no
//!   handoff, so on a multicore machine the releasing thread usually wins it
//!   back (David Beazley's "GIL battle");
//! * [`NewGil`] — CPython 3.2+ (`Python/ceval_gil.c`'s `take_gil` /
//!   `drop_gil`): a waiter waits one `switch_interval` (5 ms) and then sets a
//!   drop request that the holder honours at its next [`poll`]; with
//!   `FORCE_SWITCHING` the dropping thread waits until another thread took
//!   the GIL;
//! * [`FairGil`] — ours: cures the convoy effect (bpo-7946) by giving a
//!   thread that returns from blocking I/O the GIL at the holder's next
//!   [`poll`], with FIFO direct handoff, while CPU-bound threads still switch
//!   once per interval.
//!
//! ## Shared pieces
//!
//! * [`GilStats`] — counters every GIL keeps (acquisitions, switches, total
//!   wait, drop requests, forced switches). They are plain integers updated
//!   under the GIL's internal mutex on the slow paths, so they cost no atomic
//!   operation, and the wait clock is read only when a thread really waits.
//! * [`SwitchClock`] — how the switch interval elapses. **Time is an input,
//!   never a correctness assumption**: every timed wait goes through one
//!   helper that also honours an explicit expiry ([`NewGil::expire_interval`],
//!   [`FairGil::expire_interval`]). loom does not model time (its
//!   `wait_timeout` never times out), so the loom models drive the interval
//!   with that explicit input; mutual exclusion, the absence of lost wake-ups
//!   and the handovers never wait for a timeout to fire.
//! * Probes — every GIL emits [`ProbeKind::GilRequest`], `GilTake` (argument:
//!   nanoseconds waited), `GilDrop`, `DropRequest` and `ForcedSwitch` through
//!   an [`ftl_core::probe::Probes`] handle; when no sink is installed each
//!   emission is one branch on a `None`.
//!
//! * [`Handover`] — the one place where the GIL's guarantee is asserted to
//!   Rust's type system: a value that is not `Send` (a GIL heap's objects)
//!   moves to a new interpreter thread that opens it only once attached.
//!
//! ## Stop-the-world under a GIL
//!
//! For all three GILs `stop_the_world` and `start_the_world` do nothing:
//! the caller is attached, so it holds the GIL, and every other registered
//! thread is either waiting to attach or detached — and a detached thread may
//! not touch interpreter objects (the [`RawCoordination`] contract). Holding
//! the GIL *is* a stopped world; the collector running under it needs no
//! further handshake. The world stays stopped only as long as the caller
//! does not detach or reach a [`poll`] that hands the GIL over.
//!
//! ## Concurrency discipline
//!
//! Every protocol here reaches its mutexes, condition variables and atomics
//! through [`ftl_core::sync`], so the loom models beside each GIL
//! (`RUSTFLAGS="--cfg loom" LOOM_MAX_PREEMPTIONS=2 cargo test --release -p
//! ftl-gil --target-dir target/loom`) explore the real code.
//!
//! ## Example: a toy interpreter on the new GIL
//!
//! Any interpreter uses a GIL the same way: each OS thread registers once
//! ([`ThreadHandle::register`]), attaches before it runs bytecode, polls at
//! safe points (here the backward jump that closes each loop iteration),
//! and detaches around a blocking call. Between two safe points the thread
//! holds the GIL, so the toy's `LOAD`/`ADD`/`STORE` sequence is a plain,
//! non-atomic read-modify-write of its one global, and no increment is lost.
//!
//! ```rust
//! use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
//! use std::time::Duration;
//!
//! use ftl_core::ThreadHandle;
//! use ftl_gil::NewGil;
//!
//! enum Op { Load, AddOne, Store, Sleep, JumpBack }
//! // while True: counter = counter + 1; time.sleep(0)
//! const PROGRAM: [Op; 5] = [Op::Load, Op::AddOne, Op::Store, Op::Sleep, Op::JumpBack];
//! const LOOPS: u64 = 2_000;
//!
//! let gil = NewGil::new();
//! gil.set_switch_interval(Duration::from_micros(100));
//! // The interpreter's global. Only the GIL holder touches it, so relaxed
//! // loads and stores (no atomic read-modify-write) are enough.
//! let counter = AtomicU64::new(0);
//!
//! std::thread::scope(|s| {
//!     for _ in 0..2 {
//!         s.spawn(|| {
//!             let mut thread = ThreadHandle::register(&gil);
//!             let mut attached = thread.attach();
//!             let mut stack: Vec<u64> = Vec::new(); // this thread's frame
//!             for _ in 0..LOOPS {
//!                 for op in &PROGRAM {
//!                     match op {
//!                         Op::Load => stack.push(counter.load(Relaxed)),
//!                         Op::AddOne => *stack.last_mut().unwrap() += 1,
//!                         Op::Store => counter.store(stack.pop().unwrap(), Relaxed),
//!                         // A blocking call: other threads may run meanwhile.
//!                         Op::Sleep => attached.detach(std::thread::yield_now),
//!                         // A safe point: hand the GIL over if a waiter asked.
//!                         Op::JumpBack => attached.poll(),
//!                     }
//!                 }
//!             }
//!         }); // `attached` drops here: the thread detaches.
//!     }
//! });
//!
//! assert_eq!(counter.load(Relaxed), 2 * LOOPS);
//! let stats = gil.stats();
//! assert!(stats.acquisitions >= 2 * LOOPS); // one per attach, re-attach and switch
//! assert!(stats.switches >= 1);
//! ```
//!
//! [`ThreadHandle::register`]: ftl_core::ThreadHandle::register
//! [`poll`]: ftl_core::RawCoordination::poll
//! [`RawCoordination`]: ftl_core::RawCoordination
//! [`ProbeKind::GilRequest`]: ftl_core::probe::ProbeKind::GilRequest

mod clock;
mod drop_request;
pub mod fair;
pub mod handover;
pub mod new;
pub mod old;
mod stats;

pub use clock::SwitchClock;
pub use fair::{FairGil, FairThread};
pub use handover::Handover;
pub use new::{NewGil, NewThread};
pub use old::{OldGil, OldThread};
pub use stats::GilStats;

use std::time::Duration;

/// CPython's default switch interval (`sys.getswitchinterval()` is 0.005).
pub const DEFAULT_SWITCH_INTERVAL: Duration = Duration::from_millis(5);

/// CPython 2.7's default check interval (`sys.getcheckinterval()` is 100).
pub const DEFAULT_CHECK_INTERVAL: u32 = 100;

/// The shortest interval a timed wait uses (CPython clamps to 1 µs).
pub(crate) const MIN_INTERVAL: Duration = Duration::from_micros(1);

/// Checks shared by the GILs' real-thread tests.
#[cfg(all(test, not(loom)))]
pub(crate) mod testing {
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

    use ftl_core::{RawCoordination, ThreadHandle};

    /// Four threads each attach `rounds` times and, each time, do `steps`
    /// non-atomic increments of a shared counter, polling after each; with
    /// `with_io`, the even threads also detach for a moment every tenth
    /// round. Panics if two threads are ever inside at once or an increment
    /// is lost.
    pub(crate) fn check_mutual_exclusion<C: RawCoordination>(
        gil: &C,
        rounds: u64,
        steps: u64,
        with_io: bool,
    ) {
        let inside = AtomicBool::new(false);
        let total = AtomicU64::new(0);
        std::thread::scope(|s| {
            for i in 0..4 {
                let (inside, total) = (&inside, &total);
                s.spawn(move || {
                    let mut h = ThreadHandle::register(gil);
                    for round in 0..rounds {
                        let mut g = h.attach();
                        for _ in 0..steps {
                            assert!(!inside.swap(true, Ordering::Relaxed));
                            // A non-atomic read-modify-write, exclusive
                            // under the GIL.
                            let v = total.load(Ordering::Relaxed);
                            std::hint::spin_loop();
                            total.store(v + 1, Ordering::Relaxed);
                            inside.store(false, Ordering::Relaxed);
                            g.poll();
                        }
                        if with_io && i % 2 == 0 && round % 10 == 0 {
                            g.detach(std::thread::yield_now);
                        }
                    }
                });
            }
        });
        assert_eq!(total.load(Ordering::Relaxed), 4 * rounds * steps);
    }
}

/// The README's code, run as a doctest so that it stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
mod readme {}
