//! `_multiprocessing` (CPython's `Modules/_multiprocessing/`, its POSIX
//! parts), and the process-level calls ftl's `multiprocessing` needs in
//! place of `_posixsubprocess`, `select` and `mmap`.
//!
//! # `SemLock`
//!
//! After `Modules/_multiprocessing/semaphore.c` as built on Linux: a POSIX
//! named semaphore (`sem_open(name, O_CREAT | O_EXCL, 0600, value)`; with
//! `unlink` true the name is removed at once and `name` is `None`), which a
//! child process reopens by name (`_rebuild`, `sem_open(name, 0)`). `kind`
//! 0 is a recursive mutex, 1 a semaphore (`multiprocessing.synchronize`'s
//! `RECURSIVE_MUTEX` and `SEMAPHORE`).
//!
//! * `acquire(block=True, timeout=None)`: a recursive mutex that the
//!   calling thread of this process already owns only counts up.
//!   Otherwise `sem_trywait` first, attached; if that would block and
//!   `block` is true, the thread detaches ([`Vm::blocking`]: the holder
//!   may be another process) around `sem_wait`, or `sem_timedwait` with a
//!   `CLOCK_REALTIME` deadline computed before the first try (a negative
//!   timeout is 0), EINTR retried; `False` when the time runs out.
//! * `release()`: a recursive mutex not owned by the caller is
//!   `AssertionError("attempt to release recursive lock not owned by
//!   thread")`; a semaphore whose value is already `maxvalue` is
//!   `ValueError("semaphore or lock released too many times")` (CPython's
//!   `sem_getvalue` check, which is not a guarantee against a race).
//! * `_count()` is this process's acquires minus releases, `_is_mine()`
//!   whether the calling thread owns it, `_after_fork()` zeroes the count.
//!
//! Invariants. The owner (`last_tid`, `last_pid`) is written only by a
//! thread that has just taken the semaphore, before it raises `count`
//! with `Release`; `is_mine` reads `count` with `Acquire` before the
//! owner, so a thread never sees another thread's count with its own
//! stale ident. A recursive mutex's count drops to 0 *before* the
//! semaphore is posted, so no thread can find itself the owner of a
//! mutex that another thread has just taken. The semaphore is an
//! `Arc<Semaphore>` ([`syscalls::Semaphore`], closed with the last
//! reference), cloned before a detached wait so that the waiter holds no
//! object. `_rebuild` with `name=None` reuses `handle` only if this
//! process has that semaphore open (the same object after a fork; ftl does
//! not fork, so it is a semaphore of this process), otherwise
//! `OSError(EINVAL)`: an integer is never turned into a pointer.
//!
//! # Processes and descriptors
//!
//! * `spawnv_passfds(path, args, passfds)`: starts `path` with argv
//!   `args`, keeping open in the child the descriptors of `passfds` (made
//!   inheritable there only, between fork and exec) and stdio; returns
//!   the pid, which the caller reaps with `os.waitpid`.
//! * `poll(fd, timeout=None)`, `wait_fds(fds, timeout=None)`: whether
//!   `fd` / which of `fds` a read would not block on (data, end of file,
//!   an error) within `timeout` seconds (`None`: no limit); detached
//!   while they wait.
//! * `socketpair()`: two connected `AF_UNIX` stream sockets, close-on-exec.
//!
//! # `SharedBuffer`
//!
//! The memory of `multiprocessing.Value` and `Array`: `SharedBuffer(size)`
//! is a zeroed `memfd` (sealed against shrinking) mapped `MAP_SHARED`, with
//! attributes `fd` and `size`; a child maps the same memory with
//! `SharedBuffer._attach(fd, size)` (on its own duplicate of `fd`).
//! `get(typecode, index)` / `set(typecode, index, value)` read and write
//! one native `b B h H i I l L q Q f d` element (index in elements), and
//! `read(offset, n)` / `write(offset, data)` bytes. Other processes write
//! the memory at the same time, so every access is a relaxed atomic load
//! or store of the element's width at an aligned offset
//! ([`syscalls::SharedMapping`]), never a plain read: no Rust data race.
//! Bytes are single-byte atomics, so a `read` that races with a `set` of
//! the same element may see part of it (as C code would).

#![allow(unsafe_code)] // the `unsafe impl Payload`s of `SemLock` and `SharedBuffer`

use core::sync::atomic::{AtomicI32, AtomicU32, AtomicU64, Ordering};
use std::ffi::CString;
use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

use ftl_algorithms::int::IntValue;
use ftl_object::{HeapPolicy, Kind, ObjRef, Payload};

use crate::builtins::args::{c_int, parse_args, str_param};
use crate::interpreter::state::ObjResult as R;
use crate::interpreter::state::{BuiltinFn, ExcType, Kw, PyErr, PyResult, Vm};
use crate::objects::*;
use crate::stdlib::os::{c_int_arg, fd_arg, os_error};
use crate::stdlib::syscalls::{self, Semaphore, SharedMapping};
use crate::stdlib::Namespace;

