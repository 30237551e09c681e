//! `cargo xtask parity`: re-run the parity corpus (`corpus/parity/*.py`)
//! against a live `python3` and list where `ftl` differs.
//!
//! Mechanism: build `ftl` once (`cargo build --release -p ftl-cli`, into
//! `$CARGO_TARGET_DIR` or the workspace's `target/`), then for every
//! program, sorted by file name, run `PYTHON FILE` and `ftl run [--runtime
//! NAME] FILE` with `corpus/parity` as the working directory, stdin closed,
//! and a per-program time limit; each run goes through [`crate::child::run`]
//! (pipes drained on threads, the child's process group killed at the
//! deadline).
//!
//! The verdict for a program is its stdout and exit status: both equal is
//! `ok`, anything else `DIFF` (with a unified-style line diff, see
//! [`crate::linediff`]), a run past the limit `TIMEOUT`, a run that could
//! not start `ERROR`. Stderr is compared too but only reported as a note,
//! since tracebacks may legitimately differ in detail. Independently, the
//! committed `NAME.out` (what `cargo test`'s `crates/cli/tests/corpus.rs`
//! checks) is compared with live python's stdout; a mismatch is reported as
//! a stale expected output, and `--update` rewrites it when python exits 0.
//!
//! Exit status: 0 when every program is the same and no `.out` is left
//! stale, 1 otherwise, 2 when the comparison cannot run at all (a usage
//! error, python missing, an unknown runtime, a filter matching nothing, a
//! failed build).
//!
//! Invariants: the corpus is never written without `--update`, and then
//! only `.out` files of programs python ran to exit status 0; every program
//! selected gets exactly one verdict line.

use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::time::Duration;

use crate::linediff;

/// The usage text of `cargo xtask parity`.
pub const USAGE: &str = "usage: cargo xtask parity [OPTIONS]

