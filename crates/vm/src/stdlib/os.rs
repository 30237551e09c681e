//! `os` (`Modules/posixmodule.c`): the process ids (`getpid`, `getppid`),
//! the CPU count, integer file descriptors (`pipe`, `read`, `write`,
//! `close`), processes (`kill`, `waitpid` with `WNOHANG`, `_exit`) and the
//! wait-status helpers (`WIFEXITED`, `WEXITSTATUS`, `WIFSIGNALED`,
//! `WTERMSIG`, `WIFSTOPPED`, `WSTOPSIG`, `waitstatus_to_exitcode`), through
//! [`crate::stdlib::syscalls`]; blocking reads, writes and waits detach.
//! A failing call raises the `OSError` subclass its errno maps to
//! ([`errno_exception`]).
//!
//! Not yet: `fork` (issue 18: a fork of a multi-threaded runtime needs
//! every runtime's threads and locks brought to a safe state first).

use std::io::Write;

use ftl_object::{HeapPolicy, ObjRef};

use crate::interpreter::state::{ExcType, Kw, PyResult, Vm};
use crate::objects::*;
use crate::stdlib::Namespace;

use crate::interpreter::state::ObjResult as R;

/// Fills `os`.
pub fn init<P: HeapPolicy>(_vm: &Vm<P>, m: &Namespace<'_, P>) -> PyResult<(), P> {
    m.add_functions(&[
        ("getpid", os_getpid::<P>),
        ("pipe", os_pipe::<P>),
        ("read", os_read::<P>),
        ("write", os_write::<P>),
        ("close", os_close::<P>),
        ("cpu_count", os_cpu_count::<P>),
        ("getppid", os_getppid::<P>),
        ("kill", os_kill::<P>),
        ("waitpid", os_waitpid::<P>),
        ("_exit", os_exit::<P>),
        ("WIFEXITED", os_wifexited::<P>),
        ("WEXITSTATUS", os_wexitstatus::<P>),
        ("WIFSIGNALED", os_wifsignaled::<P>),
        ("WTERMSIG", os_wtermsig::<P>),
        ("WIFSTOPPED", os_wifstopped::<P>),
        ("WSTOPSIG", os_wstopsig::<P>),
        ("waitstatus_to_exitcode", os_waitstatus_to_exitcode::<P>),
    ]);
    m.set("WNOHANG", ObjRef::from_i64(libc::WNOHANG as i64));
    m.set("WUNTRACED", ObjRef::from_i64(libc::WUNTRACED as i64));
    Ok(())
}

fn os_getppid<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("getppid", args, 0, 0)?;
    Ok(ObjRef::from_i64(std::os::unix::process::parent_id() as i64))
}

/// A C `int` argument (a pid, a signal, options, a status).
fn c_int_arg<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> PyResult<i32, P> {
    let v = vm.index_i64(o)?;
    i32::try_from(v).map_err(|_| {
        vm.overflow_error(if v < 0 {
            "signed integer is less than minimum"
        } else {
            "signed integer is greater than maximum"
        })
    })
}

/// `os.kill(pid, sig)`
fn os_kill<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("kill", args, 2, 2)?;
    let (pid, sig) = (c_int_arg(vm, &args[0])?, c_int_arg(vm, &args[1])?);
    crate::stdlib::syscalls::kill(pid, sig).map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::none())
}

/// `os.waitpid(pid, options)`: `(pid, status)`; detached while it waits.
fn os_waitpid<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("waitpid", args, 2, 2)?;
    let (pid, options) = (c_int_arg(vm, &args[0])?, c_int_arg(vm, &args[1])?);
    let r = if options & libc::WNOHANG != 0 {
        crate::stdlib::syscalls::waitpid(pid, options)
    } else {
        vm.blocking(|| crate::stdlib::syscalls::waitpid(pid, options))
    };
    let (pid, status) = r.map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::new_tuple(vec![
        ObjRef::from_i64(pid as i64),
        ObjRef::from_i64(status as i64),
    ]))
}

/// `os._exit(n)`: ends the process now, flushing nothing (as CPython's).
fn os_exit<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("_exit", args, 1, 1)?;
    let code = c_int_arg(vm, &args[0])?;
    crate::stdlib::syscalls::exit_now(code)
}

/// One wait-status helper: `f(status)` of a C int status.
fn status_fn<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    name: &str,
    f: impl Fn(i32) -> Obj<P>,
) -> R<P> {
    Ok(f(status_arg(vm, args, name)?))
}

/// The one `status` argument, with Argument Clinic's messages.
fn status_arg<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], name: &str) -> PyResult<i32, P> {
    match args {
        [status] => c_int_arg(vm, status),
        [] => Err(vm.type_error(format!(
            "{name}() missing required argument 'status' (pos 1)"
        ))),
        _ => Err(vm.type_error(format!(
            "{name}() takes at most 1 argument ({} given)",
            args.len()
        ))),
    }
}

fn os_wifexited<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    status_fn(vm, args, "WIFEXITED", |s| {
        ObjRef::from_bool(libc::WIFEXITED(s))
    })
}

