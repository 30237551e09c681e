//! The fair GIL: ours. It cures the convoy effect of the new GIL.
//!
//! # The problem
//!
//! Under CPython's new GIL ([`NewGil`](crate::NewGil)) a thread that comes
//! back from blocking I/O must wait a whole switch interval (5 ms) before it
//! may even *ask* a CPU-bound holder to drop the GIL, and it has to do so
//! again after every I/O call. One CPU-bound thread therefore slows an
//! I/O-bound thread that does many short operations by orders of magnitude:
//! David Beazley's "convoy effect", CPython issue bpo-7946. The
//! experimental patches discussed there — priority for threads coming back
//! from I/O, a scheduler-like GIL — were never merged. Among several waiters
//! the new GIL also leaves the order to the OS, so one thread can wait much
//! longer than others.
//!
//! # The policy
//!
//! 1. **Two classes of waiters.** A thread that re-attaches after a
//!    voluntary [`detach`](RawCoordination::detach) for the outside world —
//!    it was blocked in I/O or a sleep — is *interactive* and waits in the
//!    **priority queue** (a lock wait is not: policy 7).
//!    A thread attaching for the first time, or demoted at a safe point, is
//!    *CPU-bound* and waits in the **normal queue**.
//! 2. **Interactive threads ask at once — a CPU-bound holder.** Enqueueing
//!    an interactive waiter sets the drop request immediately, with no
//!    interval wait, when the holder is CPU-bound: it hands the GIL over at
//!    its next [`poll`](RawCoordination::poll), within one safe point rather
//!    than one interval. An *interactive* holder (one that got the GIL from
//!    the priority queue) is not preempted at once: it will detach again
//!    soon, and preempting it would demote an I/O thread behind the
//!    CPU-bound ones (an I/O thread that took the GIL, polled once before
//!    its next blocking call and found a request from its peer, used to
//!    wait two whole intervals in the normal queue). Waiters behind an
//!    interactive holder ask after an interval without a switch, as in
//!    policy 3.
//! 3. **CPU-bound threads still switch once per interval.** A normal waiter
//!    waits one switch interval; if it elapsed and the GIL did not change
//!    hands meanwhile, it sets the drop request (the new GIL's rule).
//! 4. **Direct FIFO handoff.** Whoever drops the GIL (at a poll or a detach)
//!    hands it straight to the head of the priority queue, else to the head
//!    of the normal queue; the GIL never becomes free while someone waits,
//!    so the dropper cannot win it back (no "battle", and no forced-switch
//!    round trip is needed). A holder dropping at a poll is **demoted**: it
//!    joins the tail of the normal queue.
//! 5. **Bounded priority.** While CPU-bound threads wait, at most
//!    [`PRIORITY_BURST`] handoffs in a row go to the priority queue; the next
//!    goes to the normal queue's head.
//! 6. **Spin, then sleep.** A thread that queues as the only waiter spins
//!    for up to [`SPIN`] (reading an atomic copy of the owner, the mutex
//!    released; after a few turns each turn yields the core) before it
//!    sleeps on its condition variable, on a machine with more than one
//!    core. Only the sole waiter spins and the spin yields, because with
//!    more runnable threads than cores (four threads fighting over a
//!    Python lock on two cores) a pure 50 µs spin by every waiter took the
//!    cores from the very threads they waited for: 7x slower. Handoffs between an I/O thread and a CPU-bound one come in
//!    quick pairs (the I/O thread runs a few microseconds between two
//!    blocking calls); without the spin each of them costs a futex wake-up
//!    during which nobody holds the GIL *and runs*, which cost the
//!    CPU-bound thread half its speed on the convoy workload. The spin only
//!    shortens the wait: ownership is still decided and confirmed under
//!    the mutex.
//!
//! 7. **Only news from outside is interactive.** A thread that detached to
//!    wait for *another Python thread* ([`Wait::Thread`]: a lock, a join,
//!    an event) comes back CPU-bound, in the normal queue, and asks for
//!    nothing at once: the thread that released it is running and usually
//!    wants the same lock again a moment later. Serving the lock waiter
//!    first turned a hot Python lock into a lock convoy, the GIL passing
//!    to a thread that blocked on the lock at once (issue 15: four threads
//!    sharing one `threading.Lock` took 2.0 µs per update against gil-new's
//!    1.0 µs). Only a return from the outside world ([`Wait::World`]: I/O,
//!    a sleep) is the convoy case of policy 2. The other half of the cure
//!    is the lock's: a waiter takes a Python lock only once it holds the
//!    GIL again (`ftl_core::ThreadLock`'s two-phase acquire, as CPython
//!    3.13's `lock.c`), so the running thread never finds its lock taken by
//!    a thread that is still waiting for the GIL. The research behind the
//!    choice (barging against direct handoff, WebKit's `WTF::Lock`,
//!    parking_lot's eventual fairness, Ruby's GVL, the bpo-7946 patches)
//!    is in `docs/gil.md`.
//!
//! # Why nobody starves
//!
//! Assume, as every GIL does, that an attached thread reaches a safe point
//! (polls) or detaches within bounded time.
//!
//! * *A handoff comes.* While an interactive thread waits behind a
//!   CPU-bound holder, the drop request is set (invariant 3 below), so the
//!   holder's next poll hands over. Otherwise every waiter sets the request
//!   after one interval without a switch.
//! * *A thread back from a lock wait is a CPU-bound waiter* (policy 7): it
//!   is in the normal queue, with the normal queue's bound below; the
//!   drop request it sets after one interval without a switch makes sure
//!   a holder that never detaches hands over.
//! * *Each queue is FIFO and each handoff serves a head.* An interactive
//!   waiter at position `k` is served within `k + 1 + ⌈(k + 1) /
//!   PRIORITY_BURST⌉` handoffs (at most one normal handoff per burst). A
//!   CPU-bound waiter at position `k` is served within `(k + 1) ·
//!   (PRIORITY_BURST + 1)` handoffs: between two normal handoffs there are
//!   at most `PRIORITY_BURST` priority ones. A demoted holder joins the back
//!   of the line and so cannot overtake anybody already waiting.
//!
//! The bound uses handoff counts, not time: with a [`SwitchClock::Manual`]
//! clock that is never expired, CPU-bound waiters are served when holders
//! detach or when an interactive waiter's request causes a handoff that
//! happens to fall to them — the same dependence on time as the new GIL.
//!
//! # Invariants
//!
//! All state is under one [`Mutex`]; each thread has its own [`Condvar`] (in
//! its [`FairThread`]) so a handoff wakes exactly the new owner.
//!
//! 1. `owner == 0` (free) implies both queues are empty: a thread only
//!    enqueues while the GIL is held, and a drop frees the GIL only when no
//!    one waits. So an attach that finds the GIL free may take it.
//! 2. Mutual exclusion: `owner` names one thread; a thread proceeds only
//!    after setting `owner` to itself (GIL free) or seeing it set to itself
//!    by the dropper; ownership changes only in the holder's drop.
//!    Every change is under the mutex, so a detach happens-before the next
//!    attach.
//! 3. While the GIL is held by a CPU-bound owner and the priority queue is
//!    non-empty, `drop_request` is set: an interactive waiter sets it when
//!    it enqueues behind a CPU-bound owner, the new owner after each handoff
//!    sets it to "priority queue non-empty and I am CPU-bound", and it is
//!    cleared otherwise only by a holder that finds both queues empty.
//! 4. No lost wake-up: a waiter checks `owner` and starts waiting under the
//!    mutex; the dropper sets `owner` and notifies the new owner's condition
//!    variable under the same mutex. No wait for the GIL depends on a
//!    timeout.
//!
//! The loom models below check mutual exclusion, no lost wake-up, that a
//! thread returning from a detach gets the GIL at the holder's next poll
//! without any interval elapsing, that one returning from a lock wait does
//! not (policy 7), and that a detach hands the GIL to the waiter before the
//! detaching thread can take it back.

