//! [`FreeThreads`]: thread coordination without a GIL.
//!
//! Attached threads run at the same time; the coordination's only jobs are
//! to know which threads are attached and to *stop the world* (for the
//! cycle collector, for interpreter shutdown). It follows CPython 3.13t's
//! thread states (`Python/pystate.c`: `_PyThreadState_Attach` / `_Detach`,
//! `_PyEval_StopTheWorld` / `_StartTheWorld`, PEP 703 "Thread states"):
//!
//! * every registered thread is **detached**, **attached** or
//!   **suspended** (parked at a safe point because the world is stopped);
//! * `attach` waits while another thread has the world stopped;
//! * `detach` makes the thread detached; if a stop is pending, it tells the
//!   requester, which was waiting for exactly that;
//! * `stop_the_world` has one requester at a time: a thread that asks while
//!   another thread's stop is in force first parks like any thread at a
//!   safe point (so two requesters cannot wait for each other). The
//!   requester then sets the eval breaker of every other attached thread
//!   and waits until none is attached: each has either parked at its next
//!   [`poll`](RawCoordination::poll) (suspended) or detached; detached
//!   threads cannot attach until the world starts again;
//! * `start_the_world` clears the stop and wakes everyone;
//! * a thread's registration ends when its [`FreeThread`] is dropped.
//!
//! The fast path is the poll: one load of the thread's own breaker flag,
//! which only a stop sets. Everything else goes through one mutex and one
//! condition variable, as CPython's `HEAD_LOCK` and its parking lot do;
//! attach and detach happen around blocking calls, not per bytecode.
//! (CPython makes attach/detach a compare-and-swap on the state word and
//! takes the lock only on the slow path; here the state lives under the
//! mutex, which keeps the protocol small enough to model-check whole.)
//!
//! # Invariants
//!
//! 1. Between `stop_the_world` returning and `start_the_world`, no thread
//!    other than the requester is attached.
//! 2. At most one stop is in force at a time.
//! 3. A thread waiting to attach, parked at a poll or waiting to request a
//!    stop is woken when the stop ends (every change to `stopper` or to a
//!    thread's state is followed by a `notify_all`).
//!
//! Loom models below check each, with the step that each one needs.

#![allow(unsafe_code)] // unsafe impl RawCoordination, and the models' cells

use ftl_core::sync::{Arc, AtomicBool, Condvar, Mutex, MutexGuard, Ordering};
use ftl_core::RawCoordination;

/// Where a registered thread stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThreadStatus {
    /// Not running bytecode (a blocking call, or not started).
    Detached,
    /// Running bytecode.
    Attached,
    /// Parked at a safe point while another thread has the world stopped.
    Suspended,
}

/// Thread coordination without a GIL (see the module docs).
pub struct FreeThreads {
    inner: Arc<Inner>,
}

struct Inner {
    world: Mutex<World>,
    /// Signalled on every change of `World`.
    changed: Condvar,
}

struct World {
    threads: Vec<Slot>,
    next_id: u64,
    /// The thread that has the world stopped, if any.
    stopper: Option<u64>,
    /// Completed stops (for tests and reports).
    stops: u64,
}

struct Slot {
    id: u64,
    status: ThreadStatus,
    breaker: Arc<AtomicBool>,
}

/// One thread's registration on a [`FreeThreads`]; deregisters on drop.
pub struct FreeThread {
    id: u64,
    breaker: Arc<AtomicBool>,
    inner: Arc<Inner>,
}

impl FreeThread {
    /// The thread's eval breaker: set when it must call `poll` soon (a stop
    /// of the world is waiting for it). An interpreter reads it at every
    /// safe point, as CPython reads `eval_breaker`.
    pub fn breaker(&self) -> &AtomicBool {
        &self.breaker
    }

