//! The workloads of the comparison matrix: `benches/workloads/*.py` and the
//! header each one declares itself with.
//!
//! A workload is an ordinary Python program that runs unchanged on CPython
//! and on ftl. It is invoked as `WORKLOAD.py SIZE EXECUTOR WORKERS` and
//! declares, in comment lines near its top (the first 60 lines), what it
//! supports:
//!
//! ```text
//! # bench: kind cpu                      cpu | io | race | memory | single
//! # bench: executors serial threads      serial | threads | processes | interpreters
//! # bench: workers 1 2 4                 for threads / processes (serial is 1)
//! # bench: size 1000000 quick 200000 smoke 5000
//! # bench: python2                       written in the Python 2/3 common subset
//! # bench: requires gc                   modules it needs beyond its executor
//! ```
//!
//! Its stdout is its *answer* — compared with python3's answer for the
//! same cell — except lines `METRIC name value`, the workload's own
//! measurements (latency percentiles, lost updates, collections...), which
//! are recorded and never compared.
//!
//! Files whose name starts with `_` are modules the workloads import
//! (`_workload.py`: the argument parsing and a percentile), not workloads.
//!
//! Invariants: a parsed workload has at least one executor, worker counts
//! ≥ 1, and `serial` only ever runs with 1 worker.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What a workload exercises; the report groups and judges by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// CPU-bound work split across workers (speedup is the figure).
    Cpu,
    /// Threads that mostly block (Guido's criterion covers these).
    Io,
    /// A data race made visible (lost updates, oversold stock).
    Race,
    /// Allocation and collection (pauses are the figure).
    Memory,
    /// A single-threaded benchmark (overhead is the figure).
    Single,
}

impl Kind {
    /// The name used in headers and results.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Cpu => "cpu",
            Kind::Io => "io",
            Kind::Race => "race",
            Kind::Memory => "memory",
            Kind::Single => "single",
        }
    }

    fn parse(s: &str) -> Option<Kind> {
        [Kind::Cpu, Kind::Io, Kind::Race, Kind::Memory, Kind::Single]
            .into_iter()
            .find(|k| k.name() == s)
    }
}

/// The executors a workload can split its work with.
pub const EXECUTORS: &[&str] = &["serial", "threads", "processes", "interpreters"];

/// The sizes of one workload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sizes {
    /// A full run.
    pub full: u64,
    /// `--quick`.
    pub quick: u64,
    /// `--smoke` (CI).
    pub smoke: u64,
}

/// One workload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workload {
    /// The file stem (`count_primes`).
    pub name: String,
    /// The program.
    pub path: PathBuf,
    /// What it exercises.
    pub kind: Kind,
    /// Executors it supports, in the header's order.
    pub executors: Vec<String>,
    /// Worker counts for `threads` / `processes` / `interpreters`.
    pub workers: Vec<u32>,
    /// Its sizes.
    pub sizes: Sizes,
    /// Whether it is meant to run on python2.7 as well.
    pub python2: bool,
    /// Modules it needs beyond its executor.
    pub requires: Vec<String>,
}

impl Workload {
    /// Whether its header sweeps the worker count (more than one count
    /// above 1, as count_primes' `1 2 4` and race_counter's `2 4`), so that
    /// a bigger machine or `--workers` may change the counts. A workload
    /// with a fixed shape (convoy's one CPU-bound and one I/O thread) keeps
    /// its header's.
    pub fn scales(&self) -> bool {
        self.workers.iter().filter(|&&w| w > 1).count() > 1
    }

    /// The worker counts to run (issue 14). A workload that does not
    /// [`scales`](Self::scales) keeps its header's. Otherwise `list`
    /// (`--workers`), without counts below the header's least (a race needs
    /// two threads), replaces them; without a list, `extend` adds the powers
    /// of two above the header's largest count up to `cpus`, and `cpus`
    /// itself, so that the matrix reaches every core of the machine.
    pub fn worker_counts(&self, list: Option<&[u32]>, cpus: u32, extend: bool) -> Vec<u32> {
        if !self.scales() {
            return self.workers.clone();
        }
        let least = self.workers.iter().copied().min().unwrap_or(1);
        let mut v: Vec<u32> = match list {
            Some(list) => {
                let kept: Vec<u32> = list.iter().copied().filter(|&w| w >= least).collect();
                if kept.is_empty() {
                    vec![least]
                } else {
                    kept
                }
            }
            None => {
                let mut v = self.workers.clone();
                let largest = v.iter().copied().max().unwrap_or(1);
                if extend && cpus > largest {
                    let mut n = largest.saturating_mul(2);
                    while n <= cpus {
                        v.push(n);
                        n = n.saturating_mul(2);
                    }
                    v.push(cpus);
                }
                v
            }
        };
        v.sort_unstable();
        v.dedup();
        v
    }