#![allow(unsafe_code)] // unsafe impl RawCoordination

use std::cell::Cell;
use std::collections::VecDeque;
use std::fmt;
use std::time::{Duration, Instant};

use core::sync::atomic::Ordering;
use ftl_core::probe::{ProbeKind, Probes};
use ftl_core::sync::{spin_hint, thread, Arc, AtomicBool, AtomicU64, Condvar, Mutex, MutexGuard};
use ftl_core::{RawCoordination, Wait};

use crate::clock::{wait_interval, Expiry, SwitchClock};
use crate::drop_request::DropRequest;
use crate::stats::{Counters, GilStats};

/// At most this many handoffs in a row go to interactive (priority) waiters
/// while CPU-bound waiters are queued.
pub const PRIORITY_BURST: u32 = 4;

/// How long a thread waiting for a handoff spins before it sleeps on its
/// condition variable (policy 6).
pub const SPIN: Duration = Duration::from_micros(15);

/// Pure spins before the spin starts yielding the core.
const SPIN_BEFORE_YIELD: u32 = 32;

/// The fair GIL: priority for threads returning from blocking calls, FIFO
/// direct handoff. See the [module docs](self).
pub struct FairGil {
    state: Mutex<State>,
    /// A copy of `State::owner`, written under the mutex with it, that a
    /// waiter reads while it spins before sleeping (policy 6).
    owner_hint: AtomicU64,
    /// How long a waiter spins before it sleeps; zero on one core.
    spin: Duration,
    /// Shared with the interpreter as its eval breaker ([`Self::eval_breaker`]).
    drop_request: DropRequest,
    clock: SwitchClock,
    probes: Probes,
}

