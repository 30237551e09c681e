//! Live-object accounting: objects allocated minus objects freed, per runtime.
//!
//! CPython's debug builds keep `_Py_RefTotal` (per interpreter since 3.12,
//! reached through the current thread state); ftl keeps a count of objects
//! allocated and freed in the same spirit, always on, so that any test can
//! assert that a run leaked nothing and freed nothing twice.
//!
//! # How counts are attributed
//!
//! A runtime owns an [`Accounting`]. Each thread that runs the runtime's
//! code *enters* it ([`Accounting::enter`]); while entered, every allocation
//! and every free on that thread is counted for that runtime, in plain
//! thread-local counters (no shared cache line is touched on the hot path),
//! which are flushed into the runtime's totals when the thread leaves the
//! scope. Counts made by a thread that entered no scope go straight to
//! [`Accounting::global`] with atomic adds.
//!
//! # Invariants
//!
//! * Every counted allocation is matched by exactly one counted free;
//!   immortal objects are not counted.
//! * [`Accounting::live`] is exact for the calling thread's own unflushed
//!   counts plus every count flushed so far: read it after the other threads
//!   of the runtime have left their scopes (joined), as tests do.
//! * An object allocated in one runtime's scope and freed in another's is
//!   counted in both (as +1 there, -1 here): threads must enter the scope of
//!   the runtime whose objects they touch, as a thread state belongs to one
//!   interpreter in CPython.

#![allow(unsafe_code)] // the thread-local scope pointer

use std::cell::Cell;
use std::marker::PhantomData;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// A runtime's counts of objects allocated and freed.
#[derive(Debug, Default)]
pub struct Accounting {
    allocated: AtomicU64,
    freed: AtomicU64,
}

static GLOBAL: Accounting = Accounting {
    allocated: AtomicU64::new(0),
    freed: AtomicU64::new(0),
};

struct Local {
    /// The entered accounting, kept alive by the `Scope` that set it; null
    /// when the thread is in no scope.
    target: Cell<*const Accounting>,
    allocated: Cell<u64>,
    freed: Cell<u64>,
}

std::thread_local! {
    static LOCAL: Local = const {
        Local {
            target: Cell::new(core::ptr::null()),
            allocated: Cell::new(0),
            freed: Cell::new(0),
        }
    };
}

impl Local {
    /// Moves the unflushed counts into the current target.
    fn flush(&self) {
        let target = self.target.get();
        if target.is_null() {
            return;
        }
        // SAFETY: a non-null target is kept alive by the `Scope` that set
        // it, which restores the previous target before it drops its `Arc`.
        let target = unsafe { &*target };
        target
            .allocated
            .fetch_add(self.allocated.replace(0), Ordering::Relaxed);
        target
            .freed
            .fetch_add(self.freed.replace(0), Ordering::Relaxed);
    }
}

/// Counts one event in the thread's scope, or globally when it has none.
#[inline]
fn note(local: fn(&Local) -> &Cell<u64>, global: &AtomicU64) {
    let counted = LOCAL.try_with(|l| {
        if l.target.get().is_null() {
            return false;
        }
        let c = local(l);
        c.set(c.get() + 1);
        true
    });
    if counted != Ok(true) {
        global.fetch_add(1, Ordering::Relaxed);
    }
}

/// Moves the calling thread's unflushed counts into the accounting it
/// entered, so that other threads' [`Accounting::live`] sees them now (a
/// thread that frees for others, such as ft-buffered's commit thread,
/// calls it after each round of frees).
pub fn flush_local() {
    let _ = LOCAL.try_with(Local::flush);
}

#[inline]
pub(crate) fn note_alloc() {
    note(|l| &l.allocated, &GLOBAL.allocated)
}

#[inline]
pub(crate) fn note_free() {
    note(|l| &l.freed, &GLOBAL.freed)
}

impl Accounting {
    /// A fresh accounting with zero counts.
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    /// The accounting of threads that entered no scope.
    pub fn global() -> &'static Accounting {
        &GLOBAL
    }

    /// Counts this thread's allocations and frees for `self` until the
    /// returned scope is dropped. Scopes nest; the inner one wins.
    pub fn enter(self: &Arc<Self>) -> Scope {
        let previous = LOCAL.with(|l| {
            l.flush();
            l.target.replace(Arc::as_ptr(self))
        });
        Scope {
            accounting: Arc::clone(self),
            previous,
            _not_send: PhantomData,
        }
    }

    fn local_unflushed(&self) -> (u64, u64) {
        LOCAL
            .try_with(|l| {
                if core::ptr::eq(l.target.get(), self) {
                    (l.allocated.get(), l.freed.get())
                } else {
                    (0, 0)
                }
            })
            .unwrap_or((0, 0))
    }

    /// Objects allocated so far (see the module docs for exactness).
    pub fn allocated(&self) -> u64 {
        self.allocated.load(Ordering::Relaxed) + self.local_unflushed().0
    }

    /// Objects freed so far.
    pub fn freed(&self) -> u64 {
        self.freed.load(Ordering::Relaxed) + self.local_unflushed().1
    }

    /// Objects alive now: allocated minus freed. Negative means something
    /// was freed twice or freed under the wrong scope.
    pub fn live(&self) -> i64 {
        let (a, f) = self.local_unflushed();
        let allocated = self.allocated.load(Ordering::Relaxed) + a;
        let freed = self.freed.load(Ordering::Relaxed) + f;
        allocated as i64 - freed as i64
    }
}

/// The current thread's membership in an [`Accounting`]; leaving restores
/// the previous one.
#[must_use = "the scope ends when this guard is dropped"]
pub struct Scope {
    accounting: Arc<Accounting>,
    previous: *const Accounting,
    // A scope belongs to the thread that entered it.
    _not_send: PhantomData<*const ()>,
}

impl Scope {
    /// The accounting this scope counts into.
    pub fn accounting(&self) -> &Arc<Accounting> {
        &self.accounting
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        let _ = LOCAL.try_with(|l| {
            l.flush();
            l.target.set(self.previous);
        });
    }
}

impl std::fmt::Debug for Scope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scope")
            .field("accounting", &self.accounting)
            .finish()
    }
}
