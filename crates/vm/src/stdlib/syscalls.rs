//! Thin wrappers over the OS calls the `os`, `time` and `_multiprocessing`
//! modules need.
//!
//! `os.pipe`, `os.read`, `os.write`, `os.close`, `os.dup` and the
//! inheritable flag work on integer file descriptors, which Rust's standard
//! library only reaches through `unsafe` conversions; `os.kill`,
//! `os.waitpid`, `os.wait` and `os._exit` work on process ids and wait
//! statuses. This module makes the raw calls through `libc`. It is one of
//! the VM's few `unsafe` modules: each call passes a buffer that the borrow
//! checker keeps valid for its length (or a plain integer, or a C string
//! that lives across the call), and the kernel validates descriptors and
//! process ids (a bad one is an `EBADF` or `ESRCH` error, not undefined
//! behaviour).
//!
//! For `_multiprocessing` ([`crate::stdlib::multiprocessing`]) it also owns
//! the two kinds of OS object whose handles are pointers:
//!
//! * [`Semaphore`]: a POSIX named semaphore (`sem_open`), closed when its
//!   last `Arc` goes. Every live one is in a process-wide table by address,
//!   so that `SemLock._rebuild` of a bare handle finds a semaphore this
//!   process really has open, never turns an arbitrary integer into a
//!   pointer.
//! * [`SharedMapping`]: a `MAP_SHARED` mapping of a sealed `memfd`, which
//!   other processes write at the same time. It is reached only through
//!   atomic loads and stores of the element's width at offsets that are
//!   checked in bounds and aligned here (the mapping is page aligned), so a
//!   concurrent writer is never a Rust data race; it cannot shrink under us
//!   (`F_SEAL_SHRINK`), so no access faults past the end of the file.
//!
//! [`spawn_passfds`] starts a child through `std::process::Command`, whose
//! `pre_exec` hook (between fork and exec) only calls `fcntl`.

#![allow(unsafe_code)] // raw fd, process, semaphore and mapping calls through libc

use core::ptr::NonNull;
use core::sync::atomic::{AtomicU16, AtomicU32, AtomicU64, AtomicU8, Ordering};
use std::collections::BTreeMap;
use std::ffi::CStr;
use std::io;
use std::sync::{Arc, Mutex, PoisonError, Weak};
use std::time::{Duration, Instant};

/// The last OS error, as an `io::Error`.
fn last_error() -> io::Error {
    io::Error::last_os_error()
}

/// `Ok(r)` for a non-negative result, the errno otherwise.
fn check(r: libc::c_int) -> io::Result<libc::c_int> {
    if r < 0 {
        Err(last_error())
    } else {
        Ok(r)
    }
}

/// `pipe2(O_CLOEXEC)`: (read end, write end), both non-inheritable (PEP
/// 446, as CPython's `os.pipe`).
pub fn pipe() -> io::Result<(i32, i32)> {
    let mut fds = [0i32; 2];
    // SAFETY: `fds` is a valid, writable array of two C ints.
    let r = unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) };
    if r != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok((fds[0], fds[1]))
}

/// `read(fd, n)`: up to `n` bytes (fewer at end of file).
pub fn read(fd: i32, n: usize) -> io::Result<Vec<u8>> {
    let mut buf = vec![0u8; n];
    loop {
        // SAFETY: `buf` is valid for writes of `buf.len()` bytes.
        let r = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
        if r < 0 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        buf.truncate(r as usize);
        return Ok(buf);
    }
}

/// `write(fd, data)`: the number of bytes written.
pub fn write(fd: i32, data: &[u8]) -> io::Result<usize> {
    loop {
        // SAFETY: `data` is valid for reads of `data.len()` bytes.
        let r = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
        if r < 0 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        return Ok(r as usize);
    }
}

/// `close(fd)`
pub fn close(fd: i32) -> io::Result<()> {
    // SAFETY: closing a descriptor number has no memory-safety
    // preconditions; a bad descriptor is reported as EBADF.
    let r = unsafe { libc::close(fd) };
    if r != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// One past the highest signal number on Linux (`NSIG`).
pub const NSIG: usize = 65;

/// The signals whose Python handlers are due: set by [`trip_signal`], taken
/// by the main thread at its safe points ([`ftl_core::signal_flags`]).
pub static TRIPPED_SIGNALS: ftl_core::signal_flags::TripFlags<NSIG> =
    ftl_core::signal_flags::TripFlags::new();

/// `signal.set_wakeup_fd`'s descriptor (-1: none): [`trip_signal`] writes
/// the signal's number there, so a thread waiting on it wakes.
static WAKEUP_FD: core::sync::atomic::AtomicI32 = core::sync::atomic::AtomicI32::new(-1);

/// Sets the wake-up descriptor (-1: none); the previous one.
pub fn set_wakeup_fd(fd: i32) -> i32 {
    WAKEUP_FD.swap(fd, Ordering::SeqCst)
}

/// The C handler installed for a signal with a Python handler: it notes
/// the signal (two atomic read-modify-writes) and writes its number to the
/// wake-up descriptor if there is one. Async-signal safe: atomics and
/// `write`, with `errno` saved around it.
extern "C" fn trip_signal(signal: libc::c_int) {
    TRIPPED_SIGNALS.trip(signal as usize);
    let fd = WAKEUP_FD.load(Ordering::SeqCst);
    if fd >= 0 {
        let byte = signal as u8;
        // SAFETY: `errno` is this thread's; `write` reads one byte from a
        // local and is async-signal safe; a full or closed descriptor is
        // an error that is ignored, as CPython ignores it by default.
        unsafe {
            let saved = *libc::__errno_location();
            libc::write(fd, (&byte as *const u8).cast(), 1);
            *libc::__errno_location() = saved;
        }
    }
}

/// What the OS does with a signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disposition {
    /// `SIG_DFL`.
    Default,
    /// `SIG_IGN`.
    Ignore,
    /// [`trip_signal`]: a Python handler runs later in the main thread.
    Python,
    /// A handler installed by someone else (not ftl).
    Foreign,
}

