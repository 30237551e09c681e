//! `ftl-ceiling`: the pure-Rust ceiling of the comparison matrix.
//!
//! The same CPU-bound work as a workload of `benches/workloads`, split the
//! same way, in plain Rust threads with no interpreter at all. Its speedup
//! at 2 workers is this machine's real parallel limit (on a shared 2-vCPU
//! VM it is below 2.0: two vCPUs are rarely two idle cores), the line every
//! runtime's speedup is drawn against.
//!
//! ```text
//! ftl-ceiling WORKLOAD SIZE EXECUTOR WORKERS    (the workload calling convention)
//! ftl-ceiling --list                            (the workloads it has)
//! ```
//!
//! It prints the workload's answer exactly as the Python program does, so
//! the bench checks it against python3's like any other cell. Plain Rust
//! does the work some fifty times faster than an interpreter, so each
//! share does it [`REPEAT`] times over (same answer): otherwise a run would
//! be over in a few milliseconds, too short to time next to process
//! start-up and thread creation.
//!
//! `count_primes`: share k of W is the odd numbers `3 + 2k, 3 + 2k + 2W,
//! ...` below SIZE, and share 0 also counts 2; an odd x is prime when no
//! odd d with 3 <= d and d * d <= x divides it. The shares are interleaved
//! so that every worker gets the same mix of small and large numbers.

use std::process::ExitCode;

/// How many times each share does its work.
const REPEAT: u32 = 20;

/// The workloads this ceiling implements.
const WORKLOADS: &[&str] = &["count_primes"];

fn is_prime(x: u64) -> bool {
    if x.is_multiple_of(2) {
        return x == 2;
    }
    let mut d = 3;
    while d * d <= x {
        if x.is_multiple_of(d) {
            return false;
        }
        d += 2;
    }
    true
}

fn count_share(k: u64, workers: u64, size: u64) -> u64 {
    let once = || {
        let two = u64::from(k == 0 && size > 2);
        two + (3 + 2 * k..size)
            .step_by(2 * workers as usize)
            .filter(|&x| is_prime(std::hint::black_box(x)))
            .count() as u64
    };
    let count = once();
    for _ in 1..REPEAT {
        // black_box: every repetition really runs.
        assert_eq!(std::hint::black_box(once()), count);
    }
    count
}

fn count_primes(size: u64, executor: &str, workers: u64) -> Result<u64, String> {
    match executor {
        "serial" => Ok(count_share(0, 1, size)),
        "threads" => {
            let handles: Vec<_> = (0..workers)
                .map(|k| std::thread::spawn(move || count_share(k, workers, size)))
                .collect();
            let mut total = 0;
            for h in handles {
                total += h
                    .join()
                    .map_err(|_| "a worker thread panicked".to_string())?;
            }
            Ok(total)
        }
        other => Err(format!(
            "the ceiling has no executor `{other}` (serial, threads)"
        )),
    }
}

const USAGE: &str = "usage: ftl-ceiling WORKLOAD SIZE EXECUTOR WORKERS | ftl-ceiling --list";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() == 1 && args[0] == "--list" {
        for w in WORKLOADS {
            println!("{w}");
        }
        return ExitCode::SUCCESS;
    }
    let [workload, size, executor, workers] = args.as_slice() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let (Ok(size), Ok(workers)) = (size.parse::<u64>(), workers.parse::<u64>()) else {
        eprintln!("ftl-ceiling: SIZE and WORKERS must be whole numbers\n{USAGE}");
        return ExitCode::from(2);
    };
    if workers == 0 {
        eprintln!("ftl-ceiling: WORKERS must be at least 1");
        return ExitCode::from(2);
    }
    let result = match workload.as_str() {
        "count_primes" => {
            count_primes(size, executor, workers).map(|n| format!("primes below {size}: {n}"))
        }
        other => Err(format!(
            "no ceiling for workload `{other}` (have: {})",
            WORKLOADS.join(", ")
        )),
    };
    match result {
        Ok(answer) => {
            println!("{answer}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("ftl-ceiling: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_match_a_sieve_for_every_split() {
        let size = 5000u64;
        let mut sieve = vec![true; size as usize];
        sieve[0] = false;
        sieve[1] = false;
        for i in 2..size as usize {
            if sieve[i] {
                for j in (i * i..size as usize).step_by(i) {
                    sieve[j] = false;
                }
            }
        }
        let want = sieve.iter().filter(|&&p| p).count() as u64;
        assert_eq!(want, 669);
        assert_eq!(count_primes(size, "serial", 1), Ok(want));
        for w in [1, 2, 3, 4, 7] {
            assert_eq!(count_primes(size, "threads", w), Ok(want), "workers {w}");
        }
        assert!(count_primes(size, "processes", 2).is_err());
    }
}
