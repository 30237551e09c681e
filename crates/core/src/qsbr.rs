//! [`Qsbr`]: quiescent-state-based reclamation, after CPython 3.13t's
//! `Python/qsbr.c` (itself after McKenney and Slingwine's read-copy
//! update and FreeBSD's "global unbounded sequences").
//!
//! PEP 703 lets threads read a list's items and a dict's entries without
//! the container's lock. A reader loads a pointer to an item array or an
//! object and then touches the memory behind it, while a writer on another
//! thread may have replaced the array (a resize) or dropped the object's
//! last reference meanwhile. Such memory must not go back to the allocator
//! while any reader may still hold a pointer into it. QSBR is the rule that
//! says when it may: a reader's pointers live only between two of its
//! *quiescent points* (for an interpreter: a safe point of the eval loop,
//! and detaching for a blocking call), so once every thread has passed a
//! quiescent point after the memory was unlinked, nobody can reach it.
//!
//! # The protocol
//!
//! * A global write sequence `wr_seq` (starts at 1) counts retirements.
//!   [`Qsbr::advance`] bumps it and returns the new value as the *goal* of
//!   what was just unlinked: it may be freed once every thread has been
//!   quiescent at or after that sequence.
//! * Each registered thread has a slot with the `seq` it last saw at a
//!   quiescent point, or [`OFFLINE`] while it is detached (it holds no
//!   pointers then, so it never holds anything back).
//!   [`Qsbr::quiescent`] copies `wr_seq` into the slot (only when it
//!   changed, so a quiescent point costs one shared read when nothing was
//!   retired).
//! * [`Qsbr::poll`] says whether a goal is reached: the smallest `seq`
//!   over online threads (cached in `rd_seq`, recomputed only when the
//!   cache is too old) is at least the goal.
//! * [`RetireList`] is a thread's list of unlinked memory, in batches that
//!   share one goal (one `advance` per batch, as CPython's deferred
//!   advance avoids a shared write per free).
//!
//! # Why the orderings are enough
//!
//! * *Quiescent point.* The reader loads `wr_seq` (acquire) and stores it
//!   into its slot (release). If the writer's scan reads a seq ≥ goal,
//!   every read the reader made before that store happens-before the
//!   writer's free (release/acquire on the slot), and every read it makes
//!   after sees the unlink (its acquire load of `wr_seq` read the writer's
//!   release `advance`, which came after the unlink).
//! * *Coming online* (attach after a blocking call) is a store followed by
//!   loads of shared pointers, against the writer's unlink followed by a
//!   load of the slot: Dekker's pattern, which acquire/release alone does
//!   not order. Both sides therefore use a read-modify-write on the slot
//!   (`swap` to go online, `fetch_add(0)` to scan), so the two are ordered
//!   in the slot's modification order and one of them synchronises with
//!   the other: either the scan sees the reader online (with a seq below
//!   the goal: nothing is freed), or the reader sees the unlink.
//! * *Going offline* is a release store: everything the reader did before
//!   happens-before a scan that reads `OFFLINE`.
//! * Registration and unregistration change the list of slots under a
//!   mutex the scan also takes; a thread registers online.
//!
//! # Checked by ThreadSanitizer
//!
//! `cargo xtask tsan` runs the threaded corpus on `ft-biased`, where every
//! free of an object or array goes through this domain, so TSan must see
//! the edges above. It sees loads, stores, swaps, compare-and-swaps and
//! the arithmetic and bitwise read-modify-writes, but LLVM's TSan pass
//! leaves `atomicrmw max`/`min` uninstrumented (it has no runtime entry
//! for them). With `rd_seq.fetch_max` the cache's release was invisible,
//! and a free that [`Qsbr::poll_cached`] allowed looked unordered with a
//! reader's last access: a false report, seen about once in 130
//! runs of `106_stress_unlocked_increment`. So the cache is raised with a
//! compare-and-swap loop, and the workspace's `clippy.toml` forbids
//! `fetch_max`/`fetch_min` on atomics.
//!
//! # Invariants
//!
//! * A block retired with goal `g` is handed to the free function only
//!   after [`poll`](Qsbr::poll)`(g)` returned `true`.
//! * `poll(g)` is true only if every slot registered when it ran is
//!   offline or has `seq ≥ g`.
//! * A thread reads shared pointers only while its slot is online, and
//!   drops every such pointer (or turns it into a counted reference)
//!   before its next quiescent point or going offline.
//!
//! The loom models at the end show a reader never sees a block freed under
//! it, coming online included, and fail when a step is removed.

