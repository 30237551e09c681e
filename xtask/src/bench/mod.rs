//! `cargo xtask bench`: the comparison matrix (DESIGN §5), the project's
//! main job.
//!
//! Every workload of `benches/workloads` (see [`workload`]) runs on every
//! runtime (see [`runtimes`]: the CPython interpreters on this machine,
//! ftl's available runtimes, the pure-Rust ceiling) with every executor and
//! worker count it declares. A cell a runtime cannot run yet is recorded as
//! pending, with the reason, and never run.
//!
//! Measurement: each run is one child process (see [`crate::child`]): its
//! wall time, its CPU time including waited-for children (a process pool's
//! workers), its peak RSS, and its stdout (the answer and `METRIC` lines).
//! Runs are *interleaved*: round r runs every runnable cell once, in an
//! order shuffled for that round ([`round_order`]), so that a drift in the
//! machine's speed (another tenant, thermal limits) spreads over all cells
//! instead of biasing the ones that ran last, and no cell always follows
//! the same neighbour. A cell that fails is not run again. Each figure is
//! the median of the repeats (3 with `--quick`, 5 otherwise).
//!
//! Output (default `target/ftl-bench/`): `results.json` ([`results`]),
//! `report.md` and `index.html` ([`report`], with the charts of
//! [`charts`]); a terminal table at the end.
//!
//! `--timeline RUNTIME:WORKLOAD` adds one run *after* the matrix, so that
//! recording never disturbs a measured cell (and the matrix can be cut
//! down to nothing much with `--filter` / `--runtimes`): the workload with
//! the `threads` executor and [`timeline::workers`] threads, at the run's
//! size, through the same child runner, with `--timeline FILE` given to
//! `ftl run`. The log (`timeline-RUNTIME-WORKLOAD.json`) becomes
//! `timeline-RUNTIME-WORKLOAD.svg` ([`timeline`]); it is recorded in
//! [`results::Results::timelines`], and the reports get a section. A failed timeline run counts as a failed cell.
//!
//! Exit status: 0 when every runnable cell ran and every answer matched
//! python3's; 1 when a cell failed or an answer differed (the report says
//! which); 2 for a usage error (bad flag, a filter that matches nothing,
//! an unknown runtime, no python3, a failed build).

pub mod charts;
pub mod findings;
pub mod progress;
pub mod report;
pub mod rerender;
pub mod results;
pub mod runtimes;
pub mod stats;
pub mod timeline;
pub mod workload;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Parser;

use crate::child::{self, Status};
use results::{Cell, Results};
use runtimes::{Fit, Runtime};
use workload::Workload;

/// `cargo xtask bench` options.
#[derive(Parser, Debug)]
#[command(
    name = "cargo xtask bench",
    about = "Run the comparison matrix: workloads x runtimes x executors x workers",
    after_help = "Interpreters: python3 always (FTL_BENCH_PYTHON3 names another); python2.7 \
                  (FTL_BENCH_PYTHON2, else PATH, else pyenv) and a free-threaded CPython \
                  (FTL_BENCH_PYTHON_FT, else python3.13t/python3.14t on PATH, else \
                  ~/.cache/ftl/cpython-3.13t) when found. An empty variable turns one off."
)]
pub struct Args {
    /// Small sizes and 3 repeats: a few minutes on 2 cores.
    #[arg(long, conflicts_with = "smoke")]
    pub quick: bool,
    /// Tiny sizes and 1 repeat, for CI: checks the pipeline, measures nothing.
    #[arg(long)]
    pub smoke: bool,
    /// Output folder.
    #[arg(long, default_value = "target/ftl-bench")]
    pub out: PathBuf,
    /// Only workloads whose name contains one of these (comma-separated).
    #[arg(long, value_name = "PATTERN")]
    pub filter: Option<String>,
    /// Only these runtimes (comma-separated names, as the report shows them).
    #[arg(long, value_name = "LIST")]
    pub runtimes: Option<String>,
    /// Repeats per cell (default: 5; 3 with --quick; 1 with --smoke).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub repeat: Option<u32>,
    /// Record a GIL timeline of one workload on one runtime (an SVG in the
    /// output folder).
    #[arg(long, value_name = "RUNTIME:WORKLOAD")]
    pub timeline: Option<String>,
    /// Worker counts for the workloads that sweep them (comma-separated,
    /// e.g. `1,2,4,8,16`), instead of their headers' counts and the powers
    /// of two up to this machine's CPUs. The ceiling runs the same counts.
    #[arg(long, value_name = "LIST", value_delimiter = ',',
          value_parser = clap::value_parser!(u32).range(1..=4096))]
    pub workers: Option<Vec<u32>>,
}