struct Waiter {
    id: u64,
    cond: Arc<Condvar>,
}

struct State {
    /// The holder's id; 0 when the GIL is free.
    owner: u64,
    /// Whether the holder got the GIL as an interactive thread (from the
    /// priority queue, or straight after a detach): interactive waiters do
    /// not preempt it (policy 2).
    owner_interactive: bool,
    /// Handoffs so far: a normal waiter's "did anyone switch during my
    /// interval" check.
    switch_number: u64,
    interval: Duration,
    expiry: Expiry,
    priority: VecDeque<Waiter>,
    normal: VecDeque<Waiter>,
    /// Priority handoffs in a row while normal waiters were queued.
    streak: u32,
    next_id: u64,
    counters: Counters,
}

/// The per-thread state of a [`FairGil`]: its id, the condition variable a
/// handoff wakes it on, and whether its next attach returns from a detach.
pub struct FairThread {
    id: u64,
    cond: Arc<Condvar>,
    returning: Cell<bool>,
}

impl fmt::Debug for FairThread {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FairThread")
            .field("id", &self.id)
            .field("returning", &self.returning.get())
            .finish()
    }
}

#[derive(Clone, Copy)]
enum Class {
    Priority,
    Normal,
}

impl FairGil {
    /// A free GIL: 5 ms interval for CPU-bound threads, real clock, probes
    /// off.
    pub fn new() -> Self {
        FairGil {
            state: Mutex::new(State {
                owner: 0,
                owner_interactive: false,
                switch_number: 0,
                interval: crate::DEFAULT_SWITCH_INTERVAL,
                expiry: Expiry::default(),
                priority: VecDeque::new(),
                normal: VecDeque::new(),
                streak: 0,
                next_id: 1,
                counters: Counters::default(),
            }),
            owner_hint: AtomicU64::new(0),
            spin: if std::thread::available_parallelism().map_or(1, |n| n.get()) > 1 {
                SPIN
            } else {
                Duration::ZERO
            },
            drop_request: DropRequest::new(),
            clock: SwitchClock::Real,
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

    /// Sets the switch interval of CPU-bound threads; zero is treated as
    /// 1 µs.
    pub fn set_switch_interval(&self, interval: Duration) {
        self.state.lock().interval = interval.max(crate::MIN_INTERVAL);
    }

    /// The switch interval of CPU-bound threads.
    pub fn switch_interval(&self) -> Duration {
        self.state.lock().interval
    }

    /// Makes the current (or next) interval wait of one CPU-bound waiter
    /// elapse now; see [`NewGil::expire_interval`](crate::NewGil::expire_interval).
    pub fn expire_interval(&self) {
        let mut st = self.state.lock();
        st.expiry.set();
        for w in st.normal.iter().chain(st.priority.iter()) {
            w.cond.notify_one();
        }
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

    /// How many threads wait for the GIL (both queues).
    pub fn queued(&self) -> usize {
        let st = self.state.lock();
        st.priority.len() + st.normal.len()
    }

    /// A snapshot of the counters; `forced_switches` counts demotions (a
    /// holder handing over at a safe point).
    pub fn stats(&self) -> GilStats {
        self.state.lock().counters.stats
    }

    fn request_drop(&self, st: &mut State) {
        self.drop_request.raise(&mut st.counters, &self.probes);
    }

    /// Takes the GIL for `t`, waiting in `class`'s queue if it is held.
    fn acquire(&self, t: &FairThread, class: Class) {
        self.probes.emit(ProbeKind::GilRequest, 0);
        let mut st = self.state.lock();
        if st.owner == 0 {
            // Invariant 1: nobody waits, take it.
            st.owner = t.id;
            self.owner_hint.store(t.id, Ordering::Release);
            st.owner_interactive = matches!(class, Class::Priority);
            self.took(st, t, None);
        } else {
            let since = Some(Instant::now());
            self.enqueue(&mut st, t, class);
            let st = self.spin_then_wait(st, t);
            self.took(st, t, since);
        }
    }

    /// Policy 6: with the thread queued, spins (mutex released) for a
    /// short while in case the handoff comes soon — a holder that polls
    /// after a drop request, or an interactive holder that detaches again
    /// within microseconds — so that the new owner is already running when
    /// the GIL reaches it; then waits on its condition variable. Returns
    /// with the mutex held and `t` the owner.
    fn spin_then_wait<'a>(
        &'a self,
        mut st: MutexGuard<'a, State>,
        t: &FairThread,
    ) -> MutexGuard<'a, State> {
        let sole_waiter = st.priority.len() + st.normal.len() == 1;
        if !self.spin.is_zero() && st.owner != t.id && sole_waiter {
            drop(st);
            let start = Instant::now();
            let mut n = 0u32;
            while self.owner_hint.load(Ordering::Acquire) != t.id {
                // A few pure spins, then yield the core at each turn
                // (policy 6).
                if n < SPIN_BEFORE_YIELD {
                    spin_hint();
                } else {
                    thread::yield_now();
                }
                n += 1;
                if cfg!(loom) && n >= 2 {
                    break;
                }
                if n.is_multiple_of(16) && start.elapsed() >= self.spin {
                    break;
                }
            }
            st = self.state.lock();
        }
        self.wait_turn(&mut st, t);
        st
    }

    /// Queues `t` in `class`'s queue, asking for the GIL at once if policy
    /// 2 says so.
    fn enqueue(&self, st: &mut State, t: &FairThread, class: Class) {
        let me = Waiter {
            id: t.id,
            cond: t.cond.clone(),
        };
        match class {
            Class::Priority => {
                st.priority.push_back(me);
                // Policy 2: at once, unless the holder is interactive too.
                if !st.owner_interactive {
                    self.request_drop(st);
                }
            }
            Class::Normal => st.normal.push_back(me),
        }
    }

    /// Waits until a dropper made `t` (queued) the owner.
    fn wait_turn(&self, st: &mut MutexGuard<'_, State>, t: &FairThread) {
        // Policy 3 (and the fallback of policy 2 behind an interactive
        // holder that does not detach): after a whole interval without a
        // switch, ask.
        while st.owner != t.id {
            let saved = st.switch_number;
            let interval = st.interval;
            let elapsed = wait_interval(self.clock, &t.cond, st, interval, |s| &mut s.expiry);
            if elapsed && st.owner != t.id && st.switch_number == saved {
                self.request_drop(st);
            }
        }
    }

    /// Bookkeeping once `t` owns the GIL; unlocks.
    fn took(&self, mut st: MutexGuard<'_, State>, t: &FairThread, since: Option<Instant>) {
        // Requests made so far are served; interactive waiters still queued
        // keep theirs against a CPU-bound owner (invariant 3); everyone
        // else asks again after a full interval.
        self.drop_request
            .set(!st.priority.is_empty() && !st.owner_interactive);
        let waited = st.counters.took(t.id, since);
        drop(st);
        self.probes.emit(ProbeKind::GilTake, waited);
    }

    /// The next owner, by the policy (priority first, bounded by the burst).
    fn next_waiter(st: &mut State) -> Option<(Waiter, Class)> {
        let normal_waiting = !st.normal.is_empty();
        if !st.priority.is_empty() && (!normal_waiting || st.streak < PRIORITY_BURST) {
            st.streak = if normal_waiting { st.streak + 1 } else { 0 };
            return st.priority.pop_front().map(|w| (w, Class::Priority));
        }
        st.streak = 0;
        st.normal.pop_front().map(|w| (w, Class::Normal))
    }

    /// Gives the GIL to the next waiter, or frees it if nobody waits.
    fn hand_off(&self, st: &mut State) {
        match Self::next_waiter(st) {
            Some((next, class)) => {
                st.owner = next.id;
                self.owner_hint.store(next.id, Ordering::Release);
                st.owner_interactive = matches!(class, Class::Priority);
                st.switch_number += 1;
                next.cond.notify_one();
            }
            None => {
                st.owner = 0;
                self.owner_hint.store(0, Ordering::Release);
            }
        }
    }

    /// Detach: hand over or free. A thread that waits for the outside
    /// world comes back interactive (policy 1); one that waits for another
    /// Python thread comes back CPU-bound (policy 7).
    fn release(&self, t: &FairThread, wait: Wait) {
        let mut st = self.state.lock();
        self.hand_off(&mut st);
        drop(st);
        t.returning.set(wait == Wait::World);
        self.probes.emit(ProbeKind::GilDrop, 0);
    }

    /// A poll saw the drop request: hand over and wait, demoted, in the
    /// normal queue.
    #[cold]
    #[inline(never)]
    fn yield_at_poll(&self, t: &FairThread) {
        let mut st = self.state.lock();
        if st.priority.is_empty() && st.normal.is_empty() {
            // A stale request: nobody waits, keep the GIL.
            self.drop_request.set(false);
            return;
        }
        self.hand_off(&mut st);
        st.counters.stats.forced_switches += 1;
        self.probes.emit(ProbeKind::GilDrop, 0);
        self.probes.emit(ProbeKind::ForcedSwitch, 0);
        self.probes.emit(ProbeKind::GilRequest, 0);
        let since = Some(Instant::now());
        self.enqueue(&mut st, t, Class::Normal);
        let st = self.spin_then_wait(st, t);
        self.took(st, t, since);
    }
}

impl Default for FairGil {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for FairGil {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FairGil")
            .field("switch_interval", &self.switch_interval())
            .field("clock", &self.clock)
            .field("queued", &self.queued())
            .field("stats", &self.stats())
            .finish()
    }
}

// SAFETY: mutual exclusion and detach-happens-before-attach: invariant 2 of
// the module docs (one `owner`, changed only by the holder, always under
// the mutex). `poll` returns with `owner` equal to the caller. No lost
// wake-up: invariant 4. Stop-the-world: the attached caller holds the GIL
// (crate docs).
unsafe impl RawCoordination for FairGil {
    type Thread = FairThread;
    const NAME: &'static str = "gil-fair";
    const EXCLUSIVE: bool = true;

