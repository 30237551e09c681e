//! Starting an interpreter thread: [`Vm::start_thread`], what
//! `_thread.start_new_thread` calls (the module itself is
//! [`crate::stdlib::thread`]), and the thread state an interpreter's
//! threads share ([`InterpThreads`]).
//!
//! ## Starting a thread
//!
//! [`Vm::start_thread`] asks the thread's [`ThreadModel`] for its spawn
//! and its coordination for a
//! [`ThreadStarter`](crate::threads::coordination::ThreadStarter) — the
//! `single` runtime has neither and raises `RuntimeError` — and spawns an
//! OS thread that
//!
//! 1. attaches: under a GIL it takes the GIL (waiting until the starting
//!    thread drops it, at a drop request or a blocking call, as in
//!    CPython); without one it registers with the runtime's `FreeThreads`
//!    and waits only while the world is stopped;
//! 2. opens the function and arguments it was handed: under a GIL they
//!    come in a [`Handover`](ftl_gil::Handover) (GIL heap objects are
//!    `!Send`); a shared heap's objects are `Send` and come as they are;
//! 3. builds its own [`Vm`] on the shared interpreter, registers it for
//!    finalizers and enters the runtime's allocation accounting;
//! 4. calls the function. An exception other than `SystemExit` is printed
//!    as CPython's `thread_run` prints it (`Exception ignored in thread
//!    started by: ...`); `threading.Thread` catches its own first and
//!    prints `Exception in thread NAME:` instead;
//! 5. drops everything it holds while still attached, detaches, leaves
//!    the allocation accounting (flushing its counts) and releases its
//!    sentinel locks last (`_set_sentinel`, which `Thread.join` waits on:
//!    CPython's thread-state lock), so that a joiner sees every count.
//!
//! ## Shutdown
//!
//! When the main module has run, the interpreter calls
//! `threading._shutdown()` (which joins the non-daemon threads) if
//! `threading` was imported, then sets [`InterpThreads::finalizing`] and
//! stops the world for good ([`Coordination::stop_the_world_at_exit`]).
//! Without a GIL that parks every other thread at its next safe point (or
//! keeps it from re-attaching); under a GIL, a thread other than the main
//! one that comes back from waiting for the GIL parks for good instead of
//! running Python ([`Vm::after_reattach`], CPython's `tstate_must_exit`).
//! Either way daemon threads run no Python during module teardown, and
//! the process exits without waiting for them.
//!
//! ## Invariants
//!
//! * A thread touches interpreter objects only while attached; every
//!   object a thread owns is dropped before its coordination handle (the
//!   field order of [`Vm`]).
//! * Objects reach a new thread only through its [`ThreadModel`]'s spawn:
//!   in a `Handover` under an exclusive coordination, or as `Send` values
//!   of a shared heap.

#![allow(unsafe_code)] // the two ends of the `Handover` in `spawn_under_gil`

use core::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use core::cell::RefCell;

use ftl_object::{Accounting, HeapPolicy, Kind, SharedHeap};

use crate::interpreter::state::{ExcType, PyResult, Vm};
use crate::objects::*;
use crate::threads::coordination::{Coordination, ThreadStarter};
use crate::threads::ThreadModel;

/// The native stack of an interpreter thread (reserved address space; the
/// VM raises `RecursionError` well before it runs out).
pub const THREAD_STACK: usize = 64 << 20;

/// Thread state of one interpreter, shared by its threads.
pub struct InterpThreads {
    /// Set once the interpreter is finalizing: threads other than the main
    /// one park when they next come back from waiting for the GIL.
    pub finalizing: AtomicBool,
    /// `sys.getswitchinterval()` in microseconds (CPython keeps whole
    /// microseconds).
    pub switch_interval_us: AtomicU64,
    /// `sys.getcheckinterval()`: the value last set.
    pub check_interval: AtomicI64,
    /// Threads started by `_thread` that have not ended (`_thread._count`).
    pub running: AtomicUsize,
    /// The runtime's allocation accounting, which every thread enters.
    pub accounting: OnceLock<Arc<Accounting>>,
}

impl Default for InterpThreads {
    fn default() -> Self {
        InterpThreads {
            finalizing: AtomicBool::new(false),
            switch_interval_us: AtomicU64::new(ftl_gil::DEFAULT_SWITCH_INTERVAL.as_micros() as u64),
            check_interval: AtomicI64::new(i64::from(ftl_gil::DEFAULT_CHECK_INTERVAL)),
            running: AtomicUsize::new(0),
            accounting: OnceLock::new(),
        }
    }
}

