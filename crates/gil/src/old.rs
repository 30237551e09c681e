//! The old GIL: CPython 2.7's interpreter lock.
//!
//! # Original
//!
//! CPython 2.7, `Python/ceval.c` (the eval loop's `_Py_Ticker` /
//! `_Py_CheckInterval` block) and `Python/thread_pthread.h` (the lock). In
//! 2.7 the GIL is an ordinary, unfair lock. `thread_pthread.h` builds it from
//! a POSIX semaphore or, without one, from a mutex, a condition variable and
//! a `locked` flag; either way a release simply makes the lock free and wakes
//! one sleeper, and who gets it next is left to the OS scheduler. The eval
//! loop decrements a global ticker on every "periodic" instruction; when it
//! runs out (every `sys.setcheckinterval()` ticks, default 100) the running
//! thread releases the lock and immediately asks for it again.
//!
//! On one core this rotates threads as intended: the woken sleeper usually
//! runs before the releaser is scheduled again. On a multicore machine the
//! releaser keeps running, re-takes the free lock within nanoseconds, and the
//! woken thread — which needs microseconds to be scheduled — finds it taken
//! again and goes back to sleep. David Beazley measured this "GIL battle"
//! ("Understanding the Python GIL", 2010): CPU-bound threads on two cores run
//! slower than on one, and a thread can wait a long time for its turn.
//!
//! # Algorithm
//!
//! The lock is `locked: bool` inside a [`Mutex`], plus the [`Condvar`]
//! `released` (the mutex+condvar "semaphore" of `thread_pthread.h`).
//!
//! 1. **acquire** (attach): lock the mutex; while `locked`, wait on
//!    `released`; set `locked`; reset the thread's ticker to the check
//!    interval; unlock.
//! 2. **release** (detach): lock the mutex; clear `locked`; unlock; wake one
//!    waiter on `released`. No handoff: the woken thread competes with
//!    everyone else, the releaser included.
//! 3. **poll** (the eval loop's periodic check): decrement the calling
//!    thread's ticker (one tick per call: the fast path is a decrement of a
//!    thread-local `Cell`, no shared memory at all); when it reaches zero,
//!    release (step 2) and immediately acquire (step 1). Whether another
//!    thread gets in between is up to the scheduler.
//!
//! The ticker is per thread here, where 2.7's `_Py_Ticker` is one global
//! touched only by the running thread; as it is reset at every acquisition
//! the two count the same thing ("ticks since this thread took the lock").
//!
//! # Invariants
//!
//! * `locked` is read and written only with the mutex held; it is `true`
//!   exactly while one registered thread is attached (mutual exclusion).
//! * A release unlocks the mutex after the attached thread's last access, and
//!   the next acquire locks it before its first: every detach
//!   happens-before the next attach.
//! * No lost wake-up: a waiter checks `locked` and starts waiting atomically
//!   (the condition-variable wait releases the mutex), and every release
//!   clears `locked` under the mutex and then notifies; the woken thread
//!   re-checks in a loop, so a spurious wake-up or a lost race only sends it
//!   back to sleep until the next release.
//! * No fairness: a waiter can lose every race (the battle). That is the
//!   point of this GIL; [`FairGil`](crate::FairGil) is the cure.
//!
//! The loom models below check mutual exclusion, that a release wakes a
//! blocked waiter, and that at a poll *either* thread may win the lock.

#![allow(unsafe_code)] // unsafe impl RawCoordination

use std::cell::Cell;
use std::fmt;
use std::time::Instant;

use ftl_core::probe::{ProbeKind, Probes};
use ftl_core::sync::{Condvar, Mutex};
use ftl_core::RawCoordination;

use crate::stats::{Counters, GilStats};

/// CPython 2.7's GIL: a plain lock released and re-taken every
/// `check_interval` ticks. See the [module docs](self).
pub struct OldGil {
    lock: Mutex<LockState>,
    released: Condvar,
    probes: Probes,
}

struct LockState {
    locked: bool,
    check_interval: u32,
    next_id: u64,
    counters: Counters,
}

/// The per-thread state of an [`OldGil`]: the thread's tick counter.
#[derive(Debug)]
pub struct OldThread {
    id: u64,
    ticker: Cell<u32>,
}

impl OldGil {
    /// A free GIL with the default check interval (100 ticks), probes off.
    pub fn new() -> Self {
        OldGil {
            lock: Mutex::new(LockState {
                locked: false,
                check_interval: crate::DEFAULT_CHECK_INTERVAL,
                next_id: 1,
                counters: Counters::default(),
            }),
            released: Condvar::new(),
            probes: Probes::off(),
        }
    }

    /// The same GIL emitting its events to `probes`.
    pub fn with_probes(mut self, probes: Probes) -> Self {
        self.probes = probes;
        self
    }

