//! The parity and bad-input corpora (`corpus/`), run through the `ftl`
//! binary.
//!
//! * `corpus/parity/NAME.py`: stdout must equal `NAME.out` (produced by
//!   CPython 3.11) and the exit status must be 0, on the default runtime
//!   (`gil-new`); a program that imports `threading` must also pass on the
//!   other runtimes with threads (`gil-old`, `gil-fair`, and `ft-atomic`,
//!   `ft-locked` and `ft-biased`, which have no GIL): its output may not depend on how
//!   threads are scheduled. `multiprocessing` and `concurrent.futures` use
//!   threads, so a program that names them counts as threaded. Each run
//!   is bounded (a program still running after two minutes is killed with
//!   the children it started, and fails). A program that imports `gc` or
//!   `weakref`, or calls `os.fork`, runs on every runtime (a threaded one
//!   on every runtime with threads).
//!   Where a free-threaded runtime follows CPython 3.13t rather than 3.11
//!   (the cycle collector's default thresholds), `NAME.ft.out`, produced
//!   by a free-threaded CPython 3.13t, is its expected output.
//! * `corpus/interpreters/NAME.py`: programs written to CPython 3.14's
//!   `concurrent.interpreters` (PEP 734), which the reference python3
//!   (3.11) lacks: `NAME.out` was checked by hand against PEP 734 and
//!   CPython 3.14's sources. Each runs on every runtime with the
//!   `interpreters` feature (the three GILs); on the others, importing the
//!   module fails with `ModuleNotFoundError`.
//! * `corpus/bad/NAME.py`: the exit status and the last line of stderr must
//!   equal the two lines of `NAME.err` (object addresses, `0x...`, aside).
//!
//! `corpus/KNOWN_FAILURES` lists programs that do not pass yet, one per
//! line. The test fails if any other program fails, and also if a listed
//! program passes (so the list can only shrink): a listed program is never
//! reported as passing.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

mod common;

/// The longest a corpus program may run (the slowest take a few seconds
/// on the slowest runtime; a hang is a failure, never a hung suite).
const LIMIT: Duration = Duration::from_secs(120);

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn known_failures() -> Vec<String> {
    listed(&corpus_dir().join("KNOWN_FAILURES"))
}

