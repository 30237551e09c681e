//! What a run found, in sentences: the summary at the top of the report
//! and the headlines below it.
//!
//! Every sentence is built from measured cells and states a difference as
//! a finding only by the rule of [`super::stats::Claim`]: its bootstrap
//! 95% interval excludes the reference and it clears the run's noise
//! floor. Anything else is said to be "within noise (±x%)". A figure is
//! always shown with its interval (`×1.80 [1.62–1.95]`), the way
//! criterion prints an estimate between its bounds.
//!
//! * [`summary`]: a few lines answering the lab's questions — what one
//!   thread costs against python3 and gil-new, which runtime and executor
//!   scale at 2 workers against the Rust ceiling, which GIL cures the
//!   convoy, Guido's criterion, what is pending and why.
//! * [`headlines`]: the figures behind them, one sentence each, plus the
//!   large differences between ftl's runtimes on threaded workloads
//!   ([`BIG`]).
//!
//! Names: a merged report (`cargo xtask report A B`) renames each runtime
//! `NAME @ MACHINE`; the sentences are made per run, before the merge, so
//! they can look runtimes up by their plain names.

use std::collections::BTreeMap;

use super::results::{Cell, Results};
use super::stats::{self, Claim, Interval};

/// A difference between two ftl runtimes on a threaded workload becomes a
/// headline when it is a finding and at least this large (either way):
/// big enough to survive a rerun, so headlines do not flip between runs.
pub const BIG: f64 = 1.5;

/// Workloads whose own figure has its headline (the convoy's p50 against
/// its p50 alone, the handoff's µs per handoff): their wall time is not a
/// second headline.
const OWN_HEADLINES: [&str; 2] = ["convoy", "handoff"];

/// The runtime's name without a merged report's ` @ MACHINE`.
pub fn base(name: &str) -> &str {
    name.split(" @ ").next().unwrap_or(name)
}

fn find<'a>(r: &'a Results, w: &str, rt: &str, e: &str, n: u32) -> Option<&'a Cell> {
    r.cells
        .iter()
        .find(|c| c.workload == w && c.runtime == rt && c.executor == e && c.workers == n && c.ok())
}

/// `×1.80 [1.62–1.95]`, or `×1.04, within noise (±12%)`.
pub fn speedup_text(x: f64, interval: Option<Interval>, floor: Option<f64>) -> String {
    claimed(format!("×{x:.2}"), x, interval, floor)
}

/// `1.36x [1.30–1.42]`, or `1.01x, within noise (±4%)`.
pub fn ratio_text(x: f64, interval: Option<Interval>, floor: Option<f64>) -> String {
    claimed(format!("{x:.2}x"), x, interval, floor)
}

fn claimed(shown: String, x: f64, interval: Option<Interval>, floor: Option<f64>) -> String {
    match (Claim::judge(x, interval, floor), interval) {
        (Claim::Noise { half_width }, _) => {
            format!("{shown}, within noise ({})", stats::plus_minus(half_width))
        }
        (Claim::Unknown, _) => format!("{shown} (one repeat)"),
        (_, Some(i)) => format!("{shown} {}", stats::bracket(i, 2)),
        (_, None) => shown,
    }
}

/// `0.412 s ±4%`.
pub fn seconds_text(c: &Cell) -> String {
    let wall = c.wall_s.unwrap_or(f64::NAN);
    match c.wall_interval {
        Some(i) => format!(
            "{wall:.3} s {}",
            stats::plus_minus(stats::half_width(wall, i))
        ),
        None => format!("{wall:.3} s"),
    }
}

/// The convoy figure of a cell: its I/O thread's p50 round trip beside a
/// CPU-bound thread as a multiple of its p50 alone (the workload's own
/// `p50_vs_alone` metric, per run, with its interval; from the medians
/// for an older results.json without it).
pub fn convoy_ratio(c: &Cell) -> Option<(f64, Option<Interval>)> {
    if let Some(x) = c.metrics.get("p50_vs_alone") {
        return Some((*x, c.metric_intervals.get("p50_vs_alone").copied()));
    }
    let alone = c.metrics.get("alone_p50_ms")?;
    let p50 = c.metrics.get("p50_ms")?;
    (*alone > 0.0).then(|| (p50 / alone, None))
}

