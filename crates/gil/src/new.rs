//! The new GIL: CPython 3.2+'s `take_gil` / `drop_gil`.
//!
//! # Original
//!
//! Antoine Pitrou's "new GIL" (python-dev, "Reworking the GIL", October
//! 2009; first released in CPython 3.2), as it is in CPython 3.11's
//! `Python/ceval_gil.c` and `Include/internal/pycore_gil.h`.
//! It replaced the old GIL's tick counting (see [`OldGil`](crate::OldGil))
//! with a time slice and a request from the waiter, and added forced
//! switching so that the releasing thread cannot simply take the GIL back.
//!
//! # State
//!
//! * `state` (a [`Mutex`], CPython's `gil->mutex`) guards `locked` (is the
//!   GIL held), `switch_number` (how many times it changed hands), the
//!   interval and the counters; `cond` (`gil->cond`) signals that the GIL was
//!   dropped.
//! * `switch` (CPython's `gil->switch_mutex`) guards `last_holder`, the id of
//!   the thread that holds or last held the GIL; `switch_cond` signals that a
//!   thread took the GIL (`FORCE_SWITCHING`).
//! * `drop_request` (CPython's `gil_drop_request`, folded into its
//!   `eval_breaker`): an atomic flag a waiter sets to ask the holder to drop
//!   the GIL. The holder's [`poll`](RawCoordination::poll) reads it with one
//!   relaxed load.
//!
//! Lock order: `state` before `switch`.
//!
//! # Algorithm
//!
//! **take** (attach, and the second half of a switch at a poll):
//!
//! 1. Lock `state`. If the GIL is free, go to step 4.
//! 2. While it is held: remember `switch_number`, then wait on `cond` for one
//!    switch interval (through the [`SwitchClock`]).
//! 3. If the interval elapsed, the GIL is still held, and `switch_number` is
//!    unchanged — nobody else got the GIL during our whole wait — set
//!    `drop_request`. (If the GIL changed hands meanwhile, the new holder
//!    deserves a full interval: wait again.) Loop to 2.
//! 4. Lock `switch`; set `locked`; if `last_holder` is not us, record us and
//!    bump `switch_number`; notify `switch_cond` (a forced-switching dropper
//!    may be waiting for exactly this); unlock `switch`.
//! 5. Clear `drop_request`: whoever asked is served, or will ask again after
//!    another full interval. Unlock `state`.
//!
//! **drop** (detach, and the first half of a switch at a poll):
//!
//! 1. Lock `state`, clear `locked`, unlock, notify one waiter on `cond`.
//! 2. `FORCE_SWITCHING`: if `drop_request` is set, lock `switch`; while
//!    `last_holder` is still us (nobody took the GIL yet), clear
//!    `drop_request` and wait on `switch_cond`. On a multicore machine this
//!    stops the releasing thread from winning the GIL straight back (the old
//!    GIL's battle): the waiter that asked gets it first.
//!
//! **poll**: if `drop_request` is set (one relaxed load on the fast path),
//! drop (with forced switching) and take again.
//!
//! Where CPython waits once on `switch_cond` and tolerates a spurious
//! wake-up, step 2 here waits in a loop on the predicate, which makes the
//! handover a guarantee the loom model can check. It cannot hang: the flag
//! was set by a waiter that is still inside take (waiters never leave
//! without the GIL), the GIL is free, and step 1 woke a waiter, so some
//! thread takes it and notifies `switch_cond` under `switch`.
//!
//! # Invariants
//!
//! * `locked` is read and written only under `state`; it is set only by a
//!   thread that saw it clear and cleared only by the holder: mutual
//!   exclusion. Both halves go through `state`, so a drop happens-before the
//!   next take.
//! * No lost wake-up: a taker checks `locked` and starts waiting under
//!   `state`; the dropper clears `locked` under `state` and then notifies.
//!   Time only decides *when a drop request is made*; no wait for the GIL
//!   itself depends on a timeout firing.
//! * `last_holder` is written only under both `state` and `switch`, so a
//!   forced-switching dropper that sees itself as `last_holder` under
//!   `switch` will be notified by the next taker.
//!
//! The loom models below check mutual exclusion, no lost wake-up, that a
//! drop request makes the holder's poll hand the GIL over, and that forced
//! switching is what keeps the dropper from re-taking it first.

#![allow(unsafe_code)] // unsafe impl RawCoordination

use std::fmt;
use std::time::{Duration, Instant};