/// The names a list file holds, one per line (`#` starts a comment).
fn listed(file: &Path) -> Vec<String> {
    std::fs::read_to_string(file)
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

fn programs(sub: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(corpus_dir().join(sub))
        .expect("corpus directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    v.sort();
    v
}

/// The runtimes besides the default that threaded programs run on: the
/// other GILs and the free-threaded heaps.
const OTHER_THREADED_RUNTIMES: &[&str] = &[
    "gil-old",
    "gil-fair",
    "ft-atomic",
    "ft-locked",
    "ft-biased",
    "ft-buffered",
];

/// Where a program that imports `gc` or `weakref`, or forks, runs besides
/// the default: every runtime (a threaded one skips `single`).
const GC_RUNTIMES: &[&str] = &[
    "single",
    "gil-old",
    "gil-fair",
    "ft-atomic",
    "ft-locked",
    "ft-biased",
    "ft-buffered",
];

/// The runtimes without a GIL, which follow CPython 3.13t where 3.13t
/// differs from 3.11.
const FREE_THREADED_RUNTIMES: &[&str] = &["ft-atomic", "ft-locked", "ft-biased", "ft-buffered"];

/// Programs whose output is not compared on `ft-buffered`, which frees
/// later than CPython (`corpus/PROMPT_FINALIZATION` says why); they must
/// still run to their end without a crash there.
fn prompt_finalization() -> Vec<String> {
    listed(&corpus_dir().join("PROMPT_FINALIZATION"))
}

fn run(program: &Path) -> common::Bounded {
    run_on(program, None)
}

fn run_on(program: &Path, runtime: Option<&str>) -> common::Bounded {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ftl"));
    cmd.arg("run");
    if let Some(r) = runtime {
        cmd.args(["--runtime", r]);
    }
    cmd.arg(program.file_name().expect("file name"))
        .current_dir(program.parent().expect("dir"));
    common::run_bounded(cmd, b"", LIMIT)
}

/// Checks every program with `check`, honouring the known-failure list.
fn check_all(sub: &str, check: impl Fn(&Path) -> Result<(), String>) {
    let known = known_failures();
    let mut unexpected = Vec::new();
    let mut fixed = Vec::new();
    let mut count = 0;
    for p in programs(sub) {
        count += 1;
        let key = format!("{sub}/{}", p.file_name().expect("name").to_string_lossy());
        let listed = known.contains(&key);
        match (check(&p), listed) {
            (Ok(()), true) => fixed.push(key),
            (Err(why), false) => unexpected.push(format!("{key}: {why}")),
            _ => {}
        }
    }
    assert!(count > 0, "no programs in corpus/{sub}");
    assert!(
        unexpected.is_empty() && fixed.is_empty(),
        "corpus/{sub}: {} unexpected failure(s):\n{}\n{} listed in KNOWN_FAILURES but passing now (remove them):\n{}",
        unexpected.len(),
        unexpected.join("\n"),
        fixed.len(),
        fixed.join("\n")
    );
}

#[test]
fn parity_corpus_matches_cpython() {
    assert!(
        programs("parity").len() >= 60,
        "the parity corpus has at least 60 programs"
    );
    check_all("parity", |p| {
        let expected = std::fs::read_to_string(p.with_extension("out"))
            .map_err(|e| format!("no .out: {e}"))?;
        check_parity(p, None, &expected)?;
        let source = std::fs::read_to_string(p).map_err(|e| e.to_string())?;
        // multiprocessing and concurrent.futures run threads of their own.
        let threaded = ["import threading", "multiprocessing", "concurrent.futures"]
            .iter()
            .any(|m| source.contains(m));
        let uses_gc = source.contains("import gc");
        let uses_weakref = source.contains("import weakref");
        // os.fork meets each runtime's own threads (ft-buffered's
        // committer is stopped and restarted around it): every runtime.
        let forks = source.contains("os.fork");
        let others: Vec<&str> = match (threaded, uses_gc || uses_weakref || forks) {
            (true, _) => OTHER_THREADED_RUNTIMES.to_vec(),
            (false, true) => GC_RUNTIMES.to_vec(),
            (false, false) => vec![],
        };
        let uncompared = prompt_finalization();
        let ft_expected = std::fs::read_to_string(p.with_extension("ft.out")).ok();
        for r in others {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            if r == "ft-buffered"
                && uncompared
                    .iter()
                    .any(|u| Some(u.as_str()) == name.as_deref())
            {
                let out = run_on(p, Some(r));
                let stderr = String::from_utf8_lossy(&out.stderr);
                if out.code().is_none() || stderr.contains("internal error") {
                    return Err(format!("on {r}: crashed ({:?}): {stderr}", out.status));
                }
                continue;
            }
            let free_threaded = FREE_THREADED_RUNTIMES.contains(&r);
            let expected = match (&ft_expected, free_threaded) {
                (Some(ft), true) => ft,
                _ => &expected,
            };
            check_parity(p, Some(r), expected).map_err(|e| format!("on {r}: {e}"))?;
        }
        Ok(())
    });
}

/// The runtimes with subinterpreters (`interpreters` in their features).
const INTERPRETER_RUNTIMES: &[&str] = &["gil-new", "gil-old", "gil-fair"];

#[test]
fn interpreters_corpus_matches_pep734() {
    assert!(
        programs("interpreters").len() >= 8,
        "the interpreters corpus has at least 8 programs"
    );
    check_all("interpreters", |p| {
        let expected = std::fs::read_to_string(p.with_extension("out"))
            .map_err(|e| format!("no .out: {e}"))?;
        for r in INTERPRETER_RUNTIMES {
            check_parity(p, Some(r), &expected).map_err(|e| format!("on {r}: {e}"))?;
        }
        Ok(())
    });
}

#[test]
fn parity_corpus_has_the_threaded_programs() {
    let threaded = programs("parity")
        .iter()
        .filter(|p| {
            std::fs::read_to_string(p)
                .unwrap_or_default()
                .contains("import threading")
        })
        .count();
    assert!(threaded >= 10, "only {threaded} threaded parity programs");
}

/// The stress programs (`NNN_stress_NAME.py`) hammer shared lists, dicts,
/// locks, conditions and object graphs from several threads and print only
/// what holds whatever the scheduling; each imports `threading` (so it runs
/// on every threaded runtime) and checks with `sys.getallocatedblocks()`
/// that the live objects are back at their baseline after its threads.
#[test]
fn parity_corpus_has_the_stress_programs() {
    let stress: Vec<PathBuf> = programs("parity")
        .into_iter()
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().contains("_stress_"))
        })
        .collect();
    assert!(
        stress.len() >= 8,
        "only {} stress parity programs",
        stress.len()
    );
    for p in &stress {
        let source = std::fs::read_to_string(p).unwrap_or_default();
        for needle in ["import threading", "getallocatedblocks"] {
            assert!(
                source.contains(needle),
                "{} does not contain `{needle}`",
                p.display()
            );
        }
    }
}

