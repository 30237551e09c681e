//! `_thread`: interpreter threads on OS threads, and the lock types.
//!
//! This is CPython's `Modules/_threadmodule.c` in ftl's terms; the
//! `threading` module is Python on top of it (`lib/threading.py`, after
//! CPython's `Lib/threading.py`), exactly as in CPython.
//!
//! ## Starting a thread
//!
//! [`Vm::start_thread`] asks the thread's coordination for a
//! [`ThreadStarter`](crate::coordination::ThreadStarter) — only a GIL
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
//! ## Blocking calls
//!
//! `lock.acquire()` first tries without detaching, and only then detaches
//! around the blocking wait, as CPython's `acquire_timed` does. The locks
//! are [`ThreadLock`]s shared through an `Arc`, so a detached waiter holds
//! no object.
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

use core::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use ftl_core::ThreadLock;
use ftl_object::{Accounting, HeapPolicy, Kind, ObjRef, Payload};

use crate::objects::*;
use crate::vm::{BuiltinFn, ExcType, Kw, PyErr, PyResult, Vm};

type R<P> = PyResult<Obj<P>, P>;

/// The native stack of an interpreter thread (reserved address space; the
/// VM raises `RecursionError` well before it runs out).
pub const THREAD_STACK: usize = 64 << 20;

/// `_thread.TIMEOUT_MAX`, as CPython computes it on Linux.
pub const TIMEOUT_MAX: f64 = 9223372036.0;

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

/// `_thread.lock`: a [`ThreadLock`], shared so that a detached waiter
/// holds no object.
pub struct Lock {
    /// The lock.
    pub lock: Arc<ThreadLock>,
}

// SAFETY: immutable apart from the ThreadLock, which is thread-safe.
unsafe impl<P: HeapPolicy> Payload<P> for Lock {
    const NAME: &'static str = "lock";
}

/// `_thread.RLock`: a lock with an owner and a recursion count (CPython's
/// `rlockobject`). Owner and count are written only by the owner, while
/// it holds the lock; atomics keep the payload thread-safe for any heap.
pub struct RLock {
    /// The underlying lock.
    pub lock: Arc<ThreadLock>,
    /// The owner's ident (0: none).
    pub owner: AtomicU64,
    /// How many times the owner acquired it.
    pub count: AtomicU64,
}

// SAFETY: the lock is thread-safe and the rest is atomics.
unsafe impl<P: HeapPolicy> Payload<P> for RLock {
    const NAME: &'static str = "RLock";
}

/// The names the `_thread` module defines as functions.
pub fn module_functions<P: HeapPolicy>() -> &'static [(&'static str, BuiltinFn<P>)] {
    &[
        ("start_new_thread", start_new_thread::<P>),
        ("allocate_lock", allocate_lock::<P>),
        ("get_ident", get_ident::<P>),
        ("get_native_id", get_native_id::<P>),
        ("_count", count::<P>),
        ("_set_sentinel", set_sentinel::<P>),
        ("_excepthook", excepthook::<P>),
        ("daemon_threads_allowed", daemon_threads_allowed::<P>),
    ]
}

/// Fills the `_thread` module's namespace beyond its functions.
pub fn module_extras<P: HeapPolicy>(vm: &Vm<P>, set: &dyn Fn(&str, Obj<P>)) {
    let t = vm.types();
    set("LockType", t.others["lock"].clone());
    set("RLock", t.others["RLock"].clone());
    set("TIMEOUT_MAX", ObjRef::from_f64(TIMEOUT_MAX));
    set("error", vm.exc_class(ExcType::RuntimeError).clone());
}

/// Installs the methods of `_thread.lock` and `_thread.RLock`.
pub fn install<P: HeapPolicy>(vm: &Vm<P>) {
    let t = vm.types();
    let lock = &t.others["lock"];
    for (name, f) in [
        ("acquire", lock_acquire::<P> as BuiltinFn<P>),
        ("acquire_lock", lock_acquire::<P>),
        ("__enter__", lock_acquire::<P>),
        ("release", lock_release::<P>),
        ("release_lock", lock_release::<P>),
        ("__exit__", lock_exit::<P>),
        ("locked", lock_locked::<P>),
        ("locked_lock", lock_locked::<P>),
        ("__repr__", lock_repr::<P>),
    ] {
        vm.add_method(lock, "lock", name, f);
    }
    let rlock = &t.others["RLock"];
    for (name, f) in [
        ("acquire", rlock_acquire::<P> as BuiltinFn<P>),
        ("__enter__", rlock_acquire::<P>),
        ("release", rlock_release::<P>),
        ("__exit__", rlock_exit::<P>),
        ("_is_owned", rlock_is_owned::<P>),
        ("_release_save", rlock_release_save::<P>),
        ("_acquire_restore", rlock_acquire_restore::<P>),
        ("__repr__", rlock_repr::<P>),
    ] {
        vm.add_method(rlock, "RLock", name, f);
    }
}

