//! Threads through the `ftl` binary: what the parity corpus cannot check
//! because it compares stdout only — exit statuses, stderr reports, the
//! end of the process with daemon threads still running, runtimes that
//! have no threads, and the GIL timeline file.
//!
//! Every program is also a CPython 3.11 program, and the expectations
//! (statuses, stderr lines) are what `python3` does with it, except the
//! PEP 556 ones (`gc.set_mode`: no CPython has it).

use std::io::Write;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

/// Runs `src` with `ftl run ARGS... prog.py` in a fresh directory, killing
/// it if it has not ended after 60 s (a hang is a failure, not a figure).
fn ftl(args: &[&str], src: &str) -> Output {
    ftl_with_modules(args, src, &[])
}

/// [`ftl`] with `modules` (name, source) written beside the program.
fn ftl_with_modules(args: &[&str], src: &str, modules: &[(&str, &str)]) -> Output {
    let dir = tempdir();
    for (name, text) in modules {
        std::fs::write(dir.join(format!("{name}.py")), text).expect("write a module");
    }
    let prog = dir.join("prog.py");
    std::fs::File::create(&prog)
        .and_then(|mut f| f.write_all(src.as_bytes()))
        .expect("write the program");
    let child = Command::new(env!("CARGO_BIN_EXE_ftl"))
        .arg("run")
        .args(args)
        .arg("prog.py")
        .current_dir(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn ftl");
    let id = child.id();
    let watchdog = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(60));
        // The child has normally ended long before; killing a reused pid is
        // avoided by the test process still being its parent (not reaped
        // until wait_with_output returns).
        let _ = Command::new("kill").arg("-9").arg(id.to_string()).status();
    });
    let out = child.wait_with_output().expect("wait for ftl");
    drop(watchdog);
    out
}

