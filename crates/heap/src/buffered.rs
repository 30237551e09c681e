//! The `buffered` refcount strategy: the Gilectomy's buffered reference
//! counts.
//!
//! Larry Hastings's Gilectomy (2016–2017) first made every count change an
//! atomic instruction, found it cost about 30% on one thread and collapsed
//! when threads shared objects, and then moved count changes off the
//! threads that make them: each thread *logs* its increments and
//! decrements (separate logs, object pointers only), and one **commit
//! thread** applies them; only the commit thread frees objects. He
//! presented it at PyCon 2017 ("The Gilectomy: How's It Going?") and LWN
//! reported it (2017, 2018): with it the Gilectomy reached CPython's speed
//! only when it ran on about seven cores against CPython's one. That
//! branch was never published (the `larryhastings/gilectomy` repository
//! holds only the atomic build), so this module follows the design as he
//! described it; where the description is silent (when it is safe to apply
//! a decrement), it says what it chose and why.
//!
//! # The protocol
//!
//! 1. **Logging.** `incref` appends the cell to the calling thread's
//!    increment log, `decref_or_defer` appends the object (a
//!    [`DeferredFree`]) to its decrement log; neither touches the count.
//! 2. **Flushing.** A thread hands its logs to the commit inbox as one
//!    batch, tagged with the global *epoch* it read, and then records that
//!    epoch as its `flushed` mark: when a log is full
//!    ([`LOG_CAPACITY`]), at a safe point once the epoch has moved
//!    (`at_safe_point`, the eval loop's poll), before it detaches or parks
//!    (`thread_detached`: its mark becomes `OFFLINE`), and when it ends.
//! 3. **Committing** (`commit_once`, the commit thread's loop): advance
//!    the epoch from k to k + 1; read every registered thread's mark; take
//!    the inbox; apply every increment; apply the decrements of every batch
//!    tagged t with t < every mark (every thread has flushed since the
//!    epoch passed t); keep the others for a later cycle. A count that
//!    reaches zero is freed, on the committing thread, after the lock is
//!    released (its finalizer is handed to an interpreter thread by the
//!    object model's `handoff`).
//!
//! **Why a decrement waits for every thread's next flush.** Applying
//! increments before decrements is not enough: thread B may copy a
//! reference it got from A (its increment in B's log, not yet flushed)
//! just before A drops its own (A's decrement, flushed). A new reference
//! is always copied from one its thread holds, so the copy's increment
//! happens-before the drop of the source. If A's batch was tagged t, A read
//! epoch t after the drop, so any later flush by B that read an epoch
//! above t comes after the copy (coherence of the epoch word) and carries
//! its increment. Hence: a decrement tagged t is applied only once every
//! thread has flushed with a mark above t (or is offline), and the inbox is
//! taken *after* the marks are read, so the batches those flushes pushed
//! are in it. The count can then run ahead of the truth (increments first)
//! but never reach zero while a reference lives.
//!
//! **With the world stopped** (the cycle collector's pauses:
//! `world_stopped` / `world_resumed`) every interpreter thread has flushed
//! before it parked, so every logged increment is in the inbox: the
//! collector's thread applies all of it, decrements included, except those
//! that would reach zero (nothing is freed in a pause; those wait), and
//! the commit thread does nothing until the world goes again. The counts
//! the collector reads are then exact, as it needs.
//!
//! # Invariants
//!
//! * Only a committer (the commit thread, or a thread in `sync_counts`,
//!   one at a time under the commit lock) applies logged decrements.
//!   Increments may be applied by others, since an early increment only
//!   lets the count run ahead: `try_incref` adds to a count directly with
//!   a CAS from a non-zero value (weak references), and a finalizer's
//!   thread applies its own logged increments (`count_own_increments`).
//!   So every count write is an atomic read-modify-write; the only writes
//!   that lower a count are a committer's.
//! * A decrement is applied only after every increment that
//!   happened-before it (above); so a count reaches zero only when no
//!   reference remains, and exactly once.
//! * An increment is applied while its object lives: its source reference
//!   is not dropped until after it (a decrement it happened-before).
//!
//! # What differs from the Gilectomy
//!
//! * The epoch rule above is ours (the talks describe only "increments
//!   before decrements"); it is QSBR's grace period (CPython's `qsbr.c`)
//!   applied to decrements.
//! * Logs are `Vec`s handed over whole, not fixed ring buffers.
//! * `try_incref` (weak references) writes the count with a CAS; the
//!   Gilectomy predates `_Py_TryIncref`.
//! * `RefCount::decref` without the object (the object model never calls
//!   it on this heap) cannot free later: its decrement is not logged, and
//!   the object leaks rather than being freed early.

