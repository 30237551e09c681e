//! Thin wrappers over the OS calls the `os` and `time` modules need.
//!
//! `os.pipe`, `os.read`, `os.write` and `os.close` work on integer file
//! descriptors, which Rust's standard library only reaches through `unsafe`
//! conversions; `os.kill`, `os.waitpid` and `os._exit` work on process ids
//! and wait statuses. This module makes the raw calls through `libc`. It is
//! one of the VM's few `unsafe` modules: each call passes a buffer that the
//! borrow checker keeps valid for its length (or a plain integer), and the
//! kernel validates descriptors and process ids (a bad one is an `EBADF` or
//! `ESRCH` error, not undefined behaviour).

#![allow(unsafe_code)] // raw fd calls through libc

use std::io;

/// `pipe()`: (read end, write end).
pub fn pipe() -> io::Result<(i32, i32)> {
    let mut fds = [0i32; 2];
    // SAFETY: `fds` is a valid, writable array of two C ints.
    let r = unsafe { libc::pipe(fds.as_mut_ptr()) };
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