impl Args {
    fn mode(&self) -> &'static str {
        if self.smoke {
            "smoke"
        } else if self.quick {
            "quick"
        } else {
            "full"
        }
    }

    fn repeats(&self) -> u32 {
        self.repeat.unwrap_or(if self.smoke {
            1
        } else if self.quick {
            3
        } else {
            5
        })
    }

    fn size(&self, w: &Workload) -> u64 {
        match self.mode() {
            "smoke" => w.sizes.smoke,
            "quick" => w.sizes.quick,
            _ => w.sizes.full,
        }
    }

    fn timeout(&self) -> Duration {
        Duration::from_secs(match self.mode() {
            "smoke" => 60,
            "quick" => 120,
            _ => 600,
        })
    }
}

/// `cargo xtask bench ARGS...`.
pub fn main(args: &[String]) -> ExitCode {
    let argv = std::iter::once("cargo xtask bench".to_string()).chain(args.iter().cloned());
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
            eprintln!("xtask bench: {e}");
            ExitCode::from(2)
        }
    }
}

/// Keeps the workloads matching a comma-separated filter.
pub fn select_workloads(all: Vec<Workload>, filter: Option<&str>) -> Result<Vec<Workload>, String> {
    let Some(filter) = filter else {
        return Ok(all);
    };
    let patterns: Vec<&str> = filter
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if patterns.is_empty() {
        return Err("--filter is empty".into());
    }
    let names: Vec<String> = all.iter().map(|w| w.name.clone()).collect();
    let chosen: Vec<Workload> = all
        .into_iter()
        .filter(|w| patterns.iter().any(|p| w.name.contains(p)))
        .collect();
    if chosen.is_empty() {
        return Err(format!(
            "no workload matches --filter `{filter}` (workloads: {})",
            names.join(", ")
        ));
    }
    Ok(chosen)
}

/// Keeps the runtimes named in a comma-separated list.
pub fn select_runtimes(
    all: Vec<Runtime>,
    list: Option<&str>,
    pending: &[String],
) -> Result<Vec<Runtime>, String> {
    let Some(list) = list else {
        return Ok(all);
    };
    let mut chosen = Vec::new();
    for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        match all.iter().find(|r| r.name == name) {
            Some(r) if !chosen.iter().any(|c: &Runtime| c.name == name) => chosen.push(r.clone()),
            Some(_) => {}
            None if pending.iter().any(|p| p == name) => {
                let issue = runtimes::coming_in(name)
                    .map(|n| format!(", issue {n}"))
                    .unwrap_or_default();
                return Err(format!(
                    "runtime `{name}` is not built yet (see `ftl runtimes`{issue})"
                ));
            }
            None => {
                let known: Vec<&str> = all.iter().map(|r| r.name.as_str()).collect();
                let hint = if name.starts_with("python") {
                    " (an interpreter not found on this machine can be named with \
                     FTL_BENCH_PYTHON2 / FTL_BENCH_PYTHON_FT)"
                } else {
                    ""
                };
                return Err(format!(
                    "unknown runtime `{name}`; this machine has: {}{hint}",
                    known.join(", ")
                ));
            }
        }
    }
    if chosen.is_empty() {
        return Err("--runtimes is empty".into());
    }
    Ok(chosen)
}

/// Checks `--timeline RUNTIME:WORKLOAD` against what can record one; the
/// runtime's and the workload's indices.
fn check_timeline(
    spec: &str,
    runtimes: &[Runtime],
    workloads: &[Workload],
) -> Result<(usize, usize), String> {
    let Some((rt, wl)) = spec.split_once(':') else {
        return Err(format!("--timeline takes RUNTIME:WORKLOAD, not `{spec}`"));
    };
    let Some(ri) = runtimes.iter().position(|r| r.name == rt) else {
        return Err(format!("--timeline: unknown runtime `{rt}`"));
    };
    let runtime = &runtimes[ri];
    let Some(wi) = workloads.iter().position(|w| w.name == wl) else {
        return Err(format!("--timeline: unknown workload `{wl}`"));
    };
    if !runtime.features.iter().any(|f| f == "timeline") {
        let able: Vec<&str> = runtimes
            .iter()
            .filter(|r| r.features.iter().any(|f| f == "timeline"))
            .map(|r| r.name.as_str())
            .collect();
        return Err(format!(
            "--timeline: runtime `{rt}` records no GIL timeline (runtimes that do: {})",
            if able.is_empty() {
                "none yet; the GIL runtimes bring them".to_string()
            } else {
                able.join(", ")
            }
        ));
    }
    let w = &workloads[wi];
    if !w.executors.iter().any(|e| e == "threads") {
        return Err(format!(
            "--timeline: workload `{wl}` has no `threads` executor"
        ));
    }
    match runtime.fit(w, "threads") {
        Fit::Runs => {}
        Fit::Pending(why) => return Err(format!("--timeline: {wl} cannot run on {rt}: {why}")),
        Fit::Absent => return Err(format!("--timeline: {wl} does not run on {rt}")),
    }
    Ok((ri, wi))
}