use ftl_core::probe::{ProbeKind, Probes};
use ftl_core::sync::{Arc, AtomicBool, Condvar, Mutex};
use ftl_core::RawCoordination;

use crate::clock::{wait_interval, Expiry, SwitchClock};
use crate::drop_request::DropRequest;
use crate::stats::{Counters, GilStats};

/// CPython 3.2+'s GIL (`Python/ceval_gil.c`). See the [module docs](self).
pub struct NewGil {
    state: Mutex<State>,
    cond: Condvar,
    switch: Mutex<SwitchState>,
    switch_cond: Condvar,
    /// Shared with the interpreter as its eval breaker ([`Self::eval_breaker`]).
    drop_request: DropRequest,
    clock: SwitchClock,
    force_switching: bool,
    probes: Probes,
}

struct State {
    locked: bool,
    switch_number: u64,
    interval: Duration,
    expiry: Expiry,
    next_id: u64,
    counters: Counters,
}

struct SwitchState {
    /// 0: nobody yet.
    last_holder: u64,
    /// Forced switches completed (a counter, see [`GilStats`]).
    forced: u64,
}

/// The per-thread state of a [`NewGil`]: the thread's id.
#[derive(Debug)]
pub struct NewThread {
    id: u64,
}

impl NewGil {
    /// A free GIL: 5 ms interval, real clock, forced switching, probes off.
    pub fn new() -> Self {
        NewGil {
            state: Mutex::new(State {
                locked: false,
                switch_number: 0,
                interval: crate::DEFAULT_SWITCH_INTERVAL,
                expiry: Expiry::default(),
                next_id: 1,
                counters: Counters::default(),
            }),
            cond: Condvar::new(),
            switch: Mutex::new(SwitchState {
                last_holder: 0,
                forced: 0,
            }),
            switch_cond: Condvar::new(),
            drop_request: DropRequest::new(),
            clock: SwitchClock::Real,
            force_switching: true,
            probes: Probes::off(),
        }
    }

    /// The same GIL emitting its events to `probes`.
    pub fn with_probes(mut self, probes: Probes) -> Self {
        self.probes = probes;
        self
    }

    /// The same GIL with interval waits measured by `clock`.
    pub fn with_clock(mut self, clock: SwitchClock) -> Self {
        self.clock = clock;
        self
    }

    /// The same GIL with `FORCE_SWITCHING` on (the default, as in CPython) or
    /// off. Off, a dropping thread does not wait for another to take the GIL
    /// and usually re-takes it itself on a multicore machine: an experiment,
    /// not a mode to run programs in.
    pub fn with_force_switching(mut self, on: bool) -> Self {
        self.force_switching = on;
        self
    }

    /// Sets the switch interval (`sys.setswitchinterval`); used from each
    /// waiter's next interval wait. Zero is treated as 1 µs.
    pub fn set_switch_interval(&self, interval: Duration) {
        self.state.lock().interval = interval.max(crate::MIN_INTERVAL);
    }

    /// The switch interval (`sys.getswitchinterval`).
    pub fn switch_interval(&self) -> Duration {
        self.state.lock().interval
    }

    /// Makes the interval of one waiter elapse now: the current interval
    /// wait of one thread waiting for the GIL — or, if none waits, the next
    /// one — reports an elapsed interval. This is how a [`SwitchClock::Manual`]
    /// GIL advances, and how the loom models drive the timeout.
    pub fn expire_interval(&self) {
        self.state.lock().expiry.set();
        self.cond.notify_all();
    }

    /// Whether a drop request is pending (a racy snapshot).
    pub fn drop_requested(&self) -> bool {
        self.drop_request.is_raised()
    }

    /// The drop-request flag itself, for an interpreter to read inline as
    /// its eval breaker (CPython folds `gil_drop_request` into
    /// `eval_breaker`): when it reads `false` at a safe point it may skip
    /// [`poll`](RawCoordination::poll), whose fast path is that same load.
    /// Only the GIL writes it.
    pub fn eval_breaker(&self) -> Arc<AtomicBool> {
        self.drop_request.share()
    }

    /// A snapshot of the counters.
    pub fn stats(&self) -> GilStats {
        let mut s = self.state.lock().counters.stats;
        // Forced switches are counted under `switch`.
        s.forced_switches = self.forced_switches();
        s
    }

    fn forced_switches(&self) -> u64 {
        self.switch.lock().forced
    }