#![allow(unsafe_code)] // unsafe impl RefCount; cells named by pointer in the logs

use core::ptr::NonNull;
use std::cell::RefCell;

#[cfg(not(ftl_tsan))]
use ftl_core::sync::fence;
use ftl_core::sync::{Arc, AtomicBool, AtomicU64, AtomicUsize, Condvar, Mutex, Ordering};
use ftl_core::{DeferredFree, RefCount, IMMORTAL_COUNT};

/// Entries a thread's logs hold before they are flushed.
pub const LOG_CAPACITY: usize = 4096;

/// How long the commit thread waits for work before a cycle anyway.
pub const COMMIT_INTERVAL: std::time::Duration = std::time::Duration::from_millis(1);

/// A thread's mark while it is detached or has ended: it holds no
/// unflushed change, so it holds no decrement back.
const OFFLINE: u64 = u64::MAX;

/// Buffered reference counts (see the module docs).
#[derive(Debug, Clone, Copy)]
pub enum Buffered {}

/// A buffered count: written only by a committer (and `try_incref`).
#[derive(Debug)]
pub struct BufferedCell {
    count: AtomicUsize,
}

/// A cell named in an increment log.
struct CellPtr(NonNull<BufferedCell>);
// SAFETY: a logged cell is applied by the committer while its object
// lives (module invariants); the count is atomic.
unsafe impl Send for CellPtr {}

/// One flush of one thread's logs.
struct Batch {
    epoch: u64,
    increfs: Vec<CellPtr>,
    decrefs: Vec<DeferredFree>,
}

/// A registered thread's mark: the epoch of its last flush, or `OFFLINE`.
#[derive(Debug)]
struct Mark(AtomicU64);

/// What a committer keeps between cycles.
#[derive(Default)]
struct CommitState {
    /// Decrements not yet applied, with their batches' epochs.
    pending: Vec<(u64, Vec<DeferredFree>)>,
    /// The world is stopped: a collector's thread has settled the counts,
    /// and nothing may change them until it goes again.
    world_stopped: bool,
}

/// The process's buffered-count state.
struct Domain {
    epoch: AtomicU64,
    marks: Mutex<Vec<Arc<Mark>>>,
    inbox: Mutex<Vec<Batch>>,
    /// Wakes the commit thread when a batch arrives or it must stop.
    wake: Condvar,
    /// Whether a commit thread runs (then only it frees).
    commit_thread: AtomicBool,
    commit: Mutex<CommitState>,
}

impl Domain {
    fn new() -> Self {
        Domain {
            epoch: AtomicU64::new(1),
            marks: Mutex::new(Vec::new()),
            inbox: Mutex::new(Vec::new()),
            wake: Condvar::new(),
            commit_thread: AtomicBool::new(false),
            commit: Mutex::new(CommitState::default()),
        }
    }

    fn submit(&self, batch: Batch) {
        self.inbox.lock().push(batch);
        self.wake.notify_one();
    }
}

ftl_core::global_lazy! {
    fn domain() -> Domain = Domain::new();
}

// ---------------------------------------------------------------------------
// The logging threads.

/// A thread's logs and its registration.
struct Log {
    increfs: Vec<CellPtr>,
    decrefs: Vec<DeferredFree>,
    mark: Option<Arc<Mark>>,
    /// The epoch of this thread's last flush (its mark, kept here too so
    /// the safe point reads no shared word but the epoch).
    flushed: u64,
    /// The commit thread's log: its mark is always `OFFLINE` (see
    /// `commit_once`).
    committer: bool,
}

