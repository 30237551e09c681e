//! How the VM meets its thread coordination (the GIL, or none).
//!
//! The eval loop is generic over the heap policy only. Coordination is
//! reached through the object-safe [`Coordination`] trait, with CPython's
//! *eval breaker* as the fast path: the loop reads one shared flag
//! ([`Coordination::breaker`]) with a relaxed load at every safe point and
//! calls into the coordination only when it is set (a drop request, a
//! stop-the-world). Blocking calls run inside [`Coordination::detached`].
//!
//! [`SingleThread`] is the coordination of a VM that runs one thread: the
//! flag is never set, detaching does nothing, and it starts no threads.
//! [`GilCoordination`] puts one of `ftl-gil`'s GILs behind the same trait
//! (the `gil-old`, `gil-new` and `gil-fair` runtimes); a new interpreter
//! thread gets its own handle on the same GIL through
//! [`Coordination::new_thread`]. [`FreeCoordination`] has no GIL: it puts
//! `ftl-heap`'s [`FreeThreads`] (CPython 3.13t's thread states) behind the
//! trait for the free-threaded runtimes, with an eval breaker per thread.
//!
//! Which coordination goes with which heap is decided once, by the
//! constructors of [`ThreadModel`](crate::threads::ThreadModel).

use core::cell::RefCell;
use std::time::Duration;

use ftl_core::probe::Probes;
use ftl_core::sync::Arc;
use ftl_core::sync::AtomicBool;
use ftl_core::{OwnedAttached, RawCoordination, Wait};
use ftl_heap::FreeThreads;

/// Makes, on a new OS thread, that thread's coordination handle (attached:
/// it blocks until the thread may run).
pub type ThreadStarter = Box<dyn FnOnce() -> Box<dyn Coordination> + Send>;

/// A thread's handle on its interpreter's coordination.
pub trait Coordination {
    /// The runtime's coordination name.
    fn name(&self) -> &'static str;
    /// Whether at most one thread runs bytecode at a time (a GIL, or a
    /// runtime of one thread): then an attached thread has the heap to
    /// itself, which the cycle collector's structural steps need.
    fn exclusive(&self) -> bool;
    /// The eval-breaker flag: set when the thread must call [`poll`]
    /// at its next safe point.
    ///
    /// [`poll`]: Coordination::poll
    fn breaker(&self) -> Arc<AtomicBool>;
    /// The slow path of a safe point (may hand the GIL over).
    fn poll(&self);
    /// Runs `f` with the thread detached (other threads may run bytecode),
    /// `f` waiting for `wait` (see [`Wait`]).
    fn detached(&self, wait: Wait, f: &mut dyn FnMut());
    /// How a new interpreter thread attaches to this coordination, or
    /// `None` when it runs only one thread. Only exclusive coordinations (a
    /// GIL) start threads: the heap of the GIL runtimes is not thread-safe
    /// without one.
    fn new_thread(&self) -> Option<ThreadStarter>;
    /// Sets the switch interval (`sys.setswitchinterval`) of a GIL that
    /// has one; others ignore it, as CPython 3 ignored the check interval.
    fn set_switch_interval(&self, _interval: Duration) {}
    /// Sets the check interval in ticks (`sys.setcheckinterval`) of a GIL
    /// that has one.
    fn set_check_interval(&self, _ticks: u32) {}
    /// Runs `f` with every other thread of the interpreter stopped at a
    /// safe point or detached. Under a GIL, holding it is enough: no other
    /// thread runs bytecode, so this only runs `f`.
    fn with_world_stopped(&self, f: &mut dyn FnMut()) {
        f()
    }
    /// Stops every other thread for good, at interpreter exit (see
    /// [`OwnedAttached::stop_the_world_for_good`]). A GIL runtime needs
    /// nothing here: its threads park when they next take the GIL
    /// ([`InterpThreads::finalizing`](crate::threads::InterpThreads::finalizing)).
    fn stop_the_world_at_exit(&self) {}
}

/// One thread, no coordination needed.
pub struct SingleThread {
    breaker: Arc<AtomicBool>,
}

impl SingleThread {
    /// A new single-thread coordination.
    pub fn new() -> Self {
        SingleThread {
            breaker: Arc::new(AtomicBool::new(false)),
        }
    }
}

