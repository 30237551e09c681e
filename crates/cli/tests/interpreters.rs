//! Subinterpreters (`concurrent.interpreters`, PEP 734) through the `ftl`
//! binary: what the `corpus/interpreters` programs cannot show by their
//! stdout — errors on the runtimes without subinterpreters, refusals
//! (closing the current or a running interpreter, entering one that runs),
//! timeouts honoured to the fraction of a second, and the live-object
//! count of the main interpreter back at its baseline after interpreters
//! come and go.

use std::process::{Command, Output};
use std::time::Duration;

mod common;

/// Runs `src` as `prog.py` with `ftl run ARGS...` in a fresh directory,
/// killed after 60 s (a hang is a failure).
fn ftl(args: &[&str], src: &str) -> Output {
    static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("ftl-interp-test-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("prog.py"), src).expect("write the program");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ftl"));
    cmd.arg("run").args(args).arg("prog.py").current_dir(&dir);
    let out = common::run_bounded(cmd, b"", Duration::from_secs(60));
    assert!(out.status.is_some(), "still running after 60 s: killed");
    Output {
        status: out.status.expect("ended"),
        stdout: out.stdout,
        stderr: out.stderr,
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const INTERPRETER_RUNTIMES: &[&str] = &["gil-new", "gil-old", "gil-fair"];

#[test]
fn runtimes_without_subinterpreters_say_so() {
    for r in ["single", "ft-atomic", "ft-biased"] {
        let out = ftl(&["--runtime", r], "import concurrent.interpreters\n");
        assert_eq!(out.status.code(), Some(1), "{r}");
        assert!(
            text(&out.stderr)
                .trim_end()
                .ends_with("ModuleNotFoundError: No module named 'concurrent.interpreters'"),
            "{r}: {}",
            text(&out.stderr)
        );
        // What CPython before 3.14 says too.
        let out = ftl(&["--runtime", r], "from concurrent import interpreters\n");
        assert!(
            text(&out.stderr)
                .contains("ImportError: cannot import name 'interpreters' from 'concurrent'"),
            "{r}: {}",
            text(&out.stderr)
        );
    }
    let out = ftl(
        &["--runtime", "ft-atomic"],
        "from concurrent.futures import InterpreterPoolExecutor\nInterpreterPoolExecutor()\n",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(
            "RuntimeError: InterpreterPoolExecutor needs subinterpreters, which the 'ft-atomic' runtime does not have"
        ),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn refusals_are_interpreter_errors() {
    let src = r#"
from concurrent import interpreters
interp = interpreters.create()
gate = interpreters.create_queue()
done = interpreters.create_queue()
interp.prepare_main(gate=gate, done=done)
# The interpreter closes itself: refused in it.
interp.exec("""
from concurrent import interpreters
try:
    interpreters.get_current().close()
except interpreters.InterpreterError as e:
    print('in itself:', e)
""")
try:
    interpreters.get_main().close()
except interpreters.InterpreterError as e:
    print('main:', e)
# A thread runs the interpreter (blocked on the gate): it cannot be
# entered or closed meanwhile.
t = interp.call_in_thread(len, "x")
t.join(30)
import threading
ready = threading.Event()
def hold():
    ready.set()
    interp.exec("gate.get()\ndone.put('out')")
h = threading.Thread(target=hold)
h.start()
ready.wait(30)
while not interp.is_running():
    pass
try:
    interp.exec("pass")
except interpreters.InterpreterError as e:
    print('enter:', e)
try:
    interp.close()
except interpreters.InterpreterError as e:
    print('close:', e)
gate.put(1)
print(done.get(timeout=30))
h.join(30)
interp.close()
try:
    interp.exec("pass")
except interpreters.InterpreterNotFoundError as e:
    print('closed:', type(e).__name__)
"#;
    for r in INTERPRETER_RUNTIMES {
        let out = ftl(&["--runtime", r], src);
        assert_eq!(
            text(&out.stdout),
            "in itself: cannot destroy the current interpreter\n\
             main: cannot destroy the main interpreter\n\
             enter: interpreter already running\n\
             close: interpreter running\n\
             out\n\
             closed: InterpreterNotFoundError\n",
            "{r}: {}",
            text(&out.stderr)
        );
        assert_eq!(out.status.code(), Some(0), "{r}");
    }
}

#[test]
fn queue_timeouts_are_honoured_to_the_fraction_of_a_second() {
    let src = r#"
from concurrent import interpreters
import time
q = interpreters.create_queue(1)
t = time.monotonic()
try:
    q.get(timeout=0.2)
except interpreters.QueueEmpty:
    print('empty after', time.monotonic() - t >= 0.19)
q.put(1)
t = time.monotonic()
try:
    q.put(2, timeout=0.2)
except interpreters.QueueFull:
    print('full after', time.monotonic() - t >= 0.19)
"#;
    let out = ftl(&[], src);
    assert_eq!(
        text(&out.stdout),
        "empty after True\nfull after True\n",
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn the_main_interpreters_objects_are_back_at_baseline_after_interpreters_come_and_go() {
    // Every object a subinterpreter makes is its own (counted in its own
    // accounting, freed when it closes); the main interpreter's count
    // returns to where it was, whatever crossed between them.
    let src = r#"
import sys, gc
from concurrent import interpreters
def one_round(q):
    interp = interpreters.create()
    interp.prepare_main(q=q, n=5)
    interp.exec("q.put([i * i for i in range(n)])\nq.put(('t', 2**80, b'b'))")
    a = q.get()
    b = q.get()
    assert a == [0, 1, 4, 9, 16] and b == ('t', 2**80, b'b'), (a, b)
    interp.close()
q = interpreters.create_queue()
one_round(q)
gc.collect()
base = sys.getallocatedblocks()
for _ in range(20):
    one_round(q)
gc.collect()
print(sys.getallocatedblocks() - base - 1)  # `base` itself is one live object
"#;
    for r in INTERPRETER_RUNTIMES {
        let out = ftl(&["--runtime", r], src);
        assert_eq!(text(&out.stdout), "0\n", "{r}: {}", text(&out.stderr));
    }
}
