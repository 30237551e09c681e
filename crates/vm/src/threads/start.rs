//! Starting an interpreter thread: [`Vm::start_thread`], what
//! `_thread.start_new_thread` calls (the module itself is
//! [`crate::stdlib::thread`]), and the thread state an interpreter's
//! threads share ([`InterpThreads`]).
//!
//! ## Starting a thread
//!
//! [`Vm::start_thread`] asks the thread's coordination for a
//! [`ThreadStarter`](crate::threads::coordination::ThreadStarter) — only a GIL
//! runtime has one; `single` and `ft-atomic` raise `RuntimeError` — and
//! spawns an OS thread that
//!
//! 1. attaches (takes the GIL: it waits until the starting thread drops it,
//!    at a drop request or a blocking call, as in CPython);
//! 2. opens the function and arguments it was handed (a
//!    [`Handover`](ftl_gil::Handover): they are GIL heap objects, `!Send`);
//! 3. builds its own [`Vm`] on the shared interpreter, registers it for
//!    finalizers and enters the runtime's allocation accounting;
//! 4. calls the function. An exception other than `SystemExit` is printed
//!    as CPython's `thread_run` prints it (`Exception ignored in thread
//!    started by: ...`); `threading.Thread` catches its own first and
//!    prints `Exception in thread NAME:` instead;
//! 5. releases its sentinel locks (`_set_sentinel`, which `Thread.join`
//!    waits on: CPython's thread-state lock), drops everything it holds
//!    while still attached, and detaches last.
//!
//! ## Shutdown
//!
//! When the main module has run, the interpreter calls
//! `threading._shutdown()` (which joins the non-daemon threads) if
//! `threading` was imported, then sets [`InterpThreads::finalizing`]. From
//! then on a thread other than the main one that comes back from waiting
//! for the GIL parks for good instead of running Python
//! ([`Vm::after_reattach`]), which is how daemon threads stop (CPython's
//! `tstate_must_exit`); the process exits without waiting for them.
//!
//! ## Invariants
//!
//! * A thread touches interpreter objects only while attached; every
//!   object a thread owns is dropped before its coordination handle (the
//!   field order of [`Vm`]).
//! * Only an exclusive coordination starts threads (a GIL heap's objects
//!   are not thread-safe).

#![allow(unsafe_code)] // the two ends of the `Handover` in `start_thread`

use core::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use ftl_object::{Accounting, HeapPolicy, Kind};

use crate::interpreter::state::{ExcType, PyResult, Vm};
use crate::objects::*;

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
        let Some(starter) = self.coord.new_thread() else {
            return Err(self.new_error(
                ExcType::RuntimeError,
                format!(
                    "can't start new thread: the '{}' runtime runs one thread (threads need a GIL runtime: gil-new, gil-old or gil-fair)",
                    self.coord.name()
                ),
            ));
        };
        let ident = next_ident();
        // SAFETY: this thread is attached to the GIL that `starter`
        // attaches the new thread to (only exclusive coordinations hand out
        // starters); the new thread opens the parcel after attaching, and
        // everything in it is touched only by attached threads.
        let parcel = unsafe { ftl_gil::Handover::new((self.interp.clone(), func, args, kwargs)) };
        self.interp.threads.running.fetch_add(1, Ordering::AcqRel);
        let spawned = std::thread::Builder::new()
            .name(format!("ftl-thread-{ident}"))
            .stack_size(THREAD_STACK)
            .spawn(move || {
                let coord = starter();
                // SAFETY: attached (just above) to the GIL the parcel was
                // wrapped under.
                let (interp, func, args, kwargs) = unsafe { parcel.into_inner() };
                thread_main(interp, coord, ident, func, args, kwargs);
            });
        if let Err(e) = spawned {
            // The closure, and the parcel in it, was dropped here, attached.
            self.interp.threads.running.fetch_sub(1, Ordering::AcqRel);
            return Err(self.new_error(
                ExcType::RuntimeError,
                format!("can't start new thread: {e}"),
            ));
        }
        Ok(ident)
    }
}

/// The body of an interpreter thread, attached from start to end.
fn thread_main<P: HeapPolicy>(
    interp: Arc<crate::interpreter::state::Interp<P>>,
    coord: Box<dyn crate::threads::coordination::Coordination>,
    ident: u64,
    func: Obj<P>,
    args: Obj<P>,
    kwargs: Option<Obj<P>>,
) {
    let accounting = interp.threads.accounting.get().cloned();
    let _counted = accounting.as_ref().map(|a| a.enter());
    let mut vm = Vm::for_thread(interp, coord);
    vm.ident = ident;
    vm.set_stack_budget(THREAD_STACK - (8 << 20));
    let vm = vm;
    // A thread that finds the interpreter finalizing never runs Python.
    vm.after_reattach();
    // Whatever happens below, even a panic, the thread's joiners are
    // woken when it ends (they run once this thread detaches, when the Vm
    // drops after this guard).
    let _done = ThreadDone(&vm);
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
    drop(finalizers);
}

/// Releases a thread's sentinel locks and counts it out when dropped.
struct ThreadDone<'a, P: HeapPolicy>(&'a Vm<P>);

impl<P: HeapPolicy> Drop for ThreadDone<'_, P> {
    fn drop(&mut self) {
        for lock in self.0.sentinels.borrow_mut().drain(..) {
            lock.release();
        }
        self.0.interp.threads.running.fetch_sub(1, Ordering::AcqRel);
    }
}