impl Default for SingleThread {
    fn default() -> Self {
        Self::new()
    }
}

impl Coordination for SingleThread {
    fn exclusive(&self) -> bool {
        true
    }

    fn name(&self) -> &'static str {
        "single"
    }
    fn breaker(&self) -> Arc<AtomicBool> {
        self.breaker.clone()
    }
    fn poll(&self) {}
    fn detached(&self, _wait: Wait, f: &mut dyn FnMut()) {
        f()
    }
    fn new_thread(&self) -> Option<ThreadStarter> {
        None
    }
}

/// No GIL: [`FreeThreads`] as the VM's coordination (the free-threaded
/// runtimes). The thread registers and attaches when this is created and
/// detaches and deregisters when it is dropped. Each thread has its own
/// eval breaker, which only a stop of the world sets: between stops the
/// loop's safe point is one relaxed load of a flag no other thread writes.
///
/// Only [`ThreadModel::free_threaded`](crate::threads::ThreadModel::free_threaded)
/// makes a thread model of it, and only for a
/// [`SharedHeap`](ftl_object::SharedHeap): several threads run at once,
/// so their objects must be thread-safe.
pub struct FreeCoordination {
    attached: RefCell<OwnedAttached<FreeThreads>>,
    breaker: Arc<AtomicBool>,
}

impl FreeCoordination {
    /// Registers and attaches the calling thread (it waits while another
    /// thread has the world stopped).
    pub fn attach(threads: Arc<FreeThreads>) -> Self {
        let attached = OwnedAttached::attach(threads);
        let breaker = attached.state().breaker_handle().clone();
        FreeCoordination {
            attached: RefCell::new(attached),
            breaker,
        }
    }
}

impl Coordination for FreeCoordination {
    fn exclusive(&self) -> bool {
        false
    }

    fn name(&self) -> &'static str {
        <FreeThreads as RawCoordination>::NAME
    }
    fn breaker(&self) -> Arc<AtomicBool> {
        self.breaker.clone()
    }
    fn poll(&self) {
        self.attached.borrow().poll();
    }
    fn detached(&self, wait: Wait, f: &mut dyn FnMut()) {
        self.attached.borrow_mut().detach_while_for(wait, f);
    }
    fn new_thread(&self) -> Option<ThreadStarter> {
        let threads = self.attached.borrow().coordination().clone();
        Some(Box::new(move || {
            Box::new(FreeCoordination::attach(threads)) as Box<dyn Coordination>
        }))
    }
    fn with_world_stopped(&self, f: &mut dyn FnMut()) {
        self.attached.borrow_mut().with_world_stopped(f);
    }
    fn stop_the_world_at_exit(&self) {
        self.attached.borrow_mut().stop_the_world_for_good();
    }
}

/// The knobs of a GIL that Python code can turn (`sys.setswitchinterval`,
/// `sys.setcheckinterval`); each GIL honours the one it has.
pub trait GilSettings {
    /// Sets the switch interval.
    fn set_switch_interval(&self, _interval: Duration) {}
    /// Sets the check interval in ticks.
    fn set_check_interval(&self, _ticks: u32) {}
}

impl GilSettings for ftl_gil::OldGil {
    fn set_check_interval(&self, ticks: u32) {
        ftl_gil::OldGil::set_check_interval(self, ticks)
    }
}

impl GilSettings for ftl_gil::NewGil {
    fn set_switch_interval(&self, interval: Duration) {
        ftl_gil::NewGil::set_switch_interval(self, interval)
    }
}

impl GilSettings for ftl_gil::FairGil {
    fn set_switch_interval(&self, interval: Duration) {
        ftl_gil::FairGil::set_switch_interval(self, interval)
    }
}

/// A GIL of `ftl-gil` (or any [`RawCoordination`]) as the VM's
/// coordination: the thread attaches when this is created (on its own OS
/// thread) and detaches when it is dropped; [`Coordination::detached`]
/// releases the GIL around a blocking call.
///
/// The eval breaker is the GIL's own flag where it has one (NewGil's and
/// FairGil's drop request: the loop polls only when it is set, as CPython
/// folds `gil_drop_request` into `eval_breaker`), or a flag that is always
/// set (OldGil, which counts its ticks in `poll` at every safe point, as
/// CPython 2's eval loop decremented its ticker on every instruction).
pub struct GilCoordination<G: RawCoordination> {
    attached: RefCell<OwnedAttached<G>>,
    breaker: Arc<AtomicBool>,
}