/// The geometric mean of `cells`' wall time over the same workload's on
/// `reference`, serial single-threaded benchmarks only, with its interval
/// and the number of benchmarks.
fn single_thread_cost(
    r: &Results,
    runtime: &str,
    reference: &str,
) -> Option<(f64, Option<Interval>, usize)> {
    let mut pairs: Vec<(&[f64], &[f64])> = Vec::new();
    let mut logs = 0.0;
    for c in r
        .cells
        .iter()
        .filter(|c| c.runtime == runtime && c.kind == "single" && c.executor == "serial" && c.ok())
    {
        let Some(b) = find(r, &c.workload, reference, "serial", 1) else {
            continue;
        };
        let (Some(x), Some(y)) = (c.wall_s, b.wall_s) else {
            continue;
        };
        if x > 0.0 && y > 0.0 {
            logs += (x / y).ln();
            pairs.push((&c.wall_samples, &b.wall_samples));
        }
    }
    if pairs.is_empty() {
        return None;
    }
    let n = pairs.len();
    Some(((logs / n as f64).exp(), stats::geomean_interval(&pairs), n))
}

/// The summary: a few lines that answer the lab's questions from this run
/// (module doc). Each line appears only when its cells were measured.
pub fn summary(r: &Results) -> Vec<String> {
    let floor = r.noise_floor;
    let mut lines = Vec::new();
    let has = |rt: &str| r.runtimes.iter().any(|x| x.name == rt);

    // One repeat: no interval anywhere, so nothing below is decided.
    if r.repeat < 2 {
        lines.push(
            "One repeat per cell: no figure has an interval, so none below is a finding (--repeat 3 or more decides)."
                .to_string(),
        );
    }

    // One thread.
    let mut costs = Vec::new();
    let mut count = 0;
    for rt in r
        .runtimes
        .iter()
        .filter(|rt| rt.name != "python3" && rt.family != "ceiling")
    {
        let Some((x, i, n)) = single_thread_cost(r, &rt.name, "python3") else {
            continue;
        };
        count = count.max(n);
        let mut s = format!("{} {} python3's", rt.name, ratio_text(x, i, floor));
        if rt.family == "ftl" && rt.name != "gil-new" && has("gil-new") {
            if let Some((g, gi, _)) = single_thread_cost(r, &rt.name, "gil-new") {
                s.push_str(&format!(" and {} gil-new's", ratio_text(g, gi, floor)));
            }
        }
        costs.push(s);
    }
    if !costs.is_empty() {
        lines.push(format!(
            "One thread (time per single-threaded benchmark, geometric mean over {count}): {}.",
            costs.join("; ")
        ));
    }

    // Two workers, CPU-bound.
    let ceiling = r
        .runtimes
        .iter()
        .find(|rt| rt.family == "ceiling")
        .and_then(|rt| find(r, "count_primes", &rt.name, "threads", 2))
        .and_then(|c| Some((c.speedup_vs_1?, c.speedup_vs_1_interval)));
    let mut scale = Vec::new();
    let mut flat = Vec::new();
    let mut slower = Vec::new();
    let mut undecided = Vec::new();
    for rt in r.runtimes.iter().filter(|rt| rt.family != "ceiling") {
        for e in ["threads", "processes", "interpreters"] {
            let Some(c) = find(r, "count_primes", &rt.name, e, 2) else {
                continue;
            };
            let Some(x) = c.speedup_vs_1 else { continue };
            let claim = Claim::judge(x, c.speedup_vs_1_interval, floor);
            if claim == Claim::Above {
                let share = ceiling
                    .map(|(top, _)| format!(" ({:.0}% of the ceiling)", 100.0 * x / top))
                    .unwrap_or_default();
                scale.push(format!(
                    "{} {e} {}{share}",
                    rt.name,
                    speedup_text(x, c.speedup_vs_1_interval, floor)
                ));
            } else if claim == Claim::Unknown {
                undecided.push(format!("{} {e} ×{x:.2}", rt.name));
            } else if claim == Claim::Below {
                slower.push(format!(
                    "{} {e} {}",
                    rt.name,
                    speedup_text(x, c.speedup_vs_1_interval, floor)
                ));
            } else {
                flat.push(format!(
                    "{} {e} ({})",
                    rt.name,
                    speedup_text(x, c.speedup_vs_1_interval, floor)
                ));
            }
        }
    }
    if !scale.is_empty() || !flat.is_empty() || !slower.is_empty() || !undecided.is_empty() {
        let mut s = String::from("Two workers, CPU-bound (count_primes, speed-up over 1 worker): ");
        if let Some((top, i)) = ceiling {
            s.push_str(&format!(
                "the Rust ceiling {}; ",
                speedup_text(top, i, floor)
            ));
        }
        let mut parts = Vec::new();
        if !scale.is_empty() {
            parts.push(format!("speeds up: {}", scale.join(", ")));
        } else if !flat.is_empty() || !slower.is_empty() {
            parts.push("no runtime speeds up".to_string());
        }
        if !flat.is_empty() {
            parts.push(format!("no speed-up beyond noise: {}", flat.join(", ")));
        }
        if !undecided.is_empty() {
            parts.push(format!(
                "undecided (one repeat, no interval): {}",
                undecided.join(", ")
            ));
        }
        s.push_str(&parts.join("; "));
        if !slower.is_empty() {
            s.push_str(&format!(
                "; slower with 2 workers than with 1: {}",
                slower.join(", ")
            ));
        }
        s.push('.');
        lines.push(s);
    }

    // The convoy.
    let mut convoy = Vec::new();
    let mut cured = Vec::new();
    let mut unknown = Vec::new();
    for rt in &r.runtimes {
        let Some(c) = find(r, "convoy", &rt.name, "threads", 2) else {
            continue;
        };
        let Some((x, i)) = convoy_ratio(c) else {
            continue;
        };
        let claim = Claim::judge(x, i, floor);
        if claim == Claim::Above {
            convoy.push(format!("{} {}", rt.name, ratio_text(x, i, floor)));
        } else if claim == Claim::Unknown {
            unknown.push(format!("{} {x:.2}x", rt.name));
        } else {
            cured.push(format!("{} {}", rt.name, ratio_text(x, i, floor)));
        }
    }
    if !convoy.is_empty() || !cured.is_empty() || !unknown.is_empty() {
        let mut s = String::from(
            "Convoy (an I/O thread's p50 round trip beside a CPU-bound thread, as a multiple of its p50 alone): ",
        );
        let mut parts = Vec::new();
        if !convoy.is_empty() {
            parts.push(format!("convoy on {}", convoy.join(", ")));
        }
        if !cured.is_empty() {
            parts.push(format!("no convoy on {}", cured.join(", ")));
        }
        if !unknown.is_empty() {
            parts.push(format!(
                "undecided (one repeat, no interval): {}",
                unknown.join(", ")
            ));
        }
        s.push_str(&parts.join("; "));
        s.push('.');
        lines.push(s);
    }

    // Guido's criterion.
    let mut by_status: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for v in &r.verdicts {
        let what = match v.status() {
            "not met" => format!(
                "{} ({} {:.0}% slower)",
                v.runtime,
                v.worst_cell.as_deref().unwrap_or("?"),
                (v.worst_ratio.unwrap_or(f64::NAN) - 1.0) * 100.0
            ),
            _ => v.runtime.clone(),
        };
        by_status.entry(v.status()).or_default().push(what);
    }
    if !by_status.is_empty() {
        let baselines: Vec<&str> = {
            let mut b: Vec<&str> = r.verdicts.iter().map(|v| v.baseline.as_str()).collect();
            b.dedup();
            b
        };
        let mut parts = Vec::new();
        for (status, label) in [
            ("met", "met by"),
            ("not met", "not met by"),
            ("within noise", "within noise for"),
            ("n/a", "nothing to compare for"),
        ] {
            if let Some(names) = by_status.get(status) {
                parts.push(format!("{label} {}", names.join(", ")));
            }
        }
        let repeat = r.verdicts.iter().filter_map(|v| v.suggest_repeat).max();
        let mut s = format!(
            "Guido's criterion (no single-threaded or I/O-bound program slower than on {}): {}",
            baselines.join(" / "),
            parts.join("; ")
        );
        if let Some(n) = repeat {
            s.push_str(&format!(" (--repeat {n} would decide)"));
        }
        s.push('.');
        lines.push(s);
    }

    // Pending and problems. A reason says `RUNTIME: what, why`; the same
    // what-and-why on several runtimes is one entry that names them.
    let mut pending: BTreeMap<&str, (usize, Vec<&str>)> = BTreeMap::new();
    let mut failed = 0;
    let mut differ = 0;
    for c in &r.cells {
        match c.status.as_str() {
            "pending" => {
                let reason = c.reason.as_deref().unwrap_or("?");
                let why = reason
                    .strip_prefix(c.runtime.as_str())
                    .and_then(|rest| rest.strip_prefix(": "))
                    .unwrap_or(reason);
                let entry = pending.entry(why).or_default();
                entry.0 += 1;
                if !entry.1.contains(&c.runtime.as_str()) {
                    entry.1.push(&c.runtime);
                }
            }
            "ok" => {
                if c.output_matches_python3 == Some(false) || c.answer_stable == Some(false) {
                    differ += 1;
                }
            }
            _ => failed += 1,
        }
    }
    if !pending.is_empty() {
        let total: usize = pending.values().map(|(n, _)| n).sum();
        let mut reasons: Vec<(&str, (usize, Vec<&str>))> = pending.into_iter().collect();
        reasons.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        let shown: Vec<String> = reasons
            .iter()
            .take(6)
            .map(|(why, (n, on))| format!("{n} × {why} ({})", on.join(", ")))
            .collect();
        let more = reasons.len().saturating_sub(6);
        lines.push(format!(
            "Pending: {total} cells not run — {}{}.",
            shown.join("; "),
            if more > 0 {
                format!("; and {more} other reasons (see the list at the end)")
            } else {
                String::new()
            }
        ));
    }
    if failed + differ > 0 {
        lines.push(format!(
            "Problems: {failed} cell(s) failed or timed out and {differ} gave an answer different from python3's or between repeats (see the list at the end)."
        ));
    }
    lines
}