/// Installs `disposition` for `signal` (not [`Disposition::Foreign`]) with
/// `SA_ONSTACK` and without `SA_RESTART`, as CPython's `PyOS_setsig`:
/// a blocking call the signal interrupts returns `EINTR`.
pub fn set_signal_disposition(signal: i32, disposition: Disposition) -> io::Result<()> {
    let handler = match disposition {
        Disposition::Default => libc::SIG_DFL,
        Disposition::Ignore => libc::SIG_IGN,
        Disposition::Python => trip_signal as extern "C" fn(libc::c_int) as libc::sighandler_t,
        Disposition::Foreign => return Err(io::Error::from_raw_os_error(libc::EINVAL)),
    };
    // SAFETY: `action` is a zeroed plain C struct filled in before the
    // call, which reads it and writes nothing (the old action is not
    // asked for); the handler is SIG_DFL, SIG_IGN or `trip_signal`, which is
    // async-signal safe.
    let r = unsafe {
        let mut action: libc::sigaction = core::mem::zeroed();
        action.sa_sigaction = handler;
        action.sa_flags = libc::SA_ONSTACK;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(signal, &action, core::ptr::null_mut())
    };
    if r == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// What the OS does with `signal` now.
pub fn signal_disposition(signal: i32) -> io::Result<Disposition> {
    // SAFETY: a null new action only reads the current one into `old`, a
    // zeroed plain C struct that lives across the call.
    let (r, old) = unsafe {
        let mut old: libc::sigaction = core::mem::zeroed();
        let r = libc::sigaction(signal, core::ptr::null(), &mut old);
        (r, old)
    };
    if r != 0 {
        return Err(io::Error::last_os_error());
    }
    let trip = trip_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
    Ok(match old.sa_sigaction {
        libc::SIG_DFL => Disposition::Default,
        libc::SIG_IGN => Disposition::Ignore,
        h if h == trip => Disposition::Python,
        _ => Disposition::Foreign,
    })
}

/// `raise(signal)`: sends `signal` to the calling thread.
pub fn raise_signal(signal: i32) -> io::Result<()> {
    // SAFETY: plain integer argument; a bad number is EINVAL.
    if unsafe { libc::raise(signal) } == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// `alarm(seconds)`: the seconds left on the previous alarm.
pub fn alarm(seconds: u32) -> u32 {
    // SAFETY: plain integer argument, no failure mode.
    unsafe { libc::alarm(seconds) }
}

/// `strsignal(signal)`'s description, or `None` for an unknown signal.
pub fn strsignal(signal: i32) -> Option<String> {
    if signal < 1 || signal as usize >= NSIG {
        return None;
    }
    // SAFETY: the number is in range; glibc returns a pointer to a string
    // that stays valid until the next call, and it is copied at once (the
    // interpreter calls this from one thread at a time: the `signal`
    // module's functions run with the thread attached).
    let text = unsafe {
        let p = libc::strsignal(signal);
        if p.is_null() {
            return None;
        }
        CStr::from_ptr(p).to_string_lossy().into_owned()
    };
    Some(text)
}

/// Sleeps `duration`, or less when a signal with a Python handler arrives
/// (`nanosleep` returns `EINTR`): whether it slept the whole time. Only
/// a handler installed without `SA_RESTART` interrupts it, and only in
/// the thread the kernel delivers the signal to.
pub fn sleep_interruptibly(duration: Duration) -> bool {
    let request = libc::timespec {
        tv_sec: duration.as_secs().min(libc::time_t::MAX as u64) as libc::time_t,
        tv_nsec: duration.subsec_nanos() as libc::c_long,
    };
    // SAFETY: both pointers are to timespecs on this stack frame.
    let r = unsafe {
        let mut left: libc::timespec = core::mem::zeroed();
        libc::nanosleep(&request, &mut left)
    };
    r == 0
}

/// `kill(pid, sig)`: sends a signal (0 only checks that `pid` exists).
pub fn kill(pid: i32, sig: i32) -> io::Result<()> {
    // SAFETY: `kill` takes two integers; a bad pid or signal is an error
    // (ESRCH, EINVAL, EPERM), never undefined behaviour.
    let r = unsafe { libc::kill(pid, sig) };
    if r != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// `waitpid(pid, options)`: (the child's pid, its wait status); pid 0 with
/// `WNOHANG` when no child has changed state. Retried on EINTR, as
/// CPython retries it (PEP 475).
pub fn waitpid(pid: i32, options: i32) -> io::Result<(i32, i32)> {
    let mut status = 0i32;
    loop {
        // SAFETY: `status` is a valid, writable C int.
        let r = unsafe { libc::waitpid(pid, &mut status, options) };
        if r < 0 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        return Ok((r, status));
    }
}

/// How many threads this process has (the entries of `/proc/self/task`).
pub fn os_thread_count() -> io::Result<usize> {
    Ok(std::fs::read_dir("/proc/self/task")?.count())
}

/// `fork()`: `0` in the child, the child's pid in the parent.
///
/// The child has one thread, the caller. `os.fork` calls this only when no
/// other thread of the interpreter exists (it counts the process's threads
/// first): a thread that vanished in the child while holding a lock (the
/// GIL's, a heap's, a refcount queue's) would leave it held for ever.
pub fn fork() -> io::Result<i32> {
    // SAFETY: fork takes no arguments; in the child only the calling
    // thread continues, and the caller has checked that no other thread
    // of the interpreter existed to hold a lock (glibc's allocator takes
    // its own locks around fork).
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(pid)
    }
}

/// `_exit(code)`: ends the process at once, without running any cleanup
/// (no buffers flushed, no destructors, no atexit handlers).
pub fn exit_now(code: i32) -> ! {
    // SAFETY: `_exit` takes an integer and does not return.
    unsafe { libc::_exit(code) }
}

/// The kernel's id of the calling thread (`threading.get_native_id()`).
pub fn native_thread_id() -> u64 {
    // SAFETY: `gettid` takes no arguments and cannot fail.
    let tid = unsafe { libc::gettid() };
    tid as u64
}

/// CPU time used by this process, in seconds.
pub fn process_cpu_seconds() -> f64 {
    // SAFETY: `getrusage` writes a `rusage` into the zeroed struct we own.
    let usage = unsafe {
        let mut u: libc::rusage = core::mem::zeroed();
        if libc::getrusage(libc::RUSAGE_SELF, &mut u) != 0 {
            return 0.0;
        }
        u
    };
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 * 1e-6;
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

// ---- descriptors ------------------------------------------------------------

/// `fcntl(fd, F_DUPFD_CLOEXEC, 0)`: a non-inheritable duplicate of `fd`
/// (CPython's `os.dup`).
pub fn dup_cloexec(fd: i32) -> io::Result<i32> {
    // SAFETY: `fcntl` with `F_DUPFD_CLOEXEC` takes two integers; a bad
    // descriptor is EBADF.
    check(unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) })
}

/// Whether `fd` stays open across `exec` (its `FD_CLOEXEC` flag is clear).
pub fn get_inheritable(fd: i32) -> io::Result<bool> {
    // SAFETY: `fcntl(F_GETFD)` takes integers only.
    let flags = check(unsafe { libc::fcntl(fd, libc::F_GETFD) })?;
    Ok(flags & libc::FD_CLOEXEC == 0)
}

/// Sets or clears `fd`'s `FD_CLOEXEC` flag (`os.set_inheritable`).
pub fn set_inheritable(fd: i32, inheritable: bool) -> io::Result<()> {
    set_flag(
        fd,
        libc::F_GETFD,
        libc::F_SETFD,
        libc::FD_CLOEXEC,
        !inheritable,
    )
}

/// Sets (`on`) or clears `bit` in the flags `fcntl(fd, get)` reads and
/// `fcntl(fd, set, flags)` writes (descriptor or file-status flags),
/// writing only when they change.
fn set_flag(
    fd: i32,
    get: libc::c_int,
    set: libc::c_int,
    bit: libc::c_int,
    on: bool,
) -> io::Result<()> {
    // SAFETY: `fcntl(F_GETFD / F_GETFL)` takes integers only.
    let flags = check(unsafe { libc::fcntl(fd, get) })?;
    let new = if on { flags | bit } else { flags & !bit };
    if new != flags {
        // SAFETY: `fcntl(F_SETFD / F_SETFL, flags)` takes integers only.
        check(unsafe { libc::fcntl(fd, set, new) })?;
    }
    Ok(())
}

/// Whether `fd` blocks (`O_NONBLOCK` clear).
pub fn get_blocking(fd: i32) -> io::Result<bool> {
    // SAFETY: `fcntl(F_GETFL)` takes integers only.
    let flags = check(unsafe { libc::fcntl(fd, libc::F_GETFL) })?;
    Ok(flags & libc::O_NONBLOCK == 0)
}

/// Sets or clears `O_NONBLOCK` on `fd` (`os.set_blocking`).
pub fn set_blocking(fd: i32, blocking: bool) -> io::Result<()> {
    set_flag(
        fd,
        libc::F_GETFL,
        libc::F_SETFL,
        libc::O_NONBLOCK,
        !blocking,
    )
}

/// `mkfifo(path, mode)`
pub fn mkfifo(path: &CStr, mode: u32) -> io::Result<()> {
    // SAFETY: `path` is a NUL-terminated string that outlives the call.
    check(unsafe { libc::mkfifo(path.as_ptr(), mode as libc::mode_t) })?;
    Ok(())
}

/// `unlink(path)`
pub fn unlink(path: &CStr) -> io::Result<()> {
    // SAFETY: `path` is a NUL-terminated string that outlives the call.
    check(unsafe { libc::unlink(path.as_ptr()) })?;
    Ok(())
}

/// `wait()`: (a child's pid, its wait status), retried on EINTR.
pub fn wait() -> io::Result<(i32, i32)> {
    waitpid(-1, 0)
}

/// `socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC)`: two connected
/// non-inheritable stream sockets.
pub fn socketpair() -> io::Result<(i32, i32)> {
    let mut fds = [0i32; 2];
    // SAFETY: `fds` is a valid, writable array of two C ints.
    check(unsafe {
        libc::socketpair(
            libc::AF_UNIX,
            libc::SOCK_STREAM | libc::SOCK_CLOEXEC,
            0,
            fds.as_mut_ptr(),
        )
    })?;
    Ok((fds[0], fds[1]))
}

/// A `sockaddr_un` for `path` (at most 107 bytes, no NUL).
fn unix_address(path: &str) -> io::Result<(libc::sockaddr_un, libc::socklen_t)> {
    // SAFETY: a zeroed sockaddr_un is a valid value of the plain C struct.
    let mut addr: libc::sockaddr_un = unsafe { core::mem::zeroed() };
    addr.sun_family = libc::AF_UNIX as libc::sa_family_t;
    let bytes = path.as_bytes();
    if bytes.len() >= addr.sun_path.len() || bytes.contains(&0) {
        return Err(io::Error::from_raw_os_error(libc::EINVAL));
    }
    for (d, b) in addr.sun_path.iter_mut().zip(bytes) {
        *d = *b as libc::c_char;
    }
    let len = core::mem::size_of::<libc::sa_family_t>() + bytes.len() + 1;
    Ok((addr, len as libc::socklen_t))
}

/// A new AF_UNIX stream socket (close-on-exec).
fn unix_socket() -> io::Result<i32> {
    // SAFETY: plain integer arguments.
    let fd = unsafe { libc::socket(libc::AF_UNIX, libc::SOCK_STREAM | libc::SOCK_CLOEXEC, 0) };
    if fd < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(fd)
    }
}

