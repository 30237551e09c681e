//! `cargo xtask tsan`: ThreadSanitizer over the threaded parity corpus on
//! the free-threaded runtimes (`ft-atomic`, `ft-locked`, `ft-biased`, `ft-buffered`).
//!
//! Why: on those runtimes Python threads run the VM truly in parallel,
//! with no GIL to order their accesses, so every shared structure of the
//! VM, the heaps and the object model must be synchronised by its own
//! atomics and locks. The loom models check the small protocols one by
//! one; TSan checks the whole interpreter running real programs, and
//! reports any two accesses to the same memory, one a write, that no
//! happens-before edge orders.
//!
//! Mechanism:
//! 1. Build `ftl` (`ftl-cli`) with nightly into `target/tsan`:
//!    `RUSTFLAGS="--cfg ftl_tsan -Zsanitizer=thread"`, `cargo +nightly
//!    build -Zbuild-std --target x86_64-unknown-linux-gnu --release`.
//!    `-Zbuild-std` rebuilds std itself with the sanitizer, so TSan sees
//!    std's own synchronisation (its `Mutex`, `Arc`, thread spawn and
//!    join) instead of reporting false races across it; it needs nightly's
//!    `rust-src`, which is installed if missing. `--cfg ftl_tsan` keeps the
//!    system allocator (crates/cli/src/alloc.rs): TSan intercepts
//!    `malloc`/`free`, and mimalloc's uninstrumented free lists would make
//!    a block freed by one thread and reused by another look like a race.
//!    The release profile is used with its line tables (`debug = 1`, for
//!    file:line in the reports) but without its fat LTO and single codegen
//!    unit, which would only slow the build down.
//! 2. Run every `corpus/parity/*.py` whose source imports `threading`
//!    (`--program` narrows that) on each runtime (`--runtime`; default
//!    `ft-atomic`, `ft-locked` and `ft-biased`), from `corpus/parity`, with
//!    `TSAN_OPTIONS="halt_on_error=0 exitcode=66 report_signal_unsafe=0
//!    suppressions=.tsan-suppressions"` (the last only when the file
//!    exists; a `TSAN_OPTIONS` already set is appended, so it can add or
//!    override options) and a time limit per run (`--timeout`, default
//!    300 s: TSan makes the VM 5-20 times slower).
//!    Then every `corpus/interpreters/*.py` (PEP 734's subinterpreters)
//!    on `gil-new` (or on the GIL runtimes among `--runtime`), from
//!    `corpus/interpreters`: there each interpreter has a GIL of its own,
//!    so interpreters run in parallel and share only what `ftl-subinterp`
//!    shares (immortal statics, the queues, the registries).
//! 3. Judge each run: the number of `WARNING: ThreadSanitizer` reports in
//!    its stderr, its stdout against the program's `.out` file, and its
//!    exit status (0, or TSan's 66 when it reported). The stderr of every
//!    run that is not clean is kept in `target/tsan/logs/PROGRAM.RUNTIME.log`.
//! 4. Print a table (program x runtime: `ok`, `N reports`, `wrong output`,
//!    `exit N`, `timeout`) and each distinct report, as its two accesses'
//!    innermost places in the workspace, with the runs that hit it.
//!
//! TSan does not model standalone fences (`fence(Acquire)`), so a
//! protocol that synchronises through one (the `Arc`-style refcount: a
//! `Release` decrement, then an `Acquire` fence before the free) shows as
//! a race between the free and the other threads' earlier accesses. Such
//! code must use the equivalent `Acquire` load of the same atomic under
//! `cfg(ftl_tsan)`, as std's `Arc` does under `cfg(sanitize = "thread")`,
//! rather than be suppressed: a suppression broad enough to hide it would
//! also hide real use-after-free races.
//!
//! Exit status: 0 when every run is clean, 1 when any run has a report, a
//! wrong stdout, a bad exit or a timeout, 2 when the check cannot run (a
//! usage error, a failed build, no program selected, an unknown runtime).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use clap::Parser;

use crate::child::{self, Status};

