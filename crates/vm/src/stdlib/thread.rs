//! `_thread` (`Modules/_threadmodule.c`): `start_new_thread`, the lock
//! types, thread identities and the sentinel locks `threading` joins on.
//! Threads themselves start in [`crate::threads`]; `threading` is Python
//! on top of this module (`lib/threading.py`), exactly as in CPython.
//!
//! `lock.acquire()` first tries without detaching, and only then detaches
//! around the blocking wait, as CPython's `acquire_timed` does. The locks
//! are [`ThreadLock`]s shared through an `Arc`, so a detached waiter holds
//! no object.

#![allow(unsafe_code)] // the `unsafe impl Payload`s of the lock types

use core::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ftl_core::{ThreadLock, Wait};
use ftl_object::{HeapPolicy, Kind, ObjRef, Payload};

use crate::interpreter::state::{BuiltinFn, ExcType, Kw, PyErr, PyResult, Vm};
use crate::objects::*;
use crate::stdlib::Namespace;

use crate::interpreter::state::ObjResult as R;

/// `_thread.TIMEOUT_MAX`, as CPython computes it on Linux.
pub const TIMEOUT_MAX: f64 = 9223372036.0;

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

/// Fills `_thread`.
pub fn init<P: HeapPolicy>(vm: &Vm<P>, m: &Namespace<'_, P>) -> PyResult<(), P> {
    let t = vm.types();
    m.set("LockType", t.others["lock"].clone());
    m.set("RLock", t.others["RLock"].clone());
    m.set("TIMEOUT_MAX", ObjRef::from_f64(TIMEOUT_MAX));
    m.set("error", vm.exc_class(ExcType::RuntimeError).clone());
    m.add_functions(&[
        ("start_new_thread", start_new_thread::<P>),
        ("allocate_lock", allocate_lock::<P>),
        ("get_ident", get_ident::<P>),
        ("get_native_id", get_native_id::<P>),
        ("_count", count::<P>),
        ("_set_sentinel", set_sentinel::<P>),
        ("_excepthook", excepthook::<P>),
        ("_report_exception", report_exception::<P>),
        ("daemon_threads_allowed", daemon_threads_allowed::<P>),
    ]);
    Ok(())
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
    // Their module is `_thread` (`<class '_thread.lock'>`, and "cannot
    // pickle '_thread.lock' object"), as in CPython.
    for cls in [lock, rlock] {
        let dict = &vm.class(cls).dict;
        vm.dict_set_str(dict, vm.interp.names.module.clone(), vm.intern("_thread"));
    }
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
    Ok(ObjRef::from_i64(
        crate::stdlib::syscalls::native_thread_id() as i64,
    ))
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

/// `_thread._report_exception(header, exc)`: `header`, a newline and
/// `exc`'s traceback on stderr, as CPython's `logging` last-resort handler
/// prints `LOGGER.exception(header)` (`concurrent.futures` reports a
/// failing callback or initializer so; ftl has no `logging` yet).
fn report_exception<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("_report_exception", args, 2, 2)?;
    let header = vm.str_(&args[0])?;
    let err = PyErr(args[1].clone());
    vm.write_stderr(&format!("{header}\n{}", vm.format_exception(&err)));
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

/// Takes `lock`, waiting as `wait` says. It detaches only if it must wait,
/// as a wait for another thread ([`Wait::Thread`]: whoever holds the lock),
/// and only until the lock is free: it takes the lock attached, once it
/// runs again (the two-phase acquire of [`ThreadLock`]'s module docs, as
/// CPython 3.13's `lock.c`), so that a running holder is never made to
/// block on a lock that a waiter took while waiting for the GIL.
fn acquire_detached<P: HeapPolicy>(
    vm: &Vm<P>,
    lock: &Arc<ThreadLock>,
    wait: Option<Duration>,
) -> bool {
    if lock.try_acquire() {
        return true;
    }
    let deadline = match wait {
        Some(d) if d.is_zero() => return false,
        Some(d) => Instant::now().checked_add(d),
        None => None,
    };
    lock.acquire_in_two_phases(|lock| vm.blocking_on(Wait::Thread, || lock.wait_free(deadline)))
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