    /// The (executor, workers) pairs it runs with: `serial` once with 1
    /// worker, every other executor with each worker count.
    pub fn configurations(&self) -> Vec<(String, u32)> {
        let mut v = Vec::new();
        for e in &self.executors {
            if e == "serial" {
                v.push((e.clone(), 1));
            } else {
                v.extend(self.workers.iter().map(|&w| (e.clone(), w)));
            }
        }
        v
    }
}

/// Parses the header of the workload `name` from its source text.
pub fn parse(name: &str, path: &Path, source: &str) -> Result<Workload, String> {
    let mut fields: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (i, line) in source.lines().take(60).enumerate() {
        let Some(rest) = line.trim_start().strip_prefix("# bench:") else {
            continue;
        };
        let mut words = rest.split_whitespace().map(str::to_string);
        let Some(key) = words.next() else {
            return Err(format!("{name}.py:{}: empty `# bench:` line", i + 1));
        };
        if fields.insert(key.clone(), words.collect()).is_some() {
            return Err(format!("{name}.py:{}: `{key}` given twice", i + 1));
        }
    }
    let err = |msg: String| format!("{name}.py: {msg}");
    let mut take = |key: &str| fields.remove(key);
    let kind = match take("kind").as_deref() {
        Some([k]) => Kind::parse(k).ok_or_else(|| {
            err(format!(
                "unknown kind `{k}` (cpu, io, race, memory, single)"
            ))
        })?,
        _ => return Err(err("needs `# bench: kind K`".into())),
    };
    let executors = take("executors").unwrap_or_default();
    if executors.is_empty() {
        return Err(err("needs `# bench: executors E...`".into()));
    }
    if let Some(e) = executors.iter().find(|e| !EXECUTORS.contains(&e.as_str())) {
        return Err(err(format!(
            "unknown executor `{e}` (known: {})",
            EXECUTORS.join(", ")
        )));
    }
    let workers: Vec<u32> = match take("workers") {
        Some(ws) => ws
            .iter()
            .map(|w| match w.parse::<u32>() {
                Ok(n) if n >= 1 => Ok(n),
                _ => Err(err(format!("bad worker count `{w}`"))),
            })
            .collect::<Result<_, _>>()?,
        None => vec![1],
    };
    let sizes = match take("size").as_deref() {
        Some([full, q, quick, s, smoke]) if q == "quick" && s == "smoke" => {
            let n = |v: &str| v.parse::<u64>().map_err(|_| err(format!("bad size `{v}`")));
            Sizes {
                full: n(full)?,
                quick: n(quick)?,
                smoke: n(smoke)?,
            }
        }
        _ => {
            return Err(err(
                "needs `# bench: size FULL quick QUICK smoke SMOKE`".into()
            ))
        }
    };
    let python2 = match take("python2").as_deref() {
        None => false,
        Some([]) => true,
        Some(_) => return Err(err("`python2` takes no value".into())),
    };
    let requires = take("requires").unwrap_or_default();
    if let Some(key) = fields.keys().next() {
        return Err(err(format!(
            "unknown header key `{key}` (kind, executors, workers, size, python2, requires)"
        )));
    }
    Ok(Workload {
        name: name.to_string(),
        path: path.to_path_buf(),
        kind,
        executors,
        workers,
        sizes,
        python2,
        requires,
    })
}

/// Every workload in `dir`, sorted by name.
pub fn discover(dir: &Path) -> Result<Vec<Workload>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut v = Vec::new();
    for entry in entries.filter_map(|e| e.ok()) {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("py") {
            continue;
        }
        let Some(name) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if name.starts_with('_') {
            // A module the workloads share (`_workload.py`), not a workload.
            continue;
        }
        let source = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        v.push(parse(name, &path, &source)?);
    }
    v.sort_by(|a, b| a.name.cmp(&b.name));
    if v.is_empty() {
        return Err(format!("no workloads (*.py) in {}", dir.display()));
    }
    Ok(v)
}

/// A workload's stdout split into its answer and its metrics.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Output {
    /// Every line that is not a metric, newline-terminated.
    pub answer: String,
    /// `METRIC name value` lines, in order.
    pub metrics: Vec<(String, f64)>,
}

