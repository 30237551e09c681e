//! The matrix's results: one record per cell, the figures derived from the
//! cells, and the verdicts; serialised as `results.json`.
//!
//! A cell is (workload, runtime, executor, workers). Its samples are the
//! repeats of the run; every figure is the median of its samples. Derived
//! figures compare cells with the same workload, executor and workers:
//!
//! * `speedup_vs_1`: the wall time of the same runtime and executor at 1
//!   worker divided by this cell's;
//! * `vs_python3`: this cell's wall time divided by python3's;
//! * `overhead_vs_gil_new`: this cell's wall time divided by the `gil-new`
//!   runtime's (absent until that runtime exists);
//! * `output_matches_python3`: this cell's answer equals python3's (python3
//!   itself and cells python3 did not run have none).
//!
//! Verdicts apply Guido's criterion — a runtime must not make
//! single-threaded programs or I/O-bound multi-threaded programs slower
//! than the GIL does — to each ftl runtime against the baseline
//! (`gil-new`, or ftl's default runtime while `gil-new` is not built),
//! and to a free-threaded CPython against python3.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The schema version of `results.json`.
pub const SCHEMA: u32 = 1;

/// A ratio within this much above 1.0 counts as "no slower": the noise of
/// medians on a shared 2-vCPU machine.
pub const NOISE: f64 = 0.05;

/// The whole run.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Results {
    /// [`SCHEMA`].
    pub schema: u32,
    /// `full`, `quick` or `smoke`.
    pub mode: String,
    /// Repeats per cell.
    pub repeat: u32,
    /// Unix time the run started.
    pub started_unix: u64,
    /// How long the measurements took (excluding the build), in seconds.
    pub duration_s: f64,
    /// Where it ran.
    pub machine: Machine,
    /// The columns that took part.
    pub runtimes: Vec<RuntimeRecord>,
    /// ftl runtimes of the design that this build does not have yet.
    pub pending_runtimes: Vec<String>,
    /// The runtime Guido's criterion compares ftl's runtimes with.
    pub baseline: Option<String>,
    /// Every cell, in workload, runtime, executor, workers order.
    pub cells: Vec<Cell>,
    /// Guido's criterion per runtime.
    pub verdicts: Vec<Verdict>,
    /// The GIL timelines recorded after the matrix (`--timeline`).
    #[serde(default)]
    pub timelines: Vec<crate::bench::timeline::Record>,
}

/// The machine.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Machine {
    /// Logical CPUs the OS reports.
    pub cpus: usize,
    /// `uname -srm`.
    pub os: String,
    /// The workspace's git commit, when known.
    pub commit: Option<String>,
}

/// A runtime that took part.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RuntimeRecord {
    /// Its name in cells.
    pub name: String,
    /// `cpython`, `ftl` or `ceiling`.
    pub family: String,
    /// Version or description.
    pub version: String,
    /// What it can run.
    pub features: Vec<String>,
}

/// One cell of the matrix.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Cell {
    /// The workload's name.
    pub workload: String,
    /// Its kind (`cpu`, `io`, `race`, `memory`, `single`).
    pub kind: String,
    /// The runtime's name.
    pub runtime: String,
    /// `cpython`, `ftl` or `ceiling`.
    pub family: String,
    /// The executor.
    pub executor: String,
    /// Worker count.
    pub workers: u32,
    /// The SIZE argument.
    pub size: u64,
    /// `ok`, `failed`, `timeout` or `pending`.
    pub status: String,
    /// Why it is pending or failed.
    pub reason: Option<String>,
    /// Median wall time, seconds.
    pub wall_s: Option<f64>,
    /// Every sample's wall time.
    pub wall_samples: Vec<f64>,
    /// Median CPU time (user + system, with waited-for children), seconds.
    pub cpu_s: Option<f64>,
    /// Every sample's CPU time.
    pub cpu_samples: Vec<f64>,
    /// Largest peak RSS over the samples, MiB.
    pub max_rss_mib: Option<f64>,
    /// See the module doc.
    pub speedup_vs_1: Option<f64>,
    /// See the module doc.
    pub vs_python3: Option<f64>,
    /// See the module doc.
    pub overhead_vs_gil_new: Option<f64>,
    /// The workload's own metrics, median over samples.
    pub metrics: BTreeMap<String, f64>,
    /// The workload's own metrics, every sample.
    pub metric_samples: BTreeMap<String, Vec<f64>>,
    /// The answer (stdout without metric lines) of the first sample.
    pub answer: Option<String>,
    /// Whether every sample gave the same answer.
    pub answer_stable: Option<bool>,
    /// See the module doc.
    pub output_matches_python3: Option<bool>,
}