/// A listening AF_UNIX socket bound to the file `path` (mode 0600).
pub fn unix_listen(path: &str) -> io::Result<i32> {
    let (addr, len) = unix_address(path)?;
    let fd = unix_socket()?;
    // SAFETY: `addr` is an initialised sockaddr_un of `len` meaningful
    // bytes that lives across the call; the path is a C string in it.
    let r = unsafe {
        let mut r = libc::bind(fd, (&addr as *const libc::sockaddr_un).cast(), len);
        if r == 0 {
            r = libc::chmod(addr.sun_path.as_ptr(), 0o600);
        }
        if r == 0 {
            r = libc::listen(fd, 64);
        }
        r
    };
    if r != 0 {
        let e = io::Error::last_os_error();
        let _ = close(fd);
        return Err(e);
    }
    Ok(fd)
}

/// Accepts one connection on listening socket `fd` (close-on-exec),
/// retrying on EINTR.
pub fn unix_accept(fd: i32) -> io::Result<i32> {
    loop {
        // SAFETY: null address pointers ask for no peer address.
        let c = unsafe {
            libc::accept4(
                fd,
                core::ptr::null_mut(),
                core::ptr::null_mut(),
                libc::SOCK_CLOEXEC,
            )
        };
        if c >= 0 {
            return Ok(c);
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// A socket connected to the AF_UNIX socket at `path`.
pub fn unix_connect(path: &str) -> io::Result<i32> {
    let (addr, len) = unix_address(path)?;
    let fd = unix_socket()?;
    // SAFETY: as in `unix_listen`.
    let r = unsafe { libc::connect(fd, (&addr as *const libc::sockaddr_un).cast(), len) };
    if r != 0 {
        let e = io::Error::last_os_error();
        let _ = close(fd);
        return Err(e);
    }
    Ok(fd)
}

/// The most descriptors one [`send_fds`] carries.
pub const MAX_FDS: usize = 256;

/// Sends `fds` over the AF_UNIX socket `sock` (`SCM_RIGHTS`) with a
/// one-byte message, their count modulo 256 (CPython's `sendfds`).
pub fn send_fds(sock: i32, fds: &[i32]) -> io::Result<()> {
    if fds.is_empty() || fds.len() > MAX_FDS {
        return Err(io::Error::from_raw_os_error(libc::EINVAL));
    }
    let byte = [(fds.len() % 256) as u8];
    let payload = core::mem::size_of_val(fds);
    // SAFETY: CMSG_SPACE is a pure size computation.
    let space = unsafe { libc::CMSG_SPACE(payload as u32) } as usize;
    // u64 words: the control buffer must be aligned for cmsghdr.
    let mut control = vec![0u64; space.div_ceil(8)];
    // SAFETY: `iov` points at `byte` and `msg_control` at `control`, both
    // live across the call, with their true lengths; CMSG_FIRSTHDR of a
    // buffer of CMSG_SPACE(payload) bytes is a non-null, aligned header
    // inside it, and CMSG_DATA leaves `payload` bytes for the descriptors.
    let r = unsafe {
        let mut iov = libc::iovec {
            iov_base: byte.as_ptr() as *mut libc::c_void,
            iov_len: 1,
        };
        let mut msg: libc::msghdr = core::mem::zeroed();
        msg.msg_iov = &mut iov;
        msg.msg_iovlen = 1;
        msg.msg_control = control.as_mut_ptr().cast();
        msg.msg_controllen = space as _;
        let cmsg = libc::CMSG_FIRSTHDR(&msg);
        (*cmsg).cmsg_level = libc::SOL_SOCKET;
        (*cmsg).cmsg_type = libc::SCM_RIGHTS;
        (*cmsg).cmsg_len = libc::CMSG_LEN(payload as u32) as _;
        core::ptr::copy_nonoverlapping(fds.as_ptr().cast::<u8>(), libc::CMSG_DATA(cmsg), payload);
        libc::sendmsg(sock, &msg, 0)
    };
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
}

/// Receives up to `max` descriptors sent by [`send_fds`] on `sock`
/// (close-on-exec); EOFError-like `UnexpectedEof` when the peer closed
/// without sending, `InvalidData` when the count byte disagrees.
pub fn recv_fds(sock: i32, max: usize) -> io::Result<Vec<i32>> {
    let max = max.clamp(1, MAX_FDS + 1);
    let payload = max * core::mem::size_of::<i32>();
    // SAFETY: a pure size computation.
    let space = unsafe { libc::CMSG_SPACE(payload as u32) } as usize;
    let mut control = vec![0u64; space.div_ceil(8)];
    let mut byte = [0u8; 1];
    let mut fds = Vec::new();
    // SAFETY: as in `send_fds`; after `recvmsg` the kernel has written
    // `msg_controllen` bytes of headers into `control`, which the
    // CMSG_FIRSTHDR/CMSG_NXTHDR walk stays inside, and each SCM_RIGHTS
    // header's data holds (cmsg_len - CMSG_LEN(0)) / 4 descriptors, read
    // unaligned.
    let n = unsafe {
        let mut iov = libc::iovec {
            iov_base: byte.as_mut_ptr().cast(),
            iov_len: 1,
        };
        let mut msg: libc::msghdr = core::mem::zeroed();
        msg.msg_iov = &mut iov;
        msg.msg_iovlen = 1;
        msg.msg_control = control.as_mut_ptr().cast();
        msg.msg_controllen = space as _;
        let n = loop {
            let n = libc::recvmsg(sock, &mut msg, libc::MSG_CMSG_CLOEXEC);
            if n >= 0 || io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
                break n;
            }
        };
        if n > 0 {
            let mut cmsg = libc::CMSG_FIRSTHDR(&msg);
            while !cmsg.is_null() {
                if (*cmsg).cmsg_level == libc::SOL_SOCKET && (*cmsg).cmsg_type == libc::SCM_RIGHTS {
                    let data = libc::CMSG_DATA(cmsg);
                    let bytes = (*cmsg).cmsg_len as usize - libc::CMSG_LEN(0) as usize;
                    for i in 0..bytes / core::mem::size_of::<i32>() {
                        fds.push(core::ptr::read_unaligned(data.cast::<i32>().add(i)));
                    }
                }
                cmsg = libc::CMSG_NXTHDR(&msg, cmsg);
            }
        }
        n
    };
    if n < 0 {
        return Err(io::Error::last_os_error());
    }
    if n == 0 && fds.is_empty() {
        return Err(io::Error::from(io::ErrorKind::UnexpectedEof));
    }
    if fds.is_empty() || byte[0] as usize != fds.len() % 256 {
        for fd in fds {
            let _ = close(fd);
        }
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "received a message without the descriptors it announced",
        ));
    }
    Ok(fds)
}

