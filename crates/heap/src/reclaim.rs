//! The heap's reclamation domain: one [`Qsbr`] for the `ft-biased`
//! runtime, its threads' retire lists, and what the [`Biased`] strategy's
//! thread hooks do with them (CPython 3.13t's `_PyMem_FreeDelayed` and
//! `_Py_qsbr_*` calls in `pystate.c`).
//!
//! * A thread registers, online, on its first lock-free read
//!   ([`read_begin`]); [`offline`] when it detaches for a blocking call or
//!   to park, [`online`] when it attaches again. A thread that is offline
//!   reads under the container's lock.
//! * Its safe points ([`at_safe_point`]) are quiescent points: it holds
//!   no pointer loaded before. There it also frees the batches of its own
//!   retire list whose goal every thread has reached, and adopts what
//!   threads that ended left behind.
//! * Memory freed by the object model ([`retire`]) goes on the calling
//!   thread's list (or, on a thread whose thread-locals are being torn
//!   down, on the orphan list); a thread that ends gives its list to the
//!   orphans ([`thread_exit`], or its thread-local destructor).
//!
//! # Invariants
//!
//! * Nothing retired is freed before [`Qsbr::poll`] says its goal is
//!   reached (the lists' `reclaim` is the only place that frees).
//! * A thread reads without locks only while [`read_begin`] said it is
//!   online, and its safe points and detaches come only between reads
//!   (the eval loop polls between instructions, never inside a list
//!   read).
//!
//! [`Biased`]: crate::Biased

#![allow(unsafe_code)] // running retired frees (`Reclaim::run`)

use core::cell::{Cell, RefCell};

use ftl_core::qsbr::{Qsbr, QsbrThread, RetireList};
use ftl_core::sync::{AtomicBool, Mutex, Ordering};
use ftl_core::Reclaim;

/// A thread's state in the domain.
const UNREGISTERED: u8 = 0;
const ONLINE: u8 = 1;
const OFFLINE: u8 = 2;

/// The calling thread's registration and retire list.
struct Local {
    thread: Option<QsbrThread>,
    retired: RetireList<Reclaim>,
    /// Safe points left before the next scan.
    countdown: u32,
}

impl Drop for Local {
    fn drop(&mut self) {
        leave(self);
    }
}

#[cfg(not(loom))]
std::thread_local! {
    static STATE: Cell<u8> = const { Cell::new(UNREGISTERED) };
    /// The write sequence at which this thread's last safe point found
    /// nothing left to do (quiescent there, nothing sealed); 0 when
    /// something may be (a seal, coming online). A safe point that finds
    /// the sequence unchanged returns after two loads.
    static QUIET: Cell<u64> = const { Cell::new(0) };
    static LOCAL: RefCell<Local> = const {
        RefCell::new(Local { thread: None, retired: RetireList::new(), countdown: 0 })
    };
}
#[cfg(loom)]
loom::thread_local! {
    static STATE: Cell<u8> = Cell::new(UNREGISTERED);
    static QUIET: Cell<u64> = Cell::new(0);
    static LOCAL: RefCell<Local> = RefCell::new(Local { thread: None, retired: RetireList::new(), countdown: 0 });
}

/// The domain and the lists of threads that ended.
struct Domain {
    qsbr: Qsbr,
    orphans: Mutex<RetireList<Reclaim>>,
    has_orphans: AtomicBool,
}

impl Domain {
    fn new() -> Self {
        Domain {
            qsbr: Qsbr::new(),
            orphans: Mutex::new(RetireList::new()),
            has_orphans: AtomicBool::new(false),
        }
    }
}

ftl_core::global_lazy! {
    fn domain() -> Domain = Domain::new();
}

/// Frees a block whose grace period has passed.
fn free(block: Reclaim) {
    // SAFETY: `RetireList::reclaim` hands a block over only once its goal
    // is reached: no thread can still hold a pointer into it.
    unsafe { block.run() }
}

/// Whether the calling thread may read without locks now; registers it
/// (online) on its first read.
#[inline]
pub(crate) fn read_begin() -> bool {
    match STATE.try_with(Cell::get) {
        Ok(ONLINE) => true,
        Ok(UNREGISTERED) => register(),
        _ => false,
    }
}

#[cold]
fn register() -> bool {
    LOCAL
        .try_with(|l| {
            let mut l = l.borrow_mut();
            if l.thread.is_none() {
                l.thread = Some(domain().qsbr.register());
            }
            STATE.with(|s| s.set(ONLINE));
            let _ = QUIET.try_with(|q| q.set(0));
            true
        })
        .unwrap_or(false)
}

/// Hands a freed object's (or array's) memory to the domain.
#[inline]
pub(crate) fn retire(block: Reclaim) {
    let mut block = Some(block);
    let _ = LOCAL.try_with(|l| {
        // A free inside our own bookkeeping (cannot happen today: frees
        // run after the borrow ends) goes to the orphans.
        if let Ok(mut l) = l.try_borrow_mut() {
            let d = domain();
            if l.retired.retire(&d.qsbr, block.take().expect("once")) {
                // Once per batch (it was just sealed): scan for what is
                // due (the frees run raw deallocations only).
                l.retired.reclaim(&d.qsbr, free);
                let _ = QUIET.try_with(|q| q.set(0));
            }
        }
    });
    if let Some(block) = block {
        retire_orphan(block);
    }
}