/// The headline figures, each from measured cells only (module doc).
pub fn headlines(r: &Results) -> Vec<String> {
    let floor = r.noise_floor;
    let mut lines = Vec::new();
    let ceiling = r.runtimes.iter().find(|rt| rt.family == "ceiling");
    if let Some(c) = ceiling.and_then(|rt| find(r, "count_primes", &rt.name, "threads", 2)) {
        if let Some(x) = c.speedup_vs_1 {
            lines.push(format!(
                "The machine's real 2-worker limit (pure-Rust ceiling, count_primes in 2 threads): {} over 1 thread.",
                speedup_text(x, c.speedup_vs_1_interval, floor)
            ));
        }
    }
    for rt in r.runtimes.iter().filter(|rt| rt.family != "ceiling") {
        for e in ["threads", "processes", "interpreters"] {
            let Some(c) = find(r, "count_primes", &rt.name, e, 2) else {
                continue;
            };
            if let Some(x) = c.speedup_vs_1 {
                lines.push(format!(
                    "count_primes on {} with 2 {e}: {} over 1 worker.",
                    rt.name,
                    speedup_text(x, c.speedup_vs_1_interval, floor)
                ));
            }
        }
    }
    lines.extend(free_threading_headlines(r));
    for rt in &r.runtimes {
        let (Some(t), Some(s)) = (
            find(r, "countdown", &rt.name, "threads", 2),
            find(r, "countdown", &rt.name, "serial", 1),
        ) else {
            continue;
        };
        let (Some(tw), Some(sw)) = (t.wall_s, s.wall_s) else {
            continue;
        };
        let i = stats::ratio_interval(&t.wall_samples, &s.wall_samples);
        lines.push(format!(
            "Beazley's countdown on {}: two threads take {} the time of counting down twice in sequence.",
            rt.name,
            ratio_text(tw / sw, i, floor)
        ));
    }
    for rt in &r.runtimes {
        let Some(c) = find(r, "convoy", &rt.name, "threads", 2) else {
            continue;
        };
        let m = |k: &str| c.metrics.get(k).copied();
        if let (Some((x, i)), Some(alone), Some(p50), Some(p99)) =
            (convoy_ratio(c), m("alone_p50_ms"), m("p50_ms"), m("p99_ms"))
        {
            lines.push(format!(
                "Convoy on {}: beside a CPU-bound thread an I/O round trip's p50 is {} its p50 alone ({p50:.3} ms against {alone:.3} ms; p99 {p99:.3} ms).",
                rt.name,
                ratio_text(x, i, floor)
            ));
        }
    }
    for rt in &r.runtimes {
        let Some(c) = find(r, "handoff", &rt.name, "threads", 2) else {
            continue;
        };
        if let Some(us) = c.metrics.get("us_per_handoff") {
            let pm = c
                .metric_intervals
                .get("us_per_handoff")
                .map(|i| format!(" {}", stats::plus_minus(stats::half_width(*us, *i))))
                .unwrap_or_default();
            lines.push(format!(
                "Handoff on {}: {us:.1} µs{pm} to pass the turn from one thread to the other (a blocking lock acquire woken by a release).",
                rt.name
            ));
        }
    }
    lines.extend(big_differences(r));
    lines
}