/// The descriptors of `fds` that are readable — a read would not block:
/// data, end of file (`POLLHUP`) or an error (`POLLERR`) — within
/// `timeout` (`None`: no limit; zero: check now), in `fds`' order; empty
/// when the time ran out. `poll` is retried on EINTR with the time left.
/// A descriptor that is not open is EBADF (`POLLNVAL`).
pub fn poll_readable(fds: &[i32], timeout: Option<Duration>) -> io::Result<Vec<i32>> {
    let mut pfds: Vec<libc::pollfd> = fds
        .iter()
        .map(|&fd| libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        })
        .collect();
    // `None` inside: too far away to represent, which is no limit.
    let deadline = timeout.map(|t| Instant::now().checked_add(t));
    loop {
        let ms: libc::c_int = match deadline {
            None | Some(None) => -1,
            Some(Some(d)) => {
                let left = d.saturating_duration_since(Instant::now());
                // Rounded up, as CPython's `select.poll` rounds, so that a
                // wait never ends before its time.
                let ms = left.as_nanos().div_ceil(1_000_000);
                ms.min(libc::c_int::MAX as u128) as libc::c_int
            }
        };
        // SAFETY: `pfds` is a valid, writable array of `pfds.len()`
        // `pollfd`s.
        let r = unsafe { libc::poll(pfds.as_mut_ptr(), pfds.len() as libc::nfds_t, ms) };
        if r < 0 {
            let e = last_error();
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        if r == 0 {
            match deadline {
                Some(Some(d)) if Instant::now() < d => continue,
                None | Some(None) => continue,
                _ => return Ok(Vec::new()),
            }
        }
        if pfds.iter().any(|p| p.revents & libc::POLLNVAL != 0) {
            return Err(io::Error::from_raw_os_error(libc::EBADF));
        }
        let ready = libc::POLLIN | libc::POLLHUP | libc::POLLERR;
        return Ok(pfds
            .iter()
            .filter(|p| p.revents & ready != 0)
            .map(|p| p.fd)
            .collect());
    }
}