impl Log {
    const fn new() -> Self {
        Log {
            increfs: Vec::new(),
            decrefs: Vec::new(),
            mark: None,
            flushed: 0,
            committer: false,
        }
    }

    /// Registers the thread: its mark is the epoch now, since it has
    /// logged nothing yet.
    fn register(&mut self) {
        let d = domain();
        let mark = Arc::new(Mark(AtomicU64::new(0)));
        let mut marks = d.marks.lock();
        let now = d.epoch.load(Ordering::SeqCst);
        mark.0
            .store(if self.committer { OFFLINE } else { now }, Ordering::SeqCst);
        self.flushed = now;
        marks.push(mark.clone());
        self.mark = Some(mark);
    }

    fn len(&self) -> usize {
        self.increfs.len() + self.decrefs.len()
    }

    /// Step 2: hands the logs over, then records the epoch read.
    fn flush(&mut self) {
        if self.mark.is_none() && self.len() == 0 {
            return; // nothing logged, not registered
        }
        let d = domain();
        let epoch = d.epoch.load(Ordering::SeqCst);
        if self.len() > 0 {
            d.submit(Batch {
                epoch,
                increfs: core::mem::take(&mut self.increfs),
                decrefs: core::mem::take(&mut self.decrefs),
            });
        }
        if let Some(mark) = self.mark.as_ref().filter(|_| !self.committer) {
            mark.0.store(epoch, Ordering::SeqCst);
        }
        self.flushed = epoch;
    }

    /// Flushes and holds no decrement back until `attach`.
    fn detach(&mut self) {
        self.flush();
        if let Some(mark) = &self.mark {
            mark.0.store(OFFLINE, Ordering::SeqCst);
        }
    }

    fn attach(&mut self) {
        if let Some(mark) = &self.mark {
            let now = domain().epoch.load(Ordering::SeqCst);
            mark.0.store(now, Ordering::SeqCst);
            self.flushed = now;
        }
    }

    /// Flushes and leaves the registry.
    fn leave(&mut self) {
        self.flush();
        if let Some(mark) = self.mark.take() {
            mark.0.store(OFFLINE, Ordering::SeqCst);
            domain().marks.lock().retain(|m| !Arc::ptr_eq(m, &mark));
        }
    }
}

impl Drop for Log {
    fn drop(&mut self) {
        self.leave();
    }
}

#[cfg(not(loom))]
std::thread_local! {
    static LOG: RefCell<Log> = const { RefCell::new(Log::new()) };
}
#[cfg(loom)]
loom::thread_local! {
    static LOG: RefCell<Log> = RefCell::new(Log::new());
}

/// Logs one change; a thread whose logs are gone (it is being torn down)
/// submits it as a batch of its own.
fn log(change: impl FnOnce(&mut Log)) {
    let mut change = Some(change);
    let logged = LOG.try_with(|l| {
        let mut l = l.borrow_mut();
        if l.mark.is_none() {
            l.register();
        }
        (change.take().expect("once"))(&mut l);
        if l.len() >= LOG_CAPACITY {
            l.flush();
        }
    });
    if logged.is_err() {
        let d = domain();
        let mut one = Log::new();
        (change.take().expect("once"))(&mut one);
        d.submit(Batch {
            epoch: d.epoch.load(Ordering::SeqCst),
            increfs: core::mem::take(&mut one.increfs),
            decrefs: core::mem::take(&mut one.decrefs),
        });
    }
}

fn with_log(f: impl FnOnce(&mut Log)) {
    let _ = LOG.try_with(|l| f(&mut l.borrow_mut()));
}

/// The number of changes in the calling thread's logs.
fn with_log_len() -> usize {
    LOG.try_with(|l| l.borrow().len()).unwrap_or(0)
}

// ---------------------------------------------------------------------------
// The committer.