impl Cell {
    /// Whether it ran to completion.
    pub fn ok(&self) -> bool {
        self.status == "ok"
    }
}

/// Guido's criterion for one runtime.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Verdict {
    /// The runtime judged.
    pub runtime: String,
    /// What it is compared with.
    pub baseline: String,
    /// Cells compared (single-threaded and I/O-bound, run by both).
    pub cells: usize,
    /// The largest wall-time ratio runtime / baseline.
    pub worst_ratio: Option<f64>,
    /// The cell with that ratio.
    pub worst_cell: Option<String>,
    /// Geometric mean of the ratios.
    pub geomean_ratio: Option<f64>,
    /// Whether the worst ratio is within 1 + [`NOISE`]; `None` when nothing
    /// could be compared.
    pub met: Option<bool>,
    /// A sentence for the report.
    pub note: String,
}

/// The median of `v` (the mean of the middle two for an even count).
pub fn median(v: &[f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let n = s.len();
    Some(if n % 2 == 1 {
        s[n / 2]
    } else {
        (s[n / 2 - 1] + s[n / 2]) / 2.0
    })
}

type Key<'a> = (&'a str, &'a str, &'a str, u32);

fn key(c: &Cell) -> Key<'_> {
    (&c.workload, &c.runtime, &c.executor, c.workers)
}

/// Fills the derived figures of every cell (module doc).
pub fn derive(cells: &mut [Cell]) {
    let by_key: BTreeMap<Key<'_>, (Option<f64>, Option<String>)> = cells
        .iter()
        .filter(|c| c.ok())
        .map(|c| (key(c), (c.wall_s, c.answer.clone())))
        .collect();
    let mut derived = Vec::with_capacity(cells.len());
    for c in cells.iter() {
        let wall_of = |runtime: &str, workers: u32| {
            by_key
                .get(&(c.workload.as_str(), runtime, c.executor.as_str(), workers))
                .and_then(|(w, _)| *w)
        };
        let ratio = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) if b > 0.0 => Some(a / b),
            _ => None,
        };
        let (speedup, vs_py, vs_gil, matches) = if c.ok() {
            let matches = if c.runtime == "python3" {
                None
            } else {
                by_key
                    .get(&(
                        c.workload.as_str(),
                        "python3",
                        c.executor.as_str(),
                        c.workers,
                    ))
                    .map(|(_, answer)| *answer == c.answer)
            };
            (
                ratio(wall_of(&c.runtime, 1), c.wall_s),
                ratio(c.wall_s, wall_of("python3", c.workers)),
                ratio(c.wall_s, wall_of("gil-new", c.workers)),
                matches,
            )
        } else {
            (None, None, None, None)
        };
        derived.push((speedup, vs_py, vs_gil, matches));
    }
    for (c, (speedup, vs_py, vs_gil, matches)) in cells.iter_mut().zip(derived) {
        c.speedup_vs_1 = speedup;
        c.vs_python3 = vs_py;
        c.overhead_vs_gil_new = vs_gil;
        c.output_matches_python3 = matches;
    }
}

/// Whether Guido's criterion looks at this cell: single-threaded
/// benchmarks and I/O-bound threads.
fn judged(c: &Cell) -> bool {
    c.kind == "single" || c.kind == "io"
}

