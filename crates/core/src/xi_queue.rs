//! The queue under PEP 734's `concurrent.interpreters.Queue`: a FIFO shared
//! by interpreters (and their threads), bounded or not, with non-blocking,
//! blocking and timed `put` and `get`.
//!
//! CPython 3.14 keeps these queues in `Modules/_interpqueuesmodule.c`: a
//! process-wide registry of queues, each a linked list of items with a
//! `maxsize` (zero or less: unbounded), where a non-blocking put on a full
//! queue raises `QueueFull` and a non-blocking get on an empty one raises
//! `QueueEmpty`. The blocking forms are written in Python on top of those
//! two: they catch the exception, sleep 10 ms and try again (gh-143017), so
//! a handoff between interpreters waits up to 10 ms even when the other
//! side is ready at once, and a waiting thread wakes 100 times a second for
//! nothing. Here the waiting is real: a blocked `get` sleeps on a condition
//! variable until a `put` wakes it, and the other way round, after a short
//! spin that catches the common case of a partner that answers within a
//! few microseconds (ping-pong between two threads then never parks).
//!
//! The item type is generic; ftl's subinterpreters use one that holds no
//! interpreter objects (shareable data, copied in and out), which is what
//! makes the queue safe to share across interpreters.
//!
//! ## The protocol
//!
//! * State, under one mutex: the items (a `VecDeque`, front = oldest), and
//!   two counts, `getters` and `putters`, of the threads parked on the two
//!   condition variables `not_empty` and `not_full`. An atomic copy of the
//!   length, written only with the mutex held, lets a spinning waiter watch
//!   the queue without taking the mutex.
//! * **put**: with the mutex held, if the queue has room (`maxsize == 0` or
//!   fewer than `maxsize` items), append the item, and if `getters > 0`
//!   notify one thread on `not_empty`. Without room, wait (below) for
//!   `not_full` and look again.
//! * **get**: with the mutex held, if there is an item, take the oldest, and
//!   if `putters > 0` notify one thread on `not_full`. Without one, wait for
//!   `not_empty` and look again.
//! * **waiting**: a waiter first looks at the state, then at its clock
//!   (`expired`); if neither ends the wait, it drops the mutex and spins a
//!   few hundred rounds watching the atomic length, then retakes the mutex
//!   and, while the state still says wait and the clock has not run out,
//!   counts itself in `getters` / `putters`, sleeps on the condition
//!   variable for at most one `slice`, and uncounts itself. A notification
//!   is sent only when a waiter is counted, so a handoff to a spinning (or
//!   absent) partner costs no system call.
//!
//! ## Why a single notification is never swallowed
//!
//! `put` wakes *one* sleeping getter (`notify_one`), so the thread it
//! reaches must make use of the wake-up or the item can sit in the queue
//! next to a sleeping getter. Two rules see to it:
//!
//! 1. **State first, clock second.** A woken waiter looks at the queue
//!    before its clock: a getter whose deadline passed at the very moment
//!    the put's notification reached it still takes the item (a late
//!    success, as with `_thread.lock`; see [`crate::thread_lock`]).
//!    Checking the clock first would let it return "empty" and leave the
//!    other getter asleep with an item in the queue; the loom model
//!    `timed_getter_never_swallows_a_put_wake_up` deadlocks on that order.
//! 2. **Each notification is matched by a change of state.** A put notifies
//!    after it added an item, a get after it freed a slot, both with the
//!    mutex held and only when a waiter of the matching kind is counted.
//!    A woken waiter that finds the item (or slot) taken by a thread that
//!    never slept has lost nothing: that thread consumed the change the
//!    notification announced, and the waiter counts itself and sleeps
//!    again. Getters never wait on `not_full` nor putters on `not_empty`,
//!    so a notification cannot reach a thread of the wrong kind.
//!
//! Every thread that parks re-checks the state with the mutex held just
//! before it sleeps, and every change of state happens with the mutex held
//! and notifies if a waiter is counted, so a change cannot slip in between
//! the check and the sleep (no lost wake-up).
//!
//! ## Time is an input
//!
//! As in [`crate::thread_lock`], the timed forms take their clock as a
//! closure (`expired`) and wait in slices; the loom models drive a timeout
//! by setting a flag and calling [`XiQueue::wake_one_waiter`] (loom
//! chooses which waiter it reaches), which is what the expiry of a timed
//! wait does to its waiter. Under loom `Condvar::wait_timeout` never times
//! out, so correctness never rests on a timeout firing. A timed call whose
//! clock has already run out and finds the queue not ready returns at once,
//! without spinning.
//!
//! ## Invariants
//!
//! * FIFO: items come out in the order their puts took the mutex.
//! * Every item put is got exactly once, or is still in the queue (or was
//!   handed back by [`XiQueue::drain`]); none is lost or duplicated.
//! * A bounded queue never holds more than `maxsize` items.
//! * No lost wake-up: while the queue holds an item, not every getter
//!   sleeps; while it has room, not every putter sleeps (given that the
//!   getters and putters keep calling).

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use crate::sync::{spin_hint, AtomicUsize, Condvar, Mutex, Ordering};

