//! `os` (`Modules/posixmodule.c`): the process ids (`getpid`, `getppid`),
//! the CPU count, the working directory (`getcwd`), integer file
//! descriptors (`pipe`, `read`, `write`, `close`, `dup`, `get_inheritable`,
//! `set_inheritable`), paths (`mkfifo`, `unlink`/`remove`), processes
//! (`kill`, `waitpid` with `WNOHANG`, `wait`, `_exit`) and the wait-status
//! helpers (`WIFEXITED`, `WEXITSTATUS`, `WIFSIGNALED`, `WTERMSIG`,
//! `WIFSTOPPED`, `WSTOPSIG`, `waitstatus_to_exitcode`), through
//! [`crate::stdlib::syscalls`]; blocking reads, writes and waits detach.
//! A failing call raises the `OSError` subclass its errno maps to
//! ([`errno_exception`]), with the path after the message for a path call
//! (`[Errno 17] File exists: '/tmp/f'`).
//!
//! New descriptors are non-inheritable, as CPython's (PEP 446): `pipe` is
//! `pipe2(O_CLOEXEC)` and `dup` is `fcntl(F_DUPFD_CLOEXEC)`, so a child
//! process gets only what is made inheritable (`set_inheritable`) or
//! passed to it (`_multiprocessing.spawnv_passfds`).
//!
//! Not yet: `fork` (issue 18: a fork of a multi-threaded runtime needs
//! every runtime's threads and locks brought to a safe state first).

use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use ftl_object::{HeapPolicy, ObjRef};

use crate::builtins::args::parse_args;
use crate::interpreter::state::{ExcType, Kw, PyErr, PyResult, Vm};
use crate::objects::*;
use crate::stdlib::Namespace;

use crate::interpreter::state::ObjResult as R;