/// A new thread identifier (`_thread.get_ident()`), unique in the process.
pub fn next_ident() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl<P: HeapPolicy> Vm<P> {
    /// Starts `func(*args, **kwargs)` on a new interpreter thread and
    /// returns its ident (see the module docs). `args` must be a tuple and
    /// `kwargs` a dict (`TypeError` with CPython's messages otherwise).
    pub fn start_thread(
        &self,
        func: Obj<P>,
        args: Obj<P>,
        kwargs: Option<Obj<P>>,
    ) -> PyResult<u64, P> {
        if !self.is_callable(&func) {
            return Err(self.type_error("first arg must be callable"));
        }
        if args.kind() != Kind::Tuple {
            return Err(self.type_error("2nd arg must be a tuple"));
        }
        if kwargs.as_ref().is_some_and(|k| k.kind() != Kind::Dict) {
            return Err(self.type_error("optional 3rd arg must be a dictionary"));
        }
        let (Some(spawn), Some(starter)) = (self.spawn, self.coord.new_thread()) else {
            return Err(self.new_error(
                ExcType::RuntimeError,
                format!(
                    "can't start new thread: the '{}' runtime runs one thread (threads need a runtime with the 'threads' feature: see `ftl runtimes`)",
                    self.coord.name()
                ),
            ));
        };
        let ident = next_ident();
        let parcel = Parcel {
            interp: self.interp.clone(),
            ident,
            func,
            args,
            kwargs,
            spawn,
        };
        self.interp.threads.running.fetch_add(1, Ordering::AcqRel);
        if let Err(e) = spawn(parcel, starter) {
            // The parcel was dropped by `spawn`, on this (attached) thread.
            self.interp.threads.running.fetch_sub(1, Ordering::AcqRel);
            return Err(self.new_error(
                ExcType::RuntimeError,
                format!("can't start new thread: {e}"),
            ));
        }
        Ok(ident)
    }
}

/// What a new interpreter thread is handed: the interpreter, its ident,
/// the function to call and the thread model's spawn (for the threads it
/// starts in turn).
pub struct Parcel<P: HeapPolicy> {
    interp: Arc<crate::interpreter::state::Interp<P>>,
    ident: u64,
    func: Obj<P>,
    args: Obj<P>,
    kwargs: Option<Obj<P>>,
    spawn: SpawnFn<P>,
}

/// How a thread model starts an OS thread that attaches with `starter`
/// and then runs the parcel; an error means no thread started (the parcel
/// was dropped on the calling thread).
pub type SpawnFn<P> = fn(Parcel<P>, ThreadStarter) -> std::io::Result<()>;

fn os_thread(ident: u64) -> std::thread::Builder {
    std::thread::Builder::new()
        .name(format!("ftl-thread-{ident}"))
        .stack_size(THREAD_STACK)
}

/// The spawn of the GIL runtimes: the parcel crosses in a
/// [`Handover`](ftl_gil::Handover), opened once the new thread holds the
/// GIL. Only [`ThreadModel::gil`](crate::threads::ThreadModel::gil), which
/// asserts that its coordination is exclusive, uses it.
pub(crate) fn spawn_under_gil<P: HeapPolicy>(
    parcel: Parcel<P>,
    starter: ThreadStarter,
) -> std::io::Result<()> {
    let ident = parcel.ident;
    // SAFETY: this thread is attached to the GIL that `starter` attaches
    // the new thread to (a GIL thread model's starters come from its own
    // exclusive coordination); the new thread opens the parcel after
    // attaching, and everything in it is touched only by attached threads.
    let parcel = unsafe { ftl_gil::Handover::new(parcel) };
    os_thread(ident)
        .spawn(move || {
            let coord = starter();
            // SAFETY: attached (just above) to the GIL the parcel was
            // wrapped under.
            let parcel = unsafe { parcel.into_inner() };
            thread_main(parcel, coord);
        })
        .map(drop)
}

/// The spawn of the free-threaded runtimes: a [`SharedHeap`]'s objects
/// are `Send + Sync`, so the parcel moves to the new thread as it is. It
/// is opened only once the thread has attached (a detached thread must not
/// touch objects while the world is stopped).
pub(crate) fn spawn_shared<P: SharedHeap>(
    parcel: Parcel<P>,
    starter: ThreadStarter,
) -> std::io::Result<()> {
    os_thread(parcel.ident)
        .spawn(move || {
            let coord = starter();
            thread_main(parcel, coord);
        })
        .map(drop)
}