/// `SemLock.kind` of a recursive mutex.
pub const RECURSIVE_MUTEX: i32 = 0;
/// `SemLock.kind` of a counting semaphore.
pub const SEMAPHORE: i32 = 1;
/// `SemLock.SEM_VALUE_MAX`, what CPython reports on Linux.
pub const SEM_VALUE_MAX: i32 = i32::MAX;

/// Timeouts longer than this (about 31 years) wait without a deadline, so
/// that the deadline's seconds never overflow.
const FOREVER_SECS: f64 = 1e9;

/// `_multiprocessing.SemLock` (CPython's `SemLockObject`).
pub struct SemLock {
    sem: Arc<Semaphore>,
    kind: i32,
    maxvalue: i32,
    name: Option<String>,
    /// The ident of the thread that last acquired it.
    last_tid: AtomicU64,
    /// The process of that thread.
    last_pid: AtomicU32,
    /// This process's acquires minus releases.
    count: AtomicI32,
}

// SAFETY: the semaphore is shared through an `Arc` of a `Send + Sync`
// type, the owner and count are atomics, the rest is never written.
unsafe impl<P: HeapPolicy> Payload<P> for SemLock {
    const NAME: &'static str = "SemLock";
}

/// `_multiprocessing.SharedBuffer`: shared memory for `Value` and `Array`.
pub struct SharedBuffer {
    map: SharedMapping,
}

// SAFETY: `SharedMapping` is `Send + Sync` (atomic accesses only) and is
// never replaced.
unsafe impl<P: HeapPolicy> Payload<P> for SharedBuffer {
    const NAME: &'static str = "SharedBuffer";
}

/// Fills `_multiprocessing` (and the methods of its two classes).
pub fn init<P: HeapPolicy>(vm: &Vm<P>, m: &Namespace<'_, P>) -> PyResult<(), P> {
    let t = vm.types();
    let semlock = &t.others["SemLock"];
    let buffer = &t.others["SharedBuffer"];
    install(vm, semlock, buffer);
    m.set("SemLock", semlock.clone());
    m.set("SharedBuffer", buffer.clone());
    let flags = ObjRef::new_dict();
    vm.dict_set_str(&flags, vm.intern("HAVE_SEM_OPEN"), ObjRef::from_i64(1));
    vm.dict_set_str(&flags, vm.intern("HAVE_SEM_TIMEDWAIT"), ObjRef::from_i64(1));
    m.set("flags", flags);
    m.add_functions(&[
        ("sem_unlink", sem_unlink::<P>),
        ("spawnv_passfds", spawnv_passfds::<P>),
        ("poll", poll::<P>),
        ("wait_fds", wait_fds::<P>),
        ("socketpair", socketpair::<P>),
        ("unix_listen", unix_listen::<P>),
        ("unix_accept", unix_accept::<P>),
        ("unix_connect", unix_connect::<P>),
        ("sendfds", sendfds::<P>),
        ("recvfds", recvfds::<P>),
    ]);
    Ok(())
}

/// Puts the methods, read-only attributes and class attributes in the two
/// classes' dicts.
fn install<P: HeapPolicy>(vm: &Vm<P>, semlock: &Obj<P>, buffer: &Obj<P>) {
    for (name, f) in [
        ("acquire", semlock_acquire::<P> as BuiltinFn<P>),
        ("release", semlock_release::<P>),
        ("__enter__", semlock_enter::<P>),
        ("__exit__", semlock_exit::<P>),
        ("_count", semlock_count::<P>),
        ("_is_mine", semlock_is_mine::<P>),
        ("_get_value", semlock_get_value::<P>),
        ("_is_zero", semlock_is_zero::<P>),
        ("_after_fork", semlock_after_fork::<P>),
    ] {
        vm.add_method(semlock, "SemLock", name, f);
    }
    vm.add_wrapped_method(semlock, "_rebuild", semlock_rebuild::<P>, true);
    for (name, f) in [
        ("handle", semlock_handle::<P> as BuiltinFn<P>),
        ("kind", semlock_kind::<P>),
        ("maxvalue", semlock_maxvalue::<P>),
        ("name", semlock_name::<P>),
    ] {
        add_getter(vm, semlock, name, f);
    }
    for (name, f) in [
        ("get", buffer_get::<P> as BuiltinFn<P>),
        ("set", buffer_set::<P>),
        ("read", buffer_read::<P>),
        ("write", buffer_write::<P>),
    ] {
        vm.add_method(buffer, "SharedBuffer", name, f);
    }
    vm.add_wrapped_method(buffer, "_attach", buffer_attach::<P>, true);
    for (name, f) in [
        ("fd", buffer_fd::<P> as BuiltinFn<P>),
        ("size", buffer_size::<P>),
    ] {
        add_getter(vm, buffer, name, f);
    }
    let set = |cls: &Obj<P>, name: &str, v: Obj<P>| {
        vm.dict_set_str(&vm.class(cls).dict, vm.intern(name), v);
    };
    set(
        semlock,
        "SEM_VALUE_MAX",
        ObjRef::from_i64(SEM_VALUE_MAX.into()),
    );
    for cls in [semlock, buffer] {
        set(cls, "__module__", vm.intern("_multiprocessing"));
    }
    vm.classes_changed();
}

