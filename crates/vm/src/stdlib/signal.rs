//! `signal` (`Modules/signalmodule.c`): the signal numbers, and Python
//! handlers for them run by the main thread.
//!
//! ## How a handler runs
//!
//! As in CPython, a Python handler never runs inside the OS signal handler.
//! `signal.signal(SIGTERM, f)` keeps `f` in the interpreter's table
//! (`Interp::signal_handlers`) and installs the C handler
//! `syscalls::trip_signal`, which only notes the signal in
//! [`syscalls::TRIPPED_SIGNALS`] (`ftl_core::signal_flags`: a flag per
//! signal and a summary flag, async-signal safe; its loom model is there).
//! The main thread looks at the summary flag at every safe point
//! ([`Vm::poll`], one relaxed load) and, when it is set, calls the handlers
//! of the tripped signals in number order with `(signum, None)` (CPython
//! passes the interrupted frame; ftl has no frame objects). An exception a
//! handler raises comes out of the bytecode the main thread was running,
//! as in CPython. `time.sleep` in the main thread wakes for a signal with
//! a Python handler (its `nanosleep` returns `EINTR`: the handler is
//! installed without `SA_RESTART`), runs the handlers and sleeps on for the
//! rest of the time (PEP 475) unless one raised.
//!
//! ## Differences from CPython, and why
//!
//! * ftl leaves `SIGINT` to the OS until a program sets a handler for it
//!   (CPython installs `default_int_handler` at start-up): ftl's waits on
//!   locks, joins and queues are not interruptible yet, so a ^C that only
//!   raised `KeyboardInterrupt` at the next safe point could leave a
//!   blocked program unkillable from the keyboard. `getsignal(SIGINT)`
//!   still says `default_int_handler`, and the exit status of a program
//!   stopped by ^C is CPython's (killed by `SIGINT`: CPython re-raises the
//!   signal on an uncaught `KeyboardInterrupt`); only the traceback is not
//!   printed.
//! * The constants are plain ints, not `signal.Signals` members, and
//!   `SIG_DFL` / `SIG_IGN` are the ints 0 and 1 (CPython's `Handlers`
//!   enum members equal them).
//! * Only the main thread of the process runs handlers (as CPython), and
//!   only at a safe point or in `time.sleep`: a main thread blocked on a
//!   lock, a join or a queue runs them when the wait ends.

use ftl_object::{HeapPolicy, ObjRef};

use crate::interpreter::state::{ExcType, Kw, PyErr, PyResult, Vm};
use crate::objects::*;
use crate::stdlib::os::{c_int_arg, os_error};
use crate::stdlib::syscalls::{self, Disposition, NSIG};
use crate::stdlib::Namespace;

use crate::interpreter::state::ObjResult as R;

/// `signal.SIG_DFL`, `signal.SIG_IGN`.
const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

/// Fills `signal`.
pub fn init<P: HeapPolicy>(vm: &Vm<P>, m: &Namespace<'_, P>) -> PyResult<(), P> {
    for (name, number) in [
        ("SIGHUP", libc::SIGHUP),
        ("SIGINT", libc::SIGINT),
        ("SIGQUIT", libc::SIGQUIT),
        ("SIGILL", libc::SIGILL),
        ("SIGTRAP", libc::SIGTRAP),
        ("SIGABRT", libc::SIGABRT),
        ("SIGBUS", libc::SIGBUS),
        ("SIGFPE", libc::SIGFPE),
        ("SIGKILL", libc::SIGKILL),
        ("SIGUSR1", libc::SIGUSR1),
        ("SIGSEGV", libc::SIGSEGV),
        ("SIGUSR2", libc::SIGUSR2),
        ("SIGPIPE", libc::SIGPIPE),
        ("SIGALRM", libc::SIGALRM),
        ("SIGTERM", libc::SIGTERM),
        ("SIGCHLD", libc::SIGCHLD),
        ("SIGCONT", libc::SIGCONT),
        ("SIGSTOP", libc::SIGSTOP),
        ("SIGTSTP", libc::SIGTSTP),
        ("SIGTTIN", libc::SIGTTIN),
        ("SIGTTOU", libc::SIGTTOU),
        ("SIGURG", libc::SIGURG),
        ("SIGXCPU", libc::SIGXCPU),
        ("SIGXFSZ", libc::SIGXFSZ),
        ("SIGVTALRM", libc::SIGVTALRM),
        ("SIGPROF", libc::SIGPROF),
        ("SIGWINCH", libc::SIGWINCH),
        ("SIGIO", libc::SIGIO),
        ("SIGSYS", libc::SIGSYS),
    ] {
        m.set(name, ObjRef::from_i64(number as i64));
    }
    m.set("NSIG", ObjRef::from_i64(NSIG as i64));
    m.set("SIG_DFL", ObjRef::from_i64(SIG_DFL));
    m.set("SIG_IGN", ObjRef::from_i64(SIG_IGN));
    m.add_functions(&[
        ("signal", signal_signal::<P>),
        ("getsignal", signal_getsignal::<P>),
        ("raise_signal", signal_raise_signal::<P>),
        ("alarm", signal_alarm::<P>),
        ("strsignal", signal_strsignal::<P>),
        ("set_wakeup_fd", signal_set_wakeup_fd::<P>),
    ]);
    // The handler `getsignal(SIGINT)` reports until a program sets one.
    let default_int = vm.builtin_fn("default_int_handler", signal_default_int_handler::<P>);
    m.set("default_int_handler", default_int.clone());
    vm.dict_set(
        &vm.interp.signal_handlers,
        ObjRef::from_i64(libc::SIGINT as i64),
        default_int,
    )?;
    Ok(())
}

