//! Running one child process: its output, its exit, its time and memory.
//!
//! Every command xtask measures or compares (`parity`'s python and ftl
//! runs, `bench`'s cells) goes through [`run`]. The child gets stdin
//! closed, stdout and stderr on pipes, and a process group of its own
//! (so that a `multiprocessing` pool it started dies with it on a
//! timeout).
//!
//! Mechanism: each pipe is read to its end on a thread of its own, so a
//! full pipe never stalls the child. A waiter thread blocks in `wait4(2)`
//! on the child's pid, which reaps it and returns its resource usage:
//! user and system CPU time of the child *and of every descendant it
//! waited for* (a pool's workers, once the pool is joined), and its peak
//! resident set. Wall time runs from just before `spawn` to the moment
//! `wait4` returns. The calling thread waits on the waiter with the time
//! limit; past it, the whole process group gets `SIGKILL` and the run is
//! reported as timed out.
//!
//! Invariants: the child is reaped exactly once, by the waiter (the
//! `std::process::Child` handle is never waited on, so there is no second
//! `wait`); a run returns once the child is reaped and both pipes are
//! drained, or 5 s after the child ended if a grandchild kept a pipe open
//! (then the group is killed and the run is reported as failed).

#![allow(unsafe_code)] // wait4 and the process-group calls through libc

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Exited with this status.
    Exited(i32),
    /// Killed by this signal.
    Signaled(i32),
    /// Killed at the time limit.
    TimedOut,
    /// Could not start, or could not be waited for.
    Failed(String),
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Status::Exited(c) => write!(f, "exit status {c}"),
            Status::Signaled(s) => write!(f, "killed by signal {s}"),
            Status::TimedOut => write!(f, "timed out"),
            Status::Failed(why) => write!(f, "could not run: {why}"),
        }
    }
}

/// What `wait4` reported about a child that ended.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Usage {
    /// Wall-clock seconds from spawn to exit.
    pub wall_s: f64,
    /// User + system CPU seconds of the child and its waited-for
    /// descendants.
    pub cpu_s: f64,
    /// Peak resident set size in MiB (the largest of the child and its
    /// waited-for descendants).
    pub max_rss_mib: f64,
}

/// The result of one run.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Standard output, decoded lossily.
    pub stdout: String,
    /// Standard error, decoded lossily.
    pub stderr: String,
    /// How it ended.
    pub status: Status,
    /// Time and memory, when the child ran and was reaped (also after a
    /// timeout kill).
    pub usage: Option<Usage>,
}

impl Outcome {
    fn failed(why: String) -> Outcome {
        Outcome {
            stdout: String::new(),
            stderr: String::new(),
            status: Status::Failed(why),
            usage: None,
        }
    }
}

/// Runs `cmd` to its end or to `timeout`; see the module doc.
pub fn run(cmd: &mut Command, timeout: Duration) -> Outcome {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let start = Instant::now();
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => return Outcome::failed(e.to_string()),
    };
    let Ok(pid) = libc::pid_t::try_from(child.id()) else {
        return Outcome::failed("pid out of range".into());
    };
    let out = drain(child.stdout.take());
    let err = drain(child.stderr.take());
    // `child` is dropped without a wait: the waiter thread reaps it.
    drop(child);
    let waiter = spawn_waiter(pid, start);
    let (status, usage) = match waiter.recv_timeout(timeout) {
        Ok(r) => r,
        Err(_) => {
            kill_group(pid);
            match waiter.recv() {
                Ok((_, usage)) => (Status::TimedOut, usage),
                Err(_) => (Status::TimedOut, None),
            }
        }
    };
    let grace = Duration::from_secs(5);
    let (Ok(stdout), Ok(stderr)) = (out.recv_timeout(grace), err.recv_timeout(grace)) else {
        kill_group(pid);
        return Outcome {
            status: Status::Failed("its output pipes stayed open after it ended".into()),
            usage,
            ..Outcome::failed(String::new())
        };
    };
    Outcome {
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        status,
        usage,
    }
}

