//! The lock under Python's `_thread.allocate_lock()`: a binary semaphore
//! with blocking, non-blocking and timed acquisition.
//!
//! CPython builds `_thread.LockType` on `PyThread_acquire_lock_timed`
//! (`Python/thread_pthread.h`): on Linux a POSIX semaphore, elsewhere a
//! mutex-protected `locked` flag with a condition variable. This is the
//! second form, through the [`sync`](crate::sync) facade so that loom can
//! explore it. Python's lock is **not owned**: any thread may release it,
//! which is what `threading.Condition` relies on (a waiter blocks on a lock
//! that the notifying thread releases), so this is not a mutex guard but a
//! flag that threads wait for.
//!
//! ## The protocol
//!
//! * State, under one mutex: `locked` and the number of `waiters`.
//! * **acquire**: while `locked`, wait on the condition variable (counted in
//!   `waiters`); then set `locked`. A timed acquire gives up when its clock
//!   says the deadline passed, but **only after looking at `locked` first**:
//!   a waiter that wakes and finds the lock free takes it even if its
//!   deadline has just passed. Otherwise a waiter woken by `release`'s
//!   single notification could time out in the same moment, return `false`
//!   and swallow the only wake-up, leaving another waiter asleep next to a
//!   free lock (a lost wake-up; the loom model
//!   `timed_waiter_never_swallows_the_wake_up` fails when the order of the
//!   two checks is swapped).
//! * **release**: clear `locked`; if anyone waits, notify one of them.
//!   Releasing a free lock is an error for the caller to report (Python's
//!   `RuntimeError: release unlocked lock`), not a state change.
//!
//! Which waiter wins is left to the condition variable and to threads that
//! arrive without waiting (no FIFO handoff), as with CPython's lock.
//!
//! ## Two-phase acquire (under a GIL)
//!
//! An interpreter thread that must wait does not take the lock while it is
//! detached from its GIL: it waits until the lock is *free*
//! ([`ThreadLock::wait_free_until`]), re-attaches, and only then tries to
//! take it ([`ThreadLock::try_acquire`]), looping if somebody was quicker.
//! This is the order of CPython 3.13's `Python/lock.c` (park detached,
//! retry after re-attaching). Taking the lock while detached lets a waiter
//! that woke on another core own the lock while it still waits for the GIL,
//! so the GIL holder, which released the lock a moment ago and wants it
//! again, blocks on it and must hand the GIL over: a lock convoy, one GIL
//! switch every few critical sections (issue 15 measured it doubling the
//! time of four threads sharing one lock under the fair GIL). With the two
//! phases, only a running thread takes the lock, so a holder runs its
//! critical sections back to back until its switch interval ends. A waiter
//! woken by `release` that loses the race waits again; no wake-up is lost,
//! because the winner holds the lock and will release it (the loom model
//! `two_phase_acquirers_never_deadlock`).
//!
//! ## Time is an input
//!
//! A timed acquire takes its clock as a closure (`expired`), so the loom
//! models can drive a timeout explicitly: the model flips its flag and
//! calls [`ThreadLock::wake_one_waiter`], which is what the expiry of a
//! timed wait does to its waiter (loom chooses which waiter it reaches).
//! Under loom `Condvar::wait_timeout` never times
//! out, so correctness never rests on a timeout firing.
//!
//! ## Invariants
//!
//! * At most one acquirer holds the lock between a successful acquire and
//!   the next release (mutual exclusion).
//! * If the lock is free and a thread waits in `acquire`, some thread takes
//!   the lock (no lost wake-up).

use std::time::{Duration, Instant};

use crate::sync::{Condvar, Mutex};

#[derive(Debug, Default)]
struct State {
    locked: bool,
    waiters: u32,
}

/// A Python thread lock (see the module docs).
#[derive(Debug)]
pub struct ThreadLock {
    state: Mutex<State>,
    wakeup: Condvar,
}

impl Default for ThreadLock {
    fn default() -> Self {
        Self::new()
    }
}

/// The longest timed wait one condition-variable wait is asked for; longer
/// timeouts loop (CPython's `PY_TIMEOUT_MAX` bounds the total instead).
const WAIT_SLICE: Duration = Duration::from_secs(3600);