/// A read-only attribute: a `property` whose getter is `f`.
fn add_getter<P: HeapPolicy>(vm: &Vm<P>, cls: &Obj<P>, name: &'static str, f: BuiltinFn<P>) {
    let prop = ObjRef::new(Property {
        fget: Some(vm.builtin_fn(name, f)),
        fset: None,
        fdel: None,
    });
    vm.dict_set_str(&vm.class(cls).dict, vm.intern(name), prop);
}

// ---- SemLock ----------------------------------------------------------------

fn this_semlock<'a, P: HeapPolicy>(vm: &Vm<P>, args: &'a [Obj<P>]) -> PyResult<&'a SemLock, P> {
    args.first()
        .and_then(|o| o.downcast::<SemLock>())
        .ok_or_else(|| vm.type_error("descriptor requires a '_multiprocessing.SemLock' object"))
}

/// A method without arguments: `SemLock.NAME() takes no arguments`.
fn semlock_noargs<'a, P: HeapPolicy>(
    vm: &Vm<P>,
    name: &str,
    args: &'a [Obj<P>],
    kw: Kw<'_, P>,
) -> PyResult<&'a SemLock, P> {
    let s = this_semlock(vm, args)?;
    let qual = format!("SemLock.{name}");
    vm.no_kw(&qual, kw)?;
    vm.check_args(&qual, &args[1..], 0, 0)?;
    Ok(s)
}

/// A name argument as a C string (`ValueError` for an embedded NUL).
fn c_name<P: HeapPolicy>(vm: &Vm<P>, name: &str) -> PyResult<CString, P> {
    CString::new(name).map_err(|_| vm.value_error("embedded null character"))
}

/// A C `int` that is read as a truth value (`bool(accept={int})`).
fn int_flag<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> PyResult<bool, P> {
    Ok(c_int(vm, o)? != 0)
}

impl SemLock {
    fn new(sem: Arc<Semaphore>, kind: i32, maxvalue: i32, name: Option<String>) -> SemLock {
        SemLock {
            sem,
            kind,
            maxvalue,
            name,
            last_tid: AtomicU64::new(0),
            last_pid: AtomicU32::new(0),
            count: AtomicI32::new(0),
        }
    }

    /// CPython's `ISMINE`: acquired, last by this thread of this process.
    fn is_mine<P: HeapPolicy>(&self, vm: &Vm<P>) -> bool {
        self.count.load(Ordering::Acquire) > 0
            && self.last_tid.load(Ordering::Relaxed) == vm.ident
            && self.last_pid.load(Ordering::Relaxed) == std::process::id()
    }

    /// Records a successful acquire by the calling thread.
    fn acquired<P: HeapPolicy>(&self, vm: &Vm<P>) {
        self.last_tid.store(vm.ident, Ordering::Relaxed);
        self.last_pid.store(std::process::id(), Ordering::Relaxed);
        self.count.fetch_add(1, Ordering::Release);
    }

    /// `acquire(block, timeout)`: `timeout` in seconds, `None` for none.
    fn acquire<P: HeapPolicy>(
        &self,
        vm: &Vm<P>,
        blocking: bool,
        timeout: Option<f64>,
    ) -> PyResult<bool, P> {
        if self.kind == RECURSIVE_MUTEX && self.is_mine(vm) {
            self.count.fetch_add(1, Ordering::Relaxed);
            return Ok(true);
        }
        // As CPython: a negative timeout is 0; the deadline is fixed
        // before the first try.
        let deadline = timeout
            .map(|t| if t.is_nan() || t < 0.0 { 0.0 } else { t })
            .filter(|t| *t < FOREVER_SECS)
            .map(syscalls::realtime_deadline);
        let mut got = self.sem.try_acquire().map_err(|e| os_error(vm, e))?;
        if !got && blocking {
            let sem = self.sem.clone();
            got = vm
                .blocking(|| sem.acquire(deadline.as_ref()))
                .map_err(|e| os_error(vm, e))?;
        }
        if got {
            self.acquired(vm);
        }
        Ok(got)
    }