use crate::sync::{Arc, Mutex};
use crate::sync::{AtomicU64, Ordering};

/// A slot's `seq` while its thread is offline (detached).
pub const OFFLINE: u64 = 0;

/// The first value of the write sequence (so no goal is `OFFLINE`).
const START: u64 = 1;

/// One thread's slot: the write sequence it last saw when quiescent.
#[derive(Debug)]
struct Slot {
    seq: AtomicU64,
}

/// The shared state of one reclamation domain (one heap).
#[derive(Debug)]
pub struct Qsbr {
    wr_seq: AtomicU64,
    /// A lower bound of every online slot's `seq` (a cache of the last
    /// scan's minimum).
    rd_seq: AtomicU64,
    slots: Mutex<Vec<Arc<Slot>>>,
}

/// A registered thread of a [`Qsbr`] domain; unregister it with
/// [`Qsbr::unregister`]. Not `Clone`: one per thread.
#[derive(Debug)]
pub struct QsbrThread {
    slot: Arc<Slot>,
    online: bool,
}

impl QsbrThread {
    /// Whether the thread is online (may read shared pointers).
    #[inline]
    pub fn is_online(&self) -> bool {
        self.online
    }
}

impl Default for Qsbr {
    fn default() -> Self {
        Self::new()
    }
}

impl Qsbr {
    /// A new domain with no threads.
    pub fn new() -> Self {
        Qsbr {
            wr_seq: AtomicU64::new(START),
            rd_seq: AtomicU64::new(START),
            slots: Mutex::new(Vec::new()),
        }
    }

    /// Registers the calling thread, online.
    pub fn register(&self) -> QsbrThread {
        let slot = Arc::new(Slot {
            seq: AtomicU64::new(OFFLINE),
        });
        let mut slots = self.slots.lock();
        // Under the mutex a scan also takes: a scan after this sees the
        // slot; one before it happened-before this thread's reads.
        slot.seq
            .store(self.wr_seq.load(Ordering::Acquire), Ordering::Release);
        slots.push(slot.clone());
        QsbrThread { slot, online: true }
    }

    /// Removes a thread's slot (it holds no pointers any more).
    pub fn unregister(&self, thread: QsbrThread) {
        thread.slot.seq.store(OFFLINE, Ordering::Release);
        let mut slots = self.slots.lock();
        slots.retain(|s| !Arc::ptr_eq(s, &thread.slot));
    }

    /// The write sequence now (a thread that was quiescent at this value
    /// and has nothing retired has nothing to do until it changes).
    #[inline]
    pub fn write_seq(&self) -> u64 {
        self.wr_seq.load(Ordering::Acquire)
    }

    /// A quiescent point: the thread holds no pointer it read before.
    #[inline]
    pub fn quiescent(&self, thread: &QsbrThread) {
        debug_assert!(thread.online, "quiescent while offline");
        let wr = self.wr_seq.load(Ordering::Acquire);
        if thread.slot.seq.load(Ordering::Relaxed) != wr {
            thread.slot.seq.store(wr, Ordering::Release);
        }
    }

    /// The thread goes offline (detaches): it holds no pointers until it
    /// comes back [`online`](Self::online).
    pub fn offline(&self, thread: &mut QsbrThread) {
        if thread.online {
            thread.slot.seq.store(OFFLINE, Ordering::Release);
            thread.online = false;
        }
    }

    /// The thread comes back online before reading shared pointers (a
    /// read-modify-write: see the module docs).
    pub fn online(&self, thread: &mut QsbrThread) {
        if !thread.online {
            let wr = self.wr_seq.load(Ordering::Acquire);
            thread.slot.seq.swap(wr, Ordering::AcqRel);
            thread.online = true;
        }
    }

