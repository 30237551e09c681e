//! Thread coordination: who may run bytecode, and when threads meet.
//!
//! CPython calls the per-thread part of this a *thread state* and the
//! mechanism that makes a running thread look up from its work the *eval
//! breaker*. Whatever an interpreter uses to run threads — the old GIL, the
//! new GIL, a fair GIL, or no GIL at all with stop-the-world pauses for the
//! collector — presents the same four operations:
//!
//! * **attach** — take the right to run bytecode and touch objects (under a
//!   GIL: acquire it; without one: mark the thread as running so that a
//!   stop-the-world waits for it);
//! * **detach** — give that right up around a blocking call (CPython's
//!   `Py_BEGIN_ALLOW_THREADS`, PyO3's `detach`), then re-attach;
//! * **poll** — a safe point: the eval loop calls it on backward jumps and
//!   calls. Its fast path is one relaxed load; when something was requested
//!   it may hand the GIL over, merge biased-refcount queues, or park the
//!   thread for a stop-the-world;
//! * **stop-the-world** — pause every other attached thread at its next safe
//!   point (the free-threaded collector needs this; under a GIL, holding the
//!   GIL already is one).
//!
//! The raw protocol is [`RawCoordination`]; [`ThreadHandle`] and [`Attached`]
//! are safe guards on top of it, in the shape of `lock_api`.

#![allow(unsafe_code)] // the raw protocol trait's unsafe fns, called from its safe guards

/// What a detached thread waits for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Wait {
    /// The outside world: I/O, a sleep, a child process. Its return is news
    /// from outside the interpreter, which an I/O-bound thread should act
    /// on at once (bpo-7946's convoy).
    #[default]
    World,
    /// Another thread of the interpreter: a lock, an event, a join, an
    /// import another thread runs. Its return means that thread let go of
    /// something, usually just before wanting it again (a lock convoy when
    /// the returning thread is served first).
    Thread,
}

/// The raw coordination protocol.
///
/// # Safety
///
/// Implementations guarantee:
/// * while a thread is *attached* and the implementation has a GIL
///   ([`EXCLUSIVE`](RawCoordination::EXCLUSIVE)), no other thread is
///   attached; every detach *happens-before* the next attach of another
///   thread;
/// * between [`stop_the_world`](RawCoordination::stop_the_world) returning
///   and [`start_the_world`](RawCoordination::start_the_world), no other
///   thread is attached (running bytecode or touching objects);
/// * [`poll`](RawCoordination::poll) returns with the thread attached;
/// * a thread blocked in `attach` is woken once the right to run is free
///   for it (no lost wake-up).
pub unsafe trait RawCoordination: Send + Sync {
    /// What the coordination keeps per thread.
    type Thread;

    /// Name for reports (`gil-new`, `free`, ...).
    const NAME: &'static str;

    /// Whether attached threads exclude each other (a GIL).
    const EXCLUSIVE: bool;

    /// Registers the calling OS thread; it starts detached.
    fn register(&self) -> Self::Thread;

    /// Takes the right to run; blocks until it is granted.
    ///
    /// # Safety
    /// `thread` was registered on this coordination by the calling OS thread
    /// and is detached.
    unsafe fn attach(&self, thread: &Self::Thread);

    /// Gives the right to run up.
    ///
    /// # Safety
    /// `thread` is the calling thread's and is attached.
    unsafe fn detach(&self, thread: &Self::Thread);

    /// Gives the right to run up to wait for `wait`: a coordination may
    /// treat the thread differently when it attaches again (the fair GIL
    /// serves a thread back from the outside world at once, but lets one
    /// that another Python thread released compete). By default the same as
    /// [`detach`](RawCoordination::detach).
    ///
    /// # Safety
    /// As for [`detach`](RawCoordination::detach).
    unsafe fn detach_for(&self, thread: &Self::Thread, wait: Wait) {
        let _ = wait;
        // SAFETY: the caller's contract is detach's.
        unsafe { self.detach(thread) }
    }

    /// A safe point. May detach and re-attach internally.
    ///
    /// # Safety
    /// `thread` is the calling thread's and is attached.
    unsafe fn poll(&self, thread: &Self::Thread);

    /// Stops every other attached thread at its next safe point, and returns
    /// once they are stopped.
    ///
    /// # Safety
    /// `thread` is the calling thread's and is attached.
    unsafe fn stop_the_world(&self, thread: &Self::Thread);