Re-runs corpus/parity/*.py with python3 and with `ftl run`, compares stdout
and exit status, and checks the committed .out files against live python3.

options:
  --runtime NAME     the ftl runtime (`ftl run --runtime NAME`; default: ftl's)
  --python PATH      the reference interpreter (default: python3)
  --filter SUBSTR    only programs whose file name contains SUBSTR
  --timeout SECS     time limit per program and interpreter (default: 60)
  --update           rewrite stale .out files from python3's output
                     (only where python3 exits 0)
  -h, --help         this text

exit status: 0 all same, 1 some differ (or a stale .out), 2 cannot run";

/// Most diff lines shown per program.
const MAX_DIFF_LINES: usize = 20;
/// Context lines around each change in a diff.
const DIFF_CONTEXT: usize = 2;

/// The options of `cargo xtask parity`.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// `--runtime`: passed to `ftl run`; `None` uses ftl's default.
    pub runtime: Option<String>,
    /// `--python`: the reference interpreter.
    pub python: String,
    /// `--filter`: a substring of the file names to run.
    pub filter: Option<String>,
    /// `--timeout`: the limit for one run of one program.
    pub timeout: Duration,
    /// `--update`: rewrite stale `.out` files.
    pub update: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            runtime: None,
            python: "python3".into(),
            filter: None,
            timeout: Duration::from_secs(60),
            update: false,
        }
    }
}

/// What the command line asks for.
#[derive(Debug, PartialEq)]
pub enum Parsed {
    /// Run the comparison.
    Run(Options),
    /// Print the usage text.
    Help,
}

/// Parses the arguments after `parity`. Flags take their value as the next
/// argument or after `=`; an unknown flag, a missing or bad value, or a
/// positional argument is an error (a message without the usage text).
pub fn parse_args(args: &[String]) -> Result<Parsed, String> {
    let mut opts = Options::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            match inline.clone().or_else(|| it.next().cloned()) {
                Some(v) if !v.is_empty() => Ok(v),
                _ => Err(format!("`{name}` needs a value")),
            }
        };
        match flag {
            "-h" | "--help" if inline.is_none() => return Ok(Parsed::Help),
            "--update" if inline.is_none() => opts.update = true,
            "--runtime" => opts.runtime = Some(value(flag)?),
            "--python" => opts.python = value(flag)?,
            "--filter" => opts.filter = Some(value(flag)?),
            "--timeout" => opts.timeout = parse_timeout(&value(flag)?)?,
            _ if flag.starts_with('-') => return Err(format!("unknown option `{arg}`")),
            _ => return Err(format!("unexpected argument `{arg}`")),
        }
    }
    Ok(Parsed::Run(opts))
}

/// A positive, finite number of seconds.
fn parse_timeout(s: &str) -> Result<Duration, String> {
    let bad = || format!("`--timeout` needs a positive number of seconds, not `{s}`");
    let secs: f64 = s.trim().parse().map_err(|_| bad())?;
    if secs.is_nan() || secs <= 0.0 {
        return Err(bad());
    }
    Duration::try_from_secs_f64(secs).map_err(|_| bad())
}

pub use crate::child::Status;

/// The result of one run of one program (its usage is not used here).
pub type RunResult = crate::child::Outcome;

/// The verdict for one program.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Same stdout and exit status.
    Same,
    /// Stdout or exit status differ.
    Differ,
    /// One or both runs hit the time limit.
    Timeout,
    /// One or both runs could not start.
    Error,
}

/// The comparison of the python and ftl runs of one program.
#[derive(Debug, PartialEq, Eq)]
pub struct Comparison {
    /// The verdict.
    pub verdict: Verdict,
    /// A one-line reason, empty for [`Verdict::Same`].
    pub summary: String,
    /// Further lines: the stdout diff, a stderr note.
    pub details: Vec<String>,
}

/// Compares python's run (the reference) with ftl's: stdout and exit
/// status decide; a stderr difference is only a note in `details`.
pub fn compare(py: &RunResult, ftl: &RunResult) -> Comparison {
    let failed = |who: &str, r: &RunResult| match &r.status {
        Status::Failed(why) => Some(format!("cannot run {who}: {why}")),
        _ => None,
    };
    let errors: Vec<String> = [failed("python", py), failed("ftl", ftl)]
        .into_iter()
        .flatten()
        .collect();
    if !errors.is_empty() {
        return Comparison {
            verdict: Verdict::Error,
            summary: errors.join("; "),
            details: Vec::new(),
        };
    }
    let timed_out: Vec<&str> = [("python", py), ("ftl", ftl)]
        .into_iter()
        .filter(|(_, r)| r.status == Status::TimedOut)
        .map(|(who, _)| who)
        .collect();
    if !timed_out.is_empty() {
        return Comparison {
            verdict: Verdict::Timeout,
            summary: format!("{} did not finish in time", timed_out.join(" and ")),
            details: Vec::new(),
        };
    }
    let mut reasons = Vec::new();
    let mut details = Vec::new();
    if let Some(line) = linediff::first_difference(&py.stdout, &ftl.stdout) {
        reasons.push(format!("stdout differs from line {line}"));
        details.push("--- python".to_string());
        details.push("+++ ftl".to_string());
        details.extend(linediff::unified(
            &py.stdout,
            &ftl.stdout,
            DIFF_CONTEXT,
            MAX_DIFF_LINES,
        ));
    }
    if py.status != ftl.status {
        reasons.push(format!("python {}, ftl {}", py.status, ftl.status));
    }
    if py.stderr != ftl.stderr {
        details.push(format!(
            "note: stderr differs (last line: python `{}`, ftl `{}`)",
            last_line(&py.stderr),
            last_line(&ftl.stderr)
        ));
    }
    Comparison {
        verdict: if reasons.is_empty() {
            Verdict::Same
        } else {
            Verdict::Differ
        },
        summary: reasons.join("; "),
        details,
    }
}

/// The last non-empty line of `text`, or empty.
fn last_line(text: &str) -> &str {
    text.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
}

/// The `.py` file names in `names` that contain `filter`, sorted.
pub fn select(names: Vec<String>, filter: Option<&str>) -> Vec<String> {
    let mut v: Vec<String> = names
        .into_iter()
        .filter(|n| n.ends_with(".py"))
        .filter(|n| filter.is_none_or(|f| n.contains(f)))
        .collect();
    v.sort();
    v
}

/// Runs `cmd` with stdin closed, collecting stdout and stderr, killing it
/// (and its process group) after `timeout`.
pub fn run_with_timeout(cmd: &mut Command, timeout: Duration) -> RunResult {
    crate::child::run(cmd, timeout)
}

/// Checks that `python` runs, returning its `--version` line.
fn python_version(python: &str) -> Result<String, String> {
    let out = Command::new(python)
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run python `{python}`: {e} (give one with --python PATH)"))?;
    if !out.status.success() {
        return Err(format!(
            "python `{python}` --version failed ({})",
            out.status
        ));
    }
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    Ok(text.trim().to_string())
}

/// Checks `--runtime` against `ftl runtimes --json`.
fn check_runtime(ftl: &Path, runtime: &str) -> Result<(), String> {
    let listing = crate::ftl::listing(ftl)?;
    match listing.runtimes.iter().find(|r| r.name == runtime) {
        Some(r) if r.available => Ok(()),
        Some(_) => Err(format!("runtime `{runtime}` is not available yet")),
        None => Err(format!(
            "unknown runtime `{runtime}` (ftl runtimes lists: {})",
            listing
                .runtimes
                .iter()
                .map(|r| r.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// Prints an error and returns exit status 2.
fn fatal(msg: &str) -> ExitCode {
    eprintln!("xtask parity: {msg}");
    ExitCode::from(2)
}

/// `cargo xtask parity ARGS...`.
pub fn main(args: &[String]) -> ExitCode {
    let opts = match parse_args(args) {
        Ok(Parsed::Run(o)) => o,
        Ok(Parsed::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("xtask parity: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let root = crate::ftl::workspace_root();
    let dir = root.join("corpus").join("parity");
    let names = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .collect(),
        Err(e) => return fatal(&format!("cannot read {}: {e}", dir.display())),
    };
    let programs = select(names, opts.filter.as_deref());
    if programs.is_empty() {
        return fatal(&match &opts.filter {
            Some(f) => format!("no program in {} has `{f}` in its name", dir.display()),
            None => format!("no .py programs in {}", dir.display()),
        });
    }
    let version = match python_version(&opts.python) {
        Ok(v) => v,
        Err(e) => return fatal(&e),
    };
    let ftl = match crate::ftl::build(&root, "parity", &["ftl-cli"])
        .and_then(|dir| crate::ftl::binary(&dir, "ftl"))
    {
        Ok(p) => p,
        Err(e) => return fatal(&e),
    };
    if let Some(rt) = &opts.runtime {
        if let Err(e) = check_runtime(&ftl, rt) {
            return fatal(&e);
        }
    }
    println!(
        "xtask parity: {} program(s) in {}; python: {} ({version}); ftl runtime: {}; timeout {:?}",
        programs.len(),
        dir.display(),
        opts.python,
        opts.runtime.as_deref().unwrap_or("default"),
        opts.timeout
    );
    let mut report = Report::default();
    for name in &programs {
        check_program(&dir, name, &ftl, &opts, &mut report);
    }
    report.finish(programs.len(), opts.update)
}

/// Counts and lists across the programs.
#[derive(Default)]
struct Report {
    same: usize,
    timeouts: usize,
    errors: usize,
    differing: Vec<String>,
    stale: Vec<String>,
    rewritten: Vec<String>,
}

impl Report {
    /// Prints the summary and returns the exit status.
    fn finish(self, total: usize, update: bool) -> ExitCode {
        let differ = total - self.same;
        let mut extra = Vec::new();
        if self.timeouts > 0 {
            extra.push(format!("{} timed out", self.timeouts));
        }
        if self.errors > 0 {
            extra.push(format!("{} could not run", self.errors));
        }
        let extra = if extra.is_empty() {
            String::new()
        } else {
            format!(" ({})", extra.join(", "))
        };
        println!();
        if !self.differing.is_empty() {
            println!("differ: {}", self.differing.join(" "));
        }
        if !self.rewritten.is_empty() {
            println!("rewrote: {}", self.rewritten.join(" "));
        }
        if !self.stale.is_empty() {
            let hint = if update {
                " (python3 did not exit 0; not rewritten)"
            } else {
                " (rewrite with --update)"
            };
            println!("stale .out: {}{hint}", self.stale.join(" "));
        }
        println!(
            "{total} programs: {} same, {differ} differ{extra}",
            self.same
        );
        if differ == 0 && self.stale.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    }
}

/// Runs one program both ways, prints its verdict, and checks its `.out`.
fn check_program(dir: &Path, name: &str, ftl: &Path, opts: &Options, report: &mut Report) {
    let py = run_with_timeout(
        Command::new(&opts.python).arg(name).current_dir(dir),
        opts.timeout,
    );
    let mut cmd = Command::new(ftl);
    cmd.arg("run");
    if let Some(rt) = &opts.runtime {
        cmd.args(["--runtime", rt]);
    }
    let got = run_with_timeout(cmd.arg(name).current_dir(dir), opts.timeout);
    let cmp = compare(&py, &got);
    let tag = match cmp.verdict {
        Verdict::Same => "ok",
        Verdict::Differ => "DIFF",
        Verdict::Timeout => "TIMEOUT",
        Verdict::Error => "ERROR",
    };
    if cmp.summary.is_empty() {
        println!("{tag:<8}{name}");
    } else {
        println!("{tag:<8}{name}: {}", cmp.summary);
    }
    for line in &cmp.details {
        println!("        {line}");
    }
    match cmp.verdict {
        Verdict::Same => report.same += 1,
        Verdict::Timeout => report.timeouts += 1,
        Verdict::Error => report.errors += 1,
        Verdict::Differ => {}
    }
    if cmp.verdict != Verdict::Same {
        report.differing.push(name.to_string());
    }
    check_expected(dir, name, &py, opts.update, report);
}

/// Compares the committed `.out` with live python's stdout; rewrites it
/// under `--update` when python exited 0.
fn check_expected(dir: &Path, name: &str, py: &RunResult, update: bool, report: &mut Report) {
    let Status::Exited(code) = py.status else {
        return; // no complete python output to judge by
    };
    let out_name = format!("{}.out", name.strip_suffix(".py").unwrap_or(name));
    let out_path = dir.join(&out_name);
    if code != 0 {
        println!("        note: python exits {code}; the corpus test expects 0");
    }
    let committed = std::fs::read_to_string(&out_path);
    let why = match &committed {
        Ok(text) => match linediff::first_difference(text, &py.stdout) {
            None => return,
            Some(line) => format!("differs from live python from line {line}"),
        },
        Err(e) => format!("cannot be read ({e})"),
    };
    if update && code == 0 {
        match std::fs::write(&out_path, &py.stdout) {
            Ok(()) => {
                println!("        rewrote {out_name} (it {why})");
                report.rewritten.push(out_name);
            }
            Err(e) => {
                println!("        stale expected output: {out_name} {why}; cannot rewrite it: {e}");
                report.stale.push(out_name);
            }
        }
    } else {
        println!("        stale expected output: {out_name} {why}");
        report.stale.push(out_name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    fn args(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn run(v: &[&str]) -> Options {
        match parse_args(&args(v)) {
            Ok(Parsed::Run(o)) => o,
            other => panic!("{v:?} parsed as {other:?}"),
        }
    }

    fn exited(code: i32, out: &str, err: &str) -> RunResult {
        RunResult {
            stdout: out.into(),
            stderr: err.into(),
            status: Status::Exited(code),
            usage: None,
        }
    }

    #[test]
    fn defaults() {
        let o = run(&[]);
        assert_eq!(o, Options::default());
        assert_eq!(o.python, "python3");
        assert_eq!(o.timeout, Duration::from_secs(60));
        assert!(!o.update && o.runtime.is_none() && o.filter.is_none());
    }

    #[test]
    fn all_options_separate_and_inline() {
        let o = run(&[
            "--runtime",
            "gil",
            "--python",
            "/usr/bin/python3.11",
            "--filter=01",
            "--timeout",
            "2.5",
            "--update",
        ]);
        assert_eq!(o.runtime.as_deref(), Some("gil"));
        assert_eq!(o.python, "/usr/bin/python3.11");
        assert_eq!(o.filter.as_deref(), Some("01"));
        assert_eq!(o.timeout, Duration::from_millis(2500));
        assert!(o.update);
        assert_eq!(run(&["--runtime=free"]).runtime.as_deref(), Some("free"));
        assert_eq!(run(&["--timeout=3"]).timeout, Duration::from_secs(3));
    }

    #[test]
    fn help() {
        assert_eq!(parse_args(&args(&["--help"])), Ok(Parsed::Help));
        assert_eq!(
            parse_args(&args(&["--filter", "x", "-h"])),
            Ok(Parsed::Help)
        );
    }

    #[test]
    fn usage_errors() {
        let err = |v: &[&str]| parse_args(&args(v)).expect_err("should fail");
        assert_eq!(err(&["--bogus"]), "unknown option `--bogus`");
        assert_eq!(err(&["-x"]), "unknown option `-x`");
        assert_eq!(err(&["001"]), "unexpected argument `001`");
        assert_eq!(err(&["--filter"]), "`--filter` needs a value");
        assert_eq!(err(&["--runtime="]), "`--runtime` needs a value");
        assert_eq!(err(&["--update=yes"]), "unknown option `--update=yes`");
        for bad in ["0", "-1", "abc", "nan", "inf", "1e300"] {
            assert!(
                err(&["--timeout", bad]).contains("positive number of seconds"),
                "{bad}"
            );
        }
    }

    #[test]
    fn same_output_and_status_is_same() {
        let c = compare(&exited(0, "a\n", ""), &exited(0, "a\n", ""));
        assert_eq!(c.verdict, Verdict::Same);
        assert!(c.summary.is_empty() && c.details.is_empty());
    }

    #[test]
    fn stdout_difference_is_a_diff_with_lines() {
        let c = compare(&exited(0, "a\nb\n", ""), &exited(0, "a\nc\n", ""));
        assert_eq!(c.verdict, Verdict::Differ);
        assert_eq!(c.summary, "stdout differs from line 2");
        assert!(c.details.contains(&"-b".to_string()));
        assert!(c.details.contains(&"+c".to_string()));
    }

    #[test]
    fn exit_status_difference_is_a_diff() {
        let c = compare(
            &exited(0, "a\n", ""),
            &exited(1, "a\n", "Traceback\nTypeError: x\n"),
        );
        assert_eq!(c.verdict, Verdict::Differ);
        assert_eq!(c.summary, "python exit status 0, ftl exit status 1");
        assert_eq!(
            c.details,
            ["note: stderr differs (last line: python ``, ftl `TypeError: x`)"]
        );
    }

    #[test]
    fn stderr_alone_is_only_a_note() {
        let c = compare(
            &exited(1, "", "  File \"a.py\", line 1\nValueError\n"),
            &exited(1, "", "  File \"a.py\", line 2\nValueError\n"),
        );
        assert_eq!(c.verdict, Verdict::Same);
        assert_eq!(c.details.len(), 1);
        assert!(c.details[0].starts_with("note: stderr differs"));
    }

    #[test]
    fn timeouts_and_errors() {
        let t = RunResult {
            status: Status::TimedOut,
            ..exited(0, "", "")
        };
        let c = compare(&exited(0, "", ""), &t);
        assert_eq!(c.verdict, Verdict::Timeout);
        assert_eq!(c.summary, "ftl did not finish in time");
        let f = RunResult {
            status: Status::Failed("no such file".into()),
            ..exited(0, "", "")
        };
        let c = compare(&f, &t);
        assert_eq!(c.verdict, Verdict::Error);
        assert_eq!(c.summary, "cannot run python: no such file");
    }

    #[test]
    fn select_filters_and_sorts_py_files() {
        let names = args(&["b_2.py", "a_1.py", "a_1.out", "c_12.py", "notes.txt"]);
        assert_eq!(select(names.clone(), None), ["a_1.py", "b_2.py", "c_12.py"]);
        assert_eq!(select(names.clone(), Some("1")), ["a_1.py", "c_12.py"]);
        assert!(select(names, Some("nomatch")).is_empty());
    }

    #[test]
    fn runs_are_timed_out_and_captured() {
        // `sh` stands in for an interpreter: output, status, and a limit.
        let r = run_with_timeout(
            Command::new("sh").args(["-c", "echo out; echo err >&2; exit 3"]),
            Duration::from_secs(10),
        );
        assert_eq!((r.stdout, r.stderr), ("out\n".into(), "err\n".into()));
        assert_eq!(r.status, Status::Exited(3));
        let start = Instant::now();
        let r = run_with_timeout(
            Command::new("sh").args(["-c", "exec sleep 5"]),
            Duration::from_millis(200),
        );
        assert_eq!(r.status, Status::TimedOut);
        assert!(start.elapsed() < Duration::from_secs(4));
        let r = run_with_timeout(
            &mut Command::new("/nonexistent/interpreter"),
            Duration::from_secs(1),
        );
        assert!(matches!(r.status, Status::Failed(_)));
    }
}