/// Thread-locals being torn down, or borrowed: the orphan list.
#[cold]
fn retire_orphan(block: Reclaim) {
    let d = domain();
    let mut orphans = d.orphans.lock();
    orphans.retire(&d.qsbr, block);
    orphans.seal(&d.qsbr);
    d.has_orphans.store(true, Ordering::Release);
}

/// A safe point: quiescent (when online), then frees what is due.
#[inline]
pub(crate) fn at_safe_point() {
    let d = domain();
    let wr = d.qsbr.write_seq();
    if matches!(QUIET.try_with(Cell::get), Ok(q) if q == wr)
        && !d.has_orphans.load(Ordering::Relaxed)
    {
        return;
    }
    let _ = LOCAL.try_with(|l| {
        let Ok(mut l) = l.try_borrow_mut() else {
            return;
        };
        let l = &mut *l;
        if let Some(t) = &l.thread {
            if t.is_online() {
                d.qsbr.quiescent(t);
            }
        }
        let quiet = if l.retired.has_sealed() { 0 } else { wr };
        let _ = QUIET.try_with(|q| q.set(quiet));
        if l.retired.has_sealed() {
            // A scan only every `SCAN_EVERY` safe points (one comes every
            // few instructions); otherwise only what the last scan, by any
            // thread, already allows.
            l.countdown = l.countdown.saturating_sub(1);
            if l.countdown == 0 {
                l.countdown = SCAN_EVERY;
                l.retired.reclaim(&d.qsbr, free);
            } else {
                l.retired.reclaim_cached(&d.qsbr, free);
            }
        }
    });
    if d.has_orphans.load(Ordering::Relaxed) {
        adopt_orphans(d);
    }
}

/// Safe points between two scans of a thread that waits for a goal.
const SCAN_EVERY: u32 = 1024;

#[cold]
fn adopt_orphans(d: &Domain) {
    let Some(mut orphans) = d.orphans.try_lock() else {
        return;
    };
    // No scan: the owners' scans move the cache on.
    orphans.reclaim_cached(&d.qsbr, free);
    if orphans.is_empty() {
        d.has_orphans.store(false, Ordering::Relaxed);
    }
}

/// The thread detaches: offline, after freeing what is due.
pub(crate) fn offline() {
    let d = domain();
    let _ = LOCAL.try_with(|l| {
        let Ok(mut l) = l.try_borrow_mut() else {
            return;
        };
        let l = &mut *l;
        if let Some(t) = &mut l.thread {
            d.qsbr.offline(t);
            let _ = STATE.try_with(|s| s.set(OFFLINE));
        }
        if l.retired.has_sealed() {
            l.retired.reclaim(&d.qsbr, free);
        }
    });
}

/// The thread attaches again: online.
pub(crate) fn online() {
    let d = domain();
    let _ = LOCAL.try_with(|l| {
        let Ok(mut l) = l.try_borrow_mut() else {
            return;
        };
        if let Some(t) = &mut l.thread {
            d.qsbr.online(t);
            let _ = STATE.try_with(|s| s.set(ONLINE));
            let _ = QUIET.try_with(|q| q.set(0));
        }
    });
}

/// The thread ends: its list goes to the orphans, its slot away.
pub(crate) fn thread_exit() {
    let _ = LOCAL.try_with(|l| {
        if let Ok(mut l) = l.try_borrow_mut() {
            leave(&mut l);
        }
    });
    let _ = STATE.try_with(|s| s.set(UNREGISTERED));
}

fn leave(l: &mut Local) {
    // `domain()` only when there is something to hand back: a thread that
    // never registered nor retired anything (loom's threads, at the
    // model's end) must not touch the statics.
    if let Some(t) = l.thread.take() {
        domain().qsbr.unregister(t);
    }
    if !l.retired.is_empty() {
        let d = domain();
        let mut orphans = d.orphans.lock();
        l.retired.give_to(&d.qsbr, &mut orphans);
        d.has_orphans.store(true, Ordering::Release);
    }
}

/// Seals the calling thread's batch being filled and frees every batch
/// that is due (for tests and for `sys.getallocatedblocks`-style
/// settling): after it, everything retired before is freed once every
/// other thread has been quiescent.
pub fn flush() {
    let d = domain();
    let _ = LOCAL.try_with(|l| {
        let Ok(mut l) = l.try_borrow_mut() else {
            return;
        };
        let l = &mut *l;
        l.retired.seal(&d.qsbr);
        if let Some(t) = &l.thread {
            if t.is_online() {
                d.qsbr.quiescent(t);
            }
        }
        l.retired.reclaim(&d.qsbr, free);
    });
    let mut orphans = d.orphans.lock();
    orphans.reclaim(&d.qsbr, free);
    if orphans.is_empty() {
        d.has_orphans.store(false, Ordering::Relaxed);
    }
}