    /// take_gil.
    fn take(&self, t: &NewThread) {
        self.probes.emit(ProbeKind::GilRequest, 0);
        // Step 1.
        let mut st = self.state.lock();
        let mut since = None;
        if st.locked {
            since = Some(Instant::now());
            // Step 2.
            while st.locked {
                let saved = st.switch_number;
                let interval = st.interval;
                let elapsed =
                    wait_interval(self.clock, &self.cond, &mut st, interval, |s| &mut s.expiry);
                // Step 3.
                if elapsed && st.locked && st.switch_number == saved {
                    self.drop_request.raise(&mut st.counters, &self.probes);
                }
            }
        }
        // Step 4.
        {
            let mut sw = self.switch.lock();
            st.locked = true;
            if sw.last_holder != t.id {
                sw.last_holder = t.id;
                st.switch_number += 1;
            }
            self.switch_cond.notify_all();
        }
        // Step 5.
        self.drop_request.set(false);
        let waited = st.counters.took(t.id, since);
        drop(st);
        self.probes.emit(ProbeKind::GilTake, waited);
    }

    /// drop_gil.
    fn drop_gil(&self, t: &NewThread) {
        // Step 1.
        let mut st = self.state.lock();
        st.locked = false;
        drop(st);
        self.cond.notify_one();
        self.probes.emit(ProbeKind::GilDrop, 0);
        // Step 2.
        if self.force_switching && self.drop_request.is_raised() {
            let mut sw = self.switch.lock();
            if sw.last_holder == t.id {
                self.drop_request.set(false);
                while sw.last_holder == t.id {
                    self.switch_cond.wait(&mut sw);
                }
                sw.forced += 1;
                drop(sw);
                self.probes.emit(ProbeKind::ForcedSwitch, 0);
            }
        }
    }

    #[cold]
    #[inline(never)]
    fn switch_at_poll(&self, t: &NewThread) {
        self.drop_gil(t);
        // Other threads may run now.
        self.take(t);
    }
}

impl Default for NewGil {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for NewGil {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewGil")
            .field("switch_interval", &self.switch_interval())
            .field("clock", &self.clock)
            .field("force_switching", &self.force_switching)
            .field("stats", &self.stats())
            .finish()
    }
}

// SAFETY: mutual exclusion: `locked` is set under `state` only by a thread
// that saw it clear and cleared only by the holder. Detach happens-before
// the next attach: both halves lock `state`. `poll` returns after `take`, so
// attached. No lost wake-up: the check of `locked` and the start of the wait
// happen under `state`, and every drop clears it under `state` and then
// notifies; no correctness step waits for a timeout. Stop-the-world: the
// attached caller holds the GIL (crate docs).
unsafe impl RawCoordination for NewGil {
    type Thread = NewThread;
    const NAME: &'static str = "gil-new";
    const EXCLUSIVE: bool = true;

    fn register(&self) -> NewThread {
        let mut st = self.state.lock();
        let id = st.next_id;
        st.next_id += 1;
        NewThread { id }
    }

    unsafe fn attach(&self, thread: &NewThread) {
        self.take(thread);
    }

    unsafe fn detach(&self, thread: &NewThread) {
        self.drop_gil(thread);
    }

    #[inline]
    unsafe fn poll(&self, thread: &NewThread) {
        if self.drop_request.is_raised() {
            self.switch_at_poll(thread);
        }
    }

    unsafe fn stop_the_world(&self, _thread: &NewThread) {}

    unsafe fn start_the_world(&self, _thread: &NewThread) {}
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use ftl_core::probe::Recorder;
    use ftl_core::ThreadHandle;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;

    #[test]
    fn switch_interval_setter_and_getter() {
        let gil = NewGil::new();
        assert_eq!(gil.switch_interval(), Duration::from_millis(5));
        gil.set_switch_interval(Duration::from_micros(250));
        assert_eq!(gil.switch_interval(), Duration::from_micros(250));
        gil.set_switch_interval(Duration::ZERO);
        assert_eq!(gil.switch_interval(), Duration::from_micros(1));
    }

    #[test]
    fn uncontended_round_trips_count_and_never_request() {
        let rec = Arc::new(Recorder::new());
        let gil = NewGil::new().with_probes(Probes::to(rec.clone()));
        let mut h = ThreadHandle::register(&gil);
        for _ in 0..10 {
            let mut g = h.attach();
            g.poll();
            g.detach(|| ());
        }
        let s = gil.stats();
        assert_eq!(s.acquisitions, 20);
        assert_eq!(s.switches, 1);
        assert_eq!(s.contended, 0);
        assert_eq!(s.drop_requests, 0);
        assert_eq!(s.forced_switches, 0);
        assert_eq!(rec.count(ProbeKind::GilTake), 20);
        assert_eq!(rec.count(ProbeKind::GilDrop), 20);
    }