    /// The same flag, shared: for an interpreter that keeps it beside
    /// other coordinations' flags (the eval loop holds an
    /// `Arc<AtomicBool>` whichever coordination it runs on).
    pub fn breaker_handle(&self) -> &Arc<AtomicBool> {
        &self.breaker
    }

    /// The registration's identifier (unique per coordination).
    pub fn id(&self) -> u64 {
        self.id
    }
}

impl Drop for FreeThread {
    fn drop(&mut self) {
        let mut w = self.inner.world.lock();
        w.threads.retain(|s| s.id != self.id);
        drop(w);
        self.inner.changed.notify_all();
    }
}

impl Default for FreeThreads {
    fn default() -> Self {
        Self::new()
    }
}

impl FreeThreads {
    /// A coordination with no threads registered.
    pub fn new() -> Self {
        FreeThreads {
            inner: Arc::new(Inner {
                world: Mutex::new(World {
                    threads: Vec::new(),
                    next_id: 1,
                    stopper: None,
                    stops: 0,
                }),
                changed: Condvar::new(),
            }),
        }
    }

    /// How many threads are registered.
    pub fn registered(&self) -> usize {
        self.inner.world.lock().threads.len()
    }

    /// How many stops of the world have been requested and granted.
    pub fn stops(&self) -> u64 {
        self.inner.world.lock().stops
    }

    /// The status of registration `id`, if it is registered.
    pub fn status(&self, id: u64) -> Option<ThreadStatus> {
        let w = self.inner.world.lock();
        w.threads.iter().find(|s| s.id == id).map(|s| s.status)
    }
}

impl World {
    fn set_status(&mut self, id: u64, status: ThreadStatus) {
        if let Some(slot) = self.threads.iter_mut().find(|s| s.id == id) {
            slot.status = status;
        }
    }

    fn stopped_by_other(&self, id: u64) -> bool {
        self.stopper.is_some_and(|s| s != id)
    }

    fn others_attached(&self, id: u64) -> bool {
        self.threads
            .iter()
            .any(|s| s.id != id && s.status == ThreadStatus::Attached)
    }
}

impl Inner {
    /// Parks the attached thread `id` while another thread has the world
    /// stopped: suspended, so the requester can go on; attached again when
    /// the stop ends.
    fn park_while_stopped(&self, w: &mut MutexGuard<'_, World>, id: u64) {
        if !w.stopped_by_other(id) {
            return;
        }
        w.set_status(id, ThreadStatus::Suspended);
        self.changed.notify_all();
        while w.stopped_by_other(id) {
            self.changed.wait(w);
        }
        w.set_status(id, ThreadStatus::Attached);
    }
}

// SAFETY: invariant 1 of the module docs is the trait's stop-the-world
// guarantee; `EXCLUSIVE` is false, so attached threads need not exclude
// each other; `poll` returns attached (`park_while_stopped` re-attaches);
// every wait is on `changed`, which every state change notifies.
unsafe impl RawCoordination for FreeThreads {
    type Thread = FreeThread;

    const NAME: &'static str = "free";

    const EXCLUSIVE: bool = false;

    fn register(&self) -> FreeThread {
        let mut w = self.inner.world.lock();
        let id = w.next_id;
        w.next_id += 1;
        let breaker = Arc::new(AtomicBool::new(false));
        w.threads.push(Slot {
            id,
            status: ThreadStatus::Detached,
            breaker: breaker.clone(),
        });
        FreeThread {
            id,
            breaker,
            inner: self.inner.clone(),
        }
    }

    unsafe fn attach(&self, thread: &FreeThread) {
        let mut w = self.inner.world.lock();
        while w.stopped_by_other(thread.id) {
            self.inner.changed.wait(&mut w);
        }
        thread.breaker.store(false, Ordering::Relaxed);
        w.set_status(thread.id, ThreadStatus::Attached);
    }