    /// Lets the world run again.
    ///
    /// # Safety
    /// The calling thread stopped the world and has not restarted it.
    unsafe fn start_the_world(&self, thread: &Self::Thread);
}

/// A thread registered with a coordination; detached while not attached.
pub struct ThreadHandle<'c, C: RawCoordination> {
    coord: &'c C,
    thread: C::Thread,
    // Thread states belong to one OS thread.
    _not_send: core::marker::PhantomData<*const ()>,
}

impl<'c, C: RawCoordination> ThreadHandle<'c, C> {
    /// Registers the calling thread with `coord`.
    pub fn register(coord: &'c C) -> Self {
        ThreadHandle {
            coord,
            thread: coord.register(),
            _not_send: core::marker::PhantomData,
        }
    }

    /// Takes the right to run bytecode until the guard is dropped.
    pub fn attach(&mut self) -> Attached<'_, C> {
        // SAFETY: registered by this thread (the handle is !Send) and
        // detached (the `&mut` borrow means no `Attached` is alive).
        unsafe { self.coord.attach(&self.thread) };
        Attached {
            coord: self.coord,
            thread: &self.thread,
        }
    }

    /// The per-thread state.
    pub fn state(&self) -> &C::Thread {
        &self.thread
    }
}

/// Proof that the current thread is attached; detaches on drop.
#[must_use = "the thread detaches when this guard is dropped"]
pub struct Attached<'h, C: RawCoordination> {
    coord: &'h C,
    thread: &'h C::Thread,
}

impl<'h, C: RawCoordination> Attached<'h, C> {
    /// A safe point.
    #[inline]
    pub fn poll(&mut self) {
        debug_assert!(
            !crate::lock::in_critical_section(),
            "a safe point inside a critical section"
        );
        // SAFETY: this guard's existence means the thread is attached.
        unsafe { self.coord.poll(self.thread) }
    }

    /// Runs `f` detached (other threads may run bytecode meanwhile), then
    /// re-attaches. `f` must not touch interpreter objects.
    pub fn detach<R>(&mut self, f: impl FnOnce() -> R) -> R {
        self.detach_for(Wait::World, f)
    }

    /// [`detach`](Self::detach), saying what `f` waits for.
    pub fn detach_for<R>(&mut self, wait: Wait, f: impl FnOnce() -> R) -> R {
        struct Reattach<'a, C: RawCoordination>(&'a C, &'a C::Thread);
        impl<C: RawCoordination> Drop for Reattach<'_, C> {
            fn drop(&mut self) {
                // SAFETY: detached just below by the same thread.
                unsafe { self.0.attach(self.1) }
            }
        }
        // A thread that waits holds no section (`ftl_core::lock`: nothing
        // inside one can block), so no other thread waits on it meanwhile.
        debug_assert!(
            !crate::lock::in_critical_section(),
            "a thread detached inside a critical section"
        );
        // SAFETY: attached (guard alive); re-attached by `Reattach` even if
        // `f` unwinds.
        unsafe { self.coord.detach_for(self.thread, wait) };
        let _reattach = Reattach(self.coord, self.thread);
        f()
    }

    /// Stops every other thread until the returned guard is dropped.
    pub fn stop_the_world(&mut self) -> WorldStopped<'_, 'h, C> {
        debug_assert!(
            !crate::lock::in_critical_section(),
            "a stop of the world requested inside a critical section"
        );
        // SAFETY: attached (guard alive).
        unsafe { self.coord.stop_the_world(self.thread) };
        WorldStopped { attached: self }
    }

    /// The per-thread state.
    pub fn state(&self) -> &C::Thread {
        self.thread
    }
}

impl<C: RawCoordination> Drop for Attached<'_, C> {
    fn drop(&mut self) {
        // SAFETY: attached until now; detached once.
        unsafe { self.coord.detach(self.thread) }
    }
}

/// The world is stopped while this guard lives.
#[must_use = "the world restarts when this guard is dropped"]
pub struct WorldStopped<'a, 'h, C: RawCoordination> {
    attached: &'a mut Attached<'h, C>,
}

impl<C: RawCoordination> Drop for WorldStopped<'_, '_, C> {
    fn drop(&mut self) {
        // SAFETY: this guard stopped the world and restarts it once.
        unsafe { self.attached.coord.start_the_world(self.attached.thread) }
    }
}