/// The target TSan's std is built for (`-Zbuild-std` needs an explicit one).
const TARGET: &str = "x86_64-unknown-linux-gnu";
/// The exit status TSan gives a run that reported (`exitcode=`).
const TSAN_EXIT: i32 = 66;
/// The line that opens each TSan report.
const REPORT_MARK: &str = "WARNING: ThreadSanitizer";
/// The runtimes checked by default: the ones without a GIL.
const DEFAULT_RUNTIMES: &[&str] = &["ft-atomic", "ft-locked", "ft-biased", "ft-buffered"];
/// The runtime the subinterpreter programs run on by default.
const DEFAULT_INTERPRETER_RUNTIMES: &[&str] = &["gil-new"];

/// `cargo xtask tsan` options.
#[derive(Parser, Debug)]
#[command(
    name = "cargo xtask tsan",
    about = "Run the threaded parity corpus under ThreadSanitizer on the free-threaded runtimes",
    after_help = "Builds ftl with nightly, -Zsanitizer=thread and -Zbuild-std into target/tsan \
                  (rust-src for nightly is installed if missing), then runs every \
                  corpus/parity program that imports threading. Exit status: 0 all clean, \
                  1 a TSan report, wrong output, bad exit or timeout, 2 cannot run. The stderr \
                  of each run that is not clean is kept in target/tsan/logs/."
)]
pub struct Args {
    /// A runtime to check (repeatable; default: ft-atomic, ft-locked, ft-biased and ft-buffered).
    #[arg(long = "runtime", value_name = "NAME")]
    pub runtimes: Vec<String>,
    /// Only programs whose file name contains this (repeatable: any of them).
    #[arg(long = "program", value_name = "SUBSTRING")]
    pub programs: Vec<String>,
    /// Reuse the last TSan build of ftl instead of building.
    #[arg(long)]
    pub no_build: bool,
    /// Time limit of one run, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 300,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: u64,
}