fn check_parity(p: &Path, runtime: Option<&str>, expected: &str) -> Result<(), String> {
    {
        let out = run_on(p, runtime);
        if out.status.is_none() {
            return Err(format!("still running after {LIMIT:?}: killed"));
        }
        let stdout = String::from_utf8_lossy(&out.stdout);
        if stdout != expected {
            let line = stdout
                .lines()
                .zip(expected.lines())
                .position(|(a, b)| a != b);
            return Err(format!(
                "stdout differs (first at line {}); stderr: {}",
                line.map(|l| l + 1).unwrap_or_else(|| stdout
                    .lines()
                    .count()
                    .min(expected.lines().count())
                    + 1),
                String::from_utf8_lossy(&out.stderr)
                    .lines()
                    .last()
                    .unwrap_or("")
            ));
        }
        if out.code() != Some(0) {
            return Err(format!("exit status {:?}", out.code()));
        }
        Ok(())
    }
}

#[test]
fn bad_input_corpus_fails_like_cpython() {
    assert!(
        programs("bad").len() >= 30,
        "the bad-input corpus has at least 30 programs"
    );
    check_all("bad", |p| {
        let spec = std::fs::read_to_string(p.with_extension("err"))
            .map_err(|e| format!("no .err: {e}"))?;
        let mut lines = spec.lines();
        let code: i32 = lines
            .next()
            .unwrap_or("")
            .trim()
            .parse()
            .map_err(|e| format!("bad .err: {e}"))?;
        let last = lines.next().unwrap_or("");
        let out = run(p);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let got_last = stderr.lines().last().unwrap_or("");
        if out.code() != Some(code) || without_addresses(got_last) != without_addresses(last) {
            return Err(format!(
                "expected exit {code} and `{last}`, got exit {:?} and `{got_last}`",
                out.code()
            ));
        }
        if stderr.contains("panicked") {
            return Err("ftl panicked".into());
        }
        Ok(())
    });
}

/// `text` with every object address (`0x` and hex digits, as in
/// `<function <lambda> at 0x7f5633...>`) written `0x?`: addresses differ
/// from run to run and between CPython and ftl.
fn without_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("0x") {
        out.push_str(&rest[..at]);
        out.push_str("0x?");
        let digits = rest[at + 2..]
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(rest.len() - at - 2);
        rest = &rest[at + 2 + digits..];
    }
    out.push_str(rest);
    out
}