    /// A holder that only polls (never detaches) is made to yield by the
    /// waiter's drop request.
    #[test]
    fn drop_request_makes_a_spinning_holder_yield() {
        let rec = Arc::new(Recorder::new());
        let gil = NewGil::new().with_probes(Probes::to(rec.clone()));
        gil.set_switch_interval(Duration::from_micros(200));
        let waiter_ran = AtomicBool::new(false);
        let mut h = ThreadHandle::register(&gil);
        let mut g = h.attach();
        std::thread::scope(|s| {
            s.spawn(|| {
                let mut h2 = ThreadHandle::register(&gil);
                let _g2 = h2.attach();
                waiter_ran.store(true, Ordering::Relaxed);
            });
            // Spin holding the GIL, polling, until the waiter got in.
            while !waiter_ran.load(Ordering::Relaxed) {
                g.poll();
                std::hint::spin_loop();
            }
        });
        drop(g);
        let s = gil.stats();
        // The holder never detached while the waiter waited: only a drop
        // request can have let the waiter in. (Whether the holder had to
        // wait in its forced switch depends on who ran first after the
        // drop, so `forced_switches` may be 0 or 1.)
        assert!(s.drop_requests >= 1, "{s:?}");
        assert!(s.forced_switches <= 1, "{s:?}");
        // The waiter's acquisition is contended. The holder's own
        // re-acquisition after the drop is contended too when the waiter
        // still holds the GIL at that moment, so 1 or 2.
        assert!((1..=2).contains(&s.contended), "{s:?}");
        assert!(s.wait_ns > 0, "{s:?}");
        assert_eq!(rec.count(ProbeKind::DropRequest) as u64, s.drop_requests);
        assert_eq!(rec.count(ProbeKind::ForcedSwitch) as u64, s.forced_switches);
    }

    /// An interpreter that polls only when the eval breaker reads set (as
    /// ftl's eval loop does) still hands the GIL over: the breaker is the
    /// drop request itself. The deadline only turns a broken breaker into
    /// a failure instead of a hang.
    #[test]
    fn polling_on_the_eval_breaker_hands_over() {
        let gil = NewGil::new();
        gil.set_switch_interval(Duration::from_micros(200));
        let breaker = gil.eval_breaker();
        let waiter_ran = AtomicBool::new(false);
        let mut seen_set = 0u32;
        let mut h = ThreadHandle::register(&gil);
        let mut g = h.attach();
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        std::thread::scope(|s| {
            s.spawn(|| {
                let mut h2 = ThreadHandle::register(&gil);
                let _g2 = h2.attach();
                waiter_ran.store(true, Ordering::Relaxed);
            });
            while !waiter_ran.load(Ordering::Relaxed) && std::time::Instant::now() < deadline {
                if breaker.load(Ordering::Relaxed) {
                    seen_set += 1;
                    g.poll();
                }
                std::hint::spin_loop();
            }
            // Read before detaching (which lets a still-blocked waiter in),
            // and detach inside the scope so that the scope can join it.
            let ran = waiter_ran.load(Ordering::Relaxed);
            drop(g);
            assert!(ran, "the waiter never got the GIL at a breaker-driven poll");
        });
        assert!(seen_set >= 1);
        assert!(
            !breaker.load(Ordering::Relaxed),
            "a served request is cleared"
        );
    }

    /// A manual clock: no drop request until the interval is expired by
    /// hand, then the spinning holder yields.
    #[test]
    fn manual_clock_drives_the_drop_request() {
        let gil = NewGil::new().with_clock(SwitchClock::Manual);
        let waiter_ran = AtomicBool::new(false);
        let mut h = ThreadHandle::register(&gil);
        let mut g = h.attach();
        std::thread::scope(|s| {
            s.spawn(|| {
                let mut h2 = ThreadHandle::register(&gil);
                let _g2 = h2.attach();
                waiter_ran.store(true, Ordering::Relaxed);
            });
            // No interval elapses by itself: the holder keeps the GIL.
            for _ in 0..100_000 {
                g.poll();
            }
            assert!(!waiter_ran.load(Ordering::Relaxed));
            assert_eq!(gil.stats().drop_requests, 0);
            // Expire it (if the waiter is not waiting yet, the token waits
            // for its first interval wait).
            gil.expire_interval();
            while !waiter_ran.load(Ordering::Relaxed) {
                g.poll();
                std::hint::spin_loop();
            }
        });
        drop(g);
        let s = gil.stats();
        assert_eq!(s.drop_requests, 1);
        assert!(s.forced_switches <= 1);
    }