/// The programs `corpus/PROMPT_FINALIZATION` lists (one per line, `#`
/// starts a comment): their output is not compared on `ft-buffered`.
fn prompt_finalization(root: &Path) -> Vec<String> {
    std::fs::read_to_string(root.join("corpus").join("PROMPT_FINALIZATION"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// `cargo xtask tsan ARGS...`.
pub fn main(args: &[String]) -> ExitCode {
    let argv = std::iter::once("cargo xtask tsan".to_string()).chain(args.iter().cloned());
    let args = match Args::try_parse_from(argv) {
        Ok(a) => a,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(&args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("xtask tsan: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<ExitCode, String> {
    let root = crate::ftl::workspace_root();
    let target_dir = root.join("target").join("tsan");
    let dir = root.join("corpus").join("parity");
    let interp_dir = root.join("corpus").join("interpreters");
    let interp_programs = interpreter_programs(&interp_dir, &args.programs)?;
    // A `--program` filter may select only subinterpreter programs.
    let programs = match threaded_programs(&dir, &args.programs) {
        Err(_) if !args.programs.is_empty() && !interp_programs.is_empty() => Vec::new(),
        other => other?,
    };
    let runtimes: Vec<String> = if args.runtimes.is_empty() {
        DEFAULT_RUNTIMES.iter().map(|s| s.to_string()).collect()
    } else {
        args.runtimes.clone()
    };
    let interp_runtimes: Vec<String> = if args.runtimes.is_empty() {
        DEFAULT_INTERPRETER_RUNTIMES
            .iter()
            .map(|s| s.to_string())
            .collect()
    } else {
        args.runtimes
            .iter()
            .filter(|r| r.starts_with("gil-"))
            .cloned()
            .collect()
    };
    if !args.no_build {
        let start = Instant::now();
        build(&root, &target_dir)?;
        eprintln!(
            "xtask tsan: build took {:.0} s",
            start.elapsed().as_secs_f64()
        );
    }
    let ftl = crate::ftl::binary(&target_dir.join(TARGET).join("release"), "ftl")
        .map_err(|e| format!("{e} (build it: drop --no-build)"))?;
    check_runtimes(&ftl, &runtimes)?;
    let suppressions = root.join(".tsan-suppressions");
    let options = tsan_options(
        suppressions.is_file().then_some(suppressions.as_path()),
        std::env::var("TSAN_OPTIONS").ok().as_deref(),
    );
    let logs = target_dir.join("logs");
    std::fs::create_dir_all(&logs).map_err(|e| format!("cannot create {}: {e}", logs.display()))?;
    println!(
        "xtask tsan: {} program(s) x {} runtime(s), timeout {} s\nTSAN_OPTIONS={options}",
        programs.len(),
        runtimes.len(),
        args.timeout
    );

    let start = Instant::now();
    let timeout = Duration::from_secs(args.timeout);
    // Each distinct report (its two accesses), with the runs that hit it.
    let mut summaries: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let uncompared = prompt_finalization(&root);
    let runner = Runner {
        ftl: &ftl,
        options: &options,
        timeout,
        logs: &logs,
        root: &root,
        uncompared: &uncompared,
    };
    let rows = runner.run_all(&dir, &programs, &runtimes, &mut summaries)?;
    let interp_rows = if interp_runtimes.is_empty() {
        Vec::new()
    } else {
        runner.run_all(
            &interp_dir,
            &interp_programs,
            &interp_runtimes,
            &mut summaries,
        )?
    };

    println!("\n{}", table(&runtimes, &rows));
    if !interp_rows.is_empty() {
        println!(
            "subinterpreters (corpus/interpreters):\n{}",
            table(&interp_runtimes, &interp_rows)
        );
    }
    if !summaries.is_empty() {
        println!("distinct reports (the two accesses; the runs, xN when a run had it N times):");
        for (s, runs) in &summaries {
            println!("  {s}\n      {}", count_runs(runs).join(" "));
        }
        println!("full reports: {}", logs.display());
    }
    let bad = rows
        .iter()
        .chain(&interp_rows)
        .flat_map(|(_, cells)| cells)
        .filter(|c| !c.is_ok())
        .count();
    let total = programs.len() * runtimes.len() + interp_rows.len() * interp_runtimes.len();
    println!(
        "{total} runs in {:.0} s: {} clean, {bad} not",
        start.elapsed().as_secs_f64(),
        total - bad
    );
    Ok(if bad == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// What every run of one `cargo xtask tsan` shares.
struct Runner<'a> {
    ftl: &'a Path,
    options: &'a str,
    timeout: Duration,
    logs: &'a Path,
    root: &'a Path,
    uncompared: &'a [String],
}

impl Runner<'_> {
    /// Runs each of `programs` (in `dir`, each with its `.out`) on each of
    /// `runtimes`; a row of cells per program, the reports into
    /// `summaries`.
    fn run_all(
        &self,
        dir: &Path,
        programs: &[String],
        runtimes: &[String],
        summaries: &mut BTreeMap<String, Vec<String>>,
    ) -> Result<Vec<(String, Vec<Cell>)>, String> {
        let mut rows = Vec::new();
        for name in programs {
            let stem = name.trim_end_matches(".py");
            let expected = std::fs::read_to_string(dir.join(format!("{stem}.out")))
                .map_err(|e| format!("cannot read {stem}.out: {e}"))?;
            let mut cells = Vec::new();
            for rt in runtimes {
                let mut cmd = Command::new(self.ftl);
                cmd.args(["run", "--runtime", rt, name])
                    .current_dir(dir)
                    .env("TSAN_OPTIONS", self.options);
                let out = child::run(&mut cmd, self.timeout);
                // `ft-buffered` frees later than CPython: where the output
                // depends on prompt frees, only the run itself is judged.
                let compare = !(rt == "ft-buffered" && self.uncompared.iter().any(|u| u == name));
                let expected = if compare { &expected } else { &out.stdout };
                let cell = Cell::judge(&out.status, &out.stdout, expected, &out.stderr);
                let secs = out.usage.map_or(0.0, |u| u.wall_s);
                println!("  {stem:<40} {rt:<10} {:>6.1} s  {}", secs, cell.describe());
                if !cell.is_ok() {
                    let log = self.logs.join(format!("{stem}.{rt}.log"));
                    let text = format!(
                        "# {stem} on {rt}: {}\n# stdout:\n{}\n# stderr:\n{}",
                        cell.describe(),
                        out.stdout,
                        out.stderr
                    );
                    if let Err(e) = std::fs::write(&log, text) {
                        eprintln!("xtask tsan: cannot write {}: {e}", log.display());
                    }
                }
                for r in describe_reports(&out.stderr, &self.root.to_string_lossy()) {
                    summaries.entry(r).or_default().push(format!("{stem}@{rt}"));
                }
                cells.push(cell);
            }
            rows.push((stem.to_string(), cells));
        }
        Ok(rows)
    }
}

/// The `.py` files of `dir` (the subinterpreter corpus: every program
/// runs interpreters in parallel) whose name contains one of `filters`,
/// sorted; none is not an error (a filter may be meant for the parity
/// corpus).
fn interpreter_programs(dir: &Path, filters: &[String]) -> Result<Vec<String>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".py"))
        .filter(|n| filters.is_empty() || filters.iter().any(|f| n.contains(f.as_str())))
        .collect();
    names.sort();
    Ok(names)
}

/// Builds `ftl` with TSan into `target_dir` (see the module doc).
fn build(root: &Path, target_dir: &Path) -> Result<(), String> {
    ensure_rust_src()?;
    let mut cmd = Command::new("rustup");
    // `rustup run nightly cargo` is `cargo +nightly`, also when the `cargo`
    // on PATH is a toolchain's own binary rather than rustup's proxy.
    cmd.args([
        "run",
        "nightly",
        "cargo",
        "build",
        "-Zbuild-std",
        "--release",
    ])
    .args(["--target", TARGET, "-p", "ftl-cli", "--target-dir"])
    .arg(target_dir)
    .current_dir(root)
    .env("RUSTFLAGS", "--cfg ftl_tsan -Zsanitizer=thread")
    .env("CARGO_PROFILE_RELEASE_LTO", "false")
    .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
    .env("CARGO_PROFILE_RELEASE_INCREMENTAL", "false")
    // The stable toolchain that runs xtask must not leak into the
    // nightly build.
    .env_remove("RUSTUP_TOOLCHAIN")
    .env_remove("RUSTC")
    .env_remove("RUSTC_WRAPPER")
    .env_remove("CARGO_ENCODED_RUSTFLAGS")
    .env_remove("CARGO_BUILD_TARGET");
    eprintln!(
        "xtask tsan: building ftl with -Zsanitizer=thread -Zbuild-std into {}",
        target_dir.display()
    );
    let status = cmd
        .status()
        .map_err(|e| format!("cannot run rustup (nightly is needed): {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the TSan build failed ({status})"))
    }
}

/// Installs nightly's `rust-src` (what `-Zbuild-std` compiles) if missing.
fn ensure_rust_src() -> Result<(), String> {
    let out = Command::new("rustup")
        .args(["component", "list", "--toolchain", "nightly", "--installed"])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run rustup: {e}"))?;
    if !out.status.success() {
        return Err("no nightly toolchain: rustup toolchain install nightly".into());
    }
    if String::from_utf8_lossy(&out.stdout)
        .lines()
        .any(|l| l.trim().starts_with("rust-src"))
    {
        return Ok(());
    }
    eprintln!("xtask tsan: installing rust-src for nightly");
    let status = Command::new("rustup")
        .args(["component", "add", "rust-src", "--toolchain", "nightly"])
        .status()
        .map_err(|e| format!("cannot run rustup: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err("rustup component add rust-src --toolchain nightly failed".into())
    }
}

/// Checks that every runtime exists and is available in this build.
fn check_runtimes(ftl: &Path, runtimes: &[String]) -> Result<(), String> {
    let listing = crate::ftl::listing(ftl)?;
    for rt in runtimes {
        match listing.runtimes.iter().find(|r| &r.name == rt) {
            Some(r) if r.available => {}
            Some(_) => return Err(format!("runtime `{rt}` is not available in this build")),
            None => {
                let names: Vec<&str> = listing.runtimes.iter().map(|r| r.name.as_str()).collect();
                return Err(format!(
                    "unknown runtime `{rt}` (ftl runtimes lists: {})",
                    names.join(", ")
                ));
            }
        }
    }
    Ok(())
}

/// The `.py` files of `dir` that import `threading` and whose name
/// contains one of `filters` (all of them when `filters` is empty),
/// sorted.
fn threaded_programs(dir: &Path, filters: &[String]) -> Result<Vec<String>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut all = Vec::new();
    for e in entries.filter_map(Result::ok) {
        let Ok(name) = e.file_name().into_string() else {
            continue;
        };
        if !name.ends_with(".py") {
            continue;
        }
        let path: PathBuf = e.path();
        let source = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        all.push((name, source));
    }
    // A program the corpus lists as not passing yet cannot be judged by its
    // output: it is left out, and said so.
    let known = known_failures(dir);
    let (skipped, kept): (Vec<_>, Vec<_>) = all.into_iter().partition(|(name, _)| {
        let sub = dir.file_name().and_then(|d| d.to_str()).unwrap_or("");
        known.contains(&format!("{sub}/{name}"))
    });
    let skipped = select(skipped, filters);
    if !skipped.is_empty() {
        println!(
            "left out, listed in corpus/KNOWN_FAILURES: {}",
            skipped.join(", ")
        );
    }
    let all = kept;
    let selected = select(all, filters);
    if selected.is_empty() {
        return Err(format!(
            "no threaded program in {} matches {:?}",
            dir.display(),
            filters
        ));
    }
    Ok(selected)
}

/// The entries of `KNOWN_FAILURES` beside the corpus folder `dir`
/// (`parity/NAME.py`, one per line, `#` comments).
fn known_failures(dir: &Path) -> Vec<String> {
    let file = dir.parent().map(|p| p.join("KNOWN_FAILURES"));
    let text = file
        .and_then(|f| std::fs::read_to_string(f).ok())
        .unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Whether a program uses threads: its source imports `threading`.
pub fn is_threaded(source: &str) -> bool {
    source.contains("import threading") || source.contains("from threading import")
}

/// The names of the threaded programs among `(name, source)` whose name
/// contains one of `filters` (any name when `filters` is empty), sorted.
pub fn select(programs: Vec<(String, String)>, filters: &[String]) -> Vec<String> {
    let mut v: Vec<String> = programs
        .into_iter()
        .filter(|(name, source)| {
            is_threaded(source)
                && (filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str())))
        })
        .map(|(name, _)| name)
        .collect();
    v.sort();
    v
}

/// The `TSAN_OPTIONS` of every run: ours, then `extra` (the caller's own
/// `TSAN_OPTIONS`, whose later options win).
pub fn tsan_options(suppressions: Option<&Path>, extra: Option<&str>) -> String {
    let mut o = format!("halt_on_error=0 exitcode={TSAN_EXIT} report_signal_unsafe=0");
    if let Some(s) = suppressions {
        o.push_str(&format!(" suppressions={}", s.display()));
    }
    if let Some(extra) = extra.map(str::trim).filter(|e| !e.is_empty()) {
        o.push(' ');
        o.push_str(extra);
    }
    o
}

/// How many TSan reports `stderr` holds.
pub fn count_reports(stderr: &str) -> usize {
    stderr
        .lines()
        .filter(|l| l.trim_start_matches('=').trim().starts_with(REPORT_MARK))
        .count()
}

/// One line per TSan report in `stderr`, naming where in the workspace
/// its first two accesses were made: `data race: Write of size 8 (free)
/// at crates/object/src/header.rs:371:9 / Previous atomic write of size 8
/// at crates/heap/src/atomic.rs:63:17`. Each access is placed at its
/// innermost frame under `root` (the report's own `SUMMARY` line names the
/// innermost frame of all, often in std or TSan's interceptors, which
/// says little), or its innermost located frame if none is; addresses and
/// thread numbers are left out so that the same race in two runs gives
/// the same line.
pub fn describe_reports(stderr: &str, root: &str) -> Vec<String> {
    let root = format!("{}/", root.trim_end_matches('/'));
    let mut out = Vec::new();
    let mut lines = stderr.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(kind) = line
            .trim_start_matches('=')
            .trim()
            .strip_prefix(REPORT_MARK)
        else {
            continue;
        };
        let kind = kind.trim_start_matches(':').trim();
        let kind = kind.split(" (pid=").next().unwrap_or(kind);
        // The access sections: a two-space heading, then its frames.
        let mut accesses: Vec<String> = Vec::new();
        let mut heading: Option<String> = None;
        let mut frames: Vec<&str> = Vec::new();
        let mut flush = |heading: &mut Option<String>, frames: &mut Vec<&str>| {
            if let Some(h) = heading.take() {
                if !frames.is_empty() && accesses.len() < 2 {
                    accesses.push(describe_access(&h, frames, &root));
                }
            }
            frames.clear();
        };
        while let Some(l) = lines.peek() {
            if l.contains(REPORT_MARK) || l.starts_with("SUMMARY:") {
                break;
            }
            let l = lines.next().unwrap_or_default();
            if l.starts_with("    #") {
                frames.push(l);
            } else if l.starts_with("  ") && !l.starts_with("   ") {
                flush(&mut heading, &mut frames);
                // Thread creation sites say nothing about the race.
                if !l.trim_start().starts_with("Thread T") {
                    heading = Some(l.trim().to_string());
                }
            }
        }
        flush(&mut heading, &mut frames);
        out.push(format!("{kind}: {}", accesses.join(" / ")));
    }
    out
}