    fn release<P: HeapPolicy>(&self, vm: &Vm<P>) -> PyResult<(), P> {
        if self.kind == RECURSIVE_MUTEX {
            if !self.is_mine(vm) {
                return Err(vm.new_error(
                    ExcType::AssertionError,
                    "attempt to release recursive lock not owned by thread",
                ));
            }
            if self.count.load(Ordering::Relaxed) > 1 {
                self.count.fetch_sub(1, Ordering::Relaxed);
                return Ok(());
            }
            // Disowned before it is posted (see the module docs).
            self.count.fetch_sub(1, Ordering::Release);
            if let Err(e) = self.sem.release() {
                self.count.fetch_add(1, Ordering::Relaxed);
                return Err(os_error(vm, e));
            }
            return Ok(());
        }
        // Not a guarantee against racing releases, as in CPython.
        let value = self.sem.value().map_err(|e| os_error(vm, e))?;
        if value >= self.maxvalue {
            return Err(vm.value_error("semaphore or lock released too many times"));
        }
        self.sem.release().map_err(|e| os_error(vm, e))?;
        self.count.fetch_sub(1, Ordering::Relaxed);
        Ok(())
    }
}

/// `SemLock(kind, value, maxvalue, name, unlink)`: the class's
/// constructor (`args[0]` is the class).
pub fn semlock_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let names = ["kind", "value", "maxvalue", "name", "unlink"];
    let a = parse_args(vm, "SemLock", &args[1..], kw, &names, 5, 5)?;
    let arg = |i: usize| a[i].as_ref().expect("required");
    let kind = c_int(vm, arg(0))? as i32;
    let value = c_int(vm, arg(1))? as i32;
    let maxvalue = c_int(vm, arg(2))? as i32;
    let name = str_param(vm, "SemLock", "'name'", arg(3))?;
    let unlink = int_flag(vm, arg(4))?;
    if kind != RECURSIVE_MUTEX && kind != SEMAPHORE {
        return Err(vm.value_error("unrecognized kind"));
    }
    let c = c_name(vm, name)?;
    // `sem_open` takes the value as unsigned: a negative one is EINVAL.
    let sem = Semaphore::create(&c, value as u32).map_err(|e| os_error(vm, e))?;
    if unlink {
        // On failure `sem` is dropped, which closes it.
        syscalls::sem_unlink(&c).map_err(|e| os_error(vm, e))?;
    }
    let name = (!unlink).then(|| name.to_string());
    Ok(ObjRef::new(SemLock::new(sem, kind, maxvalue, name)))
}

/// `SemLock._rebuild(handle, kind, maxvalue, name)` (a class method):
/// reopens the semaphore by name, or by handle when `name` is `None`.
fn semlock_rebuild<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("_rebuild", kw)?;
    vm.check_args("_rebuild", &args[1..], 4, 4)?;
    let handle = match vm.arg_int(&args[1])? {
        IntValue::Small(v) => v as u64 as usize,
        IntValue::Big(_) => {
            return Err(vm.overflow_error("Python int too large to convert to C unsigned long"))
        }
    };
    let kind = c_int(vm, &args[2])? as i32;
    let maxvalue = c_int(vm, &args[3])? as i32;
    let name = if args[4].is_none() {
        None
    } else {
        Some(str_param(vm, "_rebuild", "4", &args[4])?.to_string())
    };
    let sem = match &name {
        Some(n) => Semaphore::open(&c_name(vm, n)?).map_err(|e| os_error(vm, e))?,
        None => Semaphore::from_handle(handle)
            .ok_or_else(|| os_error(vm, std::io::Error::from_raw_os_error(libc::EINVAL)))?,
    };
    Ok(ObjRef::new(SemLock::new(sem, kind, maxvalue, name)))
}

/// `acquire(block=True, timeout=None)`
fn semlock_acquire<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let s = this_semlock(vm, args)?;
    let a = parse_args(vm, "acquire", &args[1..], kw, &["block", "timeout"], 2, 0)?;
    let blocking = match &a[0] {
        Some(b) => int_flag(vm, b)?,
        None => true,
    };
    let timeout = match &a[1] {
        Some(t) if !t.is_none() => {
            if s.kind == RECURSIVE_MUTEX && s.is_mine(vm) {
                None // CPython converts the timeout after this check.
            } else {
                Some(vm.to_f64(t)?)
            }
        }
        _ => None,
    };
    Ok(ObjRef::from_bool(s.acquire(vm, blocking, timeout)?))
}

/// `__enter__()`: `acquire()`.
fn semlock_enter<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let s = semlock_noargs(vm, "__enter__", args, kw)?;
    Ok(ObjRef::from_bool(s.acquire(vm, true, None)?))
}

/// `release()`
fn semlock_release<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let s = semlock_noargs(vm, "release", args, kw)?;
    s.release(vm)?;
    Ok(ObjRef::none())
}

/// `__exit__(exc_type=None, exc_value=None, exc_tb=None)`: `release()`.
fn semlock_exit<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let s = this_semlock(vm, args)?;
    vm.no_kw("__exit__", kw)?;
    if args.len() - 1 > 3 {
        return Err(vm.type_error(format!(
            "__exit__ expected at most 3 arguments, got {}",
            args.len() - 1
        )));
    }
    s.release(vm)?;
    Ok(ObjRef::none())
}