/// Guido's criterion for `runtime` against `baseline`.
pub fn verdict(cells: &[Cell], runtime: &str, baseline: &str) -> Verdict {
    let base: BTreeMap<(&str, &str, u32), f64> = cells
        .iter()
        .filter(|c| c.runtime == baseline && c.ok() && judged(c))
        .filter_map(|c| {
            Some((
                (c.workload.as_str(), c.executor.as_str(), c.workers),
                c.wall_s?,
            ))
        })
        .collect();
    let mut ratios: Vec<(f64, String)> = Vec::new();
    for c in cells
        .iter()
        .filter(|c| c.runtime == runtime && c.ok() && judged(c))
    {
        let (Some(wall), Some(b)) = (
            c.wall_s,
            base.get(&(c.workload.as_str(), c.executor.as_str(), c.workers)),
        ) else {
            continue;
        };
        if *b > 0.0 {
            let name = format!("{} {}×{}", c.workload, c.executor, c.workers);
            ratios.push((wall / b, name));
        }
    }
    if ratios.is_empty() {
        return Verdict {
            runtime: runtime.into(),
            baseline: baseline.into(),
            cells: 0,
            worst_ratio: None,
            worst_cell: None,
            geomean_ratio: None,
            met: None,
            note: format!(
                "nothing to compare: no single-threaded or I/O-bound cell ran on both {runtime} and {baseline}"
            ),
        };
    }
    let worst = ratios
        .iter()
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .cloned()
        .unwrap_or((f64::NAN, String::new()));
    let geomean = (ratios.iter().map(|(r, _)| r.ln()).sum::<f64>() / ratios.len() as f64).exp();
    let met = worst.0 <= 1.0 + NOISE;
    let margin = (worst.0 - 1.0) * 100.0;
    let note = if met {
        format!(
            "met: at worst {:.2}x {baseline} ({}), within the {:.0}% noise band; geometric mean {:.2}x over {} cells",
            worst.0, worst.1, NOISE * 100.0, geomean, ratios.len()
        )
    } else {
        format!(
            "not met: {} is {margin:.0}% slower than on {baseline} ({:.2}x); geometric mean {:.2}x over {} cells",
            worst.1, worst.0, geomean, ratios.len()
        )
    };
    Verdict {
        runtime: runtime.into(),
        baseline: baseline.into(),
        cells: ratios.len(),
        worst_ratio: Some(worst.0),
        worst_cell: Some(worst.1),
        geomean_ratio: Some(geomean),
        met: Some(met),
        note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(
        workload: &str,
        kind: &str,
        runtime: &str,
        executor: &str,
        workers: u32,
        wall: f64,
    ) -> Cell {
        Cell {
            workload: workload.into(),
            kind: kind.into(),
            runtime: runtime.into(),
            executor: executor.into(),
            workers,
            status: "ok".into(),
            wall_s: Some(wall),
            answer: Some("42\n".into()),
            ..Cell::default()
        }
    }

    #[test]
    fn medians() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
    }

    #[test]
    fn derived_figures() {
        let mut cells = vec![
            cell("w", "cpu", "python3", "threads", 1, 2.0),
            cell("w", "cpu", "python3", "threads", 2, 1.0),
            cell("w", "cpu", "single", "threads", 1, 3.0),
            Cell {
                answer: Some("41\n".into()),
                ..cell("w", "cpu", "single", "threads", 2, 3.0)
            },
            Cell {
                status: "pending".into(),
                wall_s: None,
                ..cell("w", "cpu", "gil-new", "threads", 1, 0.0)
            },
        ];
        derive(&mut cells);
        assert_eq!(cells[1].speedup_vs_1, Some(2.0));
        assert_eq!(cells[0].output_matches_python3, None);
        assert_eq!(cells[2].vs_python3, Some(1.5));
        assert_eq!(cells[2].output_matches_python3, Some(true));
        assert_eq!(cells[3].output_matches_python3, Some(false));
        assert_eq!(cells[3].speedup_vs_1, Some(1.0));
        assert_eq!(cells[2].overhead_vs_gil_new, None);
        assert_eq!(cells[4].speedup_vs_1, None);
    }

    #[test]
    fn guidos_criterion() {
        let cells = vec![
            cell("a", "single", "base", "serial", 1, 1.0),
            cell("a", "single", "x", "serial", 1, 1.02),
            cell("io", "io", "base", "threads", 2, 1.0),
            cell("io", "io", "x", "threads", 2, 0.9),
            // CPU-bound cells do not count.
            cell("c", "cpu", "base", "threads", 2, 1.0),
            cell("c", "cpu", "x", "threads", 2, 9.0),
        ];
        let v = verdict(&cells, "x", "base");
        assert_eq!(v.cells, 2);
        assert_eq!(v.met, Some(true));
        assert_eq!(v.worst_cell.as_deref(), Some("a serial×1"));
        let mut slow = cells.clone();
        slow[1].wall_s = Some(1.3);
        let v = verdict(&slow, "x", "base");
        assert_eq!(v.met, Some(false));
        assert!(v.note.contains("30% slower"), "{}", v.note);
        let v = verdict(&cells, "nobody", "base");
        assert_eq!(v.met, None);
    }
}