/// Spin rounds before a waiter parks: a few microseconds, about what a
/// thread on another core takes to answer a handoff. Under loom, one round
/// (each round is a scheduling point for the model to explore), with no
/// yield (see [`XiQueue::wait_for`]).
#[cfg(not(loom))]
const SPIN_ROUNDS: u32 = 400;
#[cfg(loom)]
const SPIN_ROUNDS: u32 = 1;

/// The longest one condition-variable wait is asked for; longer waits
/// loop.
const WAIT_SLICE: Duration = Duration::from_secs(3600);

#[derive(Debug)]
struct State<T> {
    items: VecDeque<T>,
    /// Threads parked on `not_empty`.
    getters: u32,
    /// Threads parked on `not_full`.
    putters: u32,
}

/// A cross-interpreter FIFO queue (see the module docs). `Send` and `Sync`
/// when `T` is `Send`.
#[derive(Debug)]
pub struct XiQueue<T> {
    state: Mutex<State<T>>,
    /// Copy of `items.len()`, stored only with `state` locked; read
    /// without it by spinning waiters and by [`len`](Self::len).
    len: AtomicUsize,
    /// `0`: unbounded.
    maxsize: usize,
    not_empty: Condvar,
    not_full: Condvar,
}

/// Why a waiter stopped waiting.
enum Waited<T> {
    Done(T),
    Expired,
}

impl<T> XiQueue<T> {
    /// An empty queue holding at most `maxsize` items; `0` means unbounded
    /// (Python's `maxsize <= 0`).
    pub fn new(maxsize: usize) -> Self {
        XiQueue {
            state: Mutex::new(State {
                items: VecDeque::new(),
                getters: 0,
                putters: 0,
            }),
            len: AtomicUsize::new(0),
            maxsize,
            not_empty: Condvar::new(),
            not_full: Condvar::new(),
        }
    }

    /// The bound given to [`new`](Self::new) (`0`: unbounded).
    pub fn maxsize(&self) -> usize {
        self.maxsize
    }

    /// The number of items (a snapshot).
    pub fn len(&self) -> usize {
        self.len.load(Ordering::Acquire)
    }

    /// Whether the queue holds no item (a snapshot).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether a put would have to wait (a snapshot); never for an
    /// unbounded queue.
    pub fn is_full(&self) -> bool {
        self.has_no_room(self.len())
    }

    fn has_no_room(&self, len: usize) -> bool {
        self.maxsize != 0 && len >= self.maxsize
    }

    /// Appends `item` if there is room; `Err(item)` when the queue is full
    /// (Python's `QueueFull`). Never blocks.
    pub fn try_put(&self, item: T) -> Result<(), T> {
        let mut st = self.state.lock();
        self.put_locked(&mut st, item)
    }

    /// Takes the oldest item; `None` when the queue is empty (Python's
    /// `QueueEmpty`). Never blocks.
    pub fn try_get(&self) -> Option<T> {
        let mut st = self.state.lock();
        self.get_locked(&mut st)
    }