/// Applies one decrement; `Some` when it took the count to zero.
fn apply_decrement(object: DeferredFree) -> Option<DeferredFree> {
    // SAFETY: a logged object lives until its last decrement is applied,
    // which is this one at the earliest; the cell is this strategy's.
    let cell = unsafe { object.cell::<Buffered>() };
    if cell.count.fetch_sub(1, Ordering::Release) != 1 {
        return None;
    }
    #[cfg(ftl_tsan)]
    cell.count.load(Ordering::Acquire);
    #[cfg(not(ftl_tsan))]
    fence(Ordering::Acquire);
    Some(object)
}

fn apply_increments(increfs: Vec<CellPtr>) {
    for cell in increfs {
        // SAFETY: the object lives (module invariants).
        unsafe { cell.0.as_ref() }
            .count
            .fetch_add(1, Ordering::Relaxed);
    }
}

/// Step 3, one cycle. With `free_here` (the commit thread, whose frees
/// hand finalizers over and so run no Python code) the objects whose
/// counts reached zero are freed inside the commit lock, so that no free
/// overlaps a collector's pause (`world_stopped` takes the lock); without
/// it (a thread in `sync_counts`, whose frees may run finalizers that
/// commit in turn) they are returned, to be freed once the lock is gone.
fn commit_once(free_here: bool) -> Vec<DeferredFree> {
    let d = domain();
    let mut state = d.commit.lock();
    if state.world_stopped {
        return Vec::new();
    }
    d.epoch.fetch_add(1, Ordering::SeqCst);
    // The marks first, then the inbox: a flush pushes its batch before it
    // moves its mark, so every batch behind a mark read here is taken.
    let safe_below = d
        .marks
        .lock()
        .iter()
        .map(|m| m.0.load(Ordering::SeqCst))
        .min()
        .unwrap_or(OFFLINE);
    let batches = core::mem::take(&mut *d.inbox.lock());
    for batch in batches {
        apply_increments(batch.increfs);
        if !batch.decrefs.is_empty() {
            state.pending.push((batch.epoch, batch.decrefs));
        }
    }
    let mut freed = Vec::new();
    // Only the commit thread frees, when there is one (the Gilectomy's
    // rule, and what keeps frees out of a collector's pause: an
    // interpreter thread freeing here could run a finalizer, park for a
    // pause and leave objects at zero still tabled). Another committer
    // applies the decrements that do not reach zero and leaves the rest.
    let may_free = free_here || !d.commit_thread.load(Ordering::Acquire);
    state.pending.retain_mut(|(epoch, decrefs)| {
        if *epoch >= safe_below {
            return true;
        }
        if may_free {
            freed.extend(decrefs.drain(..).filter_map(apply_decrement));
        } else {
            decrefs.retain(|object| {
                // SAFETY: as in `apply_decrement`.
                let cell = unsafe { object.cell::<Buffered>() };
                // Only increments run beside this committer (`try_incref`).
                if cell.count.load(Ordering::Relaxed) > 1 {
                    cell.count.fetch_sub(1, Ordering::Release);
                    false
                } else {
                    true
                }
            });
        }
        !decrefs.is_empty()
    });
    if free_here {
        free_all(core::mem::take(&mut freed));
        // Still under the lock, so that a thread that finds the commit
        // settled sees all of it: the frees' own decrements (the children
        // of what was freed) go to the inbox, and their counts to the
        // interpreter's accounting. The commit thread's mark stays
        // offline: it logs only inside this locked cycle and flushes
        // before the lock goes, so no other committer ever runs while it
        // has unflushed changes.
        with_log(Log::flush);
        ftl_object::accounting::flush_local();
    }
    freed
}

/// Frees what a commit brought to zero.
fn free_all(freed: Vec<DeferredFree>) {
    for object in freed {
        // SAFETY: its count reached zero in a committer, once; nothing
        // counts it again (module invariants).
        unsafe { object.run() };
    }
}