impl ThreadLock {
    /// A new, free lock.
    pub fn new() -> Self {
        ThreadLock {
            state: Mutex::new(State::default()),
            wakeup: Condvar::new(),
        }
    }

    /// Takes the lock if it is free; never blocks.
    pub fn try_acquire(&self) -> bool {
        let mut st = self.state.lock();
        if st.locked {
            return false;
        }
        st.locked = true;
        true
    }

    /// Takes the lock, waiting as long as it takes.
    pub fn acquire(&self) {
        let taken = self.acquire_until(WAIT_SLICE, || false);
        debug_assert!(taken);
    }

    /// Takes the lock, waiting at most `timeout`; `false` when the time ran
    /// out first.
    pub fn acquire_timeout(&self, timeout: Duration) -> bool {
        // Beyond what the clock can represent (`None`): as good as forever.
        self.wait_until_deadline(Instant::now().checked_add(timeout), true)
    }

    /// Takes the lock, waiting in slices of at most `slice` until `expired`
    /// says the deadline passed; `false` if it did before the lock was
    /// free. `expired` is the clock: real time for
    /// [`acquire_timeout`](Self::acquire_timeout), a model's input in the
    /// loom tests.
    pub fn acquire_until(&self, slice: Duration, expired: impl Fn() -> bool) -> bool {
        self.wait_until(slice, expired, true)
    }

    /// Waits until the lock is free, then takes it if `take`; `false` when
    /// `expired` said the deadline passed while it was held.
    fn wait_until(&self, slice: Duration, expired: impl Fn() -> bool, take: bool) -> bool {
        let mut st = self.state.lock();
        loop {
            // The lock's state first, the clock second: see the module docs.
            if !st.locked {
                st.locked = take;
                return true;
            }
            if expired() {
                return false;
            }
            st.waiters += 1;
            self.wakeup.wait_timeout(&mut st, slice);
            st.waiters -= 1;
        }
    }

    /// Waits until the lock is free, without taking it; `false` when
    /// `expired` said the deadline passed while it was still held (the
    /// lock's state is looked at first, as in
    /// [`acquire_until`](Self::acquire_until)). The first half of a
    /// two-phase acquire (module docs): an interpreter thread waits here
    /// detached from its GIL and takes the lock with
    /// [`try_acquire`](Self::try_acquire) only once it runs again.
    pub fn wait_free_until(&self, slice: Duration, expired: impl Fn() -> bool) -> bool {
        self.wait_until(slice, expired, false)
    }

    /// The two-phase acquire (module docs): takes the lock if it is free,
    /// else runs `wait_free` (the caller runs it detached from its GIL:
    /// [`wait_free`](Self::wait_free) or
    /// [`wait_free_until`](Self::wait_free_until)) and tries again, until it
    /// has the lock or `wait_free` says the deadline passed with the lock
    /// held (`false`).
    pub fn acquire_in_two_phases(&self, mut wait_free: impl FnMut(&Self) -> bool) -> bool {
        loop {
            if self.try_acquire() {
                return true;
            }
            if !wait_free(self) {
                return false;
            }
        }
    }

    /// [`wait_free_until`](Self::wait_free_until) on the real clock, with
    /// `deadline` (`None`: no deadline).
    pub fn wait_free(&self, deadline: Option<Instant>) -> bool {
        self.wait_until_deadline(deadline, false)
    }

    /// [`wait_until`](Self::wait_until) on the real clock.
    fn wait_until_deadline(&self, deadline: Option<Instant>, take: bool) -> bool {
        match deadline {
            Some(deadline) => {
                let slice = deadline
                    .saturating_duration_since(Instant::now())
                    .min(WAIT_SLICE);
                self.wait_until(slice, || Instant::now() >= deadline, take)
            }
            None => self.wait_until(WAIT_SLICE, || false, take),
        }
    }

    /// Releases the lock; `false` (and no change) when it was not locked.
    /// Any thread may release it.
    pub fn release(&self) -> bool {
        let mut st = self.state.lock();
        if !st.locked {
            return false;
        }
        st.locked = false;
        if st.waiters > 0 {
            self.wakeup.notify_one();
        }
        true
    }