    /// The put step, with the mutex held: append if there is room, and
    /// wake a counted getter.
    fn put_locked(&self, st: &mut State<T>, item: T) -> Result<(), T> {
        if self.has_no_room(st.items.len()) {
            return Err(item);
        }
        st.items.push_back(item);
        let len = st.items.len();
        self.len.store(len, Ordering::Release);
        assert!(
            !cfg!(any(debug_assertions, loom)) || self.maxsize == 0 || len <= self.maxsize,
            "xi_queue: {len} items in a queue of maxsize {}",
            self.maxsize
        );
        if st.getters > 0 {
            self.not_empty.notify_one();
        }
        Ok(())
    }

    /// The get step, with the mutex held: take the oldest item, and wake a
    /// counted putter.
    fn get_locked(&self, st: &mut State<T>) -> Option<T> {
        let item = st.items.pop_front()?;
        self.len.store(st.items.len(), Ordering::Release);
        if st.putters > 0 {
            self.not_full.notify_one();
        }
        Some(item)
    }

    /// Appends `item`, waiting while the queue is full, in slices of at
    /// most `slice`, until `expired` says the deadline passed;
    /// `Err(item)` if it did before there was room. `expired` is the clock:
    /// real time for [`put_timeout`](Self::put_timeout), a model's input in
    /// the loom tests.
    pub fn put_until(&self, item: T, slice: Duration, expired: impl Fn() -> bool) -> Result<(), T> {
        self.put_sliced(item, || slice, expired)
    }

    /// Takes the oldest item, waiting while the queue is empty, in slices
    /// of at most `slice`, until `expired` says the deadline passed;
    /// `None` if it did before an item came.
    pub fn get_until(&self, slice: Duration, expired: impl Fn() -> bool) -> Option<T> {
        self.get_sliced(|| slice, expired)
    }

    /// Appends `item`, waiting as long as the queue is full.
    pub fn put(&self, item: T) {
        if self.put_until(item, WAIT_SLICE, || false).is_err() {
            unreachable!("a put without a deadline returned");
        }
    }

    /// Takes the oldest item, waiting as long as the queue is empty.
    pub fn get(&self) -> T {
        match self.get_until(WAIT_SLICE, || false) {
            Some(item) => item,
            None => unreachable!("a get without a deadline returned"),
        }
    }

    /// Appends `item`, waiting at most `timeout` for room; `Err(item)`
    /// when the time ran out first.
    pub fn put_timeout(&self, item: T, timeout: Duration) -> Result<(), T> {
        match Instant::now().checked_add(timeout) {
            Some(deadline) => {
                self.put_sliced(item, || remaining(deadline), || Instant::now() >= deadline)
            }
            // Beyond what the clock can represent: as good as forever.
            None => self.put_until(item, WAIT_SLICE, || false),
        }
    }

    /// Takes the oldest item, waiting at most `timeout` for one; `None`
    /// when the time ran out first.
    pub fn get_timeout(&self, timeout: Duration) -> Option<T> {
        match Instant::now().checked_add(timeout) {
            Some(deadline) => {
                self.get_sliced(|| remaining(deadline), || Instant::now() >= deadline)
            }
            None => self.get_until(WAIT_SLICE, || false),
        }
    }

    fn put_sliced(
        &self,
        item: T,
        slice: impl Fn() -> Duration,
        expired: impl Fn() -> bool,
    ) -> Result<(), T> {
        let mut item = Some(item);
        let waited = self.wait_for(
            &self.not_full,
            |st| st.putters += 1,
            |st| st.putters -= 1,
            |q, st| {
                let it = item.take().expect("the item is put once");
                match q.put_locked(st, it) {
                    Ok(()) => Some(()),
                    Err(it) => {
                        item = Some(it);
                        None
                    }
                }
            },
            |q| !q.is_full(),
            slice,
            expired,
        );
        match waited {
            Waited::Done(()) => Ok(()),
            Waited::Expired => Err(item
                .take()
                .expect("a put that timed out still has its item")),
        }
    }