    /// Sets the number of ticks (polls) between releases
    /// (`sys.setcheckinterval`); 0 is treated as 1. Takes effect at each
    /// thread's next acquisition.
    pub fn set_check_interval(&self, ticks: u32) {
        self.lock.lock().check_interval = ticks.max(1);
    }

    /// The number of ticks between releases (`sys.getcheckinterval`).
    pub fn check_interval(&self) -> u32 {
        self.lock.lock().check_interval
    }

    /// A snapshot of the counters. `drop_requests` counts ticker expiries.
    pub fn stats(&self) -> GilStats {
        self.lock.lock().counters.stats
    }

    /// Step 1: takes the lock, waiting while it is held.
    fn acquire(&self, t: &OldThread) {
        self.probes.emit(ProbeKind::GilRequest, 0);
        let mut st = self.lock.lock();
        let mut since = None;
        if st.locked {
            since = Some(Instant::now());
            while st.locked {
                self.released.wait(&mut st);
            }
        }
        st.locked = true;
        t.ticker.set(st.check_interval);
        let waited = st.counters.took(t.id, since);
        drop(st);
        self.probes.emit(ProbeKind::GilTake, waited);
    }

    /// Step 2: frees the lock and wakes one waiter; no handoff.
    fn release(&self) {
        let mut st = self.lock.lock();
        st.locked = false;
        drop(st);
        self.released.notify_one();
        self.probes.emit(ProbeKind::GilDrop, 0);
    }

    /// Step 3's slow path: the ticker ran out.
    #[cold]
    #[inline(never)]
    fn check_interval_expired(&self, t: &OldThread) {
        self.lock.lock().counters.stats.drop_requests += 1;
        self.probes.emit(ProbeKind::DropRequest, 0);
        self.release();
        // Other threads may run now — if the scheduler lets them.
        self.acquire(t);
    }
}

impl Default for OldGil {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for OldGil {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OldGil")
            .field("check_interval", &self.check_interval())
            .field("stats", &self.stats())
            .finish()
    }
}

// SAFETY: mutual exclusion: `locked` is set only by a thread that saw it
// clear under the mutex, and cleared only by its holder (module invariants).
// Detach happens-before the next attach: both go through the mutex. `poll`
// returns after `acquire`, i.e. attached. No lost wake-up: `locked` is
// checked and the wait begun under the mutex, and every release notifies
// after clearing it. Stop-the-world: the attached caller holds the GIL, so
// no other thread is attached (crate docs).
unsafe impl RawCoordination for OldGil {
    type Thread = OldThread;
    const NAME: &'static str = "gil-old";
    const EXCLUSIVE: bool = true;

    fn register(&self) -> OldThread {
        let mut st = self.lock.lock();
        let id = st.next_id;
        st.next_id += 1;
        OldThread {
            id,
            ticker: Cell::new(st.check_interval),
        }
    }

    unsafe fn attach(&self, thread: &OldThread) {
        self.acquire(thread);
    }

    unsafe fn detach(&self, _thread: &OldThread) {
        self.release();
    }

    #[inline]
    unsafe fn poll(&self, thread: &OldThread) {
        let left = thread.ticker.get();
        if left > 1 {
            thread.ticker.set(left - 1);
        } else {
            self.check_interval_expired(thread);
        }
    }

    unsafe fn stop_the_world(&self, _thread: &OldThread) {}

    unsafe fn start_the_world(&self, _thread: &OldThread) {}
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use ftl_core::probe::Recorder;
    use ftl_core::ThreadHandle;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;

    #[test]
    fn check_interval_setter_and_getter() {
        let gil = OldGil::new();
        assert_eq!(gil.check_interval(), 100);
        gil.set_check_interval(7);
        assert_eq!(gil.check_interval(), 7);
        gil.set_check_interval(0);
        assert_eq!(gil.check_interval(), 1);
    }

    #[test]
    fn poll_releases_every_check_interval_ticks() {
        let rec = Arc::new(Recorder::new());
        let gil = OldGil::new().with_probes(Probes::to(rec.clone()));
        gil.set_check_interval(10);
        let mut h = ThreadHandle::register(&gil);
        let mut g = h.attach();
        for _ in 0..35 {
            g.poll();
        }
        drop(g);
        let s = gil.stats();
        // 35 ticks at 10 per release: 3 releases, each followed by a re-take.
        assert_eq!(s.drop_requests, 3);
        assert_eq!(s.acquisitions, 4);
        assert_eq!(s.switches, 1);
        assert_eq!(s.contended, 0);
        assert_eq!(rec.count(ProbeKind::DropRequest), 3);
        assert_eq!(rec.count(ProbeKind::GilTake), 4);
        assert_eq!(rec.count(ProbeKind::GilDrop), 4);
        assert_eq!(rec.count(ProbeKind::GilRequest), 4);
    }