/// `_thread.RLock()`: the class's constructor.
pub fn rlock_new<P: HeapPolicy>(vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let _ = vm;
    Ok(ObjRef::new(RLock {
        lock: Arc::new(ThreadLock::new()),
        owner: AtomicU64::new(0),
        count: AtomicU64::new(0),
    }))
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
    interp: Arc<crate::vm::Interp<P>>,
    coord: Box<dyn crate::coordination::Coordination>,
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
    let finalizers = crate::finalize::register(&vm);
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

// ---- module functions -------------------------------------------------------

fn start_new_thread<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("start_new_thread", args, 2, 3)?;
    let ident = vm.start_thread(args[0].clone(), args[1].clone(), args.get(2).cloned())?;
    Ok(ObjRef::from_i64(ident as i64))
}

fn allocate_lock<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("allocate_lock", args, 0, 0)?;
    Ok(new_lock())
}

fn new_lock<P: HeapPolicy>() -> Obj<P> {
    ObjRef::new(Lock {
        lock: Arc::new(ThreadLock::new()),
    })
}

fn get_ident<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("get_ident", args, 0, 0)?;
    Ok(ObjRef::from_i64(vm.ident as i64))
}

fn get_native_id<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("get_native_id", args, 0, 0)?;
    Ok(ObjRef::from_i64(crate::sysinfo::native_thread_id() as i64))
}

fn count<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("_count", args, 0, 0)?;
    Ok(ObjRef::from_i64(
        vm.interp.threads.running.load(Ordering::Acquire) as i64,
    ))
}

fn daemon_threads_allowed<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("daemon_threads_allowed", args, 0, 0)?;
    Ok(ObjRef::from_bool(true))
}

/// `_thread._set_sentinel()`: a new lock, held, that is released when the
/// calling thread ends (CPython's thread-state lock).
fn set_sentinel<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("_set_sentinel", args, 0, 0)?;
    let lock = Arc::new(ThreadLock::new());
    let taken = lock.try_acquire();
    debug_assert!(taken);
    vm.sentinels.borrow_mut().push(lock.clone());
    Ok(ObjRef::new(Lock { lock }))
}

/// `_thread._excepthook(name, exc)`: what `threading.excepthook` prints
/// for an exception that ended a thread: `Exception in thread NAME:` and
/// the traceback, on stderr (nothing for `SystemExit`).
fn excepthook<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("_excepthook", args, 2, 2)?;
    let err = PyErr(args[1].clone());
    if vm.err_matches(&err, ExcType::SystemExit) {
        return Ok(ObjRef::none());
    }
    let name = vm.str_(&args[0])?;
    vm.write_stderr(&format!(
        "Exception in thread {name}:\n{}",
        vm.format_exception(&err)
    ));
    Ok(ObjRef::none())
}

// ---- lock methods -----------------------------------------------------------

/// How long an `acquire(blocking, timeout)` may wait: `None` forever,
/// `Some(ZERO)` not at all.
fn acquire_wait<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
) -> PyResult<Option<Duration>, P> {
    let mut blocking = true;
    let mut timeout = -1.0;
    if args.len() > 3 {
        return Err(vm.type_error(format!(
            "acquire() takes at most 2 arguments ({} given)",
            args.len() - 1
        )));
    }
    if let Some(b) = kw.get("blocking").or(args.get(1)) {
        blocking = vm.is_true(b)?;
    }
    if let Some(t) = kw.get("timeout").or(args.get(2)) {
        timeout = match t.kind() {
            Kind::Int | Kind::Bool | Kind::Float => vm.to_f64(t)?,
            _ => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(t)
                )))
            }
        };
    }
    for (name, _) in kw.iter() {
        if name != "blocking" && name != "timeout" {
            return Err(vm.type_error(format!(
                "'{name}' is an invalid keyword argument for acquire()"
            )));
        }
    }
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be positive"));
    }
    if !blocking {
        return Ok(Some(Duration::ZERO));
    }
    if timeout == -1.0 {
        return Ok(None);
    }
    if timeout > TIMEOUT_MAX {
        return Err(vm.overflow_error("timeout value is too large"));
    }
    Ok(Some(Duration::from_secs_f64(timeout)))
}