    /// Whether the lock is held right now (a snapshot).
    pub fn is_locked(&self) -> bool {
        self.state.lock().locked
    }

    /// Wakes one waiter so that it looks at the lock and at its clock
    /// again: what the expiry of a timed wait does to the waiter whose time
    /// ran out. Only clocks that are not the real one need it: the loom
    /// models fire a timeout with it (and loom chooses which waiter it
    /// reaches).
    pub fn wake_one_waiter(&self) {
        let _st = self.state.lock();
        self.wakeup.notify_one();
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    use std::sync::Arc;

    #[test]
    fn try_acquire_and_release() {
        let l = ThreadLock::new();
        assert!(!l.is_locked());
        assert!(l.try_acquire());
        assert!(l.is_locked());
        assert!(!l.try_acquire());
        assert!(l.release());
        assert!(!l.release(), "releasing a free lock reports it");
        assert!(!l.is_locked());
    }

    #[test]
    fn timed_acquire_of_a_held_lock_times_out() {
        let l = ThreadLock::new();
        l.acquire();
        assert!(!l.acquire_timeout(Duration::from_millis(5)));
        assert!(!l.acquire_timeout(Duration::ZERO));
        assert!(l.release());
        assert!(l.acquire_timeout(Duration::ZERO));
    }

    #[test]
    fn another_thread_may_release() {
        let l = Arc::new(ThreadLock::new());
        l.acquire();
        let l2 = l.clone();
        std::thread::spawn(move || assert!(l2.release()))
            .join()
            .unwrap();
        assert!(l.try_acquire());
    }

    #[test]
    fn a_blocked_acquirer_gets_the_lock_on_release() {
        let l = Arc::new(ThreadLock::new());
        l.acquire();
        let got = Arc::new(AtomicBool::new(false));
        let (l2, got2) = (l.clone(), got.clone());
        let t = std::thread::spawn(move || {
            l2.acquire();
            got2.store(true, Ordering::SeqCst);
            l2.release();
        });
        std::thread::sleep(Duration::from_millis(10));
        assert!(!got.load(Ordering::SeqCst));
        l.release();
        t.join().unwrap();
        assert!(got.load(Ordering::SeqCst));
    }

    #[test]
    fn mutual_exclusion_under_contention() {
        let l = Arc::new(ThreadLock::new());
        let inside = Arc::new(AtomicBool::new(false));
        let total = Arc::new(AtomicU64::new(0));
        let threads: Vec<_> = (0..4)
            .map(|i| {
                let (l, inside, total) = (l.clone(), inside.clone(), total.clone());
                std::thread::spawn(move || {
                    for _ in 0..2000 {
                        if i % 2 == 0 {
                            l.acquire();
                        } else {
                            while !l.acquire_timeout(Duration::from_micros(50)) {}
                        }
                        assert!(!inside.swap(true, Ordering::Relaxed));
                        let v = total.load(Ordering::Relaxed);
                        total.store(v + 1, Ordering::Relaxed);
                        inside.store(false, Ordering::Relaxed);
                        assert!(l.release());
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(total.load(Ordering::Relaxed), 8000);
    }
}

/// loom models: `RUSTFLAGS="--cfg loom" LOOM_MAX_PREEMPTIONS=2 cargo test
/// --release -p ftl-core thread_lock`.
#[cfg(all(test, loom))]
#[allow(unsafe_code)] // the models read a loom UnsafeCell to detect races
mod loom_models {
    use super::*;
    use crate::sync::{model, thread, Arc, AtomicBool, AtomicUsize};
    use core::sync::atomic::Ordering;

    /// Two acquirers and a non-atomic read-modify-write: never both inside.
    #[test]
    fn mutual_exclusion() {
        model(|| {
            let l = Arc::new(ThreadLock::new());
            let cell = Arc::new(crate::sync::UnsafeCell::new(0u32));
            let ts: Vec<_> = (0..2)
                .map(|_| {
                    let (l, cell) = (l.clone(), cell.clone());
                    thread::spawn(move || {
                        l.acquire();
                        // SAFETY: the lock is held (mutual exclusion is what
                        // the model checks: loom reports a concurrent access).
                        cell.with_mut(|p| unsafe { *p += 1 });
                        assert!(l.release());
                    })
                })
                .collect();
            for t in ts {
                t.join().unwrap();
            }
            // SAFETY: both threads have been joined.
            assert_eq!(cell.with(|p| unsafe { *p }), 2);
        });
    }

    /// A blocked acquirer is woken by a release from another thread (the
    /// lock is not owned: the releaser never acquired it here).
    #[test]
    fn release_wakes_a_blocked_acquirer() {
        model(|| {
            let l = Arc::new(ThreadLock::new());
            assert!(l.try_acquire());
            let l2 = l.clone();
            let waiter = thread::spawn(move || {
                l2.acquire();
                assert!(l2.release());
            });
            assert!(l.release());
            waiter.join().unwrap();
            assert!(!l.is_locked());
        });
    }

    /// Two waiters, one of them timed, and the timeout as a model input
    /// racing with the release: whatever the timed waiter decides, the
    /// blocking waiter gets the lock (loom reports a deadlock otherwise).
    #[test]
    fn timed_waiter_never_swallows_the_wake_up() {
        model(|| {
            let l = Arc::new(ThreadLock::new());
            assert!(l.try_acquire());
            let expired = Arc::new(AtomicBool::new(false));
            let took = Arc::new(AtomicUsize::new(0));
            let timed = {
                let (l, expired, took) = (l.clone(), expired.clone(), took.clone());
                thread::spawn(move || {
                    if l.acquire_until(WAIT_SLICE, || expired.load(Ordering::SeqCst)) {
                        took.fetch_add(1, Ordering::SeqCst);
                        assert!(l.release());
                    }
                })
            };
            let blocking = {
                let (l, took) = (l.clone(), took.clone());
                thread::spawn(move || {
                    l.acquire();
                    took.fetch_add(1, Ordering::SeqCst);
                    assert!(l.release());
                })
            };
            // The timer fires (loom chooses which waiter the wake-up
            // reaches)...
            expired.store(true, Ordering::SeqCst);
            l.wake_one_waiter();
            // ... and the holder releases.
            assert!(l.release());
            timed.join().unwrap();
            blocking.join().unwrap();
            assert!(took.load(Ordering::SeqCst) >= 1);
            assert!(!l.is_locked());
        });
    }

    /// The two-phase acquire (wait until free, then take), two waiters, one
    /// timed, the timeout a model input racing with the release: the
    /// blocking waiter always ends with the lock, whoever wins each race
    /// (loom reports a deadlock otherwise: it does when
    /// `wait_free_until` looks at its clock before the lock).
    #[test]
    fn two_phase_acquirers_never_deadlock() {
        model(|| {
            let l = Arc::new(ThreadLock::new());
            assert!(l.try_acquire());
            let expired = Arc::new(AtomicBool::new(false));
            let cell = Arc::new(crate::sync::UnsafeCell::new(0u32));
            let timed = {
                let (l, expired, cell) = (l.clone(), expired.clone(), cell.clone());
                thread::spawn(move || {
                    let took = l.acquire_in_two_phases(|l| {
                        l.wait_free_until(WAIT_SLICE, || expired.load(Ordering::SeqCst))
                    });
                    if took {
                        // SAFETY: the lock is held; loom reports a
                        // concurrent access if two threads get here at once.
                        cell.with_mut(|p| unsafe { *p += 1 });
                        assert!(l.release());
                    }
                })
            };
            let blocking = {
                let (l, cell) = (l.clone(), cell.clone());
                thread::spawn(move || {
                    assert!(l.acquire_in_two_phases(|l| l.wait_free_until(WAIT_SLICE, || false)));
                    // SAFETY: as above.
                    cell.with_mut(|p| unsafe { *p += 1 });
                    assert!(l.release());
                })
            };
            expired.store(true, Ordering::SeqCst);
            l.wake_one_waiter();
            assert!(l.release());
            timed.join().unwrap();
            blocking.join().unwrap();
            // SAFETY: both threads have been joined.
            assert!(cell.with(|p| unsafe { *p }) >= 1);
            assert!(!l.is_locked());
        });
    }
}