/// Threaded I/O-bound and racing workloads where an ftl runtime takes
/// decidedly [`BIG`] times more or less than gil-new, at the workload's
/// largest worker count: the GIL's hand-over policy (or its absence) at
/// work, e.g. a fair GIL on a hot `threading.Lock`.
pub fn big_differences(r: &Results) -> Vec<String> {
    let floor = r.noise_floor;
    let mut lines = Vec::new();
    let mut workloads: Vec<&str> = Vec::new();
    for c in r
        .cells
        .iter()
        .filter(|c| (c.kind == "race" || c.kind == "io") && c.executor == "threads")
        .filter(|c| !OWN_HEADLINES.contains(&c.workload.as_str()))
    {
        if !workloads.contains(&c.workload.as_str()) {
            workloads.push(&c.workload);
        }
    }
    for w in workloads {
        let Some(n) = r
            .cells
            .iter()
            .filter(|c| {
                c.workload == w && c.executor == "threads" && c.ok() && c.runtime == "gil-new"
            })
            .map(|c| c.workers)
            .max()
        else {
            continue;
        };
        let Some(g) = find(r, w, "gil-new", "threads", n) else {
            continue;
        };
        for rt in r
            .runtimes
            .iter()
            .filter(|rt| rt.family == "ftl" && rt.name != "gil-new")
        {
            let Some(c) = find(r, w, &rt.name, "threads", n) else {
                continue;
            };
            let Some(x) = c.overhead_vs_gil_new else {
                continue;
            };
            let i = c.overhead_vs_gil_new_interval;
            if Claim::judge(x, i, floor).decided() && (x >= BIG || x <= 1.0 / BIG) {
                lines.push(format!(
                    "{w} with {n} threads: {} takes {} against gil-new's {} ({}).",
                    rt.name,
                    seconds_text(c),
                    seconds_text(g),
                    ratio_text(x, i, floor)
                ));
            }
        }
    }
    lines
}