/// Sends SIGKILL to the process group led by `pid`.
fn kill_group(pid: libc::pid_t) {
    // SAFETY: kill(2) with a negative pid signals a process group; it has
    // no memory effects on this process.
    unsafe {
        libc::kill(-pid, libc::SIGKILL);
    }
}

/// Blocks in `wait4(pid)` on a thread; sends how the child ended.
fn spawn_waiter(pid: libc::pid_t, start: Instant) -> mpsc::Receiver<(Status, Option<Usage>)> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut raw_status: libc::c_int = 0;
        // SAFETY: an all-zero `rusage` is a valid value of that plain C struct.
        let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
        let result = loop {
            // SAFETY: `raw_status` and `ru` are valid for writes for the
            // duration of the call; `pid` is our own unreaped child.
            let r = unsafe { libc::wait4(pid, &mut raw_status, 0, &mut ru) };
            if r == -1 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted
            {
                continue;
            }
            break r;
        };
        let wall_s = start.elapsed().as_secs_f64();
        let sent = if result == pid {
            let status = if libc::WIFEXITED(raw_status) {
                Status::Exited(libc::WEXITSTATUS(raw_status))
            } else if libc::WIFSIGNALED(raw_status) {
                Status::Signaled(libc::WTERMSIG(raw_status))
            } else {
                Status::Failed(format!("unexpected wait status {raw_status}"))
            };
            let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 * 1e-6;
            let usage = Usage {
                wall_s,
                cpu_s: secs(ru.ru_utime) + secs(ru.ru_stime),
                // Linux reports ru_maxrss in KiB.
                max_rss_mib: ru.ru_maxrss as f64 / 1024.0,
            };
            (status, Some(usage))
        } else {
            let e = std::io::Error::last_os_error();
            (Status::Failed(format!("cannot wait for it: {e}")), None)
        };
        let _ = tx.send(sent);
    });
    rx
}

/// Reads a pipe to its end on a thread; the bytes arrive on the channel.
fn drain(pipe: Option<impl Read + Send + 'static>) -> mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut p) = pipe {
            // A read error leaves what was read so far.
            let _ = p.read_to_end(&mut buf);
        }
        let _ = tx.send(buf);
    });
    rx
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str) -> Command {
        let mut c = Command::new("sh");
        c.args(["-c", script]);
        c
    }

    #[test]
    fn output_and_exit_status() {
        let o = run(
            &mut sh("echo out; echo err >&2; exit 3"),
            Duration::from_secs(20),
        );
        assert_eq!(o.stdout, "out\n");
        assert_eq!(o.stderr, "err\n");
        assert_eq!(o.status, Status::Exited(3));
        assert!(o.usage.is_some());
    }

    #[test]
    fn cpu_time_includes_waited_children() {
        // The child's own child burns CPU; wait4's usage must include it.
        let o = run(
            &mut sh("sh -c 'i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done'"),
            Duration::from_secs(60),
        );
        assert_eq!(o.status, Status::Exited(0));
        let u = o.usage.expect("usage");
        assert!(u.cpu_s > 0.0, "cpu {u:?}");
        assert!(u.wall_s > 0.0 && u.max_rss_mib > 0.0, "{u:?}");
    }

    #[test]
    fn a_timeout_kills_the_whole_group() {
        // The grandchild holds stdout open; killing only the child would
        // leave the pipe open past the grace period.
        let o = run(&mut sh("sleep 30 & sleep 30"), Duration::from_millis(200));
        assert_eq!(o.status, Status::TimedOut);
    }

    #[test]
    fn a_missing_program_is_a_failure_not_a_panic() {
        let o = run(
            &mut Command::new("/nonexistent/xtask-test-program"),
            Duration::from_secs(5),
        );
        assert!(matches!(o.status, Status::Failed(_)), "{:?}", o.status);
    }

    #[test]
    fn a_signal_is_reported() {
        let o = run(&mut sh("kill -9 $$"), Duration::from_secs(5));
        assert_eq!(o.status, Status::Signaled(9));
    }
}