/// Splits stdout; a malformed `METRIC` line stays in the answer, where the
/// comparison with python3 will show it.
pub fn split_output(stdout: &str) -> Output {
    let mut out = Output::default();
    for line in stdout.lines() {
        let mut words = line.split_whitespace();
        if words.next() == Some("METRIC") {
            if let (Some(name), Some(Ok(value)), None) = (
                words.next(),
                words.next().map(str::parse::<f64>),
                words.next(),
            ) {
                out.metrics.push((name.to_string(), value));
                continue;
            }
        }
        out.answer.push_str(line);
        out.answer.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "\"\"\"doc\"\"\"\n# bench: kind cpu\n# bench: executors serial threads processes\n# bench: workers 1 2 4\n# bench: size 1000 quick 100 smoke 10\n# bench: python2\nimport sys\n";

    #[test]
    fn parses_a_header() {
        let w = parse("count", Path::new("count.py"), HEADER).unwrap();
        assert_eq!(w.kind, Kind::Cpu);
        assert_eq!(w.executors, ["serial", "threads", "processes"]);
        assert_eq!(w.workers, [1, 2, 4]);
        assert_eq!(
            w.sizes,
            Sizes {
                full: 1000,
                quick: 100,
                smoke: 10
            }
        );
        assert!(w.python2);
        assert!(w.requires.is_empty());
        let cfg = w.configurations();
        assert_eq!(cfg.len(), 7);
        assert_eq!(cfg[0], ("serial".to_string(), 1));
        assert_eq!(cfg[6], ("processes".to_string(), 4));
    }

    #[test]
    fn rejects_bad_headers_with_the_reason() {
        let p = Path::new("w.py");
        let cases = [
            ("# bench: executors serial\n# bench: size 1 quick 1 smoke 1\n", "kind"),
            ("# bench: kind gpu\n", "unknown kind `gpu`"),
            (
                "# bench: kind cpu\n# bench: executors fibers\n# bench: size 1 quick 1 smoke 1\n",
                "unknown executor `fibers`",
            ),
            (
                "# bench: kind cpu\n# bench: executors serial\n# bench: size 1 quick 1\n",
                "size FULL quick",
            ),
            (
                "# bench: kind cpu\n# bench: executors threads\n# bench: workers 0\n# bench: size 1 quick 1 smoke 1\n",
                "bad worker count `0`",
            ),
            (
                "# bench: kind cpu\n# bench: executors serial\n# bench: size 1 quick 1 smoke 1\n# bench: colour red\n",
                "unknown header key `colour`",
            ),
            ("# bench: kind cpu\n# bench: kind io\n", "given twice"),
        ];
        for (src, want) in cases {
            let e = parse("w", p, src).unwrap_err();
            assert!(e.contains(want), "{src:?}: {e}");
        }
    }

    #[test]
    fn splits_metrics_from_the_answer() {
        let o = split_output("primes: 5\nMETRIC p50_ms 5.25\nMETRIC lost 3\nMETRIC bad x\ndone\n");
        assert_eq!(o.answer, "primes: 5\nMETRIC bad x\ndone\n");
        assert_eq!(
            o.metrics,
            [("p50_ms".to_string(), 5.25), ("lost".to_string(), 3.0)]
        );
    }

    #[test]
    fn the_repository_workloads_parse() {
        let dir = crate::ftl::workspace_root()
            .join("benches")
            .join("workloads");
        let all = discover(&dir).unwrap();
        assert!(all.iter().any(|w| w.name == "count_primes"));
        for w in &all {
            assert!(!w.configurations().is_empty(), "{}", w.name);
        }
    }

    #[test]
    fn worker_counts_follow_the_machine_and_the_list() {
        let mut w = parse("w", Path::new("w.py"), HEADER).unwrap();
        // Two CPUs: the header as it is; sixteen: powers of two up to 16;
        // twelve: up to 8, and 12.
        assert_eq!(w.worker_counts(None, 2, true), [1, 2, 4]);
        assert_eq!(w.worker_counts(None, 16, true), [1, 2, 4, 8, 16]);
        assert_eq!(w.worker_counts(None, 12, true), [1, 2, 4, 8, 12]);
        assert_eq!(w.worker_counts(None, 16, false), [1, 2, 4]);
        // --workers replaces them, sorted, without duplicates.
        assert_eq!(w.worker_counts(Some(&[16, 1, 8, 8]), 2, true), [1, 8, 16]);
        // A race keeps two threads at least.
        w.workers = vec![2, 4];
        assert_eq!(w.worker_counts(Some(&[1, 2, 8]), 2, true), [2, 8]);
        assert_eq!(w.worker_counts(Some(&[1]), 2, true), [2]);
        assert_eq!(w.worker_counts(None, 16, true), [2, 4, 8, 16]);
        // A fixed shape is never changed.
        w.workers = vec![2];
        assert!(!w.scales());
        assert_eq!(w.worker_counts(Some(&[1, 2, 4, 8]), 16, true), [2]);
        assert_eq!(w.worker_counts(None, 16, true), [2]);
    }
}