    #[test]
    fn mutual_exclusion_under_contention() {
        let gil = NewGil::new();
        gil.set_switch_interval(Duration::from_micros(50));
        crate::testing::check_mutual_exclusion(&gil, 100, 20, false);
        assert!(gil.stats().acquisitions >= 400);
    }

    #[test]
    fn detach_lets_a_blocked_thread_in() {
        let gil = NewGil::new();
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
        assert_eq!(gil.stats().switches, 3);
    }
}

#[cfg(all(test, loom))]
mod loom_tests {
    use super::*;
    use ftl_core::sync::{model, thread, Arc, UnsafeCell};
    use ftl_core::ThreadHandle;

    struct Shared {
        gil: NewGil,
        cell: UnsafeCell<u32>,
    }
    // SAFETY: `cell` is accessed only by a thread attached to `gil` (the
    // property under test; loom checks every access).
    unsafe impl Sync for Shared {}

    fn shared(force_switching: bool) -> Arc<Shared> {
        Arc::new(Shared {
            gil: NewGil::new()
                .with_clock(SwitchClock::Manual)
                .with_force_switching(force_switching),
            cell: UnsafeCell::new(0),
        })
    }

    fn add(s: &Shared, n: u32) -> u32 {
        // SAFETY: called only while attached.
        s.cell.with_mut(|p| unsafe {
            let v = *p;
            *p = v + n;
            v
        })
    }

    /// Mutual exclusion: two threads bump, poll, bump; one interval expiry
    /// is armed so that a drop request and a switch at the poll can happen.
    #[test]
    fn mutual_exclusion() {
        model(|| {
            let s = shared(true);
            s.gil.expire_interval();
            let s2 = s.clone();
            let t = thread::spawn(move || {
                let mut h = ThreadHandle::register(&s2.gil);
                let mut g = h.attach();
                add(&s2, 1);
                g.poll();
                add(&s2, 1);
            });
            {
                let mut h = ThreadHandle::register(&s.gil);
                let mut g = h.attach();
                add(&s, 1);
                g.poll();
                add(&s, 1);
            }
            t.join().unwrap();
            // SAFETY: both threads are done.
            assert_eq!(s.cell.with(|p| unsafe { *p }), 4);
        });
    }

    /// No lost wake-up: a thread blocked in attach gets the GIL once the
    /// holder detaches (no interval ever elapses).
    #[test]
    fn drop_wakes_a_blocked_waiter() {
        model(|| {
            let s = shared(true);
            let mut h = ThreadHandle::register(&s.gil);
            let g = h.attach();
            let s2 = s.clone();
            let t = thread::spawn(move || {
                let mut h = ThreadHandle::register(&s2.gil);
                let _g = h.attach();
                add(&s2, 1);
            });
            drop(g);
            t.join().unwrap();
            // SAFETY: the other thread is done.
            assert_eq!(s.cell.with(|p| unsafe { *p }), 1);
        });
    }

    /// The holder keeps the GIL and polls; the waiter's interval is expired
    /// by hand, it sets the drop request, and the holder's next poll hands
    /// the GIL over: when that poll returns, the waiter has run.
    fn poll_after_drop_request_hands_over(force_switching: bool) {
        model(move || {
            let s = shared(force_switching);
            let mut h = ThreadHandle::register(&s.gil);
            let mut g = h.attach();
            s.gil.expire_interval();
            let s2 = s.clone();
            let t = thread::spawn(move || {
                let mut h = ThreadHandle::register(&s2.gil);
                let _g = h.attach();
                add(&s2, 10);
            });
            while !s.gil.drop_requested() {
                thread::yield_now();
            }
            g.poll();
            assert_eq!(add(&s, 1), 10, "the waiter did not run at the poll");
            drop(g);
            t.join().unwrap();
        });
    }

    #[test]
    fn drop_request_then_poll_hands_over() {
        poll_after_drop_request_hands_over(true);
    }

    /// The same model without FORCE_SWITCHING: loom finds the interleaving
    /// where the dropping thread re-takes the GIL before the waiter.
    #[test]
    #[should_panic(expected = "the waiter did not run at the poll")]
    fn without_forced_switching_the_dropper_can_win_back() {
        poll_after_drop_request_hands_over(false);
    }
}