    /// Bumps the write sequence after something was unlinked; returns
    /// the goal for it.
    pub fn advance(&self) -> u64 {
        self.wr_seq.fetch_add(1, Ordering::AcqRel) + 1
    }

    /// [`poll`](Self::poll) without a scan: whether the last scan
    /// already showed `goal` reached (one load; what a safe point asks).
    #[inline]
    pub fn poll_cached(&self, goal: u64) -> bool {
        self.rd_seq.load(Ordering::Acquire) >= goal
    }

    /// Whether every thread has been quiescent (or offline) since `goal`
    /// was handed out, so that what was retired with it may be freed.
    /// Scans every slot unless the cache already says so: call it at a
    /// bounded rate (once per sealed batch), not at every safe point.
    pub fn poll(&self, goal: u64) -> bool {
        if self.rd_seq.load(Ordering::Acquire) >= goal {
            return true;
        }
        let slots = self.slots.lock();
        let mut min = self.wr_seq.load(Ordering::Acquire);
        for slot in slots.iter() {
            // A read-modify-write, not a load: see "coming online".
            let seq = slot.seq.fetch_add(0, Ordering::AcqRel);
            if seq != OFFLINE && seq < min {
                min = seq;
            }
        }
        drop(slots);
        // Raise the cache to `min` with a compare-and-swap, not
        // `fetch_max`: ThreadSanitizer does not instrument an atomic max
        // (see "Checked by ThreadSanitizer" in the module docs). When the
        // cache is already at `min` or above nothing is written: the scan
        // that wrote it published everything this one would.
        let mut cached = self.rd_seq.load(Ordering::Acquire);
        while cached < min {
            match self.rd_seq.compare_exchange_weak(
                cached,
                min,
                Ordering::AcqRel,
                Ordering::Acquire,
            ) {
                Ok(_) => break,
                Err(now) => cached = now,
            }
        }
        min >= goal
    }
}

/// The number of retired blocks that share one goal (one `advance`, and
/// one scan of the slots when it is sealed).
pub const BATCH: usize = 256;

/// One thread's retired blocks: a batch being filled, and sealed batches
/// each waiting for its goal, oldest first.
#[derive(Debug)]
pub struct RetireList<T> {
    filling: Vec<T>,
    sealed: std::collections::VecDeque<(u64, Vec<T>)>,
}

impl<T> Default for RetireList<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> RetireList<T> {
    /// An empty list.
    pub const fn new() -> Self {
        RetireList {
            filling: Vec::new(),
            sealed: std::collections::VecDeque::new(),
        }
    }

    /// Adds a block that is already unlinked (no new reader can reach
    /// it); a full batch is sealed with a new goal, and then `true` is
    /// returned (a good moment to [`reclaim`](Self::reclaim)).
    #[inline]
    pub fn retire(&mut self, qsbr: &Qsbr, block: T) -> bool {
        self.filling.push(block);
        if self.filling.len() >= BATCH {
            self.seal(qsbr);
            return true;
        }
        false
    }

    /// Seals the batch being filled, if any, with a new goal.
    pub fn seal(&mut self, qsbr: &Qsbr) {
        if !self.filling.is_empty() {
            let goal = qsbr.advance();
            self.sealed
                .push_back((goal, core::mem::take(&mut self.filling)));
        }
    }

    /// Whether a sealed batch is waiting.
    #[inline]
    pub fn has_sealed(&self) -> bool {
        !self.sealed.is_empty()
    }

    /// Whether nothing is retired.
    pub fn is_empty(&self) -> bool {
        self.filling.is_empty() && self.sealed.is_empty()
    }

    /// Hands every block of each batch whose goal is reached to `free`
    /// (scanning the slots if needed: see [`Qsbr::poll`]).
    pub fn reclaim(&mut self, qsbr: &Qsbr, free: impl FnMut(T)) {
        self.reclaim_with(|goal| qsbr.poll(goal), free)
    }