/// Whether every change flushed with an epoch up to `epoch` has been
/// applied (later ones may wait: other threads keep logging).
fn settled_up_to(epoch: u64) -> bool {
    let d = domain();
    // The commit lock first: a cycle under way finishes (and pushes what
    // its frees dropped) before the inbox is read.
    let state = d.commit.lock();
    let inbox = d.inbox.lock();
    !inbox.iter().any(|b| b.epoch <= epoch) && !state.pending.iter().any(|(e, _)| *e <= epoch)
}

/// Whether a registered thread other than the caller may be logging (it
/// is online: not detached, not ended).
fn others_online() -> bool {
    let mine = LOG.try_with(|l| l.borrow().mark.clone()).ok().flatten();
    domain().marks.lock().iter().any(|m| {
        !mine.as_ref().is_some_and(|me| Arc::ptr_eq(me, m)) && m.0.load(Ordering::SeqCst) != OFFLINE
    })
}

/// The commit thread: an OS thread of the strategy's, which enters the
/// interpreter's per-thread scopes (accounting, collector, finalizer
/// hand-off) and commits every [`COMMIT_INTERVAL`] or when a batch arrives,
/// until its handle is dropped.
pub struct CommitThread {
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl core::fmt::Debug for CommitThread {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("CommitThread").finish_non_exhaustive()
    }
}

#[cfg(not(loom))]
impl CommitThread {
    fn start(enter_scopes: ftl_core::EnterScopes) -> std::io::Result<Self> {
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = stop.clone();
        let thread = std::thread::Builder::new()
            .name("ftl-commit".into())
            .spawn(move || {
                let _scopes = enter_scopes();
                let d = domain();
                with_log(|l| l.committer = true);
                d.commit_thread.store(true, Ordering::Release);
                loop {
                    commit_once(true);
                    if stopping.load(Ordering::Acquire) {
                        break;
                    }
                    let mut inbox = d.inbox.lock();
                    if inbox.is_empty() && !stopping.load(Ordering::Acquire) {
                        d.wake.wait_timeout(&mut inbox, COMMIT_INTERVAL);
                    }
                }
                d.commit_thread.store(false, Ordering::Release);
                // What is left is freed by whoever commits next.
                with_log(Log::leave);
            })?;
        Ok(CommitThread {
            stop,
            thread: Some(thread),
        })
    }
}

impl Drop for CommitThread {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Release);
        domain().wake.notify_all();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

// SAFETY: counts start at one; a committer applies each logged change once
// with an atomic RMW, increments before the decrements they happened-
// before (the epoch rule), so a count reaches zero only when no reference
// remains, in exactly one `fetch_sub`, whose Acquire fence follows every
// Release decrement; `try_incref` never moves a count up from zero.
// Immortal cells are never logged or written. Thread-safe.
unsafe impl RefCount for Buffered {
    type Cell = BufferedCell;
    const NAME: &'static str = "buffered";
    const THREAD_SAFE: bool = true;
    const DEFERS: bool = true;
    const COUNTS_NEVER_LAG: bool = false;

    fn new_cell() -> BufferedCell {
        BufferedCell {
            count: AtomicUsize::new(1),
        }
    }

    fn immortal_cell() -> BufferedCell {
        BufferedCell {
            count: AtomicUsize::new(IMMORTAL_COUNT),
        }
    }

    #[inline]
    fn incref(cell: &BufferedCell) {
        if cell.count.load(Ordering::Relaxed) >= IMMORTAL_COUNT {
            return;
        }
        let ptr = CellPtr(NonNull::from(cell));
        log(|l| l.increfs.push(ptr));
    }

    /// Cannot log without the object: the decrement is dropped (a leak,
    /// never an early free; see the module docs).
    fn decref(cell: &BufferedCell) -> bool {
        let _ = cell;
        false
    }

    #[inline]
    fn decref_or_defer(cell: &BufferedCell, object: DeferredFree) -> bool {
        if cell.count.load(Ordering::Relaxed) >= IMMORTAL_COUNT {
            return false;
        }
        log(|l| l.decrefs.push(object));
        false
    }

    #[inline]
    fn at_safe_point() {
        with_log(|l| {
            if l.mark.is_some() && domain().epoch.load(Ordering::Relaxed) != l.flushed {
                l.flush();
            }
        });
    }