    fn get_sliced(&self, slice: impl Fn() -> Duration, expired: impl Fn() -> bool) -> Option<T> {
        let waited = self.wait_for(
            &self.not_empty,
            |st| st.getters += 1,
            |st| st.getters -= 1,
            |q, st| q.get_locked(st),
            |q| !q.is_empty(),
            slice,
            expired,
        );
        match waited {
            Waited::Done(item) => Some(item),
            Waited::Expired => None,
        }
    }

    /// The waiting loop shared by put and get (module docs): `step` tries
    /// the operation with the mutex held; `ready` is the spinner's
    /// lock-free guess that `step` may succeed now.
    #[allow(clippy::too_many_arguments)]
    fn wait_for<R>(
        &self,
        cv: &Condvar,
        count: impl Fn(&mut State<T>),
        uncount: impl Fn(&mut State<T>),
        mut step: impl FnMut(&Self, &mut State<T>) -> Option<R>,
        ready: impl Fn(&Self) -> bool,
        slice: impl Fn() -> Duration,
        expired: impl Fn() -> bool,
    ) -> Waited<R> {
        let mut st = self.state.lock();
        // The state first, the clock second: see the module docs.
        if let Some(r) = step(self, &mut st) {
            return Waited::Done(r);
        }
        if expired() {
            return Waited::Expired;
        }
        // Spin without the mutex, so the partner can make the change.
        // Under loom the round is the atomic load alone: loom's yield
        // (what `spin_hint` is there) makes its scheduler run the other
        // threads first, which hides the schedules where this waiter parks
        // before its partner acts (a put that never notifies passed the
        // models with the yield in place).
        drop(st);
        for _ in 0..SPIN_ROUNDS {
            if ready(self) {
                break;
            }
            if !cfg!(loom) {
                spin_hint();
            }
        }
        let mut st = self.state.lock();
        loop {
            if let Some(r) = step(self, &mut st) {
                return Waited::Done(r);
            }
            if expired() {
                return Waited::Expired;
            }
            count(&mut st);
            cv.wait_timeout(&mut st, slice());
            uncount(&mut st);
        }
    }

    /// Keeps the items for which `f` returns `Some` (replaced by what it
    /// returns), in order, and drops the others, waking the putters that
    /// wait for room if room was made: what closing an interpreter does to
    /// the items it put (PEP 734's `unbounditems`).
    pub fn retain_map(&self, f: impl FnMut(T) -> Option<T>) {
        let mut st = self.state.lock();
        let before = st.items.len();
        let kept: VecDeque<T> = st.items.drain(..).filter_map(f).collect();
        let after = kept.len();
        st.items = kept;
        self.len.store(after, Ordering::Release);
        if after < before && st.putters > 0 {
            self.not_full.notify_all();
        }
    }

    /// Takes every item, oldest first, and wakes the putters that waited
    /// for room: what closing a queue does with the items left in it.
    pub fn drain(&self) -> Vec<T> {
        let mut st = self.state.lock();
        let items: Vec<T> = st.items.drain(..).collect();
        self.len.store(0, Ordering::Release);
        if st.putters > 0 && !items.is_empty() {
            self.not_full.notify_all();
        }
        items
    }

    /// Wakes every parked getter and putter so that each looks at the
    /// queue and at its clock again: what the expiry of timed waits does
    /// to their waiters, and how a caller whose `expired` also watches for
    /// something else (a pending signal, a shutdown) makes its waiters
    /// notice it.
    pub fn wake_all_waiters(&self) {
        let _st = self.state.lock();
        self.not_empty.notify_all();
        self.not_full.notify_all();
    }

    /// Wakes one parked getter and one parked putter (if any), which look
    /// at the queue and at their clocks again: the expiry of one timed
    /// wait. The loom models fire a timeout with it, and loom chooses which
    /// waiter it reaches.
    pub fn wake_one_waiter(&self) {
        let _st = self.state.lock();
        self.not_empty.notify_one();
        self.not_full.notify_one();
    }
}