fn tempdir() -> std::path::PathBuf {
    static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let d = std::env::temp_dir().join(format!("ftl-threads-test-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const GIL_RUNTIMES: &[&str] = &["gil-new", "gil-old", "gil-fair"];

/// Every runtime that runs threads: the GILs and the free-threaded heaps.
const THREADED_RUNTIMES: &[&str] = &[
    "gil-new",
    "gil-old",
    "gil-fair",
    "ft-atomic",
    "ft-locked",
    "ft-biased",
    "ft-buffered",
];

#[test]
fn a_runtime_without_threads_refuses_to_start_one() {
    let src = "import threading\nt = threading.Thread(target=print)\nt.start()\n";
    {
        let rt = "single";
        let out = ftl(&["--runtime", rt], src);
        assert_eq!(out.status.code(), Some(1), "{rt}");
        let err = stderr(&out);
        let last = err.lines().last().unwrap_or("");
        assert!(
            last.starts_with("RuntimeError: can't start new thread: the '")
                && last.contains("runs one thread"),
            "{rt}: {last}"
        );
        assert!(!err.contains("panicked"), "{rt}: {err}");
    }
}

#[test]
fn os_exit_from_a_thread_ends_the_process_at_once() {
    // `os._exit` skips the wait for non-daemon threads (and all other
    // cleanup), from any thread, as in CPython: status 7, no hang.
    let src = r#"import os, threading
never = threading.Event()
threading.Thread(target=never.wait).start()
def leave():
    os._exit(7)
threading.Thread(target=leave).start()
never.wait()
"#;
    for rt in THREADED_RUNTIMES {
        let out = ftl(&["--runtime", rt], src);
        assert_eq!(out.status.code(), Some(7), "{rt}: {}", stderr(&out));
    }
}

#[test]
fn daemon_threads_do_not_keep_the_process_alive() {
    let src = r#"import threading, time
never = threading.Event()
threading.Thread(target=never.wait, daemon=True).start()
def spin():
    while True:
        time.sleep(0.001)
threading.Thread(target=spin, daemon=True).start()
def busy():
    n = 0
    while True:
        n += 1
threading.Thread(target=busy, daemon=True).start()
print("main done")
"#;
    for rt in THREADED_RUNTIMES {
        let out = ftl(&["--runtime", rt], src);
        assert_eq!(out.status.code(), Some(0), "{rt}: {}", stderr(&out));
        assert_eq!(stdout(&out), "main done\n", "{rt}");
    }
}

#[test]
fn daemon_threads_run_no_python_during_teardown() {
    // Two daemon threads read and write module globals in a loop while the
    // main thread ends: once `threading._shutdown()` has returned, they must
    // stop before `__main__`'s globals are cleared (no NameError, nothing
    // on stderr), as in CPython where they hang trying to re-attach.
    let src = r#"import threading, time
counter = 0
started = threading.Semaphore(0)
def spin():
    global counter
    started.release()
    while True:
        counter += 1
        if threading.current_thread() is None:
            break
for _ in range(2):
    threading.Thread(target=spin, daemon=True).start()
started.acquire()
started.acquire()
time.sleep(0.02)
print("main done", counter > 0)
"#;
    for rt in THREADED_RUNTIMES {
        for _ in 0..5 {
            let out = ftl(&["--runtime", rt], src);
            assert_eq!(out.status.code(), Some(0), "{rt}: {}", stderr(&out));
            assert_eq!(stdout(&out), "main done True\n", "{rt}");
            assert_eq!(stderr(&out), "", "{rt}");
        }
    }
}

#[test]
fn the_interpreter_waits_for_non_daemon_threads() {
    let src = r#"import threading, time, sys
def late():
    time.sleep(0.05)
    print("worker finished")
threading.Thread(target=late).start()
print("main done")
sys.exit(3)
"#;
    for rt in THREADED_RUNTIMES {
        let out = ftl(&["--runtime", rt], src);
        assert_eq!(out.status.code(), Some(3), "{rt}: {}", stderr(&out));
        assert_eq!(stdout(&out), "main done\nworker finished\n", "{rt}");
    }
}

#[test]
fn an_exception_in_a_thread_is_reported_and_the_process_goes_on() {
    let src = r#"import threading
def fail():
    raise ValueError("boom")
t = threading.Thread(target=fail, name="worker")
t.start()
t.join()
print("alive:", t.is_alive())
"#;
    for rt in THREADED_RUNTIMES {
        let out = ftl(&["--runtime", rt], src);
        assert_eq!(out.status.code(), Some(0), "{rt}");
        assert_eq!(stdout(&out), "alive: False\n", "{rt}");
        let err = stderr(&out);
        assert!(
            err.starts_with("Exception in thread worker:\nTraceback (most recent call last):\n"),
            "{rt}: {err}"
        );
        assert!(
            err.contains("  File \"prog.py\", line 3, in fail\n    raise ValueError(\"boom\")\n"),
            "{rt}: {err}"
        );
        assert!(err.ends_with("ValueError: boom\n"), "{rt}: {err}");
    }
}

#[test]
fn an_exception_in_a_raw_thread_is_reported_as_unraisable() {
    let src = r#"import _thread, time
done = _thread.allocate_lock()
done.acquire()
def fail():
    try:
        raise KeyError("k")
    finally:
        done.release()
_thread.start_new_thread(fail, ())
done.acquire()
time.sleep(0.05)
print("ok")
"#;
    let out = ftl(&[], src);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "ok\n");
    let err = stderr(&out);
    assert!(
        err.starts_with("Exception ignored in thread started by: <function fail at 0x"),
        "{err}"
    );
    assert!(err.ends_with("KeyError: 'k'\n"), "{err}");
}

#[test]
fn deep_recursion_in_a_thread_is_a_recursion_error() {
    let src = r#"import threading
def down(n):
    return down(n + 1)
out = []
def body():
    try:
        down(0)
    except RecursionError as e:
        out.append(str(e))
t = threading.Thread(target=body)
t.start()
t.join()
print(out)
"#;
    let out = ftl(&[], src);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "['maximum recursion depth exceeded']\n");
}

#[test]
fn the_timeline_records_every_thread() {
    let dir = tempdir();
    let path = dir.join("events.json");
    let src = r#"import threading
def count(n):
    while n > 0:
        n -= 1
ts = [threading.Thread(target=count, args=(300000,)) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
"#;
    for rt in GIL_RUNTIMES {
        let out = ftl(
            &["--runtime", rt, "--timeline", path.to_str().expect("utf-8")],
            src,
        );
        assert_eq!(out.status.code(), Some(0), "{rt}: {}", stderr(&out));
        let doc: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).expect("the timeline file"))
                .expect("JSON");
        assert_eq!(doc["runtime"], *rt);
        let events = doc["events"].as_array().expect("events");
        let takers: std::collections::BTreeSet<u64> = events
            .iter()
            .filter(|e| e["kind"] == "GilTake")
            .map(|e| e["thread"].as_u64().expect("thread id"))
            .collect();
        assert!(
            takers.len() >= 3,
            "{rt}: main and two workers took the GIL: {takers:?}"
        );
        assert!(events
            .iter()
            .all(|e| e["t_ns"].is_u64() && e["kind"].is_string()));
    }
}