    #[test]
    fn mutual_exclusion_under_contention() {
        let gil = OldGil::new();
        gil.set_check_interval(3);
        crate::testing::check_mutual_exclusion(&gil, 200, 5, false);
        let s = gil.stats();
        assert!(s.acquisitions >= 800);
    }

    #[test]
    fn detach_lets_a_blocked_thread_in() {
        let gil = OldGil::new();
        let mut h = ThreadHandle::register(&gil);
        let mut g = h.attach();
        let ran = AtomicBool::new(false);
        std::thread::scope(|s| {
            g.detach(|| {
                s.spawn(|| {
                    let mut h2 = ThreadHandle::register(&gil);
                    let _g2 = h2.attach();
                    ran.store(true, Ordering::Relaxed);
                })
                .join()
                .unwrap();
            });
        });
        assert!(ran.load(Ordering::Relaxed));
        drop(g);
        assert_eq!(gil.stats().acquisitions, 3);
    }
}

#[cfg(all(test, loom))]
mod loom_tests {
    use super::*;
    use ftl_core::sync::{model, thread, Arc, UnsafeCell};
    use ftl_core::ThreadHandle;
    use std::sync::atomic::{AtomicBool as StdBool, Ordering as StdOrdering};

    /// Data touched only while attached.
    struct Shared {
        gil: OldGil,
        cell: UnsafeCell<u32>,
    }
    // SAFETY: `cell` is accessed only by a thread attached to `gil`, which
    // excludes every other (the property under test; loom checks it).
    unsafe impl Sync for Shared {}

    fn shared() -> Arc<Shared> {
        let gil = OldGil::new();
        gil.set_check_interval(1);
        Arc::new(Shared {
            gil,
            cell: UnsafeCell::new(0),
        })
    }

    fn bump(s: &Shared) {
        // SAFETY: called only while attached.
        s.cell.with_mut(|p| unsafe { *p += 1 });
    }

    /// Mutual exclusion: two threads each bump, poll (check interval 1: a
    /// release and re-take), bump again. loom checks every access to the
    /// cell; no increment is lost.
    #[test]
    fn mutual_exclusion() {
        model(|| {
            let s = shared();
            let s2 = s.clone();
            let t = thread::spawn(move || {
                let mut h = ThreadHandle::register(&s2.gil);
                let mut g = h.attach();
                bump(&s2);
                g.poll();
                bump(&s2);
            });
            {
                let mut h = ThreadHandle::register(&s.gil);
                let mut g = h.attach();
                bump(&s);
                g.poll();
                bump(&s);
            }
            t.join().unwrap();
            // SAFETY: both threads are done.
            assert_eq!(s.cell.with(|p| unsafe { *p }), 4);
        });
    }

    /// No lost wake-up: a thread blocked in attach gets the lock once the
    /// holder detaches.
    #[test]
    fn release_wakes_a_blocked_waiter() {
        model(|| {
            let s = shared();
            let mut h = ThreadHandle::register(&s.gil);
            let g = h.attach();
            let s2 = s.clone();
            let t = thread::spawn(move || {
                let mut h = ThreadHandle::register(&s2.gil);
                let _g = h.attach();
                bump(&s2);
            });
            drop(g);
            t.join().unwrap();
            // SAFETY: the other thread is done.
            assert_eq!(s.cell.with(|p| unsafe { *p }), 1);
        });
    }

    static WAITER_WON: StdBool = StdBool::new(false);
    static HOLDER_WON: StdBool = StdBool::new(false);

    /// The battle: the holder polls (check interval 1) while the other
    /// thread wants the lock. Over all interleavings, both outcomes occur:
    /// sometimes the waiter gets in during the poll, sometimes the releaser
    /// wins the lock back. Nothing is handed over.
    #[test]
    fn poll_lets_either_thread_win() {
        model(|| {
            let s = shared();
            let mut h = ThreadHandle::register(&s.gil);
            let mut g = h.attach();
            let s2 = s.clone();
            let t = thread::spawn(move || {
                let mut h = ThreadHandle::register(&s2.gil);
                let _g = h.attach();
                // Mark that the waiter ran: 10 = before the holder's second
                // step.
                // SAFETY: attached.
                s2.cell.with_mut(|p| unsafe { *p += 10 });
            });
            g.poll();
            // SAFETY: attached.
            let seen = s.cell.with_mut(|p| unsafe {
                let v = *p;
                *p += 1;
                v
            });
            if seen == 10 {
                WAITER_WON.store(true, StdOrdering::Relaxed);
            } else {
                HOLDER_WON.store(true, StdOrdering::Relaxed);
            }
            drop(g);
            t.join().unwrap();
            // SAFETY: the other thread is done.
            assert_eq!(s.cell.with(|p| unsafe { *p }), 11);
        });
        assert!(WAITER_WON.load(StdOrdering::Relaxed), "waiter never won");
        assert!(HOLDER_WON.load(StdOrdering::Relaxed), "holder never won");
    }
}