/// What is left until `deadline`, at most [`WAIT_SLICE`].
fn remaining(deadline: Instant) -> Duration {
    deadline
        .saturating_duration_since(Instant::now())
        .min(WAIT_SLICE)
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn send_and_sync_when_the_item_is_send() {
        assert_send_sync::<XiQueue<Vec<u8>>>();
        assert_send_sync::<XiQueue<std::sync::mpsc::Sender<u8>>>();
    }

    #[test]
    fn retain_map_keeps_the_order_and_makes_room() {
        let q = Arc::new(XiQueue::new(3));
        for i in 0..3 {
            q.try_put(i).expect("room");
        }
        // A putter blocked on the full queue (with no deadline: only a
        // wake-up ends its wait) is woken by the room made.
        let (done, finished) = std::sync::mpsc::channel();
        {
            let q = q.clone();
            std::thread::spawn(move || {
                q.put(9);
                let _ = done.send(());
            });
        }
        while q.state.lock().putters == 0 {
            std::thread::yield_now();
        }
        q.retain_map(|i| (i != 1).then_some(i * 10));
        finished
            .recv_timeout(Duration::from_secs(60))
            .expect("the putter was woken");
        assert_eq!(q.drain(), vec![0, 20, 9]);
    }

    #[test]
    fn fifo_order() {
        let q = XiQueue::new(0);
        assert!(q.is_empty());
        for i in 0..100 {
            q.try_put(i).unwrap();
        }
        assert_eq!(q.len(), 100);
        assert!(!q.is_full(), "an unbounded queue is never full");
        for i in 0..50 {
            assert_eq!(q.try_get(), Some(i));
        }
        for i in 100..120 {
            q.put(i);
        }
        let rest: Vec<i32> = (0..70).map(|_| q.get()).collect();
        assert_eq!(rest, (50..120).collect::<Vec<_>>());
        assert_eq!(q.try_get(), None);
    }

    #[test]
    fn try_put_respects_maxsize() {
        let q = XiQueue::new(2);
        assert_eq!(q.maxsize(), 2);
        assert_eq!(q.try_put("a"), Ok(()));
        assert!(!q.is_full());
        assert_eq!(q.try_put("b"), Ok(()));
        assert!(q.is_full());
        assert_eq!(q.try_put("c"), Err("c"));
        assert_eq!(q.len(), 2);
        assert_eq!(q.try_get(), Some("a"));
        assert_eq!(q.try_put("c"), Ok(()));
        assert_eq!(q.drain(), vec!["b", "c"]);
        assert!(q.is_empty());
    }

    #[test]
    fn timeouts_return_the_item_or_none() {
        let q = XiQueue::new(1);
        assert_eq!(q.get_timeout(Duration::ZERO), None);
        assert_eq!(q.get_timeout(Duration::from_millis(5)), None);
        q.put(1);
        assert_eq!(q.put_timeout(2, Duration::ZERO), Err(2));
        assert_eq!(q.put_timeout(2, Duration::from_millis(5)), Err(2));
        assert_eq!(q.put_until(3, Duration::from_millis(1), || true), Err(3));
        assert_eq!(q.get_timeout(Duration::from_millis(5)), Some(1));
        assert_eq!(q.get_until(Duration::from_millis(1), || true), None);
        // A huge timeout is as good as none.
        q.put_timeout(4, Duration::MAX).unwrap();
        assert_eq!(q.get_timeout(Duration::MAX), Some(4));
    }

    #[test]
    fn a_blocked_get_is_woken_by_a_put() {
        let q = Arc::new(XiQueue::new(0));
        let q2 = q.clone();
        let t = std::thread::spawn(move || q2.get_timeout(Duration::from_secs(10)));
        // Let the getter park (not required for correctness).
        std::thread::sleep(Duration::from_millis(20));
        q.put(7u32);
        assert_eq!(t.join().unwrap(), Some(7));
    }

    #[test]
    fn a_blocked_put_is_woken_by_a_get() {
        let q = Arc::new(XiQueue::new(1));
        q.put(1u32);
        let q2 = q.clone();
        let t = std::thread::spawn(move || q2.put_timeout(2, Duration::from_secs(10)));
        std::thread::sleep(Duration::from_millis(20));
        assert_eq!(q.get_timeout(Duration::from_secs(10)), Some(1));
        assert_eq!(t.join().unwrap(), Ok(()));
        assert_eq!(q.get_timeout(Duration::from_secs(10)), Some(2));
    }

    /// Two threads bounce a counter through two queues. Timeouts make a
    /// lost wake-up fail the test instead of hanging it.
    #[test]
    fn ping_pong() {
        // Miri runs every step ~1000 times slower.
        const ROUNDS: u32 = if cfg!(miri) { 50 } else { 10_000 };
        let there = Arc::new(XiQueue::new(1));
        let back = Arc::new(XiQueue::new(1));
        let (t2, b2) = (there.clone(), back.clone());
        let partner = std::thread::spawn(move || {
            for _ in 0..ROUNDS {
                let n: u32 = t2.get_timeout(Duration::from_secs(10)).expect("ping");
                b2.put_timeout(n + 1, Duration::from_secs(10))
                    .expect("room");
            }
        });
        let start = Instant::now();
        let mut n = 0;
        for _ in 0..ROUNDS {
            there.put_timeout(n, Duration::from_secs(10)).expect("room");
            n = back.get_timeout(Duration::from_secs(10)).expect("pong");
        }
        let elapsed = start.elapsed();
        partner.join().unwrap();
        assert_eq!(n, ROUNDS);
        eprintln!(
            "xi_queue ping-pong: {ROUNDS} round trips in {elapsed:?} ({:.0}/s)",
            f64::from(ROUNDS) / elapsed.as_secs_f64()
        );
    }

    /// Several producers and consumers through a small queue: every item
    /// arrives once, and each producer's items arrive in order.
    #[test]
    fn many_producers_and_consumers() {
        const PER: u32 = if cfg!(miri) { 25 } else { 5_000 };
        let q = Arc::new(XiQueue::new(3));
        let producers: Vec<_> = (0..3u32)
            .map(|p| {
                let q = q.clone();
                std::thread::spawn(move || {
                    for i in 0..PER {
                        q.put_timeout((p, i), Duration::from_secs(10))
                            .expect("room");
                    }
                })
            })
            .collect();
        let consumers: Vec<_> = (0..2)
            .map(|_| {
                let q = q.clone();
                std::thread::spawn(move || {
                    let mut got = Vec::new();
                    while let Some(x) = q.get_timeout(Duration::from_millis(200)) {
                        assert!(q.len() <= 3);
                        got.push(x);
                    }
                    got
                })
            })
            .collect();
        for p in producers {
            p.join().unwrap();
        }
        let mut all = Vec::new();
        for c in consumers {
            let got = c.join().unwrap();
            for p in 0..3 {
                let mine: Vec<u32> = got.iter().filter(|x| x.0 == p).map(|x| x.1).collect();
                assert!(mine.windows(2).all(|w| w[0] < w[1]), "FIFO per producer");
            }
            all.extend(got);
        }
        all.sort_unstable();
        let want: Vec<(u32, u32)> = (0..3).flat_map(|p| (0..PER).map(move |i| (p, i))).collect();
        assert_eq!(all, want);
    }
}