/// Takes `lock`, waiting as `wait` says; detaches only if it must wait.
fn acquire_detached<P: HeapPolicy>(
    vm: &Vm<P>,
    lock: &Arc<ThreadLock>,
    wait: Option<Duration>,
) -> bool {
    if lock.try_acquire() {
        return true;
    }
    match wait {
        Some(d) if d.is_zero() => false,
        Some(d) => {
            let lock = lock.clone();
            vm.blocking(move || lock.acquire_timeout(d))
        }
        None => {
            let lock = lock.clone();
            vm.blocking(move || {
                lock.acquire();
                true
            })
        }
    }
}

fn this_lock<'a, P: HeapPolicy>(vm: &Vm<P>, args: &'a [Obj<P>]) -> PyResult<&'a Lock, P> {
    args.first()
        .and_then(|o| o.downcast::<Lock>())
        .ok_or_else(|| vm.type_error("descriptor requires a '_thread.lock' object"))
}

fn this_rlock<'a, P: HeapPolicy>(vm: &Vm<P>, args: &'a [Obj<P>]) -> PyResult<&'a RLock, P> {
    args.first()
        .and_then(|o| o.downcast::<RLock>())
        .ok_or_else(|| vm.type_error("descriptor requires a '_thread.RLock' object"))
}

fn lock_acquire<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let lock = this_lock(vm, args)?.lock.clone();
    let wait = acquire_wait(vm, args, kw)?;
    Ok(ObjRef::from_bool(acquire_detached(vm, &lock, wait)))
}

fn lock_release<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let lock = this_lock(vm, args)?;
    if !lock.lock.release() {
        return Err(vm.new_error(ExcType::RuntimeError, "release unlocked lock"));
    }
    Ok(ObjRef::none())
}

fn lock_exit<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    lock_release(vm, &args[..1.min(args.len())], kw)?;
    Ok(ObjRef::from_bool(false))
}

fn lock_locked<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_bool(this_lock(vm, args)?.lock.is_locked()))
}

fn lock_repr<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let lock = this_lock(vm, args)?;
    let state = if lock.lock.is_locked() {
        "locked"
    } else {
        "unlocked"
    };
    Ok(vm.new_str(format!(
        "<{state} _thread.lock object at {:#x}>",
        args[0].addr()
    )))
}

fn rlock_acquire<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let r = this_rlock(vm, args)?;
    let wait = acquire_wait(vm, args, kw)?;
    let me = vm.ident;
    if r.owner.load(Ordering::Relaxed) == me && r.count.load(Ordering::Relaxed) > 0 {
        let n = r.count.load(Ordering::Relaxed);
        if n == u64::MAX {
            return Err(vm.overflow_error("Internal lock count overflowed"));
        }
        r.count.store(n + 1, Ordering::Relaxed);
        return Ok(ObjRef::from_bool(true));
    }
    let lock = r.lock.clone();
    if !acquire_detached(vm, &lock, wait) {
        return Ok(ObjRef::from_bool(false));
    }
    r.owner.store(me, Ordering::Relaxed);
    r.count.store(1, Ordering::Relaxed);
    Ok(ObjRef::from_bool(true))
}

fn rlock_release<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let r = this_rlock(vm, args)?;
    let n = r.count.load(Ordering::Relaxed);
    if n == 0 || r.owner.load(Ordering::Relaxed) != vm.ident {
        return Err(vm.new_error(ExcType::RuntimeError, "cannot release un-acquired lock"));
    }
    r.count.store(n - 1, Ordering::Relaxed);
    if n == 1 {
        r.owner.store(0, Ordering::Relaxed);
        r.lock.release();
    }
    Ok(ObjRef::none())
}

fn rlock_exit<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    rlock_release(vm, &args[..1.min(args.len())], kw)?;
    Ok(ObjRef::from_bool(false))
}