fn semlock_count<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let s = semlock_noargs(vm, "_count", args, kw)?;
    Ok(ObjRef::from_i64(s.count.load(Ordering::Relaxed).into()))
}

fn semlock_is_mine<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let s = semlock_noargs(vm, "_is_mine", args, kw)?;
    Ok(ObjRef::from_bool(s.is_mine(vm)))
}

/// `_get_value()`: the semaphore's value (never negative).
fn semlock_get_value<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let s = semlock_noargs(vm, "_get_value", args, kw)?;
    let v = s.sem.value().map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::from_i64(v.max(0).into()))
}

fn semlock_is_zero<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let s = semlock_noargs(vm, "_is_zero", args, kw)?;
    let v = s.sem.value().map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::from_bool(v == 0))
}

/// `_after_fork()`: the count starts again at 0.
fn semlock_after_fork<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let s = semlock_noargs(vm, "_after_fork", args, kw)?;
    s.count.store(0, Ordering::Relaxed);
    Ok(ObjRef::none())
}

fn semlock_handle<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let h = this_semlock(vm, args)?.sem.handle() as u64;
    Ok(match i64::try_from(h) {
        Ok(v) => ObjRef::from_i64(v),
        Err(_) => ObjRef::from_int(IntValue::from_bigint(h.into())),
    })
}

fn semlock_kind<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_i64(this_semlock(vm, args)?.kind.into()))
}

fn semlock_maxvalue<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_i64(this_semlock(vm, args)?.maxvalue.into()))
}

fn semlock_name<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(match &this_semlock(vm, args)?.name {
        Some(n) => vm.new_str(n.clone()),
        None => ObjRef::none(),
    })
}

/// `sem_unlink(name)`
fn sem_unlink<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("sem_unlink", kw)?;
    vm.check_args("sem_unlink", args, 1, 1)?;
    let Some(name) = args[0].as_str() else {
        return Err(vm.type_error(format!(
            "sem_unlink() argument must be str, not {}",
            vm.type_name(&args[0])
        )));
    };
    syscalls::sem_unlink(&c_name(vm, name)?).map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::none())
}

// ---- processes and descriptors ---------------------------------------------

/// The `str` items of a sequence argument.
fn str_items<P: HeapPolicy>(vm: &Vm<P>, fname: &str, o: &Obj<P>) -> PyResult<Vec<String>, P> {
    vm.collect(o)?
        .iter()
        .map(|x| {
            x.as_str().map(str::to_string).ok_or_else(|| {
                vm.type_error(format!(
                    "{fname}() argument list must hold str, not {}",
                    vm.type_name(x)
                ))
            })
        })
        .collect()
}

/// The descriptors of a sequence argument (each a non-negative C int).
fn fd_items<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> PyResult<Vec<i32>, P> {
    vm.collect(o)?
        .iter()
        .map(|x| {
            let fd = fd_arg(vm, x)?;
            if fd < 0 {
                return Err(vm.value_error(format!("invalid file descriptor: {fd}")));
            }
            Ok(fd)
        })
        .collect()
}

/// `spawnv_passfds(path, args, passfds)`: the child's pid.
fn spawnv_passfds<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let names = ["path", "args", "passfds"];
    let a = parse_args(vm, "spawnv_passfds", args, kw, &names, 3, 3)?;
    let path = str_param(
        vm,
        "spawnv_passfds",
        "'path'",
        a[0].as_ref().expect("required"),
    )?;
    let argv = str_items(vm, "spawnv_passfds", a[1].as_ref().expect("required"))?;
    if argv.is_empty() {
        return Err(vm.value_error("spawnv_passfds() arg 2 must not be empty"));
    }
    let passfds = fd_items(vm, a[2].as_ref().expect("required"))?;
    // What this process printed comes before what the child prints.
    let _ = vm.interp.stdout.lock().flush();
    let path = path.to_string();
    let pid = vm
        .blocking(|| syscalls::spawn_passfds(&path, &argv, &passfds))
        .map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::from_i64(pid.into()))
}

/// A `timeout` argument in seconds: `None` (or absent) for no limit; a
/// negative one is 0.
fn timeout_arg<P: HeapPolicy>(vm: &Vm<P>, o: Option<&Obj<P>>) -> PyResult<Option<Duration>, P> {
    let Some(t) = o.filter(|t| !t.is_none()) else {
        return Ok(None);
    };
    let secs = match t.kind() {
        Kind::Int | Kind::Bool | Kind::Float => vm.to_f64(t)?,
        _ => {
            return Err(vm.type_error(format!(
                "timeout must be a number or None, not {}",
                vm.type_name(t)
            )))
        }
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    // Beyond what a Duration holds is no limit.
    Ok(Duration::try_from_secs_f64(secs.max(0.0)).ok())
}

/// Waits, detached unless `timeout` is zero, for `fds` to be readable.
fn wait_readable<P: HeapPolicy>(
    vm: &Vm<P>,
    fds: &[i32],
    timeout: Option<Duration>,
) -> PyResult<Vec<i32>, P> {
    let r = if timeout == Some(Duration::ZERO) {
        syscalls::poll_readable(fds, timeout)
    } else {
        vm.blocking(|| syscalls::poll_readable(fds, timeout))
    };
    r.map_err(|e| os_error(vm, e))
}

/// `poll(fd, timeout=None)`: whether a read of `fd` would not block
/// within `timeout` seconds.
fn poll<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let a = parse_args(vm, "poll", args, kw, &["fd", "timeout"], 2, 1)?;
    let fd = fd_items(
        vm,
        &ObjRef::new_tuple(vec![a[0].clone().expect("required")]),
    )?;
    let timeout = timeout_arg(vm, a[1].as_ref())?;
    Ok(ObjRef::from_bool(
        !wait_readable(vm, &fd, timeout)?.is_empty(),
    ))
}