// ---- processes --------------------------------------------------------------

/// Starts `path` with argument vector `args` (`args[0]` is its `argv[0]`;
/// at least one) as a child process and returns its pid without waiting
/// for it. The child keeps stdin, stdout and stderr, and the descriptors of
/// `passfds`, whose `FD_CLOEXEC` flag it clears between fork and exec; every
/// other descriptor is as it is in the parent (close-on-exec ones close at
/// the exec). `path` is taken as a path, never searched for in `PATH`
/// (`os.execv`'s rule). A missing program is the exec's errno (ENOENT),
/// reported by `spawn` after it has reaped the failed child; a started
/// child is left for the caller to reap (`os.waitpid`): dropping a `Child`
/// neither waits for nor kills it.
pub fn spawn_passfds(path: &str, args: &[String], passfds: &[i32]) -> io::Result<u32> {
    use std::os::unix::process::CommandExt;
    let program = if path.contains('/') {
        std::path::PathBuf::from(path)
    } else {
        std::path::Path::new(".").join(path)
    };
    let mut cmd = std::process::Command::new(program);
    if let Some((first, rest)) = args.split_first() {
        cmd.arg0(first).args(rest);
    }
    let fds = passfds.to_vec();
    // SAFETY: the hook runs in the forked child before exec, where only
    // async-signal-safe calls are allowed: it reads `fds` (allocated before
    // the fork, never freed or grown in the child) and calls `fcntl`,
    // which is async-signal-safe; `last_os_error` only reads errno and
    // allocates nothing.
    unsafe {
        cmd.pre_exec(move || {
            for &fd in &fds {
                let flags = libc::fcntl(fd, libc::F_GETFD);
                if flags < 0 || libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC) < 0 {
                    return Err(io::Error::last_os_error());
                }
            }
            Ok(())
        });
    }
    let child = cmd.spawn()?;
    Ok(child.id())
}