fn rlock_is_owned<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let r = this_rlock(vm, args)?;
    Ok(ObjRef::from_bool(
        r.count.load(Ordering::Relaxed) > 0 && r.owner.load(Ordering::Relaxed) == vm.ident,
    ))
}

/// `_release_save()`: releases the lock whatever its count and returns
/// `(count, owner)` for `_acquire_restore` (what `Condition.wait` does to
/// an RLock).
fn rlock_release_save<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let r = this_rlock(vm, args)?;
    let n = r.count.load(Ordering::Relaxed);
    if n == 0 {
        return Err(vm.new_error(ExcType::RuntimeError, "cannot release un-acquired lock"));
    }
    let owner = r.owner.load(Ordering::Relaxed);
    r.count.store(0, Ordering::Relaxed);
    r.owner.store(0, Ordering::Relaxed);
    r.lock.release();
    Ok(ObjRef::new_tuple(vec![
        ObjRef::from_i64(n as i64),
        ObjRef::from_i64(owner as i64),
    ]))
}

fn rlock_acquire_restore<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let r = this_rlock(vm, args)?;
    vm.check_args("_acquire_restore", &args[1..], 1, 1)?;
    let state = vm.collect(&args[1])?;
    if state.len() != 2 {
        return Err(vm.type_error("_acquire_restore() argument must be a (count, owner) pair"));
    }
    let (n, owner) = (vm.index_i64(&state[0])?, vm.index_i64(&state[1])?);
    let lock = r.lock.clone();
    acquire_detached(vm, &lock, None);
    r.owner.store(owner as u64, Ordering::Relaxed);
    r.count.store(n as u64, Ordering::Relaxed);
    Ok(ObjRef::none())
}

fn rlock_repr<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let r = this_rlock(vm, args)?;
    let state = if r.lock.is_locked() {
        "locked"
    } else {
        "unlocked"
    };
    Ok(vm.new_str(format!(
        "<{state} _thread.RLock object owner={} count={} at {:#x}>",
        r.owner.load(Ordering::Relaxed),
        r.count.load(Ordering::Relaxed),
        args[0].addr()
    )))
}

// ---- sys ----------------------------------------------------------------------

/// `sys.setswitchinterval(seconds)`
pub fn sys_setswitchinterval<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("setswitchinterval", args, 1, 1)?;
    let secs = match args[0].kind() {
        Kind::Int | Kind::Bool | Kind::Float => vm.to_f64(&args[0])?,
        _ => {
            return Err(vm.type_error(format!(
                "must be real number, not {}",
                vm.type_name(&args[0])
            )))
        }
    };
    if secs.is_nan() || secs <= 0.0 {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    // CPython keeps whole microseconds: (unsigned long)(1e6 * interval).
    let us = (1e6 * secs).min(u64::MAX as f64) as u64;
    vm.interp
        .threads
        .switch_interval_us
        .store(us, Ordering::Relaxed);
    vm.coord
        .set_switch_interval(Duration::from_micros(us.max(1)));
    Ok(ObjRef::none())
}

/// `sys.getswitchinterval()`
pub fn sys_getswitchinterval<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("getswitchinterval", args, 0, 0)?;
    let us = vm.interp.threads.switch_interval_us.load(Ordering::Relaxed);
    Ok(ObjRef::from_f64(1e-6 * us as f64))
}

/// `sys.setcheckinterval(n)`: the old GIL's ticks between switches
/// (CPython 2; CPython 3 kept the setting and ignored it, as the other
/// runtimes here do).
pub fn sys_setcheckinterval<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("setcheckinterval", args, 1, 1)?;
    // A C int, as in CPython 2.
    let wide = vm.index_i64(&args[0])?;
    let n = i32::try_from(wide).map_err(|_| {
        vm.overflow_error(if wide < 0 {
            "signed integer is less than minimum"
        } else {
            "signed integer is greater than maximum"
        })
    })?;
    vm.interp
        .threads
        .check_interval
        .store(i64::from(n), Ordering::Relaxed);
    // A count of zero or less re-checks at every tick.
    vm.coord.set_check_interval(n.max(1) as u32);
    Ok(ObjRef::none())
}

/// `sys.getcheckinterval()`
pub fn sys_getcheckinterval<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("getcheckinterval", args, 0, 0)?;
    Ok(ObjRef::from_i64(
        vm.interp.threads.check_interval.load(Ordering::Relaxed),
    ))
}