    fn register(&self) -> FairThread {
        let mut st = self.state.lock();
        let id = st.next_id;
        st.next_id += 1;
        FairThread {
            id,
            cond: Arc::new(Condvar::new()),
            returning: Cell::new(false),
        }
    }

    unsafe fn attach(&self, thread: &FairThread) {
        let class = if thread.returning.replace(false) {
            Class::Priority
        } else {
            Class::Normal
        };
        self.acquire(thread, class);
    }

    unsafe fn detach(&self, thread: &FairThread) {
        self.release(thread, Wait::World);
    }

    unsafe fn detach_for(&self, thread: &FairThread, wait: Wait) {
        self.release(thread, wait);
    }

    #[inline]
    unsafe fn poll(&self, thread: &FairThread) {
        if self.drop_request.is_raised() {
            self.yield_at_poll(thread);
        }
    }

    unsafe fn stop_the_world(&self, _thread: &FairThread) {}

    unsafe fn start_the_world(&self, _thread: &FairThread) {}
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use ftl_core::probe::Recorder;
    use ftl_core::ThreadHandle;
    use std::sync::atomic::{AtomicBool, Ordering};

    #[test]
    fn switch_interval_setter_and_getter() {
        let gil = FairGil::new();
        assert_eq!(gil.switch_interval(), Duration::from_millis(5));
        gil.set_switch_interval(Duration::from_millis(2));
        assert_eq!(gil.switch_interval(), Duration::from_millis(2));
    }