/// An attached thread that owns its registration on a shared coordination:
/// what an interpreter's thread state keeps for the life of its OS thread
/// (the borrowing [`ThreadHandle`]/[`Attached`] pair cannot be stored in
/// one struct).
///
/// It registers and attaches on creation and detaches when dropped. It is
/// `!Send` (a registration belongs to its OS thread), and
/// [`detach_while`](OwnedAttached::detach_while) takes `&mut self`, so
/// nothing can poll through this guard while it is detached.
pub struct OwnedAttached<C: RawCoordination> {
    coord: crate::sync::Arc<C>,
    thread: C::Thread,
    _not_send: core::marker::PhantomData<*const ()>,
}

impl<C: RawCoordination> OwnedAttached<C> {
    /// Registers the calling thread with `coord` and attaches it (blocking
    /// until it may run).
    pub fn attach(coord: crate::sync::Arc<C>) -> Self {
        let thread = coord.register();
        // SAFETY: registered just now by this thread (the guard is !Send),
        // and a new registration is detached.
        unsafe { coord.attach(&thread) };
        OwnedAttached {
            coord,
            thread,
            _not_send: core::marker::PhantomData,
        }
    }

    /// A safe point.
    #[inline]
    pub fn poll(&self) {
        // SAFETY: attached: the guard is attached from creation to drop
        // except inside `detach_while`, which holds `&mut self`, so no
        // `&self` call can happen then.
        unsafe { self.coord.poll(&self.thread) }
    }

    /// Runs `f` detached (other threads may run bytecode meanwhile), then
    /// re-attaches, also if `f` unwinds. `f` must not touch interpreter
    /// objects.
    pub fn detach_while<R>(&mut self, f: impl FnOnce() -> R) -> R {
        self.detach_while_for(Wait::World, f)
    }

    /// [`detach_while`](Self::detach_while), saying what `f` waits for.
    pub fn detach_while_for<R>(&mut self, wait: Wait, f: impl FnOnce() -> R) -> R {
        struct Reattach<'a, C: RawCoordination>(&'a C, &'a C::Thread);
        impl<C: RawCoordination> Drop for Reattach<'_, C> {
            fn drop(&mut self) {
                // SAFETY: detached just below by the same thread.
                unsafe { self.0.attach(self.1) }
            }
        }
        // SAFETY: attached (see `poll`); re-attached by `Reattach`.
        unsafe { self.coord.detach_for(&self.thread, wait) };
        let _reattach = Reattach(&*self.coord, &self.thread);
        f()
    }

    /// Runs `f` with every other thread stopped at a safe point or
    /// detached (and kept there); the world starts again when `f` returns
    /// or unwinds.
    pub fn with_world_stopped<R>(&mut self, f: impl FnOnce() -> R) -> R {
        struct Restart<'a, C: RawCoordination>(&'a C, &'a C::Thread);
        impl<C: RawCoordination> Drop for Restart<'_, C> {
            fn drop(&mut self) {
                // SAFETY: this thread stopped the world just below and has
                // not restarted it.
                unsafe { self.0.start_the_world(self.1) }
            }
        }
        // SAFETY: the thread is attached (an `OwnedAttached` is, until it
        // is dropped) and is the calling thread's (it is not `Send`).
        unsafe { self.coord.stop_the_world(&self.thread) };
        let _restart = Restart(&*self.coord, &self.thread);
        f()
    }

    /// Stops every other thread and never starts them again: what an
    /// interpreter does at exit, so that daemon threads stay parked while
    /// it tears its modules down (CPython's daemon threads hang when they
    /// try to re-attach during finalization). This thread may still detach
    /// and re-attach; the others stay suspended or detached until the
    /// process exits.
    pub fn stop_the_world_for_good(&mut self) {
        // SAFETY: attached and the calling thread's, as above. Not
        // restarting is allowed: the other threads only stay parked.
        unsafe { self.coord.stop_the_world(&self.thread) };
    }

    /// The coordination, shared (a new thread attaches to a clone).
    pub fn coordination(&self) -> &crate::sync::Arc<C> {
        &self.coord
    }

    /// The per-thread state.
    pub fn state(&self) -> &C::Thread {
        &self.thread
    }
}

impl<C: RawCoordination> Drop for OwnedAttached<C> {
    fn drop(&mut self) {
        // SAFETY: attached until now (see `poll`); detached once.
        unsafe { self.coord.detach(&self.thread) }
    }
}
