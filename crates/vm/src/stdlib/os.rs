//! `os` (`Modules/posixmodule.c`): the process id, the CPU count and
//! integer file descriptors (`pipe`, `read`, `write`, `close`, through
//! [`crate::stdlib::syscalls`]); blocking reads and writes detach.

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
    ]);
    Ok(())
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