    /// A thread returning from a detach gets the GIL from a spinning
    /// holder with no interval ever elapsing (manual clock, never expired).
    #[test]
    fn returning_thread_preempts_a_spinning_holder_without_any_interval() {
        let rec = std::sync::Arc::new(Recorder::new());
        let gil = FairGil::new()
            .with_clock(SwitchClock::Manual)
            .with_probes(Probes::to(rec.clone()));
        let ready = AtomicBool::new(false);
        let done = AtomicBool::new(false);
        std::thread::scope(|s| {
            s.spawn(|| {
                let mut h = ThreadHandle::register(&gil);
                let mut g = h.attach();
                // "I/O": the re-attach after this is interactive.
                g.detach(|| {
                    while !ready.load(Ordering::Relaxed) {
                        std::thread::yield_now();
                    }
                });
                done.store(true, Ordering::Relaxed);
            });
            let mut h = ThreadHandle::register(&gil);
            // Wait until the other thread attached once, then spin holding
            // the GIL (blocking first if it still holds it).
            while gil.stats().acquisitions == 0 {
                std::thread::yield_now();
            }
            let mut g = h.attach();
            ready.store(true, Ordering::Relaxed);
            while !done.load(Ordering::Relaxed) {
                g.poll();
                std::hint::spin_loop();
            }
        });
        let s = gil.stats();
        assert!(s.drop_requests >= 1, "{s:?}");
        assert!(rec.count(ProbeKind::DropRequest) >= 1);
    }