fn os_wexitstatus<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    status_fn(vm, args, "WEXITSTATUS", |s| {
        ObjRef::from_i64(libc::WEXITSTATUS(s) as i64)
    })
}

fn os_wifsignaled<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    status_fn(vm, args, "WIFSIGNALED", |s| {
        ObjRef::from_bool(libc::WIFSIGNALED(s))
    })
}

fn os_wtermsig<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    status_fn(vm, args, "WTERMSIG", |s| {
        ObjRef::from_i64(libc::WTERMSIG(s) as i64)
    })
}

fn os_wifstopped<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    status_fn(vm, args, "WIFSTOPPED", |s| {
        ObjRef::from_bool(libc::WIFSTOPPED(s))
    })
}

fn os_wstopsig<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    status_fn(vm, args, "WSTOPSIG", |s| {
        ObjRef::from_i64(libc::WSTOPSIG(s) as i64)
    })
}

/// `os.waitstatus_to_exitcode(status)`: the exit code, or minus the
/// signal that killed the process.
fn os_waitstatus_to_exitcode<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let s = status_arg(vm, args, "waitstatus_to_exitcode")?;
    if libc::WIFEXITED(s) {
        return Ok(ObjRef::from_i64(libc::WEXITSTATUS(s) as i64));
    }
    if libc::WIFSIGNALED(s) {
        return Ok(ObjRef::from_i64(-(libc::WTERMSIG(s) as i64)));
    }
    if libc::WIFSTOPPED(s) {
        return Err(vm.value_error(format!(
            "process stopped by delivery of signal {}",
            libc::WSTOPSIG(s)
        )));
    }
    Err(vm.value_error(format!("invalid wait status: {s}")))
}

fn os_getpid<P: HeapPolicy>(_vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_i64(std::process::id() as i64))
}

fn os_cpu_count<P: HeapPolicy>(_vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_i64(
        std::thread::available_parallelism()
            .map(|n| n.get() as i64)
            .unwrap_or(1),
    ))
}

fn os_error<P: HeapPolicy>(vm: &Vm<P>, e: std::io::Error) -> crate::interpreter::state::PyErr<P> {
    let code = e.raw_os_error().unwrap_or(0);
    let msg = e.to_string();
    let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
    vm.new_error(errno_exception(code), format!("[Errno {code}] {msg}"))
}

/// The `OSError` subclass CPython raises for an errno (PEP 3151's table
/// in `Objects/exceptions.c`), `OSError` itself for the others.
pub fn errno_exception(code: i32) -> ExcType {
    match code {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => ExcType::BlockingIOError,
        libc::ECHILD => ExcType::ChildProcessError,
        libc::EPIPE | libc::ESHUTDOWN => ExcType::BrokenPipeError,
        libc::ECONNABORTED => ExcType::ConnectionAbortedError,
        libc::ECONNREFUSED => ExcType::ConnectionRefusedError,
        libc::ECONNRESET => ExcType::ConnectionResetError,
        libc::EEXIST => ExcType::FileExistsError,
        libc::ENOENT => ExcType::FileNotFoundError,
        libc::EISDIR => ExcType::IsADirectoryError,
        libc::ENOTDIR => ExcType::NotADirectoryError,
        libc::EINTR => ExcType::InterruptedError,
        libc::EACCES | libc::EPERM => ExcType::PermissionError,
        libc::ESRCH => ExcType::ProcessLookupError,
        libc::ETIMEDOUT => ExcType::TimeoutError,
        _ => ExcType::OSError,
    }
}

fn os_pipe<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("pipe", args, 0, 0)?;
    let (r, w) = crate::stdlib::syscalls::pipe().map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::new_tuple(vec![
        ObjRef::from_i64(r as i64),
        ObjRef::from_i64(w as i64),
    ]))
}

fn fd_arg<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> PyResult<i32, P> {
    let v = vm.index_i64(o)?;
    i32::try_from(v).map_err(|_| vm.overflow_error("fd is greater than maximum"))
}

fn os_read<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("read", args, 2, 2)?;
    let fd = fd_arg(vm, &args[0])?;
    let n = vm.index_i64(&args[1])?;
    if n < 0 {
        return Err(vm.value_error("negative count"));
    }
    let _ = vm.interp.stdout.lock().flush();
    let r = vm.blocking(|| crate::stdlib::syscalls::read(fd, n as usize));
    let data = r.map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::new_bytes(&data))
}

fn os_write<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("write", args, 2, 2)?;
    let fd = fd_arg(vm, &args[0])?;
    let Some(data) = args[1].as_bytes() else {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&args[1])
        )));
    };
    let data = data.to_vec();
    let r = vm.blocking(|| crate::stdlib::syscalls::write(fd, &data));
    let n = r.map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::from_i64(n as i64))
}

fn os_close<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("close", args, 1, 1)?;
    let fd = fd_arg(vm, &args[0])?;
    crate::stdlib::syscalls::close(fd).map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::none())
}