// ---- POSIX named semaphores -------------------------------------------------

/// A POSIX named semaphore this process has open (one `sem_open`
/// reference, given back by `sem_close` when the value is dropped).
pub struct Semaphore {
    sem: NonNull<libc::sem_t>,
}

// SAFETY: a POSIX semaphore is made to be used from several threads (and
// processes) at once; every use goes through the `sem_*` calls, which
// synchronise, and the pointer itself is never written.
unsafe impl Send for Semaphore {}
// SAFETY: as for `Send`: shared use is the semaphore's purpose.
unsafe impl Sync for Semaphore {}

/// The semaphores this process has open, by address: what
/// [`Semaphore::from_handle`] may hand out. glibc returns the same address
/// for a second `sem_open` of a name (counting the opens), so an address
/// may have several `Semaphore`s; the table keeps one that lives.
static OPEN_SEMAPHORES: Mutex<BTreeMap<usize, Weak<Semaphore>>> = Mutex::new(BTreeMap::new());

impl Semaphore {
    fn register(sem: *mut libc::sem_t) -> io::Result<Arc<Semaphore>> {
        if sem == libc::SEM_FAILED {
            return Err(last_error());
        }
        let sem = NonNull::new(sem).ok_or_else(|| io::Error::from_raw_os_error(libc::EINVAL))?;
        let arc = Arc::new(Semaphore { sem });
        OPEN_SEMAPHORES
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(arc.handle(), Arc::downgrade(&arc));
        Ok(arc)
    }

    /// `sem_open(name, O_CREAT | O_EXCL, 0600, value)`: a new semaphore
    /// (EEXIST if the name exists).
    pub fn create(name: &CStr, value: u32) -> io::Result<Arc<Semaphore>> {
        // SAFETY: `name` is a NUL-terminated string that outlives the
        // call; the variadic mode and value are passed as the C ABI
        // promotes them (`unsigned int`).
        let sem = unsafe {
            libc::sem_open(
                name.as_ptr(),
                libc::O_CREAT | libc::O_EXCL,
                0o600 as libc::c_uint,
                value as libc::c_uint,
            )
        };
        Self::register(sem)
    }

    /// `sem_open(name, 0)`: an existing semaphore.
    pub fn open(name: &CStr) -> io::Result<Arc<Semaphore>> {
        // SAFETY: `name` is a NUL-terminated string that outlives the call.
        let sem = unsafe { libc::sem_open(name.as_ptr(), 0) };
        Self::register(sem)
    }

    /// The open semaphore at address `handle`, if this process has one.
    pub fn from_handle(handle: usize) -> Option<Arc<Semaphore>> {
        OPEN_SEMAPHORES
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&handle)
            .and_then(Weak::upgrade)
    }

    /// The semaphore's address (`SemLock.handle`).
    pub fn handle(&self) -> usize {
        self.sem.as_ptr() as usize
    }

    /// `sem_trywait`: `false` if the value is zero (EAGAIN); EINTR retried.
    pub fn try_acquire(&self) -> io::Result<bool> {
        loop {
            // SAFETY: `sem` is open (closed only on drop).
            if unsafe { libc::sem_trywait(self.sem.as_ptr()) } == 0 {
                return Ok(true);
            }
            let e = last_error();
            match e.raw_os_error() {
                Some(libc::EINTR) => continue,
                Some(libc::EAGAIN) => return Ok(false),
                _ => return Err(e),
            }
        }
    }

    /// `sem_wait`, or `sem_timedwait` until the `CLOCK_REALTIME` time
    /// `deadline`: `false` when the deadline passed first (ETIMEDOUT);
    /// EINTR retried with the same deadline.
    pub fn acquire(&self, deadline: Option<&libc::timespec>) -> io::Result<bool> {
        loop {
            // SAFETY: `sem` is open; `deadline` is a valid timespec.
            let r = unsafe {
                match deadline {
                    None => libc::sem_wait(self.sem.as_ptr()),
                    Some(d) => libc::sem_timedwait(self.sem.as_ptr(), d),
                }
            };
            if r == 0 {
                return Ok(true);
            }
            let e = last_error();
            match e.raw_os_error() {
                Some(libc::EINTR) => continue,
                Some(libc::ETIMEDOUT) | Some(libc::EAGAIN) => return Ok(false),
                _ => return Err(e),
            }
        }
    }

    /// `sem_post`
    pub fn release(&self) -> io::Result<()> {
        // SAFETY: `sem` is open.
        check(unsafe { libc::sem_post(self.sem.as_ptr()) })?;
        Ok(())
    }

    /// `sem_getvalue`
    pub fn value(&self) -> io::Result<i32> {
        let mut v: libc::c_int = 0;
        // SAFETY: `sem` is open; `v` is a valid, writable C int.
        check(unsafe { libc::sem_getvalue(self.sem.as_ptr(), &mut v) })?;
        Ok(v)
    }
}

