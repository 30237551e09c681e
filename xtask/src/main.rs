//! Project automation, run as `cargo xtask <command>`.
//!
//! * `bench` runs the comparison matrix, the project's main job, and writes
//!   its report (see [`bench`]).
//! * `report` renders the report again from one or more results.json,
//!   merging runs from several machines side by side (see
//!   [`bench::rerender`]).
//! * `loom` runs every crate's loom models the way CI does.
//! * `parity` re-runs the parity corpus (`corpus/parity/*.py`) against a
//!   live `python3` and lists the programs where `ftl` differs, and the
//!   committed `.out` files that no longer match python (see [`parity`]).
//! * `tsan` runs the threaded parity programs under ThreadSanitizer on the
//!   free-threaded runtimes (see [`tsan`]).
//!
//! An unknown command or option prints the usage text and exits with
//! status 2. Shared pieces: [`child`] (running and measuring one child
//! process) and [`ftl`] (building `ftl`, its runtime listing).

mod bench;
mod child;
mod ftl;
mod linediff;
mod parity;
mod tsan;

use std::process::{Command, ExitCode};

const USAGE: &str = "usage: cargo xtask <command>

commands:
  loom [CRATE...]   run the loom models (RUSTFLAGS=\"--cfg loom\", release,
                    LOOM_MAX_PREEMPTIONS=2 unless set, target dir target/loom)
  bench [OPTIONS]   the comparison matrix and its report (--quick, --smoke,
                    --out DIR, --filter PATTERN, --runtimes LIST, --repeat N,
                    --timeline RUNTIME:WORKLOAD; `cargo xtask bench --help`)
  report PATH...    render report.md and index.html again from one or more
                    results.json (or bench output folders); several are merged
                    side by side, each labelled with its machine (--out DIR,
                    default target/ftl-bench-report)
  parity [OPTIONS]  re-run corpus/parity against python3 and list differences
                    (--runtime NAME, --python PATH, --filter SUBSTR,
                    --timeout SECS, --update; `cargo xtask parity --help`)
  tsan [OPTIONS]    the threaded corpus under ThreadSanitizer (nightly,
                    -Zbuild-std, target dir target/tsan) on ft-atomic,
                    ft-locked and ft-biased (--runtime NAME, --program SUBSTR, --no-build,
                    --timeout SECS; `cargo xtask tsan --help`)";

/// Crates that have loom models.
const LOOM_CRATES: &[&str] = &["ftl-core", "ftl-heap", "ftl-gil", "ftl-gc"];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("loom") => loom(&args[1..]),
        Some("bench") => bench::main(&args[1..]),
        Some("report") => bench::rerender::main(&args[1..]),
        Some("parity") => parity::main(&args[1..]),
        Some("tsan") => tsan::main(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => {
            eprintln!("xtask: unknown command `{other}`\n\n{USAGE}");
            ExitCode::from(2)
        }
        None => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn loom(crates: &[String]) -> ExitCode {
    let crates: Vec<&str> = if crates.is_empty() {
        LOOM_CRATES.to_vec()
    } else {
        crates.iter().map(String::as_str).collect()
    };
    let preemptions = std::env::var("LOOM_MAX_PREEMPTIONS").unwrap_or_else(|_| "2".into());
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    // Unit and integration tests only: the models are unit tests, and
    // doctests are examples for real threads, which loom's primitives
    // refuse outside a model (rustdoc also builds them without the cfg).
    cmd.args([
        "test",
        "--release",
        "--target-dir",
        "target/loom",
        "--lib",
        "--tests",
    ]);
    for c in &crates {
        cmd.args(["-p", c]);
    }
    cmd.env("RUSTFLAGS", "--cfg loom")
        .env("LOOM_MAX_PREEMPTIONS", &preemptions);
    eprintln!(
        "xtask loom: LOOM_MAX_PREEMPTIONS={preemptions} {:?}",
        crates
    );
    match cmd.status() {
        Ok(s) if s.success() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("xtask loom: cannot run cargo: {e}");
            ExitCode::FAILURE
        }
    }
}