    fn thread_detached() {
        with_log(Log::detach);
    }

    fn thread_attached() {
        with_log(Log::attach);
    }

    fn thread_exit() {
        with_log(Log::leave);
    }

    /// Flushes, then commits on the calling thread until every change
    /// flushed so far (this thread's included) is applied, and what that
    /// freed has had its own changes applied too; other live threads
    /// flush at their next safe point, so this waits about one of their
    /// polls. When no other thread is online (they have ended, or wait
    /// detached), it commits until nothing at all is left, frees of frees
    /// included, so that `sys.getallocatedblocks()` is exact then. It
    /// gives up after about a second while other threads run (they may
    /// keep logging), or a minute alone (every round then makes progress:
    /// the bound only keeps a bug from becoming a hang).
    fn sync_counts() {
        with_log(Log::flush);
        let start = std::time::Instant::now();
        loop {
            let target = domain().epoch.load(Ordering::SeqCst);
            free_all(commit_once(false));
            // The frees' own changes (their children) are this thread's.
            let freed_more = with_log_len() > 0;
            with_log(Log::flush);
            let alone = !others_online();
            let done = !freed_more && settled_up_to(if alone { u64::MAX } else { target });
            let limit = std::time::Duration::from_secs(if alone { 60 } else { 1 });
            if done || start.elapsed() > limit {
                return;
            }
            ftl_core::sync::thread::yield_now();
        }
    }

    /// Applies the calling thread's logged increments here, directly, and
    /// leaves its decrements logged. No commit cycle and no commit lock: an
    /// increment may be applied early by anyone (the count only runs
    /// ahead, as with `try_incref`), and each logged one names an object
    /// that lives until this thread's next flush (module invariants). So a
    /// finalizer that asks this (every weakly referenced object that dies)
    /// never queues behind a commit cycle, whose frees can take long.
    fn count_own_increments() {
        with_log(|l| apply_increments(core::mem::take(&mut l.increfs)));
    }

    unsafe fn world_stopped() {
        with_log(Log::flush);
        let d = domain();
        let mut state = d.commit.lock();
        state.world_stopped = true;
        let batches = core::mem::take(&mut *d.inbox.lock());
        let mut decrefs = Vec::new();
        for batch in batches {
            apply_increments(batch.increfs);
            decrefs.extend(batch.decrefs);
        }
        let mut waiting = Vec::new();
        for (_, batch) in state.pending.drain(..) {
            decrefs.extend(batch);
        }
        // Every increment is applied: every decrement may be, but one that
        // would reach zero waits (nothing is freed in a pause).
        for object in decrefs {
            // SAFETY: as in `apply_decrement`.
            let cell = unsafe { object.cell::<Buffered>() };
            if cell.count.load(Ordering::Relaxed) > 1 {
                cell.count.fetch_sub(1, Ordering::Release);
            } else {
                waiting.push(object);
            }
        }
        // Those wait under today's epoch, not an old one: the collector
        // may take references to such an object in the pause (it is still
        // tabled), whose increments this thread logs after its flush
        // above; they must be applied before the decrement.
        if !waiting.is_empty() {
            state
                .pending
                .push((d.epoch.load(Ordering::SeqCst), waiting));
        }
    }

    unsafe fn world_resumed() {
        domain().commit.lock().world_stopped = false;
    }

    fn start_thread(enter_scopes: ftl_core::EnterScopes) -> Option<ftl_core::StrategyThread> {
        #[cfg(not(loom))]
        {
            CommitThread::start(enter_scopes)
                .ok()
                .map(|t| Box::new(t) as ftl_core::StrategyThread)
        }
        #[cfg(loom)]
        {
            let _ = enter_scopes;
            None
        }
    }