/// How a free-threaded runtime starts its refcount strategy's own thread
/// for an interpreter.
pub type StartStrategyFn<P> =
    fn(&Arc<crate::interpreter::state::Interp<P>>) -> Option<ftl_core::StrategyThread>;

/// Starts `P`'s strategy thread ([`RefCount::start_thread`]), which enters
/// the interpreter's accounting, the collector's hooks and the finalizer
/// hand-off (an object it frees whose finalizer is due goes to an
/// interpreter thread).
///
/// [`RefCount::start_thread`]: ftl_core::RefCount::start_thread
pub(crate) fn start_strategy_thread<P: SharedHeap>(
    interp: &Arc<crate::interpreter::state::Interp<P>>,
) -> Option<ftl_core::StrategyThread> {
    let accounting = interp.threads.accounting.get().cloned();
    let gc = interp.gc.clone();
    let finalizers = interp.finalizers.clone();
    <P::Rc as ftl_core::RefCount>::start_thread(Box::new(move || {
        Box::new((
            accounting.as_ref().map(|a| a.enter()),
            ftl_object::gc_hooks::enter(gc.tracker()),
            ftl_object::handoff::enter(finalizers),
        )) as Box<dyn core::any::Any>
    }))
}

/// The body of an interpreter thread, attached from start to end.
fn thread_main<P: HeapPolicy>(parcel: Parcel<P>, coord: Box<dyn Coordination>) {
    let Parcel {
        interp,
        ident,
        func,
        args,
        kwargs,
        spawn,
    } = parcel;
    // Declared first, so dropped last: once the thread's VM is gone and its
    // allocation counts are flushed, its joiners are woken (so a joiner
    // that reads `sys.getallocatedblocks()` sees this thread's frees).
    let sentinels = Sentinels(RefCell::new(Vec::new()));
    let accounting = interp.threads.accounting.get().cloned();
    let _counted = accounting.as_ref().map(|a| a.enter());
    let mut vm = Vm::for_thread(interp, ThreadModel::for_new_thread(coord, spawn));
    vm.ident = ident;
    vm.set_stack_budget(THREAD_STACK - (8 << 20));
    let vm = vm;
    // A thread that finds the interpreter finalizing never runs Python.
    vm.after_reattach();
    // Whatever happens below, even a panic, the thread is counted out and
    // its sentinels reach `sentinels` (released when it drops, last).
    let _done = ThreadDone(&vm, &sentinels);
    let finalizers = crate::interpreter::finalize::register(&vm);
    // `start_thread` checked that `args` is a tuple and `kwargs` a dict.
    let result = vm.call_ex(&func, &args, kwargs.as_ref());
    if let Err(e) = result {
        if !vm.err_matches(&e, ExcType::SystemExit) {
            let what = vm.repr(&func).unwrap_or_else(|_| "?".into());
            vm.write_stderr(&format!(
                "Exception ignored in thread started by: {what}\n{}",
                vm.format_exception(&e)
            ));
        }
    }
    drop((func, args, kwargs));
    vm.exc_info.borrow_mut().clear();
    vm.type_cache.clear();
    vm.flush_stdout();
    // The thread gives up the objects it owns (PEP 703): what others
    // queued to it is merged now, while it can still run finalizers.
    <P::Rc as ftl_core::RefCount>::thread_exit();
    drop(finalizers);
}

/// Counts a thread out and moves its sentinel locks to the thread's
/// [`Sentinels`] when dropped.
struct ThreadDone<'a, P: HeapPolicy>(&'a Vm<P>, &'a Sentinels);

impl<P: HeapPolicy> Drop for ThreadDone<'_, P> {
    fn drop(&mut self) {
        self.1
             .0
            .borrow_mut()
            .extend(self.0.sentinels.borrow_mut().drain(..));
        self.0.interp.threads.running.fetch_sub(1, Ordering::AcqRel);
    }
}

/// A thread's sentinel locks (`_thread._set_sentinel`: `Thread.join` waits
/// on one), released when the thread has dropped everything else.
struct Sentinels(RefCell<Vec<Arc<ftl_core::ThreadLock>>>);

impl Drop for Sentinels {
    fn drop(&mut self) {
        for lock in self.0.get_mut().drain(..) {
            lock.release();
        }
    }
}