#[test]
fn a_timeline_needs_a_runtime_that_records_one() {
    let out = ftl(
        &["--runtime", "single", "--timeline", "/tmp/never.json"],
        "print(1)\n",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("records no GIL timeline"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());
}

#[test]
fn a_module_imported_by_several_threads_at_once_runs_once() {
    // The module's body sleeps (detached), so without a per-module import
    // lock every thread would find it missing and run it again.
    let slow = "import time\nprint('body runs')\ntime.sleep(0.1)\nVALUE = 42\n";
    let src = r#"import threading
got = []
def f():
    import slowmod
    got.append(slowmod.VALUE)
ts = [threading.Thread(target=f) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(got)
"#;
    for rt in THREADED_RUNTIMES {
        let out = ftl_with_modules(&["--runtime", rt], src, &[("slowmod", slow)]);
        assert_eq!(out.status.code(), Some(0), "{rt}: {}", stderr(&out));
        assert_eq!(stdout(&out), "body runs\n[42, 42, 42, 42]\n", "{rt}");
    }
}

#[test]
fn a_concurrent_circular_import_does_not_deadlock() {
    // Thread 1 imports a, which imports b; thread 2 imports b, which
    // imports a. Each body sleeps first, so each thread is inside one
    // module when it asks for the other: one of them takes the other's
    // partly initialised module (CPython's "concurrent circular import").
    let a = "import time\ntime.sleep(0.05)\nimport b\nA = 1\n";
    let b = "import time\ntime.sleep(0.05)\nimport a\nB = 2\n";
    let src = r#"import threading
def ia():
    import a
def ib():
    import b
ts = [threading.Thread(target=f) for f in (ia, ib)]
for t in ts: t.start()
for t in ts: t.join()
import a, b
print(a.A, b.B)
"#;
    for rt in THREADED_RUNTIMES {
        let out = ftl_with_modules(&["--runtime", rt], src, &[("a", a), ("b", b)]);
        assert_eq!(out.status.code(), Some(0), "{rt}: {}", stderr(&out));
        assert_eq!(stdout(&out), "1 2\n", "{rt}");
    }
}

#[test]
fn a_shared_iterator_hands_out_each_item_once() {
    // Four threads drain one iterator of each built-in kind. Before the
    // iterators claimed their position in one critical section, ft-atomic
    // handed out up to 2.8x as many items as there were (and range
    // iterators made up values).
    let src = r#"import threading
N = 20000
def drain(it, out):
    for x in it:
        out.append(x)
results = []
for make in (lambda: iter(range(N)), lambda: iter(list(range(N))), lambda: iter({i: i for i in range(N)}),
             lambda: iter(set(range(N))), lambda: iter(tuple(range(N))), lambda: iter("ab" * (N // 2)),
             lambda: reversed(list(range(N))), lambda: iter({i: i for i in range(N)}.items())):
    it = make()
    outs = [[] for _ in range(4)]
    ts = [threading.Thread(target=drain, args=(it, o)) for o in outs]
    for t in ts: t.start()
    for t in ts: t.join()
    got = [x for o in outs for x in o]
    results.append((len(got), len(set(got)) if not isinstance(got[0], str) else got.count("a")))
print(results)
"#;
    let expected = "[(20000, 20000), (20000, 20000), (20000, 20000), (20000, 20000), (20000, 20000), (20000, 10000), (20000, 20000), (20000, 20000)]\n";
    for rt in THREADED_RUNTIMES {
        let out = ftl(&["--runtime", rt], src);
        assert_eq!(out.status.code(), Some(0), "{rt}: {}", stderr(&out));
        assert_eq!(stdout(&out), expected, "{rt}");
    }
}

#[test]
fn a_function_dict_is_made_once_when_threads_set_attributes() {
    // Each thread sets its own attribute on fresh functions; a lost
    // `__dict__` (two threads each installing their own) loses attributes.
    let src = r#"import threading
def run():
    fs = [lambda: None for _ in range(2000)]
    def setter(name):
        for f in fs:
            setattr(f, name, 1)
    ts = [threading.Thread(target=setter, args=(n,)) for n in ("a", "b", "c", "d")]
    for t in ts: t.start()
    for t in ts: t.join()
    return sum(len(f.__dict__) for f in fs)
print(run())
"#;
    for rt in THREADED_RUNTIMES {
        let out = ftl(&["--runtime", rt], src);
        assert_eq!(out.status.code(), Some(0), "{rt}: {}", stderr(&out));
        assert_eq!(stdout(&out), "8000\n", "{rt}");
    }
}

#[test]
fn a_generator_running_in_one_thread_is_already_executing_in_another() {
    // The first thread sleeps inside the generator; the second thread's
    // next() finds the frame taken (one critical section) and raises
    // CPython's ValueError rather than running the same frame twice.
    let src = r#"import threading, time
def gen():
    while True:
        time.sleep(0.05)
        yield 1
g = gen()
errors = []
def step():
    try:
        next(g)
    except ValueError as e:
        errors.append(str(e))
ts = [threading.Thread(target=step) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print(errors)
print(next(g))
"#;
    for rt in THREADED_RUNTIMES {
        let out = ftl(&["--runtime", rt], src);
        assert_eq!(out.status.code(), Some(0), "{rt}: {}", stderr(&out));
        assert_eq!(stdout(&out), "['generator already executing']\n1\n", "{rt}");
    }
}

#[test]
fn a_shared_enumerate_counts_each_item_once() {
    let src = r#"import threading
N = 20000
e = enumerate(range(N))
outs = [[] for _ in range(4)]
def drain(o):
    for i, x in e:
        o.append(i)
ts = [threading.Thread(target=drain, args=(o,)) for o in outs]
for t in ts: t.start()
for t in ts: t.join()
got = sorted(i for o in outs for i in o)
print(got == list(range(N)))
"#;
    for rt in THREADED_RUNTIMES {
        let out = ftl(&["--runtime", rt], src);
        assert_eq!(out.status.code(), Some(0), "{rt}: {}", stderr(&out));
        assert_eq!(stdout(&out), "True\n", "{rt}");
    }
}

/// PEP 556's threaded mode: automatic collections run on the GC thread
/// (so finalizers run there), an explicit `gc.collect()` in the caller;
/// switching back to serial mode and to threaded again works; a bad mode
/// is a `ValueError`.
const GC_THREADED: &str = r#"import gc, _thread, time
main = _thread.get_ident()
where = []
class F:
    def __del__(self):
        where.append(_thread.get_ident() == main)
print(gc.get_mode())
gc.set_mode("threaded")
print(gc.get_mode())
for i in range(5000):
    a = F(); a.me = a
del a
deadline = time.time() + 10
while not where and time.time() < deadline:
    time.sleep(0.01)
print("automatic collections ran on the GC thread:", len(where) > 0 and not any(where))
n = len(where)
gc.disable()  # no automatic collection can take b's cycle first
b = F(); b.me = b; del b
gc.collect()
gc.enable()
print("explicit collect runs in the caller:", where[-1] is True, len(where) > n)
try:
    gc.set_mode("parallel")
except ValueError as e:
    print("ValueError:", e)
gc.set_mode("serial")
print(gc.get_mode())
where.clear()
for i in range(3000):
    c = F(); c.me = c
del c
print("serial: on the main thread:", len(where) > 0 and all(where))
gc.set_mode("threaded")
print(gc.get_mode())
print("end")
"#;

#[test]
fn gc_threaded_mode_collects_on_its_own_thread() {
    for runtime in ["gil-new", "gil-fair", "gil-old"] {
        let out = ftl(&["--runtime", runtime], GC_THREADED);
        assert_eq!(
            stdout(&out),
            "serial\nthreaded\nautomatic collections ran on the GC thread: True\n\
             explicit collect runs in the caller: True True\n\
             ValueError: invalid GC mode 'parallel': expected 'serial' or 'threaded'\n\
             serial\nserial: on the main thread: True\nthreaded\nend\n",
            "on {runtime}; stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.status.code(), Some(0), "on {runtime}");
    }
}

#[test]
fn gc_threaded_mode_needs_threads() {
    let out = ftl(
        &["--runtime", "single"],
        "import gc\ngc.set_mode('threaded')\n",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.lines()
            .last()
            .unwrap_or("")
            .starts_with("RuntimeError: can't start new thread"),
        "{err}"
    );
}

/// A finalizer that raises inside a collected cycle is reported as
/// CPython reports it, and the program goes on (exit status 0).
#[test]
fn a_raising_finalizer_in_a_cycle_is_reported() {
    let src = "import gc\nclass Bad:\n    def __del__(self):\n        1 / 0\nb = Bad()\nb.me = b\ndel b\ngc.collect()\nprint('after')\n";
    let out = ftl(&[], src);
    assert_eq!(stdout(&out), "after\n");
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("Exception ignored in: <function Bad.__del__ at 0x"),
        "{err}"
    );
    assert!(
        err.lines().last() == Some("ZeroDivisionError: division by zero"),
        "{err}"
    );
}

#[test]
fn fork_is_refused_while_another_thread_runs_and_allowed_after_it_ends() {
    // ftl's one deviation from CPython here (which forks and, from 3.12,
    // warns): a thread that vanished in the child could hold a lock there
    // for ever, so os.fork raises RuntimeError while one runs; once it
    // has been joined, fork works (on ft-buffered too, whose commit thread
    // os.fork stops and restarts).
    let src = r#"import os, threading
go = threading.Event()
t = threading.Thread(target=go.wait)
t.start()
try:
    os.fork()
except RuntimeError as e:
    print('refused:', str(e).split(';')[0])
go.set()
t.join()
pid = os.fork()
if pid == 0:
    os._exit(9)
print('child status', os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
"#;
    for rt in THREADED_RUNTIMES {
        let out = ftl(&["--runtime", rt], src);
        assert_eq!(out.status.code(), Some(0), "{rt}: {}", stderr(&out));
        assert_eq!(
            stdout(&out),
            "refused: os.fork() while other threads run is not supported by ftl (1 other thread in this interpreter: Python threads or the runtime's own)\nchild status 9\n",
            "{rt}"
        );
    }
}

#[test]
fn a_pool_worker_that_dies_fails_the_outstanding_results_instead_of_hanging() {
    // CPython's Pool waits for ever for the task a killed worker held
    // (bpo-22393); ftl's fails every outstanding result with
    // WorkerLostError, replaces the worker and goes on (docs/processes.md).
    let src = r#"import multiprocessing, os, signal, time
from multiprocessing.pool import WorkerLostError

def sq(x):
    return x * x

def die(x):
    if x == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(0.05)
    return x

if __name__ == '__main__':
    with multiprocessing.Pool(2) as pool:
        try:
            pool.map(die, range(6), chunksize=1)
        except WorkerLostError as e:
            print('map lost', 'exit code -9' in str(e))
        r = pool.apply_async(os._exit, (5,))
        try:
            r.get(timeout=30)
        except WorkerLostError as e:
            print('apply_async lost', 'exit code 5' in str(e))
        got = []
        try:
            for v in pool.imap(die, range(6)):
                got.append(v)
        except WorkerLostError:
            print('imap lost after', len(got) <= 3)
        print('still usable', pool.map(sq, range(5)))
"#;
    for rt in THREADED_RUNTIMES {
        let out = ftl(&["--runtime", rt], src);
        assert_eq!(out.status.code(), Some(0), "{rt}: {}", stderr(&out));
        assert_eq!(
            stdout(&out),
            "map lost True\napply_async lost True\nimap lost after True\nstill usable [0, 1, 4, 9, 16]\n",
            "{rt}"
        );
    }
}