/// loom models: `RUSTFLAGS="--cfg loom" LOOM_MAX_PREEMPTIONS=2
/// CARGO_TARGET_DIR=target/loom cargo test --release -p ftl-core xi_queue`.
#[cfg(all(test, loom))]
mod loom_models {
    use super::*;
    use crate::sync::{model, thread, Arc, AtomicBool};

    /// Two producers, one consumer, maxsize 1: the consumer receives
    /// exactly the items put, each once, and the queue ends empty.
    #[test]
    fn no_item_lost_or_duplicated() {
        model(|| {
            let q = Arc::new(XiQueue::new(1));
            let producers: Vec<_> = [1u32, 2]
                .into_iter()
                .map(|v| {
                    let q = q.clone();
                    thread::spawn(move || q.put(v))
                })
                .collect();
            let mut got = [q.get(), q.get()];
            for p in producers {
                p.join().unwrap();
            }
            got.sort_unstable();
            assert_eq!(got, [1, 2]);
            assert_eq!(q.try_get(), None);
        });
    }

    /// Two producers, two consumers, maxsize 1: each item reaches exactly
    /// one consumer, whichever steals whose wake-up.
    #[test]
    fn two_producers_two_consumers() {
        model(|| {
            let q = Arc::new(XiQueue::new(1));
            let producers: Vec<_> = [1u32, 2]
                .into_iter()
                .map(|v| {
                    let q = q.clone();
                    thread::spawn(move || q.put(v))
                })
                .collect();
            let consumer = {
                let q = q.clone();
                thread::spawn(move || q.get())
            };
            let mine = q.get();
            for p in producers {
                p.join().unwrap();
            }
            let mut got = [mine, consumer.join().unwrap()];
            got.sort_unstable();
            assert_eq!(got, [1, 2]);
            assert!(q.is_empty());
        });
    }

