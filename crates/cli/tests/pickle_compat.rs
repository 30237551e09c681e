//! `pickle` against the live `python3`: ftl's pickles are CPython's, byte
//! for byte, and each side loads the other's.
//!
//! `pickle_compat/values.py` is run by both interpreters. It pickles about
//! a hundred values (every kind ftl pickles: scalars at each integer
//! width, str and bytes on both sides of every length boundary, frames
//! and payloads over 64 KiB, containers in batches, shared and recursive
//! references, globals, instances through each reduction path,
//! exceptions, bound methods) at protocols 0 to 5, and prints each pickle
//! in hex:
//!
//! * `dump`: ftl's output (on a GIL runtime and a free-threaded one) must
//!   equal python3's;
//! * `load`: python3's pickles, loaded by ftl, must show the same values
//!   (sharing and cycles included) as python3 loading them, and python3
//!   must load ftl's;
//! * `errors`: what cannot be pickled (a lambda, a local function, a
//!   generator, a module, a bad `__reduce__`) raises CPython's exception
//!   type and message.
//!
//! The test needs `python3` (CPython 3.8 or later: protocol 5) on `PATH`;
//! without it the test fails, saying so. Every child is killed if it has
//! not ended after 120 s.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

mod common;

fn script_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/pickle_compat")
}

/// Runs `cmd` with `input` on stdin; its stdout, after checking that it
/// ended successfully within the time limit.
fn run_bounded(mut cmd: Command, input: &[u8], what: &str) -> Vec<u8> {
    cmd.current_dir(script_dir());
    let run = common::run_bounded(cmd, input, Duration::from_secs(120));
    let Some(status) = run.status else {
        panic!("{what}: still running after 120 s");
    };
    assert!(
        status.success(),
        "{what}: {status}\nstderr:\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    run.stdout
}

fn python(mode: &str, input: &[u8]) -> Vec<u8> {
    let mut cmd = Command::new("python3");
    cmd.args(["values.py", mode]);
    run_bounded(cmd, input, &format!("python3 values.py {mode}"))
}

fn ftl(runtime: &str, mode: &str, input: &[u8]) -> Vec<u8> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ftl"));
    cmd.args(["run", "--runtime", runtime, "values.py", mode]);
    run_bounded(
        cmd,
        input,
        &format!("ftl --runtime {runtime} values.py {mode}"),
    )
}

/// The first line where two outputs differ, for the failure message.
fn first_difference(a: &[u8], b: &[u8]) -> String {
    let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    for (n, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        if x != y {
            let cut = |s: &str| s.chars().take(300).collect::<String>();
            return format!(
                "line {}:\n  python3: {}\n  ftl:     {}",
                n + 1,
                cut(x),
                cut(y)
            );
        }
    }
    format!(
        "line counts differ: {} vs {}",
        a.lines().count(),
        b.lines().count()
    )
}

#[test]
fn ftl_writes_python3s_bytes_and_each_loads_the_others() {
    let py_dump = python("dump", b"");
    let lines = String::from_utf8_lossy(&py_dump).lines().count();
    assert!(lines >= 500, "python3 wrote only {lines} pickles");
    for runtime in ["gil-new", "ft-biased"] {
        let ftl_dump = ftl(runtime, "dump", b"");
        assert!(
            ftl_dump == py_dump,
            "{runtime}: pickles differ from python3's, {}",
            first_difference(&py_dump, &ftl_dump)
        );
    }
    let py_load = python("load", &py_dump);
    let ftl_load = ftl("gil-new", "load", &py_dump);
    assert!(
        ftl_load == py_load,
        "ftl loads python3's pickles differently, {}",
        first_difference(&py_load, &ftl_load)
    );
    // python3 loading ftl's pickles (the same bytes, checked above; loaded
    // here all the same, so that the test says it in so many words).
    let ftl_dump = ftl("ft-biased", "dump", b"");
    assert_eq!(
        python("load", &ftl_dump),
        py_load,
        "python3 loads ftl's pickles differently"
    );
}

#[test]
fn unpicklable_values_raise_cpythons_errors() {
    let py = python("errors", b"");
    let ours = ftl("gil-new", "errors", b"");
    assert!(py.len() > 100, "python3 printed too little");
    assert!(
        ours == py,
        "errors differ, {}",
        first_difference(&py, &ours)
    );
}