/// `wait_fds(fds, timeout=None)`: the descriptors of `fds` a read would
/// not block on within `timeout` seconds (empty when the time ran out).
fn wait_fds<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let a = parse_args(vm, "wait_fds", args, kw, &["fds", "timeout"], 2, 1)?;
    let fds = fd_items(vm, a[0].as_ref().expect("required"))?;
    let timeout = timeout_arg(vm, a[1].as_ref())?;
    let ready = wait_readable(vm, &fds, timeout)?;
    Ok(ObjRef::new_list(
        ready
            .into_iter()
            .map(|fd| ObjRef::from_i64(fd.into()))
            .collect(),
    ))
}

/// `socketpair()`: two connected `AF_UNIX` stream sockets' descriptors.
fn socketpair<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("socketpair", kw)?;
    vm.check_args("socketpair", args, 0, 0)?;
    let (a, b) = syscalls::socketpair().map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::new_tuple(vec![
        ObjRef::from_i64(a.into()),
        ObjRef::from_i64(b.into()),
    ]))
}

/// A path argument of the Unix-socket functions.
fn path_arg<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> PyResult<String, P> {
    o.as_str()
        .map(str::to_string)
        .ok_or_else(|| vm.type_error(format!("a str path expected, not {}", vm.type_name(o))))
}

/// `unix_listen(path)`: a listening `AF_UNIX` socket bound to `path`
/// (the forkserver's listener).
fn unix_listen<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("unix_listen", kw)?;
    vm.check_args("unix_listen", args, 1, 1)?;
    let path = path_arg(vm, &args[0])?;
    let fd = syscalls::unix_listen(&path).map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::from_i64(fd.into()))
}

/// `unix_accept(fd)`: the next connection's socket; detached while it
/// waits.
fn unix_accept<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("unix_accept", kw)?;
    vm.check_args("unix_accept", args, 1, 1)?;
    let fd = fd_arg(vm, &args[0])?;
    let c = vm
        .blocking(|| syscalls::unix_accept(fd))
        .map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::from_i64(c.into()))
}

/// `unix_connect(path)`: a socket connected to the listener at `path`.
fn unix_connect<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("unix_connect", kw)?;
    vm.check_args("unix_connect", args, 1, 1)?;
    let path = path_arg(vm, &args[0])?;
    let fd = vm
        .blocking(|| syscalls::unix_connect(&path))
        .map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::from_i64(fd.into()))
}

/// `sendfds(sock, fds)`: passes the descriptors of the list `fds` over
/// the `AF_UNIX` socket `sock` (CPython's `reduction.sendfds`).
fn sendfds<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("sendfds", kw)?;
    vm.check_args("sendfds", args, 2, 2)?;
    let sock = fd_arg(vm, &args[0])?;
    let items = vm.collect(&args[1])?;
    let mut fds = Vec::with_capacity(items.len());
    for o in &items {
        fds.push(fd_arg(vm, o)?);
    }
    if fds.is_empty() || fds.len() > syscalls::MAX_FDS {
        return Err(vm.value_error(format!(
            "between 1 and {} descriptors can be sent at once",
            syscalls::MAX_FDS
        )));
    }
    vm.blocking(|| syscalls::send_fds(sock, &fds))
        .map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::none())
}

/// `recvfds(sock, maxfds)`: the descriptors one `sendfds` passed; EOFError
/// when the peer closed first, RuntimeError when the message is not one.
fn recvfds<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("recvfds", kw)?;
    vm.check_args("recvfds", args, 2, 2)?;
    let sock = fd_arg(vm, &args[0])?;
    let max = usize::try_from(vm.index_i64(&args[1])?).unwrap_or(1);
    match vm.blocking(|| syscalls::recv_fds(sock, max)) {
        Ok(fds) => Ok(ObjRef::new_list(
            fds.into_iter()
                .map(|fd| ObjRef::from_i64(fd.into()))
                .collect(),
        )),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            Err(vm.new_error(ExcType::EOFError, ""))
        }
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
            Err(vm.new_error(ExcType::RuntimeError, "received 0 items of ancdata"))
        }
        Err(e) => Err(os_error(vm, e)),
    }
}