impl Drop for Semaphore {
    fn drop(&mut self) {
        let handle = self.handle();
        {
            let mut open = OPEN_SEMAPHORES
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            // The entry may be another, living `Semaphore` of the same
            // address (a second open of the name): keep that one.
            if open.get(&handle).is_some_and(|w| w.upgrade().is_none()) {
                open.remove(&handle);
            }
        }
        // SAFETY: `sem` came from `sem_open` and this value owns one
        // reference to it, given back exactly once, here.
        unsafe { libc::sem_close(self.sem.as_ptr()) };
    }
}

/// `sem_unlink(name)`: removes the name (open semaphores stay usable).
pub fn sem_unlink(name: &CStr) -> io::Result<()> {
    // SAFETY: `name` is a NUL-terminated string that outlives the call.
    check(unsafe { libc::sem_unlink(name.as_ptr()) })?;
    Ok(())
}

/// The `CLOCK_REALTIME` time `seconds` from now (what `sem_timedwait`
/// takes), as CPython's `semlock_acquire` computes it; `seconds` is finite
/// and not negative.
pub fn realtime_deadline(seconds: f64) -> libc::timespec {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid, writable timespec; CLOCK_REALTIME exists.
    unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut now) };
    let sec = seconds as libc::time_t;
    // At most 1e9 (rounded up): with `now.tv_nsec` below 1e9 the sum fits
    // even a 32-bit `long`.
    let nsec = (1e9 * (seconds - sec as f64) + 0.5) as libc::c_long;
    let total_nsec = now.tv_nsec + nsec;
    libc::timespec {
        tv_sec: now
            .tv_sec
            .saturating_add(sec)
            .saturating_add((total_nsec / 1_000_000_000) as libc::time_t),
        tv_nsec: total_nsec % 1_000_000_000,
    }
}

// ---- shared memory ----------------------------------------------------------

/// A `MAP_SHARED` read-write mapping of a sealed `memfd` (the memory of
/// `multiprocessing`'s `Value`s and `Array`s), with the descriptor that a
/// child process attaches by.
///
/// Invariants: `ptr` is the page-aligned start of a mapping of `len`
/// bytes of `fd` (none when `len` is 0) that lives until drop; the file
/// is at least `len` bytes and sealed against shrinking, so every byte of
/// the mapping is backed; the mapping is read and written only through
/// atomics (other processes write it at the same time).
pub struct SharedMapping {
    ptr: NonNull<u8>,
    len: usize,
    fd: i32,
}

// SAFETY: the mapping is plain shared memory, reached only through atomic
// loads and stores; the pointer and length never change.
unsafe impl Send for SharedMapping {}
// SAFETY: as for `Send`: every access is atomic.
unsafe impl Sync for SharedMapping {}

/// The seals of a shared buffer's `memfd`: it cannot shrink (no access of
/// the mapping faults), grow, or take other seals.
const SHARED_SEALS: libc::c_int = libc::F_SEAL_SHRINK | libc::F_SEAL_GROW | libc::F_SEAL_SEAL;

impl SharedMapping {
    /// A new zeroed buffer of `len` bytes: `memfd_create("ftl-mp",
    /// MFD_CLOEXEC | MFD_ALLOW_SEALING)`, `ftruncate`, seals, `mmap`.
    pub fn create(len: usize) -> io::Result<SharedMapping> {
        let size =
            libc::off_t::try_from(len).map_err(|_| io::Error::from_raw_os_error(libc::EFBIG))?;
        // SAFETY: the name is a NUL-terminated literal.
        let fd = check(unsafe {
            libc::memfd_create(
                c"ftl-mp".as_ptr(),
                libc::MFD_CLOEXEC | libc::MFD_ALLOW_SEALING,
            )
        })?;
        let close_on_error = |e: io::Error| {
            // SAFETY: `fd` is ours and not yet handed out.
            unsafe { libc::close(fd) };
            e
        };
        // SAFETY: `ftruncate` and `fcntl(F_ADD_SEALS)` take integers only.
        check(unsafe { libc::ftruncate(fd, size) }).map_err(close_on_error)?;
        // SAFETY: as above.
        check(unsafe { libc::fcntl(fd, libc::F_ADD_SEALS, SHARED_SEALS) })
            .map_err(close_on_error)?;
        Self::map(fd, len).map_err(close_on_error)
    }