    unsafe fn detach(&self, thread: &FreeThread) {
        let mut w = self.inner.world.lock();
        w.set_status(thread.id, ThreadStatus::Detached);
        let waited_for = w.stopper.is_some();
        drop(w);
        if waited_for {
            self.inner.changed.notify_all();
        }
    }

    #[inline]
    unsafe fn poll(&self, thread: &FreeThread) {
        if !thread.breaker.load(Ordering::Relaxed) {
            return;
        }
        let mut w = self.inner.world.lock();
        thread.breaker.store(false, Ordering::Relaxed);
        self.inner.park_while_stopped(&mut w, thread.id);
    }

    unsafe fn stop_the_world(&self, thread: &FreeThread) {
        let mut w = self.inner.world.lock();
        // Another thread's stop first: park as at any safe point.
        self.inner.park_while_stopped(&mut w, thread.id);
        w.stopper = Some(thread.id);
        w.stops += 1;
        for slot in &w.threads {
            if slot.id != thread.id && slot.status == ThreadStatus::Attached {
                slot.breaker.store(true, Ordering::Relaxed);
            }
        }
        while w.others_attached(thread.id) {
            self.inner.changed.wait(&mut w);
        }
    }

    unsafe fn start_the_world(&self, thread: &FreeThread) {
        let mut w = self.inner.world.lock();
        debug_assert_eq!(w.stopper, Some(thread.id), "not the requester");
        w.stopper = None;
        drop(w);
        self.inner.changed.notify_all();
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use ftl_core::ThreadHandle;
    use std::sync::atomic::AtomicU64;

    #[test]
    fn registration_and_status() {
        let c = FreeThreads::new();
        let mut h = ThreadHandle::register(&c);
        let id = h.state().id();
        assert_eq!(c.status(id), Some(ThreadStatus::Detached));
        {
            let mut g = h.attach();
            assert_eq!(c.status(id), Some(ThreadStatus::Attached));
            g.poll();
            g.detach(|| assert_eq!(c.status(id), Some(ThreadStatus::Detached)));
            let _stopped = g.stop_the_world();
            assert_eq!(c.stops(), 1);
        }
        assert_eq!(c.status(id), Some(ThreadStatus::Detached));
        assert_eq!(c.registered(), 1);
        drop(h);
        assert_eq!(c.registered(), 0);
    }

    /// Four threads run in parallel and each, now and then, stops the
    /// world to do a plain (non-atomic) read-modify-write of a shared
    /// counter that the others only read while attached. Every stop is
    /// exclusive, so the count is exact. Bounded: fixed iterations.
    #[test]
    fn stops_are_exclusive_under_real_threads() {
        const THREADS: u64 = 4;
        const ROUNDS: u64 = if cfg!(miri) { 10 } else { 300 };
        let c = FreeThreads::new();
        let counter = AtomicU64::new(0);
        std::thread::scope(|s| {
            for _ in 0..THREADS {
                s.spawn(|| {
                    let mut h = ThreadHandle::register(&c);
                    let mut g = h.attach();
                    for round in 0..ROUNDS {
                        g.poll();
                        let _ = counter.load(Ordering::Relaxed); // "bytecode"
                        if round % 3 == 0 {
                            g.detach(std::thread::yield_now);
                        }
                        let _stopped = g.stop_the_world();
                        let v = counter.load(Ordering::Relaxed);
                        std::thread::yield_now();
                        counter.store(v + 1, Ordering::Relaxed);
                    }
                });
            }
        });
        assert_eq!(counter.load(Ordering::Relaxed), THREADS * ROUNDS);
        assert_eq!(c.stops(), THREADS * ROUNDS);
        assert_eq!(c.registered(), 0);
    }
}

#[cfg(all(test, loom))]
mod loom_tests {
    use super::*;
    use ftl_core::sync::{model, thread, UnsafeCell};
    use ftl_core::ThreadHandle;