    /// [`reclaim`](Self::reclaim) of what the last scan already allows
    /// ([`Qsbr::poll_cached`]: no scan).
    #[inline]
    pub fn reclaim_cached(&mut self, qsbr: &Qsbr, free: impl FnMut(T)) {
        self.reclaim_with(|goal| qsbr.poll_cached(goal), free)
    }

    fn reclaim_with(&mut self, mut reached: impl FnMut(u64) -> bool, mut free: impl FnMut(T)) {
        while let Some((goal, _)) = self.sealed.front() {
            if !reached(*goal) {
                break;
            }
            let (_, batch) = self.sealed.pop_front().expect("front");
            batch.into_iter().for_each(&mut free);
        }
    }

    /// Moves everything (sealed or not) into `other`, sealing first: a
    /// thread that ends gives its list to one that goes on.
    pub fn give_to(&mut self, qsbr: &Qsbr, other: &mut RetireList<T>) {
        self.seal(qsbr);
        other.sealed.extend(self.sealed.drain(..));
        // Goals must stay ordered for `reclaim`'s early stop.
        other
            .sealed
            .make_contiguous()
            .sort_by_key(|(goal, _)| *goal);
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn one_thread_reclaims_after_its_own_quiescent_point() {
        let q = Qsbr::new();
        let t = q.register();
        let mut list = RetireList::new();
        let mut freed = Vec::new();
        for i in 0..BATCH {
            list.retire(&q, i);
        }
        assert!(list.has_sealed(), "a full batch is sealed");
        list.reclaim(&q, |b| freed.push(b));
        assert!(freed.is_empty(), "freed before a quiescent point");
        q.quiescent(&t);
        list.reclaim(&q, |b| freed.push(b));
        assert_eq!(freed.len(), BATCH);
        q.unregister(t);
    }

    #[test]
    fn a_lagging_thread_holds_back_and_an_offline_one_does_not() {
        let q = Qsbr::new();
        let me = q.register();
        let mut other = q.register();
        let mut list = RetireList::new();
        list.retire(&q, 1);
        list.seal(&q);
        q.quiescent(&me);
        let mut freed = 0;
        list.reclaim(&q, |_| freed += 1);
        assert_eq!(freed, 0, "the other thread has not been quiescent");
        q.offline(&mut other);
        list.reclaim(&q, |_| freed += 1);
        assert_eq!(freed, 1, "an offline thread holds nothing back");
        q.online(&mut other);
        list.retire(&q, 2);
        list.seal(&q);
        q.quiescent(&me);
        list.reclaim(&q, |_| freed += 1);
        assert_eq!(freed, 1, "back online, it holds back what is new");
        q.quiescent(&other);
        list.reclaim(&q, |_| freed += 1);
        assert_eq!(freed, 2);
        q.unregister(other);
        q.unregister(me);
    }

    #[test]
    fn give_to_keeps_goals_ordered() {
        let q = Qsbr::new();
        let t = q.register();
        let mut a = RetireList::new();
        let mut b = RetireList::new();
        b.retire(&q, 1);
        b.seal(&q);
        a.retire(&q, 2);
        a.give_to(&q, &mut b);
        assert!(a.is_empty());
        q.quiescent(&t);
        let mut freed = Vec::new();
        b.reclaim(&q, |x| freed.push(x));
        assert_eq!(freed, vec![1, 2]);
        q.unregister(t);
    }
}

#[cfg(all(test, loom))]
#[allow(unsafe_code)] // loom's UnsafeCell accessors
mod loom_tests {
    use super::*;
    use crate::sync::AtomicUsize;
    use crate::sync::{model, thread, UnsafeCell};

    const FREED: u64 = u64::MAX;

    /// Executions in which the writer freed the block (outside loom's
    /// model: a plain std counter), so a model that never frees is caught.
    static FREES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