    /// Maps the first `len` bytes of `fd`, which a parent made with
    /// [`create`](Self::create) (a child receives it open): EINVAL unless
    /// it is sealed against shrinking and at least `len` bytes long. The
    /// mapping works on its own duplicate of `fd`; the caller keeps `fd`.
    pub fn attach(fd: i32, len: usize) -> io::Result<SharedMapping> {
        // SAFETY: `fcntl(F_GET_SEALS)` takes integers only.
        let seals = check(unsafe { libc::fcntl(fd, libc::F_GET_SEALS) })?;
        if seals & libc::F_SEAL_SHRINK == 0 {
            return Err(io::Error::from_raw_os_error(libc::EINVAL));
        }
        // SAFETY: `st` is a valid, writable `stat`, zeroed (a valid value).
        let mut st: libc::stat = unsafe { core::mem::zeroed() };
        // SAFETY: as above.
        check(unsafe { libc::fstat(fd, &mut st) })?;
        if u64::try_from(st.st_size).unwrap_or(0) < len as u64 {
            return Err(io::Error::from_raw_os_error(libc::EINVAL));
        }
        let dup = dup_cloexec(fd)?;
        Self::map(dup, len).inspect_err(|_| {
            // SAFETY: `dup` is ours and not yet handed out.
            unsafe { libc::close(dup) };
        })
    }

    /// Maps `len` bytes of `fd` (which the result then owns).
    fn map(fd: i32, len: usize) -> io::Result<SharedMapping> {
        if len == 0 {
            return Ok(SharedMapping {
                ptr: NonNull::dangling(),
                len,
                fd,
            });
        }
        // SAFETY: a fresh mapping chosen by the kernel (no address hint),
        // of a descriptor the caller checked; the result is checked.
        let p = unsafe {
            libc::mmap(
                core::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED,
                fd,
                0,
            )
        };
        if p == libc::MAP_FAILED {
            return Err(last_error());
        }
        let ptr = NonNull::new(p.cast::<u8>())
            .ok_or_else(|| io::Error::from_raw_os_error(libc::EINVAL))?;
        Ok(SharedMapping { ptr, len, fd })
    }

    /// Its size in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether it has no bytes.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The descriptor a child attaches by.
    pub fn fd(&self) -> i32 {
        self.fd
    }

    /// The address of `width` bytes at `offset`, checked in bounds and
    /// aligned to `width` (a power of two up to 8).
    fn at(&self, offset: usize, width: usize) -> *mut u8 {
        assert!(width.is_power_of_two() && width <= 8, "width {width}");
        assert!(
            offset.is_multiple_of(width)
                && offset.checked_add(width).is_some_and(|end| end <= self.len),
            "shared access of {width} bytes at {offset} outside 0..{}",
            self.len
        );
        // SAFETY: in bounds of the mapping, checked just above.
        unsafe { self.ptr.as_ptr().add(offset) }
    }

    /// A relaxed atomic load of the `width`-byte (1, 2, 4 or 8) native
    /// integer at `offset` (a multiple of `width`), zero-extended.
    pub fn load(&self, offset: usize, width: usize) -> u64 {
        let p = self.at(offset, width);
        // SAFETY: `p` is in bounds, aligned to `width` (the mapping is
        // page aligned and `offset` a multiple of `width`), valid while
        // `self` lives, and every access of the mapping is atomic.
        unsafe {
            match width {
                1 => u64::from(AtomicU8::from_ptr(p).load(Ordering::Relaxed)),
                2 => u64::from(AtomicU16::from_ptr(p.cast()).load(Ordering::Relaxed)),
                4 => u64::from(AtomicU32::from_ptr(p.cast()).load(Ordering::Relaxed)),
                _ => AtomicU64::from_ptr(p.cast()).load(Ordering::Relaxed),
            }
        }
    }

    /// A relaxed atomic store of the low `width` bytes of `value` at
    /// `offset` (as [`load`](Self::load)).
    pub fn store(&self, offset: usize, width: usize, value: u64) {
        let p = self.at(offset, width);
        // SAFETY: as in `load`.
        unsafe {
            match width {
                1 => AtomicU8::from_ptr(p).store(value as u8, Ordering::Relaxed),
                2 => AtomicU16::from_ptr(p.cast()).store(value as u16, Ordering::Relaxed),
                4 => AtomicU32::from_ptr(p.cast()).store(value as u32, Ordering::Relaxed),
                _ => AtomicU64::from_ptr(p.cast()).store(value, Ordering::Relaxed),
            }
        }
    }

    /// `n` bytes from `offset`, each a relaxed atomic byte load.
    pub fn read(&self, offset: usize, n: usize) -> Vec<u8> {
        (offset..offset + n)
            .map(|i| self.load(i, 1) as u8)
            .collect()
    }

    /// Writes `data` at `offset`, each byte a relaxed atomic store.
    pub fn write(&self, offset: usize, data: &[u8]) {
        for (i, b) in data.iter().enumerate() {
            self.store(offset + i, 1, u64::from(*b));
        }
    }
}

impl Drop for SharedMapping {
    fn drop(&mut self) {
        if self.len > 0 {
            // SAFETY: the mapping made in `map`, unmapped once; no
            // reference into it outlives `self` (accesses borrow `self`).
            unsafe { libc::munmap(self.ptr.as_ptr().cast(), self.len) };
        }
        // SAFETY: this value owns `fd`.
        unsafe { libc::close(self.fd) };
    }
}