    /// A CAS from a non-zero committed count: the object is not being
    /// freed (a committer frees only from zero, which this never leaves).
    fn try_incref(cell: &BufferedCell) -> bool {
        let mut n = cell.count.load(Ordering::Relaxed);
        loop {
            if n == 0 {
                return false;
            }
            if n >= IMMORTAL_COUNT {
                return true;
            }
            match cell
                .count
                .compare_exchange_weak(n, n + 1, Ordering::Relaxed, Ordering::Relaxed)
            {
                Ok(_) => return true,
                Err(now) => n = now,
            }
        }
    }

    /// The committed count: exact after `sync_counts`.
    fn count(cell: &BufferedCell) -> usize {
        cell.count.load(Ordering::Acquire).min(IMMORTAL_COUNT)
    }

    fn is_immortal(cell: &BufferedCell) -> bool {
        cell.count.load(Ordering::Relaxed) >= IMMORTAL_COUNT
    }
}

#[cfg(all(test, loom))]
mod loom_tests {
    use super::*;
    use ftl_core::sync::{model, thread, UnsafeCell};

    /// A stand-in object: the cell first (as in the object model's
    /// header), a payload, whether a thread holds a copy, and frees.
    #[repr(C)]
    struct Obj {
        cell: BufferedCell,
        payload: UnsafeCell<usize>,
        held: AtomicBool,
        frees: AtomicUsize,
    }
    // SAFETY (model): the payload is written by the thread holding a copy
    // and read by the free, which the model checks are ordered.
    unsafe impl Sync for Obj {}
    unsafe impl Send for Obj {}

    unsafe fn free(ptr: NonNull<()>) {
        // SAFETY (model): the `Arc` in the model keeps the memory.
        let o = unsafe { ptr.cast::<Obj>().as_ref() };
        assert!(
            !o.held.load(Ordering::Relaxed),
            "freed while a copy was held"
        );
        // SAFETY (model): the freeing thread is the last user.
        let _ = o.payload.with(|p| unsafe { *p });
        o.frees.fetch_add(1, Ordering::Relaxed);
    }

    /// Drops a reference as `ObjRef::drop` does (this strategy never frees
    /// in the drop).
    fn drop_ref(o: &Obj) {
        // SAFETY (model): `free` frees this kind of object; the cell is
        // the object's first field.
        let deferred = unsafe { DeferredFree::new(NonNull::from(o).cast(), free) };
        assert!(!Buffered::decref_or_defer(&o.cell, deferred));
    }

    fn flush() {
        with_log(Log::flush);
    }

    fn commit() {
        free_all(commit_once(false));
    }

    /// The reference in a shared slot is copied by another thread (its
    /// increment in that thread's log, unflushed) while the main thread
    /// takes it out, drops it, flushes and commits: the decrement must wait
    /// for the copying thread's next flush, so the object is never freed
    /// while the copy is held, and is freed exactly once in the end.
    #[test]
    fn a_copy_keeps_the_object_until_its_increment_is_applied() {
        model(|| {
            let obj = Arc::new(Obj {
                cell: Buffered::new_cell(),
                payload: UnsafeCell::new(0),
                held: AtomicBool::new(false),
                frees: AtomicUsize::new(0),
            });
            // The slot holds the object's one reference.
            let slot = Arc::new(Mutex::new(true));
            let (o2, slot2) = (obj.clone(), slot.clone());
            let copier = thread::spawn(move || {
                let copied = {
                    let in_slot = slot2.lock();
                    if *in_slot {
                        Buffered::incref(&o2.cell); // the copy
                    }
                    *in_slot
                };
                if copied {
                    o2.held.store(true, Ordering::Relaxed);
                    // SAFETY (model): written while the copy is held.
                    o2.payload.with_mut(|p| unsafe { *p = 1 });
                    o2.held.store(false, Ordering::Relaxed);
                    drop_ref(&o2);
                }
                Buffered::thread_exit();
            });
            // The main thread takes the slot's reference and drops it.
            *slot.lock() = false;
            drop_ref(&obj);
            flush();
            commit();
            commit();
            copier.join().unwrap();
            for _ in 0..3 {
                flush();
                commit();
            }
            assert_eq!(obj.frees.load(Ordering::Relaxed), 1, "freed exactly once");
            Buffered::thread_exit();
        });
    }
}
