//! PEP 556's threaded mode: the handshake between the threads whose
//! allocations make a collection due, the dedicated GC thread that runs
//! automatic collections, and explicit `gc.collect()` calls.
//!
//! PEP 556 ("Threaded garbage collection", Antoine Pitrou, 2017; deferred,
//! never merged) proposes a mode in which the collections that allocations
//! trigger run on a dedicated thread, so that finalizers run at a
//! predictable place instead of in whatever code happened to allocate. An
//! explicit `gc.collect()` still collects in the calling thread.
//!
//! # The protocol
//!
//! One mutex guards three facts: whether a collection was *requested*,
//! which thread *owns* the collector now (none, the GC thread, or a thread
//! in an explicit `gc.collect()`), and whether the GC thread must *exit*.
//! A condition variable announces every change.
//!
//! 1. A thread at a safe point that finds a collection due calls
//!    [`Handshake::request`]. It never blocks: it sets `requested` and
//!    notifies.
//! 2. The GC thread waits in [`Handshake::next_request`] until a request is
//!    pending and nobody owns the collector. It then takes ownership and
//!    clears the request (several requests made meanwhile are served by
//!    one collection, as a due flag raised twice is). It collects, then
//!    calls [`Handshake::finished`].
//! 3. An explicit collection calls [`Handshake::begin_explicit`]. That
//!    waits until nobody owns the collector and takes ownership (PEP 556:
//!    "wait for any in-progress collection"). It then collects and calls
//!    [`Handshake::end_explicit`]. A thread that already owns the
//!    collector (a finalizer run by its own collection calls
//!    `gc.collect()`) is refused at once, without waiting for itself:
//!    CPython's `gc.collect()` returns 0 during a collection.
//! 4. [`Handshake::shutdown`] sets `exit`. The GC thread still serves a
//!    request already made, and returns `None` only when no request is
//!    left.
//!
//! The waits block; an interpreter calls them detached (the GC thread and
//! an explicit collector each give up the GIL while they wait), so the
//! owner can always run to the end of its collection.
//!
//! # Invariants (each checked by a loom model below)
//!
//! * **Mutual exclusion**: at most one owner at a time.
//! * **No lost request**: a request made before `shutdown` is served by a
//!   collection of the GC thread that starts after the request.
//! * **No self-deadlock**: `begin_explicit` by the owner returns `false`
//!   at once.

use ftl_core::sync::{Condvar, Mutex};

struct State {
    requested: bool,
    /// The thread that owns the collector: its ident, or none.
    owner: Option<u64>,
    exit: bool,
}

/// The threaded mode's handshake (see the [module docs](self)).
pub struct Handshake {
    state: Mutex<State>,
    changed: Condvar,
}

impl Default for Handshake {
    fn default() -> Self {
        Self::new()
    }
}

impl core::fmt::Debug for Handshake {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let s = self.state.lock();
        f.debug_struct("Handshake")
            .field("requested", &s.requested)
            .field("owner", &s.owner)
            .field("exit", &s.exit)
            .finish()
    }
}

impl Handshake {
    /// No request, no owner, running.
    pub fn new() -> Self {
        Handshake {
            state: Mutex::new(State {
                requested: false,
                owner: None,
                exit: false,
            }),
            changed: Condvar::new(),
        }
    }

    /// Step 1: a collection is due. Never blocks. Returns `false` (and
    /// records nothing) after [`shutdown`](Self::shutdown).
    pub fn request(&self) -> bool {
        let mut s = self.state.lock();
        if s.exit {
            return false;
        }
        s.requested = true;
        drop(s);
        self.changed.notify_all();
        true
    }

    /// Step 2, on the GC thread `me`: waits for a request while nobody owns
    /// the collector, and takes ownership; `None` once shut down with no
    /// request left.
    pub fn next_request(&self, me: u64) -> Option<()> {
        let mut s = self.state.lock();
        loop {
            if s.requested && s.owner.is_none() {
                s.requested = false;
                s.owner = Some(me);
                return Some(());
            }
            if s.exit && !s.requested {
                return None;
            }
            self.changed.wait(&mut s);
        }
    }

    /// Step 2's end: the GC thread's collection is over.
    pub fn finished(&self) {
        self.release()
    }

    /// Step 3, on thread `me`: waits until nobody owns the collector and
    /// takes ownership; `false` at once when `me` owns it already.
    pub fn begin_explicit(&self, me: u64) -> bool {
        let mut s = self.state.lock();
        loop {
            match s.owner {
                None => {
                    s.owner = Some(me);
                    return true;
                }
                Some(o) if o == me => return false,
                Some(_) => self.changed.wait(&mut s),
            }
        }
    }

    /// Step 3's end.
    pub fn end_explicit(&self) {
        self.release()
    }

    fn release(&self) {
        self.state.lock().owner = None;
        self.changed.notify_all();
    }

    /// Step 4: the GC thread exits once no request is left.
    pub fn shutdown(&self) {
        self.state.lock().exit = true;
        self.changed.notify_all();
    }
}

#[cfg(all(test, loom))]
mod loom_tests {
    use super::*;
    use ftl_core::sync::{model, thread, Arc, AtomicBool, AtomicUsize};
    use std::sync::atomic::Ordering;

    /// The GC thread's loop: each collection checks that nobody else is
    /// inside one, and counts itself.
    fn gc_thread(h: &Handshake, inside: &AtomicBool, runs: &AtomicUsize) {
        while h.next_request(99).is_some() {
            assert!(!inside.swap(true, Ordering::SeqCst), "two owners");
            runs.fetch_add(1, Ordering::SeqCst);
            inside.store(false, Ordering::SeqCst);
            h.finished();
        }
    }

    /// A mutator's request races an explicit collection and the shutdown:
    /// the two collections never overlap, and the request is served.
    #[test]
    fn a_request_is_served_and_collections_never_overlap() {
        model(|| {
            let shared = Arc::new((
                Handshake::new(),
                AtomicBool::new(false),
                AtomicUsize::new(0),
            ));
            let s = shared.clone();
            let gc = thread::spawn(move || gc_thread(&s.0, &s.1, &s.2));
            let s = shared.clone();
            let mutator = thread::spawn(move || {
                assert!(s.0.request());
            });
            let (h, inside, _) = &*shared;
            assert!(h.begin_explicit(1));
            assert!(!inside.swap(true, Ordering::SeqCst), "two owners");
            inside.store(false, Ordering::SeqCst);
            h.end_explicit();
            mutator.join().unwrap();
            h.shutdown();
            gc.join().unwrap();
            assert_eq!(
                shared.2.load(Ordering::SeqCst),
                1,
                "the request was served once"
            );
        });
    }

    /// A finalizer run by an explicit collection calls `gc.collect()` on
    /// the same thread: refused, no deadlock; another thread's explicit
    /// collection waits its turn.
    #[test]
    fn an_owner_is_refused_and_others_wait() {
        model(|| {
            let shared = Arc::new((Handshake::new(), AtomicBool::new(false)));
            let s = shared.clone();
            let other = thread::spawn(move || {
                assert!(s.0.begin_explicit(2));
                assert!(!s.1.swap(true, Ordering::SeqCst), "two owners");
                s.1.store(false, Ordering::SeqCst);
                s.0.end_explicit();
            });
            let (h, inside) = &*shared;
            assert!(h.begin_explicit(1));
            assert!(!inside.swap(true, Ordering::SeqCst), "two owners");
            assert!(!h.begin_explicit(1), "re-entrant: refused");
            inside.store(false, Ordering::SeqCst);
            h.end_explicit();
            other.join().unwrap();
        });
    }
}