impl<G: RawCoordination + GilSettings + 'static> GilCoordination<G> {
    /// Registers and attaches the calling thread; `breaker` is the flag
    /// the eval loop reads (see the type's docs).
    pub fn attach(gil: Arc<G>, breaker: Arc<AtomicBool>) -> Self {
        const { assert!(G::EXCLUSIVE, "threads share a GIL heap only under a GIL") };
        GilCoordination {
            attached: RefCell::new(OwnedAttached::attach(gil)),
            breaker,
        }
    }
}

impl<G: RawCoordination + GilSettings + 'static> Coordination for GilCoordination<G> {
    fn exclusive(&self) -> bool {
        G::EXCLUSIVE
    }

    fn name(&self) -> &'static str {
        G::NAME
    }
    fn breaker(&self) -> Arc<AtomicBool> {
        self.breaker.clone()
    }
    fn poll(&self) {
        self.attached.borrow().poll();
    }
    fn detached(&self, wait: Wait, f: &mut dyn FnMut()) {
        // A poll from inside `f` would find the cell borrowed and panic
        // rather than poll a detached thread.
        self.attached.borrow_mut().detach_while_for(wait, f);
    }
    fn new_thread(&self) -> Option<ThreadStarter> {
        let gil = self.attached.borrow().coordination().clone();
        let breaker = self.breaker.clone();
        Some(Box::new(move || {
            Box::new(GilCoordination::attach(gil, breaker)) as Box<dyn Coordination>
        }))
    }
    fn set_switch_interval(&self, interval: Duration) {
        GilSettings::set_switch_interval(&**self.attached.borrow().coordination(), interval)
    }
    fn set_check_interval(&self, ticks: u32) {
        GilSettings::set_check_interval(&**self.attached.borrow().coordination(), ticks)
    }
}

/// Attaches the calling thread to one GIL and gives its thread model
/// there: what [`gil_attacher`] returns. Each call attaches anew (a thread
/// that enters a subinterpreter takes that interpreter's GIL this way).
pub type GilAttacher<P> = Arc<dyn Fn() -> crate::threads::ThreadModel<P> + Send + Sync>;

/// A new GIL of the named GIL runtime (`gil-old`, `gil-new`, `gil-fair`),
/// emitting its events to `probes` (a timeline recorder, or
/// [`Probes::off`]), held by nobody yet; the returned function attaches
/// the calling thread to it. `None` for other names.
pub fn gil_attacher<P: ftl_object::HeapPolicy>(
    name: &str,
    probes: Probes,
) -> Option<GilAttacher<P>> {
    use crate::threads::ThreadModel;
    use ftl_gil::{FairGil, NewGil, OldGil};
    Some(match name {
        "gil-old" => {
            let gil = Arc::new(OldGil::new().with_probes(probes));
            let breaker = Arc::new(AtomicBool::new(true));
            Arc::new(move || ThreadModel::gil(gil.clone(), breaker.clone()))
        }
        "gil-new" => {
            let gil = Arc::new(NewGil::new().with_probes(probes));
            let breaker = gil.eval_breaker();
            Arc::new(move || ThreadModel::gil(gil.clone(), breaker.clone()))
        }
        "gil-fair" => {
            let gil = Arc::new(FairGil::new().with_probes(probes));
            let breaker = gil.eval_breaker();
            Arc::new(move || ThreadModel::gil(gil.clone(), breaker.clone()))
        }
        _ => return None,
    })
}

/// The thread model of a named GIL runtime (`gil-old`, `gil-new`,
/// `gil-fair`) for the calling thread, on a new GIL emitting its events to
/// `probes` (a timeline recorder, or [`Probes::off`]); `None` for other
/// names.
pub fn gil_runtime<P: ftl_object::HeapPolicy>(
    name: &str,
    probes: Probes,
) -> Option<crate::threads::ThreadModel<P>> {
    gil_attacher::<P>(name, probes).map(|attach| attach())
}