// ---- SharedBuffer -----------------------------------------------------------

fn this_buffer<'a, P: HeapPolicy>(vm: &Vm<P>, args: &'a [Obj<P>]) -> PyResult<&'a SharedBuffer, P> {
    args.first()
        .and_then(|o| o.downcast::<SharedBuffer>())
        .ok_or_else(|| {
            vm.type_error("descriptor requires a '_multiprocessing.SharedBuffer' object")
        })
}

/// A size or offset argument: a non-negative int.
fn size_arg<P: HeapPolicy>(vm: &Vm<P>, what: &str, o: &Obj<P>) -> PyResult<usize, P> {
    let v = vm.index_i64(o)?;
    usize::try_from(v).map_err(|_| vm.value_error(format!("{what} must not be negative")))
}

/// `SharedBuffer(size)`: the class's constructor (`args[0]` is the class).
pub fn shared_buffer_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let a = parse_args(vm, "SharedBuffer", &args[1..], kw, &["size"], 1, 1)?;
    let size = size_arg(vm, "size", a[0].as_ref().expect("required"))?;
    let map = SharedMapping::create(size).map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::new(SharedBuffer { map }))
}

/// `SharedBuffer._attach(fd, size)` (a class method): maps the buffer a
/// parent made, whose descriptor this process received as `fd` (which the
/// caller still owns: the buffer keeps a duplicate).
fn buffer_attach<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let a = parse_args(vm, "_attach", &args[1..], kw, &["fd", "size"], 2, 2)?;
    let fd = c_int_arg(vm, a[0].as_ref().expect("required"))?;
    let size = size_arg(vm, "size", a[1].as_ref().expect("required"))?;
    let map = SharedMapping::attach(fd, size).map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::new(SharedBuffer { map }))
}

fn buffer_fd<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_i64(this_buffer(vm, args)?.map.fd().into()))
}

fn buffer_size<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_i64(this_buffer(vm, args)?.map.len() as i64))
}

/// The element type of a typecode: its width in bytes.
#[derive(Clone, Copy)]
enum Elem {
    /// A signed integer of this many bytes.
    Signed(usize),
    /// An unsigned integer of this many bytes.
    Unsigned(usize),
    /// `float`
    F32,
    /// `double`
    F64,
}

impl Elem {
    fn width(self) -> usize {
        match self {
            Elem::Signed(w) | Elem::Unsigned(w) => w,
            Elem::F32 => 4,
            Elem::F64 => 8,
        }
    }
}

/// The element type of `typecode` (native sizes, as `array` and `struct`'s
/// `@`: `l` and `L` are 8 bytes on LP64 Linux).
fn typecode_arg<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> PyResult<(u8, Elem), P> {
    let code = match o.as_str() {
        Some(s) if s.len() == 1 => s.as_bytes()[0],
        _ => 0,
    };
    let long = core::mem::size_of::<libc::c_long>();
    let elem = match code {
        b'b' => Elem::Signed(1),
        b'B' => Elem::Unsigned(1),
        b'h' => Elem::Signed(2),
        b'H' => Elem::Unsigned(2),
        b'i' => Elem::Signed(4),
        b'I' => Elem::Unsigned(4),
        b'l' => Elem::Signed(long),
        b'L' => Elem::Unsigned(long),
        b'q' => Elem::Signed(8),
        b'Q' => Elem::Unsigned(8),
        b'f' => Elem::F32,
        b'd' => Elem::F64,
        _ => {
            return Err(
                vm.value_error("bad typecode (must be b, B, h, H, i, I, l, L, q, Q, f or d)")
            )
        }
    };
    Ok((code, elem))
}

/// The byte offset of element `index` of type `elem`, in bounds.
fn element_offset<P: HeapPolicy>(
    vm: &Vm<P>,
    buf: &SharedBuffer,
    elem: Elem,
    index: &Obj<P>,
) -> PyResult<usize, P> {
    let i = vm.index_i64(index)?;
    let w = elem.width();
    usize::try_from(i)
        .ok()
        .and_then(|i| i.checked_mul(w))
        .filter(|off| off.checked_add(w).is_some_and(|end| end <= buf.map.len()))
        .ok_or_else(|| vm.index_error("index out of range"))
}

/// `get(typecode, index)`: element `index` of the buffer as an array of
/// `typecode`.
fn buffer_get<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let buf = this_buffer(vm, args)?;
    vm.no_kw("get", kw)?;
    vm.check_args("get", &args[1..], 2, 2)?;
    let (_, elem) = typecode_arg(vm, &args[1])?;
    let off = element_offset(vm, buf, elem, &args[2])?;
    let raw = buf.map.load(off, elem.width());
    Ok(match elem {
        Elem::Signed(w) => {
            let shift = 64 - 8 * w as u32;
            ObjRef::from_i64(((raw << shift) as i64) >> shift)
        }
        Elem::Unsigned(_) => match i64::try_from(raw) {
            Ok(v) => ObjRef::from_i64(v),
            Err(_) => ObjRef::from_int(IntValue::from_bigint(raw.into())),
        },
        Elem::F32 => ObjRef::from_f64(f32::from_bits(raw as u32).into()),
        Elem::F64 => ObjRef::from_f64(f64::from_bits(raw)),
    })
}