/// A signal number argument: ValueError outside 1..NSIG, as CPython.
fn signal_number<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> PyResult<i32, P> {
    let n = c_int_arg(vm, o)?;
    if n < 1 || n as usize >= NSIG {
        return Err(vm.value_error("signal number out of range"));
    }
    Ok(n)
}

/// `signal.signal(signalnum, handler)`: the previous handler.
fn signal_signal<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("signal", args, 2, 2)?;
    let handler = &args[1];
    let as_int = match handler.as_int() {
        Some(_) => Some(vm.index_i64(handler)?),
        None => None,
    };
    let disposition = match as_int {
        Some(SIG_DFL) => Disposition::Default,
        Some(SIG_IGN) => Disposition::Ignore,
        None if vm.is_callable(handler) => Disposition::Python,
        _ => {
            return Err(vm.type_error(
                "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
            ))
        }
    };
    if !vm.runs_signal_handlers() {
        return Err(vm.value_error("signal only works in main thread of the main interpreter"));
    }
    let n = signal_number(vm, &args[0])?;
    let old = current_handler(vm, n)?;
    syscalls::set_signal_disposition(n, disposition).map_err(|e| os_error(vm, e))?;
    let key = ObjRef::from_i64(n as i64);
    if disposition == Disposition::Python {
        vm.dict_set(&vm.interp.signal_handlers, key, handler.clone())?;
    } else {
        vm.dict_set(&vm.interp.signal_handlers, key, ObjRef::none())?;
    }
    Ok(old)
}

/// The handler `getsignal` reports for `n`: the Python handler, SIG_DFL,
/// SIG_IGN, or None (a handler not installed from Python).
fn current_handler<P: HeapPolicy>(vm: &Vm<P>, n: i32) -> R<P> {
    let key = ObjRef::from_i64(n as i64);
    if let Some(h) = vm.dict_get(&vm.interp.signal_handlers, &key)? {
        if !h.is_none() {
            return Ok(h);
        }
    }
    Ok(
        match syscalls::signal_disposition(n).map_err(|e| os_error(vm, e))? {
            Disposition::Default => ObjRef::from_i64(SIG_DFL),
            Disposition::Ignore => ObjRef::from_i64(SIG_IGN),
            Disposition::Python | Disposition::Foreign => ObjRef::none(),
        },
    )
}

/// `signal.getsignal(signalnum)`
fn signal_getsignal<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("getsignal", args, 1, 1)?;
    let n = signal_number(vm, &args[0])?;
    current_handler(vm, n)
}

/// `signal.raise_signal(signalnum)`: sends it to this thread; a Python
/// handler runs before this returns (as in CPython, which checks for
/// signals on the way out).
fn signal_raise_signal<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("raise_signal", args, 1, 1)?;
    let n = signal_number(vm, &args[0])?;
    syscalls::raise_signal(n).map_err(|e| os_error(vm, e))?;
    vm.run_signal_handlers()?;
    Ok(ObjRef::none())
}

/// `signal.alarm(seconds)`
fn signal_alarm<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("alarm", args, 1, 1)?;
    let secs = vm.index_i64(&args[0])?;
    let secs = u32::try_from(secs.max(0)).unwrap_or(u32::MAX);
    Ok(ObjRef::from_i64(syscalls::alarm(secs) as i64))
}

/// `signal.strsignal(signalnum)`: the system's description, or None.
fn signal_strsignal<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("strsignal", args, 1, 1)?;
    let n = signal_number(vm, &args[0])?;
    Ok(match syscalls::strsignal(n) {
        Some(text) => vm.new_str(&text),
        None => ObjRef::none(),
    })
}

/// `signal.set_wakeup_fd(fd)`: the C handler writes each signal's number
/// (one byte) to `fd` (-1: to none); the previous descriptor. Main thread
/// only, as in CPython.
fn signal_set_wakeup_fd<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("set_wakeup_fd", kw)?;
    vm.check_args("set_wakeup_fd", args, 1, 1)?;
    let fd = c_int_arg(vm, &args[0])?;
    if !vm.runs_signal_handlers() {
        return Err(
            vm.value_error("set_wakeup_fd only works in main thread of the main interpreter")
        );
    }
    if fd != -1 {
        syscalls::get_inheritable(fd).map_err(|e| os_error(vm, e))?;
    }
    Ok(ObjRef::from_i64(syscalls::set_wakeup_fd(fd) as i64))
}

/// `signal.default_int_handler(signalnum, frame)`: raises
/// KeyboardInterrupt.
fn signal_default_int_handler<P: HeapPolicy>(vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let class = vm.exc_class(ExcType::KeyboardInterrupt).clone();
    Err(PyErr(vm.make_exception(class, vec![])))
}

impl<P: HeapPolicy> Vm<P> {
    /// Runs the Python handlers of the signals tripped since the last
    /// call, in number order (the main thread only; elsewhere nothing). A
    /// handler's exception is returned; the signals not yet handled stay
    /// tripped, for the next safe point.
    #[cold]
    pub fn run_signal_handlers(&self) -> PyResult<(), P> {
        if !self.runs_signal_handlers() {
            return Ok(());
        }
        let tripped = syscalls::TRIPPED_SIGNALS.take();
        for (i, &n) in tripped.iter().enumerate() {
            let key = ObjRef::from_i64(n as i64);
            let handler = match self.dict_get(&self.interp.signal_handlers, &key)? {
                Some(h) if !h.is_none() => h,
                _ => continue,
            };
            if let Err(e) = self.call(&handler, &[key, ObjRef::none()], Kw::EMPTY) {
                for &rest in &tripped[i + 1..] {
                    syscalls::TRIPPED_SIGNALS.trip(rest);
                }
                return Err(e);
            }
        }
        Ok(())
    }
}
