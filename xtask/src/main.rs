//! Project automation, run as `cargo xtask <command>`.
//!
//! Commands arrive with their issues: `bench` (the comparison matrix, the
//! project's main job) with the bench issue, `parity` with the VM issue.
//! `loom` works now: it runs every crate's loom models the way CI does.

use std::process::{Command, ExitCode};

const USAGE: &str = "usage: cargo xtask <command>

commands:
  loom [CRATE...]   run the loom models (RUSTFLAGS=\"--cfg loom\", release,
                    LOOM_MAX_PREEMPTIONS=2 unless set, target dir target/loom)
  bench             the comparison matrix (arrives with the bench issue)
  parity            re-run the parity corpus against python3 (arrives with the VM issue)";

/// Crates that have loom models.
const LOOM_CRATES: &[&str] = &["ftl-core", "ftl-heap"];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("loom") => loom(&args[1..]),
        Some("bench") => not_yet("bench", "the bench issue"),
        Some("parity") => not_yet("parity", "the VM issue"),
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

fn not_yet(cmd: &str, issue: &str) -> ExitCode {
    eprintln!("xtask {cmd}: not built yet; it arrives with {issue}.");
    ExitCode::from(2)
}

fn loom(crates: &[String]) -> ExitCode {
    let crates: Vec<&str> = if crates.is_empty() {
        LOOM_CRATES.to_vec()
    } else {
        crates.iter().map(String::as_str).collect()
    };
    let preemptions = std::env::var("LOOM_MAX_PREEMPTIONS").unwrap_or_else(|_| "2".into());
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.args(["test", "--release", "--target-dir", "target/loom"]);
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