    /// A putter blocked on a full queue is woken by a get from another
    /// thread (loom reports a deadlock otherwise).
    #[test]
    fn a_blocked_put_is_woken_by_get() {
        model(|| {
            let q = Arc::new(XiQueue::new(1));
            q.put(1u32);
            let q2 = q.clone();
            let putter = thread::spawn(move || q2.put(2));
            assert_eq!(q.get(), 1);
            putter.join().unwrap();
            assert_eq!(q.try_get(), Some(2));
        });
    }

    /// A consumer blocked without a timeout is woken by a put from
    /// another thread (loom reports a deadlock otherwise).
    #[test]
    fn a_blocked_get_is_woken_by_put() {
        model(|| {
            let q = Arc::new(XiQueue::new(0));
            let q2 = q.clone();
            let consumer = thread::spawn(move || q2.get());
            q.put(5u32);
            assert_eq!(consumer.join().unwrap(), 5);
            assert!(q.is_empty());
        });
    }

    /// maxsize 1, two blocking putters, one getter: the queue never holds
    /// two items (`put_locked` asserts it under loom, the getter checks
    /// `len` between its gets), and both items are delivered.
    #[test]
    fn maxsize_is_respected() {
        model(|| {
            let q = Arc::new(XiQueue::new(1));
            let putters: Vec<_> = [1u32, 2]
                .into_iter()
                .map(|v| {
                    let q = q.clone();
                    thread::spawn(move || {
                        q.put(v);
                        assert!(q.len() <= 1);
                    })
                })
                .collect();
            let a = q.get();
            assert!(q.len() <= 1);
            let b = q.get();
            for p in putters {
                p.join().unwrap();
            }
            let mut got = [a, b];
            got.sort_unstable();
            assert_eq!(got, [1, 2]);
        });
    }

    /// Two getters, one timed; its clock expires (a model input: the flag,
    /// then a wake-up that loom sends to either getter) while a put
    /// arrives. Whatever the timed getter decides, the item reaches a
    /// getter: the timed one hands on what it got, and the blocking one
    /// must end with the item (loom reports a deadlock if the put's only
    /// wake-up was swallowed: it does when the clock is read before the
    /// queue). The timer is `wake_one_waiter`, not `wake_all_waiters`:
    /// waking both getters takes the timed one off the condition variable
    /// before the put, so the put's notification can only reach the other
    /// one, and the model passes with the checks in either order.
    #[test]
    fn timed_getter_never_swallows_a_put_wake_up() {
        model(|| {
            let q = Arc::new(XiQueue::new(0));
            let expired = Arc::new(AtomicBool::new(false));
            let timed = {
                let (q, expired) = (q.clone(), expired.clone());
                thread::spawn(move || {
                    if let Some(x) = q.get_until(WAIT_SLICE, || expired.load(Ordering::SeqCst)) {
                        q.put(x);
                    }
                })
            };
            let blocking = {
                let q = q.clone();
                thread::spawn(move || q.get())
            };
            expired.store(true, Ordering::SeqCst);
            q.wake_one_waiter();
            q.put(9u32);
            timed.join().unwrap();
            assert_eq!(blocking.join().unwrap(), 9);
            assert!(q.is_empty());
        });
    }
}