    /// An interactive holder (back from a detach) is not preempted at once
    /// by another interactive thread — only after an interval without a
    /// switch — so two I/O threads do not take the GIL from each other at
    /// every poll, and neither is demoted behind a CPU-bound thread.
    #[test]
    fn interactive_holder_is_not_preempted_by_an_interactive_waiter() {
        let gil = FairGil::new().with_clock(SwitchClock::Manual);
        let t2_detached = AtomicBool::new(false);
        let go = AtomicBool::new(false);
        let done = AtomicBool::new(false);
        std::thread::scope(|s| {
            let mut h = ThreadHandle::register(&gil);
            let mut g = h.attach();
            s.spawn(|| {
                let mut h2 = ThreadHandle::register(&gil);
                let mut g2 = h2.attach();
                // "I/O" until the main thread holds the GIL again: the
                // re-attach after it is interactive.
                g2.detach(|| {
                    t2_detached.store(true, Ordering::Relaxed);
                    while !go.load(Ordering::Relaxed) {
                        std::thread::yield_now();
                    }
                });
                done.store(true, Ordering::Relaxed);
            });
            // The main thread's own "I/O", during which the other thread
            // attaches and detaches; after it, the holder is interactive.
            g.detach(|| {
                while !t2_detached.load(Ordering::Relaxed) {
                    std::thread::yield_now();
                }
            });
            go.store(true, Ordering::Relaxed);
            while gil.queued() == 0 {
                g.poll();
                std::thread::yield_now();
            }
            // An interactive thread waits behind an interactive holder:
            // no drop request yet.
            assert!(
                !gil.drop_requested(),
                "an interactive holder was asked to drop at once"
            );
            // After an interval without a switch, it asks (policy 3).
            gil.expire_interval();
            while !done.load(Ordering::Relaxed) {
                g.poll();
                std::thread::yield_now();
            }
        });
        assert!(gil.stats().drop_requests >= 1);
    }