/// One cell being measured.
struct Planned {
    cell: Cell,
    runtime: usize,
    workload: usize,
    answers: Vec<String>,
    metric_samples: BTreeMap<String, Vec<f64>>,
    rss: Vec<f64>,
}

fn run(args: &Args) -> Result<ExitCode, String> {
    let root = crate::ftl::workspace_root();
    let workloads = workload::discover(&root.join("benches").join("workloads"))?;
    let mut workloads = select_workloads(workloads, args.filter.as_deref())?;
    // Worker counts: `--workers`, else the headers' and, beyond --smoke,
    // the powers of two up to this machine's CPUs.
    let this_machine = machine(&root);
    let cpus = this_machine.cpus as u32;
    for w in &mut workloads {
        w.workers = w.worker_counts(args.workers.as_deref(), cpus, !args.smoke);
    }
    let mut all = runtimes::find_cpythons()?;
    let bin = crate::ftl::build(&root, "bench", &["ftl-cli", "ftl-benches"])?;
    let ftl = crate::ftl::binary(&bin, "ftl")?;
    let listing = crate::ftl::listing(&ftl)?;
    all.extend(runtimes::ftl_runtimes(&ftl, &listing));
    all.push(runtimes::ceiling(&crate::ftl::binary(
        &bin,
        "ftl-ceiling",
    )?)?);
    let pending: Vec<String> = listing
        .runtimes
        .iter()
        .filter(|r| !r.available)
        .map(|r| r.name.clone())
        .collect();
    let runtimes = select_runtimes(all, args.runtimes.as_deref(), &pending)?;
    let timeline_target = match &args.timeline {
        Some(spec) => Some(check_timeline(spec, &runtimes, &workloads)?),
        None => None,
    };
    let out = if args.out.is_absolute() {
        args.out.clone()
    } else {
        root.join(&args.out)
    };
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;

    let mut plan = plan_cells(args, &workloads, &runtimes);
    let runnable: Vec<usize> = (0..plan.len())
        .filter(|&i| plan[i].cell.status == "ok")
        .collect();
    let repeats = args.repeats();
    eprintln!(
        "xtask bench: {} mode, {} workload(s), {} runtime(s) ({}), {} cell(s) to run ({} pending), {repeats} repeat(s)",
        args.mode(),
        workloads.len(),
        runtimes.len(),
        runtimes.iter().map(|r| r.name.as_str()).collect::<Vec<_>>().join(", "),
        runnable.len(),
        plan.len() - runnable.len()
    );
    let started = Instant::now();
    let started_unix = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let mut progress = progress::Progress::new(runnable.len() as u64 * u64::from(repeats))?;
    for round in 0..repeats as usize {
        for i in round_order(&runnable, round as u64) {
            let p = &mut plan[i];
            let what = format!(
                "{} on {} ({}×{}), round {}/{repeats}",
                p.cell.workload,
                p.cell.runtime,
                p.cell.executor,
                p.cell.workers,
                round + 1,
            );
            progress.starting(&what);
            if p.cell.status == "ok" {
                let w = &workloads[p.workload];
                let mut cmd =
                    runtimes[p.runtime].command(w, p.cell.size, &p.cell.executor, p.cell.workers);
                record(p, child::run(&mut cmd, args.timeout()));
            }
            progress.finished(&what);
        }
    }
    progress.finish();

    let cells: Vec<Cell> = plan.into_iter().map(finish).collect();
    let baseline = ["gil-new"]
        .into_iter()
        .map(String::from)
        .chain(
            listing
                .runtimes
                .iter()
                .filter(|r| r.default)
                .map(|r| r.name.clone()),
        )
        .find(|b| runtimes.iter().any(|r| &r.name == b));
    let timelines: Vec<timeline::Record> = timeline_target
        .map(|(ri, wi)| run_timeline(args, &runtimes[ri], &workloads[wi], &out))
        .into_iter()
        .collect();
    let mut results = Results {
        schema: results::SCHEMA,
        mode: args.mode().into(),
        repeat: repeats,
        started_unix,
        duration_s: started.elapsed().as_secs_f64(),
        machine: this_machine,
        runtimes: runtimes
            .iter()
            .map(|r| results::RuntimeRecord {
                name: r.name.clone(),
                family: r.family.into(),
                version: r.version.clone(),
                features: r.features.clone(),
            })
            .collect(),
        pending_runtimes: pending,
        baseline,
        cells,
        verdicts: Vec::new(),
        noise_floor: None,
        timelines,
    };
    results::analyse(&mut results);
    let json = serde_json::to_string_pretty(&results).map_err(|e| e.to_string())?;
    write(&out.join("results.json"), &json)?;
    write(&out.join("report.md"), &report::markdown(&results))?;
    write(&out.join("index.html"), &report::html(&results))?;
    println!("{}", report::terminal(&results));
    for t in &results.timelines {
        println!("* {}", report::timeline_sentence(t));
    }
    println!(
        "xtask bench: measured in {:.0} s; wrote {}/{{results.json, report.md, index.html}}",
        results.duration_s,
        out.display()
    );
    let failed = results
        .cells
        .iter()
        .filter(|c| c.status == "failed" || c.status == "timeout")
        .count()
        + results
            .timelines
            .iter()
            .filter(|t| t.status != "ok")
            .count();
    let differ = results
        .cells
        .iter()
        .filter(|c| c.output_matches_python3 == Some(false) || c.answer_stable == Some(false))
        .count();
    if failed + differ > 0 {
        eprintln!(
            "xtask bench: {failed} cell(s) failed and {differ} gave an answer different from python3's or from their own earlier run (see the report)"
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// The order of one round: `cells` shuffled by a generator seeded with the
/// round number (Fisher–Yates over xorshift64*), so that each round runs the
/// cells in a different order and a cell's neighbours change from round to
/// round. A rotation would keep the same neighbours, and an effect one run
/// leaves on the next (the kernel reclaiming a large process's memory, a
/// warm or cold cache) would then bias the same cells every round. Seeded:
/// two runs of the bench use the same orders.
fn round_order(cells: &[usize], round: u64) -> Vec<usize> {
    let mut order = cells.to_vec();
    let mut state = round.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    for k in (1..order.len()).rev() {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        let r = state.wrapping_mul(0x2545_F491_4F6C_DD1D);
        let j = (r % (k as u64 + 1)) as usize;
        order.swap(k, j);
    }
    order
}

/// Every cell of the matrix, runnable (`status == "ok"` for now) or
/// pending.
fn plan_cells(args: &Args, workloads: &[Workload], runtimes: &[Runtime]) -> Vec<Planned> {
    let mut plan = Vec::new();
    for (wi, w) in workloads.iter().enumerate() {
        for (ri, r) in runtimes.iter().enumerate() {
            for (executor, workers) in w.configurations() {
                let (status, reason) = match r.fit(w, &executor) {
                    Fit::Absent => continue,
                    Fit::Runs => ("ok", None),
                    Fit::Pending(why) => ("pending", Some(why)),
                };
                plan.push(Planned {
                    cell: Cell {
                        workload: w.name.clone(),
                        kind: w.kind.name().into(),
                        runtime: r.name.clone(),
                        family: r.family.into(),
                        executor,
                        workers,
                        size: args.size(w),
                        status: status.into(),
                        reason,
                        ..Cell::default()
                    },
                    runtime: ri,
                    workload: wi,
                    answers: Vec::new(),
                    metric_samples: BTreeMap::new(),
                    rss: Vec::new(),
                });
            }
        }
    }
    plan
}

/// How a run failed (`failed` or `timeout`, and why), or `None`.
fn failure(o: &child::Outcome) -> Option<(&'static str, String)> {
    match &o.status {
        Status::Exited(0) => None,
        Status::TimedOut => Some(("timeout", "timed out".to_string())),
        other => {
            let last = o
                .stderr
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("");
            Some(("failed", format!("{other}: {last}")))
        }
    }
}

/// Records the GIL timeline of `w` on `rt` (module doc): runs it once,
/// reads the log, writes the SVG. Never fails: a failure is the record's
/// status and reason.
fn run_timeline(args: &Args, rt: &Runtime, w: &Workload, out: &Path) -> timeline::Record {
    let workers = timeline::workers(w);
    let size = args.size(w);
    let stem: String = format!("timeline-{}-{}", rt.name, w.name)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let json_path = out.join(format!("{stem}.json"));
    let mut rec = timeline::Record {
        runtime: rt.name.clone(),
        workload: w.name.clone(),
        executor: "threads".into(),
        workers,
        size,
        status: "failed".into(),
        json: format!("{stem}.json"),
        ..timeline::Record::default()
    };
    let _ = std::fs::remove_file(&json_path);
    let mut cmd = match timeline::with_flag(&rt.command(w, size, "threads", workers), &json_path) {
        Ok(c) => c,
        Err(e) => {
            rec.reason = Some(e);
            return rec;
        }
    };
    eprintln!(
        "xtask bench: recording a GIL timeline of {} on {} (threads×{workers}, size {size})",
        w.name, rt.name
    );
    let o = child::run(&mut cmd, args.timeout());
    rec.wall_s = o.usage.map(|u| u.wall_s);
    if let Some((status, why)) = failure(&o) {
        rec.status = status.into();
        rec.reason = Some(why);
        return rec;
    }
    let text = match std::fs::read_to_string(&json_path) {
        Ok(t) => t,
        Err(e) => {
            rec.reason = Some(format!("no timeline at {}: {e}", json_path.display()));
            return rec;
        }
    };
    let detail = format!("threads×{workers}, size {size}");
    let drawn = match timeline::process(&text, &w.name, &detail) {
        Ok(d) => d,
        Err(e) => {
            rec.reason = Some(e);
            return rec;
        }
    };
    let svg_name = format!("{stem}.svg");
    if let Err(e) = write(&out.join(&svg_name), &drawn.svg) {
        rec.reason = Some(e);
        return rec;
    }
    rec.status = "ok".into();
    rec.svg = Some(svg_name);
    rec.svg_bytes = Some(drawn.svg.len());
    rec.window_ms = Some(drawn.window_ms);
    rec.summary = Some(drawn.summary);
    rec.inline_svg = (drawn.svg.len() <= timeline::INLINE_LIMIT).then_some(drawn.svg);
    rec
}

/// Adds one run's outcome to its cell (or marks the cell failed).
fn record(p: &mut Planned, o: child::Outcome) {
    let failure = failure(&o);
    if let Some((status, why)) = failure {
        p.cell.status = status.into();
        p.cell.reason = Some(why);
        return;
    }
    let Some(u) = o.usage else {
        p.cell.status = "failed".into();
        p.cell.reason = Some("no resource usage from wait4".into());
        return;
    };
    let out = workload::split_output(&o.stdout);
    p.cell.wall_samples.push(u.wall_s);
    p.cell.cpu_samples.push(u.cpu_s);
    p.rss.push(u.max_rss_mib);
    p.answers.push(out.answer);
    for (name, value) in out.metrics {
        p.metric_samples.entry(name).or_default().push(value);
    }
}

/// Medians and the answer of a measured cell.
fn finish(p: Planned) -> Cell {
    let mut c = p.cell;
    if c.status != "ok" {
        c.wall_samples.clear();
        c.cpu_samples.clear();
        return c;
    }
    c.wall_s = results::median(&c.wall_samples);
    c.cpu_s = results::median(&c.cpu_samples);
    c.max_rss_mib = p.rss.iter().copied().reduce(f64::max);
    c.answer_stable = Some(p.answers.windows(2).all(|w| w[0] == w[1]));
    c.answer = p.answers.into_iter().next();
    c.metrics = p
        .metric_samples
        .iter()
        .filter_map(|(k, v)| Some((k.clone(), results::median(v)?)))
        .collect();
    c.metric_samples = p.metric_samples;
    c
}

fn write(path: &std::path::Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn machine(root: &std::path::Path) -> results::Machine {
    let text = |cmd: &mut std::process::Command| {
        cmd.output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    results::Machine {
        cpus: std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
        os: text(std::process::Command::new("uname").arg("-srm")).unwrap_or_default(),
        commit: text(
            std::process::Command::new("git")
                .args(["rev-parse", "--short", "HEAD"])
                .current_dir(root),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(v: &[&str]) -> Result<Args, clap::Error> {
        Args::try_parse_from(std::iter::once("bench").chain(v.iter().copied()))
    }

    #[test]
    fn every_round_runs_every_cell_once_in_its_own_order() {
        let cells: Vec<usize> = (0..40).map(|i| i * 3).collect();
        let orders: Vec<Vec<usize>> = (0..5).map(|r| round_order(&cells, r)).collect();
        for o in &orders {
            let mut sorted = o.clone();
            sorted.sort();
            assert_eq!(sorted, cells);
        }
        for a in 0..orders.len() {
            for b in a + 1..orders.len() {
                assert_ne!(orders[a], orders[b], "rounds {a} and {b}");
            }
        }
        assert_eq!(round_order(&cells, 3), orders[3], "seeded");
        assert!(round_order(&[], 1).is_empty());
    }

    #[test]
    fn flags() {
        let a = parse(&["--quick", "--filter", "primes", "--repeat", "4"]).unwrap();
        assert_eq!(a.mode(), "quick");
        assert_eq!(a.repeats(), 4);
        assert_eq!(parse(&[]).unwrap().repeats(), 5);
        assert_eq!(parse(&["--smoke"]).unwrap().repeats(), 1);
        assert!(parse(&["--repeat", "0"]).is_err());
        assert!(parse(&["--quick", "--smoke"]).is_err());
        assert!(parse(&["--fast"]).is_err());
        assert_eq!(
            parse(&["--workers", "1,2,4,8,16"]).unwrap().workers,
            Some(vec![1, 2, 4, 8, 16])
        );
        assert_eq!(parse(&[]).unwrap().workers, None);
        assert!(parse(&["--workers", "0,2"]).is_err());
        assert!(parse(&["--workers", "two"]).is_err());
    }

    fn names(ws: &[Workload]) -> Vec<&str> {
        ws.iter().map(|w| w.name.as_str()).collect()
    }

    #[test]
    fn filters() {
        let dir = crate::ftl::workspace_root()
            .join("benches")
            .join("workloads");
        let all = workload::discover(&dir).unwrap();
        let n = all.len();
        assert_eq!(select_workloads(all.clone(), None).unwrap().len(), n);
        let some = select_workloads(all.clone(), Some("count_primes,convoy")).unwrap();
        assert_eq!(names(&some), ["convoy", "count_primes"]);
        let e = select_workloads(all, Some("nothing-like-this")).unwrap_err();
        assert!(e.contains("count_primes"), "{e}");
    }

    #[test]
    fn runtime_lists() {
        let all = runtimes::find_cpythons().unwrap();
        let pending = vec!["gil-new".to_string()];
        let e = select_runtimes(all.clone(), Some("gil-new"), &pending).unwrap_err();
        assert!(e.contains("not built yet"), "{e}");
        let e = select_runtimes(all.clone(), Some("python9"), &pending).unwrap_err();
        assert!(e.contains("unknown runtime `python9`"), "{e}");
        let one = select_runtimes(all, Some("python3,python3"), &pending).unwrap();
        assert_eq!(one.len(), 1);
    }

    #[test]
    fn timeline_needs_a_runtime_that_records_one() {
        let dir = crate::ftl::workspace_root()
            .join("benches")
            .join("workloads");
        let ws = workload::discover(&dir).unwrap();
        let rts = runtimes::find_cpythons().unwrap();
        assert!(check_timeline("python3", &rts, &ws)
            .unwrap_err()
            .contains("RUNTIME:WORKLOAD"));
        assert!(check_timeline("x:convoy", &rts, &ws)
            .unwrap_err()
            .contains("unknown runtime"));
        assert!(check_timeline("python3:nope", &rts, &ws)
            .unwrap_err()
            .contains("unknown workload"));
        assert!(check_timeline("python3:convoy", &rts, &ws)
            .unwrap_err()
            .contains("records no GIL timeline"));
        let mut able = rts[0].clone();
        able.features.push("timeline".into());
        let rts = [able];
        let (ri, wi) = check_timeline("python3:countdown", &rts, &ws).unwrap();
        assert_eq!((ri, ws[wi].name.as_str()), (0, "countdown"));
        let serial_only = ws
            .iter()
            .find(|w| !w.executors.iter().any(|e| e == "threads"))
            .expect("a single-thread benchmark");
        let spec = format!("python3:{}", serial_only.name);
        assert!(check_timeline(&spec, &rts, &ws)
            .unwrap_err()
            .contains("no `threads` executor"));
    }
}