/// The headlines of each runtime without a GIL (the `free-threaded`
/// feature of its registry entry): its 2-thread speedup on `count_primes`
/// as a share of the Rust ceiling's, its single-thread cost against the
/// baseline (Guido's criterion, from its verdict), and how
/// `refcount_contention` scales (threads reading the same objects).
pub fn free_threading_headlines(r: &Results) -> Vec<String> {
    let floor = r.noise_floor;
    let mut lines = Vec::new();
    let ceiling = r
        .runtimes
        .iter()
        .find(|rt| rt.family == "ceiling")
        .and_then(|rt| find(r, "count_primes", &rt.name, "threads", 2))
        .and_then(|c| c.speedup_vs_1);
    for rt in r
        .runtimes
        .iter()
        .filter(|rt| rt.features.iter().any(|f| f == "free-threaded"))
    {
        let name = &rt.name;
        if let Some(c) = find(r, "count_primes", name, "threads", 2) {
            if let Some(x) = c.speedup_vs_1 {
                let shown = speedup_text(x, c.speedup_vs_1_interval, floor);
                lines.push(match ceiling {
                    Some(top) => format!(
                        "No GIL, {name}: count_primes in 2 threads runs {shown} over 1 thread, {:.0}% of the Rust ceiling's ×{top:.2}.",
                        100.0 * x / top
                    ),
                    None => format!(
                        "No GIL, {name}: count_primes in 2 threads runs {shown} over 1 thread (no ceiling measured)."
                    ),
                });
            }
        }
        if let Some(v) = r.verdicts.iter().find(|v| &v.runtime == name) {
            if let (Some(g), Some(w)) = (v.geomean_ratio, v.worst_ratio) {
                lines.push(format!(
                    "No GIL, {name}: single-threaded and I/O-bound programs take {} the time of {} (geometric mean; deciding program {}, {}), Guido's criterion {}.",
                    ratio_text(g, v.geomean_interval, floor),
                    v.baseline,
                    v.worst_cell.as_deref().unwrap_or("?"),
                    ratio_text(w, v.worst_interval, floor),
                    v.status()
                ));
            }
        }
        // One thread in a `threading.Thread` if measured (the same
        // executor as the others), else the serial run.
        let cell = |n: u32| {
            find(r, "refcount_contention", name, "threads", n).or_else(|| {
                (n == 1)
                    .then(|| find(r, "refcount_contention", name, "serial", 1))
                    .flatten()
            })
        };
        if let Some(one) = cell(1) {
            let scaled: Vec<String> = [2, 4]
                .into_iter()
                .filter_map(|n| {
                    let c = cell(n)?;
                    let x = one.wall_s? / c.wall_s?;
                    let i = stats::ratio_interval(&one.wall_samples, &c.wall_samples);
                    Some(format!("{n} threads {}", speedup_text(x, i, floor)))
                })
                .collect();
            if !scaled.is_empty() {
                lines.push(format!(
                    "No GIL, {name}: refcount_contention (threads reading the same objects) runs {} over one.",
                    scaled.join("; ")
                ));
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::super::rerender::test_data::{crafted, one_repeat};
    use super::*;

    // The crafted results.json (`xtask/tests/data/crafted_results.json`),
    // whose every figure is known: python3, gil-new, gil-fair, ft-atomic and
    // the ceiling on 2 CPUs, 3 repeats each. gil-new runs nbody and float at
    // 2.0x python3's time, gil-fair the same with a wide spread, ft-atomic
    // at 2.4x; count_primes speeds up ×1.82 on the ceiling, python3's
    // processes and ft-atomic's threads and slows down ×0.87 on gil-new's;
    // the convoy is 55x and 50x on python3 and gil-new and about 1x on
    // gil-fair and ft-atomic; race_counter takes 2.27 s on gil-fair against
    // 0.42 s on gil-new; two processes cells are pending (recorded before
    // the processes executor was built: the reasons are the fixture's text,
    // which the summary only groups and repeats).

    #[test]
    fn the_summary_of_a_crafted_run_says_what_its_cells_support() {
        let lines = summary(&crafted());
        let expected = [
            "One thread (time per single-threaded benchmark, geometric mean over 2): gil-new 2.00x [1.94–2.06] python3's; gil-fair 2.00x [1.80–2.30] python3's and 1.00x, within noise (±13%) gil-new's; ft-atomic 2.40x [2.33–2.47] python3's and 1.20x [1.17–1.23] gil-new's.",
            "Two workers, CPU-bound (count_primes, speed-up over 1 worker): the Rust ceiling ×1.82 [1.77–1.87]; speeds up: python3 processes ×1.82 [1.75–1.89] (100% of the ceiling), ft-atomic threads ×1.82 [1.75–1.89] (100% of the ceiling); no speed-up beyond noise: python3 threads (×0.95, within noise (±8%)); slower with 2 workers than with 1: gil-new threads ×0.87 [0.83–0.91].",
            "Convoy (an I/O thread's p50 round trip beside a CPU-bound thread, as a multiple of its p50 alone): convoy on python3 55.00x [50.00–60.00], gil-new 50.00x [45.00–52.00]; no convoy on gil-fair 1.02x, within noise (±7%), ft-atomic 1.00x, within noise (±3%).",
            "Guido's criterion (no single-threaded or I/O-bound program slower than on gil-new): not met by ft-atomic (float serial×1 20% slower); within noise for gil-fair (--repeat 26 would decide).",
            "Pending: 2 cells not run — 2 × `processes` executor not built yet (issue 18) (gil-new, gil-fair).",
        ];
        assert_eq!(lines, expected);
    }

    #[test]
    fn the_crafted_run_has_the_large_policy_difference_as_a_headline() {
        let lines = headlines(&crafted());
        assert!(
            lines.iter().any(|l| l
                == "race_counter with 4 threads: gil-fair takes 2.270 s ±2% against gil-new's 0.420 s ±2% (5.40x [5.12–5.61])."),
            "{lines:#?}"
        );
        // Nothing within noise is a difference: gil-fair's nbody spreads
        // ±13% around gil-new's.
        assert!(!lines.iter().any(|l| l.starts_with("nbody")), "{lines:#?}");
    }

    #[test]
    fn one_repeat_decides_nothing() {
        let lines = summary(&one_repeat(crafted()));
        assert!(
            lines[0].starts_with("One repeat per cell: no figure has an interval"),
            "{lines:#?}"
        );
        let convoy = lines
            .iter()
            .find(|l| l.starts_with("Convoy"))
            .expect("convoy line");
        assert!(
            convoy.contains("undecided (one repeat, no interval): python3 "),
            "{convoy}"
        );
        assert!(!convoy.contains("no convoy"), "{convoy}");
        let scaling = lines
            .iter()
            .find(|l| l.starts_with("Two workers"))
            .expect("scaling line");
        assert!(!scaling.contains("speeds up:"), "{scaling}");
        assert!(
            scaling.contains("undecided (one repeat, no interval)"),
            "{scaling}"
        );
    }
}