    /// A coordination and a cell that a thread may write only while it is
    /// attached and the world is not stopped by someone else: "the
    /// interpreter's objects". loom reports any two unordered accesses.
    struct Shared {
        coord: FreeThreads,
        cell: UnsafeCell<u32>,
    }
    // SAFETY: `cell` is written only under the protocol under test; loom
    // checks every access.
    unsafe impl Sync for Shared {}

    fn shared() -> Arc<Shared> {
        Arc::new(Shared {
            coord: FreeThreads::new(),
            cell: UnsafeCell::new(0),
        })
    }

    fn bump(s: &Shared) {
        // SAFETY: the model decides when; loom checks the ordering.
        s.cell.with_mut(|p| unsafe { *p += 1 });
    }

    /// The requester's side: attach, stop, write, start.
    fn stop_and_write(s: &Shared) {
        let mut h = ThreadHandle::register(&s.coord);
        let mut g = h.attach();
        let _stopped = g.stop_the_world();
        bump(s);
    }

    /// Invariant 1: a thread that runs (attached, writing), polls and runs
    /// again never runs while the world is stopped. Needs the requester's
    /// wait for `others_attached`.
    #[test]
    fn no_thread_runs_while_the_world_is_stopped() {
        model(|| {
            let s = shared();
            let s2 = s.clone();
            let t = thread::spawn(move || {
                let mut h = ThreadHandle::register(&s2.coord);
                let mut g = h.attach();
                bump(&s2);
                g.poll();
                bump(&s2);
            });
            stop_and_write(&s);
            t.join().unwrap();
            // SAFETY: both threads are done.
            assert_eq!(s.cell.with(|p| unsafe { *p }), 3);
        });
    }

    /// Attach and detach racing a stop: a thread that attaches while the
    /// world is stopped must wait, and a requester waiting for a thread
    /// that detaches must be woken. Needs `attach`'s wait (else a race)
    /// and `detach`'s wake-up (else a deadlock).
    #[test]
    fn attach_and_detach_race_a_stop() {
        model(|| {
            let s = shared();
            let s2 = s.clone();
            let t = thread::spawn(move || {
                let mut h = ThreadHandle::register(&s2.coord);
                let mut g = h.attach();
                g.detach(|| {});
                bump(&s2);
            });
            stop_and_write(&s);
            t.join().unwrap();
            // SAFETY: both threads are done.
            assert_eq!(s.cell.with(|p| unsafe { *p }), 2);
        });
    }

    /// Two threads ask to stop the world at once: one waits (parked, so the
    /// other's stop can complete), and the two stops never overlap. Needs
    /// the requester's `park_while_stopped` before it takes the stop.
    #[test]
    fn two_threads_stop_the_world_at_once() {
        model(|| {
            let s = shared();
            let s2 = s.clone();
            let t = thread::spawn(move || stop_and_write(&s2));
            stop_and_write(&s);
            t.join().unwrap();
            // SAFETY: both threads are done.
            assert_eq!(s.cell.with(|p| unsafe { *p }), 2);
            assert_eq!(s.coord.stops(), 2);
        });
    }

    /// A thread that ends (detaches and deregisters) while a stop is
    /// pending: the requester is not left waiting for it, and the
    /// registration is gone. Needs the deregistration in
    /// `FreeThread::drop` (else the count is wrong); the requester's
    /// wake-up comes from the detach or the deregistration, either one.
    #[test]
    fn a_thread_ending_during_a_stop() {
        model(|| {
            let s = shared();
            let s2 = s.clone();
            let t = thread::spawn(move || {
                let mut h = ThreadHandle::register(&s2.coord);
                let g = h.attach();
                bump(&s2);
                drop(g);
                drop(h);
            });
            stop_and_write(&s);
            t.join().unwrap();
            assert_eq!(s.coord.registered(), 0);
            // SAFETY: both threads are done.
            assert_eq!(s.cell.with(|p| unsafe { *p }), 2);
        });
    }
}