    /// CPU-bound threads (no detach) switch on the interval: with a manual
    /// clock, a polled-out holder yields only once the interval expires.
    #[test]
    fn cpu_bound_waiter_needs_the_interval() {
        let gil = FairGil::new().with_clock(SwitchClock::Manual);
        let ran = AtomicBool::new(false);
        let mut h = ThreadHandle::register(&gil);
        let mut g = h.attach();
        std::thread::scope(|s| {
            s.spawn(|| {
                let mut h2 = ThreadHandle::register(&gil);
                let _g = h2.attach();
                ran.store(true, Ordering::Relaxed);
            });
            for _ in 0..100_000 {
                g.poll();
            }
            assert!(!ran.load(Ordering::Relaxed));
            gil.expire_interval();
            while !ran.load(Ordering::Relaxed) {
                g.poll();
                std::hint::spin_loop();
            }
        });
        drop(g);
        let s = gil.stats();
        assert_eq!(s.drop_requests, 1);
        assert_eq!(s.forced_switches, 1);
    }

    #[test]
    fn mutual_exclusion_under_contention() {
        let gil = FairGil::new();
        gil.set_switch_interval(Duration::from_micros(50));
        // Half the threads do "I/O" now and then.
        crate::testing::check_mutual_exclusion(&gil, 100, 20, true);
        assert_eq!(gil.queued(), 0);
    }

    /// FIFO handoff: with the holder detaching while two threads wait, they
    /// get the GIL in the order they queued.
    #[test]
    fn detach_hands_over_in_fifo_order() {
        let gil = FairGil::new().with_clock(SwitchClock::Manual);
        let order = std::sync::Mutex::new(Vec::new());
        let mut h = ThreadHandle::register(&gil);
        let g = h.attach();
        std::thread::scope(|s| {
            for who in 1..=2u32 {
                let (gil, order) = (&gil, &order);
                s.spawn(move || {
                    let mut h = ThreadHandle::register(gil);
                    let _g = h.attach();
                    order.lock().unwrap().push(who);
                });
                while gil.queued() != who as usize {
                    std::thread::yield_now();
                }
            }
            drop(g);
        });
        assert_eq!(*order.lock().unwrap(), vec![1, 2]);
        let s = gil.stats();
        assert_eq!(s.acquisitions, 3);
        assert_eq!(s.contended, 2);
        assert_eq!(s.switches, 3);
    }

    /// Interactive waiters go first, but CPU-bound ones are served at least
    /// once every PRIORITY_BURST + 1 handoffs.
    #[test]
    fn priority_burst_is_bounded() {
        let mut st = FairGil::new().state.into_inner();
        let w = |id| Waiter {
            id,
            cond: Arc::new(Condvar::new()),
        };
        st.normal.push_back(w(100));
        for id in 1..=10 {
            st.priority.push_back(w(id));
        }
        let picked: Vec<u64> = (0..7)
            .map(|_| FairGil::next_waiter(&mut st).map_or(0, |(w, _)| w.id))
            .collect();
        assert_eq!(picked, vec![1, 2, 3, 4, 100, 5, 6]);
    }
}

#[cfg(all(test, loom))]
mod loom_tests {
    use super::*;
    use ftl_core::sync::{model, thread, Arc, AtomicBool, Ordering, UnsafeCell};
    use ftl_core::ThreadHandle;