/// `Previous atomic write of size 8 at crates/heap/src/atomic.rs:63:17`
/// for one access section (see [`describe_reports`]).
fn describe_access(heading: &str, frames: &[&str], root: &str) -> String {
    let what = heading
        .split(" at 0x")
        .next()
        .unwrap_or(heading)
        .split(" by thread T")
        .next()
        .unwrap_or(heading)
        .split(" by main thread")
        .next()
        .unwrap_or(heading)
        .trim_end_matches(':');
    let freed = frames
        .first()
        .and_then(|f| f.split_whitespace().nth(1))
        .is_some_and(|func| func == "free");
    let located: Vec<&str> = frames.iter().filter_map(|f| frame_location(f)).collect();
    let place = located
        .iter()
        .find(|l| l.starts_with(root))
        .or(located.first())
        .map_or("?", |l| l.strip_prefix(root).unwrap_or(l));
    format!("{what}{} at {place}", if freed { " (free)" } else { "" })
}

/// The `/path/file.rs:LINE:COL` of a report's frame line, if it has one.
fn frame_location(frame: &str) -> Option<&str> {
    frame.split_whitespace().find(|t| {
        t.starts_with('/')
            && t.rsplit(':')
                .next()
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// `["a", "a", "b"]` as `["a x2", "b"]` (equal names are adjacent).
fn count_runs(runs: &[String]) -> Vec<String> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for r in runs {
        match out.last_mut() {
            Some((last, n)) if last == r => *n += 1,
            _ => out.push((r.clone(), 1)),
        }
    }
    out.into_iter()
        .map(|(r, n)| if n == 1 { r } else { format!("{r} x{n}") })
        .collect()
}

/// The verdict on one run of one program on one runtime.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// TSan reports in its stderr.
    pub reports: usize,
    /// Whether stdout differs from the `.out` file.
    pub wrong_output: bool,
    /// A problem with how it ended (a bad exit, a signal, a timeout), if any.
    pub ending: Option<String>,
}

impl Cell {
    /// Judges a run from how it ended, its stdout against `expected`, and
    /// its stderr. Exit 0 is fine, and so is TSan's own exit status when
    /// it reported (the reports are the problem then, not the exit).
    pub fn judge(status: &Status, stdout: &str, expected: &str, stderr: &str) -> Cell {
        let reports = count_reports(stderr);
        let ending = match status {
            Status::Exited(0) => None,
            Status::Exited(TSAN_EXIT) if reports > 0 => None,
            Status::Exited(c) => Some(format!("exit {c}")),
            Status::Signaled(s) => Some(format!("signal {s}")),
            Status::TimedOut => Some("timeout".to_string()),
            Status::Failed(why) => Some(format!("could not run: {why}")),
        };
        let ran = !matches!(status, Status::TimedOut | Status::Failed(_));
        Cell {
            reports,
            wrong_output: ran && stdout != expected,
            ending,
        }
    }

    /// Whether the run was clean.
    pub fn is_ok(&self) -> bool {
        self.reports == 0 && !self.wrong_output && self.ending.is_none()
    }

    /// `ok`, or what was wrong (`2 reports, wrong output`).
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        match self.reports {
            0 => {}
            1 => parts.push("1 report".to_string()),
            n => parts.push(format!("{n} reports")),
        }
        if self.wrong_output {
            parts.push("wrong output".to_string());
        }
        if let Some(e) = &self.ending {
            parts.push(e.clone());
        }
        if parts.is_empty() {
            "ok".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// The summary table: a row per program, a column per runtime.
pub fn table(runtimes: &[String], rows: &[(String, Vec<Cell>)]) -> String {
    let first = rows
        .iter()
        .map(|(p, _)| p.len())
        .chain(std::iter::once("program".len()))
        .max()
        .unwrap_or(0);
    let texts: Vec<Vec<String>> = rows
        .iter()
        .map(|(_, cells)| cells.iter().map(Cell::describe).collect())
        .collect();
    let widths: Vec<usize> = runtimes
        .iter()
        .enumerate()
        .map(|(i, rt)| {
            texts
                .iter()
                .filter_map(|t| t.get(i).map(String::len))
                .chain(std::iter::once(rt.len()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |name: &str, cols: &[String]| {
        let mut s = format!("{name:<first$}");
        for (c, w) in cols.iter().zip(&widths) {
            s.push_str(&format!("  {c:<w$}"));
        }
        s.trim_end().to_string()
    };
    let mut out = vec![line("program", runtimes)];
    for ((name, _), t) in rows.iter().zip(&texts) {
        out.push(line(name, t));
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "\
==================
WARNING: ThreadSanitizer: data race (pid=4242)
  Write of size 8 at 0x7b0c00000010 by thread T2:
    #0 ftl_heap::lock::ByteLock::unlock /w/crates/heap/src/lock.rs:88:9 (ftl+0x1234)
  Previous read of size 8 at 0x7b0c00000010 by thread T1:
    #0 ftl_vm::objects::list::append /w/crates/vm/src/objects/list.rs:12:5 (ftl+0x5678)
SUMMARY: ThreadSanitizer: data race /w/crates/heap/src/lock.rs:88:9 in ftl_heap::lock::ByteLock::unlock
==================
";

    #[test]
    fn counts_reports_and_their_summaries() {
        assert_eq!(count_reports(""), 0);
        assert_eq!(count_reports("hello\nWARNING: something else\n"), 0);
        assert_eq!(count_reports(REPORT), 1);
        let two = format!("{REPORT}program output\n{REPORT}ThreadSanitizer: reported 2 warnings\n");
        assert_eq!(count_reports(&two), 2);
        assert_eq!(
            describe_reports(&two, "/w"),
            vec![
                "data race: Write of size 8 at crates/heap/src/lock.rs:88:9 / \
                 Previous read of size 8 at crates/vm/src/objects/list.rs:12:5";
                2
            ]
        );
    }

    #[test]
    fn places_a_free_in_the_workspace() {
        let std = "/home/u/.rustup/toolchains/nightly/lib/rustlib/src/rust/library";
        let report = format!(
            "WARNING: ThreadSanitizer: data race (pid=31911)
  Write of size 8 at 0x720c0000d900 by thread T1:
    #0 free /rustc/llvm/compiler-rt/lib/tsan/rtl/tsan_interceptors_posix.cpp:735:3 (ftl+0x27) (BuildId: 61)
    #1 <std::alloc::System as core::alloc::global::GlobalAlloc>::dealloc {std}/std/src/sys/alloc/unix.rs:48:18 (ftl+0x7c)
    #2 ftl_object::header::dealloc::<A, B> (.llvm.1832) /w/crates/object/src/header.rs:371:9 (ftl+0x37)

  Previous atomic write of size 8 at 0x720c0000d900 by main thread:
    #0 core::sync::atomic::atomic_sub::<usize, usize> {std}/core/src/sync/atomic.rs:3956:24 (ftl+0x5b)
    #1 <ftl_heap::atomic::Atomic as ftl_core::refcount::RefCount>::decref /w/crates/heap/src/atomic.rs:63:17 (ftl+0x5b)

  Thread T1 'ftl-main' (tid=31916, running) created by main thread at:
    #0 pthread_create /rustc/llvm/compiler-rt/lib/tsan/rtl/tsan_interceptors_posix.cpp:1078:3 (ftl+0x27)
    #1 ftl::run /w/crates/cli/src/main.rs:171:10 (ftl+0x30)

SUMMARY: ThreadSanitizer: data race {std}/std/src/sys/alloc/unix.rs:48:18 in dealloc
"
        );
        assert_eq!(
            describe_reports(&report, "/w/"),
            [
                "data race: Write of size 8 (free) at crates/object/src/header.rs:371:9 / \
              Previous atomic write of size 8 at crates/heap/src/atomic.rs:63:17"
            ]
        );
        // Outside the workspace, the innermost located frame.
        assert_eq!(
            describe_reports(&report, "/elsewhere"),
            [format!(
                "data race: Write of size 8 (free) at \
                 /rustc/llvm/compiler-rt/lib/tsan/rtl/tsan_interceptors_posix.cpp:735:3 / \
                 Previous atomic write of size 8 at {std}/core/src/sync/atomic.rs:3956:24"
            )]
        );
        assert_eq!(
            count_runs(&["a".into(), "a".into(), "b".into()]),
            ["a x2", "b"]
        );
    }

    #[test]
    fn judges_a_run() {
        let ok = Cell::judge(&Status::Exited(0), "1\n", "1\n", "");
        assert!(ok.is_ok());
        assert_eq!(ok.describe(), "ok");
        // TSan's exit status with reports: the reports are the verdict.
        let raced = Cell::judge(&Status::Exited(TSAN_EXIT), "1\n", "1\n", REPORT);
        assert_eq!(raced.describe(), "1 report");
        let both = Cell::judge(&Status::Exited(TSAN_EXIT), "2\n", "1\n", &REPORT.repeat(3));
        assert_eq!(both.describe(), "3 reports, wrong output");
        // Exit 66 without a report is the program's own status.
        assert_eq!(
            Cell::judge(&Status::Exited(66), "1\n", "1\n", "").describe(),
            "exit 66"
        );
        let crashed = Cell::judge(&Status::Exited(1), "", "1\n", "Traceback");
        assert_eq!(crashed.describe(), "wrong output, exit 1");
        // A timeout says nothing of the (partial) output.
        let slow = Cell::judge(&Status::TimedOut, "", "1\n", "");
        assert_eq!(slow.describe(), "timeout");
        assert!(!slow.is_ok());
    }

    #[test]
    fn selects_threaded_programs_by_name() {
        let progs = || {
            vec![
                ("090_b.py".to_string(), "import threading\n".to_string()),
                ("010_plain.py".to_string(), "print(1)\n".to_string()),
                (
                    "099_stress_a.py".to_string(),
                    "import sys, threading".to_string(),
                ),
                (
                    "081_a.py".to_string(),
                    "from threading import Thread".to_string(),
                ),
                (
                    "113_gc_thread.py".to_string(),
                    "import gc\nimport threading\n".to_string(),
                ),
                (
                    "120_weak.py".to_string(),
                    "import weakref\nimport threading\n".to_string(),
                ),
            ]
        };
        assert_eq!(
            select(progs(), &[]),
            ["081_a.py", "090_b.py", "113_gc_thread.py", "120_weak.py"],
            "gc and weakref run on every runtime"
        );
        assert_eq!(
            select(progs(), &["_b".into(), "081".into()]),
            ["081_a.py", "090_b.py"]
        );
        assert!(select(progs(), &["plain".into()]).is_empty());
    }

    #[test]
    fn options_and_flags() {
        assert_eq!(
            tsan_options(None, None),
            "halt_on_error=0 exitcode=66 report_signal_unsafe=0"
        );
        assert_eq!(
            tsan_options(
                Some(Path::new("/r/.tsan-suppressions")),
                Some(" verbosity=1 ")
            ),
            "halt_on_error=0 exitcode=66 report_signal_unsafe=0 \
             suppressions=/r/.tsan-suppressions verbosity=1"
        );
        let a = Args::try_parse_from([
            "tsan",
            "--runtime",
            "ft-atomic",
            "--program",
            "stress",
            "--program",
            "081",
            "--no-build",
        ])
        .unwrap();
        assert_eq!(a.runtimes, ["ft-atomic"]);
        assert_eq!(a.programs, ["stress", "081"]);
        assert!(a.no_build);
        assert_eq!(a.timeout, 300);
        assert!(Args::try_parse_from(["tsan", "--timeout", "0"]).is_err());
    }

    #[test]
    fn the_table_lines_up() {
        let rts = vec!["ft-atomic".to_string(), "ft-locked".to_string()];
        let ok = Cell::judge(&Status::Exited(0), "", "", "");
        let bad = Cell::judge(&Status::Exited(TSAN_EXIT), "", "", &REPORT.repeat(2));
        let t = table(
            &rts,
            &[
                ("081_threads_race_lock".into(), vec![ok.clone(), bad]),
                ("099_x".into(), vec![ok.clone(), ok]),
            ],
        );
        assert_eq!(
            t,
            "program                ft-atomic  ft-locked\n\
             081_threads_race_lock  ok         2 reports\n\
             099_x                  ok         ok"
        );
    }
}