    fn free(w: &World, b: usize) {
        w.blocks[b].with_mut(|p| unsafe { *p = FREED });
        FREES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    /// Runs a model and checks that some execution freed the block.
    fn model_that_frees(f: impl Fn() + Sync + Send + 'static) {
        let before = FREES.load(std::sync::atomic::Ordering::Relaxed);
        model(f);
        assert!(
            FREES.load(std::sync::atomic::Ordering::Relaxed) > before,
            "no execution reclaimed anything: the model checks nothing"
        );
    }

    /// Two blocks and a shared pointer (an index) to the live one.
    struct World {
        qsbr: Qsbr,
        current: AtomicUsize,
        blocks: [UnsafeCell<u64>; 2],
    }

    fn world() -> Arc<World> {
        Arc::new(World {
            qsbr: Qsbr::new(),
            current: AtomicUsize::new(0),
            blocks: [UnsafeCell::new(10), UnsafeCell::new(20)],
        })
    }

    /// A reader: reads through the shared pointer (loom reports a data
    /// race if the writer's free is not ordered after the read).
    fn read(w: &World) {
        let i = w.current.load(Ordering::Acquire);
        let v = w.blocks[i].with(|p| unsafe { *p });
        assert_ne!(v, FREED, "a reader saw freed memory");
    }

    /// The writer: unlinks block 0, retires it, and frees it (writes
    /// FREED) if and when QSBR allows, polling a bounded number of times.
    fn write_and_reclaim(w: &World, me: &QsbrThread, check_goal: bool) {
        w.current.store(1, Ordering::Release);
        let mut list = RetireList::new();
        list.retire(&w.qsbr, 0usize);
        list.seal(&w.qsbr);
        for _ in 0..2 {
            w.qsbr.quiescent(me);
            if check_goal {
                list.reclaim(&w.qsbr, |b| free(w, b));
            } else {
                // Broken on purpose: free without waiting for the goal.
                let (_, batch) = list.sealed.pop_front().expect("sealed");
                batch.into_iter().for_each(|b| free(w, b));
            }
            if list.is_empty() {
                break;
            }
            thread::yield_now();
        }
    }

    /// An online reader reads twice with a quiescent point between; a
    /// writer unlinks and reclaims concurrently.
    fn quiescent_model(check_goal: bool) {
        model_that_frees(move || {
            let w = world();
            let reader = {
                let w = w.clone();
                let t = w.qsbr.register();
                thread::spawn(move || {
                    read(&w);
                    w.qsbr.quiescent(&t);
                    read(&w);
                    w.qsbr.unregister(t);
                })
            };
            let me = w.qsbr.register();
            write_and_reclaim(&w, &me, check_goal);
            reader.join().unwrap();
            w.qsbr.unregister(me);
        });
    }

    #[test]
    fn a_reader_never_sees_freed_memory() {
        quiescent_model(true);
    }

    #[test]
    #[should_panic(expected = "Causality violation")]
    fn freeing_before_the_goal_is_caught() {
        quiescent_model(false);
    }

    /// A reader that was offline comes back online and reads while the
    /// writer unlinks and scans: the read-modify-writes order the two.
    fn coming_online_model(rmw: bool) {
        model_that_frees(move || {
            let w = world();
            let mut t = w.qsbr.register();
            w.qsbr.offline(&mut t);
            let reader = {
                let w = w.clone();
                thread::spawn(move || {
                    if rmw {
                        w.qsbr.online(&mut t);
                    } else {
                        // Broken on purpose: a plain store.
                        let wr = w.qsbr.wr_seq.load(Ordering::Acquire);
                        t.slot.seq.store(wr, Ordering::Release);
                        t.online = true;
                    }
                    read(&w);
                    w.qsbr.offline(&mut t);
                    w.qsbr.unregister(t);
                })
            };
            let me = w.qsbr.register();
            write_and_reclaim(&w, &me, true);
            reader.join().unwrap();
            w.qsbr.unregister(me);
        });
    }

    #[test]
    fn coming_online_is_ordered_with_the_scan() {
        coming_online_model(true);
    }

    #[test]
    #[should_panic(expected = "Causality violation")]
    fn coming_online_with_a_plain_store_is_caught() {
        coming_online_model(false);
    }
}