/// Fills `os`.
pub fn init<P: HeapPolicy>(_vm: &Vm<P>, m: &Namespace<'_, P>) -> PyResult<(), P> {
    m.add_functions(&[
        ("getpid", os_getpid::<P>),
        ("getcwd", os_getcwd::<P>),
        ("pipe", os_pipe::<P>),
        ("dup", os_dup::<P>),
        ("get_inheritable", os_get_inheritable::<P>),
        ("set_inheritable", os_set_inheritable::<P>),
        ("mkfifo", os_mkfifo::<P>),
        ("unlink", os_unlink::<P>),
        ("remove", os_remove::<P>),
        ("wait", os_wait::<P>),
        ("read", os_read::<P>),
        ("write", os_write::<P>),
        ("close", os_close::<P>),
        ("cpu_count", os_cpu_count::<P>),
        ("getppid", os_getppid::<P>),
        ("kill", os_kill::<P>),
        ("waitpid", os_waitpid::<P>),
        ("_exit", os_exit::<P>),
        ("fork", os_fork::<P>),
        ("get_blocking", os_get_blocking::<P>),
        ("set_blocking", os_set_blocking::<P>),
        ("getenv", os_getenv::<P>),
        ("register_at_fork", os_register_at_fork::<P>),
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
pub(crate) fn c_int_arg<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> PyResult<i32, P> {
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

/// The process's thread count when the interpreter started (the CLI's
/// launcher and the interpreter's thread): what `os.fork` allows.
static THREADS_AT_START: AtomicUsize = AtomicUsize::new(usize::MAX);

/// Set in the child of `os.fork`.
static FORKED_CHILD: AtomicBool = AtomicBool::new(false);

/// Notes the thread count before the interpreter starts threads.
pub fn note_threads_at_start() {
    if let Ok(n) = crate::stdlib::syscalls::os_thread_count() {
        // The first interpreter's count (a later one, in a process that
        // already runs interpreters, would count their threads).
        let _ =
            THREADS_AT_START.compare_exchange(usize::MAX, n, Ordering::Relaxed, Ordering::Relaxed);
    }
}

/// Whether this process is a child made by `os.fork`.
pub fn is_forked_child() -> bool {
    FORKED_CHILD.load(Ordering::Relaxed)
}

/// `os.fork()`: `0` in the child, its pid in the parent.
///
/// Only while no other thread of the interpreter runs (no Python thread,
/// no refcount strategy's or collector's thread): a thread that vanished
/// in the child while it held a lock — the GIL's, a heap's, a queue's —
/// would leave it held for ever, so a fork then is refused with
/// `RuntimeError` instead of risking a hung child. CPython 3.12 forks
/// anyway and warns (`DeprecationWarning`). A thread that has just ended
/// may take a moment to leave: the check waits up to a second for it.
fn os_fork<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    if !args.is_empty() {
        return Err(vm.type_error(format!(
            "posix.fork() takes no arguments ({} given)",
            args.len()
        )));
    }
    let lists: Vec<Obj<P>> = vm.interp.at_fork.as_tuple().expect("a tuple").to_vec();
    // Before: the last registered first, as CPython; ahead of the thread
    // check, so that a thread one of them starts is counted.
    let before = lists[0].as_list().expect("a list").snapshot();
    for f in before.iter().rev() {
        call_fork_hook(vm, f);
    }
    // The refcount strategy's thread (ft-buffered's committer) holds its
    // locks from time to time: it ends here, committing what is logged,
    // and a new one starts on each side.
    let strategy = vm.interp.strategy_thread.lock().take();
    let had_strategy_thread = strategy.is_some();
    drop(strategy);
    let restart = || {
        if had_strategy_thread {
            *vm.interp.strategy_thread.lock() =
                vm.start_strategy.and_then(|start| start(&vm.interp));
        }
    };
    let allowed = THREADS_AT_START.load(Ordering::Relaxed);
    let mut tries = 0;
    loop {
        let count = crate::stdlib::syscalls::os_thread_count().map_err(|e| os_error(vm, e))?;
        if count <= allowed {
            break;
        }
        let python_threads = vm.interp.threads.running.load(Ordering::Relaxed);
        if python_threads > 0 || tries == 100 {
            restart();
            return Err(vm.new_error(
                ExcType::RuntimeError,
                format!(
                    "os.fork() while other threads run is not supported by ftl ({} other thread{} in this interpreter: Python threads or the runtime's own); a lock one of them holds would stay held in the child. Fork before starting threads, or use multiprocessing's 'spawn' start method",
                    count - allowed,
                    if count - allowed == 1 { "" } else { "s" }
                ),
            ));
        }
        tries += 1;
        vm.blocking(|| std::thread::sleep(core::time::Duration::from_millis(10)));
    }
    // What the program printed is written once, by the parent (CPython's
    // output is not doubled either).
    vm.flush_stdout();
    let forked = crate::stdlib::syscalls::fork();
    restart();
    let pid = forked.map_err(|e| os_error(vm, e))?;
    let after = if pid == 0 {
        FORKED_CHILD.store(true, Ordering::Relaxed);
        // As CPython's `random` does (`register_at_fork(after_in_child=
        // _inst.seed)`): parent and child must not draw the same numbers.
        vm.interp.random.lock().seed_from_time();
        &lists[1]
    } else {
        &lists[2]
    };
    let after = after.as_list().expect("a list").snapshot();
    for f in &after {
        call_fork_hook(vm, f);
    }
    Ok(ObjRef::from_i64(pid as i64))
}

/// Calls one `register_at_fork` callable; its exception is printed as
/// unraisable, as CPython does, and does not stop the fork.
fn call_fork_hook<P: HeapPolicy>(vm: &Vm<P>, f: &Obj<P>) {
    if let Err(e) = vm.call(f, &[], Kw::EMPTY) {
        let what = vm.repr(f).unwrap_or_else(|_| "?".into());
        vm.write_stderr(&format!(
            "Exception ignored in: {what}\n{}",
            vm.format_exception(&e)
        ));
    }
}

/// `os.getenv(key, default=None)`: the environment variable's value (the
/// environment as the process has it now; `os.environ` is not built yet).
fn os_getenv<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("getenv", args, 1, 2)?;
    let Some(key) = args[0].as_str() else {
        return Err(vm.type_error(format!("str expected, not {}", vm.type_name(&args[0]))));
    };
    match std::env::var_os(key) {
        Some(v) => Ok(vm.new_str(v.to_string_lossy().into_owned())),
        None => Ok(args.get(1).cloned().unwrap_or_else(ObjRef::none)),
    }
}

/// `os.register_at_fork(*, before=None, after_in_child=None,
/// after_in_parent=None)`
fn os_register_at_fork<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    if !args.is_empty() {
        return Err(vm.type_error("register_at_fork() takes no positional arguments"));
    }
    let names = ["before", "after_in_child", "after_in_parent"];
    let mut given = [None, None, None];
    for (name, value) in kw.names.iter().zip(kw.values) {
        let name = name.as_str().unwrap_or_default();
        match names.iter().position(|n| *n == name) {
            Some(i) => given[i] = Some(value.clone()),
            None => {
                return Err(vm.type_error(format!(
                    "register_at_fork() got an unexpected keyword argument '{name}'"
                )))
            }
        }
    }
    let given: Vec<(usize, Obj<P>)> = given
        .into_iter()
        .enumerate()
        .filter_map(|(i, v)| v.filter(|v| !v.is_none()).map(|v| (i, v)))
        .collect();
    if given.is_empty() {
        return Err(vm.type_error("At least one argument is required."));
    }
    for (i, f) in &given {
        if !vm.is_callable(f) {
            return Err(vm.type_error(format!(
                "'{}' must be callable, not {}",
                names[*i],
                vm.type_name(f)
            )));
        }
    }
    let lists = vm.interp.at_fork.as_tuple().expect("a tuple");
    for (i, f) in given {
        lists[i].as_list().expect("a list").push(f);
    }
    Ok(ObjRef::none())
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

/// The `OSError` (subclass) for an OS error: `[Errno N] strerror`.
pub(crate) fn os_error<P: HeapPolicy>(vm: &Vm<P>, e: std::io::Error) -> PyErr<P> {
    let code = e.raw_os_error().unwrap_or(0);
    vm.new_error(
        errno_exception(code),
        format!("[Errno {code}] {}", strerror(&e)),
    )
}

/// The `OSError` (subclass) for an OS error of a call on `path`:
/// `[Errno N] strerror: 'path'` (CPython's filename argument).
fn os_error_path<P: HeapPolicy>(vm: &Vm<P>, e: std::io::Error, path: &Obj<P>) -> PyErr<P> {
    let code = e.raw_os_error().unwrap_or(0);
    let shown = match vm.repr(path) {
        Ok(r) => r,
        Err(err) => return err,
    };
    vm.new_error(
        errno_exception(code),
        format!("[Errno {code}] {}: {shown}", strerror(&e)),
    )
}

/// The C library's text for an OS error, without Rust's ` (os error N)`.
fn strerror(e: &std::io::Error) -> String {
    let msg = e.to_string();
    msg.split(" (os error").next().unwrap_or(&msg).to_string()
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

pub(crate) fn fd_arg<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> PyResult<i32, P> {
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

/// `os.dup(fd, /)`: a non-inheritable duplicate.
fn os_dup<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("posix.dup", kw)?;
    vm.check_args("posix.dup", args, 1, 1)?;
    let fd = c_int_arg(vm, &args[0])?;
    let new = crate::stdlib::syscalls::dup_cloexec(fd).map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::from_i64(new as i64))
}

/// `os.get_inheritable(fd, /)`
fn os_get_inheritable<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("posix.get_inheritable", kw)?;
    vm.check_args("posix.get_inheritable", args, 1, 1)?;
    let fd = c_int_arg(vm, &args[0])?;
    let inheritable = crate::stdlib::syscalls::get_inheritable(fd).map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::from_bool(inheritable))
}