/// The bits `value` stores as for `elem`, with `struct`'s range checks
/// and messages (raised as `OverflowError` and `TypeError` here, not
/// `struct.error`).
fn element_bits<P: HeapPolicy>(
    vm: &Vm<P>,
    code: u8,
    elem: Elem,
    value: &Obj<P>,
) -> PyResult<u64, P> {
    // `_struct.c`'s native messages (`np_byte`, `np_short`, `get_long`,
    // `_range_error`).
    let range_error = |lo: i128, hi: i128, negative: bool| -> PyErr<P> {
        vm.overflow_error(match code {
            b'b' => "byte format requires -128 <= number <= 127".to_string(),
            b'B' => "ubyte format requires 0 <= number <= 255".to_string(),
            b'h' => "short format requires -32768 <= number <= 32767".to_string(),
            b'H' => "ushort format requires 0 <= number <= 65535".to_string(),
            _ if hi > i128::from(u32::MAX) || (lo == 0 && negative) => {
                "argument out of range".to_string()
            }
            _ => format!("'{}' format requires {lo} <= number <= {hi}", code as char),
        })
    };
    match elem {
        Elem::Signed(w) | Elem::Unsigned(w) => {
            let Some(n) = vm.int_value(value) else {
                return Err(vm.type_error("required argument is not an integer"));
            };
            let bits = 8 * w as u32;
            let (lo, hi) = match elem {
                Elem::Signed(_) => (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1),
                _ => (0, (1i128 << bits) - 1),
            };
            let negative = n.is_negative();
            let n = match &n {
                IntValue::Small(s) => Some(i128::from(*s)),
                IntValue::Big(b) => i128::try_from(b).ok(),
            };
            match n {
                Some(n) if (lo..=hi).contains(&n) => Ok(n as u64),
                _ => Err(range_error(lo, hi, negative)),
            }
        }
        Elem::F32 | Elem::F64 => {
            let x = match value.kind() {
                Kind::Float | Kind::Int | Kind::Bool => vm.to_f64(value)?,
                _ => {
                    return Err(
                        vm.type_error(format!("must be real number, not {}", vm.type_name(value)))
                    )
                }
            };
            Ok(match elem {
                Elem::F64 => x.to_bits(),
                _ => {
                    let y = x as f32;
                    if y.is_infinite() && x.is_finite() {
                        return Err(vm.overflow_error("float too large to pack with f format"));
                    }
                    u64::from(y.to_bits())
                }
            })
        }
    }
}

/// `set(typecode, index, value)`: stores `value` as element `index`.
fn buffer_set<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let buf = this_buffer(vm, args)?;
    vm.no_kw("set", kw)?;
    vm.check_args("set", &args[1..], 3, 3)?;
    let (code, elem) = typecode_arg(vm, &args[1])?;
    let off = element_offset(vm, buf, elem, &args[2])?;
    let bits = element_bits(vm, code, elem, &args[3])?;
    buf.map.store(off, elem.width(), bits);
    Ok(ObjRef::none())
}

/// The byte range `offset..offset + n`, in bounds.
fn byte_range<P: HeapPolicy>(
    vm: &Vm<P>,
    buf: &SharedBuffer,
    offset: &Obj<P>,
    n: usize,
) -> PyResult<usize, P> {
    let off = vm.index_i64(offset)?;
    usize::try_from(off)
        .ok()
        .filter(|o| o.checked_add(n).is_some_and(|end| end <= buf.map.len()))
        .ok_or_else(|| vm.index_error("index out of range"))
}

/// `read(offset, n)`: `n` bytes from `offset`.
fn buffer_read<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let buf = this_buffer(vm, args)?;
    vm.no_kw("read", kw)?;
    vm.check_args("read", &args[1..], 2, 2)?;
    let n = size_arg(vm, "n", &args[2])?;
    let off = byte_range(vm, buf, &args[1], n)?;
    Ok(ObjRef::new_bytes(&buf.map.read(off, n)))
}

/// `write(offset, data)`: stores the bytes of `data` (bytes or bytearray)
/// from `offset`.
fn buffer_write<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let buf = this_buffer(vm, args)?;
    vm.no_kw("write", kw)?;
    vm.check_args("write", &args[1..], 2, 2)?;
    let Some(data) = vm.bytes_like(&args[2]) else {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&args[2])
        )));
    };
    let off = byte_range(vm, buf, &args[1], data.len())?;
    buf.map.write(off, &data);
    Ok(ObjRef::none())
}