    struct Shared {
        gil: FairGil,
        cell: UnsafeCell<u32>,
        ready: AtomicBool,
        done: AtomicBool,
    }
    // SAFETY: `cell` is accessed only by a thread attached to `gil` (the
    // property under test; loom checks every access).
    unsafe impl Sync for Shared {}

    fn shared() -> Arc<Shared> {
        Arc::new(Shared {
            gil: FairGil::new().with_clock(SwitchClock::Manual),
            cell: UnsafeCell::new(0),
            ready: AtomicBool::new(false),
            done: AtomicBool::new(false),
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
    /// is armed so a drop request and a handoff at the poll can happen.
    #[test]
    fn mutual_exclusion() {
        model(|| {
            let s = shared();
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
    /// holder detaches.
    #[test]
    fn detach_wakes_a_blocked_waiter() {
        model(|| {
            let s = shared();
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

    /// A thread returning from a detach gets the GIL at the holder's next
    /// poll, with no interval ever elapsing (the manual clock is never
    /// expired): when the holder's poll returns, the returning thread ran.
    #[test]
    fn returning_thread_gets_the_gil_at_the_next_poll() {
        model(|| {
            let s = shared();
            let s2 = s.clone();
            let t = thread::spawn(move || {
                let mut h = ThreadHandle::register(&s2.gil);
                let mut g = h.attach();
                g.detach(|| s2.ready.store(true, Ordering::SeqCst));
                add(&s2, 10);
                s2.done.store(true, Ordering::SeqCst);
            });
            while !s.ready.load(Ordering::SeqCst) {
                thread::yield_now();
            }
            let mut h = ThreadHandle::register(&s.gil);
            let mut g = h.attach();
            while !s.gil.drop_requested() && !s.done.load(Ordering::SeqCst) {
                thread::yield_now();
            }
            g.poll();
            assert_eq!(add(&s, 1), 10, "the returning thread did not run");
            drop(g);
            t.join().unwrap();
        });
    }

    /// Policy 7: a thread back from waiting for another Python thread (a
    /// lock) queues as CPU-bound: the holder is not asked to drop the GIL,
    /// and the thread gets it when the holder detaches. Fails when the
    /// detach reason is ignored (every returning thread interactive).
    #[test]
    fn returning_from_a_thread_wait_does_not_preempt() {
        model(|| {
            let s = shared();
            let s2 = s.clone();
            let t = thread::spawn(move || {
                let mut h = ThreadHandle::register(&s2.gil);
                let mut g = h.attach();
                g.detach_for(Wait::Thread, || s2.ready.store(true, Ordering::SeqCst));
                add(&s2, 10);
                s2.done.store(true, Ordering::SeqCst);
            });
            while !s.ready.load(Ordering::SeqCst) {
                thread::yield_now();
            }
            let mut h = ThreadHandle::register(&s.gil);
            let mut g = h.attach();
            // Holding the GIL: once the other thread has queued (or is
            // done, having taken the GIL first), no drop request.
            while s.gil.queued() == 0 && !s.done.load(Ordering::SeqCst) {
                thread::yield_now();
            }
            assert!(
                !s.gil.drop_requested(),
                "a lock waiter preempted the holder"
            );
            g.poll();
            drop(g);
            t.join().unwrap();
            // SAFETY: the other thread has been joined.
            assert_eq!(s.cell.with(|p| unsafe { *p }), 10);
        });
    }

    /// Direct handoff: the holder detaches while the other thread waits and
    /// re-attaches at once; the waiter gets the GIL first.
    #[test]
    fn detach_hands_over_before_the_dropper_returns() {
        model(|| {
            let s = shared();
            let mut h = ThreadHandle::register(&s.gil);
            let mut g = h.attach();
            let s2 = s.clone();
            let t = thread::spawn(move || {
                let mut h = ThreadHandle::register(&s2.gil);
                let _g = h.attach();
                add(&s2, 10);
            });
            while s.gil.queued() == 0 {
                thread::yield_now();
            }
            g.detach(|| ());
            assert_eq!(add(&s, 1), 10, "the dropper won the GIL back");
            drop(g);
            t.join().unwrap();
        });
    }
}