/// `os.set_inheritable(fd, inheritable, /)`
/// `os.get_blocking(fd)`
fn os_get_blocking<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("get_blocking", kw)?;
    vm.check_args("get_blocking", args, 1, 1)?;
    let fd = c_int_arg(vm, &args[0])?;
    let b = crate::stdlib::syscalls::get_blocking(fd).map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::from_bool(b))
}

/// `os.set_blocking(fd, blocking)`
fn os_set_blocking<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("set_blocking", kw)?;
    vm.check_args("set_blocking", args, 2, 2)?;
    let fd = c_int_arg(vm, &args[0])?;
    let blocking = vm.is_true(&args[1])?;
    crate::stdlib::syscalls::set_blocking(fd, blocking).map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::none())
}

fn os_set_inheritable<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("set_inheritable", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "set_inheritable expected 2 arguments, got {}",
            args.len()
        )));
    }
    let fd = c_int_arg(vm, &args[0])?;
    let inheritable = c_int_arg(vm, &args[1])? != 0;
    crate::stdlib::syscalls::set_inheritable(fd, inheritable).map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::none())
}

/// A path argument (str or bytes) as a C string, with CPython's
/// `path_converter` messages.
fn path_arg<P: HeapPolicy>(vm: &Vm<P>, fname: &str, o: &Obj<P>) -> PyResult<std::ffi::CString, P> {
    let bytes: Vec<u8> = if let Some(s) = o.as_str() {
        s.as_bytes().to_vec()
    } else if let Some(b) = o.as_bytes() {
        b.to_vec()
    } else {
        return Err(vm.type_error(format!(
            "{fname}: path should be string, bytes or os.PathLike, not {}",
            vm.type_name(o)
        )));
    };
    std::ffi::CString::new(bytes).map_err(|_| vm.value_error("embedded null byte"))
}

