//! `signal`, its constants only: the signal numbers (`SIGTERM`, `SIGKILL`,
//! `SIGINT`, ...) that `os.kill` takes and that a negative
//! `Process.exitcode` reports. CPython makes them members of the
//! `signal.Signals` IntEnum; here they are plain ints (equal, and printing
//! as numbers). `signal.signal` (Python handlers run by the main thread at
//! its next safe point) is not built yet.

use ftl_object::{HeapPolicy, ObjRef};

use crate::interpreter::state::{PyResult, Vm};
use crate::stdlib::Namespace;

/// Fills `signal`.
pub fn init<P: HeapPolicy>(_vm: &Vm<P>, m: &Namespace<'_, P>) -> PyResult<(), P> {
    for (name, number) in [
        ("SIGHUP", libc::SIGHUP),
        ("SIGINT", libc::SIGINT),
        ("SIGQUIT", libc::SIGQUIT),
        ("SIGABRT", libc::SIGABRT),
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
    ] {
        m.set(name, ObjRef::from_i64(number as i64));
    }
    Ok(())
}