/// `os.mkfifo(path, mode=0o666)` (an error names no path, as CPython's).
fn os_mkfifo<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let a = parse_args(vm, "mkfifo", args, kw, &["path", "mode"], 2, 1)?;
    let path = a[0].as_ref().expect("required");
    let c_path = path_arg(vm, "mkfifo", path)?;
    let mode = match &a[1] {
        Some(m) => c_int_arg(vm, m)?,
        None => 0o666,
    };
    crate::stdlib::syscalls::mkfifo(&c_path, mode as u32).map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::none())
}

/// `os.unlink(path)` and `os.remove(path)`.
fn unlink_named<P: HeapPolicy>(vm: &Vm<P>, name: &str, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let a = parse_args(vm, name, args, kw, &["path"], 1, 1)?;
    let path = a[0].as_ref().expect("required");
    let c_path = path_arg(vm, name, path)?;
    crate::stdlib::syscalls::unlink(&c_path).map_err(|e| os_error_path(vm, e, path))?;
    Ok(ObjRef::none())
}

fn os_unlink<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    unlink_named(vm, "unlink", args, kw)
}

fn os_remove<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    unlink_named(vm, "remove", args, kw)
}

/// `os.wait()`: `(pid, status)` of a child that ended; detached while it
/// waits.
fn os_wait<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("posix.wait", args, 0, 0)?;
    let (pid, status) = vm
        .blocking(crate::stdlib::syscalls::wait)
        .map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::new_tuple(vec![
        ObjRef::from_i64(pid as i64),
        ObjRef::from_i64(status as i64),
    ]))
}

/// `os.getcwd()`
fn os_getcwd<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("posix.getcwd", args, 0, 0)?;
    let cwd = std::env::current_dir().map_err(|e| os_error(vm, e))?;
    Ok(vm.new_str(cwd.to_string_lossy().into_owned()))
}
